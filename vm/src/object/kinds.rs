//! The kind table: for each [`Kind`], its payload type — how to view it, drop it and
//! find its size. `view`, `drop_payload` and the collector's `trace`/`clear`
//! (`gc.rs`) are the places that must agree; each matches on every kind, so a new
//! kind that is missing from one of them is a compile error.

use std::alloc::Layout;
use std::cell::RefCell;
use std::ptr::NonNull;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::object::heap::{Header, Kind, ObjRef, PAYLOAD};
use crate::object::*;
use crate::value::Value;

/// Allocate an object with a sized payload.
#[inline]
pub(crate) fn new_obj<T: KindPayload>(kind: Kind, val: T) -> ObjRef {
    debug_assert!(T::accepts(kind));
    // SAFETY: `KindPayload::accepts` ties T to the kind (checked in debug builds; the
    // constructors in `NewObj::alloc` and below pass matching pairs).
    unsafe { ObjRef::alloc(kind, val) }
}

/// Payload types of the sized kinds.
pub(crate) trait KindPayload {
    fn accepts(kind: Kind) -> bool;
}

macro_rules! payloads {
    ($($t:ty => $($k:ident)|+;)*) => {
        $(impl KindPayload for $t {
            fn accepts(kind: Kind) -> bool {
                matches!(kind, $(Kind::$k)|+)
            }
        })*
    };
}

payloads! {
    BigInt => Int;
    RefCell<Vec<u8>> => ByteArray;
    RefCell<Vec<Value>> => List;
    RefCell<Dict> => Dict | Set;
    Dict => FrozenSet;
    RangeObj => Range;
    SliceObj => Slice;
    ComplexObj => Complex;
    Function => Function;
    BoundMethodObj => BoundMethod;
    NativeFunction => Native;
    Class => Class;
    Exception => Exception;
    Module => Module;
    Rc<PyCode> => Code;
    RefCell<Value> => Cell;
    RefCell<IterState> => Iter;
    PropertyObj => Property;
    Value => StaticMethod | ClassMethod;
    SuperObj => Super;
    DictViewObj => DictView;
    Traceback => Traceback;
    () => NotImplemented | Ellipsis;
    weakref::WeakRef => WeakRef | WeakProxy;
}

/// A tuple object holding `items`.
pub(crate) fn new_tuple(items: Vec<Value>) -> ObjRef {
    let n = items.len();
    let len = u32::try_from(n).unwrap_or_else(|_| std::alloc::handle_alloc_error(Layout::new::<Value>()));
    // SAFETY: Tuple's payload is `len` values inline at PAYLOAD; all are written
    // (moved out of the vector, whose buffer is then freed without dropping them)
    // before the object is tracked or returned.
    unsafe {
        let (o, data) = ObjRef::alloc_var(Kind::Tuple, (), n * std::mem::size_of::<Value>(), 8);
        debug_assert_eq!(data as usize - o.addr(), PAYLOAD);
        let mut items = std::mem::ManuallyDrop::new(items);
        std::ptr::copy_nonoverlapping(items.as_ptr(), data as *mut Value, n);
        items.set_len(0);
        std::mem::ManuallyDrop::drop(&mut items);
        o.header().len.set(len);
        crate::object::gc::track_new(&o);
        o
    }
}

/// A tuple object copied from a slice.
pub(crate) fn new_tuple_from(items: &[Value]) -> ObjRef {
    let n = items.len();
    let len = u32::try_from(n).unwrap_or_else(|_| std::alloc::handle_alloc_error(Layout::new::<Value>()));
    // SAFETY: as in new_tuple; every slot is written with a clone.
    unsafe {
        let (o, data) = ObjRef::alloc_var(Kind::Tuple, (), n * std::mem::size_of::<Value>(), 8);
        let dst = data as *mut Value;
        for (i, v) in items.iter().enumerate() {
            dst.add(i).write(v.clone());
        }
        o.header().len.set(len);
        crate::object::gc::track_new(&o);
        o
    }
}

/// The items of a tuple object.
#[inline(always)]
pub(crate) fn tuple_items(o: &ObjRef) -> &[Value] {
    debug_assert_eq!(o.kind(), Kind::Tuple);
    let n = o.header().len.get() as usize;
    // SAFETY: a tuple holds `len` initialised values at PAYLOAD, immutable for its life.
    unsafe { std::slice::from_raw_parts((o.as_ptr() as *const u8).add(PAYLOAD) as *const Value, n) }
}

