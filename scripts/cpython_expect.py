#!/usr/bin/env python3
"""Regenerate (or check) the expected results of the differential test corpus.

usage: cpython_expect.py [--check] [--force] [-j N] [PATH ...]

The corpus lives under vm/tests/cases/<area>/.  A case is a NAME.py with a NAME.out
beside it; other .py files there are helper modules imported by the cases.  For each
case this script runs the current interpreter (sys.executable) on it, with the case's
folder as working directory, stdin closed and PYTHONHASHSEED=0, and records:

  NAME.out   stdout, byte for byte
  NAME.err   the last non-empty stderr line  } only when the exit status is not 0;
  NAME.code  the exit status                 } removed again when it becomes 0

This is the convention of ../shared/conformance.  vm/tests/cases.rs compares pyhop's
results against these files under every dispatch engine.

  (no PATH)       regenerate every existing case
  PATH ...        regenerate only these cases or folders; a PATH naming a .py that has
                  no .out yet makes it a new case
  --check         write nothing; compare the committed files with fresh runs, list each
                  mismatch and exit 1 if there is any

The expectations come from CPython 3.11.  On another version the script refuses to
write (and --check skips, exit 0) unless --force is given.  Standard library only.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "vm", "tests", "cases")
TIMEOUT = 10.0
WANT = (3, 11)


def last_nonempty_line(data):
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        if line.strip():
            return line.rstrip()
    return None


def is_case(py):
    return py.endswith(".py") and os.path.isfile(py[:-3] + ".out")


def find_cases(paths):
    """Return (sorted case paths, list of problems)."""
    found, problems = set(), []
    if not paths:
        paths = [CASES]
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for f in filenames:
                    full = os.path.join(dirpath, f)
                    if is_case(full):
                        found.add(full)
        elif p.endswith(".py") and os.path.isfile(p):
            found.add(p)  # explicit: a new case when it has no .out yet
        else:
            problems.append("%s: not a .py file or a folder" % p)
    return sorted(found), problems


def run(py):
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(var, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.run([sys.executable, os.path.basename(py)], cwd=os.path.dirname(py),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    files = {".out": proc.stdout, ".err": None, ".code": None}
    if proc.returncode != 0:
        files[".code"] = b"%d\n" % proc.returncode
        last = last_nonempty_line(proc.stderr)
        if last is not None:
            files[".err"] = last.encode("utf-8") + b"\n"
    return files


def read(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def first_difference(expected, actual):
    if expected is None:
        return "missing, should be %r" % actual[:80]
    if actual is None:
        return "stale, should not exist"
    exp, act = expected.splitlines(), actual.splitlines()
    for i, (e, a) in enumerate(zip(exp, act)):
        if e != a:
            return "line %d: committed %r, CPython %r" % (i + 1, e[:70], a[:70])
    if len(exp) != len(act):
        return "committed %d lines, CPython %d" % (len(exp), len(act))
    return "differs in line endings"


def rel(path):
    return os.path.relpath(path, ROOT)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 on any mismatch")
    parser.add_argument("--force", action="store_true", help="run even when this is not CPython 3.11")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("paths", nargs="*", help="cases or folders (default: all of vm/tests/cases)")
    args = parser.parse_args(argv)

    version = sys.version_info[:2]
    if (sys.implementation.name, version) != ("cpython", WANT) and not args.force:
        msg = "expectations come from CPython %d.%d; this is %s %d.%d (%s)" % (
            WANT + (sys.implementation.name,) + version + (sys.executable,))
        if args.check:
            print("skipped: " + msg)
            return 0
        print("refusing to write: %s; use --force to override" % msg, file=sys.stderr)
        return 2

    cases, problems = find_cases(args.paths)
    for p in problems:
        print("error: " + p, file=sys.stderr)
    if problems:
        return 2
    if not cases:
        print("error: no cases found (a case is a NAME.py with a NAME.out beside it)", file=sys.stderr)
        return 1

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run, cases))

    mismatches, written = [], 0
    for py, files in zip(cases, results):
        if files is None:
            mismatches.append("%s: timed out after %gs under CPython" % (rel(py), TIMEOUT))
            continue
        stem = py[:-3]
        for ext, want in files.items():
            path = stem + ext
            have = read(path)
            if have == want:
                continue
            if args.check:
                mismatches.append("%s: %s" % (rel(path), first_difference(have, want)))
            elif want is None:
                os.remove(path)
                print("removed %s" % rel(path))
                written += 1
            else:
                with open(path, "wb") as fh:
                    fh.write(want)
                print("wrote %s" % rel(path))
                written += 1

    for m in mismatches:
        print("MISMATCH " + m)
    if args.check:
        print("%d cases checked, %d mismatches" % (len(cases), len(mismatches)))
    else:
        print("%d cases run, %d files written or removed, %d problems" % (len(cases), written, len(mismatches)))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
