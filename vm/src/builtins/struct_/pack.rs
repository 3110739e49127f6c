//! Packing values: one converter per format character and table, with the
//! range checks and messages of CPython 3.11's `_struct.c` on a 64-bit
//! little-endian machine.
//!
//! The messages differ between tables because CPython installs its native packers
//! in the little-endian standard table wherever the sizes agree (`h H i I q Q e`,
//! plus `b B c`), so `<h` says "short format requires ..." while `>h` says
//! "'h' format requires ...". The same is done here by sending each (table,
//! character) pair to the packer CPython would run.

use num_traits::{Signed, ToPrimitive};

use super::format::{Compiled, Order};
use super::{half, struct_error};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// An integer argument: its value (None when beyond i128) and whether it was an
/// int itself (CPython's `PyLong_Check`) rather than an object with `__index__`.
struct IntArg {
    value: Option<i128>,
    /// The low 64 bits of its two's complement.
    low64: u64,
    negative: bool,
    is_int: bool,
}

/// CPython's `get_pylong`: ints as they are, `__index__` for other objects.
fn get_int(vm: &mut Vm, v: &Value) -> PyResult<IntArg> {
    if let Value::Int(i) = v {
        return Ok(IntArg { value: Some(*i as i128), low64: *i as u64, negative: *i < 0, is_int: true });
    }
    let (big, is_int) = match unwrap_base(v).to_bigint() {
        Some(b) => (b, true),
        None => {
            if vm.user_dunder(v, "__index__").is_none() {
                return Err(struct_error(vm, "required argument is not an integer"));
            }
            (crate::builtins::math::index_big(vm, v)?, false)
        }
    };
    let negative = big.is_negative();
    let mut low = [if negative { 0xff } else { 0 }; 8];
    for (d, b) in low.iter_mut().zip(big.to_signed_bytes_le()) {
        *d = b;
    }
    Ok(IntArg { value: big.to_i128(), low64: u64::from_le_bytes(low), negative, is_int })
}

fn out_of_range(vm: &Vm) -> PyErr {
    struct_error(vm, "argument out of range")
}

/// `get_long`: a C long (i64), "argument out of range" otherwise.
fn get_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let a = get_int(vm, v)?;
    a.value.and_then(|x| i64::try_from(x).ok()).ok_or_else(|| out_of_range(vm))
}

/// `get_ulong`: a C unsigned long (u64), "argument out of range" otherwise
/// (negative numbers included).
fn get_ulong(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let a = get_int(vm, v)?;
    a.value.and_then(|x| u64::try_from(x).ok()).ok_or_else(|| out_of_range(vm))
}

/// CPython's `_range_error` for a `size`-byte format `ch`.
fn range_error(vm: &Vm, ch: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = u64::MAX >> ((8 - size) * 8);
    let msg = if unsigned {
        format!("'{}' format requires 0 <= number <= {ulargest}", ch as char)
    } else {
        let largest = (ulargest >> 1) as i64;
        format!("'{}' format requires {} <= number <= {largest}", ch as char, !largest)
    };
    struct_error(vm, msg)
}

/// The float value of `v` (`PyFloat_AsDouble`), any failure reported as
/// "required argument is not a float".
fn get_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Value::Float(f) = v {
        return Ok(*f);
    }
    crate::builtins::float::to_f64(vm, v).map_err(|_| struct_error(vm, "required argument is not a float"))
}

/// Bytes of `x` in `order` (native is little-endian here).
fn put(out: &mut [u8], le: &[u8], order: Order) {
    let n = out.len().min(le.len());
    if order == Order::Big {
        for (o, b) in out[..n].iter_mut().zip(le[..n].iter().rev()) {
            *o = *b;
        }
    } else {
        out[..n].copy_from_slice(&le[..n]);
    }
}

