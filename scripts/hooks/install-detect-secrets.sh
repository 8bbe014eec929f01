#!/usr/bin/env bash
# Installs detect-secrets at the version scripts/hooks/requirements.txt pins into a venv in .tools/detect-secrets,
# where scripts/hooks/detect-secrets.sh finds it. Does nothing when that version is there already.
# detect-secrets is on PyPI only (not in Debian or npm): where pip cannot reach PyPI this fails and says why.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
requirements="$root/scripts/hooks/requirements.txt"
venv="$root/.tools/detect-secrets"
pin="$(sed -n 's/^detect-secrets==//p' "$requirements")"

if [[ -x "$venv/bin/detect-secrets-hook" && "$("$venv/bin/detect-secrets-hook" --version 2>/dev/null)" == "$pin" ]]; then
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "detect-secrets: python3 is not installed (needed for detect-secrets $pin)" >&2
  exit 1
fi
rm -rf "$venv"
if ! python3 -m venv "$venv" >/dev/null 2>&1; then
  echo "detect-secrets: python3 -m venv failed (Debian: apt-get install python3-venv)" >&2
  rm -rf "$venv"
  exit 1
fi
log="$(mktemp)"
if ! "$venv/bin/pip" install --disable-pip-version-check --retries 1 --timeout 15 -r "$requirements" >"$log" 2>&1; then
  reason="$(grep -E '^ERROR' "$log" | tail -1)"
  grep -q -E 'NewConnectionError|Name or service not known|Temporary failure in name resolution' "$log" \
    && reason="pip cannot reach PyPI from this machine (${reason:-no answer})"
  echo "detect-secrets: could not install detect-secrets $pin: ${reason:-see the output of pip}" >&2
  rm -rf "$venv" "$log"
  exit 1
fi
rm -f "$log"
echo "detect-secrets: installed $("$venv/bin/detect-secrets-hook" --version) into .tools/detect-secrets"
