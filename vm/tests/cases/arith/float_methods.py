# float methods, float() parsing and float arithmetic edge cases


def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


for expr in [
    "float('  1e5 ')", "float('nan')", "float('-inf')", "float('+Infinity')", "float('iNF')", "float('1_0.5')",
    "float('1__0')", "float('_1')", "float('1_')", "float('1._5')", "float('1_e5')", "float('')", "float(' ')",
    "float('abc')", "float('1.5.5')", "float('0x10')", "float('1e')", "float('.5')", "float('5.')", "float('.')",
    "float('-.5e-3')", "float('1e400')", "float('1e-400')", "float(b'1.5')", "float(bytearray(b'2.5'))", "float(None)",
    "float(10 ** 400)", "float(2 ** 53 + 1)", "float(True)", "float('\\u0663.\\u0665')", "float('in f')", "float(x=1)",
    "float('0.' + '0' * 400 + '1')", "float('  -0.0  ')",
    "(1.5).is_integer()", "(2.0).is_integer()", "float('inf').is_integer()", "(0.75).as_integer_ratio()",
    "(-0.1).as_integer_ratio()", "(2.0).as_integer_ratio()", "(0.0).as_integer_ratio()", "float('inf').as_integer_ratio()",
    "float('nan').as_integer_ratio()",
    "(1.0).hex()", "(-0.1).hex()", "(0.0).hex()", "(-0.0).hex()", "(5e-324).hex()", "(1.7976931348623157e308).hex()",
    "float('inf').hex()", "(3.5).hex()", "(1e-310).hex()",
    "float.fromhex('0x1.8p1')", "float.fromhex('0x1p-1074')", "float.fromhex('0x1p-1075')", "float.fromhex('0x1.8p-1074')",
    "float.fromhex('  -0X1.FFFFFFFFFFFFFP+1023  ')", "float.fromhex('0x1p1024')", "float.fromhex('-Infinity')",
    "float.fromhex('1.0')", "float.fromhex('0x.8')", "float.fromhex('0x1.')", "float.fromhex('ff')", "float.fromhex('0x')",
    "float.fromhex('0x1p')", "float.fromhex('0x1.0000000000000800p0')", "float.fromhex('0x1.0000000000000801p0')",
    "float.fromhex('0x1.0000000000001800p0')", "float.fromhex('0x3.ap2')", "(1.5).fromhex('0x2p0')", "float.fromhex(5)",
    "float.fromhex('0x1p+99999999999999999999')", "float.fromhex('0x1p-99999999999999999999')", "float.fromhex('-0x0p0')",
    "(2.5).conjugate()", "(2.5).real", "(2.5).imag", "(2.5).__round__()", "(3.5).__round__()", "(2.675).__round__(2)",
    "(2.5).__trunc__()", "(-2.5).__floor__()", "(-2.5).__ceil__()", "float('nan').__floor__()", "float('inf').__ceil__()",
    "(-2.5).__abs__()", "(2.5).__neg__()", "(2.5).__getnewargs__()", "float.__getformat__('double')",
    "round(0.5)", "round(1.5)", "round(-0.5)", "round(2.5, 0)", "round(-0.0, 1)", "round(1.23456, 3)", "round(float('inf'))",
    "round(float('nan'))", "round(float('inf'), 2)", "round(1.5, None)", "round(12.5, -1)", "round(1e20, 5)",
    "round(123.456, -10 ** 20)", "round(123.456, 10 ** 20)", "round(2.5, 'x')", "round(1e308, -309)",
    "divmod(7.5, 2)", "divmod(-7.5, 2)", "divmod(7, -2.5)", "divmod(1, 0.0)", "7.5 // 0", "7.5 % 0", "-0.0 % 5",
    "0.0 % -5", "-1e-300 % 1e300", "1e300 // 1e-300", "5.0 // float('inf')", "-5.0 // float('inf')", "-5.0 % float('inf')",
    "float('inf') // 1", "float('inf') % 1", "2.0 ** 0.5", "0.0 ** -1", "10.0 ** 400", "(-10.0) ** 401",
    "1.5 ** float('inf')", "float('inf') ** -1", "(-1.0) ** float('inf')", "float('nan') ** 0", "pow(2.0, 3, 5)",
]:
    show(expr)
