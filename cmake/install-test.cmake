# The CTest fixture consumer_install: a fresh
#   cmake --install <BUILD_DIR> --prefix <PREFIX>
# (the prefix is emptied first, so a file the install rules stopped
# installing cannot linger), then the installed layout is checked.
#
#   cmake -DBUILD_DIR=<build> -DPREFIX=<prefix> -DFILES=<file;...>
#         [-DSYMLINKS=<link=target;...>] [-DREADELF=<readelf> -DSHARED=<file>
#         -DSONAME=<soname>] -P cmake/install-test.cmake
# FILES and SYMLINKS are relative to PREFIX.
cmake_minimum_required(VERSION 3.16)

file(REMOVE_RECURSE "${PREFIX}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${rc})")
endif()

set(errors "")
foreach(f IN LISTS FILES)
  if(NOT EXISTS "${PREFIX}/${f}")
    list(APPEND errors "not installed: ${f}")
  endif()
endforeach()
foreach(pair IN LISTS SYMLINKS)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 link)
  list(GET pair 1 want)
  if(NOT IS_SYMLINK "${PREFIX}/${link}")
    list(APPEND errors "not a symlink: ${link}")
  else()
    file(READ_SYMLINK "${PREFIX}/${link}" got)
    if(NOT got STREQUAL want)
      list(APPEND errors "${link} -> ${got}, expected -> ${want}")
    endif()
  endif()
endforeach()
if(READELF AND SONAME)
  execute_process(COMMAND "${READELF}" -d "${PREFIX}/${SHARED}"
    OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]]*)\\]")
    list(APPEND errors "${SHARED}: no SONAME (readelf -d)")
  elseif(NOT CMAKE_MATCH_1 STREQUAL SONAME)
    list(APPEND errors "${SHARED}: SONAME ${CMAKE_MATCH_1}, expected ${SONAME}")
  endif()
endif()

if(errors)
  string(REPLACE ";" "\n  " errors "${errors}")
  message(FATAL_ERROR "installation in ${PREFIX}:\n  ${errors}")
endif()
message(STATUS "installed and checked: ${PREFIX}")
