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
//   4. the object tree: the standard folders, a message with a recipient and
//      an attachment saved in the Inbox, then a forcible Logoff while a
//      folder, the message (with an unsaved change), an attachment and the
//      status object are open: each answers MAPI_E_INVALID_OBJECT, and a new
//      logon finds what was saved only;
//   5. tables and notifications: a folder tree shown through the root's
//      hierarchy table (CONVENIENT_DEPTH), the Inbox's contents table sorted
//      and restricted, and, with advise sinks on that table and on the
//      store, a message created, changed and deleted: TABLE_ROW_ADDED,
//      _MODIFIED, _DELETED and fnevObjectCreated/Modified/Deleted arrive
//      before the call that made the change returns;
//   6. a durable store: this act's providers keep the store in an SQLite
//      file (MSLOGON_STORE_DIR, set for their MSProviderInit only), a folder
//      "Demo runs" in it gets one message per run, and a fresh provider reads
//      the count back; run the demo again and the count has grown;
//   7. a tour of bad input and of calls after Logoff and Shutdown.
//
// Acts 1-5 and 7 run on stores in memory, fresh in every run.
//
// Every answer is checked against the contract (/work/shared/SPEC.md, the
// README); the program exits 1 and lists the mismatches if any differs, 2 if
// it cannot load the provider or its arguments are wrong.
//
// Usage: mslogon-demo [--store-dir DIR] [--fresh-store] [path/to/libmslogon.so]
//   --store-dir DIR   where act 6 keeps its store file, DIR/store-1.mslogon.db
//                     (default: demo-store next to this program, in the build tree)
//   --fresh-store     delete that store file first: act 6 runs as the first run
//                     (the CTest test does this)
//   path              the provider (default: the library of this build tree,
//                     MSLOGON_DEMO_LIBRARY)

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>
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
using Folder = ComRef<MSLogon_IMAPIFolder>;
using Message = ComRef<MSLogon_IMessage>;
using Attach = ComRef<MSLogon_IAttach>;
using Status = ComRef<MSLogon_IMAPIStatus>;

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
  switch (hr) {
    case MSLogon_MAPI_W_ERRORS_RETURNED:
      return "MAPI_W_ERRORS_RETURNED";
    // What a store file can answer at Logon (act 6).
    case MSLogon_MAPI_E_CORRUPT_STORE:
      return "MAPI_E_CORRUPT_STORE";
    case MSLogon_MAPI_E_NO_ACCESS:
      return "MAPI_E_NO_ACCESS";
    case MSLogon_MAPI_E_DISK_ERROR:
      return "MAPI_E_DISK_ERROR";
    case MSLogon_MAPI_E_BUSY:
      return "MAPI_E_BUSY";
    default:
      return host_hr_name(hr);
  }
}

void act(int number, const char *title, const char *what) {
  current_act = fmt("act %d", number);
  std::printf("\n%d. %s\n   %s\n\n", number, title, what);
}

