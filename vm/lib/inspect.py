"""inspect for pyhop: get information about live objects.

Implements:
- type predicates: ismodule, isclass, ismethod, isfunction, isgenerator,
  isgeneratorfunction, iscoroutinefunction, iscoroutine, isasyncgenfunction,
  isasyncgen, isawaitable, isbuiltin, isroutine, iscode, isframe,
  istraceback, ismethoddescriptor, isdatadescriptor, isabstract;
- members: getmembers (sorted by name, with predicate), getmembers_static,
  getmro, getattr_static, unwrap, getdoc (with inherited docstrings),
  cleandoc, getgeneratorstate, getgeneratorlocals, getclosurevars;
- frames: currentframe, stack, trace, getframeinfo (Traceback named tuple),
  getouterframes, getinnerframes (FrameInfo named tuples: frame, filename,
  lineno, function, code_context, index, and a .positions attribute),
  getargvalues (ArgInfo), getargs, formatargvalues;
- signatures: signature, Signature (parameters mapping in order, bind,
  bind_partial, replace, from_callable, CPython's __str__ with the / and *
  markers and annotations), Parameter (the five kinds, str(kind) giving the
  name, Parameter.empty, replace), BoundArguments (args, kwargs,
  apply_defaults), getfullargspec (FullArgSpec); signature() handles Python
  functions, bound methods, classes (metaclass __call__, __new__, __init__),
  callable instances, functools.partial, __wrapped__ chains and __signature__;
- source: getfile, getsourcefile, getmodule (via sys.modules), findsource,
  getsourcelines, getsource, getblock, all through linecache.

Left out / limited:
- builtins have no __text_signature__ in pyhop, so signature(len) raises
  ValueError("no signature found for builtin ...") like CPython does for a
  builtin without one;
- code objects have no co_positions, so FrameInfo.positions and
  Traceback.positions are Positions(lineno, None, None, None);
- source text comes from linecache; pyhop cannot read files yet (open()
  raises OSError), so for real files findsource / getsource raise
  OSError('could not get source code') and code_context is None; sources
  registered in linecache.cache (e.g. for exec'd code) do work;
- getblock finds the end of a def/class by indentation (with brackets,
  continuation lines and triple-quoted strings tracked) instead of tokenize;
  classes are located by name (the last component of __qualname__), not
  through an AST;
- no async support (pyhop has no async functions): the coroutine and async
  generator predicates test the CPython flag bits and return False otherwise;
  getcoroutinestate, getasyncgenstate, get_annotations(eval_str=True),
  getcallargs, classify_class_attrs, getcomments and the command-line
  interface are not provided.
"""

import sys
import collections
import enum
import functools
import linecache

__all__ = [
    'ArgInfo', 'Arguments', 'BoundArguments', 'CO_GENERATOR', 'CO_NESTED',
    'CO_NEWLOCALS', 'CO_OPTIMIZED', 'CO_VARARGS', 'CO_VARKEYWORDS',
    'FrameInfo', 'FullArgSpec', 'GEN_CLOSED', 'GEN_CREATED', 'GEN_RUNNING',
    'GEN_SUSPENDED', 'Parameter', 'Signature', 'Traceback', 'cleandoc',
    'currentframe', 'findsource', 'formatannotation', 'formatargvalues',
    'getargs', 'getargvalues', 'getattr_static', 'getblock',
    'getclosurevars', 'getdoc', 'getfile', 'getframeinfo',
    'getfullargspec', 'getgeneratorlocals', 'getgeneratorstate',
    'getinnerframes', 'getmembers', 'getmembers_static', 'getmodule',
    'getmro', 'getouterframes', 'getsource', 'getsourcefile',
    'getsourcelines', 'isabstract', 'isasyncgen', 'isasyncgenfunction',
    'isawaitable', 'isbuiltin', 'isclass', 'iscode', 'iscoroutine',
    'iscoroutinefunction', 'isdatadescriptor', 'isframe', 'isfunction',
    'isgenerator', 'isgeneratorfunction', 'ismethod', 'ismethoddescriptor',
    'ismodule', 'isroutine', 'istraceback', 'signature', 'stack', 'trace',
    'unwrap',
]

# Code object flag bits, as in CPython 3.11.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

TPFLAGS_IS_ABSTRACT = 1 << 20


# ---------------------------------------------------------------- the types

def _f():
    pass


class _C:
    def _m(self):
        pass


def _g():
    yield 1


ModuleType = type(sys)
FunctionType = type(_f)
LambdaType = FunctionType
CodeType = type(_f.__code__)
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
FrameType = type(sys._getframe())
GeneratorType = type(_g())
try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    _exc = None
del _f, _C, _g


# ---------------------------------------------------------------- predicates

def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, ModuleType)


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Return true if the object is an instance method (a bound method)."""
    return isinstance(object, MethodType)


def ismethoddescriptor(object):
    """Return true if the object is a method descriptor.

    Classes, methods and functions are excluded; an object whose type has
    __get__ but not __set__ qualifies.
    """
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    """Return true if the object is a data descriptor (has __set__ or
    __delete__)."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


_MemberDescriptorType = type(type(ismethod).__globals__)
_GetSetDescriptorType = type(type(ismethod).__code__)


def ismemberdescriptor(object):
    """Return true if the object is a member descriptor."""
    return isinstance(object, _MemberDescriptorType)


def isgetsetdescriptor(object):
    """Return true if the object is a getset descriptor."""
    return isinstance(object, _GetSetDescriptorType)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, FunctionType)


