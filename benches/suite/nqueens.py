"""nqueens: all solutions of the N-queens puzzle (recursive generators, sets, tuples).

usage: nqueens.py [N]   (default 11, solved 8 times; the solution count is checked
against A000170 for N <= 12)
"""
import sys
import time

SOLUTIONS = [1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200]


def place(n, row, cols, diag1, diag2, queens):
    """Yield every completion of `queens` (a tuple of columns, one per row so far)."""
    if row == n:
        yield queens
        return
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        yield from place(n, row + 1, cols, diag1, diag2, queens + (col,))
        cols.remove(col)
        diag1.remove(row + col)
        diag2.remove(row - col)


def solve(n):
    return list(place(n, 0, set(), set(), set(), ()))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    t0 = time.perf_counter()
    for _ in range(8):
        solutions = solve(n)
    t1 = time.perf_counter()
    count = len(solutions)
    # Every solution is a permutation with distinct diagonals.
    for q in solutions:
        if sorted(q) != list(range(n)) or len({r + c for r, c in enumerate(q)}) != n \
                or len({r - c for r, c in enumerate(q)}) != n:
            raise SystemExit("nqueens: invalid solution %r" % (q,))
    if n < len(SOLUTIONS) and count != SOLUTIONS[n]:
        raise SystemExit("nqueens: wrong result %d, expected %d" % (count, SOLUTIONS[n]))
    # The order of the solutions is part of the result.
    weight = 0
    for q in solutions:
        for c in q:
            weight = (weight * 31 + c) % 1000000007
    print("nqueens n=%d checksum=%d/%d inner=%.4fs" % (n, count, weight, t1 - t0))


main()
