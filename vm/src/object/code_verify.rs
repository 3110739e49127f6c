//! Checking replacement bytecode (`code.replace(co_code=...)`) before the VM runs it.
//!
//! The interpreter trusts the compiler's output: it indexes `co_consts`, `co_names`,
//! the locals and the cells by instruction argument without bounds checks, pops and
//! peeks the value stack without underflow checks, and keeps the stack inside the
//! frame's `co_stacksize` slots. Code from Python must therefore satisfy the same
//! invariants, which [`verify`] establishes:
//!
//! - every unit holds an opcode, and the last instruction's `EXTENDED_ARG` prefixes are
//!   followed by an instruction;
//! - arguments index inside their tables (`CONST`, `NAME`, `LOCAL`, `FREE` flags);
//! - jump targets and exception handlers start an instruction (not inside an
//!   `EXTENDED_ARG` run, whose argument would then be lost);
//! - along every path (jumps, fall-through, exception edges) the stack depth is the
//!   same at each instruction, never goes below zero, covers what the instruction
//!   peeks at, and control never runs past the last unit. (A handler is entered at
//!   its own depth: the VM pads the stack with None should a raising instruction
//!   have left less, see `Frame::cut_to_handler`.)
//!
//! It returns the maximum depth, which becomes the code's stack size.

use pyhop_compiler::bytecode::opcodes::flag;
use pyhop_compiler::{CodeObject, Opcode};

/// One decoded instruction: units `start..=op_unit` (its `EXTENDED_ARG` prefixes, then
/// the opcode), with the combined argument.
struct Instr {
    start: usize,
    op_unit: usize,
    op: Opcode,
    arg: u32,
}

/// Largest argument accepted for an instruction that is not a jump (keeps the stack
/// arithmetic far from overflow; no real instruction comes near it).
const MAX_ARG: u32 = 1 << 24;

fn decode(co: &CodeObject) -> Result<Vec<Instr>, String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut arg: u32 = 0;
    for (i, u) in co.code.iter().enumerate() {
        let op = Opcode::from_u8(u.op).ok_or_else(|| format!("unknown opcode {} at offset {}", u.op, 2 * i))?;
        // Quickened forms take a cache index that only quickening makes.
        if op.is_specialised() {
            return Err(format!("{} at offset {} is a quickened form, not compiler output", op.name(), 2 * i));
        }
        arg = (arg << 8) | u.arg as u32;
        if op == Opcode::ExtendedArg {
            if i - start >= 3 {
                return Err(format!("too many EXTENDED_ARG prefixes at offset {}", 2 * i));
            }
            continue;
        }
        out.push(Instr { start, op_unit: i, op, arg });
        start = i + 1;
        arg = 0;
    }
    if start != co.code.len() {
        return Err("co_code ends with EXTENDED_ARG".into());
    }
    Ok(out)
}

