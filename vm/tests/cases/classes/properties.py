# property, classmethod, staticmethod, class attributes
class Temperature:
    scale = "C"
    instances = 0
    def __init__(self, celsius):
        self._c = celsius
        Temperature.instances += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(c):
        return c >= -273.15
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(hasattr(t, "_c"))
u = Temperature.from_f(212)
print(u.celsius, type(u).__name__, Temperature.valid(-300), u.valid(5), Temperature.instances)
print(type(Temperature.__dict__["celsius"]).__name__, type(Temperature.__dict__["from_f"]).__name__)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
def get_x(self):
    return self._x * 2
class Old:
    def __init__(self):
        self._x = 5
    x = property(get_x, doc="doubled")
print(Old().x, Old.x.__doc__)
class Counter:
    total = 0
    @classmethod
    def bump(cls):
        cls.total += 1
        return cls.total
class SubCounter(Counter):
    pass
print(Counter.bump(), Counter.bump(), SubCounter.bump(), Counter.total, SubCounter.total)
class Desc:
    def __get__(self, obj, objtype=None):
        return "desc from " + ("class" if obj is None else type(obj).__name__)
    def __set__(self, obj, value):
        obj.__dict__["_set"] = value
class UsesDesc:
    d = Desc()
ud = UsesDesc()
ud.d = 9
print(UsesDesc.d, ud.d, ud._set)
class GetAttr:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        return "virtual " + name
    def __setattr__(self, name, value):
        object.__setattr__(self, name, str(value).upper())
ga = GetAttr()
ga.other = "set"
print(ga.real, ga.missing, ga.other)
