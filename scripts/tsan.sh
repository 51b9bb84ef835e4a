#!/usr/bin/env bash
# Runs the Rust tests that use threads under ThreadSanitizer: the unit tests
# of the boundary and the provider state machines (refcounts, pins, racing
# Logoffs; the same filter as scripts/miri.sh), the vtable and provider
# tests (8 threads racing Logoff, logons racing Shutdown), the stress test
# and the tree test's readers and writers racing a Logoff; then the stress
# and tree tests again on the SQLite store. Any report fails the run.
# Needs the nightly toolchain with rust-src (installed here if missing) for
# -Zbuild-std (std itself must be instrumented); prints SKIPPED and exits 0
# if it cannot be had. Builds in target/tsan, not to disturb the normal
# build cache. Usage: bash scripts/tsan.sh
#
# Not run here:
# - tests/durable.rs: its concurrency is between processes (SQLite's file
#   locks), which TSan does not see; in each process only a thread reading a
#   child's pipe. Its crash trials also SIGKILL children 30-280 ms after
#   they start, a window set for uninstrumented children (instrumented ones
#   start and commit several times slower).
# - tests/trace.rs and tests/header.rs: no threads.
# - the table:: and mapi:: unit tests: no threads; the randomised table test
#   alone would take over 5 minutes under TSan.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The nightly toolchain first (if missing), then its sources for
# -Zbuild-std.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || true
fi
rustup component add --toolchain nightly rust-src >/dev/null 2>&1 || true
sysroot=$(rustup run nightly rustc --print sysroot 2>/dev/null || true)
if [ -z "$sysroot" ] || [ ! -d "$sysroot/lib/rustlib/src/rust/library" ]; then
  echo "SKIPPED: tsan: the nightly toolchain with rust-src is not available"
  exit 0
fi
target=$(rustup run nightly rustc -vV | sed -n 's/^host: //p')
case "$target" in
  x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu) ;;
  *)
    echo "SKIPPED: tsan: this script runs ThreadSanitizer on Linux x86_64/aarch64, not $target"
    exit 0
    ;;
esac

start=$(date +%s)
# Instruments this crate, its dependencies and (with -Zbuild-std) std.
export RUSTFLAGS="-Zsanitizer=thread"
# The bundled SQLite (rusqlite's cc build) is instrumented too, so that the
# stress and tree tests on the SQLite store check it as well: TSan sees
# memory accesses only in instrumented code. The runtime comes from Rust's
# link of the test binary; cc only compiles.
cflags_var="CFLAGS_${target//-/_}"
export "$cflags_var"="${!cflags_var:+${!cflags_var} }-fsanitize=thread"
# Stop at the first report (exit code 66); for a deadlock report, both
# lock stacks. scripts/tsan.supp: two races inside SQLite's own code,
# explained there; none in this crate's.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp"
# The vtable and unit tests panic on purpose (the panic boundary catches
# it); with RUST_BACKTRACE set, each panic would symbolise a backtrace
# through the instrumented std's debug information: 50-90 s each.
export RUST_BACKTRACE=0
tsan_test() {
  echo "+ $*" >&2
  cargo +nightly test -Zbuild-std --target "$target" --target-dir target/tsan "$@"
}
tsan_test --lib -- provider:: com:: store:: host::
tsan_test --test vtable --test provider --test stress --test tree
MSLOGON_STORE_DIR=:temp: tsan_test --test stress --test tree
echo "tsan: threaded tests passed in $(( $(date +%s) - start )) s"
