# Cycles through generators: a generator whose own frame refers to it, a
# generator method whose instance stores the generator, a generator expression
# over a list that holds it.  Collecting a suspended generator closes it: its
# finally blocks and with-block exits run during gc.collect(); a generator that
# never started runs nothing.
import gc
import weakref

freed = []


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


def check(label):
    print(label, "before:", sorted(freed))
    gc.collect()
    print(label, "after:", sorted(freed))
    freed.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect


def self_ref():
    m = Marker("self-ref")
    me = yield 1
    try:
        yield me is not None
    finally:
        print("self_ref finally, closing")


g = self_ref()
print(next(g))
print(g.send(g))
wg = weakref.ref(g)
del g
print("generator alive before collect:", wg() is not None)
check("frame refers to generator:")
print("generator alive after collect:", wg() is not None)


class Producer:
    def __init__(self):
        self.m = Marker("producer")
        self.it = self.run()

    def run(self):
        n = 0
        try:
            while True:
                n += 1
                yield n
        finally:
            print("run finally after", n, "values")


p = Producer()
print(next(p.it), next(p.it), next(p.it))
del p
check("instance <-> generator:")


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit called with", exc[0].__name__ if exc[0] else None)
        return False


def in_with(box):
    with Ctx():
        yield box


box = [Marker("with-box")]
it = in_with(box)
box.append(it)
print(next(it) is box)
del box, it
check("suspended inside with:")

box = [Marker("genexpr")]
ge = (x for x in box)
box.append(ge)
print(next(ge).name)
del box, ge
check("generator expression:")


def never_started(box):
    try:
        yield box
    finally:
        print("never printed")


box = [Marker("unstarted")]
box.append(never_started(box))
del box
check("never started:")


def finished(box):
    yield box


box = [Marker("finished")]
fin = finished(box)
box.append(fin)
print(len(list(fin)))
del box, fin
check("exhausted (its frame let go, no cycle left):")
