# global, nonlocal, and name resolution
counter = 0
def incr():
    global counter
    counter += 1
    return counter
incr(); incr()
print(counter)
def make_counter():
    n = 0
    def step(k=1):
        nonlocal n
        n += k
        return n
    return step
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def shadow():
    len = lambda s: 42
    return len("abc")
print(shadow(), len("abc"))
def reads_global():
    return counter * 100
print(reads_global())
def defines_global():
    global brand_new
    brand_new = "created"
defines_global()
print(brand_new)
x = "global x"
def f():
    x = "local x"
    def g():
        return x
    return g()
print(f(), x)
class K:
    x = "class x"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(K().m(), K.x, K.y)
def loop_closures():
    fs = []
    for i in range(3):
        def g(i=i):
            return i * i
        fs.append(g)
    return [g() for g in fs]
print(loop_closures())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [g() for g in fs]
print(late())
total = 5
def uses_builtin():
    return sum([1, 2]), abs(-3), max(1, 2)
print(uses_builtin())
if True:
    block_var = "visible"
print(block_var)
for loop_var in range(2):
    pass
print(loop_var)
