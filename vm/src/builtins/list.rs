//! `list` methods.

use crate::builtins::{list_of, MethodTable};
use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("__init__", list_init),
    ("append", list_append),
    ("extend", list_extend),
    ("pop", list_pop),
    ("insert", list_insert),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("clear", list_clear),
    ("copy", list_copy),
];

fn this<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match a.pos().first().and_then(list_of) {
        Some(l) => Ok(l),
        None => Err(vm.type_error(format!("descriptor '{name}' for 'list' objects doesn't apply to this object"))),
    }
}

fn list_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "list", 1, 2)?;
    let l = this(vm, &a, "__init__")?;
    let items = match pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "append", 2, 2)?;
    this(vm, &a, "append")?.borrow_mut().push(pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "extend", 2, 2)?;
    let l = this(vm, &a, "extend")?;
    let items = vm.collect(&pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "pop", 1, 2)?;
    let l = this(vm, &a, "pop")?;
    let len = l.borrow().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match pos.get(1) {
        Some(v) => vm.index_value(v)?,
        None => len - 1,
    };
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

fn list_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "insert", 3, 3)?;
    let l = this(vm, &a, "insert")?;
    let len = l.borrow().len() as i64;
    let i = vm.index_value(&pos[1])?;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(j as usize, pos[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "remove", 2, 2)?;
    let l = this(vm, &a, "remove")?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &pos[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

/// `start`/`stop` arguments of `index` methods, clamped like slice bounds.
pub fn index_bounds(vm: &mut Vm, pos: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let clamp = |i: i64| -> usize {
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        j as usize
    };
    let start = match pos.get(2) {
        Some(v) => clamp(vm.index_clamped(v)?),
        None => 0,
    };
    let stop = match pos.get(3) {
        Some(v) => clamp(vm.index_clamped(v)?),
        None => len,
    };
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "index", 2, 4)?;
    let items = this(vm, &a, "index")?.borrow().clone();
    let (start, stop) = index_bounds(vm, pos, items.len())?;
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(x, &pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr_string(&pos[1])?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "count", 2, 2)?;
    let items = this(vm, &a, "count")?.borrow().clone();
    let mut n = 0;
    for x in items.iter() {
        if vm.eq(x, &pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "sort", 1, 1)?;
    let l = this(vm, &a, "sort")?;
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in a.kw() {
        match k {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.truthy(v)?,
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))),
        }
    }
    // Sort a copy; the list reads as empty meanwhile (CPython raises if it changed).
    let items = std::mem::take(&mut *l.borrow_mut());
    let fast_ints = key.is_none() && items.iter().all(|v| matches!(v, Value::Int(_)));
    if fast_ints {
        let mut ints: Vec<i64> = items.iter().map(|v| if let Value::Int(i) = v { *i } else { 0 }).collect();
        ints.sort();
        if reverse {
            ints.reverse();
        }
        *l.borrow_mut() = ints.into_iter().map(Value::Int).collect();
        return Ok(Value::None);
    }
    let backup = items.clone();
    match crate::builtins::functions::sort_values(vm, items, &key, reverse) {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = backup;
            Err(e)
        }
    }
}

fn list_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "reverse", 1, 1)?;
    this(vm, &a, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "clear", 1, 1)?;
    let old = std::mem::take(&mut *this(vm, &a, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "copy", 1, 1)?;
    let items = this(vm, &a, "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}
