# Unicode strings: length, indexing, case, encoding
s = "Gr\u00fc\u00dfe, \u4e16\u754c! \U0001F40D"
print(s, len(s), s[0], s[-1], s[7:9])
print(s.upper(), s.lower())
print([hex(ord(c)) for c in s[-3:]])
print(s.encode("utf-8"), len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("\u00e9".encode("latin-1"), b"\xe9".decode("latin-1"), "abc".encode("ascii"))
print("stra\u00dfe".upper(), "\u0130".lower() == "i\u0307", "\u03a3\u03b1".lower())
print(sorted(["\u00e9", "e", "z", "\u00e0", "a"]), "\u00e9" > "z")
print("\u4e16" in s, s.find("\u754c"), s.index("!"), s.count("e"))
print("na\u00efve caf\u00e9".title(), "\u00c9COLE".capitalize(), "\u00df".isalpha(), "\u0663".isdigit(), int("\u0663\u0664"))
print("x".join("\u03b1\u03b2\u03b3"), "\u03b1\u03b2\u03b3"[::-1], list("\u00e9\u00e8"))
print(chr(0x10FFFF) == "\U0010FFFF", ord("\U0010FFFF"), len("\U0010FFFF"))
try:
    "\u00e9".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
ete, world = "\u00e9t\u00e9", "\u4e16"
print(f"{ete:>6}|{world:*^5}|")
