//! `re.Pattern`: `_sre.compile` and the pattern methods (`pattern_*` of
//! CPython 3.11's `_sre.c`).

use rustpython_sre_engine::State;

use super::subject::{Cursor, Found, Mode, Subject};
use super::{instance, parse_args, receiver, ssize_arg, Sre, Which};
use crate::object::func::Args;
use crate::object::{Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A compiled pattern.
pub(crate) struct PatternData {
    pub code: Vec<u32>,
    /// The source (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    /// Number of capturing groups.
    pub groups: usize,
    /// name -> index dict, and the index -> name tuple.
    pub groupindex: Value,
    pub indexgroup: Value,
    /// Whether the pattern is bytes (None: compiled from `None`, takes both).
    pub isbytes: Option<bool>,
}

impl PatternData {
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }
}

pub(super) const METHODS: super::Table = &[
    ("match", pattern_match),
    ("fullmatch", pattern_fullmatch),
    ("search", pattern_search),
    ("findall", pattern_findall),
    ("finditer", pattern_finditer),
    ("scanner", pattern_scanner),
    ("split", pattern_split),
    ("sub", pattern_sub),
    ("subn", pattern_subn),
    ("__copy__", pattern_copy),
    ("__deepcopy__", pattern_deepcopy),
    ("__repr__", pattern_repr),
    ("__eq__", pattern_eq),
    ("__ne__", pattern_ne),
    ("__hash__", pattern_hash),
];

pub(super) const PROPS: super::Table =
    &[("pattern", get_pattern), ("flags", get_flags), ("groups", get_groups), ("groupindex", get_groupindex)];

/// The pattern state of `st` (a `receiver` checked it).
pub(crate) fn data(st: &ObjRef) -> &PatternData {
    match st.foreign::<Sre>() {
        Some(Sre::Pattern(p)) => p,
        _ => unreachable!("receiver checked the kind"),
    }
}

fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<(Value, ObjRef)> {
    receiver(vm, a, "re.Pattern", name)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub(super) fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // `compile` is a module function: no self to skip.
    let mut args = vec![Value::None];
    args.extend_from_slice(a.args);
    let shifted = Args { args: &args, kwnames: a.kwnames };
    let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"];
    let p = parse_args(vm, &shifted, "compile", &names, 6)?;
    let arg = |i: usize| p[i].cloned().unwrap_or(Value::None);
    let (pattern, flags_v, code_v, groups_v, groupindex, indexgroup) = (arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
    let flags = vm.index_value(&flags_v)?;
    let Some(items) = code_v.as_obj().and_then(|o| match o.view() {
        Obj::List(l) => Some(l.borrow().clone()),
        _ => None,
    }) else {
        return Err(vm.type_error(format!("compile() argument 'code' must be list, not {}", vm.type_name(&code_v))));
    };
    let mut code = Vec::with_capacity(items.len());
    for it in &items {
        let n = match unwrap_base(it).to_bigint() {
            Some(n) => n,
            None => return Err(vm.type_error(format!("an integer is required (got type {})", vm.type_name(it)))),
        };
        match u32::try_from(&n) {
            Ok(c) => code.push(c),
            Err(_) => return Err(vm.err("OverflowError", "regular expression code size limit exceeded")),
        }
    }
    let groups = vm.index_value(&groups_v)?;
    if !matches!(groupindex.as_obj().map(|o| o.view()), Some(Obj::Dict(_))) {
        return Err(vm.type_error(format!("compile() argument 'groupindex' must be dict, not {}", vm.type_name(&groupindex))));
    }
    if !matches!(indexgroup.as_obj().map(|o| o.view()), Some(Obj::Tuple(_))) {
        return Err(vm.type_error(format!("compile() argument 'indexgroup' must be tuple, not {}", vm.type_name(&indexgroup))));
    }
    let isbytes = if pattern.is_none() {
        None
    } else {
        Some(Subject::new(vm, &pattern, None)?.isbytes)
    };
    let data = PatternData {
        code,
        pattern,
        flags,
        groups: groups.max(0) as usize,
        groupindex,
        indexgroup,
        isbytes,
    };
    instance(vm, Which::Pattern, Sre::Pattern(data))
}

// ---- match / fullmatch / search ---------------------------------------------------

/// `(string, pos, endpos)` of the matching methods, as a subject and bounds.
fn string_pos_endpos(vm: &mut Vm, a: &Args, name: &str, p: &PatternData) -> PyResult<(Subject, usize, usize)> {
    let args = parse_args(vm, a, name, &["string", "pos", "endpos"], 1)?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let pos = ssize_arg(vm, args[1], 0)?;
    let endpos = ssize_arg(vm, args[2], i64::MAX)?;
    let subj = Subject::new(vm, &string, p.isbytes)?;
    let len = subj.len as i64;
    Ok((subj, pos.clamp(0, len) as usize, endpos.clamp(0, len) as usize))
}

fn one(vm: &mut Vm, a: Args, name: &str, mode: Mode) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, name)?;
    let p = data(&st);
    let (subj, pos, endpos) = string_pos_endpos(vm, &a, name, p)?;
    let mut state = State::default();
    match subj.exec(vm, &mut state, &p.code, pos, endpos, mode, false)? {
        Some(f) => super::match_obj::new_match(vm, &slf, p, &subj, &f, pos, endpos, &mut Cursor::default()),
        None => Ok(Value::None),
    }
}

