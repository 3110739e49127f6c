# Seeded results of the random module must match CPython 3.11 exactly.
import random
import _random


def show(label, *v):
    print(label, *v)


def err(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "no error")


# ---- seeding ----
for s in [0, 1, 5, 42, -42, 2**32 - 1, 2**32, 2**64 + 12345, -(2**200 + 7), 10**40,
          True, False, 1.5, -1.5, 0.0, 2.0, 1e300, float('inf'),
          "", "a", "hello world", "ünïcødé ✓", b"", b"bytes seed", bytearray(b"ba seed"), None]:
    random.seed(s)
    if s is None:
        show("seed None", 0.0 <= random.random() < 1.0)
    else:
        show("seed %r" % (s,), [random.random() for _ in range(3)])

random.seed("abc", version=1)
show("v1 str", random.random())
random.seed(b"abc", version=1)
show("v1 bytes", random.random())
random.seed("", version=1)
show("v1 empty", random.random())
random.seed(12345, version=1)
show("v1 int", random.random())
err("seed list", lambda: random.seed([1, 2]))
err("seed tuple", lambda: random.seed((1, 2)))

# ---- getrandbits / randbytes ----
random.seed(2024)
show("getrandbits", [random.getrandbits(k) for k in [0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 100, 128, 129, 1000]])
show("randbytes", [random.randbytes(n) for n in [0, 1, 3, 8, 13]])
err("getrandbits -1", lambda: random.getrandbits(-1))

# ---- integers ----
random.seed(7)
show("randrange 10", [random.randrange(10) for _ in range(20)])
show("randrange 5,15", [random.randrange(5, 15) for _ in range(10)])
show("randrange step", [random.randrange(0, 100, 7) for _ in range(10)])
show("randrange neg step", [random.randrange(100, 0, -3) for _ in range(10)])
show("randrange big", [random.randrange(10**30) for _ in range(3)])
show("randrange bigrange", random.randrange(-10**50, 10**50, 3))
show("randint", [random.randint(-5, 5) for _ in range(20)])
show("randint 1", [random.randint(1, 1) for _ in range(3)])
show("randint big", random.randint(2**70, 2**71))
show("randrange bool", random.randrange(True))
err("randrange empty", lambda: random.randrange(5, 5))
err("randrange empty2", lambda: random.randrange(10, 3))
err("randrange 0", lambda: random.randrange(0))
err("randrange -3", lambda: random.randrange(-3))
err("randrange step0", lambda: random.randrange(1, 5, 0))
err("randrange empty step", lambda: random.randrange(5, 1, 2))
err("randrange nonint", lambda: random.randrange(2.5))
err("randrange nonint stop", lambda: random.randrange(1, 2.5))
err("randrange nonint step", lambda: random.randrange(1, 5, 1.5))
err("randrange str", lambda: random.randrange("a"))
err("randrange missing stop", lambda: random.randrange(5, None, 2))

