//! Quickening: the specialising adaptive interpreter (PEP 659, CPython 3.11's).
//!
//! A code object runs a copy of its units (`PyCode::quick`) in which every
//! instruction that has an adaptive form is replaced by it, its argument becoming the
//! index of the instruction's inline cache (`object/code.rs`'s `Cache`, a side table
//! beside the units; the generic argument is kept in the entry). The lifecycle of one
//! instruction:
//!
//! * **adaptive** (`LOAD_ATTR_ADAPTIVE`, ...): counts down from `WARMUP`; at zero it
//!   looks at the operand it has and, if one of its specialised forms fits, fills the
//!   cache and rewrites its own unit into that form, else backs off
//!   exponentially (16, 32, ... 4096 executions before the next attempt). Either way
//!   it then runs the generic body.
//! * **specialised** (`LOAD_ATTR_INSTANCE_VALUE`, ...): checks a guard (one or two
//!   compares: class index, shape, class version tag, dict layout) and does the work
//!   inline; on a miss it runs the generic body, and after `MISS_BUDGET` misses it
//!   rewrites itself back into the adaptive form with back-off.
//!
//! Why a side table rather than CPython's inline cache units: the units keep their
//! offsets (jump targets, the exception and line tables, `f_lasti`, `co_code` are
//! untouched), a cache entry is 48 bytes where CPython spends 10–20 bytes of cache
//! units on every LOAD_ATTR/LOAD_METHOD whether it specialises or not, and the
//! specialised handler reaches its entry with one indexed load from the frame's code.
//!
//! What a guard relies on:
//! * An instance's class is its header's `len` (a class-table index), its shape and
//!   layout epoch its `aux` (`object/instance.rs`): same class and `aux` means the
//!   name is at the same value index and the values array is as long.
//! * A class's version tag (`object/classes.rs`) is cleared on any change to it or
//!   its bases, so what the class lookup found (nothing, a plain value, a function)
//!   is still what it would find. A class index of a dead class has tag 0.
//! * A dict's layout version (`object/dict.rs`) changes whenever an entry index
//!   could start meaning another key.
//!
//! `-X specialize=off` makes new code objects without quickening.

use std::cell::Cell;

use pyhop_compiler::bytecode::CodeUnit;
use pyhop_compiler::Opcode;

use crate::object::code::Cache;
use crate::object::heap::Kind;
use crate::object::{classes, instance, Obj, ObjRef};
use crate::value::Value;
use crate::vm::Vm;

/// Misses a specialised instruction takes before it falls back to adaptive.
pub const MISS_BUDGET: u16 = 64;
/// First and last back-off exponent after a failed attempt.
const BACKOFF_START: u16 = 4;
const BACKOFF_MAX: u16 = 12;

/// What happened to an instruction, counted per family when DXP is on.
#[derive(Clone, Copy)]
pub enum Event {
    /// An adaptive instruction became specialised.
    Specialised,
    /// An attempt found no specialised form that fits.
    Failed,
    /// A specialised instruction's guard held.
    Hit,
    /// A specialised instruction's guard failed.
    Miss,
    /// A specialised instruction went back to adaptive.
    Deopt,
}

pub use crate::object::code::Stats;

/// Count `e` for the family of `op` (only while DXP counts).
#[inline]
pub fn count(vm: &mut Vm, op: Opcode, e: Event) {
    if let Some(t) = vm.spec_stats.as_mut() {
        let s = &mut t[op.family() as u8 as usize];
        match e {
            Event::Specialised => s.specialised += 1,
            Event::Failed => s.failed += 1,
            Event::Hit => s.hit += 1,
            Event::Miss => s.miss += 1,
            Event::Deopt => s.deopt += 1,
        }
    }
}

/// The unit of the instruction being executed (the one before `ip`), as a cell.
///
/// # Safety
/// `ip` is just past a quickened unit of a live code object (units are
/// `Cell<CodeUnit>`s: `PyCode::units`).
#[inline(always)]
pub unsafe fn unit_before(ip: *const CodeUnit) -> &'static Cell<CodeUnit> {
    // SAFETY: the caller's contract; Cell<CodeUnit> has CodeUnit's layout. The
    // reference is used at once, within the handler.
    unsafe { &*(ip.sub(1) as *const Cell<CodeUnit>) }
}

