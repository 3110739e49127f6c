# collections.deque: ring-buffer semantics, maxlen, rotation, indexing, errors
from collections import deque


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], d.maxlen)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d, list(reversed(d)), 2 in d, "z" in d, d.count(2), d.index("a"))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.reverse()
print(d)
d.insert(2, "ins")
d.remove(9)
d[0] = "first"
del d[1]
print(d, d.index("ins"), attempt(d.index, "nope"), attempt(d.remove, "nope"))
print(attempt(d.index, 3, 0, 2), d.index(3, -5))
print(attempt(lambda: d[100]), attempt(lambda: d[1:2]), attempt(deque().pop), attempt(deque().popleft))
c = d.copy()
c.append("more")
print(d == c, d != c, c, d)
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque() == deque(), deque([1]) == [1])
print(deque([1, 2]) + deque([3]), deque("ab") * 2, 3 * deque([0]), attempt(lambda: deque() + [1]))
e = deque([1])
e += [2, 3]
e *= 2
print(e, bool(e), bool(deque()))
e.clear()
print(e, len(e))

# maxlen: the oldest items fall off the other end
w = deque(maxlen=3)
for i in range(6):
    w.append(i)
    print(list(w), end=" ")
print()
w.appendleft("L")
print(w, w.maxlen)
w.extend([10, 11])
print(w)
w.extendleft("xy")
print(w)
print(attempt(w.insert, 0, "full"), deque([1, 2], 0), deque("abcdef", 2))
print(attempt(deque, [], -1), repr(deque([1], maxlen=5)), repr(deque()))

# a queue and a sliding-window maximum
q = deque()
for i in range(1000):
    q.append(i)
    if len(q) > 10:
        q.popleft()
print(list(q), sum(q))


def window_max(seq, k):
    out, dq = [], deque()
    for i, v in enumerate(seq):
        while dq and seq[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(seq[dq[0]])
    return out

print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

# grows and wraps around many times
r = deque()
total = 0
for i in range(200):
    r.append(i)
    r.appendleft(-i)
    if i % 3 == 0:
        total += r.pop() + r.popleft()
print(len(r), total, r[0], r[-1], r[len(r) // 2])
r.rotate(7)
print(r[0], r[-1], list(r)[:5])


# mutation during iteration
m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as ex:
    print("RuntimeError:", ex)

rec = deque([1])
rec.append(rec)
print(rec)
try:
    hash(deque())
except TypeError as ex:
    print("TypeError:", ex)


class Stack(deque):
    def push(self, x):
        self.append(x)

s = Stack([1])
s.push(2)
print(s, isinstance(s, deque), Stack("ab", 4), type(s.copy()).__name__)
