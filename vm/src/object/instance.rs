//! Instances of user classes: one allocation holding the class, the shape and the
//! attribute values inline.
//!
//! ```text
//! header (16) | values[K] (16 each)
//! ```
//!
//! The header's `len` holds the class's index in the class table (`classes.rs`; the
//! instance owns a count of its class), `aux` the index of the instance's shape in
//! its class's tree and the layout epoch, which gives the number of inline values
//! `K`. `K` is fixed when the instance is made, from its class's
//! shape tree (`shape.rs`): the fixed part (a built-in base value for subclasses of
//! built-in types, then the `__slots__`), then room for as many attributes as the
//! class's instances have had so far. The shape says which name is at which index;
//! an unset slot or deleted attribute is `Null`. When an instance needs more room
//! than it has, or its layout leaves the shared tree (see `shape.rs`), it switches
//! to dict mode: the dict object sits at index `nfixed` and holds the attributes.
//! The values never move, so the base value can be borrowed for as long as the
//! instance lives.
//!
//! An empty instance is 32 bytes; one with two attributes (or two slots), after the
//! first instance of its class taught the class its size, 48 (CPython 3.11: 48 plus
//! a 30-slot values array, 72 with `__slots__`). [`Instance`] is the view code
//! works with: the object and its class.

use std::cell::{RefCell, UnsafeCell};

use crate::object::heap::{Kind, ObjRef, PAYLOAD};
use crate::object::shape::{Shape, ShapeTree, EPOCH_MASK, MAX_ATTRS, MAX_SHAPES, SHAPE_BITS};
use crate::object::{Class, Dict, NewObj};
use crate::value::Value;

/// A view of an instance.
#[derive(Clone, Copy)]
pub struct Instance<'a> {
    obj: &'a ObjRef,
    pub class: &'a ObjRef,
}

/// The name of the base-value placeholder in a shape (never an identifier).
const BASE_KEY: &str = "\0base";

impl Class {
    /// The class's shape tree (made on first use, once the MRO is known).
    pub fn shapes(&self) -> &ShapeTree {
        self.shapes.get_or_init(|| {
            let mut fixed = Vec::new();
            // Subclasses of built-in types wrap a value of that type (native classes of
            // the `Other` layout, such as `SimpleNamespace`, have none).
            let has_base = match self.layout {
                crate::object::Layout::Object => false,
                crate::object::Layout::Other => self.heap,
                _ => true,
            };
            if has_base {
                fixed.push(crate::object::PyStr::alloc(BASE_KEY));
            }
            // Slots of bases first (the MRO reversed), as `slot_index` numbers them.
            let mro = self.mro.borrow();
            for k in mro.iter().rev() {
                let Some(kc) = k.as_class() else { continue };
                if let Some(slots) = &kc.slots {
                    for s in slots.iter().filter(|s| &***s != "__dict__" && &***s != "__weakref__") {
                        fixed.push(crate::object::PyStr::alloc(s));
                    }
                }
            }
            // `object` itself declares empty slots (`object().x = 1` fails).
            let allows_dict = self.slots.is_none()
                || self.slots.as_ref().map(|s| s.iter().any(|n| &**n == "__dict__")).unwrap_or(false)
                || mro.iter().any(|k| k.as_class().map(|kc| kc.heap && kc.slots.is_none()).unwrap_or(false));
            ShapeTree::new(fixed, has_base, allows_dict)
        })
    }
}

/// A new instance of `cls` (a class with a shape tree); `base` is the built-in value
/// a subclass of a built-in type wraps (`Null` otherwise).
pub fn new_instance(cls: &ObjRef, base: Value) -> ObjRef {
    let c = cls.as_class().expect("new_instance needs a class");
    let tree = c.shapes();
    let (epoch, k) = tree.layout_now();
    let index = crate::object::classes::index_of(cls, &c.index);
    // SAFETY: Instance's payload is K values, all written below before the object is
    // tracked or used; the count of the class taken here is released by
    // `drop_payload`.
    unsafe {
        let (o, data) = ObjRef::alloc_var(Kind::Instance, (), k * std::mem::size_of::<Value>(), 8);
        let vals = data as *mut Value;
        for i in 0..k {
            vals.add(i).write(Value::Null);
        }
        if tree.has_base && k > 0 {
            *vals = base;
        }
        std::mem::forget(cls.clone());
        let h = o.header();
        h.len.set(index);
        h.aux.set(epoch << SHAPE_BITS);
        crate::object::gc::track_new(&o);
        o
    }
}

