//! The interpreter state: built-in types, the `builtins` and `sys.modules`
//! namespaces, the handled-exception slot, recursion accounting.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::object::{Class, Dict, Exception, Layout, NewObj, Obj, ObjRef};
use crate::value::Value;

pub use crate::object::{PyErr, PyResult};

/// The built-in classes, created once at start-up.
pub struct Types {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub complex: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub bytearray: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub function: ObjRef,
    pub builtin_function: ObjRef,
    pub method_descriptor: ObjRef,
    pub classmethod_descriptor: ObjRef,
    pub wrapper_descriptor: ObjRef,
    pub method_wrapper: ObjRef,
    pub method: ObjRef,
    pub module: ObjRef,
    pub code: ObjRef,
    pub cell: ObjRef,
    pub generator: ObjRef,
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub async_generator_asend: ObjRef,
    pub async_generator_athrow: ObjRef,
    pub anext_awaitable: ObjRef,
    pub iterator: ObjRef,
    pub property: ObjRef,
    pub staticmethod: ObjRef,
    pub classmethod: ObjRef,
    pub super_: ObjRef,
    pub none_type: ObjRef,
    pub not_implemented_type: ObjRef,
    pub ellipsis_type: ObjRef,
    pub dict_keys: ObjRef,
    pub dict_values: ObjRef,
    pub dict_items: ObjRef,
    pub traceback: ObjRef,
    pub getset_descriptor: ObjRef,
    pub member_descriptor: ObjRef,
    /// `types.GenericAlias` and `types.UnionType` (`builtins/genericalias.rs`).
    pub generic_alias: ObjRef,
    pub union_type: ObjRef,
    pub memoryview: ObjRef,
    pub frame: ObjRef,
    pub weakref: ObjRef,
    pub weakproxy: ObjRef,
    pub weakcallableproxy: ObjRef,
    /// Built-in iterator classes by name (`list_iterator`, `map`, `zip`, ...).
    pub iters: HashMap<&'static str, ObjRef>,
    /// Built-in exception classes by name.
    pub exc: HashMap<&'static str, ObjRef>,
}

/// A Python frame on the native call stack, for tracebacks and `sys._getframe`.
pub struct FrameInfo {
    pub code: Rc<crate::object::PyCode>,
    pub globals: ObjRef,
}

pub struct Vm {
    pub types: Types,
    pub builtins: ObjRef,
    pub modules: ObjRef,
    pub sys: ObjRef,
    /// The exception being handled (`sys.exc_info()`), `None` outside handlers.
    pub exc_info: Value,
    pub depth: u32,
    pub recursion_limit: u32,
    /// Lowest native stack address the interpreter may use (a guard against
    /// overflowing the native stack whatever the recursion limit is).
    pub stack_floor: usize,
    pub none_repr_guard: Vec<usize>,
    /// Exit code requested through `SystemExit` handling.
    pub argv: Vec<String>,
    pub path: Vec<String>,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    /// The frames being executed, innermost last (`sys._getframe`, `super()`, `locals()`).
    pub frames: Vec<*const crate::frame::Frame>,
    /// Frame storage reuse: zombie frames and the free list.
    pub frame_pool: crate::frame::pool::FramePool,
    /// `sys.settrace` / `sys.setprofile` functions (None when unset).
    pub tracefunc: Value,
    pub profilefunc: Value,
    /// Either hook set: frames start on the traced loop (checked once per frame).
    pub hooks_on: bool,
    /// Inside a hook: no events (CPython's `tstate->tracing`).
    pub in_hook: bool,
    /// DXP counters (`-X dxp`): `[prev][op]` pairs, row 256 = single opcodes.
    pub dxp: Option<Box<[[u64; 256]; 257]>>,
    /// Quickening counters per generic opcode while DXP counts
    /// (`interp/specialize.rs`).
    pub spec_stats: Option<Box<[crate::object::code::Stats; 256]>>,
    /// The opcode executed last, for DXP pairs.
    pub dxp_last: u8,
    /// LLTRACE check cache: (globals dict address, key layout, has `__lltrace__`).
    pub lltrace_cache: (usize, u64, bool),
    /// `--no-predict`: the engine runs without prediction shortcuts.
    pub no_predict: bool,
    /// Classes native modules make when first imported (`posix.stat_result`, ...),
    /// by name, for their functions to instantiate.
    pub native_classes: std::collections::HashMap<&'static str, ObjRef>,
    /// The payload of a handler chain's exit (see `Dispatch::exit`).
    pub pending: Option<crate::interp::Exit>,
    /// The frame a threaded chain was running when it stopped, or that a split body
    /// switched to (chained calls, `interp/chain.rs`; see `interp/tail.rs`).
    pub fp_out: *mut crate::frame::Frame,
    /// Emptied heap headers of chained frames, for the next chained call.
    pub frame_headers: Vec<Box<std::mem::MaybeUninit<crate::frame::Frame>>>,
    /// Dispatch engine in use (`sys.implementation` shows it).
    pub engine: crate::interp::Engine,
    /// Inside `run_pending` (finalizers do not nest).
    pub in_pending: bool,
    /// `gc.callbacks` and `gc.garbage` (lists), `gc.set_debug` flags.
    pub gc_callbacks: Value,
    pub gc_garbage: Value,
    pub gc_debug: i64,
    /// `atexit.register`ed functions with their arguments (positional then keyword
    /// values) and keyword names.
    pub atexit: Vec<Option<(Value, Vec<Value>, Vec<Value>)>>,
    /// `sys.set_asyncgen_hooks` (Null: unset) and the `asyncgen_hooks` type.
    pub asyncgen_firstiter: Value,
    pub asyncgen_finalizer: Value,
    pub asyncgen_hooks_type: Option<ObjRef>,
    /// `re.Pattern`, `re.Match` and `_sre.SRE_Scanner`, made on the first import
    /// of `_sre` (`builtins/sre/`).
    pub sre_classes: Option<[ObjRef; 3]>,
}

