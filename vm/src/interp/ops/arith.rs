//! Unary and binary operators, subscripts. Int (i64) and float fast paths are
//! inline; overflow, big ints, mixed types and dunder methods go to `protocol::ops`.

use crate::interp::ops::{drop_shared, last_ref, replace_top, safe_point, slow_path, tri, Regs};
use crate::interp::Dispatch;
use crate::protocol::ops::BinOp;
use crate::value::Value;
use crate::vm::Vm;

/// Inline fast path of a binary operator: `Some(result)` for the common immediate
/// cases, `None` to take the slow path.
#[inline(always)]
fn fast_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            match op {
                BinOp::Add => x.checked_add(y).map(Value::Int),
                BinOp::Sub => x.checked_sub(y).map(Value::Int),
                BinOp::Mul => x.checked_mul(y).map(Value::Int),
                BinOp::FloorDiv if y > 0 => Some(Value::Int(x.div_euclid(y))),
                BinOp::Mod if y > 0 => Some(Value::Int(x.rem_euclid(y))),
                BinOp::TrueDiv if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => {
                    Some(Value::Float(x as f64 / y as f64))
                }
                BinOp::And => Some(Value::Int(x & y)),
                BinOp::Or => Some(Value::Int(x | y)),
                BinOp::Xor => Some(Value::Int(x ^ y)),
                BinOp::LShift if (0..63).contains(&y) => {
                    let r = x << y;
                    if r >> y == x {
                        Some(Value::Int(r))
                    } else {
                        None
                    }
                }
                BinOp::RShift if y >= 0 => Some(Value::Int(x >> y.min(63))),
                _ => None,
            }
        }
        (Value::Float(x), Value::Float(y)) => float_op(op, *x, *y),
        (Value::Float(x), Value::Int(y)) => float_op(op, *x, *y as f64),
        (Value::Int(x), Value::Float(y)) => float_op(op, *x as f64, *y),
        _ => None,
    }
}

/// The split form's first try: operators on exact built-in objects that need no
/// lookup of a dunder (a subclass's instance is an `Instance`, never here).
#[inline(always)]
fn obj_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else { return None };
    match op {
        BinOp::Add => {
            let (s, t) = (x.as_pystr()?, y.as_pystr()?);
            // As CPython's: an empty operand gives the other one itself.
            Some(Value::Obj(match (s.byte_len(), t.byte_len()) {
                (0, _) => y.clone(),
                (_, 0) => x.clone(),
                _ => crate::object::str::PyStr::concat(s, t),
            }))
        }
        _ => None,
    }
}

#[inline(always)]
fn float_op(op: BinOp, x: f64, y: f64) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::Float(x + y)),
        BinOp::Sub => Some(Value::Float(x - y)),
        BinOp::Mul => Some(Value::Float(x * y)),
        BinOp::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

macro_rules! binary_handler {
    ($(#[$m:meta])* $name:ident $V:ident, $op:ident, $inplace:expr) => {
        $(#[$m])*
        #[inline(always)]
        pub unsafe fn $name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
            unsafe {
                if let Some(v) = fast_binop(BinOp::$op, r.peek(2), r.peek(1)) {
                    r.drop_n(1);
                    *r.peek_mut(1) = v;
                    return D::next(r, vm);
                }
                slow_path!(D, r, vm, $V);
                if let Some(v) = obj_binop(BinOp::$op, r.peek(2), r.peek(1)) {
                    r.drop_n(2);
                    r.push(v);
                    return D::next(r, vm);
                }
                r.save();
                let b = r.pop();
                let a = r.pop();
                let res = if $inplace { vm.inplace_op(BinOp::$op, a, b) } else { vm.binary_op(BinOp::$op, &a, &b) };
                r.push(tri!(D, r, vm, res));
                D::next(r, vm)
            }
        }
    };
}

binary_handler!(/// BINARY_ADD
    binary_add BinaryAdd, Add, false);
binary_handler!(/// BINARY_SUBTRACT
    binary_subtract BinarySubtract, Sub, false);
binary_handler!(/// BINARY_MULTIPLY
    binary_multiply BinaryMultiply, Mul, false);
binary_handler!(/// BINARY_TRUE_DIVIDE
    binary_true_divide BinaryTrueDivide, TrueDiv, false);
binary_handler!(/// BINARY_FLOOR_DIVIDE
    binary_floor_divide BinaryFloorDivide, FloorDiv, false);
binary_handler!(/// BINARY_MODULO
    binary_modulo BinaryModulo, Mod, false);
binary_handler!(/// BINARY_POWER
    binary_power BinaryPower, Pow, false);
binary_handler!(/// BINARY_MATRIX_MULTIPLY
    binary_matrix_multiply BinaryMatrixMultiply, MatMul, false);
binary_handler!(/// BINARY_LSHIFT
    binary_lshift BinaryLshift, LShift, false);
binary_handler!(/// BINARY_RSHIFT
    binary_rshift BinaryRshift, RShift, false);
binary_handler!(/// BINARY_AND
    binary_and BinaryAnd, And, false);
binary_handler!(/// BINARY_OR
    binary_or BinaryOr, Or, false);
binary_handler!(/// BINARY_XOR
    binary_xor BinaryXor, Xor, false);
binary_handler!(/// INPLACE_ADD
    inplace_add InplaceAdd, Add, true);
binary_handler!(/// INPLACE_SUBTRACT
    inplace_subtract InplaceSubtract, Sub, true);
binary_handler!(/// INPLACE_MULTIPLY
    inplace_multiply InplaceMultiply, Mul, true);
binary_handler!(/// INPLACE_TRUE_DIVIDE
    inplace_true_divide InplaceTrueDivide, TrueDiv, true);
binary_handler!(/// INPLACE_FLOOR_DIVIDE
    inplace_floor_divide InplaceFloorDivide, FloorDiv, true);
binary_handler!(/// INPLACE_MODULO
    inplace_modulo InplaceModulo, Mod, true);
binary_handler!(/// INPLACE_POWER
    inplace_power InplacePower, Pow, true);
binary_handler!(/// INPLACE_LSHIFT
    inplace_lshift InplaceLshift, LShift, true);
binary_handler!(/// INPLACE_RSHIFT
    inplace_rshift InplaceRshift, RShift, true);
binary_handler!(/// INPLACE_AND
    inplace_and InplaceAnd, And, true);
binary_handler!(/// INPLACE_XOR
    inplace_xor InplaceXor, Xor, true);
binary_handler!(/// INPLACE_OR
    inplace_or InplaceOr, Or, true);
binary_handler!(/// INPLACE_MATRIX_MULTIPLY
    inplace_matrix_multiply InplaceMatrixMultiply, MatMul, true);

/// UNARY_NEGATIVE
#[inline(always)]
pub unsafe fn unary_negative<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = match r.peek(1) {
            Value::Int(i) if *i != i64::MIN => Value::Int(-*i),
            Value::Float(f) => Value::Float(-*f),
            _ => {
                slow_path!(D, r, vm, UnaryNegative);
                r.save();
                let a = r.pop();
                let v = tri!(D, r, vm, vm.unary_op(crate::protocol::ops::UnaryOp::Neg, &a));
                r.push(v);
                return D::next(r, vm);
            }
        };
        *r.peek_mut(1) = v;
        D::next(r, vm)
    }
}

