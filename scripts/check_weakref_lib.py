#!/usr/bin/env python3
"""Run differential cases under CPython with pyhop's own weakref.py.

usage: check_weakref_lib.py [-v] [PATH ...]

vm/lib/weakref.py is pyhop's pure-Python module; it runs on CPython too, since
CPython's _weakref has the API pyhop's native _weakref provides.  (pyhop's
atexit is native, vm/src/builtins/gc.rs, so CPython's own atexit runs here.)
For each case (default: every case in vm/tests/cases/gc/) this script runs the
current interpreter on it with that file installed as sys.modules['weakref']
(nothing else of vm/lib is put on the path, so CPython's other modules stay in
use), in the case's folder, with stdin closed and PYTHONHASHSEED=0, as
scripts/cpython_expect.py does.  The case runs as __main__; when it ends
(normally, by sys.exit or by an uncaught exception) the runner calls
atexit._run_exitfuncs(), the call pyhop's interpreter makes at shutdown.

The result is compared with the case's committed NAME.out / NAME.code /
NAME.err (see vm/tests/cases.rs).  A case that does not use weakref still runs,
which checks the runner itself.  -v prints the first difference of each
failure.  Exit status 1 when any case differs.  Standard library only.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, "vm", "lib")
DEFAULT = os.path.join(ROOT, "vm", "tests", "cases", "gc")
TIMEOUT = 30.0

# Runs in the child: install weakref, run the case as __main__, then
# run pyhop's atexit callbacks the way pyhop's interpreter does at exit.
BOOTSTRAP = r"""
import importlib.util, sys
lib, case = sys.argv[1], sys.argv[2]
def load(name):
    spec = importlib.util.spec_from_file_location(name, lib + "/" + name + ".py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
import atexit as _atexit
load("weakref")
sys.argv = [case]
main = type(sys)("__main__")
main.__file__ = case
main.__builtins__ = __builtins__
sys.modules["__main__"] = main
with open(case, encoding="utf-8") as fh:
    code = compile(fh.read(), case, "exec")
status = 0
try:
    exec(code, main.__dict__)
except SystemExit as e:
    status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    if not isinstance(e.code, (int, type(None))):
        print(e.code, file=sys.stderr)
except BaseException:
    import traceback
    traceback.print_exc()
    status = 1
finally:
    sys.stdout.flush()
    _atexit._run_exitfuncs()
    sys.stdout.flush()
sys.exit(status)
"""


def find(paths):
    found = []
    for p in paths or [DEFAULT]:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for f in sorted(filenames):
                    full = os.path.join(dirpath, f)
                    if f.endswith(".py") and os.path.isfile(full[:-3] + ".out"):
                        found.append(full)
        elif p.endswith(".py") and os.path.isfile(p[:-3] + ".out"):
            found.append(p)
        else:
            print("skipped %s: not a case or a folder" % p, file=sys.stderr)
    return found


def read(path, default=None):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return default


def last_nonempty_line(data):
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def check(py):
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(var, None)
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    try:
        proc = subprocess.run([sys.executable, "-c", BOOTSTRAP, LIB, os.path.basename(py)],
                              cwd=os.path.dirname(py), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timed out after %gs" % TIMEOUT
    stem = py[:-3]
    want_out = read(stem + ".out", b"")
    want_code = int((read(stem + ".code", b"0") or b"0").strip() or 0)
    want_err = read(stem + ".err")
    if proc.stdout != want_out:
        exp, act = want_out.splitlines(), proc.stdout.splitlines()
        for i, (e, a) in enumerate(zip(exp, act)):
            if e != a:
                return "stdout line %d: expected %r, got %r" % (i + 1, e[:70], a[:70])
        return "stdout: expected %d lines, got %d" % (len(exp), len(act))
    if proc.returncode != want_code:
        return "exit status %d, expected %d; stderr ends %r" % (
            proc.returncode, want_code, last_nonempty_line(proc.stderr))
    if want_err is not None:
        got = last_nonempty_line(proc.stderr)
        if got != want_err.decode("utf-8").strip():
            return "last stderr line %r, expected %r" % (got, want_err.decode().strip())
    return None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    cases = find(args.paths)
    if not cases:
        print("error: no cases found", file=sys.stderr)
        return 1
    failed = 0
    for py in cases:
        problem = check(py)
        name = os.path.relpath(py, ROOT)
        if problem is None:
            print("ok   %s" % name)
        else:
            failed += 1
            print("FAIL %s%s" % (name, ": " + problem if args.verbose else ""))
    print("%d passed, %d failed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
