//! Native helpers for introspection modules: `_opcode` (pyhop's opcode table and its
//! disassembler, for `vm/lib/dis.py`) and `faulthandler.dump_traceback`.

use pyhop_compiler::bytecode::{dis, flag};
use pyhop_compiler::Opcode;

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::{Dict, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `_opcode`: `opname` (256 names), `opmap`, the `has*` lists, `stack_effect`, `dis_text`.
pub fn fill_opcode(vm: &mut Vm, d: &mut Dict) {
    let mut names = Vec::with_capacity(256);
    let mut opmap = Dict::new();
    let mut lists: [(&str, u16, Vec<Value>); 7] = [
        ("hasarg", flag::ARG, vec![]),
        ("hasjabs", flag::JUMP, vec![]),
        ("hasconst", flag::CONST, vec![]),
        ("hasname", flag::NAME, vec![]),
        ("haslocal", flag::LOCAL, vec![]),
        ("hasfree", flag::FREE, vec![]),
        ("hascompare", flag::CMP, vec![]),
    ];
    for b in 0..=255u8 {
        match Opcode::from_u8(b) {
            Some(op) => {
                names.push(Value::str(op.name()));
                opmap.insert_str(op.name(), Value::Int(b as i64));
                for (_, f, l) in lists.iter_mut() {
                    if op.flags() & *f != 0 {
                        l.push(Value::Int(b as i64));
                    }
                }
            }
            None => names.push(Value::string(format!("<{b}>"))),
        }
    }
    d.insert_str("opname", vm.new_list(names));
    d.insert_str("opmap", vm.new_dict(opmap));
    for (n, _, l) in lists {
        d.insert_str(n, vm.new_list(l));
    }
    d.insert_str("cmp_op", vm.new_tuple(pyhop_compiler::bytecode::CMP_OPS.iter().map(|s| Value::str(s)).collect()));
    d.insert_str("EXTENDED_ARG", Value::Int(Opcode::ExtendedArg as i64));
    d.insert_str("stack_effect", native("stack_effect", stack_effect));
    d.insert_str("dis_text", native("dis_text", dis_text));
}

/// `stack_effect(opcode, oparg=None, *, jump=None)` as `dis.stack_effect`.
fn stack_effect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "stack_effect", 1, 2)?;
    let op = vm.index_value(&a.pos()[0])?;
    let Some(op) = u8::try_from(op).ok().and_then(Opcode::from_u8) else {
        return Err(vm.value_error("invalid opcode or oparg"));
    };
    let arg = match a.get(1, "oparg") {
        Some(v) if !v.is_none() => vm.index_value(v)? as u32,
        _ => 0,
    };
    let jump = match a.kwarg("jump") {
        Some(v) if !v.is_none() => Some(vm.truthy(v)?),
        _ => None,
    };
    let (pop, push) = match jump {
        Some(true) if op.is_jump() => op.jump_effect(arg),
        _ => op.stack_effect(arg),
    };
    Ok(Value::Int(push as i64 - pop as i64))
}

/// `dis_text(code)`: pyhop's disassembly of a code object and its nested ones.
fn dis_text(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "dis_text", 1, 1)?;
    let adaptive = match a.kwarg("adaptive") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match &pos[0] {
        Value::Obj(o) => match o.view() {
            Obj::Code(c) if adaptive => Ok(Value::string(dis_adaptive(c))),
            Obj::Code(c) => Ok(Value::string(dis::dis_recursive(&c.co))),
            _ => Err(vm.type_error("dis_text() expects a code object")),
        },
        _ => Err(vm.type_error("dis_text() expects a code object")),
    }
}

/// `dis(co, adaptive=True)`: the units as they run now (adaptive and specialised
/// forms, each with its generic argument), then the nested code objects.
fn dis_adaptive(c: &crate::object::PyCode) -> String {
    let mut co = (*c.co).clone();
    co.code = c
        .quick_units()
        .into_iter()
        .map(|u| match Opcode::from_u8(u.op) {
            Some(op) if op.is_specialised() => {
                let arg = c.caches.get(u.arg as usize).map_or(u.arg, |e| e.arg as u8);
                pyhop_compiler::CodeUnit { op: u.op, arg }
            }
            _ => u,
        })
        .collect();
    let mut out = dis::dis(&co);
    for v in c.consts.iter() {
        if let Value::Obj(o) = v {
            if let Obj::Code(inner) = o.view() {
                out.push_str(&format!(
                    "\nDisassembly of <code object {}, file \"{}\", line {}>:\n",
                    inner.name, inner.filename, inner.firstlineno
                ));
                out.push_str(&dis_adaptive(inner));
            }
        }
    }
    out
}

