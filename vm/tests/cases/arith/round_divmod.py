# round() uses banker's rounding and exact decimal behaviour; divmod
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1))
print(round(3.14159, 3), round(3.14159, 0), round(7), round(7, 2), type(round(2.5)).__name__)
print(round(2.5, 0), type(round(2.5, 0)).__name__, round(10 ** 20 + 5, -1))
print(round(1e300, 2), round(-0.0), round(0.49999999999999994))
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (17.5, 5), (-17.5, 5), (10 ** 20, 7)]:
    q, r = divmod(a, b)
    print(a, b, q, r)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
print(abs(-7), abs(7.25), abs(-10 ** 30))
