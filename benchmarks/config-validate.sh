#!/usr/bin/env bash
# Benchmark: `homeops config validate` on the bundled cluster.yaml, end to end (process start included), next to
# `homeops --version` (the floor: .NET start-up of the published ReadyToRun program, no work) and the published
# binary without the ./homeops script (whose staleness check costs a `find` over src/). Target (issue 13): median
# at most 150 ms. Prints hyperfine's summary, each median in ms, and config validate's median as a ratio to the
# target and to the start-up floor, measured side by side in one run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
./homeops --version >/dev/null   # build once, outside the measurement
out="$(mktemp)"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-json "$out" \
  './homeops config validate' '.build/homeops/homeops config validate' '.build/homeops/homeops --version'
python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    print(f"median: {r['median'] * 1000:.1f} ms  {r['command']}")
validate, floor = results[0]["median"] * 1000, results[2]["median"] * 1000
print(f"config validate: {validate:.1f} ms = {validate / 150:.2f}x the 150 ms target, {validate / floor:.2f}x the start-up floor ({floor:.1f} ms)")
PY
rm -f "$out"
