# str.format and format()
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=5), "{0[1]} {1[k]}".format([7, 8], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|{:*>8}".format("r", "l", "c", "s"))
print("{:8.3f}|{:+.1e}|{:,d}|{:08.2f}".format(3.14159, 12345.678, 9876543, -3.5))
print("{!r} {!s} {!a}".format("q", "q", "\u00e9"))
print("{:{}}|{:{w}.{p}}".format("dyn", 6, 2.718281828, w=8, p=3))
print("{{}} {{{}}}".format("in"))
print(format(3.5), format(42, "b"), format("s", "^5"), format(0.5, ".0%"), format(-0.0, "+"))
print("{:.2}".format("abcdef"), "{:.2}".format(1.2345), "{:10}|{:10}".format(1, "s"))
print("{:=+8d}|{:=8.1f}".format(42, -3.25), "{:#b}".format(5), "{:n}".format(1234))
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        return "P(%s)" % spec if spec else "P"
p = P(1, 2)
print("{0.x},{0.y}".format(p), "{}".format(p), "{:abc}".format(p), f"{p:xyz}")
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    format(1, "s")
except ValueError as e:
    print(type(e).__name__, e)