// One line of the trace, in three columns: the call, its answer, and what
// the host saw happen.
void line(const std::string &call, const std::string &answer, const std::string &note) {
  std::string text = fmt("   %-48s %-31s %s", call.c_str(), answer.c_str(), note.c_str());
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
      {MSLogon_PR_IPM_SUBTREE_ENTRYID, "PR_IPM_SUBTREE_ENTRYID"},
      {MSLogon_PR_IPM_OUTBOX_ENTRYID, "PR_IPM_OUTBOX_ENTRYID"},
      {MSLogon_PR_IPM_SENTMAIL_ENTRYID, "PR_IPM_SENTMAIL_ENTRYID"},
      {MSLogon_PR_IPM_WASTEBASKET_ENTRYID, "PR_IPM_WASTEBASKET_ENTRYID"},
      {MSLogon_PR_VIEWS_ENTRYID, "PR_VIEWS_ENTRYID"},
      {MSLogon_PR_COMMON_VIEWS_ENTRYID, "PR_COMMON_VIEWS_ENTRYID"},
      {MSLogon_PR_VALID_FOLDER_MASK, "PR_VALID_FOLDER_MASK"},
      {MSLogon_PR_SUBJECT_W, "PR_SUBJECT"},
      {MSLogon_PR_DISPLAY_TO_W, "PR_DISPLAY_TO"},
      {MSLogon_PR_MESSAGE_SIZE, "PR_MESSAGE_SIZE"},
      {MSLogon_PR_HASATTACH, "PR_HASATTACH"},
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

// Counts and sizes are shown in decimal, other PT_LONG values (flags,
// masks, types) in hex.
bool is_count(MSLogon_ULONG tag) {
  return tag == MSLogon_PR_CONTENT_COUNT || tag == MSLogon_PR_CONTENT_UNREAD ||
         tag == MSLogon_PR_MESSAGE_SIZE;
}

std::string value_text(const MSLogon_SPropValue &p) {
  switch (prop_type(p.ulPropTag)) {
    case MSLogon_PT_STRING8:
      return quoted(p.Value.lpszA);
    case MSLogon_PT_UNICODE:
      return quoted(p.Value.lpszW) + " (UTF-16)";
    case MSLogon_PT_LONG:
      return fmt(is_count(p.ulPropTag) ? "%lu" : "0x%08lX",
                 static_cast<unsigned long>(p.Value.ul));
    case MSLogon_PT_BOOLEAN:
      return p.Value.b ? "TRUE" : "FALSE";
    case MSLogon_PT_ERROR:
      return fmt("PT_ERROR %s", hr_name(p.Value.err));
    case MSLogon_PT_BINARY: {
      // Up to 24 bytes in full; longer ones (the 48-byte entry IDs of
      // folders and messages) by their first and last 8 bytes.
      const MSLogon_ULONG cb = p.Value.bin.cb;
      std::string out = fmt("%2lu bytes ", static_cast<unsigned long>(cb));
      for (MSLogon_ULONG i = 0; i < cb; i++) {
        if (cb > 24 && i == 8) {
          out += " ..";
          i = cb - 8;
        }
        out += fmt(i % 4 == 0 ? " %02X" : "%02X", p.Value.bin.lpb[i]);
      }
      return out;
    }
    default:
      return fmt("(a value of type 0x%04lX)", static_cast<unsigned long>(prop_type(p.ulPropTag)));
  }
}

void print_values(const MSLogon_SPropValue *props, MSLogon_ULONG count) {
  for (MSLogon_ULONG i = 0; props && i < count; i++)
    std::printf("      %08lX %-26s %s\n", static_cast<unsigned long>(props[i].ulPropTag),
                prop_name(props[i].ulPropTag).c_str(), value_text(props[i]).c_str());
}

// IMsgStore::GetProps, its values printed and then freed (MAPIFreeBuffer).
void get_props(MSLogon_IMsgStore *store, const std::string &call, MSLogon_SPropTagArray *tags,
               MSLogon_ULONG flags, MSLogon_HRESULT expected) {
  MSLogon_ULONG count = 0;
  MSLogon_SPropValue *props = nullptr;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_GetProps(store, tags, flags, &count, &props);
  step(call, hr, expected, props ? fmt("%lu values", static_cast<unsigned long>(count)) : "");
  print_values(props, count);
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

Session log_on(MSLogon_IMSProvider *provider, HostSupport &support, const LogonArgs &args,
               MSLogon_ULONG flags = MSLogon_MDB_NO_DIALOG) {
  Session s;
  MSLogon_ULONG cb_spool = 77;
  MSLogon_BYTE *pb_spool = nullptr;
  MSLogon_MAPIERROR *error = nullptr;
  long refs_before = host_refs(&support);
  MSLogon_HRESULT hr = MSLogon_IMSProvider_Logon(
      provider, &support.iface, 0, nullptr, args.cb_entry_id, args.entry_id, flags, args.iid,
      &cb_spool, &pb_spool, &error, s.logon.put(), s.store.put());
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

// ---- 4. the object tree, a message, and a forcible Logoff ------------------

// A property tag array of any length (SPropTagArray's aulPropTag is a
// flexible array member).
class TagList {
 public:
  TagList(std::initializer_list<MSLogon_ULONG> tags)
      : tags_(1, static_cast<MSLogon_ULONG>(tags.size())) {
    tags_.insert(tags_.end(), tags.begin(), tags.end());
  }
  MSLogon_SPropTagArray *get() { return reinterpret_cast<MSLogon_SPropTagArray *>(tags_.data()); }

 private:
  std::vector<MSLogon_ULONG> tags_;
};

// The values one GetProps returned, in the provider's MAPI buffer, freed
// (MAPIFreeBuffer) with this object.
class Values {
 public:
  Values() : count_(0), props_(nullptr) {}
  ~Values() { host_free_buffer(props_); }
  Values(const Values &) = delete;
  Values &operator=(const Values &) = delete;

  // GetProps on any IMAPIProp (a folder, a message, ...) into this object.
  template <typename T>
  MSLogon_HRESULT get(T *object, TagList &tags, MSLogon_ULONG flags) {
    host_free_buffer(props_);
    props_ = nullptr;
    count_ = 0;
    return object->lpVtbl->GetProps(object, tags.get(), flags, &count_, &props_);
  }
  MSLogon_ULONG size() const { return props_ ? count_ : 0; }
  const MSLogon_SPropValue *data() const { return props_; }
  // The value of `tag` (a PT_ERROR entry in its place does not match), or NULL.
  const MSLogon_SPropValue *find(MSLogon_ULONG tag) const {
    for (MSLogon_ULONG i = 0; i < size(); i++)
      if (props_[i].ulPropTag == tag) return &props_[i];
    return nullptr;
  }
  MSLogon_ULONG ul(MSLogon_ULONG tag) const {
    const MSLogon_SPropValue *v = find(tag);
    return v ? v->Value.ul : 0;
  }

 private:
  MSLogon_ULONG count_;
  MSLogon_SPropValue *props_;
};

// An entry ID the host keeps: copied out of the provider's buffer.
typedef std::vector<MSLogon_BYTE> EntryId;

EntryId entry_id_of(const MSLogon_SPropValue *v) {
  if (!v || prop_type(v->ulPropTag) != MSLogon_PT_BINARY) return EntryId();
  return EntryId(v->Value.bin.lpb, v->Value.bin.lpb + v->Value.bin.cb);
}

MSLogon_ENTRYID *entry_id_ptr(EntryId &id) {
  return id.empty() ? nullptr : reinterpret_cast<MSLogon_ENTRYID *>(id.data());
}

// A string value in ASCII, 8-bit or UTF-16; "" when absent.
std::string text_of(const MSLogon_SPropValue *v) {
  std::string out;
  if (v && prop_type(v->ulPropTag) == MSLogon_PT_UNICODE && v->Value.lpszW)
    for (const MSLogon_WCHAR *w = v->Value.lpszW; *w; ++w)
      out += *w >= 0x20 && *w < 0x7F ? static_cast<char>(*w) : '?';
  if (v && prop_type(v->ulPropTag) == MSLogon_PT_STRING8 && v->Value.lpszA) out = v->Value.lpszA;
  return out;
}

// A NUL-terminated UTF-16 copy of an ASCII string (MAPI's WCHAR).
std::vector<MSLogon_WCHAR> wide(const char *s) {
  std::vector<MSLogon_WCHAR> out;
  for (; *s; ++s) out.push_back(static_cast<unsigned char>(*s));
  out.push_back(0);
  return out;
}

MSLogon_SPropValue unicode_value(MSLogon_ULONG tag, std::vector<MSLogon_WCHAR> &text) {
  MSLogon_SPropValue v = MSLogon_SPropValue();
  v.ulPropTag = tag;
  v.Value.lpszW = text.data();
  return v;
}

MSLogon_SPropValue long_value(MSLogon_ULONG tag, MSLogon_ULONG value) {
  MSLogon_SPropValue v = MSLogon_SPropValue();
  v.ulPropTag = tag;
  v.Value.ul = value;
  return v;
}

MSLogon_SPropValue binary_value(MSLogon_ULONG tag, std::vector<MSLogon_BYTE> &bytes) {
  MSLogon_SPropValue v = MSLogon_SPropValue();
  v.ulPropTag = tag;
  v.Value.bin.cb = static_cast<MSLogon_ULONG>(bytes.size());
  v.Value.bin.lpb = bytes.data();
  return v;
}

std::string object_type_name(MSLogon_ULONG type) {
  switch (type) {
    case MSLogon_MAPI_STORE:
      return "MAPI_STORE";
    case MSLogon_MAPI_FOLDER:
      return "MAPI_FOLDER";
    case MSLogon_MAPI_MESSAGE:
      return "MAPI_MESSAGE";
    case MSLogon_MAPI_ATTACH:
      return "MAPI_ATTACH";
    case MSLogon_MAPI_STATUS:
      return "MAPI_STATUS";
    default:
      return fmt("object type %lu", static_cast<unsigned long>(type));
  }
}

// IMsgStore::OpenEntry (lpInterface NULL: the object's own interface), the
// object as interface T; its type checked.
template <typename T>
ComRef<T> open_entry(MSLogon_IMsgStore *store, const std::string &call, EntryId &id,
                     MSLogon_ULONG flags, MSLogon_ULONG expected_type,
                     const std::string &note = "") {
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unknown = nullptr;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_OpenEntry(store, static_cast<MSLogon_ULONG>(id.size()),
                                                   entry_id_ptr(id), nullptr, flags, &type,
                                                   &unknown);
  step(call, hr, MSLogon_S_OK, hr == MSLogon_S_OK ? object_type_name(type) + note : "");
  if (hr == MSLogon_S_OK && (!unknown || type != expected_type))
    mismatch(call, "a " + object_type_name(expected_type));
  return ComRef<T>(reinterpret_cast<T *>(unknown));
}

// SetProps on any IMAPIProp; no problem array expected.
template <typename T>
void set_props(T *object, const std::string &call, std::vector<MSLogon_SPropValue> &values,
               const std::string &note) {
  MSLogon_SPropProblemArray *problems = nullptr;
  MSLogon_HRESULT hr = object->lpVtbl->SetProps(
      object, static_cast<MSLogon_ULONG>(values.size()), values.data(), &problems);
  step(call, hr, MSLogon_S_OK,
       problems ? fmt("%lu problem(s)", static_cast<unsigned long>(problems->cProblem)) : note);
  if (problems) mismatch(call, "no problem array");
  host_free_buffer(problems);
}

std::string messages(MSLogon_ULONG count, MSLogon_ULONG unread, bool subfolders) {
  return fmt("%lu message%s, %lu unread, %s", static_cast<unsigned long>(count),
             count == 1 ? "" : "s", static_cast<unsigned long>(unread),
             subfolders ? "subfolders" : "no subfolders");
}

// What a folder should show.
struct FolderShape {
  const char *name;
  MSLogon_ULONG count;
  MSLogon_ULONG unread;
  bool subfolders;
};

// GetProps(PR_DISPLAY_NAME_W, PR_CONTENT_COUNT, PR_CONTENT_UNREAD,
// PR_SUBFOLDERS) on a folder, shown on one line: with no `call`, as a line of
// the tree (the name in the call column, indented by `depth`).
void show_folder(MSLogon_IMAPIFolder *folder, const std::string &call, int depth,
                 const FolderShape &want) {
  TagList tags = {MSLogon_PR_DISPLAY_NAME_W, MSLogon_PR_CONTENT_COUNT, MSLogon_PR_CONTENT_UNREAD,
                  MSLogon_PR_SUBFOLDERS};
  Values v;
  MSLogon_HRESULT hr = v.get(folder, tags, MSLogon_MAPI_UNICODE);
  std::string name = quoted(text_of(v.find(MSLogon_PR_DISPLAY_NAME_W)).c_str());
  MSLogon_ULONG count = v.ul(MSLogon_PR_CONTENT_COUNT);
  MSLogon_ULONG unread = v.ul(MSLogon_PR_CONTENT_UNREAD);
  const MSLogon_SPropValue *sub = v.find(MSLogon_PR_SUBFOLDERS);
  bool subfolders = sub && sub->Value.b;
  if (call.empty())
    line(std::string(2 * depth, ' ') + name + (depth == 0 ? " (the root)" : ""), hr_name(hr),
         messages(count, unread, subfolders));
  else
    line(call, hr_name(hr), name + ": " + messages(count, unread, subfolders));
  if (hr != MSLogon_S_OK || v.size() != 4 || !sub || name != quoted(want.name) ||
      count != want.count || unread != want.unread || subfolders != want.subfolders)
    mismatch(fmt("GetProps on \"%s\"", want.name),
             fmt("S_OK, \"%s\": ", want.name) + messages(want.count, want.unread, want.subfolders));
}

// After the forcible Logoff: GetProps(NULL, 0) on an object that was open.
// The out-parameters start non-zero: the failing call must zero them.
template <typename T>
void get_props_after_logoff(T *object, const std::string &call) {
  MSLogon_SPropValue untouched = MSLogon_SPropValue();
  MSLogon_ULONG count = 77;
  MSLogon_SPropValue *props = &untouched;
  MSLogon_HRESULT hr = object->lpVtbl->GetProps(object, nullptr, 0, &count, &props);
  step(call, hr, MSLogon_MAPI_E_INVALID_OBJECT,
       fmt("*lpcValues %lu, *lppPropArray %s", static_cast<unsigned long>(count),
           props ? "not NULL" : "NULL"));
  if (count != 0 || props) mismatch(call, "out-parameters zeroed");
  if (props != &untouched) host_free_buffer(props);
}

// IMessage::GetProps(PR_SUBJECT_W), checked to be `want`.
void show_subject(MSLogon_IMessage *message, const char *want, const char *note) {
  TagList tags = {MSLogon_PR_SUBJECT_W};
  Values v;
  MSLogon_HRESULT hr = v.get(message, tags, MSLogon_MAPI_UNICODE);
  std::string subject = text_of(v.find(MSLogon_PR_SUBJECT_W));
  step("IMessage::GetProps(PR_SUBJECT_W, MAPI_UNICODE)", hr, MSLogon_S_OK,
       quoted(subject.c_str()) + (subject == want ? note : ""));
  if (subject != want) mismatch("PR_SUBJECT_W", quoted(want));
}

void part(const char *title) { std::printf("\n   %s\n", title); }

const char kSubject[] = "Minutes of the Tuesday meeting";
const char kUnsaved[] = "Minutes (edited, never saved)";
const char kRecipient[] = "Ada Lovelace";

void object_tree() {
  act(4, "The object tree, a message, and a forcible Logoff",
      "The standard folders, each opened by the entry ID the store gives (no hierarchy\n"
      "   table yet); a message with a recipient and an attachment saved in the Inbox;\n"
      "   then IMSLogon::Logoff while a folder, the message (changed, not saved), an\n"
      "   attachment and the status object are still open.");
  HostSupport support;
  host_support_init(&support);
  HostSupport again;  // the support object of the second logon
  host_support_init(&again);
  const MSLogon_ULONG read_write = MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE;
  MSLogon_HRESULT hr;

  Provider provider = init_provider();
  if (!provider) return;
  Session s = log_on(provider.get(), support,
                     {"IMSProvider::Logon(&support, MDB_WRITE)", 0, nullptr, nullptr,
                      MSLogon_S_OK},
                     read_write);
  if (!s) return;
  MSLogon_IMsgStore *store = s.store.get();

  // ---- a) the tree
  part("a) The folder tree");
  EntryId none;
  Folder root = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(0, NULL, MAPI_MODIFY)", none, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER, ": the root folder");
  EntryId subtree_id, outbox_id, sent_id, deleted_id, inbox_id;
  {
    TagList tags = {MSLogon_PR_IPM_SUBTREE_ENTRYID, MSLogon_PR_IPM_OUTBOX_ENTRYID,
                    MSLogon_PR_IPM_SENTMAIL_ENTRYID, MSLogon_PR_IPM_WASTEBASKET_ENTRYID};
    Values ids;
    hr = ids.get(store, tags, 0);
    step("IMsgStore::GetProps({4 PR_IPM_*_ENTRYID}, 0)", hr, MSLogon_S_OK,
         fmt("%lu values", static_cast<unsigned long>(ids.size())));
    print_values(ids.data(), ids.size());
    subtree_id = entry_id_of(ids.find(MSLogon_PR_IPM_SUBTREE_ENTRYID));
    outbox_id = entry_id_of(ids.find(MSLogon_PR_IPM_OUTBOX_ENTRYID));
    sent_id = entry_id_of(ids.find(MSLogon_PR_IPM_SENTMAIL_ENTRYID));
    deleted_id = entry_id_of(ids.find(MSLogon_PR_IPM_WASTEBASKET_ENTRYID));
  }
  // (An empty ID would open the root folder.)
  if (subtree_id.empty() || outbox_id.empty() || sent_id.empty() || deleted_id.empty())
    return mismatch("IMsgStore::GetProps", "the four PR_IPM_*_ENTRYID values");
  {
    char message_class[] = "IPM.Note";
    MSLogon_ULONG cb = 0;
    MSLogon_ENTRYID *id = nullptr;
    void *explicit_class = nullptr;
    hr = MSLogon_IMsgStore_GetReceiveFolder(store, message_class, 0, &cb, &id, &explicit_class);
    if (id) inbox_id.assign(reinterpret_cast<MSLogon_BYTE *>(id),
                            reinterpret_cast<MSLogon_BYTE *>(id) + cb);
    step("IMsgStore::GetReceiveFolder(\"IPM.Note\", 0)", hr, MSLogon_S_OK,
         fmt("%lu-byte entry ID, explicit class %s", static_cast<unsigned long>(cb),
             quoted(static_cast<char *>(explicit_class)).c_str()));
    host_free_buffer(id);
    host_free_buffer(explicit_class);
  }
  if (inbox_id.empty()) return mismatch("GetReceiveFolder", "the Inbox's entry ID");
  Folder subtree = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(PR_IPM_SUBTREE_ENTRYID)", subtree_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  Folder inbox = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(the receive folder's ID)", inbox_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  Folder outbox = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(PR_IPM_OUTBOX_ENTRYID)", outbox_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  Folder sent = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(PR_IPM_SENTMAIL_ENTRYID)", sent_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  Folder deleted = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(PR_IPM_WASTEBASKET_ENTRYID)", deleted_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  if (!root || !subtree || !inbox || !outbox || !sent || !deleted) return;

  std::printf(
      "\n   IMAPIFolder::GetProps(PR_DISPLAY_NAME_W, PR_CONTENT_COUNT, PR_CONTENT_UNREAD,\n"
      "   PR_SUBFOLDERS) with MAPI_UNICODE, on each:\n");
  show_folder(root.get(), "", 0, {"", 0, 0, true});
  show_folder(subtree.get(), "", 1, {"Top of Information Store", 0, 0, true});
  show_folder(inbox.get(), "", 2, {"Inbox", 0, 0, false});
  show_folder(outbox.get(), "", 2, {"Outbox", 0, 0, false});
  show_folder(sent.get(), "", 2, {"Sent Items", 0, 0, false});
  show_folder(deleted.get(), "", 2, {"Deleted Items", 0, 0, false});
  std::printf("\n");
  {
    // Every folder but the Inbox goes: one reference each, the last.
    Folder *done[] = {&root, &subtree, &outbox, &sent, &deleted};
    bool all_zero = true;
    for (Folder *f : done) {
      MSLogon_IMAPIFolder *p = f->detach();
      all_zero = MSLogon_IMAPIFolder_Release(p) == 0 && all_zero;
    }
    observe("IMAPIFolder::Release, all but the Inbox", all_zero ? "-> 0 each" : "not all 0",
            all_zero, "-> 0 each");
  }

  // ---- b) a message
  part("b) A message in the Inbox");
  Message message;
  hr = MSLogon_IMAPIFolder_CreateMessage(inbox.get(), nullptr, 0, message.put());
  step("IMAPIFolder::CreateMessage(NULL, 0)", hr, MSLogon_S_OK, "in the Inbox");
  if (!message) return;
  {
    std::vector<MSLogon_WCHAR> subject = wide(kSubject);
    std::vector<MSLogon_WCHAR> body = wide("1. The object tree.\r\n2. The forcible Logoff.\r\n");
    std::vector<MSLogon_WCHAR> message_class = wide("IPM.Note");
    std::vector<MSLogon_SPropValue> values = {
        unicode_value(MSLogon_PR_SUBJECT_W, subject), unicode_value(MSLogon_PR_BODY_W, body),
        unicode_value(MSLogon_PR_MESSAGE_CLASS_W, message_class)};
    set_props(message.get(), "IMessage::SetProps({3 values})", values,
              "PR_SUBJECT_W, PR_BODY_W, PR_MESSAGE_CLASS_W \"IPM.Note\"");
  }
  {
    // The recipient list as MAPI hands it over: the ADRLIST and each entry's
    // values in their own MAPIAllocateBuffer buffers (FreePadrlist frees them).
    std::vector<MSLogon_WCHAR> name = wide(kRecipient);
    std::vector<MSLogon_WCHAR> type = wide("SMTP");
    std::vector<MSLogon_WCHAR> address = wide("ada@example.com");
    void *list_buffer = nullptr;
    void *values_buffer = nullptr;
    host_allocate_buffer(sizeof(MSLogon_ADRLIST), &list_buffer);
    host_allocate_buffer(4 * sizeof(MSLogon_SPropValue), &values_buffer);
    if (!list_buffer || !values_buffer) return;
    MSLogon_SPropValue *recipient = static_cast<MSLogon_SPropValue *>(values_buffer);
    recipient[0] = unicode_value(MSLogon_PR_DISPLAY_NAME_W, name);
    recipient[1] = unicode_value(MSLogon_PR_ADDRTYPE_W, type);
    recipient[2] = unicode_value(MSLogon_PR_EMAIL_ADDRESS_W, address);
    recipient[3] = long_value(MSLogon_PR_RECIPIENT_TYPE, MSLogon_MAPI_TO);
    MSLogon_ADRLIST *list = static_cast<MSLogon_ADRLIST *>(list_buffer);
    list->cEntries = 1;
    list->aEntries[0].ulReserved1 = 0;
    list->aEntries[0].cValues = 4;
    list->aEntries[0].rgPropVals = recipient;
    hr = MSLogon_IMessage_ModifyRecipients(message.get(), 0, list);
    step("IMessage::ModifyRecipients(0, {1 entry})", hr, MSLogon_S_OK,
         "MAPI_TO " + quoted(kRecipient) + " <ada@example.com>");
    host_free_buffer(list->aEntries[0].rgPropVals);
    host_free_buffer(list);
  }
  MSLogon_ULONG attach_number = 77;
  {
    Attach attach;
    hr = MSLogon_IMessage_CreateAttach(message.get(), nullptr, 0, &attach_number, attach.put());
    step("IMessage::CreateAttach(NULL, 0)", hr, MSLogon_S_OK,
         fmt("attachment number %lu", static_cast<unsigned long>(attach_number)));
    if (!attach) return;
    std::vector<MSLogon_WCHAR> file_name = wide("minutes.txt");
    const char text[] = "Present: Ada, Charles.\n";
    std::vector<MSLogon_BYTE> data(text, text + sizeof text - 1);
    std::vector<MSLogon_SPropValue> values = {
        unicode_value(MSLogon_PR_ATTACH_FILENAME_W, file_name),
        binary_value(MSLogon_PR_ATTACH_DATA_BIN, data)};
    set_props(attach.get(), "IAttach::SetProps({2 values})", values,
              fmt("PR_ATTACH_FILENAME_W \"minutes.txt\", PR_ATTACH_DATA_BIN %zu bytes",
                  data.size()));
    step("IAttach::SaveChanges(0)", MSLogon_IAttach_SaveChanges(attach.get(), 0), MSLogon_S_OK,
         "into the message, not stored yet");
    release("IAttach::Release", attach, 0);
  }
  step("IMessage::SaveChanges(KEEP_OPEN_READWRITE)",
       MSLogon_IMessage_SaveChanges(message.get(), MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK,
       "stored in the Inbox");
  EntryId message_id;
  {
    TagList tags = {MSLogon_PR_ENTRYID};
    Values v;
    hr = v.get(message.get(), tags, 0);
    message_id = entry_id_of(v.find(MSLogon_PR_ENTRYID));
    step("IMessage::GetProps(PR_ENTRYID)", hr, MSLogon_S_OK,
         fmt("%zu-byte entry ID", message_id.size()));
  }
  release("IMessage::Release", message, 0);

  message = open_entry<MSLogon_IMessage>(store, "IMsgStore::OpenEntry(PR_ENTRYID, MAPI_MODIFY)",
                                         message_id, MSLogon_MAPI_MODIFY, MSLogon_MAPI_MESSAGE,
                                         ": the message, reopened");
  if (!message) return;
  {
    TagList tags = {MSLogon_PR_SUBJECT_W, MSLogon_PR_DISPLAY_TO_W, MSLogon_PR_MESSAGE_SIZE,
                    MSLogon_PR_HASATTACH};
    Values v;
    hr = v.get(message.get(), tags, MSLogon_MAPI_UNICODE);
    step("IMessage::GetProps({4 tags}, MAPI_UNICODE)", hr, MSLogon_S_OK,
         fmt("%lu values", static_cast<unsigned long>(v.size())));
    print_values(v.data(), v.size());
    const MSLogon_SPropValue *has_attach = v.find(MSLogon_PR_HASATTACH);
    if (text_of(v.find(MSLogon_PR_SUBJECT_W)) != kSubject ||
        text_of(v.find(MSLogon_PR_DISPLAY_TO_W)) != kRecipient ||
        v.ul(MSLogon_PR_MESSAGE_SIZE) == 0 || !has_attach || !has_attach->Value.b)
      mismatch("the reopened message",
               "the subject saved, PR_DISPLAY_TO " + quoted(kRecipient) +
                   ", a size, PR_HASATTACH TRUE");
  }
  show_folder(inbox.get(), "IMAPIFolder::GetProps (the Inbox, again)", 0, {"Inbox", 1, 1, false});

  // ---- c) the forcible Logoff
  part("c) A forcible Logoff, four objects open");
  Attach attach;
  hr = MSLogon_IMessage_OpenAttach(message.get(), attach_number, nullptr, MSLogon_MAPI_MODIFY,
                                   attach.put());
  step(fmt("IMessage::OpenAttach(%lu, NULL, MAPI_MODIFY)",
           static_cast<unsigned long>(attach_number)),
       hr, MSLogon_S_OK);
  Status status;
  {
    MSLogon_ULONG type = 0;
    void *entry = nullptr;
    hr = MSLogon_IMSLogon_OpenStatusEntry(s.logon.get(), nullptr, 0, &type, &entry);
    status = Status(static_cast<MSLogon_IMAPIStatus *>(entry));
    step("IMSLogon::OpenStatusEntry(NULL, 0)", hr, MSLogon_S_OK,
         hr == MSLogon_S_OK ? object_type_name(type) : "");
    if (hr == MSLogon_S_OK && type != MSLogon_MAPI_STATUS)
      mismatch("OpenStatusEntry", "a MAPI_STATUS object");
  }
  if (!attach || !status) return;
  step("IMAPIStatus::ValidateState(0, 0)", MSLogon_IMAPIStatus_ValidateState(status.get(), 0, 0),
       MSLogon_S_OK, "the store is usable");
  {
    std::vector<MSLogon_WCHAR> subject = wide(kUnsaved);
    std::vector<MSLogon_SPropValue> values = {unicode_value(MSLogon_PR_SUBJECT_W, subject)};
    set_props(message.get(), "IMessage::SetProps(PR_SUBJECT_W)", values,
              quoted(kUnsaved) + ", not saved");
  }
  show_subject(message.get(), kUnsaved, ": in this open copy only");

  MSLogon_ULONG flags = 0;
  hr = MSLogon_IMSLogon_Logoff(s.logon.get(), &flags);
  step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(support));
  if (support.releases != 1) mismatch("Logoff", "the support object released once");
  get_props_after_logoff(inbox.get(), "IMAPIFolder::GetProps(NULL, 0) (the Inbox)");
  get_props_after_logoff(message.get(), "IMessage::GetProps(NULL, 0)");
  get_props_after_logoff(attach.get(), "IAttach::GetProps(NULL, 0)");
  get_props_after_logoff(status.get(), "IMAPIStatus::GetProps(NULL, 0)");
  step("IMAPIStatus::ValidateState(0, 0)", MSLogon_IMAPIStatus_ValidateState(status.get(), 0, 0),
       MSLogon_MAPI_E_INVALID_OBJECT);
  release("IMAPIFolder::Release (the Inbox)", inbox, 0);
  release("IMessage::Release", message, 0);
  release("IAttach::Release", attach, 0);
  release("IMAPIStatus::Release", status, 0);
  release("IMSLogon::Release", s.logon, 0);
  release("IMsgStore::Release", s.store, 0);
  act_end(support);

  // ---- d) what was saved
  part("d) A new logon on the same provider: what was saved, and only that");
  Session s2 = log_on(provider.get(), again,
                      {"IMSProvider::Logon(&support, MDB_WRITE)", 0, nullptr, nullptr,
                       MSLogon_S_OK},
                      read_write);
  if (!s2) return;
  Message saved = open_entry<MSLogon_IMessage>(
      s2.store.get(), "IMsgStore::OpenEntry(PR_ENTRYID, 0)", message_id, 0, MSLogon_MAPI_MESSAGE);
  if (!saved) return;
  show_subject(saved.get(), kSubject, ": the saved one");
  release("IMessage::Release", saved, 0);
  hr = logoff(s2.logon.get(), 0);
  step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(again));
  release("IMSLogon::Release", s2.logon, 0);
  release("IMsgStore::Release", s2.store, 0);
  shut_down(provider);
  act_end(again);
}

// ---- 5. tables and notifications ------------------------------------------

typedef ComRef<MSLogon_IMAPITable> Table;

// PR_IMPORTANCE values (IMPORTANCE_* of mapitags.h).
const MSLogon_LONG kLow = 0;
const MSLogon_LONG kNormal = 1;
const MSLogon_LONG kHigh = 2;

const char *importance_name(MSLogon_LONG v) {
  return v == kLow ? "IMPORTANCE_LOW"
         : v == kNormal ? "IMPORTANCE_NORMAL"
         : v == kHigh   ? "IMPORTANCE_HIGH"
                        : "IMPORTANCE_?";
}

// PR_MESSAGE_DELIVERY_TIME: a FILETIME, 100 ns ticks since 1601-01-01 UTC.
// Days between 1970-01-01 and a date, and back (H. Hinnant's civil
// algorithms, proleptic Gregorian).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

const unsigned long long kTicksPerMinute = 600000000ull;
const long kDays1601To1970 = 134774;

// 2024-03-`day` `hour`:`minute` UTC, the month of every message here.
MSLogon_FILETIME march_2024(unsigned day, unsigned hour, unsigned minute) {
  const unsigned long long minutes =
      static_cast<unsigned long long>(days_from_civil(2024, 3, day) + kDays1601To1970) * 1440 +
      hour * 60 + minute;
  const unsigned long long ticks = minutes * kTicksPerMinute;
  MSLogon_FILETIME ft;
  ft.dwLowDateTime = static_cast<MSLogon_DWORD>(ticks & 0xFFFFFFFFu);
  ft.dwHighDateTime = static_cast<MSLogon_DWORD>(ticks >> 32);
  return ft;
}

// A FILETIME as "YYYY-MM-DD hh:mm UTC" (with `seconds`, "hh:mm:ss").
std::string time_text(const MSLogon_FILETIME &ft, bool seconds = false) {
  const unsigned long long ticks =
      (static_cast<unsigned long long>(ft.dwHighDateTime) << 32) | ft.dwLowDateTime;
  const unsigned long long minutes = ticks / kTicksPerMinute;
  const std::string ss =
      seconds ? fmt(":%02u", static_cast<unsigned>(ticks / 10000000ull % 60)) : "";
  long z = static_cast<long>(minutes / 1440) - kDays1601To1970 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  return fmt("%04ld-%02u-%02u %02u:%02u%s UTC", y, m, d,
             static_cast<unsigned>(minutes % 1440 / 60), static_cast<unsigned>(minutes % 60),
             ss.c_str());
}

// A message the act creates.
struct MessageSpec {
  const char *subject;
  MSLogon_LONG importance;
  unsigned day, hour, minute;  // delivered 2024-03-day hour:minute UTC
  bool read;
};

const MessageSpec kInboxMessages[] = {
    {"Quarterly report draft", kHigh, 4, 9, 15, false},
    {"Lunch on Friday?", kNormal, 4, 12, 30, true},
    {"Weekly status REPORT", kNormal, 5, 8, 0, false},
    {"Travel report: Lisbon", kLow, 1, 17, 45, true},
    {"Server maintenance window", kHigh, 5, 22, 0, false},
};
const MessageSpec kProjectMessages[] = {
    {"Kickoff agenda", kNormal, 2, 10, 0, true},
    {"Budget v2", kHigh, 3, 16, 20, false},
};
const MessageSpec kDesignMessages[] = {
    {"Wireframes, round 2", kNormal, 4, 14, 5, false},
};
const MessageSpec kIncident = {"Incident report: printer on fire", kNormal, 6, 7, 40, false};

// What the host knows by name: entry IDs (folders, messages) and the
// contents table's PR_INSTANCE_KEYs (rows), kept from QueryRows and from
// the notifications, as a client keeps its copy of a table up to date.
struct Names {
  std::vector<std::pair<EntryId, std::string> > ids;
  std::vector<std::pair<EntryId, std::string> > keys;

  static std::string find(const std::vector<std::pair<EntryId, std::string> > &in,
                          const EntryId &what) {
    for (size_t i = 0; i < in.size(); i++)
      if (in[i].first == what) return in[i].second;
    return "";
  }
  static void set(std::vector<std::pair<EntryId, std::string> > &in, const EntryId &what,
                  const std::string &name) {
    for (size_t i = 0; i < in.size(); i++)
      if (in[i].first == what) {
        in[i].second = name;
        return;
      }
    in.push_back(std::make_pair(what, name));
  }
  std::string id(const EntryId &what) const {
    std::string name = find(ids, what);
    return name.empty() ? fmt("an unknown %zu-byte entry ID", what.size()) : name;
  }
  std::string row(const EntryId &key) const {
    std::string name = find(keys, key);
    return name.empty() ? "an unknown row" : quoted(name.c_str());
  }
};

// One notification, copied inside OnNotify: the NOTIFICATION array is the
// library's, valid for the length of the call only.
struct Event {
  MSLogon_ULONG type;         // ulEventType: fnev*
  MSLogon_ULONG table_event;  // fnevTableModified: TABLE_*
  EntryId index;              // the row's PR_INSTANCE_KEY
  bool first;                 // propPrior is PR_NULL: the row is first
  EntryId prior;              // else the PR_INSTANCE_KEY of the row before it
  bool has_subject;           // the row carries PR_SUBJECT_W
  std::string subject;
  MSLogon_ULONG object_type;  // fnevObject*: MAPI_MESSAGE, MAPI_FOLDER
  EntryId entry_id, parent_id;
  bool reentered;             // OnNotify called back into the table:
  MSLogon_HRESULT reenter_hr;  // GetRowCount's answer
  MSLogon_ULONG reenter_count;
};

EntryId bytes_of(const MSLogon_ENTRYID *p, MSLogon_ULONG cb) {
  const MSLogon_BYTE *b = reinterpret_cast<const MSLogon_BYTE *>(p);
  return b ? EntryId(b, b + cb) : EntryId();
}

// The host's IMAPIAdviseSink: counts its references and keeps a copy of
// every notification it receives.
class DemoSink {
 public:
  DemoSink() : reenter(nullptr), refs_(1), calls_(0) {
    shell_.iface.lpVtbl = &vtbl;
    shell_.owner = this;
  }
  DemoSink(const DemoSink &) = delete;
  DemoSink &operator=(const DemoSink &) = delete;

  MSLogon_IMAPIAdviseSink *iface() { return &shell_.iface; }
  long refs() const { return refs_; }
  long calls() const { return calls_; }
  // When set, OnNotify calls back into this table (GetRowCount) for each
  // table notification: the library holds no lock while it calls a sink.
  MSLogon_IMAPITable *reenter;

  // The notifications received since the last take().
  std::vector<Event> take() {
    std::vector<Event> out;
    out.swap(events_);
    return out;
  }

 private:
  // The interface pointer the library holds, and the way back.
  struct Shell {
    MSLogon_IMAPIAdviseSink iface;
    DemoSink *owner;
  };
  static DemoSink &of(MSLogon_IMAPIAdviseSink *This) {
    return *reinterpret_cast<Shell *>(This)->owner;
  }

  static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE QueryInterface(MSLogon_IMAPIAdviseSink *This,
                                                                  const MSLogon_IID *riid,
                                                                  void **ppv) {
    if (!ppv) return MSLogon_MAPI_E_INVALID_PARAMETER;
    *ppv = nullptr;
    if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
    if (std::memcmp(riid, &host_IID_IUnknown, sizeof *riid) != 0 &&
        std::memcmp(riid, &host_IID_IMAPIAdviseSink, sizeof *riid) != 0)
      return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
    AddRef(This);
    *ppv = This;
    return MSLogon_S_OK;
  }
  static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE AddRef(MSLogon_IMAPIAdviseSink *This) {
    return static_cast<MSLogon_ULONG>(++of(This).refs_);
  }
  static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE Release(MSLogon_IMAPIAdviseSink *This) {
    long left = --of(This).refs_;
    return static_cast<MSLogon_ULONG>(left < 0 ? 0 : left);
  }
  static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE OnNotify(MSLogon_IMAPIAdviseSink *This,
                                                          MSLogon_ULONG count, void *p) {
    DemoSink &sink = of(This);
    sink.calls_++;
    const MSLogon_NOTIFICATION *n = static_cast<const MSLogon_NOTIFICATION *>(p);
    for (MSLogon_ULONG i = 0; n && i < count; i++) {
      Event e = copy(n[i]);
      if (sink.reenter && e.type == MSLogon_fnevTableModified) {
        e.reentered = true;
        e.reenter_hr = MSLogon_IMAPITable_GetRowCount(sink.reenter, 0, &e.reenter_count);
      }
      sink.events_.push_back(e);
    }
    return 0;
  }

  static Event copy(const MSLogon_NOTIFICATION &n) {
    Event e = Event();
    e.type = n.ulEventType;
    if (n.ulEventType == MSLogon_fnevTableModified) {
      const MSLogon_TABLE_NOTIFICATION &t = n.info.tab;
      e.table_event = t.ulTableEvent;
      if (t.propIndex.ulPropTag == MSLogon_PR_INSTANCE_KEY)
        e.index = entry_id_of(&t.propIndex);
      e.first = t.propPrior.ulPropTag == MSLogon_PR_NULL;
      if (t.propPrior.ulPropTag == MSLogon_PR_INSTANCE_KEY) e.prior = entry_id_of(&t.propPrior);
      for (MSLogon_ULONG c = 0; t.row.lpProps && c < t.row.cValues; c++)
        if (t.row.lpProps[c].ulPropTag == MSLogon_PR_SUBJECT_W) {
          e.has_subject = true;
          e.subject = text_of(&t.row.lpProps[c]);
        }
    } else {
      const MSLogon_OBJECT_NOTIFICATION &o = n.info.obj;
      e.object_type = o.ulObjType;
      e.entry_id = bytes_of(o.lpEntryID, o.cbEntryID);
      e.parent_id = bytes_of(o.lpParentID, o.cbParentID);
    }
    return e;
  }

  static const MSLogon_IMAPIAdviseSinkVtbl vtbl;
  Shell shell_;
  long refs_;
  long calls_;
  std::vector<Event> events_;
};

const MSLogon_IMAPIAdviseSinkVtbl DemoSink::vtbl = {DemoSink::QueryInterface, DemoSink::AddRef,
                                                    DemoSink::Release, DemoSink::OnNotify};

std::string event_name(const Event &e) {
  switch (e.type) {
    case MSLogon_fnevTableModified:
      switch (e.table_event) {
        case MSLogon_TABLE_ROW_ADDED:
          return "TABLE_ROW_ADDED";
        case MSLogon_TABLE_ROW_MODIFIED:
          return "TABLE_ROW_MODIFIED";
        case MSLogon_TABLE_ROW_DELETED:
          return "TABLE_ROW_DELETED";
        case MSLogon_TABLE_RELOAD:
          return "TABLE_RELOAD";
        case MSLogon_TABLE_CHANGED:
          return "TABLE_CHANGED";
        default:
          return fmt("table event %lu", static_cast<unsigned long>(e.table_event));
      }
    case MSLogon_fnevObjectCreated:
      return "fnevObjectCreated";
    case MSLogon_fnevObjectModified:
      return "fnevObjectModified";
    case MSLogon_fnevObjectDeleted:
      return "fnevObjectDeleted";
    case MSLogon_fnevObjectMoved:
      return "fnevObjectMoved";
    case MSLogon_fnevObjectCopied:
      return "fnevObjectCopied";
    default:
      return fmt("event 0x%08lX", static_cast<unsigned long>(e.type));
  }
}

std::string notified(const std::vector<Event> &table, const std::vector<Event> &store) {
  return fmt("notified before it returned: table sink %zu, store sink %zu", table.size(),
             store.size());
}

// The notifications a sink received during the last call, one line each;
// the rows added or changed go into the host's copy (names.keys).
void show_events(const std::vector<Event> &events, const char *sink, Names &names) {
  for (const Event &e : events) {
    std::string note;
    if (e.type == MSLogon_fnevTableModified) {
      bool changed =
          e.table_event == MSLogon_TABLE_ROW_ADDED || e.table_event == MSLogon_TABLE_ROW_MODIFIED;
      if (changed && e.has_subject) Names::set(names.keys, e.index, e.subject);
      if (changed || e.table_event == MSLogon_TABLE_ROW_DELETED) note = names.row(e.index);
      if (changed)
        note += e.first ? ", first (propPrior PR_NULL)" : ", after " + names.row(e.prior);
    } else {
      note = (e.object_type == MSLogon_MAPI_MESSAGE ? "message " : "folder ") +
             names.id(e.entry_id) + " in " + names.id(e.parent_id);
    }
    line(fmt("  -> OnNotify (%s)", sink), event_name(e), note);
    if (e.reentered) {
      line("       -> IMAPITable::GetRowCount(0)", hr_name(e.reenter_hr),
           fmt("%lu rows: called back from OnNotify, no deadlock",
               static_cast<unsigned long>(e.reenter_count)));
      if (e.reenter_hr != MSLogon_S_OK)
        mismatch("GetRowCount from inside OnNotify", "S_OK: no lock held during delivery");
    }
  }
}

// A column of a row, by tag; NULL when absent (or a PT_ERROR in its place).
const MSLogon_SPropValue *column(const MSLogon_SRow &row, MSLogon_ULONG tag) {
  for (MSLogon_ULONG c = 0; row.lpProps && c < row.cValues; c++)
    if (row.lpProps[c].ulPropTag == tag) return &row.lpProps[c];
  return nullptr;
}

// The rows one QueryRows returned, freed as MAPI's FreeProws does: each
// row's values, then the set (MAPIFreeBuffer).
class Rows {
 public:
  Rows() : set_(nullptr) {}
  ~Rows() { reset(); }
  Rows(const Rows &) = delete;
  Rows &operator=(const Rows &) = delete;

  MSLogon_SRowSet **put() {
    reset();
    return &set_;
  }
  void clear() { reset(); }
  MSLogon_ULONG size() const { return set_ ? set_->cRows : 0; }
  const MSLogon_SRow &operator[](MSLogon_ULONG i) const { return *(&set_->aRow[0] + i); }
  // The row whose PR_INSTANCE_KEY is `key`, or size().
  MSLogon_ULONG find(const EntryId &key) const {
    for (MSLogon_ULONG r = 0; r < size(); r++)
      if (entry_id_of(column((*this)[r], MSLogon_PR_INSTANCE_KEY)) == key) return r;
    return size();
  }

 private:
  void reset() {
    if (!set_) return;
    for (MSLogon_ULONG r = 0; r < set_->cRows; r++)
      host_free_buffer((&set_->aRow[0] + r)->lpProps);
    host_free_buffer(set_);
    set_ = nullptr;
  }
  MSLogon_SRowSet *set_;
};

// SeekRow(BOOKMARK_BEGINNING) and QueryRows of every row, each call shown.
void query_all(MSLogon_IMAPITable *table, Rows &rows) {
  MSLogon_LONG sought = -1;
  step("IMAPITable::SeekRow(BOOKMARK_BEGINNING, 0)",
       MSLogon_IMAPITable_SeekRow(table, MSLogon_BOOKMARK_BEGINNING, 0, &sought), MSLogon_S_OK);
  MSLogon_HRESULT hr = MSLogon_IMAPITable_QueryRows(table, 50, 0, rows.put());
  step("IMAPITable::QueryRows(50, 0)", hr, MSLogon_S_OK,
       fmt("%lu rows", static_cast<unsigned long>(rows.size())));
}

// The contents table's rows, one a line: subject, importance, delivery
// time; their PR_INSTANCE_KEYs go into the host's copy. Checked to be
// `want`, in that order.
void show_contents(const Rows &rows, Names &names, std::initializer_list<const char *> want) {
  std::vector<std::string> got;
  for (MSLogon_ULONG r = 0; r < rows.size(); r++) {
    const MSLogon_SRow &row = rows[r];
    std::string subject = text_of(column(row, MSLogon_PR_SUBJECT_W));
    const MSLogon_SPropValue *importance = column(row, MSLogon_PR_IMPORTANCE);
    const MSLogon_SPropValue *time = column(row, MSLogon_PR_MESSAGE_DELIVERY_TIME);
    Names::set(names.keys, entry_id_of(column(row, MSLogon_PR_INSTANCE_KEY)), subject);
    line("    " + quoted(subject.c_str()), importance ? importance_name(importance->Value.l) : "-",
         time ? time_text(time->Value.ft) : "-");
    got.push_back(subject);
  }
  std::vector<std::string> expected(want.begin(), want.end());
  if (got != expected) {
    std::string order;
    for (const std::string &s : expected) order += (order.empty() ? "" : ", ") + quoted(s.c_str());
    mismatch("the contents table's rows", order);
  }
}

// A message in `folder`, saved: CreateMessage, SetProps (subject,
// importance, delivery time, and MSGFLAG_READ when read), SaveChanges,
// GetProps(PR_ENTRYID), Release, shown on one line. Its entry ID goes into
// names.ids.
void make_message(MSLogon_IMAPIFolder *folder, const char *where, const MessageSpec &spec,
                  Names &names) {
  const char *failed = nullptr;
  MSLogon_HRESULT hr;
  Message message;
  EntryId id;
  hr = MSLogon_IMAPIFolder_CreateMessage(folder, nullptr, 0, message.put());
  if (hr != MSLogon_S_OK || !message) {
    failed = "CreateMessage";
  } else {
    std::vector<MSLogon_WCHAR> subject = wide(spec.subject);
    std::vector<MSLogon_SPropValue> values = {
        unicode_value(MSLogon_PR_SUBJECT_W, subject),
        long_value(MSLogon_PR_IMPORTANCE, static_cast<MSLogon_ULONG>(spec.importance)),
        long_value(MSLogon_PR_MESSAGE_FLAGS, spec.read ? MSLogon_MSGFLAG_READ : 0)};
    MSLogon_SPropValue when = MSLogon_SPropValue();
    when.ulPropTag = MSLogon_PR_MESSAGE_DELIVERY_TIME;
    when.Value.ft = march_2024(spec.day, spec.hour, spec.minute);
    values.push_back(when);
    MSLogon_SPropProblemArray *problems = nullptr;
    hr = MSLogon_IMessage_SetProps(message.get(), static_cast<MSLogon_ULONG>(values.size()),
                                   values.data(), &problems);
    if (problems) hr = MSLogon_MAPI_W_ERRORS_RETURNED;
    host_free_buffer(problems);
    if (hr != MSLogon_S_OK) failed = "SetProps";
  }
  if (!failed) {
    hr = MSLogon_IMessage_SaveChanges(message.get(), MSLogon_KEEP_OPEN_READONLY);
    if (hr != MSLogon_S_OK) failed = "SaveChanges";
  }
  if (!failed) {
    TagList tags = {MSLogon_PR_ENTRYID};
    Values v;
    hr = v.get(message.get(), tags, 0);
    id = entry_id_of(v.find(MSLogon_PR_ENTRYID));
    if (hr != MSLogon_S_OK || id.empty()) failed = "GetProps(PR_ENTRYID)";
  }
  MSLogon_IMessage *p = message.detach();
  if (p && MSLogon_IMessage_Release(p) != 0 && !failed) failed = "Release";
  line("    " + quoted(spec.subject), failed ? fmt("%s: %s", failed, hr_name(hr)) : "S_OK",
       fmt("%s, %s, %s", where, importance_name(spec.importance),
           spec.read ? "read" : "unread"));
  if (failed) mismatch(fmt("%s of \"%s\"", failed, spec.subject), "S_OK");
  Names::set(names.ids, id, quoted(spec.subject));
}

// IMAPIFolder::CreateFolder(FOLDER_GENERIC, name, NULL, MAPI_UNICODE); its
// entry ID goes into names.ids.
Folder create_folder(MSLogon_IMAPIFolder *parent, const char *parent_name, const char *name,
                     Names &names) {
  Folder folder;
  std::vector<MSLogon_WCHAR> wname = wide(name);
  MSLogon_HRESULT hr = MSLogon_IMAPIFolder_CreateFolder(
      parent, MSLogon_FOLDER_GENERIC, wname.data(), nullptr, nullptr, MSLogon_MAPI_UNICODE,
      folder.put());
  step(fmt("IMAPIFolder::CreateFolder(GENERIC, \"%s\")", name), hr, MSLogon_S_OK,
       fmt("in \"%s\"", parent_name));
  if (!folder) return folder;
  TagList tags = {MSLogon_PR_ENTRYID};
  Values v;
  if (v.get(folder.get(), tags, 0) == MSLogon_S_OK)
    Names::set(names.ids, entry_id_of(v.find(MSLogon_PR_ENTRYID)), quoted(name));
  return folder;
}

// A row of the hierarchy table, as it should be.
struct TreeRow {
  const char *name;
  const char *parent;  // "" at depth 0 (the root's children)
  MSLogon_ULONG depth, count, unread;
  bool subfolders;
};

const char kTop[] = "Top of Information Store";
const TreeRow kTree[] = {
    {kTop, "", 0, 0, 0, true},
    {"Inbox", kTop, 1, 5, 3, false},
    {"Outbox", kTop, 1, 0, 0, false},
    {"Sent Items", kTop, 1, 0, 0, false},
    {"Deleted Items", kTop, 1, 0, 0, false},
    {"Projects", kTop, 1, 2, 1, true},
    {"Design", "Projects", 2, 1, 1, false},
    {"Launch", "Projects", 2, 0, 0, false},
    {"Views", "", 0, 0, 0, false},
    {"Common Views", "", 0, 0, 0, false},
};

// The hierarchy table's rows as a tree (indented by PR_DEPTH), each
// checked against kTree: its depth, counts, and its parent (the nearest
// row above it one level up: CONVENIENT_DEPTH lists depth first).
void show_tree(const Rows &rows) {
  const size_t expected = sizeof kTree / sizeof kTree[0];
  std::vector<std::string> path;  // the names above the current row, by depth
  std::vector<int> seen(expected, 0);
  for (MSLogon_ULONG r = 0; r < rows.size(); r++) {
    const MSLogon_SRow &row = rows[r];
    std::string name = text_of(column(row, MSLogon_PR_DISPLAY_NAME_W));
    const MSLogon_SPropValue *depth_v = column(row, MSLogon_PR_DEPTH);
    const MSLogon_SPropValue *sub_v = column(row, MSLogon_PR_SUBFOLDERS);
    const MSLogon_SPropValue *count_v = column(row, MSLogon_PR_CONTENT_COUNT);
    const MSLogon_SPropValue *unread_v = column(row, MSLogon_PR_CONTENT_UNREAD);
    MSLogon_ULONG depth = depth_v ? depth_v->Value.ul : 0;
    MSLogon_ULONG count = count_v ? count_v->Value.ul : 0;
    MSLogon_ULONG unread = unread_v ? unread_v->Value.ul : 0;
    bool subfolders = sub_v && sub_v->Value.b;
    line(std::string(2 + 2 * (depth < 8 ? depth : 8), ' ') + quoted(name.c_str()),
         fmt("PR_DEPTH %lu", static_cast<unsigned long>(depth)),
         messages(count, unread, subfolders));
    if (depth <= path.size()) path.resize(depth);
    std::string parent = depth == 0 ? "" : depth == path.size() ? path.back() : "(no row above)";
    path.push_back(name);

    size_t k = 0;
    while (k < expected && name != kTree[k].name) k++;
    if (k == expected) {
      mismatch(fmt("hierarchy row \"%s\"", name.c_str()), "no such folder");
      continue;
    }
    const TreeRow &want = kTree[k];
    seen[k]++;
    if (!depth_v || !sub_v || !count_v || !unread_v || depth != want.depth ||
        parent != want.parent || count != want.count || unread != want.unread ||
        subfolders != want.subfolders)
      mismatch(fmt("hierarchy row \"%s\"", name.c_str()),
               fmt("PR_DEPTH %lu under \"%s\", ", static_cast<unsigned long>(want.depth),
                   want.parent) +
                   messages(want.count, want.unread, want.subfolders));
  }
  for (size_t k = 0; k < expected; k++)
    if (seen[k] != 1)
      mismatch(fmt("the hierarchy table's \"%s\"", kTree[k].name),
               "exactly one row, seen " + times(seen[k]));
}

// After a TABLE_ROW_ADDED or _MODIFIED (`e`): QueryRows shows the row
// right after the row propPrior names, or first when propPrior is PR_NULL.
void check_position(const Rows &rows, const std::vector<Event> &events, const char *what) {
  if (events.size() != 1) return;  // already a mismatch
  const Event &e = events[0];
  MSLogon_ULONG at = rows.find(e.index);
  bool ok = !e.index.empty() && at < rows.size() &&
            (e.first ? at == 0 : at > 0 && rows.find(e.prior) == at - 1);
  observe(fmt("  the %s row, where propPrior put it", what),
          at < rows.size() ? fmt("row %lu of %lu", static_cast<unsigned long>(at + 1),
                                 static_cast<unsigned long>(rows.size()))
                           : "not found",
          ok, e.first ? "the first row" : "the row right after the one propPrior names");
}

// What arrived at the table's sink and the store's sink during the last
// call, shown; checked to be the table event `table_event` (0: none) for
// the row `key` (empty: any), and the object event `object_event` for
// `entry_id` in the Inbox.
struct Expected {
  MSLogon_ULONG table_event;
  MSLogon_ULONG object_event;
  const EntryId *entry_id;
  const EntryId *key;
};

void check_events(const std::vector<Event> &table_events, const std::vector<Event> &store_events,
                  const std::string &call, const Expected &want, const EntryId &inbox_id) {
  size_t rows = 0;
  for (const Event &e : table_events)
    if (e.type == MSLogon_fnevTableModified && e.table_event == want.table_event &&
        (!want.key || e.index == *want.key))
      rows++;
  Event shape = Event();
  shape.type = MSLogon_fnevTableModified;
  shape.table_event = want.table_event;
  if (table_events.size() != (want.table_event ? 1u : 0u) || rows != table_events.size())
    mismatch(call + ": the table's sink",
             want.table_event ? "exactly one " + event_name(shape) + " for the row"
                              : "no notification");
  size_t objects = 0;
  for (const Event &e : store_events)
    if (e.type == want.object_event && e.object_type == MSLogon_MAPI_MESSAGE &&
        e.entry_id == *want.entry_id && e.parent_id == inbox_id)
      objects++;
  shape.type = want.object_event;
  if (objects != 1)
    mismatch(call + ": the store's sink",
             "exactly one " + event_name(shape) + " for the message, in the Inbox");
}

void tables_and_notifications() {
  act(5, "Tables and notifications",
      "A folder tree shown through the root's hierarchy table; the Inbox's contents\n"
      "   table sorted and restricted; then, with advise sinks on that table and on the\n"
      "   store, a message created, changed and deleted: each change reaches both sinks\n"
      "   before the call that made it returns.");
  HostSupport support;
  host_support_init(&support);
  const MSLogon_ULONG read_write = MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE;
  MSLogon_HRESULT hr;
  Names names;
  // Before the provider and the logon: if the act stops early, the library
  // releases the sinks (at Logoff) before they go.
  DemoSink table_sink, store_sink;

  Provider provider = init_provider();
  if (!provider) return;
  Session s = log_on(provider.get(), support,
                     {"IMSProvider::Logon(&support, MDB_WRITE)", 0, nullptr, nullptr,
                      MSLogon_S_OK},
                     read_write);
  if (!s) return;
  MSLogon_IMsgStore *store = s.store.get();

  // ---- a) folders and messages
  part("a) Folders and messages");
  EntryId none;
  Folder root = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(0, NULL, MAPI_MODIFY)", none, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER, ": the root folder");
  EntryId subtree_id, inbox_id;
  {
    TagList tags = {MSLogon_PR_IPM_SUBTREE_ENTRYID};
    Values v;
    hr = v.get(store, tags, 0);
    subtree_id = entry_id_of(v.find(MSLogon_PR_IPM_SUBTREE_ENTRYID));
    step("IMsgStore::GetProps(PR_IPM_SUBTREE_ENTRYID)", hr, MSLogon_S_OK,
         fmt("%zu-byte entry ID", subtree_id.size()));
  }
  {
    char message_class[] = "IPM.Note";
    MSLogon_ULONG cb = 0;
    MSLogon_ENTRYID *id = nullptr;
    hr = MSLogon_IMsgStore_GetReceiveFolder(store, message_class, 0, &cb, &id, nullptr);
    inbox_id = bytes_of(id, cb);
    step("IMsgStore::GetReceiveFolder(\"IPM.Note\", 0)", hr, MSLogon_S_OK,
         fmt("%lu-byte entry ID: the Inbox", static_cast<unsigned long>(cb)));
    host_free_buffer(id);
  }
  if (subtree_id.empty() || inbox_id.empty())
    return mismatch("the IPM subtree's and the Inbox's entry IDs", "both");
  Names::set(names.ids, subtree_id, quoted(kTop));
  Names::set(names.ids, inbox_id, "\"Inbox\"");
  Folder subtree = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(PR_IPM_SUBTREE_ENTRYID)", subtree_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  Folder inbox = open_entry<MSLogon_IMAPIFolder>(
      store, "IMsgStore::OpenEntry(the Inbox's ID)", inbox_id, MSLogon_MAPI_MODIFY,
      MSLogon_MAPI_FOLDER);
  if (!root || !subtree || !inbox) return;
  Folder projects = create_folder(subtree.get(), kTop, "Projects", names);
  if (!projects) return;
  Folder design = create_folder(projects.get(), "Projects", "Design", names);
  Folder launch = create_folder(projects.get(), "Projects", "Launch", names);
  if (!design || !launch) return;
  release("IMAPIFolder::Release (\"Launch\")", launch, 0);

  std::printf(
      "\n   Each message: IMAPIFolder::CreateMessage(NULL, 0), IMessage::SetProps(PR_SUBJECT_W,\n"
      "   PR_IMPORTANCE, PR_MESSAGE_FLAGS, PR_MESSAGE_DELIVERY_TIME), SaveChanges,\n"
      "   GetProps(PR_ENTRYID), Release:\n");
  for (const MessageSpec &m : kInboxMessages) make_message(inbox.get(), "Inbox", m, names);
  for (const MessageSpec &m : kProjectMessages)
    make_message(projects.get(), "Projects", m, names);
  for (const MessageSpec &m : kDesignMessages) make_message(design.get(), "Design", m, names);
  release("IMAPIFolder::Release (\"Design\")", design, 0);
  release("IMAPIFolder::Release (\"Projects\")", projects, 0);
  release("IMAPIFolder::Release (the IPM subtree)", subtree, 0);

  // ---- b) the hierarchy table
  part("b) The root folder's hierarchy table");
  {
    Table table;
    hr = MSLogon_IMAPIFolder_GetHierarchyTable(
        root.get(), MSLogon_CONVENIENT_DEPTH | MSLogon_MAPI_UNICODE, table.put());
    step("IMAPIFolder::GetHierarchyTable(flags)", hr, MSLogon_S_OK,
         "CONVENIENT_DEPTH | MAPI_UNICODE: every level");
    if (!table) return;
    TagList cols = {MSLogon_PR_DISPLAY_NAME_W, MSLogon_PR_DEPTH, MSLogon_PR_CONTENT_COUNT,
                    MSLogon_PR_CONTENT_UNREAD, MSLogon_PR_SUBFOLDERS};
    step("IMAPITable::SetColumns({5 tags}, 0)",
         MSLogon_IMAPITable_SetColumns(table.get(), cols.get(), 0), MSLogon_S_OK,
         "PR_DISPLAY_NAME_W, PR_DEPTH, PR_CONTENT_COUNT, PR_CONTENT_UNREAD, PR_SUBFOLDERS");
    Rows rows;
    query_all(table.get(), rows);
    show_tree(rows);
    release("IMAPITable::Release", table, 0);
  }
  release("IMAPIFolder::Release (the root)", root, 0);

  // ---- c) the contents table
  part("c) The Inbox's contents table, sorted and restricted");
  Table table;
  hr = MSLogon_IMAPIFolder_GetContentsTable(inbox.get(), MSLogon_MAPI_UNICODE, table.put());
  step("IMAPIFolder::GetContentsTable(MAPI_UNICODE)", hr, MSLogon_S_OK);
  if (!table) return;
  {
    MSLogon_ULONG status = 99, type = 99;
    hr = MSLogon_IMAPITable_GetStatus(table.get(), &status, &type);
    bool ok = status == MSLogon_TBLSTAT_COMPLETE && type == MSLogon_TBLTYPE_DYNAMIC;
    step("IMAPITable::GetStatus", hr, MSLogon_S_OK,
         ok ? "TBLSTAT_COMPLETE, TBLTYPE_DYNAMIC: follows the folder"
            : fmt("status %lu, type %lu", static_cast<unsigned long>(status),
                  static_cast<unsigned long>(type)));
    if (!ok) mismatch("GetStatus", "TBLSTAT_COMPLETE, TBLTYPE_DYNAMIC");
  }
  TagList cols = {MSLogon_PR_SUBJECT_W, MSLogon_PR_IMPORTANCE, MSLogon_PR_MESSAGE_DELIVERY_TIME,
                  MSLogon_PR_INSTANCE_KEY};
  step("IMAPITable::SetColumns({4 tags}, 0)",
       MSLogon_IMAPITable_SetColumns(table.get(), cols.get(), 0), MSLogon_S_OK,
       "PR_SUBJECT_W, PR_IMPORTANCE, PR_MESSAGE_DELIVERY_TIME, PR_INSTANCE_KEY");
  struct {
    MSLogon_ULONG cSorts, cCategories, cExpanded;
    MSLogon_SSortOrder aSort[2];
  } sort = {2, 0, 0,
            {{MSLogon_PR_IMPORTANCE, MSLogon_TABLE_SORT_DESCEND},
             {MSLogon_PR_SUBJECT_W, MSLogon_TABLE_SORT_ASCEND}}};
  step("IMAPITable::SortTable({2 keys}, 0)",
       MSLogon_IMAPITable_SortTable(table.get(), reinterpret_cast<MSLogon_SSortOrderSet *>(&sort),
                                    0),
       MSLogon_S_OK, "PR_IMPORTANCE descending, then PR_SUBJECT_W ascending");
  MSLogon_ULONG count = 0;
  hr = MSLogon_IMAPITable_GetRowCount(table.get(), 0, &count);
  step("IMAPITable::GetRowCount(0)", hr, MSLogon_S_OK,
       fmt("%lu rows", static_cast<unsigned long>(count)));
  if (count != 5) mismatch("GetRowCount", "5 rows");
  Rows rows;
  query_all(table.get(), rows);
  show_contents(rows, names,
                {"Quarterly report draft", "Server maintenance window", "Lunch on Friday?",
                 "Weekly status REPORT", "Travel report: Lisbon"});

  std::vector<MSLogon_WCHAR> needle_text = wide("report");
  MSLogon_SPropValue needle = unicode_value(MSLogon_PR_SUBJECT_W, needle_text);
  MSLogon_SRestriction contains = MSLogon_SRestriction();
  contains.rt = MSLogon_RES_CONTENT;
  contains.res.resContent.ulFuzzyLevel = MSLogon_FL_SUBSTRING | MSLogon_FL_IGNORECASE;
  contains.res.resContent.ulPropTag = MSLogon_PR_SUBJECT_W;
  contains.res.resContent.lpProp = &needle;
  step("IMAPITable::Restrict(RES_CONTENT, 0)",
       MSLogon_IMAPITable_Restrict(table.get(), &contains, 0), MSLogon_S_OK,
       "PR_SUBJECT_W contains \"report\": FL_SUBSTRING | FL_IGNORECASE");
  hr = MSLogon_IMAPITable_GetRowCount(table.get(), 0, &count);
  step("IMAPITable::GetRowCount(0)", hr, MSLogon_S_OK,
       fmt("%lu rows", static_cast<unsigned long>(count)));
  if (count != 3) mismatch("GetRowCount", "3 rows");
  query_all(table.get(), rows);
  show_contents(rows, names,
                {"Quarterly report draft", "Weekly status REPORT", "Travel report: Lisbon"});

  // ---- d) notifications
  part("d) Advise sinks on the table and on the store");
  std::printf("   (the store's for fnevObjectCreated | fnevObjectModified | fnevObjectDeleted |\n"
              "   fnevObjectMoved, on every object: no entry ID)\n");
  MSLogon_ULONG_PTR table_connection = HOST_CONNECTION_CANARY;
  hr = MSLogon_IMAPITable_Advise(table.get(), MSLogon_fnevTableModified, table_sink.iface(),
                                 &table_connection);
  step("IMAPITable::Advise(fnevTableModified, &sink)", hr, MSLogon_S_OK,
       fmt("connection %llu, sink refs %ld", static_cast<unsigned long long>(table_connection),
           table_sink.refs()));
  if (hr == MSLogon_S_OK && table_sink.refs() != 2) mismatch("IMAPITable::Advise", "sink refs 2");
  MSLogon_ULONG_PTR store_connection = HOST_CONNECTION_CANARY;
  hr = MSLogon_IMsgStore_Advise(store, 0, nullptr,
                                MSLogon_fnevObjectCreated | MSLogon_fnevObjectModified |
                                    MSLogon_fnevObjectDeleted | MSLogon_fnevObjectMoved,
                                store_sink.iface(), &store_connection);
  step("IMsgStore::Advise(NULL, fnevObject*, &sink)", hr, MSLogon_S_OK,
       fmt("connection %llu, sink refs %ld", static_cast<unsigned long long>(store_connection),
           store_sink.refs()));
  if (hr == MSLogon_S_OK && store_sink.refs() != 2) mismatch("IMsgStore::Advise", "sink refs 2");

  part("e) A message that matches the restriction, created, changed, deleted");
  Message message;
  hr = MSLogon_IMAPIFolder_CreateMessage(inbox.get(), nullptr, 0, message.put());
  step("IMAPIFolder::CreateMessage(NULL, 0)", hr, MSLogon_S_OK, "in the Inbox");
  if (!message) return;
  {
    std::vector<MSLogon_WCHAR> subject = wide(kIncident.subject);
    std::vector<MSLogon_SPropValue> values = {
        unicode_value(MSLogon_PR_SUBJECT_W, subject),
        long_value(MSLogon_PR_IMPORTANCE, static_cast<MSLogon_ULONG>(kIncident.importance))};
    MSLogon_SPropValue when = MSLogon_SPropValue();
    when.ulPropTag = MSLogon_PR_MESSAGE_DELIVERY_TIME;
    when.Value.ft = march_2024(kIncident.day, kIncident.hour, kIncident.minute);
    values.push_back(when);
    set_props(message.get(), "IMessage::SetProps({3 values})", values,
              quoted(kIncident.subject) + ", IMPORTANCE_NORMAL");
  }
  {
    long calls = table_sink.calls() + store_sink.calls();
    observe("  (nothing saved yet)",
            calls ? fmt("OnNotify called %s", times(calls).c_str()) : "no OnNotify", calls == 0,
            "no OnNotify before SaveChanges");
  }

  // Created. The table's sink calls back into the table from OnNotify.
  table_sink.reenter = table.get();
  hr = MSLogon_IMessage_SaveChanges(message.get(), MSLogon_KEEP_OPEN_READWRITE);
  table_sink.reenter = nullptr;
  std::vector<Event> table_events = table_sink.take(), store_events = store_sink.take();
  EntryId incident_id;
  {
    TagList tags = {MSLogon_PR_ENTRYID};
    Values v;
    v.get(message.get(), tags, 0);
    incident_id = entry_id_of(v.find(MSLogon_PR_ENTRYID));
    Names::set(names.ids, incident_id, quoted(kIncident.subject));
  }
  step("IMessage::SaveChanges(KEEP_OPEN_READWRITE)", hr, MSLogon_S_OK,
       notified(table_events, store_events));
  show_events(table_events, "the table's sink", names);
  show_events(store_events, "the store's sink", names);
  check_events(table_events, store_events, "SaveChanges (created)",
               {MSLogon_TABLE_ROW_ADDED, MSLogon_fnevObjectCreated, &incident_id, nullptr},
               inbox_id);
  EntryId incident_key = table_events.size() == 1 ? table_events[0].index : EntryId();
  EntryId added_prior = table_events.size() == 1 ? table_events[0].prior : EntryId();
  if (table_events.size() == 1 &&
      (!table_events[0].has_subject || table_events[0].subject != kIncident.subject ||
       table_events[0].first || added_prior.empty() ||
       names.row(added_prior) != "\"Quarterly report draft\""))
    mismatch("TABLE_ROW_ADDED",
             "the row " + quoted(kIncident.subject) + ", after \"Quarterly report draft\"");
  query_all(table.get(), rows);
  show_contents(rows, names,
                {"Quarterly report draft", kIncident.subject, "Weekly status REPORT",
                 "Travel report: Lisbon"});
  check_position(rows, table_events, "added");

  // Modified: more important, so it moves to the top.
  {
    std::vector<MSLogon_SPropValue> values = {
        long_value(MSLogon_PR_IMPORTANCE, static_cast<MSLogon_ULONG>(kHigh))};
    set_props(message.get(), "IMessage::SetProps(PR_IMPORTANCE)", values, "IMPORTANCE_HIGH");
  }
  hr = MSLogon_IMessage_SaveChanges(message.get(), 0);
  table_events = table_sink.take();
  store_events = store_sink.take();
  step("IMessage::SaveChanges(0)", hr, MSLogon_S_OK,
       notified(table_events, store_events));
  show_events(table_events, "the table's sink", names);
  show_events(store_events, "the store's sink", names);
  check_events(table_events, store_events, "SaveChanges (modified)",
               {MSLogon_TABLE_ROW_MODIFIED, MSLogon_fnevObjectModified, &incident_id,
                &incident_key},
               inbox_id);
  if (table_events.size() == 1 && !table_events[0].first)
    mismatch("TABLE_ROW_MODIFIED", "propPrior PR_NULL: the row moved to the top");
  release("IMessage::Release", message, 0);
  query_all(table.get(), rows);
  show_contents(rows, names,
                {kIncident.subject, "Quarterly report draft", "Weekly status REPORT",
                 "Travel report: Lisbon"});
  check_position(rows, table_events, "modified");
  rows.clear();

  // Deleted.
  {
    const char travel[] = "Travel report: Lisbon";
    EntryId travel_id, travel_key;
    for (size_t i = 0; i < names.ids.size(); i++)
      if (names.ids[i].second == quoted(travel)) travel_id = names.ids[i].first;
    for (size_t i = 0; i < names.keys.size(); i++)
      if (names.keys[i].second == travel) travel_key = names.keys[i].first;
    MSLogon_SBinary bin;
    bin.cb = static_cast<MSLogon_ULONG>(travel_id.size());
    bin.lpb = travel_id.data();
    MSLogon_ENTRYLIST list;
    list.cValues = 1;
    list.lpbin = &bin;
    hr = MSLogon_IMAPIFolder_DeleteMessages(inbox.get(), &list, 0, nullptr, 0);
    table_events = table_sink.take();
    store_events = store_sink.take();
    step("IMAPIFolder::DeleteMessages({1 entry ID}, 0)", hr, MSLogon_S_OK,
         quoted(travel) + "; " + notified(table_events, store_events));
    show_events(table_events, "the table's sink", names);
    show_events(store_events, "the store's sink", names);
    check_events(table_events, store_events, "DeleteMessages",
                 {MSLogon_TABLE_ROW_DELETED, MSLogon_fnevObjectDeleted, &travel_id, &travel_key},
                 inbox_id);
  }
  hr = MSLogon_IMAPITable_GetRowCount(table.get(), 0, &count);
  step("IMAPITable::GetRowCount(0)", hr, MSLogon_S_OK,
       fmt("%lu rows", static_cast<unsigned long>(count)));
  if (count != 3) mismatch("GetRowCount after DeleteMessages", "3 rows");

  // ---- f) the end
  part("f) Unadvise, and the end");
  hr = MSLogon_IMAPITable_Unadvise(table.get(), table_connection);
  step(fmt("IMAPITable::Unadvise(%llu)", static_cast<unsigned long long>(table_connection)), hr,
       MSLogon_S_OK, fmt("sink refs %ld", table_sink.refs()));
  if (hr == MSLogon_S_OK && table_sink.refs() != 1)
    mismatch("IMAPITable::Unadvise", "the sink released: sink refs 1");
  step(fmt("IMAPITable::Unadvise(%llu)", static_cast<unsigned long long>(table_connection)),
       MSLogon_IMAPITable_Unadvise(table.get(), table_connection), MSLogon_MAPI_E_NOT_FOUND,
       "already gone");
  hr = MSLogon_IMsgStore_Unadvise(store, store_connection);
  step(fmt("IMsgStore::Unadvise(%llu)", static_cast<unsigned long long>(store_connection)), hr,
       MSLogon_S_OK, fmt("sink refs %ld", store_sink.refs()));
  if (hr == MSLogon_S_OK && store_sink.refs() != 1)
    mismatch("IMsgStore::Unadvise", "the sink released: sink refs 1");
  step(fmt("IMsgStore::Unadvise(%llu)", static_cast<unsigned long long>(store_connection)),
       MSLogon_IMsgStore_Unadvise(store, store_connection), MSLogon_MAPI_E_NOT_FOUND,
       "already gone");
  release("IMAPITable::Release", table, 0);
  release("IMAPIFolder::Release (the Inbox)", inbox, 0);
  hr = logoff(s.logon.get(), 0);
  step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(support));
  release("IMSLogon::Release", s.logon, 0);
  release("IMsgStore::Release", s.store, 0);
  shut_down(provider);
  table_events = table_sink.take();
  store_events = store_sink.take();
  observe("", fmt("sink refs %ld and %ld, %zu late notifications", table_sink.refs(),
                  store_sink.refs(), table_events.size() + store_events.size()),
          table_sink.refs() == 1 && store_sink.refs() == 1 && table_events.empty() &&
              store_events.empty(),
          "both sinks back to the host's own reference, nothing after Unadvise");
  act_end(support);
}

