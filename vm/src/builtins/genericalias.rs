//! PEP 585 and PEP 604 aliases: `types.GenericAlias` (`list[int]`, what a built-in
//! class's `__class_getitem__` returns) and `types.UnionType` (`int | str`), after
//! CPython 3.11's `genericaliasobject.c` and `unionobject.c`.
//!
//! Both are one foreign payload, [`Alias`]; `union` tells which type it has.
//! `GenericAlias` can be subclassed (`collections.abc`'s `_CallableGenericAlias`): an
//! instance of a subclass is an instance wrapping an alias (`unwrap_base`), and every
//! operation here takes either. Not done: star-unpacking (`*tuple[int]`; `__unpacked__`
//! is always `False`) and weak references to aliases.

use std::cell::RefCell;

use crate::object::func::Args;
use crate::object::heap::Foreign;
use crate::object::{ForeignView, Kind, Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A generic alias (`origin[args]`) or a union (`args[0] | args[1] | ...`).
pub struct Alias {
    pub union: bool,
    /// The class subscripted (None for a union).
    pub origin: RefCell<Value>,
    /// Always a tuple.
    pub args: RefCell<Value>,
    /// `__parameters__`, computed on first use (Null until then).
    pub params: RefCell<Value>,
}

// SAFETY: Kind::Alias is used by Alias alone.
unsafe impl Foreign for Alias {
    const KIND: Kind = Kind::Alias;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for c in [&self.origin, &self.args, &self.params] {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
    }

    fn clear(&self) {
        let old: Vec<Value> = [&self.origin, &self.args, &self.params]
            .iter()
            .filter_map(|c| c.try_borrow_mut().ok().map(|mut v| std::mem::replace(&mut *v, Value::None)))
            .collect();
        drop(old);
    }
}

impl<'a> ForeignView<'a> {
    /// The alias behind an `Obj::Alias` view.
    #[inline]
    pub fn alias(self) -> &'a Alias {
        self.0.foreign::<Alias>().expect("an Alias view holds an alias")
    }
}

impl Alias {
    fn args_vec(&self) -> Vec<Value> {
        match &*self.args.borrow() {
            Value::Obj(t) => match t.view() {
                Obj::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn origin(&self) -> Value {
        self.origin.borrow().clone()
    }

    pub fn args(&self) -> Value {
        self.args.borrow().clone()
    }
}

/// The alias `v` is or wraps (a subclass instance), if any.
pub fn alias_of(v: &Value) -> Option<&Alias> {
    unwrap_base(v).as_obj().and_then(|o| o.foreign::<Alias>())
}

/// The generic alias (not union) `v` is or wraps.
pub fn generic_of(v: &Value) -> Option<&Alias> {
    alias_of(v).filter(|a| !a.union)
}

fn is_union(v: &Value) -> bool {
    alias_of(v).is_some_and(|a| a.union)
}

fn new_alias(union: bool, origin: Value, args: Value) -> Value {
    Value::Obj(ObjRef::new_foreign(Alias {
        union,
        origin: RefCell::new(origin),
        args: RefCell::new(args),
        params: RefCell::new(Value::Null),
    }))
}

/// `Py_GenericAlias(origin, args)`: `args` not a tuple becomes a 1-tuple.
pub fn generic_alias(vm: &Vm, origin: Value, args: Value) -> Value {
    let args = if matches!(&args, Value::Obj(o) if o.kind() == Kind::Tuple) { args } else { vm.new_tuple(vec![args]) };
    new_alias(false, origin, args)
}

/// `types.GenericAlias(origin, args)`.
pub fn ga_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let pos = a.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {}", pos.len())));
    }
    Ok(generic_alias(vm, pos[0].clone(), pos[1].clone()))
}

/// `cls.__class_getitem__(item)` of the built-in generic classes.
pub(crate) fn class_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__class_getitem__", 2, 2)?;
    Ok(generic_alias(vm, pos[0].clone(), pos[1].clone()))
}

/// Give the built-in classes CPython 3.11 gives one their `__class_getitem__`.
pub fn install_class_getitem(vm: &Vm) {
    let t = &vm.types;
    let named = |n: &str| t.iters.get(n).cloned();
    let mut classes: Vec<(ObjRef, &'static str)> = vec![
        (t.list.clone(), "list"),
        (t.dict.clone(), "dict"),
        (t.tuple.clone(), "tuple"),
        (t.set.clone(), "set"),
        (t.frozenset.clone(), "frozenset"),
        (t.async_generator.clone(), "async_generator"),
        (t.weakref.clone(), "ReferenceType"),
    ];
    if let Some(e) = named("enumerate") {
        classes.push((e, "enumerate"));
    }
    for (cls, owner) in classes {
        if let Some(c) = cls.as_class() {
            let m = crate::builtins::method(owner, "__class_getitem__", class_getitem);
            c.dict.borrow_mut().insert_str("__class_getitem__", Value::obj(crate::object::NewObj::ClassMethod(m)));
        }
    }
}

