//! The runtime code object: the compiler's plain-data `CodeObject` plus what only the
//! VM has — its constants as values (made once, shared by every call).

use std::ops::Deref;
use std::rc::Rc;

use pyhop_compiler::{CodeObject, Constant};

use crate::object::Obj;
use crate::value::Value;

pub struct PyCode {
    pub co: Rc<CodeObject>,
    pub consts: Box<[Value]>,
}

impl Deref for PyCode {
    type Target = CodeObject;
    #[inline(always)]
    fn deref(&self) -> &CodeObject {
        &self.co
    }
}

impl PyCode {
    pub fn new(co: Rc<CodeObject>) -> Rc<PyCode> {
        let consts = co.consts.iter().map(const_value).collect();
        Rc::new(PyCode { co, consts })
    }
}

/// The value of a compile-time constant.
pub fn const_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::obj(Obj::Complex(*real, *imag)),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::obj(Obj::Bytes(b.to_vec().into_boxed_slice())),
        Constant::Tuple(items) => Value::obj(Obj::Tuple(items.iter().map(const_value).collect())),
        Constant::Code(co) => Value::obj(Obj::Code(PyCode::new(co.clone()))),
        Constant::Ellipsis => Value::obj(Obj::Ellipsis),
    }
}
