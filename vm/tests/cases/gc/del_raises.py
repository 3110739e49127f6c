# Exceptions escaping __del__ and weakref callbacks are reported on stderr
# ("Exception ignored in: ...", checked by vm/tests/gc_stderr.rs) and swallowed:
# they never reach the statement that dropped the reference, the other
# finalizers of the same collection still run, the program's stdout goes on and
# the exit status stays 0.
import gc
import sys
import weakref

log = []


class Bad:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("Bad.__del__ " + self.name)
        raise ValueError("from __del__ of " + self.name)


class Good:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("Good.__del__ " + self.name)


gc.collect()
gc.disable()

b = Bad("refcount")
try:
    del b
    print("del statement completed")
except ValueError:
    print("never: the exception does not propagate")
print(log)
log.clear()
print("exc_info after:", sys.exc_info())

# In a cycle, with well-behaved finalizers alongside.
x, y, z = Bad("cycle"), Good("g1"), Good("g2")
x.peer, y.peer, z.peer = y, z, x
del x, y, z
print("collected:", gc.collect() > 0)
print(sorted(log))
log.clear()


def bad_callback(wr):
    log.append("callback")
    raise KeyError("from a weakref callback")


g = Good("weak-target")
w = weakref.ref(g, bad_callback)
del g
print(sorted(log))
log.clear()


# A __del__ raising while another exception is being handled leaves the
# handled exception alone.
try:
    raise RuntimeError("outer")
except RuntimeError as e:
    b = Bad("during-except")
    del b
    print("still handling:", repr(sys.exc_info()[1]))
print(log)
log.clear()

# Errors of a different type, and from a nested call.
class Deep:
    def __del__(self):
        self.helper()

    def helper(self):
        return 1 / 0


d = Deep()
del d
print("after Deep")
gc.enable()
print("end")
