# A line-coverage collector built on sys.settrace, as coverage tools do: the set of
# executed lines per code object, relative to the function's first line.
import sys

covered = {}

def tracer(frame, event, arg):
    if event == "line":
        code = frame.f_code
        key = code.co_name
        covered.setdefault(key, set()).add(frame.f_lineno - code.co_firstlineno)
    return tracer

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    kind = "small"
    if n > 100:
        kind = "large"
    return kind

def loop(items):
    total = 0
    for x in items:
        if x % 2:
            continue
        total += x
    else:
        total *= 2
    return total

def guarded(d, k):
    try:
        return d[k]
    except KeyError:
        return None
    finally:
        d.setdefault("seen", 0)

sys.settrace(tracer)
classify(5)
classify(-1)
loop([1, 2, 3, 4])
guarded({"a": 1}, "a")
guarded({}, "b")
sys.settrace(None)

for name in sorted(covered):
    print(name, sorted(covered[name]))
missed = sorted(set(range(1, 8)) - covered["classify"])
print("classify never ran lines", missed)