// ---- 6. a durable store ------------------------------------------------------

// Where act 6 keeps its store: --store-dir, made absolute; and --fresh-store.
std::string store_dir;
bool fresh_store = false;

const char kRunsFolder[] = "Demo runs";
const MSLogon_ULONG kNoCount = 0xFFFFFFFFu;  // PR_CONTENT_COUNT could not be read
const MSLogon_ULONG kRunsShown = 10;         // the contents table shows the last 10 runs

// The file the reference provider keeps the default store (number 1) in,
// inside MSLOGON_STORE_DIR (src/store/mod.rs: Storage::store_file).
std::string store_file() { return store_dir + "/store-1.mslogon.db"; }

// `path` made absolute against the working directory, and without "." or
// ".." (realpath) if it exists.
std::string absolute(const std::string &path) {
  std::string out = path;
  if (out.empty() || out[0] != '/') {
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) out = std::string(cwd) + "/" + out;
  }
  char resolved[PATH_MAX];
  if (realpath(out.c_str(), resolved)) out = resolved;
  return out;
}

// The size of a regular file in bytes; -1 when there is none.
long long file_size(const std::string &path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<long long>(st.st_size);
}

// MSProviderInit with MSLOGON_STORE_DIR set to the store directory for this
// call only: the provider reads the variable when it is created
// (Storage::from_env), and afterwards it is back as it was, so the stores of
// every other act stay where they were (in memory, unless the caller set it).
Provider init_durable_provider() {
  const char *was = std::getenv("MSLOGON_STORE_DIR");
  const bool had = was != nullptr;
  const std::string old = had ? was : "";
  int rc = setenv("MSLOGON_STORE_DIR", store_dir.c_str(), 1);
  line("setenv(\"MSLOGON_STORE_DIR\", the store directory)", rc == 0 ? "ok" : "FAILED",
       "for this MSProviderInit only");
  if (rc != 0) mismatch("setenv", "ok");
  Provider provider = init_provider();
  if (had)
    rc = setenv("MSLOGON_STORE_DIR", old.c_str(), 1);
  else
    rc = unsetenv("MSLOGON_STORE_DIR");
  line(had ? "setenv(\"MSLOGON_STORE_DIR\", the value it had)" : "unsetenv(\"MSLOGON_STORE_DIR\")",
       rc == 0 ? "ok" : "FAILED",
       had ? "back to " + quoted(old.c_str()) : "the other acts: stores in memory");
  if (rc != 0) mismatch("restoring MSLOGON_STORE_DIR", "ok");
  return provider;
}

