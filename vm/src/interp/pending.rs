//! The interpreter's side of finalization and cycle collection.
//!
//! The object layer queues finalizers and weakref callbacks where a count reaches
//! zero and requests collections when generation 0 fills (`object/pending.rs`); both
//! raise the breaker flag, which the interpreter tests at its safe points (every call
//! through `Vm::call`, every loop edge, every frame entry) and answers with
//! [`Vm::run_pending`]. A collection ([`Vm::gc_collect`]) drives `object/gc.rs`:
//! find the unreachable set, clear its weakrefs and call the callbacks of the
//! surviving weakrefs, run finalizers (PEP 442: once per object), then let the
//! collector resurrect what the finalizers made reachable and free the rest.
//!
//! An exception raised by a finalizer or callback cannot propagate (there is no
//! caller to receive it); it is printed as CPython's "Exception ignored in: ..."
//! report and execution goes on.

use crate::object::heap::flags;
use crate::object::pending::{self, Pending};
use crate::object::{gc, weakref, Kind, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, Vm};

impl Vm {
    /// Run the queued finalizers and weakref callbacks and any due collection.
    #[cold]
    #[inline(never)]
    pub fn run_pending(&mut self) {
        if self.in_pending {
            return;
        }
        self.in_pending = true;
        loop {
            while let Some(p) = pending::pop() {
                self.run_one(p);
            }
            if pending::take_gc_request() {
                if let Some(g) = gc::due_generation() {
                    self.gc_collect(g, false);
                    continue;
                }
            }
            break;
        }
        pending::settle();
        self.in_pending = false;
    }

    fn run_one(&mut self, p: Pending) {
        match p {
            Pending::Finalize(o) => {
                self.finalize(&o);
                drop(o);
            }
            Pending::Callback { weakref, callback } => self.call_weakref_callback(weakref, callback),
        }
    }

    fn call_weakref_callback(&mut self, weakref: ObjRef, callback: Value) {
        let wr = Value::Obj(weakref);
        if let Err(e) = self.call_isolated(&callback, &[wr]) {
            self.write_unraisable(&e, &callback);
        }
    }

    /// Run the finalizer of `o` (`__del__`, or closing a suspended generator), once.
    fn finalize(&mut self, o: &ObjRef) {
        let h = o.header();
        if h.has_flag(flags::FINALIZED) {
            return;
        }
        h.set_flag(flags::FINALIZED);
        let me = Value::Obj(o.clone());
        match o.kind() {
            Kind::Instance => {
                let del = o.as_instance().and_then(|i| i.class.as_class().and_then(|c| c.lookup("__del__")));
                if let Some(f) = del {
                    if let Err(e) = self.call_isolated(&f, &[me]) {
                        self.write_unraisable(&e, &f);
                    }
                }
            }
            Kind::Generator | Kind::AsyncGen => {
                let saved = std::mem::replace(&mut self.exc_info, Value::None);
                // An async generator given a finalizer hook goes to it (asyncio
                // schedules `aclose()`); any other is closed here (PEP 525).
                let r = match crate::interp::async_gen::call_finalizer_hook(self, &me) {
                    Some(r) => r,
                    None => crate::interp::generator::close(self, &me),
                };
                self.exc_info = saved;
                if let Err(e) = r {
                    self.write_unraisable(&e, &me);
                }
            }
            _ => {}
        }
    }

    /// Call `f(*args)` without disturbing the exception being handled.
    fn call_isolated(&mut self, f: &Value, args: &[Value]) -> Result<Value, PyErr> {
        let saved = std::mem::replace(&mut self.exc_info, Value::None);
        let r = self.call(f, crate::object::func::Args::new(args));
        self.exc_info = saved;
        r
    }

    /// CPython's default `sys.unraisablehook` report on stderr.
    pub fn write_unraisable(&mut self, e: &PyErr, obj: &Value) {
        self.write_unraisable_as(e, obj, "Exception ignored in")
    }

    /// The report with another heading (`atexit` says where the callback was).
    pub fn write_unraisable_as(&mut self, e: &PyErr, obj: &Value, heading: &str) {
        use std::io::Write;
        let what = self.repr_string(obj).unwrap_or_else(|_| "<object>".into());
        let report = crate::traceback::format_exception(self, &e.0);
        crate::builtins::io::flush_stdout();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{heading}: {what}\n{report}");
        let _ = err.flush();
    }

