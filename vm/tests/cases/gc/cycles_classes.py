# Cycles through bound methods and classes: an instance holding its own bound
# method, a class holding an instance of itself in a class attribute, a class
# and its metaclass referring to each other, and plain classes (always cyclic:
# a class is in its own __mro__), all freed by gc.collect() once unreachable.
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


class Obj:
    def __init__(self, name):
        self.tag = Marker(name)

    def method(self):
        return self.tag.name


o = Obj("bound-method")
o.m = o.method
print(o.m(), o.m.__self__ is o)
wo = weakref.ref(o)
del o
print("alive before collect:", wo() is not None)
check("obj.m = obj.method:")
print("alive after collect:", wo() is not None)

# A bound method stored in a list that the instance holds.
o = Obj("callbacks-list")
o.callbacks = [o.method, o.method]
del o
check("bound methods in a list:")


def make_class():
    class Local:
        tag = Marker("class-attr-instance")

        def hello(self):
            return "hello"

    Local.instance = Local()
    return Local


C = make_class()
print(C.instance.hello(), type(C.instance) is C)
wc = weakref.ref(C)
wi = weakref.ref(C.instance)
del C
print("class alive before collect:", wc() is not None, wi() is not None)
check("class <-> instance in class attribute:")
print("class alive after collect:", wc() is not None, wi() is not None)


def make_meta():
    class Meta(type):
        pass

    class WithMeta(metaclass=Meta):
        tag = Marker("metaclass")

    Meta.made = WithMeta
    return WithMeta


W = make_meta()
print(type(W).__name__, type(W).made is W)
wm = weakref.ref(type(W))
ww = weakref.ref(W)
del W
check("class <-> metaclass:")
print("class and metaclass alive:", ww() is not None, wm() is not None)


def make_plain():
    class Plain:
        tag = Marker("plain-class")

    class Child(Plain):
        pass

    return Plain, Child


P, Ch = make_plain()
print([k.__name__ for k in P.__subclasses__()])
wp = weakref.ref(P)
wch = weakref.ref(Ch)
del Ch
gc.collect()
print("child gone, subclasses now:", [k.__name__ for k in P.__subclasses__()], wch() is None)
del P
check("plain class:")
print("plain class alive:", wp() is not None)

# An instance whose class was deleted keeps the class alive.
def make_kept():
    class Kept:
        tag = Marker("kept-class")
    return Kept()


k = make_kept()
wk = weakref.ref(type(k))
check("instance keeps its class:")
print("class alive:", wk() is not None, type(k).__name__)
del k
check("instance released:")
print("class alive:", wk() is not None)
