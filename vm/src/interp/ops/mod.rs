//! Handler bodies, one per opcode row, grouped like `compiler/src/codegen`.
//! Each is generic over the engine (`D: Dispatch`) and follows the contract in
//! `interp/mod.rs`. Fast paths are inline; everything else calls into `crate::protocol`
//! after `r.save()`, and errors leave through `D::exit(r, vm, Exit::Error(..))`.

mod arith;
mod build;
mod call;
mod compare;
mod exc;
mod iter;
mod jump;
mod load_store;
mod pattern;
mod quick_attr;

pub use arith::*;
pub use build::*;
pub use call::*;
pub use compare::*;
pub use exc::*;
pub use iter::*;
pub use jump::*;
pub use load_store::*;
pub use pattern::*;
pub use quick_attr::*;

use std::ptr;

use pyhop_compiler::CodeObject;

use crate::interp::{Dispatch, Frame, Regs};
use crate::value::Value;

impl Regs {
    /// Debug builds: the stack holds at least `n` items.
    #[inline(always)]
    unsafe fn debug_depth(&self, n: usize) {
        // SAFETY: fp is the live frame; sp is inside its storage.
        #[cfg(debug_assertions)]
        unsafe {
            let f = &mut *self.fp;
            let base = f.base_ptr().add(f.stack_base);
            debug_assert!(self.sp.offset_from(base) >= n as isize, "value stack underflow");
        }
        let _ = n;
    }

    #[inline(always)]
    pub unsafe fn push(&mut self, v: Value) {
        // SAFETY: the stack-depth pass sized the stack for every push.
        unsafe {
            #[cfg(debug_assertions)]
            {
                let f = &mut *self.fp;
                let end = f.base_ptr().add(f.storage_len());
                debug_assert!(self.sp < end, "value stack overflow");
            }
            ptr::write(self.sp, v);
            self.sp = self.sp.add(1);
        }
    }

    #[inline(always)]
    pub unsafe fn pop(&mut self) -> Value {
        // SAFETY: the stack picture guarantees an item below sp.
        unsafe {
            self.debug_depth(1);
            self.sp = self.sp.sub(1);
            ptr::read(self.sp)
        }
    }

    /// The n-th item from the top (1 = TOS).
    #[inline(always)]
    pub unsafe fn peek(&self, n: usize) -> &Value {
        // SAFETY: as for pop.
        unsafe {
            self.debug_depth(n.max(1));
            &*self.sp.sub(n)
        }
    }

    #[inline(always)]
    pub unsafe fn peek_mut(&mut self, n: usize) -> &mut Value {
        // SAFETY: as for pop.
        unsafe {
            self.debug_depth(n.max(1));
            &mut *self.sp.sub(n)
        }
    }

    /// The top `n` items as a slice, bottom first.
    #[inline(always)]
    pub unsafe fn top_slice(&self, n: usize) -> &[Value] {
        // SAFETY: n items are live below sp.
        unsafe {
            self.debug_depth(n);
            std::slice::from_raw_parts(self.sp.sub(n), n)
        }
    }

    /// Move the top `n` items out, bottom first.
    #[inline(always)]
    pub unsafe fn take_n(&mut self, n: usize) -> Vec<Value> {
        let mut v = Vec::with_capacity(n);
        // SAFETY: n items are live below sp; they are moved out and sp lowered.
        unsafe {
            self.debug_depth(n);
            self.sp = self.sp.sub(n);
            ptr::copy_nonoverlapping(self.sp, v.as_mut_ptr(), n);
            v.set_len(n);
        }
        v
    }

    /// Drop the top `n` items where they lie: the destructor gets a pointer into the
    /// value stack, never into the native frame (the tail engine's rule, `tail.rs`).
    #[inline(always)]
    pub unsafe fn drop_n(&mut self, n: usize) {
        for _ in 0..n {
            // SAFETY: n items are live below sp; each is dropped once, then sp lowered.
            unsafe {
                self.sp = self.sp.sub(1);
                ptr::drop_in_place(self.sp);
            }
        }
    }

    /// Is the item `n` from the top (1 = top) its object's last reference, so that
    /// dropping it would free the object? See [`drop_shared`].
    #[inline(always)]
    pub unsafe fn peek_is_last(&self, n: usize) -> bool {
        // SAFETY: the caller's contract: n items are live below sp.
        last_ref(unsafe { self.peek(n) })
    }

    /// The frame being executed. It is not part of the registers (they only point at
    /// it), so the borrow is not tied to `self`: the caller picks the lifetime, as with
    /// `&mut *fp`.
    ///
    /// # Safety
    /// The reference must not outlive the frame's activation, and the caller must not
    /// hold two of them (or one and a `local`) to the same data at once.
    #[inline(always)]
    pub unsafe fn frame<'a>(&self) -> &'a mut Frame {
        // SAFETY: fp is the live frame being executed.
        unsafe { &mut *self.fp }
    }

    #[inline(always)]
    pub unsafe fn code(&self) -> &CodeObject {
        // SAFETY: the frame holds an Rc to its code for its whole life.
        unsafe { &(*self.fp).code }
    }

    /// Name `i` of the running code: an interned str object.
    ///
    /// # Safety
    /// The reference is valid while the frame runs (its code object holds the name
    /// and the frame holds its code object); callers use it within the handler.
    #[inline(always)]
    pub unsafe fn name<'a>(&self, i: usize) -> &'a crate::object::ObjRef {
        // SAFETY: as documented; the index comes from the compiler (or the verifier of
        // replaced bytecode).
        unsafe {
            let frame: &Frame = &*self.fp;
            &*(&frame.code.name_objs[i] as *const crate::object::ObjRef)
        }
    }

    /// The text and cached hash of name `i` (see [`Regs::name`]).
    #[inline(always)]
    pub unsafe fn name_str<'a>(&self, i: usize) -> (&'a str, i64) {
        // SAFETY: as for `name`.
        let o = unsafe { self.name(i) };
        match o.as_pystr() {
            Some(s) => (s.as_str(), s.hash()),
            None => ("", 0),
        }
    }

    /// Slot `i` of the locals-plus area (locals, then cells and frees); borrowed from
    /// the frame, not from the registers, like [`Regs::frame`].
    ///
    /// # Safety
    /// As for [`Regs::frame`]; `i` is below the frame's `stack_base`.
    #[inline(always)]
    pub unsafe fn local<'a>(&self, i: usize) -> &'a mut Value {
        // SAFETY: the compiler only emits indices below stack_base.
        unsafe { &mut *(*self.fp).base_ptr().add(i) }
    }

    /// Store ip and sp into the frame before calling out (Lua's `Protect`).
    #[inline(always)]
    pub unsafe fn save(&self) {
        // SAFETY: the registers belong to this frame.
        unsafe { (*self.fp).save_regs(self) }
    }

    /// Jump to the absolute code-unit index `target`.
    #[inline(always)]
    pub unsafe fn jump(&mut self, target: u32) {
        // SAFETY: jump targets come from the assembler.
        unsafe { self.ip = (*self.fp).code.units().add(target as usize) }
    }
}

/// `predict!(D, r, vm, Op)`: if the next unit is `Op`, consume it and run its body
/// directly (no dispatch); otherwise fall through (CPython ≤3.10's `PREDICT`).
macro_rules! predict {
    ($D:ident, $r:ident, $vm:ident, $op:ident, $h:ident) => {
        // SAFETY: ip points at a valid unit (every path ends in a terminal op).
        #[allow(unused_unsafe)]
        unsafe {
            let u = *$r.ip;
            if $D::PREDICT && u.op == pyhop_compiler::Opcode::$op as u8 {
                $r.ip = $r.ip.add(1);
                $r.oparg = u.arg as u32;
                if $D::DXP {
                    crate::profile::dxp::record($vm, u.op);
                }
                if $D::INLINE_PREDICT {
                    return crate::interp::ops::$h::<$D>($r, $vm);
                }
                return $D::dispatch_op(pyhop_compiler::Opcode::$op as u8, $r, $vm);
            }
        }
    };
}
pub(crate) use predict;

