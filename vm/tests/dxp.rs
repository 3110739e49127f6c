//! DXP counts are exact and deterministic, predicted pairs included, and counting is
//! off unless asked for.

use std::process::Command;

fn pyhop() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyhop"))
}

const PROG: &str = "def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\nf(10)\n";

#[test]
fn counts_are_exact_and_include_predicted_pairs() {
    let dir = std::env::temp_dir().join(format!("pyhop-dxp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("p.json");
    let st = pyhop().arg("--dxp-out").arg(&out).arg("-c").arg(PROG).status().expect("run");
    assert!(st.success());
    let json = std::fs::read_to_string(&out).expect("profile written");
    // 11 tests of `i < n` (10 true, 1 false), each COMPARE_OP followed by the
    // predicted POP_JUMP_IF_* — counted although prediction skips the dispatch loop.
    assert!(json.contains("\"COMPARE_OP\": 11"), "{json}");
    assert!(json.contains("\"INPLACE_ADD\": 10"), "{json}");
    let cmp_jump = json.lines().filter(|l| l.contains("[\"COMPARE_OP\", \"POP_JUMP_IF_")).count();
    assert!(cmp_jump >= 1, "predicted pair missing: {json}");
    let again = pyhop().arg("--dxp-out").arg(&out).arg("-c").arg(PROG).status().expect("run");
    assert!(again.success());
    assert_eq!(json, std::fs::read_to_string(&out).expect("profile"), "DXP counts must be deterministic");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn getdxp_has_cpython_shape_and_resets() {
    // The second call sees only the few instructions since the first one.
    let code = "import sys\nd = sys.getdxp()\nprint(len(d), {len(r) for r in d}, sum(d[256]) > 0)\nsys.getdxp()\nd = sys.getdxp()\nprint(sum(d[256]) < 10)\n";
    let out = pyhop().arg("-X").arg("dxp").arg("-c").arg(code).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "257 {256} True\nTrue\n");
}

#[test]
fn off_unless_asked_for() {
    let out = pyhop().arg("-c").arg("import sys\ntry:\n    sys.getdxp()\nexcept RuntimeError as e:\n    print('off')\n").output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "off\n");
}
