//! CPython-format printing of uncaught exceptions: the traceback entries (file,
//! line, function, source line), the `ExceptionType: message` line, and chained
//! causes and contexts.

use std::collections::HashMap;

use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;

/// The source line `lineno` of `filename` as it is in the file (without its newline),
/// if the file can be read.
pub fn raw_source_line(cache: &mut HashMap<String, Option<Vec<String>>>, filename: &str, lineno: u32) -> Option<String> {
    let lines = cache
        .entry(filename.to_string())
        .or_insert_with(|| std::fs::read_to_string(filename).ok().map(|s| s.lines().map(String::from).collect()));
    lines.as_ref()?.get(lineno.checked_sub(1)? as usize).cloned()
}

/// The source line `lineno` of `filename` without its indentation (trailing blanks
/// stay, as CPython prints them), if the file can be read and the line is not blank.
pub fn source_line(cache: &mut HashMap<String, Option<Vec<String>>>, filename: &str, lineno: u32) -> Option<String> {
    let line = raw_source_line(cache, filename, lineno)?;
    let t = line.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\n', '\r']);
    (!t.trim().is_empty()).then(|| t.to_string())
}

/// The character index of UTF-8 byte offset `byte` in `s` (a cut character counts).
fn char_offset(s: &str, byte: usize) -> usize {
    let b = &s.as_bytes()[..byte.min(s.len())];
    String::from_utf8_lossy(b).chars().count()
}

/// CPython 3.11's marker line under a traceback's source line (the interpreter's
/// printer): `^` under the failing expression, or `~~~^^^~~~` with the operator or
/// subscript of a one-line binary operation or subscript picked out. None when the
/// columns are unknown, or when plain carets would cover the whole stripped line.
/// A multi-line expression is marked up to the end of its first line.
pub fn caret_row(line: &str, pos: (u32, u32, u32, u32)) -> Option<String> {
    use pyhop_compiler::anchors::{caret_anchors, Rules};
    let (lineno, end_lineno, col, end_col) = pos;
    let line = line.trim_end_matches(['\n', '\r']);
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    let start = char_offset(line, col as usize);
    let mut end = char_offset(line, end_col as usize);
    let mut anchors = None;
    if lineno == end_lineno {
        if start < end && end <= chars.len() {
            let segment: String = chars[start..end].iter().collect();
            anchors = caret_anchors(&segment, Rules::Printer).map(|(l, r)| (start + l, start + r));
        }
    } else {
        end = chars.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(0, |i| i + 1);
    }
    if end.saturating_sub(start) == chars.len() - indent && anchors.is_none() {
        return None;
    }
    let mut row = String::from("    ");
    for offset in indent + 1..=end {
        row.push(match anchors {
            _ if offset <= start => ' ',
            Some((left, right)) if left < offset && offset <= right => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(row)
}

/// `ExceptionType: message` (module-qualified for classes outside builtins/__main__).
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let cls = vm.type_of(exc);
    let (name, module) = match cls.as_class() {
        Some(c) => (c.qualname.borrow().to_string(), c.module.borrow().as_str().unwrap_or("builtins").to_string()),
        None => ("Exception".into(), "builtins".into()),
    };
    let full = if module == "builtins" || module == "__main__" { name } else { format!("{module}.{name}") };
    let msg = match vm.str_string(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".into(),
    };
    if vm.isinstance(exc, &vm.exc_class("SyntaxError")) {
        return syntax_error_text(vm, exc, &full);
    }
    if msg.is_empty() {
        full
    } else {
        format!("{full}: {msg}")
    }
}

fn syntax_error_text(vm: &mut Vm, exc: &Value, full: &str) -> String {
    let get = |vm: &mut Vm, n: &str| vm.getattr_opt(exc, n).ok().flatten().unwrap_or(Value::None);
    let msg = get(vm, "msg");
    let msg = msg.as_str().map(String::from).unwrap_or_else(|| vm.str_string(exc).unwrap_or_default());
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let text = get(vm, "text");
    let offset = get(vm, "offset");
    let mut out = String::new();
    if let (Some(f), Value::Int(l)) = (filename.as_str(), &lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
        if let Some(t) = text.as_str() {
            let stripped = t.trim_end_matches('\n');
            let trimmed = stripped.trim_start();
            let lead = stripped.chars().count() - trimmed.chars().count();
            out.push_str(&format!("    {}\n", trimmed.trim_end()));
            // No caret when the offset falls inside the stripped indentation; a range
            // on the error's line gets a caret per character.
            if let Value::Int(o) = offset {
                let len = trimmed.trim_end().chars().count() as i64;
                let col = (o - 1 - lead as i64).min(len);
                if col >= 0 {
                    let width = match (get(vm, "end_lineno"), get(vm, "end_offset")) {
                        (Value::Int(el), Value::Int(eo)) if el == lineno_i(&lineno) => {
                            if eo > o { eo - o } else { 1 }
                        }
                        _ => 1,
                    };
                    out.push_str(&format!("    {}{}\n", " ".repeat(col as usize), "^".repeat(width.max(1) as usize)));
                }
            }
        }
    }
    out.push_str(&format!("{full}: {msg}"));
    out
}

fn lineno_i(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => -1,
    }
}

fn format_tb(vm: &mut Vm, exc: &Value, cache: &mut HashMap<String, Option<Vec<String>>>, out: &mut String) {
    let Value::Obj(o) = exc else { return };
    let Obj::Exception(e) = o.view() else { return };
    let mut tb = e.traceback.borrow().clone();
    let mut entries = String::new();
    let mut count = 0;
    while let Value::Obj(t) = &tb {
        let Obj::Traceback(t) = t.view() else { break };
        let f = t.code.filename.to_string();
        entries.push_str(&format!("  File \"{f}\", line {}, in {}\n", t.lineno, t.code.name));
        if let Some(src) = source_line(cache, &f, t.lineno) {
            entries.push_str(&format!("    {src}\n"));
            let pos = crate::builtins::code::position(&t.code, t.lasti as usize);
            if let (Some(line), (Some(l), Some(el), Some(c), Some(ec))) = (raw_source_line(cache, &f, t.lineno), pos) {
                if l == t.lineno {
                    if let Some(row) = caret_row(&line, (l, el, c, ec)) {
                        entries.push_str(&row);
                        entries.push('\n');
                    }
                }
            }
        }
        count += 1;
        let next = t.next.borrow().clone();
        tb = next;
    }
    if count > 0 {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&entries);
    }
    let _ = vm;
}

/// The full report CPython prints for an uncaught exception, chain included.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut cache = HashMap::new();
    let mut out = String::new();
    let mut seen = Vec::new();
    chain(vm, exc, &mut cache, &mut out, &mut seen);
    out
}

fn chain(vm: &mut Vm, exc: &Value, cache: &mut HashMap<String, Option<Vec<String>>>, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.id());
    if let Value::Obj(o) = exc {
        if let Obj::Exception(e) = o.view() {
            let cause = e.cause.borrow().clone();
            let context = e.context.borrow().clone();
            if !cause.is_none() && !seen.contains(&cause.id()) {
                chain(vm, &cause, cache, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if !context.is_none() && !e.suppress_context.get() && !seen.contains(&context.id()) {
                chain(vm, &context, cache, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
    }
    format_tb(vm, exc, cache, out);
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}
