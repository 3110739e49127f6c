# Asynchronous generators (PEP 525) driven by a tiny hand-written event loop.
import sys


class Later:
    """An awaitable that suspends once, handing `tag` to the loop."""
    def __init__(self, v, tag="tick"):
        self.v = v
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return self.v if got is None else got


def run(aw, replies=()):
    """Drive a coroutine or awaitable to the end: (result, what the loop saw)."""
    replies = list(replies)
    seen = []
    it = aw.__await__() if hasattr(aw, "__await__") else aw
    try:
        x = it.send(None)
        while True:
            seen.append(x)
            x = it.send(replies.pop(0) if replies else None)
    except StopIteration as e:
        return e.value, seen


def attempt(f, *args):
    try:
        r = f(*args)
        print("  ->", r)
    except BaseException as e:
        print("  !", type(e).__name__, e)


async def double(x):
    return 2 * await Later(x)


async def ticker(n):
    for i in range(n):
        v = await double(i)
        yield v
    print("  ticker done")


async def consume(agen):
    out = []
    async for v in agen:
        out.append(v)
    return out


print("-- async for")
print(run(consume(ticker(3))))

print("-- object")
agen = ticker(2)
print(type(agen).__name__, type(agen).__qualname__, agen.__name__, agen.__qualname__)
print(repr(agen).startswith("<async_generator object ticker at 0x"))
print(agen.ag_code.co_name, bool(ticker.__code__.co_flags & 0x200), bool(ticker.__code__.co_flags & 0xa0))
print(agen.ag_running, agen.ag_await, type(agen.ag_frame).__name__)
print(agen.__aiter__() is agen)
n = agen.__anext__()
print(type(n).__name__, repr(n).startswith("<async_generator_asend object at 0x"))
print(type(agen.athrow(ValueError)).__name__, type(agen.aclose()).__name__)
print(n.__await__() is n, iter(n) is n)
print(n.send(None))
print("running while awaiting:", agen.ag_running, type(agen.ag_await).__name__)
attempt(n.send, None)
print("running after the yield:", agen.ag_running)
attempt(n.send, None)
attempt(next, n)
print(run(agen.__anext__()))
attempt(run, agen.__anext__())
print("finished:", agen.ag_frame, agen.ag_await, agen.ag_running)
attempt(run, agen.__anext__())
print(sorted(n for n in dir(agen) if not n.startswith("__")))


class Box:
    async def items(self):
        yield 1

print(Box().items().__qualname__)

print("-- asend")


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                return
    finally:
        print("  echo saw", received)

e = echo()
print(run(e.asend(None)))
print(run(e.asend("a")))
print(run(e.__anext__()))
attempt(run, e.asend("stop"))
attempt(run, e.asend("more"))

e = echo()
attempt(run, e.asend("first"))
e = echo()
attempt(lambda: e.__anext__().send("first"))

print("-- athrow")


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as exc:
            print("  caught", repr(exc))
            await Later(0)
            yield "recovered"
        except KeyError:
            print("  KeyError: returning")
            return

c = catcher()
print(run(c.__anext__()))
print(run(c.athrow(ValueError)))
print(run(c.__anext__()))
print(run(c.athrow(ValueError, ValueError("with value"))))
print(run(c.__anext__()))
print(run(c.athrow(ValueError("instance"))))
try:
    run(c.athrow(ValueError("while handling")))
except ValueError as exc:
    print("  !", repr(exc), "context:", repr(exc.__context__))
attempt(run, c.__anext__())
c = catcher()
print(run(c.__anext__()))
attempt(run, c.athrow(KeyError))
attempt(run, c.athrow(TypeError))
attempt(run, c.__anext__())

c = catcher()
attempt(run, c.athrow(ZeroDivisionError("before start")))
attempt(run, c.__anext__())

c = catcher()
print(run(c.__anext__()))
attempt(run, c.athrow(1))
print(run(c.__anext__()))
attempt(run, c.athrow(TypeError, 5))

print("-- aclose")


async def closable(log):
    try:
        log.append("start")
        yield 1
        yield 2
    finally:
        log.append("cleanup")
        await Later(0, "cleanup-await")
        log.append("cleaned")

log = []
a = closable(log)
print(run(a.__anext__()))
print(run(a.aclose()), log)
attempt(run, a.__anext__())
print(run(a.aclose()))
attempt(run, a.athrow(ValueError))

log = []
a = closable(log)
print(run(a.aclose()), log)
attempt(run, a.__anext__())

log = []
a = closable(log)
print(run(a.__anext__()))
cl = a.aclose()
print(cl.send(None))
attempt(cl.send, None)
attempt(cl.send, None)
print(log)


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit")
        yield 2

s = stubborn()
print(run(s.__anext__()))
attempt(run, s.aclose())


async def raises_in_close():
    try:
        yield 1
    finally:
        raise OSError("during close")

r = raises_in_close()
print(run(r.__anext__()))
attempt(run, r.aclose())

print("-- exceptions")


async def failing():
    yield 1
    await Later(0)
    raise ValueError("boom")

f = failing()
print(run(f.__anext__()))
attempt(run, f.__anext__())
attempt(run, f.__anext__())


