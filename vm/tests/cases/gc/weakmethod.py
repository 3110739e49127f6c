# weakref.WeakMethod: a weak reference to a bound method that stays alive while
# both the instance and the function are (a plain ref to a bound method dies
# at once); calling it rebuilds an equal bound method; it dies, calling its
# callback once, when either the instance or the function dies; equality and
# hashing; TypeError for things that are not bound methods.
import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def greet(self, who):
        return "%s greets %s" % (self.name, who)

    def other(self):
        return 0


gc.collect()
gc.disable()
log = []

c = C("c")
print("plain ref to a bound method:", weakref.ref(c.greet)())
wm = weakref.WeakMethod(c.greet)
m = wm()
print("WeakMethod:", type(wm).__name__, isinstance(wm, weakref.ref), m("you"), m == c.greet, m is c.greet)
print("__self__/__func__:", m.__self__ is c, m.__func__ is C.greet)
del m
print("alive while c lives:", wm() is not None)

wm_cb = weakref.WeakMethod(c.greet, lambda r: log.append(("callback", r is wm_cb, r())))
del c
print("after the instance died:", wm(), wm_cb(), log)
log.clear()

# The function dying also kills it (and the callback runs once).
class D:
    pass


def f(self):
    return "f"


D.f = f
dobj = D()
wmd = weakref.WeakMethod(dobj.f, lambda r: log.append("function died"))
print("through a class attribute:", wmd()())
del D.f, f
print("after the function died:", wmd(), log)
del dobj
print("instance died later, callback count:", log)
log.clear()

# Equality and hashing.
c = C("eq")
a = weakref.WeakMethod(c.greet)
b = weakref.WeakMethod(c.greet)
o = weakref.WeakMethod(c.other)
print("equal:", a == b, a != b, "different method:", a == o, a != o)
print("hash is the instance's:", hash(a) == hash(b) == hash(c))
# WeakMethod.__eq__ declines a plain ref; the reflected ref.__eq__ compares the
# referents, which are the same instance.
print("vs a plain ref to the instance:", a == weakref.ref(c), a.__eq__(weakref.ref(c)))
c2 = C("eq")
print("other instance:", a == weakref.WeakMethod(c2.greet))
del c
print("dead:", a == b, a == a, a != b)

# Collector path.
c = C("cycle")
c.me = c
wm = weakref.WeakMethod(c.greet, lambda r: log.append("cycle callback"))
del c
print("before collect:", wm() is not None)
gc.collect()
print("after collect:", wm(), log)

for bad in [C.greet, len, 1, C("x")]:
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print("TypeError:", e)
gc.enable()
