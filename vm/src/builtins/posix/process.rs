//! Processes: ids, `kill`, `fork`, `exec*`, `_exit`, `waitpid` and the wait-status
//! macros, `system`, `times`, `umask`.
//!
//! pyhop's `sys.stdout` is buffered in the interpreter, so `fork`, `exec*` and
//! `system` flush it first (a child would otherwise repeat what the parent had not
//! written yet, and `exec` would lose it); `_exit` does not, as CPython's does not.

use std::ffi::CString;

use super::{add, err_last, int_arg, path_arg, Kw};
use crate::object::func::Args;
use crate::object::{Dict, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    add(
        d,
        &[
            ("getpid", getpid),
            ("getppid", getppid),
            ("getuid", getuid),
            ("geteuid", geteuid),
            ("getgid", getgid),
            ("getegid", getegid),
            ("getpgrp", getpgrp),
            ("getsid", getsid),
            ("setsid", setsid),
            ("getgroups", getgroups),
            ("getlogin", getlogin),
            ("kill", kill),
            ("killpg", killpg),
            ("fork", fork),
            ("execv", execv),
            ("execve", execve),
            ("_exit", exit),
            ("abort", abort),
            ("waitpid", waitpid),
            ("wait", wait),
            ("waitstatus_to_exitcode", waitstatus_to_exitcode),
            ("WIFEXITED", wifexited),
            ("WEXITSTATUS", wexitstatus),
            ("WIFSIGNALED", wifsignaled),
            ("WTERMSIG", wtermsig),
            ("WIFSTOPPED", wifstopped),
            ("WSTOPSIG", wstopsig),
            ("WIFCONTINUED", wifcontinued),
            ("WCOREDUMP", wcoredump),
            ("system", system),
            ("times", times),
            ("umask", umask),
        ],
    );
    for (name, v) in [
        ("WNOHANG", libc::WNOHANG),
        ("WUNTRACED", libc::WUNTRACED),
        ("WCONTINUED", libc::WCONTINUED),
        ("WEXITED", libc::WEXITED),
        ("WSTOPPED", libc::WSTOPPED),
        ("WNOWAIT", libc::WNOWAIT),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_IOERR", 74),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
    ] {
        d.insert_str(name, Value::Int(v as i64));
    }
    let fields = ["user", "system", "children_user", "children_system", "elapsed"];
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "posix", "times_result", &fields, 5, 0, &[]) {
        vm.native_classes.insert("times_result", cls.clone());
        d.insert_str("times_result", Value::Obj(cls));
    }
}

macro_rules! id_fn {
    ($name:ident, $py:literal, $call:expr) => {
        fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            a.check(vm, $py, 0, 0)?;
            // SAFETY: an id query without arguments; it cannot fail.
            Ok(Value::Int(unsafe { $call } as i64))
        }
    };
}

id_fn!(getpid, "getpid", libc::getpid());
id_fn!(getppid, "getppid", libc::getppid());
id_fn!(getuid, "getuid", libc::getuid());
id_fn!(geteuid, "geteuid", libc::geteuid());
id_fn!(getgid, "getgid", libc::getgid());
id_fn!(getegid, "getegid", libc::getegid());
id_fn!(getpgrp, "getpgrp", libc::getpgrp());

fn getsid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getsid", 1, 1)?;
    let pid = int_arg(vm, &pos[0])? as libc::pid_t;
    // SAFETY: plain syscall.
    let r = unsafe { libc::getsid(pid) };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r as i64))
}

fn setsid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "setsid", 0, 0)?;
    // SAFETY: plain syscall.
    if unsafe { libc::setsid() } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn getgroups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getgroups", 0, 0)?;
    // SAFETY: a size query (count 0, no buffer).
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(err_last(vm));
    }
    let mut g = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `g` has room for `n` ids.
    let n = unsafe { libc::getgroups(n, g.as_mut_ptr()) };
    if n < 0 {
        return Err(err_last(vm));
    }
    let items = g[..n as usize].iter().map(|x| Value::Int(*x as i64)).collect();
    Ok(vm.new_list(items))
}

fn getlogin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getlogin", 0, 0)?;
    // SAFETY: getlogin returns null or a NUL-terminated static string, copied at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(err_last(vm));
    }
    // SAFETY: non-null, NUL-terminated (above).
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(Value::string(s))
}

fn kill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "kill", 2, 2)?;
    let pid = int_arg(vm, &pos[0])? as libc::pid_t;
    let sig = int_arg(vm, &pos[1])? as i32;
    // SAFETY: plain syscall.
    if unsafe { libc::kill(pid, sig) } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn killpg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "killpg", 2, 2)?;
    let pgid = int_arg(vm, &pos[0])? as libc::pid_t;
    let sig = int_arg(vm, &pos[1])? as i32;
    // SAFETY: plain syscall.
    if unsafe { libc::killpg(pgid, sig) } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn fork(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "fork", 0, 0)?;
    crate::builtins::io::flush_stdout();
    // SAFETY: pyhop runs Python code on one thread, so the child's memory (allocator
    // included) is in a consistent state after fork.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(pid as i64))
}

/// An `argv`/`env` item as the C library takes it.
fn c_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<CString> {
    let p = path_arg(vm, v, func, "argv")?;
    Ok(p.c)
}

