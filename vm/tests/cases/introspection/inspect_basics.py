# inspect: predicates, members, docs, frames, signatures, bind, source via linecache.
import inspect
import functools
import linecache
import sys


def plain(a, b=2, *args, c, d=None, **kw):
    """Plain function.

        Indented detail line.
    Back to margin.
    """
    return a


def annotated(x: int, y: "str" = 'a', *, z: list = None) -> dict:
    pass


def posonly(a, b, /, c, *, d):
    pass


def gen(n):
    for i in range(n):
        yield i


class Base:
    """Base docstring."""

    def method(self, x, y=3):
        """Base.method doc."""
        return x

    @classmethod
    def make(cls, value):
        return cls()

    @staticmethod
    def helper(p, q=1):
        return p

    @property
    def prop(self):
        """The prop."""
        return 1


class Child(Base):
    def method(self, x, y=3):
        return y

    def __init__(self, first, *rest, flag=False):
        self.first = first


class Caller:
    def __call__(self, item, /, *more, key=None):
        return item


print("== predicates")
obj = Child(1)
print(inspect.isfunction(plain), inspect.isfunction(obj.method), inspect.ismethod(obj.method))
print(inspect.ismethod(Child.method), inspect.ismethod(Base.make), inspect.isclass(Child), inspect.isclass(obj))
print(inspect.ismodule(sys), inspect.ismodule(plain), inspect.isbuiltin(len), inspect.isbuiltin(plain))
print(inspect.isroutine(len), inspect.isroutine(plain), inspect.isroutine(obj.method), inspect.isroutine(1))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(plain), inspect.isgenerator(gen(1)), inspect.isgenerator(gen))
print(inspect.iscoroutinefunction(plain), inspect.iscoroutinefunction(gen), inspect.iscode(plain.__code__), inspect.iscode(plain))
fr = inspect.currentframe()
print(inspect.isframe(fr), inspect.isframe(plain), inspect.istraceback(None))
try:
    1 / 0
except ZeroDivisionError as e:
    print(inspect.istraceback(e.__traceback__), inspect.isframe(e.__traceback__.tb_frame))
print(inspect.isabstract(Child), inspect.ismethoddescriptor(Base.__dict__['helper']))

print("== members")
print([name for name, _ in inspect.getmembers(Child, inspect.isfunction)])
print([name for name, _ in inspect.getmembers(obj, inspect.ismethod)])
print([name for name, v in inspect.getmembers(obj) if not name.startswith('_')])
print([c.__name__ for c in inspect.getmro(Child)])
print(type(inspect.getattr_static(Base, 'helper')).__name__, type(inspect.getattr_static(Base, 'make')).__name__)
print(type(inspect.getattr_static(obj, 'prop')).__name__, inspect.getattr_static(obj, 'first'), inspect.getattr_static(obj, 'nope', 'dflt'))
try:
    inspect.getattr_static(obj, 'missing')
except AttributeError as e:
    print('AttributeError', e)

print("== docs")
print(repr(inspect.getdoc(plain)))
print(repr(inspect.cleandoc("  first\n      second\n    third\n\n")))
print(inspect.getdoc(Child), '|', inspect.getdoc(Child.method), '|', inspect.getdoc(obj.method))
print(inspect.getdoc(Base.prop), '|', inspect.getdoc(gen))


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
@deco
def wrapped(alpha, beta=1):
    """Wrapped doc."""


print(inspect.unwrap(wrapped).__name__, inspect.unwrap(wrapped) is not wrapped, inspect.unwrap(plain) is plain)
print(inspect.unwrap(wrapped, stop=lambda f: f.__wrapped__.__wrapped__ is not None if hasattr(f.__wrapped__, '__wrapped__') else False) is wrapped)
loop = lambda: 0
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print('ValueError', str(e).split(' <')[0])

print("== signatures")
for f in (plain, annotated, posonly, gen, wrapped, obj.method, Base.make, Base.helper, Child, Caller(), lambda: None, lambda *a, **k: 0):
    print(inspect.signature(f))
sig = inspect.signature(plain)
print(list(sig.parameters), len(sig.parameters), 'c' in sig.parameters)
print([(p.name, str(p.kind), p.kind.description, int(p.kind)) for p in sig.parameters.values()])
print(repr(sig), repr(sig.parameters['b']), repr(sig.parameters['args']))
print(sig.parameters['a'].default is inspect.Parameter.empty, sig.return_annotation is inspect.Signature.empty)
asig = inspect.signature(annotated)
print(asig.return_annotation, asig.parameters['x'].annotation, repr(asig.parameters['y']))
print(inspect.Parameter.KEYWORD_ONLY > inspect.Parameter.POSITIONAL_ONLY, repr(inspect.Parameter.VAR_KEYWORD))
print(inspect.signature(functools.partial(plain, 1, c=3)))
print(inspect.signature(wrapped, follow_wrapped=False))
print(str(inspect.Signature()), inspect.signature(plain) == inspect.signature(plain))
P = inspect.Parameter
built = inspect.Signature([P('x', P.POSITIONAL_ONLY), P('y', P.POSITIONAL_OR_KEYWORD, default=0),
                           P('opts', P.VAR_KEYWORD)], return_annotation=int)
