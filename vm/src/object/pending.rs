//! Work that needs the interpreter but arises where there is none: finalizers of
//! objects whose count reached zero, weakref callbacks, and collection requests.
//!
//! A count reaches zero inside `Drop`, which has no access to the interpreter, so
//! `__del__` cannot run there. Instead the object is kept alive (its count handed to
//! this queue) and [`BREAKER`] is raised; the interpreter checks it at its safe
//! points — every call, every backward jump, every frame entry — and runs the queue
//! (`Vm::run_pending`). CPython runs `__del__` at the `Py_DECREF` itself; here it runs
//! at the next call or loop edge, which is before any output the program makes next,
//! so the observable order is the same for code that prints or returns.

use std::cell::{Cell, UnsafeCell};
use std::collections::VecDeque;

use crate::object::heap::{flags, Header, Kind, ObjRef};
use crate::value::Value;

/// One piece of pending work.
pub enum Pending {
    /// Run the finalizer of this object (its count is held here).
    Finalize(ObjRef),
    /// Call `callback(weakref)`.
    Callback { weakref: ObjRef, callback: Value },
}

struct Queue {
    /// Never dropped by a thread-local destructor (see heap.rs's TRASH): the VM runs
    /// the queue before it exits.
    items: UnsafeCell<std::mem::ManuallyDrop<VecDeque<Pending>>>,
    gc_requested: Cell<bool>,
}

thread_local! {
    static QUEUE: Queue = const { Queue { items: UnsafeCell::new(std::mem::ManuallyDrop::new(VecDeque::new())), gc_requested: Cell::new(false) } };
    /// Raised when there is pending work; the interpreter's safe points test it.
    pub static BREAKER: Cell<bool> = const { Cell::new(false) };
}

/// Is there pending work? (One thread-local load.)
#[inline(always)]
pub fn breaker() -> bool {
    BREAKER.with(|b| b.get())
}

fn raise() {
    BREAKER.with(|b| b.set(true));
}

/// Should an object whose count reached zero be finalized first?
#[inline(always)]
pub(crate) fn wants_finalizer(h: &Header) -> bool {
    match h.kind() {
        Kind::Instance => !h.has_flag(flags::FINALIZED) && instance_has_del(h),
        Kind::Generator | Kind::AsyncGen => !h.has_flag(flags::FINALIZED) && foreign_needs_finalizer(h),
        _ => false,
    }
}

fn instance_has_del(h: &Header) -> bool {
    // SAFETY: `h` is a live instance (count just reached zero, not freed); the
    // temporary reference is forgotten, not dropped.
    let o = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(std::ptr::NonNull::from(h)) });
    o.as_instance().and_then(|i| i.class.as_class().map(|c| c.has_del.get())).unwrap_or(false)
}

fn foreign_needs_finalizer(h: &Header) -> bool {
    // SAFETY: a live foreign object (the caller checked the kind).
    unsafe { (crate::object::heap::foreign_ops(h).needs_finalizer)(std::ptr::NonNull::from(h)) }
}

pub(crate) fn queue_finalizer(o: ObjRef) {
    o.header().set_flag(flags::QUEUED);
    push(Pending::Finalize(o));
}

pub(crate) fn queue_callback(weakref: ObjRef, callback: Value) {
    push(Pending::Callback { weakref, callback });
}

fn push(p: Pending) {
    // SAFETY: single-threaded, and no reference into the queue outlives a call here.
    QUEUE.with(|q| unsafe { (*q.items.get()).push_back(p) });
    raise();
}

/// The oldest pending item.
pub fn pop() -> Option<Pending> {
    // SAFETY: as in `push`.
    let item = QUEUE.with(|q| unsafe { (*q.items.get()).pop_front() });
    if let Some(Pending::Finalize(o)) = &item {
        o.header().clear_flag(flags::QUEUED);
    }
    item
}

/// A collection is due (set by the allocator when generation 0 passes its threshold).
pub(crate) fn request_gc() {
    QUEUE.with(|q| q.gc_requested.set(true));
    raise();
}

/// Take the collection request.
pub fn take_gc_request() -> bool {
    QUEUE.with(|q| q.gc_requested.replace(false))
}

/// Lower the breaker once the queue is empty and no collection is requested.
pub fn settle() {
    // SAFETY: as in `push`.
    let idle = QUEUE.with(|q| unsafe { (*q.items.get()).is_empty() } && !q.gc_requested.get());
    if idle {
        BREAKER.with(|b| b.set(false));
    }
}
