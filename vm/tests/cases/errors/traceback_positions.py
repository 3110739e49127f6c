import sys as _sys
class _CaseOut:
    """Print the case file's path as its base name: the output must not depend on
    where the checkout lives."""
    def write(self, s):
        return _sys.__stdout__.write(s.replace(__file__, __file__.rsplit("/", 1)[-1]))
    def flush(self):
        _sys.__stdout__.flush()
_sys.stdout = _CaseOut()
import traceback, sys
class O: pass
o = O()
def g(x): return x.missing
def call(fn):
    try:
        fn()
    except BaseException:
        sys.stdout.write(traceback.format_exc())
        print("--")
call(lambda: o.y.z)
call(lambda: g(o))
call(lambda: len(g(o)))
call(lambda: [1][0][0])
call(lambda: {}["a"]["b"])
def aug():
    x = "s"
    x += 1
call(aug)
def cmp():
    return 1 < "a"
call(cmp)
def un():
    return -"s"
call(un)
def it():
    for i in 5:
        pass
call(it)
def unpack():
    a, b = [1, 2, 3]
call(unpack)
def delk():
    d = {}
    del d["k"]
call(delk)
def assertion():
    assert 1 == 2, "msg"
call(assertion)
def ncall():
    x = 5
    return x(1, 2)
call(ncall)
def meth():
    return "abc".nosuch(1)
call(meth)
def kw():
    return int("x", base=10)
call(kw)
def fstr():
    return f"{1/0}"
call(fstr)
def comp():
    return [1 / i for i in range(2)]
call(comp)
def genr():
    def gg():
        yield 1 / 0
    return next(gg())
call(genr)
def nested():
    return int(str(int("q")))
call(nested)
def multi():
    return int(
        "x"
    )
call(multi)
def attr_store():
    (1).x = 2
call(attr_store)
def dictget():
    d = {"a": 1}
    return d["a"] + d["b"]
call(dictget)
def chained_ops():
    return 1 + 2 * "a" - 3
call(chained_ops)
def power():
    return 2 ** "x"
call(power)
def with_stmt():
    with 5:
        pass
call(with_stmt)
def raise_from():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("x") from e
call(raise_from)
def imp():
    import nosuchmodule_xyz
call(imp)
def imp2():
    import collections, nosuchmod_q
call(imp2)
def starcall():
    return len(*[1, 2])
call(starcall)
def slicing():
    return [1, 2][1:"a"]
call(slicing)
def boolop():
    return None or [][0]
call(boolop)
def ternary():
    return 1 if [][0] else 2
call(ternary)
def lam():
    return (lambda q: q.zz)(1)
call(lam)
x = [0]; y = None
def a1(): assert x[0], 'm'
def a2(): assert isinstance(1, str), 'm'
def a3(): assert x[0] == 2, 'm'
def a4(): assert 0 < x[0] < 5, 'm'
def a5(): assert x[0] and y, 'm'
def a6(): assert not x
def a7(): assert y is not None, 'm'
def a8(): assert (x[0] == 1), 'm'
def a9(): assert x[0] if x else 0, 'm'
def a10(): assert x[0] == 1 and y, 'm'
def a11(): assert not (x[0] == 1)
for fn in [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11]:
    call(fn)
def chain1():
    return "x".upper().nosuch().strip()
def chain2():
    return (
        "x"
        .nosuch()
    )
def chain3():
    return (o
            .attr_missing)
def chain4():
    (o
     .q) = 1
    del (o
         .nope)
call(chain1)
call(chain2)
call(chain3)
call(chain4)
