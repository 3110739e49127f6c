"""deepcopy: deep copies of a nested document (dicts, lists, tuples, sets, instances,
shared references and a cycle), by a recursive copier written here and by copy.deepcopy.

usage: deepcopy.py [N]   (default 1000 rounds: each copies the document once with each
copier; the copies are checked structurally and for preserved sharing, for any N)
"""
import copy
import sys
import time


class Record:
    def __init__(self, name, values, parent=None):
        self.name = name
        self.values = values
        self.parent = parent
        self.meta = {"tags": ("a", "b"), "size": len(values)}

    def __eq__(self, other):
        return (isinstance(other, Record) and self.name == other.name
                and self.values == other.values and self.meta == other.meta
                and (self.parent is None) == (other.parent is None))

    __hash__ = None


ATOMIC = (int, float, str, bool, type(None), bytes, complex)


def deep_copy(obj, memo):
    """Copy obj and everything it holds; memo maps id(original) to its copy."""
    if isinstance(obj, ATOMIC):
        return obj
    key = id(obj)
    done = memo.get(key)
    if done is not None:
        return done
    if isinstance(obj, list):
        result = []
        memo[key] = result
        for item in obj:
            result.append(deep_copy(item, memo))
    elif isinstance(obj, dict):
        result = {}
        memo[key] = result
        for k, v in obj.items():
            result[deep_copy(k, memo)] = deep_copy(v, memo)
    elif isinstance(obj, tuple):
        items = [deep_copy(item, memo) for item in obj]
        if key in memo:                  # a cycle through the tuple made it already
            return memo[key]
        result = obj if all(a is b for a, b in zip(items, obj)) else tuple(items)
        memo[key] = result
    elif isinstance(obj, (set, frozenset)):
        result = type(obj)(deep_copy(item, memo) for item in obj)
        memo[key] = result
    else:
        result = obj.__class__.__new__(obj.__class__)
        memo[key] = result
        for name, value in obj.__dict__.items():
            setattr(result, name, deep_copy(value, memo))
    return result


def make_document():
    shared = {"unit": "m", "scale": 0.001}
    root = Record("root", [0.0])
    records = []
    for i in range(60):
        records.append(Record("r%d" % i, [i * 0.5, i * 1.5, -i], root if i % 3 else None))
    cycle = ["head"]
    cycle.append(cycle)
    return {
        "title": "deep copy workload",
        "records": records,
        "matrix": [[(i * j) % 17 for j in range(12)] for i in range(12)],
        "pairs": [(i, str(i), (i, i + 1.0)) for i in range(40)],
        "frozen": frozenset(range(20)),
        "ids": set(range(0, 60, 3)),
        "shared_a": shared,
        "shared_b": [shared, shared],
        "cycle": cycle,
        "nested": {"level%d" % d: {"items": list(range(d)), "next": None} for d in range(15)},
    }


def check(orig, dup):
    if dup is orig:
        return False
    plain = {k: v for k, v in orig.items() if k != "cycle"}
    plain_dup = {k: v for k, v in dup.items() if k != "cycle"}
    if plain != plain_dup:
        return False
    if dup["records"][0] is orig["records"][0] or dup["matrix"][0] is orig["matrix"][0]:
        return False
    # Sharing is preserved: one copy of `shared`, and the records share one root copy.
    if not (dup["shared_a"] is dup["shared_b"][0] is dup["shared_b"][1]):
        return False
    if dup["shared_a"] is orig["shared_a"]:
        return False
    if dup["records"][1].parent is not dup["records"][2].parent:
        return False
    c = dup["cycle"]
    return c[1] is c and c is not orig["cycle"] and c[0] == "head"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    doc = make_document()
    t0 = time.perf_counter()
    copied = 0
    for _ in range(n):
        memo = {}
        mine = deep_copy(doc, memo)
        copied += len(memo)
        theirs = copy.deepcopy(doc)
    t1 = time.perf_counter()
    if n:
        if not check(doc, mine):
            raise SystemExit("deepcopy: wrong result from deep_copy")
        if not check(doc, theirs):
            raise SystemExit("deepcopy: wrong result from copy.deepcopy")
    per_round = len(deep_copy_counts(doc))
    if copied != n * per_round:
        raise SystemExit("deepcopy: wrong result %d, expected %d" % (copied, n * per_round))
    print("deepcopy n=%d checksum=%d inner=%.4fs" % (n, copied, t1 - t0))


def deep_copy_counts(doc):
    """The distinct non-atomic objects reachable from doc (what one copy memoizes)."""
    seen = {}
    stack = [doc]
    while stack:
        obj = stack.pop()
        if isinstance(obj, ATOMIC) or id(obj) in seen:
            continue
        seen[id(obj)] = obj
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        else:
            stack.extend(obj.__dict__.values())
    return seen


main()
