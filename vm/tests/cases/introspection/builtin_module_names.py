# sys.builtin_module_names: a sorted tuple of the modules compiled into the
# interpreter (os.py and others test membership).
import sys
names = sys.builtin_module_names
print(type(names).__name__, list(names) == sorted(names), len(set(names)) == len(names))
print(all(n in names for n in ('sys', 'builtins', 'gc', 'atexit', 'time')))
print(all(__import__(n).__name__ == n for n in ('sys', 'builtins', 'gc', 'time')))
