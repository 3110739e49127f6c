//! `SyntaxError`'s fields (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
//! `end_offset`, `print_file_and_line`) and its `str()`, as CPython 3.11 derives them
//! from the constructor arguments `(msg, (filename, lineno, offset, text[, end_lineno[,
//! end_offset]]))`. The fields are read from `args`; assigning one stores it in the
//! instance dict, which attribute lookup consults first.

use crate::object::{Exception, Obj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The field names, in the order of the details tuple.
const DETAILS: [&str; 6] = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

/// Check the constructor arguments of a `SyntaxError` (or subclass) as CPython's
/// `SyntaxError.__init__` does: a second argument must be a sequence of 4 to 6 items.
pub fn check_args(vm: &mut Vm, args: &[Value]) -> PyResult<()> {
    if args.len() != 2 {
        return Ok(());
    }
    let n = vm.collect(&args[1])?.len();
    if n < 4 {
        return Err(vm.type_error(format!("function takes at least 4 arguments ({n} given)")));
    }
    if n > 6 {
        return Err(vm.type_error(format!("function takes at most 6 arguments ({n} given)")));
    }
    Ok(())
}

/// Whether `cls` is `SyntaxError` or a subclass of it.
pub fn is_syntax_error_class(vm: &Vm, cls: &crate::object::ObjRef) -> bool {
    let se = vm.exc_class("SyntaxError");
    cls.as_class().is_some_and(|c| c.is_subclass_of(cls, &se))
}

/// The field `name` of a SyntaxError, or `None` when `name` is not one of its fields.
pub fn field(vm: &mut Vm, e: &Exception, name: &str) -> PyResult<Option<Value>> {
    if name == "print_file_and_line" {
        return Ok(Some(Value::None));
    }
    let slot = match name {
        "msg" => None,
        _ => match DETAILS.iter().position(|d| *d == name) {
            Some(i) => Some(i),
            None => return Ok(None),
        },
    };
    let args = e.args.borrow().clone();
    let items: Vec<Value> = match &args {
        Value::Obj(o) => match o.view() {
            Obj::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    Ok(Some(match slot {
        None => items.first().cloned().unwrap_or(Value::None),
        Some(i) if items.len() == 2 => vm.collect(&items[1])?.get(i).cloned().unwrap_or(Value::None),
        Some(_) => Value::None,
    }))
}

/// `str()` of a SyntaxError: `msg (file, line N)` with the file's base name, or the
/// parts of that which are known.
pub fn to_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let msg = vm.getattr_opt(exc, "msg")?.unwrap_or(Value::None);
    let msg = vm.str_string(&msg)?;
    let filename = vm.getattr_opt(exc, "filename")?.unwrap_or(Value::None);
    let base = filename.as_str().map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let lineno = match vm.getattr_opt(exc, "lineno")? {
        Some(Value::Int(i)) => Some(i.to_string()),
        Some(v @ Value::Obj(_)) if matches!(&v, Value::Obj(o) if matches!(o.view(), Obj::Int(_))) => Some(vm.str_string(&v)?),
        _ => None,
    };
    Ok(match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}
