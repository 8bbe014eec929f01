#!/usr/bin/env bash
# The prettier hook, with the seed's split: a syntax error is ENFORCED, formatting is a WARNING.
#   - a file prettier cannot parse (prettier exits 2) fails the commit;
#   - a file that parses but is not in prettier's format (prettier exits 1) is listed as a warning and the commit
#     goes on (the hook is `verbose: true`, so pre-commit prints the list even when it passes).
# Files prettier never reads are in .prettierignore. Fix the warnings with `node_modules/.bin/prettier --write FILE`.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prettier="$root/node_modules/.bin/prettier"
if [[ ! -x "$prettier" ]]; then
  echo "prettier: not installed; run 'npm ci' (package.json pins prettier)" >&2
  exit 127
fi
[[ $# -eq 0 ]] && exit 0

output="$("$prettier" --check --no-error-on-unmatched-pattern "$@" 2>&1)"
status=$?
case $status in
  0) exit 0 ;;
  1)
    files="$(grep -E '^\[warn\] ' <<<"$output" | grep -v 'Code style issues' | sed 's/^\[warn\] /  /')"
    echo "prettier: warning: $(grep -c . <<<"$files") file(s) not in prettier's format (a warning, not an error):"
    echo "$files"
    echo "  fix: node_modules/.bin/prettier --write FILE"
    exit 0
    ;;
  *)
    echo "$output"
    echo "prettier: error: a file above could not be parsed (a syntax error fails the commit)" >&2
    exit 1
    ;;
esac
