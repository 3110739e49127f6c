"""_fileio: the builtin open() for pyhop.

Files are read whole when opened and written whole when flushed or closed, through the
native `_fileio_native` module; the file objects are `io.StringIO` / `io.BytesIO`
subclasses, so they have the whole in-memory file API (read, readline, readlines,
iteration, write, writelines, seek, tell, truncate, context manager).

Modes: 'r', 'w', 'a', 'x', each with 'b' (binary) or 't' (text, the default), and '+'.
Text files are UTF-8 (the `encoding` argument accepts 'utf-8', 'utf8', 'ascii' and
'latin-1'); `newline` as in io.StringIO; universal newlines on reading text.
A file descriptor as `file` (`os.fdopen`, `tempfile`) is read and written through
`/proc/self/fd/N` (so it must name a file Linux can reopen: a regular file or a
pipe); `fileno()` gives it back and `close()` closes it unless `closefd=False`.
`opener(path, flags)` gives the fd the same way.
Left out: buffering control, `fileno()` of a file opened by name, and
reading a file while another process appends to it (the content is read at open()).
"""
import io
import _fileio_native


def _check_mode(mode):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    kinds = [c for c in mode if c in "rwax"]
    if any(c not in "rwaxbt+" for c in mode) or len(set(mode)) != len(mode):
        raise ValueError("invalid mode: '%s'" % mode)
    if len(kinds) != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if "b" in mode and "t" in mode:
        raise ValueError("can't have text and binary mode at once")
    return kinds[0], "b" in mode, "+" in mode


def _codec(encoding):
    enc = (encoding or "utf-8").lower().replace("_", "-")
    if enc in ("utf-8", "utf8"):
        return "utf-8"
    if enc in ("ascii", "us-ascii"):
        return "ascii"
    if enc in ("latin-1", "latin1", "iso-8859-1"):
        return "latin-1"
    raise LookupError("unknown encoding: %s" % encoding)


class _FileMixin:
    def _setup(self, name, mode, kind, plus):
        self.name = name
        self._fd = None
        self._closefd = True
        self._path = name
        self.mode = mode
        self._kind = kind
        self._plus = plus
        self._dirty = False

    def readable(self):
        return self._kind == "r" or self._plus

    def writable(self):
        return self._kind != "r" or self._plus

    def _check_readable(self):
        if not self.readable():
            raise io.UnsupportedOperation("not readable")

    def _check_writable(self):
        if not self.writable():
            raise io.UnsupportedOperation("not writable")

    def _persist(self, data):
        if self._dirty:
            _fileio_native.write_bytes(self._path, data, "w")
            self._dirty = False

    def fileno(self):
        if self._fd is None:
            raise io.UnsupportedOperation("fileno")
        return self._fd

    def _close_fd(self):
        if self._fd is not None and self._closefd:
            fd, self._fd = self._fd, None
            import posix
            posix.close(fd)

    def __repr__(self):
        return "<_io.%s name=%r mode=%r>" % (type(self).__name__, self.name, self.mode)


class TextIOWrapper(_FileMixin, io.StringIO):
    """A text file opened by open()."""

    def __init__(self, name, mode, kind, plus, encoding, newline, text):
        io.StringIO.__init__(self, text, None if newline is None else newline)
        self._setup(name, mode, kind, plus)
        self._encoding = encoding
        if kind == "a":
            self.seek(0, 2)

    @property
    def encoding(self):
        return self._encoding

    def read(self, size=-1):
        self._check_readable()
        return io.StringIO.read(self, size)

    def readline(self, size=-1):
        self._check_readable()
        return io.StringIO.readline(self, size)

    def write(self, s):
        self._check_writable()
        n = io.StringIO.write(self, s)
        self._dirty = True
        return n

    def flush(self):
        if not self.closed:
            self._persist(self.getvalue().encode(self._encoding))

    def close(self):
        if not self.closed:
            self.flush()
            io.StringIO.close(self)
            self._close_fd()


class BufferedFile(_FileMixin, io.BytesIO):
    """A binary file opened by open()."""

    def __init__(self, name, mode, kind, plus, data):
        io.BytesIO.__init__(self, data)
        self._setup(name, mode, kind, plus)
        if kind == "a":
            self.seek(0, 2)

    def read(self, size=-1):
        self._check_readable()
        return io.BytesIO.read(self, size)

    def write(self, b):
        self._check_writable()
        n = io.BytesIO.write(self, b)
        self._dirty = True
        return n

    def flush(self):
        if not self.closed:
            self._persist(self.getvalue())

    def close(self):
        if not self.closed:
            self.flush()
            io.BytesIO.close(self)
            self._close_fd()


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    fd = None
    if isinstance(file, int) and not isinstance(file, bool):
        if file < 0:
            raise ValueError("negative file descriptor")
        fd = file
        file = "/proc/self/fd/%d" % fd
    elif not isinstance(file, str):
        if hasattr(file, "__fspath__"):
            file = file.__fspath__()
        else:
            raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    kind, binary, plus = _check_mode(mode)
    path_name = None
    if opener is not None and fd is None:
        import posix
        flags = {"r": 0, "w": posix.O_CREAT | posix.O_TRUNC, "a": posix.O_CREAT | posix.O_APPEND,
                 "x": posix.O_CREAT | posix.O_EXCL}[kind]
        flags |= posix.O_RDWR if plus else (posix.O_RDONLY if kind == "r" else posix.O_WRONLY)
        fd = opener(file, flags | posix.O_CLOEXEC)
        if not isinstance(fd, int) or fd < 0:
            raise ValueError("opener returned %d" % fd)
        path_name = file
        file = "/proc/self/fd/%d" % fd
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if kind in ("r", "a") or plus:
        try:
            data = _fileio_native.read_bytes(file)
        except FileNotFoundError:
            if kind == "r":
                raise
            data = b""
    else:
        data = b""
    if fd is not None:
        pass
    elif kind == "x":
        _fileio_native.write_bytes(file, b"", "x")
    elif kind == "w":
        _fileio_native.write_bytes(file, b"", "w")
    name = file if fd is None else (fd if path_name is None else path_name)
    if binary:
        f = BufferedFile(name, mode, kind, plus, data)
    else:
        enc = _codec(encoding)
        text = data.decode(enc, errors or "strict")
        f = TextIOWrapper(name, mode, kind, plus, enc, newline, text)
    if fd is not None:
        f._fd = fd
        f._closefd = bool(closefd)
        f._path = file
    return f
