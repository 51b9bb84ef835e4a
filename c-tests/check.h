/*
 * check.h: the CHECK helpers of every C/C++ test host, Linux and Windows.
 * They count passes and failures across the whole program (thread-safe) and
 * print "<name>: N passed, M failed" at the end. HRESULTs are 32-bit signed
 * on every platform; names come from a table of MAPI's codes.
 */
#ifndef MSLOGON_TEST_CHECK_H
#define MSLOGON_TEST_CHECK_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void host_check(int ok, const char *expr, const char *file, int line);
void host_check_hr(int32_t got, int32_t want, const char *expr, const char *file, int line);
void host_check_eq(long long got, long long want, const char *expr, const char *file,
                   int line);
/* Prints "<name>: N passed, M failed" and returns the process exit code:
 * 0 only if nothing failed and something was checked. */
int host_finish(const char *name);
/* "MAPI_E_END_OF_SESSION", ... or "0x%08X" for codes it does not know. */
const char *host_hr_name(int32_t hr);

#define CHECK(cond) host_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_HR(expr, want) \
  host_check_hr((int32_t)(expr), (int32_t)(want), #expr, __FILE__, __LINE__)
#define CHECK_EQ(expr, want) \
  host_check_eq((long long)(expr), (long long)(want), #expr, __FILE__, __LINE__)

#ifdef __cplusplus
}
#endif

#endif /* MSLOGON_TEST_CHECK_H */
