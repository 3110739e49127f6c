"""_contextvars for pyhop: Context, ContextVar, Token and copy_context (PEP 567).

CPython writes this module in C over a HAMT. pyhop runs one thread, so there is one
current context, and a context's mapping is a dict that is never changed in place:
`ContextVar.set` makes a new dict, so `copy_context()` and `Context.copy()` are O(1)
and a copy never sees later changes of the context it was copied from (what the
HAMT gives CPython). Messages and behaviour follow CPython 3.11's
Python/context.c.
"""

__all__ = ["Context", "ContextVar", "Token", "copy_context"]


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


_MISSING = _Missing()
_NO_DEFAULT = object()


class Context:
    """A mapping of ContextVars to their values."""

    __slots__ = ("_data", "_prev", "_entered", "__weakref__")

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.Context' is not an acceptable base type")

    def run(self, callable, /, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        self._prev = _current
        self._entered = True
        _current = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


_current = Context()


def copy_context():
    """A copy of the current context."""
    return _current.copy()


class ContextVar:
    """A context variable: its value is looked up in the current context."""

    __slots__ = ("_name", "_default", "__weakref__")

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _current._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        data = ctx._data
        old = data.get(self, _MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token(ctx, self, old, _create=True)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        new = dict(ctx._data)
        if token._old is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True

    def __repr__(self):
        default = ""
        if self._default is not _NO_DEFAULT:
            default = f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"

    def __hash__(self):
        return object.__hash__(self)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class Token:
    """What ContextVar.set returns, for ContextVar.reset."""

    __slots__ = ("_ctx", "_var", "_old", "_used")

    MISSING = _MISSING

    def __init__(self, ctx=None, var=None, old=None, *, _create=False):
        if not _create:
            raise RuntimeError("Tokens can only be created by ContextVars")
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.Token' is not an acceptable base type")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
