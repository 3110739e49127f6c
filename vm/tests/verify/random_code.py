# Random damage to real functions: wordcode mutations, random units, and constants
# replaced by other objects. Each replace() is rejected with ValueError, or the code
# runs (raising or not) without crashing.
def f(a, b=2):
    return a + b

def sample(n):
    t = 0
    for i in range(n):
        try:
            t += [i, {"k": i}][i % 2]["k"] if i % 2 else i
        except Exception:
            t -= 1
    return [t, (n, "x")]

def outer(n):
    k = n
    def inner(m, *a, **kw):
        return k + m
    return inner(2, x=1), [k * i for i in range(n)], {**{"a": k}}, f"{k!r:>3}"[1:3]

def gen(n):
    x = yield from range(n)
    with open(__file__) as fh:
        pass
    return x

def restore(snapshot):
    g = globals()
    g.clear()
    g.update(snapshot)

seed = 12345
def rnd(k):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k

# Damaged code can loop forever: every run gets an opcode budget.
import sys
budget = 0
class OutOfBudget(BaseException):
    pass

def tracer(frame, event, arg):
    global budget
    frame.f_trace_opcodes = True
    budget -= 1
    if budget < 0:
        raise OutOfBudget
    return tracer

rejected = ran = 0
for trial in range(4000):
    fn = [sample, gen, f, outer][trial % 4]
    code = bytearray(fn.__code__.co_code)
    if trial % 5 == 4:
        code = bytearray(rnd(256) for _ in range(2 * (1 + rnd(12))))
    else:
        for _ in range(1 + rnd(3)):
            code[rnd(len(code))] = rnd(256)
    try:
        if trial % 7 == 6:
            # Constants replaced by objects of other kinds (code objects included).
            pool = [None, 1, "s", (), ("a", "b"), [1], f.__code__, outer.__code__, sample.__code__]
            consts = list(fn.__code__.co_consts)
            consts[rnd(len(consts))] = pool[rnd(len(pool))]
            c = fn.__code__.replace(co_consts=tuple(consts))
        else:
            c = fn.__code__.replace(co_code=bytes(code))
    except ValueError:
        rejected += 1
        continue
    old = fn.__code__
    # The damaged code may store into or delete any global it names.
    saved = dict(globals())
    fn.__code__ = c
    budget = 2000
    sys.settrace(tracer)
    try:
        r = fn(3)
        if hasattr(r, "__next__"):
            for _ in zip(range(10), r):
                pass
    except BaseException:
        pass
    sys.settrace(None)
    restore(saved)
    fn.__code__ = old
    ran += 1
print(rejected > 0, ran > 0, rejected + ran)
