/*
 * win_test_lifecycle.cpp: the provider lifecycle as a C++ Windows MAPI host
 * drives it, against the genuine MinGW-w64 <windows.h> + <mapispi.h> (not
 * include/mslogon.h) in C++ mode: IMSProvider, IMSLogon and IMsgStore are
 * the header's C++ interface classes, called as logon->Logoff(&flags); the
 * host's support object is a C++ class deriving from mapispi.h's
 * IMAPISupport that overrides all 44 methods, and the advise sink a class
 * deriving from IMAPIAdviseSink: C++ vtables from the genuine header against
 * the Rust DLL, in both directions. The allocators, the IMalloc, the loader
 * and the checks are win_host.c's (compiled as C and linked).
 *
 * The same situations as win_test_lifecycle.c: both seed logoff situations
 * (session logoff; StoreLogoff with MAPI's re-entry into Logoff from the
 * support object's Release), the store released without StoreLogoff, bad
 * input, methods after Logoff, GetProps, GetLastError, Shutdown with a logon
 * alive, and refcount and buffer balance.
 *
 * Build and run (from the repository root; cross-built on Linux, run with
 * Wine; the DLL and the ProcessPrng shim sit next to the executable):
 *
 *   cargo build --lib --target x86_64-pc-windows-gnu
 *   mkdir -p /tmp/w
 *   x86_64-w64-mingw32-gcc -std=c11 -Wall -Wextra -Werror \
 *       -c c-tests/windows/win_host.c -o /tmp/w/win_host.o
 *   x86_64-w64-mingw32-g++ -std=c++11 -Wall -Wextra -Werror \
 *       -static-libgcc -static-libstdc++ \
 *       -o /tmp/w/win_test_lifecycle_cpp.exe \
 *       c-tests/windows/win_test_lifecycle.cpp /tmp/w/win_host.o
 *   cp target/x86_64-pc-windows-gnu/debug/mslogon.dll /tmp/w/
 *   x86_64-w64-mingw32-gcc -shared -O2 -o /tmp/w/bcryptprimitives.dll \
 *       c-tests/windows/processprng_shim.c
 *   WINEPREFIX=/tmp/w/prefix WINEDEBUG=-all \
 *       WINEDLLOVERRIDES='bcryptprimitives=n,b' \
 *       /usr/lib/wine/wine64 /tmp/w/win_test_lifecycle_cpp.exe
 *
 * Prints "win_test_lifecycle_cpp: N passed, M failed"; exits 0 only if M is 0.
 */
#include <cstring>
#include <cwchar>

#include "win_host.h"

namespace {

LPMSPROVIDERINIT provider_init = nullptr;
HMODULE provider_module = nullptr;

bool same_iid(REFIID a, REFIID b) { return std::memcmp(&a, &b, sizeof(IID)) == 0; }

/* ---- the host's C++ objects ---------------------------------------------- */

/* MAPI's support object, as a C++ class: every one of mapispi.h's 44
 * IMAPISupport methods overridden (the class is instantiated, so none is
 * left pure). It counts AddRef/Release, stamps its releases, records
 * StoreLogoffTransports, and re-enters Logoff from Release like MAPI. */
class CppSupport : public IMAPISupport {
 public:
  LONG refs = 1; /* the host's own reference */
  LONG add_refs = 0;
  LONG releases = 0;
  ULONG last_release_tick = 0;
  LONG store_logoff_transports = 0;
  ULONG last_store_logoff_flags = 0;
  LONG unsupported_calls = 0;
  /* MAPI's re-entry: on the next Release, Logoff(&0) on this logon, then
   * (reenter_release) Release on it. */
  IMSLogon *reenter_logon = nullptr;
  bool reenter_release = false;
  HRESULT reenter_hr = E_FAIL;
  ULONG reenter_flags_after = 0xFFFFFFFFu;
  LONG reentries = 0;

