//! Interned strings: one str object per identifier.
//!
//! The names a code object uses (`co_names`, `co_varnames`, identifier-like
//! constants) are interned when the code object is made, so every `x.name` in a
//! program refers to the same str object, whose hash is computed once and cached in
//! it. A namespace that was filled through such names holds the same objects as its
//! keys, so a lookup finds its key by address before it compares any bytes
//! (`Dict::find_str`). Interned strings live as long as the interpreter.

use std::cell::UnsafeCell;

use hashbrown::HashTable;

use crate::object::heap::ObjRef;
use crate::object::str::INTERNED;
use crate::object::PyStr;

thread_local! {
    // ManuallyDrop: no thread-local destructor (see heap.rs's TRASH).
    static TABLE: UnsafeCell<std::mem::ManuallyDrop<HashTable<ObjRef>>> =
        UnsafeCell::new(std::mem::ManuallyDrop::new(HashTable::new()));
}

/// The interned str object for `s`.
pub fn intern(s: &str) -> ObjRef {
    let hash = crate::object::dict::hash_str(s);
    let h = if hash == 0 { 1 } else { hash };
    // SAFETY: single-threaded; nothing inside drops an object or re-enters.
    TABLE.with(|t| {
        let t = unsafe { &mut **t.get() };
        if let Some(o) = t.find(h as u64, |o| o.as_str() == Some(s)) {
            return o.clone();
        }
        let o = PyStr::alloc(s);
        o.header().aux.set(o.header().aux.get() | INTERNED);
        t.insert_unique(h as u64, o.clone(), |o| o.as_pystr().map(|p| p.hash()).unwrap_or(0) as u64);
        o
    })
}

/// Is `o` an interned str?
#[inline]
pub fn is_interned(o: &ObjRef) -> bool {
    o.header().aux.get() & INTERNED != 0 && o.as_pystr().is_some()
}

/// Would CPython intern this constant? (All characters are ASCII letters, digits or
/// underscores.)
pub fn looks_like_name(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
