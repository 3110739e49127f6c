//! The fast paths of `str.encode`, `bytes.decode` and `str(b, encoding)`: UTF-8,
//! ASCII and Latin-1 natively (the cores and error handlers are `codecs::text` and
//! `codecs::errors`); any other encoding goes through the `_codecs` registry.
//! Names are normalized and aliased like `encodings.normalize_encoding`, and
//! errors carry CPython's messages.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name used in error messages.
    #[allow(dead_code)]
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

/// `s.encode(encoding, errors)`: the native codecs, else the codec registry.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = match lookup(vm, encoding) {
        Ok(c) => c,
        Err(_) => return crate::builtins::codecs::encode_via_registry(vm, s, encoding, errors),
    };
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let sval = Value::str(s);
    crate::builtins::codecs::text::encode_limited(vm, &sval, s, errors, codec.limit())
}

/// `b.decode(encoding, errors)`: the native codecs, else the codec registry.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = match lookup(vm, encoding) {
        Ok(c) => c,
        Err(_) => return crate::builtins::codecs::decode_via_registry(vm, b, encoding, errors),
    };
    match codec {
        Codec::Latin1 => Ok(crate::builtins::codecs::text::decode_latin1(b)),
        Codec::Ascii => crate::builtins::codecs::text::decode_ascii(vm, b, errors),
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
            Ok(crate::builtins::codecs::text::decode_utf8(vm, b, errors, true)?.0)
        }
    }
}
