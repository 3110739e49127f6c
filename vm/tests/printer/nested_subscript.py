def g(d):
    return d["k"]["zz"]
g({"k": {}})
