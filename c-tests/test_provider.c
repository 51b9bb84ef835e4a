/*
 * test_provider.c: the provider lifecycle as the MAPI subsystem drives it,
 * through MSProviderInit only (declared here the way <mapispi.h> does).
 *
 *   - MSProviderInit's argument checks and version negotiation;
 *   - IMSProvider::Logon: a logon and a store, sharing one state;
 *   - seed situation 1, session logoff: IMSLogon::Logoff(&0), releases,
 *     IMSProvider::Shutdown;
 *   - seed situation 2, store logoff: IMsgStore::StoreLogoff; the provider
 *     releases its support object, whose Release calls IMSLogon::Logoff on
 *     the same logon (as MAPI does): S_OK, one teardown, LOGOFF_COMPLETE;
 *   - the store released without StoreLogoff: LOGOFF_ABORT, same teardown;
 *   - Shutdown with logons still alive; the provider released without it.
 * Every AddRef is matched by a Release, every host buffer is freed.
 */
#include <string.h>

#include "host.h"

/* The entry point MAPI looks up (mapispi.h: MSPROVIDERINIT, __cdecl). */
MSLogon_HRESULT MSProviderInit(void *hInstance, MSLogon_IMalloc *lpMalloc,
                               MSLogon_AllocateBufferFn lpAllocateBuffer,
                               MSLogon_AllocateMoreFn lpAllocateMore,
                               MSLogon_FreeBufferFn lpFreeBuffer, MSLogon_ULONG ulFlags,
                               MSLogon_ULONG ulMAPIVer, MSLogon_ULONG *lpulProviderVer,
                               MSLogon_IMSProvider **lppMSProvider);

static MSLogon_IMSProvider *init_provider(HostMalloc *m) {
  MSLogon_IMSProvider *provider = NULL;
  MSLogon_ULONG version = 0;
  CHECK_HR(MSProviderInit(NULL, m ? &m->iface : NULL, host_allocate_buffer, host_allocate_more,
                          host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_S_OK);
  CHECK_EQ(version, MSLogon_CURRENT_SPI_VERSION);
  CHECK(provider != NULL);
  return provider;
}

typedef struct Logon {
  MSLogon_IMSLogon *logon;
  MSLogon_IMsgStore *store;
} Logon;

static MSLogon_HRESULT logon_with(MSLogon_IMSProvider *provider, HostSupport *support,
                                  MSLogon_ULONG cb, const MSLogon_BYTE *eid,
                                  const MSLogon_IID *iid, MSLogon_ULONG flags, Logon *out,
                                  MSLogon_MAPIERROR **error) {
  MSLogon_ULONG cb_spool = 77;
  MSLogon_BYTE *spool = (MSLogon_BYTE *)&cb_spool;
  MSLogon_HRESULT hr;
  out->logon = (MSLogon_IMSLogon *)&cb_spool;
  out->store = (MSLogon_IMsgStore *)&cb_spool;
  hr = MSLogon_IMSProvider_Logon(provider, &support->iface, 0, NULL, cb, (MSLogon_ENTRYID *)eid,
                                 flags, iid, &cb_spool, &spool, error, &out->logon, &out->store);
  CHECK_EQ(cb_spool, 0);
  CHECK(spool == NULL);
  if (hr != MSLogon_S_OK) {
    CHECK(out->logon == NULL);
    CHECK(out->store == NULL);
  }
  return hr;
}

static Logon logon_default(MSLogon_IMSProvider *provider, HostSupport *support) {
  Logon l;
  MSLogon_MAPIERROR *error = NULL;
  CHECK_HR(logon_with(provider, support, 0, NULL, NULL, MSLogon_MDB_NO_DIALOG, &l, &error),
           MSLogon_S_OK);
  CHECK(error == NULL);
  CHECK(l.logon != NULL && l.store != NULL);
  return l;
}

static MSLogon_HRESULT logoff(MSLogon_IMSLogon *logon) {
  MSLogon_ULONG flags = 0;
  return MSLogon_IMSLogon_Logoff(logon, &flags);
}

static void shutdown_and_release(MSLogon_IMSProvider *provider) {
  MSLogon_ULONG flags = 0;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
}

static void provider_init_checks_its_arguments(void) {
  MSLogon_IMSProvider *provider = (MSLogon_IMSProvider *)&provider;
  MSLogon_ULONG version = 0;

  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0, MSLogon_CURRENT_SPI_VERSION, &version, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0, MSLogon_CURRENT_SPI_VERSION, NULL, &provider),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(provider == NULL);
  provider = (MSLogon_IMSProvider *)&provider;
  CHECK_HR(MSProviderInit(NULL, NULL, NULL, host_allocate_more, host_free_buffer, 0,
                          MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(provider == NULL);
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, NULL, 0,
                          MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0x1u, MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  /* An older SPI: the provider says which version it needs. */
  version = 0;
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0, MSLogon_PDK1_SPI_VERSION, &version, &provider),
           MSLogon_MAPI_E_VERSION);
  CHECK_EQ(version, MSLogon_CURRENT_SPI_VERSION);
  CHECK(provider == NULL);
  CHECK_EQ(mslogon_live_objects(), 0);

  /* MAPI_NT_SERVICE is accepted; a newer MAPI is served. */
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          MSLogon_MAPI_NT_SERVICE, MSLogon_CURRENT_SPI_VERSION + 1, &version,
                          &provider),
           MSLogon_S_OK);
  shutdown_and_release(provider);
}

