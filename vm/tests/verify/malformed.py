# Hand-made faulty wordcode: each replace() must raise ValueError naming the fault.
import dis
op = dis.opmap

def f(a, b=2):
    return a + b

def attempt(units):
    code = bytes(x for u in units for x in u)
    try:
        f.__code__.replace(co_code=code)
    except ValueError as e:
        return str(e)
    return "accepted"

print(attempt([(op["LOAD_CONST"], 9), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_FAST"], 5), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_GLOBAL"], 3), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["POP_TOP"], 0), (op["LOAD_CONST"], 0), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_CONST"], 0), (op["POP_TOP"], 0)]))
print(attempt([(op["JUMP_ABSOLUTE"], 40)]))
unknown = next(i for i in range(256) if dis.opname[i].startswith("<"))
print(attempt([(unknown, 0), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["EXTENDED_ARG"], 1)]))
print(attempt([(op["LOAD_CONST"], 0), (op["LIST_APPEND"], 1), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_CONST"], 0), (op["COPY"], 0), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_CONST"], 0), (op["JUMP_ABSOLUTE"], 3), (op["RETURN_VALUE"], 0), (op["EXTENDED_ARG"], 0), (op["RETURN_VALUE"], 0)]))
print(attempt([(op["LOAD_CONST"], 0), (op["RETURN_VALUE"], 0)]))
f.__code__ = f.__code__.replace(co_code=bytes([op["LOAD_FAST"], 1, op["RETURN_VALUE"], 0]))
print(f(1), f(1, 5))