  void check_balanced() const {
    CHECK_EQ(refs, 1);
    CHECK_EQ(add_refs, releases);
  }

  /* IUnknown */
  MAPIMETHOD(QueryInterface)(REFIID riid, LPVOID *ppvObj) override {
    if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
    *ppvObj = nullptr;
    if (!same_iid(riid, host_IID_IUnknown) && !same_iid(riid, IID_IMAPISup))
      return MAPI_E_INTERFACE_NOT_SUPPORTED;
    AddRef();
    *ppvObj = static_cast<IMAPISupport *>(this);
    return S_OK;
  }
  MAPIMETHOD_(ULONG, AddRef)() override {
    InterlockedIncrement(&add_refs);
    return static_cast<ULONG>(InterlockedIncrement(&refs));
  }
  MAPIMETHOD_(ULONG, Release)() override {
    LONG left = InterlockedDecrement(&refs);
    InterlockedIncrement(&releases);
    last_release_tick = host_tick();
    CHECK(left >= 0); /* a provider must never over-release the support object */
    IMSLogon *logon = static_cast<IMSLogon *>(
        InterlockedExchangePointer(reinterpret_cast<PVOID volatile *>(&reenter_logon), nullptr));
    if (logon) {
      /* What MAPI does while the provider releases its support object. */
      ULONG flags = 0;
      InterlockedIncrement(&reentries);
      reenter_hr = logon->Logoff(&flags);
      reenter_flags_after = flags;
      if (reenter_release) logon->Release();
    }
    return static_cast<ULONG>(left < 0 ? 0 : left);
  }

  /* The methods a store provider uses here. */
  MAPIMETHOD(GetMemAllocRoutines)(LPALLOCATEBUFFER *lpAllocateBuffer,
                                  LPALLOCATEMORE *lpAllocateMore,
                                  LPFREEBUFFER *lpFreeBuffer) override {
    if (!lpAllocateBuffer || !lpAllocateMore || !lpFreeBuffer) return MAPI_E_INVALID_PARAMETER;
    *lpAllocateBuffer = host_allocate_buffer;
    *lpAllocateMore = host_allocate_more;
    *lpFreeBuffer = host_free_buffer;
    return S_OK;
  }
  MAPIMETHOD(StoreLogoffTransports)(ULONG *lpulFlags) override {
    if (!lpulFlags) return MAPI_E_INVALID_PARAMETER;
    InterlockedIncrement(&store_logoff_transports);
    last_store_logoff_flags = *lpulFlags;
    return S_OK;
  }

