"""_thread for pyhop, which runs Python code on one thread.

Locks are real objects with CPython's non-blocking and timeout semantics; since no
other thread can release a lock, a blocking acquire() of a held lock without a
timeout raises RuntimeError instead of hanging forever, and one with a timeout
waits that long (time.sleep) and answers False. start_new_thread() raises
RuntimeError("can't start new thread"), so threading imports and its locks,
conditions and events work, but Thread.start() fails. get_ident() is 1 for the
one thread; get_native_id() is the process id.
"""
import time as _time

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


class LockType:
    __slots__ = ("_held",)

    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._held:
            self._held = True
            return True
        if not blocking:
            return False
        if timeout == -1:
            raise RuntimeError("deadlock: acquiring a held lock with no other thread to release it")
        _time.sleep(timeout)
        return False

    acquire_lock = acquire

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    release_lock = release

    def locked(self):
        return self._held

    locked_lock = locked

    def _at_fork_reinit(self):
        self._held = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object>" % ("locked" if self._held else "unlocked")


LockType.__module__ = "_thread"
LockType.__qualname__ = LockType.__name__ = "lock"


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _release_save(self):
        state = self._count
        self._count = 0
        return (state, 1)

    def _acquire_restore(self, state):
        self._count = state[0]

    def _at_fork_reinit(self):
        self._count = 0

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


def allocate_lock():
    return LockType()


allocate = allocate_lock


def get_ident():
    return 1


def get_native_id():
    import posix
    return posix.getpid()


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("can't start new thread")


start_new = start_new_thread


def _set_sentinel():
    return LockType()


def _count():
    return 0


def daemon_threads_allowed():
    return True


def stack_size(size=0):
    if size:
        raise error("setting stack size not supported")
    return 0


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit


class _local:
    """Thread-local data: with one thread, a plain namespace."""
