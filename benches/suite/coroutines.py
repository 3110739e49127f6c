"""coroutines: `async def` / `await` driven by hand with send(None), no event loop: a
recursive coroutine Fibonacci through `await`, a round-robin scheduler of async tasks
that exchange messages and suspend on a custom awaitable, and a push pipeline of
generator-based coroutines (values arrive through `yield`, which `async def` cannot do).

usage: coroutines.py [N]   (default 120: fib(25) through nested coroutines, 20_000 * N
values pushed through the pipeline, 100 tasks for 100 * N rounds; fib and the pipeline are
checked against direct computations for any N, the scheduler's token count for the default N)
"""
import collections
import sys
import time


async def fib(n):
    """A coroutine: returns fib(n); suspends nowhere, like awaiting ready futures."""
    if n < 2:
        return n
    a = await fib(n - 1)
    b = await fib(n - 2)
    return a + b


class Switch:
    """An awaitable that suspends the awaiting task once, handing `tag` to the scheduler."""

    __slots__ = ("tag",)

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


def run_to_completion(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine suspended")


def primed(func):
    def start(*args):
        coro = func(*args)
        coro.send(None)
        return coro
    return start


@primed
def filter_odd(target):
    while True:
        x = yield
        if x & 1:
            target.send(x)


@primed
def square(target):
    while True:
        x = yield
        target.send(x * x)


@primed
def window_sum(target, width):
    window = collections.deque()
    total = 0
    while True:
        x = yield
        window.append(x)
        total += x
        if len(window) > width:
            total -= window.popleft()
        target.send(total)


@primed
def collector(out):
    try:
        while True:
            out.append((yield))
    except GeneratorExit:
        out.append(-1)


def pipeline(count):
    out = []
    sink = collector(out)
    head = filter_odd(square(window_sum(sink, 4)))
    for i in range(count):
        head.send(i)
    sink.close()
    return len(out), out[-2] if len(out) > 1 else 0, out[-1]


async def worker(ident, mailbox, peers):
    """Receive a token, add to it, pass it on to a peer; yield to the scheduler between."""
    handled = 0
    while True:
        while not mailbox[ident]:
            await Switch("wait")
        token = mailbox[ident].popleft()
        if token is None:
            return handled
        handled += 1
        mailbox[(ident * 7 + token) % peers].append(token + 1)
        await Switch("sent")


def schedule(tasks, rounds):
    mailbox = [collections.deque() for _ in range(tasks)]
    for i in range(tasks):
        mailbox[i].append(i)
    ready = collections.deque(worker(i, mailbox, tasks) for i in range(tasks))
    switches = 0
    for _ in range(rounds):
        for _ in range(len(ready)):
            task = ready.popleft()
            task.send(None)
            switches += 1
            ready.append(task)
    for box in mailbox:
        box.clear()
        box.append(None)
    handled = 0
    while ready:
        task = ready.popleft()
        try:
            task.send(None)
        except StopIteration as stop:
            handled += stop.value
        else:
            ready.append(task)
    return switches, handled


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    t0 = time.perf_counter()
    f = run_to_completion(fib(25))
    p = pipeline(20_000 * n)
    s = schedule(100, 100 * n)
    t1 = time.perf_counter()
    a, b = 0, 1
    for _ in range(25):
        a, b = b, a + b
    if f != a:
        raise SystemExit("coroutines: wrong fib %d, expected %d" % (f, a))
    odd = [i * i for i in range(20_000 * n) if i & 1]
    expected_p = (len(odd) + 1, sum(odd[-4:]), -1)
    if p != expected_p:
        raise SystemExit("coroutines: wrong pipeline result %r, expected %r" % (p, expected_p))
    checksum = "%d/%d/%d/%d/%d" % (f, p[0], p[1], s[0], s[1])
    if s[0] != 100 * 100 * n or (n == 120 and s[1] != 945186):
        raise SystemExit("coroutines: wrong scheduler result %r" % (s,))
    print("coroutines n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