  /* The rest, in mapispi.h's order: MAPI_E_NO_SUPPORT. */
  MAPIMETHOD(GetLastError)(HRESULT, ULONG, LPMAPIERROR *) override { return no_support(); }
  MAPIMETHOD(Subscribe)(LPNOTIFKEY, ULONG, ULONG, LPMAPIADVISESINK, ULONG *) override { return no_support(); }
  MAPIMETHOD(Unsubscribe)(ULONG) override { return no_support(); }
  MAPIMETHOD(Notify)(LPNOTIFKEY, ULONG, LPNOTIFICATION, ULONG *) override { return no_support(); }
  MAPIMETHOD(ModifyStatusRow)(ULONG, LPSPropValue, ULONG) override { return no_support(); }
  MAPIMETHOD(OpenProfileSection)(LPMAPIUID, ULONG, LPPROFSECT *) override { return no_support(); }
  MAPIMETHOD(RegisterPreprocessor)(LPMAPIUID, LPTSTR, LPTSTR, LPSTR, LPSTR, ULONG) override { return no_support(); }
  MAPIMETHOD(NewUID)(LPMAPIUID) override { return no_support(); }
  MAPIMETHOD(MakeInvalid)(ULONG, LPVOID, ULONG, ULONG) override { return no_support(); }
  MAPIMETHOD(SpoolerYield)(ULONG) override { return no_support(); }
  MAPIMETHOD(SpoolerNotify)(ULONG, LPVOID) override { return no_support(); }
  MAPIMETHOD(CreateOneOff)(LPTSTR, LPTSTR, LPTSTR, ULONG, ULONG *, LPENTRYID *) override { return no_support(); }
  MAPIMETHOD(SetProviderUID)(LPMAPIUID, ULONG) override { return no_support(); }
  MAPIMETHOD(CompareEntryIDs)(ULONG, LPENTRYID, ULONG, LPENTRYID, ULONG, ULONG *) override { return no_support(); }
  MAPIMETHOD(OpenTemplateID)(ULONG, LPENTRYID, ULONG, LPMAPIPROP, LPCIID, LPMAPIPROP *, LPMAPIPROP) override { return no_support(); }
  MAPIMETHOD(OpenEntry)(ULONG, LPENTRYID, LPCIID, ULONG, ULONG *, LPUNKNOWN *) override { return no_support(); }
  MAPIMETHOD(GetOneOffTable)(ULONG, LPMAPITABLE *) override { return no_support(); }
  MAPIMETHOD(Address)(ULONG *, LPADRPARM, LPADRLIST *) override { return no_support(); }
  MAPIMETHOD(Details)(ULONG *, LPFNDISMISS, LPVOID, ULONG, LPENTRYID, LPFNBUTTON, LPVOID, LPTSTR, ULONG) override { return no_support(); }
  MAPIMETHOD(NewEntry)(ULONG, ULONG, ULONG, LPENTRYID, ULONG, LPENTRYID, ULONG *, LPENTRYID *) override { return no_support(); }
  MAPIMETHOD(DoConfigPropsheet)(ULONG, ULONG, LPTSTR, LPMAPITABLE, LPMAPIPROP, ULONG) override { return no_support(); }
  MAPIMETHOD(CopyMessages)(LPCIID, LPVOID, LPENTRYLIST, LPCIID, LPVOID, ULONG, LPMAPIPROGRESS, ULONG) override { return no_support(); }
  MAPIMETHOD(CopyFolder)(LPCIID, LPVOID, ULONG, LPENTRYID, LPCIID, LPVOID, LPTSTR, ULONG, LPMAPIPROGRESS, ULONG) override { return no_support(); }
  MAPIMETHOD(DoCopyTo)(LPCIID, LPVOID, ULONG, LPCIID, LPSPropTagArray, ULONG, LPMAPIPROGRESS, LPCIID, LPVOID, ULONG, LPSPropProblemArray *) override { return no_support(); }
  MAPIMETHOD(DoCopyProps)(LPCIID, LPVOID, LPSPropTagArray, ULONG, LPMAPIPROGRESS, LPCIID, LPVOID, ULONG, LPSPropProblemArray *) override { return no_support(); }
  MAPIMETHOD(DoProgressDialog)(ULONG, ULONG, LPMAPIPROGRESS *) override { return no_support(); }
  MAPIMETHOD(ReadReceipt)(ULONG, LPMESSAGE, LPMESSAGE *) override { return no_support(); }
  MAPIMETHOD(PrepareSubmit)(LPMESSAGE, ULONG *) override { return no_support(); }
  MAPIMETHOD(ExpandRecips)(LPMESSAGE, ULONG *) override { return no_support(); }
  MAPIMETHOD(UpdatePAB)(ULONG, LPMESSAGE) override { return no_support(); }
  MAPIMETHOD(DoSentMail)(ULONG, LPMESSAGE) override { return no_support(); }
  MAPIMETHOD(OpenAddressBook)(LPCIID, ULONG, LPADRBOOK *) override { return no_support(); }
  MAPIMETHOD(Preprocess)(ULONG, ULONG, LPENTRYID) override { return no_support(); }
  MAPIMETHOD(CompleteMsg)(ULONG, ULONG, LPENTRYID) override { return no_support(); }
  MAPIMETHOD(StatusRecips)(LPMESSAGE, LPADRLIST) override { return no_support(); }
  MAPIMETHOD(WrapStoreEntryID)(ULONG, LPENTRYID, ULONG *, LPENTRYID *) override { return no_support(); }
  MAPIMETHOD(ModifyProfile)(ULONG) override { return no_support(); }
  MAPIMETHOD(IStorageFromStream)(LPUNKNOWN, LPCIID, ULONG, LPSTORAGE *) override { return no_support(); }
  MAPIMETHOD(GetSvcConfigSupportObj)(ULONG, LPMAPISUP *) override { return no_support(); }

