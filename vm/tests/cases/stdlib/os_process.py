# posix file descriptors, environment and processes: pipe, dup, lseek, environ, fork, system.
import os
import sys

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
print(os.write(w, b"through the pipe"))
print(os.read(r, 7), os.read(r, 100))
w2 = os.dup(w)
os.write(w2, b"dup")
os.close(w2)
print(os.read(r, 10))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)
os.close(w)
print(os.read(r, 10))
os.close(r)
print(os.isatty(r) if False else "closed")

# lseek on a file
path = "/tmp/pyhop-case-%d.bin" % os.getpid()
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b"0123456789")
print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -1, os.SEEK_END))
os.ftruncate(fd, 4)
os.fsync(fd)
print(os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
os.unlink(path)

# environment
os.environ["PYHOP_CASE_VAR"] = "value-1"
print(os.environ["PYHOP_CASE_VAR"], os.getenv("PYHOP_CASE_VAR"), os.environb[b"PYHOP_CASE_VAR"])
print("PYHOP_CASE_VAR" in os.environ, os.environ.get("PYHOP_CASE_MISSING", "dflt"))
print(os.system("exit $(( ${#PYHOP_CASE_VAR} ))") >> 8)
del os.environ["PYHOP_CASE_VAR"]
print("PYHOP_CASE_VAR" in os.environ, os.getenv("PYHOP_CASE_VAR"))
print(os.system('test -z "$PYHOP_CASE_VAR"'))
print(type(os.environ).__name__, type(os.environ.copy()).__name__)

# system
st = os.system("exit 3")
print(st, os.waitstatus_to_exitcode(st), os.WIFEXITED(st), os.WEXITSTATUS(st))
sys.stdout.flush()
print(os.system("echo from the shell"))

# fork / waitpid
print("before fork")
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"child says hi")
    os._exit(7)
os.close(w)
msg = os.read(r, 100)
os.close(r)
got, status = os.waitpid(pid, 0)
print(got == pid, msg, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
print(os.waitpid(-1, os.WNOHANG) if False else "done")
