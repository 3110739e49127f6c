//! DXP — the dynamic execution profile of CPython ≤3.10 (`DXPAIRS`): how often every
//! opcode ran, and every (previous, current) pair, in CPython's `dxpairs[257][256]`
//! shape (row 256 holds the single-opcode counts).
//!
//! Counting is off unless asked for (`-X dxp`, `--dxp`, `--dxp-out FILE`). Then frames
//! run on `switch::run_dxp`, an instantiation of the switch loop whose dispatch type
//! has `DXP = true`: it counts in the loop and inside `predict!`, so predicted pairs
//! (which skip the loop) are counted too. The other instantiations have `DXP = false`
//! and contain no counting code at all.

use pyhop_compiler::Opcode;

use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Count `op` as executed after the previous opcode.
#[inline(always)]
pub fn record(vm: &mut Vm, op: u8) {
    let last = vm.dxp_last as usize;
    if let Some(d) = vm.dxp.as_deref_mut() {
        d[256][op as usize] += 1;
        d[last][op as usize] += 1;
    }
    vm.dxp_last = op;
}

pub fn enable(vm: &mut Vm) {
    if vm.dxp.is_none() {
        // Made on the heap: a `Box::new` of the 514 KiB array would build it on the
        // native stack first (it overflowed the 256 KiB canary thread once inlined).
        let rows: Box<[[u64; 256]]> = vec![[0u64; 256]; 257].into_boxed_slice();
        vm.dxp = rows.try_into().ok();
    }
    if vm.spec_stats.is_none() {
        vm.spec_stats = Some(Box::new([Default::default(); 256]));
    }
}

/// `sys.getdxp()`: the 257 x 256 counts as lists of ints; the counters restart at zero.
pub fn sys_getdxp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check(vm, "getdxp", 0, 0)?;
    let Some(d) = vm.dxp.as_deref_mut() else {
        return Err(vm.err("RuntimeError", "DXP counting is off (run pyhop with -X dxp)"));
    };
    let rows: Vec<Vec<u64>> = d.iter().map(|r| r.to_vec()).collect();
    for r in d.iter_mut() {
        r.fill(0);
    }
    let lists = rows.into_iter().map(|r| vm.new_list(r.into_iter().map(|c| Value::Int(c as i64)).collect())).collect();
    Ok(vm.new_list(lists))
}

/// The profile as JSON: opcode names, single counts and non-zero pairs.
pub fn to_json(vm: &Vm) -> String {
    let Some(d) = vm.dxp.as_deref() else { return "{}".into() };
    let name = |i: usize| Opcode::from_u8(i as u8).map(|o| o.name().to_string()).unwrap_or_else(|| format!("<{i}>"));
    // DXP counts on the switch loop whatever engine was asked for (`interp/mod.rs`).
    let mut out = format!(
        "{{\n  \"format\": \"pyhop-dxp-1\",\n  \"engine\": \"{}\",\n  \"counted_by\": \"switch\",\n  \"specialize\": {},\n  \"singles\": {{",
        vm.engine.name(),
        crate::object::code::specialize_enabled()
    );
    let mut first = true;
    for (op, &c) in d[256].iter().enumerate() {
        if c > 0 {
            out.push_str(&format!("{}\n    \"{}\": {c}", if first { "" } else { "," }, name(op)));
            first = false;
        }
    }
    out.push_str("\n  },\n  \"pairs\": [");
    let mut first = true;
    for (prev, row) in d[..256].iter().enumerate() {
        for (op, &c) in row.iter().enumerate() {
            if c > 0 {
                let p = if prev == 0 { "<start>".to_string() } else { name(prev) };
                out.push_str(&format!("{}\n    [\"{p}\", \"{}\", {c}]", if first { "" } else { "," }, name(op)));
                first = false;
            }
        }
    }
    out.push_str("\n  ],\n  \"specialization\": {");
    let mut first = true;
    if let Some(t) = vm.spec_stats.as_deref() {
        for (op, s) in t.iter().enumerate() {
            if s.specialised + s.failed + s.hit + s.miss + s.deopt > 0 {
                out.push_str(&format!(
                    "{}\n    \"{}\": {{\"specialised\": {}, \"failed\": {}, \"hit\": {}, \"miss\": {}, \"deopt\": {}}}",
                    if first { "" } else { "," },
                    name(op),
                    s.specialised,
                    s.failed,
                    s.hit,
                    s.miss,
                    s.deopt
                ));
                first = false;
            }
        }
    }
    out.push_str("\n  }\n}\n");
    out
}
