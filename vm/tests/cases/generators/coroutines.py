# async def / await / async for / async with driven by send(), without an event loop.
class Later:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("waiting", self.v)
        return self.v if got is None else got

async def add(a, b):
    x = await Later(a)
    y = await Later(b)
    return x + y

async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
    return total

def drive(coro, replies=()):
    replies = list(replies)
    trace = []
    try:
        value = coro.send(None)
        while True:
            trace.append(value)
            value = coro.send(replies.pop(0) if replies else None)
    except StopIteration as stop:
        return stop.value, trace

print(drive(add(2, 3)))
print(drive(add(2, 3), [10, 20]))
print(drive(chain(3))[0])
c = chain(2)
print(type(c).__name__, c.cr_code.co_name, c.cr_running)
c.close()

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return await Later(self.n)

class Guard:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("enter")
        return self
    async def __aexit__(self, et, ev, tb):
        self.log.append(("exit", et.__name__ if et else None))
        return et is KeyError

async def uses_all(log):
    out = []
    async with Guard(log) as g:
        async for v in Countdown(3):
            if v == 0:
                break
            out.append(v)
        else:
            out.append("no break")
    async with Guard(log):
        raise KeyError("suppressed")
    try:
        async with Guard(log):
            raise ValueError("kept")
    except ValueError as e:
        out.append(str(e))
    return out

log = []
print(drive(uses_all(log))[0], log)

async def bad_await():
    return await 5

try:
    drive(bad_await())
except TypeError as e:
    print("TypeError:", e)

async def thrower():
    try:
        await Later(1)
    except RuntimeError as e:
        return "caught " + str(e)

t = thrower()
t.send(None)
try:
    t.throw(RuntimeError("in"))
except StopIteration as stop:
    print(stop.value)
