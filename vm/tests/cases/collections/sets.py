# set and frozenset (always printed sorted or single-element)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(3 in a, 7 in a, len(a), a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, a.isdisjoint({7}), a.issubset(range(10)))
s = set()
s.add(5); s.add(5); s.add(1)
print(s, len(s), set(), frozenset(), {7}, frozenset([8]))
s.update([2, 3], (4,))
s.discard(100); s.remove(1)
print(sorted(s))
s |= {10}; s &= {2, 3, 10}; s -= {3}; s ^= {11}
print(sorted(s))
p = s.pop()
print(len(s))
fs = frozenset([1, 2, 3])
print(sorted(fs), fs == {1, 2, 3}, hash(fs) == hash(frozenset([3, 2, 1])), type(fs | {4}).__name__, type({4} | fs).__name__)
d = {fs: "frozen"}
print(d[frozenset([3, 1, 2])])
print(sorted({x % 4 for x in range(20)}), sorted(set("mississippi")), len(set([1, 1.0, True])))
print({1, 2} == {2, 1}, set([1, 2]) == frozenset([1, 2]), sorted(set(range(5)) - {0, 4}))
words = ["b", "a", "c", "a", "b"]
seen = set()
uniq = [w for w in words if not (w in seen or seen.add(w))]
print(uniq)
try:
    {1}.remove(2)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    fs.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
