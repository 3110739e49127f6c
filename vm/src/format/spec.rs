//! The format-spec mini-language, as implemented by CPython 3.11's
//! `Python/formatter_unicode.c` (`parse_internal_render_format_spec`,
//! `calc_number_widths`, `fill_number`, `format_string_internal`) and the
//! digit grouping of `_PyUnicode_InsertThousandsGrouping`
//! (`Objects/unicodeobject.c`).
//!
//! Grammar: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

/// Alignment requested with `<`, `>`, `^` or `=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign (and prefix) and the digits.
    AfterSign,
}

/// Sign handling requested with `-`, `+` or ` `.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `-` (also the default): only negative numbers get a sign.
    Minus,
    /// `+`: always a sign.
    Plus,
    /// ` `: a space for non-negative numbers.
    Space,
}

/// A parsed format spec.
///
/// `fill` is already `'0'` when the `0` flag was given without an explicit
/// fill (as CPython does); `zero` records that the flag was present.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<Align>,
    pub sign: Sign,
    /// True when a sign character was written explicitly (`-`, `+`, ` `).
    pub sign_given: bool,
    /// The `z` flag (3.11): coerce negative zero to positive zero.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag.
    pub zero: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: Sign::Minus,
            sign_given: false,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// Largest number accepted in a spec, as CPython's `get_integer`
/// (`PY_SSIZE_T_MAX`); beyond it: "Too many decimal digits in format string".
const MAX_FIELD: usize = i64::MAX as usize;

/// Largest width accepted. CPython takes any `Py_ssize_t` and then fails to
/// allocate (MemoryError); we refuse earlier with the overflow message.
const MAX_WIDTH: usize = i32::MAX as usize;

const TOO_MANY_DIGITS: &str = "Too many decimal digits in format string";

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parse a format spec. The only message that depends on the formatted
/// object's type ("Invalid format specifier '...' for object of type 'T'")
/// uses `object` as type name here; prefer [`parse_spec_for`].
pub fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec_for(spec, "object")
}

/// Parse a format spec for an object whose type is named `type_name`.
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut p = Parser { s: &chars, pos: 0 };
    let mut f = FormatSpec::default();
    let mut fill_given = false;
    if chars.len() >= 2 && align_of(chars[1]).is_some() {
        f.fill = chars[0];
        f.align = align_of(chars[1]);
        fill_given = true;
        p.pos = 2;
    } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
        f.align = Some(a);
        p.pos = 1;
    }
    if let Some(sign) = p.peek().and_then(sign_of) {
        f.sign = sign;
        f.sign_given = true;
        p.pos += 1;
    }
    f.no_neg_zero = p.eat('z');
    f.alternate = p.eat('#');
    if !fill_given && p.eat('0') {
        f.fill = '0';
        f.zero = true;
    }
    f.width = p.integer()?;
    if f.width.is_some_and(|w| w > MAX_WIDTH) {
        return Err(TOO_MANY_DIGITS.into());
    }
    f.grouping = parse_grouping(&mut p)?;
    if p.eat('.') {
        f.precision = p.integer()?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    match chars.len() - p.pos {
        0 => {}
        1 => f.ty = Some(chars[p.pos]),
        _ => {
            return Err(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ))
        }
    }
    check_grouping(&f, f.ty)?;
    Ok(f)
}

fn sign_of(c: char) -> Option<Sign> {
    match c {
        '-' => Some(Sign::Minus),
        '+' => Some(Sign::Plus),
        ' ' => Some(Sign::Space),
        _ => None,
    }
}

fn parse_grouping(p: &mut Parser) -> Result<Option<char>, String> {
    const BOTH: &str = "Cannot specify both ',' and '_'.";
    let mut g = None;
    if p.eat(',') {
        g = Some(',');
    }
    if p.eat('_') {
        if g.is_some() {
            return Err(BOTH.into());
        }
        g = Some('_');
    }
    if p.peek() == Some(',') && g == Some('_') {
        return Err(BOTH.into());
    }
    Ok(g)
}

struct Parser<'a> {
    s: &'a [char],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// A run of ASCII digits; `None` when there is none.
    fn integer(&mut self) -> Result<Option<usize>, String> {
        let mut value: Option<usize> = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let v = value.unwrap_or(0);
            let next = v.checked_mul(10).and_then(|v| v.checked_add(d as usize));
            match next {
                Some(n) if n <= MAX_FIELD => value = Some(n),
                _ => return Err(TOO_MANY_DIGITS.into()),
            }
            self.pos += 1;
        }
        Ok(value)
    }
}

