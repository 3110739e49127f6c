# SyntaxError: an unclosed parenthesis; nothing runs
print("this line never runs")
values = [1, 2, 3]
total = sum(values
print(total)
