//! `list` methods.

use crate::builtins::{list_of, seqops, MethodTable};
use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Receiver and arguments of a method of a built-in type, with CPython's
/// messages. `min..=max` counts the arguments after self: (1, 1) is a `METH_O`
/// method, (0, 0) a `METH_NOARGS` one, anything else an argument-clinic signature.
pub fn margs<'a>(vm: &Vm, a: &Args<'a>, owner: &str, name: &str, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    let pos = a.pos();
    let Some(slf) = pos.first() else {
        return Err(vm.type_error(format!("unbound method {owner}.{name}() needs an argument")));
    };
    if a.has_kw() {
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let rest = &pos[1..];
    let n = rest.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = match (min, max) {
        (1, 1) if n != 1 => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
        (0, 0) if n != 0 => format!("{owner}.{name}() takes no arguments ({n} given)"),
        _ if n < min && min == max => format!("{name} expected {min} argument{}, got {n}", plural(min)),
        _ if n < min => format!("{name} expected at least {min} argument{}, got {n}", plural(min)),
        _ if n > max => format!("{name} expected at most {max} argument{}, got {n}", plural(max)),
        _ => return Ok((slf, rest)),
    };
    Err(vm.type_error(msg))
}

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
    ("__getitem__", seqops::list_getitem),
    ("__setitem__", seqops::list_setitem),
    ("__delitem__", seqops::list_delitem),
    ("__len__", seqops::list_len),
    ("__contains__", seqops::list_contains),
    ("__iter__", seqops::list_iter),
    ("__reversed__", seqops::list_reversed),
    ("__add__", seqops::list_add),
    ("__mul__", seqops::list_mul),
    ("__rmul__", seqops::list_mul),
    ("__iadd__", seqops::list_iadd),
    ("__imul__", seqops::list_imul),
    ("__hash__", seqops::unhashable),
];

fn this<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match a.pos().first() {
        Some(v) => match list_of(v) {
            Some(l) => Ok(l),
            None => Err(vm.type_error(format!(
                "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

/// `margs` for a list method; returns all positional arguments, self first.
fn chk<'a>(vm: &Vm, a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    margs(vm, a, "list", name, min, max)?;
    this(vm, a, name)?;
    Ok(a.pos())
}

fn list_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let l = this(vm, &a, "__init__")?;
    if a.has_kw() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let pos = a.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", pos.len() - 1)));
    }
    let items = match pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = chk(vm, &a, "append", 1, 1)?;
    crate::object::list_push(&mut this(vm, &a, "append")?.borrow_mut(), pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = chk(vm, &a, "extend", 1, 1)?;
    let l = this(vm, &a, "extend")?;
    let items = vm.collect(&pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = chk(vm, &a, "pop", 0, 1)?;
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
    let pos = chk(vm, &a, "insert", 2, 2)?;
    let l = this(vm, &a, "insert")?;
    let len = l.borrow().len() as i64;
    let i = vm.index_value(&pos[1])?;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(j as usize, pos[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = chk(vm, &a, "remove", 1, 1)?;
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
    let pos = chk(vm, &a, "index", 1, 3)?;
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
    let pos = chk(vm, &a, "count", 1, 1)?;
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
    let l = this(vm, &a, "sort")?;
    if a.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    if a.kwnames.len() > 2 {
        return Err(vm.type_error(format!("sort() takes at most 2 keyword arguments ({} given)", a.kwnames.len())));
    }
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
    chk(vm, &a, "reverse", 0, 0)?;
    this(vm, &a, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    chk(vm, &a, "clear", 0, 0)?;
    let old = std::mem::take(&mut *this(vm, &a, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    chk(vm, &a, "copy", 0, 0)?;
    let items = this(vm, &a, "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}
