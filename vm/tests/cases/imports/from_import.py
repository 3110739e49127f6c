# from helper import x as y, star import, ImportError
from helper import greet as hi, Square, VERSION
from helper import bump, counter
print(hi("from"), VERSION, Square(1).describe())
print(bump(), bump(), counter)
import helper
print(helper.counter, "from-import binds a value, not a reference")
from geometry import Triangle, area_of_square as area
print(Triangle(5).describe(), area(4))
from helper import *
print(greet("star"), "_private" in globals(), "Shape" in globals())
try:
    from helper import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
def local_import():
    from helper import VERSION as v
    import geometry as g
    return v, g.__name__
print(local_import())
