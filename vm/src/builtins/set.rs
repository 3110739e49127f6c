//! `set` and `frozenset`: construction, operators, methods; dict key/item views
//! share the set operators.
//!
//! The algorithms follow CPython's `setobject.c` step by step (which operand is
//! iterated, when a table is pre-sized, when dummies are resized away), because
//! the resulting slot layout is the iteration order programs print. Tables are
//! set-mode [`Dict`]s. Work is done on owned copies, never while a `RefCell` borrow
//! is held across a call into user `__eq__`/`__hash__`/`__iter__` code.

use std::cell::RefCell;

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::{Dict, Obj, ViewKind};
use crate::protocol::ops::{unwrap_base, BinOp, CmpOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const SET_METHODS: MethodTable = &[
    ("__init__", set_init),
    ("add", set_add),
    ("discard", set_discard),
    ("remove", set_remove),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update),
    ("symmetric_difference_update", set_symmetric_difference_update),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
    ("__len__", set_len),
    ("__contains__", set_contains_m),
    ("__iter__", set_iter),
    ("__or__", set_or),
    ("__and__", set_and),
    ("__sub__", set_sub),
    ("__xor__", set_xor),
    ("__ror__", set_ror),
    ("__rand__", set_rand),
    ("__rsub__", set_rsub),
    ("__rxor__", set_rxor),
    ("__ior__", set_ior),
    ("__iand__", set_iand),
    ("__isub__", set_isub),
    ("__ixor__", set_ixor),
    ("__eq__", set_eq),
    ("__ne__", set_ne),
    ("__lt__", set_lt),
    ("__le__", set_le),
    ("__gt__", set_gt),
    ("__ge__", set_ge),
    ("__hash__", set_unhashable),
];

pub const FROZENSET_METHODS: MethodTable = &[
    ("copy", set_copy),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
    ("__len__", set_len),
    ("__contains__", set_contains_m),
    ("__iter__", set_iter),
    ("__or__", set_or),
    ("__and__", set_and),
    ("__sub__", set_sub),
    ("__xor__", set_xor),
    ("__ror__", set_ror),
    ("__rand__", set_rand),
    ("__rsub__", set_rsub),
    ("__rxor__", set_rxor),
    ("__eq__", set_eq),
    ("__ne__", set_ne),
    ("__lt__", set_lt),
    ("__le__", set_le),
    ("__gt__", set_gt),
    ("__ge__", set_ge),
];

/// Methods of `dict_keys` and `dict_items`.
pub const VIEW_METHODS: MethodTable = &[
    ("isdisjoint", view_isdisjoint),
    ("__len__", crate::builtins::dict::view_len),
    ("__iter__", crate::builtins::dict::view_iter),
    ("__contains__", crate::builtins::dict::view_contains),
    ("__reversed__", crate::builtins::dict::view_reversed),
    ("__or__", view_or),
    ("__and__", view_and),
    ("__sub__", view_sub),
    ("__xor__", view_xor),
    ("__ror__", view_ror),
    ("__rand__", view_rand),
    ("__rsub__", view_rsub),
    ("__rxor__", view_rxor),
];

// ---------------------------------------------------------------------------
// Operand classification.

/// A copy of the table of a set or frozenset (subclasses too): `PyAnySet_Check`.
fn snap(v: &Value) -> Option<Dict> {
    let mut d = match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Set(d) => d.try_borrow().ok()?.clone(),
            Obj::FrozenSet(d) => d.clone(),
            _ => return None,
        },
        _ => return None,
    };
    d.ensure_set();
    Some(d)
}

fn is_any_set(v: &Value) -> bool {
    matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::Set(_) | Obj::FrozenSet(_)))
}

