//! `str`: construction and methods, with CPython 3.11's semantics and messages.
//!
//! Every method is a plain native taking `self` as `args[0]`, so unbound use
//! (`str.upper("x")`, `map(str.strip, lines)`) works; `self` may be a str
//! subclass instance (its wrapped base is used). Indices are code-point
//! indices: [`PyStr`] converts them to byte offsets (O(1) for ASCII text).
//! Character classes and case mappings live in [`super::str_case`], codecs in
//! [`super::codec`], `%`-formatting in [`super::printf`] and `str.format` in
//! [`super::str_format`]. `bytes` and `bytearray` are in [`super::bytes`].

use crate::builtins::str_case as case;
use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::str::PyStr;
use crate::object::{Dict, Obj};
use crate::protocol::ops::{unwrap_base, BinOp, CmpOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use crate::builtins::bytes::BYTES_METHODS;

pub const METHODS: MethodTable = &[
    ("capitalize", str_capitalize),
    ("casefold", str_casefold),
    ("center", str_center),
    ("count", str_count),
    ("encode", str_encode),
    ("endswith", str_endswith),
    ("expandtabs", str_expandtabs),
    ("find", str_find),
    ("format", str_format),
    ("format_map", str_format_map),
    ("index", str_index),
    ("isalnum", str_isalnum),
    ("isalpha", str_isalpha),
    ("isascii", str_isascii),
    ("isdecimal", str_isdecimal),
    ("isdigit", str_isdigit),
    ("isidentifier", str_isidentifier),
    ("islower", str_islower),
    ("isnumeric", str_isnumeric),
    ("isprintable", str_isprintable),
    ("isspace", str_isspace),
    ("istitle", str_istitle),
    ("isupper", str_isupper),
    ("join", str_join),
    ("ljust", str_ljust),
    ("lower", str_lower),
    ("lstrip", str_lstrip),
    ("maketrans", str_maketrans),
    ("partition", str_partition),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("replace", str_replace),
    ("rfind", str_rfind),
    ("rindex", str_rindex),
    ("rjust", str_rjust),
    ("rpartition", str_rpartition),
    ("rsplit", str_rsplit),
    ("rstrip", str_rstrip),
    ("split", str_split),
    ("splitlines", str_splitlines),
    ("startswith", str_startswith),
    ("strip", str_strip),
    ("swapcase", str_swapcase),
    ("title", str_title),
    ("translate", str_translate),
    ("upper", str_upper),
    ("zfill", str_zfill),
    ("__format__", str_dunder_format),
    ("__len__", str_len),
    ("__contains__", str_contains),
    ("__getitem__", str_getitem),
    ("__iter__", str_iter),
    ("__add__", str_add),
    ("__mul__", str_mul),
    ("__rmul__", str_mul),
    ("__mod__", str_mod),
    ("__rmod__", str_rmod),
    ("__eq__", str_eq),
    ("__ne__", str_ne),
    ("__lt__", str_lt),
    ("__le__", str_le),
    ("__gt__", str_gt),
    ("__ge__", str_ge),
    ("__hash__", str_hash),
    ("__repr__", str_repr),
    ("__str__", str_str),
    ("__getnewargs__", str_getnewargs),
];

// ---------------------------------------------------------------------------
// Argument helpers

/// The [`PyStr`] behind a str or str-subclass value.
pub fn pystr(v: &Value) -> Option<PyStr<'_>> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The text of a str argument (self or other), with a TypeError otherwise.
pub fn text<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    unwrap_base(v).as_str().ok_or_else(|| vm.type_error(format!("{what} must be str, not {}", vm.type_name(v))))
}

/// `self` of the method `name` and the remaining arguments.
fn recv<'a>(vm: &Vm, a: Args<'a>, name: &str) -> PyResult<(PyStr<'a>, Args<'a>)> {
    let Some(slf) = a.pos().first() else {
        return Err(vm.type_error(format!("unbound method str.{name}() needs an argument")));
    };
    let s = pystr(slf).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(slf)
        ))
    })?;
    Ok((s, Args { args: &a.args[1..], kwnames: a.kwnames }))
}

