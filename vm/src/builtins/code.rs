//! Methods of code objects: `co_lines()` and `replace()`.

use std::rc::Rc;

use crate::builtins::MethodTable;
use crate::object::code::code_value;
use crate::object::func::Args;
use crate::object::{Obj, PyCode};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[("co_lines", code_lines), ("replace", code_replace)];

fn this(vm: &Vm, v: &Value) -> PyResult<Rc<PyCode>> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Code(c) => Ok(c.clone()),
            _ => Err(vm.type_error("descriptor requires a 'code' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'code' object")),
    }
}

/// `co_lines()`: `(start, end, line)` byte ranges of pyhop's wordcode, one per run of
/// units with the same line (PEP 626).
fn code_lines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "co_lines", 1, 1)?;
    let c = this(vm, &pos[0])?;
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in 1..=c.lines.len() {
        if i == c.lines.len() || c.lines[i] != c.lines[start] {
            let line = c.lines[start];
            let l = if line == 0 { Value::None } else { Value::Int(line as i64) };
            out.push(vm.new_tuple(vec![Value::Int(2 * start as i64), Value::Int(2 * i as i64), l]));
            start = i;
        }
    }
    let list = vm.new_list(out);
    vm.iter(&list)
}

/// `replace(**changes)` for the descriptive fields: `co_name`, `co_qualname`,
/// `co_filename`, `co_firstlineno` (fields that would change the bytecode's meaning —
/// code, consts, names, variables — cannot be replaced yet).
fn code_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "replace", 1, 1)?;
    let c = this(vm, &pos[0])?;
    let mut co = (*c.co).clone();
    for (k, v) in a.kw() {
        match k {
            "co_name" | "co_qualname" | "co_filename" => {
                let s: Rc<str> = v.as_str().ok_or_else(|| vm.type_error(format!("{k} must be a str")))?.into();
                match k {
                    "co_name" => co.name = s,
                    "co_qualname" => co.qualname = s,
                    _ => co.filename = s,
                }
            }
            "co_firstlineno" => co.firstlineno = vm.index_value(v)? as u32,
            _ => return Err(vm.value_error(format!("pyhop: code.replace() cannot change {k} yet"))),
        }
    }
    Ok(code_value(&PyCode::new(Rc::new(co))))
}
