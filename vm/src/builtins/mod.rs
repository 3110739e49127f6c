//! Built-in types, functions and native modules, and `Vm::new`, which creates the
//! type objects, the exception hierarchy and the `builtins` namespace.
//!
//! Each built-in type's methods live in a file of their own (`str.rs`, `list.rs`,
//! ...) as a `METHODS` table of `(name, NativeFn)`; `Vm::new` installs every table
//! into its class dict, so adding a method is one row in one file.

pub mod abc_native;
pub mod attrdescr;
pub mod bytes;
pub mod codec;
pub mod codecs;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod fmath;
pub mod functions;
pub mod genericalias;
pub mod gc;
pub mod weakref;
pub mod int;
pub mod introspect;
pub mod io;
pub mod list;
pub mod longrange;
pub mod math;
pub mod mappingproxy;
pub mod memoryview;
pub mod modules;
pub mod object;
pub mod oserror;
pub mod posix;
pub mod printf;
pub mod random;
pub mod range;
pub mod seqops;
pub mod set;
pub mod sre;
pub mod struct_;
pub mod str;
pub mod str_case;
pub mod str_format;
pub mod structseq;
pub mod syntax_error;
pub mod time;
pub mod time_cal;
pub mod tuple;
pub mod types;
pub mod unicode_tables;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::interp::Engine;
use crate::object::func::Args;
use crate::object::{Class, Dict, Layout, NativeFn, NativeFunction, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Types, Vm};

/// A built-in function value.
pub fn native(name: &'static str, func: NativeFn) -> Value {
    Value::obj(crate::object::NewObj::Native(NativeFunction { name, func, owner: None, slf: None }))
}

/// A method of a built-in type (binds like a function when looked up on an instance).
pub fn method(owner: &'static str, name: &'static str, func: NativeFn) -> Value {
    Value::obj(crate::object::NewObj::Native(NativeFunction { name, func, owner: Some(owner), slf: None }))
}

pub type MethodTable = &'static [(&'static str, NativeFn)];

/// Methods of built-in types that are class methods (receive the class as args[0]).
const CLASSMETHODS: &[(&str, &str)] =
    &[("dict", "fromkeys"), ("int", "from_bytes"), ("float", "fromhex"), ("bytes", "fromhex"), ("bytearray", "fromhex"), ("object", "__init_subclass__")];
/// Methods of built-in types that are static methods (no self).
const STATICMETHODS: &[(&str, &str)] = &[("str", "maketrans"), ("bytes", "maketrans"), ("bytearray", "maketrans")];

fn install(cls: &ObjRef, owner: &'static str, methods: MethodTable) {
    if let Obj::Class(c) = cls.view() {
        let mut d = c.dict.borrow_mut();
        for (name, f) in methods {
            let m = if CLASSMETHODS.contains(&(owner, name)) {
                Value::obj(crate::object::NewObj::ClassMethod(method(owner, name, *f)))
            } else if STATICMETHODS.contains(&(owner, name)) {
                Value::obj(crate::object::NewObj::StaticMethod(native(name, *f)))
            } else {
                method(owner, name, *f)
            };
            d.insert_str(name, m);
        }
    }
}

/// Argument-count checking for natives, with CPython's messages.
impl<'a> Args<'a> {
    #[inline]
    pub fn check(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        if !self.has_kw() && min <= pos.len() && pos.len() <= max {
            return Ok(pos);
        }
        self.check_slow(vm, name, min, max)
    }

    #[cold]
    #[inline(never)]
    fn check_slow(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        if self.has_kw() {
            return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
        }
        self.check_pos(vm, name, min, max)?;
        Ok(pos)
    }

    /// Like `check` but keyword arguments are allowed (checked by the caller).
    #[inline]
    pub fn check_pos(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        if min <= pos.len() && pos.len() <= max {
            return Ok(pos);
        }
        self.arity_error(vm, name, min, max)
    }

    #[cold]
    #[inline(never)]
    fn arity_error(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        let n = pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{name}() takes no arguments ({n} given)"),
                    1 => format!("{name}() takes exactly one argument ({n} given)"),
                    _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
                }
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
            };
            return Err(vm.type_error(msg));
        }
        Ok(pos)
    }

    /// Positional argument `i` or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos().get(i).or_else(|| self.kwarg(name))
    }
}

