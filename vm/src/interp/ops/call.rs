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

/// CALL_FUNCTION
#[inline(always)]
pub unsafe fn call_function<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let n = r.oparg as usize;
        if let Some(f) = chain::chainable(vm, &*r.sp.sub(n + 1), n) {
            tri!(D, r, vm, chain::push_frame(r, vm, f, n, 1));
            return D::next(r, vm);
        }
        r.save();
        let func = r.peek(n + 1).clone();
        let args = r.top_slice(n);
        let res = tri!(D, r, vm, vm.call(&func, Args::new(args)));
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
        if let Some(f) = chain::chainable(vm, callable, nargs) {
            tri!(D, r, vm, chain::push_frame(r, vm, f, nargs, pop));
            return D::next(r, vm);
        }
        r.save();
        let res = if r.peek(n + 2).is_null() {
            let func = r.peek(n + 1).clone();
            tri!(D, r, vm, vm.call(&func, Args::new(r.top_slice(n))))
        } else {
            let func = r.peek(n + 2).clone();
            tri!(D, r, vm, vm.call(&func, Args::new(r.top_slice(n + 1))))
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
            // A chained frame returns into its caller (a call: the split form).
            slow_path!(D, r, vm, ReturnValue);
            let v = r.pop();
            chain::pop_frame(r, vm, v);
            safe_point!(D, r, vm);
            return D::next(r, vm);
        }
        let v = r.pop();
        D::exit(r, vm, Exit::Return(v))
    }
}
