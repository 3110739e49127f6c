//! LLTRACE — the low-level trace of CPython debug builds: when a frame's globals contain
//! `__lltrace__`, every instruction it executes is printed with its offset, name and
//! argument, followed by the values it popped and pushed.
//!
//! Cost when unused: one check per frame entry, and that check is a comparison against
//! a cached (globals dict, key layout) pair, not a lookup: a dict's key layout version
//! changes whenever a key is added (`Dict::layout`). Frames that trace run on
//! `switch::run_lltrace`; the others never see this code.

use std::io::Write;

use pyhop_compiler::Opcode;

use crate::interp::Frame;
use crate::object::{Obj, ObjRef};
use crate::value::Value;
use crate::vm::Vm;

/// Does `globals` contain `__lltrace__`? Cached per (dict, key layout).
#[inline]
pub fn enabled(vm: &mut Vm, globals: &ObjRef) -> bool {
    let Obj::Dict(d) = globals.view() else { return false };
    let layout = d.borrow().layout();
    let ptr = globals.addr();
    if vm.lltrace_cache.0 == ptr && vm.lltrace_cache.1 == layout {
        return vm.lltrace_cache.2;
    }
    let on = d.borrow().get_str("__lltrace__").is_some();
    vm.lltrace_cache = (ptr, layout, on);
    on
}

fn show(vm: &mut Vm, v: &Value) -> String {
    if v.is_null() {
        return "<NULL>".into();
    }
    let saved = std::mem::replace(&mut vm.in_hook, true);
    let s = vm.repr_string(v).unwrap_or_else(|_| format!("<{} object>", vm.type_name(v)));
    vm.in_hook = saved;
    s
}

/// Before instruction `i`: print it and remember the values it may pop.
pub fn before(_vm: &mut Vm, f: &Frame, i: usize) -> (usize, Vec<Value>) {
    let unit = f.code.code[i];
    let mut arg = unit.arg as u32;
    let mut j = i;
    let mut op = Opcode::from_u8(unit.op);
    while op == Some(Opcode::ExtendedArg) && j + 1 < f.code.code.len() {
        j += 1;
        arg = (arg << 8) | f.code.code[j].arg as u32;
        op = Opcode::from_u8(f.code.code[j].op);
    }
    let name = op.map(|o| o.name()).unwrap_or("<unknown>");
    let mut out = std::io::stdout().lock();
    crate::builtins::io::flush_stdout();
    let _ = match op {
        Some(o) if o.has_arg() => writeln!(out, "{}: {name}, {arg}", 2 * j),
        _ => writeln!(out, "{}: {name}", 2 * j),
    };
    let pops = op.map(|o| o.stack_effect(arg).0.max(o.jump_effect(arg).0) as usize).unwrap_or(0).min(f.depth());
    let base = f.depth() - pops;
    let popped: Vec<Value> = (0..pops).map(|k| f.stack_item(base + k)).collect();
    (base, popped)
}

/// After the instruction: print what it popped and what it pushed.
pub fn after(vm: &mut Vm, f: &Frame, base: usize, popped: Vec<Value>) {
    let mut lines = Vec::new();
    for v in popped.iter().rev() {
        lines.push(format!("pop {}", show(vm, v)));
    }
    for k in base..f.depth() {
        let v = f.stack_item(k);
        lines.push(format!("push {}", show(vm, &v)));
    }
    let mut out = std::io::stdout().lock();
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
}
