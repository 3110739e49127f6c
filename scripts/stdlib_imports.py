#!/usr/bin/env python3
"""Which CPython standard-library modules pyhop can import.

Runs `pyhop -c "import NAME"` for each module (one process each, with a timeout) and
prints one line per module: `ok`, or the last line of the error (usually the
exception). The default list is issue 10's; `--all` adds every top-level module and
package of the standard library pyhop uses (`sys._stdlib_dir` as pyhop reports it, or
`--stdlib DIR`). A module pyhop embeds (vm/lib) is marked `[embedded]`. A summary
groups the failures by their error line's exception type and message pattern.

usage: scripts/stdlib_imports.py [--pyhop PATH] [--all] [--stdlib DIR] [--timeout S]
                                 [--jobs N] [--json PATH] [--only NAME,...] [-- PYHOP_ARGS...]

Exit status 0 (the script reports; failing imports are the expected state today).
Standard library only.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys

ISSUE_LIST = (
    "os re json struct types typing dataclasses collections.abc weakref gc datetime decimal "
    "fractions logging pickle argparse pathlib unittest threading subprocess textwrap pprint "
    "statistics shutil tempfile hashlib base64 csv"
).split()

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def default_pyhop():
    for sub in ("target-fast", "target"):
        p = os.path.join(ROOT, sub, "release", "pyhop")
        if os.path.exists(p):
            return p
    return "pyhop"


def embedded_names():
    lib = os.path.join(ROOT, "vm", "lib")
    try:
        return {f[:-3] for f in os.listdir(lib) if f.endswith(".py")}
    except OSError:
        return set()


def pyhop_stdlib_dir(pyhop, extra):
    out = subprocess.run([pyhop, *extra, "-c", "import sys; print(sys._stdlib_dir)"],
                         capture_output=True, text=True, timeout=30)
    d = out.stdout.strip()
    return d if out.returncode == 0 and d and d != "None" else None


def all_modules(stdlib):
    names = []
    for entry in sorted(os.listdir(stdlib)):
        path = os.path.join(stdlib, entry)
        if entry.endswith(".py"):
            name = entry[:-3]
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            name = entry
        else:
            continue
        # Skip what cannot be a module name (e.g. `lib2to3`'s tests are inside) and
        # the test suite, which is not an importable library module.
        if not name.isidentifier() or name in ("test", "idlelib", "__phello__", "this", "antigravity"):
            continue
        names.append(name)
    return names


def last_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


def try_import(pyhop, extra, name, timeout):
    cmd = [pyhop, *extra, "-c", f"import {name}"]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return {"module": name, "ok": False, "status": None, "error": f"timeout after {timeout} s"}
    if p.returncode == 0:
        return {"module": name, "ok": True, "status": 0, "error": ""}
    err = last_line(p.stderr) or last_line(p.stdout) or f"exit status {p.returncode}"
    if p.returncode < 0:
        err = f"killed by signal {-p.returncode}: {err}"
    return {"module": name, "ok": False, "status": p.returncode, "error": err, "where": where(p.stderr)}


def where(stderr):
    """The innermost `File "...", line N` of a traceback (a SyntaxError's own file)."""
    found = re.findall(r'File "([^"]+)", line (\d+)', stderr)
    if not found:
        return ""
    f, line = found[-1]
    return f"{os.path.basename(f) if f.startswith('/') else f}:{line}"


def cause(err):
    """A failure's group: the exception type and its message, with quoted names and
    numbers abstracted except in ModuleNotFoundError (the missing module is the point)."""
    m = re.match(r"([A-Za-z_][A-Za-z0-9_.]*(?:Error|Exception|Exit|Warning|Interrupt)): ?(.*)", err)
    if not m:
        return err[:80]
    kind, msg = m.group(1), m.group(2)
    if kind == "ModuleNotFoundError":
        return f"{kind}: {msg}"[:100]
    msg = re.sub(r"'[^']*'", "'…'", msg)
    msg = re.sub(r"\d+", "N", msg)
    return f"{kind}: {msg}"[:100]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyhop", default=default_pyhop())
    ap.add_argument("--all", action="store_true", help="also every top-level module of the stdlib")
    ap.add_argument("--stdlib", help="the stdlib folder to list for --all (default: pyhop's sys._stdlib_dir)")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--json", metavar="PATH")
    ap.add_argument("--only", help="comma-separated module names instead of the lists")
    ap.add_argument("pyhop_args", nargs="*", help="arguments passed to pyhop before -c")
    args = ap.parse_args()

    extra = args.pyhop_args
    if args.only:
        names = [n for n in args.only.split(",") if n]
    else:
        names = list(ISSUE_LIST)
        if args.all:
            stdlib = args.stdlib or pyhop_stdlib_dir(args.pyhop, extra)
            if not stdlib:
                sys.exit("stdlib_imports.py: pyhop found no standard library (give --stdlib DIR)")
            names += [n for n in all_modules(stdlib) if n not in names]
    embedded = embedded_names()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(lambda n: try_import(args.pyhop, extra, n, args.timeout), names))

    width = max(len(n) for n in names) if names else 10
    for r in results:
        tag = " [embedded]" if r["module"].split(".")[0] in embedded else ""
        r["embedded"] = bool(tag)
        at = f"  (at {r['where']})" if r.get("where") else ""
        print(f"{r['module']:<{width}}  {'ok' if r['ok'] else r['error'] + at}{tag}")

    ok = sum(r["ok"] for r in results)
    print(f"\n{ok} of {len(results)} import ({len(results) - ok} fail)")
    groups = collections.Counter(cause(r["error"]) for r in results if not r["ok"])
    if groups:
        print("\nfailures by cause:")
        for c, n in groups.most_common():
            mods = [r["module"] for r in results if not r["ok"] and cause(r["error"]) == c]
            shown = ", ".join(mods[:8]) + (", …" if len(mods) > 8 else "")
            print(f"  {n:4}  {c}  ({shown})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"pyhop": args.pyhop, "args": extra, "results": results,
                       "summary": {"ok": ok, "total": len(results), "causes": groups.most_common()}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
