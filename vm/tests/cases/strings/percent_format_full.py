# printf-style formatting: str % args and bytes % args.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "=>", repr(r))


ints = [0, 7, -7, 255, -255, 10**20, -(10**20), True]
for fmt in ["%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%8.3d", "%-+8.3d|", "%o", "%#o", "%x", "%#x", "%X", "%#X", "%#08x", "%-#8x|", "% x", "%+#o", "%ld", "%hx", "%Li"]:
    show(fmt, lambda: [fmt % n for n in ints])

floats = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-5, 123456789.125, 1e22, float("inf"), float("-inf"), float("nan")]
for fmt in ["%f", "%.0f", "%#.0f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+f", "% f", "%e", "%.2e", "%E", "%#.0e", "%g", "%.3g", "%#g", "%G", "%10.4G", "%F", "%+010.1e"]:
    show(fmt, lambda: [fmt % x for x in floats])
show("int as float", lambda: ("%f" % 3, "%e" % 10**20, "%g" % True, "%.1f" % 2**60))
show("float as int", lambda: ("%d" % 3.99, "%i" % -3.99, "%u" % 2.5e20, "%d" % 1e300 == str(int(1e300))))
show("float inf int", lambda: "%d" % float("inf"))
show("float nan int", lambda: "%d" % float("nan"))
show("float as hex", lambda: "%x" % 3.0)
show("big to float", lambda: "%f" % 10**400)

for v in ["abc", "", "héllo", 42, None, [1, "a"], (1,), {"k": "v"}, 1.5, b"by"]:
    show(f"text {v!r}", lambda: ("%s" % (v,), "%r" % (v,), "%a" % (v,), "%6s|" % (v,), "%-6s|" % (v,), "%.2s" % (v,), "%06s" % (v,)))

show("char", lambda: ("%c" % 65, "%c" % "z", "%3c|" % 0x20ac, "%-3c|" % "é", "%c" % True))
show("char big", lambda: "%c" % 0x110000)
show("char neg", lambda: "%c" % -1)
show("char str", lambda: "%c" % "ab")
show("char float", lambda: "%c" % 1.0)

show("star", lambda: ("%*d|" % (5, 1), "%-*d|" % (5, 1), "%*d|" % (-5, 1), "%.*f" % (2, 3.14159), "%*.*f|" % (8, 3, 2.5), "%.*s|" % (-1, "abc")))
show("star bad", lambda: "%*d" % ("5", 1))
show("percent", lambda: ("%%" % (), "100%%" % (), "%s%%" % 5, "%%%s%%" % "x"))
show("percent width", lambda: "%5%" % (1,))
show("percent noarg", lambda: "%5%" % ())

# mappings
d = {"name": "Ann", "n": 3, "x": 2.5, "(k)": "paren"}
show("map", lambda: "%(name)s has %(n)03d items at %(x).2f" % d)
show("map nested parens", lambda: "%((k))s" % d)
show("map repeat", lambda: "%(name)s/%(name)r/%(n)x" % d)
show("map missing", lambda: "%(nope)s" % d)
show("map not mapping", lambda: "%(a)s" % (1,))
show("map incomplete", lambda: "%(name" % d)
show("map then positional", lambda: "%(name)s %s" % d)
show("positional then map", lambda: "%s %(name)s" % d)
show("dict single", lambda: ("%s" % d, "%s" % {}, "no fields" % {}, "no fields" % []))


class Mapping:
    def __getitem__(self, key):
        return key.upper()


show("user mapping", lambda: "%(abc)s-%(x)s" % Mapping())

# argument count errors
show("too few", lambda: "%s %s" % ("a",))
show("too many", lambda: "%s" % ("a", "b"))
show("none given", lambda: "%s" % ())
show("str not converted", lambda: "abc" % "x")
show("int not converted", lambda: "abc" % 5)
show("empty tuple ok", lambda: "abc" % ())
show("nested tuple", lambda: "%s" % ((1, 2),))
show("single value", lambda: ("%s" % 5, "%d" % 5, "%r" % "x"))

# bad conversions
show("bad char", lambda: "abc %q" % 1)
show("bad char index", lambda: "%s %y" % (1, 2))
show("bad nonascii", lambda: "%é" % 1)
show("incomplete", lambda: "abc %" % 1)
show("incomplete width", lambda: "%5" % 1)
show("d str", lambda: "%d" % "x")
show("i none", lambda: "%i" % None)
show("x str", lambda: "%x" % "x")
show("o float", lambda: "%o" % 1.5)
show("f str", lambda: "%f" % "x")
show("e list", lambda: "%e" % [])


class Num:
    def __int__(self):
        return 42

    def __index__(self):
        return 43

    def __float__(self):
        return 4.5


class R:
    def __repr__(self):
        return "R()"

    def __str__(self):
        return "str-R"


show("user num", lambda: ("%d" % Num(), "%x" % Num(), "%f" % Num()))
show("user repr", lambda: ("%s" % R(), "%r" % R(), "%a" % R(), "%s" % (R(),)))
show("mod dunder", lambda: ("%s-%s".__mod__((1, 2)), str.__mod__("%d", 5)))

# bytes, through bytes.__mod__ (the `%` operator itself is dispatched by the core)
show("bytes basic", lambda: bytes.__mod__(b"%s %d %x %c %c %r %a %%", (b"x", 5, 255, 65, b"B", b"q", "\xe9")))
show("bytes b", lambda: (bytes.__mod__(b"%b|%5b|%-5b|", (b"a", b"bc", bytearray(b"d"))), bytes.__mod__(b"%.1b", b"xyz")))
show("bytes float", lambda: bytes.__mod__(b"%5.2f|%e|%g", (1.5, 2.5, 3.5)))
show("bytes map", lambda: bytes.__mod__(b"%(a)s %(b)d", {b"a": b"x", b"b": 7}))
show("bytes str arg", lambda: bytes.__mod__(b"%s", "x"))
show("bytes b int", lambda: bytes.__mod__(b"%b", 1))
show("bytes c big", lambda: bytes.__mod__(b"%c", 256))
show("bytes c str", lambda: bytes.__mod__(b"%c", "a"))
show("bytes too many", lambda: bytes.__mod__(b"%d", (1, 2)))
show("bytearray", lambda: bytearray.__mod__(bytearray(b"%d-%s"), (1, b"z")))
show("bytes mod dunder", lambda: bytes.__mod__(b"%d", 3))
