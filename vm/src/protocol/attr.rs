//! Attribute access: `PyObject_GenericGetAttr` and friends — data descriptors on the
//! type, then the instance `__dict__`, then other class attributes (functions bind
//! to the instance), then `__getattr__`. Classes, modules and `super` have their own
//! lookups. Built-in objects' special attributes (`__name__`, `args`, ...) are in
//! `special.rs`.

use std::rc::Rc;

use crate::object::func::Args;
use crate::object::{NativeFunction, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        self.getattr_hashed(obj, name, crate::object::dict::hash_str(name))
    }

    /// `getattr` with the name's `hash_str` known (code objects precompute them).
    pub fn getattr_hashed(&mut self, obj: &Value, name: &str, hash: i64) -> PyResult<Value> {
        match self.getattr_opt_hashed(obj, name, hash)? {
            Some(v) => Ok(v),
            None => {
                if let Some(f) = self.user_dunder(obj, "__getattr__") {
                    return self.call_dunder(&f, obj, &[Value::str(name)]);
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    #[cold]
    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Obj(o) => match o.view() {
                Obj::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                Obj::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
                _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let e = self.attribute_error(msg);
        if let Value::Obj(o) = &e.0 {
            if let Obj::Exception(x) = o.view() {
                x.dict.borrow_mut().insert_str("name", Value::str(name));
                x.dict.borrow_mut().insert_str("obj", obj.clone());
            }
        }
        e
    }

    /// Attribute lookup without `__getattr__` and without raising AttributeError.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.getattr_opt_hashed(obj, name, crate::object::dict::hash_str(name))
    }

    pub fn getattr_opt_hashed(&mut self, obj: &Value, name: &str, hash: i64) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            match o.view() {
                Obj::Class(_) => return self.class_getattr(o, name),
                Obj::Module(m) => {
                    if let Some(v) = m.d().borrow().get_str(name) {
                        return Ok(Some(v));
                    }
                    if name == "__dict__" {
                        return Ok(Some(Value::Obj(m.dict.clone())));
                    }
                    return Ok(None);
                }
                Obj::Super { class, obj: sobj } => return self.super_getattr(class, sobj, name),
                // A generic alias forwards most names to its origin (`ga_getattro`).
                Obj::Alias(_) => {
                    if let Some(v) = crate::builtins::genericalias::forwarded_getattr(self, obj, name)? {
                        return Ok(Some(v));
                    }
                }
                Obj::Instance(i) if i.base().as_obj().is_some_and(|b| b.kind() == crate::object::Kind::Alias) => {
                    if let Some(v) = crate::builtins::genericalias::forwarded_getattr(self, obj, name)? {
                        return Ok(Some(v));
                    }
                }
                // A proxy forwards every attribute to its referent.
                Obj::WeakProxy(_) => {
                    let r = crate::builtins::weakref::unproxy(self, obj)?;
                    return self.getattr_opt(&r, name);
                }
                _ => {}
            }
        }
        let tp = self.type_of(obj);
        let Some(cls) = tp.as_class() else { return Ok(None) };
        let descr = cls.lookup_hashed(name, hash);
        // Data descriptors on the type win over the instance dict.
        if let Some(d) = &descr {
            if let Some(v) = self.data_descr_get(d, obj)? {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.instance_attr(obj, name, hash) {
            return Ok(Some(v));
        }
        // An instance's special attributes are `__class__`, `__dict__` and its slots; a
        // name found on the class is none of those (a slot cannot shadow a class
        // attribute), so method lookups skip the special table.
        let plain_instance_hit = descr.is_some()
            && name != "__class__"
            && name != "__dict__"
            && matches!(obj, Value::Obj(o) if matches!(o.view(), Obj::Instance(_)));
        if !plain_instance_hit {
            if let Some(v) = crate::protocol::special::special_getattr(self, obj, name)? {
                return Ok(Some(v));
            }
        }
        match descr {
            Some(d) => Ok(Some(self.bind_descriptor(&d, Some(obj))?.unwrap_or(d))),
            None => Ok(None),
        }
    }

    /// An attribute stored in the object itself: an instance's values (slots
    /// included), the `__dict__` of exceptions, functions and weakref subclasses.
    pub fn instance_attr(&self, obj: &Value, name: &str, hash: i64) -> Option<Value> {
        match obj {
            Value::Obj(o) => match o.view() {
                Obj::Instance(i) => i.get_attr(name, hash),
                _ => self.instance_dict(obj).and_then(|d| d.borrow().get_str_hashed(hash, name)),
            },
            _ => None,
        }
    }

    /// The `__dict__` of objects other than instances that have one.
    pub fn instance_dict<'a>(&self, obj: &'a Value) -> Option<&'a crate::object::DictRef> {
        match obj {
            Value::Obj(o) => match o.view() {
                Obj::Exception(e) => Some(&e.dict),
                Obj::Function(f) => Some(f.dict()),
                Obj::WeakRef(w) => w.dict.as_ref().and_then(|d| d.as_dict()),
                _ => None,
            },
            _ => None,
        }
    }

    /// If `d` is a data descriptor (property, or a user object with `__set__`/`__delete__`
    /// and `__get__`), the result of its `__get__`.
    /// A subclass of property/classmethod/staticmethod acts as the built-in it wraps,
    /// unless it defines `__get__` itself.
    fn builtin_descr(&self, d: &Value) -> Value {
        if let Value::Obj(o) = d {
            if let Obj::Instance(i) = o.view() {
                let wraps_descriptor = matches!(&i.base(), Value::Obj(b) if matches!(b.view(), Obj::Property { .. } | Obj::ClassMethod(_) | Obj::StaticMethod(_)));
                if wraps_descriptor && self.user_dunder(d, "__get__").is_none() {
                    return i.base().clone();
                }
            }
        }
        d.clone()
    }

    fn data_descr_get(&mut self, d: &Value, obj: &Value) -> PyResult<Option<Value>> {
        let d = &self.builtin_descr(d);
        let Value::Obj(o) = d else { return Ok(None) };
        match o.view() {
            Obj::AttrDescr(ad) => Ok(Some(crate::builtins::attrdescr::get(self, ad.attr_descr(), obj)?)),
            Obj::Property { fget, .. } => {
                if fget.is_none() {
                    return Err(self.attribute_error("unreadable attribute"));
                }
                let f = fget.clone();
                Ok(Some(self.call(&f, Args::new(&[obj.clone()]))?))
            }
            Obj::Instance(_) => {
                if self.user_dunder(d, "__set__").is_some() || self.user_dunder(d, "__delete__").is_some() {
                    if let Some(g) = self.user_dunder(d, "__get__") {
                        let t = Value::Obj(self.type_of(obj));
                        return Ok(Some(self.call_dunder(&g, d, &[obj.clone(), t])?));
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// Bind a class attribute found for `obj` (`None` = the attribute as is).
    /// `obj = None` means the lookup was on the class itself.
    pub fn bind_descriptor(&mut self, d: &Value, obj: Option<&Value>) -> PyResult<Option<Value>> {
        let d = &self.builtin_descr(d);
        let Value::Obj(o) = d else { return Ok(None) };
        match o.view() {
            Obj::Function(_) => Ok(obj.map(|s| Value::obj(crate::object::NewObj::BoundMethod { func: o.clone(), slf: s.clone() }))),
            Obj::Native(n) if n.owner.is_some() && n.slf.is_none() => Ok(obj.map(|s| {
                Value::obj(crate::object::NewObj::Native(NativeFunction { name: n.name, func: n.func, owner: n.owner, slf: Some(s.clone()) }))
            })),
            Obj::StaticMethod(f) => Ok(Some(f.clone())),
            Obj::ClassMethod(f) => {
                let cls = match obj {
                    Some(s) => Value::Obj(self.type_of(s)),
                    None => Value::None,
                };
                Ok(Some(crate::builtins::descr::bind_classmethod(f, cls)))
            }
            Obj::Instance(_) => match self.user_dunder(d, "__get__") {
                Some(g) => {
                    let (inst, owner) = match obj {
                        Some(s) => (s.clone(), Value::Obj(self.type_of(s))),
                        None => (Value::None, Value::None),
                    };
                    Ok(Some(self.call_dunder(&g, d, &[inst, owner])?))
                }
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Attribute of a class object: its MRO (descriptors bound to the class), then the
    /// metaclass.
    fn class_getattr(&mut self, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let Obj::Class(c) = cls.view() else { return Ok(None) };
        let meta = self.type_of(&Value::Obj(cls.clone()));
        // A data descriptor on the metaclass (a property) wins over the class's own MRO.
        if let Some(mc) = meta.as_class() {
            if mc.heap {
                if let Some(d) = mc.lookup(name) {
                    let me = Value::Obj(cls.clone());
                    if let Some(v) = self.data_descr_get(&d, &me)? {
                        return Ok(Some(v));
                    }
                }
            }
        }
        if let Some(v) = c.lookup(name) {
            // `type`'s own data descriptors win over one its MRO holds for the
            // instances of a built-in base (`FunctionType.__name__`).
            if crate::builtins::attrdescr::is_attr_descr(&v) && crate::builtins::attrdescr::TYPE_DATA_NAMES.contains(&name) {
                if let Some(s) = crate::protocol::special::class_special(self, cls, name)? {
                    return Ok(Some(s));
                }
            }
            let v = self.builtin_descr(&v);
            if let Value::Obj(o) = &v {
                match o.view() {
                    Obj::StaticMethod(f) => return Ok(Some(f.clone())),
                    Obj::ClassMethod(f) => {
                        return Ok(Some(crate::builtins::descr::bind_classmethod(f, Value::Obj(cls.clone()))))
                    }
                    Obj::Instance(_) => {
                        if let Some(g) = self.user_dunder(&v, "__get__") {
                            return Ok(Some(self.call_dunder(&g, &v, &[Value::None, Value::Obj(cls.clone())])?));
                        }
                    }
                    _ => {}
                }
            }
            return Ok(Some(v));
        }
        if let Some(v) = crate::protocol::special::class_special(self, cls, name)? {
            return Ok(Some(v));
        }
        // Metaclass attributes (methods bound to the class).
        if let Some(m) = meta.as_class() {
            if let Some(d) = m.lookup(name) {
                let me = Value::Obj(cls.clone());
                return Ok(Some(self.bind_descriptor(&d, Some(&me))?.unwrap_or(d)));
            }
        }
        Ok(None)
    }

    fn super_getattr(&mut self, class: &Value, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let start_type = match obj {
            Value::Obj(o) if matches!(o.view(), Obj::Class(_)) => {
                // super(C, cls) in a classmethod: obj is a class.
                if let (Value::Obj(c), Obj::Class(oc)) = (class, o.view()) {
                    if oc.is_subclass_of(o, c) {
                        o.clone()
                    } else {
                        self.type_of(obj)
                    }
                } else {
                    self.type_of(obj)
                }
            }
            _ => self.type_of(obj),
        };
        let Some(st) = start_type.as_class() else { return Ok(None) };
        let mro = st.mro.borrow().clone();
        let Value::Obj(class) = class else { return Ok(None) };
        let mut after = false;
        for k in mro.iter() {
            if after {
                if let Some(kc) = k.as_class() {
                    if let Some(v) = kc.dict.borrow().get_str(name) {
                        // super(C, cls) in a classmethod: obj is the start type itself and
                        // plain functions stay unbound (CPython's super_getattro).
                        let obj_is_start = matches!(obj, Value::Obj(o) if ObjRef::ptr_eq(o, &start_type));
                        if obj_is_start {
                            if let Value::Obj(d) = &v {
                                match d.view() {
                                    Obj::ClassMethod(f) => {
                                        return Ok(Some(crate::builtins::descr::bind_classmethod(f, obj.clone())))
                                    }
                                    Obj::StaticMethod(f) => return Ok(Some(f.clone())),
                                    _ => return Ok(Some(v.clone())),
                                }
                            }
                            return Ok(Some(v));
                        }
                        if let Value::Obj(d) = &v {
                            if let Obj::Property { fget, .. } = d.view() {
                                let f = fget.clone();
                                return Ok(Some(self.call(&f, Args::new(&[obj.clone()]))?));
                            }
                        }
                        return Ok(Some(self.bind_descriptor(&v, Some(obj))?.unwrap_or(v)));
                    }
                }
            } else if ObjRef::ptr_eq(k, class) {
                after = true;
            }
        }
        Ok(None)
    }

    /// For `LOAD_METHOD`: the plain function to call with `obj` as first argument, if
    /// the attribute is a method on the type not shadowed by the instance dict.
    pub fn get_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.get_method_hashed(obj, name, crate::object::dict::hash_str(name))
    }

    pub fn get_method_hashed(&mut self, obj: &Value, name: &str, hash: i64) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            if matches!(o.view(), Obj::Class(_) | Obj::Module(_) | Obj::Super { .. }) {
                return Ok(None);
            }
        }
        let tp = self.type_of(obj);
        let Some(cls) = tp.as_class() else { return Ok(None) };
        let Some(d) = cls.lookup_hashed(name, hash) else { return Ok(None) };
        let is_method = match &d {
            Value::Obj(f) => match f.view() {
                Obj::Function(_) => true,
                Obj::Native(n) => n.owner.is_some() && n.slf.is_none(),
                _ => false,
            },
            _ => false,
        };
        if !is_method {
            return Ok(None);
        }
        if self.instance_attr(obj, name, hash).is_some() {
            return Ok(None);
        }
        Ok(Some(d))
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        if crate::builtins::weakref::is_proxy(obj) {
            let r = crate::builtins::weakref::unproxy(self, obj)?;
            return self.setattr(&r, name, v);
        }
        if let Some(f) = self.user_dunder(obj, "__setattr__") {
            self.call_dunder(&f, obj, &[Value::str(name), v])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let Value::Obj(o) = obj else { return Err(self.readonly_attr(obj, name)) };
        match o.view() {
            Obj::Class(c) => {
                c.dict.borrow_mut().insert_str(name, v);
                c.modified();
                if name == "__del__" {
                    c.refresh_has_del();
                }
                if name == "__qualname__" {
                    if let Some(s) = c.dict.borrow().get_str(name).and_then(|s| s.as_str().map(Rc::from)) {
                        *c.qualname.borrow_mut() = s;
                    }
                }
                return Ok(());
            }
            Obj::Module(m) => {
                m.d().borrow_mut().insert_str(name, v);
                return Ok(());
            }
            _ => {}
        }
        let tp = self.type_of(obj);
        if let Some(cls) = tp.as_class() {
            if let Some(d) = cls.lookup(name) {
                if let Value::Obj(dobj) = &d {
                    match dobj.view() {
                        Obj::AttrDescr(ad) => {
                            if crate::builtins::attrdescr::set(self, ad.attr_descr(), obj, &v)? {
                                return Ok(());
                            }
                        }
                        Obj::Property { fset, .. } => {
                            if fset.is_none() {
                                return Err(self.attribute_error(format!(
                                    "property '{name}' of '{}' object has no setter",
                                    cls.name
                                )));
                            }
                            let f = fset.clone();
                            self.call(&f, Args::new(&[obj.clone(), v]))?;
                            return Ok(());
                        }
                        Obj::Instance(_) => {
                            if let Some(s) = self.user_dunder(&d, "__set__") {
                                self.call_dunder(&s, &d, &[obj.clone(), v])?;
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        if crate::protocol::special::special_setattr(self, obj, name, &v)? {
            return Ok(());
        }
        match o.view() {
            Obj::Instance(i) => match i.set_attr(name, crate::object::dict::hash_str(name), v) {
                Ok(()) => Ok(()),
                Err(_) => Err(self.attribute_error(format!("'{}' object has no attribute '{name}'", self.type_name(obj)))),
            },
            Obj::Exception(e) => {
                e.dict.borrow_mut().insert_str(name, v);
                Ok(())
            }
            Obj::Function(f) => {
                f.dict().borrow_mut().insert_str(name, v);
                Ok(())
            }
            Obj::WeakRef(w) if w.dict.is_some() => {
                // A subclass with `__slots__` (and no `__dict__`) takes only its slots.
                let cls = self.type_of(obj);
                let allowed = cls.as_class().map(|c| crate::builtins::types::needs_dict(c)).unwrap_or(true)
                    || slot_index(&cls, name).is_some();
                if !allowed {
                    return Err(self.attribute_error(format!("'{}' object has no attribute '{name}'", self.type_name(obj))));
                }
                if let Some(d) = w.dict.as_ref().and_then(|d| d.as_dict()) {
                    d.borrow_mut().insert_str(name, v);
                }
                Ok(())
            }
            _ => Err(self.readonly_attr(obj, name)),
        }
    }

    #[cold]
    fn readonly_attr(&self, obj: &Value, name: &str) -> PyErr {
        let tn = self.type_name(obj);
        let found = self.type_of(obj).as_class().and_then(|c| c.lookup(name));
        if let Some(d) = found.as_ref().and_then(crate::builtins::attrdescr::as_attr_descr) {
            return crate::builtins::attrdescr::not_writable(self, d);
        }
        if found.is_some() {
            return self.attribute_error(format!("'{tn}' object attribute '{name}' is read-only"));
        }
        self.attribute_error(format!("'{tn}' object has no attribute '{name}'"))
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if crate::builtins::weakref::is_proxy(obj) {
            let r = crate::builtins::weakref::unproxy(self, obj)?;
            return self.delattr(&r, name);
        }
        if let Some(f) = self.user_dunder(obj, "__delattr__") {
            self.call_dunder(&f, obj, &[Value::str(name)])?;
            return Ok(());
        }
        let Value::Obj(o) = obj else { return Err(self.no_attribute(obj, name)) };
        let tp = self.type_of(obj);
        if let Some(cls) = tp.as_class() {
            if let Some(Value::Obj(d)) = cls.lookup(name) {
                if let Obj::AttrDescr(ad) = d.view() {
                    if crate::builtins::attrdescr::delete(self, ad.attr_descr(), obj)? {
                        return Ok(());
                    }
                }
                if let Obj::Property { fdel, .. } = d.view() {
                    if fdel.is_none() {
                        return Err(self.attribute_error(format!("property '{name}' of '{}' object has no deleter", cls.name)));
                    }
                    let f = fdel.clone();
                    self.call(&f, Args::new(&[obj.clone()]))?;
                    return Ok(());
                }
            }
        }
        let removed = match o.view() {
            Obj::Class(c) => {
                c.modified();
                c.dict.borrow_mut().remove_str(name)
            }
            Obj::Module(m) => m.d().borrow_mut().remove_str(name),
            Obj::Instance(i) => i.del_attr(name, crate::object::dict::hash_str(name)),
            Obj::Exception(e) => e.dict.borrow_mut().remove_str(name),
            Obj::Function(f) => f.dict().borrow_mut().remove_str(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `_PyObject_LookupAttr`: `getattr(obj, name)`, with AttributeError as `None`.
    pub fn lookup_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `hasattr`-style helper for native code.
    pub fn has_attr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        match self.getattr(obj, name) {
            Ok(_) => Ok(true),
            Err(e) if self.err_matches(&e, "AttributeError") => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// Index of `name` among the `__slots__` of `cls` and its bases.
pub fn slot_index(cls: &ObjRef, name: &str) -> Option<usize> {
    let c = cls.as_class()?;
    let mro = c.mro.borrow();
    let mut offset = 0;
    // Slots of bases come first (the MRO reversed).
    for k in mro.iter().rev() {
        if let Some(kc) = k.as_class() {
            if let Some(slots) = &kc.slots {
                if let Some(i) = slots.iter().position(|s| &**s == name) {
                    return Some(offset + i);
                }
                offset += slots.len();
            }
        }
    }
    None
}