/// A new instance of `cls` with the attributes of `attrs`.
pub fn new_instance_with(cls: &ObjRef, attrs: &Dict) -> ObjRef {
    let o = new_instance(cls, Value::Null);
    // SAFETY: just made as an instance.
    let i = unsafe { of(&o) };
    let _ = &i;
    for e in attrs.iter() {
        if let Some(s) = e.key.as_pystr() {
            let _ = i.set_attr(s.as_str(), s.hash(), e.value.clone());
        }
    }
    o
}

/// The view of an instance.
///
/// # Safety
/// `o` must be an instance.
#[inline(always)]
pub(crate) unsafe fn of(o: &ObjRef) -> Instance<'_> {
    // SAFETY: an instance's `len` is the index of its class, which it keeps alive.
    let class = unsafe { crate::object::classes::class_at(o.header().len.get()) };
    Instance { obj: o, class }
}

/// Drop an instance's values and its count of its class; the allocation's layout.
///
/// # Safety
/// `p` must be an instance whose count reached zero.
pub(crate) unsafe fn drop_payload(p: std::ptr::NonNull<crate::object::heap::Header>) -> std::alloc::Layout {
    // SAFETY: the caller's contract; the layout written by `new_instance`. The class
    // stays alive until its count is released at the end.
    unsafe {
        let h = p.as_ref();
        let class = crate::object::classes::class_at(h.len.get()).raw();
        let k = {
            // A borrowed view of the class: no count taken or released here.
            let c = std::mem::ManuallyDrop::new(ObjRef::from_raw(class));
            c.as_class().map(|c| c.shapes().capacity((h.aux.get() >> SHAPE_BITS) & EPOCH_MASK)).unwrap_or(0)
        };
        let vals = (p.as_ptr() as *mut u8).add(PAYLOAD) as *mut Value;
        std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(vals, k));
        drop(ObjRef::from_raw(class));
        layout(k)
    }
}

/// Layout of an instance's allocation with `k` inline values.
pub(crate) fn layout(k: usize) -> std::alloc::Layout {
    crate::object::heap::var_layout::<()>(k * std::mem::size_of::<Value>(), 8).0
}

