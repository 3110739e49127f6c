# KeyError for a missing dict key
prices = {"apple": 3, "pear": 5}
print(prices["apple"])
print(prices["banana"])
