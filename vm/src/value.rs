//! The value representation.
//!
//! Small immediates are unboxed: `None`, `bool`, an `int` that fits in `i64` and every
//! `float` live in the 16-byte [`Value`] itself; everything else is a reference-counted
//! heap object ([`ObjRef`], see `object/`). CPython boxes every int outside -5..256 and every float; this
//! is where pyhop is structurally ahead of it. Integer arithmetic that overflows `i64`
//! promotes transparently to a big integer (a `Kind::Int` object), and big results that fit in
//! `i64` are demoted again ([`Value::from_bigint`]), so an int has one canonical form.
//!
//! The tag is a full `u64` (`#[repr(u64)]`), so a value is two machine words with no
//! padding between tag and payload. With the default one-byte tag, LLVM copied the seven
//! padding bytes of an immediate as separate 4-byte moves through the stack, and the next
//! handler's loads overlapped those stores without being forwarded from them:
//! `benches/suite/int_loop.py` ran at 0.65 s (switch) / 0.44 s (tail) with a one-byte tag
//! and 0.22 s / 0.22 s with the word tag, for the same instruction count
//! (perf/results/2026-12-02-objects-suite.md).
//!
//! `Value::Null` is never visible to Python code: it marks an unbound local (as
//! CPython's NULL in `localsplus`) and the "no method" slot that `LOAD_METHOD` pushes.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{NewObj, Obj, ObjRef};

#[derive(Default)]
#[repr(u64)]
pub enum Value {
    /// Internal marker: unbound local / no method. Never reaches Python code.
    #[default]
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl Clone for Value {
    /// Immediates are copied bit for bit; only heap objects touch a reference count.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(o.clone()),
            // SAFETY: every other variant is plain data without drop glue.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

impl Value {
    /// A new object from its contents.
    #[inline]
    pub fn obj(o: NewObj) -> Value {
        Value::Obj(o.alloc())
    }

    /// A new tuple.
    #[inline]
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Obj(crate::object::kinds::new_tuple(items))
    }

    /// A new tuple copied from a slice.
    #[inline]
    pub fn tuple_from(items: &[Value]) -> Value {
        Value::Obj(crate::object::kinds::new_tuple_from(items))
    }

    /// A new list.
    #[inline]
    pub fn list(items: Vec<Value>) -> Value {
        Value::obj(NewObj::List(std::cell::RefCell::new(items)))
    }

    /// The canonical int for a big integer: `Int` when it fits in i64.
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::obj(NewObj::Int(b)),
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython; every i64 is "the same object" here.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => ObjRef::ptr_eq(a, b),
            _ => false,
        }
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The str payload, when this is an exact or subclassed str.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => o.as_str(),
            _ => None,
        }
    }

    /// A pointer identity usable as `id()`.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.addr(),
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(1),
            Value::Float(f) => (f.to_bits() as usize) | 3,
            Value::Bool(b) => 0x10 + *b as usize,
            Value::None => 0x20,
            Value::Null => 0,
        }
    }

    /// An int value (bool counts) as a big integer, for the slow paths.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::Obj(o) => match o.view() {
                Obj::Int(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Obj(crate::object::PyStr::alloc(s))
    }

    pub fn string(s: String) -> Value {
        Value::Obj(crate::object::PyStr::alloc(&s))
    }

    /// The str payload of an exact str.
    #[inline]
    pub fn as_pystr(&self) -> Option<crate::object::PyStr<'_>> {
        match self {
            Value::Obj(o) => o.as_pystr(),
            _ => None,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}
