# match statements: run-time errors (CPython 3.11's messages) and compile-time ones
import traceback


def show(f, *args):
    try:
        print("  ->", f(*args))
    except Exception as e:
        print("  raised", type(e).__name__, e)


def not_a_type(x):
    notype = len
    match x:
        case notype():
            return "?"


show(not_a_type, 1)


class BadArgs:
    __match_args__ = ["x"]
    x = 1


class NonStrArgs:
    __match_args__ = (1,)


class TwoArgs:
    __match_args__ = ("a", "a")
    a = 1


class Plain:
    pass


def cls_pat(x, which):
    match which:
        case 0:
            match x:
                case BadArgs(v):
                    return v
        case 1:
            match x:
                case NonStrArgs(v):
                    return v
        case 2:
            match x:
                case TwoArgs(p, q):
                    return p, q
        case 3:
            match x:
                case Plain(v):
                    return v
        case 4:
            match x:
                case int(a, b):
                    return a
        case 5:
            match x:
                case TwoArgs(p, a=q):
                    return p, q


show(cls_pat, BadArgs(), 0)
show(cls_pat, NonStrArgs(), 1)
show(cls_pat, TwoArgs(), 2)
show(cls_pat, Plain(), 3)
show(cls_pat, 5, 4)
show(cls_pat, TwoArgs(), 5)
print("not an instance: no error")
show(cls_pat, 7, 0)


class K:
    a = "key"
    b = "key"


def dup_key(x):
    match x:
        case {K.a: 1, K.b: 2}:
            return "?"
    return "no"


show(dup_key, {"key": 1})
show(dup_key, [])


def unhashable_key(x):
    class L:
        v = []
    match x:
        case {L.v: 1}:
            return "?"


show(unhashable_key, {})


class Explodes:
    def __eq__(self, other):
        raise RuntimeError("eq exploded")


class E:
    val = Explodes()


def value_raises(x):
    match x:
        case E.val:
            return "?"


show(value_raises, 1)


class BadGet(dict):
    def get(self, key, default=None):
        raise KeyError("get exploded " + repr(key))


def get_raises(x):
    match x:
        case {"a": 1}:
            return "?"


show(get_raises, BadGet(a=1))


class AttrRaises:
    @property
    def p(self):
        raise ValueError("property exploded")

    @property
    def q(self):
        raise AttributeError("q is missing")


def attr_raises(x, which):
    match which:
        case 0:
            match x:
                case AttrRaises(p=1):
                    return "?"
        case 1:
            match x:
                case AttrRaises(q=1):
                    return "?"
                case AttrRaises():
                    return "AttributeError means no match"


show(attr_raises, AttrRaises(), 0)
show(attr_raises, AttrRaises(), 1)


class BadLen(list):
    def __len__(self):
        raise OverflowError("len exploded")


def len_raises(x):
    match x:
        case [a]:
            return a


show(len_raises, BadLen([1]))


def guard_raises(x):
    match x:
        case [a] if 1 / a:
            return a


show(guard_raises, [0])


def tb():
    try:
        match {"k": [1, 2]}:
            case {"k": [a, b]} if a / (b - 2):
                pass
    except ZeroDivisionError:
        frames = traceback.extract_tb(__import__("sys").exc_info()[2])
        print("traceback line of the guard:", frames[-1].lineno, frames[-1].line)


tb()

# compile-time errors
sources = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a] | (a, b):\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: 1, 1.0: 2}:\n        pass\n",
    "match x:\n    case {True: 1, 1: 2}:\n        pass\n",
    "match x:\n    case C(x=1, x=2):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case [*__debug__]:\n        pass\n",
    "match x:\n    case (y | 1):\n        pass\n",
    "match x:\n    case (_ | 1):\n        pass\n",
    "match x:\n    case z if z:\n        pass\n    case w:\n        pass\n",
    "match x:\n    case (q as r) | 1:\n        pass\n",
    "match x:\n    case [x] as x:\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case {**r, 'a': 1}:\n        pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
for src in ["match x:\n    case 1j + 2j:\n        pass\n", "match x:\n    case -1 - 2j:\n        pass\n",
            "match x:\n    case 1 - -2j:\n        pass\n"]:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
