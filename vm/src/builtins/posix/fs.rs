//! File-system calls: the stat family and `stat_result`, directories, links,
//! permissions, times, the working directory.

use std::ffi::CStr;

use num_bigint::BigInt;

use super::{add, err_last, err_path, fd_arg, int_arg, path_arg, path_or_fd, Kw, PathArg, PathOrFd};
use crate::object::func::Args;
use crate::object::{Dict, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The tuple fields of `os.stat_result` (7 to 9 are the whole seconds, unnamed).
const STAT_FIELDS: &[&str] =
    &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];
/// Its attribute-only fields.
const STAT_EXTRA: &[&str] = &[
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
];

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "os", "stat_result", STAT_FIELDS, 7, 3, STAT_EXTRA) {
        vm.native_classes.insert("stat_result", cls.clone());
        d.insert_str("stat_result", Value::Obj(cls));
    }
    let vfs = ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"];
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "os", "statvfs_result", &vfs, 10, 0, &["f_fsid"]) {
        vm.native_classes.insert("statvfs_result", cls.clone());
        d.insert_str("statvfs_result", Value::Obj(cls));
    }
    add(
        d,
        &[
            ("statvfs", statvfs),
            ("fstatvfs", fstatvfs),
            ("stat", stat),
            ("lstat", lstat),
            ("fstat", fstat),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("unlink", unlink),
            ("remove", remove),
            ("rename", rename),
            ("replace", replace),
            ("link", link),
            ("symlink", symlink),
            ("readlink", readlink),
            ("chmod", chmod),
            ("fchmod", fchmod),
            ("chown", chown),
            ("lchown", lchown),
            ("fchown", fchown),
            ("utime", utime),
            ("access", access),
            ("truncate", truncate),
            ("getcwd", getcwd),
            ("getcwdb", getcwdb),
            ("chdir", chdir),
            ("fchdir", fchdir),
            ("mkfifo", mkfifo),
            ("sync", sync),
        ],
    );
}

/// An unsigned C value as an int.
pub fn uint(x: u64) -> Value {
    match i64::try_from(x) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(BigInt::from(x)),
    }
}

/// `os.stat_result` for a filled `struct stat`.
pub fn stat_result(vm: &mut Vm, st: &libc::stat) -> Value {
    let Some(cls) = vm.native_classes.get("stat_result").cloned() else { return Value::None };
    stat_result_of(vm, &cls, st)
}

fn stat_result_of(vm: &mut Vm, cls: &ObjRef, st: &libc::stat) -> Value {
    let ns = |s: i64, n: i64| -> Value {
        let v = s as i128 * 1_000_000_000 + n as i128;
        match i64::try_from(v) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(v)),
        }
    };
    let fl = |s: i64, n: i64| Value::Float(s as f64 + n as f64 * 1e-9);
    let (a, m, c) = ((st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec));
    let values = vec![
        Value::Int(st.st_mode as i64),
        uint(st.st_ino),
        uint(st.st_dev),
        uint(st.st_nlink),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        Value::Int(a.0),
        Value::Int(m.0),
        Value::Int(c.0),
    ];
    let extra = vec![
        ("st_atime", fl(a.0, a.1)),
        ("st_mtime", fl(m.0, m.1)),
        ("st_ctime", fl(c.0, c.1)),
        ("st_atime_ns", ns(a.0, a.1)),
        ("st_mtime_ns", ns(m.0, m.1)),
        ("st_ctime_ns", ns(c.0, c.1)),
        ("st_blksize", Value::Int(st.st_blksize)),
        ("st_blocks", Value::Int(st.st_blocks)),
        ("st_rdev", uint(st.st_rdev)),
    ];
    crate::builtins::structseq::new_ext(vm, cls, values, extra)
}

