# operator: function forms of the operators, itemgetter/attrgetter/methodcaller
import operator
from operator import itemgetter, attrgetter, methodcaller


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


pairs = [(7, 3), (-7, 3), (7, -3), (2.5, 2), (True, 5), (12, 5)]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
             "lt", "le", "eq", "ne", "gt", "ge", "and_", "or_", "xor", "lshift", "rshift"]:
    f = getattr(operator, name)
    print(name, [attempt(f, a, b) for a, b in pairs])
for name in ["neg", "pos", "abs", "not_", "truth", "inv", "invert", "index"]:
    f = getattr(operator, name)
    print(name, [attempt(f, a) for a in [0, 5, -3, True, 2.5, ""]])
print(operator.concat([1], [2]), operator.concat("ab", "cd"), attempt(operator.concat, 1, 2))
print(operator.contains([1, 2], 2), operator.contains("abc", "d"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("hello", "l"), attempt(operator.indexOf, [1], 5), attempt(operator.countOf, 3, 3))
print(operator.is_(None, None), operator.is_not(1, None))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d, attempt(operator.getitem, d, "zz"))
lst = [1, 2]
print(operator.iadd(lst, [3]) is lst, lst, operator.iadd(5, 1), operator.imul("ab", 2), operator.iconcat([0], (1,)))
print(operator.isub(9, 4), operator.ior({1}, {2}), operator.ipow(2, 10), operator.ifloordiv(7, 2), operator.imod(7, 2),
      operator.itruediv(1, 4), operator.iand(6, 3), operator.ixor(6, 3), operator.ilshift(1, 4), operator.irshift(64, 2))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([])), operator.length_hint(x for x in "ab"), operator.length_hint(5, 7))
print(operator.call(max, 3, 9, 4), operator.__add__(1, 2), operator.__getitem__("xyz", 1))

# itemgetter
rows = [("bob", 25, "x"), ("alice", 30, "y"), ("carol", 25, "a")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("xyz"), itemgetter(0, -1)("xyz"), itemgetter("k")({"k": "v"}), itemgetter(slice(1, 3))([1, 2, 3, 4]))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(itemgetter((1, 2))))
print(attempt(itemgetter), attempt(itemgetter(1), [1, 2], [3]), attempt(itemgetter(5), [1]))
print(list(map(itemgetter(1), [(1, "a"), (2, "b")])))


# attrgetter
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

tree = Node("root", Node("kid", Node("grandkid")))
print(attrgetter("name")(tree), attrgetter("child.name")(tree), attrgetter("name", "child.child.name")(tree))
print(repr(attrgetter("name")), repr(attrgetter("a.b", "c")))
print(attempt(attrgetter("missing"), tree), attempt(attrgetter, 5), attempt(attrgetter))
nodes = [Node("m"), Node("c"), Node("x")]
print([n.name for n in sorted(nodes, key=attrgetter("name"))])

# methodcaller
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"), methodcaller("replace", "a", "o", 1)("banana"))
print(methodcaller("get", "k", "default")({}), methodcaller("count", 1)([1, 1, 2]))
print(repr(methodcaller("split")), repr(methodcaller("split", ",", maxsplit=1)))
print(attempt(methodcaller), attempt(methodcaller, 3), attempt(methodcaller("nope"), 1))
print(sorted(["Bb", "aa", "Ab"], key=methodcaller("lower")))