/// `slow_path!(D, r, vm, Op)` marks where a handler's fast path ends, at a point where
/// the registers are as they were on entry: under a `SPLIT` engine (tail) the handler
/// leaves here for its out-of-line copy; other engines go on with the slow path inline.
macro_rules! slow_path {
    ($D:ident, $r:ident, $vm:ident, $op:ident) => {
        if $D::SPLIT {
            // SAFETY: the registers are untouched since entry (the mark's contract).
            #[allow(unused_unsafe)]
            return unsafe { $D::slow(pyhop_compiler::Opcode::$op as u8, $r, $vm) };
        }
    };
}
pub(crate) use slow_path;

/// `safe_point!(r, vm)`: run pending finalizers, weakref callbacks and collections
/// if there are any (the breaker flag: one thread-local load when there are none).
/// Stores and deletes are safe points, so a `__del__` runs before the next statement
/// reads what it changed, as CPython's immediate `Py_DECREF` finalizers do.
/// It ends the handler when there is pending work (`Dispatch::pending_next` runs it
/// and goes on): place it just before the handler's dispatch, with `r.ip` at the
/// next instruction.
macro_rules! safe_point {
    ($D:ident, $r:ident, $vm:ident) => {
        if crate::object::pending::breaker() {
            return $D::pending_next($r, $vm);
        }
    };
}
pub(crate) use safe_point;

/// The out-of-line part of `safe_point!`: saves the registers (the frame reads
/// right from Python meanwhile) and runs what is pending. Takes the registers by
/// value: no reference to the handler's locals escapes (the tail engine's rule).
#[cold]
#[inline(never)]
pub fn run_safe_point(vm: &mut crate::vm::Vm, fp: *mut crate::frame::Frame, ip: *const pyhop_compiler::CodeUnit, sp: *mut Value) {
    let r = Regs { ip, sp, fp, oparg: 0 };
    // SAFETY: the registers come from a running handler of frame `fp`.
    unsafe { r.save() };
    vm.run_pending();
}

/// Leave with an error: `try_or_exit!(D, expr)` yields the Ok value.
macro_rules! tri {
    ($D:ident, $r:ident, $vm:ident, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(err) => return $D::exit($r, $vm, crate::interp::Exit::Error(err)),
        }
    };
}
pub(crate) use tri;

/// Is `v` a value whose drop would free an object (its last reference)?
#[inline(always)]
pub fn last_ref(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.header().refcount() == 1)
}

/// Drop `v` on a fast path. Under a `SPLIT` engine the handler has left for its
/// out-of-line copy when `last_ref(v)` (a `slow_path!` before any change), so here
/// `v` is never the last reference and the drop is a decrement: the fast path makes
/// no call, and the tail engine's handler stays a leaf (no register saves, no stack
/// frame: `interp/tail.rs`). Other engines drop as usual.
///
/// # Safety
/// Under `D::SPLIT`, `!last_ref(&v)`.
#[inline(always)]
pub unsafe fn drop_shared<D: Dispatch>(v: Value) {
    if let Value::Obj(o) = v {
        if D::SPLIT {
            o.drop_shared();
        } else {
            drop(o);
        }
    }
}

/// Replace the top of the stack with `v`; the old top is dropped by [`drop_shared`].
///
/// # Safety
/// The stack holds an item; under `D::SPLIT`, `!last_ref(top)`.
#[inline(always)]
pub unsafe fn replace_top<D: Dispatch>(r: &mut Regs, v: Value) {
    // SAFETY: the caller's contract.
    unsafe { drop_shared::<D>(ptr::replace(r.sp.sub(1), v)) }
}
