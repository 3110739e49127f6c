# RecursionError with a lowered recursion limit
import sys
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
reached = depth(0)
print("caught at a depth below 50:", 30 < reached < 50)
def forever(n):
    return forever(n + 1)
forever(0)
