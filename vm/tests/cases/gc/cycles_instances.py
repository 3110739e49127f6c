# Reference cycles between instances: unreachable once the last outside reference
# goes, freed by gc.collect() (observed through __del__, weakref callbacks and dead
# weakrefs), and never freed while still reachable.
import gc
import weakref

freed = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        freed.append(self.name)


def report(label):
    print(label, sorted(freed))
    freed.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect

# Two instances referring to each other.
a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a)
del a, b
print("after del, before collect:", sorted(freed), wa() is not None)
print("collected something:", gc.collect() > 0)
report("freed:")
print("weakref dead:", wa() is None)

# A cycle through a third object that stays reachable keeps everything alive.
a = Node("a2")
b = Node("b2")
a.other = b
b.other = a
keep = [a]
del a, b
gc.collect()
report("kept alive by a list:")
keep.clear()
gc.collect()
report("after clearing the list:")

# A ring of 5 instances.
ring = [Node("r%d" % i) for i in range(5)]
for i in range(5):
    ring[i].other = ring[(i + 1) % 5]
refs = [weakref.ref(n) for n in ring]
del ring
print("alive before collect:", sum(r() is not None for r in refs))
gc.collect()
print("alive after collect:", sum(r() is not None for r in refs))
report("ring freed:")

# A self-loop.
s = Node("self")
s.other = s
ws = weakref.ref(s, lambda r: print("callback for self-loop, dead:", r() is None))
del s
print("before collect")
gc.collect()
print("after collect")
report("freed:")

# A cycle hanging off an object freed by refcounting: the head goes at once,
# the cycle it pointed to waits for the collector.
head = Node("head")
x = Node("x")
y = Node("y")
x.other = y
y.other = x
head.other = x
del x, y
del head
report("refcount drop:")
gc.collect()
report("then collect:")

# Many independent cycles.
wrs = []
for i in range(200):
    p = Node("p")
    q = Node("q")
    p.other = q
    q.other = p
    wrs.append(weakref.ref(p))
del p, q
gc.collect()
print("pairs alive:", sum(w() is not None for w in wrs), "freed:", len(freed))
freed.clear()
print("garbage:", gc.garbage)