// Now as a FILETIME (100 ns ticks since 1601-01-01 UTC).
MSLogon_FILETIME now_filetime() {
  const long long us = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  const unsigned long long ticks =
      static_cast<unsigned long long>(us) * 10ull +
      static_cast<unsigned long long>(kDays1601To1970) * 86400ull * 10000000ull;
  MSLogon_FILETIME ft;
  ft.dwLowDateTime = static_cast<MSLogon_DWORD>(ticks & 0xFFFFFFFFu);
  ft.dwHighDateTime = static_cast<MSLogon_DWORD>(ticks >> 32);
  return ft;
}

std::string runs_text(MSLogon_ULONG n) {
  return fmt("%lu message%s", static_cast<unsigned long>(n), n == 1 ? "" : "s");
}

std::string rows_text(MSLogon_ULONG n) {
  return fmt("%lu row%s", static_cast<unsigned long>(n), n == 1 ? "" : "s");
}

// GetProps(PR_CONTENT_COUNT) on "Demo runs", shown; kNoCount if it fails.
MSLogon_ULONG run_count(MSLogon_IMAPIFolder *folder) {
  TagList tags = {MSLogon_PR_CONTENT_COUNT};
  Values v;
  MSLogon_HRESULT hr = v.get(folder, tags, 0);
  const MSLogon_SPropValue *count = v.find(MSLogon_PR_CONTENT_COUNT);
  const char call[] = "IMAPIFolder::GetProps(PR_CONTENT_COUNT)";
  step(call, hr, MSLogon_S_OK,
       count ? quoted(kRunsFolder) + ": " + runs_text(count->Value.ul) : "no count");
  if (hr == MSLogon_S_OK && !count) mismatch(call, "PR_CONTENT_COUNT");
  return count ? count->Value.ul : kNoCount;
}

