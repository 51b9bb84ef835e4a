#!/usr/bin/env bash
# Runs every check: Rust formatting, clippy, the Rust tests, then the CMake
# build and the C/C++ tests, the same tests again on the SQLite store, then
# the hardening runs. Usage:
#   bash scripts/test.sh
# The CMake build directories are $MSLOGON_BUILD_DIR (default: build), a
# Debug build, and $MSLOGON_BUILD_DIR-release: the C/C++ tests run against
# both cargo profiles (an optimiser-only bug once hid from Debug); then
# $MSLOGON_BUILD_DIR-asan, the C/C++ tests under AddressSanitizer + UBSan,
# the Debug tests again under valgrind, the boundary tests under Miri, the
# threaded Rust tests under ThreadSanitizer (scripts/tsan.sh, nightly with
# -Zbuild-std, built in target/tsan), and a bounded fuzzing campaign
# ($MSLOGON_FUZZ_SECONDS, default 60).
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

# The same Rust and C/C++ tests on the durable store: with
# MSLOGON_STORE_DIR=:temp: every store is a scratch SQLite file (one suite,
# both backends; the Windows and consumer tests ran above).
MSLOGON_STORE_DIR=:temp: run cargo test
MSLOGON_STORE_DIR=:temp: run ctest --test-dir "$build_dir-release" --output-on-failure \
  -LE windows -E consumer

# Hardening: sanitizers, valgrind, Miri, TSan, fuzzing (scripts/*.sh; each
# prints SKIPPED if its tool cannot be had, and fails on any finding).
run cmake -S . -B "$build_dir-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMSLOGON_SANITIZE=ON \
  -DMSLOGON_WINDOWS_TESTS=OFF -DMSLOGON_CONSUMER_TESTS=OFF
run cmake --build "$build_dir-asan"
run ctest --test-dir "$build_dir-asan" --output-on-failure
run bash scripts/valgrind.sh "$build_dir"
run bash scripts/miri.sh
run bash scripts/tsan.sh
run bash scripts/fuzz.sh
