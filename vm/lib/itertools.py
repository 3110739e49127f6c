"""itertools for pyhop: iterator building blocks.

Implements count, cycle, repeat, accumulate (func, initial=), chain,
chain.from_iterable, compress, dropwhile, takewhile, filterfalse, groupby,
islice, starmap, tee, zip_longest, product (repeat=), permutations, combinations,
combinations_with_replacement and pairwise.  Every one is a class with
__iter__/__next__ (named like CPython's types, so type(x).__name__ matches), that
validates its arguments when it is created, with CPython's error messages; count
and repeat have CPython's reprs.

Left out: batched (3.12), pickling (__reduce__/__setstate__), and __length_hint__
except on repeat.
"""

import sys

_GenericAlias = type(list[int])

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']

_MAXSIZE = sys.maxsize


def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError("%s() takes no keyword arguments" % name)


def _nargs(name, args, lo, hi):
    n = len(args)
    if n < lo:
        if lo == hi:
            raise TypeError("%s expected %d argument%s, got %d"
                            % (name, lo, "" if lo == 1 else "s", n))
        raise TypeError("%s expected at least %d argument%s, got %d"
                        % (name, lo, "" if lo == 1 else "s", n))
    if n > hi:
        if lo == hi:
            raise TypeError("%s expected %d argument%s, got %d"
                            % (name, hi, "" if hi == 1 else "s", n))
        raise TypeError("%s expected at most %d argument%s, got %d"
                        % (name, hi, "" if hi == 1 else "s", n))


def _as_index(value):
    """operator.index() without importing operator."""
    if isinstance(value, int):
        return int(value)
    try:
        meth = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return meth(value)


def _is_number(x):
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


# ---------------------------------------------------------------- infinite

class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        if (isinstance(start, int) and isinstance(step, int) and step == 1
                and -_MAXSIZE - 1 <= start <= _MAXSIZE):
            # CPython's "fast mode": the count is a plain int.
            start = int(start)
            step = 1
        self._cnt = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        result = self._cnt
        self._cnt = result + self._step
        return result

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if type(step) in (int, bool) and step == 1:
            return '%s(%r)' % (name, self._cnt)
        return '%s(%r, %r)' % (name, self._cnt, step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the
    sequence indefinitely."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('cycle', kwargs)
        _nargs('cycle', args, 1, 1)
        self._it = iter(args[0])
        self._saved = []
        self._index = 0
        self._firstpass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._firstpass:
            it = self._it
            if it is not None:
                for item in it:
                    self._saved.append(item)
                    return item
                self._it = None
            self._firstpass = False
        saved = self._saved
        if not saved:
            raise StopIteration
        i = self._index
        item = saved[i]
        i += 1
        if i >= len(saved):
            i = 0
        self._index = i
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._cnt = -1
        else:
            times = _as_index(times)
            self._cnt = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        cnt = self._cnt
        if cnt == 0:
            raise StopIteration
        if cnt > 0:
            self._cnt = cnt - 1
        return self._obj

    def __length_hint__(self):
        if self._cnt < 0:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        name = type(self).__name__
        if self._cnt < 0:
            return '%s(%r)' % (name, self._obj)
        return '%s(%r, %d)' % (name, self._obj, self._cnt)


# ---------------------------------------------------------------- finite

class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = None
        self._started = False
        self._initial = initial

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            self._started = True
            return self._total
        value = next(self._it)
        if not self._started:
            self._started = True
            self._total = value
            return value
        func = self._func
        if func is None:
            total = self._total + value
        else:
            total = func(self._total, value)
        self._total = total
        return total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, *iterables, **kwargs):
        _no_kwargs('chain', kwargs)
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is None:
                source = self._source
                if source is None:
                    raise StopIteration
                for iterable in source:
                    active = self._active = iter(iterable)
                    break
                else:
                    self._source = None
                    raise StopIteration
            for item in active:
                return item
            self._active = None


class compress:
    """Return data elements corresponding to true selector elements."""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            datum = next(data)
            selector = next(selectors)
            if selector:
                return datum


