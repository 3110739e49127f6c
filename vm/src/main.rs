//! The `pyhop` command line.
//!
//! ```text
//! pyhop [--dispatch=ENGINE] [--dis] [-c CODE | -m MODULE | FILE | -] [args...]
//! pyhop --version | -h | --list-dispatch | --list-opcodes [--json]
//! ```
//! The interpreter runs on a thread with a large native stack; `Vm::stack_floor`
//! turns deep recursion into `RecursionError` before that stack can overflow
//! (`pyhop_vm::run`, shared with the criterion benchmarks).

use std::process::ExitCode;

use pyhop_compiler::bytecode::dis;
use pyhop_compiler::{Mode, Opcode};
use pyhop_vm::builtins::io::{flush_stdout, write_stderr};
use pyhop_vm::object::Obj;
use pyhop_vm::run::{self, Config};
use pyhop_vm::{Engine, Value, Vm};

/// mimalloc for small blocks and glibc's mremap for big growing ones
/// (`vm/src/alloc.rs`), unless the `system-alloc` feature asks for the C library's
/// allocator alone (what valgrind's heap tools can see:
/// `cargo build --release --features system-alloc`).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: pyhop_vm::alloc::PyhopAlloc = pyhop_vm::alloc::PyhopAlloc;

const USAGE: &str = "usage: pyhop [--dispatch=ENGINE] [--dis] [-c cmd | -m mod | file | -] [arg] ...";

enum Target {
    File(String),
    Code(String),
    Module(String),
    Stdin,
}

struct Options {
    engine: Engine,
    /// `-X frame-reuse=none|freelist|zombie|both`.
    frame_reuse: pyhop_vm::frame::pool::Policy,
    /// `-X frame-stats`: print the frame-reuse counters at exit.
    frame_stats: bool,
    /// `-X dxp` / `--dxp`: count opcodes and pairs; `--dxp-out FILE` writes them at exit.
    dxp: bool,
    dxp_out: Option<String>,
    /// `--no-predict`: run without opcode prediction (every engine).
    no_predict: bool,
    dis: bool,
    target: Target,
    args: Vec<String>,
}

fn help() -> String {
    let engines: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
    format!(
        "{USAGE}\n\
         Options:\n\
         -c cmd           program passed in as string\n\
         -m mod           run library module as a script\n\
         --dis            print the bytecode of every code object instead of running\n\
         --dispatch=NAME  dispatch engine: {} (default {}; also PYHOP_DISPATCH)\n\
         --list-dispatch  print the available dispatch engines\n\
         --list-opcodes   print the opcode table (--json for JSON)\n\
         --no-predict     run without opcode prediction (every engine)\n\
         --dxp, -X dxp    count executed opcodes and opcode pairs (sys.getdxp())\n\
         --dxp-out FILE   count them and write the profile as JSON at exit\n\
         -X frame-reuse=P frame reuse policy: both (default), zombie, freelist, none\n\
         -X frame-stats   print frame-reuse counters at exit\n\
         -X specialize=off run without quickening (no adaptive/specialised opcodes)\n\
         -X opt           implementation-specific option (accepted, reserved)\n\
         -h, --help       print this help and exit\n\
         --version        print the version and exit\n\
         file             program read from script file ('-' reads stdin)\n\
         arg ...          arguments passed to the program in sys.argv[1:]\n",
        engines.join(", "),
        Engine::DEFAULT.name()
    )
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("pyhop: {msg}\n{USAGE}\nTry `pyhop -h' for more information.");
    ExitCode::from(2)
}

fn list_opcodes(json: bool) {
    if json {
        let rows: Vec<String> = Opcode::ALL
            .iter()
            .map(|op| {
                let preds: Vec<String> = op.predicts().iter().map(|p| format!("\"{}\"", p.name())).collect();
                format!(
                    "{{\"code\": {}, \"name\": \"{}\", \"has_arg\": {}, \"jump\": {}, \"predicts\": [{}]}}",
                    *op as u8,
                    op.name(),
                    op.has_arg(),
                    op.is_jump(),
                    preds.join(", ")
                )
            })
            .collect();
        println!("[\n  {}\n]", rows.join(",\n  "));
    } else {
        for op in Opcode::ALL {
            println!("{:3} {:<24} {}", *op as u8, op.name(), op.doc());
        }
    }
}

/// One `-X` option. Unknown names are accepted, as CPython does.
fn x_option(opt: &str, reuse: &mut pyhop_vm::frame::pool::Policy, stats: &mut bool) -> Result<(), String> {
    if let Some(v) = opt.strip_prefix("frame-reuse=") {
        *reuse = pyhop_vm::frame::pool::Policy::from_name(v)
            .ok_or_else(|| format!("-X frame-reuse: unknown policy '{v}' (none, freelist, zombie, both)"))?;
    } else if opt == "frame-stats" {
        *stats = true;
    } else if let Some(v) = opt.strip_prefix("specialize=") {
        match v {
            "on" => pyhop_vm::object::code::set_specialize(true),
            "off" => pyhop_vm::object::code::set_specialize(false),
            _ => return Err(format!("-X specialize: expected 'on' or 'off', not '{v}'")),
        }
    }
    Ok(())
}

