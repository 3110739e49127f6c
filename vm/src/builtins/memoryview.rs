//! `memoryview` over `bytes` and `bytearray` (format `'B'`, one dimension): length,
//! indexing and contiguous slicing (a view of the same object), iteration, `==`,
//! `hash` (read-only views), `tobytes`, `tolist`, `hex`, `release` and the context
//! manager, the usual attributes; a view is bytes-like wherever `bytes_data` is
//! asked (`bytes(view)`, `b''.join`, ...). Not done: item assignment through a view,
//! `cast`, other formats and more dimensions, and iteration as a `memory_iterator`
//! (it iterates over a copy of its bytes).

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
    pub len: usize,
    pub released: Cell<bool>,
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
    Value::Obj(ObjRef::new_foreign(MemoryView { obj, start, len, released: Cell::new(false) }))
}

/// `memoryview(obj)`.
pub fn memoryview_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check_pos(vm, "memoryview", 1, 1)?;
    let x = crate::protocol::ops::unwrap_base(&pos[0]).clone();
    if let Some(m) = as_view(&x) {
        check(vm, m)?;
        return Ok(new_view(m.obj.clone(), m.start, m.len));
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
    Ok(m.len)
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
            let (s, e, st) = crate::protocol::subscr::slice_indices(vm, start, stop, step, m.len as i64)?;
            if st != 1 {
                return Err(vm.err("NotImplementedError", "memoryview slices with a step other than 1"));
            }
            let n = (e - s).max(0) as usize;
            return Ok(new_view(m.obj.clone(), m.start + s as usize, n));
        }
    }
    let i = match vm.index_value(key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    let data = m.data();
    match usize::try_from(j).ok().and_then(|j| data.get(j)) {
        Some(b) if j < n => Ok(Value::Int(*b as i64)),
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
        "itemsize" => Some(Value::Int(1)),
        "format" => Some(Value::str("B")),
        "ndim" => Some(Value::Int(1)),
        "shape" => Some(vm.new_tuple(vec![Value::Int(m.len as i64)])),
        "strides" => Some(vm.new_tuple(vec![Value::Int(1)])),
        "c_contiguous" | "f_contiguous" | "contiguous" => Some(Value::Bool(true)),
        _ => None,
    })
}

pub const METHODS: crate::builtins::MethodTable = &[
    ("tobytes", mv_tobytes),
    ("tolist", mv_tolist),
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
    Ok(vm.new_list(m.data().into_iter().map(|b| Value::Int(b as i64)).collect()))
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
