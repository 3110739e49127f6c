//! Engine switches give identical results: `--no-predict` and DXP counting change how
//! instructions are reached, never what they compute. Also LLTRACE's output.

use std::process::Command;

fn run(args: &[&str], code: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyhop")).args(args).arg("-c").arg(code).output().expect("run pyhop");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PROG: &str = "
def primes(n):
    out = []
    for k in range(2, n):
        if all(k % p for p in out if p * p <= k):
            out.append(k)
    return out
s = {i: str(i) * 2 for i in range(5)}
print(primes(60), s, [x for x in range(20) if x % 3 == 0])
try:
    {}['missing']
except KeyError as e:
    print('KeyError', e)
";

#[test]
fn switches_do_not_change_results() {
    let base = run(&[], PROG);
    for engine in pyhop_vm::Engine::ALL.iter().map(|e| e.name()) {
        assert_eq!(run(&[&format!("--dispatch={engine}")], PROG), base, "{engine}");
    }
    for engine in pyhop_vm::Engine::ALL.iter().map(|e| e.name()) {
        assert_eq!(run(&[&format!("--dispatch={engine}"), "--no-predict"], PROG), base, "{engine} --no-predict");
    }
    assert_eq!(run(&["-X", "dxp"], PROG), base, "-X dxp");
    assert_eq!(run(&["-X", "frame-reuse=none"], PROG), base, "frame-reuse=none");
}

#[test]
fn lltrace_prints_instructions_pushes_and_pops() {
    let out = run(&[], "__lltrace__ = 1\ndef f(a):\n    return a + 1\nf(2)\n");
    assert_eq!(
        out,
        "0: LOAD_FAST, 0\npush 2\n2: LOAD_CONST, 1\npush 1\n4: BINARY_ADD\npop 1\npop 2\npush 3\n6: RETURN_VALUE\npop 3\n"
    );
}
