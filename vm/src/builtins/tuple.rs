//! `tuple` methods.

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[("count", tuple_count), ("index", tuple_index)];

fn items(vm: &Vm, v: &Value, name: &str) -> PyResult<Vec<Value>> {
    match unwrap_base(v) {
        Value::Obj(o) => match &**o {
            Obj::Tuple(t) => Ok(t.to_vec()),
            _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'tuple' object"))),
        },
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'tuple' object"))),
    }
}

fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.pos().is_empty() {
        return Err(vm.type_error("unbound method tuple.count() needs an argument"));
    }
    let pos = a.check(vm, "count", 2, 2)?;
    let mut n = 0;
    for x in items(vm, &pos[0], "count")? {
        if vm.eq(&x, &pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.pos().is_empty() {
        return Err(vm.type_error("unbound method tuple.index() needs an argument"));
    }
    let pos = a.check(vm, "index", 2, 4)?;
    let t = items(vm, &pos[0], "index")?;
    let (start, stop) = crate::builtins::list::index_bounds(vm, pos, t.len())?;
    for (i, x) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(x, &pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