/// Check `co` (see the module doc); `Ok(max_stack_depth)` or a description of the fault.
pub fn verify(co: &CodeObject) -> Result<u32, String> {
    if co.code.is_empty() {
        return Err("co_code is empty".into());
    }
    let instrs = decode(co)?;
    // The instruction starting at each unit, if one does.
    let mut at_unit = vec![usize::MAX; co.code.len() + 1];
    for (k, ins) in instrs.iter().enumerate() {
        at_unit[ins.start] = k;
    }
    let target = |unit: u32, what: &str| -> Result<usize, String> {
        match at_unit.get(unit as usize) {
            Some(&k) if k != usize::MAX => Ok(k),
            _ => Err(format!("{what} target {} is not the start of an instruction", 2 * unit as u64)),
        }
    };
    let ncells = co.cellvars.len() + co.freevars.len();
    for ins in &instrs {
        let (op, arg) = (ins.op, ins.arg);
        let f = op.flags();
        let limit = |n: usize, what: &str| -> Result<(), String> {
            if (arg as usize) < n {
                Ok(())
            } else {
                Err(format!("{} argument {arg} out of range for {what} of length {n}", op.name()))
            }
        };
        if f & flag::JUMP == 0 && arg > MAX_ARG {
            return Err(format!("{} argument {arg} too large", op.name()));
        }
        if f & flag::CONST != 0 {
            limit(co.consts.len(), "co_consts")?;
        }
        if f & flag::NAME != 0 {
            limit(co.names.len(), "co_names")?;
        }
        if f & flag::LOCAL != 0 {
            limit(co.varnames.len(), "co_varnames")?;
        }
        if f & flag::FREE != 0 {
            limit(ncells, "the cell and free variables")?;
        }
        if f & flag::JUMP != 0 {
            target(arg, "jump")?;
        }
        if matches!(op, Opcode::Copy | Opcode::Swap) && arg == 0 {
            return Err(format!("{} argument must be at least 1", op.name()));
        }
        // The handler pops start and stop whatever the argument says.
        if op == Opcode::BuildSlice && !(2..=3).contains(&arg) {
            return Err(format!("BUILD_SLICE argument must be 2 or 3, not {arg}"));
        }
    }
    for e in &co.exception_table {
        if e.start > e.end || e.end as usize > co.code.len() {
            return Err("exception table entry outside the code".into());
        }
        target(e.target, "exception handler")?;
    }

    // Stack depths by abstract interpretation over instructions.
    let mut depth: Vec<Option<u32>> = vec![None; instrs.len()];
    let mut work = vec![0usize];
    depth[0] = Some(0);
    let mut max = 0u32;
    let merge = |depth: &mut Vec<Option<u32>>, work: &mut Vec<usize>, k: usize, d: u32| -> Result<(), String> {
        match depth[k] {
            None => {
                depth[k] = Some(d);
                work.push(k);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(format!(
                "inconsistent stack depth at offset {} ({old} and {d})",
                2 * instrs[k].start
            )),
        }
    };
    while let Some(k) = work.pop() {
        let ins = &instrs[k];
        let d = depth[k].unwrap_or(0);
        let (pop, push) = ins.op.stack_effect(ins.arg);
        let at = 2 * ins.op_unit;
        if pop > d {
            return Err(format!("stack underflow at offset {at} ({} needs {pop}, has {d})", ins.op.name()));
        }
        // Instructions that reach below what they pop (`LIST_APPEND i` and friends
        // peek at the i-th item after popping their operands).
        let reach = match ins.op {
            Opcode::ListAppend
            | Opcode::SetAdd
            | Opcode::ListExtend
            | Opcode::SetUpdate
            | Opcode::DictMerge
            | Opcode::DictUpdate
            | Opcode::MapAdd => {
                if ins.arg == 0 {
                    return Err(format!("{} argument must be at least 1", ins.op.name()));
                }
                // DICT_MERGE also reads the called function, two below the dict.
                pop + ins.arg + if ins.op == Opcode::DictMerge { 2 } else { 0 }
            }
            _ => pop,
        };
        if reach > d {
            return Err(format!("stack underflow at offset {at} ({} reaches {reach} deep, has {d})", ins.op.name()));
        }
        if let Some(h) = co.handler_for(ins.op_unit as u32) {
            // The VM cuts (or pads) the stack to the handler's depth.
            max = max.max(h.depth + 1);
            let t = target(h.target, "exception handler")?;
            merge(&mut depth, &mut work, t, h.depth + 1)?;
        }
        let after = d - pop + push;
        max = max.max(after).max(d);
        if ins.op.is_jump() {
            let (jpop, jpush) = ins.op.jump_effect(ins.arg);
            if jpop > d {
                return Err(format!("stack underflow at offset {at} ({} jump needs {jpop})", ins.op.name()));
            }
            let jd = d - jpop + jpush;
            max = max.max(jd);
            let t = target(ins.arg, "jump")?;
            merge(&mut depth, &mut work, t, jd)?;
        }
        if !ins.op.is_terminal() {
            if k + 1 >= instrs.len() {
                return Err(format!("control runs past the end of co_code after offset {at}"));
            }
            merge(&mut depth, &mut work, k + 1, after)?;
        }
    }
    Ok(max)
}
