/*
 * test_lifecycle.c: every IMSLogon method before and after Logoff.
 *
 *   live:        Advise/Unadvise work, OpenEntry/CompareEntryIDs/
 *                OpenStatusEntry answer MAPI_E_NO_SUPPORT (reference provider),
 *                NULL out-pointers -> MAPI_E_INVALID_PARAMETER
 *   after Logoff: every method but IUnknown and GetLastError ->
 *                MAPI_E_END_OF_SESSION, out-pointers zeroed, nothing retained
 *   last Release without Logoff: sinks and support released, object freed
 */
#include "host.h"

/* An entry ID: 4 flag bytes + provider bytes. */
typedef struct TestEntryId {
  MSLogon_BYTE abFlags[4];
  MSLogon_BYTE ab[12];
} TestEntryId;

static MSLogon_ENTRYID *eid(TestEntryId *e) { return (MSLogon_ENTRYID *)(void *)e; }

static void live_methods(void) {
  HostSupport support;
  HostSink sink;
  MSLogon_IMSLogon *logon;
  TestEntryId e1 = {{0}, {1, 2, 3}};
  TestEntryId e2 = {{0}, {4, 5, 6}};
  MSLogon_ULONG type = 77;
  MSLogon_ULONG result = 77;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_IUnknown *unk = (MSLogon_IUnknown *)&unk;
  void *status = &status;
  MSLogon_MAPIERROR *err = (MSLogon_MAPIERROR *)&err;
  MSLogon_ULONG flags = 0;
  MSLogon_BYTE store1[24];
  MSLogon_BYTE store1b[24];
  MSLogon_BYTE store2[24];

  host_support_init(&support);
  host_sink_init(&sink);
  logon = host_new_logon(&support);

  /* Entry IDs: foreign ones are rejected, the out-pointers zeroed. */
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, sizeof e1, eid(&e1), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_EQ(type, 0);
  CHECK(unk == NULL);
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, sizeof e1, eid(&e1), sizeof e2, eid(&e2), 0,
                                            &result),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_EQ(result, 0);
  /* The provider's own store IDs compare; the store itself is opened with
   * IMSProvider::Logon, and there are no folders yet. */
  host_store_entry_id(store1, 1);
  host_store_entry_id(store1b, 1);
  host_store_entry_id(store2, 2);
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, sizeof store1, (MSLogon_ENTRYID *)store1,
                                            sizeof store1b, (MSLogon_ENTRYID *)store1b, 0, &result),
           MSLogon_S_OK);
  CHECK_EQ(result, 1);
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, sizeof store1, (MSLogon_ENTRYID *)store1,
                                            sizeof store2, (MSLogon_ENTRYID *)store2, 0, &result),
           MSLogon_S_OK);
  CHECK_EQ(result, 0);
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, sizeof store1, (MSLogon_ENTRYID *)store1, NULL, 0,
                                      &type, &unk),
           MSLogon_MAPI_E_NO_SUPPORT);
  /* NULL: the root folder; the status object (both subobjects of the
     logon, released here; test_tree.c drives them in full). */
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, 0, NULL, NULL, 0, &type, &unk), MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  CHECK(unk != NULL);
  if (unk) CHECK_EQ(unk->lpVtbl->Release(unk), 0);
  type = 77;
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, NULL, 0, &type, &status), MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_STATUS);
  CHECK(status != NULL);
  if (status) CHECK_EQ(((MSLogon_IUnknown *)status)->lpVtbl->Release((MSLogon_IUnknown *)status), 0);
  type = 77;
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, &MSLogon_IID_IMsgStore, 0, &type, &status),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK_EQ(type, 0);
  CHECK(status == NULL);

  /* Argument errors. */
  unk = (MSLogon_IUnknown *)&unk;
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, 0, NULL, NULL, 0, NULL, &unk),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(unk == NULL); /* cleared although the other out-pointer was NULL */
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, 0, NULL, NULL, 0, &type, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, 8, NULL, NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_PARAMETER); /* a size without bytes */
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, 0, NULL, sizeof e2, eid(&e2), 0, &result),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, sizeof e1, eid(&e1), sizeof e2, eid(&e2), 0,
                                            NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, NULL, 0, NULL, &status),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, NULL, &connection),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(connection == 0); /* cleared, all of its bytes */
  connection = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink.iface, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 0u, &sink.iface, &connection),
           MSLogon_MAPI_E_INVALID_PARAMETER); /* an empty event mask */
  CHECK_EQ(host_sink_refs(&sink), 1);         /* nothing retained */

  /* An entry ID this store did not issue: nothing to advise on. */
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, sizeof e1, eid(&e1), 1u, &sink.iface, &connection),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK(connection == 0);
  CHECK_EQ(host_sink_refs(&sink), 1);
  /* Advise (NULL: the whole store) keeps one reference until Unadvise. */
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink.iface, &connection),
           MSLogon_S_OK);
  CHECK_CONNECTION(connection); /* all of the MSLogon_ULONG_PTR written */
  CHECK_EQ(host_sink_refs(&sink), 2);
  CHECK_HR(MSLogon_IMSLogon_Unadvise(logon, connection + 1000u), MSLogon_MAPI_E_NOT_FOUND);
  /* The whole pointer-sized number names the connection: the same low 32
   * bits with a high bit set name nothing (64-bit only). */
  if (sizeof(MSLogon_ULONG_PTR) > 4) {
    CHECK_HR(MSLogon_IMSLogon_Unadvise(logon, connection | ((MSLogon_ULONG_PTR)1 << 16 << 16)),
             MSLogon_MAPI_E_NOT_FOUND);
  }
  CHECK_EQ(host_sink_refs(&sink), 2);
  CHECK_HR(MSLogon_IMSLogon_Unadvise(logon, connection), MSLogon_S_OK);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_HR(MSLogon_IMSLogon_Unadvise(logon, connection), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_EQ(host_sink_refs(&sink), 1); /* a second Unadvise released nothing */

  /* GetLastError: the last failure (Unadvise: MAPI_E_NOT_FOUND), as a
   * MAPIERROR in host buffers, 8-bit or wide; nothing for other codes. */
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_NO_SUPPORT, 0, &err), MSLogon_S_OK);
  CHECK(err == NULL);
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_NOT_FOUND, 0, &err), MSLogon_S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 0));
  host_free_buffer(err);
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_NOT_FOUND, MSLogon_MAPI_UNICODE,
                                         &err),
           MSLogon_S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 1));
  host_free_buffer(err);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_NO_SUPPORT, 1u, &err),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_NO_SUPPORT, 0, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);

  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(host_live_buffers(), 0);
}

