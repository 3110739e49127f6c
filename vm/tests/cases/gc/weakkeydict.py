# weakref.WeakKeyDictionary: a mapping whose entries vanish when their key dies
# (refcount or collector); keys are looked up by equality through their weak
# references; the mapping methods with CPython's results and errors; len stays
# right after explicit removals (the _dirty_len bookkeeping).
import copy
import gc
import weakref


class K:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "K(%s)" % self.name


class EqKey:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqKey) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


def names(m):
    return sorted(k.name for k in m)


gc.collect()
gc.disable()

a, b, c = K("a"), K("b"), K("c")
d = weakref.WeakKeyDictionary()
d[a] = 1
d[b] = [2]
d[c] = "three"
print(len(d), a in d, K("z") in d, 1 in d, "str" in d, d[a], d.get(b), d.get(K("z")), d.get(K("z"), "dflt"))
print(names(d), names(d.keys()), sorted(map(str, d.values())))
print(sorted((k.name, str(v)) for k, v in d.items()))
print("keys() is a generator:", type(d.keys()).__name__)
del b
print("after del b:", len(d), names(d))
try:
    d[K("missing")]
except KeyError as e:
    print("KeyError raised, argument is a weakref:", isinstance(e.args[0], weakref.ref))
try:
    d[1]
except TypeError as e:
    print("TypeError:", e)
try:
    d.get(1)
except TypeError as e:
    print("TypeError:", e)

# Equal keys find each other; the entry follows the original key's life.
k1, k2 = EqKey(5), EqKey(5)
d[k1] = "five"
print("lookup by an equal key:", d[k2], k2 in d)
d[k2] = "FIVE"
print("assigning through an equal key replaces the value:", d[k1], len(d))
del k2
print("entry still there (k1 alive):", d[EqKey(5)])
del k1
print("gone with k1:", EqKey(5) in d, len(d))

print("setdefault existing:", d.setdefault(a, "x"))
m = K("m")
print("setdefault missing:", d.setdefault(m, "new"), d[m])
print("pop:", d.pop(m), m in d, "len:", len(d))
print("pop default:", d.pop(m, "none"))
try:
    d.pop(m)
except KeyError:
    print("KeyError from pop")
del d[c]
print("after del d[c]:", names(d), len(d))
try:
    del d[c]
except KeyError:
    print("KeyError from del")

e, f = K("e"), K("f")
d.update({e: "E"})
d.update([(f, "F")])
print("update:", names(d), len(d))
kr = d.keyrefs()
print("keyrefs:", len(kr), sorted(r().name for r in kr))
del kr

cp = d.copy()
print("copy:", type(cp).__name__, names(cp), cp == d, copy.copy(d) == d)
dc = copy.deepcopy(d)
print("deepcopy copies values, keeps keys:", dc[a] == d[a], names(dc))
print("== dict:", d == {a: 1, e: "E", f: "F"}, d == {a: 1})
u = d | {c: "C"}
print("| dict:", type(u).__name__, names(u))
d |= {c: "C"}
print("|=:", names(d))
del u, cp, dc

k, v = d.popitem()
print("popitem:", type(k).__name__, len(d))
del k, v
d.clear()
print("clear:", len(d), list(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)

# Collector path.
cyc = K("cyc")
cyc.me = cyc
d[cyc] = "in a cycle"
del cyc
print("before collect:", len(d))
gc.collect()
print("after collect:", len(d), list(d))

# Construction forms and kwargs.
x, y = K("x"), K("y")
print(names(weakref.WeakKeyDictionary({x: 1, y: 2})), names(weakref.WeakKeyDictionary([(x, 1)])))
try:
    weakref.WeakKeyDictionary({1: 2})
except TypeError as e:
    print("TypeError:", e)
gc.enable()
