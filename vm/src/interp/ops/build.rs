//! Building containers, strings and slices; unpacking; comprehension appends.

use std::cell::RefCell;

use crate::interp::ops::{drop_shared, predict, slow_path, tri, Regs};
use crate::interp::Dispatch;
use crate::object::{Dict, Obj};
use crate::value::Value;
use crate::vm::Vm;

/// BUILD_TUPLE
#[inline(always)]
pub unsafe fn build_tuple<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let items = r.take_n(r.oparg as usize);
        r.push(vm.new_tuple(items));
        D::next(r, vm)
    }
}

/// BUILD_LIST
#[inline(always)]
pub unsafe fn build_list<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let items = r.take_n(r.oparg as usize);
        r.push(vm.new_list(items));
        D::next(r, vm)
    }
}

/// BUILD_SET
#[inline(always)]
pub unsafe fn build_set<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let items = r.take_n(r.oparg as usize);
        let set = Value::obj(crate::object::NewObj::Set(RefCell::new(Dict::new_set())));
        for it in items {
            tri!(D, r, vm, vm.set_add(&set, it));
        }
        r.push(set);
        D::next(r, vm)
    }
}

/// BUILD_MAP
#[inline(always)]
pub unsafe fn build_map<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let n = r.oparg as usize;
        let items = r.take_n(2 * n);
        let mut d = Dict::with_capacity(n);
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            tri!(D, r, vm, d.insert(vm, k, v));
        }
        r.push(vm.new_dict(d));
        D::next(r, vm)
    }
}

/// BUILD_CONST_KEY_MAP
#[inline(always)]
pub unsafe fn build_const_key_map<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let keys = r.pop();
        let values = r.take_n(r.oparg as usize);
        let mut d = Dict::with_capacity(values.len());
        if let Value::Obj(o) = &keys {
            if let Obj::Tuple(ks) = o.view() {
                for (k, v) in ks.iter().zip(values) {
                    tri!(D, r, vm, d.insert(vm, k.clone(), v));
                }
            }
        }
        r.push(vm.new_dict(d));
        D::next(r, vm)
    }
}

/// BUILD_STRING
#[inline(always)]
pub unsafe fn build_string<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let parts = r.take_n(r.oparg as usize);
        let mut s = String::new();
        for p in &parts {
            s.push_str(p.as_str().unwrap_or(""));
        }
        r.push(Value::string(s));
        D::next(r, vm)
    }
}

/// BUILD_SLICE
#[inline(always)]
pub unsafe fn build_slice<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let step = if r.oparg == 3 { r.pop() } else { Value::None };
        let stop = r.pop();
        let start = r.pop();
        r.push(Value::obj(crate::object::NewObj::Slice { start, stop, step }));
        D::next(r, vm)
    }
}

/// LIST_APPEND
#[inline(always)]
pub unsafe fn list_append<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        if let Value::Obj(o) = r.peek(r.oparg as usize) {
            if let Obj::List(l) = o.view() {
                crate::object::list_push(&mut l.borrow_mut(), v);
            }
        }
        predict!(D, r, vm, JumpAbsolute, jump_absolute);
        D::next(r, vm)
    }
}

/// SET_ADD
#[inline(always)]
pub unsafe fn set_add<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let set = r.peek(r.oparg as usize).clone();
        tri!(D, r, vm, vm.set_add(&set, v));
        predict!(D, r, vm, JumpAbsolute, jump_absolute);
        D::next(r, vm)
    }
}

/// MAP_ADD
#[inline(always)]
pub unsafe fn map_add<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let k = r.pop();
        let d = r.peek(r.oparg as usize).clone();
        tri!(D, r, vm, vm.setitem(&d, k, v));
        predict!(D, r, vm, JumpAbsolute, jump_absolute);
        D::next(r, vm)
    }
}

/// LIST_EXTEND
#[inline(always)]
pub unsafe fn list_extend<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let it = r.pop();
        let list = r.peek(r.oparg as usize).clone();
        tri!(D, r, vm, vm.list_extend(&list, &it));
        D::next(r, vm)
    }
}

/// SET_UPDATE
#[inline(always)]
pub unsafe fn set_update<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let it = r.pop();
        let set = r.peek(r.oparg as usize).clone();
        tri!(D, r, vm, crate::builtins::set::update_from(vm, &set, &it));
        D::next(r, vm)
    }
}

