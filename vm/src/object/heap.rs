//! The heap: object headers, [`ObjRef`] (a thin counted pointer), allocation at each
//! object's own size, and deallocation without native recursion.
//!
//! Every heap object is one allocation: a 16-byte [`Header`] followed by the payload of
//! its kind, at the payload's own size (variable-sized kinds — `str`, `bytes`, `tuple` —
//! hold their data inline after a small prefix). `ObjRef` is the address of the header:
//! 8 bytes, so `Value` stays 16. The kind byte tells what follows; see the module doc
//! of `object/` for each kind's layout.
//!
//! Reference counting is by hand (`Cell<u32>`, the VM is single-threaded). When a
//! count reaches zero the object goes through [`release`]: weak references to it are
//! cleared, an instance with `__del__` (or a suspended generator) is kept alive and
//! queued for its finalizer instead (PEP 442; the interpreter runs the queue at its
//! next safe point, see `object/pending.rs`), a tracked container leaves the
//! collector's lists, and the payload is dropped. Dropping a payload drops the values
//! it holds; frees nest on the native stack up to [`MAX_FREE_DEPTH`], and an object
//! freed deeper than that is pushed onto a list and freed by the outermost `release`
//! (CPython's "trashcan"), so a chain of a million nested lists is freed in a loop,
//! not by a million nested calls.

use std::alloc::Layout;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::ptr::NonNull;

use crate::value::Value;

/// What follows the header. Kinds at or above [`Kind::FIRST_FOREIGN`] carry their own
/// drop/trace/clear functions (payloads defined above the object layer).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Str,
    Int,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Complex,
    Function,
    BoundMethod,
    Native,
    Class,
    Instance,
    Exception,
    Module,
    Code,
    Cell,
    Iter,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    DictView,
    Traceback,
    NotImplemented,
    Ellipsis,
    WeakRef,
    WeakProxy,
    /// Foreign kinds: payload = [`ForeignBox`].
    Generator,
    Frame,
    AsyncGen,
    AsyncGenAwaitable,
    /// `getset_descriptor` / `member_descriptor` (`builtins/attrdescr.rs`).
    AttrDescr,
    /// `types.GenericAlias` / `types.UnionType` (`builtins/genericalias.rs`).
    Alias,
    /// A `range` with bounds beyond i64 (`builtins/longrange.rs`).
    LongRange,
    /// `memoryview` (`builtins/memoryview.rs`).
    MemoryView,
    /// The state behind `_sre`'s pattern, match and scanner objects (`builtins/sre/`),
    /// held in a private slot of those instances.
    Sre,
}

impl Kind {
    pub const FIRST_FOREIGN: Kind = Kind::Generator;

    /// Kinds whose objects the cycle collector tracks (containers that can be part of
    /// a reference cycle). Strings, numbers, bytes, code and the singletons are not.
    #[inline]
    pub fn is_gc(self) -> bool {
        !matches!(
            self,
            Kind::Str
                | Kind::Int
                | Kind::Bytes
                | Kind::ByteArray
                | Kind::Range
                | Kind::Complex
                | Kind::Code
                | Kind::NotImplemented
                | Kind::Ellipsis
        )
    }
}

/// Header flags.
pub mod flags {
    /// In one of the collector's generation lists.
    pub const TRACKED: u8 = 1;
    /// `__del__` (or generator close) has run: never again (PEP 442).
    pub const FINALIZED: u8 = 2;
    /// Weak references to this object exist (see `object/weakref.rs`).
    pub const WEAKREFS: u8 = 4;
    /// Part of the generation being collected.
    pub const COLLECTING: u8 = 8;
    /// Found reachable during a collection.
    pub const REACHABLE: u8 = 16;
    /// Generation (0..=2, 3 = permanent) in bits 5-6.
    pub const GEN_SHIFT: u8 = 5;
    pub const GEN_MASK: u8 = 3 << GEN_SHIFT;
    /// Queued in the finalizer list (do not queue twice).
    pub const QUEUED: u8 = 128;
}

