//! Differential behaviour tests: every case of the corpus under every dispatch engine.
//!
//! A case is a `tests/cases/<area>/NAME.py` with a `NAME.out` beside it (other `.py`
//! files there are helper modules the cases import). The expected files come from
//! CPython 3.11 and are regenerated with `python3 scripts/cpython_expect.py`:
//!
//! - `NAME.out`  — stdout, compared byte for byte;
//! - `NAME.code` — the exit status (0 when absent);
//! - `NAME.err`  — when present, the last non-empty stderr line, compared exactly
//!   (only that line, so the traceback format above it does not matter).
//!
//! The engines are whatever `pyhop --list-dispatch` prints, plus the first of them
//! again with `-X specialize=off -X inline-calls=off`. Each case is run as
//! `pyhop --dispatch=ENGINE [OPTIONS] NAME.py` with its folder as the working directory (so
//! sibling modules import), stdin closed and a 20 s timeout (the process is killed
//! when it expires). Besides matching the expected files, all engines must produce
//! identical stdout for a case. Runs go in parallel on
//! `std::thread::available_parallelism()` worker threads.
//!
//! Every failing case is printed with a short first-difference hint, then a final
//! `N passed, N failed` line (counting cases); the report goes straight to stdout so it
//! shows even without `--nocapture`. The test fails when any case fails, and when no
//! case was found at all: it never passes vacuously.
//!
//! Environment:
//! - `PYHOP_CASES=pattern` runs only the cases whose path below `tests/cases/`
//!   contains `pattern` (e.g. `PYHOP_CASES=arith/` or `PYHOP_CASES=int_overflow`);
//!   several patterns may be given separated by commas.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const PYHOP: &str = env!("CARGO_BIN_EXE_pyhop");
const TIMEOUT: Duration = Duration::from_secs(20);

/// One case: the `.py` and what CPython did with it.
struct Case {
    /// Path below `tests/cases/`, with `/` separators, e.g. `arith/int_overflow.py`.
    name: String,
    dir: PathBuf,
    file: String,
    out: Vec<u8>,
    code: i32,
    err: Option<String>,
}

/// What one run of pyhop did.
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None` when the process timed out.
    status: Option<ExitStatus>,
}

fn cases_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

fn read_text(path: &Path) -> Option<String> {
    fs::read(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, found);
        } else if path.extension().is_some_and(|e| e == "py")
            && path.with_extension("out").is_file()
        {
            found.push(path);
        }
    }
}

fn load_cases(filter: &[String]) -> Vec<Case> {
    let root = cases_root();
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    let mut cases = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if !filter.is_empty() && !filter.iter().any(|p| name.contains(p.as_str())) {
            continue;
        }
        let out = fs::read(path.with_extension("out")).expect("reading .out");
        let code = match read_text(&path.with_extension("code")) {
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                panic!("{name}: the .code file does not hold an integer: {text:?}")
            }),
            None => 0,
        };
        let err = read_text(&path.with_extension("err")).map(|t| t.trim().to_string());
        cases.push(Case {
            name,
            dir: path.parent().expect("case has a folder").to_path_buf(),
            file: path
                .file_name()
                .expect("case has a file name")
                .to_string_lossy()
                .into_owned(),
            out,
            code,
            err,
        });
    }
    cases
}

fn list_engines() -> Vec<String> {
    let output = Command::new(PYHOP)
        .arg("--list-dispatch")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {PYHOP} --list-dispatch: {e}"));
    assert!(
        output.status.success(),
        "`pyhop --list-dispatch` failed with {}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr).trim()
    );
    let engines: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        !engines.is_empty(),
        "`pyhop --list-dispatch` printed no engine names"
    );
    // The first engine once more with quickening and chained calls off: the generic
    // instructions and the recursive call path must give the same results.
    let plain = format!("{} -X specialize=off -X inline-calls=off", engines[0]);
    let mut engines = engines;
    engines.push(plain);
    engines
}

/// Drains a pipe on its own thread so a chatty child never blocks on a full pipe.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

fn run(case: &Case, engine: &str) -> Result<Outcome, String> {
    let mut words = engine.split_whitespace();
    let mut child = Command::new(PYHOP)
        .arg(format!("--dispatch={}", words.next().unwrap_or_default()))
        .args(words)
        .arg(&case.file)
        .current_dir(&case.dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {PYHOP}: {e}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + TIMEOUT;
    let mut nap = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => {
                thread::sleep(nap);
                nap = (nap * 2).min(Duration::from_millis(20));
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("waiting for pyhop failed: {e}"));
            }
        }
    };
    Ok(Outcome {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        status,
    })
}

fn short(text: &str) -> String {
    const LIMIT: usize = 70;
    if text.chars().count() <= LIMIT {
        format!("{text:?}")
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut:?}...")
    }
}

fn last_nonempty_line(data: &[u8]) -> String {
    String::from_utf8_lossy(data)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .unwrap_or_default()
}

/// A one-line description of the first place where `actual` differs from `expected`.
fn stdout_hint(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let exp: Vec<&str> = exp.split_inclusive('\n').collect();
    let act: Vec<&str> = act.split_inclusive('\n').collect();
    for (i, (e, a)) in exp.iter().zip(&act).enumerate() {
        if e != a {
            let (e, a) = (
                e.trim_end_matches(['\r', '\n']),
                a.trim_end_matches(['\r', '\n']),
            );
            if e == a {
                return format!("stdout line {} differs only in its line ending", i + 1);
            }
            return format!(
                "stdout line {}: expected {}, got {}",
                i + 1,
                short(e),
                short(a)
            );
        }
    }
    if act.len() < exp.len() {
        return format!(
            "stdout ends early after {} of {} lines; next expected {}",
            act.len(),
            exp.len(),
            short(exp[act.len()].trim_end_matches(['\r', '\n']))
        );
    }
    if act.len() > exp.len() {
        return format!(
            "stdout has {} extra line(s) after line {}, first: {}",
            act.len() - exp.len(),
            exp.len(),
            short(act[exp.len()].trim_end_matches(['\r', '\n']))
        );
    }
    "stdout differs in bytes that are not valid UTF-8".to_string()
}

fn describe_status(status: &ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("killed by signal {signal}");
        }
    }
    format!("{status}")
}

/// Everything wrong with one run, empty when it matched the expected files.
fn problems(case: &Case, outcome: &Outcome) -> Vec<String> {
    let mut found = Vec::new();
    let Some(status) = outcome.status else {
        found.push(format!("timed out after {}s (killed)", TIMEOUT.as_secs()));
        return found;
    };
    if outcome.stdout != case.out {
        found.push(stdout_hint(&case.out, &outcome.stdout));
    }
    if status.code() != Some(case.code) {
        let mut msg = format!("{}, expected {}", describe_status(&status), case.code);
        let tail = last_nonempty_line(&outcome.stderr);
        if !tail.is_empty() {
            msg.push_str(&format!(" (stderr: {})", short(&tail)));
        }
        found.push(msg);
    }
    if let Some(expected) = &case.err {
        let got = last_nonempty_line(&outcome.stderr);
        if &got != expected {
            found.push(format!(
                "last stderr line {}, expected {}",
                short(&got),
                short(expected)
            ));
        }
    }
    found
}

/// `cases/XFAIL`: one `path/to/case.py  # reason` per line — cases known to fail,
/// each with the reason and the issue that will fix it. A listed case that passes
/// fails the run, so the list never goes stale.
fn known_failures() -> Vec<(String, String)> {
    let Some(text) = read_text(&cases_root().join("XFAIL")) else { return Vec::new() };
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let (name, reason) = line.split_once('#').unwrap_or((line, "no reason given"));
            Some((name.trim().to_string(), reason.trim().to_string()))
        })
        .collect()
}

