//! Asynchronous generators (PEP 525) and their awaitables, after CPython 3.11's
//! `Objects/genobject.c`.
//!
//! An async generator is a generator frame (`frame/generator.rs`, [`AsyncGen`])
//! resumed only through awaitables: `__anext__()`/`asend(v)` return an
//! `async_generator_asend`, `athrow(...)`/`aclose()` an `async_generator_athrow`.
//! Iterating one resumes the frame; what comes back is one of
//!
//! * a value an awaited object passed up (the frame is suspended on YIELD_FROM):
//!   the awaitable yields it to its own awaiter (the event loop);
//! * a value the generator yielded: the awaitable finishes, `StopIteration(value)`;
//! * the end of the body: `StopAsyncIteration`.
//!
//! (`generator::resume` tells the first two apart by the frame's ip; see its module
//! doc.) `ag_running` is CPython's `ag_running_async`: an awaitable of the
//! generator is being iterated, which is what "asynchronous generator is already
//! running" refuses. `sys.set_asyncgen_hooks` hooks are read on first use: `firstiter`
//! is called then, and `finalizer` is called instead of closing when an unfinished
//! generator goes away (asyncio schedules its `aclose()`).
//!
//! `anext(aiterator, default)` returns an `anext_awaitable` (CPython's
//! `Objects/iterobject.c`), kept here since it is one more payload of the same kind.

use crate::frame::generator::{AgAwaitable, AsyncGen, AwaitState, AwaitableKind};
use crate::interp::generator::{self, resume_ex, stop_iteration};
use crate::object::func::Args;
use crate::object::{Obj, ObjRef};
use crate::protocol::iter::SendResult;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// What one resume of the generator's frame gave.
enum Step {
    /// The generator yielded a value (CPython: an `_PyAsyncGenWrappedValue`).
    Yield(Value),
    /// An awaited object yielded a value through the generator.
    Await(Value),
    /// The body ended.
    Return,
}

fn agen<'a>(vm: &Vm, v: &'a Value, meth: &str) -> PyResult<&'a AsyncGen> {
    v.as_obj().and_then(|o| o.as_async_gen()).ok_or_else(|| {
        vm.type_error(format!("descriptor '{meth}' for 'async_generator' objects doesn't apply to a '{}' object", vm.type_name(v)))
    })
}

fn resume(vm: &mut Vm, gen: &Value, value: Value, throw: Option<PyErr>, close_on_exit: bool) -> PyResult<Step> {
    match resume_ex(vm, gen, value, throw, close_on_exit)? {
        SendResult::Return(_) => Ok(Step::Return),
        SendResult::Yield(v) => {
            let awaiting = gen.as_obj().and_then(|o| o.as_async_gen()).is_some_and(|a| generator::awaiting(&a.gen.borrow()));
            Ok(if awaiting { Step::Await(v) } else { Step::Yield(v) })
        }
    }
}

fn exc(vm: &mut Vm, name: &str) -> PyErr {
    PyErr(vm.new_exception(vm.exc_class(name), vec![]))
}

fn is_exit_or_stop(vm: &Vm, e: &PyErr) -> bool {
    vm.err_matches(e, "StopAsyncIteration") || vm.err_matches(e, "GeneratorExit")
}

/// CPython's `async_gen_unwrap_value`: a yielded value ends the awaitable with
/// StopIteration(value), the end of the body with StopAsyncIteration.
fn unwrap(vm: &mut Vm, ag: &AsyncGen, r: PyResult<Step>) -> PyResult<Value> {
    match r {
        Ok(Step::Await(v)) => Ok(v),
        Ok(Step::Yield(v)) => {
            ag.state.borrow_mut().running_async = false;
            Err(stop_iteration(vm, v))
        }
        Ok(Step::Return) => {
            let mut s = ag.state.borrow_mut();
            s.closed = true;
            s.running_async = false;
            drop(s);
            Err(exc(vm, "StopAsyncIteration"))
        }
        Err(e) => {
            let mut s = ag.state.borrow_mut();
            if is_exit_or_stop(vm, &e) {
                s.closed = true;
            }
            s.running_async = false;
            Err(e)
        }
    }
}

