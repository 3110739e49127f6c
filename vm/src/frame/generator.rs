//! The generator object's state (`interp/generator.rs` resumes it): a suspended frame
//! owned by the generator while it is not running.

use std::cell::RefCell;

use crate::frame::Frame;
use crate::object::heap::{Foreign, Kind};
use crate::object::{ForeignView, ObjRef};
use crate::value::Value;

pub struct Generator {
    /// A coroutine (`async def`) rather than a generator: same machinery, another type.
    pub coroutine: bool,
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    /// While running, the frame (taken out of `frame`; its box does not move).
    pub running_frame: *const Frame,
    /// `gi_code`: kept after the frame is gone.
    pub code: std::rc::Rc<crate::object::PyCode>,
    pub name: Value,
    pub qualname: Value,
    /// The exception being handled inside the generator while it is suspended.
    pub exc_state: Value,
}

// SAFETY: Kind::Generator is used by RefCell<Generator> alone.
unsafe impl Foreign for RefCell<Generator> {
    const KIND: Kind = Kind::Generator;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(g) = self.try_borrow() {
            if let Some(f) = &g.frame {
                f.trace(visit);
            }
            visit(&g.name);
            visit(&g.qualname);
            visit(&g.exc_state);
        }
    }

    fn clear(&self) {
        let old = self.try_borrow_mut().ok().and_then(|mut g| g.frame.take());
        drop(old);
    }

    /// A generator suspended after it started is closed before it goes (PEP 342).
    fn needs_finalizer(&self) -> bool {
        match self.try_borrow() {
            Ok(g) => g.frame.as_ref().map(|f| !matches!(f.state, crate::frame::FrameState::Created)).unwrap_or(false),
            Err(_) => false,
        }
    }
}

impl ObjRef {
    /// The generator or coroutine state, if this is one.
    #[inline]
    pub fn as_generator(&self) -> Option<&RefCell<Generator>> {
        self.foreign::<RefCell<Generator>>()
    }
}

impl<'a> ForeignView<'a> {
    /// The generator behind an `Obj::Generator` view.
    #[inline]
    pub fn generator(self) -> &'a RefCell<Generator> {
        self.0.as_generator().expect("a Generator view holds a generator")
    }
}

/// An asynchronous generator (PEP 525): a generator frame driven through awaitables
/// (`interp/async_gen.rs`), plus CPython's `PyAsyncGenObject` fields.
pub struct AsyncGen {
    pub gen: RefCell<Generator>,
    pub state: RefCell<AsyncGenState>,
}

#[derive(Default)]
pub struct AsyncGenState {
    /// `sys.get_asyncgen_hooks().finalizer` when the hooks were first consulted
    /// (Null: none).
    pub finalizer: Value,
    /// The hooks were consulted (first `__anext__`, `asend`, `athrow`, `aclose`).
    pub hooks_inited: bool,
    /// Closed by `aclose()`, or finished by StopAsyncIteration / GeneratorExit.
    pub closed: bool,
    /// An awaitable of this generator is being iterated (`ag_running`).
    pub running_async: bool,
}

impl AsyncGen {
    /// Suspended after it started, or handed to the finalizer hook on first use: the
    /// hook (or `aclose`'s synchronous form) runs before it goes.
    pub fn wants_finalizer(&self) -> bool {
        let (Ok(g), Ok(s)) = (self.gen.try_borrow(), self.state.try_borrow()) else { return false };
        match &g.frame {
            Some(f) => {
                !matches!(f.state, crate::frame::FrameState::Created) || (s.finalizer.as_obj().is_some() && !s.closed)
            }
            None => false,
        }
    }
}

// SAFETY: Kind::AsyncGen is used by AsyncGen alone.
unsafe impl Foreign for AsyncGen {
    const KIND: Kind = Kind::AsyncGen;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.gen.trace(visit);
        if let Ok(s) = self.state.try_borrow() {
            visit(&s.finalizer);
        }
    }

    fn clear(&self) {
        self.gen.clear();
        let old = self.state.try_borrow_mut().map(|mut s| std::mem::take(&mut s.finalizer));
        drop(old);
    }

    fn needs_finalizer(&self) -> bool {
        self.wants_finalizer()
    }
}

/// CPython's `AwaitableState`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AwaitState {
    /// Not iterated yet.
    Init,
    /// Being iterated.
    Iter,
    /// Done (or closed): iterating it again is an error.
    Closed,
}

/// What an awaitable of an asynchronous generator does.
pub enum AwaitableKind {
    /// `async_generator_asend`: `__anext__()` (value Null) or `asend(value)`.
    ASend(Value),
    /// `async_generator_athrow`: `athrow(typ[, val[, tb]])`, or `aclose()` (None).
    AThrow(Option<Vec<Value>>),
    /// `anext_awaitable`: `anext(aiterator, default)` over the `__anext__()` result.
    Anext { wrapped: Value, default: Value },
}

/// The awaitables `__anext__`/`asend`/`athrow`/`aclose` and `anext(it, default)`
/// return (`interp/async_gen.rs` drives them).
pub struct AgAwaitable {
    /// The async generator (None for `anext_awaitable`).
    pub gen: Value,
    pub kind: AwaitableKind,
    pub state: AwaitState,
}

// SAFETY: Kind::AsyncGenAwaitable is used by RefCell<AgAwaitable> alone.
unsafe impl Foreign for RefCell<AgAwaitable> {
    const KIND: Kind = Kind::AsyncGenAwaitable;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(a) = self.try_borrow() {
            visit(&a.gen);
            match &a.kind {
                AwaitableKind::ASend(v) => visit(v),
                AwaitableKind::AThrow(Some(args)) => args.iter().for_each(visit),
                AwaitableKind::AThrow(None) => {}
                AwaitableKind::Anext { wrapped, default } => {
                    visit(wrapped);
                    visit(default);
                }
            }
        }
    }

    fn clear(&self) {
        let old = self.try_borrow_mut().ok().map(|mut a| {
            let gen = std::mem::replace(&mut a.gen, Value::None);
            let kind = std::mem::replace(&mut a.kind, AwaitableKind::AThrow(None));
            (gen, kind)
        });
        drop(old);
    }
}

impl ObjRef {
    /// The asynchronous generator, if this is one.
    #[inline]
    pub fn as_async_gen(&self) -> Option<&AsyncGen> {
        self.foreign::<AsyncGen>()
    }

    /// The generator state of a generator, coroutine or asynchronous generator.
    #[inline]
    pub fn as_any_generator(&self) -> Option<&RefCell<Generator>> {
        self.as_generator().or_else(|| self.as_async_gen().map(|a| &a.gen))
    }

    /// An async generator's awaitable (or `anext_awaitable`), if this is one.
    #[inline]
    pub fn as_ag_awaitable(&self) -> Option<&RefCell<AgAwaitable>> {
        self.foreign::<RefCell<AgAwaitable>>()
    }
}

impl<'a> ForeignView<'a> {
    /// The asynchronous generator behind an `Obj::AsyncGen` view.
    #[inline]
    pub fn async_gen(self) -> &'a AsyncGen {
        self.0.as_async_gen().expect("an AsyncGen view holds an async generator")
    }

    /// The awaitable behind an `Obj::AsyncGenAwaitable` view.
    #[inline]
    pub fn ag_awaitable(self) -> &'a RefCell<AgAwaitable> {
        self.0.as_ag_awaitable().expect("an AsyncGenAwaitable view holds an awaitable")
    }
}
