//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]` for the built-in
//! sequences and mappings (indices and slices), and `__getitem__` & co for user
//! classes. Also `__index__` and slice index normalisation.

use num_traits::{Signed, ToPrimitive};

use crate::object::heap::Kind;
use crate::object::{Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Inline path of STORE_SUBSCR: the item slot of a list for an in-range int
/// index, or `None`. The pointer is valid until the list next changes (the caller
/// writes through it at once, with no code run in between); the list is not
/// borrowed when this returns.
#[inline(always)]
pub fn list_slot(o: &ObjRef, i: i64) -> Option<*mut Value> {
    let mut l = o.as_list()?.try_borrow_mut().ok()?;
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return None;
    }
    l.get_mut(j as usize).map(|v| v as *mut Value)
}

/// `d[key]` for a str or int key when found without calling into the interpreter.
#[inline]
pub fn dict_get_fast(d: &crate::object::DictRef, key: &Value) -> Option<Value> {
    let hash = match key {
        Value::Int(i) => crate::object::dict::hash_int(*i),
        Value::Obj(k) => k.as_pystr()?.hash(),
        _ => return None,
    };
    d.try_borrow().ok()?.get_fast(hash, key)
}

/// Inline path of BINARY_SUBSCR: list or tuple with an in-range int index.
#[inline(always)]
pub fn fast_index(o: &ObjRef, i: i64) -> Option<Value> {
    // No `view()` (it computes every kind's arm) and no panicking accessors: the
    // fast path makes no call.
    match o.kind() {
        Kind::List => {
            let l = o.as_list()?.try_borrow().ok()?;
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                l.get(j as usize).cloned()
            } else {
                None
            }
        }
        Kind::Tuple => {
            let t = o.as_tuple()?;
            let n = t.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                Some(t[j as usize].clone())
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `(start, stop, step)` of a slice for a sequence of length `len` (`PySlice_AdjustIndices`).
pub fn slice_indices(vm: &mut Vm, start: &Value, stop: &Value, step: &Value, len: i64) -> PyResult<(i64, i64, i64)> {
    let step = if step.is_none() { 1 } else { vm.index_clamped(step)? };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adj = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = vm.index_clamped(v)?;
        if i < 0 {
            i += len;
            if i < lo {
                i = lo;
            }
        } else if i > hi {
            i = hi;
        }
        Ok(i)
    };
    let s = adj(vm, start, if step < 0 { hi } else { lo })?;
    let e = adj(vm, stop, if step < 0 { lo } else { hi })?;
    Ok((s, e, step))
}

/// The indices a slice selects.
pub fn slice_range(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

impl Vm {
    /// `operator.index(v)` as i64 (OverflowError when too big).
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Obj(o) => match o.view() {
                Obj::Int(b) => b.to_i64().ok_or_else(|| {
                    self.err("OverflowError", "Python int too large to convert to C ssize_t")
                }),
                _ => {
                    if let Some(f) = self.user_dunder(v, "__index__") {
                        let r = self.call_dunder(&f, v, &[])?;
                        return self.index_value(&r);
                    }
                    if let Obj::Instance(i) = o.view() {
                        if !i.base().is_null() {
                            let b = i.base().clone();
                            return self.index_value(&b);
                        }
                    }
                    Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v))))
                }
            },
            _ => Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(v)))),
        }
    }

    /// Like `index_value` but big ints clamp to the i64 range (slice bounds).
    pub fn index_clamped(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Obj(o) = v {
            if let Obj::Int(b) = o.view() {
                return Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
            }
        }
        match self.index_value(v) {
            Ok(i) => Ok(i),
            Err(_) => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => match self.index_value(key) {
                Ok(i) => i,
                Err(e) if self.err_matches(&e, "TypeError") => {
                    // 3.11 words the str case differently from the others.
                    return Err(self.type_error(if what == "string" {
                        format!("string indices must be integers, not '{}'", self.type_name(key))
                    } else {
                        format!("{what} indices must be integers or slices, not {}", self.type_name(key))
                    }));
                }
                Err(e) => return Err(e),
            },
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        Ok(if (0..n).contains(&j) { Some(j as usize) } else { None })
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        // An exact dict with a str or int key: no `__getitem__` of a user and no
        // `__eq__` to call (a subclass's instance is an `Instance`).
        if let Value::Obj(o) = obj {
            if let Some(d) = o.as_dict() {
                if let Some(v) = dict_get_fast(d, key) {
                    return Ok(v);
                }
            }
        }
        if let Some(f) = self.user_dunder(obj, "__getitem__") {
            return self.call_dunder(&f, obj, &[key.clone()]);
        }
        let base = unwrap_base(obj).clone();
        let Value::Obj(o) = &base else { return Err(self.not_subscriptable(obj)) };
        let slice = match key {
            Value::Obj(k) => match k.view() {
                Obj::Slice { start, stop, step } => Some((start.clone(), stop.clone(), step.clone())),
                _ => None,
            },
            _ => None,
        };
        match o.view() {
            Obj::List(l) => {
                if let Some((a, b, c)) = slice {
                    let len = l.borrow().len() as i64;
                    let (s, e, st) = slice_indices(self, &a, &b, &c, len)?;
                    let items = l.borrow();
                    let v: Vec<Value> = slice_range(s, e, st).map(|i| items[i].clone()).collect();
                    return Ok(self.new_list(v));
                }
                let len = l.borrow().len();
                match self.seq_index(key, len, "list")? {
                    Some(i) => Ok(l.borrow()[i].clone()),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            Obj::Tuple(t) => {
                if let Some((a, b, c)) = slice {
                    let (s, e, st) = slice_indices(self, &a, &b, &c, t.len() as i64)?;
                    let v: Vec<Value> = slice_range(s, e, st).map(|i| t[i].clone()).collect();
                    return Ok(self.new_tuple(v));
                }
                match self.seq_index(key, t.len(), "tuple")? {
                    Some(i) => Ok(t[i].clone()),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            Obj::Str(s) => {
                if let Some((a, b, c)) = slice {
                    let (st, en, step) = slice_indices(self, &a, &b, &c, s.char_len() as i64)?;
                    if step == 1 {
                        if st >= en {
                            return Ok(Value::str(""));
                        }
                        let (bs, be) = (s.byte_offset(st as usize), s.byte_offset(en as usize));
                        return Ok(Value::str(&s.as_str()[bs..be]));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let out: String = slice_range(st, en, step).map(|i| chars[i]).collect();
                    return Ok(Value::string(out));
                }
                match self.seq_index(key, s.char_len(), "string")? {
                    Some(i) => Ok(Value::string(s.char_at(i).map(String::from).unwrap_or_default())),
                    None => Err(self.index_error("string index out of range")),
                }
            }
            Obj::Bytes(b) => {
                if let Some((x, y, z)) = slice {
                    let (s, e, st) = slice_indices(self, &x, &y, &z, b.len() as i64)?;
                    let v: Vec<u8> = slice_range(s, e, st).map(|i| b[i]).collect();
                    return Ok(Value::obj(crate::object::NewObj::Bytes(v)));
                }
                match self.seq_index(key, b.len(), "byte")? {
                    Some(i) => Ok(Value::Int(b[i] as i64)),
                    None => Err(self.index_error("index out of range")),
                }
            }
            Obj::ByteArray(b) => {
                if let Some((x, y, z)) = slice {
                    let len = b.borrow().len() as i64;
                    let (s, e, st) = slice_indices(self, &x, &y, &z, len)?;
                    let data = b.borrow();
                    let v: Vec<u8> = slice_range(s, e, st).map(|i| data[i]).collect();
                    return Ok(Value::obj(crate::object::NewObj::ByteArray(std::cell::RefCell::new(v))));
                }
                let len = b.borrow().len();
                match self.seq_index(key, len, "bytearray")? {
                    Some(i) => Ok(Value::Int(b.borrow()[i] as i64)),
                    None => Err(self.index_error("bytearray index out of range")),
                }
            }
            Obj::Dict(d) => {
                let found = {
                    let dd = d.borrow();
                    dd.get(self, key)?
                };
                match found {
                    Some(v) => Ok(v),
                    None => {
                        if let Some(m) = self.user_dunder(obj, "__missing__") {
                            return self.call_dunder(&m, obj, &[key.clone()]);
                        }
                        Err(self.key_error(key.clone()))
                    }
                }
            }
            Obj::Range { .. } => crate::builtins::range::range_getitem(self, o, key),
            Obj::LongRange(r) => crate::builtins::longrange::getitem(self, r.long_range(), key),
            Obj::MemoryView(m) => crate::builtins::memoryview::getitem(self, m.memory_view(), key),
            Obj::Alias(_) => crate::builtins::genericalias::getitem(self, obj, key),
            Obj::Class(_) => {
                // `type[int]` is special-cased (no `type.__class_getitem__`, so that
                // `str[int]` still fails), as in CPython's PyObject_GetItem.
                if ObjRef::ptr_eq(o, &self.types.type_) {
                    return Ok(crate::builtins::genericalias::generic_alias(self, obj.clone(), key.clone()));
                }
                if let Some(f) = self.getattr_opt(obj, "__class_getitem__")? {
                    return self.call1(&f, key.clone());
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", self.type_name_of_class(o))))
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn type_name_of_class(&self, o: &ObjRef) -> String {
        o.as_class().map(|c| c.name.to_string()).unwrap_or_default()
    }

    #[cold]
    fn not_subscriptable(&self, obj: &Value) -> crate::vm::PyErr {
        self.type_error(format!("'{}' object is not subscriptable", self.type_name(obj)))
    }

    /// `d.get(key)` for a dict value (None when missing or not a dict).
    pub fn getitem_opt(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        match unwrap_base(d) {
            Value::Obj(o) => match o.view() {
                Obj::Dict(dd) => {
                    let dd = dd.borrow();
                    dd.get(self, key)
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if let Some(f) = self.user_dunder(obj, "__setitem__") {
            self.call_dunder(&f, obj, &[key, v])?;
            return Ok(());
        }
        let base = writable_base(obj).clone();
        let Value::Obj(o) = &base else {
            return Err(self.type_error(format!("'{}' object does not support item assignment", self.type_name(obj))));
        };
        match o.view() {
            Obj::Dict(d) => {
                // Hash first: hashing can run Python code (`__hash__`).
                let hash = self.hash(&key)?;
                let mut dd = d.borrow_mut();
                dd.insert_hashed(self, hash, key, v)
            }
            Obj::List(l) => {
                if let Value::Obj(k) = &key {
                    if let Obj::Slice { start, stop, step } = k.view() {
                        return self.list_set_slice(l, start, stop, step, &v);
                    }
                }
                let len = l.borrow().len();
                match self.seq_index(&key, len, "list")? {
                    Some(i) => {
                        let old = std::mem::replace(&mut l.borrow_mut()[i], v);
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Obj::ByteArray(b) => {
                if let Value::Obj(k) = &key {
                    if let Obj::Slice { start, stop, step } = k.view() {
                        let items: Vec<u8> = match &v {
                            Value::Int(_) => return Err(self.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")),
                            _ => {
                                let mut out = Vec::new();
                                for x in self.collect(&v)? {
                                    let n = self.index_value(&x)?;
                                    if !(0..256).contains(&n) {
                                        return Err(self.value_error("byte must be in range(0, 256)"));
                                    }
                                    out.push(n as u8);
                                }
                                out
                            }
                        };
                        let len = b.borrow().len() as i64;
                        let (s, e, st) = slice_indices(self, start, stop, step, len)?;
                        let mut data = b.borrow_mut();
                        if st == 1 {
                            let e = e.max(s);
                            data.splice(s as usize..e as usize, items);
                            return Ok(());
                        }
                        let idx: Vec<usize> = slice_range(s, e, st).collect();
                        if idx.len() != items.len() {
                            drop(data);
                            return Err(self.value_error(format!(
                                "attempt to assign bytes of size {} to extended slice of size {}",
                                items.len(),
                                idx.len()
                            )));
                        }
                        for (i, x) in idx.into_iter().zip(items) {
                            data[i] = x;
                        }
                        return Ok(());
                    }
                }
                let len = b.borrow().len();
                let i = self.seq_index(&key, len, "bytearray")?;
                let x = self.index_value(&v)?;
                match i {
                    Some(i) if (0..256).contains(&x) => {
                        b.borrow_mut()[i] = x as u8;
                        Ok(())
                    }
                    Some(_) => Err(self.value_error("byte must be in range(0, 256)")),
                    None => Err(self.index_error("bytearray index out of range")),
                }
            }
            _ => Err(self.type_error(format!("'{}' object does not support item assignment", self.type_name(obj)))),
        }
    }

    fn list_set_slice(
        &mut self,
        l: &std::cell::RefCell<Vec<Value>>,
        start: &Value,
        stop: &Value,
        step: &Value,
        v: &Value,
    ) -> PyResult<()> {
        if self.iter(v).is_err() {
            return Err(self.type_error("can only assign an iterable"));
        }
        let items = self.collect(v)?;
        let len = l.borrow().len() as i64;
        let (s, e, st) = slice_indices(self, start, stop, step, len)?;
        let mut list = l.borrow_mut();
        if st == 1 {
            let e = e.max(s);
            list.splice(s as usize..e as usize, items);
            return Ok(());
        }
        let idx: Vec<usize> = slice_range(s, e, st).collect();
        if idx.len() != items.len() {
            drop(list);
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                idx.len()
            )));
        }
        for (i, x) in idx.into_iter().zip(items) {
            list[i] = x;
        }
        Ok(())
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Some(f) = self.user_dunder(obj, "__delitem__") {
            self.call_dunder(&f, obj, &[key.clone()])?;
            return Ok(());
        }
        let base = writable_base(obj).clone();
        let Value::Obj(o) = &base else {
            return Err(self.type_error(format!("'{}' object does not support item deletion", self.type_name(obj))));
        };
        match o.view() {
            Obj::Dict(d) => {
                let r = d.borrow_mut().remove(self, key)?;
                match r {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Obj::List(l) => {
                if let Value::Obj(k) = key {
                    if let Obj::Slice { start, stop, step } = k.view() {
                        let len = l.borrow().len() as i64;
                        let (s, e, st) = slice_indices(self, start, stop, step, len)?;
                        let mut idx: Vec<usize> = slice_range(s, e, st).collect();
                        idx.sort_unstable();
                        let mut list = l.borrow_mut();
                        for i in idx.into_iter().rev() {
                            list.remove(i);
                        }
                        return Ok(());
                    }
                }
                let len = l.borrow().len();
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        let old = l.borrow_mut().remove(i);
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Obj::ByteArray(b) => {
                if let Value::Obj(k) = key {
                    if let Obj::Slice { start, stop, step } = k.view() {
                        let len = b.borrow().len() as i64;
                        let (s, e, st) = slice_indices(self, start, stop, step, len)?;
                        let mut idx: Vec<usize> = slice_range(s, e, st).collect();
                        idx.sort_unstable();
                        let mut data = b.borrow_mut();
                        for i in idx.into_iter().rev() {
                            data.remove(i);
                        }
                        return Ok(());
                    }
                }
                let len = b.borrow().len();
                match self.seq_index(key, len, "bytearray")? {
                    Some(i) => {
                        b.borrow_mut().remove(i);
                        Ok(())
                    }
                    None => Err(self.index_error("bytearray index out of range")),
                }
            }
            _ => Err(self.type_error(format!("'{}' object does not support item deletion", self.type_name(obj)))),
        }
    }
}

/// What item assignment and deletion act on: the built-in value a subclass instance
/// wraps, but not the value a native wrapper class keeps (a `mappingproxy`'s mapping
/// is read-only through it).
fn writable_base(obj: &Value) -> &Value {
    if let Value::Obj(o) = obj {
        if let Obj::Instance(i) = o.view() {
            if i.class.as_class().is_some_and(|c| c.layout == crate::object::Layout::Other) {
                return obj;
            }
        }
    }
    unwrap_base(obj)
}
