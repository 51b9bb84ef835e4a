#!/bin/sh
# Runs a Windows test program under Wine and exits with its exit code
# (CTest wine_* tests).
#
#   wine-run.sh <program.exe> [<arg>...]   run it (creating the prefix if needed)
#   wine-run.sh --init                     create the prefix (fixture setup)
#   wine-run.sh --shutdown                 stop the prefix's wineserver (fixture cleanup)
#
# Environment:
#   MSLOGON_WINE          the Wine loader (default: wine64 on PATH,
#                         /usr/lib/wine/wine64, wine on PATH)
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

# --- Wine and its server -----------------------------------------------------

wine=${MSLOGON_WINE:-}
if [ -z "$wine" ]; then
  if command -v wine64 >/dev/null 2>&1; then
    wine=$(command -v wine64)
  elif [ -x /usr/lib/wine/wine64 ]; then
    wine=/usr/lib/wine/wine64
  elif command -v wine >/dev/null 2>&1; then
    wine=$(command -v wine)
  fi
fi
if [ -z "$wine" ] || [ ! -x "$wine" ]; then
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
# No windows on a developer's screen, no X connection attempts in CI.
unset DISPLAY WAYLAND_DISPLAY || true

timeout_s=${MSLOGON_WINE_TIMEOUT:-120}

# Runs "$@" with a time limit when timeout(1) is available.
with_timeout() {
  if command -v timeout >/dev/null 2>&1; then
    timeout -k 10 "$timeout_s" "$@"
  else
    "$@"
  fi
}

# The prefix's wineserver, started ahead of the program with its output on
# /dev/null and kept 30 s after the last Wine process exits (so consecutive
# tests reuse it and Wine's service processes); --shutdown stops it at once.
start_server() {
  [ -n "${WINESERVER:-}" ] || return 0
  "$WINESERVER" -p30 </dev/null >/dev/null 2>&1 || true
}

stop_server() {
  if [ -n "${WINESERVER:-}" ] && [ -d "$prefix" ]; then
    # -k: kill the prefix's server and its processes; -w: wait until gone.
    "$WINESERVER" -k </dev/null >/dev/null 2>&1 || true
    "$WINESERVER" -w </dev/null >/dev/null 2>&1 || true
  fi
}

# --- The prefix -----------------------------------------------------------------

ready="$prefix/.mslogon-prefix-ready"

create_prefix() {
  [ -f "$ready" ] && return 0
  mkdir -p "$(dirname "$prefix")"
  lock="$prefix.lock"
  if command -v flock >/dev/null 2>&1; then
    # Serialise creation across concurrent tests; re-check under the lock.
    exec 9>"$lock"
    flock 9
  fi
  if [ ! -f "$ready" ]; then
    echo "wine-run.sh: creating the Wine prefix $prefix ($wine)" >&2
    stop_server
    rm -rf "$prefix"
    start_server
    # wineboot -u: create/update the prefix and wait for it.
    if ! with_timeout "$wine" wineboot -u </dev/null >"$prefix.log" 2>&1; then
      echo "FAIL: wineboot failed; its output ($prefix.log):" >&2
      cat "$prefix.log" >&2
      exit 1
    fi
    touch "$ready"
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
    echo "Wine prefix ready: $prefix ($("$wine" --version 2>/dev/null || echo "$wine"))"
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
echo "+ $wine $exe_name $* (in $exe_dir, WINEPREFIX=$prefix)"
set +e
with_timeout "$wine" "./$exe_name" "$@" </dev/null >"$log" 2>&1
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
