//! Float to text, as CPython 3.11 does it: `Python/pystrtod.c`
//! (`PyOS_double_to_string` / `format_float_short`, which drive David Gay's
//! `dtoa` in modes 0, 2 and 3), `format_float_internal` of
//! `Python/formatter_unicode.c`, and `float.__round__` / `double_round` of
//! `Objects/floatobject.c`.
//!
//! Digit generation uses Rust's `{:e}` (shortest round-trip) and
//! `{:.N}` / `{:.Ne}` (exact, round-half-even on the binary value), which
//! produce the same digits as `dtoa`.

use super::spec::{
    check_grouping, layout_number, parse_spec_for, unknown_code, FormatSpec, NumberParts,
};
use num_bigint::BigInt;
use num_integer::Integer;

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write `+` or `-`.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: append `.0` to integral non-exponent output.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#` (keep the point, and trailing zeros for `g`).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: a result that rounds to zero is not negative.
    pub no_neg_0: bool,
}

/// Digits as `dtoa` returns them: no leading or trailing zeros (`"0"` for
/// zero), and `decpt`, the position of the decimal point
/// (value = 0.DIGITS × 10^decpt).
struct Digits {
    digits: String,
    decpt: i64,
}

/// Split Rust's `d.ddde±x` output into dtoa-style digits.
fn from_exp_string(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    normalize(&digits, exp + 1)
}

/// Strip leading/trailing zeros, adjusting `decpt`; all zeros gives "0", 1.
fn normalize(digits: &str, decpt: i64) -> Digits {
    let trimmed = digits.trim_start_matches('0');
    let decpt = decpt - (digits.len() - trimmed.len()) as i64;
    let trimmed = trimmed.trim_end_matches('0');
    if trimmed.is_empty() {
        return Digits {
            digits: "0".into(),
            decpt: 1,
        };
    }
    Digits {
        digits: trimmed.into(),
        decpt,
    }
}

/// dtoa mode 0: shortest digits that round-trip; among strings of that
/// length, the one nearest to x (ties to even), as dtoa picks it. Rust's
/// shortest mode may pick the other candidate of an exact tie, so the
/// correctly rounded string of the same length is preferred when it
/// round-trips.
fn shortest_digits(x: f64) -> Digits {
    let x = x.abs();
    let shortest = from_exp_string(&format!("{:e}", x));
    let n = shortest.digits.len();
    let nearest = format!("{:.*e}", n - 1, x);
    if nearest.parse::<f64>().ok() == Some(x) {
        return from_exp_string(&nearest);
    }
    shortest
}

/// dtoa mode 2: `n >= 1` significant digits, correctly rounded.
fn significant_digits(x: f64, n: usize) -> Digits {
    from_exp_string(&format!("{:.*e}", n - 1, x.abs()))
}

/// dtoa mode 3: `n` digits after the decimal point, correctly rounded.
fn fixed_digits(x: f64, n: usize) -> Digits {
    let s = format!("{:.*}", n, x.abs());
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut all = String::with_capacity(s.len());
    all.push_str(int_part);
    all.push_str(frac);
    normalize(&all, int_part.len() as i64)
}

/// `PyOS_double_to_string(x, code, precision, flags, NULL)`.
///
/// `code` is one of `e E f F g G r` (`r` = repr, precision ignored).
/// Upper-case codes give `E`, `INF`, `NAN`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_sign_negative() && x.is_infinite() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (d, precision) = match code {
        'e' => {
            let p = precision.saturating_add(1);
            (significant_digits(x, p), p)
        }
        'f' => (fixed_digits(x, precision), precision),
        'g' => {
            let p = precision.max(1);
            (significant_digits(x, p), p)
        }
        _ => (shortest_digits(x), 0),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && d.digits == "0" {
        negative = false;
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    write_digits(&mut out, &d, code, precision as i64, flags, upper);
    out
}

