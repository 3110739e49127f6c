# OSError subclasses and messages from posix, and OSError's own constructor.
import errno
import os


def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, "|", e, "|", e.args, getattr(e, "errno", None), getattr(e, "filename", None),
              getattr(e, "filename2", None))


show(lambda: os.stat("no-such-file"))
show(lambda: os.stat(b"no-such-file"))
show(lambda: os.lstat("no/such"))
show(lambda: os.listdir("no-such-dir"))
show(lambda: os.scandir("no-such-dir"))
show(lambda: os.rename("no-such", "other"))
show(lambda: os.open("no-such", os.O_RDONLY))
show(lambda: os.mkdir("/"))
show(lambda: os.rmdir("/etc/passwd"))
show(lambda: os.unlink("/"))
show(lambda: os.chdir("no-such-dir"))
show(lambda: os.read(999, 1))
show(lambda: os.close(999))
show(lambda: os.stat(999))
show(lambda: os.readlink("/etc/passwd"))
show(lambda: os.waitpid(-1, 0))
show(lambda: os.kill(2**22 + 12345, 0))
show(lambda: os.stat([]))
show(lambda: os.mkdir(1.5))
show(lambda: os.listdir([]))
show(lambda: os.fspath(1))
show(lambda: os.stat("a\0b"))
show(lambda: os.write(1, "text"))
show(lambda: os.close("x"))
show(lambda: os.stat(".", foo=1))
show(lambda: os.rename("a", "b", "c"))
show(lambda: os.putenv("a=b", "c"))
show(lambda: os.environ["PYHOP_NO_SUCH_VARIABLE"])
show(lambda: os.getenv(1))
# the constructor
for args in [(2, "x"), (2, "x", "f"), (13, "denied", "f", None, "g"), (17, "e"), (9, "b"), ("a",), (), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, "|", e, "|", e.args, e.errno, e.strerror, e.filename, e.filename2)
print(type(FileNotFoundError(17, "x")).__name__, OSError is EnvironmentError, OSError is IOError, os.error is OSError)


class MyErr(OSError):
    pass


m = MyErr(2, "custom", "file")
print(type(m).__name__, m, m.args, m.errno, m.filename)
try:
    raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), "zz")
except FileNotFoundError as e:
    print("caught", e)
e = OSError(2, "x")
e.filename = "late"
print(e)
print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.EWOULDBLOCK == errno.EAGAIN, len(errno.errorcode) > 100)
