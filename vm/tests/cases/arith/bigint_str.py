# Decimal conversion of large integers (below the 4300-digit limit)
n = 3 ** 2000
s = str(n)
print(len(s), s[:30], s[-30:])
print(int(s) == n)
m = -(7 ** 1500)
t = str(m)
print(len(t), t[:20], t[-20:])
print(sum(int(c) for c in str(2 ** 1000)))
f = 1
for i in range(2, 500):
    f *= i
print(len(str(f)), str(f)[:25], str(f).rstrip("0")[-10:], len(str(f)) - len(str(f).rstrip("0")))
print(10 ** 50, -10 ** 50 + 1)
print(repr(2 ** 200))
print(f"{2 ** 100:,}", f"{2 ** 100:_}", f"{-2 ** 100:>40}")
print(int("1" * 4000) % 9999991)
print(hex(3 ** 500)[:20], len(bin(3 ** 500)))
