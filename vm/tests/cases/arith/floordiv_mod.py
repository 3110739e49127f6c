# Floor division and modulo round towards negative infinity
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (1, 5), (-1, 5), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a // b * b + a % b == a)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1e-20, 3), (-1e-20, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -5 % 5.0, 5 % -5.0)
print(10 ** 20 // -3, 10 ** 20 % -3, -(10 ** 20) // 3, -(10 ** 20) % 3)
print(7 // 1.5, 7 % 1.5, -7 // 1.5, -7 % 1.5)
print(5 / 2, -5 / 2, 4 / 2, type(4 / 2).__name__, 1 / 3)
print(10 ** 20 / 10 ** 10, 2 ** 70 / 2)
print(True // 2, True % 2, False // 1)
print(-3 // 2 * 2, (-3) // (2 * 2))
print(divmod(-1, 10), divmod(1, -10), divmod(-1.5, 1))
