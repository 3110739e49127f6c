# Error handlers, custom register_error handlers, Unicode error attributes and messages.
import codecs

s = "aé€😀b"
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(errors, s.encode("ascii", errors), s.encode("latin-1", errors), s.encode("cp1252", errors))
data = b"a\xff\xc3(b\xe2\x82"
for errors in ["ignore", "replace", "backslashreplace"]:
    print(errors, repr(data.decode("utf-8", errors)), repr(data.decode("ascii", errors)))
print(repr(b"a\x81\x8d".decode("cp1252", "replace")))
print(repr(b"a\x00\x00\xd8".decode("utf-16-le", "replace")), repr(b"a\x00b".decode("utf-16-le", "replace")))

def show(fn):
    try:
        fn()
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", e.encoding, repr(e.object), e.start, e.end, e.reason)

show(lambda: b"\xffabc".decode("utf-8"))
show(lambda: b"ab\xc3".decode("utf-8"))
show(lambda: b"ab\xc3(".decode("utf-8"))
show(lambda: b"\xf0\x9f\x98".decode("utf-8"))
show(lambda: b"\xed\xa0\x80".decode("utf-8"))
show(lambda: b"ab\x80".decode("ascii"))
show(lambda: b"a\x81".decode("cp1252"))
show(lambda: b"a\x00b".decode("utf-16-le"))
show(lambda: b"\x00\xdc".decode("utf-16-le"))
show(lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
show(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
show(lambda: "aé".encode("ascii"))
show(lambda: "a€€b".encode("latin-1"))
show(lambda: "a😀".encode("cp1252"))
show(lambda: b"\\x4".decode("unicode_escape"))
show(lambda: b"\\U0011ffff".decode("unicode_escape"))
show(lambda: b"ab\\".decode("unicode_escape"))

e = UnicodeDecodeError("utf-8", b"abc", 1, 3, "bad thing")
print(e, e.args, e.start, e.end)
e = UnicodeEncodeError("ascii", "abé", 2, 3, "nope")
print(e, e.args)
e = UnicodeTranslateError("abc", 0, 2, "why")
print(e, e.encoding, e.object)

def my_handler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("<%s>" % ",".join(hex(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    return ("[%d:%d]" % (exc.start, exc.end), exc.end)

codecs.register_error("mine", my_handler)
print(codecs.lookup_error("mine") is my_handler)
print("aé€b".encode("ascii", "mine"), "aé€😀b".encode("cp1252", "mine"))
print(b"a\xff\xfeb".decode("utf-8", "mine"), b"a\x81b".decode("cp1252", "mine"))

def skip2(exc):
    return ("?", exc.start + 2)
codecs.register_error("skip2", skip2)
print(b"a\xffbcd".decode("ascii", "skip2"), "aébcd".encode("ascii", "skip2"))
codecs.register_error("tobytes", lambda exc: (b"\x00\x01", exc.end))
print("aéb".encode("latin-1", "tobytes") if False else "aéb".encode("ascii", "tobytes"))

try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)
for name in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    h = codecs.lookup_error(name)
    try:
        print(name, h(UnicodeEncodeError("ascii", "aé€b", 1, 3, "r")))
    except UnicodeError as e:
        print(name, "raised", type(e).__name__, e)
    try:
        print(name, h(UnicodeDecodeError("ascii", b"a\xff\xfeb", 1, 3, "r")))
    except (UnicodeError, TypeError) as e:
        print(name, "raised", type(e).__name__, e)
