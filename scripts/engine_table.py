#!/usr/bin/env python3
"""Engine x prediction table for one suite benchmark, in one command.

usage: engine_table.py BENCH [ARGS...] [--pyhop BIN] [--time N] [--engines a,b] [--cpython EXE,...] [--write]

BENCH is a name from benches/suite/ (or a path to a .py file); ARGS are passed to it
(choose a small size: every configuration runs under valgrind twice). For every
engine (from `pyhop --list-dispatch`, or --engines) with prediction on and off it
reports:

- bytecodes executed (from `--dxp-out`, the same count for every configuration),
- instructions (valgrind --tool=callgrind) and instructions per bytecode,
- simulated branch mispredictions, conditional + indirect (valgrind
  --tool=cachegrind --branch-sim=yes; valgrind predicts an indirect jump's last
  target, a pessimistic model of a modern predictor),
- with --time N: the median wall time of N runs of the real binary, and the ratio
  CPython time / pyhop time (>1: pyhop faster) against the faster CPython, timed in
  the same run on the same program and arguments. The CPythons are those of
  scripts/bench_compare.py: the real executable behind `python3` (not the pyenv shim)
  and /usr/bin/python3.11 when present (or --cpython EXE,...). The timed runs are
  interleaved: a warm-up run of every interpreter and configuration, then N rounds that
  run each once in turn, so a slow phase of the shared machine hits all of them. Every
  run must exit 0 and print the same checksum line as the first CPython.

The instruction and misprediction counts are deterministic, so one run each is
enough on a noisy machine; wall times are not. The table is printed as Markdown;
--write also records it in perf/results/DATE-engines-BENCH.md with the date, commit,
machine and command. Standard library only; needs valgrind.
"""
import json
import platform
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_compare import checksum_line, find_cpythons, run_once  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 600


def pop_option(args, name, default):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return default


def bytecodes(pyhop, engine, prog, args):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "dxp.json")
        subprocess.run([pyhop, f"--dispatch={engine}", "--dxp-out", out, prog, *args],
                       stdout=subprocess.DEVNULL, check=True)
        with open(out) as f:
            return sum(json.load(f)["singles"].values())


