/*
 * win_test_lifecycle.c: the provider lifecycle as a Windows MAPI host drives
 * it, in C, against the genuine MinGW-w64 <windows.h> + <mapispi.h> (not
 * include/mslogon.h): the DLL is loaded with LoadLibraryA("mslogon.dll"),
 * MSProviderInit found with GetProcAddress and called as LPMSPROVIDERINIT,
 * every other call goes through the objects' vtables (p->lpVtbl->M(p, ...)).
 *
 *   - MSProviderInit's argument checks and version negotiation;
 *   - seed situation 1, session logoff: IMSLogon::Logoff(&0), then the
 *     releases, IMSProvider::Shutdown, the provider's Release;
 *   - seed situation 2, store logoff: IMsgStore::StoreLogoff; the provider
 *     releases its support object, whose Release re-enters IMSLogon::Logoff
 *     (and releases MAPI's logon reference) on the same logon: S_OK, one
 *     teardown, LOGOFF_COMPLETE, StoreLogoffTransports once with the caller's
 *     flags;
 *   - the store released without StoreLogoff: StoreLogoffTransports(ABORT);
 *   - bad input (MSProviderInit, Logon, Logoff), methods after Logoff;
 *   - GetProps (PR_DISPLAY_NAME_A/W, PR_ENTRYID), GetLastError (8-bit, WCHAR);
 *   - MAPI's memory and utilities are Wine's mapi32.dll (win_host.c): every
 *     returned structure checked with Wine's FBadProp / FBadColumnSet, freed
 *     with Wine's MAPIFreeBuffer; HrGetOneProp, PpropFindProp, UlPropSize,
 *     ScCountProps / ScCopyProps on the store's properties; MSProviderInit
 *     handed Wine's allocators themselves once;
 *   - Shutdown with logons alive; the provider released without Shutdown;
 *   - balance: every AddRef released, every host buffer freed, the IMalloc
 *     AddRef'd by MSProviderInit and released at Shutdown;
 *   - Advise writes the whole pointer-sized connection (a ULONG_PTR behind
 *     mapispi.h's ULONG *, SPEC-objects.md "Widths"; canary-checked);
 *   - the DLL's exported MSLogon_IID_* data (found with GetProcAddress) are
 *     mapiguid.h's / objidl.h's IIDs.
 *
 * Build and run (from the repository root; cross-built on Linux, run with
 * Wine; the DLL and the ProcessPrng shim sit next to the executable):
 *
 *   cargo build --lib --target x86_64-pc-windows-gnu
 *   mkdir -p /tmp/w
 *   x86_64-w64-mingw32-gcc -std=c11 -Wall -Wextra -Werror \
 *       -o /tmp/w/win_test_lifecycle_c.exe \
 *       c-tests/windows/win_test_lifecycle.c c-tests/windows/win_host.c
 *   cp target/x86_64-pc-windows-gnu/debug/mslogon.dll /tmp/w/
 *   x86_64-w64-mingw32-gcc -shared -O2 -o /tmp/w/bcryptprimitives.dll \
 *       c-tests/windows/processprng_shim.c
 *   WINEPREFIX=/tmp/w/prefix WINEDEBUG=-all \
 *       WINEDLLOVERRIDES='bcryptprimitives=n,b' \
 *       /usr/lib/wine/wine64 /tmp/w/win_test_lifecycle_c.exe
 *
 * Prints "win_test_lifecycle_c: N passed, M failed"; exits 0 only if M is 0.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "win_host.h"

static LPMSPROVIDERINIT provider_init;
static HMODULE provider_module;

/* ---- helpers ------------------------------------------------------------- */

static IMSProvider *init_provider(HostMalloc *m) {
  IMSProvider *provider = NULL;
  ULONG version = 0;
  CHECK_HR(provider_init(provider_module, m ? host_malloc_iface(m) : NULL, host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, &version,
                         &provider),
           S_OK);
  CHECK_EQ(version, CURRENT_SPI_VERSION);
  CHECK(provider != NULL);
  return provider;
}

typedef struct Session {
  IMSLogon *logon;
  IMsgStore *store;
} Session;

/* IMSProvider::Logon as MAPI calls it; the out-pointers start as garbage. */
static HRESULT logon_with(IMSProvider *provider, HostSupport *support, ULONG cb, BYTE *eid,
                          LPCIID iid, ULONG flags, Session *out, LPMAPIERROR *error) {
  ULONG cb_spool = 77;
  BYTE *spool = (BYTE *)&cb_spool;
  HRESULT hr;
  out->logon = (IMSLogon *)&cb_spool;
  out->store = (IMsgStore *)&cb_spool;
  hr = provider->lpVtbl->Logon(provider, host_support_iface(support), 0, NULL, cb,
                               (LPENTRYID)eid, flags, iid, &cb_spool, &spool, error,
                               &out->logon, &out->store);
  CHECK_EQ(cb_spool, 0);
  CHECK(spool == NULL);
  if (hr != S_OK) {
    CHECK(out->logon == NULL);
    CHECK(out->store == NULL);
  }
  return hr;
}

static Session logon_default(IMSProvider *provider, HostSupport *support) {
  Session l;
  LPMAPIERROR error = NULL;
  CHECK_HR(logon_with(provider, support, 0, NULL, NULL, MDB_NO_DIALOG, &l, &error), S_OK);
  CHECK(error == NULL);
  CHECK(l.logon != NULL && l.store != NULL);
  return l;
}

