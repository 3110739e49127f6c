# Computing with ~100,000-digit integers works; only decimal printing is limited
n = 7 ** 100000
print(n.bit_length(), n % 1000007, n % 10 ** 9, n // 7 ** 99990 == 7 ** 10)
m = 10 ** 100000 - 1
print(m.bit_length(), m % 999983, (m + 1) // 10 ** 99999, m > n, -m < -n)
print(len(hex(n)), hex(n)[:12], hex(n)[-8:])
print((n * n) % 1000000007, (n + m) % 97, (m - n) % 101, pow(n, 3, 10 ** 12 + 39))
f = 1
for i in range(2, 3000):
    f *= i
print(f.bit_length(), f % (2 ** 61 - 1))
q, r = divmod(m, n)
print(q.bit_length(), r.bit_length(), q * n + r == m)
print(int("9" * 4300) % 1000003)
