# Generator functions: laziness, state, StopIteration, return values
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
g = count_up(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_up(2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    return "done"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", repr(e.value), e.args)
print(next(iter(with_return())), next(with_return(), "dflt"), next(iter([]), "empty"))
def empty():
    return
    yield
print(list(empty()))
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())))
gen = (x for x in range(3))
print(iter(gen) is gen, list(gen), list(gen))
def gen_in_loop():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for v in gen_in_loop():
    print("got", v)
def state():
    total = 0
    for v in [5, 10, 20]:
        total += v
        yield total
print(list(state()), sum(state()))
