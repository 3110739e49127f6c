//! The `_weakref` module (CPython's C module of that name; `vm/lib/weakref.py` builds
//! the `weakref` module on it): the `ReferenceType` and proxy types over the weak
//! references of `object/weakref.rs`.
//!
//! `ReferenceType` can be subclassed (`WeakValueDictionary`'s `KeyedRef` is one): a
//! subclass instance is a weakref object that carries its class and an attribute
//! dict. A proxy forwards every attribute access and operation to its referent and
//! raises ReferenceError once the referent is gone.

use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::weakref::{new_weakref, weakrefs_of};
use crate::object::{Dict, Kind, Layout, NewObj, Obj, ObjRef};
use crate::protocol::ops::{BinOp, CmpOp, UnaryOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    let t = &vm.types;
    d.insert_str("ref", Value::Obj(t.weakref.clone()));
    d.insert_str("ReferenceType", Value::Obj(t.weakref.clone()));
    d.insert_str("ProxyType", Value::Obj(t.weakproxy.clone()));
    d.insert_str("CallableProxyType", Value::Obj(t.weakcallableproxy.clone()));
    d.insert_str("proxy", native("proxy", proxy));
    d.insert_str("getweakrefcount", native("getweakrefcount", getweakrefcount));
    d.insert_str("getweakrefs", native("getweakrefs", getweakrefs));
    d.insert_str("_remove_dead_weakref", native("_remove_dead_weakref", remove_dead_weakref));
}

/// Methods of `ReferenceType`.
pub fn install_ref_type(cls: &ObjRef) {
    let Some(c) = cls.as_class() else { return };
    let mut d = c.dict.borrow_mut();
    d.insert_str("__new__", Value::obj(NewObj::StaticMethod(native("__new__", ref_new))));
    d.insert_str("__init__", method("ReferenceType", "__init__", ref_init));
    d.insert_str("__call__", method("ReferenceType", "__call__", ref_call));
    d.insert_str("__hash__", method("ReferenceType", "__hash__", ref_hash_m));
    d.insert_str("__eq__", method("ReferenceType", "__eq__", ref_eq_m));
    d.insert_str("__ne__", method("ReferenceType", "__ne__", ref_ne_m));
    d.insert_str("__module__", Value::str("weakref"));
    *c.module.borrow_mut() = Value::str("weakref");
}

/// Can `v` be weakly referenced? CPython's answer: objects whose type has a weak
/// reference list slot.
pub fn weakrefable(vm: &Vm, v: &Value) -> bool {
    let Some(o) = v.as_obj() else { return false };
    match o.kind() {
        Kind::Native | Kind::Function | Kind::Class | Kind::Module | Kind::Generator | Kind::AsyncGen | Kind::Code | Kind::Set | Kind::FrozenSet
        | Kind::BoundMethod => true,
        Kind::Exception => vm.type_of(v).as_class().map(|c| c.heap).unwrap_or(false),
        Kind::Instance => {
            let cls = vm.type_of(v);
            let Some(c) = cls.as_class() else { return false };
            c.heap && c.weakrefable && !matches!(c.layout, Layout::Int | Layout::Bool | Layout::Tuple | Layout::Bytes)
        }
        // A subclass of `ref` whose instances have a `__weakref__`.
        Kind::WeakRef => match o.view() {
            Obj::WeakRef(w) => w.class.as_ref().and_then(|c| c.as_class().map(|c| c.weakrefable)).unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}

fn cannot(vm: &Vm, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(v)))
}

/// `ref(ob, callback=None)` for the class `cls` (None: `ReferenceType` itself).
pub fn make_ref(vm: &mut Vm, cls: Option<ObjRef>, a: &[Value]) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {}", a.len())));
    }
    let ob = &a[0];
    if !weakrefable(vm, ob) {
        return Err(cannot(vm, ob));
    }
    let cb = a.get(1).cloned().unwrap_or(Value::None);
    let Some(target) = ob.as_obj() else { return Err(cannot(vm, ob)) };
    let cls = cls.filter(|c| !ObjRef::ptr_eq(c, &vm.types.weakref));
    // A subclass instance keeps its attributes (slots included) in a dict.
    let dict = cls.as_ref().map(|_| Vm::dict_obj(Dict::new()));
    Ok(Value::Obj(new_weakref(target, cb, false, cls, dict)))
}

