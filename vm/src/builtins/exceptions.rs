//! The built-in exception hierarchy (CPython 3.11's tree) and `BaseException`'s
//! methods.

use std::collections::HashMap;

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::{Layout, Obj, ObjRef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// (name, base) in creation order: every base precedes its subclasses.
const TREE: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn build_hierarchy(object: &ObjRef, out: &mut HashMap<&'static str, ObjRef>) {
    for (name, base) in TREE {
        let b = if base.is_empty() { object.clone() } else { out[base].clone() };
        out.insert(name, Vm::make_class(name, vec![b], Layout::Exception));
    }
}

pub const METHODS: MethodTable = &[
    ("__init__", exc_init),
    ("with_traceback", exc_with_traceback),
    ("add_note", exc_add_note),
];

fn exc_of(v: &Value) -> Option<&crate::object::Exception> {
    match crate::protocol::ops::unwrap_base(v) {
        Value::Obj(o) => match o.view() {
            Obj::Exception(e) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

fn exc_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.pos();
    if let Some(e) = pos.first().and_then(exc_of) {
        *e.args.borrow_mut() = vm.new_tuple(pos[1..].to_vec());
        if crate::builtins::oserror::is_oserror_class(vm, &e.class) {
            crate::builtins::oserror::init(vm, e, &pos[1..]);
        }
        if crate::builtins::codecs::unicode_error::is_unicode_error_class(vm, &e.class) {
            crate::builtins::codecs::unicode_error::init(vm, e, &pos[1..]);
        }
    }
    Ok(Value::None)
}

fn exc_with_traceback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "with_traceback", 2, 2)?;
    if let Some(e) = exc_of(&pos[0]) {
        *e.traceback.borrow_mut() = pos[1].clone();
    }
    Ok(pos[0].clone())
}

fn exc_add_note(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "add_note", 2, 2)?;
    if let Some(e) = exc_of(&pos[0]) {
        let notes = e.dict.borrow().get_str("__notes__");
        match notes {
            Some(n) => {
                if let Some(l) = crate::builtins::list_of(&n) {
                    l.borrow_mut().push(pos[1].clone());
                }
            }
            None => {
                let l = vm.new_list(vec![pos[1].clone()]);
                e.dict.borrow_mut().insert_str("__notes__", l);
            }
        }
    }
    Ok(Value::None)
}
