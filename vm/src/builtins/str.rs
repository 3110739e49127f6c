//! `str`, `bytes` and `bytearray`: construction and methods.

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("join", str_join),
    ("split", str_split),
    ("strip", str_strip),
    ("upper", str_upper),
    ("lower", str_lower),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("replace", str_replace),
    ("format", str_format),
    ("__format__", str_dunder_format),
];

pub const BYTES_METHODS: MethodTable = &[("decode", bytes_decode)];

/// The text of a str argument (self or other), with a TypeError otherwise.
pub fn text<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    unwrap_base(v).as_str().ok_or_else(|| vm.type_error(format!("{what} must be str, not {}", vm.type_name(v))))
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "join", 2, 2)?;
    let sep = text(vm, &pos[0], "separator")?.to_string();
    let items = vm.collect(&pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match unwrap_base(it).as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(Value::string(out))
}

fn str_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "split", 1, 3)?;
    let s = text(vm, &a.pos()[0], "self")?.to_string();
    let sep = a.get(1, "sep").cloned().unwrap_or(Value::None);
    let maxsplit = match a.get(2, "maxsplit") {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let parts: Vec<Value> = if sep.is_none() {
        let mut out = Vec::new();
        let mut rest = s.trim_start();
        let mut n = 0;
        while !rest.is_empty() {
            if maxsplit >= 0 && n >= maxsplit {
                out.push(Value::str(rest));
                break;
            }
            match rest.find(char::is_whitespace) {
                Some(i) => {
                    out.push(Value::str(&rest[..i]));
                    rest = rest[i..].trim_start();
                    n += 1;
                }
                None => {
                    out.push(Value::str(rest));
                    break;
                }
            }
        }
        out
    } else {
        let sep = text(vm, &sep, "sep")?.to_string();
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        if maxsplit < 0 {
            s.split(sep.as_str()).map(Value::str).collect()
        } else {
            s.splitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect()
        }
    };
    Ok(vm.new_list(parts))
}

fn str_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "strip", 1, 2)?;
    let s = text(vm, &pos[0], "self")?;
    match pos.get(1).filter(|v| !v.is_none()) {
        None => Ok(Value::str(s.trim())),
        Some(c) => {
            let chars: Vec<char> = text(vm, c, "strip arg")?.chars().collect();
            Ok(Value::str(s.trim_matches(|x| chars.contains(&x))))
        }
    }
}

fn str_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "upper", 1, 1)?;
    Ok(Value::string(text(vm, &pos[0], "self")?.to_uppercase()))
}

fn str_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "lower", 1, 1)?;
    Ok(Value::string(text(vm, &pos[0], "self")?.to_lowercase()))
}

fn affix(vm: &mut Vm, a: Args, name: &str, start: bool) -> PyResult<Value> {
    let pos = a.check(vm, name, 2, 4)?;
    let s = text(vm, &pos[0], "self")?.to_string();
    let cands: Vec<Value> = match &pos[1] {
        Value::Obj(o) if matches!(&**o, Obj::Tuple(_)) => vm.collect(&pos[1])?,
        v => vec![v.clone()],
    };
    for c in cands {
        let t = c.as_str().ok_or_else(|| {
            vm.type_error(format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(&c)))
        })?;
        if (start && s.starts_with(t)) || (!start && s.ends_with(t)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "startswith", true)
}

fn str_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "endswith", false)
}

fn str_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "replace", 3, 4)?;
    let s = text(vm, &pos[0], "self")?;
    let old = text(vm, &pos[1], "replace() argument 1")?;
    let new = text(vm, &pos[2], "replace() argument 2")?;
    let count = match pos.get(3) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok(Value::string(if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) }))
}

fn str_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::printf::str_format_method(vm, a)
}

fn str_dunder_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__format__", 2, 2)?;
    let s = unwrap_base(&pos[0]).clone();
    let spec = pos[1].as_str().unwrap_or("").to_string();
    vm.format(&s, &spec)
}

fn bytes_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "decode", 1, 3)?;
    match unwrap_base(&pos[0]) {
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => match std::str::from_utf8(b) {
                Ok(s) => Ok(Value::str(s)),
                Err(e) => Err(vm.err(
                    "UnicodeDecodeError",
                    format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[e.valid_up_to()], e.valid_up_to()),
                )),
            },
            _ => Err(vm.type_error("descriptor 'decode' requires a 'bytes' object")),
        },
        _ => Err(vm.type_error("descriptor 'decode' requires a 'bytes' object")),
    }
}

/// `str(object='')`.
pub fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "str", 0, 3)?;
    match a.get(0, "object") {
        None => Ok(Value::str("")),
        Some(v) => {
            if a.get(1, "encoding").is_some() {
                if let Value::Obj(o) = v {
                    if let Obj::Bytes(b) = &**o {
                        return Ok(Value::string(String::from_utf8_lossy(b).to_string()));
                    }
                }
            }
            vm.str(v)
        }
    }
}

/// `bytes(x)`.
pub fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "bytes", 0, 3)?;
    let Some(x) = a.get(0, "source") else { return Ok(Value::obj(Obj::Bytes(Box::new([])))) };
    let data = bytes_from(vm, x)?;
    Ok(Value::obj(Obj::Bytes(data.into_boxed_slice())))
}

fn bytes_from(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = x.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Value::Int(n) = x {
        if *n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; *n as usize]);
    }
    let mut out = Vec::new();
    for v in vm.collect(x)? {
        let i = vm.index_value(&v)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

pub fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "bytearray", 0, 3)?;
    let data = match a.get(0, "source") {
        Some(x) => bytes_from(vm, x)?,
        None => Vec::new(),
    };
    Ok(Value::obj(Obj::ByteArray(std::cell::RefCell::new(data))))
}
