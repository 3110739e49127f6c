//! Iteration and generators: GET_ITER/FOR_ITER (with list and range fast paths),
//! YIELD_VALUE, YIELD_FROM.

use crate::interp::ops::{predict, slow_path, tri, Regs};
use crate::interp::{Dispatch, Exit};
use crate::object::heap::Kind;
use crate::object::{IterState, Obj};
use crate::protocol::iter::SendResult;
use crate::value::Value;
use crate::vm::Vm;

/// GET_ITER
#[inline(always)]
pub unsafe fn get_iter<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let it = tri!(D, r, vm, vm.iter(&v));
        r.push(it);
        predict!(D, r, vm, ForIter, for_iter);
        D::next(r, vm)
    }
}

/// GET_YIELD_FROM_ITER
#[inline(always)]
pub unsafe fn get_yield_from_iter<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        if let Value::Obj(o) = r.peek(1) {
            if matches!(o.view(), Obj::Generator(_)) {
                return D::next(r, vm);
            }
        }
        r.save();
        let v = r.pop();
        let it = tri!(D, r, vm, vm.iter(&v));
        r.push(it);
        D::next(r, vm)
    }
}

/// The next item of a built-in list or range iterator, without leaving the handler:
/// `Some(Some(item))`, `Some(None)` when exhausted, `None` for other iterators.
#[inline(always)]
fn fast_next(it: &Value) -> Option<Option<Value>> {
    let Value::Obj(o) = it else { return None };
    // `as_*` accessors, not `view()`: a view computes every kind's arm (some of them
    // calls), which would put calls on the fast path.
    let st = o.as_iter()?;
    let mut st = st.try_borrow_mut().ok()?;
    match &mut *st {
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.wrapping_add(*step);
                Some(Some(Value::Int(v)))
            } else {
                Some(None)
            }
        }
        IterState::Seq { seq: Value::Obj(s), index } => match s.kind() {
            Kind::List => {
                let l = s.as_list()?;
                // No panic paths here: an unwind cleanup holding a native copy of a
                // value keeps the tail engine from jumping (see interp/tail.rs).
                let l = l.try_borrow().ok()?;
                match l.get(*index) {
                    Some(v) => {
                        *index += 1;
                        Some(Some(v.clone()))
                    }
                    None => {
                        *index = usize::MAX / 2;
                        Some(None)
                    }
                }
            }
            Kind::Tuple => match s.as_tuple()?.get(*index) {
                Some(v) => {
                    *index += 1;
                    Some(Some(v.clone()))
                }
                None => Some(None),
            },
            _ => None,
        },
        _ => None,
    }
}

/// FOR_ITER
#[inline(always)]
pub unsafe fn for_iter<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        // The item goes straight onto the stack: no native local holds a value that
        // would need dropping on the way to the dispatch (see interp/tail.rs).
        let more = match fast_next(r.peek(1)) {
            Some(Some(v)) => {
                r.push(v);
                true
            }
            Some(None) => {
                // Dropping the iterator frees it: the split form does that (the
                // exhausted fast iterator answers the same again).
                slow_path!(D, r, vm, ForIter);
                false
            }
            None => {
                slow_path!(D, r, vm, ForIter);
                r.save();
                let it = r.peek(1).clone();
                match tri!(D, r, vm, vm.next(&it)) {
                    Some(v) => {
                        r.push(v);
                        true
                    }
                    None => false,
                }
            }
        };
        if more {
            predict!(D, r, vm, StoreFast, store_fast);
            predict!(D, r, vm, UnpackSequence, unpack_sequence);
        } else {
            r.drop_n(1);
            r.jump(r.oparg);
        }
        D::next(r, vm)
    }
}

/// YIELD_VALUE
#[inline(always)]
pub unsafe fn yield_value<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let v = r.pop();
        D::exit(r, vm, Exit::Yield(v))
    }
}

/// YIELD_FROM
#[inline(always)]
pub unsafe fn yield_from<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let recv = r.peek(1).clone();
        match tri!(D, r, vm, vm.send(&recv, v)) {
            SendResult::Yield(x) => {
                // Re-execute YIELD_FROM on resume, with the sent value pushed.
                r.ip = r.ip.sub(1);
                D::exit(r, vm, Exit::Yield(x))
            }
            SendResult::Return(x) => {
                r.drop_n(1);
                r.push(x);
                D::next(r, vm)
            }
        }
    }
}

/// GET_AWAITABLE
#[inline(always)]
pub unsafe fn get_awaitable<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let it = tri!(D, r, vm, crate::protocol::slow::awaitable(vm, v, "await"));
        r.push(it);
        D::next(r, vm)
    }
}

/// GET_AITER
#[inline(always)]
pub unsafe fn get_aiter<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let v = r.pop();
        let it = tri!(D, r, vm, crate::protocol::slow::get_aiter(vm, v));
        r.push(it);
        D::next(r, vm)
    }
}

/// GET_ANEXT
#[inline(always)]
pub unsafe fn get_anext<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let aiter = r.peek(1).clone();
        let aw = tri!(D, r, vm, crate::protocol::slow::get_anext(vm, aiter));
        r.push(aw);
        D::next(r, vm)
    }
}

/// END_ASYNC_FOR
#[inline(always)]
pub unsafe fn end_async_for<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let exc = r.pop();
        drop(r.pop());
        if vm.isinstance(&exc, &vm.exc_class("StopAsyncIteration")) {
            return D::next(r, vm);
        }
        r.save();
        D::exit(r, vm, Exit::Reraise(crate::vm::PyErr(exc)))
    }
}

/// BEFORE_ASYNC_WITH
#[inline(always)]
pub unsafe fn before_async_with<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let mgr = r.pop();
        let (exit, aw) = tri!(D, r, vm, crate::protocol::slow::before_async_with(vm, mgr));
        r.push(exit);
        r.push(aw);
        D::next(r, vm)
    }
}
