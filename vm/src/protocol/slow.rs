//! Cold paths of handlers: name lookups in namespaces, error construction,
//! `raise`, `with`, exception matching. `#[cold]` keeps them out of the hot loop.

use crate::interp::Frame;
use crate::object::func::Args;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// LOAD_GLOBAL's lookup on a cache miss: globals, then builtins; refills the cache.
#[inline(never)]
pub fn load_global(f: &Frame, i: usize) -> Option<Value> {
    use crate::object::code::GlobalCache;
    let name = &f.code.names[i];
    let hash = f.code.name_hashes[i];
    let Obj::Dict(g) = f.globals.view() else { return None };
    let g = g.borrow();
    let cache = &f.code.global_cache[i];
    if let Some(idx) = g.index_str_hashed(hash, name) {
        cache.set(GlobalCache {
            globals: f.globals.as_ptr(),
            globals_layout: g.layout(),
            builtins: std::ptr::null(),
            builtins_layout: 0,
            index: idx as u32,
        });
        return g.value_at(idx);
    }
    let Obj::Dict(b) = f.builtins.view() else { return None };
    let b = b.borrow();
    let idx = b.index_str_hashed(hash, name)?;
    cache.set(GlobalCache {
        globals: f.globals.as_ptr(),
        globals_layout: g.layout(),
        builtins: f.builtins.as_ptr(),
        builtins_layout: b.layout(),
        index: idx as u32,
    });
    b.value_at(idx)
}

#[cold]
#[inline(never)]
pub fn unknown_opcode(vm: &mut Vm, op: u8) -> PyErr {
    vm.err("SystemError", format!("unknown opcode {op}"))
}

