//! The native `_sre` module (CPython's `Modules/_sre/`), on which the host's own
//! pure-Python `re` package (`re/_parser.py`, `re/_compiler.py`) runs unmodified.
//!
//! `re._compiler` turns a pattern into SRE code (a list of 32-bit words) and calls
//! `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`; the
//! matching itself is done by the `rustpython-sre_engine` crate, an iterative
//! (explicit context stack, no native recursion) port of CPython's `sre_lib.h`.
//!
//! ## Which engine version, and why
//! CPython 3.11's `re/_constants.py` has `MAGIC = 20220615`. No published version
//! of the crate carries that number: 0.3.1 and 0.4.0 say 20221023 (3.12's
//! early number, bumped for a Python-level change to how `sub` templates are
//! compiled), 0.5.0 says 20230612 (3.13's, bumped when the `TEMPLATE` flag went)
//! and 0.6.0 also 20230612. What matters is the code: in 0.4.0 and 0.5.0 the
//! opcode, `AT_*` and `CATEGORY_*` numbers are exactly 3.11's `OPCODES`,
//! `ATCODES` and `CHCODES` lists (FAILURE=0 … RANGE_UNI_IGNORE=42, the same
//! operand layouts), so the code `re._compiler` emits runs as is and `MAGIC` here
//! is 3.11's. We use 0.5.0 because it fixes atomic groups and possessive repeats
//! under `fullmatch` (their bodies ran with the caller's "top level" flag, where
//! CPython's `DO_JUMP0` clears it), both new in 3.11; its extra dependencies
//! (`rustpython-wtf8`, `bstr`) build in seconds on stable Rust.
//!
//! ## Objects
//! `re.Pattern`, `re.Match` and `_sre.SRE_Scanner` are native classes whose
//! instances keep their state in one private slot holding an object of the
//! `Kind::Sre` foreign kind ([`Sre`]). `Pattern.groupindex` is a dict copy (pyhop
//! has no `mappingproxy`).
//!
//! A panic inside the engine (only hand-made code that is not valid SRE code gets
//! there; CPython's `_validate` rejects it in `compile`) is caught and raised as
//! `RuntimeError: invalid SRE code`, with the panic report kept quiet
//! (`subject.rs`).
//!
//! Known differences from CPython come from the engine: its Unicode categories
//! are approximations (`\d` with a str pattern matches ASCII digits only, `\w`
//! uses Rust's `char::is_alphanumeric`), case folding takes the first char of
//! Rust's full lowercase/uppercase mapping, and `re.LOCALE` behaves as ASCII.

mod match_obj;
mod pattern;
mod scanner;
mod subject;

use std::cell::RefCell;

use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::heap::Foreign;
use crate::object::{Class, Dict, Kind, Layout, NewObj, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub(crate) use match_obj::MatchData;
pub(crate) use pattern::PatternData;
pub(crate) use scanner::ScannerData;

/// CPython 3.11's `re._constants.MAGIC` (see the module doc).
pub const MAGIC: i64 = 20220615;
/// The private slot of pattern, match and scanner instances.
const SLOT: &str = "__sre_state__";

/// The payload of a `Kind::Sre` object.
pub(crate) enum Sre {
    Pattern(PatternData),
    Match(MatchData),
    Scanner(ScannerData),
}

// SAFETY: `Kind::Sre` is used by this payload type alone.
unsafe impl Foreign for Sre {
    const KIND: Kind = Kind::Sre;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            Sre::Pattern(p) => p.trace(visit),
            Sre::Match(m) => m.trace(visit),
            Sre::Scanner(s) => s.trace(visit),
        }
    }

    fn clear(&self) {
        // Pattern, match and scanner state hold no mutable references: a cycle
        // through them is broken at the other objects (a dict, a list).
    }
}

/// Which of the three classes.
#[derive(Clone, Copy)]
enum Which {
    Pattern = 0,
    Match = 1,
    Scanner = 2,
}