/// A copy of an exact dict's table (`PyDict_CheckExact`).
fn exact_dict(v: &Value) -> Option<Dict> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => d.try_borrow().ok().map(|d| d.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The dict and kind of a keys or items view.
fn set_view(v: &Value) -> Option<(Value, ViewKind)> {
    match v {
        Value::Obj(o) => match o.view() {
            Obj::DictView { dict, kind } if *kind != ViewKind::Values => Some((dict.clone(), *kind)),
            _ => None,
        },
        _ => None,
    }
}

fn same(a: &Value, b: &Value) -> bool {
    unwrap_base(a).is(unwrap_base(b))
}

fn is_frozen(v: &Value) -> bool {
    matches!(unwrap_base(v), Value::Obj(o) if matches!(o.view(), Obj::FrozenSet(_)))
}

fn make(frozen: bool, d: Dict) -> Value {
    if frozen {
        Value::obj(crate::object::NewObj::FrozenSet(d))
    } else {
        Value::obj(crate::object::NewObj::Set(RefCell::new(d)))
    }
}

/// Check a set method's arguments (counts include self) with CPython's
/// messages; all positional arguments, self first.
fn sargs<'a>(vm: &Vm, a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::builtins::list::margs(vm, a, "set", name, min.saturating_sub(1), max.saturating_sub(1))?;
    Ok(a.pos())
}

fn type_name(vm: &Vm, v: &Value) -> String {
    vm.type_name(v).to_string()
}

// ---------------------------------------------------------------------------
// setobject.c algorithms on owned tables.

fn add_key(vm: &mut Vm, so: &mut Dict, key: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    so.insert_hashed(vm, h, key, Value::None)
}

/// `set_merge`.
fn merge(vm: &mut Vm, so: &mut Dict, other: &Dict) -> PyResult<()> {
    so.ensure_set();
    if other.is_empty() {
        return Ok(());
    }
    let (fill, mask) = so.set_fill_mask();
    if (fill + other.len()) * 5 >= mask * 3 {
        so.set_resize((so.len() + other.len()) * 2);
    }
    if so.set_fill_mask().0 == 0 {
        so.set_merge_into_empty(other);
        return Ok(());
    }
    for e in other.iter() {
        so.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
    }
    Ok(())
}

