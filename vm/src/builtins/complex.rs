//! `complex`: construction (numbers, `__complex__`, strings such as `'(1+2j)'`),
//! arithmetic with CPython's algorithms (Smith's division, exact integer powers by
//! repeated squaring, `c_pow` otherwise) and errors, and methods.

use crate::builtins::float::{parse_float_text, to_f64};
use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::protocol::numbers::int_to_f64;
use crate::object::Obj;
use crate::protocol::ops::{as_num, unwrap_base, BinOp, Num};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("conjugate", complex_conjugate),
    ("__complex__", complex_complex),
    ("__abs__", complex_abs),
    ("__neg__", complex_neg),
    ("__pos__", complex_complex),
    ("__bool__", complex_bool),
    ("__getnewargs__", complex_getnewargs),
];

type C = (f64, f64);

fn new(c: C) -> Value {
    Value::obj(crate::object::NewObj::Complex(c.0, c.1))
}

/// The complex payload of a complex value (or subclass instance).
fn as_complex(v: &Value) -> Option<C> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Complex(re, im) => Some((*re, *im)),
            _ => None,
        },
        _ => None,
    }
}

/// An operand of complex arithmetic: complex, int or float (`None`: not a number).
/// Ints too large for a float raise OverflowError, as in CPython.
fn parts(vm: &Vm, v: &Value) -> Option<PyResult<C>> {
    if let Some(c) = as_complex(v) {
        return Some(Ok(c));
    }
    Some(match as_num(v)? {
        Num::Int(i) => int_to_f64(vm, &i).map(|x| (x, 0.0)),
        Num::Float(f) => Ok((f, 0.0)),
    })
}

pub fn complex_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let x = match parts(vm, a)? {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match parts(vm, b)? {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(new((x.0 + y.0, x.1 + y.1))),
        BinOp::Sub => Ok(new((x.0 - y.0, x.1 - y.1))),
        BinOp::Mul => Ok(new(mul(x, y))),
        BinOp::TrueDiv => match quot(x, y) {
            Some(q) => Ok(new(q)),
            None => Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Pow => pow(vm, x, y).map(new),
        _ => return None,
    })
}