print(built, built.replace(return_annotation=inspect.Signature.empty))
print(P('k', P.KEYWORD_ONLY, default=5, annotation=float).replace(name='kk'))
for bad in (lambda: P('x', P.VAR_POSITIONAL, default=1), lambda: P('def', P.KEYWORD_ONLY),
            lambda: inspect.Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P('a', P.POSITIONAL_ONLY, default=1), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.signature(42)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, str(e).split(' <')[0])

print("== bind")
ba = sig.bind(1, 2, 3, 4, c=5, extra=6)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
bp = sig.bind_partial(c=1)
print(bp, bp.args, bp.kwargs)
bpo = inspect.signature(posonly).bind(1, 2, 3, d=4)
print(bpo.args, bpo.kwargs)
for args, kwargs in (((), {}), ((1,), {'a': 2, 'c': 1}), ((1, 2), {'c': 1, 'zz': 3})):
    try:
        inspect.signature(annotated if len(args) == 2 else plain).bind(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
try:
    inspect.signature(posonly).bind(1, b=2, c=3, d=4)
except TypeError as e:
    print('TypeError', e)
print(inspect.getfullargspec(plain))
print(inspect.getfullargspec(annotated).annotations)

print("== frames")


def show_args(p, q=10, *rest, **named):
    frame = inspect.currentframe()
    info = inspect.getargvalues(frame)
    print(info.args, info.varargs, info.keywords, sorted(info.locals)[:4])
    print(inspect.formatargvalues(*info))
    outer = inspect.getouterframes(frame)
    print([fi.function for fi in outer], [fi[3] for fi in outer])
    fi = inspect.getframeinfo(frame.f_back)
    print(fi.function, fi.lineno == frame.f_back.f_lineno, fi.index is None or isinstance(fi.index, int))
    st = inspect.stack()
    print(st[0].function, st[0].frame is frame, st[1].function, len(st) == len(outer), st[0].lineno - frame.f_code.co_firstlineno)


def caller():
    show_args(1, 2, 3, k='v')


caller()
print(inspect.getargs(show_args.__code__))
print(type(inspect.stack()[0]).__name__, inspect.stack()[0].filename.rsplit('/', 1)[-1], inspect.getfile(plain).rsplit('/', 1)[-1])


def raiser():
    raise KeyError('t')


try:
    raiser()
except KeyError:
    here = sys._getframe().f_lineno
    print([(f.function, f.lineno - here) for f in inspect.trace()])
print(inspect.getmodule(plain) is sys.modules['__main__'], inspect.getmodule(inspect.signature) is inspect)
print(inspect.getmodule(plain.__code__) is sys.modules['__main__'] or inspect.getmodule(plain.__code__) is None)

print("== generators")
g = gen(2)
states = [inspect.getgeneratorstate(g)]
print(inspect.getgeneratorlocals(g))
next(g)
states.append(inspect.getgeneratorstate(g))
print(inspect.getgeneratorlocals(g))


def self_state():
    yield inspect.getgeneratorstate(me)


me = self_state()
states.append(next(me))
g.close()
states.append(inspect.getgeneratorstate(g))
print(states, inspect.getgeneratorlocals(g))
print(inspect.getclosurevars(deco(plain)).nonlocals.keys(), sorted(inspect.getclosurevars(show_args).globals)[:3])

print("== source")
SRC = '''import sys

def first(a, b):
    """doc"""
    total = a + b
    text = """
multi
"""
    return total

@staticmethod
def decorated(x,
              y):
    return (x,
    y)

class Thing:
    def meth(self):
        return 1

square = lambda v: v * v

def where():
    return sys._getframe()
'''
FILENAME = '<inspect-demo>'
linecache.cache[FILENAME] = (len(SRC), None, SRC.splitlines(True), FILENAME)
ns = {'__name__': 'inspect_demo'}
exec(compile(SRC, FILENAME, 'exec'), ns)
print(inspect.getsource(ns['first']), end='')
print(inspect.getsourcelines(ns['first'])[1])
print(inspect.getsource(ns['decorated'].__func__), end='')
print(inspect.getsource(ns['Thing'].meth), end='')
print(inspect.getsource(ns['square']), end='')
fi = inspect.getframeinfo(ns['where'](), context=3)
print(fi.filename, fi.lineno, fi.function, fi.code_context, fi.index)
print(linecache.getline(FILENAME, 3), end='')
print(repr(linecache.getline(FILENAME, 999)), linecache.getlines('<nothing here>'))
linecache.clearcache()
try:
    inspect.getsource(ns['first'])
except OSError as e:
    print('OSError', e)
print(linecache.lazycache(FILENAME, ns), linecache.checkcache(), linecache.checkcache(FILENAME))
