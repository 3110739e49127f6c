import inspect
objs = [list.append, [].append, dict.fromkeys, dict.__dict__['fromkeys'], {}.fromkeys, object.__init__, object().__str__,
        len, list.__getitem__, [].__getitem__, list.__len__, [].__len__, dict.__contains__, str.upper, "a".upper,
        int.from_bytes, float.fromhex, set.__contains__, tuple.__len__, list.__dict__['append']]
for o in objs:
    print(type(o).__name__, inspect.ismethoddescriptor(o), inspect.isbuiltin(o), inspect.isroutine(o), inspect.ismethodwrapper(o), inspect.isfunction(o), inspect.ismethod(o))
def noaddr(s):
    i = s.find(' at 0x')
    return s if i < 0 else s[:i] + ' at ADDR>'
for o in objs:
    print(noaddr(repr(o)))
print(dict.fromkeys("ab"), {}.fromkeys("xy", 1), dict.__dict__['fromkeys'].__get__(None, dict)("q"))
class D(dict): pass
print(type(D.fromkeys("ab")).__name__, D.fromkeys("ab"), type(D().fromkeys("c")).__name__)
print(list.append.__name__, list.append.__qualname__, dict.fromkeys.__qualname__, dict.fromkeys.__self__ is dict, [].append.__self__)
print(list.append.__get__([1])(2) if False else type(list.append.__get__([1])).__name__)
l = [1]; list.append.__get__(l)(5); print(l)
print(type(type(list.append).__dict__['__get__']).__name__)
print(int.from_bytes(b"\x01\x00", "big"), bool.from_bytes(b"\x01", "big"))
class E:
    @classmethod
    def c(cls): return cls.__name__
print(type(E.__dict__['c']).__name__, E.c(), type(E.c).__name__, E().c())
class A:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class B(A): pass
class C:
    pass
print(type(object.__dict__['__init_subclass__']).__name__, type(object.__init_subclass__).__name__, object.__init_subclass__.__self__ is object)
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(e)
try:
    C.__init_subclass__(1)
except TypeError as e:
    print(e)
C.__init_subclass__()
class D(A):
    def __init_subclass__(cls):
        super().__init_subclass__()
class E(D): pass
print("ok")
names = [("str", "upper"), ("int", "bit_length"), ("object", "__repr__"), ("object", "__init_subclass__"), ("type", "mro"), ("BaseException", "with_traceback"), ("list", "sort"), ("dict", "items"), ("object", "__format__"), ("object", "__eq__"), ("list", "__iter__"), ("list", "__len__"), ("str", "__add__"), ("object", "__sizeof__"), ("object", "__dir__"), ("set", "add"), ("type", "__subclasses__")]
for cls, n in names:
    c = eval(cls)
    d = c.__dict__.get(n)
    a = getattr(c, n, None)
    print(cls, n, type(d).__name__ if d is not None else "-", type(a).__name__ if a is not None else "-", inspect.isroutine(a) if a is not None else "-")
for d in [list.append, str.upper, object.__init__, dict.__dict__['fromkeys'], BaseException.with_traceback]:
    print(getattr(d, "__objclass__", "-"), hasattr(d, "__self__"))
print([].append.__self__, (1).__add__.__self__ if hasattr(1, "__add__") else 1, {}.get.__self__)
d = dict.__dict__['fromkeys']
print(d.__name__, d.__qualname__, hasattr(d, "__func__"), list.append.__name__, list.append.__qualname__)
