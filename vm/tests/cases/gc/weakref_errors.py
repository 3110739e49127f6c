# Which objects can be weakly referenced: TypeError "cannot create weak
# reference to 'T' object" for built-in atoms and containers and for classes
# whose __slots__ leave out '__weakref__'; instances of ordinary classes carry a
# __weakref__ attribute (None, then the first weakref); '__weakref__' in
# __slots__ enables weak references; subclasses of str/list/dict/set are
# weakly referenceable, subclasses of int/tuple/bytes are not.
import weakref


def try_ref(label, obj):
    try:
        weakref.ref(obj)
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)


for label, obj in [("int", 1), ("bool", True), ("float", 1.5), ("complex", 1j),
                   ("str", "s"), ("bytes", b"b"), ("bytearray", bytearray()),
                   ("None", None), ("list", []), ("dict", {}), ("tuple", (1,)),
                   ("range", range(2)), ("object()", object()),
                   ("Exception()", Exception("x"))]:
    try_ref(label, obj)
for label, mk in [("proxy of int", lambda: weakref.proxy(1)),
                  ("ref with callback of list", lambda: weakref.ref([], print))]:
    try:
        mk()
    except TypeError as e:
        print(label, "TypeError:", e)


class Plain:
    pass


p = Plain()
print("__weakref__ before:", p.__weakref__)
r = weakref.ref(p)
print("__weakref__ is the ref:", p.__weakref__ is r)
r2 = weakref.ref(p, lambda wr: None)
print("__weakref__ still the basic ref:", p.__weakref__ is r)
del r
print("__weakref__ after the basic ref died:", p.__weakref__ is r2)
print("descriptor:", type(Plain.__dict__["__weakref__"]).__name__)


class NoWeak:
    __slots__ = ("a",)


class WithWeak:
    __slots__ = ("a", "__weakref__")


class Empty:
    __slots__ = ()


try_ref("__slots__ without __weakref__", NoWeak())
try_ref("__slots__ = ()", Empty())
w = WithWeak()
try_ref("__slots__ with __weakref__", w)
print("hasattr __weakref__:", hasattr(NoWeak(), "__weakref__"), hasattr(w, "__weakref__"))
print("has __dict__:", hasattr(w, "__dict__"))


class SubOfNoWeak(NoWeak):
    pass


class SlottedSubOfNoWeak(NoWeak):
    __slots__ = ("b",)


try_ref("subclass without __slots__ of a slotted class", SubOfNoWeak())
try_ref("slotted subclass of a slotted class", SlottedSubOfNoWeak())

for base in (str, list, dict, set, frozenset, int, tuple, bytes, float):
    sub = type("My" + base.__name__.capitalize(), (base,), {})
    try_ref("subclass of " + base.__name__, sub())

try:
    class Twice(WithWeak):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)