static HRESULT logoff(IMSLogon *logon) {
  ULONG flags = 0;
  HRESULT hr = logon->lpVtbl->Logoff(logon, &flags);
  CHECK_EQ(flags, 0); /* *lpulFlags left 0 */
  return hr;
}

static void shutdown_and_release(IMSProvider *provider) {
  ULONG flags = 0;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  CHECK_EQ(host_live_buffers(), 0);
}

/* Every reference the provider took on the host's objects was given back. */
static void check_support_balanced(const HostSupport *s) {
  CHECK_EQ(s->refs, 1);
  CHECK_EQ(s->add_refs, s->releases);
}

/* ---- Exported IIDs -------------------------------------------------------- */

/* Each MSLogon_IID_<X> the DLL exports is MinGW's IID_<X>. */
static void exported_iids_match_mapiguid(void) {
  static const struct {
    const char *name;
    const IID *iid;
  } iids[] = {
      {"MSLogon_IID_IUnknown", &host_IID_IUnknown},
      {"MSLogon_IID_IMSLogon", &IID_IMSLogon},
      {"MSLogon_IID_IMSProvider", &IID_IMSProvider},
      {"MSLogon_IID_IMAPISup", &IID_IMAPISup},
      {"MSLogon_IID_IMsgStore", &IID_IMsgStore},
      {"MSLogon_IID_IMAPIProp", &IID_IMAPIProp},
      {"MSLogon_IID_IMAPIStatus", &IID_IMAPIStatus},
      {"MSLogon_IID_IMAPIAdviseSink", &IID_IMAPIAdviseSink},
      {"MSLogon_IID_IMAPITable", &IID_IMAPITable},
      {"MSLogon_IID_IMessage", &IID_IMessage},
      {"MSLogon_IID_IAttachment", &IID_IAttachment},
      {"MSLogon_IID_IMAPIContainer", &IID_IMAPIContainer},
      {"MSLogon_IID_IMAPIFolder", &IID_IMAPIFolder},
      {"MSLogon_IID_IStream", &host_IID_IStream},
      {"MSLogon_IID_IStorage", &host_IID_IStorage},
  };
  size_t i;
  for (i = 0; i < sizeof iids / sizeof iids[0]; i++) {
    const IID *exported = (const IID *)(const void *)GetProcAddress(provider_module, iids[i].name);
    CHECK(exported != NULL);
    if (exported && memcmp(exported, iids[i].iid, sizeof(IID)) != 0) {
      fprintf(stderr, "%s differs from mapiguid.h's\n", iids[i].name);
      CHECK(0);
    }
  }
}

/* ---- MSProviderInit ------------------------------------------------------ */

static void provider_init_checks_its_arguments(void) {
  HostMalloc m;
  IMSProvider *provider = (IMSProvider *)&provider;
  ULONG version = 0;

  host_malloc_init(&m);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, &version,
                         NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, NULL,
                         &provider),
           MAPI_E_INVALID_PARAMETER);
  CHECK(provider == NULL);
  provider = (IMSProvider *)&provider;
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), NULL, host_allocate_more,
                         host_free_buffer, 0, CURRENT_SPI_VERSION, &version, &provider),
           MAPI_E_INVALID_PARAMETER);
  CHECK(provider == NULL);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, NULL, 0, CURRENT_SPI_VERSION, &version, &provider),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0x1u, CURRENT_SPI_VERSION,
                         &version, &provider),
           MAPI_E_UNKNOWN_FLAGS);
  /* An older SPI: MAPI_E_VERSION, and the provider says which it needs. */
  version = 0;
  provider = (IMSProvider *)&provider;
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, PDK1_SPI_VERSION, &version,
                         &provider),
           MAPI_E_VERSION);
  CHECK_EQ(version, CURRENT_SPI_VERSION);
  CHECK(provider == NULL);
  /* No failed call kept the IMalloc. */
  CHECK_EQ(m.refs, 1);
  CHECK_EQ(m.add_refs, m.releases);

  /* MAPI_NT_SERVICE is accepted; a newer MAPI is served. */
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, MAPI_NT_SERVICE,
                         CURRENT_SPI_VERSION + 1, &version, &provider),
           S_OK);
  CHECK_EQ(version, CURRENT_SPI_VERSION);
  CHECK_EQ(m.refs, 2);
  shutdown_and_release(provider);
  CHECK_EQ(m.refs, 1);
  CHECK_EQ(m.add_refs, m.releases);
}

/* ---- the store's properties ------------------------------------------- */

/* Wine's PpropFindProp. */
static const SPropValue *find_prop(SPropValue *props, ULONG count, ULONG tag) {
  return host_mapi.PpropFindProp(props, count, tag);
}

