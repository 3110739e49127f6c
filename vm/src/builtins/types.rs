//! Classes: calling a class (`__new__` then `__init__`), `type(name, bases, ns)`,
//! `__build_class__`, the C3 method resolution order, and the constructors of the
//! built-in types.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::instance::new_instance;
use crate::object::{Class, Dict, Exception, Layout, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("__new__", type_dunder_new),
    ("__call__", type_dunder_call),
    ("__init__", type_dunder_init),
    ("mro", type_mro), ("__subclasses__", type_subclasses), ("__instancecheck__", type_instancecheck), ("__subclasscheck__", type_subclasscheck)];

/// `type.__call__(cls, *args)`: what `super().__call__(...)` in a metaclass reaches.
fn type_dunder_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.pos().first() {
        Some(Value::Obj(c)) if matches!(c.view(), Obj::Class(_)) => {
            let c = c.clone();
            vm.type_call(&c, Args { args: &a.args[1..], kwnames: a.kwnames })
        }
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_dunder_init(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_mro(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "mro", 1, 1)?;
    let v = vm.getattr(&pos[0], "__mro__")?;
    let items = vm.collect(&v)?;
    Ok(vm.new_list(items))
}

fn type_subclasses(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__subclasses__", 1, 1)?;
    let subs = pos[0].as_obj().and_then(|o| o.as_class().map(|c| c.live_subclasses())).unwrap_or_default();
    Ok(vm.new_list(subs.into_iter().map(Value::Obj).collect()))
}

fn type_instancecheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__instancecheck__", 2, 2)?;
    match &pos[0] {
        Value::Obj(c) => Ok(Value::Bool(vm.isinstance(&pos[1], c))),
        _ => Ok(Value::Bool(false)),
    }
}

fn type_subclasscheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__subclasscheck__", 2, 2)?;
    match (&pos[0], &pos[1]) {
        (Value::Obj(c), Value::Obj(s)) => Ok(Value::Bool(s.as_class().map(|k| k.is_subclass_of(s, c)).unwrap_or(false))),
        _ => Ok(Value::Bool(false)),
    }
}

fn class_of(v: &Value) -> Option<&ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.view(), Obj::Class(_)) => Some(o),
        _ => None,
    }
}

