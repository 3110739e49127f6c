#!/usr/bin/env python3
"""Instructions per Python statement under pyhop and CPython (deterministic, callgrind).

usage: op_cost.py [--pyhop PATH] [--pyhop-args "ARGS"] [--cpython PATH] [--only ID,...]
                  [--engines] [--jobs N] [--write]

Method. Every row is one statement STMT. The script generates a program

    <module-level setup: G, class C, def f, import math>
    def bench(n):
        <local setup: b, c, l, o, t, ...>
        for i in range(n):
            STMT
        return RESULT
    print(bench(N))

and runs it under `valgrind --tool=callgrind` for N = 200,000 and N = 100,000. Both runs
do the same start-up, compilation and setup, so

    loop+stmt = (Ir(200,000) - Ir(100,000)) / 100,000     instructions per iteration

with Ir the total instructions executed (the `summary:` / `totals:` line of the
callgrind output). The `loop` row measures `pass` the same way; every other row shows
loop+stmt minus it, the cost of the statement alone. The `for_tuple10` row runs an
inner `for x in t: pass` over a 10-tuple and is divided by 10 (cost per inner
iteration, including its share of the inner loop's setup and exit). Counts are
deterministic (PYTHONHASHSEED=0 for both interpreters), so one run of each is enough
on a noisy machine; a fraction shows work that is not done every iteration (an
allocator refill, a collection).

Every program prints RESULT (e.g. the final `a`); pyhop must print what CPython
prints, for both N, or the row is an error row (as is a run that fails).

Options:
  --pyhop PATH        pyhop binary (default target/release/pyhop)
  --pyhop-args ARGS   extra pyhop arguments, e.g. "--dispatch=switch" or "--no-predict"
  --cpython PATH      CPython (default /usr/bin/python3.11 if it exists, else the real
                      executable of this script's interpreter, not a pyenv shim)
  --only ID,...       some rows only (the loop row always runs)
  --engines           one pyhop column per engine of `pyhop --list-dispatch`
  --jobs N            valgrind runs in parallel (default 2)
  --write             also record perf/results/DATE-op-cost.md and .json (with --engines
                      DATE-op-cost-engines.*): date, commit, machine, command, table

The table (Markdown, stdout) gives instructions per statement for each pyhop column and
CPython, and the ratio pyhop / CPython (>1: pyhop executes more instructions).
Standard library only; needs valgrind.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N_BIG, N_SMALL = 200_000, 100_000
TIMEOUT = 900

PRELUDE = """\
import math
G = 7
class C:
    x = 3
    def __init__(self):
        self.x = 1
    def m(self):
        pass
def f():
    pass
"""

# (id, local setup, statement, result expression, divisor). The setup runs once, in
# bench() before the loop, so its locals are fast locals as in real code.
ROWS = [
    ("loop", "", "pass", "i", 1),
    ("local_copy", "b = 3", "a = b", "a", 1),
    ("int_add", "b = 3; c = 4", "a = b + c", "a", 1),
    ("float_add", "b = 1.5; c = 2.25", "a = b + c", "a", 1),
    ("int_lt", "b = 3; c = 4", "a = b < c", "a", 1),
    ("str_concat", "s = 'abc'; t = 'def'", "a = s + t", "a", 1),
    ("global_load", "", "a = G", "a", 1),
    ("list_index", "l = [10, 20, 30]", "a = l[1]", "a", 1),
    ("list_store", "l = [10, 20, 30]", "l[1] = i", "l[1]", 1),
    ("dict_index", "d = {'k': 5, 'j': 6}", "a = d['k']", "a", 1),
    ("tuple_unpack", "t = (1, 2)", "a, b = t", "(a, b)", 1),
    ("for_tuple10", "t = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)", "for x in t: pass", "x", 10),
    ("call_empty", "", "f()", "i", 1),
    ("builtin_len", "l = [10, 20, 30]", "a = len(l)", "a", 1),
    ("attr_load", "o = C()", "a = o.x", "a", 1),
    ("attr_store", "o = C()", "o.x = i", "o.x", 1),
    ("method_call", "o = C()", "o.m()", "i", 1),
    ("class_attr", "", "a = C.x", "a", 1),
    ("module_attr", "", "a = math.pi", "a", 1),
    ("instantiate", "", "C()", "i", 1),
]


def program(setup, stmt, result, n):
    """The program of one row for n iterations."""
    return (f"{PRELUDE}def bench(n):\n    a = None\n    {setup or 'pass'}\n"
            f"    for i in range(n):\n        {stmt}\n    return {result}\nprint(bench({n}))\n")


def total_ir(path):
    """Total instructions of a callgrind output file (its summary or totals line)."""
    with open(path) as fh:
        for line in fh:
            m = re.match(r"(?:summary|totals):\s+(\d+)", line)
            if m:
                return int(m.group(1))
    raise RuntimeError(f"no summary line in {path}")


def callgrind(cmd, prog, out):
    """(Ir, stdout) of one run under callgrind, or raise RuntimeError with its stderr."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                          *cmd, prog], capture_output=True, text=True, env=env, timeout=TIMEOUT)
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"exit {run.returncode}: {tail[0]}")
    return total_ir(out), run.stdout.strip()