/// `set_update_internal` (the caller skips `s.update(s)`).
fn update_internal(vm: &mut Vm, so: &mut Dict, other: &Value) -> PyResult<()> {
    if let Some(o) = snap(other) {
        return merge(vm, so, &o);
    }
    if let Some(d) = exact_dict(other) {
        let (fill, mask) = so.set_fill_mask();
        if (fill + d.len()) * 5 >= mask * 3 {
            so.set_resize((so.len() + d.len()) * 2);
        }
        for e in d.iter() {
            so.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        add_key(vm, so, x)?;
    }
    Ok(())
}

/// `make_new_set(type, iterable)`.
fn new_from(vm: &mut Vm, other: &Value) -> PyResult<Dict> {
    let mut d = Dict::new_set();
    update_internal(vm, &mut d, other)?;
    Ok(d)
}

/// `set_copy` of a table.
fn copy_table(vm: &mut Vm, so: &Dict) -> PyResult<Dict> {
    let mut d = Dict::new_set();
    merge(vm, &mut d, so)?;
    Ok(d)
}

fn has(vm: &mut Vm, d: &Dict, hash: i64, key: &Value) -> PyResult<bool> {
    Ok(d.get_hashed(vm, hash, key)?.is_some())
}

/// `set_intersection(so, other)`; `same_obj` when `other` is `so` itself.
fn intersection(vm: &mut Vm, so: &Dict, other: &Value, same_obj: bool) -> PyResult<Dict> {
    if same_obj {
        return copy_table(vm, so);
    }
    let mut result = Dict::new_set();
    if let Some(o) = snap(other) {
        let (big, small) = if o.len() > so.len() { (&o, so) } else { (so, &o) };
        for e in small.iter() {
            if has(vm, big, e.hash, &e.key)? {
                result.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if has(vm, so, h, &x)? {
            result.insert_hashed(vm, h, x, Value::None)?;
        }
    }
    Ok(result)
}

fn resize_away_dummies(so: &mut Dict) {
    let (fill, mask) = so.set_fill_mask();
    if fill - so.len() > mask / 4 {
        let used = so.len();
        so.set_resize(if used > 50000 { used * 2 } else { used * 4 });
    }
}

/// `set_difference_update_internal`.
fn difference_update_internal(vm: &mut Vm, so: &mut Dict, other: &Value, same_obj: bool) -> PyResult<()> {
    if same_obj {
        so.clear();
        return Ok(());
    }
    if let Some(o) = snap(other) {
        let o = if (o.len() >> 3) > so.len() { intersection(vm, so, other, false)? } else { o };
        for e in o.iter() {
            so.remove_hashed(vm, e.hash, &e.key)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(x) = vm.next(&it)? {
            let h = vm.hash(&x)?;
            so.remove_hashed(vm, h, &x)?;
        }
    }
    resize_away_dummies(so);
    Ok(())
}

/// `set_difference(so, other)`.
fn difference(vm: &mut Vm, so: &Dict, other: &Value, same_obj: bool) -> PyResult<Dict> {
    let o = snap(other).or_else(|| exact_dict(other));
    let copy_and_difference = match &o {
        Some(o) => (so.len() >> 2) > o.len(),
        None => true,
    };
    if copy_and_difference || same_obj {
        let mut r = copy_table(vm, so)?;
        difference_update_internal(vm, &mut r, other, same_obj)?;
        return Ok(r);
    }
    let o = o.unwrap_or_default();
    let mut result = Dict::new_set();
    for e in so.iter() {
        if !has(vm, &o, e.hash, &e.key)? {
            result.insert_hashed(vm, e.hash, e.key.clone(), Value::None)?;
        }
    }
    Ok(result)
}

/// Discard `key` if present, else add it (one step of a symmetric difference).
fn toggle(vm: &mut Vm, so: &mut Dict, hash: i64, key: &Value) -> PyResult<()> {
    if so.remove_hashed(vm, hash, key)?.is_none() {
        so.insert_hashed(vm, hash, key.clone(), Value::None)?;
    }
    Ok(())
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, so: &mut Dict, other: &Value, same_obj: bool) -> PyResult<()> {
    if same_obj {
        so.clear();
        return Ok(());
    }
    let o = match exact_dict(other) {
        Some(d) => d,
        None => match snap(other) {
            Some(o) => o,
            None => new_from(vm, other)?,
        },
    };
    for e in o.iter() {
        toggle(vm, so, e.hash, &e.key)?;
    }
    Ok(())
}

/// `set_symmetric_difference(so, other)`.
/// (`s ^ s` really toggles every key of a copy: the result keeps its dummies.)
fn symmetric_difference(vm: &mut Vm, so: &Dict, other: &Value, _same_obj: bool) -> PyResult<Dict> {
    let mut o = new_from(vm, other)?;
    for e in so.iter() {
        toggle(vm, &mut o, e.hash, &e.key)?;
    }
    Ok(o)
}

fn binop_tables(vm: &mut Vm, op: BinOp, so: &Dict, other: &Value, same_obj: bool) -> PyResult<Dict> {
    match op {
        BinOp::Or => {
            let mut r = copy_table(vm, so)?;
            if !same_obj {
                update_internal(vm, &mut r, other)?;
            }
            Ok(r)
        }
        BinOp::And => intersection(vm, so, other, same_obj),
        BinOp::Sub => difference(vm, so, other, same_obj),
        _ => symmetric_difference(vm, so, other, same_obj),
    }
}

fn inplace_tables(vm: &mut Vm, op: BinOp, so: &mut Dict, other: &Value, same_obj: bool) -> PyResult<()> {
    match op {
        BinOp::Or => {
            if !same_obj {
                update_internal(vm, so, other)?;
            }
            Ok(())
        }
        BinOp::And => {
            let r = intersection(vm, so, other, same_obj)?;
            so.set_swap_body(r);
            Ok(())
        }
        BinOp::Sub => difference_update_internal(vm, so, other, same_obj),
        _ => symmetric_difference_update(vm, so, other, same_obj),
    }
}

// ---------------------------------------------------------------------------
// Dict views as set operands (`dictviews_or` & co.).

fn view_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = crate::builtins::functions::length(vm, v)?;
    Ok(n)
}

/// `dictviews_to_set`: a keys view of an exact dict takes the dict fast path.
fn view_to_table(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    if let Some((d, ViewKind::Keys)) = set_view(v) {
        if exact_dict(&d).is_some() {
            return new_from(vm, &d);
        }
    }
    new_from(vm, v)
}

/// `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Dict> {
    let (mut slf, mut other) = if set_view(a).is_some() { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let len_self = view_len(vm, &slf)?;
    let exact_set = matches!(&other, Value::Obj(o) if matches!(o.view(), Obj::Set(_)));
    if exact_set {
        let len_other = view_len(vm, &other)?;
        if len_self <= len_other {
            let so = snap(&other).unwrap_or_default();
            return intersection(vm, &so, &slf, false);
        }
    }
    if set_view(&other).is_some() {
        let len_other = view_len(vm, &other)?;
        if len_other > len_self {
            std::mem::swap(&mut slf, &mut other);
        }
    }
    let mut result = Dict::new_set();
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&slf, &x)? {
            add_key(vm, &mut result, x)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: `d1.items() ^ d2.items()`.
fn items_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Dict> {
    let (Some((d1, _)), Some((d2, _))) = (set_view(a), set_view(b)) else { return Ok(Dict::new_set()) };
    let mut temp = match unwrap_base(&d1) {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => d.borrow().clone(),
            _ => Dict::new(),
        },
        _ => Dict::new(),
    };
    let items2 = match unwrap_base(&d2) {
        Value::Obj(o) => match o.view() {
            Obj::Dict(d) => d.borrow().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect::<Vec<_>>(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let mut result = Dict::new_set();
    for (h, k, v2) in items2 {
        let v1 = temp.get_hashed(vm, h, &k)?;
        let delete = match &v1 {
            Some(v1) => v1.is(&v2) || vm.eq(v1, &v2)?,
            None => false,
        };
        if delete {
            temp.remove_hashed(vm, h, &k)?;
        } else {
            let pair = vm.new_tuple(vec![k, v2]);
            add_key(vm, &mut result, pair)?;
        }
    }
    for (k, v) in temp.items() {
        let pair = vm.new_tuple(vec![k, v]);
        add_key(vm, &mut result, pair)?;
    }
    Ok(result)
}

fn view_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let d = match op {
        BinOp::And => view_intersect(vm, a, b)?,
        BinOp::Or => {
            let mut r = new_from(vm, a)?;
            update_internal(vm, &mut r, b)?;
            r
        }
        BinOp::Sub => {
            let mut r = view_to_table(vm, a)?;
            difference_update_internal(vm, &mut r, b, false)?;
            r
        }
        _ => {
            if matches!(set_view(a), Some((_, ViewKind::Items))) && matches!(set_view(b), Some((_, ViewKind::Items))) {
                items_xor(vm, a, b)?
            } else {
                let mut r = view_to_table(vm, a)?;
                symmetric_difference_update(vm, &mut r, b, false)?;
                r
            }
        }
    };
    Ok(make(false, d))
}

// ---------------------------------------------------------------------------
// Entry points used by the operator protocol.

/// A set of the keys (or items) of a dict.
pub fn view_to_set(vm: &mut Vm, dict: &Value, kind: ViewKind) -> PyResult<Value> {
    let v = Value::obj(crate::object::NewObj::DictView { dict: dict.clone(), kind });
    let d = new_from(vm, &v)?;
    Ok(make(false, d))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets, frozensets and dict key/item
/// views (either side); `None` (NotImplemented) for other operands.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return None;
    }
    if is_any_set(a) && is_any_set(b) {
        let so = snap(a)?;
        let same_obj = same(a, b);
        return Some(binop_tables(vm, op, &so, b, same_obj).map(|d| make(is_frozen(a), d)));
    }
    if set_view(a).is_some() || set_view(b).is_some() {
        return Some(view_binop(vm, op, a, b));
    }
    None
}

/// `_PySet_Update(set, iterable)`, for the SET_UPDATE opcode: merges a set or
/// frozenset table (copying its layout into an empty set), pre-sizes for an
/// exact dict, else adds item by item.
pub fn update_from(vm: &mut Vm, set: &Value, iterable: &Value) -> PyResult<()> {
    let Some(cell) = set_cell(set) else { return Ok(()) };
    if same(set, iterable) {
        return Ok(());
    }
    let mut so = cell.borrow().clone();
    so.ensure_set();
    update_internal(vm, &mut so, iterable)?;
    *cell.borrow_mut() = so;
    Ok(())
}

/// The frozenset constant CPython's compiler makes of a constant set display
/// (`{1, 2, 3}` with 3+ constant items, `x in {...}`, `for x in {...}`): built
/// from the items, then rebuilt from its own iteration order when the constant
/// is merged (`merge_consts_recursive`).
pub fn const_frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let first = new_from(vm, &vm.new_tuple(items))?;
    let again = vm.new_tuple(first.keys());
    let d = new_from(vm, &again)?;
    Ok(make(true, d))
}

/// `a |= b` & co. on a set, in place; `None` if `b` is not a set or frozenset.
pub fn set_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<()>> {
    if !is_any_set(b) {
        return None;
    }
    let cell = set_cell(a)?;
    Some(in_place(vm, cell, a, b, op))
}

fn set_cell(v: &Value) -> Option<&RefCell<Dict>> {
    match unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Set(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// Run an in-place operation on a copy of the set's table and store the result.
fn in_place(vm: &mut Vm, cell: &RefCell<Dict>, a: &Value, b: &Value, op: BinOp) -> PyResult<()> {
    let mut so = cell.borrow().clone();
    so.ensure_set();
    inplace_tables(vm, op, &mut so, b, same(a, b))?;
    *cell.borrow_mut() = so;
    Ok(())
}

fn subset(vm: &mut Vm, x: &Dict, y: &Dict) -> PyResult<bool> {
    if x.len() > y.len() {
        return Ok(false);
    }
    for e in x.iter() {
        if !has(vm, y, e.hash, &e.key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The keys of a set, frozenset or key/item view as a table.
fn compare_table(vm: &mut Vm, v: &Value) -> PyResult<Option<Dict>> {
    if let Some(d) = snap(v) {
        return Ok(Some(d));
    }
    if set_view(v).is_some() {
        return new_from(vm, v).map(Some);
    }
    Ok(None)
}

/// Rich comparison of sets/frozensets/key and item views (subset order).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let x = compare_table(vm, a)?.unwrap_or_default();
    let y = compare_table(vm, b)?.unwrap_or_default();
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset(vm, &x, &y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(vm, &x, &y)?),
        CmpOp::Le => subset(vm, &x, &y)?,
        CmpOp::Lt => x.len() < y.len() && subset(vm, &x, &y)?,
        CmpOp::Ge => subset(vm, &y, &x)?,
        CmpOp::Gt => x.len() > y.len() && subset(vm, &y, &x)?,
    })
}

/// `key in s` with CPython's retry of an unhashable set key as a frozenset.
pub fn set_contains(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    let key = match vm.hash(key) {
        Ok(_) => key.clone(),
        Err(e) => match snap(key) {
            Some(d) if vm.err_matches(&e, "TypeError") && !is_frozen(key) => make(true, d),
            _ => return Err(e),
        },
    };
    let h = vm.hash(&key)?;
    match unwrap_base(s) {
        Value::Obj(o) => match o.view() {
            Obj::Set(d) => Ok(Dict::cell_find(d, vm, h, &key)?.is_some()),
            Obj::FrozenSet(d) => has(vm, d, h, &key),
            _ => Ok(false),
        },
        _ => Ok(false),
    }
}

// ---------------------------------------------------------------------------
// Construction.

pub fn set_new(vm: &mut Vm, frozen: bool, a: Args) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    if a.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = a.check_pos(vm, name, 0, 1)?;
    let d = match pos.first() {
        Some(v) => {
            // frozenset(frozenset) is the same object.
            if frozen {
                if let Value::Obj(o) = v {
                    if matches!(o.view(), Obj::FrozenSet(_)) {
                        return Ok(v.clone());
                    }
                }
            }
            new_from(vm, v)?
        }
        None => Dict::new_set(),
    };
    Ok(make(frozen, d))
}

/// The set (not frozenset) receiver of a method.
fn this<'a>(vm: &Vm, v: Option<&'a Value>, name: &str) -> PyResult<&'a RefCell<Dict>> {
    let err = |vm: &Vm| match v {
        Some(v) => vm.type_error(format!("descriptor '{name}' for 'set' objects doesn't apply to a '{}' object", vm.type_name(v))),
        None => vm.type_error(format!("unbound method set.{name}() needs an argument")),
    };
    let Some(v) = v else { return Err(err(vm)) };
    match set_cell(v) {
        Some(d) => {
            if let Ok(mut b) = d.try_borrow_mut() {
                b.ensure_set();
            }
            Ok(d)
        }
        None => Err(err(vm)),
    }
}

/// The receiver of a method shared by set and frozenset: a copy of its table.
fn any_this(vm: &Vm, v: Option<&Value>, name: &str) -> PyResult<Dict> {
    match v {
        Some(v) => match snap(v) {
            Some(d) => Ok(d),
            None => Err(vm.type_error(format!(
                "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method set.{name}() needs an argument"))),
    }
}

fn set_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.has_kw() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let pos = a.args;
    let cell = this(vm, pos.first(), "__init__")?;
    if pos.len() > 2 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", pos.len() - 1)));
    }
    let mut d = cell.borrow().clone();
    d.ensure_set();
    if !d.is_empty() || d.set_fill_mask().0 > 0 {
        d.clear();
    }
    if let Some(v) = pos.get(1) {
        if same(&pos[0], v) {
            return Ok(Value::None);
        }
        update_internal(vm, &mut d, v)?;
    }
    *cell.borrow_mut() = d;
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// Methods.

fn set_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "add", 2, 2)?;
    let cell = this(vm, pos.first(), "add")?;
    let h = vm.hash(&pos[1])?;
    Dict::cell_insert(cell, vm, h, pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

/// The key for `remove`/`discard`: an unhashable set is looked up as a frozenset.
fn lookup_key(vm: &mut Vm, key: &Value) -> PyResult<(i64, Value)> {
    match vm.hash(key) {
        Ok(h) => Ok((h, key.clone())),
        Err(e) => match snap(key) {
            Some(d) if vm.err_matches(&e, "TypeError") => {
                let f = make(true, d);
                let h = vm.hash(&f)?;
                Ok((h, f))
            }
            _ => Err(e),
        },
    }
}

fn set_discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "discard", 2, 2)?;
    let cell = this(vm, pos.first(), "discard")?;
    let (h, k) = lookup_key(vm, &pos[1])?;
    Dict::cell_remove(cell, vm, h, &k)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "remove", 2, 2)?;
    let cell = this(vm, pos.first(), "remove")?;
    let (h, k) = lookup_key(vm, &pos[1])?;
    match Dict::cell_remove(cell, vm, h, &k)? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(pos[1].clone())),
    }
}

