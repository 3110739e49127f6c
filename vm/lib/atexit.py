"""atexit for pyhop: functions to call when the interpreter exits.

Implements register(func, *args, **kwargs) (returns func, so it works as a
decorator), unregister(func) (removes every registration of func, compared
with ==), and the private _run_exitfuncs(), _clear() and _ncallbacks() of
CPython 3.11.  Functions run last registered, first called.  As in CPython, the
run covers the functions registered when it starts: one registered by an exit
function is not called (and is forgotten), one unregistered by an exit
function before its turn is skipped.  An exception escaping one is reported on
stderr as CPython does,

    Exception ignored in atexit callback: <repr of func>
    Traceback (most recent call last):
      ...

and the remaining functions still run; the exit status is not changed.

The interpreter has to call _run_exitfuncs() at shutdown, after the main
program ends (normally, by sys.exit or by an uncaught exception) and before
module teardown, when 'atexit' is in sys.modules: this module cannot hook the
exit by itself.

Left out: the per-interpreter state of subinterpreters.
"""

import sys

__all__ = ["register", "unregister"]

# (func, args, kwargs) in registration order; unregister leaves None in the
# slot (CPython's NULL) so that a run in progress keeps its positions.
_callbacks = []


def register(func, *args, **kwargs):
    """Register func to be called with args and kwargs at exit; return func."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of func (a no-op if there is none)."""
    for i, entry in enumerate(_callbacks):
        if entry is not None and entry[0] == func:
            _callbacks[i] = None


def _clear():
    """Forget every registered function."""
    del _callbacks[:]


def _ncallbacks():
    """The number of registration slots (CPython counts unregistered ones too)."""
    return len(_callbacks)


def _run_exitfuncs():
    """Call the registered functions, newest first, then forget all of them."""
    for i in range(len(_callbacks) - 1, -1, -1):
        # An exit function may have called _clear().
        entry = _callbacks[i] if i < len(_callbacks) else None
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            _report(func, exc)
    _clear()


def _report(func, exc):
    err = sys.stderr
    try:
        err.write("Exception ignored in atexit callback: %r\n" % (func,))
        import traceback
        # Start the traceback at the callback: CPython calls it from C, so
        # this module's frame is not shown.
        tb = exc.__traceback__
        if tb is not None and tb.tb_frame.f_code is _run_exitfuncs.__code__:
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb, file=err)
    except BaseException:
        pass
