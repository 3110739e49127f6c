# Class calls whose __init__ runs as a chained frame (interp/chain.rs try_construct):
# every way the cached "plain class" answer could go stale or be wrong.
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    return [P(i, -i) for i in range(n)]


ps = make(50)
print(len(ps), ps[7].x, ps[7].y, type(ps[0]).__name__)


# __init__ replaced after the class was called many times: the new one runs.
def new_init(self, x, y):
    self.x = x * 10
    self.y = "patched"


P.__init__ = new_init
print(make(3)[2].x, make(3)[2].y)


# A base's __init__ replaced: the subclass sees it.
class Base:
    def __init__(self, v):
        self.v = v


class Sub(Base):
    pass


print([Sub(i).v for i in range(30)][-1])
Base.__init__ = lambda self, v: setattr(self, "v", v + 1000)
print(Sub(1).v)


# A __new__ added later takes over.
class N:
    def __init__(self, a):
        self.a = a


for i in range(20):
    N(i)


def n_new(cls, a):
    print("new", a)
    return object.__new__(cls)


N.__new__ = n_new
print(N(5).a)


# __init__ returning something else than None.
class Bad:
    def __init__(self, r):
        self.r = r
        # the frame's result is checked, not a local
        return r


for i in range(20):
    Bad(None)
try:
    Bad(3)
except TypeError as e:
    print("TypeError:", e)
try:
    Bad("s")
except TypeError as e:
    print("TypeError:", e)


# self reassigned inside __init__: the call still returns the new instance.
class Reassign:
    def __init__(self):
        self.tag = "mine"
        self = None


print([Reassign().tag for _ in range(20)][-1])


# An exception inside __init__ unwinds the chained frame; the instance is dropped.
class Raises:
    def __init__(self, k):
        if k == 3:
            raise ValueError("k is 3")
        self.k = k


out = []
for k in range(6):
    try:
        out.append(Raises(k).k)
    except ValueError as e:
        out.append(str(e))
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        out.append(names)
print(out)


# The frame of __init__ has the caller as f_back.
class Looks:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def outer():
    return Looks().caller


print([outer() for _ in range(20)][-1])


# Deep recursion through class calls: RecursionError, then recovery.
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 10**6 else None


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print(Deep.__name__, len(make(5)))


# Closures as __init__ and keyword calls (not chained) agree.
def maker(scale):
    class Scaled:
        def __init__(self, v):
            self.v = v * scale
    return Scaled


S = maker(3)
print([S(i).v for i in range(20)][-1], S(v=2).v)


# Metaclass other than type: its __call__ runs.
class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(WithMeta(1).a)


# Wrong argument counts raise CPython's errors.
try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


# An abstract class stays uninstantiable.
import abc


class A(abc.ABC):
    def __init__(self):
        pass

    @abc.abstractmethod
    def m(self):
        pass


try:
    A()
except TypeError as e:
    print("TypeError:", e)


# Instances made this way are collected with their cycles.
import gc


class Node:
    def __init__(self, other):
        self.other = other


gc.collect()
for i in range(100):
    a = Node(None)
    b = Node(a)
    a.other = b
del a, b
print(gc.collect() >= 200)
