//! CPython-format printing of uncaught exceptions: the traceback entries (file,
//! line, function, source line), the `ExceptionType: message` line, and chained
//! causes and contexts.

use std::collections::HashMap;

use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;

/// The source line `lineno` of `filename`, stripped, if the file can be read.
pub fn source_line(cache: &mut HashMap<String, Option<Vec<String>>>, filename: &str, lineno: u32) -> Option<String> {
    let lines = cache
        .entry(filename.to_string())
        .or_insert_with(|| std::fs::read_to_string(filename).ok().map(|s| s.lines().map(String::from).collect()));
    let line = lines.as_ref()?.get(lineno.checked_sub(1)? as usize)?;
    let t = line.trim();
    (!t.is_empty()).then(|| t.to_string())
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
            if let Value::Int(o) = offset {
                let col = (o - 1 - lead as i64).max(0) as usize;
                out.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
    }
    out.push_str(&format!("{full}: {msg}"));
    out
}

fn format_tb(vm: &mut Vm, exc: &Value, cache: &mut HashMap<String, Option<Vec<String>>>, out: &mut String) {
    let Value::Obj(o) = exc else { return };
    let Obj::Exception(e) = &**o else { return };
    let mut tb = e.traceback.borrow().clone();
    let mut entries = String::new();
    let mut count = 0;
    while let Value::Obj(t) = &tb {
        let Obj::Traceback(t) = &**t else { break };
        let f = t.code.filename.to_string();
        entries.push_str(&format!("  File \"{f}\", line {}, in {}\n", t.lineno, t.code.name));
        if let Some(src) = source_line(cache, &f, t.lineno) {
            entries.push_str(&format!("    {src}\n"));
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
        if let Obj::Exception(e) = &**o {
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
