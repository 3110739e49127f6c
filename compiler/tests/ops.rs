//! Opcode-sequence tests for small snippets (Lua `code.lua` style): each case
//! lists the expected opcode names of one code object, arguments where they matter.

use pyhop_compiler::bytecode::{Constant, Opcode};
use pyhop_compiler::{compile, CodeObject, ErrorKind, Mode};
use std::rc::Rc;

fn module(src: &str) -> Rc<CodeObject> {
    match compile(src, "t.py", Mode::Exec) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e}"),
    }
}

/// The first nested code object (e.g. the function defined by the snippet).
fn inner(code: &CodeObject) -> Rc<CodeObject> {
    code.consts
        .iter()
        .find_map(|c| if let Constant::Code(c) = c { Some(c.clone()) } else { None })
        .expect("no nested code object")
}

/// Instructions as "NAME" or "NAME arg", EXTENDED_ARG folded.
fn ops(code: &CodeObject) -> Vec<String> {
    let mut out = Vec::new();
    let mut ext = 0u32;
    for u in &code.code {
        let op = Opcode::from_u8(u.op).expect("valid opcode");
        let arg = ext << 8 | u.arg as u32;
        if op == Opcode::ExtendedArg {
            ext = arg;
            continue;
        }
        ext = 0;
        out.push(if op.has_arg() { format!("{} {}", op.name(), arg) } else { op.name().to_string() });
    }
    out
}

fn names(code: &CodeObject) -> Vec<String> {
    ops(code).iter().map(|s| s.split(' ').next().unwrap_or("").to_string()).collect()
}

fn check(code: &CodeObject, want: &[&str]) {
    let got = ops(code);
    let got_names = names(code);
    let ok = got.len() == want.len()
        && want.iter().zip(&got).zip(&got_names).all(|((w, g), n)| if w.contains(' ') { w == g } else { w == n });
    assert!(ok, "\nwant: {want:?}\n got: {got:?}");
}

