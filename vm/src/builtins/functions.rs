//! The built-in functions (`print`, `len`, `isinstance`, `sorted`, ...), `super`,
//! and generator methods.

use std::rc::Rc;

use pyhop_compiler::Mode;

use crate::builtins::{native, MethodTable};
use crate::interp::generator;
use crate::object::func::Args;
use crate::object::heap::Kind;
use crate::object::{Dict, IterState, Obj};
use crate::protocol::iter::{new_iter, SendResult};
use crate::protocol::ops::{unwrap_base, BinOp};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("callable", callable),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("all", all),
        ("any", any),
        ("ord", ord),
        ("chr", chr),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("format", format),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("__build_class__", build_class),
        ("__import__", import),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("input", input),
        ("open", open),
        ("aiter", crate::interp::async_gen::builtin_aiter),
        ("anext", crate::interp::async_gen::builtin_anext),
    ];
    for (name, f) in fns {
        vm.set_builtin(name, native(name, *f));
    }
}

/// `map(...)`, `zip(...)` & co.: the built-in iterator classes are callable.
pub fn construct_iter_type(vm: &mut Vm, cls: &crate::object::ObjRef, a: Args) -> Option<PyResult<Value>> {
    let name = cls.as_class()?.name.clone();
    if !vm.types.iters.get(&*name).map(|c| crate::object::ObjRef::ptr_eq(c, cls)).unwrap_or(false) {
        return None;
    }
    Some(match &*name {
        "enumerate" => enumerate(vm, a),
        "zip" => zip(vm, a),
        "map" => map(vm, a),
        "filter" => filter(vm, a),
        "reversed" => reversed(vm, a),
        _ => Err(vm.type_error(format!("cannot create '{name}' instances"))),
    })
}

pub const ITER_METHODS: MethodTable = &[("__next__", iter_next), ("__iter__", gen_iter)];

fn iter_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__next__", 1, 1)?;
    match vm.next(&pos[0])? {
        Some(v) => Ok(v),
        None => Err(generator::stop_iteration(vm, Value::None)),
    }
}

pub const COROUTINE_METHODS: MethodTable = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__await__", gen_iter),
];

pub const GENERATOR_METHODS: MethodTable = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__next__", gen_next),
    ("__iter__", gen_iter),
];

fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in a.kw() {
        match k {
            "sep" if !v.is_none() => {
                sep = v.as_str().ok_or_else(|| vm.type_error(format!("sep must be None or a string, not {}", vm.type_name(v))))?.to_string()
            }
            "end" if !v.is_none() => {
                end = v.as_str().ok_or_else(|| vm.type_error(format!("end must be None or a string, not {}", vm.type_name(v))))?.to_string()
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            "sep" | "end" => {}
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))),
        }
    }
    let mut out = String::new();
    for (i, v) in a.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Obj(o) if matches!(o.view(), Obj::Str(_)) => out.push_str(v.as_str().unwrap_or("")),
            Value::Int(i) => out.push_str(&i.to_string()),
            _ => out.push_str(&vm.str_string(v)?),
        }
    }
    out.push_str(&end);
    if file.is_none() {
        crate::builtins::io::write_stdout(vm, &out)?;
        if flush {
            crate::builtins::io::flush_stdout();
        }
    } else {
        let w = vm.getattr(&file, "write")?;
        vm.call1(&w, Value::string(out))?;
        if flush {
            if let Some(f) = vm.getattr_opt(&file, "flush")? {
                vm.call0(&f)?;
            }
        }
    }
    Ok(Value::None)
}

/// `len(v)` as usize.
#[inline(always)]
pub fn length(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match exact_len(v) {
        Some(n) => Ok(n),
        None => length_slow(vm, v),
    }
}

/// The length of an exact list, tuple, str or dict. Objects of these kinds are of
/// exactly the built-in type (a subclass's instance is an `Instance`), so no
/// `__len__` of a user can apply.
#[inline(always)]
fn exact_len(v: &Value) -> Option<usize> {
    let Value::Obj(o) = v else { return None };
    match o.kind() {
        Kind::List => o.as_list().and_then(|l| l.try_borrow().ok()).map(|l| l.len()),
        Kind::Tuple => o.as_tuple().map(|t| t.len()),
        Kind::Str => o.as_pystr().map(|s| s.char_len()),
        Kind::Dict => o.as_dict().and_then(|d| d.try_borrow().ok()).map(|d| d.len()),
        _ => None,
    }
}

