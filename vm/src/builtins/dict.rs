//! `dict` methods and views.

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::{Dict, DictRef, Obj, ViewKind};
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
];

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a DictRef> {
    match unwrap_base(v) {
        Value::Obj(o) => match &**o {
            Obj::Dict(d) => Ok(d),
            _ => Err(vm.type_error("descriptor requires a 'dict' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
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
    let target = this(vm, d)?;
    for (k, v) in a.kw() {
        target.borrow_mut().insert_str(k, v.clone());
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let slf = a.args[0].clone();
    dict_init_from(vm, &slf, Args { args: &a.args[1..], kwnames: a.kwnames })?;
    Ok(Value::None)
}

fn view(vm: &mut Vm, a: Args, kind: ViewKind, name: &str) -> PyResult<Value> {
    let pos = a.check(vm, name, 1, 1)?;
    this(vm, &pos[0])?;
    Ok(Value::obj(Obj::DictView { dict: unwrap_base(&pos[0]).clone(), kind }))
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
    let pos = a.check(vm, "get", 2, 3)?;
    let d = this(vm, &pos[0])?;
    let r = {
        let dd = d.borrow();
        dd.get(vm, &pos[1])?
    };
    Ok(r.unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pop", 2, 3)?;
    let d = this(vm, &pos[0])?;
    let r = d.borrow_mut().remove(vm, &pos[1])?;
    match r {
        Some(v) => Ok(v),
        None => match pos.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(pos[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "popitem", 1, 1)?;
    let d = this(vm, &pos[0])?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "setdefault", 2, 3)?;
    let d = this(vm, &pos[0])?;
    let existing = {
        let dd = d.borrow();
        dd.get(vm, &pos[1])?
    };
    if let Some(v) = existing {
        return Ok(v);
    }
    let v = pos.get(2).cloned().unwrap_or(Value::None);
    let h = vm.hash(&pos[1])?;
    d.borrow_mut().insert_hashed(vm, h, pos[1].clone(), v.clone())?;
    Ok(v)
}

fn dict_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let slf = a.args[0].clone();
    dict_init_from(vm, &slf, Args { args: &a.args[1..], kwnames: a.kwnames })?;
    Ok(Value::None)
}

fn dict_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "clear", 1, 1)?;
    let old = std::mem::take(&mut *this(vm, &pos[0])?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "copy", 1, 1)?;
    let d = this(vm, &pos[0])?.borrow().clone();
    Ok(vm.new_dict(d))
}

fn dict_fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "fromkeys", 2, 3)?;
    let v = pos.get(2).cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in vm.collect(&pos[1])? {
        d.insert(vm, k, v.clone())?;
    }
    let dv = vm.new_dict(d);
    // cls.fromkeys on a subclass builds the subclass.
    if let Value::Obj(c) = &pos[0] {
        if let Some(cc) = c.as_class() {
            if cc.heap {
                let inst = vm.call(&pos[0], Args::new(&[]))?;
                vm.dict_update(&inst, &dv, false)?;
                return Ok(inst);
            }
        }
    }
    Ok(dv)
}

fn dict_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__getitem__", 2, 2)?;
    let d = this(vm, &pos[0])?;
    let r = {
        let dd = d.borrow();
        dd.get(vm, &pos[1])?
    };
    match r {
        Some(v) => Ok(v),
        None => {
            if let Some(m) = vm.user_dunder(&pos[0], "__missing__") {
                return vm.call_dunder(&m, &pos[0], &[pos[1].clone()]);
            }
            Err(vm.key_error(pos[1].clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__setitem__", 3, 3)?;
    let d = this(vm, &pos[0])?;
    let h = vm.hash(&pos[1])?;
    d.borrow_mut().insert_hashed(vm, h, pos[1].clone(), pos[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__delitem__", 2, 2)?;
    let d = this(vm, &pos[0])?;
    let r = d.borrow_mut().remove(vm, &pos[1])?;
    match r {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(pos[1].clone())),
    }
}

fn dict_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__contains__", 2, 2)?;
    let d = this(vm, &pos[0])?;
    let r = {
        let dd = d.borrow();
        dd.contains(vm, &pos[1])?
    };
    Ok(Value::Bool(r))
}

fn dict_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__len__", 1, 1)?;
    Ok(Value::Int(this(vm, &pos[0])?.borrow().len() as i64))
}

fn dict_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__iter__", 1, 1)?;
    let base = unwrap_base(&pos[0]).clone();
    vm.iter(&base)
}
