"""string for pyhop: string constants, capwords and Template.

Implements the constants ascii_letters, ascii_lowercase, ascii_uppercase,
digits, hexdigits, octdigits, punctuation, printable and whitespace; capwords;
and Template (substitute, safe_substitute, get_identifiers, is_valid) with
CPython's placeholder syntax ($$, $name, ${name}) and its error messages.
Template is parsed by hand instead of with re: a subclass may change
`delimiter`, but custom `idpattern`, `braceidpattern`, `flags` or `pattern`
are not supported (identifiers are always ASCII [_a-zA-Z][_a-zA-Z0-9]*).

Left out: Formatter (it needs the _string module).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join([x.capitalize() for x in s.split(sep)])


_id_start = frozenset('_' + ascii_letters)
_id_rest = frozenset('_' + ascii_letters + digits)

# Kinds of placeholder found by _scan.
_ESCAPED, _NAMED, _BRACED, _INVALID = 0, 1, 2, 3


class _Missing:
    pass


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, start, end, name, invalid_pos) for every placeholder,
        start/end delimiting the whole match, as the re-based pattern would."""
        template = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(template)
        pos = 0
        while True:
            i = template.find(delim, pos)
            if i < 0:
                return
            j = i + dl
            if template.startswith(delim, j):
                yield (_ESCAPED, i, j + dl, None, 0)
                pos = j + dl
                continue
            if j < n and template[j] in _id_start:
                k = j + 1
                while k < n and template[k] in _id_rest:
                    k += 1
                yield (_NAMED, i, k, template[j:k], 0)
                pos = k
                continue
            if j < n and template[j] == '{' and j + 1 < n and template[j + 1] in _id_start:
                k = j + 2
                while k < n and template[k] in _id_rest:
                    k += 1
                if k < n and template[k] == '}':
                    yield (_BRACED, i, k + 1, template[j + 1:k], 0)
                    pos = k + 1
                    continue
            yield (_INVALID, i, j, None, j)
            pos = j

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_Missing, /, **kws):
        if mapping is _Missing:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        template = self.template
        out = []
        pos = 0
        for kind, start, end, name, inv in self._scan():
            out.append(template[pos:start])
            pos = end
            if kind == _ESCAPED:
                out.append(self.delimiter)
            elif kind == _INVALID:
                self._invalid(inv)
            else:
                out.append('%s' % (mapping[name],))
        out.append(template[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_Missing, /, **kws):
        if mapping is _Missing:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        template = self.template
        out = []
        pos = 0
        for kind, start, end, name, inv in self._scan():
            out.append(template[pos:start])
            pos = end
            if kind == _ESCAPED:
                out.append(self.delimiter)
            elif kind == _INVALID:
                out.append(template[start:end])
            else:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(template[start:end])
        out.append(template[pos:])
        return ''.join(out)

    def is_valid(self):
        for kind, start, end, name, inv in self._scan():
            if kind == _INVALID:
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name, inv in self._scan():
            if kind == _NAMED or kind == _BRACED:
                if name not in ids:
                    ids.append(name)
        return ids


class _ChainLookup:
    """Look a key up in several mappings in turn (like ChainMap)."""

    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)
