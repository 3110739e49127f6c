#!/usr/bin/env python3
"""Time the benchmark programs of benches/suite under pyhop and CPython, with peak RSS.

usage: bench_compare.py [-n RUNS] [--pyhop [NAME=]BIN ...] [--cpython EXE ...]
                        [--variant NAME=ARGS ...] [--json FILE] [--svg FILE] [BENCH ...]

Each benchmark runs as a whole process, alternately under every interpreter: one warm-up
run each, then RUNS timed runs each (default 5). Reported per benchmark and interpreter:
median wall time, min-max, and the median peak RSS (MiB, ru_maxrss from os.wait4); then,
for every pyhop binary and variant, the ratio CPython time / pyhop time against the
*fastest* CPython measured (>1 means pyhop is faster) and the ratio of its peak RSS to the
*smallest* CPython peak RSS (<1 means pyhop uses less); then the geometric mean of the
time ratios.

CPythons: by default the real executable behind `python3` (sys.executable of that
interpreter, not the pyenv shim, which adds ~0.1 s per start) and Debian's
/usr/bin/python3.11 when present (a PGO build, ~1.2x faster here). --pyhop BIN (default
target/release/pyhop) is repeatable: --pyhop before=BIN1 --pyhop after=BIN2 times both
in the same rounds (an unnamed single binary is `pyhop`; several unnamed ones are named
by file). pyhop variants run every binary with extra arguments, e.g.
--variant tail="--dispatch=tail" adds `pyhop-tail` (or `before-tail`, `after-tail`).

Peak RSS: Linux's ru_maxrss of a process also counts the address space it had before
exec, so a child started directly by this script would report at least this script's
own peak (~14 MiB). Each interpreter is therefore forked by a /bin/sh (under 1 MiB) and
waited for by this script as child subreaper (prctl); the wall time runs from that fork
to the exit. Without prctl it falls back to a direct child and says so.

A benchmark fails when an interpreter exits non-zero (each program checks its own
result and exits non-zero on a wrong checksum) or prints a different checksum line
than the first CPython; the run goes on with the others and the script exits 1.
Results go to JSON (--json; format documented in perf/README.md) and an SVG bar chart
of the time ratios (--svg; one bar per benchmark and pyhop binary or variant). Standard
library only.
"""
import argparse
import json
import math
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "benches", "suite")



def public_path(path):
    """A path fit for a results file: relative inside the repository, the bare file
    name outside it (results must not name the machine's directories)."""
    full = os.path.abspath(path)
    if full.startswith(ROOT + os.sep):
        return os.path.relpath(full, ROOT)
    return os.path.basename(full)

def real_executable(cmd):
    """The interpreter's own executable (resolves pyenv shims)."""
    try:
        out = subprocess.run([cmd, "-c", "import sys; print(sys.executable)"], capture_output=True,
                             text=True, timeout=30)
        path = out.stdout.strip()
        return path if out.returncode == 0 and path else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def find_cpythons(candidates=("python3", "/usr/bin/python3.11")):
    """[(name, executable)] for the candidates that run, each real executable once.

    A bare command name (`python3`) is resolved to the interpreter's own executable; an
    existing path is used as it is. `python3` keeps its name, others are named by file.
    """
    cpythons = []
    for c in candidates:
        exe = real_executable(c) if os.sep not in c or not os.path.exists(c) else c
        if exe and exe not in [e for _, e in cpythons]:
            cpythons.append((os.path.basename(exe) if c != "python3" else "python3", exe))
    return cpythons


def checksum_line(stdout):
    """The benchmark's result line without its timing (e.g. 'fib n=30 checksum=832040')."""
    lines = [l for l in stdout.splitlines() if "checksum=" in l]
    return re.sub(r"\s*inner=\S+", "", lines[-1]) if lines else stdout.strip()


# Peak RSS comes from os.wait4's ru_maxrss, which Linux takes as the largest of the
# process's own peak and the resident size of the address space it had before exec. A
# child that subprocess starts from this script has that script's memory then (vfork
# shares it, fork copies its anonymous pages), so every measured peak would be at
# least this script's own (~14 MiB: more than pyhop's or CPython's start-up). So the
# interpreter is forked by a /bin/sh instead (under 1 MiB), and this script, a child
# subreaper, waits for it once that shell has exited.
PR_SET_CHILD_SUBREAPER = 36
SPAWN = 'o=$1 e=$2; shift 2; "$@" >"$o" 2>"$e" & echo $!'
_subreaper = None


