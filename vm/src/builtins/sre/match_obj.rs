//! `re.Match` (`match_*` of CPython 3.11's `_sre.c`).

use std::cell::Cell;

use super::pattern::PatternData;
use super::subject::{Cursor, Found, Subject};
use super::{instance, parse_args, receiver, Sre, Which};
use crate::object::func::Args;
use crate::object::{Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A successful match.
pub(crate) struct MatchData {
    /// The `re.Pattern`.
    pub pattern: Value,
    pub subject: Subject,
    pub pos: usize,
    pub endpos: usize,
    /// Span of each group, group 0 first; `(-1, -1)` for a group that did not match.
    pub regs: Vec<(isize, isize)>,
    pub lastindex: isize,
    /// Where slicing a non-ASCII str starts walking from (near the match).
    cur: Cell<Cursor>,
}

impl MatchData {
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.subject.obj);
    }
}

pub(super) const METHODS: super::Table = &[
    ("group", match_group),
    ("__getitem__", match_getitem),
    ("groups", match_groups),
    ("groupdict", match_groupdict),
    ("start", match_start),
    ("end", match_end),
    ("span", match_span),
    ("expand", match_expand),
    ("__copy__", match_copy),
    ("__deepcopy__", match_deepcopy),
    ("__repr__", match_repr),
];

pub(super) const PROPS: super::Table = &[
    ("string", get_string),
    ("re", get_re),
    ("pos", get_pos),
    ("endpos", get_endpos),
    ("lastindex", get_lastindex),
    ("lastgroup", get_lastgroup),
    ("regs", get_regs),
];

/// A new `re.Match` for what the engine found (`pattern_new_match`). `cur` is the
/// caller's walking position in the text.
#[allow(clippy::too_many_arguments)]
pub(crate) fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    p: &PatternData,
    subj: &Subject,
    f: &Found,
    pos: usize,
    endpos: usize,
    cur: &mut Cursor,
) -> PyResult<Value> {
    subj.seek(cur, f.start);
    let data = MatchData {
        pattern: pattern.clone(),
        subject: subj.clone(),
        pos,
        endpos,
        regs: (0..=p.groups).map(|g| f.span(g)).collect(),
        lastindex: f.lastindex,
        cur: Cell::new(*cur),
    };
    instance(vm, Which::Match, Sre::Match(data))
}

fn data(st: &ObjRef) -> &MatchData {
    match st.foreign::<Sre>() {
        Some(Sre::Match(m)) => m,
        _ => unreachable!("receiver checked the kind"),
    }
}

fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<(Value, ObjRef)> {
    receiver(vm, a, "re.Match", name)
}

/// The group number `idx` names (`match_getindex`): an int, or a group name.
fn group_index(vm: &mut Vm, m: &MatchData, idx: &Value) -> PyResult<usize> {
    let is_int = matches!(idx, Value::Int(_) | Value::Bool(_))
        || crate::protocol::ops::unwrap_base(idx).to_bigint().is_some()
        || (!idx.as_obj().is_some_and(|o| matches!(o.view(), Obj::Str(_))) && vm.getattr_opt(idx, "__index__")?.is_some());
    let i = if is_int {
        vm.index_clamped(idx)?
    } else {
        let groupindex = match super::state_obj(&m.pattern) {
            Some(st) => match st.foreign::<Sre>() {
                Some(Sre::Pattern(p)) => p.groupindex.clone(),
                _ => Value::None,
            },
            None => Value::None,
        };
        match vm.getitem_opt(&groupindex, idx)? {
            Some(Value::Int(i)) => i,
            _ => -1,
        }
    };
    if i < 0 || i as usize >= m.regs.len() {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

/// Group `g`'s text, or `default` if it did not take part.
fn group_value(m: &MatchData, g: usize, default: &Value) -> Value {
    let (s, e) = m.regs[g];
    if s < 0 || e < 0 {
        return default.clone();
    }
    let mut c = m.cur.get();
    let v = m.subject.slice(&mut c, s as usize, e as usize);
    m.cur.set(c);
    v
}

fn match_group(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "group")?;
    let m = data(&st);
    if a.has_kw() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    let args = &a.pos()[1..];
    match args.len() {
        0 => Ok(group_value(m, 0, &Value::None)),
        1 => {
            let g = group_index(vm, m, &args[0])?;
            Ok(group_value(m, g, &Value::None))
        }
        _ => {
            let mut out = Vec::with_capacity(args.len());
            for v in args {
                let g = group_index(vm, m, v)?;
                out.push(group_value(m, g, &Value::None));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "__getitem__")?;
    let pos = a.check(vm, "__getitem__", 2, 2)?;
    let m = data(&st);
    let g = group_index(vm, m, &pos[1])?;
    Ok(group_value(m, g, &Value::None))
}

fn match_groups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "groups")?;
    let args = parse_args(vm, &a, "groups", &["default"], 0)?;
    let default = args[0].cloned().unwrap_or(Value::None);
    let m = data(&st);
    let out = (1..m.regs.len()).map(|g| group_value(m, g, &default)).collect();
    Ok(vm.new_tuple(out))
}

fn match_groupdict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "groupdict")?;
    let args = parse_args(vm, &a, "groupdict", &["default"], 0)?;
    let default = args[0].cloned().unwrap_or(Value::None);
    let m = data(&st);
    let names: Vec<Value> = match super::state_obj(&m.pattern).as_ref().and_then(|s| match s.foreign::<Sre>() {
        Some(Sre::Pattern(p)) => p.groupindex.as_obj().cloned(),
        _ => None,
    }) {
        Some(d) => match d.view() {
            Obj::Dict(d) => d.borrow().iter().map(|e| e.key.clone()).collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let mut out = crate::object::Dict::new();
    for k in names {
        let g = group_index(vm, m, &k)?;
        let v = group_value(m, g, &default);
        out.insert(vm, k, v)?;
    }
    Ok(vm.new_dict(out))
}

/// The group argument of `start`/`end`/`span` (default 0).
fn opt_group(vm: &mut Vm, a: &Args, name: &str, m: &MatchData) -> PyResult<usize> {
    if a.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let args = &a.pos()[1..];
    if args.len() > 1 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", args.len())));
    }
    match args.first() {
        Some(v) => group_index(vm, m, v),
        None => Ok(0),
    }
}