/// An all-zero `struct stat` to be filled.
pub fn zero_stat() -> libc::stat {
    // SAFETY: `struct stat` is plain old data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

/// `fstatat(dir_fd, path)` (`follow` false: of the link itself).
pub fn stat_at(dir_fd: i32, path: &CStr, follow: bool) -> Result<libc::stat, i32> {
    let mut st = zero_stat();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `st` a writable stat buffer.
    let rc = unsafe { libc::fstatat(dir_fd, path.as_ptr(), &mut st, flags) };
    if rc == 0 {
        Ok(st)
    } else {
        Err(super::errno_now())
    }
}

/// `fstat(fd)`.
pub fn stat_fd(fd: i32) -> Result<libc::stat, i32> {
    let mut st = zero_stat();
    // SAFETY: `st` is a writable stat buffer.
    let rc = unsafe { libc::fstat(fd, &mut st) };
    if rc == 0 {
        Ok(st)
    } else {
        Err(super::errno_now())
    }
}

fn do_stat(vm: &mut Vm, a: Args, func: &str, follow_default: bool) -> PyResult<Value> {
    let names: &[&str] = if follow_default { &["path", "dir_fd", "follow_symlinks"] } else { &["path", "dir_fd"] };
    let k = Kw::parse(vm, a, func, names, 1, 1)?;
    let dir_fd = k.dir_fd(vm, 1)?;
    let follow = if follow_default { k.flag(vm, 2, "follow_symlinks", true)? } else { false };
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let r = match path_or_fd(vm, &p, func, "path", follow_default, false)? {
        Some(PathOrFd::Fd(fd)) => stat_fd(fd).map_err(|e| crate::builtins::oserror::from_errno(vm, e, Some(Value::Int(fd as i64)), None)),
        Some(PathOrFd::Path(pa)) => stat_at(dir_fd, &pa.c, follow).map_err(|e| crate::builtins::oserror::from_errno(vm, e, Some(pa.obj.clone()), None)),
        None => unreachable!("path_or_fd without nullable answers a path or an fd"),
    }?;
    Ok(stat_result(vm, &r))
}

fn stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, a, "stat", true)
}

fn lstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_stat(vm, a, "lstat", false)
}

fn fstat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "fstat", &["fd"], 1, 1)?;
    let fd = fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))?;
    match stat_fd(fd) {
        Ok(st) => Ok(stat_result(vm, &st)),
        Err(e) => Err(crate::builtins::oserror::from_errno(vm, e, None, None)),
    }
}

/// The names in directory stream `dir` (without `.` and `..`), closing it.
///
/// # Safety
/// `dir` must be an open directory stream, not used afterwards.
pub unsafe fn read_dir_stream(dir: *mut libc::DIR) -> Result<Vec<(Vec<u8>, u8, u64)>, i32> {
    let mut out = Vec::new();
    loop {
        // SAFETY: errno is thread-local; readdir distinguishes end from error by it.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open stream (caller's contract).
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = super::errno_now();
            // SAFETY: as above; the stream is closed once.
            unsafe { libc::closedir(dir) };
            return if e == 0 { Ok(out) } else { Err(e) };
        }
        // SAFETY: readdir returned a valid entry whose d_name is NUL-terminated.
        let (name, kind, ino) = unsafe {
            let ent = &*ent;
            (CStr::from_ptr(ent.d_name.as_ptr()).to_bytes().to_vec(), ent.d_type, ent.d_ino)
        };
        if name != b"." && name != b".." {
            out.push((name, kind, ino));
        }
    }
}

/// The entries of a directory named by path, or of an open directory fd (read
/// through a duplicate so the caller's fd stays open and unmoved).
pub fn read_dir(target: &PathOrFd) -> Result<Vec<(Vec<u8>, u8, u64)>, i32> {
    let dir = match target {
        // SAFETY: the path is NUL-terminated.
        PathOrFd::Path(p) => unsafe { libc::opendir(p.c.as_ptr()) },
        PathOrFd::Fd(fd) => {
            // SAFETY: dup of a caller's fd; the copy is owned by the stream.
            let d = unsafe { libc::dup(*fd) };
            if d < 0 {
                return Err(super::errno_now());
            }
            // SAFETY: `d` is an fd we own; fdopendir takes it over (closed on error below).
            let dir = unsafe { libc::fdopendir(d) };
            if dir.is_null() {
                let e = super::errno_now();
                // SAFETY: `d` is still ours when fdopendir failed.
                unsafe { libc::close(d) };
                return Err(e);
            }
            // SAFETY: rewind so the listing starts at the beginning, as CPython does.
            unsafe { libc::rewinddir(dir) };
            dir
        }
    };
    if dir.is_null() {
        return Err(super::errno_now());
    }
    // SAFETY: `dir` is an open stream used only here.
    unsafe { read_dir_stream(dir) }
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "listdir", &["path"], 1, 0)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = path_or_fd(vm, &p, "listdir", "path", true, true)?;
    let target = match target {
        Some(t) => t,
        None => PathOrFd::Path(PathArg { c: c".".into(), bytes: false, obj: Value::str(".") }),
    };
    let bytes = matches!(&target, PathOrFd::Path(p) if p.bytes);
    match read_dir(&target) {
        Ok(names) => {
            let items = names.into_iter().map(|(n, _, _)| super::out_path(&n, bytes)).collect();
            Ok(vm.new_list(items))
        }
        Err(e) => {
            let f = match &target {
                PathOrFd::Path(p) => Some(p.obj.clone()),
                PathOrFd::Fd(_) => None,
            };
            Err(crate::builtins::oserror::from_errno(vm, e, f, None))
        }
    }
}

