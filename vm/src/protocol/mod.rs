//! The object protocols the handlers and built-ins share: attributes, calls,
//! operators, subscripts, iteration, repr/str/hash, imports, and the cold paths of
//! handlers (`slow`).

pub mod attr;
pub mod call;
pub mod import;
pub mod frames;
pub mod iter;
pub mod numbers;
pub mod ops;
pub mod pattern;
pub mod repr;
pub mod slow;
pub mod special;
pub mod subscr;

/// The interpreter as the object layer's host (dict keys hash and compare through it).
impl crate::object::Host for crate::vm::Vm {
    #[inline]
    fn hash(&mut self, v: &crate::value::Value) -> crate::vm::PyResult<i64> {
        crate::vm::Vm::hash(self, v)
    }

    #[inline]
    fn eq(&mut self, a: &crate::value::Value, b: &crate::value::Value) -> crate::vm::PyResult<bool> {
        crate::vm::Vm::eq(self, a, b)
    }
}
