//! `_struct.Struct` and `_struct.unpack_iterator`.
//!
//! Both are native "heap" classes of the plain object layout with one private
//! slot: a `Struct` keeps the bytes of its format there (None until `__init__`
//! has run, as a bare `Struct.__new__(Struct)` is), and an iterator a list
//! `[format bytes, data bytes, next offset]`. The compiled format comes from the
//! module's cache (`compiled`).

use std::rc::Rc;

use super::{compiled, format_bytes, read_buffer, struct_error, Compiled};
use crate::builtins::bytes::new_bytes;
use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::{Class, Dict, Layout, NewObj, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The private slot of both classes.
const SLOT: &str = "__struct_state__";

type Table = &'static [(&'static str, crate::object::NativeFn)];

const STRUCT_METHODS: Table = &[
    ("__init__", struct_init),
    ("pack", s_pack),
    ("pack_into", s_pack_into),
    ("unpack", s_unpack),
    ("unpack_from", s_unpack_from),
    ("iter_unpack", s_iter_unpack),
    ("__sizeof__", s_sizeof),
    ("__reduce_ex__", no_reduce),
    ("__reduce__", no_reduce),
];
/// Read-only attributes: (name, getter, the setter and deleter that refuse).
type Props = &'static [(&'static str, crate::object::NativeFn, crate::object::NativeFn)];

const STRUCT_PROPS: Props = &[("format", s_format, no_set_format), ("size", s_size, no_set_size)];
const ITER_METHODS: Table = &[
    ("__iter__", it_iter),
    ("__next__", it_next),
    ("__length_hint__", it_length_hint),
    ("__reduce_ex__", no_reduce),
    ("__reduce__", no_reduce),
];

const STRUCT_DOC: &str = "Struct(fmt) --> compiled struct object\n\n";

/// `Struct` and `unpack_iterator`, made once per interpreter.
pub(super) fn classes(vm: &mut Vm) -> (ObjRef, ObjRef) {
    if let (Some(s), Some(i)) = (vm.native_classes.get("_struct.Struct"), vm.native_classes.get("_struct.unpack_iterator")) {
        return (s.clone(), i.clone());
    }
    let s = make_class(vm, "Struct", struct_new, STRUCT_METHODS, STRUCT_PROPS, STRUCT_DOC);
    let i = make_class(vm, "unpack_iterator", iter_new, ITER_METHODS, &[], "");
    vm.native_classes.insert("_struct.Struct", s.clone());
    vm.native_classes.insert("_struct.unpack_iterator", i.clone());
    (s, i)
}

fn make_class(vm: &Vm, name: &'static str, new: crate::object::NativeFn, methods: Table, props: Props, doc: &str) -> ObjRef {
    let mut cd = Dict::new();
    cd.insert_str("__new__", Value::obj(NewObj::StaticMethod(native("__new__", new))));
    for (n, f) in methods {
        cd.insert_str(n, method(name, n, *f));
    }
    for (n, get, refuse) in props {
        let fget = method(name, n, *get);
        let (fset, fdel) = (method(name, n, *refuse), method(name, n, *refuse));
        cd.insert_str(n, Value::obj(NewObj::Property { fget, fset, fdel, doc: Value::None }));
    }
    cd.insert_str("__module__", Value::str("_struct"));
    cd.insert_str("__doc__", if doc.is_empty() { Value::None } else { Value::str(doc) });
    // A "heap" class so that calling it runs `__new__`/`__init__` above and its
    // native dunders (`__next__`) take part in dispatch.
    Class::new_native(name, "_struct", &vm.types.object, cd, Layout::Object, Some(vec![Rc::from(SLOT)]))
}

/// The slot index of `v`'s state, if `v` is an instance of `cls` (or a subclass).
fn slot_of(vm: &Vm, v: &Value, cls: &ObjRef) -> Option<usize> {
    if !vm.isinstance(v, cls) {
        return None;
    }
    let Value::Obj(o) = v else { return None };
    let Obj::Instance(i) = o.view() else { return None };
    crate::protocol::attr::slot_index(i.class, SLOT)
}

fn get_slot(v: &Value, idx: usize) -> Value {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Instance(i) => i.slot(idx),
            _ => Value::None,
        },
        _ => Value::None,
    }
}

fn set_slot(v: &Value, idx: usize, x: Value) {
    if let Value::Obj(o) = v {
        if let Obj::Instance(i) = o.view() {
            i.set_slot(idx, x);
        }
    }
}

// ---- Struct ---------------------------------------------------------------------------