/// C3 linearisation (`mro_internal`); CPython's error message on conflict.
pub fn c3_mro(vm: &Vm, cls: &ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|b| b.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| ObjRef::ptr_eq(x, cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<String> = bases.iter().filter_map(|b| b.as_class().map(|c| c.name.to_string())).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if ObjRef::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

impl Vm {
    /// `type(name, bases, ns)` with `metaclass` as the new class's type.
    pub fn create_class(&mut self, meta: Option<ObjRef>, name: &str, bases: Vec<ObjRef>, ns: &Dict) -> PyResult<Value> {
        self.create_class_kw(meta, name, bases, ns, &[], &[])
    }

    /// [`Self::create_class`] with the class statement's keyword arguments (values and
    /// names), which go to the `__init_subclass__` of the new class's parent.
    pub fn create_class_kw(&mut self, meta: Option<ObjRef>, name: &str, bases: Vec<ObjRef>, ns: &Dict, kw_values: &[Value], kw_names: &[Value]) -> PyResult<Value> {
        let bases = if bases.is_empty() { vec![self.types.object.clone()] } else { bases };
        let mut layout = Layout::Object;
        for b in &bases {
            let Some(bc) = b.as_class() else { continue };
            let wrappable = [&self.types.property, &self.types.classmethod, &self.types.staticmethod, &self.types.generic_alias]
                .iter()
                .any(|t| bc.mro.borrow().iter().any(|k| ObjRef::ptr_eq(k, t)));
            if wrappable {
                layout = Layout::Other;
                continue;
            }
            if bc.layout == Layout::Other || (ObjRef::ptr_eq(b, &self.types.bool_)) {
                return Err(self.type_error(format!("type '{}' is not an acceptable base type", bc.name)));
            }
            if bc.layout != Layout::Object {
                if layout != Layout::Object && layout != bc.layout {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = bc.layout;
            }
        }
        let slots = match ns.get_str("__slots__") {
            Some(s) => {
                let items = if s.as_str().is_some() { vec![s] } else { self.collect(&s)? };
                Some(items.iter().filter_map(|v| v.as_str().map(Rc::from)).collect::<Vec<Rc<str>>>())
            }
            None => None,
        };
        // Instances get a __dict__ unless every class in the hierarchy has __slots__.
        let any_base_dict = bases.iter().any(|b| {
            b.as_class().map(|c| c.heap && c.mro.borrow().iter().any(|k| k.as_class().map(|kc| kc.heap && kc.slots.is_none()).unwrap_or(false))).unwrap_or(false)
        });
        let slots = if any_base_dict { None } else { slots };
        let mut dict = ns.clone();
        if let Some(Value::Obj(f)) = dict.get_str("__new__") {
            if matches!(f.view(), Obj::Function(_)) {
                dict.insert_str("__new__", Value::obj(crate::object::NewObj::StaticMethod(Value::Obj(f.clone()))));
            }
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(Value::Obj(f)) = dict.get_str(special) {
                if matches!(f.view(), Obj::Function(_)) {
                    dict.insert_str(special, Value::obj(crate::object::NewObj::ClassMethod(Value::Obj(f.clone()))));
                }
            }
        }
        // A class that defines __eq__ without __hash__ is unhashable.
        if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
            dict.insert_str("__hash__", Value::None);
        }
        let qualname: Rc<str> = dict.get_str("__qualname__").and_then(|q| q.as_str().map(Rc::from)).unwrap_or_else(|| name.into());
        dict.remove_str("__qualname__");
        let module = dict.get_str("__module__").unwrap_or(Value::str("__main__"));
        let classcell = dict.remove_str("__classcell__");
        let doc_is_slot = slots.as_ref().map(|s| s.iter().any(|n| &**n == "__doc__")).unwrap_or(false);
        if dict.get_str("__doc__").is_none() && !doc_is_slot {
            dict.insert_str("__doc__", Value::None);
        }
        // Instances can be weakly referenced unless `__slots__` leaves `__weakref__` out
        // (and no base with a `__dict__`-style layout provides it).
        let weakrefable = match &slots {
            None => true,
            Some(s) => {
                s.iter().any(|n| &**n == "__weakref__")
                    || bases.iter().any(|b| b.as_class().map(|c| c.heap && c.weakrefable).unwrap_or(false))
            }
        };
        let cls = crate::object::NewObj::alloc(crate::object::NewObj::Class(Class {
            name: name.into(),
            qualname: RefCell::new(qualname),
            module: RefCell::new(module),
            bases: bases.clone(),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            layout,
            metaclass: RefCell::new(meta.filter(|m| !ObjRef::ptr_eq(m, &self.types.type_))),
            slots,
            heap: true,
            has_del: std::cell::Cell::new(false),
            weakrefable,
            subclasses: RefCell::new(Vec::new()),
            native: false,
            shapes: std::cell::OnceCell::new(),
            index: std::cell::Cell::new(0),
            collection: std::cell::Cell::new(0),
        }));
        let mro = c3_mro(self, &cls, &bases)?;
        if let Some(c) = cls.as_class() {
            c.collection.set(crate::object::inherited_collection(&mro));
            *c.mro.borrow_mut() = mro;
            c.refresh_has_del();
        }
        Class::register_subclass(&cls);
        if let Some(Value::Obj(cell)) = classcell {
            if let Obj::Cell(c) = cell.view() {
                *c.borrow_mut() = Value::Obj(cls.clone());
            }
        }
        let clsv = Value::Obj(cls.clone());
        // __set_name__ on descriptors, then the parent's __init_subclass__.
        let items = cls.as_class().map(|c| c.dict.borrow().items()).unwrap_or_default();
        for (k, v) in items {
            if let Some(f) = self.user_dunder(&v, "__set_name__") {
                self.call_dunder(&f, &v, &[clsv.clone(), k])?;
            }
        }
        // super(cls, cls).__init_subclass__(**kwargs): the first definition after cls
        // in its MRO; object's takes no keyword arguments.
        let mro = cls.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default();
        let found = mro.iter().skip(1).find_map(|k| k.as_class().and_then(|kc| kc.dict.borrow().get_str("__init_subclass__")));
        match found {
            Some(Value::Obj(f)) if matches!(f.view(), Obj::ClassMethod(_)) => {
                if let Obj::ClassMethod(func) = f.view() {
                    let mut args = Vec::with_capacity(1 + kw_values.len());
                    args.push(clsv.clone());
                    args.extend_from_slice(kw_values);
                    self.call(func, Args { args: &args, kwnames: kw_names })?;
                }
            }
            _ if !kw_values.is_empty() => {
                return Err(self.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
            }
            _ => {}
        }
        Ok(clsv)
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
    pub fn build_class(&mut self, a: Args) -> PyResult<Value> {
        let pos = a.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        let name = pos[1].as_str().unwrap_or("?").to_string();
        let orig_bases: Vec<Value> = pos[2..].to_vec();
        let bases = self.update_bases(&orig_bases)?;
        let bases_changed = bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b));
        let mut base_classes = Vec::new();
        for b in &bases {
            match class_of(b) {
                Some(c) => base_classes.push(c.clone()),
                None => return Err(self.type_error("bases must be types")),
            }
        }
        let mut meta: Option<Value> = a.kwarg("metaclass").cloned();
        if meta.is_none() {
            for b in &bases {
                let t = self.type_of(b);
                if !ObjRef::ptr_eq(&t, &self.types.type_) {
                    meta = Some(Value::Obj(t));
                    break;
                }
            }
        }
        let ns = match &meta {
            Some(m) => match self.getattr_opt(m, "__prepare__")? {
                Some(p) => {
                    let bt = self.new_tuple(bases.clone());
                    self.call(&p, Args::new(&[Value::str(&name), bt]))?
                }
                None => self.new_dict(Dict::new()),
            },
            None => self.new_dict(Dict::new()),
        };
        self.run_class_body(&func, &ns)?;
        if bases_changed {
            let t = self.new_tuple(orig_bases);
            self.setitem(&ns, Value::str("__orig_bases__"), t)?;
        }
        match meta {
            Some(m) if !matches!(&m, Value::Obj(o) if ObjRef::ptr_eq(o, &self.types.type_)) => {
                let bt = self.new_tuple(bases);
                let mut args = vec![Value::str(&name), bt, ns.clone()];
                let mut names = Vec::new();
                for (k, v) in a.kw() {
                    if k != "metaclass" {
                        names.push(Value::str(k));
                        args.push(v.clone());
                    }
                }
                let cls = self.call(&m, Args { args: &args, kwnames: &names })?;
                // A metaclass built the class from a copy of ns: fill the cell.
                if let Some(cell) = ns_get(&ns, "__classcell__") {
                    if let Value::Obj(c) = &cell {
                        if let Obj::Cell(c) = c.view() {
                            if c.borrow().is_null() {
                                *c.borrow_mut() = cls.clone();
                            }
                        }
                    }
                }
                Ok(cls)
            }
            _ => {
                let d = match &ns {
                    Value::Obj(o) => match o.view() {
                        Obj::Dict(d) => d.borrow().clone(),
                        _ => Dict::new(),
                    },
                    _ => Dict::new(),
                };
                let (mut values, mut names) = (Vec::new(), Vec::new());
                for (k, v) in a.kw() {
                    if k != "metaclass" {
                        names.push(Value::str(k));
                        values.push(v.clone());
                    }
                }
                self.create_class_kw(None, &name, base_classes, &d, &values, &names)
            }
        }
    }

    /// PEP 560's `update_bases`: a base that is not a class but has `__mro_entries__`
    /// is replaced by what that returns (a tuple).
    fn update_bases(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let mut orig: Option<Value> = None;
        for b in bases {
            if class_of(b).is_some() {
                out.push(b.clone());
                continue;
            }
            let Some(f) = self.lookup_attr(b, "__mro_entries__")? else {
                out.push(b.clone());
                continue;
            };
            let all = orig.get_or_insert_with(|| Value::tuple(bases.to_vec())).clone();
            let r = self.call1(&f, all)?;
            match &r {
                Value::Obj(t) if t.kind() == crate::object::Kind::Tuple => out.extend(self.collect(&r)?),
                _ => return Err(self.type_error("__mro_entries__ must return a tuple")),
            }
        }
        Ok(out)
    }

    /// Call a class object: `type(x)`, metaclass `__call__`, or `__new__` + `__init__`.
    pub fn call_class(&mut self, cls: &ObjRef, a: Args) -> PyResult<Value> {
        let clsv = Value::Obj(cls.clone());
        if ObjRef::ptr_eq(cls, &self.types.type_) {
            let pos = a.pos();
            if pos.len() == 1 && !a.has_kw() {
                return Ok(Value::Obj(self.type_of(&pos[0])));
            }
            return type_new(self, None, a);
        }
        // A user metaclass with __call__.
        let meta = self.type_of(&clsv);
        if !ObjRef::ptr_eq(&meta, &self.types.type_) {
            if let Some(mc) = meta.as_class() {
                if mc.heap {
                    if let Some(f) = mc.lookup("__call__") {
                        if matches!(&f, Value::Obj(o) if matches!(o.view(), Obj::Function(_))) {
                            let mut all = vec![clsv.clone()];
                            all.extend_from_slice(a.args);
                            return self.call(&f, Args { args: &all, kwnames: a.kwnames });
                        }
                    }
                }
            }
        }
        self.type_call(cls, a)
    }

    /// `type.__call__(cls, *args)`: `__new__` then `__init__`.
    pub fn type_call(&mut self, cls: &ObjRef, a: Args) -> PyResult<Value> {
        let clsv = Value::Obj(cls.clone());
        let Some(c) = cls.as_class() else { return Err(self.type_error("not a class")) };
        if ObjRef::ptr_eq(cls, &self.types.type_) || c.is_subclass_of(cls, &self.types.type_) {
            // A metaclass instantiated: type.__new__ protocol.
            let new = c.lookup("__new__");
            if let Some(Value::Obj(n)) = &new {
                if let Obj::StaticMethod(f) = n.view() {
                    let mut all = vec![clsv.clone()];
                    all.extend_from_slice(a.args);
                    let obj = self.call(f, Args { args: &all, kwnames: a.kwnames })?;
                    if let Some(init) = c.lookup("__init__") {
                        if matches!(&init, Value::Obj(o) if matches!(o.view(), Obj::Function(_))) {
                            let mut all = vec![obj.clone()];
                            all.extend_from_slice(a.args);
                            self.call(&init, Args { args: &all, kwnames: a.kwnames })?;
                        }
                    }
                    return Ok(obj);
                }
            }
            return type_new(self, Some(cls.clone()), a);
        }
        if !c.heap {
            return self.construct_builtin(cls, c.layout, a);
        }
        // User class: __new__ (user-defined or the layout's) then __init__.
        let user_new = c.mro.borrow().iter().find_map(|k| {
            let kc = k.as_class()?;
            if !kc.heap {
                return None;
            }
            kc.dict.borrow().get_str("__new__")
        });
        let obj = match user_new {
            Some(n) => {
                let f = match &n {
                    Value::Obj(o) => match o.view() {
                        Obj::StaticMethod(f) => f.clone(),
                        _ => n.clone(),
                    },
                    _ => n.clone(),
                };
                let mut all = vec![clsv.clone()];
                all.extend_from_slice(a.args);
                self.call(&f, Args { args: &all, kwnames: a.kwnames })?
            }
            None => {
                let init_defined = c.mro.borrow().iter().any(|k| k.as_class().map(|kc| kc.heap && kc.dict.borrow().get_str("__init__").is_some()).unwrap_or(false));
                if c.layout == Layout::Object && !init_defined && (!a.pos().is_empty() || a.has_kw()) {
                    return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                }
                self.object_new(cls, a)?
            }
        };
        if !self.isinstance(&obj, cls) {
            return Ok(obj);
        }
        if let Some(init) = c.lookup("__init__") {
            let is_user = matches!(&init, Value::Obj(o) if matches!(o.view(), Obj::Function(_)));
            if is_user {
                let mut all = vec![obj.clone()];
                all.extend_from_slice(a.args);
                let r = self.call(&init, Args { args: &all, kwnames: a.kwnames })?;
                if !r.is_none() {
                    return Err(self.type_error(format!("__init__() should return None, not '{}'", self.type_name(&r))));
                }
            } else if let Value::Obj(io) = &init {
                if let Obj::Native(n) = io.view() {
                    if n.owner != Some("object") {
                        let mut all = vec![obj.clone()];
                        all.extend_from_slice(a.args);
                        (n.func)(self, Args { args: &all, kwnames: a.kwnames })?;
                    }
                }
            }
        }
        Ok(obj)
    }

    /// `object.__new__(cls)` for a user class, by layout.
    pub fn object_new(&mut self, cls: &ObjRef, a: Args) -> PyResult<Value> {
        let Some(c) = cls.as_class() else { return Err(self.type_error("object.__new__(X): X is not a type object")) };
        if let Some(Value::Obj(abs)) = c.lookup("__abstractmethods__") {
            if let Obj::FrozenSet(s) = abs.view() {
                if !s.is_empty() {
                    let mut names: Vec<String> = s.keys().iter().filter_map(|k| k.as_str().map(String::from)).collect();
                    names.sort();
                    return Err(self.type_error(format!(
                        "Can't instantiate abstract class {} with abstract method{} {}",
                        c.name,
                        if names.len() == 1 { "" } else { "s" },
                        names.join(", ")
                    )));
                }
            }
        }
        if c.layout == Layout::Exception && crate::builtins::syntax_error::is_syntax_error_class(self, cls) {
            crate::builtins::syntax_error::check_args(self, a.pos())?;
        }
        Ok(match c.layout {
            Layout::Exception => {
                let exc = Value::obj(crate::object::NewObj::Exception(Exception {
                    class: crate::builtins::oserror::pick_class(self, cls, a.pos()),
                    args: RefCell::new(self.new_tuple(a.pos().to_vec())),
                    dict: RefCell::new(Dict::new()),
                    traceback: RefCell::new(Value::None),
                    cause: RefCell::new(Value::None),
                    context: RefCell::new(Value::None),
                    suppress_context: std::cell::Cell::new(false),
                }));
                if let Some(e) = exc.as_obj().and_then(|o| o.as_exception()) {
                    if crate::builtins::codecs::unicode_error::is_unicode_error_class(self, &e.class) {
                        crate::builtins::codecs::unicode_error::init(self, e, a.pos());
                    }
                }
                exc
            }
            Layout::Object => Value::Obj(new_instance(cls, Value::Null)),
            Layout::WeakRef => return crate::builtins::weakref::make_ref(self, Some(cls.clone()), a.pos()),
            Layout::Other => {
                // A subclass of property/classmethod/staticmethod wraps one.
                let t = &self.types;
                let builtin = [&t.property, &t.classmethod, &t.staticmethod, &t.generic_alias]
                    .into_iter()
                    .find(|b| c.mro.borrow().iter().any(|k| ObjRef::ptr_eq(k, b)))
                    .cloned()
                    .ok_or_else(|| self.type_error(format!("cannot create '{}' instances", c.name)))?;
                let base = self.construct_builtin(&builtin, Layout::Other, a)?;
                Value::Obj(new_instance(cls, base))
            }
            layout => {
                // A subclass of a built-in type wraps a value of that type.
                let builtin = self.layout_class(layout);
                let base = match layout {
                    // Mutable containers start empty; __init__ fills them.
                    Layout::List => self.new_list(vec![]),
                    Layout::Dict => self.new_dict(Dict::new()),
                    Layout::Set => Value::obj(crate::object::NewObj::Set(RefCell::new(Dict::new_set()))),
                    _ => self.construct_builtin(&builtin, layout, Args { args: a.args, kwnames: a.kwnames })?,
                };
                Value::Obj(new_instance(cls, base))
            }
        })
    }

    pub fn layout_class(&self, layout: Layout) -> ObjRef {
        let t = &self.types;
        match layout {
            Layout::Int => t.int.clone(),
            Layout::WeakRef => t.weakref.clone(),
            Layout::Bool => t.bool_.clone(),
            Layout::Float => t.float.clone(),
            Layout::Complex => t.complex.clone(),
            Layout::Str => t.str_.clone(),
            Layout::Bytes => t.bytes.clone(),
            Layout::ByteArray => t.bytearray.clone(),
            Layout::Tuple => t.tuple.clone(),
            Layout::List => t.list.clone(),
            Layout::Dict => t.dict.clone(),
            Layout::Set => t.set.clone(),
            Layout::FrozenSet => t.frozenset.clone(),
            Layout::Type => t.type_.clone(),
            Layout::Exception => t.exc["BaseException"].clone(),
            Layout::Object | Layout::Other => t.object.clone(),
        }
    }

    /// Call a built-in class: `int(x)`, `list(it)`, `ValueError(msg)`, ...
    pub fn construct_builtin(&mut self, cls: &ObjRef, layout: Layout, a: Args) -> PyResult<Value> {
        use crate::builtins as b;
        let t = &self.types;
        let is = |x: &ObjRef| ObjRef::ptr_eq(cls, x);
        if is(&t.object.clone()) {
            if !a.pos().is_empty() {
                return Err(self.type_error("object() takes no arguments"));
            }
            return Ok(Value::Obj(new_instance(cls, Value::Null)));
        }
        if is(&t.weakref.clone()) {
            return crate::builtins::weakref::make_ref(self, None, a.pos());
        }
        if is(&t.range.clone()) {
            return b::range::range_new(self, a);
        }
        if is(&t.slice.clone()) {
            let pos = a.check(self, "slice", 1, 3)?;
            let (start, stop, step) = match pos.len() {
                1 => (Value::None, pos[0].clone(), Value::None),
                2 => (pos[0].clone(), pos[1].clone(), Value::None),
                _ => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
            };
            return Ok(Value::obj(crate::object::NewObj::Slice { start, stop, step }));
        }
        if is(&t.property.clone()) {
            return b::object::property_new(self, a);
        }
        if is(&t.staticmethod.clone()) {
            let pos = a.check(self, "staticmethod", 1, 1)?;
            return Ok(Value::obj(crate::object::NewObj::StaticMethod(pos[0].clone())));
        }
        if is(&t.classmethod.clone()) {
            let pos = a.check(self, "classmethod", 1, 1)?;
            return Ok(Value::obj(crate::object::NewObj::ClassMethod(pos[0].clone())));
        }
        if is(&t.super_.clone()) {
            return b::functions::super_new(self, a);
        }
        if is(&t.method.clone()) {
            // types.MethodType(function, instance)
            let pos = a.check(self, "method", 2, 2)?;
            if !self.is_callable(&pos[0]) {
                return Err(self.type_error("first argument must be callable"));
            }
            if pos[1].is_none() {
                return Err(self.type_error("instance must not be None"));
            }
            let Value::Obj(func) = &pos[0] else { return Err(self.type_error("first argument must be callable")) };
            return Ok(Value::obj(crate::object::NewObj::BoundMethod { func: func.clone(), slf: pos[1].clone() }));
        }
        if is(&t.generic_alias.clone()) {
            return b::genericalias::ga_new(self, a);
        }
        if is(&t.memoryview.clone()) {
            return b::memoryview::memoryview_new(self, a);
        }
        if is(&t.union_type.clone()) {
            return Err(self.type_error("cannot create 'types.UnionType' instances"));
        }
        if let Some(r) = b::functions::construct_iter_type(self, cls, a) {
            return r;
        }
        match layout {
            Layout::Int => b::int::int_new(self, a),
            Layout::Bool => {
                let pos = a.check(self, "bool", 0, 1)?;
                Ok(Value::Bool(match pos.first() {
                    Some(v) => self.truthy(v)?,
                    None => false,
                }))
            }
            Layout::Float => b::float::float_new(self, a),
            Layout::Complex => b::complex::complex_new(self, a),
            Layout::Str => b::str::str_new(self, a),
            Layout::Bytes => b::str::bytes_new(self, a),
            Layout::ByteArray => b::str::bytearray_new(self, a),
            Layout::Tuple => {
                let pos = a.check(self, "tuple", 0, 1)?;
                match pos.first() {
                    Some(v) => {
                        let items = self.collect(v)?;
                        Ok(self.new_tuple(items))
                    }
                    None => Ok(self.new_tuple(vec![])),
                }
            }
            Layout::List => {
                let pos = a.check(self, "list", 0, 1)?;
                match pos.first() {
                    Some(v) => {
                        let items = self.collect(v)?;
                        Ok(self.new_list(items))
                    }
                    None => Ok(self.new_list(vec![])),
                }
            }
            Layout::Dict => {
                let d = self.new_dict(Dict::new());
                b::dict::dict_init_from(self, &d, a)?;
                Ok(d)
            }
            Layout::Set | Layout::FrozenSet => b::set::set_new(self, layout == Layout::FrozenSet, a),
            Layout::Exception => {
                if b::syntax_error::is_syntax_error_class(self, cls) {
                    b::syntax_error::check_args(self, a.pos())?;
                }
                let cls = crate::builtins::oserror::pick_class(self, cls, a.pos());
                let is_os = crate::builtins::oserror::is_oserror_class(self, &cls);
                let exc = self.new_exception(cls, a.pos().to_vec());
                if is_os {
                    if let Value::Obj(o) = &exc {
                        if let Obj::Exception(e) = o.view() {
                            crate::builtins::oserror::init(self, e, a.pos());
                        }
                    }
                }
                if let Some(e) = exc.as_obj().and_then(|o| o.as_exception()) {
                    if crate::builtins::codecs::unicode_error::is_unicode_error_class(self, &e.class) {
                        crate::builtins::codecs::unicode_error::init(self, e, a.pos());
                    }
                }
                Ok(exc)
            }
            Layout::Type => type_new(self, None, a),
            _ => Err(self.type_error(format!(
                "cannot create '{}' instances",
                cls.as_class().map(|c| c.name.to_string()).unwrap_or_default()
            ))),
        }
    }
}

/// Instances get a `__dict__` unless every user class in the MRO declares `__slots__`.
pub fn needs_dict(c: &Class) -> bool {
    c.slots.is_none() || c.mro.borrow().iter().any(|k| k.as_class().map(|kc| kc.heap && kc.slots.is_none()).unwrap_or(false))
}

fn ns_get(ns: &Value, key: &str) -> Option<Value> {
    match ns {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => d.borrow().get_str(key),
            _ => None,
        },
        _ => None,
    }
}

/// `type(name, bases, dict)` / `type.__new__(meta, name, bases, dict)`.
pub fn type_new(vm: &mut Vm, meta: Option<ObjRef>, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = pos[0].as_str().ok_or_else(|| vm.type_error("type.__new__() argument 1 must be str"))?.to_string();
    let bases: Vec<ObjRef> = vm.collect(&pos[1])?.iter().filter_map(|b| class_of(b).cloned()).collect();
    let d = match &pos[2] {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => d.borrow().clone(),
            _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
        },
        _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
    };
    let start = a.args.len() - a.kwnames.len();
    vm.create_class_kw(meta, &name, bases, &d, &a.args[start..], a.kwnames)
}

