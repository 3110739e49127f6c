# Weak references and resurrection, CPython 3.11's order.  On the refcount
# path __del__ runs first and weakrefs are cleared only if the object really
# dies: during __del__ they still answer, and a resurrecting __del__ leaves them
# alive (their callbacks run at the real death).  On the collector path the
# weakrefs to the whole unreachable set are cleared and their callbacks run
# before any __del__: a resurrected object has lost its old weakrefs, but new
# ones work.
import gc
import weakref

saved = []
log = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("%s.__del__: weakref answers %s" % (self.name, wr_of[self.name]() is self))
        saved.append(self)


wr_of = {}


def cb(name):
    return lambda r: log.append("%s callback" % name)


gc.collect()
gc.disable()

p = Phoenix("rc")
wr_of["rc"] = weakref.ref(p, cb("rc"))
del p
print(log, "weakref alive after resurrection:", wr_of["rc"]() is saved[0])
log.clear()
saved.clear()
print(log, "weakref after the real death:", wr_of["rc"]())
log.clear()

p = Phoenix("cycle")
p.me = p
wr_of["cycle"] = weakref.ref(p, cb("cycle"))
del p
gc.collect()
print(log)
log.clear()
print("resurrected:", saved[0].name, "old weakref:", wr_of["cycle"]())
fresh = weakref.ref(saved[0], cb("fresh"))
print("new weakref works:", fresh() is saved[0])
saved.clear()
gc.collect()
print(log, "new weakref after the real death:", fresh())
log.clear()


# An object that is not resurrected itself but reachable from a resurrected one
# also lost its weakrefs in that collection.
class Plain:
    pass


class Keeper:
    def __del__(self):
        saved.append(self)


k = Keeper()
k.me = k
k.friend = Plain()
wf = weakref.ref(k.friend, lambda r: log.append("friend callback"))
del k
gc.collect()
print(log, "friend alive:", type(saved[0].friend).__name__, "its weakref:", wf())
saved.clear()
gc.collect()
print("done")
gc.enable()
