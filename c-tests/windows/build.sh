#!/bin/sh
# Configures and builds the Windows cross project (c-tests/windows) into
# <build-dir>: mslogon.dll (cargo --target <rust-target>), bcryptprimitives.dll,
# the test hosts and the layout checks. Run by the CTest tests
# windows_build_x86_64 / windows_build_i686.
#
#   build.sh <toolchain-file> <build-dir> <build-type> <rust-target> \
#            [<generator> [<make-program> [<cargo>]]]
#
# Exit status: 0 built; 77 skipped (a tool or the Rust target is missing;
# <build-dir>/SKIPPED then holds the reason, and run-if-built.sh skips the
# tests that need this build); anything else: the build failed.
set -eu

if [ "$#" -lt 4 ]; then
  echo "usage: $0 <toolchain-file> <build-dir> <build-type> <rust-target> [<generator> [<make-program> [<cargo>]]]" >&2
  exit 2
fi
toolchain=$1
build_dir=$2
build_type=$3
rust_target=$4
generator=${5:-}
make_program=${6:-}
cargo=${7:-cargo}
cmake=${CMAKE_COMMAND:-cmake}
src_dir=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$build_dir"
marker="$build_dir/SKIPPED"
rm -f "$marker"

skip() {
  printf '%s\n' "$*" >"$marker"
  echo "*****************************************************************"
  echo "SKIPPED: $*"
  echo "*****************************************************************"
  exit 77
}

# The Rust standard library for the target must be installed (rustup target
# add). rustc sits next to cargo when cargo is a rustup proxy.
rustc=rustc
case $cargo in
  */*) [ -x "$(dirname "$cargo")/rustc" ] && rustc="$(dirname "$cargo")/rustc" ;;
esac
sysroot=$("$rustc" --print sysroot 2>/dev/null) || skip "cannot run '$rustc --print sysroot'"
if [ ! -d "$sysroot/lib/rustlib/$rust_target/lib" ]; then
  skip "the Rust target $rust_target is not installed (rustup target add $rust_target; scripts/setup.sh does it)"
fi

set -- -S "$src_dir" -B "$build_dir" \
  -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  -DCMAKE_BUILD_TYPE="$build_type" \
  -DCARGO_EXECUTABLE="$cargo"
# The generator can only be chosen when the build tree is created.
if [ -n "$generator" ] && [ ! -f "$build_dir/CMakeCache.txt" ]; then
  set -- "$@" -G "$generator"
  [ -z "$make_program" ] || set -- "$@" -DCMAKE_MAKE_PROGRAM="$make_program"
fi

echo "+ $cmake $*"
"$cmake" "$@"
echo "+ $cmake --build $build_dir"
"$cmake" --build "$build_dir"
