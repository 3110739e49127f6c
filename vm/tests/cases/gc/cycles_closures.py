# Cycles through functions: a nested function in its own closure cell, two nested
# functions that call each other, a lambda capturing a list that holds it, a
# function attribute referring to the function, a default argument referring back.
import gc
import weakref

freed = []


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


def check(label):
    print(label, "before:", sorted(freed))
    gc.collect()
    print(label, "after:", sorted(freed))
    freed.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect


def make_recursive():
    m = Marker("recursive")

    def fact(n):
        m.name  # keep the marker in the closure
        return 1 if n <= 1 else n * fact(n - 1)

    return fact


f = make_recursive()
print(f(5), f.__closure__[0].cell_contents is f)
wf = weakref.ref(f)
del f
print("function alive before collect:", wf() is not None)
check("own closure cell:")
print("function alive after collect:", wf() is not None)


def make_pair():
    m = Marker("pair")

    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        m.name
        return False if n == 0 else is_even(n - 1)

    return is_even


ev = make_pair()
print(ev(10), ev(7))
del ev
check("mutual recursion:")


def make_lambda():
    box = [Marker("lambda")]
    box.append(lambda: box)
    return box[1]


lam = make_lambda()
print(lam()[1] is lam)
del lam
check("lambda in captured list:")


def attr_func():
    return attr_func.tag


attr_func.me = attr_func
attr_func.tag = Marker("func-attr")
wa = weakref.ref(attr_func)
del attr_func
check("function attribute:")
print("module function alive:", wa() is not None)

box = [Marker("default")]


def with_default(x=box):
    return x


box.append(with_default)
del box, with_default
check("default argument:")

# A closure kept alive from outside is not collected.
keep = make_recursive()
check("still referenced:")
del keep
check("released:")