/// `ReferenceType.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    if !cls.is_class() {
        return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object"));
    }
    let cls = cls.clone();
    make_ref(vm, Some(cls), &pos[1..])
}

fn ref_init(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn weak_of<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a crate::object::weakref::WeakRef> {
    match v.as_obj().map(|o| o.view()) {
        Some(Obj::WeakRef(w)) => Ok(w),
        _ => Err(vm.type_error(format!("descriptor '{what}' requires a 'weakref.ReferenceType' object"))),
    }
}

/// Calling a weakref: the referent, or None once it died.
fn ref_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    let Some(slf) = pos.first() else { return Err(vm.type_error("__call__ needs an argument")) };
    let w = weak_of(vm, slf, "__call__")?;
    if pos.len() > 1 || a.has_kw() {
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {}", a.args.len() - 1)));
    }
    Ok(w.get().map(Value::Obj).unwrap_or(Value::None))
}

/// `hash(ref)`: the referent's hash, remembered; TypeError if it died unhashed.
pub fn ref_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let w = weak_of(vm, v, "__hash__")?;
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    match w.get() {
        Some(r) => {
            let h = vm.hash(&Value::Obj(r))?;
            w.hash.set(Some(h));
            Ok(h)
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

fn ref_hash_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__hash__", 1, 1)?;
    Ok(Value::Int(ref_hash(vm, &pos[0])?))
}

/// `a == b` for weakrefs: the referents' equality while both live, else identity.
/// `None` when `b` is not a weakref (NotImplemented).
pub fn ref_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(Obj::WeakRef(x)), Some(Obj::WeakRef(y))) = (a.as_obj().map(|o| o.view()), b.as_obj().map(|o| o.view())) else {
        return Ok(None);
    };
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => Ok(Some(vm.eq(&Value::Obj(p), &Value::Obj(q))?)),
        _ => Ok(Some(a.is(b))),
    }
}

fn ref_eq_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__eq__", 2, 2)?;
    Ok(match ref_eq(vm, &pos[0], &pos[1])? {
        Some(b) => Value::Bool(b),
        None => vm.not_implemented.clone(),
    })
}

fn ref_ne_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__ne__", 2, 2)?;
    Ok(match ref_eq(vm, &pos[0], &pos[1])? {
        Some(b) => Value::Bool(!b),
        None => vm.not_implemented.clone(),
    })
}

/// `proxy(ob, callback=None)`.
fn proxy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "proxy", 1, 2)?;
    let ob = &pos[0];
    if !weakrefable(vm, ob) {
        return Err(cannot(vm, ob));
    }
    let cb = pos.get(1).cloned().unwrap_or(Value::None);
    let Some(target) = ob.as_obj() else { return Err(cannot(vm, ob)) };
    // A callable referent gets the callable proxy type (CPython's two types).
    let callable = vm.is_callable(ob);
    let p = new_weakref(target, cb, true, None, None);
    if callable {
        if let Obj::WeakProxy(w) = p.view() {
            w.callable_proxy.set(true);
        }
    }
    Ok(Value::Obj(p))
}

fn getweakrefcount(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getweakrefcount", 1, 1)?;
    Ok(Value::Int(pos[0].as_obj().map(|o| weakrefs_of(o).len()).unwrap_or(0) as i64))
}

fn getweakrefs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getweakrefs", 1, 1)?;
    let refs = pos[0].as_obj().map(weakrefs_of).unwrap_or_default();
    Ok(vm.new_list(refs.into_iter().map(Value::Obj).collect()))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead weakref.
fn remove_dead_weakref(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "_remove_dead_weakref", 2, 2)?;
    let Some(d) = pos[0].as_obj().and_then(|o| o.as_dict().map(|_| o.clone())) else {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    };
    let cell = d.as_dict().expect("checked above");
    let key = pos[1].clone();
    let hash = vm.hash(&key)?;
    if let Some(v) = Dict::cell_get(cell, vm, hash, &key)? {
        let dead = match v.as_obj().map(|o| o.view()) {
            Some(Obj::WeakRef(w)) | Some(Obj::WeakProxy(w)) => w.is_dead(),
            _ => return Err(vm.type_error("not a weakref")),
        };
        if dead {
            Dict::cell_remove(cell, vm, hash, &key)?;
        }
    }
    Ok(Value::None)
}

/// The referent of a proxy (ReferenceError once it died); any other value as it is.
pub fn unproxy(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().map(|o| o.view()) {
        Some(Obj::WeakProxy(w)) => match w.get() {
            Some(r) => Ok(Value::Obj(r)),
            None => Err(vm.err("ReferenceError", "weakly-referenced object no longer exists")),
        },
        _ => Ok(v.clone()),
    }
}

/// Is `v` a proxy?
#[inline]
pub fn is_proxy(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.kind() == Kind::WeakProxy)
}

macro_rules! proxy_binops {
    ($($fwd:ident $rev:ident $name:literal $rname:literal $op:ident;)*) => {
        $(
            fn $fwd(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let pos = a.check(vm, $name, 2, 2)?;
                let (x, y) = (unproxy(vm, &pos[0])?, unproxy(vm, &pos[1])?);
                vm.binary_op(BinOp::$op, &x, &y)
            }
            fn $rev(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let pos = a.check(vm, $rname, 2, 2)?;
                let (x, y) = (unproxy(vm, &pos[0])?, unproxy(vm, &pos[1])?);
                vm.binary_op(BinOp::$op, &y, &x)
            }
        )*
        const PROXY_BINOPS: &[(&str, &str, crate::object::NativeFn, crate::object::NativeFn)] = &[
            $(($name, $rname, $fwd, $rev),)*
        ];
    };
}

proxy_binops! {
    p_add p_radd "__add__" "__radd__" Add;
    p_sub p_rsub "__sub__" "__rsub__" Sub;
    p_mul p_rmul "__mul__" "__rmul__" Mul;
    p_truediv p_rtruediv "__truediv__" "__rtruediv__" TrueDiv;
    p_floordiv p_rfloordiv "__floordiv__" "__rfloordiv__" FloorDiv;
    p_mod p_rmod "__mod__" "__rmod__" Mod;
    p_pow p_rpow "__pow__" "__rpow__" Pow;
    p_matmul p_rmatmul "__matmul__" "__rmatmul__" MatMul;
    p_lshift p_rlshift "__lshift__" "__rlshift__" LShift;
    p_rshift p_rrshift "__rshift__" "__rrshift__" RShift;
    p_and p_rand "__and__" "__rand__" And;
    p_or p_ror "__or__" "__ror__" Or;
    p_xor p_rxor "__xor__" "__rxor__" Xor;
}

macro_rules! proxy_inplace {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let pos = a.check(vm, $name, 2, 2)?;
                let (x, y) = (unproxy(vm, &pos[0])?, unproxy(vm, &pos[1])?);
                let r = vm.inplace_op(BinOp::$op, x.clone(), y)?;
                // An in-place change of the referent leaves the proxy in the name.
                Ok(if r.is(&x) { pos[0].clone() } else { r })
            }
        )*
        const PROXY_INPLACE: &[(&str, crate::object::NativeFn)] = &[$(($name, $f),)*];
    };
}

proxy_inplace! {
    p_iadd "__iadd__" Add;
    p_isub "__isub__" Sub;
    p_imul "__imul__" Mul;
    p_itruediv "__itruediv__" TrueDiv;
    p_ifloordiv "__ifloordiv__" FloorDiv;
    p_imod "__imod__" Mod;
    p_ipow "__ipow__" Pow;
    p_ilshift "__ilshift__" LShift;
    p_irshift "__irshift__" RShift;
    p_iand "__iand__" And;
    p_ior "__ior__" Or;
    p_ixor "__ixor__" Xor;
}

macro_rules! proxy_cmp {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let pos = a.check(vm, $name, 2, 2)?;
                let (x, y) = (unproxy(vm, &pos[0])?, unproxy(vm, &pos[1])?);
                vm.compare(&x, &y, CmpOp::$op)
            }
        )*
        const PROXY_CMP: &[(&str, crate::object::NativeFn)] = &[$(($name, $f),)*];
    };
}