/// Rewrite the unit into `op` (its argument, the cache index, stays).
fn rewrite(unit: &Cell<CodeUnit>, op: Opcode) {
    let u = unit.get();
    unit.set(CodeUnit { op: op as u8, arg: u.arg });
}

/// A specialised instruction missed: count down, and go back to `adaptive` when
/// the budget is spent.
#[inline(never)]
#[cold]
pub fn miss(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, adaptive: Opcode) {
    let op = Opcode::from_u8(unit.get().op).unwrap_or(adaptive);
    count(vm, op, Event::Miss);
    let n = c.counter.get().saturating_sub(1);
    c.counter.set(n);
    if n == 0 {
        count(vm, op, Event::Deopt);
        rewrite(unit, adaptive);
        back_off(c);
    }
}

/// After a failed attempt (or a fall back): wait 2^backoff executions.
fn back_off(c: &Cache) {
    let b = c.backoff.get().clamp(BACKOFF_START - 1, BACKOFF_MAX - 1) + 1;
    c.backoff.set(b);
    c.counter.set(1 << b);
}

/// The end of an attempt: the unit becomes `op`, or backs off when `None`.
fn settle(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, family: Opcode, op: Option<Opcode>) {
    match op {
        Some(op) => {
            rewrite(unit, op);
            c.counter.set(MISS_BUDGET);
            c.backoff.set(0);
            count(vm, family, Event::Specialised);
        }
        None => {
            back_off(c);
            count(vm, family, Event::Failed);
        }
    }
}

/// Is `name` one the specialised forms may take? Dunders have special lookups
/// (`__class__`, `__dict__`, ...): they stay generic.
fn plain_name(name: &ObjRef) -> bool {
    name.as_pystr().map(|s| !s.as_str().starts_with("__")).unwrap_or(false)
}

/// What a class lookup found, as far as an instance value may shadow it without a
/// descriptor call: nothing, or a value of a type that can never be a data
/// descriptor (built-in types are immutable).
fn plain_class_attr(v: &Option<Value>) -> bool {
    match v {
        None => true,
        Some(Value::Obj(o)) => {
            matches!(o.kind(), Kind::Function | Kind::Str | Kind::Int | Kind::Tuple | Kind::List | Kind::Dict | Kind::FrozenSet)
        }
        Some(_) => true,
    }
}

/// An instance of a class whose attribute access is the generic one: the class
/// index and a version tag, or `None` (a class with `__getattr__`-like hooks on the
/// path is fine: they run only when the lookup fails, which the guard's miss covers).
fn instance_class(vm: &Vm, o: &ObjRef, store: bool) -> Option<(u32, u32)> {
    // SAFETY: kind checked.
    let i = (o.kind() == Kind::Instance).then(|| unsafe { instance::of(o) })?;
    let cls = i.class;
    let c = cls.as_class()?;
    if store && vm.user_dunder(&Value::Obj(o.clone()), "__setattr__").is_some() {
        return None;
    }
    let (index, version) = classes::versioned(cls, &c.index)?;
    // The instance's header names the class by the same index.
    (o.header().len.get() == index).then_some((index, version))
}

/// LOAD_ATTR_ADAPTIVE's attempt on `owner`.
pub fn load_attr(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) {
    let op = load_attr_form(vm, c, name, hash, owner);
    settle(vm, unit, c, Opcode::LoadAttr, op);
}

