// mslogon-demo: a MAPI host, in C++, that loads the provider library the way
// MAPI loads a message-store provider, and prints every SPI call it makes.
//
// MAPI never links a provider: it loads the DLL named in the profile
// (LoadLibrary; here dlopen), looks up the one entry point MSProviderInit
// (GetProcAddress; here dlsym) and from then on talks to the provider only
// through the COM vtables it hands out: IMSProvider, IMSLogon, IMsgStore.
// This program does the same; the host side (IMAPISupport, IMAPIAdviseSink,
// MAPIAllocateBuffer/More/FreeBuffer) is the emulated host of c-tests/host.c.
//
//   1. session logoff: the client logged off, MAPI calls IMSLogon::Logoff;
//   2. store logoff: IMsgStore::StoreLogoff; the provider releases its
//      support object and, inside that Release, MAPI calls Logoff and
//      Release on the logon (the seed's re-entrant situation);
//   3. the store released without StoreLogoff (LOGOFF_ABORT);
//   4. a tour of bad input and of calls after Logoff and Shutdown.
//
// Every answer is checked against the contract (/work/shared/SPEC.md, the
// README); the program exits 1 and lists the mismatches if any differs, 2 if
// it cannot load the provider.
//
// Usage: mslogon-demo [path/to/libmslogon.so]
// (default: the library of this build tree, MSLOGON_DEMO_LIBRARY)

#include <dlfcn.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "host.h"
#include "mslogon.h"
#include "mslogon.hpp"

#ifndef MSLOGON_DEMO_LIBRARY
#error "MSLOGON_DEMO_LIBRARY (the default path of libmslogon.so) is set by CMakeLists.txt"
#endif

namespace {

// ---- the loaded library --------------------------------------------------

// dlopen/dlclose, and dlsym into a typed function pointer (through memcpy:
// ISO C++ has no cast from void * to a function pointer).
class Library {
 public:
  explicit Library(const char *path) : handle_(dlopen(path, RTLD_NOW | RTLD_LOCAL)) {}
  ~Library() {
    if (handle_) dlclose(handle_);
  }
  Library(const Library &) = delete;
  Library &operator=(const Library &) = delete;

  bool loaded() const { return handle_ != nullptr; }

  template <typename Fn>
  Fn symbol(const char *name) const {
    void *address = dlsym(handle_, name);
    Fn fn = nullptr;
    static_assert(sizeof fn == sizeof address, "function and data pointers differ in size");
    std::memcpy(&fn, &address, sizeof fn);
    return fn;
  }

