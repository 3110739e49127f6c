//! The data attributes of built-in types as descriptor objects, as CPython has them:
//! `FunctionType.__code__` is a `getset_descriptor`, `FunctionType.__globals__` a
//! `member_descriptor` (what `types.GetSetDescriptorType` and
//! `types.MemberDescriptorType` are). [`ATTRS`] lists, per built-in type, the names
//! CPython 3.11 defines as getsets or members there (and that pyhop serves); `install`
//! puts one descriptor per row in the class dict. Reading goes through the same
//! code as instance access (`protocol/special.rs`): `descr.__get__(obj)` and `obj.name`
//! give the same value, and writing goes through `special_setattr` unless the row is
//! read-only.

use crate::object::func::Args;
use crate::object::heap::Foreign;
use crate::object::{ForeignView, Kind, Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// One attribute descriptor: the type it belongs to, the attribute's name, whether it
/// is a member (a struct slot: `member_descriptor`) or a getset, and whether it can be
/// set.
pub struct AttrDescr {
    /// The owning class (`__objclass__`), a class object.
    pub objclass: Value,
    pub name: &'static str,
    pub member: bool,
    pub writable: bool,
}

// SAFETY: Kind::AttrDescr is used by AttrDescr alone.
unsafe impl Foreign for AttrDescr {
    const KIND: Kind = Kind::AttrDescr;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.objclass);
    }

    // The owner is a built-in class, which lives as long as the interpreter.
    fn clear(&self) {}
}

impl<'a> ForeignView<'a> {
    /// The descriptor behind an `Obj::AttrDescr` view.
    #[inline]
    pub fn attr_descr(self) -> &'a AttrDescr {
        self.0.foreign::<AttrDescr>().expect("an AttrDescr view holds an attribute descriptor")
    }
}

/// How a row reads: `M` a read-only member, `MW` a writable member, `G` a getset
/// without setter, `GW` a getset with a setter.
#[derive(Clone, Copy)]
enum How {
    M,
    MW,
    G,
    GW,
}
use How::*;

/// Per built-in type (by its `__name__`), the attributes CPython 3.11 exposes as
/// descriptors (`vars(T)` on CPython, restricted to what `special_getattr` serves).
/// `type`'s own (`__name__`, `__dict__`, ...) and `object.__class__` are left out:
/// class attribute lookup serves them (`class_special`).
const ATTRS: &[(&str, &[(&str, How)])] = &[
    (
        "function",
        &[
            ("__closure__", M), ("__doc__", MW), ("__globals__", M), ("__module__", MW), ("__builtins__", M),
            ("__code__", GW), ("__defaults__", GW), ("__kwdefaults__", GW), ("__annotations__", GW), ("__dict__", GW),
            ("__name__", GW), ("__qualname__", GW),
        ],
    ),
    (
        "code",
        &[
            ("co_argcount", M), ("co_posonlyargcount", M), ("co_kwonlyargcount", M), ("co_stacksize", M),
            ("co_flags", M), ("co_nlocals", M), ("co_consts", M), ("co_names", M), ("co_filename", M),
            ("co_name", M), ("co_qualname", M), ("co_firstlineno", M), ("co_varnames", G), ("co_cellvars", G),
            ("co_freevars", G), ("co_code", G),
        ],
    ),
    (
        "frame",
        &[
            ("f_trace_lines", MW), ("f_trace_opcodes", MW), ("f_back", G), ("f_locals", G), ("f_lineno", GW),
            ("f_trace", GW), ("f_lasti", G), ("f_globals", G), ("f_builtins", G), ("f_code", G),
        ],
    ),
    (
        "generator",
        &[
            ("gi_code", M), ("__name__", GW), ("__qualname__", GW), ("gi_yieldfrom", G), ("gi_running", G),
            ("gi_frame", G), ("gi_suspended", G),
        ],
    ),
    (
        "coroutine",
        &[
            ("cr_code", M), ("cr_origin", M), ("__name__", GW), ("__qualname__", GW), ("cr_await", G),
            ("cr_running", G), ("cr_frame", G), ("cr_suspended", G),
        ],
    ),
    (
        "async_generator",
        &[("ag_running", M), ("ag_code", M), ("__name__", GW), ("__qualname__", GW), ("ag_await", G), ("ag_frame", G)],
    ),
    ("method", &[("__func__", M), ("__self__", M), ("__doc__", G)]),
    ("cell", &[("cell_contents", GW)]),
    ("traceback", &[("tb_frame", M), ("tb_lasti", M), ("tb_next", GW), ("tb_lineno", G)]),
    ("range", &[("start", M), ("stop", M), ("step", M)]),
    ("slice", &[("start", M), ("stop", M), ("step", M)]),
    ("property", &[("fget", M), ("fset", M), ("fdel", M), ("__doc__", MW)]),
    ("classmethod", &[("__func__", M), ("__wrapped__", M)]),
    ("staticmethod", &[("__func__", M), ("__wrapped__", M)]),
    ("complex", &[("real", M), ("imag", M)]),
    ("int", &[("real", G), ("imag", G), ("numerator", G), ("denominator", G)]),
    ("float", &[("real", G), ("imag", G)]),
    (
        "BaseException",
        &[
            ("__suppress_context__", MW), ("__dict__", GW), ("args", GW), ("__traceback__", GW),
            ("__context__", GW), ("__cause__", GW),
        ],
    ),
    ("module", &[("__dict__", M)]),
    ("ReferenceType", &[("__callback__", M)]),
    ("getset_descriptor", &[("__objclass__", M), ("__name__", M), ("__qualname__", G)]),
    ("member_descriptor", &[("__objclass__", M), ("__name__", M), ("__qualname__", G)]),
    ("GenericAlias", &[("__origin__", M), ("__args__", M), ("__unpacked__", M), ("__parameters__", G)]),
    ("UnionType", &[("__args__", M), ("__parameters__", G)]),
    (
        "memoryview",
        &[
            ("obj", G), ("nbytes", G), ("readonly", G), ("itemsize", G), ("format", G), ("ndim", G), ("shape", G),
            ("strides", G), ("c_contiguous", G), ("f_contiguous", G), ("contiguous", G),
        ],
    ),
];

