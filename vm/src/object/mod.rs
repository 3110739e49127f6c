//! Heap objects: everything that is not an immediate [`Value`].
//!
//! One enum, [`Obj`], with a variant per built-in type. A value's Python type is
//! derived from the variant (`Vm::type_of`), except for instances of user classes,
//! which carry their class. Instances of user subclasses of built-in types (a class
//! deriving from `list`, `dict`, `Exception`, ...) use the variant of the built-in
//! base with an extra class pointer, so native methods work on them unchanged.
//!
//! Reference counting is `Rc`; cycles are not collected (no cycle GC yet).

pub mod code;
pub mod code_verify;
pub mod dict;
pub mod frame_obj;
pub mod func;
pub mod int;
pub mod str;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::value::Value;
pub use dict::{Dict, DictRef};
pub use func::{Function, NativeFn, NativeFunction};
pub use code::PyCode;
pub use str::PyStr;

pub type ObjRef = Rc<Obj>;

pub enum Obj {
    Str(PyStr),
    /// A big integer that does not fit in i64 (smaller ones are `Value::Int`).
    Int(BigInt),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(DictRef),
    Set(RefCell<Dict>),
    FrozenSet(Dict),
    Range { start: i64, stop: i64, step: i64 },
    Slice { start: Value, stop: Value, step: Value },
    Complex(f64, f64),
    Function(Function),
    BoundMethod { func: Value, slf: Value },
    Native(NativeFunction),
    Class(Class),
    Instance(Instance),
    Exception(Exception),
    Module(Module),
    Code(Rc<code::PyCode>),
    Cell(RefCell<Value>),
    Generator(RefCell<crate::interp::generator::Generator>),
    Iter(RefCell<crate::object::IterState>),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    Super { class: Value, obj: Value },
    DictView { dict: Value, kind: ViewKind },
    Traceback(Traceback),
    Frame(frame_obj::PyFrame),
    NotImplemented,
    Ellipsis,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
pub enum IterState {
    /// Iterates `seq[i]` for list and tuple (and str by code point).
    Seq { seq: Value, index: usize },
    /// Code-point iteration of a str; `byte` is the next byte offset.
    Str { s: Value, byte: usize },
    Range { next: i64, stop: i64, step: i64 },
    /// Dict keys/values/items by entry index (detects size changes).
    Dict { dict: Value, index: usize, kind: ViewKind, len: usize },
    /// Set/frozenset keys by entry index.
    SetKeys { set: Value, index: usize },
    Reversed { seq: Value, index: usize },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// Any object with `__getitem__` but no `__iter__`.
    GetItem { obj: Value, index: i64 },
    Enumerate { iter: Value, count: Value },
    Zip { iters: Vec<Value>, strict: bool },
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, iter: Value },
    Exhausted,
}

/// The Python type name of a built-in iterator state.
pub fn iter_type_name(st: &IterState) -> &'static str {
    match st {
        IterState::Seq { seq: Value::Obj(o), .. } => match &**o {
            Obj::List(_) => "list_iterator",
            Obj::Tuple(_) => "tuple_iterator",
            Obj::Bytes(_) => "bytes_iterator",
            Obj::ByteArray(_) => "bytearray_iterator",
            _ => "iterator",
        },
        IterState::Str { s, .. } => match s {
            Value::Obj(o) => match &**o {
                Obj::Str(p) if !p.is_ascii() => "str_iterator",
                _ => "str_ascii_iterator",
            },
            _ => "str_ascii_iterator",
        },
        IterState::Range { .. } => "range_iterator",
        IterState::Dict { kind, .. } => match kind {
            ViewKind::Keys => "dict_keyiterator",
            ViewKind::Values => "dict_valueiterator",
            ViewKind::Items => "dict_itemiterator",
        },
        IterState::SetKeys { .. } => "set_iterator",
        IterState::Reversed { seq: Value::Obj(o), .. } if matches!(&**o, Obj::List(_)) => "list_reverseiterator",
        IterState::Reversed { .. } => "reversed",
        IterState::Callable { .. } => "callable_iterator",
        IterState::Enumerate { .. } => "enumerate",
        IterState::Zip { .. } => "zip",
        IterState::Map { .. } => "map",
        IterState::Filter { .. } => "filter",
        _ => "iterator",
    }
}

