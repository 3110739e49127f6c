# complex: construction, strings, arithmetic, repr, equality and hashing


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


for expr in [
    "complex('1+2j')", "complex('  (1+2j)  ')", "complex('2j')", "complex('-j')", "complex('+j')", "complex('j')",
    "complex('1')", "complex('-1.5e3-2.5e-2J')", "complex('inf+nanj')", "complex('-infj')", "complex('1e500j')",
    "complex('(1)')", "complex('1 + 2j')", "complex('1+2')", "complex('')", "complex('()')", "complex('1+2jj')",
    "complex('1_0+2_0j')", "complex('((1+2j))')", "complex(' 3.5 ')", "complex('nan')",
    "complex()", "complex(1)", "complex(1, 2)", "complex(1.5, -2)", "complex(1+2j, 3+4j)", "complex('1', 2)",
    "complex(1, '2')", "complex(None)", "complex(real=1, imag=2)", "complex(imag=2)", "complex(True, False)",
    "complex(10 ** 400)", "complex(2 ** 70, 1)",
    "1+2j", "2j", "-2j", "complex(-0.0, -1)", "complex(0.0, -0.0)", "complex(-0.0, 0.0)", "complex(-0.0, -0.0)",
    "complex(1, float('nan'))", "complex(float('inf'), float('-inf'))", "complex(1e16, 1e-5)", "0j", "complex(1.5, 0)",
    "(1+2j) + (3-4j)", "(1+2j) - 1", "2 * (1+2j)", "(1+2j) * (3+4j)", "(1+2j) / (3+4j)", "(1+2j) / 2", "1 / (1+1j)",
    "(1+2j) / 0", "(1+2j) / 0j", "(1+2j) ** 2", "(1+2j) ** 0.5", "(1+2j) ** (1+1j)", "2 ** (1+1j)", "0j ** 0", "0j ** 2",
    "0j ** -1", "0j ** (1+1j)", "(1+1j) ** 10", "(1j) ** 3", "(2+0j) ** 3", "(1+2j) ** -2", "(1+2j) ** 1000",
    "(1e200+1e200j) * (1e200+1e200j)", "(1+2j) // 2", "(1+2j) % 2", "(1+2j) < (2+3j)",
    "abs(3+4j)", "abs(complex(float('inf'), float('nan')))", "(3+4j).conjugate()", "(3+4j).real", "(3+4j).imag",
    "-(1+2j)", "+(1+2j)", "bool(0j)", "bool(1j)", "10 ** 400 * 1j",
    "(1+0j) == 1", "(1+0j) == 1.0", "1 == (1+0j)", "(1+1j) == 1", "(1+0j) != 1", "hash(1+0j) == hash(1)",
    "hash(1.5+0j) == hash(1.5)", "hash(2+3j)", "{1: 'a'}[1+0j]", "(1+2j) == (1+2j)",
    "(1+2j).__complex__()", "(1+2j).__abs__()", "(1+2j).__neg__()", "(1+2j).__bool__()", "(1+2j).__getnewargs__()",
    "str(1+2j)", "(-8) ** (1/3)", "(-2.0) ** 0.5", "(-1) ** 0.5", "pow(-8, 1/3)", "(-8.0) ** 1.5", "(-2.0) ** -0.5",
    "complex(1, 2) + True", "1j.imag", "type(1j.real).__name__", "int(1j)", "float(1j)",
]:
    show(expr)


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()), complex(WithFloat(), WithFloat()))
