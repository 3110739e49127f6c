# Asynchronous comprehensions (PEP 530): async for and await inside comprehensions,
# asynchronous generator expressions, and the SyntaxErrors around them.


class Later:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield ("wait", self.v)
        return self.v


def run(coro):
    seen = []
    try:
        x = coro.send(None)
        while True:
            seen.append(x)
            x = coro.send(None)
    except StopIteration as e:
        return e.value, len(seen)


async def agen(n):
    for i in range(n):
        yield await Later(i)


async def value(x):
    return await Later(x)


class ARange:
    """An async iterator that is not an async generator."""
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def comprehensions():
    print([x async for x in agen(4)])
    print({x % 2 async for x in agen(5)})
    print({x: x * x async for x in agen(3)})
    print([x async for x in ARange(3)])
    print([x async for x in agen(6) if x % 2 if x > 1])
    print([(x, y) async for x in agen(3) for y in "ab" if x != 1])
    print([(x, y) for x in "ab" async for y in agen(2)])
    print([(x, y) async for x in agen(2) async for y in ARange(2)])
    print([await value(x) for x in range(3)])
    print([x for x in range(5) if await value(x % 2)])
    print({await value(k): await value(k + 10) for k in range(2)})
    print([await value(x) async for x in agen(3)])
    print([[y async for y in agen(x)] for x in range(3)])
    print([[await value(y) for y in range(x)] for x in range(3)])
    print([x for x in await value([7, 8])])
    print([x async for x in agen(0)])
    # The outermost iterable is evaluated once, outside.
    src = ARange(2)
    print([x async for x in src], [x async for x in src])
    return "done"

print(run(comprehensions()))


async def async_genexp():
    g = (x * 10 async for x in agen(3))
    print(type(g).__name__, g.__name__, g.__qualname__, bool(g.ag_code.co_flags & 0x200))
    print([v async for v in g])
    h = (await value(x) for x in range(3))
    print(type(h).__name__, [v async for v in h])
    nested = (y async for x in agen(3) for y in range(x))
    return [v async for v in nested]

print(run(async_genexp()))


def sync_genexp():
    # An asynchronous generator expression is allowed outside async functions.
    return (x async for x in agen(2))

g = sync_genexp()
print(type(g).__name__)
print(run(g.__anext__()), run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")

module_level = (await value(x) for x in range(2))
print(type(module_level).__name__)


async def errors():
    items = [1, 2]
    try:
        print([x async for x in items])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([x for x in agen(2)])
    except TypeError as e:
        print("TypeError:", e)

    async def failing():
        yield 1
        raise ValueError("inside")

    try:
        print([x async for x in failing()])
    except ValueError as e:
        print("ValueError:", e)
    try:
        print([1 / x async for x in agen(2)])
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

run(errors())


async def scoping():
    x = "outer"
    r = [x async for x in agen(2)]
    print(r, x)
    total = 0
    r = [(total := total + v) async for v in agen(4)]
    print(r, total)

run(scoping())


def check(src):
    try:
        compile(src, "<case>", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset))

check("async def f():\n    return [x async for x in y]\n")
check("def f():\n    return [x async for x in y]\n")
check("def f():\n    return [await x for x in y]\n")
check("def f():\n    return {x async for x in y}\n")
check("def f():\n    return {x: 1 async for x in y}\n")
check("def f():\n    return (x async for x in y)\n")
check("def f():\n    return [(x async for x in y) for z in w]\n")
check("def f():\n    return [[x async for x in y] for z in w]\n")
check("[x async for x in y]\n")
check("class C:\n    [x async for x in y]\n")
check("def f():\n    return [x for x in await y]\n")
check("def f():\n    return lambda: [x async for x in y]\n")
check("async def f():\n    return lambda: [x async for x in y]\n")
check("async def f():\n    lambda: await x\n")
check("async def f():\n    [x for x in y if await x]\n")
check("def f():\n    [x for x in y if await x]\n")
check("async def f():\n    yield 1\n    yield from x\n")
check("async def f():\n    return 5\n    yield 1\n")
check("async def f():\n    yield 1\n    return\n")
check("async def f():\n    [(yield x) for x in y]\n")
check("async def f():\n    async for x in y:\n        yield x\n")
