//! `bytes` and `bytearray`: construction and methods, with CPython 3.11's
//! semantics and messages.
//!
//! Both types share one set of methods (a method returns the type of its
//! receiver); `bytearray` adds the mutators. Methods are plain natives taking
//! `self` as `args[0]`, and accept subclass instances. Character classes and
//! case changes are ASCII-only, as in CPython.

use std::cell::RefCell;

use crate::builtins::str::{
    adjust_indices, check_kwargs, check_size, clinic_type_name, opt_index, opt_str_kw, width_arg,
};
use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::{unwrap_base, CmpOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

macro_rules! common_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            ("capitalize", b_capitalize),
            ("center", b_center),
            ("count", b_count),
            ("decode", b_decode),
            ("endswith", b_endswith),
            ("expandtabs", b_expandtabs),
            ("find", b_find),
            ("hex", b_hex),
            ("index", b_index),
            ("isalnum", b_isalnum),
            ("isalpha", b_isalpha),
            ("isascii", b_isascii),
            ("isdigit", b_isdigit),
            ("islower", b_islower),
            ("isspace", b_isspace),
            ("istitle", b_istitle),
            ("isupper", b_isupper),
            ("join", b_join),
            ("ljust", b_ljust),
            ("lower", b_lower),
            ("lstrip", b_lstrip),
            ("maketrans", b_maketrans),
            ("partition", b_partition),
            ("removeprefix", b_removeprefix),
            ("removesuffix", b_removesuffix),
            ("replace", b_replace),
            ("rfind", b_rfind),
            ("rindex", b_rindex),
            ("rjust", b_rjust),
            ("rpartition", b_rpartition),
            ("rsplit", b_rsplit),
            ("rstrip", b_rstrip),
            ("split", b_split),
            ("splitlines", b_splitlines),
            ("startswith", b_startswith),
            ("strip", b_strip),
            ("swapcase", b_swapcase),
            ("title", b_title),
            ("translate", b_translate),
            ("upper", b_upper),
            ("zfill", b_zfill),
            ("__len__", b_len),
            ("__getitem__", b_getitem),
            ("__contains__", b_contains),
            ("__iter__", b_iter),
            ("__add__", b_add),
            ("__mod__", b_mod),
            ("__eq__", b_eq),
            ("__ne__", b_ne),
            ("__lt__", b_lt),
            ("__le__", b_le),
            ("__gt__", b_gt),
            ("__ge__", b_ge),
            $($extra),*
        ]
    };
}

pub const BYTES_METHODS: MethodTable =
    common_methods![("fromhex", b_fromhex), ("__hash__", b_hash), ("__getnewargs__", b_getnewargs)];

pub const BYTEARRAY_METHODS: MethodTable = common_methods![
    ("fromhex", ba_fromhex),
    ("append", ba_append),
    ("clear", ba_clear),
    ("copy", ba_copy),
    ("extend", ba_extend),
    ("insert", ba_insert),
    ("pop", ba_pop),
    ("remove", ba_remove),
    ("reverse", ba_reverse),
];

// ---------------------------------------------------------------------------
// Access helpers

/// A copy of the bytes of a bytes or bytearray value (or subclass instance).
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Bytes(b) => Some(b.to_vec()),
            Obj::ByteArray(b) => Some(b.borrow().clone()),
            Obj::MemoryView(m) if !m.memory_view().released.get() => Some(m.memory_view().data()),
            _ => None,
        },
        _ => None,
    }
}

fn bytearray_cell(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::obj(crate::object::NewObj::Bytes(data))
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::obj(crate::object::NewObj::ByteArray(RefCell::new(data)))
}

/// The receiver of a bytes/bytearray method.
struct Recv<'a> {
    data: Vec<u8>,
    mutable: bool,
    rest: Args<'a>,
}

impl Recv<'_> {
    /// A result of the receiver's type.
    fn make(&self, data: Vec<u8>) -> Value {
        if self.mutable {
            new_bytearray(data)
        } else {
            new_bytes(data)
        }
    }
}

fn recv<'a>(vm: &Vm, a: Args<'a>, name: &str) -> PyResult<Recv<'a>> {
    let Some(slf) = a.pos().first() else {
        return Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    let data = bytes_data(slf).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(slf)
        ))
    })?;
    let mutable = bytearray_cell(slf).is_some();
    Ok(Recv { data, mutable, rest: Args { args: &a.args[1..], kwnames: a.kwnames } })
}

