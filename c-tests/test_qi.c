/*
 * test_qi.c: IUnknown on the logon object, and mslogon_create_logon's
 * argument checks.
 *
 *   QI(IID_IUnknown | IID_IMSLogon)   -> S_OK, same pointer, one more reference
 *   QI(anything else)                 -> MAPI_E_INTERFACE_NOT_SUPPORTED, *ppv = NULL
 *   QI(NULL ppv) / QI(NULL riid)      -> MAPI_E_INVALID_PARAMETER (*ppv = NULL)
 *   NULL this on any slot             -> MAPI_E_INVALID_PARAMETER, or 0 for AddRef/Release
 */
#include "host.h"

static void query_interface_matrix(void) {
  static const MSLogon_IID *const unsupported[] = {
      &MSLogon_IID_IMSProvider, &MSLogon_IID_IMAPISup,    &MSLogon_IID_IMsgStore,
      &MSLogon_IID_IMAPIProp,   &MSLogon_IID_IMAPIStatus, &MSLogon_IID_IMAPIAdviseSink,
  };
  /* IID_IMSLogon with one bit of data4 flipped. */
  MSLogon_IID near_miss = MSLogon_IID_IMSLogon;
  HostSupport support;
  MSLogon_IMSLogon *logon;
  void *out;
  unsigned i;

  host_support_init(&support);
  logon = host_new_logon(&support);

  out = NULL;
  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, &MSLogon_IID_IUnknown, &out), MSLogon_S_OK);
  CHECK(out == (void *)logon);
  out = NULL;
  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, &MSLogon_IID_IMSLogon, &out), MSLogon_S_OK);
  CHECK(out == (void *)logon);
  /* Two QIs handed out two references: 1 + 2. */
  CHECK_EQ(MSLogon_IMSLogon_AddRef(logon), 4);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 3);

  for (i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++) {
    out = (void *)&out; /* garbage the call must overwrite */
    CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, unsupported[i], &out),
             MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
    CHECK(out == NULL);
  }
  near_miss.data4[7] ^= 1;
  out = (void *)&out;
  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, &near_miss, &out),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(out == NULL);

  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, &MSLogon_IID_IUnknown, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  out = (void *)&out;
  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, NULL, &out), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(out == NULL);
  out = (void *)&out;
  CHECK_HR(logon->lpVtbl->QueryInterface(NULL, &MSLogon_IID_IUnknown, &out),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(out == NULL);

  /* Failed QIs took no reference: the count is still 3. */
  CHECK_EQ(MSLogon_IMSLogon_AddRef(logon), 4);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 3);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 2);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 1);
  CHECK_EQ(mslogon_live_objects(), 1);
  /* The last Release without Logoff still tears down: support released. */
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(support.releases, support.add_refs);
}

static void query_interface_after_logoff(void) {
  HostSupport support;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG flags = 0;
  void *out = NULL;

  host_support_init(&support);
  logon = host_new_logon(&support);
  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  /* IUnknown keeps working after Logoff. */
  CHECK_HR(MSLogon_IMSLogon_QueryInterface(logon, &MSLogon_IID_IMSLogon, &out), MSLogon_S_OK);
  CHECK(out == (void *)logon);
  CHECK_EQ(MSLogon_IMSLogon_AddRef(logon), 3);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 2);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 1);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(mslogon_live_objects(), 0);
}

static void unknown_on_null_this(void) {
  HostSupport support;
  MSLogon_IMSLogon *logon;

  host_support_init(&support);
  logon = host_new_logon(&support);
  CHECK_EQ(logon->lpVtbl->AddRef(NULL), 0);
  CHECK_EQ(logon->lpVtbl->Release(NULL), 0);
  CHECK_EQ(mslogon_live_objects(), 1);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
}

static void create_logon_rejects_bad_arguments(void) {
  static const MSLogon_IMAPISupportVtbl empty_vtbl; /* all slots NULL */
  MSLogon_IMAPISupport no_vtbl = {NULL};
  MSLogon_IMAPISupport null_slots = {&empty_vtbl};
  HostSupport support;
  MSLogon_IMSLogon *logon;

  host_support_init(&support);
  CHECK_HR(mslogon_create_logon(&support.iface, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);

  logon = (MSLogon_IMSLogon *)&logon;
  CHECK_HR(mslogon_create_logon(NULL, &logon), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(logon == NULL);
  logon = (MSLogon_IMSLogon *)&logon;
  CHECK_HR(mslogon_create_logon(&no_vtbl, &logon), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(logon == NULL);
  logon = (MSLogon_IMSLogon *)&logon;
  CHECK_HR(mslogon_create_logon(&null_slots, &logon), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(logon == NULL);

  /* Nothing was created, nothing was taken from the host. */
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(support.add_refs, 0);
}

int main(void) {
  query_interface_matrix();
  query_interface_after_logoff();
  unknown_on_null_this();
  create_logon_rejects_bad_arguments();
  CHECK_EQ(mslogon_live_objects(), 0);
  return host_finish("test_qi");
}
