# __slots__
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
class Q(P):
    pass
qq = Q(1, 2)
qq.extra = "ok"
print(qq.extra, hasattr(qq, "__dict__"))
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 3
print(r.x, r.y, r.w)
try:
    r.v = 1
except AttributeError as e:
    print(type(e).__name__, e)
class S:
    __slots__ = ["only"]
    kind = "class attr"
s = S()
s.only = 1
print(s.only, s.kind)
