# PEP 604 unions (types.UnionType): X | Y of classes, None and generic aliases.
import types


class TV:
    def __init__(self, name):
        self.name = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return '~' + self.name


T = TV('T')

u = int | str
print(type(u) is types.UnionType, types.UnionType, u, u.__args__, u.__module__)
print(int | None, None | int, list[int] | None, int | str | float, (int | str) | (float | int))
print(int | int, (int | str) == (str | int), (int | str) == (int | float), hash(int | str) == hash(str | int))
print(list[int] | list[int], dict[str, int] | list[int], int | list[int])
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
print((list[T] | int).__parameters__, (list[T] | int)[str], (int | str).__parameters__)
for bad in (lambda: int | 3, lambda: 3 | int, lambda: None | None, lambda: isinstance([], list[int] | int)):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    types.UnionType()
except TypeError as e:
    print('TypeError:', e)
