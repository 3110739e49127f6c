# Arithmetic dunders, reflected and in-place operators, NotImplemented
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        print("rmul")
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __invert__(self):
        return Vec(self.y, self.x)
    def __pos__(self):
        return self
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, -v, abs(w), v @ w, v + 1, 1 + v, sum([v, w], Vec(0, 0)))
print(w / 2, w // 2, w % 3, v ** 2, ~v, +v, v == Vec(1, 2), v != w)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __add__(self, other):
        print("plain add")
        return self
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc.items, acc is ref)
v2 = v
v2 += w
print(v2, v, v2 is v)
class Left:
    def __add__(self, o):
        print("Left.__add__")
        return NotImplemented
class Right:
    def __radd__(self, o):
        print("Right.__radd__")
        return "right wins"
print(Left() + Right())
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Sub(), Sub() + Base())
try:
    Left() + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    v * "x" * None
except TypeError as e:
    print(type(e).__name__, e)
try:
    -Left()
except TypeError as e:
    print(type(e).__name__, e)
class Num:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
    def __int__(self):
        return self.n
    def __float__(self):
        return float(self.n)
print([10, 20, 30][Num(1)], hex(Num(255)), int(Num(7)), float(Num(2)), "ab" * Num(2), range(Num(3)))
