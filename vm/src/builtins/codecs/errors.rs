//! Codec error handlers: the built-in ones (`strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `namereplace`, `surrogateescape`,
//! `surrogatepass`) run natively; any other name is looked up in the registry
//! (`register_error`) and called with the Unicode error, its `(replacement,
//! position)` result honoured.
//!
//! pyhop's str cannot hold lone surrogates, so `surrogateescape` and
//! `surrogatepass` can only act like `strict` (on encoding there are never
//! surrogates to handle; on decoding the surrogates cannot be produced), and
//! `namereplace` has no character names to use (it raises `LookupError`-free
//! `NotImplementedError` for the characters it would name).

use super::unicode_error::{self, escape_char};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// What an encode error handler gives in place of the bad characters.
pub enum Repl {
    Str(String),
    Bytes(Vec<u8>),
}

fn no_names(vm: &Vm) -> PyErr {
    vm.err("NotImplementedError", "the 'namereplace' error handler needs Unicode character names, which pyhop lacks")
}

/// The handler for an encode error on `chars[start..end]` of `sval`.
#[allow(clippy::too_many_arguments)]
pub fn on_encode(
    vm: &mut Vm,
    errors: &str,
    encoding: &str,
    sval: &Value,
    chars: &[char],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<(Repl, usize)> {
    let bad = &chars[start..end];
    let r = match errors {
        "strict" | "surrogateescape" | "surrogatepass" => {
            return Err(unicode_error::encode_error(vm, encoding, sval, start, end, reason))
        }
        "ignore" => String::new(),
        "replace" => "?".repeat(bad.len()),
        "backslashreplace" => bad.iter().map(|&c| escape_char(c as u32)).collect(),
        "xmlcharrefreplace" => bad.iter().map(|&c| format!("&#{};", c as u32)).collect(),
        "namereplace" => return Err(no_names(vm)),
        _ => {
            let exc = unicode_error::encode_error(vm, encoding, sval, start, end, reason).0;
            let (r, pos) = call_handler(vm, errors, exc, chars.len(), true)?;
            return Ok((r, pos));
        }
    };
    Ok((Repl::Str(r), end))
}

/// The handler for a decode error on `data[start..end]`: the replacement text and
/// where to go on.
pub fn on_decode(
    vm: &mut Vm,
    errors: &str,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<(String, usize)> {
    let r = match errors {
        "strict" | "surrogateescape" | "surrogatepass" => {
            return Err(unicode_error::decode_error(vm, encoding, data, start, end, reason))
        }
        "ignore" => String::new(),
        "replace" => "\u{fffd}".to_string(),
        "backslashreplace" => data[start..end].iter().map(|&b| format!("\\x{b:02x}")).collect(),
        "xmlcharrefreplace" | "namereplace" => {
            return Err(vm.type_error("don't know how to handle UnicodeDecodeError in error callback"))
        }
        _ => {
            let exc = unicode_error::decode_error(vm, encoding, data, start, end, reason).0;
            return match call_handler(vm, errors, exc, data.len(), false)? {
                (Repl::Str(s), pos) => Ok((s, pos)),
                (Repl::Bytes(_), _) => Err(vm.type_error("decoding error handler must return (str, int) tuple")),
            };
        }
    };
    Ok((r, end))
}

/// Call the registered handler `errors` with `exc`; check and normalise its result.
fn call_handler(vm: &mut Vm, errors: &str, exc: Value, len: usize, encoding: bool) -> PyResult<(Repl, usize)> {
    let handler = super::lookup_error_value(vm, errors)?;
    let res = vm.call(&handler, crate::object::func::Args::new(&[exc]))?;
    let bad = || {
        if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        }
    };
    let items = match crate::protocol::ops::unwrap_base(&res).as_obj().and_then(|o| o.as_tuple()) {
        Some(t) if t.len() == 2 => t.to_vec(),
        _ => return Err(vm.type_error(bad())),
    };
    let repl = if let Some(s) = crate::builtins::str::pystr(&items[0]) {
        Repl::Str(s.as_str().to_string())
    } else if let (true, Some(b)) = (encoding, crate::builtins::bytes::bytes_data(&items[0])) {
        Repl::Bytes(b)
    } else {
        return Err(vm.type_error(bad()));
    };
    let pos = match &items[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return Err(vm.type_error(bad())),
    };
    let p = if pos < 0 { pos + len as i64 } else { pos };
    if p < 0 || p > len as i64 {
        return Err(vm.index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok((repl, p as usize))
}

// ---------------------------------------------------------------------------
// The built-in handlers as callables (`codecs.lookup_error("strict")`).

struct ErrInfo {
    kind: u8, // 0 decode, 1 encode, 2 translate
    object: Value,
    start: usize,
    end: usize,
}

fn err_info(vm: &mut Vm, exc: &Value) -> PyResult<ErrInfo> {
    let kind = if vm.isinstance(exc, &vm.exc_class("UnicodeDecodeError")) {
        0
    } else if vm.isinstance(exc, &vm.exc_class("UnicodeEncodeError")) {
        1
    } else if vm.isinstance(exc, &vm.exc_class("UnicodeTranslateError")) {
        2
    } else {
        return Err(vm.type_error(format!("don't know how to handle {} in error callback", vm.type_name(exc))));
    };
    let object = vm.getattr(exc, "object")?;
    let start = vm.getattr(exc, "start")?;
    let end = vm.getattr(exc, "end")?;
    let (start, end) = (vm.index_value(&start)?.max(0) as usize, vm.index_value(&end)?.max(0) as usize);
    Ok(ErrInfo { kind, object, start, end })
}

fn the_exc<'a>(vm: &Vm, a: &crate::object::func::Args<'a>, name: &str) -> PyResult<&'a Value> {
    Ok(&a.check(vm, name, 1, 1)?[0])
}

fn bad_chars(info: &ErrInfo) -> Vec<char> {
    let s = info.object.as_str().unwrap_or("");
    s.chars().skip(info.start).take(info.end.saturating_sub(info.start)).collect()
}

fn result(vm: &Vm, s: String, end: usize) -> Value {
    vm.new_tuple(vec![Value::string(s), Value::Int(end as i64)])
}

pub fn strict_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "strict_errors")?;
    if vm.isinstance(exc, &vm.exc_class("BaseException")) {
        return Err(PyErr(exc.clone()));
    }
    Err(vm.type_error("codec must pass exception instance"))
}

