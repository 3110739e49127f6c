# Bitwise operators on small and big ints, negatives
vals = [0, 1, 5, -1, -6, 255, 2 ** 40, -(2 ** 70) + 3]
for a in vals:
    print(a, ~a, a & 0xFF, a | 0x100, a ^ -1, a << 3, a >> 2)
print(12 & 10, 12 | 10, 12 ^ 10, ~12)
print(-12 & 10, -12 | 10, -12 ^ 10)
print((1 << 64) - 1 & 0xFFFF0000FFFF0000, (1 << 64) | 1, (1 << 65) ^ (1 << 64))
print(-1 >> 100, 1 >> 100, -(1 << 100) >> 1)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
print(bin(10), bin(-10), oct(64), oct(-8), hex(255), hex(-255), hex(2 ** 70))
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
x = 0b1010
x |= 0b0101
x &= 0b1100
x ^= 0b0011
x <<= 2
x >>= 1
print(x)
print(0xFF, 0o17, 0b11, 1_000_000, 0x_ff)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
print(int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"))
