//! The `call` engine: a 256-entry table of handler function pointers, called from a
//! loop (CPython's "function table" variant; the handler bodies are the same ones the
//! other engines run). Each handler is an out-of-line function taking the register
//! block by reference and returning a [`Step`], like the switch engine's `match` arms.

use crate::interp::switch::{Step, Switch, SwitchNoPredict};
use crate::interp::{ops, Dispatch, Exit, Regs};
use crate::vm::Vm;

/// The call engine's handlers are the switch engine's instantiations (with and without
/// prediction): the engines differ only in how the next handler is reached.
type Handler = unsafe fn(&mut Regs, &mut Vm) -> Step;

macro_rules! build_table {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*], form: $form:ident, family: $fam:ident; )*) => {
        /// One out-of-line wrapper per opcode, per dispatch type.
        mod wrap {
            use super::*;
            $(
                #[inline(never)]
                pub(super) unsafe fn $h<D: Dispatch<Out = Step>>(r: &mut Regs, vm: &mut Vm) -> Step {
                    // SAFETY: forwarded from `run`'s contract.
                    unsafe { ops::$h::<D>(r, vm) }
                }
            )*
            #[inline(never)]
            pub(super) unsafe fn unknown_opcode<D: Dispatch<Out = Step>>(r: &mut Regs, vm: &mut Vm) -> Step {
                // SAFETY: forwarded from `run`'s contract.
                unsafe { ops::unknown_opcode::<D>(r, vm) }
            }
        }

        /// The handler table for dispatch type `D`; bytes that are not opcodes raise
        /// SystemError.
        const fn table<D: Dispatch<Out = Step>>() -> [Handler; 256] {
            let mut t = [wrap::unknown_opcode::<D> as Handler; 256];
            $( t[$code] = wrap::$h::<D> as Handler; )*
            t
        }
    };
}
pyhop_compiler::for_each_opcode!(build_table);

/// The default table: handlers with prediction.
static TABLE: [Handler; 256] = table::<Switch>();
/// `--no-predict`: every instruction comes back to the loop.
static TABLE_NO_PREDICT: [Handler; 256] = table::<SwitchNoPredict>();

/// Run instructions until one exits.
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_table(&TABLE, r, vm) }
}

/// The call loop without prediction.
///
/// # Safety
/// As for [`run`].
pub unsafe fn run_no_predict(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_table(&TABLE_NO_PREDICT, r, vm) }
}

/// The loop over one handler table.
///
/// # Safety
/// As for [`run`].
#[inline(always)]
unsafe fn run_table(table: &[Handler; 256], r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: ip stays inside the code (the compiler ends every path in a return or raise).
    unsafe {
        let mut unit = *r.ip;
        r.ip = r.ip.add(1);
        r.oparg = unit.arg as u32;
        let mut op = unit.op;
        loop {
            match table[op as usize](r, vm) {
                Step::Next => {
                    unit = *r.ip;
                    r.ip = r.ip.add(1);
                    r.oparg = unit.arg as u32;
                    op = unit.op;
                }
                Step::Op(o) => op = o,
                Step::Exit => return vm.pending.take().unwrap_or(Exit::Return(crate::value::Value::None)),
            }
        }
    }
}
