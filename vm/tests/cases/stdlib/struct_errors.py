# struct: each error and its message (CPython 3.11 on a 64-bit little-endian machine).
import struct

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

# Integer ranges, per byte order (the messages differ between tables).
values = [-2**64 - 1, -2**63 - 1, -2**63, -2**31 - 1, -2**15 - 1, -129, -1, 128, 256, 2**15,
          2**16, 2**31, 2**32, 2**63, 2**64, Idx(2**64), Idx(-1), Idx(-2**70)]
for order in '@<>=!':
    for c in 'bBhHiIlLqQnNP':
        if order != '@' and c in 'nNP':
            continue
        seen = []
        for v in values:
            try:
                struct.pack(order + c, v)
                r = 'ok'
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            if r not in seen:
                seen.append(r)
        print(order + c, seen)

# Not an integer / not a float.
t(struct.pack, 'i', 1.5)
t(struct.pack, 'i', '1')
t(struct.pack, 'Q', None)
t(struct.pack, 'P', 1.0)
t(struct.pack, '<q', 2.0)
t(struct.pack, 'd', 'x')
t(struct.pack, 'f', None)
t(struct.pack, 'e', [1])
t(struct.pack, 'd', 10**400)
class BadIndex:
    def __index__(self): raise ValueError('bad index')
t(struct.pack, 'i', BadIndex())
class BadFloat:
    def __float__(self): raise ValueError('bad float')
t(struct.pack, 'd', BadFloat())
class BadBool:
    def __bool__(self): raise ZeroDivisionError('bad bool')
t(struct.pack, '?', BadBool())

# Float overflow.
t(struct.pack, '<e', 1e300)
t(struct.pack, '>e', -65520.0)
t(struct.pack, 'e', 65520.0)
t(struct.pack, '<e', 65519.99)
t(struct.pack, '<f', 1e300)
t(struct.pack, '>f', -3.5e38)
t(struct.pack, '=f', 1e39)
t(struct.pack, '<d', 1e308 * 10)

# Strings and chars.
t(struct.pack, 's', 'abc')
t(struct.pack, 'p', 'abc')
t(struct.pack, '3s', memoryview(b'abc'))
t(struct.pack, 'c', b'ab')
t(struct.pack, 'c', b'')
t(struct.pack, 'c', 'a')
t(struct.pack, 'c', bytearray(b'a'))
t(struct.pack, 'c', 97)

# Argument counts.
t(struct.pack, 'i')
t(struct.pack, 'i', 1, 2)
t(struct.pack, '2i', 1)
t(struct.pack, 'x', 1)
t(struct.pack, '3s', b'a', b'b')
t(struct.pack)
t(struct.pack, 'i', x=1)
t(struct.pack_into)
t(struct.pack_into, 'i')
t(struct.pack_into, 'i', bytearray(4))
t(struct.pack_into, 'i', bytearray(4), 0)
t(struct.pack_into, 'i', bytearray(4), 0, 1, 2)
t(struct.unpack)
t(struct.unpack, 'i')
t(struct.unpack, 'i', b'abcd', 1)
t(struct.unpack, 'i', buffer=b'abcd')
t(struct.unpack_from)
t(struct.unpack_from, 'i')
t(struct.unpack_from, 'i', b'abcd', 0, 1)
t(struct.unpack_from, 'i', b'abcd', buffer=b'abcd')
t(struct.unpack_from, 'i', b'abcd', 0, offset=0)
t(struct.unpack_from, 'i', b'abcd', bogus=0)
t(struct.unpack_from, format='i', buffer=b'abcd')
t(struct.iter_unpack, 'i')
t(struct.iter_unpack, 'i', b'abcd', 1)
t(struct.calcsize)
t(struct.calcsize, 'i', 'i')
t(struct.calcsize, format='i')
t(struct._clearcache, 1)

# Bad formats.
t(struct.calcsize, 'y')
t(struct.calcsize, '<n')
t(struct.calcsize, '>P')
t(struct.calcsize, '!N')
t(struct.calcsize, '3')
t(struct.calcsize, 'i3')
t(struct.calcsize, '3 i')
t(struct.calcsize, 'i\0')
t(struct.calcsize, b'\0')
t(struct.calcsize, '@@')
t(struct.calcsize, 'i<')
t(struct.calcsize, '\u00e9')
t(struct.calcsize, 'ii\u20ac')
t(struct.calcsize, 5)
t(struct.calcsize, None)
t(struct.calcsize, bytearray(b'i'))
t(struct.calcsize, ['i'])
t(struct.calcsize, '99999999999999999999i')
t(struct.calcsize, '9223372036854775807i')
t(struct.calcsize, '9223372036854775807x')
t(struct.calcsize, '9223372036854775807xx')
t(struct.calcsize, '4611686018427387904h')
t(struct.pack, 'z', 1)
t(struct.unpack, 'z', b'')
t(struct.Struct, 'ii\0')
t(struct.Struct, 5)
t(struct.Struct, bytearray(b'i'))
t(struct.Struct)
t(struct.Struct, 'i', 'i')
t(struct.Struct, fmt='i')