fn load_attr_form(vm: &Vm, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) -> Option<Opcode> {
    let Value::Obj(o) = owner else { return None };
    if !plain_name(name) {
        return None;
    }
    match o.view() {
        Obj::Instance(i) => {
            let s = name.as_pystr()?.as_str();
            if !plain_class_attr(&i.class.as_class()?.lookup_hashed(s, hash)) {
                return None;
            }
            let (cls, version) = instance_class(vm, o, false)?;
            let (index, aux, _) = i.cache_site(name, hash, false)?;
            c.class.set(cls);
            c.version.set(version);
            c.aux.set(aux);
            c.index.set(index as u32);
            Some(Opcode::LoadAttrInstanceValue)
        }
        Obj::Module(m) => module_site(c, m, name, hash).then_some(Opcode::LoadAttrModule),
        Obj::Class(k) => {
            // Of metaclass `type`, whose attributes that could come first (data
            // descriptors) are all dunders, which stay generic.
            if k.metaclass.borrow().as_ref().is_some_and(|m| !ObjRef::ptr_eq(m, &vm.types.type_)) {
                return None;
            }
            let found = k.lookup_hashed(name.as_pystr()?.as_str(), hash);
            if found.is_none() || !plain_class_attr(&found) {
                return None;
            }
            let (index, version) = classes::versioned(o, &k.index)?;
            c.class.set(index);
            c.version.set(version);
            let [lo, hi] = value_bits(found.as_ref()?);
            c.layout.set(lo);
            c.layout2.set(hi);
            Some(Opcode::LoadAttrClass)
        }
        _ => None,
    }
}

/// The bits of `v`, kept in a cache without a count: the value a class attribute
/// cache holds is owned by the class's dict, which keeps it while the class's
/// version tag is unchanged (`value_from_bits` borrows it back).
fn value_bits(v: &Value) -> [u64; 2] {
    // SAFETY: `Value` is 16 plain bytes (asserted in value.rs); reading them takes
    // no count and runs no drop.
    unsafe { std::mem::transmute_copy::<Value, [u64; 2]>(v) }
}

/// The value `value_bits` stored, with a new count.
///
/// # Safety
/// The bits come from `value_bits` of a value that is still alive.
#[inline(always)]
pub unsafe fn value_from_bits(bits: [u64; 2]) -> Value {
    // SAFETY: the caller's contract: the bits are a live value, borrowed here
    // (ManuallyDrop: no count released) and cloned.
    unsafe { (*std::mem::ManuallyDrop::new(std::mem::transmute::<[u64; 2], Value>(bits))).clone() }
}

/// Fill `c` with where module `m` keeps `name` (its dict's layout and entry).
fn module_site(c: &Cache, m: &crate::object::Module, name: &ObjRef, hash: i64) -> bool {
    let Some(s) = name.as_pystr() else { return false };
    let d = m.d().borrow();
    match d.index_str_hashed(hash, s.as_str()) {
        Some(i) => {
            c.layout.set(d.layout());
            c.index.set(i as u32);
            true
        }
        None => false,
    }
}

/// STORE_ATTR_ADAPTIVE's attempt on `owner`.
pub fn store_attr(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) {
    let op = store_attr_form(vm, c, name, hash, owner);
    settle(vm, unit, c, Opcode::StoreAttr, op);
}

fn store_attr_form(vm: &Vm, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) -> Option<Opcode> {
    let Value::Obj(o) = owner else { return None };
    let Obj::Instance(i) = o.view() else { return None };
    if !plain_name(name) {
        return None;
    }
    let s = name.as_pystr()?.as_str();
    // A class attribute of any kind other than a plain value may be a descriptor
    // with `__set__`; a slot is in the fixed part and needs none.
    let found = i.class.as_class()?.lookup_hashed(s, hash);
    if !plain_class_attr(&found) || matches!(&found, Some(Value::Obj(f)) if f.kind() == Kind::Function) {
        return None;
    }
    let (cls, version) = instance_class(vm, o, true)?;
    let (index, aux, after) = i.cache_site(name, hash, true)?;
    c.class.set(cls);
    c.version.set(version);
    c.aux.set(aux);
    c.aux_after.set(after);
    c.index.set(index as u32);
    Some(Opcode::StoreAttrInstanceValue)
}

/// LOAD_METHOD_ADAPTIVE's attempt on `owner`.
pub fn load_method(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) {
    let op = load_method_form(vm, c, name, hash, owner);
    settle(vm, unit, c, Opcode::LoadMethod, op);
}

/// A method a specialised LOAD_METHOD may push: a plain function, or a native
/// method of a built-in type not yet bound.
fn plain_method(v: &Value) -> Option<&ObjRef> {
    let Value::Obj(f) = v else { return None };
    match f.view() {
        Obj::Function(_) => Some(f),
        Obj::Native(n) if n.owner.is_some() && n.slf.is_none() => Some(f),
        _ => None,
    }
}

