"""json_roundtrip: a pure-Python JSON encoder and recursive-descent decoder round-tripping
a generated document (string building and escaping, dict/list construction, recursion).

usage: json_roundtrip.py [N]   (default 4000 records, encoded and decoded 6 times; the
round trip is checked for any N, the encoded text's checksum for the default N)
"""
import sys
import time

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
           "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
             "r": "\r", "t": "\t"}


def encode_string(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            code = ord(ch)
            if code >= 0x10000:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
    out.append('"')
    return "".join(out)


def encode(value, parts):
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, str):
        parts.append(encode_string(value))
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, float):
        parts.append(repr(value))
    elif isinstance(value, (list, tuple)):
        parts.append("[")
        first = True
        for item in value:
            if not first:
                parts.append(", ")
            first = False
            encode(item, parts)
        parts.append("]")
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for key, item in value.items():
            if not first:
                parts.append(", ")
            first = False
            parts.append(encode_string(key))
            parts.append(": ")
            encode(item, parts)
        parts.append("}")
    else:
        raise TypeError("cannot encode %r" % (value,))


def dumps(value):
    parts = []
    encode(value, parts)
    return "".join(parts)


class Decoder:
    WHITESPACE = " \t\n\r"
    NUMBER_CHARS = "+-0123456789.eE"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, what):
        raise ValueError("%s at offset %d" % (what, self.pos))

    def skip(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in self.WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        ch = self.text[self.pos:self.pos + 1]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "t" and self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if ch == "f" and self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        if ch == "n" and self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if ch and ch in self.NUMBER_CHARS:
            return self.number()
        self.error("unexpected %r" % ch)

    def number(self):
        text = self.text
        start = pos = self.pos
        while pos < len(text) and text[pos] in self.NUMBER_CHARS:
            pos += 1
        self.pos = pos
        literal = text[start:pos]
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)

    def string(self):
        text = self.text
        pos = self.pos + 1
        chunks = []
        while True:
            end = pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            chunks.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                return "".join(chunks)
            esc = text[end + 1]
            if esc == "u":
                code = int(text[end + 2:end + 6], 16)
                pos = end + 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                    low = int(text[pos + 2:pos + 6], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    pos += 6
                chunks.append(chr(code))
            else:
                chunks.append(UNESCAPES[esc])
                pos = end + 2

    def array(self):
        self.pos += 1
        items = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                self.error("expected , or ]")

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            if self.text[self.pos] != '"':
                self.error("expected a key")
            key = self.string()
            self.skip()
            if self.text[self.pos] != ":":
                self.error("expected :")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.error("expected , or }")


def loads(text):
    d = Decoder(text)
    value = d.value()
    d.skip()
    if d.pos != len(text):
        d.error("trailing data")
    return value


WORDS = ["alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "tab\there",
         "line\nbreak", "caf\u00e9", "na\u00efve", "\u20ac100", "smile \U0001F600", "\u65e5\u672c"]


def make_document(n):
    seed = 12345

    def nxt():
        nonlocal seed
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        return seed

    records = []
    for i in range(n):
        tags = [WORDS[nxt() % len(WORDS)] for _ in range(nxt() % 5)]
        records.append({
            "id": i,
            "name": "%s-%d" % (WORDS[nxt() % len(WORDS)], i),
            "score": (nxt() % 100000) / 128.0 - 300.0,
            "ratio": nxt() / 2147483647.0,
            "big": nxt() * 1000003 - 2 ** 40,
            "active": nxt() % 2 == 0,
            "parent": None if i == 0 else nxt() % i,
            "tags": tags,
            "position": {"x": nxt() % 1000 - 500, "y": nxt() % 1000 - 500,
                         "history": [[nxt() % 10, nxt() % 10] for _ in range(3)]},
            "notes": {} if i % 7 else {"empty": [], "nested": {"deep": [{"k": "v"}]}},
        })
    return {"version": 3, "generator": "pyhop json_roundtrip", "records": records,
            "exponents": [1e-7, 2.5e+300, -0.0, 123456789.0]}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    doc = make_document(n)
    t0 = time.perf_counter()
    for _ in range(6):
        text = dumps(doc)
        back = loads(text)
    t1 = time.perf_counter()
    if back != doc or dumps(back) != text:
        raise SystemExit("json_roundtrip: the round trip changed the document")
    digest = 0
    for ch in text:
        digest = (digest * 31 + ord(ch)) & 0xFFFFFFFF
    checksum = "%d/%d" % (len(text), digest)
    if n == 4000:
        expected = "1093104/2111303566"
        if checksum != expected:
            raise SystemExit("json_roundtrip: wrong result %s, expected %s" % (checksum, expected))
        print("json_roundtrip: checked against the known result for the default size", file=sys.stderr)
    print("json_roundtrip n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
