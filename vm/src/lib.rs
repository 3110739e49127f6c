//! pyhop-vm: the pyhop virtual machine — values and objects, frames, the dispatch
//! engines and their handlers, built-in types and modules.
//!
//! See `interp/mod.rs` for the handler contract, `value.rs` for the value
//! representation and `object/mod.rs` for the heap layout of every object kind.
//!
//! ## Layers: what each folder may import
//!
//! | layer | modules | may import (`crate::…`) |
//! | --- | --- | --- |
//! | floor | `value.rs`, `alloc.rs`, `object/` (heap, kinds, str, dict, shapes, instances, the collector, weak references, the finalizer queue) | each other, and `vm` for the `Vm` type that native functions receive |
//! | frames | `frame/` (frames, the frame pool, frame objects, generator state) | the floor |
//! | services | `format/`, `profile/` | the floor, `frame` |
//! | machine | `interp/` (engines, handlers), `protocol/` (the object protocols: attributes, calls, numbers, comparison, repr), `builtins/` (types and modules), `traceback.rs`, `run.rs`, `startup.rs` (finding the standard library, `sys.path`, `sys.flags`), `vm.rs` | anything |
//!
//! So the object layer is the floor of the house: it knows how objects are laid out,
//! counted, traversed and freed, never how Python code runs; upper layers plug their own
//! payloads into it through `object::heap::Foreign` (generators, frame objects).
//! `scripts/check_layers.py` enforces the first three rows and CI runs it.

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
pub mod startup;
pub mod traceback;
pub mod value;
pub mod vm;

pub use interp::Engine;
pub use value::Value;
pub use vm::{PyErr, PyResult, Vm};
