import sys as _sys
class _CaseOut:
    """Print the case file's path as its base name: the output must not depend on
    where the checkout lives."""
    def write(self, s):
        return _sys.__stdout__.write(s.replace(__file__, __file__.rsplit("/", 1)[-1]))
    def flush(self):
        _sys.__stdout__.flush()
_sys.stdout = _CaseOut()
import traceback, sys
def g():
    yield 1
    yield 2
it = g()
next(it)
try:
    it.throw(ValueError("x"))
except ValueError:
    traceback.print_exc(file=sys.stdout)
    tb = sys.exc_info()[2]
    while tb:
        print(tb.tb_frame is not None, tb.tb_lineno)
        tb = tb.tb_next
def h():
    try:
        yield 1
    except KeyError:
        raise IndexError("again")
it = h()
next(it)
try:
    it.throw(KeyError("k"))
except IndexError:
    traceback.print_exc(file=sys.stdout)
    print([t.name for t in traceback.extract_tb(sys.exc_info()[2])])