/// Every built-in iterator type name.
pub const ITER_TYPE_NAMES: &[&str] = &[
    "list_iterator", "tuple_iterator", "bytes_iterator", "bytearray_iterator", "str_iterator", "str_ascii_iterator",
    "range_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator",
    "list_reverseiterator", "reversed", "callable_iterator", "enumerate", "zip", "map", "filter",
];

/// A class: built-in type or user class (CPython's `PyTypeObject` + heap type).
pub struct Class {
    pub name: Rc<str>,
    pub qualname: RefCell<Rc<str>>,
    pub module: RefCell<Value>,
    pub bases: Vec<ObjRef>,
    /// Method resolution order, starting with the class itself (C3).
    pub mro: RefCell<Vec<ObjRef>>,
    pub dict: DictRef,
    /// The built-in type whose layout instances have.
    pub layout: Layout,
    pub metaclass: RefCell<Option<ObjRef>>,
    /// Names declared in `__slots__` (None: instances have a `__dict__`).
    pub slots: Option<Vec<Rc<str>>>,
    /// True for classes created by a `class` statement.
    pub heap: bool,
}

/// Which built-in layout instances of a class have.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Built-in types that cannot be subclassed or instantiated directly.
    Other,
}

pub struct Instance {
    pub class: ObjRef,
    /// The instance `__dict__` (an `Obj::Dict`, shared with `obj.__dict__`), if any.
    pub dict_obj: Option<ObjRef>,
    pub slots: RefCell<Vec<Value>>,
    /// The built-in value a user subclass of a built-in type wraps (list, dict, int...),
    /// set once by `__new__`; `Value::Null` for plain objects.
    pub base: Value,
}

pub struct Exception {
    pub class: ObjRef,
    pub args: RefCell<Value>,
    pub dict: DictRef,
    pub traceback: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
}

pub struct Module {
    pub name: Rc<str>,
    /// The module namespace: an `Obj::Dict`, shared with its functions' globals.
    pub dict: ObjRef,
}

impl Module {
    pub fn d(&self) -> &DictRef {
        match &*self.dict {
            Obj::Dict(d) => d,
            _ => unreachable!("module dict is always a dict"),
        }
    }
}

/// A traceback entry (CPython's `PyTracebackObject`), linked through `next`.
pub struct Traceback {
    /// `tb_frame`: the frame object of the frame that raised.
    pub frame: Value,
    pub code: Rc<code::PyCode>,
    pub lasti: u32,
    pub lineno: u32,
    pub next: RefCell<Value>,
}

impl Instance {
    pub fn dict(&self) -> Option<&DictRef> {
        match self.dict_obj.as_deref() {
            Some(Obj::Dict(d)) => Some(d),
            _ => None,
        }
    }
}

impl Obj {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Obj::Str(s) => Some(s.as_str()),
            Obj::Instance(i) => i.base.as_str(),
            _ => None,
        }
    }

    pub fn as_class(&self) -> Option<&Class> {
        match self {
            Obj::Class(c) => Some(c),
            _ => None,
        }
    }
}

impl Class {
    /// Look `name` up along the MRO (`_PyType_Lookup`).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_hashed(name, dict::hash_str(name))
    }

    /// `lookup` with the name's `hash_str` already known (hashed once for the whole MRO).
    pub fn lookup_hashed(&self, name: &str, hash: i64) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str_hashed(hash, name) {
            return Some(v);
        }
        let mro = self.mro.borrow();
        for c in mro.iter().skip(1) {
            if let Obj::Class(c) = &**c {
                if let Some(v) = c.dict.borrow().get_str_hashed(hash, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn is_subclass_of(&self, me: &ObjRef, other: &ObjRef) -> bool {
        if Rc::ptr_eq(me, other) {
            return true;
        }
        self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
}
