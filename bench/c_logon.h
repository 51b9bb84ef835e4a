/*
 * c_logon.h: a hand-written C message-store provider, the reference the
 * benchmark (bench/driver.c) measures the Rust library against.
 *
 * It is written the way the MAPI SDK sample store is: an object is a struct
 * whose first member is the interface (`lpVtbl`), reference counts are
 * interlocked (GCC/Clang __atomic builtins), and a mutex (pthread, standing
 * in for a CRITICAL_SECTION) guards the mutable state. It uses only the
 * MSLogon_ types of include/mslogon.h, so both implementations are driven
 * through the very same vtable types; it does not link against the Rust
 * library.
 *
 * It does the work the Rust library does on the paths the benchmark
 * measures (argument checks, atomic reference counts, the logon state
 * check under the lock, the support object AddRef'd at logon and released
 * once, last, with no lock held, at logoff; heap-allocated objects; the
 * provider's list of logons; Shutdown logging off what is left), and
 * nothing more: no leak counter, no panic boundary.
 *
 * For the object-tree operations it has a minimal tree with the Rust
 * reference store's entry IDs and rules: IMsgStore::OpenEntry and
 * GetReceiveFolder, folders opened by entry ID (CreateMessage, OpenEntry),
 * transacted messages (SetProps, GetProps, SaveChanges) over a sorted
 * property array, open objects disconnected by Logoff, MDB_WRITE. See
 * "the object tree" in c_logon.c for what it leaves out.
 */
#ifndef MSLOGON_BENCH_C_LOGON_H
#define MSLOGON_BENCH_C_LOGON_H

#include "mslogon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* As mslogon_create_logon: a lone logon (no provider, no store) that
 * AddRefs `lpSupport`, asks it for the MAPI allocators
 * (GetMemAllocRoutines), and gives `*lppLogon` one reference. */
MSLogon_HRESULT c_create_logon(MSLogon_IMAPISupport *lpSupport, MSLogon_IMSLogon **lppLogon);

/* As MSProviderInit / mslogon_provider_init (same checks, same results):
 * an IMSProvider whose Logon opens store 1 (the only one it serves) and
 * returns a logon and a store object. */
MSLogon_HRESULT c_provider_init(void *hInstance, MSLogon_IMalloc *lpMalloc,
                                MSLogon_AllocateBufferFn lpAllocateBuffer,
                                MSLogon_AllocateMoreFn lpAllocateMore,
                                MSLogon_FreeBufferFn lpFreeBuffer, MSLogon_ULONG ulFlags,
                                MSLogon_ULONG ulMAPIVer, MSLogon_ULONG *lpulProviderVer,
                                MSLogon_IMSProvider **lppMSProvider);

#ifdef __cplusplus
}
#endif

#endif /* MSLOGON_BENCH_C_LOGON_H */
