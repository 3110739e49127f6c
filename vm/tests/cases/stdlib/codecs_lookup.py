# codecs.lookup, CodecInfo attributes, encode/decode round trips, BOMs.
import codecs

for name in ["utf-8", "UTF8", "latin-1", "Latin_1", "ascii", "cp1252", "utf-16", "utf-16-le",
             "utf-16-be", "utf-32", "utf_32_le", "utf-32-be", "unicode_escape", "raw_unicode_escape",
             "iso8859-15", "cp437", "mac-roman"]:
    info = codecs.lookup(name)
    print(name, "->", info.name, type(info).__name__, isinstance(info, tuple), len(info),
          callable(info.encode), callable(info.decode), info.incrementalencoder is not None)

print(codecs.lookup("utf-8") is codecs.lookup("utf-8"))
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    b"x".decode("bogus")
except LookupError as e:
    print("LookupError:", e)

text = "héllo wörld €uro 😀 ∑"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
            "unicode_escape", "raw_unicode_escape", "utf-8-sig"]:
    data = text.encode(enc)
    print(enc, data[:24], len(data), data.decode(enc) == text, codecs.decode(data, enc) == text)

lat = "héllo wörld ÿ"
for enc in ["latin-1", "iso8859-15", "cp1252", "cp437", "mac-roman"]:
    data = codecs.encode(lat, enc)
    print(enc, data, codecs.decode(data, enc) == lat)
print("€‚ƒ„…†‡ˆ‰Š‹ŒŽ".encode("cp1252"))
print(bytes(range(0x80, 0xa0)).decode("cp1252", "replace"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
print(codecs.decode(codecs.BOM_UTF16_BE + "hi".encode("utf-16-be"), "utf-16"))
print(codecs.decode(codecs.BOM_UTF32_BE + "hi".encode("utf-32-be"), "utf-32"))
print(codecs.decode(codecs.BOM_UTF8 + b"hi", "utf-8-sig"), codecs.decode(b"hi", "utf-8-sig"))

import _codecs
print(_codecs.utf_8_decode(b"ab\xc3", None, False), _codecs.utf_8_decode(b"ab\xc3\xa9", None, True))
print(_codecs.utf_16_ex_decode(b"\xff\xfea\x00b", "strict", 0, False))
print(_codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
print(_codecs.utf_16_ex_decode(b"a\x00", "strict", 0, True))
print(_codecs.utf_32_ex_decode(b"\xff\xfe\x00\x00a\x00\x00\x00", "strict", 0, True))
print(_codecs.latin_1_encode("abc"), _codecs.ascii_decode(b"abc"), _codecs.utf_8_encode("é"))
print(_codecs.escape_encode(b"'\"\\\n\x00\x7f\xff"), _codecs.escape_decode(b"\\x41\\n\\101"))
print(_codecs.unicode_escape_encode("a\té\u20ac\U0001f600\\"), _codecs.raw_unicode_escape_encode("a\té\u20ac"))
print(_codecs.unicode_escape_decode(b"ab\\x4", "strict", False), _codecs.raw_unicode_escape_decode(b"\\\\u0041\\u0041"))
print(_codecs.charmap_decode(b"\x00\x02\x01", "strict", "xyz"), _codecs.charmap_encode("xy", "strict", {ord("x"): 1, ord("y"): b"YY"}))
