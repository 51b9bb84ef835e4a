#!/bin/sh
# Runs a Windows test program under Wine and exits with its exit code
# (CTest wine_* tests).
#
#   wine-run.sh <program.exe> [<arg>...]   run it (creating the prefix if needed)
#   wine-run.sh --init                     create the prefix (fixture setup)
#   wine-run.sh --shutdown                 stop the prefix's wineserver (fixture cleanup)
#
# Environment:
#   MSLOGON_WINE          the 64-bit Wine loader, for x86-64 programs
#                         (default: wine64 on PATH, /usr/lib/wine/wine64,
#                         wine on PATH)
#   MSLOGON_WINE32        the 32-bit loader, for i386 programs (default:
#                         /usr/lib/wine/wine, Debian's wine32; else wine on
#                         PATH if it is a program, not Debian's wrapper script)
#   MSLOGON_WINEPREFIX    the throwaway prefix (default: ./wineprefix); CTest
#                         uses <build>/wineprefix. Created once (under a
#                         lock, so tests running in parallel do not race on
#                         it), then reused.
#   MSLOGON_WINE_TIMEOUT  seconds before the program is killed (default 120;
#                         exit code 124 then)
#   MSLOGON_WINEDEBUG     WINEDEBUG for the program (default -all). With
#                         warn+heap Wine checks its heap on every call (a
#                         MAPIFreeBuffer of a freed or chained buffer is
#                         reported instead of hanging or corrupting it):
#                         any "err:heap" or "warn:heap" line in the output
#                         fails the run.
# The program runs with WINEDEBUG=-all (MSLOGON_WINEDEBUG) and WINEDLLOVERRIDES=
# bcryptprimitives=n,b (the ProcessPrng shim next to it, see
# processprng_shim.c), in its own directory, without a display.
# Exit code 77 (CTest: skipped) when Wine is not installed.
set -eu

# Which loader runs a program follows its PE header: x86-64 programs the
# 64-bit loader, i386 programs the 32-bit one; a program whose loader is not
# installed is SKIPPED (77), never run by the other loader or passed. Both
# kinds share one prefix: a 64-bit (WoW64) prefix, made by the 64-bit loader
# while the 32-bit one is installed (Debian's wine32 then fills its
# syswow64), runs 32-bit programs through the 32-bit loader and one
# wineserver (the 64-bit one). With only the 32-bit loader the prefix is a
# 32-bit one. The prefix records the loaders it was made for; when a loader
# is installed now that was not then (wine32 added later), --init and the
# first run make it again. Every Wine command (wineboot, the program,
# wineserver) runs under timeout(1).

# --- Wine and its server -----------------------------------------------------

if ! command -v timeout >/dev/null 2>&1; then
  echo "*****************************************************************"
  echo "SKIPPED: timeout(1) not found (coreutils): no Wine run without a time limit"
  echo "*****************************************************************"
  exit 77
fi

# The 64-bit loader, or nothing.
find_wine64() {
  if [ -n "${MSLOGON_WINE:-}" ]; then
    if [ -x "$MSLOGON_WINE" ]; then echo "$MSLOGON_WINE"; fi
  elif command -v wine64 >/dev/null 2>&1; then
    command -v wine64
  elif [ -x /usr/lib/wine/wine64 ]; then
    echo /usr/lib/wine/wine64
  elif command -v wine >/dev/null 2>&1; then
    command -v wine
  fi
  return 0
}

# The 32-bit loader, or nothing. Debian's /usr/bin/wine is a script that
# runs /usr/lib/wine/wine, or wine64 when wine32 is missing (which cannot run
# a 32-bit program): only a `wine` that is a program itself counts.
find_wine32() {
  if [ -n "${MSLOGON_WINE32:-}" ]; then
    if [ -x "$MSLOGON_WINE32" ]; then echo "$MSLOGON_WINE32"; fi
  elif [ -x /usr/lib/wine/wine ]; then
    echo /usr/lib/wine/wine
  elif candidate=$(command -v wine 2>/dev/null) && [ "$(head -c 2 "$candidate")" != "#!" ]; then
    echo "$candidate"
  fi
  return 0
}

