//! Standard streams. `sys.stdout` writes go through a buffered writer that is
//! flushed at exit and before anything is written to stderr, so interleaving stays
//! as in CPython with a terminal... and pipes stay fast.

use std::io::Write;

use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static STDOUT: std::cell::RefCell<std::io::BufWriter<std::io::Stdout>> =
        std::cell::RefCell::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()));
}

/// Write to the process's stdout (or to a replaced `sys.stdout`).
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    if let Some(out) = replaced_stream(vm, "stdout") {
        let w = vm.getattr(&out, "write")?;
        vm.call1(&w, Value::str(s))?;
        return Ok(());
    }
    STDOUT.with(|o| {
        let _ = o.borrow_mut().write_all(s.as_bytes());
    });
    Ok(())
}

pub fn write_stderr(vm: &mut Vm, s: &str) -> PyResult<()> {
    if let Some(out) = replaced_stream(vm, "stderr") {
        let w = vm.getattr(&out, "write")?;
        vm.call1(&w, Value::str(s))?;
        return Ok(());
    }
    flush_stdout();
    let _ = std::io::stderr().write_all(s.as_bytes());
    Ok(())
}

pub fn flush_stdout() {
    STDOUT.with(|o| {
        let _ = o.borrow_mut().flush();
    });
}

/// `sys.stdout` / `sys.stderr` when a program replaced them with its own object.
fn replaced_stream(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = Value::Obj(vm.sys.clone());
    let cur = vm.getattr_opt(&sys, name).ok()??;
    let orig = vm.getattr_opt(&sys, &format!("__{name}__")).ok()??;
    if cur.is(&orig) {
        None
    } else {
        Some(cur)
    }
}

/// The native `sys.stdout.write` / `sys.stderr.write`.
pub fn stdout_write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "write", 2, 2)?;
    let s = pos[1].as_str().ok_or_else(|| vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&pos[1]))))?;
    let n = s.chars().count();
    let is_err = vm.getattr_opt(&pos[0], "name")?.and_then(|n| n.as_str().map(|s| s == "<stderr>")).unwrap_or(false);
    if is_err {
        flush_stdout();
        let _ = std::io::stderr().write_all(s.as_bytes());
    } else {
        STDOUT.with(|o| {
            let _ = o.borrow_mut().write_all(s.as_bytes());
        });
    }
    Ok(Value::Int(n as i64))
}

pub fn stream_flush(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    flush_stdout();
    Ok(Value::None)
}

pub fn stdin_readline(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let mut s = String::new();
    let _ = std::io::stdin().read_line(&mut s);
    Ok(Value::string(s))
}
