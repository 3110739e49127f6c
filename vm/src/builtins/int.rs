//! `int` construction (`int(x)`, `int(s, base)` with CPython 3.11's 4300-digit
//! limit) and methods (`bit_length`, `to_bytes`, `from_bytes`, `__round__`, ...).
//!
//! Natives found on a class are returned unbound, so `int.from_bytes(b, 'big')`
//! receives `b` as its first argument while `(5).from_bytes(b, 'big')` receives the
//! int first: `from_bytes` accepts both shapes.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

pub const METHODS: MethodTable = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", int_conjugate),
    ("__index__", int_index),
    ("__int__", int_int),
    ("__trunc__", int_trunc),
    ("__floor__", int_floor),
    ("__ceil__", int_ceil),
    ("__pos__", int_pos),
    ("__abs__", int_abs),
    ("__round__", int_round),
    ("__float__", int_float),
    ("__format__", int_format),
    ("__getnewargs__", int_getnewargs),
    ("as_integer_ratio", int_ratio),
    ("to_bytes", int_to_bytes),
    ("from_bytes", int_from_bytes),
];

fn big(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    unwrap_base(v).to_bigint().ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

/// The receiver of a no-argument method, as an exact int.
fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    let pos = a.check(vm, name, 1, 1)?;
    big(vm, &pos[0])
}

fn int_bit_length(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &a, "bit_length")?.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &a, "bit_count")?.magnitude().count_ones() as i64))
}

macro_rules! identity_methods {
    ($($fn_name:ident => $py:literal,)*) => {
        $(fn $fn_name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            Ok(Value::from_bigint(this(vm, &a, $py)?))
        })*
    };
}

identity_methods! {
    int_conjugate => "conjugate",
    int_index => "__index__",
    int_int => "__int__",
    int_trunc => "__trunc__",
    int_floor => "__floor__",
    int_ceil => "__ceil__",
    int_pos => "__pos__",
}

fn int_abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::from_bigint(this(vm, &a, "__abs__")?.abs()))
}

fn int_float(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a, "__float__")?;
    Ok(Value::Float(crate::protocol::numbers::int_to_f64(vm, &b)?))
}

fn int_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::from_bigint(b)]))
}

fn int_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__format__", 2, 2)?;
    let v = Value::from_bigint(big(vm, &pos[0])?);
    let spec = pos[1].as_str().ok_or_else(|| vm.type_error("__format__() argument must be str"))?.to_string();
    vm.format(&v, &spec)
}

fn int_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a, "as_integer_ratio")?;
    Ok(vm.new_tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

/// `int.__round__(ndigits=None)`: round half to even at `10**-ndigits`.
fn int_round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__round__", 1, 2)?;
    let b = big(vm, &pos[0])?;
    let Some(nd) = pos.get(1) else { return Ok(Value::from_bigint(b)) };
    let nd = crate::builtins::math::index_big(vm, nd)?;
    round_int(vm, &b, &nd)
}

/// `round(i, nd)` for an int `i`: exact, half to even.
pub fn round_int(vm: &Vm, i: &BigInt, nd: &BigInt) -> PyResult<Value> {
    if !nd.is_negative() {
        return Ok(Value::from_bigint(i.clone()));
    }
    // 10**k > |i| for k > 1.21 * bits: the result is 0 (CPython computes 10**k
    // regardless and hangs for absurd k).
    let k = nd.magnitude();
    if k.to_u64().is_none_or(|k| k as f64 > i.bits() as f64 * 0.302 + 2.0) {
        return Ok(Value::Int(0));
    }
    let k = k.to_u32().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    let p = BigInt::from(10).pow(k);
    let (q, r) = num_integer::Integer::div_mod_floor(i, &p);
    let twice = &r * 2;
    let up = twice > p || (twice == p && num_integer::Integer::is_odd(&q));
    Ok(Value::from_bigint(if up { q + 1 } else { q } * p))
}

/// The `byteorder` argument: true for big-endian.
fn byteorder(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(true) };
    match v.as_str() {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!("{fname}() argument 'byteorder' must be str, not {}", vm.type_name(v)))),
    }
}

/// Checks the keywords of `to_bytes`/`from_bytes` against the positional count.
fn check_kwargs(vm: &Vm, a: &Args, fname: &str, names: &[&str], npos: usize) -> PyResult<()> {
    for (k, _) in a.kw() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < npos => {
                return Err(vm.type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)))
            }
            Some(_) => {}
            None => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok(())
}

