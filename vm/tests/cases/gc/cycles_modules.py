# Cycles through module dicts: a function's __globals__ is the dict that holds the
# function.  A namespace built by exec() and dropped, and an imported module
# removed from sys.modules and from the importer, are freed by gc.collect();
# the module object itself goes by refcount, its dict waits for the collector.
import builtins
import gc
import sys
import weakref

log = []
builtins.gc_module_log = log


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def check(label):
    print(label, "before:", sorted(log))
    gc.collect()
    print(label, "after:", sorted(log))
    log.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect

ns = {"Marker": Marker}
exec("m = Marker('exec-namespace')\n"
     "def get():\n"
     "    return m\n"
     "class K:\n"
     "    def meth(self):\n"
     "        return m\n", ns)
print(ns["get"]().name, ns["K"]().meth().name, ns["get"].__globals__ is ns)
wget = weakref.ref(ns["get"])
wk = weakref.ref(ns["K"])
get = ns["get"]
del ns
check("namespace still reachable through a function:")
del get
check("namespace dropped:")
print("function and class alive:", wget() is not None, wk() is not None)

import gcmod_helper
print(gcmod_helper.func() is gcmod_helper.resource, gcmod_helper.table["func"] is gcmod_helper.func)
wmod = weakref.ref(gcmod_helper)
wfunc = weakref.ref(gcmod_helper.func)
del sys.modules["gcmod_helper"]
del gcmod_helper
print("module alive:", wmod() is not None, "function alive:", wfunc() is not None)
check("module removed:")
print("function alive:", wfunc() is not None)
del builtins.gc_module_log
