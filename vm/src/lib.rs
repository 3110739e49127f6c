//! pyhop-vm: the pyhop virtual machine — values and objects, frames, the dispatch
//! engines and their handlers, built-in types and modules.
//!
//! See `interp/mod.rs` for the handler contract and `value.rs` for the value
//! representation.

#![cfg_attr(feature = "become", feature(explicit_tail_calls))]
#![cfg_attr(feature = "become", allow(incomplete_features))]

pub mod alloc;
pub mod builtins;
pub mod format;
pub mod frame;
pub mod interp;
pub mod object;
pub mod profile;
pub mod protocol;
pub mod run;
pub mod traceback;
pub mod value;
pub mod vm;

pub use interp::Engine;
pub use value::Value;
pub use vm::{PyErr, PyResult, Vm};
