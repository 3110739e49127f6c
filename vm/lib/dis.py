"""dis: disassembly of pyhop's own bytecode.

pyhop compiles to its own wordcode (2-byte units, CPython 3.10-style opcodes with a
3.11-style exception table), so this module describes pyhop's instructions, not
CPython's: `opname`, `opmap` and the `has*` lists come from pyhop's opcode table (the
native `_opcode` module). Implemented: dis, disassemble, distb, get_instructions,
Instruction, findlinestarts, findlabels, stack_effect, code_info, show_code, opname,
opmap, cmp_op, hasjabs/hasconst/hasname/haslocal/hasfree/hascompare, HAVE_ARGUMENT
(pyhop's table has no single threshold: it is the lowest opcode that takes an argument).
Instruction.positions comes from co_positions(). Left out: caches (pyhop has no inline
caches yet), hasjrel
(every pyhop jump is absolute, so it is empty).
"""
import sys
from collections import namedtuple

import _opcode

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Positions", "Bytecode", "stack_effect",
           "opname", "opmap", "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "HAVE_ARGUMENT", "EXTENDED_ARG"]

opname = _opcode.opname
opmap = _opcode.opmap
cmp_op = _opcode.cmp_op
hasconst = _opcode.hasconst
hasname = _opcode.hasname
hasjabs = _opcode.hasjabs
hasjrel = []
haslocal = _opcode.haslocal
hasfree = _opcode.hasfree
hascompare = _opcode.hascompare
hasarg = _opcode.hasarg
EXTENDED_ARG = _opcode.EXTENDED_ARG
HAVE_ARGUMENT = min(op for op in hasarg if op != EXTENDED_ARG)


def stack_effect(opcode, oparg=None, *, jump=None):
    return _opcode.stack_effect(opcode, oparg, jump=jump)


Positions = namedtuple("Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"],
                       defaults=[None] * 4)

Instruction = namedtuple("Instruction", ["opname", "opcode", "arg", "argval", "argrepr",
                                         "offset", "starts_line", "is_jump_target", "positions"],
                         defaults=[None])


def _get_code(x):
    if x is None:
        return None
    for attr in ("__func__", "__code__", "gi_code", "cr_code"):
        if hasattr(x, attr):
            x = getattr(x, attr)
    if isinstance(x, str):
        return compile(x, "<dis>", "exec")
    if hasattr(x, "co_code"):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def findlinestarts(code):
    """(offset, line) for every offset where a new source line starts."""
    last = None
    for start, _end, line in code.co_lines():
        if line is not None and line != last:
            yield start, line
            last = line


def _units(code):
    raw = code.co_code
    return [(raw[i], raw[i + 1]) for i in range(0, len(raw), 2)]


def findlabels(code):
    """Byte offsets that are jump targets."""
    labels = []
    arg = 0
    for op, a in _units(code):
        arg = (arg << 8) | a
        if op == EXTENDED_ARG:
            continue
        if op in hasjabs and 2 * arg not in labels:
            labels.append(2 * arg)
        arg = 0
    return labels


def get_instructions(x, *, first_line=None):
    """Iterate over the instructions of a function, method, code object or source."""
    code = _get_code(x)
    starts = dict(findlinestarts(code))
    labels = set(findlabels(code))
    line_offset = 0 if first_line is None else first_line - code.co_firstlineno
    positions = list(code.co_positions())
    arg = 0
    ext_start = None
    for i, (op, a) in enumerate(_units(code)):
        offset = 2 * i
        if ext_start is None:
            ext_start = offset
        arg = (arg << 8) | a
        if op == EXTENDED_ARG:
            continue
        start = ext_start
        ext_start = None
        has_arg = op in hasarg
        value = arg if has_arg else None
        argval, argrepr = value, ""
        if has_arg:
            if op in hasconst:
                argval = code.co_consts[arg]
                argrepr = repr(argval)
            elif op in hasname:
                argval = code.co_names[arg]
                argrepr = argval
            elif op in haslocal:
                argval = code.co_varnames[arg]
                argrepr = argval
            elif op in hasfree:
                names = code.co_cellvars + code.co_freevars
                argval = names[arg]
                argrepr = argval
            elif op in hasjabs:
                argval = 2 * arg
                argrepr = "to " + str(argval)
            elif op in hascompare:
                argval = cmp_op[arg]
                argrepr = argval
        line = starts.get(start)
        if line is not None:
            line += line_offset
        yield Instruction(opname[op], op, value, argval, argrepr, offset, line, start in labels,
                          Positions(*positions[i]))
        arg = 0


