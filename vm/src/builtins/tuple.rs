//! `tuple` methods.

use crate::builtins::{seqops, MethodTable};
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("count", tuple_count),
    ("index", tuple_index),
    ("__getitem__", seqops::tuple_getitem),
    ("__len__", seqops::tuple_len),
    ("__contains__", seqops::tuple_contains),
    ("__iter__", seqops::tuple_iter),
    ("__add__", seqops::tuple_add),
    ("__mul__", seqops::tuple_mul),
    ("__rmul__", seqops::tuple_mul),
];

fn items(vm: &Vm, v: &Value, name: &str) -> PyResult<Vec<Value>> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Tuple(t) => Ok(t.to_vec()),
            _ => Err(vm.type_error(format!("descriptor '{name}' for 'tuple' objects doesn't apply to a '{}' object", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("descriptor '{name}' for 'tuple' objects doesn't apply to a '{}' object", vm.type_name(v)))),
    }
}

fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::list::margs(vm, &a, "tuple", "count", 1, 1)?;
    let pos = a.pos();
    let mut n = 0;
    for x in items(vm, &pos[0], "count")? {
        if vm.eq(&x, &pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::list::margs(vm, &a, "tuple", "index", 1, 3)?;
    let pos = a.pos();
    let t = items(vm, &pos[0], "index")?;
    let (start, stop) = crate::builtins::list::index_bounds(vm, pos, t.len())?;
    for (i, x) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(x, &pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
