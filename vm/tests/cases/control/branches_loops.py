# if/elif/else, while/for with else, break/continue
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 42)])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while-else ran", i)
while True:
    i -= 1
    if i < 2:
        break
else:
    print("not printed")
print("after break", i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty for-else")
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print("total", total)
for i, c in enumerate("abc"):
    for j in range(3):
        if j == i:
            break
        print(c, j, end=" ")
print()
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
print("yes" if [] else "no", "yes" if [0] else "no", 0 or "default", 5 and 6, None or 0 or "", 1 and 0)
print(not 0, not "x", bool(None), bool(0.0), bool(""), bool(" "), bool([[]]), bool(range(0)))
x = 5
if x > 3 and x < 10 or x == 100:
    print("in range")
if not (x == 5) or False:
    print("no")
else:
    print("else branch")
count = 0
while count < 3: count += 1
print(count)
for k in range(3): pass
print(k)
i = 10
for i in range(3):
    pass
print(i)