 private:
  void *handle_;
};

// ---- COM references -------------------------------------------------------

// mslogon::ComPtr (include/mslogon.hpp) owns one reference to an object of
// any interface; the demo uses only it from the wrapper (the rest needs the
// library linked, and this host loads it with dlopen).
template <typename T>
using ComRef = mslogon::ComPtr<T>;

using Provider = ComRef<MSLogon_IMSProvider>;
using Logon = ComRef<MSLogon_IMSLogon>;
using Store = ComRef<MSLogon_IMsgStore>;

// ---- the trace -----------------------------------------------------------

std::vector<std::string> mismatches;
std::string current_act;

#if defined(__GNUC__)
#define DEMO_PRINTF_FORMAT __attribute__((format(printf, 1, 2)))
#else
#define DEMO_PRINTF_FORMAT
#endif

DEMO_PRINTF_FORMAT std::string fmt(const char *format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

std::string times(long n) {
  return n == 1 ? "once" : n == 2 ? "twice" : fmt("%ld times", n);
}

const char *hr_name(MSLogon_HRESULT hr) {
  return hr == MSLogon_MAPI_W_ERRORS_RETURNED ? "MAPI_W_ERRORS_RETURNED" : host_hr_name(hr);
}

void act(int number, const char *title, const char *what) {
  current_act = fmt("act %d", number);
  std::printf("\n%d. %s\n   %s\n\n", number, title, what);
}

// One line of the trace, in three columns: the call, its answer, and what
// the host saw happen.
void line(const std::string &call, const std::string &answer, const std::string &note) {
  std::string text = fmt("   %-46s %-31s %s", call.c_str(), answer.c_str(), note.c_str());
  text.erase(text.find_last_not_of(' ') + 1);
  std::puts(text.c_str());
}

void mismatch(const std::string &what, const std::string &expected) {
  line("", "!! expected " + expected, "");
  mismatches.push_back(current_act + ", " + what + ": expected " + expected);
}

// A call and its HRESULT. Call first, then step(): the note may show what
// the call wrote.
void step(const std::string &call, MSLogon_HRESULT hr, MSLogon_HRESULT expected,
          const std::string &note = "") {
  line(call, hr_name(hr), note);
  if (hr != expected) mismatch(call, hr_name(expected));
}

// IUnknown::Release and the count it returned.
template <typename T>
void release(const std::string &call, ComRef<T> &ref, MSLogon_ULONG expected,
             const std::string &note = "") {
  T *p = ref.detach();
  MSLogon_ULONG left = p ? p->lpVtbl->Release(p) : 0;
  line(call, fmt("-> %lu", static_cast<unsigned long>(left)), note);
  if (left != expected) mismatch(call, fmt("-> %lu", static_cast<unsigned long>(expected)));
}

// Something the host observed (a call the provider made into the host, a
// count), shown in the answer column: a mismatch when not ok.
void observe(const std::string &what, const std::string &observed, bool ok,
             const std::string &expected) {
  line(what, observed, "");
  if (!ok) mismatch(what.empty() ? observed : what, expected);
}

std::string support_state(const HostSupport &s) {
  return fmt("support refs %ld, ", host_refs(&s)) +
         (s.releases ? "released " + times(s.releases) : "not released");
}

// ---- values the provider hands out ---------------------------------------

MSLogon_ULONG prop_type(MSLogon_ULONG tag) { return tag & MSLogon_PROP_TYPE_MASK; }
MSLogon_ULONG prop_id(MSLogon_ULONG tag) { return tag >> 16; }

std::string prop_name(MSLogon_ULONG tag) {
  static const struct {
    MSLogon_ULONG tag;
    const char *name;
  } names[] = {
      {MSLogon_PR_DISPLAY_NAME_W, "PR_DISPLAY_NAME"},
      {MSLogon_PR_PROVIDER_DISPLAY_W, "PR_PROVIDER_DISPLAY"},
      {MSLogon_PR_ENTRYID, "PR_ENTRYID"},
      {MSLogon_PR_RECORD_KEY, "PR_RECORD_KEY"},
      {MSLogon_PR_OBJECT_TYPE, "PR_OBJECT_TYPE"},
      {MSLogon_PR_STORE_ENTRYID, "PR_STORE_ENTRYID"},
      {MSLogon_PR_STORE_RECORD_KEY, "PR_STORE_RECORD_KEY"},
      {MSLogon_PR_STORE_SUPPORT_MASK, "PR_STORE_SUPPORT_MASK"},
      {MSLogon_PR_MDB_PROVIDER, "PR_MDB_PROVIDER"},
      {MSLogon_PR_RESOURCE_FLAGS, "PR_RESOURCE_FLAGS"},
  };
  for (const auto &n : names) {
    if (prop_id(n.tag) != prop_id(tag)) continue;
    std::string name = n.name;
    if (prop_type(tag) == MSLogon_PT_STRING8) name += "_A";
    if (prop_type(tag) == MSLogon_PT_UNICODE) name += "_W";
    return name;
  }
  return "";
}

// A NUL-terminated string, 8-bit or UTF-16, shown in ASCII.
template <typename Char>
std::string quoted(const Char *s) {
  if (!s) return "NULL";
  std::string out = "\"";
  for (; *s; ++s) {
    unsigned c = static_cast<unsigned>(*s) & (sizeof(Char) == 1 ? 0xFFu : 0xFFFFu);
    out += c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?';
  }
  return out + "\"";
}

// A MAPIERROR the provider allocated with MAPIAllocateBuffer (8-bit strings:
// no MAPI_UNICODE).
void show_mapierror(const MSLogon_MAPIERROR *error) {
  std::printf("      MAPIERROR  %s: %s\n", static_cast<char *>(error->lpszComponent),
              quoted(static_cast<char *>(error->lpszError)).c_str());
}

std::string value_text(const MSLogon_SPropValue &p) {
  switch (prop_type(p.ulPropTag)) {
    case MSLogon_PT_STRING8:
      return quoted(p.Value.lpszA);
    case MSLogon_PT_UNICODE:
      return quoted(p.Value.lpszW) + " (UTF-16)";
    case MSLogon_PT_LONG:
      return fmt("0x%08lX", static_cast<unsigned long>(p.Value.ul));
    case MSLogon_PT_ERROR:
      return fmt("PT_ERROR %s", hr_name(p.Value.err));
    case MSLogon_PT_BINARY: {
      std::string out = fmt("%2lu bytes ", static_cast<unsigned long>(p.Value.bin.cb));
      for (MSLogon_ULONG i = 0; i < p.Value.bin.cb; i++)
        out += fmt(i % 4 == 0 ? " %02X" : "%02X", p.Value.bin.lpb[i]);
      return out;
    }
    default:
      return fmt("(a value of type 0x%04lX)", static_cast<unsigned long>(prop_type(p.ulPropTag)));
  }
}

// IMsgStore::GetProps, its values printed and then freed (MAPIFreeBuffer).
void get_props(MSLogon_IMsgStore *store, const std::string &call, MSLogon_SPropTagArray *tags,
               MSLogon_ULONG flags, MSLogon_HRESULT expected) {
  MSLogon_ULONG count = 0;
  MSLogon_SPropValue *props = nullptr;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_GetProps(store, tags, flags, &count, &props);
  step(call, hr, expected, props ? fmt("%lu values", static_cast<unsigned long>(count)) : "");
  for (MSLogon_ULONG i = 0; props && i < count; i++)
    std::printf("      %08lX %-23s %s\n", static_cast<unsigned long>(props[i].ulPropTag),
                prop_name(props[i].ulPropTag).c_str(), value_text(props[i]).c_str());
  host_free_buffer(props);
}

// ---- the SPI calls every act makes ---------------------------------------

MSLogon_MSPROVIDERINIT provider_init;  // from dlsym

Provider init_provider() {
  Provider provider;
  MSLogon_ULONG version = 0;
  MSLogon_HRESULT hr =
      provider_init(nullptr, nullptr, host_allocate_buffer, host_allocate_more, host_free_buffer, 0,
                    MSLogon_CURRENT_SPI_VERSION, &version, provider.put());
  step("MSProviderInit(CURRENT_SPI_VERSION)", hr, MSLogon_S_OK,
       fmt("provider SPI version 0x%08lX", static_cast<unsigned long>(version)));
  if (hr == MSLogon_S_OK && (!provider || version != MSLogon_CURRENT_SPI_VERSION))
    mismatch("MSProviderInit", "a provider, SPI version CURRENT_SPI_VERSION");
  return provider;
}

struct Session {
  Logon logon;
  Store store;
  explicit operator bool() const { return logon && store; }
};

// IMSProvider::Logon. Defaults: the default store (no entry ID), as
// IMsgStore; on failure the MAPIERROR's text is shown, then freed.
struct LogonArgs {
  const char *call;
  MSLogon_ULONG cb_entry_id;
  MSLogon_ENTRYID *entry_id;
  const MSLogon_IID *iid;
  MSLogon_HRESULT expected;
};

Session log_on(MSLogon_IMSProvider *provider, HostSupport &support, const LogonArgs &args) {
  Session s;
  MSLogon_ULONG cb_spool = 77;
  MSLogon_BYTE *pb_spool = nullptr;
  MSLogon_MAPIERROR *error = nullptr;
  long refs_before = host_refs(&support);
  MSLogon_HRESULT hr = MSLogon_IMSProvider_Logon(
      provider, &support.iface, 0, nullptr, args.cb_entry_id, args.entry_id,
      MSLogon_MDB_NO_DIALOG, args.iid, &cb_spool, &pb_spool, &error, s.logon.put(),
      s.store.put());
  if (hr == MSLogon_S_OK) {
    step(args.call, hr, args.expected, fmt("support refs %ld (host + logon)", host_refs(&support)));
    if (!s || host_refs(&support) != refs_before + 1 || error || cb_spool || pb_spool)
      mismatch("Logon", "a logon, a store, one support reference, no MAPIERROR, no spool data");
  } else {
    step(args.call, hr, args.expected,
         fmt("%s, support refs %ld", s.logon || s.store ? "a logon!" : "no logon, no store",
             host_refs(&support)));
    if (s.logon || s.store || host_refs(&support) != refs_before)
      mismatch(args.call, "no logon, no store, no support reference kept");
    if (error) show_mapierror(error);
  }
  host_free_buffer(error);
  return s;
}

Session log_on(MSLogon_IMSProvider *provider, HostSupport &support) {
  return log_on(provider, support,
                {"IMSProvider::Logon(&support, no entry ID)", 0, nullptr, nullptr, MSLogon_S_OK});
}

// IMSProvider::Shutdown, then MAPI's Release of the provider.
void shut_down(Provider &provider) {
  MSLogon_ULONG flags = 0;
  step("IMSProvider::Shutdown(&0)", MSLogon_IMSProvider_Shutdown(provider.get(), &flags),
       MSLogon_S_OK);
  release("IMSProvider::Release", provider, 0);
}

MSLogon_HRESULT logoff(MSLogon_IMSLogon *logon, MSLogon_ULONG flags) {
  return MSLogon_IMSLogon_Logoff(logon, &flags);
}

// The end of every act: the support object released exactly once, every
// MAPI buffer freed.
void act_end(const HostSupport &support) {
  observe("", support_state(support) + ", MAPI buffers alive " +
                  std::to_string(host_live_buffers()),
          support.releases == 1 && host_refs(&support) == 1 && host_live_buffers() == 0,
          "support released exactly once, no MAPI buffer alive");
}

// ---- 1. session logoff ---------------------------------------------------

void session_logoff() {
  act(1, "Session logoff",
      "Situation 1 of IMSLogon::Logoff: the client called IMAPISession::Logoff, so MAPI\n"
      "   calls IMSLogon::Logoff on the logon, then Release.");
  HostSupport support;
  host_support_init(&support);
  HostSink sink;
  host_sink_init(&sink);

  Provider provider = init_provider();
  if (!provider) return;
  Session s = log_on(provider.get(), support);
  if (!s) return;
  get_props(s.store.get(), "IMsgStore::GetProps(NULL, 0)", nullptr, 0, MSLogon_S_OK);
  struct {
    MSLogon_ULONG cValues;
    MSLogon_ULONG aulPropTag[2];
  } tags = {2, {MSLogon_PR_DISPLAY_NAME_W, MSLogon_PR_PROVIDER_DISPLAY_W}};
  get_props(s.store.get(), "IMsgStore::GetProps({2 tags}, MAPI_UNICODE)",
            reinterpret_cast<MSLogon_SPropTagArray *>(&tags), MSLogon_MAPI_UNICODE,
            MSLogon_MAPI_W_ERRORS_RETURNED);

  // A pointer-sized connection (MSLogon_ULONG_PTR), pre-filled with a
  // canary: the provider must write all of it.
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_Advise(s.store.get(), 0, nullptr, MSLogon_fnevNewMail,
                                                &sink.iface, &connection);
  step("IMsgStore::Advise(NULL, fnevNewMail, &sink)", hr, MSLogon_S_OK,
       fmt("connection %llu, sink refs %ld", static_cast<unsigned long long>(connection),
           host_sink_refs(&sink)));
  observe("  -> *lpulConnection", fmt("all %zu bytes written", sizeof connection),
          connection != HOST_CONNECTION_CANARY && connection != 0 &&
              connection <= static_cast<MSLogon_ULONG_PTR>(0xFFFFFFFFu),
          "the whole pointer-sized connection written");

  MSLogon_ULONG flags = 0;
  hr = MSLogon_IMSLogon_Logoff(s.logon.get(), &flags);
  step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK,
       fmt("*lpulFlags %lu", static_cast<unsigned long>(flags)));
  observe("  -> IMAPIAdviseSink::Release", fmt("sink refs %ld", host_sink_refs(&sink)),
          host_sink_refs(&sink) == 1, "the sink released at Logoff");
  bool last = support.last_release_tick > sink.last_release_tick;
  observe(last ? "  -> IMAPISupport::Release (last)" : "  -> IMAPISupport::Release (NOT last)",
          support_state(support), last && support.releases == 1,
          "the support object released once, last");

  release("IMSLogon::Release", s.logon, 0);
  release("IMsgStore::Release", s.store, 0);
  shut_down(provider);
  act_end(support);
}

// ---- 2. store logoff, MAPI re-entering Logoff ------------------------------

void store_logoff() {
  act(2, "Store logoff",
      "Situation 2, through IMsgStore::StoreLogoff: the provider releases its support\n"
      "   object, and inside that Release MAPI calls IMSLogon::Logoff and Release on the\n"
      "   same logon (re-entry).");
  HostSupport support;
  host_support_init(&support);

  Provider provider = init_provider();
  if (!provider) return;
  Session s = log_on(provider.get(), support);
  if (!s) return;

  // MAPI's reference to the logon now belongs to the support object's
  // Release, which calls Logoff(&0) and then Release on it.
  support.reenter_logon = s.logon.detach();
  support.reenter_release = 1;

  MSLogon_ULONG flags = MSLogon_LOGOFF_ORDERLY;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_StoreLogoff(s.store.get(), &flags);
  step("IMsgStore::StoreLogoff(&LOGOFF_ORDERLY)", hr, MSLogon_S_OK,
       fmt("*lpulFlags 0x%08lX%s", static_cast<unsigned long>(flags),
           flags == MSLogon_LOGOFF_COMPLETE ? " (LOGOFF_COMPLETE)" : ""));
  if (flags != MSLogon_LOGOFF_COMPLETE) mismatch("StoreLogoff's *lpulFlags", "LOGOFF_COMPLETE");
  observe(fmt("  -> IMAPISupport::StoreLogoffTransports(&0x%lX)",
              static_cast<unsigned long>(support.last_store_logoff_flags)),
          "called " + times(support.store_logoff_transports),
          support.store_logoff_transports == 1 &&
              support.last_store_logoff_flags == MSLogon_LOGOFF_ORDERLY,
          "called once, with LOGOFF_ORDERLY");
  observe("  -> IMAPISupport::Release", support_state(support),
          support.releases == 1 && host_refs(&support) == 1, "the support object released once");
  line("       -> IMSLogon::Logoff(&0)", hr_name(support.reenter_hr),
       support.reentries == 1 ? "re-entrant: a no-op, no deadlock" : "");
  if (support.reentries != 1 || support.reenter_hr != MSLogon_S_OK)
    mismatch("the re-entrant Logoff", "one call, S_OK");
  line("       -> IMSLogon::Release", "", "MAPI's reference, dropped mid-StoreLogoff");

  release("IMsgStore::Release", s.store, 0);
  shut_down(provider);
  act_end(support);
}

// ---- 3. the store released without StoreLogoff -----------------------------

void store_released() {
  act(3, "Store released without StoreLogoff",
      "Situation 2, through the last IMsgStore::Release: the provider logs off with\n"
      "   LOGOFF_ABORT, MAPI re-enters Logoff from the support object's Release, and\n"
      "   calls it once more afterwards.");
  HostSupport support;
  host_support_init(&support);

  Provider provider = init_provider();
  if (!provider) return;
  Session s = log_on(provider.get(), support);
  if (!s) return;
  support.reenter_logon = s.logon.get();  // Logoff only: MAPI keeps its reference

  release("IMsgStore::Release", s.store, 0, "the store goes first");
  observe(fmt("  -> IMAPISupport::StoreLogoffTransports(&0x%lX)",
              static_cast<unsigned long>(support.last_store_logoff_flags)),
          "called " + times(support.store_logoff_transports) +
              (support.last_store_logoff_flags == MSLogon_LOGOFF_ABORT ? ", LOGOFF_ABORT" : ""),
          support.store_logoff_transports == 1 &&
              support.last_store_logoff_flags == MSLogon_LOGOFF_ABORT,
          "called once, with LOGOFF_ABORT");
  observe("  -> IMAPISupport::Release", support_state(support),
          support.releases == 1 && host_refs(&support) == 1, "the support object released once");
  line("       -> IMSLogon::Logoff(&0)", hr_name(support.reenter_hr),
       support.reentries == 1 ? "re-entrant: a no-op" : "");
  if (support.reentries != 1 || support.reenter_hr != MSLogon_S_OK)
    mismatch("the re-entrant Logoff", "one call, S_OK");

  step("IMSLogon::Logoff(&0)", logoff(s.logon.get(), 0), MSLogon_S_OK,
       "already logged off: a no-op");
  release("IMSLogon::Release", s.logon, 0);
  shut_down(provider);
  act_end(support);
}

// ---- 4. bad input, and calls after the end ---------------------------------

void bad_input_tour() {
  act(4, "Bad input, and calls after the end",
      "Each call fails the way the contract says and changes nothing.");
  HostSupport support;
  host_support_init(&support);
  HostSupport last;  // the support object of the logon Shutdown ends
  host_support_init(&last);

  MSLogon_ULONG version = 0;
  MSLogon_HRESULT hr =
      provider_init(nullptr, nullptr, host_allocate_buffer, host_allocate_more, host_free_buffer,
                    0, MSLogon_CURRENT_SPI_VERSION, &version, nullptr);
  step("MSProviderInit(lppMSProvider NULL)", hr, MSLogon_MAPI_E_INVALID_PARAMETER);
  {
    Provider old;
    hr = provider_init(nullptr, nullptr, host_allocate_buffer, host_allocate_more,
                       host_free_buffer, 0, 0x00010000u, &version, old.put());
    step("MSProviderInit(ulMAPIVer 0x00010000)", hr, MSLogon_MAPI_E_VERSION,
         fmt("no provider; provider SPI version 0x%08lX", static_cast<unsigned long>(version)));
    if (old) mismatch("MSProviderInit(ulMAPIVer 0x00010000)", "no provider");
  }

  Provider provider = init_provider();
  if (!provider) return;

  // Logons that fail: the support object is not kept, nothing is handed out.
  {
    HostSupport rejected;
    host_support_init(&rejected);
    MSLogon_BYTE foreign[24];
    std::memset(foreign, 0xAB, sizeof foreign);
    log_on(provider.get(), rejected,
           {"IMSProvider::Logon(entry ID 24 x 0xAB)", sizeof foreign,
            reinterpret_cast<MSLogon_ENTRYID *>(foreign), nullptr,
            MSLogon_MAPI_E_INVALID_ENTRYID});
    log_on(provider.get(), rejected,
           {"IMSProvider::Logon(lpInterface IID_IMAPIProp)", 0, nullptr, &host_IID_IMAPIProp,
            MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED});
  }

  Session s = log_on(provider.get(), support);
  if (!s) return;
  step("IMSLogon::Logoff(NULL)", MSLogon_IMSLogon_Logoff(s.logon.get(), nullptr),
       MSLogon_MAPI_E_INVALID_PARAMETER, "nothing changes");
  step("IMSLogon::Logoff(&1)", logoff(s.logon.get(), 1), MSLogon_MAPI_E_UNKNOWN_FLAGS,
       "nothing changes");
  observe("", support_state(support) + ": still logged on",
          host_refs(&support) == 2 && support.releases == 0, "the logon still live");
  hr = logoff(s.logon.get(), 0);
  step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(support));

