//! `_abc_native`: the part of CPython's `_abc` that pyhop's own `vm/lib/abc.py` cannot
//! write in Python, the collection flags that `match` reads (`Class::collection`).
//! Flags are spelled as CPython's `tp_flags` bits: `1 << 5` sequence, `1 << 6` mapping.

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::{Class, Dict, ObjRef, MAPPING, SEQUENCE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const TP_SEQUENCE: i64 = 1 << 5;
const TP_MAPPING: i64 = 1 << 6;

pub fn fill(_vm: &mut Vm, d: &mut Dict) {
    d.insert_str(
        "collection_flags",
        native("collection_flags", collection_flags),
    );
    d.insert_str(
        "set_collection_flags",
        native("set_collection_flags", set_collection_flags),
    );
}

fn class_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if o.as_class().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{what}() argument must be a class, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `collection_flags(cls)`: cls's sequence/mapping bits.
fn collection_flags(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = class_arg(
        vm,
        &a.check(vm, "collection_flags", 1, 1)?[0],
        "collection_flags",
    )?;
    let f = cls.as_class().map(|c| c.collection.get()).unwrap_or(0);
    Ok(Value::Int(match f {
        SEQUENCE => TP_SEQUENCE,
        MAPPING => TP_MAPPING,
        _ => 0,
    }))
}

/// `set_collection_flags(cls, flags, registered)`: the ABC `cls` was created with
/// `__abc_tpflags__ = flags` (`registered` false: the bits are added to cls), or cls
/// was registered with an ABC having them (true: cls and its subclasses take the
/// flag, unless cls is a built-in type, as CPython's `set_collection_flag_recursive`).
fn set_collection_flags(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = a.check(vm, "set_collection_flags", 3, 3)?;
    let cls = class_arg(vm, &args[0], "set_collection_flags")?;
    let bits = match &args[1] {
        Value::Int(i) => *i,
        _ => 0,
    };
    let flag = if bits & TP_SEQUENCE != 0 {
        SEQUENCE
    } else if bits & TP_MAPPING != 0 {
        MAPPING
    } else {
        return Ok(Value::None);
    };
    if vm.truthy(&args[2])? {
        set_recursive(&cls, flag, 0);
    } else if let Some(c) = cls.as_class() {
        c.collection.set(c.collection.get() | flag);
    }
    Ok(Value::None)
}

fn set_recursive(cls: &ObjRef, flag: u8, depth: u32) {
    let Some(c) = cls.as_class() else { return };
    if !c.heap || c.native || c.collection.get() == flag || depth > 1000 {
        return;
    }
    c.collection.set(flag);
    for sub in Class::live_subclasses(c) {
        set_recursive(&sub, flag, depth + 1);
    }
}
