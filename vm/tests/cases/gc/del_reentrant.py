# Re-entrancy: gc.collect() called from inside __del__ (on the refcount path and
# during a collection) and from inside a weakref callback does not crash and
# returns an int; finalizers that run during a collection may mutate dicts and
# lists (including ones the garbage refers to), break the cycle they are in,
# allocate heavily and create new cycles, which a later collection frees.
import gc
import weakref

log = []
registry = {}
bag = []


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(self.name)


def show(label):
    print(label, sorted(log))
    log.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect


class CollectsOnDel:
    def __del__(self):
        log.append("collector-del start")
        n = gc.collect()
        log.append("inner collect returned " + type(n).__name__)


# Refcount path: the inner gc.collect() frees a pending cycle.
a, b = Node("pending-a"), Node("pending-b")
a.peer, b.peer = b, a
del a, b
c = CollectsOnDel()
del c
show("gc.collect() in __del__ (refcount):")

# Collector path: the finalizer calls gc.collect() while a collection runs.
c = CollectsOnDel()
c.me = c
del c
gc.collect()
show("gc.collect() in __del__ (cycle):")


# A weakref callback that collects.
def cb(wr):
    log.append("callback start")
    n = gc.collect()
    log.append("callback collect returned " + type(n).__name__)


a, b = Node("cb-a"), Node("cb-b")
a.peer, b.peer = b, a
target = Node("target")
w = weakref.ref(target, cb)
del a, b
del target
show("gc.collect() in weakref callback (refcount):")

t = Node("target2")
t.me = t
w = weakref.ref(t, cb)
del t
gc.collect()
show("gc.collect() in weakref callback (cycle):")


class Mutator:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        # Grow and shrink shared containers while the collector runs.
        for i in range(1000):
            registry[(self.name, i)] = [i]
        for i in range(0, 1000, 2):
            del registry[(self.name, i)]
        bag.extend(range(100))
        del bag[:50]
        # Break our own cycle and our partner's.
        if self.peer is not None:
            self.peer.peer = None
            self.peer = None
        # Make new garbage: a fresh cycle with a finalizer.
        x, y = Node("new-" + self.name + "-x"), Node("new-" + self.name + "-y")
        x.peer, y.peer = y, x
        log.append("mutator " + self.name)


m1, m2 = Mutator("m1"), Mutator("m2")
m1.peer, m2.peer = m2, m1
m1.items = bag
del m1, m2
gc.collect()
show("mutators ran:")
print("registry size:", len(registry), "bag size:", len(bag))
gc.collect()
show("new cycles freed later:")


class ClearsList:
    def __init__(self, box):
        self.box = box

    def __del__(self):
        log.append("clearing a list of %d" % len(self.box))
        self.box.clear()


box = [Node("boxed-%d" % i) for i in range(3)]
cl = ClearsList(box)
box.append(cl)
del box, cl
gc.collect()
show("finalizer cleared a list in the garbage:")
print("garbage:", gc.garbage)