// A message "Run <n>" saved in "Demo runs", delivered now.
void save_run(MSLogon_IMAPIFolder *folder, MSLogon_ULONG n) {
  Message message;
  MSLogon_HRESULT hr = MSLogon_IMAPIFolder_CreateMessage(folder, nullptr, 0, message.put());
  step("IMAPIFolder::CreateMessage(NULL, 0)", hr, MSLogon_S_OK, "in " + quoted(kRunsFolder));
  if (!message) return;
  const std::string subject = fmt("Run %lu", static_cast<unsigned long>(n));
  std::vector<MSLogon_WCHAR> wsubject = wide(subject.c_str());
  MSLogon_SPropValue when = MSLogon_SPropValue();
  when.ulPropTag = MSLogon_PR_MESSAGE_DELIVERY_TIME;
  when.Value.ft = now_filetime();
  std::vector<MSLogon_SPropValue> values = {unicode_value(MSLogon_PR_SUBJECT_W, wsubject), when};
  set_props(message.get(), "IMessage::SetProps({2 values})", values,
            quoted(subject.c_str()) + ", delivered " + time_text(when.Value.ft, true));
  step("IMessage::SaveChanges(0)", MSLogon_IMessage_SaveChanges(message.get(), 0), MSLogon_S_OK,
       "written to the store file");
  release("IMessage::Release", message, 0);
}

