//! The interpreter: frames, the register set handlers work on, and `run_frame`, which
//! runs a frame on the selected dispatch engine and unwinds exceptions through the
//! code object's exception table.
//!
//! ## Handler contract (the one `unsafe` contract of the interpreter)
//! Every handler in `ops/` is an `unsafe fn(&mut Regs, &mut Vm) -> D::Out`, generic
//! over the engine `D: Dispatch`. It may assume:
//! * `r.ip` points into the code of the frame `r.fp`, just past the unit being
//!   executed, and `r.oparg` holds that unit's argument (EXTENDED_ARG-accumulated);
//! * `r.sp` points into the frame's value stack, with exactly the items the opcode's
//!   stack picture requires below it (the compiler's stack-depth pass guarantees it);
//! * `r.fp` is the live frame being executed.
//! A handler ends with `D::next` (or `predict!`, or `D::exit`). Before anything that
//! may run Python code, it saves `ip`/`sp` into the frame (`r.save()`), so the frame is
//! readable from Python (`f_lineno`) and tracebacks name the right line.

pub mod async_gen;
#[cfg(feature = "become")]
pub mod become_engine;
pub mod call;
pub mod chain;
pub mod generator;
pub mod lltrace;
pub mod pending;
pub mod specialize;
pub mod ops;
pub mod switch;
#[cfg(pyhop_tail_ok)]
pub mod tail;
pub mod trace;

use std::rc::Rc;

use pyhop_compiler::bytecode::CodeUnit;

pub use crate::frame::{Frame, FrameState};

use crate::object::{Obj, Traceback};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The dispatch engines compiled into this binary.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Engine {
    Switch,
    Call,
    #[cfg(pyhop_tail_ok)]
    Tail,
    /// Experimental: cargo feature `become` (nightly `explicit_tail_calls`).
    #[cfg(feature = "become")]
    Become,
}

impl Engine {
    pub const ALL: &'static [Engine] = &[
        Engine::Switch,
        Engine::Call,
        #[cfg(pyhop_tail_ok)]
        Engine::Tail,
        #[cfg(feature = "become")]
        Engine::Become,
    ];
    /// The engine measured fastest: `tail` where it exists (perf/results/
    /// 2026-11-21-engines-wall.md: 7–18% less wall time than `switch` on six programs).
    #[cfg(pyhop_tail_ok)]
    pub const DEFAULT: Engine = Engine::Tail;
    #[cfg(not(pyhop_tail_ok))]
    pub const DEFAULT: Engine = Engine::Switch;

    pub fn name(self) -> &'static str {
        match self {
            Engine::Switch => "switch",
            Engine::Call => "call",
            #[cfg(pyhop_tail_ok)]
            Engine::Tail => "tail",
            #[cfg(feature = "become")]
            Engine::Become => "become",
        }
    }

    pub fn from_name(s: &str) -> Option<Engine> {
        Engine::ALL.iter().copied().find(|e| e.name() == s)
    }
}

/// The virtual registers handlers work on.
/// `ip` next code unit; `sp` one past the top of the value stack; `fp` the frame;
/// `oparg` the argument of the current instruction.
pub struct Regs {
    pub ip: *const CodeUnit,
    pub sp: *mut Value,
    pub fp: *mut Frame,
    pub oparg: u32,
}

/// Why a handler chain stopped.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// An exception raised here: add a traceback entry, then unwind.
    Error(PyErr),
    /// `RERAISE`: unwind without a new traceback entry.
    Reraise(PyErr),
}

/// How handler bodies reach the next instruction; one implementation per engine.
pub trait Dispatch {
    type Out;
    /// Count executed opcodes and pairs (DXP) — a compile-time switch, so an engine that
    /// does not count has no trace of it in its code.
    const DXP: bool = false;
    /// Take the `predict!` shortcuts (off for `--no-predict`, tracing and LLTRACE).
    const PREDICT: bool = true;
    /// A predicted handler's body runs inline in its predecessor (loop engines); the
    /// tail engine instead jumps straight to the predicted handler (a direct jump, as
    /// the table slot is a constant), so no slow path is inlined into a fast handler.
    const INLINE_PREDICT: bool = true;
    /// Handlers with a `slow_path!` mark leave at the mark for an out-of-line copy of
    /// themselves (the tail engine: see `interp/tail.rs`); loop engines go on inline.
    const SPLIT: bool = false;
    /// Go on with the instruction at `r.ip`.
    unsafe fn next(r: &mut Regs, vm: &mut Vm) -> Self::Out;
    /// Run opcode byte `op` with the `r.oparg` already set (EXTENDED_ARG).
    unsafe fn dispatch_op(op: u8, r: &mut Regs, vm: &mut Vm) -> Self::Out;
    /// Stop the chain: the payload waits in `vm.pending` for `run_frame`, so the
    /// engines pass only a small code around.
    fn exit(r: &mut Regs, vm: &mut Vm, e: Exit) -> Self::Out;
    /// Only when `SPLIT`: rerun opcode `op` from its start (registers untouched since
    /// entry) in the out-of-line copy that holds its slow paths.
    unsafe fn slow(op: u8, r: &mut Regs, vm: &mut Vm) -> Self::Out {
        // SAFETY: forwarded; engines without SPLIT never reach here (`slow_path!`
        // tests the constant first), and rerunning the op from the start is exact.
        unsafe { Self::dispatch_op(op, r, vm) }
    }
    /// Run pending work (finalizers, weakref callbacks, collections), then go on with
    /// the instruction at `r.ip`: what `safe_point!` leaves for when the breaker is
    /// up. The tail engine makes it a jump to a function of its own, so a handler's
    /// fast path keeps no trace of the call.
    #[inline(always)]
    unsafe fn pending_next(r: &mut Regs, vm: &mut Vm) -> Self::Out {
        // SAFETY: the registers are the running handler's.
        unsafe {
            crate::interp::ops::run_safe_point(vm, r.fp, r.ip, r.sp);
            Self::next(r, vm)
        }
    }
}

