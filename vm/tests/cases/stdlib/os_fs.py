# posix file-system calls through os / os.path: directories, stat, links, scandir.
import os
import stat

base = "/tmp/pyhop-case-%d" % os.getpid()
os.mkdir(base)
try:
    d = os.path.join(base, "d")
    os.mkdir(d, 0o755)
    print(os.path.isdir(d), os.path.exists(d), os.path.isfile(d))
    f = os.path.join(d, "a.txt")
    fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b"hello world\n"))
    os.close(fd)
    st = os.stat(f)
    print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), st.st_size, st[6], len(st))
    print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
    print(st.st_mtime_ns // 10**9 == st[stat.ST_MTIME], stat.S_IMODE(st.st_mode) & 0o700 == 0o600 or stat.S_IMODE(st.st_mode))
    print(os.stat(d).st_nlink >= 2, stat.S_ISDIR(os.lstat(d).st_mode))
    print(repr(os.stat_result)[:30], os.stat_result.n_sequence_fields, os.stat_result.n_fields)
    os.utime(f, ns=(1_000_000_000_123, 2_000_000_000_456))
    st = os.stat(f)
    print(st.st_atime_ns, st.st_mtime_ns, st[7], st[8], st.st_mtime)
    os.utime(f, (5, 6.5))
    print(os.stat(f).st_mtime, os.path.getmtime(f), os.path.getsize(f))
    os.chmod(f, 0o600)
    print(oct(stat.S_IMODE(os.stat(f).st_mode)))
    print(os.access(f, os.R_OK), os.access(os.path.join(d, "nope"), os.F_OK))
    # links
    ln = os.path.join(d, "link")
    os.symlink("a.txt", ln)
    print(os.readlink(ln), os.path.islink(ln), os.path.islink(f), stat.S_ISLNK(os.lstat(ln).st_mode))
    print(os.stat(ln).st_size, os.stat(ln, follow_symlinks=False).st_size == os.lstat(ln).st_size)
    os.link(f, os.path.join(d, "hard"))
    print(os.stat(f).st_nlink)
    # bytes paths give bytes results
    print(sorted(os.listdir(os.fsencode(d))))
    print(os.readlink(os.fsencode(ln)))
    # rename / replace
    os.rename(os.path.join(d, "hard"), os.path.join(d, "hard2"))
    os.replace(os.path.join(d, "hard2"), os.path.join(d, "hard3"))
    print(sorted(os.listdir(d)))
    os.mkdir(os.path.join(d, "sub"))
    with open(os.path.join(d, "sub", "x.py"), "w") as fh:
        fh.write("x = 1\n")
    with os.scandir(d) as it:
        for e in sorted(it, key=lambda e: e.name):
            print(e.name, e.path == os.path.join(d, e.name), e.is_dir(), e.is_file(), e.is_symlink(),
                  e.is_file(follow_symlinks=False), e.stat().st_size if e.is_file() else "-",
                  e.inode() == os.stat(e.path, follow_symlinks=False).st_ino, os.fspath(e) == e.path, repr(e))
    for root, dirs, files in os.walk(d):
        dirs.sort()
        print(os.path.relpath(root, base), sorted(dirs), sorted(files))
    # truncate
    os.truncate(f, 5)
    with open(f, "rb") as fh:
        print(fh.read())
    # cwd
    old = os.getcwd()
    os.chdir(d)
    print(os.getcwd() == os.path.realpath(d), os.path.abspath("sub") == os.path.join(os.path.realpath(d), "sub"))
    print(os.path.realpath("link") == os.path.realpath("a.txt"), type(os.getcwdb()).__name__)
    os.chdir(old)
    # makedirs / removedirs
    os.makedirs(os.path.join(base, "m", "n", "o"))
    os.makedirs(os.path.join(base, "m", "n"), exist_ok=True)
    print(os.path.isdir(os.path.join(base, "m", "n", "o")))
    os.removedirs(os.path.join(base, "m", "n", "o"))
    print(os.path.exists(os.path.join(base, "m")))
    # remove everything
    for root, dirs, files in os.walk(base, topdown=False):
        for n in files:
            os.unlink(os.path.join(root, n))
        for n in dirs:
            p = os.path.join(root, n)
            if os.path.islink(p):
                os.remove(p)
            else:
                os.rmdir(p)
    print(os.listdir(base))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for n in files + dirs:
            p = os.path.join(root, n)
            if os.path.isdir(p) and not os.path.islink(p):
                os.rmdir(p)
            else:
                os.unlink(p)
    os.rmdir(base)
print(os.path.exists(base))
