//! The codec cores: UTF-8/16/32, ASCII, Latin-1 and charmap. Each decoder returns
//! the text and how many bytes it consumed (with `final == false` an incomplete
//! trailing sequence is left for the next call); errors go through
//! [`errors::on_decode`]/[`errors::on_encode`].

use super::errors::{self, Repl};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Encode `s` one character at a time with `enc` (false: cannot encode it).
pub fn encode_chars(
    vm: &mut Vm,
    sval: &Value,
    s: &str,
    errors: &str,
    encoding: &str,
    reason: &str,
    mut enc: impl FnMut(&mut Vm, char, &mut Vec<u8>) -> PyResult<bool>,
) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut scratch = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if enc(vm, chars[i], &mut out)? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() {
            scratch.clear();
            if enc(vm, chars[end], &mut scratch)? {
                break;
            }
            end += 1;
        }
        let (r, pos) = errors::on_encode(vm, errors, encoding, sval, &chars, i, end, reason)?;
        match r {
            Repl::Bytes(b) => out.extend_from_slice(&b),
            Repl::Str(r) => {
                for c in r.chars() {
                    if !enc(vm, c, &mut out)? {
                        return Err(super::unicode_error::encode_error(vm, encoding, sval, i, end, reason));
                    }
                }
            }
        }
        i = pos;
    }
    Ok(out)
}

pub fn encode_limited(vm: &mut Vm, sval: &Value, s: &str, errors: &str, limit: u32) -> PyResult<Vec<u8>> {
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let (encoding, reason) = if limit == 0x80 { ("ascii", "ordinal not in range(128)") } else { ("latin-1", "ordinal not in range(256)") };
    encode_chars(vm, sval, s, errors, encoding, reason, |_, c, out| {
        Ok(if (c as u32) < limit {
            out.push(c as u8);
            true
        } else {
            false
        })
    })
}

pub fn decode_ascii(vm: &mut Vm, b: &[u8], errors: &str) -> PyResult<String> {
    if b.is_ascii() {
        return Ok(b.iter().map(|&x| x as char).collect());
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            out.push(b[i] as char);
            i += 1;
        } else {
            let (r, pos) = errors::on_decode(vm, errors, "ascii", b, i, i + 1, "ordinal not in range(128)")?;
            out.push_str(&r);
            i = pos;
        }
    }
    Ok(out)
}

pub fn decode_latin1(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

/// UTF-8: (text, bytes consumed).
pub fn decode_utf8(vm: &mut Vm, b: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                pos = b.len();
            }
            Err(e) => {
                let good = pos + e.valid_up_to();
                // SAFETY-free: the prefix is valid UTF-8 by `valid_up_to`.
                out.push_str(std::str::from_utf8(&b[pos..good]).unwrap_or_default());
                let (end, reason) = match e.error_len() {
                    None if !final_ => return Ok((out, good)),
                    None => (b.len(), "unexpected end of data"),
                    Some(n) if (0xc2..=0xf4).contains(&b[good]) => (good + n, "invalid continuation byte"),
                    Some(n) => (good + n, "invalid start byte"),
                };
                let (r, next) = errors::on_decode(vm, errors, "utf-8", b, good, end, reason)?;
                out.push_str(&r);
                pos = next;
            }
        }
    }
    Ok((out, pos))
}

/// UTF-16 / UTF-32 encoding; `order` -1 little, 1 big, 0 native with a BOM.
pub fn encode_utf16(s: &str, order: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    let big = order == 1;
    let put = |u: u16, out: &mut Vec<u8>| out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order == 0 {
        put(0xfeff, &mut out);
    }
    let mut buf = [0u16; 2];
    for c in s.chars() {
        for u in c.encode_utf16(&mut buf) {
            put(*u, &mut out);
        }
    }
    out
}

pub fn encode_utf32(s: &str, order: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    let big = order == 1;
    let put = |u: u32, out: &mut Vec<u8>| out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order == 0 {
        put(0xfeff, &mut out);
    }
    for c in s.chars() {
        put(c as u32, &mut out);
    }
    out
}

/// UTF-16 decoding: (text, consumed, byte order found). `order` 0 detects a BOM.
pub fn decode_utf16(vm: &mut Vm, b: &[u8], errors: &str, mut order: i64, final_: bool) -> PyResult<(String, usize, i64)> {
    let mut pos = 0;
    if order == 0 && b.len() >= 2 {
        match (b[0], b[1]) {
            (0xff, 0xfe) => {
                order = -1;
                pos = 2;
            }
            (0xfe, 0xff) => {
                order = 1;
                pos = 2;
            }
            _ => {}
        }
    }
    let found = order;
    let big = order == 1;
    // No BOM: native (little-endian) order, named as such in errors.
    let enc = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| if big { u16::from_be_bytes([b[i], b[i + 1]]) } else { u16::from_le_bytes([b[i], b[i + 1]]) };
    let mut out = String::with_capacity(b.len() / 2);
    while pos < b.len() {
        if pos + 1 >= b.len() {
            if !final_ {
                break;
            }
            let (r, next) = errors::on_decode(vm, errors, enc, b, pos, b.len(), "truncated data")?;
            out.push_str(&r);
            pos = next;
            continue;
        }
        let u = unit(pos);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            pos += 2;
            continue;
        }
        let (end, reason) = if u >= 0xdc00 {
            (pos + 2, "illegal encoding")
        } else if pos + 3 >= b.len() {
            if !final_ {
                break;
            }
            (b.len(), "unexpected end of data")
        } else {
            let u2 = unit(pos + 2);
            if (0xdc00..0xe000).contains(&u2) {
                let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((u2 as u32) - 0xdc00);
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                pos += 4;
                continue;
            }
            (pos + 2, "illegal UTF-16 surrogate")
        };
        let (r, next) = errors::on_decode(vm, errors, enc, b, pos, end, reason)?;
        out.push_str(&r);
        pos = next;
    }
    Ok((out, pos, found))
}

