//! The native `_struct` module (CPython's `Modules/_struct.c`), under the host's
//! own `Lib/struct.py`: `pack`, `pack_into`, `unpack`, `unpack_from`,
//! `iter_unpack`, `calcsize`, `_clearcache`, `struct.error` and the
//! `Struct` class with its `unpack_iterator`.
//!
//! - `format.rs` compiles a format string into offsets and sizes;
//! - `pack.rs` and `unpack.rs` convert values with CPython 3.11's checks and
//!   messages (`half.rs`: the `e` half-precision format);
//! - `class.rs` is `Struct` and `unpack_iterator`;
//! - this file holds the module functions, the buffers and the cache.
//!
//! A `Struct` instance keeps its format's bytes in one private slot; compiled
//! formats live in a per-thread cache keyed by those bytes (at most 100 entries,
//! emptied when full and by `_clearcache`, as CPython's cache of `Struct` objects
//! is), which both the module functions and `Struct` methods use.

mod class;
mod format;
mod half;
mod pack;
mod unpack;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::builtins::bytes::new_bytes;
use crate::builtins::native;
use crate::object::func::Args;
use crate::object::{Dict, Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub(crate) use format::Compiled;

/// CPython's `MAXCACHE`.
const MAX_CACHE: usize = 100;

thread_local! {
    static CACHE: RefCell<HashMap<Vec<u8>, Rc<Compiled>>> = RefCell::new(HashMap::new());
}

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    d.insert_str("__doc__", Value::str(DOC));
    if let Some(e) = error_class(vm) {
        d.insert_str("error", Value::Obj(e));
    }
    let (s, _) = class::classes(vm);
    d.insert_str("Struct", Value::Obj(s));
    for (name, f) in [
        ("pack", pack as crate::object::NativeFn),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("calcsize", calcsize),
        ("_clearcache", clearcache),
    ] {
        d.insert_str(name, native(name, f));
    }
}

/// `struct.error`, made once per interpreter.
fn error_class(vm: &mut Vm) -> Option<ObjRef> {
    if let Some(c) = vm.native_classes.get("struct.error") {
        return Some(c.clone());
    }
    let mut ns = Dict::new();
    ns.insert_str("__module__", Value::str("struct"));
    ns.insert_str("__qualname__", Value::str("error"));
    let base = vm.exc_class("Exception");
    match vm.create_class(None, "error", vec![base], &ns) {
        Ok(Value::Obj(c)) => {
            vm.native_classes.insert("struct.error", c.clone());
            Some(c)
        }
        _ => None,
    }
}

/// A `struct.error` with message `msg`.
pub(crate) fn struct_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    match vm.native_classes.get("struct.error") {
        Some(c) => PyErr(vm.new_exception(c.clone(), vec![Value::string(msg.into())])),
        None => vm.err("Exception", msg),
    }
}

// ---- formats and the cache ----------------------------------------------------------

/// The bytes of a format argument (`Struct.__init__`'s conversion): a str encoded
/// as ASCII, or bytes.
pub(crate) fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = crate::builtins::str::pystr(v) {
        let s = s.as_str();
        if let Some(pos) = s.chars().position(|c| !c.is_ascii()) {
            let end = pos + 1;
            return Err(crate::builtins::codecs::unicode_error::encode_error(vm, "ascii", v, pos, end, "ordinal not in range(128)"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    if let Value::Obj(o) = unwrap_base(v) {
        if let Obj::Bytes(b) = o.view() {
            return Ok(b.to_vec());
        }
    }
    Err(vm.type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", vm.type_name(v))))
}

/// The compiled form of format `fmt`, from the cache or compiled now.
pub(crate) fn compiled(vm: &Vm, fmt: &[u8]) -> PyResult<Rc<Compiled>> {
    if let Some(c) = CACHE.with(|c| c.borrow().get(fmt).cloned()) {
        return Ok(c);
    }
    let c = Rc::new(format::compile(fmt).map_err(|m| struct_error(vm, m))?);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(fmt.to_vec(), c.clone());
    });
    Ok(c)
}

/// The compiled format of a module function's format argument (CPython's
/// `cache_struct_converter`: a dict lookup first, so unhashable formats fail
/// with the hash's TypeError).
fn format_arg(vm: &mut Vm, v: &Value) -> PyResult<Rc<Compiled>> {
    let is_text = crate::builtins::str::pystr(v).is_some() || matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::Bytes(_)));
    if !is_text {
        vm.hash(v)?;
    }
    let fmt = format_bytes(vm, v)?;
    compiled(vm, &fmt)
}