/// Big-endian standard `q`/`Q` (`_PyLong_AsByteArray`): OverflowError texts, made
/// a struct.error "int too large to convert" when the argument was an int. As
/// CPython's, an overflow leaves the low 64 bits of the number in `out` (a
/// negative number for `Q` writes nothing).
fn as_byte_array(vm: &mut Vm, v: &Value, signed: bool, out: &mut [u8]) -> PyResult<u64> {
    let a = get_int(vm, v)?;
    if signed || !a.negative {
        put(out, &a.low64.to_le_bytes(), Order::Big);
    }
    let ok = match a.value {
        Some(x) if signed => i64::try_from(x).ok().map(|x| x as u64),
        Some(x) => u64::try_from(x).ok(),
        None => None,
    };
    match ok {
        Some(x) => Ok(x),
        None if a.is_int => Err(struct_error(vm, "int too large to convert")),
        None if a.negative && !signed => Err(vm.overflow_error("can't convert negative int to unsigned")),
        None => Err(vm.overflow_error("int too big to convert")),
    }
}

/// `P`: a pointer-sized integer (`PyLong_AsVoidPtr`): negative numbers as a C long,
/// others as an unsigned long.
fn void_p(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let a = get_int(vm, v)?;
    let ok = match a.value {
        Some(x) if a.negative => i64::try_from(x).ok().map(|x| x as u64),
        Some(x) => u64::try_from(x).ok(),
        None => None,
    };
    match ok {
        Some(x) => Ok(x),
        None if a.is_int => Err(struct_error(vm, "int too large to convert")),
        None if a.negative => Err(vm.overflow_error("Python int too large to convert to C long")),
        None => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
    }
}

/// Pack one value `v` of format `ch` (not `s`, `p`, `x`) into `out` (its size).
fn pack_one(vm: &mut Vm, order: Order, ch: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let size = out.len();
    match ch {
        b'c' => {
            let one = match unwrap_base(v) {
                Value::Obj(o) => match o.view() {
                    crate::object::Obj::Bytes(b) if b.len() == 1 => Some(b[0]),
                    _ => None,
                },
                _ => None,
            };
            let b = one.ok_or_else(|| struct_error(vm, "char format requires a bytes object of length 1"))?;
            out[0] = b;
        }
        b'b' => {
            let x = get_long(vm, v)?;
            if !(-128..=127).contains(&x) {
                return Err(struct_error(vm, "byte format requires -128 <= number <= 127"));
            }
            out[0] = x as u8;
        }
        b'B' => {
            let x = get_long(vm, v)?;
            if !(0..=255).contains(&x) {
                return Err(struct_error(vm, "ubyte format requires 0 <= number <= 255"));
            }
            out[0] = x as u8;
        }
        b'?' => {
            out[0] = vm.truthy(v)? as u8;
        }
        b'e' => {
            let x = get_double(vm, v)?;
            let h = half::pack(x).ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?;
            put(out, &h.to_le_bytes(), order);
        }
        b'f' => {
            let x = get_double(vm, v)?;
            let y = x as f32;
            if order != Order::Native && y.is_infinite() && !x.is_infinite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            put(out, &y.to_le_bytes(), order);
        }
        b'd' => {
            let x = get_double(vm, v)?;
            put(out, &x.to_le_bytes(), order);
        }
        b'P' => {
            let x = void_p(vm, v)?;
            put(out, &x.to_le_bytes(), order);
        }
        _ => {
            let x = pack_int(vm, order, ch, size, v, out)?;
            put(out, &x.to_le_bytes(), order);
        }
    }
    Ok(())
}