/* PR_DISPLAY_NAME_A, PR_ENTRYID, an unknown tag; then all, 8-bit and wide. */
static void store_properties(IMsgStore *store) {
  SizedSPropTagArray(3, tags) = {3, {PR_DISPLAY_NAME_A, PR_ENTRYID, PROP_TAG(PT_LONG, 0x6666)}};
  LPSPropValue props = NULL;
  LPSPropTagArray list = NULL;
  const SPropValue *p;
  ULONG count = 0;
  BYTE eid[24];

  host_store_entry_id(eid, 1);
  CHECK_HR(store->lpVtbl->GetProps(store, (LPSPropTagArray)&tags, 0, &count, &props),
           MAPI_W_ERRORS_RETURNED);
  CHECK(host_check_props(count, props)); /* Wine's FBadProp, one root */
  CHECK_EQ(count, 3);
  CHECK(props != NULL);
  if (count == 3 && props) {
    CHECK_EQ(props[0].ulPropTag, PR_DISPLAY_NAME_A);
    CHECK(props[0].Value.lpszA && strcmp(props[0].Value.lpszA, "mslogon reference store") == 0);
    CHECK_EQ(props[1].ulPropTag, PR_ENTRYID);
    CHECK_EQ(props[1].Value.bin.cb, 24);
    CHECK(props[1].Value.bin.cb == 24 && memcmp(props[1].Value.bin.lpb, eid, 24) == 0);
    CHECK_EQ(props[2].ulPropTag, PROP_TAG(PT_ERROR, 0x6666));
    CHECK_HR(props[2].Value.err, MAPI_E_NOT_FOUND);
    CHECK_EQ(host_mapi.UlPropSize(&props[0]), sizeof "mslogon reference store");
    CHECK_EQ(host_mapi.UlPropSize(&props[1]), 24);
  }
  /* One MAPIFreeBuffer frees the array and everything chained to it. */
  CHECK(host_live_buffers() >= 1);
  host_free_buffer(props);
  CHECK_EQ(host_live_buffers(), 0);

  /* All properties, 8-bit strings. */
  props = NULL;
  CHECK_HR(store->lpVtbl->GetProps(store, NULL, 0, &count, &props), S_OK);
  CHECK(host_check_props(count, props));
  CHECK(count >= 5);
  p = find_prop(props, count, PR_DISPLAY_NAME_A);
  CHECK(p && strcmp(p->Value.lpszA, "mslogon reference store") == 0);
  CHECK(find_prop(props, count, PR_DISPLAY_NAME_W) == NULL);
  p = find_prop(props, count, PR_ENTRYID);
  CHECK(p && p->Value.bin.cb == 24 && memcmp(p->Value.bin.lpb, eid, 24) == 0);
  p = find_prop(props, count, PR_STORE_SUPPORT_MASK);
  CHECK(p && (p->Value.ul & STORE_ENTRYID_UNIQUE));
  CHECK(host_check_copy_props(count, props)); /* Wine's ScCountProps/ScCopyProps */
  host_free_buffer(props);

  /* All properties, MAPI_UNICODE: WCHAR strings. */
  props = NULL;
  CHECK_HR(store->lpVtbl->GetProps(store, NULL, MAPI_UNICODE, &count, &props), S_OK);
  CHECK(host_check_props(count, props));
  p = find_prop(props, count, PR_DISPLAY_NAME_W);
  CHECK(p && wcscmp(p->Value.lpszW, L"mslogon reference store") == 0);
  CHECK(p && host_mapi.UlPropSize((LPSPropValue)p) == sizeof L"mslogon reference store");
  CHECK(host_check_copy_props(count, props)); /* Wine's ScCountProps/ScCopyProps */
  CHECK(find_prop(props, count, PR_DISPLAY_NAME_A) == NULL);
  host_free_buffer(props);

  CHECK_HR(store->lpVtbl->GetPropList(store, MAPI_UNICODE, &list), S_OK);
  CHECK(host_check_tags(list)); /* Wine's FBadColumnSet / FBadPropTag */
  CHECK(list && list->cValues == count);
  host_free_buffer(list);

  /* Wine's HrGetOneProp on the store (GetProps with an uninitialised
   * count): present, and missing (MAPI_E_NOT_FOUND, Wine frees the
   * provider's PT_ERROR array itself). */
  props = NULL;
  CHECK_HR(host_hr_get_one_prop(store, PR_DISPLAY_NAME_W, &props), S_OK);
  CHECK(props && props->ulPropTag == PR_DISPLAY_NAME_W &&
        wcscmp(props->Value.lpszW, L"mslogon reference store") == 0);
  host_free_buffer(props);
  props = (LPSPropValue)(void *)&props;
  CHECK_HR(host_hr_get_one_prop(store, PROP_TAG(PT_LONG, 0x6666), &props), MAPI_E_NOT_FOUND);
  CHECK(props == NULL);
  CHECK_EQ(host_live_buffers(), 0);

  CHECK_HR(store->lpVtbl->GetProps(store, NULL, 0x2u, &count, &props), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(store->lpVtbl->GetProps(store, NULL, 0, NULL, &props), MAPI_E_INVALID_PARAMETER);
  CHECK_EQ(host_live_buffers(), 0);
}

/* ---- GetLastError ------------------------------------------------------ */

/* The last failure of the logon or the store, as a MAPIERROR in host
 * buffers: 8-bit strings, or WCHAR ones with MAPI_UNICODE. */
static void last_error(Session l) {
  LPMAPIERROR err = (LPMAPIERROR)&err;
  HRESULT hr;

  CHECK_HR(l.logon->lpVtbl->Unadvise(l.logon, 0xBAD0u), MAPI_E_NOT_FOUND);
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NOT_FOUND, 0, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 0));
  host_free_buffer(err);
  err = NULL;
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NOT_FOUND, MAPI_UNICODE, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 1));
  host_free_buffer(err);
  /* The store shares the logon's state. */
  err = NULL;
  CHECK_HR(l.store->lpVtbl->GetLastError(l.store, MAPI_E_NOT_FOUND, MAPI_UNICODE, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 1));
  host_free_buffer(err);
  /* Another code: nothing to report. */
  err = (LPMAPIERROR)&err;
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NO_SUPPORT, 0, &err), S_OK);
  CHECK(err == NULL);
  hr = l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NOT_FOUND, 0x1u, &err);
  CHECK_HR(hr, MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NOT_FOUND, 0, NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_EQ(host_live_buffers(), 0);
}

