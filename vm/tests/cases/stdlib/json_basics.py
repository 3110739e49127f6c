# json: dumps/loads of nested structures, indent, sort_keys, non-ASCII, errors.
import json

doc = {"name": "pyhop", "version": [3, 11], "ratio": 0.25, "big": 12345678901234567890,
       "neg": -7, "ok": True, "none": None, "nested": {"list": [1, [2, [3, {"x": "y"}]]], "empty": {}},
       "text": "tab\there \"quoted\" back\\slash\nnewline", "uni": "héllo €uro 😀"}
s = json.dumps(doc)
print(s)
print(json.loads(s) == doc)
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
print(json.dumps([1, 2, {"a": (3, 4)}], separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent="\t"))
print(json.dumps(1.5), json.dumps(1e100), json.dumps(float("inf")), json.dumps(-0.0), json.dumps("é"))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool", None: "none"}))
print(json.loads('[1, 2.5, -3e2, "a\\u00e9\\ud83d\\ude00", true, false, null, {"k": []}]'))
print(json.loads('{"a": {"b": {"c": [1, 2, 3]}}}')["a"]["b"]["c"])
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads('"\\n\\t\\/"'))
print(json.loads("  [1,\n 2]  "), json.loads('"plain"'), json.loads("123"), json.loads("NaN") != json.loads("NaN"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1.0]', parse_float=str), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))

for bad in ['{"a": 1,}', '[1, 2', '{"a" 1}', "", "[1] x", '"abc', '{"a": tru}', '\n\n  {"a": }', "[01]"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.lineno, e.colno, e.pos)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", str(e).split(":")[0])

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
import io
f = io.StringIO()
json.dump({"k": [1, 2]}, f, indent=1)
print(f.getvalue())
print(json.load(io.StringIO('{"z": [true]}')))
