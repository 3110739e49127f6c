"""array for pyhop: compact arrays of numeric values (pure Python, list-backed).

Implements array.array for the typecodes b B h H i I l L q Q f d (item sizes
1 1 2 2 4 4 8 8 8 8 4 8, as on 64-bit Linux) and 'u' (4-byte wchar_t): the
constructor (from an iterable, list, tuple, bytes/bytearray, another array, or a
str for 'u'), typecode, itemsize, append, extend, insert, pop, remove, index
(start/stop), count, reverse, tolist, fromlist (all-or-nothing), tobytes,
frombytes, tofile, fromfile, tounicode, fromunicode, byteswap, __copy__ and
__deepcopy__; indexing and slicing (get/set/del, extended slices, slice
assignment only from an array of the same typecode), len, iteration, `in`, +, *,
+=, *=, the six comparisons and CPython's repr.  Values are range-checked with
CPython 3.11's exact (and somewhat irregular) OverflowError/TypeError messages.

Storage is a Python list of already-converted values: ints for the integer
codes, floats for 'f'/'d' ('f' values are rounded to float32 with
round-half-even, overflowing to +-inf like CPython's C cast), 1-character strs
for 'u'.  tobytes/frombytes use little-endian two's complement for integers and
hand-written IEEE 754 packing (subnormals, infinities, NaN) for floats.

Left out: the buffer protocol (memoryview(array), passing an array where C code
wants bytes: BytesIO here accepts it through tobytes()), buffer_info,
__reduce_ex__/pickling, __class_getitem__, array._array_reconstructor, and NaN
payloads (a NaN is packed as the quiet NaN with the original sign bit, and
unpacked as a NaN with that sign).  byteswap() on a 'u' array raises ValueError
when a swapped code point is not a valid character (CPython stores it anyway).
Slices, concatenations and repeats of a subclass instance are plain arrays, as in
CPython.  Messages produced by the VM itself (e.g. "'<' not supported between
instances of ...") name the type 'array', where CPython says 'array.array'.
"""

import math
import sys

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
             'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1

_F32_OVERFLOW = 2.0 ** 128
_INF = float('inf')


def _type_name(v):
    return type(v).__name__


def _as_index(value, msg=None):
    """int(value) via __index__; TypeError with msg (or CPython's default)."""
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        if msg is None:
            msg = "'%s' object cannot be interpreted as an integer" % _type_name(value)
        raise TypeError(msg)
    return meth(value)


def _range(v, lo, hi, name):
    if v < lo:
        raise OverflowError("%s is less than minimum" % name)
    if v > hi:
        raise OverflowError("%s is greater than maximum" % name)


def _as_c_long(v):
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")


def _conv_b(v):
    v = _as_index(v)
    _as_c_long(v)
    _range(v, -32768, 32767, "signed short integer")
    _range(v, -128, 127, "signed char")
    return v


def _conv_B(v):
    v = _as_index(v)
    _as_c_long(v)
    _range(v, 0, 255, "unsigned byte integer")
    return v


def _conv_h(v):
    v = _as_index(v)
    _as_c_long(v)
    _range(v, -32768, 32767, "signed short integer")
    return v


def _conv_H(v):
    v = _as_index(v)
    _as_c_long(v)
    _range(v, -(1 << 31), (1 << 31) - 1, "signed integer")
    _range(v, 0, 65535, "unsigned short")
    return v


def _conv_i(v):
    v = _as_index(v)
    _as_c_long(v)
    _range(v, -(1 << 31), (1 << 31) - 1, "signed integer")
    return v


def _conv_I(v):
    v = _as_index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v > _ULONG_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    if v > (1 << 32) - 1:
        raise OverflowError("unsigned int is greater than maximum")
    return v


def _conv_l(v):
    v = _as_index(v)
    _as_c_long(v)
    return v


def _conv_L(v):
    v = _as_index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v > _ULONG_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _conv_q(v):
    v = _as_index(v)
    if v < _LONG_MIN or v > _LONG_MAX:
        raise OverflowError("int too big to convert")
    return v


def _conv_Q(v):
    v = _as_index(v)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if v > _ULONG_MAX:
        raise OverflowError("int too big to convert")
    return v


