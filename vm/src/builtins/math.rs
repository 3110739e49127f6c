//! The `math` module: every pure-arithmetic function of CPython 3.11's `math`, with
//! its special-value rules and messages ("math domain error" ValueError for invalid
//! arguments and singularities, "math range error" OverflowError for overflow).
//!
//! Float arguments go through `float::to_f64` (ints, `__float__`, `__index__`);
//! integer arguments through [`index_big`]. The `f64` algorithms themselves live in
//! `fmath.rs`; this file is argument handling and the int-valued functions
//! (`factorial`, `comb`, `perm`, `isqrt`, `gcd`, `lcm`).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::float::to_f64;
use crate::builtins::fmath::{self, MathErr, MathResult};
use crate::builtins::native;
use crate::object::func::Args;
use crate::protocol::numbers::float_to_int;
use crate::object::{Dict, NativeFn};
use crate::protocol::ops::{as_num, unwrap_base, BinOp, Num};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", atan2),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("ceil", ceil),
    ("comb", comb),
    ("copysign", copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", degrees),
    ("dist", dist),
    ("erf", erf),
    ("erfc", erfc),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", factorial),
    ("floor", floor),
    ("fmod", fmod),
    ("frexp", frexp),
    ("fsum", fsum),
    ("gamma", gamma),
    ("gcd", gcd),
    ("hypot", hypot),
    ("isclose", isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isqrt", isqrt),
    ("lcm", lcm),
    ("ldexp", ldexp),
    ("lgamma", lgamma),
    ("log", log),
    ("log10", log10),
    ("log1p", log1p),
    ("log2", log2),
    ("modf", modf),
    ("nextafter", nextafter),
    ("perm", perm),
    ("pow", pow),
    ("prod", prod),
    ("radians", radians),
    ("remainder", remainder),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", trunc),
    ("ulp", ulp),
];

pub fn fill(d: &mut Dict) {
    d.insert_str("pi", Value::Float(std::f64::consts::PI));
    d.insert_str("e", Value::Float(std::f64::consts::E));
    d.insert_str("tau", Value::Float(std::f64::consts::TAU));
    d.insert_str("inf", Value::Float(f64::INFINITY));
    d.insert_str("nan", Value::Float(f64::NAN));
    for (name, f) in FUNCTIONS {
        d.insert_str(name, native(name, *f));
    }
}

// ---- errors and argument helpers -------------------------------------------------

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn math_err(vm: &Vm, e: MathErr) -> PyErr {
    match e {
        MathErr::Domain => domain(vm),
        MathErr::Range => vm.overflow_error("math range error"),
    }
}

/// CPython names the module in this message for every function but `log`.
fn no_kwargs(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kw() {
        let prefix = if name == "log" { "" } else { "math." };
        return Err(vm.type_error(format!("{prefix}{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The single argument of a one-argument function (CPython's METH_O).
fn one<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    no_kwargs(vm, a, name)?;
    match a.pos() {
        [x] => Ok(x),
        p => Err(vm.type_error(format!("math.{name}() takes exactly one argument ({} given)", p.len()))),
    }
}

/// The arguments of a two-argument function.
fn two<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    no_kwargs(vm, a, name)?;
    match a.pos() {
        [x, y] => Ok((x, y)),
        p => Err(vm.type_error(format!("{name} expected 2 arguments, got {}", p.len()))),
    }
}

fn two_f64(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    let (x, y) = two(vm, a, name)?;
    Ok((to_f64(vm, x)?, to_f64(vm, y)?))
}

/// An integer argument (`operator.index`), as a big integer.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = unwrap_base(v).to_bigint() {
        return Ok(b);
    }
    if let Some(f) = vm.user_dunder(v, "__index__") {
        let r = vm.call_dunder(&f, v, &[])?;
        return match r.to_bigint() {
            Some(b) => Ok(b),
            None => Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r)))),
        };
    }
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity from a
/// finite argument is an overflow (`can_overflow`) or a singularity.
fn math_1(vm: &mut Vm, a: Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = one(vm, &a, name)?;
    let x = to_f64(vm, x)?;
    Ok(Value::Float(check_1(vm, x, f(x), can_overflow)?))
}

