//! The `_codecs` module: the codec registry (`register`, `lookup`, `encode`,
//! `decode`), the error-handler registry (`register_error`, `lookup_error`) and
//! the codec functions the `encodings` package calls (`utf_8_decode`, ...), each
//! returning `(result, consumed)` as CPython's.

pub mod errors;
pub mod escape;
pub mod text;
pub mod unicode_error;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::builtins::bytes::{bytes_data, new_bytes};
use crate::builtins::native;
use crate::object::func::Args;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Default)]
struct Registry {
    search: Vec<Value>,
    cache: HashMap<String, Value>,
    errors: HashMap<String, Value>,
}

thread_local! {
    static REG: RefCell<Registry> = RefCell::new(Registry::default());
}

pub fn fill(_vm: &mut Vm, d: &mut Dict) {
    for (name, f) in [
        ("register", register as crate::object::NativeFn),
        ("unregister", unregister),
        ("lookup", lookup),
        ("_forget_codec", forget_codec),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("escape_encode", escape::escape_encode),
        ("escape_decode", escape::escape_decode),
        ("unicode_escape_encode", escape::unicode_escape_encode),
        ("unicode_escape_decode", escape::unicode_escape_decode),
        ("raw_unicode_escape_encode", escape::raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", escape::raw_unicode_escape_decode),
    ] {
        d.insert_str(name, native(name, f));
    }
}

/// Argument `i` (or keyword `name`) of `a`, if given and not None.
pub fn arg<'a>(a: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
    a.pos().get(i).or_else(|| a.kwarg(name)).filter(|v| !v.is_none())
}

/// The `errors` argument (default "strict").
pub fn errors_arg(vm: &Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    match arg(a, i, "errors") {
        None => Ok("strict".into()),
        Some(v) => match crate::builtins::str::pystr(v) {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(vm.type_error(format!("{fname}() argument 'errors' must be str or None, not {}", vm.type_name(v)))),
        },
    }
}

pub fn str_arg(vm: &Vm, a: &Args, fname: &str) -> PyResult<(Value, String)> {
    let v = a.pos().first().or_else(|| a.kwarg("str")).ok_or_else(|| vm.type_error(format!("{fname}() missing required argument 'str' (pos 1)")))?;
    match crate::builtins::str::pystr(v) {
        Some(s) => Ok((v.clone(), s.as_str().to_string())),
        None => Err(vm.type_error(format!("{fname}() argument 1 must be str, not {}", vm.type_name(v)))),
    }
}

pub fn data_arg(vm: &Vm, a: &Args, fname: &str) -> PyResult<Vec<u8>> {
    let v = a.pos().first().or_else(|| a.kwarg("data")).ok_or_else(|| vm.type_error(format!("{fname}() missing required argument 'data' (pos 1)")))?;
    match bytes_data(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v)))),
    }
}

fn truthy(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.truthy(v),
    }
}

pub fn pair(vm: &Vm, v: Value, n: usize) -> Value {
    vm.new_tuple(vec![v, Value::Int(n as i64)])
}

// ---------------------------------------------------------------------------
// Registries

/// CPython's `normalizestring`: lower case, spaces to underscores.
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect()
}

fn register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = a.check(vm, "register", 1, 1)?[0].clone();
    if !vm.is_callable(&f) {
        return Err(vm.type_error("argument must be callable"));
    }
    REG.with(|r| r.borrow_mut().search.push(f));
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = a.check(vm, "unregister", 1, 1)?[0].clone();
    REG.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.search.iter().position(|x| x.is(&f)) {
            r.search.remove(i);
            r.cache.clear();
        }
    });
    Ok(Value::None)
}

