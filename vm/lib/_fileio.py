"""_fileio: the builtin open() for pyhop.

Files are read whole when opened and written whole when flushed or closed, through the
native `_fileio_native` module; the file objects are `io.StringIO` / `io.BytesIO`
subclasses, so they have the whole in-memory file API (read, readline, readlines,
iteration, write, writelines, seek, tell, truncate, context manager).

Modes: 'r', 'w', 'a', 'x', each with 'b' (binary) or 't' (text, the default), and '+'.
Text files are UTF-8 (the `encoding` argument accepts 'utf-8', 'utf8', 'ascii' and
'latin-1'); `newline` as in io.StringIO; universal newlines on reading text.
Left out: file descriptors as `file`, buffering control, `opener`, `fileno()`, and
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
            _fileio_native.write_bytes(self.name, data, "w")
            self._dirty = False

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


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, str):
        if hasattr(file, "__fspath__"):
            file = file.__fspath__()
        else:
            raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    kind, binary, plus = _check_mode(mode)
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
    if kind == "x":
        _fileio_native.write_bytes(file, b"", "x")
    elif kind == "w":
        _fileio_native.write_bytes(file, b"", "w")
    if binary:
        return BufferedFile(file, mode, kind, plus, data)
    enc = _codec(encoding)
    text = data.decode(enc, errors or "strict")
    return TextIOWrapper(file, mode, kind, plus, enc, newline, text)
