#!/usr/bin/env bash
# Regenerates the CRD schemas in schemas/crds/ from the real charts at the versions the tree pins: each chart is
# rendered with `helm template --include-crds` (so CRDs the chart puts under templates/ behind a value are included
# too) and every CRD schemas/crds/<component>/ already holds is replaced by the chart's copy, under a first line
#   # Source: chart <chart> <version>
# that tests/HomeOps.Tree.Tests/SchemaVersionTests.cs compares with the tree's HelmRelease pins.
#
# Usage: scripts/schemas/crds-from-charts.sh [CHARTS_DIR]   (default: ../shared/reference/charts, a Helm repository
# folder holding <chart>-<version>.tgz for every pinned chart). CRDs that no chart ships (Flux's, Cilium's) are
# copied from their upstream repositories by hand; schemas/README.md lists them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
charts="${1:-$root/../shared/reference/charts}"
export PATH="$root/.tools/bin:$PATH"

# component folder | chart | HelmRelease file that pins its version | extra helm arguments
rows=(
  "cert-manager|cert-manager|infrastructure/cert-manager/helmrelease.yaml|--set crds.enabled=true"
  "cnpg|cloudnative-pg|infrastructure/cnpg-operator/helmrelease.yaml|"
  "cnpg|plugin-barman-cloud|infrastructure/cnpg-barman-plugin/helmrelease.yaml|"
  "longhorn|longhorn|infrastructure/longhorn/helmrelease.yaml|"
  "external-secrets|external-secrets|infrastructure/external-secrets/helmrelease.yaml|"
  "external-dns|external-dns|infrastructure/external-dns/cloudflare.yaml|"
  "snapshot|snapshot-controller|infrastructure/snapshot-controller/helmrelease.yaml|"
  "prometheus-operator|kube-prometheus-stack|infrastructure/kube-prometheus-stack/helmrelease.yaml|"
)

for row in "${rows[@]}"; do
  IFS='|' read -r component chart release extra <<<"$row"
  version="$(awk '/chart: '"$chart"'$/ { found = 1 } found && /version:/ { print $2; exit }' "$root/$release")"
  archive="$charts/$chart-$version.tgz"
  [[ -f "$archive" ]] || { echo "crds-from-charts: $archive is missing" >&2; exit 1; }
  # shellcheck disable=SC2086 # extra holds several words on purpose
  helm template crds "$archive" --namespace crds --include-crds $extra >"$root/.crds-rendered.yaml"
  python3 - "$root/.crds-rendered.yaml" "$root/schemas/crds/$component" "$chart" "$version" <<'PY'
import pathlib, re, sys
rendered, folder, chart, version = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4]
documents = re.split(r"^---\s*$", pathlib.Path(rendered).read_text(), flags=re.M)
def crd_name(text):
    if not re.search(r"^kind: CustomResourceDefinition\s*$", text, re.M):
        return None
    match = re.search(r'^metadata:\n(?:[ ].*\n)*?  name: "?([\w.-]+)"?$', text, re.M)
    return match.group(1) if match else None
by_name = {crd_name(d): d for d in documents if crd_name(d)}
for file in sorted(folder.glob("*.yaml")):
    name = crd_name(file.read_text())
    if name not in by_name:
        continue
    body = "\n".join(l for l in by_name[name].strip("\n").splitlines() if not l.startswith("# Source:"))
    file.write_text(f"# Source: chart {chart} {version}\n---\n{body}\n")
    print(f"crds-from-charts: {file.relative_to(folder.parent.parent.parent)} <- {chart} {version}")
PY
done
rm -f "$root/.crds-rendered.yaml"
