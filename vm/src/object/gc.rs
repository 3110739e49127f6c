//! The cycle collector (CPython's `gcmodule.c` design).
//!
//! Reference counting frees everything except cycles. Container objects (the kinds
//! for which `Kind::is_gc` holds) are *tracked*: each sits in one of three generation
//! lists (plus a permanent one for `gc.freeze()`), and its header's `gc` word is its
//! index there, so untracking at deallocation is a swap-remove. New objects enter
//! generation 0; a collection of generation *g* examines generations 0..=*g* and moves
//! the survivors to *g*+1.
//!
//! A collection:
//!
//! 1. `gc_refs := refcount` for every examined object;
//! 2. for every examined object, for every reference it holds (`trace`) to another
//!    examined object, `gc_refs -= 1` — what is left counts references from outside
//!    the examined set (the native stack, running frames, older generations);
//! 3. everything reachable from an object with `gc_refs > 0` survives; the rest is
//!    unreachable: a set of objects referenced only by each other.
//!
//! The unreachable set is handed to the layer above ([`Garbage`]): it clears their weak
//! references and calls the callbacks of weakrefs that survive, runs finalizers
//! (`__del__`, once per object, PEP 442), and then [`Garbage::finish`] repeats steps
//! 1-3 inside the set — an object a finalizer stored somewhere reachable is
//! resurrected with everything it reaches — and breaks the remaining cycles by
//! clearing each object's references (`clear`), after which reference counting frees
//! them.
//!
//! Soundness rests on one rule: `trace` reports only references the object owns a
//! count of. Missing one (a container mutably borrowed at the moment, `try_borrow`
//! fails) can only keep objects alive; reporting one that is not counted could free
//! a live object, so non-owning pointers (weak referents, the running-frame links of
//! frame objects) are never traced.
//!
//! Collections run only at the interpreter's safe points (between instructions, via
//! `pending.rs`) or from `gc.collect()`, never inside an allocation.

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use crate::object::heap::{flags, try_ref, Header, Kind, ObjRef};
use crate::object::*;
use crate::value::Value;

/// Number of generations (the permanent generation of `gc.freeze` is extra).
pub const NGEN: usize = 3;
const PERMANENT: usize = 3;

/// A generation list: object addresses in fixed-size chunks, so a list of millions
/// grows without ever copying (no reallocation peak) and wastes at most one chunk.
struct ObjList {
    chunks: Vec<Box<[NonNull<Header>; CHUNK]>>,
    len: usize,
}

const CHUNK: usize = 4096;

impl ObjList {
    const fn new() -> ObjList {
        ObjList { chunks: Vec::new(), len: 0 }
    }

    #[inline]
    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn get(&self, i: usize) -> NonNull<Header> {
        self.chunks[i / CHUNK][i % CHUNK]
    }

    #[inline]
    fn set(&mut self, i: usize, p: NonNull<Header>) {
        self.chunks[i / CHUNK][i % CHUNK] = p;
    }

    #[inline]
    fn push(&mut self, p: NonNull<Header>) {
        if self.len == self.chunks.len() * CHUNK {
            self.chunks.push(Box::new([NonNull::dangling(); CHUNK]));
        }
        let i = self.len;
        self.len += 1;
        self.set(i, p);
    }

    /// Remove entry `i`, moving the last one into its place; returns the moved one.
    #[inline]
    fn swap_remove(&mut self, i: usize) -> Option<NonNull<Header>> {
        let last = self.len - 1;
        let moved = (i != last).then(|| {
            let m = self.get(last);
            self.set(i, m);
            m
        });
        self.len = last;
        if self.chunks.len() * CHUNK >= self.len + 2 * CHUNK {
            // Keep one spare chunk, free the rest.
            self.chunks.pop();
        }
        moved
    }