class Run:
    """One finished run: wall seconds, peak RSS in KiB, exit code, stdout, stderr."""

    def __init__(self, seconds, rss_kib, returncode, stdout, stderr, timed_out=False):
        self.seconds, self.rss_kib, self.returncode = seconds, rss_kib, returncode
        self.stdout, self.stderr, self.timed_out = stdout, stderr, timed_out

    def error(self, timeout):
        """None for a clean exit, else a one-line reason (the last stderr line)."""
        if self.timed_out:
            return "timed out after %ds" % timeout
        if self.returncode != 0:
            tail = (self.stderr.strip().splitlines() or ["(no stderr)"])[-1]
            return "exit %d: %s" % (self.returncode, tail)
        return None


def subreaper():
    """Make this process a child subreaper (Linux prctl); False where that fails."""
    global _subreaper
    if _subreaper is None:
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            _subreaper = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
        except (OSError, AttributeError, ImportError):
            _subreaper = False
        if not _subreaper:
            sys.stderr.write("warning: no child subreaper; peak RSS includes this script's own\n")
    return _subreaper


def kill(pid, killed):
    """SIGKILL a run that took too long (a timer thread calls this)."""
    try:
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
    except ProcessLookupError:
        pass


def measure(cmd, timeout):
    """Run cmd (stdin /dev/null, output captured) and return a Run.

    The wall time runs from the fork of the interpreter's process (when the shell
    reports its pid) to its exit; the shell's own start-up is not in it."""
    with tempfile.TemporaryDirectory(prefix="bench_compare.") as tmp:
        out, err = os.path.join(tmp, "out"), os.path.join(tmp, "err")
        if subreaper():
            sh = subprocess.Popen(["/bin/sh", "-c", SPAWN, "sh", out, err] + cmd,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
            line = sh.stdout.readline()
            t0 = time.perf_counter()
            sh.stdout.close()
            sh.wait()
            pid = int(line)
        else:
            with open(out, "wb") as fo, open(err, "wb") as fe:
                t0 = time.perf_counter()
                child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fo, stderr=fe)
            pid = child.pid
            child.returncode = 0  # reaped by os.wait4 below, not by Popen
        killed = []
        timer = threading.Timer(timeout, kill, (pid, killed))
        timer.start()
        try:
            _, status, usage = os.wait4(pid, 0)
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        finally:
            timer.cancel()
        dt = time.perf_counter() - t0
        with open(out, errors="replace") as fo, open(err, errors="replace") as fe:
            stdout, stderr = fo.read(), fe.read()
    return Run(dt, usage.ru_maxrss, os.waitstatus_to_exitcode(status), stdout, stderr, bool(killed))


def run_once(cmd, bench, args, timeout):
    """(seconds, error, stdout) of one run of `cmd bench args`; seconds is None on error."""
    dt, _, err, out = run_measured(cmd, bench, args, timeout)
    return dt, err, out


def run_measured(cmd, bench, args, timeout):
    """(seconds, peak RSS KiB, error, stdout) of one run; seconds and RSS are None on error."""
    run = measure(cmd + [bench] + args, timeout)
    err = run.error(timeout)
    if err:
        return None, None, err, run.stdout
    return run.seconds, run.rss_kib, None, run.stdout


def pyhop_binaries(specs):
    """[(name, path)] from --pyhop values `PATH` or `NAME=PATH`; one unnamed binary is
    `pyhop`, several unnamed ones are named by file."""
    pairs = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or os.sep in name:
            name, path = None, spec
        pairs.append((name, path))
    named = [(n or ("pyhop" if len(pairs) == 1 else os.path.basename(p)), p) for n, p in pairs]
    names = [n for n, _ in named]
    if len(set(names)) != len(names):
        sys.exit("bench_compare: two --pyhop binaries are both named %s; use NAME=PATH"
                 % next(n for n in names if names.count(n) > 1))
    return named


def pyhop_interpreters(binaries, variant_specs):
    """[(name, cmd)] for every binary and variant: NAME and NAME-VARIANT."""
    variants = [("", [])]
    for v in variant_specs:
        name, _, args = v.partition("=")
        variants.append(("-" + name, shlex.split(args)))
    return [(b + v, [path] + args) for b, path in binaries for v, args in variants]


