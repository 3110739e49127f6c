//! Operators: binary (with reflected and in-place forms), unary, rich comparison,
//! truth value, membership. Built-in types are handled natively; user classes
//! through their dunder methods, with CPython's rule that a subclass's reflected
//! method is tried first.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::object::func::Args;
use crate::protocol::numbers::{cmp_int_float, float_binop, int_binop, int_to_f64};
use crate::object::{Dict, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// (`__op__`, `__rop__`, `__iop__`)
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }

    pub fn from_dunder(name: &str) -> Option<(BinOp, bool)> {
        const ALL: [BinOp; 13] = [
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::TrueDiv,
            BinOp::FloorDiv,
            BinOp::Mod,
            BinOp::Pow,
            BinOp::MatMul,
            BinOp::LShift,
            BinOp::RShift,
            BinOp::And,
            BinOp::Or,
            BinOp::Xor,
        ];
        for op in ALL {
            let (f, r, _) = op.dunders();
            if name == f {
                return Some((op, false));
            }
            if name == r {
                return Some((op, true));
            }
        }
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_arg(a: u32) -> CmpOp {
        match a {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub fn test(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

/// The numeric view of a value: int (bool included) or float.
pub enum Num {
    Int(BigInt),
    Float(f64),
}

pub fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Value::Bool(b) => Some(Num::Int(BigInt::from(*b as i64))),
        Value::Float(f) => Some(Num::Float(*f)),
        Value::Obj(o) => match o.view() {
            Obj::Int(b) => Some(Num::Int(b.clone())),
            Obj::Instance(i) => as_num(&i.base()),
            _ => None,
        },
        _ => None,
    }
}

fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.view(), Obj::NotImplemented))
}

/// The value a builtin operation should see: the wrapped base of a subclass instance.
pub fn unwrap_base(v: &Value) -> &Value {
    if let Value::Obj(o) = v {
        if let Obj::Instance(i) = o.view() {
            if !i.base().is_null() {
                return &i.base();
            }
        }
    }
    v
}

impl Vm {
    /// Look up a dunder defined by a user class (not a built-in base) on `v`'s type.
    pub fn user_dunder(&self, v: &Value, name: &str) -> Option<Value> {
        let t = self.type_of(v);
        let c = t.as_class()?;
        if !c.heap {
            return None;
        }
        for k in c.mro.borrow().iter() {
            let k = k.as_class()?;
            let found = k.dict.borrow().get_str(name);
            match found {
                // A built-in class that implements the method natively ends the search:
                // its native behaviour applies.
                Some(_) if !k.heap => return None,
                Some(f) => return Some(f),
                None => {}
            }
        }
        None
    }

