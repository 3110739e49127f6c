# list/dict/set comprehensions and generator expressions
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print({x: x ** 2 for x in range(5)}, {c: i for i, c in enumerate("abca")})
print(sorted({c.upper() for c in "hello"}), sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
x = "outer"
print([x for x in "ab"], x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row])
print([y for x in range(5) if (y := x * 10) > 15])
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
def scale(k):
    return [k * v for v in range(3)]
print(scale(5), [[c for c in w] for w in ("ab", "c")])
gen = (n * n for n in range(4))
print(next(gen), list(gen), list(gen))
print(dict((k, v) for k, v in [("a", 1), ("b", 2)]), tuple(i for i in "xyz"))
print(sorted(set(a % 3 for a in range(10))), any(n > 8 for n in range(10)), all(n < 8 for n in range(10)))
