# class keyword arguments reach __init_subclass__ (class statements, type(), metaclasses); object's refuses them; typing imports
class A: pass
try:
    class B(A, x=1): pass
except TypeError as e: print(e)
try: type('C', (), {}, y=2)
except TypeError as e: print(e)
class P:
    def __init_subclass__(cls, **kw): print('init_subclass', cls.__name__, kw)
class Q(P, a=1, b=2): pass
R = type('R', (P,), {}, c=3)
class M(type): pass
class S(P, metaclass=M, d=4): pass
class T(Q): pass
class Mixin:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class U(A, Mixin, tag='u'): pass
print(U.tag)
import typing
print(typing.List[int], typing.Optional[str])
from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
class Pt(NamedTuple):
    x: int
    y: int = 0
class Movie(TypedDict):
    title: str
print(Box[int], Box(3).v, Pt(1), Pt._fields, Movie(title='x'), Movie.__required_keys__)
import contextlib
print(contextlib.AbstractAsyncContextManager, contextlib.redirect_stdout.__name__)
