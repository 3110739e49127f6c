# str.format and str.format_map.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "=>", repr(r))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.items = {"k": [10, 20]}

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"


p = Point(1, 2)
show("auto", lambda: "{} + {} = {}".format(1, 2, 3))
show("manual", lambda: "{1}{0}{1}".format("a", "b"))
show("kw", lambda: "{a}-{b}".format(a=1, b="two"))
show("mixed kw", lambda: "{0} {x} {1}".format("p", "q", x="k"))
show("auto kw", lambda: "{} {x} {}".format("p", "q", x="k"))
show("attr", lambda: "{0.x},{0.y} {p.x}".format(p, p=p))
show("item", lambda: "{0[1]} {0[-1]} {1[k]} {1[k][0]}".format([5, 6, 7], {"k": [8], "-1": "neg"}))
show("item str key", lambda: "{0[-1]}".format({"-1": "neg"}))
show("attr item chain", lambda: "{0.items[k][1]}".format(p))
show("auto attr", lambda: "{.x} {.y}".format(p, p))
show("conv", lambda: "{0!s} {0!r} {0!a} {1!r} {1!a}".format(p, "héllo"))
show("conv spec", lambda: "{0!r:>12}|{0!s:^9}|".format(p))
show("spec", lambda: "{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+,d}|{:#x}|{:b}|{:.2%}".format("r", "l", "c", "m", 3.14159, 1234567, 255, 10, 0.4567))
show("nested", lambda: "{:{}}|{:{w}.{p}f}|{:{fill}{align}{width}}".format("dyn", 6, 2.718281828, "x", w=8, p=3, fill="-", align=">", width=5))
show("nested manual", lambda: "{0:{1}.{2}}".format(3.14159, 8, 3))
show("nested conv", lambda: "{0!r:{1}}|".format("a", 5))
show("braces", lambda: "{{}} {{{}}} {{0}}".format("in"))
show("braces only", lambda: ("{{".format(), "}}".format(), "a{{b}}c".format()))
show("format of format", lambda: "{:}|{!s:}".format(1, 2))
show("unicode", lambda: "{:é^7}|{:→>4}".format("ü", 1))
show("no fields", lambda: "plain".format(1, 2, x=3))
show("empty", lambda: "".format())
show("dunder format", lambda: "{:abc}".format(type("F", (), {"__format__": lambda self, spec: spec[::-1]})()))
show("int spec on bool", lambda: "{:d} {}".format(True, False))
show("str of None", lambda: "{} {!r:>6}".format(None, None))

# errors
show("index range", lambda: "{} {}".format(1))
show("index range manual", lambda: "{5}".format(1))
show("missing kw", lambda: "{x}".format(y=1))
show("missing kw no kwargs", lambda: "{x}".format(1))
show("auto then manual", lambda: "{}{0}".format(1, 2))
show("manual then auto", lambda: "{0}{}".format(1, 2))
show("single open", lambda: "abc{".format())
show("single close", lambda: "abc}def".format())
show("unmatched", lambda: "{0".format(1))
show("unmatched spec", lambda: "{0:".format(1))
show("unmatched bracket", lambda: "{0[}".format(1))
show("bad conv", lambda: "{0!x}".format(1))
show("conv eos", lambda: "{0!".format(1))
show("conv no colon", lambda: "{0!rx}".format(1))
show("empty conv", lambda: "{0!}".format(1))
show("empty attr", lambda: "{0.}".format(1))
show("empty item", lambda: "{0[]}".format(1))
show("after bracket", lambda: "{0[0]x}".format([1]))
show("missing bracket", lambda: "{0[0}".format([1]))
show("open in name", lambda: "{a{b}".format(1))
show("no attr", lambda: "{0.nope}".format(1))
show("not subscriptable", lambda: "{0[0]}".format(1))
show("bad spec", lambda: "{:d}".format("s"))
show("bad spec float", lambda: "{:x}".format(1.5))
show("recursion", lambda: "{:{:{}}}".format(1, 2, 3))
show("neg index", lambda: "{-1}".format(1))
show("huge index", lambda: "{99999999999999999999}".format(1))

# format_map
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


show("format_map", lambda: "{a} {b!r} {c[0]}".format_map({"a": 1, "b": "x", "c": [9]}))
show("format_map missing", lambda: "{a} {zz}".format_map(Default(a=1)))
show("format_map positional", lambda: "{0}".format_map({}))
show("format_map auto", lambda: "{}".format_map({}))
show("format_map keyerror", lambda: "{q}".format_map({}))
show("format_map not mapping", lambda: "{a}".format_map(1))
show("format_map plain", lambda: "text".format_map(1))


class S(str):
    pass


show("subclass", lambda: (S("{}-{}").format(1, 2), str.format("{0}{0}", "x"), S("{x}").format_map({"x": 5})))
show("subclass arg", lambda: "{:>4}|{!r}".format(S("ab"), S("cd")))
