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
