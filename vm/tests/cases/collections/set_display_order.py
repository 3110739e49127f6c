# PENDING core changes (see the containers branch report): no .out yet, so the
# runner treats it as a helper module. Once BUILD_SET/SET_UPDATE, the dict-view
# operator dispatch and the in-place |= &= ^= opcodes are in, generate its .out with
# scripts/cpython_expect.py and it becomes a case.
print({3, 1, 2}, {9, 1}, {1, 9}, {100, 5, 37, -1, -2, 8, 16, 24, 0}, {x * 7 % 50 for x in range(30)}, {n for n in [64, 32, 16, 8, 4, 2, 1]})
a = 5
print({a, 37, a + 95, -1}, {*range(10, 0, -1)}, {*[8, 16], 0, 24})
s = {1, 2}
s2 = s
s |= {3}
s &= {1, 3, 99}
s ^= {7}
s -= {1}
print(s, s2, s is s2)
d = {3: 30, 1: 10, 2: 20, 40: 400}
e = {2: 20, 5: 50, 1: 11}
k = d.keys()
print(k & {1, 2, 99}, {1, 2, 99} & k, k & [2, 40, 7], [2, 40, 7] & k, k | {100, 5}, {100, 5} | k)
print(k - {1}, {1, 2, 3, 77} - k, k ^ {1, 1000}, {1, 1000} ^ k, k & e.keys(), k ^ e.keys(), d.items() & e.items())
print(k == {1, 2, 3, 40}, {1, 2, 3, 40} == k, k <= {1, 2, 3, 40, 5}, list(reversed(k)), list(reversed(d.items())))
print(set() in {frozenset()}, {1} in {frozenset([1])})
x = dict(d)
x |= [(0, 0)]
print(x)
class D(dict):
    pass
print(type(D.fromkeys([1])).__name__)
