//! Execution profiles: DXP opcode and opcode-pair counts.

pub mod dxp;
