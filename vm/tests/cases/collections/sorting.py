# sorted/sort with key and reverse; stability
data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 20)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted([]))
print(sorted([2.5, 1, 3, -0.5, 2]), sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))
print(max(data, key=lambda p: p[1]), min(data, key=lambda p: p[1]), max([], default="none"))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:5], s[-5:], s == sorted(big, reverse=True)[::-1], len(set(s)))
class Rec:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return "%s%d" % (self.tag, self.k)
print(sorted([Rec(2, "a"), Rec(1, "b"), Rec(2, "c"), Rec(1, "d")]))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
lst = [3, 1, 2]
print(lst.sort(), lst, sorted(lst) is not lst)
