//! The class table: every class that has instances gets a 32-bit index, which
//! instances keep in their header instead of an 8-byte class pointer in their
//! payload (`instance.rs`). An instance owns one count of its class, as a pointer
//! would; the table's entry itself owns none. A class gives its index back when it
//! is freed, and the index is reused.
//!
//! The table is a list of fixed-size chunks, so an entry never moves and a
//! reference to it stays valid while its class lives.
//!
//! Each entry also holds the class's **version tag** (CPython's `tp_version_tag`):
//! a number that inline caches (`interp/specialize.rs`) record with what they found
//! by looking the class up. Any change to the class or to one of its bases sets the
//! tag of the class and of all its subclasses to 0 ([`type_modified`]); a cache that
//! compares tags then misses, and the next specialisation draws a fresh tag from a
//! global counter. An index given back when its class dies has its tag cleared too,
//! so a cache naming a dead class can never match the class that reuses the index.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use crate::object::heap::{Header, ObjRef};

const CHUNK: usize = 1024;

struct Slot {
    class: ManuallyDrop<ObjRef>,
    /// The version tag; 0: none (the class changed since a cache last looked).
    version: Cell<u32>,
    /// The construction cache (CPython 3.12's `_spec_cache.init`): the tag under
    /// which `init` was found, and `init`, the class's plain Python `__init__` when
    /// calling the class is `__init__` on a fresh plain instance (see
    /// [`init_cached`]). Not counted: valid only while the tag is unchanged, as the
    /// class's MRO dicts then still hold it.
    init_version: Cell<u32>,
    init: Cell<*const Header>,
}

struct Table {
    chunks: Vec<Box<[Slot; CHUNK]>>,
    len: usize,
    free: Vec<u32>,
    /// The next version tag to hand out (0 once the u32 range is used up: no more
    /// specialisation on class lookups, as CPython when its tags run out).
    next_version: u32,
}

thread_local! {
    // ManuallyDrop: no thread-local destructor (see heap.rs's TRASH).
    static TABLE: UnsafeCell<ManuallyDrop<Table>> = const {
        UnsafeCell::new(ManuallyDrop::new(Table { chunks: Vec::new(), len: 0, free: Vec::new(), next_version: 1 }))
    };
}

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    // SAFETY: single-threaded; nothing inside `f` drops an object or re-enters.
    TABLE.with(|t| f(unsafe { &mut **t.get() }))
}

fn placeholder() -> Slot {
    // SAFETY: a free slot is never read as a class (indices are handed out only for
    // live classes); the dangling pointer is never dereferenced or dropped.
    Slot {
        class: ManuallyDrop::new(unsafe { ObjRef::from_raw(NonNull::<Header>::dangling()) }),
        version: Cell::new(0),
        init_version: Cell::new(0),
        init: Cell::new(std::ptr::null()),
    }
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
        let entry = Slot {
            class: ManuallyDrop::new(unsafe { ObjRef::from_raw(cls.raw()) }),
            version: Cell::new(0),
            init_version: Cell::new(0),
            init: Cell::new(std::ptr::null()),
        };
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
        let slot: *const Slot = t.chunks.get_unchecked(i as usize / CHUNK).as_ptr().add(i as usize % CHUNK);
        &*(*slot).class
    })
}

/// The version tag of the class with index `i` (0: none). `i` must have been
/// handed out (its class may have died since: then the tag is 0 or a newer class's).
#[inline(always)]
pub(crate) fn version_at(i: u32) -> u32 {
    // SAFETY: single-threaded read of a slot that exists (indices below `len` are
    // never removed); no reference escapes.
    TABLE.with(|t| unsafe {
        let t = &**t.get();
        match t.chunks.get(i as usize / CHUNK) {
            Some(c) => c[i as usize % CHUNK].version.get(),
            None => 0,
        }
    })
}

/// The `__init__` recorded by [`set_init_cache`] for the class with index `i`, if
/// its version tag has not changed since (a changed class has tag 0, which no
/// record carries). The pointer is valid while that class lives unchanged.
#[inline(always)]
pub(crate) fn init_cached(i: u32) -> Option<NonNull<Header>> {
    // SAFETY: single-threaded read of a slot that exists (indices below `len` are
    // never removed); no reference escapes.
    TABLE.with(|t| unsafe {
        let t = &**t.get();
        let slot = &t.chunks.get(i as usize / CHUNK)?[i as usize % CHUNK];
        let v = slot.version.get();
        if v != 0 && v == slot.init_version.get() {
            NonNull::new(slot.init.get() as *mut Header)
        } else {
            None
        }
    })
}

/// Record `init` as the construction `__init__` of the class with index `i` under
/// version tag `version` (from [`versioned`]).
pub(crate) fn set_init_cache(i: u32, version: u32, init: *const Header) {
    with_table(|t| {
        let slot = &t.chunks[i as usize / CHUNK][i as usize % CHUNK];
        slot.init_version.set(version);
        slot.init.set(init);
    });
}

/// The class's index and a valid version tag for it (a fresh one when it has
/// none); `None` when tags have run out.
pub(crate) fn versioned(cls: &ObjRef, index: &Cell<u32>) -> Option<(u32, u32)> {
    let i = index_of(cls, index);
    with_table(|t| {
        let slot = &t.chunks[i as usize / CHUNK][i as usize % CHUNK];
        if slot.version.get() == 0 {
            if t.next_version == 0 {
                return None;
            }
            slot.version.set(t.next_version);
            t.next_version = t.next_version.wrapping_add(1);
        }
        Some((i, slot.version.get()))
    })
}

/// Forget the version tag of the class with index `i` (a class that changed); 0 is
/// no class.
pub(crate) fn clear_version(i: u32) {
    if i == 0 {
        return;
    }
    with_table(|t| t.chunks[i as usize / CHUNK][i as usize % CHUNK].version.set(0));
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
