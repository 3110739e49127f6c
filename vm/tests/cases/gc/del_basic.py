# __del__ on the refcount path: it runs as soon as the last reference goes
# (del, rebinding, a function returning, a temporary, a container dropping its
# item, an exception's traceback being released), before the next statement's
# output; an instance's __del__ runs before its attributes are released; it is
# looked up on the class (inherited, or added to the class later; an instance
# attribute named __del__ is ignored); a second reference keeps the object alive.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name
        print("init", name)

    def __del__(self):
        print("del", self.name)

    def ping(self):
        print("ping", self.name)
        return self.name


gc.disable()  # only refcounting below

x = Noisy("x")
print("before del x")
del x
print("after del x")

y = Noisy("first")
y = Noisy("second")
print("rebound")
del y

a = Noisy("shared")
b = a
del a
print("still referenced by b:", b.name)
del b
print("---")


def scope():
    local = Noisy("local")
    print("returning")


scope()
print("after scope()")

Noisy("temp").ping()
print("after temporary")

items = [Noisy("only-item")]
items.pop()
print("after pop")
items.append(Noisy("in-list"))
items = None
print("after dropping the list")

d = {"k": Noisy("dict-value")}
d["k"] = 1
print("after replacing the value")


class Parent:
    def __init__(self):
        self.child = Noisy("child")

    def __del__(self):
        print("del parent, child still there:", self.child.name)


p = Parent()
del p
print("after parent")


def raiser():
    r = Noisy("frame-of-raiser")
    raise ValueError("x")


try:
    raiser()
except ValueError:
    print("in except")
print("after try")


class Base:
    def __del__(self):
        print("Base.__del__ of", type(self).__name__)


class Derived(Base):
    pass


Derived()
print("after Derived()")


class Late:
    pass


obj = Late()
obj.__del__ = lambda: print("instance attribute: never called")
del obj
print("instance attribute ignored")


def late_del(self):
    print("__del__ added to the class later")


Late.__del__ = late_del
obj = Late()
del obj
print("after Late")


def chain():
    n1 = Noisy("outer-holder")
    n1.inner = Noisy("inner-held")
    return None


chain()
print("after chain")
gc.enable()