/// Run a threaded engine's handler chain (tail, become): `enter` starts it with the
/// first unit's opcode, `ip` past that unit, and its argument; the chain leaves `ip`/`sp` in
/// the frame and the exit in `vm.pending` when it stops.
///
/// # Safety
/// `r` satisfies the handler contract; `enter` starts a chain on it.
#[inline(always)]
pub(crate) unsafe fn run_threaded(
    r: &mut Regs,
    vm: &mut Vm,
    enter: impl FnOnce(u8, *const CodeUnit, *mut Value, *mut Frame, *mut Vm, u32),
) -> Exit {
    // SAFETY: ip is inside the code; the chain saves the registers before it stops.
    unsafe {
        let u = *r.ip;
        vm.fp_out = r.fp;
        enter(u.op, r.ip.add(1), r.sp, r.fp, vm, u.arg as u32);
        // The chain may stop in a frame it chained to (`interp/chain.rs`).
        r.fp = vm.fp_out;
        let f = &mut *r.fp;
        r.ip = f.code.units().add(f.ip);
        r.sp = f.sp_ptr();
    }
    vm.pending.take().unwrap_or(Exit::Return(Value::None))
}

impl Frame {
    /// Store the registers of a run that stopped.
    ///
    /// # Safety
    /// `r` must have been loaded from this frame and kept within its bounds.
    #[inline]
    pub unsafe fn save_regs(&mut self, r: &Regs) {
        let base = self.base_ptr();
        // SAFETY: both pointers are into the same allocations as documented.
        unsafe {
            self.sp = r.sp.offset_from(base) as usize;
            self.ip = r.ip.offset_from(self.code.units()) as usize;
        }
    }
}

/// Run `f` until it returns, yields or raises.
pub fn run_frame(vm: &mut Vm, f: &mut Frame) -> PyResult<Value> {
    vm.enter_call()?;
    // A frame entry (generator resumption included) is a safe point.
    if crate::object::pending::breaker() {
        vm.run_pending();
    }
    vm.frames.push(f as *const Frame);
    // DXP pairs are per frame, as CPython's `lastopcode`: restart here, resume after.
    let last = std::mem::replace(&mut vm.dxp_last, 0);
    let res = run_frame_inner(vm, f);
    vm.dxp_last = last;
    vm.frames.pop();
    vm.leave_call();
    res
}

