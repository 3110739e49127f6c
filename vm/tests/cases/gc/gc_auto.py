# Automatic collection: with the collector enabled, allocating many tracked
# objects triggers collections (of generation 0 first) that free unreachable
# cycles without any gc.collect() call; with it disabled, or with threshold 0,
# nothing is collected until gc.collect().
import gc

freed = [0]


class Node:
    def __del__(self):
        freed[0] += 1


def make_cycles(n):
    for _ in range(n):
        a, b = Node(), Node()
        a.peer, b.peer = b, a


gc.collect()
gc.disable()
make_cycles(5000)
print("disabled: freed before collect:", freed[0])
gc.collect()
print("disabled: freed by collect:", freed[0])
freed[0] = 0

gc.enable()
make_cycles(5000)
print("enabled: some freed automatically:", freed[0] > 0)
gc.collect()
print("enabled: all freed after collect:", freed[0])
freed[0] = 0

gc.set_threshold(0)
make_cycles(5000)
print("threshold 0: freed before collect:", freed[0])
gc.collect()
print("threshold 0: freed by collect:", freed[0])
freed[0] = 0
gc.set_threshold(700, 10, 10)

generations = set()


def watch(phase, info):
    if phase == "start":
        generations.add(info["generation"])


gc.callbacks.append(watch)
make_cycles(5000)
gc.callbacks.remove(watch)
print("automatic collections seen:", len(generations) > 0, "young generation collected:", 0 in generations)
gc.collect()
print("freed in the end:", freed[0])
