//! Weak references (`weakref.ref`, `weakref.proxy`).
//!
//! A weakref object holds its referent's address without a count. Which weakrefs
//! point at an object is kept in a side table keyed by the referent's address, and
//! the referent's header has the `WEAKREFS` flag, so objects that are never weakly
//! referenced pay nothing (CPython spends a `tp_weaklist` pointer in every instance).
//!
//! When the referent dies (its count reaches zero, or the collector finds it
//! unreachable) every weakref to it is cleared first, so no weakref can reach a dead
//! object; callbacks are then queued (`pending.rs`) or, in a collection, called by
//! the collector's caller for the weakrefs that are not garbage themselves. A weakref
//! that dies first unlinks itself from the table.
//!
//! The table lists an object's weakrefs as CPython's `tp_weaklist` does: the plain
//! `ref` without callback first (it is shared: `ref(o) is ref(o)`), then the plain
//! proxy, then the others, newest first; callbacks are called in that order.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::ptr::NonNull;

use crate::object::heap::{flags, Header, Kind, ObjRef};
use crate::value::Value;

pub struct WeakRef {
    referent: Cell<Option<NonNull<Header>>>,
    callback: RefCell<Value>,
    /// `hash(ref)`: the referent's hash, kept once computed.
    pub hash: Cell<Option<i64>>,
    /// A subclass of `weakref.ref`: its class (None for the built-in type).
    pub class: Option<ObjRef>,
    /// The attributes of a subclass instance (a dict object).
    pub dict: Option<ObjRef>,
    /// A proxy to a callable (`weakref.CallableProxyType`).
    pub callable_proxy: Cell<bool>,
}

thread_local! {
    // ManuallyDrop: no thread-local destructor (see heap.rs's TRASH).
    static TABLE: UnsafeCell<std::mem::ManuallyDrop<HashMap<usize, Vec<NonNull<Header>>>>> =
        UnsafeCell::new(std::mem::ManuallyDrop::new(HashMap::new()));
}

fn with_table<R>(f: impl FnOnce(&mut HashMap<usize, Vec<NonNull<Header>>>) -> R) -> R {
    // SAFETY: single-threaded; callers do not re-enter (no drops inside `f`).
    TABLE.with(|t| f(unsafe { &mut **t.get() }))
}

impl WeakRef {
    /// The referent, if it is alive (a new reference).
    pub fn get(&self) -> Option<ObjRef> {
        // SAFETY: a set referent is alive: it clears this field before it is freed.
        self.referent.get().map(|p| unsafe { ObjRef::from_raw_incref(p) })
    }

    pub fn is_dead(&self) -> bool {
        self.referent.get().is_none()
    }

    pub fn callback(&self) -> Value {
        self.callback.borrow().clone()
    }

    pub(crate) fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(c) = self.callback.try_borrow() {
            visit(&c);
        }
        if let Some(c) = &self.class {
            visit(&Value::Obj(c.clone()));
        }
        if let Some(d) = &self.dict {
            visit(&Value::Obj(d.clone()));
        }
    }

    pub(crate) fn clear_callback(&self) {
        let old = self.callback.try_borrow_mut().map(|mut c| std::mem::replace(&mut *c, Value::None));
        drop(old);
    }
}

/// Can objects of this kind be weakly referenced? (Instances also need a class
/// that allows it; the caller checks that.)
pub fn kind_weakrefable(k: Kind) -> bool {
    matches!(
        k,
        Kind::Instance
            | Kind::Function
            | Kind::Class
            | Kind::Module
            | Kind::Generator
            | Kind::Code
            | Kind::Set
            | Kind::FrozenSet
            | Kind::BoundMethod
            | Kind::WeakProxy
            | Kind::Property
            | Kind::Native
            | Kind::Exception
            | Kind::Frame
            | Kind::AsyncGen
            | Kind::Iter
    ) && k != Kind::WeakRef
}

