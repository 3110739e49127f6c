# abc: ABC, ABCMeta, abstractmethod, register, __subclasshook__
from abc import ABC, ABCMeta, abstractmethod
import abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class HalfDone(Shape):
    def area(self):
        return 0


class Square(HalfDone):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), len(Square.__abstractmethods__))
print(type(Shape).__name__, isinstance(Shape, ABCMeta), type(Square) is ABCMeta)


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...


class Impl(Base):
    @property
    def name(self):
        return "impl"

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def version():
        return 2

try:
    Base()
except TypeError as e:
    print("TypeError:", e)
print(Impl.create().name, Impl.version())


class Single(ABC):
    @abstractmethod
    def only(self):
        ...

try:
    Single()
except TypeError as e:
    print("TypeError:", e)


class Sized(ABC):
    pass


class Thing:
    pass

Sized.register(Thing)
Sized.register(list)
print(isinstance(Thing(), Sized), issubclass(Thing, Sized), isinstance([], Sized), isinstance({}, Sized))
try:
    Sized.register(5)
except TypeError as e:
    print("TypeError:", e)


@Sized.register
class Decorated:
    pass

print(Decorated.__name__, issubclass(Decorated, Sized))


class Quacker(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacker:
            return any("quack" in B.__dict__ for B in C.__mro__)
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


class Robot(Duck):
    pass

print(isinstance(Duck(), Quacker), issubclass(Robot, Quacker), isinstance(1, Quacker))


class WithInit(ABC):
    def __init__(self, v):
        self.v = v

    @abstractmethod
    def get(self):
        ...


class Concrete(WithInit):
    def get(self):
        return self.v * 2

print(Concrete(21).get(), abc.get_cache_token() == abc.get_cache_token())
