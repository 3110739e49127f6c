//! The insertion-ordered hash table behind `dict`, `set`, `frozenset`, class and
//! module namespaces (CPython's compact dict: an index table over an entry array).
//!
//! Hashes are Python hashes (`Vm::hash`): ints, floats and bools that compare equal
//! hash equal, as in CPython. Key equality takes a fast path for str, numbers and
//! identity; other keys go through `Vm::eq` (which may run `__eq__`). A deleted entry
//! keeps its slot (key = `Null`) until the array is compacted.
//!
//! A dict iterates in insertion order. A set or frozenset (`Dict::new_set`) also
//! keeps CPython's `setobject.c` slot table beside the entries and iterates in slot
//! order, so `{3, 1, 2}` prints as `{1, 2, 3}` and `set.pop()` picks what CPython
//! picks: same table sizes, linear-then-perturbed probing, dummies, resizes and
//! the `pop` finger.

use std::cell::RefCell;

use hashbrown::HashTable;

use crate::value::Value;
use crate::object::{Host, Kind, PyResult};

pub type DictRef = RefCell<Dict>;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone)]
pub struct Dict {
    entries: Vec<Entry>,
    /// The hash index over `entries`, made once the table outgrows [`SMALL`] entries
    /// (smaller tables are scanned: namespaces and instance dicts mostly are small).
    table: Option<Box<HashTable<u32>>>,
    used: u32,
    /// Set mode: CPython's set slot table (iteration order), `None` for a dict.
    set: Option<Box<SetSlots>>,
    /// Key-layout version: changes whenever an entry index could start meaning a
    /// different key (a new key appended, a compaction). Drawn from one counter for
    /// all dicts, so a version identifies a layout. `LOAD_GLOBAL`'s cache checks it.
    layout: u64,
    /// A key or value that may be tracked by the collector was stored (CPython's
    /// lazy dict tracking, what `gc.is_tracked` answers; cleared by a full collection
    /// when no such item is left).
    pub(crate) may_track: bool,
}

