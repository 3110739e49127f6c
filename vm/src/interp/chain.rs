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
//! The fast path takes no call of its own: `try_push_frame` and `pop_frame` are
//! inlined into the handlers, which are of the tail engine's inline form, so a
//! chained call and its return jump on in the same chain. The frame is written in
//! place into a recycled header (`Frame::write_chained`) and taken down in place
//! (`Frame::take_down`). Measured (callgrind, tail engine, LTO): `f()` 647 → 332
//! instructions (CPython 3.11: 338), `o.m()` 708 → 385 (362).
//!
//! A class call chains its `__init__` ([`try_construct`]): the instance is made
//! first, `__init__` runs as a chained frame marked with it (`Frame::init_self`), and
//! the return hands the instance to the caller instead of `__init__`'s None.
//! `C()` 2,449 → 1,170 instructions (CPython 3.11: 1,180).
//!
//! What is not chained (it takes the recursive path, which behaves as before):
//! generators and coroutines (their frames outlive the call), calls with keyword
//! arguments, defaults, `*args`/`**kwargs`, keyword-only parameters or cells to set
//! up, and every call while a trace or profile hook is set, while DXP counts (pairs
//! are per frame) or when LLTRACE may be on (a module that names `__lltrace__`).
//! `-X inline-calls=off` turns chaining off altogether.

use std::mem::MaybeUninit;
use std::ptr;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};


use crate::frame::Frame;
use crate::interp::Regs;
use crate::object::{Function, PyCode};
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

/// The function `callable` and its code, when calling it with `n` positional
/// arguments may chain.
#[inline(always)]
pub fn chainable<'a>(vm: &Vm, callable: &'a Value, n: usize) -> Option<(&'a Function, &'a Rc<PyCode>)> {
    let Value::Obj(o) = callable else { return None };
    let f = o.as_function()?;
    Some((f, chainable_code(vm, f, n)?))
}

/// The code of `f` when calling it with `n` positional arguments may chain.
#[inline(always)]
fn chainable_code<'a>(vm: &Vm, f: &'a Function, n: usize) -> Option<&'a Rc<PyCode>> {
    // SAFETY: no mutable borrow of `__code__` is live while a handler runs (it is
    // replaced only by the `__code__` setter, which is not running now).
    let code = unsafe { f.code.try_borrow_unguarded() }.ok()?;
    if code.chain_argc as usize != n {
        return None;
    }
    if vm.depth >= MAX_CHAIN_DEPTH || vm.hooks_on || vm.dxp.is_some() || !ENABLED.load(Ordering::Relaxed) || crate::object::code::lltrace_named() {
        return None;
    }
    Some(code)
}

/// `C(a1, ..., an)` for a plain class `C` (see [`construction_init`]) whose
/// `__init__` takes exactly these arguments: a fresh instance replaces `C` in the
/// callable's stack slot, so the slot and the `n` arguments above it are
/// `__init__`'s arguments, and `__init__` runs as a chained frame that returns the
/// instance (`Frame::init_self`, checked by [`pop_frame`]). So a class call costs
/// an allocation and a chained call, without `type.__call__`'s lookups, argument
/// vectors and native recursion. False (nothing changed) when the call does not fit.
///
/// # Safety
/// `r` is the running handler's registers with the class and `n` arguments on top.
#[inline(always)]
pub unsafe fn try_construct(r: &mut Regs, vm: &mut Vm, n: usize) -> bool {
    // SAFETY: the contract: the callable's slot is live.
    match unsafe { &*r.sp.sub(n + 1) } {
        // SAFETY: forwarded.
        Value::Obj(o) if o.kind() == crate::object::Kind::Class => unsafe { construct(r, vm, n) },
        _ => false,
    }
}