/// Run `f` (a C call answering -1 on failure) and raise for `path` when it fails.
fn check(vm: &mut Vm, rc: i32, path: &PathArg) -> PyResult<Value> {
    if rc < 0 {
        Err(err_path(vm, Some(path)))
    } else {
        Ok(Value::None)
    }
}

fn check2(vm: &mut Vm, rc: i32, a: &PathArg, b: &PathArg) -> PyResult<Value> {
    if rc < 0 {
        Err(crate::builtins::oserror::last(vm, Some(a.obj.clone()), Some(b.obj.clone())))
    } else {
        Ok(Value::None)
    }
}

fn mode_arg(vm: &mut Vm, k: &Kw, i: usize, name: &str, default: u32) -> PyResult<u32> {
    match k.a.get(i, name) {
        Some(v) => Ok(int_arg(vm, v)? as u32),
        None => Ok(default),
    }
}

fn mkdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "mkdir", &["path", "mode", "dir_fd"], 2, 1)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "mkdir", "path")?;
    let mode = mode_arg(vm, &k, 1, "mode", 0o777)?;
    let dir_fd = k.dir_fd(vm, 2)?;
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::mkdirat(dir_fd, p.c.as_ptr(), mode) };
    check(vm, rc, &p)
}

fn mkfifo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "mkfifo", &["path", "mode", "dir_fd"], 2, 1)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "mkfifo", "path")?;
    let mode = mode_arg(vm, &k, 1, "mode", 0o666)?;
    let dir_fd = k.dir_fd(vm, 2)?;
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::mkfifoat(dir_fd, p.c.as_ptr(), mode) };
    check(vm, rc, &p)
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "rmdir", &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "rmdir", "path")?;
    let dir_fd = k.dir_fd(vm, 1)?;
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::unlinkat(dir_fd, p.c.as_ptr(), libc::AT_REMOVEDIR) };
    check(vm, rc, &p)
}

fn do_unlink(vm: &mut Vm, a: Args, func: &str) -> PyResult<Value> {
    let k = Kw::parse(vm, a, func, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), func, "path")?;
    let dir_fd = k.dir_fd(vm, 1)?;
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::unlinkat(dir_fd, p.c.as_ptr(), 0) };
    check(vm, rc, &p)
}

fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_unlink(vm, a, "unlink")
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_unlink(vm, a, "remove")
}

fn two_paths(vm: &mut Vm, k: &Kw, func: &str) -> PyResult<(PathArg, PathArg)> {
    let src = path_arg(vm, k.a.get(0, "src").unwrap_or(&Value::None), func, "src")?;
    let dst = path_arg(vm, k.a.get(1, "dst").unwrap_or(&Value::None), func, "dst")?;
    Ok((src, dst))
}

fn dir_fd_kw(vm: &mut Vm, k: &Kw, i: usize, name: &str) -> PyResult<i32> {
    match k.get(i, name) {
        Some(v) => fd_arg(vm, v),
        None => Ok(libc::AT_FDCWD),
    }
}

fn do_rename(vm: &mut Vm, a: Args, func: &str) -> PyResult<Value> {
    let k = Kw::parse(vm, a, func, &["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 2)?;
    let (src, dst) = two_paths(vm, &k, func)?;
    let (sfd, dfd) = (dir_fd_kw(vm, &k, 2, "src_dir_fd")?, dir_fd_kw(vm, &k, 3, "dst_dir_fd")?);
    // SAFETY: NUL-terminated paths.
    let rc = unsafe { libc::renameat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr()) };
    check2(vm, rc, &src, &dst)
}

fn rename(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_rename(vm, a, "rename")
}

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_rename(vm, a, "replace")
}