/// CPython's `async_gen_init_hooks`: on first use, keep the finalizer hook and call
/// the firstiter hook.
fn init_hooks(vm: &mut Vm, gen: &Value, ag: &AsyncGen) -> PyResult<()> {
    {
        let mut s = ag.state.borrow_mut();
        if s.hooks_inited {
            return Ok(());
        }
        s.hooks_inited = true;
        if vm.asyncgen_finalizer.as_obj().is_some() {
            s.finalizer = vm.asyncgen_finalizer.clone();
        }
    }
    let firstiter = vm.asyncgen_firstiter.clone();
    if firstiter.as_obj().is_some() {
        vm.call1(&firstiter, gen.clone())?;
    }
    Ok(())
}

fn new_awaitable(gen: Value, kind: AwaitableKind) -> Value {
    let a = AgAwaitable { gen, kind, state: AwaitState::Init };
    Value::Obj(ObjRef::new_foreign(std::cell::RefCell::new(a)))
}

/// The exception `throw(typ[, val[, tb]])` raises (CPython's `_gen_throw` checks).
pub fn throw_exception(vm: &mut Vm, args: &[Value]) -> PyResult<PyErr> {
    let typ = args.first().cloned().unwrap_or(Value::None);
    let val = args.get(1).cloned().unwrap_or(Value::None);
    let tb = args.get(2).cloned().unwrap_or(Value::None);
    if !tb.is_none() && !matches!(&tb, Value::Obj(o) if matches!(o.view(), Obj::Traceback(_))) {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let base = vm.exc_class("BaseException");
    let is_class = typ.as_obj().is_some_and(|o| o.as_class().is_some_and(|c| c.is_subclass_of(o, &base)));
    let e = if is_class {
        if typ.as_obj().is_some_and(|c| vm.isinstance(&val, c)) {
            val
        } else {
            let args: Vec<Value> = match &val {
                Value::None => vec![],
                Value::Obj(o) if matches!(o.view(), Obj::Tuple(_)) => vm.collect(&val)?,
                v => vec![v.clone()],
            };
            vm.call(&typ, Args::new(&args))?
        }
    } else if matches!(&typ, Value::Obj(o) if matches!(o.view(), Obj::Exception(_))) {
        if !val.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(&typ)
        )));
    };
    if let (Value::Obj(o), Value::Obj(_)) = (&e, &tb) {
        if let Obj::Exception(x) = o.view() {
            *x.traceback.borrow_mut() = tb;
        }
    }
    Ok(PyErr(e))
}

// ---- async_generator methods ----

fn ag_aiter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__aiter__", 1, 1)?;
    agen(vm, &pos[0], "__aiter__")?;
    Ok(pos[0].clone())
}

fn ag_anext(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__anext__", 1, 1)?;
    init_hooks(vm, &pos[0], agen(vm, &pos[0], "__anext__")?)?;
    Ok(new_awaitable(pos[0].clone(), AwaitableKind::ASend(Value::Null)))
}

fn ag_asend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "asend", 2, 2)?;
    init_hooks(vm, &pos[0], agen(vm, &pos[0], "asend")?)?;
    Ok(new_awaitable(pos[0].clone(), AwaitableKind::ASend(pos[1].clone())))
}

fn ag_athrow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "athrow", 2, 4)?;
    init_hooks(vm, &pos[0], agen(vm, &pos[0], "athrow")?)?;
    Ok(new_awaitable(pos[0].clone(), AwaitableKind::AThrow(Some(pos[1..].to_vec()))))
}

fn ag_aclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "aclose", 1, 1)?;
    init_hooks(vm, &pos[0], agen(vm, &pos[0], "aclose")?)?;
    Ok(new_awaitable(pos[0].clone(), AwaitableKind::AThrow(None)))
}

pub const ASYNC_GEN_METHODS: crate::builtins::MethodTable = &[
    ("__aiter__", ag_aiter),
    ("__anext__", ag_anext),
    ("asend", ag_asend),
    ("athrow", ag_athrow),
    ("aclose", ag_aclose),
];

// ---- the awaitables ----

/// How an awaitable is driven: `send(v)` / `__next__()` (None), or `throw(...)`.
enum Drive<'a> {
    Send(Option<Value>),
    Throw(&'a [Value]),
}

fn awaitable_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a std::cell::RefCell<AgAwaitable>> {
    v.as_obj().and_then(|o| o.as_ag_awaitable()).ok_or_else(|| vm.type_error("expected an async generator awaitable"))
}

