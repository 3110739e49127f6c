//! Loads and stores: constants, fast locals, names, globals, cells, attributes;
//! stack shuffles; EXTENDED_ARG; imports.

use crate::interp::ops::{drop_shared, last_ref, safe_point, slow_path, tri, Regs};
use crate::interp::{Dispatch, Exit};
use crate::object::Obj;
use crate::protocol::slow;
use crate::value::Value;
use crate::vm::Vm;

/// NOP
#[inline(always)]
pub unsafe fn nop<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe { D::next(r, vm) }
}

/// POP_TOP
#[inline(always)]
pub unsafe fn pop_top<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        // Freeing the object is a call: the split form does it (the fast path stays
        // a leaf, see `drop_shared`).
        if D::SPLIT && r.peek_is_last(1) {
            slow_path!(D, r, vm, PopTop);
        }
        drop_shared::<D>(r.pop());
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// SWAP
#[inline(always)]
pub unsafe fn swap<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let n = r.oparg as usize;
        std::ptr::swap(r.sp.sub(1), r.sp.sub(n));
        D::next(r, vm)
    }
}

/// COPY
#[inline(always)]
pub unsafe fn copy<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.peek(r.oparg as usize).clone();
        r.push(v);
        D::next(r, vm)
    }
}

/// LOAD_CONST
#[inline(always)]
pub unsafe fn load_const<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = (*r.fp).consts()[r.oparg as usize].clone();
        r.push(v);
        D::next(r, vm)
    }
}

/// LOAD_FAST
#[inline(always)]
pub unsafe fn load_fast<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.local(r.oparg as usize).clone();
        if v.is_null() {
            // The error path leaves for the split form: the fast path stays a leaf
            // (no register saves in the tail engine's handler).
            slow_path!(D, r, vm, LoadFast);
            r.save();
            let name = r.code().varnames[r.oparg as usize].clone();
            return { let e = slow::unbound_local(vm, &name); D::exit(r, vm, Exit::Error(e)) };
        }
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_FAST
#[inline(always)]
pub unsafe fn store_fast<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let slot: *mut Value = r.local(r.oparg as usize);
        // Freeing the old value is a call: the split form does it.
        if D::SPLIT && last_ref(&*slot) {
            slow_path!(D, r, vm, StoreFast);
        }
        let v = r.pop();
        drop_shared::<D>(std::ptr::replace(slot, v));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_FAST
#[inline(always)]
pub unsafe fn delete_fast<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let slot = r.local(r.oparg as usize);
        if slot.is_null() {
            let name = r.code().varnames[r.oparg as usize].clone();
            return { let e = slow::unbound_local(vm, &name); D::exit(r, vm, Exit::Error(e)) };
        }
        *slot = Value::Null;
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// LOAD_NAME
#[inline(always)]
pub unsafe fn load_name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let f = r.frame();
        let (name, _) = r.name_str(r.oparg as usize);
        let v = tri!(D, r, vm, slow::load_name(vm, f, name));
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_NAME
#[inline(always)]
pub unsafe fn store_name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let f = r.frame();
        let name = r.name(r.oparg as usize);
        tri!(D, r, vm, slow::store_name(vm, f, name, v));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_NAME
#[inline(always)]
pub unsafe fn delete_name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let f = r.frame();
        let (name, _) = r.name_str(r.oparg as usize);
        tri!(D, r, vm, slow::delete_name(vm, f, name));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// The cached `LOAD_GLOBAL` result, if the cache is still valid.
#[inline(always)]
fn cached_global(c: &crate::object::code::GlobalCache, globals: &crate::object::ObjRef, builtins: &crate::object::ObjRef) -> Option<Value> {
    if !std::ptr::eq(c.globals, globals.as_ptr()) {
        return None;
    }
    let Obj::Dict(g) = globals.view() else { return None };
    let g = g.borrow();
    if g.layout() != c.globals_layout {
        return None;
    }
    if c.builtins.is_null() {
        return g.value_at(c.index as usize);
    }
    if !std::ptr::eq(c.builtins, builtins.as_ptr()) {
        return None;
    }
    let Obj::Dict(b) = builtins.view() else { return None };
    let b = b.borrow();
    if b.layout() != c.builtins_layout {
        return None;
    }
    b.value_at(c.index as usize)
}

/// LOAD_GLOBAL (with a per-name cache validated by dict identity and key layout)
#[inline(always)]
pub unsafe fn load_global<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let f = r.frame();
        let i = r.oparg as usize;
        let v = match cached_global(&f.code.global_cache[i].get(), &f.globals, &f.builtins) {
            Some(v) => v,
            None => match slow::load_global(f, i) {
                Some(v) => v,
                None => {
                    r.save();
                    let e = vm.name_error(&f.code.names[i]);
                    return D::exit(r, vm, Exit::Error(e));
                }
            },
        };
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_GLOBAL
#[inline(always)]
pub unsafe fn store_global<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        let f = r.frame();
        let name = r.name(r.oparg as usize);
        if let Obj::Dict(d) = f.globals.view() {
            d.borrow_mut().insert_str_value(Value::Obj(name.clone()), v);
        }
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_GLOBAL
#[inline(always)]
pub unsafe fn delete_global<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let f = r.frame();
        let (name, _) = r.name_str(r.oparg as usize);
        let removed = match f.globals.view() {
            Obj::Dict(d) => d.borrow_mut().remove_str(name),
            _ => None,
        };
        if removed.is_none() {
            r.save();
            return { let e = vm.name_error(name); D::exit(r, vm, Exit::Error(e)) };
        }
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// LOAD_CLOSURE
#[inline(always)]
pub unsafe fn load_closure<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let i = r.code().varnames.len() + r.oparg as usize;
        let cell = r.local(i).clone();
        r.push(cell);
        D::next(r, vm)
    }
}

