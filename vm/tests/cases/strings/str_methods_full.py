# Exhaustive str method checks (CPython 3.11 semantics and messages).


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "=>", repr(r))


S = "Hello, World"
U = "Grüße, Σίσυφος ΟΔΟΣ"

# searching with start/end, negative and out-of-range bounds
for sub in ["o", "l", "", "World", "z"]:
    for rng in [(), (3,), (-5,), (3, 9), (0, -3), (20,), (None, 5), (5, None), (-100, 100)]:
        show(f"find{(sub,) + rng}", lambda: (S.find(sub, *rng), S.rfind(sub, *rng), S.count(sub, *rng)))
for sub in ["ß", "Σ", "ος", "", "ΟΔ"]:
    for rng in [(), (4,), (-6,), (2, 12), (30,)]:
        show(f"ufind{(sub,) + rng}", lambda: (U.find(sub, *rng), U.rfind(sub, *rng), U.count(sub, *rng)))
show("index", lambda: S.index("W"))
show("index miss", lambda: S.index("W", 8))
show("rindex", lambda: U.rindex("σ"))
show("rindex miss", lambda: U.rindex("x"))
show("find bad", lambda: S.find(1))
show("find bad idx", lambda: S.find("a", "x"))
show("find bigint", lambda: S.find("o", 10**30))
show("count empty", lambda: ("".count(""), "abc".count("", 1), "aaaa".count("aa")))

# startswith / endswith
for args in [("He",), ("World",), (("x", "He"),), ("lo", 3), ("lo", 3, 5), ("", 12), ("", 13), ("Wor", -5, -2), ((),)]:
    show(f"affix{args}", lambda: (S.startswith(*args), S.endswith(*args)))
show("startswith bad", lambda: S.startswith(1))
show("startswith tuple bad", lambda: S.startswith(("a", 1)))
show("uaffix", lambda: (U.startswith("Grü"), U.endswith("ΟΣ"), U.startswith("ße", 3), U.endswith("Σί", 0, 9)))

# split family
for s in ["a b  c", "  a\tb\n c  ", "", "   ", "a\x1cb\x1fc\u3000d\xa0e", "one"]:
    for args in [(), (None,), (None, 1), (None, 0), (" ",), (" ", 1)]:
        show(f"split{(s,) + args}", lambda: (s.split(*args), s.rsplit(*args)))
