#!/usr/bin/env bash
# Runs every check: Rust formatting, clippy, the Rust tests, then the CMake
# build and the C/C++ tests. Usage: bash scripts/test.sh
# The CMake build directories are $MSLOGON_BUILD_DIR (default: build), a
# Debug build, and $MSLOGON_BUILD_DIR-release: the C/C++ tests run against
# both cargo profiles (an optimiser-only bug once hid from Debug).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir="${MSLOGON_BUILD_DIR:-build}"

run() {
  echo "+ $*" >&2
  "$@"
}

run cargo fmt --all -- --check
run cargo clippy --all-targets -- -D warnings
run cargo test
for config in Debug Release; do
  dir="$build_dir"
  [ "$config" = Debug ] || dir="$build_dir-release"
  run cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$config"
  run cmake --build "$dir"
  run ctest --test-dir "$dir" --output-on-failure
  # CTest lists skipped tests without their output: show why (a test that
  # cannot run here prints "SKIPPED: <reason>" and exits 77).
  skipped=$(grep -h '^SKIPPED: ' "$dir/Testing/Temporary/LastTest.log" 2>/dev/null | sort -u || true)
  if [ -n "$skipped" ]; then
    echo "*** $config: tests SKIPPED (not passed):" >&2
    printf '%s\n' "$skipped" >&2
  fi
done