/// CPython's check that `,`/`_` is only combined with types that allow it.
/// `ty` is the effective type (`None` = the float default type).
pub(crate) fn check_grouping(f: &FormatSpec, ty: Option<char>) -> Result<(), String> {
    let Some(sep) = f.grouping else { return Ok(()) };
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(()),
        Some(t) => Err(format!("Cannot specify '{}' with {}.", sep, quote_code(t))),
    }
}

/// `'c'` for printable ASCII, `'\xNN'` otherwise (CPython's `%c` / `\x%x`).
fn quote_code(t: char) -> String {
    let n = t as u32;
    if n > 32 && n < 128 {
        format!("'{}'", t)
    } else {
        format!("'\\x{:x}'", n)
    }
}

/// "Unknown format code 'q' for object of type 'int'".
pub(crate) fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{}'",
        quote_code(ty),
        type_name
    )
}

/// The alignment actually used: the `0` flag without an explicit alignment
/// means `=` for types whose default alignment is right.
pub(crate) fn effective_align(spec: &FormatSpec, default_align: Align) -> Align {
    match spec.align {
        Some(a) => a,
        None if spec.zero && default_align == Align::Right => Align::AfterSign,
        None => default_align,
    }
}

fn push_fill(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pad `body` to the spec's width with its fill and alignment. For `=`
/// the padding goes after a leading sign character (`+`, `-` or space).
pub fn pad(body: &str, spec: &FormatSpec, default_align: Align) -> String {
    let len = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let mut out = String::with_capacity(body.len() + n);
    match effective_align(spec, default_align) {
        Align::Left => {
            out.push_str(body);
            push_fill(&mut out, spec.fill, n);
        }
        Align::Right => {
            push_fill(&mut out, spec.fill, n);
            out.push_str(body);
        }
        Align::Center => {
            push_fill(&mut out, spec.fill, n / 2);
            out.push_str(body);
            push_fill(&mut out, spec.fill, n - n / 2);
        }
        Align::AfterSign => {
            let split = match body.chars().next() {
                Some('+' | '-' | ' ') => 1,
                _ => 0,
            };
            out.push_str(&body[..split]);
            push_fill(&mut out, spec.fill, n);
            out.push_str(&body[split..]);
        }
    }
    out
}

/// `format(s, spec)` for a `str` with an already parsed spec
/// (CPython's `format_string_internal` plus the type dispatch).
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    check_grouping(spec, Some('s'))?;
    if spec.sign_given {
        return Err(if spec.sign == Sign::Space {
            "Space not allowed in string format specifier".into()
        } else {
            "Sign not allowed in string format specifier".into()
        });
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some(Align::AfterSign) {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&body, spec, Align::Left))
}

/// `str.__format__(s, spec)`: parse `spec` and format.
pub fn str_format_spec(s: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &parse_spec_for(spec, "str")?)
}

/// The pieces of a formatted number, in CPython's `fill_number` layout:
/// `<lpad><sign><prefix><spad><grouped digits><rest><rpad>`.
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`-style prefix (only with `#`).
    pub prefix: &'a str,
    /// The integer digits that take part in grouping (ASCII).
    pub digits: &'a str,
    /// Everything after the integer digits: decimal point, fraction,
    /// exponent, `%`, or the character for `c`.
    pub rest: &'a str,
}

