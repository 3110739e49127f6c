//! `_sre.SRE_Scanner` (`pattern.scanner(string)`; `finditer` iterates one): the
//! matches of a pattern one after another, the engine state kept between calls.

use std::cell::{Cell, RefCell};

use rustpython_sre_engine::State;

use super::subject::{Cursor, Mode, Subject};
use super::{instance, receiver, Sre, Which};
use crate::object::func::Args;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub(crate) struct ScannerData {
    /// The `re.Pattern`.
    pattern: Value,
    subject: Subject,
    endpos: usize,
    pos: usize,
    /// Next start; None once a call found nothing.
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    /// The engine state (its cursor stays valid: the text is kept by `subject`).
    state: RefCell<State>,
    cur: Cell<Cursor>,
}

impl ScannerData {
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.subject.obj);
    }
}

pub(super) const METHODS: super::Table = &[("match", scanner_match), ("search", scanner_search)];
pub(super) const PROPS: super::Table = &[("pattern", get_pattern)];

pub(super) fn new_scanner(vm: &mut Vm, pattern: Value, subject: Subject, pos: usize, endpos: usize) -> PyResult<Value> {
    let data = ScannerData {
        pattern,
        subject,
        endpos,
        pos,
        start: Cell::new(Some(pos)),
        must_advance: Cell::new(false),
        state: RefCell::new(State::default()),
        cur: Cell::new(Cursor::default()),
    };
    instance(vm, Which::Scanner, Sre::Scanner(data))
}

fn data(st: &ObjRef) -> &ScannerData {
    match st.foreign::<Sre>() {
        Some(Sre::Scanner(s)) => s,
        _ => unreachable!("receiver checked the kind"),
    }
}

fn step(vm: &mut Vm, a: Args, name: &str, mode: Mode) -> PyResult<Value> {
    let (_, st) = receiver(vm, &a, "_sre.SRE_Scanner", name)?;
    a.check(vm, name, 1, 1)?;
    let s = data(&st);
    let Some(start) = s.start.get() else { return Ok(Value::None) };
    let Some(pst) = super::state_obj(&s.pattern) else { return Ok(Value::None) };
    let Some(Sre::Pattern(p)) = pst.foreign::<Sre>() else { return Ok(Value::None) };
    // A re-entrant call (from a str subclass's method, say) gets a fresh state.
    let found = match s.state.try_borrow_mut() {
        Ok(mut state) => s.subject.exec(vm, &mut state, &p.code, start, s.endpos, mode, s.must_advance.get())?,
        Err(_) => s.subject.exec(vm, &mut State::default(), &p.code, start, s.endpos, mode, s.must_advance.get())?,
    };
    let Some(f) = found else {
        s.start.set(None);
        return Ok(Value::None);
    };
    s.must_advance.set(f.end == f.start);
    s.start.set(Some(f.end));
    let mut cur = s.cur.get();
    let m = super::match_obj::new_match(vm, &s.pattern, p, &s.subject, &f, s.pos, s.endpos, &mut cur)?;
    s.cur.set(cur);
    Ok(m)
}

fn scanner_match(vm: &mut Vm, a: Args) -> PyResult<Value> {
    step(vm, a, "match", Mode::Match)
}

fn scanner_search(vm: &mut Vm, a: Args) -> PyResult<Value> {
    step(vm, a, "search", Mode::Search)
}

fn get_pattern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, st) = receiver(vm, &a, "_sre.SRE_Scanner", "pattern")?;
    Ok(data(&st).pattern.clone())
}