#[inline(never)]
fn length_slow(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(f) = vm.user_dunder(v, "__len__") {
        let r = vm.call_dunder(&f, v, &[])?;
        let n = vm.index_value(&r)?;
        if n < 0 {
            return Err(vm.value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    if let Value::Obj(o) = unwrap_base(v) {
        let n = match o.view() {
            Obj::Str(s) => s.char_len(),
            Obj::List(l) => l.borrow().len(),
            Obj::Tuple(t) => t.len(),
            Obj::Dict(d) => d.borrow().len(),
            Obj::Set(d) => d.borrow().len(),
            Obj::FrozenSet(d) => d.len(),
            Obj::Bytes(b) => b.len(),
            Obj::ByteArray(b) => b.borrow().len(),
            Obj::Range { .. } => crate::builtins::range::range_len(o),
            Obj::LongRange(r) => crate::builtins::longrange::len_usize(vm, r.long_range())?,
            Obj::MemoryView(m) => crate::builtins::memoryview::len(vm, m.memory_view())?,
            Obj::DictView { dict, .. } => {
                let d = dict.clone();
                return length(vm, &d);
            }
            _ => return Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v)))),
        };
        return Ok(n);
    }
    Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v))))
}

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let [v] = a.args {
        if let (Some(n), true) = (exact_len(v), a.kwnames.is_empty()) {
            return Ok(Value::Int(n as i64));
        }
    }
    let pos = a.check(vm, "len", 1, 1)?;
    Ok(Value::Int(length(vm, &pos[0])? as i64))
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "repr", 1, 1)?;
    vm.repr(&pos[0])
}

fn ascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "ascii", 1, 1)?;
    vm.ascii(&pos[0])
}

fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "abs", 1, 1)?;
    let v = &pos[0];
    if let Some(f) = vm.user_dunder(v, "__abs__") {
        return vm.call_dunder(&f, v, &[]);
    }
    match unwrap_base(v) {
        Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()))),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Obj(o) => match o.view() {
            Obj::Int(b) => Ok(Value::from_bigint(num_bigint::BigInt::from(b.magnitude().clone()))),
            Obj::Complex(re, im) => Ok(Value::Float(re.hypot(*im))),
            _ => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
        },
        _ => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))),
    }
}

fn min_max(vm: &mut Vm, a: Args, name: &str, want_max: bool) -> PyResult<Value> {
    let pos = a.pos();
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in a.kw() {
        match k {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() { item.clone() } else { vm.call1(&key, item.clone())? };
        match &best {
            None => best = Some((k, item)),
            Some((bk, _)) => {
                let better = if want_max { vm.lt(bk, &k)? } else { vm.lt(&k, bk)? };
                if better {
                    best = Some((k, item));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, a: Args) -> PyResult<Value> {
    min_max(vm, a, "min", false)
}

fn max(vm: &mut Vm, a: Args) -> PyResult<Value> {
    min_max(vm, a, "max", true)
}

fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "sum", 1, 2)?;
    let mut acc = a.get(1, "start").cloned().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(&a.pos()[0])?;
    let mut fsum: Option<f64> = None;
    while let Some(x) = vm.next(&it)? {
        // Float accumulation without boxing (CPython keeps a C double too).
        if let (Some(f), Value::Float(y)) = (fsum, &x) {
            fsum = Some(f + y);
            continue;
        }
        if let Some(f) = fsum.take() {
            acc = Value::Float(f);
        }
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(r) => Value::Int(r),
                None => vm.binary_op(BinOp::Add, &acc, &x)?,
            },
            _ => vm.binary_op(BinOp::Add, &acc, &x)?,
        };
        if let Value::Float(f) = acc {
            fsum = Some(f);
        }
    }
    if let Some(f) = fsum {
        acc = Value::Float(f);
    }
    Ok(acc)
}

/// Stable sort of `items` by `key` (None: the items themselves), with `<` that may
/// raise. A merge sort, so a comparison error leaves no half-sorted state behind.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for it in items {
        let k = if key.is_none() { it.clone() } else { vm.call1(key, it.clone())? };
        pairs.push((k, it));
    }
    if reverse {
        pairs.reverse();
    }
    let sorted = merge_sort(vm, pairs)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

