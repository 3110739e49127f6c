//! `str` objects: one allocation holding the header, a 24-byte prefix (cached hash,
//! code-point count, byte length) and the UTF-8 bytes inline.
//!
//! Python indexes strings by code point. For ASCII text (the common case) the byte
//! offset is the code-point index, so indexing and slicing are O(1); other strings
//! walk the text. Identifier strings are interned (`object/intern.rs`): one object per
//! name, so a namespace lookup compares addresses before it compares bytes.

use std::cell::Cell;

use crate::object::dict::hash_str;
use crate::object::heap::{Kind, ObjRef, PAYLOAD};

#[repr(C)]
struct StrPrefix {
    hash: Cell<i64>,
    nchars: usize,
    nbytes: usize,
}

/// A str payload (a dynamically sized type: the prefix and the bytes).
#[repr(C)]
pub struct PyStr {
    hash: Cell<i64>,
    nchars: usize,
    nbytes: usize,
    data: [u8],
}

/// `aux` bit: the object is the interned copy of its text.
pub const INTERNED: u16 = 1;

impl PyStr {
    /// A new str object holding `s`.
    pub fn alloc(s: &str) -> ObjRef {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        let prefix = StrPrefix { hash: Cell::new(0), nchars, nbytes: s.len() };
        // SAFETY: Str's payload is StrPrefix + bytes; the bytes are written before
        // the object is returned.
        unsafe {
            let (o, data) = ObjRef::alloc_var(Kind::Str, prefix, s.len(), 1);
            std::ptr::copy_nonoverlapping(s.as_ptr(), data, s.len());
            o
        }
    }

    /// The payload of a str object.
    ///
    /// # Safety
    /// `o` must be a str object.
    #[inline(always)]
    pub(crate) unsafe fn of(o: &ObjRef) -> &PyStr {
        // SAFETY: the prefix sits at PAYLOAD; the fat pointer spans prefix and bytes
        // (the layout from `alloc_var` with byte alignment puts the bytes right after
        // the prefix, as in this repr(C) struct).
        unsafe {
            let p = (o.as_ptr() as *const u8).add(PAYLOAD);
            let n = (*(p as *const StrPrefix)).nbytes;
            &*(std::ptr::slice_from_raw_parts(p, n) as *const PyStr)
        }
    }

    /// Bytes of memory the object takes (for `sys.getsizeof`).
    pub fn size_of(&self) -> usize {
        PAYLOAD + std::mem::size_of::<StrPrefix>() + self.nbytes
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: the bytes were copied from a &str and never change.
        unsafe { std::str::from_utf8_unchecked(&self.data) }
    }

    /// Number of code points (`len()`).
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.nbytes
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.nbytes
    }

    /// The cached hash (computed on first use).
    #[inline(always)]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        self.hash_slow()
    }

    #[cold]
    fn hash_slow(&self) -> i64 {
        let h = hash_str(self.as_str());
        let h = if h == 0 { 1 } else { h };
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.data.get(i).map(|&b| b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }

    /// Byte offset of code-point index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.nbytes)
        } else {
            self.as_str().char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.nbytes)
        }
    }
}

/// The layout size of a str payload with `nbytes` bytes (for deallocation).
pub(crate) fn str_layout(o: std::ptr::NonNull<crate::object::heap::Header>) -> std::alloc::Layout {
    // SAFETY: the caller passes a str object; its prefix is initialised.
    let n = unsafe { (*((o.as_ptr() as *const u8).add(PAYLOAD) as *const StrPrefix)).nbytes };
    crate::object::heap::var_layout::<StrPrefix>(n, 1).0
}
