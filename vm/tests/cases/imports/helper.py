# Sibling module imported by the cases in this folder (not a case itself: no .out)
print("helper: executing module body")
VERSION = (1, 2)
_private = "hidden"
counter = 0
def greet(name):
    return "hello, " + name
def bump():
    global counter
    counter += 1
    return counter
class Shape:
    sides = 0
    def __init__(self, size):
        self.size = size
    def describe(self):
        return "%s with %d sides of size %s" % (type(self).__name__, self.sides, self.size)
class Square(Shape):
    sides = 4
