# atexit: functions run after the last statement, last registered first, with
# their arguments; register returns the function (decorator use); unregister
# removes every registration of a function; an exception escaping one is
# reported on stderr and the others still run (exit status 0); the run covers
# the functions registered when it starts: one registered by an exit function
# is never called, one unregistered by an exit function before its turn is
# skipped.
import atexit


def say(*args, **kwargs):
    print("exit:", args, sorted(kwargs.items()))


atexit.register(say, "registered first")
atexit.register(say, "with kwargs", a=1, b=2)


@atexit.register
def decorated():
    print("exit: decorated, no arguments")


print("register returns the function:", atexit.register(say, "returned") is say)


def removed():
    print("never: unregistered")


atexit.register(removed)
atexit.register(removed, "twice")
atexit.unregister(removed)
atexit.unregister(removed)
atexit.unregister(print)


def fails():
    raise ValueError("from an exit function")


atexit.register(fails)


def registers_more():
    print("exit: registering another during exit")
    atexit.register(say, "never: registered during exit")


def skipped():
    print("never: unregistered during exit")


atexit.register(skipped)


def unregisters():
    print("exit: unregistering a pending function")
    atexit.unregister(skipped)


atexit.register(registers_more)
atexit.register(unregisters)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
print("last statement")
