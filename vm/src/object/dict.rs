//! The insertion-ordered hash table behind `dict`, `set`, `frozenset`, class and
//! module namespaces (CPython's compact dict: an index table over an entry array).
//!
//! Hashes are Python hashes (`Vm::hash`): ints, floats and bools that compare equal
//! hash equal, as in CPython. Key equality takes a fast path for str, numbers and
//! identity; other keys go through `Vm::eq` (which may run `__eq__`). A deleted entry
//! keeps its slot (key = `Null`) until the array is compacted.

use std::cell::RefCell;

use hashbrown::HashTable;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub type DictRef = RefCell<Dict>;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    table: HashTable<u32>,
    entries: Vec<Entry>,
    used: usize,
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

/// Equality that needs no interpreter: `Some(answer)` or `None` (ask `Vm::eq`).
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use crate::object::Obj;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Obj(x), Value::Obj(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return Some(true);
            }
            match (&**x, &**y) {
                (Obj::Str(s), Obj::Str(t)) => Some(s.as_str() == t.as_str()),
                (Obj::Int(s), Obj::Int(t)) => Some(s == t),
                (Obj::Str(_), Obj::Int(_) | Obj::Tuple(_)) | (Obj::Int(_) | Obj::Tuple(_), Obj::Str(_)) => Some(false),
                _ => None,
            }
        }
        (Value::Obj(o), Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None)
        | (Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None, Value::Obj(o)) => match &**o {
            crate::object::Obj::Str(_) | crate::object::Obj::Tuple(_) => Some(false),
            crate::object::Obj::Int(_) => Some(false),
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
        Dict { table: HashTable::with_capacity(n), entries: Vec::with_capacity(n), used: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Find the entry index of `key` (already hashed).
    fn find(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut err = None;
        let entries = &self.entries;
        let found = self.table.find(hash as u64, |&i| {
            let e = &entries[i as usize];
            if e.hash != hash || err.is_some() {
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
        });
        if let Some(e) = err {
            return Err(e);
        }
        Ok(found.map(|&i| i as usize))
    }

    /// Lookup by a str key whose `hash_str` is already known.
    #[inline]
    pub fn get_str_hashed(&self, hash: i64, key: &str) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        self.find_str(hash, key).map(|i| self.entries[i].value.clone())
    }

    fn find_str(&self, hash: i64, key: &str) -> Option<usize> {
        let entries = &self.entries;
        self.table
            .find(hash as u64, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && e.key.as_str() == Some(key)
            })
            .map(|&i| i as usize)
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_hashed(vm, hash, key)
    }

    pub fn get_hashed(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        Ok(self.find(vm, hash, key)?.map(|i| self.entries[i].value.clone()))
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
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

    pub fn insert(&mut self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.insert_hashed(vm, hash, key, value)
    }

    pub fn insert_hashed(&mut self, vm: &mut Vm, hash: i64, key: Value, value: Value) -> PyResult<()> {
        if let Some(i) = self.find(vm, hash, &key)? {
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
            self.entries[i].value = value;
            return;
        }
        self.push_new(hash, key, value);
    }

    fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let idx = self.entries.len() as u32;
        let entries = &self.entries;
        self.table.insert_unique(hash as u64, idx, |&i| entries[i as usize].hash as u64);
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
    }

    pub fn remove(&mut self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
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
        if let Ok(slot) = self.table.find_entry(hash as u64, |&j| j as usize == i) {
            slot.remove();
        }
        let e = &mut self.entries[i];
        e.key = Value::Null;
        self.used -= 1;
        let v = std::mem::take(&mut e.value);
        if self.entries.len() > 16 && self.used * 2 < self.entries.len() {
            self.compact();
        }
        v
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.table.clear();
        self.used = 0;
        for e in old {
            if !e.key.is_null() {
                self.push_new(e.hash, e.key, e.value);
            }
        }
    }

    pub fn clear(&mut self) {
        *self = Dict::new();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null())
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
        self.entries.iter().enumerate().skip(i).find(|(_, e)| !e.key.is_null())
    }

    /// Remove and return the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let key = self.entries[i].key.clone();
        let v = self.remove_at(i);
        Some((key, v))
    }

    /// Remove and return the first entry (`set.pop`, `OrderedDict.popitem(last=False)`).
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| !e.key.is_null())?;
        let key = self.entries[i].key.clone();
        let v = self.remove_at(i);
        Some((key, v))
    }
}