fn type_label(r: &Recv) -> &'static str {
    if r.mutable {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A bytes-like argument ("a bytes-like object is required, not 'T'").
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

/// A byte value 0..=255 ("byte must be in range(0, 256)").
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index_value(v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// The needle of find/count/index: bytes-like or an int.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(v) {
        return Ok(d);
    }
    let is_int = match unwrap_base(v) {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.view(), Obj::Int(_)),
        _ => false,
    };
    if is_int || vm.user_dunder(v, "__index__").is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v))))
}

pub fn find_bytes(hay: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(0);
    }
    hay.windows(pat.len()).position(|w| w == pat)
}

pub fn rfind_bytes(hay: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(hay.len());
    }
    hay.windows(pat.len()).rposition(|w| w == pat)
}

fn count_bytes(hay: &[u8], pat: &[u8]) -> usize {
    if pat.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = find_bytes(&hay[i..], pat) {
        n += 1;
        i += j + pat.len();
    }
    n
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

// ---------------------------------------------------------------------------
// Searching

#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    Find,
    RFind,
    Count,
}

fn search(vm: &mut Vm, a: Args, name: &str, kind: Search) -> PyResult<i64> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 3)?;
    let pat = needle(vm, &pos[0])?;
    let start = opt_index(vm, pos.get(1))?;
    let end = opt_index(vm, pos.get(2))?;
    let (start, end) = adjust_indices(start, end, r.data.len());
    if end - start < pat.len() as i64 {
        return Ok(if kind == Search::Count { 0 } else { -1 });
    }
    let hay = &r.data[start as usize..end as usize];
    let found = match kind {
        Search::Find => find_bytes(hay, &pat),
        Search::RFind => rfind_bytes(hay, &pat),
        Search::Count => return Ok(count_bytes(hay, &pat) as i64),
    };
    Ok(found.map_or(-1, |i| start + i as i64))
}

fn b_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "find", Search::Find).map(Value::Int)
}

fn b_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "rfind", Search::RFind).map(Value::Int)
}

fn b_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    search(vm, a, "count", Search::Count).map(Value::Int)
}

fn b_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match search(vm, a, "index", Search::Find)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn b_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match search(vm, a, "rindex", Search::RFind)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn affix(vm: &mut Vm, a: Args, name: &str, start: bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 3)?;
    let lo = opt_index(vm, pos.get(1))?;
    let hi = opt_index(vm, pos.get(2))?;
    let (lo, hi) = adjust_indices(lo, hi, r.data.len());
    let is_tuple = matches!(unwrap_base(&pos[0]), Value::Obj(o) if matches!(o.view(), Obj::Tuple(_)));
    let cands = if is_tuple { vm.collect(&pos[0])? } else { vec![pos[0].clone()] };
    for c in &cands {
        let Some(t) = bytes_data(c) else {
            return Err(vm.type_error(if is_tuple {
                format!("tuple for {name} must only contain bytes, not {}", vm.type_name(c))
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(c))
            }));
        };
        if hi - (t.len() as i64) < lo {
            continue;
        }
        let hay = &r.data[lo as usize..hi as usize];
        if (start && hay.starts_with(&t)) || (!start && hay.ends_with(&t)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "startswith", true)
}

fn b_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix(vm, a, "endswith", false)
}

// ---------------------------------------------------------------------------
// Splitting, joining, stripping, replacing