/// The names of `type`'s own data descriptors: on a class object they win over an
/// attribute descriptor its MRO holds for its instances (`FunctionType.__name__` is
/// `'function'`, not the descriptor of functions' `__name__`).
pub const TYPE_DATA_NAMES: &[&str] =
    &["__name__", "__qualname__", "__module__", "__dict__", "__doc__", "__bases__", "__base__", "__mro__"];

/// Put the descriptors of [`ATTRS`] in the dicts of the built-in classes.
pub fn install(vm: &Vm) {
    for (owner, rows) in ATTRS {
        let Some(cls) = class_named(vm, owner) else { continue };
        let Some(c) = cls.as_class() else { continue };
        let mut d = c.dict.borrow_mut();
        for (name, how) in rows.iter() {
            let descr = AttrDescr {
                objclass: Value::Obj(cls.clone()),
                name,
                member: matches!(how, M | MW),
                writable: matches!(how, MW | GW),
            };
            d.insert_str(name, Value::Obj(ObjRef::new_foreign(descr)));
        }
    }
}

fn class_named(vm: &Vm, name: &str) -> Option<ObjRef> {
    let t = &vm.types;
    let extra = [
        &t.getset_descriptor, &t.member_descriptor, &t.generic_alias, &t.union_type, &t.weakref, &t.complex,
        &t.int, &t.float, &t.function, &t.memoryview,
    ];
    if let Some(c) = extra.into_iter().find(|c| c.as_class().is_some_and(|k| &*k.name == name)) {
        return Some(c.clone());
    }
    if let Some(c) = t.exc.get(name) {
        return Some(c.clone());
    }
    crate::builtins::descr::owner_class(vm, name)
}

/// The descriptor, if `v` is one.
pub fn as_attr_descr(v: &Value) -> Option<&AttrDescr> {
    v.as_obj().and_then(|o| o.foreign::<AttrDescr>())
}

fn objclass_name(d: &AttrDescr) -> String {
    d.objclass.as_obj().and_then(|c| c.as_class()).map(|c| c.name.to_string()).unwrap_or_default()
}

