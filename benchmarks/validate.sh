#!/usr/bin/env bash
# Benchmark (issues 13 and 21): `homeops validate` against a sequential `kubectl kustomize` loop over the same Flux
# Kustomization paths, measured side by side in one run on each tree, with CPU time (user + system, children
# included) beside wall time; then `validate --changed-only` after a one-file change and `config validate`.
#
# Usage: benchmarks/validate.sh [TREE...]
#   TREE: own (this repository) | onedr0p | buroa | joryirving (../shared/reference/trees) | generated:N (a foreign
#   layout with N Flux Kustomizations, benchmarks/lib/generate_tree.py). Default: own, the three corpus trees when
#   ../shared is there, generated:100 and generated:300 (the pair shows whether time grows linearly).
#   RUNS (default 5) sets hyperfine's runs per command.
#   BASELINE=/path/to/homeops (another build, e.g. of an earlier commit) adds its cold and warm runs to the same
#   hyperfine run, so a change is measured before and after side by side, under the same load.
# Targets: cold (--no-cache) <= 0.5x the loop, warm <= 0.1x the loop, --changed-only <= 300 ms, config validate <= 150 ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/benchmarks/lib"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
command -v kubectl >/dev/null || { echo "bench: kubectl is not installed" >&2; exit 2; }
export PATH="$root/.tools/bin:$PATH"
"$root/homeops" --version >/dev/null   # build once, outside the measurement
homeops="$root/.build/homeops/homeops"
runs="${RUNS:-5}"
corpus="$root/../shared/reference/trees"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

trees=("$@")
if [[ ${#trees[@]} -eq 0 ]]; then
  trees=(own)
  [[ -d "$corpus" ]] && trees+=(onedr0p buroa joryirving)
  trees+=(generated:100 generated:300)
fi

# prepare NAME -> sets $dir (the tree) and $entry (its Flux entry folder, empty for cluster.yaml's)
prepare() {
  case "$1" in
    own) dir="$root"; entry="" ;;
    onedr0p | buroa | joryirving)
      local archive
      archive="$(find "$corpus" -maxdepth 1 -name "$1--*.tar.gz" | head -1)"
      [[ -n "$archive" ]] || { echo "bench: no corpus tree '$1' in $corpus" >&2; return 1; }
      dir="$work/trees/$1"; mkdir -p "$dir"; tar -xzf "$archive" -C "$dir"
      if [[ "$1" == joryirving ]]; then entry="kubernetes/clusters/main"; else entry="kubernetes/flux/cluster"; fi ;;
    generated:*)
      dir="$work/trees/$1"; python3 "$lib/generate_tree.py" "$dir" "${1#generated:}"; entry="kubernetes/flux/cluster" ;;
    *) echo "bench: unknown tree '$1'" >&2; return 1 ;;
  esac
}

for tree in "${trees[@]}"; do
  prepare "$tree" || continue
  name="${tree/:/-}"
  loop_entry="$entry"
  [[ -z "$loop_entry" ]] && loop_entry="$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['gitops']['path'])" "$dir/cluster.yaml")"
  # The loop builds a scratch copy in which folders without a kustomization file get the one Flux generates.
  scratch="$work/scratch/$name"; mkdir -p "$scratch"; cp -r "$dir/." "$scratch/"; rm -rf "$scratch/.git"
  python3 "$lib/flux_paths.py" "$scratch" "$loop_entry" > "$work/$name.paths"
  count=$(wc -l < "$work/$name.paths")
  echo "bench: $tree: $count Flux Kustomization paths"
  path_arg=""; [[ -n "$entry" ]] && path_arg="--path $entry"
  export HOMEOPS_CACHE_DIR="$work/cache/$name"
  baseline=()
  if [[ -n "${BASELINE:-}" ]]; then
    baseline=(-n "cold baseline" "env HOMEOPS_CACHE_DIR=$work/cache/$name-baseline $BASELINE validate --offline --no-cache $path_arg"
      -n "warm baseline" "env HOMEOPS_CACHE_DIR=$work/cache/$name-baseline $BASELINE validate --offline $path_arg")
  fi
  (cd "$dir" && hyperfine --warmup 1 --runs "$runs" -i --export-json "$work/$name.json" \
    -n loop "while read -r p; do kubectl kustomize --load-restrictor LoadRestrictionsNone \"$scratch/\$p\" >/dev/null; done < $work/$name.paths" \
    -n cold "$homeops validate --offline --no-cache $path_arg" \
    -n warm "$homeops validate --offline $path_arg" "${baseline[@]}")
  echo "$tree $count $work/$name.json" >> "$work/index"
done

# validate --changed-only after a one-file change, on a throwaway git copy of this repository (warm cache).
copy="$work/changed"; cp -r "$root/." "$copy"; rm -rf "$copy/.git" "$copy/.build" "$copy/.tools" "$copy/node_modules" "$copy/TestResults"
git -C "$copy" init -q && git -C "$copy" add -A && git -C "$copy" -c user.email=bench@example.com -c user.name=bench commit -qm base
export HOMEOPS_CACHE_DIR="$work/cache/changed"
(cd "$copy" && { "$homeops" validate --offline >/dev/null || true; })   # fills the cache
[[ -n "${BASELINE:-}" ]] && (cd "$copy" && { HOMEOPS_CACHE_DIR="$work/cache/changed-baseline" "$BASELINE" validate --offline >/dev/null || true; })
file="$(grep -rl --include=*.yaml '^kind: Namespace' "$copy/infrastructure" "$copy/apps" 2>/dev/null | head -1 || true)"
sed -i '0,/^metadata:/s//metadata:\n  annotations:\n    bench.homeops.dev\/edited: "true"/' "$file"
# validate after the one-file change: the result cache misses, every other Kustomization's build is cached. Each run
# writes a comment no earlier run wrote: with two alternating contents, both results (and both builds) were cached
# after the warm-up, and every timed run was a cache hit.
toggle="$work/toggle.sh"
cat > "$toggle" <<TOGGLE
#!/usr/bin/env bash
sed -i "/bench-toggle/d" "$file" && echo "# bench-toggle \$(date +%s%N)" >> "$file"
TOGGLE
chmod +x "$toggle"
changed=()
if "$homeops" validate --help 2>/dev/null | grep -q -- '--changed-only'; then
  # Each run a new change (a save hook), then the same change again (a second look: the result cache answers).
  changed+=(-n "validate --changed-only after a one-file change" "$toggle && $homeops validate --offline --changed-only"
    -n "validate --changed-only, same change again" "$homeops validate --offline --changed-only")
fi
changed+=(-n "validate after a one-file change" "$toggle && $homeops validate --offline")
[[ -n "${BASELINE:-}" ]] && changed+=(-n "validate after a one-file change (baseline)" "$toggle && env HOMEOPS_CACHE_DIR=$work/cache/changed-baseline $BASELINE validate --offline")
(cd "$copy" && hyperfine --warmup 1 --runs "$((runs * 2))" -i --export-json "$work/changed.json" "${changed[@]}" \
  -n "diff --changed-only" "$homeops diff --offline --changed-only" \
  -n "config validate" "$homeops config validate")

python3 "$lib/report.py" "$work/index" "$work/changed.json"
