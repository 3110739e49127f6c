//! Start-up configuration: where the host CPython 3.11 standard library is, and the
//! `sys.path`, `sys.flags`, `sys.prefix`, `sys.warnoptions` and `sys._xoptions` a
//! program sees — what CPython's `getpath` and `site` compute, for the options pyhop
//! understands.
//!
//! The standard library is looked for, in this order:
//!
//! 1. `-X stdlib=PATH` (`-X stdlib=` with an empty PATH: no standard library);
//! 2. the `PYHOP_STDLIB` environment variable (ignored under `-E` / `-I`, like
//!    CPython's `PYTHONHOME`);
//! 3. the folder `vm/build.rs` found at build time (`PYHOP_BUILD_STDLIB`);
//! 4. asking `python3.11`, then `python3`, at run time (`sysconfig`'s `stdlib` path),
//!    when that folder is gone or there was none.
//!
//! A folder counts when it holds `os.py`, `_collections_abc.py`, `tomllib/` (new in
//! 3.11) and `imp.py` (removed in 3.12). A folder given by 1 or 2 that does not is a
//! fatal error ([`configure`] returns the one-line message); 3 and 4 finding nothing
//! leave pyhop without a standard library, running on its embedded modules alone.
//!
//! `sys.path` is then, as CPython 3.11's: the script's folder (`''` for `-c` and stdin,
//! the current directory for `-m`; nothing under `-I` or `-P`), the `PYTHONPATH`
//! entries made absolute (unless `-E` / `-I`), the standard library, and, unless `-S`
//! / `-I`, the user site-packages (unless `-s`) and the global site-packages folders
//! that exist (none without a standard library). `lib-dynload` (C extensions) and the `pythonXY.zip` entry are left out,
//! and `.pth` files are not read. pyhop's embedded modules (`vm/lib`) have no entry:
//! `import` looks at them before `sys.path` (`protocol/import.rs`).

use std::path::{Path, PathBuf};

/// The folder name of the standard library below `<prefix>/lib`.
pub const PYTHON_DIR: &str = "python3.11";

/// `sys.flags`, CPython 3.11's fields in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flags {
    pub debug: u8,
    pub inspect: u8,
    pub interactive: u8,
    pub optimize: u8,
    pub dont_write_bytecode: u8,
    pub no_user_site: u8,
    pub no_site: u8,
    pub ignore_environment: u8,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: u8,
    /// 0: pyhop's `str` hashes are not randomized.
    pub hash_randomization: u8,
    pub isolated: u8,
    pub dev_mode: bool,
    pub utf8_mode: u8,
    pub warn_default_encoding: u8,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

impl Default for Flags {
    fn default() -> Flags {
        Flags {
            debug: 0,
            inspect: 0,
            interactive: 0,
            optimize: 0,
            dont_write_bytecode: 0,
            no_user_site: 0,
            no_site: 0,
            ignore_environment: 0,
            verbose: 0,
            bytes_warning: 0,
            quiet: 0,
            hash_randomization: 0,
            isolated: 0,
            dev_mode: false,
            utf8_mode: 0,
            warn_default_encoding: 0,
            safe_path: false,
            int_max_str_digits: -1,
        }
    }
}

/// One field of `sys.flags`: an int, or a bool (`dev_mode`, `safe_path`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagValue {
    Int(i64),
    Bool(bool),
}

impl Flags {
    /// The fields as `sys.flags` shows them, in CPython's order.
    pub fn fields(&self) -> [(&'static str, FlagValue); 18] {
        use FlagValue::{Bool, Int};
        let i = |v: u8| Int(v as i64);
        [
            ("debug", i(self.debug)),
            ("inspect", i(self.inspect)),
            ("interactive", i(self.interactive)),
            ("optimize", i(self.optimize)),
            ("dont_write_bytecode", i(self.dont_write_bytecode)),
            ("no_user_site", i(self.no_user_site)),
            ("no_site", i(self.no_site)),
            ("ignore_environment", i(self.ignore_environment)),
            ("verbose", i(self.verbose)),
            ("bytes_warning", i(self.bytes_warning)),
            ("quiet", i(self.quiet)),
            ("hash_randomization", i(self.hash_randomization)),
            ("isolated", i(self.isolated)),
            ("dev_mode", Bool(self.dev_mode)),
            ("utf8_mode", i(self.utf8_mode)),
            ("warn_default_encoding", i(self.warn_default_encoding)),
            ("safe_path", Bool(self.safe_path)),
            ("int_max_str_digits", Int(self.int_max_str_digits)),
        ]
    }
}

/// What runs as `__main__`: decides `sys.path[0]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Main {
    /// A script: its (absolute) folder.
    Script(String),
    /// `-c CODE`.
    Code,
    /// `-m MODULE`.
    Module,
    /// A program read from stdin.
    Stdin,
}

