# list operations and methods
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3])
a.append(5); a.extend([8, 9]); a.insert(0, 0); a.insert(-1, 7); a.insert(100, 10)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.index(5, 5), a.count(1), a.count(42), 9 in a, 42 in a)
a.reverse()
print(a)
a.sort()
print(a, sorted(a, reverse=True))
b = a.copy(); b[0] = 100
print(a[0], b[0], a == b, a is not b)
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1]; del a[-2:]
print(a)
a[:] = []
print(a, bool(a), [] == [], [1] * 3, [1, 2] + [3], [[0] * 2 for _ in range(2)])
c = [1, 2]
c += [3]
c *= 2
print(c, c.clear(), c)
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested), [x for sub in nested for x in (sub if isinstance(sub, list) else [sub])])
m = [[0] * 3] * 2
m[0][0] = 1
print(m)
print(list(range(5)), list("ab"), list((1, 2)), list({3: 4}), list(map(abs, [-1, -2])))
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), sum([[1], [2]], []), any([0, 1]), all([1, 0]))
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(reversed([1, 2, 3])))
print([1, 2, 3] < [1, 2, 4], [1, 2] == [1, 2], [1, [2]] == [1, [2]])
r = [1, 2]
r.append(r)
print(r)
for bad in (lambda: [].pop(), lambda: [1].index(2), lambda: [1].remove(3), lambda: [1, 2][5]):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    [1, 2][1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    x = [1, 2, 3, 4]
    x[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
