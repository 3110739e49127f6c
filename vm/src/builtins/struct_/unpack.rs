//! Unpacking: the values of a compiled format read from its bytes.

use num_bigint::BigInt;

use super::format::{Compiled, Order};
use super::half;
use crate::builtins::bytes::new_bytes;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The `size` bytes at `b` as a little-endian u64 (`order` says how they lie).
fn get(b: &[u8], order: Order) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    if order == Order::Big {
        for (o, x) in w[..n].iter_mut().zip(b[..n].iter().rev()) {
            *o = *x;
        }
    } else {
        w[..n].copy_from_slice(&b[..n]);
    }
    u64::from_le_bytes(w)
}

fn uint(u: u64) -> Value {
    if u > i64::MAX as u64 {
        Value::from_bigint(BigInt::from(u))
    } else {
        Value::Int(u as i64)
    }
}

/// Sign-extend the low `size` bytes of `u`.
fn sint(u: u64, size: usize) -> Value {
    let shift = 64 - size as u32 * 8;
    Value::Int(((u << shift) as i64) >> shift)
}

/// One value of format `ch` from `b` (its size).
fn unpack_one(order: Order, ch: u8, b: &[u8]) -> Value {
    let u = get(b, order);
    match ch {
        b'c' => new_bytes(b.to_vec()),
        b'?' => Value::Bool(u != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => sint(u, b.len()),
        b'e' => Value::Float(half::unpack(u as u16)),
        b'f' => Value::Float(f32::from_bits(u as u32) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        _ => uint(u),
    }
}

/// The values of `c` from `data` (at least `c.size` bytes).
pub fn unpack_buf(vm: &mut Vm, c: &Compiled, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(c.len);
    for code in &c.codes {
        let mut at = code.offset;
        for _ in 0..code.repeat {
            let b = data.get(at..at + code.size).unwrap_or(&[]);
            let v = match code.ch {
                b's' => new_bytes(b.to_vec()),
                b'p' => {
                    let Some((&count, rest)) = b.split_first() else {
                        // `0p`: CPython asks for a bytes object of size -1.
                        return Err(vm.err("SystemError", "Negative size passed to PyBytes_FromStringAndSize"));
                    };
                    let n = (count as usize).min(rest.len());
                    new_bytes(rest[..n].to_vec())
                }
                ch => unpack_one(c.order, ch, b),
            };
            out.push(v);
            at += code.size;
        }
    }
    Ok(vm.new_tuple(out))
}
