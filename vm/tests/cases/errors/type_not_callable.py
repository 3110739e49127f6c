# TypeError: calling a non-callable object
handlers = {"a": len, "b": 42}
print(handlers["a"]("abc"))
handlers["b"]("abc")
