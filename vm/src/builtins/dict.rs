//! `dict` methods and views.
//!
//! Lookups go through the borrow-safe `Dict::cell_*` helpers: no `RefCell` borrow
//! is held while a key's `__eq__` runs.

use crate::builtins::list::margs;
use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::{Dict, DictRef, Obj, ViewKind};
use crate::protocol::iter::new_iter;
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("__init__", dict_init),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("get", dict_get),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("clear", dict_clear),
    ("copy", dict_copy),
    ("fromkeys", dict_fromkeys),
    ("__getitem__", dict_getitem),
    ("__setitem__", dict_setitem),
    ("__delitem__", dict_delitem),
    ("__contains__", dict_contains),
    ("__len__", dict_len),
    ("__iter__", dict_iter),
    ("__reversed__", dict_reversed),
    ("__or__", dict_or),
    ("__ror__", dict_ror),
    ("__ior__", dict_ior),
    ("__eq__", dict_eq),
    ("__ne__", dict_ne),
    ("__hash__", dict_unhashable),
];

/// Methods of `dict_values` (keys and items views use `set::VIEW_METHODS`).
pub const VALUES_METHODS: MethodTable = &[
    ("__len__", view_len),
    ("__iter__", view_iter),
    ("__reversed__", view_reversed),
];

fn this<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a DictRef> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => Ok(d),
            _ => Err(descr_error(vm, v, name)),
        },
        _ => Err(descr_error(vm, v, name)),
    }
}

fn descr_error(vm: &Vm, v: &Value, name: &str) -> crate::vm::PyErr {
    vm.type_error(format!("descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object", vm.type_name(v)))
}

/// Receiver (a dict or subclass) and arguments of a dict method.
fn recv<'a>(vm: &Vm, a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<(&'a Value, &'a DictRef, &'a [Value])> {
    let (slf, rest) = margs(vm, a, "dict", name, min, max)?;
    let d = this(vm, slf, name)?;
    Ok((slf, d, rest))
}

/// `dict(mapping_or_iterable, **kw)` into the dict `d`.
pub fn dict_init_from(vm: &mut Vm, d: &Value, a: Args) -> PyResult<()> {
    let pos = a.pos();
    if pos.len() > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(m) = pos.first() {
        vm.dict_update(d, m, false)?;
    }
    let target = this(vm, d, "update")?;
    for (k, v) in a.kw() {
        target.borrow_mut().insert_str(k, v.clone());
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(slf) = a.pos().first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'dict' object needs an argument"));
    };
    this(vm, &slf, "__init__")?;
    dict_init_from(vm, &slf, Args { args: &a.args[1..], kwnames: a.kwnames })?;
    Ok(Value::None)
}

fn view(vm: &mut Vm, a: Args, kind: ViewKind, name: &str) -> PyResult<Value> {
    let (slf, _, _) = recv(vm, &a, name, 0, 0)?;
    Ok(Value::obj(crate::object::NewObj::DictView { dict: unwrap_base(slf).clone(), kind }))
}

fn dict_keys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, ViewKind::Keys, "keys")
}
fn dict_values(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, ViewKind::Values, "values")
}
fn dict_items(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, ViewKind::Items, "items")
}

fn dict_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "get", 1, 2)?;
    let h = vm.hash(&rest[0])?;
    let r = Dict::cell_get(d, vm, h, &rest[0])?;
    Ok(r.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "pop", 1, 2)?;
    if d.borrow().is_empty() {
        if let Some(v) = rest.get(1) {
            return Ok(v.clone());
        }
    }
    let h = vm.hash(&rest[0])?;
    match Dict::cell_remove(d, vm, h, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, _) = recv(vm, &a, "popitem", 0, 0)?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "setdefault", 1, 2)?;
    let h = vm.hash(&rest[0])?;
    if let Some(v) = Dict::cell_get(d, vm, h, &rest[0])? {
        return Ok(v);
    }
    let v = rest.get(1).cloned().unwrap_or(Value::None);
    Dict::cell_insert(d, vm, h, rest[0].clone(), v.clone())?;
    Ok(v)
}

