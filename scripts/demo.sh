#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh), builds the library and the
# demo host with CMake, then runs the demo, which loads the library with
# dlopen/dlsym("MSProviderInit") as MAPI does.
# Usage: bash scripts/demo.sh [--fresh-store] [path/to/libmslogon.so]
# The CMake build directory is $MSLOGON_BUILD_DIR (default: build), shared
# with scripts/test.sh, so it is configured exactly the same way. The demo's
# act 6 keeps a real store file there, $MSLOGON_BUILD_DIR/demo-store/
# store-1.mslogon.db (created on the first run, reopened on the next ones:
# its message count grows by one each run; --fresh-store starts it over).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir="${MSLOGON_BUILD_DIR:-build}"

bash scripts/setup.sh

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug
# The demo does not link the library (it dlopens it, as MAPI does): build the
# cargo target explicitly too, although mslogon-demo already depends on it.
cmake --build "$build_dir" --target mslogon_cargo mslogon-demo
exec "$build_dir/mslogon-demo" --store-dir "$build_dir/demo-store" "$@"
