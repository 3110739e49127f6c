# dict views as sets (through their methods; the operators need the core dispatch),
# reversed iteration, dict methods and their errors. Int keys and values only, so
# set results print in CPython's order.
d = {3: 30, 1: 10, 2: 20, 40: 400}
e = {2: 20, 5: 50, 1: 11}
k, v, it = d.keys(), d.values(), d.items()
print(len(k), len(v), len(it), k.__len__(), 3 in k, k.__contains__(7), (1, 10) in it, it.__contains__((1, 11)))
print(k.__and__(set([1, 2, 99])), k.__rand__([2, 40, 7]), k.__or__(set([100, 5])), k.__ror__([100, 5]))
print(k.__sub__(set([1])), k.__rsub__(set([1, 2, 3, 77])), k.__xor__(set([1, 1000])), k.__rxor__([1, 1000]))
print(k.__and__(e.keys()), k.__or__(e.keys()), k.__sub__(e.keys()), k.__xor__(e.keys()))
print(it.__and__(e.items()), it.__xor__(e.items()), it.__sub__(e.items()), it.__or__(set([(9, 9)])))
print(k.isdisjoint([7, 8]), k.isdisjoint(set([1])), it.isdisjoint(e.items()), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(list(reversed(d)), list(d.__reversed__()), list(k.__reversed__()), list(v.__reversed__()), list(it.__reversed__()))
print(list(k.__iter__()), list(v.__iter__()), list(it.__iter__()))
try:
    k.__and__(5)
except TypeError as ex:
    print("TypeError", ex)

# Methods.
x = dict(d)
print(x.pop(3), x.pop(99, "dflt"), x.popitem(), x.setdefault(1, 0), x.setdefault(8), x)
print(x.get(8), x.get(9), x.get(9, -1), x.copy(), x.copy() is x)
x.update([(5, 5)], six=6)
x.update({7: 7})
print(x, dict.fromkeys(range(3)), dict.fromkeys([1, 2], 0), {}.fromkeys([4]))
print(d.__or__(e), d.__ror__(e), dict.__or__(d, 5), d.__ior__([(0, 0)]), d)
print(dict.__getitem__(d, 1), dict.__contains__(d, 2), dict.__len__(d), list(dict.__iter__(d)))
dict.__setitem__(d, 9, 90)
dict.__delitem__(d, 3)
print(d, d == dict(d), d.__eq__(dict(d)), d.__ne__({}), d.__eq__(5))
for expr in ["{}.popitem()", "{}.pop(1)", "{}.get()", "{}.keys(1)", "{}.__getitem__()", "{}.__getitem__(5)",
             "dict.get(1, 2)", "{}.update(1, 2)", "{}.update([1])", "{}.update([[1, 2, 3]])", "hash({})",
             "dict.fromkeys()", "{}.setdefault()", "{}.pop()", "{}.__ior__(5)", "dict(5)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as ex:
        print(expr, "!!", type(ex).__name__, ex)

# A subclass reaches the natives through super() and explicit calls.
class D(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)
    def __getitem__(self, key):
        return super().__getitem__(key) + 1
    def __missing__(self, key):
        return -1
dd = D()
dd[3] = 4
print(dd, dd[3], dd[7], dict.__getitem__(dd, 3), dd.get(3), len(dd), 3 in dd, dict.__len__(dd), list(reversed(dd)))
