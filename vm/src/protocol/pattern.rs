//! What the `match` opcodes ask of objects (CPython 3.11's `match_keys` and
//! `match_class` in `ceval.c`): the collection flag of a subject's type, a mapping's
//! values for a tuple of keys, a class pattern's attributes.

use std::rc::Rc;

use crate::object::{Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The [`crate::object::SEQUENCE`] / [`crate::object::MAPPING`] flag of `v`'s type.
pub fn collection(vm: &Vm, v: &Value) -> u8 {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::List(_) | Obj::Tuple(_) => crate::object::SEQUENCE,
            Obj::Dict(_) => crate::object::MAPPING,
            _ => vm
                .type_of(v)
                .as_class()
                .map(|c| c.collection.get())
                .unwrap_or(0),
        },
        _ => 0,
    }
}

/// MATCH_KEYS: a tuple of `subject.get(key, <sentinel>)` for each key, or None when
/// a key is missing. A key given twice (a dotted name equal to another key) is a
/// ValueError, as in CPython.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = vm.collect(keys)?;
    if keys.is_empty() {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let get = vm.getattr(subject, "get")?;
    let object = Value::Obj(vm.types.object.clone());
    let dummy = vm.call0(&object)?;
    let mut seen: Vec<(i64, Value)> = Vec::with_capacity(keys.len());
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        let h = vm.hash(&key)?;
        for (sh, sk) in &seen {
            if *sh == h && vm.eq(sk, &key)? {
                let r = vm.repr_string(&key)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        let v = vm.call(
            &get,
            crate::object::func::Args::new(&[key.clone(), dummy.clone()]),
        )?;
        if v.is(&dummy) {
            return Ok(Value::None);
        }
        values.push(v);
        seen.push((h, key));
    }
    Ok(vm.new_tuple(values))
}

/// The built-in types whose class pattern takes one positional sub-pattern matched
/// against the subject itself (CPython's `_Py_TPFLAGS_MATCH_SELF`).
fn matches_self(vm: &Vm, cls: &ObjRef) -> bool {
    let t = &vm.types;
    let own = [
        &t.bool_,
        &t.bytearray,
        &t.bytes,
        &t.dict,
        &t.float,
        &t.frozenset,
        &t.int,
        &t.list,
        &t.set,
        &t.str_,
        &t.tuple,
    ];
    let Some(c) = cls.as_class() else {
        return false;
    };
    let mro = c.mro.borrow();
    mro.iter().any(|k| own.iter().any(|o| ObjRef::ptr_eq(k, o)))
}

/// MATCH_CLASS: `Some(attributes)` when `subject` is an instance of `cls` with every
/// attribute the pattern names (`nargs` positional ones through `__match_args__`,
/// then `names`), `None` when it is not.
pub fn match_class(
    vm: &mut Vm,
    subject: &Value,
    cls: &Value,
    nargs: usize,
    names: &Value,
) -> PyResult<Option<Value>> {
    let cls_ref = match cls {
        Value::Obj(o) if o.as_class().is_some() => o.clone(),
        _ => return Err(vm.type_error("called match pattern must be a type")),
    };
    if !crate::builtins::functions::is_instance(vm, subject, cls)? {
        return Ok(None);
    }
    let tp_name = cls_ref
        .as_class()
        .map(|c| c.tp_name())
        .unwrap_or_else(|| "?".into());
    let mut seen: Vec<Rc<str>> = Vec::new();
    let mut attrs = Vec::new();
    if nargs > 0 {
        let (match_args, match_self) = match vm.lookup_attr(cls, "__match_args__")? {
            Some(m) => {
                if !matches!(&m, Value::Obj(o) if matches!(o.view(), Obj::Tuple(_))) {
                    let got = vm.type_name(&m);
                    return Err(vm.type_error(format!(
                        "{tp_name}.__match_args__ must be a tuple (got {got})"
                    )));
                }
                (vm.collect(&m)?, false)
            }
            // only a class without __match_args__ matches itself
            None => (Vec::new(), matches_self(vm, &cls_ref)),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{tp_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                let Some(name) = exact_str(name) else {
                    let got = vm.type_name(name);
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {got})"
                    )));
                };
                match class_attr(vm, subject, &tp_name, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(None),
                }
            }
        }
    }
    for name in vm.collect(names)? {
        let Some(name) = exact_str(&name) else {
            continue;
        };
        match class_attr(vm, subject, &tp_name, name, &mut seen)? {
            Some(a) => attrs.push(a),
            None => return Ok(None),
        }
    }
    Ok(Some(vm.new_tuple(attrs)))
}

fn exact_str(v: &Value) -> Option<Rc<str>> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Str(_) => v.as_str().map(Rc::from),
            _ => None,
        },
        _ => None,
    }
}

/// One attribute of a class pattern; `None` when the subject lacks it.
fn class_attr(
    vm: &mut Vm,
    subject: &Value,
    tp_name: &str,
    name: Rc<str>,
    seen: &mut Vec<Rc<str>>,
) -> PyResult<Option<Value>> {
    if seen.contains(&name) {
        let r = crate::protocol::repr::str_repr(&name);
        return Err(vm.type_error(format!(
            "{tp_name}() got multiple sub-patterns for attribute {r}"
        )));
    }
    let a = vm.lookup_attr(subject, &name)?;
    seen.push(name);
    Ok(a)
}