/// A proxy type: a "heap" class, so that its native dunders take part in operator
/// dispatch as a user class's would (`builtins/weakref.rs`).
fn proxy_class(name: &str, object: &ObjRef) -> ObjRef {
    let cls = crate::object::NewObj::Class(Class {
        name: name.into(),
        qualname: std::cell::RefCell::new(name.into()),
        module: std::cell::RefCell::new(Value::str("builtins")),
        bases: vec![object.clone()],
        mro: std::cell::RefCell::new(Vec::new()),
        dict: std::cell::RefCell::new(Dict::new()),
        layout: Layout::Other,
        metaclass: std::cell::RefCell::new(None),
        slots: None,
        heap: true,
        has_del: std::cell::Cell::new(false),
        weakrefable: false,
        subclasses: std::cell::RefCell::new(Vec::new()),
        native: true,
        shapes: std::cell::OnceCell::new(),
        index: std::cell::Cell::new(0),
        collection: std::cell::Cell::new(0),
    })
    .alloc();
    if let Some(c) = cls.as_class() {
        *c.mro.borrow_mut() = vec![cls.clone(), object.clone()];
    }
    cls
}

/// A built-in class of the `types` module (`types.GenericAlias`).
fn types_class(name: &str, object: &ObjRef) -> ObjRef {
    let cls = Vm::make_class(name, vec![object.clone()], Layout::Other);
    if let Some(c) = cls.as_class() {
        *c.module.borrow_mut() = Value::str("types");
    }
    cls
}

fn build_types() -> Types {
    let object = Vm::make_class("object", vec![], Layout::Object);
    let c = |name: &str, base: &ObjRef, layout: Layout| Vm::make_class(name, vec![base.clone()], layout);
    let type_ = c("type", &object, Layout::Type);
    let int = c("int", &object, Layout::Int);
    let bool_ = c("bool", &int, Layout::Bool);
    let other = |name: &str| Vm::make_class(name, vec![object.clone()], Layout::Other);
    let mut iters = HashMap::new();
    for name in crate::object::ITER_TYPE_NAMES {
        iters.insert(*name, other(name));
    }
    let mut exc = HashMap::new();
    exceptions::build_hierarchy(&object, &mut exc);
    Types {
        type_,
        bool_,
        float: c("float", &object, Layout::Float),
        complex: c("complex", &object, Layout::Complex),
        str_: c("str", &object, Layout::Str),
        bytes: c("bytes", &object, Layout::Bytes),
        bytearray: c("bytearray", &object, Layout::ByteArray),
        tuple: c("tuple", &object, Layout::Tuple),
        list: c("list", &object, Layout::List),
        dict: c("dict", &object, Layout::Dict),
        set: c("set", &object, Layout::Set),
        frozenset: c("frozenset", &object, Layout::FrozenSet),
        range: other("range"),
        slice: other("slice"),
        function: other("function"),
        builtin_function: other("builtin_function_or_method"),
        method_descriptor: other("method_descriptor"),
        classmethod_descriptor: other("classmethod_descriptor"),
        wrapper_descriptor: other("wrapper_descriptor"),
        method_wrapper: other("method-wrapper"),
        method: other("method"),
        module: other("module"),
        code: other("code"),
        cell: other("cell"),
        generator: other("generator"),
        coroutine: other("coroutine"),
        async_generator: other("async_generator"),
        async_generator_asend: other("async_generator_asend"),
        async_generator_athrow: other("async_generator_athrow"),
        anext_awaitable: other("anext_awaitable"),
        iterator: other("iterator"),
        property: other("property"),
        staticmethod: other("staticmethod"),
        classmethod: other("classmethod"),
        super_: other("super"),
        none_type: other("NoneType"),
        not_implemented_type: other("NotImplementedType"),
        ellipsis_type: other("ellipsis"),
        dict_keys: other("dict_keys"),
        dict_values: other("dict_values"),
        dict_items: other("dict_items"),
        traceback: other("traceback"),
        getset_descriptor: other("getset_descriptor"),
        member_descriptor: other("member_descriptor"),
        generic_alias: types_class("GenericAlias", &object),
        union_type: types_class("UnionType", &object),
        memoryview: other("memoryview"),
        frame: other("frame"),
        weakref: c("ReferenceType", &object, Layout::WeakRef),
        weakproxy: proxy_class("ProxyType", &object),
        weakcallableproxy: proxy_class("CallableProxyType", &object),
        int,
        object,
        iters,
        exc,
    }
}

