//! The adaptive and specialised forms of LOAD_ATTR, STORE_ATTR, LOAD_METHOD and
//! LOAD_GLOBAL
//! (`interp/specialize.rs` says how they come and go). A specialised form's hit
//! path is a guard and a load or store; its argument indexes the code's caches.

use std::ptr;

use pyhop_compiler::Opcode;

use crate::interp::ops::{drop_shared, last_ref, load_attr, replace_top, load_global, load_method, safe_point, slow_path, store_attr, Regs};
use crate::interp::specialize::{self, count, unit_before, Event};
use crate::interp::Dispatch;
use crate::object::code::Cache;
use crate::object::heap::Kind;
use crate::object::{classes, instance, ObjRef};
use crate::value::Value;
use crate::vm::Vm;

impl Regs {
    /// The inline cache of the running quickened instruction (its argument).
    ///
    /// # Safety
    /// The instruction is an adaptive or specialised form, whose argument was made
    /// by `quicken` as an index into its code's caches; the reference is used within
    /// the handler (the frame holds its code).
    #[inline(always)]
    unsafe fn cache<'a>(&self) -> &'a Cache {
        // SAFETY: as documented.
        unsafe {
            let f: &crate::interp::Frame = &*self.fp;
            &*f.code.caches.as_ptr().add(self.oparg as usize)
        }
    }
}

/// Does instance `o` match the cache's class, shape and class version?
#[inline(always)]
fn instance_guard(o: &ObjRef, c: &Cache) -> bool {
    let h = o.header();
    h.kind() == Kind::Instance
        && h.len.get() == c.class.get()
        && h.aux.get() == c.aux.get()
        && classes::version_at(c.class.get()) == c.version.get()
}

/// The value a module keeps at the cache's entry, if its dict still has the
/// cached layout.
#[inline(always)]
fn module_value(o: &ObjRef, c: &Cache) -> Option<Value> {
    let m = o.as_module()?;
    dict_value(&m.dict, c.layout.get(), c.index.get())
}

/// Entry `index` of dict `d` if the dict has layout `layout` (and the entry is live).
#[inline(always)]
fn dict_value(d: &ObjRef, layout: u64, index: u32) -> Option<Value> {
    // No panicking accessors here: the fast path must make no call.
    // SAFETY: the borrow is used for one read and one clone, during which no code
    // runs that could mutate the dict.
    let d = unsafe { d.as_dict()?.try_borrow_unguarded() }.ok()?;
    if d.layout() != layout {
        return None;
    }
    d.value_at(index as usize)
}

/// The generic body of a quickened instruction's family, with its argument back.
macro_rules! generic {
    ($D:ident, $r:ident, $vm:ident, $c:ident, $adaptive:ident, $generic:ident) => {{
        specialize::miss($vm, unit_before($r.ip), $c, Opcode::$adaptive);
        $r.oparg = $c.arg;
        $generic::<$D>($r, $vm)
    }};
}

/// An adaptive instruction: count down, at zero try `$try`, then run the generic body.
macro_rules! adaptive {
    ($D:ident, $r:ident, $vm:ident, $try:path, $generic:ident) => {{
        let c = $r.cache();
        $r.oparg = c.arg;
        let n = c.counter.get();
        if n == 0 {
            $r.save();
            let name = $r.name(c.arg as usize);
            let hash = name.as_pystr().map(|s| s.hash()).unwrap_or(0);
            $try($vm, unit_before($r.ip), c, name, hash, $r.peek(1));
        } else {
            c.counter.set(n - 1);
        }
        $generic::<$D>($r, $vm)
    }};
}

/// LOAD_ATTR_ADAPTIVE
#[inline(always)]
pub unsafe fn load_attr_adaptive<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; a quickened instruction (see `Regs::cache`).
    unsafe { adaptive!(D, r, vm, specialize::load_attr, load_attr) }
}