/* Reads PR_DISPLAY_NAME_A, PR_ENTRYID, an unknown tag from the store. */
static void store_properties(MSLogon_IMsgStore *store) {
  struct {
    MSLogon_ULONG cValues;
    MSLogon_ULONG aulPropTag[3];
  } tags = {3, {MSLogon_PR_DISPLAY_NAME_A, MSLogon_PR_ENTRYID, 0x66660003u}};
  MSLogon_SPropValue *props = NULL;
  MSLogon_SPropTagArray *list = NULL;
  MSLogon_ULONG count = 0;
  MSLogon_BYTE eid[24];
  MSLogon_ULONG i;
  int seen_mask = 0;

  CHECK_HR(MSLogon_IMsgStore_GetProps(store, (MSLogon_SPropTagArray *)&tags, 0, &count, &props),
           MSLogon_MAPI_W_ERRORS_RETURNED);
  CHECK_EQ(count, 3);
  if (count == 3 && props) {
    host_store_entry_id(eid, 1);
    CHECK_EQ(props[0].ulPropTag, MSLogon_PR_DISPLAY_NAME_A);
    CHECK(strcmp(props[0].Value.lpszA, "mslogon reference store") == 0);
    CHECK_EQ(props[1].ulPropTag, MSLogon_PR_ENTRYID);
    CHECK_EQ(props[1].Value.bin.cb, 24);
    CHECK(memcmp(props[1].Value.bin.lpb, eid, 24) == 0);
    CHECK_EQ(props[2].ulPropTag, 0x6666000Au); /* PT_ERROR */
    CHECK_HR(props[2].Value.err, MSLogon_MAPI_E_NOT_FOUND);
  }
  host_free_buffer(props);

  /* All properties, wide strings. */
  props = NULL;
  CHECK_HR(MSLogon_IMsgStore_GetProps(store, NULL, MSLogon_MAPI_UNICODE, &count, &props),
           MSLogon_S_OK);
  CHECK(count >= 5);
  for (i = 0; props && i < count; i++) {
    if (props[i].ulPropTag == MSLogon_PR_DISPLAY_NAME_W) {
      CHECK(props[i].Value.lpszW[0] == 'm' && props[i].Value.lpszW[1] == 's');
    }
    if (props[i].ulPropTag == MSLogon_PR_STORE_SUPPORT_MASK) {
      seen_mask = 1;
      CHECK(props[i].Value.ul & MSLogon_STORE_ENTRYID_UNIQUE);
    }
    CHECK(props[i].ulPropTag != MSLogon_PR_DISPLAY_NAME_A);
  }
  CHECK(seen_mask);
  host_free_buffer(props);

  CHECK_HR(MSLogon_IMsgStore_GetPropList(store, 0, &list), MSLogon_S_OK);
  CHECK(list && list->cValues == count);
  host_free_buffer(list);

  CHECK_HR(MSLogon_IMsgStore_GetProps(store, NULL, 0x2u, &count, &props),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMsgStore_GetProps(store, NULL, 0, NULL, &props),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_EQ(host_live_buffers(), 0);
}

static void store_identity(MSLogon_IMSProvider *provider, MSLogon_IMsgStore *store) {
  MSLogon_BYTE eid[24];
  MSLogon_BYTE other[24];
  MSLogon_ULONG result = 77;
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unk = NULL;
  void *out = NULL;

  host_store_entry_id(eid, 1);
  host_store_entry_id(other, 2);
  CHECK_HR(MSLogon_IMSProvider_CompareStoreIDs(provider, 24, (MSLogon_ENTRYID *)eid, 24,
                                               (MSLogon_ENTRYID *)eid, 0, &result),
           MSLogon_S_OK);
  CHECK_EQ(result, 1);
  CHECK_HR(MSLogon_IMSProvider_CompareStoreIDs(provider, 24, (MSLogon_ENTRYID *)eid, 24,
                                               (MSLogon_ENTRYID *)other, 0, &result),
           MSLogon_S_OK);
  CHECK_EQ(result, 0);
  CHECK_HR(MSLogon_IMSProvider_CompareStoreIDs(provider, 20, (MSLogon_ENTRYID *)eid, 24,
                                               (MSLogon_ENTRYID *)eid, 0, &result),
           MSLogon_MAPI_E_INVALID_ENTRYID);

  /* The store opens its own entry ID: itself, one more reference. */
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, 24, (MSLogon_ENTRYID *)eid, NULL, 0, &type, &unk),
           MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_STORE);
  CHECK(unk == (MSLogon_IUnknown *)store);
  CHECK_EQ(MSLogon_IMsgStore_Release(store), 1);
  /* Another store's entry ID is not this store's to open. */
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, 24, (MSLogon_ENTRYID *)other, NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_ENTRYID);

  /* IMsgStore answers IUnknown, IMAPIProp, IMsgStore, not IMSLogon. */
  CHECK_HR(MSLogon_IMsgStore_QueryInterface(store, &MSLogon_IID_IMAPIProp, &out), MSLogon_S_OK);
  CHECK(out == (void *)store);
  CHECK_EQ(MSLogon_IMsgStore_Release(store), 1);
  CHECK_HR(MSLogon_IMsgStore_QueryInterface(store, &MSLogon_IID_IMSLogon, &out),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(out == NULL);
  /* A method the reference store does not implement. */
  CHECK_HR(MSLogon_IMsgStore_SaveChanges(store, 0), MSLogon_MAPI_E_NO_SUPPORT);
}