/// The `Sre` state object in `v`'s private slot.
fn state_obj(v: &Value) -> Option<ObjRef> {
    let Value::Obj(o) = v else { return None };
    let Obj::Instance(i) = o.view() else { return None };
    let idx = crate::protocol::attr::slot_index(i.class, SLOT)?;
    match i.slot(idx) {
        Value::Obj(s) if s.kind() == Kind::Sre => Some(s),
        _ => None,
    }
}

/// A new instance of one of the classes holding `state`.
fn instance(vm: &mut Vm, which: Which, state: Sre) -> PyResult<Value> {
    let cls = classes(vm)[which as usize].clone();
    let obj = vm.object_new(&cls, Args::new(&[]))?;
    if let Value::Obj(o) = &obj {
        if let Obj::Instance(i) = o.view() {
            i.set_slot(0, Value::Obj(ObjRef::new_foreign(state)));
        }
    }
    Ok(obj)
}

/// `self` of a method of `cls_name` with its state, or CPython's descriptor error.
fn receiver(vm: &Vm, a: &Args, cls_name: &str, name: &str) -> PyResult<(Value, ObjRef)> {
    let Some(slf) = a.pos().first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of '{cls_name}' object needs an argument")));
    };
    let want = match cls_name {
        "re.Pattern" => 0,
        "re.Match" => 1,
        _ => 2,
    };
    if let Some(st) = state_obj(slf) {
        let ok = matches!(
            (want, st.foreign::<Sre>()),
            (0, Some(Sre::Pattern(_))) | (1, Some(Sre::Match(_))) | (2, Some(Sre::Scanner(_)))
        );
        if ok {
            return Ok((slf.clone(), st));
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{name}' for '{cls_name}' objects doesn't apply to a '{}' object",
        vm.type_name(slf)
    )))
}

/// The three classes, made once per interpreter.
fn classes(vm: &mut Vm) -> &[ObjRef; 3] {
    if vm.sre_classes.is_none() {
        let p = make_class(vm, "Pattern", "re", pattern::METHODS, pattern::PROPS);
        let m = make_class(vm, "Match", "re", match_obj::METHODS, match_obj::PROPS);
        let s = make_class(vm, "SRE_Scanner", "_sre", scanner::METHODS, scanner::PROPS);
        vm.sre_classes = Some([p, m, s]);
    }
    vm.sre_classes.as_ref().expect("just made")
}

type Table = &'static [(&'static str, crate::object::NativeFn)];

fn make_class(vm: &Vm, name: &'static str, module: &str, methods: Table, props: Table) -> ObjRef {
    let mut cd = Dict::new();
    cd.insert_str("__new__", Value::obj(NewObj::StaticMethod(native("__new__", no_new))));
    for (n, f) in methods {
        cd.insert_str(n, method(name, n, *f));
    }
    for (n, f) in props {
        let fget = method(name, n, *f);
        cd.insert_str(n, Value::obj(NewObj::Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None }));
    }
    if name != "SRE_Scanner" {
        let m = method(name, "__class_getitem__", crate::builtins::genericalias::class_getitem);
        cd.insert_str("__class_getitem__", Value::obj(NewObj::ClassMethod(m)));
    }
    cd.insert_str("__module__", Value::str(module));
    cd.insert_str("__doc__", Value::None);
    let cls = NewObj::alloc(NewObj::Class(Class {
        name: name.into(),
        qualname: RefCell::new(name.into()),
        module: RefCell::new(Value::str(module)),
        bases: vec![vm.types.object.clone()],
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(cd),
        layout: Layout::Object,
        metaclass: RefCell::new(None),
        slots: Some(vec![std::rc::Rc::from(SLOT)]),
        // A "heap" class so that its native dunders (`__eq__`, `__getitem__`) take
        // part in operator dispatch.
        heap: true,
        has_del: std::cell::Cell::new(false),
        weakrefable: true,
        subclasses: RefCell::new(Vec::new()),
        native: true,
        shapes: std::cell::OnceCell::new(),
        index: std::cell::Cell::new(0),
        collection: std::cell::Cell::new(0),
    }));
    if let Some(c) = cls.as_class() {
        *c.mro.borrow_mut() = vec![cls.clone(), vm.types.object.clone()];
    }
    cls
}

