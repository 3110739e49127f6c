"""int_loop: a while loop of integer additions (the interpreter's dispatch floor).

usage: int_loop.py [N]   (default 10_000_000 iterations)
"""
import sys
import time


def run(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    t0 = time.perf_counter()
    total = run(n)
    t1 = time.perf_counter()
    expected = n * (n - 1) // 2
    if total != expected:
        raise SystemExit("int_loop: wrong result %d, expected %d" % (total, expected))
    print("int_loop n=%d checksum=%d inner=%.4fs" % (n, total, t1 - t0))


main()
