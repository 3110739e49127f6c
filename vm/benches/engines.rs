//! The dispatch engines side by side, in-process: suite programs (`benches/suite/`) at
//! small sizes under every engine of `Engine::ALL`, prediction on and off.
//!
//! ```text
//! cargo bench -p pyhop-vm --features bench --bench engines                      # everything
//! cargo bench -p pyhop-vm --features bench --bench engines -- fib/              # one program
//! cargo bench -p pyhop-vm --features bench --bench engines -- /call/            # one engine
//! cargo bench -p pyhop-vm --features bench --bench engines -- --profile-time 5  # flamegraphs instead
//! ```
//!
//! One group per program, one benchmark per engine × prediction: `fib/switch/predict`,
//! `fib/switch/no-predict`, ... Each benchmark makes one VM (`pyhop_vm::run`, as the
//! `pyhop` binary does, with the program's `sys.argv`); an iteration compiles the program
//! and runs it as a fresh `__main__` module in that VM (`Vm::run_main`, the binary's
//! path). The VM is kept because pyhop has no cycle collector: a VM dropped per
//! iteration would leak its runtime (about 0.7 MB) each time, gigabytes over a run;
//! what a program run leaves behind is small. The programs check their own results: a
//! wrong one ends the benchmark with the program's message. Their result line goes to a
//! sink so it does not interleave with criterion's report.
//!
//! With `--profile-time N` criterion runs each benchmark for N seconds under pprof
//! instead of measuring, and writes
//! `target/criterion/<program>/<engine>/<prediction>/profile/flamegraph.svg`.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode};
use pprof::criterion::{Output, PProfProfiler};
use pyhop_vm::run::{self, Config};
use pyhop_vm::{Engine, Vm};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Program of `benches/suite/` and its size argument, chosen so that one run takes
/// about 10-50 ms with the release build (richards cannot go below one full round, about
/// 0.2 s).
const PROGRAMS: &[(&str, &str)] = &[
    ("fib", "24"),
    ("richards", "1"),
    ("nbody", "2000"),
    ("spectral_norm", "40"),
    ("float", "4000"),
    ("nqueens", "8"),
];

/// Run before each program: its output goes nowhere (criterion owns stdout).
const QUIET: &str = "import sys

class _Sink:
    def write(self, s):
        return len(s)

    def flush(self):
        pass

sys.stdout = _Sink()
";

/// A VM ready to run `path` with `args`, its output silenced.
fn prepare(path: &str, args: &[&str], config: &Config) -> Vm {
    let mut argv = vec![path.to_string()];
    argv.extend(args.iter().map(|a| a.to_string()));
    let dir = std::path::Path::new(path).parent().map(|p| p.display().to_string()).unwrap_or_default();
    let mut vm = run::new_vm(argv, vec![dir], config);
    check(&mut vm, "<bench setup>", |vm| vm.run_main(QUIET, "<bench setup>", None));
    vm
}

fn check(vm: &mut Vm, what: &str, f: impl FnOnce(&mut Vm) -> pyhop_vm::PyResult<()>) {
    if let Err(e) = f(vm) {
        let text = pyhop_vm::traceback::format_exception(vm, &e.0);
        panic!("{what} failed:\n{text}");
    }
}

fn engines(c: &mut Criterion) {
    let suite = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/suite");
    for &(name, size) in PROGRAMS {
        let path = std::path::absolute(format!("{suite}/{name}.py")).expect("absolute path");
        let path = path.display().to_string();
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let mut group = c.benchmark_group(name);
        // Runs take milliseconds: the same number of runs in every sample.
        group.sampling_mode(SamplingMode::Flat);
        for &engine in Engine::ALL {
            for predict in [true, false] {
                let config = Config { engine, predict, ..Config::default() };
                let id = BenchmarkId::new(engine.name(), if predict { "predict" } else { "no-predict" });
                let mut vm = prepare(&path, &[size], &config);
                group.bench_function(id, |b| {
                    b.iter(|| check(&mut vm, &path, |vm| vm.run_main(&source, &path, Some(&path))))
                });
            }
        }
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .with_profiler(PProfProfiler::new(100, Output::Flamegraph(None)))
}

// `criterion_main!` would run the benchmarks on the main thread; they run on an
// interpreter thread instead, with the native stack and recursion guard of `pyhop`.
criterion::criterion_group! {
    name = benches;
    config = config();
    targets = engines
}

fn main() {
    run::on_interpreter_thread(|| {
        benches();
        Criterion::default().configure_from_args().final_summary();
    })
    .expect("the benchmark thread failed");
}
