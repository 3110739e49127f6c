# fractions, decimal (the host's _pydecimal) and statistics on pyhop.
import sys
from fractions import Fraction
import decimal
from decimal import Decimal, getcontext, localcontext
import statistics

print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.width, sys.hash_info.inf)
a, b = Fraction(3, 4), Fraction("5/6")
print(a + b, a * b, a / b, a - b, a ** 2, -a, abs(-b), a < b, float(a))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(6, 3)) == hash(2), Fraction(1, 3) == 1 / 3)
print(Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(22, 7).as_integer_ratio())
print(round(Fraction(7, 2)), round(Fraction(5, 3), 2), Fraction(10, 4).numerator)
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("2").sqrt())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), Decimal("123.456789") * 1)
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("-0"), Decimal("1e3").to_integral_value())
print(hash(Decimal("0.5")) == hash(0.5), Decimal(10) ** -2, getcontext().prec)
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.pstdev(data), statistics.mode(data))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