/// `self` of a method taking no arguments.
fn recv0<'a>(vm: &Vm, a: Args<'a>, name: &str) -> PyResult<&'a str> {
    let (s, rest) = recv(vm, a, name)?;
    rest.check(vm, &format!("str.{name}"), 0, 0)?;
    Ok(s.as_str())
}

/// Reject keyword arguments other than `allowed`.
pub fn check_kwargs(vm: &Vm, a: &Args, name: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in a.kw() {
        if !allowed.contains(&k) {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    Ok(())
}

/// The type name in Argument Clinic's messages (`None` for None).
pub fn clinic_type_name(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v).to_string()
    }
}

/// A str argument of `name()`, with "NAME() argument N must be str, not T".
fn str_arg<'a>(vm: &Vm, v: &'a Value, name: &str, n: usize) -> PyResult<&'a str> {
    unwrap_base(v)
        .as_str()
        .ok_or_else(|| vm.type_error(format!("{name}() argument {n} must be str, not {}", clinic_type_name(vm, v))))
}

/// A str argument, with CPython's bare "must be str, not T".
fn must_be_str<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    unwrap_base(v).as_str().ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(v))))
}

/// An optional slice bound: `None` or an index (big ints clamp).
pub fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.index_clamped(v).map(Some),
    }
}

/// CPython's `ADJUST_INDICES`: clamp `end`, make negative bounds relative.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Code-point index of byte offset `b` in `s`.
fn char_index(s: PyStr<'_>, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s.as_str()[..b].chars().count()
    }
}

/// Largest result the padding methods build (beyond it: MemoryError, as
/// the core's sequence repetition does).
const MAX_RESULT: usize = 1 << 34;

/// Refuse to build a result of `n` units.
pub fn check_size(vm: &Vm, n: usize) -> PyResult<usize> {
    if n > MAX_RESULT {
        return Err(vm.err("MemoryError", ""));
    }
    Ok(n)
}

/// A width argument (negative means 0), bounded by [`check_size`].
pub fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let w = vm.index_value(v)?.max(0) as usize;
    check_size(vm, w)
}

// ---------------------------------------------------------------------------
// Searching

#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    Find,
    RFind,
    Count,
}

/// Parsed `(sub[, start[, end]])` of find/index/count: the needle and the byte
/// range of the haystack, or `None` when the range cannot contain it.
fn search_args<'a>(vm: &mut Vm, s: PyStr<'_>, rest: Args<'a>, name: &str) -> PyResult<(&'a str, Option<(usize, usize)>)> {
    let pos = rest.check(vm, name, 1, 3)?;
    let sub = must_be_str(vm, &pos[0])?;
    let start = opt_index(vm, pos.get(1))?;
    let end = opt_index(vm, pos.get(2))?;
    let (start, end) = adjust_indices(start, end, s.char_len());
    let sublen = if sub.is_ascii() { sub.len() } else { sub.chars().count() };
    if end - start < sublen as i64 {
        return Ok((sub, None));
    }
    Ok((sub, Some((s.byte_offset(start as usize), s.byte_offset(end as usize)))))
}

/// find / rfind (code-point index or -1) and count.
fn search(vm: &mut Vm, a: Args, name: &str, kind: Search) -> PyResult<i64> {
    let (s, rest) = recv(vm, a, name)?;
    let (sub, range) = search_args(vm, s, rest, name)?;
    let Some((bs, be)) = range else { return Ok(if kind == Search::Count { 0 } else { -1 }) };
    let hay = &s.as_str()[bs..be];
    let found = match kind {
        Search::Find => hay.find(sub),
        Search::RFind => hay.rfind(sub),
        Search::Count => {
            let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
            return Ok(n as i64);
        }
    };
    Ok(match found {
        Some(i) => char_index(s, bs + i) as i64,
        None => -1,
    })
}

fn str_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "find", Search::Find).map(Value::Int)
}

fn str_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "rfind", Search::RFind).map(Value::Int)
}