fn set_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "pop", 1, 1)?;
    let r = this(vm, pos.first(), "pop")?.borrow_mut().pop_first();
    match r {
        Some((k, _)) => Ok(k),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "clear", 1, 1)?;
    let cell = this(vm, pos.first(), "clear")?;
    let old = {
        let mut d = cell.borrow_mut();
        let mut fresh = d.clone();
        fresh.clear();
        std::mem::replace(&mut *d, fresh)
    };
    drop(old);
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "copy", 1, 1)?;
    // An exact frozenset is immutable: its copy is itself.
    if let Value::Obj(o) = &pos[0] {
        if matches!(o.view(), Obj::FrozenSet(_)) {
            return Ok(pos[0].clone());
        }
    }
    let so = any_this(vm, pos.first(), "copy")?;
    let d = copy_table(vm, &so)?;
    Ok(make(is_frozen(&pos[0]), d))
}

fn set_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "union", 1, usize::MAX)?;
    let so = any_this(vm, pos.first(), "union")?;
    let mut r = copy_table(vm, &so)?;
    for other in &pos[1..] {
        if !same(&pos[0], other) {
            update_internal(vm, &mut r, other)?;
        }
    }
    Ok(make(is_frozen(&pos[0]), r))
}

fn set_intersection(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "intersection", 1, usize::MAX)?;
    let so = any_this(vm, pos.first(), "intersection")?;
    let r = intersection_multi(vm, so, pos)?;
    Ok(make(is_frozen(&pos[0]), r))
}

