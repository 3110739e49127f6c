# os.path (posixpath) on top of posix.
import os
import os.path as p

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == "\n", os.devnull, os.extsep)
print(p.join("a", "b", "c"), p.join("/a", "/b"), p.join("a/", "b"))
print(p.split("/a/b/c.txt"), p.splitext("x/y.tar.gz"), p.basename("/a/b"), p.dirname("/a/b"))
print(p.normpath("/a//b/./c/../d"), p.isabs("/x"), p.isabs("x"))
print(p.commonpath(["/usr/lib", "/usr/local/lib"]), p.commonprefix(["abc", "abd"]))
print(p.relpath("/a/b/c", "/a"), p.expanduser("~") == os.environ["HOME"])
print(p.exists("/"), p.isdir("/"), p.isfile("/"), p.exists("/definitely/not/here"))
print(p.join(b"a", b"b"), p.splitext(b"f.py"), p.normcase("AbC"))
print(os.fspath("x"), os.fspath(b"y"), os.fsencode("z"), os.fsdecode(b"w"))


class P:
    def __fspath__(self):
        return "/tmp"


print(os.fspath(P()), p.isdir(P()), p.join(P(), "q"))
print(p.expandvars("no variables") == "no variables", p.ismount("/"))
print(type(os.cpu_count()).__name__, len(os.urandom(7)))
print(os.uname().sysname, type(os.uname()).__name__, os.getpid() > 0, os.getppid() > 0)
print(type(os.getuid()).__name__, os.umask(0o22) >= 0, os.strerror(2))
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
t = os.times()
print(type(t).__name__, len(t), t.elapsed >= 0)
print(os.supports_follow_symlinks is not None, os.stat in os.supports_dir_fd, os.stat in os.supports_fd)
