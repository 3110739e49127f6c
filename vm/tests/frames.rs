//! Frame reuse (zombie frame per code object, free list) and escaped frames.

use std::process::Command;

fn run(args: &[&str], code: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).args(args).arg("-c").arg(code).output().expect("run pyhop");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn second_call_reanimates_the_zombie_frame() {
    let code = "import sys\ndef f(x):\n    return x + 1\nf(1)\na = sys.frame_stats()\nf(2)\nb = sys.frame_stats()\nprint(b['zombie_hits'] - a['zombie_hits'], b['allocations'] - a['allocations'])\n";
    // f's zombie is reanimated; `sys.frame_stats` is native and needs no frame.
    assert_eq!(run(&[], code), "1 0\n");
}

#[test]
fn recursion_draws_from_the_free_list() {
    let code = "import sys\ndef r(n):\n    return 0 if n == 0 else r(n - 1)\nr(50)\na = sys.frame_stats()\nr(50)\nb = sys.frame_stats()\nprint(b['zombie_hits'] - a['zombie_hits'], b['freelist_hits'] - a['freelist_hits'], b['allocations'] - a['allocations'])\n";
    // 51 frames of r: one reanimates the zombie, 50 come from the free list.
    assert_eq!(run(&[], code), "1 50 0\n");
}

#[test]
fn the_free_list_is_capped() {
    let code = "import sys\ndef r(n):\n    return 0 if n == 0 else r(n - 1)\nr(500)\nprint(sys.frame_stats()['free_list'])\n";
    assert_eq!(run(&[], code), "200\n");
}

#[test]
fn policies_switch_reuse_off() {
    let code = "import sys\ndef f():\n    pass\nf()\nf()\ns = sys.frame_stats()\nprint(s['policy'], s['zombie_hits'], s['freelist_hits'])\n";
    assert_eq!(run(&["-X", "frame-reuse=none"], code), "none 0 0\n");
    assert!(run(&["-X", "frame-reuse=zombie"], code).starts_with("zombie "));
}

#[test]
fn escaped_and_traceback_frames_keep_their_locals() {
    let code = "import sys\ndef f(a):\n    b = a * 2\n    return sys._getframe()\nfr = f(21)\ndef g(a):\n    c = a + 1\n    raise ValueError(c)\ntry:\n    g(1)\nexcept ValueError as e:\n    tb = e.__traceback__.tb_next\nf(5)\ng2 = [f(i) for i in range(3)]\nprint(sorted(fr.f_locals.items()), fr.f_code.co_name, tb.tb_frame.f_locals['c'])\n";
    // After f returned (and its storage went back to the pool and was reused), the
    // escaped frame object still reads its own final state.
    assert_eq!(run(&[], code), "[('a', 21), ('b', 42)] f 2\n");
}
