# co_positions() and dis.Instruction.positions for instructions that pyhop and
# CPython 3.11 both have (the bytecodes differ, the source spans do not).
import dis

def f(a, b):
    x = a.attr + b[1]
    y = (a.
         method(b, 2))
    return [x,
            y]

COMMON = {"LOAD_FAST", "LOAD_ATTR", "BINARY_SUBSCR", "LOAD_METHOD", "STORE_FAST", "BUILD_LIST", "LOAD_CONST"}
for ins in dis.get_instructions(f):
    if ins.opname in COMMON and ins.positions.lineno is not None:
        print(ins.opname, ins.argrepr, tuple(ins.positions))
code = f.__code__
positions = list(code.co_positions())
print(len(positions) == len(code.co_code) // 2)
print(all(len(p) == 4 for p in positions))
print(sorted({p for p in positions if p[2] is not None and p[0] == p[1] == 6}))
