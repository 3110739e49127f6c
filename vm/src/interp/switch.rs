//! The `switch` engine: `loop { match op { .. } }` over the handler bodies, generated
//! from the opcode table. Handlers return [`Step`]: go on, run a given opcode next
//! with the current argument (EXTENDED_ARG), or stop.

use crate::interp::{ops, Dispatch, Exit, Regs};
use crate::vm::Vm;

/// Small enough to travel in a register: exit payloads wait in `vm.pending`.
pub enum Step {
    Next,
    Op(u8),
    Exit,
}

/// The dispatch type of every loop-driven engine: handlers return a [`Step`] and the
/// loop (a `match` here, a table in `call.rs`) reaches the next instruction. The two
/// flags make separate instantiations of the handler bodies, so an engine without
/// counting or with prediction carries no trace of the other variant.
pub enum StepEngine<const PREDICT: bool, const DXP: bool> {}

impl<const PREDICT: bool, const DXP: bool> Dispatch for StepEngine<PREDICT, DXP> {
    type Out = Step;
    const DXP: bool = DXP;
    const PREDICT: bool = PREDICT;

    #[inline(always)]
    unsafe fn next(_r: &mut Regs, _vm: &mut Vm) -> Step {
        Step::Next
    }

    #[inline(always)]
    unsafe fn dispatch_op(op: u8, _r: &mut Regs, _vm: &mut Vm) -> Step {
        Step::Op(op)
    }

    #[inline(always)]
    fn exit(_r: &mut Regs, vm: &mut Vm, e: Exit) -> Step {
        vm.pending = Some(e);
        Step::Exit
    }
}

/// The default switch engine: prediction on, no counting.
pub type Switch = StepEngine<true, false>;
/// `--no-predict`, tracing and LLTRACE: every instruction goes through the `match`.
pub type SwitchNoPredict = StepEngine<false, false>;
/// DXP counting (`profile/dxp.rs`); prediction on, pairs counted inside `predict!` too.
pub type SwitchDxp = StepEngine<true, true>;

macro_rules! build_match {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*], form: $form:ident, family: $fam:ident; )*) => {
        /// One instruction: the `match` of the switch engine.
        #[inline(always)]
        pub(crate) unsafe fn step<D: Dispatch<Out = Step>>(op: u8, r: &mut Regs, vm: &mut Vm) -> Step {
            // SAFETY: forwarded from `run`'s contract (see interp/mod.rs).
            unsafe {
                match op {
                    $( $code => ops::$h::<D>(r, vm), )*
                    _ => ops::unknown_opcode::<D>(r, vm),
                }
            }
        }
    };
}
pyhop_compiler::for_each_opcode!(build_match);

/// The switch loop for dispatch type `D`, on a local copy of the registers so they
/// can live in machine registers.
///
/// # Safety
/// `regs` satisfies the handler contract of `interp/mod.rs`.
#[inline(always)]
unsafe fn run_loop<D: Dispatch<Out = Step>>(regs: &mut Regs, vm: &mut Vm) -> Exit {
    let mut local = Regs { ip: regs.ip, sp: regs.sp, fp: regs.fp, oparg: regs.oparg };
    let r = &mut local;
    // SAFETY: ip stays inside the code (the compiler ends every path in a return or raise).
    unsafe {
        let mut unit = *r.ip;
        r.ip = r.ip.add(1);
        r.oparg = unit.arg as u32;
        let mut op = unit.op;
        loop {
            if D::DXP {
                crate::profile::dxp::record(vm, op);
            }
            match step::<D>(op, r, vm) {
                Step::Next => {
                    unit = *r.ip;
                    r.ip = r.ip.add(1);
                    r.oparg = unit.arg as u32;
                    op = unit.op;
                }
                Step::Op(o) => op = o,
                Step::Exit => {
                    *regs = Regs { ip: r.ip, sp: r.sp, fp: r.fp, oparg: r.oparg };
                    return vm.pending.take().unwrap_or(Exit::Return(crate::value::Value::None));
                }
            }
        }
    }
}

/// Run instructions until one exits (the default switch engine).
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_loop::<Switch>(r, vm) }
}

/// The switch loop without prediction.
///
/// # Safety
/// As for [`run`].
pub unsafe fn run_no_predict(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_loop::<SwitchNoPredict>(r, vm) }
}

/// The counting switch loop (DXP).
///
/// # Safety
/// As for [`run`].
pub unsafe fn run_dxp(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: forwarded.
    unsafe { run_loop::<SwitchDxp>(r, vm) }
}

/// The switch loop of LLTRACE frames: one instruction at a time, printed with the
/// values it pops and pushes (`interp/lltrace.rs`).
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run_lltrace(r: &mut Regs, vm: &mut Vm) -> Exit {
    // SAFETY: as for `run`; the frame is read with ip/sp saved.
    unsafe {
        loop {
            let f = &mut *r.fp;
            let i = r.ip.offset_from(f.code.units()) as usize;
            r.save();
            let (base, popped) = crate::interp::lltrace::before(vm, f, i);
            let unit = *r.ip;
            r.ip = r.ip.add(1);
            r.oparg = unit.arg as u32;
            let mut op = unit.op;
            // No prediction shortcuts here: every instruction is printed on its own.
            let exit = loop {
                match step::<SwitchNoPredict>(op, r, vm) {
                    Step::Next => break None,
                    Step::Op(o) => op = o,
                    Step::Exit => break Some(vm.pending.take().unwrap_or(Exit::Return(crate::value::Value::None))),
                }
            };
            r.save();
            crate::interp::lltrace::after(vm, &*r.fp, base, popped);
            if let Some(e) = exit {
                return e;
            }
        }
    }
}

/// The switch loop with the trace hook before every instruction (`interp/trace.rs`).
/// Used only for frames that start while a tracer or profiler is set.
///
/// # Safety
/// `r` satisfies the handler contract of `interp/mod.rs`.
pub unsafe fn run_traced(regs: &mut Regs, vm: &mut Vm) -> Exit {
    let r = regs;
    // SAFETY: as for `run`; the hook sees the frame with ip/sp saved.
    unsafe {
        loop {
            let f = &mut *r.fp;
            let i = r.ip.offset_from(f.code.units()) as usize;
            r.save();
            // During the hook, f_lineno/f_lasti name the instruction about to run.
            f.ip = i + 1;
            if let Err(e) = crate::interp::trace::line_hook(vm, f, i) {
                return Exit::Error(e);
            }
            let unit = *r.ip;
            r.ip = r.ip.add(1);
            r.oparg = unit.arg as u32;
            let mut op = unit.op;
            loop {
                match step::<SwitchNoPredict>(op, r, vm) {
                    Step::Next => break,
                    Step::Op(o) => op = o,
                    Step::Exit => return vm.pending.take().unwrap_or(Exit::Return(crate::value::Value::None)),
                }
            }
        }
    }
}
