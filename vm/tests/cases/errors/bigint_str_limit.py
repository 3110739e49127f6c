# CPython 3.11 refuses to convert an int of more than 4300 digits to str
big = 10 ** 4299
print(len(str(big)))
huge = 10 ** 5000
print(huge.bit_length())
print(str(huge))
