# __len__, __getitem__, __setitem__, __delitem__, __iter__, __next__, __contains__, __call__, __reversed__
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i
s = Seq(5)
print(len(s), s[2], s[-1], s[1:4], list(s), 9 in s, 10 in s, list(reversed(s)))
for v in s:
    print(v, end=" ")
print()
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
class Store:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.data[k]
    def __contains__(self, k):
        print("contains", k)
        return k in self.data
    def __iter__(self):
        return iter(sorted(self.data))
st = Store()
st["b"] = 2
st["a"] = 1
st["a"] += 10
print(st["a"], "a" in st, "z" not in st, list(st))
del st["b"]
print(list(st), dict.fromkeys(st))
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(4)), sum(Countdown(10)), [x for x in Countdown(3)])
a, b, c = Countdown(3)
print(a, b, c, max(Countdown(5)), sorted(Countdown(3)))
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, twice=False):
        return x * self.k * (2 if twice else 1)
m = Multiplier(3)
print(m(4), m(4, twice=True), callable(m), list(map(m, [1, 2])))
class Matrix:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        r, c = key
        return self.cells.get(key, 0)
    def __setitem__(self, key, v):
        self.cells[key] = v
mx = Matrix()
mx[1, 2] = 5
print(mx[1, 2], mx[0, 0], list(mx.cells))
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