/// `type.__new__` as a callable (for `super().__new__(mcls, ...)` in metaclasses).
pub fn type_dunder_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    let Some(Value::Obj(meta)) = pos.first() else { return Err(vm.type_error("type.__new__(): not enough arguments")) };
    let meta = meta.clone();
    type_new(vm, Some(meta), Args { args: &a.args[1..], kwnames: a.kwnames })
}

#[allow(dead_code)]
fn unused(_: PyErr) {}

/// A `types.SimpleNamespace` with the given attributes.
pub fn simple_namespace(vm: &mut Vm, attrs: Dict) -> Value {
    let cls = namespace_class(vm);
    Value::Obj(crate::object::instance::new_instance_with(&cls, &attrs))
}

/// `types.SimpleNamespace` (CPython's `_PyNamespace_Type`): instances with a
/// `__dict__`, made from keyword arguments, shown as `namespace(a=1, ...)` and equal
/// when their namespaces are. Made once, on first use.
fn namespace_class(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.native_classes.get("SimpleNamespace") {
        return c.clone();
    }
    let mut d = Dict::new();
    for (name, f) in [("__init__", namespace_init as crate::object::NativeFn), ("__repr__", namespace_repr), ("__eq__", namespace_eq)] {
        d.insert_str(name, crate::builtins::method("SimpleNamespace", name, f));
    }
    d.insert_str("__hash__", Value::None);
    d.insert_str("__doc__", Value::str("A simple attribute-based namespace."));
    let cls = Class::new_native("SimpleNamespace", "types", &vm.types.object, d, Layout::Object, None);
    vm.native_classes.insert("SimpleNamespace", cls.clone());
    cls
}

