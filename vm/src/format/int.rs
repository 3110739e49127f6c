//! Integer to text and text to integer, as CPython 3.11 does it:
//! `format_long_internal` / `format_obj` of `Python/formatter_unicode.c`,
//! `_PyLong_Format` (`bin`, `oct`, `hex`) and `PyLong_FromString` /
//! `PyLong_FromUnicodeObject` (`int(s, base)`) of `Objects/longobject.c`.

use super::float::format_float;
use super::spec::{
    check_grouping, layout_number, parse_spec_for, unknown_code, FormatSpec, NumberParts,
};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// `int.__format__(n, spec)`: parse `spec` and format.
pub fn int_format_spec(n: &BigInt, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    format_int(n, &parse_spec_for(spec, "int")?)
}

/// `format(n, spec)` for an int with an already parsed spec.
///
/// Three messages are `OverflowError`s in CPython rather than `ValueError`s:
/// "int too large to convert to float" (float types),
/// "%c arg not in range(0x110000)" and
/// "Python int too large to convert to C long" (both type `c`).
pub fn format_int(n: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_integer(n, spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = n.to_f64().filter(|x| x.is_finite());
            let x = x.ok_or_else(|| "int too large to convert to float".to_string())?;
            format_float(x, spec)
        }
        Some(t) => Err(unknown_code(t, "int")),
    }
}

