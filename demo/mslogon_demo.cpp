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
//   5. a tour of bad input and of calls after Logoff and Shutdown.
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
#include <initializer_list>
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
  return hr == MSLogon_MAPI_W_ERRORS_RETURNED ? "MAPI_W_ERRORS_RETURNED" : host_hr_name(hr);
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

// ---- 5. bad input, and calls after the end ---------------------------------

void bad_input_tour() {
  act(5, "Bad input, and calls after the end",
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
  object_tree();
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
