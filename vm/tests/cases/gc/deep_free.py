# Freeing deep structures must not overflow the native stack: a chain of 10^6
# nested lists dropped by refcount, 10^5 nested instances (with and without
# __del__), 10^5 nested dicts and tuples, a 10^5-long cycle of instances and a
# 10^5-deep cycle of nested lists collected by gc.collect(), and a chain
# dropped while the collector is running.
import gc
import weakref


class Link:
    def __init__(self, nxt):
        self.next = nxt


dels = [0]


class Counted:
    def __init__(self, nxt):
        self.next = nxt

    def __del__(self):
        dels[0] += 1


gc.collect()

x = []
for _ in range(10 ** 6):
    x = [x]
del x
print("10^6 nested lists freed")

prev = None
for _ in range(10 ** 5):
    prev = Link(prev)
del prev
print("10^5 nested instances freed")

prev = None
for _ in range(10 ** 5):
    prev = Counted(prev)
del prev
print("10^5 nested instances with __del__ freed:", dels[0])
dels[0] = 0

d = {}
for _ in range(10 ** 5):
    d = {"d": d}
del d
t = ()
for _ in range(10 ** 5):
    t = (t,)
del t
print("10^5 nested dicts and tuples freed")

first = Counted(None)
prev = first
for _ in range(10 ** 5 - 1):
    prev = Counted(prev)
first.next = prev
wfirst = weakref.ref(first)
del first, prev
gc.collect()
print("10^5-long cycle collected:", wfirst() is None, dels[0])
dels[0] = 0

head = []
cur = head
for _ in range(10 ** 5):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(head)
del head, cur, nxt
print("deep list cycle collected:", gc.collect() > 0)


class DropsChain:
    def __del__(self):
        chain = None
        for _ in range(10 ** 5):
            chain = Link(chain)
        del chain


dc = DropsChain()
dc.me = dc
del dc
gc.collect()
print("chain built and dropped inside a finalizer during a collection")
