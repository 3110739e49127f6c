# weakref.proxy: attribute get/set/delete, method calls, operators and
# protocols forwarded to the referent; a callable referent gives a
# CallableProxyType; after the referent dies every use raises ReferenceError;
# proxies are unhashable; the basic proxy is shared; callbacks get the proxy.
import gc
import weakref


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def norm1(self):
        return sum(abs(x) for x in self.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __iter__(self):
        return iter(self.xs)

    def __contains__(self, v):
        return v in self.xs

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    __hash__ = None

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)

    def __str__(self):
        return "<" + ",".join(map(str, self.xs)) + ">"


class Fn:
    def __call__(self, *a, **k):
        return ("called", a, sorted(k.items()))


gc.collect()
gc.disable()

v = Vec(1, -2, 3)
p = weakref.proxy(v)
print(type(p) is weakref.ProxyType, type(p).__name__, weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print("attribute:", p.xs, "method:", p.norm1())
p.extra = "set through proxy"
print("set:", v.extra)
del p.extra
print("deleted:", hasattr(v, "extra"))
print("len/getitem/iter/contains:", len(p), p[0], list(p), 3 in p, 9 in p)
p[0] = 10
print("setitem:", v.xs)
print("add:", p + Vec(1, 1, 1), "str:", str(p), "repr of referent via format:", "%r" % (v,))
print("equality:", p == Vec(10, -2, 3), p == v, p != v)
print("__class__ forwarded:", p.__class__ is Vec, isinstance(p, Vec))
print("basic proxy shared:", weakref.proxy(v) is p, "with callback distinct:", weakref.proxy(v, print) is p)
print("counted by getweakrefcount:", weakref.getweakrefcount(v))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
empty = Vec()
print("bool of proxy (uses __len__):", bool(p), bool(weakref.proxy(empty)))

f = Fn()
cp = weakref.proxy(f)
print(type(cp) is weakref.CallableProxyType, type(cp).__name__)
print(cp(1, 2, k=3))
try:
    p()
except TypeError as e:
    print("TypeError:", e)

log = []
w = Vec(5)
pw = weakref.proxy(w, lambda px: log.append(("callback", type(px).__name__)))
del w
print(log)
for label, op in [("attribute", lambda: pw.xs), ("len", lambda: len(pw)),
                  ("str", lambda: str(pw)), ("setattr", lambda: setattr(pw, "a", 1)),
                  ("getitem", lambda: pw[0]), ("bool", lambda: bool(pw)),
                  ("equality", lambda: pw == 1), ("add", lambda: pw + pw)]:
    try:
        op()
        print(label, "no error")
    except ReferenceError as e:
        print(label, "ReferenceError:", e)
del f
try:
    cp()
except ReferenceError as e:
    print("call ReferenceError:", e)

# Proxy to an object in a cycle: dies at gc.collect().
c = Vec(1)
c.me = c
pc = weakref.proxy(c)
del c
print("before collect:", pc.xs)
gc.collect()
try:
    pc.xs
except ReferenceError as e:
    print("after collect ReferenceError:", e)
gc.enable()