fn merge_sort(vm: &mut Vm, mut v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    let n = v.len();
    if n <= 1 {
        return Ok(v);
    }
    // Insertion sort for short runs.
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && vm.lt(&v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(v);
    }
    let right = v.split_off(n / 2);
    let left = merge_sort(vm, v)?;
    let right = merge_sort(vm, right)?;
    let mut out = Vec::with_capacity(n);
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                if vm.lt(&b.0, &a.0)? {
                    out.push(r.next().unwrap_or_default());
                } else {
                    out.push(l.next().unwrap_or_default());
                }
            }
            (Some(_), None) => out.extend(l.by_ref()),
            (None, Some(_)) => out.extend(r.by_ref()),
            (None, None) => break,
        }
    }
    Ok(out)
}

fn sorted(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "sorted", 1, 1)?;
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in a.kw() {
        match k {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.truthy(v)?,
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))),
        }
    }
    let items = vm.collect(&pos[0])?;
    let out = sort_values(vm, items, &key, reverse)?;
    Ok(vm.new_list(out))
}

fn reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "reversed", 1, 1)?;
    let v = &pos[0];
    if let Some(f) = vm.user_dunder(v, "__reversed__") {
        return vm.call_dunder(&f, v, &[]);
    }
    if let Value::Obj(o) = unwrap_base(v) {
        match o.view() {
            Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Range { .. } | Obj::Bytes(_) => {
                let n = length(vm, v)?;
                return Ok(new_iter(IterState::Reversed { seq: v.clone(), index: n }));
            }
            Obj::LongRange(r) => return Ok(new_iter(crate::builtins::longrange::reversed_state(r.long_range()))),
            Obj::Dict(_) => {
                let mut keys = vm.collect(v)?;
                keys.reverse();
                let l = vm.new_list(keys);
                return vm.iter(&l);
            }
            _ => {}
        }
    }
    // A built-in type's own __reversed__ (dict views, ...).
    let cls = vm.type_of(v);
    if let Some(f) = cls.as_class().and_then(|c| c.lookup("__reversed__")) {
        if !matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::Instance(_))) {
            return vm.call1(&f, v.clone());
        }
    }
    if vm.user_dunder(v, "__getitem__").is_some() && vm.user_dunder(v, "__len__").is_some() {
        let n = length(vm, v)?;
        return Ok(new_iter(IterState::Reversed { seq: v.clone(), index: n }));
    }
    Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v))))
}

fn enumerate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "enumerate", 1, 2)?;
    let it = vm.iter(&a.pos()[0])?;
    let start = a.get(1, "start").cloned().unwrap_or(Value::Int(0));
    Ok(new_iter(IterState::Enumerate { iter: it, count: start }))
}

fn zip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut iters = Vec::new();
    for (i, v) in a.pos().iter().enumerate() {
        match vm.iter(v) {
            Ok(it) => iters.push(it),
            Err(e) if vm.err_matches(&e, "TypeError") => {
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)))
            }
            Err(e) => return Err(e),
        }
    }
    let strict = match a.kwarg("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(new_iter(IterState::Zip { iters, strict }))
}

fn map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "map", 2, usize::MAX)?;
    let mut iters = Vec::new();
    for v in &pos[1..] {
        iters.push(vm.iter(v)?);
    }
    Ok(new_iter(IterState::Map { func: pos[0].clone(), iters }))
}

fn filter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "filter", 2, 2)?;
    let it = vm.iter(&pos[1])?;
    Ok(new_iter(IterState::Filter { func: pos[0].clone(), iter: it }))
}

