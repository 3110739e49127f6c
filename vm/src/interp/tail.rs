//! The `tail` engine: every handler ends by calling the next instruction's handler
//! from the table in tail position, so a run of instructions is a chain of jumps
//! (threaded code) with the registers in machine registers, and each handler has its
//! own indirect jump (one branch-history entry per opcode instead of the loop
//! engines' one shared jump).
//!
//! ## Register map
//! Handlers are `extern "C-unwind" fn(ip, sp, fp, vm, oparg) -> Flow`: on x86-64
//! SysV the five arguments travel in `rdi, rsi, rdx, rcx, r8`, on aarch64 in
//! `x0..x4`; both ABIs pass six integer arguments in registers, so the hot state never
//! touches memory between handlers (the sixth register is free for a swappable table).
//!
//! ## Branch prediction
//! Each handler ends in its own indirect jump (x86-64 `jmp *TABLE(,%op,8)`, aarch64
//! `br xN`), so the predictor keeps one target history per opcode rather than one for a
//! shared `match` jump: simulated indirect mispredictions fall 12–59% against `switch`
//! (perf/results/2026-11-21-engines-tail.md). A chain makes no calls of its own, so the
//! return-address stack is untouched while it runs; the split form's call into its
//! body is matched by the body's return, which keeps that stack aligned on both
//! architectures. Prediction jumps straight to the predicted handler's address (a
//! direct, always-predicted branch).
//!
//! aarch64: `scripts/aarch64_check.sh` cross-builds, finds no `blr` in any handler,
//! and runs the conformance suite and 10^8 dispatches under qemu-user emulation. No
//! real aarch64 hardware is available here, so its timing and branch prediction are
//! unmeasured.
//!
//! ## Why the chain does not grow the native stack
//! Stable Rust has no guaranteed tail call; this rests on LLVM's sibling-call
//! optimisation, which LLVM applies only when no address of the handler's own stack
//! frame may have escaped before the call (`TailCallElim` marks nothing `tail` below
//! an escape point) and nothing is left to do after it. Almost every slow path breaks
//! that: a call returning `PyResult<Value>` returns through a stack slot, a `Value`
//! dropped from a native local hands that local's address to `Rc::drop_slow`. So each
//! opcode comes in one of two forms:
//!
//! * **inline** ([`inline`]): the shared body runs in the handler itself. Only opcodes
//!   whose body has no such escape on the way to the dispatch are listed in
//!   the table's `form` column (`inline`); bodies with a `slow_path!` mark qualify too, because under this
//!   engine (`SPLIT`) they leave at the mark by a jump to the split form.
//! * **split** ([`split`]): the body runs in a separate out-of-line function
//!   ([`body`]) that returns the new `ip`/`sp` in two registers; all escapes live and
//!   die in that function's frame, and the handler then dispatches by a jump. This
//!   costs a call and a return, the price of the `call` engine, on slow paths only.
//!
//! Prediction (`predict!`) jumps straight to the predicted handler (`INLINE_PREDICT`
//! is off: the table slot is a constant, so the jump is direct).
//!
//! `scripts/check_tail_calls.py` disassembles the release binary and fails when any
//! handler reaches the next one by `call` (CI runs it), and `tests/tail_canary.rs`
//! runs 10^8 dispatches in a small constant native stack. The engine exists only in
//! optimised builds for x86-64 and aarch64 (`pyhop_tail_ok`, set by `build.rs`): at
//! opt-level 0 LLVM makes no sibling calls.

use pyhop_compiler::bytecode::CodeUnit;
use pyhop_compiler::Opcode;

use crate::interp::switch::{step, Step, StepEngine};
use crate::interp::{ops, run_threaded, Dispatch, Exit, Frame, Regs};
use crate::value::Value;
use crate::vm::Vm;

/// The handlers' dispatch type; `PREDICT` as for the loop engines.
pub enum TailFast<const PREDICT: bool> {}

/// What a handler chain returns: only that it stopped (the payload is in
/// `vm.pending`, the registers in the frame).
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct Flow(usize);

pub type Handler = unsafe extern "C-unwind" fn(*const CodeUnit, *mut Value, *mut Frame, *mut Vm, u32) -> Flow;

/// The registers a split body hands back, in two return registers; `ip` null means
/// the chain stops.
#[repr(C)]
pub struct Resume {
    ip: *const CodeUnit,
    sp: *mut Value,
}

/// Whether the handler of byte `code` runs inline: the table's `form` column.
/// A wrong `inline` fails `scripts/check_tail_calls.py`.
const fn is_inline(code: u8) -> bool {
    match Opcode::from_u8(code) {
        Some(op) => op.is_inline(),
        None => false,
    }
}