/// `repr(descr)`.
pub fn repr(d: &AttrDescr) -> String {
    let what = if d.member { "member" } else { "attribute" };
    format!("<{what} '{}' of '{}' objects>", d.name, objclass_name(d))
}

/// CPython's `descr_check`: `obj` must be an instance of the owning class.
fn check(vm: &Vm, d: &AttrDescr, obj: &Value) -> PyResult<()> {
    let ok = d.objclass.as_obj().is_some_and(|c| vm.isinstance(obj, c));
    if ok {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.name,
        objclass_name(d),
        vm.type_name(obj)
    )))
}

/// `descr.__get__(obj)` for an instance `obj` (checked by the caller or here).
pub fn get(vm: &mut Vm, d: &AttrDescr, obj: &Value) -> PyResult<Value> {
    check(vm, d, obj)?;
    let target = unwrap_base(obj).clone();
    match crate::protocol::special::special_getattr(vm, &target, d.name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(obj, d.name)),
    }
}

#[cold]
pub fn not_writable(vm: &Vm, d: &AttrDescr) -> PyErr {
    if d.member {
        vm.attribute_error("readonly attribute")
    } else {
        vm.attribute_error(format!("attribute '{}' of '{}' objects is not writable", d.name, objclass_name(d)))
    }
}

/// `descr.__set__(obj, v)`: `Ok(false)` when the descriptor is writable but the
/// object's own setter does not take this name (the caller goes on as before).
pub fn set(vm: &mut Vm, d: &AttrDescr, obj: &Value, v: &Value) -> PyResult<bool> {
    check(vm, d, obj)?;
    if !d.writable {
        return Err(not_writable(vm, d));
    }
    let target = unwrap_base(obj).clone();
    crate::protocol::special::special_setattr(vm, &target, d.name, v)
}

/// `del obj.name` through the descriptor: read-only rows refuse as CPython does;
/// `Ok(false)` lets the caller delete as before.
pub fn delete(vm: &mut Vm, d: &AttrDescr, obj: &Value) -> PyResult<bool> {
    check(vm, d, obj)?;
    if !d.writable {
        return Err(not_writable(vm, d));
    }
    Ok(false)
}

/// `__get__`, `__set__` and `__delete__` of both descriptor types.
pub const METHODS: crate::builtins::MethodTable = &[("__get__", descr_get), ("__set__", descr_set), ("__delete__", descr_delete)];

fn this<'v>(vm: &Vm, v: &'v Value, what: &str) -> PyResult<&'v AttrDescr> {
    as_attr_descr(v).ok_or_else(|| vm.type_error(format!("descriptor '{what}' requires a 'getset_descriptor' object")))
}

fn descr_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__get__", 2, 3)?;
    let d = this(vm, &pos[0], "__get__")?;
    let obj = &pos[1];
    if obj.is_none() {
        // On the class (`descr.__get__(None, cls)`): the descriptor itself.
        let owner = pos.get(2).filter(|o| !o.is_none());
        if owner.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(pos[0].clone());
    }
    get(vm, d, obj)
}

fn descr_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__set__", 3, 3)?;
    let d = this(vm, &pos[0], "__set__")?;
    if !set(vm, d, &pos[1], &pos[2])? {
        return Err(not_writable(vm, d));
    }
    Ok(Value::None)
}

fn descr_delete(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__delete__", 2, 2)?;
    let d = this(vm, &pos[0], "__delete__")?;
    if !delete(vm, d, &pos[1])? {
        let obj = pos[1].clone();
        vm.delattr(&obj, d.name)?;
    }
    Ok(Value::None)
}

/// The special attributes of a descriptor object itself.
pub fn attr(vm: &Vm, d: &AttrDescr, name: &str) -> Option<Value> {
    let _ = vm;
    match name {
        "__name__" => Some(Value::str(d.name)),
        "__qualname__" => Some(Value::string(format!("{}.{}", objclass_name(d), d.name))),
        "__objclass__" => Some(d.objclass.clone()),
        "__doc__" => Some(Value::None),
        _ => None,
    }
}

/// Is `v` an `Obj::AttrDescr`?
pub fn is_attr_descr(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.view(), Obj::AttrDescr(_)))
}
