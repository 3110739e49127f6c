# array.array: construction, range checks, sequence protocol, bytes round trips
from array import array, typecodes, ArrayType


def attempt(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(typecodes, ArrayType is array)
print(array('i', [1, 2, 3]), array('d'), array('d', [1.5]), array('u', 'hi'), array('u'))
for tc in 'bBhHiIlLqQfdu':
    a = array(tc)
    print(tc, a.typecode, a.itemsize, repr(a))

# constructors
print(array('b', range(-3, 3)), array('H', (1, 2)), array('q', iter([5, 6])))
print(array('i', b'\x01\x00\x00\x00\xff\xff\xff\xff'), array('B', bytearray(b'AZ')))
print(array('d', array('i', [1, 2])), array('i', array('i', [7])))
print(attempt(array, 'x'), attempt(array, 5), attempt(array, 'ii'))
print(attempt(array, 'i', 'abc'), attempt(array, 'i', 5), attempt(array, 'i', b'\x01'))
print(attempt(array, 'u', ['ab']), attempt(array, 'i', [1], x=1), attempt(array, 'i', None))
print(attempt(array, 'i', array('u', 'a')), attempt(array, 'u', array('i', [1])))

# range checking, with CPython's (irregular) messages
for tc in 'bBhHiIlLqQ':
    row = []
    for v in (-2 ** 64, -2 ** 31 - 1, -129, -1, 0, 255, 256, 65536, 2 ** 32, 2 ** 63, 2 ** 64):
        r = attempt(array, tc, [v])
        row.append(r if isinstance(r, str) else 'ok')
    print(tc, row)
print(attempt(array, 'i', [1.0]), attempt(array, 'b', ['a']), attempt(array, 'B', [None]))
print(array('b', [True, False]), attempt(array, 'd', ['1']), attempt(array, 'f', [None]))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.25


print(array('i', [Idx()]), array('d', [Flt(), Idx(), 3]), attempt(array, 'i', [Flt()]))

# float32 rounding
print(array('f', [0.1])[0], array('f', [1e39, -1e39, 3.4028235e38, 1e-46, 1e-45, -0.0]))
print(array('f', [16777217.0, 16777219.0, 1 / 3, 2.5e-45, float('inf')]))
print(array('f', [float('nan')])[0], array('d', [1e308, 5e-324]))

# sequence protocol
a = array('i', [1, 2, 3, 2, 5])
print(len(a), a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:], list(a), 2 in a, 9 in a, 2.0 in a)
print(attempt(lambda: a[5]), attempt(lambda: a['x']), attempt(lambda: a[1.0]))
a[0] = 10
a[-1] = 50
print(a)


def setitem(arr, i, v):
    arr[i] = v
    return arr


def delitem(arr, i):
    del arr[i]
    return arr


print(attempt(setitem, array('i', [1]), 3, 1), attempt(setitem, array('i', [1]), 0, 'x'))
print(attempt(setitem, array('i', [1, 2, 3]), slice(0, 2), [1]))
print(attempt(setitem, array('i', [1, 2, 3]), slice(0, 2), array('d', [1.0])))
print(setitem(array('i', [1, 2, 3]), slice(1, 1), array('i', [7, 8])))
print(setitem(array('i', [1, 2, 3]), slice(None, None, -1), array('i', [7, 8, 9])))
print(setitem(array('i', [1, 2, 3]), slice(None, None, 2), array('i')))
print(attempt(setitem, array('i', [1, 2, 3]), slice(None, None, 2), array('i', [1])))
b = array('h', [1, 2, 3])
b[1:] = b
print(b)
print(delitem(array('i', [1, 2, 3]), 0), delitem(array('i', [1, 2, 3, 4]), slice(None, None, 2)))
print(attempt(delitem, array('i', [1]), 4))

# methods
a = array('l', [3, 1, 4, 1, 5])
a.append(9)
a.extend([2, 6])
a.extend(array('l', [5]))
a.insert(0, 100)
a.insert(-100, -1)
a.insert(100, 99)
print(a, a.count(1), a.index(1), a.index(1, 4), attempt(a.index, 1, 5, 6), attempt(a.index, 42))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
a.reverse()
print(a, a.tolist(), attempt(a.remove, 42), attempt(array('i').pop), attempt(a.pop, 50))
print(attempt(a.extend, array('d')), attempt(a.extend, 5), attempt(a.fromlist, (1,)), attempt(a.insert, 1.0, 2))
c = array('i', [1, 2])
print(attempt(c.fromlist, [3, 'x']), c)
c.fromlist([3, 4])
print(c)

# operators and comparisons
x, y = array('i', [1, 2]), array('i', [3])
print(x + y, x * 2, 3 * y, x * 0, x * -1)
print(attempt(lambda: x + [1]), attempt(lambda: x + array('d')), attempt(lambda: x * 'a'))
x += y
x *= 2
print(x, attempt(lambda: array('i').__iadd__([1])))
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1]) != array('i', [1, 2]),
      array('i', [1, 2]) < array('i', [1, 3]), array('i', [2]) > array('i', [1, 9]),
      array('i') <= array('i'), array('i', [1]) >= array('i', [1, 0]), array('i', [1]) == [1])
n = array('d', [float('nan')])
print(n == n, n.count(n[0]), attempt(hash, array('i')))

# bytes
for tc, vals in [('b', [-1, 127]), ('B', [0, 255]), ('h', [-2, 300]), ('H', [65535]),
                 ('i', [-(2 ** 31), 1]), ('I', [2 ** 32 - 1]), ('l', [-5]), ('L', [2 ** 64 - 1]),
                 ('q', [2 ** 63 - 1]), ('Q', [1]),
                 ('f', [1.5, -0.0, float('inf'), 1e-45]), ('d', [0.1, -2.0, float('-inf'), 5e-324])]:
    arr = array(tc, vals)
    raw = arr.tobytes()
    back = array(tc)
    back.frombytes(raw)
    sw = array(tc, vals)
    sw.byteswap()
    print(tc, raw, back == arr, sw.tobytes() == b''.join(raw[i:i + arr.itemsize][::-1] for i in range(0, len(raw), arr.itemsize)))
print(array('d', [float('nan')]).tobytes(), array('f', [float('nan')]).tobytes())
print(array('f', b'\x00\x00\x80\x7f\x01\x00\x00\x00'), array('d', b'\x00\x00\x00\x00\x00\x00\xf0\xbf'))
print(array('u', 'a\u20ac').tobytes(), attempt(array('i').frombytes, 'ab'), attempt(array('h').frombytes, b'abc'))
i = array('i', [1, 2])
i.byteswap()
print(i)

# unicode arrays
u = array('u', 'hello')
u.fromunicode(' world')
u.append('!')
print(u, u.tounicode(), u[1:4], len(u), attempt(u.append, 'ab'), attempt(array('i').tounicode))

# iteration sees appends, like CPython's array iterator
a = array('i', [1, 2])
seen = []
for v in a:
    seen.append(v)
    if v < 4:
        a.append(v + 2)
print(seen, a)
