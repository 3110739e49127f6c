# Incremental decoders and encoders, fed a byte (or a character) at a time.
import codecs

text = "aé€😀z"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1", "cp1252", "utf-8-sig"]:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = "aéz".encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(bytes([b])) for b in data]
    parts.append(dec.decode(b"", final=True))
    print(enc, parts)
    encr = codecs.getincrementalencoder(enc)()
    out = b"".join(encr.encode(c) for c in data.decode(enc)) + encr.encode("", final=True)
    print(enc, out == data)

dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"ab\xe2\x82")))
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("final:", e)
dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
print(repr(dec.decode(b"ab\xe2\x82")), repr(dec.decode(b"", final=True)))

import io
raw = io.BytesIO("line one\nlíne twö\n".encode("utf-16"))
reader = codecs.getreader("utf-16")(raw)
print(reader.read())
buf = io.BytesIO()
writer = codecs.getwriter("utf-8")(buf)
writer.write("héllo")
print(buf.getvalue())
print(list(codecs.iterdecode([b"\xc3", b"\xa9", b"x"], "utf-8")))
print(list(codecs.iterencode(["a", "é"], "utf-16-le")))