/// The common prefix of every heap object.
#[repr(C, align(8))]
pub struct Header {
    rc: Cell<u32>,
    /// The collector's word: index in its generation list while tracked, the
    /// `gc_refs` count during a collection.
    pub(crate) gc: Cell<u32>,
    kind: Kind,
    pub(crate) flags: Cell<u8>,
    /// Kind-specific bits (str: ASCII, INTERNED; bit 15 of tracked kinds: the
    /// collector's SCANNED mark during a collection).
    pub(crate) aux: Cell<u16>,
    /// Kind-specific length (tuple: item count).
    pub(crate) len: Cell<u32>,
}

const _: () = assert!(std::mem::size_of::<Header>() == 16);

/// Offset of the payload from the header.
pub const PAYLOAD: usize = std::mem::size_of::<Header>();

impl Header {
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    #[inline(always)]
    pub fn refcount(&self) -> u32 {
        self.rc.get()
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u8) -> bool {
        self.flags.get() & f != 0
    }

    #[inline(always)]
    pub fn set_flag(&self, f: u8) {
        self.flags.set(self.flags.get() | f)
    }

    #[inline(always)]
    pub fn clear_flag(&self, f: u8) {
        self.flags.set(self.flags.get() & !f)
    }
}

/// A counted reference to a heap object (the address of its header).
#[repr(transparent)]
pub struct ObjRef(NonNull<Header>);

impl ObjRef {
    /// The header.
    #[inline(always)]
    pub fn header(&self) -> &Header {
        // SAFETY: an ObjRef keeps its object alive, so the header is valid.
        unsafe { self.0.as_ref() }
    }

    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.header().kind
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *const Header {
        self.0.as_ptr()
    }

    /// Address as an integer (`id()`).
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    #[inline(always)]
    pub fn ptr_eq(a: &ObjRef, b: &ObjRef) -> bool {
        a.0 == b.0
    }

    /// A new counted reference from a raw header pointer.
    ///
    /// # Safety
    /// `p` must point at a live object.
    #[inline(always)]
    pub unsafe fn from_raw_incref(p: NonNull<Header>) -> ObjRef {
        let r = ObjRef(p);
        r.incref();
        r
    }

    #[inline(always)]
    pub(crate) fn raw(&self) -> NonNull<Header> {
        self.0
    }

    /// Take over a count held in raw form (from `into_raw`).
    ///
    /// # Safety
    /// `p` must carry one count that nothing else will release.
    #[inline(always)]
    pub(crate) unsafe fn from_raw(p: NonNull<Header>) -> ObjRef {
        ObjRef(p)
    }

    #[inline(always)]
    fn incref(&self) {
        let h = self.header();
        let n = h.rc.get().wrapping_add(1);
        h.rc.set(n);
        if n == 0 {
            // 2^32 counts: every count is an ObjRef somewhere; this is a leak bug.
            std::process::abort();
        }
    }

    /// The payload as a `T`.
    ///
    /// # Safety
    /// The object's kind must have `T` as its payload type.
    #[inline(always)]
    pub unsafe fn payload<T>(&self) -> &T {
        // SAFETY: the caller guarantees the payload type; it starts PAYLOAD bytes
        // after the header and lives as long as this reference.
        unsafe { &*((self.0.as_ptr() as *const u8).add(PAYLOAD) as *const T) }
    }

    /// Allocate an object of `kind` with a sized payload.
    ///
    /// # Safety
    /// `T` must be the payload type of `kind` (the table in `drop_payload`).
    pub(crate) unsafe fn alloc<T>(kind: Kind, val: T) -> ObjRef {
        let layout = sized_layout::<T>();
        // SAFETY: the layout is non-zero (it includes the header).
        let raw = unsafe { std::alloc::alloc(layout) };
        let Some(p) = NonNull::new(raw as *mut Header) else { std::alloc::handle_alloc_error(layout) };
        // SAFETY: fresh allocation of the right size and alignment.
        unsafe {
            p.as_ptr().write(Header::new(kind));
            (raw.add(PAYLOAD) as *mut T).write(val);
        }
        let r = ObjRef(p);
        if kind.is_gc() {
            crate::object::gc::track_new(&r);
        }
        r
    }

