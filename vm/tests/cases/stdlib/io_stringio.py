# io.StringIO and io.BytesIO
import io
from io import StringIO, BytesIO


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

# writing, reading, positions
s = StringIO()
print(s.write("hello"), s.write(" world\n"), s.tell(), s.getvalue())
print(s.read(), s.seek(0), s.read(5), s.tell(), s.read(), s.read(), s.tell())
s.seek(6)
s.write("THERE")
print(repr(s.getvalue()), s.tell(), s.seek(0, 2), s.seek(0, 1), s.seek(20), s.read(), s.tell())
s.write("!")
print(repr(s.getvalue()), len(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell(), s.seek(0), s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering, s.encoding)

# initial value and lines
s = StringIO("line1\nline2\n\nlast")
print(s.tell(), repr(s.readline()), repr(s.readline(3)), repr(s.readline()), s.readlines())
s.seek(0)
print(list(s), s.readline() == '')
s.seek(0)
print(s.readlines(7), s.readlines())
s.seek(0)
for n, line in enumerate(s):
    print(n, repr(line))
print(repr(StringIO(None).getvalue()), StringIO(initial_value="q").read(), StringIO("abc").read(None))

# errors
s = StringIO("abc")
print(attempt(s.write, 5), attempt(s.read, 'x'), attempt(s.read, 1.5), attempt(s.seek, 'x'))
print(attempt(s.seek, 0, 3), attempt(s.seek, -1), attempt(s.seek, 1, 1), attempt(s.seek, -1, 2))
print(attempt(s.truncate, -1), attempt(s.fileno), attempt(StringIO, 5), attempt(StringIO, 'x', 5),
      attempt(StringIO, 'x', 'a'), attempt(s.writelines, [1]))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))

# close
s.close()
print(s.closed)
for name in ['read', 'write', 'getvalue', 'tell', 'seek', 'readline', 'readlines',
             'truncate', 'readable', 'writelines', 'isatty', '__iter__', '__next__', '__enter__']:
    args = {'write': ('x',), 'seek': (0,), 'writelines': ([],)}.get(name, ())
    print(name, attempt(getattr(s, name), *args))
print(s.close(), s.flush())

# context manager, writelines, print(file=)
with StringIO() as s:
    s.writelines(["a", "b\n", "c"])
    print("x", 1, 2.5, sep=",", end="!\n", file=s)
    print(file=s)
    print(repr(s.getvalue()))
print(s.closed)

# newline handling
for nl in [None, '', '\n', '\r', '\r\n']:
    s = StringIO('a\nb\rc\r\nd', newline=nl)
    s.seek(0, 2)
    s.write('x\ny\r\n')
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)

# BytesIO
b = BytesIO(b"abc\ndef\n")
print(b.read(2), b.tell(), b.readline(), b.readlines(), b.read(), b.getvalue())
print(b.seek(-2, 2), b.read(), b.seek(-100, 1), b.seek(10), b.write(b"Z"), b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell(), b.seek(0), list(b))
b = BytesIO()
print(b.write(bytearray(b"xy")), b.write(b""), b.writelines([b"1", b"2"]), b.getvalue())
buf = bytearray(3)
b.seek(1)
print(b.readinto(buf), buf, b.read1(), BytesIO(bytearray(b"q")).getvalue())
print(attempt(b.write, "str"), attempt(BytesIO, "str"), attempt(b.seek, -1), attempt(b.seek, 0, 5),
      attempt(b.truncate, -3), attempt(b.read, 'x'))
print(BytesIO(b"ab\ncd\nef").readlines(3), BytesIO(b"ab\r\ncd").readline(), BytesIO(b"abcdef").readline(2))
b.close()
print(b.closed, attempt(b.read), attempt(b.getvalue), attempt(b.write, b"x"), attempt(b.flush))
with BytesIO(b"ctx") as b:
    print(b.read())
print(b.closed)
