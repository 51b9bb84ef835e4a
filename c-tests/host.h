/*
 * host.h: the host side of the C/C++ tests, shared by every test program.
 *
 * A test host plays MAPI's part: it implements IMAPISupport (all 44 slots;
 * the ones a store provider does not need here answer MAPI_E_NO_SUPPORT)
 * and IMAPIAdviseSink, counts every AddRef/Release, stamps each release with
 * a global tick (to check what was released last), can call back into the
 * logon from inside the support object's Release (as MAPI does), and hands
 * out MAPIAllocateBuffer/More/FreeBuffer that count buffers.
 */
#ifndef MSLOGON_TEST_HOST_H
#define MSLOGON_TEST_HOST_H

#include <stddef.h>

#include "check.h"
#include "mslogon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- MAPI interface IDs, as a host defines its own (mapiguid.h) --------- */

/* {d1-0000-0000-C000-000000000046}, the form of every MAPI IID. */
#define HOST_MAPI_IID(d1) {(d1), 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}}
extern const MSLogon_IID host_IID_IUnknown;
extern const MSLogon_IID host_IID_IMAPISup;
extern const MSLogon_IID host_IID_IMAPIProp;
extern const MSLogon_IID host_IID_IMAPIAdviseSink;
extern const MSLogon_IID host_IID_IMsgStore;

/* ---- checks: CHECK, CHECK_HR, CHECK_EQ, host_finish (check.h) ----------- */

/* A global, strictly increasing event counter. */
unsigned long host_tick(void);

/* ---- IMAPISupport ------------------------------------------------------ */

typedef struct HostSupport {
  MSLogon_IMAPISupport iface; /* first: &s->iface is the interface pointer */
  long refs;                  /* starts at 1: the host's own reference */
  long add_refs;
  long releases;
  unsigned long last_release_tick;
  long store_logoff_transports;
  MSLogon_ULONG last_store_logoff_flags;
  /* MAPI's re-entry: when set, the next Release calls
   * Logoff(&0) on this logon (result in reenter_hr), then Release on it
   * when reenter_release is non-zero (MAPI dropping its reference). */
  MSLogon_IMSLogon *reenter_logon;
  int reenter_release;
  MSLogon_HRESULT reenter_hr;
  long reentries;
  /* IMAPISupport::OpenProfileSection calls this with profile_context when
   * it is set (test_service.c: an in-memory profile), else it answers
   * MAPI_E_NO_SUPPORT, as a host without profiles does. */
  MSLogon_HRESULT (*open_profile_section)(void *context, MSLogon_MAPIUID *uid,
                                          MSLogon_ULONG flags, MSLogon_IProfSect **out);
  void *profile_context;
  long open_profile_sections;
} HostSupport;

void host_support_init(HostSupport *s);
long host_refs(const HostSupport *s);

/* ---- IMAPIAdviseSink --------------------------------------------------- */

typedef struct HostSink {
  MSLogon_IMAPIAdviseSink iface;
  long refs;
  long releases;
  unsigned long last_release_tick;
  long notifications;
} HostSink;

void host_sink_init(HostSink *k);
long host_sink_refs(const HostSink *k);

/* Advise connections are MSLogon_ULONG_PTR (8 bytes on 64-bit: Microsoft's
 * width, SPEC-objects.md "Widths"). A host fills the out-parameter with this
 * canary first (every byte set on 64-bit), then checks with
 * CHECK_CONNECTION that all of it was written: not the canary, non-zero,
 * and within the 32 bits the reference provider's counter can reach (a
 * provider writing only 4 of the 8 bytes leaves half the canary). */
#define HOST_CONNECTION_CANARY ((MSLogon_ULONG_PTR)0xDEADBEEFDEADBEEFull)
#define CHECK_CONNECTION(c)                                                    \
  do {                                                                         \
    CHECK((c) != HOST_CONNECTION_CANARY);                                      \
    CHECK((c) != 0);                                                           \
    CHECK((c) <= (MSLogon_ULONG_PTR)0xFFFFFFFFu);                              \
  } while (0)

/* ---- IMalloc (MSProviderInit's lpMalloc) -------------------------------- */

typedef struct HostMalloc {
  MSLogon_IMalloc iface;
  long refs;
  long releases;
} HostMalloc;

void host_malloc_init(HostMalloc *m);
long host_malloc_refs(const HostMalloc *m);

/* ---- MAPI allocators (also returned by GetMemAllocRoutines) ------------ */

MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE host_allocate_buffer(MSLogon_ULONG cb, void **out);
MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE host_allocate_more(MSLogon_ULONG cb, void *parent,
                                                           void **out);
MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE host_free_buffer(void *buffer);
/* Buffers from host_allocate_buffer/more not yet freed. */
long host_live_buffers(void);

/* ---- convenience ------------------------------------------------------- */

/* The reference provider's entry ID of store `number` (24 bytes: abFlags 0,
 * its MAPIUID "mslogon\0refstore", the number little-endian). */
void host_store_entry_id(MSLogon_BYTE eid[24], MSLogon_ULONG number);

/* Whether `err` is a well-formed MAPIERROR from mslogon whose text contains
 * `needle`, with 8-bit strings or, when `wide`, UTF-16 ones. */
int host_check_mapierror(const MSLogon_MAPIERROR *err, const char *needle, int wide);

/* mslogon_create_logon on `s`, checked to succeed (host_logon.c: the one
 * part of the test host that calls the library; the rest of the host only
 * implements MAPI's side and links without it). */
MSLogon_IMSLogon *host_new_logon(HostSupport *s);

#ifdef __cplusplus
}
#endif

#endif /* MSLOGON_TEST_HOST_H */