 private:
  HRESULT no_support() {
    InterlockedIncrement(&unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
};

/* An advise sink, as a C++ class. */
class CppSink : public IMAPIAdviseSink {
 public:
  LONG refs = 1;
  LONG add_refs = 0;
  LONG releases = 0;
  ULONG last_release_tick = 0;
  LONG notifications = 0;

  MAPIMETHOD(QueryInterface)(REFIID riid, LPVOID *ppvObj) override {
    if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
    *ppvObj = nullptr;
    if (!same_iid(riid, host_IID_IUnknown) && !same_iid(riid, IID_IMAPIAdviseSink))
      return MAPI_E_INTERFACE_NOT_SUPPORTED;
    AddRef();
    *ppvObj = static_cast<IMAPIAdviseSink *>(this);
    return S_OK;
  }
  MAPIMETHOD_(ULONG, AddRef)() override {
    InterlockedIncrement(&add_refs);
    return static_cast<ULONG>(InterlockedIncrement(&refs));
  }
  MAPIMETHOD_(ULONG, Release)() override {
    LONG left = InterlockedDecrement(&refs);
    InterlockedIncrement(&releases);
    last_release_tick = host_tick();
    CHECK(left >= 0);
    return static_cast<ULONG>(left < 0 ? 0 : left);
  }
  MAPIMETHOD_(ULONG, OnNotify)(ULONG cNotif, LPNOTIFICATION) override {
    InterlockedExchangeAdd(&notifications, static_cast<LONG>(cNotif));
    return 0;
  }

  void check_balanced() const {
    CHECK_EQ(refs, 1);
    CHECK_EQ(add_refs, releases);
  }
};

/* ---- helpers ------------------------------------------------------------- */

IMSProvider *init_provider(HostMalloc *m) {
  IMSProvider *provider = nullptr;
  ULONG version = 0;
  CHECK_HR(provider_init(provider_module, m ? host_malloc_iface(m) : nullptr,
                         host_allocate_buffer, host_allocate_more, host_free_buffer, 0,
                         CURRENT_SPI_VERSION, &version, &provider),
           S_OK);
  CHECK_EQ(version, CURRENT_SPI_VERSION);
  CHECK(provider != nullptr);
  return provider;
}

struct Session {
  IMSLogon *logon;
  IMsgStore *store;
};

HRESULT logon_with(IMSProvider *provider, CppSupport &support, ULONG cb, BYTE *eid, LPCIID iid,
                   ULONG flags, Session &out, LPMAPIERROR *error) {
  ULONG cb_spool = 77;
  BYTE *spool = reinterpret_cast<BYTE *>(&cb_spool);
  out.logon = reinterpret_cast<IMSLogon *>(&cb_spool);
  out.store = reinterpret_cast<IMsgStore *>(&cb_spool);
  HRESULT hr = provider->Logon(&support, 0, nullptr, cb, reinterpret_cast<LPENTRYID>(eid), flags,
                               iid, &cb_spool, &spool, error, &out.logon, &out.store);
  CHECK_EQ(cb_spool, 0);
  CHECK(spool == nullptr);
  if (hr != S_OK) {
    CHECK(out.logon == nullptr);
    CHECK(out.store == nullptr);
  }
  return hr;
}

Session logon_default(IMSProvider *provider, CppSupport &support) {
  Session l;
  LPMAPIERROR error = nullptr;
  CHECK_HR(logon_with(provider, support, 0, nullptr, nullptr, MDB_NO_DIALOG, l, &error), S_OK);
  CHECK(error == nullptr);
  CHECK(l.logon != nullptr && l.store != nullptr);
  return l;
}

HRESULT logoff(IMSLogon *logon) {
  ULONG flags = 0;
  HRESULT hr = logon->Logoff(&flags);
  CHECK_EQ(flags, 0);
  return hr;
}

void shutdown_and_release(IMSProvider *provider) {
  ULONG flags = 0;
  CHECK_HR(provider->Shutdown(&flags), S_OK);
  CHECK_EQ(provider->Release(), 0);
  CHECK_EQ(host_live_buffers(), 0);
}

const SPropValue *find_prop(const SPropValue *props, ULONG count, ULONG tag) {
  for (ULONG i = 0; props && i < count; i++) {
    if (props[i].ulPropTag == tag) return &props[i];
  }
  return nullptr;
}

/* ---- the situations ------------------------------------------------------ */

void provider_init_checks_its_arguments() {
  HostMalloc m;
  host_malloc_init(&m);
  IMSProvider *provider = reinterpret_cast<IMSProvider *>(&provider);
  ULONG version = 0;

  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, &version,
                         nullptr),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, nullptr,
                         &provider),
           MAPI_E_INVALID_PARAMETER);
  CHECK(provider == nullptr);
  version = 0;
  provider = reinterpret_cast<IMSProvider *>(&provider);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, PDK1_SPI_VERSION, &version,
                         &provider),
           MAPI_E_VERSION);
  CHECK_EQ(version, CURRENT_SPI_VERSION);
  CHECK(provider == nullptr);
  CHECK_EQ(m.refs, 1);
  CHECK_EQ(m.add_refs, m.releases);
}

