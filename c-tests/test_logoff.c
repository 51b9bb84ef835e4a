/*
 * test_logoff.c: IMSLogon::Logoff's contract, as a C host sees it.
 *
 *   Logoff(&0) on a live logon   -> teardown once, S_OK, *lpulFlags left 0
 *   Logoff again                 -> S_OK, nothing happens
 *   Logoff(NULL)                 -> MAPI_E_INVALID_PARAMETER, nothing changes
 *   Logoff(&nonzero)             -> MAPI_E_UNKNOWN_FLAGS, nothing changes
 *   teardown releases what the logon holds, the support object last and
 *   exactly once; the logon is freed at its last Release.
 */
#include "host.h"

static void rejected_calls_change_nothing(void) {
  static const MSLogon_ULONG bad_flags[] = {1u, 2u, 0x10u, 0x10000u, 0x80000000u, 0xFFFFFFFFu};
  HostSupport support;
  HostSink sink;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  size_t i;

  host_support_init(&support);
  host_sink_init(&sink);
  logon = host_new_logon(&support);
  CHECK_EQ(host_refs(&support), 2); /* the host's + the logon's */
  CHECK_EQ(mslogon_live_objects(), 1);

  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  for (i = 0; i < sizeof bad_flags / sizeof bad_flags[0]; i++) {
    MSLogon_ULONG flags = bad_flags[i];
    CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_MAPI_E_UNKNOWN_FLAGS);
    CHECK_EQ(flags, bad_flags[i]); /* the caller's value is left alone */
  }
  /* Nothing changed: the support object is still held, the logon is live. */
  CHECK_EQ(host_refs(&support), 2);
  CHECK_EQ(support.releases, 0);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink.iface, &connection), MSLogon_S_OK);
  CHECK_CONNECTION(connection);
  CHECK_EQ(host_sink_refs(&sink), 2);

  {
    MSLogon_ULONG flags = 0;
    CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
    CHECK_EQ(flags, 0);
  }
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
}

static void logoff_tears_down_once_support_last(void) {
  HostSupport support;
  HostSink sink1;
  HostSink sink2;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG_PTR c1 = HOST_CONNECTION_CANARY;
  MSLogon_ULONG_PTR c2 = HOST_CONNECTION_CANARY;
  MSLogon_ULONG flags = 0;
  int round;

  host_support_init(&support);
  host_sink_init(&sink1);
  host_sink_init(&sink2);
  logon = host_new_logon(&support);
  CHECK_EQ(support.add_refs, 1);

  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 1u, &sink1.iface, &c1), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMSLogon_Advise(logon, 0, NULL, 2u, &sink2.iface, &c2), MSLogon_S_OK);
  CHECK_CONNECTION(c1);
  CHECK_CONNECTION(c2);
  CHECK(c1 != c2);

  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CHECK_EQ(flags, 0);
  /* Everything the logon held is released ... */
  CHECK_EQ(host_sink_refs(&sink1), 1);
  CHECK_EQ(host_sink_refs(&sink2), 1);
  /* ... the support object exactly once, and last. */
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_refs(&support), 1);
  CHECK(support.last_release_tick > sink1.last_release_tick);
  CHECK(support.last_release_tick > sink2.last_release_tick);

  /* Logoff again, by any number of callers: S_OK, nothing happens. */
  for (round = 0; round < 3; round++) {
    flags = 0;
    CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
    CHECK_EQ(flags, 0);
  }
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(sink1.releases, 1);
  CHECK_EQ(sink2.releases, 1);

  /* The logon object lives until its last Release, then is freed. */
  CHECK_EQ(mslogon_live_objects(), 1);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.add_refs, 1); /* every AddRef matched by one Release */
}

static void logoff_on_null_this(void) {
  HostSupport support;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG flags = 0;

  host_support_init(&support);
  logon = host_new_logon(&support);
  /* A host calling through the vtable with a NULL object. */
  CHECK_HR(logon->lpVtbl->Logoff(NULL, &flags), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_EQ(host_refs(&support), 2);
  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(host_refs(&support), 1);
}

int main(void) {
  rejected_calls_change_nothing();
  logoff_tears_down_once_support_last();
  logoff_on_null_this();
  CHECK_EQ(mslogon_live_objects(), 0);
  return host_finish("test_logoff");
}
