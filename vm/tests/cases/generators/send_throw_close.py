# send, throw, close, GeneratorExit, gi_ state
def echo():
    received = None
    while True:
        try:
            received = yield received
        except KeyError as e:
            received = "handled " + str(e)
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
e = echo()
print(e.send(None), e.send(1), e.send("two"), e.throw(KeyError("k")), e.send(3))
def not_started():
    yield 1
try:
    not_started().send("x")
except TypeError as exc:
    print(type(exc).__name__, exc)
def closable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("finally runs")
c = closable()
next(c)
c.close()
c.close()
print(list(c))
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as exc:
    print(type(exc).__name__, exc)
def thrower():
    yield 1
t = thrower()
next(t)
try:
    t.throw(ValueError("thrown in"))
except ValueError as exc:
    print("propagated", exc)
try:
    next(t)
except StopIteration:
    print("exhausted after throw")
u = thrower()
try:
    u.throw(IndexError("before start"))
except IndexError as exc:
    print("unstarted throw", exc)
print(list(u))
def stop_inside():
    yield 1
    raise StopIteration("oops")
try:
    list(stop_inside())
except RuntimeError as exc:
    print(type(exc).__name__, exc, type(exc.__cause__).__name__)
def running():
    yield gen_ref.gi_running
gen_ref = running()
print(gen_ref.gi_running, next(gen_ref), gen_ref.gi_frame is not None)
def reentrant():
    yield next(r_ref)
r_ref = reentrant()
try:
    next(r_ref)
except ValueError as exc:
    print(type(exc).__name__, exc)
c2 = closable()
c2.close()
print("closed before start")
