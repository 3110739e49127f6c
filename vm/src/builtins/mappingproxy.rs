//! `types.MappingProxyType` (`mappingproxy`): a read-only view of a mapping, what
//! `cls.__dict__` returns. The proxy wraps its mapping as the instance's base value
//! and forwards the read operations to it; it has no way to write.
//!
//! `cls.__dict__` wraps a copy of the class namespace (pyhop keeps that namespace
//! inside the class object, not as a dict object of its own), so unlike CPython's it
//! does not show later changes to the class.

use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::{Class, Dict, Layout, NewObj, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The `mappingproxy` class, made on first use.
pub fn class(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.native_classes.get("mappingproxy") {
        return c.clone();
    }
    let mut d = Dict::new();
    d.insert_str("__new__", Value::obj(NewObj::StaticMethod(native("__new__", proxy_new))));
    for (name, f) in [
        ("__getitem__", getitem as crate::object::NativeFn),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__len__", len),
        ("__repr__", repr),
        ("__str__", str_),
        ("__eq__", eq),
        ("__or__", or),
        ("__ror__", ror),
        ("__reversed__", reversed),
        ("get", get),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("copy", copy),
    ] {
        d.insert_str(name, method("mappingproxy", name, f));
    }
    d.insert_str("__hash__", Value::None);
    let cls = Class::new_native("mappingproxy", "builtins", &vm.types.object, d, Layout::Other, None);
    if let Some(c) = cls.as_class() {
        c.collection.set(crate::object::MAPPING);
    }
    vm.native_classes.insert("mappingproxy", cls.clone());
    cls
}

/// A proxy of `mapping`.
pub fn wrap(vm: &mut Vm, mapping: Value) -> Value {
    let cls = class(vm);
    Value::Obj(crate::object::instance::new_instance(&cls, mapping))
}

fn proxy_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if !a.kwnames.is_empty() {
        let k = a.kw().next().map(|(k, _)| k.to_string()).unwrap_or_default();
        return Err(vm.type_error(format!("mappingproxy() got an unexpected keyword argument '{k}'")));
    }
    if pos.len() != 2 {
        return Err(vm.type_error(format!("mappingproxy() takes exactly one argument ({} given)", pos.len().saturating_sub(1))));
    }
    let m = pos[1].clone();
    let is_mapping = crate::protocol::pattern::collection(vm, &m) == crate::object::MAPPING || vm.lookup_attr(&m, "keys")?.is_some() && vm.lookup_attr(&m, "__getitem__")?.is_some();
    let is_seq = matches!(&m, Value::Obj(o) if matches!(o.view(), Obj::List(_) | Obj::Tuple(_)));
    if !is_mapping || is_seq {
        return Err(vm.type_error(format!("mappingproxy() argument must be a mapping, not {}", vm.type_name(&m))));
    }
    Ok(wrap(vm, m))
}

/// The proxied mapping of `a`'s receiver.
fn target(vm: &Vm, a: &Args, name: &str) -> PyResult<Value> {
    let slf = a.args.first();
    if let Some(Value::Obj(o)) = slf {
        if let Obj::Instance(i) = o.view() {
            if !i.base().is_null() {
                return Ok(i.base().clone());
            }
        }
    }
    let got = slf.map(|v| vm.type_name(v).to_string()).unwrap_or_else(|| "nothing".into());
    Err(vm.type_error(format!("descriptor '{name}' requires a 'mappingproxy' object but received a '{got}'")))
}

/// `a`'s mapping and its arguments after self, checked for count.
fn call(vm: &mut Vm, a: &Args, name: &str, method: &str, n: usize) -> PyResult<Value> {
    let m = target(vm, a, name)?;
    let rest = &a.pos()[1..];
    if rest.len() != n {
        return Err(vm.type_error(format!("{name}() takes exactly {n} argument{} ({} given)", if n == 1 { "" } else { "s" }, rest.len())));
    }
    let f = vm.getattr(&m, method)?;
    vm.call(&f, Args::new(rest))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "__getitem__", "__getitem__", 1)
}

fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__contains__")?;
    let k = a.check(vm, "__contains__", 2, 2)?[1].clone();
    Ok(Value::Bool(vm.contains(&m, &k)?))
}

fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__iter__")?;
    vm.iter(&m)
}

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__len__")?;
    Ok(Value::Int(crate::builtins::functions::length(vm, &m)? as i64))
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__repr__")?;
    Ok(Value::string(format!("mappingproxy({})", vm.repr_string(&m)?)))
}

fn str_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__str__")?;
    vm.str(&m)
}

fn eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__eq__")?;
    let other = a.check(vm, "__eq__", 2, 2)?[1].clone();
    let other = crate::protocol::ops::unwrap_base(&other).clone();
    Ok(Value::Bool(vm.eq(&m, &other)?))
}

fn or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__or__")?;
    let other = a.check(vm, "__or__", 2, 2)?[1].clone();
    let other = crate::protocol::ops::unwrap_base(&other).clone();
    vm.binary_op(crate::protocol::ops::BinOp::Or, &m, &other)
}

fn ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "__ror__")?;
    let other = a.check(vm, "__ror__", 2, 2)?[1].clone();
    let other = crate::protocol::ops::unwrap_base(&other).clone();
    vm.binary_op(crate::protocol::ops::BinOp::Or, &other, &m)
}

fn reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "__reversed__", "__reversed__", 0)
}

fn get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = target(vm, &a, "get")?;
    let rest = &a.pos()[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(vm.type_error(format!("get expected at least 1 argument, got {}", rest.len())));
    }
    let f = vm.getattr(&m, "get")?;
    vm.call(&f, Args::new(rest))
}

fn keys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "keys", "keys", 0)
}

fn values(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "values", "values", 0)
}

fn items(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "items", "items", 0)
}

fn copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    call(vm, &a, "copy", "copy", 0)
}