impl<'a> Instance<'a> {
    #[inline(always)]
    pub fn shape(&self) -> &'a Shape {
        self.tree().shape(self.obj.header().aux.get() & (MAX_SHAPES as u16 - 1))
    }

    #[inline(always)]
    fn set_shape(&self, s: &Shape) {
        let h = self.obj.header();
        h.aux.set((h.aux.get() & !(MAX_SHAPES as u16 - 1)) | s.index);
    }

    /// The inline values.
    #[inline(always)]
    fn values(&self) -> &'a [UnsafeCell<Value>] {
        let h = self.obj.header();
        let k = self.tree().capacity((h.aux.get() >> SHAPE_BITS) & EPOCH_MASK);
        // SAFETY: the instance holds `k` initialised values at PAYLOAD (new_instance).
        unsafe { std::slice::from_raw_parts((self.obj.as_ptr() as *const u8).add(PAYLOAD) as *const UnsafeCell<Value>, k) }
    }

    #[inline(always)]
    pub fn tree(&self) -> &'a ShapeTree {
        // An instance's class is always a class with a tree (new_instance).
        match self.class.as_class() {
            Some(c) => c.shapes(),
            None => unreachable!("an instance's class is a class"),
        }
    }

    /// Inline room.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.values().len()
    }

    #[inline(always)]
    fn get(&self, i: usize) -> Value {
        // SAFETY: values are only written through `put`, never while borrowed.
        unsafe { (*self.values()[i].get()).clone() }
    }

    /// Store `v` at `i`; the old value is dropped after the store.
    #[inline(always)]
    fn put(&self, i: usize, v: Value) {
        // SAFETY: no reference into the values is held across this write (`get`
        // clones; `base` is never written after creation).
        let old = unsafe { std::mem::replace(&mut *self.values()[i].get(), v) };
        drop(old);
    }

    /// The built-in value a subclass of a built-in type wraps (`Null` for others).
    #[inline]
    pub fn base(&self) -> &'a Value {
        let vals = self.values();
        if self.tree().has_base && !vals.is_empty() {
            // SAFETY: the base slot is written once at creation and never again.
            unsafe { &*vals[0].get() }
        } else {
            &Value::Null
        }
    }

    /// The dict of an instance in dict mode.
    fn mode_dict(&self) -> Option<ObjRef> {
        if !self.shape().dict_mode {
            return None;
        }
        match self.get(self.tree().nfixed) {
            Value::Obj(d) if d.kind() == Kind::Dict => Some(d),
            _ => None,
        }
    }

    /// Attribute `name` (slots included), if set.
    pub fn get_attr(&self, name: &str, hash: i64) -> Option<Value> {
        let shape = self.shape();
        if let Some(i) = shape.index_of(name, hash) {
            let v = self.get(i);
            return (!v.is_null()).then_some(v);
        }
        let d = self.mode_dict()?;
        let v = d.as_dict()?.borrow().get_str_hashed(hash, name);
        v
    }

    /// Is `name` a slot (or the base placeholder), i.e. in the fixed part?
    pub fn is_fixed(&self, name: &str, hash: i64) -> bool {
        self.tree().root.index_of(name, hash).is_some()
    }

    /// Set attribute `name`; `Err(v)` when the instance cannot have it (a class with
    /// `__slots__` and no `__dict__`).
    pub fn set_attr(&self, name: &str, hash: i64, v: Value) -> Result<(), Value> {
        let shape = self.shape();
        if let Some(i) = shape.index_of(name, hash) {
            self.put(i, v);
            return Ok(());
        }
        if let Some(d) = self.mode_dict() {
            if let Some(d) = d.as_dict() {
                let old = {
                    let mut dd = d.borrow_mut();
                    let old = dd.get_str_hashed(hash, name);
                    dd.insert_str(name, v);
                    old
                };
                drop(old);
            }
            return Ok(());
        }
        let tree = self.tree();
        if !tree.allows_dict {
            return Err(v);
        }
        let n = shape.len();
        if n < self.capacity() && n - tree.nfixed < MAX_ATTRS {
            let key = crate::object::PyStr::alloc(name);
            if let Some(child) = shape.child(&key, hash, tree) {
                self.put(n, v);
                self.set_shape(child);
                tree.note(n + 1 - tree.nfixed);
                return Ok(());
            }
        }
        // No room inline (or no shape): the attributes move to a dict.
        let d = self.to_dict_mode();
        tree.note(d.as_dict().map(|d| d.borrow().len() + 1).unwrap_or(0));
        if let Some(dd) = d.as_dict() {
            dd.borrow_mut().insert_str(name, v);
        }
        Ok(())
    }

    /// Delete attribute `name`; its value, or None if it was not set.
    pub fn del_attr(&self, name: &str, hash: i64) -> Option<Value> {
        let shape = self.shape();
        if let Some(i) = shape.index_of(name, hash) {
            let v = self.get(i);
            if v.is_null() {
                return None;
            }
            let tree = self.tree();
            if i < tree.nfixed || shape.dict_mode {
                self.put(i, Value::Null);
            } else if i + 1 == shape.len() {
                // The last attribute added: back to the parent shape.
                self.put(i, Value::Null);
                if let Some(p) = shape.parent() {
                    self.set_shape(p);
                }
            } else {
                // Deleting from the middle breaks the shared order: dict mode.
                let d = self.to_dict_mode();
                let old = d.as_dict().and_then(|d| d.borrow_mut().remove_str(name));
                drop(old);
            }
            return Some(v);
        }
        let d = self.mode_dict()?;
        let old = d.as_dict()?.borrow_mut().remove_str(name);
        old
    }

    /// The attributes (not the slots) in order, as (name, value).
    pub fn attrs(&self) -> Vec<(Value, Value)> {
        if let Some(d) = self.mode_dict() {
            return d.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
        }
        let shape = self.shape();
        let nfixed = self.tree().nfixed;
        shape.keys()[nfixed..]
            .iter()
            .enumerate()
            .filter_map(|(j, k)| {
                let v = self.get(nfixed + j);
                (!v.is_null()).then(|| (Value::Obj(k.clone()), v))
            })
            .collect()
    }

    /// `obj.__dict__`: the instance moves to dict mode (None for a class without
    /// `__dict__`).
    pub fn dict(&self) -> Option<ObjRef> {
        if !self.tree().allows_dict {
            return None;
        }
        Some(self.to_dict_mode())
    }

    /// `obj.__dict__ = d` (a dict object).
    pub fn set_dict(&self, d: ObjRef) -> bool {
        if !self.tree().allows_dict {
            return false;
        }
        self.to_dict_mode();
        self.put(self.tree().nfixed, Value::Obj(d));
        true
    }

    /// Move to dict mode (if not there yet); the dict.
    fn to_dict_mode(&self) -> ObjRef {
        if let Some(d) = self.mode_dict() {
            return d;
        }
        let tree = self.tree();
        let shape = self.shape();
        let nfixed = tree.nfixed;
        let mut d = Dict::with_capacity(shape.len().saturating_sub(nfixed));
        let mut moved = Vec::new();
        for (j, k) in shape.keys()[nfixed..].iter().enumerate() {
            let i = nfixed + j;
            // SAFETY: as in `put`; the value is moved out, the slot left Null.
            let v = unsafe { std::mem::take(&mut *self.values()[i].get()) };
            if !v.is_null() {
                moved.push((k.clone(), v));
            }
        }
        for (k, v) in moved {
            d.insert_str_value(Value::Obj(k), v);
        }
        let dict = NewObj::Dict(RefCell::new(d)).alloc();
        self.set_shape(&tree.dict_shape);
        self.put(nfixed, Value::Obj(dict.clone()));
        dict
    }

    /// Slot `i` of the fixed part (`slot_index` numbering, after the base value).
    pub fn slot(&self, i: usize) -> Value {
        let at = i + self.tree().has_base as usize;
        if at < self.capacity() {
            self.get(at)
        } else {
            Value::Null
        }
    }

    pub fn set_slot(&self, i: usize, v: Value) {
        let at = i + self.tree().has_base as usize;
        if at < self.capacity() {
            self.put(at, v);
        }
    }

    /// Every value the instance holds (for the collector).
    pub(crate) fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        // The instance owns a count of its class.
        visit(&Value::Obj(self.class.clone()));
        for i in 0..self.capacity() {
            let v = self.get(i);
            if !v.is_null() {
                visit(&v);
            }
        }
    }

    /// Drop the attribute and slot values (the base value stays: it is cleared as an
    /// object of its own).
    pub(crate) fn clear(&self) {
        let start = self.tree().has_base as usize;
        for i in start..self.capacity() {
            self.put(i, Value::Null);
        }
    }
}

