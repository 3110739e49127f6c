# Exceptions inside finally, return in finally, finally overriding
def return_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(return_in_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def finally_raises():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    finally_raises()
except KeyError as e:
    print(repr(e), repr(e.__context__))
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke at %d" % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def except_raises():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("finally after except raise")
try:
    except_raises()
except TypeError as e:
    print(repr(e), repr(e.__context__))
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(counter())
def mutable_return():
    lst = []
    try:
        return lst
    finally:
        lst.append("added in finally")
print(mutable_return())
def nested_finally():
    log = []
    try:
        try:
            try:
                raise IndexError
            finally:
                log.append(1)
        finally:
            log.append(2)
    except IndexError:
        log.append("caught")
    finally:
        log.append(3)
    return log
print(nested_finally())
def gen():
    try:
        yield 1
    finally:
        print("gen finally")
for v in gen():
    print(v)
def handler_var_cleared():
    try:
        raise ValueError("x")
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return "NameError: " + str(e)
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(handler_var_cleared())
