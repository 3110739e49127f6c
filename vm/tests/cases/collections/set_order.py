# Set and frozenset iteration order is CPython's hash-table slot order: small ints
# hash to themselves, so they come out sorted by (hash mod table size); collisions,
# dummies left by removals, resizes and the pop finger all show. Only values with
# run-independent hashes (ints, floats, bools, tuples of ints) appear here.
# Sets are built with set(...) and methods (displays are built by the compiler).
print(set([3, 1, 2]), set([9, 1]), set([1, 9]), set(range(20)))
print(set([100, 5, 37, -1, -2, 8, 16, 24, 0]), list(set([100, 5, 37, -1, -2, 8, 16, 24, 0])))
print(set([64, 32, 16, 8, 4, 2, 1]), set([1, 2, 4, 8, 16, 32, 64]))
print(frozenset([5, 3, 99, 1000, 7]), set([(1, 2), (3, 4), (0, 0)]), set([1.5, 2.5, 0.5, True, 3.0]))
print(set([2 ** 40, 2 ** 61, 2 ** 61 - 1, -(2 ** 40), 10 ** 20]))

# Removal leaves a dummy that the next colliding add reuses.
s = set([1, 9])
s.discard(1)
s.add(17)
print(s, list(s))

# pop() walks the table from a finger that survives clear() and intersection_update().
s = set(range(1, 11))
print(s.pop(), s.pop(), s)
s.add(1)
print(s.pop(), s)
s.clear()
s.update([8, 9, 10, 1])
print(s.pop(), s)
t = set(range(40))
for _ in range(5):
    t.pop()
t.intersection_update(range(10, 40, 3))
print(t.pop(), t)

# Growth: 8 slots, then 4x the used count; the resize reinserts in slot order.
g = set()
for i in [40, 8, 16, 24, 32, 0, 48, 56]:
    g.add(i)
    print(list(g))

# Operations build their results the way setobject.c does.
a = set([1, 2, 3, 33, 65, 97, 129])
b = set([129, 97, 2, 1000, 8])
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([500, 4], (6,)), a.intersection([129, 1, 7]), a.difference([1], [2]), a.symmetric_difference([3, 4, 5]))
print(a.copy(), set(a), frozenset(a), set(frozenset(b)), a ^ a, a - a, a & a, a | a)
print(set(dict.fromkeys([30, 20, 10, 0, 40])), set({7: 0, 15: 0, 23: 0}))
c = set(range(100))
c.difference_update(range(0, 100, 2))
print(c)
c.symmetric_difference_update(range(0, 20))
print(c)
c.intersection_update(range(0, 60, 3), range(0, 60, 5))
print(c)
big = set(range(1000))
print(set([5, 1, 999]).intersection(big), set([5, 1, 999]) - big, set(range(64)) - set([1, 2]))

# Equal keys: the first stored key stays.
print(set([1, 1.0, True]), set([True, 1, 1.0]), set([0, False, 0.0, 2]), set([2.0, 2]) | set([2]))
f = frozenset([8, 16, 24])
print(f.union([0]), type(f.union([0])).__name__, f.copy() is f, frozenset(f) is f)