// ---- repr ---------------------------------------------------------------------

/// CPython's `ga_repr_item`: `...`, an alias's repr, a class's `module.qualname`
/// (bare for builtins), else `repr()`.
fn repr_item(vm: &mut Vm, p: &Value, union: bool) -> PyResult<String> {
    if matches!(p, Value::Obj(o) if matches!(o.view(), Obj::Ellipsis)) {
        return Ok("...".into());
    }
    if union && matches!(p, Value::Obj(o) if ObjRef::ptr_eq(o, &vm.types.none_type)) {
        return Ok("None".into());
    }
    if vm.lookup_attr(p, "__origin__")?.is_some() && vm.lookup_attr(p, "__args__")?.is_some() {
        return vm.repr_string(p);
    }
    let Some(qualname) = vm.lookup_attr(p, "__qualname__")? else { return vm.repr_string(p) };
    let module = vm.lookup_attr(p, "__module__")?;
    match module {
        None | Some(Value::None) => vm.repr_string(p),
        Some(m) if m.as_str() == Some("builtins") => vm.str_string(&qualname),
        Some(m) => {
            let m = vm.str_string(&m)?;
            Ok(format!("{m}.{}", vm.str_string(&qualname)?))
        }
    }
}

/// `repr(alias)`.
pub fn repr(vm: &mut Vm, a: &Alias) -> PyResult<String> {
    let args = a.args_vec();
    if a.union {
        let mut parts = Vec::with_capacity(args.len());
        for x in &args {
            parts.push(repr_item(vm, x, true)?);
        }
        return Ok(parts.join(" | "));
    }
    let mut out = repr_item(vm, &a.origin(), false)?;
    out.push('[');
    for (i, x) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, x, false)?);
    }
    if args.is_empty() {
        out.push_str("()");
    }
    out.push(']');
    Ok(out)
}

// ---- parameters and substitution ---------------------------------------------------

fn is_class(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.view(), Obj::Class(_)))
}

fn tuple_items(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<Value>>> {
    Ok(match v {
        Value::Obj(o) if o.kind() == Kind::Tuple => Some(vm.collect(v)?),
        _ => None,
    })
}

/// `_Py_make_parameters`: the objects with `__typing_subst__` among `args` and the
/// `__parameters__` of the others (classes excepted), in order, without repeats.
pub fn make_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut params: Vec<Value> = Vec::new();
    let add = |params: &mut Vec<Value>, t: Value| {
        if !params.iter().any(|p| p.is(&t)) {
            params.push(t);
        }
    };
    for t in args {
        if is_class(t) {
            continue;
        }
        if vm.lookup_attr(t, "__typing_subst__")?.is_some() {
            add(&mut params, t.clone());
        } else if let Some(sub) = vm.lookup_attr(t, "__parameters__")? {
            if let Some(items) = tuple_items(vm, &sub)? {
                for x in items {
                    add(&mut params, x);
                }
            }
        }
    }
    Ok(vm.new_tuple(params))
}

/// `__parameters__` of an alias (computed once).
pub fn parameters(vm: &mut Vm, a: &Alias) -> PyResult<Value> {
    let cached = a.params.borrow().clone();
    if !cached.is_null() {
        return Ok(cached);
    }
    let p = make_parameters(vm, &a.args_vec())?;
    *a.params.borrow_mut() = p.clone();
    Ok(p)
}

fn index_of(items: &[Value], x: &Value) -> Option<usize> {
    items.iter().position(|p| p.is(x))
}

/// A `TypeVarTuple` parameter: its type is iterable (`Py_TYPE(param)->tp_iter`).
fn is_var_tuple(vm: &mut Vm, p: &Value) -> bool {
    let t = Value::Obj(vm.type_of(p));
    !is_class(p) && t.as_obj().and_then(|c| c.as_class()).is_some_and(|c| c.lookup("__iter__").is_some())
}

