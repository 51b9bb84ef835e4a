#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test mslogon:
# CMake, Ninja, the C/C++ compilers, Clang (header matrix) and pkg-config
# (apt); for the Windows ABI tests the MinGW-w64 cross compilers and Wine,
# 64-bit and 32-bit (apt: wine, wine64, wine32:i386, adding the i386
# architecture when it is missing) and the Rust targets x86_64-pc-windows-gnu and i686-pc-windows-gnu
# (rustup); clippy/rustfmt (rustup). Does nothing (and asks no package
# manager) when everything is already there. Usage: bash scripts/setup.sh
set -euo pipefail

# System packages: skip apt entirely when the tools are already there.
# Debian's wine64 puts its loader in /usr/lib/wine, not on PATH.
packages=()
for tool in cmake ninja gcc g++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    packages+=(cmake ninja-build gcc g++ libc6-dev)
    break
  fi
done
for tool in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-g++ i686-w64-mingw32-gcc i686-w64-mingw32-g++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    packages+=(mingw-w64)
    break
  fi
done
# Clang for scripts/header-matrix.sh; pkg-config for the pkg-config consumer
# tests (examples/pkg-config.sh).
for tool in clang clang++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    packages+=(clang)
    break
  fi
done
if ! command -v pkg-config >/dev/null 2>&1; then
  packages+=(pkg-config)
fi
# The hardening runs: the C/C++ tests under valgrind (scripts/valgrind.sh);
# the sanitizers come with gcc (libasan, libubsan).
if ! command -v valgrind >/dev/null 2>&1; then
  packages+=(valgrind)
fi
# Wine for the Windows tests, both loaders: 64-bit (Debian's wine64:
# /usr/lib/wine/wine64) and 32-bit (wine32, an i386 package:
# /usr/lib/wine/wine). A `wine` on PATH that is a real loader (not Debian's
# wrapper script) counts for the 32-bit one. When either is missing, all of
# wine, wine64 and wine32:i386 go into the one apt-get call below, so that
# apt keeps the amd64 and i386 packages (libwine, ...) at one version.
have_wine64=false
if command -v wine64 >/dev/null 2>&1 || [ -x /usr/lib/wine/wine64 ]; then
  have_wine64=true
fi
have_wine32=false
if [ -x /usr/lib/wine/wine ]; then
  have_wine32=true
elif wine_path=$(command -v wine 2>/dev/null) && [ "$(head -c 2 "$wine_path")" != "#!" ]; then
  have_wine32=true
fi
add_i386=false
if ! $have_wine64 || ! $have_wine32; then
  packages+=(wine wine64 wine32:i386)
  if ! { dpkg --print-architecture; dpkg --print-foreign-architectures; } | grep -qx i386; then
    add_i386=true
  fi
fi
if [ "${#packages[@]}" -ne 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  if $add_i386; then
    # wine32 is an i386 package: Debian needs the architecture (multiarch).
    $sudo dpkg --add-architecture i386
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${packages[@]}"
fi

# Rust components for the lint steps, and the Windows targets; only ask
# rustup when one is missing.
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  rustup component add clippy rustfmt
fi
installed_targets=$(rustup target list --installed)
targets=()
for target in x86_64-pc-windows-gnu i686-pc-windows-gnu; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    targets+=("$target")
  fi
done
if [ "${#targets[@]}" -ne 0 ]; then
  rustup target add "${targets[@]}"
fi
