# A tiny "line debugger" as users write them without sys.settrace: explicit
# checkpoints that look at the caller's frame with sys._getframe, walk f_back,
# and dump each frame's f_locals; watchpoints diff snapshots of f_locals between
# checkpoints; a post-mortem helper walks a traceback to the failing frame.
import sys

BREAKS = {}          # function name -> set of labels to stop at (None: all)
LOG = []
_last_seen = {}      # id of code -> previous locals snapshot (per function)


def _short(value, limit=40):
    text = repr(value)
    if len(text) > limit:
        text = text[:limit - 3] + '...'
    return text


def _basename(path):
    return path.replace('\\', '/').rsplit('/', 1)[-1]


def where(frame):
    code = frame.f_code
    return '%s:%d %s (+%d)' % (_basename(code.co_filename), frame.f_lineno, code.co_qualname,
                               frame.f_lineno - code.co_firstlineno)


def dump_stack(frame, depth_limit=None, skip_module=True):
    """Print every frame from `frame` outwards, with its locals."""
    depth = 0
    while frame is not None:
        if skip_module and frame.f_code.co_name == '<module>':
            print('  #%d %s [module level, %d globals]' % (
                depth, where(frame), len([k for k in frame.f_globals if not k.startswith('__')])))
        else:
            print('  #%d %s' % (depth, where(frame)))
            for name, value in sorted(frame.f_locals.items()):
                print('      %s = %s' % (name, _short(value)))
        depth += 1
        if depth_limit is not None and depth >= depth_limit:
            print('  ...')
            break
        frame = frame.f_back


def checkpoint(label=None):
    """Stop here if a breakpoint matches the caller; print the stack."""
    frame = sys._getframe(1)
    name = frame.f_code.co_name
    wanted = BREAKS.get(name, ())
    if wanted is None or label in wanted:
        print('break at %s label=%r' % (where(frame), label))
        dump_stack(frame)
        LOG.append((name, label, frame.f_lineno))


def watch(*names):
    """Report which of the caller's variables changed since the previous
    watch() call in the same function."""
    frame = sys._getframe(1)
    key = frame.f_code.co_qualname
    now = {n: frame.f_locals.get(n, '<unbound>') for n in names}
    before = _last_seen.get(key)
    _last_seen[key] = dict(now)
    if before is None:
        print('watch %s start %s' % (key, sorted(now.items())))
        return
    changes = ['%s: %s -> %s' % (n, _short(before.get(n, '<unbound>')), _short(now[n]))
               for n in names if before.get(n, '<unbound>') != now[n]]
    print('watch %s line %d: %s' % (key, frame.f_lineno, '; '.join(changes) or 'no change'))


def post_mortem(exc):
    """Walk a traceback to the frame that raised and dump it."""
    tb = exc.__traceback__
    chain = []
    while tb.tb_next is not None:
        chain.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    chain.append(tb.tb_frame.f_code.co_name)
    print('post-mortem %s: %s' % (type(exc).__name__, exc))
    print('  path:', ' -> '.join(chain))
    print('  raised at line', tb.tb_lineno, 'of', tb.tb_frame.f_code.co_name)
    dump_stack(tb.tb_frame, depth_limit=2)


# ---------------------------------------------------------------- the program

def partition(items, pivot):
    low, high = [], []
    for item in items:
        if item < pivot:
            low.append(item)
        else:
            high.append(item)
        checkpoint('loop')
    checkpoint('done')
    return low, high


def quicksort(items, depth=0):
    if len(items) <= 1:
        return list(items)
    pivot = items[0]
    low, high = partition(items[1:], pivot)
    if depth == 1:
        checkpoint('deep')
    return quicksort(low, depth + 1) + [pivot] + quicksort(high, depth + 1)


BREAKS['partition'] = {'done'}
BREAKS['quicksort'] = None
print(quicksort([5, 3, 8, 1]))
print('log:', LOG)


def accumulate(values):
    total = 0
    count = 0
    watch('total', 'count')
    for v in values:
        total += v
        count += 1
        watch('total', 'count')
    label = 'avg'
    watch('total', 'count', 'label')
    return total / count


print(accumulate([4, 6]))


def make_counter():
    hits = 0
    def bump(step):
        nonlocal hits
        hits += step
        checkpoint()
        return hits
    return bump


BREAKS['bump'] = None
counter = make_counter()
counter(2)
counter(3)


def stepping_gen(limit):
    n = 0
    while n < limit:
        checkpoint('yield')
        yield n
        n += 1


BREAKS['stepping_gen'] = {'yield'}
for value in stepping_gen(2):
    print('got', value)


def snapshot_is_a_copy():
    x = 1
    snap = sys._getframe().f_locals
    snap['x'] = 99
    return x


print('snapshot copy:', snapshot_is_a_copy())


def divide(a, b):
    ratio = a / b
    return ratio


def run_ratios(pairs):
    results = []
    for a, b in pairs:
        results.append(divide(a, b))
    return results


try:
    run_ratios([(6, 3), (1, 0)])
except ZeroDivisionError as exc:
    post_mortem(exc)

depths = []


def measure(n):
    frame = sys._getframe()
    d = 0
    while frame.f_back is not None:
        d += 1
        frame = frame.f_back
    depths.append(d)
    if n:
        measure(n - 1)


measure(3)
print('depths:', depths)
print('caller of lambda:', (lambda: sys._getframe(1).f_code.co_name)())
try:
    sys._getframe(500)
except ValueError as e:
    print('ValueError', e)