    /// Take every entry out (the list is left empty).
    fn drain(&mut self) -> Vec<NonNull<Header>> {
        let mut out = Vec::with_capacity(self.len);
        for i in 0..self.len {
            out.push(self.get(i));
        }
        self.chunks.clear();
        self.len = 0;
        out
    }

    fn iter(&self) -> impl Iterator<Item = NonNull<Header>> + '_ {
        (0..self.len).map(|i| self.get(i))
    }
}

struct GcState {
    lists: [ObjList; 4],
    /// `generations[i].count`: gen 0 = allocations minus deallocations of tracked
    /// objects since the last collection; gen 1/2 = collections of the younger one.
    count: [usize; NGEN],
    threshold: [usize; NGEN],
    enabled: bool,
    collecting: bool,
    /// Objects in the oldest generation after the last full collection, and those
    /// that survived a gen-1 collection since (CPython's full-collection damping).
    long_lived_total: usize,
    long_lived_pending: usize,
    stats: [GenStats; NGEN],
}

/// `gc.get_stats()` for one generation.
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

thread_local! {
    // ManuallyDrop: no thread-local destructor (see heap.rs's TRASH).
    static GC: UnsafeCell<std::mem::ManuallyDrop<GcState>> = const {
        UnsafeCell::new(std::mem::ManuallyDrop::new(GcState {
            lists: [ObjList::new(), ObjList::new(), ObjList::new(), ObjList::new()],
            count: [0; NGEN],
            threshold: [700, 10, 10],
            enabled: true,
            collecting: false,
            long_lived_total: 0,
            long_lived_pending: 0,
            stats: [GenStats { collections: 0, collected: 0, uncollectable: 0 }; NGEN],
        }))
    };
}

/// Run `f` on the collector state.
///
/// Nothing inside `f` may call back into `with_gc` (the functions of this module do not
/// run Python code or drop objects while they hold the state).
#[inline(always)]
fn with_gc<R>(f: impl FnOnce(&mut GcState) -> R) -> R {
    // SAFETY: single-threaded; every caller in this module keeps the borrow inside `f`
    // and does not re-enter (no drops, no Python code inside).
    GC.with(|g| f(unsafe { &mut **g.get() }))
}

#[inline(always)]
fn gen_of(h: &Header) -> usize {
    ((h.flags.get() & flags::GEN_MASK) >> flags::GEN_SHIFT) as usize
}

#[inline(always)]
fn set_gen(h: &Header, g: usize) {
    h.flags.set((h.flags.get() & !flags::GEN_MASK) | ((g as u8) << flags::GEN_SHIFT));
}

/// Track a new container in generation 0.
#[inline]
pub(crate) fn track_new(o: &ObjRef) {
    let p = o.raw();
    let trigger = with_gc(|g| {
        let h = o.header();
        h.gc.set(g.lists[0].len() as u32);
        h.set_flag(flags::TRACKED);
        set_gen(h, 0);
        g.lists[0].push(p);
        g.count[0] += 1;
        g.count[0] > g.threshold[0] && g.enabled && !g.collecting && g.threshold[0] > 0
    });
    if trigger {
        crate::object::pending::request_gc();
    }
}

/// Remove a tracked object from its list (at deallocation, or an atomic tuple).
pub(crate) fn untrack(h: &Header) {
    with_gc(|g| {
        let gen = gen_of(h);
        let list = &mut g.lists[gen];
        let i = h.gc.get() as usize;
        debug_assert!(i < list.len() && list.get(i).as_ptr() as *const Header == h as *const Header);
        if i < list.len() {
            if let Some(moved) = list.swap_remove(i) {
                // SAFETY: every list entry is a live tracked object.
                unsafe { moved.as_ref() }.gc.set(i as u32);
            }
        }
        if gen == 0 && g.count[0] > 0 {
            g.count[0] -= 1;
        }
    });
    h.clear_flag(flags::TRACKED);
}

