# Helper module of gc/cycles_modules.py (not a case: it has no .out).
# Its functions and class refer to this module's globals dict, which holds them:
# once the module object is gone, that dict is a cycle.
import builtins


class Resource:
    def __del__(self):
        builtins.gc_module_log.append("helper Resource")


resource = Resource()


def func():
    return resource


table = {"func": func}