fn split_args(vm: &mut Vm, r: &Recv, name: &str) -> PyResult<(Option<Vec<u8>>, usize)> {
    r.rest.check_pos(vm, name, 0, 2)?;
    check_kwargs(vm, &r.rest, name, &["sep", "maxsplit"])?;
    let sep = match r.rest.get(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match r.rest.get(1, "maxsplit") {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok((sep, usize::try_from(maxsplit).unwrap_or(usize::MAX)))
}

/// Split on runs of ASCII whitespace; `rev` splits from the right.
fn split_ws(data: &[u8], maxsplit: usize, rev: bool) -> Vec<Vec<u8>> {
    let mut v: Vec<u8> = data.to_vec();
    if rev {
        v.reverse();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        while i < v.len() && is_space(v[i]) {
            i += 1;
        }
        if i == v.len() {
            break;
        }
        if out.len() >= maxsplit {
            out.push(v[i..].to_vec());
            break;
        }
        let j = v[i..].iter().position(|&b| is_space(b)).map_or(v.len(), |k| i + k);
        out.push(v[i..j].to_vec());
        i = j;
    }
    if rev {
        out.reverse();
        for p in out.iter_mut() {
            p.reverse();
        }
    }
    out
}

fn split_sep(data: &[u8], sep: &[u8], maxsplit: usize, rev: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if rev {
        let mut end = data.len();
        while out.len() < maxsplit {
            match rfind_bytes(&data[..end], sep) {
                Some(i) => {
                    out.push(data[i + sep.len()..end].to_vec());
                    end = i;
                }
                None => break,
            }
        }
        out.push(data[..end].to_vec());
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < maxsplit {
            match find_bytes(&data[start..], sep) {
                Some(i) => {
                    out.push(data[start..start + i].to_vec());
                    start += i + sep.len();
                }
                None => break,
            }
        }
        out.push(data[start..].to_vec());
    }
    out
}

fn split(vm: &mut Vm, a: Args, name: &str, rev: bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let (sep, maxsplit) = split_args(vm, &r, name)?;
    let parts = match sep {
        None => split_ws(&r.data, maxsplit, rev),
        Some(sep) => split_sep(&r.data, &sep, maxsplit, rev),
    };
    let items = parts.into_iter().map(|p| r.make(p)).collect();
    Ok(vm.new_list(items))
}

fn b_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split(vm, a, "split", false)
}

fn b_rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split(vm, a, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "splitlines")?;
    r.rest.check_pos(vm, "splitlines", 0, 1)?;
    check_kwargs(vm, &r.rest, "splitlines", &["keepends"])?;
    let keepends = match r.rest.get(0, "keepends") {
        Some(v) => vm.index_value(v)? != 0,
        None => false,
    };
    let d = &r.data;
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let eol = if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
            out.push(r.make(d[start..if keepends { eol } else { i }].to_vec()));
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(r.make(d[start..].to_vec()));
    }
    Ok(vm.new_list(out))
}

fn b_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "join")?;
    let pos = r.rest.check(vm, "join", 1, 1)?;
    let it = match vm.iter(&pos[0]) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, "TypeError") => return Err(vm.type_error("can only join an iterable")),
        Err(e) => return Err(e),
    };
    let items = vm.collect(&it)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&r.data);
        }
        match bytes_data(item) {
            Some(d) => out.extend_from_slice(&d),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                )))
            }
        }
    }
    Ok(r.make(out))
}

fn strip(vm: &mut Vm, a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 0, 1)?;
    let set: Option<Vec<u8>> = match pos.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer(vm, v)?),
    };
    let strip_it = |b: u8| match &set {
        None => is_space(b),
        Some(s) => s.contains(&b),
    };
    let mut s = 0;
    let mut e = r.data.len();
    if left {
        while s < e && strip_it(r.data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(r.data[e - 1]) {
            e -= 1;
        }
    }
    Ok(r.make(r.data[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip(vm, a, "rstrip", false, true)
}

fn partition(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 1)?;
    let sep = buffer(vm, &pos[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = &r.data;
    let found = if right { rfind_bytes(d, &sep) } else { find_bytes(d, &sep) };
    let parts = match found {
        Some(i) => [d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()],
        None if right => [vec![], vec![], d.clone()],
        None => [d.clone(), vec![], vec![]],
    };
    let items = parts.into_iter().map(|p| r.make(p)).collect();
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition(vm, a, "partition", false)
}

fn b_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition(vm, a, "rpartition", true)
}

fn remove_affix(vm: &mut Vm, a: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 1)?;
    let t = buffer(vm, &pos[0])?;
    let d = &r.data;
    let out = if prefix && d.starts_with(&t) {
        d[t.len()..].to_vec()
    } else if !prefix && d.ends_with(&t) {
        d[..d.len() - t.len()].to_vec()
    } else {
        d.clone()
    };
    Ok(r.make(out))
}

fn b_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removeprefix", true)
}

fn b_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, a, "removesuffix", false)
}