/// LOAD_ATTR_INSTANCE_VALUE
#[inline(always)]
pub unsafe fn load_attr_instance_value<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; the guard proves the value index is in bounds.
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if instance_guard(o, c) {
                let v = instance::value_at(o, c.index.get() as usize);
                if !v.is_null() {
                    if o.header().refcount() == 1 {
                        // Freeing the owner is a call: the split form does it.
                        slow_path!(D, r, vm, LoadAttrInstanceValue);
                    }
                    let v = v.clone();
                    if D::DXP {
                        count(vm, Opcode::LoadAttrInstanceValue, Event::Hit);
                    }
                    replace_top::<D>(r, v);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, LoadAttrInstanceValue);
        generic!(D, r, vm, c, LoadAttrAdaptive, load_attr)
    }
}

/// LOAD_ATTR_MODULE
#[inline(always)]
pub unsafe fn load_attr_module<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract.
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if o.header().refcount() > 1 {
                if let Some(v) = module_value(o, c) {
                    if D::DXP {
                        count(vm, Opcode::LoadAttrModule, Event::Hit);
                    }
                    replace_top::<D>(r, v);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, LoadAttrModule);
        generic!(D, r, vm, c, LoadAttrAdaptive, load_attr)
    }
}

/// LOAD_ATTR_CLASS
#[inline(always)]
pub unsafe fn load_attr_class<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; the version tag guards the cached value (the
    // class's dict keeps it while the tag is unchanged).
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if let Some(k) = o.as_class() {
                if k.index.get() == c.class.get() && classes::version_at(c.class.get()) == c.version.get() && !(D::SPLIT && o.header().refcount() == 1) {
                    let v = specialize::value_from_bits([c.layout.get(), c.layout2.get()]);
                    if D::DXP {
                        count(vm, Opcode::LoadAttrClass, Event::Hit);
                    }
                    replace_top::<D>(r, v);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, LoadAttrClass);
        generic!(D, r, vm, c, LoadAttrAdaptive, load_attr)
    }
}

/// STORE_ATTR_ADAPTIVE
#[inline(always)]
pub unsafe fn store_attr_adaptive<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: as for load_attr_adaptive.
    unsafe { adaptive!(D, r, vm, specialize::store_attr, store_attr) }
}

/// STORE_ATTR_INSTANCE_VALUE
#[inline(always)]
pub unsafe fn store_attr_instance_value<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; the guard proves the index is in bounds and
    // `aux_after` a shape of the class with the name at that index.
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if instance_guard(o, c) {
                let slot = instance::value_at(o, c.index.get() as usize) as *const Value as *mut Value;
                if o.header().refcount() == 1 || last_ref(&*slot) {
                    // Freeing the owner or the old value is a call: the split form does it.
                    slow_path!(D, r, vm, StoreAttrInstanceValue);
                }
                // The new value goes into the instance and the old one takes its
                // place on the stack, where it is dropped with the owner.
                ptr::swap(slot, r.sp.sub(2));
                o.header().aux.set(c.aux_after.get());
                if D::DXP {
                    count(vm, Opcode::StoreAttrInstanceValue, Event::Hit);
                }
                let old = ptr::read(r.sp.sub(2));
                let owner = ptr::read(r.sp.sub(1));
                r.sp = r.sp.sub(2);
                drop_shared::<D>(owner);
                drop_shared::<D>(old);
                safe_point!(D, r, vm);
                return D::next(r, vm);
            }
        }
        slow_path!(D, r, vm, StoreAttrInstanceValue);
        generic!(D, r, vm, c, StoreAttrAdaptive, store_attr)
    }
}

/// LOAD_METHOD_ADAPTIVE
#[inline(always)]
pub unsafe fn load_method_adaptive<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: as for load_attr_adaptive.
    unsafe { adaptive!(D, r, vm, specialize::load_method, load_method) }
}

/// Push the cached method under the owner (meth, owner).
///
/// # Safety
/// The cache's guard held: the method it names is alive (its class keeps it).
#[inline(always)]
unsafe fn push_method(r: &mut Regs, c: &Cache) {
    // SAFETY: the caller's contract; the owner is moved up one slot.
    unsafe {
        let f = ObjRef::from_raw_incref(ptr::NonNull::new_unchecked(c.ptr.get() as *mut _));
        let owner = ptr::read(r.peek(1));
        ptr::write(r.peek_mut(1), Value::Obj(f));
        r.push(owner);
    }
}