/// [`try_construct`] once the callable is known to be a class.
///
/// # Safety
/// As for [`try_construct`].
unsafe fn construct(r: &mut Regs, vm: &mut Vm, n: usize) -> bool {
    // SAFETY: the contract: the callable's slot is live.
    let slot = unsafe { r.sp.sub(n + 1) };
    let Value::Obj(cls) = (unsafe { &*slot }) else { return false };
    let Some(c) = cls.as_class() else { return false };
    let init = match crate::object::classes::init_cached(c.index.get()) {
        Some(p) => p,
        None => match construction_init(vm, cls) {
            Some(p) => p,
            None => return false,
        },
    };
    // SAFETY: a cached `__init__` is alive: a dict of the class's MRO holds it while
    // the class's version tag is unchanged, and the class is alive on the stack.
    let init = unsafe { crate::object::ObjRef::from_raw_incref(init) };
    let Some(f) = init.as_function() else { return false };
    let Some(code) = chainable_code(vm, f, n + 1) else { return false };
    if vm.depth >= vm.recursion_limit {
        return false;
    }
    let inst = Value::Obj(crate::object::instance::new_instance(cls, Value::Null));
    // SAFETY: the slot is live; the instance holds its class, so dropping the slot's
    // count does not free it.
    let class = unsafe { ptr::replace(slot, inst.clone()) };
    drop(class);
    vm.depth += 1;
    // SAFETY: the slot and the n values above it are `__init__`'s arguments.
    unsafe { enter(r, vm, f, code, n + 1, 0, inst) };
    true
}

/// The `__init__` that calling class `cls` amounts to, recorded in the class table
/// under the class's version tag (`classes::set_init_cache`), when calling `cls`
/// is exactly "a fresh instance, then `__init__` on it": a class made by a `class`
/// statement whose metaclass is `type`, with plain instances (no built-in base
/// other than `object`), no `__new__` of its own or of a base, not abstract, and
/// whose `__init__` is a Python function.
fn construction_init(vm: &Vm, cls: &crate::object::ObjRef) -> Option<std::ptr::NonNull<crate::object::heap::Header>> {
    let c = cls.as_class()?;
    if !c.heap || c.layout != crate::object::Layout::Object {
        return None;
    }
    let meta = vm.type_of(&Value::Obj(cls.clone()));
    if !crate::object::ObjRef::ptr_eq(&meta, &vm.types.type_) {
        return None;
    }
    let (index, version) = crate::object::classes::versioned(cls, &c.index)?;
    let has_new = c.mro.borrow().iter().any(|k| k.as_class().is_some_and(|kc| kc.heap && kc.dict.borrow().get_str("__new__").is_some()));
    if has_new || c.lookup("__abstractmethods__").is_some() {
        return None;
    }
    let Some(Value::Obj(init)) = c.lookup("__init__") else { return None };
    init.as_function()?;
    crate::object::classes::set_init_cache(index, version, init.as_ptr());
    std::ptr::NonNull::new(init.as_ptr() as *mut crate::object::heap::Header)
}

/// The call handlers' fast path: chain the call unless the recursion limit refuses
/// it, in which case nothing changes and `false` sends the handler to its slow path
/// (which raises through [`push_frame`]). Inlined into handlers that jump on
/// (the tail engine's inline form), so it takes no address of the handler's locals;
/// it leaves out the native-stack guard of `Vm::enter_call`, as a chained frame
/// takes no native stack.
///
/// # Safety
/// As for [`push_frame`].
#[inline(always)]
pub unsafe fn try_push_frame(r: &mut Regs, vm: &mut Vm, f: &Function, code: &Rc<PyCode>, n: usize, pop: usize) -> bool {
    if vm.depth >= vm.recursion_limit {
        return false;
    }
    vm.depth += 1;
    // SAFETY: forwarded.
    unsafe { enter(r, vm, f, code, n, pop, Value::Null) };
    true
}

/// Call `f` with the `n` values at `args` as a chained frame: the arguments move into
/// its locals, the `pop` stack items below them (the callable, and `CALL_METHOD`'s
/// method slot) are dropped, the caller's registers are saved, and `r` becomes the
/// callee's. On error (the recursion limit) nothing has moved and `r` is unchanged.
///
/// # Safety
/// `r` is the running handler's registers; `args` is `r.sp - n` and the `pop` items
/// below it are live; `f` is the function one of those items holds and `code` its
/// code (`chainable`).
pub unsafe fn push_frame(r: &mut Regs, vm: &mut Vm, f: &Function, code: &Rc<PyCode>, n: usize, pop: usize) -> PyResult<()> {
    vm.enter_call()?;
    // SAFETY: forwarded.
    unsafe { enter(r, vm, f, code, n, pop, Value::Null) };
    Ok(())
}

