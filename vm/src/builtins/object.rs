//! `object`'s methods (what `super().__init__()`, `object.__setattr__(self, ...)`
//! and friends reach) and `property`.

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::CmpOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[
    ("__init__", object_init),
    ("__new__", object_new),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__lt__", object_notimpl),
    ("__le__", object_notimpl),
    ("__gt__", object_notimpl),
    ("__ge__", object_notimpl),
    ("__hash__", object_hash),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__format__", object_format),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__dir__", object_dir),
    ("__init_subclass__", object_init_subclass),
    ("__sizeof__", object_sizeof),
];

pub const PROPERTY_METHODS: MethodTable = &[
    ("getter", property_getter),
    ("setter", property_setter),
    ("deleter", property_deleter),
    ("__get__", property_get),
    ("__set__", property_set),
];

/// `__get__` of functions and of classmethod/staticmethod objects (descriptor protocol,
/// also what `hasattr(f, '__get__')` checks).
pub const DESCRIPTOR_METHODS: MethodTable = &[("__get__", descriptor_get)];

fn descriptor_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__get__", 2, 3)?;
    let inst = &pos[1];
    let owner = pos.get(2).cloned().unwrap_or(Value::None);
    if let Value::Obj(o) = &pos[0] {
        if let Obj::ClassMethod(f) = o.view() {
            let cls = if owner.is_none() { Value::Obj(vm.type_of(inst)) } else { owner };
            return Ok(crate::builtins::descr::bind_classmethod(f, cls));
        }
    }
    if inst.is_none() {
        return Ok(match &pos[0] {
            Value::Obj(o) => match o.view() {
                Obj::StaticMethod(f) => f.clone(),
                _ => pos[0].clone(),
            },
            v => v.clone(),
        });
    }
    Ok(vm.bind_descriptor(&pos[0], Some(inst))?.unwrap_or_else(|| pos[0].clone()))
}

pub const SLICE_METHODS: MethodTable = &[("indices", slice_indices)];

fn slice_indices(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "indices", 2, 2)?;
    let Value::Obj(o) = &pos[0] else { return Err(vm.type_error("descriptor 'indices' requires a 'slice' object")) };
    let Obj::Slice { start, stop, step } = o.view() else { return Err(vm.type_error("descriptor 'indices' requires a 'slice' object")) };
    let len = vm.index_value(&pos[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (s, e, st) = crate::protocol::subscr::slice_indices(vm, start, stop, step, len)?;
    Ok(vm.new_tuple(vec![Value::Int(s), Value::Int(e), Value::Int(st)]))
}

fn object_init(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    match pos.first() {
        Some(Value::Obj(c)) if matches!(c.view(), Obj::Class(_)) => {
            let c = c.clone();
            vm.object_new(&c, Args { args: &a.args[1..], kwnames: a.kwnames })
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__eq__", 2, 2)?;
    Ok(if pos[0].is(&pos[1]) { Value::Bool(true) } else { vm.not_implemented.clone() })
}

fn object_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__ne__", 2, 2)?;
    let r = vm.compare(&pos[0], &pos[1], CmpOp::Eq)?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn object_notimpl(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(vm.not_implemented.clone())
}

fn object_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__hash__", 1, 1)?;
    Ok(Value::Int((pos[0].id() >> 4) as i64))
}

fn object_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__repr__", 1, 1)?;
    // `dict.__repr__(self)` & co. reach here for built-in types without their own
    // `__repr__` entry: show the wrapped built-in value.
    if let Value::Obj(o) = &pos[0] {
        if let Obj::Instance(i) = o.view() {
            if !i.base().is_null() {
                let b = i.base().clone();
                return vm.repr(&b);
            }
        }
        if !matches!(o.view(), Obj::Instance(_)) {
            let v = pos[0].clone();
            return vm.repr(&v);
        }
    } else {
        // Immediate values (small ints, floats, bools, None): `int.__repr__(5)`.
        let v = pos[0].clone();
        return vm.repr(&v);
    }
    let t = vm.type_of(&pos[0]);
    let c = t.as_class().map(|c| (c.module.borrow().as_str().unwrap_or("builtins").to_string(), c.qualname.borrow().to_string()));
    let (m, q) = c.unwrap_or_default();
    let path = if m == "builtins" { q } else { format!("{m}.{q}") };
    Ok(Value::string(format!("<{path} object at 0x{:012x}>", pos[0].id())))
}

fn object_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__str__", 1, 1)?;
    vm.repr(&pos[0])
}

