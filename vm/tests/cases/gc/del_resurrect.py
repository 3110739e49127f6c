# Resurrection (PEP 442): a __del__ that stores self somewhere reachable keeps
# the object alive and fully usable; __del__ never runs a second time for the
# same object, however often it is resurrected and dropped again, on the
# refcount path and on the collector path.  A resurrected object keeps what it
# refers to alive too.  The collector calls the finalizers of everything in the
# unreachable set, including objects that only hang off the cycle, before it
# looks for resurrection: those finalizers have run even though the objects
# survive, and do not run again when they finally die.
import gc

saved = []
log = []


class Owned:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("owned " + self.name + " finalized")


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.owned = Owned(name)
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        log.append("%s.__del__ #%d" % (self.name, self.deaths))
        saved.append(self)

    def hello(self):
        return "hello from %s (owned %s)" % (self.name, self.owned.name)


def show(label):
    print(label, sorted(log))
    log.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect

# Refcount path.
p = Phoenix("rc")
del p
show("first death:")
print("resurrected:", len(saved), saved[0].hello())
p = saved.pop()
p.extra = [1, 2, 3]
print("usable:", p.extra, p.deaths)
del p
show("second death:")
print("saved:", len(saved))

# Collector path: a cycle whose members resurrect themselves.
a, b = Phoenix("cyc-a"), Phoenix("cyc-b")
a.peer, b.peer = b, a
del a, b
gc.collect()
show("cycle collected:")
print("resurrected:", sorted(o.name for o in saved))
print("peers intact:", sorted(o.peer.name for o in saved))
print(sorted(o.hello() for o in saved))
saved.clear()
gc.collect()
show("cycle dropped again:")
print("Phoenix objects left:", sum(type(o) is Phoenix for o in gc.get_objects()))


# Only one member of the cycle resurrects; its partner survives with it.
class Once:
    def __init__(self, name, keep):
        self.name = name
        self.keep = keep
        self.owned = Owned(name)

    def __del__(self):
        log.append(self.name + ".__del__")
        if self.keep:
            saved.append(self)


x, y = Once("keeper", True), Once("partner", False)
x.peer, y.peer = y, x
del x, y
gc.collect()
show("one resurrects:")
print("partner reachable:", saved[0].peer.name, saved[0].peer.owned.name)
saved.clear()
gc.collect()
show("both dropped:")
print("Once objects left:", sum(type(o) is Once for o in gc.get_objects()))


# Resurrected on the refcount path, then dropped in a cycle: no second call.
class Counter:
    calls = 0

    def __del__(self):
        Counter.calls += 1
        saved.append(self)


c = Counter()
del c
c = saved.pop()
c.me = c
del c
gc.collect()
print("__del__ calls:", Counter.calls, "saved:", len(saved))


# Resurrection into another object's attribute.
class Home:
    pass


home = Home()


class Wanderer:
    def __del__(self):
        log.append("wanderer moves in")
        home.guest = self


w = Wanderer()
w.owned = Owned("wanderer")
del w
show("moved:")
print("guest:", type(home.guest).__name__, home.guest.owned.name)
del home.guest
show("evicted:")
