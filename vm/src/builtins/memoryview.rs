//! `memoryview` over `bytes` and `bytearray` (format `'B'`, one dimension): length,
//! indexing and contiguous slicing (a view of the same object), iteration, `==`,
//! `hash` (read-only views), `tobytes`, `tolist`, `hex`, `release` and the context
//! manager, the usual attributes; a view is bytes-like wherever `bytes_data` is
//! asked (`bytes(view)`, `b''.join`, ...). Not done: item assignment through a view,
//! `cast`, other formats and more dimensions, and iteration as a `memory_iterator`
//! (it iterates over a copy of its bytes).
//!
//! `cast(format)` of a one-dimensional byte view to a native single-character
//! format (`B b c ? H h I i L l Q q N n`) and back gives a view whose `len`,
//! indexing, `tolist`, `itemsize`, `format`, `shape` and `strides` go by item (what
//! `re._compiler` needs: `memoryview(b).cast('I').tolist()`); iterating a cast view
//! still yields its bytes.

use std::cell::Cell;

use crate::object::func::Args;
use crate::object::heap::Foreign;
use crate::object::{ForeignView, Kind, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct MemoryView {
    /// The bytes or bytearray viewed.
    pub obj: Value,
    pub start: usize,
    /// Length in bytes.
    pub len: usize,
    pub released: Cell<bool>,
    /// The item format (`"B"` unless made by `cast`).
    pub fmt: &'static str,
}

/// Size of one item of a native single-character format, if it is one.
fn itemsize_of(fmt: &str) -> Option<usize> {
    Some(match fmt {
        "B" | "b" | "c" | "?" => 1,
        "H" | "h" => 2,
        "I" | "i" => 4,
        "L" | "l" | "Q" | "q" | "N" | "n" => 8,
        _ => return None,
    })
}

/// Item `b` (itemsize bytes) of format `fmt` as a value.
fn item_value(fmt: &str, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(w);
    match fmt {
        "c" => crate::builtins::bytes::new_bytes(b.to_vec()),
        "?" => Value::Bool(u != 0),
        "b" => Value::Int(b[0] as i8 as i64),
        "h" => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        "i" => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "l" | "q" | "n" => Value::Int(u as i64),
        "L" | "Q" | "N" if u > i64::MAX as u64 => Value::from_bigint(num_bigint::BigInt::from(u)),
        _ => Value::Int(u as i64),
    }
}

// SAFETY: Kind::MemoryView is used by MemoryView alone.
unsafe impl Foreign for MemoryView {
    const KIND: Kind = Kind::MemoryView;

    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }

    // bytes and bytearray hold no references: a view takes part in no cycle.
    fn clear(&self) {}
}

impl<'a> ForeignView<'a> {
    /// The view behind an `Obj::MemoryView` view.
    #[inline]
    pub fn memory_view(self) -> &'a MemoryView {
        self.0.foreign::<MemoryView>().expect("a MemoryView view holds a memoryview")
    }
}

impl MemoryView {
    pub fn itemsize(&self) -> usize {
        itemsize_of(self.fmt).unwrap_or(1)
    }

    /// Number of items.
    pub fn items(&self) -> usize {
        self.len / self.itemsize()
    }

    /// The bytes seen (empty once released; a bytearray may have shrunk).
    pub fn data(&self) -> Vec<u8> {
        if self.released.get() {
            return Vec::new();
        }
        let Value::Obj(o) = &self.obj else { return Vec::new() };
        let all: Vec<u8> = match o.view() {
            Obj::Bytes(b) => b.to_vec(),
            Obj::ByteArray(b) => b.borrow().clone(),
            _ => Vec::new(),
        };
        let end = (self.start + self.len).min(all.len());
        all.get(self.start.min(end)..end).map(|s| s.to_vec()).unwrap_or_default()
    }

    pub fn readonly(&self) -> bool {
        !matches!(&self.obj, Value::Obj(o) if o.kind() == Kind::ByteArray)
    }
}

/// The memoryview `v` is, if it is one.
pub fn as_view(v: &Value) -> Option<&MemoryView> {
    v.as_obj().and_then(|o| o.foreign::<MemoryView>())
}

fn new_view(obj: Value, start: usize, len: usize) -> Value {
    new_view_fmt(obj, start, len, "B")
}

fn new_view_fmt(obj: Value, start: usize, len: usize, fmt: &'static str) -> Value {
    Value::Obj(ObjRef::new_foreign(MemoryView { obj, start, len, released: Cell::new(false), fmt }))
}

/// `memoryview(obj)`.
pub fn memoryview_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "memoryview", 1, 1)?;
    let x = crate::protocol::ops::unwrap_base(&pos[0]).clone();
    if let Some(m) = as_view(&x) {
        check(vm, m)?;
        return Ok(new_view_fmt(m.obj.clone(), m.start, m.len, m.fmt));
    }
    let n = match &x {
        Value::Obj(o) => match o.view() {
            Obj::Bytes(b) => Some(b.len()),
            Obj::ByteArray(b) => Some(b.borrow().len()),
            _ => None,
        },
        _ => None,
    };
    match n {
        Some(n) => Ok(new_view(x, 0, n)),
        None => Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(&pos[0])))),
    }
}

