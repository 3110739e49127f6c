//! pyhop-compiler: Python source -> [`CodeObject`]s made of 2-byte wordcode units.

pub mod bytecode;

pub use bytecode::{CodeObject, CodeUnit, Constant, Opcode};