wine64=$(find_wine64)
wine32=$(find_wine32)
# The architectures this prefix serves (recorded in it when it is made).
arches=""
[ -z "$wine64" ] || arches="x86_64"
[ -z "$wine32" ] || arches="${arches:+$arches }i686"
# The loader that makes the prefix and whose server runs it: the 64-bit one
# when there is one (a 32-bit wineserver cannot serve 64-bit programs).
wine=${wine64:-$wine32}
if [ -z "$wine" ]; then
  echo "*****************************************************************"
  echo "SKIPPED: Wine not found (wine64 on PATH, /usr/lib/wine/wine64, wine; or set MSLOGON_WINE)"
  echo "*****************************************************************"
  exit 77
fi
# The server that belongs to this loader (Debian: /usr/lib/wine/wineserver,
# which is not on PATH). Wine itself honours WINESERVER.
wine_dir=$(dirname "$wine")
if [ -z "${WINESERVER:-}" ]; then
  for candidate in "$wine_dir/wineserver" /usr/lib/wine/wineserver "$(command -v wineserver 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      WINESERVER=$candidate
      break
    fi
  done
fi
[ -n "${WINESERVER:-}" ] && export WINESERVER

# --- The environment ------------------------------------------------------------

prefix=${MSLOGON_WINEPREFIX:-$PWD/wineprefix}
case $prefix in
  /*) ;;
  *) prefix=$PWD/$prefix ;;
esac
export WINEPREFIX="$prefix"
export WINEDEBUG="${MSLOGON_WINEDEBUG:--all}"
# bcryptprimitives: ours (n) before Wine's (b). mscoree/mshtml: never offer
# to install Mono or Gecko. winemenubuilder: no desktop entries in $HOME.
# winedbg: an unhandled exception (a crash) ends the program at once, with a
# failing status, instead of starting a debugger that waits for the timeout.
export WINEDLLOVERRIDES='bcryptprimitives=n,b;mscoree,mshtml=;winemenubuilder.exe=d;winedbg.exe=d'
export WINEARCH=win64
# Only a 32-bit Wine here: a 32-bit prefix.
[ -n "$wine64" ] || WINEARCH=win32
# No windows on a developer's screen, no X connection attempts in CI.
unset DISPLAY WAYLAND_DISPLAY || true

timeout_s=${MSLOGON_WINE_TIMEOUT:-120}

# with_timeout <seconds> <command...>: runs it, killed after <seconds>
# (exit status 124), KILLed 10 s later if it is still there.
with_timeout() {
  limit=$1
  shift
  timeout -k 10 "$limit" "$@"
}

# The prefix's wineserver, started ahead of the program with its output on
# /dev/null and kept 30 s after the last Wine process exits (so consecutive
# tests reuse it and Wine's service processes); --shutdown stops it at once.
start_server() {
  [ -n "${WINESERVER:-}" ] || return 0
  with_timeout 60 "$WINESERVER" -p30 </dev/null >/dev/null 2>&1 || true
}

stop_server() {
  if [ -n "${WINESERVER:-}" ] && [ -d "$prefix" ]; then
    # -k: kill the prefix's server and its processes; -w: wait until gone.
    with_timeout 60 "$WINESERVER" -k </dev/null >/dev/null 2>&1 || true
    with_timeout 60 "$WINESERVER" -w </dev/null >/dev/null 2>&1 || true
  fi
}

# --- The prefix -----------------------------------------------------------------

# Holds the architectures the prefix was made for ("x86_64 i686").
ready="$prefix/.mslogon-prefix-ready"

# Whether the prefix exists and was made for every architecture that has a
# loader now (a loader missing now is no reason to make it again).
prefix_ready() {
  [ -f "$ready" ] || return 1
  made=" $(cat "$ready") "
  for a in $arches; do
    case $made in
      *" $a "*) ;;
      *) return 1 ;;
    esac
  done
  return 0
}

create_prefix() {
  prefix_ready && return 0
  mkdir -p "$(dirname "$prefix")"
  lock="$prefix.lock"
  if command -v flock >/dev/null 2>&1; then
    # Serialise creation across concurrent tests; re-check under the lock.
    exec 9>"$lock"
    flock 9
  fi
  if ! prefix_ready; then
    echo "wine-run.sh: creating the Wine prefix $prefix ($wine, $WINEARCH, for: $arches)" >&2
    stop_server
    rm -rf "$prefix"
    start_server
    # wineboot -u: create/update the prefix and wait for it.
    if ! with_timeout "$timeout_s" "$wine" wineboot -u </dev/null >"$prefix.log" 2>&1; then
      echo "FAIL: wineboot failed; its output ($prefix.log):" >&2
      cat "$prefix.log" >&2
      exit 1
    fi
    echo "$arches" >"$ready"
  fi
  if command -v flock >/dev/null 2>&1; then
    flock -u 9
    exec 9>&-
  fi
}

# --- Commands -------------------------------------------------------------------

if [ "$#" -lt 1 ]; then
  echo "usage: $0 <program.exe> [<arg>...] | --init | --shutdown" >&2
  exit 2
fi

case $1 in
  --init)
    create_prefix
    echo "Wine prefix ready: $prefix ($(with_timeout 60 "$wine" --version 2>/dev/null || echo "$wine"), $WINEARCH)"
    echo "  x86-64 programs: ${wine64:-SKIPPED, no 64-bit loader (wine64)}"
    echo "  i386 programs:   ${wine32:-SKIPPED, no 32-bit loader (wine32)}"
    exit 0
    ;;
  --shutdown)
    stop_server
    echo "wineserver stopped for $prefix"
    exit 0
    ;;
esac

exe=$1
shift
if [ ! -f "$exe" ]; then
  echo "FAIL: $exe does not exist (was the Windows build run?)" >&2
  exit 1
fi
exe_dir=$(cd "$(dirname "$exe")" && pwd)
exe_name=$(basename "$exe")

# The loader for this program, from the machine field of its PE header
# (the COFF header follows "PE\0\0" at the offset stored at 0x3c).
pe_offset=$(od -An -tu4 -j60 -N4 "$exe" 2>/dev/null | tr -d ' \n')
pe_signature=$(od -An -tx1 -j"${pe_offset:-0}" -N4 "$exe" 2>/dev/null | tr -d ' \n')
pe_machine=$(od -An -tx2 -j"$((${pe_offset:-0} + 4))" -N2 "$exe" 2>/dev/null | tr -d ' \n')
case $pe_signature:$pe_machine in
  50450000:8664)
    arch=x86_64
    run_wine=$wine64
    missing="no 64-bit Wine loader (wine64 on PATH, /usr/lib/wine/wine64, wine; or set MSLOGON_WINE)"
    ;;
  50450000:014c)
    arch=i686
    run_wine=$wine32
    missing="no 32-bit Wine loader (Debian: dpkg --add-architecture i386; apt-get update; apt-get install wine32 -- scripts/setup.sh does it; or set MSLOGON_WINE32)"
    ;;
  *)
    echo "FAIL: $exe is not an x86-64 or i386 PE program (signature $pe_signature, machine $pe_machine)" >&2
    exit 1
    ;;
esac
if [ -z "$run_wine" ]; then
  echo "*****************************************************************"
  echo "SKIPPED: $exe_name ($arch): $missing"
  echo "*****************************************************************"
  exit 77
fi

create_prefix
start_server

# The program's output goes to a file, printed afterwards, never straight to
# our stdout/stderr: Wine's service processes (services.exe, winedevice.exe,
# explorer.exe, ...) that a program starts inherit its stderr and live as long
# as the wineserver, so on CTest's pipe they would make CTest wait for the
# server's persistence delay after every test.
# (The last run's output stays in <program>.wine.log next to it.)
last_log="$exe_dir/${exe_name%.exe}.wine.log"
log=$(mktemp "$last_log.XXXXXX")
cd "$exe_dir"
echo "+ $run_wine $exe_name $* ($arch, in $exe_dir, WINEPREFIX=$prefix)"
set +e
with_timeout "$timeout_s" "$run_wine" "./$exe_name" "$@" </dev/null >"$log" 2>&1
status=$?
set -e
cat "$log"
mv -f "$log" "$last_log"
if [ "$status" -eq 0 ] && grep -Eq '(err|warn):heap' "$last_log"; then
  echo "FAIL: $exe_name: Wine reported heap errors (WINEDEBUG=$WINEDEBUG)"
  status=1
elif [ "$status" -eq 124 ]; then
  echo "FAIL: $exe_name did not finish within ${timeout_s}s (MSLOGON_WINE_TIMEOUT)"
elif [ "$status" -ne 0 ]; then
  echo "FAIL: $exe_name exited with status $status"
fi
exit "$status"
