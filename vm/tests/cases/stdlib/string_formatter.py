# string.Formatter from the host's string.py over vm/lib/_string.py.
import string
import _string

f = string.Formatter()
print(f.format("{0}-{1}-{0}", "a", "b"))
print(f.format("{name!r:>8}|{x.real}|{d[k]}|{l[1]}", name="n", x=3, d={"k": 5}, l=[7, 8]))
print(f.format("{:{w}.{p}f}", 3.14159, w=10, p=2))
print(f.vformat("{} {}", (1, 2), {}))
print(list(_string.formatter_parser("a{{b}}c{0!s:>{w}}d{}")))
first, rest = _string.formatter_field_name_split("obj.attr[3][key].x")
print(first, list(rest))
print(_string.formatter_field_name_split("12")[0] + 1)


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} {missing} {x:x}", "abc", x=255))
for bad in ["{", "}", "{0", "{0!}", "{0!x", "{0!rx}", "{a[}", "{0:{", "{[]}", "{a.}"]:
    try:
        print(repr(bad), f.format(bad, 1, a=1))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    f.format("{} {0}", 1)
except ValueError as e:
    print("ValueError", e)
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), string.capwords("hello  world"))
