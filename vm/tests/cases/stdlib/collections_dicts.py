# collections: defaultdict, OrderedDict, Counter, ChainMap
from collections import defaultdict, OrderedDict, Counter, ChainMap


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return "%s: %r" % (type(e).__name__, e)


# defaultdict
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd)
print(dd["z"], len(dd), "q" in dd, dd.get("y"), isinstance(dd, dict), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()), dict(counts) == {"m": 1, "i": 4, "s": 4, "p": 2})
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(str, a="x"), attempt(defaultdict, 5))
plain = defaultdict()
print(attempt(lambda: plain["missing"]))
cp = dd.copy()
print(type(cp).__name__, cp["a"] is dd["a"], cp.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(dict((k, dict(v)) for k, v in nested.items()))
print(dd | {"n": [0]} == {**dd, "n": [0]}, type(dd | {}).__name__)

# OrderedDict
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od["d"] = 4
print(od, repr(OrderedDict()), list(od.keys()), list(od.values()))
od.move_to_end("a")
print(list(od))
od.move_to_end("d", last=False)
print(list(od), attempt(od.move_to_end, "zz"))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1},
      dict(a=1, b=2) == OrderedDict(b=2, a=1))
print(OrderedDict.fromkeys("xyz", 0), od.copy(), attempt(OrderedDict().popitem))
od2 = OrderedDict.fromkeys("abcde")
od2["c"] = "C"
del od2["b"]
print(od2, list(reversed(od2)), od2.setdefault("f", 6), od2.pop("a"), od2)


# LRU cache with OrderedDict
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get(self, key):
        if key not in self:
            return None
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)

lru = LRU(3)
for k in "abcadeaf":
    if lru.get(k) is None:
        lru.put(k, k.upper())
print(lru, list(lru))

# Counter
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c.total(), len(c))
print(sorted(c.elements()), "".join(sorted(c)))
c.update("aaz")
c.update({"b": 3})
c.subtract("r")
print(c)
d = Counter(a=3, b=-2, e=1)
print(c + d, c - d, c | d, c & d, sep="\n")
print(+d, -d, Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2, b=1), Counter(a=2) < Counter(a=2))
e = Counter(x=5, y=1)
e += Counter(y=2, z=-1)
e -= Counter(x=1)
print(e)
del e["x"]
del e["nothing"]
print(e, repr(Counter()), Counter(["b", "a", "b", "c", "a"]).most_common())
print(attempt(Counter.fromkeys, "ab"))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))
print(Counter({"a": 2, "b": 2, "c": 3}), Counter(cats=4, dogs=8).most_common(0))
inventory = Counter(apples=3)
inventory["pears"] += 2
print(inventory, inventory["kiwis"], "kiwis" in inventory)

# ChainMap
defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["size"], len(cm), sorted(cm), cm.get("x", "none"), "user" in cm)
print(cm)
cm["new"] = 1
print(cli, attempt(lambda: cm["absent"]))
child = cm.new_child()
child["user"] = "child"
print(child["user"], cm["user"], child.parents["user"], len(child.maps))
del cm["new"]
print(attempt(cm.__delitem__, "color"), cli)
print(dict(cm) == {"color": "red", "user": "admin", "size": 3}, list(cm.items()))
print(ChainMap(), ChainMap({}).pop("k", "dflt"), attempt(ChainMap().popitem))
