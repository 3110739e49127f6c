# keyword-only and positional-only parameters
def kw(a, *, b, c=10):
    return a + b + c
print(kw(1, b=2), kw(1, c=0, b=5), kw(a=1, b=1))
def pos(a, b, /, c, d=4):
    return a, b, c, d
print(pos(1, 2, 3), pos(1, 2, c=3), pos(1, 2, 3, d=0))
def both(a, /, b, *, c):
    return a, b, c
print(both(1, 2, c=3), both(1, b=2, c=3))
def pos_and_kw_same_name(a, /, **kw):
    return a, kw
print(pos_and_kw_same_name(1, a=2))
def star_kw(*args, sep="-"):
    return sep.join(map(str, args))
print(star_kw(1, 2, 3), star_kw(1, 2, sep="+"))
def defaults(a, b=2, /, c=3, *, d, e=5):
    return a, b, c, d, e
print(defaults(1, d=4), defaults(1, 9, 8, d=7, e=6))
print(defaults.__kwdefaults__, defaults.__defaults__)
for call in (lambda: kw(1, 2), lambda: kw(1), lambda: pos(a=1, b=2, c=3), lambda: both(1, 2, 3),
             lambda: pos(1), lambda: kw(1, b=2, d=3)):
    try:
        call()
    except TypeError as exc:
        print(type(exc).__name__, exc)
