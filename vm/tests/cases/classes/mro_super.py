# Multiple inheritance, C3 MRO, cooperative super()
class A:
    def who(self):
        return ["A"]
    def __init__(self):
        print("A.__init__")
class B(A):
    def who(self):
        return ["B"] + super().who()
    def __init__(self):
        print("B.__init__")
        super().__init__()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def __init__(self):
        print("C.__init__")
        super().__init__()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def __init__(self):
        print("D.__init__")
        super().__init__()
d = D()
print(d.who())
print([k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def greet(self):
        return "base greet"
class Mid(Base):
    def greet(self):
        return "mid/" + super(Mid, self).greet()
class Leaf(Mid):
    def greet(self):
        return "leaf/" + super().greet()
    def skip(self):
        return super(Mid, self).greet()
print(Leaf().greet(), Leaf().skip())
class Mixin:
    def describe(self):
        return "mixin(" + super().describe() + ")"
class Core:
    def describe(self):
        return "core"
class Combined(Mixin, Core):
    pass
print(Combined().describe())
class KwBase:
    def __init__(self, **kw):
        self.rest = kw
class KwA(KwBase):
    def __init__(self, a=None, **kw):
        self.a = a
        super().__init__(**kw)
class KwB(KwBase):
    def __init__(self, b=None, **kw):
        self.b = b
        super().__init__(**kw)
class KwAB(KwA, KwB):
    pass
o = KwAB(a=1, b=2, c=3)
print(o.a, o.b, o.rest)
class Stat:
    @classmethod
    def create(cls):
        return cls.__name__
class SubStat(Stat):
    @classmethod
    def create(cls):
        return "sub:" + super().create()
print(SubStat.create(), Stat.create())
