//! `range` objects whose bounds do not fit in i64 (`range(1 << 1000)`, what
//! `_collections_abc` makes to name `longrange_iterator`). Ranges that fit keep the
//! compact i64 payload (`range.rs`); this one holds big integers. Its type is `range`
//! and it iterates as a `longrange_iterator`, as in CPython. Served: repr, len (an
//! OverflowError beyond what an index holds, as CPython's `len()`), truth, `==` and
//! hash, `in` and indexing by an int, `start`/`stop`/`step` and iteration. Not served:
//! slicing and the `range.index`/`count` methods (TypeError).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::heap::Foreign;
use crate::object::{ForeignView, Kind, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct LongRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

// SAFETY: Kind::LongRange is used by LongRange alone.
unsafe impl Foreign for LongRange {
    const KIND: Kind = Kind::LongRange;

    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}

    fn clear(&self) {}
}

impl<'a> ForeignView<'a> {
    /// The range behind an `Obj::LongRange` view.
    #[inline]
    pub fn long_range(self) -> &'a LongRange {
        self.0.foreign::<LongRange>().expect("a LongRange view holds a range")
    }
}

/// An int value as a big integer (`__index__` applied).
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Int(b) => Ok(b.clone()),
            _ => {
                if let Some(f) = vm.user_dunder(v, "__index__") {
                    let r = vm.call_dunder(&f, v, &[])?;
                    if r.to_bigint().is_none() {
                        return Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r))));
                    }
                    return index_big(vm, &r);
                }
                Ok(BigInt::from(vm.index_value(v)?))
            }
        },
        _ => Ok(BigInt::from(vm.index_value(v)?)),
    }
}

/// `range(start, stop, step)` with big bounds (step already checked non-zero).
pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    Value::Obj(ObjRef::new_foreign(LongRange { start, stop, step }))
}

/// CPython's `compute_range_length`.
pub fn len(r: &LongRange) -> BigInt {
    let (lo, hi, step) = if r.step.is_positive() {
        (&r.start, &r.stop, r.step.clone())
    } else {
        (&r.stop, &r.start, -r.step.clone())
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - BigInt::one()).div_floor(&step) + BigInt::one()
}

/// `len(r)`: an index-sized length, or CPython's OverflowError.
pub fn len_usize(vm: &Vm, r: &LongRange) -> PyResult<usize> {
    len(r).to_usize().filter(|n| *n <= i64::MAX as usize).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

pub fn repr(r: &LongRange) -> String {
    if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// The attributes `start`, `stop` and `step`.
pub fn attr(r: &LongRange, name: &str) -> Option<Value> {
    match name {
        "start" => Some(Value::from_bigint(r.start.clone())),
        "stop" => Some(Value::from_bigint(r.stop.clone())),
        "step" => Some(Value::from_bigint(r.step.clone())),
        _ => None,
    }
}

/// What makes two ranges equal (CPython's `range_equals`): length, then first item,
/// then step (None where they do not matter).
pub fn key(r: &LongRange) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let n = len(r);
    if n.is_zero() {
        (n, None, None)
    } else if n.is_one() {
        (n, Some(r.start.clone()), None)
    } else {
        (n, Some(r.start.clone()), Some(r.step.clone()))
    }
}

/// The equality key of any range value, if `v` is one.
pub fn key_of(v: &Value) -> Option<(BigInt, Option<BigInt>, Option<BigInt>)> {
    let Value::Obj(o) = v else { return None };
    match o.view() {
        Obj::LongRange(r) => Some(key(r.long_range())),
        Obj::Range { start, stop, step } => {
            Some(key(&LongRange { start: BigInt::from(*start), stop: BigInt::from(*stop), step: BigInt::from(*step) }))
        }
        _ => None,
    }
}

/// `hash(r)`: the hash of `(len, start, step)` with None for what does not matter.
pub fn hash(vm: &mut Vm, r: &LongRange) -> PyResult<i64> {
    let (n, s, st) = key(r);
    let opt = |b: Option<BigInt>| b.map(Value::from_bigint).unwrap_or(Value::None);
    let t = vm.new_tuple(vec![Value::from_bigint(n), opt(s), opt(st)]);
    vm.hash(&t)
}

/// `x in r` for an int `x` (`None` for other values: the caller compares items).
pub fn contains(r: &LongRange, x: &Value) -> Option<bool> {
    let x = match x {
        Value::Bool(b) => BigInt::from(*b as i64),
        _ => x.to_bigint()?,
    };
    let inside = if r.step.is_positive() { r.start <= x && x < r.stop } else { r.stop < x && x <= r.start };
    Some(inside && (&x - &r.start).mod_floor(&r.step).is_zero())
}

/// `r[i]` for an int `i`.
pub fn getitem(vm: &mut Vm, r: &LongRange, key: &Value) -> PyResult<Value> {
    if matches!(key, Value::Obj(k) if matches!(k.view(), Obj::Slice { .. })) {
        return Err(vm.type_error("slicing a range whose bounds exceed 64 bits is not supported"));
    }
    let i = match index_big(vm, key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key)))),
    };
    let n = len(r);
    let j = if i.is_negative() { i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(&r.start + j * &r.step))
}

/// `reversed(r)`: from the last item down.
pub fn reversed_state(r: &LongRange) -> crate::object::IterState {
    let n = len(r);
    let last = if n.is_zero() { r.start.clone() } else { &r.start + (&n - BigInt::one()) * &r.step };
    crate::object::IterState::LongRange(Box::new(crate::object::LongRangeIter { next: last, step: -r.step.clone(), left: n }))
}

/// `r.index(x)` / `r.count(x)` for an int `x`: its position, if it is an item.
pub fn position(r: &LongRange, x: &Value) -> Option<Option<Value>> {
    let found = contains(r, x)?;
    let xb = match x {
        Value::Bool(b) => BigInt::from(*b as i64),
        _ => x.to_bigint()?,
    };
    Some(found.then(|| Value::from_bigint((xb - &r.start) / &r.step)))
}

/// The `longrange_iterator` state: next value, step and items left.
pub fn iter_state(r: &LongRange) -> crate::object::IterState {
    crate::object::IterState::LongRange(Box::new(crate::object::LongRangeIter { next: r.start.clone(), step: r.step.clone(), left: len(r) }))
}
