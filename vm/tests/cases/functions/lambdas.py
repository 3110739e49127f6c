# lambda expressions, higher-order builtins, function objects
sq = lambda x: x * x
print(sq(9), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x, y=3: x + y)(1))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), max([1, -5, 3], key=lambda v: v * v))
import functools, operator
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(operator.add, [], 0))
p = functools.partial(pow, 2)
print(p(10), functools.partial(int, base=2)("1011"))
print(sq.__name__, type(sq).__name__, callable(sq), callable(5))
def f():
    pass
f.attr = "custom"
print(f.attr, f.__name__, f.__qualname__, f.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda n: (lambda f: f(f, n))(lambda self, k: 1 if k == 0 else k * self(self, k - 1)))(6))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print(list(map(operator.itemgetter(1), [(1, "a"), (2, "b")])), operator.attrgetter("real")(5))
def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "up"))
