# weakref.finalize at interpreter exit: the finalizers still alive whose atexit
# flag is true run after the program's last statement, newest first, through
# atexit (so relative to other atexit functions they run at the point where the
# first finalizer was created); atexit=False, detached, already-called and
# already-dead finalizers do not run; a finalizer created by another one at
# exit still runs; an exception in one is reported on stderr and the others
# still run; the exit status stays 0.
import atexit
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


def say(*args):
    print("at exit:", *args)


atexit.register(say, "atexit function registered first")

keep = [Obj(str(i)) for i in range(6)]
f0 = weakref.finalize(keep[0], say, "finalizer 0")
f1 = weakref.finalize(keep[1], say, "finalizer 1 (atexit=False)")
f1.atexit = False
f2 = weakref.finalize(keep[2], say, "finalizer 2 (detached)")
f2.detach()
f3 = weakref.finalize(keep[3], say, "finalizer 3 (called early)")
f3()
tmp = Obj("tmp")
weakref.finalize(tmp, say, "finalizer of tmp, at its death")
del tmp


def spawn():
    say("finalizer 4 creates another")
    weakref.finalize(keep[5], say, "finalizer created during exit")


weakref.finalize(keep[4], spawn)


def boom():
    raise RuntimeError("finalizer failed at exit")


weakref.finalize(keep[0], boom)
weakref.finalize(keep[0], say, "finalizer 6, newest")
atexit.register(say, "atexit function registered last")
print("last statement")