fn replace_bytes(d: &[u8], old: &[u8], new: &[u8], count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        let mut n = 0;
        for &b in d {
            if n < count {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(b);
        }
        if n < count {
            out.extend_from_slice(new);
        }
        return out;
    }
    let (mut i, mut n) = (0, 0);
    while n < count {
        match find_bytes(&d[i..], old) {
            Some(j) => {
                out.extend_from_slice(&d[i..i + j]);
                out.extend_from_slice(new);
                i += j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    out
}

fn b_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "replace")?;
    let pos = r.rest.check(vm, "replace", 2, 3)?;
    let old = buffer(vm, &pos[0])?;
    let new = buffer(vm, &pos[1])?;
    let count = match pos.get(2) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok(r.make(replace_bytes(&r.data, &old, &new, usize::try_from(count).unwrap_or(usize::MAX))))
}

// ---------------------------------------------------------------------------
// Padding

fn fill_byte(vm: &Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match bytes_data(v) {
        Some(d) if d.len() == 1 => Ok(d[0]),
        _ => {
            Err(vm
                .type_error(format!("{name}() argument 2 must be a byte string of length 1, not {}", vm.type_name(v))))
        }
    }
}

fn justify(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 2)?;
    let width = width_arg(vm, &pos[0])?;
    let fill = fill_byte(vm, name, pos.get(1))?;
    let len = r.data.len();
    if width <= len {
        return Ok(r.make(r.data.clone()));
    }
    let n = width - len;
    let left = match name {
        "ljust" => 0,
        "rjust" => n,
        _ => n / 2 + (n & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&r.data);
    out.resize(width, fill);
    Ok(r.make(out))
}

fn b_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "center")
}

fn b_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "ljust")
}

fn b_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "rjust")
}

fn b_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "zfill")?;
    let pos = r.rest.check(vm, "zfill", 1, 1)?;
    let width = width_arg(vm, &pos[0])?;
    let d = &r.data;
    if width <= d.len() {
        return Ok(r.make(d.clone()));
    }
    let signed = matches!(d.first(), Some(b'+' | b'-'));
    let mut out = Vec::with_capacity(width);
    if signed {
        out.push(d[0]);
    }
    out.resize(out.len() + width - d.len(), b'0');
    out.extend_from_slice(&d[signed as usize..]);
    Ok(r.make(out))
}

fn b_expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "expandtabs")?;
    r.rest.check_pos(vm, "expandtabs", 0, 1)?;
    check_kwargs(vm, &r.rest, "expandtabs", &["tabsize"])?;
    let tabsize = match r.rest.get(0, "tabsize") {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let (mut out, mut col) = (Vec::with_capacity(r.data.len()), 0i64);
    for &b in &r.data {
        match b {
            b'\t' if tabsize > 0 => {
                let n = tabsize - col % tabsize;
                check_size(vm, out.len().saturating_add(n as usize))?;
                out.resize(out.len() + n as usize, b' ');
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(r.make(out))
}

// ---------------------------------------------------------------------------
// ASCII case and predicates

fn map_bytes(vm: &mut Vm, a: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    r.rest.check(vm, &format!("{}.{name}", type_label(&r)), 0, 0)?;
    Ok(r.make(f(&r.data)))
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let out = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
}

fn swapcase_bytes(d: &[u8]) -> Vec<u8> {
    d.iter().map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect()
}

fn b_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, a, "upper", <[u8]>::to_ascii_uppercase)
}

fn b_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, a, "lower", <[u8]>::to_ascii_lowercase)
}

fn b_title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, a, "title", title_bytes)
}

fn b_capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, a, "capitalize", capitalize_bytes)
}

fn b_swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, a, "swapcase", swapcase_bytes)
}

fn predicate(vm: &mut Vm, a: Args, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    r.rest.check(vm, &format!("{}.{name}", type_label(&r)), 0, 0)?;
    Ok(Value::Bool(f(&r.data)))
}

fn all_of(d: &[u8], f: fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn b_isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isalnum", |d| all_of(d, u8::is_ascii_alphanumeric))
}

fn b_isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isalpha", |d| all_of(d, u8::is_ascii_alphabetic))
}

fn b_isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isascii", |d| d.is_ascii())
}

fn b_isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isdigit", |d| all_of(d, u8::is_ascii_digit))
}

fn b_isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isspace", |d| all_of(d, |b| is_space(*b)))
}

fn b_islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}