fn load_method_form(vm: &Vm, c: &Cache, name: &ObjRef, hash: i64, owner: &Value) -> Option<Opcode> {
    let Value::Obj(o) = owner else { return None };
    if let Obj::Module(m) = o.view() {
        return module_site(c, m, name, hash).then_some(Opcode::LoadMethodModule);
    }
    let s = name.as_pystr()?.as_str();
    let tp = vm.type_of(owner);
    let cls = tp.as_class()?;
    let found = cls.lookup_hashed(s, hash)?;
    let f = plain_method(&found)?;
    match o.view() {
        Obj::Instance(i) => {
            // The instance must not shadow the method: its shape has no such name,
            // and it keeps no dict.
            if i.shape().dict_mode || i.shape().index_of(s, hash).is_some() {
                return None;
            }
            let (index, version) = instance_class(vm, o, false)?;
            c.class.set(index);
            c.version.set(version);
            c.aux.set(o.header().aux.get());
            c.ptr.set(f.as_ptr());
            Some(Opcode::LoadMethodWithValues)
        }
        _ if builtin_kind(o.kind()) => {
            let (index, version) = classes::versioned(&tp, &cls.index)?;
            c.class.set(index);
            c.version.set(version);
            c.aux.set(o.kind() as u16);
            c.ptr.set(f.as_ptr());
            Some(Opcode::LoadMethodBuiltin)
        }
        _ => None,
    }
}

/// LOAD_GLOBAL_ADAPTIVE's attempt in frame `f`: where the globals (else the
/// builtins) keep the name.
pub fn load_global(vm: &mut Vm, unit: &Cell<CodeUnit>, c: &Cache, f: &crate::frame::Frame) {
    let op = load_global_form(c, f);
    settle(vm, unit, c, Opcode::LoadGlobal, op);
}

fn load_global_form(c: &Cache, f: &crate::frame::Frame) -> Option<Opcode> {
    let i = c.arg as usize;
    let (name, hash) = (&f.code.names[i], f.code.name_hashes[i]);
    let g = f.globals.as_dict()?.try_borrow().ok()?;
    c.layout.set(g.layout());
    if let Some(index) = g.index_str_hashed(hash, name) {
        c.index.set(index as u32);
        return Some(Opcode::LoadGlobalModule);
    }
    let b = f.builtins.as_dict()?.try_borrow().ok()?;
    let index = b.index_str_hashed(hash, name)?;
    c.layout2.set(b.layout());
    c.index.set(index as u32);
    Some(Opcode::LoadGlobalBuiltin)
}

/// Kinds whose objects all have one built-in type (subclass instances are
/// `Instance`s), so the kind names the type.
pub fn builtin_kind(k: Kind) -> bool {
    matches!(k, Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Tuple | Kind::List | Kind::Dict | Kind::Set)
}

/// `sys._specialization_stats()`: per generic opcode with quickened forms, how
/// often it specialised, failed to, hit, missed and fell back, as a dict of dicts
/// (`None` while DXP is off: the counters run with it). The counters restart at zero.
pub fn sys_stats(vm: &mut Vm, a: crate::object::func::Args) -> crate::vm::PyResult<Value> {
    a.check(vm, "_specialization_stats", 0, 0)?;
    let Some(t) = vm.spec_stats.as_deref_mut() else { return Ok(Value::None) };
    let taken = std::mem::replace(t, [Stats::default(); 256]);
    let mut out = crate::object::Dict::new();
    for op in Opcode::ALL.iter().filter(|op| !op.is_specialised()) {
        if !Opcode::ALL.iter().any(|s| s.is_specialised() && s.family() == *op) {
            continue;
        }
        let s = taken[*op as u8 as usize];
        let mut d = crate::object::Dict::new();
        for (k, v) in [("specialised", s.specialised), ("failed", s.failed), ("hit", s.hit), ("miss", s.miss), ("deopt", s.deopt)] {
            d.insert_str(k, Value::Int(v as i64));
        }
        out.insert_str(op.name(), Value::Obj(Vm::dict_obj(d)));
    }
    Ok(Value::Obj(Vm::dict_obj(out)))
}
