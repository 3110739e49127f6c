# int methods and int() for every kind of argument


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


for expr in [
    "(255).bit_length()", "(-255).bit_length()", "(0).bit_length()", "(2 ** 100).bit_length()", "(-7).bit_count()",
    "(1024).to_bytes(2, 'big')", "(1024).to_bytes(2, 'little')", "(-1).to_bytes(2, 'big', signed=True)",
    "(-1).to_bytes(2, 'big')", "(256).to_bytes(1, 'big')", "(0).to_bytes(0, 'big')", "(1).to_bytes(0, 'big')",
    "(127).to_bytes(1, 'big', signed=True)", "(128).to_bytes(1, 'big', signed=True)", "(-128).to_bytes(1, 'big', signed=True)",
    "(-129).to_bytes(1, 'big', signed=True)", "(5).to_bytes()", "(5).to_bytes(byteorder='little', length=3)",
    "(5).to_bytes(2, 'middle')", "(5).to_bytes(-1, 'big')", "(2 ** 70).to_bytes(10, 'big')", "(5).to_bytes(1, 2)",
    "(-2 ** 63).to_bytes(8, 'big', signed=True)",
    "int.from_bytes(b'\\x01\\x00', 'big')", "int.from_bytes(b'\\x01\\x00', 'little')",
    "int.from_bytes(b'\\xff\\xff', 'big', signed=True)", "int.from_bytes(b'\\xff\\xff', byteorder='big')",
    "int.from_bytes(b'')", "int.from_bytes([1, 2, 3], 'big')", "int.from_bytes(b'\\x80', 'big', signed=True)",
    "int.from_bytes(b'\\x01', 'mid')", "(7).from_bytes(b'\\x02', 'big')", "int.from_bytes(bytearray(b'\\x01\\x02'), 'big')",
    "int.from_bytes([256], 'big')", "int.from_bytes(5, 'big')", "int.from_bytes('ab', 'big')",
    "(10).as_integer_ratio()", "(-3).conjugate()", "(5).numerator", "(5).denominator", "(5).real", "(5).imag",
    "(2 ** 80).numerator", "(1234).__round__(-2)", "(1234).__round__()", "(7).__trunc__()", "(7).__floor__()",
    "(7).__ceil__()", "(-7).__abs__()", "(7).__index__()", "True.__index__()", "(5).__getnewargs__()",
    "round(1234, -2)", "round(1250, -2)", "round(1350, -2)", "round(-1250, -2)", "round(5, 2)", "round(2 ** 70 + 5, -1)",
    "round(15, -1)", "round(25, -1)", "round(True, 1)", "round(12345, -400)", "round(5, 10 ** 30)",
    "int(' 12 ')", "int('0x1f', 0)", "int('0o17', 0)", "int('0b101', 0)", "int('017', 0)", "int('0', 0)", "int('00', 0)",
    "int('1_000')", "int('1__000')", "int('_1')", "int('1_')", "int('0x_1f', 16)", "int('0x1f', 16)", "int('z', 36)",
    "int(3.9)", "int(-3.9)", "int(1e20)", "int(float('nan'))", "int(float('inf'))", "int('  -42\\n')", "int('+7')",
    "int('- 7')", "int('')", "int('12.5')", "int(b'42')", "int(bytearray(b'42'))", "int('\\u0663')", "int('12', 1)",
    "int('12', 37)", "int(12, 10)", "int(None)", "int([1])", "int('0x', 16)", "int('5', base=8)", "int(True)",
    "int(2 ** 100)", "int('0X10', 0)", "int(' 1 2 ')", "int(1, 2, 3)", "int(base=10)", "int('1', 2.0)",
    "int('9' * 5000)", "int('-' + '9' * 5000)", "int('9' * 4301 + '_1')", "int('9' * 5000 + 'x')",
    "len(str(int('1' * 4300)))", "int('1' * 5000, 16) > 0", "int('9' * 5000, 7)",
]:
    show(expr)


class Idx:
    def __index__(self):
        return 11


class Conv:
    def __int__(self):
        return 13


class MyInt(int):
    pass


print(int(Idx()), int(Conv()), MyInt(5).bit_length(), type(MyInt(5).conjugate()).__name__, type(round(MyInt(5))).__name__)
print(int(MyInt(9)), type(int(MyInt(9))).__name__, (5).to_bytes(2, "big") == b"\x00\x05")
