#!/usr/bin/env python3
"""Time the benchmark programs of benches/suite under pyhop and CPython.

usage: bench_compare.py [-n RUNS] [--pyhop BIN] [--cpython EXE ...] [--variant NAME=ARGS ...]
                        [--json FILE] [--svg FILE] [BENCH ...]

Each benchmark runs as a whole process, alternately under every interpreter: one warm-up
run each, then RUNS timed runs each (default 5). Reported per benchmark and interpreter:
median wall time, min-max, and the ratio CPython time / pyhop time against the *fastest*
CPython measured (>1 means pyhop is faster), then the geometric mean of the ratios.

CPythons: by default the real executable behind `python3` (sys.executable of that
interpreter, not the pyenv shim, which adds ~0.1 s per start) and Debian's
/usr/bin/python3.11 when present (a PGO build, ~1.2x faster here). pyhop variants run
the same binary with extra arguments, e.g. --variant tail="--dispatch=tail".

A benchmark fails when an interpreter exits non-zero (each program checks its own
result and exits non-zero on a wrong checksum) or prints a different checksum line
than the first CPython; the run goes on with the others and the script exits 1.
Results go to JSON (--json; format documented in perf/README.md) and an SVG bar chart
of the ratios (--svg). Standard library only.
"""
import argparse
import json
import math
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
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


def run_once(cmd, bench, args, timeout):
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd + [bench] + args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %ds" % timeout, ""
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return None, "exit %d: %s" % (p.returncode, tail), p.stdout
    return dt, None, p.stdout


def svg_chart(results, path):
    rows = [(r["name"], r["ratio"]) for r in results if r.get("ratio")]
    if not rows:
        return
    width, bar_h, left = 640, 22, 170
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


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("benches", nargs="*", help="benchmark names (default: all of benches/suite)")
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--pyhop", default=os.path.join(ROOT, "target", "release", "pyhop"))
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
    if not os.path.exists(opts.pyhop):
        sys.exit("bench_compare: %s not found (cargo build --release)" % opts.pyhop)
    variants = [("pyhop", [])]
    for v in opts.variant:
        name, _, args = v.partition("=")
        variants.append(("pyhop-" + name, shlex.split(args)))
    interps = [(n, [e]) for n, e in cpythons] + [(n, [opts.pyhop] + a) for n, a in variants]

    names = opts.benches or sorted(f[:-3] for f in os.listdir(SUITE) if f.endswith(".py"))
    bench_args = shlex.split(opts.args)
    results, failed = [], False
    for bi, name in enumerate(names):
        path = os.path.join(SUITE, name + ".py")
        times = {n: [] for n, _ in interps}
        errors, sums = {}, {}
        for rep in range(opts.runs + 1):
            for iname, cmd in interps:
                if iname in errors:
                    continue
                if sys.stderr.isatty():
                    sys.stderr.write("\r[%d/%d] %-20s run %d/%d %-14s" % (bi + 1, len(names), name, rep, opts.runs, iname))
                    sys.stderr.flush()
                dt, err, out = run_once(cmd, path, bench_args, opts.timeout)
                if err:
                    errors[iname] = err
                    continue
                sums.setdefault(iname, checksum_line(out))
                if rep > 0:
                    times[iname].append(dt)
        ref_sum = sums.get(cpythons[0][0])
        for iname, s in sums.items():
            if ref_sum is not None and s != ref_sum and iname not in errors:
                errors[iname] = "checksum %r differs from %s's %r" % (s, cpythons[0][0], ref_sum)
        row = {"name": name, "runs": opts.runs, "interpreters": {}}
        for iname, _ in interps:
            ts = times[iname]
            row["interpreters"][iname] = {"median": statistics.median(ts) if ts and iname not in errors else None,
                                          "min": min(ts) if ts else None, "max": max(ts) if ts else None,
                                          "times": ts, "error": errors.get(iname)}
        cmeds = [row["interpreters"][n]["median"] for n, _ in cpythons if row["interpreters"][n]["median"]]
        best = min(cmeds) if cmeds else None
        for iname, _ in variants:
            m = row["interpreters"][iname]["median"]
            row["interpreters"][iname]["ratio"] = (best / m) if best and m else None
        row["ratio"] = row["interpreters"]["pyhop"]["ratio"]
        row["baseline"] = min(((row["interpreters"][n]["median"], n) for n, _ in cpythons if row["interpreters"][n]["median"]), default=(None, None))[1]
        if errors:
            failed = True
        results.append(row)
        if not sys.stderr.isatty():
            sys.stderr.write("[%d/%d] %s done\n" % (bi + 1, len(names), name))
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 70 + "\r")

    header = "%-18s" % "benchmark" + "".join("%22s" % n for n, _ in interps) + "%9s" % "ratio"
    print(header)
    for row in results:
        cells = []
        for iname, _ in interps:
            r = row["interpreters"][iname]
            cells.append("%22s" % ("FAILED" if r["error"] else "%.3fs (%.3f-%.3f)" % (r["median"], r["min"], r["max"])))
        ratio = row["ratio"]
        print("%-18s" % row["name"] + "".join(cells) + ("%9.2f" % ratio if ratio else "%9s" % "-"))
        for iname, _ in interps:
            if row["interpreters"][iname]["error"]:
                print("    %s: %s" % (iname, row["interpreters"][iname]["error"]))
    ratios = [r["ratio"] for r in results if r["ratio"]]
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    if geo:
        print("geometric mean of ratios (CPython / pyhop, vs the fastest CPython): %.3f" % geo)
    if opts.json:
        meta = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": platform.platform(),
                "cpus": os.cpu_count(), "pyhop": public_path(opts.pyhop),
                "cpythons": {n: public_path(p) for n, p in cpythons},
                "variants": {n: a for n, a in variants}, "geometric_mean": geo}
        try:
            meta["commit"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                            capture_output=True, text=True).stdout.strip()
        except OSError:
            pass
        with open(opts.json, "w") as fh:
            json.dump({"metadata": meta, "benchmarks": results}, fh, indent=1)
    if opts.svg:
        svg_chart(results, opts.svg)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
