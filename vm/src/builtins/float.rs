//! `float` construction, methods and `round()`.

use crate::builtins::MethodTable;
use crate::format;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::{as_num, unwrap_base, Num};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("is_integer", float_is_integer),
    ("__format__", float_format),
    ("as_integer_ratio", float_ratio),
    ("hex", float_hex),
    ("conjugate", float_conjugate),
    ("__float__", float_conjugate),
    ("__int__", float_int),
    ("__trunc__", float_int),
];

/// The float value of an int or float argument.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match as_num(v) {
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Int(i)) => crate::object::int::int_to_f64(vm, &i),
        None => {
            if let Some(f) = vm.user_dunder(v, "__float__") {
                let r = vm.call_dunder(&f, v, &[])?;
                return to_f64(vm, &r);
            }
            if let Some(f) = vm.user_dunder(v, "__index__") {
                let r = vm.call_dunder(&f, v, &[])?;
                return to_f64(vm, &r);
            }
            Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
    }
}

fn this(vm: &Vm, v: &Value) -> PyResult<f64> {
    match unwrap_base(v) {
        Value::Float(f) => Ok(*f),
        _ => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "is_integer", 1, 1)?;
    let f = this(vm, &pos[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__format__", 2, 2)?;
    let f = this(vm, &pos[0])?;
    let spec = pos[1].as_str().unwrap_or("").to_string();
    vm.format(&Value::Float(f), &spec)
}

fn float_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "as_integer_ratio", 1, 1)?;
    let f = this(vm, &pos[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let mut m = f;
    let mut e = 0i32;
    while m.fract() != 0.0 {
        m *= 2.0;
        e += 1;
    }
    let num = crate::object::int::bigint_from_f64(m);
    let den = num_bigint::BigInt::from(1) << e as usize;
    let g = num_integer::Integer::gcd(&num, &den);
    Ok(vm.new_tuple(vec![Value::from_bigint(&num / &g), Value::from_bigint(&den / &g)]))
}

fn float_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "hex", 1, 1)?;
    let f = this(vm, &pos[0])?;
    if !f.is_finite() {
        return Ok(Value::string(format::float_repr(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let mut m = format!("{mant:013x}");
    while m.len() > 1 && m.ends_with('0') {
        m.pop();
    }
    Ok(Value::string(format!("{sign}0x{lead}.{m}p{}{e}", if e >= 0 { "+" } else { "" })))
}

fn float_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "conjugate", 1, 1)?;
    Ok(Value::Float(this(vm, &pos[0])?))
}

fn float_int(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__int__", 1, 1)?;
    let f = this(vm, &pos[0])?;
    crate::object::int::float_to_int(vm, f)
}

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "float", 0, 1)?;
    let Some(x) = pos.first() else { return Ok(Value::Float(0.0)) };
    if let Some(s) = unwrap_base(x).as_str() {
        return parse_float(vm, s);
    }
    if let Value::Obj(o) = unwrap_base(x) {
        if let Obj::Bytes(b) = &**o {
            let s = String::from_utf8_lossy(b).to_string();
            return parse_float(vm, &s);
        }
    }
    match as_num(x) {
        Some(Num::Float(f)) if vm.user_dunder(x, "__float__").is_none() => Ok(Value::Float(f)),
        Some(Num::Int(i)) if vm.user_dunder(x, "__float__").is_none() => Ok(Value::Float(crate::object::int::int_to_f64(vm, &i)?)),
        _ => {
            if vm.user_dunder(x, "__float__").is_some() || vm.user_dunder(x, "__index__").is_some() {
                return Ok(Value::Float(to_f64(vm, x)?));
            }
            Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
        }
    }
}

pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult<Value> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(Value::Float(if neg { -v } else { v }));
    }
    let clean: String = if t.contains('_') {
        // Underscores only between digits.
        let b = t.as_bytes();
        let ok = b.iter().enumerate().all(|(i, &c)| c != b'_' || (i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit()));
        if !ok {
            return Err(vm.value_error(format!("could not convert string to float: {}", crate::protocol::repr::str_repr(s))));
        }
        t.replace('_', "")
    } else {
        t.to_string()
    };
    let valid = !clean.is_empty() && clean.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) && clean.chars().any(|c| c.is_ascii_digit());
    match clean.parse::<f64>() {
        Ok(v) if valid => Ok(Value::Float(v)),
        _ => Err(vm.value_error(format!("could not convert string to float: {}", crate::protocol::repr::str_repr(s)))),
    }
}

/// `round(x[, ndigits])` for ints and floats.
pub fn round_value(vm: &mut Vm, v: &Value, nd: &Value) -> PyResult<Value> {
    match as_num(v) {
        Some(Num::Float(f)) => {
            if nd.is_none() {
                let r = format::round_half_even(f);
                return crate::object::int::float_to_int(vm, r);
            }
            let n = vm.index_value(nd)?;
            match format::float_round_checked(f, n) {
                Ok(r) => Ok(Value::Float(r)),
                Err(m) => Err(vm.overflow_error(m)),
            }
        }
        Some(Num::Int(i)) => {
            if nd.is_none() {
                return Ok(Value::from_bigint(i));
            }
            let n = vm.index_value(nd)?;
            if n >= 0 {
                return Ok(Value::from_bigint(i));
            }
            // Round half to even at 10**-n.
            let p = num_bigint::BigInt::from(10).pow((-n) as u32);
            let (q, r) = num_integer::Integer::div_mod_floor(&i, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
            Ok(Value::from_bigint(q * p))
        }
        None => Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(v)))),
    }
}
