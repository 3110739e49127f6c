# IndentationError: a block without a body; nothing runs
print("this line never runs")
for i in range(3):
print(i)
