def outer(a, b=2, *args, c, d=4, **kw):
    "doc"
    n = 0
    def inner(z):
        nonlocal n
        n += z
        return n + a
    return inner


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return super().norm() + (self.x ** 2 + self.y ** 2) ** 0.5


squares = [i * i for i in range(10) if i % 2]
table = {k: v for k, v in zip("ab", (1, 2))}
gen = (c for c in "xyz")
fn = lambda q, *, r=1: q + r
