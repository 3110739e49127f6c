# itertools: infinite, terminating and combinatoric iterators
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile,
                       takewhile, filterfalse, groupby, islice, starmap, tee,
                       zip_longest, product, permutations, combinations,
                       combinations_with_replacement, pairwise)
import operator


def attempt(f, *args, **kwargs):
    try:
        return list(f(*args, **kwargs))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


c = count(5)
print(next(c), next(c), repr(c), repr(count()), repr(count(2, 3)), repr(count(1.5)), repr(count(0, 0.25)))
print(list(islice(count(10, -3), 5)), list(islice(count(0.5, 0.5), 4)), type(c).__name__)
print(attempt(count, "a"))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
r = repeat("x", 3)
print(repr(r), next(r), repr(r), list(r), repr(r), repr(repeat(7)), list(repeat(1, -2)))
print(list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)),
      list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(chain("ab", [1, 2], (), range(2))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([True, False]))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7, 9], key=lambda x: x % 2)])
groups = [(k, g) for k, g in groupby("aabbc")]
print([(k, list(g)) for k, g in groups])
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice(range(100), 10, 40, 7)))
for bad in [(-1, 5), (1, -2), (0, 5, 0), ("a",), (0, 5, "b")]:
    print(bad, attempt(islice, range(10), *bad))
print(attempt(islice, range(3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, zip("abc", "xyz"))))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a), type(a).__name__)
x, y, z = tee("abc", 3)
print(list(z), list(x), list(y), tee("q", 0), attempt(tee, "ab", -1))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [])), list(zip_longest()))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(product("AB", "xy")), list(product(range(2), repeat=3)), list(product()), list(product("ab", [])))
print(attempt(product, "ab", repeat=-1))
print(list(permutations("ABC")), list(permutations(range(4), 2))[:6], len(list(permutations(range(5)))))
print(list(permutations("AB", 3)), list(permutations("AB", 0)), attempt(permutations, "ab", -1))
print(list(combinations("ABCD", 2)), list(combinations(range(5), 3))[:4], list(combinations("AB", 3)), list(combinations("", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 2)), list(combinations_with_replacement("A", 0)))
print(attempt(combinations, "ab", -2), attempt(combinations_with_replacement, "ab", -2))
print(sum(1 for _ in combinations(range(12), 5)), sum(1 for _ in product(range(4), repeat=4)))
# typical recipes
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)

print(list(grouper("ABCDEFG", 3, "x")))
def roundrobin(*iterables):
    pending = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while pending:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            pending -= 1
            nexts = cycle(islice(nexts, pending))

print(list(roundrobin("ABC", "D", "EF")))
print(list(islice(accumulate(count(1)), 6)), next(dropwhile(lambda v: v < 100, accumulate(count(1)))))
print([type(o).__name__ for o in (count(), cycle(""), repeat(1), chain(), islice("", 1), groupby(""), product(), pairwise(""))])
