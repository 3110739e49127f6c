# sys.exit() still runs the atexit functions, and the exit status is the one
# given to sys.exit.
import atexit
import sys

atexit.register(print, "exit function ran")
print("calling sys.exit(3)")
sys.exit(3)