#[repr(C)]
struct BytesPrefix {
    len: usize,
}

/// A bytes object holding a copy of `b`.
pub(crate) fn new_bytes(b: &[u8]) -> ObjRef {
    // SAFETY: Bytes' payload is BytesPrefix + bytes; written before use.
    unsafe {
        let (o, data) = ObjRef::alloc_var(Kind::Bytes, BytesPrefix { len: b.len() }, b.len(), 1);
        std::ptr::copy_nonoverlapping(b.as_ptr(), data, b.len());
        o
    }
}

#[inline(always)]
fn bytes_of(o: &ObjRef) -> &[u8] {
    // SAFETY: a bytes object: prefix at PAYLOAD, `len` bytes right after it.
    unsafe {
        let p = (o.as_ptr() as *const u8).add(PAYLOAD);
        let n = (*(p as *const BytesPrefix)).len;
        std::slice::from_raw_parts(p.add(std::mem::size_of::<BytesPrefix>()), n)
    }
}

/// The payload view.
#[inline(always)]
pub(crate) fn view(o: &ObjRef) -> Obj<'_> {
    // SAFETY (every arm): the kind byte says which payload type the object holds.
    unsafe {
        match o.kind() {
            Kind::Str => Obj::Str(PyStr::of(o)),
            Kind::Int => Obj::Int(o.payload::<BigInt>()),
            Kind::Bytes => Obj::Bytes(bytes_of(o)),
            Kind::ByteArray => Obj::ByteArray(o.payload::<RefCell<Vec<u8>>>()),
            Kind::Tuple => Obj::Tuple(tuple_items(o)),
            Kind::List => Obj::List(o.payload::<RefCell<Vec<Value>>>()),
            Kind::Dict => Obj::Dict(o.payload::<DictRef>()),
            Kind::Set => Obj::Set(o.payload::<RefCell<Dict>>()),
            Kind::FrozenSet => Obj::FrozenSet(o.payload::<Dict>()),
            Kind::Range => {
                let r = o.payload::<RangeObj>();
                Obj::Range { start: &r.start, stop: &r.stop, step: &r.step }
            }
            Kind::Slice => {
                let s = o.payload::<SliceObj>();
                Obj::Slice { start: &s.start, stop: &s.stop, step: &s.step }
            }
            Kind::Complex => {
                let c = o.payload::<ComplexObj>();
                Obj::Complex(&c.re, &c.im)
            }
            Kind::Function => Obj::Function(o.payload::<Function>()),
            Kind::BoundMethod => {
                let m = o.payload::<BoundMethodObj>();
                Obj::BoundMethod { func: &m.func, slf: m.receiver(o) }
            }
            Kind::Native => Obj::Native(o.payload::<NativeFunction>()),
            Kind::Class => Obj::Class(o.payload::<Class>()),
            Kind::Instance => Obj::Instance(crate::object::instance::of(o)),
            Kind::Exception => Obj::Exception(o.payload::<Exception>()),
            Kind::Module => Obj::Module(o.payload::<Module>()),
            Kind::Code => Obj::Code(o.payload::<Rc<PyCode>>()),
            Kind::Cell => Obj::Cell(o.payload::<RefCell<Value>>()),
            Kind::Iter => Obj::Iter(o.payload::<RefCell<IterState>>()),
            Kind::Property => {
                let p = o.payload::<PropertyObj>();
                Obj::Property { fget: &p.fget, fset: &p.fset, fdel: &p.fdel, doc: &p.doc }
            }
            Kind::StaticMethod => Obj::StaticMethod(o.payload::<Value>()),
            Kind::ClassMethod => Obj::ClassMethod(o.payload::<Value>()),
            Kind::Super => {
                let s = o.payload::<SuperObj>();
                Obj::Super { class: &s.class, obj: &s.obj }
            }
            Kind::DictView => {
                let d = o.payload::<DictViewObj>();
                Obj::DictView { dict: &d.dict, kind: &d.kind }
            }
            Kind::Traceback => Obj::Traceback(o.payload::<Traceback>()),
            Kind::NotImplemented => Obj::NotImplemented,
            Kind::Ellipsis => Obj::Ellipsis,
            Kind::WeakRef => Obj::WeakRef(o.payload::<weakref::WeakRef>()),
            Kind::WeakProxy => Obj::WeakProxy(o.payload::<weakref::WeakRef>()),
            Kind::Generator => Obj::Generator(ForeignView(o)),
            Kind::Frame => Obj::Frame(ForeignView(o)),
            Kind::AsyncGen => Obj::AsyncGen(ForeignView(o)),
            Kind::AsyncGenAwaitable => Obj::AsyncGenAwaitable(ForeignView(o)),
            Kind::AttrDescr => Obj::AttrDescr(ForeignView(o)),
            Kind::Alias => Obj::Alias(ForeignView(o)),
            Kind::LongRange => Obj::LongRange(ForeignView(o)),
            Kind::MemoryView => Obj::MemoryView(ForeignView(o)),
            Kind::Sre => Obj::Sre(ForeignView(o)),
        }
    }
}

