#!/usr/bin/env python3
"""Bytes per object under pyhop and CPython: small programs, peak RSS, wall time.

usage: mem_compare.py [-N COUNT] [-r REPS] [--pyhop BIN] [--cpython EXE ...]
                      [--only ROW[,ROW...]] [--json FILE] [--write] [--note TEXT]

Each row is a small Python program that builds COUNT objects of one kind (default
10^6), keeps them alive in a list and prints the list's length. It runs as its own
process under pyhop and under every CPython, once with COUNT and once with 0 (the same
program: the same classes, an empty list), and

    bytes per object = (peak RSS with COUNT - peak RSS with 0) / COUNT
    time             = wall time with COUNT - wall time with 0   (seconds)

Every measurement is repeated REPS times (default 3); each repetition runs every
interpreter in turn (0, then COUNT), and the table shows the medians: the median peak
with COUNT minus the median peak with 0, likewise for time. The bytes include all that
each element keeps alive: its slot in the list (8 bytes in CPython, plus the list's
over-allocation), the object, and the int `i` where the object holds it (tuple1,
instance_xy, slots_xy, list1, dict2, set1: CPython caches only -5..256).

Rows (--only picks some, comma-separated):

  str              [str(i) for i in range(N)]
  tuple1           [(i,) for i in range(N)]
  empty_instance   [A() for _ in range(N)] with `class A: pass`
  instance_xy      instances whose __init__ sets self.x = i; self.y = i
  slots_xy         the same with __slots__ = ('x', 'y')
  list1            [[i] for i in range(N)]
  dict2            [{'a': i, 'b': i} for i in range(N)]
  set1             [{i} for i in range(N)]
  float            [float(i) + 0.5 for i in range(N)]
  bound_method     [o.m for _ in range(N)]: N bound methods of one instance
  generator_frame  N started generators (`def g(): yield 1`, next() on each): the
                   generator object with its suspended frame (locals, value stack,
                   instruction pointer). CPython 3.11 keeps that frame inside the
                   generator; no separate frame object exists unless gi_frame is read.
  cycle            0.3*N (300,000) two-instance cycles `a.other = b; b.other = a`,
                   made in a loop and dropped at once: nothing stays reachable, so the
                   peak shows whether the interpreter frees cycles (CPython's cycle
                   collector does). Reported as the peak RSS of the whole run in MiB and
                   the ratio pyhop / CPython; the target is below 2.

The last columns compare: pyhop's bytes per object / the smallest CPython's (<= 1.00:
pyhop uses less), then each interpreter's time. CPythons as in bench_compare.py: the
real executable behind `python3` (not the pyenv shim) and /usr/bin/python3.11. A
program that fails (non-zero exit, timeout, or another output line than the count)
marks its row FAILED for that interpreter, with the last stderr line, and the others
go on; the script then exits 1.

Peak RSS is ru_maxrss (KiB) from os.wait4, taken as bench_compare.py does: the
interpreter is forked by a small /bin/sh, not by this script, so that the peak is not
at least this script's own (see bench_compare.measure).

--json FILE writes every run (format in perf/README.md); --write records the table in
perf/results/DATE-mem.md with date, commit, machine and command, and --note TEXT adds a
line to that file. Standard library only.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_compare import find_cpythons, measure, public_path  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 600

# name -> program body; it reads N and leaves the objects in x (or makes and drops them).
ROWS = {
    "str": "x = [str(i) for i in range(N)]",
    "tuple1": "x = [(i,) for i in range(N)]",
    "empty_instance": "class A:\n    pass\nx = [A() for _ in range(N)]",
    "instance_xy": ("class A:\n    def __init__(self, i):\n        self.x = i\n        self.y = i\n"
                    "x = [A(i) for i in range(N)]"),
    "slots_xy": ("class A:\n    __slots__ = ('x', 'y')\n    def __init__(self, i):\n"
                 "        self.x = i\n        self.y = i\nx = [A(i) for i in range(N)]"),
    "list1": "x = [[i] for i in range(N)]",
    "dict2": "x = [{'a': i, 'b': i} for i in range(N)]",
    "set1": "x = [{i} for i in range(N)]",
    "float": "x = [float(i) + 0.5 for i in range(N)]",
    "bound_method": "class A:\n    def m(self):\n        pass\no = A()\nx = [o.m for _ in range(N)]",
    "generator_frame": "def g():\n    yield 1\nx = [g() for _ in range(N)]\nfor y in x:\n    next(y)",
    "cycle": ("class A:\n    pass\nfor _ in range(N * 3 // 10):\n    a = A()\n    b = A()\n"
              "    a.other = b\n    b.other = a\nx = range(N * 3 // 10)"),
}
PEAK_ROWS = {"cycle"}  # reported as the peak RSS of the run, not per object


def program(body):
    return "import sys\nN = int(sys.argv[1])\n" + body + "\nprint(len(x))\n"


def run(cmd, path, n, expected):
    """(seconds, peak KiB, error) of one run; error is None when it printed `expected`."""
    r = measure(cmd + [path, str(n)], TIMEOUT)
    err = r.error(TIMEOUT)
    if not err and r.stdout.strip() != expected:
        err = "printed %r, not %r" % (r.stdout.strip()[-60:], expected)
    return r.seconds, r.rss_kib, err


def expected_output(name, n):
    return str(n * 3 // 10 if name in PEAK_ROWS else n)


def measure_row(name, path, interps, n, reps, progress):
    """{interpreter: {"rss0", "rss", "seconds0", "seconds": [...], "error"}}: each
    repetition runs every interpreter in turn, with 0 and then with n objects."""
    res = {i: {"rss0": [], "rss": [], "seconds0": [], "seconds": [], "error": None} for i, _ in interps}
    for rep in range(reps):
        for iname, cmd in interps:
            r = res[iname]
            for count, suffix in ((0, "0"), (n, "")):
                if r["error"]:
                    break
                progress(name, rep, iname, count)
                dt, rss, err = run(cmd, path, count, expected_output(name, count))
                if err:
                    r["error"] = "N=%d: %s" % (count, err.replace(os.path.dirname(path) + os.sep, ""))
                    break
                r["seconds" + suffix].append(dt)
                r["rss" + suffix].append(rss)
    return res


def summarize(name, n, res, cpythons):
    """The row's numbers: per interpreter bytes/object (or peak MiB), time; the ratio."""
    row = {"name": name, "n": n, "kind": "peak" if name in PEAK_ROWS else "per_object", "interpreters": {}}
    for iname, r in res.items():
        s = dict(r)
        if not r["error"]:
            rss0, rss = statistics.median(r["rss0"]), statistics.median(r["rss"])
            s["peak0_mib"], s["peak_mib"] = rss0 / 1024, rss / 1024
            s["bytes_per_object"] = (rss - rss0) * 1024 / n if n else None
            s["time"] = statistics.median(r["seconds"]) - statistics.median(r["seconds0"])
        row["interpreters"][iname] = s
    key = "peak_mib" if name in PEAK_ROWS else "bytes_per_object"
    cpy = [(row["interpreters"][c].get(key), c) for c, _ in cpythons]
    best = min(((v, c) for v, c in cpy if v is not None and v > 0), default=(None, None))
    mine = row["interpreters"]["pyhop"].get(key)
    row["baseline"] = best[1]
    row["ratio"] = mine / best[0] if best[0] and mine is not None else None
    return row


