//! `repr()`, `str()`, `ascii()`, `format()` and `hash()` with CPython's output.

use crate::format;
use crate::object::dict::{hash_bigint, hash_float, hash_int};
use crate::object::{Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Python's `repr` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character (approximation of Unicode categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs-except-space being non-printable).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) {
        return false;
    }
    if c == ' ' {
        return true;
    }
    if c.is_whitespace() {
        return false;
    }
    !matches!(n,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e
        | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xd800..=0xf8ff | 0xe0000..=0xe0fff
        | 0xf0000..=0x10ffff | 0xfdd0..=0xfdef | 0xfffe | 0xffff)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |x: f64| {
        let s = format::float_repr(x);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) || im.is_nan() && im.is_sign_negative() { "-" } else { "+" };
    format!("({}{}{}j)", fmt(re), sign, fmt(im.abs()))
}

impl Vm {
    pub fn class_path(&self, cls: &ObjRef) -> String {
        let Some(c) = cls.as_class() else { return "?".into() };
        let module = c.module.borrow().as_str().unwrap_or("builtins").to_string();
        if module == "builtins" {
            c.qualname.borrow().to_string()
        } else {
            format!("{module}.{}", c.qualname.borrow())
        }
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        Ok(Value::string(self.repr_string(v)?))
    }

    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        self.check_native_stack()?;
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format::float_repr(*f),
            Value::Obj(o) => {
                if let Some(f) = self.user_dunder(v, "__repr__") {
                    let r = self.call_dunder(&f, v, &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(self.type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r)))),
                    };
                }
                self.builtin_repr(v, o)?
            }
        })
    }

    fn builtin_repr(&mut self, v: &Value, o: &ObjRef) -> PyResult<String> {
        let addr = format!("0x{:012x}", v.id());
        Ok(match o.view() {
            Obj::Str(s) => str_repr(s.as_str()),
            Obj::Int(b) => self.int_to_decimal(b)?,
            Obj::Bytes(b) => bytes_repr(b),
            Obj::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
            Obj::Complex(re, im) => complex_repr(*re, *im),
            Obj::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr_string(&t[0])?)
                } else {
                    format!("({})", self.join_reprs(&t)?)
                }
            }
            Obj::List(l) => {
                if self.repr_enter(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Obj::Dict(d) => {
                if self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let items = d.borrow().items();
                let r = self.dict_body(&items);
                self.repr_leave();
                r?
            }
            Obj::Set(d) => {
                let keys = d.borrow().keys();
                if keys.is_empty() {
                    self.set_prefix(v, "set()")
                } else {
                    let body = format!("{{{}}}", self.join_reprs(&keys)?);
                    self.set_wrap(v, "set", body)
                }
            }
            Obj::FrozenSet(d) => {
                let keys = d.keys();
                if keys.is_empty() {
                    self.set_prefix(v, "frozenset()")
                } else {
                    let body = format!("{{{}}}", self.join_reprs(&keys)?);
                    self.set_wrap(v, "frozenset", body)
                }
            }
            Obj::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Obj::Slice { start, stop, step } => {
                let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                format!("slice({}, {}, {})", self.repr_string(&a)?, self.repr_string(&b)?, self.repr_string(&c)?)
            }
            Obj::Function(f) => format!("<function {} at {addr}>", f.qualname.borrow().as_str().unwrap_or("?")),
            Obj::BoundMethod { func, slf } => {
                let (func, slf) = (Value::Obj(func.clone()), slf.clone());
                let qn = self.getattr(&func, "__qualname__").ok().and_then(|q| q.as_str().map(String::from)).unwrap_or_default();
                format!("<bound method {qn} of {}>", self.repr_string(&slf)?)
            }
            Obj::Native(n) => crate::builtins::descr::native_repr(self, n)?,
            Obj::Class(_) => format!("<class '{}'>", self.class_path(o)),
            Obj::Instance(i) => {
                if !i.base().is_null() {
                    let b = i.base().clone();
                    let inner = self.repr_string(&b)?;
                    // Subclasses of built-ins repr like their base unless overridden.
                    return Ok(inner);
                }
                format!("<{} object at {addr}>", self.class_path(&i.class))
            }
            Obj::Exception(e) => {
                let name = e.class.as_class().map(|c| c.name.to_string()).unwrap_or_default();
                let args = e.args.borrow().clone();
                let inner = match &args {
                    Value::Obj(t) => match t.view() {
                        Obj::Tuple(t) if t.len() == 1 => self.repr_string(&t[0])?,
                        Obj::Tuple(t) => self.join_reprs(&t)?,
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                format!("{name}({inner})")
            }
            Obj::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Obj::Code(c) => format!("<code object {} at {addr}, file \"{}\", line {}>", c.name, c.filename, c.firstlineno),
            Obj::Cell(c) => {
                let inner = c.borrow().clone();
                if inner.is_null() {
                    format!("<cell at {addr}: empty>")
                } else {
                    format!("<cell at {addr}: {} object at 0x{:012x}>", self.type_name(&inner), inner.id())
                }
            }
            Obj::Generator(g) => {
                let g = g.generator().borrow();
                let qn = g.qualname.as_str().unwrap_or("?").to_string();
                let kind = if g.coroutine { "coroutine" } else { "generator" };
                format!("<{kind} object {qn} at {addr}>")
            }
            Obj::AsyncGen(g) => {
                let qn = g.async_gen().gen.borrow().qualname.as_str().unwrap_or("?").to_string();
                format!("<async_generator object {qn} at {addr}>")
            }
            Obj::AsyncGenAwaitable(a) => {
                format!("<{} object at {addr}>", crate::interp::async_gen::awaitable_type_name(a.ag_awaitable()))
            }
            Obj::Iter(st) => {
                let kind = crate::object::iter_type_name(&st.borrow());
                format!("<{kind} object at {addr}>")
            }
            Obj::Property { .. } => format!("<property object at {addr}>"),
            Obj::StaticMethod(_) => format!("<staticmethod object at {addr}>"),
            Obj::ClassMethod(f) => match crate::builtins::descr::builtin_classmethod(f) {
                Some(n) => format!("<method '{}' of '{}' objects>", n.name, n.owner.unwrap_or("")),
                None => format!("<classmethod object at {addr}>"),
            },
            Obj::Super { class, obj } => {
                let (c, ob) = (class.clone(), obj.clone());
                let cn = self.repr_string(&c)?;
                format!("<super: {cn}, <{} object>>", self.type_name(&ob))
            }
            Obj::DictView { dict, kind } => {
                let d = dict.clone();
                let items = self.collect(&Value::obj(crate::object::NewObj::DictView { dict: d, kind: *kind }))?;
                let name = match kind {
                    crate::object::ViewKind::Keys => "dict_keys",
                    crate::object::ViewKind::Values => "dict_values",
                    crate::object::ViewKind::Items => "dict_items",
                };
                format!("{name}([{}])", self.join_reprs(&items)?)
            }
            Obj::Traceback(_) => format!("<traceback object at {addr}>"),
            Obj::AttrDescr(d) => crate::builtins::attrdescr::repr(d.attr_descr()),
            Obj::Alias(a) => crate::builtins::genericalias::repr(self, a.alias())?,
            Obj::LongRange(r) => crate::builtins::longrange::repr(r.long_range()),
            Obj::MemoryView(m) => crate::builtins::memoryview::repr(m.memory_view(), &addr),
            Obj::Sre(_) => format!("<_sre state object at {addr}>"),
            Obj::Frame(pf) => { let pf = pf.pyframe(); format!(
                "<frame at {addr}, file '{}', line {}, code {}>",
                pf.code.filename,
                pf.lineno(),
                pf.code.name
            ) }
            Obj::WeakRef(w) => match w.get() {
                Some(r) => {
                    let rv = Value::Obj(r);
                    format!("<weakref at {addr}; to '{}' at 0x{:012x}>", self.type_name(&rv), rv.id())
                }
                None => format!("<weakref at {addr}; dead>"),
            },
            Obj::WeakProxy(w) => match w.get() {
                Some(r) => {
                    let rv = Value::Obj(r);
                    format!("<weakproxy at {addr}; to '{}' at 0x{:012x}>", self.type_name(&rv), rv.id())
                }
                None => format!("<weakproxy at {addr}; dead>"),
            },
            Obj::NotImplemented => "NotImplemented".into(),
            Obj::Ellipsis => "Ellipsis".into(),
        })
    }

    fn set_prefix(&self, v: &Value, s: &str) -> String {
        let _ = v;
        s.to_string()
    }

    fn set_wrap(&self, _v: &Value, name: &str, body: String) -> String {
        if name == "set" {
            body
        } else {
            format!("{name}({body})")
        }
    }

    pub(crate) fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.id();
        if self.none_repr_guard.contains(&id) {
            return true;
        }
        self.none_repr_guard.push(id);
        false
    }

    pub(crate) fn repr_leave(&mut self) {
        self.none_repr_guard.pop();
    }

    pub fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_string(x)?);
        }
        Ok(out)
    }

    pub fn dict_body(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_string(k)?);
            out.push_str(": ");
            out.push_str(&self.repr_string(v)?);
        }
        out.push('}');
        Ok(out)
    }

    /// Decimal string of a big int, with CPython 3.11's 4300-digit limit.
    pub fn int_to_decimal(&self, b: &num_bigint::BigInt) -> PyResult<String> {
        // bits * log10(2) estimates the digit count.
        if b.bits() > 14_300 {
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if digits > 4300 {
                return Err(self.value_error(
                    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                ));
            }
            return Ok(s);
        }
        Ok(b.to_string())
    }

    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Obj(o) if matches!(o.view(), Obj::Str(_)) => Ok(v.clone()),
            _ => Ok(Value::string(self.str_string(v)?)),
        }
    }

    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Obj(o) = v {
            if let Some(f) = self.user_dunder(v, "__str__") {
                let r = self.call_dunder(&f, v, &[])?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(self.type_error(format!("__str__ returned non-string (type {})", self.type_name(&r)))),
                };
            }
            match o.view() {
                Obj::Str(s) => return Ok(s.as_str().to_string()),
                Obj::Exception(e) => {
                    if self.isinstance(v, &self.exc_class("SyntaxError")) {
                        return crate::builtins::syntax_error::to_str(self, v);
                    }
                    if self.isinstance(v, &self.exc_class("UnicodeError")) {
                        if let Some(s) = crate::builtins::codecs::unicode_error::to_str(self, v)? {
                            return Ok(s);
                        }
                    }
                    if self.isinstance(v, &self.exc_class("OSError")) {
                        if let Some(s) = crate::builtins::oserror::to_str(self, v)? {
                            return Ok(s);
                        }
                    }
                    let args = e.args.borrow().clone();
                    let is_key_error = self.isinstance(v, &self.exc_class("KeyError"));
                    if let Value::Obj(t) = &args {
                        if let Obj::Tuple(t) = t.view() {
                            return match t.len() {
                                0 => Ok(String::new()),
                                1 if is_key_error => self.repr_string(&t[0]),
                                1 => self.str_string(&t[0]),
                                _ => self.repr_string(&args),
                            };
                        }
                    }
                    return Ok(String::new());
                }
                Obj::Instance(i) if !i.base().is_null() && self.user_dunder(v, "__repr__").is_none() => {
                    let b = i.base().clone();
                    return self.str_string(&b);
                }
                _ => {}
            }
        }
        self.repr_string(v)
    }

    pub fn ascii(&mut self, v: &Value) -> PyResult<Value> {
        let r = self.repr_string(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let n = c as u32;
            if n < 0x80 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(Value::string(out))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        if let Some(f) = self.user_dunder(v, "__format__") {
            let r = self.call_dunder(&f, v, &[Value::str(spec)])?;
            return match r.as_str() {
                Some(_) => Ok(r),
                None => Err(self.type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))),
            };
        }
        if spec.is_empty() {
            if let Value::Obj(o) = v {
                if matches!(o.view(), Obj::Instance(_)) && v.as_str().is_some() {
                    return Ok(Value::string(self.str_string(v)?));
                }
            }
        }
        let b = unwrap_base(v).clone();
        let res = match &b {
            Value::Bool(x) if spec.is_empty() => Ok(if *x { "True" } else { "False" }.to_string()),
            Value::Bool(x) => format::int_format_spec(&num_bigint::BigInt::from(*x as i64), spec),
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(Value::string(i.to_string()));
                }
                format::int_format_spec(&num_bigint::BigInt::from(*i), spec)
            }
            Value::Float(f) => format::float_format_spec(*f, spec),
            Value::Obj(o) => match o.view() {
                Obj::Int(n) => {
                    if spec.is_empty() {
                        return Ok(Value::string(self.int_to_decimal(n)?));
                    }
                    format::int_format_spec(n, spec)
                }
                Obj::Str(s) => format::str_format_spec(s.as_str(), spec),
                _ => {
                    if spec.is_empty() {
                        return self.str(v);
                    }
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )));
                }
            },
            _ => {
                if spec.is_empty() {
                    return self.str(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        match res {
            Ok(s) => Ok(Value::string(s)),
            Err(msg) => Err(self.value_error(msg)),
        }
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Null | Value::None => Ok(0x5f5e_1000),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(i) => Ok(hash_int(*i)),
            Value::Float(f) => Ok(hash_float(*f)),
            Value::Obj(o) => match o.view() {
                Obj::Str(s) => Ok(s.hash()),
                Obj::Int(b) => Ok(hash_bigint(b)),
                Obj::Tuple(t) => self.hash_tuple(&t),
                Obj::Bytes(b) => Ok(crate::object::dict::hash_str(&String::from_utf8_lossy(b))),
                Obj::FrozenSet(d) => Ok(crate::object::dict::frozenset_hash(d)),
                Obj::Range { start, step, .. } => {
                    // CPython's range_hash: hash((len, start, step)) with None for
                    // the parts that do not matter.
                    let n = crate::builtins::range::range_len(o) as i64;
                    let t = match n {
                        0 => vec![Value::Int(0), Value::None, Value::None],
                        1 => vec![Value::Int(1), Value::Int(*start), Value::None],
                        _ => vec![Value::Int(n), Value::Int(*start), Value::Int(*step)],
                    };
                    self.hash_tuple(&t)
                }
                Obj::Alias(a) => crate::builtins::genericalias::hash(self, a.alias()),
                Obj::LongRange(r) => crate::builtins::longrange::hash(self, r.long_range()),
                Obj::MemoryView(m) => crate::builtins::memoryview::hash(self, m.memory_view()),
                Obj::Complex(re, im) => Ok(hash_float(*re).wrapping_add(1000003i64.wrapping_mul(hash_float(*im)))),
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::ByteArray(_) | Obj::Slice { .. } => {
                    Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
                Obj::Instance(i) => {
                    let cls = i.class.clone();
                    if let Some(c) = cls.as_class() {
                        if let Some(Value::None) = c.lookup("__hash__") {
                            return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))));
                        }
                        match self.user_dunder(v, "__hash__") {
                            Some(f) => {
                                let r = self.call_dunder(&f, v, &[])?;
                                return match r {
                                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                    Value::Bool(b) => Ok(b as i64),
                                    _ => match &r {
                                        Value::Obj(x) if matches!(x.view(), Obj::Int(_)) => self.hash(&r),
                                        _ => Err(self.type_error("__hash__ method should return an integer")),
                                    },
                                };
                            }
                            None => {}
                        }
                    }
                    if !i.base().is_null() {
                        let b = i.base().clone();
                        return self.hash(&b);
                    }
                    Ok((v.id() >> 4) as i64)
                }
                Obj::WeakRef(_) => match self.user_dunder(v, "__hash__") {
                    Some(f) => {
                        let r = self.call_dunder(&f, v, &[])?;
                        self.index_value(&r)
                    }
                    None => crate::builtins::weakref::ref_hash(self, v),
                },
                Obj::WeakProxy(_) => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v)))),
                // CPython's method_hash: the receiver's identity and the function's hash.
                Obj::BoundMethod { func, slf } => {
                    let (func, id) = (Value::Obj(func.clone()), (slf.id() >> 4) as i64);
                    let h = self.hash(&func)? ^ id;
                    Ok(if h == -1 { -2 } else { h })
                }
                Obj::Exception(e) => {
                    let cls = e.class.clone();
                    if let Some(Value::None) = cls.as_class().and_then(|c| c.lookup("__hash__")) {
                        return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))));
                    }
                    Ok((v.id() >> 4) as i64)
                }
                _ => Ok((v.id() >> 4) as i64),
            },
        }
    }

    /// CPython's tuple hash (xxHash-based, 3.8+).
    fn hash_tuple(&mut self, t: &[Value]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for x in t {
            let lane = self.hash(x)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }
}