fn object_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__format__", 2, 2)?;
    if pos[1].as_str().map(|s| !s.is_empty()).unwrap_or(true) {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(&pos[0]))));
    }
    vm.str(&pos[0])
}

fn object_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__setattr__", 3, 3)?;
    let name = pos[1].as_str().ok_or_else(|| vm.type_error("attribute name must be string"))?.to_string();
    vm.generic_setattr(&pos[0], &name, pos[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__getattribute__", 2, 2)?;
    let name = pos[1].as_str().ok_or_else(|| vm.type_error("attribute name must be string"))?.to_string();
    match vm.getattr_opt(&pos[0], &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&pos[0], &name)),
    }
}

fn object_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__delattr__", 2, 2)?;
    let name = pos[1].as_str().ok_or_else(|| vm.type_error("attribute name must be string"))?.to_string();
    let Value::Obj(o) = &pos[0] else { return Err(vm.no_attribute(&pos[0], &name)) };
    let removed = match o.view() {
        Obj::Instance(i) => i.del_attr(&name, crate::object::dict::hash_str(&name)),
        _ => None,
    };
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(vm.no_attribute(&pos[0], &name)),
    }
}

fn object_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__dir__", 1, 1)?;
    let names = crate::builtins::functions::dir_names(vm, &pos[0])?;
    Ok(vm.new_list(names.into_iter().map(|s| Value::string(s)).collect()))
}

/// `object.__init_subclass__()`, a class method: accepts no arguments.
fn object_init_subclass(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = match a.pos().first() {
        Some(Value::Obj(c)) => c.as_class().map(|c| c.name.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    if a.has_kw() {
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    if a.pos().len() > 1 {
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no arguments ({} given)", a.pos().len() - 1)));
    }
    Ok(Value::None)
}

fn object_sizeof(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(16))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn property_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "property", 0, 4)?;
    let get = |i: usize, n: &str| a.get(i, n).cloned().unwrap_or(Value::None);
    let fget = get(0, "fget");
    let mut doc = get(3, "doc");
    if doc.is_none() && !fget.is_none() {
        doc = vm.getattr_opt(&fget, "__doc__")?.unwrap_or(Value::None);
    }
    Ok(Value::obj(crate::object::NewObj::Property { fget, fset: get(1, "fset"), fdel: get(2, "fdel"), doc }))
}

fn property_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Value, Value, Value)> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Property { fget, fset, fdel, doc } => Ok((fget.clone(), fset.clone(), fdel.clone(), doc.clone())),
            _ => Err(vm.type_error("descriptor requires a 'property' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_getter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "getter", 2, 2)?;
    let (_, s, d, doc) = property_parts(vm, &pos[0])?;
    Ok(Value::obj(crate::object::NewObj::Property { fget: pos[1].clone(), fset: s, fdel: d, doc }))
}

fn property_setter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "setter", 2, 2)?;
    let (g, _, d, doc) = property_parts(vm, &pos[0])?;
    Ok(Value::obj(crate::object::NewObj::Property { fget: g, fset: pos[1].clone(), fdel: d, doc }))
}

fn property_deleter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "deleter", 2, 2)?;
    let (g, s, _, doc) = property_parts(vm, &pos[0])?;
    Ok(Value::obj(crate::object::NewObj::Property { fget: g, fset: s, fdel: pos[1].clone(), doc }))
}

fn property_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__get__", 2, 3)?;
    let (g, ..) = property_parts(vm, &pos[0])?;
    if pos[1].is_none() {
        return Ok(pos[0].clone());
    }
    vm.call1(&g, pos[1].clone())
}

fn property_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "__set__", 3, 3)?;
    let (_, s, ..) = property_parts(vm, &pos[0])?;
    if s.is_none() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call(&s, Args::new(&[pos[1].clone(), pos[2].clone()]))?;
    Ok(Value::None)
}
