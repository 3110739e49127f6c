//! `range`: construction, length, indexing, membership.

use crate::builtins::{seqops, MethodTable};
use crate::object::func::Args;
use crate::object::{Obj, ObjRef};
use num_traits::ToPrimitive;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("index", range_index),
    ("count", range_count),
    ("__getitem__", seqops::range_getitem),
    ("__len__", seqops::range_len),
    ("__contains__", seqops::range_contains),
    ("__iter__", seqops::range_iter),
    ("__reversed__", seqops::range_reversed),
];

fn parts(o: &ObjRef) -> (i64, i64, i64) {
    match o.view() {
        Obj::Range { start, stop, step } => (*start, *stop, *step),
        _ => (0, 0, 1),
    }
}

pub fn range_len(o: &ObjRef) -> usize {
    let (start, stop, step) = parts(o);
    let n = if step > 0 && start < stop {
        (stop as i128 - start as i128 - 1) / step as i128 + 1
    } else if step < 0 && start > stop {
        (start as i128 - stop as i128 - 1) / (-(step as i128)) + 1
    } else {
        0
    };
    n as usize
}

/// Equality key of a range: ranges are equal when they produce the same items.
pub fn range_items_key(o: &ObjRef) -> (usize, i64, i64) {
    let (start, _, step) = parts(o);
    let n = range_len(o);
    match n {
        0 => (0, 0, 0),
        1 => (1, start, 0),
        _ => (n, start, step),
    }
}

pub fn range_contains(o: &ObjRef, item: &Value) -> Option<bool> {
    let x = match item {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let (start, stop, step) = parts(o);
    let inside = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
    Some(inside && (x as i128 - start as i128) % step as i128 == 0)
}

pub fn range_getitem(vm: &mut Vm, o: &ObjRef, key: &Value) -> PyResult<Value> {
    let (start, _, step) = parts(o);
    let n = range_len(o) as i64;
    if let Value::Obj(k) = key {
        if let Obj::Slice { start: a, stop: b, step: c } = k.view() {
            let (s, e, st) = crate::protocol::subscr::slice_indices(vm, a, b, c, n)?;
            return Ok(Value::obj(crate::object::NewObj::Range { start: start + s * step, stop: start + e * step, step: step * st }));
        }
    }
    let i = match vm.index_value(key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key)))),
    };
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::Int(start + j * step))
}

pub fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "range", 1, 3)?;
    let mut ints = Vec::with_capacity(3);
    let mut big = Vec::with_capacity(3);
    for v in pos {
        big.push(crate::builtins::longrange::index_big(vm, v)?);
    }
    // Bounds beyond i64 make a long range (`longrange.rs`).
    if big.iter().any(|b| b.to_i64().is_none()) {
        let one = num_bigint::BigInt::from(1);
        let (start, stop, step) = match big.len() {
            1 => (num_bigint::BigInt::from(0), big[0].clone(), one),
            2 => (big[0].clone(), big[1].clone(), one),
            _ => (big[0].clone(), big[1].clone(), big[2].clone()),
        };
        if step == num_bigint::BigInt::from(0) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        return Ok(crate::builtins::longrange::new(start, stop, step));
    }
    for b in &big {
        ints.push(b.to_i64().unwrap_or(0));
    }
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(crate::object::NewObj::Range { start, stop, step }))
}

fn this(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.view(), Obj::Range { .. }) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor 'index' for 'range' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

/// Items of a range equal to `x`, for a non-int `x` (`range(3).count(1.0)`):
/// CPython falls back to a sequence search.
fn search(vm: &mut Vm, o: &ObjRef, x: &Value, first_only: bool) -> PyResult<(i64, Option<i64>)> {
    let (start, _, step) = parts(o);
    let n = range_len(o) as i64;
    let mut count = 0;
    let mut first = None;
    for i in 0..n {
        let v = Value::Int(start + i * step);
        if vm.eq(&v, x)? {
            count += 1;
            if first.is_none() {
                first = Some(i);
                if first_only {
                    break;
                }
            }
        }
    }
    Ok((count, first))
}

fn is_exact_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
}

/// `index`/`count` of a long range for an int argument (`None`: not one).
fn long_position(vm: &mut Vm, slf: &Value, x: &Value) -> PyResult<Option<Option<Value>>> {
    let Value::Obj(o) = slf else { return Ok(None) };
    let Obj::LongRange(r) = o.view() else { return Ok(None) };
    match crate::builtins::longrange::position(r.long_range(), x) {
        Some(p) => Ok(Some(p)),
        None => Err(vm.type_error("range.index()/count() of a range beyond 64 bits takes an int")),
    }
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, rest) = crate::builtins::list::margs(vm, &a, "range", "index", 1, 1)?;
    if let Some(p) = long_position(vm, slf, &rest[0])? {
        return match p {
            Some(i) => Ok(i),
            None => {
                let r = vm.repr_string(&rest[0])?;
                Err(vm.value_error(format!("{r} is not in range")))
            }
        };
    }
    let o = this(vm, slf)?;
    let x = &rest[0];
    if is_exact_int(x) {
        if range_contains(&o, x) == Some(true) {
            let (start, _, step) = parts(&o);
            let x = vm.index_value(x)?;
            return Ok(Value::Int((x - start) / step));
        }
    } else if let (_, Some(i)) = search(vm, &o, x, true)? {
        return Ok(Value::Int(i));
    }
    if is_exact_int(x) {
        let r = vm.repr_string(x)?;
        return Err(vm.value_error(format!("{r} is not in range")));
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, rest) = crate::builtins::list::margs(vm, &a, "range", "count", 1, 1)?;
    if let Some(p) = long_position(vm, slf, &rest[0])? {
        return Ok(Value::Int(p.is_some() as i64));
    }
    let o = this(vm, slf)?;
    if is_exact_int(&rest[0]) {
        return Ok(Value::Int((range_contains(&o, &rest[0]) == Some(true)) as i64));
    }
    let (n, _) = search(vm, &o, &rest[0], false)?;
    Ok(Value::Int(n))
}