/// `set_intersection_multi`: `pos[0]` is the receiver.
fn intersection_multi(vm: &mut Vm, so: Dict, pos: &[Value]) -> PyResult<Dict> {
    if pos.len() == 1 {
        return copy_table(vm, &so);
    }
    let mut r = so;
    for (i, other) in pos[1..].iter().enumerate() {
        let same_obj = i == 0 && same(&pos[0], other);
        r = intersection(vm, &r, other, same_obj)?;
    }
    Ok(r)
}

fn set_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "difference", 1, usize::MAX)?;
    let so = any_this(vm, pos.first(), "difference")?;
    if pos.len() == 1 {
        let r = copy_table(vm, &so)?;
        return Ok(make(is_frozen(&pos[0]), r));
    }
    let mut r = difference(vm, &so, &pos[1], same(&pos[0], &pos[1]))?;
    for other in &pos[2..] {
        difference_update_internal(vm, &mut r, other, false)?;
    }
    Ok(make(is_frozen(&pos[0]), r))
}

fn set_symmetric_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "symmetric_difference", 2, 2)?;
    let so = any_this(vm, pos.first(), "symmetric_difference")?;
    let r = symmetric_difference(vm, &so, &pos[1], same(&pos[0], &pos[1]))?;
    Ok(make(is_frozen(&pos[0]), r))
}

