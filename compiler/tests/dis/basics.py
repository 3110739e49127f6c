x = 1
y = x + 2 * 3
if x < y:
    print("less")
else:
    print(f"{x!r:>4} and {y}")
for i in range(3):
    if i == 1:
        continue
    x += i
while x:
    x -= 1