#[test]
fn assignment_and_arith() {
    check(&module("x = 1 + y"), &["LOAD_CONST 0", "LOAD_NAME 0", "BINARY_ADD", "STORE_NAME 1", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn negative_constant_and_tuple_folding() {
    let c = module("x = (-1, 2, 'a')");
    check(&c, &["LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    assert!(matches!(&c.consts[0], Constant::Tuple(t) if matches!(t[0], Constant::Int(-1))));
}

#[test]
fn if_compare_is_a_prediction_pair() {
    let c = inner(&module("def f(a, b):\n    if a < b:\n        return 1\n    return 2\n"));
    check(&c, &["LOAD_FAST 0", "LOAD_FAST 1", "COMPARE_OP 0", "POP_JUMP_IF_FALSE", "LOAD_CONST", "RETURN_VALUE", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn while_loop_is_inverted() {
    let c = inner(&module("def f(n):\n    while n > 0:\n        n -= 1\n    return n\n"));
    check(
        &c,
        &[
            "LOAD_FAST", "LOAD_CONST", "COMPARE_OP 4", "POP_JUMP_IF_FALSE",
            "LOAD_FAST", "LOAD_CONST", "INPLACE_SUBTRACT", "STORE_FAST",
            "LOAD_FAST", "LOAD_CONST", "COMPARE_OP 4", "POP_JUMP_IF_TRUE 4",
            "LOAD_FAST", "RETURN_VALUE",
        ],
    );
}

#[test]
fn for_loop() {
    let c = inner(&module("def f(xs):\n    for x in xs:\n        g(x)\n"));
    check(
        &c,
        &["LOAD_FAST", "GET_ITER", "FOR_ITER", "STORE_FAST", "LOAD_GLOBAL", "LOAD_FAST", "CALL_FUNCTION 1", "POP_TOP", "JUMP_ABSOLUTE 2", "LOAD_CONST", "RETURN_VALUE"],
    );
}

#[test]
fn bool_ops_value_and_jump() {
    check(&module("x = a and b or c"), &["LOAD_NAME", "JUMP_IF_FALSE_OR_POP", "LOAD_NAME", "JUMP_IF_TRUE_OR_POP", "LOAD_NAME", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    let c = inner(&module("def f(a, b):\n    if a and not b:\n        g()\n"));
    check(&c, &["LOAD_FAST", "POP_JUMP_IF_FALSE", "LOAD_FAST", "POP_JUMP_IF_TRUE", "LOAD_GLOBAL", "CALL_FUNCTION 0", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn chained_comparison() {
    check(
        &module("x = a < b < c"),
        &["LOAD_NAME", "LOAD_NAME", "SWAP 2", "COPY 2", "COMPARE_OP 0", "JUMP_IF_FALSE_OR_POP", "LOAD_NAME", "COMPARE_OP 0", "JUMP_ABSOLUTE", "SWAP 2", "POP_TOP", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"],
    );
}

#[test]
fn calls() {
    check(&module("f(a, b)"), &["LOAD_NAME", "LOAD_NAME", "LOAD_NAME", "CALL_FUNCTION 2", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("o.m(a)"), &["LOAD_NAME", "LOAD_METHOD", "LOAD_NAME", "CALL_METHOD 1", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("f(a, k=1)"), &["LOAD_NAME", "LOAD_NAME", "LOAD_CONST", "LOAD_CONST", "CALL_FUNCTION_KW 2", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("o.m(k=1)"), &["LOAD_NAME", "LOAD_METHOD", "LOAD_CONST", "LOAD_CONST", "CALL_METHOD_KW 1", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(
        &module("f(a, *b, **c)"),
        &["LOAD_NAME", "LOAD_NAME", "BUILD_LIST 1", "LOAD_NAME", "LIST_EXTEND 1", "LIST_TO_TUPLE", "BUILD_MAP 0", "LOAD_NAME", "DICT_MERGE 1", "CALL_FUNCTION_EX 1", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"],
    );
    check(&module("o.m(*a)"), &["LOAD_NAME", "LOAD_ATTR", "BUILD_LIST 0", "LOAD_NAME", "LIST_EXTEND 1", "LIST_TO_TUPLE", "CALL_FUNCTION_EX 0", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn augmented_assignment_forms() {
    check(&module("o.a += 1"), &["LOAD_NAME", "COPY 1", "LOAD_ATTR", "LOAD_CONST", "INPLACE_ADD", "SWAP 2", "STORE_ATTR", "LOAD_CONST", "RETURN_VALUE"]);
    check(
        &module("o[k] *= 2"),
        &["LOAD_NAME", "LOAD_NAME", "COPY 2", "COPY 2", "BINARY_SUBSCR", "LOAD_CONST", "INPLACE_MULTIPLY", "SWAP 3", "SWAP 2", "STORE_SUBSCR", "LOAD_CONST", "RETURN_VALUE"],
    );
}

#[test]
fn unpacking() {
    check(&module("a, (b, c) = x"), &["LOAD_NAME", "UNPACK_SEQUENCE 2", "STORE_NAME", "UNPACK_SEQUENCE 2", "STORE_NAME", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("a, *b, c = x"), &["LOAD_NAME", "UNPACK_EX 257", "STORE_NAME", "STORE_NAME", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("a = b = 1"), &["LOAD_CONST", "COPY 1", "STORE_NAME", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn displays() {
    check(&module("x = [a, *b]"), &["LOAD_NAME", "BUILD_LIST 1", "LOAD_NAME", "LIST_EXTEND 1", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("x = (a, *b)"), &["LOAD_NAME", "BUILD_LIST 1", "LOAD_NAME", "LIST_EXTEND 1", "LIST_TO_TUPLE", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("x = {'a': 1, 'b': y}"), &["LOAD_CONST", "LOAD_NAME", "LOAD_CONST", "BUILD_CONST_KEY_MAP 2", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("x = {**a, 'b': 1}"), &["BUILD_MAP 0", "LOAD_NAME", "DICT_UPDATE 1", "LOAD_CONST", "LOAD_CONST", "BUILD_MAP 1", "DICT_UPDATE 1", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("x = a[1:2]"), &["LOAD_NAME", "LOAD_CONST", "LOAD_CONST", "BUILD_SLICE 2", "BINARY_SUBSCR", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn fstrings() {
    check(&module("x = f'{a!r:>{w}}!'"), &["LOAD_NAME", "LOAD_CONST", "LOAD_NAME", "FORMAT_VALUE 0", "BUILD_STRING 2", "FORMAT_VALUE 6", "LOAD_CONST", "BUILD_STRING 2", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("x = f'{a}'"), &["LOAD_NAME", "FORMAT_VALUE 0", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn function_definition_and_decorators() {
    let c = module("@d\ndef f(a, b=1, *, c=2) -> int:\n    'doc'\n    return a\n");
    check(
        &c,
        &["LOAD_NAME", "LOAD_CONST", "LOAD_CONST", "LOAD_CONST", "BUILD_MAP 1", "LOAD_CONST", "LOAD_NAME", "BUILD_MAP 1", "LOAD_CONST", "LOAD_CONST", "MAKE_FUNCTION 7", "CALL_FUNCTION 1", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"],
    );
    let f = inner(&c);
    assert_eq!(f.doc.as_deref(), Some("doc"));
    assert!(matches!(&f.consts[0], Constant::Str(s) if &**s == "doc"));
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 1);
    assert_eq!(f.firstlineno, 1);
}

#[test]
fn closures_and_qualnames() {
    let c = module("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    let f = inner(&c);
    assert_eq!(&*f.qualname, "f");
    assert_eq!(f.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), vec!["x"]);
    check(&f, &["LOAD_CONST 1", "STORE_DEREF 0", "LOAD_CLOSURE 0", "BUILD_TUPLE 1", "LOAD_CONST", "LOAD_CONST", "MAKE_FUNCTION 8", "STORE_FAST", "LOAD_FAST", "RETURN_VALUE"]);
    let g = inner(&f);
    assert_eq!(&*g.qualname, "f.<locals>.g");
    assert_eq!(g.freevars.iter().map(|s| &**s).collect::<Vec<_>>(), vec!["x"]);
    check(&g, &["LOAD_DEREF 0", "RETURN_VALUE"]);
}

#[test]
fn class_body() {
    let c = module("class C(B, metaclass=M):\n    'doc'\n    x = 1\n");
    check(&c, &["LOAD_BUILD_CLASS", "LOAD_CONST", "LOAD_CONST", "MAKE_FUNCTION 0", "LOAD_CONST", "LOAD_NAME", "LOAD_NAME", "LOAD_CONST", "CALL_FUNCTION_KW 4", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    let body = inner(&c);
    check(
        &body,
        &["LOAD_NAME", "STORE_NAME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"],
    );
}

#[test]
fn listcomp() {
    let c = module("x = [i for i in y if i]");
    check(&c, &["LOAD_CONST", "LOAD_CONST", "MAKE_FUNCTION 0", "LOAD_NAME", "GET_ITER", "CALL_FUNCTION 1", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"]);
    let lc = inner(&c);
    assert_eq!(&*lc.name, "<listcomp>");
    check(&lc, &["BUILD_LIST 0", "LOAD_FAST 0", "FOR_ITER", "STORE_FAST 1", "LOAD_FAST 1", "POP_JUMP_IF_FALSE 2", "LOAD_FAST 1", "LIST_APPEND 2", "JUMP_ABSOLUTE 2", "RETURN_VALUE"]);
}

#[test]
fn generators() {
    let c = inner(&module("def g(x):\n    yield x\n    yield from x\n"));
    assert!(c.flags & 0x20 != 0);
    check(&c, &["LOAD_FAST", "YIELD_VALUE", "POP_TOP", "LOAD_FAST", "GET_YIELD_FROM_ITER", "LOAD_CONST", "YIELD_FROM", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn coroutines() {
    let c = inner(&module("async def f(x):\n    return await x\n"));
    assert!(c.flags & 0x80 != 0, "CO_COROUTINE");
    check(&c, &["LOAD_FAST", "GET_AWAITABLE", "LOAD_CONST", "YIELD_FROM", "RETURN_VALUE"]);
}

#[test]
fn try_except_uses_the_exception_table() {
    let c = inner(&module("def f():\n    try:\n        g()\n    except E as e:\n        h(e)\n"));
    check(
        &c,
        &[
            "NOP",
            "LOAD_GLOBAL", "CALL_FUNCTION 0", "POP_TOP", "JUMP_ABSOLUTE",
            "PUSH_EXC_INFO", "LOAD_GLOBAL", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE", "STORE_FAST",
            "LOAD_GLOBAL", "LOAD_FAST", "CALL_FUNCTION 1", "POP_TOP",
            "POP_EXCEPT", "LOAD_CONST", "STORE_FAST", "DELETE_FAST", "JUMP_ABSOLUTE",
            "LOAD_CONST", "STORE_FAST", "DELETE_FAST", "RERAISE",
            "RERAISE", "SWAP 2", "POP_EXCEPT", "RERAISE",
            "LOAD_CONST", "RETURN_VALUE",
        ],
    );
    // unit 0 is the `try:` line's NOP, outside the protected range
    assert_eq!(c.exception_table[0].start, 1);
    assert_eq!(c.exception_table[0].end, 4);
    assert_eq!(c.exception_table[0].target, 5);
    assert_eq!(c.exception_table[0].depth, 0);
}

#[test]
fn with_statement() {
    let c = module("with m as x:\n    f()\n");
    check(
        &c,
        &[
            "LOAD_NAME", "BEFORE_WITH", "STORE_NAME", "LOAD_NAME", "CALL_FUNCTION 0", "POP_TOP",
            "LOAD_CONST", "LOAD_CONST", "LOAD_CONST", "CALL_FUNCTION 3", "POP_TOP", "JUMP_ABSOLUTE",
            "PUSH_EXC_INFO", "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE", "RERAISE", "POP_TOP", "POP_EXCEPT", "POP_TOP", "JUMP_ABSOLUTE",
            "SWAP 2", "POP_EXCEPT", "RERAISE", "LOAD_CONST", "RETURN_VALUE",
        ],
    );
    assert_eq!(c.exception_table[0].depth, 1);
}

#[test]
fn return_in_finally_and_loops_unwinds() {
    let c = inner(&module("def f(xs):\n    for x in xs:\n        try:\n            return x\n        finally:\n            g()\n"));
    // return x: value, inlined finally (g()), pop the iterator under the value, return
    let n = names(&c);
    let ret = n.iter().position(|s| s == "RETURN_VALUE").unwrap();
    assert_eq!(n[ret - 5..=ret], ["LOAD_GLOBAL", "CALL_FUNCTION", "POP_TOP", "SWAP", "POP_TOP", "RETURN_VALUE"].map(String::from)[..]);
    assert_eq!(n[ret - 6], "LOAD_FAST");
    assert_eq!(n[ret - 2], "SWAP");
    assert_eq!(n[ret - 1], "POP_TOP");
}

#[test]
fn assert_and_raise() {
    check(&module("assert x, 'm'"), &["LOAD_NAME", "POP_JUMP_IF_TRUE", "LOAD_ASSERTION_ERROR", "LOAD_CONST", "CALL_FUNCTION 1", "RAISE_VARARGS 1", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("raise E from c"), &["LOAD_NAME", "LOAD_NAME", "RAISE_VARARGS 2"]);
}

#[test]
fn imports() {
    check(&module("import a.b as c"), &["LOAD_CONST", "LOAD_CONST", "IMPORT_NAME", "IMPORT_FROM", "STORE_NAME", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("from .m import x as y"), &["LOAD_CONST", "LOAD_CONST", "IMPORT_NAME", "IMPORT_FROM", "STORE_NAME", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"]);
    check(&module("from m import *"), &["LOAD_CONST", "LOAD_CONST", "IMPORT_NAME", "IMPORT_STAR", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn modes() {
    let c = compile("1 + x", "t.py", Mode::Eval).unwrap();
    check(&c, &["LOAD_CONST", "LOAD_NAME", "BINARY_ADD", "RETURN_VALUE"]);
    let c = compile("x", "t.py", Mode::Single).unwrap();
    check(&c, &["LOAD_NAME", "PRINT_EXPR", "LOAD_CONST", "RETURN_VALUE"]);
}

#[test]
fn extended_args_for_many_consts_and_locals() {
    let mut src = String::from("def f():\n");
    for i in 0..300 {
        src.push_str(&format!("    v{i} = {i}\n"));
    }
    src.push_str("    return v299\n");
    let f = inner(&module(&src));
    assert!(f.consts.len() > 256 && f.varnames.len() > 256);
    let o = ops(&f);
    assert_eq!(o[o.len() - 2], "LOAD_FAST 299");
    assert!(o.contains(&"LOAD_CONST 300".to_string()), "consts[0] is the docstring slot");
    // the raw units: EXTENDED_ARG 1 then STORE_FAST 43 for local 299
    let bytes = f.code_bytes();
    assert!(bytes.windows(4).any(|w| w == [Opcode::ExtendedArg as u8, 1, Opcode::StoreFast as u8, 43]));
}

#[test]
fn long_jump_gets_extended_arg_and_right_target() {
    let mut src = String::from("def f(a):\n    if a:\n");
    for i in 0..200 {
        src.push_str(&format!("        g({i})\n"));
    }
    src.push_str("    return 1\n");
    let f = inner(&module(&src));
    let code = &f.code;
    // find the POP_JUMP_IF_FALSE and decode its full argument
    let i = code.iter().position(|u| u.op == Opcode::PopJumpIfFalse as u8).unwrap();
    assert_eq!(code[i - 1].op, Opcode::ExtendedArg as u8);
    let target = (code[i - 1].arg as usize) << 8 | code[i].arg as usize;
    assert!(target > 255);
    assert_eq!(code[target].op, Opcode::LoadConst as u8);
    assert_eq!(code[target + 1].op, Opcode::ReturnValue as u8);
}

#[test]
fn stacksize() {
    assert_eq!(module("x = 1").stacksize, 1);
    assert_eq!(module("f(a, b, c)").stacksize, 4);
    assert_eq!(module("x = [a, b, (c, d)]").stacksize, 4);
    let f = inner(&module("def f(xs):\n    for x in xs:\n        try:\n            g(x)\n        except E:\n            pass\n"));
    // iterator + handler entry (prev exc, exc) + type for CHECK_EXC_MATCH
    assert_eq!(f.stacksize, 4);
    let w = module("with a as b:\n    pass\n");
    // exit, prev, exc, res
    assert_eq!(w.stacksize, 4);
}

#[test]
fn line_numbers_follow_subexpressions() {
    let c = module("x = (1 +\n     y)\n");
    let i = c.code.iter().position(|u| u.op == Opcode::LoadName as u8).unwrap();
    assert_eq!(c.lines[i], 2);
    assert_eq!(c.lines[0], 1);
}

#[test]
fn syntax_errors() {
    let err = |s: &str| compile(s, "f.py", Mode::Exec).unwrap_err();
    let e = err("def f():\n    return 1\nreturn 2\n");
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("'return' outside function", 3, 1));
    let e = err("if x:\npass\n");
    assert_eq!(e.kind, ErrorKind::IndentationError);
    assert_eq!(e.msg, "expected an indented block after 'if' statement on line 1");
    assert_eq!(err("x = (1,\n").msg, "'(' was never closed");
    assert_eq!(err(" x = 1").msg, "unexpected indent");
    assert_eq!(err("x = 'abc").msg, "unterminated string literal (detected at line 1)");
    assert_eq!(err("f(a b)").msg, "invalid syntax. Perhaps you forgot a comma?");
    assert_eq!(err("def f():\n    nonlocal x\n").msg, "no binding for nonlocal 'x' found");
    assert_eq!(err("def f():\n    print(x)\n    global x\n").msg, "name 'x' is used prior to global declaration");
    assert_eq!(err("f() = 1").msg, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    let e = err("match x:\n    case y:\n        pass\n    case 1:\n        pass\n");
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("name capture 'y' makes remaining patterns unreachable", 2, 10));
    let e = err("async def f():\n    yield 1\n    yield from x\n");
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("'yield from' inside async function", 3, 5));
    let e = err("async def f():\n    return 5\n    yield 1\n");
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("'return' with value in async generator", 2, 5));
    let outside = "asynchronous comprehension outside of an asynchronous function";
    for (src, line, col) in [
        ("def f():\n    return [x async for x in y]\n", 2, 12),
        ("def f():\n    return [await x for x in y]\n", 2, 12),
        ("[x async for x in y]\n", 1, 1),
        ("def f():\n    return [[x async for x in y] for z in w]\n", 2, 12),
        ("def f():\n   return {x async for x in y}\n", 2, 11),
        ("class C:\n    [x async for x in y]\n", 2, 5),
        ("def f():\n    [x for x in y if await x]\n", 2, 5),
    ] {
        let e = err(src);
        assert_eq!((e.msg.as_str(), e.lineno, e.offset), (outside, line, col), "{src:?}");
    }
    let e = err("def f():\n    return [x for x in await y]\n");
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("'await' outside async function", 2, 24));
    assert_eq!(err("async def f():\n    lambda: await x\n").msg, "'await' outside async function");
    assert_eq!(err("def f():\n    await x\n").msg, "'await' outside async function");
    assert_eq!(err("x = 1 +").text.as_deref(), Some("x = 1 +"));
}

#[test]
fn async_generators_and_comprehensions_compile() {
    use pyhop_compiler::bytecode::co_flags;
    let flags_of = |src: &str| inner(&module(src)).flags;
    let f = flags_of("async def f():\n    yield 1\n    return\n");
    assert_eq!(f & (co_flags::ASYNC_GENERATOR | co_flags::COROUTINE | co_flags::GENERATOR), co_flags::ASYNC_GENERATOR);
    // An asynchronous generator expression is an async generator anywhere.
    assert_eq!(flags_of("(x async for x in y)\n") & co_flags::ASYNC_GENERATOR, co_flags::ASYNC_GENERATOR);
    let g = inner(&inner(&module("def f():\n    return (await x for x in y)\n")));
    assert_eq!(g.flags & co_flags::ASYNC_GENERATOR, co_flags::ASYNC_GENERATOR);
    // An asynchronous list comprehension is a coroutine, awaited where it is built.
    let f = inner(&module("async def f():\n    return [x async for x in y]\n"));
    let lc = inner(&f);
    assert_eq!(lc.flags & (co_flags::COROUTINE | co_flags::GENERATOR), co_flags::COROUTINE);
    let ops: Vec<&str> = f.code.iter().map(|u| Opcode::from_u8(u.op).unwrap().name()).collect();
    let at = ops.iter().position(|n| *n == "GET_AITER").expect("GET_AITER on the outer iterable");
    assert_eq!(&ops[at..at + 5], ["GET_AITER", "CALL_FUNCTION", "GET_AWAITABLE", "LOAD_CONST", "YIELD_FROM"]);
    // Nested: the outer comprehension becomes asynchronous too.
    let f = inner(&module("async def f():\n    return [[x async for x in y] for z in w]\n"));
    assert_eq!(inner(&f).flags & co_flags::COROUTINE, co_flags::COROUTINE);
}

#[test]
fn private_names_are_mangled() {
    let c = module("class C:\n    __a = 1\n    def m(self, __p):\n        __l = __p\n        return self.__b + __l\n");
    let body = inner(&c);
    assert!(body.names.iter().any(|n| &**n == "_C__a"));
    let m = inner(&body);
    assert!(m.names.iter().any(|n| &**n == "_C__b"));
    check(&m, &["LOAD_FAST 1", "STORE_FAST 2", "LOAD_FAST 0", "LOAD_ATTR", "LOAD_FAST 2", "BINARY_ADD", "RETURN_VALUE"]);
}

#[test]
fn match_sequence_pattern() {
    // the last case before `case _` consumes the subject; a failure pops it; the two
    // capture rotations (SWAP 2, SWAP 2) cancel out
    let c = module("def f(x):\n    match x:\n        case [a, b]:\n            return a\n        case _:\n            return 0\n");
    check(
        &inner(&c),
        &[
            "LOAD_FAST 0", "MATCH_SEQUENCE", "POP_JUMP_IF_FALSE 12", "GET_LEN", "LOAD_CONST", "COMPARE_OP 2", "POP_JUMP_IF_FALSE 12",
            "UNPACK_SEQUENCE 2", "STORE_FAST 1", "STORE_FAST 2", "LOAD_FAST 1", "RETURN_VALUE", "POP_TOP", "NOP",
            "LOAD_CONST", "RETURN_VALUE",
        ],
    );
}

#[test]
fn match_class_and_mapping_patterns() {
    // a non-final case keeps a copy of the subject for the next one
    let c = module("match p:\n    case P(x, y=0):\n        pass\n    case {'k': v}:\n        pass\n");
    let n = names(&c);
    for op in ["COPY", "MATCH_CLASS", "MATCH_MAPPING", "MATCH_KEYS", "IS_OP"] {
        assert!(n.iter().any(|x| x == op), "{op} missing from {n:?}");
    }
    assert!(ops(&c).iter().any(|x| x == "MATCH_CLASS 1"));
}