/// `_unpack_args`: `item` as a list of arguments, with unpacked tuples
/// (`*tuple[int, str]`, `__typing_unpacked_tuple_args__`) spliced in.
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = match tuple_items(vm, item)? {
        Some(v) => v,
        None => vec![item.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        if !is_class(&x) {
            if let Some(sub) = vm.lookup_attr(&x, "__typing_unpacked_tuple_args__")? {
                if let Some(sub) = tuple_items(vm, &sub)? {
                    let ends_ellipsis = sub.last().is_some_and(|l| matches!(l, Value::Obj(o) if matches!(o.view(), Obj::Ellipsis)));
                    if !ends_ellipsis {
                        out.extend(sub);
                        continue;
                    }
                }
            }
        }
        out.push(x);
    }
    Ok(out)
}

/// `subs_tvars`: `obj[...]` with its own parameters replaced, if it has any.
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], argitems: &[Value], varparam: usize) -> PyResult<Value> {
    let Some(sub) = vm.lookup_attr(obj, "__parameters__")? else { return Ok(obj.clone()) };
    let Some(subparams) = tuple_items(vm, &sub)? else { return Ok(obj.clone()) };
    if subparams.is_empty() {
        return Ok(obj.clone());
    }
    let (nparams, nargs, nsub) = (params.len(), argitems.len(), subparams.len());
    let mut subargs = Vec::with_capacity(nsub);
    for arg in &subparams {
        match index_of(params, arg) {
            Some(i) if i == varparam => subargs.extend_from_slice(&argitems[i..i + nargs + 1 - nparams]),
            Some(mut i) => {
                if i > varparam {
                    i = (i + nargs).saturating_sub(nsub);
                }
                subargs.push(argitems.get(i).cloned().unwrap_or(Value::None));
            }
            None => subargs.push(arg.clone()),
        }
    }
    let key = vm.new_tuple(subargs);
    vm.getitem(obj, &key)
}

/// `_Py_subs_parameters`: the new `__args__` of `self[item]`.
fn subs_parameters(vm: &mut Vm, slf: &Value, args: &[Value], params: &[Value], item: &Value) -> PyResult<Vec<Value>> {
    let nparams = params.len();
    if nparams == 0 {
        let r = vm.repr_string(slf)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let argitems = unpack_args(vm, item)?;
    let nitems = argitems.len();
    let mut varparam = nparams;
    for (i, p) in params.iter().enumerate() {
        if is_var_tuple(vm, p) {
            if varparam < nparams {
                let s = vm.str_string(slf)?;
                return Err(vm.type_error(format!("More than one TypeVarTuple parameter in {s}")));
            }
            varparam = i;
        }
    }
    if varparam < nparams {
        if nitems + 1 < nparams {
            let r = vm.repr_string(slf)?;
            return Err(vm.type_error(format!("Too few arguments for {r}")));
        }
    } else if nitems != nparams {
        let r = vm.repr_string(slf)?;
        let which = if nitems > nparams { "many" } else { "few" };
        return Err(vm.type_error(format!("Too {which} arguments for {r}; actual {nitems}, expected {nparams}")));
    }
    let mut newargs = Vec::with_capacity(args.len());
    for arg in args {
        let unpack = !is_class(arg)
            && match vm.lookup_attr(arg, "__typing_is_unpacked_typevartuple__")? {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
        let new = if let Some(subst) = vm.lookup_attr(arg, "__typing_subst__")? {
            let Some(mut i) = index_of(params, arg) else { return Err(vm.type_error("parameter not found")) };
            if i == varparam {
                return Err(vm.type_error("Substitution of bare TypeVarTuple is not supported"));
            }
            if i > varparam {
                i = i + nitems - nparams;
            }
            let x = argitems[i].clone();
            vm.call1(&subst, x)?
        } else {
            subs_tvars(vm, arg, params, &argitems, varparam)?
        };
        if unpack {
            newargs.extend(vm.collect(&new)?);
        } else {
            newargs.push(new);
        }
    }
    Ok(newargs)
}

/// `alias[item]`: substitute the alias's parameters.
pub fn getitem(vm: &mut Vm, slf: &Value, item: &Value) -> PyResult<Value> {
    let Some(a) = alias_of(slf) else { return Err(vm.type_error("expected a GenericAlias")) };
    let params = parameters(vm, a)?;
    let params = vm.collect(&params)?;
    let newargs = subs_parameters(vm, slf, &a.args_vec(), &params, item)?;
    if !a.union {
        let t = vm.new_tuple(newargs);
        return Ok(generic_alias(vm, a.origin(), t));
    }
    // A union: `newargs[0] | newargs[1] | ...`.
    let mut it = newargs.into_iter();
    let Some(mut res) = it.next() else { return make_union(vm, Vec::new()) };
    for x in it {
        res = vm.binary_op(crate::protocol::ops::BinOp::Or, &res, &x)?;
    }
    Ok(res)
}

// ---- unions --------------------------------------------------------------------

/// What `|` makes a union of: None, classes, generic aliases and unions.
fn unionable(vm: &Vm, v: &Value) -> bool {
    v.is_none() || is_class(v) || alias_of(v).is_some() || {
        let _ = vm;
        false
    }
}

/// `_Py_union_type_or(a, b)`, or `None` (NotImplemented) when either side is not
/// unionable; only called when one side is a class or an alias (`type.__or__`).
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let has_slot = |v: &Value| is_class(v) || alias_of(v).is_some();
    if !(has_slot(a) || has_slot(b)) || !unionable(vm, a) || !unionable(vm, b) {
        return Ok(None);
    }
    make_union(vm, vec![a.clone(), b.clone()]).map(Some)
}

/// `make_union`: flatten nested unions, None as NoneType, drop repeats (generic
/// aliases by `==`, the rest by identity); one argument left is the result itself.
fn make_union(vm: &mut Vm, args: Vec<Value>) -> PyResult<Value> {
    let mut flat = Vec::new();
    for x in args {
        if is_union(&x) {
            flat.extend(alias_of(&x).map(|a| a.args_vec()).unwrap_or_default());
        } else if x.is_none() {
            flat.push(Value::Obj(vm.types.none_type.clone()));
        } else {
            flat.push(x);
        }
    }
    let mut out: Vec<Value> = Vec::with_capacity(flat.len());
    for x in flat {
        let mut dup = false;
        for y in &out {
            dup = if generic_of(&x).is_some() && generic_of(y).is_some() { vm.eq(&x, y)? } else { x.is(y) };
            if dup {
                break;
            }
        }
        if !dup {
            out.push(x);
        }
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    let t = vm.new_tuple(out);
    Ok(new_alias(true, Value::None, t))
}

/// The classes `isinstance`/`issubclass` test for a union (`None` for a generic
/// alias, which they refuse).
pub fn union_args(v: &Value) -> Option<Value> {
    alias_of(v).filter(|a| a.union).map(|a| a.args())
}

// ---- comparison, hash, call, attributes -----------------------------------------

/// `a == b` for two aliases (`None`: not both aliases of the same type).
pub fn eq(vm: &mut Vm, a: &Alias, b: &Alias) -> PyResult<Option<bool>> {
    if a.union != b.union {
        return Ok(None);
    }
    if a.union {
        let (x, y) = (frozenset(vm, a)?, frozenset(vm, b)?);
        return Ok(Some(vm.eq(&x, &y)?));
    }
    if !vm.eq(&a.origin(), &b.origin())? {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&a.args(), &b.args())?))
}