async def stop_inside():
    yield 1
    raise StopIteration("x")

s = stop_inside()
print(run(s.__anext__()))
try:
    run(s.__anext__())
except RuntimeError as exc:
    print(exc, "| cause:", repr(exc.__cause__))


async def stop_async_inside():
    raise StopAsyncIteration
    yield

try:
    run(stop_async_inside().__anext__())
except RuntimeError as exc:
    print(exc, "| cause:", repr(exc.__cause__))


async def loop_with_error():
    out = []
    try:
        async for v in failing():
            out.append(v)
    except ValueError as exc:
        out.append(str(exc))
    return out

print(run(loop_with_error()))

print("-- reuse and running")
t = ticker(3)
first = t.__anext__()
print(first.send(None))
attempt(run, t.__anext__())
attempt(run, t.asend(None))
attempt(run, t.athrow(ValueError))
attempt(run, t.aclose())
attempt(first.send, None)
attempt(first.throw, KeyError)
n2 = t.__anext__()
n2.close()
attempt(n2.send, None)
print(run(t.__anext__()))
th = t.athrow(IndexError)
attempt(run, th)
attempt(th.send, None)
attempt(th.throw, IndexError)
attempt(run, t.__anext__())

print("-- throw into the awaitable")
t = ticker(3)
w = t.__anext__()
print(w.send(None))
attempt(w.throw, KeyError("in await"))
attempt(run, t.__anext__())

c = catcher()
print(run(c.__anext__()))
w = c.__anext__()
attempt(w.throw, ValueError)
attempt(w.send, None)

print("-- builtins aiter / anext")
t = ticker(2)
print(aiter(t) is t)
print(run(anext(t)))
print(run(anext(t, "default")))
print(run(anext(t, "default")))
print(type(anext(t, 0)).__name__)
attempt(run, anext(t))
attempt(aiter, 5)
attempt(anext, 5)
attempt(anext, t, 1, 2)


class NotAIter:
    def __aiter__(self):
        return 5

attempt(aiter, NotAIter())


class Manual:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n

m = Manual()
print(run(anext(m, "end")), run(anext(m, "end")), run(anext(m, "end")))

print("-- not iterable, not awaitable")
t = ticker(1)
attempt(iter, t)
attempt(next, t)


async def await_agen():
    await ticker(1)

attempt(run, await_agen())


async def for_over_sync():
    async for x in [1, 2]:
        pass

attempt(run, for_over_sync())

print("-- async with and nested awaits")


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await Later(0, "enter " + self.name)
        return self.name

    async def __aexit__(self, *exc):
        await Later(0, "exit " + self.name)
        return False


async def inner(x):
    return await double(await double(x))


async def with_resource():
    async with Resource("r") as name:
        yield name
        yield await inner(1)
    yield "after"

print(run(consume(with_resource())))


async def delegating():
    async for v in ticker(2):
        yield v + 100
    async for v in with_resource():
        yield v

print(run(consume(delegating())))

print("-- finalization without hooks")


async def noisy(name):
    try:
        yield 1
        yield 2
    finally:
        print("  finally of", name)

g = noisy("dropped")
print(run(g.__anext__()))
del g
print("after del")
g = noisy("never started")
del g
print("after del of unstarted")

print("-- hooks")
print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(h.firstiter, h.finalizer, h[0], h[1], len(h), type(h).__name__)

events = []


def firstiter(agen):
    events.append(("firstiter", agen.__name__))


def finalizer(agen):
    events.append(("finalizer", agen.__name__))
    keep.append(agen)

keep = []
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
g = noisy("hooked")
print(events)
aw = g.__anext__()
print(events)
print(run(aw))
print(run(g.__anext__()))
print(events)
del g, aw
print(events)
print(run(keep[0].aclose()))
print(len(keep))
keep.clear()

done = noisy("exhausted")
print(run(consume(done)))
del done
print(events)

g = noisy("closed first")
print(run(g.__anext__()))
print(run(g.aclose()))
del g
print(events)

g = noisy("athrow first")
attempt(run, g.athrow(ValueError))
del g
print(events)

sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
attempt(sys.set_asyncgen_hooks, 1)
attempt(sys.set_asyncgen_hooks, None, 2)
attempt(lambda: sys.set_asyncgen_hooks(finalizer=1, firstiter=2))
attempt(lambda: sys.set_asyncgen_hooks(finalizer=print, firstiter=2))
print(sys.get_asyncgen_hooks().finalizer is print)
sys.set_asyncgen_hooks(finalizer=None)
attempt(sys.set_asyncgen_hooks, None, None, None)
attempt(lambda: sys.set_asyncgen_hooks(other=None))
attempt(lambda: sys.set_asyncgen_hooks(None, firstiter=None))
attempt(lambda: sys.set_asyncgen_hooks(None, None, finalizer=None))


def bad_firstiter(agen):
    raise LookupError("firstiter failed")

sys.set_asyncgen_hooks(firstiter=bad_firstiter)
g = noisy("bad hook")
attempt(g.__anext__)
print(run(g.__anext__()))
sys.set_asyncgen_hooks(None, None)
del g
print(sys.get_asyncgen_hooks())
