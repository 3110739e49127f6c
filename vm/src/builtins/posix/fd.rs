//! File descriptors: `open`, `read`, `write`, `close`, `lseek`, `pipe`, `dup`, the
//! inheritable and blocking flags, and the `O_*`/`SEEK_*`/access constants.
//!
//! As in CPython (PEP 446), descriptors this module creates are non-inheritable
//! (`O_CLOEXEC`), except `dup2(..., inheritable=True)`.

use super::{add, buffer_arg, bytes_value, err_last, err_path, fd_arg, int_arg, path_arg, Kw};
use crate::object::func::Args;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(_vm: &mut Vm, d: &mut Dict) {
    add(
        d,
        &[
            ("open", open),
            ("read", read),
            ("write", write),
            ("pread", pread),
            ("pwrite", pwrite),
            ("close", close),
            ("closerange", closerange),
            ("lseek", lseek),
            ("fsync", fsync),
            ("fdatasync", fdatasync),
            ("ftruncate", ftruncate),
            ("isatty", isatty),
            ("ttyname", ttyname),
            ("pipe", pipe),
            ("pipe2", pipe2),
            ("dup", dup),
            ("dup2", dup2),
            ("get_inheritable", get_inheritable),
            ("set_inheritable", set_inheritable),
            ("get_blocking", get_blocking),
            ("set_blocking", set_blocking),
            ("device_encoding", device_encoding),
        ],
    );
    for (name, v) in CONSTANTS {
        d.insert_str(name, Value::Int(*v as i64));
    }
}

const CONSTANTS: &[(&str, i32)] = &[
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
    ("O_RSYNC", libc::O_RSYNC),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_NOATIME", libc::O_NOATIME),
    ("O_PATH", libc::O_PATH),
    ("O_TMPFILE", libc::O_TMPFILE),
    ("O_ACCMODE", libc::O_ACCMODE),
    ("O_ASYNC", libc::O_ASYNC),
    ("O_DIRECT", libc::O_DIRECT),
    ("O_LARGEFILE", libc::O_LARGEFILE),
    ("SEEK_SET", libc::SEEK_SET),
    ("SEEK_CUR", libc::SEEK_CUR),
    ("SEEK_END", libc::SEEK_END),
    ("SEEK_DATA", libc::SEEK_DATA),
    ("SEEK_HOLE", libc::SEEK_HOLE),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("F_LOCK", libc::F_LOCK),
    ("F_TLOCK", libc::F_TLOCK),
    ("F_ULOCK", libc::F_ULOCK),
    ("F_TEST", libc::F_TEST),
];

fn fd0(vm: &mut Vm, a: Args, func: &str) -> PyResult<i32> {
    let k = Kw::parse(vm, a, func, &["fd"], 1, 1)?;
    fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))
}

/// -1 from a call that sets errno: the OSError; else None.
fn none_or_err(vm: &mut Vm, rc: i32) -> PyResult<Value> {
    if rc < 0 {
        Err(err_last(vm))
    } else {
        Ok(Value::None)
    }
}

fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "open", &["path", "flags", "mode", "dir_fd"], 3, 2)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "open", "path")?;
    let flags = int_arg(vm, k.a.get(1, "flags").unwrap_or(&Value::None))? as i32;
    let mode = match k.a.get(2, "mode") {
        Some(v) => int_arg(vm, v)? as libc::c_uint,
        None => 0o777,
    };
    let dir_fd = k.dir_fd(vm, 3)?;
    loop {
        // SAFETY: NUL-terminated path; the mode is passed as the variadic argument.
        let fd = unsafe { libc::openat(dir_fd, p.c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
        if fd >= 0 {
            return Ok(Value::Int(fd as i64));
        }
        if super::errno_now() != libc::EINTR {
            return Err(err_path(vm, Some(&p)));
        }
    }
}

fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "read", 2, 2)?;
    let fd = fd_arg(vm, &pos[0])?;
    let n = int_arg(vm, &pos[1])?;
    if n < 0 {
        // CPython passes the negative length on, and the kernel answers EINVAL.
        return Err(crate::builtins::oserror::from_errno(vm, libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        // SAFETY: `buf` is writable for `n` bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(bytes_value(buf));
        }
        if super::errno_now() != libc::EINTR {
            return Err(err_last(vm));
        }
    }
}

fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "write", 2, 2)?;
    let fd = fd_arg(vm, &pos[0])?;
    let data = buffer_arg(vm, &pos[1])?;
    if fd == 1 || fd == 2 {
        crate::builtins::io::flush_stdout();
    }
    loop {
        // SAFETY: `data` is readable for its length.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r >= 0 {
            return Ok(Value::Int(r as i64));
        }
        if super::errno_now() != libc::EINTR {
            return Err(err_last(vm));
        }
    }
}

fn pread(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pread", 3, 3)?;
    let fd = fd_arg(vm, &pos[0])?;
    let n = int_arg(vm, &pos[1])?.max(0) as usize;
    let off = int_arg(vm, &pos[2])?;
    let mut buf = vec![0u8; n];
    // SAFETY: `buf` is writable for `n` bytes.
    let r = unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, n, off) };
    if r < 0 {
        return Err(err_last(vm));
    }
    buf.truncate(r as usize);
    Ok(bytes_value(buf))
}

