"""copy for pyhop: shallow and deep copy operations.

Implements copy(x) and deepcopy(x, memo=None) for immutable atoms (returned
as is), list, dict, set, frozenset, tuple, bytearray, classes, functions, and
instances of user classes; honours __copy__, __deepcopy__, user-defined
__getstate__/__setstate__ and user-defined __reduce_ex__/__reduce__.  Instances
are rebuilt with cls.__new__(cls) (or cls.__new__(cls, *x.__getnewargs__()) for
subclasses of tuple, int, str, ...), then get their __dict__ / __slots__ state,
list items and dict items copied, as copyreg's protocol-4 reduction would do.
deepcopy keeps a memo keyed by id() and handles recursive structures.

Left out: the copyreg dispatch table and copying via pickle's __reduce_ex__ of
builtin types that pickle cannot handle (those raise TypeError like CPython's
"cannot pickle 'X' object").
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _function():
    pass


class _Klass:
    def method(self):
        pass


_atomic_types = set([type(None), type(Ellipsis), type(NotImplemented), int, float,
                     bool, complex, bytes, str, type, range, slice, property,
                     type(_function), type(len), type(_Klass().method)])


def _user_defined(cls, name):
    """The attribute name of cls if some class of its MRO other than object and
    the builtin base types defines it, else None."""
    for klass in cls.__mro__:
        if klass is object or klass in _builtin_bases:
            return None
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


_builtin_bases = (list, dict, set, frozenset, tuple, int, float, str, bytes,
                  bytearray, complex, BaseException)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic_types:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct_instance(x, None, False)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    if cls in _atomic_types or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # We're not going to put the tuple in the memo, but it's still
        # important we check for it, in case the tuple contains recursive
        # mutable structures.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct_instance(x, memo, True)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo, so that its id() is not
    reused while the memo is alive."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct_instance(x, memo, deep):
    cls = type(x)
    if memo is None:
        memo = {}

    reducer = _user_defined(cls, "__reduce_ex__")
    if reducer is not None:
        rv = x.__reduce_ex__(4)
    else:
        reducer = _user_defined(cls, "__reduce__")
        rv = x.__reduce__() if reducer is not None else None
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, memo, deep, *rv)

    if isinstance(x, BaseException):
        args = x.args
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
        y.args = args
    elif isinstance(x, (tuple, int, float, str, bytes, complex, frozenset)):
        getnewargs = getattr(x, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
        else:
            for base in (tuple, int, float, str, bytes, complex, frozenset):
                if isinstance(x, base):
                    args = (base(x),)
                    break
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y

    getstate = _user_defined(cls, "__getstate__")
    if getstate is not None:
        state = x.__getstate__()
    else:
        state = _default_state(x)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)

    if isinstance(x, list):
        for item in list.__iter__(x):
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    elif isinstance(x, set):
        for item in set.__iter__(x):
            if deep:
                item = deepcopy(item, memo)
            y.add(item)
    return y


def _default_state(x):
    """What object.__getstate__ returns: the instance __dict__ (None if empty),
    or (dict_or_None, slot_dict) when the class has __slots__ with values."""
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    if d is not None and not d:
        d = None
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (d, slots)
    return d


def _set_state(y, state):
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None and _user_defined(type(y), "__setstate__") is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _reconstruct(x, memo, deep, func, args, state=None, listiter=None,
                 dictiter=None, *ignored):
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
