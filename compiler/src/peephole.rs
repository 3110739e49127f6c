//! Peephole pass over one unit's labelled instruction list, before assembly.
//!
//! Mirrors the parts of CPython's `optimize_cfg` that matter here: jumps to
//! unconditional jumps are threaded to the final target, code after a terminal
//! instruction is dropped up to the next live label (repeated until nothing
//! changes, so handlers whose protected code vanished go too), and a
//! `JUMP_ABSOLUTE` to the very next instruction is removed, and so is a `SWAP n`
//! pair that cancels out. It never moves
//! instructions, so prediction pairs laid out by codegen stay adjacent.

use crate::bytecode::Opcode;
use crate::codegen::{Instr, Label};
use std::collections::HashSet;

/// Position of `l`, or `len` for an unbound label.
fn pos(labels: &[Option<usize>], l: Label, len: usize) -> usize {
    labels.get(l.0 as usize).copied().flatten().unwrap_or(len)
}

pub fn optimize(instrs: &mut Vec<Instr>, labels: &mut [Option<usize>]) {
    thread_jumps(instrs, labels);
    for _ in 0..8 {
        if !remove_dead(instrs, labels) {
            break;
        }
    }
}

fn thread_jumps(instrs: &mut [Instr], labels: &[Option<usize>]) {
    let n = instrs.len();
    for i in 0..n {
        let Some(mut t) = instrs[i].target else { continue };
        let op = instrs[i].op;
        if !matches!(op, Opcode::JumpAbsolute | Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue) {
            continue;
        }
        for _ in 0..16 {
            let p = pos(labels, t, n);
            match instrs.get(p) {
                Some(j) if j.op == Opcode::JumpAbsolute && p != i => match j.target {
                    Some(next) if next != t => t = next,
                    _ => break,
                },
                _ => break,
            }
        }
        instrs[i].target = Some(t);
    }
}

/// One round of dead-code removal; returns whether anything changed.
fn remove_dead(instrs: &mut Vec<Instr>, labels: &mut [Option<usize>]) -> bool {
    let n = instrs.len();
    // live label positions: targets of jumps and handlers of reachable-looking code
    let mut targets: HashSet<usize> = HashSet::new();
    for ins in instrs.iter() {
        if let Some(t) = ins.target {
            targets.insert(pos(labels, t, n));
        }
        if let Some(h) = ins.handler {
            targets.insert(pos(labels, h.label, n));
        }
    }
    let mut keep = vec![true; n];
    let mut dead = false;
    for i in 0..n {
        if targets.contains(&i) {
            dead = false;
        }
        if dead {
            keep[i] = false;
            continue;
        }
        if instrs[i].op.is_terminal() {
            dead = true;
        }
    }
    // a jump to the next kept instruction
    for i in 0..n {
        if !keep[i] || instrs[i].op != Opcode::JumpAbsolute {
            continue;
        }
        let Some(t) = instrs[i].target else { continue };
        let tp = pos(labels, t, n);
        if tp > i && (i + 1..tp).all(|k| !keep[k]) {
            keep[i] = false;
        }
    }
    // `SWAP n; SWAP n` undoes itself (a match pattern's capture rotations make these;
    // CPython 3.11's `swaptimize` removes them too)
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (&instrs[i], &instrs[i + 1]);
        if keep[i] && keep[i + 1] && a.op == Opcode::Swap && b.op == Opcode::Swap && a.arg == b.arg && !targets.contains(&(i + 1)) {
            keep[i] = false;
            keep[i + 1] = false;
            i += 2;
        } else {
            i += 1;
        }
    }
    if keep.iter().all(|k| *k) {
        return false;
    }
    // new index of every old position (first kept instruction at or after it)
    let mut new_pos = vec![0usize; n + 1];
    let mut c = 0;
    for i in 0..n {
        new_pos[i] = c;
        if keep[i] {
            c += 1;
        }
    }
    new_pos[n] = c;
    for l in labels.iter_mut() {
        if let Some(p) = l {
            *p = new_pos[(*p).min(n)];
        }
    }
    let mut k = 0;
    instrs.retain(|_| {
        let r = keep[k];
        k += 1;
        r
    });
    true
}