def time_benchmark(path, interps, runs, bench_args, timeout, progress):
    """{name: {"times", "rss", "checksum", "error"}}: a warm-up run each, then `runs`
    rounds that run every interpreter once in turn."""
    res = {n: {"times": [], "rss": [], "checksum": None, "error": None} for n, _ in interps}
    for rep in range(runs + 1):
        for iname, cmd in interps:
            r = res[iname]
            if r["error"]:
                continue
            progress(rep, iname)
            dt, rss, err, out = run_measured(cmd, path, bench_args, timeout)
            if err:
                r["error"] = err
                continue
            if r["checksum"] is None:
                r["checksum"] = checksum_line(out)
            if rep > 0:
                r["times"].append(dt)
                r["rss"].append(rss)
    return res


def benchmark_row(name, runs, res, cpythons, pyhops):
    """The JSON row of one benchmark: per interpreter median, min, max, times, RSS;
    ratios (time and RSS) for the pyhop interpreters against the best CPython."""
    ref = cpythons[0][0]
    for iname, r in res.items():
        if not r["error"] and res[ref]["checksum"] is not None and r["checksum"] != res[ref]["checksum"]:
            r["error"] = "checksum %r differs from %s's %r" % (r["checksum"], ref, res[ref]["checksum"])
    row = {"name": name, "runs": runs, "interpreters": {}}
    for iname, r in res.items():
        ts, ok = r["times"], not r["error"]
        row["interpreters"][iname] = {
            "median": statistics.median(ts) if ts and ok else None,
            "min": min(ts) if ts else None, "max": max(ts) if ts else None, "times": ts,
            "rss_median_mib": statistics.median(r["rss"]) / 1024 if r["rss"] and ok else None,
            "rss_kib": r["rss"], "error": r["error"]}
    cpy = [row["interpreters"][n] for n, _ in cpythons]
    best = min((c["median"] for c in cpy if c["median"]), default=None)
    best_rss = min((c["rss_median_mib"] for c in cpy if c["rss_median_mib"]), default=None)
    for iname, _ in pyhops:
        r = row["interpreters"][iname]
        r["ratio"] = best / r["median"] if best and r["median"] else None
        r["rss_ratio"] = r["rss_median_mib"] / best_rss if best_rss and r["rss_median_mib"] else None
    first = row["interpreters"][pyhops[0][0]]
    row["ratio"], row["rss_ratio"] = first["ratio"], first["rss_ratio"]
    row["baseline"] = min(((row["interpreters"][n]["median"], n) for n, _ in cpythons
                           if row["interpreters"][n]["median"]), default=(None, None))[1]
    return row


def print_table(results, interps, pyhops):
    """The text table: per interpreter median time (min-max) and median peak RSS in MiB,
    then per pyhop interpreter its time ratio and its RSS / the smallest CPython RSS."""
    single = len(pyhops) == 1
    ratio_heads = ["ratio" if single else "ratio " + n for n, _ in pyhops]
    rss_heads = ["rss ratio" if single else "rss " + n for n, _ in pyhops]
    widths = [max(9, len(h) + 2) for h in ratio_heads + rss_heads]
    heads = ratio_heads + rss_heads
    print("%-18s" % "benchmark" + "".join("%22s%8s" % (n, "MiB") for n, _ in interps)
          + "".join("%*s" % (w, h) for w, h in zip(widths, heads)))
    for row in results:
        cells = []
        for iname, _ in interps:
            r = row["interpreters"][iname]
            if r["error"]:
                cells.append("%22s%8s" % ("FAILED", "-"))
            else:
                cells.append("%22s%8.1f" % ("%.3fs (%.3f-%.3f)" % (r["median"], r["min"], r["max"]), r["rss_median_mib"]))
        values = [row["interpreters"][n]["ratio"] for n, _ in pyhops] + [row["interpreters"][n]["rss_ratio"] for n, _ in pyhops]
        print("%-18s" % row["name"] + "".join(cells)
              + "".join("%*.2f" % (w, v) if v else "%*s" % (w, "-") for w, v in zip(widths, values)))
        for iname, _ in interps:
            if row["interpreters"][iname]["error"]:
                print("    %s: %s" % (iname, row["interpreters"][iname]["error"]))


def geometric_means(results, pyhops):
    """{pyhop interpreter: geometric mean of its time ratios} (None without ratios)."""
    means = {}
    for iname, _ in pyhops:
        ratios = [r["interpreters"][iname]["ratio"] for r in results if r["interpreters"][iname]["ratio"]]
        means[iname] = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    return means