/// Is the object tracked (`gc.is_tracked`)? Dicts answer as CPython's lazily tracked
/// dicts do: only when they hold a value that may be tracked.
pub fn is_tracked(o: &ObjRef) -> bool {
    if !o.header().has_flag(flags::TRACKED) {
        return false;
    }
    match o.view() {
        Obj::Dict(d) => try_ref(d).map(|d| d.may_track).unwrap_or(true),
        Obj::Class(c) => c.heap,
        _ => true,
    }
}

use crate::object::dict::may_be_tracked;

/// Call `visit` on every reference `o` owns a count of (`tp_traverse`).
pub fn trace(o: &ObjRef, visit: &mut dyn FnMut(&Value)) {
    match o.view() {
        Obj::Str(_) | Obj::Int(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::Range { .. } | Obj::Complex(..) => {}
        Obj::Code(_) | Obj::NotImplemented | Obj::Ellipsis => {}
        Obj::Tuple(items) => items.iter().for_each(visit),
        Obj::List(l) => {
            if let Some(l) = try_ref(l) {
                l.iter().for_each(visit)
            }
        }
        Obj::Dict(d) | Obj::Set(d) => {
            if let Some(d) = try_ref(d) {
                d.for_each_value(visit)
            }
        }
        Obj::FrozenSet(d) => d.for_each_value(visit),
        Obj::Slice { start, stop, step } => {
            visit(start);
            visit(stop);
            visit(step)
        }
        Obj::Function(f) => f.trace(visit),
        Obj::BoundMethod { .. } => {
            // SAFETY: the kind says the payload is a BoundMethodObj.
            let m = unsafe { o.payload::<BoundMethodObj>() };
            for r in m.owned() {
                visit(&Value::Obj(r.clone()));
            }
        }
        Obj::Native(n) => {
            if let Some(s) = &n.slf {
                visit(s)
            }
        }
        Obj::Class(c) => {
            for b in &c.bases {
                visit(&Value::Obj(b.clone()))
            }
            if let Some(m) = try_ref(&c.mro) {
                for k in m.iter() {
                    visit(&Value::Obj(k.clone()))
                }
            }
            if let Some(d) = try_ref(&c.dict) {
                d.for_each_value(visit)
            }
            if let Some(m) = try_ref(&c.metaclass) {
                if let Some(m) = m.as_ref() {
                    visit(&Value::Obj(m.clone()))
                }
            }
            if let Some(m) = try_ref(&c.module) {
                visit(&m)
            }
        }
        Obj::Instance(i) => i.trace(visit),
        Obj::Exception(e) => {
            visit(&Value::Obj(e.class.clone()));
            for c in [&e.args, &e.traceback, &e.cause, &e.context] {
                if let Some(v) = try_ref(c) {
                    visit(&v)
                }
            }
            if let Some(d) = try_ref(&e.dict) {
                d.for_each_value(visit)
            }
        }
        Obj::Module(m) => visit(&Value::Obj(m.dict.clone())),
        Obj::Cell(c) => {
            if let Some(v) = try_ref(c) {
                visit(&v)
            }
        }
        Obj::Iter(st) => {
            if let Some(st) = try_ref(st) {
                st.for_each_value(visit)
            }
        }
        Obj::Property { fget, fset, fdel, doc } => {
            visit(fget);
            visit(fset);
            visit(fdel);
            visit(doc)
        }
        Obj::StaticMethod(f) | Obj::ClassMethod(f) => visit(f),
        Obj::Super { class, obj: so } => {
            visit(class);
            visit(so)
        }
        Obj::DictView { dict, .. } => visit(dict),
        Obj::Traceback(t) => {
            visit(&t.frame);
            if let Some(n) = try_ref(&t.next) {
                visit(&n)
            }
        }
        Obj::WeakRef(w) | Obj::WeakProxy(w) => w.trace(visit),
        Obj::Generator(_)
        | Obj::Frame(_)
        | Obj::AsyncGen(_)
        | Obj::AsyncGenAwaitable(_)
        | Obj::AttrDescr(_)
        | Obj::Alias(_)
        | Obj::LongRange(_)
        | Obj::MemoryView(_)
        | Obj::Sre(_) => {
            // SAFETY: a foreign kind (these arms); its ops match its payload.
            unsafe { (crate::object::heap::foreign_ops(o.header()).trace)(o.raw(), visit) }
        }
    }
}

/// Drop the references of `o` that can take part in cycles (`tp_clear`). Immutable
/// containers (tuples, bound methods) are left alone: every cycle also runs through a
/// clearable object.
pub fn clear(o: &ObjRef) {
    fn take(c: &std::cell::RefCell<Value>) {
        if let Ok(mut v) = c.try_borrow_mut() {
            let old = std::mem::replace(&mut *v, Value::None);
            drop(v);
            drop(old);
        }
    }
    match o.view() {
        Obj::List(l) => {
            let old = l.try_borrow_mut().map(|mut l| std::mem::take(&mut *l));
            drop(old);
        }
        Obj::Dict(d) | Obj::Set(d) => {
            let old = d.try_borrow_mut().map(|mut d| d.take_all());
            drop(old);
        }
        Obj::Function(f) => f.clear(),
        Obj::Class(c) => {
            let old = c.dict.try_borrow_mut().map(|mut d| d.take_all());
            drop(old);
            let mro = c.mro.try_borrow_mut().map(|mut m| std::mem::take(&mut *m));
            drop(mro);
            let meta = c.metaclass.try_borrow_mut().map(|mut m| m.take());
            drop(meta);
        }
        Obj::Instance(i) => i.clear(),
        Obj::Exception(e) => {
            for c in [&e.args, &e.traceback, &e.cause, &e.context] {
                take(c)
            }
            let old = e.dict.try_borrow_mut().map(|mut d| d.take_all());
            drop(old);
        }
        Obj::Cell(c) => {
            if let Ok(mut v) = c.try_borrow_mut() {
                let old = std::mem::take(&mut *v);
                drop(v);
                drop(old);
            }
        }
        Obj::Iter(st) => {
            let old = st.try_borrow_mut().map(|mut s| std::mem::replace(&mut *s, IterState::Exhausted));
            drop(old);
        }
        Obj::Traceback(t) => take(&t.next),
        Obj::WeakRef(w) | Obj::WeakProxy(w) => w.clear_callback(),
        Obj::Generator(_)
        | Obj::Frame(_)
        | Obj::AsyncGen(_)
        | Obj::AsyncGenAwaitable(_)
        | Obj::AttrDescr(_)
        | Obj::Alias(_)
        | Obj::LongRange(_)
        | Obj::MemoryView(_)
        | Obj::Sre(_) => {
            // SAFETY: as in `trace`.
            unsafe { (crate::object::heap::foreign_ops(o.header()).clear)(o.raw()) }
        }
        _ => {}
    }
}

/// An unreachable set found by [`collect_start`], holding a count of each object.
pub struct Garbage {
    pub objs: Vec<ObjRef>,
    pub generation: usize,
    /// Objects examined (for the statistics).
    pub examined: usize,
}

/// Whether a collection is under way or collection is off.
pub fn can_collect() -> bool {
    with_gc(|g| !g.collecting)
}

pub fn is_enabled() -> bool {
    with_gc(|g| g.enabled)
}

pub fn set_enabled(on: bool) {
    with_gc(|g| g.enabled = on)
}

pub fn threshold() -> [usize; NGEN] {
    with_gc(|g| g.threshold)
}

pub fn set_threshold(t: &[usize]) {
    with_gc(|g| {
        for (i, v) in t.iter().enumerate().take(NGEN) {
            g.threshold[i] = *v;
        }
    })
}

pub fn count() -> [usize; NGEN] {
    with_gc(|g| g.count)
}

pub fn stats() -> [GenStats; NGEN] {
    with_gc(|g| g.stats)
}

/// Every tracked object of generation `gen` (all generations when `None`), as new
/// references (`gc.get_objects`).
pub fn objects(gen: Option<usize>) -> Vec<ObjRef> {
    with_gc(|g| {
        let lists: Vec<&ObjList> = match gen {
            Some(i) => vec![&g.lists[i]],
            None => g.lists[..NGEN].iter().collect(),
        };
        lists
            .into_iter()
            .flat_map(|l| l.iter())
            // SAFETY: list entries are live tracked objects.
            .map(|p| unsafe { ObjRef::from_raw_incref(p) })
            .collect()
    })
}

/// `gc.freeze()`: move everything into the permanent generation.
pub fn freeze() {
    with_gc(|g| {
        for gen in 0..NGEN {
            let moved = g.lists[gen].drain();
            for p in moved {
                // SAFETY: list entries are live tracked objects.
                let h = unsafe { p.as_ref() };
                h.gc.set(g.lists[PERMANENT].len() as u32);
                set_gen(h, PERMANENT);
                g.lists[PERMANENT].push(p);
            }
        }
        g.count[0] = 0;
    })
}

/// `gc.unfreeze()`: back into the oldest generation.
pub fn unfreeze() {
    with_gc(|g| {
        let moved = g.lists[PERMANENT].drain();
        for p in moved {
            // SAFETY: as above.
            let h = unsafe { p.as_ref() };
            h.gc.set(g.lists[NGEN - 1].len() as u32);
            set_gen(h, NGEN - 1);
            g.lists[NGEN - 1].push(p);
        }
    })
}

pub fn freeze_count() -> usize {
    with_gc(|g| g.lists[PERMANENT].len())
}

/// The generation an automatic collection should examine now, if any (CPython's
/// `gc_collect_generations`); also clears the pending request when there is none.
pub fn due_generation() -> Option<usize> {
    with_gc(|g| {
        if !g.enabled || g.collecting {
            return None;
        }
        for i in (0..NGEN).rev() {
            if g.count[i] > g.threshold[i] && g.threshold[i] > 0 {
                // A full collection only when enough survivors are pending, so that
                // building a big structure is not quadratic.
                if i == NGEN - 1 && g.long_lived_pending < g.long_lived_total / 4 {
                    continue;
                }
                return Some(i);
            }
        }
        None
    })
}

/// Steps 1-3 of a collection of generations `0..=gen`: the survivors move to the next
/// generation, the unreachable set is returned with a count held on each object.
/// Starts the collection (`finish` ends it).
pub fn collect_start(gen: usize) -> Garbage {
    with_gc(|g| {
        g.collecting = true;
        let gen = gen.min(NGEN - 1);
        let target = (gen + 1).min(NGEN - 1);
        // The examined set: generations 0..=gen. The young ones are copied out (they
        // are small); the oldest, in a full collection, is examined in place (a copy
        // of millions of entries would be a peak of its own).
        let full = gen == NGEN - 1;
        let mut young: Vec<NonNull<Header>> = Vec::new();
        for i in 0..=gen {
            if !(full && i == NGEN - 1) {
                young.extend(g.lists[i].drain());
            }
        }
        let old: &ObjList = &g.lists[NGEN - 1];
        let old_n = if full { old.len() } else { 0 };
        let examined = young.len() + old_n;
        let each = |f: &mut dyn FnMut(NonNull<Header>)| {
            young.iter().for_each(|p| f(*p));
            (0..old_n).for_each(|i| f(old.get(i)));
        };
        // SAFETY (whole block): every entry is a live tracked object; nothing here
        // drops an object or runs Python code, so all stay alive.
        each(&mut |p| {
            let h = unsafe { p.as_ref() };
            h.set_flag(flags::COLLECTING);
            h.gc.set(h.refcount());
        });
        each(&mut |p| subtract_from(p));
        mark_reachable_from(&each);
        let mut garbage = Vec::new();
        let mut survivors = 0usize;
        // Sort one object into the target generation; false when it leaves tracking
        // (an atomic tuple).
        let sort = |p: NonNull<Header>, garbage: &mut Vec<ObjRef>, survivors: &mut usize| -> bool {
            let h = unsafe { p.as_ref() };
            let reachable = h.has_flag(flags::REACHABLE);
            h.clear_flag(flags::COLLECTING | flags::REACHABLE);
            if reachable {
                if full && h.kind() == Kind::Dict {
                    forget_atomic_dict(p);
                }
                if h.kind() == Kind::Tuple && tuple_is_atomic(p) {
                    // CPython's `_PyTuple_MaybeUntrack`: a tuple of untracked items
                    // can never be part of a cycle.
                    h.clear_flag(flags::TRACKED);
                    return false;
                }
                *survivors += 1;
            } else {
                // SAFETY: live object; the new count is released by `finish`.
                garbage.push(unsafe { ObjRef::from_raw_incref(p) });
            }
            set_gen(h, target);
            true
        };
        if full {
            let list = &mut g.lists[NGEN - 1];
            let mut i = 0;
            while i < list.len() {
                let p = list.get(i);
                if sort(p, &mut garbage, &mut survivors) {
                    unsafe { p.as_ref() }.gc.set(i as u32);
                    i += 1;
                } else {
                    // Untracked: the last entry moves here and is sorted next.
                    list.swap_remove(i);
                }
            }
        }
        for p in young {
            if sort(p, &mut garbage, &mut survivors) {
                let list = &mut g.lists[target];
                unsafe { p.as_ref() }.gc.set(list.len() as u32);
                list.push(p);
            }
        }
        // Counts (CPython's bookkeeping).
        if gen + 1 < NGEN {
            g.count[gen + 1] += 1;
        }
        for i in 0..=gen {
            g.count[i] = 0;
        }
        if full {
            g.long_lived_pending = 0;
            g.long_lived_total = g.lists[NGEN - 1].len();
        } else if gen == NGEN - 2 {
            g.long_lived_pending += survivors;
        }
        g.stats[gen].collections += 1;
        Garbage { objs: garbage, generation: gen, examined }
    })
}

/// Step 2 for one object: what it references inside the examined set loses one.
fn subtract_from(p: NonNull<Header>) {
    // SAFETY: a live object (see collect_start).
    let o = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(p) });
    trace(&o, &mut |v| {
        if let Value::Obj(c) = v {
            let ch = c.header();
            if ch.has_flag(flags::COLLECTING) {
                ch.gc.set(ch.gc.get().saturating_sub(1));
            }
        }
    });
}