impl Vm {
    pub fn dict_obj(d: Dict) -> ObjRef {
        NewObj::Dict(RefCell::new(d)).alloc()
    }

    /// Create a built-in class.
    pub fn make_class(name: &str, bases: Vec<ObjRef>, layout: Layout) -> ObjRef {
        let cls = NewObj::Class(Class {
            name: name.into(),
            qualname: RefCell::new(name.into()),
            module: RefCell::new(Value::str("builtins")),
            bases: bases.clone(),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(Dict::new()),
            layout,
            metaclass: RefCell::new(None),
            // `object` declares no slots: its instances take no attributes.
            slots: (name == "object" && bases.is_empty()).then(Vec::new),
            heap: false,
            has_del: std::cell::Cell::new(false),
            weakrefable: true,
            subclasses: std::cell::RefCell::new(Vec::new()),
            native: true,
            shapes: std::cell::OnceCell::new(),
            index: std::cell::Cell::new(0),
            collection: std::cell::Cell::new(0),
        })
        .alloc();
        let mut mro = vec![cls.clone()];
        if let Some(b) = bases.first() {
            mro.extend(b.as_class().map(|c| c.mro.borrow().clone()).unwrap_or_default());
        }
        if let Some(c) = cls.as_class() {
            *c.mro.borrow_mut() = mro;
        }
        Class::register_subclass(&cls);
        cls
    }

    /// The class of any value (`type(v)`).
    pub fn type_of(&self, v: &Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Null | Value::None => t.none_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Obj(o) => match o.view() {
                Obj::Str(_) => t.str_.clone(),
                Obj::Int(_) => t.int.clone(),
                Obj::Bytes(_) => t.bytes.clone(),
                Obj::ByteArray(_) => t.bytearray.clone(),
                Obj::Tuple(_) => t.tuple.clone(),
                Obj::List(_) => t.list.clone(),
                Obj::Dict(_) => t.dict.clone(),
                Obj::Set(_) => t.set.clone(),
                Obj::FrozenSet(_) => t.frozenset.clone(),
                Obj::Range { .. } | Obj::LongRange(_) => t.range.clone(),
                Obj::Slice { .. } => t.slice.clone(),
                Obj::Complex(..) => t.complex.clone(),
                Obj::Function(_) => t.function.clone(),
                Obj::BoundMethod { .. } => t.method.clone(),
                Obj::Native(n) => crate::builtins::descr::native_type(self, n),
                Obj::Class(c) => c.metaclass.borrow().clone().unwrap_or_else(|| t.type_.clone()),
                Obj::Instance(i) => i.class.clone(),
                Obj::WeakRef(w) => w.class.clone().unwrap_or_else(|| t.weakref.clone()),
                Obj::WeakProxy(w) if w.callable_proxy.get() => t.weakcallableproxy.clone(),
                Obj::WeakProxy(_) => t.weakproxy.clone(),
                Obj::Exception(e) => e.class.clone(),
                Obj::Module(_) => t.module.clone(),
                Obj::Code(_) => t.code.clone(),
                Obj::Cell(_) => t.cell.clone(),
                Obj::Generator(g) => {
                    if g.generator().borrow().coroutine {
                        t.coroutine.clone()
                    } else {
                        t.generator.clone()
                    }
                }
                Obj::AsyncGen(_) => t.async_generator.clone(),
                Obj::AsyncGenAwaitable(a) => match crate::interp::async_gen::awaitable_type_name(a.ag_awaitable()) {
                    "async_generator_asend" => t.async_generator_asend.clone(),
                    "async_generator_athrow" => t.async_generator_athrow.clone(),
                    _ => t.anext_awaitable.clone(),
                },
                Obj::Iter(st) => {
                    let name = crate::object::iter_type_name(&st.borrow());
                    t.iters.get(name).cloned().unwrap_or_else(|| t.iterator.clone())
                }
                Obj::Property { .. } => t.property.clone(),
                Obj::StaticMethod(_) => t.staticmethod.clone(),
                Obj::ClassMethod(f) if crate::builtins::descr::builtin_classmethod(f).is_some() => {
                    t.classmethod_descriptor.clone()
                }
                Obj::ClassMethod(_) => t.classmethod.clone(),
                Obj::Super { .. } => t.super_.clone(),
                Obj::DictView { kind, .. } => match kind {
                    crate::object::ViewKind::Keys => t.dict_keys.clone(),
                    crate::object::ViewKind::Values => t.dict_values.clone(),
                    crate::object::ViewKind::Items => t.dict_items.clone(),
                },
                Obj::Traceback(_) => t.traceback.clone(),
                Obj::AttrDescr(d) if d.attr_descr().member => t.member_descriptor.clone(),
                Obj::AttrDescr(_) => t.getset_descriptor.clone(),
                Obj::Alias(a) if a.alias().union => t.union_type.clone(),
                Obj::Alias(_) => t.generic_alias.clone(),
                Obj::MemoryView(_) => t.memoryview.clone(),
                // Only ever in a private slot of a `re.Pattern`/`re.Match`/scanner.
                Obj::Sre(_) => t.object.clone(),
                Obj::Frame(_) => t.frame.clone(),
                Obj::NotImplemented => t.not_implemented_type.clone(),
                Obj::Ellipsis => t.ellipsis_type.clone(),
            },
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match self.type_of(v).as_class() {
            Some(c) => c.tp_name(),
            None => "object".into(),
        }
    }

