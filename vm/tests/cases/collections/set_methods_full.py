# set/frozenset methods and dunders called explicitly, errors, subclasses.
s = set([1, 2, 3])
print(s.__len__(), s.__contains__(2), list(s.__iter__()), s.__or__(set([4])), s.__and__([1]), s.__rsub__(set([1, 9])))
print(s.__eq__(set([3, 2, 1])), s.__ne__(frozenset([1])), s.__lt__(set([1, 2, 3, 4])), s.__ge__(set([1])), s.__le__(5))
t = set([1])
print(t.__ior__(set([5])), t.__iand__(set([5, 6])), t.__isub__(set([7])), t.__ixor__(set([8])), t, t.__ior__([1]))
print(set([frozenset([1])]).__contains__(set([1])), frozenset.__contains__(frozenset([frozenset()]), set()))
u = set([frozenset([1, 2]), 3])
u.remove(set([1, 2]))
u.discard(set([9]))
print(u)
print(s.issubset([1, 2, 3, 4]), s.issuperset([1, 2]), s.issuperset(set([1, 5])), s.isdisjoint([4, 5]), s.isdisjoint(s))
print(frozenset([1, 2]) | set([3]), set([3]) | frozenset([1, 2]), frozenset.union(frozenset([1]), [2]))
class S(set):
    pass
x = S([3, 1])
x.add(2)
print(sorted(x), type(x | set()).__name__, type(x.copy()).__name__, set.__len__(x), set.__contains__(x, 2))
for expr in ["set().add()", "set().pop()", "set().union(x=1)", "set.add(frozenset(), 1)", "set().remove([])",
             "set([1]).remove(2)", "set(5)", "frozenset().add", "hash(set())", "set(1, 2)", "set(x=1)",
             "set().__ior__([1])", "set().__or__([1])", "set([1]).issubset(5)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as ex:
        print(expr, "!!", type(ex).__name__, ex)
