#!/bin/sh
# Builds examples/logon_roundtrip.c against an installed mslogon with
# pkg-config and a plain compiler command, then runs it.
#
#   PKG_CONFIG_PATH=<prefix>/lib/pkgconfig sh examples/pkg-config.sh shared|static <out-dir>
#
# CC defaults to cc. Exits 77 ("SKIPPED: ...") when pkg-config is missing.
set -eu

variant=$1
out=$2
src=$(dirname "$0")/logon_roundtrip.c
CC=${CC:-cc}

if ! command -v pkg-config >/dev/null 2>&1; then
  echo "SKIPPED: pkg-config not found (apt-get install pkg-config; scripts/setup.sh does it)"
  exit 77
fi
mkdir -p "$out"
echo "mslogon $(pkg-config --modversion mslogon) from $(pkg-config --variable=prefix mslogon)"

set -x
case $variant in
shared)
  # libmslogon.so; the RPATH lets the program find it where it is installed.
  $CC -std=c99 -o "$out/logon_roundtrip_pc_shared" "$src" \
    $(pkg-config --cflags --libs mslogon) \
    -Wl,-rpath,"$(pkg-config --variable=libdir mslogon)"
  "$out/logon_roundtrip_pc_shared"
  ;;
static)
  # libmslogon.a. `pkg-config --static` adds the system libraries it needs
  # (Libs.private), but its -lmslogon still means libmslogon.so when both
  # are installed: name the archive first, and --as-needed drops the shared
  # library, which nothing needs any more.
  $CC -std=c99 -o "$out/logon_roundtrip_pc_static" "$src" \
    $(pkg-config --cflags mslogon) \
    "$(pkg-config --variable=libdir mslogon)/libmslogon.a" \
    -Wl,--as-needed $(pkg-config --static --libs mslogon)
  "$out/logon_roundtrip_pc_static"
  { set +x; } 2>/dev/null
  if command -v readelf >/dev/null 2>&1 &&
     readelf -d "$out/logon_roundtrip_pc_static" | grep -q 'NEEDED.*libmslogon'; then
    echo "FAILED: logon_roundtrip_pc_static loads libmslogon.so" >&2
    exit 1
  fi
  ;;
*)
  echo "usage: $0 shared|static <out-dir>" >&2
  exit 2
  ;;
esac
