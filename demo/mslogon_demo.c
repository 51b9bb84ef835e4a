/*
 * mslogon-demo: a small MAPI host, written in C, that logs on to the Rust
 * provider and off again and prints every call it makes with its HRESULT.
 *
 * The host side (IMAPISupport, IMAPIAdviseSink) is the emulated host of
 * c-tests/host.c. It walks through:
 *   1. session logoff: IMSLogon::Logoff(&0) from the host, then Release;
 *   2. the store-logoff re-entry: the provider releases its support object
 *      and MAPI, inside that Release, calls Logoff and Release on the logon;
 *   3. a bad-input tour: NULL and non-zero flags, calls after Logoff.
 * It exits non-zero if any answer differs from the contract.
 */
#include <stdio.h>

#include "host.h"

static int mismatches;

static void show(const char *call, MSLogon_HRESULT got, MSLogon_HRESULT want, const char *note) {
  printf("  %-44s -> %-28s %s\n", call, host_hr_name(got), note ? note : "");
  if (got != want) {
    printf("    !! expected %s\n", host_hr_name(want));
    mismatches++;
  }
}

static void session_logoff(void) {
  HostSupport support;
  HostSink sink;
  MSLogon_IMSLogon *logon = NULL;
  MSLogon_ULONG connection = 0;
  MSLogon_ULONG flags = 0;
  char note[96];

  printf("\n1. Session logoff (IMAPISession::Logoff -> IMSLogon::Logoff)\n");
  host_support_init(&support);
  host_sink_init(&sink);
  show("mslogon_create_logon(&support, &logon)", mslogon_create_logon(&support.iface, &logon),
       MSLogon_S_OK, NULL);
  if (!logon) return;
  snprintf(note, sizeof note, "support refs %ld (host + logon)", host_refs(&support));
  printf("  %-44s    %s\n", "", note);
  show("IMSLogon::Advise(store, fnevNewMail, &sink)",
       MSLogon_IMSLogon_Advise(logon, 0, NULL, 2u, &sink.iface, &connection), MSLogon_S_OK,
       "sink held by the logon");

  show("IMSLogon::Logoff(NULL)", MSLogon_IMSLogon_Logoff(logon, NULL),
       MSLogon_MAPI_E_INVALID_PARAMETER, "nothing changes");
  flags = 0x1;
  show("IMSLogon::Logoff(&0x00000001)", MSLogon_IMSLogon_Logoff(logon, &flags),
       MSLogon_MAPI_E_UNKNOWN_FLAGS, "nothing changes");

  flags = 0;
  show("IMSLogon::Logoff(&0)", MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK, NULL);
  snprintf(note, sizeof note, "sink refs %ld, support refs %ld, support released %s",
           host_sink_refs(&sink), host_refs(&support),
           support.last_release_tick > sink.last_release_tick ? "last" : "NOT last");
  printf("  %-44s    %s\n", "", note);
  if (support.last_release_tick < sink.last_release_tick || host_refs(&support) != 1) mismatches++;

  show("IMSLogon::Logoff(&0) again", MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK,
       "no-op");
  show("IMSLogon::Unadvise(connection) after Logoff", MSLogon_IMSLogon_Unadvise(logon, connection),
       MSLogon_MAPI_E_END_OF_SESSION, NULL);
  {
    MSLogon_ULONG type = 0;
    MSLogon_IUnknown *unk = NULL;
    show("IMSLogon::OpenEntry(NULL) after Logoff",
         MSLogon_IMSLogon_OpenEntry(logon, 0, NULL, NULL, 0, &type, &unk),
         MSLogon_MAPI_E_END_OF_SESSION, NULL);
  }
  printf("  %-44s -> %lu\n", "IUnknown::Release", (unsigned long)MSLogon_IMSLogon_Release(logon));
  printf("  %-44s    live provider objects: %lu\n", "", (unsigned long)mslogon_live_objects());
  if (mslogon_live_objects() != 0) mismatches++;
}

static void store_logoff_reentry(void) {
  HostSupport support;
  MSLogon_IMSLogon *logon = NULL;
  MSLogon_ULONG flags = 0;

  printf("\n2. Store logoff: MAPI re-enters Logoff from the support object's Release\n");
  host_support_init(&support);
  show("mslogon_create_logon(&support, &logon)", mslogon_create_logon(&support.iface, &logon),
       MSLogon_S_OK, NULL);
  if (!logon) return;
  support.reenter_logon = logon;
  support.reenter_release = 1; /* MAPI drops its reference there too */
  show("IMSLogon::Logoff(&0) (outer)", MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK,
       NULL);
  show("  inside IMAPISupport::Release: Logoff(&0)", support.reenter_hr, MSLogon_S_OK,
       "re-entrant call is a no-op");
  printf("  %-44s    support released %ld time(s), live provider objects: %lu\n", "",
         support.releases, (unsigned long)mslogon_live_objects());
  if (support.releases != 1 || support.reentries != 1 || mslogon_live_objects() != 0) mismatches++;
}

int main(void) {
  printf("mslogon demo: a C MAPI host driving IMSLogon implemented in Rust\n");
  session_logoff();
  store_logoff_reentry();
  printf("\n%s\n", mismatches ? "demo: contract VIOLATED" : "demo: every call answered as the contract says");
  return mismatches ? 1 : 0;
}
