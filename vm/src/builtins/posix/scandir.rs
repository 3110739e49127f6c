//! `scandir()`: `posix.ScandirIterator` (an iterator and context manager) of
//! `posix.DirEntry` objects.
//!
//! The directory is read whole when `scandir()` is called; each entry keeps the
//! `d_type` and inode `readdir` gave, so `is_dir()`/`is_file()`/`is_symlink()` make
//! no system call unless the type is unknown or a symlink must be followed, and
//! `stat()` results are cached, as CPython's are. Entry state lives in private
//! attributes (`_d_type`, `_ino`, `_dir_fd`, `_stat`, `_lstat`).

use super::fs::{read_dir, stat_at, stat_result};
use super::{path_or_fd, Kw, PathArg, PathOrFd};
use crate::builtins::method;
use crate::object::func::Args;
use crate::object::instance::new_instance_with;
use crate::object::{Dict, NativeFn, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    let entry = make_class(
        vm,
        "DirEntry",
        &[
            ("is_dir", is_dir),
            ("is_file", is_file),
            ("is_symlink", is_symlink),
            ("stat", entry_stat),
            ("inode", inode),
            ("__fspath__", fspath),
            ("__repr__", entry_repr),
        ],
    );
    let iter = make_class(
        vm,
        "ScandirIterator",
        &[("__iter__", it_iter), ("__next__", it_next), ("__enter__", it_iter), ("__exit__", it_exit), ("close", it_close)],
    );
    if let (Some(e), Some(i)) = (entry, iter) {
        vm.native_classes.insert("DirEntry", e.clone());
        vm.native_classes.insert("ScandirIterator", i);
        d.insert_str("DirEntry", Value::Obj(e));
    }
    d.insert_str("scandir", crate::builtins::native("scandir", scandir));
}

fn make_class(vm: &mut Vm, name: &'static str, methods: &[(&'static str, NativeFn)]) -> Option<ObjRef> {
    let mut ns = Dict::new();
    ns.insert_str("__module__", Value::str("posix"));
    ns.insert_str("__qualname__", Value::str(name));
    for (m, f) in methods {
        ns.insert_str(m, method(name, m, *f));
    }
    match vm.create_class(None, name, vec![], &ns) {
        Ok(Value::Obj(c)) => Some(c),
        _ => None,
    }
}

fn scandir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "scandir", &["path"], 1, 0)?;
    let p = k.a.get(0, "path").cloned().unwrap_or(Value::None);
    let target = match path_or_fd(vm, &p, "scandir", "path", true, true)? {
        Some(t) => t,
        None => PathOrFd::Path(PathArg { c: c".".into(), bytes: false, obj: Value::str(".") }),
    };
    let names = match read_dir(&target) {
        Ok(n) => n,
        Err(e) => {
            let f = match &target {
                PathOrFd::Path(p) => Some(p.obj.clone()),
                PathOrFd::Fd(_) => None,
            };
            return Err(crate::builtins::oserror::from_errno(vm, e, f, None));
        }
    };
    let Some(entry_cls) = vm.native_classes.get("DirEntry").cloned() else { return Err(vm.type_error("scandir")) };
    let Some(iter_cls) = vm.native_classes.get("ScandirIterator").cloned() else { return Err(vm.type_error("scandir")) };
    let (bytes, prefix, dir_fd) = match &target {
        PathOrFd::Path(p) => {
            let mut pre = p.c.as_bytes().to_vec();
            if !pre.is_empty() && !pre.ends_with(b"/") {
                pre.push(b'/');
            }
            (p.bytes, Some(pre), Value::None)
        }
        PathOrFd::Fd(fd) => (false, None, Value::Int(*fd as i64)),
    };
    let mut entries = Vec::with_capacity(names.len());
    for (name, d_type, ino) in names {
        let path = match &prefix {
            Some(pre) => [pre.as_slice(), name.as_slice()].concat(),
            None => name.clone(),
        };
        let mut d = Dict::new();
        d.insert_str("name", super::out_path(&name, bytes));
        d.insert_str("path", super::out_path(&path, bytes));
        d.insert_str("_d_type", Value::Int(d_type as i64));
        d.insert_str("_ino", super::fs::uint(ino));
        d.insert_str("_dir_fd", dir_fd.clone());
        d.insert_str("_stat", Value::None);
        d.insert_str("_lstat", Value::None);
        entries.push(Value::Obj(new_instance_with(&entry_cls, &d)));
    }
    let mut d = Dict::new();
    let list = vm.new_list(entries);
    d.insert_str("_entries", list);
    d.insert_str("_pos", Value::Int(0));
    Ok(Value::Obj(new_instance_with(&iter_cls, &d)))
}

fn attr(vm: &mut Vm, o: &Value, name: &str) -> PyResult<Value> {
    vm.getattr(o, name)
}

