//! `float` construction (`float(x)`, decimal strings with CPython's syntax), methods
//! (`hex`/`fromhex`, `as_integer_ratio`, `__round__`, ...) and `round()`.
//!
//! `float.fromhex` is a class method (the class comes first); `float.__getformat__`
//! is found unbound on the class and accepts a leading float receiver or none.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

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
    ("fromhex", float_fromhex),
    ("conjugate", float_conjugate),
    ("__float__", float_float),
    ("__pos__", float_pos),
    ("__neg__", float_neg),
    ("__abs__", float_abs),
    ("__int__", float_int),
    ("__trunc__", float_trunc),
    ("__floor__", float_floor),
    ("__ceil__", float_ceil),
    ("__round__", float_round),
    ("__getnewargs__", float_getnewargs),
    ("__getformat__", float_getformat),
];

/// The float value of an int or float argument.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match as_num(v) {
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Int(i)) => crate::protocol::numbers::int_to_f64(vm, &i),
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
    let num = crate::protocol::numbers::bigint_from_f64(m);
    let den = num_bigint::BigInt::from(1) << e as usize;
    let g = num_integer::Integer::gcd(&num, &den);
    Ok(vm.new_tuple(vec![Value::from_bigint(&num / &g), Value::from_bigint(&den / &g)]))
}

/// `float.hex()`: always 13 hex digits of fraction, as CPython.
fn float_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "hex", 1, 1)?;
    let f = this(vm, &pos[0])?;
    if !f.is_finite() {
        return Ok(Value::string(format::float_repr(f)));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(Value::string(format!("{sign}0x{lead}.{mant:013x}p{}{e}", if e >= 0 { "+" } else { "" })))
}

/// `float.fromhex(s)`: a class method, so the class comes first.
fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut pos = a.check(vm, "fromhex", 1, 2)?;
    let mut cls = None;
    if let [Value::Obj(o), rest @ ..] = pos {
        if o.as_class().is_some() {
            cls = Some(Value::Obj(o.clone()));
            pos = rest;
        }
    }
    let [s] = pos else {
        return Err(vm.type_error(format!("fromhex() takes exactly one argument ({} given)", pos.len())));
    };
    let Some(s) = s.as_str() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    match parse_hex_float(s) {
        // A subclass gets `cls(result)`, as CPython.
        Ok(v) => match cls {
            Some(c) if !c.is(&Value::Obj(vm.types.float.clone())) => vm.call(&c, Args::new(&[Value::Float(v)])),
            _ => Ok(Value::Float(v)),
        },
        Err(HexErr::Invalid) => Err(vm.value_error("invalid hexadecimal floating-point string")),
        Err(HexErr::Overflow) => Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
    }
}

/// The arguments after a float receiver, when a class-level native was called
/// through an instance.
fn skip_float_receiver(pos: &[Value]) -> &[Value] {
    match pos {
        [Value::Float(_), rest @ ..] if !rest.is_empty() => rest,
        _ => pos,
    }
}

enum HexErr {
    Invalid,
    Overflow,
}

/// `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]`, or inf/nan,
/// correctly rounded (half to even), subnormals included.
fn parse_hex_float(s: &str) -> Result<f64, HexErr> {
    let t = s.trim().to_ascii_lowercase();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let signed = |v: f64| if neg { -v } else { v };
    match body {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(signed(f64::NAN)),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let hex_ok = |p: &str| p.chars().all(|c| c.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(HexErr::Invalid);
    }
    let exp = match exp {
        None => 0i64,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(HexErr::Invalid);
            }
            // Saturate: anything beyond ±2**62 overflows or underflows anyway.
            let mag = digits.parse::<i64>().unwrap_or(1 << 62).min(1 << 62);
            if e.starts_with('-') { -mag } else { mag }
        }
    };
    let digits = format!("{int_part}{frac_part}");
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let e = exp - 4 * frac_part.len() as i64;
    round_to_f64(&m, e).map(signed)
}

/// `m * 2**e` correctly rounded to a double.
fn round_to_f64(m: &BigInt, e: i64) -> Result<f64, HexErr> {
    if m.is_zero() {
        return Ok(0.0);
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + e;
    if top > 1023 {
        return Err(HexErr::Overflow);
    }
    let lsb = (top - 52).max(-1074);
    let shift = lsb - e;
    let q = if shift <= 0 {
        m << (-shift) as usize
    } else if shift > bits {
        return Ok(0.0);
    } else {
        let shift = shift as usize;
        let q = m >> shift;
        let rem = m - (&q << shift);
        let half = BigInt::from(1) << (shift - 1);
        if rem > half || (rem == half && q.is_odd()) {
            q + 1
        } else {
            q
        }
    };
    let q = q.to_f64().unwrap_or(f64::INFINITY);
    let r = crate::builtins::fmath::ldexp(q, lsb).unwrap_or(f64::INFINITY);
    if r.is_infinite() {
        return Err(HexErr::Overflow);
    }
    Ok(r)
}

macro_rules! float_unary {
    ($($fn_name:ident => $py:literal, $f:expr;)*) => {
        $(fn $fn_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let pos = a.check(vm, $py, 1, 1)?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Float(f(this(vm, &pos[0])?)))
        })*
    };
}