fn dict_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(slf) = a.pos().first().cloned() else {
        return Err(vm.type_error("descriptor 'update' of 'dict' object needs an argument"));
    };
    this(vm, &slf, "update")?;
    let rest = Args { args: &a.args[1..], kwnames: a.kwnames };
    if rest.pos().len() > 1 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {}", rest.pos().len())));
    }
    dict_init_from(vm, &slf, rest)?;
    Ok(Value::None)
}

fn dict_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, _) = recv(vm, &a, "clear", 0, 0)?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, _) = recv(vm, &a, "copy", 0, 0)?;
    let d = d.borrow().clone();
    Ok(vm.new_dict(d))
}

/// `dict.fromkeys(iterable, value=None)`, also as `d.fromkeys(...)` and on
/// subclasses (`cls()` is built, then `cls.__setitem__` fills it).
fn dict_fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("dict.fromkeys() takes no keyword arguments"));
    }
    let pos = a.pos();
    // Called on the class (`dict.fromkeys(it)` arrives unbound or with the class
    // first) or on an instance (`d.fromkeys(it)`).
    // Installed as a class method, so the class always comes first.
    let (cls, rest): (Option<Value>, &[Value]) = match pos.first() {
        Some(Value::Obj(o)) if o.as_class().is_some() => (Some(pos[0].clone()), &pos[1..]),
        Some(v) if pos.len() >= 2 && matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::Dict(_))) => {
            (Some(Value::Obj(vm.type_of(v))), &pos[1..])
        }
        _ => (None, pos),
    };
    if rest.is_empty() {
        return Err(vm.type_error("fromkeys expected at least 1 argument, got 0"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(format!("fromkeys expected at most 2 arguments, got {}", rest.len())));
    }
    let v = rest.get(1).cloned().unwrap_or(Value::None);
    let heap_cls = cls.filter(|c| matches!(c, Value::Obj(o) if o.as_class().map(|k| k.heap).unwrap_or(false)));
    if let Some(c) = heap_cls {
        let inst = vm.call(&c, Args::new(&[]))?;
        let it = vm.iter(&rest[0])?;
        while let Some(k) = vm.next(&it)? {
            vm.setitem(&inst, k, v.clone())?;
        }
        return Ok(inst);
    }
    let mut d = Dict::new();
    let it = vm.iter(&rest[0])?;
    while let Some(k) = vm.next(&it)? {
        d.insert(vm, k, v.clone())?;
    }
    Ok(vm.new_dict(d))
}

fn dict_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, d, rest) = recv(vm, &a, "__getitem__", 1, 1)?;
    let h = vm.hash(&rest[0])?;
    match Dict::cell_get(d, vm, h, &rest[0])? {
        Some(v) => Ok(v),
        None => {
            if let Some(m) = vm.user_dunder(slf, "__missing__") {
                return vm.call_dunder(&m, slf, &[rest[0].clone()]);
            }
            Err(vm.key_error(rest[0].clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "__setitem__", 2, 2)?;
    let h = vm.hash(&rest[0])?;
    Dict::cell_insert(d, vm, h, rest[0].clone(), rest[1].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "__delitem__", 1, 1)?;
    let h = vm.hash(&rest[0])?;
    match Dict::cell_remove(d, vm, h, &rest[0])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(rest[0].clone())),
    }
}

fn dict_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "__contains__", 1, 1)?;
    let h = vm.hash(&rest[0])?;
    Ok(Value::Bool(Dict::cell_find(d, vm, h, &rest[0])?.is_some()))
}

fn dict_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, _) = recv(vm, &a, "__len__", 0, 0)?;
    let n = d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn dict_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _, _) = recv(vm, &a, "__iter__", 0, 0)?;
    let base = unwrap_base(slf).clone();
    vm.iter(&base)
}

