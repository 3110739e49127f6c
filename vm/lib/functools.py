"""functools for pyhop: higher-order functions and operations on callables.

Implements reduce, partial, update_wrapper, wraps (with WRAPPER_ASSIGNMENTS and
WRAPPER_UPDATES), lru_cache (maxsize, typed, cache_info, cache_clear,
cache_parameters, __wrapped__), cache, total_ordering, cmp_to_key, cached_property
and a basic singledispatch (dispatch on the MRO of the first argument's type;
register(cls, func), register(cls) as a decorator and register(func) reading the
first annotation).

Left out: partialmethod, singledispatchmethod, ABC-aware dispatch (virtual
subclasses registered with abc are not considered), pickling support (__reduce__,
__setstate__) and the thread lock of cached_property.
The lru_cache wrapper is a plain function with attributes, not a
functools._lru_cache_wrapper object, so it binds like any function.
"""

try:
    from collections import namedtuple
except ImportError:
    # No standard library (-X stdlib=): collections is the host's, so lru_cache's
    # cache_info() is a plain tuple subclass with the four named fields.
    namedtuple = None

_GenericAlias = type(list[int])

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'singledispatch', 'cached_property']


# ---------------------------------------------------------------- update_wrapper

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory applying update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---------------------------------------------------------------- reduce

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a sequence
    or iterable, from left to right, so as to reduce the iterable to a single
    value."""
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


# ---------------------------------------------------------------- partial

class partial:
    """partial(func, *args, **keywords) - new function with partial application
    of the given arguments and keywords.
    """
    __class_getitem__ = classmethod(_GenericAlias)

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial and cls is partial and len(func.__dict__) == 3:
            args = func.args + args
            keywords = dict(func.keywords, **keywords)
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(keywords)
        return self

    def __call__(self, *args, **keywords):
        if self.keywords:
            keywords = dict(self.keywords, **keywords)
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append("%s=%r" % (k, v))
        if type(self) is partial:
            name = "functools.partial"
        else:
            name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(parts))


# ---------------------------------------------------------------- lru_cache

if namedtuple is not None:
    _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
else:
    class _CacheInfo(tuple):
        __slots__ = ()
        _fields = ('hits', 'misses', 'maxsize', 'currsize')

        def __new__(cls, hits, misses, maxsize, currsize):
            return tuple.__new__(cls, (hits, misses, maxsize, currsize))

        hits = property(lambda self: self[0])
        misses = property(lambda self: self[1])
        maxsize = property(lambda self: self[2])
        currsize = property(lambda self: self[3])

        def __repr__(self):
            return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self
    _CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'
_CacheInfo.__module__ = 'functools'

_kwd_mark = object()
_fast_types = (int, str)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _fast_types:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If maxsize is set to None, the LRU features are disabled and the cache can
    grow without bound.  If typed is True, arguments of different types are
    cached separately.  The wrapper has cache_info(), cache_clear(),
    cache_parameters() and __wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    if not callable(user_function):
        raise TypeError("the first argument must be callable")
    sentinel = object()
    make_key = _make_key
    PREV, NEXT, KEY, RESULT = 0, 1, 2, 3     # fields of a link of the LRU list
    cache = {}
    hits = misses = 0
    full = False
    root = []                                # circular doubly linked list
    root[:] = [root, root, None, None]

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            nonlocal root, hits, misses, full
            key = make_key(args, kwds, typed)
            link = cache.get(key)
            if link is not None:
                # Move the link to the most recently used end (just before root).
                link_prev, link_next, _key, result = link
                link_prev[NEXT] = link_next
                link_next[PREV] = link_prev
                last = root[PREV]
                last[NEXT] = root[PREV] = link
                link[PREV] = last
                link[NEXT] = root
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call cached this key already.
                pass
            elif full:
                # Recycle the root as the new entry; the oldest link becomes root.
                oldroot = root
                oldroot[KEY] = key
                oldroot[RESULT] = result
                root = oldroot[NEXT]
                oldkey = root[KEY]
                root[KEY] = root[RESULT] = None
                del cache[oldkey]
                cache[key] = oldroot
            else:
                last = root[PREV]
                link = [last, root, key, result]
                last[NEXT] = root[PREV] = cache[key] = link
                full = len(cache) >= maxsize
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        nonlocal hits, misses, full
        cache.clear()
        root[:] = [root, root, None, None]
        hits = misses = 0
        full = False

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------- total_ordering

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)],
}
_convert_order = ('__lt__', '__le__', '__gt__', '__ge__')


def _defines(cls, name):
    """True if a class in cls's MRO other than object defines name."""
    for klass in cls.__mro__:
        if klass is object:
            return False
        d = klass.__dict__
        if name in d:
            return True
    return False


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = [op for op in _convert_order if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # Prefer __lt__ to __le__ to __gt__ to __ge__ (max() of the names in CPython).
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# ---------------------------------------------------------------- cmp_to_key

class KeyWrapper:
    """Key object produced by cmp_to_key(); compares through the cmp function."""
    __slots__ = ('cmp', 'obj')
    __hash__ = None

    def __init__(self, cmp, obj):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self.cmp, obj)

    def _other(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0

    def __ne__(self, other):
        return self.cmp(self.obj, self._other(other)) != 0


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return KeyWrapper(mycmp, None)


# ---------------------------------------------------------------- cached_property

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then cached in its __dict__."""
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, '__doc__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                "(%r and %r)." % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on %r instance to cache %r property." % (
                    type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


# ---------------------------------------------------------------- singledispatch

def _find_impl(cls, registry):
    for klass in cls.__mro__:
        if klass in registry:
            return registry[klass]
    return registry[object]


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        """Return the implementation registered for cls (or its nearest base)."""
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Register a new implementation for the given class."""
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    "Invalid first argument to `register()`. "
                    "%r is not a class." % (cls,))
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    "Invalid first argument to `register()`: %r. "
                    "Use either `@register(some_class)` or plain `@register` "
                    "on an annotated function." % (cls,))
            func = cls
            argname = None
            for argname, cls in ann.items():
                break
            if not isinstance(cls, type):
                raise TypeError(
                    "Invalid annotation for %r. %r is not a class." % (argname, cls))
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper
