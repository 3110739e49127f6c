# The math module: values, special values, errors, int-valued functions
import math


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
values = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0, 3.7, -2.5, 10.0, 1e-300, 1e300, float("inf"), float("-inf"), float("nan"), 5, -7, 10 ** 20]
for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
             "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma", "fabs",
             "cbrt", "ceil", "floor", "trunc", "degrees", "radians", "frexp", "modf", "ulp", "isfinite", "isinf", "isnan"]:
    row = []
    for v in values:
        try:
            row.append(repr(getattr(math, name)(v)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))

pairs = [(0.0, 1.0), (-0.0, -1.0), (1.0, 0.0), (3.0, 2.0), (-7.0, 3.0), (7.0, -3.0), (-8.0, 1 / 3), (1e308, 10.0),
         (float("inf"), 2.0), (2.0, float("inf")), (float("nan"), 0.0), (1.0, float("nan")), (float("-inf"), -3.0), (-5.5, 2.0)]
for name in ["atan2", "pow", "fmod", "remainder", "copysign", "hypot", "nextafter", "log", "isclose"]:
    row = []
    for x, y in pairs:
        try:
            row.append(repr(getattr(math, name)(x, y)))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))

print(math.hypot(), math.hypot(3), math.hypot(3, 4, 12), math.hypot(1e-320, 1e-320), math.hypot(-2.5))
print(math.dist([1, 2, 3], [4, 6, 15]), math.dist((1.5,), (0.25,)), math.dist(iter([0, 0]), (3, 4)))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum(range(10)))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -10]))
print(math.factorial(0), math.factorial(25), math.factorial(True), len(str(math.factorial(1000))))
print(math.gcd(), math.gcd(-12), math.gcd(12, -18, 30), math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(2 ** 70, 3))
print(math.comb(10, 3), math.comb(10, 11), math.comb(100, 50), math.comb(10 ** 20, 2), math.comb(5, 0))
print(math.perm(5), math.perm(5, 2), math.perm(5, 6), math.perm(10 ** 20, 2), math.perm(0, 0))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 50), math.isqrt(2 ** 200 - 1))
print(math.prod([]), math.prod([1, 2, 3], start=10), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2, 3.0]))
print(math.log(10 ** 400), math.log(2 ** 5000, 2), math.log10(10 ** 500), math.log2(2 ** 3000), math.log(3 ** 1000, 3))
print(math.log(100, 10), math.log(8, 2), math.log(1), math.log(math.e), math.log(8, 2.0))
print(math.floor(10 ** 20 + 0.5), math.ceil(1e-300), math.floor(-0.0), math.ceil(-0.5), math.trunc(-3.9), math.trunc(2 ** 70))
print(math.frexp(8.0), math.frexp(-0.1), math.frexp(5e-324), math.ldexp(0.5, 4), math.ldexp(1.0, -1080), math.ldexp(1.0, -10 ** 30))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1.7976931348623157e308), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0))
print(math.gamma(0.5), math.gamma(-0.5), math.gamma(171.5), math.gamma(-200.5), math.lgamma(100), math.lgamma(-2.5), math.gamma(30.3))
print(math.erf(0.5), math.erfc(0.5), math.erf(3), math.erfc(-3), math.erfc(30))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2),
      math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(a=1, b=1), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))


class Rounding:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"


class Floaty:
    def __float__(self):
        return 2.5


class Indexy:
    def __index__(self):
        return 7


class MyInt(int):
    pass


class MyFloat(float):
    pass


print(math.floor(Rounding()), math.ceil(Rounding()), math.trunc(Rounding()), math.floor(Floaty()), math.ceil(Floaty()))
print(math.sqrt(Floaty()), math.sqrt(Indexy()), math.factorial(Indexy()), math.gcd(Indexy(), 21))
print(math.floor(MyInt(5)), math.ceil(MyFloat(2.1)), math.trunc(MyFloat(-2.7)), math.sqrt(MyInt(9)), math.isqrt(MyInt(17)))

for expr in ["math.sin()", "math.sin(1, 2)", "math.atan2(1)", "math.pow(1)", "math.hypot('a')", "math.factorial(2.0)",
             "math.factorial(-1)", "math.factorial(10 ** 30)", "math.gcd(1.5)", "math.isclose(1)", "math.ldexp(1.0, 2.0)",
             "math.log()", "math.log(1, 1)", "math.comb(1)", "math.perm(1, 2, 3)", "math.prod()", "math.trunc('x')",
             "math.floor('x')", "math.isqrt(-1)", "math.dist((1,), (1, 2))", "math.exp(1000)", "math.fsum([math.inf, -math.inf])",
             "math.fsum([1e308, 1e308])", "math.comb(-1, 2)", "math.perm(3, -1)", "math.sqrt(10 ** 400)", "math.log(-10 ** 400)",
             "math.gamma(0)", "math.gamma(-1)", "math.gamma(200)", "math.lgamma(0)", "math.ceil(math.nan)", "math.floor(math.inf)",
             "math.isclose(1, 1, rel_tol=-1)", "math.pow(0, -1)", "math.pow(-1, 0.5)", "math.pow(10, 400)", "math.fmod(1, 0)",
             "math.remainder(1, 0)", "math.atanh(1)", "math.acosh(0)", "math.cosh(1000)", "math.ldexp(1, 10000)",
             "math.comb(10 ** 20, 10 ** 19)", "math.perm(10 ** 20, 10 ** 19)", "math.sqrt(1, x=2)", "math.isinf(10 ** 400)"]:
    show(expr)
