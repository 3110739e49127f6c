//! `str` objects: one allocation holding the header, the cached hash and the UTF-8
//! bytes inline.
//!
//! ```text
//! ASCII:      header (16) | hash (8) | bytes
//! non-ASCII:  header (16) | hash (8) | code points (8) | bytes
//! ```
//!
//! The byte length lives in the header (`gc` and `len` together, 64 bits: a str is
//! never tracked by the collector, so its `gc` word is free), the ASCII and interned
//! flags in `aux`. A six-character name is 30 bytes (a 32-byte block); CPython's is
//! 55. [`PyStr`] is the view code works with: the text, its length in code points
//! and the hash cell, made from the header when the object is looked at.
//!
//! Python indexes strings by code point. For ASCII text (the common case) the byte
//! offset is the code-point index, so indexing and slicing are O(1); other strings
//! walk the text. Identifier strings are interned (`object/intern.rs`).

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::dict::hash_str;
use crate::object::heap::{Header, Kind, ObjRef, PAYLOAD};

/// `aux` bit: the object is the interned copy of its text.
pub const INTERNED: u16 = 1;
/// `aux` bit: every byte is ASCII (code points = bytes; no count stored).
pub const ASCII: u16 = 2;

/// A view of a str object.
#[derive(Clone, Copy)]
pub struct PyStr<'a> {
    text: &'a str,
    nchars: usize,
    hash: &'a Cell<i64>,
}

fn byte_len(h: &Header) -> usize {
    ((h.len.get() as u64) << 32 | h.gc.get() as u64) as usize
}

impl<'a> PyStr<'a> {
    /// A new str object holding `s`.
    pub fn alloc(s: &str) -> ObjRef {
        let ascii = s.is_ascii();
        Self::alloc_parts(s, "", if ascii { s.len() } else { s.chars().count() })
    }

    /// `a + b` in one allocation, the code points counted from the operands'.
    pub fn concat(a: PyStr<'_>, b: PyStr<'_>) -> ObjRef {
        Self::alloc_parts(a.text, b.text, a.nchars + b.nchars)
    }

    /// A new str object holding `a` then `b`, of `nchars` code points.
    fn alloc_parts(a: &str, b: &str, nchars: usize) -> ObjRef {
        let len = a.len() + b.len();
        let ascii = nchars == len;
        let prefix = if ascii { 8 } else { 16 };
        // SAFETY: Str's payload is hash (+ count) + bytes, all written here before
        // the object is returned.
        unsafe {
            let (o, data) = ObjRef::alloc_var(Kind::Str, (), prefix + len, 8);
            (data as *mut i64).write(0);
            if !ascii {
                (data.add(8) as *mut usize).write(nchars);
            }
            std::ptr::copy_nonoverlapping(a.as_ptr(), data.add(prefix), a.len());
            std::ptr::copy_nonoverlapping(b.as_ptr(), data.add(prefix + a.len()), b.len());
            let h = o.header();
            let n = len as u64;
            h.gc.set(n as u32);
            h.len.set((n >> 32) as u32);
            if ascii {
                h.aux.set(ASCII);
            }
            o
        }
    }

    /// The view of a str object.
    ///
    /// # Safety
    /// `o` must be a str object.
    #[inline(always)]
    pub(crate) unsafe fn of(o: &'a ObjRef) -> PyStr<'a> {
        let h = o.header();
        let n = byte_len(h);
        let ascii = h.aux.get() & ASCII != 0;
        // SAFETY: the layout written by `alloc`: hash at PAYLOAD, the count after it
        // for non-ASCII text, then `n` bytes of UTF-8 that never change.
        unsafe {
            let p = (o.as_ptr() as *const u8).add(PAYLOAD);
            let hash = &*(p as *const Cell<i64>);
            let (nchars, data) = if ascii { (n, p.add(8)) } else { (*(p.add(8) as *const usize), p.add(16)) };
            let text = std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, n));
            PyStr { text, nchars, hash }
        }
    }

    /// Bytes of memory the object takes (for `sys.getsizeof`).
    pub fn size_of(&self) -> usize {
        PAYLOAD + if self.is_ascii() { 8 } else { 16 } + self.text.len()
    }

    #[inline(always)]
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Number of code points (`len()`).
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.text.len()
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.text.len()
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
        let h = hash_str(self.text);
        let h = if h == 0 { 1 } else { h };
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code-point index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.text.len())
        }
    }
}

/// The allocation's layout (for deallocation).
pub(crate) fn str_layout(o: NonNull<Header>) -> std::alloc::Layout {
    // SAFETY: the caller passes a str object; its header is initialised.
    let h = unsafe { o.as_ref() };
    let prefix = if h.aux.get() & ASCII != 0 { 8 } else { 16 };
    crate::object::heap::var_layout::<()>(prefix + byte_len(h), 8).0
}
