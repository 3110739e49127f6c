//! The escape codecs: `escape_encode`/`escape_decode` (bytes ↔ bytes, as in bytes
//! literals), `unicode_escape` and `raw_unicode_escape`.
//!
//! `\N{name}` escapes cannot be decoded (pyhop has no character-name table: they
//! fail as "unknown Unicode character name"), and escapes of lone surrogates
//! (`\ud800`) fail too, since a pyhop str cannot hold them.

use super::{arg, data_arg, errors, errors_arg, pair, str_arg};
use crate::builtins::bytes::{bytes_data, new_bytes};
use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn hex(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

pub fn escape_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.check_pos(vm, "escape_encode", 1, 2)?[0].clone();
    let Some(b) = crate::protocol::ops::unwrap_base(&v).as_obj().filter(|o| matches!(o.view(), crate::object::Obj::Bytes(_))).and_then(|_| bytes_data(&v)) else {
        return Err(vm.type_error(format!("escape_encode() argument 1 must be bytes, not {}", vm.type_name(&v))));
    };
    let mut out = Vec::with_capacity(b.len());
    for &c in &b {
        match c {
            b'\'' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    Ok(pair(vm, new_bytes(out), b.len()))
}

pub fn escape_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.pos().first().cloned().ok_or_else(|| vm.type_error("escape_decode() missing required argument 'data' (pos 1)"))?;
    let b = match v.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(vm, &a, "escape_decode")?,
    };
    let errors = errors_arg(vm, &a, 1, "escape_decode")?;
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else { return Err(vm.value_error("Trailing \\ in string")) };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut n = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            n = n * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((n & 0xff) as u8);
            }
            b'x' => match (b.get(i).copied().and_then(hex), b.get(i + 1).copied().and_then(hex)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => match errors.as_str() {
                    "strict" => return Err(vm.value_error(format!("invalid \\x escape at position {start}"))),
                    "replace" => {
                        out.push(b'?');
                        i += b[i..].iter().take(2).take_while(|&&d| hex(d).is_some()).count();
                    }
                    "ignore" => i += b[i..].iter().take(2).take_while(|&&d| hex(d).is_some()).count(),
                    e => return Err(vm.value_error(format!("decoding error; unknown error handling code: {e}"))),
                },
            },
            _ => out.extend_from_slice(&[b'\\', c]),
        }
    }
    Ok(pair(vm, new_bytes(out), b.len()))
}

fn push_escape(out: &mut Vec<u8>, c: u32) {
    let s = if c >= 0x10000 {
        format!("\\U{c:08x}")
    } else if c >= 0x100 {
        format!("\\u{c:04x}")
    } else {
        format!("\\x{c:02x}")
    };
    out.extend_from_slice(s.as_bytes());
}

pub fn unicode_escape_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = str_arg(vm, &a, "unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        match c {
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\\' => out.extend_from_slice(b"\\\\"),
            ' '..='~' => out.push(c as u8),
            _ => push_escape(&mut out, c as u32),
        }
    }
    Ok(pair(vm, new_bytes(out), n))
}

pub fn raw_unicode_escape_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = str_arg(vm, &a, "raw_unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        if (c as u32) < 0x100 {
            out.push(c as u8);
        } else {
            push_escape(&mut out, c as u32);
        }
    }
    Ok(pair(vm, new_bytes(out), n))
}

/// Read up to `n` hex digits at `b[i..]`: (value, digits read).
fn hex_digits(b: &[u8], i: usize, n: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut k = 0;
    while k < n {
        match b.get(i + k).copied().and_then(hex) {
            Some(d) => v = v * 16 + d,
            None => break,
        }
        k += 1;
    }
    (v, k)
}

fn final_arg(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match arg(a, 2, "final") {
        None => Ok(a.pos().get(2).is_none() && a.kwarg("final").is_none()),
        Some(v) => vm.truthy(v),
    }
}

pub fn unicode_escape_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    decode_escapes(vm, a, false)
}

pub fn raw_unicode_escape_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    decode_escapes(vm, a, true)
}

