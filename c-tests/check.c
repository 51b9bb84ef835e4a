/*
 * check.c: see check.h. GCC/Clang atomics (MinGW included): the C++ tests
 * check from several threads.
 */
#include "check.h"

#include <stdio.h>

static long checks_passed;
static long checks_failed;

static void count(int ok) {
  __atomic_add_fetch(ok ? &checks_passed : &checks_failed, 1, __ATOMIC_SEQ_CST);
}

void host_check(int ok, const char *expr, const char *file, int line) {
  count(ok);
  if (!ok) {
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, expr);
    fflush(stderr);
  }
}

/* MAPI's codes (mapicode.h), as their 32-bit values. */
static const struct {
  uint32_t hr;
  const char *name;
} hr_names[] = {
    {0x00000000u, "S_OK"},
    {0x00040380u, "MAPI_W_ERRORS_RETURNED"},
    {0x80004005u, "MAPI_E_CALL_FAILED"},
    {0x80004002u, "MAPI_E_INTERFACE_NOT_SUPPORTED"},
    {0x8007000Eu, "MAPI_E_NOT_ENOUGH_MEMORY"},
    {0x80070057u, "MAPI_E_INVALID_PARAMETER"},
    {0x80040102u, "MAPI_E_NO_SUPPORT"},
    {0x80040103u, "MAPI_E_BAD_CHARWIDTH"},
    {0x80040106u, "MAPI_E_UNKNOWN_FLAGS"},
    {0x80040107u, "MAPI_E_INVALID_ENTRYID"},
    {0x80040108u, "MAPI_E_INVALID_OBJECT"},
    {0x8004010Fu, "MAPI_E_NOT_FOUND"},
    {0x80040110u, "MAPI_E_VERSION"},
    {0x80040111u, "MAPI_E_LOGON_FAILED"},
    {0x80040200u, "MAPI_E_END_OF_SESSION"},
};

const char *host_hr_name(int32_t hr) {
  static char unknown[2][16];
  static int slot;
  size_t i;
  for (i = 0; i < sizeof hr_names / sizeof hr_names[0]; i++) {
    if (hr_names[i].hr == (uint32_t)hr) return hr_names[i].name;
  }
  slot ^= 1;
  snprintf(unknown[slot], sizeof unknown[slot], "0x%08lX", (unsigned long)(uint32_t)hr);
  return unknown[slot];
}

void host_check_hr(int32_t got, int32_t want, const char *expr, const char *file, int line) {
  count(got == want);
  if (got != want) {
    fprintf(stderr, "%s:%d: %s returned %s, expected %s\n", file, line, expr,
            host_hr_name(got), host_hr_name(want));
    fflush(stderr);
  }
}

void host_check_eq(long long got, long long want, const char *expr, const char *file,
                   int line) {
  count(got == want);
  if (got != want) {
    fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", file, line, expr, got, want);
    fflush(stderr);
  }
}

int host_finish(const char *name) {
  long failed = __atomic_load_n(&checks_failed, __ATOMIC_SEQ_CST);
  long passed = __atomic_load_n(&checks_passed, __ATOMIC_SEQ_CST);
  printf("%s: %ld passed, %ld failed\n", name, passed, failed);
  fflush(stdout);
  return failed == 0 && passed > 0 ? 0 : 1;
}
