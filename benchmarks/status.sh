#!/usr/bin/env bash
# Benchmark (issue 14): `homeops status` over a synthetic cluster of 10,000 objects (the status fixture's 14 kinds,
# copied with numbered names) served by the fake API server on 127.0.0.1. Target: under 2 s. Prints the API requests
# per run, which must equal the number of kinds read (one list per kind, never one per object), and the median,
# min and max over N runs (default 10) after one warm-up run. Exit 1 when requests and kinds differ.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/tests/HomeOps.Bench" -c Release --nologo -v quiet >/dev/null
dotnet "$root/tests/HomeOps.Bench/bin/Release/net10.0/HomeOps.Bench.dll" status "$root" "${1:-10}" "${OBJECTS:-10000}"