impl<const PREDICT: bool> Dispatch for TailFast<PREDICT> {
    type Out = Flow;
    const PREDICT: bool = PREDICT;
    const INLINE_PREDICT: bool = false;
    const SPLIT: bool = true;

    #[inline(always)]
    unsafe fn next(r: &mut Regs, vm: &mut Vm) -> Flow {
        // SAFETY: ip points at the next unit (handler contract).
        unsafe {
            let u = *r.ip;
            handlers::<PREDICT>()[u.op as usize](r.ip.add(1), r.sp, r.fp, vm, u.arg as u32)
        }
    }

    #[inline(always)]
    unsafe fn dispatch_op(op: u8, r: &mut Regs, vm: &mut Vm) -> Flow {
        // SAFETY: as for `next`, with the argument already in r.oparg.
        unsafe { handlers::<PREDICT>()[op as usize](r.ip, r.sp, r.fp, vm, r.oparg) }
    }

    #[inline(always)]
    fn exit(r: &mut Regs, vm: &mut Vm, e: Exit) -> Flow {
        // The registers die with the chain: leave them in the frame for `run`.
        // SAFETY: r belongs to the running frame.
        unsafe { r.save() };
        vm.pending = Some(e);
        vm.fp_out = r.fp;
        Flow(1)
    }

    #[inline(always)]
    unsafe fn pending_next(r: &mut Regs, vm: &mut Vm) -> Flow {
        // SAFETY: the registers are the running handler's (forwarded by value).
        unsafe { pending_then_next::<PREDICT>(r.ip, r.sp, r.fp, vm, r.oparg) }
    }

    #[inline(always)]
    unsafe fn slow(op: u8, r: &mut Regs, vm: &mut Vm) -> Flow {
        // SAFETY: the registers are as on entry (`slow_path!`'s contract).
        unsafe { split_handlers::<PREDICT>()[op as usize](r.ip, r.sp, r.fp, vm, r.oparg) }
    }
}

/// `Dispatch::pending_next` of the tail engine: the registers arrive by value (no
/// reference to a handler's locals escapes, so the handler reaches here by a jump),
/// pending work runs, and the chain goes on with the instruction at `ip`.
///
/// # Safety
/// The handler contract; `ip` points at the next unit.
#[inline(never)]
unsafe extern "C-unwind" fn pending_then_next<const PREDICT: bool>(
    ip: *const CodeUnit,
    sp: *mut Value,
    fp: *mut Frame,
    vm: *mut Vm,
    _oparg: u32,
) -> Flow {
    // SAFETY: forwarded; vm is the live VM.
    unsafe {
        crate::interp::ops::run_safe_point(&mut *vm, fp, ip, sp);
        let u = *ip;
        handlers::<PREDICT>()[u.op as usize](ip.add(1), sp, fp, vm, u.arg as u32)
    }
}

/// The handler table in use for `PREDICT` (a constant choice).
#[inline(always)]
fn handlers<const PREDICT: bool>() -> &'static [Handler; 256] {
    if PREDICT {
        &TABLE
    } else {
        &TABLE_NO_PREDICT
    }
}

#[inline(always)]
fn split_handlers<const PREDICT: bool>() -> &'static [Handler; 256] {
    if PREDICT {
        &SPLIT_TABLE
    } else {
        &SPLIT_TABLE_NO_PREDICT
    }
}

/// Finish a split handler: stop, or jump to the next instruction's handler.
///
/// # Safety
/// `out` comes from a body run on the frame `fp`.
#[inline(always)]
unsafe fn resume<const PREDICT: bool>(out: Resume, fp: *mut Frame, vm: *mut Vm) -> Flow {
    if out.ip.is_null() {
        return Flow(1);
    }
    // SAFETY: a body that went on left ip at the next unit; a tagged sp says it
    // switched frames (a chained call or return) and left the new one in `fp_out`.
    unsafe {
        let (sp, fp) = if out.sp as usize & 1 != 0 { (out.sp.byte_sub(1), (*vm).fp_out) } else { (out.sp, fp) };
        let u = *out.ip;
        handlers::<PREDICT>()[u.op as usize](out.ip.add(1), sp, fp, vm, u.arg as u32)
    }
}