/// `codecs.lookup(name)`: the CodecInfo from the first search function that knows it.
pub fn lookup_value(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let norm = normalize(name);
    if let Some(v) = REG.with(|r| r.borrow().cache.get(&norm).cloned()) {
        return Ok(v);
    }
    if REG.with(|r| r.borrow().search.is_empty()) {
        vm.import_module("encodings")?;
    }
    let search = REG.with(|r| r.borrow().search.clone());
    let arg = Value::string(norm.clone());
    for f in search {
        let res = vm.call(&f, Args::new(std::slice::from_ref(&arg)))?;
        if res.is_none() {
            continue;
        }
        let ok = crate::protocol::ops::unwrap_base(&res).as_obj().and_then(|o| o.as_tuple()).is_some_and(|t| t.len() == 4);
        if !ok {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        REG.with(|r| r.borrow_mut().cache.insert(norm, res.clone()));
        return Ok(res);
    }
    Err(vm.err("LookupError", format!("unknown encoding: {name}")))
}

fn lookup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.check(vm, "lookup", 1, 1)?[0].clone();
    let Some(s) = v.as_str() else { return Err(vm.type_error(format!("lookup() argument must be str, not {}", vm.type_name(&v)))) };
    let s = s.to_string();
    lookup_value(vm, &s)
}

fn forget_codec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.check(vm, "_forget_codec", 1, 1)?[0].clone();
    let n = normalize(v.as_str().unwrap_or(""));
    REG.with(|r| r.borrow_mut().cache.remove(&n));
    Ok(Value::None)
}

/// The item `i` of a CodecInfo.
fn codec_item(vm: &mut Vm, encoding: &str, i: i64) -> PyResult<Value> {
    let info = lookup_value(vm, encoding)?;
    vm.getitem(&info, &Value::Int(i))
}

/// Run a codec function and take the first item of its `(object, length)` result.
fn run_codec(vm: &mut Vm, f: &Value, obj: &Value, errors: &str, encoder: bool) -> PyResult<Value> {
    let res = vm.call(f, Args::new(&[obj.clone(), Value::str(errors)]))?;
    match crate::protocol::ops::unwrap_base(&res).as_obj().and_then(|o| o.as_tuple()) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(vm.type_error(if encoder {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object, integer)"
        })),
    }
}

fn enc_and_errors(vm: &Vm, a: &Args, fname: &str) -> PyResult<(Value, String, String)> {
    let obj = a.pos().first().or_else(|| a.kwarg("obj")).cloned().ok_or_else(|| vm.type_error(format!("{fname}() missing required argument 'obj' (pos 1)")))?;
    let enc = match arg(a, 1, "encoding") {
        None => "utf-8".to_string(),
        Some(v) => v.as_str().map(str::to_string).ok_or_else(|| vm.type_error(format!("{fname}() argument 'encoding' must be str, not {}", vm.type_name(v))))?,
    };
    let errors = errors_arg(vm, a, 2, fname)?;
    Ok((obj, enc, errors))
}

fn encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (obj, enc, errors) = enc_and_errors(vm, &a, "encode")?;
    let f = codec_item(vm, &enc, 0)?;
    run_codec(vm, &f, &obj, &errors, true)
}

fn decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (obj, enc, errors) = enc_and_errors(vm, &a, "decode")?;
    let f = codec_item(vm, &enc, 1)?;
    run_codec(vm, &f, &obj, &errors, false)
}

/// `str.encode` for an encoding pyhop has no native codec for.
pub fn encode_via_registry(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let f = codec_item(vm, encoding, 0)?;
    let r = run_codec(vm, &f, &Value::str(s), errors, true)?;
    match bytes_data(&r) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

/// `bytes.decode` for an encoding pyhop has no native codec for.
pub fn decode_via_registry(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let f = codec_item(vm, encoding, 1)?;
    let r = run_codec(vm, &f, &new_bytes(b.to_vec()), errors, false)?;
    match crate::builtins::str::pystr(&r) {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(vm.type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&r)
        ))),
    }
}

