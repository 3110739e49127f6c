//! The native `posix` module (what CPython's pure-Python `os` is built on), and
//! `errno`.
//!
//! The functions call the C library through `libc`, with CPython 3.11's argument
//! conversion and errors: a path is a `str`, `bytes` or `os.PathLike` (results are
//! `bytes` for `bytes` input), a failed call raises the `OSError` subclass of its
//! errno with `errno`, `strerror` and `filename` set (`builtins/oserror.rs`).
//!
//! - `fs.rs`: stat family (`stat_result`), directories, links, permissions, times;
//! - `scandir.rs`: `scandir`, `DirEntry`, `ScandirIterator`;
//! - `fd.rs`: file descriptors (`open`, `read`, `write`, `pipe`, `dup`, ...);
//! - `process.rs`: processes (`getpid`, `fork`, `exec*`, `waitpid`, `kill`, ...);
//! - `env.rs`: `environ`, `putenv`, `uname`, `urandom`, `cpu_count`, terminal size;
//! - `errno.rs`: the errno names (the `errno` module).

pub mod errno;
mod env;
mod fd;
mod fs;
mod process;
mod scandir;

use std::ffi::CString;

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::{Dict, NativeFn, Obj};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The `posix` module's contents.
pub fn fill(vm: &mut Vm, d: &mut Dict) {
    fs::fill(vm, d);
    scandir::fill(vm, d);
    fd::fill(vm, d);
    process::fill(vm, d);
    env::fill(vm, d);
    d.insert_str("error", Value::Obj(vm.exc_class("OSError")));
    d.insert_str("fspath", native("fspath", fspath));
    d.insert_str("strerror", native("strerror", strerror));
    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|n| Value::str(n)).collect();
    d.insert_str("_have_functions", vm.new_list(have));
}

/// The `_have_functions` names: the `*at`/`f*` variants whose keywords
/// (`dir_fd`, an fd as path, `follow_symlinks`) this module honours.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FSTATAT", "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT", "HAVE_FDOPENDIR", "HAVE_LINKAT",
];

/// Register module-level natives.
pub(crate) fn add(d: &mut Dict, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        d.insert_str(name, native(name, *f));
    }
}

/// A converted path argument.
pub struct PathArg {
    /// The path as the C library takes it.
    pub c: CString,
    /// Given as bytes: results are bytes too.
    pub bytes: bool,
    /// The `str`/`bytes` after `__fspath__`, for error messages (`filename`).
    pub obj: Value,
}

impl PathArg {
    /// A result path in the argument's type.
    pub fn out(&self, raw: &[u8]) -> Value {
        out_path(raw, self.bytes)
    }
}

/// A path argument or, where the function accepts one, a file descriptor.
pub enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

/// `raw` as `bytes` or (decoded, lossily for non-UTF-8 names) `str`.
pub fn out_path(raw: &[u8], bytes: bool) -> Value {
    if bytes {
        Value::obj(crate::object::NewObj::Bytes(raw.to_vec()))
    } else {
        Value::string(String::from_utf8_lossy(raw).into_owned())
    }
}

/// `os.fspath(v)` as `Some(value)` (a str or bytes), `None` when `v` is not
/// path-like; errors from a `__fspath__` that returns something else.
fn fspath_opt(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if is_str_or_bytes(v) {
        return Ok(Some(v.clone()));
    }
    let Some(f) = vm.user_dunder(v, "__fspath__") else { return Ok(None) };
    let r = vm.call_dunder(&f, v, &[])?;
    if is_str_or_bytes(&r) {
        return Ok(Some(r));
    }
    let (t, rt) = (vm.type_name(v).to_string(), vm.type_name(&r).to_string());
    Err(vm.type_error(format!("expected {t}.__fspath__() to return str or bytes, not {rt}")))
}

fn is_str_or_bytes(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(o.view(), Obj::Str(_) | Obj::Bytes(_)),
        _ => false,
    }
}

fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = a.get(0, "path").ok_or_else(|| vm.type_error("fspath() missing required argument 'path' (pos 1)"))?;
    match fspath_opt(vm, v)? {
        Some(p) => Ok(p),
        None => {
            let t = vm.type_name(v).to_string();
            Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {t}")))
        }
    }
}

/// The bytes of a str or bytes value.
fn raw_of(v: &Value) -> Option<(Vec<u8>, bool)> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => Some((s.as_str().as_bytes().to_vec(), false)),
            Obj::Bytes(b) => Some((b.to_vec(), true)),
            _ => None,
        },
        _ => None,
    }
}

/// Convert path argument `arg` of function `func` (CPython's `path_converter`).
pub fn path_arg(vm: &mut Vm, v: &Value, func: &str, arg: &str) -> PyResult<PathArg> {
    match path_or_fd(vm, v, func, arg, false, false)? {
        Some(PathOrFd::Path(p)) => Ok(p),
        _ => Err(vm.type_error(format!("{func}: {arg} should be string, bytes or os.PathLike"))),
    }
}