/// What the command line said.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The flags set by options (`-E`, `-s`, `-O`, ...); [`configure`] adds the
    /// environment's.
    pub flags: Flags,
    /// `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `-X` options, in order: `-X name` is `(name, None)`, `-X name=value` is
    /// `(name, Some(value))`.
    pub xoptions: Vec<(String, Option<String>)>,
}

impl Options {
    /// The value of the last `-X name=value`.
    pub fn xoption(&self, name: &str) -> Option<Option<&str>> {
        self.xoptions.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_deref())
    }
}

/// The configuration a VM starts with.
#[derive(Clone, Debug)]
pub struct Startup {
    pub flags: Flags,
    /// The standard library folder, if one was found.
    pub stdlib: Option<PathBuf>,
    pub prefix: String,
    pub exec_prefix: String,
    pub platlibdir: String,
    pub path: Vec<String>,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<(String, Option<String>)>,
}

/// Why `dir` is not a CPython 3.11 standard library, or `Ok`.
pub fn check_stdlib(dir: &Path) -> Result<(), String> {
    if !dir.is_dir() {
        return Err("no such directory".into());
    }
    for (landmark, is_dir) in [("os.py", false), ("_collections_abc.py", false), ("tomllib", true), ("imp.py", false)] {
        let p = dir.join(landmark);
        let ok = if is_dir { p.is_dir() } else { p.is_file() };
        if !ok {
            return Err(if landmark == "os.py" {
                "no os.py there".to_string()
            } else {
                format!("not CPython 3.11's (no {landmark}{})", if is_dir { "/" } else { "" })
            });
        }
    }
    Ok(())
}