def run_all(columns, rows, tmp, jobs):
    """{(column, row id, n): (Ir, stdout) or RuntimeError} for every run, `jobs` at a time."""
    tasks = {}
    for name, cmd in columns:
        for rid, setup, stmt, result, _ in rows:
            for n in (N_BIG, N_SMALL):
                base = os.path.join(tmp, f"{re.sub(r'[^A-Za-z0-9]+', '_', name)}-{rid}-{n}")
                with open(base + ".py", "w") as fh:
                    fh.write(program(setup, stmt, result, n))
                tasks[(name, rid, n)] = (cmd, base + ".py", base + ".out")
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(callgrind, *args): key for key, args in tasks.items()}
        for done, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            key = futures[fut]
            try:
                results[key] = fut.result()
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                results[key] = RuntimeError(str(e))
            print(f"  [{done}/{len(futures)}] {key[0]} {key[1]} N={key[2]:,}", file=sys.stderr, flush=True)
    return results


def per_iteration(results, name, rid):
    """(instructions per iteration, printed output) of one row and column, or an error text."""
    big, small = results[(name, rid, N_BIG)], results[(name, rid, N_SMALL)]
    for r in (big, small):
        if isinstance(r, RuntimeError):
            return f"error: {r}", None
    return (big[0] - small[0]) / (N_BIG - N_SMALL), (big[1], small[1])


def costs(results, columns, rows, reference):
    """{row id: {column: cost or error text}}: loop+stmt minus the loop, / divisor.
    A column whose output differs from the reference column's is an error."""
    table = {}
    for rid, _, _, _, div in rows:
        table[rid] = {}
        for name, _ in columns:
            value, out = per_iteration(results, name, rid)
            ref_out = per_iteration(results, reference, rid)[1]
            if out is not None and ref_out is not None and out != ref_out:
                mine, theirs = next((a, b) for a, b in zip(out, ref_out) if a != b)
                value = f"error: printed {mine!r}, {reference} {theirs!r}"
            loop = per_iteration(results, name, "loop")[0]
            if isinstance(value, float) and rid != "loop":
                value = (value - loop) / div if isinstance(loop, float) else "error: loop row failed"
            table[rid][name] = value
    return table


def fmt(value):
    return f"{value:,.1f}" if isinstance(value, float) else str(value).replace("|", "\\|")


def ratio(a, b):
    return f"{a / b:.2f}" if isinstance(a, float) and isinstance(b, float) and b > 0.5 else ""


def markdown(table, rows, columns, reference):
    """The table: a row per statement, a column per interpreter, then pyhop / CPython."""
    pyhops = [name for name, _ in columns if name != reference]
    head = ["row", "statement", "setup", *pyhops, reference,
            *(f"{p} / {reference}" if len(pyhops) > 1 else "ratio" for p in pyhops)]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for rid, setup, stmt, _, div in rows:
        cells = table[rid]
        note = " (the loop; not subtracted)" if rid == "loop" else f" (per item, / {div})" if div > 1 else ""
        lines.append("| " + " | ".join([
            rid, f"`{stmt}`{note}", f"`{setup}`" if setup else "",
            *(fmt(cells[c]) for c in pyhops + [reference]),
            *(ratio(cells[p], cells[reference]) for p in pyhops)]) + " |")
    return "\n".join(lines) + "\n"


def executable(path):
    """An absolute path for a file (valgrind looks a bare name up in PATH) or a command
    name, or None."""
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return os.path.abspath(path)
    return shutil.which(path) if os.sep not in path else None


def find_cpython(path):
    if path:
        return path
    if os.path.exists("/usr/bin/python3.11"):
        return "/usr/bin/python3.11"
    return os.path.realpath(sys.executable)


def engines_of(pyhop):
    out = subprocess.run([pyhop, "--list-dispatch"], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in out.stdout.splitlines() if line.strip()]


def pyhop_columns(pyhop, extra, engines):
    """[(column name, command)] for pyhop: one, or one per dispatch engine."""
    if not engines:
        return [("pyhop" + (f" {' '.join(extra)}" if extra else ""), [pyhop, *extra])]
    return [(f"pyhop {e}", [pyhop, f"--dispatch={e}", *extra]) for e in engines_of(pyhop)]


def machine():
    cpu = "unknown cpu"
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((l.split(":", 1)[1].strip() for l in fh if l.startswith("model name")), cpu)
    except OSError:
        pass
    uname = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
    return f"{uname or platform.platform()}, {cpu}, {os.cpu_count()} CPUs"


def git_commit():
    """The short commit of the checkout, marked when tracked files have changes."""
    out = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return (out.stdout.strip() or "unknown") + (" (with uncommitted changes)" if dirty else "")