fn str_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "count", Search::Count).map(Value::Int)
}

fn str_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match search(vm, a, "index", Search::Find)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match search(vm, a, "rindex", Search::RFind)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

/// startswith / endswith with a str or tuple of str and optional start/end.
fn affix(vm: &mut Vm, a: Args, name: &str, start: bool) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, name, 1, 3)?;
    let lo = opt_index(vm, pos.get(1))?;
    let hi = opt_index(vm, pos.get(2))?;
    let (lo, hi) = adjust_indices(lo, hi, s.char_len());
    let cands: Vec<Value> = match unwrap_base(&pos[0]) {
        Value::Obj(o) if matches!(o.view(), Obj::Tuple(_)) => vm.collect(&pos[0])?,
        _ => vec![pos[0].clone()],
    };
    let is_tuple = matches!(unwrap_base(&pos[0]), Value::Obj(o) if matches!(o.view(), Obj::Tuple(_)));
    for c in &cands {
        let Some(t) = unwrap_base(c).as_str() else {
            return Err(vm.type_error(if is_tuple {
                format!("tuple for {name} must only contain str, not {}", vm.type_name(c))
            } else {
                format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(c))
            }));
        };
        let tlen = if t.is_ascii() { t.len() } else { t.chars().count() } as i64;
        if hi - tlen < lo {
            continue;
        }
        let (bs, be) = (s.byte_offset(lo as usize), s.byte_offset(hi as usize));
        let hay = &s.as_str()[bs..be];
        if (start && hay.starts_with(t)) || (!start && hay.ends_with(t)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "startswith", true)
}

fn str_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "endswith", false)
}

// ---------------------------------------------------------------------------
// Splitting, joining, stripping

/// `sep` and `maxsplit` of split/rsplit (keywords allowed).
fn split_args<'a>(vm: &mut Vm, rest: Args<'a>, name: &str) -> PyResult<(Option<&'a str>, i64)> {
    rest.check_pos(vm, name, 0, 2)?;
    check_kwargs(vm, &rest, name, &["sep", "maxsplit"])?;
    let sep = match rest.get(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = unwrap_base(v)
                .as_str()
                .ok_or_else(|| vm.type_error(format!("must be str or None, not {}", vm.type_name(v))))?;
            if t.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(t)
        }
    };
    let maxsplit = match rest.get(1, "maxsplit") {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok((sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

/// Whitespace split from the left.
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(case::is_space);
    while !rest.is_empty() {
        if out.len() as i64 >= maxsplit {
            out.push(Value::str(rest));
            break;
        }
        match rest.find(case::is_space) {
            Some(i) => {
                out.push(Value::str(&rest[..i]));
                rest = rest[i..].trim_start_matches(case::is_space);
            }
            None => {
                out.push(Value::str(rest));
                break;
            }
        }
    }
    out
}

/// Whitespace split from the right (the result is in text order).
fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(case::is_space);
    while !rest.is_empty() {
        if out.len() as i64 >= maxsplit {
            out.push(Value::str(rest));
            break;
        }
        match rest.rfind(case::is_space) {
            Some(i) => {
                let w = rest[i..].chars().next().map_or(1, char::len_utf8);
                out.push(Value::str(&rest[i + w..]));
                rest = rest[..i].trim_end_matches(case::is_space);
            }
            None => {
                out.push(Value::str(rest));
                break;
            }
        }
    }
    out.reverse();
    out
}

fn str_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "split")?;
    let (sep, maxsplit) = split_args(vm, rest, "split")?;
    let s = s.as_str();
    let parts = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) => {
            let n = usize::try_from(maxsplit).unwrap_or(usize::MAX).saturating_add(1);
            s.splitn(n, sep).map(Value::str).collect()
        }
    };
    Ok(vm.new_list(parts))
}

fn str_rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, rest, "rsplit")?;
    let s = s.as_str();
    let parts = match sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            let n = usize::try_from(maxsplit).unwrap_or(usize::MAX).saturating_add(1);
            let mut v: Vec<Value> = s.rsplitn(n, sep).map(Value::str).collect();
            v.reverse();
            v
        }
    };
    Ok(vm.new_list(parts))
}

