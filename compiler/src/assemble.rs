//! Assembler: one unit's labelled instructions → a [`CodeObject`].
//!
//! Mirrors CPython's `assemble()`: resolves labels to absolute code-unit indices,
//! adds `EXTENDED_ARG` prefixes for arguments above 255 (iterating until the layout
//! is stable, since prefixes move targets; a jump targets the first prefix of its
//! target), computes `co_stacksize` by flow analysis over every path (a handler is
//! entered at its depth + 1), builds the exception table from runs of equally tagged
//! instructions, and the per-unit line and column tables.

use crate::bytecode::{CodeObject, CodeUnit, ExceptionEntry, Opcode, Position};
use crate::codegen::{Instr, Unit};
use crate::{CompileError, ErrorKind};
use std::rc::Rc;

fn internal(msg: String, filename: &str, line: u32) -> CompileError {
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg: format!("internal compiler error: {msg}"),
        filename: filename.to_string(),
        lineno: line,
        offset: 1,
        text: None,
        end_lineno: line,
        end_offset: 1,
    }
}

/// Number of `EXTENDED_ARG` prefixes `arg` needs.
fn ext_count(arg: u32) -> usize {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

/// Maximum stack depth over every path; errors on underflow or inconsistent merges.
pub fn stack_depth(instrs: &[Instr], target_of: &[usize], filename: &str) -> Result<u32, CompileError> {
    let n = instrs.len();
    let mut depth: Vec<Option<u32>> = vec![None; n + 1];
    let mut work = Vec::new();
    let mut max = 0u32;
    let push = |depth: &mut Vec<Option<u32>>, work: &mut Vec<usize>, i: usize, d: u32, from: usize| -> Result<(), CompileError> {
        match depth[i] {
            None => {
                depth[i] = Some(d);
                work.push(i);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(internal(
                format!("inconsistent stack depth at {i} ({old} vs {d} from {from})"),
                filename,
                instrs.get(from).map_or(0, |x| x.loc.line),
            )),
        }
    };
    if n > 0 {
        push(&mut depth, &mut work, 0, 0, 0)?;
    }
    while let Some(i) = work.pop() {
        if i >= n {
            continue;
        }
        let d = depth[i].unwrap_or(0);
        let ins = &instrs[i];
        if let Some(h) = ins.handler {
            let hp = target_of[i * 2 + 1];
            max = max.max(h.depth + 1);
            push(&mut depth, &mut work, hp, h.depth + 1, i)?;
        }
        let (pop, pushn) = ins.op.stack_effect(ins.arg);
        if d < pop {
            return Err(internal(format!("stack underflow at {} ({})", i, ins.op.name()), filename, ins.loc.line));
        }
        let nd = d - pop + pushn;
        max = max.max(nd);
        if ins.op.is_jump() {
            let (jp, jpush) = ins.op.jump_effect(ins.arg);
            let jd = d - jp.min(d) + jpush;
            max = max.max(jd);
            push(&mut depth, &mut work, target_of[i * 2], jd, i)?;
        }
        if !ins.op.is_terminal() && i + 1 < n {
            push(&mut depth, &mut work, i + 1, nd, i)?;
        }
    }
    Ok(max)
}

pub fn assemble(mut unit: Unit<'_>, filename: &Rc<str>) -> Result<CodeObject, CompileError> {
    crate::peephole::optimize(&mut unit.instrs, &mut unit.labels);
    let instrs = &unit.instrs;
    let n = instrs.len();
    let label_pos = |l: crate::codegen::Label| unit.labels.get(l.0 as usize).copied().flatten().unwrap_or(n);
    // target_of[2i] = jump target instr, [2i+1] = handler instr
    let mut target_of = vec![n; n * 2];
    for (i, ins) in instrs.iter().enumerate() {
        if let Some(t) = ins.target {
            target_of[i * 2] = label_pos(t);
        }
        if let Some(h) = ins.handler {
            target_of[i * 2 + 1] = label_pos(h.label);
        }
    }
    let stacksize = stack_depth(instrs, &target_of, filename)?;

    // layout: offsets in code units, iterate until EXTENDED_ARG counts are stable
    let mut args: Vec<u32> = instrs.iter().map(|i| i.arg).collect();
    let mut sizes: Vec<usize> = args.iter().map(|a| 1 + ext_count(*a)).collect();
    let mut offsets = vec![0usize; n + 1];
    loop {
        let mut off = 0;
        for i in 0..n {
            offsets[i] = off;
            off += sizes[i];
        }
        offsets[n] = off;
        let mut changed = false;
        for i in 0..n {
            if instrs[i].target.is_some() {
                args[i] = offsets[target_of[i * 2]] as u32;
            }
            let s = 1 + ext_count(args[i]);
            if s != sizes[i] {
                sizes[i] = s;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let total = offsets[n];
    let mut code = Vec::with_capacity(total);
    let mut lines = Vec::with_capacity(total);
    let mut positions = Vec::with_capacity(total);
    // Artificial instructions (line 0: cleanup code the compiler adds) take the line of
    // the instruction before them, as CPython 3.11 propagates line numbers.
    let mut last_line = instrs.first().map_or(0, |x| x.loc.line);
    for (i, ins) in instrs.iter().enumerate() {
        let arg = args[i];
        for k in (1..sizes[i]).rev() {
            code.push(CodeUnit::new(Opcode::ExtendedArg, (arg >> (8 * k)) as u8));
        }
        code.push(CodeUnit::new(ins.op, arg as u8));
        let line = if ins.loc.line == 0 { last_line } else { ins.loc.line };
        last_line = line;
        for _ in 0..sizes[i] {
            lines.push(line);
            positions.push(Position { end_line: ins.loc.end_line, col: ins.loc.col, end_col: ins.loc.end_col });
        }
    }

    // exception table: runs of instructions with the same handler
    let mut table: Vec<ExceptionEntry> = Vec::new();
    for (i, ins) in instrs.iter().enumerate() {
        let Some(h) = ins.handler else { continue };
        let start = offsets[i] as u32;
        let end = offsets[i + 1] as u32;
        let target = offsets[target_of[i * 2 + 1]] as u32;
        match table.last_mut() {
            Some(e) if e.end == start && e.target == target && e.depth == h.depth => e.end = end,
            _ => table.push(ExceptionEntry { start, end, target, depth: h.depth }),
        }
    }

    let cell2arg = unit
        .cellvars
        .iter()
        .map(|c| {
            let nparams = unit.argcount + unit.kwonlyargcount + (unit.flags & 0x4 != 0) as u32 + (unit.flags & 0x8 != 0) as u32;
            unit.varnames.iter().take(nparams as usize).position(|v| v == c).map(|p| p as u32)
        })
        .collect();

    Ok(CodeObject {
        code,
        consts: unit.consts,
        names: unit.names,
        varnames: unit.varnames,
        cellvars: unit.cellvars,
        freevars: unit.freevars,
        cell2arg,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags: unit.flags,
        stacksize,
        firstlineno: unit.firstlineno,
        name: unit.name,
        qualname: unit.qualname,
        filename: filename.clone(),
        lines,
        positions,
        exception_table: table,
        doc: unit.doc,
    })
}
