#!/usr/bin/env bash
# Runs the Rust tests that drive the extern "system" boundary (vtable calls,
# reference counts, Logoff re-entry and teardown, the provider list, the
# panic boundary) under Miri, which checks them for undefined behaviour.
# Needs the nightly toolchain with miri (installed here if missing); prints
# SKIPPED and exits 0 if it cannot be had. Usage: bash scripts/miri.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! cargo +nightly miri --version >/dev/null 2>&1; then
  # The nightly toolchain first (if missing), then its miri components.
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || true
  fi
  rustup component add --toolchain nightly miri rust-src >/dev/null 2>&1 || true
  if ! cargo +nightly miri --version >/dev/null 2>&1; then
    echo "SKIPPED: miri: the nightly toolchain with miri is not available"
    exit 0
  fi
fi
start=$(date +%s)
# The store stamps PR_CREATION_TIME / PR_LAST_MODIFICATION_TIME with the
# wall clock, which Miri's isolation forbids: let it read the clock.
export MIRIFLAGS="${MIRIFLAGS:-} -Zmiri-disable-isolation"
# The stress test's 90,000 calls would take Miri an hour: it runs natively.
cargo +nightly miri test --test vtable --test provider --test tree
cargo +nightly miri test --lib -- provider:: com:: store:: host::
echo "miri: boundary tests passed in $(( $(date +%s) - start )) s"