fn parse_args() -> Result<Options, ExitCode> {
    let argv: Vec<String> = std::env::args().collect();
    let mut engine = match std::env::var("PYHOP_DISPATCH") {
        Ok(name) if !name.is_empty() => match Engine::from_name(&name) {
            Some(e) => e,
            None => return Err(usage_error(&format!("unknown dispatch engine '{name}' in PYHOP_DISPATCH"))),
        },
        _ => Engine::DEFAULT,
    };
    let mut dis = false;
    let mut frame_reuse = pyhop_vm::frame::pool::Policy::Both;
    let mut frame_stats = false;
    let mut dxp = false;
    let mut no_predict = false;
    let mut dxp_out: Option<String> = None;
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "-h" | "--help" | "-?" => {
                print!("{}", help());
                return Err(ExitCode::SUCCESS);
            }
            "--version" | "-V" => {
                println!("Python 3.11.0 (pyhop {})", env!("CARGO_PKG_VERSION"));
                return Err(ExitCode::SUCCESS);
            }
            "--list-dispatch" => {
                for e in Engine::ALL {
                    println!("{}", e.name());
                }
                return Err(ExitCode::SUCCESS);
            }
            "--list-opcodes" => {
                list_opcodes(argv.iter().any(|x| x == "--json"));
                return Err(ExitCode::SUCCESS);
            }
            "--dis" => dis = true,
            "--dxp" => dxp = true,
            "--no-predict" => no_predict = true,
            _ if a.starts_with("--dxp-out=") => {
                dxp = true;
                dxp_out = Some(a["--dxp-out=".len()..].to_string());
            }
            "--dxp-out" => {
                i += 1;
                let Some(f) = argv.get(i) else { return Err(usage_error("Argument expected for --dxp-out")) };
                dxp = true;
                dxp_out = Some(f.clone());
            }
            "-c" | "-m" => {
                let Some(v) = argv.get(i + 1) else {
                    return Err(usage_error(&format!("Argument expected for the {a} option")));
                };
                let target = if a == "-c" { Target::Code(v.clone()) } else { Target::Module(v.clone()) };
                let mut args = vec![if a == "-c" { "-c".to_string() } else { v.clone() }];
                args.extend(argv[i + 2..].iter().cloned());
                return Ok(Options { engine, frame_reuse, frame_stats, dxp, dxp_out: dxp_out.clone(), no_predict, dis, target, args });
            }
            "-X" => {
                i += 1;
                let Some(opt) = argv.get(i) else { return Err(usage_error("Argument expected for the -X option")) };
                if opt == "dxp" {
                    dxp = true;
                }
                match x_option(opt, &mut frame_reuse, &mut frame_stats) {
                    Ok(()) => {}
                    Err(msg) => return Err(usage_error(&msg)),
                }
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-O" | "-q" => {}
            "-" => {
                let mut args = vec!["-".to_string()];
                args.extend(argv[i + 1..].iter().cloned());
                return Ok(Options { engine, frame_reuse, frame_stats, dxp, dxp_out: dxp_out.clone(), no_predict, dis, target: Target::Stdin, args });
            }
            _ if a.starts_with("--dispatch=") => {
                let name = &a["--dispatch=".len()..];
                match Engine::from_name(name) {
                    Some(e) => engine = e,
                    None => {
                        let names: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
                        return Err(usage_error(&format!(
                            "unknown dispatch engine '{name}' (available: {})",
                            names.join(", ")
                        )));
                    }
                }
            }
            _ if a.starts_with("-X") => {
                if &a[2..] == "dxp" {
                    dxp = true;
                }
                if let Err(msg) = x_option(&a[2..], &mut frame_reuse, &mut frame_stats) {
                    return Err(usage_error(&msg));
                }
            }
            _ if a.starts_with('-') && a.len() > 1 => return Err(usage_error(&format!("unknown option {a}"))),
            _ => {
                let args: Vec<String> = argv[i..].to_vec();
                return Ok(Options { engine, frame_reuse, frame_stats, dxp, dxp_out: dxp_out.clone(), no_predict, dis, target: Target::File(a.to_string()), args });
            }
        }
        i += 1;
    }
    Ok(Options { engine, frame_reuse, frame_stats, dxp, dxp_out: dxp_out.clone(), no_predict, dis, target: Target::Stdin, args: vec![String::new()] })
}

/// Exit status for an uncaught exception (printing it), or for SystemExit.
fn report(vm: &mut Vm, exc: &Value) -> u8 {
    if vm.isinstance(exc, &vm.exc_class("SystemExit")) {
        let code = vm.getattr(exc, "code").unwrap_or(Value::None);
        return match code {
            Value::None => 0,
            Value::Int(i) => (i & 0xff) as u8,
            Value::Bool(b) => b as u8,
            other => {
                let s = vm.str_string(&other).unwrap_or_default();
                let _ = write_stderr(vm, &format!("{s}\n"));
                1
            }
        };
    }
    let text = pyhop_vm::traceback::format_exception(vm, exc);
    let _ = write_stderr(vm, &text);
    1
}