/// `re.Pattern()` and friends: CPython's "cannot create instances".
fn no_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = match a.pos().first() {
        Some(Value::Obj(c)) => match c.as_class() {
            Some(c) => format!("{}.{}", c.module.borrow().as_str().unwrap_or("re"), c.name),
            None => "re.Pattern".into(),
        },
        _ => "re.Pattern".into(),
    };
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

// ---- the module --------------------------------------------------------------------

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    classes(vm);
    d.insert_str("MAGIC", Value::Int(MAGIC));
    d.insert_str("CODESIZE", Value::Int(4));
    d.insert_str("MAXREPEAT", Value::Int(u32::MAX as i64));
    d.insert_str("MAXGROUPS", Value::Int((u32::MAX / 4) as i64));
    d.insert_str("copyright", Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    for (name, f) in [
        ("compile", pattern::compile as crate::object::NativeFn),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
    ] {
        d.insert_str(name, native(name, f));
    }
}

fn getcodesize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getcodesize", 0, 0)?;
    Ok(Value::Int(4))
}

/// The one int argument of the case helpers (a code point, or any C int).
fn char_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    let pos = a.check(vm, name, 1, 1)?;
    let v = &pos[0];
    if crate::protocol::ops::unwrap_base(v).to_bigint().is_none() && !matches!(v, Value::Bool(_)) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
    }
    vm.index_value(v)
}

fn code_point(ch: i64) -> u32 {
    u32::try_from(ch).unwrap_or(u32::MAX)
}

fn ascii_iscased(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ch = char_arg(vm, &a, "ascii_iscased")?;
    Ok(Value::Bool((0..128).contains(&ch) && (ch as u8).is_ascii_alphabetic()))
}

fn unicode_iscased(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ch = code_point(char_arg(vm, &a, "unicode_iscased")?);
    use rustpython_sre_engine::string::{lower_unicode, upper_unicode};
    Ok(Value::Bool(ch != lower_unicode(ch) || ch != upper_unicode(ch)))
}

fn ascii_tolower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ch = char_arg(vm, &a, "ascii_tolower")?;
    Ok(Value::Int(if (0..128).contains(&ch) { (ch as u8).to_ascii_lowercase() as i64 } else { ch }))
}

fn unicode_tolower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ch = char_arg(vm, &a, "unicode_tolower")?;
    // The same folding the engine applies while matching.
    Ok(Value::Int(rustpython_sre_engine::string::lower_unicode(code_point(ch)) as i64))
}

// ---- argument parsing (Argument Clinic's messages) ----------------------------------

/// The arguments after `self` of `fname(names...)`, the first `required` of them
/// required; positional or by keyword.
fn parse_args<'a>(vm: &Vm, a: &Args<'a>, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = &a.pos()[1.min(a.pos().len())..];
    if pos.len() + a.kwnames.len() > names.len() && pos.len() > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            pos.len() + a.kwnames.len()
        )));
    }
    let mut out: Vec<Option<&'a Value>> = names.iter().enumerate().map(|(i, _)| pos.get(i)).collect();
    for (k, v) in a.kw() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)));
            }
            Some(i) => out[i] = Some(v),
            None => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!("{fname}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

/// A Py_ssize_t argument (`pos`, `endpos`, `count`, `maxsplit`), clamped.
fn ssize_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => {
            if crate::protocol::ops::unwrap_base(v).to_bigint().is_none()
                && !matches!(v, Value::Bool(_))
                && vm.getattr_opt(v, "__index__")?.is_none()
            {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))));
            }
            vm.index_clamped(v)
        }
    }
}
