#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh), builds the library and the
# demo host with CMake, then runs the demo, which loads the library with
# dlopen/dlsym("MSProviderInit") as MAPI does.
# Usage: bash scripts/demo.sh [path/to/libmslogon.so]
# The CMake build directory is $MSLOGON_BUILD_DIR (default: build), shared
# with scripts/test.sh, so it is configured exactly the same way.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir="${MSLOGON_BUILD_DIR:-build}"

bash scripts/setup.sh

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug
# The demo does not link the library (it dlopens it, as MAPI does): build the
# cargo target explicitly too, although mslogon-demo already depends on it.
cmake --build "$build_dir" --target mslogon_cargo mslogon-demo
exec "$build_dir/mslogon-demo" "$@"
