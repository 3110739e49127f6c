# Python-to-Python calls that run as chained frames (interp/chain.rs): recursion
# deeper than the native stack would allow, exceptions through chained frames,
# frames that escape, finalizers at return, tracing switched on inside a chain.
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

old = sys.getrecursionlimit()
sys.setrecursionlimit(60000)
print("deep", depth(50000))
sys.setrecursionlimit(old)

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("after", depth(500))

# An exception unwinds chained frames, running their finally blocks in order.
log = []
def a():
    try:
        return b()
    finally:
        log.append("a")
def b():
    try:
        return c()
    finally:
        log.append("b")
def c():
    raise KeyError("k")
try:
    a()
except KeyError as e:
    tb, names = e.__traceback__, []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("unwound", log, names, [tb_line for tb_line in (e.__traceback__.tb_lineno,)])

# A handler in a middle frame.
def mid():
    try:
        c()
    except KeyError:
        return "mid caught"
def top():
    return mid() + "!"
print(top())

# Context chaining across chained frames.
def raiser():
    raise ValueError("inner")
def handler():
    try:
        raise TypeError("outer")
    except TypeError:
        raiser()
try:
    handler()
except ValueError as e:
    print("context", repr(e.__context__))

# Frames seen from inside a chain, and a frame object that outlives its call.
def who():
    f = sys._getframe()
    out = []
    while f and len(out) < 4:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out
def one():
    return who()
def two():
    return one()
print(two())
def keep(x):
    y = x * 2
    return sys._getframe()
fr = keep(21)
print("escaped", fr.f_locals["y"], fr.f_code.co_name, fr.f_lineno)

# A finalizer that runs when a chained frame's locals go away.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def make():
    d = D("local")
    return 1
print("make", make())

# Methods, closures and bound methods chain too.
class P:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def twice(self):
        return self.get() + self.get()
def outer(k):
    def inner(x):
        return x + k
    return inner
print(P(4).twice(), outer(10)(5))
m = P(7).get
print(m())

# Generators call chained functions and are not chained themselves.
def sq(x):
    return x * x
def gen(n):
    for i in range(n):
        yield sq(i)
print(list(gen(5)))

# Tracing switched on inside a chained frame traces new calls only.
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name))
    return tracer
def leaf():
    return 1
def start_tracing():
    sys.settrace(tracer)
    return leaf()
def driver():
    r = start_tracing()
    return r + leaf()
driver()
sys.settrace(None)
print(events)

# A function whose __code__ is replaced between calls.
def f1():
    return "f1"
def f2():
    return "f2"
def call_f1():
    return f1()
print(call_f1())
f1.__code__ = f2.__code__
print(call_f1())

# Errors raised by the call itself: wrong argument counts are not chained.
def two_args(a, b):
    return a + b
try:
    two_args(1)
except TypeError as e:
    print(e)