/* GetProps: PR_DISPLAY_NAME_A / PR_ENTRYID / an unknown tag; wide names. */
void store_properties(IMsgStore *store) {
  SizedSPropTagArray(3, tags) = {3, {PR_DISPLAY_NAME_A, PR_ENTRYID, PROP_TAG(PT_LONG, 0x6666)}};
  LPSPropValue props = nullptr;
  ULONG count = 0;
  BYTE eid[24];
  host_store_entry_id(eid, 1);

  CHECK_HR(store->GetProps(reinterpret_cast<LPSPropTagArray>(&tags), 0, &count, &props),
           MAPI_W_ERRORS_RETURNED);
  CHECK(host_check_props(count, props)); // Wine's FBadProp, one root buffer
  CHECK_EQ(count, 3);
  if (count == 3 && props) {
    CHECK_EQ(props[0].ulPropTag, PR_DISPLAY_NAME_A);
    CHECK(props[0].Value.lpszA &&
          std::strcmp(props[0].Value.lpszA, "mslogon reference store") == 0);
    CHECK_EQ(props[1].ulPropTag, PR_ENTRYID);
    CHECK_EQ(props[1].Value.bin.cb, 24);
    CHECK(props[1].Value.bin.cb == 24 && std::memcmp(props[1].Value.bin.lpb, eid, 24) == 0);
    CHECK_EQ(props[2].ulPropTag, PROP_TAG(PT_ERROR, 0x6666));
    CHECK_HR(props[2].Value.err, MAPI_E_NOT_FOUND);
  }
  host_free_buffer(props);
  CHECK_EQ(host_live_buffers(), 0);

  props = nullptr;
  CHECK_HR(store->GetProps(nullptr, MAPI_UNICODE, &count, &props), S_OK);
  CHECK(host_check_props(count, props));
  const SPropValue *p = find_prop(props, count, PR_DISPLAY_NAME_W);
  // Wine's PpropFindProp finds the same value.
  CHECK(p != nullptr && host_mapi.PpropFindProp(props, count, PR_DISPLAY_NAME_W) == p);
  CHECK(p && std::wcscmp(p->Value.lpszW, L"mslogon reference store") == 0);
  p = find_prop(props, count, PR_ENTRYID);
  CHECK(p && p->Value.bin.cb == 24 && std::memcmp(p->Value.bin.lpb, eid, 24) == 0);
  host_free_buffer(props);
  CHECK_EQ(host_live_buffers(), 0);

  // Wine's HrGetOneProp on the store (an uninitialised count), and the
  // property list checked with Wine's FBadColumnSet.
  props = nullptr;
  CHECK_HR(host_hr_get_one_prop(store, PR_DISPLAY_NAME_W, &props), S_OK);
  CHECK(props && std::wcscmp(props->Value.lpszW, L"mslogon reference store") == 0);
  host_free_buffer(props);
  props = reinterpret_cast<LPSPropValue>(&props);
  CHECK_HR(host_hr_get_one_prop(store, PROP_TAG(PT_LONG, 0x6666), &props), MAPI_E_NOT_FOUND);
  CHECK(props == nullptr);
  LPSPropTagArray list = nullptr;
  CHECK_HR(store->GetPropList(MAPI_UNICODE, &list), S_OK);
  CHECK(host_check_tags(list));
  host_free_buffer(list);
  CHECK_EQ(host_live_buffers(), 0);
}

