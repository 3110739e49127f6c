//! Struct sequences (CPython's `PyStructSequence`): tuples whose items are also named
//! attributes, such as `sys.flags` and `sys.version_info`.
//!
//! A struct-sequence type is a subclass of `tuple` with `__slots__ = ()` (no instance
//! `__dict__`, so the fields are read-only), `__match_args__` naming the fields,
//! a `__setattr__` that refuses,
//! CPython's `n_fields` / `n_sequence_fields` / `n_unnamed_fields`, a `__getattr__`
//! that reads a field by name and a `__repr__` in CPython's form,
//! `sys.flags(debug=0, inspect=0, ...)`. Comparison, hashing, indexing and slicing are
//! the tuple's.

use crate::builtins::method;
use crate::object::func::Args;
use crate::object::instance::new_instance;
use crate::object::{Dict, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A new struct-sequence type `module.name` with `fields`.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<ObjRef> {
    let mut ns = Dict::new();
    ns.insert_str("__module__", Value::str(module));
    ns.insert_str("__qualname__", Value::str(name));
    ns.insert_str("__slots__", vm.new_tuple(vec![]));
    ns.insert_str("__match_args__", vm.new_tuple(fields.iter().map(|f| Value::str(f)).collect()));
    ns.insert_str("n_fields", Value::Int(fields.len() as i64));
    ns.insert_str("n_sequence_fields", Value::Int(fields.len() as i64));
    ns.insert_str("n_unnamed_fields", Value::Int(0));
    ns.insert_str("__repr__", method("structseq", "__repr__", structseq_repr));
    ns.insert_str("__getattr__", method("structseq", "__getattr__", structseq_getattr));
    ns.insert_str("__setattr__", method("structseq", "__setattr__", structseq_setattr));
    ns.insert_str("__reduce__", method("structseq", "__reduce__", structseq_reduce));
    let tuple = vm.types.tuple.clone();
    match vm.create_class(None, name, vec![tuple], &ns)? {
        Value::Obj(c) => Ok(c),
        _ => Err(vm.type_error("struct sequence type")),
    }
}

/// A struct-sequence type whose tuple holds `fields`, of which the first `n_match`
/// are `__match_args__` and the last `n_unnamed` have no attribute in CPython (the
/// repr still names them, as CPython's does); `extra` fields are attributes only
/// (`os.stat_result.st_atime` the float, ...), kept in the instance dict.
pub fn new_type_ext(vm: &mut Vm, module: &str, name: &str, fields: &[&str], n_match: usize, n_unnamed: usize, extra: &[&str]) -> PyResult<ObjRef> {
    let mut ns = Dict::new();
    ns.insert_str("__module__", Value::str(module));
    ns.insert_str("__qualname__", Value::str(name));
    if extra.is_empty() {
        ns.insert_str("__slots__", vm.new_tuple(vec![]));
    }
    ns.insert_str("__match_args__", vm.new_tuple(fields[..n_match].iter().map(|f| Value::str(f)).collect()));
    ns.insert_str("__pyhop_fields__", vm.new_tuple(fields.iter().map(|f| Value::str(f)).collect()));
    ns.insert_str("n_fields", Value::Int((fields.len() + extra.len()) as i64));
    ns.insert_str("n_sequence_fields", Value::Int(fields.len() as i64));
    ns.insert_str("n_unnamed_fields", Value::Int(n_unnamed as i64));
    ns.insert_str("__repr__", method("structseq", "__repr__", structseq_repr));
    ns.insert_str("__getattr__", method("structseq", "__getattr__", structseq_getattr));
    ns.insert_str("__setattr__", method("structseq", "__setattr__", structseq_setattr));
    ns.insert_str("__reduce__", method("structseq", "__reduce__", structseq_reduce));
    let tuple = vm.types.tuple.clone();
    match vm.create_class(None, name, vec![tuple], &ns)? {
        Value::Obj(c) => Ok(c),
        _ => Err(vm.type_error("struct sequence type")),
    }
}

/// An instance of a `new_type_ext` type: the tuple `values` and the `extra` attributes.
pub fn new_ext(vm: &mut Vm, cls: &ObjRef, values: Vec<Value>, extra: Vec<(&str, Value)>) -> Value {
    let t = vm.new_tuple(values);
    let o = new_instance(cls, t);
    if let Obj::Instance(i) = o.view() {
        for (k, v) in extra {
            let key = Value::str(k);
            let h = key.as_pystr().map(|s| s.hash()).unwrap_or(0);
            let _ = i.set_attr(k, h, v);
        }
    }
    Value::Obj(o)
}

/// An instance of the struct-sequence type `cls` with `values` (one per field).
pub fn new(vm: &mut Vm, cls: &ObjRef, values: Vec<Value>) -> Value {
    let t = vm.new_tuple(values);
    Value::Obj(new_instance(cls, t))
}

/// A one-off struct-sequence type and its single instance: `fields` are names and values.
pub fn make(vm: &mut Vm, module: &str, name: &str, fields: Vec<(&str, Value)>) -> PyResult<Value> {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let cls = new_type(vm, module, name, &names)?;
    Ok(new(vm, &cls, fields.into_iter().map(|(_, v)| v).collect()))
}

/// The tuple items and the field names of a struct-sequence instance.
fn parts(vm: &mut Vm, slf: &Value) -> PyResult<(Vec<Value>, Vec<Value>)> {
    let base = match slf {
        Value::Obj(o) => match o.view() {
            Obj::Instance(i) => i.base().clone(),
            _ => slf.clone(),
        },
        _ => slf.clone(),
    };
    let items = vm.collect(&base)?;
    let cls = Value::Obj(vm.type_of(slf));
    let names = match vm.getattr_opt(&cls, "__pyhop_fields__")? {
        Some(m) => vm.collect(&m)?,
        None => match vm.getattr_opt(&cls, "__match_args__")? {
            Some(m) => vm.collect(&m)?,
            None => Vec::new(),
        },
    };
    Ok((items, names))
}

fn structseq_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__repr__", 1, 1)?;
    let (items, names) = parts(vm, &pos[0])?;
    let cls = vm.type_of(&pos[0]);
    let title = vm.class_path(&cls);
    let mut out = format!("{title}(");
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(n) = names.get(i).and_then(|n| n.as_str()) {
            out.push_str(n);
            out.push('=');
        }
        out.push_str(&vm.repr_string(v)?);
    }
    out.push(')');
    Ok(Value::string(out))
}