fn check(vm: &Vm, m: &MemoryView) -> PyResult<()> {
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

pub fn len(vm: &Vm, m: &MemoryView) -> PyResult<usize> {
    check(vm, m)?;
    Ok(m.items())
}

pub fn repr(m: &MemoryView, addr: &str) -> String {
    if m.released.get() {
        format!("<released memory at {addr}>")
    } else {
        format!("<memory at {addr}>")
    }
}

/// `view[i]` (an int) or `view[a:b]` (a view of the same object).
pub fn getitem(vm: &mut Vm, m: &MemoryView, key: &Value) -> PyResult<Value> {
    check(vm, m)?;
    if let Value::Obj(k) = key {
        if let Obj::Slice { start, stop, step } = k.view() {
            let (s, e, st) = crate::protocol::subscr::slice_indices(vm, start, stop, step, m.items() as i64)?;
            if st != 1 {
                return Err(vm.err("NotImplementedError", "memoryview slices with a step other than 1"));
            }
            let n = (e - s).max(0) as usize;
            let k = m.itemsize();
            return Ok(new_view_fmt(m.obj.clone(), m.start + s as usize * k, n * k, m.fmt));
        }
    }
    let i = match vm.index_value(key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let n = m.items() as i64;
    let j = if i < 0 { i + n } else { i };
    let data = m.data();
    let k = m.itemsize();
    match usize::try_from(j).ok().and_then(|j| data.get(j * k..j * k + k)) {
        Some(b) if j < n => Ok(item_value(m.fmt, b)),
        _ => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// `hash(view)`: a read-only view hashes as its bytes.
pub fn hash(vm: &mut Vm, m: &MemoryView) -> PyResult<i64> {
    check(vm, m)?;
    if !m.readonly() {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = Value::obj(crate::object::NewObj::Bytes(m.data()));
    vm.hash(&b)
}

/// The attributes CPython serves by getsets.
pub fn attr(vm: &mut Vm, m: &MemoryView, name: &str) -> PyResult<Option<Value>> {
    if matches!(name, "obj" | "nbytes" | "readonly" | "itemsize" | "format" | "ndim" | "shape" | "strides") {
        check(vm, m)?;
    }
    Ok(match name {
        "obj" => Some(m.obj.clone()),
        "nbytes" => Some(Value::Int(m.len as i64)),
        "readonly" => Some(Value::Bool(m.readonly())),
        "itemsize" => Some(Value::Int(m.itemsize() as i64)),
        "format" => Some(Value::str(m.fmt)),
        "ndim" => Some(Value::Int(1)),
        "shape" => Some(vm.new_tuple(vec![Value::Int(m.items() as i64)])),
        "strides" => Some(vm.new_tuple(vec![Value::Int(m.itemsize() as i64)])),
        "c_contiguous" | "f_contiguous" | "contiguous" => Some(Value::Bool(true)),
        _ => None,
    })
}

pub const METHODS: crate::builtins::MethodTable = &[
    ("tobytes", mv_tobytes),
    ("tolist", mv_tolist),
    ("cast", mv_cast),
    ("hex", mv_hex),
    ("release", mv_release),
    ("__enter__", mv_enter),
    ("__exit__", mv_exit),
];

fn this<'v>(vm: &Vm, a: &Args<'v>, name: &str, min: usize, max: usize) -> PyResult<(&'v MemoryView, &'v [Value])> {
    let pos = a.check(vm, name, min, max)?;
    match as_view(&pos[0]) {
        Some(m) => Ok((m, pos)),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'memoryview' object"))),
    }
}

fn mv_tobytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, _) = this(vm, &a, "tobytes", 1, 2)?;
    check(vm, m)?;
    Ok(Value::obj(crate::object::NewObj::Bytes(m.data())))
}

fn mv_tolist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, _) = this(vm, &a, "tolist", 1, 1)?;
    check(vm, m)?;
    let k = m.itemsize();
    Ok(vm.new_list(m.data().chunks_exact(k).map(|b| item_value(m.fmt, b)).collect()))
}

/// `cast(format)`: a one-dimensional view of the same bytes as items of `format`.
fn mv_cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, pos) = this(vm, &a, "cast", 2, 2)?;
    check(vm, m)?;
    let Some(f) = pos[1].as_str() else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", vm.type_name(&pos[1]))));
    };
    let f = f.strip_prefix('@').unwrap_or(f);
    const FORMATS: &[&str] = &["B", "b", "c", "?", "H", "h", "I", "i", "L", "l", "Q", "q", "N", "n"];
    let Some(fmt) = FORMATS.iter().copied().find(|x| *x == f) else {
        return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
    };
    if m.fmt != "B" && m.fmt != "b" && m.fmt != "c" && fmt != "B" && fmt != "b" && fmt != "c" {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if m.len % itemsize_of(fmt).unwrap_or(1) != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(new_view_fmt(m.obj.clone(), m.start, m.len, fmt))
}

fn mv_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, _) = this(vm, &a, "hex", 1, 1)?;
    check(vm, m)?;
    Ok(Value::string(m.data().iter().map(|b| format!("{b:02x}")).collect::<String>()))
}

fn mv_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, _) = this(vm, &a, "release", 1, 1)?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, pos) = this(vm, &a, "__enter__", 1, 1)?;
    check(vm, m)?;
    Ok(pos[0].clone())
}

fn mv_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (m, _) = this(vm, &a, "__exit__", 1, 4)?;
    m.released.set(true);
    Ok(Value::None)
}