/// Run `f` on a copy of the receiver's table and store it back.
fn update_with(
    vm: &mut Vm,
    a: Args,
    name: &str,
    min: usize,
    max: usize,
    f: fn(&mut Vm, &mut Dict, &[Value]) -> PyResult<()>,
) -> PyResult<Value> {
    let pos = sargs(vm, &a, name, min, max)?;
    let cell = this(vm, pos.first(), name)?;
    let mut so = cell.borrow().clone();
    f(vm, &mut so, pos)?;
    *cell.borrow_mut() = so;
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_with(vm, a, "update", 1, usize::MAX, |vm, so, pos| {
        for other in &pos[1..] {
            if !same(&pos[0], other) {
                update_internal(vm, so, other)?;
            }
        }
        Ok(())
    })
}

fn set_intersection_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_with(vm, a, "intersection_update", 1, usize::MAX, |vm, so, pos| {
        let r = intersection_multi(vm, so.clone(), pos)?;
        so.set_swap_body(r);
        Ok(())
    })
}

fn set_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_with(vm, a, "difference_update", 1, usize::MAX, |vm, so, pos| {
        for other in &pos[1..] {
            difference_update_internal(vm, so, other, same(&pos[0], other))?;
        }
        Ok(())
    })
}

fn set_symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    update_with(vm, a, "symmetric_difference_update", 2, 2, |vm, so, pos| {
        symmetric_difference_update(vm, so, &pos[1], same(&pos[0], &pos[1]))
    })
}

