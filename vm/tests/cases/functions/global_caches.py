# LOAD_GLOBAL specialises (LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN): attack every
# guard after the warm-up and check nothing stale is read.
import builtins

G = 1
def read_g():
    return G
def use_len(x):
    return len(x)

for _ in range(10):
    read_g(); use_len("ab")

# A global rebound, deleted, re-added.
G = 2
print(read_g())
del G
try:
    read_g()
except NameError as e:
    print(e)
G = 3
print(read_g())

# A builtin shadowed by a global, then unshadowed.
print(use_len("abc"))
def len(x):
    return "shadow"
print(use_len("abc"))
del len
print(use_len("abcd"))

# A builtin replaced in the builtins module itself.
real_len = builtins.len
builtins.len = lambda x: "patched"
print(use_len("abcde"))
builtins.len = real_len
print(use_len("abcde"))

# A new unrelated global changes the layout; reads stay right.
for i in range(5):
    globals()["extra%d" % i] = i
    print(read_g(), use_len([1] * i))

# exec'd code with its own namespace.
src = "def h():\n    return K + len('xyz')\n"
ns = {"K": 10}
exec(src, ns)
for k in range(4):
    ns["K"] = k
    print(ns["h"]())

# A loop that reads a global while the loop body rebinds it.
total = 0
def step():
    global total
    for i in range(20):
        total = total + i
    return total
print(step(), step())