/// A reverse iterator over the keys, values or items of a dict.
fn reversed_of(vm: &mut Vm, d: &DictRef, kind: ViewKind) -> PyResult<Value> {
    let items: Vec<Value> = {
        let d = d.borrow();
        let mut v: Vec<Value> = match kind {
            ViewKind::Keys => d.keys(),
            ViewKind::Values => d.values(),
            ViewKind::Items => d.items().into_iter().map(|(k, v)| Value::obj(crate::object::NewObj::Tuple(vec![k, v]))).collect(),
        };
        v.reverse();
        v
    };
    let t = vm.new_tuple(items);
    Ok(new_iter(crate::object::IterState::Seq { seq: t, index: 0 }))
}

fn dict_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, _) = recv(vm, &a, "__reversed__", 0, 0)?;
    reversed_of(vm, d, ViewKind::Keys)
}

fn is_dict(v: &Value) -> bool {
    matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::Dict(_)))
}

/// `dict | other`: a new (exact) dict, NotImplemented unless both are dicts.
fn dict_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d, rest) = recv(vm, &a, "__or__", 1, 1)?;
    if !is_dict(&rest[0]) {
        return Ok(vm.not_implemented.clone());
    }
    let new = vm.new_dict(d.borrow().clone());
    vm.dict_update(&new, &rest[0], false)?;
    Ok(new)
}

fn dict_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _, rest) = recv(vm, &a, "__ror__", 1, 1)?;
    let Some(other) = (match unwrap_base(&rest[0]) {
        Value::Obj(o) => match o.view() {
            Obj::Dict(x) => Some(x.borrow().clone()),
            _ => None,
        },
        _ => None,
    }) else {
        return Ok(vm.not_implemented.clone());
    };
    let new = vm.new_dict(other);
    vm.dict_update(&new, slf, false)?;
    Ok(new)
}

fn dict_ior(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _, rest) = recv(vm, &a, "__ior__", 1, 1)?;
    vm.dict_update(slf, &rest[0], false)?;
    Ok(slf.clone())
}

fn dict_cmp(vm: &mut Vm, a: Args, name: &str, eq: bool) -> PyResult<Value> {
    let (slf, _, rest) = recv(vm, &a, name, 1, 1)?;
    if !is_dict(&rest[0]) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (unwrap_base(slf).clone(), unwrap_base(&rest[0]).clone());
    let r = vm.eq(&x, &y)?;
    Ok(Value::Bool(r == eq))
}

fn dict_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_cmp(vm, a, "__eq__", true)
}
fn dict_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dict_cmp(vm, a, "__ne__", false)
}

fn dict_unhashable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = a.args.first().map(|v| vm.type_name(v).to_string()).unwrap_or_else(|| "dict".into());
    Err(vm.type_error(format!("unhashable type: '{name}'")))
}

// ---------------------------------------------------------------------------
// Views.

fn view_parts<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<(&'a Value, Value, ViewKind, &'a [Value])> {
    let pos = a.pos();
    let Some(slf) = pos.first() else {
        return Err(vm.type_error(format!("unbound method dict_keys.{name}() needs an argument")));
    };
    match slf {
        Value::Obj(o) => match o.view() {
            Obj::DictView { dict, kind } => Ok((slf, dict.clone(), *kind, &pos[1..])),
            _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'dict_keys' object but received a '{}'", vm.type_name(slf)))),
        },
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'dict_keys' object but received a '{}'", vm.type_name(slf)))),
    }
}

pub fn view_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, dict, _, _) = view_parts(vm, &a, "__len__")?;
    let n = crate::builtins::functions::length(vm, &dict)?;
    Ok(Value::Int(n as i64))
}

pub fn view_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _, _, _) = view_parts(vm, &a, "__iter__")?;
    vm.iter(slf)
}

pub fn view_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, _, _, rest) = view_parts(vm, &a, "__contains__")?;
    let Some(x) = rest.first() else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    Ok(Value::Bool(vm.contains(slf, x)?))
}

pub fn view_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, dict, kind, _) = view_parts(vm, &a, "__reversed__")?;
    match unwrap_base(&dict) {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => reversed_of(vm, d, kind),
            _ => Err(vm.type_error("'dict_keys' object is not reversible")),
        },
        _ => Err(vm.type_error("'dict_keys' object is not reversible")),
    }
}
