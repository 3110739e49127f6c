# tuples, range and slice objects
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1])
print((), (1,), tuple(), tuple([1, 2]), (1, 2) + (3,), (0,) * 3, 2 * (1, 2))
print(t.index(3.0), (1, 1, 2).count(1), 3.0 in t, "x" in t)
a, b, *rest = range(6)
print(a, b, rest)
(x, y), z = (1, 2), 3
print(x, y, z)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 9))
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
r = range(10)
print(r, range(1, 10, 2), range(10, 0, -3), len(r), len(range(0)), len(range(5, 1)))
print(list(range(10, 0, -3)), r[3], r[-1], r[2:8:2], list(r[2:8:2]), r[::-1])
print(5 in r, 10 in r, -1 in range(-5, 0), 3 in range(0, 10, 2), r.index(4), range(0, 10, 2).count(4))
print(sum(range(101)), list(range(-3, 3)), range(3) == range(0, 3), range(0) == range(5, 2))
print(range(0, 10 ** 20, 3)[-1], range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
print(min(range(3, 9)), max(range(3, 9)), list(reversed(range(4))))
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
s = slice(1, 8, 3)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 2))
L = list(range(10))
print(L[s], L[slice(-3, None)], "abcdefgh"[s])
