/*
 * win_host.h: the Windows host side of the lifecycle tests, shared by
 * win_test_lifecycle.c and win_test_lifecycle.cpp.
 *
 * It knows nothing of mslogon but the standard MAPI SPI: it is written
 * against the genuine MinGW-w64 <windows.h> and <mapispi.h> (never
 * include/mslogon.h), and finds the provider the way MAPI does,
 * LoadLibraryA + GetProcAddress("MSProviderInit").
 *
 * The host plays MAPI's part: an IMAPISupport (all 44 slots of mapispi.h's
 * IMAPISupportVtbl; the ones a store provider does not need here answer
 * MAPI_E_NO_SUPPORT; Subscribe/Unsubscribe/Notify are a notification
 * engine when the test turns it on), an IMAPIAdviseSink and an IMalloc, all counting their
 * AddRef/Release calls; MAPI's memory and utilities from Wine's own
 * mapi32.dll (MAPIAllocateBuffer/More/FreeBuffer behind a wrapper that
 * tracks the live root buffers, FreeProws, FreePadrlist, the FBad*
 * validators, HrGetOneProp, ...); CHECK helpers that print "<name>: N
 * passed, M failed".
 *
 * The COM objects are implemented in C (win_host.c). From C++ their
 * interface pointers are obtained with host_*_iface(): the C object and the
 * C++ interface class share COM's binary layout (a vtable pointer first).
 */
#ifndef MSLOGON_WIN_HOST_H
#define MSLOGON_WIN_HOST_H

#include <windows.h>
#include <objidl.h>
#include <mapidefs.h>
#include <mapicode.h>
#include <mapitags.h>
#include <mapiguid.h>
#include <mapispi.h>

#include "../check.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Microsoft's mapispi.h declares the pointer type MAPI casts
 * GetProcAddress's result to; MinGW's declares only MSPROVIDERINIT. (A
 * repeated typedef of the same type is valid C11 and C++.) */
typedef MSPROVIDERINIT *LPMSPROVIDERINIT;

/* IID_IUnknown without linking libuuid ({00000000-0000-0000-C000-...46}).
 * The MAPI IIDs (IID_IMsgStore, IID_IMAPISup, ...) are mapiguid.h's, defined
 * once in win_host.c (INITGUID + USES_IID_*). */
extern const IID host_IID_IUnknown;
/* IID_IStorage and IID_IStream (objidl.h), likewise without libuuid. */
extern const IID host_IID_IStorage;
extern const IID host_IID_IStream;

/* ---- checks: CHECK, CHECK_HR, CHECK_EQ, host_finish (../check.h, shared
 * with the Linux hosts) ---------------------------------------------------- */

/* A global, strictly increasing event counter (release order). */
ULONG host_tick(void);

/* ---- advise connections: Microsoft's width ---------------------------- */

/* MinGW-w64's mapispi.h declares IMSLogon::Advise and IMsgStore::Advise with
 * `ULONG *lpulConnection` (and Unadvise with a ULONG), but SPEC-objects.md,
 * "Widths: Microsoft's headers win over MinGW's", says: "On x64 MAPI passes
 * the address of an 8-byte connection: writing 4 bytes leaves 4 bytes of
 * garbage in MAPI's value; letting MAPI write 8 into a 4-byte local
 * corrupts memory." So these hosts, like MAPI, pass the address of a
 * ULONG_PTR (cast to MinGW's ULONG * with HOST_CONNECTION_OUT), pre-filled
 * with HOST_CONNECTION_CANARY (every byte set on x64), and CHECK_CONNECTION
 * that all of it was written: not the canary, non-zero, and within the 32
 * bits the reference provider's counter reaches (a provider writing only 4
 * of the 8 bytes would leave half the canary). Unadvise gets the number as
 * MinGW's ULONG: it fits. */
#define HOST_CONNECTION_CANARY ((ULONG_PTR)0xDEADBEEFDEADBEEFull)
#define HOST_CONNECTION_OUT(p) ((ULONG *)(ULONG_PTR *)(p))
#define CHECK_CONNECTION(c)                                                    \
  do {                                                                         \
    CHECK((c) != HOST_CONNECTION_CANARY);                                      \
    CHECK((c) != 0);                                                           \
    CHECK((c) <= (ULONG_PTR)0xFFFFFFFFu);                                      \
  } while (0)

