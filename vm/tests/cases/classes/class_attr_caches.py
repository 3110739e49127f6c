# Class attribute loads (`C.x`) and dict subscripts (`d[k]`) in loops, which pyhop
# quickens (LOAD_ATTR_CLASS, the exact-dict path of BINARY_SUBSCR): every change
# that CPython sees must be seen here too.

class Base:
    x = 1
    f = lambda self: "f"
    s = staticmethod(lambda: "static")
    c = classmethod(lambda cls: cls.__name__)
    p = property(lambda self: "prop")


class Sub(Base):
    pass


class Meta(type):
    @property
    def x(cls):
        return "meta x"


class WithMeta(metaclass=Meta):
    x = "own x"


def loads(cls, name, n=6):
    out = []
    for i in range(n):
        out.append(getattr(cls, name) if name.startswith("_") else eval("cls." + name))
    return out


def run():
    global Sub
    seen = []
    for i in range(8):
        seen.append(Sub.x)
        if i == 3:
            Base.x = "changed"
        if i == 5:
            Sub.x = "shadowed"
    print(seen)
    del Sub.x
    print([Sub.x for _ in range(4)])
    print([Base.f(None) for _ in range(3)], Base.f is Base.__dict__["f"])
    print([Base.s() for _ in range(3)], [Sub.c() for _ in range(3)])
    print([type(Base.p).__name__ for _ in range(3)])
    print([WithMeta.x for _ in range(4)])
    vals = []
    for i in range(6):
        vals.append(Base.x)
        if i == 2:
            Base.x = [1, 2]
        if i == 4:
            Base.x.append(3)
    print(vals)
    # A class rebound under the same name.

    class Sub(Base):
        x = "new class"
    print([Sub.x for _ in range(3)])
    # Deleting the attribute from every class on the path.
    del Base.x
    try:
        for _ in range(3):
            Base.x
    except AttributeError as e:
        print("AttributeError", e)


class Key:
    def __init__(self, h, eq):
        self.h, self.eq = h, eq

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("eq called")
        return self.eq


class MissingDict(dict):
    def __missing__(self, key):
        return "missing " + str(key)


def dicts():
    d = {"k": 1, 2: "two", 2.5: "float", (1, 2): "tuple"}
    print([d["k"] for _ in range(3)], [d[2] for _ in range(3)], d[2.5], d[(1, 2)])
    print(d[2.0], d[True] if True in d else "no True")
    e = {1: "one"}
    print(e[True], e[1.0])
    try:
        d["absent"]
    except KeyError as exc:
        print("KeyError", exc)
    try:
        d[[1]]
    except TypeError as exc:
        print("TypeError", exc)
    m = MissingDict(a=1)
    print([m["a"], m["b"], m[3]])
    # A user key whose hash collides with a str key's: its __eq__ decides.
    k = Key(hash("s"), True)
    f = {k: "user key"}
    print(f["s"])
    g = {k: "user", "s": "str"}
    print(g["s"])
    k2 = Key(hash(7), False)
    h = {k2: "user"}
    try:
        h[7]
    except KeyError as exc:
        print("KeyError", exc)
    # Mutation between lookups.
    d2 = {"a": 1}
    out = []
    for i in range(6):
        out.append(d2["a"])
        d2["a"] = i * 10
        if i == 3:
            del d2["a"]
            d2["b"] = 0
            d2["a"] = "re-added"
    print(out)


run()
dicts()