proxy_cmp! {
    p_lt "__lt__" Lt;
    p_le "__le__" Le;
    p_eq "__eq__" Eq;
    p_ne "__ne__" Ne;
    p_gt "__gt__" Gt;
    p_ge "__ge__" Ge;
}

/// Forward a one-argument dunder to a built-in function applied to the referent.
macro_rules! proxy_via_builtin {
    ($($f:ident $name:literal $builtin:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
                let pos = a.check(vm, $name, 1, 1)?;
                let x = unproxy(vm, &pos[0])?;
                let f = vm.builtins.as_dict().and_then(|d| d.borrow().get_str($builtin)).unwrap_or(Value::None);
                vm.call(&f, Args::new(&[x]))
            }
        )*
        const PROXY_UNARY: &[(&str, crate::object::NativeFn)] = &[$(($name, $f),)*];
    };
}

proxy_via_builtin! {
    p_len "__len__" "len";
    p_abs "__abs__" "abs";
    p_int "__int__" "int";
    p_float "__float__" "float";
    p_str "__str__" "str";
    p_bytes "__bytes__" "bytes";
    p_iter "__iter__" "iter";
    p_next "__next__" "next";
    p_reversed "__reversed__" "reversed";
    p_bool "__bool__" "bool";
}

fn p_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__index__", 1, 1)?;
    let x = unproxy(vm, &pos[0])?;
    Ok(Value::Int(vm.index_value(&x)?))
}

fn p_neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__neg__", 1, 1)?;
    let x = unproxy(vm, &pos[0])?;
    vm.unary_op(UnaryOp::Neg, &x)
}

fn p_pos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__pos__", 1, 1)?;
    let x = unproxy(vm, &pos[0])?;
    vm.unary_op(UnaryOp::Pos, &x)
}

fn p_invert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__invert__", 1, 1)?;
    let x = unproxy(vm, &pos[0])?;
    vm.unary_op(UnaryOp::Invert, &x)
}

fn p_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__getitem__", 2, 2)?;
    let x = unproxy(vm, &pos[0])?;
    vm.getitem(&x, &pos[1])
}

fn p_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__setitem__", 3, 3)?;
    let x = unproxy(vm, &pos[0])?;
    vm.setitem(&x, pos[1].clone(), pos[2].clone())?;
    Ok(Value::None)
}

fn p_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__delitem__", 2, 2)?;
    let x = unproxy(vm, &pos[0])?;
    vm.delitem(&x, &pos[1])?;
    Ok(Value::None)
}

fn p_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__contains__", 2, 2)?;
    let x = unproxy(vm, &pos[0])?;
    Ok(Value::Bool(vm.contains(&x, &pos[1])?))
}

fn p_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(slf) = a.pos().first() else { return Err(vm.type_error("__call__ needs an argument")) };
    let x = unproxy(vm, slf)?;
    vm.call(&x, Args { args: &a.args[1..], kwnames: a.kwnames })
}

fn p_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__hash__", 1, 1)?;
    Err(vm.type_error(format!("unhashable type: '{}'", vm.type_name(&pos[0]))))
}

/// Methods of the proxy types (`callable`: also `__call__`).
pub fn install_proxy_type(cls: &ObjRef, owner: &'static str, callable: bool) {
    let Some(c) = cls.as_class() else { return };
    let mut d = c.dict.borrow_mut();
    for (name, rname, f, r) in PROXY_BINOPS {
        d.insert_str(name, method(owner, name, *f));
        d.insert_str(rname, method(owner, rname, *r));
    }
    for (name, f) in PROXY_INPLACE.iter().chain(PROXY_CMP).chain(PROXY_UNARY) {
        d.insert_str(name, method(owner, name, *f));
    }
    let more: &[(&'static str, crate::object::NativeFn)] = &[
        ("__index__", p_index),
        ("__neg__", p_neg),
        ("__pos__", p_pos),
        ("__invert__", p_invert),
        ("__getitem__", p_getitem),
        ("__setitem__", p_setitem),
        ("__delitem__", p_delitem),
        ("__contains__", p_contains),
        ("__hash__", p_hash),
    ];
    for (name, f) in more {
        d.insert_str(name, method(owner, name, *f));
    }
    if callable {
        d.insert_str("__call__", method(owner, "__call__", p_call));
    }
    *c.module.borrow_mut() = Value::str("weakref");
}
