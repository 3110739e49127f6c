//! The runtime code object: the compiler's plain-data `CodeObject` plus what only the
//! VM has — its constants as values (made once, shared by every call).

use std::ops::Deref;
use std::rc::Rc;

use std::cell::Cell;

use pyhop_compiler::bytecode::CodeUnit;
use pyhop_compiler::{CodeObject, Constant, Opcode};

use crate::object::heap::Header;
use crate::object::{NewObj, ObjRef};
use crate::value::Value;

/// Where `LOAD_GLOBAL` found a name last time: entry `index` of the globals dict (when
/// `builtins` is null) or of the builtins dict, valid while both dicts are the same
/// objects with the same key layouts (`Dict::layout`).
#[derive(Clone, Copy)]
pub struct GlobalCache {
    pub globals: *const Header,
    pub globals_layout: u64,
    pub builtins: *const Header,
    pub builtins_layout: u64,
    pub index: u32,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache { globals: std::ptr::null(), globals_layout: 0, builtins: std::ptr::null(), builtins_layout: 0, index: 0 }
    }
}

/// The inline cache of one quickened instruction (`interp/specialize.rs`): what its
/// adaptive or specialised form needs. The instruction's argument is the index of its
/// entry; the entry keeps the original argument.
#[derive(Default)]
pub struct Cache {
    /// The generic instruction's argument (a `co_names` index).
    pub arg: u32,
    /// Adaptive form: executions left before the next attempt to specialise.
    /// Specialised form: misses left before it falls back to the adaptive form.
    pub counter: Cell<u16>,
    /// Exponent of the back-off after a failed attempt (CPython 3.11's).
    pub backoff: Cell<u16>,
    /// What the guard compares: a class index (`classes.rs`), its version tag, an
    /// instance header's `aux` (shape and layout epoch) or a dict layout.
    pub class: Cell<u32>,
    pub version: Cell<u32>,
    pub aux: Cell<u16>,
    /// A second `aux`: the shape after a store that adds the attribute.
    pub aux_after: Cell<u16>,
    /// Where the value is: an index into the instance's values or a dict's entries.
    pub index: Cell<u32>,
    /// A borrowed object the cache found (a method, a module dict): valid while the
    /// guard holds, because the guarded class or dict keeps it alive.
    pub ptr: Cell<*const Header>,
    pub layout: Cell<u64>,
    /// A second dict layout: the builtins' behind the globals'.
    pub layout2: Cell<u64>,
}

/// Quickening counters of one generic opcode (`interp/specialize.rs` counts them
/// while DXP is on; `sys._specialization_stats()` and the DXP profile report them).
#[derive(Clone, Copy, Default, Debug)]
pub struct Stats {
    pub specialised: u64,
    pub failed: u64,
    pub hit: u64,
    pub miss: u64,
    pub deopt: u64,
}

/// Warm-up executions of an adaptive instruction before its first attempt.
pub const WARMUP: u16 = 2;

/// The adaptive form of a generic opcode, if it has one (the quickening map).
pub fn adaptive_form(op: Opcode) -> Option<Opcode> {
    match op {
        Opcode::LoadAttr => Some(Opcode::LoadAttrAdaptive),
        Opcode::StoreAttr => Some(Opcode::StoreAttrAdaptive),
        Opcode::LoadMethod => Some(Opcode::LoadMethodAdaptive),
        Opcode::LoadGlobal => Some(Opcode::LoadGlobalAdaptive),
        _ => None,
    }
}