/// Lay out a number per `calc_number_widths`/`fill_number`. `group` is the
/// separator and group size to use, if any.
pub(crate) fn layout_number(
    parts: &NumberParts,
    spec: &FormatSpec,
    group: Option<(char, usize)>,
) -> String {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Sign::Plus) => Some('+'),
        (false, Sign::Space) => Some(' '),
        (false, Sign::Minus) => None,
    };
    let align = effective_align(spec, Align::Right);
    let width = spec.width.map_or(-1, |w| w as i64);
    let fixed = sign.is_some() as i64
        + parts.prefix.chars().count() as i64
        + parts.rest.chars().count() as i64;
    let min_width = if spec.fill == '0' && align == Align::AfterSign {
        width - fixed
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, group)
    };
    let padding = (width - fixed - grouped.chars().count() as i64).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::with_capacity(grouped.len() + parts.rest.len() + padding + 4);
    push_fill(&mut out, spec.fill, lpad);
    out.extend(sign);
    out.push_str(parts.prefix);
    push_fill(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    out.push_str(parts.rest);
    push_fill(&mut out, spec.fill, rpad);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: group `digits` from the right,
/// left-padding with zeros (separators included) up to `min_width` chars.
fn group_digits(digits: &str, mut min_width: i64, group: Option<(char, usize)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as i64;
    let mut pieces: Vec<String> = Vec::new();
    let mut take = |len: i64, remaining: i64| -> i64 {
        let zeros = (len - remaining).max(0) as usize;
        let n = remaining.min(len).max(0) as usize;
        let end = remaining as usize;
        let mut piece = "0".repeat(zeros);
        piece.push_str(&digits[end - n..end]);
        pieces.push(piece);
        n as i64
    };
    match group {
        None => {
            take(remaining.max(min_width).max(1), remaining);
        }
        Some((_, size)) => loop {
            let len = (size as i64).min(remaining.max(min_width).max(1));
            remaining -= take(len, remaining);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        },
    }
    pieces.reverse();
    let sep = group.map(|(c, _)| c.to_string()).unwrap_or_default();
    pieces.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str, spec: &str) -> Result<String, String> {
        str_format_spec(v, spec)
    }

    #[test]
    fn parse_basic() {
        let f = parse_spec("*^+#012,.3f").unwrap();
        assert_eq!(f.fill, '*');
        assert_eq!(f.align, Some(Align::Center));
        assert_eq!(f.sign, Sign::Plus);
        assert!(f.alternate && !f.zero);
        assert_eq!(
            (f.width, f.grouping, f.precision, f.ty),
            (Some(12), Some(','), Some(3), Some('f'))
        );
        let g = parse_spec("010").unwrap();
        assert_eq!((g.fill, g.zero, g.width), ('0', true, Some(10)));
    }

    #[test]
    fn parse_errors() {
        let e = |x: &str| parse_spec_for(x, "int").unwrap_err();
        assert_eq!(
            e("abc"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(e("."), "Format specifier missing precision");
        assert_eq!(e(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(e(",x"), "Cannot specify ',' with 'x'.");
        assert_eq!(e("_c"), "Cannot specify '_' with 'c'.");
        assert_eq!(e(",n"), "Cannot specify ',' with 'n'.");
        assert_eq!(
            e("99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(e("9999999999"), "Too many decimal digits in format string");
        assert_eq!(
            parse_spec(".9999999999").unwrap().precision,
            Some(9999999999)
        );
        assert_eq!(
            unknown_code('\u{e9}', "int"),
            "Unknown format code '\\xe9' for object of type 'int'"
        );
        assert_eq!(
            unknown_code('\u{1}', "int"),
            "Unknown format code '\\x1' for object of type 'int'"
        );
    }

    #[test]
    fn strings() {
        assert_eq!(s("abc", "").unwrap(), "abc");
        assert_eq!(s("abc", "5").unwrap(), "abc  ");
        assert_eq!(s("abc", ">5").unwrap(), "  abc");
        assert_eq!(s("abc", "^6").unwrap(), " abc  ");
        assert_eq!(s("abc", "*^7.2s").unwrap(), "**ab***");
        assert_eq!(s("ab", "05").unwrap(), "ab000");
        assert_eq!(s("ab", "é<4").unwrap(), "abéé");
        assert_eq!(s("héllo", ".2").unwrap(), "hé");
        assert_eq!(s("x", ",").unwrap_err(), "Cannot specify ',' with 's'.");
        assert_eq!(
            s("x", "+").unwrap_err(),
            "Sign not allowed in string format specifier"
        );
        assert_eq!(
            s("x", " ").unwrap_err(),
            "Space not allowed in string format specifier"
        );
        assert_eq!(
            s("x", "#").unwrap_err(),
            "Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(
            s("x", "z").unwrap_err(),
            "Negative zero coercion (z) not allowed in string format specifier"
        );
        assert_eq!(
            s("x", "=5").unwrap_err(),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            s("x", "d").unwrap_err(),
            "Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            s("x", "abc").unwrap_err(),
            "Invalid format specifier 'abc' for object of type 'str'"
        );
    }

    #[test]
    fn pad_after_sign() {
        let f = parse_spec("=8").unwrap();
        assert_eq!(pad("-12", &f, Align::Right), "-     12");
        let f = parse_spec("08").unwrap();
        assert_eq!(pad("+1.5", &f, Align::Right), "+00001.5");
        assert_eq!(pad("1.5", &f, Align::Left), "1.500000");
    }

    #[test]
    fn grouping_zero_fill() {
        assert_eq!(group_digits("1234", 10, Some((',', 3))), "00,001,234");
        assert_eq!(group_digits("1234", 9, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 6, Some((',', 3))), "01,234");
        assert_eq!(group_digits("1234567", 0, Some(('_', 4))), "123_4567");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
