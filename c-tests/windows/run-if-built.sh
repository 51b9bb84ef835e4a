#!/bin/sh
# Runs <command...> unless the Windows cross build in <build-dir> was skipped
# (build.sh leaves <build-dir>/SKIPPED with the reason when a tool or the
# Rust target is missing): then prints SKIPPED and exits 77, which CTest
# reports as skipped (SKIP_RETURN_CODE), not as passed or failed.
#
#   run-if-built.sh <build-dir> <command> [<arg>...]
set -eu
if [ "$#" -lt 2 ]; then
  echo "usage: $0 <build-dir> <command> [<arg>...]" >&2
  exit 2
fi
build_dir=$1
shift
if [ -f "$build_dir/SKIPPED" ]; then
  reason=$(cat "$build_dir/SKIPPED")
  echo "*****************************************************************"
  echo "SKIPPED: the Windows build in $build_dir was skipped: $reason"
  echo "*****************************************************************"
  exit 77
fi
exec "$@"
