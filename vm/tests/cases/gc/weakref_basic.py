# weakref.ref: calling it gives the referent while alive and None after; the
# callback gets the weakref when the referent dies, on the refcount path and
# on the collector path, newest callback first, and not at all when the weakref
# died first; ref(o) without callback is shared; getweakrefcount/getweakrefs;
# __callback__; hash (the referent's, kept after death once computed) and
# equality (referents while alive, identity once dead).
import gc
import weakref


class C:
    def __init__(self, name="c"):
        self.name = name


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


gc.collect()
gc.disable()
log = []

print(weakref.ref is weakref.ReferenceType, type(weakref.ref(C)).__name__)
o = C("alive")
r = weakref.ref(o)
print(r() is o, r().name)
del o
print("after del:", r())

# Callback on the refcount path.
o = C("rc")
r = weakref.ref(o, lambda wr: log.append(("callback", wr is r, wr())))
del o
print(log)
log.clear()

# Callback on the collector path.
o = C("cyc")
o.me = o
r = weakref.ref(o, lambda wr: log.append(("cycle callback", wr is r, wr())))
del o
print("before collect:", log, r() is not None)
gc.collect()
print("after collect:", log, r())
log.clear()

# Several callbacks: newest first.
o = C()
refs = [weakref.ref(o, lambda wr, i=i: log.append(i)) for i in range(4)]
del o
print("callback order:", log)
log.clear()

# The weakref dies before its referent: no callback.
o = C()
r = weakref.ref(o, lambda wr: log.append("must not run"))
del r
del o
print("dead weakref, no callback:", log)

# Sharing of the basic reference.
o = C()
a, b = weakref.ref(o), weakref.ref(o)
print("ref(o) is ref(o):", a is b, "ref(o, None) too:", weakref.ref(o, None) is a)
cb = lambda wr: None
c1, c2 = weakref.ref(o, cb), weakref.ref(o, cb)
print("with callbacks, distinct:", c1 is c2, c1 is a)
print("getweakrefcount:", weakref.getweakrefcount(o), weakref.getweakrefcount(C()), weakref.getweakrefcount(1))
wrs = weakref.getweakrefs(o)
print("getweakrefs:", type(wrs).__name__, len(wrs), all(any(w is x for w in wrs) for x in (a, c1, c2)))
print("getweakrefs of an int:", weakref.getweakrefs(1))
print("__callback__:", a.__callback__, c1.__callback__ is cb)
del c1, wrs
print("count after one weakref died:", weakref.getweakrefcount(o))
del o
print("after death:", a(), c2(), c2.__callback__)

# Hash.
o = Eq(7)
r = weakref.ref(o)
print("hash equals referent's:", hash(r) == hash(o) == hash(7))
del o
print("hash kept after death:", hash(r) == hash(7))
o = Eq(8)
r = weakref.ref(o)
del o
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)


class Unhashable:
    __hash__ = None


u = Unhashable()
try:
    hash(weakref.ref(u))
except TypeError as e:
    print("TypeError:", e)

# Equality.
x1, x2, y = Eq(1), Eq(1), Eq(2)
r1, r2, ry = weakref.ref(x1), weakref.ref(x2), weakref.ref(y)
print("alive, equal referents:", r1 == r2, r1 != r2, "different:", r1 == ry)
print("a weakref and its referent are not equal:", r1 == x1)
del x1
print("one dead:", r1 == r2, r1 != r2, r1 == r1)
del x2
print("both dead:", r1 == r2, r1 == r1)
try:
    r1 < ry
except TypeError as e:
    print("TypeError:", e)
print("usable as dict keys:", {ry: "y"}[weakref.ref(y)])

# Things that die at once: a temporary and a fresh bound method.
print("temporary:", weakref.ref(C())())
o = C()
print("bound method temporary:", weakref.ref(o.__init__)())
print("function:", weakref.ref(C.__init__)() is C.__init__, "class:", weakref.ref(C)() is C)
s = {1, 2}
fs = frozenset(s)
print("set and frozenset:", weakref.ref(s)() is s, weakref.ref(fs)() is fs)

# Argument errors.
for args in [(), (o, None, 1)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref(o)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(o).attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print("truth of a dead ref:", bool(r1))
gc.enable()
