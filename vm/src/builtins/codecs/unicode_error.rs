//! `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`: the
//! constructor arguments become the attributes `encoding`, `object`, `start`,
//! `end` and `reason` (kept in the instance dict), and `str()` is CPython's
//! "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".

use crate::object::{Exception, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Whether `cls` is UnicodeEncodeError/DecodeError/TranslateError or a subclass.
pub fn is_unicode_error_class(vm: &Vm, cls: &ObjRef) -> bool {
    let Some(c) = cls.as_class() else { return false };
    ["UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"]
        .iter()
        .any(|n| c.is_subclass_of(cls, &vm.exc_class(n)))
}

/// Set the attributes from the constructor arguments.
pub fn init(vm: &Vm, e: &Exception, args: &[Value]) {
    let translate = e.class.as_class().is_some_and(|c| c.is_subclass_of(&e.class, &vm.exc_class("UnicodeTranslateError")));
    let mut d = e.dict.borrow_mut();
    if translate && args.len() == 4 {
        d.insert_str("encoding", Value::None);
        for (n, v) in ["object", "start", "end", "reason"].iter().zip(args) {
            d.insert_str(n, v.clone());
        }
    } else if args.len() == 5 {
        for (n, v) in ["encoding", "object", "start", "end", "reason"].iter().zip(args) {
            d.insert_str(n, v.clone());
        }
    }
}

/// A new exception of class `name` built like `name(*args)`.
pub fn make(vm: &Vm, name: &str, args: Vec<Value>) -> Value {
    let exc = vm.new_exception(vm.exc_class(name), args.clone());
    if let Some(e) = exc.as_obj().and_then(|o| o.as_exception()) {
        init(vm, e, &args);
    }
    exc
}

/// `UnicodeDecodeError(encoding, data, start, end, reason)`.
pub fn decode_error(vm: &Vm, encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr(make(
        vm,
        "UnicodeDecodeError",
        vec![
            Value::str(encoding),
            crate::builtins::bytes::new_bytes(data.to_vec()),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    ))
}

/// `UnicodeEncodeError(encoding, s, start, end, reason)`.
pub fn encode_error(vm: &Vm, encoding: &str, s: &Value, start: usize, end: usize, reason: &str) -> PyErr {
    PyErr(make(
        vm,
        "UnicodeEncodeError",
        vec![Value::str(encoding), s.clone(), Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)],
    ))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn escape_char(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// `str()` of a Unicode error, or `None` for BaseException's form (attributes missing).
pub fn to_str(vm: &mut Vm, exc: &Value) -> PyResult<Option<String>> {
    let Some(e) = exc.as_obj().and_then(|o| o.as_exception()) else { return Ok(None) };
    let d = e.dict.borrow();
    let (Some(obj), Some(Value::Int(start)), Some(Value::Int(end)), Some(reason)) =
        (d.get_str("object"), d.get_str("start"), d.get_str("end"), d.get_str("reason"))
    else {
        return Ok(None);
    };
    let encoding = d.get_str("encoding");
    drop(d);
    let reason = vm.str_string(&reason)?;
    let (start, end) = (start, end);
    let kind = if vm.isinstance(exc, &vm.exc_class("UnicodeDecodeError")) {
        0
    } else if vm.isinstance(exc, &vm.exc_class("UnicodeEncodeError")) {
        1
    } else {
        2
    };
    let enc = match &encoding {
        Some(v) if kind != 2 => vm.str_string(v)?,
        _ => String::new(),
    };
    if kind == 0 {
        let data = crate::builtins::bytes::bytes_data(&obj).unwrap_or_default();
        if start >= 0 && (start as usize) < data.len() && end == start + 1 {
            return Ok(Some(format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )));
        }
        return Ok(Some(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)));
    }
    let s = obj.as_str().unwrap_or("").to_string();
    let what = if kind == 1 { format!("'{enc}' codec can't encode") } else { "can't translate".to_string() };
    if start >= 0 && end == start + 1 {
        if let Some(c) = s.chars().nth(start as usize) {
            return Ok(Some(format!("{what} character '{}' in position {start}: {reason}", escape_char(c as u32))));
        }
    }
    Ok(Some(format!("{what} characters in position {start}-{}: {reason}", end - 1)))
}
