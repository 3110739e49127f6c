# Custom exception classes: hierarchy, attributes, str/repr, args
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: %s" % key)
        self.key = key
class WithStr(Exception):
    def __str__(self):
        return "custom str"
class Detailed(ValueError):
    def __init__(self, code, msg):
        self.code = code
        self.msg = msg
        super().__init__(code, msg)
def lookup(k):
    raise NotFound(k)
try:
    lookup("x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e), isinstance(e, Exception))
try:
    raise WithStr("ignored")
except WithStr as e:
    print(str(e), repr(e), e.args)
try:
    raise Detailed(404, "missing")
except ValueError as e:
    print(e, e.code, e.msg, repr(e))
for exc in (Exception(), Exception("one"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError(1, 2)):
    print(repr(exc), "|" + str(exc) + "|", exc.args)
print(issubclass(NotFound, AppError), issubclass(AppError, BaseException), NotFound.__mro__[1].__name__)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
print(issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(UnboundLocalError, NameError), issubclass(IndentationError, SyntaxError), issubclass(ModuleNotFoundError, ImportError))
try:
    raise AppError
except AppError as e:
    print("class raised", repr(e))
class Flaky(Exception):
    count = 0
    def __init__(self):
        Flaky.count += 1
        super().__init__("attempt %d" % Flaky.count)
for _ in range(3):
    try:
        raise Flaky()
    except Flaky as e:
        last = e
print(last, Flaky.count)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise NotFound("inner")
    except KeyError:
        print("wrong handler")
except AppError as e:
    print("reached outer", e)
e = ValueError("attr")
e.extra = [1, 2]
print(e.extra, e.with_traceback(None) is e)
