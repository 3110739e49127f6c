"""io for pyhop: in-memory text and binary streams (pure Python).

Implements StringIO and BytesIO with read, readline, readlines, write,
writelines, seek/tell, truncate, getvalue, close/closed, readable/writable/
seekable, isatty, flush, fileno (UnsupportedOperation), iteration by lines and
the context-manager protocol; BytesIO also has read1 and readinto.  print(...,
file=StringIO()) works (print calls file.write).  Positions are in characters
for StringIO and in bytes for BytesIO; seeking past the end and then writing pads
with NULs.  StringIO allows relative seeks only with offset 0 (seek(0, 1),
seek(0, 2)), like CPython.  Errors use CPython 3.11's exact types and messages,
including its inconsistent final period in "I/O operation on closed file".

StringIO(initial_value='', newline='\n') follows CPython's newline semantics:
'\n' (default) means no translation; None means universal newlines, '\r\n' and
'\r' are translated to '\n' on write; '' means lines end at '\n', '\r' or
'\r\n' but nothing is translated; '\r' and '\r\n' translate '\n' to that
string on write and split lines on it.  The `newlines` attribute reports the
kinds of line ending seen (universal modes only).

BytesIO(initial_bytes=None) accepts bytes, bytearray and any object with a
tobytes() method (array.array, memoryview) wherever CPython wants a bytes-like
object.  Both classes keep an immutable buffer plus a list of pending appends,
so a run of writes at the end costs linear time overall.

Also: SEEK_SET, SEEK_CUR, SEEK_END, DEFAULT_BUFFER_SIZE, UnsupportedOperation
(OSError, ValueError) and IOBase / RawIOBase / BufferedIOBase / TextIOBase as
plain base classes (not ABCs; no registration).

open() is the built-in open() (`vm/lib/_fileio.py`); text_encoding(None) is
'utf-8' (pyhop's locale encoding).

Left out: FileIO, TextIOWrapper, the Buffered* classes,
IncrementalNewlineDecoder, BytesIO.getbuffer (pyhop has no memoryview), the
buffer protocol in general (a pure-Python object is bytes-like only through
tobytes()), pickling (__getstate__/__setstate__), and CPython's "<_io.StringIO
object at ...>" repr (the class lives in module io here).
"""

