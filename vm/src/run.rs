//! Running a program as `__main__`: the one path shared by the `pyhop` binary
//! (`main.rs`) and the criterion benchmarks (`vm/benches/engines.rs`), so both
//! measure the same thing.
//!
//! A run: [`on_interpreter_thread`] starts a thread with a large native stack; on it,
//! [`new_vm`] makes a VM set up by a [`Config`] (engine, prediction, frame reuse, DXP),
//! and [`Vm::run_main`] compiles and runs the source as `__main__`.

use pyhop_compiler::Mode;

use crate::frame::pool::Policy;
use crate::value::Value;
use crate::vm::{stack_pointer, PyResult, Vm};
use crate::Engine;

/// Native stack of the interpreter thread.
pub const STACK_SIZE: usize = 1 << 30;
/// Head-room kept below the guard for native code between two checks.
pub const STACK_MARGIN: usize = 1 << 20;

/// The switches of the dispatch laboratory that are fixed when a VM is made.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Dispatch engine (`--dispatch=NAME`).
    pub engine: Engine,
    /// Opcode prediction (`--no-predict` turns it off).
    pub predict: bool,
    /// Frame reuse policy (`-X frame-reuse=P`).
    pub frame_reuse: Policy,
    /// Count executed opcodes and pairs (`-X dxp`).
    pub dxp: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { engine: Engine::DEFAULT, predict: true, frame_reuse: Policy::Both, dxp: false }
    }
}

/// A VM for a program with `sys.argv = argv` and `sys.path = path`, configured by
/// `config`. Call it on the thread that will run the program: the native-stack guard
/// is set from the current stack position, assuming an interpreter thread
/// ([`on_interpreter_thread`]).
pub fn new_vm(argv: Vec<String>, path: Vec<String>, config: &Config) -> Vm {
    let mut vm = Vm::new(argv, path, config.engine);
    vm.frame_pool.policy = config.frame_reuse;
    if config.dxp {
        crate::profile::dxp::enable(&mut vm);
    }
    vm.no_predict = !config.predict;
    vm.stack_floor = stack_pointer().saturating_sub(STACK_SIZE - STACK_MARGIN);
    vm
}

/// Run `f` on a fresh thread with a [`STACK_SIZE`] native stack and return its result;
/// `None` when the thread could not start or panicked.
pub fn on_interpreter_thread<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> Option<R> {
    let handle = std::thread::Builder::new().name("pyhop".into()).stack_size(STACK_SIZE).spawn(f).ok()?;
    handle.join().ok()
}

impl Vm {
    /// Compile `source` and run it as the `__main__` module. `filename` names the code
    /// (`co_filename`, tracebacks); `file` is the script's path for `__file__`, `None`
    /// for `-c` and stdin.
    pub fn run_main(&mut self, source: &str, filename: &str, file: Option<&str>) -> PyResult<()> {
        let globals = self.main_globals(file);
        let code = self.compile_source(source, filename, Mode::Exec)?;
        self.run_code(code, globals.clone(), Value::Obj(globals)).map(|_| ())
    }
}
