def f(a, b):
    return a + b
try:
    f(1, None)
except TypeError:
    {}["k"]
