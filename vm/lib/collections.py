"""collections for pyhop: specialised container datatypes.

Implements deque (a list-backed ring buffer: O(1) amortised append, appendleft,
pop and popleft; maxlen; indexing; rotate; comparisons; CPython's reprs and
messages), defaultdict (dict subclass with __missing__), OrderedDict (dict
subclass relying on dict's insertion order; move_to_end, popitem(last=),
order-sensitive ==, the 3.11 repr OrderedDict([(k, v), ...])), Counter (with
most_common, elements, update, subtract, total, the arithmetic and comparison
operators), namedtuple (built with type() and descriptors, without exec; defaults=,
rename=, module=, _make, _asdict, _replace, _fields, _field_defaults) and ChainMap.

collections.abc is the host CPython's (this module's __path__ is the host's
collections folder, so its abc.py is found; it re-exports _collections_abc).

Left out: UserDict/UserList/UserString, pickling support
(__reduce__), and reprlib-style recursion guards beyond the
simple one used for deque.  namedtuple cannot look at its caller's frame, so
__module__ defaults to '__main__' unless module= is given.
"""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

# A package standing in for the host's collections/__init__.py (which needs the C
# module _collections): submodules (collections.abc) come from the host's folder.
import sys as _sys

_GenericAlias = type(list[int])
__path__ = [_sys._stdlib_dir + '/collections'] if _sys._stdlib_dir else []
__package__ = 'collections'
del _sys


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    try:
        meth = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return meth(value)


# ---------------------------------------------------------------- deque