def _has_code_flag(f, flag):
    """Return true if ``f`` is a function (or a method or functools.partial
    wrapper wrapping a function) whose code object has the given flag set."""
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def _unwrap_partial(func):
    partial = getattr(functools, 'partial', None)
    while partial is not None and isinstance(func, partial):
        func = func.func
    return func


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function."""
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return type(object).__name__ == 'async_generator'


def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, GeneratorType)


def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return type(object).__name__ == 'coroutine'


def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    return (iscoroutine(object) or
            (isgenerator(object) and
             bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE)) or
            hasattr(type(object), '__await__'))


def istraceback(object):
    """Return true if the object is a traceback."""
    return isinstance(object, TracebackType)


def isframe(object):
    """Return true if the object is a frame object."""
    return isinstance(object, FrameType)


def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, CodeType)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, BuiltinFunctionType)


MethodWrapperType = type(object().__str__)


def ismethodwrapper(object):
    """Return true if the object is a method wrapper (a bound slot method)."""
    return isinstance(object, MethodWrapperType)


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object)
            or isfunction(object)
            or ismethod(object)
            or ismethoddescriptor(object)
            or ismethodwrapper(object))


def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    if not isinstance(object, type):
        return False
    return bool(getattr(object, '__abstractmethods__', None))


# ---------------------------------------------------------------- members

def getmro(cls):
    """Return tuple of base classes (including cls) in method resolution
    order."""
    return cls.__mro__


def _getmembers(object, predicate, getter):
    results = []
    processed = set()
    names = dir(object)
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    for key in names:
        try:
            value = getter(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name.
    Optionally, only return members that satisfy a given predicate."""
    return _getmembers(object, predicate, getattr)


def getmembers_static(object, predicate=None):
    """Like getmembers, but looks the members up with getattr_static, so no
    descriptors or __getattr__ run."""
    return _getmembers(object, predicate, getattr_static)


def unwrap(func, *, stop=None):
    """Get the object wrapped by *func*, following the chain of __wrapped__
    attributes.  *stop* is an optional callback that ends the unwrapping when
    it returns true for an object in the chain.  A cycle raises ValueError.
    """
    f = func
    memo = {id(f): f}
    recursion_limit = sys.getrecursionlimit()
    while not isinstance(func, type) and hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        id_func = id(func)
        if (id_func in memo) or (len(memo) >= recursion_limit):
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func


def _findclass(func):
    cls = sys.modules.get(func.__module__)
    if cls is None:
        return None
    for name in func.__qualname__.split('.')[:-1]:
        cls = getattr(cls, name)
    if not isclass(cls):
        return None
    return cls


def _finddoc(obj):
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                try:
                    doc = base.__doc__
                except AttributeError:
                    continue
                if doc is not None:
                    return doc
        return None

    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        if (isclass(self) and
                getattr(getattr(self, name, None), '__func__') is obj.__func__):
            # classmethod
            cls = self
        else:
            cls = self.__class__
    elif isfunction(obj):
        name = obj.__name__
        cls = _findclass(obj)
        if cls is None or getattr(cls, name) is not obj:
            return None
    elif isbuiltin(obj):
        name = obj.__name__
        self = obj.__self__
        if (isclass(self) and
                self.__qualname__ + '.' + name == obj.__qualname__):
            cls = self
        else:
            cls = self.__class__
    elif isinstance(obj, property):
        func = obj.fget
        name = func.__name__
        cls = _findclass(func)
        if cls is None or getattr(cls, name) is not obj:
            return None
    elif ismethoddescriptor(obj) or isdatadescriptor(obj):
        name = obj.__name__
        cls = obj.__objclass__
        if getattr(cls, name) is not obj:
            return None
        if ismemberdescriptor(obj):
            slots = getattr(cls, '__slots__', None)
            if isinstance(slots, dict) and name in slots:
                return slots[name]
    else:
        return None
    for base in cls.__mro__:
        try:
            doc = getattr(base, name).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """Get the documentation string for an object, cleaned up with cleandoc.

    A missing docstring is inherited from the class hierarchy when the object
    is a class, method, property or descriptor.  Returns None when there is
    none.
    """
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    """Clean up indentation from docstrings.

    Any whitespace that can be uniformly removed from the second line
    onwards is removed; tabs are expanded; leading and trailing blank lines
    are dropped."""
    lines = doc.expandtabs().split('\n')
    # Find minimum indentation of any non-blank lines after first line.
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    # Remove indentation.
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    # Remove any trailing or leading blank lines.
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


# ---------------------------------------------------------------- getattr_static

_sentinel = object()


def _check_instance(obj, attr):
    instance_dict = {}
    try:
        instance_dict = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        pass
    if not isinstance(instance_dict, dict):
        return _sentinel
    return dict.get(instance_dict, attr, _sentinel)


def _check_class(klass, attr):
    for entry in klass.__mro__:
        d = entry.__dict__
        if attr in d:
            return d[attr]
    return _sentinel


def getattr_static(obj, attr, default=_sentinel):
    """Retrieve attributes without triggering dynamic lookup via the
    descriptor protocol, __getattr__ or __getattribute__.

    Returns the raw object found in an instance __dict__ or a class __dict__
    along the MRO (data descriptors of the class win over the instance dict,
    as for normal lookup).  For classes, the metaclass is searched too.
    """
    instance_result = _sentinel
    objtype = type(obj)
    if type not in objtype.__mro__:
        klass = objtype
        instance_result = _check_instance(obj, attr)
    else:
        klass = obj

    klass_result = _check_class(klass, attr)

    if instance_result is not _sentinel and klass_result is not _sentinel:
        if (_check_class(type(klass_result), "__get__") is not _sentinel and
                (_check_class(type(klass_result), "__set__") is not _sentinel
                 or _check_class(type(klass_result), "__delete__") is not _sentinel)):
            return klass_result

    if instance_result is not _sentinel:
        return instance_result
    if klass_result is not _sentinel:
        return klass_result

    if obj is klass:
        # for types we check the metaclass too
        for entry in type(klass).__mro__:
            try:
                return entry.__dict__[attr]
            except KeyError:
                pass
    if default is not _sentinel:
        return default
    raise AttributeError(attr)


