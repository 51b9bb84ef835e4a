#!/bin/sh
# Compiles the layout checks with one MinGW-w64 compiler pair (CTest
# windows_layout_x86_64 / windows_layout_i686). They are compile-only:
# _Static_assert / static_assert that include/mslogon.h matches MinGW's
# <mapispi.h>, so a successful build is the check.
#
#   check-layout.sh <mingw-gcc> <mingw-g++> <repo-root> <out-dir>
set -eu
if [ "$#" -ne 4 ]; then
  echo "usage: $0 <mingw-gcc> <mingw-g++> <repo-root> <out-dir>" >&2
  exit 2
fi
cc=$1
cxx=$2
root=$3
out=$4
here="$root/c-tests/windows"
mkdir -p "$out"

run() {
  echo "+ $*"
  "$@"
}
run "$cc" -std=c11 -Wall -Wextra -Werror -I "$root/include" \
  -c "$here/layout_check.c" -o "$out/layout_check.o"
run "$cxx" -std=c++11 -Wall -Wextra -Werror -I "$root/include" \
  -c "$here/layout_check_sig.cpp" -o "$out/layout_check_sig.o"
echo "OK: include/mslogon.h matches <mapispi.h> for $("$cc" -dumpmachine)"
