#!/usr/bin/env bash
# Benchmark: `homeops talos render` for the bundled cluster's three nodes, secrets included, end to end
# (process start, cluster.yaml, patches, secrets bundle, render, schema validation, writing the files).
# Target (issue 3): median under 500 ms. Prints hyperfine's summary and the median in milliseconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
./homeops --version >/dev/null   # build once, outside the measurement
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A throwaway bundle outside the repository, so the benchmark never touches real secrets.
./homeops talos secrets generate --out "$work/secrets.yaml" >/dev/null
out="$work/hyperfine.json"
hyperfine --warmup 3 --runs "${RUNS:-30}" --export-json "$out" \
  "./homeops talos render --from '$work/secrets.yaml' --out '$work/generated'"
[[ -f "$work/generated/talosconfig" ]]
median=$(python3 -c "import json; print(round(json.load(open('$out'))['results'][0]['median']*1000,1))")
echo "median: ${median} ms"
