# types.MethodType(func, obj) builds a bound method; generator.throw(type, instance)
# raises that instance, not a new one wrapping it
import types


class C:
    name = "c"


def hello(self, x):
    return f"{self.name} says {x}"


m = types.MethodType(hello, C())
print(m("hi"), m.__self__.name, m.__func__ is hello, type(m) is types.MethodType)
for bad in [(1, C()), (hello, None)]:
    try:
        types.MethodType(*bad)
    except TypeError as e:
        print("TypeError:", e)


def gen():
    try:
        yield 1
    except KeyError as e:
        yield ("caught", repr(e), e.args)


g = gen()
next(g)
err = KeyError("k")
print(g.throw(KeyError, err))
g = gen()
next(g)
print(g.throw(KeyError, "made from value"))
g = gen()
next(g)
print(g.throw(KeyError("instance only")))
try:
    gen().throw(KeyError("x"), "value")
except TypeError as e:
    print("TypeError:", e)
