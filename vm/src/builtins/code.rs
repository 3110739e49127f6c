//! Methods of code objects (`co_lines()`, `co_positions()`, `replace()`) and the
//! `_traceback_native` helper module (caret anchors for the `traceback` module).

use std::rc::Rc;

use crate::builtins::MethodTable;
use crate::object::code::code_value;
use crate::object::func::Args;
use crate::object::{Obj, PyCode};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable =
    &[("co_lines", code_lines), ("co_positions", code_positions), ("replace", code_replace)];

/// `(line, end_line, col, end_col)` of the code unit at index `unit` (CPython 3.11's
/// `co_positions` entry); columns are None for artificial instructions.
pub fn position(c: &PyCode, unit: usize) -> (Option<u32>, Option<u32>, Option<u32>, Option<u32>) {
    let line = c.lines.get(unit).copied().filter(|l| *l != 0);
    match c.positions.get(unit) {
        Some(p) if p.end_line != 0 && line.is_some() => (line, Some(p.end_line), Some(p.col), Some(p.end_col)),
        _ => (line, line, None, None),
    }
}

/// `co_positions()`: an iterator of `position` for every code unit.
fn code_positions(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "co_positions", 1, 1)?;
    let c = this(vm, &pos[0])?;
    let opt = |v: Option<u32>| v.map_or(Value::None, |x| Value::Int(x as i64));
    let out = (0..c.code.len())
        .map(|i| {
            let (l, el, col, ecol) = position(&c, i);
            vm.new_tuple(vec![opt(l), opt(el), opt(col), opt(ecol)])
        })
        .collect();
    let list = vm.new_list(out);
    vm.iter(&list)
}

fn this(vm: &Vm, v: &Value) -> PyResult<Rc<PyCode>> {
    match v {
        Value::Obj(o) => match o.view() {
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

/// `replace(**changes)`: a new code object with some fields changed. Besides the
/// descriptive fields (`co_name`, `co_qualname`, `co_filename`, `co_firstlineno`),
/// `co_code` (pyhop's wordcode), `co_consts` (any objects), `co_names` and
/// `co_varnames` (same count) can be replaced; the result is verified before it can
/// run (`object/code_verify.rs`) and a fault raises ValueError.
fn code_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "replace", 1, 1)?;
    let c = this(vm, &pos[0])?;
    let mut co = (*c.co).clone();
    let mut consts: Vec<Value> = c.consts.to_vec();
    let mut bytecode_changed = false;
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
            "co_code" => {
                let bytes = match v {
                    Value::Obj(o) => match o.view() {
                        Obj::Bytes(b) => b.to_vec(),
                        _ => return Err(arg_type_error(vm, "co_code", "bytes", v)),
                    },
                    _ => return Err(arg_type_error(vm, "co_code", "bytes", v)),
                };
                if bytes.len() % 2 != 0 {
                    return Err(vm.value_error("code: co_code is malformed"));
                }
                co.code = bytes.chunks(2).map(|u| pyhop_compiler::CodeUnit { op: u[0], arg: u[1] }).collect();
                bytecode_changed = true;
            }
            "co_consts" => {
                consts = tuple_items(vm, v, "co_consts")?;
                // The compile-time list keeps its length; the values are what runs.
                co.consts = consts.iter().map(constant_of).collect();
                bytecode_changed = true;
            }
            "co_names" => {
                co.names = str_items(vm, v, "co_names")?;
                bytecode_changed = true;
            }
            "co_varnames" => {
                let names = str_items(vm, v, "co_varnames")?;
                // (CPython also lets co_nlocals change with it; pyhop keeps the count.)
                if names.len() < co.varnames.len() {
                    return Err(vm.value_error("code: co_varnames is too small"));
                }
                if names.len() != co.varnames.len() {
                    return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
                }
                co.varnames = names;
                bytecode_changed = true;
            }
            _ => return Err(vm.value_error(format!("pyhop: code.replace() cannot change {k}"))),
        }
    }
    if bytecode_changed {
        // One line and position entry per code unit.
        let n = co.code.len();
        let last_line = co.lines.last().copied().unwrap_or(co.firstlineno);
        co.lines.resize(n, last_line);
        co.positions.resize(n, Default::default());
        let depth = crate::object::code_verify::verify(&co).map_err(|e| vm.value_error(format!("code: {e}")))?;
        co.stacksize = co.stacksize.max(depth);
    }
    Ok(code_value(&PyCode::with_consts(Rc::new(co), consts.into_boxed_slice())))
}

fn arg_type_error(vm: &Vm, what: &str, want: &str, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!("replace() argument '{what}' must be {want}, not {}", vm.type_name(v)))
}

fn tuple_items(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<Value>> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Tuple(t) => Ok(t.to_vec()),
            _ => Err(arg_type_error(vm, what, "tuple", v)),
        },
        _ => Err(arg_type_error(vm, what, "tuple", v)),
    }
}

fn str_items(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<Rc<str>>> {
    let items = tuple_items(vm, v, what)?;
    items
        .iter()
        .map(|x| x.as_str().map(Rc::from).ok_or_else(|| vm.err("SystemError", "non-string found in code slot")))
        .collect()
}

/// The compile-time form of a constant, where it has one (others keep a `None`
/// placeholder: the runtime value list is what `LOAD_CONST` reads).
fn constant_of(v: &Value) -> pyhop_compiler::Constant {
    use pyhop_compiler::Constant;
    match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(*i),
        Value::Float(f) => Constant::Float(*f),
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => Constant::Str(s.as_str().into()),
            Obj::Code(c) => Constant::Code(c.co.clone()),
            Obj::Tuple(t) => Constant::Tuple(t.iter().map(constant_of).collect()),
            _ => Constant::None,
        },
        _ => Constant::None,
    }
}

/// The `_traceback_native` module: `caret_anchors(segment)`, the `traceback` module's
/// `~~~^^^~~~` anchors of a source segment (None when it has none).
pub fn fill_traceback_native(_vm: &mut Vm, d: &mut crate::object::Dict) {
    d.insert_str("caret_anchors", crate::builtins::native("caret_anchors", caret_anchors));
}

fn caret_anchors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use pyhop_compiler::anchors::{caret_anchors, Rules};
    let pos = a.check(vm, "caret_anchors", 1, 1)?;
    let segment = pos[0].as_str().ok_or_else(|| vm.type_error("caret_anchors() argument must be str"))?;
    Ok(match caret_anchors(segment, Rules::Module) {
        Some((l, r)) => vm.new_tuple(vec![Value::Int(l as i64), Value::Int(r as i64)]),
        None => Value::None,
    })
}