/// `send`, `__next__` and `throw` of `async_generator_asend`, `_athrow` and
/// `anext_awaitable`.
fn drive(vm: &mut Vm, slf: &Value, how: Drive) -> PyResult<Value> {
    let cell = awaitable_of(vm, slf)?;
    let (gen, state, sendval, throw_args, anext) = {
        let a = cell.borrow();
        match &a.kind {
            AwaitableKind::ASend(v) => (a.gen.clone(), a.state, Some(v.clone()), None, None),
            AwaitableKind::AThrow(args) => (a.gen.clone(), a.state, None, Some(args.clone()), None),
            AwaitableKind::Anext { wrapped, default } => {
                (Value::None, a.state, None, None, Some((wrapped.clone(), default.clone())))
            }
        }
    };
    let set_state = |s: AwaitState| cell.borrow_mut().state = s;
    if let Some((wrapped, default)) = anext {
        return anext_drive(vm, &wrapped, &default, how);
    }
    let ag = agen(vm, &gen, "send")?;
    if let Some(sendval) = sendval {
        // async_generator_asend
        if state == AwaitState::Closed {
            return Err(vm.err("RuntimeError", "cannot reuse already awaited __anext__()/asend()"));
        }
        let r = match how {
            Drive::Send(arg) => {
                let mut arg = arg.unwrap_or(Value::None);
                if state == AwaitState::Init {
                    if ag.state.borrow().running_async {
                        return Err(vm.err("RuntimeError", "anext(): asynchronous generator is already running"));
                    }
                    if arg.is_none() && !sendval.is_null() {
                        arg = sendval;
                    }
                    set_state(AwaitState::Iter);
                }
                ag.state.borrow_mut().running_async = true;
                resume(vm, &gen, arg, None, true)
            }
            Drive::Throw(args) => match throw_exception(vm, args) {
                Ok(e) => resume(vm, &gen, Value::None, Some(e), true),
                Err(e) => Err(e),
            },
        };
        let res = unwrap(vm, ag, r);
        if res.is_err() {
            set_state(AwaitState::Closed);
        }
        return res;
    }
    // async_generator_athrow; `args` None is aclose().
    let args = throw_args.unwrap_or(None);
    if state == AwaitState::Closed {
        return Err(vm.err("RuntimeError", "cannot reuse already awaited aclose()/athrow()"));
    }
    let arg = match how {
        Drive::Throw(targs) => {
            let r = match throw_exception(vm, targs) {
                Ok(e) => resume(vm, &gen, Value::None, Some(e), true),
                Err(e) => Err(e),
            };
            return match args {
                Some(_) => unwrap(vm, ag, r),
                None => match r {
                    Ok(Step::Yield(_)) => {
                        ag.state.borrow_mut().running_async = false;
                        set_state(AwaitState::Closed);
                        Err(vm.err("RuntimeError", "async generator ignored GeneratorExit"))
                    }
                    Ok(Step::Await(v)) => Ok(v),
                    Ok(Step::Return) => Err(stop_iteration(vm, Value::None)),
                    Err(e) if is_exit_or_stop(vm, &e) => Err(stop_iteration(vm, Value::None)),
                    Err(e) => Err(e),
                },
            };
        }
        Drive::Send(arg) => arg.unwrap_or(Value::None),
    };
    let finished = {
        let g = ag.gen.borrow();
        !g.running && g.frame.is_none()
    };
    if finished {
        set_state(AwaitState::Closed);
        return Err(stop_iteration(vm, Value::None));
    }
    let r = if state == AwaitState::Init {
        if ag.state.borrow().running_async {
            set_state(AwaitState::Closed);
            let what = if args.is_none() { "aclose" } else { "athrow" };
            return Err(vm.err("RuntimeError", format!("{what}(): asynchronous generator is already running")));
        }
        if ag.state.borrow().closed {
            set_state(AwaitState::Closed);
            return Err(exc(vm, "StopAsyncIteration"));
        }
        if !arg.is_none() {
            return Err(vm.err("RuntimeError", "can't send non-None value to a just-started coroutine"));
        }
        set_state(AwaitState::Iter);
        ag.state.borrow_mut().running_async = true;
        match &args {
            None => {
                ag.state.borrow_mut().closed = true;
                let exit = exc(vm, "GeneratorExit");
                resume(vm, &gen, Value::None, Some(exit), false)
            }
            Some(targs) => {
                let r = match throw_exception(vm, targs) {
                    Ok(e) => resume(vm, &gen, Value::None, Some(e), false),
                    Err(e) => Err(e),
                };
                let res = unwrap(vm, ag, r);
                if res.is_err() {
                    ag.state.borrow_mut().running_async = false;
                    set_state(AwaitState::Closed);
                }
                return res;
            }
        }
    } else {
        let r = resume(vm, &gen, arg, None, true);
        if args.is_some() {
            return unwrap(vm, ag, r);
        }
        r
    };
    // aclose(): the generator must finish (or raise) rather than yield.
    if let Ok(Step::Await(v)) = r {
        return Ok(v);
    }
    ag.state.borrow_mut().running_async = false;
    set_state(AwaitState::Closed);
    match r {
        Ok(Step::Yield(_)) => Err(vm.err("RuntimeError", "async generator ignored GeneratorExit")),
        Ok(_) => Err(stop_iteration(vm, Value::None)),
        Err(e) if is_exit_or_stop(vm, &e) => Err(stop_iteration(vm, Value::None)),
        Err(e) => Err(e),
    }
}

