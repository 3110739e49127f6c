# Chained comparisons evaluate each operand once and short-circuit
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(1) < v(0) < v(3), calls)
calls.clear()
print(v(3) > v(2) >= v(2) == v(2) != v(5), calls)
calls.clear()
print(v(1) == v(1) is not None, calls)
x = 5
print(0 < x < 10, 0 < x > 10, 1 <= x <= 5 <= 5, x in [5] in [[5]], 1 < x in range(10))
print(-1 < 0 < 1 < 2 < 3 < 4 < 5, 1 < 2 > 0 < 5 > 4)
a = [1, 2]
b = a
print(a is b is a, a == [1, 2] == b, a is not [1, 2])
s = "m"
print("a" < s < "z", "a" < "Z" < "z", "" <= s)
if 0 <= x < 3:
    print("low")
elif 3 <= x < 7:
    print("mid")
r = [n for n in range(20) if 5 < n <= 9 or 15 <= n < 17]
print(r)
print(1 < 2 == 2, (1 < 2) == 2, 1 < (2 == 2))