class Bytecode:
    """The instructions of a code object, iterable; `dis()` gives the listing."""

    def __init__(self, x, *, first_line=None):
        self.codeobj = _get_code(x)
        self.first_line = first_line

    def __iter__(self):
        return get_instructions(self.codeobj, first_line=self.first_line)

    def __repr__(self):
        return "Bytecode(%r)" % (self.codeobj,)

    def dis(self):
        return _opcode.dis_text(self.codeobj)

    def info(self):
        return code_info(self.codeobj)


def disassemble(co, lasti=-1, *, file=None, adaptive=False):
    """Print the disassembly of one code object (nested ones included); with
    `adaptive`, the quickened units as they run now (adaptive and specialised forms)."""
    print(_opcode.dis_text(co, adaptive=adaptive), end="", file=file)


disco = disassemble


def dis(x=None, *, file=None, depth=None, adaptive=False):
    """Disassemble a function, method, class, module, code object, generator or source
    string; with no argument, the last traceback."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, "__dict__") and not hasattr(x, "__code__") and not hasattr(x, "co_code"):
        items = sorted(x.__dict__.items())
        for name, value in items:
            try:
                code = _get_code(value)
            except TypeError:
                continue
            print("Disassembly of %s:" % name, file=file)
            disassemble(code, file=file, adaptive=adaptive)
            print(file=file)
        return
    disassemble(_get_code(x), file=file, adaptive=adaptive)


def distb(tb=None, *, file=None):
    """Disassemble the code of a traceback's innermost frame."""
    if tb is None:
        exc = sys.exception() if hasattr(sys, "exception") else None
        tb = getattr(exc, "__traceback__", None)
        if tb is None:
            raise RuntimeError("no last traceback to disassemble")
    while tb.tb_next:
        tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


_FLAG_NAMES = {0x1: "OPTIMIZED", 0x2: "NEWLOCALS", 0x4: "VARARGS", 0x8: "VARKEYWORDS",
               0x10: "NESTED", 0x20: "GENERATOR", 0x40: "NOFREE", 0x80: "COROUTINE",
               0x100: "ITERABLE_COROUTINE", 0x200: "ASYNC_GENERATOR"}


def pretty_flags(flags):
    names = [name for bit, name in sorted(_FLAG_NAMES.items()) if flags & bit]
    rest = flags & ~sum(_FLAG_NAMES)
    if rest:
        names.append(hex(rest))
    return ", ".join(names) or "0x0"


def code_info(x):
    """A description of a code object's fields, as `dis.code_info`."""
    co = _get_code(x)
    lines = ["Name:              %s" % co.co_name,
             "Filename:          %s" % co.co_filename,
             "Argument count:    %s" % co.co_argcount,
             "Positional-only arguments: %s" % co.co_posonlyargcount,
             "Kw-only arguments: %s" % co.co_kwonlyargcount,
             "Number of locals:  %s" % co.co_nlocals,
             "Stack size:        %s" % co.co_stacksize,
             "Flags:             %s" % pretty_flags(co.co_flags)]
    for title, seq in (("Constants", co.co_consts), ("Names", co.co_names),
                       ("Variable names", co.co_varnames), ("Free variables", co.co_freevars),
                       ("Cell variables", co.co_cellvars)):
        if seq:
            lines.append("%s:" % title)
            for i, v in enumerate(seq):
                lines.append("%4d: %s" % (i, repr(v) if title == "Constants" else v))
    return "\n".join(lines)


def show_code(co, *, file=None):
    print(code_info(co), file=file)