/* ---- the provider DLL ------------------------------------------------- */

/* LoadLibraryA(dll) and GetProcAddress(h, "MSProviderInit"), cast to
 * LPMSPROVIDERINIT; checked. *module receives the HMODULE (NULL on failure),
 * which MAPI passes to MSProviderInit as hInstance. */
LPMSPROVIDERINIT host_load_provider(const char *dll, HMODULE *module);

/* ---- C objects: the interface member is visible to C only --------------- */

#ifdef __cplusplus
#define WIN_HOST_IFACE(I) const void *lpVtbl_ /* C object; use host_*_iface() */
#else
#define WIN_HOST_IFACE(I) I iface /* first: &x->iface is the interface pointer */
#endif

/* ---- IMAPISupport ------------------------------------------------------ */

/* One IMAPISupport::Subscribe of the host's notification engine. */
typedef struct HostSubscription {
  ULONG_PTR connection;
  ULONG cb; /* the NOTIFKEY */
  BYTE key[64];
  ULONG mask;
  IMAPIAdviseSink *sink; /* AddRef'd until Unsubscribe */
} HostSubscription;

#define HOST_MAX_SUBSCRIPTIONS 8

/* The engine's connection numbers use every byte of a ULONG_PTR (on x64
 * the upper half is set): a provider that kept only 4 of them could not
 * hand the client the number, nor Unsubscribe with it. */
#ifdef _WIN64
#define HOST_ENGINE_CONNECTION_BASE ((ULONG_PTR)0xC0DE000000000000ull)
#else
#define HOST_ENGINE_CONNECTION_BASE ((ULONG_PTR)0xC0DE0000u)
#endif

typedef struct HostSupport {
  WIN_HOST_IFACE(IMAPISupport);
  LONG refs; /* starts at 1: the host's own reference */
  LONG add_refs;
  LONG releases;
  ULONG last_release_tick;
  LONG store_logoff_transports;
  ULONG last_store_logoff_flags;
  LONG unsupported_calls; /* calls to the MAPI_E_NO_SUPPORT slots */
  /* MAPI's re-entry: when set, the next Release calls Logoff(&0) on this
   * logon (result in reenter_hr, the flags afterwards in
   * reenter_flags_after), then Release on it when reenter_release is
   * non-zero (MAPI dropping its own reference to the logon). */
  IMSLogon *reenter_logon;
  int reenter_release;
  HRESULT reenter_hr;
  ULONG reenter_flags_after;
  LONG reentries;
  /* IMAPISupport::OpenProfileSection calls this with profile_context when
   * set (win_test_service.c: an in-memory profile), else it answers
   * MAPI_E_NO_SUPPORT. */
  HRESULT (*open_profile_section)(void *context, LPMAPIUID uid, ULONG flags, LPPROFSECT *out);
  void *profile_context;
  /* MAPI's notification engine (Subscribe / Unsubscribe / Notify, at
   * Microsoft's widths: the connection a ULONG_PTR both ways) when
   * `engine` is set; else those slots answer MAPI_E_NO_SUPPORT. Notify
   * hands each subscription whose key matches the notifications its mask
   * selects (OnNotify). Unsubscribe of a number it never gave is counted in
   * unknown_unsubscribes and answers MAPI_E_NOT_FOUND. */
  int engine;
  HostSubscription subscriptions[HOST_MAX_SUBSCRIPTIONS];
  LONG n_subscriptions;
  LONG subscribes;
  LONG unsubscribes;
  LONG unknown_unsubscribes;
  LONG notifies;
  LONG delivered; /* notifications handed to sinks */
  ULONG_PTR last_connection;
} HostSupport;

void host_support_init(HostSupport *s);
IMAPISupport *host_support_iface(HostSupport *s);

/* ---- IMAPIAdviseSink --------------------------------------------------- */

