#!/usr/bin/env bash
# A bounded libFuzzer campaign on the vtable_calls target (fuzz/): replays
# the regression inputs in fuzz/regressions, then fuzzes for
# $MSLOGON_FUZZ_SECONDS seconds (default 60). Needs nightly and cargo-fuzz
# (installed here if missing); prints SKIPPED and exits 0 if they cannot be
# had. A crash fails the script and leaves the input in fuzz/artifacts/.
# Usage: bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${MSLOGON_FUZZ_SECONDS:-60}"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  if ! rustup toolchain install nightly --profile minimal >/dev/null 2>&1; then
    echo "SKIPPED: fuzz: the nightly toolchain is not available"
    exit 0
  fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  if ! cargo install cargo-fuzz --locked >/dev/null 2>&1; then
    echo "SKIPPED: fuzz: cargo-fuzz could not be installed"
    exit 0
  fi
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
fail() {
  tail -n 60 "$log"
  echo "fuzz: FAILED ($1): a crash, leak or timeout; the input is in fuzz/artifacts/vtable_calls/" >&2
  exit 1
}
# Regressions first: each input once.
shopt -s nullglob
regressions=(fuzz/regressions/*)
if [ "${#regressions[@]}" -ne 0 ]; then
  cargo +nightly fuzz run vtable_calls "${regressions[@]}" >"$log" 2>&1 || fail regressions
  echo "fuzz: ${#regressions[@]} regression input(s) pass"
fi
mkdir -p fuzz/corpus/vtable_calls
cargo +nightly fuzz run vtable_calls fuzz/corpus/vtable_calls -- \
  -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1 || fail campaign
grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" || true
echo "fuzz: no crash, leak or timeout in ${seconds} s"