    /// Allocate an object with `extra` bytes of inline data after a sized prefix `P`
    /// (str, bytes, tuple). Returns the object and a pointer to the data area, which
    /// the caller must initialise before the object is used.
    ///
    /// # Safety
    /// `kind`'s payload must be `P` followed by the data, and the caller must fully
    /// initialise the data before anything can read or drop the object.
    pub(crate) unsafe fn alloc_var<P>(kind: Kind, prefix: P, extra: usize, data_align: usize) -> (ObjRef, *mut u8) {
        let (layout, data_off) = var_layout::<P>(extra, data_align);
        // SAFETY: non-zero layout.
        let raw = unsafe { std::alloc::alloc(layout) };
        let Some(p) = NonNull::new(raw as *mut Header) else { std::alloc::handle_alloc_error(layout) };
        // SAFETY: fresh allocation of the right size.
        unsafe {
            p.as_ptr().write(Header::new(kind));
            (raw.add(PAYLOAD) as *mut P).write(prefix);
        }
        // SAFETY: data_off + extra <= layout.size().
        (ObjRef(p), unsafe { raw.add(data_off) })
    }
}

impl Header {
    fn new(kind: Kind) -> Header {
        Header { rc: Cell::new(1), gc: Cell::new(u32::MAX), kind, flags: Cell::new(0), aux: Cell::new(0), len: Cell::new(0) }
    }
}

/// Every object is allocated with alignment 8 (no payload needs more: checked at
/// compile time for each payload type by the `const` assertion).
pub(crate) fn sized_layout<T>() -> Layout {
    const { assert!(std::mem::align_of::<T>() <= 8) };
    Layout::from_size_align(PAYLOAD + std::mem::size_of::<T>(), 8).unwrap_or_else(|_| oom())
}

/// Layout of a prefix `P` plus `extra` bytes aligned to `data_align`; and the data
/// offset from the start.
pub(crate) fn var_layout<P>(extra: usize, data_align: usize) -> (Layout, usize) {
    let pre = PAYLOAD + std::mem::size_of::<P>();
    let data_off = (pre + data_align - 1) & !(data_align - 1);
    let size = data_off.checked_add(extra).unwrap_or_else(|| oom());
    const { assert!(std::mem::align_of::<P>() <= 8) };
    debug_assert!(data_align <= 8);
    (Layout::from_size_align(size, 8).unwrap_or_else(|_| oom()), data_off)
}

#[cold]
fn oom() -> ! {
    std::alloc::handle_alloc_error(Layout::new::<u64>())
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        self.incref();
        ObjRef(self.0)
    }
}

