//! `import`: `sys.modules`, native modules, the embedded pure-Python standard
//! library (`vm/lib/*.py`, compiled into the binary), then `.py` files and packages
//! on `sys.path`.

use std::rc::Rc;

use pyhop_compiler::{compile, CompileError, Mode};

use crate::interp::{run_frame, Frame};
use crate::object::{Dict, Module, Obj, ObjRef, PyCode};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

include!(concat!(env!("OUT_DIR"), "/stdlib.rs"));

/// Source of an embedded standard-library module.
pub fn stdlib_source(name: &str) -> Option<&'static str> {
    STDLIB.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

impl Vm {
    pub fn new_module(&self, name: &str, file: Option<&str>) -> Value {
        let mut d = Dict::new();
        d.insert_str("__name__", Value::str(name));
        d.insert_str("__doc__", Value::None);
        d.insert_str("__package__", Value::str(name.rsplit_once('.').map(|p| p.0).unwrap_or("")));
        if let Some(f) = file {
            d.insert_str("__file__", Value::str(f));
        }
        d.insert_str("__builtins__", Value::Obj(self.builtins.clone()));
        Value::obj(crate::object::NewObj::Module(Module { name: name.into(), dict: Vm::dict_obj(d) }))
    }

    pub fn module_dict(m: &Value) -> Option<ObjRef> {
        match m {
            Value::Obj(o) => match o.view() {
                Obj::Module(m) => Some(m.dict.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// A `SyntaxError` (or subclass) object from a compile error.
    pub fn syntax_error(&mut self, e: &CompileError) -> PyErr {
        if e.kind == pyhop_compiler::ErrorKind::RecursionError {
            return self.err("RecursionError", e.msg.clone());
        }
        let cls = self.exc_class(e.kind.name());
        let details = self.new_tuple(vec![
            Value::str(&e.filename),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            // The source line as the tokenizer read it: with its newline, as CPython's.
            match &e.text {
                Some(t) if t.ends_with('\n') => Value::str(t),
                Some(t) => Value::string(format!("{t}\n")),
                None => Value::None,
            },
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset as i64),
        ]);
        PyErr(self.new_exception(cls, vec![Value::str(&e.msg), details]))
    }

    pub fn compile_source(&mut self, src: &str, filename: &str, mode: Mode) -> PyResult<Rc<PyCode>> {
        match compile(src, filename, mode) {
            Ok(co) => Ok(PyCode::new(co)),
            Err(e) => Err(self.syntax_error(&e)),
        }
    }

    /// Run a code object with `globals` as globals and `locals` as the namespace.
    pub fn run_code(&mut self, code: Rc<PyCode>, globals: ObjRef, locals: Value) -> PyResult<Value> {
        let builtins = self.builtins.clone();
        let mut frame = Frame::new(code, globals, builtins, locals);
        run_frame(self, &mut frame)
    }

    /// Execute `src` as the module `m` (already in `sys.modules`).
    fn exec_module(&mut self, m: &Value, src: &str, filename: &str) -> PyResult<()> {
        let code = self.compile_source(src, filename, Mode::Exec)?;
        let Value::Obj(mo) = m else { return Ok(()) };
        let Obj::Module(module) = mo.view() else { return Ok(()) };
        let d = module.dict.clone();
        self.run_code(code, d.clone(), Value::Obj(d)).map(|_| ())
    }

    fn sys_modules_get(&self, name: &str) -> Option<Value> {
        match self.modules.view() {
            Obj::Dict(d) => d.borrow().get_str(name),
            _ => None,
        }
    }

    fn sys_modules_set(&self, name: &str, m: Value) {
        if let Obj::Dict(d) = self.modules.view() {
            d.borrow_mut().insert_str(name, m);
        }
    }

    fn sys_modules_del(&self, name: &str) {
        if let Obj::Dict(d) = self.modules.view() {
            d.borrow_mut().remove_str(name);
        }
    }

    /// Import one absolute dotted name (parents first); returns the module.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_get(name) {
            return Ok(m);
        }
        let (parent, leaf) = match name.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, name),
        };
        let search: Vec<String> = match parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                if let Some(m) = self.sys_modules_get(name) {
                    return Ok(m);
                }
                match self.getattr_opt(&pm, "__path__")? {
                    Some(path) => self.collect(&path)?.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
                    None => return Err(self.module_not_found(name)),
                }
            }
            None => self.sys_path(),
        };
        if parent.is_none() {
            if let Some(m) = crate::builtins::modules::native_module(self, name)? {
                self.sys_modules_set(name, m.clone());
                return Ok(m);
            }
            if let Some(src) = stdlib_source(name) {
                let m = self.new_module(name, None);
                self.sys_modules_set(name, m.clone());
                if let Err(e) = self.exec_module(&m, src, &format!("<pyhop-lib>/{name}.py")) {
                    self.sys_modules_del(name);
                    return Err(e);
                }
                return Ok(self.sys_modules_get(name).unwrap_or(m));
            }
        }
        for dir in search {
            let base = if dir.is_empty() { ".".to_string() } else { dir };
            let pkg_init = format!("{base}/{leaf}/__init__.py");
            let file = format!("{base}/{leaf}.py");
            let (path, is_pkg) = if std::path::Path::new(&pkg_init).is_file() {
                (pkg_init, true)
            } else if std::path::Path::new(&file).is_file() {
                (file, false)
            } else {
                continue;
            };
            let src = std::fs::read_to_string(&path)
                .map_err(|e| self.err("ImportError", format!("cannot read {path}: {e}")))?;
            let m = self.new_module(name, Some(&path));
            if is_pkg {
                let pdir = format!("{base}/{leaf}");
                let pl = self.new_list(vec![Value::str(&pdir)]);
                self.setattr(&m, "__path__", pl)?;
                self.setattr(&m, "__package__", Value::str(name))?;
            }
            self.sys_modules_set(name, m.clone());
            if let Err(e) = self.exec_module(&m, &src, &path) {
                self.sys_modules_del(name);
                return Err(e);
            }
            let m = self.sys_modules_get(name).unwrap_or(m);
            if let Some(p) = parent {
                if let Some(pm) = self.sys_modules_get(p) {
                    self.setattr(&pm, leaf, m.clone())?;
                }
            }
            return Ok(m);
        }
        Err(self.module_not_found(name))
    }

    /// `e` is the ModuleNotFoundError for `name` itself (not for a module it imports).
    fn is_module_not_found(&self, e: &PyErr, name: &str) -> bool {
        if !self.isinstance(&e.0, &self.exc_class("ModuleNotFoundError")) {
            return false;
        }
        match &e.0 {
            Value::Obj(o) => match o.view() {
                Obj::Exception(x) => x.dict.borrow().get_str("name").is_some_and(|n| n.as_str() == Some(name)),
                _ => false,
            },
            _ => false,
        }
    }

    #[cold]
    fn module_not_found(&self, name: &str) -> PyErr {
        let e = self.err("ModuleNotFoundError", format!("No module named '{name}'"));
        if let Value::Obj(o) = &e.0 {
            if let Obj::Exception(x) = o.view() {
                x.dict.borrow_mut().insert_str("name", Value::str(name));
            }
        }
        e
    }

    /// `sys.path`'s str entries (`vm.path` if `sys.path` is gone).
    pub fn sys_path(&mut self) -> Vec<String> {
        let path = match self.sys.view() {
            Obj::Module(m) => m.d().borrow().get_str("path"),
            _ => None,
        };
        match path {
            Some(p) => self.collect(&p).unwrap_or_default().iter().filter_map(|v| v.as_str().map(String::from)).collect(),
            None => self.path.clone(),
        }
    }

    /// IMPORT_NAME.
    pub fn import_name(&mut self, name: &str, fromlist: &Value, level: &Value, globals: &ObjRef) -> PyResult<Value> {
        let level = match level {
            Value::Int(i) => *i,
            _ => 0,
        };
        let abs = if level > 0 {
            let package = match globals.view() {
                Obj::Dict(d) => {
                    let d = d.borrow();
                    match d.get_str("__package__").and_then(|p| p.as_str().map(String::from)) {
                        Some(p) if !p.is_empty() => p,
                        _ => d.get_str("__name__").and_then(|n| n.as_str().map(String::from)).unwrap_or_default(),
                    }
                }
                _ => String::new(),
            };
            let mut parts: Vec<&str> = if package.is_empty() { vec![] } else { package.split('.').collect() };
            for _ in 1..level {
                if parts.pop().is_none() {
                    return Err(self.err("ImportError", "attempted relative import beyond top-level package"));
                }
            }
            if parts.is_empty() {
                return Err(self.err("ImportError", "attempted relative import with no known parent package"));
            }
            let base = parts.join(".");
            if name.is_empty() {
                base
            } else {
                format!("{base}.{name}")
            }
        } else {
            name.to_string()
        };
        let m = self.import_module(&abs)?;
        let has_fromlist = !fromlist.is_none() && self.truthy(fromlist)?;
        if has_fromlist || !abs.contains('.') || level > 0 {
            return Ok(m);
        }
        let top = abs.split('.').next().unwrap_or(&abs).to_string();
        self.import_module(&top)
    }

    /// IMPORT_FROM.
    pub fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let mname = self.getattr_opt(m, "__name__")?.and_then(|n| n.as_str().map(String::from)).unwrap_or_default();
        let full = format!("{mname}.{name}");
        match self.import_module(&full) {
            Ok(sub) => return Ok(sub),
            // Only "no such submodule" becomes "cannot import name"; an error while
            // running the submodule propagates, as in CPython.
            Err(e) if !self.is_module_not_found(&e, &full) => return Err(e),
            Err(_) => {}
        }
        let file = self.getattr_opt(m, "__file__")?.and_then(|n| n.as_str().map(String::from));
        let msg = match &file {
            Some(f) => format!("cannot import name '{name}' from '{mname}' ({f})"),
            None => format!("cannot import name '{name}' from '{mname}' (unknown location)"),
        };
        let e = self.err("ImportError", msg);
        if let Value::Obj(o) = &e.0 {
            if let Obj::Exception(x) = o.view() {
                let mut d = x.dict.borrow_mut();
                d.insert_str("name", Value::str(&mname));
                d.insert_str("path", file.as_deref().map(Value::str).unwrap_or(Value::None));
            }
        }
        Err(e)
    }
}
