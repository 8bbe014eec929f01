#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything with warnings as errors,
# runs every test project, and ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2

"$root/scripts/install-test-dependencies.sh" || echo "test: some test dependencies could not be installed; tests that need them will fail" >&2
export PATH="$root/.tools/bin:$PATH"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "test: building (warnings are errors)..."
if ! dotnet build HomeOps.slnx -c Debug -warnaserror --nologo -v quiet 2>&1 | tee "$log"; then
  echo "test: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "test: running every test project..."
dotnet test --solution HomeOps.slnx --no-build -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints a summary block: "total: N", "failed: N", "succeeded: N", "skipped: N".
total=$(grep -E '^\s*total:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^\s*failed:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
passed=$(grep -E '^\s*succeeded:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
if [[ -z "$total" || -z "$failed" || -z "$passed" ]]; then
  echo "test: could not read the test summary (exit code $status)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A test host crashed or no test ran: count it as a failure rather than report green.
  failed=1
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