/// The entry's stat (`follow`: through a symlink), computed once.
fn entry_stat_value(vm: &mut Vm, e: &Value, follow: bool) -> PyResult<Value> {
    let follow = follow && entry_is_symlink(vm, e)?;
    let slot = if follow { "_stat" } else { "_lstat" };
    let cached = attr(vm, e, slot)?;
    if !cached.is_none() {
        return Ok(cached);
    }
    let dir_fd = attr(vm, e, "_dir_fd")?;
    let (target, fd) = match dir_fd {
        Value::Int(fd) => (attr(vm, e, "name")?, fd as i32),
        _ => (attr(vm, e, "path")?, libc::AT_FDCWD),
    };
    let (raw, _) = super::raw_of(&target).unwrap_or_default();
    let c = std::ffi::CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))?;
    let st = stat_at(fd, &c, follow).map_err(|errno| crate::builtins::oserror::from_errno(vm, errno, Some(target.clone()), None))?;
    let r = stat_result(vm, &st);
    vm.setattr(e, slot, r.clone())?;
    if !follow && !entry_is_symlink(vm, e)? {
        vm.setattr(e, "_stat", r.clone())?;
    }
    Ok(r)
}

fn d_type(vm: &mut Vm, e: &Value) -> PyResult<u8> {
    Ok(match attr(vm, e, "_d_type")? {
        Value::Int(i) => i as u8,
        _ => libc::DT_UNKNOWN,
    })
}

fn entry_is_symlink(vm: &mut Vm, e: &Value) -> PyResult<bool> {
    let t = d_type(vm, e)?;
    if t != libc::DT_UNKNOWN {
        return Ok(t == libc::DT_LNK);
    }
    let st = entry_stat_value(vm, e, false)?;
    mode_is(vm, &st, libc::S_IFLNK)
}

fn mode_is(vm: &mut Vm, st: &Value, kind: u32) -> PyResult<bool> {
    let m = vm.getattr(st, "st_mode")?;
    Ok(matches!(m, Value::Int(m) if (m as u32) & libc::S_IFMT == kind))
}

/// `is_dir`/`is_file`: the type from readdir when it is known and no link is to be
/// followed, else from stat (a missing file answers False).
fn test_kind(vm: &mut Vm, a: Args, func: &str, dt: u8, kind: u32) -> PyResult<Value> {
    let k = Kw::parse(vm, a, func, &["self", "follow_symlinks"], 1, 1)?;
    let e = a.pos()[0].clone();
    let follow = k.flag(vm, 1, "follow_symlinks", true)?;
    let t = d_type(vm, &e)?;
    if t != libc::DT_UNKNOWN && !(follow && t == libc::DT_LNK) {
        return Ok(Value::Bool(t == dt));
    }
    match entry_stat_value(vm, &e, follow) {
        Ok(st) => Ok(Value::Bool(mode_is(vm, &st, kind)?)),
        Err(err) if vm.err_matches(&err, "FileNotFoundError") => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

fn is_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    test_kind(vm, a, "is_dir", libc::DT_DIR, libc::S_IFDIR)
}

fn is_file(vm: &mut Vm, a: Args) -> PyResult<Value> {
    test_kind(vm, a, "is_file", libc::DT_REG, libc::S_IFREG)
}

fn is_symlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "is_symlink", 1, 1)?;
    match entry_is_symlink(vm, &pos[0]) {
        Ok(b) => Ok(Value::Bool(b)),
        Err(err) if vm.err_matches(&err, "FileNotFoundError") => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

fn entry_stat(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = Kw::parse(vm, a, "stat", &["self", "follow_symlinks"], 1, 1)?;
    let follow = k.flag(vm, 1, "follow_symlinks", true)?;
    entry_stat_value(vm, &a.pos()[0], follow)
}

fn inode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "inode", 1, 1)?;
    attr(vm, &pos[0], "_ino")
}

fn fspath(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__fspath__", 1, 1)?;
    attr(vm, &pos[0], "path")
}

fn entry_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__repr__", 1, 1)?;
    let name = attr(vm, &pos[0], "name")?;
    let r = vm.repr_string(&name)?;
    Ok(Value::string(format!("<DirEntry {r}>")))
}

fn it_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__iter__", 1, 1)?;
    Ok(pos[0].clone())
}

fn it_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__next__", 1, 1)?;
    let it = &pos[0];
    let entries = attr(vm, it, "_entries")?;
    let i = match attr(vm, it, "_pos")? {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    let item = crate::builtins::list_of(&entries).and_then(|l| l.borrow().get(i).cloned());
    match item {
        Some(v) => {
            vm.setattr(it, "_pos", Value::Int(i as i64 + 1))?;
            Ok(v)
        }
        None => Err(PyErr(vm.new_exception(vm.exc_class("StopIteration"), vec![]))),
    }
}

fn it_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "close", 1, 1)?;
    let empty = vm.new_list(vec![]);
    vm.setattr(&pos[0], "_entries", empty)?;
    Ok(Value::None)
}

fn it_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if let Some(it) = pos.first() {
        let empty = vm.new_list(vec![]);
        vm.setattr(it, "_entries", empty)?;
    }
    Ok(Value::None)
}