fn frozenset(vm: &mut Vm, a: &Alias) -> PyResult<Value> {
    let fs = Value::Obj(vm.types.frozenset.clone());
    let args = a.args();
    vm.call1(&fs, args)
}

/// `hash(alias)`: `hash(origin) ^ hash(args)`; a union hashes as the frozenset of
/// its arguments.
pub fn hash(vm: &mut Vm, a: &Alias) -> PyResult<i64> {
    if a.union {
        let fs = frozenset(vm, a)?;
        return vm.hash(&fs);
    }
    let h = vm.hash(&a.origin())? ^ vm.hash(&a.args())?;
    Ok(if h == -1 { -2 } else { h })
}

/// `alias(*args)`: call the origin, then try to set `__orig_class__` on the result.
pub fn call(vm: &mut Vm, slf: &Value, args: Args) -> PyResult<Value> {
    let Some(a) = generic_of(slf) else {
        return Err(vm.type_error(format!("'{}' object is not callable", vm.type_name(slf))));
    };
    let origin = a.origin();
    let obj = vm.call(&origin, args)?;
    if let Err(e) = vm.setattr(&obj, "__orig_class__", slf.clone()) {
        if !vm.err_matches(&e, "AttributeError") && !vm.err_matches(&e, "TypeError") {
            return Err(e);
        }
    }
    Ok(obj)
}

/// Attributes a generic alias serves itself; every other name is looked up on its
/// origin (`ga_getattro`).
const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
];

/// `getattr(alias, name)` for a generic alias or an instance of a subclass: the
/// forwarded lookup, or `None` to go on with the generic one.
pub fn forwarded_getattr(vm: &mut Vm, slf: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(a) = generic_of(slf) else { return Ok(None) };
    if ATTR_EXCEPTIONS.contains(&name) {
        return Ok(None);
    }
    let origin = a.origin();
    vm.getattr(&origin, name).map(Some)
}

