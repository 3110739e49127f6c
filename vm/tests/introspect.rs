//! pyhop-specific introspection outputs (no CPython oracle: the bytecode is pyhop's):
//! the `dis` module over pyhop's opcode table, `faulthandler`, `sys._current_frames`.

use std::process::Command;

fn run(code: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).arg("-c").arg(code).output().expect("run pyhop");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn dis_module_reads_pyhop_bytecode() {
    let out = run("import dis\ndef f(a, b):\n    if a < b:\n        return a\n    return b\n\
for i in dis.get_instructions(f):\n    print(i.opname, i.argrepr, i.offset, i.starts_line, i.is_jump_target)\n\
print(dis.opname[dis.opmap['COMPARE_OP']], dis.stack_effect(dis.opmap['BINARY_ADD']), dis.opmap['EXTENDED_ARG'])\n");
    assert_eq!(
        out,
        "LOAD_FAST a 0 3 False\nLOAD_FAST b 2 None False\nCOMPARE_OP < 4 None False\nPOP_JUMP_IF_FALSE to 12 6 None False\n\
LOAD_FAST a 8 4 False\nRETURN_VALUE  10 None False\nLOAD_FAST b 12 5 True\nRETURN_VALUE  14 None False\n\
COMPARE_OP -1 255\n"
    );
    let listing = run("import dis\ndis.dis('x = 1')\n");
    assert!(listing.contains("LOAD_CONST               0 (1)") && listing.contains("STORE_NAME"), "{listing}");
}

#[test]
fn faulthandler_and_current_frames() {
    let out = run("import faulthandler, io, sys\ndef g():\n    s = io.StringIO()\n    faulthandler.dump_traceback(file=s, all_threads=False)\n    return s.getvalue()\n\
print(g(), end='')\nprint([f.f_code.co_name for f in sys._current_frames().values()])\n");
    assert_eq!(
        out,
        "Stack (most recent call first):\n  File \"<string>\", line 4 in g\n  File \"<string>\", line 6 in <module>\n['<module>']\n"
    );
}