def cells(row, names):
    """Markdown cells for one row: sizes, ratio, times."""
    peak = row["kind"] == "peak"
    out = [row["name"]]
    for iname in names:
        s = row["interpreters"][iname]
        if s["error"]:
            out.append("FAILED")
        elif peak:
            out.append("%.1f MiB peak" % s["peak_mib"])
        else:
            out.append("%.1f" % s["bytes_per_object"])
    out.append("%.2f" % row["ratio"] if row["ratio"] is not None else "-")
    for iname in names:
        s = row["interpreters"][iname]
        out.append("-" if s["error"] else "%.3f" % s["time"])
    return out


def table(rows, names, cpythons, n, reps):
    """The Markdown table, with the failures and the N=0 peaks below it."""
    cnames = [c for c, _ in cpythons]
    head = (["row"] + ["%s B/obj" % i for i in names] + ["pyhop / best CPython"]
            + ["%s s" % i for i in names])
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(cells(r, names)) + " |" for r in rows]
    lines.append("")
    lines.append("N = %s, medians of %d; B/obj = (peak RSS with N - peak RSS with 0) / N; "
                 "s = wall time with N - wall time with 0; ratio = pyhop / the smallest of %s "
                 "(<= 1.00: pyhop uses less)." % ("{:,}".format(n), reps, ", ".join(cnames)))
    if any(r["kind"] == "peak" for r in rows):
        lines.append("cycle: peak RSS of the whole run with %s cycles (ratio target: < 2)."
                     % "{:,}".format(n * 3 // 10))
    peaks = []
    for iname in names:
        p = [r["interpreters"][iname]["peak0_mib"] for r in rows if not r["interpreters"][iname]["error"]]
        if p:
            peaks.append("%s %.1f-%.1f MiB" % (iname, min(p), max(p)) if max(p) - min(p) >= 0.05
                         else "%s %.1f MiB" % (iname, p[0]))
    if peaks:
        lines.append("Peak RSS with N = 0 (start-up): " + ", ".join(peaks) + ".")
    for r in rows:
        for iname in names:
            if r["interpreters"][iname]["error"]:
                lines.append("- %s, %s: %s" % (r["name"], iname, r["interpreters"][iname]["error"]))
    return "\n".join(lines) + "\n"


def git(*args):
    try:
        return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def machine():
    """`uname -sm`, `nproc` and the CPU model, e.g. 'Linux x86_64, 2 CPUs, Intel(R) ...'."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as fh:
            model = next((l.split(":", 1)[1].strip() for l in fh if l.startswith("model name")), model)
    except OSError:
        pass
    u = os.uname()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return "%s %s, %d CPUs, %s" % (u.sysname, u.machine, cpus, model)


def public_command(argv):
    """The command line with this machine's paths reduced by public_path."""
    out = []
    for a in argv:
        opt, eq, val = a.partition("=") if a.startswith("--") and "=" in a else ("", "", a)
        if os.path.isabs(val):
            val = public_path(val)
        out.append(shlex.quote(opt + eq + val))
    return " ".join(["python3", "scripts/mem_compare.py"] + out)


def python_version(exe):
    out = subprocess.run([exe, "-c", "import sys; print(sys.version.split()[0])"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


def write_result(text, meta, argv, note):
    """Record the table in perf/results/DATE-mem.md (rewritten on a rerun the same day)."""
    path = os.path.join(ROOT, "perf", "results", "%s-mem.md" % meta["date"][:10])
    dirty = git("status", "--porcelain", "--untracked-files=no")
    head = ["# %s — bytes per object, pyhop against CPython" % meta["date"][:10], ""]
    if note:
        head += [note, ""]
    head += ["- commit: %s%s" % (meta["commit"] or "unknown", " (with uncommitted changes)" if dirty else ""),
             "- machine: %s" % meta["machine"],
             "- interpreters: " + ", ".join("%s (`%s`%s)" % (n, p, ", " + meta["versions"][n] if n in meta["versions"] else "")
                                            for n, p in meta["interpreters"].items()),
             "- command: `%s`" % public_command(argv), ""]
    with open(path, "w") as fh:
        fh.write("\n".join(head) + "\n" + text)
    print("wrote %s" % os.path.relpath(path, ROOT), file=sys.stderr)


def progress(name, rep, iname, count):
    if sys.stderr.isatty():
        sys.stderr.write("\r%-16s rep %d %-12s N=%-9d" % (name, rep + 1, iname, count))
        sys.stderr.flush()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-N", type=int, default=10 ** 6, help="objects per row (default 10^6)")
    ap.add_argument("-r", "--reps", type=int, default=3, help="repetitions (default 3)")
    ap.add_argument("--pyhop", default=os.path.join(ROOT, "target", "release", "pyhop"))
    ap.add_argument("--cpython", action="append", help="a CPython to compare with (repeatable)")
    ap.add_argument("--only", help="ROW[,ROW...]: these rows only")
    ap.add_argument("--json", help="write every run here")
    ap.add_argument("--write", action="store_true", help="record the table in perf/results/DATE-mem.md")
    ap.add_argument("--note", help="a line for the --write file (e.g. what is measured)")
    opts = ap.parse_args(argv)

    names = opts.only.split(",") if opts.only else list(ROWS)
    unknown = [n for n in names if n not in ROWS]
    if unknown:
        sys.exit("mem_compare: unknown row %s (rows: %s)" % (", ".join(unknown), ", ".join(ROWS)))
    if opts.N <= 0:
        sys.exit("mem_compare: -N must be positive")
    if not os.path.exists(opts.pyhop):
        sys.exit("mem_compare: %s not found (cargo build --release)" % opts.pyhop)
    cpythons = find_cpythons(opts.cpython) if opts.cpython else find_cpythons()
    if not cpythons:
        sys.exit("mem_compare: no CPython found")
    interps = [("pyhop", [opts.pyhop])] + [(n, [e]) for n, e in cpythons]
    inames = [i for i, _ in interps]

    rows = []
    with tempfile.TemporaryDirectory(prefix="mem_compare.") as tmp:
        for name in names:
            path = os.path.join(tmp, name + ".py")
            with open(path, "w") as fh:
                fh.write(program(ROWS[name]))
            res = measure_row(name, path, interps, opts.N, opts.reps, progress)
            rows.append(summarize(name, opts.N, res, cpythons))
            if not sys.stderr.isatty():
                sys.stderr.write("%s done\n" % name)
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 60 + "\r")

    text = table(rows, inames, cpythons, opts.N, opts.reps)
    print(text, end="")
    meta = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "commit": git("rev-parse", "--short", "HEAD") or None,
            "machine": machine(), "n": opts.N, "reps": opts.reps, "command": public_command(argv),
            "interpreters": {"pyhop": public_path(opts.pyhop), **{n: public_path(e) for n, e in cpythons}},
            "versions": {n: python_version(e) for n, e in cpythons}}
    if opts.json:
        with open(opts.json, "w") as fh:
            json.dump({"metadata": meta, "rows": rows}, fh, indent=1)
    if opts.write:
        write_result(text, meta, argv, opts.note)
    return 1 if any(r["interpreters"][i]["error"] for r in rows for i in inames) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
