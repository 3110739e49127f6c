# traceback: print_exc / format_* / extract_* / walk_* / StackSummary / TracebackException,
# chained sections, notes, recursion folding.  Source lines come from linecache
# entries registered for exec'd code, so the output is the same with or without
# file access.  Caret lines (3.11 position markers) are filtered out.
import sys
import traceback
import linecache

HERE = __file__[:-len('traceback_module.py')]


def clean(text):
    """Drop 3.11 caret lines and this folder's absolute prefix."""
    out = []
    for line in text.splitlines(True):
        if line.strip() and not line.strip().strip('^~'):
            continue
        out.append(line.replace(HERE, ''))
    return ''.join(out)


def show(lines):
    print(clean(''.join(lines)), end='')


DEMO = '''\
import sys
import traceback


class DemoError(Exception):
    pass


def level3(x):
    raise ValueError("bad value %d" % x)


def level2(x):
    y = x * 2
    level3(y)


def level1(x):
    level2(x + 1)


def recurse(n):
    if n == 0:
        raise RecursionError("bottom")
    recurse(n - 1)


def wrap():
    try:
        level1(1)
    except ValueError as exc:
        raise DemoError("wrapped") from exc


def during():
    try:
        {}["key"]
    except KeyError:
        raise DemoError("while handling")


def quiet():
    try:
        {}["key"]
    except KeyError:
        raise DemoError("quiet") from None


def stack_here():
    return traceback.extract_stack(limit=2)


def formatted_stack():
    return traceback.format_stack(limit=1)


def run_print_exc():
    try:
        level1(5)
    except ValueError:
        traceback.print_exc(file=sys.stdout)


def compute(a, b):
    scale = 10
    raise ArithmeticError(a * scale + b)


def catch(fn, *args):
    try:
        fn(*args)
    except BaseException as e:
        return e
    raise AssertionError('no exception')


def call_stack_here():
    return stack_here()
'''

FILENAME = '<tb-demo>'
linecache.cache[FILENAME] = (len(DEMO), None, DEMO.splitlines(True), FILENAME)
demo = {'__name__': 'tbdemo'}
exec(compile(DEMO, FILENAME, 'exec'), demo)
catch = demo['catch']

print("== print_exc to stdout")
demo['run_print_exc']()

print("== format_exception(exc) and legacy form")
e = catch(demo['level1'], 1)
show(traceback.format_exception(e))
show(traceback.format_exception(type(e), e, e.__traceback__, limit=2))
show(traceback.format_exception(e, limit=-1))
show(traceback.format_exception_only(e))
show(traceback.format_exception_only(type(e), e))
print(traceback.format_exception(None), traceback.format_exception_only(None))

print("== chained")
show(traceback.format_exception(catch(demo['wrap'])))
show(traceback.format_exception(catch(demo['during'])))
show(traceback.format_exception(catch(demo['during']), chain=False))
show(traceback.format_exception(catch(demo['quiet'])))

print("== print_exception / print_tb to a writer")


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = Writer()
err = catch(demo['wrap'])
traceback.print_exception(err, file=w)
traceback.print_exception(type(err), err, err.__traceback__, limit=1, file=w, chain=False)
traceback.print_tb(err.__traceback__, file=w)
print(clean(''.join(w.parts)), end='')

print("== extract_tb / FrameSummary")
summary = traceback.extract_tb(e.__traceback__)
print(type(summary).__name__, isinstance(summary, list), len(summary))
for fs in summary[1:]:
    print(fs.filename, fs.lineno, fs.name, repr(fs.line), len(fs), list(fs)[2], fs[1])
    filename, lineno, name, line = fs
print(repr(summary[1]))
print(summary[1] == (FILENAME, 19, 'level1', 'level2(x + 1)'), summary[1] == summary[1], summary[1] == summary[2])
show(summary[1:].format() if isinstance(summary[1:], traceback.StackSummary) else traceback.format_list(summary[1:]))
print(traceback.extract_tb(e.__traceback__, limit=1)[0].name == 'catch', len(traceback.format_tb(e.__traceback__)))
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)][1:])

print("== stacks")
stack = demo['call_stack_here']()
print([(fs.name, fs.line) for fs in stack])
print(clean(''.join(demo['formatted_stack']())), end='')


def outer_stack():
    return [f.f_code.co_name for f, _ in traceback.walk_stack(None)][:2]


print(outer_stack())
print([fs.name for fs in traceback.extract_stack()][-1:], [f.f_code.co_name for f, n in traceback.walk_stack(sys._getframe())])

print("== from_list / format_list")
old = [('spam.py', 3, 'eggs', 'return ham'), ('spam.py', 7, '<module>', None)]
print(''.join(traceback.format_list(old)), end='')
print(traceback.StackSummary.from_list(old)[0].line, traceback.FrameSummary('f.py', 1, 'g', line='  x = 1  ').line)
traceback.print_list(old, file=sys.stdout)

print("== recursion folding")
show(traceback.format_exception(catch(demo['recurse'], 8)))
rec = traceback.StackSummary.from_list([('r.py', 2, 'r', 'r()')] * 5)
print(''.join(rec.format()), end='')

print("== TracebackException")
x = catch(demo['compute'], 4, 2)
te = traceback.TracebackException(type(x), x, x.__traceback__.tb_next, capture_locals=True)
show(te.format())
print(te.exc_type.__name__, str(te), len(te.stack), te.stack[-1].locals)
te2 = traceback.TracebackException(type(e), e, None)
print(list(te2.format()), te2.stack)

print("== final line")


class LocalError(Exception):
    pass


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no")


noted = ValueError("with notes")
noted.add_note("first note")
noted.add_note("second\nmultiline")
for exc in (ValueError(), KeyError('k'), LocalError('x'), demo['DemoError']('m'), Unprintable(), noted,
            SystemExit(3), StopIteration()):
    show(traceback.format_exception_only(exc))
try:
    compile('total = (1 +\n', 'prog.py', 'exec')
except SyntaxError as syn:
    print(''.join(traceback.format_exception_only(syn)), end='')

print("== format_exc")
print(repr(traceback.format_exc()))
try:
    catch_me = 1 / 0
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.splitlines()[0], '|', text.splitlines()[-1], '|', text.count('File "'))
try:
    raise LookupError("direct")
except LookupError:
    print(clean(traceback.format_exc(limit=0)), end='')
    print([line.split(',')[1:] for line in traceback.format_exc().splitlines() if 'File' in line])
try:
    traceback.print_exception(ValueError, ValueError('x'))
except ValueError as e:
    print('ValueError', e)
try:
    traceback.format_exception('not an exception')
except TypeError as e:
    print('TypeError', e)
