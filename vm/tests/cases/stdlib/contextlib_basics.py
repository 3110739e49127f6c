# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
import contextlib

log = []


@contextmanager
def tag(name, swallow=False):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    except ValueError as e:
        log.append("caught %s" % e)
        if not swallow:
            raise
    finally:
        log.append("</%s>" % name)

with tag("a") as v:
    log.append(v)
print(log)
log.clear()

with tag("outer"):
    with tag("inner"):
        log.append("body")
print(log)
log.clear()


def run(swallow):
    with tag("t", swallow):
        raise ValueError("boom")
    return "completed"

print(run(True), log)
log.clear()
try:
    run(False)
except ValueError as e:
    print("ValueError:", e, log)
log.clear()
try:
    with tag("k"):
        raise KeyError("other")
except KeyError as e:
    print("KeyError:", e, log)
log.clear()


@contextmanager
def never_yields():
    if False:
        yield

try:
    with never_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def yields_twice():
    yield 1
    yield 2

try:
    with yields_twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise LookupError("translated %s" % e) from e

try:
    with translate():
        {}["missing"]
except LookupError as e:
    print("LookupError:", e, type(e.__cause__).__name__)


@tag("deco")
def decorated(x):
    log.append("call %d" % x)
    return x * 2

print(decorated(4), decorated(5), log, decorated.__name__)
log.clear()

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(ZeroDivisionError):
    print("no error")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        log.append("closed " + self.name)

with closing(Resource("r1")) as r:
    log.append("using " + r.name)
with nullcontext(42) as n:
    log.append(n)
with nullcontext() as n:
    log.append(n)
print(log)
log.clear()

with ExitStack() as stack:
    names = [stack.enter_context(tag(str(i))) for i in range(3)]
    stack.callback(log.append, "callback")
    stack.push(lambda *exc: log.append("pushed exit %s" % (exc[0],)))
    log.append(names)
print(log)
log.clear()


def stack_swallows():
    with ExitStack() as stack:
        stack.enter_context(tag("s", swallow=True))
        stack.callback(log.append, "cb")
        raise ValueError("inside")
    return "swallowed"

print(stack_swallows(), log)
log.clear()


def stack_chain():
    def bad():
        raise KeyError("from callback")
    with ExitStack() as stack:
        stack.callback(bad)
        raise ValueError("body")

try:
    stack_chain()
except KeyError as e:
    print("KeyError:", e, "context:", repr(e.__context__))

stack = ExitStack()
stack.callback(log.append, "deferred")
moved = stack.pop_all()
stack.close()
print(log)
moved.close()
print(log)
try:
    ExitStack().enter_context(5)
except TypeError as e:
    print("TypeError:", e)


class Managed(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        log.append("managed exit")

with Managed() as m:
    print(type(m).__name__)
print(log)
