#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything with warnings as errors,
# runs every test project, lists every skipped test with its reason, and ends with one line
# "N passed, N failed, N skipped".
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
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "test: running every test project..."
# --show-test-results prints a block for every failed and every skipped test (a skip's block holds its reason).
dotnet test --solution HomeOps.slnx --no-build -c Debug --no-ansi --show-test-results failed,skipped 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints a summary block: "total: N", "failed: N", "succeeded: N", "skipped: N".
total=$(grep -E '^\s*total:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^\s*failed:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
passed=$(grep -E '^\s*succeeded:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
skipped=$(grep -E '^\s*skipped:' "$log" | tail -1 | grep -oE '[0-9]+' || true)
if [[ -z "$total" || -z "$failed" || -z "$passed" ]]; then
  echo "test: could not read the test summary (exit code $status)"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
skipped=${skipped:-0}
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A test host crashed or no test ran: count it as a failure rather than report green.
  failed=1
fi

if [[ $skipped -gt 0 ]]; then
  # Each skip block: "skipped <test name>", its reason indented by two spaces, then "  from <assembly>".
  echo "test: $skipped skipped, with their reasons:"
  sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
    /^skipped / { name = substr($0, 9); reason = ""; inblock = 1; next }
    inblock && /^  from / { print "  " name ": " (reason == "" ? "(no reason given)" : reason); inblock = 0; next }
    inblock && /^  / { line = $0; sub(/^ +/, "", line); reason = (reason == "" ? line : reason " " line); next }
    inblock { print "  " name ": " (reason == "" ? "(no reason given)" : reason); inblock = 0 }
  '
fi

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
