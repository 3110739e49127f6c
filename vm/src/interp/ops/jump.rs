//! Jumps. Every jump argument is an absolute code-unit index.

use crate::interp::ops::{tri, Regs};
use crate::interp::Dispatch;
use crate::value::Value;
use crate::vm::Vm;

/// Truth value with the bool/None/int fast paths inline.
#[inline(always)]
unsafe fn truth(r: &mut Regs, vm: &mut Vm, v: &Value) -> crate::vm::PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::None => Ok(false),
        Value::Int(i) => Ok(*i != 0),
        _ => {
            // SAFETY: registers belong to the running frame.
            unsafe { r.save() };
            vm.truthy(v)
        }
    }
}

/// JUMP_ABSOLUTE
#[inline(always)]
pub unsafe fn jump_absolute<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.jump(r.oparg);
        D::next(r, vm)
    }
}

/// POP_JUMP_IF_FALSE
#[inline(always)]
pub unsafe fn pop_jump_if_false<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        if !tri!(D, vm, truth(r, vm, &v)) {
            r.jump(r.oparg);
        }
        D::next(r, vm)
    }
}

/// POP_JUMP_IF_TRUE
#[inline(always)]
pub unsafe fn pop_jump_if_true<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        if tri!(D, vm, truth(r, vm, &v)) {
            r.jump(r.oparg);
        }
        D::next(r, vm)
    }
}

/// JUMP_IF_FALSE_OR_POP
#[inline(always)]
pub unsafe fn jump_if_false_or_pop<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.peek(1).clone();
        if !tri!(D, vm, truth(r, vm, &v)) {
            r.jump(r.oparg);
        } else {
            r.drop_n(1);
        }
        D::next(r, vm)
    }
}

/// JUMP_IF_TRUE_OR_POP
#[inline(always)]
pub unsafe fn jump_if_true_or_pop<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.peek(1).clone();
        if tri!(D, vm, truth(r, vm, &v)) {
            r.jump(r.oparg);
        } else {
            r.drop_n(1);
        }
        D::next(r, vm)
    }
}