/// Drop the payload in place and return the allocation's layout.
///
/// # Safety
/// `p` must be a live object with count zero, not referenced any more.
pub(crate) unsafe fn drop_payload(p: NonNull<Header>) -> Layout {
    // SAFETY: the caller's contract; each arm drops the payload type of its kind.
    unsafe {
        let h = p.as_ref();
        let pl = (p.as_ptr() as *mut u8).add(PAYLOAD);
        macro_rules! sized {
            ($t:ty) => {{
                std::ptr::drop_in_place(pl as *mut $t);
                Layout::from_size_align_unchecked(PAYLOAD + std::mem::size_of::<$t>(), 8)
            }};
        }
        match h.kind() {
            Kind::Str => crate::object::str::str_layout(p),
            Kind::Int => sized!(BigInt),
            Kind::Bytes => {
                let n = (*(pl as *const BytesPrefix)).len;
                crate::object::heap::var_layout::<BytesPrefix>(n, 1).0
            }
            Kind::ByteArray => sized!(RefCell<Vec<u8>>),
            Kind::Tuple => {
                let n = h.len.get() as usize;
                std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(pl as *mut Value, n));
                crate::object::heap::var_layout::<()>(n * std::mem::size_of::<Value>(), 8).0
            }
            Kind::List => sized!(RefCell<Vec<Value>>),
            Kind::Dict | Kind::Set => sized!(RefCell<Dict>),
            Kind::FrozenSet => sized!(Dict),
            Kind::Range => sized!(RangeObj),
            Kind::Slice => sized!(SliceObj),
            Kind::Complex => sized!(ComplexObj),
            Kind::Function => sized!(Function),
            Kind::BoundMethod => sized!(BoundMethodObj),
            Kind::Native => sized!(NativeFunction),
            Kind::Class => {
                crate::object::classes::release((*(pl as *const Class)).index.get());
                sized!(Class)
            }
            Kind::Instance => crate::object::instance::drop_payload(p),
            Kind::Exception => sized!(Exception),
            Kind::Module => sized!(Module),
            Kind::Code => {
                // The code object forgets its wrapper (see `code_value`).
                let code: &Rc<PyCode> = &*(pl as *const Rc<PyCode>);
                code.wrapper.set(std::ptr::null());
                sized!(Rc<PyCode>)
            }
            Kind::Cell => sized!(RefCell<Value>),
            Kind::Iter => sized!(RefCell<IterState>),
            Kind::Property => sized!(PropertyObj),
            Kind::StaticMethod | Kind::ClassMethod => sized!(Value),
            Kind::Super => sized!(SuperObj),
            Kind::DictView => sized!(DictViewObj),
            Kind::Traceback => sized!(Traceback),
            Kind::NotImplemented | Kind::Ellipsis => sized!(()),
            Kind::WeakRef | Kind::WeakProxy => {
                crate::object::weakref::unlink(p);
                sized!(weakref::WeakRef)
            }
            Kind::Generator | Kind::Frame | Kind::AsyncGen | Kind::AsyncGenAwaitable | Kind::AttrDescr | Kind::Alias | Kind::LongRange | Kind::MemoryView | Kind::Sre => {
                (crate::object::heap::foreign_ops(h).drop)(p)
            }
        }
    }
}

/// Bytes of memory an object takes (`sys.getsizeof`), excluding what its payload
/// points to.
pub fn size_of(o: &ObjRef) -> usize {
    match o.view() {
        Obj::Str(s) => s.size_of(),
        Obj::Bytes(b) => PAYLOAD + std::mem::size_of::<BytesPrefix>() + b.len(),
        Obj::Tuple(t) => PAYLOAD + t.len() * std::mem::size_of::<Value>(),
        _ => PAYLOAD + 32,
    }
}
