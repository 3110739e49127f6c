//! `set` and `frozenset`: construction, operators, methods; dict key/item views
//! share the set operators.

use std::cell::RefCell;

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::{Dict, Obj, ViewKind};
use crate::protocol::ops::{unwrap_base, BinOp, CmpOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const SET_METHODS: MethodTable = &[
    ("__init__", set_init),
    ("add", set_add),
    ("discard", set_discard),
    ("remove", set_remove),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update),
    ("symmetric_difference_update", set_symmetric_difference_update),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

pub const FROZENSET_METHODS: MethodTable = &[
    ("copy", set_copy),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

pub const VIEW_METHODS: MethodTable = &[("isdisjoint", set_isdisjoint)];

/// The keys of a set, frozenset or dict view as a set table.
fn table_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Dict>> {
    Ok(match unwrap_base(v) {
        Value::Obj(o) => match &**o {
            Obj::Set(d) => Some(d.borrow().clone()),
            Obj::FrozenSet(d) => Some(d.clone()),
            Obj::DictView { dict, kind } if *kind != ViewKind::Values => {
                let s = view_to_set(vm, dict, *kind)?;
                return table_of(vm, &s);
            }
            _ => None,
        },
        _ => None,
    })
}

/// A set of the keys (or items) of a dict.
pub fn view_to_set(vm: &mut Vm, dict: &Value, kind: ViewKind) -> PyResult<Value> {
    let items = vm.collect(&Value::obj(Obj::DictView { dict: dict.clone(), kind }))?;
    let mut d = Dict::new();
    for x in items {
        d.insert(vm, x, Value::None)?;
    }
    Ok(Value::obj(Obj::Set(RefCell::new(d))))
}

fn table_from_iter(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    if let Some(t) = table_of(vm, v)? {
        return Ok(t);
    }
    let mut d = Dict::new();
    for x in vm.collect(v)? {
        d.insert(vm, x, Value::None)?;
    }
    Ok(d)
}

fn make(frozen: bool, d: Dict) -> Value {
    if frozen {
        Value::obj(Obj::FrozenSet(d))
    } else {
        Value::obj(Obj::Set(RefCell::new(d)))
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(unwrap_base(v), Value::Obj(o) if matches!(&**o, Obj::FrozenSet(_)))
}

pub fn set_new(vm: &mut Vm, frozen: bool, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, if frozen { "frozenset" } else { "set" }, 0, 1)?;
    let d = match pos.first() {
        Some(v) => table_from_iter(vm, v)?,
        None => Dict::new(),
    };
    Ok(make(frozen, d))
}

fn op_tables(vm: &mut Vm, op: BinOp, x: &Dict, y: &Dict) -> PyResult<Dict> {
    let mut out = Dict::new();
    match op {
        BinOp::Or => {
            out = x.clone();
            for e in y.iter() {
                out.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
            }
        }
        BinOp::And => {
            for e in x.iter() {
                if y.get_hashed(vm, e.hash, &e.key)?.is_some() {
                    out.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
                }
            }
        }
        BinOp::Sub => {
            for e in x.iter() {
                if y.get_hashed(vm, e.hash, &e.key)?.is_none() {
                    out.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
                }
            }
        }
        _ => {
            for e in x.iter() {
                if y.get_hashed(vm, e.hash, &e.key)?.is_none() {
                    out.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
                }
            }
            for e in y.iter() {
                if x.get_hashed(vm, e.hash, &e.key)?.is_none() {
                    out.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
                }
            }
        }
    }
    Ok(out)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; `None` if `b` is not a set.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let r = (|| -> PyResult<Option<Value>> {
        let (Some(x), Some(y)) = (table_of(vm, a)?, table_of(vm, b)?) else { return Ok(None) };
        let d = op_tables(vm, op, &x, &y)?;
        Ok(Some(make(is_frozen(a), d)))
    })();
    match r {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// `a |= b` & co. in place; `None` if `b` is not a set.
pub fn set_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<()>> {
    let r = (|| -> PyResult<Option<()>> {
        let (Some(x), Some(y)) = (table_of(vm, a)?, table_of(vm, b)?) else { return Ok(None) };
        let d = op_tables(vm, op, &x, &y)?;
        if let Value::Obj(o) = unwrap_base(a) {
            if let Obj::Set(s) = &**o {
                *s.borrow_mut() = d;
            }
        }
        Ok(Some(()))
    })();
    r.transpose()
}

fn subset(vm: &mut Vm, x: &Dict, y: &Dict) -> PyResult<bool> {
    if x.len() > y.len() {
        return Ok(false);
    }
    for e in x.iter() {
        if y.get_hashed(vm, e.hash, &e.key)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let x = table_of(vm, a)?.unwrap_or_default();
    let y = table_of(vm, b)?.unwrap_or_default();
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset(vm, &x, &y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(vm, &x, &y)?),
        CmpOp::Le => subset(vm, &x, &y)?,
        CmpOp::Lt => x.len() < y.len() && subset(vm, &x, &y)?,
        CmpOp::Ge => subset(vm, &y, &x)?,
        CmpOp::Gt => x.len() > y.len() && subset(vm, &y, &x)?,
    })
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RefCell<Dict>> {
    match unwrap_base(v) {
        Value::Obj(o) => match &**o {
            Obj::Set(d) => Ok(d),
            _ => Err(vm.type_error("descriptor requires a 'set' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

fn set_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "set", 1, 2)?;
    let d = match pos.get(1) {
        Some(v) => table_from_iter(vm, v)?,
        None => Dict::new(),
    };
    *this(vm, &pos[0])?.borrow_mut() = d;
    Ok(Value::None)
}

fn set_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "add", 2, 2)?;
    vm.set_add(&pos[0], pos[1].clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "discard", 2, 2)?;
    let s = this(vm, &pos[0])?;
    s.borrow_mut().remove(vm, &pos[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "remove", 2, 2)?;
    let s = this(vm, &pos[0])?;
    let r = s.borrow_mut().remove(vm, &pos[1])?;
    match r {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(pos[1].clone())),
    }
}

fn set_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pop", 1, 1)?;
    let r = this(vm, &pos[0])?.borrow_mut().pop_first();
    match r {
        Some((k, _)) => Ok(k),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "clear", 1, 1)?;
    this(vm, &pos[0])?.borrow_mut().clear();
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "copy", 1, 1)?;
    let d = table_of(vm, &pos[0])?.unwrap_or_default();
    Ok(make(is_frozen(&pos[0]), d))
}

fn multi(vm: &mut Vm, a: Args, op: BinOp, name: &str) -> PyResult<Value> {
    let pos = a.check(vm, name, 1, usize::MAX)?;
    let mut acc = table_of(vm, &pos[0])?.unwrap_or_default();
    for other in &pos[1..] {
        let t = table_from_iter(vm, other)?;
        acc = op_tables(vm, op, &acc, &t)?;
    }
    Ok(make(is_frozen(&pos[0]), acc))
}

fn set_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi(vm, a, BinOp::Or, "union")
}
fn set_intersection(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi(vm, a, BinOp::And, "intersection")
}
fn set_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi(vm, a, BinOp::Sub, "difference")
}
fn set_symmetric_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi(vm, a, BinOp::Xor, "symmetric_difference")
}

