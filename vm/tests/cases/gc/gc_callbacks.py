# gc.callbacks: a list of callables, each called as cb(phase, info) with phase
# "start" before and "stop" after every collection, and info a dict with the
# keys "generation", "collected" and "uncollectable"; several callbacks run in
# list order; removing one stops its calls; a callback may allocate.
import gc

print(type(gc.callbacks).__name__, gc.callbacks)

events = []


def recorder(phase, info):
    events.append((phase, sorted(info), info["generation"]))


def second(phase, info):
    events.append(("second", phase))


gc.collect()
gc.disable()  # only explicit collections below
gc.callbacks.append(recorder)
gc.collect()
print(events)
events.clear()

gc.collect(0)
gc.collect(1)
print([(p, g) for p, k, g in events])
events.clear()

stop_info = []


def collected(phase, info):
    if phase == "stop":
        stop_info.append((info["collected"] > 0, info["uncollectable"]))
    else:
        stop_info.append((phase, info["collected"], info["uncollectable"]))


gc.callbacks.append(second)
gc.callbacks.append(collected)


class Node:
    pass


a, b = Node(), Node()
a.peer, b.peer = b, a
del a, b
gc.collect()
print(events)
print(stop_info)
events.clear()
stop_info.clear()

gc.callbacks.remove(recorder)
gc.callbacks.remove(collected)
gc.collect()
print(events)
events.clear()


def allocates(phase, info):
    junk = [[i] for i in range(100)]
    events.append((phase, len(junk)))


gc.callbacks[:] = [allocates]
gc.collect()
print(events)
gc.callbacks.clear()
gc.collect()
print(events[-1], gc.callbacks)
gc.enable()
