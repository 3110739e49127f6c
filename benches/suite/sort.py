"""sort: sorting algorithms written in Python (merge sort, quicksort, heap sort, insertion
sort for short runs) over integers, floats, strings and tuples, checked against sorted()
(list indexing, comparisons of mixed types, recursion, slicing).

usage: sort.py [N]   (default 50_000 elements per list; every result is checked against
sorted() for any N)
"""
import heapq
import sys
import time


def insertion_sort(a, lo, hi):
    for i in range(lo + 1, hi):
        x = a[i]
        j = i - 1
        while j >= lo and x < a[j]:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x


def merge_sort(a):
    """A stable top-down merge sort returning a new list."""
    if len(a) <= 16:
        out = a[:]
        insertion_sort(out, 0, len(out))
        return out
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    nl, nr = len(left), len(right)
    while i < nl and j < nr:
        if right[j] < left[i]:
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def quicksort(a, lo=0, hi=None):
    """In-place quicksort with median-of-three pivots; recursion on the smaller side."""
    if hi is None:
        hi = len(a)
    while hi - lo > 16:
        mid = (lo + hi) // 2
        x, y, z = a[lo], a[mid], a[hi - 1]
        pivot = max(min(x, y), min(max(x, y), z))
        i, j = lo, hi - 1
        while i <= j:
            while a[i] < pivot:
                i += 1
            while pivot < a[j]:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            quicksort(a, lo, j + 1)
            lo = i
        else:
            quicksort(a, i, hi)
            hi = j + 1
    insertion_sort(a, lo, hi)


def heap_sort(a):
    h = list(a)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return self.state >> 33


def make_lists(n):
    rng = LCG(99)
    ints = [rng.next() % (4 * n + 1) - 2 * n for _ in range(n)]
    floats = [rng.next() / 8589934592.0 - 0.5 for _ in range(n)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    strings = ["".join(letters[rng.next() % 26] for _ in range(1 + rng.next() % 8)) for _ in range(n)]
    tuples = [(rng.next() % 50, strings[i], i) for i in range(n)]
    nearly = list(range(n))
    for _ in range(n // 20):
        i, j = rng.next() % max(n, 1), rng.next() % max(n, 1)
        nearly[i], nearly[j] = nearly[j], nearly[i]
    return [ints, floats, strings, tuples, nearly, ints[::-1]]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    lists = make_lists(n)
    t0 = time.perf_counter()
    results = []
    for data in lists:
        m = merge_sort(data)
        q = data[:]
        quicksort(q)
        h = heap_sort(data)
        results.append((m, q, h))
    by_key = sorted(lists[3], key=lambda t: (t[1], -t[0]))
    t1 = time.perf_counter()
    digest = 0
    for data, (m, q, h) in zip(lists, results):
        expected = sorted(data)
        if m != expected or q != expected or h != expected:
            raise SystemExit("sort: wrong result for a list starting %r" % (data[:5],))
        for k in range(0, len(expected), max(1, len(expected) // 50)):
            for ch in repr(expected[k]):
                digest = (digest * 131 + ord(ch)) % 4294967291
    if by_key != sorted(lists[3], key=lambda t: t[1] + "%03d" % (99 - t[0])):
        raise SystemExit("sort: wrong result for the keyed sort")
    print("sort n=%d checksum=%d/%d inner=%.4fs" % (n, len(by_key), digest, t1 - t0))


main()