fn multi_update(vm: &mut Vm, a: Args, op: BinOp, name: &str) -> PyResult<Value> {
    let r = multi(vm, a, op, name)?;
    let d = table_of(vm, &r)?.unwrap_or_default();
    *this(vm, &a.pos()[0])?.borrow_mut() = d;
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi_update(vm, a, BinOp::Or, "update")
}
fn set_intersection_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi_update(vm, a, BinOp::And, "intersection_update")
}
fn set_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi_update(vm, a, BinOp::Sub, "difference_update")
}
fn set_symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    multi_update(vm, a, BinOp::Xor, "symmetric_difference_update")
}

fn set_issubset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "issubset", 2, 2)?;
    let x = table_of(vm, &pos[0])?.unwrap_or_default();
    let y = table_from_iter(vm, &pos[1])?;
    Ok(Value::Bool(subset(vm, &x, &y)?))
}

fn set_issuperset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "issuperset", 2, 2)?;
    let x = table_of(vm, &pos[0])?.unwrap_or_default();
    let y = table_from_iter(vm, &pos[1])?;
    Ok(Value::Bool(subset(vm, &y, &x)?))
}

fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "isdisjoint", 2, 2)?;
    let x = table_of(vm, &pos[0])?.unwrap_or_default();
    let y = table_from_iter(vm, &pos[1])?;
    let i = op_tables(vm, BinOp::And, &x, &y)?;
    Ok(Value::Bool(i.is_empty()))
}