fn set_issubset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "issubset", 2, 2)?;
    let x = any_this(vm, pos.first(), "issubset")?;
    let y = match snap(&pos[1]) {
        Some(y) => y,
        None => new_from(vm, &pos[1])?,
    };
    Ok(Value::Bool(subset(vm, &x, &y)?))
}

fn set_issuperset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "issuperset", 2, 2)?;
    let x = any_this(vm, pos.first(), "issuperset")?;
    if let Some(y) = snap(&pos[1]) {
        return Ok(Value::Bool(subset(vm, &y, &x)?));
    }
    let it = vm.iter(&pos[1])?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if !has(vm, &x, h, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "isdisjoint", 2, 2)?;
    let x = any_this(vm, pos.first(), "isdisjoint")?;
    if same(&pos[0], &pos[1]) {
        return Ok(Value::Bool(x.is_empty()));
    }
    if let Some(y) = snap(&pos[1]) {
        let (big, small) = if y.len() > x.len() { (&y, &x) } else { (&x, &y) };
        for e in small.iter() {
            if has(vm, big, e.hash, &e.key)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.iter(&pos[1])?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if has(vm, &x, h, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "__len__", 1, 1)?;
    let d = any_this(vm, pos.first(), "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

fn set_contains_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "__contains__", 2, 2)?;
    any_this(vm, pos.first(), "__contains__")?;
    Ok(Value::Bool(set_contains(vm, &pos[0], &pos[1])?))
}

fn set_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "__iter__", 1, 1)?;
    any_this(vm, pos.first(), "__iter__")?;
    let base = unwrap_base(&pos[0]).clone();
    vm.iter(&base)
}

fn set_unhashable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = a.args.first().map(|v| type_name(vm, v)).unwrap_or_else(|| "set".into());
    Err(vm.type_error(format!("unhashable type: '{name}'")))
}

