//! The environment (`environ`, a dict of bytes to bytes as CPython's is; `putenv`,
//! `unsetenv`), `uname`, `urandom`, `cpu_count`, `get_terminal_size`.

use std::ffi::CStr;

use super::{add, bytes_value, err_last, fd_arg, int_arg, path_arg, Kw};
use crate::object::func::Args;
use crate::object::{Dict, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    add(
        d,
        &[
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("uname", uname),
            ("urandom", urandom),
            ("cpu_count", cpu_count),
            ("get_terminal_size", get_terminal_size),
        ],
    );
    let env = vm.new_dict(Dict::new());
    if let Value::Obj(o) = &env {
        if let Obj::Dict(dd) = o.view() {
            use std::os::unix::ffi::OsStrExt;
            for (k, v) in std::env::vars_os() {
                let (k, v) = (bytes_value(k.as_bytes().to_vec()), bytes_value(v.as_bytes().to_vec()));
                let _ = dd.borrow_mut().insert(vm, k, v);
            }
        }
    }
    d.insert_str("environ", env);
    let uname_fields = ["sysname", "nodename", "release", "version", "machine"];
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "posix", "uname_result", &uname_fields, 5, 0, &[]) {
        vm.native_classes.insert("uname_result", cls.clone());
        d.insert_str("uname_result", Value::Obj(cls));
    }
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "os", "terminal_size", &["columns", "lines"], 2, 0, &[]) {
        vm.native_classes.insert("terminal_size", cls.clone());
        d.insert_str("terminal_size", Value::Obj(cls));
    }
}

/// A name or value for the environment: str or bytes (or path-like), no NUL.
fn env_bytes(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Vec<u8>> {
    let Some(p) = super::fspath_opt(vm, v)? else {
        let t = vm.type_name(v).to_string();
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {t}")));
    };
    Ok(path_arg(vm, &p, func, "name")?.c.into_bytes())
}

fn putenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "putenv", 2, 2)?;
    let k = env_bytes(vm, &pos[0], "putenv")?;
    let v = env_bytes(vm, &pos[1], "putenv")?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    use std::os::unix::ffi::OsStrExt;
    std::env::set_var(std::ffi::OsStr::from_bytes(&k), std::ffi::OsStr::from_bytes(&v));
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "unsetenv", 1, 1)?;
    let k = env_bytes(vm, &pos[0], "unsetenv")?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    use std::os::unix::ffi::OsStrExt;
    std::env::remove_var(std::ffi::OsStr::from_bytes(&k));
    Ok(Value::None)
}

fn uname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "uname", 0, 0)?;
    // SAFETY: `utsname` is plain data, filled by uname().
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(err_last(vm));
    }
    let s = |f: &[libc::c_char]| {
        // SAFETY: uname fills each field with a NUL-terminated string.
        let c = unsafe { CStr::from_ptr(f.as_ptr()) };
        Value::string(c.to_string_lossy().into_owned())
    };
    let values = vec![s(&u.sysname), s(&u.nodename), s(&u.release), s(&u.version), s(&u.machine)];
    let Some(cls) = vm.native_classes.get("uname_result").cloned() else { return Ok(vm.new_tuple(values)) };
    Ok(crate::builtins::structseq::new(vm, &cls, values))
}

fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "urandom", 1, 1)?;
    let n = int_arg(vm, &pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: the rest of `buf` is writable.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if r < 0 {
            if super::errno_now() == libc::EINTR {
                continue;
            }
            return Err(err_last(vm));
        }
        got += r as usize;
    }
    Ok(bytes_value(buf))
}

fn cpu_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "cpu_count", 0, 0)?;
    // SAFETY: plain sysconf query.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::None } else { Value::Int(n as i64) })
}

fn get_terminal_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "get_terminal_size", &["fd"], 1, 0)?;
    let fd = match k.a.get(0, "fd") {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: `winsize` is plain data, filled by the ioctl.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize into `w`.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(err_last(vm));
    }
    let values = vec![Value::Int(w.ws_col as i64), Value::Int(w.ws_row as i64)];
    let Some(cls) = vm.native_classes.get("terminal_size").cloned() else { return Ok(vm.new_tuple(values)) };
    Ok(crate::builtins::structseq::new(vm, &cls, values))
}
