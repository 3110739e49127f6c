# struct: every format character, byte orders, alignment, repeat counts,
# pack_into/unpack_from, iter_unpack, floats, big ints, Struct objects, the cache.
import struct
import _struct

print(sorted(n for n in dir(_struct) if not n.startswith('__')))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
print(struct.Struct.__module__, struct.Struct.__name__)
print(_struct.__doc__.splitlines()[0])

# Sizes in every byte order.
for order in ['', '@', '=', '<', '>', '!']:
    row = []
    for c in 'xcbB?hHiIlLqQefdsp':
        row.append(struct.calcsize(order + c))
    print(repr(order), row)
for c in 'nNP':
    print(c, struct.calcsize(c), struct.calcsize('@' + c))

# Alignment and padding in native mode only.
for fmt in ['bi', 'bh', 'bq', 'bd', 'bf', 'be', 'b0i', 'ci', 'hbi', 'bP', 'bn',
            '<bi', '=bq', '>bd', 'ib', 'i3x', '3xi', '2s i', '5p i', 'bhbi', '?q']:
    print(fmt, struct.calcsize(fmt))

# Repeat counts and whitespace.
for fmt in ['3i', '0i', '10s', '0s', '3x', ' i  h ', '\ti\n', '2c', '3?', '12e']:
    print(repr(fmt), struct.calcsize(fmt))

# Integers: round trips at the edges of each format and byte order.
limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1),
          'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'q': (-2**63, 2**63 - 1),
          'Q': (0, 2**64 - 1)}