class dropwhile:
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('dropwhile', kwargs)
        _nargs('dropwhile', args, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if self._dropping:
            pred = self._pred
            for item in it:
                if not pred(item):
                    self._dropping = False
                    return item
            raise StopIteration
        return next(it)


class takewhile:
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('takewhile', kwargs)
        _nargs('takewhile', args, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._stop = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._stop = True
        raise StopIteration


class filterfalse:
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('filterfalse', kwargs)
        _nargs('filterfalse', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        func = self._func
        if func is None:
            for item in self._it:
                if not item:
                    return item
        else:
            for item in self._it:
                if not func(item):
                    return item
        raise StopIteration


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        keyfunc = self._keyfunc
        key = value if keyfunc is None else keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip to the next key.
        while True:
            if self._currkey is _marker:
                pass
            elif self._tgtkey is _marker:
                break
            elif not (self._tgtkey is self._currkey or self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


_marker = object()


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _marker:
            gb._step()
        if not (self._tgtkey is gb._currkey or self._tgtkey == gb._currkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = _marker
        return value


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('islice', kwargs)
        _nargs('islice', args, 2, 4)
        seq = args[0]
        start = 0
        stop = -1
        step = 1
        if len(args) == 2:
            a1 = args[1]
            if a1 is not None:
                stop = _islice_ssize(a1)
                if stop is None:
                    raise ValueError("Stop argument for islice() must be None or "
                                     "an integer: 0 <= x <= sys.maxsize.")
        else:
            a1 = args[1]
            a2 = args[2]
            if a1 is not None:
                start = _islice_ssize(a1)
                if start is None:
                    start = -1
            if a2 is not None:
                stop = _islice_ssize(a2)
                if stop is None:
                    raise ValueError("Stop argument for islice() must be None or "
                                     "an integer: 0 <= x <= sys.maxsize.")
        if start < 0 or stop < -1:
            raise ValueError("Indices for islice() must be None or "
                             "an integer: 0 <= x <= sys.maxsize.")
        if len(args) == 4:
            a3 = args[3]
            if a3 is not None:
                step = _islice_ssize(a3)
                if step is None:
                    step = -1
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(seq)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        nxt = self._next + self._step
        if nxt > _MAXSIZE or (stop != -1 and nxt > stop):
            nxt = stop
        self._next = nxt
        return item


def _islice_ssize(value):
    """PyNumber_AsSsize_t(value, OverflowError), or None when it fails or is -1."""
    try:
        value = _as_index(value)
    except TypeError:
        return None
    if value > _MAXSIZE or value < -_MAXSIZE - 1 or value == -1:
        return None
    return value


class starmap:
    """Return an iterator whose values are returned from the function evaluated
    with an argument tuple taken from the given sequence."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('starmap', kwargs)
        _nargs('starmap', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._func(*args)


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument, filling in missing
    values with fillvalue."""

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        for key in kwargs:
            if key != 'fillvalue':
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kwargs[key]
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or self._active == 0:
            raise StopIteration
        result = []
        fill = self._fillvalue
        for i in range(len(its)):
            it = its[i]
            if it is None:
                result.append(fill)
                continue
            for item in it:
                result.append(item)
                break
            else:
                self._active -= 1
                if self._active == 0:
                    self._its = []
                    raise StopIteration
                its[i] = None
                result.append(fill)
        return tuple(result)


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator."""

    def __init__(self, *args, **kwargs):
        _no_kwargs('pairwise', kwargs)
        _nargs('pairwise', args, 1, 1)
        self._it = iter(args[0])
        self._old = _marker

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        try:
            if old is _marker:
                old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _marker
            raise
        self._old = new
        return (old, new)


# ---------------------------------------------------------------- tee

class _tee_link:
    """One cell of the shared buffer of a group of tee iterators."""
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = _marker
        self.next = None


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, iterable):
        if isinstance(iterable, _tee):
            self._source = iterable._source
            self._link = iterable._link
        else:
            self._source = [iter(iterable)]
            self._link = _tee_link()

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            # This iterator is the furthest along: fetch a fresh value.
            value = next(self._source[0])
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        new = _tee.__new__(_tee)
        new._source = self._source
        new._link = self._link
        return new


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if hasattr(it, '__copy__'):
        copyable = it
    else:
        copyable = _tee(it)
    result = [copyable]
    for i in range(1, n):
        copyable = copyable.__copy__()
        result.append(copyable)
    return tuple(result)


# ---------------------------------------------------------------- combinatorics

class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    def __init__(self, *args, **kwargs):
        repeat = 1
        for key in kwargs:
            if key != 'repeat':
                raise TypeError("%r is an invalid keyword argument for product()" % key)
            repeat = _as_index(kwargs[key])
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in args] * repeat
        self._pools = pools
        self._indices = None
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pools = self._pools
        indices = self._indices
        if indices is None:
            for pool in pools:
                if not pool:
                    self._stopped = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            self._result = [pool[0] for pool in pools]
            return tuple(self._result)
        result = self._result
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                result[i] = pool[j]
                return tuple(result)
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        self._stopped = True
        raise StopIteration


def _check_r(r):
    r = _as_index(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class combinations:
    """Return successive r-length combinations of elements in the iterable."""

    def __init__(self, iterable, r):
        r = _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._stopped = r > len(self._pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if indices is None:
            self._indices = list(range(r))
            return tuple([pool[i] for i in range(r)])
        n = len(pool)
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            self._stopped = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple([pool[k] for k in indices])


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""

    def __init__(self, iterable, r):
        r = _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._stopped = not self._pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        r = self._r
        indices = self._indices
        if indices is None:
            self._indices = [0] * r
            return tuple([pool[0]] * r) if r else ()
        n = len(pool)
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            self._stopped = True
            raise StopIteration
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        return tuple([pool[k] for k in indices])


class permutations:
    """Return successive r-length permutations of elements in the iterable."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            r = _check_r(r)
        self._pool = pool
        self._r = r
        self._indices = None
        self._cycles = None
        self._stopped = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool = self._pool
        r = self._r
        n = len(pool)
        indices = self._indices
        if indices is None:
            self._indices = list(range(n))
            self._cycles = list(range(n, n - r, -1))
            return tuple(pool[:r])
        cycles = self._cycles
        i = r - 1
        while i >= 0:
            c = cycles[i] - 1
            if c == 0:
                # Rotate indices[i:] left by one.
                moved = indices[i]
                del indices[i]
                indices.append(moved)
                cycles[i] = n - i
            else:
                cycles[i] = c
                j = n - c
                indices[i], indices[j] = indices[j], indices[i]
                return tuple([pool[k] for k in indices[:r]])
            i -= 1
        self._stopped = True
        raise StopIteration
