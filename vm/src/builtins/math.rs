//! The `math` module (to be completed: see the functions listed in `fill`).

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(d: &mut Dict) {
    d.insert_str("pi", Value::Float(std::f64::consts::PI));
    d.insert_str("e", Value::Float(std::f64::consts::E));
    d.insert_str("tau", Value::Float(std::f64::consts::TAU));
    d.insert_str("inf", Value::Float(f64::INFINITY));
    d.insert_str("nan", Value::Float(f64::NAN));
    for (name, f) in [("sqrt", sqrt as crate::object::NativeFn)] {
        d.insert_str(name, native(name, f));
    }
}

fn sqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "sqrt", 1, 1)?;
    let x = crate::builtins::float::to_f64(vm, &pos[0])?;
    if x < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}
