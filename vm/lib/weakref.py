"""weakref for pyhop: weak references and the containers built on them (PEP 205).

The reference types themselves come from the native module _weakref: ref
(ReferenceType, subclassable), proxy, ProxyType, CallableProxyType,
getweakrefcount, getweakrefs and _remove_dead_weakref.  This module adds, with
CPython 3.11's behaviour:

- WeakMethod: a ref subclass that keeps a bound method "alive" as long as both
  its __self__ and its __func__ are, and rebuilds the method when called;
- KeyedRef: a ref subclass with a .key slot, the value references of
  WeakValueDictionary, whose shared removal callback reads the key from it;
- WeakValueDictionary, WeakKeyDictionary: mappings whose values (keys) are held
  through weak references, with the full MutableMapping surface written out
  here (__getitem__ ... clear, keys/values/items as generators, get, pop,
  popitem, setdefault, update, copy, __copy__, __deepcopy__, ==, |, |=);
- WeakSet: a set of weak references with the full set API;
- finalize: callbacks run once when an object dies, or at interpreter exit
  (through atexit) for those whose .atexit is true, newest first.

Entries vanish when their referent dies.  While a container is being iterated
(an _IterationGuard is active), removals triggered by deaths are queued in
_pending_removals instead of mutating the underlying dict or set, and are
committed when the last iteration ends or before the next mutation, so an entry
dying mid-iteration never breaks the iteration.  Removal callbacks reach their
container through a weak reference only, so containers are never kept alive by
their own entries.

Left out: collections.abc registration (pyhop has no _collections_abc yet; ==,
| and |= accept dicts, these weak mappings, and whatever collections.abc.Mapping
accepts when that module is already loaded) and pickling support beyond
WeakSet.__reduce__.
"""

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)
import sys

_GenericAlias = type(list[int])

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


def _is_mapping(obj):
    """What collections.abc.Mapping would accept, as far as pyhop can tell."""
    if isinstance(obj, (dict, WeakValueDictionary, WeakKeyDictionary)):
        return True
    abc = sys.modules.get("collections.abc")
    if abc is not None:
        return isinstance(obj, abc.Mapping)
    return False


# ---------------------------------------------------------------- iteration guard

class _IterationGuard:
    """While entered, deaths of a weak container's entries are queued, not applied.

    The container must have an int ``_iterating`` (the number of active guards)
    and a ``_commit_removals()`` method.  The guard holds the container weakly,
    so a suspended iterator does not keep its container alive.
    """

    __slots__ = ("_container",)

    def __init__(self, container):
        self._container = ref(container)

    def __enter__(self):
        c = self._container()
        if c is not None:
            c._iterating += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        c = self._container()
        if c is not None:
            c._iterating -= 1
            if not c._iterating:
                c._commit_removals()


# ---------------------------------------------------------------- WeakMethod

class _Probe:
    def method(self):
        pass


_BoundMethod = type(_Probe().method)
del _Probe


class WeakMethod(ref):
    """A weak reference to a bound method.

    A bound method object is normally created on the fly and dies at once, so a
    plain ref to it is dead immediately.  WeakMethod instead refers weakly to
    the method's __self__ and __func__ and rebuilds the method when called; it
    dies (and calls its callback, once) when either of the two dies.
    """

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        # The callback reaches the WeakMethod through a weak reference of its
        # own, so that the WeakMethod and its callbacks form no cycle.
        def on_death(_wr):
            me = me_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        try:
            return self._meth_type(func, obj)
        except TypeError:
            # pyhop's bound-method type cannot be instantiated yet; binding
            # through the descriptor protocol builds the same method.
            get = getattr(type(func), "__get__", None)
            if self._meth_type is not _BoundMethod or get is None:
                raise
            return get(func, obj, type(obj))

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._alive and other._alive):
            return self is other
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._alive and other._alive):
            return self is not other
        return ref.__ne__(self, other) or self._func_ref != other._func_ref

    __hash__ = ref.__hash__


# ---------------------------------------------------------------- KeyedRef

class KeyedRef(ref):
    """A weak reference that also carries the key it is stored under.

    WeakValueDictionary stores its values as KeyedRefs sharing one callback,
    which finds the entry to remove through the dead reference's .key.
    """

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


# ---------------------------------------------------------------- WeakValueDictionary

class WeakValueDictionary:
    """A mapping whose values are held weakly.

    An entry is discarded when no strong reference to its value remains.
    """

    def __init__(self, other=(), /, **kw):
        def remove(wr, container=ref(self), _remove_dead=_remove_dead_weakref):
            self = container()
            if self is None:
                return
            if self._iterating:
                self._pending_removals.append(wr.key)
            else:
                # Only if the entry still holds this dead reference: the key
                # may have been rebound to a live value since.
                _remove_dead(self.data, wr.key)

        self._remove = remove
        self._pending_removals = []
        self._iterating = 0
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self, _remove_dead=_remove_dead_weakref):
        pending = self._pending_removals
        d = self.data
        while pending:
            _remove_dead(d, pending.pop())

    def _ref(self, value, key):
        return KeyedRef(value, self._remove, key)

    # -- lookups

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return False
        return wr() is not None

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    # -- mutation

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = self._ref(value, key)

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def pop(self, key, *default):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is not None:
            return o
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is not None:
            return o
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = self._ref(default, key)
        return default

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = self._ref(o, key)
        for key, o in kwargs.items():
            d[key] = self._ref(o, key)

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    # -- iteration (generators, as in CPython: not views)

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    __iter__ = keys

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for wr in self.data.values():
                o = wr()
                if o is not None:
                    yield o

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                o = wr()
                if o is not None:
                    yield k, o

    def itervaluerefs(self):
        """Iterate over the weak references to the values.

        They are not guaranteed to be alive when used: call each and check
        for None.
        """
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """Return a list of the weak references to the values (see itervaluerefs)."""
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    # -- copies

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending_removals:
            self._commit_removals()
        new = self.__class__()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[deepcopy(key, memo)] = o
        return new

    # -- Mapping protocol leftovers

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None
    __reversed__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        c = self.copy()
        c.update(other)
        return c

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        c = self.__class__()
        c.update(other)
        c.update(self)
        return c

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))