// The contents table of "Demo runs" sorted by delivery time: the runs so
// far (the last kRunsShown of them), checked to be "Run 1" .. "Run <runs>"
// in that order.
void show_runs(MSLogon_IMAPIFolder *folder, MSLogon_ULONG runs) {
  Table table;
  MSLogon_HRESULT hr =
      MSLogon_IMAPIFolder_GetContentsTable(folder, MSLogon_MAPI_UNICODE, table.put());
  step("IMAPIFolder::GetContentsTable(MAPI_UNICODE)", hr, MSLogon_S_OK, quoted(kRunsFolder));
  if (!table) return;
  TagList cols = {MSLogon_PR_SUBJECT_W, MSLogon_PR_MESSAGE_DELIVERY_TIME};
  step("IMAPITable::SetColumns({2 tags}, 0)",
       MSLogon_IMAPITable_SetColumns(table.get(), cols.get(), 0), MSLogon_S_OK,
       "PR_SUBJECT_W, PR_MESSAGE_DELIVERY_TIME");
  struct {
    MSLogon_ULONG cSorts, cCategories, cExpanded;
    MSLogon_SSortOrder aSort[1];
  } sort = {1, 0, 0, {{MSLogon_PR_MESSAGE_DELIVERY_TIME, MSLogon_TABLE_SORT_ASCEND}}};
  step("IMAPITable::SortTable({1 key}, 0)",
       MSLogon_IMAPITable_SortTable(table.get(), reinterpret_cast<MSLogon_SSortOrderSet *>(&sort),
                                    0),
       MSLogon_S_OK, "PR_MESSAGE_DELIVERY_TIME ascending: the oldest run first");
  MSLogon_ULONG count = 0;
  hr = MSLogon_IMAPITable_GetRowCount(table.get(), 0, &count);
  step("IMAPITable::GetRowCount(0)", hr, MSLogon_S_OK, rows_text(count));
  if (count != runs) mismatch("GetRowCount", rows_text(runs));

  const MSLogon_ULONG shown = runs < kRunsShown ? runs : kRunsShown;
  MSLogon_LONG sought = 0;
  if (shown < runs) {
    const MSLogon_LONG back = -static_cast<MSLogon_LONG>(shown);
    hr = MSLogon_IMAPITable_SeekRow(table.get(), MSLogon_BOOKMARK_END, back, &sought);
    step(fmt("IMAPITable::SeekRow(BOOKMARK_END, %ld)", static_cast<long>(back)), hr, MSLogon_S_OK,
         fmt("moved %ld rows: the last %lu runs", static_cast<long>(sought),
             static_cast<unsigned long>(shown)));
    if (sought != back) mismatch("SeekRow(BOOKMARK_END)", fmt("%ld rows", static_cast<long>(back)));
  } else {
    hr = MSLogon_IMAPITable_SeekRow(table.get(), MSLogon_BOOKMARK_BEGINNING, 0, &sought);
    step("IMAPITable::SeekRow(BOOKMARK_BEGINNING, 0)", hr, MSLogon_S_OK);
  }
  Rows rows;
  hr = MSLogon_IMAPITable_QueryRows(table.get(), static_cast<MSLogon_LONG>(kRunsShown), 0,
                                    rows.put());
  step(fmt("IMAPITable::QueryRows(%lu, 0)", static_cast<unsigned long>(kRunsShown)), hr,
       MSLogon_S_OK, rows_text(rows.size()));
  if (shown < runs)
    line(fmt("    (%lu earlier run%s)", static_cast<unsigned long>(runs - shown),
             runs - shown == 1 ? "" : "s"),
         "", "");
  bool in_order = rows.size() == shown;
  for (MSLogon_ULONG r = 0; r < rows.size(); r++) {
    std::string subject = text_of(column(rows[r], MSLogon_PR_SUBJECT_W));
    const MSLogon_SPropValue *time = column(rows[r], MSLogon_PR_MESSAGE_DELIVERY_TIME);
    line("    " + quoted(subject.c_str()), time ? time_text(time->Value.ft, true) : "-", "");
    if (subject != fmt("Run %lu", static_cast<unsigned long>(runs - shown + r + 1)))
      in_order = false;
  }
  if (!in_order)
    mismatch("the rows of " + quoted(kRunsFolder),
             shown < runs ? fmt("\"Run %lu\" .. \"Run %lu\", in order",
                                static_cast<unsigned long>(runs - shown + 1),
                                static_cast<unsigned long>(runs))
                          : fmt("\"Run 1\" .. \"Run %lu\", in order",
                                static_cast<unsigned long>(runs)));
  release("IMAPITable::Release", table, 0);
}

