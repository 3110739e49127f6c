//! The threaded engines' canary (tail, and become when built): 10^8 dispatches in
//! constant native stack. Handlers reach
//! each other by sibling calls; one real `call` per instruction would need at least
//! 16 bytes of stack per dispatch, 1.6 GB here, and the 256 KiB thread below would
//! overflow (a crash, so the test fails) after a few thousand instructions.
//! `scripts/check_tail_calls.py` proves the same from the machine code.

#![cfg(not(debug_assertions))]

use pyhop_vm::run::{new_vm, Config};
use pyhop_vm::Engine;

/// A loop whose iterations each execute the same few instructions; the program
/// checks its own result (an AssertionError fails the run).
const PROG: &str = "
def spin(n):
    i = 0
    while i < n:
        i += 1
    return i
";

/// Run `spin(n)` under `engine`; with `dxp`, return the number of executed instructions.
fn run(engine: Engine, n: u64, dxp: bool) -> Result<u64, String> {
    let mut vm = new_vm(vec![], vec![], &Config { engine, dxp, ..Config::default() });
    // No recursion here: the small test thread needs no native-stack guard.
    vm.stack_floor = 0;
    let src = format!("{PROG}\nassert spin({n}) == {n}\n");
    vm.run_main(&src, "<canary>", None).map_err(|_| "the canary program raised".to_string())?;
    Ok(vm.dxp.as_ref().map_or(0, |d| d[256].iter().sum()))
}

#[test]
fn threaded_engines_run_1e8_dispatches_in_256_kib_of_stack() {
    // How many instructions one iteration executes, counted by DXP on a short run.
    let small = run(Engine::Switch, 1_000, true).unwrap();
    let twice = run(Engine::Switch, 2_000, true).unwrap();
    let per_iter = (twice - small) / 1_000;
    assert!(per_iter >= 4, "{per_iter} instructions per iteration");
    let iters = 100_000_000 / per_iter + 1;
    assert!(iters * per_iter >= 100_000_000);
    let threaded: Vec<Engine> = ["tail", "become"].iter().filter_map(|n| Engine::from_name(n)).collect();
    if threaded.is_empty() {
        eprintln!("no threaded engine in this build");
    }
    for engine in threaded {
        eprintln!("{}: {per_iter} instructions per iteration, {iters} iterations", engine.name());
        let handle = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || run(engine, iters, false))
            .expect("thread");
        // A native stack overflow aborts the whole test process, which fails the test.
        let result = handle.join().expect("the engine's thread panicked");
        assert_eq!(result, Ok(0), "{}", engine.name());
    }
}
