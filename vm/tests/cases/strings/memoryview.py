# memoryview over bytes and bytearray (format 'B').
m = memoryview(b'abcdef')
print(type(m).__name__, len(m), m[0], m[-1], bytes(m[1:3]), m[1:3].tobytes(), m.tolist()[:3], m.hex())
print(m == b'abcdef', m == bytearray(b'abcdef'), m == 'abcdef', m[2:] == b'cdef', list(m[4:]))
print(m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj, m.contiguous)
print(hash(m) == hash(b'abcdef'), b'-'.join([m[:2], b'x']), bytearray(m[3:]))
ba = bytearray(b'xyz')
mb = memoryview(ba)
print(mb.readonly, mb.tobytes(), memoryview(mb).tobytes())
try: hash(mb)
except ValueError as e: print('ValueError:', e)
with memoryview(b'q') as q:
    print(q[0])
print(repr(q).startswith("<released memory at 0x"))
try: len(q)
except ValueError as e: print('ValueError:', e)
try: memoryview('abc')
except TypeError as e: print('TypeError:', e)
try: m[10]
except IndexError as e: print('IndexError:', e)
print(isinstance(m, memoryview), memoryview.nbytes)
import collections.abc
print(issubclass(memoryview, collections.abc.Sequence), isinstance(iter(range(1 << 70)), collections.abc.Iterator))