/* ---- identity ------------------------------------------------------------ */

static void store_identity(IMSProvider *provider, IMsgStore *store, IMSLogon *logon) {
  BYTE eid[24];
  BYTE other[24];
  ULONG result = 77;
  ULONG type = 0;
  LPUNKNOWN unk = NULL;
  void *out = NULL;

  host_store_entry_id(eid, 1);
  host_store_entry_id(other, 2);
  CHECK_HR(provider->lpVtbl->CompareStoreIDs(provider, 24, (LPENTRYID)eid, 24, (LPENTRYID)eid, 0,
                                             &result),
           S_OK);
  CHECK_EQ(result, TRUE);
  CHECK_HR(provider->lpVtbl->CompareStoreIDs(provider, 24, (LPENTRYID)eid, 24, (LPENTRYID)other,
                                             0, &result),
           S_OK);
  CHECK_EQ(result, FALSE);

  /* The store opens its own entry ID: itself, one more reference. */
  CHECK_HR(store->lpVtbl->OpenEntry(store, 24, (LPENTRYID)eid, NULL, 0, &type, &unk), S_OK);
  CHECK_EQ(type, MAPI_STORE);
  CHECK(unk == (LPUNKNOWN)store);
  CHECK_EQ(store->lpVtbl->Release(store), 1);

  /* QueryInterface: IUnknown, IMAPIProp, IMsgStore on the store; IMSLogon
   * on the logon; E_NOINTERFACE-style failures zero the out-pointer. */
  CHECK_HR(store->lpVtbl->QueryInterface(store, &IID_IMAPIProp, &out), S_OK);
  CHECK(out == (void *)store);
  CHECK_EQ(store->lpVtbl->Release(store), 1);
  CHECK_HR(store->lpVtbl->QueryInterface(store, &host_IID_IUnknown, &out), S_OK);
  CHECK_EQ(store->lpVtbl->Release(store), 1);
  CHECK_HR(store->lpVtbl->QueryInterface(store, &IID_IMSLogon, &out),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(out == NULL);
  CHECK_HR(logon->lpVtbl->QueryInterface(logon, &IID_IMSLogon, &out), S_OK);
  CHECK(out == (void *)logon);
  CHECK_EQ(logon->lpVtbl->Release(logon), 1);
}

/* ---- seed situation 1: session logoff ---------------------------------- */

/* MAPI logs the client off (IMAPISession::Logoff): IMSLogon::Logoff(&0),
 * then the releases, IMSProvider::Shutdown, the provider's Release. */
static void session_logoff(void) {
  HostMalloc m;
  HostSupport support;
  HostSink sink1;
  HostSink sink2;
  IMSProvider *provider;
  ULONG_PTR c1 = HOST_CONNECTION_CANARY; /* Microsoft's width: see win_host.h */
  ULONG_PTR c2 = HOST_CONNECTION_CANARY;
  ULONG flags;
  ULONG type = 77;
  ULONG result = 77;
  ULONG_PTR connection = HOST_CONNECTION_CANARY;
  LPUNKNOWN unk = (LPUNKNOWN)&unk;
  LPVOID status = &status;
  LPMAPIERROR err = NULL;
  LPSPropValue props = (LPSPropValue)&props;
  ULONG count = 77;
  BYTE eid[24];
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  host_sink_init(&sink1);
  host_sink_init(&sink2);
  provider = init_provider(&m);
  CHECK_EQ(m.refs, 2); /* AddRef'd by MSProviderInit, kept until Shutdown */
  l = logon_default(provider, &support);
  CHECK_EQ(support.refs, 2); /* the host's + the logon's */

  store_properties(l.store);
  last_error(l);
  store_identity(provider, l.store, l.logon);
  CHECK_HR(l.store->lpVtbl->Advise(l.store, 0, NULL, fnevNewMail, host_sink_iface(&sink1),
                                   HOST_CONNECTION_OUT(&c1)),
           S_OK);
  CHECK_HR(l.logon->lpVtbl->Advise(l.logon, 0, NULL, fnevNewMail, host_sink_iface(&sink2),
                                   HOST_CONNECTION_OUT(&c2)),
           S_OK);
  CHECK_CONNECTION(c1);
  CHECK_CONNECTION(c2);
  CHECK(c1 != c2);
  CHECK_EQ(sink1.refs, 2);
  CHECK_EQ(sink2.refs, 2);

  /* Rejected Logoff calls change nothing. */
  CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, NULL), MAPI_E_INVALID_PARAMETER);
  flags = 1;
  CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, &flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(flags, 1); /* the caller's value left alone */
  flags = LOGOFF_COMPLETE;
  CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, &flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(support.releases, 0);
  CHECK_EQ(sink1.refs, 2);

  /* The session logoff: teardown once, S_OK, *lpulFlags left 0. */
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(sink1.refs, 1);
  CHECK_EQ(sink2.refs, 1);
  CHECK(support.last_release_tick > sink1.last_release_tick); /* support last */
  CHECK(support.last_release_tick > sink2.last_release_tick);
  CHECK_EQ(support.store_logoff_transports, 0); /* no StoreLogoff on this path */

  /* Logoff again: S_OK, nothing happens. */
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, NULL), MAPI_E_INVALID_PARAMETER);

  /* Every other method ends the session; out-pointers are zeroed. */
  host_store_entry_id(eid, 1);
  CHECK_HR(l.logon->lpVtbl->OpenEntry(l.logon, 24, (LPENTRYID)eid, NULL, 0, &type, &unk),
           MAPI_E_END_OF_SESSION);
  CHECK_EQ(type, 0);
  CHECK(unk == NULL);
  CHECK_HR(l.logon->lpVtbl->CompareEntryIDs(l.logon, 24, (LPENTRYID)eid, 24, (LPENTRYID)eid, 0,
                                            &result),
           MAPI_E_END_OF_SESSION);
  CHECK_EQ(result, 0);
  CHECK_HR(l.logon->lpVtbl->Advise(l.logon, 0, NULL, fnevNewMail, host_sink_iface(&sink1),
                                   HOST_CONNECTION_OUT(&connection)),
           MAPI_E_END_OF_SESSION);
  CHECK(connection == 0); /* all of it cleared */
  CHECK_HR(l.logon->lpVtbl->Unadvise(l.logon, (ULONG)c2), MAPI_E_END_OF_SESSION);
  CHECK_HR(l.logon->lpVtbl->OpenStatusEntry(l.logon, NULL, 0, &type, &status),
           MAPI_E_END_OF_SESSION);
  CHECK(status == NULL);
  CHECK_HR(l.store->lpVtbl->GetProps(l.store, NULL, 0, &count, &props), MAPI_E_END_OF_SESSION);
  CHECK(props == NULL);
  CHECK_HR(l.store->lpVtbl->Unadvise(l.store, (ULONG)c1), MAPI_E_END_OF_SESSION);
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, 24, (LPENTRYID)eid, NULL, 0, &type, &unk),
           MAPI_E_END_OF_SESSION);
  flags = 0;
  CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, &flags), MAPI_E_END_OF_SESSION);
  CHECK_EQ(sink1.refs, 1); /* the rejected Advise kept nothing */
  /* GetLastError and IUnknown still work. */
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_END_OF_SESSION, 0, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_END_OF_SESSION", 0));
  host_free_buffer(err);
  CHECK_EQ(l.logon->lpVtbl->AddRef(l.logon), 2);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 1);

  /* MAPI releases the logon and the store: nothing more happens. */
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(support.releases, 1);

  /* Shutdown releases the IMalloc; then the provider's last Release. */
  flags = 0;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK);
  CHECK_EQ(m.refs, 1);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  CHECK_EQ(m.add_refs, m.releases);
  CHECK_EQ(sink1.add_refs, sink1.releases);
  CHECK_EQ(sink2.add_refs, sink2.releases);
  check_support_balanced(&support);
  CHECK_EQ(support.reentries, 0);
  CHECK_EQ(host_live_buffers(), 0);
}