// ---- buffers ----------------------------------------------------------------------

/// The bytes of a bytes-like argument (`y*`).
pub(crate) fn read_buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Obj(o) = unwrap_base(v) {
        match o.view() {
            Obj::Bytes(b) => return Ok(b.to_vec()),
            Obj::ByteArray(b) => return Ok(b.borrow().clone()),
            Obj::MemoryView(m) => {
                let m = m.memory_view();
                if m.released.get() {
                    return Err(vm.value_error("operation forbidden on released memoryview object"));
                }
                return Ok(m.data());
            }
            _ => {}
        }
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

/// A writable buffer (`w*`): a bytearray, or a live memoryview of one: the
/// bytearray and the part of it seen.
struct Writable {
    target: ObjRef,
    start: usize,
    /// The view's length (None: the whole bytearray).
    len: Option<usize>,
}

impl Writable {
    fn of(vm: &Vm, v: &Value) -> PyResult<Writable> {
        if let Value::Obj(o) = unwrap_base(v) {
            match o.view() {
                Obj::ByteArray(_) => return Ok(Writable { target: o.clone(), start: 0, len: None }),
                Obj::MemoryView(m) => {
                    let m = m.memory_view();
                    if let Value::Obj(t) = &m.obj {
                        if !m.released.get() && matches!(t.view(), Obj::ByteArray(_)) {
                            return Ok(Writable { target: t.clone(), start: m.start, len: Some(m.len) });
                        }
                    }
                }
                _ => {}
            }
        }
        Err(vm.type_error(format!("argument must be read-write bytes-like object, not {}", vm.type_name(v))))
    }

    fn cell(&self) -> Option<&RefCell<Vec<u8>>> {
        match self.target.view() {
            Obj::ByteArray(b) => Some(b),
            _ => None,
        }
    }

    /// Bytes seen now (a bytearray under a view may have shrunk).
    fn len(&self) -> usize {
        let total = self.cell().map(|b| b.borrow().len()).unwrap_or(0);
        let avail = total.saturating_sub(self.start);
        match self.len {
            Some(l) => l.min(avail),
            None => avail,
        }
    }

    /// Store `data` at `offset`, as much of it as fits.
    fn write(&self, offset: usize, data: &[u8]) {
        let n = self.len().saturating_sub(offset).min(data.len());
        if let Some(b) = self.cell() {
            let at = self.start + offset;
            if let Some(dst) = b.borrow_mut().get_mut(at..at + n) {
                dst.copy_from_slice(&data[..n]);
            }
        }
    }
}

// ---- the operations, shared by the functions and the methods --------------------------

/// `pack(*args)` of the compiled format `c`.
pub(crate) fn do_pack(vm: &mut Vm, c: &Compiled, args: &[Value]) -> PyResult<Value> {
    if args.len() != c.len {
        return Err(struct_error(vm, format!("pack expected {} items for packing (got {})", c.len, args.len())));
    }
    let mut buf = zeroed(vm, c.size)?;
    pack::pack_into_buf(vm, c, args, &mut buf)?;
    buf.truncate(c.size);
    Ok(new_bytes(buf))
}

/// `n + 1` zero bytes to pack a bytes object of `n` into (the last byte is the
/// terminator CPython's bytes objects have), or `PyBytes_FromStringAndSize`'s
/// errors.
fn zeroed(vm: &Vm, n: usize) -> PyResult<Vec<u8>> {
    // CPython's bytes header is 33 bytes.
    if n > isize::MAX as usize - 33 {
        return Err(vm.overflow_error("byte string is too large"));
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(n + 1).map_err(|_| vm.err("MemoryError", ""))?;
    buf.resize(n + 1, 0);
    Ok(buf)
}

/// `pack_into(buffer, offset, *args)` of `c`, `args` starting at the buffer.
pub(crate) fn do_pack_into(vm: &mut Vm, c: &Compiled, args: &[Value]) -> PyResult<Value> {
    if args.len() != c.len + 2 {
        let msg = match args.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!("pack_into expected {} items for packing (got {})", c.len, n - 2),
        };
        return Err(struct_error(vm, msg));
    }
    let buffer = Writable::of(vm, &args[0])?;
    let mut offset = ssize_index_error(vm, &args[1])?;
    let size = c.size as i64;
    let blen = buffer.len() as i64;
    if offset < 0 {
        offset = from_end(vm, offset, size, blen, "no space to pack")?;
    }
    if blen - offset < size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {blen})",
                size as u64 + offset as u64
            ),
        ));
    }
    let mut buf = vec![0u8; c.size + 1];
    let r = pack::pack_into_buf(vm, c, &args[2..], &mut buf);
    // Packed bytes before a failing value are stored too, as CPython packs in
    // place; so is the stray count byte of a `0p` at the end (see `pack_into_buf`).
    let n = if buf[c.size] == 0 { c.size } else { c.size + 1 };
    buffer.write(offset as usize, &buf[..n]);
    r.map(|_| Value::None)
}

