def m():
    return len(
        5)
m()
