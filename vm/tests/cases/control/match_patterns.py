# match statements: every pattern kind, guards, bindings, nesting, scopes
import collections
import collections.abc


def literal(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case "s":
            return "str s"
        case b"b":
            return "bytes b"
        case True:
            return "True"
        case None:
            return "None"
        case False:
            return "False"
        case _:
            return "other"


for v in [0, 0.0, -1, 1.5, 2 + 3j, "s", b"b", True, 1, None, False, [], "x"]:
    print("literal", repr(v), literal(v))


def sequences(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case [1, *rest]:
            return f"starts with 1, rest {rest!r}"
        case [*init, 9]:
            return f"ends with 9, init {init!r}"
        case [a, *_, z]:
            return f"first {a!r} last {z!r}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (2,), [1, 2], (3, 4), [1, 2, 3], (5, 6, 9), [4, 5, 6, 7], range(3), range(10, 15),
          "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, collections.deque([7, 8, 9]), 42, memoryview(b"xy")]:
    print("seq", type(v).__name__ if isinstance(v, memoryview) else repr(v), sequences(v))


def nested(x):
    match x:
        case [(a, b), [c, *d]]:
            return ("tuple-list", a, b, c, d)
        case [[[deep]]]:
            return ("deep", deep)
        case ((1 | 2) as small, *_):
            return ("small", small)
        case _:
            return "none"


for v in [[(1, 2), [3, 4, 5]], [[["x"]]], (2, 0), (3, 0), [[1, 2], [3]]]:
    print("nested", v, nested(v))


def mappings(x):
    match x:
        case {}:
            if not x:
                return "empty mapping"
            return f"some mapping {sorted(x.items())!r}"


def mapping_keys(x):
    match x:
        case {"a": 1, "b": b}:
            return f"a=1 b={b!r}"
        case {"a": a, **rest}:
            return f"a={a!r} rest={rest!r}"
        case {0: z, 1.5: y}:
            return f"numeric keys {z} {y}"
        case {**everything}:
            return f"everything {everything!r}"
        case _:
            return "not a mapping"


for v in [{}, {"a": 1, "b": 2}, {"a": 1, "b": 2, "c": 3}, {"a": 5}, {"a": 5, "z": 0}, {False: "f", 1.5: "g"},
          {"q": 1}, [("a", 1)], "a", collections.OrderedDict(a=2, b=3), collections.Counter("aab")]:
    print("map", mappings(v), "|", mapping_keys(v))


class Missing(dict):
    def __missing__(self, key):
        print("  __missing__ called", key)
        return "made"


print("missing", mapping_keys(Missing(q=1)))


class View(collections.abc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


print("abc mapping", mapping_keys(View({"a": 9, "x": 1})))


class Seq(collections.abc.Sequence):
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError(i)
        return i * i


print("abc sequence", sequences(Seq()))


class Registered:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i > 1:
            raise IndexError(i)
        return "r" + str(i)


print("before register", sequences(Registered()))
collections.abc.Sequence.register(Registered)
print("after register", sequences(Registered()))


class SubRegistered(Registered):
    pass


print("subclass of registered", sequences(SubRegistered()))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def classes(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat 3d {x} {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(a, b) if a == b:
            return f"diagonal {a}"
        case Point(y=1):
            return "y is one"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case str(s):
            return f"string {s!r}"
        case bool():
            return "unreachable: bool is an int"
        case list([1, *r]):
            return f"list from 1: {r}"
        case dict({"k": v}):
            return f"dict k={v}"
        case tuple((a, b)):
            return f"tuple {a} {b}"
        case object(__class__=cls):
            return f"an object of {cls.__name__}"


for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(5, 1), Point(5, 6), Point3(1, 2, 0), Point3(1, 2, 3),
          7, 2.5, True, "hi", [1, 2, 3], [2], {"k": "v"}, (1, 2), (1, 2, 3), None]:
    print("class", p, classes(p))


class MyInt(int):
    pass


class MyStr(str):
    __match_args__ = ("upper_form",)

    @property
    def upper_form(self):
        return self.upper()


match MyInt(5):
    case MyInt(v):
        print("int subclass matches itself:", v, type(v).__name__)
match MyStr("abc"):
    case MyStr(u):
        print("str subclass with __match_args__:", u)


class NoAttrs:
    pass


match NoAttrs():
    case NoAttrs(missing=1):
        print("wrong")
    case NoAttrs():
        print("attribute missing: no match, no error")


def bindings(x):
    y = "unset"
    match x:
        case [y, 0]:
            pass
        case _:
            pass
    return y


print("failed case binds nothing:", bindings([1, 1]), bindings([1, 0]))


def guard_binds(x):
    match x:
        case [a, b] if a > b:
            return ("guarded", a, b)
        case _:
            pass
    return ("after failed guard", a, b)


print(guard_binds([3, 1]), guard_binds([1, 3]))


def or_orders(x):
    match x:
        case [a, b, 0] | [b, a, 1] | {"a": a, "b": b}:
            return (a, b)
        case _:
            return None


for v in [[1, 2, 0], [1, 2, 1], {"a": "A", "b": "B"}, [1, 2, 3]]:
    print("or orders", v, or_orders(v))


def or_nested(x):
    match x:
        case [(p, q) | {"p": p, "q": q}, *_] | (0, p, q):
            return ("nested or", p, q)
    return None


for v in [[(1, 2), 9], [{"p": 3, "q": 4}], (0, 5, 6), [7]]:
    print(or_nested(v))


def closure(x):
    match x:
        case [first, *others]:
            return lambda: (first, others)
    return None


print("closure", closure([1, 2, 3])())


class Body:
    match [1, 2]:
        case [one, two]:
            pass


print("class body", Body.one, Body.two)
match {"top": [1, {"inner": (2, 3)}]}:
    case {"top": [1, {"inner": (a, b) as t}]}:
        print("module level", a, b, t)


class Const:
    ZERO = 0
    ONE = 1


def dotted(x):
    match x:
        case Const.ZERO:
            return "zero"
        case Const.ONE:
            return "one"
        case {Const.ZERO: v}:
            return f"keyed {v}"
    return "neither"


print("dotted", dotted(0), dotted(1), dotted({0: "z"}), dotted(2))

# the subject is evaluated once
calls = []


def subject():
    calls.append(1)
    return [1, 2]


match subject():
    case [9]:
        pass
    case [1, x]:
        print("subject once:", len(calls), x)

# __eq__ of a value pattern is called with the subject on the left
class Loud:
    def __eq__(self, other):
        print("  Loud.__eq__", other)
        return other == 3

    __hash__ = object.__hash__


class Holder:
    loud = Loud()


match 3:
    case Holder.loud:
        print("matched through __eq__")

# walrus in a guard, match inside loops with break/continue
for i in range(6):
    match i:
        case 0:
            continue
        case 4:
            break
        case n if (sq := n * n) > 3:
            print("square", n, sq)
        case n:
            print("small", n)
print("loop done at", i)
