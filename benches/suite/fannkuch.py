"""fannkuch: pancake flips over every permutation of 1..N (list slicing and reversal).

usage: fannkuch.py [N] [LOOPS]   (default N=9, 3 loops; max flips and checksum checked
against the known values for N <= 10)
"""
import sys
import time

# Max flips (A000375) and the alternating checksum of the benchmarks game, by N.
KNOWN = {3: (2, 2), 4: (4, 4), 5: (7, 11), 6: (10, 49), 7: (16, 228), 8: (22, 1616),
         9: (30, 8629), 10: (38, 73196)}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count the flips of this permutation.
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign > 0 else -flips
        sign = -sign
        # Next permutation (rotation scheme).
        while True:
            if r == n:
                return max_flips, checksum
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    loops = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t0 = time.perf_counter()
    for _ in range(loops):
        max_flips, checksum = fannkuch(n)
    t1 = time.perf_counter()
    if n in KNOWN and KNOWN[n] != (max_flips, checksum):
        raise SystemExit("fannkuch: wrong result %d/%d, expected %d/%d"
                         % (max_flips, checksum, KNOWN[n][0], KNOWN[n][1]))
    print("fannkuch n=%d checksum=%d/%d inner=%.4fs" % (n, max_flips, checksum, t1 - t0))


main()