#[cold]
#[inline(never)]
pub fn unbound_local(vm: &mut Vm, name: &str) -> PyErr {
    vm.err("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
}

#[cold]
#[inline(never)]
pub fn unbound_deref(vm: &mut Vm, code: &pyhop_compiler::CodeObject, i: usize) -> PyErr {
    if i < code.cellvars.len() {
        unbound_local(vm, &code.cellvars[i])
    } else {
        let name = code.freevars.get(i - code.cellvars.len()).map(|s| s.to_string()).unwrap_or_default();
        vm.err(
            "NameError",
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }
}

fn dict_of(v: &Value) -> Option<&crate::object::DictRef> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => Some(d),
            Obj::Instance(i) => match &i.base() {
                Value::Obj(b) => match b.view() {
                    Obj::Dict(_) => None,
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

#[cold]
#[inline(never)]
pub fn load_name(vm: &mut Vm, f: &Frame, name: &str) -> PyResult<Value> {
    if let Some(d) = dict_of(&f.locals) {
        if let Some(v) = d.borrow().get_str(name) {
            return Ok(v);
        }
    } else if !f.locals.is_null() {
        // A mapping that is not a dict (exec with a custom locals mapping).
        match vm.getitem(&f.locals, &Value::str(name)) {
            Ok(v) => return Ok(v),
            Err(e) if vm.err_matches(&e, "KeyError") => {}
            Err(e) => return Err(e),
        }
    }
    if let Obj::Dict(d) = f.globals.view() {
        if let Some(v) = d.borrow().get_str(name) {
            return Ok(v);
        }
    }
    if let Obj::Dict(d) = f.builtins.view() {
        if let Some(v) = d.borrow().get_str(name) {
            return Ok(v);
        }
    }
    Err(vm.name_error(name))
}

#[cold]
#[inline(never)]
pub fn store_name(vm: &mut Vm, f: &Frame, name: &crate::object::ObjRef, v: Value) -> PyResult<()> {
    // The key is the interned name object itself (later lookups match it by address).
    if let Some(d) = dict_of(&f.locals) {
        d.borrow_mut().insert_str_value(Value::Obj(name.clone()), v);
        return Ok(());
    }
    if f.locals.is_null() {
        if let Obj::Dict(d) = f.globals.view() {
            d.borrow_mut().insert_str_value(Value::Obj(name.clone()), v);
        }
        return Ok(());
    }
    vm.setitem(&f.locals, Value::Obj(name.clone()), v)
}

#[cold]
#[inline(never)]
pub fn delete_name(vm: &mut Vm, f: &Frame, name: &str) -> PyResult<()> {
    let target = if f.locals.is_null() { Value::Obj(f.globals.clone()) } else { f.locals.clone() };
    if let Some(d) = dict_of(&target) {
        if d.borrow_mut().remove_str(name).is_some() {
            return Ok(());
        }
        return Err(vm.name_error(name));
    }
    match vm.delitem(&target, &Value::str(name)) {
        Err(e) if vm.err_matches(&e, "KeyError") => Err(vm.name_error(name)),
        r => r,
    }
}

#[cold]
#[inline(never)]
pub fn load_classderef(vm: &mut Vm, f: &Frame, i: usize) -> PyResult<Value> {
    let code = f.code.clone();
    let name = if i < code.cellvars.len() {
        code.cellvars[i].clone()
    } else {
        code.freevars[i - code.cellvars.len()].clone()
    };
    if let Some(d) = dict_of(&f.locals) {
        if let Some(v) = d.borrow().get_str(&name) {
            return Ok(v);
        }
    }
    let cell = f.fast()[code.varnames.len() + i].clone();
    if let Value::Obj(c) = &cell {
        if let Obj::Cell(c) = c.view() {
            let v = c.borrow().clone();
            if !v.is_null() {
                return Ok(v);
            }
        }
    }
    Err(unbound_deref(vm, &code, i))
}

#[cold]
pub fn setup_annotations(vm: &mut Vm, f: &Frame) -> PyResult<()> {
    let target = if f.locals.is_null() { Value::Obj(f.globals.clone()) } else { f.locals.clone() };
    if let Some(d) = dict_of(&target) {
        if d.borrow().get_str("__annotations__").is_none() {
            let ann = vm.new_dict(Default::default());
            d.borrow_mut().insert_str("__annotations__", ann);
        }
    }
    Ok(())
}

#[cold]
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let s = vm.repr_string(&v)?;
    crate::builtins::io::write_stdout(vm, &format!("{s}\n"))?;
    if let Obj::Dict(d) = vm.builtins.view() {
        d.borrow_mut().insert_str("_", v);
    }
    Ok(())
}

#[cold]
pub fn import_star(vm: &mut Vm, f: &Frame, m: &Value) -> PyResult<()> {
    let Value::Obj(mo) = m else { return Ok(()) };
    let Obj::Module(module) = mo.view() else { return Ok(()) };
    let all = module.d().borrow().get_str("__all__");
    let names: Vec<(String, Value)> = match all {
        Some(all) => {
            let mut out = Vec::new();
            for n in vm.collect(&all)? {
                let name = n.as_str().unwrap_or("").to_string();
                let v = vm.getattr(m, &name)?;
                out.push((name, v));
            }
            out
        }
        None => module
            .d()
            .borrow()
            .items()
            .into_iter()
            .filter_map(|(k, v)| {
                let k = k.as_str()?.to_string();
                (!k.starts_with('_')).then_some((k, v))
            })
            .collect(),
    };
    for (k, v) in names {
        store_name(vm, f, &crate::object::intern::intern(&k), v)?;
    }
    Ok(())
}

/// CHECK_EXC_MATCH: isinstance(exc, ty) for a class or a tuple of classes.
pub fn exc_matches(vm: &mut Vm, exc: &Value, ty: &Value) -> PyResult<bool> {
    match ty {
        Value::Obj(o) => match o.view() {
            Obj::Class(c) => {
                if !c.is_subclass_of(o, &vm.exc_class("BaseException")) {
                    return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
                }
                Ok(vm.isinstance(exc, o))
            }
            Obj::Tuple(t) => {
                for x in t.iter() {
                    if exc_matches(vm, exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
        },
        _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

/// The exception object a `raise X [from Y]` raises.
#[cold]
pub fn make_raise(vm: &mut Vm, exc: Value, cause: Option<Value>) -> PyErr {
    let exc = match instantiate_exc(vm, exc) {
        Ok(e) => e,
        Err(e) => return e,
    };
    if let Some(cause) = cause {
        let cause = if cause.is_none() {
            Value::None
        } else {
            match instantiate_exc(vm, cause) {
                Ok(c) => c,
                Err(_) => return vm.type_error("exception causes must derive from BaseException"),
            }
        };
        if let Value::Obj(o) = &exc {
            if let Obj::Exception(e) = o.view() {
                *e.cause.borrow_mut() = cause;
                e.suppress_context.set(true);
            }
        }
    }
    PyErr(exc)
}

fn instantiate_exc(vm: &mut Vm, v: Value) -> Result<Value, PyErr> {
    let base = vm.exc_class("BaseException");
    match &v {
        Value::Obj(o) => match o.view() {
            Obj::Exception(_) => Ok(v),
            Obj::Class(c) if c.is_subclass_of(o, &base) => {
                let e = vm.call(&v, Args::new(&[]))?;
                Ok(e)
            }
            _ => Err(vm.type_error("exceptions must derive from BaseException")),
        },
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

/// BEFORE_WITH: (bound `__exit__`, result of `__enter__()`).
pub fn before_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let tp = vm.type_of(mgr);
    let cls = tp.as_class();
    let has = |n: &str| cls.map(|c| c.lookup(n).is_some()).unwrap_or(false);
    if !has("__enter__") {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            vm.type_name(mgr)
        )));
    }
    if !has("__exit__") {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            vm.type_name(mgr)
        )));
    }
    let enter = vm.getattr(mgr, "__enter__")?;
    let exit = vm.getattr(mgr, "__exit__")?;
    let v = vm.call0(&enter)?;
    Ok((exit, v))
}

/// WITH_EXCEPT_START: `exit(type(exc), exc, exc.__traceback__)`.
pub fn call_exit(vm: &mut Vm, exit: &Value, exc: &Value) -> PyResult<Value> {
    let ty = Value::Obj(vm.type_of(exc));
    let tb = match exc {
        Value::Obj(o) => match o.view() {
            Obj::Exception(e) => e.traceback.borrow().clone(),
            _ => Value::None,
        },
        _ => Value::None,
    };
    vm.call(exit, Args::new(&[ty, exc.clone(), tb]))
}

/// DICT_MERGE's errors name the called function (CPython's `format_kwargs_error`).
#[cold]
pub fn dict_merge_error(vm: &mut Vm, func: &Value, m: &Value, e: PyErr) -> PyErr {
    let fname = vm
        .getattr(func, "__qualname__")
        .ok()
        .and_then(|q| q.as_str().map(String::from))
        .unwrap_or_else(|| vm.type_name(func).to_string());
    if vm.err_matches(&e, "KeyError") {
        let key = crate::protocol::iter::stop_value(vm, &e);
        let k = key.as_str().unwrap_or("?").to_string();
        return vm.type_error(format!("{fname}() got multiple values for keyword argument '{k}'"));
    }
    if vm.err_matches(&e, "TypeError") && !vm.has_attr(m, "keys").unwrap_or(false) {
        return vm.type_error(format!(
            "{fname}() argument after ** must be a mapping, not {}",
            vm.type_name(m)
        ));
    }
    e
}

fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.view(), Obj::Generator(g) if g.generator().borrow().coroutine))
}

