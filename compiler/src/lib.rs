//! pyhop-compiler: Python source -> [`CodeObject`]s made of 2-byte wordcode units.
//!
//! Pipeline (CPython's `compile()` split into one file per stage):
//! [`parse`] (rustpython-parser, errors translated to CPython's messages) →
//! [`symtable`] (scopes and name kinds) → [`codegen`] (AST → labelled instructions,
//! each tagged with its line and innermost exception handler) → [`peephole`] →
//! [`assemble`] (labels, `EXTENDED_ARG`, stack depth, exception and line tables).

pub mod anchors;
pub mod assemble;
pub mod bytecode;
pub mod codegen;
pub mod parse;
pub mod peephole;
pub mod symtable;

use std::fmt;
use std::rc::Rc;

pub use bytecode::{CodeObject, CodeUnit, Constant, Opcode};

/// What `compile()` is asked to produce (CPython's `mode` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements, falls off the end returning None.
    Exec,
    /// One expression whose value is returned.
    Eval,
    /// One interactive statement: expression statements print their value.
    Single,
}

/// The Python exception class of a [`CompileError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting too deep to compile (CPython: "maximum recursion depth exceeded during
    /// compilation"); raised as RecursionError, not SyntaxError.
    RecursionError,
}

impl ErrorKind {
    /// The exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// A `SyntaxError` (or subclass) with CPython's attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column in characters.
    pub offset: u32,
    /// The source line, when known.
    pub text: Option<String>,
    pub end_lineno: u32,
    /// 1-based end column; CPython reports -1 for some indentation errors.
    pub end_offset: i32,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({}, line {})", self.kind.name(), self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for CompileError {}

/// Compiles `source` into a code object named `<module>` (CPython's `compile()`).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, CompileError> {
    let parsed = parse::parse(source, filename, mode)?;
    let table = symtable::SymbolTable::build(&parsed, &parsed.index, filename)?;
    codegen::compile_program(&parsed, &table, filename, mode)
}
