# TypeError: subscripting an int
def first(seq):
    return seq[0]
print(first([7, 8]), first("xy"))
first(12345)
