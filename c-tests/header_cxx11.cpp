// header_cxx11.cpp: include/mslogon.h compiles standalone as C++11 with
// -Wall -Wextra -Werror -pedantic, and its types have MAPI's layout.
#include "mslogon.h"

#include <cstddef>

static_assert(sizeof(MSLogon_ULONG) == 4, "ULONG is 32 bits on every platform");
static_assert(sizeof(MSLogon_HRESULT) == 4, "HRESULT is 32 bits");
static_assert(sizeof(MSLogon_GUID) == 16, "GUID is 16 bytes");
static_assert(offsetof(MSLogon_IMSLogonVtbl, Logoff) == 4 * sizeof(void *), "Logoff is slot 4");
static_assert(offsetof(MSLogon_IMSLogonVtbl, OpenStatusEntry) == 9 * sizeof(void *),
              "OpenStatusEntry is slot 9");
static_assert(offsetof(MSLogon_IMAPISupportVtbl, StoreLogoffTransports) == 38 * sizeof(void *),
              "StoreLogoffTransports is slot 38");
static_assert(sizeof(MSLogon_IMAPISupportVtbl) == 44 * sizeof(void *), "IMAPISupport has 44 slots");
static_assert(offsetof(MSLogon_MAPIERROR, ulLowLevelError) == 3 * sizeof(void *),
              "MAPIERROR layout");

int main() {
  return MSLogon_MAPI_E_UNKNOWN_FLAGS == static_cast<MSLogon_HRESULT>(0x80040106u) ? 0 : 1;
}