/// `isinstance(v, cls_or_tuple)`.
pub fn is_instance(vm: &mut Vm, v: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Obj(o) => match o.view() {
            Obj::Class(_) => {
                let meta = vm.type_of(cls);
                if let Some(mc) = meta.as_class() {
                    if mc.heap {
                        if let Some(f) = mc.lookup("__instancecheck__") {
                            if matches!(&f, Value::Obj(x) if matches!(x.view(), Obj::Function(_))) {
                                let r = vm.call(&f, Args::new(&[cls.clone(), v.clone()]))?;
                                return vm.truthy(&r);
                            }
                        }
                    }
                }
                if vm.isinstance(v, o) {
                    return Ok(true);
                }
                // `__class__` decides too (a proxy claims its referent's class).
                if crate::builtins::weakref::is_proxy(v) {
                    let r = crate::builtins::weakref::unproxy(vm, v)?;
                    return Ok(vm.isinstance(&r, o));
                }
                Ok(false)
            }
            Obj::Tuple(t) => {
                for c in t.iter() {
                    if is_instance(vm, v, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                // A union tests each of its arguments.
                if let Some(args) = crate::builtins::genericalias::union_args(cls) {
                    return is_instance(vm, v, &args);
                }
                // Any other object with `__instancecheck__` on its type decides
                // (`list[int]` refuses, typing's special forms answer).
                if let Some(f) = instancecheck_of(vm, cls, "__instancecheck__") {
                    let r = vm.call(&f, Args::new(&[cls.clone(), v.clone()]))?;
                    return vm.truthy(&r);
                }
                Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        },
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// `type(cls).__instancecheck__` (or `__subclasscheck__`) of a non-class `cls`: a
/// user class's, or a generic alias's.
fn instancecheck_of(vm: &Vm, cls: &Value, name: &str) -> Option<Value> {
    if let Some(f) = vm.user_dunder(cls, name) {
        return Some(f);
    }
    let t = vm.type_of(crate::protocol::ops::unwrap_base(cls));
    let found = t.as_class()?.lookup(name)?;
    matches!(&found, Value::Obj(o) if matches!(o.view(), Obj::Native(n) if n.owner == Some("GenericAlias"))).then_some(found)
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "isinstance", 2, 2)?;
    Ok(Value::Bool(is_instance(vm, &pos[0], &pos[1])?))
}

pub fn is_subclass(vm: &mut Vm, c: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = cls {
        if matches!(o.view(), Obj::Class(_)) {
            let meta = vm.type_of(cls);
            if let Some(mc) = meta.as_class() {
                if mc.heap {
                    if let Some(f) = mc.lookup("__subclasscheck__") {
                        if matches!(&f, Value::Obj(x) if matches!(x.view(), Obj::Function(_))) {
                            let r = vm.call(&f, Args::new(&[cls.clone(), c.clone()]))?;
                            return vm.truthy(&r);
                        }
                    }
                }
            }
        }
    }
    let Value::Obj(co) = c else { return Err(vm.type_error("issubclass() arg 1 must be a class")) };
    let Some(cc) = co.as_class() else { return Err(vm.type_error("issubclass() arg 1 must be a class")) };
    match cls {
        Value::Obj(o) => match o.view() {
            Obj::Class(_) => Ok(cc.is_subclass_of(co, o)),
            Obj::Tuple(t) => {
                for x in t.iter() {
                    if is_subclass(vm, c, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if let Some(args) = crate::builtins::genericalias::union_args(cls) {
                    return is_subclass(vm, c, &args);
                }
                if let Some(f) = instancecheck_of(vm, cls, "__subclasscheck__") {
                    let r = vm.call(&f, Args::new(&[cls.clone(), c.clone()]))?;
                    return vm.truthy(&r);
                }
                Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
            }
        },
        _ => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "issubclass", 2, 2)?;
    Ok(Value::Bool(is_subclass(vm, &pos[0], &pos[1])?))
}

fn attr_name<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(v))))
}

fn hasattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, &pos[1])?.to_string();
    Ok(Value::Bool(vm.has_attr(&pos[0], &name)?))
}

