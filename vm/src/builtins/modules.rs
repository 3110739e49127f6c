//! Native modules: `sys`, `math`, `time`, `builtins`. Each is built on first import.

use std::rc::Rc;

use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::{Dict, Layout, Module, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The names `native_module` answers, sorted (`sys.builtin_module_names`).
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_abc_native", "_codecs", "_fileio_native", "_opcode", "_random", "_sre", "_struct", "_traceback_native", "_weakref", "atexit",
    "builtins",
    "errno", "faulthandler", "gc", "math", "posix", "sys", "time",
];

/// The native module `name`, if there is one.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "sys" => Some(Value::Obj(vm.sys.clone())),
        "builtins" => Some(make_module("builtins", |d| {
            *d = Dict::new();
        }, vm)),
        "math" => Some(make_module("math", crate::builtins::math::fill, vm)),
        "time" => Some(make_module_vm("time", |vm, d| {
            crate::builtins::time::fill(d);
            crate::builtins::time_cal::fill(vm, d);
        }, vm)),
        "_opcode" => Some(make_module_vm("_opcode", crate::builtins::introspect::fill_opcode, vm)),
        "_fileio_native" => Some(make_module_vm("_fileio_native", crate::builtins::introspect::fill_fileio, vm)),
        "faulthandler" => Some(make_module_vm("faulthandler", crate::builtins::introspect::fill_faulthandler, vm)),
        "_random" => Some(crate::builtins::random::module(vm)),
        "_sre" => Some(make_module_vm("_sre", crate::builtins::sre::fill, vm)),
        "_codecs" => Some(make_module_vm("_codecs", crate::builtins::codecs::fill, vm)),
        "_abc_native" => Some(make_module_vm("_abc_native", crate::builtins::abc_native::fill, vm)),
        "_struct" => Some(make_module_vm("_struct", crate::builtins::struct_::fill, vm)),
        "_weakref" => Some(make_module_vm("_weakref", crate::builtins::weakref::fill, vm)),
        "gc" => Some(make_module_vm("gc", crate::builtins::gc::fill, vm)),
        "posix" => Some(make_module_vm("posix", crate::builtins::posix::fill, vm)),
        "errno" => Some(make_module_vm("errno", crate::builtins::posix::errno::fill, vm)),
        "atexit" => Some(make_module_vm("atexit", crate::builtins::gc::fill_atexit, vm)),
        "_traceback_native" => Some(make_module_vm("_traceback_native", crate::builtins::code::fill_traceback_native, vm)),
        _ => None,
    })
}

fn make_module(name: &str, fill: fn(&mut Dict), vm: &mut Vm) -> Value {
    if name == "builtins" {
        return Value::obj(crate::object::NewObj::Module(Module { name: "builtins".into(), dict: vm.builtins.clone() }));
    }
    let mut d = Dict::new();
    d.insert_str("__name__", Value::str(name));
    d.insert_str("__doc__", Value::None);
    fill(&mut d);
    Value::obj(crate::object::NewObj::Module(Module { name: name.into(), dict: Vm::dict_obj(d) }))
}

/// A native module whose contents need the interpreter to build.
fn make_module_vm(name: &str, fill: fn(&mut Vm, &mut Dict), vm: &mut Vm) -> Value {
    let mut d = Dict::new();
    d.insert_str("__name__", Value::str(name));
    d.insert_str("__doc__", Value::None);
    fill(vm, &mut d);
    Value::obj(crate::object::NewObj::Module(Module { name: name.into(), dict: Vm::dict_obj(d) }))
}

fn stream(vm: &Vm, name: &str) -> Value {
    let cls = Vm::make_class("TextIOWrapper", vec![vm.types.object.clone()], Layout::Other);
    if let Obj::Class(c) = cls.view() {
        let mut d = c.dict.borrow_mut();
        d.insert_str("write", method("TextIOWrapper", "write", crate::builtins::io::stdout_write));
        d.insert_str("flush", method("TextIOWrapper", "flush", crate::builtins::io::stream_flush));
        d.insert_str("readline", method("TextIOWrapper", "readline", crate::builtins::io::stdin_readline));
        *c.module.borrow_mut() = Value::str("_io");
    }
    let mut d = Dict::new();
    d.insert_str("name", Value::str(name));
    d.insert_str("encoding", Value::str("utf-8"));
    Value::Obj(crate::object::instance::new_instance_with(&cls, &d))
}

