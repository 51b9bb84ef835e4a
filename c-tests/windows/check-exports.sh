#!/bin/sh
# Checks what mslogon.dll exports and imports (CTest windows_exports_*):
#   - the export names (`objdump -p`, the [Ordinal/Name Pointer] Table) are
#     exactly those listed in <exports.txt>: a missing name, or an extra one
#     (a leaked Rust or runtime symbol), fails;
#   - MSProviderInit is exported under exactly that name: it is __cdecl,
#     so on 32-bit Windows it must not be _MSProviderInit or
#     MSProviderInit@36 (GetProcAddress(h, "MSProviderInit") must find it);
#   - the DLL imports no MinGW runtime DLL (libgcc_s_*.dll, libstdc++-6.dll,
#     libwinpthread-1.dll): a MAPI host only ships system DLLs.
#
#   check-exports.sh <objdump> <mslogon.dll> <exports.txt>
# <objdump> is the MinGW one (x86_64-w64-mingw32-objdump, i686-...).
set -eu

if [ "$#" -ne 3 ]; then
  echo "usage: $0 <objdump> <mslogon.dll> <exports.txt>" >&2
  exit 2
fi
objdump=$1
dll=$2
expected_file=$3

[ -f "$dll" ] || { echo "FAIL: $dll does not exist" >&2; exit 1; }
[ -f "$expected_file" ] || { echo "FAIL: $expected_file does not exist" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$objdump" -p "$dll" >"$tmp/headers"

# The table lists one export per line after its header, up to a blank line:
#   [   8] MSProviderInit                 (binutils <= 2.40)
#   [   8] +base[   9] 0008 MSProviderInit (binutils >= 2.41)
# The name is the last field either way.
awk '
  /\[Ordinal\/Name Pointer\] Table/ { in_table = 1; next }
  in_table && /^[[:space:]]*$/      { in_table = 0; next }
  in_table                          { print $NF }
' "$tmp/headers" | LC_ALL=C sort >"$tmp/actual"

# exports.txt: one name per line; blank lines and # comments are ignored.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$expected_file" |
  grep -v '^$' | LC_ALL=C sort >"$tmp/expected"

status=0

if [ ! -s "$tmp/actual" ]; then
  echo "FAIL: no export table found in $dll" >&2
  status=1
fi

missing=$(LC_ALL=C comm -23 "$tmp/expected" "$tmp/actual")
extra=$(LC_ALL=C comm -13 "$tmp/expected" "$tmp/actual")
if [ -n "$missing" ]; then
  echo "FAIL: exported names missing from $dll:" >&2
  printf '  %s\n' $missing >&2
  status=1
fi
if [ -n "$extra" ]; then
  echo "FAIL: $dll exports names not in $expected_file:" >&2
  printf '  %s\n' $extra >&2
  status=1
fi

# MSProviderInit undecorated (and no decorated variant next to it).
if ! grep -qx 'MSProviderInit' "$tmp/actual"; then
  echo "FAIL: MSProviderInit is not exported under exactly that name" >&2
  status=1
fi
decorated=$(grep -E '^_?MSProviderInit@[0-9]+$|^_MSProviderInit$' "$tmp/actual" || true)
if [ -n "$decorated" ]; then
  echo "FAIL: MSProviderInit is exported decorated: $decorated (it is __cdecl)" >&2
  status=1
fi

# Imports: system DLLs only.
grep 'DLL Name:' "$tmp/headers" | awk '{print $NF}' >"$tmp/imports"
runtime=$(grep -iE '^lib(gcc_s|stdc\+\+|winpthread)' "$tmp/imports" || true)
if [ -n "$runtime" ]; then
  echo "FAIL: $dll needs MinGW runtime DLLs: $runtime" >&2
  status=1
fi

echo "exports of $dll:"
sed 's/^/  /' "$tmp/actual"
echo "imports: $(tr '\n' ' ' <"$tmp/imports")"
if [ "$status" -eq 0 ]; then
  echo "OK: the $(wc -l <"$tmp/actual" | tr -d ' ') exports match $expected_file; MSProviderInit undecorated; no MinGW runtime DLL imported"
fi
exit "$status"