/// `faulthandler`: `dump_traceback(file=sys.stderr, all_threads=True)`, `enable`,
/// `disable`, `is_enabled` (no signal handlers: pyhop turns its own faults into
/// Python exceptions).
pub fn fill_faulthandler(_vm: &mut Vm, d: &mut Dict) {
    d.insert_str("dump_traceback", native("dump_traceback", dump_traceback));
    d.insert_str("enable", native("enable", fh_enable));
    d.insert_str("disable", native("disable", fh_enable));
    d.insert_str("is_enabled", native("is_enabled", fh_is_enabled));
}

fn fh_enable(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn fh_is_enabled(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn dump_traceback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "dump_traceback", 0, 2)?;
    let all_threads = match a.get(1, "all_threads") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut text = if all_threads {
        format!("Current thread 0x{:016x} (most recent call first):\n", thread_ident())
    } else {
        "Stack (most recent call first):\n".to_string()
    };
    for p in vm.frames.iter().rev() {
        // SAFETY: frames on the stack are live.
        let f = unsafe { &**p };
        text.push_str(&format!("  File \"{}\", line {} in {}\n", f.code.filename, f.lineno(), f.code.name));
    }
    match a.get(0, "file") {
        Some(file) if !file.is_none() => {
            let w = vm.getattr(file, "write")?;
            vm.call1(&w, Value::string(text))?;
        }
        _ => crate::builtins::io::write_stderr(vm, &text)?,
    }
    Ok(Value::None)
}

/// An identifier of the interpreter thread (`threading.get_ident()`-like).
pub fn thread_ident() -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::thread::current().id().hash(&mut h);
    h.finish() & 0x7fff_ffff_ffff
}

/// `sys._current_frames()`: `{thread id: topmost frame}` (one thread).
pub fn sys_current_frames(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "_current_frames", 0, 0)?;
    let mut d = Dict::new();
    let n = vm.frames.len();
    if n > 0 {
        let f = crate::frame::frame_obj::frame_object(vm, n - 1);
        d.insert(vm, Value::Int(thread_ident() as i64), f)?;
    }
    Ok(vm.new_dict(d))
}

/// `_fileio_native`: whole-file reads and writes for `vm/lib/_fileio.py` (`open()`).
pub fn fill_fileio(_vm: &mut Vm, d: &mut Dict) {
    d.insert_str("read_bytes", native("read_bytes", read_bytes));
    d.insert_str("write_bytes", native("write_bytes", write_bytes));
}

/// The OSError subclass and message CPython raises for an I/O error on `path`.
fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> crate::vm::PyErr {
    use std::io::ErrorKind as K;
    let cls = match e.kind() {
        K::NotFound => "FileNotFoundError",
        K::PermissionDenied => "PermissionError",
        K::AlreadyExists => "FileExistsError",
        _ if e.raw_os_error() == Some(21) => "IsADirectoryError",
        _ => "OSError",
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let reason = match errno {
        2 => "No such file or directory".to_string(),
        13 => "Permission denied".to_string(),
        21 => "Is a directory".to_string(),
        _ => e.to_string(),
    };
    let err = vm.err(cls, format!("[Errno {errno}] {reason}: {}", crate::protocol::repr::str_repr(path)));
    if let Value::Obj(o) = &err.0 {
        if let Obj::Exception(x) = o.view() {
            let mut d = x.dict.borrow_mut();
            d.insert_str("errno", Value::Int(errno as i64));
            d.insert_str("strerror", Value::string(reason));
            d.insert_str("filename", Value::str(path));
        }
    }
    err
}

fn read_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "read_bytes", 1, 1)?;
    let path = pos[0].as_str().ok_or_else(|| vm.type_error("path must be str"))?.to_string();
    match std::fs::read(&path) {
        Ok(b) => Ok(Value::obj(crate::object::NewObj::Bytes(b))),
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

fn write_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::Write;
    let pos = a.check(vm, "write_bytes", 3, 3)?;
    let path = pos[0].as_str().ok_or_else(|| vm.type_error("path must be str"))?.to_string();
    let data: Vec<u8> = match &pos[1] {
        Value::Obj(o) => match o.view() {
            Obj::Bytes(b) => b.to_vec(),
            Obj::ByteArray(b) => b.borrow().clone(),
            _ => return Err(vm.type_error("data must be bytes")),
        },
        _ => return Err(vm.type_error("data must be bytes")),
    };
    let mode = pos[2].as_str().unwrap_or("w").to_string();
    let mut opts = std::fs::OpenOptions::new();
    match mode.as_str() {
        "a" => opts.append(true).create(true),
        "x" => opts.write(true).create_new(true),
        _ => opts.write(true).create(true).truncate(true),
    };
    let r = opts.open(&path).and_then(|mut f| f.write_all(&data));
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}
