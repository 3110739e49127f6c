//! Shapes: the key layouts instances of a class share (CPython 3.11's split keys,
//! V8's hidden classes, PyPy's maps).
//!
//! An instance keeps its attribute values in an inline array; its shape says which
//! name sits at which index. Every class owns a tree of shapes: the root holds the
//! fixed part (a built-in base value, the `__slots__`), and adding attribute `n` to
//! an instance of shape `s` moves it to the child `s + n`, made once and shared by
//! every instance that got the same attributes in the same order. A shape has a
//! stable `id` (drawn from one counter), so an inline cache can recognise a layout
//! with one compare and read the value at a known index.
//!
//! When the layout stops fitting — more attributes than the instance has room for,
//! a deletion that is not the last attribute added, `obj.__dict__` asked for, more
//! than [`MAX_SHAPES`] shapes in one class — the instance moves to its class's
//! *dict shape*: the fixed part stays inline and a real dict (at index `nfixed`)
//! holds the attributes from then on.

use std::cell::{Cell, RefCell};

use crate::object::ObjRef;

/// Most attributes kept in inline values (CPython: `SHARED_KEYS_MAX_SIZE`).
pub const MAX_ATTRS: usize = 30;
/// Most shapes one class grows before new layouts go to dict mode.
pub const MAX_SHAPES: u32 = 1 << SHAPE_BITS;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|c| {
        let v = c.get();
        c.set(v.wrapping_add(1).max(1));
        v
    })
}

pub struct Shape {
    /// Stable identity (what inline caches compare).
    pub id: u32,
    /// Index in its class's tree (what an instance's header records).
    pub index: u16,
    /// The names in index order (str objects) and their hashes.
    keys: Box<[ObjRef]>,
    hashes: Box<[i64]>,
    /// The dict shape of the class: attributes live in the dict at `nfixed`.
    pub dict_mode: bool,
    parent: *const Shape,
    children: RefCell<Vec<(i64, ObjRef, Box<Shape>)>>,
}

impl Shape {
    fn new(keys: Box<[ObjRef]>, dict_mode: bool, parent: *const Shape, index: u16) -> Shape {
        let hashes = keys.iter().map(|k| k.as_pystr().map(|s| s.hash()).unwrap_or(0)).collect();
        Shape { id: next_id(), index, keys, hashes, dict_mode, parent, children: RefCell::new(Vec::new()) }
    }

    /// Number of names (fixed part included).
    #[inline]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The names in index order.
    pub fn keys(&self) -> &[ObjRef] {
        &self.keys
    }

    /// Index of `name` (whose hash is `hash`).
    #[inline]
    pub fn index_of(&self, name: &str, hash: i64) -> Option<usize> {
        for (i, h) in self.hashes.iter().enumerate() {
            if *h == hash && self.keys[i].as_pystr().map(|s| s.as_str() == name).unwrap_or(false) {
                return Some(i);
            }
        }
        None
    }

    /// The shape one attribute shorter (None at a root).
    pub fn parent(&self) -> Option<&Shape> {
        // SAFETY: a parent owns its children, so it outlives them.
        (!self.parent.is_null()).then(|| unsafe { &*self.parent })
    }

    /// The shape with `name` added (made on first use; `None` when the class has too
    /// many shapes already).
    pub fn child(&self, name: &ObjRef, hash: i64, tree: &ShapeTree) -> Option<&Shape> {
        let key_str = name.as_pystr()?.as_str();
        {
            let kids = self.children.borrow();
            for (h, k, s) in kids.iter() {
                if *h == hash && k.as_str() == Some(key_str) {
                    let p: *const Shape = &**s;
                    // SAFETY: children are boxed and never removed while the tree lives,
                    // so the shape outlives this borrow of `self`.
                    return Some(unsafe { &*p });
                }
            }
        }
        let index = tree.all.borrow().len();
        if index >= MAX_SHAPES as usize {
            return None;
        }
        let mut keys = self.keys.to_vec();
        keys.push(name.clone());
        let child = Box::new(Shape::new(keys.into_boxed_slice(), false, self, index as u16));
        let p: *const Shape = &*child;
        tree.all.borrow_mut().push(p);
        self.children.borrow_mut().push((hash, name.clone(), child));
        // SAFETY: as above: boxed, owned by this shape for the tree's life.
        Some(unsafe { &*p })
    }
}

