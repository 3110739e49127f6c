# TypeError: unsupported operand types
def add(a, b):
    return a + b
print(add(1, 2), add("a", "b"))
add(1, None)