/// UTF-32 decoding, like [`decode_utf16`].
pub fn decode_utf32(vm: &mut Vm, b: &[u8], errors: &str, mut order: i64, final_: bool) -> PyResult<(String, usize, i64)> {
    let mut pos = 0;
    if order == 0 && b.len() >= 4 {
        if b[..4] == [0xff, 0xfe, 0, 0] {
            order = -1;
            pos = 4;
        } else if b[..4] == [0, 0, 0xfe, 0xff] {
            order = 1;
            pos = 4;
        }
    }
    let found = order;
    let big = order == 1;
    // No BOM: native (little-endian) order, named as such in errors.
    let enc = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::with_capacity(b.len() / 4);
    while pos < b.len() {
        if pos + 4 > b.len() {
            if !final_ {
                break;
            }
            let (r, next) = errors::on_decode(vm, errors, enc, b, pos, b.len(), "truncated data")?;
            out.push_str(&r);
            pos = next;
            continue;
        }
        let q = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
        let u = if big { u32::from_be_bytes(q) } else { u32::from_le_bytes(q) };
        match char::from_u32(u) {
            Some(c) => {
                out.push(c);
                pos += 4;
            }
            None => {
                let reason = if u > 0x10ffff {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                let (r, next) = errors::on_decode(vm, errors, enc, b, pos, pos + 4, reason)?;
                out.push_str(&r);
                pos = next;
            }
        }
    }
    Ok((out, pos, found))
}

/// `charmap_decode` with a decoding table (a str of up to 256 characters,
/// U+FFFE undefined) or a mapping (int → int/str/None); None means Latin-1.
pub fn decode_charmap(vm: &mut Vm, b: &[u8], errors: &str, mapping: &Value) -> PyResult<String> {
    if mapping.is_none() {
        return Ok(decode_latin1(b));
    }
    let table: Option<Vec<char>> = crate::builtins::str::pystr(mapping).map(|s| s.as_str().chars().collect());
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let got: Option<String> = match &table {
            Some(t) => t.get(b[i] as usize).filter(|&&c| c != '\u{fffe}').map(|c| c.to_string()),
            None => match vm.getitem(mapping, &Value::Int(b[i] as i64)) {
                Ok(v) => charmap_value(vm, &v)?,
                Err(e) if vm.err_matches(&e, "LookupError") => None,
                Err(e) => return Err(e),
            },
        };
        match got {
            Some(s) => {
                out.push_str(&s);
                i += 1;
            }
            None => {
                let (r, next) = errors::on_decode(vm, errors, "charmap", b, i, i + 1, "character maps to <undefined>")?;
                out.push_str(&r);
                i = next;
            }
        }
    }
    Ok(out)
}

fn charmap_value(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(s) = crate::builtins::str::pystr(v) {
        let s = s.as_str();
        return Ok((s != "\u{fffe}").then(|| s.to_string()));
    }
    let n = vm.index_value(v).map_err(|_| vm.type_error("character mapping must return integer, None or str"))?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some('\u{fffe}') => Ok(None),
        Some(c) => Ok(Some(c.to_string())),
        None => Err(vm.type_error("character mapping must be in range(0x110000)")),
    }
}

/// `charmap_encode` with a mapping (code point → int/bytes/None); None means Latin-1.
pub fn encode_charmap(vm: &mut Vm, sval: &Value, s: &str, errors: &str, mapping: &Value) -> PyResult<Vec<u8>> {
    if mapping.is_none() {
        return encode_limited(vm, sval, s, errors, 0x100);
    }
    let mapping = mapping.clone();
    encode_chars(vm, sval, s, errors, "charmap", "character maps to <undefined>", move |vm, c, out| {
        let v = match vm.getitem(&mapping, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, "LookupError") => return Ok(false),
            Err(e) => return Err(e),
        };
        if v.is_none() {
            return Ok(false);
        }
        if let Some(b) = crate::builtins::bytes::bytes_data(&v) {
            out.extend_from_slice(&b);
            return Ok(true);
        }
        let n = vm.index_value(&v).map_err(|_| vm.type_error("character mapping must return integer, bytes or None, not str"))?;
        match u8::try_from(n) {
            Ok(x) => {
                out.push(x);
                Ok(true)
            }
            Err(_) => Err(vm.type_error("character mapping must be in range(256)")),
        }
    })
}
