#!/bin/sh
# Checks that layout_check.c and layout_check_sig.cpp are what gen.py makes
# of the current include/mslogon.h (CTest windows_layout_generated), so a
# vtable slot or MAPI constant added to the header is covered by the layout
# checks too. To update them:
#   python3 c-tests/windows/gen.py include/mslogon.h c-tests/windows
# (a new constant of mslogon's own, with no MinGW macro, goes into
# OWN_CONSTANTS in gen.py instead).
#
#   check-generated.sh <python3> <repo-root> <out-dir>
set -eu
if [ "$#" -ne 3 ]; then
  echo "usage: $0 <python3> <repo-root> <out-dir>" >&2
  exit 2
fi
python=$1
root=$2
out=$3
here="$root/c-tests/windows"
mkdir -p "$out"
"$python" "$here/gen.py" "$root/include/mslogon.h" "$out"
status=0
for f in layout_check.c layout_check_sig.cpp; do
  if ! diff -u "$here/$f" "$out/$f"; then
    echo "FAIL: c-tests/windows/$f is stale; run: python3 c-tests/windows/gen.py include/mslogon.h c-tests/windows"
    status=1
  fi
done
[ "$status" -ne 0 ] || echo "OK: layout_check.c and layout_check_sig.cpp match gen.py's output"
exit "$status"