fn getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, &pos[1])?.to_string();
    match vm.getattr(&pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if pos.len() == 3 && vm.err_matches(&e, "AttributeError") => Ok(pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, &pos[1])?.to_string();
    vm.setattr(&pos[0], &name, pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, &pos[1])?.to_string();
    vm.delattr(&pos[0], &name)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "callable", 1, 1)?;
    let r = vm.is_callable(&pos[0]);
    Ok(Value::Bool(r))
}

fn id(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "id", 1, 1)?;
    Ok(Value::Int(pos[0].id() as i64))
}

fn hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&pos[0])?))
}

fn iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "iter", 1, 2)?;
    if pos.len() == 2 {
        return Ok(new_iter(IterState::Callable { func: pos[0].clone(), sentinel: pos[1].clone() }));
    }
    vm.iter(&pos[0])
}

fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "next", 1, 2)?;
    let it = &pos[0];
    let is_iter = match it {
        Value::Obj(o) => {
            matches!(o.view(), Obj::Iter(_) | Obj::Generator(_) | Obj::AsyncGenAwaitable(_))
                || vm.user_dunder(it, "__next__").is_some()
        }
        _ => false,
    };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if matches!(it, Value::Obj(o) if matches!(o.view(), Obj::AsyncGenAwaitable(_))) {
        return match crate::interp::async_gen::send(vm, it, None) {
            Err(e) if pos.len() == 2 && vm.err_matches(&e, "StopIteration") => Ok(pos[1].clone()),
            r => r,
        };
    }
    // User iterators: let their StopIteration (with its value) through.
    if let Value::Obj(o) = it {
        if !matches!(o.view(), Obj::Iter(_) | Obj::Generator(_)) {
            let f = vm.user_dunder(it, "__next__").unwrap_or(Value::None);
            return match vm.call_dunder(&f, it, &[]) {
                Err(e) if pos.len() == 2 && vm.err_matches(&e, "StopIteration") => Ok(pos[1].clone()),
                r => r,
            };
        }
        if matches!(o.view(), Obj::Generator(_)) {
            return match generator::resume(vm, it, Value::None, None)? {
                SendResult::Yield(v) => Ok(v),
                SendResult::Return(v) => match pos.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(generator::stop_iteration(vm, v)),
                },
            };
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(generator::stop_iteration(vm, Value::None)),
        },
    }
}

fn all(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "all", 1, 1)?;
    let it = vm.iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "any", 1, 1)?;
    let it = vm.iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn ord(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "ord", 1, 1)?;
    match &pos[0] {
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => {
                let mut chars = s.as_str().chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(Value::Int(c as i64)),
                    _ => Err(vm.type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        s.char_len()
                    ))),
                }
            }
            Obj::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Obj::Bytes(b) => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
            _ => Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(&pos[0])))),
        },
        _ => Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(&pos[0])))),
    }
}

fn chr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "chr", 1, 1)?;
    let n = vm.index_value(&pos[0])?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0..0x110000).contains(&n) => Ok(Value::string(char::REPLACEMENT_CHARACTER.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn radix(vm: &mut Vm, a: Args, name: &str, r: u32) -> PyResult<Value> {
    let pos = a.check(vm, name, 1, 1)?;
    let v = &pos[0];
    let n = match v.to_bigint() {
        Some(n) => n,
        None => num_bigint::BigInt::from(vm.index_value(v)?),
    };
    Ok(Value::string(crate::format::int_to_str_radix(&n, r, true)))
}

fn bin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "bin", 2)
}
fn oct(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "oct", 8)
}
fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "hex", 16)
}

fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "round", 1, 2)?;
    let v = a.pos()[0].clone();
    let nd = a.get(1, "ndigits").cloned().unwrap_or(Value::None);
    if let Some(f) = vm.user_dunder(&v, "__round__") {
        let args: Vec<Value> = if nd.is_none() { vec![] } else { vec![nd] };
        return vm.call_dunder(&f, &v, &args);
    }
    crate::builtins::float::round_value(vm, &v, &nd)
}

