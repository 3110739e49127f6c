# with statement: __enter__/__exit__, exception suppression, nesting, contextlib
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))
def early():
    with CM("ret"):
        return "returned"
print(early())
for k in range(3):
    with CM("loop%d" % k):
        if k == 1:
            continue
        if k == 2:
            break
        print("loop body", k)
import contextlib
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    finally:
        print("</%s>" % name)
with tag("p") as t:
    with tag("b"):
        print("text in", t)
try:
    with tag("err"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
with contextlib.suppress(IndexError):
    [][1]
print("suppress ok")
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit args", [type(a).__name__ for a in args])
        return False
with Resource() as r:
    print(type(r).__name__)
try:
    with Resource():
        raise TypeError("x")
except TypeError:
    print("typeerror out")
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
