# collections.namedtuple: fields, defaults, rename, _make/_asdict/_replace, errors
from collections import namedtuple


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


Point = namedtuple("Point", "x y")
p = Point(11, y=22)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(p._asdict(), p._replace(x=1), Point._make([5, 6]), Point._fields, Point._field_defaults)
x, y = p
print(x + y, p == (11, 22), p < Point(11, 23), hash(p) == hash((11, 22)), isinstance(p, tuple))
print(Point.__name__, Point.__doc__, Point.x.__doc__, p.count(11), p.index(22), p + (1,), p * 2)
print(attempt(Point, 1), attempt(Point, 1, 2, 3), attempt(Point, 1, z=3), attempt(Point, 1, x=2))
print(attempt(Point), attempt(Point._make, [1]), attempt(p._replace, z=1))
print(attempt(setattr, p, "x", 5), attempt(lambda: p.__dict__), Point.__slots__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(1, 2), Point(0, 9)))

Color = namedtuple("Color", ["red", "green", "blue", "alpha"], defaults=[255])
print(Color(1, 2, 3), Color(1, 2, 3, alpha=0), Color._field_defaults, attempt(Color, 1, 2))
Opt = namedtuple("Opt", "a b c", defaults=(1, 2))
print(Opt(0), Opt(0, c=9), attempt(Opt), attempt(Opt, 1, 2, 3, 4), attempt(Opt, b=1))

Row = namedtuple("Row", "id, name, def, id, _x", rename=True)
print(Row._fields, Row(1, "n", 2, 3, 4))
for args in [("1bad", "a"), ("Ok", "a class"), ("Ok", "a _b"), ("Ok", "a a"), ("for", "a"), ("Ok", ["a", 3])]:
    print(args, attempt(namedtuple, *args))
print(attempt(namedtuple, "X", "a", defaults=[1, 2]))

Empty = namedtuple("Empty", "")
Single = namedtuple("Single", "v")
print(Empty(), Empty._fields, Single(1), Single.__doc__, attempt(Single, 1, 2))


class Vector(namedtuple("Vector", "x y z")):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2 + self.z ** 2

    def __add__(self, other):
        return Vector(*[a + b for a, b in zip(self, other)])

v = Vector(1, 2, 3)
print(v, v.norm2, v + Vector(1, 1, 1), type(v + v).__name__, v._replace(z=0), type(v._replace(z=0)).__name__)

Card = namedtuple("Card", "rank suit")
deck = [Card(r, s) for s in "SH" for r in "AKQ"]
print(deck[:3], sorted(deck, key=lambda c: (c.suit, c.rank))[0], {c.rank for c in deck} == set("AKQ"))
print(dict(zip(Card._fields, ("A", "S"))), Card(**{"rank": "2", "suit": "C"}))
