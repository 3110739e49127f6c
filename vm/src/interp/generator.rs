//! Generators: a suspended frame resumed by `send`, `throw` and `close`.
//!
//! `YIELD_VALUE` leaves `run_frame` with `Exit::Yield`; the frame keeps its ip and
//! stack. Resuming pushes the sent value (except on the first run, CPython's
//! `GEN_START` rule) and runs the frame again. A generator suspended inside
//! `YIELD_FROM` has its ip on that instruction and the delegate on top of its stack,
//! so `throw`/`close` are forwarded to the delegate first (PEP 380).
//!
//! Asynchronous generators (`interp/async_gen.rs`) run on the same machinery: their
//! `yield` is a plain YIELD_VALUE and their `await` a YIELD_FROM, so after a resume the
//! frame's ip tells a value the generator yielded (ip past YIELD_VALUE) from one an
//! awaited object passed up (ip on YIELD_FROM). CPython 3.11 needs ASYNC_GEN_WRAP for
//! the same distinction because its await and yield share one instruction.

use crate::frame::generator::Generator;
use crate::frame::{Frame, FrameState};
use crate::interp::run_frame;
use crate::object::Obj;
use crate::protocol::iter::SendResult;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn gen_of(v: &Value) -> Option<&std::cell::RefCell<Generator>> {
    v.as_obj().and_then(|o| o.as_any_generator())
}

/// "generator", "coroutine" or "async generator", for error messages.
fn kind_name(gen: &Value, g: &Generator) -> &'static str {
    if gen.as_obj().is_some_and(|o| o.as_async_gen().is_some()) {
        "async generator"
    } else if g.coroutine {
        "coroutine"
    } else {
        "generator"
    }
}

/// Resume `gen` with `value` (or with an exception thrown in at the current point).
pub fn resume(vm: &mut Vm, gen: &Value, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    resume_ex(vm, gen, value, throw, true)
}