def version(cmd):
    out = subprocess.run([cmd[0], "--version"], capture_output=True, text=True)
    return (out.stdout or out.stderr).strip()


def raw_counts(results, columns, rid):
    """{column: {N: total Ir or error text}} of one row, for the JSON record."""
    return {name: {str(n): (r[0] if isinstance(r, tuple) else f"error: {r}")
                   for n in (N_BIG, N_SMALL) for r in [results[(name, rid, n)]]}
            for name, _ in columns}


def metadata(columns, reference, argv):
    return {"date": datetime.date.today().isoformat(), "commit": git_commit(),
            "machine": machine(), "command": "python3 scripts/op_cost.py " + shlex.join(argv),
            "n": [N_BIG, N_SMALL], "reference": reference,
            "interpreters": {name: shlex.join([os.path.basename(cmd[0]), *cmd[1:]])
                             for name, cmd in columns},
            "versions": {name: version(cmd) for name, cmd in columns}}


def markdown_record(meta, text):
    """The results file: a header with date, commit, machine, command, interpreters."""
    interps = "".join(f"- {name}: `{cmd}`, {meta['versions'][name]}\n"
                      for name, cmd in meta["interpreters"].items())
    return (f"# {meta['date']} — instructions per statement (callgrind)\n\n"
            f"- commit: {meta['commit']}\n- machine: {meta['machine']}\n"
            f"- command: `{meta['command']}`\n{interps}\n"
            "Instructions per statement = (Ir(N=200,000) − Ir(N=100,000)) / 100,000 − the same "
            "for `pass` (the loop row); ratio = pyhop / CPython (>1: pyhop executes more). "
            "Method: the docstring of `scripts/op_cost.py`.\n\n" + text)


def write_results(text, results, table, rows, columns, reference, argv, suffix):
    """Record the table in perf/results/DATE-op-cost[SUFFIX].md and .json."""
    meta = metadata(columns, reference, argv)
    base = os.path.join(ROOT, "perf", "results", f"{meta['date']}-op-cost{suffix}")
    with open(base + ".md", "w") as fh:
        fh.write(markdown_record(meta, text))
    data = {"metadata": meta,
            "rows": [{"id": rid, "setup": setup, "statement": stmt, "divisor": div,
                      "instructions": {k: round(v, 2) if isinstance(v, float) else v
                                       for k, v in table[rid].items()},
                      "ir": raw_counts(results, columns, rid)}
                     for rid, setup, stmt, _, div in rows]}
    with open(base + ".json", "w") as fh:
        json.dump(data, fh, indent=1)
        fh.write("\n")
    print(f"wrote {os.path.relpath(base, ROOT)}.md and .json", file=sys.stderr)


def parse_args(argv):
    p = argparse.ArgumentParser(usage=argparse.SUPPRESS, description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pyhop", default=os.path.join(ROOT, "target", "release", "pyhop"))
    p.add_argument("--pyhop-args", default="")
    p.add_argument("--cpython")
    p.add_argument("--only")
    p.add_argument("--engines", action="store_true")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--write", action="store_true")
    # "--pyhop-args --dispatch=x" would read the value as an option: glue it on.
    argv = list(argv)
    for i, arg in enumerate(argv[:-1]):
        if arg == "--pyhop-args":
            argv[i:i + 2] = [f"--pyhop-args={argv[i + 1]}"]
            break
    return p.parse_args(argv)


def select_rows(only):
    if not only:
        return ROWS
    wanted = set(only.split(","))
    unknown = wanted - {r[0] for r in ROWS}
    if unknown:
        raise SystemExit(f"op_cost: unknown row(s) {', '.join(sorted(unknown))}; "
                         f"rows: {', '.join(r[0] for r in ROWS)}")
    return [r for r in ROWS if r[0] == "loop" or r[0] in wanted]


def main(argv):
    args = parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("op_cost: valgrind not found (install it: apt-get install valgrind)")
    pyhop = executable(args.pyhop)
    if not pyhop:
        raise SystemExit(f"op_cost: no pyhop binary at {args.pyhop} (cargo build --release, or --pyhop)")
    cpython = executable(find_cpython(args.cpython))
    if not cpython:
        raise SystemExit(f"op_cost: no CPython at {args.cpython}")
    reference = os.path.basename(cpython)
    rows = select_rows(args.only)
    columns = pyhop_columns(pyhop, shlex.split(args.pyhop_args), args.engines) + [(reference, [cpython])]
    with tempfile.TemporaryDirectory(prefix="op_cost-") as tmp:
        results = run_all(columns, rows, tmp, max(1, args.jobs))
    table = costs(results, columns, rows, reference)
    text = markdown(table, rows, columns, reference)
    print(text, end="")
    if args.write:
        write_results(text, results, table, rows, columns, reference, argv,
                      "-engines" if args.engines else "")
    failed = any(isinstance(v, str) for cells in table.values() for v in cells.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
