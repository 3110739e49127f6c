# Subclasses of weakref.ref: extra attributes (through __slots__ as KeyedRef
# does, or a __dict__), a custom __new__/__init__ and __call__; subclass
# instances are never shared with the basic ref; the callback receives the
# subclass instance; weakref.KeyedRef itself.
import gc
import weakref


class Obj:
    pass


class Tagged(weakref.ref):
    __slots__ = ("tag",)

    def __new__(cls, ob, tag, callback=None):
        self = super().__new__(cls, ob, callback)
        self.tag = tag
        return self

    def __init__(self, ob, tag, callback=None):
        super().__init__(ob, callback)


class WithDict(weakref.ref):
    def describe(self):
        return "WithDict(%s, alive=%s)" % (self.note, self() is not None)


class Deref(weakref.ref):
    def __call__(self):
        target = super().__call__()
        return "dead" if target is None else "alive"


gc.collect()
gc.disable()
log = []

o = Obj()
t = Tagged(o, "first", lambda r: log.append(("callback", type(r).__name__, r.tag)))
print(type(t).__name__, isinstance(t, weakref.ref), t() is o, t.tag)
try:
    t.other = 1
except AttributeError as e:
    print("AttributeError:", e)
w = WithDict(o)
w.note = "free-form"
print(w.describe(), sorted(vars(w)))
print("basic ref is separate:", weakref.ref(o) is not t, weakref.ref(o) is not w, WithDict(o) is not w)
print("getweakrefcount:", weakref.getweakrefcount(o))
print("getweakrefs holds the subclass instances:", any(r is t for r in weakref.getweakrefs(o)),
      any(r is w for r in weakref.getweakrefs(o)))
d = Deref(o)
print("custom __call__:", d())
print("equality with the basic ref:", t == weakref.ref(o), hash(t) == hash(o))
del o
print(log, "after death:", t(), t.tag, w.describe(), d())
log.clear()

kr = weakref.KeyedRef(Obj, lambda r: None, "key-1")
print("KeyedRef:", type(kr).__name__, kr.key, kr() is Obj, isinstance(kr, weakref.ref))
try:
    kr.other = 1
except AttributeError as e:
    print("AttributeError:", e)
o = Obj()
kr = weakref.KeyedRef(o, lambda r: log.append(("keyed callback", r.key)), ("tuple", "key"))
del o
print(log)
log.clear()
try:
    weakref.KeyedRef(Obj())
except TypeError as e:
    print("TypeError:", e)

# A subclass instance as a dict key and in a cycle.
c = Obj()
c.me = c
tc = Tagged(c, "cycle", lambda r: log.append(("cycle callback", r.tag)))
registry = {tc: "value"}
del c
gc.collect()
print(log, "still a usable key after death:", registry[tc])
gc.enable()