# ---- sequences ----
random.seed(99)
seq = list(range(20))
show("choice", [random.choice(seq) for _ in range(10)])
show("choice str", [random.choice("abcdef") for _ in range(10)])
show("choice tuple", random.choice((1, 2, 3)))
show("choice range", random.choice(range(1000, 2000, 7)))
err("choice empty", lambda: random.choice([]))
l = list(range(30))
random.shuffle(l)
show("shuffle", l)
l = ["x"]
random.shuffle(l)
show("shuffle 1", l)
l = []
random.shuffle(l)
show("shuffle 0", l)
show("sample pool", random.sample(range(10), 10))
show("sample pool2", random.sample(list("abcdefghij"), 4))
show("sample set", random.sample(range(10000), 12))
show("sample set2", random.sample(range(100), 3))
show("sample 0", random.sample(range(5), 0))
show("sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5))
show("sample counts2", random.sample("abc", 6, counts=[1, 2, 3]))
show("sample tuple", random.sample((1, 2, 3, 4, 5, 6, 7), 7))
show("sample str", random.sample("hello world", 5))
err("sample set", lambda: random.sample({1, 2, 3}, 2))
err("sample dict", lambda: random.sample({1: 2}, 1))
err("sample big", lambda: random.sample([1, 2], 3))
err("sample neg", lambda: random.sample([1, 2], -1))
err("sample counts len", lambda: random.sample([1, 2], 1, counts=[1]))
err("sample counts float", lambda: random.sample([1, 2], 1, counts=[1.0, 2.0]))
err("sample counts zero", lambda: random.sample([1, 2], 1, counts=[0, 0]))
show("choices", random.choices("abcde", k=10))
show("choices 1", random.choices([10, 20, 30]))
show("choices weights", random.choices("abc", [1, 0, 5], k=10))
show("choices float weights", random.choices("abc", weights=[0.5, 0.25, 0.25], k=10))
show("choices cum", random.choices("abc", cum_weights=[1, 1, 10], k=10))
show("choices k0", random.choices("abc", k=0))
err("choices both", lambda: random.choices("abc", [1, 1, 1], cum_weights=[1, 2, 3]))
err("choices len", lambda: random.choices("abc", [1, 1]))
err("choices k positional", lambda: random.choices("abc", 2))
err("choices zero", lambda: random.choices("abc", [0, 0, 0]))
err("choices inf", lambda: random.choices("abc", [1, float("inf"), 1]))

# ---- real-valued distributions ----
random.seed(31337)
show("random", [random.random() for _ in range(5)])
show("uniform", [random.uniform(-3, 7) for _ in range(3)])
show("uniform rev", random.uniform(5, 1))
show("triangular", [random.triangular() for _ in range(3)])
show("triangular args", [random.triangular(0, 10, 2) for _ in range(3)])
show("triangular same", random.triangular(3, 3))
show("normalvariate", [random.normalvariate(0, 1) for _ in range(3)])
show("normalvariate 2", random.normalvariate(10, 2.5))
show("gauss", [random.gauss(0, 1) for _ in range(5)])
show("gauss args", random.gauss(100, 15))
show("lognormvariate", [random.lognormvariate(0, 0.5) for _ in range(3)])
show("expovariate", [random.expovariate(1.5) for _ in range(3)])
show("expovariate neg", random.expovariate(-2))
show("vonmises", [random.vonmisesvariate(1.0, 4.0) for _ in range(3)])
show("vonmises 0", random.vonmisesvariate(1.0, 0))
show("gamma >1", [random.gammavariate(2.5, 1.5) for _ in range(3)])
show("gamma 1", random.gammavariate(1.0, 2.0))
show("gamma <1", [random.gammavariate(0.5, 1.0) for _ in range(3)])
show("gamma tiny", random.gammavariate(0.01, 1.0))
err("gamma bad", lambda: random.gammavariate(0, 1))
err("gamma bad2", lambda: random.gammavariate(1, -1))
show("beta", [random.betavariate(2, 5) for _ in range(3)])
show("beta small", random.betavariate(0.5, 0.5))
show("pareto", [random.paretovariate(3) for _ in range(3)])
show("weibull", [random.weibullvariate(1, 1.5) for _ in range(3)])

# ---- state ----
random.seed(555)
random.gauss()
st = random.getstate()
show("state version", st[0])
show("state len", len(st[1]))
show("state index", st[1][-1])
show("state gauss_next", st[2])
a = [random.random() for _ in range(700)] + [random.gauss() for _ in range(3)]
random.setstate(st)
b = [random.random() for _ in range(700)] + [random.gauss() for _ in range(3)]
show("roundtrip", a == b)
show("sum", sum(a[:700]))
err("setstate version", lambda: random.setstate((9, st[1], None)))
err("setstate short", lambda: random.setstate((3, (1, 2), None)))
err("setstate list", lambda: random.setstate((3, list(st[1]), None)))
err("setstate index", lambda: random.setstate((3, st[1][:-1] + (625,), None)))
err("setstate neg", lambda: random.setstate((3, (-1,) + st[1][1:], None)))
v2 = (2, tuple(x - 2**32 if x >= 2**31 else x for x in st[1][:-1]) + (st[1][-1],), None)
random.setstate(v2)
show("setstate v2", random.random() == a[0])

# ---- independent instances ----
random.seed(1)
r1 = random.Random(5)
r2 = random.Random(5)
m = random.random()
show("instances", [r1.random() for _ in range(3)], r2.random(), m)
random.seed(1)
show("module unaffected", random.random() == m)
r3 = random.Random("seed string")
show("str instance", r3.randint(1, 1000), r3.choice("xyz"), r3.getrandbits(40))
r4 = random.Random()
r4.seed(5)
show("reseed", r4.random())
show("isinstance", isinstance(r1, random.Random), isinstance(r1, _random.Random))
show("Random.VERSION", random.Random.VERSION)


class MyRandom(random.Random):
    def random(self):
        return 0.5


mr = MyRandom(3)
show("subclass random", mr.random(), mr.uniform(0, 10), mr.randrange(100))


class CountingRandom(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0

    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)


cr = CountingRandom(17)
show("subclass getrandbits", [cr.randrange(1000) for _ in range(5)], cr.calls)

# ---- the native core ----
c = _random.Random(5)
show("_random random", c.random())
c.seed(-5)
show("_random seed neg", c.random())
show("_random state", c.getstate()[-1], len(c.getstate()))
err("_random getrandbits neg", lambda: c.getrandbits(-1))
err("_random setstate", lambda: c.setstate([1]))
err("_random setstate size", lambda: c.setstate((1,)))
err("_random setstate index", lambda: c.setstate((0,) * 624 + (625,)))
err("_random Random args", lambda: _random.Random(1, 2))
c.setstate((2**33 + 5,) * 624 + (624,))
show("_random truncated", c.getstate()[:2], c.getrandbits(32))
