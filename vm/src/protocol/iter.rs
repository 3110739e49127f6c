//! The iterator protocol: `iter()`, `next()` (native iterators never raise
//! StopIteration internally: exhaustion is `Ok(None)`), `send` for `yield from`,
//! and helpers that drain iterables (unpacking, `list.extend`, ...).

use std::cell::RefCell;

use crate::interp::generator;
use crate::object::func::Args;
use crate::object::{IterState, Obj, ViewKind};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub enum SendResult {
    Yield(Value),
    Return(Value),
}

/// The value carried by a StopIteration (its first argument, or None).
pub fn stop_value(_vm: &Vm, e: &PyErr) -> Value {
    if let Value::Obj(o) = &e.0 {
        if let Obj::Exception(x) = o.view() {
            if let Value::Obj(t) = &*x.args.borrow() {
                if let Obj::Tuple(t) = t.view() {
                    return t.first().cloned().unwrap_or(Value::None);
                }
            }
        }
    }
    Value::None
}

pub fn new_iter(state: IterState) -> Value {
    Value::obj(crate::object::NewObj::Iter(RefCell::new(state)))
}

impl Vm {
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(f) = self.user_dunder(v, "__iter__") {
            let it = self.call_dunder(&f, v, &[])?;
            return Ok(it);
        }
        let base = unwrap_base(v).clone();
        if let Value::Obj(o) = &base {
            let st = match o.view() {
                Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_) => IterState::Seq { seq: base.clone(), index: 0 },
                Obj::Str(_) => IterState::Str { s: base.clone(), byte: 0 },
                Obj::Range { start, stop, step } => IterState::Range { next: *start, stop: *stop, step: *step },
                Obj::LongRange(r) => crate::builtins::longrange::iter_state(r.long_range()),
                Obj::MemoryView(m) => {
                    let m = m.memory_view();
                    if m.released.get() {
                        return Err(self.value_error("operation forbidden on released memoryview object"));
                    }
                    IterState::Seq { seq: Value::obj(crate::object::NewObj::Bytes(m.data())), index: 0 }
                }
                Obj::Dict(d) => IterState::Dict { dict: base.clone(), index: 0, kind: ViewKind::Keys, len: d.borrow().len() },
                Obj::DictView { dict, kind } => {
                    let len = match dict {
                        Value::Obj(d) => match d.view() {
                            Obj::Dict(d) => d.borrow().len(),
                            _ => 0,
                        },
                        _ => 0,
                    };
                    IterState::Dict { dict: unwrap_base(dict).clone(), index: 0, kind: *kind, len }
                }
                Obj::Set(_) | Obj::FrozenSet(_) => IterState::SetKeys { set: base.clone(), index: 0 },
                Obj::Iter(_) | Obj::Generator(_) | Obj::AsyncGenAwaitable(_) => return Ok(base.clone()),
                _ => {
                    if self.user_dunder(v, "__getitem__").is_some() {
                        IterState::GetItem { obj: v.clone(), index: 0 }
                    } else if self.user_dunder(v, "__next__").is_some() {
                        return Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))));
                    } else {
                        return Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))));
                    }
                }
            };
            return Ok(new_iter(st));
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            return Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it))));
        };
        match o.view() {
            Obj::Iter(st) => self.next_native(st),
            Obj::Generator(_) => match generator::resume(self, it, Value::None, None)? {
                SendResult::Yield(v) => Ok(Some(v)),
                SendResult::Return(_) => Ok(None),
            },
            Obj::AsyncGenAwaitable(_) => match crate::interp::async_gen::send(self, it, None) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_matches(&e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            _ => match self.user_dunder(it, "__next__") {
                Some(f) => match self.call_dunder(&f, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it)))),
            },
        }
    }

    fn next_native(&mut self, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
        let mut s = st.borrow_mut();
        match &mut *s {
            IterState::Seq { seq, index } => {
                let Value::Obj(o) = seq else { return Ok(None) };
                let v = match o.view() {
                    Obj::List(l) => l.borrow().get(*index).cloned(),
                    Obj::Tuple(t) => t.get(*index).cloned(),
                    Obj::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
                    Obj::ByteArray(b) => b.borrow().get(*index).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                if v.is_some() {
                    *index += 1;
                } else {
                    // Stay exhausted even if the sequence grows (CPython drops it).
                    *index = usize::MAX / 2;
                }
                Ok(v)
            }
            IterState::Str { s: sv, byte } => {
                let text = sv.as_str().unwrap_or("");
                match text[*byte..].chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        let mut buf = [0u8; 4];
                        Ok(Some(Value::str(c.encode_utf8(&mut buf))))
                    }
                    None => Ok(None),
                }
            }
            IterState::LongRange(it) => {
                let crate::object::LongRangeIter { next, step, left } = &mut **it;
                if num_traits::Zero::is_zero(left) {
                    return Ok(None);
                }
                *left -= 1;
                let v = next.clone();
                *next += &*step;
                Ok(Some(Value::from_bigint(v)))
            }
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Dict { dict, index, kind, len } => {
                let Value::Obj(o) = dict else { return Ok(None) };
                let Obj::Dict(d) = o.view() else { return Ok(None) };
                let d = d.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(self.err("RuntimeError", "dictionary changed size during iteration"));
                }
                match d.entry_from(*index) {
                    Some((i, e)) => {
                        *index = i + 1;
                        Ok(Some(match kind {
                            ViewKind::Keys => e.key.clone(),
                            ViewKind::Values => e.value.clone(),
                            ViewKind::Items => Value::obj(crate::object::NewObj::Tuple(vec![e.key.clone(), e.value.clone()])),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::SetKeys { set, index } => {
                let Value::Obj(o) = set else { return Ok(None) };
                let r = match o.view() {
                    Obj::Set(d) => d.borrow().entry_from(*index).map(|(i, e)| (i, e.key.clone())),
                    Obj::FrozenSet(d) => d.entry_from(*index).map(|(i, e)| (i, e.key.clone())),
                    _ => None,
                };
                match r {
                    Some((i, k)) => {
                        *index = i + 1;
                        Ok(Some(k))
                    }
                    None => Ok(None),
                }
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let (seq, i) = (seq.clone(), *index);
                drop(s);
                let v = self.getitem(&seq, &Value::Int(i as i64));
                match v {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, "IndexError") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            IterState::Callable { func, sentinel } => {
                let (f, sent) = (func.clone(), sentinel.clone());
                drop(s);
                let v = self.call0(&f)?;
                if self.eq(&v, &sent)? {
                    *st.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::GetItem { obj, index } => {
                let (o, i) = (obj.clone(), *index);
                *index += 1;
                drop(s);
                match self.getitem(&o, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, "IndexError") || self.err_matches(&e, "StopIteration") => {
                        *st.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Enumerate { iter, count } => {
                let (it, c) = (iter.clone(), count.clone());
                drop(s);
                match self.next(&it)? {
                    Some(v) => {
                        let next_c = self.binary_op(crate::protocol::ops::BinOp::Add, &c, &Value::Int(1))?;
                        if let IterState::Enumerate { count, .. } = &mut *st.borrow_mut() {
                            *count = next_c;
                        }
                        Ok(Some(self.new_tuple(vec![c, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { iters, strict } => {
                let (its, strict) = (iters.clone(), *strict);
                drop(s);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            *st.borrow_mut() = IterState::Exhausted;
                            if strict {
                                if i > 0 {
                                    let plural = if i == 1 { " " } else { "s 1-" };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{plural}{}",
                                        i + 1,
                                        i
                                    )));
                                }
                                for (j, rest) in its.iter().enumerate().skip(1) {
                                    if self.next(rest)?.is_some() {
                                        let plural = if j == 1 { " " } else { "s 1-" };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{plural}{}",
                                            j + 1,
                                            j
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(out)))
            }
            IterState::Map { func, iters } => {
                let (f, its) = (func.clone(), iters.clone());
                drop(s);
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter() {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(&f, Args::new(&args))?))
            }
            IterState::Filter { func, iter } => {
                let (f, it) = (func.clone(), iter.clone());
                drop(s);
                loop {
                    let Some(v) = self.next(&it)? else { return Ok(None) };
                    let keep = if f.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call1(&f, v.clone())?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// Send `v` into a delegate of `yield from`.
    pub fn send(&mut self, recv: &Value, v: Value) -> PyResult<SendResult> {
        if let Value::Obj(o) = recv {
            if matches!(o.view(), Obj::Generator(_)) {
                return generator::resume(self, recv, v, None);
            }
            if matches!(o.view(), Obj::AsyncGenAwaitable(_)) {
                return match crate::interp::async_gen::send(self, recv, Some(v)) {
                    Ok(x) => Ok(SendResult::Yield(x)),
                    Err(e) if self.err_matches(&e, "StopIteration") => Ok(SendResult::Return(stop_value(self, &e))),
                    Err(e) => Err(e),
                };
            }
        }
        if v.is_none() {
            return match self.next_with_value(recv)? {
                Ok(x) => Ok(SendResult::Yield(x)),
                Err(r) => Ok(SendResult::Return(r)),
            };
        }
        let m = self.getattr(recv, "send")?;
        match self.call1(&m, v) {
            Ok(x) => Ok(SendResult::Yield(x)),
            Err(e) if self.err_matches(&e, "StopIteration") => Ok(SendResult::Return(stop_value(self, &e))),
            Err(e) => Err(e),
        }
    }

    /// `next(it)` keeping a StopIteration's value: `Ok(Err(value))` when exhausted.
    fn next_with_value(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        if let Value::Obj(o) = it {
            if !matches!(o.view(), Obj::Iter(_) | Obj::Generator(_)) {
                if let Some(f) = self.user_dunder(it, "__next__") {
                    return match self.call_dunder(&f, it, &[]) {
                        Ok(v) => Ok(Ok(v)),
                        Err(e) if self.err_matches(&e, "StopIteration") => Ok(Err(stop_value(self, &e))),
                        Err(e) => Err(e),
                    };
                }
            }
        }
        Ok(match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(Value::None),
        })
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = unwrap_base(v) {
            if self.user_dunder(v, "__iter__").is_none() {
                match o.view() {
                    Obj::List(l) => return Ok(l.borrow().clone()),
                    Obj::Tuple(t) => return Ok(t.to_vec()),
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpack exactly `n` items (UNPACK_SEQUENCE).
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let it = match self.iter(v) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, "TypeError") => {
                return Err(self.type_error(format!("cannot unpack non-iterable {} object", self.type_name(v))))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(x) => out.push(x),
                None => {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        out.len()
                    )))
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(out)
    }

    pub fn list_extend(&mut self, list: &Value, it: &Value) -> PyResult<()> {
        let items = match self.collect(it) {
            Ok(i) => i,
            Err(e) if self.err_matches(&e, "TypeError") && self.iter(it).is_err() => {
                return Err(self.type_error(format!("Value after * must be an iterable, not {}", self.type_name(it))))
            }
            Err(e) => return Err(e),
        };
        if let Value::Obj(o) = unwrap_base(list) {
            if let Obj::List(l) = o.view() {
                l.borrow_mut().extend(items);
            }
        }
        Ok(())
    }

    pub fn set_add(&mut self, set: &Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = unwrap_base(set) {
            if let Obj::Set(s) = o.view() {
                let h = self.hash(&v)?;
                let mut s = s.borrow_mut();
                return s.insert_hashed(self, h, v, Value::None);
            }
        }
        Ok(())
    }

    /// `d.update(m)`; with `merge`, a repeated key is an error (`**` in calls).
    pub fn dict_update(&mut self, d: &Value, m: &Value, merge: bool) -> PyResult<()> {
        let Value::Obj(dobj) = unwrap_base(d) else { return Ok(()) };
        let Obj::Dict(target) = dobj.view() else { return Ok(()) };
        let pairs: Vec<(Value, Value)> = match unwrap_base(m) {
            Value::Obj(o) if matches!(o.view(), Obj::Dict(_)) && self.user_dunder(m, "keys").is_none() => match o.view() {
                Obj::Dict(src) => src.borrow().items(),
                _ => Vec::new(),
            },
            _ => {
                if self.has_attr(m, "keys")? {
                    let keys_fn = self.getattr(m, "keys")?;
                    let keys = self.call0(&keys_fn)?;
                    let keys = self.collect(&keys)?;
                    let mut out = Vec::with_capacity(keys.len());
                    for k in keys {
                        let v = self.getitem(m, &k)?;
                        out.push((k, v));
                    }
                    out
                } else if merge {
                    return Err(self.type_error(format!("'{}' object is not a mapping", self.type_name(m))));
                } else {
                    let mut out = Vec::new();
                    for (i, item) in self.collect(m)?.into_iter().enumerate() {
                        let kv = self.collect(&item).map_err(|_| {
                            self.type_error(format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence"
                            ))
                        })?;
                        if kv.len() != 2 {
                            return Err(self.value_error(format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                        let mut kv = kv.into_iter();
                        out.push((kv.next().unwrap_or_default(), kv.next().unwrap_or_default()));
                    }
                    out
                }
            }
        };
        for (k, v) in pairs {
            let h = self.hash(&k)?;
            if merge {
                let exists = target.borrow().get_hashed(self, h, &k)?.is_some();
                if exists {
                    return Err(self.key_error(k));
                }
            }
            target.borrow_mut().insert_hashed(self, h, k, v)?;
        }
        Ok(())
    }
}