pub fn init_sys(vm: &mut Vm) {
    let argv = vm.new_list(vm.argv.iter().map(|s| Value::str(s)).collect());
    let path = vm.new_list(vm.path.iter().map(|s| Value::str(s)).collect());
    let version_fields = vec![
        ("major", Value::Int(3)),
        ("minor", Value::Int(11)),
        ("micro", Value::Int(0)),
        ("releaselevel", Value::str("final")),
        ("serial", Value::Int(0)),
    ];
    let version_info = crate::builtins::structseq::make(vm, "sys", "version_info", version_fields)
        .unwrap_or_else(|_| vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0), Value::str("final"), Value::Int(0)]));
    let mut names = Dict::new_set();
    for n in STDLIB_MODULE_NAMES {
        names.insert_str(n, Value::None);
    }
    let stdlib_module_names = Value::obj(crate::object::NewObj::FrozenSet(names));
    let mut imp = Dict::new();
    imp.insert_str("name", Value::str("pyhop"));
    imp.insert_str("cache_tag", Value::None);
    imp.insert_str("dispatch", Value::str(vm.engine.name()));
    imp.insert_str("specialize", Value::Bool(crate::object::code::specialize_enabled()));
    imp.insert_str("inline_calls", Value::Bool(crate::interp::chain::enabled()));
    imp.insert_str("version", version_info.clone());
    let imp_ns = crate::builtins::types::simple_namespace(vm, imp);
    let mut fi = Dict::new();
    for (k, v) in [
        ("max", Value::Float(f64::MAX)),
        ("max_exp", Value::Int(f64::MAX_EXP as i64)),
        ("max_10_exp", Value::Int(f64::MAX_10_EXP as i64)),
        ("min", Value::Float(f64::MIN_POSITIVE)),
        ("min_exp", Value::Int(f64::MIN_EXP as i64)),
        ("min_10_exp", Value::Int(f64::MIN_10_EXP as i64)),
        ("dig", Value::Int(f64::DIGITS as i64)),
        ("mant_dig", Value::Int(f64::MANTISSA_DIGITS as i64)),
        ("epsilon", Value::Float(f64::EPSILON)),
        ("radix", Value::Int(2)),
        ("rounds", Value::Int(1)),
    ] {
        fi.insert_str(k, v);
    }
    let float_info = crate::builtins::types::simple_namespace(vm, fi);
    let mut ii = Dict::new();
    for (k, v) in [("bits_per_digit", 30), ("sizeof_digit", 4), ("default_max_str_digits", 4300), ("str_digits_check_threshold", 640)] {
        ii.insert_str(k, Value::Int(v));
    }
    let int_info = crate::builtins::types::simple_namespace(vm, ii);
    // sys.hash_info: pyhop's numeric hash is CPython's (modulus 2**61 - 1, the same
    // inf and imag constants); its str hash is an unseeded FxHash-style one
    // (`object/dict.rs`'s `hash_str`), so `algorithm` says so and `seed_bits` is 0.
    let hash_info = crate::builtins::structseq::make(
        vm,
        "sys",
        "hash_info",
        vec![
            ("width", Value::Int(64)),
            ("modulus", Value::Int((1i64 << 61) - 1)),
            ("inf", Value::Int(314159)),
            ("nan", Value::Int(0)),
            ("imag", Value::Int(1000003)),
            ("algorithm", Value::str("fx")),
            ("hash_bits", Value::Int(64)),
            ("seed_bits", Value::Int(0)),
            ("cutoff", Value::Int(0)),
        ],
    )
    .unwrap_or(Value::None);
    let stdout = stream(vm, "<stdout>");
    let stderr = stream(vm, "<stderr>");
    let stdin = stream(vm, "<stdin>");
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let Obj::Module(sys) = vm.sys.view() else { return };
    let mut d = sys.d().borrow_mut();
    d.insert_str("__name__", Value::str("sys"));
    d.insert_str("argv", argv);
    d.insert_str("path", path);
    d.insert_str("modules", Value::Obj(vm.modules.clone()));
    d.insert_str("version", Value::string(format!("3.11.0 (pyhop {}) [Rust]", env!("CARGO_PKG_VERSION"))));
    d.insert_str("version_info", version_info);
    d.insert_str("hexversion", Value::Int(0x030b00f0));
    d.insert_str("implementation", imp_ns);
    d.insert_str("maxsize", Value::Int(i64::MAX));
    d.insert_str("float_info", float_info);
    d.insert_str("int_info", int_info);
    d.insert_str("hash_info", hash_info);
    d.insert_str("maxunicode", Value::Int(0x10ffff));
    d.insert_str("byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    d.insert_str("platform", Value::str("linux"));
    d.insert_str("executable", Value::string(exe));
    d.insert_str("stdout", stdout.clone());
    d.insert_str("stderr", stderr.clone());
    d.insert_str("stdin", stdin.clone());
    d.insert_str("__stdout__", stdout);
    d.insert_str("__stderr__", stderr);
    d.insert_str("__stdin__", stdin);
    // pyhop never writes bytecode files, whatever `-B` says (`sys.flags` records it).
    d.insert_str("dont_write_bytecode", Value::Bool(true));
    d.insert_str("stdlib_module_names", stdlib_module_names);
    let builtin_names = vm.new_tuple(BUILTIN_MODULE_NAMES.iter().map(|n| Value::str(n)).collect());
    d.insert_str("builtin_module_names", builtin_names);
    for (name, f) in [
        ("getrecursionlimit", sys_getrecursionlimit as crate::object::NativeFn),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exit", sys_exit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("audit", sys_audit),
        ("excepthook", sys_excepthook),
        ("__excepthook__", sys_excepthook),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("frame_stats", sys_frame_stats),
        ("_getframe", sys_getframe),
        ("_current_frames", crate::builtins::introspect::sys_current_frames),
        ("getdxp", crate::profile::dxp::sys_getdxp),
        ("_specialization_stats", crate::interp::specialize::sys_stats),
        ("settrace", sys_settrace),
        ("gettrace", sys_gettrace),
        ("setprofile", sys_setprofile),
        ("getprofile", sys_getprofile),
        ("set_asyncgen_hooks", crate::interp::async_gen::sys_set_asyncgen_hooks),
        ("get_asyncgen_hooks", crate::interp::async_gen::sys_get_asyncgen_hooks),
    ] {
        d.insert_str(name, native(name, f));
    }
    drop(d);
    if let Obj::Dict(m) = vm.modules.view() {
        m.borrow_mut().insert_str("sys", Value::Obj(vm.sys.clone()));
    }
    let startup = crate::startup::Startup { path: vm.path.clone(), ..crate::startup::Startup::default() };
    install_startup(vm, &startup);
}