/// The standard library folder the running `python3.11` or `python3` reports, if it
/// is CPython 3.11's.
pub fn probe_host_stdlib() -> Option<PathBuf> {
    const PROBE: &str = "import sys, sysconfig\n\
        print(sys.implementation.name, sys.version_info[0], sys.version_info[1])\n\
        print(sysconfig.get_paths()['stdlib'])";
    for exe in ["python3.11", "python3"] {
        let Ok(out) = std::process::Command::new(exe)
            .args(["-I", "-c", PROBE])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
        else {
            continue;
        };
        if !out.status.success() {
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        if lines.next().map(str::trim) != Some("cpython 3 11") {
            continue;
        }
        if let Some(dir) = lines.next().map(|l| PathBuf::from(l.trim())) {
            if check_stdlib(&dir).is_ok() {
                return Some(dir);
            }
        }
    }
    None
}

/// The folder `vm/build.rs` found (empty when none).
pub const BUILD_STDLIB: &str = env!("PYHOP_BUILD_STDLIB");

fn absolute(p: &str) -> PathBuf {
    let path = if p.is_empty() { Path::new(".") } else { Path::new(p) };
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // `absolute` keeps a trailing `.`; CPython's abspath drops it.
    if abs.file_name().is_none() || abs.ends_with(".") {
        abs.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect()
    } else {
        abs
    }
}

/// Find the standard library: `-X stdlib`, `PYHOP_STDLIB`, the build's, the host's.
/// `Err` is the message for a folder named by an option that is not a standard library.
fn find_stdlib(opts: &Options, env: &dyn Fn(&str) -> Option<String>, use_env: bool) -> Result<Option<PathBuf>, String> {
    const HINT: &str = "give the folder of CPython 3.11's os.py with -X stdlib=PATH or PYHOP_STDLIB (-X stdlib= for none)";
    if let Some(v) = opts.xoption("stdlib") {
        let v = v.unwrap_or("");
        if v.is_empty() {
            return Ok(None);
        }
        let dir = absolute(v);
        return match check_stdlib(&dir) {
            Ok(()) => Ok(Some(dir)),
            Err(why) => Err(format!("-X stdlib={v}: {why}; {HINT}")),
        };
    }
    if use_env {
        if let Some(v) = env("PYHOP_STDLIB").filter(|v| !v.is_empty()) {
            let dir = absolute(&v);
            return match check_stdlib(&dir) {
                Ok(()) => Ok(Some(dir)),
                Err(why) => Err(format!("PYHOP_STDLIB={v}: {why}; {HINT}")),
            };
        }
    }
    if !BUILD_STDLIB.is_empty() && check_stdlib(Path::new(BUILD_STDLIB)).is_ok() {
        return Ok(Some(PathBuf::from(BUILD_STDLIB)));
    }
    Ok(probe_host_stdlib())
}

/// `<prefix>/lib/python3.11` gives the prefix and `lib`; any other folder (a source
/// checkout's `Lib`) its parent.
fn prefix_of(stdlib: &Path) -> (String, String) {
    let parent = stdlib.parent();
    let grand = parent.and_then(Path::parent);
    let libdir = parent.and_then(Path::file_name).and_then(|n| n.to_str()).unwrap_or("");
    if stdlib.file_name().and_then(|n| n.to_str()) == Some(PYTHON_DIR) && (libdir == "lib" || libdir == "lib64") {
        if let Some(g) = grand {
            return (g.display().to_string(), libdir.to_string());
        }
    }
    (parent.map(|p| p.display().to_string()).unwrap_or_else(|| "/".into()), "lib".into())
}

/// An int-valued `PYTHON*` variable: its number, 1 for any other non-empty value.
fn env_level(env: &dyn Fn(&str) -> Option<String>, name: &str) -> u8 {
    match env(name) {
        Some(v) if !v.is_empty() => v.trim().parse::<u8>().unwrap_or(1),
        _ => 0,
    }
}

/// The site-packages folders CPython's `site` adds, those that exist.
fn site_dirs(flags: &Flags, prefix: &str, exec_prefix: &str, platlibdir: &str, env: &dyn Fn(&str) -> Option<String>, use_env: bool) -> Vec<String> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if flags.no_user_site == 0 {
        let base = use_env
            .then(|| env("PYTHONUSERBASE").filter(|v| !v.is_empty()))
            .flatten()
            .map(PathBuf::from)
            .or_else(|| env("HOME").filter(|h| !h.is_empty()).map(|h| Path::new(&h).join(".local")));
        if let Some(b) = base {
            dirs.push(b.join("lib").join(PYTHON_DIR).join("site-packages"));
        }
    }
    let mut prefixes = vec![prefix];
    if exec_prefix != prefix {
        prefixes.push(exec_prefix);
    }
    for p in prefixes {
        let p = Path::new(p);
        // Debian's python3.11 (prefix /usr) uses dist-packages (its patched site.py).
        if p == Path::new("/usr") && Path::new("/usr/lib/python3/dist-packages").is_dir() {
            dirs.push(PathBuf::from("/usr/local/lib").join(PYTHON_DIR).join("dist-packages"));
            dirs.push(PathBuf::from("/usr/lib/python3/dist-packages"));
            dirs.push(PathBuf::from("/usr/lib").join(PYTHON_DIR).join("dist-packages"));
        } else {
            dirs.push(p.join(platlibdir).join(PYTHON_DIR).join("site-packages"));
            if platlibdir != "lib" {
                dirs.push(p.join("lib").join(PYTHON_DIR).join("site-packages"));
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for d in dirs {
        let s = d.display().to_string();
        if d.is_dir() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The start-up configuration for `main` run with `opts`, reading the environment
/// through `env` (`std::env::var`, or a test's map). `Err` is a fatal one-line message
/// (the caller prints it and exits with status 1).
pub fn configure(main: &Main, opts: &Options, env: &dyn Fn(&str) -> Option<String>) -> Result<Startup, String> {
    let mut flags = opts.flags.clone();
    if flags.isolated != 0 {
        flags.ignore_environment = 1;
        flags.no_user_site = 1;
        flags.safe_path = true;
    }
    let use_env = flags.ignore_environment == 0;
    let mut warnoptions = Vec::new();
    if use_env {
        let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
        flags.debug = flags.debug.max(env_level(env, "PYTHONDEBUG"));
        flags.inspect = flags.inspect.max(env_level(env, "PYTHONINSPECT"));
        flags.optimize = flags.optimize.max(env_level(env, "PYTHONOPTIMIZE"));
        flags.verbose = flags.verbose.max(env_level(env, "PYTHONVERBOSE"));
        if set("PYTHONDONTWRITEBYTECODE") {
            flags.dont_write_bytecode = 1;
        }
        if set("PYTHONNOUSERSITE") {
            flags.no_user_site = 1;
        }
        if set("PYTHONSAFEPATH") {
            flags.safe_path = true;
        }
        if set("PYTHONDEVMODE") {
            flags.dev_mode = true;
        }
        if set("PYTHONWARNDEFAULTENCODING") {
            flags.warn_default_encoding = 1;
        }
        if let Some(v) = env("PYTHONUTF8") {
            if opts.xoption("utf8").is_none() {
                flags.utf8_mode = (v.trim() == "1") as u8;
            }
        }
        if let Some(n) = env("PYTHONINTMAXSTRDIGITS").and_then(|v| v.trim().parse::<i64>().ok()) {
            if opts.xoption("int_max_str_digits").is_none() {
                flags.int_max_str_digits = n;
            }
        }
        if let Some(w) = env("PYTHONWARNINGS") {
            warnoptions.extend(w.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from));
        }
    }
    warnoptions.extend(opts.warnoptions.iter().cloned());
    let stdlib = find_stdlib(opts, env, use_env)?;
    let (prefix, platlibdir) = match &stdlib {
        Some(dir) => prefix_of(dir),
        // CPython's default configure prefix.
        None => ("/usr/local".to_string(), "lib".to_string()),
    };
    let exec_prefix = prefix.clone();
    let mut path: Vec<String> = Vec::new();
    if !flags.safe_path {
        match main {
            Main::Script(dir) => path.push(dir.clone()),
            Main::Code | Main::Stdin => path.push(String::new()),
            Main::Module => path.push(absolute("").display().to_string()),
        }
    }
    if use_env {
        if let Some(pp) = env("PYTHONPATH").filter(|v| !v.is_empty()) {
            path.extend(pp.split(':').map(|p| absolute(p).display().to_string()));
        }
    }
    if let Some(dir) = &stdlib {
        path.push(dir.display().to_string());
    }
    // No standard library, no `site`: the host's site-packages stay out too.
    if flags.no_site == 0 && stdlib.is_some() {
        path.extend(site_dirs(&flags, &prefix, &exec_prefix, &platlibdir, env, use_env));
    }
    Ok(Startup { flags, stdlib, prefix, exec_prefix, platlibdir, path, warnoptions, xoptions: opts.xoptions.clone() })
}

impl Default for Startup {
    /// No standard library, default flags, `sys.path == ['']`: what a VM made without
    /// the command line (the benchmarks, library users) gets.
    fn default() -> Startup {
        Startup {
            flags: Flags::default(),
            stdlib: None,
            prefix: "/usr/local".into(),
            exec_prefix: "/usr/local".into(),
            platlibdir: "lib".into(),
            path: vec![String::new()],
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_stdlib(name: &str, landmarks: &[&str]) -> PathBuf {
        let root = std::env::temp_dir().join(format!("pyhop-startup-{}-{name}", std::process::id()));
        let dir = root.join("lib").join(PYTHON_DIR);
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&dir).unwrap();
        for l in landmarks {
            if l.ends_with('/') {
                std::fs::create_dir_all(dir.join(l)).unwrap();
            } else {
                std::fs::write(dir.join(l), "").unwrap();
            }
        }
        dir
    }

    fn opts_with_stdlib(dir: &Path) -> Options {
        Options { xoptions: vec![("stdlib".into(), Some(dir.display().to_string()))], ..Options::default() }
    }

    #[test]
    fn landmarks() {
        let full = temp_stdlib("full", &["os.py", "_collections_abc.py", "tomllib/", "imp.py"]);
        assert_eq!(check_stdlib(&full), Ok(()));
        let no_os = temp_stdlib("noos", &["_collections_abc.py", "tomllib/", "imp.py"]);
        assert_eq!(check_stdlib(&no_os), Err("no os.py there".into()));
        let py310 = temp_stdlib("py310", &["os.py", "_collections_abc.py", "imp.py"]);
        assert_eq!(check_stdlib(&py310), Err("not CPython 3.11's (no tomllib/)".into()));
        assert_eq!(check_stdlib(Path::new("/nonexistent/pyhop")), Err("no such directory".into()));
    }

    #[test]
    fn path_order_and_prefix() {
        let dir = temp_stdlib("order", &["os.py", "_collections_abc.py", "tomllib/", "imp.py"]);
        let prefix = dir.parent().unwrap().parent().unwrap().display().to_string();
        let env = |k: &str| (k == "PYTHONPATH").then(|| "/a:/b".to_string());
        let s = configure(&Main::Script("/s".into()), &opts_with_stdlib(&dir), &env).unwrap();
        assert_eq!(s.prefix, prefix);
        assert_eq!(s.platlibdir, "lib");
        assert_eq!(&s.path[..4], &["/s".to_string(), "/a".into(), "/b".into(), dir.display().to_string()]);
        let mut o = opts_with_stdlib(&dir);
        o.flags.isolated = 1;
        let s = configure(&Main::Script("/s".into()), &o, &env).unwrap();
        assert_eq!(s.path[0], dir.display().to_string());
        assert!(s.flags.safe_path && s.flags.ignore_environment == 1 && s.flags.no_user_site == 1);
    }

    #[test]
    fn bad_explicit_stdlib_is_fatal() {
        let o = Options { xoptions: vec![("stdlib".into(), Some("/nonexistent".into()))], ..Options::default() };
        let e = configure(&Main::Code, &o, &|_| None).unwrap_err();
        assert!(e.starts_with("-X stdlib=/nonexistent: no such directory;"), "{e}");
        let e = configure(&Main::Code, &Options::default(), &|k| (k == "PYHOP_STDLIB").then(|| "/nonexistent".into())).unwrap_err();
        assert!(e.starts_with("PYHOP_STDLIB=/nonexistent"), "{e}");
    }
}
