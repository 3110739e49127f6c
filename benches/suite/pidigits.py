"""pidigits: the digits of pi from Gibbons' unbounded spigot (big-integer arithmetic).

usage: pidigits.py [N]   (default 5000 digits; checked for any N against Machin's formula
computed with fixed-point big integers)
"""
import sys
import time


def spigot(count):
    """The first `count` decimal digits of pi (3, 1, 4, 1, 5, ...)."""
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return digits


def arctan_inv(x, unity):
    """arctan(1/x) * unity, by its Taylor series in fixed point."""
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total


def machin(count):
    """floor(pi * 10**(count - 1)), from pi/4 = 4 arctan(1/5) - arctan(1/239)."""
    guard = 10
    unity = 10 ** (count + guard)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** (guard + 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    t0 = time.perf_counter()
    digits = spigot(n)
    t1 = time.perf_counter()
    value = 0
    for d in digits:
        value = value * 10 + d
    if len(digits) != n or not all(0 <= d <= 9 for d in digits) or value != machin(n):
        raise SystemExit("pidigits: wrong result %s..." % "".join(map(str, digits[:20])))
    tail = "".join(str(d) for d in digits[-10:])
    print("pidigits n=%d checksum=%d/%s inner=%.4fs" % (n, sum(digits), tail, t1 - t0))


main()