def svg_chart(results, pyhops, path):
    """Bars of CPython time / pyhop time: one per benchmark and pyhop interpreter."""
    single = len(pyhops) == 1
    rows = [(r["name"] if single else "%s %s" % (r["name"], n), r["interpreters"][n]["ratio"])
            for r in results for n, _ in pyhops if r["interpreters"][n].get("ratio")]
    if not rows:
        return
    width, bar_h = 640, 22
    left = 170 if single else max(170, 10 + 7 * max(len(name) for name, _ in rows))
    height = 40 + bar_h * len(rows)
    top = max(2.0, max(r for _, r in rows) * 1.1)
    scale = (width - left - 60) / top
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
           '<text x="10" y="18">CPython time / pyhop time (&gt;1: pyhop faster)</text>']
    x1 = left + scale * 1.0
    for i, (name, ratio) in enumerate(rows):
        y = 30 + i * bar_h
        color = "#2a9d55" if ratio >= 1 else "#c0504d"
        out.append('<text x="10" y="%d">%s</text>' % (y + 15, name))
        out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y + 3, ratio * scale, bar_h - 6, color))
        out.append('<text x="%.1f" y="%d">%.2f</text>' % (left + ratio * scale + 4, y + 15, ratio))
    out.append('<line x1="%.1f" y1="26" x2="%.1f" y2="%d" stroke="#333" stroke-dasharray="3,3"/>' % (x1, x1, height - 4))
    out.append("</svg>")
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


def git_commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip() or None
    except OSError:
        return None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("benches", nargs="*", help="benchmark names (default: all of benches/suite)")
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--pyhop", action="append", metavar="[NAME=]PATH",
                    help="a pyhop binary (repeatable; default target/release/pyhop)")
    ap.add_argument("--cpython", action="append", help="a CPython to compare with (repeatable)")
    ap.add_argument("--variant", action="append", default=[], help="NAME=ARGS: a pyhop run with extra arguments")
    ap.add_argument("--args", default="", help="arguments passed to every benchmark (e.g. a size)")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--svg", help="draw the ratios here")
    opts = ap.parse_args(argv)

    cpythons = find_cpythons(opts.cpython) if opts.cpython else find_cpythons()
    if not cpythons:
        sys.exit("bench_compare: no CPython found")
    binaries = pyhop_binaries(opts.pyhop or [os.path.join(ROOT, "target", "release", "pyhop")])
    for _, path in binaries:
        if not os.path.exists(path):
            sys.exit("bench_compare: %s not found (cargo build --release)" % path)
    pyhops = pyhop_interpreters(binaries, opts.variant)
    interps = [(n, [e]) for n, e in cpythons] + pyhops

    names = opts.benches or sorted(f[:-3] for f in os.listdir(SUITE) if f.endswith(".py"))
    bench_args = shlex.split(opts.args)
    results = []
    for bi, name in enumerate(names):
        def progress(rep, iname):
            if sys.stderr.isatty():
                sys.stderr.write("\r[%d/%d] %-20s run %d/%d %-14s" % (bi + 1, len(names), name, rep, opts.runs, iname))
                sys.stderr.flush()
        res = time_benchmark(os.path.join(SUITE, name + ".py"), interps, opts.runs, bench_args,
                             opts.timeout, progress)
        results.append(benchmark_row(name, opts.runs, res, cpythons, pyhops))
        if not sys.stderr.isatty():
            sys.stderr.write("[%d/%d] %s done\n" % (bi + 1, len(names), name))
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 70 + "\r")

    print_table(results, interps, pyhops)
    geos = geometric_means(results, pyhops)
    for iname, _ in pyhops:
        if geos[iname]:
            print("geometric mean of ratios (CPython / %s, vs the fastest CPython): %.3f"
                  % ("pyhop" if len(pyhops) == 1 else iname, geos[iname]))
    if opts.json:
        meta = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": platform.platform(),
                "cpus": os.cpu_count(), "pyhop": public_path(binaries[0][1]),
                "pyhops": {n: public_path(p) for n, p in binaries},
                "cpythons": {n: public_path(p) for n, p in cpythons},
                "variants": {n: c[1:] for n, c in pyhops}, "geometric_mean": geos[pyhops[0][0]],
                "geometric_means": geos, "commit": git_commit()}
        with open(opts.json, "w") as fh:
            json.dump({"metadata": meta, "benchmarks": results}, fh, indent=1)
    if opts.svg:
        svg_chart(results, pyhops, opts.svg)
    return 1 if any(r["interpreters"][n]["error"] for r in results for n, _ in interps) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