/// `aux` bit of tracked objects during step 3: the scan has passed this object.
const SCANNED: u16 = 0x8000;

/// Step 3 over the set `each` iterates: flag REACHABLE everything reachable from an
/// object with `gc > 0`.
///
/// One pass in the set's order. An object flagged reachable before the pass reaches
/// it is traced when the pass gets there; only one flagged after the pass went by
/// goes on a stack. Containers usually come before what they hold (a list is made
/// before the items appended to it), so the stack stays small where a plain
/// depth-first search would hold every object of a big list at once.
fn mark_reachable_from(each: &dyn Fn(&mut dyn FnMut(NonNull<Header>))) {
    let mut stack: Vec<NonNull<Header>> = Vec::new();
    let reach = |p: NonNull<Header>, stack: &mut Vec<NonNull<Header>>| {
        // SAFETY: live objects (see collect_start).
        let o = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(p) });
        trace(&o, &mut |v| {
            if let Value::Obj(c) = v {
                let ch = c.header();
                if ch.has_flag(flags::COLLECTING) && !ch.has_flag(flags::REACHABLE) {
                    ch.set_flag(flags::REACHABLE);
                    if ch.aux.get() & SCANNED != 0 {
                        stack.push(c.raw());
                    }
                }
            }
        });
    };
    each(&mut |p| {
        // SAFETY: live objects.
        let h = unsafe { p.as_ref() };
        h.aux.set(h.aux.get() | SCANNED);
        if h.gc.get() > 0 {
            h.set_flag(flags::REACHABLE);
        }
        if h.has_flag(flags::REACHABLE) {
            reach(p, &mut stack);
            while let Some(q) = stack.pop() {
                reach(q, &mut stack);
            }
        }
    });
    each(&mut |p| {
        // SAFETY: live objects.
        let h = unsafe { p.as_ref() };
        h.aux.set(h.aux.get() & !SCANNED);
    });
}