typedef struct HostSink {
  WIN_HOST_IFACE(IMAPIAdviseSink);
  LONG refs;
  LONG add_refs;
  LONG releases;
  ULONG last_release_tick;
  LONG notifications;
} HostSink;

void host_sink_init(HostSink *k);
IMAPIAdviseSink *host_sink_iface(HostSink *k);

/* ---- IMalloc (MSProviderInit's lpMalloc) -------------------------------- */

typedef struct HostMalloc {
  WIN_HOST_IFACE(IMalloc);
  LONG refs;
  LONG add_refs;
  LONG releases;
} HostMalloc;

void host_malloc_init(HostMalloc *m);
IMalloc *host_malloc_iface(HostMalloc *m);

/* ---- Wine's mapi32.dll ------------------------------------------------- */

/* MAPI's utility library, as Wine ships it (dlls/mapi32): loaded once by
 * host_mapi_load() (host_load_provider calls it first), which
 *   - loads "mapi32.dll" and checks it is Wine's own: the module's path is
 *     the system directory's mapi32.dll (GetModuleFileNameW; the WoW64
 *     directory for a 32-bit program in a 64-bit prefix) and ntdll exports
 *     wine_get_version;
 *   - resolves each function by its plain name, then by its decorated one
 *     (`Name@N`, N the bytes of its arguments on i686: Wine exports most
 *     utilities only so, on x64 too), and prints which name it found;
 *     neither: "FAIL: ..." and the program exits 1.
 * Wine's MAPIAllocateBuffer returns HeapAlloc + one pointer: addresses 8 mod
 * 16 on x64, 4 mod 8 on i686. HrQueryAllRows and CreateTable are stubs in
 * Wine: not used. */
typedef struct HostMapi {
  LPALLOCATEBUFFER AllocateBuffer;
  LPALLOCATEMORE AllocateMore;
  LPFREEBUFFER FreeBuffer;
  void(WINAPI *FreeProws)(LPSRowSet);
  void(WINAPI *FreePadrlist)(LPADRLIST);
  /* TRUE (non-zero) when the structure is invalid. */
  BOOL(WINAPI *FBadRowSet)(LPSRowSet);
  ULONG(WINAPI *FBadRow)(LPSRow);
  ULONG(WINAPI *FBadProp)(LPSPropValue);
  ULONG(WINAPI *FBadPropTag)(ULONG);
  ULONG(WINAPI *FBadColumnSet)(LPSPropTagArray);
  HRESULT(WINAPI *HrGetOneProp)(LPMAPIPROP, ULONG, LPSPropValue *);
  HRESULT(WINAPI *HrSetOneProp)(LPMAPIPROP, LPSPropValue);
  LPSPropValue(WINAPI *PpropFindProp)(LPSPropValue, ULONG, ULONG);
  SCODE(WINAPI *ScCountProps)(int, LPSPropValue, ULONG *);
  SCODE(WINAPI *ScCopyProps)(int, LPSPropValue, LPVOID, ULONG *);
  ULONG(WINAPI *UlPropSize)(LPSPropValue);
} HostMapi;

/* Filled by host_mapi_load(). */
extern HostMapi host_mapi;

/* Loads and checks Wine's mapi32.dll and resolves host_mapi (once; later
 * calls return at once). Exits the program when a function is missing. */
void host_mapi_load(void);

/* ---- MAPI allocators (also returned by GetMemAllocRoutines) ------------ */

/* Exactly ALLOCATEBUFFER / ALLOCATEMORE / FREEBUFFER of mapidefs.h
 * (WINAPI): Wine's MAPIAllocateBuffer / MAPIAllocateMore / MAPIFreeBuffer
 * behind a wrapper that keeps the set of live root buffers (thread-safe).
 * MAPIAllocateMore must name a live root and MAPIFreeBuffer a live root,
 * once (CHECKed; anything else is refused, never handed to Wine, whose
 * MAPIFreeBuffer of a chained buffer corrupts the heap). */
SCODE WINAPI host_allocate_buffer(ULONG cbSize, LPVOID *lppBuffer);
SCODE WINAPI host_allocate_more(ULONG cbSize, LPVOID lpObject, LPVOID *lppBuffer);
ULONG WINAPI host_free_buffer(LPVOID lpBuffer);
/* Root buffers from host_allocate_buffer not yet freed (AllocateMore
 * buffers are freed with their root and not counted). */