fn match_start(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "start")?;
    let m = data(&st);
    let g = opt_group(vm, &a, "start", m)?;
    Ok(Value::Int(m.regs[g].0 as i64))
}

fn match_end(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "end")?;
    let m = data(&st);
    let g = opt_group(vm, &a, "end", m)?;
    Ok(Value::Int(m.regs[g].1 as i64))
}

fn match_span(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "span")?;
    let m = data(&st);
    let g = opt_group(vm, &a, "span", m)?;
    let (s, e) = m.regs[g];
    Ok(vm.new_tuple(vec![Value::Int(s as i64), Value::Int(e as i64)]))
}

/// `expand(template)`: `re._expand(pattern, match, template)`, as CPython does.
fn match_expand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, st) = this(vm, &a, "expand")?;
    let args = parse_args(vm, &a, "expand", &["template"], 1)?;
    let template = args[0].cloned().unwrap_or(Value::None);
    let pattern = data(&st).pattern.clone();
    let re = vm.import_module("re")?;
    let f = vm.getattr(&re, "_expand")?;
    vm.call(&f, Args::new(&[pattern, slf, template]))
}

fn match_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _) = this(vm, &a, "__copy__")?;
    a.check(vm, "__copy__", 1, 1)?;
    Ok(slf)
}

fn match_deepcopy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _) = this(vm, &a, "__deepcopy__")?;
    if a.has_kw() || a.pos().len() != 2 {
        return Err(vm.type_error(format!("__deepcopy__() takes exactly one argument ({} given)", a.args.len() - 1)));
    }
    Ok(slf)
}

/// `<re.Match object; span=(0, 3), match='abc'>`, the repr cut at 50 chars (`%.50R`).
fn match_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "__repr__")?;
    let m = data(&st);
    let g0 = group_value(m, 0, &Value::None);
    let r = vm.repr(&g0)?;
    let r: String = r.as_str().unwrap_or("").chars().take(50).collect();
    let (s, e) = m.regs[0];
    Ok(Value::string(format!("<re.Match object; span=({s}, {e}), match={r}>")))
}

// ---- attributes --------------------------------------------------------------------

fn get_string(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "string")?;
    Ok(data(&st).subject.obj.clone())
}

fn get_re(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "re")?;
    Ok(data(&st).pattern.clone())
}

fn get_pos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "pos")?;
    Ok(Value::Int(data(&st).pos as i64))
}

fn get_endpos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "endpos")?;
    Ok(Value::Int(data(&st).endpos as i64))
}

fn get_lastindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "lastindex")?;
    let li = data(&st).lastindex;
    Ok(if li >= 0 { Value::Int(li as i64) } else { Value::None })
}

fn get_lastgroup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "lastgroup")?;
    let m = data(&st);
    if m.lastindex < 0 {
        return Ok(Value::None);
    }
    let indexgroup = match super::state_obj(&m.pattern) {
        Some(p) => match p.foreign::<Sre>() {
            Some(Sre::Pattern(p)) => p.indexgroup.clone(),
            _ => return Ok(Value::None),
        },
        None => return Ok(Value::None),
    };
    match indexgroup.as_obj().map(|o| o.view()) {
        Some(Obj::Tuple(t)) => Ok(t.get(m.lastindex as usize).cloned().unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

fn get_regs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = this(vm, &a, "regs")?;
    let m = data(&st);
    let items = m.regs.iter().map(|(s, e)| vm.new_tuple(vec![Value::Int(*s as i64), Value::Int(*e as i64)])).collect();
    Ok(vm.new_tuple(items))
}