for order in '@<>=!':
    for c, (lo, hi) in limits.items():
        for v in (lo, hi, 0, 1, (lo + hi) // 3):
            b = struct.pack(order + c, v)
            assert struct.unpack(order + c, b) == (v,), (order, c, v)
        print(order + c, struct.pack(order + c, lo).hex(), struct.pack(order + c, hi).hex())
for order in '@<>':
    print(order + 'lL', struct.pack(order + 'lL', -5, 7).hex())
print('@l', struct.pack('l', -2**63).hex(), struct.pack('L', 2**64 - 1).hex())
print('<l', struct.pack('<l', -2**31).hex(), struct.pack('<L', 2**32 - 1).hex())
print('nN', struct.pack('nN', -2**63, 2**64 - 1).hex(), struct.unpack('nN', struct.pack('nN', -2**63, 2**64 - 1)))
print('P', struct.pack('P', 2**64 - 1).hex(), struct.pack('P', -1).hex(), struct.unpack('P', b'\xff' * 8))
print(struct.unpack('<Q', b'\xff' * 8), struct.unpack('>q', b'\x80' + b'\x00' * 7))

# __index__ is used for ints, truthiness for '?'.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(struct.pack('<hHq', Idx(-3), Idx(65535), Idx(2**62)).hex())
print(struct.pack('>i', True), struct.pack('<Q', False))
class Truthy:
    def __bool__(self): return True
print(struct.pack('????????', 0, 1, [], [0], '', 'a', None, Truthy()))
print(struct.unpack('4?', b'\x00\x01\x02\xff'))
class IntSub(int):
    pass
print(struct.pack('<i', IntSub(77)))

# chars, strings, pascal strings, padding.
print(struct.pack('c', b'x'), struct.pack('3c', b'a', b'b', b'c'), struct.unpack('2c', b'yz'))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('0s', b'abc'), struct.pack('s', b''))
print(struct.pack('3s', bytearray(b'xyz')), struct.unpack('4s', b'abcd'))
print(struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'), struct.pack('1p', b'abc'))
print(struct.pack('300p', b'a' * 299)[:3], len(struct.pack('300p', b'a' * 299)))
print(struct.unpack('5p', b'\x02abcd'), struct.unpack('3p', b'\x09ab'), struct.unpack('1p', b'\x05'))
print(struct.pack('2xb3x', 7), struct.unpack('2xb3x', b'\x00\x00\x07\x00\x00\x00'))
print(struct.pack('<bxhxxi', 1, 2, 3), struct.pack('bxhxxi', 1, 2, 3))
print(struct.unpack('<bxhxxi', struct.pack('<bxhxxi', -1, -2, -3)))

# Floats: 'd', 'f', 'e' in every order; specials.
inf, nan = float('inf'), float('nan')
for order in '@<>':
    for c in 'def':
        for v in (0.0, -0.0, 1.0, -2.5, 0.1, 65504.0, inf, -inf):
            b = struct.pack(order + c, v)
            (r,) = struct.unpack(order + c, b)
            print(order + c, v, b.hex(), r)
        b = struct.pack(order + c, nan)
        (r,) = struct.unpack(order + c, b)
        print(order + c, 'nan', b.hex(), r != r)
print(struct.unpack('<e', struct.pack('<e', -nan)))
print(struct.pack('<e', float('-nan')).hex(), struct.pack('>d', -nan).hex()[:2])
print(struct.unpack('<d', struct.pack('<d', 1e308)), struct.unpack('<f', struct.pack('<f', 3.4e38)))
print(struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('d', 3), struct.pack('<f', Idx(2)), struct.pack('<e', True))
class Fl:
    def __float__(self): return 1.5
print(struct.pack('<d', Fl()), struct.pack('<e', Fl()))
print(struct.pack('@f', 1e300).hex(), struct.pack('@f', -1e300).hex())
# 'e': rounding half to even, subnormals, the largest values.
for v in [1.0 + 2**-11, 1.0 + 3 * 2**-11, 1.0 + 2**-11 + 2**-30, 2**-24, 2**-25, 3 * 2**-26,
          2**-25 + 2**-40, 2**-14, 2**-14 - 2**-24, 65504.0, 65519.99, 2047.5, 2048.5,
          1e-10, -1e-10, 6e-8, 5.9604644775390625e-08, 0.333333, 1/3, 100.0, -65504.0]:
    b = struct.pack('<e', v)
    print('e', repr(v), b.hex(), struct.unpack('<e', b)[0], struct.pack('>e', v).hex())
print([struct.unpack('<e', bytes([lo, hi]))[0] for hi, lo in [(0, 1), (3, 0xff), (4, 0), (0x7b, 0xff), (0x7c, 0), (0xfc, 0), (0x80, 0)]])

# Big ints near the edges.
print(struct.pack('>Q', 2**64 - 1).hex(), struct.pack('<q', -2**63).hex(), struct.pack('>q', 2**63 - 1).hex())
print(struct.unpack('>QqQ', struct.pack('>QqQ', 2**63, -1, 12345678901234567890)))
print(struct.unpack('@QqNn', struct.pack('@QqNn', 2**63, -1, 2**64 - 1, -2**63)))

# Several values at once, alignment in native mode.
print(struct.pack('bhiqd', 1, 2, 3, 4, 5.0).hex())
print(struct.unpack('bhiqd', struct.pack('bhiqd', 1, 2, 3, 4, 5.0)))
print(struct.pack('>bhiqd', 1, 2, 3, 4, 5.0).hex())
print(struct.pack('!3h2s?', 1, 2, 3, b'zz', True))
print(struct.unpack('3h', struct.pack('3h', -1, 0, 1)))
print(struct.pack(b'<2i', 5, 6), struct.unpack(b'=2H', b'\x01\x00\x02\x00'))
print(struct.pack(''), struct.unpack('', b''), struct.calcsize(''), struct.pack('<'), struct.calcsize('@'))

# pack_into / unpack_from with offsets, negative too.
buf = bytearray(12)
struct.pack_into('<hi', buf, 0, 1, 2)
struct.pack_into('<h', buf, 6, -1)
struct.pack_into('<h', buf, -2, 0x1234)
struct.pack_into('<b', buf, -4, 9)
print(buf.hex())
print(struct.unpack_from('<h', buf), struct.unpack_from('<h', buf, 6), struct.unpack_from('<h', buf, -2))
print(struct.unpack_from('<h', buf, offset=-12), struct.unpack_from('<h', buffer=buf, offset=2))
print(struct.unpack_from('<2h', b'\x01\x00\x02\x00\x03\x00', 2), struct.unpack_from('<h', memoryview(b'abcd'), 1))
mv = memoryview(bytearray(8))
struct.pack_into('>I', mv, 2, 0xdeadbeef)
print(mv.tobytes().hex(), bytes(mv.obj).hex())
sub = memoryview(bytearray(b'\x00' * 10))[3:7]
struct.pack_into('<H', sub, 1, 0xabcd)
print(sub.obj.hex(), struct.unpack_from('<H', sub, 1))
print(struct.unpack('<i', memoryview(b'\x01\x02\x03\x04')), struct.unpack('<i', bytearray(b'\x01\x02\x03\x04')))
print(struct.unpack('<H', memoryview(b'xxabyy')[2:4]))
print(struct.pack_into('<i', bytearray(4), 0, 5))
ba = bytearray(b'\xff' * 6)
struct.pack_into('bxb', ba, 1, 1, 2)
print(ba.hex())
s = struct.Struct('<hh')
ba = bytearray(8)
s.pack_into(ba, 4, 7, 8)
print(ba.hex(), s.unpack_from(ba, 4), s.unpack_from(ba, offset=-4), s.unpack_from(buffer=ba))

# iter_unpack.
it = struct.iter_unpack('<hb', bytes(range(9)))
print(type(it).__name__, type(it).__module__, it.__length_hint__())
print(next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
print(list(it))
print(list(struct.iter_unpack('>H', b'')), list(struct.iter_unpack('c', bytearray(b'ab'))))
print(list(struct.Struct('<i').iter_unpack(memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00'))))
print(iter(it) is it)
for x in struct.iter_unpack('2s', b'aabbcc'):
    print(x, end=' ')
print()

# Struct objects.
s = struct.Struct('<ih2s')
print(s.format, s.size, type(s.format).__name__, s.pack(1, 2, b'ab'), s.unpack(b'\x01\x00\x00\x00\x02\x00ab'))
s2 = struct.Struct(b'>d')
print(s2.format, s2.size, s2.pack(1.5), s2.unpack(s2.pack(1.5)))
print(struct.Struct(format='3x').size, struct.Struct('').size)
print(isinstance(s, struct.Struct), type(s).__name__, struct.Struct is _struct.Struct)
s.__init__('<q')
print(s.format, s.size, s.pack(-1))
class MyStruct(struct.Struct):
    def __init__(self, fmt):
        super().__init__('>' + fmt)
        self.note = 'mine'
m = MyStruct('H')
print(m.format, m.size, m.pack(258), m.unpack(b'\x01\x02'), m.note, isinstance(m, struct.Struct))
print(struct.Struct.unpack(struct.Struct('B'), b'\x07'))
print(struct.Struct('i').size == struct.calcsize('i'))
print(s.__sizeof__() > 0)

# The cache: many formats, _clearcache, str and bytes keys.
for n in range(250):
    assert struct.calcsize('%dB' % n) == n
print(struct.calcsize('250B'))
struct._clearcache()
print(struct.pack('i', 3) == struct.pack(b'i', 3), struct.calcsize('i'), struct.calcsize(b'i'))
print(struct._clearcache())

# struct.py's own names.
print(sorted(struct.__all__))

# Attributes are read-only, instances take no new ones; neither class pickles.
import weakref, copy, pickle
def t(f, *a):
    try:
        print('ok', f(*a))
    except Exception as e:
        print(type(e).__name__ + ':', e)
s = struct.Struct('i')
t(setattr, s, 'size', 1)
t(setattr, s, 'format', 'h')
t(setattr, s, 'x', 1)
t(delattr, s, 'size')
print(type(s), struct.error, struct.Struct.__mro__)
print(type(struct.iter_unpack('b', b'')))
r = weakref.ref(s)
print(r() is s)
print(repr(struct.Struct.__doc__))
print(struct.pack.__name__, struct.Struct.pack.__name__)
print(repr(struct.error('x')), str(struct.error('x')))
print(hash(s) == hash(s), s == s, s != struct.Struct('i'))
try:
    raise struct.error('boom')
except struct.error as e:
    print('caught', e.args)
t(copy.copy, s)
t(pickle.dumps, s)
t(pickle.dumps, struct.iter_unpack('b', b'a'))
t(copy.deepcopy, MyStruct('h'))