/// The frame set-up of a chained call, once the depth is counted. The frame is
/// written straight into a recycled header (`Frame::write_chained`): no `Frame`
/// value is built and then copied.
///
/// # Safety
/// As for [`push_frame`].
#[inline(always)]
unsafe fn enter(r: &mut Regs, vm: &mut Vm, f: &Function, code: &Rc<PyCode>, n: usize, pop: usize, init_self: Value) {
    let code = code.clone();
    let storage = vm.frame_pool.acquire(&code.zombie, code.frame_size);
    let fp = match vm.frame_headers.pop() {
        Some(b) => Box::into_raw(b) as *mut Frame,
        None => Box::into_raw(Box::<Frame>::new_uninit()) as *mut Frame,
    };
    // SAFETY: `fp` is an empty header; the n arguments are live at `r.sp - n` and
    // move into the callee's locals, then the caller's stack forgets them and drops
    // the `pop` items below (`f` is not used past here: that may free it).
    unsafe {
        r.sp = r.sp.sub(n);
        Frame::write_chained(fp, code, f.globals.clone(), vm.builtins.clone(), storage, r.fp, r.sp, n, f.closure.as_deref(), init_self);
        r.drop_n(pop);
        // The caller's registers, now without the call's items.
        r.save();
    }
    vm.frames.push(fp);
    // SAFETY: `fp` is the new live frame; ip 0 is its first unit.
    unsafe {
        r.fp = fp;
        r.ip = (*fp).code.units();
        r.sp = (*fp).sp_ptr();
    }
    // A frame entry is a safe point (as `run_frame`'s), here with the callee's frame
    // in place and its registers saved (ip 0, empty stack).
    if crate::object::pending::breaker() {
        vm.run_pending();
    }
}

/// `RETURN_VALUE` of a chained frame: the frame goes away and `r` becomes its
/// caller's registers with `v` pushed.
///
/// # Safety
/// `r` is the registers of a running chained frame (`back` not null) that is not a
/// class call's `__init__` (`init_self` Null), with the returned value already popped.
#[inline(always)]
pub unsafe fn pop_frame(r: &mut Regs, vm: &mut Vm, v: Value) {
    // SAFETY: the contract; `back` is the caller, live below the callee, with room
    // for the result on its stack (the call's items were popped). The result moves
    // there first, so no native local holds a value while the callee's are dropped.
    unsafe {
        r.save();
        let caller = (*r.fp).back;
        (*caller).sp_ptr().write(v);
        (*caller).sp += 1;
        discard(vm, r.fp);
        r.fp = caller;
        r.ip = (*caller).code.units().add((*caller).ip);
        r.sp = (*caller).sp_ptr();
    }
}

/// `RETURN_VALUE` of a class call's chained `__init__` ([`try_construct`]): the call
/// returns the instance, or, when `__init__` returned something else than None,
/// raises CPython's TypeError in the caller (the frame is gone either way).
///
/// # Safety
/// As for [`pop_frame`], but for a frame whose `init_self` is set.
pub unsafe fn pop_init_frame(r: &mut Regs, vm: &mut Vm, v: Value) -> PyResult<()> {
    // SAFETY: the contract.
    unsafe {
        let inst = std::mem::replace(&mut (*r.fp).init_self, Value::Null);
        if v.is_none() {
            pop_frame(r, vm, inst);
            return Ok(());
        }
        let err = vm.type_error(format!("__init__() should return None, not '{}'", vm.type_name(&v)));
        drop(v);
        r.save();
        let caller = discard(vm, r.fp);
        r.fp = caller;
        r.ip = (*caller).code.units().add((*caller).ip);
        r.sp = (*caller).sp_ptr();
        drop(inst);
        Err(err)
    }
}

/// Take chained frame `fp` off the frame stack, free it in place (its values are
/// dropped, its storage goes back to the pool, its header is kept for the next call)
/// and return its caller.
///
/// # Safety
/// `fp` is the innermost frame, made by `push_frame` and not yet discarded.
#[inline(always)]
pub unsafe fn discard(vm: &mut Vm, fp: *mut Frame) -> *mut Frame {
    debug_assert!(vm.frames.last().is_some_and(|&t| ptr::eq(t, fp)));
    vm.frames.pop();
    vm.leave_call();
    // SAFETY: the contract: the frame is live and no longer on the frame stack;
    // `push_frame` made its header by `Box::into_raw`, and the emptied header box is
    // kept (or freed) once the frame is gone.
    unsafe {
        let caller = Frame::take_down(fp, &mut vm.frame_pool);
        let header = Box::from_raw(fp as *mut MaybeUninit<Frame>);
        if vm.frame_headers.len() < MAX_HEADERS {
            vm.frame_headers.push(header);
        }
        caller
    }
}