/* ---- seed situation 2: store logoff -------------------------------------- */

/* IMsgStore::StoreLogoff; MAPI re-enters IMSLogon::Logoff on the same logon
 * from inside the support object's Release, and (mapi_releases_logon) drops
 * its logon reference there too. */
static void store_logoff(int mapi_releases_logon, ULONG caller_flags) {
  HostSupport support;
  HostSink sink;
  IMSProvider *provider;
  ULONG_PTR connection = HOST_CONNECTION_CANARY; /* Microsoft's width: see win_host.h */
  ULONG flags;
  Session l;

  host_support_init(&support);
  host_sink_init(&sink);
  provider = init_provider(NULL);
  l = logon_default(provider, &support);
  CHECK_HR(l.logon->lpVtbl->Advise(l.logon, 0, NULL, fnevNewMail, host_sink_iface(&sink),
                                   HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_CONNECTION(connection);
  support.reenter_logon = l.logon;
  support.reenter_release = mapi_releases_logon;

  /* Rejected calls change nothing. */
  CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, NULL), MAPI_E_INVALID_PARAMETER);
  flags = 0x100u;
  CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, &flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(flags, 0x100u);
  CHECK_EQ(support.releases, 0);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(support.reentries, 0);

  flags = caller_flags;
  CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, &flags), S_OK);
  CHECK_EQ(flags, LOGOFF_COMPLETE);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, caller_flags);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, S_OK); /* the re-entrant Logoff: a no-op */
  CHECK_EQ(support.reenter_flags_after, 0);
  CHECK_EQ(support.releases, 1);                             /* exactly once ... */
  CHECK(support.last_release_tick > sink.last_release_tick); /* ... and last */
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(sink.refs, 1);

  /* Afterwards: Logoff is a no-op, the rest ends the session. */
  if (!mapi_releases_logon) {
    CHECK_HR(logoff(l.logon), S_OK);
    CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  }
  flags = 0;
  CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, &flags), MAPI_E_END_OF_SESSION);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.store_logoff_transports, 1);
  shutdown_and_release(provider);
  check_support_balanced(&support);
  CHECK_EQ(sink.add_refs, sink.releases);
}

