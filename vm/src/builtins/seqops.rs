//! Dunder methods of `list`, `tuple` and `range` that can be called explicitly
//! (`list.__getitem__(l, 0)`, `super().__setitem__(i, v)` in a subclass, ...).
//! They check the receiver and delegate to the operator protocol on the wrapped
//! built-in value, so subclass instances reach the native behaviour.

use crate::builtins::list::margs;
use crate::object::func::Args;
use crate::object::{IterState, Obj};
use crate::protocol::iter::new_iter;
use crate::protocol::ops::{unwrap_base, BinOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    List,
    Tuple,
    Range,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::List => "list",
            Kind::Tuple => "tuple",
            Kind::Range => "range",
        }
    }

    fn matches(self, v: &Value) -> bool {
        match unwrap_base(v) {
            Value::Obj(o) => matches!(
                (self, o.view()),
                (Kind::List, Obj::List(_)) | (Kind::Tuple, Obj::Tuple(_)) | (Kind::Range, Obj::Range { .. })
            ),
            _ => false,
        }
    }
}

/// The wrapped built-in receiver and the other arguments.
fn recv<'a>(vm: &Vm, a: &Args<'a>, kind: Kind, name: &str, n: usize) -> PyResult<(Value, &'a [Value])> {
    let (slf, rest) = margs(vm, a, kind.name(), name, n, n)?;
    if !kind.matches(slf) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            kind.name(),
            vm.type_name(slf)
        )));
    }
    Ok((unwrap_base(slf).clone(), rest))
}

fn getitem(vm: &mut Vm, a: Args, kind: Kind) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, kind, "__getitem__", 1)?;
    vm.getitem(&s, &rest[0])
}
fn len(vm: &mut Vm, a: Args, kind: Kind) -> PyResult<Value> {
    let (s, _) = recv(vm, &a, kind, "__len__", 0)?;
    Ok(Value::Int(crate::builtins::functions::length(vm, &s)? as i64))
}
fn contains(vm: &mut Vm, a: Args, kind: Kind) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, kind, "__contains__", 1)?;
    Ok(Value::Bool(vm.contains(&s, &rest[0])?))
}
fn iter(vm: &mut Vm, a: Args, kind: Kind) -> PyResult<Value> {
    let (s, _) = recv(vm, &a, kind, "__iter__", 0)?;
    vm.iter(&s)
}
fn reversed(vm: &mut Vm, a: Args, kind: Kind) -> PyResult<Value> {
    let (s, _) = recv(vm, &a, kind, "__reversed__", 0)?;
    if let Value::Obj(o) = &s {
        if let Obj::Range { start, step, .. } = o.view() {
            let n = crate::builtins::range::range_len(o) as i64;
            let (start, step) = (*start as i128, *step as i128);
            let last = start + (n as i128 - 1) * step;
            let (next, stop, step) = (last, start - step, -step);
            if n == 0 {
                return Ok(new_iter(IterState::Exhausted));
            }
            if let (Ok(next), Ok(stop), Ok(step)) = (i64::try_from(next), i64::try_from(stop), i64::try_from(step)) {
                return Ok(new_iter(IterState::Range { next, stop, step }));
            }
        }
    }
    let n = crate::builtins::functions::length(vm, &s)?;
    Ok(new_iter(IterState::Reversed { seq: s, index: n }))
}
/// `seq + other` (same type only, else CPython's concatenation error) and
/// `seq * n` (`n` must be an index).
fn binop(vm: &mut Vm, a: Args, kind: Kind, name: &str, op: BinOp) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, kind, name, 1)?;
    if op == BinOp::Add {
        if !kind.matches(&rest[0]) {
            let t = kind.name();
            return Err(vm.type_error(format!(
                "can only concatenate {t} (not \"{}\") to {t}",
                vm.type_name(&rest[0])
            )));
        }
        let other = unwrap_base(&rest[0]).clone();
        return vm.binary_op(op, &s, &other);
    }
    let n = vm.index_value(&rest[0])?;
    vm.binary_op(op, &s, &Value::Int(n))
}

pub fn list_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    getitem(vm, a, Kind::List)
}
pub fn list_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, Kind::List, "__setitem__", 2)?;
    vm.setitem(&s, rest[0].clone(), rest[1].clone())?;
    Ok(Value::None)
}
pub fn list_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, Kind::List, "__delitem__", 1)?;
    vm.delitem(&s, &rest[0])?;
    Ok(Value::None)
}
pub fn list_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    len(vm, a, Kind::List)
}
pub fn list_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    contains(vm, a, Kind::List)
}
pub fn list_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    iter(vm, a, Kind::List)
}
pub fn list_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    reversed(vm, a, Kind::List)
}
pub fn list_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, Kind::List, "__add__", BinOp::Add)
}
pub fn list_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, Kind::List, "__mul__", BinOp::Mul)
}
/// `l += it`: extends by any iterable, returns the list itself.
pub fn list_iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, Kind::List, "__iadd__", 1)?;
    let items = vm.collect(&rest[0])?;
    if let Some(l) = crate::builtins::list_of(&s) {
        l.borrow_mut().extend(items);
    }
    Ok(a.args[0].clone())
}
pub fn list_imul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, &a, Kind::List, "__imul__", 1)?;
    let n = vm.index_value(&rest[0])?.max(0) as usize;
    if let Some(l) = crate::builtins::list_of(&s) {
        let orig = l.borrow().clone();
        if orig.len().saturating_mul(n) > (1 << 34) {
            return Err(vm.err("MemoryError", ""));
        }
        let mut v = Vec::with_capacity(orig.len() * n);
        for _ in 0..n {
            v.extend(orig.iter().cloned());
        }
        *l.borrow_mut() = v;
    }
    Ok(a.args[0].clone())
}
pub fn unhashable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = a.args.first().map(|v| vm.type_name(v).to_string()).unwrap_or_else(|| "list".into());
    Err(vm.type_error(format!("unhashable type: '{name}'")))
}

pub fn tuple_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    getitem(vm, a, Kind::Tuple)
}
pub fn tuple_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    len(vm, a, Kind::Tuple)
}
pub fn tuple_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    contains(vm, a, Kind::Tuple)
}
pub fn tuple_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    iter(vm, a, Kind::Tuple)
}
pub fn tuple_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, Kind::Tuple, "__add__", BinOp::Add)
}
pub fn tuple_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    binop(vm, a, Kind::Tuple, "__mul__", BinOp::Mul)
}

pub fn range_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    getitem(vm, a, Kind::Range)
}
pub fn range_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    len(vm, a, Kind::Range)
}
pub fn range_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    contains(vm, a, Kind::Range)
}
pub fn range_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    iter(vm, a, Kind::Range)
}
pub fn range_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    reversed(vm, a, Kind::Range)
}