pub fn ignore_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "ignore_errors")?.clone();
    let info = err_info(vm, &exc)?;
    Ok(result(vm, String::new(), info.end))
}

pub fn replace_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "replace_errors")?.clone();
    let info = err_info(vm, &exc)?;
    let n = info.end.saturating_sub(info.start);
    let s = match info.kind {
        0 => "\u{fffd}".to_string(),
        1 => "?".repeat(n),
        _ => "\u{fffd}".repeat(n),
    };
    Ok(result(vm, s, info.end))
}

pub fn backslashreplace_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "backslashreplace_errors")?.clone();
    let info = err_info(vm, &exc)?;
    let s = if info.kind == 0 {
        let data = crate::builtins::bytes::bytes_data(&info.object).unwrap_or_default();
        let end = info.end.min(data.len());
        data[info.start.min(end)..end].iter().map(|b| format!("\\x{b:02x}")).collect()
    } else {
        bad_chars(&info).iter().map(|&c| escape_char(c as u32)).collect()
    };
    Ok(result(vm, s, info.end))
}

pub fn xmlcharrefreplace_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "xmlcharrefreplace_errors")?.clone();
    let info = err_info(vm, &exc)?;
    if info.kind != 1 {
        return Err(vm.type_error(format!("don't know how to handle {} in error callback", vm.type_name(&exc))));
    }
    let s = bad_chars(&info).iter().map(|&c| format!("&#{};", c as u32)).collect();
    Ok(result(vm, s, info.end))
}

pub fn namereplace_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "namereplace_errors")?.clone();
    let info = err_info(vm, &exc)?;
    if info.kind != 1 {
        return Err(vm.type_error(format!("don't know how to handle {} in error callback", vm.type_name(&exc))));
    }
    Err(no_names(vm))
}

/// `surrogateescape`/`surrogatepass`: nothing they could produce fits in a pyhop
/// str, so the error is raised as is.
pub fn surrogate_errors(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
    let exc = the_exc(vm, &a, "surrogateescape")?.clone();
    err_info(vm, &exc)?;
    Err(PyErr(exc))
}
