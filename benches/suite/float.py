"""float: many small objects doing float math (construction, attributes, math.sin/cos/sqrt).

usage: float.py [N]   (default 500_000 points, 3 rounds; the checksum is checked for the default size)
"""
import math
import sys
import time


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return "<Point %.9f %.9f %.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    t0 = time.perf_counter()
    total = 0.0
    for _ in range(3):
        best = run(n)
        total += best.x + best.y + best.z
    t1 = time.perf_counter()
    checksum = "%.9f" % total
    if n == 500_000:
        expected = "7.024922359"
        if checksum != expected:
            raise SystemExit("float: wrong result %s, expected %s (%r)" % (checksum, expected, best))
        print("float: checked against the known result for the default size", file=sys.stderr)
    print("float n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
