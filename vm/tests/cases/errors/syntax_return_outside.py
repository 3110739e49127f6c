# SyntaxError: return at module level; nothing runs
print("this line never runs")
x = 5
if x:
    return x