/// LOAD_METHOD_WITH_VALUES
#[inline(always)]
pub unsafe fn load_method_with_values<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; see push_method.
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if instance_guard(o, c) {
                push_method(r, c);
                if D::DXP {
                    count(vm, Opcode::LoadMethodWithValues, Event::Hit);
                }
                return D::next(r, vm);
            }
        }
        slow_path!(D, r, vm, LoadMethodWithValues);
        generic!(D, r, vm, c, LoadMethodAdaptive, load_method)
    }
}

/// LOAD_METHOD_BUILTIN
#[inline(always)]
pub unsafe fn load_method_builtin<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; see push_method (the kind names the type).
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if o.kind() as u16 == c.aux.get() && classes::version_at(c.class.get()) == c.version.get() {
                push_method(r, c);
                if D::DXP {
                    count(vm, Opcode::LoadMethodBuiltin, Event::Hit);
                }
                return D::next(r, vm);
            }
        }
        slow_path!(D, r, vm, LoadMethodBuiltin);
        generic!(D, r, vm, c, LoadMethodAdaptive, load_method)
    }
}

/// LOAD_METHOD_MODULE
#[inline(always)]
pub unsafe fn load_method_module<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract.
    unsafe {
        let c = r.cache();
        if let Value::Obj(o) = r.peek(1) {
            if o.header().refcount() > 1 {
                if let Some(v) = module_value(o, c) {
                    if D::DXP {
                        count(vm, Opcode::LoadMethodModule, Event::Hit);
                    }
                    replace_top::<D>(r, Value::Null);
                    r.push(v);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, LoadMethodModule);
        generic!(D, r, vm, c, LoadMethodAdaptive, load_method)
    }
}

/// LOAD_GLOBAL_ADAPTIVE
#[inline(always)]
pub unsafe fn load_global_adaptive<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract; a quickened instruction (see `Regs::cache`).
    unsafe {
        let c = r.cache();
        r.oparg = c.arg;
        let n = c.counter.get();
        if n == 0 {
            specialize::load_global(vm, unit_before(r.ip), c, r.frame());
        } else {
            c.counter.set(n - 1);
        }
        load_global::<D>(r, vm)
    }
}

/// LOAD_GLOBAL_MODULE
#[inline(always)]
pub unsafe fn load_global_module<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract.
    unsafe {
        let c = r.cache();
        let f: &crate::interp::Frame = &*r.fp;
        if let Some(v) = dict_value(&f.globals, c.layout.get(), c.index.get()) {
            if D::DXP {
                count(vm, Opcode::LoadGlobalModule, Event::Hit);
            }
            r.push(v);
            return D::next(r, vm);
        }
        slow_path!(D, r, vm, LoadGlobalModule);
        generic!(D, r, vm, c, LoadGlobalAdaptive, load_global)
    }
}

/// LOAD_GLOBAL_BUILTIN
#[inline(always)]
pub unsafe fn load_global_builtin<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    // SAFETY: the handler contract.
    unsafe {
        let c = r.cache();
        let f: &crate::interp::Frame = &*r.fp;
        // SAFETY: as in `dict_value`.
        let unshadowed = f.globals.as_dict().and_then(|g| g.try_borrow_unguarded().ok()).is_some_and(|g| g.layout() == c.layout.get());
        if unshadowed {
            if let Some(v) = dict_value(&f.builtins, c.layout2.get(), c.index.get()) {
                if D::DXP {
                    count(vm, Opcode::LoadGlobalBuiltin, Event::Hit);
                }
                r.push(v);
                return D::next(r, vm);
            }
        }
        slow_path!(D, r, vm, LoadGlobalBuiltin);
        generic!(D, r, vm, c, LoadGlobalAdaptive, load_global)
    }
}
