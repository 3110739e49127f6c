//! `match` statements (`compiler/src/codegen/pattern.rs`): the subject tests of
//! sequence, mapping and class patterns. The object side is `protocol/pattern.rs`.

use crate::interp::ops::{tri, Regs};
use crate::interp::{Dispatch, Exit};
use crate::object::{MAPPING, SEQUENCE};
use crate::protocol::pattern;
use crate::value::Value;
use crate::vm::Vm;

/// GET_LEN
#[inline(always)]
pub unsafe fn get_len<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let n = tri!(D, r, vm, crate::builtins::functions::length(vm, r.peek(1)));
        r.push(Value::Int(n as i64));
        D::next(r, vm)
    }
}

/// MATCH_MAPPING
#[inline(always)]
pub unsafe fn match_mapping<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let m = pattern::collection(vm, r.peek(1)) == MAPPING;
        r.push(Value::Bool(m));
        D::next(r, vm)
    }
}

/// MATCH_SEQUENCE
#[inline(always)]
pub unsafe fn match_sequence<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        let s = pattern::collection(vm, r.peek(1)) == SEQUENCE;
        r.push(Value::Bool(s));
        D::next(r, vm)
    }
}

/// MATCH_KEYS
#[inline(always)]
pub unsafe fn match_keys<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let values = tri!(D, r, vm, pattern::match_keys(vm, r.peek(2), r.peek(1)));
        r.push(values);
        D::next(r, vm)
    }
}

/// MATCH_CLASS
#[inline(always)]
pub unsafe fn match_class<D: Dispatch>(r: &mut Regs, vm: &mut Vm) -> D::Out {
    unsafe {
        r.save();
        let names = r.pop();
        let cls = r.pop();
        let subject = r.pop();
        match pattern::match_class(vm, &subject, &cls, r.oparg as usize, &names) {
            Ok(attrs) => r.push(attrs.unwrap_or(Value::None)),
            Err(e) => return D::exit(r, vm, Exit::Error(e)),
        }
        D::next(r, vm)
    }
}
