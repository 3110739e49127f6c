# Second sibling module; imports helper itself
import helper
from helper import Shape
print("geometry: executing module body, helper.counter =", helper.counter)
class Triangle(Shape):
    sides = 3
def area_of_square(s):
    return s * s
PI_ISH = 355 / 113