  // The out-parameters start non-zero: a failing call must zero them.
  MSLogon_SPropValue untouched = MSLogon_SPropValue();
  MSLogon_ULONG count = 77;
  MSLogon_SPropValue *props = &untouched;
  hr = MSLogon_IMsgStore_GetProps(s.store.get(), nullptr, 0, &count, &props);
  step("IMsgStore::GetProps(NULL, 0)", hr, MSLogon_MAPI_E_END_OF_SESSION,
       fmt("*lpcValues %lu, *lppPropArray %s", static_cast<unsigned long>(count),
           props ? "not NULL" : "NULL"));
  if (count != 0 || props) mismatch("GetProps after Logoff", "out-parameters zeroed");
  if (props != &untouched) host_free_buffer(props);

  MSLogon_MAPIERROR *error = nullptr;
  hr = MSLogon_IMSLogon_GetLastError(s.logon.get(), MSLogon_MAPI_E_END_OF_SESSION, 0, &error);
  step("IMSLogon::GetLastError(END_OF_SESSION, 0)", hr, MSLogon_S_OK,
       error ? "" : "no MAPIERROR");
  if (error)
    show_mapierror(error);
  else
    mismatch("GetLastError(MAPI_E_END_OF_SESSION)", "a MAPIERROR");
  host_free_buffer(error);
  release("IMSLogon::Release", s.logon, 0);
  release("IMsgStore::Release", s.store, 0);
  act_end(support);

