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
use pyhop_vm::startup;
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
    /// The options that decide `sys.path`, `sys.flags`, `sys.warnoptions`, `sys._xoptions`.
    startup: pyhop_vm::startup::Options,
    target: Target,
    args: Vec<String>,
}

fn help() -> String {
    let engines: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
    format!(
        "{USAGE}\n\
         Options:\n\
         -B               don't write .pyc files (pyhop never does; sets sys.flags)\n\
         -c cmd           program passed in as string\n\
         -E               ignore PYTHON* environment variables (and PYHOP_STDLIB)\n\
         -I               isolate: no script folder on sys.path, implies -E, -P and -s\n\
         -m mod           run library module as a script\n\
         -O               sets sys.flags.optimize (-OO: 2); asserts still run\n\
         -P               don't prepend the script's folder (or '') to sys.path\n\
         -q               quiet (sys.flags.quiet)\n\
         -s               don't add the user site-packages folder to sys.path\n\
         -S               don't add any site-packages folder to sys.path\n\
         -u, -b, -d, -v   accepted; -b, -d, -v only set sys.flags\n\
         -W arg           warning control (sys.warnoptions)\n\
         -X stdlib=PATH   the CPython 3.11 standard library to use (also PYHOP_STDLIB;\n\
         \x20                -X stdlib= for none; default: the one found at build time)\n\
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
         -X inline-calls=off call every Python function through a native call of\n\
         \x20                the interpreter (default: plain calls chain frames)\n\
         -X opt           implementation-specific option (sys._xoptions): dev, utf8,\n\
         \x20                warn_default_encoding, int_max_str_digits=N set sys.flags\n\
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

/// One `-X` option: recorded for `sys._xoptions`; pyhop's own and the ones `sys.flags`
/// shows take effect. Unknown names are accepted, as CPython does.
fn x_option(opt: &str, o: &mut ParseState) -> Result<(), String> {
    let (name, value) = match opt.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (opt, None),
    };
    o.startup.xoptions.push((name.to_string(), value.map(String::from)));
    let flags = &mut o.startup.flags;
    match (name, value) {
        ("frame-reuse", Some(v)) => {
            o.frame_reuse = pyhop_vm::frame::pool::Policy::from_name(v)
                .ok_or_else(|| format!("-X frame-reuse: unknown policy '{v}' (none, freelist, zombie, both)"))?;
        }
        ("frame-stats", _) => o.frame_stats = true,
        ("dxp", _) => o.dxp = true,
        ("specialize", Some("on")) => pyhop_vm::object::code::set_specialize(true),
        ("specialize", Some("off")) => pyhop_vm::object::code::set_specialize(false),
        ("specialize", v) => return Err(format!("-X specialize: expected 'on' or 'off', not '{}'", v.unwrap_or(""))),
        ("inline-calls", Some("on")) => pyhop_vm::interp::chain::set_enabled(true),
        ("inline-calls", Some("off")) => pyhop_vm::interp::chain::set_enabled(false),
        ("inline-calls", v) => return Err(format!("-X inline-calls: expected 'on' or 'off', not '{}'", v.unwrap_or(""))),
        ("dev", _) => flags.dev_mode = true,
        ("utf8", v) => {
            flags.utf8_mode = match v {
                None | Some("1") => 1,
                Some("0") => 0,
                Some(_) => return Err("-X utf8: invalid value; use -X utf8, -X utf8=1 or -X utf8=0".into()),
            }
        }
        ("warn_default_encoding", _) => flags.warn_default_encoding = 1,
        ("int_max_str_digits", v) => {
            flags.int_max_str_digits = match v.and_then(|v| v.parse::<i64>().ok()) {
                Some(n) if n == 0 || n >= 640 => n,
                _ => return Err("-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.".into()),
            }
        }
        _ => {}
    }
    Ok(())
}

/// The options read so far.
struct ParseState {
    engine: Engine,
    dis: bool,
    frame_reuse: pyhop_vm::frame::pool::Policy,
    frame_stats: bool,
    dxp: bool,
    no_predict: bool,
    dxp_out: Option<String>,
    startup: pyhop_vm::startup::Options,
}

impl ParseState {
    fn finish(self, target: Target, args: Vec<String>) -> Options {
        Options {
            engine: self.engine,
            frame_reuse: self.frame_reuse,
            frame_stats: self.frame_stats,
            dxp: self.dxp,
            dxp_out: self.dxp_out,
            no_predict: self.no_predict,
            dis: self.dis,
            startup: self.startup,
            target,
            args,
        }
    }
}

fn parse_args() -> Result<Options, ExitCode> {
    let argv: Vec<String> = std::env::args().collect();
    let engine = match std::env::var("PYHOP_DISPATCH") {
        Ok(name) if !name.is_empty() => match Engine::from_name(&name) {
            Some(e) => e,
            None => return Err(usage_error(&format!("unknown dispatch engine '{name}' in PYHOP_DISPATCH"))),
        },
        _ => Engine::DEFAULT,
    };
    let mut o = ParseState {
        engine,
        dis: false,
        frame_reuse: pyhop_vm::frame::pool::Policy::Both,
        frame_stats: false,
        dxp: false,
        no_predict: false,
        dxp_out: None,
        startup: pyhop_vm::startup::Options::default(),
    };
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "--help" => {
                print!("{}", help());
                return Err(ExitCode::SUCCESS);
            }
            "--version" => {
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
            "--dis" => o.dis = true,
            "--dxp" => o.dxp = true,
            "--no-predict" => o.no_predict = true,
            _ if a.starts_with("--dxp-out=") => {
                o.dxp = true;
                o.dxp_out = Some(a["--dxp-out=".len()..].to_string());
            }
            "--dxp-out" => {
                i += 1;
                let Some(f) = argv.get(i) else { return Err(usage_error("Argument expected for --dxp-out")) };
                o.dxp = true;
                o.dxp_out = Some(f.clone());
            }
            "-" => {
                let mut args = vec!["-".to_string()];
                args.extend(argv[i + 1..].iter().cloned());
                return Ok(o.finish(Target::Stdin, args));
            }
            _ if a.starts_with("--dispatch=") => {
                let name = &a["--dispatch=".len()..];
                match Engine::from_name(name) {
                    Some(e) => o.engine = e,
                    None => {
                        let names: Vec<&str> = Engine::ALL.iter().map(|e| e.name()).collect();
                        return Err(usage_error(&format!(
                            "unknown dispatch engine '{name}' (available: {})",
                            names.join(", ")
                        )));
                    }
                }
            }
            _ if a.starts_with("--") => return Err(usage_error(&format!("unknown option {a}"))),
            _ if a.starts_with('-') && a.len() > 1 => {
                // A group of one-letter options, as CPython's: `-IS`, `-OO`, `-c CODE`,
                // `-cCODE`, `-X opt`, `-Xopt`, `-W arg`.
                let flags = &mut o.startup.flags;
                for (j, ch) in a.char_indices().skip(1) {
                    let rest = &a[j + ch.len_utf8()..];
                    match ch {
                        'c' | 'm' | 'X' | 'W' => {
                            let value = if !rest.is_empty() {
                                rest.to_string()
                            } else {
                                i += 1;
                                match argv.get(i) {
                                    Some(v) => v.clone(),
                                    None => return Err(usage_error(&format!("Argument expected for the -{ch} option"))),
                                }
                            };
                            match ch {
                                'c' | 'm' => {
                                    let target = if ch == 'c' { Target::Code(value.clone()) } else { Target::Module(value.clone()) };
                                    let mut args = vec![if ch == 'c' { "-c".to_string() } else { value }];
                                    args.extend(argv[i + 1..].iter().cloned());
                                    return Ok(o.finish(target, args));
                                }
                                'X' => {
                                    if let Err(msg) = x_option(&value, &mut o) {
                                        return Err(usage_error(&msg));
                                    }
                                }
                                _ => o.startup.warnoptions.push(value),
                            }
                            break;
                        }
                        'h' | '?' => {
                            print!("{}", help());
                            return Err(ExitCode::SUCCESS);
                        }
                        'V' => {
                            println!("Python 3.11.0 (pyhop {})", env!("CARGO_PKG_VERSION"));
                            return Err(ExitCode::SUCCESS);
                        }
                        'B' => flags.dont_write_bytecode = 1,
                        'b' => flags.bytes_warning = flags.bytes_warning.saturating_add(1),
                        'd' => flags.debug = flags.debug.saturating_add(1),
                        'E' => flags.ignore_environment = 1,
                        'I' => flags.isolated = 1,
                        'O' => flags.optimize = flags.optimize.saturating_add(1),
                        'P' => flags.safe_path = true,
                        'q' => flags.quiet = 1,
                        's' => flags.no_user_site = 1,
                        'S' => flags.no_site = 1,
                        'u' | 'R' => {}
                        'v' => flags.verbose = flags.verbose.saturating_add(1),
                        _ => return Err(usage_error(&format!("unknown option -{ch}"))),
                    }
                }
            }
            _ => {
                let args: Vec<String> = argv[i..].to_vec();
                return Ok(o.finish(Target::File(a.to_string()), args));
            }
        }
        i += 1;
    }
    Ok(o.finish(Target::Stdin, vec![String::new()]))
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
    let main = match &opts.target {
        Target::File(_) => startup::Main::Script(script_dir),
        Target::Code(_) => startup::Main::Code,
        Target::Module(_) => startup::Main::Module,
        Target::Stdin => startup::Main::Stdin,
    };
    let setup = match startup::configure(&main, &opts.startup, &|k| std::env::var(k).ok()) {
        Ok(s) => s,
        Err(msg) => {
            // As CPython's fatal path-configuration errors: one line, status 1.
            eprintln!("pyhop: {msg}");
            return 1;
        }
    };
    let config = Config { engine: opts.engine, predict: !opts.no_predict, frame_reuse: opts.frame_reuse, dxp: opts.dxp };
    let mut vm = run::new_vm(opts.args.clone(), setup.path.clone(), &config);
    pyhop_vm::builtins::modules::install_startup(&mut vm, &setup);
    let result = match &opts.target {
        Target::Module(name) => run_module(&mut vm, name),
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

/// `-m NAME`: run pyhop's embedded module NAME, or the first `NAME.py` (dots as
/// folders) or `NAME/__main__.py` on `sys.path`, as `__main__`; `sys.argv[0]` is its
/// file.
fn run_module(vm: &mut Vm, name: &str) -> Result<(), pyhop_vm::PyErr> {
    let set_argv0 = |vm: &mut Vm, file: &str| {
        if let Obj::Module(m) = vm.sys.view() {
            if let Some(Value::Obj(a)) = m.d().borrow().get_str("argv") {
                if let Obj::List(l) = a.view() {
                    if let Some(first) = l.borrow_mut().first_mut() {
                        *first = Value::str(file);
                    }
                }
            }
        }
    };
    if let Some(src) = pyhop_vm::protocol::import::stdlib_source(name) {
        let file = format!("<pyhop-lib>/{name}.py");
        set_argv0(vm, &file);
        return vm.run_main(src, &file, Some(&file));
    }
    let rel = name.replace('.', "/");
    for dir in vm.sys_path() {
        let dir = if dir.is_empty() { ".".to_string() } else { dir };
        for cand in [format!("{dir}/{rel}.py"), format!("{dir}/{rel}/__main__.py")] {
            if let Ok(src) = std::fs::read_to_string(&cand) {
                set_argv0(vm, &cand);
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
