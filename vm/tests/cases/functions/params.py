# Defaults, *args, **kwargs, argument binding
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1))
print(f(1, 5))
print(f(1, 5, 6, 7))
print(f(1, c=9, z=0))
print(f(a=1, b=2, extra="x"))
print(f(*[1, 2, 3], **{"c": 4, "d": 5}))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
def defaults_evaluated_once(n=len("abc")):
    return n
print(defaults_evaluated_once(), defaults_evaluated_once.__defaults__)
def varargs(*args):
    return type(args).__name__, len(args), sum(args)
print(varargs(), varargs(1, 2, 3), varargs(*range(10)))
def kwargs_only(**kw):
    return sorted(kw.items())
print(kwargs_only(b=1, a=2), kwargs_only(**{"x": 1}))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
def noret():
    pass
print(noret(), f.__name__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
def g(a, b):
    return a - b
print(g(b=1, a=10), g(10, b=1))
errors = [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, a=2), lambda: g(1, 2, c=3), lambda: f(),
          lambda: g(**{"a": 1, "b": 2, "c": 3})]
for e in errors:
    try:
        e()
    except TypeError as exc:
        print(type(exc).__name__, exc)