/// Value `i` of an instance, read in place (the specialised attribute loads).
///
/// # Safety
/// `o` must be an instance with more than `i` inline values: an inline cache knows
/// that from the instance's `aux` (its shape and layout epoch), which it compared.
#[inline(always)]
pub(crate) unsafe fn value_at(o: &ObjRef, i: usize) -> &Value {
    // SAFETY: the caller's contract; values live at PAYLOAD (new_instance).
    unsafe { &*((o.as_ptr() as *const u8).add(PAYLOAD) as *const Value).add(i) }
}

impl<'a> Instance<'a> {
    /// Where a specialised load or store of `name` may go: the value index and the
    /// shape-and-epoch `aux` it is valid for, and the `aux` after a store (another
    /// shape when the store adds the attribute). `None` when the name lives in a
    /// dict (dict mode) or a store cannot add it inline.
    pub fn cache_site(&self, name: &ObjRef, hash: i64, store: bool) -> Option<(usize, u16, u16)> {
        let aux = self.obj.header().aux.get();
        let shape = self.shape();
        let tree = self.tree();
        let s = name.as_pystr()?.as_str();
        if let Some(i) = shape.index_of(s, hash) {
            // In dict mode only the fixed part (slots) is inline.
            return (!shape.dict_mode || i < tree.nfixed).then_some((i, aux, aux));
        }
        if !store || shape.dict_mode || !tree.allows_dict {
            return None;
        }
        let n = shape.len();
        if n >= self.capacity() || n - tree.nfixed >= MAX_ATTRS {
            return None;
        }
        let child = shape.child(name, hash, tree)?;
        Some((n, aux, (aux & !(MAX_SHAPES as u16 - 1)) | child.index))
    }
}
