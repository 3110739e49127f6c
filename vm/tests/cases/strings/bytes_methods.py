# bytes and bytearray methods.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "=>", repr(r))


B = b"Hello, World"
A = bytearray(b"Hello, World")

# construction
show("ctor", lambda: (bytes(), bytes(3), bytes([65, 66]), bytes(b"x"), bytes(bytearray(b"y")), bytes(range(3)), bytes("é", "utf-8"), bytes("é", "latin-1"), bytes("aé", "ascii", "replace")))
show("ctor ba", lambda: (bytearray(), bytearray(2), bytearray(b"ab"), bytearray("xy", encoding="ascii"), bytearray([1, 255])))
show("ctor str", lambda: bytes("a"))
show("ctor enc", lambda: bytes(b"x", "utf-8"))
show("ctor neg", lambda: bytes(-1))
show("ctor range", lambda: bytes([256]))
show("ctor float", lambda: bytes(1.5))
show("ctor kw", lambda: bytes(foo=1))


class WithBytes:
    def __bytes__(self):
        return b"custom"


show("ctor __bytes__", lambda: bytes(WithBytes()))

# decode
for data in [b"abc", b"caf\xc3\xa9", b"\xff\xfeabc", b"ab\xe4\xb8", b"\xe4\xb8x", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace"]:
            show(f"decode {data!r} {enc} {err}", lambda: data.decode(enc, err))
show("decode kw", lambda: (b"x".decode(encoding="ascii"), b"\xff".decode(errors="ignore"), bytearray(b"\xc3\xa9").decode()))
show("decode unknown", lambda: b"a".decode("nope"))
show("decode bad handler", lambda: b"\xff".decode("utf-8", "nope"))
show("decode ok bad handler", lambda: b"a".decode("utf-8", "nope"))
show("str from bytes", lambda: (str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"), str(b"\xff", "ascii", "replace"), str(b"abc", errors="strict")))
show("str from str", lambda: str("a", "utf-8"))
show("str from int", lambda: str(1, "utf-8"))

# hex / fromhex
show("hex", lambda: (B.hex(), b"".hex(), b"\x00\xff".hex(), bytearray(b"ab").hex()))
show("hex sep", lambda: (b"abcde".hex(":"), b"abcde".hex(":", 2), b"abcde".hex(":", -2), b"abcde".hex(b"-", 3), b"abc".hex(":", 0)))
show("hex bad sep", lambda: b"abc".hex("::"))
show("fromhex", lambda: (bytes.fromhex("48656c6c6f"), bytes.fromhex(" 01 02\t0a\nFF "), bytearray.fromhex("ab cd"), bytes.fromhex("")))
show("fromhex bad", lambda: bytes.fromhex("zz"))
show("fromhex odd", lambda: bytes.fromhex("abc"))
show("fromhex split", lambda: bytes.fromhex("a b"))
show("fromhex type", lambda: bytes.fromhex(b"ab"))

# searching
for sub in [b"o", b"l", b"", b"World", b"z", ord("o"), 108]:
    for rng in [(), (3,), (-5,), (3, 9), (20,)]:
        show(f"find{(sub,) + rng}", lambda: (B.find(sub, *rng), B.rfind(sub, *rng), B.count(sub, *rng), A.find(sub, *rng)))
show("index", lambda: (B.index(b"W"), B.rindex(b"l")))
show("index miss", lambda: B.index(b"x"))
show("find str", lambda: B.find("o"))
show("find big", lambda: B.find(300))
show("contains", lambda: (b"ll" in B, 72 in B, b"" in B, b"x" in A, bytes.__contains__(B, b"W")))
show("affix", lambda: (B.startswith(b"He"), B.endswith((b"x", b"ld")), B.startswith(b"lo", 3), A.endswith(bytearray(b"World")), B.startswith(b"", 20)))
show("affix str", lambda: B.startswith("He"))

# split / join / strip
for data in [b"a b  c", b"  a\tb\n c  ", b"", b"a\x1cb"]:
    for args in [(), (None, 1), (b" ",), (b" ", 1)]:
        show(f"split{(data,) + args}", lambda: (data.split(*args), data.rsplit(*args)))
show("split kw", lambda: (b"a,b,c".split(sep=b",", maxsplit=1), bytearray(b"a,b").split(b",")))
show("split str", lambda: b"a".split("a"))
show("split empty", lambda: b"a".split(b""))
show("splitlines", lambda: (b"a\nb\r\nc\rd\x0be".splitlines(), b"a\nb\r\n".splitlines(True), b"x\x1cy".splitlines()))
show("join", lambda: (b"-".join([b"a", bytearray(b"b"), b"c"]), bytearray(b", ").join([b"x", b"y"]), b"".join([])))
show("join bad", lambda: b"-".join([b"a", "b"]))
show("join nonit", lambda: b"-".join(3))
show("strip", lambda: (b"  hi  ".strip(), b"xxhixx".strip(b"x"), b"xyhiyx".lstrip(b"xy"), b"hi\n".rstrip(), bytearray(b" a ").strip()))
show("strip str", lambda: b"a".strip("a"))
show("partition", lambda: (b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), bytearray(b"k:v").partition(b":")))
show("replace", lambda: (B.replace(b"l", b"L"), B.replace(b"l", b"L", 2), b"ab".replace(b"", b"-"), bytearray(b"aa").replace(b"a", b"bb")))
show("replace str", lambda: b"a".replace("a", b"b"))
show("removeprefix", lambda: (b"abc".removeprefix(b"ab"), b"abc".removesuffix(b"c"), bytearray(b"abc").removeprefix(b"x")))

# case, predicates, padding
for data in [b"hello world", b"HELLO", b"hELLO wORLD", b"they're", b"123abc", b"", b"\xe9t\xe9", b" \t"]:
    show(f"case {data!r}", lambda: (data.upper(), data.lower(), data.title(), data.capitalize(), data.swapcase()))
    show(f"pred {data!r}", lambda: (data.isalpha(), data.isalnum(), data.isdigit(), data.islower(), data.isupper(), data.istitle(), data.isspace(), data.isascii()))
show("pad", lambda: (b"ab".center(6), b"ab".center(7, b"*"), b"ab".ljust(4, b"-"), b"ab".rjust(4), b"-4".zfill(5), b"4".zfill(0), bytearray(b"x").center(3)))
show("pad bad", lambda: b"a".center(3, "x"))
show("pad bad len", lambda: b"a".center(3, b"xy"))
show("expandtabs", lambda: (b"a\tb".expandtabs(), b"a\tb\nc\td".expandtabs(3), b"x\ty".expandtabs(tabsize=0)))

# translate / maketrans
t = bytes.maketrans(b"abc", b"xyz")
show("maketrans", lambda: (len(t), t[97:100]))
show("translate", lambda: (b"aabbcc".translate(t), b"abcd".translate(None, b"bd"), b"abc".translate(t, delete=b"a")))
show("translate bad", lambda: b"a".translate(b"x"))
show("maketrans bad", lambda: bytes.maketrans(b"ab", b"c"))

# bytearray mutation
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(x for x in b"ij")
ba.insert(0, 65)
ba.insert(-1, 66)
ba.insert(100, 67)
show("mutated", lambda: ba)
show("pop", lambda: (ba.pop(), ba.pop(0), ba.pop(-2), ba))
ba.remove(ord("c"))
show("removed", lambda: ba)
ba.reverse()
show("reversed", lambda: ba)
c = ba.copy()
ba.clear()
show("cleared", lambda: (ba, c, len(c)))
show("append range", lambda: bytearray().append(256))
show("append type", lambda: bytearray().append("a"))
show("extend int", lambda: bytearray().extend(5))
show("extend str", lambda: bytearray().extend("ab"))
show("extend range", lambda: bytearray().extend([1, 300]))
show("pop empty", lambda: bytearray().pop())
show("pop range", lambda: bytearray(b"a").pop(5))
show("remove missing", lambda: bytearray(b"a").remove(98))
show("ba on bytes", lambda: bytearray.append(b"x", 1))

# dunders and comparisons
show("dunders", lambda: (bytes.__len__(B), B.__getitem__(0), B.__getitem__(slice(0, 5)), list(b"ab".__iter__()), b"a".__add__(b"b"), bytearray(b"a").__add__(b"b")))
show("compare", lambda: (b"a" < b"b", b"ab".__eq__(bytearray(b"ab")), bytearray(b"ab").__eq__(b"ab"), bytearray(b"a").__lt__(b"b"), b"a".__eq__(b"a"), b"a".__eq__("a"), b"b".__ge__(b"a")))
show("add bad", lambda: b"a".__add__("b"))
show("hash", lambda: bytes.__hash__(b"abc") == hash(b"abc"))


class MyBytes(bytes):
    pass


mb = MyBytes(b"sub class")
show("subclass", lambda: (mb.upper(), mb.split(), mb.decode(), mb.hex(), len(mb), mb.find(b"class")))
