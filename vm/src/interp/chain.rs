//! Python-to-Python calls without native recursion (CPython 3.11's "inlined" calls).
//!
//! A `CALL_FUNCTION` / `CALL_METHOD` whose callee is a plain Python function called
//! with exactly its positional parameters does not call `run_frame` again: the handler
//! makes the callee's frame (a heap header over pooled storage, `frame/pool.rs`),
//! links it to the caller (`Frame::back`), pushes it on `vm.frames` and goes on in
//! the same dispatch chain with the callee's registers. `RETURN_VALUE` in a chained
//! frame does the reverse and goes on in the caller. So the native stack does not
//! grow with Python recursion, and a call costs a frame set-up instead of a trip
//! through `Vm::call`, `run_frame`, the engine's entry and its exit.
//!
//! `run_frame` runs one **entry** frame (`back` null) and every frame chained above
//! it. An exception that a chained frame does not handle unwinds it here (see
//! `run_frame_inner`): the frame goes away and the error is raised afresh in its
//! caller at the call, exactly as the recursive call's `Err` did (one traceback entry
//! per frame, the caller's context chaining).
//!
//! What is not chained (it takes the recursive path, which behaves as before):
//! generators and coroutines (their frames outlive the call), calls with keyword
//! arguments, defaults, `*args`/`**kwargs`, keyword-only parameters or cells to set
//! up, and every call while a trace or profile hook is set, while DXP counts (pairs
//! are per frame) or when LLTRACE may be on (a module that names `__lltrace__`).
//! `-X inline-calls=off` turns chaining off altogether.

use std::mem::MaybeUninit;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

use pyhop_compiler::bytecode::co_flags;

use crate::frame::{Frame, FrameState};
use crate::interp::Regs;
use crate::object::Function;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

static ENABLED: AtomicBool = AtomicBool::new(true);

/// `-X inline-calls=on|off`.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Is chaining on (`sys.implementation.inline_calls`)?
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Emptied frame headers kept for reuse (`Vm::frame_headers`).
const MAX_HEADERS: usize = 200;

/// Beyond this call depth calls take the recursive path again, whose native-stack
/// guard ends runaway recursion under a huge `sys.setrecursionlimit` with a
/// RecursionError instead of letting chained frames fill the memory.
const MAX_CHAIN_DEPTH: u32 = 200_000;

/// Flags of code whose frames outlive the call.
const NOT_CHAINED: u32 = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE | co_flags::ASYNC_GENERATOR;

/// The function `callable` when calling it with `n` positional arguments may chain.
#[inline(always)]
pub fn chainable<'a>(vm: &Vm, callable: &'a Value, n: usize) -> Option<&'a Function> {
    let Value::Obj(o) = callable else { return None };
    let f = o.as_function()?;
    if vm.depth >= MAX_CHAIN_DEPTH || vm.hooks_on || vm.dxp.is_some() || !ENABLED.load(Ordering::Relaxed) || crate::object::code::lltrace_named() {
        return None;
    }
    // SAFETY: no mutable borrow of `__code__` is live while a handler runs (it is
    // replaced only by the `__code__` setter, which is not running now).
    let code = unsafe { f.code.try_borrow_unguarded() }.ok()?;
    (code.simple_args && code.argcount as usize == n && code.flags & NOT_CHAINED == 0).then_some(f)
}

/// Call `f` with the `n` values at `args` as a chained frame: the arguments move into
/// its locals, the `pop` stack items below them (the callable, and `CALL_METHOD`'s
/// method slot) are dropped, the caller's registers are saved, and `r` becomes the
/// callee's. On error (the recursion limit) nothing has moved and `r` is unchanged.
///
/// # Safety
/// `r` is the running handler's registers; `args` is `r.sp - n` and the `pop` items
/// below it are live; `f` is the function one of those items holds (`chainable`).
pub unsafe fn push_frame(r: &mut Regs, vm: &mut Vm, f: &Function, n: usize, pop: usize) -> PyResult<()> {
    vm.enter_call()?;
    // A frame entry is a safe point (as `run_frame`'s); the caller's registers are
    // saved so the frames read right meanwhile.
    // SAFETY: the caller's registers.
    unsafe { r.save() };
    if crate::object::pending::breaker() {
        vm.run_pending();
    }
    // SAFETY: as in `chainable`.
    let code = unsafe { f.code.try_borrow_unguarded() }.map(|c| c.clone()).unwrap_or_else(|_| f.code.borrow().clone());
    let storage = vm.frame_pool.acquire(&code.zombie, code.frame_size);
    let mut frame = Frame::with_storage(code, f.globals.clone(), vm.builtins.clone(), Value::Null, storage);
    if let Some(closure) = &f.closure {
        let base = frame.code.varnames.len();
        let fast = frame.fast_mut();
        for (i, c) in closure.iter().enumerate() {
            fast[base + i] = c.clone();
        }
    }
    // SAFETY: the n arguments are live at `r.sp - n` and move into locals 0..n, which
    // hold Null (nothing to drop); then the caller's stack forgets them.
    unsafe {
        let base = frame.base_ptr();
        r.sp = r.sp.sub(n);
        ptr::copy_nonoverlapping(r.sp, base, n);
        // `f` is not used past here: dropping the callable may free it.
        r.drop_n(pop);
    }
    frame.back = r.fp;
    frame.state = FrameState::Running;
    // SAFETY: the caller's registers, now without the call's items.
    unsafe { r.save() };
    let fp = match vm.frame_headers.pop() {
        Some(mut b) => {
            b.write(frame);
            Box::into_raw(b) as *mut Frame
        }
        None => Box::into_raw(Box::new(frame)),
    };
    vm.frames.push(fp);
    // SAFETY: `fp` is the new live frame; ip 0 is its first unit.
    unsafe {
        r.fp = fp;
        r.ip = (*fp).code.units();
        r.sp = (*fp).sp_ptr();
    }
    Ok(())
}

/// `RETURN_VALUE` of a chained frame: the frame goes away and `r` becomes its
/// caller's registers with `v` pushed.
///
/// # Safety
/// `r` is the registers of a running chained frame (`back` not null), with the
/// returned value already popped.
pub unsafe fn pop_frame(r: &mut Regs, vm: &mut Vm, v: Value) {
    // SAFETY: the contract; `back` is the caller, live below the callee.
    unsafe {
        r.save();
        let caller = discard(vm, r.fp);
        r.fp = caller;
        r.ip = (*caller).code.units().add((*caller).ip);
        r.sp = (*caller).sp_ptr();
        r.push(v);
    }
}

/// Take chained frame `fp` off the frame stack, free it (its values are dropped, its
/// storage goes back to the pool) and return its caller.
///
/// # Safety
/// `fp` is the innermost frame, made by `push_frame` and not yet discarded.
pub unsafe fn discard(vm: &mut Vm, fp: *mut Frame) -> *mut Frame {
    debug_assert!(vm.frames.last().is_some_and(|&t| ptr::eq(t, fp)));
    vm.frames.pop();
    vm.leave_call();
    // SAFETY: the contract: `push_frame` made `fp` by `Box::into_raw`; the frame
    // moves out and its emptied header box is kept for the next call.
    let (mut frame, header) = unsafe { (ptr::read(fp), Box::from_raw(fp as *mut MaybeUninit<Frame>)) };
    if vm.frame_headers.len() < MAX_HEADERS {
        vm.frame_headers.push(header);
    }
    frame.state = FrameState::Finished;
    let caller = frame.back;
    let code = frame.code.clone();
    let storage = frame.into_storage();
    vm.frame_pool.release(&code.zombie, code.frame_size, storage);
    caller
}