LONG host_live_buffers(void);
/* Buffers host_allocate_buffer / host_allocate_more handed out so far. */
LONG host_allocations(void);
LONG host_more_allocations(void);
/* Whether p is a live root buffer (MAPIAllocateBuffer's, not yet freed). */
int host_is_root_buffer(const void *p);

/* Wine's FreeProws / FreePadrlist: each row's (entry's) property array,
 * then the set; each must be a live root (CHECKed first: when one is not,
 * only the roots are freed, one by one). NULL: nothing. */
void host_free_prows(LPSRowSet rows);
void host_free_padrlist(LPADRLIST list);

/* Wine's HrGetOneProp on a provider object (GetProps with an uninitialised
 * count; on MAPI_W_ERRORS_RETURNED Wine frees the array itself with its
 * MAPIFreeBuffer and answers MAPI_E_NOT_FOUND: the wrapper then forgets
 * that root, checking the provider allocated exactly one). S_OK: *out is a
 * live root holding one valid property (FBadProp). */
HRESULT host_hr_get_one_prop(void *obj, ULONG tag, LPSPropValue *out);

/* ---- validation of what the provider returns (Wine's FBad*) ----------- */

/* Each CHECKs and returns 1 when all is well:
 *   props:  `count` values at a live root buffer, none FBadProp
 *           (count 0: props may be NULL);
 *   tags:   a live root, not FBadColumnSet, no FBadPropTag;
 *   rows:   a live root, not FBadRowSet, each row's lpProps a live root of
 *           its own (FreeProws frees each);
 *   adrlist: each entry's rgPropVals valid properties (FBadProp) at a live
 *           root, the list a live root;
 *   entry ID: `cb` > 0 bytes at a live root buffer. */
int host_check_props_f(ULONG count, LPSPropValue props, const char *file, int line);
int host_check_tags_f(LPSPropTagArray tags, const char *file, int line);
int host_check_rows_f(LPSRowSet rows, const char *file, int line);
int host_check_adrlist_f(LPADRLIST list, const char *file, int line);
int host_check_entry_id_f(ULONG cb, const void *eid, const char *file, int line);
/* Wine's ScCountProps + ScCopyProps deep-copy the values of `props` (those
 * of a non-zero UlPropSize: ScCountProps refuses empty ones) into one new
 * buffer, compared with the originals value by value (strings, binaries,
 * multi-valued arrays and their elements): what the provider returned is
 * laid out as MAPI's own utilities read it. */
int host_check_copy_props_f(ULONG count, LPSPropValue props, const char *file, int line);
#define host_check_props(count, props) host_check_props_f((count), (props), __FILE__, __LINE__)
#define host_check_copy_props(count, props) \
  host_check_copy_props_f((count), (props), __FILE__, __LINE__)
#define host_check_tags(tags) host_check_tags_f((tags), __FILE__, __LINE__)
#define host_check_rows(rows) host_check_rows_f((rows), __FILE__, __LINE__)
#define host_check_adrlist(list) host_check_adrlist_f((list), __FILE__, __LINE__)
#define host_check_entry_id(cb, eid) host_check_entry_id_f((cb), (eid), __FILE__, __LINE__)

/* ---- MAPI data ---------------------------------------------------------- */

/* The reference provider's store entry ID number `number`: 24 bytes,
 * abFlags 0, MAPIUID "mslogon\0refstore", the number little-endian. */
void host_store_entry_id(BYTE eid[24], ULONG number);

/* Whether `err` is a MAPIERROR of version MAPI_ERROR_VERSION, component
 * "mslogon", whose text contains `needle`: 8-bit strings, or WCHAR strings
 * when `wide` (the MAPI_UNICODE form), in one live root buffer (its strings
 * chained to it, no roots of their own). Prints what it found otherwise. */
int host_check_mapierror(const MAPIERROR *err, const char *needle, int wide);

#ifdef __cplusplus
}
#endif

#endif /* MSLOGON_WIN_HOST_H */
