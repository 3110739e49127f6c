//! `int` and `float` arithmetic with CPython's semantics: floor division and modulo
//! round toward negative infinity, `**` with a negative exponent gives a float,
//! big integers appear on overflow, and errors carry CPython's messages.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::protocol::ops::BinOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Largest exponent accepted for an exact big power before refusing (memory guard).
const MAX_POW_BITS: u64 = 1 << 32;

/// `a <op> b` for two ints (i64 or big). `None`: the operator does not apply.
pub fn int_binop(vm: &Vm, op: BinOp, a: &BigInt, b: &BigInt) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => Ok(Value::from_bigint(a + b)),
        BinOp::Sub => Ok(Value::from_bigint(a - b)),
        BinOp::Mul => Ok(Value::from_bigint(a * b)),
        BinOp::FloorDiv => {
            if b.is_zero() {
                Err(vm.zero_division("integer division or modulo by zero"))
            } else {
                Ok(Value::from_bigint(a.div_floor(b)))
            }
        }
        BinOp::Mod => {
            if b.is_zero() {
                Err(vm.zero_division("integer modulo by zero"))
            } else {
                Ok(Value::from_bigint(a.mod_floor(b)))
            }
        }
        BinOp::TrueDiv => int_true_div(vm, a, b),
        BinOp::Pow => int_pow(vm, a, b),
        BinOp::LShift => match b.to_i64() {
            _ if b.is_negative() => Err(vm.value_error("negative shift count")),
            _ if a.is_zero() => Ok(Value::Int(0)),
            Some(n) if (n as u64) < MAX_POW_BITS => Ok(Value::from_bigint(a << n as usize)),
            _ => Err(shift_too_big(vm, a, b)),
        },
        BinOp::RShift => match b.to_i64() {
            Some(n) if n < 0 => Err(vm.value_error("negative shift count")),
            Some(n) => Ok(Value::from_bigint(if n > u32::MAX as i64 { if a.is_negative() { BigInt::from(-1) } else { BigInt::zero() } } else { a >> n as usize })),
            None => Ok(Value::Int(if a.is_negative() && !b.is_negative() { -1 } else { 0 })),
        },
        BinOp::And => Ok(Value::from_bigint(a & b)),
        BinOp::Or => Ok(Value::from_bigint(a | b)),
        BinOp::Xor => Ok(Value::from_bigint(a ^ b)),
        BinOp::MatMul => return None,
    };
    Some(r)
}

/// int / int, correctly rounded (half to even) for any sizes, subnormal results
/// included, as CPython's `long_true_divide`.
pub fn int_true_div(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    if b.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(Value::Float(x as f64 / y as f64));
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let (n, d) = (BigInt::from(a.magnitude().clone()), BigInt::from(b.magnitude().clone()));
    let q = match ratio_to_f64(&n, &d) {
        Some(q) => q,
        None => return Err(vm.overflow_error("integer division result too large for a float")),
    };
    Ok(Value::Float(if negative { -q } else { q }))
}

/// `n / d` for non-negative `n` and positive `d`, correctly rounded; `None` when
/// the result overflows a double.
fn ratio_to_f64(n: &BigInt, d: &BigInt) -> Option<f64> {
    if n.is_zero() {
        return Some(0.0);
    }
    // top = floor(log2(n / d)).
    let e = n.bits() as i64 - d.bits() as i64;
    let below = if e >= 0 { *n < (d << e as usize) } else { (n << (-e) as usize) < *d };
    let top = if below { e - 1 } else { e };
    if top > 1023 {
        return None;
    }
    // Keep 53 significant bits, fewer for subnormal results.
    let lsb = (top - 52).max(-1074);
    let (num, den) = if lsb >= 0 { (n.clone(), d << lsb as usize) } else { (n << (-lsb) as usize, d.clone()) };
    let (q, r) = num.div_rem(&den);
    let twice = r * 2u8;
    let q = if twice > den || (twice == den && q.is_odd()) { q + 1u8 } else { q };
    // q <= 2**53, so both conversions are exact; q * 2**lsb may round up to 2**1024.
    let scaled = q.to_f64()? * 2f64.powi(lsb.max(-1022) as i32) * 2f64.powi((lsb + 1022).min(0) as i32);
    scaled.is_finite().then_some(scaled)
}

