# Windows ABI tests (MinGW-w64 cross build, run under Wine): their tool
# discovery, the MSLOGON_WINDOWS_TESTS option and their registration.
# Included by c-tests/CMakeLists.txt when MSLOGON_BUILD_TESTS is on; paths
# are those of the top-level project (PROJECT_SOURCE_DIR, PROJECT_BINARY_DIR).
# Not to be confused with c-tests/windows/CMakeLists.txt, the standalone
# cross project that these tests configure and build.
#
# CTest builds the Windows side at test time, as the standalone cross
# project c-tests/windows (cmake/mingw-w64-*.cmake toolchains) in
# <build>/windows-x86_64 and <build>/windows-i686, then checks it:
#   windows_build_x86_64     fixture windows_x64: mslogon.dll (cargo
#                            --target x86_64-pc-windows-gnu), shim, hosts
#   windows_exports_x86_64   exported names == c-tests/windows/exports.txt
#   windows_layout_x86_64    layout checks vs <mapispi.h> (compile-only)
#   wine_lifecycle_c/_cxx    the Windows test hosts, run under Wine (64-bit)
#   wine_tree_c              the object tree (folders, messages, attachments,
#                            status object, forcible Logoff), under Wine
#   wine_tables_c            IMAPITable: MFCMAPI's hierarchy and contents
#                            sequences, sort/restrict/find/bookmarks, the
#                            message and receive-folder tables, Logoff
#   wine_tables_c_heap       the same under WINEDEBUG=warn+heap (Wine's heap
#                            checked on every call: a bad free fails it)
#   wine_service_c           ServiceEntry (CREATE/CONFIGURE/DELETE) into an
#                            in-memory profile, Logon reading it, the store
#                            in that file across providers, a bad file
#   windows_build_i686       fixture windows_x86: the 32-bit DLL and hosts
#   windows_exports_i686     exported names, undecorated
#   windows_stdcall_i686     __stdcall/__cdecl by disassembly (ret $N)
#   windows_layout_i686      layout checks, 32-bit
#   wine_<host>_i686         each wine_<host> test above (lifecycle_c,
#                            lifecycle_cxx, tree_c, tables_c, service_c)
#                            built for i686 and run by the 32-bit loader
#                            (Debian's wine32) in the same WoW64 prefix;
#                            SKIPPED while no 32-bit loader is installed
#   windows_layout_generated layout_check.c/_sig.cpp == gen.py's output
#   wine_prefix_setup/_cleanup  fixture wine_prefix: the throwaway prefix,
#                            and stopping its wineserver at the end
# A test that cannot run here (a tool, a Wine loader, the Rust target or a
# test source is missing) prints "SKIPPED: <reason>" and exits 77: CTest
# reports it as skipped, never as passed.
find_program(MSLOGON_MINGW64_GCC x86_64-w64-mingw32-gcc)
find_program(MSLOGON_MINGW64_GXX x86_64-w64-mingw32-g++)
find_program(MSLOGON_MINGW64_OBJDUMP x86_64-w64-mingw32-objdump)
find_program(MSLOGON_MINGW32_GCC i686-w64-mingw32-gcc)
find_program(MSLOGON_MINGW32_GXX i686-w64-mingw32-g++)
find_program(MSLOGON_MINGW32_OBJDUMP i686-w64-mingw32-objdump)
# wine64 on PATH, then Debian's /usr/lib/wine/wine64 (not on PATH), then wine.
find_program(MSLOGON_WINE NAMES wine64 wine PATHS /usr/lib/wine /usr/lib64/wine
  DOC "Wine loader for the Windows tests")
# The 32-bit loader for the i686 hosts: Debian's wine32 (/usr/lib/wine/wine,
# not on PATH). When it is not found here, wine-run.sh looks again each time
# an i686 host runs (so installing wine32 needs no reconfigure) and reports
# the run SKIPPED while there is none.
find_program(MSLOGON_WINE32 NAMES wine PATHS /usr/lib/wine NO_DEFAULT_PATH
  DOC "32-bit Wine loader for the i686 Windows tests (Debian: wine32)")

if(MSLOGON_MINGW64_GCC AND MSLOGON_WINE)
  set(MSLOGON_WINDOWS_TESTS_DEFAULT ON)
else()
  set(MSLOGON_WINDOWS_TESTS_DEFAULT OFF)