float_unary! {
    float_conjugate => "conjugate", |x| x;
    float_float => "__float__", |x| x;
    float_pos => "__pos__", |x| x;
    float_neg => "__neg__", |x| -x;
    float_abs => "__abs__", f64::abs;
}

/// `__int__`/`__trunc__`/`__floor__`/`__ceil__`: `f` then conversion to int.
fn float_to_int_by(vm: &mut Vm, a: Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let pos = a.check(vm, name, 1, 1)?;
    let x = this(vm, &pos[0])?;
    crate::protocol::numbers::float_to_int(vm, f(x))
}

fn float_int(vm: &mut Vm, a: Args) -> PyResult<Value> {
    float_to_int_by(vm, a, "__int__", f64::trunc)
}

fn float_trunc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    float_to_int_by(vm, a, "__trunc__", f64::trunc)
}

fn float_floor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    float_to_int_by(vm, a, "__floor__", f64::floor)
}

fn float_ceil(vm: &mut Vm, a: Args) -> PyResult<Value> {
    float_to_int_by(vm, a, "__ceil__", f64::ceil)
}

fn float_round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__round__", 1, 2)?;
    let x = Value::Float(this(vm, &pos[0])?);
    round_value(vm, &x, pos.get(1).unwrap_or(&Value::None))
}

fn float_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__getnewargs__", 1, 1)?;
    let x = this(vm, &pos[0])?;
    Ok(vm.new_tuple(vec![Value::Float(x)]))
}

/// `float.__getformat__(typestr)`.
fn float_getformat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = skip_float_receiver(a.check(vm, "__getformat__", 1, 2)?);
    match pos.first().and_then(|v| v.as_str()) {
        Some("double" | "float") if pos.len() == 1 => Ok(Value::str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(vm.type_error("__getformat__() argument must be str")),
    }
}

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "float", 0, 1)?;
    let Some(x) = pos.first() else { return Ok(Value::Float(0.0)) };
    if let Some(s) = unwrap_base(x).as_str() {
        return parse_float(vm, s);
    }
    if let Value::Obj(o) = unwrap_base(x) {
        match o.view() {
            Obj::Bytes(b) => return parse_float(vm, &String::from_utf8_lossy(b)),
            Obj::ByteArray(b) => {
                let s = String::from_utf8_lossy(&b.borrow()).into_owned();
                return parse_float(vm, &s);
            }
            _ => {}
        }
    }
    match as_num(x) {
        Some(Num::Float(f)) if vm.user_dunder(x, "__float__").is_none() => Ok(Value::Float(f)),
        Some(Num::Int(i)) if vm.user_dunder(x, "__float__").is_none() => Ok(Value::Float(crate::protocol::numbers::int_to_f64(vm, &i)?)),
        _ => {
            if vm.user_dunder(x, "__float__").is_some() || vm.user_dunder(x, "__index__").is_some() {
                return Ok(Value::Float(to_f64(vm, x)?));
            }
            Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
        }
    }
}

/// A non-ASCII Unicode decimal digit as its ASCII digit (CPython accepts them).
fn ascii_digit(c: char) -> char {
    if c.is_ascii() || !c.is_numeric() {
        return c;
    }
    match format::parse_int_literal(c.encode_utf8(&mut [0; 4]), 10).ok().and_then(|d| d.to_u32()) {
        Some(d) => char::from_digit(d, 10).unwrap_or(c),
        None => c,
    }
}

pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult<Value> {
    match parse_float_text(s) {
        Some(v) => Ok(Value::Float(v)),
        None => Err(vm.value_error(format!("could not convert string to float: {}", crate::protocol::repr::str_repr(s)))),
    }
}

/// A decimal float literal as `float()` accepts it: surrounding whitespace,
/// Unicode digits, `_` between digits, `inf`/`infinity`/`nan` in any case.
pub fn parse_float_text(s: &str) -> Option<f64> {
    let ascii: String = s.chars().map(ascii_digit).collect();
    let t = ascii.trim();
    let lower = t.to_ascii_lowercase();
    let (neg, body) = match lower.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let b = t.as_bytes();
    // Underscores only between digits.
    let underscores_ok = b.iter().enumerate().all(|(i, &c)| {
        c != b'_' || (i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    });
    let clean = t.replace('_', "");
    let valid = underscores_ok
        && clean.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && clean.chars().any(|c| c.is_ascii_digit());
    clean.parse::<f64>().ok().filter(|_| valid)
}

/// `round(x[, ndigits])` for ints and floats.
pub fn round_value(vm: &mut Vm, v: &Value, nd: &Value) -> PyResult<Value> {
    match as_num(v) {
        Some(Num::Float(f)) => {
            if nd.is_none() {
                let r = format::round_half_even(f);
                return crate::protocol::numbers::float_to_int(vm, r);
            }
            // CPython clamps ndigits to the ssize_t range for floats.
            let n = crate::builtins::math::index_big(vm, nd)?;
            let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
            match format::float_round_checked(f, n) {
                Ok(r) => Ok(Value::Float(r)),
                Err(m) => Err(vm.overflow_error(m)),
            }
        }
        Some(Num::Int(i)) => {
            if nd.is_none() {
                return Ok(Value::from_bigint(i));
            }
            let n = crate::builtins::math::index_big(vm, nd)?;
            crate::builtins::int::round_int(vm, &i, &n)
        }
        None => Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(v)))),
    }
}
