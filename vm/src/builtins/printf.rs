//! `str % args` (printf-style formatting) and `str.format`.

use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `fmt % args`.
pub fn str_mod(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let _ = (fmt, args);
    Err(vm.err("NotImplementedError", "pyhop: % formatting is not implemented yet"))
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format_method(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let _ = a;
    Err(vm.err("NotImplementedError", "pyhop: str.format is not implemented yet"))
}
