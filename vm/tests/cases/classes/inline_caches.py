# Inline caches (quickening) must never return a stale answer: every guard is
# attacked here after the sites warmed up and specialised.
import math
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def call_norm(o):
    return o.norm()


def warm(f, *args):
    r = None
    for _ in range(200):
        r = f(*args)
    return r


p = P(3, 4)
print("warm", warm(get_x, p), warm(call_norm, p))
warm(set_x, p, 5)
print("after stores", p.x, p.__dict__)

# A data descriptor added to the class wins over the instance value.
P.x = property(lambda self: "prop")
print("property", get_x(p), warm(get_x, p))
del P.x
print("property gone", get_x(p))

# The method replaced on the class; then shadowed by the instance.
P.norm = lambda self: "new norm"
print("replaced", call_norm(p), warm(call_norm, p))
p.norm = lambda: "instance norm"
print("shadowed", call_norm(p))
del p.norm
print("unshadowed", call_norm(p))


# A base class changes under a subclass's specialised sites.
class Base:
    def who(self):
        return "base"


class Sub(Base):
    pass


s = Sub()


def who(o):
    return o.who()


print("sub", warm(who, s))
Base.who = lambda self: "base v2"
print("base changed", who(s))
Sub.who = lambda self: "sub own"
print("sub changed", who(s))

# Shapes: other attribute orders, deletion from the middle, __dict__ asked for.
a = P(1, 2)
b = P.__new__(P)
b.y = 20
b.x = 10
print("orders", warm(get_x, a), get_x(b), [get_x(o) for o in (a, b, a, b)])
del a.x
try:
    get_x(a)
except AttributeError as e:
    print("deleted:", e)
a.x = 7
print("re-added", get_x(a), a.__dict__)
d = b.__dict__
d["x"] = "via dict"
print("dict write", get_x(b))
set_x(b, "via store")
print("dict read", d["x"])

# __setattr__ and __getattr__ added after stores specialised.
q = P(0, 0)
warm(set_x, q, 1)
log = []
P.__setattr__ = lambda self, k, v: log.append((k, v))
set_x(q, 99)
print("setattr hook", q.x, log)
del P.__setattr__
set_x(q, 100)
print("setattr gone", q.x)
P.__getattr__ = lambda self, k: "fallback " + k
del q.x
print("getattr", get_x(q))
del P.__getattr__


# Slots: the fixed part; an unset slot raises.
class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


sl = S()
print("slots", warm(get_x, sl))
warm(set_x, sl, 2)
print("slot stored", sl.x)
del sl.x
try:
    get_x(sl)
except AttributeError as e:
    print("unset slot:", e)

# Many classes through one site: misses fall back, answers stay right.
total = 0
for i in range(300):
    K = type("K%d" % i, (), {"x": i})
    k = K()
    k.x = i * 2
    total += get_x(k)
print("megamorphic", total)

# Modules: attribute loads and method loads, then the module changes.
def pi():
    return math.pi


def floor(v):
    return math.floor(v)


print("module", warm(pi), warm(floor, 2.5))
saved = math.pi
math.pi = 3
print("module changed", pi())
math.new_name = 1
del math.new_name
math.pi = saved
print("module restored", pi())
math.floor = lambda v: "patched"
print("module method", floor(1.5))


# Built-in methods through LOAD_METHOD.
def app(l, v):
    l.append(v)
    return len(l)


lst = []
print("builtin", warm(app, lst, 1))
print("list subclass", app(type("L", (list,), {"append": lambda self, v: "own"})(), 1))
print("tuple", (lambda t: t.count(1))((1, 2, 1)))
print("done", hasattr(sys, "implementation"))