/// `path_arg` that also takes a file descriptor (`allow_fd`) and/or None
/// (`nullable`, answered with `Ok(None)`).
pub fn path_or_fd(vm: &mut Vm, v: &Value, func: &str, arg: &str, allow_fd: bool, nullable: bool) -> PyResult<Option<PathOrFd>> {
    if nullable && v.is_none() {
        return Ok(None);
    }
    if allow_fd && !matches!(v, Value::Float(_)) && !is_str_or_bytes(v) && is_index(vm, v) {
        let fd = vm.index_value(v)?;
        return Ok(Some(PathOrFd::Fd(fd as i32)));
    }
    let Some(p) = fspath_opt(vm, v)? else {
        let t = vm.type_name(v).to_string();
        let kinds = match (allow_fd, nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        return Err(vm.type_error(format!("{func}: {arg} should be {kinds}, not {t}")));
    };
    let (raw, bytes) = raw_of(&p).unwrap_or_default();
    let c = CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))?;
    Ok(Some(PathOrFd::Path(PathArg { c, bytes, obj: p })))
}

/// Whether `v` is an int (or has `__index__`).
fn is_index(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.view(), Obj::Int(_)) || vm.user_dunder(v, "__index__").is_some(),
        _ => false,
    }
}

/// An int argument, with CPython's message for a non-integer.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !is_index(vm, v) {
        let t = vm.type_name(v).to_string();
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    vm.index_value(v)
}

/// A file-descriptor argument.
pub fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| vm.err("OverflowError", if n < 0 { "fd is less than minimum" } else { "fd is greater than maximum" }))
}

/// Keyword-or-positional argument lookup that rejects unknown keywords.
pub struct Kw<'a> {
    pub a: Args<'a>,
}

impl<'a> Kw<'a> {
    /// Check `a` for function `func` whose parameters are `names` (the first `npos`
    /// positional-or-keyword, the rest keyword-only), `min` of them required.
    pub fn parse(vm: &Vm, a: Args<'a>, func: &str, names: &[&str], npos: usize, min: usize) -> PyResult<Kw<'a>> {
        let pos = a.pos();
        if pos.len() > npos {
            return Err(vm.type_error(format!(
                "{func}() takes {} {} positional argument{} ({} given)",
                if min == npos { "exactly" } else { "at most" },
                npos,
                if npos == 1 { "" } else { "s" },
                pos.len()
            )));
        }
        for (k, _) in a.kw() {
            match names.iter().position(|n| *n == k) {
                None => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {func}()"))),
                Some(i) if i < pos.len() => {
                    return Err(vm.type_error(format!("argument for {func}() given by name ('{k}') and position ({})", i + 1)))
                }
                _ => {}
            }
        }
        for (i, n) in names.iter().enumerate().take(min) {
            if pos.get(i).is_none() && a.kwarg(n).is_none() {
                return Err(vm.type_error(format!("{func}() missing required argument '{n}' (pos {})", i + 1)));
            }
        }
        Ok(Kw { a })
    }

    /// Argument `name` (position `i`), unless absent or None.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.a.get(i, name).filter(|v| !v.is_none())
    }

    /// A boolean keyword (`follow_symlinks=True`).
    pub fn flag(&self, vm: &mut Vm, i: usize, name: &str, default: bool) -> PyResult<bool> {
        match self.a.get(i, name) {
            Some(v) => vm.truthy(v),
            None => Ok(default),
        }
    }

    /// The `dir_fd` keyword: AT_FDCWD when absent or None.
    pub fn dir_fd(&self, vm: &mut Vm, i: usize) -> PyResult<i32> {
        match self.get(i, "dir_fd") {
            Some(v) => fd_arg(vm, v),
            None => Ok(libc::AT_FDCWD),
        }
    }
}

/// The OSError for the last failed call on `path` (None: no filename).
pub fn err_path(vm: &mut Vm, path: Option<&PathArg>) -> PyErr {
    crate::builtins::oserror::last(vm, path.map(|p| p.obj.clone()), None)
}

/// The OSError for the last failed call that names no file.
pub fn err_last(vm: &mut Vm) -> PyErr {
    crate::builtins::oserror::last(vm, None, None)
}

/// The errno of the last failed call.
pub fn errno_now() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn strerror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "strerror", 1, 1)?;
    let n = int_arg(vm, &pos[0])?;
    Ok(Value::string(crate::builtins::oserror::strerror(n as i32)))
}

/// A new `bytes` value.
pub fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(crate::object::NewObj::Bytes(b))
}

/// The bytes of a bytes-like argument (bytes, bytearray, memoryview).
pub fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::builtins::bytes::bytes_data(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v).to_string();
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}
