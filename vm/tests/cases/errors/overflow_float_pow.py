# OverflowError from float ** that does not fit
print(2.0 ** 1000)
print(10.0 ** 308)
print(2.0 ** 10000)
