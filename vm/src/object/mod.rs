//! Heap objects: everything that is not an immediate [`Value`].
//!
//! # Layout
//!
//! An object is one allocation: a 16-byte header (`heap.rs`: reference count, the
//! collector's word, kind byte, flags, two kind-specific fields) followed by the
//! payload of its kind at the payload's own size. [`ObjRef`] is the header's address
//! (8 bytes), so [`Value`] stays 16 bytes and a float or an i64 int never needs an
//! object at all. Sizes of the hot kinds (header included):
//!
//! | kind | layout | bytes |
//! | --- | --- | --- |
//! | `str` | hash, code points, byte length, UTF-8 bytes inline | 40 + len |
//! | `tuple` | items inline (count in the header) | 16 + 16 n |
//! | `list` | `RefCell<Vec<Value>>` | 48 + 16 cap |
//! | `dict` | `RefCell<Dict>` (entries + index, `dict.rs`) | see `dict.rs` |
//! | instance | class, shape, values (`instance.rs`) | see `instance.rs` |
//! | bound method | function, self | 48 |
//!
//! Why a thin pointer to a `#[repr(C)]` header rather than `Rc<enum>`: an enum is as
//! large as its largest variant (a class, ~200 bytes) for every object, `Rc` adds two
//! counts, and a boxed slice inside the enum costs a second allocation for every
//! tuple and string. Here the kind byte selects the payload type and the allocation
//! is exactly header + payload. [`Obj`] is a *view*: `o.view()` matches the kind and
//! returns references into the payload, so code reads `match o.view() { Obj::Tuple(items)
//! => .. }`; single-kind checks (`o.as_tuple()`) compile to one compare.
//!
//! A value's Python type is derived from the kind (`Vm::type_of`), except for
//! instances of user classes, which carry their class. Instances of user subclasses
//! of built-in types (a class deriving from `list`, `dict`, ...) are instances whose
//! `base` holds a value of the built-in type, so native methods work on it unchanged.
//!
//! # Layers
//!
//! `value.rs` and `object/` are the floor: they import nothing from `frame/`,
//! `protocol/`, `interp/`, `builtins/` or the CLI. Where an object operation needs the
//! interpreter (hashing a key with `__hash__`, comparing with `__eq__`), it takes the
//! interpreter as a [`Host`] argument, implemented above. Payloads that belong to
//! upper layers (generators, frame objects) are *foreign* kinds that bring their own
//! drop, trace and clear functions (`heap::Foreign`).

pub mod classes;
pub mod code;
pub mod code_verify;
pub mod dict;
pub mod func;
pub mod gc;
pub mod heap;
pub mod instance;
pub mod intern;
pub mod kinds;
pub mod pending;
pub mod shape;
pub mod str;
pub mod weakref;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::value::Value;
pub use code::PyCode;
pub use dict::{Dict, DictRef};
pub use func::{Function, NativeFn, NativeFunction};
pub use heap::{Kind, ObjRef};
pub use instance::Instance;
pub use str::PyStr;

/// A raised Python exception: always an exception object.
#[derive(Clone)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// What object operations need from the interpreter above them.
pub trait Host {
    /// `hash(v)` (may call `__hash__`).
    fn hash(&mut self, v: &Value) -> PyResult<i64>;
    /// `a == b` (may call `__eq__`).
    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool>;
}

