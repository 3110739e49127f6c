# ** with negatives, floats; three-argument pow
print(2 ** 10, 2 ** -1, 2 ** -2, (-2) ** 3, -2 ** 2, (-2) ** -1)
print(10 ** 0, 0 ** 0, 0.0 ** 0, 1 ** -5)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2.0)
print(2.5 ** 2, 1.5 ** -2, 10.0 ** 20, 10.0 ** -5)
print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(3, 200, 1000007))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(2, 0, 1), pow(5, 0, 3))
print(pow(3, -1, 7), pow(10, -2, 13), pow(2, 10 ** 18, 10 ** 9 + 7))
print(pow(123456789, 987654321, 10 ** 30 + 57))
print(3 ** 3 ** 2, (3 ** 3) ** 2)
print(7 ** 40, (-7) ** 41)
x = 3
x **= 4
print(x)
print(2 ** 62, 2 ** 63 - 1, type(2 ** 63).__name__)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
