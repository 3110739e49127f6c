//! printf-style formatting: `str % args` and `bytes % args`, as CPython
//! 3.11's `PyUnicode_Format` / `_PyBytes_FormatEx`.
//!
//! A directive is `%[(key)][flags][width][.precision][hlL]conv` with flags
//! `-+ #0`, `*` for width/precision taken from the arguments and the
//! conversions `s r a d i u o x X e E f F g G c %` (plus `b` for bytes).
//! Arguments are a tuple, a single object, or a mapping for `%(key)`
//! directives. Floats go through [`crate::format::double_to_string`].
//!
//! Bytes formatting reuses the same engine on Latin-1 text: each byte is the
//! char with the same value, and the result is converted back.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::bytes::bytes_data;
use crate::format::{double_to_string, DtoaFlags};
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `fmt % args` for a str `fmt`.
pub fn str_mod(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(f) = unwrap_base(fmt).as_str() else {
        return Err(vm.type_error(format!(
            "descriptor '__mod__' requires a 'str' object but received a '{}'",
            vm.type_name(fmt)
        )));
    };
    let chars: Vec<char> = f.chars().collect();
    let out = format(vm, &chars, args, Mode::Str)?;
    Ok(Value::string(out))
}

/// `fmt % args` for a bytes or bytearray `fmt` (the result has `fmt`'s type).
pub fn bytes_mod(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(data) = bytes_data(fmt) else {
        return Err(vm.type_error(format!(
            "descriptor '__mod__' requires a 'bytes' object but received a '{}'",
            vm.type_name(fmt)
        )));
    };
    let chars: Vec<char> = data.iter().map(|&b| b as char).collect();
    let out = format(vm, &chars, args, Mode::Bytes)?;
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    let is_bytearray = matches!(unwrap_base(fmt), Value::Obj(o) if matches!(o.view(), Obj::ByteArray(_)));
    Ok(if is_bytearray {
        crate::builtins::bytes::new_bytearray(bytes)
    } else {
        crate::builtins::bytes::new_bytes(bytes)
    })
}

/// Largest width or precision accepted (CPython: `INT_MAX`; the padding
/// itself is bounded far lower to fail with MemoryError, not abort).
const MAX_FIELD: usize = i32::MAX as usize;

/// Largest padding actually built.
const MAX_PAD: usize = 1 << 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Str,
    Bytes,
}

/// The argument cursor (CPython's `arglen` / `argidx` / `dict`).
struct ArgState {
    args: Value,
    /// Items of a tuple argument; `None` for a single object.
    tuple: Option<Vec<Value>>,
    arglen: i64,
    argidx: i64,
    dict: Option<Value>,
}

impl ArgState {
    fn new(vm: &mut Vm, args: &Value) -> PyResult<ArgState> {
        let tuple = match unwrap_base(args) {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => Some(t.to_vec()),
                _ => None,
            },
            _ => None,
        };
        let (arglen, argidx) = match &tuple {
            Some(t) => (t.len() as i64, 0),
            None => (-1, -2),
        };
        let dict = if tuple.is_none() && is_mapping(vm, args) { Some(args.clone()) } else { None };
        Ok(ArgState { args: args.clone(), tuple, arglen, argidx, dict })
    }

    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            return Ok(match &self.tuple {
                Some(t) if self.arglen >= 0 => t[i as usize].clone(),
                _ => self.args.clone(),
            });
        }
        Err(vm.type_error("not enough arguments for format string"))
    }

    /// After a `%(key)` directive: the looked-up value is the only argument.
    fn set_single(&mut self, v: Value) {
        self.args = v;
        self.tuple = None;
        self.arglen = -1;
        self.argidx = -2;
    }
}

/// `PyMapping_Check` minus tuples and strings.
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    if vm.user_dunder(v, "__getitem__").is_some() {
        return true;
    }
    match unwrap_base(v) {
        Value::Obj(o) => {
            matches!(o.view(), Obj::Dict(_) | Obj::List(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::Range { .. })
        }
        _ => false,
    }
}

#[derive(Default)]
struct Spec {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
    conv: char,
}