void last_error(const Session &l) {
  LPMAPIERROR err = nullptr;
  CHECK_HR(l.logon->Unadvise(0xBAD0u), MAPI_E_NOT_FOUND);
  CHECK_HR(l.logon->GetLastError(MAPI_E_NOT_FOUND, 0, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 0));
  host_free_buffer(err);
  err = nullptr;
  CHECK_HR(l.store->GetLastError(MAPI_E_NOT_FOUND, MAPI_UNICODE, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_NOT_FOUND", 1));
  host_free_buffer(err);
  err = reinterpret_cast<LPMAPIERROR>(&err);
  CHECK_HR(l.logon->GetLastError(MAPI_E_NO_SUPPORT, 0, &err), S_OK);
  CHECK(err == nullptr);
  CHECK_EQ(host_live_buffers(), 0);
}

/* Seed situation 1: IMAPISession::Logoff -> IMSLogon::Logoff(&0), then the
 * releases, Shutdown, the provider's Release. */
void session_logoff() {
  HostMalloc m;
  host_malloc_init(&m);
  CppSupport support;
  CppSink sink;
  IMSProvider *provider = init_provider(&m);
  CHECK_EQ(m.refs, 2);
  Session l = logon_default(provider, support);
  CHECK_EQ(support.refs, 2);

  store_properties(l.store);
  last_error(l);
  // Microsoft's width (win_host.h): a ULONG_PTR behind MinGW's ULONG *.
  ULONG_PTR connection = HOST_CONNECTION_CANARY;
  CHECK_HR(l.store->Advise(0, nullptr, fnevNewMail, &sink, HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_CONNECTION(connection);
  CHECK_EQ(sink.refs, 2);

  CHECK_HR(l.logon->Logoff(nullptr), MAPI_E_INVALID_PARAMETER);
  ULONG flags = 1;
  CHECK_HR(l.logon->Logoff(&flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(flags, 1);
  CHECK_EQ(support.releases, 0);

  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(sink.refs, 1);
  CHECK(support.last_release_tick > sink.last_release_tick); /* support last */
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_HR(logoff(l.logon), S_OK); /* again: nothing happens */
  CHECK_EQ(support.releases, 1);

  /* After Logoff: MAPI_E_END_OF_SESSION, out-pointers zeroed. */
  BYTE eid[24];
  host_store_entry_id(eid, 1);
  ULONG type = 77;
  LPUNKNOWN unk = reinterpret_cast<LPUNKNOWN>(&unk);
  CHECK_HR(l.logon->OpenEntry(24, reinterpret_cast<LPENTRYID>(eid), nullptr, 0, &type, &unk),
           MAPI_E_END_OF_SESSION);
  CHECK(unk == nullptr);
  ULONG_PTR c2 = HOST_CONNECTION_CANARY;
  CHECK_HR(l.logon->Advise(0, nullptr, fnevNewMail, &sink, HOST_CONNECTION_OUT(&c2)),
           MAPI_E_END_OF_SESSION);
  CHECK(c2 == 0); // all of it cleared
  CHECK_EQ(sink.refs, 1);
  CHECK_HR(l.store->Unadvise(static_cast<ULONG>(connection)), MAPI_E_END_OF_SESSION);
  LPSPropValue props = reinterpret_cast<LPSPropValue>(&props);
  ULONG count = 77;
  CHECK_HR(l.store->GetProps(nullptr, 0, &count, &props), MAPI_E_END_OF_SESSION);
  CHECK(props == nullptr);
  flags = 0;
  CHECK_HR(l.store->StoreLogoff(&flags), MAPI_E_END_OF_SESSION);
  LPMAPIERROR err = nullptr;
  CHECK_HR(l.logon->GetLastError(MAPI_E_END_OF_SESSION, MAPI_UNICODE, &err), S_OK);
  CHECK(host_check_mapierror(err, "MAPI_E_END_OF_SESSION", 1));
  host_free_buffer(err);
  CHECK_EQ(l.logon->AddRef(), 2);
  CHECK_EQ(l.logon->Release(), 1);

  CHECK_EQ(l.logon->Release(), 0);
  CHECK_EQ(l.store->Release(), 0);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(support.releases, 1);
  flags = 0;
  CHECK_HR(provider->Shutdown(&flags), S_OK);
  CHECK_EQ(m.refs, 1); /* the IMalloc is released at Shutdown */
  CHECK_EQ(provider->Release(), 0);
  CHECK_EQ(m.add_refs, m.releases);
  support.check_balanced();
  sink.check_balanced();
  CHECK_EQ(host_live_buffers(), 0);
}

/* Seed situation 2: IMsgStore::StoreLogoff, MAPI re-entering Logoff (and
 * releasing its logon reference when mapi_releases_logon) from inside the
 * support object's Release. */
void store_logoff(bool mapi_releases_logon, ULONG caller_flags) {
  CppSupport support;
  CppSink sink;
  IMSProvider *provider = init_provider(nullptr);
  Session l = logon_default(provider, support);
  ULONG_PTR connection = HOST_CONNECTION_CANARY; // Microsoft's width (win_host.h)
  CHECK_HR(l.logon->Advise(0, nullptr, fnevNewMail, &sink, HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_CONNECTION(connection);
  support.reenter_logon = l.logon;
  support.reenter_release = mapi_releases_logon;

  CHECK_HR(l.store->StoreLogoff(nullptr), MAPI_E_INVALID_PARAMETER);
  ULONG flags = 0x100u;
  CHECK_HR(l.store->StoreLogoff(&flags), MAPI_E_UNKNOWN_FLAGS);
  CHECK_EQ(flags, 0x100u);
  CHECK_EQ(support.releases, 0);
  CHECK_EQ(support.store_logoff_transports, 0);

  flags = caller_flags;
  CHECK_HR(l.store->StoreLogoff(&flags), S_OK);
  CHECK_EQ(flags, LOGOFF_COMPLETE);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, caller_flags);
  CHECK_EQ(support.reentries, 1);
  CHECK_HR(support.reenter_hr, S_OK);
  CHECK_EQ(support.reenter_flags_after, 0);
  CHECK_EQ(support.releases, 1);
  CHECK(support.last_release_tick > sink.last_release_tick);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(sink.refs, 1);

  if (!mapi_releases_logon) {
    CHECK_HR(logoff(l.logon), S_OK);
    CHECK_EQ(l.logon->Release(), 0);
  }
  flags = 0;
  CHECK_HR(l.store->StoreLogoff(&flags), MAPI_E_END_OF_SESSION);
  CHECK_EQ(l.store->Release(), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.store_logoff_transports, 1);
  shutdown_and_release(provider);
  support.check_balanced();
  sink.check_balanced();
}

/* The store's last Release without StoreLogoff: LOGOFF_ABORT, once. */
void store_release_aborts() {
  CppSupport support;
  IMSProvider *provider = init_provider(nullptr);
  Session l = logon_default(provider, support);
  CHECK_EQ(l.store->Release(), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.last_store_logoff_flags, LOGOFF_ABORT);
  CHECK_EQ(support.releases, 1);
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_EQ(l.logon->Release(), 0);
  CHECK_EQ(support.store_logoff_transports, 1);
  CHECK_EQ(support.releases, 1);
  shutdown_and_release(provider);
  support.check_balanced();
}

void logon_rejects_bad_input() {
  CppSupport support;
  IMSProvider *provider = init_provider(nullptr);
  LPMAPIERROR error = nullptr;
  BYTE foreign[24];
  std::memset(foreign, 0xAB, sizeof foreign);
  Session l;

  CHECK_HR(logon_with(provider, support, sizeof foreign, foreign, nullptr, 0, l, &error),
           MAPI_E_INVALID_ENTRYID);
  CHECK(host_check_mapierror(error, "MAPI_E_INVALID_ENTRYID", 0));
  host_free_buffer(error);
  CHECK_EQ(host_live_buffers(), 0);
  error = nullptr;
  CHECK_HR(logon_with(provider, support, 0, nullptr, &IID_IMAPIProp, 0, l, &error),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  host_free_buffer(error);
  CHECK_EQ(support.add_refs, 0);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(host_live_buffers(), 0);
  shutdown_and_release(provider);
  support.check_balanced();
}

/* Shutdown with a logon still alive logs it off first. */
void shutdown_with_a_live_logon() {
  HostMalloc m;
  host_malloc_init(&m);
  CppSupport support;
  CppSink sink;
  IMSProvider *provider = init_provider(&m);
  Session l = logon_default(provider, support);
  ULONG_PTR connection = HOST_CONNECTION_CANARY; // Microsoft's width (win_host.h)
  CHECK_HR(l.logon->Advise(0, nullptr, fnevNewMail, &sink, HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_CONNECTION(connection);

  ULONG flags = 0;
  CHECK_HR(provider->Shutdown(&flags), S_OK);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(sink.refs, 1);
  CHECK(support.last_release_tick > sink.last_release_tick);
  CHECK_EQ(m.refs, 1);
  CHECK_HR(logoff(l.logon), S_OK);
  CHECK_HR(l.logon->Unadvise(static_cast<ULONG>(connection)), MAPI_E_END_OF_SESSION);
  CHECK_EQ(l.store->Release(), 0);
  CHECK_EQ(l.logon->Release(), 0);
  CHECK_EQ(support.store_logoff_transports, 0);
  CHECK_EQ(provider->Release(), 0);
  support.check_balanced();
  sink.check_balanced();
  CHECK_EQ(m.add_refs, m.releases);
  CHECK_EQ(host_live_buffers(), 0);
}

}  // namespace

int main() {
  provider_init = host_load_provider("mslogon.dll", &provider_module);
  if (!provider_init) return host_finish("win_test_lifecycle_cpp");

  provider_init_checks_its_arguments();
  session_logoff();
  store_logoff(false, LOGOFF_ORDERLY);
  store_logoff(true, LOGOFF_PURGE | LOGOFF_QUIET);
  store_release_aborts();
  logon_rejects_bad_input();
  shutdown_with_a_live_logon();
  CHECK_EQ(host_live_buffers(), 0);
  CHECK(FreeLibrary(provider_module));
  return host_finish("win_test_lifecycle_cpp");
}
