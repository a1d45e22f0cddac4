#!/usr/bin/env bash
# Builds and runs the probe (see README.md): downloads bytedeco's PyTorch presets (about 110 MB) on first use.
# Usage: tools/bf16-probe/run.sh [threads] [rounds]
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# tcmalloc as resface has it: with glibc's malloc every large tensor is mapped and zeroed anew (5x slower here)
export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
exec java -cp "target/classes:$(cat target/classpath.txt)" dev.resface.tools.Bf16Probe "${1:-$(nproc)}" "${2:-3}"