def _as_double(v):
    if isinstance(v, float):
        return float(v)
    if isinstance(v, int):
        return float(v)
    tp = type(v)
    if getattr(tp, '__float__', None) is not None:
        return float(v)
    meth = getattr(tp, '__index__', None)
    if meth is not None:
        return float(meth(v))
    raise TypeError("must be real number, not %s" % tp.__name__)


def _round_f32(x):
    """x rounded to the nearest float32 (half to even); +-inf on overflow."""
    if x != x or x == 0.0 or x == _INF or x == -_INF:
        return x
    ax = -x if x < 0 else x
    m, e = math.frexp(ax)            # ax = m * 2**e, 0.5 <= m < 1
    bits = 24 if e >= -125 else e + 149
    v = math.ldexp(m, bits)
    fl = math.floor(v)
    n = int(fl)
    frac = v - fl
    if frac > 0.5 or (frac == 0.5 and n & 1):
        n += 1
    r = math.ldexp(float(n), e - bits)
    if r >= _F32_OVERFLOW:
        r = _INF
    return math.copysign(r, x)


def _conv_f(v):
    return _round_f32(_as_double(v))


def _conv_d(v):
    return _as_double(v)


def _conv_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return str(v)


_CONV = {'b': _conv_b, 'B': _conv_B, 'u': _conv_u, 'h': _conv_h, 'H': _conv_H,
         'i': _conv_i, 'I': _conv_I, 'l': _conv_l, 'L': _conv_L, 'q': _conv_q,
         'Q': _conv_Q, 'f': _conv_f, 'd': _conv_d}

_SIGNED = {'b': True, 'h': True, 'i': True, 'l': True, 'q': True,
           'B': False, 'H': False, 'I': False, 'L': False, 'Q': False}


# ---------------------------------------------------------------- packing

def _float_bits(x, mant_bits, exp_bits):
    """IEEE 754 bit pattern (an int) of x in the given format (x exactly representable)."""
    bias = (1 << (exp_bits - 1)) - 1
    emax = (1 << exp_bits) - 1
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    if x != x:
        e, mant = emax, 1 << (mant_bits - 1)
    elif x == _INF or x == -_INF:
        e, mant = emax, 0
    elif x == 0.0:
        e, mant = 0, 0
    else:
        ax = -x if x < 0 else x
        m, ex = math.frexp(ax)
        e = ex - 1 + bias
        if e >= 1:
            mant = int(math.ldexp(m, mant_bits + 1)) - (1 << mant_bits)
        else:
            e = 0
            mant = int(math.ldexp(ax, bias - 1 + mant_bits))
    return (sign << (mant_bits + exp_bits)) | (e << mant_bits) | mant


def _bits_float(u, mant_bits, exp_bits):
    bias = (1 << (exp_bits - 1)) - 1
    emax = (1 << exp_bits) - 1
    sign = (u >> (mant_bits + exp_bits)) & 1
    e = (u >> mant_bits) & emax
    mant = u & ((1 << mant_bits) - 1)
    if e == emax:
        r = float('nan') if mant else _INF
    elif e == 0:
        r = math.ldexp(float(mant), 1 - bias - mant_bits)
    else:
        r = math.ldexp(float(mant | (1 << mant_bits)), e - bias - mant_bits)
    return -r if sign else r


def _item_to_uint(tc, v):
    if tc == 'd':
        return _float_bits(v, 52, 11)
    if tc == 'f':
        return _float_bits(v, 23, 8)
    if tc == 'u':
        return ord(v)
    return v & ((1 << (8 * _ITEMSIZE[tc])) - 1)


def _uint_to_item(tc, u):
    if tc == 'd':
        return _bits_float(u, 52, 11)
    if tc == 'f':
        return _bits_float(u, 23, 8)
    if tc == 'u':
        return chr(u)
    if _SIGNED[tc]:
        nbits = 8 * _ITEMSIZE[tc]
        if u >> (nbits - 1):
            u -= 1 << nbits
    return u


def _bytes_of(obj):
    if isinstance(obj, (bytes, bytearray)):
        return bytes(obj)
    if isinstance(obj, array):
        if obj.itemsize != 1:
            raise TypeError("a bytes-like object is required")
        return obj.tobytes()
    if _type_name(obj) == 'memoryview':
        return bytes(obj)
    raise TypeError("a bytes-like object is required, not '%s'" % _type_name(obj))


def _make(tc, data):
    a = object.__new__(array)
    a._tc = tc
    a._data = data
    return a