# Buffers.
t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', b'abcde')
t(struct.unpack, '<h', 'ab')
t(struct.unpack, '<h', 5)
t(struct.unpack, '<h', [1, 2])
t(struct.unpack_from, '<i', b'abc')
t(struct.unpack_from, '<h', b'abcd', 3)
t(struct.unpack_from, '<h', b'abcd', 5)
t(struct.unpack_from, '<h', b'abcd', -5)
t(struct.unpack_from, '<h', b'abcd', -1)
t(struct.unpack_from, '<h', b'abcd', 'x')
t(struct.unpack_from, '<h', b'abcd', 1.0)
t(struct.unpack_from, '<h', b'abcd', 2**70)
t(struct.unpack_from, '<h', b'abcd', Idx(2))
t(struct.pack_into, '<h', b'abcd', 0, 1)
t(struct.pack_into, '<h', 'abcd', 0, 1)
t(struct.pack_into, '<h', memoryview(b'abcd'), 0, 1)
t(struct.pack_into, '<h', bytearray(4), 3, 1)
t(struct.pack_into, '<h', bytearray(4), 5, 1)
t(struct.pack_into, '<h', bytearray(4), -1, 1)
t(struct.pack_into, '<h', bytearray(4), -5, 1)
t(struct.pack_into, '<h', bytearray(4), 'a', 1)
t(struct.pack_into, '<h', bytearray(4), 1.0, 1)
t(struct.pack_into, '<h', bytearray(4), 2**70, 1)
t(struct.pack_into, '<h', bytearray(4), -2**70, 1)
t(struct.pack_into, '<4s', bytearray(2), 0, b'abcd')
ba = bytearray(b'\xee' * 8)
t(struct.pack_into, '<hhh', ba, 1, 1, 'x', 3)
print(ba.hex())
m = memoryview(bytearray(4))
m.release()
t(struct.pack_into, '<h', m, 0, 1)
t(struct.unpack, '<h', m)
t(struct.unpack_from, '<h', m)
t(struct.iter_unpack, '', b'')
t(struct.iter_unpack, '0i', b'abcd')
t(struct.iter_unpack, 'i', b'abc')
t(struct.iter_unpack, 'i', 'abcd')
t(struct.unpack, '0p', b'')

# Struct methods.
s = struct.Struct('<h')
t(s.pack)
t(s.pack, 1, 2)
t(s.pack, 1, x=2)
t(s.pack, 70000)
t(s.pack_into)
t(s.pack_into, bytearray(2))
t(s.pack_into, bytearray(2), 0)
t(s.pack_into, bytearray(2), 0, 1, buf=2)
t(s.unpack)
t(s.unpack, b'ab', b'cd')
t(s.unpack, buffer=b'ab')
t(s.unpack, b'abc')
t(s.unpack_from)
t(s.unpack_from, b'ab', 0, 1)
t(s.unpack_from, b'ab', buffer=b'ab')
t(s.unpack_from, b'ab', bogus=1)
t(s.unpack_from, b'ab', 1)
t(s.iter_unpack)
t(s.iter_unpack, b'abc')
t(struct.Struct.pack, 5)
t(struct.Struct.pack)
t(struct.Struct.unpack, 'x', b'ab')
t(s.__init__, 'q\0')
print(s.size)
t(type(struct.iter_unpack('b', b'')))
t(lambda: struct.Struct('i').unpack_from(b'abcd', offset=-5))
t(struct.unpack_from, 'i', bogus=1)
t(struct.unpack_from, 'i', b'abcd', buffer=b'x', bogus=1)
t(struct.Struct, bogus=1)
t(struct.Struct, 'i', bogus=1)
t(struct.Struct('<h').unpack_from, bogus=1)
t(struct.Struct('<h').unpack_from, b'ab', offset=1, buffer=b'ab')
t(struct.unpack_from, '<h', b'abcd', -1)
t(struct.unpack_from, '<h', b'abcd', -3)
t(struct.unpack_from, '4s', memoryview(b'abcdefgh')[::2] if False else b'abc', 0)
t(struct.pack, '9223372036854775807x')
t(struct.pack, '4611686018427387903h')
t(struct.pack, '1000000000000000s', b'')
t(struct.pack_into, '1000000000000000s', bytearray(4), 0, b'')
t(struct.unpack, '1000000000000000s', b'')
t(struct.iter_unpack, '1000000000000000s', b'abcd')

# What a failing pack_into leaves in the buffer: the values before the failing
# one, the low 64 bits of a big-endian q/Q that overflows, and the stray count
# byte of a '0p'.
for fmt, vals in [('>q', [2**64 + 5]), ('>Q', [-5]), ('>q', [-2**63 - 2]), ('!Q', [2**70 + 3]),
                  ('>hq', [1, 2**63]), ('<q', [2**64]), ('0p', [b'']), ('h0p', [1, b'ab'])]:
    b = bytearray(b'\x11' * 12)
    t(struct.pack_into, fmt, b, 2, *vals)
    print(fmt, b.hex())
print(struct.pack('0px', b''), struct.pack('0p0p', b'', b''), struct.pack('xx0pc', b'', b'a'))

# An OverflowError with an int argument becomes "int too large to convert", float
# formats included; with an __index__ object or a float it stays.
for f, v in [('<f', 10**39), ('<e', 70000), ('>e', True), ('@e', 10**6), ('<f', 2**128),
             ('d', 10**400), ('@f', 10**39), ('<e', 70000.0), ('>q', Idx(2**64)), ('P', Idx(2**64))]:
    t(struct.pack, f, v)
