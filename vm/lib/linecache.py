"""linecache for pyhop: random access to the lines of source files.

Implements cache (filename -> (size, mtime, lines, fullname), or a one-tuple
(get_lines,) for a lazy entry), getline, getlines, clearcache, updatecache,
checkcache and lazycache.  Entries may be put into `cache` by hand, as CPython
code does for generated source (use mtime None so checkcache keeps them);
getline / getlines then serve them.

Files are read with open() when the VM provides it (relative names are also
tried below each sys.path entry); when open() fails, as it does while pyhop has
no file I/O, getlines returns [] and nothing is cached.  Lazy entries come from
a __loader__ / __spec__.loader with get_source() in the module globals, which
pyhop's own modules do not have, so lazycache normally returns False.

Left out: checkcache cannot stat files (there is no os module), so it only
skips entries and never invalidates one; size is the length of the text read
and mtime is None.  Source encoding declarations are not honoured (files are
read as UTF-8).
"""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]


# The cache.  Maps filenames to either a thunk which will provide source code,
# or a tuple (size, mtime, lines, fullname) once loaded.
cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date.

    pyhop cannot stat files, so no entry is ever found out of date: this
    only validates the argument, like CPython does.
    """
    if filename is None:
        return
    if filename in cache:
        return


def _read(fullname):
    f = open(fullname, encoding='utf-8')
    try:
        return f.read()
    finally:
        f.close()


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines.
    If something's wrong, discard the cache entry and return an empty list."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []

    fullname = filename
    try:
        data = _read(fullname)
    except (OSError, UnicodeDecodeError):
        data = None
    if data is None:
        # A lazy loader-based lookup, if there is one.
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                cache[filename] = (
                    len(data),
                    None,
                    [line + '\n' for line in data.splitlines()],
                    fullname
                )
                return cache[filename][2]
        # Try the module search path, only useful for a relative filename.
        if filename.startswith('/'):
            return []
        for dirname in sys.path:
            if not isinstance(dirname, str) or not dirname:
                continue
            fullname = dirname.rstrip('/') + '/' + filename
            try:
                data = _read(fullname)
                break
            except (OSError, UnicodeDecodeError):
                pass
        else:
            return []
    lines = data.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = len(data), None, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals.

    The module loader will be asked for the source only when getlines is
    called.  Returns True if a lazy load is registered in the cache: that
    needs a loader with get_source in module_globals, a cacheable filename
    and no existing entry.
    """
    if filename in cache:
        if len(cache[filename]) == 1:
            return True
        else:
            return False
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        name = module_globals['__name__']
        loader = module_globals.get('__loader__')
        if loader is None:
            spec = module_globals.get('__spec__')
            if spec:
                loader = getattr(spec, 'loader', None)
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            def get_lines(name=name, get_source=get_source):
                return get_source(name)
            cache[filename] = (get_lines,)
            return True
    return False
