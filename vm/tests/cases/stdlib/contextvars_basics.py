# contextvars (PEP 567): vm/lib/_contextvars.py under the host's contextvars.py.
import contextvars
from contextvars import ContextVar, Context, copy_context, Token

v = ContextVar("v", default=1)
w = ContextVar("w")
print(v.name, v.get(), w.get("fallback"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0].name)

t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(3)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    w.reset(v.set(5))
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))

# Copies see the values at copy time only.
v.set(10)
ctx = copy_context()
v.set(11)
print(ctx[v], v.get(), v in ctx, w in ctx, len(ctx) >= 1)


def inside(x):
    v.set(x)
    w.set(x * 2)
    return v.get(), w.get()


print(ctx.run(inside, 7), ctx[v], ctx[w], v.get(), w.get("unset"))
print(sorted(var.name for var in ctx), sorted(str(x) for x in ctx.values()))

# A context cannot be entered twice.
def reenter():
    return ctx.run(lambda: 1)


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))

# Token from another context.
other = Context()
tok = other.run(v.set, 99)
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError", "different Context" in str(e))

# Mapping errors.
try:
    ctx["v"]
except TypeError as e:
    print("TypeError", e)
try:
    Token()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print("TypeError", e)
print(ContextVar[int])
print(Context().get(v, "dflt"), list(Context().items()))
