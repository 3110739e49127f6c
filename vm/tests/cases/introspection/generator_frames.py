import inspect, sys
def inner():
    yield 1
    yield 2
    return 3
def g():
    me = yield sys._getframe().f_back.f_code.co_name
    print("running", gen.gi_running, inspect.getgeneratorstate(gen), gen.gi_frame is sys._getframe(), gen.gi_frame.f_back.f_code.co_name, gen.gi_yieldfrom)
    r = yield from inner()
    yield r
gen = g()
print(inspect.getgeneratorstate(gen), gen.gi_suspended, gen.gi_running, gen.gi_yieldfrom, gen.gi_code.co_name, gen.gi_frame.f_back)
def caller():
    return next(gen)
print(caller())
print(inspect.getgeneratorstate(gen), gen.gi_suspended, gen.gi_frame.f_back, gen.gi_frame.f_lineno)
print(gen.send(None))
print(inspect.getgeneratorstate(gen), gen.gi_yieldfrom.__name__, gen.gi_frame.f_back)
print(next(gen), next(gen))
print(gen.gi_yieldfrom)
for x in gen: pass
print(inspect.getgeneratorstate(gen), gen.gi_frame, gen.gi_suspended, gen.gi_code.co_name, gen.gi_yieldfrom)
print(hasattr(gen, "cr_frame"), hasattr(gen, "gi_frame"))
class Aw:
    def __await__(self):
        yield "x"
        return 5
async def co():
    v = await Aw()
    print("in co", c.cr_running, inspect.getcoroutinestate(c), c.cr_frame is sys._getframe(), c.cr_await)
    return v
c = co()
print(inspect.getcoroutinestate(c), c.cr_await, c.cr_code.co_name, c.cr_frame.f_back, c.cr_suspended, c.cr_origin, hasattr(c, "gi_frame"))
print(c.send(None))
print(inspect.getcoroutinestate(c), type(c.cr_await).__name__, c.cr_suspended, c.cr_frame.f_back)
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
print(inspect.getcoroutinestate(c), c.cr_frame, c.cr_await)
g2 = g(); g2.close(); print(inspect.getgeneratorstate(g2), g2.gi_frame)
print(sorted(n for n in dir(gen) if n.startswith("gi_")))
print(sorted(n for n in dir(c) if n.startswith("cr_")))
