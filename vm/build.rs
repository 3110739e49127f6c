//! Embeds the pure-Python standard library (`lib/*.py`) into the binary: writes
//! `$OUT_DIR/stdlib.rs` with `STDLIB: &[(name, source)]`.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // The tail engine needs LLVM's sibling calls, which only optimised builds do
    // (wasmi's rule): without them a long-running chain would overflow the stack.
    println!("cargo:rustc-check-cfg=cfg(pyhop_tail_ok)");
    let opt = std::env::var("OPT_LEVEL").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if matches!(opt.as_str(), "2" | "3" | "s" | "z") && matches!(arch.as_str(), "x86_64" | "aarch64") {
        println!("cargo:rustc-cfg=pyhop_tail_ok");
    }
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Ok(dir) = std::fs::read_dir(&lib) {
        for e in dir.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("py") {
                if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                    println!("cargo:rerun-if-changed={}", p.display());
                    entries.push((stem.to_string(), p.display().to_string()));
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from("/// Embedded standard-library modules: (name, source).\npub static STDLIB: &[(&str, &str)] = &[\n");
    for (name, path) in entries {
        let _ = writeln!(out, "    ({name:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stdlib.rs");
    std::fs::write(dest, out).unwrap();
}