fn run(opts: Options) -> u8 {
    let (source, filename, script_dir) = match &opts.target {
        Target::File(f) => match std::fs::read(f) {
            Ok(bytes) => {
                // CPython 3.11 runs a script under its absolute path (`__file__`, `co_filename`).
                let abs = std::path::absolute(f).map(|p| p.display().to_string()).unwrap_or_else(|_| f.clone());
                let dir = std::path::Path::new(&abs).parent().map(|p| p.display().to_string()).unwrap_or_default();
                (String::from_utf8_lossy(&bytes).into_owned(), abs, dir)
            }
            Err(e) => {
                eprintln!("pyhop: can't open file '{f}': [Errno {}] {e}", e.raw_os_error().unwrap_or(0));
                return 2;
            }
        },
        Target::Code(c) => (c.clone(), "<string>".to_string(), String::new()),
        Target::Stdin => {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            (s, "<stdin>".to_string(), String::new())
        }
        Target::Module(_) => (String::new(), String::new(), String::new()),
    };
    if opts.dis {
        return match pyhop_compiler::compile(&source, &filename, Mode::Exec) {
            Ok(code) => {
                print!("{}", dis::dis_recursive(&code));
                0
            }
            Err(e) => {
                let mut vm = Vm::new(vec![], vec![], opts.engine);
                let err = vm.syntax_error(&e);
                report(&mut vm, &err.0)
            }
        };
    }
    let path = vec![if script_dir.is_empty() { String::new() } else { script_dir }];
    let config = Config { engine: opts.engine, predict: !opts.no_predict, frame_reuse: opts.frame_reuse, dxp: opts.dxp };
    let mut vm = run::new_vm(opts.args.clone(), path, &config);
    let result = match &opts.target {
        Target::Module(name) => {
            let globals = vm.main_globals(None);
            let _ = globals;
            run_module(&mut vm, name)
        }
        _ => {
            let file = matches!(opts.target, Target::File(_)).then_some(filename.as_str());
            vm.run_main(&source, &filename, file)
        }
    };
    let status = match result {
        Ok(()) => 0,
        Err(e) => report(&mut vm, &e.0),
    };
    // atexit functions, pending finalizers, module teardown (as CPython's Py_Finalize).
    vm.finalize_at_exit();
    flush_stdout();
    if let Some(path) = &opts.dxp_out {
        if let Err(e) = std::fs::write(path, pyhop_vm::profile::dxp::to_json(&vm)) {
            eprintln!("pyhop: cannot write {path}: {e}");
        }
    }
    if opts.frame_stats {
        let s = vm.frame_pool.stats;
        eprintln!(
            "frame reuse ({}): {} allocations, {} zombie hits, {} free-list hits, {} released, {} freed, {} on the free list",
            vm.frame_pool.policy.name(),
            s.allocations,
            s.zombie_hits,
            s.freelist_hits,
            s.released,
            s.dropped,
            vm.frame_pool.free_len()
        );
    }
    status
}

/// `-m NAME`: find NAME.py on sys.path and run it as `__main__`.
fn run_module(vm: &mut Vm, name: &str) -> Result<(), pyhop_vm::PyErr> {
    let rel = name.replace('.', "/");
    let cwd = std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_else(|_| ".".into());
    for dir in [cwd.as_str(), "."] {
        for cand in [format!("{dir}/{rel}.py"), format!("{dir}/{rel}/__main__.py")] {
            if let Ok(src) = std::fs::read_to_string(&cand) {
                if let Value::Obj(o) = Value::Obj(vm.sys.clone()) {
                    if let Obj::Module(m) = o.view() {
                        let l = vm.new_list(vec![Value::str(&cwd)]);
                        m.d().borrow_mut().insert_str("path", l);
                        let argv0 = Value::str(&cand);
                        if let Some(Value::Obj(a)) = m.d().borrow().get_str("argv") {
                            if let Obj::List(l) = a.view() {
                                if let Some(first) = l.borrow_mut().first_mut() {
                                    *first = argv0;
                                }
                            }
                        }
                    }
                }
                return vm.run_main(&src, &cand, Some(&cand));
            }
        }
    }
    let cls = vm.exc_class("ModuleNotFoundError");
    let exc = vm.new_exception(cls, vec![Value::string(format!("No module named {name}"))]);
    Err(pyhop_vm::PyErr(exc))
}

fn main() -> ExitCode {
    pyhop_vm::alloc::init();
    let opts = match parse_args() {
        Ok(o) => o,
        Err(code) => return code,
    };
    match run::on_interpreter_thread(move || run(opts)) {
        Some(code) => ExitCode::from(code),
        None => {
            eprintln!("pyhop: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}
