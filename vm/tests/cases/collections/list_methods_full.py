# list methods, explicit dunders, sorting, and CPython's messages.
l = [5, 3, 8, 1]
l.append(9); l.extend(range(2)); l.insert(0, 7); l.insert(-1, 6); l.insert(100, 4); l.insert(-100, 0)
print(l, l.pop(), l.pop(0), l.pop(-2), l.index(8), l.index(8, 2), l.count(1), l)
l.remove(1); l.reverse(); print(l, l.copy(), l.copy() is l)
l.clear(); print(l)
a = [1, 2]
b = a
a += (3, 4)
a += "xy"
print(b, a is b, a.__iadd__([0]), list.__add__([1], [2]), [0] * 3, 3 * [1], list.__mul__([1, 2], 2), [1].__rmul__(2))
m = [1, 2]
m *= 2
print(m, m.__imul__(2), [1, 2] * 0, [1] * -1)
print(list.__getitem__([1, 2, 3], 1), list.__getitem__([1, 2, 3], slice(0, 2)), [1, 2, 3].__len__(), [1, 2].__contains__(2), list(reversed([1, 2, 3])), list([1, 2].__reversed__()))
s = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
list.__setitem__(s, 0, 100)
list.__delitem__(s, 1)
list.__setitem__(s, slice(0, 2), ["a"])
print(s, s[::2], s[::-3], s[7:2:-2])
# Sorting: stable, key, reverse (stable under reverse too).
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
w = ["bb", "a", "ccc", "dd", "e"]
w.sort(key=len); print(w)
w.sort(key=len, reverse=True); print(w)
w.sort(); print(w)
w.sort(reverse=True); print(w)
n = [3, -1, 2.5, -7, 0, True]
n.sort(); print(n)
n.sort(key=abs); print(n)
class L(list):
    def append(self, x):
        super().append(x * 10)
ll = L([1])
ll.append(2)
list.append(ll, 3)
print(ll, len(ll), ll[1], list.__getitem__(ll, 2), type(ll + [1]).__name__, ll.copy(), type(ll.copy()).__name__)
for expr in ["[].append()", "[].append(1, 2)", "[].pop(1, 2)", "[].insert(1)", "[].index()", "[].copy(1)",
             "[].sort(1)", "[].sort(k=1)", "[1].index(5)", "[].remove(3)", "[].pop()", "[1].pop(5)",
             "list.append(1, 2)", "list.append()", "[].extend(5)", "list(5)", "[] + ()", "[].__add__(())",
             "[].__mul__(1.5)", "hash([])", "[3, 1, 'a'].sort()", "[1][5]", "list.__getitem__([1], 'a')",
             "[].__setitem__(0, 1)", "list([1], [2])", "[].append(x=1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as ex:
        print(expr, "!!", type(ex).__name__, ex)