fn register_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "register_error", 2, 2)?;
    let Some(name) = pos[0].as_str() else { return Err(vm.type_error("register_error() argument 1 must be str")) };
    if !vm.is_callable(&pos[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    let (name, h) = (name.to_string(), pos[1].clone());
    REG.with(|r| r.borrow_mut().errors.insert(name, h));
    Ok(Value::None)
}

/// The handler registered (or built in) as `name`.
pub fn lookup_error_value(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(h) = REG.with(|r| r.borrow().errors.get(name).cloned()) {
        return Ok(h);
    }
    let f: crate::object::NativeFn = match name {
        "strict" => errors::strict_errors,
        "ignore" => errors::ignore_errors,
        "replace" => errors::replace_errors,
        "backslashreplace" => errors::backslashreplace_errors,
        "xmlcharrefreplace" => errors::xmlcharrefreplace_errors,
        "namereplace" => errors::namereplace_errors,
        "surrogateescape" | "surrogatepass" => errors::surrogate_errors,
        _ => return Err(vm.err("LookupError", format!("unknown error handler name '{name}'"))),
    };
    let fname: &'static str = match name {
        "strict" => "strict_errors",
        "ignore" => "ignore_errors",
        "replace" => "replace_errors",
        "backslashreplace" => "backslashreplace_errors",
        "xmlcharrefreplace" => "xmlcharrefreplace_errors",
        "namereplace" => "namereplace_errors",
        "surrogateescape" => "surrogateescape",
        _ => "surrogatepass",
    };
    let h = native(fname, f);
    REG.with(|r| r.borrow_mut().errors.insert(name.to_string(), h.clone()));
    Ok(h)
}

fn lookup_error(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.check(vm, "lookup_error", 1, 1)?[0].clone();
    let Some(n) = v.as_str() else { return Err(vm.type_error("lookup_error() argument must be str")) };
    let n = n.to_string();
    lookup_error_value(vm, &n)
}

/// Whether `errors` names a handler that is built in (not replaced by register_error).
pub fn is_builtin_handler(errors: &str) -> bool {
    REG.with(|r| !r.borrow().errors.contains_key(errors))
        && matches!(
            errors,
            "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" | "namereplace" | "surrogateescape" | "surrogatepass"
        )
}

// ---------------------------------------------------------------------------
// Codec functions

fn utf_8_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = str_arg(vm, &a, "utf_8_encode")?;
    let n = s.chars().count();
    Ok(pair(vm, new_bytes(s.into_bytes()), n))
}

fn utf_8_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = data_arg(vm, &a, "utf_8_decode")?;
    let errors = errors_arg(vm, &a, 1, "utf_8_decode")?;
    let final_ = truthy(vm, arg(&a, 2, "final"))?;
    let (s, n) = text::decode_utf8(vm, &b, &errors, final_)?;
    Ok(pair(vm, Value::string(s), n))
}

fn limited_encode(vm: &mut Vm, a: Args, fname: &str, limit: u32) -> PyResult<Value> {
    let (sv, s) = str_arg(vm, &a, fname)?;
    let errors = errors_arg(vm, &a, 1, fname)?;
    let out = text::encode_limited(vm, &sv, &s, &errors, limit)?;
    Ok(pair(vm, new_bytes(out), s.chars().count()))
}

fn ascii_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    limited_encode(vm, a, "ascii_encode", 0x80)
}

fn latin_1_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    limited_encode(vm, a, "latin_1_encode", 0x100)
}

fn ascii_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = data_arg(vm, &a, "ascii_decode")?;
    let errors = errors_arg(vm, &a, 1, "ascii_decode")?;
    let s = text::decode_ascii(vm, &b, &errors)?;
    Ok(pair(vm, Value::string(s), b.len()))
}

fn latin_1_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = data_arg(vm, &a, "latin_1_decode")?;
    Ok(pair(vm, Value::string(text::decode_latin1(&b)), b.len()))
}

fn charmap_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (sv, s) = str_arg(vm, &a, "charmap_encode")?;
    let errors = errors_arg(vm, &a, 1, "charmap_encode")?;
    let mapping = arg(&a, 2, "mapping").cloned().unwrap_or(Value::None);
    let out = text::encode_charmap(vm, &sv, &s, &errors, &mapping)?;
    Ok(pair(vm, new_bytes(out), s.chars().count()))
}

