# code.replace() with co_consts, co_names, co_varnames and co_code, and assigning
# the result to a function's __code__.
def f(x=1):
    return x + 41

print(f())
c = f.__code__
f.__code__ = c.replace(co_consts=tuple(100 if k == 41 else k for k in c.co_consts))
print(f(), f.__code__ is not c)
f.__code__ = c
print(f())

# Any object can be a constant.
def lst():
    return "marker"
marker = [1, 2]
lst.__code__ = lst.__code__.replace(co_consts=tuple(marker if k == "marker" else k for k in lst.__code__.co_consts))
print(lst() is marker)

a, b = "global a", "global b"
def g():
    return a
print(g())
g.__code__ = g.__code__.replace(co_names=tuple("b" if n == "a" else n for n in g.__code__.co_names))
print(g(), g.__code__.co_names)

def h(x, y):
    return x - y
h.__code__ = h.__code__.replace(co_varnames=("p", "q"))
print(h(p=10, q=3), h.__code__.co_varnames)
try:
    h(x=1, y=2)
except TypeError as e:
    print("TypeError", e)

# The same bytecode round-trips and runs.
def loop(n):
    total = 0
    for i in range(n):
        try:
            total += {0: 1}[i % 2]
        except KeyError:
            total -= 1
    return total
before = loop(9)
loop.__code__ = loop.__code__.replace(co_code=loop.__code__.co_code)
print(before, loop(9))

def gen():
    yield 1
    yield 2
gen.__code__ = gen.__code__.replace(co_consts=tuple(k * 10 if type(k) is int else k for k in gen.__code__.co_consts))
print(list(gen()))

# Descriptive fields.
r = f.__code__.replace(co_name="renamed", co_firstlineno=77)
print(r.co_name, r.co_firstlineno)

# Errors.
for kw in [dict(co_code=b"\x00"), dict(co_code="ab"), dict(co_consts=[1]), dict(co_names=(1,)),
           dict(co_varnames=("only",)), dict(co_varnames=("a", "b", "c")), dict(co_names="ab")]:
    try:
        h.__code__.replace(**kw)
    except Exception as e:
        print(type(e).__name__, e)

def takes_closure():
    y = 1
    def inner():
        return y
    return inner
try:
    f.__code__ = takes_closure().__code__
except ValueError as e:
    print("ValueError", e)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError", e)
