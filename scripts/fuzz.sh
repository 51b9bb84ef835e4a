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
# Regressions first: each input once.
shopt -s nullglob
regressions=(fuzz/regressions/*)
if [ "${#regressions[@]}" -ne 0 ]; then
  cargo +nightly fuzz run vtable_calls "${regressions[@]}" -- -runs=0
fi
mkdir -p fuzz/corpus/vtable_calls
cargo +nightly fuzz run vtable_calls fuzz/corpus/vtable_calls -- \
  -max_total_time="$seconds" -print_final_stats=1 2>&1 |
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done|==)' || true
# grep swallows the status: a crash leaves an artifact.
if compgen -G 'fuzz/artifacts/vtable_calls/crash-*' >/dev/null; then
  echo "fuzz: CRASH, see fuzz/artifacts/vtable_calls/" >&2
  exit 1
fi
echo "fuzz: no crash in ${seconds} s"
