#!/bin/sh
# Compiles the public headers standalone with GCC and Clang, with
# -Wall -Wextra -Werror -pedantic, as every C and C++ standard they support:
#   mslogon.h    a one-line TU (#include "mslogon.h") as C99, C11, C17 and
#                as C++11, C++14, C++17, C++20
#   mslogon.hpp  #include "mslogon.hpp" then "mslogon.h", as C++11 ... C++20
# Prints a table; exits 1 if any compile fails (with the compiler's output),
# 77 ("SKIPPED: ...") if a compiler is missing and nothing failed, else 0.
#
#   sh scripts/header-matrix.sh [<include-dir> [<work-dir>]]
#
# CTest runs it as the test header_matrix. The compilers are gcc/g++ and
# clang/clang++ from PATH (scripts/setup.sh installs clang).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
include=${1:-$root/include}
work=${2:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

printf '#include "mslogon.h"\n' >"$work/h.c"
cp "$work/h.c" "$work/h.cpp"
printf '#include "mslogon.hpp"\n#include "mslogon.h"\n' >"$work/hpp.cpp"

flags="-Wall -Wextra -Werror -pedantic"
missing=""
log="$work/failures.log"
: >"$log"

# compile <compiler> <std> <source>: prints ok, or FAIL and appends the
# compiler's output to the log (it runs in a subshell: the log is the count).
compile() {
  if "$1" -std="$2" $flags -I"$include" -c -o "$work/out.o" "$3" >"$work/out.txt" 2>&1; then
    echo ok
  else
    {
      echo "---- $1 -std=$2 $flags $(basename "$3")"
      cat "$work/out.txt"
    } >>"$log"
    echo FAIL
  fi
}

echo "headers: $include (flags: $flags)"
printf '%-14s %-8s %-11s %s\n' compiler std mslogon.h mslogon.hpp
for pair in gcc:g++ clang:clang++; do
  cc=${pair%%:*}
  cxx=${pair#*:}
  for tool in "$cc" "$cxx"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      missing="$missing $tool"
      printf '%-14s %-8s %s\n' "$tool" - "not found: skipped"
      continue 2
    fi
  done
  version=$("$cc" -dumpversion 2>/dev/null || echo '?')
  for std in c99 c11 c17; do
    h=$(compile "$cc" "$std" "$work/h.c")
    printf '%-14s %-8s %-11s %s\n' "$cc $version" "$std" "$h" -
  done
  for std in c++11 c++14 c++17 c++20; do
    h=$(compile "$cxx" "$std" "$work/h.cpp")
    hpp=$(compile "$cxx" "$std" "$work/hpp.cpp")
    printf '%-14s %-8s %-11s %s\n' "$cxx $version" "$std" "$h" "$hpp"
  done
done

failures=$(grep -c '^---- ' "$log")
if [ "$failures" -ne 0 ]; then
  echo
  cat "$log"
  echo "header matrix: $failures compile(s) FAILED"
  exit 1
fi
if [ -n "$missing" ]; then
  echo "SKIPPED: header matrix incomplete:$missing not found (apt-get install clang; scripts/setup.sh does it)"
  exit 77
fi
echo "header matrix: all passed"