__all__ = ['BytesIO', 'StringIO', 'IOBase', 'RawIOBase', 'BufferedIOBase',
           'TextIOBase', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'DEFAULT_BUFFER_SIZE', 'open', 'text_encoding']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def _index(v):
    if isinstance(v, int):
        return int(v)
    meth = getattr(type(v), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return meth(v)


def _opt_size(v):
    """None or an integer-like value, as CPython's optional Py_ssize_t converter."""
    if v is None:
        return -1
    if isinstance(v, int):
        return int(v)
    meth = getattr(type(v), '__index__', None)
    if meth is None:
        raise TypeError("argument should be integer or None, not '%s'" % type(v).__name__)
    return meth(v)


def _closed_error(period):
    return ValueError("I/O operation on closed file." if period else
                      "I/O operation on closed file")


class IOBase:
    """The abstract base class for all I/O classes."""

    def __iter__(self):
        if self.closed:
            raise _closed_error(True)
        return self

    def __enter__(self):
        if self.closed:
            raise _closed_error(True)
        return self

    def __exit__(self, *args):
        self.close()

    def isatty(self):
        if self.closed:
            raise _closed_error(True)
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def writelines(self, lines):
        if self.closed:
            raise _closed_error(True)
        for line in lines:
            self.write(line)

    def readlines(self, hint=None):
        hint = _opt_size(hint)
        if self.closed:
            raise _closed_error(True)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""


class BufferedIOBase(IOBase):
    """Base class for buffered IO objects."""

    def detach(self):
        raise UnsupportedOperation("detach")


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def detach(self):
        raise UnsupportedOperation("detach")


# ---------------------------------------------------------------- StringIO

_CR, _LF, _CRLF = 1, 2, 4


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._universal = newline is None or newline == ''
        self._translate = newline is None
        self._writenl = newline if newline and newline[0] == '\r' else None
        self._seen = 0
        self._buf = ''
        self._chunks = []       # pending appends at the end of _buf
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    # -- internals

    def _check(self, period=False):
        if self._closed:
            raise _closed_error(period)

    def _value(self):
        if self._chunks:
            self._chunks.insert(0, self._buf)
            self._buf = ''.join(self._chunks)
            self._chunks = []
        return self._buf

    def _track(self, s):
        if '\r' in s:
            n_crlf = s.count('\r\n')
            if n_crlf:
                self._seen |= _CRLF
            if s.count('\r') > n_crlf:
                self._seen |= _CR
            if s.count('\n') > n_crlf:
                self._seen |= _LF
        elif '\n' in s:
            self._seen |= _LF

    def _write(self, s):
        n = len(s)
        if self._universal:
            self._track(s)
            if self._translate and '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        if self._writenl is not None and '\n' in s:
            s = s.replace('\n', self._writenl)
        if not s:
            return n
        pos = self._pos
        end = pos + len(s)
        if pos == self._size:
            self._chunks.append(s)
        else:
            buf = self._value()
            if pos > self._size:
                self._buf = buf + '\0' * (pos - self._size) + s
            else:
                self._buf = buf[:pos] + s + buf[end:]
        if end > self._size:
            self._size = end
        self._pos = end
        return n

    # -- public API

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        if not self._universal:
            return None
        kinds = []
        if self._seen & _CR:
            kinds.append('\r')
        if self._seen & _LF:
            kinds.append('\n')
        if self._seen & _CRLF:
            kinds.append('\r\n')
        if not kinds:
            return None
        if len(kinds) == 1:
            return kinds[0]
        return tuple(kinds)

    def close(self):
        self._closed = True
        self._buf = ''
        self._chunks = []

    def flush(self):
        pass

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def getvalue(self):
        self._check()
        return self._value()

    def tell(self):
        self._check()
        return self._pos

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return self._write(s)

    def read(self, size=-1):
        size = _opt_size(size)
        self._check()
        buf = self._value()
        pos = self._pos
        if pos >= self._size:
            return ''
        if size < 0:
            end = self._size
        else:
            end = min(self._size, pos + size)
        self._pos = end
        return buf[pos:end]

    def readline(self, size=-1):
        size = _opt_size(size)
        self._check()
        buf = self._value()
        pos = self._pos
        if pos >= self._size:
            return ''
        limit = self._size if size < 0 else min(self._size, pos + size)
        if self._universal:
            i = pos
            end = limit
            while i < limit:
                c = buf[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    if i + 1 < limit and buf[i + 1] == '\n':
                        end = i + 2
                    else:
                        end = i + 1
                    break
                i += 1
        else:
            nl = self._newline
            j = buf.find(nl, pos, limit)
            end = limit if j < 0 else j + len(nl)
        self._pos = end
        return buf[pos:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        pos = _index(pos)
        whence = _index(whence)
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        size = None if pos is None else _opt_size(pos)
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._size:
            self._buf = self._value()[:size]
            self._size = size
        return size


# ---------------------------------------------------------------- BytesIO

def _as_bytes(b):
    if isinstance(b, bytes):
        return b
    if isinstance(b, bytearray):
        return bytes(b)
    if not isinstance(b, str):
        meth = getattr(type(b), 'tobytes', None)
        if meth is not None:
            return meth(b)
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=None):
        self._buf = b''
        self._chunks = []       # pending appends at the end of _buf
        self._size = 0
        self._pos = 0
        self._closed = False
        if initial_bytes is not None:
            self._buf = _as_bytes(initial_bytes)
            self._size = len(self._buf)

    def _check(self):
        if self._closed:
            raise _closed_error(True)

    def _value(self):
        if self._chunks:
            self._chunks.insert(0, self._buf)
            self._buf = b''.join(self._chunks)
            self._chunks = []
        return self._buf

    # The state queries are StringIO's: both keep _closed, _pos and _value().
    closed = StringIO.closed
    readable = StringIO.readable
    writable = StringIO.writable
    seekable = StringIO.seekable
    getvalue = StringIO.getvalue
    tell = StringIO.tell

    def close(self):
        self._closed = True
        self._buf = b''
        self._chunks = []

    def flush(self):
        self._check()

    def __iter__(self):
        return self

    def write(self, b):
        self._check()
        data = _as_bytes(b)
        n = len(data)
        if n == 0:
            return 0
        pos = self._pos
        end = pos + n
        if pos == self._size:
            self._chunks.append(data)
        else:
            buf = self._value()
            if pos > self._size:
                self._buf = buf + bytes(pos - self._size) + data
            else:
                self._buf = buf[:pos] + data + buf[end:]
        if end > self._size:
            self._size = end
        self._pos = end
        return n

    def read(self, size=-1):
        size = _opt_size(size)
        self._check()
        pos = self._pos
        total = self._size
        if pos >= total:
            return b''
        end = total if size < 0 else min(total, pos + size)
        self._pos = end
        return self._value()[pos:end]

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        self._check()
        data = self.read(len(buffer))
        n = len(data)
        # item by item, so that any mutable sequence of ints will do
        for i in range(n):
            buffer[i] = data[i]
        return n

    def readline(self, size=-1):
        size = _opt_size(size)
        self._check()
        buf = self._value()
        pos = self._pos
        total = self._size
        if pos >= total:
            return b''
        limit = total if size < 0 else min(total, pos + size)
        j = buf.find(b'\n', pos, limit)
        end = limit if j < 0 else j + 1
        self._pos = end
        return buf[pos:end]

    def readlines(self, hint=None):
        hint = _opt_size(hint)
        self._check()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        pos = _index(pos)
        whence = _index(whence)
        self._check()
        if pos < 0 and whence == 0:
            raise ValueError("negative seek value %d" % pos)
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self._size
        elif whence != 0:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if pos < 0:
            pos = 0
        self._pos = pos
        return pos

    def truncate(self, size=None):
        size = None if size is None else _opt_size(size)
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < self._size:
            self._buf = self._value()[:size]
            self._size = size
        return size


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    """The built-in open()."""
    import _fileio
    return _fileio.open(file, mode, buffering, encoding, errors, newline, closefd, opener)


def text_encoding(encoding, stacklevel=2):
    """The encoding a text file opened with `encoding` uses: 'utf-8' for None."""
    return "utf-8" if encoding is None else encoding