impl Vm {
    pub fn new(argv: Vec<String>, path: Vec<String>, engine: Engine) -> Vm {
        use crate::object::{MAPPING, SEQUENCE};
        let types = build_types();
        // the built-in sequences and mappings of `match` (CPython's static tp_flags)
        let flags = [(&types.list, SEQUENCE), (&types.tuple, SEQUENCE), (&types.range, SEQUENCE), (&types.memoryview, SEQUENCE), (&types.dict, MAPPING)];
        for (t, flag) in flags {
            if let Some(c) = t.as_class() {
                c.collection.set(flag);
            }
        }
        let builtins = Vm::dict_obj(Dict::new());
        let modules = Vm::dict_obj(Dict::new());
        let sys = crate::object::NewObj::alloc(crate::object::NewObj::Module(crate::object::Module { name: "sys".into(), dict: Vm::dict_obj(Dict::new()) }));
        let mut vm = Vm {
            types,
            builtins,
            modules,
            sys,
            exc_info: Value::None,
            depth: 0,
            recursion_limit: 1000,
            stack_floor: 0,
            none_repr_guard: Vec::new(),
            argv,
            path,
            not_implemented: Value::obj(crate::object::NewObj::NotImplemented),
            ellipsis: Value::obj(crate::object::NewObj::Ellipsis),
            empty_tuple: Value::tuple(Vec::new()),
            frames: Vec::new(),
            pending: None,
            no_predict: false,
            native_classes: HashMap::new(),
            lltrace_cache: (0, 0, false),
            fp_out: std::ptr::null_mut(),
            frame_headers: Vec::new(),
            dxp: None,
            dxp_last: 0,
            spec_stats: None,
            tracefunc: Value::None,
            profilefunc: Value::None,
            hooks_on: false,
            in_hook: false,
            frame_pool: crate::frame::pool::FramePool::new(crate::frame::pool::Policy::Both),
            engine,
            in_pending: false,
            gc_callbacks: Value::list(Vec::new()),
            gc_garbage: Value::list(Vec::new()),
            gc_debug: 0,
            atexit: Vec::new(),
            asyncgen_firstiter: Value::Null,
            asyncgen_finalizer: Value::Null,
            asyncgen_hooks_type: None,
            sre_classes: None,
        };
        vm.install_methods();
        functions::register(&mut vm);
        modules::init_sys(&mut vm);
        vm
    }

