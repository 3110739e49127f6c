//! The `call` engine: a 256-entry table of handler function pointers, called from a
//! loop (CPython's "function table" variant; the handler bodies are the same ones the
//! other engines run). Each handler is an out-of-line function taking the register
//! block by reference and returning a [`Step`], like the switch engine's `match` arms.

use crate::interp::switch::Step;
use crate::interp::{ops, Exit, Regs};
use crate::vm::Vm;

/// The call engine's handlers are the switch engine's instantiation: the engines differ
/// only in how the next handler is reached.
pub type Call = crate::interp::switch::Switch;

type Handler = unsafe fn(&mut Regs, &mut Vm) -> Step;

macro_rules! build_table {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*]; )*) => {
        /// One out-of-line wrapper per opcode.
        mod wrap {
            use super::*;
            $(
                #[inline(never)]
                pub(super) unsafe fn $h(r: &mut Regs, vm: &mut Vm) -> Step {
                    // SAFETY: forwarded from `run`'s contract.
                    unsafe { ops::$h::<Call>(r, vm) }
                }
            )*
            #[inline(never)]
            pub(super) unsafe fn unknown_opcode(r: &mut Regs, vm: &mut Vm) -> Step {
                // SAFETY: forwarded from `run`'s contract.
                unsafe { ops::unknown_opcode::<Call>(r, vm) }
            }
        }

        /// The handler table; bytes that are not opcodes raise SystemError.
        static TABLE: [Handler; 256] = {
            let mut t = [wrap::unknown_opcode as Handler; 256];
            $( t[$code] = wrap::$h as Handler; )*
            t
        };
    };
}
pyhop_compiler::for_each_opcode!(build_table);

/// Run instructions until one exits.
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: ip stays inside the code (the compiler ends every path in a return or raise).
    unsafe {
        let mut unit = *r.ip;
        r.ip = r.ip.add(1);
        r.oparg = unit.arg as u32;
        let mut op = unit.op;
        loop {
            match TABLE[op as usize](r, vm) {
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