static void methods_after_logoff_end_the_session(void) {
  HostSupport support;
  HostSink sink;
  MSLogon_IMSLogon *logon;
  TestEntryId e1 = {{0}, {1}};
  MSLogon_ULONG type = 77;
  MSLogon_ULONG result = 77;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_ULONG_PTR early = HOST_CONNECTION_CANARY;
  MSLogon_IUnknown *unk = (MSLogon_IUnknown *)&unk;
  void *status = &status;
  MSLogon_MAPIERROR *err = (MSLogon_MAPIERROR *)&err;
  MSLogon_ULONG flags = 0;

  host_support_init(&support);
  host_sink_init(&sink);
  logon = host_new_logon(&support);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink.iface, &early), MSLogon_S_OK);
  CHECK_CONNECTION(early);
  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CHECK_EQ(host_sink_refs(&sink), 1); /* released by Logoff */

  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, sizeof e1, eid(&e1), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_EQ(type, 0);
  CHECK(unk == NULL);
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(logon, 0, NULL, NULL, 0, &type, &unk),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_HR(MSLogon_IMSLogon_CompareEntryIDs(logon, sizeof e1, eid(&e1), sizeof e1, eid(&e1), 0,
                                            &result),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_EQ(result, 0);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink.iface, &connection),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK(connection == 0); /* cleared, all of its bytes */
  CHECK_EQ(host_sink_refs(&sink), 1); /* not retained after Logoff */
  CHECK_HR(MSLogon_IMSLogon_Unadvise(logon, early), MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, NULL, 0, &type, &status),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK(status == NULL);

  /* GetLastError and IUnknown still work. */
  CHECK_HR(MSLogon_IMSLogon_GetLastError(logon, MSLogon_MAPI_E_END_OF_SESSION, 0, &err),
           MSLogon_S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_END_OF_SESSION", 0));
  host_free_buffer(err);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK_EQ(MSLogon_IMSLogon_AddRef(logon), 2);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 1);

  /* Nothing more was released by the rejected calls (the rejected Advise
   * took no reference at all). */
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(sink.releases, 1);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(support.releases, 1);
}

static void release_without_logoff_releases_everything(void) {
  HostSupport support;
  HostSink sink;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;

  host_support_init(&support);
  host_sink_init(&sink);
  logon = host_new_logon(&support);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 4u, &sink.iface, &connection), MSLogon_S_OK);
  CHECK_CONNECTION(connection);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_EQ(host_refs(&support), 1);
  CHECK(support.last_release_tick > sink.last_release_tick); /* support last */
}

int main(void) {
  live_methods();
  methods_after_logoff_end_the_session();
  release_without_logoff_releases_everything();
  CHECK_EQ(mslogon_live_objects(), 0);
  return host_finish("test_lifecycle");
}