/// The integer formats `h H i I l L q Q n N`, as the bits to store.
fn pack_int(vm: &mut Vm, order: Order, ch: u8, size: usize, v: &Value, out: &mut [u8]) -> PyResult<u64> {
    // CPython's native packers (the `@` table, and the little-endian table where
    // the native size is the standard one).
    let native = order == Order::Native || (order == Order::Little && !matches!(ch, b'l' | b'L'));
    if native {
        return Ok(match ch {
            b'h' => {
                let x = get_long(vm, v)?;
                if !(-32768..=32767).contains(&x) {
                    return Err(struct_error(vm, "short format requires -32768 <= number <= 32767"));
                }
                x as u64
            }
            b'H' => {
                let x = get_long(vm, v)?;
                if !(0..=65535).contains(&x) {
                    return Err(struct_error(vm, "ushort format requires 0 <= number <= 65535"));
                }
                x as u64
            }
            b'i' => {
                let x = get_long(vm, v)?;
                if i32::try_from(x).is_err() {
                    return Err(range_error(vm, ch, 4, false));
                }
                x as u64
            }
            b'I' => {
                let x = get_ulong(vm, v)?;
                if u32::try_from(x).is_err() {
                    return Err(range_error(vm, ch, 4, true));
                }
                x
            }
            b'l' | b'q' | b'n' => get_long(vm, v)? as u64,
            _ => get_ulong(vm, v)?,
        });
    }
    // The standard packers `lp_int`/`bp_int`, `lp_uint`/`bp_uint`, `bp_longlong`.
    match ch {
        b'q' => as_byte_array(vm, v, true, out),
        b'Q' => as_byte_array(vm, v, false, out),
        b'h' | b'i' | b'l' => {
            let x = get_long(vm, v)?;
            let bits = size as u32 * 8;
            if size < 8 && (x < -(1i64 << (bits - 1)) || x >= (1i64 << (bits - 1))) {
                return Err(range_error(vm, ch, size, false));
            }
            Ok(x as u64)
        }
        _ => {
            let x = get_ulong(vm, v)?;
            if size < 8 && x >= (1u64 << (size * 8)) {
                return Err(range_error(vm, ch, size, true));
            }
            Ok(x)
        }
    }
}

/// The payload of an `s`/`p` argument: bytes or bytearray.
fn string_arg(vm: &Vm, v: &Value, ch: u8) -> PyResult<Vec<u8>> {
    if let Value::Obj(o) = unwrap_base(v) {
        match o.view() {
            crate::object::Obj::Bytes(b) => return Ok(b.to_vec()),
            crate::object::Obj::ByteArray(b) => return Ok(b.borrow().clone()),
            _ => {}
        }
    }
    Err(struct_error(vm, format!("argument for '{}' must be a bytes object", ch as char)))
}

/// Pack `args` (exactly `c.len` of them) into `buf` (`c.size + 1` bytes, zeroed).
/// On an error, what was packed before it stays in `buf`, as with CPython.
///
/// The byte after the struct is CPython's too: a `0p` item there stores its
/// count byte (0xff, from a length of -1) one past its zero-size field, which is
/// where that byte lands (a bytes object's terminator, or the next byte of a
/// `pack_into` buffer).
pub fn pack_into_buf(vm: &mut Vm, c: &Compiled, args: &[Value], buf: &mut [u8]) -> PyResult<()> {
    let mut args = args.iter();
    for code in &c.codes {
        let mut at = code.offset;
        for _ in 0..code.repeat {
            let Some(v) = args.next() else { return Ok(()) };
            let Some(out) = buf.get_mut(at..at + code.size) else { return Ok(()) };
            match code.ch {
                b's' => {
                    let data = string_arg(vm, v, b's')?;
                    let n = data.len().min(code.size);
                    out[..n].copy_from_slice(&data[..n]);
                }
                b'p' => {
                    let data = string_arg(vm, v, b'p')?;
                    if code.size > 0 {
                        let n = data.len().min(code.size - 1);
                        out[1..1 + n].copy_from_slice(&data[..n]);
                        out[0] = n.min(255) as u8;
                    } else if let Some(b) = buf.get_mut(at) {
                        *b = 0xff;
                    }
                }
                // CPython turns any OverflowError of an int argument (a float format
                // included) into this struct.error.
                ch => pack_one(vm, c.order, ch, v, out).map_err(|e| {
                    if vm.err_matches(&e, "OverflowError") && unwrap_base(v).to_bigint().is_some() {
                        struct_error(vm, "int too large to convert")
                    } else {
                        e
                    }
                })?,
            }
            at += code.size;
        }
    }
    Ok(())
}
