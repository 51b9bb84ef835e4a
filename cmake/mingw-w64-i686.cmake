# CMake toolchain file: cross-compile for 32-bit Windows with Debian's
# MinGW-w64 GCC (i686-w64-mingw32-gcc/g++, package mingw-w64), and tell
# c-tests/windows/CMakeLists.txt which Rust target to build the DLL for.
#
#   cmake -S c-tests/windows -B build/windows-i686 -G Ninja \
#     -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-i686.cmake
#
# MSLOGON_MINGW_PREFIX may be set (-D or environment) to use another
# tool prefix or a full path prefix (e.g. /opt/mingw/bin/i686-w64-mingw32).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86)

if(NOT DEFINED MSLOGON_MINGW_PREFIX)
  if(DEFINED ENV{MSLOGON_MINGW_PREFIX})
    set(MSLOGON_MINGW_PREFIX "$ENV{MSLOGON_MINGW_PREFIX}")
  else()
    set(MSLOGON_MINGW_PREFIX i686-w64-mingw32)
  endif()
endif()
set(MSLOGON_MINGW_PREFIX "${MSLOGON_MINGW_PREFIX}" CACHE STRING
  "MinGW-w64 tool prefix (${MSLOGON_MINGW_PREFIX}-gcc, -g++, -objdump, ...)")
# try_compile() projects read this file again: hand them the same prefix.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MSLOGON_MINGW_PREFIX)

set(CMAKE_C_COMPILER "${MSLOGON_MINGW_PREFIX}-gcc")
set(CMAKE_CXX_COMPILER "${MSLOGON_MINGW_PREFIX}-g++")
set(CMAKE_RC_COMPILER "${MSLOGON_MINGW_PREFIX}-windres")

# The Rust target whose ABI matches this compiler (cargo build --target).
set(MSLOGON_RUST_TARGET i686-pc-windows-gnu CACHE STRING
  "Rust target triple for the Windows DLL")

# Headers and libraries come from the MinGW-w64 sysroot only; programs
# (cargo, objdump, ...) from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/i686-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