/// CPython's `untrack_dicts` at a full collection: a dict left with no trackable
/// item stops counting as tracked (`gc.is_tracked`).
fn forget_atomic_dict(p: NonNull<Header>) {
    // SAFETY: a live dict.
    let o = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(p) });
    if let Some(d) = o.as_dict() {
        if let Ok(mut d) = d.try_borrow_mut() {
            if d.may_track && !d.holds_trackable() {
                d.may_track = false;
            }
        }
    }
}

fn tuple_is_atomic(p: NonNull<Header>) -> bool {
    // SAFETY: a live tuple.
    let o = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(p) });
    o.as_tuple().map(|items| items.iter().all(|v| !may_be_tracked(v))).unwrap_or(false)
}

/// Marks the objects of a garbage set while the layer above works on it (weakref
/// callbacks of weakrefs that are themselves garbage are not called).
pub fn in_garbage(o: &ObjRef) -> bool {
    o.header().has_flag(flags::COLLECTING)
}

impl Garbage {
    /// Flag the set's objects (see [`in_garbage`]).
    pub fn mark(&self) {
        for o in &self.objs {
            o.header().set_flag(flags::COLLECTING);
        }
    }

    pub fn unmark(&self) {
        for o in &self.objs {
            o.header().clear_flag(flags::COLLECTING);
        }
    }

