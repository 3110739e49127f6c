//! The `become` engine (experimental, cargo feature `become`, nightly Rust's
//! `explicit_tail_calls`): the tail engine's threaded dispatch, with the tail call
//! guaranteed by the language instead of proven after the fact.
//!
//! `become f(..)` is LLVM's `musttail`: the call *is* a jump, whatever the handler's
//! frame held, and the compiler rejects a `become` that passes a reference to a local.
//! So the whole handler body runs inline, slow paths included, with no inline/split
//! distinction and no `slow_path!` exits (compare `tail.rs`, which must keep every
//! escape of a native address out of its inline handlers). Bodies are instantiated
//! with the loop engines' dispatch type and return a [`Step`]; the handler then
//! `become`s the next one. Prediction runs the predicted body inline, as in the loop
//! engines.
//!
//! Build: `RUSTC_BOOTSTRAP=1 cargo build --release --features become` (the feature
//! gate on stable is lifted by `RUSTC_BOOTSTRAP`; never the default). Handlers use the
//! Rust ABI, which passes the five arguments in registers on x86-64 and aarch64.

use pyhop_compiler::bytecode::CodeUnit;

use crate::interp::switch::{Step, StepEngine};
use crate::interp::{ops, run_threaded, Exit, Frame, Regs};
use crate::value::Value;
use crate::vm::Vm;

/// Returned by a stopped chain; the payload waits in `vm.pending`.
pub struct Flow;

pub type Handler = fn(*const CodeUnit, *mut Value, *mut Frame, *mut Vm, u32) -> Flow;

#[inline(always)]
fn handlers<const PREDICT: bool>() -> &'static [Handler; 256] {
    if PREDICT {
        &TABLE
    } else {
        &TABLE_NO_PREDICT
    }
}

macro_rules! build_table {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*], form: $form:ident, family: $fam:ident; )*) => {
        /// One handler per opcode: the shared body, then `become` the next handler.
        pub mod handler {
            use super::*;
            $(
                #[inline(never)]
                pub fn $h<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {
                    let mut r = Regs { ip, sp, fp, oparg };
                    // SAFETY: the chain runs under `run`'s contract; vm is the live VM.
                    let step = unsafe { ops::$h::<StepEngine<P, false>>(&mut r, &mut *vm) };
                    match step {
                        Step::Next => {
                            // SAFETY: the body left ip at the next unit.
                            let (u, next) = unsafe { (*r.ip, r.ip.add(1)) };
                            become handlers::<P>()[u.op as usize](next, r.sp, r.fp, vm, u.arg as u32)
                        }
                        Step::Op(op) => become handlers::<P>()[op as usize](r.ip, r.sp, r.fp, vm, r.oparg),
                        Step::Exit => {
                            // SAFETY: r belongs to the running frame; `run` reloads it.
                            unsafe { r.save(); (*vm).fp_out = r.fp };
                            Flow
                        }
                    }
                }
            )*
            #[inline(never)]
            pub fn unknown_opcode<const P: bool>(ip: *const CodeUnit, sp: *mut Value, fp: *mut Frame, vm: *mut Vm, oparg: u32) -> Flow {
                let mut r = Regs { ip, sp, fp, oparg };
                // SAFETY: as above; the body raises SystemError, so the chain stops.
                let _ = unsafe { ops::unknown_opcode::<StepEngine<P, false>>(&mut r, &mut *vm) };
                // SAFETY: as above.
                unsafe { r.save() };
                Flow
            }
        }

        const fn table<const P: bool>() -> [Handler; 256] {
            let mut t = [handler::unknown_opcode::<P> as Handler; 256];
            $( t[$code] = handler::$h::<P> as Handler; )*
            t
        }
    };
}
pyhop_compiler::for_each_opcode!(build_table);

static TABLE: [Handler; 256] = table::<true>();
static TABLE_NO_PREDICT: [Handler; 256] = table::<false>();

/// Run the chain until it stops.
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