fn struct_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = classes(vm);
    let cls = match a.pos().first() {
        Some(Value::Obj(c)) if c.as_class().is_some() => c.clone(),
        _ => return Err(vm.type_error("Struct.__new__(X): X is not a type object")),
    };
    let obj = vm.object_new(&cls, Args::new(&[]))?;
    if slot_of(vm, &obj, &s).is_none() {
        let name = cls.as_class().map(|c| c.name.to_string()).unwrap_or_default();
        return Err(vm.type_error(format!("Struct.__new__({name}): {name} is not a subtype of _struct.Struct")));
    }
    Ok(obj)
}

/// `Struct.__init__(self, format)`.
fn struct_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, idx) = receiver(vm, &a, "__init__")?;
    let pos = &a.pos()[1..];
    let given = pos.len() + a.kwnames.len();
    if given > 1 {
        return Err(vm.type_error(format!("Struct() takes at most 1 argument ({given} given)")));
    }
    // Argument Clinic's order: a missing argument, then one given twice, then an
    // unknown keyword.
    let by_name = a.kw().find(|(k, _)| *k == "format").map(|(_, v)| v);
    let Some(fmt) = pos.first().or(by_name) else {
        return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
    };
    if let Some((k, _)) = a.kw().find(|(k, _)| *k != "format") {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for Struct()")));
    }
    let bytes = format_bytes(vm, fmt)?;
    compiled(vm, &bytes)?;
    set_slot(&slf, idx, new_bytes(bytes));
    Ok(Value::None)
}

/// `self` of a `Struct` method and its state slot, with CPython's messages.
fn receiver(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, usize)> {
    let (s, _) = classes(vm);
    let Some(slf) = a.pos().first() else {
        return Err(vm.type_error(format!("unbound method Struct.{name}() needs an argument")));
    };
    match slot_of(vm, slf, &s) {
        Some(idx) => Ok((slf.clone(), idx)),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for '_struct.Struct' objects doesn't apply to a '{}' object",
            vm.type_name(slf)
        ))),
    }
}

/// The compiled format of a `Struct` (None: not initialised).
fn state(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Option<Rc<Compiled>>)> {
    let (slf, idx) = receiver(vm, a, name)?;
    let fmt = get_slot(&slf, idx);
    let c = match crate::builtins::bytes::bytes_data(&fmt) {
        Some(b) => Some(compiled(vm, &b)?),
        None => None,
    };
    Ok((slf, c))
}

/// A method's compiled format, or the error an uninitialised `Struct` (size -1)
/// gives in CPython.
fn initialised(vm: &Vm, c: Option<Rc<Compiled>>, name: &str, nargs: usize) -> PyResult<Rc<Compiled>> {
    match c {
        Some(c) => Ok(c),
        None => Err(struct_error(
            vm,
            match name {
                "pack" | "pack_into" => format!("{name} expected -1 items for packing (got {nargs})"),
                _ => "unpack requires a buffer of -1 bytes".to_string(),
            },
        )),
    }
}

fn method_no_kw(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kw() {
        return Err(vm.type_error(format!("Struct.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The one argument of a METH_O method.
fn one_arg<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    method_no_kw(vm, a, name)?;
    let rest = &a.pos()[1..];
    if rest.len() != 1 {
        return Err(vm.type_error(format!("Struct.{name}() takes exactly one argument ({} given)", rest.len())));
    }
    Ok(&rest[0])
}

fn s_pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "pack")?;
    method_no_kw(vm, &a, "pack")?;
    let args = &a.pos()[1..];
    let c = initialised(vm, c, "pack", args.len())?;
    super::do_pack(vm, &c, args)
}

fn s_pack_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "pack_into")?;
    method_no_kw(vm, &a, "pack_into")?;
    let args = &a.pos()[1..];
    let c = initialised(vm, c, "pack_into", args.len().saturating_sub(2))?;
    super::do_pack_into(vm, &c, args)
}

fn s_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "unpack")?;
    let buffer = one_arg(vm, &a, "unpack")?;
    let c = initialised(vm, c, "unpack", 0)?;
    super::do_unpack(vm, &c, buffer)
}

fn s_unpack_from(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "unpack_from")?;
    let (buffer, offset) = super::buffer_offset(vm, &a, 1, 0)?;
    let c = initialised(vm, c, "unpack_from", 0)?;
    super::do_unpack_from(vm, &c, buffer, offset)
}

fn s_iter_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, idx) = receiver(vm, &a, "iter_unpack")?;
    let buffer = one_arg(vm, &a, "iter_unpack")?;
    let (_, c) = state(vm, &a, "iter_unpack")?;
    let c = initialised(vm, c, "iter_unpack", 0)?;
    let fmt = crate::builtins::bytes::bytes_data(&get_slot(&slf, idx)).unwrap_or_default();
    new_iterator(vm, &c, &fmt, buffer)
}