/* ---- the store released without StoreLogoff ----------------------------- */

static void store_release_aborts(void) {
  HostSupport support;
  IMSProvider *provider;
  Session l;

  host_support_init(&support);
  provider = init_provider(NULL);
  l = logon_default(provider, &support);
  CHECK_EQ(l.store->lpVtbl->AddRef(l.store), 2);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 1);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, LOGOFF_ABORT);
  CHECK_EQ(support.releases, 1);
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.releases, 1);
  shutdown_and_release(provider);
  check_support_balanced(&support);
}

/* ---- IMSProvider::Logon's bad input -------------------------------------- */

static void logon_rejects_bad_input(void) {
  HostSupport support;
  IMSProvider *provider;
  LPMAPIERROR error = NULL;
  BYTE foreign[24];
  BYTE missing[24];
  Session l;

  host_support_init(&support);
  provider = init_provider(NULL);
  memset(foreign, 0xAB, sizeof foreign);
  host_store_entry_id(missing, 2);

  /* A foreign entry ID: MAPI_E_INVALID_ENTRYID and a MAPIERROR in a host
   * buffer, freed with the host's MAPIFreeBuffer. */
  CHECK_HR(logon_with(provider, &support, sizeof foreign, foreign, NULL, 0, &l, &error),
           MAPI_E_INVALID_ENTRYID);
  CHECK(host_check_mapierror(error, "MAPI_E_INVALID_ENTRYID", 0));
  CHECK(host_live_buffers() >= 1); /* the MAPIERROR (its strings chained to it) */
  host_free_buffer(error);
  CHECK_EQ(host_live_buffers(), 0);
  /* An unknown store of its own, MAPI_UNICODE: a WCHAR MAPIERROR. */
  error = NULL;
  CHECK_HR(logon_with(provider, &support, sizeof missing, missing, NULL, MAPI_UNICODE, &l, &error),
           MAPI_E_LOGON_FAILED);
  CHECK(host_check_mapierror(error, "MAPI_E_LOGON_FAILED", 1));
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, 0, NULL, &IID_IMAPIProp, 0, &l, &error),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, 0, NULL, &IID_IMSLogon, 0, &l, &error),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, 0, NULL, &IID_IMsgStore, 0x40000000u, &l, &error),
           MAPI_E_UNKNOWN_FLAGS);
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, 8, NULL, NULL, 0, &l, &error),
           MAPI_E_INVALID_PARAMETER);
  host_free_buffer(error);
  error = NULL;
  {
    IMSLogon *logon = NULL;
    IMsgStore *store = (IMsgStore *)&store;
    CHECK_HR(provider->lpVtbl->Logon(provider, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, NULL,
                                     &error, &logon, &store),
             MAPI_E_INVALID_PARAMETER);
    CHECK(logon == NULL && store == NULL);
    /* A NULL lppMSLogon: MAPI_E_INVALID_PARAMETER, and the other
     * out-pointer zeroed (README: "out-pointers are zeroed on failure"). */
    {
      ULONG cb_spool = 77;
      BYTE *spool = (BYTE *)&cb_spool;
      store = (IMsgStore *)&store;
      CHECK_HR(provider->lpVtbl->Logon(provider, host_support_iface(&support), 0, NULL, 0, NULL,
                                       0, NULL, &cb_spool, &spool, &error, NULL, &store),
               MAPI_E_INVALID_PARAMETER);
      CHECK(store == NULL);
    }
  }
  CHECK(error == NULL);
  /* A failed Logon kept nothing: not even a reference on the support. */
  CHECK_EQ(support.add_refs, 0);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(host_live_buffers(), 0);

  /* The interface may be named explicitly; a spooler logon works the same. */
  CHECK_HR(logon_with(provider, &support, 0, NULL, &IID_IMsgStore, MDB_WRITE, &l, &error), S_OK);
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  {
    IMSLogon *logon = NULL;
    IMsgStore *store = NULL;
    CHECK_HR(provider->lpVtbl->SpoolerLogon(provider, host_support_iface(&support), 0, NULL, 0,
                                            NULL, 0, NULL, 0, NULL, &error, &logon, &store),
             S_OK);
    CHECK(logon != NULL && store != NULL);
    if (logon && store) {
      CHECK_HR(logoff(logon), S_OK);
      CHECK_EQ(logon->lpVtbl->Release(logon), 0);
      CHECK_EQ(store->lpVtbl->Release(store), 0);
    }
  }
  shutdown_and_release(provider);
  check_support_balanced(&support);
  CHECK_EQ(support.store_logoff_transports, 0);
}

/* ---- Shutdown with logons alive ------------------------------------------ */

