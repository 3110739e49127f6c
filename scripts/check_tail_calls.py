#!/usr/bin/env python3
"""Prove that the tail engine's handlers reach the next handler by a jump.

usage: check_tail_calls.py [BINARY] [--verbose]

Disassembles BINARY (default target/release/pyhop) with objdump and checks every
handler of the tail engine (`pyhop_vm::interp::tail::{inline,split}::*`, x86-64 only):

- a *dispatch* is a control transfer through the handler table: an indirect
  `jmp`/`call` whose operand is the table (a register loaded by `lea <..tail::..TABLE..>`)
  indexed, or a register loaded from such a slot, or a direct transfer to another
  tail handler;
- every dispatch must be a `jmp` (a sibling call: the caller's frame is gone before
  the next handler runs); a `call` would grow the native stack by one frame per
  executed instruction, so the script fails and lists each one with its address.

The scan is linear within a function (no control-flow graph): a register stays a
"table" or "handler" register until an instruction writes it, which is conservative
for the code LLVM emits here.

aarch64 binaries (read with `aarch64-linux-gnu-objdump`, see scripts/aarch64_check.sh)
get a simpler, stricter rule: a handler may contain no indirect call (`blr`) at all;
its dispatches are `br` or a direct `b` to another handler.

Exit 0 when every handler passes, 1 otherwise, 2 when the binary has no tail engine or
is of another architecture.
"""

import os
import re
import subprocess
import sys

HANDLER_PREFIX = "pyhop_vm::interp::tail::"
# The handlers: the inline and split forms (`tail::body::*` are called, by design).
HANDLER_MODULES = (HANDLER_PREFIX + "inline::", HANDLER_PREFIX + "split::")
TABLE_MARK = re.compile(r"<pyhop_vm::interp::tail::[A-Z_]*TABLE[A-Z_]*>")
FUNC = re.compile(r"^([0-9a-f]+) <(.*)>:$")
INSN = re.compile(r"^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$")
REG = re.compile(r"%([a-z0-9]+)")

# 64-bit register families, so that writes to %eax clear %rax's role.
FAMILIES = {}
for names in [("rax", "eax", "ax", "al"), ("rbx", "ebx", "bx", "bl"), ("rcx", "ecx", "cx", "cl"),
              ("rdx", "edx", "dx", "dl"), ("rsi", "esi", "si", "sil"), ("rdi", "edi", "di", "dil"),
              ("rbp", "ebp", "bp", "bpl"), ("rsp", "esp", "sp", "spl")] + [
        (f"r{i}", f"r{i}d", f"r{i}w", f"r{i}b") for i in range(8, 16)]:
    for n in names:
        FAMILIES[n] = names[0]


def family(reg):
    return FAMILIES.get(reg, reg)


def split_operands(ops):
    """AT&T operands split on top-level commas (not inside parentheses)."""
    out, depth, cur = [], 0, ""
    for ch in ops:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def base_register(mem):
    """The base register of a memory operand like `0x8(%r9,%rax,8)`."""
    m = re.search(r"\(%([a-z0-9]+)", mem)
    return family(m.group(1)) if m else None