void durable_store() {
  act(6, "A durable store",
      "This act's providers keep their store in an SQLite file: MSLOGON_STORE_DIR is\n"
      "   set for their MSProviderInit only (the other acts' stores are in memory). A\n"
      "   folder \"Demo runs\" gets one message per run of the demo, and a fresh provider\n"
      "   reads the count back. Run the demo again: the count has grown.");
  const MSLogon_ULONG read_write = MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE;
  const std::string file = store_file();
  MSLogon_HRESULT hr;

  if (fresh_store) {
    // The store file and SQLite's companions: the next Logon creates it anew.
    const char *const suffixes[] = {"", "-wal", "-shm"};
    std::string removed;
    for (const char *suffix : suffixes) {
      const std::string path = file + suffix;
      if (std::remove(path.c_str()) == 0)
        removed += (removed.empty() ? "" : ", ") + std::string("store-1.mslogon.db") + suffix;
      else if (errno != ENOENT)
        mismatch("--fresh-store: remove " + path, "removed");
    }
    line("--fresh-store", removed.empty() ? "nothing to remove" : "removed " + removed, "");
  }
  const long long size_before = file_size(file);
  const bool first_run = size_before < 0;
  std::printf("   The store file: %s\n", file.c_str());
  std::printf("   %s\n",
              first_run ? "(not there yet: the first run; the provider creates it at Logon)"
                        : fmt("(%lld bytes, from the runs before)", size_before).c_str());

  // ---- a) this run's message
  part("a) Log on, count the runs, save one more");
  HostSupport support;
  host_support_init(&support);
  HostSupport again;  // the support object of the fresh provider's logon
  host_support_init(&again);
  EntryId runs_id;
  MSLogon_ULONG before = kNoCount, after = kNoCount;
  {
    Provider provider = init_durable_provider();
    if (!provider) return;
    Session s = log_on(provider.get(), support,
                       {"IMSProvider::Logon(&support, MDB_WRITE)", 0, nullptr, nullptr,
                        MSLogon_S_OK},
                       read_write);
    if (!s) {
      std::printf("   (a file that is no store of this version: mslogon-demo --fresh-store, or\n"
                  "   bash scripts/demo.sh --fresh-store, starts it over)\n");
      return;
    }
    const long long size = file_size(file);
    observe("  the store file", size >= 0 ? fmt("%lld bytes", size) : "missing", size >= 0,
            "the file, there from Logon on");
    if (first_run && size >= 0) line("", "", "(created by this Logon, with the standard folders)");
    EntryId subtree_id;
    {
      TagList tags = {MSLogon_PR_IPM_SUBTREE_ENTRYID};
      Values v;
      hr = v.get(s.store.get(), tags, 0);
      subtree_id = entry_id_of(v.find(MSLogon_PR_IPM_SUBTREE_ENTRYID));
      step("IMsgStore::GetProps(PR_IPM_SUBTREE_ENTRYID)", hr, MSLogon_S_OK,
           fmt("%zu-byte entry ID", subtree_id.size()));
    }
    if (subtree_id.empty()) return mismatch("PR_IPM_SUBTREE_ENTRYID", "an entry ID");
    Folder subtree = open_entry<MSLogon_IMAPIFolder>(
        s.store.get(), "IMsgStore::OpenEntry(PR_IPM_SUBTREE_ENTRYID)", subtree_id,
        MSLogon_MAPI_MODIFY, MSLogon_MAPI_FOLDER, ": " + quoted(kTop));
    if (!subtree) return;
    Folder runs;
    {
      std::vector<MSLogon_WCHAR> name = wide(kRunsFolder);
      hr = MSLogon_IMAPIFolder_CreateFolder(subtree.get(), MSLogon_FOLDER_GENERIC, name.data(),
                                            nullptr, nullptr,
                                            MSLogon_OPEN_IF_EXISTS | MSLogon_MAPI_UNICODE,
                                            runs.put());
      step(fmt("IMAPIFolder::CreateFolder(GENERIC, \"%s\")", kRunsFolder), hr, MSLogon_S_OK,
           "OPEN_IF_EXISTS | MAPI_UNICODE");
    }
    release("IMAPIFolder::Release (the IPM subtree)", subtree, 0);
    if (!runs) return;
    {
      TagList tags = {MSLogon_PR_ENTRYID};
      Values v;
      hr = v.get(runs.get(), tags, 0);
      runs_id = entry_id_of(v.find(MSLogon_PR_ENTRYID));
      step("IMAPIFolder::GetProps(PR_ENTRYID)", hr, MSLogon_S_OK,
           fmt("%zu-byte entry ID, kept for the fresh provider", runs_id.size()));
    }
    before = run_count(runs.get());
    if (before == kNoCount) return;
    if (first_run)
      observe("  the first run", fmt("%lu", static_cast<unsigned long>(before)), before == 0,
              "0 messages in a new store");
    else
      line("  the runs before this one", fmt("%lu", static_cast<unsigned long>(before)), "");

    save_run(runs.get(), before + 1);
    after = run_count(runs.get());
    observe("  the count after the save", fmt("%lu", static_cast<unsigned long>(after)),
            after == before + 1,
            fmt("%lu: the count before + 1", static_cast<unsigned long>(before + 1)));
    if (after != kNoCount) show_runs(runs.get(), after);
    release("IMAPIFolder::Release (\"Demo runs\")", runs, 0);
    hr = logoff(s.logon.get(), 0);
    step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(support));
    release("IMSLogon::Release", s.logon, 0);
    release("IMsgStore::Release", s.store, 0);
    shut_down(provider);
    act_end(support);
  }

  // ---- b) the same file, read back by a new provider
  part("b) A fresh provider on the same file reads the count back");
  {
    Provider provider = init_durable_provider();
    if (!provider) return;
    Session s = log_on(provider.get(), again,
                       {"IMSProvider::Logon(&support, 0)", 0, nullptr, nullptr, MSLogon_S_OK});
    if (!s) return;
    Folder runs = open_entry<MSLogon_IMAPIFolder>(
        s.store.get(), "IMsgStore::OpenEntry(the \"Demo runs\" ID, 0)", runs_id, 0,
        MSLogon_MAPI_FOLDER, ": the entry ID of part a)");
    if (!runs) return;
    MSLogon_ULONG read_back = run_count(runs.get());
    observe("  the count the fresh provider sees",
            fmt("%lu", static_cast<unsigned long>(read_back)), read_back == after,
            fmt("%lu: as saved", static_cast<unsigned long>(after)));
    release("IMAPIFolder::Release (\"Demo runs\")", runs, 0);
    hr = logoff(s.logon.get(), 0);
    step("IMSLogon::Logoff(&0)", hr, MSLogon_S_OK, support_state(again));
    release("IMSLogon::Release", s.logon, 0);
    release("IMsgStore::Release", s.store, 0);
    shut_down(provider);
    act_end(again);
  }

  // ---- c) where it lives
  part("c) Where the store lives");
  std::printf("   %s\n", file.c_str());
  const long long size = file_size(file);
  const long long wal = file_size(file + "-wal");
  observe("  stat(\"store-1.mslogon.db\")", size >= 0 ? fmt("%lld bytes", size) : "missing",
          size > 0, "the store file, not empty");
  line("  stat(\"store-1.mslogon.db-wal\")", wal >= 0 ? fmt("%lld bytes", wal) : "none",
       wal >= 0 ? "SQLite's write-ahead log" : "all in the store file (SQLite, WAL mode)");
  std::printf("\n   \"%s\" holds %s; run the demo again and it holds %lu.\n", kRunsFolder,
              runs_text(after).c_str(), static_cast<unsigned long>(after + 1));
}

