# IndentationError: unexpected indent; nothing runs
print("this line never runs")
x = 1
    y = 2
