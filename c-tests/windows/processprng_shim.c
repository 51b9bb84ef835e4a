/*
 * processprng_shim.c: bcryptprimitives.dll for Wine 8.
 *
 * Rust's Windows standard library draws its random seeds from
 * bcryptprimitives.dll!ProcessPrng, which Debian's Wine 8 does not export.
 * This DLL provides it on top of RtlGenRandom (advapi32!SystemFunction036).
 * The tests place it next to their executables and run Wine with
 * WINEDLLOVERRIDES=bcryptprimitives=n,b so it is preferred to the builtin.
 */
#include <windows.h>

typedef BOOLEAN(WINAPI *RtlGenRandomFn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  static RtlGenRandomFn gen;
  if (!gen) {
    HMODULE advapi = LoadLibraryA("advapi32.dll");
    if (!advapi) return FALSE;
    gen = (RtlGenRandomFn)(void (*)(void))GetProcAddress(advapi, "SystemFunction036");
    if (!gen) return FALSE;
  }
  while (len > 0) {
    ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!gen(data, chunk)) return FALSE;
    data += chunk;
    len -= chunk;
  }
  return TRUE;
}
