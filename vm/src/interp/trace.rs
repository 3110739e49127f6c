//! `sys.settrace` and `sys.setprofile`: the events CPython 3.11 reports.
//!
//! Tracing costs nothing while no tracer is set: `run_frame` checks one flag at frame
//! entry and, only when a tracer or profiler is active, runs the frame on the traced
//! switch loop (`switch::run_traced`), which calls [`line_hook`] before every
//! instruction. Events:
//! * `call` (trace and profile) when a frame starts or a generator resumes; the
//!   global trace function's result becomes the frame's local tracer (`f_trace`);
//! * `line` before an instruction that starts a new line, or that is reached by a
//!   backward jump (3.11's rule), when the frame has a local tracer and
//!   `f_trace_lines`; `opcode` before every instruction when `f_trace_opcodes`;
//! * `exception` when an exception is raised in (or passes through) the frame;
//! * `return` (trace and profile) when the frame returns or yields — with None when an
//!   exception leaves it;
//! * `c_call` / `c_return` / `c_exception` (profile) around calls of native functions.
//! While a hook runs, tracing is off (CPython's `tstate->tracing`). A hook that raises
//! switches tracing off and the exception propagates.

use crate::interp::Frame;
use crate::frame::frame_obj::{frame_object, PyFrame};
use crate::object::func::Args;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Is a tracer or profiler active (and not already inside a hook)?
#[inline(always)]
pub fn active(vm: &Vm) -> bool {
    vm.hooks_on && !vm.in_hook
}

fn current_pyframe(vm: &mut Vm) -> Value {
    let n = vm.frames.len();
    if n == 0 {
        return Value::None;
    }
    frame_object(vm, n - 1)
}

fn pyframe_of(v: &Value) -> Option<&PyFrame> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Frame(pf) => Some(pf.pyframe()),
            _ => None,
        },
        _ => None,
    }
}

/// Call `hook(frame, event, arg)` with hooks disabled; returns its result.
fn call_hook(vm: &mut Vm, hook: &Value, frame: &Value, event: &str, arg: Value) -> PyResult<Value> {
    vm.in_hook = true;
    let r = vm.call(hook, Args::new(&[frame.clone(), Value::str(event), arg]));
    vm.in_hook = false;
    if r.is_err() {
        // CPython: a failing trace function is removed.
        vm.tracefunc = Value::None;
        vm.profilefunc = Value::None;
        vm.hooks_on = false;
    }
    r
}

/// The `call` event for the frame on top of the frame stack.
pub fn call_event(vm: &mut Vm) -> PyResult<()> {
    let frame = current_pyframe(vm);
    if !vm.profilefunc.is_none() {
        let p = vm.profilefunc.clone();
        call_hook(vm, &p, &frame, "call", Value::None)?;
    }
    if !vm.tracefunc.is_none() {
        let t = vm.tracefunc.clone();
        let local = call_hook(vm, &t, &frame, "call", Value::None)?;
        if let Some(pf) = pyframe_of(&frame) {
            if !local.is_none() {
                *pf.trace.borrow_mut() = local;
            }
        }
    }
    Ok(())
}

/// Call the frame's local tracer for `event`; its non-None result replaces it.
fn local_event(vm: &mut Vm, frame: &Value, event: &str, arg: Value) -> PyResult<()> {
    let Some(pf) = pyframe_of(frame) else { return Ok(()) };
    let local = pf.trace.borrow().clone();
    if local.is_none() {
        return Ok(());
    }
    let r = call_hook(vm, &local, frame, event, arg)?;
    if !r.is_none() {
        *pf.trace.borrow_mut() = r;
    }
    Ok(())
}

/// `return` events (value, or None when an exception leaves the frame).
pub fn return_event(vm: &mut Vm, value: &Value) -> PyResult<()> {
    let frame = current_pyframe(vm);
    if !vm.tracefunc.is_none() {
        local_event(vm, &frame, "return", value.clone())?;
    }
    if !vm.profilefunc.is_none() {
        let p = vm.profilefunc.clone();
        call_hook(vm, &p, &frame, "return", value.clone())?;
    }
    Ok(())
}

/// The `exception` event, with `(type, value, traceback)`.
pub fn exception_event(vm: &mut Vm, exc: &Value) -> PyResult<()> {
    if vm.tracefunc.is_none() {
        return Ok(());
    }
    let frame = current_pyframe(vm);
    let ty = Value::Obj(vm.type_of(exc));
    let tb = vm.getattr(exc, "__traceback__").unwrap_or(Value::None);
    let arg = vm.new_tuple(vec![ty, exc.clone(), tb]);
    local_event(vm, &frame, "exception", arg)
}

/// Before instruction `i` of frame `f`: `line` and `opcode` events.
pub fn line_hook(vm: &mut Vm, f: &mut Frame, i: usize) -> PyResult<()> {
    let prev = f.trace_prev;
    f.trace_prev = i;
    if vm.tracefunc.is_none() || vm.in_hook {
        return Ok(());
    }
    let Some(obj) = f.pyframe.get().cloned() else { return Ok(()) };
    let Some(pf) = obj.as_pyframe() else { return Ok(()) };
    if pf.trace.borrow().is_none() {
        return Ok(());
    }
    let frame = Value::Obj(obj.clone());
    let line = f.code.lines.get(i).copied().unwrap_or(0);
    if line != 0 && pf.trace_lines.get() {
        let prev_line = if prev == usize::MAX { f.code.firstlineno } else { f.code.lines.get(prev).copied().unwrap_or(0) };
        let starts_line = i == 0 || f.code.lines.get(i - 1).copied() != Some(line);
        let backward = prev != usize::MAX && i < prev && starts_line;
        if line != prev_line || backward {
            local_event(vm, &frame, "line", Value::None)?;
        }
    }
    if pf.trace_opcodes.get() {
        local_event(vm, &frame, "opcode", Value::None)?;
    }
    Ok(())
}

/// Profile events around a call of a native function.
pub fn c_call(vm: &mut Vm, func: &Value, event: &str) -> PyResult<()> {
    if vm.profilefunc.is_none() || vm.in_hook {
        return Ok(());
    }
    let frame = current_pyframe(vm);
    let p = vm.profilefunc.clone();
    call_hook(vm, &p, &frame, event, func.clone()).map(|_| ())
}
