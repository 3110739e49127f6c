#!/usr/bin/env python3
"""Engine x prediction table for one suite benchmark, in one command.

usage: engine_table.py BENCH [ARGS...] [--pyhop BIN] [--time N] [--engines a,b]

BENCH is a name from benches/suite/ (or a path to a .py file); ARGS are passed to it
(choose a small size: every configuration runs under valgrind twice). For every
engine (from `pyhop --list-dispatch`, or --engines) with prediction on and off it
reports:

- bytecodes executed (from `--dxp-out`, the same count for every configuration),
- instructions (valgrind --tool=callgrind) and instructions per bytecode,
- simulated branch mispredictions, conditional + indirect (valgrind
  --tool=cachegrind --branch-sim=yes; valgrind predicts an indirect jump's last
  target, a pessimistic model of a modern predictor),
- with --time N: the median wall time of N runs of the real binary.

The instruction and misprediction counts are deterministic, so one run each is
enough on a noisy machine. The table is printed as Markdown, ready for perf/results/.
Standard library only; needs valgrind.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


def main(argv):
    args = list(argv)
    pyhop = pop_option(args, "--pyhop", os.path.join(ROOT, "target", "release", "pyhop"))
    runs = int(pop_option(args, "--time", "0"))
    engines = pop_option(args, "--engines", None)
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

    count = bytecodes(pyhop, engines[0], prog, bench_args)
    print(f"# {os.path.basename(prog)} {' '.join(bench_args)}: {count:,} bytecodes executed\n")
    header = "| engine | prediction | instructions | per bytecode | mispredicts (cond + indirect) |"
    rule = "| --- | --- | --- | --- | --- |"
    if runs:
        header += f" median of {runs} (s) |"
        rule += " --- |"
    print(header)
    print(rule)
    for engine in engines:
        for predict in (True, False):
            flags = [f"--dispatch={engine}"] + ([] if predict else ["--no-predict"])
            cmd = [pyhop, *flags, prog, *bench_args]
            print(f"  {' '.join(flags)} ...", file=sys.stderr, flush=True)
            (instr,) = number(valgrind(["--tool=callgrind", "--callgrind-out-file=/dev/null"], cmd),
                              r"Collected : ([\d,]+)")
            cg = valgrind(["--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes",
                           "--cachegrind-out-file=/dev/null"], cmd)
            total, cond, ind = number(cg, r"Mispredicts:\s+([\d,]+)\s+\(\s*([\d,]+) cond \+\s*([\d,]+) ind\)")
            row = (f"| {engine} | {'on' if predict else 'off'} | {instr:,} | {instr / count:.1f} "
                   f"| {total:,} ({cond:,} + {ind:,}) |")
            if runs:
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
                    times.append(time.perf_counter() - t0)
                row += f" {statistics.median(times):.3f} |"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
