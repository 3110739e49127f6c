# Where the last reference to an object goes away inside the simple instructions
# (STORE_FAST, POP_TOP, IS_OP, FOR_ITER, BINARY_SUBSCR, STORE_SUBSCR,
# UNPACK_SEQUENCE, len()), __del__ runs before the next statement, as in CPython.
# pyhop's fast paths leave such drops to the out-of-line form of the handler.

class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class MyList(list):
    def __len__(self):
        return 42


def make(name):
    return D(name)


def store_fast():
    a = D("a1")
    print("rebind")
    a = D("a2")
    print("rebound")
    a = 3
    print("int")
    for i in range(3):
        b = D("loop%d" % i)
    print("after loop")
    del b


def pop_top():
    make("temp")
    print("after pop")
    [D("in list")]
    print("after list")


def is_op():
    print(make("x") is None)
    print("after is")
    print(make("y") is not make("z"))
    print("after is not")


def for_iter():
    for x in [D("item0"), D("item1")]:
        print("body", x.name)
    print("loop done")
    del x
    for x in (D("t0"),):
        pass
    print("tuple loop done")


def subscr():
    print([D("s0"), D("s1")][1].name)
    print("after list index")
    print((D("t0"), 5)[1])
    print("after tuple index")
    l = [D("old"), 1]
    l[0] = 7
    print("after store", l)
    l[-1] = D("new")
    l[-1] = None
    print("after second store")
    t = [0]
    try:
        t[1] = 5
    except IndexError as e:
        print("IndexError", e)
    try:
        print(t[-2])
    except IndexError as e:
        print("IndexError", e)


def unpack():
    a, b = [D("u0"), D("u1")]
    print("unpacked", a.name, b.name)
    a = b = None
    print("cleared")
    c, d = (D("v0"), D("v1"))
    del c, d
    print("tuple cleared")
    try:
        e, f = [1, 2, 3]
    except ValueError as e2:
        print("ValueError", e2)
    try:
        e, f = (1,)
    except ValueError as e2:
        print("ValueError", e2)
    g, h = "xy"
    print(g, h)
    l = [1, 2]
    l[0], l[1] = l
    print(l)


def lengths():
    print(len([1, 2, 3]), len((1,)), len("h\u00e9llo"), len({1: 2}), len(MyList([1])))
    print(len(b"ab"), len(range(10)), len({1, 2}), len(frozenset()), len({}.keys()))
    for bad in (5, None, len):
        try:
            len(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        len([], [])
    except TypeError as e:
        print("TypeError", e)
    try:
        len(obj=[])
    except TypeError as e:
        print("TypeError", e)


def natives():
    l = []
    l.append(D("appended"))
    l.pop()
    print("popped")
    print(abs(-3), max(1, 5), "-".join(["a", "b"]))
    import sys
    events = []
    sys.setprofile(lambda frame, event, arg: events.append(event) if event.startswith("c_") else None)
    len(l)
    abs(-1)
    sys.setprofile(None)
    print(events)


for f in (store_fast, pop_top, is_op, for_iter, subscr, unpack, lengths, natives):
    print("--", f.__name__)
    f()
print("end")