# ---------------------------------------------------------------- generators

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    """Get current state of a generator-iterator.

    Possible states are:
      GEN_CREATED: Waiting to start execution.
      GEN_RUNNING: Currently being executed by the interpreter.
      GEN_SUSPENDED: Currently suspended at a yield expression.
      GEN_CLOSED: Execution has completed.
    """
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    """Get the mapping of generator local variables to their current values
    (an empty dict once the generator is finished)."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    else:
        return {}


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    """Get current state of a coroutine object: CORO_CREATED, CORO_RUNNING,
    CORO_SUSPENDED or CORO_CLOSED (the same states as a generator's)."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getcoroutinelocals(coroutine):
    """Get the mapping of coroutine local variables to their current values
    (an empty dict once the coroutine is finished)."""
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    return {}


ClosureVars = collections.namedtuple('ClosureVars', 'nonlocals globals builtins unbound')


def getclosurevars(func):
    """Get the mapping of free variables to their current values.

    Returns a named tuple of dicts mapping the current nonlocal, global and
    builtin references as seen by the body of the function, plus a set of
    the names that could not be resolved.
    """
    if ismethod(func):
        func = func.__func__
    if not isfunction(func):
        raise TypeError("{!r} is not a Python function".format(func))
    code = func.__code__
    if func.__closure__ is None:
        nonlocal_vars = {}
    else:
        nonlocal_vars = {var: cell.cell_contents
                         for var, cell in zip(code.co_freevars, func.__closure__)}
    global_ns = func.__globals__
    builtin_ns = global_ns.get("__builtins__", None)
    if builtin_ns is None:
        import builtins as builtin_ns
    if ismodule(builtin_ns):
        builtin_ns = builtin_ns.__dict__
    global_vars = {}
    builtin_vars = {}
    unbound_names = set()
    for name in code.co_names:
        if name in ("None", "True", "False"):
            continue
        try:
            global_vars[name] = global_ns[name]
        except KeyError:
            try:
                builtin_vars[name] = builtin_ns[name]
            except KeyError:
                unbound_names.add(name)
    return ClosureVars(nonlocal_vars, global_vars, builtin_vars, unbound_names)


# ---------------------------------------------------------------- arguments of frames

Arguments = collections.namedtuple('Arguments', 'args, varargs, varkw')


def getargs(co):
    """Get information about the arguments accepted by a code object.

    Three things are returned: (args, varargs, varkw), where 'args' is the
    list of argument names (keyword-only ones at the end) and 'varargs' and
    'varkw' are the names of the * and ** arguments or None."""
    if not iscode(co):
        raise TypeError('{!r} is not a code object'.format(co))
    names = co.co_varnames
    nargs = co.co_argcount
    nkwargs = co.co_kwonlyargcount
    args = list(names[:nargs])
    kwonlyargs = list(names[nargs:nargs + nkwargs])
    nargs += nkwargs
    varargs = None
    if co.co_flags & CO_VARARGS:
        varargs = co.co_varnames[nargs]
        nargs = nargs + 1
    varkw = None
    if co.co_flags & CO_VARKEYWORDS:
        varkw = co.co_varnames[nargs]
    return Arguments(args + kwonlyargs, varargs, varkw)


ArgInfo = collections.namedtuple('ArgInfo', 'args varargs keywords locals')


def getargvalues(frame):
    """Get information about arguments passed into a particular frame.

    A tuple of four things is returned: (args, varargs, varkw, locals).
    'args' is a list of the argument names.  'varargs' and 'varkw' are the
    names of the * and ** arguments or None.  'locals' is the locals
    dictionary of the given frame."""
    args, varargs, varkw = getargs(frame.f_code)
    return ArgInfo(args, varargs, varkw, frame.f_locals)


def formatargvalues(args, varargs, varkw, locals,
                    formatarg=str,
                    formatvarargs=lambda name: '*' + name,
                    formatvarkw=lambda name: '**' + name,
                    formatvalue=lambda value: '=' + repr(value)):
    """Format an argument spec from the 4 values returned by getargvalues."""
    def convert(name, locals=locals,
                formatarg=formatarg, formatvalue=formatvalue):
        return formatarg(name) + formatvalue(locals[name])
    specs = []
    for i in range(len(args)):
        specs.append(convert(args[i]))
    if varargs:
        specs.append(formatvarargs(varargs) + formatvalue(locals[varargs]))
    if varkw:
        specs.append(formatvarkw(varkw) + formatvalue(locals[varkw]))
    return '(' + ', '.join(specs) + ')'


FullArgSpec = collections.namedtuple(
    'FullArgSpec',
    'args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations')


def getfullargspec(func):
    """Get the names and default values of a callable object's parameters.

    A tuple of seven things is returned:
    (args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations).
    """
    try:
        sig = _signature_from_callable(func, follow_wrapper_chains=False,
                                       skip_bound_arg=False, sigcls=Signature)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex

    args = []
    varargs = None
    varkw = None
    posonlyargs = []
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}

    if sig.return_annotation is not sig.empty:
        annotations['return'] = sig.return_annotation

    for param in sig.parameters.values():
        kind = param.kind
        name = param.name

        if kind is _POSITIONAL_ONLY:
            posonlyargs.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _POSITIONAL_OR_KEYWORD:
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _VAR_POSITIONAL:
            varargs = name
        elif kind is _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        elif kind is _VAR_KEYWORD:
            varkw = name

        if param.annotation is not param.empty:
            annotations[name] = param.annotation

    if not kwdefaults:
        kwdefaults = None
    if not defaults:
        defaults = None

    return FullArgSpec(posonlyargs + args, varargs, varkw, defaults,
                       kwonlyargs, kwdefaults, annotations)


# ---------------------------------------------------------------- source files