/// The error of `a << b` beyond the memory guard: CPython's OverflowError when the
/// digit count exceeds its `ssize_t` bound, else the MemoryError of allocation.
fn shift_too_big(vm: &Vm, a: &BigInt, b: &BigInt) -> crate::vm::PyErr {
    const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
    let digits = b / 30u8 + (a.bits() / 30 + 2);
    match digits.to_u64() {
        Some(d) if d <= MAX_LONG_DIGITS => vm.err("MemoryError", ""),
        _ => vm.overflow_error("too many digits in integer"),
    }
}

pub fn int_pow(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    if b.is_negative() {
        let (x, y) = (int_to_f64(vm, a)?, int_to_f64(vm, b)?);
        return float_pow(vm, x, y);
    }
    if let Some(x) = a.to_i64() {
        match x {
            0 => return Ok(Value::Int(if b.is_zero() { 1 } else { 0 })),
            1 => return Ok(Value::Int(1)),
            -1 => return Ok(Value::Int(if b.is_even() { 1 } else { -1 })),
            _ => {}
        }
    }
    let Some(e) = b.to_u64() else { return Err(vm.err("MemoryError", "")) };
    if let (Some(x), true) = (a.to_i64(), e < 64) {
        if let Some(r) = x.checked_pow(e as u32) {
            return Ok(Value::Int(r));
        }
    }
    if a.bits().saturating_mul(e) > MAX_POW_BITS {
        return Err(vm.err("MemoryError", ""));
    }
    Ok(Value::from_bigint(a.pow(e as u32)))
}

/// `pow(a, b, m)`.
pub fn int_pow_mod(vm: &Vm, a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mut base = a.mod_floor(m);
    let mut exp = b.clone();
    if exp.is_negative() {
        // Modular inverse (3.8+).
        let g = base.extended_gcd(m);
        if !g.gcd.abs().is_one_like() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(m);
        exp = -exp;
    }
    let r = base.modpow(&exp, &m.abs());
    let r = if m.is_negative() && !r.is_zero() { r + m } else { r };
    Ok(Value::from_bigint(r))
}

trait OneLike {
    fn is_one_like(&self) -> bool;
}
impl OneLike for BigInt {
    fn is_one_like(&self) -> bool {
        self.to_i64() == Some(1)
    }
}

pub fn int_to_f64(vm: &Vm, a: &BigInt) -> PyResult<f64> {
    match a.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// `x <op> y` for floats.
pub fn float_binop(vm: &Vm, op: BinOp, x: f64, y: f64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => Ok(Value::Float(x + y)),
        BinOp::Sub => Ok(Value::Float(x - y)),
        BinOp::Mul => Ok(Value::Float(x * y)),
        BinOp::TrueDiv => {
            if y == 0.0 {
                Err(vm.zero_division("float division by zero"))
            } else {
                Ok(Value::Float(x / y))
            }
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                Err(vm.zero_division("float floor division by zero"))
            } else {
                Ok(Value::Float(float_divmod(x, y).0))
            }
        }
        BinOp::Mod => {
            if y == 0.0 {
                Err(vm.zero_division("float modulo"))
            } else {
                Ok(Value::Float(float_divmod(x, y).1))
            }
        }
        BinOp::Pow => float_pow(vm, x, y),
        _ => return None,
    };
    Some(r)
}

/// CPython's `float_divmod`: floor quotient and remainder with the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // A negative base with a fractional exponent gives a complex result.
        let (r, theta) = (x.abs().powf(y), std::f64::consts::PI * y);
        return Ok(Value::obj(crate::object::NewObj::Complex(r * theta.cos(), r * theta.sin())));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// Python's `int(x)` for a float: truncation, with CPython's errors.
pub fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(bigint_from_f64(t)))
}

pub fn bigint_from_f64(x: f64) -> BigInt {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// Compare an int with a float exactly (CPython compares without rounding the int).
pub fn cmp_int_float(a: &BigInt, x: f64) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let t = x.trunc();
    let ti = bigint_from_f64(t);
    match a.cmp(&ti) {
        std::cmp::Ordering::Equal => {
            let frac = x - t;
            Some(if frac > 0.0 {
                std::cmp::Ordering::Less
            } else if frac < 0.0 {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            })
        }
        o => Some(o),
    }
}

pub fn sign_of(a: &BigInt) -> Sign {
    a.sign()
}
