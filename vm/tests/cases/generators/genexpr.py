# Generator expressions and lazy iteration builtins
squares = (x * x for x in range(10))
print(sum(squares), sum(squares))
evens = (n for n in range(20) if n % 2 == 0)
print(next(evens), next(evens), list(evens))
pairs = ((a, b) for a in range(3) for b in "xy")
print(list(pairs))
print(max(len(s) for s in ["a", "abcd", "ab"]), "".join(c.upper() for c in "abc"))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
print(list(zip(range(3), (c for c in "abcdef"))), dict(zip("ab", range(2))))
print(list(enumerate(x for x in "xy")), sorted((v % 5 for v in range(12)), reverse=True))
print(any(x > 3 for x in [1, 5, 2]), all(x for x in []), min((x for x in [4, 2, 8]), default=0))
g = (i for i in range(3))
print(type(g).__name__, list(map(str, g)))
calls = []
def noisy(v):
    calls.append(v)
    return v
lazy = (noisy(v) for v in range(5))
print(calls)
print(next(lazy), calls)
import itertools
print(list(itertools.islice((n ** 2 for n in itertools.count(1)), 5)))
print(list(itertools.takewhile(lambda v: v < 10, (n * 3 for n in range(100)))))
print(list(itertools.chain((1, 2), (x for x in "ab"))), list(itertools.accumulate(n for n in range(6))))
print(list(reversed([n for n in range(4)])), list(filter(str.isdigit, (c for c in "a1b2"))))
x = 10
g2 = (x + i for i in range(3))
x = 20
print(list(g2))
g3 = (i for i in range(x) if i > 17)
print(list(g3))
try:
    list(1 / (n - 2) for n in range(5))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
