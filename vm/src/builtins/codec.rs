//! Text codecs for `str.encode`, `bytes.decode` and `str(b, encoding)`:
//! UTF-8, ASCII and Latin-1 with the error handlers `strict`, `ignore`,
//! `replace`, `backslashreplace` and (encoding only) `xmlcharrefreplace`.
//! Names are normalized and aliased like `encodings.normalize_encoding`, and
//! errors carry CPython's messages.

use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name used in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The first code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Find the codec for an encoding name (`LookupError: unknown encoding: X`).
pub fn lookup(vm: &Vm, name: &str) -> PyResult<Codec> {
    let norm: String =
        name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_ir_6"
        | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "iso_646.irv_1991" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819" | "ibm819"
        | "iso_8859_1_1987" | "iso_ir_100" | "csisolatin1" => Codec::Latin1,
        _ => return Err(vm.err("LookupError", format!("unknown encoding: {name}"))),
    })
}

fn unknown_handler(vm: &Vm, errors: &str) -> PyErr {
    vm.err("LookupError", format!("unknown error handler name '{errors}'"))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point.
fn escape_char(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..].iter().take_while(|&&c| c as u32 >= limit).count();
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(encode_error(vm, codec, &chars, i, end));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escape_char(c as u32).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

fn encode_error(vm: &Vm, codec: Codec, chars: &[char], start: usize, end: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit());
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't encode character '{}' in position {start}: {reason}",
            codec.name(),
            escape_char(chars[start] as u32)
        )
    } else {
        format!("'{}' codec can't encode characters in position {start}-{}: {reason}", codec.name(), end - 1)
    };
    vm.err("UnicodeEncodeError", msg)
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match lookup(vm, encoding)? {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => decode_ascii(vm, b, errors),
        Codec::Utf8 => decode_utf8(vm, b, errors),
    }
}

/// What a decode error handler puts in place of the bad bytes.
fn decode_replacement(
    vm: &Vm,
    errors: &str,
    bad: &[u8],
    out: &mut String,
    strict: impl FnOnce() -> PyErr,
) -> PyResult<()> {
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Err(strict()),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        "xmlcharrefreplace" => Err(vm.type_error("don't know how to handle UnicodeDecodeError in error callback")),
        _ => Err(unknown_handler(vm, errors)),
    }
}

fn decode_error(vm: &Vm, codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}", codec.name(), b[start])
    } else {
        format!("'{}' codec can't decode bytes in position {start}-{}: {reason}", codec.name(), end - 1)
    };
    vm.err("UnicodeDecodeError", msg)
}

fn decode_ascii(vm: &Vm, b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    for (i, &x) in b.iter().enumerate() {
        if x < 0x80 {
            out.push(x as char);
        } else {
            let strict = || decode_error(vm, Codec::Ascii, b, i, i + 1, "ordinal not in range(128)");
            decode_replacement(vm, errors, &b[i..i + 1], &mut out, strict)?;
        }
    }
    Ok(out)
}

fn decode_utf8(vm: &Vm, b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = pos + e.valid_up_to();
                out.push_str(&String::from_utf8_lossy(&b[pos..good]));
                let (end, reason) = match e.error_len() {
                    None => (b.len(), "unexpected end of data"),
                    Some(n) if (0xc2..=0xf4).contains(&b[good]) => (good + n, "invalid continuation byte"),
                    Some(n) => (good + n, "invalid start byte"),
                };
                let strict = || decode_error(vm, Codec::Utf8, b, good, end, reason);
                decode_replacement(vm, errors, &b[good..end], &mut out, strict)?;
                pos = end;
            }
        }
    }
    Ok(out)
}
