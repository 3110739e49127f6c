//! Pure `f64` numerics behind the `math` module: the C library functions Rust's
//! standard library does not expose (or computes in Rust, differently from glibc:
//! `cbrt`, `asinh`, `acosh`, `atanh`), and the
//! algorithms CPython implements itself — the Lanczos gamma and lgamma, the exact
//! `fsum` (Shewchuk / Hettinger / Dickinson), the scaled `hypot` vector norm, the
//! IEEE `remainder`, and the special-value wrappers for `pow`, `atan2` and `log`.
//! Results are bit-identical to CPython 3.11 on the same libm.

// Coefficients are written with the digits of their published sources.
#![allow(clippy::excessive_precision)]

use std::f64::consts::PI;
use std::os::raw::c_int;

/// Why a computation failed, as CPython's `errno` convention: EDOM → ValueError
/// "math domain error", ERANGE → OverflowError "math range error".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathErr {
    Domain,
    Range,
}

pub type MathResult = Result<f64, MathErr>;

mod c {
    use std::os::raw::c_int;
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn frexp(x: f64, e: *mut c_int) -> f64;
        pub fn ldexp(x: f64, e: c_int) -> f64;
    }
}

// SAFETY (all wrappers below): the C functions are pure, take plain doubles and, for
// frexp, a pointer to a live local.
pub fn erf(x: f64) -> f64 {
    unsafe { c::erf(x) }
}
pub fn erfc(x: f64) -> f64 {
    unsafe { c::erfc(x) }
}
pub fn asinh(x: f64) -> f64 {
    unsafe { c::asinh(x) }
}
pub fn acosh(x: f64) -> f64 {
    unsafe { c::acosh(x) }
}
pub fn atanh(x: f64) -> f64 {
    unsafe { c::atanh(x) }
}

/// The cube root, by glibc's method (Rust links its own `cbrt`, which rounds
/// differently): a degree-6 polynomial guess on the mantissa in [0.5, 1), one
/// Halley step, then the exponent divided by three with 2**(1/3) corrections.
pub fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let poly = [-0.145263899385486377, 0.784932344976639262, -1.83469277483613086, 2.44693122563534430, -2.11499494167371287, 1.50819193781584896];
    let u = 0.354895765043919860 + poly.iter().skip(1).fold(poly[0] * xm, |acc, c| (c + acc) * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64).unwrap_or(f64::INFINITY)
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1`; `(x, 0)` for zeros, inf and nan.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut e: c_int = 0;
    let m = unsafe { c::frexp(x, &mut e) };
    (m, e)
}

/// `ldexp` with CPython's clamping of the exponent to the C int range.
pub fn ldexp(x: f64, e: i64) -> MathResult {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let r = if e > c_int::MAX as i64 {
        f64::INFINITY.copysign(x)
    } else if e < c_int::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        unsafe { c::ldexp(x, e as c_int) }
    };
    if r.is_infinite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

/// `log1p`, keeping the sign of a zero argument.
pub fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// `atan2` with C99 Annex F special values handled before libm.
pub fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let q = if x.is_sign_positive() { 0.25 } else { 0.75 };
            return (q * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

/// IEEE 754 remainder: `x - n*y` with `n` the nearest integer (ties to even). Exact.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.pow`: IEEE special values first, then libm, with CPython's error mapping.
pub fn pow(x: f64, y: f64) -> MathResult {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(MathErr::Domain);
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { MathErr::Domain } else { MathErr::Range });
    }
    Ok(r)
}

/// `sin(pi*x)`, accurate for integral and near-integral `x` (finite `x` only).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// Denominator coefficients: x*(x+1)*...*(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum as a rational function, rescaled in 1/x for large x.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// The gamma function (CPython's `m_tgamma`).
pub fn tgamma(x: f64) -> MathResult {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(MathErr::Domain) };
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(small_factorial(x as u64 - 1) as f64);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(MathErr::Range) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF { (y - absx) - LANCZOS_G_MINUS_HALF } else { (y - LANCZOS_G_MINUS_HALF) - absx };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

/// `n!` for `n <= 22`, exact in an f64 (used by `tgamma`).
fn small_factorial(n: u64) -> u128 {
    (1..=n as u128).product()
}

/// The natural log of |gamma(x)| (CPython's `m_lgamma`).
pub fn lgamma(x: f64) -> MathResult {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(MathErr::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

/// Exact summation state for `math.fsum`: non-overlapping partials plus the
/// special values seen.
#[derive(Default)]
pub struct FSum {
    partials: Vec<f64>,
    special: f64,
    inf: f64,
}

/// How `FSum` failed, with CPython's messages.
#[derive(Debug, PartialEq, Eq)]
pub enum FSumErr {
    /// OverflowError "intermediate overflow in fsum"
    Overflow,
    /// ValueError "-inf + inf in fsum"
    InfMinusInf,
}

impl FSum {
    pub fn add(&mut self, mut x: f64) -> Result<(), FSumErr> {
        let xsave = x;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(FSumErr::Overflow);
                }
                if xsave.is_infinite() {
                    self.inf += xsave;
                }
                self.special += xsave;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum.
    pub fn total(&self) -> Result<f64, FSumErr> {
        if self.special != 0.0 {
            if self.inf.is_nan() {
                return Err(FSumErr::InfMinusInf);
            }
            return Ok(self.special);
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials (sum([1e-16, 1, 1e16]) rounds up).
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        Ok(hi)
    }
}

/// sqrt(sum(x*x for x in v)) for non-negative `v` whose largest element is `max`,
/// accurate to within a hair of correct rounding (CPython's `vector_norm`).
pub fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1, the Veltkamp-Dekker split constant
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: divide by max instead.
        let (mut csum, mut frac) = (1.0f64, 0.0f64);
        for &x in v {
            let x = x / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac).sqrt();
    }
    let scale = ldexp(1.0, -(max_e as i64)).unwrap_or(1.0);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    /// Neumaier step: add `x` to `csum`, keeping the rounding error in `frac`.
    fn acc(x: f64, frac: &mut f64, csum: &mut f64) {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    }
    for &x in v {
        let x = x * scale;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        acc(hi * hi, &mut frac1, &mut csum);
        acc(2.0 * hi * lo, &mut frac2, &mut csum);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let t = h * T27;
    let hi = t - (t - h);
    let lo = h - hi;
    acc(-hi * hi, &mut frac1, &mut csum);
    acc(-2.0 * hi * lo, &mut frac2, &mut csum);
    acc(-lo * lo, &mut frac3, &mut csum);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// `ulp(x)`: the value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = x.next_up();
    if up.is_infinite() {
        return x - x.next_down();
    }
    up - x
}

/// `nextafter(x, y)`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x == y {
        return y;
    }
    if y > x {
        x.next_up()
    } else {
        x.next_down()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        let mut s = FSum::default();
        for x in [1e-16, 1.0, 1e16] {
            s.add(x).unwrap();
        }
        assert_eq!(s.total(), Ok(10000000000000002.0));
        let mut s = FSum::default();
        for _ in 0..10 {
            s.add(0.1).unwrap();
        }
        assert_eq!(s.total(), Ok(1.0));
    }

    #[test]
    fn gamma_small_integers() {
        assert_eq!(tgamma(5.0), Ok(24.0));
        assert_eq!(tgamma(-1.0), Err(MathErr::Domain));
        assert_eq!(lgamma(1.0), Ok(0.0));
    }

    #[test]
    fn remainder_ties_to_even() {
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert_eq!(remainder(3.0, 2.0), -1.0);
    }
}
