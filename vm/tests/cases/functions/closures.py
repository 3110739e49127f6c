# Closures, cells, late binding
def adder(n):
    def add(x):
        return x + n
    return add
add5 = adder(5)
print(add5(10), adder(-1)(1), add5.__closure__ is not None, add5.__name__, add5.__qualname__)
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc(); inc()
print(get())
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
print(compose(str, lambda x: x * 2, abs)(-21))
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(3) for m in make_multipliers()])
def late():
    return [lambda x: x * i for i in range(4)]
print([m(3) for m in late()])
def cell_after_def():
    def show():
        return value
    value = "assigned later"
    return show()
print(cell_after_def())
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(10)(100)(1000))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def accumulate():
    total = []
    def push(v):
        total.append(v)
        return sum(total)
    return push
p = accumulate()
print(p(1), p(2), p(3))
x = 1
def capture_global():
    return lambda: x
g = capture_global()
x = 2
print(g())
