#!/usr/bin/env bash
# Installs the programs the tests run for real, each only when missing. Safe to run repeatedly.
# Needs root (or sudo) for Debian packages; what cannot be installed is reported, not hidden.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
missing=0

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_packages=()
for pair in "hyperfine:hyperfine"; do
  cmd="${pair%%:*}"; pkg="${pair##*:}"
  command -v "$cmd" >/dev/null || apt_packages+=("$pkg")
done
if [[ ${#apt_packages[@]} -gt 0 ]]; then
  echo "deps: installing ${apt_packages[*]} (apt)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}" >/dev/null 2>&1; then
    as_root apt-get update >/dev/null 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}" >/dev/null 2>&1 \
      || { echo "deps: could not install ${apt_packages[*]}" >&2; missing=1; }
  fi
fi

command -v kubectl >/dev/null || { echo "deps: kubectl (for 'kubectl kustomize') is not installed" >&2; missing=1; }
exit $missing
