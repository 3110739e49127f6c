"""abc for pyhop: abstract base classes.

Implements ABCMeta (a plain subclass of type: computes __abstractmethods__ when
a class is created, refuses to instantiate classes that still have abstract
methods with CPython 3.11's message, supports register() of virtual subclasses,
__subclasshook__, and isinstance/issubclass through __instancecheck__ /
__subclasscheck__), ABC, abstractmethod, abstractclassmethod,
abstractstaticmethod, abstractproperty, get_cache_token and
update_abstractmethods.

The instantiation check lives in ABCMeta.__call__ (CPython does it in
object.__new__), so it applies to classes whose metaclass is ABCMeta.
Left out: _abc_registry introspection helpers (_dump_registry,
_abc_caches_clear) and weak references to registered classes.
"""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']

from _abc_native import collection_flags as _collection_flags, set_collection_flags as _set_collection_flags


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    Requires that the metaclass is ABCMeta or derived from it.  A class that
    has a metaclass derived from ABCMeta cannot be instantiated unless all of
    its abstract methods are overridden.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""
    __isabstractmethod__ = True


def _is_abstract(value):
    """getattr(value, '__isabstractmethod__', False), also looking through
    property, classmethod and staticmethod objects."""
    try:
        if getattr(value, '__isabstractmethod__', False):
            return True
    except Exception:
        return False
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if f is not None and getattr(f, '__isabstractmethod__', False):
                return True
        return False
    func = None
    if isinstance(value, (classmethod, staticmethod)):
        func = getattr(value, '__func__', None)
    if func is not None:
        return bool(getattr(func, '__isabstractmethod__', False))
    return False


_abc_invalidation_counter = [0]


def get_cache_token():
    """Returns the current ABC cache token.

    The token is an opaque object (supporting equality testing) identifying the
    current version of the ABC cache for virtual subclasses. The token changes
    with every call to register() on any ABC.
    """
    return _abc_invalidation_counter[0]


def _compute_abstracts(cls, namespace_items, bases):
    abstracts = set()
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    Use this metaclass to create an ABC.  An ABC can be subclassed directly,
    and then acts as a mix-in class.  You can also register unrelated concrete
    classes (even built-in classes) and unrelated ABCs as 'virtual
    subclasses'.
    """

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items(), bases)
        cls._abc_registry = []
        # collections.abc.Sequence and Mapping say which `match` patterns their
        # subclasses take (CPython's _abc_init)
        flags = cls.__dict__.get('__abc_tpflags__')
        if flags is not None:
            if type(flags) is int:
                _set_collection_flags(cls, flags, False)
            del cls.__abc_tpflags__
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__', None)
        if abstracts is None:
            abstracts = getattr(cls, '__abstractmethods__', ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract "
                            "method%s %s" % (cls.__name__,
                                             's' if len(names) > 1 else '',
                                             ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        # Subtle: test for cycles *after* testing for "already a subclass";
        # this means we allow X.register(X) and interpret it as a no-op.
        if issubclass(cls, subclass):
            # This would create a cycle, which is bad for the algorithm below
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _abc_invalidation_counter[0] += 1
        flags = _collection_flags(cls)
        if flags:
            _set_collection_flags(subclass, flags, True)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        if isinstance(subclass, type) and cls in subclass.__mro__:
            return True
        subtype = type(instance)
        if subtype is not subclass and cls in subtype.__mro__:
            return True
        if not isinstance(subclass, type):
            subclass = subtype
        return cls.__subclasscheck__(subclass)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        d = cls.__dict__
        cache = d.get('_abc_cache')
        if cache is None or d.get('_abc_cache_version') != _abc_invalidation_counter[0]:
            cache = {}
            setattr(cls, '_abc_cache', cache)
            setattr(cls, '_abc_cache_version', _abc_invalidation_counter[0])
        if subclass in cache:
            return cache[subclass]
        cache[subclass] = False          # guards against cycles while computing
        result = _subclass_check(cls, subclass)
        cache[subclass] = result
        return result


def _subclass_check(cls, subclass):
    hook = getattr(cls, '__subclasshook__', None)
    if hook is not None:
        ok = hook(subclass)
        if ok is not NotImplemented:
            return bool(ok)
    for rcls in cls.__dict__.get('_abc_registry', ()):
        if rcls is subclass or issubclass(subclass, rcls):
            return True
    subclasses = getattr(cls, '__subclasses__', None)
    if subclasses is not None:
        for scls in subclasses():
            if scls is not cls and issubclass(subclass, scls):
                return True
    return False


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    If a class has had one of its abstract methods implemented after the
    class was created, the method will not be considered implemented until
    this function is called.  If cls is not an instance of ABCMeta, does
    nothing.  Returns cls, to allow usage as a class decorator.
    """
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented
