# RecursionError from unbounded recursion (default limit 1000), never a native stack overflow
def down(n):
    return down(n + 1) + 1
print("recursing")
down(0)