/// The digit-placement part of `format_float_short`.
fn write_digits(
    out: &mut String,
    d: &Digits,
    code: char,
    precision: i64,
    flags: DtoaFlags,
    upper: bool,
) {
    let digits = d.digits.as_bytes();
    let ndig = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vend = ndig;
    match code {
        'e' => {
            use_exp = true;
            vend = precision;
        }
        'f' => vend = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let exp = decpt - 1;
    if use_exp {
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    let vend = vend.max(min_end);

    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let start_len = out.len();
    if decpt <= 0 {
        zeros(out, decpt - vstart);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vstart);
    }
    if 0 < decpt && decpt <= ndig {
        out.push_str(&d.digits[..decpt as usize]);
        out.push('.');
        out.push_str(&d.digits[decpt as usize..]);
    } else {
        out.push_str(&d.digits);
    }
    if ndig < decpt {
        zeros(out, decpt - ndig);
        out.push('.');
        zeros(out, vend - decpt);
    } else {
        zeros(out, vend - ndig);
    }
    if out.len() > start_len && out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// `'%.{prec}f' % x`.
pub fn format_fixed(x: f64, prec: usize) -> String {
    double_to_string(x, 'f', prec, DtoaFlags::default())
}

/// `'%.{prec}e' % x` (`E` when `upper`).
pub fn format_exp(x: f64, prec: usize, upper: bool) -> String {
    double_to_string(x, if upper { 'E' } else { 'e' }, prec, DtoaFlags::default())
}

/// `'%.{prec}g' % x` (`G` when `upper`, `#` when `alternate`).
pub fn format_general(x: f64, prec: usize, upper: bool, alternate: bool) -> String {
    let flags = DtoaFlags {
        alt: alternate,
        ..DtoaFlags::default()
    };
    double_to_string(x, if upper { 'G' } else { 'g' }, prec, flags)
}

/// `float.__format__(x, spec)`: parse `spec` and format.
pub fn float_format_spec(x: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    format_float(x, &parse_spec_for(spec, "float")?)
}

/// `format(x, spec)` for a float with an already parsed spec
/// (CPython's `format_float_internal`). Types: none, `e E f F g G n %`.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, "float")),
    }
    check_grouping(spec, spec.ty)?;
    let precision = spec.precision;
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut code = spec.ty.unwrap_or('r');
    let mut value = x;
    let mut percent = false;
    match code {
        'r' => flags.add_dot_0 = true,
        'n' => code = 'g',
        '%' => {
            code = 'f';
            value *= 100.0;
            percent = true;
        }
        _ => {}
    }
    let prec = match precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None if code == 'r' => 0,
        None => 6,
    };
    let mut text = double_to_string(value, code, prec, flags);
    if percent {
        text.push('%');
    }
    Ok(layout_float(&text, spec))
}

/// Split a `double_to_string` result into sign / integer digits / rest and
/// pad it per the spec (digits grouped; `n` uses the C locale: no grouping).
fn layout_float(text: &str, spec: &FormatSpec) -> String {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let ndigits = body.bytes().take_while(u8::is_ascii_digit).count();
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..ndigits],
        rest: &body[ndigits..],
    };
    let group = match spec.ty {
        Some('n') => None,
        _ => spec.grouping.map(|c| (c, 3)),
    };
    layout_number(&parts, spec, group)
}

