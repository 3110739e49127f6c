# The gc module's API: enable/disable, thresholds, counts, stats, debug flags,
# get_objects / get_referents / get_referrers, is_finalized, garbage, freeze.
# Only what CPython's object layout does not decide is printed: booleans,
# types and key sets rather than counts.
import gc

print("enabled:", gc.isenabled())
gc.disable()
print("after disable:", gc.isenabled())
gc.enable()
print("after enable:", gc.isenabled())
gc.disable()
gc.disable()
print("disable twice:", gc.isenabled())
gc.enable()

print("default threshold:", gc.get_threshold())
gc.set_threshold(100)
print("set_threshold(100):", gc.get_threshold())
gc.set_threshold(200, 5)
print("set_threshold(200, 5):", gc.get_threshold())
gc.set_threshold(300, 6, 7)
print("set_threshold(300, 6, 7):", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
for args in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print("TypeError:", e)

count = gc.get_count()
print("get_count:", type(count).__name__, len(count), all(type(c) is int for c in count))

print("collect returns int:", type(gc.collect()).__name__,
      type(gc.collect(0)).__name__, type(gc.collect(1)).__name__,
      type(gc.collect(2)).__name__, type(gc.collect(generation=2)).__name__)
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("2")
except TypeError as e:
    print("TypeError:", e)

# Allocating tracked objects raises the generation-0 count (no collection can
# intervene: automatic collection is off).
gc.collect()
gc.disable()
before = gc.get_count()[0]
junk = [[] for _ in range(100)]
print("count grows with allocations:", gc.get_count()[0] > before)
gc.collect()
print("count after collect below threshold:", gc.get_count()[0] < gc.get_threshold()[0])
del junk

stats = gc.get_stats()
print("get_stats:", type(stats).__name__, len(stats), [sorted(s) for s in stats])
print("debug flags:", gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE,
      gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

print("garbage:", type(gc.garbage).__name__, gc.garbage)


class C:
    pass


x = C()
print("fresh object in get_objects():", any(o is x for o in gc.get_objects()))
print("fresh object in generation 0:", any(o is x for o in gc.get_objects(0)))
gc.collect()
print("after collect, in generation 2:", any(o is x for o in gc.get_objects(2)),
      "in generation 0:", any(o is x for o in gc.get_objects(0)))
n = 12345678
d = {}
print("untracked values not listed:", any(o is n for o in gc.get_objects()),
      any(o is d for o in gc.get_objects()))
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)

items = [x, "s", 42, (1, 2)]
refs = gc.get_referents(items)
print("get_referents of a list:", type(refs).__name__,
      all(any(r is i for r in refs) for i in items))
dd = {"key": x}
print("get_referents of a dict holds the value:", any(r is x for r in gc.get_referents(dd)))
print("get_referents of an int:", gc.get_referents(5))
print("get_referents of several:", len(gc.get_referents([1], [2])))
holder = [x]
print("get_referrers finds the list:", any(r is holder for r in gc.get_referrers(x)))

saved = []


class Res:
    def __del__(self):
        saved.append(self)


r = Res()
print("is_finalized before:", gc.is_finalized(r))
del r
print("is_finalized after __del__ ran:", gc.is_finalized(saved[0]))
print("is_finalized of a plain object:", gc.is_finalized(x), gc.is_finalized(1))
saved.clear()

# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being freed.
a, b = C(), C()
a.peer, b.peer = b, a
gc.set_debug(gc.DEBUG_SAVEALL)
print("get_debug:", gc.get_debug() == gc.DEBUG_SAVEALL)
del a, b
gc.collect()
print("saved in garbage:", sum(type(o) is C for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
print("garbage after clear:", gc.garbage)


# freeze: frozen objects are ignored by collections until unfreeze.
freed = []


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


p, q = Noisy("p"), Noisy("q")
p.peer, q.peer = q, p
del p, q
gc.freeze()
print("freeze count positive:", gc.get_freeze_count() > 0)
gc.collect()
print("frozen cycle survived collection:", freed)
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
gc.collect()
print("freed after unfreeze:", sorted(freed))
gc.enable()
