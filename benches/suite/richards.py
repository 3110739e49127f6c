"""richards: Martin Richards' OS task-scheduler simulation (attribute access, method calls).

usage: richards.py [LOOPS]   (default 40 runs of the 10,000-step scheduler; every run is
checked against the classic counts: 23246 packets queued, 9297 holds)
"""
import sys
import time

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
NUM_TASKS = 6
KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4

# Task state bits.
RUNNABLE = 1
SUSPENDED = 2
HELD = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def add_to(self, queue):
        """Append self at the end of queue; return the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        nxt = last.link
        while nxt is not None:
            last = nxt
            nxt = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, sched, link, ident, priority, queue):
        self.sched = sched
        self.link = link
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = SUSPENDED if queue is None else SUSPENDED | RUNNABLE

    def is_held_or_suspended(self):
        return (self.state & HELD) != 0 or self.state == SUSPENDED

    def mark_runnable(self):
        self.state |= RUNNABLE

    def mark_suspended(self):
        self.state |= SUSPENDED

    def mark_held(self):
        self.state |= HELD

    def mark_not_held(self):
        self.state &= ~HELD

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.mark_runnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.add_to(self.queue)
        return task

    def run(self):
        if self.state == SUSPENDED | RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            self.state = 0 if self.queue is None else RUNNABLE
        else:
            packet = None
        return self.step(packet)


class IdleTask(Task):
    def __init__(self, sched, link, ident, priority, queue, count):
        Task.__init__(self, sched, link, ident, priority, queue)
        self.state = 0
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(ID_DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, link, ident, priority, queue):
        Task.__init__(self, sched, link, ident, priority, queue)
        self.dest = ID_HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.suspend_current()
        self.dest = ID_HANDLER_B if self.dest == ID_HANDLER_A else ID_HANDLER_A
        packet.ident = self.dest
        packet.a1 = 0
        data = packet.a2
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.sched.queue(packet)


class HandlerTask(Task):
    def __init__(self, sched, link, ident, priority, queue):
        Task.__init__(self, sched, link, ident, priority, queue)
        self.work_in = None
        self.dev_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.add_to(self.work_in)
            else:
                self.dev_in = packet.add_to(self.dev_in)
        work = self.work_in
        if work is not None:
            count = work.a1
            if count < DATA_SIZE:
                dev = self.dev_in
                if dev is not None:
                    self.dev_in = dev.link
                    dev.a1 = work.a2[count]
                    work.a1 = count + 1
                    return self.sched.queue(dev)
            else:
                self.work_in = work.link
                return self.sched.queue(work)
        return self.sched.suspend_current()


class DeviceTask(Task):
    def __init__(self, sched, link, ident, priority, queue):
        Task.__init__(self, sched, link, ident, priority, queue)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.sched.suspend_current()
            self.pending = None
            return self.sched.queue(pending)
        self.pending = packet
        return self.sched.hold_current()


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.tasks = [None] * NUM_TASKS
        self.task_list = None
        self.current = None

    def add(self, task):
        self.task_list = task
        self.tasks[task.ident] = task

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_held_or_suspended():
                task = task.link
            else:
                self.current = task
                task = task.run()

    def release(self, ident):
        task = self.tasks[ident]
        task.mark_not_held()
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.mark_held()
        return self.current.link

    def suspend_current(self):
        self.current.mark_suspended()
        return self.current

    def queue(self, packet):
        task = self.tasks[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.check_priority_add(self.current, packet)


def run_once(count):
    s = Scheduler()
    s.add(IdleTask(s, s.task_list, ID_IDLE, 0, None, count))
    q = Packet(Packet(None, ID_WORKER, KIND_WORK), ID_WORKER, KIND_WORK)
    s.add(WorkerTask(s, s.task_list, ID_WORKER, 1000, q))
    q = None
    for _ in range(3):
        q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, s.task_list, ID_HANDLER_A, 2000, q))
    q = None
    for _ in range(3):
        q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, s.task_list, ID_HANDLER_B, 3000, q))
    s.add(DeviceTask(s, s.task_list, ID_DEVICE_A, 4000, None))
    s.add(DeviceTask(s, s.task_list, ID_DEVICE_B, 5000, None))
    s.schedule()
    return s.queue_count, s.hold_count


def main():
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    t0 = time.perf_counter()
    total = 0
    for _ in range(loops):
        queued, held = run_once(10000)
        if (queued, held) != (23246, 9297):
            raise SystemExit("richards: wrong result %d/%d, expected 23246/9297" % (queued, held))
        total += queued + held
    t1 = time.perf_counter()
    print("richards n=%d checksum=%d inner=%.4fs" % (loops, total, t1 - t0))


main()
