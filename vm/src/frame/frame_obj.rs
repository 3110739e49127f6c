//! Python-visible frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`).
//!
//! A running frame lives on the native stack (or in its generator) and has no Python
//! object until one is asked for; then a [`PyFrame`] is made that points at the live
//! frame. When the frame finishes, it hands its final state — locals, line, last
//! instruction — to the object (`Frame::detach_pyframe`), so an escaped frame reads
//! correctly after its call returned, while its storage goes back to the frame pool.
//! `f_back` is made eagerly (the whole chain to the outermost frame) so it never
//! points at a frame that has gone; a generator or coroutine frame's `f_back` is
//! looked up when asked (its caller while it runs, None while it is suspended).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::frame::Frame;
use crate::object::heap::{Foreign, Kind};
use crate::object::{ForeignView, ObjRef, PyCode};
use crate::value::Value;
use crate::vm::Vm;

/// What a finished frame leaves behind.
pub struct FrameSnapshot {
    pub fast: Vec<Value>,
    pub lasti: u32,
    pub lineno: u32,
}

pub struct PyFrame {
    /// The running frame; null once it finished (then `snapshot` holds its state).
    pub live: Cell<*const Frame>,
    pub code: Rc<PyCode>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The namespace of module and class frames (`Null` for functions).
    pub locals: Value,
    pub back: Value,
    pub snapshot: RefCell<Option<FrameSnapshot>>,
    pub trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
}

impl PyFrame {
    /// The live frame, if it is still running.
    pub fn live(&self) -> Option<&Frame> {
        let p = self.live.get();
        // SAFETY: `live` is cleared by the frame before it goes away (detach_pyframe).
        (!p.is_null()).then(|| unsafe { &*p })
    }

    pub fn lasti(&self) -> u32 {
        match self.live() {
            Some(f) => f.lasti() as u32,
            None => self.snapshot.borrow().as_ref().map(|s| s.lasti).unwrap_or(0),
        }
    }

    pub fn lineno(&self) -> u32 {
        match self.live() {
            Some(f) => f.lineno(),
            None => self.snapshot.borrow().as_ref().map(|s| s.lineno).unwrap_or(self.code.firstlineno),
        }
    }

    /// Locals, cells and frees as they are now (or were at the end).
    pub fn fast(&self) -> Vec<Value> {
        match self.live() {
            Some(f) => f.fast().to_vec(),
            None => self.snapshot.borrow().as_ref().map(|s| s.fast.clone()).unwrap_or_default(),
        }
    }
}

// SAFETY: Kind::Frame is used by PyFrame alone.
unsafe impl Foreign for PyFrame {
    const KIND: Kind = Kind::Frame;

    /// The running frame behind `live` is not traced: its values are roots.
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.builtins.clone()));
        visit(&self.locals);
        visit(&self.back);
        if let Ok(s) = self.snapshot.try_borrow() {
            if let Some(s) = s.as_ref() {
                s.fast.iter().for_each(&mut *visit);
            }
        }
        if let Ok(t) = self.trace.try_borrow() {
            visit(&t);
        }
    }

    fn clear(&self) {
        let snap = self.snapshot.try_borrow_mut().ok().and_then(|mut s| s.take());
        drop(snap);
        let t = self.trace.try_borrow_mut().map(|mut t| std::mem::replace(&mut *t, Value::None));
        drop(t);
    }
}

impl ObjRef {
    /// The frame object's state, if this is a frame object.
    #[inline]
    pub fn as_pyframe(&self) -> Option<&PyFrame> {
        self.foreign::<PyFrame>()
    }
}

impl<'a> ForeignView<'a> {
    /// The frame object behind an `Obj::Frame` view.
    #[inline]
    pub fn pyframe(self) -> &'a PyFrame {
        self.0.as_pyframe().expect("a Frame view holds a frame object")
    }
}

/// The frame object of `frames[index]` (made on first request, with its `f_back` chain).
/// Iterative: the chain can be as deep as the recursion limit allows.
pub fn frame_object(vm: &mut Vm, index: usize) -> Value {
    // SAFETY: entries of vm.frames are live while their run_frame is active.
    let frame_at = |vm: &Vm, i: usize| unsafe { &*vm.frames[i] };
    // The deepest frame at or below `index` that already has an object.
    let mut start = index + 1;
    while start > 0 && frame_at(vm, start - 1).pyframe.get().is_none() {
        start -= 1;
    }
    let mut back = if start == 0 { Value::None } else { Value::Obj(frame_at(vm, start - 1).pyframe.get().cloned().unwrap_or_else(|| unreachable_frame())) };
    for i in start..=index {
        let f = frame_at(vm, i);
        let obj = ObjRef::new_foreign(PyFrame {
            live: Cell::new(f as *const Frame),
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals: f.locals.clone(),
            back,
            snapshot: RefCell::new(None),
            trace: RefCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        });
        let _ = f.pyframe.set(obj.clone());
        back = Value::Obj(obj);
    }
    back
}

#[cold]
fn unreachable_frame() -> ObjRef {
    // The loop above stops at a frame whose object exists.
    crate::object::NewObj::Ellipsis.alloc()
}

/// The frame object of the frame `f` if it is on the frame stack.
pub fn frame_object_of(vm: &mut Vm, f: *const Frame) -> Value {
    match vm.frames.iter().rposition(|p| std::ptr::eq(*p, f)) {
        Some(i) => frame_object(vm, i),
        None => Value::None,
    }
}

/// The frame object of a frame that is not running (a suspended generator's).
pub fn detached_frame_object(f: &Frame) -> Value {
    if let Some(o) = f.pyframe.get() {
        return Value::Obj(o.clone());
    }
    let obj = ObjRef::new_foreign(PyFrame {
        live: Cell::new(f as *const Frame),
        code: f.code.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals: f.locals.clone(),
        back: Value::None,
        snapshot: RefCell::new(None),
        trace: RefCell::new(Value::None),
        trace_lines: Cell::new(true),
        trace_opcodes: Cell::new(false),
    });
    let _ = f.pyframe.set(obj.clone());
    Value::Obj(obj)
}
