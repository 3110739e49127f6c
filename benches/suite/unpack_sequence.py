"""unpack_sequence: sequence unpacking in assignments (tuples, lists, starred targets,
nested targets, swaps, for-loop targets).

usage: unpack_sequence.py [N]   (default 2_000_000 rounds; the checksum is computed in closed
form for any N)
"""
import sys
import time


def unpack_tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
    return total


def unpack_lists(n):
    l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        a, b, c, d, e, f, g, h, i, j = l
        total += b + i
    return total


def unpack_starred(n):
    t = (1, 2, 3, 4, 5, 6)
    total = 0
    for _ in range(n):
        first, *rest = t
        *init, last = t
        a, *mid, z = t
        total += first + len(rest) + last + len(init) + len(mid) + z - a
    return total


def unpack_nested(n):
    pairs = ((1, (2, 3)), (4, (5, 6)), (7, (8, 9)))
    total = 0
    for _ in range(n):
        for k, (x, y) in pairs:
            total += k * x - y
        (a, b), (c, d) = (1, 2), [3, 4]
        total += a + b + c + d
    return total


def swaps(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b = b, a
        a, b, c = c, a, b
        b, c = c, b
    return a * 100 + b * 10 + c


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    t0 = time.perf_counter()
    r1 = unpack_tuples(n)
    r2 = unpack_lists(n)
    r3 = unpack_starred(n)
    r4 = unpack_nested(n)
    r5 = swaps(n)
    t1 = time.perf_counter()
    # The swaps permute (a, b, c) = (1, 2, 3) with period 3.
    expected = (11 * n, 11 * n, 26 * n, (1 * 2 - 3 + 4 * 5 - 6 + 7 * 8 - 9 + 10) * n,
                (123, 312, 231)[n % 3])
    got = (r1, r2, r3, r4, r5)
    if got != expected:
        raise SystemExit("unpack_sequence: wrong result %r, expected %r" % (got, expected))
    checksum = r1 + r2 + r3 + r4 + r5
    print("unpack_sequence n=%d checksum=%d inner=%.4fs" % (n, checksum, t1 - t0))


main()
