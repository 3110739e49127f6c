#!/usr/bin/env python3
"""Check the import layers of vm/src (the rules are in vm/src/lib.rs's crate doc).

Every `crate::NAME` path in a file (in `use` items and in expressions, including
`crate::{a, b::c}` groups) names a top-level module; a file may only name the modules
its layer allows:

    value.rs, alloc.rs, object/   the floor: value, alloc, object, vm (the Vm type only)
    frame/                        the floor and frame
    format/, profile/             the floor, frame, format, profile

Everything else (interp/, protocol/, builtins/, traceback.rs, run.rs, vm.rs, main.rs)
may import any module. Comments are ignored. Exit status 1 lists each violation as
path:line: the module it names.

usage: scripts/check_layers.py [vm/src]
"""
import os
import re
import sys

FLOOR = {"value", "alloc", "object", "vm"}
LAYERS = [
    # (path prefix relative to vm/src, allowed top-level modules)
    ("value.rs", FLOOR),
    ("alloc.rs", FLOOR),
    ("object/", FLOOR),
    ("frame/", FLOOR | {"frame"}),
    ("format/", FLOOR | {"frame", "format", "profile"}),
    ("profile/", FLOOR | {"frame", "format", "profile"}),
]

PATH = re.compile(r"\bcrate::(\{[^}]*\}|[a-z_][a-z0-9_]*)")
GROUP_ITEM = re.compile(r"(?:^|[{,])\s*([a-z_][a-z0-9_]*)")


def layer_of(rel):
    for prefix, allowed in LAYERS:
        if rel == prefix or rel.startswith(prefix):
            return prefix, allowed
    return None, None


def strip_comment(line):
    # Good enough for this tree: no `//` inside the string literals of a `crate::` line.
    i = line.find("//")
    return line if i < 0 else line[:i]


def named_modules(text):
    for m in PATH.finditer(text):
        part = m.group(1)
        if part.startswith("{"):
            # Only the first segment of each group item is a top-level module.
            depth0 = re.sub(r"\{[^{}]*\}", "", part[1:-1])
            for item in depth0.split(","):
                item = item.strip()
                if item:
                    yield item.split("::")[0]
        else:
            yield part


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "vm", "src")
    root = os.path.normpath(root)
    bad = []
    checked = 0
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            prefix, allowed = layer_of(rel)
            if prefix is None:
                continue
            checked += 1
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
            # Join `use crate::{ ... }` groups that span lines.
            i = 0
            while i < len(lines):
                start = i
                text = strip_comment(lines[i])
                while "crate::{" in text and text.count("{") > text.count("}") and i + 1 < len(lines):
                    i += 1
                    text += strip_comment(lines[i])
                for module in named_modules(text):
                    if module not in allowed:
                        bad.append(f"vm/src/{rel}:{start + 1}: {prefix} may not import crate::{module}")
                i += 1
    for b in bad:
        print(b)
    print(f"{checked} files in the lower layers checked, {len(bad)} violation(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
