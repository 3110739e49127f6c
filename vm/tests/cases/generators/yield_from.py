# yield from: delegation, return values, send/throw passthrough
def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer received", r)
    yield "o1"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("stop", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], [[5]]], 6])))
def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
def delegator():
    yield from catcher()
    yield "after"
d = delegator()
print(next(d), d.throw(ValueError("boom")), next(d))
def gen_returning(n):
    yield n
    return n * 2
def summer():
    total = 0
    for i in range(3):
        total += yield from gen_returning(i)
    return total
s = summer()
print(list(s))
s2 = summer()
vals = []
try:
    while True:
        vals.append(next(s2))
except StopIteration as e:
    print(vals, e.value)
def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")
def closing_outer():
    yield from closing_inner()
c = closing_outer()
print(next(c))
c.close()
print("closed")
def yf_iter():
    r = yield from [1, 2]
    yield r
print(list(yf_iter()))
