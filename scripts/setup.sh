#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test mslogon:
# CMake, Ninja and the C/C++ compilers (apt), and clippy/rustfmt (rustup).
# Does nothing when everything is already there. Usage: bash scripts/setup.sh
set -euo pipefail

# System packages: skip apt entirely when the tools are already there.
missing=0
for tool in cmake ninja gcc g++; do
  command -v "$tool" >/dev/null 2>&1 || missing=1
done
if [ "$missing" -ne 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    cmake ninja-build gcc g++ libc6-dev
fi

# Rust components for the lint steps; only ask rustup when one is missing.
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  rustup component add clippy rustfmt
fi