impl ObjRef {
    /// Give up a reference that is known not to be the last one (the caller saw
    /// `refcount() > 1`): no path to the freeing code, so a handler's fast path that
    /// uses it makes no call (the tail engine's leaf handlers, `interp/tail.rs`).
    #[inline(always)]
    pub fn drop_shared(self) {
        let h = self.header();
        debug_assert!(h.rc.get() > 1, "drop_shared of a last reference");
        h.rc.set(h.rc.get() - 1);
        std::mem::forget(self);
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.rc.get() - 1;
        h.rc.set(n);
        if n == 0 {
            release(self.0);
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{:?} object at {:#x}>", self.kind(), self.addr())
    }
}

/// Objects whose count reached zero while other objects were being freed too deep
/// to recurse further (CPython's trashcan).
struct Trash {
    /// Nesting of `free` calls on the native stack.
    depth: Cell<u32>,
    /// Never dropped: a thread-local destructor must not free objects (the other
    /// thread-locals may be gone by then).
    queue: UnsafeCell<std::mem::ManuallyDrop<Vec<NonNull<Header>>>>,
}

thread_local! {
    static TRASH: Trash = const { Trash { depth: Cell::new(0), queue: UnsafeCell::new(std::mem::ManuallyDrop::new(Vec::new())) } };
}

/// How deep frees recurse before objects are queued instead: wide containers (a
/// list of a million objects) free their items at once, without queueing them;
/// deep ones (a chain of a million nested lists) never recurse further than this.
const MAX_FREE_DEPTH: u32 = 48;

/// A count reached zero.
#[cold]
#[inline(never)]
fn release(p: NonNull<Header>) {
    // SAFETY: the object is alive (count just reached zero, nothing freed it yet).
    let h = unsafe { p.as_ref() };
    if crate::object::pending::wants_finalizer(h) {
        // Resurrected into the finalizer queue, which now owns one count.
        h.rc.set(1);
        // SAFETY: the count just set is handed to the queue.
        crate::object::pending::queue_finalizer(unsafe { ObjRef::from_raw(p) });
        return;
    }
    if h.has_flag(flags::WEAKREFS) {
        crate::object::weakref::clear_weakrefs(h);
        if h.rc.get() != 0 {
            // A weakref callback cannot run here (no interpreter), but clearing a
            // weakref never resurrects; this is defensive.
            return;
        }
    }
    TRASH.with(|t| {
        let depth = t.depth.get();
        if depth >= MAX_FREE_DEPTH {
            // SAFETY: only this thread touches the queue, and no reference into it
            // is held across this push (the loop below pops before freeing).
            unsafe { (*t.queue.get()).push(p) };
            return;
        }
        t.depth.set(depth + 1);
        // SAFETY: p has count zero and is not referenced any more.
        unsafe { free(p) };
        if depth == 0 {
            loop {
                // SAFETY: as above; the borrow ends before `free` can push again.
                let next = unsafe { (*t.queue.get()).pop() };
                match next {
                    // SAFETY: every queued object reached count zero and was not freed.
                    Some(q) => unsafe { free(q) },
                    None => break,
                }
            }
        }
        t.depth.set(depth);
    });
}

/// Untrack, drop the payload and return the memory.
///
/// # Safety
/// `p` must be a live object with count zero that nothing references any more.
unsafe fn free(p: NonNull<Header>) {
    // SAFETY: the caller's contract; the header stays valid until dealloc below.
    let h = unsafe { p.as_ref() };
    if h.has_flag(flags::TRACKED) {
        crate::object::gc::untrack(h);
    }
    // SAFETY: drop_payload matches the allocation's kind and returns its layout.
    unsafe {
        let layout = crate::object::kinds::drop_payload(p);
        std::alloc::dealloc(p.as_ptr() as *mut u8, layout);
    }
}

/// A payload defined above the object layer (generators, frame objects): it brings
/// its own drop, trace and clear functions.
///
/// # Safety
/// `KIND` must be a foreign kind used by this type alone: `ObjRef::foreign` trusts the
/// kind byte to identify the payload type.
pub unsafe trait Foreign: 'static + Sized {
    const KIND: Kind;
    /// Call `visit` on every value this payload owns a count of.
    fn trace(&self, visit: &mut dyn FnMut(&Value));
    /// Drop the references that can form cycles (the collector's `tp_clear`).
    fn clear(&self);
    /// Whether dropping the last reference must first run a finalizer (a suspended
    /// generator is closed, PEP 342).
    fn needs_finalizer(&self) -> bool {
        false
    }
}

/// The functions of a foreign payload type.
pub struct ForeignOps {
    pub(crate) needs_finalizer: unsafe fn(NonNull<Header>) -> bool,
    pub(crate) drop: unsafe fn(NonNull<Header>) -> Layout,
    pub(crate) trace: unsafe fn(NonNull<Header>, &mut dyn FnMut(&Value)),
    pub(crate) clear: unsafe fn(NonNull<Header>),
}

/// The functions of a foreign object's payload (its first field).
///
/// # Safety
/// `h` is the header of a live object of a foreign kind (from
/// `Kind::FIRST_FOREIGN` on), whose payload is a `ForeignBox`.
#[inline]
pub(crate) unsafe fn foreign_ops(h: &Header) -> &'static ForeignOps {
    // SAFETY: the caller's contract; `ForeignBox` is `repr(C)` with `ops` first.
    unsafe { (*((h as *const Header as *const u8).add(PAYLOAD) as *const ForeignBox<()>)).ops }
}