static void shutdown_logs_off_what_is_left(void) {
  HostMalloc m;
  HostSupport s1;
  HostSupport s2;
  HostSink sink;
  IMSProvider *provider;
  ULONG_PTR connection = HOST_CONNECTION_CANARY; /* Microsoft's width: see win_host.h */
  ULONG flags = 0;
  Session a;
  Session b;
  Session c;

  host_malloc_init(&m);
  host_support_init(&s1);
  host_support_init(&s2);
  host_sink_init(&sink);
  provider = init_provider(&m);
  a = logon_default(provider, &s1);
  b = logon_default(provider, &s2);
  CHECK_HR(b.store->lpVtbl->Advise(b.store, 0, NULL, fnevNewMail, host_sink_iface(&sink),
                                   HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_CONNECTION(connection);

  CHECK_HR(provider->lpVtbl->Shutdown(provider, NULL), MAPI_E_INVALID_PARAMETER);
  flags = 1;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(s1.releases + s2.releases, 0);
  CHECK_EQ(m.refs, 2);

  flags = 0;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK);
  CHECK_EQ(s1.releases, 1);
  CHECK_EQ(s2.releases, 1);
  CHECK_EQ(sink.refs, 1);
  CHECK(s2.last_release_tick > sink.last_release_tick);
  CHECK_EQ(m.refs, 1); /* the IMalloc is released at Shutdown */
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK); /* a no-op */
  CHECK_EQ(m.refs, 1);
  CHECK_HR(logon_with(provider, &s1, 0, NULL, NULL, 0, &c, NULL), MAPI_E_END_OF_SESSION);
  CHECK_EQ(s1.refs, 1);

  /* The host still holds its references: they stay usable and safe. */
  CHECK_HR(logoff(a.logon), S_OK);
  CHECK_HR(b.store->lpVtbl->Unadvise(b.store, (ULONG)connection), MAPI_E_END_OF_SESSION);
  CHECK_EQ(a.logon->lpVtbl->Release(a.logon), 0);
  CHECK_EQ(a.store->lpVtbl->Release(a.store), 0);
  CHECK_EQ(b.store->lpVtbl->Release(b.store), 0);
  CHECK_EQ(b.logon->lpVtbl->Release(b.logon), 0);
  CHECK_EQ(s1.store_logoff_transports + s2.store_logoff_transports, 0);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  check_support_balanced(&s1);
  check_support_balanced(&s2);
  CHECK_EQ(sink.add_refs, sink.releases);
  CHECK_EQ(m.add_refs, m.releases);
  CHECK_EQ(host_live_buffers(), 0);
}

/* The mapi32.dll the host loaded is the real thing, not stubs: Wine's
 * validators reject what is bad and accept what is good, its buffers are
 * where Wine puts them (HeapAlloc + one pointer: 8 mod 16 on x64, 4 mod 8
 * on i686, the alignment the DLL must cope with), AllocateMore chains to
 * the root, FreeProws frees a row set the host made. */
static void wine_mapi32_is_genuine(void) {
  SPropValue good[2];
  SPropValue bad;
  SizedSPropTagArray(2, cols) = {2, {PR_DISPLAY_NAME_W, PR_ENTRYID}};
  SizedSPropTagArray(1, error_col) = {1, {PROP_TAG(PT_ERROR, 0x6666)}};
  LPSRowSet rows = NULL;
  void *root = NULL;
  void *more = NULL;
  WCHAR name[] = L"x";

  memset(good, 0, sizeof good);
  good[0].ulPropTag = PR_DISPLAY_NAME_W;
  good[0].Value.lpszW = name;
  good[1].ulPropTag = PROP_TAG(PT_ERROR, 0x6666);
  good[1].Value.err = MAPI_E_NOT_FOUND;
  memset(&bad, 0, sizeof bad);
  bad.ulPropTag = PR_DISPLAY_NAME_A;
  bad.Value.lpszA = NULL; /* a string property without a string */
  CHECK(!host_mapi.FBadProp(&good[0]));
  CHECK(!host_mapi.FBadProp(&good[1]));
  CHECK(host_mapi.FBadProp(&bad));
  CHECK(!host_mapi.FBadPropTag(PR_ENTRYID));
  CHECK(host_mapi.FBadPropTag(PROP_TAG(0x0017, 0x6666))); /* no such type */
  CHECK(!host_mapi.FBadColumnSet((LPSPropTagArray)(void *)&cols));
  CHECK(host_mapi.FBadColumnSet((LPSPropTagArray)(void *)&error_col));
  CHECK(host_mapi.FBadRowSet(NULL));
  CHECK_EQ(host_mapi.UlPropSize(&good[0]), sizeof name);
  CHECK(host_mapi.PpropFindProp(good, 2, PR_DISPLAY_NAME_W) == &good[0]);
  CHECK(host_mapi.PpropFindProp(good, 2, PR_DISPLAY_NAME_A) == NULL);

  CHECK_HR(host_allocate_buffer(40, &root), S_OK);
  CHECK_HR(host_allocate_more(40, root, &more), S_OK);
  CHECK(host_is_root_buffer(root));
  CHECK(more != NULL && !host_is_root_buffer(more));
#ifdef _WIN64
  CHECK_EQ((ULONG_PTR)root % 16, 8);
  CHECK_EQ((ULONG_PTR)more % 16, 8);
#else
  CHECK_EQ((ULONG_PTR)root % 8, 4);
  CHECK_EQ((ULONG_PTR)more % 8, 4);
#endif
  host_free_buffer(root); /* the chained one with it */

  /* A row set as a provider makes it: Wine's FBadRowSet accepts it, a row
   * without properties makes it bad, Wine's FreeProws frees it. */
  CHECK_HR(host_allocate_buffer((ULONG)CbNewSRowSet(2), (LPVOID *)&rows), S_OK);
  if (!rows) return;
  rows->cRows = 2;
  rows->aRow[0].ulAdrEntryPad = 0;
  rows->aRow[0].cValues = 1;
  rows->aRow[0].lpProps = NULL;
  rows->aRow[1] = rows->aRow[0];
  CHECK_HR(host_allocate_buffer(sizeof(SPropValue), (LPVOID *)&rows->aRow[0].lpProps), S_OK);
  CHECK_HR(host_allocate_buffer(sizeof(SPropValue), (LPVOID *)&rows->aRow[1].lpProps), S_OK);
  if (rows->aRow[0].lpProps && rows->aRow[1].lpProps) {
    LPSPropValue held = rows->aRow[1].lpProps;
    rows->aRow[0].lpProps[0] = good[1];
    rows->aRow[1].lpProps[0] = good[0];
    CHECK(!host_mapi.FBadRowSet(rows));
    CHECK(host_check_rows(rows));
    rows->aRow[1].lpProps = NULL;
    CHECK(host_mapi.FBadRowSet(rows));
    CHECK(host_mapi.FBadRow(&rows->aRow[1]));
    rows->aRow[1].lpProps = held;
  }
  CHECK_EQ(host_live_buffers(), 3);
  host_free_prows(rows);
  CHECK_EQ(host_live_buffers(), 0);
}

