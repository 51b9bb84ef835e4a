/*
 * host_logon.c: the part of the test host that calls into the library
 * (mslogon_create_logon), kept apart so that host.c links without it.
 */
#include "host.h"

MSLogon_IMSLogon *host_new_logon(HostSupport *s) {
  MSLogon_IMSLogon *logon = NULL;
  CHECK_HR(mslogon_create_logon(&s->iface, &logon), MSLogon_S_OK);
  CHECK(logon != NULL);
  return logon;
}
