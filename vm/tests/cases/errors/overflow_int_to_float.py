# OverflowError converting a huge int to float
print(float(10 ** 300))
x = 10 ** 400
print(x.bit_length())
print(float(x))