/* Seed situation 1: IMAPISession::Logoff -> IMSLogon::Logoff. */
static void session_logoff(void) {
  HostMalloc m;
  HostSupport support;
  HostSink sink;
  MSLogon_IMSProvider *provider;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  Logon l;

  host_malloc_init(&m);
  host_support_init(&support);
  host_sink_init(&sink);
  provider = init_provider(&m);
  CHECK_EQ(host_malloc_refs(&m), 2); /* kept until Shutdown */
  l = logon_default(provider, &support);
  CHECK_EQ(host_refs(&support), 2);
  CHECK_EQ(mslogon_live_objects(), 3); /* provider, logon, store */

  store_properties(l.store);
  store_identity(provider, l.store);
  CHECK_HR(MSLogon_IMsgStore_Advise(l.store, 0, NULL, MSLogon_fnevNewMail, &sink.iface,
                                    &connection),
           MSLogon_S_OK);
  CHECK_CONNECTION(connection); /* all 8 bytes written on 64-bit */
  CHECK_EQ(host_sink_refs(&sink), 2);

  CHECK_HR(logoff(l.logon), MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK(support.last_release_tick > sink.last_release_tick);
  CHECK_EQ(support.store_logoff_transports, 0); /* no StoreLogoff in this path */
  /* The store shares the logon's state: its methods end the session. */
  CHECK_HR(MSLogon_IMsgStore_Unadvise(l.store, connection), MSLogon_MAPI_E_END_OF_SESSION);
  {
    MSLogon_ULONG flags = 0;
    CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, &flags), MSLogon_MAPI_E_END_OF_SESSION);
  }

  CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  CHECK_EQ(support.store_logoff_transports, 0); /* already logged off */
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(mslogon_live_objects(), 1);
  shutdown_and_release(provider);
  CHECK_EQ(host_malloc_refs(&m), 1);
  CHECK_EQ(support.add_refs, support.releases);
}

