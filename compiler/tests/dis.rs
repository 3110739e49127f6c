//! Golden disassembly tests: every `tests/dis/*.py` is compiled and its
//! `dis_recursive` output compared with the `*.dis` file beside it.
//! `BLESS=1 cargo test -p pyhop-compiler --test dis` rewrites the golden files.

use pyhop_compiler::bytecode::dis::dis_recursive;
use pyhop_compiler::{compile, Mode};
use std::path::Path;

#[test]
fn golden() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let bless = std::env::var_os("BLESS").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for py in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        count += 1;
        let src = std::fs::read_to_string(py).unwrap();
        let name = py.file_name().unwrap().to_string_lossy().to_string();
        let got = match compile(&src, &name, Mode::Exec) {
            Ok(code) => dis_recursive(&code),
            Err(e) => format!("{}: {} (line {}, offset {})\n", e.kind.name(), e.msg, e.lineno, e.offset),
        };
        let golden = py.with_extension("dis");
        if bless {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{name}: output differs\n--- want\n{want}\n--- got\n{got}")),
            Err(_) => failures.push(format!("{name}: no golden file (run with BLESS=1)")),
        }
    }
    assert!(count > 0, "no golden cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
