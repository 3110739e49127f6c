# weakref.WeakValueDictionary: a mapping whose entries vanish when their value
# dies (refcount or collector); the mapping methods (len, in, [], get,
# setdefault, pop, popitem, update, del, clear, copy, keys/values/items,
# valuerefs, ==, |, |=) with CPython's results and errors.
import copy
import gc
import weakref


class V:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "V(%s)" % self.name


gc.collect()
gc.disable()

a, b, c = V("a"), V("b"), V("c")
d = weakref.WeakValueDictionary()
d["a"] = a
d["b"] = b
d[3] = c
print(len(d), "a" in d, "z" in d, d["a"], d.get("b"), d.get("z"), d.get("z", "dflt"))
print(sorted(map(str, d)), sorted(map(str, d.keys())), sorted(v.name for v in d.values()))
print(sorted((str(k), v.name) for k, v in d.items()))
print("keys() is a generator:", type(d.keys()).__name__)
del b
print("after del b:", len(d), "b" in d, d.get("b"), sorted(map(str, d)))
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e)

# Rebinding a key to a new value keeps the entry when the old value dies.
old = V("old")
d["k"] = old
new = V("new")
d["k"] = new
del old
print("rebound key survives old value's death:", d["k"])

print("setdefault existing:", d.setdefault("a", V("x")))
keep = V("default")
print("setdefault missing:", d.setdefault("m", keep), d["m"])
print("pop:", d.pop("m"), "m" in d)
print("pop default:", d.pop("m", "none"))
try:
    d.pop("m")
except KeyError as e:
    print("KeyError:", e)
del d[3]
print("after del d[3]:", sorted(map(str, d)))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)

e = V("e")
d.update({"e": e}, f=e)
d.update([("g", e)])
print("update:", sorted(d))
vr = d.valuerefs()
print("valuerefs:", len(vr), all(isinstance(r, weakref.KeyedRef) for r in vr),
      sorted(r.key for r in vr))
print("itervaluerefs:", sorted(r.key for r in d.itervaluerefs()))
del vr
del e
print("after the shared value died:", sorted(d))

cp = d.copy()
print("copy:", type(cp).__name__, sorted(cp), cp == d, copy.copy(d) == d)
dc = copy.deepcopy(d)
print("deepcopy keeps values:", dc["a"] is d["a"], sorted(dc))
print("== dict:", d == {"a": a, "k": new}, d == {"a": a}, d != {"a": a})
print("unhashable (__hash__ is None):", getattr(type(d), "__hash__", 1) is None)
u = d | {"z": c}
print("| dict:", type(u).__name__, sorted(u))
u2 = {"y": c} | d
print("dict |:", type(u2).__name__, sorted(u2))
d |= {"w": c}
print("|=:", sorted(d))

k, v = d.popitem()
print("popitem:", type(k).__name__, type(v).__name__, len(d))
d.clear()
print("clear:", len(d), list(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)

# Collector path: a value in a cycle leaves the mapping at gc.collect().
cyc = V("cyc")
cyc.me = cyc
d["cyc"] = cyc
del cyc
print("before collect:", list(d))
gc.collect()
print("after collect:", list(d), len(d))

# Construction forms.
x, y = V("x"), V("y")
print(sorted(weakref.WeakValueDictionary({"x": x}, y=y)), sorted(weakref.WeakValueDictionary([(1, x)])))
try:
    weakref.WeakValueDictionary({"n": 1})
except TypeError as e:
    print("TypeError:", e)

# The mapping itself does not keep its values alive, nor do they keep it.
holder = weakref.WeakValueDictionary()
wd = weakref.ref(holder)
holder["x"] = x
del holder
print("mapping freed by refcount:", wd() is None, "value alive:", x.name)
gc.enable()