/// An offset converted as `PyNumber_AsSsize_t(v, PyExc_IndexError)`.
fn ssize_index_error(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let b = crate::builtins::math::index_big(vm, v)?;
    use num_traits::ToPrimitive;
    b.to_i64().ok_or_else(|| vm.index_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(v))))
}

/// An offset converted as a `Py_ssize_t` argument (OverflowError when too big).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let b = crate::builtins::math::index_big(vm, v)?;
    use num_traits::ToPrimitive;
    b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

pub(crate) fn do_unpack(vm: &mut Vm, c: &Compiled, buffer: &Value) -> PyResult<Value> {
    let data = read_buffer(vm, buffer)?;
    if data.len() != c.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", c.size)));
    }
    unpack::unpack_buf(vm, c, &data)
}

pub(crate) fn do_unpack_from(vm: &mut Vm, c: &Compiled, buffer: &Value, offset: Option<&Value>) -> PyResult<Value> {
    let data = read_buffer(vm, buffer)?;
    let mut offset = match offset {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let blen = data.len() as i64;
    let size = c.size as i64;
    if offset < 0 {
        offset = from_end(vm, offset, size, blen, "not enough data to unpack")?;
    }
    if blen - offset < size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {blen})",
                size as u64 + offset as u64
            ),
        ));
    }
    unpack::unpack_buf(vm, c, &data[offset as usize..])
}

// ---- argument parsing -------------------------------------------------------------

