// test_cxx_wrapper.cpp: a C++ host written with include/mslogon.hpp.
// ComPtr's reference counting (copy = AddRef, move = nothing, destruction =
// Release), Error/check/HResult around failed calls, version and names.
#include <cstdio>
#include <cstring>
#include <utility>

#include "host.h"
#include "mslogon.hpp"

namespace {

using mslogon::ComPtr;

ComPtr<MSLogon_IMSProvider> init_provider() {
  ComPtr<MSLogon_IMSProvider> provider;
  MSLogon_ULONG version = 0;
  mslogon::check(mslogon_provider_init(nullptr, nullptr, host_allocate_buffer, host_allocate_more,
                                       host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &version,
                                       provider.put()),
                 "MSProviderInit");
  return provider;
}

void com_ptr_counts_references(void) {
  HostSupport support;
  host_support_init(&support);
  {
    ComPtr<MSLogon_IMSProvider> provider = init_provider();
    ComPtr<MSLogon_IMSLogon> logon;
    ComPtr<MSLogon_IMsgStore> store;
    mslogon::check(MSLogon_IMSProvider_Logon(provider.get(), &support.iface, 0, nullptr, 0,
                                             nullptr, 0, nullptr, nullptr, nullptr, nullptr,
                                             logon.put(), store.put()),
                   "IMSProvider::Logon");
    CHECK(logon && store);
    {
      ComPtr<MSLogon_IMSLogon> copy = logon;  // AddRef
      CHECK_EQ(MSLogon_IMSLogon_AddRef(logon.get()), 3);
      MSLogon_IMSLogon_Release(logon.get());
      ComPtr<MSLogon_IMSLogon> moved = std::move(copy);  // no AddRef
      CHECK(!copy);
      CHECK_EQ(MSLogon_IMSLogon_AddRef(logon.get()), 3);
      MSLogon_IMSLogon_Release(logon.get());
    }  // moved released
    CHECK_EQ(MSLogon_IMSLogon_AddRef(logon.get()), 2);
    MSLogon_IMSLogon_Release(logon.get());
    ComPtr<MSLogon_IMSLogon> borrowed = ComPtr<MSLogon_IMSLogon>::borrow(logon.get());
    borrowed.reset();
    CHECK_EQ(mslogon_live_objects(), 3);
    MSLogon_ULONG flags = 0;
    CHECK(mslogon::HResult(MSLogon_IMSLogon_Logoff(logon.get(), &flags)).ok());
    mslogon::check(MSLogon_IMSProvider_Shutdown(provider.get(), &flags), "Shutdown");
  }  // store, logon, provider released
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(support.releases, 1);
}

void errors_become_exceptions(void) {
  HostSupport support;
  host_support_init(&support);
  ComPtr<MSLogon_IMSProvider> provider = init_provider();
  ComPtr<MSLogon_IMSLogon> logon;
  ComPtr<MSLogon_IMsgStore> store;
  mslogon::check(MSLogon_IMSProvider_Logon(provider.get(), &support.iface, 0, nullptr, 0, nullptr,
                                           0, nullptr, nullptr, nullptr, nullptr, logon.put(),
                                           store.put()));
  MSLogon_ULONG bad = 1;
  bool thrown = false;
  try {
    mslogon::check(MSLogon_IMSLogon_Logoff(logon.get(), &bad), "IMSLogon::Logoff");
  } catch (const mslogon::Error &e) {
    thrown = true;
    CHECK_HR(e.hresult(), MSLogon_MAPI_E_UNKNOWN_FLAGS);
    CHECK(std::strcmp(e.name(), "MAPI_E_UNKNOWN_FLAGS") == 0);
    CHECK(std::strcmp(e.what(), "IMSLogon::Logoff: MAPI_E_UNKNOWN_FLAGS") == 0);
  }
  CHECK(thrown);
  CHECK_EQ(support.releases, 0);  // the rejected call changed nothing

  mslogon::HResult warning = MSLogon_MAPI_W_ERRORS_RETURNED;
  CHECK(warning.ok());
  CHECK(std::strcmp(warning.name(), "MAPI_W_ERRORS_RETURNED") == 0);
  warning.check();  // a warning does not throw
  CHECK(mslogon::HResult(MSLogon_MAPI_E_END_OF_SESSION) == MSLogon_MAPI_E_END_OF_SESSION);
  CHECK(std::strcmp(mslogon_hresult_name(static_cast<MSLogon_HRESULT>(0x8004ABCDu)),
                    "unknown HRESULT") == 0);
}

void version_matches_the_header(void) {
  char expected[32];
  std::snprintf(expected, sizeof expected, "%d.%d.%d", MSLogon_VERSION_MAJOR,
                MSLogon_VERSION_MINOR, MSLogon_VERSION_PATCH);
  CHECK(std::strcmp(mslogon_version(), expected) == 0);
}

}  // namespace

int main() {
  com_ptr_counts_references();
  errors_become_exceptions();
  version_matches_the_header();
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_cxx_wrapper");
}