/// Set what the start-up configuration decides (`startup.rs`): `sys.path` (and
/// `vm.path`), `sys.flags`, the prefixes, `sys.platlibdir`, `sys._stdlib_dir`,
/// `sys.warnoptions` and `sys._xoptions`. `Vm::new` installs the defaults; the
/// `pyhop` binary installs the command line's.
pub fn install_startup(vm: &mut Vm, s: &crate::startup::Startup) {
    use crate::startup::FlagValue;
    vm.path = s.path.clone();
    let path = vm.new_list(s.path.iter().map(|p| Value::str(p)).collect());
    let fields: Vec<(&str, Value)> = s
        .flags
        .fields()
        .iter()
        .map(|(n, v)| {
            (*n, match v {
                FlagValue::Int(i) => Value::Int(*i),
                FlagValue::Bool(b) => Value::Bool(*b),
            })
        })
        .collect();
    let flags = crate::builtins::structseq::make(vm, "sys", "flags", fields).unwrap_or(Value::None);
    let warnoptions = vm.new_list(s.warnoptions.iter().map(|w| Value::str(w)).collect());
    let mut xo = Dict::new();
    for (k, v) in &s.xoptions {
        xo.insert_str(k, v.as_deref().map(Value::str).unwrap_or(Value::Bool(true)));
    }
    let xoptions = vm.new_dict(xo);
    let stdlib_dir = s.stdlib.as_ref().map(|p| Value::string(p.display().to_string())).unwrap_or(Value::None);
    let Obj::Module(sys) = vm.sys.view() else { return };
    let mut d = sys.d().borrow_mut();
    d.insert_str("path", path);
    d.insert_str("flags", flags);
    for (k, v) in [("prefix", &s.prefix), ("base_prefix", &s.prefix), ("exec_prefix", &s.exec_prefix), ("base_exec_prefix", &s.exec_prefix)] {
        d.insert_str(k, Value::str(v));
    }
    d.insert_str("platlibdir", Value::str(&s.platlibdir));
    d.insert_str("_stdlib_dir", stdlib_dir);
    d.insert_str("warnoptions", warnoptions);
    d.insert_str("_xoptions", xoptions);
}

fn sys_getrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.index_value(&pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if n as u32 as i64 != n {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if (n as u32) <= vm.depth {
        return Err(vm.err(
            "RecursionError",
            format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth),
        ));
    }
    vm.recursion_limit = n as u32;
    Ok(Value::None)
}

fn sys_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "exit", 0, 1)?;
    let cls = vm.exc_class("SystemExit");
    Err(crate::vm::PyErr(vm.new_exception(cls, pos.to_vec())))
}

fn sys_exc_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "exc_info", 0, 0)?;
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(&e));
    let tb = vm.getattr(&e, "__traceback__")?;
    Ok(vm.new_tuple(vec![t, e, tb]))
}

fn sys_exception(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "exception", 0, 0)?;
    Ok(vm.exc_info.clone())
}

fn sys_intern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "intern", 1, 1)?;
    Ok(pos[0].clone())
}