show("split kw", lambda: "a,b,c,d".split(sep=",", maxsplit=2))
show("rsplit kw", lambda: "a,b,c,d".rsplit(maxsplit=2, sep=","))
show("split multi", lambda: ("a::b::c".split("::"), "::a::".split("::"), "a::b::c".rsplit("::", 1)))
show("split empty sep", lambda: "a".split(""))
show("split bad sep", lambda: "a".split(1))
show("split bad kw", lambda: "a".split(foo=1))
show("split neg", lambda: "a b c".split(maxsplit=-5))
show("splitlines", lambda: "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines())
show("splitlines keep", lambda: "a\nb\r\n\r\nc\r".splitlines(True))
show("splitlines kw", lambda: ("x\ny\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines()))
show("partition", lambda: ("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".rpartition("x"), "ΣaΣ".partition("a")))
show("partition bad", lambda: "a".partition(""))
show("partition type", lambda: "a".rpartition(None))

# join
show("join", lambda: ("-".join("abc"), "".join(["x", "y"]), ", ".join(x for x in "ab"), "é".join(["a", "b"])))
show("join bad", lambda: "-".join(["a", 2]))
show("join nonit", lambda: "-".join(5))
show("join dict", lambda: "-".join({"k": 1, "j": 2}))

# strip family
for chars in [None, "", "xy", " x"]:
    for s in ["  xyhixy  ", "xyxy", "\t\n hi \x1c", ""]:
        show(f"strip{(s, chars)}", lambda: (s.strip(chars), s.lstrip(chars), s.rstrip(chars)))
show("strip bad", lambda: "a".strip(1))
show("rstrip bad", lambda: "a".rstrip(b"a"))

# replace
show("replace", lambda: ("aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x")))
show("replace 0", lambda: ("abab".replace("ab", "X", 0), "abab".replace("ab", "X", -1), "ΣΣ".replace("Σ", "σς")))
show("replace bad", lambda: "a".replace("a", 1))
show("removeprefix", lambda: ("abc".removeprefix("ab"), "abc".removesuffix("bc"), "abc".removeprefix(""), "abc".removesuffix("x")))
show("removeprefix bad", lambda: "a".removeprefix(None))

# padding
for w in [-1, 0, 3, 4, 7, 8]:
    show(f"pad{w}", lambda: ("abc".center(w), "abc".center(w, "*"), "ab".center(w, "é"), "abc".ljust(w, "-"), "abc".rjust(w, "."), "42".zfill(w), "-42".zfill(w), "+x".zfill(w)))
show("center bad fill", lambda: "a".center(5, "xy"))
show("center bad fill type", lambda: "a".center(5, 1))
show("ljust bad width", lambda: "a".ljust("5"))
show("ljust no args", lambda: "a".ljust())
show("expandtabs", lambda: ("a\tbc\td".expandtabs(), "a\tb".expandtabs(3), "ab\n\tc\r\td".expandtabs(4), "\t".expandtabs(0), "x\ty".expandtabs(tabsize=2), "é\tx".expandtabs(4)))

# case
for s in ["hello world", "HELLO", "hELLO wORLD", "ǆemal's", "ﬁne straße", "ΣΑΣ ΟΔΟΣ.", "they're bill's", "123abc DEF", "ŉ", "İstanbul", "a1b2c3", ""]:
    show(f"case {s!r}", lambda: (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold()))
    show(f"is {s!r}", lambda: (s.islower(), s.isupper(), s.istitle(), s.isalpha(), s.isalnum()))

# predicates on many characters
samples = ["abc", "ABC", "123", "١٢٣", "²", "½", "一", "Ⅻ", "x y", " \t\n", "\x1c", "\u200b", "", "a_1", "_", "1a", "ℕ", "é", "\x7f", "a\u0301", "ǅ", "ß", "\u2028", "\xa0", "·"]
for s in samples:
    show(f"pred {s!r}", lambda: (s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii(), s.islower(), s.isupper(), s.istitle()))

# encode
for enc in ["utf-8", "UTF8", "ascii", "latin-1", "Latin_1", "iso-8859-1", "us-ascii"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        show(f"encode {enc} {err}", lambda: "aé€😀b".encode(enc, err))
show("encode default", lambda: ("héllo".encode(), "x".encode(encoding="ascii"), "é".encode(errors="strict")))
show("encode ascii run", lambda: "abc€€€d".encode("ascii"))
show("encode latin1", lambda: "a\U0001f600".encode("latin-1"))
show("encode unknown", lambda: "a".encode("nope"))
show("encode bad handler", lambda: "é".encode("ascii", "nope"))
show("encode ok bad handler", lambda: "e".encode("ascii", "nope"))
show("encode type", lambda: "a".encode(1))

# translate / maketrans
t = str.maketrans("abc", "xyz", "d")
show("maketrans", lambda: sorted(t.items()))
show("translate", lambda: ("abcdd-cab".translate(t), "aé".translate({ord("é"): "e", 97: None}), "abc".translate({97: 66})))
show("maketrans dict", lambda: sorted(str.maketrans({"a": "1", 98: None}).items()))
show("maketrans bad", lambda: str.maketrans("ab", "c"))
show("maketrans key", lambda: str.maketrans({"ab": 1}))
show("maketrans keytype", lambda: str.maketrans({1.5: 1}))
show("maketrans one", lambda: str.maketrans("a"))
show("translate bad", lambda: "a".translate({97: 1.5}))
show("translate range", lambda: "a".translate({97: 0x110000}))
show("translate list", lambda: "\x00\x01\x05".translate(["A", "B"]))

# dunders called explicitly, unbound use and subclasses
show("dunders", lambda: (str.__len__("héllo"), "abc".__contains__("b"), "abc".__getitem__(1), "abc".__getitem__(slice(None, None, -1)), "ab".__add__("c"), "ab".__mul__(3), "ab".__rmul__(2), "%s!".__mod__("x")))
show("dunder cmp", lambda: ("a".__eq__("a"), "a".__ne__("b"), "a".__lt__("b"), "b".__ge__("a"), "a".__eq__(1), "a".__lt__(1)))
show("dunder iter", lambda: list("héllo".__iter__()))
show("dunder errs", lambda: "a".__add__(1))
show("unbound", lambda: (str.upper("abc"), list(map(str.strip, [" a ", "b "])), list(filter(str.isupper, ["A", "b", "C"])), str.join(",", "ab")))
show("unbound bad", lambda: str.upper(1))
show("unbound none", lambda: str.upper())
show("too many", lambda: "a".upper(1))


class MyStr(str):
    def shout(self):
        return self.upper() + "!"

    def __getitem__(self, i):
        return "<" + super().__getitem__(i) + ">"

    def __len__(self):
        return super().__len__() * 10


m = MyStr("hello world")
show("subclass", lambda: (m.shout(), m.split(), m.title(), m.find("o"), m[1], len(m), m.center(15, "*"), m.encode(), str.upper(m)))
show("subclass fmt", lambda: ("%s|%5.3s" % (m, m), "{}|{:>12}".format(m, m), m.startswith("he"), "-".join([m, m])))
show("subclass hash", lambda: (str.__hash__(m) == hash("hello world"), m.__hash__() == "hello world".__hash__()))
