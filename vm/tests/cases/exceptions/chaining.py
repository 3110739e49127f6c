# raise from, __cause__, __context__, __suppress_context__
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise OSError("io")
    except OSError:
        raise TypeError("no context") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)
def deep():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            raise AttributeError("c")
try:
    deep()
except AttributeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(type(x).__name__)
        x = x.__context__
    print(chain)
try:
    raise ValueError("x") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    try:
        raise ValueError("orig")
    finally:
        print("finally sees exception")
except ValueError as e:
    print("caught", e, e.__context__)
e1 = ValueError("manual")
e1.__cause__ = TypeError("set by hand")
print(repr(e1.__cause__), e1.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