    /// After finalizers ran: keep what they resurrected, break the cycles of the rest
    /// and let them go. Returns (collected, resurrected). Ends the collection.
    pub fn finish(self, resurrect_check: bool) -> (usize, usize) {
        let Garbage { objs, generation, .. } = self;
        let mut resurrected = 0;
        let mut dead: Vec<ObjRef> = objs;
        if resurrect_check && !dead.is_empty() {
            let raw: Vec<NonNull<Header>> = dead.iter().map(|o| o.raw()).collect();
            // The `gc` words are list indices now (the objects are tracked again):
            // keep them while the words count references.
            let index: Vec<u32> = dead.iter().map(|o| o.header().gc.get()).collect();
            for o in &dead {
                let h = o.header();
                h.set_flag(flags::COLLECTING);
                // Our own count does not come from outside.
                h.gc.set(h.refcount() - 1);
            }
            raw.iter().for_each(|p| subtract_from(*p));
            mark_reachable_from(&|f: &mut dyn FnMut(NonNull<Header>)| raw.iter().for_each(|p| f(*p)));
            for (o, i) in dead.iter().zip(index) {
                o.header().gc.set(i);
            }
            let (alive, gone): (Vec<ObjRef>, Vec<ObjRef>) =
                dead.into_iter().partition(|o| o.header().has_flag(flags::REACHABLE));
            for o in alive.iter().chain(gone.iter()) {
                o.header().clear_flag(flags::COLLECTING | flags::REACHABLE);
            }
            resurrected = alive.len();
            drop(alive);
            dead = gone;
        }
        let collected = dead.len();
        for o in &dead {
            clear(o);
        }
        drop(dead);
        with_gc(|g| {
            g.stats[generation].collected += collected;
            g.collecting = false;
        });
        (collected, resurrected)
    }
}