/* MSProviderInit handed Wine's MAPIAllocateBuffer / MAPIAllocateMore /
 * MAPIFreeBuffer themselves (no wrapper: what MAPI passes): what the store
 * returns is in Wine's buffers, valid by Wine's FBadProp, freed with Wine's
 * MAPIFreeBuffer (a bad free would hang or, under WINEDEBUG=warn+heap,
 * crash the run); the wrapper saw none of it. */
static void provider_on_wines_own_allocators(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider = NULL;
  ULONG version = 0;
  LONG allocations = host_allocations();
  LONG more = host_more_allocations();
  LPSPropValue props = NULL;
  LPMAPIERROR err = NULL;
  ULONG count = 0;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_mapi.AllocateBuffer,
                         host_mapi.AllocateMore, host_mapi.FreeBuffer, 0, CURRENT_SPI_VERSION,
                         &version, &provider),
           S_OK);
  if (!provider) return;
  l = logon_default(provider, &support);
  CHECK_HR(l.store->lpVtbl->GetProps(l.store, NULL, MAPI_UNICODE, &count, &props), S_OK);
  CHECK(count >= 5 && props != NULL);
  if (props) {
    ULONG i;
    const SPropValue *p = find_prop(props, count, PR_DISPLAY_NAME_W);
    for (i = 0; i < count; i++) CHECK(!host_mapi.FBadProp(&props[i]));
    CHECK(p && wcscmp(p->Value.lpszW, L"mslogon reference store") == 0);
    CHECK(!host_is_root_buffer(props)); /* not the wrapper's */
    host_mapi.FreeBuffer(props);
  }
  CHECK_HR(l.logon->lpVtbl->Unadvise(l.logon, 0xBAD0u), MAPI_E_NOT_FOUND);
  CHECK_HR(l.logon->lpVtbl->GetLastError(l.logon, MAPI_E_NOT_FOUND, MAPI_UNICODE, &err), S_OK);
  CHECK(err != NULL && err->ulVersion == MAPI_ERROR_VERSION && err->lpszComponent &&
        wcscmp((const WCHAR *)err->lpszComponent, L"mslogon") == 0);
  host_mapi.FreeBuffer(err);
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  shutdown_and_release(provider);
  check_support_balanced(&support);
  CHECK_EQ(host_allocations(), allocations);
  CHECK_EQ(host_more_allocations(), more);
}

/* The provider's last Release without Shutdown shuts down. */
static void provider_release_shuts_down(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_default(provider, &support);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(m.refs, 1);
  /* The logon and the store outlive the provider object safely. */
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  check_support_balanced(&support);
  CHECK_EQ(m.add_refs, m.releases);
}

int main(void) {
  provider_init = host_load_provider("mslogon.dll", &provider_module);
  if (!provider_init) return host_finish("win_test_lifecycle_c");

  exported_iids_match_mapiguid();
  wine_mapi32_is_genuine();
  provider_init_checks_its_arguments();
  provider_on_wines_own_allocators();
  session_logoff();
  store_logoff(0, LOGOFF_ORDERLY);
  store_logoff(1, LOGOFF_NO_WAIT | LOGOFF_QUIET);
  store_release_aborts();
  logon_rejects_bad_input();
  shutdown_logs_off_what_is_left();
  provider_release_shuts_down();
  CHECK_EQ(host_live_buffers(), 0);
  CHECK(host_allocations() > 0); /* the provider did use the host's allocators */
  CHECK(host_more_allocations() > 0); /* and chained strings with MAPIAllocateMore */
  CHECK(FreeLibrary(provider_module));
  return host_finish("win_test_lifecycle_c");
}
