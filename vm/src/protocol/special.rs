//! Special attributes of built-in objects (`__name__`, `__code__`, `args`,
//! `__cause__`, `co_*`, `real`, ...): what CPython exposes through member and
//! getset descriptors.

use std::rc::Rc;

use crate::object::{Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn opt(v: &Value) -> Value {
    if v.is_null() {
        Value::None
    } else {
        v.clone()
    }
}

pub fn special_getattr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(vm.type_of(obj))));
    }
    let v = match obj {
        Value::Int(i) => match name {
            "real" | "numerator" => Some(Value::Int(*i)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Bool(b) => match name {
            "real" | "numerator" => Some(Value::Int(*b as i64)),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match name {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Obj(o) => match o.view() {
            Obj::Int(_) => match name {
                "real" | "numerator" => Some(obj.clone()),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Obj::Complex(re, im) => match name {
                "real" => Some(Value::Float(*re)),
                "imag" => Some(Value::Float(*im)),
                _ => None,
            },
            Obj::Function(f) => match name {
                "__name__" => Some(f.name.borrow().clone()),
                "__qualname__" => Some(f.qualname.borrow().clone()),
                "__code__" => Some(crate::object::code::code_value(&f.code.borrow())),
                "__defaults__" => Some(f.defaults.borrow().clone()),
                "__kwdefaults__" => Some(f.kwdefaults.borrow().clone()),
                "__globals__" => Some(Value::Obj(f.globals.clone())),
                "__closure__" => Some(match &f.closure {
                    Some(c) => vm.new_tuple(c.to_vec()),
                    None => Value::None,
                }),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__module__" => Some(f.module.borrow().clone()),
                "__annotations__" => {
                    let a = f.annotations.borrow().clone();
                    if a.is_none() {
                        let d = vm.new_dict(Default::default());
                        *f.annotations.borrow_mut() = d.clone();
                        Some(d)
                    } else {
                        Some(a)
                    }
                }
                "__dict__" => Some(Value::Obj(f.dict.clone())),
                "__builtins__" => Some(vm.new_dict(Default::default())),
                _ => None,
            },
            Obj::BoundMethod { func, slf } => match name {
                "__self__" => Some(slf.clone()),
                "__func__" => Some(Value::Obj(func.clone())),
                "__name__" | "__qualname__" | "__doc__" | "__module__" | "__code__" | "__defaults__" => {
                    let f = Value::Obj(func.clone());
                    return vm.getattr_opt(&f, name);
                }
                _ => None,
            },
            Obj::Native(n) => match name {
                "__name__" => Some(Value::str(n.name)),
                "__qualname__" => Some(Value::string(match n.owner {
                    Some(o) => format!("{o}.{}", n.name),
                    None => n.name.to_string(),
                })),
                // An unbound method descriptor has no receiver (AttributeError).
                "__self__" if n.owner.is_some() && n.slf.is_none() => None,
                "__self__" => Some(n.slf.clone().unwrap_or(Value::None)),
                "__objclass__" if n.slf.is_none() => n.owner.and_then(|o| crate::builtins::descr::owner_class(vm, o)).map(Value::Obj),
                "__doc__" => Some(Value::None),
                "__module__" => Some(if n.owner.is_some() { Value::None } else { Value::str("builtins") }),
                _ => None,
            },
            Obj::Exception(e) => match name {
                "args" => Some(e.args.borrow().clone()),
                "__cause__" => Some(opt(&e.cause.borrow())),
                "__context__" => Some(opt(&e.context.borrow())),
                "__traceback__" => Some(opt(&e.traceback.borrow())),
                "__suppress_context__" => Some(Value::Bool(e.suppress_context.get())),
                "__dict__" => Some(Value::obj(crate::object::NewObj::Dict(e.dict.clone()))),
                "value" if vm.isinstance(obj, &vm.exc_class("StopIteration")) => {
                    Some(crate::protocol::iter::stop_value(vm, &crate::vm::PyErr(obj.clone())))
                }
                "code" if vm.isinstance(obj, &vm.exc_class("SystemExit")) => {
                    let args = e.args.borrow().clone();
                    Some(match &args {
                        Value::Obj(t) => match t.view() {
                            Obj::Tuple(t) if t.len() == 1 => t[0].clone(),
                            Obj::Tuple(t) if t.is_empty() => Value::None,
                            _ => args.clone(),
                        },
                        _ => Value::None,
                    })
                }
                "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" | "print_file_and_line"
                    if vm.isinstance(obj, &vm.exc_class("SyntaxError")) =>
                {
                    crate::builtins::syntax_error::field(vm, e, name)?
                }
                "errno" | "strerror" | "filename" | "filename2" if vm.isinstance(obj, &vm.exc_class("OSError")) => Some(Value::None),
                _ => None,
            },
            Obj::WeakRef(w) => match name {
                "__callback__" => Some(w.callback()),
                "__dict__" => w.dict.clone().map(Value::Obj),
                _ => None,
            },
            Obj::Instance(i) => {
                if name == "__dict__" {
                    // Asking for the dict moves the instance to dict mode (shape.rs).
                    return Ok(i.dict().map(Value::Obj));
                }
                if name == "__weakref__" && crate::builtins::weakref::weakrefable(vm, obj) {
                    let first = crate::object::weakref::weakrefs_of(o).into_iter().next();
                    return Ok(Some(first.map(Value::Obj).unwrap_or(Value::None)));
                }
                None
            }
            Obj::Generator(g) => {
                use crate::interp::generator;
                let coroutine = g.generator().borrow().coroutine;
                let kind = name.get(..3);
                if matches!(kind, Some("gi_")) == coroutine && matches!(kind, Some("gi_" | "cr_")) {
                    return Ok(None);
                }
                match name {
                    "gi_frame" | "cr_frame" => Some(generator::frame_of(vm, obj)),
                    _ => {
                        let g = g.generator().borrow();
                        match name {
                            "__name__" => Some(g.name.clone()),
                            "__qualname__" => Some(g.qualname.clone()),
                            "gi_running" | "cr_running" => Some(Value::Bool(g.running)),
                            "gi_code" | "cr_code" => Some(crate::object::code::code_value(&g.code)),
                            "gi_suspended" | "cr_suspended" => Some(Value::Bool(
                                !g.running
                                    && g.frame.as_ref().is_some_and(|f| matches!(f.state, crate::interp::FrameState::Suspended)),
                            )),
                            "gi_yieldfrom" | "cr_await" => Some(generator::delegate(&g)),
                            "cr_origin" => Some(Value::None),
                            _ => None,
                        }
                    }
                }
            }
            Obj::AsyncGen(g) => {
                use crate::interp::generator;
                let ag = g.async_gen();
                match name {
                    "ag_frame" => Some(generator::frame_of(vm, obj)),
                    "ag_running" => Some(Value::Bool(ag.state.borrow().running_async)),
                    _ => {
                        let g = ag.gen.borrow();
                        match name {
                            "__name__" => Some(g.name.clone()),
                            "__qualname__" => Some(g.qualname.clone()),
                            "ag_code" => Some(crate::object::code::code_value(&g.code)),
                            "ag_await" => Some(generator::delegate(&g)),
                            _ => None,
                        }
                    }
                }
            }
            Obj::Code(c) => code_attr(vm, c, name),
            Obj::Cell(c) => match name {
                "cell_contents" => {
                    let v = c.borrow().clone();
                    if v.is_null() {
                        return Err(vm.value_error("Cell is empty"));
                    }
                    Some(v)
                }
                _ => None,
            },
            Obj::Slice { start, stop, step } => match name {
                "start" => Some(start.clone()),
                "stop" => Some(stop.clone()),
                "step" => Some(step.clone()),
                _ => None,
            },
            Obj::Range { start, stop, step } => match name {
                "start" => Some(Value::Int(*start)),
                "stop" => Some(Value::Int(*stop)),
                "step" => Some(Value::Int(*step)),
                _ => None,
            },
            Obj::Property { fget, fset, fdel, doc } => match name {
                "fget" => Some(fget.clone()),
                "fset" => Some(fset.clone()),
                "fdel" => Some(fdel.clone()),
                "__doc__" => Some(doc.clone()),
                _ => None,
            },
            Obj::ClassMethod(f) => match crate::builtins::descr::builtin_classmethod(f) {
                // A built-in type's class method (classmethod_descriptor).
                Some(n) => {
                    let owner = n.owner.unwrap_or("");
                    match name {
                        "__name__" => Some(Value::str(n.name)),
                        "__qualname__" => Some(Value::string(format!("{owner}.{}", n.name))),
                        "__objclass__" => crate::builtins::descr::owner_class(vm, owner).map(Value::Obj),
                        "__doc__" => Some(Value::None),
                        _ => None,
                    }
                }
                None => match name {
                    "__func__" | "__wrapped__" => Some(f.clone()),
                    _ => None,
                },
            },
            Obj::StaticMethod(f) => match name {
                "__func__" | "__wrapped__" => Some(f.clone()),
                _ => None,
            },
            Obj::Frame(pf) => return crate::protocol::frames::frame_getattr(vm, pf.pyframe(), name),
            Obj::AttrDescr(d) => crate::builtins::attrdescr::attr(vm, d.attr_descr(), name),
            Obj::Alias(a) => return crate::builtins::genericalias::attr(vm, a.alias(), name),
            Obj::LongRange(r) => crate::builtins::longrange::attr(r.long_range(), name),
            Obj::MemoryView(m) => return crate::builtins::memoryview::attr(vm, m.memory_view(), name),
            Obj::Traceback(tb) => match name {
                "tb_frame" => Some(tb.frame.clone()),
                "tb_next" => Some(tb.next.borrow().clone()),
                "tb_lineno" => Some(Value::Int(tb.lineno as i64)),
                "tb_lasti" => Some(Value::Int(tb.lasti as i64 * 2)),
                _ => None,
            },
            Obj::Module(m) => match name {
                "__dict__" => Some(Value::Obj(m.dict.clone())),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    Ok(v)
}

/// Names of the special attributes `special_getattr` serves for objects like `v`
/// (what CPython's getset and member descriptors add to `dir()`).
pub fn attr_names(v: &Value) -> &'static [&'static str] {
    let Value::Obj(o) = v else { return &[] };
    match o.view() {
        Obj::Code(_) => CODE_ATTRS,
        Obj::Frame(_) => crate::protocol::frames::FRAME_ATTRS,
        Obj::Generator(g) if g.generator().borrow().coroutine => COROUTINE_ATTRS,
        Obj::Generator(_) => GENERATOR_ATTRS,
        Obj::AsyncGen(_) => ASYNC_GENERATOR_ATTRS,
        _ => &[],
    }
}

const GENERATOR_ATTRS: &[&str] =
    &["__name__", "__qualname__", "gi_code", "gi_frame", "gi_running", "gi_suspended", "gi_yieldfrom"];
const ASYNC_GENERATOR_ATTRS: &[&str] = &["__name__", "__qualname__", "ag_await", "ag_code", "ag_frame", "ag_running"];
const COROUTINE_ATTRS: &[&str] =
    &["__name__", "__qualname__", "cr_await", "cr_code", "cr_frame", "cr_origin", "cr_running", "cr_suspended"];

/// The attributes `code_attr` serves.
pub const CODE_ATTRS: &[&str] = &[
    "co_name", "co_qualname", "co_filename", "co_firstlineno", "co_argcount", "co_posonlyargcount",
    "co_kwonlyargcount", "co_nlocals", "co_varnames", "co_cellvars", "co_freevars", "co_names", "co_consts",
    "co_flags", "co_stacksize", "co_code",
];

fn strs(vm: &Vm, v: &[Rc<str>]) -> Value {
    vm.new_tuple(v.iter().map(|s| Value::str(s)).collect())
}

fn code_attr(vm: &mut Vm, c: &Rc<crate::object::PyCode>, name: &str) -> Option<Value> {
    Some(match name {
        "co_name" => Value::str(&c.name),
        "co_qualname" => Value::str(&c.qualname),
        "co_filename" => Value::str(&c.filename),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.varnames.len() as i64),
        "co_varnames" => strs(vm, &c.varnames),
        "co_cellvars" => strs(vm, &c.cellvars),
        "co_freevars" => strs(vm, &c.freevars),
        "co_names" => strs(vm, &c.names),
        "co_consts" => vm.new_tuple(c.consts.to_vec()),
        "co_flags" => Value::Int(c.flags as i64),
        "co_stacksize" => Value::Int(c.stacksize as i64),
        "co_code" => Value::obj(crate::object::NewObj::Bytes(c.code_bytes())),
        _ => return None,
    })
}

/// Attributes every class has (`__name__`, `__mro__`, ...), after its MRO dicts.
pub fn class_special(vm: &mut Vm, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Obj::Class(c) = cls.view() else { return Ok(None) };
    Ok(Some(match name {
        "__name__" => Value::str(&c.name),
        "__qualname__" => Value::str(&c.qualname.borrow()),
        "__module__" => c.module.borrow().clone(),
        "__mro__" => vm.new_tuple(c.mro.borrow().iter().map(|k| Value::Obj(k.clone())).collect()),
        "__bases__" => {
            let bases: Vec<Value> = if c.bases.is_empty() && !ObjRef::ptr_eq(cls, &vm.types.object) {
                vec![Value::Obj(vm.types.object.clone())]
            } else {
                c.bases.iter().map(|b| Value::Obj(b.clone())).collect()
            };
            vm.new_tuple(bases)
        }
        "__base__" => match c.bases.first() {
            Some(b) => Value::Obj(b.clone()),
            None if ObjRef::ptr_eq(cls, &vm.types.object) => Value::None,
            None => Value::Obj(vm.types.object.clone()),
        },
        "__dict__" => {
            let d = Value::obj(crate::object::NewObj::Dict(std::cell::RefCell::new(c.dict.borrow().clone())));
            crate::builtins::mappingproxy::wrap(vm, d)
        }
        "__doc__" => Value::None,
        "__class__" => Value::Obj(vm.type_of(&Value::Obj(cls.clone()))),
        _ => return Ok(None),
    }))
}

/// Writable special attributes; `true` when handled.
pub fn special_setattr(vm: &mut Vm, obj: &Value, name: &str, v: &Value) -> PyResult<bool> {
    let Value::Obj(o) = obj else { return Ok(false) };
    match o.view() {
        Obj::Instance(i) if name == "__dict__" => {
            let Some(d) = v.as_obj().filter(|d| d.kind() == crate::object::Kind::Dict) else {
                return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(v))));
            };
            if !i.set_dict(d.clone()) {
                return Err(vm.attribute_error(format!("'{}' object has no attribute '__dict__'", vm.type_name(obj))));
            }
            Ok(true)
        }
        Obj::Function(f) => {
            if name == "__code__" {
                let code = match v {
                    Value::Obj(c) => match c.view() {
                        Obj::Code(c) => c.clone(),
                        _ => return Err(vm.type_error("__code__ must be set to a code object")),
                    },
                    _ => return Err(vm.type_error("__code__ must be set to a code object")),
                };
                let nclosure = f.closure.as_ref().map_or(0, |c| c.len());
                if code.freevars.len() != nclosure {
                    let name = f.name.borrow().as_str().unwrap_or("?").to_string();
                    return Err(vm.value_error(format!(
                        "{name}() requires a code object with {nclosure} free vars, not {}",
                        code.freevars.len()
                    )));
                }
                *f.code.borrow_mut() = code;
                return Ok(true);
            }
            // CPython's func_set_*: the type each slot takes.
            let kind_ok = |k: crate::object::Kind| matches!(v, Value::Obj(o) if o.kind() == k);
            let wants = match name {
                "__name__" | "__qualname__" if !kind_ok(crate::object::Kind::Str) => Some("a string"),
                "__defaults__" if !v.is_none() && !kind_ok(crate::object::Kind::Tuple) => Some("a tuple"),
                "__kwdefaults__" | "__annotations__" if !v.is_none() && !kind_ok(crate::object::Kind::Dict) => Some("a dict"),
                _ => None,
            };
            if let Some(w) = wants {
                return Err(vm.type_error(format!("{name} must be set to {w} object")));
            }
            let slot = match name {
                "__name__" => &f.name,
                "__qualname__" => &f.qualname,
                "__defaults__" => &f.defaults,
                "__kwdefaults__" => &f.kwdefaults,
                "__doc__" => &f.doc,
                "__module__" => &f.module,
                "__annotations__" => &f.annotations,
                _ => return Ok(false),
            };
            *slot.borrow_mut() = v.clone();
            Ok(true)
        }
        Obj::Exception(e) => {
            match name {
                "__cause__" => {
                    *e.cause.borrow_mut() = v.clone();
                    e.suppress_context.set(true);
                }
                "__context__" => *e.context.borrow_mut() = v.clone(),
                "__traceback__" => *e.traceback.borrow_mut() = v.clone(),
                "__suppress_context__" => e.suppress_context.set(vm.truthy(v)?),
                "args" => {
                    let items = vm.collect(v)?;
                    *e.args.borrow_mut() = vm.new_tuple(items);
                }
                _ => return Ok(false),
            }
            Ok(true)
        }
        Obj::Frame(pf) => crate::protocol::frames::frame_setattr(vm, pf.pyframe(), name, v),
        Obj::Cell(c) if name == "cell_contents" => {
            *c.borrow_mut() = v.clone();
            Ok(true)
        }
        _ => Ok(false),
    }
}