fn format(vm: &mut Vm, f: &[char], args: &Value, mode: Mode) -> PyResult<String> {
    let mut st = ArgState::new(vm, args)?;
    let mut out = String::with_capacity(f.len() + 16);
    let mut i = 0;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        if f.get(i + 1) == Some(&'%') {
            out.push('%');
            i += 2;
            continue;
        }
        let (spec, next) = parse_directive(vm, f, i + 1, &mut st, mode)?;
        if spec.width > MAX_PAD || spec.prec.is_some_and(|p| p > MAX_PAD) {
            return Err(vm.err("MemoryError", ""));
        }
        let arg = st.next(vm)?;
        convert(vm, &spec, &arg, mode, &mut out, next - 1)?;
        i = next;
    }
    if st.argidx < st.arglen && st.dict.is_none() {
        let what = if mode == Mode::Str { "string" } else { "bytes" };
        return Err(vm.type_error(format!("not all arguments converted during {what} formatting")));
    }
    Ok(out)
}

/// Parse one directive starting after its `%`; returns the spec and the
/// index after the conversion character.
fn parse_directive(vm: &mut Vm, f: &[char], mut i: usize, st: &mut ArgState, mode: Mode) -> PyResult<(Spec, usize)> {
    let incomplete = |vm: &Vm| vm.value_error("incomplete format");
    let mut spec = Spec::default();
    if f.get(i) == Some(&'(') {
        i = mapping_key(vm, f, i, st, mode)?;
    }
    while let Some(&c) = f.get(i) {
        match c {
            '-' => spec.ljust = true,
            '+' => spec.sign = true,
            ' ' => spec.blank = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        i += 1;
    }
    if f.get(i) == Some(&'*') {
        let w = star_arg(vm, st)?;
        if w < 0 {
            spec.ljust = true;
        }
        spec.width = w.unsigned_abs() as usize;
        i += 1;
    } else {
        let (n, j) = digits(vm, f, i, "width too big")?;
        spec.width = n.unwrap_or(0);
        i = j;
    }
    if f.get(i) == Some(&'.') {
        i += 1;
        if f.get(i) == Some(&'*') {
            spec.prec = Some(star_arg(vm, st)?.max(0) as usize);
            i += 1;
        } else {
            let (n, j) = digits(vm, f, i, "precision too big")?;
            spec.prec = Some(n.unwrap_or(0));
            i = j;
        }
    }
    if matches!(f.get(i), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    let Some(&conv) = f.get(i) else { return Err(incomplete(vm)) };
    spec.conv = conv;
    Ok((spec, i + 1))
}

/// `%(key)`: look the key up in the mapping argument; returns the index after `)`.
fn mapping_key(vm: &mut Vm, f: &[char], start: usize, st: &mut ArgState, mode: Mode) -> PyResult<usize> {
    let Some(dict) = st.dict.clone() else { return Err(vm.type_error("format requires a mapping")) };
    let mut depth = 1;
    let mut j = start + 1;
    while j < f.len() {
        match f[j] {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if depth > 0 {
        return Err(vm.value_error("incomplete format key"));
    }
    let key: String = f[start + 1..j].iter().collect();
    let key = match mode {
        Mode::Str => Value::string(key),
        Mode::Bytes => crate::builtins::bytes::new_bytes(key.chars().map(|c| c as u32 as u8).collect()),
    };
    let v = vm.getitem(&dict, &key)?;
    st.set_single(v);
    Ok(j + 1)
}

/// A decimal number in the format; `None` when there are no digits.
fn digits(vm: &Vm, f: &[char], mut i: usize, too_big: &str) -> PyResult<(Option<usize>, usize)> {
    let mut n: Option<usize> = None;
    while let Some(d) = f.get(i).and_then(|c| c.to_digit(10)) {
        let v = n.unwrap_or(0).checked_mul(10).and_then(|v| v.checked_add(d as usize));
        match v {
            Some(v) if v <= MAX_FIELD => n = Some(v),
            _ => return Err(vm.value_error(too_big)),
        }
        i += 1;
    }
    Ok((n, i))
}

/// The value of a `*` width or precision.
fn star_arg(vm: &mut Vm, st: &mut ArgState) -> PyResult<i64> {
    let v = st.next(vm)?;
    if !is_int(&v) {
        return Err(vm.type_error("* wants int"));
    }
    let n = vm.index_value(&v)?;
    if n.unsigned_abs() > MAX_FIELD as u64 {
        return Err(vm.value_error("width too big"));
    }
    Ok(n)
}

fn is_int(v: &Value) -> bool {
    match unwrap_base(v) {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.view(), Obj::Int(_)),
        _ => false,
    }
}

/// Format one argument according to `spec` and append it to `out`.
fn convert(vm: &mut Vm, spec: &Spec, arg: &Value, mode: Mode, out: &mut String, at: usize) -> PyResult<()> {
    match spec.conv {
        's' | 'r' | 'a' | 'b' => {
            let s = text_conversion(vm, spec.conv, arg, mode, at)?;
            let s: String = match spec.prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            pad_text(out, &s, spec);
        }
        'c' => {
            let c = char_conversion(vm, arg, mode)?;
            pad_text(out, &c.to_string(), spec);
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(vm, spec.conv, arg)?;
            out.push_str(&format_int(&n, spec));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, arg)?;
            out.push_str(&format_float(x, spec));
        }
        c => return Err(unsupported(vm, c, at)),
    }
    Ok(())
}

fn unsupported(vm: &Vm, c: char, at: usize) -> crate::vm::PyErr {
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    vm.value_error(format!("unsupported format character '{shown}' (0x{:x}) at index {at}", c as u32))
}

/// `%s`, `%r`, `%a` (and `%b` for bytes).
fn text_conversion(vm: &mut Vm, conv: char, arg: &Value, mode: Mode, at: usize) -> PyResult<String> {
    match (mode, conv) {
        (Mode::Str, 's') => vm.str_string(arg),
        (Mode::Str, 'r') => vm.repr_string(arg),
        (Mode::Str, 'b') => Err(unsupported(vm, conv, at)),
        (_, 'a') | (Mode::Bytes, 'r') => {
            let a = vm.ascii(arg)?;
            Ok(a.as_str().unwrap_or("").to_string())
        }
        _ => {
            let data = match vm.user_dunder(arg, "__bytes__") {
                Some(f) => {
                    let r = vm.call_dunder(&f, arg, &[])?;
                    bytes_data(&r)
                }
                None => bytes_data(arg),
            };
            match data {
                Some(d) => Ok(d.iter().map(|&b| b as char).collect()),
                None => Err(vm.type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    vm.type_name(arg)
                ))),
            }
        }
    }
}

