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