/// `anext_awaitable`: drive the iterator of the wrapped awaitable; its
/// StopAsyncIteration becomes StopIteration(default).
fn anext_drive(vm: &mut Vm, wrapped: &Value, default: &Value, how: Drive) -> PyResult<Value> {
    let it = crate::protocol::slow::awaitable(vm, wrapped.clone(), "anext")?;
    let is_gen = it.as_obj().is_some_and(|o| o.as_generator().is_some());
    let r = match how {
        Drive::Send(arg) => {
            if is_gen {
                match generator::resume(vm, &it, arg.unwrap_or(Value::None), None) {
                    Ok(SendResult::Yield(v)) => Ok(v),
                    Ok(SendResult::Return(v)) => Err(stop_iteration(vm, v)),
                    Err(e) => Err(e),
                }
            } else if it.as_obj().is_some_and(|o| o.as_ag_awaitable().is_some()) {
                drive(vm, &it, Drive::Send(arg))
            } else {
                match arg {
                    Some(v) => vm.getattr(&it, "send").and_then(|m| vm.call1(&m, v)),
                    None => vm.getattr(&it, "__next__").and_then(|m| vm.call(&m, Args::new(&[]))),
                }
            }
        }
        Drive::Throw(args) => vm.getattr(&it, "throw").and_then(|m| vm.call(&m, Args::new(args))),
    };
    match r {
        Err(e) if vm.err_matches(&e, "StopAsyncIteration") => Err(stop_iteration(vm, default.clone())),
        r => r,
    }
}

/// `send`, `__next__` for `Vm::send` and `next()` (`arg` None: `__next__`).
pub fn send(vm: &mut Vm, slf: &Value, arg: Option<Value>) -> PyResult<Value> {
    drive(vm, slf, Drive::Send(arg))
}

fn aw_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "send", 2, 2)?;
    drive(vm, &pos[0], Drive::Send(Some(pos[1].clone())))
}

fn aw_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__next__", 1, 1)?;
    drive(vm, &pos[0], Drive::Send(None))
}

fn aw_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "throw", 2, 4)?;
    drive(vm, &pos[0], Drive::Throw(&pos[1..]))
}

fn aw_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "close", 1, 1)?;
    let cell = awaitable_of(vm, &pos[0])?;
    let anext = match &cell.borrow().kind {
        AwaitableKind::Anext { wrapped, .. } => Some(wrapped.clone()),
        _ => None,
    };
    match anext {
        Some(wrapped) => {
            let it = crate::protocol::slow::awaitable(vm, wrapped, "anext")?;
            let m = vm.getattr(&it, "close")?;
            vm.call(&m, Args::new(&[]))
        }
        None => {
            cell.borrow_mut().state = AwaitState::Closed;
            Ok(Value::None)
        }
    }
}

fn aw_self(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__await__", 1, 1)?;
    Ok(pos[0].clone())
}

pub const AWAITABLE_METHODS: crate::builtins::MethodTable = &[
    ("send", aw_send),
    ("throw", aw_throw),
    ("close", aw_close),
    ("__next__", aw_next),
    ("__iter__", aw_self),
    ("__await__", aw_self),
];

