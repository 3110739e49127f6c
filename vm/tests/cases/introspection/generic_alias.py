# PEP 585 generic aliases (types.GenericAlias): construction, repr, equality and
# hashing, substitution of type parameters, calls, attribute forwarding, class
# statements (__mro_entries__), isinstance refusals, subclassing, pickling data.
import types
from types import GenericAlias


class TV:
    """A minimal type variable: what typing.TypeVar offers to GenericAlias."""
    def __init__(self, name):
        self.name = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return '~' + self.name


T, S = TV('T'), TV('S')

print(type(list[int]) is GenericAlias, GenericAlias)
print(list[int], dict[str, int], tuple[int, ...], tuple[()], type[int], set[bytes], frozenset[str])
print(list['x'], list[...], dict[str, list[int]], list[types.FunctionType], list[None])
print(list[int].__origin__, list[int].__args__, list[int].__parameters__, list[int].__unpacked__)
print(dict[str, int].__args__, GenericAlias(tuple, int).__args__, GenericAlias(list, (int, str)))

# equality and hashing
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list)
print(hash(list[int]) == hash(list[int]), len({list[int], list[int], dict[int, str]}))

# parameters and substitution
print(list[T].__parameters__, dict[T, list[S]].__parameters__, dict[T, T].__parameters__)
print(list[T][int], dict[str, T][int], dict[T, list[S]][str, bytes], list[list[T]][str])
for bad in (lambda: list[int][str], lambda: dict[T, S][int], lambda: list[T][int, str]):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

# calls set __orig_class__ where they can
l = list[int]([1, 2])
print(l, type(l))


class Box:
    pass


b = GenericAlias(Box, int)()
print(type(b).__name__, b.__orig_class__)

# attributes other than the alias's own come from the origin
print(list[int].append, list[int].__name__, list[int].__class__, list[int].__mro_entries__((1,)))
try:
    list[int].nothing
except AttributeError as e:
    print('AttributeError:', e)

# class statements use __mro_entries__ and keep __orig_bases__
class L(list[int]):
    pass


print(L.__bases__, L.__orig_bases__, L.__mro__)
print(types.resolve_bases((dict[str, int], int)))

# isinstance / issubclass refuse parameterized generics
for f in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)

print(list[int].__reduce__())


# a subclass (what collections.abc's _CallableGenericAlias does)
class Sub(GenericAlias):
    __slots__ = ()

    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)

    def __repr__(self):
        return 'Sub:' + super().__repr__()


s = Sub(dict, (T, int))
print(s, type(s).__name__, s.__origin__, s.__args__, s.__parameters__)
print(s == dict[T, int], hash(s) == hash(dict[T, int]), s[str], type(s[str]).__name__, s())

for bad in (lambda: GenericAlias(list), lambda: GenericAlias(list, int, str)):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

import collections
print(collections.deque[int], collections.defaultdict[str, int], collections.OrderedDict[str, int])
print(list.__class_getitem__(int), dict.__class_getitem__((int, str)))
try:
    str[int]
except TypeError as e:
    print('TypeError:', e)