    fn install_methods(&mut self) {
        let t = &self.types;
        install(&t.object, "object", object::METHODS);
        install(&t.type_, "type", types::METHODS);
        install(&t.str_, "str", str::METHODS);
        install(&t.list, "list", list::METHODS);
        install(&t.tuple, "tuple", tuple::METHODS);
        install(&t.dict, "dict", dict::METHODS);
        install(&t.set, "set", set::SET_METHODS);
        install(&t.frozenset, "frozenset", set::FROZENSET_METHODS);
        install(&t.int, "int", int::METHODS);
        install(&t.float, "float", float::METHODS);
        install(&t.complex, "complex", complex::METHODS);
        install(&t.generator, "generator", functions::GENERATOR_METHODS);
        install(&t.coroutine, "coroutine", functions::COROUTINE_METHODS);
        install(&t.async_generator, "async_generator", crate::interp::async_gen::ASYNC_GEN_METHODS);
        install(&t.async_generator_asend, "async_generator_asend", crate::interp::async_gen::AWAITABLE_METHODS);
        install(&t.async_generator_athrow, "async_generator_athrow", crate::interp::async_gen::AWAITABLE_METHODS);
        install(&t.anext_awaitable, "anext_awaitable", crate::interp::async_gen::AWAITABLE_METHODS);
        install(&t.range, "range", range::METHODS);
        install(&t.property, "property", object::PROPERTY_METHODS);
        install(&t.slice, "slice", object::SLICE_METHODS);
        install(&t.code, "code", code::METHODS);
        install(&t.frame, "frame", &[("clear", crate::protocol::frames::frame_clear)]);
        weakref::install_ref_type(&t.weakref);
        weakref::install_proxy_type(&t.weakproxy, "ProxyType", false);
        weakref::install_proxy_type(&t.weakcallableproxy, "CallableProxyType", true);
        install(&t.function, "function", object::DESCRIPTOR_METHODS);
        install(&t.classmethod, "classmethod", object::DESCRIPTOR_METHODS);
        install(&t.staticmethod, "staticmethod", object::DESCRIPTOR_METHODS);
        install(&t.method_descriptor, "method_descriptor", object::DESCRIPTOR_METHODS);
        install(&t.classmethod_descriptor, "classmethod_descriptor", object::DESCRIPTOR_METHODS);
        install(&t.wrapper_descriptor, "wrapper_descriptor", object::DESCRIPTOR_METHODS);
        for c in t.iters.values() {
            install(c, "iterator", functions::ITER_METHODS);
        }
        install(&t.bytes, "bytes", str::BYTES_METHODS);
        install(&t.bytearray, "bytearray", bytes::BYTEARRAY_METHODS);
        install(&t.dict_keys, "dict_keys", set::VIEW_METHODS);
        install(&t.dict_items, "dict_items", set::VIEW_METHODS);
        install(&t.dict_values, "dict_values", dict::VALUES_METHODS);
        let base_exc = self.types.exc["BaseException"].clone();
        install(&base_exc, "BaseException", exceptions::METHODS);
        install(&t.getset_descriptor, "getset_descriptor", attrdescr::METHODS);
        install(&t.member_descriptor, "member_descriptor", attrdescr::METHODS);
        install(&t.generic_alias, "GenericAlias", genericalias::METHODS);
        install(&t.union_type, "UnionType", genericalias::UNION_METHODS);
        install(&t.memoryview, "memoryview", memoryview::METHODS);
        descr::install_reprs(self);
        genericalias::install_class_getitem(self);
        attrdescr::install(self);
        let t = &self.types;
        // Built-in type names in the builtins namespace.
        let names: Vec<(&str, ObjRef)> = vec![
            ("object", t.object.clone()),
            ("type", t.type_.clone()),
            ("int", t.int.clone()),
            ("bool", t.bool_.clone()),
            ("float", t.float.clone()),
            ("complex", t.complex.clone()),
            ("str", t.str_.clone()),
            ("bytes", t.bytes.clone()),
            ("bytearray", t.bytearray.clone()),
            ("tuple", t.tuple.clone()),
            ("list", t.list.clone()),
            ("dict", t.dict.clone()),
            ("set", t.set.clone()),
            ("frozenset", t.frozenset.clone()),
            ("range", t.range.clone()),
            ("slice", t.slice.clone()),
            ("property", t.property.clone()),
            ("staticmethod", t.staticmethod.clone()),
            ("classmethod", t.classmethod.clone()),
            ("super", t.super_.clone()),
            ("memoryview", t.memoryview.clone()),
        ];
        let Obj::Dict(b) = self.builtins.view() else { return };
        let mut b = b.borrow_mut();
        for (n, c) in names {
            b.insert_str(n, Value::Obj(c));
        }
        for (n, c) in self.types.exc.iter() {
            b.insert_str(n, Value::Obj(c.clone()));
        }
        b.insert_str("EnvironmentError", Value::Obj(self.types.exc["OSError"].clone()));
        b.insert_str("IOError", Value::Obj(self.types.exc["OSError"].clone()));
        for name in ["enumerate", "zip", "map", "filter", "reversed"] {
            b.insert_str(name, Value::Obj(self.types.iters[name].clone()));
        }
        b.insert_str("None", Value::None);
        b.insert_str("True", Value::Bool(true));
        b.insert_str("False", Value::Bool(false));
        b.insert_str("NotImplemented", self.not_implemented.clone());
        b.insert_str("Ellipsis", self.ellipsis.clone());
        b.insert_str("__name__", Value::str("builtins"));
        b.insert_str("__debug__", Value::Bool(true));
    }

    /// Set `name` in the builtins namespace.
    pub fn set_builtin(&mut self, name: &str, v: Value) {
        if let Obj::Dict(b) = self.builtins.view() {
            b.borrow_mut().insert_str(name, v);
        }
    }

    /// A fresh `__main__` globals dict.
    pub fn main_globals(&mut self, file: Option<&str>) -> ObjRef {
        let m = self.new_module("__main__", file);
        let d = Vm::module_dict(&m).unwrap_or_else(|| Vm::dict_obj(Dict::new()));
        if let Obj::Dict(dd) = d.view() {
            dd.borrow_mut().insert_str("__package__", Value::None);
            dd.borrow_mut().remove_str("__file__");
            if let Some(f) = file {
                dd.borrow_mut().insert_str("__file__", Value::str(f));
            }
        }
        if let Obj::Dict(mods) = self.modules.view() {
            mods.borrow_mut().insert_str("__main__", m);
        }
        d
    }
}

/// `RefCell` helper used by several built-in files.
pub fn list_of(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match crate::protocol::ops::unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::List(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}