# ---------------------------------------------------------------- WeakKeyDictionary

class WeakKeyDictionary:
    """A mapping whose keys are held weakly.

    An entry is discarded when no strong reference to its key remains.  Keys
    must be hashable and weakly referenceable; a key's weak reference hashes
    and compares like the key while the key is alive.
    """

    def __init__(self, dict=None):
        self.data = {}

        def remove(wr, container=ref(self)):
            self = container()
            if self is None:
                return
            if self._iterating:
                self._pending_removals.append(wr)
            else:
                try:
                    del self.data[wr]
                except KeyError:
                    pass

        self._remove = remove
        # Dead key references whose entries are still in data (while iterating).
        self._pending_removals = []
        self._iterating = 0
        # True after an explicit removal: _pending_removals may then name
        # entries that are already gone, which __len__ must not count twice.
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        # A dead reference equals no live one, so a queued removal can never
        # hit an entry added since; the entry may however be gone already.
        pending = self._pending_removals
        d = self.data
        while pending:
            try:
                del d[pending.pop()]
            except KeyError:
                pass

    def _scrub_removals(self):
        d = self.data
        self._pending_removals = [wr for wr in self._pending_removals if wr in d]
        self._dirty_len = False

    # -- lookups

    def __getitem__(self, key):
        return self.data[ref(key)]

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    # -- mutation

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def pop(self, key, *default):
        self._dirty_len = True
        return self.data.pop(ref(key), *default)

    def popitem(self):
        self._dirty_len = True
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self._dirty_len = True
        self.data.clear()
        self._pending_removals = []

    # -- iteration

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                o = wr()
                if o is not None:
                    yield o

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def items(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    yield o, value

    def keyrefs(self):
        """Return a list of the weak references to the keys.

        They are not guaranteed to be alive when used: call each and check
        for None.
        """
        return list(self.data)

    # -- copies

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    new[o] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _IterationGuard(self):
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    new[o] = deepcopy(value, memo)
        return new

    # -- Mapping protocol leftovers

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None
    __reversed__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        c = self.copy()
        c.update(other)
        return c

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        c = self.__class__()
        c.update(other)
        c.update(self)
        return c

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))


# ---------------------------------------------------------------- WeakSet

class WeakSet:
    """A set whose elements are held weakly; an element vanishes when it dies."""
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, data=None):
        self.data = set()

        def remove(wr, container=ref(self)):
            self = container()
            if self is None:
                return
            if self._iterating:
                self._pending_removals.append(wr)
            else:
                self.data.discard(wr)

        self._remove = remove
        self._pending_removals = []
        self._iterating = 0
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending = self._pending_removals
        discard = self.data.discard
        while pending:
            discard(pending.pop())

    def _refs(self, items):
        return (ref(item) for item in items)

    # -- queries

    def __iter__(self):
        with _IterationGuard(self):
            for wr in self.data:
                item = wr()
                if item is not None:
                    # The suspended generator holds item strongly until resumed.
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        state = getattr(self, "__getstate__", None)
        state = state() if state is not None else self.__dict__
        return self.__class__, (list(self),), state

    # -- mutation

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    # -- set algebra

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(self._refs(other))
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(self._refs(other))
        return self

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(
                ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(item for s in (self, other) for item in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    # -- comparisons

    def issubset(self, other):
        return self.data.issubset(self._refs(other))

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(self._refs(other))

    def issuperset(self, other):
        return self.data.issuperset(self._refs(other))

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(self._refs(other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(self._refs(other))

    __hash__ = None

    def __repr__(self):
        return repr(self.data)


# ---------------------------------------------------------------- finalize

class _FinalizerInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Call func(*args, **kwargs) once, when obj is garbage collected.

    finalize(obj, func, *args, **kwargs) returns a callable finalizer.  The
    first call (made by the garbage collector when obj dies, or explicitly)
    returns func(*args, **kwargs) and kills the finalizer; later calls return
    None.  At interpreter exit the finalizers still alive whose atexit
    attribute is true (the default) are called, newest first.

    A finalizer has no state of its own (it is only a key into the class's
    registry), so it can never be part of a reference cycle with obj.
    """

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """If alive, mark dead and return func(*args, **kwargs); else return None."""
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """If alive, mark dead and return (obj, func, args, kwargs); else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """If alive, return (obj, func, args, kwargs); else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether the finalizer is to be called at exit."""
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        # The live finalizers marked for exit, oldest first.
        chosen = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        chosen.sort(key=lambda pair: pair[0])
        return [f for _, f in chosen]

    @classmethod
    def _exitfunc(cls):
        # Registered with atexit by the first finalizer: call the remaining
        # atexit finalizers, newest first.  A finalizer may create others, so
        # the selection is redone whenever the registry changed.
        gc = None
        try:
            if cls._registry:
                try:
                    import gc
                except ImportError:
                    gc = None
                if gc is not None and gc.isenabled():
                    gc.disable()
                else:
                    gc = None
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        _report_exception()
                    assert f not in cls._registry
        finally:
            # No finalizer runs after this point of the shutdown.
            finalize._shutdown = True
            if gc is not None:
                gc.enable()


def _report_exception():
    hook = getattr(sys, "excepthook", None)
    if hook is not None:
        hook(*sys.exc_info())
        return
    import traceback
    traceback.print_exc()
