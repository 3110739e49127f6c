//! Frames: a header plus `localsplus` — locals, cells and frees, then the value stack —
//! in one allocation sized by the code object (CPython's `localsplus`).
//!
//! Slots `0..stack_base` (locals, cells, frees) are always initialised (`Null` when
//! unbound). Stack slots `stack_base..sp` are initialised; slots above `sp` are not,
//! so handlers move values in and out with plain reads and writes, and `Drop` drops
//! only the live part.

pub mod frame_obj;
pub mod generator;
pub mod pool;

use std::mem::MaybeUninit;
use std::rc::Rc;

use crate::object::{ObjRef, PyCode};
use crate::value::Value;

/// Where a frame is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct Frame {
    pub code: Rc<PyCode>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The local namespace of module and class bodies (a dict); `Null` for functions.
    pub locals: Value,
    localsplus: Box<[MaybeUninit<Value>]>,
    pub stack_base: usize,
    /// Saved stack top (index into `localsplus`).
    pub sp: usize,
    /// Saved instruction pointer: index of the next code unit.
    pub ip: usize,
    pub state: FrameState,
    /// The Python frame object, once one was asked for (see `object/frame_obj.rs`).
    pub pyframe: std::cell::OnceCell<ObjRef>,
    /// The instruction traced last (`usize::MAX`: none yet), for `line` events.
    pub trace_prev: usize,
    /// The caller of a chained frame (`interp/chain.rs`), null for a frame that
    /// `run_frame` entered.
    pub back: *mut Frame,
    /// For the chained `__init__` of a class call (`C(...)`): the new instance, which
    /// the call returns once `__init__` returns None; `Null` for every other frame.
    pub init_self: Value,
}

impl Frame {
    pub fn new(code: Rc<PyCode>, globals: ObjRef, builtins: ObjRef, locals: Value) -> Frame {
        let storage = Box::new_uninit_slice(code.frame_size);
        Frame::with_storage(code, globals, builtins, locals, storage)
    }

    /// A frame over `localsplus` storage (from the frame pool): at least
    /// `code.frame_size` slots, all uninitialised.
    pub fn with_storage(code: Rc<PyCode>, globals: ObjRef, builtins: ObjRef, locals: Value, mut localsplus: pool::Storage) -> Frame {
        let nlocalsplus = code.varnames.len() + code.cellvars.len() + code.freevars.len();
        debug_assert!(localsplus.len() >= code.frame_size);
        for slot in localsplus[..nlocalsplus].iter_mut() {
            slot.write(Value::Null);
        }
        Frame {
            code,
            globals,
            builtins,
            locals,
            localsplus,
            stack_base: nlocalsplus,
            sp: nlocalsplus,
            ip: 0,
            state: FrameState::Created,
            pyframe: std::cell::OnceCell::new(),
            trace_prev: usize::MAX,
            back: std::ptr::null_mut(),
            init_self: Value::Null,
        }
    }

