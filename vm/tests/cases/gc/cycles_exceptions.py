# Cycles through exceptions, tracebacks and frames: an exception kept in a local
# of the frame it was caught in (exception -> traceback -> frame -> locals ->
# exception) keeps that frame's locals alive after the function returns, until
# gc.collect(); the same for sys.exc_info() kept in a local, for a traceback
# through several frames and for chained exceptions.  Without the saved local
# there is no cycle and the locals die at return.
import gc
import sys
import weakref

freed = []


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


class Err(Exception):
    pass


def check(label):
    print(label, "before:", sorted(freed))
    gc.collect()
    print(label, "after:", sorted(freed))
    freed.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect


def keeps_exception():
    m = Marker("frame-local")
    try:
        raise Err("boom")
    except Err as e:
        saved = e
    return weakref.ref(saved)


w = keeps_exception()
print("exception alive after return:", w() is not None)
print("frame of its traceback:", w().__traceback__.tb_frame.f_code.co_name)
check("saved exception:")
print("exception alive:", w() is not None)


def no_cycle():
    m = Marker("no-cycle-local")
    try:
        raise Err("boom")
    except Err as e:
        pass
    return 1


no_cycle()
check("exception not kept:")


def keeps_exc_info():
    m = Marker("exc-info-local")
    try:
        1 / 0
    except ZeroDivisionError:
        info = sys.exc_info()
    return info[0].__name__


print(keeps_exc_info())
check("sys.exc_info() kept:")


def inner(depth):
    m = Marker("inner-%d" % depth)
    if depth == 0:
        raise Err("deep")
    inner(depth - 1)


def outer():
    m = Marker("outer")
    try:
        inner(2)
    except Err as e:
        err = e
    tb, n = err.__traceback__, 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n, weakref.ref(err)


n, w = outer()
print("traceback entries:", n, "alive:", w() is not None)
check("traceback through several frames:")
print("exception alive:", w() is not None)


def chained():
    m = Marker("chained")
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise Err("second")
    except Err as e:
        keep = e
    return type(keep.__context__).__name__


print(chained())
check("chained exceptions:")

# An exception stored on an object that the catching frame also holds.
class Holder:
    pass


def store_on_object():
    h = Holder()
    h.m = Marker("holder")
    try:
        raise Err("stored")
    except Err as e:
        h.err = e
    return weakref.ref(h)


wh = store_on_object()
print("holder alive after return:", wh() is not None)
check("exception stored on a local object:")
print("holder alive:", wh() is not None)