def valgrind(tool_args, cmd):
    run = subprocess.run(["valgrind", *tool_args, *cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        raise SystemExit(f"valgrind failed on {' '.join(cmd)}:\n{run.stderr[-2000:]}")
    return run.stderr


def number(text, pattern):
    m = re.search(pattern, text)
    if not m:
        raise SystemExit(f"no match for {pattern!r} in valgrind output")
    return [int(g.replace(",", "")) for g in m.groups()]


def label(engine, predict):
    return f"{engine}{'' if predict else ' --no-predict'}"


def timings(interps, prog, args, runs):
    """Median wall time of each (name, cmd): a warm-up run each, then `runs` rounds that run
    every interpreter once in turn. Stops on a failed run or a checksum that differs from
    the first interpreter's."""
    times = {name: [] for name, _ in interps}
    sums = {}
    for rep in range(runs + 1):
        for name, cmd in interps:
            print(f"  {'warm-up' if rep == 0 else f'run {rep}/{runs}'}: {name} ...", file=sys.stderr, flush=True)
            dt, err, out = run_once(cmd, prog, args, TIMEOUT)
            if err:
                raise SystemExit(f"{name} failed on {os.path.basename(prog)} {' '.join(args)}: {err}")
            sums.setdefault(name, checksum_line(out))
            if rep:
                times[name].append(dt)
    ref_name, _ = interps[0]
    for name, _ in interps:
        if sums[name] != sums[ref_name]:
            raise SystemExit(f"{name} printed {sums[name]!r}, {ref_name} {sums[ref_name]!r}")
    return {name: statistics.median(ts) for name, ts in times.items()}


def write_result(text, prog, bench_args, argv):
    """Record the table in perf/results/DATE-engines-BENCH.md with date, commit,
    machine and command (one file per benchmark and day; rewritten on a rerun)."""
    date = time.strftime("%Y-%m-%d")
    name = os.path.splitext(os.path.basename(prog))[0]
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    path = os.path.join(ROOT, "perf", "results", f"{date}-engines-{name}.md")
    head = (f"# {date} — engine × prediction, {name} {' '.join(bench_args)}\n\n"
            f"- commit: {commit}{' (with uncommitted changes)' if dirty else ''}\n"
            f"- machine: {platform.platform()}, {os.cpu_count()} CPUs\n"
            f"- command: `python3 scripts/engine_table.py {' '.join(argv)}`\n\n")
    with open(path, "w") as fh:
        fh.write(head + text.replace("\n# ", "\n## ", 1).replace("# ", "## ", 1))
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def main(argv):
    args = list(argv)
    pyhop = pop_option(args, "--pyhop", os.path.join(ROOT, "target", "release", "pyhop"))
    runs = int(pop_option(args, "--time", "0"))
    engines = pop_option(args, "--engines", None)
    cpython_list = pop_option(args, "--cpython", None)
    write = "--write" in args
    if write:
        args.remove("--write")
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if args else 2
    bench, bench_args = args[0], args[1:]
    prog = bench if bench.endswith(".py") else os.path.join(ROOT, "benches", "suite", bench + ".py")
    if not os.path.exists(prog):
        raise SystemExit(f"no such benchmark: {prog}")
    if engines is None:
        listed = subprocess.run([pyhop, "--list-dispatch"], capture_output=True, text=True, check=True)
        engines = ",".join(line.split()[0] for line in listed.stdout.splitlines() if line.strip())
    engines = engines.split(",")
    cpythons = []
    if runs:
        cpythons = find_cpythons(cpython_list.split(",")) if cpython_list else find_cpythons()
        if not cpythons:
            print("engine_table: no CPython found; timing pyhop only", file=sys.stderr)

    configs = []  # (engine, predict, pyhop command)
    for engine in engines:
        for predict in (True, False):
            flags = [f"--dispatch={engine}"] + ([] if predict else ["--no-predict"])
            configs.append((engine, predict, [pyhop, *flags]))

    count = bytecodes(pyhop, engines[0], prog, bench_args)
    counts = []
    for engine, predict, cmd in configs:
        print(f"  {' '.join(cmd[1:])}: valgrind ...", file=sys.stderr, flush=True)
        cmd = cmd + [prog, *bench_args]
        (instr,) = number(valgrind(["--tool=callgrind", "--callgrind-out-file=/dev/null"], cmd),
                          r"Collected : ([\d,]+)")
        cg = valgrind(["--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes",
                       "--cachegrind-out-file=/dev/null"], cmd)
        counts.append((instr, *number(cg, r"Mispredicts:\s+([\d,]+)\s+\(\s*([\d,]+) cond \+\s*([\d,]+) ind\)")))

    medians, best = {}, None
    if runs:
        interps = [(name, [exe]) for name, exe in cpythons] + [(label(e, p), cmd) for e, p, cmd in configs]
        medians = timings(interps, prog, bench_args, runs)
        if cpythons:
            best = min(cpythons, key=lambda c: medians[c[0]])[0]

    out = []
    out.append(f"# {os.path.basename(prog)} {' '.join(bench_args)}: {count:,} bytecodes executed\n")
    header = "| engine | prediction | instructions | per bytecode | mispredicts (cond + indirect) |"
    rule = "| --- | --- | --- | --- | --- |"
    if runs:
        header += f" median of {runs} (s) |"
        rule += " --- |"
    if best:
        header += f" {best} / pyhop |"
        rule += " --- |"
    out.append(header)
    out.append(rule)
    for (engine, predict, _), (instr, total, cond, ind) in zip(configs, counts):
        row = (f"| {engine} | {'on' if predict else 'off'} | {instr:,} | {instr / count:.1f} "
               f"| {total:,} ({cond:,} + {ind:,}) |")
        if runs:
            m = medians[label(engine, predict)]
            row += f" {m:.3f} |"
            if best:
                row += f" {medians[best] / m:.2f} |"
        out.append(row)
    if cpythons:
        out.append(f"\nCPython in the same run, median of {runs}: "
              + ", ".join(f"{name} {medians[name]:.3f} s (`{os.path.basename(exe)}`)" for name, exe in cpythons)
              + f". Ratio = {best} median / pyhop median (>1: pyhop faster).")
    text = "\n".join(out) + "\n"
    print(text, end="")
    if write:
        write_result(text, prog, bench_args, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