fn decode_escapes(vm: &mut Vm, a: Args, raw: bool) -> PyResult<Value> {
    let fname = if raw { "raw_unicode_escape_decode" } else { "unicode_escape_decode" };
    let enc = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let b = match a.pos().first().and_then(|v| v.as_str()) {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(vm, &a, fname)?,
    };
    let errors = errors_arg(vm, &a, 1, fname)?;
    let final_ = final_arg(vm, &a)?;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i] as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // \u escapes count only after an odd number of backslashes.
            let run = b[i..].iter().take_while(|&&c| c == b'\\').count();
            let next = b.get(i + run).copied();
            if run % 2 == 1 && next.is_none() && !final_ {
                out.extend(std::iter::repeat_n('\\', run - 1));
                i += run - 1;
                break;
            }
            if run % 2 == 0 || !matches!(next, Some(b'u' | b'U')) {
                out.extend(std::iter::repeat_n('\\', run));
                i += run;
                continue;
            }
            out.extend(std::iter::repeat_n('\\', run - 1));
            i += run - 1;
        }
        let (c, text_start) = match b.get(i + 1) {
            None if !final_ => break,
            None => {
                let (r, next) = errors::on_decode(vm, &errors, enc, &b, start, b.len(), "\\ at end of string")?;
                out.push_str(&r);
                i = next;
                continue;
            }
            Some(&c) => (c, i + 2),
        };
        let i0 = i;
        let simple = if raw {
            None
        } else {
            match c {
                b'\n' => Some(None),
                b'\\' => Some(Some('\\')),
                b'\'' => Some(Some('\'')),
                b'"' => Some(Some('"')),
                b'b' => Some(Some('\u{8}')),
                b'f' => Some(Some('\u{c}')),
                b't' => Some(Some('\t')),
                b'n' => Some(Some('\n')),
                b'r' => Some(Some('\r')),
                b'v' => Some(Some('\u{b}')),
                b'a' => Some(Some('\u{7}')),
                _ => None,
            }
        };
        if let Some(ch) = simple {
            if let Some(ch) = ch {
                out.push(ch);
            }
            i = text_start;
            continue;
        }
        if !raw && (b'0'..=b'7').contains(&c) {
            let mut n = (c - b'0') as u32;
            let mut j = text_start;
            while j < text_start + 2 && j < b.len() && (b'0'..=b'7').contains(&b[j]) {
                n = n * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
            i = j;
            continue;
        }
        let (digits, what) = match c {
            b'x' if !raw => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' if !raw => {
                // No character names: a well-formed \N{...} is an unknown name.
                let close = b[text_start..].iter().position(|&x| x == b'}');
                let (end, reason) = match (b.get(text_start), close) {
                    (Some(b'{'), Some(k)) if k > 1 => (text_start + k + 1, "unknown Unicode character name"),
                    (None | Some(b'{'), None) if !final_ && b.len() - text_start < 256 => break,
                    _ => (text_start.min(b.len()), "malformed \\N character escape"),
                };
                let (r, next) = errors::on_decode(vm, &errors, enc, &b, start, end, reason)?;
                out.push_str(&r);
                i = next;
                continue;
            }
            _ => {
                out.push('\\');
                out.push(c as char);
                i = text_start;
                continue;
            }
        };
        let (v, k) = hex_digits(&b, text_start, digits);
        let end = text_start + k;
        if k < digits {
            if !final_ && end >= b.len() {
                i = i0;
                break;
            }
            let (r, next) = errors::on_decode(vm, &errors, enc, &b, start, end, what)?;
            out.push_str(&r);
            i = next;
            continue;
        }
        match char::from_u32(v) {
            Some(ch) => {
                out.push(ch);
                i = end;
            }
            None => {
                let reason = if v > 0x10ffff {
                    if raw {
                        "\\Uxxxxxxxx out of range"
                    } else {
                        "illegal Unicode character"
                    }
                } else {
                    "surrogates cannot be held in a pyhop str"
                };
                let (r, next) = errors::on_decode(vm, &errors, enc, &b, start, end, reason)?;
                out.push_str(&r);
                i = next;
            }
        }
    }
    Ok(pair(vm, Value::string(out), i.min(b.len())))
}
