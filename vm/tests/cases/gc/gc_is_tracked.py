# gc.is_tracked for values whose answer CPython 3.11 fixes: atoms are never
# tracked; lists, sets, instances, classes, functions, modules and generators
# always are; a dict is tracked only once it holds a value that may be tracked
# (and stays tracked until a full collection finds only untracked values in it);
# a tuple whose items are all untracked is untracked by the first collection
# that sees it.
import gc
import sys


class User:
    pass


def func():
    pass


def gen():
    yield 1


cases = [
    ("0", 0),
    ("2 ** 100", 2 ** 100),
    ("1.5", 1.5),
    ("1j", 1j),
    ("'a'", "a"),
    ("b'x'", b"x"),
    ("None", None),
    ("True", True),
    ("Ellipsis", ...),
    ("[]", []),
    ("[1]", [1]),
    ("{}", {}),
    ("{'a': 1}", {"a": 1}),
    ("{1: 'x', 'y': 2.5}", {1: "x", "y": 2.5}),
    ("{'a': []}", {"a": []}),
    ("{'a': {}}", {"a": {}}),
    ("set()", set()),
    ("{1, 2}", {1, 2}),
    ("frozenset()", frozenset()),
    ("User()", User()),
    ("User", User),
    ("func", func),
    ("lambda", lambda: 0),
    ("sys (a module)", sys),
    ("gen()", gen()),
    ("User().__init__ (bound method)", User().__init__),
    ("int (a builtin type)", int),
]
for label, value in cases:
    print(label, gc.is_tracked(value))

# A dict becomes tracked when a tracked value goes in, and stays tracked.
d = {"k": 1}
print("dict of atoms:", gc.is_tracked(d))
d["l"] = []
print("after adding a list:", gc.is_tracked(d))
del d["l"]
print("after removing it again:", gc.is_tracked(d))
d2 = {}
d2.update({"x": [1]})
print("after update with a list value:", gc.is_tracked(d2))
d3 = dict(a=1, b="s")
print("dict(a=1, b='s'):", gc.is_tracked(d3))
d3.setdefault("c", set())
print("after setdefault with a set:", gc.is_tracked(d3))

# Tuples: after a full collection, tuples of atoms are no longer tracked; a
# tuple holding a list stays tracked.
atoms = tuple([1, "two", 3.0, None])
holds_list = tuple([[], 1])
holds_tracked_tuple = tuple([holds_list])
gc.collect()
print("tuple of atoms after collect:", gc.is_tracked(atoms))
print("tuple holding a list after collect:", gc.is_tracked(holds_list))
print("tuple holding that tuple after collect:", gc.is_tracked(holds_tracked_tuple))
print("empty tuple:", gc.is_tracked(()))
print("dict emptied of its list, after collect:", gc.is_tracked(d))
print("dict still holding a set, after collect:", gc.is_tracked(d3))

try:
    gc.is_tracked()
except TypeError as e:
    print("TypeError:", e)
