# Walrus operator and starred unpacking
data = [1, 4, 9, 16, 25]
if (n := len(data)) > 3:
    print("long", n)
vals = iter(range(10))
while (v := next(vals)) < 4:
    print("v", v, end=" ")
print()
print([y for x in data if (y := x % 7) > 2], y)
print((z := 10) * 2, z)
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = (1,)
print(head, rest)
(p, q), [r, *s] = "xy", [1, 2, 3]
print(p, q, r, s)
for i, (c, *others) in enumerate(["ab", "cde", "f"]):
    print(i, c, others)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[7, 8]], (*"xy",), {*[1, 1, 2]}, {**{"a": 1}, **{"b": 2}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
m = {"k": 1}
x = [*m, *m.values()]
print(x)
i = j = k = 0
i += 1
print(i, j, k)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 1, 5
print(idx, lst)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
