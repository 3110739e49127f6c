# String indexing and slicing
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:3], s[3:100], repr(s[10:]), s[-100:-99] == "")
print(s[1:9:3], s[9:0:-3], s[slice(2, 8, 2)], s[slice(None, None, -3)])
i = 4
print(s[i:i + 2], s[i - 1], s[len(s) - 1])
print(slice(1, 5, 2).indices(10), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s[1] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
u = "h\u00e9llo w\u00f6rld"
print(u[1], u[:5], u[::-1], len(u))
print("".join(s[j] for j in range(0, len(s), 3)))