/// A foreign payload: its functions, then the value.
#[repr(C)]
pub struct ForeignBox<T> {
    pub(crate) ops: &'static ForeignOps,
    pub(crate) val: T,
}

struct OpsOf<T>(std::marker::PhantomData<T>);

impl<T: Foreign> OpsOf<T> {
    const OPS: &'static ForeignOps =
        &ForeignOps { needs_finalizer: needs_fin_foreign::<T>, drop: drop_foreign::<T>, trace: trace_foreign::<T>, clear: clear_foreign::<T> };
}

/// # Safety
/// `p` must be a foreign object of payload `T` whose count reached zero.
unsafe fn drop_foreign<T: Foreign>(p: NonNull<Header>) -> Layout {
    // SAFETY: the payload is a ForeignBox<T> (the object was made by new_foreign::<T>).
    unsafe { std::ptr::drop_in_place((p.as_ptr() as *mut u8).add(PAYLOAD) as *mut ForeignBox<T>) };
    sized_layout::<ForeignBox<T>>()
}

/// # Safety
/// `p` must be a live foreign object of payload `T`.
unsafe fn trace_foreign<T: Foreign>(p: NonNull<Header>, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: as above.
    let b = unsafe { &*((p.as_ptr() as *const u8).add(PAYLOAD) as *const ForeignBox<T>) };
    b.val.trace(visit)
}

/// # Safety
/// `p` must be a live foreign object of payload `T`.
unsafe fn needs_fin_foreign<T: Foreign>(p: NonNull<Header>) -> bool {
    // SAFETY: as above.
    let b = unsafe { &*((p.as_ptr() as *const u8).add(PAYLOAD) as *const ForeignBox<T>) };
    b.val.needs_finalizer()
}

/// # Safety
/// `p` must be a live foreign object of payload `T`.
unsafe fn clear_foreign<T: Foreign>(p: NonNull<Header>) {
    // SAFETY: as above.
    let b = unsafe { &*((p.as_ptr() as *const u8).add(PAYLOAD) as *const ForeignBox<T>) };
    b.val.clear()
}

impl ObjRef {
    /// A new object with a foreign payload.
    pub fn new_foreign<T: Foreign>(val: T) -> ObjRef {
        debug_assert!(T::KIND as u8 >= Kind::FIRST_FOREIGN as u8);
        // SAFETY: foreign kinds' payload is ForeignBox<T>, dropped through its ops.
        unsafe { ObjRef::alloc(T::KIND, ForeignBox { ops: OpsOf::<T>::OPS, val }) }
    }

    /// The foreign payload, if this object is of `T`'s kind and was made with `T`.
    #[inline]
    pub fn foreign<T: Foreign>(&self) -> Option<&T> {
        if self.kind() != T::KIND {
            return None;
        }
        // SAFETY: the kind matches and only T uses it (the `Foreign` contract).
        Some(unsafe { &self.payload::<ForeignBox<T>>().val })
    }
}

/// A `RefCell` borrow for the collector: `None` while the cell is mutably borrowed
/// (then the collector treats the container conservatively).
#[inline]
pub(crate) fn try_ref<T>(c: &RefCell<T>) -> Option<std::cell::Ref<'_, T>> {
    c.try_borrow().ok()
}
