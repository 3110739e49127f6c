# functools: reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key,
# cached_property, singledispatch
import functools
from functools import reduce, partial, lru_cache, wraps, total_ordering
import operator


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(operator.mul, range(1, 8), 10))
print(reduce(lambda acc, s: acc + s.upper(), "abc", ">"))
print(attempt(reduce, operator.add, []))
print(attempt(reduce, operator.add, 5))
print(reduce(max, [3, 9, 2], 0), reduce(operator.add, [], "empty"))

# partial
def describe(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, sorted(kw.items()))

p = partial(describe, 1, c=3)
print(p(2), p(2, c=4), p(2, z=1))
print(p.func is describe, p.args, p.keywords)
pp = partial(p, 9, d=4)
print(pp.func is describe, pp.args, sorted(pp.keywords.items()), pp())
print(repr(partial(max, 1, key=abs)))
print(repr(partial(partial(min, 5), 6)))
print(attempt(partial, 5), attempt(partial))
int2 = partial(int, base=2)
print(int2("1011"), int2("11", base=10))
print(list(map(partial(pow, 2), range(8))))


class Bin(partial):
    pass

print(repr(Bin(max, 1, 2)), Bin(max, 1, 2)(7))

# lru_cache
calls = []


@lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x

print([square(i) for i in [1, 2, 3, 1, 4, 2, 5, 1, 1, 3]])
print(calls)
print(square.cache_info())
print(square.cache_info().hits, square.cache_info()._fields)
square.cache_clear()
print(square.cache_info(), square.cache_parameters())
print(square.__name__, square.__wrapped__(12))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())


@lru_cache(maxsize=None, typed=True)
def kind(x, y=1):
    return (x, y, type(x).__name__)

print(kind(1), kind(1.0), kind(1, y=2), kind(x=1), kind(1))
print(kind.cache_info())


@functools.cache
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)

print(max(range(1, 300), key=collatz), collatz.cache_info().currsize > 100)


@lru_cache(0)
def nocache(x):
    return x + 1

print(nocache(1), nocache(1), nocache.cache_info())
print(attempt(lru_cache, "big"))


class Account:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=8)
    def scaled(self, k):
        return self.n * k

a1, a2 = Account(2), Account(3)
print(a1.scaled(5), a2.scaled(5), a1.scaled(5), Account.scaled.cache_info())

# wraps / update_wrapper
def logged(fn):
    @wraps(fn)
    def inner(*args):
        return ("logged", fn(*args))
    return inner


@logged
def add3(a, b, c):
    "Add three numbers."
    return a + b + c

add3.tag = "t"
print(add3(1, 2, 3), add3.__name__, add3.__doc__, add3.__qualname__, add3.__wrapped__(1, 1, 1))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def plain():
    pass

plain.marker = 42
def wrapper():
    pass
functools.update_wrapper(wrapper, plain)
print(wrapper.__name__, wrapper.marker, wrapper.__wrapped__ is plain)


# total_ordering
@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2)]
print(sorted(vs), max(vs), min(vs))
print(Version(1) > Version(0, 9), Version(1) >= Version(1), Version(2) <= Version(1), Version.__gt__.__name__)


@total_ordering
class Rank:
    def __init__(self, r):
        self.r = r

    def __eq__(self, other):
        return self.r == other.r

    def __gt__(self, other):
        return self.r > other.r

print(Rank(1) < Rank(2), Rank(3) <= Rank(3), Rank(5) >= Rank(9))
try:
    total_ordering(type("NoOrder", (), {}))
except ValueError as e:
    print("ValueError:", e)

# cmp_to_key
def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)

words = ["pear", "fig", "apple", "kiwi", "date", "plum", "banana"]
print(sorted(words, key=functools.cmp_to_key(by_length_then_reverse)))
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4), min([5, 3, 8], key=K))


# cached_property
class Circle:
    computed = 0

    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        "The area."
        Circle.computed += 1
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area, Circle.computed, "area" in c.__dict__)
c.area = 1
print(c.area, Circle.computed, type(Circle.area).__name__, Circle.area.__doc__)
del c.area
print(c.area, Circle.computed)


# singledispatch
@functools.singledispatch
def show(x):
    return "object " + repr(x)


@show.register(int)
def _(x):
    return "int %d" % x


@show.register
def _(x: list):
    return "list of %d" % len(x)


show.register(str, lambda x: "str " + x)
print(show(5), show(True), show([1, 2]), show("s"), show(2.5), show(None))
print(show.dispatch(bool) is show.dispatch(int), show.dispatch(float) is show.registry[object])
try:
    show()
except TypeError as e:
    print("TypeError:", e)
