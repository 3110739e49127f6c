//! The class table: every class that has instances gets a 32-bit index, which
//! instances keep in their header instead of an 8-byte class pointer in their
//! payload (`instance.rs`). An instance owns one count of its class, as a pointer
//! would; the table's entry itself owns none. A class gives its index back when it
//! is freed, and the index is reused.
//!
//! The table is a list of fixed-size chunks, so an entry never moves and a
//! reference to it stays valid while its class lives.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use crate::object::heap::{Header, ObjRef};

const CHUNK: usize = 1024;

type Slot = ManuallyDrop<ObjRef>;

struct Table {
    chunks: Vec<Box<[Slot; CHUNK]>>,
    len: usize,
    free: Vec<u32>,
}

thread_local! {
    // ManuallyDrop: no thread-local destructor (see heap.rs's TRASH).
    static TABLE: UnsafeCell<ManuallyDrop<Table>> =
        const { UnsafeCell::new(ManuallyDrop::new(Table { chunks: Vec::new(), len: 0, free: Vec::new() })) };
}

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    // SAFETY: single-threaded; nothing inside `f` drops an object or re-enters.
    TABLE.with(|t| f(unsafe { &mut **t.get() }))
}

fn placeholder() -> Slot {
    // SAFETY: a free slot is never read as a class (indices are handed out only for
    // live classes); the dangling pointer is never dereferenced or dropped.
    ManuallyDrop::new(unsafe { ObjRef::from_raw(NonNull::<Header>::dangling()) })
}

/// The index of class `cls` (given on first use; `index` is the class's own cell).
pub(crate) fn index_of(cls: &ObjRef, index: &Cell<u32>) -> u32 {
    let i = index.get();
    if i != 0 {
        return i;
    }
    let i = with_table(|t| {
        // SAFETY: the entry does not own a count (ManuallyDrop); it is cleared
        // before the class is freed (`release`).
        let entry = ManuallyDrop::new(unsafe { ObjRef::from_raw(cls.raw()) });
        if let Some(i) = t.free.pop() {
            t.chunks[i as usize / CHUNK][i as usize % CHUNK] = entry;
            return i;
        }
        if t.len == 0 {
            // Index 0 means "none": never handed out.
            t.chunks.push(Box::new(std::array::from_fn(|_| placeholder())));
            t.len = 1;
        }
        if t.len == t.chunks.len() * CHUNK {
            t.chunks.push(Box::new(std::array::from_fn(|_| placeholder())));
        }
        let i = t.len;
        t.len += 1;
        t.chunks[i / CHUNK][i % CHUNK] = entry;
        i as u32
    });
    index.set(i);
    i
}

/// The class with index `i`.
///
/// # Safety
/// `i` must be the index of a live class; the reference is valid while it lives.
#[inline(always)]
pub(crate) unsafe fn class_at<'a>(i: u32) -> &'a ObjRef {
    // SAFETY: chunks never move or shrink while the table lives; the caller
    // guarantees the entry holds a live class.
    TABLE.with(|t| unsafe {
        let t = &**t.get();
        let slot: *const Slot = &t.chunks[i as usize / CHUNK][i as usize % CHUNK];
        &**slot
    })
}

/// A class with index `i` is being freed: the index becomes free.
pub(crate) fn release(i: u32) {
    if i == 0 {
        return;
    }
    with_table(|t| {
        t.chunks[i as usize / CHUNK][i as usize % CHUNK] = placeholder();
        t.free.push(i);
    });
}
