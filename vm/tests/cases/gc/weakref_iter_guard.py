# Entries of WeakValueDictionary, WeakKeyDictionary and WeakSet that die while
# the container is being iterated: the iteration goes on (dead entries are
# skipped, no "changed size during iteration" error), the removals are
# committed when the last iteration ends, nested iterations defer them until
# both end, and an abandoned iterator commits them when it is closed or freed.
# A suspended iterator keeps the element it last produced alive.
import gc
import weakref


class O:
    def __init__(self, n):
        self.n = n


gc.collect()
gc.disable()

# WeakValueDictionary, refcount deaths mid-iteration.
vals = [O(i) for i in range(10)]
d = weakref.WeakValueDictionary((i, v) for i, v in enumerate(vals))
seen = []
for k in d:
    seen.append(k)
    if k == 3:
        del vals[5:]
print("values: keys seen:", seen)
print("values: after the loop:", len(d), sorted(d))

seen = []
for k, v in d.items():
    seen.append(v.n)
    if k == 1:
        del vals[3:]
print("values: items seen:", seen, "after:", sorted(d))

# WeakKeyDictionary.
keys = [O(i) for i in range(10)]
kd = weakref.WeakKeyDictionary((k, k.n * 10) for k in keys)
seen = []
for k in kd:
    seen.append(k.n)
    if k.n == 2:
        del keys[6:]
        print("keys: len during iteration:", len(kd))
print("keys: seen:", seen, "after:", len(kd), sorted(k.n for k in kd))
del k  # the loop variable still held the last key
seen = []
for v in kd.values():
    seen.append(v)
    if v == 0:
        del keys[4:]
print("keys: values seen:", seen, "after:", len(kd))

# WeakSet.
elems = [O(i) for i in range(10)]
ws = weakref.WeakSet(elems)
count = 0
for e in ws:
    count += 1
    if count == 1:
        del elems[:]
        print("set: len during iteration:", len(ws))
# The loop variable (and the finished iterator, until it is resumed) kept the
# element being visited alive.
print("set: visited:", count, "after:", len(ws))
del e
print("set: after the loop variable went:", len(ws), list(ws))

# Deaths through the collector while iterating.
elems = [O(i) for i in range(6)]
for e in elems:
    e.me = e
ws = weakref.WeakSet(elems)
vd = weakref.WeakValueDictionary((e.n, e) for e in elems)
del e
visited = 0
for x in ws:
    visited += 1
    if visited == 1:
        del elems[:]
        del x
        gc.collect()
# The element the iterator was holding survived that collection; it is
# unreachable now, but in a cycle.
print("collector: set visited:", visited, "after:", len(ws), "values dict:", len(vd))
gc.collect()
print("collector: after another collection:", len(ws), len(vd))

# Nested iterations: removals wait for the outer one.
elems = [O(i) for i in range(4)]
ws = weakref.WeakSet(elems)
outer = iter(ws)
first = next(outer)
inner_count = 0
for y in ws:
    inner_count += 1
del y
del elems[:]
del first
print("nested: inner done, len:", len(ws), "data still held:", len(ws.data))
rest = list(outer)
print("nested: outer done, len:", len(ws), "data:", len(ws.data), "rest:", len(rest))

# An abandoned iterator commits when closed, or when freed.
vals = [O(i) for i in range(4)]
d = weakref.WeakValueDictionary(enumerate(vals))
it = d.keys()
next(it)
del vals[:]
print("abandoned: entries still stored:", len(d.data))
it.close()
print("after close:", len(d.data))
vals = [O(i) for i in range(4)]
kd = weakref.WeakKeyDictionary((v, 0) for v in vals)
it = iter(kd)
got = next(it)
del got
del vals[:]
print("abandoned keys: len", len(kd), "stored", len(kd.data))
del it
print("after the iterator was freed: len", len(kd), "stored", len(kd.data))
gc.enable()
