//! Calls, function creation, return.

use crate::interp::chain;
use crate::interp::ops::{safe_point, slow_path, tri, Regs};
use crate::interp::{Dispatch, Exit};
use crate::object::func::Args;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;

/// Pop `n` items plus `extra` below them, then push `res`.
#[inline(always)]
unsafe fn finish_call(r: &mut Regs, drop: usize, res: Value) {
    unsafe {
        r.drop_n(drop);
        r.push(res);
    }
}

/// The function of `callable` when it is a native function without a bound receiver
/// and no hook wants `c_call` events: the call handlers call it straight away, with
/// the arguments where they lie on the stack (the stack keeps the callable alive).
#[inline(always)]
fn direct_native(vm: &Vm, callable: &Value) -> Option<crate::object::func::NativeFn> {
    let Value::Obj(o) = callable else { return None };
    let n = o.as_native()?;
    (n.slf.is_none() && !vm.hooks_on).then_some(n.func)
}

/// Call native `func` with the `n` arguments on top of the stack, as `Vm::call`
/// would (a safe point first).
#[inline(always)]
fn call_direct(vm: &mut Vm, func: crate::object::func::NativeFn, args: &[Value]) -> crate::vm::PyResult<Value> {
    if crate::object::pending::breaker() {
        vm.run_pending();
    }
    func(vm, Args::new(args))
}

/// CALL_FUNCTION
#[inline(always)]
pub unsafe fn call_function<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let n = r.oparg as usize;
        // A Python function taking exactly these arguments: its frame is pushed and
        // the chain goes on in it (no call in the tail engine's inline form).
        if let Some((f, code)) = chain::chainable(vm, &*r.sp.sub(n + 1), n) {
            if chain::try_push_frame(r, vm, f, code, n, 1) {
                return D::next(r, vm);
            }
            slow_path!(D, r, vm, CallFunction);
            // The recursion limit: push_frame raises.
            tri!(D, r, vm, chain::push_frame(r, vm, f, code, n, 1));
            return D::next(r, vm);
        }
        slow_path!(D, r, vm, CallFunction);
        // A plain class: its `__init__` chained on a fresh instance.
        if chain::try_construct(r, vm, n) {
            return D::next(r, vm);
        }
        r.save();
        let res = if let Some(f) = direct_native(vm, r.peek(n + 1)) {
            tri!(D, r, vm, call_direct(vm, f, r.top_slice(n)))
        } else {
            let func = r.peek(n + 1).clone();
            tri!(D, r, vm, vm.call(&func, Args::new(r.top_slice(n))))
        };
        finish_call(r, n + 1, res);
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// CALL_METHOD
#[inline(always)]
pub unsafe fn call_method<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let n = r.oparg as usize;
        // The callable is read through sp, not borrowed from the registers.
        let (callable, nargs, pop) = if r.peek(n + 2).is_null() { (&*r.sp.sub(n + 1), n, 2) } else { (&*r.sp.sub(n + 2), n + 1, 1) };
        if let Some((f, code)) = chain::chainable(vm, callable, nargs) {
            if chain::try_push_frame(r, vm, f, code, nargs, pop) {
                return D::next(r, vm);
            }
            slow_path!(D, r, vm, CallMethod);
            tri!(D, r, vm, chain::push_frame(r, vm, f, code, nargs, pop));
            return D::next(r, vm);
        }
        slow_path!(D, r, vm, CallMethod);
        r.save();
        let (callable, nargs) = if r.peek(n + 2).is_null() { (r.peek(n + 1), n) } else { (r.peek(n + 2), n + 1) };
        let res = if let Some(f) = direct_native(vm, callable) {
            tri!(D, r, vm, call_direct(vm, f, r.top_slice(nargs)))
        } else {
            let func = callable.clone();
            tri!(D, r, vm, vm.call(&func, Args::new(r.top_slice(nargs))))
        };
        finish_call(r, n + 2, res);
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// CALL_FUNCTION_KW
#[inline(always)]
pub unsafe fn call_function_kw<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let n = r.oparg as usize;
        let kwnames = r.pop();
        let names: &[Value] = match &kwnames {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => t,
                _ => &[],
            },
            _ => &[],
        };
        if names.len() > n {
            return too_many_kwnames::<D>(r, vm);
        }
        let func = r.peek(n + 1).clone();
        let res = tri!(D, r, vm, vm.call(&func, Args { args: r.top_slice(n), kwnames: names }));
        finish_call(r, n + 1, res);
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// More keyword names than arguments: only replaced bytecode can get here.
#[cold]
fn too_many_kwnames<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    let e = vm.err("SystemError", "more keyword names than call arguments");
    D::exit(r, vm, Exit::Error(e))
}

/// CALL_METHOD_KW
#[inline(always)]
pub unsafe fn call_method_kw<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let n = r.oparg as usize;
        let kwnames = r.pop();
        let names: &[Value] = match &kwnames {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => t,
                _ => &[],
            },
            _ => &[],
        };
        if names.len() > n {
            return too_many_kwnames::<D>(r, vm);
        }
        let res = if r.peek(n + 2).is_null() {
            let func = r.peek(n + 1).clone();
            tri!(D, r, vm, vm.call(&func, Args { args: r.top_slice(n), kwnames: names }))
        } else {
            let func = r.peek(n + 2).clone();
            tri!(D, r, vm, vm.call(&func, Args { args: r.top_slice(n + 1), kwnames: names }))
        };
        finish_call(r, n + 2, res);
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// CALL_FUNCTION_EX
#[inline(always)]
pub unsafe fn call_function_ex<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let kwargs = if r.oparg & 1 != 0 { r.pop() } else { Value::None };
        let args = r.pop();
        let func = r.pop();
        let res = tri!(D, r, vm, vm.call_ex(&func, &args, &kwargs));
        r.push(res);
        safe_point!(D, r, vm);
        D::next(r, vm)
    }
}

/// MAKE_FUNCTION
#[inline(always)]
pub unsafe fn make_function<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let flags = r.oparg;
        let qualname = r.pop();
        let code = r.pop();
        let closure = if flags & 8 != 0 { r.pop() } else { Value::None };
        let annotations = if flags & 4 != 0 { r.pop() } else { Value::None };
        let kwdefaults = if flags & 2 != 0 { r.pop() } else { Value::None };
        let defaults = if flags & 1 != 0 { r.pop() } else { Value::None };
        let globals = r.frame().globals.clone();
        let f = tri!(D, r, vm, vm.make_function(code, qualname, globals, defaults, kwdefaults, annotations, closure));
        r.push(f);
        D::next(r, vm)
    }
}

/// RETURN_VALUE
#[inline(always)]
pub unsafe fn return_value<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        if !(*r.fp).back.is_null() {
            // A chained frame returns into its caller, in the chain.
            if (*r.fp).init_self.is_null() {
                let v = r.pop();
                chain::pop_frame(r, vm, v);
                safe_point!(D, r, vm);
                return D::next(r, vm);
            }
            // A class call's `__init__`: the instance, or a TypeError, in the caller.
            slow_path!(D, r, vm, ReturnValue);
            let v = r.pop();
            tri!(D, r, vm, chain::pop_init_frame(r, vm, v));
            safe_point!(D, r, vm);
            return D::next(r, vm);
        }
        let v = r.pop();
        D::exit(r, vm, Exit::Return(v))
    }
}
