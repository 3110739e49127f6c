# printf-style % formatting
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.000314, 0.0001, 1e20))
print("%s %s %s %s" % (None, True, [1, 2], (3,)))
print("%r %a" % ("caf\u00e9", "caf\u00e9"))
print("%c%c %%" % (72, "i"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 1, 4, 2, 3, 2.71828))
print("%s" % "single", "%s" % (("tuple",),), "%d%%" % 50)
print("%.3s|%10.2s|" % ("abcdef", "xyz"))
print("%d" % 3.99, "%x" % 2 ** 70, "%d" % -(10 ** 20), "%.0f" % 2.5, "%.0f" % 3.5)
try:
    "%d %d" % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%q" % 1
except ValueError as e:
    print(type(e).__name__, e)