fn mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's algorithm, as CPython's `_Py_c_quot`; `None` for a zero divisor.
fn quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one NaN in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b`: integral real exponents up to 100 by repeated squaring, else polar.
fn pow(vm: &Vm, a: C, b: C) -> PyResult<C> {
    let zero_error = || vm.zero_division("0.0 to a negative or complex power");
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            powu(a, n as u64)
        } else {
            quot((1.0, 0.0), powu(a, n.unsigned_abs())).ok_or_else(zero_error)?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_error());
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `x ** n` by binary exponentiation (CPython's `c_powu`).
fn powu(x: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<C> {
    let pos = a.check(vm, name, 1, 1)?;
    as_complex(&pos[0]).ok_or_else(|| vm.type_error(format!("descriptor '{name}' requires a 'complex' object")))
}

fn complex_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = this(vm, &a, "conjugate")?;
    Ok(new((re, -im)))
}

fn complex_complex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(new(this(vm, &a, "__complex__")?))
}

fn complex_neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = this(vm, &a, "__neg__")?;
    Ok(new((-re, -im)))
}

fn complex_bool(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = this(vm, &a, "__bool__")?;
    Ok(Value::Bool(re != 0.0 || im != 0.0))
}

fn complex_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = this(vm, &a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::Float(re), Value::Float(im)]))
}

/// `abs(z)`: inf if either part is, else nan if either is, else the hypotenuse.
pub fn complex_abs_value(vm: &Vm, (re, im): C) -> PyResult<f64> {
    if re.is_infinite() || im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if re.is_nan() || im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn complex_abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = this(vm, &a, "__abs__")?;
    complex_abs_value(vm, c).map(Value::Float)
}

/// `complex(real=0, imag=0)`.
pub fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "complex", 0, 2)?;
    if let Some((k, _)) = a.kw().find(|(k, _)| !matches!(*k, "real" | "imag")) {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for complex()")));
    }
    let r = a.get(0, "real");
    let i = a.get(1, "imag");
    if let Some(s) = r.and_then(|r| unwrap_base(r).as_str()) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s).map(new).ok_or_else(|| vm.value_error("complex() arg is a malformed string"));
    }
    if i.is_some_and(|i| unwrap_base(i).as_str().is_some()) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let (cr, cr_is_complex) = match r {
        Some(r) => operand(vm, r, true)?,
        None => ((0.0, 0.0), false),
    };
    let Some(i) = i else { return Ok(new(cr)) };
    let (ci, ci_is_complex) = operand(vm, i, false)?;
    // real + imag*1j, computed only where a part is really complex (keeps -0.0).
    let re = if ci_is_complex { cr.0 - ci.1 } else { cr.0 };
    let im = if cr_is_complex { ci.0 + cr.1 } else { ci.0 };
    Ok(new((re, im)))
}

/// An argument of `complex()`: `__complex__`, a complex, or a real number
/// (`__float__`/`__index__` included). The flag: it was complex.
fn operand(vm: &mut Vm, v: &Value, first: bool) -> PyResult<(C, bool)> {
    if let Some(f) = vm.user_dunder(v, "__complex__") {
        let r = vm.call_dunder(&f, v, &[])?;
        return match as_complex(&r) {
            Some(c) => Ok((c, true)),
            None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_name(&r)))),
        };
    }
    if let Some(c) = as_complex(v) {
        return Ok((c, true));
    }
    let numeric = as_num(v).is_some() || vm.user_dunder(v, "__float__").is_some() || vm.user_dunder(v, "__index__").is_some();
    if !numeric {
        let t = vm.type_name(v);
        return Err(vm.type_error(if first {
            format!("complex() first argument must be a string or a number, not '{t}'")
        } else {
            format!("complex() second argument must be a number, not '{t}'")
        }));
    }
    Ok(((to_f64(vm, v)?, 0.0), false))
}

/// `complex('...')`: `[(] real | imagj | real±imagj [)]`, whitespace only around
/// the whole and inside the parentheses; `j` alone means 1j.
pub fn parse_complex(s: &str) -> Option<C> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        t = inner.trim();
    }
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return None;
    }
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((real_part(t)?, 0.0));
    };
    // The imaginary part starts at the last sign not inside an exponent.
    let b = body.as_bytes();
    let split = (1..b.len()).rev().find(|&k| matches!(b[k], b'+' | b'-') && !matches!(b[k - 1], b'e' | b'E'));
    match split {
        Some(k) => Some((real_part(&body[..k])?, imag_part(&body[k..])?)),
        None => Some((0.0, imag_part(body)?)),
    }
}

fn real_part(s: &str) -> Option<f64> {
    if s.starts_with(['+', '-']) && s[1..].starts_with(['+', '-']) {
        return None;
    }
    parse_float_text(s)
}

/// The coefficient of `j`: empty or a bare sign means ±1.
fn imag_part(s: &str) -> Option<f64> {
    match s {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => real_part(s),
    }
}

/// `complex == int/float` exactly (CPython compares a huge int without rounding);
/// for `native_compare` in protocol/ops.rs, which now rounds the int.
pub fn eq_real(c: C, other: &Value) -> Option<bool> {
    let n = as_num(other)?;
    if c.1 != 0.0 {
        return Some(false);
    }
    Some(match n {
        Num::Float(f) => c.0 == f,
        Num::Int(i) => crate::protocol::numbers::cmp_int_float(&i, c.0) == Some(std::cmp::Ordering::Equal),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" ( -j ) "), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1e5-2.5e-2J"), Some((1e5, -0.025)));
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex("1+2"), None);
        assert_eq!(parse_complex("()"), None);
    }

    #[test]
    fn integer_powers_are_exact() {
        assert_eq!(powu((1.0, 1.0), 10), (0.0, 32.0));
        assert_eq!(powu((0.0, 1.0), 3), (-0.0, -1.0));
    }
}