// ---- 7. bad input, and calls after the end ---------------------------------

void bad_input_tour() {
  act(7, "Bad input, and calls after the end",
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

// The directory this program is in (the build tree), or "." if unknown.
std::string program_dir(const char *argv0) {
  char buffer[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  std::string self = n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string(argv0);
  size_t slash = self.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : self.substr(0, slash);
}

int usage(const char *argv0) {
  std::fprintf(stderr,
               "usage: %s [--store-dir DIR] [--fresh-store] [path/to/libmslogon.so]\n"
               "  --store-dir DIR  where act 6 keeps its store file, DIR/store-1.mslogon.db\n"
               "                   (default: demo-store next to this program)\n"
               "  --fresh-store    delete that store file first (act 6 runs as the first run)\n",
               argv0);
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  const char *path = nullptr;
  std::string dir;
  for (int i = 1; i < argc; i++) {
    const std::string arg = argv[i];
    if (arg == "--store-dir" && i + 1 < argc && argv[i + 1][0])
      dir = argv[++i];
    else if (arg == "--fresh-store")
      fresh_store = true;
    else if (!path && !arg.empty() && arg[0] != '-')
      path = argv[i];
    else
      return usage(argv[0]);
  }
  if (!path) path = MSLOGON_DEMO_LIBRARY;
  store_dir = absolute(dir.empty() ? program_dir(argv[0]) + "/demo-store" : dir);

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
  object_tree();
  tables_and_notifications();
  durable_store();
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