/// The data attributes of an alias (`special_getattr`).
pub fn attr(vm: &mut Vm, a: &Alias, name: &str) -> PyResult<Option<Value>> {
    Ok(match (name, a.union) {
        ("__origin__", false) => Some(a.origin()),
        ("__args__", _) => Some(a.args()),
        ("__unpacked__", false) => Some(Value::Bool(false)),
        ("__typing_unpacked_tuple_args__", false) => Some(Value::None),
        ("__parameters__", _) => Some(parameters(vm, a)?),
        ("__module__", true) => Some(Value::str("types")),
        _ => None,
    })
}

// ---- methods -----------------------------------------------------------------------

pub const METHODS: crate::builtins::MethodTable = &[
    ("__mro_entries__", ga_mro_entries),
    ("__instancecheck__", ga_instancecheck),
    ("__subclasscheck__", ga_subclasscheck),
    ("__reduce__", ga_reduce),
    ("__dir__", ga_dir),
    ("__getitem__", alias_getitem),
    ("__repr__", alias_repr),
    ("__hash__", alias_hash),
    ("__eq__", alias_eq),
    ("__ne__", alias_ne),
    ("__call__", ga_call),
    ("__or__", alias_or),
    ("__ror__", alias_ror),
];

pub const UNION_METHODS: crate::builtins::MethodTable = &[
    ("__getitem__", alias_getitem),
    ("__repr__", alias_repr),
    ("__hash__", alias_hash),
    ("__eq__", alias_eq),
    ("__ne__", alias_ne),
    ("__or__", alias_or),
    ("__ror__", alias_ror),
];

fn this<'v>(vm: &Vm, a: &Args<'v>, name: &str, n: usize) -> PyResult<(&'v Alias, &'v [Value])> {
    let pos = a.check(vm, name, n, n)?;
    match alias_of(&pos[0]) {
        Some(x) => Ok((x, pos)),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'types.GenericAlias' object"))),
    }
}

fn ga_mro_entries(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (al, _) = this(vm, &a, "__mro_entries__", 2)?;
    let o = al.origin();
    Ok(vm.new_tuple(vec![o]))
}

fn ga_instancecheck(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (al, pos) = this(vm, &a, "__reduce__", 1)?;
    let t = Value::Obj(vm.type_of(&pos[0]));
    let inner = vm.new_tuple(vec![al.origin(), al.args()]);
    Ok(vm.new_tuple(vec![t, inner]))
}

fn ga_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (al, _) = this(vm, &a, "__dir__", 1)?;
    let origin = al.origin();
    let mut items: Vec<Value> = crate::builtins::functions::dir_names(vm, &origin)?.into_iter().map(Value::string).collect();
    for n in ATTR_EXCEPTIONS.iter().skip(1) {
        if !items.iter().any(|x| x.as_str() == Some(n)) {
            items.push(Value::str(n));
        }
    }
    Ok(vm.new_list(items))
}

fn alias_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, pos) = this(vm, &a, "__getitem__", 2)?;
    getitem(vm, &pos[0], &pos[1])
}

fn alias_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (al, _) = this(vm, &a, "__repr__", 1)?;
    Ok(Value::string(repr(vm, al)?))
}

fn alias_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (al, _) = this(vm, &a, "__hash__", 1)?;
    Ok(Value::Int(hash(vm, al)?))
}

fn alias_cmp(vm: &mut Vm, a: Args, name: &str) -> PyResult<Option<bool>> {
    let (al, pos) = this(vm, &a, name, 2)?;
    match alias_of(&pos[1]) {
        Some(b) => eq(vm, al, b),
        None => Ok(None),
    }
}

fn alias_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(match alias_cmp(vm, a, "__eq__")? {
        Some(r) => Value::Bool(r),
        None => vm.not_implemented.clone(),
    })
}

fn alias_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(match alias_cmp(vm, a, "__ne__")? {
        Some(r) => Value::Bool(!r),
        None => vm.not_implemented.clone(),
    })
}

fn ga_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(slf) = a.args.first().filter(|s| generic_of(s).is_some()) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'types.GenericAlias' object"));
    };
    let slf = slf.clone();
    let n = a.args.len();
    call(vm, &slf, Args { args: &a.args[1..n], kwnames: a.kwnames })
}

fn alias_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__or__", 2, 2)?;
    Ok(union_or(vm, &pos[0], &pos[1])?.unwrap_or_else(|| vm.not_implemented.clone()))
}

fn alias_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__ror__", 2, 2)?;
    Ok(union_or(vm, &pos[1], &pos[0])?.unwrap_or_else(|| vm.not_implemented.clone()))
}
