//! The types of built-in methods, as CPython shows them: an unbound method of a
//! built-in type is a `method_descriptor` (`list.append`), or a `wrapper_descriptor`
//! when it implements a type slot (`object.__init__`); bound to an instance it is a
//! `builtin_function_or_method` (`[].append`) or a `method-wrapper`
//! (`object().__str__`). A built-in class method (`dict.fromkeys`) is a
//! `classmethod_descriptor` in the class dict and binds to the class.
//!
//! All of these are `Obj::Native` (class methods: `Obj::ClassMethod` of one); the type
//! follows from the method's owner, its receiver and whether its name is a slot.

use crate::object::{NativeFunction, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The special method names that are type slots (CPython's `slotdefs`): the methods a
/// built-in type implements through them are slot wrappers.
const SLOT_NAMES: &[&str] = &[
    "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__repr__", "__hash__", "__call__",
    "__str__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__",
    "__set__", "__delete__", "__init__", "__del__", "__await__", "__aiter__", "__anext__", "__add__",
    "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__",
    "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__",
    "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__", "__rxor__",
    "__or__", "__ror__", "__int__", "__float__", "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__",
    "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__",
    "__truediv__", "__rtruediv__", "__ifloordiv__", "__itruediv__", "__index__", "__matmul__", "__rmatmul__",
    "__imatmul__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
];

/// Slot methods that these types also define as ordinary methods (`METH_COEXIST`), so
/// their class dict holds a method descriptor.
const COEXIST: &[(&str, &str)] = &[
    ("list", "__getitem__"),
    ("dict", "__getitem__"),
    ("dict", "__contains__"),
    ("set", "__contains__"),
    ("frozenset", "__contains__"),
];

/// What kind of built-in callable a native function is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A function, or a method bound to its receiver (`builtin_function_or_method`).
    Builtin,
    MethodDescriptor,
    WrapperDescriptor,
    MethodWrapper,
}

fn is_slot(owner: &str, name: &str) -> bool {
    SLOT_NAMES.contains(&name) && !COEXIST.contains(&(owner, name))
}

pub fn kind(n: &NativeFunction) -> Kind {
    match (n.owner, &n.slf) {
        (Some(o), None) if is_slot(o, n.name) => Kind::WrapperDescriptor,
        (Some(_), None) => Kind::MethodDescriptor,
        (Some(o), Some(_)) if is_slot(o, n.name) => Kind::MethodWrapper,
        _ => Kind::Builtin,
    }
}

/// The type of a native function value.
pub fn native_type(vm: &Vm, n: &NativeFunction) -> crate::object::ObjRef {
    let t = &vm.types;
    match kind(n) {
        Kind::Builtin => t.builtin_function.clone(),
        Kind::MethodDescriptor => t.method_descriptor.clone(),
        Kind::WrapperDescriptor => t.wrapper_descriptor.clone(),
        Kind::MethodWrapper => t.method_wrapper.clone(),
    }
}

/// The built-in class named `owner` (a method descriptor's `__objclass__`).
pub fn owner_class(vm: &Vm, owner: &str) -> Option<crate::object::ObjRef> {
    let named = |c: &crate::object::ObjRef| c.as_class().is_some_and(|k| &*k.name == owner);
    if let Obj::Dict(d) = vm.builtins.view() {
        if let Some(Value::Obj(c)) = d.borrow().get_str(owner) {
            if named(&c) {
                return Some(c);
            }
        }
    }
    let t = &vm.types;
    [
        &t.code, &t.frame, &t.function, &t.generator, &t.coroutine, &t.async_generator, &t.async_generator_asend,
        &t.async_generator_athrow, &t.anext_awaitable, &t.method, &t.builtin_function, &t.module,
        &t.cell, &t.traceback, &t.range, &t.slice, &t.property, &t.classmethod, &t.staticmethod,
        &t.method_descriptor, &t.classmethod_descriptor, &t.wrapper_descriptor, &t.dict_keys, &t.dict_values,
        &t.dict_items, &t.getset_descriptor, &t.member_descriptor, &t.generic_alias, &t.union_type,
        &t.memoryview,
    ]
    .into_iter()
    .find(|c| named(c))
    .cloned()
}

/// A built-in type's class method (`Obj::ClassMethod` wrapping a method of that type).
pub fn builtin_classmethod(f: &Value) -> Option<&NativeFunction> {
    match f {
        Value::Obj(o) => match o.view() {
            Obj::Native(n) if n.owner.is_some() && n.slf.is_none() => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// `classmethod.__get__`: a built-in class method binds like a built-in method (its
/// receiver is the class), any other function becomes a bound method.
pub fn bind_classmethod(f: &Value, cls: Value) -> Value {
    match builtin_classmethod(f) {
        Some(n) => Value::obj(crate::object::NewObj::Native(NativeFunction { name: n.name, func: n.func, owner: n.owner, slf: Some(cls) })),
        None => match f {
            Value::Obj(o) => Value::obj(crate::object::NewObj::BoundMethod { func: o.clone(), slf: cls }),
            _ => f.clone(),
        },
    }
}

/// The repr of a native function, by kind.
pub fn native_repr(vm: &mut Vm, n: &NativeFunction) -> PyResult<String> {
    let owner = n.owner.unwrap_or("");
    Ok(match (kind(n), &n.slf) {
        (Kind::MethodDescriptor, _) => format!("<method '{}' of '{owner}' objects>", n.name),
        (Kind::WrapperDescriptor, _) => format!("<slot wrapper '{}' of '{owner}' objects>", n.name),
        (Kind::MethodWrapper, Some(s)) => {
            format!("<method-wrapper '{}' of {} object at 0x{:012x}>", n.name, vm.type_name(s), s.id())
        }
        (_, Some(s)) if !matches!(s, Value::Obj(m) if matches!(m.view(), Obj::Module(_))) => {
            format!("<built-in method {} of {} object at 0x{:012x}>", n.name, vm.type_name(s), s.id())
        }
        _ => format!("<built-in function {}>", n.name),
    })
}

/// `dict.__repr__` and the like, one per container type, so that each type has a
/// `__repr__` of its own (`pprint` dispatches on `type(x).__repr__`): the built-in
/// repr of the receiver, or of a subclass instance's built-in part.
fn builtin_repr(vm: &mut Vm, a: crate::object::func::Args, owner: &str, cls: crate::object::ObjRef) -> PyResult<Value> {
    let slf = a.check(vm, "__repr__", 1, 1)?[0].clone();
    if !vm.isinstance(&slf, &cls) {
        let got = vm.type_name(&slf);
        return Err(vm.type_error(format!("descriptor '__repr__' requires a '{owner}' object but received a '{got}'")));
    }
    let base = crate::protocol::ops::unwrap_base(&slf).clone();
    Ok(Value::string(vm.repr_string(&base)?))
}

macro_rules! repr_slots {
    ($($f:ident: $owner:literal $field:ident;)*) => {
        $(fn $f(vm: &mut Vm, a: crate::object::func::Args) -> PyResult<Value> {
            let cls = vm.types.$field.clone();
            builtin_repr(vm, a, $owner, cls)
        })*
        /// Install the `__repr__` of each container type.
        pub fn install_reprs(vm: &Vm) {
            $(if let Some(c) = vm.types.$field.as_class() {
                c.dict.borrow_mut().insert_str("__repr__", crate::builtins::method($owner, "__repr__", $f));
            })*
        }
    };
}

repr_slots! {
    dict_repr: "dict" dict;
    list_repr: "list" list;
    tuple_repr: "tuple" tuple;
    set_repr: "set" set;
    frozenset_repr: "frozenset" frozenset;
    str_repr: "str" str_;
    bytes_repr: "bytes" bytes;
    bytearray_repr: "bytearray" bytearray;
}
