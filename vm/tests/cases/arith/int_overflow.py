# i64 boundaries and transparent promotion to big integers
MAX = 9223372036854775807
MIN = -9223372036854775808
print(MAX, MIN)
print(MAX + 1, MIN - 1)
print(MAX * 2, MIN * 2)
print(MAX * MAX)
print(MIN * -1, -MIN, abs(MIN))
print(MIN // -1)
print(MIN % -1)
print((MAX + 1) - 1 == MAX, type(MAX + 1 - 1).__name__)
print(2 ** 63, 2 ** 64, -2 ** 63, (-2) ** 63)
print(1 << 63, 1 << 64, 1 << 100)
print((1 << 100) >> 99, (1 << 100) >> 200, -(1 << 100) >> 200)
x = 1
for i in range(30):
    x *= 3
    x += i
print(x)
acc = 0
for i in range(100):
    acc = acc * 1000003 + i
print(acc % 1000000007, acc.bit_length())
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // (2 ** 20), f % 97, -f // 7, -f % 7)
big = 10 ** 30
print(big - big + 5, type(big - big + 5).__name__)
print(big == 10 ** 30, big != 10 ** 30 + 1, big > MAX, -big < MIN)
print(hash(5) == hash(5.0), 12345678901234567890 // 3)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 15)
print(int("-9223372036854775809") - 1)
print(abs(-10 ** 20), -(-10 ** 20))
n = MAX
n += 1
print(n, n - 1)
n -= 2 ** 64
print(n)
print(divmod(10 ** 25, 7), divmod(-10 ** 25, 7))
print(True + MAX, MAX - True)
