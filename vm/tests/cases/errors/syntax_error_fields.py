for args in [("m", ("dir/f.py", 3, 5, "text", 3, 9)), ("m", ("f.py", 3, 5, "text")), ("m",), (), (None,), ("m", ("f.py", None, 5, "t")), ("m", (None, 3, 5, "t")), ("m", ("a/b", "3", 1, 2)), (1, 2, 3), ("m", [ "f", 1, 2, "t"])]:
    try:
        e = SyntaxError(*args)
    except Exception as x:
        print("ERR", type(x).__name__, x); continue
    print(repr(e), "|", str(e), "|", e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line, e.__dict__)
for bad in [("m", (1,2)), ("m", (1,2,3,4,5,6,7)), ("m", 5)]:
    try:
        SyntaxError(*bad)
    except Exception as x:
        print("ERR", type(x).__name__, x)
e = IndentationError("x", ("f", 1, 2, "t"))
print(e.lineno, str(e), isinstance(e, SyntaxError))
e.lineno = 7; print(str(e))
e.print_file_and_line = 3; print(e.print_file_and_line)
class My(SyntaxError): pass
m = My("q", ("g.py", 2, 1, "z"))
print(m.filename, str(m))
for src in ["x = (", "  x = 1", "if 1:\nx", "def f(:\n pass", "if 1:\n\tx=1\n        y=2", "if 1:\n  a\n    b = 2", "if 1:\n    x\n  y"]:
    try:
        compile(src, "zz.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e))
try:
    exec("1 +")
except SyntaxError as e:
    print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e), e.args)