/// Run one opcode's body with the loop engines' dispatch type, until it asks for the
/// next instruction (EXTENDED_ARG's `Step::Op` is followed here).
///
/// # Safety
/// The handler contract of `interp/mod.rs`; `vm` is the live VM.
#[inline(always)]
unsafe fn run_body<const PREDICT: bool>(
    first: unsafe fn(&mut Regs, &mut Vm) -> Step,
    ip: *const CodeUnit,
    sp: *mut Value,
    fp: *mut Frame,
    vm: *mut Vm,
    oparg: u32,
) -> Resume {
    let mut r = Regs { ip, sp, fp, oparg };
    // SAFETY: forwarded.
    unsafe {
        let vm = &mut *vm;
        let mut s = first(&mut r, vm);
        loop {
            match s {
                Step::Next if r.fp == fp => return Resume { ip: r.ip, sp: r.sp },
                Step::Next => {
                    // Another frame (`interp/chain.rs`): tag sp (values are
                    // 8-aligned) and pass the frame in `fp_out`.
                    vm.fp_out = r.fp;
                    return Resume { ip: r.ip, sp: r.sp.byte_add(1) };
                }
                Step::Op(o) => s = step::<StepEngine<PREDICT, false>>(o, &mut r, vm),
                Step::Exit => {
                    r.save();
                    vm.fp_out = r.fp;
                    return Resume { ip: std::ptr::null(), sp: std::ptr::null_mut() };
                }
            }
        }
    }
}

macro_rules! build_tables {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*], form: $form:ident, family: $fam:ident; )*) => {
        /// Inline form: the shared body, dispatching by jumps.
        pub mod inline {
            use super::*;
            $(
                #[inline(never)]
                pub unsafe extern "C-unwind" fn $h<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {
                    let mut r = Regs { ip, sp, fp, oparg };
                    // SAFETY: forwarded from `run`'s contract; vm is the live VM.
                    unsafe { ops::$h::<TailFast<P>>(&mut r, &mut *vm) }
                }
            )*
        }

        /// The out-of-line bodies of the split form.
        pub mod body {
            use super::*;
            $(
                #[inline(never)]
                pub unsafe extern "C-unwind" fn $h<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Resume {
                    // SAFETY: forwarded.
                    unsafe { run_body::<P>(ops::$h::<StepEngine<P, false>>, ip, sp, fp, vm, oparg) }
                }
            )*
            #[inline(never)]
            pub unsafe extern "C-unwind" fn unknown_opcode<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Resume {
                // SAFETY: forwarded.
                unsafe { run_body::<P>(ops::unknown_opcode::<StepEngine<P, false>>, ip, sp, fp, vm, oparg) }
            }
        }

        /// Split form: call the body, then jump to the next handler.
        pub mod split {
            use super::*;
            $(
                #[inline(never)]
                pub unsafe extern "C-unwind" fn $h<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {
                    // SAFETY: forwarded.
                    unsafe { resume::<P>(body::$h::<P>(ip, sp, fp, vm, oparg), fp, vm) }
                }
            )*
            #[inline(never)]
            pub unsafe extern "C-unwind" fn unknown_opcode<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {
                // SAFETY: forwarded.
                unsafe { resume::<P>(body::unknown_opcode::<P>(ip, sp, fp, vm, oparg), fp, vm) }
            }
        }

        /// The dispatch table: each opcode's inline form where it is listed in
        /// the table's `form` column (`inline`), its split form otherwise; non-opcodes raise SystemError.
        const fn table<const P: bool>() -> [Handler; 256] {
            let mut t = [split::unknown_opcode::<P> as Handler; 256];
            $( t[$code] = if is_inline($code) { inline::$h::<P> as Handler } else { split::$h::<P> as Handler }; )*
            t
        }

        /// Where `slow_path!` leads: every opcode's split form.
        const fn split_table<const P: bool>() -> [Handler; 256] {
            let mut t = [split::unknown_opcode::<P> as Handler; 256];
            $( t[$code] = split::$h::<P> as Handler; )*
            t
        }
    };
}
pyhop_compiler::for_each_opcode!(build_tables);

static TABLE: [Handler; 256] = table::<true>();
static TABLE_NO_PREDICT: [Handler; 256] = table::<false>();
static SPLIT_TABLE: [Handler; 256] = split_table::<true>();
static SPLIT_TABLE_NO_PREDICT: [Handler; 256] = split_table::<false>();

/// Run the handler chain until it stops.
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_threaded(r, vm, |op, ip, sp, fp, vm, arg| { TABLE[op as usize](ip, sp, fp, vm, arg); }) }
}

/// The chain without prediction.
///
/// # Safety
/// As for [`run`].
pub unsafe fn run_no_predict(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_threaded(r, vm, |op, ip, sp, fp, vm, arg| { TABLE_NO_PREDICT[op as usize](ip, sp, fp, vm, arg); }) }
}