fn divmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "divmod", 2, 2)?;
    let (x, y) = (&pos[0], &pos[1]);
    if let Some(f) = vm.user_dunder(x, "__divmod__") {
        return vm.call_dunder(&f, x, &[y.clone()]);
    }
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (unwrap_base(x), unwrap_base(y)) {
        let (fx, fy) = (crate::builtins::float::to_f64(vm, x)?, crate::builtins::float::to_f64(vm, y)?);
        if fy == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let (q, r) = crate::protocol::numbers::float_divmod(fx, fy);
        return Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    let q = vm.binary_op(BinOp::FloorDiv, x, y)?;
    let r = vm.binary_op(BinOp::Mod, x, y)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "pow", 2, 3)?;
    let base = a.get(0, "base").cloned().unwrap_or(Value::None);
    let exp = a.get(1, "exp").cloned().unwrap_or(Value::None);
    let m = a.get(2, "mod").cloned().unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(BinOp::Pow, &base, &exp);
    }
    match (base.to_bigint(), exp.to_bigint(), m.to_bigint()) {
        (Some(b), Some(e), Some(md)) => crate::protocol::numbers::int_pow_mod(vm, &b, &e, &md),
        _ => Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
    }
}

fn format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "format", 1, 2)?;
    let spec = match pos.get(1) {
        Some(s) => s.as_str().ok_or_else(|| vm.type_error("format() argument 2 must be str"))?.to_string(),
        None => String::new(),
    };
    vm.format(&pos[0], &spec)
}

fn current_frame(vm: &Vm) -> Option<&crate::interp::Frame> {
    // SAFETY: frames on the stack are live while their run_frame is active.
    vm.frames.last().map(|f| unsafe { &**f })
}

fn globals(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    match current_frame(vm) {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(vm.new_dict(Dict::new())),
    }
}

/// The locals of the running frame as a dict (a snapshot for functions).
pub fn frame_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = current_frame(vm) else { return Ok(vm.new_dict(Dict::new())) };
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    let code = f.code.clone();
    let fast = f.fast().to_vec();
    let mut d = Dict::new();
    for (i, name) in code.varnames.iter().enumerate() {
        if !fast[i].is_null() && !code.cellvars.contains(name) {
            d.insert_str(name, fast[i].clone());
        }
    }
    let n = code.varnames.len();
    for (i, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        if let Some(Value::Obj(c)) = fast.get(n + i) {
            if let Obj::Cell(c) = c.view() {
                let v = c.borrow().clone();
                if !v.is_null() {
                    d.insert_str(name, v);
                }
            }
        }
    }
    Ok(vm.new_dict(d))
}

fn locals(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    frame_locals(vm)
}

