//! `code.replace(co_code=...)` with malformed wordcode: every fault is a Python
//! ValueError from the verifier (`object/code_verify.rs`), and code that passes runs
//! without crashing the VM, whatever it does (pyhop's bytecode is its own, so there is
//! no CPython oracle for these).

use std::path::Path;
use std::process::Command;

fn run(script: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("verify").join(script);
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).arg(&path).output().expect("run pyhop");
    assert!(out.status.success(), "pyhop failed: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn malformed_wordcode_is_rejected() {
    let out = run("malformed.py");
    let lines: Vec<&str> = out.lines().collect();
    let expect = [
        "LOAD_CONST argument 9 out of range",
        "LOAD_FAST argument 5 out of range",
        "LOAD_GLOBAL argument 3 out of range",
        "stack underflow",
        "control runs past the end",
        "jump target 80",
        "unknown opcode",
        "ends with EXTENDED_ARG",
        "stack underflow",
        "COPY argument must be at least 1",
        "accepted",
        "accepted",
        "2 5",
    ];
    assert_eq!(lines.len(), expect.len(), "{out}");
    for (line, want) in lines.iter().zip(expect) {
        assert!(line.contains(want), "expected {want:?} in {line:?}\n{out}");
    }
}

#[test]
fn random_wordcode_never_crashes() {
    assert_eq!(run("random_code.py").trim(), "True True 4000");
}
