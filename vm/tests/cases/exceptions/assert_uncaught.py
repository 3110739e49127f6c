# assert statements; ends with an uncaught AssertionError
assert True
assert 1 + 1 == 2, "math works"
try:
    assert False
except AssertionError as e:
    print("bare", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("msg", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print("tuple msg", e.args)
calls = []
def side():
    calls.append(1)
    return "evaluated"
assert True, side()
print("message not evaluated when true:", calls)
def check(x):
    assert x >= 0, f"negative: {x}"
    return x ** 0.5
print(check(16))
print("about to fail")
check(-4)
print("unreachable")
