# struct: random formats (every character, counts, byte orders) with random values
# (ints at the edges, huge ints, floats, __index__ and __float__ objects, wrong
# types), packed, unpacked, unpack_from and pack_into at random offsets; seeded,
# so the output is the same on each run (pyhop's random is CPython's MT).
import struct, random
r = random.Random(777)
chars = 'xcbB?hHiIlLqQnNPefdsp'
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Fl:
    def __init__(self, v): self.v = v
    def __float__(self): return self.v
def rand_val(c):
    k = r.randrange(12)
    if k == 3:
        return r.choice([10**39, 70000, 2**64, -2**63 - 1, 10**400, Idx(5), Idx(2**64), Idx(-1), Idx(-2**70), Fl(1.5), Fl(1e300), True, 65520, 2**128])
    if c in 'efd' or k == 0:
        return r.choice([0.0, -0.0, 1.5, -2.25, 1e10, 1e-10, 65504.0, 65520.0, 3.4e38, 1e39, float('inf'), 1e-7, 6.1e-5, r.uniform(-1e5, 1e5), r.uniform(-10, 10), 7, True])
    if c in 'sp' or k == 1:
        return r.choice([b'', b'a', b'abcdef', bytearray(b'xy'), 'str', b'\xff' * 300])
    if c == 'c' or k == 2:
        return r.choice([b'a', b'', b'ab', bytearray(b'z'), 5])
    return r.choice([0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, 65535, 65536, -32769,
                     2**31 - 1, 2**31, 2**32 - 1, 2**32, -2**31, -2**31 - 1, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63, -2**63 - 1,
                     r.randrange(-2**70, 2**70), None, 'x', 1.0])
for n in range(1500):
    order = r.choice(['', '@', '=', '<', '>', '!'])
    parts = []
    for _ in range(r.randrange(1, 4)):
        c = r.choice(chars)
        cnt = r.choice(['', '', '', '0', '1', '2', '3', '5'])
        parts.append(cnt + c)
    fmt = order + r.choice(['', ' ']).join(parts)
    try:
        s = struct.Struct(fmt)
    except Exception as e:
        print(n, repr(fmt), 'S', type(e).__name__, e); continue
    # build values per code
    vals = []
    for p in parts:
        c = p[-1]; cnt = int(p[:-1]) if p[:-1] else 1
        if c == 'x': continue
        if c in 'sp': vals.append(rand_val(c)); continue
        for _ in range(cnt): vals.append(rand_val(c))
    if r.randrange(20) == 0: vals = vals[:-1]
    try:
        b = s.pack(*vals)
        u = s.unpack(b)
        u = tuple('nan' if isinstance(x, float) and x != x else x for x in u)
        print(n, repr(fmt), s.size, b.hex(), u)
    except Exception as e:
        print(n, repr(fmt), s.size, type(e).__name__, e)
    data = bytes(r.randrange(256) for _ in range(s.size + 3))
    off = r.randrange(-s.size - 4, 5)
    try:
        u = struct.unpack_from(fmt, data, off)
        u = tuple('nan' if isinstance(x, float) and x != x else x for x in u)
        print(' uf', u)
    except Exception as e:
        print(' uf', type(e).__name__, e)
    ba = bytearray(s.size + 2)
    try:
        struct.pack_into(fmt, ba, off, *vals); print(' pi', ba.hex())
    except Exception as e:
        print(' pi', type(e).__name__, e, ba.hex())
