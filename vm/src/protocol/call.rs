//! Calling: Python functions (argument binding into a new frame, generators),
//! bound methods, native functions, classes (`__new__` + `__init__`) and objects
//! with `__call__`. Also `MAKE_FUNCTION` and `__build_class__`.

use std::cell::RefCell;
use std::rc::Rc;

use pyhop_compiler::bytecode::co_flags;

use crate::frame::generator::Generator;
use crate::interp::{run_frame, Frame};
use crate::object::func::Args;
use crate::object::{Dict, Function, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        // A safe point: finalizers, weakref callbacks and collections run here.
        if crate::object::pending::breaker() {
            self.run_pending();
        }
        let Value::Obj(o) = callable else {
            return Err(self.type_error(format!("'{}' object is not callable", self.type_name(callable))));
        };
        match o.view() {
            Obj::Function(f) => self.call_function(o, f, args),
            Obj::Native(_) if self.hooks_on && !self.in_hook && !self.profilefunc.is_none() => {
                let f = callable.clone();
                crate::interp::trace::c_call(self, &f, "c_call")?;
                let r = self.call_native(o, args);
                let ev = if r.is_ok() { "c_return" } else { "c_exception" };
                crate::interp::trace::c_call(self, &f, ev)?;
                r
            }
            Obj::Native(_) => self.call_native(o, args),
            Obj::BoundMethod { func, slf } => {
                let mut all = Vec::with_capacity(args.args.len() + 1);
                all.push(slf.clone());
                all.extend_from_slice(args.args);
                let func = Value::Obj(func.clone());
                self.call(&func, Args { args: &all, kwnames: args.kwnames })
            }
            Obj::Class(_) => self.call_class(o, args),
            Obj::Alias(_) => crate::builtins::genericalias::call(self, callable, args),
            Obj::StaticMethod(f) => {
                let f = f.clone();
                self.call(&f, args)
            }
            Obj::WeakRef(w) if self.user_dunder(callable, "__call__").is_none() => {
                if !args.args.is_empty() {
                    return Err(self.type_error(format!("weakref expected 0 arguments, got {}", args.args.len())));
                }
                Ok(w.get().map(Value::Obj).unwrap_or(Value::None))
            }
            _ => match self.user_dunder(callable, "__call__") {
                Some(f) => {
                    let mut all = Vec::with_capacity(args.args.len() + 1);
                    all.push(callable.clone());
                    all.extend_from_slice(args.args);
                    self.call(&f, Args { args: &all, kwnames: args.kwnames })
                }
                // An instance of a GenericAlias subclass calls as the alias.
                None if crate::builtins::genericalias::generic_of(callable).is_some() => {
                    crate::builtins::genericalias::call(self, callable, args)
                }
                None => Err(self.type_error(format!("'{}' object is not callable", self.type_name(callable)))),
            },
        }
    }

    fn call_native(&mut self, o: &ObjRef, args: Args) -> PyResult<Value> {
        let Obj::Native(n) = o.view() else { return Err(self.type_error("not a native function")) };
        match &n.slf {
            None => (n.func)(self, args),
            Some(s) => {
                let mut all = Vec::with_capacity(args.args.len() + 1);
                all.push(s.clone());
                all.extend_from_slice(args.args);
                (n.func)(self, Args { args: &all, kwnames: args.kwnames })
            }
        }
    }

    pub fn call0(&mut self, f: &Value) -> PyResult<Value> {
        self.call(f, Args::new(&[]))
    }

    pub fn call1(&mut self, f: &Value, a: Value) -> PyResult<Value> {
        self.call(f, Args::new(&[a]))
    }

    /// `func(*args, **kwargs)` (CALL_FUNCTION_EX).
    pub fn call_ex(&mut self, func: &Value, args: &Value, kwargs: &Value) -> PyResult<Value> {
        let mut all = match args {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => t.to_vec(),
                Obj::List(l) => l.borrow().clone(),
                _ => self.collect(args)?,
            },
            _ => self.collect(args)?,
        };
        let mut names = Vec::new();
        if let Value::Obj(o) = kwargs {
            if let Obj::Dict(d) = o.view() {
                for (k, v) in d.borrow().items() {
                    if k.as_str().is_none() {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    names.push(k);
                    all.push(v);
                }
            }
        }
        self.call(func, Args { args: &all, kwnames: &names })
    }

    fn call_function(&mut self, fobj: &ObjRef, f: &Function, args: Args) -> PyResult<Value> {
        let code = f.code.borrow().clone();
        let storage = self.frame_pool.acquire(&code.zombie, code.frame_size);
        let mut frame = Frame::with_storage(code.clone(), f.globals.clone(), self.builtins.clone(), Value::Null, storage);
        if let Err(e) = self.bind_args(f, &mut frame, args) {
            self.frame_pool.release(&code.zombie, code.frame_size, frame.into_storage());
            return Err(e);
        }
        let _ = fobj;
        if code.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0 {
            let g = Generator {
                coroutine: code.flags & co_flags::COROUTINE != 0,
                frame: Some(Box::new(frame)),
                running: false,
                running_frame: std::ptr::null(),
                code: code.clone(),
                name: f.name.borrow().clone(),
                qualname: f.qualname.borrow().clone(),
                exc_state: Value::None,
            };
            if code.flags & co_flags::ASYNC_GENERATOR != 0 {
                let ag = crate::frame::generator::AsyncGen { gen: RefCell::new(g), state: RefCell::default() };
                return Ok(Value::Obj(crate::object::ObjRef::new_foreign(ag)));
            }
            return Ok(Value::Obj(crate::object::ObjRef::new_foreign(RefCell::new(g))));
        }
        let r = run_frame(self, &mut frame);
        self.frame_pool.release(&code.zombie, code.frame_size, frame.into_storage());
        r
    }

    /// Bind arguments to parameters (CPython's `initialize_locals`), then set up
    /// cells and frees.
    fn bind_args(&mut self, f: &Function, frame: &mut Frame, args: Args) -> PyResult<()> {
        // Fast path: exactly the positional parameters, nothing else to set up (no
        // Python code runs here, so the borrow of `__code__` cannot conflict).
        {
            let code = f.code.borrow();
            if code.simple_args && args.kwnames.is_empty() && args.args.len() == code.argcount as usize {
                let fast = frame.fast_mut();
                fast[..args.args.len()].clone_from_slice(args.args);
                if let Some(closure) = &f.closure {
                    let base = code.varnames.len();
                    for (i, c) in closure.iter().enumerate() {
                        fast[base + i] = c.clone();
                    }
                }
                return Ok(());
            }
        }
        let code = f.code.borrow().clone();
        // messages name the function by its __qualname__, as CPython's do
        let qualname = func_qualname(f, &code);
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & co_flags::VARARGS != 0;
        let has_varkw = code.flags & co_flags::VARKEYWORDS != 0;
        let pos = args.pos();
        let nlocals = code.varnames.len();
        let fast = frame.fast_mut();
        let n = pos.len().min(argcount);
        fast[..n].clone_from_slice(&pos[..n]);
        let mut idx = argcount + kwonly;
        if has_varargs {
            let extra = if pos.len() > argcount { pos[argcount..].to_vec() } else { Vec::new() };
            fast[idx] = self.new_tuple(extra);
            idx += 1;
        } else if pos.len() > argcount {
            return Err(self.too_many_positional(f, pos.len(), args));
        }
        let kwdict = if has_varkw {
            let d = Vm::dict_obj(Dict::new());
            frame.fast_mut()[idx] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        if kwdict.is_none() {
            let bad: Vec<&str> = args.kw().map(|(n, _)| n).filter(|n| code.varnames[..posonly].iter().any(|v| &**v == *n)).collect();
            if !bad.is_empty() {
                return Err(self.type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    qualname,
                    bad.join(", ")
                )));
            }
        }
        let fast = frame.fast_mut();
        for (name, value) in args.kw() {
            let found = code.varnames[..argcount + kwonly].iter().position(|v| &**v == name);
            match found {
                Some(i) if i >= posonly => {
                    if !fast[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{name}'",
                            qualname
                        )));
                    }
                    fast[i] = value.clone();
                }
                _ => match &kwdict {
                    Some(d) => {
                        if let Obj::Dict(d) = d.view() {
                            d.borrow_mut().insert_str(name, value.clone());
                        }
                    }
                    None => {
                        if let Some(i) = found {
                            return Err(self.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qualname, code.varnames[i]
                            )));
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{name}'",
                            qualname
                        )));
                    }
                },
            }
        }
        // Defaults for missing positional parameters.
        let fast = frame.fast_mut();
        if pos.len() < argcount {
            let defaults: Vec<Value> = match &*f.defaults.borrow() {
                Value::Obj(o) => match o.view() {
                    Obj::Tuple(t) => t.to_vec(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            let first_default = argcount.saturating_sub(defaults.len());
            let mut missing = Vec::new();
            for i in pos.len()..argcount {
                if fast[i].is_null() {
                    if i >= first_default {
                        fast[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(code.varnames[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(&qualname, "positional", &missing));
            }
        }
        if kwonly > 0 {
            let kwdefaults = f.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argcount..argcount + kwonly {
                if fast[i].is_null() {
                    let d = match &kwdefaults {
                        Value::Obj(o) => match o.view() {
                            Obj::Dict(d) => d.borrow().get_str(&code.varnames[i]),
                            _ => None,
                        },
                        _ => None,
                    };
                    match d {
                        Some(v) => fast[i] = v,
                        None => missing.push(code.varnames[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(&qualname, "keyword-only", &missing));
            }
        }
        // Cells (an argument that is a cell moves into it) and frees.
        for (ci, arg) in code.cell2arg.iter().enumerate().take(code.cellvars.len()) {
            let init = match arg {
                Some(a) => fast[*a as usize].clone(),
                None => Value::Null,
            };
            fast[nlocals + ci] = Value::obj(crate::object::NewObj::Cell(RefCell::new(init)));
        }
        for ci in code.cell2arg.len()..code.cellvars.len() {
            fast[nlocals + ci] = Value::obj(crate::object::NewObj::Cell(RefCell::new(Value::Null)));
        }
        if let Some(closure) = &f.closure {
            let base = nlocals + code.cellvars.len();
            for (i, c) in closure.iter().enumerate() {
                if base + i < fast.len() {
                    fast[base + i] = c.clone();
                }
            }
        }
        Ok(())
    }

    #[cold]
    fn too_many_positional(&self, f: &Function, given: usize, args: Args) -> crate::vm::PyErr {
        let code = f.code.borrow().clone();
        let qualname = func_qualname(f, &code);
        let argcount = code.argcount as usize;
        let ndefaults = match &*f.defaults.borrow() {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => t.len(),
                _ => 0,
            },
            _ => 0,
        };
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let kw_given = args.kw().filter(|(n, _)| code.varnames[argcount..].iter().any(|v| &**v == *n)).count();
        let given_s = if kw_given > 0 {
            format!(
                "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                if given == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given} {} given", if given == 1 { "was" } else { "were" })
        };
        self.type_error(format!("{}() takes {takes} but {given_s}", qualname))
    }

    #[cold]
    fn missing_args(&self, qualname: &str, kind: &str, names: &[Rc<str>]) -> crate::vm::PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        self.type_error(format!(
            "{qualname}() missing {} required {kind} argument{}: {list}",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        ))
    }

    /// MAKE_FUNCTION.
    #[allow(clippy::too_many_arguments)]
    pub fn make_function(
        &mut self,
        code: Value,
        qualname: Value,
        globals: ObjRef,
        defaults: Value,
        kwdefaults: Value,
        annotations: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let Value::Obj(co) = &code else { return Err(self.type_error("code object expected")) };
        let Obj::Code(code) = co.view() else { return Err(self.type_error("code object expected")) };
        let closure = match &closure {
            Value::Obj(o) => match o.view() {
                Obj::Tuple(t) => Some(Box::<[Value]>::from(t)),
                _ => None,
            },
            _ => None,
        };
        // The closure fills the free-variable slots exactly (compiled code always
        // matches; replaced bytecode might not).
        let nclosure = closure.as_ref().map_or(0, |c| c.len());
        if nclosure != code.freevars.len() {
            return Err(self.value_error(format!(
                "{} requires closure of length {}, not {nclosure}",
                code.name,
                code.freevars.len()
            )));
        }
        let module = match globals.view() {
            Obj::Dict(d) => d.borrow().get_str("__name__").unwrap_or(Value::None),
            _ => Value::None,
        };
        let doc = match code.doc.as_ref() {
            Some(d) => Value::str(d),
            None => Value::None,
        };
        let f = Function {
            code: RefCell::new(code.clone()),
            globals,
            name: RefCell::new(Value::str(&code.name)),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            dict: Vm::dict_obj(Dict::new()),
            annotations: RefCell::new(annotations),
            doc: RefCell::new(doc),
            module: RefCell::new(module),
        };
        Ok(Value::obj(crate::object::NewObj::Function(f)))
    }

    /// Run a class body function with `ns` as its local namespace.
    pub fn run_class_body(&mut self, func: &Value, ns: &Value) -> PyResult<Value> {
        let Value::Obj(fo) = func else { return Err(self.type_error("__build_class__: func must be a function")) };
        let Obj::Function(f) = fo.view() else { return Err(self.type_error("__build_class__: func must be a function")) };
        let mut frame = Frame::new(f.code.borrow().clone(), f.globals.clone(), self.builtins.clone(), ns.clone());
        self.bind_args(f, &mut frame, Args::new(&[]))?;
        run_frame(self, &mut frame)
    }
}

/// A function's `__qualname__` (which code may reassign, as `namedtuple` does), else
/// its code's.
fn func_qualname(f: &Function, code: &crate::object::PyCode) -> Rc<str> {
    match f.qualname.borrow().as_str() {
        Some(q) => q.into(),
        None => code.qualname.clone(),
    }
}
