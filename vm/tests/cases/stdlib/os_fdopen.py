# Files over file descriptors: os.fdopen, open(fd), open(..., opener=...), closefd.
import os

path = "/tmp/pyhop-case-%d.txt" % os.getpid()
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(fd, "w") as f:
    print(f.fileno() == fd, f.name == fd, f.mode)
    f.write("line one\nline two\n")
try:
    os.fstat(fd)
except OSError as e:
    print("closed:", e)
fd = os.open(path, os.O_RDONLY)
f = open(fd, closefd=False)
print(f.readlines())
f.close()
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 4))
os.close(fd)


def opener(p, flags):
    print("opener flags ok:", flags & os.O_ACCMODE == os.O_WRONLY, bool(flags & os.O_APPEND))
    return os.open(p, flags, 0o600)


with open(path, "a", opener=opener) as f:
    print(f.name == path)
    f.write("line three\n")
with open(path, "rb") as f:
    print(f.read())
fd = os.open(path, os.O_RDONLY)
with os.fdopen(fd, "rb") as f:
    print(f.read(4), f.fileno() == fd)
os.unlink(path)
print(os.path.exists(path))