fn structseq_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__getattr__", 2, 2)?;
    let name = pos[1].as_str().map(String::from).unwrap_or_default();
    let (items, names) = parts(vm, &pos[0])?;
    match names.iter().position(|n| n.as_str() == Some(name.as_str())) {
        Some(i) if i < items.len() => Ok(items[i].clone()),
        _ => Err(vm.no_attribute(&pos[0], &name)),
    }
}

/// The fields are read-only, as CPython's (`readonly attribute`).
fn structseq_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__setattr__", 3, 3)?;
    let name = pos[1].as_str().map(String::from).unwrap_or_default();
    let (_, names) = parts(vm, &pos[0])?;
    if names.iter().any(|n| n.as_str() == Some(name.as_str())) {
        return Err(vm.attribute_error("readonly attribute"));
    }
    let cls = vm.type_of(&pos[0]);
    let title = vm.class_path(&cls);
    Err(vm.attribute_error(format!("'{title}' object has no attribute '{name}'")))
}

/// `copy` and `pickle` rebuild it as a plain tuple (the types cannot be constructed).
fn structseq_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__reduce__", 1, 1)?;
    let (items, _) = parts(vm, &pos[0])?;
    let t = vm.new_tuple(items);
    let tuple = Value::Obj(vm.types.tuple.clone());
    let args = vm.new_tuple(vec![t]);
    Ok(vm.new_tuple(vec![tuple, args]))
}
