# dict operations, insertion order and methods
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["b"]
d["b"] = 200
print(d)
print(d.pop("a"), d.pop("zz", "default"), d.setdefault("c", 99), d.setdefault("n", []), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.popitem(), d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])))
e = {1: "one", 1.0: "float one", True: "true"}
print(e, len(e))
f = {(1, 2): "tuple", None: "none", -1: "neg", 2 ** 70: "big", "s": "str"}
print(f[(1, 2)], f[None], f[-1], f[2 ** 70], f)
print({**d, "new": 0}, {"a": 1} | {"b": 2}, d == dict(d), {1: 2} == {1: 2.0})
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(counts, key=counts.get), {k: v for k, v in counts.items() if v > 1})
g = dict(d)
g.clear()
print(g, d.copy() == d, list(reversed({1: 1, 2: 2, 3: 3})))
for k, v in {"p": 1, "q": 2}.items():
    print(k, v, end="; ")
print()
keys = {"a": 1, "b": 2}.keys()
print(keys, "a" in keys, len(keys), sorted(keys & {"b", "c"}))
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    for k in d:
        d["new" + str(k)] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