/// A view of an object's payload, by kind (see the module doc).
pub enum Obj<'a> {
    Str(PyStr<'a>),
    /// A big integer that does not fit in i64 (smaller ones are `Value::Int`).
    Int(&'a BigInt),
    Bytes(&'a [u8]),
    ByteArray(&'a RefCell<Vec<u8>>),
    Tuple(&'a [Value]),
    List(&'a RefCell<Vec<Value>>),
    Dict(&'a DictRef),
    Set(&'a RefCell<Dict>),
    FrozenSet(&'a Dict),
    Range { start: &'a i64, stop: &'a i64, step: &'a i64 },
    Slice { start: &'a Value, stop: &'a Value, step: &'a Value },
    Complex(&'a f64, &'a f64),
    Function(&'a Function),
    /// `slf` is a copy (see `BoundMethodObj`).
    BoundMethod { func: &'a ObjRef, slf: Value },
    Native(&'a NativeFunction),
    Class(&'a Class),
    Instance(Instance<'a>),
    Exception(&'a Exception),
    Module(&'a Module),
    Code(&'a Rc<PyCode>),
    Cell(&'a RefCell<Value>),
    Iter(&'a RefCell<IterState>),
    Property { fget: &'a Value, fset: &'a Value, fdel: &'a Value, doc: &'a Value },
    StaticMethod(&'a Value),
    ClassMethod(&'a Value),
    Super { class: &'a Value, obj: &'a Value },
    DictView { dict: &'a Value, kind: &'a ViewKind },
    Traceback(&'a Traceback),
    NotImplemented,
    Ellipsis,
    WeakRef(&'a weakref::WeakRef),
    WeakProxy(&'a weakref::WeakRef),
    /// A generator or coroutine (`frame/generator.rs` reads the payload).
    Generator(ForeignView<'a>),
    /// A frame object (`frame/frame_obj.rs` reads the payload).
    Frame(ForeignView<'a>),
    /// An asynchronous generator (`frame/generator.rs`).
    AsyncGen(ForeignView<'a>),
    /// `async_generator_asend` / `async_generator_athrow` / `anext_awaitable`.
    AsyncGenAwaitable(ForeignView<'a>),
    /// A getset or member descriptor of a built-in type (`builtins/attrdescr.rs`).
    AttrDescr(ForeignView<'a>),
    /// `list[int]` or `int | str` (`builtins/genericalias.rs`).
    Alias(ForeignView<'a>),
    /// `range(1 << 1000)` (`builtins/longrange.rs`).
    LongRange(ForeignView<'a>),
    /// `_sre`'s pattern, match or scanner state (`builtins/sre/`).
    Sre(ForeignView<'a>),
    /// A `memoryview` (`builtins/memoryview.rs`).
    MemoryView(ForeignView<'a>),
}

/// The object behind a foreign-kind view; the layer that defines the payload
/// implements access to it.
#[derive(Clone, Copy)]
pub struct ForeignView<'a>(pub &'a ObjRef);

/// Payload of `range`.
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

/// Payload of `slice`.
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}

/// A bound method: 32 bytes with its header. The function is always an object
/// (only objects are callable); so is the receiver but for the rare method bound to
/// an immediate value (`types.MethodType(f, 5)`), which is kept in a cell (header
/// `aux` bit [`BOXED_SELF`]).
pub struct BoundMethodObj {
    pub func: ObjRef,
    slf: ObjRef,
}

/// `aux` bit of a bound method whose receiver is boxed in a cell.
pub const BOXED_SELF: u16 = 1;

impl BoundMethodObj {
    /// The two objects the bound method owns a count of (the collector traces
    /// exactly these: the cell, not the value in it, when the receiver is boxed).
    pub(crate) fn owned(&self) -> [&ObjRef; 2] {
        [&self.func, &self.slf]
    }

    /// The receiver of bound method `o` (whose payload this is).
    #[inline]
    pub(crate) fn receiver(&self, o: &ObjRef) -> Value {
        if o.header().aux.get() & BOXED_SELF != 0 {
            self.slf.as_cell().map(|c| c.borrow().clone()).unwrap_or(Value::None)
        } else {
            Value::Obj(self.slf.clone())
        }
    }
}

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pub struct SuperObj {
    pub class: Value,
    pub obj: Value,
}

pub struct DictViewObj {
    pub dict: Value,
    pub kind: ViewKind,
}

/// The owned contents of a new object, by kind: `Value::obj(NewObj::List(items))`.
pub enum NewObj {
    Str(String),
    Int(BigInt),
    Bytes(Vec<u8>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Vec<Value>),
    List(RefCell<Vec<Value>>),
    Dict(DictRef),
    Set(RefCell<Dict>),
    FrozenSet(Dict),
    Range { start: i64, stop: i64, step: i64 },
    Slice { start: Value, stop: Value, step: Value },
    Complex(f64, f64),
    Function(Function),
    BoundMethod { func: ObjRef, slf: Value },
    Native(NativeFunction),
    Class(Class),
    Exception(Exception),
    Module(Module),
    Code(Rc<PyCode>),
    Cell(RefCell<Value>),
    Iter(RefCell<IterState>),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    Super { class: Value, obj: Value },
    DictView { dict: Value, kind: ViewKind },
    Traceback(Traceback),
    NotImplemented,
    Ellipsis,
}

impl NewObj {
    /// Allocate the object.
    pub fn alloc(self) -> ObjRef {
        use kinds as k;
        match self {
            NewObj::Str(s) => PyStr::alloc(&s),
            NewObj::Int(b) => k::new_obj(Kind::Int, b),
            NewObj::Bytes(b) => k::new_bytes(&b),
            NewObj::ByteArray(b) => k::new_obj(Kind::ByteArray, b),
            NewObj::Tuple(items) => k::new_tuple(items),
            NewObj::List(l) => k::new_obj(Kind::List, l),
            NewObj::Dict(d) => k::new_obj(Kind::Dict, d),
            NewObj::Set(d) => k::new_obj(Kind::Set, d),
            NewObj::FrozenSet(d) => k::new_obj(Kind::FrozenSet, d),
            NewObj::Range { start, stop, step } => k::new_obj(Kind::Range, RangeObj { start, stop, step }),
            NewObj::Slice { start, stop, step } => k::new_obj(Kind::Slice, SliceObj { start, stop, step }),
            NewObj::Complex(re, im) => k::new_obj(Kind::Complex, ComplexObj { re, im }),
            NewObj::Function(f) => k::new_obj(Kind::Function, f),
            NewObj::BoundMethod { func, slf } => match slf {
                Value::Obj(s) => k::new_obj(Kind::BoundMethod, BoundMethodObj { func, slf: s }),
                other => {
                    let cell = k::new_obj(Kind::Cell, RefCell::new(other));
                    let o = k::new_obj(Kind::BoundMethod, BoundMethodObj { func, slf: cell });
                    o.header().aux.set(BOXED_SELF);
                    o
                }
            },
            NewObj::Native(n) => k::new_obj(Kind::Native, n),
            NewObj::Class(c) => k::new_obj(Kind::Class, c),
            NewObj::Exception(e) => k::new_obj(Kind::Exception, e),
            NewObj::Module(m) => k::new_obj(Kind::Module, m),
            NewObj::Code(c) => k::new_obj(Kind::Code, c),
            NewObj::Cell(c) => k::new_obj(Kind::Cell, c),
            NewObj::Iter(s) => k::new_obj(Kind::Iter, s),
            NewObj::Property { fget, fset, fdel, doc } => k::new_obj(Kind::Property, PropertyObj { fget, fset, fdel, doc }),
            NewObj::StaticMethod(f) => k::new_obj(Kind::StaticMethod, f),
            NewObj::ClassMethod(f) => k::new_obj(Kind::ClassMethod, f),
            NewObj::Super { class, obj } => k::new_obj(Kind::Super, SuperObj { class, obj }),
            NewObj::DictView { dict, kind } => k::new_obj(Kind::DictView, DictViewObj { dict, kind }),
            NewObj::Traceback(t) => k::new_obj(Kind::Traceback, t),
            NewObj::NotImplemented => k::new_obj(Kind::NotImplemented, ()),
            NewObj::Ellipsis => k::new_obj(Kind::Ellipsis, ()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Append to a list's items, growing the buffer as CPython's `list_resize` does
/// (about 1/8 over, not double): a list built by appends wastes little.
#[inline]
pub fn list_push(items: &mut Vec<Value>, v: Value) {
    if items.len() == items.capacity() {
        let n = items.len() + 1;
        let want = (n + (n >> 3) + 6) & !3;
        items.reserve_exact(want - items.len());
    }
    items.push(v);
}

/// The state of a built-in iterator.
/// A `longrange_iterator`'s state: the next value, the step and the items left.
pub struct LongRangeIter {
    pub next: num_bigint::BigInt,
    pub step: num_bigint::BigInt,
    pub left: num_bigint::BigInt,
}

pub enum IterState {
    /// Iterates `seq[i]` for list and tuple (and str by code point).
    Seq { seq: Value, index: usize },
    /// Code-point iteration of a str; `byte` is the next byte offset.
    Str { s: Value, byte: usize },
    Range { next: i64, stop: i64, step: i64 },
    /// `longrange_iterator`: a range beyond i64. Boxed: three big ints inline would
    /// make every iterator 100 bytes larger, and the hot variants' matches slower.
    LongRange(Box<LongRangeIter>),
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

impl IterState {
    /// Every value the iterator holds (for the collector).
    pub fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => f(seq),
            IterState::Str { s, .. } => f(s),
            IterState::Dict { dict, .. } => f(dict),
            IterState::SetKeys { set, .. } => f(set),
            IterState::Callable { func, sentinel } => {
                f(func);
                f(sentinel)
            }
            IterState::GetItem { obj, .. } => f(obj),
            IterState::Enumerate { iter, count } => {
                f(iter);
                f(count)
            }
            IterState::Zip { iters, .. } => iters.iter().for_each(f),
            IterState::Map { func, iters } => {
                f(func);
                iters.iter().for_each(f)
            }
            IterState::Filter { func, iter } => {
                f(func);
                f(iter)
            }
            IterState::Range { .. } | IterState::LongRange(_) | IterState::Exhausted => {}
        }
    }
}

/// The Python type name of a built-in iterator state.
pub fn iter_type_name(st: &IterState) -> &'static str {
    match st {
        IterState::Seq { seq: Value::Obj(o), .. } => match o.kind() {
            Kind::List => "list_iterator",
            Kind::Tuple => "tuple_iterator",
            Kind::Bytes => "bytes_iterator",
            Kind::ByteArray => "bytearray_iterator",
            _ => "iterator",
        },
        IterState::Str { s, .. } => match s.as_pystr() {
            Some(p) if !p.is_ascii() => "str_iterator",
            _ => "str_ascii_iterator",
        },
        IterState::Range { .. } => "range_iterator",
        IterState::LongRange(_) => "longrange_iterator",
        IterState::Dict { kind, .. } => match kind {
            ViewKind::Keys => "dict_keyiterator",
            ViewKind::Values => "dict_valueiterator",
            ViewKind::Items => "dict_itemiterator",
        },
        IterState::SetKeys { .. } => "set_iterator",
        IterState::Reversed { seq: Value::Obj(o), .. } if o.kind() == Kind::List => "list_reverseiterator",
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
    "range_iterator", "longrange_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator",
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
    /// The class or a base defines `__del__` (kept current by attribute writes).
    pub has_del: Cell<bool>,
    /// Instances can be weakly referenced (no `__slots__` without `__weakref__`).
    pub weakrefable: bool,
    /// Weak references to the direct subclasses (`__subclasses__`), CPython's
    /// `tp_subclasses`.
    pub subclasses: RefCell<Vec<ObjRef>>,
    /// The layouts of the instances (`shape.rs`), made on first use.
    pub shapes: std::cell::OnceCell<shape::ShapeTree>,
    /// Index in the class table (`classes.rs`); 0 until the first instance.
    pub index: Cell<u32>,
    /// Defined by pyhop rather than by a `class` statement: its `tp_name` (in error
    /// messages) is `module.name` outside `builtins`, as for CPython's static types.
    pub native: bool,
    /// [`SEQUENCE`] or [`MAPPING`] (CPython's `Py_TPFLAGS_SEQUENCE` / `_MAPPING`): what a
    /// `match` sequence or mapping pattern accepts. Set on the built-in types, by an
    /// ABC's `__abc_tpflags__` and `register`, and inherited.
    pub collection: Cell<u8>,
}

impl Class {
    /// A class that pyhop defines natively but that behaves as a heap class (calling
    /// it runs its `__new__`/`__init__`, its native dunders take part in operator
    /// dispatch): a direct subclass of `object` in module `module`.
    /// With `Layout::Other`, instances wrap a value (`Instance::base`).
    pub fn new_native(name: &str, module: &str, object: &ObjRef, dict: Dict, layout: Layout, slots: Option<Vec<Rc<str>>>) -> ObjRef {
        let cls = NewObj::alloc(NewObj::Class(Class {
            name: name.into(),
            qualname: RefCell::new(name.into()),
            module: RefCell::new(Value::str(module)),
            bases: vec![object.clone()],
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            layout,
            metaclass: RefCell::new(None),
            slots,
            heap: true,
            has_del: Cell::new(false),
            weakrefable: true,
            subclasses: RefCell::new(Vec::new()),
            native: true,
            shapes: std::cell::OnceCell::new(),
            index: Cell::new(0),
            collection: Cell::new(0),
        }));
        if let Some(c) = cls.as_class() {
            *c.mro.borrow_mut() = vec![cls.clone(), object.clone()];
        }
        cls
    }
}

/// [`Class::collection`]: instances match sequence patterns.
pub const SEQUENCE: u8 = 1;
/// [`Class::collection`]: instances match mapping patterns.
pub const MAPPING: u8 = 2;

/// The collection flag a new class inherits: the first class after it in its MRO
/// that has one (CPython 3.12's `inherit_patma_flags`).
pub fn inherited_collection(mro: &[ObjRef]) -> u8 {
    mro.iter().skip(1).map(|k| k.as_class().map(|k| k.collection.get()).unwrap_or(0)).find(|&f| f != 0).unwrap_or(0)
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
    /// `weakref.ref` and its subclasses.
    WeakRef,
    /// Built-in types that cannot be subclassed or instantiated directly.
    Other,
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
    /// The module namespace: a dict object, shared with its functions' globals.
    pub dict: ObjRef,
}

impl Module {
    pub fn d(&self) -> &DictRef {
        self.dict.as_dict().expect("module dict is always a dict")
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

impl ObjRef {
    /// The payload view (see the module doc).
    #[inline(always)]
    pub fn view(&self) -> Obj<'_> {
        kinds::view(self)
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self.view() {
            Obj::Str(s) => Some(s.as_str()),
            Obj::Instance(i) => i.base().as_str(),
            _ => None,
        }
    }

    #[inline]
    pub fn as_class(&self) -> Option<&Class> {
        match self.kind() {
            // SAFETY: the kind says the payload is a Class.
            Kind::Class => Some(unsafe { self.payload::<Class>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_dict(&self) -> Option<&DictRef> {
        match self.kind() {
            // SAFETY: the kind says the payload is a DictRef.
            Kind::Dict => Some(unsafe { self.payload::<DictRef>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::List => Some(unsafe { self.payload::<RefCell<Vec<Value>>>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.kind() {
            Kind::Tuple => Some(kinds::tuple_items(self)),
            _ => None,
        }
    }

    #[inline]
    pub fn as_pystr(&self) -> Option<PyStr<'_>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Str => Some(unsafe { PyStr::of(self) }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_instance(&self) -> Option<Instance<'_>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Instance => Some(unsafe { instance::of(self) }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_function(&self) -> Option<&Function> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Function => Some(unsafe { self.payload::<Function>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_module(&self) -> Option<&Module> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Module => Some(unsafe { self.payload::<Module>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_exception(&self) -> Option<&Exception> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Exception => Some(unsafe { self.payload::<Exception>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_cell(&self) -> Option<&RefCell<Value>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Cell => Some(unsafe { self.payload::<RefCell<Value>>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_native(&self) -> Option<&NativeFunction> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Native => Some(unsafe { self.payload::<NativeFunction>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_code(&self) -> Option<&Rc<PyCode>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Code => Some(unsafe { self.payload::<Rc<PyCode>>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn as_iter(&self) -> Option<&RefCell<IterState>> {
        match self.kind() {
            // SAFETY: the kind says so.
            Kind::Iter => Some(unsafe { self.payload::<RefCell<IterState>>() }),
            _ => None,
        }
    }

    #[inline]
    pub fn is_class(&self) -> bool {
        self.kind() == Kind::Class
    }
}

impl PartialEq for ObjRef {
    /// Identity.
    fn eq(&self, other: &ObjRef) -> bool {
        ObjRef::ptr_eq(self, other)
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
            if let Some(c) = c.as_class() {
                if let Some(v) = c.dict.borrow().get_str_hashed(hash, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Record `sub` as a direct subclass of each of its bases (by weak reference).
    pub fn register_subclass(sub: &ObjRef) {
        let Some(c) = sub.as_class() else { return };
        for b in &c.bases {
            if let Some(bc) = b.as_class() {
                let w = weakref::new_weakref(sub, Value::None, false, None, None);
                let mut subs = bc.subclasses.borrow_mut();
                subs.retain(|r| matches!(r.view(), Obj::WeakRef(w) if !w.is_dead()));
                subs.push(w);
            }
        }
    }

    /// The class (its dict or its MRO) changed: forget its version tag and those of
    /// its subclasses, so no inline cache trusts an old lookup (`classes.rs`).
    pub fn modified(&self) {
        classes::clear_version(self.index.get());
        for sub in self.live_subclasses() {
            if let Some(c) = sub.as_class() {
                c.modified();
            }
        }
    }

    /// The live direct subclasses, oldest first.
    pub fn live_subclasses(&self) -> Vec<ObjRef> {
        self.subclasses
            .borrow()
            .iter()
            .filter_map(|r| match r.view() {
                Obj::WeakRef(w) => w.get(),
                _ => None,
            })
            .collect()
    }

    pub fn is_subclass_of(&self, me: &ObjRef, other: &ObjRef) -> bool {
        if ObjRef::ptr_eq(me, other) {
            return true;
        }
        self.mro.borrow().iter().any(|c| ObjRef::ptr_eq(c, other))
    }

    /// CPython's `tp_name`: what error messages call the type.
    pub fn tp_name(&self) -> Rc<str> {
        if self.native {
            if let Some(m) = self.module.borrow().as_str() {
                if m != "builtins" {
                    return format!("{m}.{}", self.name).into();
                }
            }
        }
        self.name.clone()
    }

    /// Recompute `has_del` of this class from its MRO.
    pub fn refresh_has_del(&self) {
        let has = self.lookup("__del__").is_some();
        self.has_del.set(has);
    }
}
