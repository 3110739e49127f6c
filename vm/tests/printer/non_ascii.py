def s():
    return int("é" + "x")
s()