fn b_isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}

fn b_istitle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, a, "istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for b in d {
            if b.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

// ---------------------------------------------------------------------------
// Conversions

fn b_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "decode")?;
    r.rest.check_pos(vm, "decode", 0, 2)?;
    check_kwargs(vm, &r.rest, "decode", &["encoding", "errors"])?;
    let encoding = opt_str_kw(vm, &r.rest, 0, "encoding", "decode")?.unwrap_or("utf-8");
    let errors = opt_str_kw(vm, &r.rest, 1, "errors", "decode")?.unwrap_or("strict");
    let s = crate::builtins::codec::decode(vm, &r.data, encoding, errors)?;
    Ok(Value::string(s))
}

/// `bytes.hex(sep=None, bytes_per_sep=1)`.
fn b_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "hex")?;
    r.rest.check_pos(vm, "hex", 0, 2)?;
    check_kwargs(vm, &r.rest, "hex", &["sep", "bytes_per_sep"])?;
    let sep: Option<char> = match r.rest.get(0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s: Vec<char> = match (unwrap_base(v).as_str(), bytes_data(v)) {
                (Some(s), _) => s.chars().collect(),
                (None, Some(b)) => b.iter().map(|&x| x as char).collect(),
                (None, None) => return Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v)))),
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match r.rest.get(1, "bytes_per_sep") {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    Ok(Value::string(hex_string(&r.data, sep, per)))
}

fn hex_string(d: &[u8], sep: Option<char>, per: i64) -> String {
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    let n = d.len();
    for (i, b) in d.iter().enumerate() {
        if let (Some(s), true) = (sep, group > 0 && i > 0) {
            // Groups are counted from the right for a positive bytes_per_sep.
            let boundary = if per > 0 { (n - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(s);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `bytes.fromhex(string)`. Installed as a plain method, so the receiver,
/// when called through an instance, comes first and is skipped.
fn b_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    fromhex(vm, a, "bytes").map(new_bytes)
}

/// `bytearray.fromhex(string)`.
fn ba_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    fromhex(vm, a, "bytearray").map(new_bytearray)
}

fn fromhex(vm: &mut Vm, a: Args, owner: &str) -> PyResult<Vec<u8>> {
    let pos = a.pos();
    if a.has_kw() {
        return Err(vm.type_error(format!("{owner}.fromhex() takes no keyword arguments")));
    }
    let arg = match pos {
        // A class method: the class (or, called on an instance, the receiver) comes first.
        [_, s] if bytes_data(&pos[0]).is_some() || matches!(&pos[0], Value::Obj(o) if matches!(o.view(), crate::object::Obj::Class(_))) => s,
        [s] => s,
        _ => {
            let n = pos.len().saturating_sub(usize::from(pos.first().is_some_and(|v| bytes_data(v).is_some())));
            return Err(vm.type_error(format!("{owner}.fromhex() takes exactly one argument ({n} given)")));
        }
    };
    let s = unwrap_base(arg)
        .as_str()
        .ok_or_else(|| vm.type_error(format!("fromhex() argument must be str, not {}", clinic_type_name(vm, arg))))?;
    parse_hex(s).map_err(|i| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")))
}

/// Hex pairs separated by optional ASCII whitespace; `Err(position)` on a bad digit.
fn parse_hex(s: &str) -> Result<Vec<u8>, usize> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = hex_digit(b[i]).ok_or(char_pos(s, i))?;
        let lo = b.get(i + 1).and_then(|&c| hex_digit(c)).ok_or(char_pos(s, i + 1))?;
        out.push(hi * 16 + lo);
        i += 2;
    }
    Ok(out)
}

fn char_pos(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(byte, |p| p.chars().count())
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn b_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "translate")?;
    r.rest.check_pos(vm, "translate", 1, 2)?;
    check_kwargs(vm, &r.rest, "translate", &["delete"])?;
    let table = match r.rest.pos().first() {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match r.rest.get(1, "delete") {
        Some(v) => buffer(vm, v)?,
        None => Vec::new(),
    };
    let out =
        r.data.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
    Ok(r.make(out))
}

/// `bytes.maketrans(frm, to)` (static: a receiver, if any, is skipped).
fn b_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "maketrans", 2, 3)?;
    let args = &pos[pos.len() - 2..];
    let frm = buffer(vm, &args[0])?;
    let to = buffer(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table))
}

