# Cycles through built-in containers: a list or dict containing itself, a list and
# a dict containing each other, a tuple in a cycle, a set holding an instance
# that holds the set, and list/dict subclasses (weakly referenceable) that
# contain themselves.
import gc
import weakref

freed = []


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


def check(label):
    gc.collect()
    print(label, sorted(freed))
    freed.clear()


gc.collect()
gc.disable()  # only the explicit gc.collect() calls below collect

l = [Marker("in-list")]
l.append(l)
print(l[1] is l, len(l))
del l
print("before collect:", freed)
check("self-referencing list:")

d = {"m": Marker("in-dict")}
d["self"] = d
del d
check("self-referencing dict:")

l = [Marker("list-side")]
d = {"m": Marker("dict-side"), "l": l}
l.append(d)
del l, d
check("list <-> dict:")

holder = [Marker("tuple-item")]
t = (holder, 1, "x")
holder.append(t)
del holder, t
check("list <-> tuple:")


class Box:
    pass


s = set()
box = Box()
box.s = s
box.m = Marker("set-member")
s.add(box)
wbox = weakref.ref(box)
del s, box
print("box alive before collect:", wbox() is not None)
check("set <-> instance:")
print("box alive after collect:", wbox() is not None)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([Marker("mylist")])
ml.append(ml)
wml = weakref.ref(ml)
md = MyDict(m=Marker("mydict"))
md["me"] = md
wmd = weakref.ref(md)
del ml, md
print("subclasses alive:", wml() is not None, wmd() is not None)
check("list/dict subclasses:")
print("subclasses alive:", wml() is not None, wmd() is not None)

# Nested containers all pointing back at the outermost one.
outer = []
cur = outer
for i in range(50):
    nxt = [outer, Marker("n%02d" % i) if i % 10 == 0 else None]
    cur.append(nxt)
    cur = nxt
del outer, cur, nxt
check("nested back-pointers:")

# A cycle whose only outside reference is a dict value that is then replaced.
reg = {"k": None}
cyc = [Marker("replaced")]
cyc.append(cyc)
reg["k"] = cyc
del cyc
reg["k"] = 0
check("after rebinding the dict value:")
print("garbage:", gc.garbage)