fn namespace_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let Some(slf) = pos.first() else { return Err(vm.type_error("descriptor '__init__' of 'types.SimpleNamespace' object needs an argument")) };
    for (k, v) in a.kw() {
        vm.setattr(slf, k, v.clone())?;
    }
    Ok(Value::None)
}

fn namespace_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let slf = a.check(vm, "__repr__", 1, 1)?[0].clone();
    let cls = namespace_class(vm);
    let name = if ObjRef::ptr_eq(&vm.type_of(&slf), &cls) { "namespace".to_string() } else { vm.type_name(&slf).to_string() };
    let d = vm.getattr(&slf, "__dict__")?;
    let items = match &d {
        Value::Obj(o) => o.as_dict().map(|d| d.borrow().items()).unwrap_or_default(),
        _ => Vec::new(),
    };
    if vm.repr_enter(&slf) {
        return Ok(Value::string(format!("{name}(...)")));
    }
    let mut parts = Vec::with_capacity(items.len());
    for (k, v) in items {
        let Some(k) = k.as_str().map(String::from) else { continue };
        match vm.repr_string(&v) {
            Ok(r) => parts.push(format!("{k}={r}")),
            Err(e) => {
                vm.repr_leave();
                return Err(e);
            }
        }
    }
    vm.repr_leave();
    Ok(Value::string(format!("{name}({})", parts.join(", "))))
}

fn namespace_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = a.check(vm, "__eq__", 2, 2)?;
    let cls = namespace_class(vm);
    if !vm.isinstance(&args[0], &cls) || !vm.isinstance(&args[1], &cls) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (vm.getattr(&args[0], "__dict__")?, vm.getattr(&args[1], "__dict__")?);
    Ok(Value::Bool(vm.eq(&x, &y)?))
}
