# At interpreter exit CPython runs the atexit functions first, then tears the
# modules down, which drops the last reference to a global object and runs its
# __del__ (the language does not promise this, CPython does it, and programs
# rely on it to flush and close things).  Only one such object, so the order
# is fixed.
import atexit


class Closer:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ at exit:", self.name)


def bye():
    print("atexit function runs first; the global is still alive:", resource.name)


resource = Closer("resource")
atexit.register(bye)
print("last statement")
