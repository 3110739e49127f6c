# __eq__, __lt__, __hash__, __bool__, __len__, total_ordering, __repr__/__str__
import functools
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))
    def __str__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), min(vs))
print(str(vs[0]), repr(vs[0]), f"{vs[1]}", f"{vs[1]!r}", "%s %r" % (vs[2], vs[2]))
print(Version("1.2") == Version("1.2"), Version("1.2") != Version("1.3"), Version("1.2") <= Version("1.2"), Version("2") > Version("1.9"))
print(Version("1") == "1", len({Version("1.0"), Version("1.0"), Version("2")}))
class NoEq:
    pass
a, b = NoEq(), NoEq()
print(a == a, a == b, a != b, a in [a], b in [a])
class AlwaysEq:
    def __eq__(self, other):
        return True
print(AlwaysEq() == 1, 1 == AlwaysEq(), AlwaysEq() != 1, AlwaysEq.__hash__ is None)
try:
    hash(AlwaysEq())
except TypeError as e:
    print(type(e).__name__, e)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class Sized:
    def __len__(self):
        return 0
print(bool(Truthy(True)), not Truthy(False), bool(Sized()), "yes" if Sized() else "no", bool(NoEq()))
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("Rev.__gt__")
        return self.v > other
print(3 < Rev(5))
class Cmp:
    def __lt__(self, other):
        return NotImplemented
try:
    Cmp() < Cmp()
except TypeError as e:
    print(type(e).__name__, e)
class R:
    pass
print(repr(R()).startswith("<__main__.R object at 0x"))
