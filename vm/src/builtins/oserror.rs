//! `OSError`'s constructor and `str()`, as CPython 3.11's (`Objects/exceptions.c`):
//!
//! - `OSError(errno, strerror[, filename[, winerror[, filename2]]])` with an errno
//!   that has a subclass (`ENOENT` → `FileNotFoundError`, ...) makes that subclass
//!   when the class called is `OSError` itself;
//! - 2 to 5 arguments set `errno`, `strerror`, `filename`, `filename2` (kept in the
//!   instance dict, so they stay assignable); with a filename, `args` is cut to
//!   `(errno, strerror)`;
//! - `str()` is `[Errno N] strerror: 'filename'` (`-> 'filename2'`), or
//!   `[Errno N] strerror`, or BaseException's.
//!
//! [`from_errno`] is the error the `posix` module (and file I/O) raise for a failed
//! system call.

use crate::object::{Exception, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The OSError subclass CPython picks for `errno` (`errnomap`), if any.
pub fn subclass_name(errno: i64) -> Option<&'static str> {
    let e = errno as i32;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return None,
    })
}

/// Whether `cls` is OSError or a subclass.
pub fn is_oserror_class(vm: &Vm, cls: &ObjRef) -> bool {
    let os = vm.exc_class("OSError");
    cls.as_class().is_some_and(|c| c.is_subclass_of(cls, &os))
}

/// The class to instantiate for `OSError(*args)` called on `cls`.
pub fn pick_class(vm: &Vm, cls: &ObjRef, args: &[Value]) -> ObjRef {
    let os = vm.exc_class("OSError");
    if !ObjRef::ptr_eq(cls, &os) || !(2..=5).contains(&args.len()) {
        return cls.clone();
    }
    let errno = match &args[0] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => return cls.clone(),
    };
    match subclass_name(errno) {
        Some(n) => vm.exc_class(n),
        None => cls.clone(),
    }
}

/// Set the OSError fields of `e` from the constructor arguments (and cut `args`).
pub fn init(vm: &mut Vm, e: &Exception, args: &[Value]) {
    let mut d = e.dict.borrow_mut();
    if (2..=5).contains(&args.len()) {
        d.insert_str("errno", args[0].clone());
        d.insert_str("strerror", args[1].clone());
        if args.len() >= 3 {
            d.insert_str("filename", args[2].clone());
            if args.len() == 5 {
                d.insert_str("filename2", args[4].clone());
            }
            drop(d);
            *e.args.borrow_mut() = vm.new_tuple(args[..2].to_vec());
        }
    }
}

/// `str()` of an OSError, or `None` for BaseException's form.
pub fn to_str(vm: &mut Vm, exc: &Value) -> PyResult<Option<String>> {
    let field = |vm: &mut Vm, n: &str| -> PyResult<Value> { Ok(vm.getattr_opt(exc, n)?.unwrap_or(Value::None)) };
    let errno = field(vm, "errno")?;
    let strerror = field(vm, "strerror")?;
    let filename = field(vm, "filename")?;
    let filename2 = field(vm, "filename2")?;
    if !filename.is_none() {
        let (e, s, f) = (vm.str_string(&errno)?, vm.str_string(&strerror)?, vm.repr_string(&filename)?);
        if !filename2.is_none() {
            let f2 = vm.repr_string(&filename2)?;
            return Ok(Some(format!("[Errno {e}] {s}: {f} -> {f2}")));
        }
        return Ok(Some(format!("[Errno {e}] {s}: {f}")));
    }
    if !errno.is_none() && !strerror.is_none() {
        return Ok(Some(format!("[Errno {}] {}", vm.str_string(&errno)?, vm.str_string(&strerror)?)));
    }
    Ok(None)
}

/// The C library's message for `errno` (`strerror`).
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string owned by the C
    // library, valid until the next strerror call on this thread; it is copied at once.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The OSError (subclass) for a failed system call: `errno`, its message, and the
/// file names involved (None when there are none).
pub fn from_errno(vm: &mut Vm, errno: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let os = vm.exc_class("OSError");
    let mut args = vec![Value::Int(errno as i64), Value::string(strerror(errno))];
    match (filename, filename2) {
        (Some(f), None) => args.push(f),
        (Some(f), Some(f2)) => args.extend([f, Value::None, f2]),
        (None, Some(f2)) => args.extend([Value::None, Value::None, f2]),
        (None, None) => {}
    }
    let cls = pick_class(vm, &os, &args);
    let exc = vm.new_exception(cls, args.clone());
    if let Value::Obj(o) = &exc {
        if let Obj::Exception(e) = o.view() {
            init(vm, e, &args);
        }
    }
    PyErr(exc)
}

/// `from_errno` for the calling thread's last error (`errno`).
pub fn last(vm: &mut Vm, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    from_errno(vm, errno, filename, filename2)
}