fn pattern_match(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one(vm, a, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one(vm, a, "fullmatch", Mode::Full)
}

fn pattern_search(vm: &mut Vm, a: Args) -> PyResult<Value> {
    one(vm, a, "search", Mode::Search)
}

// ---- findall / finditer / scanner --------------------------------------------------

/// Group `g`'s text, or `default` when it did not take part (`state_getslice`).
fn group_slice(subj: &Subject, cur: &mut Cursor, f: &Found, g: usize, default: Option<&Value>) -> Value {
    match f.span(g) {
        (s, e) if s >= 0 && e >= 0 => subj.slice(cur, s as usize, e as usize),
        _ => match default {
            Some(d) => d.clone(),
            None => subj.empty(),
        },
    }
}

fn pattern_findall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "findall")?;
    let p = data(&st);
    let (subj, mut start, endpos) = string_pos_endpos(vm, &a, "findall", p)?;
    let mut state = State::default();
    let mut cur = Cursor::default();
    let mut out = Vec::new();
    let mut must_advance = false;
    while start <= endpos {
        let Some(f) = subj.exec(vm, &mut state, &p.code, start, endpos, Mode::Search, must_advance)? else { break };
        let item = match p.groups {
            0 => subj.slice(&mut cur, f.start, f.end),
            1 => group_slice(&subj, &mut cur, &f, 1, None),
            n => {
                let items = (1..=n).map(|g| group_slice(&subj, &mut cur, &f, g, None)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        must_advance = f.end == f.start;
        start = f.end;
    }
    Ok(vm.new_list(out))
}

fn pattern_scanner(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, "scanner")?;
    let p = data(&st);
    let (subj, pos, endpos) = string_pos_endpos(vm, &a, "scanner", p)?;
    super::scanner::new_scanner(vm, slf, subj, pos, endpos)
}

/// `finditer`: `iter(scanner.search, None)`.
fn pattern_finditer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, "finditer")?;
    let p = data(&st);
    let (subj, pos, endpos) = string_pos_endpos(vm, &a, "finditer", p)?;
    let scanner = super::scanner::new_scanner(vm, slf, subj, pos, endpos)?;
    let search = vm.getattr(&scanner, "search")?;
    Ok(crate::protocol::iter::new_iter(crate::object::IterState::Callable { func: search, sentinel: Value::None }))
}

// ---- split / sub / subn ------------------------------------------------------------