/// The shapes of one class.
pub struct ShapeTree {
    pub root: Box<Shape>,
    pub dict_shape: Box<Shape>,
    /// Inline slots before the attributes: the built-in base value (when the class
    /// derives from a built-in type) and the `__slots__`.
    pub nfixed: usize,
    /// Index of the built-in base value, if any (always 0).
    pub has_base: bool,
    /// Instances may get attributes beyond the fixed part (a `__dict__`).
    pub allows_dict: bool,
    /// Most attributes an instance of the class has had: new instances get room for
    /// that many inline.
    pub hint: Cell<usize>,
    /// Every shape of the tree by index (0: the root, 1: the dict shape).
    all: RefCell<Vec<*const Shape>>,
    /// Inline capacities by layout epoch: instances record the epoch they were made
    /// in (`instance.rs`); the capacity grows with `hint`, at most 31 times.
    capacities: RefCell<Vec<usize>>,
}

/// Bits of an instance header's `aux`: shape index, then layout epoch.
pub const SHAPE_BITS: u16 = 9;
pub const EPOCH_MASK: u16 = 0x1f;

impl ShapeTree {
    /// A tree whose fixed part is `fixed` (names; the base value's placeholder
    /// first when `has_base`).
    pub fn new(fixed: Vec<ObjRef>, has_base: bool, allows_dict: bool) -> ShapeTree {
        let nfixed = fixed.len();
        let root = Box::new(Shape::new(fixed.clone().into_boxed_slice(), false, std::ptr::null(), 0));
        let dict_shape = Box::new(Shape::new(fixed.into_boxed_slice(), true, std::ptr::null(), 1));
        let all = RefCell::new(vec![&*root as *const Shape, &*dict_shape as *const Shape]);
        ShapeTree { root, dict_shape, nfixed, has_base, allows_dict, hint: Cell::new(0), all, capacities: RefCell::new(Vec::new()) }
    }

    /// The layout epoch and inline capacity for a new instance.
    pub fn layout_now(&self) -> (u16, usize) {
        let k = self.inline_capacity();
        let mut caps = self.capacities.borrow_mut();
        match caps.iter().position(|&c| c == k) {
            Some(e) => (e as u16, k),
            // Capacities only grow, one value per hint (at most MAX_ATTRS + 1 of them).
            None if caps.len() <= EPOCH_MASK as usize => {
                caps.push(k);
                ((caps.len() - 1) as u16, k)
            }
            None => {
                let e = caps.len() - 1;
                (e as u16, caps[e])
            }
        }
    }

    /// The inline capacity of instances of layout epoch `e`.
    #[inline]
    pub fn capacity(&self, e: u16) -> usize {
        self.capacities.borrow().get(e as usize).copied().unwrap_or(0)
    }

    /// The shape with index `i`.
    #[inline]
    pub fn shape(&self, i: u16) -> &Shape {
        let p = self.all.borrow().get(i as usize).copied().unwrap_or(&*self.root as *const Shape);
        // SAFETY: every listed shape is owned (boxed) by this tree, which outlives the
        // reference.
        unsafe { &*p }
    }

    /// Inline room for a new instance.
    pub fn inline_capacity(&self) -> usize {
        if self.allows_dict {
            // At least one: dict mode keeps the dict at index `nfixed`.
            self.nfixed + self.hint.get().clamp(1, MAX_ATTRS)
        } else {
            self.nfixed
        }
    }

    /// Note that an instance reached `nattrs` attributes.
    #[inline]
    pub fn note(&self, nattrs: usize) {
        if nattrs > self.hint.get() {
            self.hint.set(nattrs.min(MAX_ATTRS));
        }
    }
}