fn check_1(vm: &Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(math_err(vm, if can_overflow { MathErr::Range } else { MathErr::Domain }));
    }
    Ok(r)
}

/// CPython's `math_1a`: the function reports its own errors.
fn math_1a(vm: &mut Vm, a: Args, name: &str, f: fn(f64) -> MathResult) -> PyResult<Value> {
    let x = one(vm, &a, name)?;
    let x = to_f64(vm, x)?;
    f(x).map(Value::Float).map_err(|e| math_err(vm, e))
}

/// CPython's `math_2`.
fn math_2(vm: &mut Vm, a: Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (x, y) = two_f64(vm, &a, name)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(math_err(vm, MathErr::Range));
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            math_1(vm, a, stringify!($name), $f, $overflow)
        })*
    };
}

unary! {
    acos => f64::acos, false;
    acosh => fmath::acosh, false;
    asin => f64::asin, false;
    asinh => fmath::asinh, false;
    atan => f64::atan, false;
    atanh => fmath::atanh, false;
    cbrt => fmath::cbrt, false;
    cos => f64::cos, false;
    cosh => f64::cosh, true;
    erf => fmath::erf, false;
    erfc => fmath::erfc, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    fabs => f64::abs, false;
    log1p => fmath::log1p, false;
    sin => f64::sin, false;
    sinh => f64::sinh, true;
    sqrt => f64::sqrt, false;
    tan => f64::tan, false;
    tanh => f64::tanh, false;
}

fn gamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    math_1a(vm, a, "gamma", fmath::tgamma)
}

fn lgamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    math_1a(vm, a, "lgamma", fmath::lgamma)
}

fn atan2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    math_2(vm, a, "atan2", fmath::atan2)
}

fn copysign(vm: &mut Vm, a: Args) -> PyResult<Value> {
    math_2(vm, a, "copysign", f64::copysign)
}

fn remainder(vm: &mut Vm, a: Args) -> PyResult<Value> {
    math_2(vm, a, "remainder", fmath::remainder)
}

fn nextafter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two_f64(vm, &a, "nextafter")?;
    Ok(Value::Float(fmath::nextafter(x, y)))
}

fn fmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two_f64(vm, &a, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = two_f64(vm, &a, "pow")?;
    fmath::pow(x, y).map(Value::Float).map_err(|e| math_err(vm, e))
}

// ---- float-valued functions with their own shapes -----------------------------

fn degrees(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "degrees")?;
    Ok(Value::Float(to_f64(vm, x)? * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "radians")?;
    Ok(Value::Float(to_f64(vm, x)? * (std::f64::consts::PI / 180.0)))
}

fn isfinite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "isfinite")?;
    Ok(Value::Bool(to_f64(vm, x)?.is_finite()))
}

fn isinf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "isinf")?;
    Ok(Value::Bool(to_f64(vm, x)?.is_infinite()))
}

fn isnan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "isnan")?;
    Ok(Value::Bool(to_f64(vm, x)?.is_nan()))
}

fn ulp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "ulp")?;
    Ok(Value::Float(fmath::ulp(to_f64(vm, x)?)))
}

fn modf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "modf")?;
    let x = to_f64(vm, x)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn frexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "frexp")?;
    let (m, e) = fmath::frexp(to_f64(vm, x)?);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, i) = two(vm, &a, "ldexp")?;
    let x = to_f64(vm, x)?;
    let e = match as_num(i) {
        Some(Num::Int(b)) => b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    fmath::ldexp(x, e).map(Value::Float).map_err(|e| math_err(vm, e))
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.pos().len();
    if n > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({n} given)")));
    }
    for (k, _) in a.kw() {
        if !matches!(k, "a" | "b" | "rel_tol" | "abs_tol") {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for isclose()")));
        }
    }
    let x = a.get(0, "a").ok_or_else(|| vm.type_error("isclose() missing required argument 'a' (pos 1)"))?;
    let y = a.get(1, "b").ok_or_else(|| vm.type_error("isclose() missing required argument 'b' (pos 2)"))?;
    let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
    let rel_tol = match a.kwarg("rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match a.kwarg("abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol))
}