fn link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "link", &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2, 2)?;
    let (src, dst) = two_paths(vm, &k, "link")?;
    let (sfd, dfd) = (dir_fd_kw(vm, &k, 2, "src_dir_fd")?, dir_fd_kw(vm, &k, 3, "dst_dir_fd")?);
    let follow = k.flag(vm, 4, "follow_symlinks", true)?;
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: NUL-terminated paths.
    let rc = unsafe { libc::linkat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr(), flags) };
    check2(vm, rc, &src, &dst)
}

fn symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "symlink", &["src", "dst", "target_is_directory", "dir_fd"], 3, 2)?;
    let (src, dst) = two_paths(vm, &k, "symlink")?;
    let dir_fd = k.dir_fd(vm, 3)?;
    // SAFETY: NUL-terminated paths.
    let rc = unsafe { libc::symlinkat(src.c.as_ptr(), dir_fd, dst.c.as_ptr()) };
    check2(vm, rc, &src, &dst)
}

fn readlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "readlink", &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "readlink", "path")?;
    let dir_fd = k.dir_fd(vm, 1)?;
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: `buf` is writable for its length; the path is NUL-terminated.
        let n = unsafe { libc::readlinkat(dir_fd, p.c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if n < 0 {
            return Err(err_path(vm, Some(&p)));
        }
        let n = n as usize;
        if n < buf.len() {
            return Ok(p.out(&buf[..n]));
        }
        buf.resize(buf.len() * 2, 0);
    }
}

fn chmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "chmod", &["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = path_or_fd(vm, &p, "chmod", "path", true, false)?;
    let mode = int_arg(vm, k.a.get(1, "mode").unwrap_or(&Value::None))? as u32;
    let dir_fd = k.dir_fd(vm, 2)?;
    let follow = k.flag(vm, 3, "follow_symlinks", true)?;
    match target {
        Some(PathOrFd::Fd(fd)) => {
            // SAFETY: plain syscall on an integer fd.
            let rc = unsafe { libc::fchmod(fd, mode) };
            if rc < 0 {
                return Err(crate::builtins::oserror::last(vm, Some(Value::Int(fd as i64)), None));
            }
            Ok(Value::None)
        }
        Some(PathOrFd::Path(pa)) => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: NUL-terminated path.
            let rc = unsafe { libc::fchmodat(dir_fd, pa.c.as_ptr(), mode, flags) };
            check(vm, rc, &pa)
        }
        None => Ok(Value::None),
    }
}

fn fchmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "fchmod", &["fd", "mode"], 2, 2)?;
    let fd = fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))?;
    let mode = int_arg(vm, k.a.get(1, "mode").unwrap_or(&Value::None))? as u32;
    // SAFETY: plain syscall on an integer fd.
    if unsafe { libc::fchmod(fd, mode) } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn do_chown(vm: &mut Vm, a: Args, func: &str, follow_default: bool) -> PyResult<Value> {
    let k = Kw::parse(vm, a, func, &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 3)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = path_or_fd(vm, &p, func, "path", follow_default, false)?;
    let uid = int_arg(vm, k.a.get(1, "uid").unwrap_or(&Value::None))? as libc::uid_t;
    let gid = int_arg(vm, k.a.get(2, "gid").unwrap_or(&Value::None))? as libc::gid_t;
    let dir_fd = k.dir_fd(vm, 3)?;
    let follow = follow_default && k.flag(vm, 4, "follow_symlinks", true)?;
    match target {
        Some(PathOrFd::Fd(fd)) => {
            // SAFETY: plain syscall on an integer fd.
            if unsafe { libc::fchown(fd, uid, gid) } < 0 {
                return Err(crate::builtins::oserror::last(vm, Some(Value::Int(fd as i64)), None));
            }
            Ok(Value::None)
        }
        Some(PathOrFd::Path(pa)) => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: NUL-terminated path.
            let rc = unsafe { libc::fchownat(dir_fd, pa.c.as_ptr(), uid, gid, flags) };
            check(vm, rc, &pa)
        }
        None => Ok(Value::None),
    }
}

fn chown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_chown(vm, a, "chown", true)
}

fn lchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_chown(vm, a, "lchown", false)
}

