//! The contract between the compiler and the VM: code units, constants, code objects.
//!
//! A code object is plain data. The VM wraps it in its own runtime object (which adds
//! the zombie frame and other runtime state); nothing here knows about the VM.
//!
//! ## Exception handling: a 3.11-style exception table
//! Instead of CPython ≤3.10's block stack (`SETUP_FINALLY`/`POP_BLOCK` executed at run
//! time), each code object carries a table of `[start, end) -> handler` ranges. A try
//! block costs nothing until an exception is raised: then the VM finds the innermost
//! entry covering the faulting instruction, pops the value stack down to `depth`, pushes
//! the exception and jumps to `target`. The compiler tags every instruction it emits
//! with the handler that is active at that point of the source (handlers nest
//! lexically), and the assembler turns runs of equally tagged instructions into entries.

pub mod dis;
pub mod opcodes;

use std::fmt;
use std::rc::Rc;

pub use opcodes::{flag, Opcode, CMP_OPS, NOJUMP};

/// One 2-byte instruction unit: opcode byte, argument byte (CPython 3.6+ wordcode).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CodeUnit {
    pub op: u8,
    pub arg: u8,
}

impl CodeUnit {
    pub const fn new(op: Opcode, arg: u8) -> Self {
        CodeUnit { op: op as u8, arg }
    }
}

/// `co_flags` bits (CPython's values).
pub mod co_flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// A compile-time constant (`co_consts` entry).
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    Ellipsis,
}

impl PartialEq for Constant {
    /// Identity for deduplication in `co_consts`: `1`, `1.0` and `True` stay distinct,
    /// `0.0` and `-0.0` stay distinct, code objects compare by pointer.
    fn eq(&self, other: &Self) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: a, imag: b }, Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// One exception-table entry: instructions `start..end` (code-unit indices) are
/// protected by the handler at `target`, entered with the value stack cut to `depth`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// Where a code unit's expression ends, and its columns (0-based UTF-8 byte offsets).
/// `end_line == 0`: no columns (an artificial instruction).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// A compiled code object with CPython's `co_*` fields.
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    pub code: Vec<CodeUnit>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also an argument, the index of that argument in
    /// `varnames` (CPython's `cell2arg`); the VM moves the argument into the cell.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub firstlineno: u32,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    /// Source line of every code unit (same length as `code`); 0 = no line.
    pub lines: Vec<u32>,
    /// End line and start/end column of every code unit's expression (with `lines`,
    /// CPython 3.11's `co_positions`, for the `^^^` traceback markers).
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionEntry>,
    /// The docstring, when the body starts with one (also `consts[0]`, as in CPython).
    pub doc: Option<Rc<str>>,
}

impl CodeObject {
    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// The innermost handler covering the instruction at code-unit index `unit`.
    pub fn handler_for(&self, unit: u32) -> Option<&ExceptionEntry> {
        // Entries are emitted innermost-first for any nested range, so the first hit wins.
        self.exception_table.iter().find(|e| e.start <= unit && unit < e.end)
    }

    /// Source line of the instruction at code-unit index `unit`.
    pub fn line_of(&self, unit: usize) -> u32 {
        self.lines.get(unit).copied().unwrap_or(self.firstlineno)
    }

    /// Raw `co_code` bytes.
    pub fn code_bytes(&self) -> Vec<u8> {
        self.code.iter().flat_map(|u| [u.op, u.arg]).collect()
    }
}

impl fmt::Display for Constant {
    /// The `repr`-like rendering `dis` uses for constants.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => f.write_str("None"),
            Constant::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::BigInt(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{x:?}"),
            Constant::Complex { real, imag } => write!(f, "({real:?}+{imag:?}j)"),
            Constant::Str(s) => write!(f, "{s:?}"),
            Constant::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Constant::Tuple(items) => {
                f.write_str("(")?;
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{c}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Constant::Code(c) => write!(f, "<code object {}, file \"{}\", line {}>", c.name, c.filename, c.firstlineno),
            Constant::Ellipsis => f.write_str("Ellipsis"),
        }
    }
}