/// A new weakref (`proxy` selects the kind) to `referent`. A plain one without
/// callback is shared (CPython reuses it too).
pub fn new_weakref(referent: &ObjRef, callback: Value, proxy: bool, class: Option<ObjRef>, dict: Option<ObjRef>) -> ObjRef {
    let kind = if proxy { Kind::WeakProxy } else { Kind::WeakRef };
    let plain = callback.is_none() && class.is_none();
    if plain {
        let existing = with_table(|t| {
            t.get(&referent.addr()).and_then(|list| {
                list.iter().copied().find(|p| {
                    // SAFETY: listed weakrefs are alive (they unlink when freed).
                    let w = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(*p) });
                    w.kind() == kind && plain_ref(&w)
                })
            })
        });
        if let Some(p) = existing {
            // SAFETY: alive, as above.
            return unsafe { ObjRef::from_raw_incref(p) };
        }
    }
    let w = WeakRef {
        referent: Cell::new(Some(referent.raw())),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        class,
        dict,
        callable_proxy: Cell::new(false),
    };
    let o = crate::object::kinds::new_obj(kind, w);
    referent.header().set_flag(flags::WEAKREFS);
    let p = o.raw();
    // Reading the list's entries below drops nothing, so the table borrow is safe.
    let is_plain_of = |q: &NonNull<Header>, k: Kind| {
        // SAFETY: listed weakrefs are alive (they unlink when freed).
        let w = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(*q) });
        w.kind() == k && plain_ref(&w)
    };
    with_table(|t| {
        let list = t.entry(referent.addr()).or_default();
        let has_ref = list.first().map(|q| is_plain_of(q, Kind::WeakRef)).unwrap_or(false);
        let has_proxy = list.get(has_ref as usize).map(|q| is_plain_of(q, Kind::WeakProxy)).unwrap_or(false);
        let at = match (plain, kind) {
            (true, Kind::WeakRef) => 0,
            (true, _) => has_ref as usize,
            _ => has_ref as usize + has_proxy as usize,
        };
        list.insert(at, p);
    });
    o
}

fn plain_ref(w: &ObjRef) -> bool {
    match w.view() {
        crate::object::Obj::WeakRef(r) | crate::object::Obj::WeakProxy(r) => r.class.is_none() && r.callback.borrow().is_none(),
        _ => false,
    }
}

fn payload(p: NonNull<Header>) -> &'static WeakRef {
    // SAFETY: callers pass live weakref objects; the reference is used only while the
    // object is alive (within the calling function).
    unsafe { &*((p.as_ptr() as *const u8).add(crate::object::heap::PAYLOAD) as *const WeakRef) }
}

/// The referent died: clear its weakrefs and queue their callbacks.
pub(crate) fn clear_weakrefs(h: &Header) {
    h.clear_flag(flags::WEAKREFS);
    let list = with_table(|t| t.remove(&(h as *const Header as usize))).unwrap_or_default();
    let mut calls = Vec::new();
    for p in list {
        let w = payload(p);
        w.referent.set(None);
        // A dead weakref forgets its callback (CPython clears `__callback__`).
        let cb = std::mem::replace(&mut *w.callback.borrow_mut(), Value::None);
        if !cb.is_none() {
            // SAFETY: the weakref is alive (listed); the new count goes to the queue.
            calls.push((unsafe { ObjRef::from_raw_incref(p) }, cb));
        }
    }
    for (w, cb) in calls {
        crate::object::pending::queue_callback(w, cb);
    }
}

/// Collector version: clear the weakrefs of garbage object `o` and return the
/// callbacks to call (those of weakrefs that are not garbage themselves).
pub fn clear_for_gc(o: &ObjRef) -> Vec<(ObjRef, Value)> {
    let h = o.header();
    if !h.has_flag(flags::WEAKREFS) {
        return Vec::new();
    }
    h.clear_flag(flags::WEAKREFS);
    let list = with_table(|t| t.remove(&o.addr())).unwrap_or_default();
    let mut calls = Vec::new();
    for p in list {
        let w = payload(p);
        w.referent.set(None);
        // SAFETY: listed weakrefs are alive.
        let wo = unsafe { ObjRef::from_raw_incref(p) };
        let cb = std::mem::replace(&mut *w.callback.borrow_mut(), Value::None);
        if crate::object::gc::in_garbage(&wo) {
            continue;
        }
        if !cb.is_none() {
            calls.push((wo, cb));
        }
    }
    calls
}

/// A weakref object is being freed: take it out of its referent's list.
pub(crate) fn unlink(p: NonNull<Header>) {
    let w = payload(p);
    let Some(r) = w.referent.get() else { return };
    with_table(|t| {
        let key = r.as_ptr() as usize;
        if let Some(list) = t.get_mut(&key) {
            list.retain(|q| *q != p);
            if list.is_empty() {
                t.remove(&key);
                // SAFETY: the referent is alive (its weakrefs were not cleared).
                unsafe { r.as_ref() }.clear_flag(flags::WEAKREFS);
            }
        }
    });
}

/// `weakref.getweakrefs(o)`: new references to o's weakrefs.
pub fn weakrefs_of(o: &ObjRef) -> Vec<ObjRef> {
    if !o.header().has_flag(flags::WEAKREFS) {
        return Vec::new();
    }
    with_table(|t| {
        t.get(&o.addr())
            .map(|l| {
                // SAFETY: listed weakrefs are alive.
                l.iter().map(|p| unsafe { ObjRef::from_raw_incref(*p) }).collect()
            })
            .unwrap_or_default()
    })
}