/// Lines of `s` split at Python's line boundaries (`\r\n` counts as one).
pub fn split_lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !case::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, d)| d == '\n') {
            it.next();
            end += 1;
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn str_splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "splitlines")?;
    rest.check_pos(vm, "splitlines", 0, 1)?;
    check_kwargs(vm, &rest, "splitlines", &["keepends"])?;
    let keepends = match rest.get(0, "keepends") {
        Some(v) => vm.index_value(v)? != 0,
        None => false,
    };
    let lines = split_lines(s.as_str(), keepends).into_iter().map(Value::str).collect();
    Ok(vm.new_list(lines))
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (sep, rest) = recv(vm, a, "join")?;
    let pos = rest.check(vm, "str.join", 1, 1)?;
    let it = match vm.iter(&pos[0]) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, "TypeError") => return Err(vm.type_error("can only join an iterable")),
        Err(e) => return Err(e),
    };
    let items = vm.collect(&it)?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match unwrap_base(it).as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(
                    vm.type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_name(it)))
                )
            }
        }
    }
    Ok(Value::string(out))
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip(vm: &mut Vm, a: Args, name: &str, side: Side) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, name, 0, 1)?;
    let s = s.as_str();
    let chars: Option<Vec<char>> = match pos.first() {
        None | Some(Value::None) => None,
        Some(v) => match unwrap_base(v).as_str() {
            Some(c) => Some(c.chars().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let pred = |c: char| match &chars {
        None => case::is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let r = match side {
        Side::Left => s.trim_start_matches(pred),
        Side::Right => s.trim_end_matches(pred),
        Side::Both => s.trim_start_matches(pred).trim_end_matches(pred),
    };
    Ok(Value::str(r))
}

fn str_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "strip", Side::Both)
}

fn str_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "lstrip", Side::Left)
}

fn str_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "rstrip", Side::Right)
}

fn partition(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, &format!("str.{name}"), 1, 1)?;
    let sep = must_be_str(vm, &pos[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = s.as_str();
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if right => ["", "", s],
        None => [s, "", ""],
    };
    Ok(vm.new_tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn str_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition(vm, a, "partition", false)
}

fn str_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition(vm, a, "rpartition", true)
}

fn remove_affix(vm: &mut Vm, a: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, &format!("str.{name}"), 1, 1)?;
    let t = unwrap_base(&pos[0]).as_str().ok_or_else(|| {
        vm.type_error(format!("{name}() argument must be str, not {}", clinic_type_name(vm, &pos[0])))
    })?;
    let s = s.as_str();
    let r = if prefix { s.strip_prefix(t) } else { s.strip_suffix(t) };
    Ok(Value::str(r.unwrap_or(s)))
}

fn str_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removeprefix", true)
}

fn str_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removesuffix", false)
}

/// `s.replace(old, new, count)`; an empty `old` inserts `new` around every character.
pub fn replace_str(s: &str, old: &str, new: &str, count: usize) -> String {
    if !old.is_empty() {
        return s.replacen(old, new, count);
    }
    let mut out = String::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        if n < count {
            out.push_str(new);
            n += 1;
        }
        out.push(c);
    }
    if n < count {
        out.push_str(new);
    }
    out
}

fn str_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "replace")?;
    let pos = rest.check(vm, "replace", 2, 3)?;
    let old = str_arg(vm, &pos[0], "replace", 1)?;
    let new = str_arg(vm, &pos[1], "replace", 2)?;
    let count = match pos.get(2) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    Ok(Value::string(replace_str(s.as_str(), old, new, count)))
}

// ---------------------------------------------------------------------------
// Padding

/// The fill character argument of center/ljust/rjust.
fn fill_char(vm: &Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(t) = unwrap_base(v).as_str() else {
        return Err(vm.type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(v))));
    };
    let mut it = t.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.type_error("The fill character must be exactly one character long")),
    }
}

