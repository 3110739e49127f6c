# types.SimpleNamespace, types.MappingProxyType (cls.__dict__), each container's own __repr__, pprint over them
import types, sys, pprint
n = types.SimpleNamespace(a=1, b='x')
print(n, n.a, n == types.SimpleNamespace(a=1, b='x'), n != types.SimpleNamespace(a=2))
n.self = n
print(n)
class Sub(types.SimpleNamespace): pass
print(Sub(q=[1]), type(sys.implementation) is types.SimpleNamespace)
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: hash(n)
except TypeError as e: print(e)
pprint.pprint({'a': list(range(30)), 'b': {'c': (1, 2)}, 's': {3, 1, 2}})
pprint.pprint(types.SimpleNamespace(x=1, y=list(range(40))))
print(vars(types.SimpleNamespace(k=2)))
mp = types.MappingProxyType({'a': 1, 'b': 2})
print(mp, mp['a'], len(mp), list(mp), 'a' in mp, mp.get('z', 0), mp.copy(), mp == {'a': 1, 'b': 2}, dict(mp), mp | {'c': 3})
try: mp['a'] = 3
except TypeError as e: print(e)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
class C: x = 1
print(type(C.__dict__), C.__dict__['x'], 'x' in C.__dict__, type(C.__dict__) is types.MappingProxyType)
print(dict.__repr__({1: 2}), list.__repr__, dict.__repr__ is not object.__repr__)
class D(dict):
    def __repr__(self): return 'D!'
print(repr(D(a=1)), dict.__repr__(D(a=1)))
try: dict.__repr__([])
except TypeError as e: print(e)
match mp:
    case {'a': 1}: print('proxy matches mapping')
class O: pass
pprint.pprint([O.__name__, {'k': types.SimpleNamespace(z=1)}])