/// Python's round-half-even to an integral value (`round(x)` before the
/// conversion to `int`, which the caller does).
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(x, ndigits)` for a float. Overflow (CPython raises
/// `OverflowError: rounded value too large to represent`) gives ±inf here;
/// see [`float_round_checked`].
pub fn float_round(x: f64, ndigits: i64) -> f64 {
    match float_round_checked(x, ndigits) {
        Ok(v) => v,
        Err(_) => f64::INFINITY.copysign(x),
    }
}

/// `round(x, ndigits)`; `Err` carries the message of CPython's
/// `OverflowError` ("rounded value too large to represent").
pub fn float_round_checked(x: f64, ndigits: i64) -> Result<f64, String> {
    // Beyond these bounds x rounds to itself / to a signed zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let q = scaled_round_half_even(x, ndigits);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{}{}e{}", sign, q, -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::INFINITY);
    if rounded.is_infinite() {
        return Err("rounded value too large to represent".into());
    }
    Ok(rounded)
}

/// |x| × 10^ndigits rounded half-even to an integer, computed exactly.
fn scaled_round_half_even(x: f64, ndigits: i64) -> BigInt {
    let (mantissa, exp2) = decompose(x.abs());
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1u8);
    if exp2 >= 0 {
        num <<= exp2 as usize;
    } else {
        den <<= (-exp2) as usize;
    }
    let pow10 = num_traits::pow(BigInt::from(10u8), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        num *= pow10;
    } else {
        den *= pow10;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r * 2u8;
    if twice > den || (twice == den && q.is_odd()) {
        q + 1u8
    } else {
        q
    }
}

/// Finite non-negative x as mantissa × 2^exp, exactly.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, spec: &str) -> String {
        float_format_spec(x, spec).unwrap()
    }

    #[test]
    fn repr() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (100.0, "100.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (1.0, "1.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e22, "1e+22"),
            (2.5e-7, "2.5e-07"),
            (1.5e300, "1.5e+300"),
            (-123.456, "-123.456"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr({:e})", x);
        }
    }

    #[test]
    fn format_spec_cases() {
        let inf = f64::INFINITY;
        let cases: &[(f64, &str, &str)] = &[
            (1.5, ".3", "1.5"),
            (1e20, "", "1e+20"),
            (123.0, "10", "     123.0"),
            (1e16, "10", "     1e+16"),
            (0.0001, "g", "0.0001"),
            (123456789.0, "g", "1.23457e+08"),
            (1e-5, ".2g", "1e-05"),
            (100.0, "#g", "100.000"),
            (2.675, ".2f", "2.67"),
            (0.125, ".2f", "0.12"),
            (0.5, ".0f", "0"),
            (0.5, "#.0f", "0."),
            (1234567.891, ",.2f", "1,234,567.89"),
            (1234567.891, "_.1f", "1_234_567.9"),
            (1234.5, "015,.2f", "0,000,001,234.50"),
            (-1234.5, "015,.2f", "-000,001,234.50"),
            (1234.5, "+.3e", "+1.234e+03"),
            (1234.5, "E", "1.234500E+03"),
            (0.25, "%", "25.000000%"),
            (0.25, ".1%", "25.0%"),
            (-0.0, "z.1f", "0.0"),
            (-0.001, "z.1f", "0.0"),
            (-0.001, ".1f", "-0.0"),
            (inf, "010", "0000000inf"),
            (f64::NAN, "+F", "+NAN"),
            (-inf, "G", "-INF"),
            (1.0, ".0e", "1e+00"),
            (1.0, "#.0e", "1.e+00"),
            (12345.678, "n", "12345.7"),
            (3.0, "*^+11.2f", "***+3.00***"),
            (3.0, " .3g", " 3"),
            (1e-7, "", "1e-07"),
            (1e-7, ".3", "1e-07"),
            (1.0, ".3", "1.0"),
            (0.1, ".25f", "0.1000000000000000055511151"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(f(*x, spec), *want, "format({:e}, {:?})", x, spec);
        }
        assert!(f(1e300, ".0f")
            .starts_with("10000000000000000525047602552044202487044685811081591549158541"));
        assert_eq!(
            float_format_spec(1.0, "d").unwrap_err(),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            float_format_spec(1.0, ".99999999999").unwrap_err(),
            "precision too big"
        );
        assert_eq!(
            float_format_spec(1.0, ",n").unwrap_err(),
            "Cannot specify ',' with 'n'."
        );
    }

    #[test]
    fn percent_helpers() {
        assert_eq!(format_fixed(2.675, 2), "2.67");
        assert_eq!(format_exp(0.000123, 2, true), "1.23E-04");
        assert_eq!(format_general(0.0001, 3, false, false), "0.0001");
        assert_eq!(format_general(100.0, 3, false, true), "100.");
        assert_eq!(format_general(1e-5, 2, true, false), "1E-05");
        assert_eq!(
            double_to_string(
                1.0,
                'f',
                0,
                DtoaFlags {
                    alt: true,
                    sign: true,
                    ..Default::default()
                }
            ),
            "+1."
        );
        // Exact tie in shortest mode: dtoa picks the even digit.
        assert_eq!(float_repr(1243774073980412.2), "1243774073980412.2");
    }

    #[test]
    fn rounding() {
        assert_eq!(float_round(2.675, 2), 2.67);
        assert_eq!(float_round(1234.5678, -2), 1200.0);
        assert_eq!(float_round(250.0, -2), 200.0);
        assert_eq!(float_round(149.5, -2), 100.0);
        assert!(float_round(-0.4, 0).is_sign_negative());
        assert_eq!(float_round(5e-324, 323), 0.0);
        assert_eq!(float_round(0.1, 400), 0.1);
        assert_eq!(float_round(1e300, -308), 0.0);
        assert_eq!(
            float_round_checked(1.7976931348623157e308, -308).unwrap_err(),
            "rounded value too large to represent"
        );
        assert_eq!(round_half_even(0.5), 0.0);
        assert_eq!(round_half_even(1.5), 2.0);
        assert_eq!(round_half_even(2.5), 2.0);
        assert!(round_half_even(-0.5).is_sign_negative());
    }
}