fn justify(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, name, 1, 2)?;
    let width = width_arg(vm, &pos[0])?;
    let fill = fill_char(vm, pos.get(1))?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::str(s.as_str()));
    }
    let n = width - len;
    let (left, right) = match name {
        "ljust" => (0, n),
        "rjust" => (n, 0),
        // CPython's pad(): the extra character goes left when both n and width are odd.
        _ => {
            let left = n / 2 + (n & width & 1);
            (left, n - left)
        }
    };
    let mut out = String::with_capacity(s.as_str().len() + n * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}

fn str_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "center")
}

fn str_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "ljust")
}

fn str_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "rjust")
}

fn str_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "zfill")?;
    let pos = rest.check(vm, "str.zfill", 1, 1)?;
    let width = width_arg(vm, &pos[0])?;
    let len = s.char_len();
    let s = s.as_str();
    if width <= len {
        return Ok(Value::str(s));
    }
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = String::with_capacity(width);
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', width - len));
    out.push_str(digits);
    Ok(Value::string(out))
}

fn str_expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "expandtabs")?;
    rest.check_pos(vm, "expandtabs", 0, 1)?;
    check_kwargs(vm, &rest, "expandtabs", &["tabsize"])?;
    let tabsize = match rest.get(0, "tabsize") {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    check_size(vm, out.len().saturating_add(n as usize))?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// ---------------------------------------------------------------------------
// Case and predicates

fn map_text(vm: &mut Vm, a: Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = recv0(vm, a, name)?;
    Ok(Value::string(f(s)))
}

fn str_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "upper", case::upper)
}

fn str_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "lower", case::lower)
}

fn str_casefold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "casefold", case::casefold)
}

fn str_title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "title", case::title)
}

fn str_capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "capitalize", case::capitalize)
}

fn str_swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_text(vm, a, "swapcase", case::swapcase)
}

fn predicate(vm: &mut Vm, a: Args, name: &str, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    let s = recv0(vm, a, name)?;
    Ok(Value::Bool(f(s)))
}

fn str_isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isalnum", |s| case::all_nonempty(s, case::is_alnum))
}

fn str_isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isalpha", |s| case::all_nonempty(s, case::is_alpha))
}

fn str_isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isascii", str::is_ascii)
}

fn str_isdecimal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isdecimal", |s| case::all_nonempty(s, case::is_decimal))
}

fn str_isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isdigit", |s| case::all_nonempty(s, case::is_digit))
}

fn str_isnumeric(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isnumeric", |s| case::all_nonempty(s, case::is_numeric))
}

fn str_isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isspace", |s| case::all_nonempty(s, case::is_space))
}

fn str_isprintable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isprintable", |s| s.chars().all(case::is_printable))
}

fn str_isidentifier(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isidentifier", case::is_identifier)
}

fn str_islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "islower", case::str_is_lower)
}

fn str_isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isupper", case::str_is_upper)
}

fn str_istitle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "istitle", case::str_is_title)
}

// ---------------------------------------------------------------------------
// Encoding, translation, formatting

fn str_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "encode")?;
    rest.check_pos(vm, "encode", 0, 2)?;
    check_kwargs(vm, &rest, "encode", &["encoding", "errors"])?;
    let encoding = opt_str_kw(vm, &rest, 0, "encoding", "encode")?.unwrap_or("utf-8");
    let errors = opt_str_kw(vm, &rest, 1, "errors", "encode")?.unwrap_or("strict");
    let data = crate::builtins::codec::encode(vm, s.as_str(), encoding, errors)?;
    Ok(Value::obj(crate::object::NewObj::Bytes(data)))
}

/// An optional str argument given by position or keyword.
pub fn opt_str_kw<'a>(vm: &Vm, a: &Args<'a>, i: usize, kw: &str, func: &str) -> PyResult<Option<&'a str>> {
    match a.get(i, kw) {
        None => Ok(None),
        Some(v) => unwrap_base(v).as_str().map(Some).ok_or_else(|| {
            vm.type_error(format!("{func}() argument '{kw}' must be str, not {}", clinic_type_name(vm, v)))
        }),
    }
}