def getfile(object):
    """Work out which source or compiled file an object was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        if hasattr(object, '__module__'):
            module = sys.modules.get(object.__module__)
            if getattr(module, '__file__', None):
                return module.__file__
            if object.__module__ == '__main__':
                raise OSError('source code not available')
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(
                        type(object).__name__))


def getmodulename(path):
    """Return the module name for a given file, or None."""
    fname = path.rsplit('/', 1)[-1]
    if fname.endswith('.py'):
        return fname[:-3]
    return None


def getsourcefile(object):
    """Return the filename that can be used to locate an object's source.
    Return None if no way can be identified to get the source.
    """
    filename = getfile(object)
    if filename.endswith(('.pyc', '.pyo')):
        filename = filename[:-1]
    elif filename.endswith(('.so', '.pyd')):
        return None
    if filename in linecache.cache:
        return filename
    if linecache.getlines(filename):
        return filename
    module = getmodule(object, filename)
    if getattr(module, '__loader__', None) is not None:
        return filename
    # Without os.path.exists: a module loaded from this very file shows that
    # the file exists (even if pyhop cannot read it).
    if module is not None and getattr(module, '__file__', None) == filename:
        return filename
    return None


def getabsfile(object, _filename=None):
    """Return the file name of an object (pyhop cannot normalise paths
    without an os module, so this is getsourcefile() or getfile())."""
    if _filename is None:
        _filename = getsourcefile(object) or getfile(object)
    return _filename


def getmodule(object, _filename=None):
    """Return the module an object was defined in, or None if not found."""
    if ismodule(object):
        return object
    if hasattr(object, '__module__'):
        return sys.modules.get(object.__module__)
    if _filename is None:
        try:
            _filename = getfile(object)
        except TypeError:
            return None
    for module in list(sys.modules.values()):
        if ismodule(module) and getattr(module, '__file__', None) == _filename:
            return module
    # Check the main module
    main = sys.modules.get('__main__')
    if main is None or not hasattr(object, '__name__'):
        return None
    if hasattr(main, object.__name__):
        mainobject = getattr(main, object.__name__)
        if mainobject is object:
            return main
    builtin = sys.modules.get('builtins')
    if builtin is not None and hasattr(builtin, object.__name__):
        if getattr(builtin, object.__name__) is object:
            return builtin
    return None


def _is_def_line(line):
    s = line.lstrip()
    if s.startswith('def ') or s.startswith('def\t') or s.startswith('@'):
        return True
    if s.startswith('async') and s[5:].lstrip().startswith('def'):
        return True
    # A lambda somewhere on the line (not part of a longer name).
    i = line.find('lambda')
    while i >= 0:
        before = line[i - 1] if i > 0 else ' '
        after = line[i + 6:i + 7]
        if not (before.isalnum() or before == '_') and after in (':', ' ', '\t'):
            return True
        i = line.find('lambda', i + 1)
    return False


def findsource(object):
    """Return the entire source file and starting line number for an object.

    The argument may be a module, class, method, function, traceback, frame,
    or code object.  The source code is returned as a list of all the lines
    in the file and the line number indexes a line in that list.  An OSError
    is raised if the source code cannot be retrieved."""
    file = getsourcefile(object)
    if file:
        linecache.checkcache(file)
    else:
        file = getfile(object)
        if not (file.startswith('<') and file.endswith('>')):
            raise OSError('source code not available')

    module = getmodule(object, file)
    if module:
        lines = linecache.getlines(file, module.__dict__)
    else:
        lines = linecache.getlines(file)
    if not lines:
        raise OSError('could not get source code')

    if ismodule(object):
        return lines, 0

    if isclass(object):
        name = object.__qualname__.rsplit('.', 1)[-1]
        for i, line in enumerate(lines):
            s = line.lstrip()
            if s.startswith('class') and s[5:6] in (' ', '\t'):
                rest = s[5:].lstrip()
                if rest.startswith(name) and rest[len(name):len(name) + 1] in ('(', ':', ' ', '\t'):
                    # Include the decorators above the class line.
                    j = i
                    while j > 0 and lines[j - 1].lstrip().startswith('@'):
                        j -= 1
                    return lines, j
        raise OSError('could not find class definition')

    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        if not hasattr(object, 'co_firstlineno'):
            raise OSError('could not find function definition')
        lnum = object.co_firstlineno - 1
        while lnum > 0:
            try:
                line = lines[lnum]
            except IndexError:
                raise OSError('lineno is out of bounds')
            if _is_def_line(line):
                break
            lnum = lnum - 1
        return lines, lnum
    raise OSError('could not find code object')


def _scan_line(line, state):
    """Advance the (depth, quote) scanner state over one physical line.
    quote is None or the open triple-quote delimiter.  Returns the new state
    and whether the line ends with a backslash continuation."""
    depth, quote = state
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if quote is not None:
            if c == '\\':
                i += 2
                continue
            if line.startswith(quote, i):
                i += len(quote)
                quote = None
                continue
            if len(quote) == 1 and c == '\n':
                quote = None
            i += 1
            continue
        if c == '#':
            break
        if c in '\'"':
            if line.startswith(c * 3, i):
                quote = c * 3
                i += 3
            else:
                quote = c
                i += 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth = max(0, depth - 1)
        i += 1
    if quote is not None and len(quote) == 1:
        quote = None
    cont = line.rstrip('\r\n').endswith('\\')
    return (depth, quote), cont


def _indent_of(line):
    return len(line.expandtabs()) - len(line.expandtabs().lstrip())


def getblock(lines):
    """Extract the block of code at the top of the given list of lines:
    decorators, the def/class (or lambda) line and the indented body."""
    if not lines:
        return []
    state = (0, None)
    i = 0
    # Decorators and the header's logical line(s).
    while i < len(lines):
        line = lines[i]
        is_decorator = state == (0, None) and line.lstrip().startswith('@')
        state, cont = _scan_line(line, state)
        i += 1
        while (state != (0, None) or cont) and i < len(lines):
            state, cont = _scan_line(lines[i], state)
            i += 1
        if not is_decorator:
            break
    header_index = 0
    while header_index < len(lines) and lines[header_index].lstrip().startswith('@'):
        header_index += 1
    header = lines[header_index] if header_index < len(lines) else lines[0]
    s = header.lstrip()
    if not (s.startswith('def') or s.startswith('class') or s.startswith('async')):
        # A lambda (or a module-level statement): just its logical line.
        return lines[:i]
    base = _indent_of(header)
    end = i
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if state == (0, None) and stripped and not stripped.startswith('#'):
            if _indent_of(line) <= base:
                break
        state, cont = _scan_line(line, state)
        i += 1
        while (state != (0, None) or cont) and i < len(lines):
            state, cont = _scan_line(lines[i], state)
            i += 1
        if stripped and not stripped.startswith('#'):
            end = i
    return lines[:end]


def getsourcelines(object):
    """Return a list of source lines and starting line number for an object.

    The argument may be a module, class, method, function, traceback, frame,
    or code object.  An OSError is raised if the source cannot be retrieved."""
    object = unwrap(object)
    lines, lnum = findsource(object)

    if istraceback(object):
        object = object.tb_frame

    # for module or frame that corresponds to module, return all source lines
    if (ismodule(object) or
            (isframe(object) and object.f_code.co_name == "<module>")):
        return lines, 0
    else:
        return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """Return the text of the source code for an object (one string).
    An OSError is raised if the source code cannot be retrieved."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


