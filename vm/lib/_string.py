"""_string for pyhop: the format-string parser behind `string.Formatter`.

CPython writes this module in C (Objects/stringlib/unicode_format.h, the parser
`str.format` uses); here it is in Python with the same results and messages, so
the host's own `string.py` runs unmodified.
"""

__all__ = ["formatter_parser", "formatter_field_name_split"]


def formatter_parser(s):
    """Yield (literal_text, field_name, format_spec, conversion) for each piece of
    format string `s`; the last three are None for text without a field after it."""
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'formatter_parser' requires a 'str' object but received a '{type(s).__name__}'")
    return _parse(s)


def _parse(s):
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ""
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = i >= n
        length = i - start
        if markup and c == "}" and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if markup and at_end and c == "{":
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                # An escaped brace: part of the literal, no field follows.
                i += 1
                markup = False
            else:
                length -= 1
        elif markup:
            length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        # A field: its name, up to '!', ':' or '}' (brackets may hold any of them).
        fstart = i
        c = ""
        while i < n:
            c = s[i]
            i += 1
            if c == "{":
                raise ValueError("unexpected '{' in field name")
            if c == "[":
                while i < n and s[i] != "]":
                    i += 1
                c = ""
                continue
            if c in "}:!":
                break
            c = ""
        if c == "":
            raise ValueError("expected '}' before end of string")
        name = s[fstart:i - 1]
        conv = None
        spec = ""
        if c == "!":
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conv = s[i]
            i += 1
            if i >= n:
                raise ValueError("unmatched '{' in format spec")
            c = s[i]
            i += 1
            if c not in ("}", ":"):
                raise ValueError("expected ':' after conversion specifier")
        if c == ":":
            # The format spec, up to the '}' that balances the field's '{'.
            sstart = i
            count = 1
            while i < n:
                c = s[i]
                i += 1
                if c == "{":
                    count += 1
                elif c == "}":
                    count -= 1
                    if count == 0:
                        break
            if count != 0:
                raise ValueError("unmatched '{' in format spec")
            spec = s[sstart:i - 1]
        yield (literal, name, spec, conv)


def _index_or_str(t):
    if t and all("0" <= ch <= "9" for ch in t):
        return int(t)
    return t


def formatter_field_name_split(name):
    """(first, rest): the first part of field name `name` (an int when it is all
    digits) and an iterator of (is_attribute, key) for each `.attr` and `[key]`."""
    if not isinstance(name, str):
        raise TypeError(f"descriptor 'formatter_field_name_split' requires a 'str' object but received a '{type(name).__name__}'")
    n = len(name)
    i = 0
    while i < n and name[i] not in ".[":
        i += 1
    first = _index_or_str(name[:i])
    return first, _rest(name, i)


def _rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == ".":
            start = i
            while i < n and name[i] not in ".[":
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield (True, name[start:i])
        elif c == "[":
            start = i
            while i < n and name[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            if not key:
                # (CPython's message for an empty key too.)
                raise ValueError("Empty attribute in format string")
            i += 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            yield (False, _index_or_str(key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
