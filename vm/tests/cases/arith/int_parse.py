# int(s, base), int() of floats and strings, str of ints
print(int("42"), int("-42"), int("  17  "), int("+5"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("101", 2), int("z", 36), int("Zz", 36), int("10", 3))
print(int("123456789012345678901234567890"), int("-" + "9" * 40))
print(int(3.9), int(-3.9), int(1e20), int(True), int(-0.5))
print(int("0"), int("-0"), int("000"), int("0", 0))
for bad in ["abc", "1.5", "", " ", "12a", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("9", 8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("10", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(str(0), str(-7), str(10 ** 18), str(-(10 ** 19)), repr(12345))
print(float("1.5"), float("-inf"), float(" 2e3 "), float("1_0.5"), float(7))
print(format(255, "x"), format(255, "#o"), format(-255, "b"), format(10 ** 20, ","))
