# weakref.WeakSet: add/discard/remove/pop/clear, len, iteration, membership,
# entries vanishing when their element dies (refcount or collector), the set
# algebra and comparisons with CPython's results and errors.
import gc
import weakref


class E:
    def __init__(self, name):
        self.name = name


def names(s):
    return sorted(x.name for x in s)


gc.collect()
gc.disable()

a, b, c, d = E("a"), E("b"), E("c"), E("d")
s = weakref.WeakSet()
s.add(a)
s.add(b)
s.add(b)
print(len(s), a in s, c in s, 1 in s, "x" in s, names(s))
s.update([c, d])
print("update:", names(s))
s.discard(d)
s.discard(d)
print("discard:", names(s))
s.remove(c)
try:
    s.remove(c)
except KeyError:
    print("KeyError from remove")
try:
    s.add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    s.discard(1)
except TypeError as e:
    print("TypeError:", e)

tmp = E("tmp")
s.add(tmp)
print("with tmp:", len(s))
del tmp
print("after tmp died:", len(s), names(s))

cyc = E("cyc")
cyc.me = cyc
s.add(cyc)
del cyc
print("cycle member before collect:", len(s))
gc.collect()
print("after collect:", len(s), names(s))

p = s.pop()
print("pop:", p.name in ("a", "b"), len(s))
s.add(p)
del p
s2 = s.copy()
print("copy:", type(s2).__name__, names(s2), s2 == s, s2 is s)
s.clear()
print("clear:", len(s), list(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError:", e)

x = weakref.WeakSet([a, b, c])
y = weakref.WeakSet([b, c, d])
print("union:", names(x | y), names(x.union([d])))
print("intersection:", names(x & y), names(x.intersection([a, d])))
print("difference:", names(x - y), names(x.difference([a])))
print("symmetric_difference:", names(x ^ y), names(x.symmetric_difference([a, d])))
print("isdisjoint:", x.isdisjoint(y), x.isdisjoint([d]))
print("subset/superset:", weakref.WeakSet([a]) <= x, x >= weakref.WeakSet([a]),
      x.issubset([a, b, c, d]), x.issuperset([a]), x < y, weakref.WeakSet([a]) < x, x > weakref.WeakSet([a]))
print("equality:", x == weakref.WeakSet([c, b, a]), x == y, x != y, x == {a, b, c})
print("unhashable:", type(x).__hash__ is None)
z = weakref.WeakSet([a, b])
z |= [c]
print("|=:", names(z))
z -= [a]
print("-=:", names(z))
z &= [b, d]
print("&=:", names(z))
z ^= [b, c]
print("^=:", names(z))
z.difference_update([c])
z.intersection_update([a])
print("updates:", names(z), len(z))
z.symmetric_difference_update([a, b])
print("symmetric_difference_update:", names(z))
z -= z
print("z -= z:", len(z))
w = weakref.WeakSet([a])
w ^= w
print("w ^= w:", len(w))

# A set of many elements whose elements all die at once.
many = [E(str(i)) for i in range(100)]
ms = weakref.WeakSet(many)
print("many:", len(ms))
del many
print("after dropping them:", len(ms), list(ms))
gc.enable()