    /// Make a chained call's frame in place at `at` (`interp/chain.rs`): its locals
    /// are the `n` values at `args` (moved, not copied), then `Null` up to
    /// `nlocalsplus`, with `closure`'s cells in the free slots after the locals; the
    /// frame is `Running`, its caller `back`. No intermediate `Frame` is built, so
    /// nothing is copied twice (this runs on every Python-to-Python call).
    ///
    /// # Safety
    /// `at` is valid for writing a `Frame` and holds none; `args` points at `n` live
    /// values the caller gives up; `n <= code.varnames.len()`; the code has no cell
    /// variables (`PyCode::chain_argc`), and `closure` matches its free variables.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn write_chained(at: *mut Frame, code: Rc<PyCode>, globals: ObjRef, builtins: ObjRef, mut localsplus: pool::Storage, back: *mut Frame, args: *const Value, n: usize, closure: Option<&[Value]>, init_self: Value) {
        let nlocalsplus = code.nlocalsplus;
        debug_assert!(localsplus.len() >= code.frame_size && n <= code.varnames.len() && code.cellvars.is_empty());
        let base = localsplus.as_mut_ptr() as *mut Value;
        // SAFETY: the storage holds at least `frame_size > nlocalsplus >= n` slots, all
        // uninitialised; the arguments move in, the other locals become Null, the
        // frees the closure's cells (after the locals, as the code has no cells).
        unsafe {
            // Most calls pass up to three arguments: moved by hand, as a memcpy call
            // costs more than the copy (a plain loop becomes one).
            match n {
                0 => {}
                1 => base.write(args.read()),
                2 => {
                    base.write(args.read());
                    base.add(1).write(args.add(1).read());
                }
                3 => {
                    base.write(args.read());
                    base.add(1).write(args.add(1).read());
                    base.add(2).write(args.add(2).read());
                }
                _ => std::ptr::copy_nonoverlapping(args, base, n),
            }
            for i in n..nlocalsplus {
                base.add(i).write(Value::Null);
            }
            if let Some(cells) = closure {
                let free = code.varnames.len();
                for (i, c) in cells.iter().enumerate() {
                    base.add(free + i).write(c.clone());
                }
            }
            at.write(Frame {
                code,
                globals,
                builtins,
                locals: Value::Null,
                localsplus,
                stack_base: nlocalsplus,
                sp: nlocalsplus,
                ip: 0,
                state: FrameState::Running,
                pyframe: std::cell::OnceCell::new(),
                trace_prev: usize::MAX,
                back,
                init_self,
            });
        }
    }

    /// End the frame at `fp` in place: an escaped frame object gets its final state,
    /// every value it holds is dropped, its storage goes back to `pool` and its
    /// header memory is left allocated and uninitialised (for the next chained call).
    /// Returns its caller.
    ///
    /// # Safety
    /// `fp` holds a live frame that nothing else will use again.
    #[inline(always)]
    pub unsafe fn take_down(fp: *mut Frame, pool: &mut pool::FramePool) -> *mut Frame {
        // SAFETY: the contract: the frame is live and ours; each field is dropped or
        // moved out exactly once, and `Frame::drop` does not run.
        unsafe {
            let f = &mut *fp;
            f.detach_pyframe();
            let live = f.sp;
            let base = f.base_ptr();
            for i in 0..live {
                std::ptr::drop_in_place(base.add(i));
            }
            f.state = FrameState::Finished;
            let back = f.back;
            let storage = std::ptr::read(&f.localsplus);
            pool.release(&f.code.zombie, f.code.frame_size, storage);
            std::ptr::drop_in_place(&mut f.code);
            std::ptr::drop_in_place(&mut f.globals);
            std::ptr::drop_in_place(&mut f.builtins);
            std::ptr::drop_in_place(&mut f.locals);
            std::ptr::drop_in_place(&mut f.pyframe);
            std::ptr::drop_in_place(&mut f.init_self);
            back
        }
    }

    #[inline(always)]
    pub fn consts(&self) -> &[Value] {
        &self.code.consts
    }

    /// The locals, cells and frees.
    #[inline]
    pub fn fast(&self) -> &[Value] {
        // SAFETY: slots below stack_base are always initialised.
        unsafe { std::slice::from_raw_parts(self.localsplus.as_ptr() as *const Value, self.stack_base) }
    }

    #[inline]
    pub fn fast_mut(&mut self) -> &mut [Value] {
        // SAFETY: slots below stack_base are always initialised.
        unsafe { std::slice::from_raw_parts_mut(self.localsplus.as_mut_ptr() as *mut Value, self.stack_base) }
    }

    #[inline]
    pub fn base_ptr(&mut self) -> *mut Value {
        self.localsplus.as_mut_ptr() as *mut Value
    }

    /// Slots in the frame's storage (locals-plus and stack).
    #[inline]
    pub fn storage_len(&self) -> usize {
        self.localsplus.len()
    }

    #[inline]
    pub fn sp_ptr(&mut self) -> *mut Value {
        // SAFETY: sp <= localsplus.len().
        unsafe { self.base_ptr().add(self.sp) }
    }

    /// Give an escaped frame object this frame's final state, before it goes away.
    #[inline(always)]
    pub fn detach_pyframe(&mut self) {
        if self.pyframe.get().is_some() {
            self.detach_pyframe_slow();
        }
    }

    #[cold]
    #[inline(never)]
    fn detach_pyframe_slow(&mut self) {
        if let Some(o) = self.pyframe.take() {
            if let Some(pf) = o.as_pyframe() {
                *pf.snapshot.borrow_mut() = Some(crate::frame::frame_obj::FrameSnapshot {
                    fast: self.fast().to_vec(),
                    lasti: self.lasti() as u32,
                    lineno: self.lineno(),
                });
                pf.live.set(std::ptr::null());
            }
        }
    }

    /// Drop every live value and hand back the emptied storage (for the frame pool).
    pub fn into_storage(mut self) -> pool::Storage {
        self.detach_pyframe();
        for slot in self.localsplus[..self.sp].iter_mut() {
            // SAFETY: slots below sp are initialised.
            unsafe { slot.assume_init_drop() };
        }
        self.sp = 0;
        std::mem::take(&mut self.localsplus)
    }

    /// Index of the instruction executed last (for line numbers and handlers).
    #[inline]
    pub fn lasti(&self) -> usize {
        self.ip.saturating_sub(1)
    }

    /// Current stack depth.
    pub fn depth(&self) -> usize {
        self.sp - self.stack_base
    }

    /// Drop stack items down to `depth`.
    /// Set the stack to a handler's entry depth: pop down to `depth`, or pad with None
    /// up to it (the verifier of replaced bytecode does not prove that a raising
    /// instruction leaves at least `depth` items; compiled code always does).
    pub fn cut_to_handler(&mut self, depth: usize) {
        self.pop_to(depth);
        while self.depth() < depth {
            self.push(Value::None);
        }
    }

    pub fn pop_to(&mut self, depth: usize) {
        let target = self.stack_base + depth;
        while self.sp > target {
            self.sp -= 1;
            // SAFETY: slot sp was live; it is now outside the live range.
            unsafe { self.localsplus[self.sp].assume_init_drop() };
        }
    }

    pub fn push(&mut self, v: Value) {
        debug_assert!(self.sp < self.localsplus.len());
        self.localsplus[self.sp].write(v);
        self.sp += 1;
    }

    /// A copy of stack item `k` (0 = bottom), which must be below the depth.
    pub fn stack_item(&self, k: usize) -> Value {
        debug_assert!(self.stack_base + k < self.sp);
        // SAFETY: slots below sp are initialised.
        unsafe { (*self.localsplus[self.stack_base + k].as_ptr()).clone() }
    }

    /// A copy of the top of the value stack.
    pub fn peek_top(&self) -> Value {
        // SAFETY: callers check depth() > 0; slot sp-1 is live.
        unsafe { (*self.localsplus[self.sp - 1].as_ptr()).clone() }
    }

    /// Current source line (`f_lineno`): the `def` line before the first instruction.
    pub fn lineno(&self) -> u32 {
        if self.ip == 0 {
            return self.code.firstlineno;
        }
        self.code.line_of(self.lasti())
    }
}

impl Frame {
    /// The values this frame owns (for the collector, while it is suspended).
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        visit(&self.locals);
        visit(&self.init_self);
        // SAFETY: slots below sp are initialised.
        let live = unsafe { std::slice::from_raw_parts(self.localsplus.as_ptr() as *const Value, self.sp) };
        live.iter().for_each(&mut *visit);
        if let Some(o) = self.pyframe.get() {
            visit(&Value::Obj(o.clone()));
        }
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.detach_pyframe();
        let live = self.sp;
        for slot in self.localsplus[..live].iter_mut() {
            // SAFETY: slots below sp are initialised (locals always, stack up to sp).
            unsafe { slot.assume_init_drop() };
        }
    }
}