fn vars(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "vars", 0, 1)?;
    match pos.first() {
        None => frame_locals(vm),
        Some(v) => match vm.getattr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

/// Attribute names for `dir()`.
pub fn dir_names(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    if let Some(d) = vm.instance_dict(v) {
        names.extend(d.borrow().keys().iter().filter_map(|k| k.as_str().map(String::from)));
    }
    if let Some(i) = v.as_obj().and_then(|o| o.as_instance()) {
        names.extend(i.attrs().iter().filter_map(|(k, _)| k.as_str().map(String::from)));
    }
    names.extend(crate::protocol::special::attr_names(v).iter().map(|n| n.to_string()));
    if let Value::Obj(o) = v {
        if let Obj::Module(m) = o.view() {
            names.extend(m.d().borrow().keys().iter().filter_map(|k| k.as_str().map(String::from)));
        }
    }
    let cls = match v {
        Value::Obj(o) if matches!(o.view(), Obj::Class(_)) => o.clone(),
        _ => vm.type_of(v),
    };
    if let Some(c) = cls.as_class() {
        for k in c.mro.borrow().iter() {
            if let Some(kc) = k.as_class() {
                names.extend(kc.dict.borrow().keys().iter().filter_map(|k| k.as_str().map(String::from)));
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

fn dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "dir", 0, 1)?;
    let names = match pos.first() {
        None => {
            let l = frame_locals(vm)?;
            let mut keys: Vec<String> = vm.collect(&l)?.iter().filter_map(|k| k.as_str().map(String::from)).collect();
            keys.sort();
            keys
        }
        Some(v) => {
            if let Some(f) = vm.user_dunder(v, "__dir__") {
                let r = vm.call_dunder(&f, v, &[])?;
                let items = vm.collect(&r)?;
                let out = crate::builtins::functions::sort_values(vm, items, &Value::None, false)?;
                return Ok(vm.new_list(out));
            }
            dir_names(vm, v)?
        }
    };
    Ok(vm.new_list(names.into_iter().map(Value::string).collect()))
}

fn build_class(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.build_class(a)
}

fn import(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "__import__", 1, 5)?;
    let name = a.pos()[0].as_str().ok_or_else(|| vm.type_error("__import__() argument 1 must be str"))?.to_string();
    let fromlist = a.get(3, "fromlist").cloned().unwrap_or(Value::None);
    let level = a.get(4, "level").cloned().unwrap_or(Value::Int(0));
    let globals = match a.get(1, "globals") {
        Some(Value::Obj(g)) if matches!(g.view(), Obj::Dict(_)) => g.clone(),
        _ => Vm::dict_obj(Dict::new()),
    };
    vm.import_name(&name, &fromlist, &level, &globals)
}

fn code_arg(vm: &mut Vm, src: &Value, mode: Mode, what: &str) -> PyResult<Rc<crate::object::PyCode>> {
    match src {
        Value::Obj(o) => match o.view() {
            Obj::Code(c) => Ok(c.clone()),
            Obj::Str(s) => {
                // eval() strips leading spaces and tabs, as CPython does.
                let text = if mode == Mode::Eval { s.as_str().trim_start_matches([' ', '\t']) } else { s.as_str() };
                let text = text.to_string();
                vm.compile_source(&text, "<string>", mode)
            }
            Obj::Bytes(b) => {
                let text = String::from_utf8_lossy(b).to_string();
                vm.compile_source(&text, "<string>", mode)
            }
            _ => Err(vm.type_error(format!("{what}() arg 1 must be a string, bytes or code object"))),
        },
        _ => Err(vm.type_error(format!("{what}() arg 1 must be a string, bytes or code object"))),
    }
}

fn exec_eval(vm: &mut Vm, a: Args, mode: Mode, what: &str) -> PyResult<Value> {
    a.check_pos(vm, what, 1, 3)?;
    let src = a.pos()[0].clone();
    let code = code_arg(vm, &src, mode, what)?;
    let g = a.get(1, "globals").cloned().unwrap_or(Value::None);
    let l = a.get(2, "locals").cloned().unwrap_or(Value::None);
    let (globals, locals) = match (&g, &l) {
        (Value::None, Value::None) => match current_frame(vm) {
            Some(f) => {
                let glob = f.globals.clone();
                let loc = if f.locals.is_null() { frame_locals(vm)? } else { f.locals.clone() };
                (glob, loc)
            }
            None => {
                let d = Vm::dict_obj(Dict::new());
                (d.clone(), Value::Obj(d))
            }
        },
        (Value::None, _) => {
            let glob = match current_frame(vm) {
                Some(f) => f.globals.clone(),
                None => Vm::dict_obj(Dict::new()),
            };
            (glob, l.clone())
        }
        (Value::Obj(go), _) if matches!(go.view(), Obj::Dict(_)) => {
            let loc = if l.is_none() { g.clone() } else { l.clone() };
            (go.clone(), loc)
        }
        _ => return Err(vm.type_error(format!("{what}() globals must be a dict, not {}", vm.type_name(&g)))),
    };
    if let Obj::Dict(d) = globals.view() {
        if d.borrow().get_str("__builtins__").is_none() {
            d.borrow_mut().insert_str("__builtins__", Value::Obj(vm.builtins.clone()));
        }
    }
    let r = vm.run_code(code, globals, locals)?;
    Ok(if what == "exec" { Value::None } else { r })
}

fn exec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exec_eval(vm, a, Mode::Exec, "exec")
}

fn eval(vm: &mut Vm, a: Args) -> PyResult<Value> {
    exec_eval(vm, a, Mode::Eval, "eval")
}

fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "compile", 3, 6)?;
    let src = a.get(0, "source").cloned().unwrap_or(Value::None);
    let filename = a.get(1, "filename").and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    let mode = match a.get(2, "mode").and_then(|v| v.as_str()) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let text = match &src {
        Value::Obj(o) => match o.view() {
            Obj::Str(s) => s.as_str().to_string(),
            Obj::Bytes(b) => String::from_utf8_lossy(b).to_string(),
            Obj::Code(_) => return Ok(src.clone()),
            _ => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
        },
        _ => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    let code = vm.compile_source(&text, &filename, mode)?;
    Ok(crate::object::code::code_value(&code))
}

fn input(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "input", 0, 1)?;
    if let Some(p) = pos.first() {
        let s = vm.str_string(p)?;
        crate::builtins::io::write_stdout(vm, &s)?;
    }
    crate::builtins::io::flush_stdout();
    let mut s = String::new();
    match std::io::stdin().read_line(&mut s) {
        Ok(0) | Err(_) => Err(vm.err("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if s.ends_with('\n') {
                s.pop();
            }
            Ok(Value::string(s))
        }
    }
}

/// `open()`: implemented in Python (`vm/lib/_fileio.py`) over whole-file native I/O.
fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = vm.import_module("_fileio")?;
    let f = vm.getattr(&m, "open")?;
    vm.call(&f, a)
}

/// `super()` / `super(type, obj)`.
pub fn super_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "super", 0, 2)?;
    if pos.len() == 2 {
        return Ok(Value::obj(crate::object::NewObj::Super { class: pos[0].clone(), obj: pos[1].clone() }));
    }
    if pos.len() == 1 {
        return Err(vm.type_error("super(type) without an object is not supported"));
    }
    let Some(f) = current_frame(vm) else { return Err(vm.err("RuntimeError", "super(): no current frame")) };
    let code = f.code.clone();
    if code.argcount == 0 && code.flags & pyhop_compiler::bytecode::co_flags::VARARGS == 0 {
        return Err(vm.err("RuntimeError", "super(): no arguments"));
    }
    let fast = f.fast();
    let mut first = fast[0].clone();
    // A first argument captured by a closure lives in its cell.
    if let Some(ci) = code.cell2arg.iter().position(|x| *x == Some(0)) {
        if let Value::Obj(c) = &fast[code.varnames.len() + ci] {
            if let Obj::Cell(c) = c.view() {
                first = c.borrow().clone();
            }
        }
    }
    let Some(idx) = code.freevars.iter().position(|n| &**n == "__class__") else {
        return Err(vm.err("RuntimeError", "super(): __class__ cell not found"));
    };
    let cell = fast[code.varnames.len() + code.cellvars.len() + idx].clone();
    let class = match &cell {
        Value::Obj(c) => match c.view() {
            Obj::Cell(c) => c.borrow().clone(),
            _ => Value::Null,
        },
        _ => Value::Null,
    };
    if class.is_null() {
        return Err(vm.err("RuntimeError", "super(): empty __class__ cell"));
    }
    Ok(Value::obj(crate::object::NewObj::Super { class, obj: first }))
}

fn gen_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "send", 2, 2)?;
    match generator::resume(vm, &pos[0], pos[1].clone(), None)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(generator::stop_iteration(vm, v)),
    }
}

fn gen_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "throw", 2, 4)?;
    let PyErr(exc) = crate::interp::async_gen::throw_exception(vm, &pos[1..])?;
    match generator::resume(vm, &pos[0], Value::None, Some(PyErr(exc)))? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(generator::stop_iteration(vm, v)),
    }
}

fn gen_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "close", 1, 1)?;
    generator::close(vm, &pos[0])
}

fn gen_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__next__", 1, 1)?;
    match generator::resume(vm, &pos[0], Value::None, None)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(generator::stop_iteration(vm, v)),
    }
}

fn gen_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__iter__", 1, 1)?;
    Ok(pos[0].clone())
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match o.view() {
                Obj::Function(_) | Obj::Native(_) | Obj::BoundMethod { .. } | Obj::Class(_) => true,
                _ => self.type_of(v).as_class().map(|c| c.lookup("__call__").is_some()).unwrap_or(false),
            },
            _ => false,
        }
    }
}
