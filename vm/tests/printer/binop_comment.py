def f(a):
    return 1 + a  # comment
f("s")