# ---------------------------------------------------------------- stack frames

class Positions(collections.namedtuple('Positions',
                                       'lineno end_lineno col_offset end_col_offset')):
    """Source positions of an instruction (only lineno is known in pyhop)."""
    __slots__ = ()


def _positions(lineno):
    return Positions(lineno, None, None, None)


_Traceback = collections.namedtuple('_Traceback',
                                    'filename lineno function code_context index')


class Traceback(_Traceback):
    """getframeinfo() result: (filename, lineno, function, code_context,
    index) plus a .positions attribute."""

    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('Traceback(filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


def getframeinfo(frame, context=1):
    """Get information about a frame or traceback object.

    A Traceback named tuple of five things is returned: the filename, the
    line number of the current line, the function name, a list of lines of
    context from the source code, and the index of the current line within
    that list.  The optional second argument specifies the number of lines
    of context to return, which are centered around the current line."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        if not isframe(frame):
            raise TypeError('{!r} is not a frame or traceback object'.format(frame))
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))

    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        try:
            lines, lnum = findsource(frame)
        except OSError:
            lines = index = None
        else:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
    else:
        lines = index = None

    return Traceback(filename, lineno, frame.f_code.co_name, lines,
                     index, positions=_positions(lineno))


def getlineno(frame):
    """Get the line number from a frame object."""
    return frame.f_lineno


_FrameInfo = collections.namedtuple('_FrameInfo', 'frame filename lineno function code_context index')


class FrameInfo(_FrameInfo):
    """stack() / trace() entry: (frame, filename, lineno, function,
    code_context, index) plus a .positions attribute."""

    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.frame, self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


def getouterframes(frame, context=1):
    """Get a list of records for a frame and all higher (calling) frames.

    Each record contains a frame object, filename, line number, function
    name, a list of lines of context, and index within the context."""
    framelist = []
    while frame:
        traceback_info = getframeinfo(frame, context)
        frameinfo = (frame,) + tuple(traceback_info)
        framelist.append(FrameInfo(*frameinfo, positions=traceback_info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """Get a list of records for a traceback's frame and all lower frames.

    Each record contains a frame object, filename, line number, function
    name, a list of lines of context, and index within the context."""
    framelist = []
    while tb:
        traceback_info = getframeinfo(tb, context)
        frameinfo = (tb.tb_frame,) + tuple(traceback_info)
        framelist.append(FrameInfo(*frameinfo, positions=traceback_info.positions))
        tb = tb.tb_next
    return framelist


def currentframe():
    """Return the frame of the caller or None if this is not possible."""
    return sys._getframe(1)


def stack(context=1):
    """Return a list of records for the stack above the caller's frame."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """Return a list of records for the stack below the current exception."""
    exc = sys.exc_info()[2]
    return getinnerframes(exc, context)


# ---------------------------------------------------------------- signatures

class _void:
    """A private marker - used in Parameter & Signature."""


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 'positional-only'
    POSITIONAL_OR_KEYWORD = 'positional or keyword'
    VAR_POSITIONAL = 'variadic positional'
    KEYWORD_ONLY = 'keyword-only'
    VAR_KEYWORD = 'variadic keyword'

    def __new__(cls, description):
        value = len(cls.__members__)
        member = int.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    def __str__(self):
        return self.name


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
    'with', 'yield'])


def formatannotation(annotation, base_module=None):
    """Format an annotation the way Signature.__str__ shows it: classes as
    their qualified name (without the module for builtins), others by repr."""
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def formatannotationrelativeto(object):
    module = getattr(object, '__module__', None)

    def _formatannotation(annotation):
        return formatannotation(annotation, module)
    return _formatannotation


class Parameter:
    """Represents a parameter in a function signature.

    Has the following public attributes: name, default (Parameter.empty when
    there is none), annotation (Parameter.empty when there is none) and kind
    (one of Parameter.POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, VAR_POSITIONAL,
    KEYWORD_ONLY, VAR_KEYWORD).
    """

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty:
            if self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
                msg = '{} parameters cannot have default values'
                msg = msg.format(self._kind.description)
                raise ValueError(msg)
        self._default = default
        self._annotation = annotation

        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')

        if not isinstance(name, str):
            msg = 'name must be a str, not a {}'.format(type(name).__name__)
            raise TypeError(msg)

        if name[0] == '.' and name[1:].isdigit():
            # These are implicit arguments generated by comprehensions.
            if self._kind != _POSITIONAL_OR_KEYWORD:
                msg = ('implicit arguments must be passed as '
                       'positional or keyword arguments, not {}')
                msg = msg.format(self._kind.description)
                raise ValueError(msg)
            self._kind = _POSITIONAL_ONLY
            name = 'implicit{}'.format(name[1:])

        is_keyword = name in _KEYWORDS and self._kind is not _POSITIONAL_ONLY
        if is_keyword or not name.isidentifier():
            raise ValueError('{!r} is not a valid parameter name'.format(name))

        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void,
                annotation=_void, default=_void):
        """Creates a customized copy of the Parameter."""
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name

        # Add annotation and default value
        if self._annotation is not _empty:
            formatted = '{}: {}'.format(formatted,
                                       formatannotation(self._annotation))

        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = '{} = {}'.format(formatted, repr(self._default))
            else:
                formatted = '{}={}'.format(formatted, repr(self._default))

        if kind == _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif kind == _VAR_KEYWORD:
            formatted = '**' + formatted

        return formatted

    def __repr__(self):
        return '<{} "{}">'.format(self.__class__.__name__, self)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and
                self._kind == other._kind and
                self._default == other._default and
                self._annotation == other._annotation)