/// The iterator `await v` delegates to: a coroutine itself, or what `__await__` returns.
pub fn awaitable(vm: &mut Vm, v: Value, what: &str) -> PyResult<Value> {
    if is_coroutine(&v) {
        return Ok(v);
    }
    let cls = vm.type_of(&v);
    let Some(f) = cls.as_class().and_then(|c| c.lookup("__await__")) else {
        let _ = what;
        return Err(vm.type_error(format!("object {} can't be used in 'await' expression", vm.type_name(&v))));
    };
    let it = vm.call_dunder(&f, &v, &[])?;
    if is_coroutine(&it) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let is_iter = match &it {
        Value::Obj(o) => {
            matches!(o.view(), Obj::Generator(_) | Obj::Iter(_) | Obj::AsyncGenAwaitable(_))
                || vm.user_dunder(&it, "__next__").is_some()
        }
        _ => false,
    };
    if !is_iter {
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{}'", vm.type_name(&it))));
    }
    Ok(it)
}

/// GET_AITER: `type(v).__aiter__(v)`.
pub fn get_aiter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let cls = vm.type_of(&v);
    match cls.as_class().and_then(|c| c.lookup("__aiter__")) {
        Some(f) => vm.call_dunder(&f, &v, &[]),
        None => Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(&v)
        ))),
    }
}

/// GET_ANEXT: the awaitable of `type(aiter).__anext__(aiter)`.
pub fn get_anext(vm: &mut Vm, aiter: Value) -> PyResult<Value> {
    let cls = vm.type_of(&aiter);
    let Some(f) = cls.as_class().and_then(|c| c.lookup("__anext__")) else {
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(&aiter)
        )));
    };
    let r = vm.call_dunder(&f, &aiter, &[])?;
    awaitable(vm, r, "async for")
}

/// BEFORE_ASYNC_WITH: (bound `__aexit__`, awaitable of `__aenter__()`).
pub fn before_async_with(vm: &mut Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let cls = vm.type_of(&mgr);
    let c = cls.as_class();
    let enter = c.and_then(|c| c.lookup("__aenter__"));
    let exit = c.and_then(|c| c.lookup("__aexit__"));
    let (Some(enter), Some(_)) = (enter, exit) else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            vm.type_name(&mgr)
        )));
    };
    let exit = vm.getattr(&mgr, "__aexit__")?;
    let res = vm.call_dunder(&enter, &mgr, &[])?;
    let aw = awaitable(vm, res, "async with")?;
    Ok((exit, aw))
}
