# TypeError: too many positional arguments
def f(x):
    return x * 2
print(f(21))
f(1, 2)
