# range: slicing, reversed, index/count, equality, hash, repr, explicit dunders.
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], r[5:1:-2], r[100:], list(r[::-1]))
print(list(reversed(r)), list(reversed(range(5, 0, -2))), list(reversed(range(0))), list(r.__reversed__()))
print(r.index(9), r.count(9), r.count(10), range(5).count(3.0), range(5).index(2.0), 6 in r, 7 in r, 6.0 in r)
print(range(0) == range(5, 5), range(1, 7, 2) == range(1, 6, 2), range(3) == range(0, 3, 1), range(1) == range(1, 2))
print(hash(range(3)) == hash(range(0, 3)), range(3) != range(4), repr(range(1, 5, 2)), repr(range(3)), repr(range(-3, 3, -1)))
print(range.__getitem__(range(10), 3), range(10).__len__(), range(10).__contains__(4), list(range(3).__iter__()))
print(list(range(-5, 5, 4)), list(range(5, -5, -4)), range(10)[-3:], range(10 ** 6)[10 ** 5 : 10 ** 5 + 3])
for expr in ["range(3).index(5)", "range(3).index(1.5)", "range(3).index()", "range(3).count()", "range(1, 2, 0)",
             "range(1.5)", "range()", "range(1, 2, 3, 4)", "range(3)['a']", "range(3)[5]", "range(3) + range(2)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as ex:
        print(expr, "!!", type(ex).__name__, ex)
# tuple
t = (1, 2, 1, 3)
print(t.count(1), t.index(3), t.index(1, 1), t.index(1, -2), tuple.__len__(t), tuple.__contains__(t, 2), t.__getitem__(slice(1, 3)), t.__add__((9,)), t.__mul__(2), t.__rmul__(2))
for expr in ["(1,).index(5)", "(1,).count()", "(1,).index()", "() + []", "().__add__([])", "tuple.count()"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as ex:
        print(expr, "!!", type(ex).__name__, ex)
