# dir() of code, frame, generator and coroutine objects lists their attributes.
# Not in pyhop (its bytecode and tables are its own, and generators have no
# finalizer): CPython's adaptive-code, exception-table and line-table views.
import sys
MISSING = {"_co_code_adaptive", "_varname_from_oparg", "co_exceptiontable", "co_linetable", "co_lnotab", "__del__"}
def f(): pass
def g(): yield 1
async def c(): pass
co = c()
for name, o in [("code", f.__code__), ("frame", sys._getframe()), ("generator", g()), ("coroutine", co)]:
    print(name, sorted(set(dir(o)) - set(dir(object())) - MISSING))
    print(all(hasattr(o, n) for n in dir(o) if n not in MISSING))
co.close()
