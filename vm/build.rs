//! Embeds pyhop's own pure-Python library (`lib/*.py`) into the binary: writes
//! `$OUT_DIR/stdlib.rs` with `STDLIB: &[(name, source)]`. Also looks for a host
//! CPython 3.11 standard library (`python3.11`, then `python3`) and records its folder
//! in `PYHOP_BUILD_STDLIB` (empty when there is none), the third place
//! `vm/src/startup.rs` looks at start-up.

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
    println!("cargo:rerun-if-env-changed=PYHOP_BUILD_STDLIB");
    let host = match std::env::var("PYHOP_BUILD_STDLIB") {
        Ok(v) => v,
        Err(_) => probe_cpython_stdlib().unwrap_or_default(),
    };
    println!("cargo:rustc-env=PYHOP_BUILD_STDLIB={host}");
    let mut out = String::from("/// Embedded standard-library modules: (name, source).\npub static STDLIB: &[(&str, &str)] = &[\n");
    for (name, path) in entries {
        let _ = writeln!(out, "    ({name:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stdlib.rs");
    std::fs::write(dest, out).unwrap();
}

/// The `stdlib` folder of the first of `python3.11`, `python3` on `PATH` that is
/// CPython 3.11 (the same probe `startup.rs` makes at run time when this one found none).
fn probe_cpython_stdlib() -> Option<String> {
    const PROBE: &str = "import sys, sysconfig\n\
        print(sys.implementation.name, sys.version_info[0], sys.version_info[1])\n\
        print(sysconfig.get_paths()['stdlib'])";
    for exe in ["python3.11", "python3"] {
        let Ok(out) = std::process::Command::new(exe).args(["-I", "-c", PROBE]).output() else { continue };
        if !out.status.success() {
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        if lines.next().map(str::trim) != Some("cpython 3 11") {
            continue;
        }
        if let Some(dir) = lines.next().map(str::trim) {
            if Path::new(dir).join("os.py").is_file() {
                return Some(dir.to_string());
            }
        }
    }
    None
}
