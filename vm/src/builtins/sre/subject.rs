//! The string a pattern runs on (`SRE_STATE`'s view of it): a str, matched by
//! code point, or a bytes-like object, matched by byte; and the engine call.
//!
//! pyhop keeps str as UTF-8 with its code-point count in the header. An ASCII str
//! is matched as bytes (code point = byte); any other through the engine's UTF-8
//! cursor, wrapped so that its length is the stored count instead of a count of
//! the text on every call. Positions are code points throughout; [`Cursor`] turns
//! them into byte offsets walking from the last one it found, so a loop over the
//! matches of a long non-ASCII text stays linear.

use std::panic::AssertUnwindSafe;
use std::rc::Rc;

use rustpython_sre_engine::{Request, State, StrDrive, StringCursor};

use crate::object::{Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Bytes, and ASCII str: one byte per position.
#[derive(Clone, Copy)]
struct Narrow<'a>(&'a [u8]);

impl StrDrive for Narrow<'_> {
    #[inline]
    fn count(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn create_cursor(&self, n: usize) -> StringCursor {
        self.0.create_cursor(n)
    }
    #[inline]
    fn adjust_cursor(&self, cursor: &mut StringCursor, n: usize) {
        self.0.adjust_cursor(cursor, n)
    }
    /// The char at the cursor, then step past it (the crate's `&[u8]` version reads
    /// the byte after, one past the end at the end of the text).
    #[inline]
    fn advance(cursor: &mut StringCursor) -> u32 {
        let c = <&[u8]>::peek(cursor);
        <&[u8]>::skip(cursor, 1);
        c
    }
    #[inline]
    fn peek(cursor: &StringCursor) -> u32 {
        <&[u8]>::peek(cursor)
    }
    #[inline]
    fn skip(cursor: &mut StringCursor, n: usize) {
        <&[u8]>::skip(cursor, n)
    }
    #[inline]
    fn back_advance(cursor: &mut StringCursor) -> u32 {
        <&[u8]>::back_advance(cursor)
    }
    #[inline]
    fn back_peek(cursor: &StringCursor) -> u32 {
        <&[u8]>::back_peek(cursor)
    }
    #[inline]
    fn back_skip(cursor: &mut StringCursor, n: usize) {
        <&[u8]>::back_skip(cursor, n)
    }
}

/// Non-ASCII str: UTF-8 walked by code point, with its known length.
#[derive(Clone, Copy)]
struct Wide<'a> {
    s: &'a str,
    n: usize,
}

impl StrDrive for Wide<'_> {
    #[inline]
    fn count(&self) -> usize {
        self.n
    }
    #[inline]
    fn create_cursor(&self, n: usize) -> StringCursor {
        self.s.create_cursor(n)
    }
    #[inline]
    fn adjust_cursor(&self, cursor: &mut StringCursor, n: usize) {
        self.s.adjust_cursor(cursor, n)
    }
    #[inline]
    fn advance(cursor: &mut StringCursor) -> u32 {
        <&str>::advance(cursor)
    }
    #[inline]
    fn peek(cursor: &StringCursor) -> u32 {
        <&str>::peek(cursor)
    }
    #[inline]
    fn skip(cursor: &mut StringCursor, n: usize) {
        <&str>::skip(cursor, n)
    }
    #[inline]
    fn back_advance(cursor: &mut StringCursor) -> u32 {
        <&str>::back_advance(cursor)
    }
    #[inline]
    fn back_peek(cursor: &StringCursor) -> u32 {
        <&str>::back_peek(cursor)
    }
    #[inline]
    fn back_skip(cursor: &mut StringCursor, n: usize) {
        <&str>::back_skip(cursor, n)
    }
}

#[derive(Clone)]
enum Data {
    /// The str (the base value of a str subclass instance).
    Str(ObjRef),
    /// An exact bytes object (or the base of a subclass instance).
    Bytes(ObjRef),
    /// A copy of a bytearray's or memoryview's contents, taken when the call began.
    Owned(Rc<[u8]>),
}

