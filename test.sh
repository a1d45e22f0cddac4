#!/usr/bin/env bash
# The test command: set up, then build and run every test with the same native settings as the launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/setup.sh"
tcmalloc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
[[ -f "$tcmalloc" ]] && export LD_PRELOAD="$tcmalloc${LD_PRELOAD:+:$LD_PRELOAD}"
cd "$root" && exec mvn -B install "$@"