// ---------------------------------------------------------------------------
// Dunders callable explicitly

fn binary<'a>(vm: &Vm, a: Args<'a>, name: &str) -> PyResult<(Value, &'a Value)> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 1)?;
    Ok((unwrap_base(&a.pos()[0]).clone(), &pos[0]))
}

fn b_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__len__")?;
    r.rest.check(vm, "__len__", 0, 0)?;
    Ok(Value::Int(r.data.len() as i64))
}

fn b_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, key) = binary(vm, a, "__getitem__")?;
    vm.getitem(&s, key)
}

fn b_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__contains__")?;
    let pos = r.rest.check(vm, "__contains__", 1, 1)?;
    let pat = needle(vm, &pos[0])?;
    Ok(Value::Bool(find_bytes(&r.data, &pat).is_some()))
}

fn b_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__iter__")?;
    r.rest.check(vm, "__iter__", 0, 0)?;
    let items = r.data.iter().map(|&b| Value::Int(b as i64)).collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}

fn b_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__add__")?;
    let pos = r.rest.check(vm, "__add__", 1, 1)?;
    let Some(other) = bytes_data(&pos[0]) else {
        return Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(&pos[0]), type_label(&r))));
    };
    let mut out = r.data.clone();
    out.extend_from_slice(&other);
    Ok(r.make(out))
}

fn b_mod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, args) = binary(vm, a, "__mod__")?;
    crate::builtins::printf::bytes_mod(vm, &s, args)
}

fn compare(vm: &mut Vm, a: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let r = recv(vm, a, name)?;
    let pos = r.rest.check(vm, name, 1, 1)?;
    // bytes compares only with bytes; bytearray with any bytes-like object.
    let other_is_bytes = bytes_data(&pos[0]).is_some() && bytearray_cell(&pos[0]).is_none();
    match bytes_data(&pos[0]) {
        Some(other) if r.mutable || other_is_bytes => Ok(Value::Bool(op.test(r.data.cmp(&other)))),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn b_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__eq__", CmpOp::Eq)
}

fn b_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__ne__", CmpOp::Ne)
}

fn b_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__lt__", CmpOp::Lt)
}

fn b_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__le__", CmpOp::Le)
}

fn b_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__gt__", CmpOp::Gt)
}

fn b_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    compare(vm, a, "__ge__", CmpOp::Ge)
}

fn b_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__hash__")?;
    r.rest.check(vm, "__hash__", 0, 0)?;
    let s = unwrap_base(&a.pos()[0]).clone();
    vm.hash(&s).map(Value::Int)
}

fn b_getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = recv(vm, a, "__getnewargs__")?;
    r.rest.check(vm, "__getnewargs__", 0, 0)?;
    Ok(vm.new_tuple(vec![new_bytes(r.data)]))
}

// ---------------------------------------------------------------------------
// bytearray mutators

fn cell<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<(&'a RefCell<Vec<u8>>, &'a [Value])> {
    let pos = a.pos();
    let Some(slf) = pos.first() else {
        return Err(vm.type_error(format!("unbound method bytearray.{name}() needs an argument")));
    };
    if a.has_kw() {
        return Err(vm.type_error(format!("bytearray.{name}() takes no keyword arguments")));
    }
    let c = bytearray_cell(slf).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            vm.type_name(slf)
        ))
    })?;
    Ok((c, &pos[1..]))
}

fn arity(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    Args::new(args).check(vm, name, min, max).map(|_| ())
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "append")?;
    arity(vm, "bytearray.append", args, 1, 1)?;
    let b = byte_value(vm, &args[0])?;
    c.borrow_mut().push(b);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "extend")?;
    arity(vm, "bytearray.extend", args, 1, 1)?;
    let data = match bytes_data(&args[0]) {
        Some(d) => d,
        None => {
            let it = match vm.iter(&args[0]) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, "TypeError") => {
                    return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(&args[0]))))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            for v in vm.collect(&it)? {
                out.push(byte_value(vm, &v)?);
            }
            out
        }
    };
    c.borrow_mut().extend(data);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "pop")?;
    arity(vm, "pop", args, 0, 1)?;
    let i = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let len = c.borrow().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(c.borrow_mut().remove(j as usize) as i64))
}

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "insert")?;
    arity(vm, "insert", args, 2, 2)?;
    let i = vm.index_value(&args[0])?;
    let b = byte_value(vm, &args[1])?;
    let len = c.borrow().len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    c.borrow_mut().insert(j as usize, b);
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "remove")?;
    arity(vm, "bytearray.remove", args, 1, 1)?;
    let b = byte_value(vm, &args[0])?;
    let found = c.borrow().iter().position(|&x| x == b);
    match found {
        Some(i) => {
            c.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "clear")?;
    arity(vm, "bytearray.clear", args, 0, 0)?;
    c.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "copy")?;
    arity(vm, "bytearray.copy", args, 0, 0)?;
    let d = c.borrow().clone();
    Ok(new_bytearray(d))
}

