#!/usr/bin/env bash
# Benchmark: `homeops config validate` on the bundled cluster.yaml, end to end (process start included).
# Target (issue 2): median under 300 ms. Prints hyperfine's summary and the median in milliseconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
./homeops --version >/dev/null   # build once, outside the measurement
out="$(mktemp)"
hyperfine --warmup 3 --runs "${RUNS:-30}" --export-json "$out" './homeops config validate'
median=$(python3 -c "import json,sys; print(round(json.load(open('$out'))['results'][0]['median']*1000,1))")
echo "median: ${median} ms"
rm -f "$out"
