# Augmented assignment on names, attributes, subscripts; del
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 4; x >>= 1; x |= 1; x &= 0xF; x ^= 3
print(x)
f = 7.0
f /= 2; f -= 0.5
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
tup = (1, 2)
alias_t = tup
tup += (3,)
print(tup, alias_t, tup is alias_t)
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 10
b.v *= 2
print(b.v)
d = {"k": 1, "j": [1]}
d["k"] += 100
d["j"] += [2]
d.setdefault("new", 0)
d["new"] -= 1
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
m[0][-1] **= 5
print(m)
calls = []
def key():
    calls.append("key")
    return 0
arr = [5]
arr[key()] += 1
print(arr, calls)
y = 1
del y
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
nums = list(range(10))
del nums[0], nums[-1]
del nums[::2]
print(nums)
dd = {"a": 1, "b": 2}
del dd["a"]
print(dd)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del dd["zz"]
except KeyError as e:
    print(type(e).__name__, e)
a, b = [1, 2], [3]
del a[0], b
print(a, "b" in globals())