fn pattern_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "split")?;
    let p = data(&st);
    let args = parse_args(vm, &a, "split", &["string", "maxsplit"], 1)?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let maxsplit = ssize_arg(vm, args[1], 0)?;
    let subj = Subject::new(vm, &string, p.isbytes)?;
    let mut state = State::default();
    let mut cur = Cursor::default();
    let mut out = Vec::new();
    let (mut n, mut last, mut start, mut must_advance) = (0i64, 0usize, 0usize, false);
    let none = Value::None;
    while maxsplit == 0 || n < maxsplit {
        let Some(f) = subj.exec(vm, &mut state, &p.code, start, subj.len, Mode::Search, must_advance)? else { break };
        out.push(subj.slice(&mut cur, last, f.start));
        for g in 1..=p.groups {
            out.push(group_slice(&subj, &mut cur, &f, g, Some(&none)));
        }
        n += 1;
        must_advance = f.end == f.start;
        last = f.end;
        start = f.end;
    }
    out.push(subj.slice(&mut cur, last, subj.len));
    Ok(vm.new_list(out))
}

fn pattern_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    subx(vm, a, "sub", false)
}

fn pattern_subn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    subx(vm, a, "subn", true)
}

/// What replaces each match.
enum Filter {
    Callable(Value),
    Literal(Value),
}

/// Whether a replacement template has no backslash (CPython copies it as is).
fn is_literal(v: &Value) -> bool {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => !s.as_str().contains('\\'),
            Obj::Bytes(b) => !b.contains(&b'\\'),
            Obj::ByteArray(b) => !b.borrow().contains(&b'\\'),
            Obj::MemoryView(m) => !m.memory_view().data().contains(&b'\\'),
            _ => false,
        },
        _ => false,
    }
}

fn subx(vm: &mut Vm, a: Args, name: &str, subn: bool) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, name)?;
    let p = data(&st);
    let args = parse_args(vm, &a, name, &["repl", "string", "count"], 2)?;
    let repl = args[0].cloned().unwrap_or(Value::None);
    let string = args[1].cloned().unwrap_or(Value::None);
    let count = ssize_arg(vm, args[2], 0)?;
    let filter = if vm.is_callable(&repl) {
        Filter::Callable(repl)
    } else if is_literal(&repl) {
        Filter::Literal(repl)
    } else {
        // Not a literal: `re._subx` compiles the template (CPython does the same).
        let re = vm.import_module("re")?;
        let subx = vm.getattr(&re, "_subx")?;
        let f = vm.call(&subx, Args::new(&[slf.clone(), repl]))?;
        if vm.is_callable(&f) { Filter::Callable(f) } else { Filter::Literal(f) }
    };
    let subj = Subject::new(vm, &string, p.isbytes)?;
    let mut state = State::default();
    let mut cur = Cursor::default();
    let mut items = Vec::new();
    let (mut n, mut i, mut start, mut must_advance) = (0i64, 0usize, 0usize, false);
    while count == 0 || n < count {
        let Some(f) = subj.exec(vm, &mut state, &p.code, start, subj.len, Mode::Search, must_advance)? else { break };
        if i < f.start {
            items.push(subj.slice(&mut cur, i, f.start));
        }
        let item = match &filter {
            Filter::Callable(func) => {
                let m = super::match_obj::new_match(vm, &slf, p, &subj, &f, 0, subj.len, &mut cur)?;
                vm.call(func, Args::new(&[m]))?
            }
            Filter::Literal(v) => v.clone(),
        };
        if !item.is_none() {
            items.push(item);
        }
        i = f.end;
        n += 1;
        must_advance = f.end == f.start;
        start = f.end;
    }
    if i < subj.len {
        items.push(subj.slice(&mut cur, i, subj.len));
    }
    let joined = if items.is_empty() { subj.slice(&mut cur, 0, 0) } else { join(vm, &items, subj.isbytes)? };
    Ok(if subn { vm.new_tuple(vec![joined, Value::Int(n)]) } else { joined })
}

