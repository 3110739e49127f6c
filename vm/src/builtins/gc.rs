//! The `gc` module over the cycle collector (`object/gc.rs`, driven by
//! `interp/pending.rs`), with CPython 3.11's interface.

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::{gc, Dict, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    d.insert_str("collect", native("collect", collect));
    d.insert_str("enable", native("enable", enable));
    d.insert_str("disable", native("disable", disable));
    d.insert_str("isenabled", native("isenabled", isenabled));
    d.insert_str("get_count", native("get_count", get_count));
    d.insert_str("get_threshold", native("get_threshold", get_threshold));
    d.insert_str("set_threshold", native("set_threshold", set_threshold));
    d.insert_str("get_objects", native("get_objects", get_objects));
    d.insert_str("get_stats", native("get_stats", get_stats));
    d.insert_str("is_tracked", native("is_tracked", is_tracked));
    d.insert_str("is_finalized", native("is_finalized", is_finalized));
    d.insert_str("freeze", native("freeze", freeze));
    d.insert_str("unfreeze", native("unfreeze", unfreeze));
    d.insert_str("get_freeze_count", native("get_freeze_count", get_freeze_count));
    d.insert_str("get_referents", native("get_referents", get_referents));
    d.insert_str("get_referrers", native("get_referrers", get_referrers));
    d.insert_str("set_debug", native("set_debug", set_debug));
    d.insert_str("get_debug", native("get_debug", get_debug));
    d.insert_str("callbacks", vm.gc_callbacks.clone());
    d.insert_str("garbage", vm.gc_garbage.clone());
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", crate::interp::pending::DEBUG_SAVEALL),
        ("DEBUG_LEAK", 38),
    ] {
        d.insert_str(name, Value::Int(v));
    }
}

/// `gc.collect(generation=2)`.
fn collect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "collect", 0, 1)?;
    let g = match pos.first().or(a.kwarg("generation")) {
        Some(v) => vm.index_value(v)?,
        None => 2,
    };
    if !(0..gc::NGEN as i64).contains(&g) {
        return Err(vm.value_error("invalid generation"));
    }
    // Finalizers queued before the collection run first (as CPython, whose
    // refcount-zero finalizers already ran).
    vm.run_pending();
    let n = vm.gc_collect(g as usize, true);
    vm.run_pending();
    Ok(Value::Int(n as i64))
}

fn enable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "enable", 0, 0)?;
    gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "disable", 0, 0)?;
    gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "isenabled", 0, 0)?;
    Ok(Value::Bool(gc::is_enabled()))
}

fn get_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_count", 0, 0)?;
    let c = gc::count();
    Ok(vm.new_tuple(c.iter().map(|n| Value::Int(*n as i64)).collect()))
}

fn get_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_threshold", 0, 0)?;
    let t = gc::threshold();
    Ok(vm.new_tuple(t.iter().map(|n| Value::Int(*n as i64)).collect()))
}

fn set_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    let pos = a.pos();
    if pos.is_empty() {
        return Err(vm.type_error("set_threshold() takes at least 1 argument (0 given)"));
    }
    if pos.len() > 3 {
        return Err(vm.type_error(format!("set_threshold() takes at most 3 arguments ({} given)", pos.len())));
    }
    let mut t = Vec::new();
    for v in pos {
        let n = vm.index_value(v)?;
        t.push(n.max(0) as usize);
    }
    gc::set_threshold(&t);
    Ok(Value::None)
}

fn get_objects(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "get_objects", 0, 1)?;
    let gen = match pos.first().or(a.kwarg("generation")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let g = vm.index_value(v)?;
            if g >= gc::NGEN as i64 {
                return Err(vm.value_error(format!("generation parameter must be less than the number of available generations ({})", gc::NGEN)));
            }
            if g < 0 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
    };
    let objs = gc::objects(gen);
    Ok(vm.new_list(objs.into_iter().filter(gc::is_tracked).map(Value::Obj).collect()))
}

fn get_stats(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_stats", 0, 0)?;
    let mut out = Vec::new();
    for s in gc::stats() {
        let mut d = Dict::new();
        d.insert_str("collections", Value::Int(s.collections as i64));
        d.insert_str("collected", Value::Int(s.collected as i64));
        d.insert_str("uncollectable", Value::Int(s.uncollectable as i64));
        out.push(vm.new_dict(d));
    }
    Ok(vm.new_list(out))
}

