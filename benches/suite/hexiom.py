"""hexiom: a solver for Hexiom, the hexagonal tile puzzle (each tile shows how many of its
six neighbours hold tiles); counts every solution of generated puzzles by backtracking
with bound checks (lists, dicts, tuples, recursion).

usage: hexiom.py [N]   (default 3 puzzles; puzzle i is made from a fixed LCG; for every N
each puzzle must have a solution and the first found is verified; the solution and node
counts are checked against the known checksum for the default N)
"""
import sys
import time

DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
EMPTY = -1
UNSET = -2


class Hex:
    """A hexagon of the given side in axial coordinates, cells numbered centre-out."""

    def __init__(self, side):
        coords = [(q, r) for q in range(-side + 1, side)
                  for r in range(-side + 1, side) if abs(q + r) < side]
        coords.sort(key=lambda qr: (max(abs(qr[0]), abs(qr[1]), abs(qr[0] + qr[1])), qr))
        self.coords = coords
        self.index = {qr: i for i, qr in enumerate(coords)}
        self.neighbours = []
        for q, r in coords:
            self.neighbours.append(tuple(self.index[(q + dq, r + dr)]
                                         for dq, dr in DIRECTIONS if (q + dq, r + dr) in self.index))

    def __len__(self):
        return len(self.coords)


class Solver:
    def __init__(self, hexagon, tiles, empties):
        self.hex = hexagon
        self.n = len(hexagon)
        self.left = tiles[:]           # left[v]: tiles showing v still to place
        self.empties = empties
        self.cells = [UNSET] * self.n
        self.occupied = [0] * self.n   # neighbours holding a tile
        self.unset = [len(ns) for ns in hexagon.neighbours]
        self.solutions = 0
        self.first = None
        self.nodes = 0

    def consistent(self, cell):
        cells = self.cells
        for c in (cell,) + self.hex.neighbours[cell]:
            v = cells[c]
            if v >= 0 and not (self.occupied[c] <= v <= self.occupied[c] + self.unset[c]):
                return False
        return True

    def assign(self, cell, value):
        self.cells[cell] = value
        for c in self.hex.neighbours[cell]:
            self.unset[c] -= 1
            if value != EMPTY:
                self.occupied[c] += 1

    def unassign(self, cell, value):
        self.cells[cell] = UNSET
        for c in self.hex.neighbours[cell]:
            self.unset[c] += 1
            if value != EMPTY:
                self.occupied[c] -= 1

    def solve(self, cell=0):
        self.nodes += 1
        if cell == self.n:
            self.solutions += 1
            if self.first is None:
                self.first = tuple(self.cells)
            return
        if self.empties:
            self.empties -= 1
            self.assign(cell, EMPTY)
            if self.consistent(cell):
                self.solve(cell + 1)
            self.unassign(cell, EMPTY)
            self.empties += 1
        left = self.left
        limit = len(self.hex.neighbours[cell])
        for v in range(limit + 1):
            if left[v]:
                left[v] -= 1
                self.assign(cell, v)
                if self.consistent(cell):
                    self.solve(cell + 1)
                self.unassign(cell, v)
                left[v] += 1


class LCG:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n


def make_puzzle(hexagon, rng):
    """A random layout of tiles; returns the tile counts by value and the empty count."""
    n = len(hexagon)
    filled = [False] * n
    k = n // 2 + rng.below(n // 3)
    placed = 0
    while placed < k:
        c = rng.below(n)
        if not filled[c]:
            filled[c] = True
            placed += 1
    tiles = [0] * 7
    for c in range(n):
        if filled[c]:
            tiles[sum(1 for d in hexagon.neighbours[c] if filled[d])] += 1
    return tiles, n - k, filled


def check(hexagon, cells, tiles):
    counts = [0] * 7
    for c, v in enumerate(cells):
        if v >= 0:
            counts[v] += 1
            if v != sum(1 for d in hexagon.neighbours[c] if cells[d] >= 0):
                return False
    return counts == tiles


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    hexagon = Hex(3)
    rng = LCG(11)
    puzzles = [make_puzzle(hexagon, rng) for _ in range(n)]
    t0 = time.perf_counter()
    results = []
    for tiles, empties, filled in puzzles:
        solver = Solver(hexagon, tiles, empties)
        solver.solve()
        results.append((solver.solutions, solver.nodes, solver.first))
    t1 = time.perf_counter()
    digest = 0
    for (tiles, empties, filled), (solutions, nodes, first) in zip(puzzles, results):
        # The layout the puzzle was made from is a solution, and so is the first found.
        if solutions < 1 or first is None or not check(hexagon, first, tiles):
            raise SystemExit("hexiom: wrong result for tiles %r" % (tiles,))
        digest = (digest * 1009 + solutions * 31 + nodes) % 1000000007
    checksum = "%d/%d" % (sum(r[0] for r in results), digest)
    if n == 3:
        expected = "396/668355179"
        if checksum != expected:
            raise SystemExit("hexiom: wrong result %s, expected %s" % (checksum, expected))
        print("hexiom: checked against the known result for the default size", file=sys.stderr)
    print("hexiom n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