/* Seed situation 2: IMsgStore::StoreLogoff; MAPI re-enters IMSLogon::Logoff
 * from inside the support object's Release. */
static void store_logoff(int mapi_releases_logon) {
  HostSupport support;
  HostSink sink;
  MSLogon_IMSProvider *provider;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_ULONG flags;
  Logon l;

  host_support_init(&support);
  host_sink_init(&sink);
  provider = init_provider(NULL);
  l = logon_default(provider, &support);
  CHECK_HR(MSLogon_IMSLogon_Advise(l.logon, 0, NULL, MSLogon_fnevNewMail, &sink.iface,
                                   &connection),
           MSLogon_S_OK);
  CHECK_CONNECTION(connection);
  support.reenter_logon = l.logon;
  support.reenter_release = mapi_releases_logon;

  /* Rejected calls change nothing. */
  CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  flags = 0x100u;
  CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, &flags), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(flags, 0x100u);
  CHECK_EQ(support.releases, 0);
  CHECK_EQ(support.store_logoff_transports, 0);

  flags = MSLogon_LOGOFF_ORDERLY;
  CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, &flags), MSLogon_S_OK);
  CHECK_EQ(flags, MSLogon_LOGOFF_COMPLETE);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, MSLogon_LOGOFF_ORDERLY);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, MSLogon_S_OK); /* the re-entrant Logoff */
  CHECK_EQ(support.releases, 1);              /* exactly once ... */
  CHECK(support.last_release_tick > sink.last_release_tick); /* ... and last */
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(host_sink_refs(&sink), 1);

  /* Everything after: Logoff is a no-op, the rest ends the session. */
  if (!mapi_releases_logon) {
    CHECK_HR(logoff(l.logon), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  }
  flags = 0;
  CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, &flags), MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.store_logoff_transports, 1);
  shutdown_and_release(provider);
}

/* The store's last Release without StoreLogoff: LOGOFF_ABORT. */
static void store_release_aborts(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  Logon l;

  host_support_init(&support);
  provider = init_provider(NULL);
  l = logon_default(provider, &support);
  CHECK_EQ(MSLogon_IMsgStore_AddRef(l.store), 2);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 1);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, MSLogon_LOGOFF_ABORT);
  CHECK_EQ(support.releases, 1);
  CHECK_HR(logoff(l.logon), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.releases, 1);
  shutdown_and_release(provider);
}

