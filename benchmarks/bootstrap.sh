#!/usr/bin/env bash
# A full `homeops bootstrap` against fakes that answer instantly (target: under 2 s of the engine's own time).
# Builds the benchmark in Release and prints median/min/max over N runs (default 10) after one warm-up run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/tests/HomeOps.Bench" -c Release --nologo -v quiet >/dev/null
dotnet "$root/tests/HomeOps.Bench/bin/Release/net10.0/HomeOps.Bench.dll" "$root" "${1:-10}"
