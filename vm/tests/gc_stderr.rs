//! What pyhop prints on stderr for exceptions that Python reports and swallows:
//! `__del__` methods, weakref callbacks, gc callbacks, atexit functions and
//! `weakref.finalize` functions that raise.  CPython 3.11 writes
//! "Exception ignored in: <repr of the callable>" (or "Exception ignored in
//! atexit callback: ...") and the traceback to stderr and goes on with exit
//! status 0, which the differential cases (`tests/cases/gc/`) cannot check:
//! they look at stderr only when the status is not 0.
//!
//! Each program below is written to its own temporary folder and run there as
//! `pyhop NAME.py`; the expected text is what `python3.11 NAME.py` printed in
//! that folder, with the folder prefix removed from file names (CPython names
//! the script by its absolute path) and every address masked: `0x` followed
//! by hex digits becomes `0x…` in both outputs.  stdout and the exit status
//! (0) are checked too.  For `weakref.finalize` only the first two and the
//! last three stderr lines are compared, since the frames of weakref.py in
//! between name CPython's or pyhop's own copy of that module.
//!
//! The programs and outputs were made with CPython 3.11.7 and checked against
//! 3.11.2.  Standard library only.
//!

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// `0x` followed by at least one hex digit becomes `0x…`.
fn mask_addresses(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '0'
            && i + 2 < chars.len()
            && chars[i + 1] == 'x'
            && chars[i + 2].is_ascii_hexdigit()
        {
            out.push_str("0x…");
            i += 2;
            while i < chars.len() && chars[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn read_all<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

/// Runs `src` as `NAME.py` in a fresh temporary folder; the folder prefix is
/// removed from stderr and addresses are masked.
fn run(name: &str, src: &str) -> Run {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("pyhop-gc-stderr-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = format!("{name}.py");
    std::fs::write(dir.join(&file), src).expect("write program");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyhop"))
        .arg(&file)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pyhop");
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("{name}: waiting for pyhop failed: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&stdout.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&stderr.join().unwrap_or_default()).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    let prefix = format!("{}/", dir.display());
    Run {
        code: status.map(|s| s.code().unwrap_or(-1)),
        stdout,
        stderr: mask_addresses(&stderr.replace(&prefix, "")),
    }
}

fn check_common(name: &str, got: &Run, want_stdout: &str) {
    assert!(got.code.is_some(), "{name}: timed out after {TIMEOUT:?}");
    assert!(
        !got.stderr.contains("panicked"),
        "{name}: Rust panic:\n{}",
        got.stderr
    );
    assert_eq!(
        got.code,
        Some(0),
        "{name}: exit status; stderr:\n{}",
        got.stderr
    );
    assert_eq!(got.stdout, want_stdout, "{name}: stdout");
}

/// stdout, exit status 0, and stderr exactly as CPython's (after masking).
fn check(name: &str, src: &str, want_stdout: &str, want_stderr: &str) {
    let got = run(name, src);
    check_common(name, &got, want_stdout);
    assert_eq!(
        got.stderr, want_stderr,
        "{name}: stderr\n--- expected\n{want_stderr}--- got\n{}",
        got.stderr
    );
}

/// stdout, exit status 0, and stderr starting with `head` and ending with `tail`.
fn check_ends(name: &str, src: &str, want_stdout: &str, head: &str, tail: &str) {
    let got = run(name, src);
    check_common(name, &got, want_stdout);
    assert!(
        got.stderr.starts_with(head) && got.stderr.ends_with(tail),
        "{name}: stderr\n--- expected to start with\n{head}--- and end with\n{tail}--- got\n{}",
        got.stderr
    );
}

#[test]
fn masking() {
    assert_eq!(
        mask_addresses("<f at 0x7f3a9c> 0x 0xg 10x1"),
        "<f at 0x…> 0x 0xg 10x…"
    );
}

/// A raising __del__ on the refcount path (`del a`).
#[test]
fn del_refcount() {
    let src = r#"class A:
    def __del__(self):
        raise ValueError("boom in __del__")


a = A()
del a
print("after del")
"#;
    let stderr = r#"Exception ignored in: <function A.__del__ at 0x…>
Traceback (most recent call last):
  File "del_refcount.py", line 3, in __del__
    raise ValueError("boom in __del__")
ValueError: boom in __del__
"#;
    check("del_refcount", src, "after del\n", stderr);
}

/// Two raising __del__ calls, each reported, the program goes on.
#[test]
fn del_two() {
    let src = r#"class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        raise ValueError(self.n)


a = A(1)
del a
b = A(2)
b = None
print("done")
"#;
    let stderr = r#"Exception ignored in: <function A.__del__ at 0x…>
Traceback (most recent call last):
  File "del_two.py", line 6, in __del__
    raise ValueError(self.n)
ValueError: 1
Exception ignored in: <function A.__del__ at 0x…>
Traceback (most recent call last):
  File "del_two.py", line 6, in __del__
    raise ValueError(self.n)
ValueError: 2
"#;
    check("del_two", src, "done\n", stderr);
}

/// The traceback of a __del__ spans the frames it called, with carets.
#[test]
fn del_nested() {
    let src = r#"class Deep:
    def __del__(self):
        self.helper(0)

    def helper(self, d):
        return 10 // d


Deep()
print("after Deep")
"#;
    let stderr = r#"Exception ignored in: <function Deep.__del__ at 0x…>
Traceback (most recent call last):
  File "del_nested.py", line 3, in __del__
    self.helper(0)
  File "del_nested.py", line 6, in helper
    return 10 // d
           ~~~^^~~
ZeroDivisionError: integer division or modulo by zero
"#;
    check("del_nested", src, "after Deep\n", stderr);
}

/// A raising __del__ of a cycle member, run by gc.collect().
#[test]
fn del_cycle() {
    let src = r#"import gc


class Node:
    def __del__(self):
        raise RuntimeError("cycle member failed")


n = Node()
n.me = n
del n
gc.collect()
print("after collect")
"#;
    let stderr = r#"Exception ignored in: <function Node.__del__ at 0x…>
Traceback (most recent call last):
  File "del_cycle.py", line 6, in __del__
    raise RuntimeError("cycle member failed")
RuntimeError: cycle member failed
"#;
    check("del_cycle", src, "after collect\n", stderr);
}

/// A raising weakref callback on the refcount path.
#[test]
fn callback_refcount() {
    let src = r#"import weakref


class T:
    pass


def on_death(wr):
    raise KeyError("callback failed")


t = T()
w = weakref.ref(t, on_death)
del t
print("after del")
"#;
    let stderr = r#"Exception ignored in: <function on_death at 0x…>
Traceback (most recent call last):
  File "callback_refcount.py", line 9, in on_death
    raise KeyError("callback failed")
KeyError: 'callback failed'
"#;
    check("callback_refcount", src, "after del\n", stderr);
}

/// A raising weakref callback (a lambda) on the collector path.
#[test]
fn callback_cycle() {
    let src = r#"import gc
import weakref


class T:
    pass


t = T()
t.me = t
w = weakref.ref(t, lambda wr: 1 / 0)
del t
gc.collect()
print("after collect")
"#;
    let stderr = r#"Exception ignored in: <function <lambda> at 0x…>
Traceback (most recent call last):
  File "callback_cycle.py", line 11, in <lambda>
    w = weakref.ref(t, lambda wr: 1 / 0)
                                  ~~^~~
ZeroDivisionError: division by zero
"#;
    check("callback_cycle", src, "after collect\n", stderr);
}

/// A raising gc.callbacks entry.
#[test]
fn gc_callback_raises() {
    let src = r#"import gc


def cb(phase, info):
    if phase == "start":
        raise TypeError("gc callback failed")


gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print("after collect")
"#;
    let stderr = r#"Exception ignored in: <function cb at 0x…>
Traceback (most recent call last):
  File "gc_callback_raises.py", line 6, in cb
    raise TypeError("gc callback failed")
TypeError: gc callback failed
"#;
    check("gc_callback_raises", src, "after collect\n", stderr);
}

/// A raising atexit function (pyhop must call atexit._run_exitfuncs() at exit).
#[test]
fn atexit_raises() {
    let src = r#"import atexit


def first():
    print("first exit function")


def failing():
    raise ValueError("exit function failed")


atexit.register(first)
atexit.register(failing)
print("end of program")
"#;
    let stderr = r#"Exception ignored in atexit callback: <function failing at 0x…>
Traceback (most recent call last):
  File "atexit_raises.py", line 9, in failing
    raise ValueError("exit function failed")
ValueError: exit function failed
"#;
    check(
        "atexit_raises",
        src,
        "end of program\nfirst exit function\n",
        stderr,
    );
}

/// A raising weakref.finalize function: the frames of weakref.py in between differ.
#[test]
fn finalize_raises() {
    let src = r#"import weakref


class T:
    pass


def cleanup(name):
    raise OSError("cannot clean up " + name)


t = T()
weakref.finalize(t, cleanup, "t")
del t
print("after del")
"#;
    let head = r#"Exception ignored in: <finalize object at 0x…; dead>
Traceback (most recent call last):
"#;
    let tail = r#"  File "finalize_raises.py", line 9, in cleanup
    raise OSError("cannot clean up " + name)
OSError: cannot clean up t
"#;
    check_ends("finalize_raises", src, "after del\n", head, tail);
}
