# import helper: module objects, attributes, module caching
import helper
print(helper.greet("world"), helper.VERSION, helper.__name__)
print(helper.bump(), helper.bump(), helper.counter)
import helper as h2
print(h2 is helper, h2.counter)
import helper
print("second import did not re-run the body")
import sys
print("helper" in sys.modules, sys.modules["helper"] is helper, __name__)
print(type(helper).__name__, hasattr(helper, "Shape"), hasattr(helper, "nope"))
sq = helper.Square(3)
print(sq.describe(), isinstance(sq, helper.Shape))
helper.VERSION = "patched"
import geometry
print(geometry.Triangle(2).describe(), geometry.area_of_square(7), geometry.helper is helper)
print(helper.VERSION, round(geometry.PI_ISH, 6))
print(sorted(n for n in dir(helper) if not n.startswith("__")))