/// What the translation table maps one character to.
fn translate_one(vm: &mut Vm, table: &Value, c: char, out: &mut String) -> PyResult<()> {
    let r = match vm.getitem(table, &Value::Int(c as i64)) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, "LookupError") => {
            out.push(c);
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(());
    }
    if let Some(t) = unwrap_base(&r).as_str() {
        out.push_str(t);
        return Ok(());
    }
    let is_int = match unwrap_base(&r) {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.view(), Obj::Int(_)),
        _ => false,
    };
    if is_int {
        let n = vm.index_value(&r).unwrap_or(-1);
        if !(0..0x110000).contains(&n) {
            return Err(vm.value_error("character mapping must be in range(0x110000)"));
        }
        // Lone surrogates cannot be stored in a Rust string: U+FFFD stands in.
        out.push(u32::try_from(n).ok().and_then(char::from_u32).unwrap_or('\u{fffd}'));
        return Ok(());
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

fn str_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "translate")?;
    let pos = rest.check(vm, "str.translate", 1, 1)?;
    let table = pos[0].clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        translate_one(vm, &table, c, &mut out)?;
    }
    Ok(Value::string(out))
}

/// A key of a one-argument `maketrans` dict, as a code point.
fn maketrans_key(vm: &mut Vm, k: &Value) -> PyResult<Value> {
    if let Some(t) = unwrap_base(k).as_str() {
        let mut it = t.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(vm.value_error("string keys in translate table must be of length 1")),
        };
    }
    match unwrap_base(k) {
        Value::Int(_) | Value::Bool(_) => Ok(k.clone()),
        Value::Obj(o) if matches!(o.view(), Obj::Int(_)) => Ok(k.clone()),
        _ => Err(vm.type_error("keys in translate table must be strings or integers")),
    }
}

/// `str.maketrans(x[, y[, z]])`. Installed as a plain method, so a call
/// through an instance (`''.maketrans(a, b)`) arrives with the receiver
/// first; it is recognized by the argument shapes (see the report on
/// static methods of built-in types).
fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "maketrans", 1, 4)?;
    let strs = pos.iter().all(|v| pystr(v).is_some());
    let same_len = |x: &Value, y: &Value| pystr(x).map(|s| s.char_len()) == pystr(y).map(|s| s.char_len());
    let args: &[Value] = match pos.len() {
        4 => &pos[1..],
        3 if strs && !same_len(&pos[0], &pos[1]) && same_len(&pos[1], &pos[2]) => &pos[1..],
        2 if pystr(&pos[0]).is_some() && pystr(&pos[1]).is_none() => &pos[1..],
        _ => pos,
    };
    let mut d = Dict::new();
    if args.len() == 1 {
        let Value::Obj(o) = unwrap_base(&args[0]) else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let Obj::Dict(src) = o.view() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items = src.borrow().items();
        for (k, v) in items {
            let k = maketrans_key(vm, &k)?;
            d.insert(vm, k, v)?;
        }
        return Ok(vm.new_dict(d));
    }
    let x = str_arg(vm, &args[0], "maketrans", 1)?;
    let y = str_arg(vm, &args[1], "maketrans", 2)?;
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (c, m) in x.chars().zip(y.chars()) {
        d.insert(vm, Value::Int(c as i64), Value::Int(m as i64))?;
    }
    if let Some(z) = args.get(2) {
        for c in str_arg(vm, z, "maketrans", 3)?.chars() {
            d.insert(vm, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(vm.new_dict(d))
}

fn str_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::str_format::str_format_method(vm, a)
}

fn str_format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::str_format::str_format_map(vm, a)
}

fn str_dunder_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "__format__")?;
    let pos = rest.check(vm, "__format__", 1, 1)?;
    let spec = unwrap_base(&pos[0])
        .as_str()
        .ok_or_else(|| vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(&pos[0]))))?;
    crate::format::str_format_spec(s.as_str(), spec).map(Value::string).map_err(|m| vm.value_error(m))
}

// ---------------------------------------------------------------------------
// Dunders callable explicitly (`str.__len__(s)`, `super().__getitem__(i)`)