/// [`resume`]; `close_on_exit` false throws a GeneratorExit into a delegate the
/// generator awaits instead of closing it (CPython's `_gen_throw` with
/// `close_on_genexit = 0`, what `athrow()`/`aclose()` do).
pub fn resume_ex(vm: &mut Vm, gen: &Value, value: Value, throw: Option<PyErr>, close_on_exit: bool) -> PyResult<SendResult> {
    let cell = gen_of(gen).ok_or_else(|| vm.type_error("not a generator"))?;
    let what = kind_name(gen, &cell.borrow());
    let mut frame = {
        let mut g = cell.borrow_mut();
        if g.running {
            return Err(vm.value_error(format!("{what} already executing")));
        }
        match g.frame.take() {
            Some(f) => {
                g.running = true;
                g.running_frame = &*f as *const Frame;
                f
            }
            None => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(SendResult::Return(Value::None)),
                };
            }
        }
    };
    let started = !matches!(frame.state, FrameState::Created);
    if !started && throw.is_none() && !value.is_none() {
        cell.borrow_mut().frame = Some(frame);
        cell.borrow_mut().running = false;
        cell.borrow_mut().running_frame = std::ptr::null();
        return Err(vm.type_error(format!("can't send non-None value to a just-started {what}")));
    }
    let saved_exc = {
        let mut g = cell.borrow_mut();
        std::mem::replace(&mut vm.exc_info, std::mem::take(&mut g.exc_state))
    };
    let result = match throw {
        Some(err) => throw_into(vm, &mut frame, err, close_on_exit),
        None => {
            if started {
                frame.push(value);
            }
            run_frame(vm, &mut frame)
        }
    };
    let mut g = cell.borrow_mut();
    g.running = false;
    g.running_frame = std::ptr::null();
    g.exc_state = std::mem::replace(&mut vm.exc_info, saved_exc);
    match result {
        Ok(v) => {
            if matches!(frame.state, FrameState::Suspended) {
                g.frame = Some(frame);
                Ok(SendResult::Yield(v))
            } else {
                g.exc_state = Value::None;
                Ok(SendResult::Return(v))
            }
        }
        Err(e) => {
            g.exc_state = Value::None;
            drop(g);
            // PEP 479: a StopIteration escaping the generator body becomes RuntimeError
            // (and a StopAsyncIteration escaping an async generator, PEP 525).
            let stop = if vm.err_matches(&e, "StopIteration") {
                Some("StopIteration")
            } else if what == "async generator" && vm.err_matches(&e, "StopAsyncIteration") {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let Some(stop) = stop {
                let re = vm.err("RuntimeError", format!("{what} raised {stop}"));
                if let (Value::Obj(n), old) = (&re.0, &e.0) {
                    if let Obj::Exception(x) = n.view() {
                        *x.cause.borrow_mut() = old.clone();
                        *x.context.borrow_mut() = old.clone();
                    }
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// The suspended generator waits in `YIELD_FROM` (for an async generator: in an
/// `await`, not at a `yield`).
pub fn awaiting(g: &Generator) -> bool {
    match &g.frame {
        Some(f) if !g.running && matches!(f.state, FrameState::Suspended) && f.depth() > 0 => {
            f.code.code.get(f.ip).map(|u| u.op) == Some(pyhop_compiler::Opcode::YieldFrom as u8)
        }
        _ => false,
    }
}

/// The object a suspended generator delegates to (`gi_yieldfrom`, `cr_await`,
/// `ag_await`): the receiver on top of its stack while it waits in `YIELD_FROM`.
pub fn delegate(g: &Generator) -> Value {
    match &g.frame {
        Some(f) if awaiting(g) => f.peek_top(),
        _ => Value::None,
    }
}

/// `gi_frame`/`cr_frame`: the running frame, the suspended one, or None once finished.
pub fn frame_of(vm: &mut Vm, gen: &Value) -> Value {
    let Some(cell) = gen_of(gen) else { return Value::None };
    let (running, ptr) = {
        let g = cell.borrow();
        (g.running, g.running_frame)
    };
    if running {
        return crate::frame::frame_obj::frame_object_of(vm, ptr);
    }
    match &cell.borrow().frame {
        Some(f) => crate::frame::frame_obj::detached_frame_object(f),
        None => Value::None,
    }
}

/// Raise `err` at the generator's suspension point (delegating through YIELD_FROM).
fn throw_into(vm: &mut Vm, frame: &mut Frame, err: PyErr, close_on_exit: bool) -> PyResult<Value> {
    if !matches!(frame.state, FrameState::Suspended) {
        // Not started: the exception is raised at the start; the frame never runs.
        frame.state = FrameState::Finished;
        return Err(err);
    }
    let at_yield_from = frame.code.code.get(frame.ip).map(|u| u.op) == Some(pyhop_compiler::Opcode::YieldFrom as u8);
    if at_yield_from && frame.depth() > 0 {
        let delegate = frame.peek_top();
        let is_exit = close_on_exit && vm.err_matches(&err, "GeneratorExit");
        let sub = if gen_of(&delegate).is_some() {
            if is_exit {
                close(vm, &delegate).map(|_| None)
            } else {
                resume_ex(vm, &delegate, Value::None, Some(err.clone()), close_on_exit).map(Some)
            }
        } else if is_exit {
            match vm.getattr_opt(&delegate, "close")? {
                Some(c) => vm.call(&c, crate::object::func::Args::new(&[])).map(|_| None),
                None => Ok(None),
            }
        } else {
            match vm.getattr_opt(&delegate, "throw")? {
                Some(t) => vm.call(&t, crate::object::func::Args::new(&[err.0.clone()])).map(|v| Some(SendResult::Yield(v))),
                None => Ok(None),
            }
        };
        match sub {
            Ok(Some(SendResult::Yield(v))) => {
                frame.state = FrameState::Suspended;
                return Ok(v);
            }
            Ok(Some(SendResult::Return(v))) => {
                // The delegate finished: YIELD_FROM's result is its return value.
                frame.pop_to(frame.depth() - 1);
                frame.push(v);
                frame.ip += 1;
                return run_frame(vm, frame);
            }
            Ok(None) => return unwind_into(vm, frame, err),
            Err(e) => {
                if vm.err_matches(&e, "StopIteration") {
                    let v = crate::protocol::iter::stop_value(vm, &e);
                    frame.pop_to(frame.depth() - 1);
                    frame.push(v);
                    frame.ip += 1;
                    return run_frame(vm, frame);
                }
                return unwind_into(vm, frame, e);
            }
        }
    }
    unwind_into(vm, frame, err)
}

/// Raise `err` inside a suspended frame at its current instruction.
fn unwind_into(vm: &mut Vm, frame: &mut Frame, err: PyErr) -> PyResult<Value> {
    // The suspension point is the unit before ip (YIELD_VALUE), or ip itself (YIELD_FROM).
    let at = frame.code.code.get(frame.ip).map(|u| u.op) == Some(pyhop_compiler::Opcode::YieldFrom as u8);
    if at {
        frame.ip += 1;
    }
    let lasti = frame.lasti() as u32;
    // Raised inside the generator: what it was handling becomes the context
    // (CPython's `_PyErr_ChainStackItem` in `gen_send_ex2`).
    crate::interp::set_context(vm, &err);
    crate::interp::add_traceback(vm, &err, &frame.code.clone(), lasti, frame);
    match frame.code.handler_for(lasti).copied() {
        Some(h) => {
            frame.cut_to_handler(h.depth as usize);
            frame.push(err.0);
            frame.ip = h.target as usize;
            run_frame(vm, frame)
        }
        None => {
            frame.pop_to(0);
            frame.state = FrameState::Finished;
            Err(err)
        }
    }
}

/// `gen.close()`.
pub fn close(vm: &mut Vm, gen: &Value) -> PyResult<Value> {
    let Some(cell) = gen_of(gen) else { return Ok(Value::None) };
    let suspended = match &cell.borrow().frame {
        Some(f) => matches!(f.state, FrameState::Suspended),
        None => false,
    };
    if !suspended {
        cell.borrow_mut().frame = None;
        return Ok(Value::None);
    }
    let exit = PyErr(vm.new_exception(vm.exc_class("GeneratorExit"), vec![]));
    let what = kind_name(gen, &cell.borrow());
    match resume(vm, gen, Value::None, Some(exit)) {
        Ok(SendResult::Yield(_)) => Err(vm.err("RuntimeError", format!("{what} ignored GeneratorExit"))),
        Ok(SendResult::Return(_)) => Ok(Value::None),
        Err(e) => {
            if vm.err_matches(&e, "GeneratorExit") || vm.err_matches(&e, "StopIteration") {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}

/// A StopIteration carrying `value`.
pub fn stop_iteration(vm: &mut Vm, value: Value) -> PyErr {
    let cls = vm.exc_class("StopIteration");
    let args = if value.is_none() { vec![] } else { vec![value] };
    PyErr(vm.new_exception(cls, args))
}
