# Every decoder x error handler x final flag on pseudo-random malformed bytes.
import _codecs
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n
ALPHA = b"\\uUxN{}0123456789abcdef\x00\xd8\xdc\xff\xfe\xc3\xe2\x82\xf0\x9f"
fns = ["utf_8_decode", "utf_16_le_decode", "utf_16_be_decode", "utf_16_decode", "utf_32_decode", "utf_32_le_decode",
       "unicode_escape_decode", "raw_unicode_escape_decode", "ascii_decode", "escape_decode", "utf_16_ex_decode"]
out = []
for i in range(20):
    data = bytes(rnd(256) if rnd(10) < 4 else ALPHA[rnd(len(ALPHA))] for _ in range(rnd(10)))
    for f in fns:
        for e in ["strict", "replace", "ignore", "backslashreplace"]:
            for fin in (False, True):
                try:
                    if f == "utf_16_ex_decode":
                        r = _codecs.utf_16_ex_decode(data, e, 0, fin)
                    elif f in ("escape_decode", "ascii_decode"):
                        r = getattr(_codecs, f)(data, e)
                    else:
                        r = getattr(_codecs, f)(data, e, fin)
                    r = ascii(r)
                except Exception as x:
                    r = type(x).__name__ + ": " + str(x)
                print(f, data, e, fin, r)