def check_function(name, insns):
    """Return (dispatch_jumps, bad_calls) for one function's instructions."""
    table_regs, handler_regs = set(), set()
    jumps, bad = 0, []
    for addr, mnem, ops in insns:
        comment = ""
        if "#" in ops:
            ops, comment = ops.split("#", 1)
        ops = ops.strip()
        if mnem in ("jmp", "call") or mnem.startswith(("jmp", "call")):
            is_call = mnem.startswith("call")
            target = ops.lstrip("*")
            dispatch = False
            if ops.startswith("*"):
                if target.startswith("%"):
                    dispatch = family(target[1:]) in handler_regs
                else:
                    dispatch = base_register(target) in table_regs or bool(TABLE_MARK.search(comment))
            else:
                m = re.search(r"<(.*)>", ops)
                if m and m.group(1).startswith(HANDLER_MODULES) and "+0x" not in m.group(1):
                    dispatch = True
            if dispatch:
                if is_call:
                    bad.append((addr, f"{mnem} {ops}"))
                else:
                    jumps += 1
            if is_call:
                # Caller-saved registers do not survive a call.
                for r in ("rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"):
                    table_regs.discard(r)
                    handler_regs.discard(r)
            continue
        operands = split_operands(ops)
        if not operands:
            continue
        dest = operands[-1]
        dest_reg = family(dest[1:]) if dest.startswith("%") else None
        if dest_reg is None:
            continue
        if mnem.startswith("lea") and TABLE_MARK.search(comment):
            table_regs.add(dest_reg)
            handler_regs.discard(dest_reg)
        elif mnem.startswith("mov") and len(operands) == 2 and "(" in operands[0] and \
                base_register(operands[0]) in table_regs:
            handler_regs.add(dest_reg)
            table_regs.discard(dest_reg)
        elif mnem.startswith("mov") and len(operands) == 2 and operands[0].startswith("%") and \
                family(operands[0][1:]) in handler_regs:
            handler_regs.add(dest_reg)
        elif mnem.startswith("mov") and len(operands) == 2 and operands[0].startswith("%") and \
                family(operands[0][1:]) in table_regs:
            table_regs.add(dest_reg)
        elif not mnem.startswith(("cmp", "test", "push")):
            table_regs.discard(dest_reg)
            handler_regs.discard(dest_reg)
    return jumps, bad


def check_function_aarch64(name, insns):
    """aarch64: no `blr` in a handler; count `br` and direct `b` to handlers."""
    jumps, bad = 0, []
    for addr, mnem, ops in insns:
        if mnem == "blr":
            bad.append((addr, f"{mnem} {ops}"))
        elif mnem == "br":
            jumps += 1
        elif mnem == "b" and re.search(r"<" + re.escape(HANDLER_PREFIX) + r"(inline|split)::[^+>]*>", ops):
            jumps += 1
    return jumps, bad


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    binary = args[0] if args else os.path.join("target", "release", "pyhop")
    if not os.path.exists(binary):
        sys.exit(f"check_tail_calls: {binary} not found (cargo build --release first)")
    head = subprocess.run(["objdump", "-f", binary], capture_output=True, text=True).stdout
    aarch64 = "aarch64" in head or "elf64-little" in head
    objdump = "aarch64-linux-gnu-objdump" if aarch64 else "objdump"
    dis = subprocess.run([objdump, "-d", "--no-show-raw-insn", "-C", binary],
                         capture_output=True, text=True, check=True).stdout
    if aarch64:
        check = check_function_aarch64
    elif "elf64-x86-64" in dis[:400]:
        check = check_function
    else:
        print("check_tail_calls: neither x86-64 nor aarch64")
        sys.exit(2)
    funcs, cur = {}, None
    for line in dis.splitlines():
        m = FUNC.match(line)
        if m:
            # Demangled names drop const generics: key by address too.
            cur = f"{m.group(2)} @{m.group(1).lstrip('0')}" if m.group(2).startswith(HANDLER_MODULES) else None
            if cur:
                funcs[cur] = []
            continue
        if cur:
            m = INSN.match(line)
            if m:
                funcs[cur].append((m.group(1), m.group(2), m.group(3)))
    if not funcs:
        print(f"check_tail_calls: no tail engine in {binary}")
        sys.exit(2)
    failures, total_jumps = 0, 0
    for name in sorted(funcs):
        jumps, bad = check(name, funcs[name])
        total_jumps += jumps
        if bad:
            failures += 1
            print(f"FAIL {name}: {len(bad)} dispatch(es) by call")
            for addr, text in bad:
                print(f"    {addr}: {text}")
        elif verbose:
            print(f"ok   {name}: {jumps} dispatch jump(s)")
    print(f"{len(funcs)} tail-engine functions, {total_jumps} dispatch jumps, "
          f"{failures} function(s) dispatching by call")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
