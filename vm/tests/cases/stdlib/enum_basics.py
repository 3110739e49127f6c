# enum: Enum, IntEnum, StrEnum, auto, unique, functional API
from enum import Enum, IntEnum, StrEnum, auto, unique
import enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s=%s" % (self.name, self.value)

    @classmethod
    def favourite(cls):
        return cls.GREEN

    @property
    def lower(self):
        return self.name.lower()


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__)
print(Color(2), Color["BLUE"], repr(Color), len(Color), list(Color))
print(Color.CRIMSON is Color.RED, Color.CRIMSON, list(Color.__members__), list(reversed(Color)))
print(Color.RED.describe(), Color.favourite(), Color.BLUE.lower, [c.name for c in Color])
print(f"{Color.RED}", "%s" % Color.GREEN, format(Color.BLUE, ">12") + "|", str(Color.BLUE))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED in Color, isinstance(Color.RED, Color))
print({Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON], Color(Color.BLUE), Color.RED.__class__ is Color)
for bad in (7, "RED"):
    try:
        Color(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)


class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10

print(Level.LOW, repr(Level.MID), str(Level.HIGH), f"{Level.HIGH}", format(Level.MID, "03d"))
print(Level.LOW + 1, Level.MID * 2, Level.HIGH > Level.LOW, Level.LOW == 1, sorted([Level.HIGH, Level.LOW, Level.MID]))
print(Level(5), int(Level.HIGH), isinstance(Level.LOW, int), ["a", "b", "c", "d", "e", "f"][Level.MID], Level.MID.value + 0)


class Step(Enum):
    ONE = auto()
    TWO = auto()
    TEN = 10
    ELEVEN = auto()

print(list(Step), [s.value for s in Step], repr(Step.ELEVEN))


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"

print(repr(Mode.READ), Mode.READ, Mode.WRITE == "w", Mode("w"), Mode.READ.upper(), f"[{Mode.WRITE}]", "r" + Mode.WRITE)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)

print(repr(Planet.EARTH), Planet.EARTH.mass, Planet.MERCURY.surface_gravity, Planet((5.976e+24, 6.37814e6)))


class Shade(Enum):
    DARK = 1
    LIGHT = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None

print(Shade("dark"), Shade(2))
try:
    Shade(3)
except ValueError as e:
    print("ValueError:", e)


class Ordinal(Enum):
    def __new__(cls, label):
        member = object.__new__(cls)
        member._value_ = len(cls.__members__) + 1
        member.label = label
        return member

    FIRST = "1st"
    SECOND = "2nd"

print(repr(Ordinal.SECOND), Ordinal.FIRST.label, Ordinal(2).label)

try:
    unique(Color)
except ValueError as e:
    print("ValueError:", e)
print(unique(Level) is Level)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3), repr(Animal))
Pair = Enum("Pair", [("LEFT", "l"), ("RIGHT", "r")])
Grade = IntEnum("Grade", {"A": 90, "B": 80})
print(list(Pair), Pair("r"), Grade.A > Grade.B, repr(Grade.B))

try:
    class MoreColors(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)


class Base(Enum):
    def shout(self):
        return self.name + "!"


class Derived(Base):
    X = "x"
    Y = "y"

print(Derived.X.shout(), list(Derived), isinstance(Derived.Y, Base))


class Suit(str, Enum):
    HEARTS = "h"
    SPADES = "s"

print(repr(Suit.HEARTS), str(Suit.HEARTS), Suit.HEARTS == "h", sorted(Suit, key=lambda s: s.value))
counts = {}
for c in [Color.RED, Color.BLUE, Color.CRIMSON, Color.RED]:
    counts[c] = counts.get(c, 0) + 1
print(sorted((k.name, v) for k, v in counts.items()), enum.EnumMeta is enum.EnumType, type(Color).__name__)
