# heapq and bisect
import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


data = [5, 7, 9, 1, 3, 8, 2, 6, 4, 0]
h = []
for v in data:
    heappush(h, v)
print(h, h[0])
print([heappop(h) for _ in range(len(h))])
h = list(data)
heapify(h)
print(h, heapreplace(h, 11), heappushpop(h, -1), heappushpop(h, 20), h)
print(attempt(heappop, []), attempt(heapreplace, [], 1), attempt(heappush, (), 1), attempt(heapify, "ab"))


def heapsort(it):
    h = []
    for v in it:
        heappush(h, v)
    return [heappop(h) for _ in range(len(h))]

vals = [(i * 7919) % 101 for i in range(60)]
print(heapsort(vals) == sorted(vals), heapsort("heapsort"))

# priority queue with tuples and tie-breaking counter
pq = []
for i, (prio, task) in enumerate([(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (3, "test")]):
    heappush(pq, (prio, i, task))
print([heappop(pq)[2] for _ in range(len(pq))])

print(nlargest(3, vals), nsmallest(3, vals), nlargest(0, vals), nsmallest(100, [3, 1, 2]))
print(nlargest(2, ["bb", "a", "cccc", "dd"], key=len), nsmallest(2, ["bb", "a", "cccc", "dd"], key=len))
print(nlargest(1, []), nsmallest(1, [4, 2]), nlargest(3, iter(vals), key=lambda v: -v))
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 3)]
print(nlargest(2, recs, key=lambda r: r[1]), nsmallest(3, recs, key=lambda r: r[1]))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge([], [1], [])), list(merge()))
print(list(merge(["a", "cc"], ["bbb", "dddd"], key=len)), list(merge([9, 5, 1], [8, 2], reverse=True)))

# bisect
grades = [60, 70, 80, 90]
def grade(score):
    return "FDCBA"[bisect.bisect(grades, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x, 2, 5), bisect.bisect_left(a, x, lo=4))
print(attempt(bisect.bisect_left, a, 1, -1))
s = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, v)
print(s)
bisect.insort_left(s, 4)
bisect.insort_right(s, 4.0)
print(s)
people = [("ann", 31), ("bob", 25), ("cy", 40)]
people.sort(key=lambda p: p[1])
bisect.insort(people, ("dee", 33), key=lambda p: p[1])
print(people, bisect.bisect_left(people, 40, key=lambda p: p[1]), bisect.bisect_right(people, 25, key=lambda p: p[1]))
words = sorted(["delta", "alpha", "echo", "bravo"])
print(words, bisect.bisect_left(words, "charlie"), bisect.bisect_right(words, "echo", 0, 2))
