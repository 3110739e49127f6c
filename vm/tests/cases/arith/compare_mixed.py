# int/float/bool comparisons, including big ints vs floats
print(1 == 1.0, 1 < 1.5, 2 > 1.999, -1 <= -1.0, 0 == -0.0, True == 1, False == 0.0)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float("inf"), 10 ** 400 == float("inf"))
print(float("nan") == 0, 0 < float("nan"), float("nan") != 1)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, None is not None)
print(max(3, 3.0), min(3.0, 3), max(-1, -1.0), sorted([3, 1.5, True, -2, 0.0, 2 ** 70]))
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [2] > [1, 100], (1, 2.0) == (1, 2))
print("abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc", "a" * 3 >= "aaa")
print(None == None, None == 0, None is None, [] == [], [] is not [])
print(1 != 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(-5 < -4.5 < 0 < 4.5 < 5, 1 < 2 > 1.5)
try:
    1 < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None > 0
except TypeError as e:
    print(type(e).__name__, e)
