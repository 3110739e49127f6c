//! Comparisons and identity/membership tests. Each predicts the conditional jump
//! that usually follows it.

use crate::interp::ops::{drop_shared, predict, slow_path, tri, Regs};
use crate::interp::Dispatch;
use crate::protocol::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

#[inline(always)]
fn fast_compare(op: u32, a: &Value, b: &Value) -> Option<bool> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            return Some(match op {
                0 => x < y,
                1 => x <= y,
                2 => x == y,
                3 => x != y,
                4 => x > y,
                _ => x >= y,
            })
        }
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => (*x as f64, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => (*x, *y as f64),
        _ => return None,
    };
    Some(match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    })
}

/// COMPARE_OP
#[inline(always)]
pub unsafe fn compare_op<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        if let Some(b) = fast_compare(r.oparg, r.peek(2), r.peek(1)) {
            r.drop_n(1);
            *r.peek_mut(1) = Value::Bool(b);
        } else {
            slow_path!(D, r, vm, CompareOp);
            r.save();
            let b = r.pop();
            let a = r.pop();
            let v = tri!(D, r, vm, vm.compare(&a, &b, CmpOp::from_arg(r.oparg)));
            r.push(v);
        }
        predict!(D, r, vm, PopJumpIfFalse, pop_jump_if_false);
        predict!(D, r, vm, PopJumpIfTrue, pop_jump_if_true);
        D::next(r, vm)
    }
}

/// IS_OP
#[inline(always)]
pub unsafe fn is_op<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        if D::SPLIT && (r.peek_is_last(1) || r.peek_is_last(2)) {
            slow_path!(D, r, vm, IsOp);
        }
        let same = r.peek(2).is(r.peek(1));
        // Left first, as CPython's order of `__del__` calls.
        let right = r.pop();
        drop_shared::<D>(r.pop());
        drop_shared::<D>(right);
        r.push(Value::Bool(same != (r.oparg == 1)));
        predict!(D, r, vm, PopJumpIfFalse, pop_jump_if_false);
        predict!(D, r, vm, PopJumpIfTrue, pop_jump_if_true);
        D::next(r, vm)
    }
}

/// CONTAINS_OP
#[inline(always)]
pub unsafe fn contains_op<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let container = r.pop();
        let item = r.pop();
        let found = tri!(D, r, vm, vm.contains(&container, &item));
        r.push(Value::Bool(found != (r.oparg == 1)));
        predict!(D, r, vm, PopJumpIfFalse, pop_jump_if_false);
        predict!(D, r, vm, PopJumpIfTrue, pop_jump_if_true);
        D::next(r, vm)
    }
}
