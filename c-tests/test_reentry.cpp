// test_reentry.cpp: the C++ host. MAPI's re-entrant Logoff (from inside the
// support object's Release), stray calls during destruction, and Logoff
// racing on several threads: exactly one teardown, every caller S_OK.
#include <atomic>
#include <thread>
#include <vector>

#include "host.h"

namespace {

// Owns one reference to a logon, as a C++ host would.
class LogonRef {
 public:
  explicit LogonRef(MSLogon_IMSLogon *p) : p_(p) {}
  LogonRef(const LogonRef &) = delete;
  LogonRef &operator=(const LogonRef &) = delete;
  ~LogonRef() {
    if (p_) MSLogon_IMSLogon_Release(p_);
  }
  MSLogon_IMSLogon *get() const { return p_; }
  // Gives the reference away (to code that will Release it).
  MSLogon_IMSLogon *detach() {
    MSLogon_IMSLogon *p = p_;
    p_ = nullptr;
    return p;
  }

 private:
  MSLogon_IMSLogon *p_;
};

MSLogon_HRESULT logoff(MSLogon_IMSLogon *logon) {
  MSLogon_ULONG flags = 0;
  MSLogon_HRESULT hr = MSLogon_IMSLogon_Logoff(logon, &flags);
  CHECK_EQ(flags, 0);
  return hr;
}

// Situation 2 of the seed: the provider releases its support object and,
// inside that Release, MAPI calls Logoff on the same logon and then drops
// its own (last) reference. The logon must answer S_OK, tear down once,
// and stay alive until the outer Logoff has returned.
void mapi_reenters_logoff_and_releases(void) {
  HostSupport support;
  host_support_init(&support);
  LogonRef logon(host_new_logon(&support));
  support.reenter_logon = logon.get();
  support.reenter_release = 1;
  MSLogon_IMSLogon *raw = logon.detach();  // MAPI's reference, dropped in Release

  CHECK_HR(logoff(raw), MSLogon_S_OK);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_refs(&support), 1);
  // The last reference went inside the teardown; the object was freed once
  // the outer call returned.
  CHECK_EQ(mslogon_live_objects(), 0);
}

// The same, without the Release: the host keeps its reference.
void mapi_reenters_logoff_only(void) {
  HostSupport support;
  host_support_init(&support);
  LogonRef logon(host_new_logon(&support));
  support.reenter_logon = logon.get();

  CHECK_HR(logoff(logon.get()), MSLogon_S_OK);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_HR(logoff(logon.get()), MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(mslogon_live_objects(), 1);
}

// The host's last Release destroys a logon that was never logged off; the
// support object's Release then calls Logoff and (wrongly) Release again on
// the dying object. Both must be harmless: no double free, no second
// teardown.
void stray_calls_during_destruction(void) {
  HostSupport support;
  host_support_init(&support);
  MSLogon_IMSLogon *logon = host_new_logon(&support);
  support.reenter_logon = logon;
  support.reenter_release = 1;

  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_refs(&support), 1);
  CHECK_EQ(mslogon_live_objects(), 0);
}

// 8 threads race Logoff on one logon while others AddRef/Release it.
void threads_race_logoff(void) {
  const int kThreads = 8;
  for (int round = 0; round < 50; round++) {
    HostSupport support;
    host_support_init(&support);
    LogonRef logon(host_new_logon(&support));
    std::atomic<int> ready(0);
    std::atomic<int> ok(0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
      threads.emplace_back([&, t] {
        ready.fetch_add(1);
        // Yield while waiting: under valgrind (one thread runs at a time)
        // a bare spin can starve the threads it waits for.
        while (ready.load() < kThreads) {
          std::this_thread::yield();
        }
        if (t % 2) {
          MSLogon_IMSLogon_AddRef(logon.get());
          MSLogon_IMSLogon_Release(logon.get());
        }
        if (logoff(logon.get()) == MSLogon_S_OK) ok.fetch_add(1);
      });
    }
    for (auto &th : threads) th.join();
    CHECK_EQ(ok.load(), kThreads);
    CHECK_EQ(support.releases, 1);
    CHECK_EQ(host_refs(&support), 1);
  }
  CHECK_EQ(mslogon_live_objects(), 0);
}

}  // namespace

int main() {
  mapi_reenters_logoff_and_releases();
  mapi_reenters_logoff_only();
  CHECK_EQ(mslogon_live_objects(), 0);
  stray_calls_during_destruction();
  threads_race_logoff();
  return host_finish("test_reentry");
}