class _MappingProxy:
    """A read-only view of a mapping (types.MappingProxyType stand-in)."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    __hash__ = None

    def __reversed__(self):
        return reversed(list(self._mapping))

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return 'mappingproxy({!r})'.format(self._mapping)

    def __str__(self):
        return str(self._mapping)


class BoundArguments:
    """Result of Signature.bind: the mapping of arguments to parameters.

    Attributes: arguments (a dict, in parameter order, without defaults
    unless apply_defaults() was called), signature, args (tuple of the
    positional values) and kwargs (dict of the keyword values).
    """

    __slots__ = ('arguments', '_signature')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for param_name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[param_name]
            except KeyError:
                # We're done here. Other arguments will be mapped in
                # 'BoundArguments.kwargs'
                break
            else:
                if param.kind == _VAR_POSITIONAL:
                    args.extend(arg)
                else:
                    args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for param_name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    kwargs_started = True
                else:
                    if param_name not in self.arguments:
                        kwargs_started = True
                        continue
            if not kwargs_started:
                continue
            try:
                arg = self.arguments[param_name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[param_name] = arg
        return kwargs

    def apply_defaults(self):
        """Set default values for missing arguments: the parameter default,
        () for *args and {} for **kwargs."""
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    # This BoundArguments was likely produced by
                    # Signature.bind_partial().
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return (self.signature == other.signature and
                self.arguments == other.arguments)

    __hash__ = None

    def __repr__(self):
        args = []
        for arg, value in self.arguments.items():
            args.append('{}={!r}'.format(arg, value))
        return '<{} ({})>'.format(self.__class__.__name__, ', '.join(args))


class Signature:
    """A Signature object represents the overall signature of a function.

    Attributes: parameters (an ordered read-only mapping of names to
    Parameter objects) and return_annotation (Signature.empty when absent).
    Methods: bind, bind_partial, replace, from_callable.
    """

    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        """Constructs Signature from the given list of Parameter
        objects and 'return_annotation'.  All arguments are optional.
        """
        if parameters is None:
            params = collections.OrderedDict()
        else:
            if __validate_parameters__:
                params = collections.OrderedDict()
                top_kind = _POSITIONAL_ONLY
                seen_default = False

                for param in parameters:
                    kind = param.kind
                    name = param.name

                    if kind < top_kind:
                        msg = ('wrong parameter order: {} parameter before {} '
                               'parameter')
                        msg = msg.format(top_kind.description,
                                         kind.description)
                        raise ValueError(msg)
                    elif kind > top_kind:
                        top_kind = kind

                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                msg = 'non-default argument follows default ' \
                                      'argument'
                                raise ValueError(msg)
                        else:
                            seen_default = True

                    if name in params:
                        msg = 'duplicate parameter name: {!r}'.format(name)
                        raise ValueError(msg)

                    params[name] = param
            else:
                params = collections.OrderedDict((param.name, param) for param in parameters)

        self._parameters = _MappingProxy(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        """Constructs Signature for the given callable object."""
        return _signature_from_callable(obj, sigcls=cls,
                                        follow_wrapper_chains=follow_wrapped)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """Creates a customized copy of the Signature."""
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _hash_basis(self):
        params = tuple(param for param in self.parameters.values()
                       if param.kind != _KEYWORD_ONLY)
        kwo_params = {param.name: param for param in self.parameters.values()
                      if param.kind == _KEYWORD_ONLY}
        return params, kwo_params, self.return_annotation

    def __hash__(self):
        params, kwo_params, return_annotation = self._hash_basis()
        kwo_params = frozenset(kwo_params.values())
        return hash((params, kwo_params, return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._hash_basis() == other._hash_basis()

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}

        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)

        while True:
            # Iterate through the positional arguments and the
            # corresponding parameters.
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                # No more positional arguments
                try:
                    param = next(parameters)
                except StopIteration:
                    # No more parameters; kwargs are checked below.
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            msg = '{arg!r} parameter is positional only, ' \
                                  'but was passed as a keyword'
                            msg = msg.format(arg=param.name)
                            raise TypeError(msg) from None
                        parameters_ex = (param,)
                        break
                    elif (param.kind == _VAR_KEYWORD or
                          param.default is not _empty):
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        else:
                            msg = 'missing a required argument: {arg!r}'
                            msg = msg.format(arg=param.name)
                            raise TypeError(msg) from None
            else:
                # We have a positional argument to process
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError(
                            'too many positional arguments') from None

                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break

                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError(
                            'multiple values for argument {arg!r}'.format(
                                arg=param.name)) from None

                    arguments[param.name] = arg_val

        # Now, iterate through the remaining parameters to process
        # keyword arguments
        kwargs_param = None
        remaining = list(parameters_ex) + list(parameters)
        for param in remaining:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue

            if param.kind == _VAR_POSITIONAL:
                continue

            param_name = param.name
            try:
                arg_val = kwargs.pop(param_name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL and
                        param.default is _empty):
                    raise TypeError('missing a required argument: {arg!r}'.
                                    format(arg=param_name)) from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('{arg!r} parameter is positional only, '
                                    'but was passed as a keyword'.
                                    format(arg=param.name))
                arguments[param_name] = arg_val

        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(
                    'got an unexpected keyword argument {arg!r}'.format(
                        arg=next(iter(kwargs))))

        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        """Get a BoundArguments object that maps the passed args and kwargs
        to the function's signature.  Raises TypeError if they cannot be
        bound."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        """Like bind(), but missing required arguments are allowed."""
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, self)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)

            kind = param.kind

            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                # It's not a positional-only parameter, and there were
                # positional-only parameters before.
                result.append('/')
                render_pos_only_separator = False

            if kind == _VAR_POSITIONAL:
                # No '*' separator is needed after an '*args'-like parameter.
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False

            result.append(formatted)

        if render_pos_only_separator:
            # There were only positional-only parameters.
            result.append('/')

        rendered = '({})'.format(', '.join(result))

        if self.return_annotation is not _empty:
            anno = formatannotation(self.return_annotation)
            rendered += ' -> {}'.format(anno)

        return rendered


def _signature_is_functionlike(obj):
    """An object that quacks like a Python function (a code object, name,
    defaults and kwdefaults of the right types)."""
    if not callable(obj) or isclass(obj):
        return False
    name = getattr(obj, '__name__', None)
    code = getattr(obj, '__code__', None)
    defaults = getattr(obj, '__defaults__', _void)
    kwdefaults = getattr(obj, '__kwdefaults__', _void)
    annotations = getattr(obj, '__annotations__', None)
    return (isinstance(code, CodeType) and
            isinstance(name, str) and
            (defaults is None or isinstance(defaults, tuple)) and
            (kwdefaults is None or isinstance(kwdefaults, dict)) and
            (isinstance(annotations, dict) or annotations is None))


def _signature_from_function(cls, func, skip_bound_arg=True):
    """Private helper: constructs Signature for the given python function."""
    is_duck_function = False
    if not isfunction(func):
        if _signature_is_functionlike(func):
            is_duck_function = True
        else:
            raise TypeError('{!r} is not a Python function'.format(func))

    Parameter = cls._parameter_cls

    func_code = func.__code__
    pos_count = func_code.co_argcount
    arg_names = func_code.co_varnames
    posonly_count = func_code.co_posonlyargcount
    positional = arg_names[:pos_count]
    keyword_only_count = func_code.co_kwonlyargcount
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__
    kwdefaults = func.__kwdefaults__

    if defaults:
        pos_default_count = len(defaults)
    else:
        pos_default_count = 0

    parameters = []

    non_default_count = pos_count - pos_default_count
    posonly_left = posonly_count

    # Non-keyword-only parameters w/o defaults.
    for name in positional[:non_default_count]:
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation, kind=kind))
        if posonly_left:
            posonly_left -= 1

    # ... w/ defaults.
    for offset, name in enumerate(positional[non_default_count:]):
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation, kind=kind,
                                    default=defaults[offset]))
        if posonly_left:
            posonly_left -= 1

    # *args
    if func_code.co_flags & CO_VARARGS:
        name = arg_names[pos_count + keyword_only_count]
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_VAR_POSITIONAL))

    # Keyword-only parameters.
    for name in keyword_only:
        default = _empty
        if kwdefaults is not None:
            default = kwdefaults.get(name, _empty)
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_KEYWORD_ONLY, default=default))
    # **kwargs
    if func_code.co_flags & CO_VARKEYWORDS:
        index = pos_count + keyword_only_count
        if func_code.co_flags & CO_VARARGS:
            index += 1
        name = arg_names[index]
        annotation = annotations.get(name, _empty)
        parameters.append(Parameter(name, annotation=annotation,
                                    kind=_VAR_KEYWORD))

    return cls(parameters,
               return_annotation=annotations.get('return', _empty),
               __validate_parameters__=is_duck_function)


def _signature_bound_method(sig):
    """Private helper to transform signatures for unbound functions to bound
    methods (drops the first parameter)."""
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    kind = params[0].kind
    if kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
        # Drop first parameter:
        # '(p1, p2[, ...])' -> '(p2[, ...])'
        params = params[1:]
    else:
        if kind is not _VAR_POSITIONAL:
            # Unless we add a new parameter type we never
            # get here
            raise ValueError('invalid argument type')
        # It's a var-positional parameter.
        # Do nothing. '(*args[, ...])' -> '(*args[, ...])'
    return sig.replace(parameters=params)


def _signature_get_partial(wrapped_sig, partial, extra_args=()):
    """Private helper to calculate how 'wrapped_sig' signature will
    look like after applying a 'functools.partial' object (or alike)
    on it."""
    old_params = wrapped_sig.parameters
    new_params = collections.OrderedDict(old_params.items())

    partial_args = partial.args or ()
    partial_keywords = partial.keywords or {}

    if extra_args:
        partial_args = extra_args + partial_args

    try:
        ba = wrapped_sig.bind_partial(*partial_args, **partial_keywords)
    except TypeError as ex:
        msg = 'partial object {!r} has incorrect arguments'.format(partial)
        raise ValueError(msg) from ex

    transform_to_kwonly = False
    for param_name, param in old_params.items():
        try:
            arg_value = ba.arguments[param_name]
        except KeyError:
            pass
        else:
            if param.kind is _POSITIONAL_ONLY:
                # If positional-only parameter is bound by partial,
                # it effectively disappears from the signature
                new_params.pop(param_name)
                continue

            if param.kind is _POSITIONAL_OR_KEYWORD:
                if param_name in partial_keywords:
                    # This means that this parameter, and all parameters
                    # after it should be keyword-only (and var-positional
                    # should be removed).
                    transform_to_kwonly = True
                    # Set the new default value
                    new_params[param_name] = param.replace(default=arg_value)
                else:
                    # was passed as a positional argument
                    new_params.pop(param.name)
                    continue

            if param.kind is _KEYWORD_ONLY:
                # Set the new default value
                new_params[param_name] = param.replace(default=arg_value)

        if transform_to_kwonly:
            assert param.kind is not _POSITIONAL_ONLY

            if param.kind is _POSITIONAL_OR_KEYWORD:
                new_param = new_params[param_name].replace(kind=_KEYWORD_ONLY)
                new_params[param_name] = new_param
                new_params.move_to_end(param_name)
            elif param.kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                new_params.move_to_end(param_name)
            elif param.kind is _VAR_POSITIONAL:
                new_params.pop(param.name)

    return wrapped_sig.replace(parameters=new_params.values())


def _signature_from_callable(obj, *, follow_wrapper_chains=True,
                             skip_bound_arg=True, sigcls=None):
    """Private helper function to get signature for arbitrary
    callable objects."""
    if sigcls is None:
        sigcls = Signature

    def _get_signature_of(o):
        return _signature_from_callable(
            o, follow_wrapper_chains=follow_wrapper_chains,
            skip_bound_arg=skip_bound_arg, sigcls=sigcls)

    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))

    if isinstance(obj, MethodType):
        # In this case we skip the first parameter of the underlying
        # function (usually `self` or `cls`).
        sig = _get_signature_of(obj.__func__)
        if skip_bound_arg:
            return _signature_bound_method(sig)
        else:
            return sig

    # Was this function wrapped by a decorator?
    if follow_wrapper_chains:
        obj = unwrap(obj, stop=(lambda f: hasattr(f, "__signature__")))
        if isinstance(obj, MethodType):
            # If the unwrapped object is a *method*, we might want to
            # skip its first parameter (self).
            return _get_signature_of(obj)

    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError(
                    'unexpected object {!r} in __signature__ '
                    'attribute'.format(sig))
            return sig

    partialmethod = getattr(functools, 'partialmethod', None)
    if partialmethod is not None:
        try:
            pm = obj._partialmethod
        except AttributeError:
            pass
        else:
            if isinstance(pm, partialmethod):
                wrapped_sig = _get_signature_of(pm.func)
                sig = _signature_get_partial(wrapped_sig, pm, (None,))
                first_wrapped_param = tuple(wrapped_sig.parameters.values())[0]
                if first_wrapped_param.kind is Parameter.VAR_POSITIONAL:
                    return sig
                else:
                    sig_params = tuple(sig.parameters.values())
                    assert (not sig_params or
                            first_wrapped_param is not sig_params[0])
                    new_params = (first_wrapped_param,) + sig_params
                    return sig.replace(parameters=new_params)

    if isfunction(obj) or _signature_is_functionlike(obj):
        # If it's a pure Python function, or an object that is duck type
        # of a Python function (Cython functions, for instance), then:
        return _signature_from_function(sigcls, obj,
                                        skip_bound_arg=skip_bound_arg)

    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))

    partial = getattr(functools, 'partial', None)
    if partial is not None and isinstance(obj, partial):
        wrapped_sig = _get_signature_of(obj.func)
        return _signature_get_partial(wrapped_sig, obj)

    sig = None
    if isinstance(obj, type):
        # obj is a class or a metaclass

        # First, let's see if it has an overloaded __call__ defined
        # in its metaclass
        call = _signature_get_user_defined_method(type(obj), '__call__')
        if call is not None:
            sig = _get_signature_of(call)
        else:
            factory_method = None
            new = _signature_get_user_defined_method(obj, '__new__')
            init = _signature_get_user_defined_method(obj, '__init__')
            # Now we check if the 'obj' class has an own '__new__' method
            if '__new__' in obj.__dict__:
                factory_method = new
            # or an own '__init__' method
            elif '__init__' in obj.__dict__:
                factory_method = init
            # If not, we take inherited '__new__' or '__init__', if present
            elif new is not None:
                factory_method = new
            elif init is not None:
                factory_method = init

            if factory_method is not None:
                sig = _get_signature_of(factory_method)

        if sig is None:
            # At this point we know, that `obj` is a class, with no user-
            # defined '__init__', '__new__', or class-level '__call__'
            for base in obj.__mro__[:-1]:
                # Since '__text_signature__' is implemented as a
                # descriptor that extracts text signature from the
                # class docstring, if 'obj' is derived from a builtin
                # class, its own '__text_signature__' may be 'None'.
                if base.__module__ == 'builtins' and base is not obj:
                    raise ValueError(
                        'no signature found for builtin type {!r}'.format(base))

            if type not in obj.__mro__:
                # We have a class (not metaclass), but no user-defined
                # __init__ or __new__ for it
                if (obj.__init__ is object.__init__ and
                        obj.__new__ is object.__new__):
                    # Return a signature of 'object' builtin.
                    return sigcls([])
                else:
                    raise ValueError(
                        'no signature found for builtin type {!r}'.format(obj))

    elif not isinstance(obj, _NonUserDefinedCallables):
        # An object with __call__
        # We also check that the 'obj' is not an instance of
        # types.WrapperDescriptorType or types.MethodWrapperType to avoid
        # infinite recursion (and even potential segfault) when expanding
        # objects like types.MethodWrapperType
        call = _signature_get_user_defined_method(type(obj), '__call__')
        if call is not None:
            try:
                sig = _get_signature_of(call)
            except ValueError as ex:
                msg = 'no signature found for {!r}'.format(obj)
                raise ValueError(msg) from ex

    if sig is not None:
        # For classes and objects we skip the first parameter of their
        # __call__, __new__, or __init__ methods
        if skip_bound_arg:
            return _signature_bound_method(sig)
        else:
            return sig

    if isinstance(obj, (staticmethod, classmethod)):
        return _get_signature_of(obj.__func__)

    raise ValueError('callable {!r} is not supported by signature'.format(obj))


_NonUserDefinedCallables = (BuiltinFunctionType,)


def _signature_get_user_defined_method(cls, method_name):
    """Private helper. Checks if ``cls`` has an attribute named
    ``method_name`` and returns it only if it is a pure python function
    (or a bound method / staticmethod result that is one)."""
    try:
        meth = getattr(cls, method_name)
    except AttributeError:
        return
    else:
        if isinstance(meth, _NonUserDefinedCallables):
            # Once '__signature__' will be added to 'C'-level
            # callables, this check won't be necessary
            return
        if not (isfunction(meth) or ismethod(meth)):
            return
        return meth


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """Get a signature object for the passed callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped,
                                   globals=globals, locals=locals, eval_str=eval_str)
