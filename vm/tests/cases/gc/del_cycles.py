# __del__ of objects in cycles (PEP 442): nothing runs until gc.collect(), which
# calls every finalizer of the unreachable set once, before any of them is torn
# down (so a __del__ still sees its partners' attributes), then frees them all:
# gc.garbage stays empty.  Objects hanging off the cycle are freed with it.
# gc.collect() works while automatic collection is disabled.  The order of
# finalizers within one collection is not defined, so names are sorted.
import gc

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        peer = self.peer.name if self.peer is not None else None
        log.append("%s(peer=%s)" % (self.name, peer))


def show(label):
    print(label, sorted(log))
    log.clear()


gc.collect()
gc.disable()

a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
del a, b
show("before collect:")
print("collected:", gc.collect() > 0)
show("after collect:")
print("garbage:", gc.garbage)

# Three-node cycle with a dangling tail that is not in the cycle.
n = [Node("c%d" % i) for i in range(3)]
for i in range(3):
    n[i].peer = n[(i + 1) % 3]
tail = Node("tail")
n[0].tail = tail
tail.peer = Node("tail-peer")
del tail
del n
gc.collect()
show("cycle with tail:")

# Finalizers run once even when gc.collect() is called again.
a, b = Node("once-a"), Node("once-b")
a.peer, b.peer = b, a
del a, b
gc.collect()
gc.collect()
show("two collections:")

# __del__ that reads its partner during collection: partner not yet cleared.
class Pair:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3

    def __del__(self):
        log.append("%s sees %s" % (self.name, self.partner.data))


p, q = Pair("p"), Pair("q")
p.partner, q.partner = q, p
del p, q
gc.collect()
show("partners intact:")

# A finalizer-bearing object reachable only from a finalizer-less cycle.
class Plain:
    pass


x, y = Plain(), Plain()
x.other, y.other = y, x
x.owned = Node("owned-by-plain-cycle")
del x, y
show("plain cycle before collect:")
gc.collect()
show("plain cycle after collect:")

gc.enable()
print("garbage:", gc.garbage)
