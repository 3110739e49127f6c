//! CPython-column-compatible disassembler (to be written).