fn signed_kwarg(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match a.kwarg("signed") {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    let Some(receiver) = pos.first() else {
        return Err(vm.type_error("descriptor 'to_bytes' of 'int' object needs an argument"));
    };
    let b = big(vm, receiver)?;
    let args = &pos[1..];
    if args.len() > 2 {
        return Err(vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", args.len())));
    }
    check_kwargs(vm, &a, "to_bytes", &["length", "byteorder", "signed"], args.len())?;
    let length = match args.first().or_else(|| a.kwarg("length")) {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big_endian = byteorder(vm, args.get(1).or_else(|| a.kwarg("byteorder")), "to_bytes")?;
    let signed = signed_kwarg(vm, &a)?;
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.magnitude().to_bytes_le() };
    if b.is_zero() {
        bytes.clear();
    }
    if bytes.len() as u64 > length as u64 {
        return Err(vm.overflow_error("int too big to convert"));
    }
    if length > 1 << 34 {
        return Err(vm.err("MemoryError", ""));
    }
    bytes.resize(length as usize, if b.is_negative() { 0xff } else { 0 });
    if big_endian {
        bytes.reverse();
    }
    Ok(Value::obj(crate::object::NewObj::Bytes(bytes)))
}

/// The bytes of `from_bytes`' first argument: bytes-like, or an iterable of ints.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Obj(o) = unwrap_base(v) {
        match o.view() {
            Obj::Bytes(b) => return Ok(b.to_vec()),
            Obj::ByteArray(b) => return Ok(b.borrow().clone()),
            Obj::Str(_) => return Err(vm.type_error("cannot convert 'str' object to bytes")),
            _ => {}
        }
    }
    let items = match vm.collect(v) {
        Ok(items) => items,
        Err(e) if vm.err_matches(&e, "TypeError") => {
            return Err(vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_name(v))))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        match vm.index_value(x)? {
            b @ 0..=255 => out.push(b as u8),
            _ => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, called on the class
/// (unbound: `bytes` first) or on an instance (the int first).
fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Installed as a class method: the class comes first.
    let mut args = a.pos();
    let mut cls = None;
    if let Some(crate::value::Value::Obj(o)) = args.first() {
        if o.as_class().is_some() {
            cls = Some(crate::value::Value::Obj(o.clone()));
            args = &args[1..];
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("from_bytes() takes at most 2 positional arguments ({} given)", args.len())));
    }
    check_kwargs(vm, &a, "from_bytes", &["bytes", "byteorder", "signed"], args.len())?;
    let Some(src) = args.first().or_else(|| a.kwarg("bytes")) else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut bytes = bytes_arg(vm, src)?;
    let big_endian = byteorder(vm, args.get(1).or_else(|| a.kwarg("byteorder")), "from_bytes")?;
    let signed = signed_kwarg(vm, &a)?;
    if big_endian {
        bytes.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    let v = Value::from_bigint(n);
    // A subclass (bool included) gets `cls(result)`, as CPython.
    match cls {
        Some(c) if !c.is(&Value::Obj(vm.types.int.clone())) => vm.call(&c, Args::new(&[v])),
        _ => Ok(v),
    }
}

/// `int(x=0)` / `int(s, base=10)`.
pub fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    check_kwargs(vm, &a, "int", &["", "base"], pos.len())?;
    let base = pos.get(1).or_else(|| a.kwarg("base"));
    let Some(x) = pos.first() else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    match base {
        Some(base) => int_with_base(vm, x, base),
        None => int_of(vm, x),
    }
}

fn int_with_base(vm: &mut Vm, x: &Value, base: &Value) -> PyResult<Value> {
    let b = crate::builtins::math::index_big(vm, base)?;
    let b = match b.to_u32() {
        Some(b) if b == 0 || (2..=36).contains(&b) => b,
        _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
    };
    match text_of(x) {
        Some(s) => parse(vm, &s, b),
        None => Err(vm.type_error("int() can't convert non-string with explicit base")),
    }
}

/// The text of a str, bytes or bytearray argument.
fn text_of(x: &Value) -> Option<String> {
    let Value::Obj(o) = unwrap_base(x) else { return None };
    match o.view() {
        Obj::Str(s) => Some(s.as_str().to_string()),
        Obj::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Obj::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
        _ => None,
    }
}

/// `int(x)`: `__int__`, `__index__`, `__trunc__` of user classes, then the
/// built-in kinds.
fn int_of(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    for dunder in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = vm.user_dunder(x, dunder) {
            let r = vm.call_dunder(&f, x, &[])?;
            return match unwrap_base(&r).to_bigint() {
                Some(b) => Ok(Value::from_bigint(b)),
                None if dunder == "__trunc__" => crate::builtins::math::index_big(vm, &r).map(Value::from_bigint),
                None => Err(vm.type_error(format!("{dunder} returned non-int (type {})", vm.type_name(&r)))),
            };
        }
    }
    match unwrap_base(x) {
        Value::Float(f) => return crate::protocol::numbers::float_to_int(vm, *f),
        v => {
            if let Some(b) = v.to_bigint() {
                return Ok(Value::from_bigint(b));
            }
        }
    }
    if let Some(s) = text_of(x) {
        return parse(vm, &s, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// The number of digits CPython counts against the limit: the leading run of
/// digits and underscores after the sign and any base prefix.
fn digit_count(s: &str, base: u32) -> (u32, usize) {
    let t = s.trim_start().trim_start_matches(['+', '-']);
    let lower = t.get(..2).map(str::to_ascii_lowercase);
    let prefixed = |p: &str| lower.as_deref() == Some(p);
    let (base, body) = match base {
        0 | 16 if prefixed("0x") => (16, &t[2..]),
        0 | 8 if prefixed("0o") => (8, &t[2..]),
        0 | 2 if prefixed("0b") => (2, &t[2..]),
        0 => (10, t),
        b => (b, t),
    };
    let is_digit = |c: char| c.to_digit(36).map_or(c.is_numeric(), |d| d < base);
    let n = body.chars().take_while(|&c| c == '_' || is_digit(c)).filter(|&c| c != '_').count();
    (base, n)
}

fn parse(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    let (real_base, digits) = digit_count(s, base);
    if digits > MAX_STR_DIGITS && !real_base.is_power_of_two() {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    match crate::format::parse_int_literal(s, base) {
        Ok(b) => Ok(Value::from_bigint(b)),
        Err(()) => {
            let r: String = crate::protocol::repr::str_repr(s).chars().take(200).collect();
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

pub fn to_i64(v: &BigInt) -> Option<i64> {
    v.to_i64()
}

#[cfg(test)]
mod tests {
    use super::digit_count;

    #[test]
    fn digit_counts() {
        assert_eq!(digit_count(" -1_000x", 10), (10, 4));
        assert_eq!(digit_count("0x1f", 0), (16, 2));
        assert_eq!(digit_count("017", 0), (10, 3));
        assert_eq!(digit_count("99", 7), (7, 0));
    }
}
