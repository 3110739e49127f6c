//! Start-up configuration (`vm/src/startup.rs`): finding the standard library, the
//! order of `sys.path`, the options that change it, `sys.flags`, `sys.version_info`,
//! `sys.warnoptions`, `sys._xoptions`, the prefixes.
//!
//! Every run gets a made-up standard library, `<tmp>/prefix/lib/python3.11` with the
//! landmark files and a marked `os.py`, through `-X stdlib=` or `PYHOP_STDLIB`, and a
//! cleared environment (`HOME` in the temp folder), so the host's Python does not
//! matter.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Fake {
    root: PathBuf,
    stdlib: PathBuf,
    site: PathBuf,
}

fn fake(name: &str) -> Fake {
    let root = std::env::temp_dir().join(format!("pyhop-startup-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let stdlib = root.join("prefix").join("lib").join("python3.11");
    let site = stdlib.join("site-packages");
    std::fs::create_dir_all(stdlib.join("tomllib")).unwrap();
    std::fs::create_dir_all(&site).unwrap();
    std::fs::create_dir_all(root.join("home")).unwrap();
    std::fs::create_dir_all(root.join("work")).unwrap();
    std::fs::write(stdlib.join("os.py"), "MARK = 'fake os'\n").unwrap();
    std::fs::write(stdlib.join("_collections_abc.py"), "").unwrap();
    std::fs::write(stdlib.join("tomllib").join("__init__.py"), "").unwrap();
    std::fs::write(stdlib.join("imp.py"), "").unwrap();
    // Embedded modules (vm/lib) must win over the standard library's.
    std::fs::write(stdlib.join("collections.py"), "raise RuntimeError('host collections imported')\n").unwrap();
    std::fs::write(site.join("sitemod.py"), "WHERE = 'site'\n").unwrap();
    Fake { root, stdlib, site }
}

impl Fake {
    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pyhop"));
        c.env_clear().env("HOME", self.root.join("home")).current_dir(self.root.join("work"));
        c
    }

    /// pyhop with `-X stdlib=<fake>` and `args`.
    fn run(&self, args: &[&str]) -> Output {
        let mut c = self.cmd();
        c.arg("-X").arg(format!("stdlib={}", self.stdlib.display())).args(args);
        c.output().expect("run pyhop")
    }

    fn s(&self, p: &Path) -> String {
        p.display().to_string()
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "pyhop failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `repr(list)` of Python strs, as pyhop prints `sys.path`.
fn pylist(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    format!("[{}]\n", parts.join(", "))
}

const PRINT_PATH: &str = "import sys; print(sys.path)";

#[test]
fn path_with_a_script() {
    let f = fake("script");
    let dir = f.root.join("work").join("app");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("main.py");
    std::fs::write(&script, format!("{PRINT_PATH}\n")).unwrap();
    let out = f.run(&[&f.s(&script)]);
    assert_eq!(stdout(&out), pylist(&[f.s(&dir), f.s(&f.stdlib), f.s(&f.site)]));
}

#[test]
fn path_with_c_and_pythonpath() {
    let f = fake("c");
    assert_eq!(stdout(&f.run(&["-c", PRINT_PATH])), pylist(&["".into(), f.s(&f.stdlib), f.s(&f.site)]));
    // PYTHONPATH entries follow '' and come before the standard library, made
    // absolute (relative to the current folder), as CPython's.
    let mut c = f.cmd();
    c.env("PYTHONPATH", "/a:rel").arg("-X").arg(format!("stdlib={}", f.s(&f.stdlib))).args(["-c", PRINT_PATH]);
    let work = f.root.join("work");
    assert_eq!(
        stdout(&c.output().unwrap()),
        pylist(&["".into(), "/a".into(), f.s(&work.join("rel")), f.s(&f.stdlib), f.s(&f.site)])
    );
}

#[test]
fn path_with_e_i_s() {
    let f = fake("eis");
    let stdlib_arg = format!("stdlib={}", f.s(&f.stdlib));
    let with_pp = |args: &[&str]| {
        let mut c = f.cmd();
        c.env("PYTHONPATH", "/a").arg("-X").arg(&stdlib_arg).args(args);
        stdout(&c.output().unwrap())
    };
    // -E: PYTHONPATH ignored.
    let code = "import sys; print(sys.path); print(sys.flags.ignore_environment, sys.flags.isolated)";
    assert_eq!(with_pp(&["-E", "-c", code]), format!("{}1 0\n", pylist(&["".into(), f.s(&f.stdlib), f.s(&f.site)])));
    // -I: no '' / script folder, no PYTHONPATH; implies -E, -s and safe_path.
    let code = "import sys; print(sys.path); f = sys.flags; print(f.isolated, f.ignore_environment, f.no_user_site, f.safe_path)";
    assert_eq!(with_pp(&["-I", "-c", code]), format!("{}1 1 1 True\n", pylist(&[f.s(&f.stdlib), f.s(&f.site)])));
    // -S: no site-packages; -P: no ''.
    assert_eq!(with_pp(&["-S", "-c", PRINT_PATH]), pylist(&["".into(), "/a".into(), f.s(&f.stdlib)]));
    assert_eq!(with_pp(&["-P", "-S", "-c", PRINT_PATH]), pylist(&["/a".into(), f.s(&f.stdlib)]));
    // Grouped one-letter options, as CPython accepts them.
    assert_eq!(with_pp(&["-ISc", PRINT_PATH]), pylist(&[f.s(&f.stdlib)]));
}

#[test]
fn user_site_unless_s() {
    let f = fake("user");
    let user = f.root.join("home").join(".local").join("lib").join("python3.11").join("site-packages");
    std::fs::create_dir_all(&user).unwrap();
    assert_eq!(stdout(&f.run(&["-c", PRINT_PATH])), pylist(&["".into(), f.s(&f.stdlib), f.s(&user), f.s(&f.site)]));
    assert_eq!(stdout(&f.run(&["-s", "-c", PRINT_PATH])), pylist(&["".into(), f.s(&f.stdlib), f.s(&f.site)]));
}

#[test]
fn path_with_m_starts_with_the_current_folder() {
    let f = fake("m");
    let work = f.root.join("work");
    std::fs::write(work.join("mainmod.py"), format!("{PRINT_PATH}\nprint(__name__, sys.argv[0].endswith('mainmod.py'))\n")).unwrap();
    assert_eq!(stdout(&f.run(&["-m", "mainmod"])), format!("{}__main__ True\n", pylist(&[f.s(&work), f.s(&f.stdlib), f.s(&f.site)])));
    // A module of the standard library runs with -m too.
    std::fs::write(f.stdlib.join("tool.py"), "print('tool', __name__)\n").unwrap();
    assert_eq!(stdout(&f.run(&["-m", "tool"])), "tool __main__\n");
}

#[test]
fn missing_stdlib_is_one_clear_line() {
    let f = fake("missing");
    let mut c = f.cmd();
    let out = c.args(["-X", "stdlib=/nonexistent", "-c", "print('ran')"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("pyhop: -X stdlib=/nonexistent: "), "{err}");
    assert!(err.contains("-X stdlib=PATH") && err.contains("PYHOP_STDLIB"), "{err}");
    assert!(!err.contains("Traceback"), "{err}");
    // A folder without os.py is not a standard library either.
    let out = f.cmd().arg("-X").arg(format!("stdlib={}", f.s(&f.site))).args(["-c", "pass"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no os.py"));
    // So is a bad PYHOP_STDLIB; -E ignores the variable.
    let out = f.cmd().env("PYHOP_STDLIB", "/nonexistent").args(["-c", "pass"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("pyhop: PYHOP_STDLIB=/nonexistent: "));
    let out = f.cmd().env("PYHOP_STDLIB", "/nonexistent").args(["-E", "-X", "stdlib=", "-c", "pass"]).output().unwrap();
    assert!(out.status.success());
}

#[test]
fn pyhop_stdlib_variable() {
    let f = fake("env");
    let out = f.cmd().env("PYHOP_STDLIB", &f.stdlib).args(["-c", "import sys, os; print(sys._stdlib_dir == os.__file__[:-6], os.MARK)"]).output().unwrap();
    assert_eq!(stdout(&out), "True fake os\n");
}

#[test]
fn import_os_finds_the_stdlib_and_embedded_modules_win() {
    let f = fake("import");
    let code = "import os, sitemod, _collections\nprint(os.__file__)\nprint(os.MARK, sitemod.WHERE)\nprint(hasattr(_collections, '__file__'), _collections.deque.__name__)\n";
    assert_eq!(stdout(&f.run(&["-c", code])), format!("{}\nfake os site\nFalse deque\n", f.s(&f.stdlib.join("os.py"))));
}

#[test]
fn no_stdlib_keeps_embedded_modules_working() {
    let f = fake("none");
    let out = f.cmd().args(["-X", "stdlib=", "-c", "import sys, _collections, functools, itertools\nprint(sys.path, sys._stdlib_dir)\nimport os\n"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[''] None\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().last(), Some("ModuleNotFoundError: No module named 'os'"), "{err}");
}

#[test]
fn absent_module_is_module_not_found() {
    let f = fake("absent");
    let out = f.run(&["-c", "import no_such_module_xyz"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().last(), Some("ModuleNotFoundError: No module named 'no_such_module_xyz'"), "{err}");
}

#[test]
fn error_inside_a_submodule_propagates_through_from_import() {
    // `from pkg import sub` reports sub's own failure, not "cannot import name".
    let f = fake("fromimport");
    let pkg = f.root.join("work").join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("__init__.py"), "").unwrap();
    std::fs::write(pkg.join("sub.py"), "import _no_such_native\n").unwrap();
    let out = f.run(&["-c", "from pkg import sub"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().last(), Some("ModuleNotFoundError: No module named '_no_such_native'"), "{err}");
    let out = f.run(&["-c", "from pkg import missing"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().last().unwrap_or("").starts_with("ImportError: cannot import name 'missing' from 'pkg'"), "{err}");
}

#[test]
fn sys_flags() {
    let f = fake("flags");
    let code = "import sys\nprint(type(sys.flags).__name__, len(sys.flags), type(sys.flags.dev_mode).__name__)\nprint(sys.flags)\n\
                try:\n    sys.flags.debug = 1\nexcept AttributeError as e:\n    print(e)\n";
    let expect_default = "flags 18 bool\nsys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=0, no_user_site=0, \
                          no_site=0, ignore_environment=0, verbose=0, bytes_warning=0, quiet=0, hash_randomization=0, isolated=0, \
                          dev_mode=False, utf8_mode=0, warn_default_encoding=0, safe_path=False, int_max_str_digits=-1)\nreadonly attribute\n";
    assert_eq!(stdout(&f.run(&["-c", code])), expect_default);
    let code = "import sys; f = sys.flags; print(f.optimize, f.dont_write_bytecode, f.quiet, f.no_user_site, f.no_site, f.dev_mode, f.utf8_mode, f.int_max_str_digits, f.verbose, f[3])";
    let out = f.run(&["-OO", "-B", "-q", "-s", "-S", "-v", "-X", "dev", "-X", "utf8", "-X", "int_max_str_digits=1000", "-c", code]);
    assert_eq!(stdout(&out), "2 1 1 1 1 True 1 1000 1 2\n");
    // The environment's PYTHON* variables, unless -E.
    let mut c = f.cmd();
    c.env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONOPTIMIZE", "2").arg("-X").arg(format!("stdlib={}", f.s(&f.stdlib)));
    assert_eq!(stdout(&c.args(["-c", "import sys; print(sys.flags.dont_write_bytecode, sys.flags.optimize)"]).output().unwrap()), "1 2\n");
    let mut c = f.cmd();
    c.env("PYTHONDONTWRITEBYTECODE", "1").arg("-X").arg(format!("stdlib={}", f.s(&f.stdlib)));
    assert_eq!(stdout(&c.args(["-E", "-c", "import sys; print(sys.flags.dont_write_bytecode)"]).output().unwrap()), "0\n");
}

#[test]
fn version_info() {
    let f = fake("version");
    let code = "import sys\nv = sys.version_info\n\
                print(v >= (3, 11), v < (3, 12), v > (3, 8, 5), v[:2] == (3, 11), v[0] == v.major == 3, v.minor)\n\
                print(isinstance(v, tuple), v.releaselevel, v.serial, len(v), tuple(v) == (3, 11, 0, 'final', 0))\n\
                major, minor, *_ = v\nprint(major, minor, v)\nprint(sys.implementation.version == v, hash(v) == hash(tuple(v)))\n";
    assert_eq!(
        stdout(&f.run(&["-c", code])),
        "True True True True True 11\nTrue final 0 5 True\n3 11 sys.version_info(major=3, minor=11, micro=0, releaselevel='final', serial=0)\nTrue True\n"
    );
}

#[test]
fn prefixes_warnoptions_xoptions() {
    let f = fake("prefix");
    let prefix = f.root.join("prefix");
    let code = "import sys\nprint(sys.prefix, sys.base_prefix == sys.prefix == sys.exec_prefix == sys.base_exec_prefix)\n\
                print(sys.platlibdir, sys._stdlib_dir)\nprint(sys.warnoptions, sys._xoptions['a'], sys._xoptions['flag'])\n\
                print('os' in sys.stdlib_module_names, 'pyhop' in sys.stdlib_module_names)\n";
    let mut c = f.cmd();
    c.env("PYTHONWARNINGS", "error").arg("-X").arg(format!("stdlib={}", f.s(&f.stdlib)));
    let out = c.args(["-W", "ignore", "-Wdefault", "-X", "a=b", "-Xflag", "-c", code]).output().unwrap();
    assert_eq!(
        stdout(&out),
        format!("{} True\nlib {}\n['error', 'ignore', 'default'] b True\nTrue False\n", f.s(&prefix), f.s(&f.stdlib))
    );
}
