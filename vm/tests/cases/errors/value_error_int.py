# ValueError from int() of a non-numeric string
for s in ["12", "-3", "abc"]:
    print(int(s) * 2)