/// `set.__op__(a, b)` called explicitly: NotImplemented unless both are sets.
fn dunder_binop(vm: &mut Vm, a: Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let pos = sargs(vm, &a, name, 2, 2)?;
    any_this(vm, pos.first(), name)?;
    let (x, y) = if reflected { (&pos[1], &pos[0]) } else { (&pos[0], &pos[1]) };
    if !is_any_set(x) || !is_any_set(y) {
        return Ok(vm.not_implemented.clone());
    }
    set_binop(vm, op, x, y).unwrap_or_else(|| Ok(vm.not_implemented.clone()))
}

fn set_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__or__", BinOp::Or, false)
}
fn set_and(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__and__", BinOp::And, false)
}
fn set_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__sub__", BinOp::Sub, false)
}
fn set_xor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__xor__", BinOp::Xor, false)
}
fn set_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__ror__", BinOp::Or, true)
}
fn set_rand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__rand__", BinOp::And, true)
}
fn set_rsub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__rsub__", BinOp::Sub, true)
}
fn set_rxor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_binop(vm, a, "__rxor__", BinOp::Xor, true)
}

fn dunder_inplace(vm: &mut Vm, a: Args, name: &str, op: BinOp) -> PyResult<Value> {
    let pos = sargs(vm, &a, name, 2, 2)?;
    let cell = this(vm, pos.first(), name)?;
    if !is_any_set(&pos[1]) {
        return Ok(vm.not_implemented.clone());
    }
    in_place(vm, cell, &pos[0], &pos[1], op)?;
    Ok(pos[0].clone())
}

fn set_ior(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_inplace(vm, a, "__ior__", BinOp::Or)
}
fn set_iand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_inplace(vm, a, "__iand__", BinOp::And)
}
fn set_isub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_inplace(vm, a, "__isub__", BinOp::Sub)
}
fn set_ixor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_inplace(vm, a, "__ixor__", BinOp::Xor)
}

fn dunder_cmp(vm: &mut Vm, a: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let pos = sargs(vm, &a, name, 2, 2)?;
    any_this(vm, pos.first(), name)?;
    if !is_any_set(&pos[1]) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(Value::Bool(set_compare(vm, &pos[0], &pos[1], op)?))
}

fn set_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__eq__", CmpOp::Eq)
}
fn set_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__ne__", CmpOp::Ne)
}
fn set_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__lt__", CmpOp::Lt)
}
fn set_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__le__", CmpOp::Le)
}
fn set_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__gt__", CmpOp::Gt)
}
fn set_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    dunder_cmp(vm, a, "__ge__", CmpOp::Ge)
}

// ---------------------------------------------------------------------------
// Dict key/item view methods.

fn view_this(vm: &Vm, v: Option<&Value>, name: &str) -> PyResult<()> {
    match v {
        Some(v) if set_view(v).is_some() => Ok(()),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'dict_keys' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!("unbound method dict_keys.{name}() needs an argument"))),
    }
}

fn view_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = sargs(vm, &a, "isdisjoint", 2, 2)?;
    view_this(vm, pos.first(), "isdisjoint")?;
    let (mut slf, mut other) = (pos[0].clone(), pos[1].clone());
    if slf.is(&other) {
        return Ok(Value::Bool(crate::builtins::functions::length(vm, &slf)? == 0));
    }
    if is_any_set(&other) || set_view(&other).is_some() {
        let (ls, lo) = (crate::builtins::functions::length(vm, &slf)?, crate::builtins::functions::length(vm, &other)?);
        if lo > ls {
            std::mem::swap(&mut slf, &mut other);
        }
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&slf, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn view_dunder(vm: &mut Vm, a: Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let pos = a.check(vm, name, 2, 2)?;
    view_this(vm, pos.first(), name)?;
    let (x, y) = if reflected { (&pos[1], &pos[0]) } else { (&pos[0], &pos[1]) };
    view_binop(vm, op, x, y)
}

fn view_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__or__", BinOp::Or, false)
}
fn view_and(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__and__", BinOp::And, false)
}
fn view_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__sub__", BinOp::Sub, false)
}
fn view_xor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__xor__", BinOp::Xor, false)
}
fn view_ror(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__ror__", BinOp::Or, true)
}
fn view_rand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__rand__", BinOp::And, true)
}
fn view_rsub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__rsub__", BinOp::Sub, true)
}
fn view_rxor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view_dunder(vm, a, "__rxor__", BinOp::Xor, true)
}
