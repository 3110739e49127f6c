//! `str` storage: UTF-8 text with a cached hash and code-point count.
//!
//! Python indexes strings by code point. For ASCII text (the common case) the byte
//! offset is the code-point index, so indexing and slicing are O(1); other strings
//! walk the text.

use std::cell::Cell;

use crate::object::dict::hash_str;

pub struct PyStr {
    s: Box<str>,
    hash: Cell<i64>,
    chars: usize,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), hash: Cell::new(0), chars }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Number of code points (`len()`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = hash_str(&self.s);
        let h = if h == 0 { 1 } else { h };
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code-point index `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
}