#[test]
fn cases() {
    let filter: Vec<String> = std::env::var("PYHOP_CASES")
        .unwrap_or_default()
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let cases = load_cases(&filter);
    assert!(
        !cases.is_empty(),
        "no cases found under {} (a case is NAME.py with NAME.out beside it){}",
        cases_root().display(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" matching PYHOP_CASES={filter:?}")
        }
    );
    let engines = list_engines();

    // One job per (case, engine); workers pull the next job index from a shared counter.
    let jobs: Vec<(usize, usize)> = (0..cases.len())
        .flat_map(|c| (0..engines.len()).map(move |e| (c, e)))
        .collect();
    let results: Mutex<Vec<Option<Result<Outcome, String>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(c, e)) = jobs.get(i) else { break };
                let outcome = run(&cases[c], &engines[e]);
                results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(outcome);
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());

    let xfail = known_failures();
    let mut report = String::new();
    let mut failed = 0;
    let mut xfailed = 0;
    for (c, case) in cases.iter().enumerate() {
        let mut lines = Vec::new();
        let mut first_stdout: Option<(&str, &[u8])> = None;
        let mut parity = None;
        for (e, engine) in engines.iter().enumerate() {
            match results[c * engines.len() + e]
                .as_ref()
                .expect("every job ran")
            {
                Err(msg) => lines.push(format!("[{engine}] {msg}")),
                Ok(outcome) => {
                    let found = problems(case, outcome);
                    if !found.is_empty() {
                        lines.push(format!("[{engine}] {}", found.join("; ")));
                    }
                    if outcome.status.is_some() {
                        match first_stdout {
                            None => first_stdout = Some((engine, &outcome.stdout)),
                            Some((first, out))
                                if parity.is_none() && out != outcome.stdout.as_slice() =>
                            {
                                parity = Some(format!(
                                    "engines disagree: [{engine}] vs [{first}]: {}",
                                    stdout_hint(out, &outcome.stdout)
                                ));
                            }
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        lines.extend(parity);
        let known = xfail.iter().find(|(name, _)| case.name == *name || case.name.ends_with(&format!("/{name}")));
        if let Some((_, reason)) = known {
            if lines.is_empty() {
                failed += 1;
                report.push_str(&format!("XPASS {} (listed in cases/XFAIL: {reason}) — remove it from XFAIL\n", case.name));
            } else {
                xfailed += 1;
                report.push_str(&format!("xfail {} ({reason})\n", case.name));
            }
            continue;
        }
        if !lines.is_empty() {
            failed += 1;
            report.push_str(&format!("FAIL {}\n", case.name));
            for line in lines {
                report.push_str(&format!("    {line}\n"));
            }
        }
    }
    report.push_str(&format!(
        "{} case(s) x engine(s) {}\n",
        cases.len(),
        engines.join(", ")
    ));
    report.push_str(&format!("{xfailed} known failure(s) listed in cases/XFAIL\n"));
    report.push_str(&format!(
        "{} passed, {} failed\n",
        cases.len() - failed - xfailed,
        failed
    ));
    // Written to the real stdout, not through print!, so the test harness does not
    // capture it: the summary shows on success too.
    let mut out = io::stdout().lock();
    let _ = out.write_all(report.as_bytes());
    let _ = out.flush();
    drop(out);
    assert!(
        failed == 0,
        "{failed} of {} cases failed (see the FAIL lines above)",
        cases.len()
    );
}
