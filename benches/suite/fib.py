"""fib: naive doubly recursive Fibonacci (the cost of a Python call).

usage: fib.py [N]   (default 30: 1,664,079 calls)
"""
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    t0 = time.perf_counter()
    result = fib(n)
    t1 = time.perf_counter()
    # Check against an iterative computation.
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    if result != a:
        raise SystemExit("fib: wrong result %d, expected %d" % (result, a))
    print("fib n=%d checksum=%d inner=%.4fs" % (n, result, t1 - t0))


main()
