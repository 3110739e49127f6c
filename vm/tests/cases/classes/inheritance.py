# Classes: attributes, inheritance, super(), isinstance/issubclass
class Animal:
    kingdom = "animalia"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "..."
    def describe(self):
        return "%s says %s" % (self.name, self.speak())
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "!"
animals = [Animal("generic"), Dog("rex"), Puppy("bit", 1)]
for a in animals:
    print(a.describe(), type(a).__name__, a.kingdom)
print(Animal.count, Puppy.count, animals[2].age)
print(isinstance(animals[2], Animal), isinstance(animals[0], Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy))
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(Dog, object), isinstance(Dog, type))
print(Puppy.__bases__ == (Dog,), Puppy.__name__, [c.__name__ for c in Puppy.__mro__])
d = Dog("x")
d.kingdom = "instance attr"
print(d.kingdom, Dog.kingdom, "kingdom" in d.__dict__, sorted(d.__dict__))
Dog.trick = lambda self: self.name + " rolls"
print(d.trick(), hasattr(d, "trick"), getattr(d, "nothing", "fallback"))
setattr(d, "color", "brown")
print(d.color, vars(d))
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
class Empty:
    pass
e = Empty()
print(type(e).__name__, type(e) is Empty, Empty.__name__, Empty.__qualname__)
m = d.speak
print(m(), m.__self__ is d, Dog.speak(d), type(m).__name__)
class WithClassAttrList:
    shared = []
    def add(self, v):
        self.shared.append(v)
w1, w2 = WithClassAttrList(), WithClassAttrList()
w1.add(1); w2.add(2)
print(WithClassAttrList.shared)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
print(Point(1, 2), [Point()], str(Point(3, y=4)))
try:
    Animal()
except TypeError as exc:
    print(type(exc).__name__, exc)
try:
    e.missing
except AttributeError as exc:
    print(type(exc).__name__, exc)
try:
    Empty.missing
except AttributeError as exc:
    print(type(exc).__name__, exc)
