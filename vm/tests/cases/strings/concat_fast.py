# str + str: the exact-str path of BINARY_ADD / INPLACE_ADD and what must stay generic.

class S(str):
    def __add__(self, other):
        return "S.__add__"

    def __radd__(self, other):
        return "S.__radd__"


class Plain(str):
    pass


s, e = "abc", ""
print(s + e is s, e + s is s, e + e == "", type(e + e).__name__)
print("h\u00e9" + "llo", len("h\u00e9" + "llo\u20ac"), ("a" + "b").isascii(), ("\u00e9" + "a").isascii())
x = "ab"
for i in range(5):
    x += "c\u00e9"
    x = x + str(i)
print(x, len(x), x.upper(), x[3], x[-1], x.find("\u00e9"), hash(x) == hash("abc\u00e90c\u00e91c\u00e92c\u00e93c\u00e94"))
print(S("a") + "b", "a" + S("b"), S("a") + S("b"))
p = Plain("p") + "q"
print(p, type(p).__name__, type("q" + Plain("p")).__name__)
for bad in (1, None, b"x", [1]):
    try:
        "a" + bad
    except TypeError as exc:
        print("TypeError", exc)
    try:
        bad + "a"
    except TypeError as exc:
        print("TypeError", exc)
big = "x" * 1000 + "\U0001f600"
print(len(big + big), (big + big)[1000], (big + "y")[-1])
for a,b in ((b"x",1),(bytearray(b"x"),"s"),(b"x",bytearray(b"y")),(bytearray(b"x"),b"y")):
    try: print(a+b)
    except TypeError as e: print(e)
