#!/usr/bin/env python3
"""Report a pyhop DXP profile (dynamic execution profile), like CPython's analyze_dxp.py.

usage: dxp_report.py PROFILE.json [--top N] [--pyhop BIN]
       dxp_report.py --run PROGRAM.py [ARGS...] [--top N] [--pyhop BIN]

PROFILE.json is what `pyhop --dxp-out PROFILE.json prog.py` writes (format
"pyhop-dxp-1": "singles" maps opcode names to counts, "pairs" lists
[previous, current, count], with "<start>" as the previous opcode at frame entry).
--run profiles PROGRAM.py first. The opcode table, with each opcode's predicted
successors, comes from `pyhop --list-opcodes --json`, so no opcode list is kept here.

Prints: the most frequent opcodes, the most frequent pairs, the hit rate of every
predicted pair (how often the predicted successor really followed), predicted pairs
that never occurred, and the hot pairs that are not predicted (superinstruction or
prediction candidates). Standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def opcode_table(pyhop):
    out = subprocess.run([pyhop, "--list-opcodes", "--json"], capture_output=True, text=True, check=True)
    return {row["name"]: row for row in json.loads(out.stdout)}


def main(argv):
    top = 15
    pyhop = os.path.join(ROOT, "target", "release", "pyhop")
    args = list(argv)
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    if "--pyhop" in args:
        i = args.index("--pyhop")
        pyhop = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    if args[0] == "--run":
        fd, path = tempfile.mkstemp(suffix=".json")
        os.close(fd)
        p = subprocess.run([pyhop, "--dxp-out", path] + args[1:], stdout=subprocess.DEVNULL)
        if p.returncode != 0:
            sys.exit("dxp_report: the program failed (exit %d)" % p.returncode)
    else:
        path = args[0]
    with open(path) as fh:
        prof = json.load(fh)
    table = opcode_table(pyhop)
    singles = prof["singles"]
    pairs = {(a, b): c for a, b, c in prof["pairs"]}
    total = sum(singles.values()) or 1

    print("%d instructions executed, %d distinct opcodes, %d distinct pairs" % (total, len(singles), len(pairs)))
    if "counted_by" in prof:
        print("engine asked for: %s; counted by: %s (DXP always counts on the switch loop); specialisation %s"
              % (prof["engine"], prof["counted_by"], "on" if prof.get("specialize") else "off"))
    print("\nmost frequent opcodes")
    cum = 0
    for name, c in sorted(singles.items(), key=lambda kv: -kv[1])[:top]:
        cum += c
        print("  %-24s %12d  %5.1f%%  (cum %5.1f%%)" % (name, c, 100.0 * c / total, 100.0 * cum / total))

    print("\nmost frequent pairs")
    for (a, b), c in sorted(pairs.items(), key=lambda kv: -kv[1])[:top]:
        print("  %-24s -> %-24s %12d  %5.1f%%" % (a, b, c, 100.0 * c / total))

    print("\nprediction hit rates (predicted successor / executions of the first opcode)")
    never = []
    predicted = set()
    for name, row in sorted(table.items()):
        for succ in row["predicts"]:
            predicted.add((name, succ))
            first = singles.get(name, 0)
            hits = pairs.get((name, succ), 0)
            if first == 0:
                continue
            if hits == 0:
                never.append((name, succ, first))
                continue
            print("  %-24s -> %-24s %12d of %12d  %5.1f%%" % (name, succ, hits, first, 100.0 * hits / first))
    if never:
        print("\npredicted pairs that never occurred (the first opcode ran)")
        for a, b, n in never:
            print("  %-24s -> %-24s (%d executions of %s)" % (a, b, n, a))

    spec = prof.get("specialization") or {}
    if spec:
        print("\nspecialisation per generic opcode (attempts that specialised / failed; specialised executions that hit / missed; fall-backs)")
        print("  %-24s %10s %10s %12s %12s %8s %7s" % ("opcode", "special.", "failed", "hit", "miss", "deopt", "hit%"))
        for name, s in sorted(spec.items(), key=lambda kv: -(kv[1]["hit"] + kv[1]["miss"])):
            runs = s["hit"] + s["miss"]
            print("  %-24s %10d %10d %12d %12d %8d %6.1f%%" % (name, s["specialised"], s["failed"], s["hit"], s["miss"], s["deopt"],
                                                          100.0 * s["hit"] / runs if runs else 0.0))

    print("\nhot pairs that are not predicted (superinstruction / prediction candidates)")
    shown = 0
    for (a, b), c in sorted(pairs.items(), key=lambda kv: -kv[1]):
        if a == "<start>" or (a, b) in predicted:
            continue
        print("  %-24s -> %-24s %12d  %5.1f%%" % (a, b, c, 100.0 * c / total))
        shown += 1
        if shown >= top:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