/// `self` (the plain str) and the single other argument of a binary dunder.
fn binary<'a>(vm: &Vm, a: Args<'a>, name: &str) -> PyResult<(Value, &'a Value)> {
    let (_, rest) = recv(vm, a, name)?;
    let pos = rest.check(vm, &format!("str.{name}"), 1, 1)?;
    Ok((unwrap_base(&a.pos()[0]).clone(), &pos[0]))
}

fn str_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "__len__")?;
    rest.check(vm, "str.__len__", 0, 0)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn str_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, item) = binary(vm, a, "__contains__")?;
    vm.contains(&s, item).map(Value::Bool)
}

fn str_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, key) = binary(vm, a, "__getitem__")?;
    vm.getitem(&s, key)
}

fn str_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, rest) = recv(vm, a, "__iter__")?;
    rest.check(vm, "str.__iter__", 0, 0)?;
    let s = unwrap_base(&a.pos()[0]).clone();
    vm.iter(&s)
}

fn str_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, other) = binary(vm, a, "__add__")?;
    if pystr(other).is_none() {
        return Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(other))));
    }
    vm.binary_op(BinOp::Add, &s, unwrap_base(other))
}

fn str_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, n) = binary(vm, a, "__mul__")?;
    if matches!(n, Value::Float(_)) || pystr(n).is_some() {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n))));
    }
    let n = vm.index_value(n)?;
    vm.binary_op(BinOp::Mul, &s, &Value::Int(n))
}

fn str_mod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, args) = binary(vm, a, "__mod__")?;
    crate::builtins::printf::str_mod(vm, &s, args)
}

fn str_rmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, other) = binary(vm, a, "__rmod__")?;
    match pystr(other) {
        Some(_) => crate::builtins::printf::str_mod(vm, unwrap_base(other), &s),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn compare(vm: &mut Vm, a: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let (s, other) = binary(vm, a, name)?;
    let (Some(x), Some(y)) = (s.as_str(), unwrap_base(other).as_str()) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(Value::Bool(op.test(x.cmp(y))))
}

fn str_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__eq__", CmpOp::Eq)
}

fn str_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__ne__", CmpOp::Ne)
}

fn str_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__lt__", CmpOp::Lt)
}

fn str_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__le__", CmpOp::Le)
}

fn str_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__gt__", CmpOp::Gt)
}

fn str_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__ge__", CmpOp::Ge)
}

fn str_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, rest) = recv(vm, a, "__hash__")?;
    rest.check(vm, "str.__hash__", 0, 0)?;
    Ok(Value::Int(s.hash()))
}

fn str_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv0(vm, a, "__repr__")?;
    Ok(Value::string(crate::protocol::repr::str_repr(s)))
}

fn str_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv0(vm, a, "__str__")?;
    Ok(Value::str(s))
}

fn str_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = recv0(vm, a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::str(s)]))
}

// ---------------------------------------------------------------------------
// Construction

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
pub fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "str", 0, 3)?;
    check_kwargs(vm, &a, "str", &["object", "encoding", "errors"])?;
    let encoding = opt_str_kw(vm, &a, 1, "encoding", "str")?;
    let errors = opt_str_kw(vm, &a, 2, "errors", "str")?;
    let Some(v) = a.get(0, "object") else { return Ok(Value::str("")) };
    if encoding.is_none() && errors.is_none() {
        return vm.str(v);
    }
    let data = match crate::builtins::bytes::bytes_data(v) {
        Some(d) => d,
        None if pystr(v).is_some() => return Err(vm.type_error("decoding str is not supported")),
        None => {
            return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(v))))
        }
    };
    let s = crate::builtins::codec::decode(vm, &data, encoding.unwrap_or("utf-8"), errors.unwrap_or("strict"))?;
    Ok(Value::string(s))
}

/// `bytes(x)`.
pub fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::bytes::bytes_new(vm, a)
}

/// `bytearray(x)`.
pub fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    crate::builtins::bytes::bytearray_new(vm, a)
}
