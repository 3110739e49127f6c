# open(): text and binary files, modes, iteration, errors (files under /tmp, removed at the end)
import inspect
import time
# A name of its own per run: the case runs under several engines at once.
path = "/tmp/pyhop_case_file_io_%d.txt" % time.perf_counter_ns()
with open(path, "w") as f:
    n = f.write("alpha\nbeta\n")
    print("gamma", file=f)
    f.writelines(["x\n", "y\n"])
print(n, f.closed)
with open(path) as f:
    print(f.readline(), end="")
    print(f.read().splitlines(), f.read())
with open(path, "a") as f:
    f.write("delta\n")
print([line.rstrip() for line in open(path)])
with open(path, "rb") as f:
    data = f.read()
print(type(data).__name__, len(data), data[:6])
with open(path, "wb") as f:
    f.write(bytes(range(250, 256)))
print(list(open(path, "rb").read()))
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld\n")
print(open(path, encoding="utf-8").read().strip(), len(open(path, "rb").read()))
for bad in ["rw", "q", "rbt"]:
    try:
        open(path, bad)
    except ValueError as e:
        print("ValueError", e)
try:
    open("/tmp/pyhop_no_such_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
try:
    with open(path) as f:
        f.write("no")
except Exception as e:
    print(type(e).__name__, e)
def sample():
    """A function whose source inspect can read."""
    return 42
print(inspect.getsource(sample))
open(path, "w").close()
