//! Symbol-table tests: locals, globals, cells and frees, the implicit `__class__`
//! cell of classes whose methods use `super`, and comprehension scopes.

use pyhop_compiler::parse::parse;
use pyhop_compiler::symtable::{NameKind, ScopeKind, SymbolTable};
use pyhop_compiler::Mode;

fn table(src: &str) -> SymbolTable {
    let p = parse(src, "t.py", Mode::Exec).unwrap();
    SymbolTable::build(&p, &p.index, "t.py").unwrap()
}

fn scope<'t>(t: &'t SymbolTable, name: &str) -> &'t pyhop_compiler::symtable::Scope {
    t.scopes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn cells_and_frees() {
    let t = table("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n");
    let f = scope(&t, "f");
    assert_eq!(f.cellvars, vec!["a", "b"]);
    assert_eq!(f.kind_of("a"), NameKind::Cell);
    let g = scope(&t, "g");
    assert_eq!(g.freevars, vec!["a", "b"]);
    assert_eq!(g.kind_of("c"), NameKind::GlobalImplicit);
}

#[test]
fn free_variables_pass_through_intermediate_scopes() {
    let t = table("def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g\n");
    assert_eq!(scope(&t, "g").freevars, vec!["x"]);
    assert_eq!(scope(&t, "h").freevars, vec!["x"]);
    assert_eq!(scope(&t, "f").cellvars, vec!["x"]);
}

#[test]
fn global_and_nonlocal() {
    let t = table("x = 0\ndef f():\n    global x\n    y = 1\n    def g():\n        nonlocal y\n        y = 2\n        x = 3\n    x = 1\n");
    let f = scope(&t, "f");
    assert_eq!(f.kind_of("x"), NameKind::GlobalExplicit);
    assert_eq!(f.kind_of("y"), NameKind::Cell);
    let g = scope(&t, "g");
    assert_eq!(g.kind_of("y"), NameKind::Free);
    assert_eq!(g.kind_of("x"), NameKind::Local);
}

#[test]
fn class_names_are_not_visible_to_methods() {
    let t = table("class C:\n    a = 1\n    def m(self):\n        return a\n");
    assert_eq!(scope(&t, "m").kind_of("a"), NameKind::GlobalImplicit);
    assert!(!scope(&t, "C").needs_class_cell);
}

#[test]
fn super_creates_class_cell() {
    let t = table("class C(B):\n    def m(self):\n        return super().m()\n");
    let c = scope(&t, "C");
    assert!(c.needs_class_cell);
    assert_eq!(c.cellvars, vec!["__class__"]);
    assert_eq!(scope(&t, "m").freevars, vec!["__class__"]);
}

#[test]
fn class_body_sees_enclosing_function_variables() {
    let t = table("def f():\n    v = 1\n    class C:\n        w = v\n    return C\n");
    let c = scope(&t, "C");
    assert_eq!(c.kind, ScopeKind::Class);
    assert_eq!(c.kind_of("v"), NameKind::Free);
    assert_eq!(scope(&t, "f").cellvars, vec!["v"]);
}

#[test]
fn comprehension_scopes() {
    let t = table("def f(n):\n    return [i * n for i in range(n) if (last := i)]\n");
    let lc = scope(&t, "<listcomp>");
    assert_eq!(lc.kind, ScopeKind::Comprehension);
    assert_eq!(lc.params, vec![".0"]);
    assert_eq!(lc.kind_of("i"), NameKind::Local);
    assert_eq!(lc.kind_of("n"), NameKind::Free);
    assert_eq!(lc.kind_of("range"), NameKind::GlobalImplicit);
    // the walrus binds in f
    assert_eq!(lc.kind_of("last"), NameKind::Free);
    let f = scope(&t, "f");
    assert_eq!(f.cellvars, vec!["last", "n"]);
}

#[test]
fn generator_expression_is_a_generator() {
    let t = table("g = (x for x in y)\ndef h():\n    yield 1\n");
    assert!(scope(&t, "<genexpr>").is_generator);
    assert!(scope(&t, "h").is_generator);
}
