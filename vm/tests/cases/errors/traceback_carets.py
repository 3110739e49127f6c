import sys as _sys
class _CaseOut:
    """Print the case file's path as its base name: the output must not depend on
    where the checkout lives."""
    def write(self, s):
        return _sys.__stdout__.write(s.replace(__file__, __file__.rsplit("/", 1)[-1]))
    def flush(self):
        _sys.__stdout__.flush()
_sys.stdout = _CaseOut()
import sys, traceback
def f(a, b):
    return a + b
def g(d):
    return d["k"]["zz"]
def h():
    x = [1]
    y = (x) + 1
def m():
    return len(
        5)
def n():
    raise ValueError("v")
def k():
    n()
def p(x):
    return x  //  0
def q():
    zz = 1 ;  1/0   
def r():
    return {"a": [1, 2]}["a"][7]
def s():
    return int("é" + "x")
def t1(x): return (x) // 1
def t2(a): return a [ 1 ]
def t3(a): return (a)[1]
def t4(a): return a[(1)]
def t5(a): return (a  )   +   1
def t6(a): return a[1:2][5]
def t8(a): return 1 + a  # comment
def t9(a): return ( a ) [ 1 ]
def t10(a): return a[1] + a[2]
def t11(a): return (a + 1) * 2
cases = [(f, (1, "s")), (g, ({"k": {}},)), (h, ()), (m, ()), (k, ()), (p, (3,)), (q, ()), (r, ()), (s, ()),
         (t1, ("s",)), (t2, ({},)), (t3, ({},)), (t4, ({},)), (t5, ("s",)), (t6, ([1, 2],)), (t8, ("s",)),
         (t9, ({},)), (t10, ({1: "s", 2: 3},)), (t11, ("s",))]
for fn, args in cases:
    try:
        fn(*args)
    except Exception as e:
        print(traceback.format_exc())
        for fs in traceback.extract_tb(e.__traceback__):
            print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, fs.line)
        tb = e.__traceback__
        while tb:
            code = tb.tb_frame.f_code
            positions = list(code.co_positions())
            print(code.co_name, positions[tb.tb_lasti // 2], len(positions) == len(code.co_code) // 2)
            tb = tb.tb_next
        print("".join(traceback.format_tb(e.__traceback__)), end="")
try:
    try:
        f(1, None)
    except TypeError:
        g({})
except Exception:
    traceback.print_exc(file=sys.stdout)
print(all(len(p) == 4 for p in f.__code__.co_positions()))