thread_local! {
    static NEXT_LAYOUT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_layout() -> u64 {
    NEXT_LAYOUT.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

impl Default for Dict {
    fn default() -> Dict {
        Dict { table: None, entries: Vec::new(), used: 0, set: None, layout: next_layout(), may_track: false }
    }
}

/// Entries scanned without a hash index.
const SMALL: usize = 8;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// `PySet_MINSIZE`.
const SET_MINSIZE: usize = 8;

/// The slots of a CPython set table; each holds an entry index, `EMPTY` or `DUMMY`.
#[derive(Clone)]
struct SetSlots {
    slots: Box<[u32]>,
    /// Active plus dummy slots (`so->fill`).
    fill: usize,
    /// Where `pop` starts looking (`so->finger`).
    finger: usize,
}

impl SetSlots {
    fn new(size: usize) -> SetSlots {
        SetSlots { slots: vec![EMPTY; size].into_boxed_slice(), fill: 0, finger: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The probe sequence of `set_add_entry`/`set_lookkey`: calls `visit` on slot
    /// indices until it returns `Some`.
    fn probe<T>(slots: &[u32], hash: i64, mut visit: impl FnMut(usize, u32) -> Option<T>) -> Option<T> {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        // Every slot is visited within a bounded number of rounds (the recurrence
        // `5*i + 1` is a full cycle once perturb is 0); stop after that.
        for _ in 0..(slots.len() + 64) {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if let Some(r) = visit(j, slots[j]) {
                    return Some(r);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = ((i as u64).wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) as usize) & mask;
        }
        None
    }

    /// `set_add_entry` for a key known to be absent; true if the table must grow.
    fn add(&mut self, hash: i64, idx: u32) -> bool {
        let mut freeslot = None;
        let target = SetSlots::probe(&self.slots, hash, |j, s| match s {
            EMPTY => Some(j),
            // CPython 3.11 keeps the last dummy seen on the probe path.
            DUMMY => {
                freeslot = Some(j);
                None
            }
            _ => None,
        });
        if let Some(f) = freeslot {
            self.slots[f] = idx;
            return false;
        }
        match target {
            Some(j) => {
                self.slots[j] = idx;
                self.fill += 1;
                self.fill * 5 >= self.mask() * 3
            }
            None => true,
        }
    }

    /// `set_insert_clean`: into a table without dummies or equal keys.
    fn insert_clean(slots: &mut [u32], hash: i64, idx: u32) {
        if let Some(j) = SetSlots::probe(slots, hash, |j, s| (s == EMPTY).then_some(j)) {
            slots[j] = idx;
        }
    }

    /// The slot holding entry `idx` (whose hash is `hash`).
    fn slot_of(&self, hash: i64, idx: u32) -> Option<usize> {
        SetSlots::probe(&self.slots, hash, |j, s| {
            if s == idx {
                Some(Some(j))
            } else if s == EMPTY {
                Some(None)
            } else {
                None
            }
        })
        .flatten()
        .or_else(|| self.slots.iter().position(|&s| s == idx))
    }
}

/// FxHash-style string hash, fixed across runs (CPython with a fixed PYTHONHASHSEED).
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in s.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7cc1_b727_220a_95);
    }
    let h = (h ^ (h >> 29)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `_PyHASH_MODULUS`: hashes of numbers are their value modulo this prime.
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

pub fn hash_int(i: i64) -> i64 {
    let mut h = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    if i < 0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &num_bigint::BigInt) -> i64 {
    use num_traits::{Signed, ToPrimitive};
    let m = num_bigint::BigInt::from(HASH_MODULUS);
    let r = (b.abs() % m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble` (for a finite value; inf and nan are handled too).
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_int(x as i64);
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    let modulus = HASH_MODULUS as u64;
    while m != 0.0 {
        h = ((h << 28) & modulus) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= modulus {
            h -= modulus;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & modulus) | (h >> (61 - e));
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
#[inline(always)]
pub(crate) fn may_be_tracked(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.header().has_flag(crate::object::heap::flags::TRACKED),
        _ => false,
    }
}

/// Is `k` the str `key` (exact str objects only: a str subclass key compares by value
/// through `as_str` as well)?
#[inline(always)]
fn str_key_eq(k: &Value, key: &str) -> bool {
    match k {
        Value::Obj(o) => match o.as_pystr() {
            // An interned name finds itself by address (the same bytes).
            Some(s) => {
                let t = s.as_str();
                (t.as_ptr() == key.as_ptr() && t.len() == key.len()) || t == key
            }
            None => k.as_str() == Some(key),
        },
        _ => false,
    }
}

/// Equality that needs no interpreter: `Some(answer)` or `None` (ask `Vm::eq`).
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use crate::object::Obj;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if crate::object::ObjRef::ptr_eq(x, y) {
                return Some(true);
            }
            // Strings first, by kind: a `view()` of each would compute every kind's
            // arm (some of them calls).
            if x.kind() == Kind::Str && y.kind() == Kind::Str {
                return Some(x.as_pystr()?.as_str() == y.as_pystr()?.as_str());
            }
            match (x.view(), y.view()) {
                (Obj::Int(s), Obj::Int(t)) => Some(s == t),
                (Obj::Str(_), Obj::Int(_) | Obj::Tuple(_)) | (Obj::Int(_) | Obj::Tuple(_), Obj::Str(_)) => Some(false),
                _ => None,
            }
        }
        (Value::Obj(o), Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None)
        | (Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None, Value::Obj(o)) => match o.kind() {
            Kind::Str | Kind::Tuple | Kind::Int => Some(false),
            _ => None,
        },
        (Value::None, Value::None) => Some(true),
        (Value::None, _) | (_, Value::None) => Some(false),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Float(x), Value::Int(y)) | (Value::Int(y), Value::Float(x)) => Some(*x == *y as f64),
        (Value::Float(x), Value::Bool(y)) | (Value::Bool(y), Value::Float(x)) => Some(*x == *y as i64 as f64),
        (Value::Null, _) | (_, Value::Null) => Some(false),
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        Dict { table: None, entries: Vec::with_capacity(n), used: 0, set: None, layout: next_layout(), may_track: false }
    }

    /// An empty set table (iterates in CPython's set slot order).
    pub fn new_set() -> Dict {
        Dict { set: Some(Box::new(SetSlots::new(SET_MINSIZE))), ..Dict::default() }
    }

    #[inline]
    pub fn is_set(&self) -> bool {
        self.set.is_some()
    }

    /// Switch a table to set mode (no-op if it is one), replaying its entries in
    /// insertion order: exact for a table that only ever had insertions.
    pub fn ensure_set(&mut self) {
        if self.set.is_some() {
            return;
        }
        self.set = Some(Box::new(SetSlots::new(SET_MINSIZE)));
        let live: Vec<(i64, u32)> =
            self.entries.iter().enumerate().filter(|(_, e)| !e.key.is_null()).map(|(i, e)| (e.hash, i as u32)).collect();
        let mut used = 0;
        for (h, i) in live {
            used += 1;
            let grow = self.set.as_mut().map(|s| s.add(h, i)).unwrap_or(false);
            if grow {
                self.set_resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
    }

    /// The same keys in a dict-mode table (insertion order = this table's order).
    pub fn to_dict_mode(&self) -> Dict {
        let mut d = Dict::with_capacity(self.used as usize);
        for e in self.iter() {
            d.push_new(e.hash, e.key.clone(), e.value.clone());
        }
        d
    }

    /// `set_swap_bodies`: take `other`'s table but keep this set's pop finger.
    pub fn set_swap_body(&mut self, other: Dict) {
        let finger = self.set.as_ref().map(|s| s.finger);
        *self = other;
        if let (Some(f), Some(s)) = (finger, self.set.as_mut()) {
            s.finger = f;
        }
    }

    /// `so->fill` and `so->mask` of a set table.
    pub fn set_fill_mask(&self) -> (usize, usize) {
        match &self.set {
            Some(s) => (s.fill, s.mask()),
            None => (self.used as usize, SET_MINSIZE - 1),
        }
    }

    /// `set_table_resize(so, minused)`: a table of the smallest power of two above
    /// `minused` (at least 8), live entries reinserted in old slot order.
    pub fn set_resize(&mut self, minused: usize) {
        let Some(s) = self.set.as_mut() else { return };
        let mut size = SET_MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let mut slots = vec![EMPTY; size];
        for &idx in s.slots.iter() {
            if idx != EMPTY && idx != DUMMY {
                SetSlots::insert_clean(&mut slots, self.entries[idx as usize].hash, idx);
            }
        }
        s.slots = slots.into_boxed_slice();
        s.fill = self.used as usize;
    }

    /// The clean half of `set_merge`, into a set table with `so->fill == 0` (the
    /// caller has done the resize check): copies `other`'s layout when the sizes
    /// match and it has no dummies, else reinserts in its order. `other`'s keys
    /// are distinct, so no comparisons are needed.
    pub fn set_merge_into_empty(&mut self, other: &Dict) {
        self.ensure_set();
        if other.used == 0 {
            return;
        }
        let (ofill, omask) = other.set_fill_mask();
        let (_, mask) = self.set_fill_mask();
        let copy_layout = other.set.is_some() && mask == omask && ofill == other.used as usize;
        let order: Vec<(i64, Value)> = other.iter().map(|e| (e.hash, e.key.clone())).collect();
        if copy_layout {
            let Some(os) = other.set.as_ref() else { return };
            let mut slots = vec![EMPTY; os.slots.len()];
            for (j, &idx) in os.slots.iter().enumerate() {
                if idx != EMPTY && idx != DUMMY {
                    let e = &other.entries[idx as usize];
                    slots[j] = self.entries.len() as u32;
                    self.push_entry(e.hash, e.key.clone(), Value::None);
                }
            }
            if let Some(s) = self.set.as_mut() {
                s.slots = slots.into_boxed_slice();
                s.fill = other.used as usize;
            }
            return;
        }
        for (h, k) in order {
            let idx = self.entries.len() as u32;
            self.push_entry(h, k, Value::None);
            if let Some(s) = self.set.as_mut() {
                SetSlots::insert_clean(&mut s.slots, h, idx);
                s.fill += 1;
            }
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Find the entry index of `key` (already hashed).
    fn find(&self, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut err = None;
        let entries = &self.entries;
        let mut matches = |i: u32| {
            let e = &entries[i as usize];
            if e.hash != hash || e.key.is_null() || err.is_some() {
                return false;
            }
            match fast_eq(&e.key, key) {
                Some(b) => b,
                None => match vm.eq(&e.key, key) {
                    Ok(b) => b,
                    Err(x) => {
                        err = Some(x);
                        false
                    }
                },
            }
        };
        let found = match &self.table {
            Some(t) => t.find(hash as u64, |&i| matches(i)).map(|&i| i as usize),
            None => (0..entries.len() as u32).find(|&i| matches(i)).map(|i| i as usize),
        };
        if let Some(e) = err {
            return Err(e);
        }
        Ok(found)
    }

    /// The key-layout version (see the field's doc).
    #[inline(always)]
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// The value of entry `i` if that entry is live.
    #[inline(always)]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        match self.entries.get(i) {
            Some(e) if !e.key.is_null() => Some(e.value.clone()),
            _ => None,
        }
    }

    /// Entry index of a str key whose `hash_str` is known.
    pub fn index_str_hashed(&self, hash: i64, key: &str) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        self.find_str(hash, key)
    }

    /// The value of `key` (of hash `hash`) when the lookup needs no `__eq__` call:
    /// `None` when it is absent or when keys of other types with that hash would
    /// need one (the caller then takes the general path, which also raises).
    /// Same matches as `find_fast`, without collecting the candidates.
    #[inline]
    pub fn get_fast(&self, hash: i64, key: &Value) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let entries = &self.entries;
        let hit = |i: u32| -> bool {
            match entries.get(i as usize) {
                Some(e) if e.hash == hash && !e.key.is_null() => fast_eq(&e.key, key) == Some(true),
                _ => false,
            }
        };
        let found = match &self.table {
            Some(t) => t.iter_hash(hash as u64).copied().find(|&i| hit(i)),
            None => (0..entries.len() as u32).find(|&i| hit(i)),
        };
        found.and_then(|i| entries.get(i as usize)).map(|e| e.value.clone())
    }

    /// Lookup by a str key whose `hash_str` is already known.
    #[inline]
    pub fn get_str_hashed(&self, hash: i64, key: &str) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        self.find_str(hash, key).map(|i| self.entries[i].value.clone())
    }

    /// Look `key` up without calling into the interpreter: `Ok(Some(i))` found,
    /// `Ok(None)` absent, `Err(candidates)` when keys with the same hash need
    /// `Vm::eq` (entry index and key, in probe order).
    fn find_fast(&self, hash: i64, key: &Value) -> Result<Option<usize>, Vec<(usize, Value)>> {
        let mut slow = Vec::new();
        let mut visit = |i: u32| -> Option<usize> {
            let e = &self.entries[i as usize];
            if e.hash != hash || e.key.is_null() {
                return None;
            }
            match fast_eq(&e.key, key) {
                Some(true) => Some(i as usize),
                Some(false) => None,
                None => {
                    slow.push((i as usize, e.key.clone()));
                    None
                }
            }
        };
        let found = match &self.table {
            Some(t) => t.iter_hash(hash as u64).find_map(|&i| visit(i)),
            None => (0..self.entries.len() as u32).find_map(&mut visit),
        };
        if let Some(i) = found {
            return Ok(Some(i));
        }
        if slow.is_empty() {
            Ok(None)
        } else {
            Err(slow)
        }
    }

    /// Find `key` in the table inside `cell` with no borrow held while user
    /// `__eq__` code runs (it may read or change the table). The index is valid
    /// until the table changes.
    pub fn cell_find(cell: &RefCell<Dict>, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        for _ in 0..100 {
            let (cands, stamp) = {
                let d = cell.borrow();
                match d.find_fast(hash, key) {
                    Ok(r) => return Ok(r),
                    Err(c) => (c, (d.entries.len(), d.used)),
                }
            };
            let mut changed = false;
            for (i, k) in cands {
                let eq = vm.eq(&k, key)?;
                let d = cell.borrow();
                let same = d.entries.get(i).map(|e| e.key.is(&k)).unwrap_or(false);
                if eq && same {
                    return Ok(Some(i));
                }
                if (d.entries.len(), d.used) != stamp || !same {
                    changed = true;
                    break;
                }
            }
            if !changed {
                return Ok(None);
            }
        }
        Ok(None)
    }

    /// `cell[key]`, borrow-safe (see [`Dict::cell_find`]).
    pub fn cell_get(cell: &RefCell<Dict>, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        let i = Dict::cell_find(cell, vm, hash, key)?;
        Ok(i.and_then(|i| cell.borrow().entries.get(i).map(|e| e.value.clone())))
    }

    /// `cell[key] = value` (keeps an equal existing key), borrow-safe. Returns
    /// true if the key was new.
    pub fn cell_insert(cell: &RefCell<Dict>, vm: &mut impl Host, hash: i64, key: Value, value: Value) -> PyResult<bool> {
        match Dict::cell_find(cell, vm, hash, &key)? {
            Some(i) => {
                let mut d = cell.borrow_mut();
                d.note(&value);
                let old = d.entries.get_mut(i).map(|e| std::mem::replace(&mut e.value, value));
                drop(d);
                drop(old);
                Ok(false)
            }
            None => {
                cell.borrow_mut().push_new(hash, key, value);
                Ok(true)
            }
        }
    }

    /// Remove `key`, borrow-safe; its value if it was there.
    pub fn cell_remove(cell: &RefCell<Dict>, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        match Dict::cell_find(cell, vm, hash, key)? {
            Some(i) => {
                let v = cell.borrow_mut().remove_at(i);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    /// The key and value of entry `i` (an index from [`Dict::cell_find`]).
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    fn find_str(&self, hash: i64, key: &str) -> Option<usize> {
        let entries = &self.entries;
        // Namespaces and instance dicts are small: a scan comparing hashes first beats
        // probing the index table.
        match &self.table {
            None => entries.iter().position(|e| e.hash == hash && !e.key.is_null() && str_key_eq(&e.key, key)),
            Some(t) => t
                .find(hash as u64, |&i| {
                    let e = &entries[i as usize];
                    e.hash == hash && str_key_eq(&e.key, key)
                })
                .map(|&i| i as usize),
        }
    }

    pub fn get(&self, vm: &mut impl Host, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_hashed(vm, hash, key)
    }

    pub fn get_hashed(&self, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        Ok(self.find(vm, hash, key)?.map(|i| self.entries[i].value.clone()))
    }

    pub fn contains(&self, vm: &mut impl Host, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.find(vm, hash, key)?.is_some())
    }

    /// Lookup by a str key without an interpreter (namespaces, attribute dicts).
    #[inline]
    pub fn get_str(&self, key: &str) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        self.find_str(hash_str(key), key).map(|i| self.entries[i].value.clone())
    }

    pub fn insert(&mut self, vm: &mut impl Host, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.insert_hashed(vm, hash, key, value)
    }

    pub fn insert_hashed(&mut self, vm: &mut impl Host, hash: i64, key: Value, value: Value) -> PyResult<()> {
        if let Some(i) = self.find(vm, hash, &key)? {
            self.note(&value);
            self.entries[i].value = value;
            return Ok(());
        }
        self.push_new(hash, key, value);
        Ok(())
    }

    /// Insert with a str key, no interpreter needed.
    pub fn insert_str(&mut self, key: &str, value: Value) {
        let hash = hash_str(key);
        if let Some(i) = self.find_str(hash, key) {
            self.note(&value);
            self.entries[i].value = value;
            return;
        }
        self.push_new(hash, Value::str(key), value);
    }

    /// Insert with a key that is a str value (attribute names): keeps the key object.
    pub fn insert_str_value(&mut self, key: Value, value: Value) {
        let Some(s) = key.as_str() else { return };
        let hash = hash_str(s);
        if let Some(i) = self.find_str(hash, s) {
            self.note(&value);
            self.entries[i].value = value;
            return;
        }
        self.push_new(hash, key, value);
    }

    fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let idx = self.entries.len() as u32;
        self.push_entry(hash, key, value);
        let grow = match self.set.as_mut() {
            Some(s) => s.add(hash, idx),
            None => false,
        };
        if grow {
            let used = self.used as usize;
            self.set_resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    #[inline(always)]
    fn note(&mut self, v: &Value) {
        if may_be_tracked(v) {
            self.may_track = true;
        }
    }

    /// Does the table hold a key or value that may be tracked?
    pub(crate) fn holds_trackable(&self) -> bool {
        self.entries.iter().any(|e| !e.key.is_null() && (may_be_tracked(&e.key) || may_be_tracked(&e.value)))
    }

    /// Append an entry and index it in the hash table (not in the set slots).
    fn push_entry(&mut self, hash: i64, key: Value, value: Value) {
        self.note(&key);
        self.note(&value);
        let idx = self.entries.len() as u32;
        if self.entries.len() == self.entries.capacity() {
            // Grow by half (not double): small tables stay small.
            let n = self.entries.len();
            self.entries.reserve_exact((n / 2).max(2));
        }
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        match &mut self.table {
            Some(t) => {
                t.insert_unique(hash as u64, idx, |&i| entries[i as usize].hash as u64);
            }
            None if entries.len() > SMALL => self.build_index(),
            None => {}
        }
        self.layout = next_layout();
        self.used += 1;
    }

    pub fn remove(&mut self, vm: &mut impl Host, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        match self.find(vm, hash, key)? {
            Some(i) => Ok(Some(self.remove_at(i))),
            None => Ok(None),
        }
    }

    pub fn remove_hashed(&mut self, vm: &mut impl Host, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        match self.find(vm, hash, key)? {
            Some(i) => Ok(Some(self.remove_at(i))),
            None => Ok(None),
        }
    }

    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        let i = self.find_str(hash_str(key), key)?;
        Some(self.remove_at(i))
    }

    fn remove_at(&mut self, i: usize) -> Value {
        let hash = self.entries[i].hash;
        if let Some(t) = &mut self.table {
            if let Ok(slot) = t.find_entry(hash as u64, |&j| j as usize == i) {
                slot.remove();
            }
        }
        if let Some(s) = self.set.as_mut() {
            if let Some(j) = s.slot_of(hash, i as u32) {
                s.slots[j] = DUMMY;
            }
        }
        let e = &mut self.entries[i];
        e.key = Value::Null;
        self.used -= 1;
        let v = std::mem::take(&mut e.value);
        if self.entries.len() > 16 && (self.used as usize) * 2 < self.entries.len() {
            self.compact();
        }
        v
    }

    fn compact(&mut self) {
        self.layout = next_layout();
        let old = std::mem::take(&mut self.entries);
        self.table = None;
        self.used = 0;
        let mut remap = vec![EMPTY; old.len()];
        for (i, e) in old.into_iter().enumerate() {
            if !e.key.is_null() {
                remap[i] = self.entries.len() as u32;
                self.push_entry(e.hash, e.key, e.value);
            }
        }
        if let Some(s) = self.set.as_mut() {
            for x in s.slots.iter_mut() {
                if *x != EMPTY && *x != DUMMY {
                    *x = remap.get(*x as usize).copied().unwrap_or(DUMMY);
                }
            }
        }
    }

    /// Index every live entry (the table outgrew `SMALL`).
    fn build_index(&mut self) {
        let mut t = HashTable::with_capacity(self.entries.len() * 2);
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            if !e.key.is_null() {
                t.insert_unique(e.hash as u64, i as u32, |&j| entries[j as usize].hash as u64);
            }
        }
        self.table = Some(Box::new(t));
    }

    /// Empty the table, handing back the old contents (to drop outside a borrow).
    pub fn take_all(&mut self) -> Dict {
        let empty = if self.set.is_some() { Dict::new_set() } else { Dict::new() };
        std::mem::replace(self, empty)
    }

    /// Every key and value (for the collector).
    pub fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        for e in &self.entries {
            if !e.key.is_null() {
                f(&e.key);
                f(&e.value);
            }
        }
    }

    pub fn clear(&mut self) {
        *self = match &self.set {
            // `set_clear_internal` keeps the pop finger.
            Some(s) => {
                let finger = s.finger;
                let mut d = Dict::new_set();
                if let Some(s) = d.set.as_mut() {
                    s.finger = finger;
                }
                d
            }
            None => Dict::new(),
        };
    }

    /// Live entries: insertion order for a dict, slot order for a set.
    pub fn iter(&self) -> DictIter<'_> {
        DictIter { dict: self, pos: 0 }
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// The entry at raw slot `i` or later that is live: used by iterators, which keep
    /// a slot index. Returns the slot index found.
    pub fn entry_from(&self, i: usize) -> Option<(usize, &Entry)> {
        match &self.set {
            Some(s) => s
                .slots
                .iter()
                .enumerate()
                .skip(i)
                .find(|(_, &x)| x != EMPTY && x != DUMMY)
                .and_then(|(j, &x)| self.entries.get(x as usize).map(|e| (j, e))),
            None => self.entries.iter().enumerate().skip(i).find(|(_, e)| !e.key.is_null()),
        }
    }

    /// Remove and return the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let key = self.entries[i].key.clone();
        let v = self.remove_at(i);
        Some((key, v))
    }

    /// Remove and return the first entry (`set.pop`, `OrderedDict.popitem(last=False)`).
    /// A set pops like CPython's `set_pop`: from the finger on, in slot order.
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        if self.used == 0 {
            return None;
        }
        if let Some(s) = self.set.as_mut() {
            let mask = s.mask();
            let mut j = s.finger & mask;
            let mut steps = 0;
            while s.slots[j] == EMPTY || s.slots[j] == DUMMY {
                j = if j >= mask { 0 } else { j + 1 };
                steps += 1;
                if steps > mask + 1 {
                    return None;
                }
            }
            let idx = s.slots[j] as usize;
            s.finger = j + 1;
            let key = self.entries.get(idx)?.key.clone();
            let v = self.remove_at(idx);
            return Some((key, v));
        }
        let i = self.entries.iter().position(|e| !e.key.is_null())?;
        let key = self.entries[i].key.clone();
        let v = self.remove_at(i);
        Some((key, v))
    }
}

/// Iterator over the live entries of a [`Dict`] in its iteration order.
pub struct DictIter<'a> {
    dict: &'a Dict,
    pos: usize,
}

impl<'a> Iterator for DictIter<'a> {
    type Item = &'a Entry;

    fn next(&mut self) -> Option<&'a Entry> {
        let (i, e) = self.dict.entry_from(self.pos)?;
        self.pos = i + 1;
        Some(e)
    }
}

/// CPython's `frozenset_hash` over the entry hashes of a set table.
pub fn frozenset_hash(d: &Dict) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut h: u64 = 0;
    for e in d.iter() {
        h ^= shuffle(e.hash as u64);
    }
    h ^= (d.len() as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    h as i64
}
