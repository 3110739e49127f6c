# threading's locks, events and conditions on one thread (pyhop's _thread).
import threading
import _thread

l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
print(l.locked())
with l:
    print("held", l.locked())
r = threading.RLock()
with r:
    with r:
        print("reentrant")
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.wait(1))
c = threading.Condition()
with c:
    print(c.wait(0.01))
    c.notify_all()
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.get_ident() == _thread.get_ident(), threading.active_count())
try:
    _thread.allocate_lock().release()
except RuntimeError as ex:
    print("RuntimeError", ex)
