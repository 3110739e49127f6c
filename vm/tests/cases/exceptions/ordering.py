# try/except/else/finally execution order
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("v")
        if action == "return":
            return log + ["returned"]
        if action == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for a in ("none", "raise", "return"):
    print(a, run(a))
try:
    run("other")
except KeyError as e:
    print("outer caught", e)
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer except", e)
    finally:
        print("outer finally")
nested()
def multi(exc):
    try:
        raise exc
    except (ValueError, TypeError) as e:
        return "tuple clause " + type(e).__name__
    except LookupError as e:
        return "base clause " + type(e).__name__
    except Exception:
        return "generic"
for exc in (ValueError(), TypeError(), KeyError(), IndexError(), RuntimeError()):
    print(multi(exc))
def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())
e_name = "before"
try:
    raise ValueError("bound")
except ValueError as e_name:
    print("in handler", e_name)
print("e_name" in globals())
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise
except ValueError as e:
    print("re-raised", e)
def bare_except():
    try:
        1 / 0
    except:
        return "bare caught"
print(bare_except())
import sys
try:
    raise IndexError("info")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
def while_try():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                raise ValueError
            return n
        except ValueError:
            continue
print(while_try())