/// The type name of an awaitable (`type_of`, `repr`).
pub fn awaitable_type_name(a: &std::cell::RefCell<AgAwaitable>) -> &'static str {
    match a.borrow().kind {
        AwaitableKind::ASend(_) => "async_generator_asend",
        AwaitableKind::AThrow(_) => "async_generator_athrow",
        AwaitableKind::Anext { .. } => "anext_awaitable",
    }
}

// ---- finalization ----

/// What the collector does with an unfinished async generator: call the finalizer
/// hook it was given (true), or nothing here (false: close it as a generator).
pub fn call_finalizer_hook(vm: &mut Vm, me: &Value) -> Option<PyResult<Value>> {
    let ag = me.as_obj()?.as_async_gen()?;
    let f = {
        let s = ag.state.borrow();
        if s.finalizer.as_obj().is_none() || s.closed {
            return None;
        }
        s.finalizer.clone()
    };
    Some(vm.call1(&f, me.clone()))
}

// ---- builtins and sys ----

/// `aiter(async_iterable)`.
pub fn builtin_aiter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "aiter", 1, 1)?;
    let v = &pos[0];
    let cls = vm.type_of(v);
    let Some(f) = cls.as_class().and_then(|c| c.lookup("__aiter__")) else {
        return Err(vm.type_error(format!("'{}' object is not an async iterable", vm.type_name(v))));
    };
    let it = vm.call_dunder(&f, v, &[])?;
    let t = vm.type_of(&it);
    if t.as_class().and_then(|c| c.lookup("__anext__")).is_none() {
        return Err(vm.type_error(format!("aiter() returned not an async iterator of type '{}'", vm.type_name(&it))));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn builtin_anext(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "anext", 1, 2)?;
    let v = &pos[0];
    let cls = vm.type_of(v);
    let Some(f) = cls.as_class().and_then(|c| c.lookup("__anext__")) else {
        return Err(vm.type_error(format!("'{}' object is not an async iterator", vm.type_name(v))));
    };
    let aw = vm.call_dunder(&f, v, &[])?;
    match pos.get(1) {
        None => Ok(aw),
        Some(d) => Ok(new_awaitable(Value::None, AwaitableKind::Anext { wrapped: aw, default: d.clone() })),
    }
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an argument left out
/// keeps its hook, None removes it.
pub fn sys_set_asyncgen_hooks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    let given = pos.len() + a.kw().count();
    if given > 2 {
        return Err(vm.type_error(format!("function takes at most 2 arguments ({given} given)")));
    }
    let mut firstiter = pos.first().cloned();
    let mut finalizer = pos.get(1).cloned();
    for (k, v) in a.kw() {
        let (slot, at) = match k {
            "firstiter" => (&mut firstiter, 1),
            "finalizer" => (&mut finalizer, 2),
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for this function"))),
        };
        if slot.is_some() {
            return Err(vm.type_error(format!("argument for function given by name ('{k}') and position ({at})")));
        }
        *slot = Some(v.clone());
    }
    for (name, hook) in [("finalizer", finalizer), ("firstiter", firstiter)] {
        let Some(h) = hook else { continue };
        let stored = if h.is_none() {
            Value::Null
        } else if vm.is_callable(&h) {
            h
        } else {
            return Err(vm.type_error(format!("callable {name} expected, got {}", vm.type_name(&h))));
        };
        if name == "finalizer" {
            vm.asyncgen_finalizer = stored;
        } else {
            vm.asyncgen_firstiter = stored;
        }
    }
    Ok(Value::None)
}

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
pub fn sys_get_asyncgen_hooks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_asyncgen_hooks", 0, 0)?;
    let cls = match &vm.asyncgen_hooks_type {
        Some(c) => c.clone(),
        None => {
            let c = crate::builtins::structseq::new_type(vm, "builtins", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            vm.asyncgen_hooks_type = Some(c.clone());
            c
        }
    };
    let hook = |v: &Value| if v.is_null() { Value::None } else { v.clone() };
    let vals = vec![hook(&vm.asyncgen_firstiter), hook(&vm.asyncgen_finalizer)];
    Ok(crate::builtins::structseq::new(vm, &cls, vals))
}