/// A string being matched.
#[derive(Clone)]
pub(crate) struct Subject {
    /// What the caller passed (`Match.string`).
    pub obj: Value,
    data: Data,
    pub isbytes: bool,
    /// Length in code points or bytes.
    pub len: usize,
}

enum View<'a> {
    Ascii(&'a str),
    Wide(&'a str, usize),
    Bytes(&'a [u8]),
}

/// A remembered (code point, byte offset) pair of a non-ASCII str.
#[derive(Default, Clone, Copy)]
pub(crate) struct Cursor {
    cp: usize,
    byte: usize,
}

/// The byte offset of code point `cp` of `s`, walking from `cur` (then left there).
fn walk(s: &str, cur: &mut Cursor, cp: usize) -> usize {
    if cp >= cur.cp {
        let k = cp - cur.cp;
        let byte = match s[cur.byte..].char_indices().nth(k) {
            Some((i, _)) => cur.byte + i,
            None => s.len(),
        };
        *cur = Cursor { cp, byte };
    } else if cp < cur.cp - cp {
        *cur = Cursor::default();
        return walk(s, cur, cp);
    } else {
        let k = cur.cp - cp;
        let byte = match s[..cur.byte].char_indices().rev().nth(k - 1) {
            Some((i, _)) => i,
            None => 0,
        };
        *cur = Cursor { cp, byte };
    }
    cur.byte
}

/// What the engine found.
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// Group marks, two per group from group 1 (`None`: not set).
    pub marks: Vec<Option<usize>>,
    pub lastindex: isize,
}

impl Found {
    /// Span of group `g` (0: the whole match), `(-1, -1)` when it did not take part.
    pub fn span(&self, g: usize) -> (isize, isize) {
        if g == 0 {
            return (self.start as isize, self.end as isize);
        }
        match (self.marks.get(2 * g - 2), self.marks.get(2 * g - 1)) {
            (Some(Some(a)), Some(Some(b))) => (*a as isize, *b as isize),
            _ => (-1, -1),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Match,
    Full,
    Search,
}

impl Subject {
    /// `getstring` and the type check of `state_init`: `pattern_isbytes` is the
    /// pattern's kind (None for a pattern compiled from `None`, which takes both).
    pub fn new(vm: &Vm, v: &Value, pattern_isbytes: Option<bool>) -> PyResult<Subject> {
        let base = unwrap_base(v);
        let (data, isbytes, len) = match base {
            Value::Obj(o) => match o.view() {
                Obj::Str(s) => (Data::Str(o.clone()), false, s.char_len()),
                Obj::Bytes(b) => (Data::Bytes(o.clone()), true, b.len()),
                Obj::ByteArray(b) => {
                    let d: Rc<[u8]> = Rc::from(b.borrow().as_slice());
                    let n = d.len();
                    (Data::Owned(d), true, n)
                }
                Obj::MemoryView(m) if !m.memory_view().released.get() => {
                    let d: Rc<[u8]> = Rc::from(m.memory_view().data());
                    let n = d.len();
                    (Data::Owned(d), true, n)
                }
                _ => return Err(not_string(vm, v)),
            },
            _ => return Err(not_string(vm, v)),
        };
        match (isbytes, pattern_isbytes) {
            (true, Some(false)) => return Err(vm.type_error("cannot use a string pattern on a bytes-like object")),
            (false, Some(true)) => return Err(vm.type_error("cannot use a bytes pattern on a string-like object")),
            _ => {}
        }
        Ok(Subject { obj: v.clone(), data, isbytes, len })
    }

    fn with<R>(&self, f: impl FnOnce(View<'_>) -> R) -> R {
        match &self.data {
            Data::Str(o) => match o.as_pystr() {
                Some(s) if s.is_ascii() => f(View::Ascii(s.as_str())),
                Some(s) => f(View::Wide(s.as_str(), s.char_len())),
                None => f(View::Ascii("")),
            },
            Data::Bytes(o) => match o.view() {
                Obj::Bytes(b) => f(View::Bytes(b)),
                _ => f(View::Bytes(&[])),
            },
            Data::Owned(d) => f(View::Bytes(d)),
        }
    }

    /// `string[start:end]` (positions clamped to the text): a str, or bytes for any
    /// bytes-like object (`getslice`).
    pub fn slice(&self, cur: &mut Cursor, start: usize, end: usize) -> Value {
        let end = end.min(self.len);
        let start = start.min(end);
        if start == 0 && end == self.len {
            let exact = match &self.obj {
                Value::Obj(o) => matches!(o.view(), Obj::Str(_) | Obj::Bytes(_)),
                _ => false,
            };
            if exact {
                return self.obj.clone();
            }
        }
        self.with(|v| match v {
            View::Ascii(s) => Value::str(&s[start..end]),
            View::Bytes(b) => crate::builtins::bytes::new_bytes(b[start..end].to_vec()),
            View::Wide(s, _) => {
                let b0 = walk(s, cur, start);
                let b1 = walk(s, cur, end);
                Value::str(&s[b0..b1])
            }
        })
    }

    /// Move `cur` to code point `cp` (non-ASCII str only; others need no cursor).
    pub fn seek(&self, cur: &mut Cursor, cp: usize) {
        self.with(|v| {
            if let View::Wide(s, _) = v {
                walk(s, cur, cp.min(self.len));
            }
        })
    }

    /// The empty str or bytes.
    pub fn empty(&self) -> Value {
        if self.isbytes {
            crate::builtins::bytes::new_bytes(Vec::new())
        } else {
            Value::str("")
        }
    }

    /// Run the engine from `start` to `end` (clamped to the text; `start > end`
    /// finds nothing). A panic inside the engine (code that `re._compiler` would
    /// never make) becomes a RuntimeError.
    #[allow(clippy::too_many_arguments)]
    pub fn exec(
        &self,
        vm: &Vm,
        state: &mut State,
        code: &[u32],
        start: usize,
        end: usize,
        mode: Mode,
        must_advance: bool,
    ) -> PyResult<Option<Found>> {
        let end = end.min(self.len);
        if start > end {
            return Ok(None);
        }
        quiet_panics();
        IN_ENGINE.with(|f| f.set(true));
        let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
            self.with(|v| match v {
                View::Ascii(s) => run(state, Narrow(s.as_bytes()), code, start, end, mode, must_advance),
                View::Bytes(b) => run(state, Narrow(b), code, start, end, mode, must_advance),
                View::Wide(s, n) => run(state, Wide { s, n }, code, start, end, mode, must_advance),
            })
        }));
        IN_ENGINE.with(|f| f.set(false));
        match r {
            Ok(f) => Ok(f),
            Err(_) => {
                *state = State::default();
                // CPython's `_validate` rejects such code in `_sre.compile`; here it
                // is found when the engine trips over it.
                Err(vm.err("RuntimeError", "invalid SRE code"))
            }
        }
    }
}

thread_local! {
    /// Inside an engine call: a panic there is reported as a RuntimeError, quietly.
    static IN_ENGINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Install (once) a panic hook that keeps quiet about panics inside the engine and
/// hands every other panic to the hook that was there before.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_ENGINE.with(|f| f.get()) {
                prev(info)
            }
        }));
    });
}

fn run<S: StrDrive>(state: &mut State, s: S, code: &[u32], start: usize, end: usize, mode: Mode, must_advance: bool) -> Option<Found> {
    let mut req = Request::new(s, start, end, code, mode == Mode::Full);
    req.must_advance = must_advance;
    state.reset(&req, req.start);
    let ok = match mode {
        Mode::Search => state.search(req),
        Mode::Match | Mode::Full => state.py_match(&req),
    };
    if !ok {
        return None;
    }
    Some(Found {
        start: state.start,
        end: state.cursor.position,
        marks: state.marks.raw().iter().map(|m| m.into_option()).collect(),
        lastindex: state.marks.last_index(),
    })
}

fn not_string(vm: &Vm, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_name(v)))
}