fn run_frame_inner(vm: &mut Vm, entry: &mut Frame) -> PyResult<Value> {
    let entry: *mut Frame = entry;
    // SAFETY: `entry` is the caller's live frame; chained frames above it live until
    // they return or are discarded (`interp/chain.rs`).
    let f = unsafe { &mut *entry };
    let mut r = Regs { ip: unsafe { f.code.units().add(f.ip) }, sp: f.sp_ptr(), fp: entry, oparg: 0 };
    f.state = FrameState::Running;
    let traced = trace::active(vm);
    let lltrace = lltrace::enabled(vm, &f.globals);
    if traced {
        crate::frame::frame_obj::frame_object(vm, vm.frames.len() - 1);
        f.trace_prev = usize::MAX;
        if let Err(e) = trace::call_event(vm) {
            f.state = FrameState::Finished;
            return Err(e);
        }
    }
    loop {
        // SAFETY: `r` was loaded from a live frame whose ip/sp are within bounds.
        let exit = unsafe {
            if lltrace {
                switch::run_lltrace(&mut r, vm)
            } else if traced {
                switch::run_traced(&mut r, vm)
            } else if vm.dxp.is_some() {
                switch::run_dxp(&mut r, vm)
            } else {
                match vm.engine {
                Engine::Switch if vm.no_predict => switch::run_no_predict(&mut r, vm),
                Engine::Switch => switch::run(&mut r, vm),
                Engine::Call if vm.no_predict => call::run_no_predict(&mut r, vm),
                Engine::Call => call::run(&mut r, vm),
                #[cfg(pyhop_tail_ok)]
                Engine::Tail if vm.no_predict => tail::run_no_predict(&mut r, vm),
                #[cfg(pyhop_tail_ok)]
                Engine::Tail => tail::run(&mut r, vm),
                #[cfg(feature = "become")]
                Engine::Become if vm.no_predict => become_engine::run_no_predict(&mut r, vm),
                #[cfg(feature = "become")]
                Engine::Become => become_engine::run(&mut r, vm),
                }
            }
        };
        // The chain stopped in frame `r.fp`: the entry frame or one chained above it.
        // SAFETY: handlers keep ip inside the code and sp inside the stack.
        let mut f = unsafe { &mut *r.fp };
        unsafe { f.save_regs(&r) };
        let (mut err, fresh) = match exit {
            // Only the entry frame leaves the chain by returning or yielding: a
            // chained frame returns into its caller inside the chain.
            Exit::Return(v) => {
                debug_assert!(std::ptr::eq(f, entry));
                f.state = FrameState::Finished;
                if traced {
                    trace::return_event(vm, &v)?;
                }
                return Ok(v);
            }
            Exit::Yield(v) => {
                debug_assert!(std::ptr::eq(f, entry));
                f.state = FrameState::Suspended;
                if traced {
                    trace::return_event(vm, &v)?;
                }
                return Ok(v);
            }
            Exit::Error(e) => (e, true),
            Exit::Reraise(e) => (e, false),
        };
        if fresh {
            err = raised_in(vm, err, f, traced && std::ptr::eq(f, entry))?;
        }
        // Unwind: the frame's handler, else (a chained frame) raise again in its caller.
        loop {
            let lasti = f.lasti();
            if let Some((depth, target)) = f.code.handler_for(lasti as u32).map(|h| (h.depth, h.target)) {
                f.cut_to_handler(depth as usize);
                f.push(err.0);
                f.ip = target as usize;
                // SAFETY: the handler target and depth come from the assembler.
                r = Regs { ip: unsafe { f.code.units().add(f.ip) }, sp: f.sp_ptr(), fp: f as *mut Frame, oparg: 0 };
                break;
            }
            f.pop_to(0);
            if std::ptr::eq(f, entry) {
                f.state = FrameState::Finished;
                if traced {
                    trace::return_event(vm, &Value::None)?;
                }
                return Err(err);
            }
            // SAFETY: `f` is the innermost frame and a chained one (not the entry).
            f = unsafe { &mut *chain::discard(vm, f) };
            err = raised_in(vm, err, f, traced && std::ptr::eq(f, entry))?;
        }
    }
}

/// An exception raised (afresh) in frame `f` at its last instruction: a traceback
/// entry, implicit chaining, and the `exception` trace event when `traced`. An error
/// of the trace function replaces it (the frame is then finished).
fn raised_in(vm: &mut Vm, err: PyErr, f: &mut Frame, traced: bool) -> PyResult<PyErr> {
    let code = f.code.clone();
    add_traceback(vm, &err, &code, f.lasti() as u32, f);
    set_context(vm, &err);
    if traced {
        if let Err(e) = trace::exception_event(vm, &err.0) {
            f.pop_to(0);
            f.state = FrameState::Finished;
            return Err(e);
        }
    }
    Ok(err)
}

/// Prepend a traceback entry for `code` at `lasti` to the exception's traceback.
pub fn add_traceback(vm: &mut Vm, err: &PyErr, code: &Rc<crate::object::PyCode>, lasti: u32, frame: &Frame) {
    if let Value::Obj(o) = &err.0 {
        if let Obj::Exception(e) = o.view() {
            let next = e.traceback.borrow().clone();
            // A frame that is not on the frame stack (a generator being thrown into
            // before it resumes) still gets its frame object, as `tb_frame` always is one.
            let frame = match crate::frame::frame_obj::frame_object_of(vm, frame) {
                Value::None => crate::frame::frame_obj::detached_frame_object(frame),
                v => v,
            };
            let tb = Traceback { frame, code: code.clone(), lasti, lineno: code.line_of(lasti as usize), next: next.into() };
            *e.traceback.borrow_mut() = Value::obj(crate::object::NewObj::Traceback(tb));
        }
    }
}

/// Implicit chaining: an exception raised while another is handled gets it as
/// `__context__` (CPython's `_PyErr_SetObject`).
pub(crate) fn set_context(vm: &mut Vm, err: &PyErr) {
    if vm.exc_info.is_none() || vm.exc_info.is(&err.0) {
        return;
    }
    if let Value::Obj(o) = &err.0 {
        if let Obj::Exception(e) = o.view() {
            if e.context.borrow().is_none() {
                // Avoid a cycle: do not make err the context of its own context chain.
                let mut cur = vm.exc_info.clone();
                let mut steps = 0;
                while let Value::Obj(c) = &cur {
                    if crate::object::ObjRef::ptr_eq(c, o) || steps > 100 {
                        return;
                    }
                    steps += 1;
                    let next = match c.view() {
                        Obj::Exception(x) => x.context.borrow().clone(),
                        _ => break,
                    };
                    cur = next;
                }
                *e.context.borrow_mut() = vm.exc_info.clone();
            }
        }
    }
}
