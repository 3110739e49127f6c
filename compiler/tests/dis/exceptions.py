def f(path):
    try:
        with open(path) as fh:
            return fh.read()
    except (OSError, ValueError) as e:
        print("failed", e)
        raise RuntimeError("x") from e
    except Exception:
        pass
    else:
        print("ok")
    finally:
        print("done")


def g(items):
    for it in items:
        try:
            if it:
                break
        finally:
            print(it)
    assert items, "empty"
