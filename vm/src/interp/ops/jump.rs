//! Jumps. Every jump argument is an absolute code-unit index.

use crate::interp::ops::{safe_point, slow_path, tri, Regs};
use crate::interp::Dispatch;
use crate::value::Value;
use crate::vm::Vm;

/// Truth value of TOS without calling out: bool, None and int; `None` otherwise.
#[inline(always)]
fn fast_truth(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::None => Some(false),
        Value::Int(i) => Some(*i != 0),
        _ => None,
    }
}

/// `truth!(D, r, vm, Op)`: the truth value of TOS (left on the stack); the general
/// case is the slow path of opcode `Op`. The slow path reads the item in place on the
/// value stack, never a copy in the native frame (the tail engine's rule, `tail.rs`).
macro_rules! truth {
    ($D:ident, $r:ident, $vm:ident, $op:ident) => {
        match fast_truth($r.peek(1)) {
            Some(t) => t,
            None => {
                slow_path!($D, $r, $vm, $op);
                $r.save();
                tri!($D, $r, $vm, $vm.truthy($r.peek(1)))
            }
        }
    };
}

/// JUMP_ABSOLUTE
#[inline(always)]
pub unsafe fn jump_absolute<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.jump(r.oparg);
        // A loop edge is a safe point (finalizers, callbacks, collections).
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// POP_JUMP_IF_FALSE
#[inline(always)]
pub unsafe fn pop_jump_if_false<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let t = truth!(D, r, vm, PopJumpIfFalse);
        r.drop_n(1);
        if !t {
            r.jump(r.oparg);
            // The back edge of a `while` loop is a safe point.
            safe_point!(D, r, vm);
        }
        D::next(r, vm)
    }
}

/// POP_JUMP_IF_TRUE
#[inline(always)]
pub unsafe fn pop_jump_if_true<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let t = truth!(D, r, vm, PopJumpIfTrue);
        r.drop_n(1);
        if t {
            r.jump(r.oparg);
            // The back edge of a `while` loop is a safe point.
            safe_point!(D, r, vm);
        }
        D::next(r, vm)
    }
}

/// JUMP_IF_FALSE_OR_POP
#[inline(always)]
pub unsafe fn jump_if_false_or_pop<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        if !truth!(D, r, vm, JumpIfFalseOrPop) {
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
        if truth!(D, r, vm, JumpIfTrueOrPop) {
            r.jump(r.oparg);
        } else {
            r.drop_n(1);
        }
        D::next(r, vm)
    }
}


