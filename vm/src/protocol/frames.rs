//! The attributes of frame objects (`f_locals`, `f_back`, `f_lineno`, ...) and
//! `frame.clear()`: the Python side of `frame/frame_obj.rs`.

use crate::frame::frame_obj::{frame_object, PyFrame};
use crate::frame::Frame;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `f_locals`: the namespace of module/class frames, else a fresh snapshot dict.
pub fn f_locals(vm: &mut Vm, pf: &PyFrame) -> PyResult<Value> {
    if !pf.locals.is_null() {
        return Ok(pf.locals.clone());
    }
    let code = &pf.code;
    let fast = pf.fast();
    let mut d = Dict::new();
    for (i, name) in code.varnames.iter().enumerate() {
        if let Some(v) = fast.get(i) {
            if !v.is_null() && !code.cellvars.contains(name) {
                d.insert_str(name, v.clone());
            }
        }
    }
    let n = code.varnames.len();
    for (i, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        if let Some(Value::Obj(c)) = fast.get(n + i) {
            if let Some(c) = c.as_cell() {
                let v = c.borrow().clone();
                if !v.is_null() {
                    d.insert_str(name, v);
                }
            }
        }
    }
    Ok(vm.new_dict(d))
}

/// `f_back`. A generator or coroutine frame has a caller only while it runs: the
/// frame below it on the frame stack then; None while it is suspended or finished.
fn f_back(vm: &mut Vm, pf: &PyFrame) -> Value {
    use pyhop_compiler::bytecode::co_flags;
    if pf.code.flags & (co_flags::GENERATOR | co_flags::COROUTINE) == 0 {
        return pf.back.clone();
    }
    let Some(f) = pf.live() else { return Value::None };
    let me = f as *const Frame;
    match vm.frames.iter().rposition(|p| std::ptr::eq(*p, me)) {
        Some(i) if i > 0 => frame_object(vm, i - 1),
        _ => Value::None,
    }
}

/// The attributes `frame_getattr` serves (for `dir()`).
pub const FRAME_ATTRS: &[&str] = &[
    "f_code", "f_globals", "f_builtins", "f_locals", "f_lineno", "f_lasti", "f_back", "f_trace", "f_trace_lines",
    "f_trace_opcodes",
];

/// Attributes of frame objects.
pub fn frame_getattr(vm: &mut Vm, pf: &PyFrame, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "f_code" => crate::object::code::code_value(&pf.code),
        "f_globals" => Value::Obj(pf.globals.clone()),
        "f_builtins" => Value::Obj(pf.builtins.clone()),
        "f_locals" => f_locals(vm, pf)?,
        "f_lineno" => Value::Int(pf.lineno() as i64),
        "f_lasti" => Value::Int(pf.lasti() as i64 * 2),
        "f_back" => f_back(vm, pf),
        "f_trace" => pf.trace.borrow().clone(),
        "f_trace_lines" => Value::Bool(pf.trace_lines.get()),
        "f_trace_opcodes" => Value::Bool(pf.trace_opcodes.get()),
        _ => return Ok(None),
    }))
}

pub fn frame_setattr(vm: &mut Vm, pf: &PyFrame, name: &str, v: &Value) -> PyResult<bool> {
    match name {
        "f_trace" => *pf.trace.borrow_mut() = v.clone(),
        "f_trace_lines" => pf.trace_lines.set(vm.truthy(v)?),
        "f_trace_opcodes" => pf.trace_opcodes.set(vm.truthy(v)?),
        _ => return Ok(false),
    }
    Ok(true)
}

/// `frame.clear()`: drop the locals of a finished frame (RuntimeError while it runs).
pub fn frame_clear(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let pos = a.check(vm, "clear", 1, 1)?;
    let Value::Obj(o) = &pos[0] else { return Err(vm.type_error("descriptor 'clear' requires a 'frame' object")) };
    let Some(pf) = o.as_pyframe() else { return Err(vm.type_error("descriptor 'clear' requires a 'frame' object")) };
    if let Some(f) = pf.live() {
        if !matches!(f.state, crate::frame::FrameState::Suspended | crate::frame::FrameState::Created) {
            return Err(vm.err("RuntimeError", "cannot clear an executing frame"));
        }
        return Err(vm.err("RuntimeError", "cannot clear a suspended frame"));
    }
    if let Some(s) = pf.snapshot.borrow_mut().as_mut() {
        s.fast.clear();
    }
    Ok(Value::None)
}