/* Logon's argument checks; a failed Logon keeps nothing. */
static void logon_rejects_bad_input(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_BYTE foreign[24];
  MSLogon_BYTE missing[24];
  Logon l;

  host_support_init(&support);
  provider = init_provider(NULL);
  memset(foreign, 0xAB, sizeof foreign);
  host_store_entry_id(missing, 2);

  CHECK_HR(logon_with(provider, &support, sizeof foreign, foreign, NULL, 0, &l, &error),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK(host_check_mapierror(error, "MAPI_E_INVALID_ENTRYID", 0));
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, sizeof missing, missing, NULL, MSLogon_MAPI_UNICODE, &l,
                      &error),
           MSLogon_MAPI_E_LOGON_FAILED);
  CHECK(host_check_mapierror(error, "MAPI_E_LOGON_FAILED", 1));
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(logon_with(provider, &support, 0, NULL, &MSLogon_IID_IMAPIProp, 0, &l, &error),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK_HR(logon_with(provider, &support, 0, NULL, &MSLogon_IID_IMsgStore, 0x40000000u, &l,
                      &error),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(logon_with(provider, &support, 8, NULL, NULL, 0, &l, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(error == NULL);
  {
    MSLogon_IMSLogon *logon = NULL;
    MSLogon_IMsgStore *store = NULL;
    CHECK_HR(MSLogon_IMSProvider_Logon(provider, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, NULL,
                                       &error, &logon, &store),
             MSLogon_MAPI_E_INVALID_PARAMETER);
    MSLogon_ULONG cb_spool = 77;
    MSLogon_BYTE *spool = (MSLogon_BYTE *)&cb_spool;
    /* A NULL out-pointer: every other out-pointer is still cleared. */
    store = (MSLogon_IMsgStore *)&store;
    CHECK_HR(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL, 0, NULL,
                                       &cb_spool, &spool, &error, NULL, &store),
             MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK(store == NULL);
    CHECK_EQ(cb_spool, 0);
    CHECK(spool == NULL);
    CHECK(error == NULL);
    logon = (MSLogon_IMSLogon *)&logon;
    cb_spool = 77;
    CHECK_HR(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL, 0, NULL,
                                       &cb_spool, &spool, &error, &logon, NULL),
             MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK(logon == NULL);
    CHECK_EQ(cb_spool, 0);
  }
  /* Nothing retained, nothing created, nothing leaked: a failed Logon
   * never even took a reference on the support object. */
  CHECK_EQ(support.add_refs, 0);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(support.add_refs, support.releases);
  CHECK_EQ(mslogon_live_objects(), 1);
  CHECK_EQ(host_live_buffers(), 0);

  /* The interface may be named explicitly; a spooler logon works the same. */
  CHECK_HR(logon_with(provider, &support, 0, NULL, &MSLogon_IID_IMsgStore, MSLogon_MDB_WRITE, &l,
                      &error),
           MSLogon_S_OK);
  CHECK_HR(logoff(l.logon), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  {
    MSLogon_IMSLogon *logon = NULL;
    MSLogon_IMsgStore *store = NULL;
    CHECK_HR(MSLogon_IMSProvider_SpoolerLogon(provider, &support.iface, 0, NULL, 0, NULL, 0, NULL,
                                              0, NULL, &error, &logon, &store),
             MSLogon_S_OK);
    CHECK_HR(logoff(logon), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
    CHECK_EQ(MSLogon_IMsgStore_Release(store), 0);
  }
  CHECK_EQ(support.add_refs, support.releases);
  shutdown_and_release(provider);
}

/* Shutdown while logons are alive logs them off first. */
static void shutdown_logs_off_what_is_left(void) {
  HostSupport s1;
  HostSupport s2;
  HostSink sink;
  MSLogon_IMSProvider *provider;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_ULONG flags = 0;
  Logon a;
  Logon b;
  Logon c;

  host_support_init(&s1);
  host_support_init(&s2);
  host_sink_init(&sink);
  provider = init_provider(NULL);
  a = logon_default(provider, &s1);
  b = logon_default(provider, &s2);
  CHECK_HR(MSLogon_IMsgStore_Advise(b.store, 0, NULL, 1u, &sink.iface, &connection),
           MSLogon_S_OK);
  CHECK_CONNECTION(connection);

  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  flags = 1;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(s1.releases + s2.releases, 0);

  flags = 0;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CHECK_EQ(s1.releases, 1);
  CHECK_EQ(s2.releases, 1);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK); /* idempotent */
  CHECK_HR(logon_with(provider, &s1, 0, NULL, NULL, 0, &c, NULL), MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_EQ(host_refs(&s1), 1);

  /* The host still holds its references: they stay usable and safe. */
  CHECK_HR(logoff(a.logon), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(b.store, connection), MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_EQ(MSLogon_IMSLogon_Release(a.logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(a.store), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(b.store), 0);
  CHECK_EQ(MSLogon_IMSLogon_Release(b.logon), 0);
  CHECK_EQ(s1.store_logoff_transports + s2.store_logoff_transports, 0);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
}

/* The provider's last Release without Shutdown shuts down. */
static void provider_release_shuts_down(void) {
  HostMalloc m;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  Logon l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_default(provider, &support);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_malloc_refs(&m), 1);
  /* The logon and store outlive the provider object safely. */
  CHECK_HR(logoff(l.logon), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
}

int main(void) {
  provider_init_checks_its_arguments();
  session_logoff();
  store_logoff(0);
  store_logoff(1);
  store_release_aborts();
  logon_rejects_bad_input();
  shutdown_logs_off_what_is_left();
  provider_release_shuts_down();
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_provider");
}