/// Set once any code object names `__lltrace__` (as a name or a str constant): LLTRACE
/// may then turn on for a module, which `interp/chain.rs` must not run past.
static LLTRACE_NAMED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Has any code object named `__lltrace__`?
#[inline(always)]
pub fn lltrace_named() -> bool {
    LLTRACE_NAMED.load(std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    static SPECIALIZE: Cell<bool> = const { Cell::new(true) };
}

/// Turn quickening on or off for code objects made from now on (`-X specialize=off`).
pub fn set_specialize(on: bool) {
    SPECIALIZE.with(|c| c.set(on));
}

/// Is quickening on (`sys.implementation` reports it)?
pub fn specialize_enabled() -> bool {
    SPECIALIZE.with(|c| c.get())
}

/// The units the interpreter runs and their caches: a copy of `code` in which every
/// instruction with an adaptive form is replaced by it, with a cache entry each.
/// An instruction whose argument needs `EXTENDED_ARG`, or beyond 256 caches, stays
/// generic (its argument must fit the unit's byte as a cache index).
fn quicken(code: &[CodeUnit]) -> (Box<[Cell<CodeUnit>]>, Box<[Cache]>) {
    let mut caches: Vec<Cache> = Vec::new();
    let quick = code
        .iter()
        .enumerate()
        .map(|(i, &u)| {
            let extended = i > 0 && code[i - 1].op == Opcode::ExtendedArg as u8;
            match Opcode::from_u8(u.op).and_then(adaptive_form) {
                Some(a) if specialize_enabled() && !extended && caches.len() < 256 => {
                    let c = Cache { arg: u.arg as u32, ..Default::default() };
                    c.counter.set(WARMUP);
                    caches.push(c);
                    Cell::new(CodeUnit { op: a as u8, arg: (caches.len() - 1) as u8 })
                }
                _ => Cell::new(u),
            }
        })
        .collect();
    (quick, caches.into_boxed_slice())
}

pub struct PyCode {
    pub co: Rc<CodeObject>,
    /// What runs: `co.code` quickened (see [`quicken`]); specialisation rewrites its
    /// units in place. `co_code` and `dis` show `co.code`.
    pub quick: Box<[Cell<CodeUnit>]>,
    /// The inline caches of the quickened instructions, by their argument.
    pub caches: Box<[Cache]>,
    pub consts: Box<[Value]>,
    /// `hash_str` of every name in `co_names`, for namespace lookups without hashing.
    pub name_hashes: Box<[i64]>,
    /// `co_names` as interned str objects (what the name and attribute handlers use).
    pub name_objs: Box<[ObjRef]>,
    /// True when a call can copy positional arguments straight into the locals: no
    /// `*args`/`**kwargs`, no keyword-only parameters, no cells.
    pub simple_args: bool,
    /// The positional-argument count a chained call must pass (`interp/chain.rs`):
    /// `argcount` when the arguments are simple and the code is a plain function
    /// (not a generator or coroutine), else `u32::MAX`, so one compare decides.
    pub chain_argc: u32,
    /// Locals, cells and frees: the slots of a frame below its value stack.
    pub nlocalsplus: usize,
    /// Slots a frame of this code needs: locals, cells, frees, stack, and one spare.
    pub frame_size: usize,
    /// `LOAD_GLOBAL` cache, one per name (see `interp/ops/load_store.rs`).
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// The one code object wrapping this code (so `f.__code__ is frame.f_code`): not
    /// counted; the wrapper clears it when it is freed.
    pub wrapper: std::cell::Cell<*const Header>,
    /// The zombie frame storage of this code (see `frame/pool.rs`).
    pub zombie: std::cell::Cell<Option<FrameStorage>>,
}

/// Storage for a frame's locals and value stack (see `frame/`).
pub type FrameStorage = Box<[std::mem::MaybeUninit<Value>]>;

impl Deref for PyCode {
    type Target = CodeObject;
    #[inline(always)]
    fn deref(&self) -> &CodeObject {
        &self.co
    }
}

impl PyCode {
    /// The first unit the interpreter runs (ip of offset 0).
    #[inline(always)]
    pub fn units(&self) -> *const CodeUnit {
        // Cell<CodeUnit> has CodeUnit's layout (repr(transparent)).
        self.quick.as_ptr() as *const CodeUnit
    }

    /// The running units as the table sees them now (for `dis` with `adaptive`).
    pub fn quick_units(&self) -> Vec<CodeUnit> {
        self.quick.iter().map(Cell::get).collect()
    }

    pub fn new(co: Rc<CodeObject>) -> Rc<PyCode> {
        let consts = co.consts.iter().map(const_value).collect();
        PyCode::with_consts(co, consts)
    }

    /// A code object whose constants are the given values (any objects, from
    /// `code.replace(co_consts=...)`); `consts` has the length of `co.consts`.
    pub fn with_consts(co: Rc<CodeObject>, consts: Box<[Value]>) -> Rc<PyCode> {
        use pyhop_compiler::bytecode::co_flags;
        let name_hashes = co.names.iter().map(|n| crate::object::dict::hash_str(n)).collect();
        let name_objs = co.names.iter().map(|n| crate::object::intern::intern(n)).collect();
        let simple_args = co.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
            && co.kwonlyargcount == 0
            && co.cellvars.is_empty();
        let nlocalsplus = co.varnames.len() + co.cellvars.len() + co.freevars.len();
        let frame_size = nlocalsplus + co.stacksize as usize + 1;
        let outlives_call = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE | co_flags::ASYNC_GENERATOR;
        let chain_argc = if simple_args && co.flags & outlives_call == 0 { co.argcount } else { u32::MAX };
        let global_cache = (0..co.names.len()).map(|_| Default::default()).collect();
        let (quick, caches) = quicken(&co.code);
        if co.names.iter().any(|n| &**n == "__lltrace__")
            || co.consts.iter().any(|c| matches!(c, Constant::Str(s) if &**s == "__lltrace__"))
        {
            LLTRACE_NAMED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        Rc::new(PyCode {
            co,
            quick,
            caches,
            consts,
            name_hashes,
            name_objs,
            simple_args,
            chain_argc,
            nlocalsplus,
            frame_size,
            global_cache,
            wrapper: std::cell::Cell::new(std::ptr::null()),
            zombie: Default::default(),
        })
    }
}

/// The code object as a Python value: always the same object for the same code.
pub fn code_value(code: &Rc<PyCode>) -> Value {
    if let Some(p) = std::ptr::NonNull::new(code.wrapper.get() as *mut Header) {
        // SAFETY: a set wrapper is alive: it clears the field when it is freed.
        return Value::Obj(unsafe { ObjRef::from_raw_incref(p) });
    }
    let o = NewObj::Code(code.clone()).alloc();
    code.wrapper.set(o.as_ptr());
    Value::Obj(o)
}

/// The value of a compile-time constant.
pub fn const_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::obj(NewObj::Complex(*real, *imag)),
        Constant::Str(s) if crate::object::intern::looks_like_name(s) => Value::Obj(crate::object::intern::intern(s)),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::obj(NewObj::Bytes(b.to_vec())),
        Constant::Tuple(items) => Value::obj(NewObj::Tuple(items.iter().map(const_value).collect())),
        Constant::Code(co) => code_value(&PyCode::new(co.clone())),
        Constant::Ellipsis => Value::obj(NewObj::Ellipsis),
    }
}