/// LOAD_DEREF
#[inline(always)]
pub unsafe fn load_deref<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let i = r.code().varnames.len() + r.oparg as usize;
        let v = match &*r.local(i) {
            Value::Obj(c) => match c.view() {
                Obj::Cell(c) => c.borrow().clone(),
                _ => Value::Null,
            },
            _ => Value::Null,
        };
        if v.is_null() {
            r.save();
            return { let e = slow::unbound_deref(vm, r.code(), r.oparg as usize); D::exit(r, vm, Exit::Error(e)) };
        }
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_DEREF
#[inline(always)]
pub unsafe fn store_deref<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        let i = r.code().varnames.len() + r.oparg as usize;
        if let Value::Obj(c) = &*r.local(i) {
            if let Obj::Cell(c) = c.view() {
                let old = c.replace(v);
                drop(old);
            }
        }
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_DEREF
#[inline(always)]
pub unsafe fn delete_deref<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let i = r.code().varnames.len() + r.oparg as usize;
        let mut was_null = true;
        if let Value::Obj(c) = &*r.local(i) {
            if let Obj::Cell(c) = c.view() {
                was_null = c.replace(Value::Null).is_null();
            }
        }
        if was_null {
            r.save();
            return { let e = slow::unbound_deref(vm, r.code(), r.oparg as usize); D::exit(r, vm, Exit::Error(e)) };
        }
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// LOAD_CLASSDEREF
#[inline(always)]
pub unsafe fn load_classderef<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = tri!(D, r, vm, slow::load_classderef(vm, r.frame(), r.oparg as usize));
        r.push(v);
        D::next(r, vm)
    }
}

/// LOAD_ATTR
#[inline(always)]
pub unsafe fn load_attr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let obj = r.pop();
        let (name, hash) = r.name_str(r.oparg as usize);
        let v = tri!(D, r, vm, vm.getattr_hashed(&obj, name, hash));
        r.push(v);
        D::next(r, vm)
    }
}

/// STORE_ATTR
#[inline(always)]
pub unsafe fn store_attr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let obj = r.pop();
        let v = r.pop();
        let (name, _) = r.name_str(r.oparg as usize);
        tri!(D, r, vm, vm.setattr(&obj, name, v));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// DELETE_ATTR
#[inline(always)]
pub unsafe fn delete_attr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let obj = r.pop();
        let (name, _) = r.name_str(r.oparg as usize);
        tri!(D, r, vm, vm.delattr(&obj, name));
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// LOAD_METHOD
#[inline(always)]
pub unsafe fn load_method<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let obj = r.pop();
        let (name, hash) = r.name_str(r.oparg as usize);
        match tri!(D, r, vm, vm.get_method_hashed(&obj, name, hash)) {
            Some(meth) => {
                r.push(meth);
                r.push(obj);
            }
            None => {
                let attr = tri!(D, r, vm, vm.getattr_hashed(&obj, name, hash));
                r.push(Value::Null);
                r.push(attr);
            }
        }
        D::next(r, vm)
    }
}

/// EXTENDED_ARG
#[inline(always)]
pub unsafe fn extended_arg<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let u = *r.ip;
        r.ip = r.ip.add(1);
        r.oparg = (r.oparg << 8) | u.arg as u32;
        D::dispatch_op(u.op, r, vm)
    }
}

/// Any byte that is not an opcode.
#[inline(always)]
pub unsafe fn unknown_opcode<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let op = (*r.ip.sub(1)).op;
        let e = slow::unknown_opcode(vm, op);
        D::exit(r, vm, Exit::Error(e))
    }
}

/// LOAD_BUILD_CLASS
#[inline(always)]
pub unsafe fn load_build_class<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let f = r.frame();
        let v = match f.builtins.view() {
            Obj::Dict(d) => d.borrow().get_str("__build_class__"),
            _ => None,
        };
        match v {
            Some(v) => r.push(v),
            None => return { let e = vm.err("NameError", "__build_class__ not found"); D::exit(r, vm, Exit::Error(e)) },
        }
        D::next(r, vm)
    }
}

/// LOAD_ASSERTION_ERROR
#[inline(always)]
pub unsafe fn load_assertion_error<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.push(Value::Obj(vm.exc_class("AssertionError")));
        D::next(r, vm)
    }
}

/// SETUP_ANNOTATIONS
#[inline(always)]
pub unsafe fn setup_annotations<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        tri!(D, r, vm, slow::setup_annotations(vm, r.frame()));
        D::next(r, vm)
    }
}

/// PRINT_EXPR
#[inline(always)]
pub unsafe fn print_expr<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        tri!(D, r, vm, slow::print_expr(vm, v));
        D::next(r, vm)
    }
}

/// IMPORT_NAME
#[inline(always)]
pub unsafe fn import_name<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let fromlist = r.pop();
        let level = r.pop();
        let (name, _) = r.name_str(r.oparg as usize);
        let globals = r.frame().globals.clone();
        let m = tri!(D, r, vm, vm.import_name(name, &fromlist, &level, &globals));
        r.push(m);
        D::next(r, vm)
    }
}

/// IMPORT_FROM
#[inline(always)]
pub unsafe fn import_from<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let (name, _) = r.name_str(r.oparg as usize);
        let v = tri!(D, r, vm, vm.import_from(r.peek(1), name));
        r.push(v);
        D::next(r, vm)
    }
}

/// IMPORT_STAR
#[inline(always)]
pub unsafe fn import_star<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let m = r.pop();
        tri!(D, r, vm, slow::import_star(vm, r.frame(), &m));
        D::next(r, vm)
    }
}
