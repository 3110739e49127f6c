# copy: shallow and deep copies of containers and instances
import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Tracked:
    copies = 0

    def __init__(self, v):
        self.v = v

    def __copy__(self):
        Tracked.copies += 1
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        Tracked.copies += 10
        return Tracked(copy.deepcopy(self.v, memo))


class Slots:
    __slots__ = ("a", "b")


class Stateful:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "expensive"

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"


class MyList(list):
    pass


nested = [1, [2, 3], {"k": [4, 5]}, (6, [7])]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[1] is nested[1], shallow[2] is nested[2])
print(deep == nested, deep[1] is nested[1], deep[2]["k"] is nested[2]["k"], deep[3][1] is nested[3][1])
nested[1].append(99)
print(shallow[1], deep[1])

t = (1, "a", (2, 3))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] == [2])
for atom in [1, 2.5, "s", None, True, b"b", range(3), len, Point]:
    print(copy.copy(atom) is atom and copy.deepcopy(atom) is atom, end=" ")
print()
print(copy.copy({1, 2}) == {1, 2}, copy.deepcopy(frozenset([3])), copy.copy(bytearray(b"xy")))

loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is not loop, len(dl))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
d = {"self": None}
d["self"] = d
dd = copy.deepcopy(d)
print(dd["self"] is dd)

p = Point([1], {"z": 2})
sp = copy.copy(p)
dp = copy.deepcopy(p)
print(sp, dp, sp.x is p.x, dp.x is p.x, type(dp).__name__)

tr = Tracked([1])
print(copy.copy(tr).v is tr.v, copy.deepcopy(tr).v is tr.v, copy.deepcopy([tr, tr])[0].v, Tracked.copies)

s = Slots()
s.a = [1]
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a == s.a, s3.a is s.a, hasattr(s3, "b"))

st = copy.deepcopy(Stateful())
print(st.data, st.cache)

ml = MyList([1, [2]])
ml.label = "L"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.label, mc[1] is ml[1], copy.copy(ml)[1] is ml[1])

memo = {}
src = [1, 2]
res = copy.deepcopy(src, memo)
print(memo[id(src)] is res)
print(issubclass(copy.Error, Exception))

grid = [[0] * 3 for _ in range(3)]
g2 = copy.deepcopy(grid)
g2[1][1] = 5
print(grid, g2)