fn ba_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (c, args) = cell(vm, &a, "reverse")?;
    arity(vm, "bytearray.reverse", args, 0, 0)?;
    c.borrow_mut().reverse();
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// Construction

/// The initial contents of `bytes(...)` / `bytearray(...)`.
fn construct(vm: &mut Vm, a: Args, name: &str) -> PyResult<Vec<u8>> {
    a.check_pos(vm, name, 0, 3)?;
    check_kwargs(vm, &a, name, &["source", "encoding", "errors"])?;
    let encoding = opt_str_kw(vm, &a, 1, "encoding", name)?;
    let errors = opt_str_kw(vm, &a, 2, "errors", name)?;
    let Some(x) = a.get(0, "source") else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = unwrap_base(x).as_str() {
        let Some(enc) = encoding else { return Err(vm.type_error("string argument without an encoding")) };
        return crate::builtins::codec::encode(vm, s, enc, errors.unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    from_object(vm, x, name)
}

fn from_object(vm: &mut Vm, x: &Value, name: &str) -> PyResult<Vec<u8>> {
    if let Some(f) = vm.user_dunder(x, "__bytes__") {
        let r = vm.call_dunder(&f, x, &[])?;
        return bytes_data(&r)
            .ok_or_else(|| vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r))));
    }
    if let Some(d) = bytes_data(x) {
        return Ok(d);
    }
    let is_int = match unwrap_base(x) {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.view(), Obj::Int(_)),
        _ => false,
    };
    if is_int {
        let n = vm.index_value(x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n > 1 << 34 {
            return Err(vm.err("MemoryError", ""));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.iter(x) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, "TypeError") => {
            let what = if name == "bytes" {
                "cannot convert '{}' object to bytes"
            } else {
                "cannot convert '{}' object to bytearray"
            };
            return Err(vm.type_error(what.replace("{}", &vm.type_name(x))));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for v in vm.collect(&it)? {
        let i = vm.index_value(&v)?;
        match u8::try_from(i) {
            Ok(b) => out.push(b),
            Err(_) if name == "bytes" => return Err(vm.value_error("bytes must be in range(0, 256)")),
            Err(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `bytes(source=b'', encoding=..., errors=...)`.
pub fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    construct(vm, a, "bytes").map(new_bytes)
}

/// `bytearray(source=b'', encoding=..., errors=...)`.
pub fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    construct(vm, a, "bytearray").map(new_bytearray)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_groups() {
        assert_eq!(hex_string(b"abcde", Some(':'), 2), "61:6263:6465");
        assert_eq!(hex_string(b"abcde", Some(':'), -2), "6162:6364:65");
        assert_eq!(hex_string(b"abc", None, 1), "616263");
    }

    #[test]
    fn fromhex_positions() {
        assert_eq!(parse_hex("ab cd"), Ok(vec![0xab, 0xcd]));
        assert_eq!(parse_hex("abc d"), Err(3));
        assert_eq!(parse_hex(" a b"), Err(2));
    }

    #[test]
    fn splitting() {
        assert_eq!(split_ws(b"  a b  c ", 1, false), vec![b"a".to_vec(), b"b  c ".to_vec()]);
        assert_eq!(split_ws(b"  a b  c ", 1, true), vec![b"  a b".to_vec(), b"c".to_vec()]);
        assert_eq!(split_sep(b"a,b,c", b",", 1, true), vec![b"a,b".to_vec(), b"c".to_vec()]);
        assert_eq!(replace_bytes(b"ab", b"", b"-", usize::MAX), b"-a-b-".to_vec());
    }
}
