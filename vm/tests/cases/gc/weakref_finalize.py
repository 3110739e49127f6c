# weakref.finalize while the program runs: the function runs once, with its
# arguments, when the object dies (refcount or collector path); alive, peek,
# detach, the atexit flag; calling the finalizer early runs it once and returns
# its result; several finalizers of one object run newest first; a finalizer
# does not keep its object alive.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


def report(*args, **kwargs):
    print("finalizer:", args, sorted(kwargs.items()))
    return "result"


gc.collect()
gc.disable()

o = Obj("o")
f = weakref.finalize(o, report, "o", 1, key="v")
print("alive:", f.alive, "atexit:", f.atexit)
obj, func, args, kwargs = f.peek()
print("peek:", obj is o, func is report, args, kwargs)
print("before del")
del o, obj
print("after del, alive:", f.alive, "peek:", f.peek(), "call again:", f())

o = Obj("early")
f = weakref.finalize(o, report, "early")
print("early call returns:", f())
print("alive:", f.alive, "second call:", f())
del o
print("nothing more at death")

o = Obj("detach")
f = weakref.finalize(o, report, "detach")
obj, func, args, kwargs = f.detach()
print("detach:", obj is o, func is report, args, kwargs, "alive:", f.alive)
print("detach again:", f.detach(), "peek:", f.peek())
del o, obj
print("detached: nothing at death")

o = Obj("flag")
f = weakref.finalize(o, report, "flag")
f.atexit = False
print("atexit set False:", f.atexit)
f.atexit = 1
print("atexit set 1:", f.atexit)
f.detach()
print("atexit of a dead finalizer:", f.atexit)
f.atexit = True
print("still:", f.atexit)
del o

o = Obj("multi")
fs = [weakref.finalize(o, print, "multi", i) for i in range(3)]
del o
print("alive after death:", [x.alive for x in fs])

c = Obj("cycle")
c.me = c
f = weakref.finalize(c, report, "cycle")
del c
print("before collect, alive:", f.alive)
gc.collect()
print("after collect, alive:", f.alive)


# A finalizer holding a bound method of the object would keep it alive: the
# documented pitfall. Holding a plain value does not.
class Res:
    def __init__(self):
        self.handle = "h1"
        self._fin = weakref.finalize(self, Res._close, self.handle)

    @staticmethod
    def _close(handle):
        print("closing", handle)


r = Res()
wr = weakref.ref(r)
del r
print("resource freed:", wr() is None)

o = Obj("kw")
f = weakref.finalize(o, dict, a=1)
print("kwargs-only call:", sorted(f().items()))
try:
    weakref.finalize(1, print)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.finalize(o)
except TypeError as e:
    print("TypeError:", e)
gc.enable()
print("end")
