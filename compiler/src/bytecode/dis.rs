//! Disassembler in CPython 3.10's `dis` format, plus a 3.11-style
//! `ExceptionTable:` section (mirrors `Lib/dis.py`).
//!
//! ```text
//!   1           0 LOAD_CONST               0 (1)
//!               2 STORE_NAME               0 (x)
//! ```
//! Columns: line number at the first instruction of each line, `>>` on jump
//! targets, byte offset (2 × unit index), name, argument (with `EXTENDED_ARG`
//! prefixes folded into the following instruction's argument), and its meaning.

use super::{flag, CodeObject, Constant, Opcode, CMP_OPS};
use std::collections::HashSet;
use std::fmt::Write;

/// Python's `repr()` of a str.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a float.
pub fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let abs = x.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        let s = format!("{x:e}");
        // Rust: 1e20 / 1.5e-7; Python: 1e+20 / 1.5e-07
        if let Some((m, e)) = s.split_once('e') {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            return format!("{m}e{sign}{digits:0>2}");
        }
        return s;
    }
    format!("{x:?}")
}

/// `repr()` of a constant as `dis` shows it.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::Str(s) => py_str_repr(s),
        Constant::Bytes(b) => {
            let mut out = String::from("b'");
            for &x in b.iter() {
                match x {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(x as char),
                    _ => {
                        let _ = write!(out, "\\x{x:02x}");
                    }
                }
            }
            out.push('\'');
            out
        }
        Constant::Float(x) => py_float_repr(*x),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", py_float_repr(*imag).trim_end_matches(".0"))
            } else {
                format!("({}+{}j)", py_float_repr(*real).trim_end_matches(".0"), py_float_repr(*imag).trim_end_matches(".0"))
            }
        }
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        other => other.to_string(),
    }
}

fn arg_repr(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let f = op.flags();
    let i = arg as usize;
    if f & flag::CONST != 0 {
        return code.consts.get(i).map_or_else(|| "?".into(), const_repr);
    }
    if f & flag::NAME != 0 {
        return code.names.get(i).map_or_else(|| "?".into(), |s| s.to_string());
    }
    if f & flag::LOCAL != 0 {
        return code.varnames.get(i).map_or_else(|| "?".into(), |s| s.to_string());
    }
    if f & flag::FREE != 0 {
        let nc = code.cellvars.len();
        let name = if i < nc { code.cellvars.get(i) } else { code.freevars.get(i - nc) };
        return name.map_or_else(|| "?".into(), |s| s.to_string());
    }
    if f & flag::JUMP != 0 {
        return format!("to {}", arg * 2);
    }
    if f & flag::CMP != 0 {
        return CMP_OPS.get(i).map_or_else(|| "?".into(), |s| s.to_string());
    }
    if op == Opcode::FormatValue {
        let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
        return match (conv, arg & 4 != 0) {
            ("", true) => "with format".into(),
            ("", false) => String::new(),
            (c, true) => format!("{c}, with format"),
            (c, false) => c.into(),
        };
    }
    if op == Opcode::MakeFunction {
        let names = ["defaults", "kwdefaults", "annotations", "closure"];
        let parts: Vec<&str> = (0..4).filter(|b| arg & (1 << b) != 0).map(|b| names[b]).collect();
        return parts.join(", ");
    }
    String::new()
}

/// Disassembles one code object.
pub fn dis(code: &CodeObject) -> String {
    let mut out = String::new();
    // jump targets (unit indices), with EXTENDED_ARG folding
    let mut targets = HashSet::new();
    let mut ext = 0u32;
    for u in &code.code {
        let Some(op) = Opcode::from_u8(u.op) else {
            ext = 0;
            continue;
        };
        let arg = ext << 8 | u.arg as u32;
        if op == Opcode::ExtendedArg {
            ext = arg;
            continue;
        }
        ext = 0;
        if op.is_jump() {
            targets.insert(arg);
        }
    }
    for e in &code.exception_table {
        targets.insert(e.target);
    }
    let offset_width = (code.code.len() * 2).to_string().len().max(4);
    let mut last_line = None;
    let mut ext = 0u32;
    for (i, u) in code.code.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let starts = line != 0 && Some(line) != last_line && (i == 0 || code.code.get(i - 1).map_or(true, |p| p.op != Opcode::ExtendedArg as u8));
        let mut fields: Vec<String> = Vec::new();
        if starts {
            if i > 0 {
                out.push('\n');
            }
            last_line = Some(line);
            fields.push(format!("{line:>3}"));
        } else {
            fields.push("   ".into());
        }
        fields.push("   ".into());
        fields.push(if targets.contains(&(i as u32)) { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>w$}", i * 2, w = offset_width));
        match Opcode::from_u8(u.op) {
            None => {
                fields.push(format!("<{}>", u.op));
                ext = 0;
            }
            Some(op) => {
                fields.push(format!("{:<20}", op.name()));
                let arg = ext << 8 | u.arg as u32;
                ext = if op == Opcode::ExtendedArg { arg } else { 0 };
                // A quickened form (adaptive dis) shows its generic argument as its family does.
                let fam = op.family();
                if fam.has_arg() {
                    fields.push(format!("{arg:>5}"));
                    let r = if op == Opcode::ExtendedArg { String::new() } else { arg_repr(code, fam, arg) };
                    if !r.is_empty() {
                        fields.push(format!("({r})"));
                    }
                }
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(out, "  {} to {} -> {} [{}]", e.start * 2, e.end.saturating_sub(1) * 2, e.target * 2, e.depth);
        }
    }
    out
}

/// Disassembles `code` and then, recursively, every code object in its constants.
pub fn dis_recursive(code: &CodeObject) -> String {
    let mut out = dis(code);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            let _ = write!(
                out,
                "\nDisassembly of <code object {}, file \"{}\", line {}>:\n",
                inner.name, inner.filename, inner.firstlineno
            );
            out.push_str(&dis_recursive(inner));
        }
    }
    out
}