fn pwrite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pwrite", 3, 3)?;
    let fd = fd_arg(vm, &pos[0])?;
    let data = buffer_arg(vm, &pos[1])?;
    let off = int_arg(vm, &pos[2])?;
    // SAFETY: `data` is readable for its length.
    let r = unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), off) };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r as i64))
}

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = fd0(vm, a, "close")?;
    if fd == 1 || fd == 2 {
        crate::builtins::io::flush_stdout();
    }
    // SAFETY: closing an integer descriptor the program names.
    let rc = unsafe { libc::close(fd) };
    none_or_err(vm, rc)
}

fn closerange(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "closerange", 2, 2)?;
    let lo = fd_arg(vm, &pos[0])?.max(0);
    let hi = fd_arg(vm, &pos[1])?;
    for fd in lo..hi {
        // SAFETY: closing descriptors the program names; errors are ignored, as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn lseek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "lseek", 3, 3)?;
    let fd = fd_arg(vm, &pos[0])?;
    let off = int_arg(vm, &pos[1])?;
    let how = int_arg(vm, &pos[2])? as i32;
    // SAFETY: plain syscall on an integer fd.
    let r = unsafe { libc::lseek(fd, off, how) };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r))
}

/// An fd from an int or an object with `fileno()` (`fsync(file)`).
fn fileno_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if !matches!(v, Value::Int(_) | Value::Bool(_)) {
        if let Some(f) = vm.getattr_opt(v, "fileno")? {
            let r = vm.call0(&f)?;
            return fd_arg(vm, &r);
        }
    }
    fd_arg(vm, v)
}

fn fsync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "fsync", 1, 1)?;
    let fd = fileno_arg(vm, &pos[0])?;
    // SAFETY: plain syscall on an integer fd.
    let rc = unsafe { libc::fsync(fd) };
    none_or_err(vm, rc)
}

fn fdatasync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "fdatasync", 1, 1)?;
    let fd = fileno_arg(vm, &pos[0])?;
    // SAFETY: plain syscall on an integer fd.
    let rc = unsafe { libc::fdatasync(fd) };
    none_or_err(vm, rc)
}

fn ftruncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "ftruncate", 2, 2)?;
    let fd = fd_arg(vm, &pos[0])?;
    let len = int_arg(vm, &pos[1])?;
    // SAFETY: plain syscall on an integer fd.
    let rc = unsafe { libc::ftruncate(fd, len) };
    none_or_err(vm, rc)
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "isatty", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    // SAFETY: plain call on an integer fd.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn ttyname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "ttyname", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is writable for its length.
    let rc = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if rc != 0 {
        return Err(crate::builtins::oserror::from_errno(vm, rc, None, None));
    }
    let n = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(super::out_path(&buf[..n], false))
}

fn make_pipe(vm: &mut Vm, flags: i32) -> PyResult<Value> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), flags) };
    if rc < 0 {
        return Err(err_last(vm));
    }
    Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn pipe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "pipe", 0, 0)?;
    make_pipe(vm, libc::O_CLOEXEC)
}

fn pipe2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pipe2", 1, 1)?;
    let flags = int_arg(vm, &pos[0])? as i32;
    make_pipe(vm, flags)
}

fn dup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "dup", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    // SAFETY: plain fcntl on an integer fd.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r as i64))
}

fn dup2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "dup2", &["fd", "fd2", "inheritable"], 3, 2)?;
    let fd = fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))?;
    let fd2 = fd_arg(vm, k.a.get(1, "fd2").unwrap_or(&Value::None))?;
    let inheritable = k.flag(vm, 2, "inheritable", true)?;
    if fd2 == 1 || fd2 == 2 {
        crate::builtins::io::flush_stdout();
    }
    // SAFETY: plain syscalls on integer fds.
    let r = unsafe {
        if inheritable || fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::Int(r as i64))
}

fn fd_flags(vm: &mut Vm, fd: i32, get: i32) -> PyResult<i32> {
    // SAFETY: plain fcntl on an integer fd.
    let f = unsafe { libc::fcntl(fd, get) };
    if f < 0 {
        return Err(err_last(vm));
    }
    Ok(f)
}

fn get_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "get_inheritable", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    let f = fd_flags(vm, fd, libc::F_GETFD)?;
    Ok(Value::Bool(f & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "set_inheritable", 2, 2)?;
    let fd = fd_arg(vm, &pos[0])?;
    let on = vm.truthy(&pos[1])?;
    let f = fd_flags(vm, fd, libc::F_GETFD)?;
    let nf = if on { f & !libc::FD_CLOEXEC } else { f | libc::FD_CLOEXEC };
    // SAFETY: plain fcntl on an integer fd.
    let rc = unsafe { libc::fcntl(fd, libc::F_SETFD, nf) };
    none_or_err(vm, rc)
}

fn get_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "get_blocking", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    let f = fd_flags(vm, fd, libc::F_GETFL)?;
    Ok(Value::Bool(f & libc::O_NONBLOCK == 0))
}

fn set_blocking(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "set_blocking", 2, 2)?;
    let fd = fd_arg(vm, &pos[0])?;
    let on = vm.truthy(&pos[1])?;
    let f = fd_flags(vm, fd, libc::F_GETFL)?;
    let nf = if on { f & !libc::O_NONBLOCK } else { f | libc::O_NONBLOCK };
    // SAFETY: plain fcntl on an integer fd.
    let rc = unsafe { libc::fcntl(fd, libc::F_SETFL, nf) };
    none_or_err(vm, rc)
}

/// The encoding of a terminal fd (pyhop runs in UTF-8 mode), None for anything else.
fn device_encoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fd = fd0(vm, a, "device_encoding")?;
    // SAFETY: plain call on an integer fd.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(Value::str("UTF-8"));
    }
    Ok(Value::None)
}
