#!/usr/bin/env bash
# Benchmark (issue 6): `homeops validate` on a repository's GitOps tree against a sequential shell loop of
# `kubectl kustomize` over the same Flux Kustomization paths, plus `homeops diff --changed-only` after a one-file change.
# Usage: scripts/bench/validate.sh [REPO]   (default: this repository). Prints hyperfine's summaries and the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repo="$(cd "${1:-$root}" && pwd)"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
export PATH="$root/.tools/bin:$PATH"
"$root/homeops" --version >/dev/null   # build once, outside the measurement
homeops="$root/.build/homeops/homeops"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOMEOPS_CACHE_DIR="$work/cache"

# The Flux Kustomization paths the tree reconciles, found the way Flux finds them (entry folder, then every
# Kustomization's spec.path), so the loop builds exactly what validate builds.
entry="$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['gitops']['path'])" "$repo/cluster.yaml")"
python3 - "$repo" "$entry" > "$work/paths" <<'PY'
import subprocess, sys, yaml
repo, entry = sys.argv[1], sys.argv[2]
seen, queue = [], [entry]
while queue:
    path = queue.pop(0).strip("./") or "."
    if path in seen:
        continue
    seen.append(path)
    out = subprocess.run(["kubectl", "kustomize", f"{repo}/{path}"], capture_output=True, text=True).stdout
    for doc in yaml.safe_load_all(out):
        if doc and doc.get("kind") == "Kustomization" and "toolkit.fluxcd.io" in doc.get("apiVersion", ""):
            queue.append(doc["spec"]["path"])
print("\n".join(seen))
PY
count=$(wc -l < "$work/paths")
echo "bench: $count Kustomization paths under $repo"
loop="while read -r p; do kubectl kustomize \"$repo/\$p\" >/dev/null; done < $work/paths"
cd "$repo"
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$work/validate.json" \
  -n "sequential kubectl kustomize loop" "$loop" \
  -n "homeops validate (cold: --no-cache)" "$homeops validate --offline --no-cache" \
  -n "homeops validate (warm cache)" "$homeops validate --offline"

# --changed-only after a one-file change: a throwaway git copy, one edited file, warm cache.
cp -r "$repo" "$work/repo" && rm -rf "$work/repo/.git"
git -C "$work/repo" init -q && git -C "$work/repo" add -A && git -C "$work/repo" -c user.email=bench@example.com -c user.name=bench commit -qm base
file="$(grep -rl --include=*.yaml 'kind: Namespace' "$work/repo/infrastructure" "$work/repo/apps" 2>/dev/null | head -1 || true)"
file="${file:-$(find "$work/repo/$entry" -name '*.yaml' | head -1)}"
printf '\n# bench edit\n' >> "$file"
sed -i '0,/^metadata:/s//metadata:\n  annotations:\n    bench.homeops.dev\/edited: "true"/' "$file"
(cd "$work/repo" && "$homeops" diff --changed-only --offline >/dev/null)   # fills the cache for both sides
(cd "$work/repo" && hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$work/diff.json" -n "homeops diff --changed-only (one file changed)" "$homeops diff --changed-only --offline")

python3 - "$work/validate.json" "$work/diff.json" <<'PY'
import json, sys
v = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
d = json.load(open(sys.argv[2]))["results"][0]["median"]
loop = v["sequential kubectl kustomize loop"]
for name, median in v.items():
    print(f"{name}: median {median*1000:.0f} ms" + ("" if name.startswith("sequential") else f" ({loop/median:.2f}x faster than the loop)"))
print(f"homeops diff --changed-only after a one-file change: median {d*1000:.0f} ms (target: under 1000 ms)")
PY