fn argv_of(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Vec<CString>> {
    let ok = matches!(v, Value::Obj(o) if matches!(o.view(), Obj::Tuple(_) | Obj::List(_)));
    if !ok {
        return Err(vm.type_error(format!("{func}() arg 2 must be a tuple or list")));
    }
    let items = vm.collect(v)?;
    if items.is_empty() {
        return Err(vm.value_error(format!("{func}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(c_arg(vm, it, func)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(vm.value_error(format!("{func}() arg 2 first element cannot be empty")));
    }
    Ok(out)
}

fn env_of(vm: &mut Vm, env: &Value) -> PyResult<Vec<CString>> {
    let keys_fn = vm.getattr_opt(env, "keys")?.ok_or_else(|| vm.type_error("env must be a mapping object"))?;
    let keys = vm.call0(&keys_fn)?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(env, &k)?;
        let kb = path_arg(vm, &k, "execve", "env")?.c.into_bytes();
        let vb = path_arg(vm, &v, "execve", "env")?.c.into_bytes();
        if kb.is_empty() || kb.contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        let mut e = kb;
        e.push(b'=');
        e.extend(vb);
        out.push(CString::new(e).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    v.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

fn execv(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "execv", 2, 2)?;
    let path = path_arg(vm, &pos[0], "execv", "path")?;
    let argv = argv_of(vm, &pos[1], "execv")?;
    let p = ptrs(&argv);
    crate::builtins::io::flush_stdout();
    // SAFETY: NUL-terminated path; `p` is a null-terminated array of C strings that
    // outlive the call.
    unsafe { libc::execv(path.c.as_ptr(), p.as_ptr()) };
    Err(err_last(vm))
}

fn execve(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "execve", &["path", "argv", "env"], 3, 3)?;
    let path = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "execve", "path")?;
    let argv = argv_of(vm, k.a.get(1, "argv").unwrap_or(&Value::None), "execve")?;
    let env = env_of(vm, k.a.get(2, "env").unwrap_or(&Value::None))?;
    let (p, e) = (ptrs(&argv), ptrs(&env));
    crate::builtins::io::flush_stdout();
    // SAFETY: as execv; `e` is a null-terminated array of "K=V" strings.
    unsafe { libc::execve(path.c.as_ptr(), p.as_ptr(), e.as_ptr()) };
    Err(err_last(vm))
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "_exit", &["status"], 1, 1)?;
    let n = int_arg(vm, k.a.get(0, "status").unwrap_or(&Value::None))?;
    // SAFETY: ends the process at once, as requested.
    unsafe { libc::_exit(n as i32) }
}

fn abort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "abort", 0, 0)?;
    std::process::abort()
}

fn waitpid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "waitpid", 2, 2)?;
    let pid = int_arg(vm, &pos[0])? as libc::pid_t;
    let options = int_arg(vm, &pos[1])? as i32;
    let mut status = 0;
    loop {
        // SAFETY: `status` is a writable int.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]));
        }
        if super::errno_now() != libc::EINTR {
            return Err(err_last(vm));
        }
    }
}

fn wait(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "wait", 0, 0)?;
    let mut status = 0;
    loop {
        // SAFETY: `status` is a writable int.
        let r = unsafe { libc::wait(&mut status) };
        if r >= 0 {
            return Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]));
        }
        if super::errno_now() != libc::EINTR {
            return Err(err_last(vm));
        }
    }
}

fn status_arg(vm: &mut Vm, a: Args, func: &str) -> PyResult<i32> {
    let k = Kw::parse(vm, a, func, &["status"], 1, 1)?;
    Ok(int_arg(vm, k.a.get(0, "status").unwrap_or(&Value::None))? as i32)
}

fn waitstatus_to_exitcode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = status_arg(vm, a, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

macro_rules! wait_macro {
    ($name:ident, $py:literal, $f:path, bool) => {
        fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let s = status_arg(vm, a, $py)?;
            Ok(Value::Bool($f(s)))
        }
    };
    ($name:ident, $py:literal, $f:path, int) => {
        fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let s = status_arg(vm, a, $py)?;
            Ok(Value::Int($f(s) as i64))
        }
    };
}

wait_macro!(wifexited, "WIFEXITED", libc::WIFEXITED, bool);
wait_macro!(wexitstatus, "WEXITSTATUS", libc::WEXITSTATUS, int);
wait_macro!(wifsignaled, "WIFSIGNALED", libc::WIFSIGNALED, bool);
wait_macro!(wtermsig, "WTERMSIG", libc::WTERMSIG, int);
wait_macro!(wifstopped, "WIFSTOPPED", libc::WIFSTOPPED, bool);
wait_macro!(wstopsig, "WSTOPSIG", libc::WSTOPSIG, int);
wait_macro!(wifcontinued, "WIFCONTINUED", libc::WIFCONTINUED, bool);
wait_macro!(wcoredump, "WCOREDUMP", libc::WCOREDUMP, bool);

fn system(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "system", &["command"], 1, 1)?;
    let cmd = path_arg(vm, k.a.get(0, "command").unwrap_or(&Value::None), "system", "command")?;
    crate::builtins::io::flush_stdout();
    // SAFETY: NUL-terminated command string.
    let r = unsafe { libc::system(cmd.c.as_ptr()) };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r as i64))
}

fn times(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "times", 0, 0)?;
    // SAFETY: `tms` is plain data, filled by times().
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is writable.
    let elapsed = unsafe { libc::times(&mut t) };
    if elapsed == (-1i64) as libc::clock_t {
        return Err(err_last(vm));
    }
    // SAFETY: plain sysconf query.
    let tck = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let f = |x: libc::clock_t| Value::Float(x as f64 / tck);
    let values = vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(elapsed)];
    let Some(cls) = vm.native_classes.get("times_result").cloned() else { return Ok(vm.new_tuple(values)) };
    Ok(crate::builtins::structseq::new(vm, &cls, values))
}

fn umask(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "umask", 1, 1)?;
    let m = int_arg(vm, &pos[0])? as libc::mode_t;
    // SAFETY: plain syscall; it cannot fail.
    Ok(Value::Int(unsafe { libc::umask(m) } as i64))
}