fn hypot(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "hypot")?;
    let mut coords = Vec::with_capacity(a.pos().len());
    for v in a.pos() {
        coords.push(to_f64(vm, v)?.abs());
    }
    Ok(Value::Float(norm(&coords)))
}

fn dist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (p, q) = two(vm, &a, "dist")?;
    let (p, q) = (vm.collect(p)?, vm.collect(q)?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(q.iter()) {
        let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
        diffs.push((x - y).abs());
    }
    Ok(Value::Float(norm(&diffs)))
}

/// The Euclidean norm of non-negative coordinates.
fn norm(v: &[f64]) -> f64 {
    let found_nan = v.iter().any(|x| x.is_nan());
    let max = v.iter().copied().filter(|x| !x.is_nan()).fold(0.0, f64::max);
    fmath::vector_norm(v, max, found_nan)
}

fn fsum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let seq = one(vm, &a, "fsum")?;
    let it = vm.iter(seq)?;
    let mut acc = fmath::FSum::default();
    while let Some(item) = vm.next(&it)? {
        let x = to_f64(vm, &item)?;
        acc.add(x).map_err(|e| fsum_err(vm, e))?;
    }
    acc.total().map(Value::Float).map_err(|e| fsum_err(vm, e))
}

fn fsum_err(vm: &Vm, e: fmath::FSumErr) -> PyErr {
    match e {
        fmath::FSumErr::Overflow => vm.overflow_error("intermediate overflow in fsum"),
        fmath::FSumErr::InfMinusInf => vm.value_error("-inf + inf in fsum"),
    }
}

fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.pos().len();
    if n != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({n} given)")));
    }
    if let Some((k, _)) = a.kw().find(|(k, _)| *k != "start") {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for prod()")));
    }
    let mut result = a.kwarg("start").cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(&a.pos()[0])?;
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(BinOp::Mul, &result, &item)?;
    }
    Ok(result)
}

// ---- logarithms ------------------------------------------------------------------

/// `m * 2**e == b` (rounded to 53 bits, half to even) with `0.5 <= m <= 1`, for a
/// positive int too large for a float.
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(55);
    let top = (b.magnitude() >> shift).to_u64().unwrap_or(u64::MAX);
    let sticky = b.trailing_zeros().is_some_and(|tz| tz < shift);
    let top = top | sticky as u64;
    (top as f64 * 2f64.powi(-((bits - shift) as i32)), bits)
}

/// CPython's `loghelper`: ints of any size (by bit length when too big for a
/// float), else `math_1` rules.
fn loghelper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(Num::Int(b)) = as_num(v) {
        if b.sign() != Sign::Plus {
            return Err(domain(vm));
        }
        return Ok(match b.to_f64() {
            Some(x) if x.is_finite() => f(x),
            _ => {
                let (m, e) = big_frexp(&b);
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = to_f64(vm, v)?;
    check_1(vm, x, f(x), false)
}

fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "log")?;
    let (x, base) = match a.pos() {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = loghelper(vm, x, f64::ln)?;
    let Some(base) = base else { return Ok(Value::Float(num)) };
    let den = loghelper(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn log2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "log2")?;
    loghelper(vm, x, f64::log2).map(Value::Float)
}

fn log10(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "log10")?;
    loghelper(vm, x, f64::log10).map(Value::Float)
}

// ---- rounding to int -------------------------------------------------------------

/// `floor`/`ceil`: exact floats directly, then the type's `dunder`, then ints as
/// themselves, then anything with `__float__`/`__index__`.
fn round_to_int(vm: &mut Vm, x: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Value::Float(v) = x {
        return float_to_int(vm, f(*v));
    }
    if let Some(m) = vm.user_dunder(x, dunder) {
        return vm.call_dunder(&m, x, &[]);
    }
    match as_num(x) {
        Some(Num::Int(i)) => Ok(Value::from_bigint(i)),
        Some(Num::Float(v)) => float_to_int(vm, f(v)),
        None => {
            let v = to_f64(vm, x)?;
            float_to_int(vm, f(v))
        }
    }
}

fn floor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "floor")?;
    round_to_int(vm, x, "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "ceil")?;
    round_to_int(vm, x, "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "trunc")?;
    if let Some(m) = vm.user_dunder(x, "__trunc__") {
        return vm.call_dunder(&m, x, &[]);
    }
    match as_num(x) {
        Some(Num::Int(i)) => Ok(Value::from_bigint(i)),
        Some(Num::Float(v)) => float_to_int(vm, v.trunc()),
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(x)))),
    }
}

