#!/usr/bin/env bash
# The detect-secrets hook: runs detect-secrets-hook (pinned in scripts/hooks/requirements.txt) from the venv that
# `task pre-commit:setup` and scripts/install-test-dependencies.sh create in .tools/detect-secrets, or from PATH.
# A secret that is not in .secrets.baseline fails the commit. Missing tool: exit 127 with the way to install it
# (detect-secrets comes from PyPI only; where pip cannot reach it, skip this hook once with SKIP=detect-secrets).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
hook="$root/.tools/detect-secrets/bin/detect-secrets-hook"
if [[ ! -x "$hook" ]]; then
  hook="$(command -v detect-secrets-hook || true)"
fi
if [[ -z "$hook" ]]; then
  echo "detect-secrets: not installed; run 'task pre-commit:setup' (python3 -m venv .tools/detect-secrets &&" \
    ".tools/detect-secrets/bin/pip install -r scripts/hooks/requirements.txt)" >&2
  exit 127
fi
exec "$hook" "$@"
