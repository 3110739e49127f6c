//! The object protocols the handlers and built-ins share: attributes, calls,
//! operators, subscripts, iteration, repr/str/hash, imports, and the cold paths of
//! handlers (`slow`).

pub mod attr;
pub mod call;
pub mod import;
pub mod iter;
pub mod ops;
pub mod repr;
pub mod slow;
pub mod special;
pub mod subscr;
