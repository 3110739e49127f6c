"""generators: generator pipelines (chained filters and maps, generator expressions,
itertools) and recursive `yield from` walks over binary trees.

usage: generators.py [N]   (default 2_000_000 items through the pipeline, and a tree of
2**13 - 1 nodes walked N // 10_000 + 1 times; every result is checked against a direct
computation)
"""
import itertools
import sys
import time


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def keep(pred, items):
    for x in items:
        if pred(x):
            yield x


def scaled(k, items):
    for x in items:
        yield x * k


def pairs(items):
    it = iter(items)
    for a in it:
        b = next(it, 0)
        yield a, b


def running_total(items):
    total = 0
    for x in items:
        total += x
        yield total


def pipeline(n):
    stage = numbers(n)
    stage = keep(lambda x: x % 3 != 0, stage)
    stage = scaled(7, stage)
    stage = (a - b for a, b in pairs(stage))
    stage = running_total(stage)
    last = 0
    count = 0
    for last in stage:
        count += 1
    squares = sum(x * x for x in itertools.islice(numbers(n), 0, None, 5))
    return count, last, squares


def direct(n):
    kept = [x * 7 for x in range(n) if x % 3 != 0]
    if len(kept) % 2:
        kept.append(0)
    diffs = [kept[i] - kept[i + 1] for i in range(0, len(kept), 2)]
    return len(diffs), sum(diffs), sum(x * x for x in range(0, n, 5))


class Node:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo, hi):
    """A balanced tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(build(lo, mid), mid, build(mid + 1, hi))


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


def leaves(node):
    if node is None:
        return
    if node.left is None and node.right is None:
        yield node.value
    else:
        yield from leaves(node.left)
        yield from leaves(node.right)


def walk_trees(depth, rounds):
    size = 2 ** depth - 1
    tree = build(0, size)
    total = 0
    ordered = True
    for _ in range(rounds):
        prev = -1
        for v in inorder(tree):
            if v <= prev:
                ordered = False
            prev = v
            total += v
        total += sum(leaves(tree))
    return ordered, total, size


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    rounds = n // 10_000 + 1
    t0 = time.perf_counter()
    p = pipeline(n)
    ordered, total, size = walk_trees(13, rounds)
    t1 = time.perf_counter()
    if p != direct(n):
        raise SystemExit("generators: wrong pipeline result %r, expected %r" % (p, direct(n)))
    # Leaves of a balanced tree over 0..2**d-2 are the even numbers.
    expected = rounds * (size * (size - 1) // 2 + sum(range(0, size, 2)))
    if not ordered or total != expected:
        raise SystemExit("generators: wrong tree result %d, expected %d" % (total, expected))
    checksum = "%d/%d/%d/%d" % (p[0], p[1], p[2], total)
    print("generators n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