# ---------------------------------------------------------------- array

class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
string or iterable over elements of the appropriate type."""

    __slots__ = ('_tc', '_data')

    def __new__(cls, *args, **kwargs):
        if kwargs and cls is array:
            raise TypeError("array.array() takes no keyword arguments")
        if len(args) < 1 or len(args) > 2:
            raise TypeError("array() takes at most 2 arguments (%d given)" % len(args)
                            if args else "array() takes at least 1 argument (0 given)")
        tc = args[0]
        if not isinstance(tc, str) or len(tc) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % _type_name(tc))
        if tc not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self = object.__new__(cls)
        self._tc = tc
        self._data = []
        if len(args) < 2:
            return self
        init = args[1]
        if isinstance(init, str) and tc != 'u':
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % tc)
        if isinstance(init, array) and init._tc == 'u' and tc != 'u':
            raise TypeError("cannot use a unicode array to initialize an array with "
                            "typecode '%s'" % tc)
        if isinstance(init, (list, tuple)):
            conv = _CONV[tc]
            self._data = [conv(v) for v in init]
        elif isinstance(init, (bytes, bytearray)):
            self.frombytes(init)
        elif isinstance(init, str):
            self._data = list(init)
        elif isinstance(init, array):
            if init._tc == tc:
                self._data = list(init._data)
            else:
                conv = _CONV[tc]
                self._data = [conv(v) for v in init._data]
        else:
            self.extend(init)
        return self

    # -- attributes

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self._tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _ITEMSIZE[self._tc]

    # -- representation

    def __repr__(self):
        name = type(self).__name__
        if not self._data:
            return "%s(%r)" % (name, self._tc)
        if self._tc == 'u':
            return "%s(%r, %r)" % (name, self._tc, ''.join(self._data))
        return "%s(%r, %r)" % (name, self._tc, list(self._data))

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    # -- sequence protocol

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        data = self._data
        i = 0
        while i < len(data):
            yield data[i]
            i += 1

    def __contains__(self, value):
        for x in self._data:
            if x == value:
                return True
        return False

    def _index(self, i):
        if isinstance(i, int):
            return int(i)
        return _as_index(i, "array indices must be integers")

    def __getitem__(self, i):
        if isinstance(i, slice):
            return _make(self._tc, self._data[i])
        i = self._index(i)
        n = len(self._data)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array index out of range")
        return self._data[i]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % _type_name(value))
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            items = list(value._data)
            start, stop, step = i.indices(len(self._data))
            if step != 1:
                n = len(range(start, stop, step))
                if not items:
                    # CPython deletes an extended slice assigned an empty array
                    del self._data[i]
                    return
                if len(items) != n:
                    raise ValueError("attempt to assign array of size %d to extended "
                                     "slice of size %d" % (len(items), n))
            self._data[i] = items
            return
        i = self._index(i)
        n = len(self._data)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array assignment index out of range")
        self._data[i] = _CONV[self._tc](value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._data[i]
            return
        i = self._index(i)
        n = len(self._data)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("array assignment index out of range")
        del self._data[i]

    # -- arithmetic

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % _type_name(other))
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return _make(self._tc, self._data + other._data)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % _type_name(other))
        self.extend(other)
        return self

    def __mul__(self, n):
        if isinstance(n, float) or getattr(type(n), '__index__', None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _type_name(n))
        n = _as_index(n)
        return _make(self._tc, self._data * n if n > 0 else [])

    def __rmul__(self, n):
        if isinstance(n, (list, tuple, str, bytes, bytearray)):
            # CPython tries the left operand's sequence repeat first
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % ('array.array' if type(self) is array else type(self).__name__))
        return self.__mul__(n)

    def __imul__(self, n):
        if isinstance(n, float) or getattr(type(n), '__index__', None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _type_name(n))
        n = _as_index(n)
        if n > 0:
            self._data *= n
        else:
            del self._data[:]
        return self

    # -- comparisons

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        a, b = self._data, other._data
        if len(a) != len(b) and (op == 'eq' or op == 'ne'):
            return op == 'ne'
        n = min(len(a), len(b))
        i = 0
        while i < n:
            if not (a[i] == b[i]):
                break
            i += 1
        if i >= n:
            x, y = len(a), len(b)
        else:
            if op == 'eq':
                return False
            if op == 'ne':
                return True
            x, y = a[i], b[i]
        if op == 'eq':
            return x == y
        if op == 'ne':
            return x != y
        if op == 'lt':
            return x < y
        if op == 'le':
            return x <= y
        if op == 'gt':
            return x > y
        return x >= y

    def __eq__(self, other):
        return self._compare(other, 'eq')

    def __ne__(self, other):
        return self._compare(other, 'ne')

    def __lt__(self, other):
        return self._compare(other, 'lt')

    def __le__(self, other):
        return self._compare(other, 'le')

    def __gt__(self, other):
        return self._compare(other, 'gt')

    def __ge__(self, other):
        return self._compare(other, 'ge')

    # -- methods

    def append(self, v):
        """Append new value v to the end of the array."""
        self._data.append(_CONV[self._tc](v))

    def extend(self, iterable):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._data.extend(list(iterable._data))
            return
        conv = _CONV[self._tc]
        data = self._data
        for v in iterable:
            data.append(conv(v))

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        i = _as_index(i)
        v = _CONV[self._tc](v)
        n = len(self._data)
        if i < 0:
            i += n
            if i < 0:
                i = 0
        if i > n:
            i = n
        self._data.insert(i, v)

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        i = _as_index(i)
        n = len(self._data)
        if n == 0:
            raise IndexError("pop from empty array")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("pop index out of range")
        return self._data.pop(i)

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        data = self._data
        for i in range(len(data)):
            if data[i] == v:
                del data[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=sys.maxsize):
        """Return index of first occurrence of v in the array."""
        msg = "slice indices must be integers or have an __index__ method"
        start = _as_index(start, msg)
        stop = _as_index(stop, msg)
        data = self._data
        n = len(data)
        if start < 0:
            start += n
            if start < 0:
                start = 0
        if stop < 0:
            stop += n
        i = start
        while i < stop and i < len(data):
            if data[i] == v:
                return i
            i += 1
        raise ValueError("array.index(x): x not in array")

    def count(self, v):
        """Return number of occurrences of v in the array."""
        c = 0
        for x in self._data:
            if x == v:
                c += 1
        return c

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._data.reverse()

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return list(self._data)

    def fromlist(self, lst):
        """Append items to array from list."""
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        conv = _CONV[self._tc]
        self._data.extend([conv(v) for v in lst])

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes representation."""
        tc = self._tc
        size = _ITEMSIZE[tc]
        out = []
        for v in self._data:
            u = _item_to_uint(tc, v)
            for k in range(size):
                out.append((u >> (8 * k)) & 0xff)
        return bytes(out)

    def frombytes(self, buffer):
        """Appends items from the bytes-like object, interpreting it as machine values."""
        b = _bytes_of(buffer)
        tc = self._tc
        size = _ITEMSIZE[tc]
        if len(b) % size:
            raise ValueError("bytes length not a multiple of item size")
        items = []
        for p in range(0, len(b), size):
            u = 0
            for k in range(size - 1, -1, -1):
                u = (u << 8) | b[p + k]
            items.append(_uint_to_item(tc, u))
        self._data.extend(items)

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        f.write(self.tobytes())

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end of the array."""
        n = _as_index(n)
        if n < 0:
            raise ValueError("negative count")
        nbytes = n * _ITEMSIZE[self._tc]
        b = f.read(nbytes)
        if not isinstance(b, bytes):
            raise TypeError("read() didn't return bytes")
        whole = len(b) - len(b) % _ITEMSIZE[self._tc]
        self.frombytes(b[:whole])
        if len(b) != nbytes:
            raise EOFError("read() didn't return enough bytes")

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._data)

    def fromunicode(self, s):
        """Extends this array with data from the unicode string ustr."""
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % _type_name(s))
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._data.extend(list(s))

    def byteswap(self):
        """Byteswap all items of the array."""
        tc = self._tc
        size = _ITEMSIZE[tc]
        data = self._data
        for i in range(len(data)):
            u = _item_to_uint(tc, data[i])
            r = 0
            for k in range(size):
                r = (r << 8) | ((u >> (8 * k)) & 0xff)
            data[i] = _uint_to_item(tc, r)

    def __copy__(self):
        return _make(self._tc, list(self._data))

    def __deepcopy__(self, memo):
        return _make(self._tc, list(self._data))


ArrayType = array