fn one_arg<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let pos = a.check(vm, name, 1, 1)?;
    Ok(&pos[0])
}

fn is_tracked(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "gc.is_tracked")?;
    Ok(Value::Bool(v.as_obj().map(gc::is_tracked).unwrap_or(false)))
}

fn is_finalized(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "gc.is_finalized")?;
    let fin = v.as_obj().map(|o| o.header().has_flag(crate::object::heap::flags::FINALIZED)).unwrap_or(false);
    Ok(Value::Bool(fin))
}

fn freeze(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "freeze", 0, 0)?;
    gc::freeze();
    Ok(Value::None)
}

fn unfreeze(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "unfreeze", 0, 0)?;
    gc::unfreeze();
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_freeze_count", 0, 0)?;
    Ok(Value::Int(gc::freeze_count() as i64))
}

/// The objects `o` refers to directly (what the collector traverses), in CPython's
/// order for dicts: a dict whose keys are all str lists only its values, another
/// lists each value, then its key.
fn referents_of(o: &ObjRef) -> Vec<Value> {
    let mut out = Vec::new();
    if let crate::object::Obj::Dict(d) = o.view() {
        if let Ok(d) = d.try_borrow() {
            let str_keys = d.iter().all(|e| e.key.as_pystr().is_some());
            for e in d.iter() {
                out.push(e.value.clone());
                if !str_keys {
                    out.push(e.key.clone());
                }
            }
        }
        return out;
    }
    gc::trace(o, &mut |v| {
        if !v.is_null() {
            out.push(v.clone());
        }
    });
    out
}

fn get_referents(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for v in a.pos() {
        if let Some(o) = v.as_obj() {
            if o.header().has_flag(crate::object::heap::flags::TRACKED) {
                out.extend(referents_of(o));
            }
        }
    }
    Ok(vm.new_list(out))
}

fn get_referrers(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    let targets: Vec<usize> = a.pos().iter().filter_map(|v| v.as_obj().map(|o| o.addr())).collect();
    let mut out = Vec::new();
    for o in gc::objects(None) {
        let refs = referents_of(&o);
        if refs.iter().any(|r| r.as_obj().map(|x| targets.contains(&x.addr())).unwrap_or(false)) {
            out.push(Value::Obj(o));
        }
    }
    Ok(vm.new_list(out))
}

fn set_debug(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = one_arg(vm, &a, "set_debug")?.clone();
    vm.gc_debug = vm.index_value(&v)?;
    Ok(Value::None)
}

fn get_debug(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "get_debug", 0, 0)?;
    Ok(Value::Int(vm.gc_debug))
}

/// The `atexit` module: functions called at interpreter exit, last first.
pub fn fill_atexit(_vm: &mut Vm, d: &mut Dict) {
    d.insert_str("register", native("register", atexit_register));
    d.insert_str("unregister", native("unregister", atexit_unregister));
    d.insert_str("_run_exitfuncs", native("_run_exitfuncs", atexit_run));
    d.insert_str("_clear", native("_clear", atexit_clear));
    d.insert_str("_ncallbacks", native("_ncallbacks", atexit_ncallbacks));
}

fn atexit_register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(f) = a.pos().first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(&f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let args = a.args[1..].to_vec();
    vm.atexit.push(Some((f.clone(), args, a.kwnames.to_vec())));
    Ok(f)
}

fn atexit_unregister(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "unregister", 1, 1)?;
    let f = pos[0].clone();
    // Entries become None (the list may be running: CPython's `atexit_delete_cb`).
    for i in 0..vm.atexit.len() {
        let Some(e) = vm.atexit[i].as_ref().map(|e| e.0.clone()) else { continue };
        if vm.eq(&e, &f)? {
            if let Some(slot) = vm.atexit.get_mut(i) {
                *slot = None;
            }
        }
    }
    Ok(Value::None)
}

fn atexit_run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "_run_exitfuncs", 0, 0)?;
    vm.run_atexit();
    Ok(Value::None)
}

fn atexit_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "_clear", 0, 0)?;
    vm.atexit.clear();
    Ok(Value::None)
}

fn atexit_ncallbacks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(vm.atexit.iter().filter(|e| e.is_some()).count() as i64))
}
