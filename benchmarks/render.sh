#!/usr/bin/env bash
# Benchmark: `homeops render --check` (load cluster.yaml, render the five generated files, compare them with the
# tree) and `homeops check`, end to end with process start, next to one `kubectl kustomize` of the cluster entry
# for scale. No target: recorded so a slowdown is visible. Prints hyperfine's summary and each median in ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
./homeops --version >/dev/null   # build once, outside the measurement
out="$(mktemp)"
hyperfine --warmup 3 --runs "${RUNS:-30}" --export-json "$out" \
  './homeops render --check' './homeops check' 'kubectl kustomize clusters/home-ops'
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median: {r['median'] * 1000:.1f} ms  {r['command']}")
PY
rm -f "$out"