_repr_running = set()


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""
    __class_getitem__ = classmethod(_GenericAlias)

    def __hash__(self):
        name = 'collections.deque' if type(self) is deque else type(self).__name__
        raise TypeError("unhashable type: '%s'" % name)

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
            maxlen = int(maxlen)
        self._maxlen = maxlen
        self._buf = [None] * 8
        self._head = 0
        self._size = 0
        self._state = 0
        self.extend(iterable)

    # -- internal helpers

    def _grow(self):
        buf = self._buf
        cap = len(buf)
        head = self._head
        newbuf = buf[head:] + buf[:head]
        newbuf.extend([None] * cap)
        self._buf = newbuf
        self._head = 0

    def _items(self):
        buf = self._buf
        head = self._head
        end = head + self._size
        cap = len(buf)
        if end <= cap:
            return buf[head:end]
        return buf[head:] + buf[:end - cap]

    def _set_items(self, items):
        cap = 8
        while cap < len(items):
            cap *= 2
        buf = list(items)
        buf.extend([None] * (cap - len(items)))
        self._buf = buf
        self._head = 0
        self._size = len(items)

    def _norm_index(self, index, msg="deque index out of range"):
        if not isinstance(index, int):
            index = _seq_index(index)
        n = self._size
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError(msg)
        return index

    # -- public API

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        maxlen = self._maxlen
        if maxlen is not None and self._size >= maxlen:
            if maxlen == 0:
                return
            deque.popleft(self)
            self._state += 1
        buf = self._buf
        if self._size == len(buf):
            self._grow()
            buf = self._buf
        i = self._head + self._size
        if i >= len(buf):
            i -= len(buf)
        buf[i] = x
        self._size += 1

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        maxlen = self._maxlen
        if maxlen is not None and self._size >= maxlen:
            if maxlen == 0:
                return
            deque.pop(self)
            self._state += 1
        buf = self._buf
        if self._size == len(buf):
            self._grow()
            buf = self._buf
        head = self._head - 1
        if head < 0:
            head += len(buf)
        buf[head] = x
        self._head = head
        self._size += 1

    def pop(self):
        """Remove and return the rightmost element."""
        if not self._size:
            raise IndexError("pop from an empty deque")
        self._state += 1
        buf = self._buf
        self._size -= 1
        i = self._head + self._size
        if i >= len(buf):
            i -= len(buf)
        x = buf[i]
        buf[i] = None
        return x

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self._size:
            raise IndexError("pop from an empty deque")
        self._state += 1
        buf = self._buf
        head = self._head
        x = buf[head]
        buf[head] = None
        head += 1
        if head == len(buf):
            head = 0
        self._head = head
        self._size -= 1
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = self._items()
        append = deque.append
        for x in iterable:
            append(self, x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = self._items()
        appendleft = deque.appendleft
        for x in iterable:
            appendleft(self, x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._buf = [None] * 8
        self._head = 0
        self._size = 0

    def copy(self):
        """Return a shallow copy of a deque."""
        if type(self) is deque:
            return deque(self._items(), self._maxlen)
        if self._maxlen is None:
            return type(self)(self._items())
        return type(self)(self._items(), self._maxlen)

    __copy__ = copy

    def count(self, value):
        """Return number of occurrences of value."""
        state = self._state
        n = 0
        for x in self._items():
            if x is value or x == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, *args):
        """Return first index of value.

        Raises ValueError if the value is not present."""
        if not 1 <= len(args) <= 3:
            if len(args) < 1:
                raise TypeError("index expected at least 1 argument, got 0")
            raise TypeError("index expected at most 3 arguments, got %d" % len(args))
        value = args[0]
        n = self._size
        start = 0
        stop = n
        if len(args) > 1:
            start = _slice_index(args[1])
            if start < 0:
                start += n
                if start < 0:
                    start = 0
        if len(args) > 2:
            stop = _slice_index(args[2])
            if stop < 0:
                stop += n
                if stop < 0:
                    stop = 0
        if stop > n:
            stop = n
        if start > stop:
            start = stop
        state = self._state
        buf = self._buf
        cap = len(buf)
        head = self._head
        for i in range(start, stop):
            j = head + i
            if j >= cap:
                j -= cap
            x = buf[j]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError("%r is not in deque" % (value,))

    def insert(self, index, value):
        """Insert value before index."""
        index = _as_index(index)
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        n = self._size
        if index >= n:
            deque.append(self, value)
            return
        if index <= -n or index == 0:
            deque.appendleft(self, value)
            return
        items = self._items()
        items.insert(index, value)
        self._state += 1
        self._set_items(items)

    def remove(self, value):
        """Remove first occurrence of value."""
        state = self._state
        items = self._items()
        for i in range(len(items)):
            x = items[i]
            if x is value or x == value:
                if state != self._state:
                    raise IndexError("deque mutated during remove().")
                del self[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        """Reverse *IN PLACE*."""
        items = self._items()
        items.reverse()
        self._state += 1
        self._set_items(items)

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative,
        rotates left."""
        n = _as_index(n)
        size = self._size
        if size <= 1:
            return
        n %= size
        if n == 0:
            return
        self._state += 1
        buf = self._buf
        cap = len(buf)
        if size == cap:
            # Full ring: rotating is just moving the head.
            head = self._head - n
            if head < 0:
                head += cap
            self._head = head
            return
        if n <= size // 2:
            for _ in range(n):
                deque.appendleft(self, deque.pop(self))
        else:
            for _ in range(size - n):
                deque.append(self, deque.popleft(self))
        self._state += 1

    # -- sequence protocol

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_iterator(self, True)

    def __contains__(self, value):
        state = self._state
        for x in self._items():
            if x is value or x == value:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        index = self._norm_index(index)
        buf = self._buf
        i = self._head + index
        if i >= len(buf):
            i -= len(buf)
        return buf[i]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        index = self._norm_index(index, "deque index out of range")
        buf = self._buf
        i = self._head + index
        if i >= len(buf):
            i -= len(buf)
        buf[i] = value

    def __delitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        index = self._norm_index(index, "deque index out of range")
        if index == 0:
            deque.popleft(self)
            return
        if index == self._size - 1:
            deque.pop(self)
            return
        items = self._items()
        del items[index]
        self._state += 1
        self._set_items(items)

    # -- comparisons

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        if self._size != other._size:
            return False
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        if self._size != other._size:
            return True
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    # -- arithmetic

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _as_index(n)
        if n <= 0:
            self.clear()
            return self
        if n == 1:
            return self
        items = self._items()
        for _ in range(n - 1):
            self.extend(items)
        return self

    # -- misc

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            body = repr(self._items())
        finally:
            _repr_running.discard(key)
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%s)' % (name, body)
        return '%s(%s, maxlen=%d)' % (name, body, self._maxlen)


def _seq_index(index):
    try:
        meth = type(index).__index__
    except AttributeError:
        raise TypeError("sequence index must be integer, not '%s'"
                        % type(index).__name__) from None
    return meth(index)


def _slice_index(v):
    try:
        return _as_index(v)
    except TypeError:
        raise TypeError("slice indices must be integers or have an __index__ method") from None


class _deque_iterator:
    def __init__(self, dq, backwards):
        self._dq = dq
        self._state = dq._state
        self._left = dq._size
        self._pos = dq._size - 1 if backwards else 0
        self._step = -1 if backwards else 1

    def __iter__(self):
        return self

    def __next__(self):
        dq = self._dq
        if dq._state != self._state:
            self._left = 0
            raise RuntimeError("deque mutated during iteration")
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        buf = dq._buf
        i = dq._head + self._pos
        if i >= len(buf):
            i -= len(buf)
        self._pos += self._step
        return buf[i]

    def __length_hint__(self):
        return self._left


# ---------------------------------------------------------------- defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce a new value when
    a key is not present, in __getitem__ only.  A defaultdict compares equal to a
    dict with the same items.  All remaining arguments are treated the same as if
    they were passed to the dict constructor, including keyword arguments.
    """
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, *args, **kwargs):
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError("first argument must be callable or None")
            args = args[1:]
        else:
            factory = None
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        else:
            key = id(self)
            if key in _repr_running:
                frepr = '...'
            else:
                _repr_running.add(key)
                try:
                    frepr = repr(factory)
                finally:
                    _repr_running.discard(key)
        return '%s(%s, %s)' % (type(self).__name__, frepr, dict.__repr__(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------- OrderedDict

class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 arguments, got %d' % len(args))
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('update expected at most 1 argument, got %d' % len(args))
        if args:
            other = args[0]
            if isinstance(other, dict):
                for key in other:
                    self[key] = other[key]
            elif hasattr(other, 'keys'):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        """
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        """
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        for key in dict.__iter__(self):
            break
        value = dict.pop(self, key)
        return key, value

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set
        to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(dict.__iter__(self), dict.__iter__(other)):
                if not (a is b or a == b):
                    return False
            return True
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __repr__(self):
        if not self:
            return '%s()' % (self.__class__.__name__,)
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%r)' % (self.__class__.__name__, list(self.items()))
        finally:
            _repr_running.discard(key)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------- Counter

def _is_mapping(obj):
    if isinstance(obj, dict):
        return True
    t = type(obj)
    return hasattr(t, 'keys') and hasattr(t, '__getitem__') and hasattr(t, 'items')


class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.
    """

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts."""
        items = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        if n < 0:
            n = 0
        return items[:n]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in self.items():
            if count > 0:
                for _ in range(count):
                    yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (self.__class__.__name__, d)

    # Multiset comparisons (missing elements count as zero).

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in self:
            if not self[e] == other[e]:
                return False
        for e in other:
            if not self[e] == other[e]:
                return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] <= other[e]:
                    return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] >= other[e]:
                    return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts."""
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        'Internal method to strip elements with a negative or zero count'
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _count_of(item):
    return item[1]


# ---------------------------------------------------------------- namedtuple

_kwlist = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


class _tuplegetter:
    # Read-only descriptor returning one item of a tuple (no class docstring:
    # __doc__ is a slot holding the field's own doc).
    __slots__ = ('index', '__doc__')

    def __init__(self, index, doc):
        self.index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self.index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _plural_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % (quoted[0], quoted[1])
    return '%s, and %s' % (', '.join(quoted[:-1]), quoted[-1])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                    or name in _kwlist
                    or name.startswith('_')
                    or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (name,))
        if name in _kwlist:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % (name,))

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             '%r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        pairs = list(zip(reversed(field_names), reversed(defaults)))
        pairs.reverse()
        field_defaults = dict(pairs)

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    qualname_new = typename + '.__new__'
    n_required = num_fields - len(field_defaults)
    tuple_new = tuple.__new__

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == num_fields:
            return tuple_new(_cls, args)
        if len(args) > num_fields:
            if field_defaults:
                raise TypeError('%s() takes from %d to %d positional arguments '
                                'but %d were given' % (qualname_new, n_required + 1,
                                                       num_fields + 1, len(args) + 1))
            raise TypeError('%s() takes %d positional argument%s but %d %s given'
                            % (qualname_new, num_fields + 1,
                               '' if num_fields == 0 else 's', len(args) + 1,
                               'was' if len(args) == 0 else 'were'))
        values = list(args)
        for key in kwargs:
            if key not in field_names:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (qualname_new, key))
            pos = field_names.index(key)
            if pos < len(args):
                raise TypeError('%s() got multiple values for argument %r'
                                % (qualname_new, key))
        missing = []
        for i in range(len(args), num_fields):
            name = field_names[i]
            if name in kwargs:
                values.append(kwargs[name])
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s'
                            % (qualname_new, len(missing),
                               '' if len(missing) == 1 else 's',
                               _plural_names(missing)))
        return tuple_new(_cls, values)

    __new__.__name__ = '__new__'
    __new__.__qualname__ = qualname_new
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    _make.__qualname__ = typename + '._make'

    def _replace(self, /, **kwds):
        values = []
        for name, value in zip(field_names, self):
            if name in kwds:
                values.append(kwds.pop(name))
            else:
                values.append(value)
        result = self._make(values)
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    _replace.__qualname__ = typename + '._replace'

    def __repr__(self):
        'Return a nicely formatted representation string'
        parts = []
        for name, value in zip(field_names, self):
            parts.append(name + '=' + repr(value))
        return '%s(%s)' % (self.__class__.__name__, ', '.join(parts))

    __repr__.__qualname__ = typename + '.__repr__'

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    _asdict.__qualname__ = typename + '._asdict'

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    __getnewargs__.__qualname__ = typename + '.__getnewargs__'

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': staticmethod(__new__),
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
        '__module__': module if module is not None else '__main__',
        '__qualname__': typename,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(index, 'Alias for field number %d' % index)

    return type(typename, (tuple,), class_namespace)


# ---------------------------------------------------------------- ChainMap

class _MappingView:
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, self._mapping)


class KeysView(_MappingView):
    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __eq__(self, other):
        return set(self) == set(other)


class ItemsView(_MappingView):
    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])


class ValuesView(_MappingView):
    def __contains__(self, value):
        mapping = self._mapping
        for key in mapping:
            v = mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    Lookups search the underlying mappings successively until a key is found.
    Writes, updates, and deletions only operate on the first mapping.
    """
    __class_getitem__ = classmethod(_GenericAlias)

    __hash__ = None

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        keys = set()
        for m in self.maps:
            keys.update(m)
        return len(keys)

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    @classmethod
    def fromkeys(cls, iterable, *args):
        'Create a ChainMap with a single dict created from the iterable.'
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        """
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('update expected at most 1 argument, got %d' % len(args))
        if args:
            other = args[0]
            if _is_mapping(other):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)
