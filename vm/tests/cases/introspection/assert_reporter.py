# A pytest-style assertion reporter: run test functions, and when one fails
# with AssertionError walk its traceback to the failing frame and show the
# values of the names used on the failing line (from tb_frame.f_locals /
# f_globals).  When the source line is unavailable, fall back to the names the
# code object uses (co_varnames / co_names).  Two suites are exec'd from
# strings: one whose source is registered with linecache, one whose source is
# not, so both paths run the same way everywhere.
import sys
import linecache
import traceback
import builtins

KEYWORDS = {'and', 'or', 'not', 'in', 'is', 'assert', 'None', 'True', 'False',
            'lambda', 'if', 'else', 'for'}


def describe(value):
    if isinstance(value, type):
        return '<class %s>' % value.__name__
    if callable(value):
        return '<callable %s>' % getattr(value, '__name__', type(value).__name__)
    if type(value).__name__ == 'module':
        return '<module %s>' % value.__name__
    if hasattr(value, '__dict__') and type(value).__repr__ is object.__repr__:
        fields = ', '.join('%s=%r' % kv for kv in sorted(vars(value).items()))
        return '<%s %s>' % (type(value).__name__, fields)
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + '...'


def name_chains(line):
    """Dotted identifier chains on a line, in order, outside string literals."""
    chains = []
    i, n = 0, len(line)
    prev = ''
    while i < n:
        c = line[i]
        if c == '#':
            break
        if c in '\'"':
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == '\\' else 1
            i = j + 1
            prev = 'str'
            continue
        if c.isalpha() or c == '_':
            j = i
            while j < n and (line[j].isalnum() or line[j] in '_.'):
                j += 1
            chain = line[i:j].rstrip('.')
            if prev != '.' and chain.split('.')[0] not in KEYWORDS and chain not in chains:
                chains.append(chain)
            i = j
            prev = 'name'
            continue
        if not c.isspace():
            prev = c
        i += 1
    return chains


MISSING = object()


def lookup(frame, chain):
    parts = chain.split('.')
    first = parts[0]
    for scope in (frame.f_locals, frame.f_globals):
        if first in scope:
            value = scope[first]
            break
    else:
        value = getattr(builtins, first, MISSING)
    for attr in parts[1:]:
        if value is MISSING:
            break
        value = getattr(value, attr, MISSING)
    return value


def report(test_name, exc):
    tb = exc.__traceback__
    path = []
    while tb.tb_next is not None:
        tb = tb.tb_next
        path.append(tb.tb_frame.f_code.co_name)
    frame = tb.tb_frame
    code = frame.f_code
    print('FAILED %s  (%s)' % (test_name, ' -> '.join(path)))
    line = linecache.getline(code.co_filename, tb.tb_lineno, frame.f_globals).strip()
    if line:
        print('  line %d: %s' % (tb.tb_lineno, line))
        names = name_chains(line)
        origin = 'source'
    else:
        print('  line %d of %s (source unavailable)' % (tb.tb_lineno, code.co_name))
        names = list(code.co_varnames) + [n for n in code.co_names if n not in code.co_varnames]
        origin = 'code object'
    if exc.args:
        print('  message:', exc.args[0])
    print('  values (names from %s):' % origin)
    for name in names:
        value = lookup(frame, name)
        if value is MISSING:
            continue
        if origin == 'code object' and (callable(value) or type(value).__name__ == 'module'):
            continue
        print('    %s = %s' % (name, describe(value)))


def run_suite(title, namespace):
    print('==', title)
    passed = failed = 0
    for name in sorted(namespace):
        fn = namespace[name]
        if not name.startswith('test_') or not callable(fn):
            continue
        try:
            fn()
        except AssertionError as exc:
            failed += 1
            report(name, exc)
        except Exception as exc:
            failed += 1
            print('ERROR %s: %s' % (name, ''.join(traceback.format_exception_only(exc)).strip()))
        else:
            passed += 1
            print('passed', name)
    print('%d passed, %d failed' % (passed, failed))


SUITE = '''\
LIMIT = 10


class Box:
    def __init__(self, size):
        self.size = size
        self.items = []


def check_sorted(seq):
    for a, b in zip(seq, seq[1:]):
        assert a <= b, "out of order"


def test_arith():
    x = 3
    y = 4
    assert x * x + y * y == 25


def test_compare():
    total = sum([1, 2, 3])
    expected = 7
    assert total == expected


def test_attr():
    box = Box(12)
    assert box.size <= LIMIT, "box too big"


def test_helper():
    data = [1, 5, 3]
    check_sorted(data)


def test_membership():
    words = {"spam": 1, "eggs": 2}
    key = "ham"
    assert key in words or len(words) > 2


def test_error():
    return {}["missing"]


def test_truthy():
    flags = []
    assert not flags
'''

linecache.cache['<suite-with-source>'] = (len(SUITE), None, SUITE.splitlines(True), '<suite-with-source>')
with_source = {'__name__': 'suite_a'}
exec(compile(SUITE, '<suite-with-source>', 'exec'), with_source)
run_suite('suite with source', with_source)

without_source = {'__name__': 'suite_b'}
exec(compile(SUITE, '<suite-without-source>', 'exec'), without_source)
run_suite('suite without source', without_source)

print('== name_chains')
print(name_chains('assert box.size <= LIMIT, "box too big"'))
print(name_chains("assert obj.attr.sub == other['k'] and not flag  # comment x"))
print(name_chains('assert f(a).b == "s\\"q" + c'))