fn s_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (slf, idx) = receiver(vm, &a, "format")?;
    let fmt = crate::builtins::bytes::bytes_data(&get_slot(&slf, idx)).unwrap_or_default();
    Ok(Value::string(String::from_utf8_lossy(&fmt).into_owned()))
}

fn s_size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "size")?;
    Ok(Value::Int(c.map(|c| c.size as i64).unwrap_or(-1)))
}

fn no_set_format(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.attribute_error("attribute 'format' of '_struct.Struct' objects is not writable"))
}

fn no_set_size(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.attribute_error("attribute 'size' of '_struct.Struct' objects is not writable"))
}

/// `__reduce_ex__`/`__reduce__`: neither class can be pickled or copied (CPython's
/// `object.__getstate__` refuses objects with C-level state).
fn no_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = a.pos().first().map(|v| vm.type_name(v).to_string()).unwrap_or_default();
    Err(vm.type_error(format!("cannot pickle '{name}' object")))
}

fn s_sizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, c) = state(vm, &a, "__sizeof__")?;
    let codes = c.map(|c| c.codes.len() + 1).unwrap_or(0);
    Ok(Value::Int(64 + 32 * codes as i64))
}

// ---- unpack_iterator --------------------------------------------------------------

/// `Struct.iter_unpack(buffer)` of the compiled `c` (format bytes `fmt`).
pub(super) fn new_iterator(vm: &mut Vm, c: &Compiled, fmt: &[u8], buffer: &Value) -> PyResult<Value> {
    if c.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(vm, buffer)?;
    if data.len() % c.size != 0 {
        return Err(struct_error(vm, format!("iterative unpacking requires a buffer of a multiple of {} bytes", c.size)));
    }
    let (_, icls) = classes(vm);
    let obj = vm.object_new(&icls, Args::new(&[]))?;
    let st = vm.new_list(vec![new_bytes(fmt.to_vec()), new_bytes(data), Value::Int(0)]);
    if let Some(idx) = slot_of(vm, &obj, &icls) {
        set_slot(&obj, idx, st);
    }
    Ok(obj)
}

fn iter_new(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(vm.type_error("Cannot create 'unpack_iterator objects"))
}

/// The iterator's state list and its compiled format.
fn iter_state(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Rc<Compiled>, usize, usize)> {
    let (_, icls) = classes(vm);
    let slf = a.pos().first().cloned().unwrap_or(Value::None);
    let Some(idx) = slot_of(vm, &slf, &icls) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for '_struct.unpack_iterator' objects doesn't apply to a '{}' object",
            vm.type_name(&slf)
        )));
    };
    let st = get_slot(&slf, idx);
    let items = crate::builtins::list_of(&st).map(|l| l.borrow().clone()).unwrap_or_default();
    let fmt = items.first().and_then(crate::builtins::bytes::bytes_data).unwrap_or_default();
    let len = match items.get(1) {
        Some(Value::Obj(o)) => match o.view() {
            Obj::Bytes(b) => b.len(),
            _ => 0,
        },
        _ => 0,
    };
    let pos = match items.get(2) {
        Some(Value::Int(i)) => *i as usize,
        _ => 0,
    };
    let c = compiled(vm, &fmt)?;
    Ok((st, c, len, pos))
}

fn it_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__iter__", 1, 1)?;
    Ok(pos[0].clone())
}

fn it_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "__next__", 1, 1)?;
    let (st, c, len, pos) = iter_state(vm, &a, "__next__")?;
    if c.size == 0 || pos + c.size > len {
        return Err(PyErr(vm.new_exception(vm.exc_class("StopIteration"), vec![])));
    }
    let Some(list) = crate::builtins::list_of(&st) else { return Err(vm.type_error("unpack_iterator")) };
    let data = list.borrow().get(1).cloned().unwrap_or(Value::None);
    let chunk = match &data {
        Value::Obj(o) => match o.view() {
            Obj::Bytes(b) => b.get(pos..pos + c.size).unwrap_or(&[]).to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if let Some(slot) = list.borrow_mut().get_mut(2) {
        *slot = Value::Int((pos + c.size) as i64);
    }
    super::unpack::unpack_buf(vm, &c, &chunk)
}

fn it_length_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "__length_hint__", 1, 1)?;
    let (_, c, len, pos) = iter_state(vm, &a, "__length_hint__")?;
    let n = len.saturating_sub(pos).checked_div(c.size).unwrap_or(0);
    Ok(Value::Int(n as i64))
}