/// DICT_UPDATE
#[inline(always)]
pub unsafe fn dict_update<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let m = r.pop();
        let d = r.peek(r.oparg as usize).clone();
        tri!(D, r, vm, vm.dict_update(&d, &m, false));
        D::next(r, vm)
    }
}

/// DICT_MERGE
#[inline(always)]
pub unsafe fn dict_merge<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let m = r.pop();
        let d = r.peek(r.oparg as usize).clone();
        let func = r.peek(r.oparg as usize + 2).clone();
        if let Err(e) = vm.dict_update(&d, &m, true) {
            let e = crate::protocol::slow::dict_merge_error(vm, &func, &m, e);
            return D::exit(r, vm, crate::interp::Exit::Error(e));
        }
        D::next(r, vm)
    }
}

/// LIST_TO_TUPLE
#[inline(always)]
pub unsafe fn list_to_tuple<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let l = r.pop();
        let items = match &l {
            Value::Obj(o) => match o.view() {
                Obj::List(l) => l.borrow().clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        r.push(vm.new_tuple(items));
        D::next(r, vm)
    }
}

/// FORMAT_VALUE
#[inline(always)]
pub unsafe fn format_value<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let flags = r.oparg;
        let spec = if flags & 4 != 0 { r.pop() } else { Value::Null };
        let v = r.pop();
        let v = match flags & 3 {
            1 => tri!(D, r, vm, vm.str(&v)),
            2 => tri!(D, r, vm, vm.repr(&v)),
            3 => tri!(D, r, vm, vm.ascii(&v)),
            _ => v,
        };
        let spec_str = spec.as_str().unwrap_or("");
        let res = if spec_str.is_empty() && v.as_str().is_some() && matches!(&v, Value::Obj(o) if matches!(o.view(), Obj::Str(_))) {
            v
        } else {
            tri!(D, r, vm, vm.format(&v, spec_str))
        };
        r.push(res);
        D::next(r, vm)
    }
}

/// UNPACK_SEQUENCE
#[inline(always)]
pub unsafe fn unpack_sequence<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let n = r.oparg as usize;
        // A tuple or list of exactly n items that stays alive (freeing it is a call:
        // the split form does it): the items are copied up, first on top.
        // Read through sp: the registers move while the items are copied.
        if let Value::Obj(o) = &*r.sp.sub(1) {
            if !(D::SPLIT && o.header().refcount() == 1) {
                let list = o.as_list().and_then(|l| l.try_borrow().ok());
                let items = match &list {
                    Some(l) => Some(&l[..]),
                    None => o.as_tuple(),
                };
                if let Some(items) = items.filter(|t| t.len() == n) {
                    let seq = std::ptr::read(r.sp.sub(1));
                    r.sp = r.sp.sub(1);
                    for v in items.iter().rev() {
                        r.push(v.clone());
                    }
                    drop(list);
                    drop_shared::<D>(seq);
                    return D::next(r, vm);
                }
            }
        }
        slow_path!(D, r, vm, UnpackSequence);
        r.save();
        let seq = r.pop();
        let items = tri!(D, r, vm, vm.unpack(&seq, n));
        for v in items.into_iter().rev() {
            r.push(v);
        }
        D::next(r, vm)
    }
}

/// UNPACK_EX
#[inline(always)]
pub unsafe fn unpack_ex<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let before = (r.oparg & 0xff) as usize;
        let after = (r.oparg >> 8) as usize;
        let seq = r.pop();
        let items = tri!(D, r, vm, vm.collect(&seq));
        if items.len() < before + after {
            let msg = format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len());
            return { let e = vm.value_error(msg); D::exit(r, vm, crate::interp::Exit::Error(e)) };
        }
        let mid_end = items.len() - after;
        let mut it = items.into_iter();
        let head: Vec<Value> = it.by_ref().take(before).collect();
        let mid: Vec<Value> = it.by_ref().take(mid_end - before).collect();
        let tail: Vec<Value> = it.collect();
        for v in tail.into_iter().rev() {
            r.push(v);
        }
        r.push(vm.new_list(mid));
        for v in head.into_iter().rev() {
            r.push(v);
        }
        D::next(r, vm)
    }
}
