# Float arithmetic, repr, special values
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0, 1e-5, 1e-4, 0.0001234,
        1.5e300, 5e-324, 1.7976931348623157e308, 100.0, -0.0, 3.0, 1e22, 1e21, 2.5e-7]
for v in vals:
    print(repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(0.1 * 3, 0.3 / 0.1, 1.1 + 2.2, 3.3 - 1.1)
print(float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 53 + 1)
print(1.0.is_integer(), 1.5.is_integer(), (0.5).as_integer_ratio(), (0.1).hex())
print(abs(-2.5), -(-2.5), +2.5, float("-0.0"), 0.0 == -0.0)
print(3 * 1.5, 1.5 * 3, 7 + 0.5, 7 - 0.5, 2 ** 0.5 * 2 ** 0.5)
print(int(2.5e10), float("1e500"), float("-1e500"))
print(max(1.5, 2), min(1, 1.0), sum([0.1] * 10), sum([1, 2.5, 3]))
print(1e16 + 1, 9007199254740993.0, 0.1 + 0.7, 4.35 * 100)
print(f"{0.1:.20f}", f"{1/3:.3e}", f"{1234.5:g}", f"{1e-10:g}", f"{123456789.0:g}")
print(str(1e100), repr(12345678901234567.0), 1.0e-7, 0.000001)
