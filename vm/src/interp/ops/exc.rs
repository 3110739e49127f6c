//! Exception handling (3.11-style exception table; see `bytecode/mod.rs`) and `with`.

use crate::interp::ops::{tri, Regs};
use crate::interp::{Dispatch, Exit};
use crate::protocol::slow;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// What `sys.exc_info()` may hold: None or an exception. Compiled code keeps to that;
/// replaced bytecode (`code.replace(co_code=...)`) is stopped when it does not.
#[inline(always)]
fn is_exc_state(v: &Value) -> bool {
    match v {
        Value::None => true,
        Value::Obj(o) => matches!(o.view(), Obj::Exception(_)),
        _ => false,
    }
}

/// Leave with SystemError: a non-exception where compiled code only has exceptions.
/// The error is built out of line and handed over through `vm.pending`, so nothing of
/// the handler's frame escapes (the tail engine's rule, `interp/tail.rs`).
#[inline(always)]
fn bad_exc_state<D: Dispatch>(r: &mut Regs, vm: &mut Vm, op: &'static str) -> D::Out {
    #[cold]
    #[inline(never)]
    fn build(vm: &mut Vm, op: &'static str) {
        let e = vm.err("SystemError", format!("{op} of a non-exception object"));
        vm.pending = Some(Exit::Error(e));
    }
    build(vm, op);
    let e = vm.pending.take().unwrap_or(Exit::Return(Value::None));
    D::exit(r, vm, e)
}

/// PUSH_EXC_INFO
#[inline(always)]
pub unsafe fn push_exc_info<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let exc = r.pop();
        if !is_exc_state(&exc) {
            return bad_exc_state::<D>(r, vm, "PUSH_EXC_INFO");
        }
        let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
        r.push(prev);
        r.push(exc);
        D::next(r, vm)
    }
}

/// POP_EXCEPT
#[inline(always)]
pub unsafe fn pop_except<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let prev = r.pop();
        if !is_exc_state(&prev) {
            return bad_exc_state::<D>(r, vm, "POP_EXCEPT");
        }
        vm.exc_info = prev;
        D::next(r, vm)
    }
}

/// CHECK_EXC_MATCH
#[inline(always)]
pub unsafe fn check_exc_match<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let ty = r.pop();
        let m = tri!(D, r, vm, slow::exc_matches(vm, r.peek(1), &ty));
        r.push(Value::Bool(m));
        D::next(r, vm)
    }
}

/// RERAISE
#[inline(always)]
pub unsafe fn reraise<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let exc = r.pop();
        // Compiled code only re-raises exceptions; replaced bytecode may hold anything.
        if !matches!(&exc, Value::Obj(o) if matches!(o.view(), Obj::Exception(_))) {
            return bad_exc_state::<D>(r, vm, "RERAISE");
        }
        D::exit(r, vm, Exit::Reraise(PyErr(exc)))
    }
}

/// RAISE_VARARGS
#[inline(always)]
pub unsafe fn raise_varargs<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let cause = if r.oparg == 2 { Some(r.pop()) } else { None };
        let exc = if r.oparg >= 1 { Some(r.pop()) } else { None };
        match exc {
            None => {
                if vm.exc_info.is_none() {
                    { let e = vm.err("RuntimeError", "No active exception to reraise"); D::exit(r, vm, Exit::Error(e)) }
                } else {
                    { let e = PyErr(vm.exc_info.clone()); D::exit(r, vm, Exit::Reraise(e)) }
                }
            }
            Some(exc) => { let e = slow::make_raise(vm, exc, cause); D::exit(r, vm, Exit::Error(e)) },
        }
    }
}

/// BEFORE_WITH
#[inline(always)]
pub unsafe fn before_with<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let mgr = r.pop();
        let (exit, value) = tri!(D, r, vm, slow::before_with(vm, &mgr));
        r.push(exit);
        r.push(value);
        D::next(r, vm)
    }
}

/// WITH_EXCEPT_START
#[inline(always)]
pub unsafe fn with_except_start<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let exc = r.peek(1).clone();
        let exit = r.peek(3).clone();
        let res = tri!(D, r, vm, slow::call_exit(vm, &exit, &exc));
        r.push(res);
        D::next(r, vm)
    }
}