fn fchown(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "fchown", &["fd", "uid", "gid"], 3, 3)?;
    let fd = fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))?;
    let uid = int_arg(vm, k.a.get(1, "uid").unwrap_or(&Value::None))? as libc::uid_t;
    let gid = int_arg(vm, k.a.get(2, "gid").unwrap_or(&Value::None))? as libc::gid_t;
    // SAFETY: plain syscall on an integer fd.
    if unsafe { libc::fchown(fd, uid, gid) } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

/// A time argument of `utime(times=...)` as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    match v {
        Value::Float(f) => {
            let s = f.floor();
            let mut nsec = ((f - s) * 1e9).round() as i64;
            let mut sec = s as i64;
            if nsec >= 1_000_000_000 {
                sec += 1;
                nsec -= 1_000_000_000;
            }
            Ok(libc::timespec { tv_sec: sec, tv_nsec: nsec })
        }
        _ => Ok(libc::timespec { tv_sec: int_arg(vm, v)?, tv_nsec: 0 }),
    }
}

fn ns_timespec(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let n = v.to_bigint().ok_or_else(|| vm.type_error("utime: ns must be a tuple of two ints"))?;
    let g = BigInt::from(1_000_000_000i64);
    let (q, r) = num_integer::Integer::div_mod_floor(&n, &g);
    use num_traits::ToPrimitive;
    Ok(libc::timespec { tv_sec: q.to_i64().unwrap_or(i64::MAX), tv_nsec: r.to_i64().unwrap_or(0) })
}

fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 2, 1)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = path_or_fd(vm, &p, "utime", "path", true, false)?;
    let dir_fd = k.dir_fd(vm, 3)?;
    let follow = k.flag(vm, 4, "follow_symlinks", true)?;
    let times = k.get(1, "times").cloned();
    let ns = k.get(2, "ns").cloned();
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let ts: Option<[libc::timespec; 2]> = match (times, ns) {
        (Some(t), _) => {
            let items = match t.as_obj().map(|o| matches!(o.view(), crate::object::Obj::Tuple(_))) {
                Some(true) => vm.collect(&t)?,
                _ => Vec::new(),
            };
            if items.len() != 2 {
                return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
            }
            Some([timespec_of(vm, &items[0])?, timespec_of(vm, &items[1])?])
        }
        (None, Some(n)) => {
            let items = match n.as_obj().map(|o| matches!(o.view(), crate::object::Obj::Tuple(_))) {
                Some(true) => vm.collect(&n)?,
                _ => Vec::new(),
            };
            if items.len() != 2 {
                return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
            }
            Some([ns_timespec(vm, &items[0])?, ns_timespec(vm, &items[1])?])
        }
        (None, None) => None,
    };
    let ptr = ts.as_ref().map(|t| t.as_ptr()).unwrap_or(std::ptr::null());
    let rc = match &target {
        // SAFETY: `ptr` is null or two timespecs.
        Some(PathOrFd::Fd(fd)) => unsafe { libc::futimens(*fd, ptr) },
        Some(PathOrFd::Path(pa)) => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: NUL-terminated path; `ptr` null or two timespecs.
            unsafe { libc::utimensat(dir_fd, pa.c.as_ptr(), ptr, flags) }
        }
        None => 0,
    };
    if rc < 0 {
        // CPython 3.11's utime raises without the file name.
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn access(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 2)?;
    let p = path_arg(vm, k.a.get(0, "path").unwrap_or(&Value::None), "access", "path")?;
    let mode = int_arg(vm, k.a.get(1, "mode").unwrap_or(&Value::None))? as i32;
    let dir_fd = k.dir_fd(vm, 2)?;
    let mut flags = 0;
    if k.flag(vm, 3, "effective_ids", false)? {
        flags |= libc::AT_EACCESS;
    }
    if !k.flag(vm, 4, "follow_symlinks", true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::faccessat(dir_fd, p.c.as_ptr(), mode, flags) };
    Ok(Value::Bool(rc == 0))
}

fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "truncate", &["path", "length"], 2, 2)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = path_or_fd(vm, &p, "truncate", "path", true, false)?;
    let len = int_arg(vm, k.a.get(1, "length").unwrap_or(&Value::None))?;
    match target {
        Some(PathOrFd::Fd(fd)) => {
            // SAFETY: plain syscall on an integer fd.
            if unsafe { libc::ftruncate(fd, len) } < 0 {
                return Err(err_last(vm));
            }
            Ok(Value::None)
        }
        Some(PathOrFd::Path(pa)) => {
            // SAFETY: NUL-terminated path.
            let rc = unsafe { libc::truncate(pa.c.as_ptr(), len) };
            check(vm, rc, &pa)
        }
        None => Ok(Value::None),
    }
}

/// The working directory's bytes.
fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: `buf` is writable for its length.
        let p = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if !p.is_null() {
            // SAFETY: getcwd wrote a NUL-terminated string into `buf`.
            return Ok(unsafe { CStr::from_ptr(p) }.to_bytes().to_vec());
        }
        if super::errno_now() != libc::ERANGE {
            return Err(err_last(vm));
        }
        buf.resize(buf.len() * 2, 0);
    }
}

fn getcwd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "posix.getcwd", 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(super::out_path(&b, false))
}

fn getcwdb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "posix.getcwdb", 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(super::out_path(&b, true))
}

fn chdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "chdir", &["path"], 1, 1)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    match path_or_fd(vm, &p, "chdir", "path", true, false)? {
        Some(PathOrFd::Fd(fd)) => {
            // SAFETY: plain syscall on an integer fd.
            if unsafe { libc::fchdir(fd) } < 0 {
                return Err(crate::builtins::oserror::last(vm, Some(Value::Int(fd as i64)), None));
            }
            Ok(Value::None)
        }
        Some(PathOrFd::Path(pa)) => {
            // SAFETY: NUL-terminated path.
            let rc = unsafe { libc::chdir(pa.c.as_ptr()) };
            check(vm, rc, &pa)
        }
        None => Ok(Value::None),
    }
}

fn fchdir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "fchdir", &["fd"], 1, 1)?;
    let fd = fd_arg(vm, k.a.get(0, "fd").unwrap_or(&Value::None))?;
    // SAFETY: plain syscall on an integer fd.
    if unsafe { libc::fchdir(fd) } < 0 {
        return Err(err_last(vm));
    }
    Ok(Value::None)
}

fn sync(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "sync", 0, 0)?;
    // SAFETY: no arguments.
    unsafe { libc::sync() };
    Ok(Value::None)
}

fn statvfs_value(vm: &mut Vm, v: &libc::statvfs) -> Value {
    let values = vec![
        uint(v.f_bsize),
        uint(v.f_frsize),
        uint(v.f_blocks),
        uint(v.f_bfree),
        uint(v.f_bavail),
        uint(v.f_files),
        uint(v.f_ffree),
        uint(v.f_favail),
        uint(v.f_flag),
        uint(v.f_namemax),
    ];
    let Some(cls) = vm.native_classes.get("statvfs_result").cloned() else { return vm.new_tuple(values) };
    crate::builtins::structseq::new_ext(vm, &cls, values, vec![("f_fsid", uint(v.f_fsid))])
}

fn statvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "statvfs", &["path"], 1, 1)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    // SAFETY: `struct statvfs` is plain data, filled by the call.
    let mut v: libc::statvfs = unsafe { std::mem::zeroed() };
    match path_or_fd(vm, &p, "statvfs", "path", true, false)? {
        // SAFETY: `v` is writable.
        Some(PathOrFd::Fd(fd)) if unsafe { libc::fstatvfs(fd, &mut v) } < 0 => {
            return Err(crate::builtins::oserror::last(vm, Some(Value::Int(fd as i64)), None));
        }
        // SAFETY: NUL-terminated path; `v` is writable.
        Some(PathOrFd::Path(pa)) if unsafe { libc::statvfs(pa.c.as_ptr(), &mut v) } < 0 => {
            return Err(err_path(vm, Some(&pa)));
        }
        Some(_) => {}
        None => {}
    }
    Ok(statvfs_value(vm, &v))
}

fn fstatvfs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "fstatvfs", 1, 1)?;
    let fd = fd_arg(vm, &pos[0])?;
    // SAFETY: `struct statvfs` is plain data, filled by the call.
    let mut v: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `v` is writable.
    if unsafe { libc::fstatvfs(fd, &mut v) } < 0 {
        return Err(err_last(vm));
    }
    Ok(statvfs_value(vm, &v))
}