/// `(buffer, offset=0)` after `skip` positional-only arguments, by position or
/// keyword, with Argument Clinic's messages for `unpack_from()`; `shown` of the
/// skipped arguments count in the messages (the format does, `self` does not).
pub(crate) fn buffer_offset<'a>(vm: &Vm, a: &Args<'a>, skip: usize, shown: usize) -> PyResult<(&'a Value, Option<&'a Value>)> {
    let pos = a.pos();
    let names = ["buffer", "offset"];
    let max = shown + 2;
    let given = (pos.len() + a.kwnames.len()).saturating_sub(skip - shown);
    if given > max {
        return Err(vm.type_error(format!("unpack_from() takes at most {max} arguments ({given} given)")));
    }
    let rest = &pos[skip.min(pos.len())..];
    let mut out: [Option<&'a Value>; 2] = [rest.first(), rest.get(1)];
    let (mut twice, mut unknown) = (None, None);
    for (k, v) in a.kw() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < rest.len() => twice = twice.or(Some((k, i))),
            Some(i) => out[i] = Some(v),
            None => unknown = unknown.or(Some(k)),
        }
    }
    // Argument Clinic's order: a missing argument, then one given twice, then an
    // unknown keyword.
    let Some(buffer) = out[0] else {
        return Err(vm.type_error(format!("unpack_from() missing required argument 'buffer' (pos {})", shown + 1)));
    };
    if let Some((k, i)) = twice {
        return Err(vm.type_error(format!("argument for unpack_from() given by name ('{k}') and position ({})", shown + i + 1)));
    }
    if let Some(k) = unknown {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for unpack_from()")));
    }
    Ok((buffer, out[1]))
}

fn no_kw(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// `FUNC expected 2 arguments, got N` (`_PyArg_CheckPositional`).
fn exactly_two<'a>(vm: &Vm, a: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    no_kw(vm, a, &format!("_struct.{name}"))?;
    let pos = a.pos();
    if pos.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", pos.len())));
    }
    Ok(pos)
}

// ---- the module functions ---------------------------------------------------------

fn pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kw(vm, &a, "_struct.pack")?;
    let pos = a.pos();
    let Some(f) = pos.first() else { return Err(vm.type_error("missing format argument")) };
    let c = format_arg(vm, f)?;
    do_pack(vm, &c, &pos[1..])
}

fn pack_into(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kw(vm, &a, "_struct.pack_into")?;
    let pos = a.pos();
    let Some(f) = pos.first() else { return Err(vm.type_error("missing format argument")) };
    let c = format_arg(vm, f)?;
    do_pack_into(vm, &c, &pos[1..])
}

fn unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = exactly_two(vm, &a, "unpack")?;
    let c = format_arg(vm, &pos[0])?;
    do_unpack(vm, &c, &pos[1])
}

fn unpack_from(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(f) = a.pos().first() else {
        return Err(vm.type_error("unpack_from() takes at least 1 positional argument (0 given)"));
    };
    let (buffer, offset) = buffer_offset(vm, &a, 1, 1)?;
    let c = format_arg(vm, f)?;
    do_unpack_from(vm, &c, buffer, offset)
}

fn iter_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = exactly_two(vm, &a, "iter_unpack")?;
    let fmt = pos[0].clone();
    let c = format_arg(vm, &fmt)?;
    let bytes = format_bytes(vm, &fmt)?;
    class::new_iterator(vm, &c, &bytes, &pos[1])
}

fn calcsize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kw(vm, &a, "_struct.calcsize")?;
    let pos = a.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("_struct.calcsize() takes exactly one argument ({} given)", pos.len())));
    }
    let c = format_arg(vm, &pos[0])?;
    Ok(Value::Int(c.size as i64))
}

fn clearcache(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kw(vm, &a, "_struct._clearcache")?;
    if !a.pos().is_empty() {
        return Err(vm.type_error(format!("_struct._clearcache() takes no arguments ({} given)", a.pos().len())));
    }
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

/// A negative `offset` of pack_into/unpack_from, counted from the end of a
/// `blen`-byte buffer (`what`: how CPython's message starts when `size` bytes do not fit).
fn from_end(vm: &Vm, offset: i64, size: i64, blen: i64, what: &str) -> PyResult<i64> {
    if offset + size > 0 {
        return Err(struct_error(vm, format!("{what} {size} bytes at offset {offset}")));
    }
    if offset + blen < 0 {
        return Err(struct_error(vm, format!("offset {offset} out of range for {blen}-byte buffer")));
    }
    Ok(offset + blen)
}
