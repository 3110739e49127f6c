#!/usr/bin/env bash
# Cross-build pyhop for aarch64 and check it on an x86-64 machine:
#   1. the tail engine's handlers contain no indirect call (scripts/check_tail_calls.py),
#   2. the shared conformance suite passes under every engine, run with qemu-user,
#   3. 10^8 dispatches of a loop run on the tail engine.
# Installs what it needs when missing (rustup target, gcc-aarch64-linux-gnu for the C
# of mimalloc and the link, qemu-user; apt-get needs root). Not part of CI: the cross
# build takes several minutes. Usage: bash scripts/aarch64_check.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TARGET=aarch64-unknown-linux-gnu
if ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v aarch64-linux-gnu-gcc >/dev/null || ! command -v qemu-aarch64 >/dev/null; then
    apt-get update -q
    apt-get install -y -q gcc-aarch64-linux-gnu qemu-user
fi

export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CARGO_TARGET_DIR=target/aarch64
cargo build --release --target "$TARGET" -p pyhop-vm
BIN=$PWD/$CARGO_TARGET_DIR/$TARGET/release/pyhop
RUN=(qemu-aarch64 -L /usr/aarch64-linux-gnu "$BIN")

python3 scripts/check_tail_calls.py "$BIN"

if [[ -f ../shared/conformance/run.py ]]; then
    for engine in $("${RUN[@]}" --list-dispatch); do
        echo "conformance under qemu, --dispatch=$engine"
        python3 ../shared/conformance/run.py --jobs "$(nproc)" -- "${RUN[@]}" --dispatch="$engine"
    done
fi

# 8 instructions per iteration (see vm/tests/tail_canary.rs): 10^8 dispatches.
"${RUN[@]}" --dispatch=tail -c "
def spin(n):
    i = 0
    while i < n:
        i += 1
    return i
assert spin(12_500_001) == 12_500_001
print('aarch64 tail engine: 10^8 dispatches ok')
"
