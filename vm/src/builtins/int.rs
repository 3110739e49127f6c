//! `int` construction and methods.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", int_conjugate),
    ("__index__", int_conjugate),
    ("__int__", int_conjugate),
    ("__float__", int_float),
    ("__format__", int_format),
    ("as_integer_ratio", int_ratio),
    ("is_integer", int_is_integer),
    ("to_bytes", int_to_bytes),
];

fn big(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    unwrap_base(v).to_bigint().ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

fn int_bit_length(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "bit_length", 1, 1)?;
    Ok(Value::Int(big(vm, &pos[0])?.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "bit_count", 1, 1)?;
    let b = big(vm, &pos[0])?;
    Ok(Value::Int(b.magnitude().count_ones() as i64))
}

fn int_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "conjugate", 1, 1)?;
    Ok(Value::from_bigint(big(vm, &pos[0])?))
}

fn int_float(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__float__", 1, 1)?;
    let b = big(vm, &pos[0])?;
    Ok(Value::Float(crate::object::int::int_to_f64(vm, &b)?))
}

fn int_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__format__", 2, 2)?;
    let v = unwrap_base(&pos[0]).clone();
    let spec = pos[1].as_str().unwrap_or("").to_string();
    vm.format(&v, &spec)
}

fn int_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "as_integer_ratio", 1, 1)?;
    let b = big(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

fn int_is_integer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "is_integer", 1, 1)?;
    Ok(Value::Bool(true))
}

fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "to_bytes", 1, 3)?;
    let b = big(vm, &a.pos()[0])?;
    let length = match a.get(1, "length") {
        Some(v) => vm.index_value(v)? as usize,
        None => 1,
    };
    let order = a.get(2, "byteorder").and_then(|v| v.as_str().map(String::from)).unwrap_or_else(|| "big".into());
    let signed = match a.kwarg("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length && !(b.bits() == 0 && length == 0) {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::obj(Obj::Bytes(bytes.into_boxed_slice())))
}

/// `int(x=0)` / `int(s, base)`.
pub fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "int", 0, 2)?;
    let Some(x) = a.get(0, "x").cloned() else {
        return Ok(Value::Int(0));
    };
    let base = a.get(1, "base").cloned();
    if let Some(base) = base {
        let b = vm.index_value(&base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let s = match unwrap_base(&x) {
            Value::Obj(o) => match &**o {
                Obj::Str(s) => s.as_str().to_string(),
                Obj::Bytes(b) => String::from_utf8_lossy(b).to_string(),
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            },
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return parse(vm, &s, b as u32);
    }
    if let Some(f) = vm.user_dunder(&x, "__int__") {
        return vm.call_dunder(&f, &x, &[]);
    }
    if let Some(f) = vm.user_dunder(&x, "__index__") {
        return vm.call_dunder(&f, &x, &[]);
    }
    if let Some(f) = vm.user_dunder(&x, "__trunc__") {
        return vm.call_dunder(&f, &x, &[]);
    }
    match unwrap_base(&x) {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => crate::object::int::float_to_int(vm, *f),
        Value::Obj(o) => match &**o {
            Obj::Int(_) => Ok(unwrap_base(&x).clone()),
            Obj::Str(s) => {
                let s = s.as_str().to_string();
                parse(vm, &s, 10)
            }
            Obj::Bytes(b) => {
                let s = String::from_utf8_lossy(b).to_string();
                parse(vm, &s, 10)
            }
            _ => Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(&x)
            ))),
        },
        _ => Err(vm.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(&x)
        ))),
    }
}

fn parse(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    let digits = s.trim().trim_start_matches(['+', '-']).len();
    if digits > 4300 && base != 0 && !matches!(base, 2 | 4 | 8 | 16 | 32) {
        return Err(vm.value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    match crate::format::parse_int_literal(s, base) {
        Ok(b) => Ok(Value::from_bigint(b)),
        Err(()) => {
            let r = crate::protocol::repr::str_repr(s);
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

pub fn to_i64(v: &BigInt) -> Option<i64> {
    v.to_i64()
}