macro_rules! unary_handler {
    ($(#[$m:meta])* $name:ident, $op:ident) => {
        $(#[$m])*
        #[inline(always)]
        pub unsafe fn $name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
            unsafe {
                r.save();
                let a = r.pop();
                let v = tri!(D, r, vm, vm.unary_op(crate::protocol::ops::UnaryOp::$op, &a));
                r.push(v);
                D::next(r, vm)
            }
        }
    };
}
unary_handler!(/// UNARY_POSITIVE
    unary_positive, Pos);
unary_handler!(/// UNARY_INVERT
    unary_invert, Invert);

/// UNARY_NOT
#[inline(always)]
pub unsafe fn unary_not<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = match r.peek(1) {
            Value::Bool(b) => !*b,
            _ => {
                slow_path!(D, r, vm, UnaryNot);
                r.save();
                let a = r.pop();
                let t = tri!(D, r, vm, vm.truthy(&a));
                r.push(Value::Bool(!t));
                return D::next(r, vm);
            }
        };
        *r.peek_mut(1) = Value::Bool(v);
        D::next(r, vm)
    }
}

/// BINARY_SUBSCR
#[inline(always)]
pub unsafe fn binary_subscr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        // `seq[int]` in range for a list or tuple that stays alive (freeing it is a
        // call: the split form does it).
        if let (Value::Obj(o), Value::Int(i)) = (r.peek(2), r.peek(1)) {
            if !(D::SPLIT && o.header().refcount() == 1) {
                if let Some(v) = crate::protocol::subscr::fast_index(o, *i) {
                    // The key is an int: nothing to drop.
                    r.sp = r.sp.sub(1);
                    replace_top::<D>(r, v);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, BinarySubscr);
        // An exact dict with a str or int key found without an `__eq__` call.
        if let Value::Obj(o) = r.peek(2) {
            if let Some(v) = o.as_dict().and_then(|d| crate::protocol::subscr::dict_get_fast(d, r.peek(1))) {
                r.drop_n(2);
                r.push(v);
                return D::next(r, vm);
            }
        }
        r.save();
        let key = r.pop();
        let obj = r.pop();
        let v = tri!(D, r, vm, vm.getitem(&obj, &key));
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_SUBSCR
#[inline(always)]
pub unsafe fn store_subscr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        // `list[int] = value` in range: the value moves from the stack into the list.
        // Freeing the list or the item replaced is a call: the split form does it.
        if let (Value::Obj(o), Value::Int(i)) = (r.peek(2), r.peek(1)) {
            if let Some(slot) = crate::protocol::subscr::list_slot(o, *i) {
                if !(D::SPLIT && (o.header().refcount() == 1 || last_ref(&*slot))) {
                    let old = std::ptr::replace(slot, std::ptr::read(r.peek(3)));
                    let list = std::ptr::read(r.peek(2));
                    // The key is an int: nothing to drop.
                    r.sp = r.sp.sub(3);
                    drop_shared::<D>(list);
                    drop_shared::<D>(old);
                    safe_point!(D, r, vm);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, StoreSubscr);
        r.save();
        let key = r.pop();
        let obj = r.pop();
        let v = r.pop();
        tri!(D, r, vm, vm.setitem(&obj, key, v));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_SUBSCR
#[inline(always)]
pub unsafe fn delete_subscr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let key = r.pop();
        let obj = r.pop();
        tri!(D, r, vm, vm.delitem(&obj, &key));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}