endif()
option(MSLOGON_WINDOWS_TESTS
  "Cross-build the Windows DLL and test hosts and run them under Wine (CTest)"
  ${MSLOGON_WINDOWS_TESTS_DEFAULT})

if(NOT MSLOGON_WINDOWS_TESTS AND NOT MSLOGON_WINDOWS_TESTS_DEFAULT AND MSLOGON_IS_TOP_LEVEL)
  set(absent "")
  if(NOT MSLOGON_MINGW64_GCC)
    list(APPEND absent x86_64-w64-mingw32-gcc)
  endif()
  if(NOT MSLOGON_WINE)
    list(APPEND absent "Wine (wine64)")
  endif()
  string(REPLACE ";" " and " absent "${absent}")
  message(WARNING
    "mslogon: the Windows ABI tests are off: ${absent} not found. "
    "Install what is missing (bash scripts/setup.sh), then reconfigure with "
    "-DMSLOGON_WINDOWS_TESTS=ON (the default is cached when the build tree "
    "is created). While a tool is missing, ON reports its tests as skipped.")
endif()

if(MSLOGON_WINDOWS_TESTS)
  set(win_src "${CMAKE_CURRENT_LIST_DIR}/windows")
  if(NOT MSLOGON_SH)
    message(FATAL_ERROR "mslogon: MSLOGON_WINDOWS_TESTS needs a POSIX shell (sh)")
  endif()

  # mslogon_windows_test(<name> <reason-to-skip-or-empty> <command>...)
  # Registers <name> running <command>, or, when a reason is given, a test
  # that prints "SKIPPED: <reason>" and is reported as skipped.
  function(mslogon_windows_test name reason)
    if(reason)
      add_test(NAME ${name} COMMAND "${MSLOGON_SH}" "${win_src}/skip.sh" "${name}: ${reason}")
    else()
      add_test(NAME ${name} COMMAND ${ARGN})
    endif()
    set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS windows)
  endfunction()

  # The Rust target and the tool names of each architecture.
  set(arch_x86_64_rust x86_64-pc-windows-gnu)
  set(arch_x86_64_gcc "${MSLOGON_MINGW64_GCC}")
  set(arch_x86_64_gxx "${MSLOGON_MINGW64_GXX}")
  set(arch_x86_64_objdump "${MSLOGON_MINGW64_OBJDUMP}")
  set(arch_x86_64_fixture windows_x64)
  set(arch_i686_rust i686-pc-windows-gnu)
  set(arch_i686_gcc "${MSLOGON_MINGW32_GCC}")
  set(arch_i686_gxx "${MSLOGON_MINGW32_GXX}")
  set(arch_i686_objdump "${MSLOGON_MINGW32_OBJDUMP}")
  set(arch_i686_fixture windows_x86)

  foreach(arch x86_64 i686)
    set(dir "${PROJECT_BINARY_DIR}/windows-${arch}")
    set(gcc "${arch_${arch}_gcc}")
    set(gxx "${arch_${arch}_gxx}")
    set(objdump "${arch_${arch}_objdump}")
    set(fixture "${arch_${arch}_fixture}")
    set(run_if_built "${MSLOGON_SH}" "${win_src}/run-if-built.sh" "${dir}")

    set(missing "")
    foreach(tool gcc gxx objdump)
      if(NOT ${tool})
        set(missing "${arch}-w64-mingw32 compilers/binutils not found (apt-get install mingw-w64; scripts/setup.sh does it)")
      endif()
    endforeach()

    # Configure + build the cross project (the fixture of the tests below).
    # The toolchain file reads the tool prefix from the environment, so the
    # cross build uses the compilers found here.
    string(REGEX REPLACE "-gcc$" "" mingw_prefix "${gcc}")
    mslogon_windows_test(windows_build_${arch} "${missing}"
      "${MSLOGON_SH}" "${win_src}/build.sh"
      "${PROJECT_SOURCE_DIR}/cmake/mingw-w64-${arch}.cmake"
      "${dir}" "${CMAKE_BUILD_TYPE}" "${arch_${arch}_rust}"
      "${CMAKE_GENERATOR}" "${CMAKE_MAKE_PROGRAM}" "${CARGO_EXECUTABLE}")
    set_tests_properties(windows_build_${arch} PROPERTIES
      FIXTURES_SETUP ${fixture}
      TIMEOUT 1800
      ENVIRONMENT "CMAKE_COMMAND=${CMAKE_COMMAND};MSLOGON_MINGW_PREFIX=${mingw_prefix}")

    mslogon_windows_test(windows_exports_${arch} "${missing}"
      ${run_if_built} "${MSLOGON_SH}" "${win_src}/check-exports.sh"
      "${objdump}" "${dir}/bin/mslogon.dll" "${win_src}/exports.txt")
    set_tests_properties(windows_exports_${arch} PROPERTIES FIXTURES_REQUIRED ${fixture})

    # Compile-only; independent of the DLL build.
    mslogon_windows_test(windows_layout_${arch} "${missing}"
      "${MSLOGON_SH}" "${win_src}/check-layout.sh" "${gcc}" "${gxx}"
      "${PROJECT_SOURCE_DIR}" "${dir}-layout")
  endforeach()

  # The layout checks are generated from the header by gen.py: they must be
  # up to date, or new slots and constants would go unchecked.
  find_program(MSLOGON_PYTHON3 NAMES python3 DOC "Python 3, for c-tests/windows/gen.py")
  set(reason "")
  if(NOT MSLOGON_PYTHON3)
    set(reason "python3 not found (needed to run c-tests/windows/gen.py)")
  endif()
  mslogon_windows_test(windows_layout_generated "${reason}"
    "${MSLOGON_SH}" "${win_src}/check-generated.sh" "${MSLOGON_PYTHON3}"
    "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/windows-layout-generated")

  # 32-bit calling conventions, in the DLL's code (the i686 hosts below also
  # run them under Wine; this check needs no Wine and names the function).
  set(dir "${PROJECT_BINARY_DIR}/windows-i686")
  set(missing "")
  if(NOT MSLOGON_MINGW32_GCC OR NOT MSLOGON_MINGW32_GXX OR NOT MSLOGON_MINGW32_OBJDUMP)
    set(missing "i686-w64-mingw32 compilers/binutils not found (apt-get install mingw-w64; scripts/setup.sh does it)")
  endif()
  mslogon_windows_test(windows_stdcall_i686 "${missing}"
    "${MSLOGON_SH}" "${win_src}/run-if-built.sh" "${dir}"
    "${MSLOGON_SH}" "${win_src}/check-stdcall.sh" "${MSLOGON_MINGW32_OBJDUMP}" "${dir}/bin/mslogon.dll")
  set_tests_properties(windows_stdcall_i686 PROPERTIES FIXTURES_REQUIRED windows_x86)

  # The test hosts under Wine, each on both architectures, in one throwaway
  # prefix of this build tree (fixture wine_prefix: created once before
  # them, its wineserver stopped after them): wine_<host> is the x86_64
  # build (fixture windows_x64) run by the 64-bit loader, wine_<host>_i686
  # the i686 build (fixture windows_x86) run by the 32-bit loader in the
  # same (WoW64) prefix; wine-run.sh picks the loader from the program's PE
  # header, and an i686 run without a 32-bit loader (wine32) is SKIPPED.
  set(dir "${PROJECT_BINARY_DIR}/windows-x86_64")
  set(dir32 "${PROJECT_BINARY_DIR}/windows-i686")
  set(wine_env
    "MSLOGON_WINE=${MSLOGON_WINE}"
    "MSLOGON_WINEPREFIX=${PROJECT_BINARY_DIR}/wineprefix"
    "MSLOGON_WINE_TIMEOUT=240")
  if(MSLOGON_WINE32)
    list(APPEND wine_env "MSLOGON_WINE32=${MSLOGON_WINE32}")
  endif()
  set(wine_missing "")
  set(wine32_missing "")
  if(NOT MSLOGON_WINE)
    set(wine_missing "Wine not found (wine64 on PATH, /usr/lib/wine/wine64 or wine; apt-get install wine64; scripts/setup.sh does it)")
    set(wine32_missing "${wine_missing}")
  else()
    if(NOT MSLOGON_MINGW64_GCC OR NOT MSLOGON_MINGW64_GXX)
      set(wine_missing "x86_64-w64-mingw32 compilers not found (apt-get install mingw-w64)")
    endif()
    if(NOT MSLOGON_MINGW32_GCC OR NOT MSLOGON_MINGW32_GXX)
      set(wine32_missing "i686-w64-mingw32 compilers not found (apt-get install mingw-w64)")
    endif()
  endif()
  # wine_<test>_<variant>: c-tests/windows/<source> + win_host.c, built as
  # win_test_<test>_<variant>.exe, run under Wine.
  set(wine_tests "")
  foreach(host lifecycle_c lifecycle_cxx tree_c tables_c service_c)
    if(host STREQUAL "lifecycle_c")
      set(source win_test_lifecycle.c)
    elseif(host STREQUAL "lifecycle_cxx")
      set(source win_test_lifecycle.cpp)
    elseif(host STREQUAL "tree_c")
      set(source win_test_tree.c)
    elseif(host STREQUAL "service_c")
      set(source win_test_service.c)
    else()
      set(source win_test_tables.c)
    endif()
    set(name wine_${host})
    set(absent "")
    foreach(f ${source} win_host.c win_host.h)
      if(NOT EXISTS "${win_src}/${f}")
        list(APPEND absent "c-tests/windows/${f}")
      endif()
    endforeach()
    if(absent)
      string(REPLACE ";" ", " absent "${absent}")
      set(absent "${absent} not there (yet); the test is registered when CMake runs again")
    endif()
    set(reason "${wine_missing}")
    if(NOT reason)
      set(reason "${absent}")
    endif()
    mslogon_windows_test(${name} "${reason}"
      "${MSLOGON_SH}" "${win_src}/run-if-built.sh" "${dir}"
      "${MSLOGON_SH}" "${win_src}/wine-run.sh" "${dir}/bin/win_test_${host}.exe")
    if(NOT reason)
      set_tests_properties(${name} PROPERTIES
        FIXTURES_REQUIRED "windows_x64;wine_prefix"
        ENVIRONMENT "${wine_env}"
        TIMEOUT 300)
      list(APPEND wine_tests ${name})
    endif()

    # The same host, 32-bit.
    set(reason "${wine32_missing}")
    if(NOT reason)
      set(reason "${absent}")
    endif()
    mslogon_windows_test(${name}_i686 "${reason}"
      "${MSLOGON_SH}" "${win_src}/run-if-built.sh" "${dir32}"
      "${MSLOGON_SH}" "${win_src}/wine-run.sh" "${dir32}/bin/win_test_${host}.exe")
    if(NOT reason)
      set_tests_properties(${name}_i686 PROPERTIES
        FIXTURES_REQUIRED "windows_x86;wine_prefix"
        ENVIRONMENT "${wine_env}"
        TIMEOUT 300)
      list(APPEND wine_tests ${name}_i686)
    endif()
  endforeach()

  # The tables host (the most buffers: row sets, FreeProws) once more with
  # WINEDEBUG=warn+heap: Wine checks its heap on every call, so a bad
  # MAPIFreeBuffer (a freed or chained buffer) fails the run instead of
  # hanging it (wine-run.sh fails on any err:heap / warn:heap line).
  if("wine_tables_c" IN_LIST wine_tests)
    mslogon_windows_test(wine_tables_c_heap ""
      "${MSLOGON_SH}" "${win_src}/run-if-built.sh" "${dir}"
      "${MSLOGON_SH}" "${win_src}/wine-run.sh" "${dir}/bin/win_test_tables_c.exe")
    set_tests_properties(wine_tables_c_heap PROPERTIES
      FIXTURES_REQUIRED "windows_x64;wine_prefix"
      ENVIRONMENT "${wine_env};MSLOGON_WINEDEBUG=warn+heap"
      TIMEOUT 600)
    list(APPEND wine_tests wine_tables_c_heap)
  endif()

  if(wine_tests)
    add_test(NAME wine_prefix_setup
      COMMAND "${MSLOGON_SH}" "${win_src}/wine-run.sh" --init)
    add_test(NAME wine_prefix_cleanup
      COMMAND "${MSLOGON_SH}" "${win_src}/wine-run.sh" --shutdown)
    set_tests_properties(wine_prefix_setup PROPERTIES
      FIXTURES_SETUP wine_prefix ENVIRONMENT "${wine_env}" TIMEOUT 600
      SKIP_RETURN_CODE 77 LABELS windows)
    set_tests_properties(wine_prefix_cleanup PROPERTIES
      FIXTURES_CLEANUP wine_prefix ENVIRONMENT "${wine_env}" TIMEOUT 120
      SKIP_RETURN_CODE 77 LABELS windows)
  endif()

  # Adding a file to c-tests/windows (a new test host) re-runs CMake, so
  # the wine_* tests above notice it.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${win_src}")
endif()