/// An estimate of CPython's sizes (64-bit build), documented as approximate.
fn sys_getsizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getsizeof", 1, 2)?;
    let n = match &pos[0] {
        Value::None => 16,
        Value::Bool(_) | Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Null => 0,
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => 49 + s.as_str().len() as i64,
            Obj::Int(b) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            Obj::List(l) => 56 + 8 * l.borrow().len() as i64,
            Obj::Tuple(t) => 40 + 8 * t.len() as i64,
            Obj::Dict(d) => 64 + 24 * d.borrow().len() as i64,
            Obj::Set(d) => 200 + 16 * d.borrow().len() as i64,
            Obj::Bytes(b) => 33 + b.len() as i64,
            _ => 48,
        },
    };
    Ok(Value::Int(n))
}

/// `sys.settrace(func)`: the global trace function (see `interp/trace.rs`).
fn sys_settrace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "settrace", 1, 1)?;
    vm.tracefunc = pos[0].clone();
    vm.hooks_on = !vm.tracefunc.is_none() || !vm.profilefunc.is_none();
    Ok(Value::None)
}

fn sys_gettrace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "gettrace", 0, 0)?;
    Ok(vm.tracefunc.clone())
}

/// `sys.setprofile(func)`.
fn sys_setprofile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "setprofile", 1, 1)?;
    vm.profilefunc = pos[0].clone();
    vm.hooks_on = !vm.tracefunc.is_none() || !vm.profilefunc.is_none();
    Ok(Value::None)
}

fn sys_getprofile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getprofile", 0, 0)?;
    Ok(vm.profilefunc.clone())
}

/// `sys._getframe([depth])`.
fn sys_getframe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "_getframe", 0, 1)?;
    let depth = match pos.first() {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(crate::frame::frame_obj::frame_object(vm, (n - 1 - depth) as usize))
}

/// `sys.frame_stats()`: pyhop's frame-reuse policy and counters, as a dict.
fn sys_frame_stats(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "frame_stats", 0, 0)?;
    let p = &vm.frame_pool;
    let s = p.stats;
    let mut d = Dict::new();
    d.insert_str("policy", Value::str(p.policy.name()));
    d.insert_str("allocations", Value::Int(s.allocations as i64));
    d.insert_str("zombie_hits", Value::Int(s.zombie_hits as i64));
    d.insert_str("freelist_hits", Value::Int(s.freelist_hits as i64));
    d.insert_str("released", Value::Int(s.released as i64));
    d.insert_str("freed", Value::Int(s.dropped as i64));
    d.insert_str("free_list", Value::Int(p.free_len() as i64));
    Ok(vm.new_dict(d))
}

fn sys_getdefaultencoding(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

/// `sys.excepthook(type, value, traceback)` (and `sys.__excepthook__`): print the
/// report of an uncaught exception to stderr, as the interpreter does at exit. (The
/// interpreter's own report does not go through a replaced `sys.excepthook`.)
fn sys_excepthook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "excepthook", 3, 3)?;
    let text = if matches!(&pos[1], Value::Obj(o) if matches!(o.view(), Obj::Exception(_))) {
        crate::traceback::format_exception(vm, &pos[1])
    } else {
        let t = vm.str_string(&pos[0])?;
        format!("{t}: {}\n", vm.str_string(&pos[1])?)
    };
    crate::builtins::io::write_stderr(vm, &text)?;
    Ok(Value::None)
}

/// `sys.audit(event, *args)`: pyhop has no audit hooks, so events go nowhere.
fn sys_audit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.pos().is_empty() {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    Ok(Value::None)
}

/// File names are decoded as UTF-8 (`posix` decodes undecodable bytes lossily; pyhop's
/// `str` cannot hold the surrogates CPython's `surrogateescape` would make).
fn sys_getfilesystemencodeerrors(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::str("surrogateescape"))
}

fn sys_set_int_max_str_digits(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(4300))
}

#[allow(dead_code)]
fn unused(_: Rc<()>) {}

/// `sys.stdlib_module_names`: CPython 3.11's list (`sorted(sys.stdlib_module_names)`).
const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc", "_compat_pickle",
    "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses", "_curses_panel",
    "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io",
    "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydecimal", "_pyio", "_queue", "_random",
    "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket",
    "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct",
    "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_typing",
    "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc", "aifc",
    "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore", "atexit",
    "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar",
    "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys",
    "compileall", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg",
    "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib",
    "dis", "distutils", "doctest", "email", "encodings", "ensurepip", "enum", "errno",
    "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools",
    "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip",
    "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "imp", "importlib",
    "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale",
    "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder",
    "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle",
    "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath",
    "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data",
    "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource", "rlcompleter",
    "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal",
    "site", "smtpd", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3",
    "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
    "stringprep", "struct", "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog",
    "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this", "threading",
    "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback",
    "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest",
    "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser", "winreg",
    "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib",
    "zoneinfo",

];