/// CPython's `format_long_internal`.
fn format_integer(n: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    check_grouping(spec, Some(spec.ty.unwrap_or('d')))?;
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if spec.ty == Some('c') {
        return format_char(n, spec);
    }
    let (radix, prefix, group_size) = match spec.ty {
        Some('b') => (2, "0b", 4),
        Some('o') => (8, "0o", 4),
        Some('x') => (16, "0x", 4),
        Some('X') => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = n.magnitude().to_str_radix(radix);
    if spec.ty == Some('X') {
        digits.make_ascii_uppercase();
    }
    let group = match spec.ty {
        Some('n') => None,
        _ => spec.grouping.map(|c| (c, group_size)),
    };
    let parts = NumberParts {
        negative: n.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    Ok(layout_number(&parts, spec, group))
}

/// Type `c`: the code point, laid out like a number's "remainder".
fn format_char(n: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    if spec.sign_given {
        return Err("Sign not allowed with integer format specifier 'c'".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
    }
    // Surrogates (U+D800..U+DFFF) cannot live in a Rust `str`; they get the
    // same error as out-of-range values.
    if n.to_i64().is_none() {
        return Err("Python int too large to convert to C long".into());
    }
    let c = n.to_u32().and_then(char::from_u32);
    let c = c.ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
    let rest = c.to_string();
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        rest: &rest,
    };
    Ok(layout_number(&parts, spec, None))
}

/// `bin(n)`, `oct(n)`, `hex(n)` when `prefix` (radix 2, 8, 16), e.g.
/// `-0x1f`; without `prefix` (or for other radixes) just the lower-case
/// digits with a leading `-` for negatives.
pub fn int_to_str_radix(n: &BigInt, radix: u32, prefix: bool) -> String {
    let digits = n.magnitude().to_str_radix(radix);
    let pre = match (prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{}{}{}", sign, pre, digits)
}

/// `int(s, base)`: base 0 or 2..=36. `Err(())` for any invalid literal or
/// base; the caller builds "invalid literal for int() with base B: 'S'".
/// Unicode decimal digits and Unicode whitespace are accepted as CPython
/// does. (The 4300-digit `int_max_str_digits` limit is not applied.)
#[allow(clippy::result_unit_err)]
pub fn parse_int_literal(s: &str, base: u32) -> Result<BigInt, ()> {
    if base == 1 || base > 36 {
        return Err(());
    }
    let chars: Vec<char> = s.chars().map(to_ascii_digit).collect();
    let mut i = 0;
    let mut end = chars.len();
    while i < end && is_space(chars[i]) {
        i += 1;
    }
    while end > i && is_space(chars[end - 1]) {
        end -= 1;
    }
    let body = &chars[i..end];
    let (negative, body) = match body.first() {
        Some('-') => (true, &body[1..]),
        Some('+') => (false, &body[1..]),
        _ => (false, body),
    };
    let (base, body, must_be_zero) = strip_prefix(body, base);
    let digits = collect_digits(body, base)?;
    let value = BigInt::parse_bytes(digits.as_bytes(), base).ok_or(())?;
    if must_be_zero && !value.is_zero() {
        return Err(());
    }
    Ok(if negative { -value } else { value })
}

/// Resolve base 0 and drop a `0x`/`0o`/`0b` prefix (plus one `_`).
/// The flag says "old-style octal": only zero is allowed.
fn strip_prefix(body: &[char], base: u32) -> (u32, &[char], bool) {
    let first = body.first().copied();
    let second = body.get(1).map(|c| c.to_ascii_lowercase());
    let mut base = base;
    let mut must_be_zero = false;
    if base == 0 {
        base = match (first, second) {
            (Some('0'), Some('x')) => 16,
            (Some('0'), Some('o')) => 8,
            (Some('0'), Some('b')) => 2,
            (Some('0'), _) => {
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    let has_prefix = first == Some('0')
        && matches!(
            (base, second),
            (16, Some('x')) | (8, Some('o')) | (2, Some('b'))
        );
    let mut rest = body;
    if has_prefix {
        rest = &body[2..];
        if rest.first() == Some(&'_') {
            rest = &rest[1..];
        }
    }
    (base, rest, must_be_zero)
}

/// The digits with single underscores between them removed; every digit
/// must be valid in `base` and there must be at least one.
fn collect_digits(body: &[char], base: u32) -> Result<String, ()> {
    let mut out = String::with_capacity(body.len());
    let mut prev_underscore = true; // no leading underscore
    for &c in body {
        if c == '_' {
            if prev_underscore {
                return Err(());
            }
            prev_underscore = true;
            continue;
        }
        match c.to_digit(36) {
            Some(d) if d < base && c.is_ascii() => out.push(c),
            _ => return Err(()),
        }
        prev_underscore = false;
    }
    if prev_underscore {
        return Err(()); // empty, or trailing underscore
    }
    Ok(out)
}

/// `Py_ISSPACE` for ASCII plus `Py_UNICODE_ISSPACE` beyond ASCII.
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        c.is_whitespace()
    }
}

/// First code point of each Unicode block of decimal digits (category Nd)
/// outside ASCII; each block holds the ten digits 0..=9 in order.
const UNICODE_DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Map a non-ASCII decimal digit to its ASCII digit (as
/// `_PyUnicode_TransformDecimalAndSpaceToASCII` does); others unchanged.
fn to_ascii_digit(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let cp = c as u32;
    for &zero in UNICODE_DIGIT_ZEROS {
        if cp >= zero && cp < zero + 10 {
            return char::from(b'0' + (cp - zero) as u8);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(n: i64, spec: &str) -> Result<String, String> {
        int_format_spec(&BigInt::from(n), spec)
    }

    #[test]
    fn radix() {
        assert_eq!(int_to_str_radix(&BigInt::from(-31), 16, true), "-0x1f");
        assert_eq!(int_to_str_radix(&BigInt::from(5), 2, true), "0b101");
        assert_eq!(int_to_str_radix(&BigInt::from(0), 8, true), "0o0");
        assert_eq!(int_to_str_radix(&BigInt::from(-8), 8, false), "-10");
    }

    #[test]
    fn parse_literals() {
        let p = |s: &str, b: u32| parse_int_literal(s, b).ok().map(|v| v.to_string());
        let ok = |s: &str, b: u32, v: &str| {
            assert_eq!(p(s, b).as_deref(), Some(v), "int({:?}, {})", s, b)
        };
        let bad = |s: &str, b: u32| assert_eq!(p(s, b), None, "int({:?}, {})", s, b);
        ok(" 1 ", 10, "1");
        ok("\u{3000}1", 0, "1");
        ok("1_000", 10, "1000");
        ok("0_7", 10, "7");
        ok("0_0", 0, "0");
        ok("00", 0, "0");
        ok("0x_1", 0, "1");
        ok("0b1", 16, "177");
        ok("-0x1f", 16, "-31");
        ok("0X1F", 0, "31");
        ok("  0o17 ", 0, "15");
        ok("\u{663}\u{661}", 10, "31");
        ok("zz", 36, "1295");
        for s in [
            "\x1c1", "0_7", "0x", "_1", "1_", "1__0", "+_1", "010", "", " ", "- 1", "1.0", "0x1g",
        ] {
            bad(s, 0);
        }
        bad("0x_1", 10);
        bad("12", 2);
        bad("1", 1);
        bad("1", 37);
    }

    #[test]
    fn errors() {
        assert_eq!(
            fi(1, ".2").unwrap_err(),
            "Precision not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, "z").unwrap_err(),
            "Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, "+c").unwrap_err(),
            "Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            fi(1, "#c").unwrap_err(),
            "Alternate form (#) not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            fi(1, "q").unwrap_err(),
            "Unknown format code 'q' for object of type 'int'"
        );
        assert_eq!(fi(1, ",x").unwrap_err(), "Cannot specify ',' with 'x'.");
        assert_eq!(fi(-1, "c").unwrap_err(), "%c arg not in range(0x110000)");
    }

    #[test]
    fn formats() {
        let cases: &[(i64, &str, &str)] = &[
            (1234, "010,", "00,001,234"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (255, "#010b", "0b11111111"),
            (-255, "#o", "-0o377"),
            (123456789, "_", "123_456_789"),
            (3735928559, "_x", "dead_beef"),
            (3735928559, "#_X", "0XDEAD_BEEF"),
            (5, "+", "+5"),
            (5, " ", " 5"),
            (-5, "=+6", "-    5"),
            (42, "*^9", "***42****"),
            (65, "c", "A"),
            (65, "^5c", "  A  "),
            (1234567, "n", "1234567"),
            (7, "e", "7.000000e+00"),
            (7, ".2%", "700.00%"),
            (1234, "<010,", "1,23400000"),
            (1234, "0=10,", "00,001,234"),
            (-1234, "010,", "-0,001,234"),
            (-42, "", "-42"),
            (0, "#b", "0b0"),
        ];
        for (n, spec, want) in cases {
            assert_eq!(fi(*n, spec).unwrap(), *want, "format({}, {:?})", n, spec);
        }
        let big = BigInt::from(1u8) << 64usize;
        assert_eq!(int_format_spec(&big, "g").unwrap(), "1.84467e+19");
        assert_eq!(
            int_format_spec(&big, "c").unwrap_err(),
            "Python int too large to convert to C long"
        );
        let huge = BigInt::from(10u8).pow(400u32);
        assert_eq!(
            int_format_spec(&huge, "f").unwrap_err(),
            "int too large to convert to float"
        );
    }
}
