//! Pathological inputs that CPython itself answers differently from build to build
//! (MemoryError, RecursionError, SyntaxError): pyhop must end each one with a Python
//! exception and exit status 1 — never a panic, an abort or a native stack overflow.
//! (Inputs with one CPython answer live in `tests/cases/errors/` instead.)

use std::process::Command;

fn run(name: &str, src: &str) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!("pyhop-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{name}.py"));
    std::fs::write(&file, src).expect("write program");
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).arg(&file).output().expect("run pyhop");
    let _ = std::fs::remove_file(&file);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The program ends with one of the `allowed` exceptions and exit status 1.
fn assert_python_error(name: &str, src: &str, allowed: &[&str]) {
    let (code, stderr) = run(name, src);
    let last = last_line(&stderr);
    assert_eq!(code, Some(1), "{name}: exit status {code:?}, stderr ends with {last:?}");
    assert!(
        allowed.iter().any(|a| last.starts_with(a)),
        "{name}: last stderr line {last:?}, expected one of {allowed:?}"
    );
    assert!(!stderr.contains("panicked"), "{name}: Rust panic: {stderr}");
}

#[test]
fn deep_unary_chain() {
    let src = format!("x = {}1\n", "-".repeat(200_000));
    assert_python_error("deep_unary", &src, &["RecursionError", "MemoryError"]);
}

#[test]
fn deep_binary_chain_compiles_or_errors() {
    // 5,000 terms compile in CPython; so must they here.
    let src = format!("print({})\n", vec!["1"; 5_000].join("+"));
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).arg("-c").arg(&src).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "5000");
}

#[test]
fn deep_list_nesting() {
    let src = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert_python_error("deep_list", &src, &["RecursionError", "MemoryError", "SyntaxError"]);
}

#[test]
fn runaway_recursion_in_repr() {
    let src = "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n";
    assert_python_error("repr_recursion", src, &["RecursionError"]);
}

#[test]
fn deeply_nested_data_repr() {
    let src = "x = []\nfor _ in range(200000):\n    x = [x]\nprint(len(repr(x)))\n";
    let (code, stderr) = run("nested_data", src);
    // CPython raises RecursionError here; either a clean result or that error is fine.
    assert!(code == Some(0) || last_line(&stderr).starts_with("RecursionError"), "{code:?} {stderr}");
}

#[test]
fn huge_recursion_limit_does_not_crash() {
    let src = "import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return f(n + 1)\nf(0)\n";
    assert_python_error("high_limit", src, &["RecursionError"]);
}