  // Shutdown while a logon is alive logs it off.
  Session alive = log_on(provider.get(), last);
  if (!alive) return;
  MSLogon_ULONG flags = 0;
  hr = MSLogon_IMSProvider_Shutdown(provider.get(), &flags);
  step("IMSProvider::Shutdown(&0)", hr, MSLogon_S_OK, "a logon still alive: logged off");
  observe("  -> IMAPISupport::Release", support_state(last),
          last.releases == 1 && host_refs(&last) == 1, "Shutdown logs the logon off");
  release("IMSProvider::Release", provider, 0);
  step("IMSLogon::Logoff(&0)", logoff(alive.logon.get(), 0), MSLogon_S_OK,
       "already logged off: a no-op");
  release("IMSLogon::Release", alive.logon, 0);
  release("IMsgStore::Release", alive.store, 0);
  act_end(last);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc > 2) {
    std::fprintf(stderr, "usage: %s [path/to/libmslogon.so]\n", argv[0]);
    return 2;
  }
  const char *path = argc == 2 ? argv[1] : MSLOGON_DEMO_LIBRARY;

  std::printf("mslogon demo: a MAPI host that loads the provider as MAPI does\n\n");
  Library library(path);
  line("dlopen", library.loaded() ? "ok" : "FAILED", path);
  if (!library.loaded()) {
    std::fprintf(stderr, "demo: cannot load the provider: %s\n", dlerror());
    return 2;
  }
  provider_init = library.symbol<MSLogon_MSPROVIDERINIT>("MSProviderInit");
  line("dlsym(\"MSProviderInit\")", provider_init ? "ok" : "NOT FOUND", "");
  if (!provider_init) return 2;

  session_logoff();
  store_logoff();
  store_released();
  bad_input_tour();

  current_act = "leak check";
  std::printf("\nLeak check\n");
  typedef MSLogon_ULONG (*LiveObjectsFn)(void);
  LiveObjectsFn live_objects = library.symbol<LiveObjectsFn>("mslogon_live_objects");
  if (live_objects) {
    unsigned long alive = live_objects();
    observe("mslogon_live_objects()", fmt("provider objects alive: %lu", alive), alive == 0,
            "0");
  }
  observe("host_live_buffers()", fmt("MAPI buffers alive: %ld", host_live_buffers()),
          host_live_buffers() == 0, "0");

  if (mismatches.empty()) {
    std::printf("\ndemo: every call answered as the contract says\n");
    return 0;
  }
  std::printf("\ndemo: %zu answer(s) differ from the contract:\n", mismatches.size());
  for (const std::string &m : mismatches) std::printf("  - %s\n", m.c_str());
  return 1;
}