    /// Call a dunder found by `user_dunder` (binds self).
    pub fn call_dunder(&mut self, f: &Value, slf: &Value, args: &[Value]) -> PyResult<Value> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(slf.clone());
        all.extend_from_slice(args);
        let f = self.bind_descriptor(f, Some(slf))?;
        match f {
            Some(bound) => self.call(&bound, Args::new(args)),
            None => self.call(&Value::Null, Args::new(&all)),
        }
    }

    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (fwd, rev, _) = op.dunders();
        let a_user = self.user_dunder(a, fwd);
        let b_user = self.user_dunder(b, rev);
        if a_user.is_none() && b_user.is_none() {
            if let Some(r) = self.native_binop_orig(op, unwrap_base(a), unwrap_base(b), b) {
                return r;
            }
            return self.binop_fallback(op, a, b);
        }
        // A subclass's reflected method goes first.
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let b_first = b_user.is_some()
            && !crate::object::ObjRef::ptr_eq(&ta, &tb)
            && tb.as_class().map(|c| c.is_subclass_of(&tb, &ta)).unwrap_or(false);
        if b_first {
            let r = self.call_dunder(b_user.as_ref().unwrap_or(&Value::None), b, &[a.clone()])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = &a_user {
            let r = self.call_dunder(f, a, &[b.clone()])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        } else if let Some(r) = self.native_binop(op, unwrap_base(a), unwrap_base(b)) {
            if let Ok(v) = &r {
                if !is_not_implemented(v) {
                    return r;
                }
            } else {
                return r;
            }
        }
        if !b_first {
            if let Some(f) = &b_user {
                if !crate::object::ObjRef::ptr_eq(&ta, &tb) || a_user.is_none() {
                    let r = self.call_dunder(f, b, &[a.clone()])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
        self.binop_fallback(op, a, b)
    }

    /// The last resort of a binary operator: `type.__or__` (`int | str`, a
    /// `types.UnionType`), else the TypeError.
    #[cold]
    fn binop_fallback(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if op == BinOp::Or {
            if let Some(u) = crate::builtins::genericalias::union_or(self, a, b)? {
                return Ok(u);
            }
        }
        Err(self.binop_type_error(op, a, b))
    }

    #[cold]
    fn binop_type_error(&self, op: BinOp, a: &Value, b: &Value) -> crate::vm::PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add {
            let seq = |v: &Value| matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::List(_) | Obj::Tuple(_) | Obj::Str(_)));
            if seq(a) {
                let name = match unwrap_base(a) {
                    Value::Obj(o) if matches!(o.view(), Obj::List(_)) => "list",
                    Value::Obj(o) if matches!(o.view(), Obj::Tuple(_)) => "tuple",
                    _ => "str",
                };
                return self.type_error(format!("can only concatenate {name} (not \"{tb}\") to {name}"));
            }
            // bytes' sq_concat, tried after both operands' nb_add.
            if matches!(unwrap_base(a), Value::Obj(o) if matches!(o.view(), Obj::Bytes(_) | Obj::ByteArray(_))) {
                return self.type_error(format!("can't concat {tb} to {ta}"));
            }
        }
        if op == BinOp::Mul {
            let seq = |v: &Value| matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_)));
            if seq(a) || seq(b) {
                let other = if seq(a) { tb } else { ta };
                return self.type_error(format!("can't multiply sequence by non-int of type '{other}'"));
            }
        }
        self.type_error(format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol()))
    }

    /// Built-in implementations; `None` = not supported for these types.
    pub fn native_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        self.native_binop_orig(op, a, b, b)
    }

    /// `native_binop` where `orig_b` is the right operand before unwrapping a built-in
    /// subclass (`%` formatting must see a str subclass's own `__str__`).
    fn native_binop_orig(&mut self, op: BinOp, a: &Value, b: &Value, orig_b: &Value) -> Option<PyResult<Value>> {
        // bool & | ^ bool stays bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Some(Ok(Value::Bool(x & y))),
                BinOp::Or => return Some(Ok(Value::Bool(x | y))),
                BinOp::Xor => return Some(Ok(Value::Bool(x ^ y))),
                _ => {}
            }
        }
        // Numbers.
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return match (x, y) {
                (Num::Int(x), Num::Int(y)) => int_binop(self, op, &x, &y),
                (Num::Float(x), Num::Float(y)) => float_binop(self, op, x, y),
                (Num::Int(x), Num::Float(y)) => match int_to_f64(self, &x) {
                    Ok(x) => float_binop(self, op, x, y),
                    Err(e) => Some(Err(e)),
                },
                (Num::Float(x), Num::Int(y)) => match int_to_f64(self, &y) {
                    Ok(y) => float_binop(self, op, x, y),
                    Err(e) => Some(Err(e)),
                },
            };
        }
        let (Value::Obj(ao), bv) = (a, b) else {
            return self.native_binop_rhs(op, a, b);
        };
        match (ao.view(), op) {
            (Obj::Str(s), BinOp::Add) => {
                let t = bv.as_str()?;
                let mut r = String::with_capacity(s.as_str().len() + t.len());
                r.push_str(s.as_str());
                r.push_str(t);
                Some(Ok(Value::string(r)))
            }
            (Obj::Str(s), BinOp::Mul) => {
                let n = repeat_count(self, bv)?;
                Some(n.and_then(|n| self.check_repeat(s.as_str().len(), n)).map(|n| Value::string(s.as_str().repeat(n))))
            }
            (Obj::Str(_), BinOp::Mod) => Some(crate::builtins::printf::str_mod(self, a, orig_b)),
            (Obj::Bytes(_) | Obj::ByteArray(_), BinOp::Mod) => Some(crate::builtins::printf::bytes_mod(self, a, orig_b)),
            (Obj::List(l), BinOp::Add) => {
                let Value::Obj(bo) = unwrap_base(bv) else { return None };
                let Obj::List(m) = bo.view() else { return None };
                let mut v = l.borrow().clone();
                v.extend(m.borrow().iter().cloned());
                Some(Ok(self.new_list(v)))
            }
            (Obj::List(l), BinOp::Mul) => {
                let n = repeat_count(self, bv)?;
                let items = l.borrow();
                Some(n.and_then(|n| self.check_repeat(items.len(), n)).map(|n| {
                    let mut v = Vec::with_capacity(items.len() * n);
                    for _ in 0..n {
                        v.extend(items.iter().cloned());
                    }
                    self.new_list(v)
                }))
            }
            (Obj::Tuple(t), BinOp::Add) => {
                let Value::Obj(bo) = unwrap_base(bv) else { return None };
                let Obj::Tuple(u) = bo.view() else { return None };
                let mut v = t.to_vec();
                v.extend(u.iter().cloned());
                Some(Ok(self.new_tuple(v)))
            }
            (Obj::Tuple(t), BinOp::Mul) => {
                let n = repeat_count(self, bv)?;
                Some(n.and_then(|n| self.check_repeat(t.len(), n)).map(|n| {
                    let mut v = Vec::with_capacity(t.len() * n);
                    for _ in 0..n {
                        v.extend(t.iter().cloned());
                    }
                    self.new_tuple(v)
                }))
            }
            (Obj::Bytes(x), BinOp::Add) => {
                let Value::Obj(bo) = bv else { return None };
                let mut v = x.to_vec();
                match bo.view() {
                    Obj::Bytes(y) => v.extend_from_slice(y),
                    Obj::ByteArray(y) => v.extend_from_slice(&y.borrow()),
                    _ => return None,
                }
                Some(Ok(Value::obj(crate::object::NewObj::Bytes(v))))
            }
            (Obj::ByteArray(x), BinOp::Add) => {
                let Value::Obj(bo) = bv else { return None };
                let mut v = x.borrow().clone();
                match bo.view() {
                    Obj::Bytes(y) => v.extend_from_slice(y),
                    Obj::ByteArray(y) => v.extend_from_slice(&y.borrow()),
                    _ => return None,
                }
                Some(Ok(Value::obj(crate::object::NewObj::ByteArray(std::cell::RefCell::new(v)))))
            }
            (Obj::Bytes(x), BinOp::Mul) => {
                let n = repeat_count(self, bv)?;
                Some(n.and_then(|n| self.check_repeat(x.len(), n)).map(|n| Value::obj(crate::object::NewObj::Bytes(x.repeat(n)))))
            }
            (Obj::Set(_) | Obj::FrozenSet(_) | Obj::DictView { .. }, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                crate::builtins::set::set_binop(self, op, a, bv)
            }
            (Obj::Dict(x), BinOp::Or) => {
                let Value::Obj(bo) = bv else { return None };
                let Obj::Dict(y) = bo.view() else { return None };
                let mut d: Dict = x.borrow().clone();
                for (k, v) in y.borrow().items() {
                    if let Err(e) = d.insert(self, k, v) {
                        return Some(Err(e));
                    }
                }
                Some(Ok(self.new_dict(d)))
            }
            (Obj::Complex(..), _) => crate::builtins::complex::complex_binop(self, op, a, bv),
            _ => self.native_binop_rhs(op, a, b),
        }
    }

    /// Cases where only the right operand decides (`3 * "ab"`, `2 * [1]`, complex).
    fn native_binop_rhs(&mut self, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        let Value::Obj(bo) = b else { return None };
        match (bo.view(), op) {
            (Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_), BinOp::Mul) => {
                let int_like = matches!(as_num(a), Some(Num::Int(_))) || self.user_dunder(a, "__index__").is_some();
                if !int_like {
                    return None;
                }
                self.native_binop(op, b, a)
            }
            (Obj::Complex(..), _) => crate::builtins::complex::complex_binop(self, op, a, b),
            (Obj::DictView { kind, .. }, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                if *kind != crate::object::ViewKind::Values =>
            {
                crate::builtins::set::set_binop(self, op, a, b)
            }
            _ => None,
        }
    }

    fn check_repeat(&self, len: usize, n: usize) -> PyResult<usize> {
        if len.saturating_mul(n) > (1 << 34) {
            return Err(self.err("MemoryError", ""));
        }
        Ok(n)
    }

    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let (_, _, iname) = op.dunders();
        if let Some(f) = self.user_dunder(&a, iname) {
            let r = self.call_dunder(&f, &a, &[b.clone()])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        } else if let Value::Obj(o) = unwrap_base(&a) {
            match (o.view(), op) {
                (Obj::List(l), BinOp::Add) => {
                    let items = self.collect(&b)?;
                    l.borrow_mut().extend(items);
                    return Ok(a);
                }
                (Obj::List(l), BinOp::Mul) => {
                    if let Some(Ok(n)) = repeat_count(self, &b) {
                        let mut v = l.borrow_mut();
                        let orig = v.clone();
                        v.clear();
                        for _ in 0..n {
                            v.extend(orig.iter().cloned());
                        }
                        drop(v);
                        return Ok(a);
                    }
                }
                (Obj::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                    if let Some(r) = crate::builtins::set::set_inplace(self, op, &a, &b) {
                        return r.map(|_| a);
                    }
                }
                (Obj::Dict(_), BinOp::Or) => {
                    self.dict_update(&a, &b, false)?;
                    return Ok(a);
                }
                _ => {}
            }
        }
        self.binary_op(op, &a, &b)
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
        };
        if let Some(f) = self.user_dunder(a, name) {
            return self.call_dunder(&f, a, &[]);
        }
        let v = unwrap_base(a);
        match (op, as_num(v)) {
            (UnaryOp::Neg, Some(Num::Int(i))) => return Ok(Value::from_bigint(-i)),
            (UnaryOp::Neg, Some(Num::Float(f))) => return Ok(Value::Float(-f)),
            (UnaryOp::Pos, Some(Num::Int(i))) => return Ok(Value::from_bigint(i)),
            (UnaryOp::Pos, Some(Num::Float(f))) => return Ok(Value::Float(f)),
            (UnaryOp::Invert, Some(Num::Int(i))) => return Ok(Value::from_bigint(!i)),
            _ => {}
        }
        if let Value::Obj(o) = v {
            if let Obj::Complex(re, im) = o.view() {
                match op {
                    UnaryOp::Neg => return Ok(Value::obj(crate::object::NewObj::Complex(-re, -im))),
                    UnaryOp::Pos => return Ok(Value::obj(crate::object::NewObj::Complex(*re, *im))),
                    _ => {}
                }
            }
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        };
        Err(self.type_error(format!("bad operand type for unary {sym}: '{}'", self.type_name(a))))
    }

    /// Truth value (`bool(v)`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Null | Value::None => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => match o.view() {
                Obj::Str(s) => Ok(!s.as_str().is_empty()),
                Obj::Int(b) => Ok(!b.is_zero()),
                Obj::List(l) => Ok(!l.borrow().is_empty()),
                Obj::Tuple(t) => Ok(!t.is_empty()),
                Obj::Dict(d) => Ok(!d.borrow().is_empty()),
                Obj::Set(d) => Ok(!d.borrow().is_empty()),
                Obj::FrozenSet(d) => Ok(!d.is_empty()),
                Obj::Bytes(b) => Ok(!b.is_empty()),
                Obj::ByteArray(b) => Ok(!b.borrow().is_empty()),
                Obj::Range { .. } => Ok(crate::builtins::range::range_len(o) > 0),
                Obj::LongRange(r) => Ok(!num_traits::Zero::is_zero(&crate::builtins::longrange::len(r.long_range()))),
                Obj::Complex(re, im) => Ok(*re != 0.0 || *im != 0.0),
                Obj::Instance(i) => {
                    if let Some(f) = self.user_dunder(v, "__bool__") {
                        let r = self.call_dunder(&f, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r)))),
                        };
                    }
                    if let Some(f) = self.user_dunder(v, "__len__") {
                        let r = self.call_dunder(&f, v, &[])?;
                        return Ok(self.index_value(&r)? != 0);
                    }
                    if !i.base().is_null() {
                        let b = i.base().clone();
                        return self.truthy(&b);
                    }
                    Ok(true)
                }
                Obj::DictView { dict, .. } => {
                    let d = dict.clone();
                    self.truthy(&d)
                }
                Obj::WeakProxy(_) => {
                    let r = crate::builtins::weakref::unproxy(self, v)?;
                    self.truthy(&r)
                }
                _ => Ok(true),
            },
        }
    }

    /// `a <op> b` as a Python value (may be any object for user classes).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        self.check_native_stack()?;
        let name = op.dunder();
        let rname = op.swapped().dunder();
        let a_user = self.user_dunder(a, name);
        let b_user = self.user_dunder(b, rname);
        if op == CmpOp::Ne && a_user.is_none() && b_user.is_none() {
            // object.__ne__ inverts __eq__ (which may be user-defined on either side).
            if self.user_dunder(a, "__eq__").is_some() || self.user_dunder(b, "__eq__").is_some() {
                let r = self.compare(a, b, CmpOp::Eq)?;
                return Ok(Value::Bool(!self.truthy(&r)?));
            }
        }
        if a_user.is_some() || b_user.is_some() {
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let b_first = b_user.is_some()
                && !crate::object::ObjRef::ptr_eq(&ta, &tb)
                && tb.as_class().map(|c| c.is_subclass_of(&tb, &ta)).unwrap_or(false);
            if b_first {
                let r = self.call_dunder(b_user.as_ref().unwrap_or(&Value::None), b, &[a.clone()])?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            if let Some(f) = &a_user {
                let r = self.call_dunder(f, a, &[b.clone()])?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            if !b_first {
                if let Some(f) = &b_user {
                    let r = self.call_dunder(f, b, &[a.clone()])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
            // `!=` falls back to the negation of a user `__eq__`.
            if op == CmpOp::Ne {
                if let Some(f) = self.user_dunder(a, "__eq__") {
                    let r = self.call_dunder(&f, a, &[b.clone()])?;
                    if !is_not_implemented(&r) {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
            }
        }
        match self.native_compare(unwrap_base(a), unwrap_base(b), op)? {
            Some(r) => Ok(Value::Bool(r)),
            None => match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
                _ => Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                ))),
            },
        }
    }

    /// Built-in comparisons; `None` when the types do not compare natively.
    pub fn native_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            let ord = match (x, y) {
                (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
                (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
                (Num::Int(x), Num::Float(y)) => cmp_int_float(&x, y),
                (Num::Float(x), Num::Int(y)) => cmp_int_float(&y, x).map(|o| o.reverse()),
            };
            return Ok(Some(match ord {
                Some(o) => op.test(o),
                None => op == CmpOp::Ne,
            }));
        }
        let (Value::Obj(ao), Value::Obj(bo)) = (a, b) else {
            return Ok(match (a, b) {
                (Value::None, Value::None) if matches!(op, CmpOp::Eq | CmpOp::Ne) => Some(op == CmpOp::Eq),
                _ if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                    if let (Value::Obj(o), _) | (_, Value::Obj(o)) = (a, b) {
                        if let Obj::Complex(re, im) = o.view() {
                            let other = if matches!(a, Value::Obj(_)) { b } else { a };
                            if let Some(n) = as_num(other) {
                                let x = match n {
                                    Num::Int(i) => i.to_f64().unwrap_or(f64::NAN),
                                    Num::Float(f) => f,
                                };
                                let eq = *im == 0.0 && *re == x;
                                return Ok(Some(eq == (op == CmpOp::Eq)));
                            }
                        }
                    }
                    None
                }
                _ => None,
            });
        };
        if crate::object::ObjRef::ptr_eq(ao, bo) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            if !matches!(ao.view(), Obj::Tuple(_) | Obj::List(_)) {
                return Ok(Some(op == CmpOp::Eq));
            }
        }
        match (ao.view(), bo.view()) {
            (Obj::Str(x), Obj::Str(y)) => Ok(Some(op.test(x.as_str().cmp(y.as_str())))),
            (Obj::MemoryView(_), _) | (_, Obj::MemoryView(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                use crate::builtins::bytes::bytes_data;
                Ok(match (bytes_data(a), bytes_data(b)) {
                    (Some(x), Some(y)) => Some((x == y) == (op == CmpOp::Eq)),
                    _ => None,
                })
            }
            (Obj::Alias(x), Obj::Alias(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Ok(crate::builtins::genericalias::eq(self, x.alias(), y.alias())?.map(|r| r == (op == CmpOp::Eq)))
            }
            // Bound methods: the same function bound to the same object.
            (Obj::BoundMethod { func: f1, slf: s1 }, Obj::BoundMethod { func: f2, slf: s2 })
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let (f1, f2, same_self) = (Value::Obj(f1.clone()), Value::Obj(f2.clone()), s1.is(&s2));
                let eq = same_self && self.eq(&f1, &f2)?;
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Obj::WeakRef(_), Obj::WeakRef(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = crate::builtins::weakref::ref_eq(self, a, b)?.unwrap_or(false);
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Obj::Bytes(x), Obj::Bytes(y)) => Ok(Some(op.test(x.cmp(y)))),
            (Obj::Tuple(x), Obj::Tuple(y)) => self.seq_compare(x, y, op).map(Some),
            (Obj::List(x), Obj::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_compare(&x, &y, op).map(Some)
            }
            (Obj::Dict(x), Obj::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.dict_eq(&x.borrow().clone(), &y.borrow().clone())?;
                Ok(Some(eq == (op == CmpOp::Eq)))
            }
            (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => crate::builtins::set::set_compare(self, a, b, op).map(Some),
            (Obj::Set(_) | Obj::FrozenSet(_), Obj::DictView { kind, .. }) | (Obj::DictView { kind, .. }, Obj::Set(_) | Obj::FrozenSet(_))
                if *kind != crate::object::ViewKind::Values =>
            {
                crate::builtins::set::set_compare(self, a, b, op).map(Some)
            }
            (Obj::LongRange(_), Obj::Range { .. } | Obj::LongRange(_)) | (Obj::Range { .. }, Obj::LongRange(_))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                use crate::builtins::longrange::key_of;
                Ok(Some((key_of(a) == key_of(b)) == (op == CmpOp::Eq)))
            }
            (Obj::Range { .. }, Obj::Range { .. }) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (x, y) = (crate::builtins::range::range_items_key(ao), crate::builtins::range::range_items_key(bo));
                Ok(Some((x == y) == (op == CmpOp::Eq)))
            }
            (Obj::Complex(a1, b1), Obj::Complex(a2, b2)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Ok(Some((a1 == a2 && b1 == b2) == (op == CmpOp::Eq)))
            }
            (Obj::DictView { dict: d1, kind: k1 }, Obj::DictView { dict: d2, kind: k2 })
                if k1 == k2 && *k1 != crate::object::ViewKind::Values && matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                let s1 = crate::builtins::set::view_to_set(self, d1, *k1)?;
                let s2 = crate::builtins::set::view_to_set(self, d2, *k2)?;
                crate::builtins::set::set_compare(self, &s1, &s2, op).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of sequences (identity implies equality per item).
    pub fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        for (a, b) in x.iter().zip(y.iter()) {
            if !self.eq(a, b)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(a, b, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(op.test(x.len().cmp(&y.len())))
    }

    fn dict_eq(&mut self, x: &Dict, y: &Dict) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for e in x.iter() {
            match y.get_hashed(self, e.hash, &e.key)? {
                Some(v) => {
                    if !self.eq(&e.value, &v)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `a == b` as a bool (identity first, as containers do).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::object::dict::fast_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        match r {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other),
        }
    }

    /// `a < b` as a bool (sorting, min/max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        match r {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(f) = self.user_dunder(container, "__contains__") {
            let r = self.call_dunder(&f, container, &[item.clone()])?;
            return self.truthy(&r);
        }
        let c = unwrap_base(container).clone();
        if let Value::Obj(o) = &c {
            match o.view() {
                Obj::Str(s) => {
                    return match item.as_str() {
                        Some(t) => Ok(s.as_str().contains(t)),
                        None => Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        ))),
                    }
                }
                Obj::Dict(d) => {
                    let d = d.borrow().clone();
                    return d.contains(self, item);
                }
                Obj::Set(_) | Obj::FrozenSet(_) => return crate::builtins::set::set_contains(self, &c, item),
                Obj::List(l) => {
                    let items = l.borrow().clone();
                    for x in items.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Obj::Tuple(t) => {
                    for x in t.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Obj::Range { .. } => {
                    if let Some(r) = crate::builtins::range::range_contains(o, item) {
                        return Ok(r);
                    }
                }
                Obj::LongRange(r) => {
                    if let Some(r) = crate::builtins::longrange::contains(r.long_range(), item) {
                        return Ok(r);
                    }
                }
                Obj::Bytes(b) => {
                    return match item {
                        Value::Int(i) => Ok(b.contains(&(*i as u8)) && (0..256).contains(i)),
                        Value::Obj(x) => match x.view() {
                            Obj::Bytes(n) => Ok(n.is_empty() || b.windows(n.len()).any(|w| w == &n[..])),
                            _ => Err(self.type_error("a bytes-like object is required")),
                        },
                        _ => Err(self.type_error("a bytes-like object is required")),
                    }
                }
                Obj::DictView { dict, kind } => {
                    let d = dict.clone();
                    match kind {
                        crate::object::ViewKind::Keys => return self.contains(&d, item),
                        crate::object::ViewKind::Items => {
                            if let Value::Obj(t) = item {
                                if let Obj::Tuple(kv) = t.view() {
                                    if kv.len() == 2 {
                                        return match self.getitem_opt(&d, &kv[0])? {
                                            Some(v) => self.eq(&v, &kv[1]),
                                            None => Ok(false),
                                        };
                                    }
                                }
                            }
                            return Ok(false);
                        }
                        crate::object::ViewKind::Values => {}
                    }
                }
                _ => {}
            }
        }
        // Fall back to iteration.
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, "TypeError") => {
                return Err(self.type_error(format!("argument of type '{}' is not iterable", self.type_name(container))))
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The repeat count of `seq * n`: `None` when `n` is not an int.
fn repeat_count(vm: &mut Vm, n: &Value) -> Option<PyResult<usize>> {
    if as_num(n).is_none() && vm.user_dunder(n, "__index__").is_some() {
        return Some(vm.index_value(n).map(|k| k.max(0) as usize));
    }
    match as_num(n)? {
        Num::Int(i) => Some(match i.to_i64() {
            Some(k) => Ok(k.max(0) as usize),
            None if i < BigInt::zero() => Ok(0),
            None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        }),
        Num::Float(_) => None,
    }
}