/// `"".join(items)` / `b"".join(items)` with their error messages.
fn join(vm: &Vm, items: &[Value], isbytes: bool) -> PyResult<Value> {
    if isbytes {
        let mut out = Vec::new();
        for (k, it) in items.iter().enumerate() {
            match crate::builtins::bytes::bytes_data(it) {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {k}: expected a bytes-like object, {} found",
                        vm.type_name(it)
                    )))
                }
            }
        }
        return Ok(crate::builtins::bytes::new_bytes(out));
    }
    let mut out = String::new();
    for (k, it) in items.iter().enumerate() {
        match unwrap_base(it).as_str() {
            Some(s) => out.push_str(s),
            None => return Err(vm.type_error(format!("sequence item {k}: expected str instance, {} found", vm.type_name(it)))),
        }
    }
    Ok(Value::string(out))
}

// ---- copying, repr, comparison -------------------------------------------------------

fn pattern_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _) = this(vm, &a, "__copy__")?;
    a.check(vm, "__copy__", 1, 1)?;
    Ok(slf)
}

fn pattern_deepcopy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _) = this(vm, &a, "__deepcopy__")?;
    if a.has_kw() || a.pos().len() != 2 {
        return Err(vm.type_error(format!("__deepcopy__() takes exactly one argument ({} given)", a.args.len() - 1)));
    }
    Ok(slf)
}

const FLAG_NAMES: &[(&str, i64)] = &[
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

fn pattern_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "__repr__")?;
    let p = data(&st);
    let mut flags = p.flags;
    // re.UNICODE is the default of str patterns: not shown.
    if p.isbytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names = Vec::new();
    for (n, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(n.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    let r = vm.repr(&p.pattern)?;
    let r: String = r.as_str().unwrap_or("").chars().take(200).collect();
    Ok(Value::string(if names.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {})", names.join("|")) }))
}

fn pattern_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, "__eq__")?;
    let pos = a.check(vm, "__eq__", 2, 2)?;
    let other = &pos[1];
    if slf.is(other) {
        return Ok(Value::Bool(true));
    }
    let Some(ost) = super::state_obj(other) else { return Ok(vm.not_implemented.clone()) };
    let Some(Sre::Pattern(q)) = ost.foreign::<Sre>() else { return Ok(vm.not_implemented.clone()) };
    let p = data(&st);
    if p.flags != q.flags || p.isbytes != q.isbytes || p.code != q.code {
        return Ok(Value::Bool(false));
    }
    let (x, y) = (p.pattern.clone(), q.pattern.clone());
    Ok(Value::Bool(vm.eq(&x, &y)?))
}

fn pattern_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match pattern_eq(vm, a)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn pattern_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "__hash__")?;
    let p = data(&st);
    let mut h = vm.hash(&p.pattern)?;
    // FNV-1a over the code words stands in for CPython's `_Py_HashBytes`.
    let mut c: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &p.code {
        for b in w.to_le_bytes() {
            c = (c ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h ^= c as i64;
    h ^= p.flags;
    h ^= p.isbytes.map(|b| b as i64).unwrap_or(-1);
    h ^= p.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

// ---- attributes --------------------------------------------------------------------

fn get_pattern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "pattern")?;
    Ok(data(&st).pattern.clone())
}

fn get_flags(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "flags")?;
    Ok(Value::Int(data(&st).flags))
}

fn get_groups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "groups")?;
    Ok(Value::Int(data(&st).groups as i64))
}

/// A copy of the name -> index dict (CPython gives a read-only mappingproxy).
fn get_groupindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "groupindex")?;
    let d = match data(&st).groupindex.as_obj().map(|o| o.view()) {
        Some(Obj::Dict(d)) => d.borrow().clone(),
        _ => crate::object::Dict::new(),
    };
    Ok(vm.new_dict(d))
}
