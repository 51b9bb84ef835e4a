#!/usr/bin/env bash
# Runs the C/C++ host tests and the demo of a CMake build under
# valgrind --leak-check=full: any invalid access or leak fails.
# Usage: bash scripts/valgrind.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-build}"
if ! command -v valgrind >/dev/null 2>&1; then
  echo "SKIPPED: valgrind is not installed"
  exit 0
fi
status=0
count=0
for exe in "$dir"/test_*_shared "$dir"/test_*_static "$dir"/mslogon-demo; do
  [ -x "$exe" ] || continue
  count=$((count + 1))
  # --fair-sched=yes: valgrind runs one thread at a time, and its default
  # lock lets a spinning thread starve the others (a race test once spun
  # for the rest of a CI run); timeout: a hang fails, it does not eat CI.
  if timeout 900 valgrind -q --fair-sched=yes --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite,indirect "$exe" >"$exe.valgrind.log" 2>&1; then
    echo "valgrind ok:     $(basename "$exe")"
  else
    echo "valgrind FAILED: $(basename "$exe")"
    cat "$exe.valgrind.log"
    status=1
  fi
done
[ "$count" -gt 0 ] || { echo "valgrind: no test programs in $dir" >&2; exit 1; }
exit "$status"
