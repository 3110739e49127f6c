"""_collections for pyhop: the part of collections that CPython writes in C.

The host CPython's collections/__init__.py imports deque, defaultdict,
OrderedDict, _deque_iterator, _count_elements and _tuplegetter from here and
writes the rest (namedtuple, Counter, ChainMap, UserDict, UserList, UserString)
in Python.

deque is a list-backed ring buffer (O(1) amortised append, appendleft, pop and
popleft; maxlen; indexing; rotate; comparisons; CPython's reprs and messages),
defaultdict a dict subclass with __missing__, OrderedDict a dict subclass relying
on dict's insertion order (move_to_end, popitem(last=), order-sensitive ==, the
3.11 repr OrderedDict([(k, v), ...])).

Left out: pickling support (__reduce__) and reprlib-style recursion guards beyond
the simple one used for deque.
"""

__all__ = ['deque', 'defaultdict', 'OrderedDict']

_GenericAlias = type(list[int])

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
    __module__ = 'collections'
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
    __module__ = 'collections'
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
    __module__ = 'collections'

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


# ---------------------------------------------------------------- for collections

def _count_elements(mapping, iterable):
    """Tally the elements of iterable into mapping (Counter.update's loop)."""
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


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