    /// `isinstance(v, cls)` for a single class.
    pub fn isinstance(&self, v: &Value, cls: &ObjRef) -> bool {
        let t = self.type_of(v);
        match t.as_class() {
            Some(c) => c.is_subclass_of(&t, cls),
            None => false,
        }
    }

    pub fn exc_class(&self, name: &str) -> ObjRef {
        match self.types.exc.get(name) {
            Some(c) => c.clone(),
            None => self.types.exc["Exception"].clone(),
        }
    }

    /// A new exception instance of `cls` with `args`.
    pub fn new_exception(&self, cls: ObjRef, args: Vec<Value>) -> Value {
        Value::obj(NewObj::Exception(Exception {
            class: cls,
            args: RefCell::new(Value::tuple(args)),
            dict: RefCell::new(Dict::new()),
            traceback: RefCell::new(Value::None),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: std::cell::Cell::new(false),
        }))
    }

    /// A `PyErr` of the built-in exception class `name` with message `msg`.
    #[cold]
    #[inline(never)]
    pub fn err(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let cls = self.exc_class(name);
        PyErr(self.new_exception(cls, vec![Value::string(msg.into())]))
    }

    #[cold]
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("TypeError", msg)
    }

    #[cold]
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("ValueError", msg)
    }

    #[cold]
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("IndexError", msg)
    }

    #[cold]
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("OverflowError", msg)
    }

    #[cold]
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.err("ZeroDivisionError", msg)
    }

    #[cold]
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.err("AttributeError", msg)
    }

    #[cold]
    pub fn key_error(&self, key: Value) -> PyErr {
        let cls = self.exc_class("KeyError");
        PyErr(self.new_exception(cls, vec![key]))
    }

    #[cold]
    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.err("NameError", format!("name '{name}' is not defined"));
        if let Some(x) = e.0.as_obj().and_then(|o| o.as_exception()) {
            x.dict.borrow_mut().insert_str("name", Value::str(name));
        }
        e
    }

    /// Is `err` an instance of the built-in exception class `name`?
    pub fn err_matches(&self, err: &PyErr, name: &str) -> bool {
        match self.types.exc.get(name) {
            Some(c) => self.isinstance(&err.0, c),
            None => false,
        }
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        Value::tuple(items)
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::list(items)
    }

    pub fn new_dict(&self, d: Dict) -> Value {
        Value::Obj(Vm::dict_obj(d))
    }

    /// Guard against runaway recursion: the Python limit and the native stack.
    #[inline]
    pub fn enter_call(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit || stack_pointer() < self.stack_floor {
            self.depth -= 1;
            return Err(self.recursion_error());
        }
        Ok(())
    }

    #[inline]
    pub fn leave_call(&mut self) {
        self.depth -= 1;
    }

    /// The native-stack guard alone, for recursive native code (repr, eq, ...).
    #[inline]
    pub fn check_native_stack(&self) -> PyResult<()> {
        if stack_pointer() < self.stack_floor {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn recursion_error(&self) -> PyErr {
        self.err("RecursionError", "maximum recursion depth exceeded")
    }
}

/// An address inside the current native stack frame.
#[inline(always)]
pub fn stack_pointer() -> usize {
    let x = 0u8;
    std::ptr::addr_of!(x) as usize
}
