//! The uncaught-exception printer's full output, carets included: every
//! `tests/printer/NAME.py` raises an uncaught exception, and `NAME.stderr` holds what
//! CPython 3.11 prints for it, made in that folder with
//! `python3 NAME.py 2>&1 >/dev/null | sed "s#$PWD/##" > NAME.stderr` (CPython names the
//! script by its absolute path; the folder prefix is removed from both outputs).

use std::path::Path;
use std::process::Command;

#[test]
fn uncaught_tracebacks_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("printer");
    let prefix = format!("{}/", dir.display());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/printer exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no cases in tests/printer");
    let mut failed = Vec::new();
    for py in &names {
        let expected = std::fs::read_to_string(py.with_extension("stderr")).expect("NAME.stderr beside NAME.py");
        let out = Command::new(env!("CARGO_BIN_EXE_pyhop"))
            .arg(py.file_name().expect("file name"))
            .current_dir(&dir)
            .output()
            .expect("run pyhop");
        let got = String::from_utf8_lossy(&out.stderr).replace(&prefix, "");
        if got != expected {
            failed.push(format!("{}:\n--- expected\n{expected}--- got\n{got}", py.display()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