// ---- integer functions -----------------------------------------------------------

fn isqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = one(vm, &a, "isqrt")?;
    let n = index_big(vm, n)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn gcd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "gcd")?;
    let mut g = BigInt::zero();
    for v in a.pos() {
        let x = index_big(vm, v)?;
        if !g.is_one() {
            g = g.gcd(&x);
        }
    }
    Ok(Value::from_bigint(g))
}

fn lcm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "lcm")?;
    let mut l = BigInt::one();
    for v in a.pos() {
        let x = index_big(vm, v)?;
        if !l.is_zero() {
            l = if x.is_zero() { x } else { (&l / l.gcd(&x) * &x).abs() };
        }
    }
    Ok(Value::from_bigint(l))
}

/// Refuse (MemoryError) a product of `count` factors of up to `bits` bits beyond
/// the interpreter's 2**32-bit integer guard, rather than exhausting memory.
fn check_product_size(vm: &Vm, count: u64, bits: u64) -> PyResult<()> {
    if count as f64 * bits as f64 > (1u64 << 32) as f64 {
        return Err(vm.err("MemoryError", ""));
    }
    Ok(())
}

/// `lo * (lo+1) * ... * (lo+count-1)`, by balanced splitting (fast big products).
fn range_product(lo: &BigInt, count: u64) -> BigInt {
    match count {
        0 => BigInt::one(),
        1 => lo.clone(),
        _ if count <= 16 => (0..count).fold(BigInt::one(), |acc, i| acc * (lo + i)),
        _ => {
            let half = count / 2;
            range_product(lo, half) * range_product(&(lo + half), count - half)
        }
    }
}

fn factorial_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)));
    };
    check_product_size(vm, n, 64 - n.leading_zeros() as u64)?;
    Ok(Value::from_bigint(range_product(&BigInt::one(), n)))
}

fn factorial(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = one(vm, &a, "factorial")?;
    factorial_of(vm, x)
}

/// The validated `(n, k)` of `comb`/`perm`.
fn n_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn comb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (n, k) = two(vm, &a, "comb")?;
    let (n, k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    check_product_size(vm, k, n.bits())?;
    let top = range_product(&(&n - k + 1u32), k);
    Ok(Value::from_bigint(top / range_product(&BigInt::one(), k)))
}

fn perm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "perm")?;
    let (n, k) = match a.pos() {
        [n] => (n, &Value::None),
        [n, k] => (n, k),
        [] => return Err(vm.type_error("perm expected at least 1 argument, got 0")),
        p => return Err(vm.type_error(format!("perm expected at most 2 arguments, got {}", p.len()))),
    };
    if k.is_none() {
        return factorial_of(vm, n);
    }
    let (n, k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    check_product_size(vm, k, n.bits())?;
    Ok(Value::from_bigint(range_product(&(&n - k + 1u32), k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_frexp_rounds() {
        let b = BigInt::one() << 2000u32;
        assert_eq!(big_frexp(&b), (0.5, 2001));
        let b = (BigInt::one() << 2000u32) - 1u32;
        assert_eq!(big_frexp(&b), (1.0, 2000));
    }

    #[test]
    fn range_products() {
        assert_eq!(range_product(&BigInt::one(), 20), BigInt::from(2432902008176640000u64));
        assert_eq!(range_product(&BigInt::from(5), 0), BigInt::one());
    }
}