fn charmap_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = data_arg(vm, &a, "charmap_decode")?;
    let errors = errors_arg(vm, &a, 1, "charmap_decode")?;
    let mapping = arg(&a, 2, "mapping").cloned().unwrap_or(Value::None);
    let s = text::decode_charmap(vm, &b, &errors, &mapping)?;
    Ok(pair(vm, Value::string(s), b.len()))
}

/// `charmap_build(decoding_table)`: the encoding map, here a dict code point → byte.
fn charmap_build(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.check(vm, "charmap_build", 1, 1)?[0].clone();
    let Some(s) = crate::builtins::str::pystr(&v) else { return Err(vm.type_error("charmap_build() argument must be str")) };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut d = Dict::new();
    for (i, c) in chars.iter().enumerate().take(256) {
        if *c != '\u{fffe}' {
            d.insert(vm, Value::Int(*c as i64), Value::Int(i as i64))?;
        }
    }
    Ok(vm.new_dict(d))
}

fn byteorder_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    match arg(a, i, "byteorder") {
        None => Ok(0),
        Some(v) => vm.index_value(v),
    }
}

fn utf_encode(vm: &mut Vm, a: Args, fname: &str, wide: bool, fixed: Option<i64>) -> PyResult<Value> {
    let (_, s) = str_arg(vm, &a, fname)?;
    errors_arg(vm, &a, 1, fname)?;
    let order = match fixed {
        Some(o) => o,
        None => byteorder_arg(vm, &a, 2)?.signum(),
    };
    let out = if wide { text::encode_utf32(&s, order) } else { text::encode_utf16(&s, order) };
    Ok(pair(vm, new_bytes(out), s.chars().count()))
}

fn utf_decode(vm: &mut Vm, a: Args, fname: &str, wide: bool, fixed: Option<i64>, ex: bool) -> PyResult<Value> {
    let b = data_arg(vm, &a, fname)?;
    let errors = errors_arg(vm, &a, 1, fname)?;
    let (order, final_) = match (fixed, ex) {
        (Some(o), _) => (o, truthy(vm, arg(&a, 2, "final"))?),
        (None, true) => (byteorder_arg(vm, &a, 2)?.signum(), truthy(vm, arg(&a, 3, "final"))?),
        (None, false) => (0, truthy(vm, arg(&a, 2, "final"))?),
    };
    let (s, n, found) = if wide {
        text::decode_utf32(vm, &b, &errors, order, final_)?
    } else {
        text::decode_utf16(vm, &b, &errors, order, final_)?
    };
    if ex {
        return Ok(vm.new_tuple(vec![Value::string(s), Value::Int(n as i64), Value::Int(found)]));
    }
    Ok(pair(vm, Value::string(s), n))
}

fn utf_16_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_16_encode", false, None)
}
fn utf_16_le_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_16_le_encode", false, Some(-1))
}
fn utf_16_be_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_16_be_encode", false, Some(1))
}
fn utf_32_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_32_encode", true, None)
}
fn utf_32_le_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_32_le_encode", true, Some(-1))
}
fn utf_32_be_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_encode(vm, a, "utf_32_be_encode", true, Some(1))
}
fn utf_16_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_16_decode", false, None, false)
}
fn utf_16_le_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_16_le_decode", false, Some(-1), false)
}
fn utf_16_be_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_16_be_decode", false, Some(1), false)
}
fn utf_16_ex_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_16_ex_decode", false, None, true)
}
fn utf_32_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_32_decode", true, None, false)
}
fn utf_32_le_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_32_le_decode", true, Some(-1), false)
}
fn utf_32_be_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_32_be_decode", true, Some(1), false)
}
fn utf_32_ex_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    utf_decode(vm, a, "utf_32_ex_decode", true, None, true)
}