    /// Collect generations `0..=gen`; returns the number of objects freed. `explicit`
    /// is true for `gc.collect()` (callbacks see the same info either way).
    pub fn gc_collect(&mut self, gen: usize, explicit: bool) -> usize {
        let _ = explicit;
        if !gc::can_collect() {
            return 0;
        }
        self.gc_callbacks("start", gen, 0, 0);
        let garbage = gc::collect_start(gen);
        // Weak references to garbage are cleared first (none may reach an object
        // about to be finalized or freed); callbacks of weakrefs that survive run.
        garbage.mark();
        let mut calls = Vec::new();
        for o in &garbage.objs {
            calls.extend(weakref::clear_for_gc(o));
        }
        garbage.unmark();
        for (w, cb) in calls {
            self.call_weakref_callback(w, cb);
        }
        // Finalizers, once per object.
        let mut ran = false;
        for o in &garbage.objs {
            let h = o.header();
            if h.has_flag(flags::FINALIZED) {
                continue;
            }
            let wants = match o.kind() {
                Kind::Instance => o.as_instance().and_then(|i| i.class.as_class().map(|c| c.has_del.get())).unwrap_or(false),
                Kind::Generator => o.as_generator().map(gen_needs_close).unwrap_or(false),
                Kind::AsyncGen => o.as_async_gen().is_some_and(|a| a.wants_finalizer()),
                _ => false,
            };
            if wants {
                self.finalize(o);
                ran = true;
            }
        }
        let save_all = self.gc_debug & DEBUG_SAVEALL != 0;
        let (collected, saved) = if save_all {
            // DEBUG_SAVEALL: keep everything in gc.garbage instead of freeing it.
            let objs: Vec<Value> = garbage.objs.iter().map(|o| Value::Obj(o.clone())).collect();
            let n = objs.len();
            if let Some(l) = self.gc_garbage.as_obj().and_then(|o| o.as_list()) {
                l.borrow_mut().extend(objs);
            }
            garbage.finish(true);
            (n, true)
        } else {
            (garbage.finish(ran).0, false)
        };
        let _ = saved;
        self.gc_callbacks("stop", gen, collected, 0);
        collected
    }

    /// Call `gc.callbacks` (CPython's `invoke_gc_callback`).
    fn gc_callbacks(&mut self, phase: &str, gen: usize, collected: usize, uncollectable: usize) {
        let Some(list) = self.gc_callbacks.as_obj().and_then(|o| o.as_list()) else { return };
        let cbs: Vec<Value> = list.borrow().clone();
        if cbs.is_empty() {
            return;
        }
        let mut info = crate::object::Dict::new();
        info.insert_str("generation", Value::Int(gen as i64));
        info.insert_str("collected", Value::Int(collected as i64));
        info.insert_str("uncollectable", Value::Int(uncollectable as i64));
        let info = self.new_dict(info);
        for cb in cbs {
            if let Err(e) = self.call_isolated(&cb, &[Value::str(phase), info.clone()]) {
                self.write_unraisable(&e, &cb);
            }
        }
    }

    /// What CPython does at exit before the interpreter goes away: run what is
    /// pending, `atexit` functions, clear the modules' namespaces (names starting
    /// with one underscore first, then the others, each set to None), collect.
    pub fn finalize_at_exit(&mut self) {
        self.run_pending();
        self.run_atexit();
        self.run_pending();
        self.gc_collect(gc::NGEN - 1, false);
        self.run_pending();
        let modules: Vec<Value> = match self.modules.as_dict() {
            Some(d) => d.borrow().values(),
            None => Vec::new(),
        };
        for m in modules.iter().rev() {
            let Some(module) = m.as_obj().and_then(|o| o.as_module()) else { continue };
            if &*module.name == "builtins" || &*module.name == "sys" {
                continue;
            }
            clear_module_dict(module.d());
            self.run_pending();
        }
        self.gc_collect(gc::NGEN - 1, false);
        self.run_pending();
    }

    /// Call the `atexit` functions, last registered first.
    pub fn run_atexit(&mut self) {
        // Functions registered while these run are not called, unregistered ones are
        // skipped (CPython 3.11).
        let n = self.atexit.len();
        for i in (0..n).rev() {
            let Some((f, args, kwnames)) = self.atexit.get(i).cloned().flatten() else { continue };
            if let Err(e) = self.call(&f, crate::object::func::Args { args: &args, kwnames: &kwnames }) {
                if !self.err_matches(&e, "SystemExit") {
                    self.write_unraisable_as(&e, &f, "Exception ignored in atexit callback");
                }
            }
        }
        self.atexit.clear();
    }
}

/// `gc.DEBUG_SAVEALL`.
pub const DEBUG_SAVEALL: i64 = 32;

fn gen_needs_close(g: &std::cell::RefCell<crate::frame::generator::Generator>) -> bool {
    match g.try_borrow() {
        Ok(g) => g.frame.as_ref().map(|f| !matches!(f.state, crate::frame::FrameState::Created)).unwrap_or(false),
        Err(_) => false,
    }
}

/// `_PyModule_ClearDict`: names with one leading underscore, then the rest (except
/// `__builtins__`), are set to None, one at a time so finalizers see a consistent dict.
fn clear_module_dict(d: &crate::object::DictRef) {
    for pass in 0..2 {
        let keys: Vec<Value> = d.borrow().keys();
        for k in keys {
            let Some(name) = k.as_str() else { continue };
            let first = if pass == 0 { name.starts_with('_') && !name.starts_with("__") } else { name != "__builtins__" };
            if !first {
                continue;
            }
            let old = {
                let mut dd = d.borrow_mut();
                let old = dd.get_str(name);
                dd.insert_str(name, Value::None);
                old
            };
            drop(old);
        }
    }
}
