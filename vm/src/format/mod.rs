//! CPython 3.11-compatible text formatting of numbers and strings.
//!
//! Mirrors the behaviour of `Python/formatter_unicode.c` (the format-spec
//! mini-language used by `format()` / `__format__`), `Python/pystrtod.c`
//! (`repr(float)` and `PyOS_double_to_string`), `Objects/floatobject.c`
//! (`round(float, n)`) and `Objects/longobject.c` (`bin`/`oct`/`hex`,
//! `int(str, base)`).
//!
//! Every function is pure: errors are returned as the exact message CPython
//! puts in its exception (almost always a `ValueError`; exceptions to that
//! rule are documented on the function).

pub mod float;
pub mod int;
pub mod spec;

pub use float::{
    double_to_string, float_format_spec, float_repr, float_round, float_round_checked, format_exp,
    format_fixed, format_float, format_general, round_half_even, DtoaFlags,
};
pub use int::{format_int, int_format_spec, int_to_str_radix, parse_int_literal};
pub use spec::{
    format_str, pad, parse_spec, parse_spec_for, str_format_spec, Align, FormatSpec, Sign,
};
