//! Function objects: Python functions (code + globals + defaults + closure) and
//! native functions (a Rust `fn` with the vectorcall-style [`Args`]).

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::{DictRef, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Function {
    /// `__code__` (assignable).
    pub code: RefCell<Rc<crate::object::PyCode>>,
    pub globals: ObjRef,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults, or None.
    pub defaults: RefCell<Value>,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: RefCell<Value>,
    /// The cells of the free variables, in `co_freevars` order.
    pub closure: Option<Box<[Value]>>,
    /// The function's `__dict__` (an `Obj::Dict`, shared with `f.__dict__`).
    pub dict: crate::object::ObjRef,
    pub annotations: RefCell<Value>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
}

/// Arguments of a call, CPython vectorcall style: `args` holds the positional
/// arguments followed by the keyword values, whose names are `kwnames`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl Function {
    pub fn dict(&self) -> &DictRef {
        self.dict.as_dict().expect("function dict is always a dict")
    }

    /// The references this function owns (for the collector).
    pub(crate) fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Obj(self.globals.clone()));
        visit(&Value::Obj(self.dict.clone()));
        for c in [&self.name, &self.qualname, &self.defaults, &self.kwdefaults, &self.annotations, &self.doc, &self.module] {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
        if let Some(cl) = &self.closure {
            cl.iter().for_each(visit);
        }
    }

    /// Drop what can form cycles (defaults, annotations, attributes); the closure
    /// cells are cleared as objects of their own.
    pub(crate) fn clear(&self) {
        for c in [&self.defaults, &self.kwdefaults, &self.annotations, &self.doc, &self.module] {
            let old = c.try_borrow_mut().map(|mut v| std::mem::replace(&mut *v, Value::None));
            drop(old);
        }
        if let Some(d) = self.dict.as_dict() {
            let old = d.try_borrow_mut().map(|mut d| d.take_all());
            drop(old);
        }
    }
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value]) -> Self {
        Args { args, kwnames: &[] }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// The keyword arguments as (name, value) pairs.
    pub fn kw(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let start = self.args.len() - self.kwnames.len();
        let args = self.args;
        self.kwnames.iter().enumerate().map(move |(i, n)| (n.as_str().unwrap_or(""), &args[start + i]))
    }

    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn has_kw(&self) -> bool {
        !self.kwnames.is_empty()
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// For a method of a built-in type: the type's name (for reprs and errors).
    pub owner: Option<&'static str>,
    /// Bound receiver (`"abc".upper` evaluated without calling), passed as args[0].
    pub slf: Option<Value>,
}