/// `%c`: an int code point or a one-character str (one byte for bytes).
fn char_conversion(vm: &mut Vm, arg: &Value, mode: Mode) -> PyResult<char> {
    if mode == Mode::Bytes {
        let err = |vm: &Vm| vm.type_error("%c requires an integer in range(256) or a single byte");
        if let Some(d) = bytes_data(arg) {
            return if d.len() == 1 { Ok(d[0] as char) } else { Err(err(vm)) };
        }
        if !is_int(arg) {
            return Err(err(vm));
        }
        let n = vm.index_value(arg).map_err(|_| vm.err("OverflowError", "%c arg not in range(256)"))?;
        return u8::try_from(n).map(|b| b as char).map_err(|_| vm.err("OverflowError", "%c arg not in range(256)"));
    }
    if let Some(s) = unwrap_base(arg).as_str() {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    if !is_int(arg) {
        return Err(vm.type_error("%c requires int or char"));
    }
    let range_err = |vm: &Vm| vm.err("OverflowError", "%c arg not in range(0x110000)");
    let n = vm.index_value(arg).map_err(|_| range_err(vm))?;
    if !(0..0x110000).contains(&n) {
        return Err(range_err(vm));
    }
    // Lone surrogates cannot be stored in a Rust string: U+FFFD stands in.
    Ok(char::from_u32(n as u32).unwrap_or('\u{fffd}'))
}

/// Pad text to the width (spaces; `0` does not apply to text).
fn pad_text(out: &mut String, s: &str, spec: &Spec) {
    let len = s.chars().count();
    let fill = spec.width.saturating_sub(len);
    if !spec.ljust {
        out.extend(std::iter::repeat_n(' ', fill));
    }
    out.push_str(s);
    if spec.ljust {
        out.extend(std::iter::repeat_n(' ', fill));
    }
}

/// The integer for `%d %i %u` (any real number, truncated) or `%o %x %X`
/// (`__index__` required).
fn int_arg(vm: &mut Vm, conv: char, arg: &Value) -> PyResult<BigInt> {
    let base = unwrap_base(arg).clone();
    if let Some(n) = int_value(&base) {
        return Ok(n);
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if let Value::Float(x) = base {
        if decimal {
            return float_to_int(vm, x);
        }
        return Err(vm.type_error(format!("%{conv} format: an integer is required, not float")));
    }
    let hook = if decimal { "__int__" } else { "__index__" };
    if let Some(f) = vm.user_dunder(arg, hook).or_else(|| vm.user_dunder(arg, "__index__")) {
        let r = vm.call_dunder(&f, arg, &[])?;
        if let Some(n) = int_value(unwrap_base(&r)) {
            return Ok(n);
        }
        return Err(vm.type_error(format!("{hook} returned non-int (type {})", vm.type_name(&r))));
    }
    if decimal {
        if let Some(f) = vm.user_dunder(arg, "__float__") {
            let r = vm.call_dunder(&f, arg, &[])?;
            if let Value::Float(x) = unwrap_base(&r) {
                return float_to_int(vm, *x);
            }
        }
        return Err(vm.type_error(format!("%{conv} format: a real number is required, not {}", vm.type_name(arg))));
    }
    Err(vm.type_error(format!("%{conv} format: an integer is required, not {}", vm.type_name(arg))))
}

fn int_value(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match o.view() {
            Obj::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn float_to_int(vm: &Vm, x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.err("OverflowError", "cannot convert float infinity to integer"));
    }
    Ok(big_from_f64(x.trunc()))
}

/// Exact integer value of an integral finite float.
fn big_from_f64(x: f64) -> BigInt {
    if x.abs() < 9.0e18 {
        return BigInt::from(x as i64);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = BigInt::from((bits & ((1u64 << 52) - 1)) | (1u64 << 52));
    let mag = if exp >= 0 { mant << exp as usize } else { mant >> (-exp) as usize };
    if x < 0.0 {
        -mag
    } else {
        mag
    }
}

/// `%d %o %x %X` of `n`: precision is the minimum digit count, `#` adds the
/// radix prefix, `0` pads between sign/prefix and digits.
fn format_int(n: &BigInt, spec: &Spec) -> String {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.magnitude().to_str_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.prec {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let sign = sign_of(n.is_negative(), spec);
    let prefix = if spec.alt { prefix } else { "" };
    layout(sign, prefix, &digits, spec)
}

fn sign_of(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else if spec.sign {
        "+"
    } else if spec.blank {
        " "
    } else {
        ""
    }
}

/// Assemble sign, prefix and body within the width.
fn layout(sign: &str, prefix: &str, body: &str, spec: &Spec) -> String {
    let len = sign.len() + prefix.len() + body.chars().count();
    let fill = spec.width.saturating_sub(len);
    let mut out = String::with_capacity(len + fill);
    if spec.ljust {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    out
}

/// The float for `%e %f %g` (`float(arg)` semantics).
fn float_arg(vm: &mut Vm, arg: &Value) -> PyResult<f64> {
    match unwrap_base(arg) {
        Value::Float(x) => return Ok(*x),
        v => {
            if let Some(n) = int_value(v) {
                return n
                    .to_f64()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| vm.err("OverflowError", "int too large to convert to float"));
            }
        }
    }
    for hook in ["__float__", "__index__"] {
        if let Some(f) = vm.user_dunder(arg, hook) {
            let r = vm.call_dunder(&f, arg, &[])?;
            return float_arg(vm, &r);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(arg))))
}

fn format_float(x: f64, spec: &Spec) -> String {
    let prec = spec.prec.unwrap_or(6);
    let flags = DtoaFlags { alt: spec.alt, ..DtoaFlags::default() };
    let s = double_to_string(x, spec.conv, prec, flags);
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    layout(sign_of(negative, spec), "", body, spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(conv: char) -> Spec {
        Spec { conv, ..Spec::default() }
    }

    #[test]
    fn ints() {
        let s = Spec { alt: true, zero: true, width: 5, ..spec('x') };
        assert_eq!(format_int(&BigInt::from(255), &s), "0x0ff");
        let s = Spec { sign: true, prec: Some(3), ..spec('d') };
        assert_eq!(format_int(&BigInt::from(-7), &s), "-007");
        assert_eq!(big_from_f64(2.5e20), "250000000000000000000".parse().unwrap_or_default());
    }

    #[test]
    fn floats() {
        let s = Spec { zero: true, width: 5, ..spec('f') };
        assert_eq!(format_float(f64::INFINITY, &s), "00inf");
        let s = Spec { alt: true, prec: Some(0), ..spec('f') };
        assert_eq!(format_float(2.0, &s), "2.");
    }
}
