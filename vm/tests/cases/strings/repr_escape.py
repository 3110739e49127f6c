# repr() of strings: quote choice and escapes
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\r",
         "back\\slash", "nul\x00", "bell\x07", "del\x7f", "\x80\x9f", "caf\u00e9", "\u20ac",
         "\U0001F600", "\u200b", "\ud800", "\xa0nbsp", "\x1b[0m", ""]
for t in tests:
    print(repr(t), len(t))
print(ascii("caf\u00e9 \u20ac \U0001F600"), ascii("plain"))
print(repr(b"bytes\x00\xff'"), repr(b'"'), repr(bytearray(b"ab")))
print(str(["a", 'b"', "c'"]), str(("x",)), str({"k": "v\n"}))
print("a\
b", 'single \'quoted\'', "\101\x42\u0043", r"\n\t")
print(repr("\\n"), len("\\n"), repr('\'"'))
