# Decorators: plain, with arguments, stacked, class decorators, functools.wraps
import functools
log = []
def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        log.append("call %s%r" % (f.__name__, args))
        r = f(*args, **kwargs)
        log.append("ret %r" % (r,))
        return r
    return wrapper
@trace
def square(x):
    """Square a number."""
    return x * x
print(square(7), square.__name__, square.__doc__, log)
def repeat(times):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Foo:
    pass
@register
class Bar:
    pass
print(list(registry))
order = []
def d(tag):
    order.append("make " + tag)
    def deco(f):
        order.append("apply " + tag)
        return f
    return deco
@d("outer")
@d("inner")
def g():
    pass
print(order)
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@CountCalls
def add(a, b):
    return a + b
add(1, 2); add(3, 4)
print(add(5, 6), add.calls)
@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(90))
def deco_returning_other(f):
    return 42
@deco_returning_other
def replaced():
    pass
print(replaced)
