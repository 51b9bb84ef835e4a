/*
 * win_host.c: the Windows host side of the lifecycle tests (see win_host.h).
 * C11, genuine MinGW-w64 <windows.h> / <mapispi.h>; nothing of mslogon.
 */
#include "win_host.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The MAPI IIDs the tests use, defined here once (mapiguid.h, INITGUID). */
#define USES_IID_IMAPIAdviseSink
#define USES_IID_IMAPIProp
#define USES_IID_IMAPIStatus
#define USES_IID_IMsgStore
#define USES_IID_IMAPISup
#define USES_IID_IMSProvider
#define USES_IID_IMSLogon
#define USES_IID_IMAPITable
#define USES_IID_IMessage
#define USES_IID_IAttachment
#define USES_IID_IMAPIContainer
#define USES_IID_IMAPIFolder
#include <initguid.h>
#include <mapiguid.h>

const IID host_IID_IUnknown = {0x00000000, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const IID host_IID_IStorage = {0x0000000B, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const IID host_IID_IStream = {0x0000000C, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

/* The C vtables are mapispi.h's / mapidefs.h's / objidl.h's own structs. */
_Static_assert(sizeof(IMAPISupportVtbl) == 44 * sizeof(void *), "IMAPISupport has 44 slots");
_Static_assert(offsetof(IMAPISupportVtbl, StoreLogoffTransports) == 38 * sizeof(void *),
               "StoreLogoffTransports is slot 38");
_Static_assert(sizeof(IMAPIAdviseSinkVtbl) == 4 * sizeof(void *), "IMAPIAdviseSink: 4 slots");
_Static_assert(sizeof(IMallocVtbl) == 9 * sizeof(void *), "IMalloc: 9 slots");
_Static_assert(offsetof(IMSLogonVtbl, Logoff) == 4 * sizeof(void *), "IMSLogon::Logoff slot 4");
_Static_assert(offsetof(IMsgStoreVtbl, StoreLogoff) == 21 * sizeof(void *),
               "IMsgStore::StoreLogoff slot 21");

static int iid_eq(const IID *a, const IID *b) { return memcmp(a, b, sizeof *a) == 0; }

ULONG host_tick(void) {
  static volatile LONG ticks;
  return (ULONG)InterlockedIncrement(&ticks);
}

/* ---- the provider DLL ------------------------------------------------- */

LPMSPROVIDERINIT host_load_provider(const char *dll, HMODULE *module) {
  HMODULE h;
  FARPROC proc;
  host_mapi_load(); /* MAPI's memory and utilities: Wine's mapi32.dll */
  h = LoadLibraryA(dll);
  *module = h;
  CHECK(h != NULL);
  if (!h) {
    fprintf(stderr, "LoadLibraryA(\"%s\") failed: error %lu\n", dll,
            (unsigned long)GetLastError());
    return NULL;
  }
  proc = GetProcAddress(h, "MSProviderInit");
  CHECK(proc != NULL);
  /* Through void (*)(void): the one function-pointer type a cast from
   * FARPROC does not warn about. */
  return (LPMSPROVIDERINIT)(void (*)(void))proc;
}

/* ---- Wine's mapi32.dll ------------------------------------------------- */

HostMapi host_mapi;

static HMODULE mapi32;

/* GetProcAddress(mapi32, name), else "name@bytes"; prints which. Exits when
 * neither is exported. */
static void (*resolve(const char *name, int bytes))(void) {
  char decorated[64];
  FARPROC proc = GetProcAddress(mapi32, name);
  const char *found = name;
  if (!proc) {
    snprintf(decorated, sizeof decorated, "%s@%d", name, bytes);
    proc = GetProcAddress(mapi32, decorated);
    found = decorated;
  }
  if (!proc) {
    fprintf(stderr, "FAIL: Wine's mapi32.dll exports neither %s nor %s@%d\n", name, name, bytes);
    fflush(NULL);
    exit(1);
  }
  printf("mapi32: %-18s resolved as %s\n", name, found);
  /* Through void (*)(void): the one function-pointer type a cast from
   * FARPROC does not warn about. */
  return (void (*)(void))proc;
}

/* Whether `path` is `dir`\mapi32.dll (case-insensitive). */
static int is_mapi32_in(const WCHAR *path, const WCHAR *dir, UINT dir_len) {
  static const WCHAR file[] = L"\\mapi32.dll";
  WCHAR want[MAX_PATH + 16];
  if (dir_len == 0 || dir_len >= MAX_PATH) return 0;
  memcpy(want, dir, dir_len * sizeof(WCHAR));
  memcpy(want + dir_len, file, sizeof file);
  return lstrcmpiW(path, want) == 0;
}

void host_mapi_load(void) {
  WCHAR path[MAX_PATH];
  WCHAR sys[MAX_PATH];
  WCHAR wow[MAX_PATH];
  UINT sys_len;
  UINT wow_len;
  DWORD len;
  HMODULE ntdll;
  if (mapi32) return;
  mapi32 = LoadLibraryA("mapi32.dll");
  if (!mapi32) {
    fprintf(stderr, "FAIL: LoadLibraryA(\"mapi32.dll\") failed: error %lu\n",
            (unsigned long)GetLastError());
    fflush(NULL);
    exit(1);
  }
  /* Wine's own: its system directory's mapi32.dll (Wine's builtin, which the
   * prefix holds as a placeholder there) in a process whose ntdll is Wine's. */
  len = GetModuleFileNameW(mapi32, path, MAX_PATH);
  sys_len = GetSystemDirectoryW(sys, MAX_PATH);
  wow_len = GetSystemWow64DirectoryW(wow, MAX_PATH); /* 0 in a 64-bit process */
  CHECK(len > 0 && len < MAX_PATH);
  CHECK(is_mapi32_in(path, sys, sys_len) || is_mapi32_in(path, wow, wow_len));
  ntdll = GetModuleHandleA("ntdll.dll");
  CHECK(ntdll != NULL && GetProcAddress(ntdll, "wine_get_version") != NULL);
  if (ntdll && GetProcAddress(ntdll, "wine_get_version")) {
    typedef const char *(CDECL * WineGetVersion)(void);
    WineGetVersion version =
        (WineGetVersion)(void (*)(void))GetProcAddress(ntdll, "wine_get_version");
    printf("mapi32: %ls, Wine %s, %d-bit\n", path, version(), (int)(8 * sizeof(void *)));
  }

#define RESOLVE(field, name, bytes) \
  host_mapi.field = (__typeof__(host_mapi.field))resolve(name, bytes)
  RESOLVE(AllocateBuffer, "MAPIAllocateBuffer", 8);
  RESOLVE(AllocateMore, "MAPIAllocateMore", 12);
  RESOLVE(FreeBuffer, "MAPIFreeBuffer", 4);
  RESOLVE(FreeProws, "FreeProws", 4);
  RESOLVE(FreePadrlist, "FreePadrlist", 4);
  RESOLVE(FBadRowSet, "FBadRowSet", 4);
  RESOLVE(FBadRow, "FBadRow", 4);
  RESOLVE(FBadProp, "FBadProp", 4);
  RESOLVE(FBadPropTag, "FBadPropTag", 4);
  RESOLVE(FBadColumnSet, "FBadColumnSet", 4);
  RESOLVE(HrGetOneProp, "HrGetOneProp", 12);
  RESOLVE(HrSetOneProp, "HrSetOneProp", 8);
  RESOLVE(PpropFindProp, "PpropFindProp", 12);
  RESOLVE(ScCountProps, "ScCountProps", 12);
  RESOLVE(ScCopyProps, "ScCopyProps", 16);
  RESOLVE(UlPropSize, "UlPropSize", 4);
#undef RESOLVE
  fflush(stdout);
}

/* ---- MAPI allocators: Wine's, the live roots tracked -------------------- */

/* The live root buffers, each with the number of the allocation that made
 * it (host_hr_get_one_prop forgets the one Wine freed). */
typedef struct Root {
  void *p;
  LONG seq;
} Root;

static SRWLOCK roots_lock = SRWLOCK_INIT;
static Root *roots;
static LONG n_roots;
static LONG cap_roots;
static volatile LONG allocations;
static volatile LONG more_allocations;

/* Index of p among the live roots, or -1; call with the lock held. */
static LONG find_root(const void *p) {
  LONG i;
  for (i = n_roots - 1; i >= 0; i--)
    if (roots[i].p == p) return i;
  return -1;
}

static int track_root(void *p, LONG seq) {
  int ok = 1;
  AcquireSRWLockExclusive(&roots_lock);
  if (n_roots == cap_roots) {
    LONG cap = cap_roots ? 2 * cap_roots : 256;
    Root *grown = (Root *)realloc(roots, (size_t)cap * sizeof *grown);
    if (grown) {
      roots = grown;
      cap_roots = cap;
    }
  }
  if (n_roots < cap_roots) {
    roots[n_roots].p = p;
    roots[n_roots].seq = seq;
    n_roots++;
  } else {
    ok = 0;
  }
  ReleaseSRWLockExclusive(&roots_lock);
  return ok;
}

/* Removes p from the live roots; 0 when it was none. */
static int untrack_root(const void *p) {
  LONG i;
  AcquireSRWLockExclusive(&roots_lock);
  i = find_root(p);
  if (i >= 0) roots[i] = roots[--n_roots];
  ReleaseSRWLockExclusive(&roots_lock);
  return i >= 0;
}

int host_is_root_buffer(const void *p) {
  LONG i;
  if (!p) return 0;
  AcquireSRWLockShared(&roots_lock);
  i = find_root(p);
  ReleaseSRWLockShared(&roots_lock);
  return i >= 0;
}

SCODE WINAPI host_allocate_buffer(ULONG cbSize, LPVOID *lppBuffer) {
  SCODE sc;
  LONG seq;
  host_mapi_load();
  if (!lppBuffer) return MAPI_E_INVALID_PARAMETER;
  seq = InterlockedIncrement(&allocations);
  sc = host_mapi.AllocateBuffer(cbSize, lppBuffer);
  if (sc == S_OK && *lppBuffer && !track_root(*lppBuffer, seq)) {
    host_mapi.FreeBuffer(*lppBuffer);
    *lppBuffer = NULL;
    return MAPI_E_NOT_ENOUGH_MEMORY;
  }
  return sc;
}

SCODE WINAPI host_allocate_more(ULONG cbSize, LPVOID lpObject, LPVOID *lppBuffer) {
  int root;
  host_mapi_load();
  if (!lppBuffer || !lpObject) return MAPI_E_INVALID_PARAMETER;
  /* lpObject must be a live buffer from MAPIAllocateBuffer itself. */
  root = host_is_root_buffer(lpObject);
  host_check(root, "MAPIAllocateMore chained to a live root buffer", __FILE__, __LINE__);
  if (!root) return MAPI_E_INVALID_PARAMETER;
  InterlockedIncrement(&more_allocations);
  return host_mapi.AllocateMore(cbSize, lpObject, lppBuffer);
}

ULONG WINAPI host_free_buffer(LPVOID lpBuffer) {
  int root;
  if (!lpBuffer) return 0;
  host_mapi_load();
  /* Only a live MAPIAllocateBuffer buffer may be freed, and only once. */
  root = untrack_root(lpBuffer);
  host_check(root, "MAPIFreeBuffer of a live root buffer (each freed exactly once)", __FILE__,
             __LINE__);
  if (!root) return 0; /* never hand Wine a stale or chained pointer */
  return host_mapi.FreeBuffer(lpBuffer);
}

LONG host_live_buffers(void) {
  LONG n;
  AcquireSRWLockShared(&roots_lock);
  n = n_roots;
  ReleaseSRWLockShared(&roots_lock);
  return n;
}
LONG host_allocations(void) { return InterlockedCompareExchange(&allocations, 0, 0); }
LONG host_more_allocations(void) { return InterlockedCompareExchange(&more_allocations, 0, 0); }

/* Forgets the `count` property arrays `arrays[i]` and `set`, all live roots,
 * so Wine's FreeProws / FreePadrlist may free them; 0 when one is no live
 * root (or appears twice): then those that were are freed one by one. */
static int untrack_set(void *set, void **arrays, ULONG count) {
  ULONG i;
  int ok = 1;
  void **forgotten = (void **)calloc(count + 1, sizeof *forgotten);
  ULONG n = 0;
  if (!forgotten) return 0;
  for (i = 0; i < count; i++) {
    if (!arrays[i]) continue; /* FreeProws skips nothing: NULL frees nothing */
    if (untrack_root(arrays[i]))
      forgotten[n++] = arrays[i];
    else
      ok = 0;
  }
  if (untrack_root(set))
    forgotten[n++] = set;
  else
    ok = 0;
  if (!ok) {
    /* Not a MAPI row set: free the roots it had, leave the rest. */
    for (i = 0; i < n; i++) host_mapi.FreeBuffer(forgotten[i]);
  }
  free(forgotten);
  return ok;
}

void host_free_prows(LPSRowSet rows) {
  ULONG i;
  void **arrays;
  int ok;
  if (!rows) return;
  host_mapi_load();
  arrays = (void **)calloc(rows->cRows + 1, sizeof *arrays);
  CHECK(arrays != NULL);
  if (!arrays) return;
  for (i = 0; i < rows->cRows; i++) arrays[i] = rows->aRow[i].lpProps;
  ok = untrack_set(rows, arrays, rows->cRows);
  free(arrays);
  host_check(ok, "FreeProws: every row's lpProps and the set are live roots", __FILE__, __LINE__);
  if (ok) host_mapi.FreeProws(rows);
}

void host_free_padrlist(LPADRLIST list) {
  ULONG i;
  void **arrays;
  int ok;
  if (!list) return;
  host_mapi_load();
  arrays = (void **)calloc(list->cEntries + 1, sizeof *arrays);
  CHECK(arrays != NULL);
  if (!arrays) return;
  for (i = 0; i < list->cEntries; i++) arrays[i] = list->aEntries[i].rgPropVals;
  ok = untrack_set(list, arrays, list->cEntries);
  free(arrays);
  host_check(ok, "FreePadrlist: every entry's rgPropVals and the list are live roots", __FILE__,
             __LINE__);
  if (ok) host_mapi.FreePadrlist(list);
}

HRESULT host_hr_get_one_prop(void *obj, ULONG tag, LPSPropValue *out) {
  LONG before;
  LONG i;
  LONG newest = -1;
  LONG made = 0;
  HRESULT hr;
  host_mapi_load();
  before = host_allocations();
  hr = host_mapi.HrGetOneProp((LPMAPIPROP)obj, tag, out);
  if (hr == MAPI_E_NOT_FOUND) {
    /* Wine freed the provider's array (MAPI_W_ERRORS_RETURNED) with its own
     * MAPIFreeBuffer: the one root made during the call that is still
     * tracked. */
    AcquireSRWLockExclusive(&roots_lock);
    for (i = 0; i < n_roots; i++) {
      if (roots[i].seq > before) {
        made++;
        if (newest < 0 || roots[i].seq > roots[newest].seq) newest = i;
      }
    }
    if (made == 1) roots[newest] = roots[--n_roots];
    ReleaseSRWLockExclusive(&roots_lock);
    CHECK_EQ(made, 1);
    CHECK(*out == NULL);
  } else if (hr == S_OK) {
    host_check(*out != NULL && host_is_root_buffer(*out) && !host_mapi.FBadProp(*out) &&
                   (*out)->ulPropTag == tag,
               "HrGetOneProp: one valid property with the tag asked, in a root buffer", __FILE__,
               __LINE__);
  }
  return hr;
}

/* ---- validation ---------------------------------------------------------- */

int host_check_props_f(ULONG count, LPSPropValue props, const char *file, int line) {
  ULONG i;
  int ok = 1;
  host_mapi_load();
  if (count == 0 && !props) return 1;
  ok = props != NULL && host_is_root_buffer(props);
  host_check(ok, "a property array in a live root buffer", file, line);
  if (!props) return 0;
  for (i = 0; i < count; i++) {
    if (host_mapi.FBadProp(&props[i])) {
      fprintf(stderr, "  FBadProp: value %lu of %lu, tag 0x%08lX\n", (unsigned long)i,
              (unsigned long)count, (unsigned long)props[i].ulPropTag);
      host_check(0, "every property valid (Wine's FBadProp)", file, line);
      ok = 0;
    }
  }
  return ok;
}

int host_check_tags_f(LPSPropTagArray tags, const char *file, int line) {
  ULONG i;
  int ok;
  host_mapi_load();
  ok = tags != NULL && host_is_root_buffer(tags);
  host_check(ok, "a property tag array in a live root buffer", file, line);
  if (!tags) return 0;
  if (host_mapi.FBadColumnSet(tags)) {
    host_check(0, "a valid tag array (Wine's FBadColumnSet)", file, line);
    ok = 0;
  }
  for (i = 0; i < tags->cValues; i++) {
    if (host_mapi.FBadPropTag(tags->aulPropTag[i])) {
      fprintf(stderr, "  FBadPropTag: 0x%08lX\n", (unsigned long)tags->aulPropTag[i]);
      host_check(0, "every tag valid (Wine's FBadPropTag)", file, line);
      ok = 0;
    }
  }
  return ok;
}

int host_check_rows_f(LPSRowSet rows, const char *file, int line) {
  ULONG i;
  int ok;
  host_mapi_load();
  ok = rows != NULL && host_is_root_buffer(rows);
  host_check(ok, "an SRowSet in a live root buffer", file, line);
  if (!rows) return 0;
  if (host_mapi.FBadRowSet(rows)) {
    host_check(0, "a valid row set (Wine's FBadRowSet)", file, line);
    ok = 0;
  }
  for (i = 0; i < rows->cRows; i++) {
    SRow *row = &rows->aRow[i];
    if (host_mapi.FBadRow(row)) {
      fprintf(stderr, "  FBadRow: row %lu of %lu\n", (unsigned long)i, (unsigned long)rows->cRows);
      host_check(0, "every row valid (Wine's FBadRow)", file, line);
      ok = 0;
    }
    if (!host_is_root_buffer(row->lpProps)) {
      host_check(0, "each row's lpProps is a live root buffer (FreeProws frees it)", file, line);
      ok = 0;
    }
  }
  return ok;
}

int host_check_adrlist_f(LPADRLIST list, const char *file, int line) {
  ULONG i;
  ULONG j;
  int ok;
  host_mapi_load();
  ok = list != NULL && host_is_root_buffer(list);
  host_check(ok, "an ADRLIST in a live root buffer", file, line);
  if (!list) return 0;
  for (i = 0; i < list->cEntries; i++) {
    ADRENTRY *e = &list->aEntries[i];
    if (!host_is_root_buffer(e->rgPropVals)) {
      host_check(0, "each entry's rgPropVals is a live root buffer (FreePadrlist frees it)", file,
                 line);
      ok = 0;
    }
    for (j = 0; e->rgPropVals && j < e->cValues; j++) {
      if (host_mapi.FBadProp(&e->rgPropVals[j])) {
        host_check(0, "every recipient property valid (Wine's FBadProp)", file, line);
        ok = 0;
      }
    }
  }
  return ok;
}

/* Whether two values of the same tag hold the same data. */
static int same_value(const SPropValue *a, const SPropValue *b) {
  ULONG i;
  ULONG size = host_mapi.UlPropSize((LPSPropValue)a);
  if (a->ulPropTag != b->ulPropTag || size != host_mapi.UlPropSize((LPSPropValue)b)) return 0;
  switch (PROP_TYPE(a->ulPropTag)) {
  case PT_STRING8:
  case PT_UNICODE:
    return memcmp(a->Value.lpszA, b->Value.lpszA, size) == 0;
  case PT_BINARY:
    return a->Value.bin.cb == b->Value.bin.cb &&
           memcmp(a->Value.bin.lpb, b->Value.bin.lpb, size) == 0;
  case PT_CLSID:
    return memcmp(a->Value.lpguid, b->Value.lpguid, sizeof(GUID)) == 0;
  case PT_MV_STRING8:
    if (a->Value.MVszA.cValues != b->Value.MVszA.cValues) return 0;
    for (i = 0; i < a->Value.MVszA.cValues; i++)
      if (strcmp(a->Value.MVszA.lppszA[i], b->Value.MVszA.lppszA[i]) != 0) return 0;
    return 1;
  case PT_MV_UNICODE:
    if (a->Value.MVszW.cValues != b->Value.MVszW.cValues) return 0;
    for (i = 0; i < a->Value.MVszW.cValues; i++)
      if (wcscmp(a->Value.MVszW.lppszW[i], b->Value.MVszW.lppszW[i]) != 0) return 0;
    return 1;
  case PT_MV_BINARY:
    if (a->Value.MVbin.cValues != b->Value.MVbin.cValues) return 0;
    for (i = 0; i < a->Value.MVbin.cValues; i++)
      if (a->Value.MVbin.lpbin[i].cb != b->Value.MVbin.lpbin[i].cb ||
          memcmp(a->Value.MVbin.lpbin[i].lpb, b->Value.MVbin.lpbin[i].lpb,
                 a->Value.MVbin.lpbin[i].cb) != 0)
        return 0;
    return 1;
  default:
    if (a->ulPropTag & MV_FLAG) /* arrays of numbers, times, GUIDs */
      return a->Value.MVi.cValues == b->Value.MVi.cValues &&
             memcmp(a->Value.MVi.lpi, b->Value.MVi.lpi, size) == 0;
    /* Scalars: the union's bytes the type uses. */
    return memcmp(&a->Value, &b->Value, size < sizeof a->Value ? size : sizeof a->Value) == 0;
  }
}

int host_check_copy_props_f(ULONG count, LPSPropValue props, const char *file, int line) {
  ULONG i;
  ULONG n = 0;
  ULONG cb = 0;
  ULONG copied = 0;
  LPSPropValue picked = NULL;
  LPSPropValue copy = NULL;
  int ok = 1;
  host_mapi_load();
  if (!props || count == 0) return 1;
  picked = (LPSPropValue)calloc(count, sizeof *picked);
  if (!picked) return 0;
  for (i = 0; i < count; i++)
    if (PROP_TYPE(props[i].ulPropTag) != PT_OBJECT && host_mapi.UlPropSize(&props[i]) > 0)
      picked[n++] = props[i];
  if (n > 0) {
    ok = host_mapi.ScCountProps((int)n, picked, &cb) == S_OK && cb >= n * sizeof(SPropValue);
    host_check(ok, "ScCountProps accepts the returned values", file, line);
    if (ok) ok = host_allocate_buffer(cb, (LPVOID *)&copy) == S_OK && copy;
    if (ok) {
      ok = host_mapi.ScCopyProps((int)n, picked, copy, &copied) == S_OK && copied == cb;
      host_check(ok, "ScCopyProps copies them in the bytes ScCountProps said", file, line);
      for (i = 0; ok && i < n; i++) {
        if (!same_value(&picked[i], &copy[i])) {
          fprintf(stderr, "  ScCopyProps: value %lu (tag 0x%08lX) differs from its copy\n",
                  (unsigned long)i, (unsigned long)picked[i].ulPropTag);
          host_check(0, "each copied value equals the provider's", file, line);
          ok = 0;
        }
      }
    }
    host_free_buffer(copy);
  }
  free(picked);
  return ok;
}

int host_check_entry_id_f(ULONG cb, const void *eid, const char *file, int line) {
  int ok = cb > 0 && eid != NULL && host_is_root_buffer(eid);
  host_check(ok, "an entry ID of cb > 0 bytes in a live root buffer", file, line);
  return ok;
}

/* ---- IMAPISupport ------------------------------------------------------ */

static HostSupport *support_of(IMAPISupport *This) {
  return (HostSupport *)((char *)This - offsetof(HostSupport, iface));
}

static ULONG STDMETHODCALLTYPE support_AddRef(IMAPISupport *This) {
  HostSupport *s = support_of(This);
  InterlockedIncrement(&s->add_refs);
  return (ULONG)InterlockedIncrement(&s->refs);
}

static ULONG STDMETHODCALLTYPE support_Release(IMAPISupport *This) {
  HostSupport *s = support_of(This);
  IMSLogon *logon;
  LONG left = InterlockedDecrement(&s->refs);
  InterlockedIncrement(&s->releases);
  s->last_release_tick = host_tick();
  CHECK(left >= 0); /* a provider must never over-release the support object */
  logon = (IMSLogon *)InterlockedExchangePointer((PVOID volatile *)&s->reenter_logon, NULL);
  if (logon) {
    /* What MAPI does while the provider releases its support object. */
    ULONG flags = 0;
    InterlockedIncrement(&s->reentries);
    s->reenter_hr = logon->lpVtbl->Logoff(logon, &flags);
    s->reenter_flags_after = flags;
    if (s->reenter_release) logon->lpVtbl->Release(logon);
  }
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE support_QueryInterface(IMAPISupport *This, REFIID riid,
                                                        LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &IID_IMAPISup))
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  support_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE support_GetMemAllocRoutines(IMAPISupport *This,
                                                             LPALLOCATEBUFFER *lpAllocateBuffer,
                                                             LPALLOCATEMORE *lpAllocateMore,
                                                             LPFREEBUFFER *lpFreeBuffer) {
  (void)This;
  if (!lpAllocateBuffer || !lpAllocateMore || !lpFreeBuffer) return MAPI_E_INVALID_PARAMETER;
  *lpAllocateBuffer = host_allocate_buffer;
  *lpAllocateMore = host_allocate_more;
  *lpFreeBuffer = host_free_buffer;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE support_StoreLogoffTransports(IMAPISupport *This,
                                                               ULONG *lpulFlags) {
  HostSupport *s = support_of(This);
  if (!lpulFlags) return MAPI_E_INVALID_PARAMETER;
  InterlockedIncrement(&s->store_logoff_transports);
  s->last_store_logoff_flags = *lpulFlags;
  return S_OK;
}

/* The test's profile, when it set one (win_test_service.c); else no
 * support, as a host without profiles. */
static HRESULT STDMETHODCALLTYPE support_OpenProfileSection(IMAPISupport *This, LPMAPIUID lpUid,
                                                            ULONG ulFlags,
                                                            LPPROFSECT *lppProfileObj) {
  HostSupport *s = support_of(This);
  if (!s->open_profile_section) {
    InterlockedIncrement(&s->unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
  return s->open_profile_section(s->profile_context, lpUid, ulFlags, lppProfileObj);
}

/* ---- the notification engine (HostSupport.engine) ----------------------- */

static int key_eq(const HostSubscription *sub, const NOTIFKEY *key) {
  return key && sub->cb == key->cb && memcmp(sub->key, key->ab, key->cb) == 0;
}

static HRESULT STDMETHODCALLTYPE support_Subscribe(IMAPISupport *This, LPNOTIFKEY lpKey,
                                                   ULONG ulEventMask, ULONG ulFlags,
                                                   LPMAPIADVISESINK lpAdviseSink,
                                                   ULONG *lpulConnection) {
  HostSupport *s = support_of(This);
  HostSubscription *sub;
  (void)ulFlags;
  if (!s->engine) {
    InterlockedIncrement(&s->unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
  if (!lpKey || !lpAdviseSink || !lpulConnection || lpKey->cb > sizeof sub->key)
    return MAPI_E_INVALID_PARAMETER;
  if (s->n_subscriptions >= HOST_MAX_SUBSCRIPTIONS) return MAPI_E_NOT_ENOUGH_MEMORY;
  sub = &s->subscriptions[s->n_subscriptions++];
  sub->connection = HOST_ENGINE_CONNECTION_BASE | (ULONG_PTR)(++s->subscribes);
  sub->cb = lpKey->cb;
  memcpy(sub->key, lpKey->ab, lpKey->cb);
  sub->mask = ulEventMask;
  sub->sink = lpAdviseSink;
  lpAdviseSink->lpVtbl->AddRef(lpAdviseSink);
  s->last_connection = sub->connection;
  /* Microsoft's width: the caller passed the address of a ULONG_PTR. */
  *(ULONG_PTR *)(void *)lpulConnection = sub->connection;
  return S_OK;
}

/* Microsoft's signature (MinGW's says ULONG): cast into the vtable below. */
static HRESULT STDMETHODCALLTYPE support_Unsubscribe(IMAPISupport *This, ULONG_PTR ulConnection) {
  HostSupport *s = support_of(This);
  LONG i;
  if (!s->engine) {
    InterlockedIncrement(&s->unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
  for (i = 0; i < s->n_subscriptions; i++) {
    if (s->subscriptions[i].connection == ulConnection) {
      IMAPIAdviseSink *sink = s->subscriptions[i].sink;
      s->subscriptions[i] = s->subscriptions[--s->n_subscriptions];
      s->unsubscribes++;
      sink->lpVtbl->Release(sink);
      return S_OK;
    }
  }
  s->unknown_unsubscribes++;
  return MAPI_E_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE support_Notify(IMAPISupport *This, LPNOTIFKEY lpKey,
                                                ULONG cNotification,
                                                LPNOTIFICATION lpNotifications,
                                                ULONG *lpulFlags) {
  HostSupport *s = support_of(This);
  LONG i;
  ULONG j;
  if (!s->engine) {
    InterlockedIncrement(&s->unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
  if (!lpKey || (cNotification && !lpNotifications) || !lpulFlags)
    return MAPI_E_INVALID_PARAMETER;
  s->notifies++;
  *lpulFlags = 0;
  for (i = 0; i < s->n_subscriptions; i++) {
    HostSubscription *sub = &s->subscriptions[i];
    NOTIFICATION *picked;
    ULONG n = 0;
    if (!key_eq(sub, lpKey)) continue;
    picked = (NOTIFICATION *)calloc(cNotification + 1, sizeof *picked);
    if (!picked) return MAPI_E_NOT_ENOUGH_MEMORY;
    for (j = 0; j < cNotification; j++)
      if (lpNotifications[j].ulEventType & sub->mask) picked[n++] = lpNotifications[j];
    if (n) {
      sub->sink->lpVtbl->OnNotify(sub->sink, n, picked);
      s->delivered += (LONG)n;
    }
    free(picked);
  }
  return S_OK;
}

/* The slots a store provider does not use here: counted, MAPI_E_NO_SUPPORT.
 * Each signature is mapispi.h's (the initializer below type-checks it). */
static HRESULT no_support(IMAPISupport *This) {
  InterlockedIncrement(&support_of(This)->unsupported_calls);
  return MAPI_E_NO_SUPPORT;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

static HRESULT STDMETHODCALLTYPE nosup_GetLastError(IMAPISupport *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ModifyStatusRow(IMAPISupport *This, ULONG cValues, LPSPropValue lpColumnVals, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_RegisterPreprocessor(IMAPISupport *This, LPMAPIUID lpMuid, LPTSTR lpszAdrType, LPTSTR lpszDLLName, LPSTR lpszPreprocess, LPSTR lpszRemovePreprocessInfo, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_NewUID(IMAPISupport *This, LPMAPIUID lpMuid)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_MakeInvalid(IMAPISupport *This, ULONG ulFlags, LPVOID lpObject, ULONG ulRefCount, ULONG cMethods)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SpoolerYield(IMAPISupport *This, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SpoolerNotify(IMAPISupport *This, ULONG ulFlags, LPVOID lpvData)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CreateOneOff(IMAPISupport *This, LPTSTR lpszName, LPTSTR lpszAdrType, LPTSTR lpszAddress, ULONG ulFlags, ULONG *lpcbEntryID, LPENTRYID *lppEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SetProviderUID(IMAPISupport *This, LPMAPIUID lpProviderID, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CompareEntryIDs(IMAPISupport *This, ULONG cbEntry1, LPENTRYID lpEntry1, ULONG cbEntry2, LPENTRYID lpEntry2, ULONG ulCompareFlags, ULONG *lpulResult)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenTemplateID(IMAPISupport *This, ULONG cbTemplateID, LPENTRYID lpTemplateID, ULONG ulTemplateFlags, LPMAPIPROP lpMAPIPropData, LPCIID lpInterface, LPMAPIPROP *lppMAPIPropNew, LPMAPIPROP lpMAPIPropSibling)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenEntry(IMAPISupport *This, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpInterface, ULONG ulOpenFlags, ULONG *lpulObjType, LPUNKNOWN *lppUnk)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_GetOneOffTable(IMAPISupport *This, ULONG ulFlags, LPMAPITABLE *lppTable)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Address(IMAPISupport *This, ULONG *lpulUIParam, LPADRPARM lpAdrParms, LPADRLIST *lppAdrList)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Details(IMAPISupport *This, ULONG *lpulUIParam, LPFNDISMISS lpfnDismiss, LPVOID lpvDismissContext, ULONG cbEntryID, LPENTRYID lpEntryID, LPFNBUTTON lpfButtonCallback, LPVOID lpvButtonContext, LPTSTR lpszButtonText, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_NewEntry(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, ULONG cbEIDContainer, LPENTRYID lpEIDContainer, ULONG cbEIDNewEntryTpl, LPENTRYID lpEIDNewEntryTpl, ULONG *lpcbEIDNewEntry, LPENTRYID *lppEIDNewEntry)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoConfigPropsheet(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, LPTSTR lpszTitle, LPMAPITABLE lpDisplayTable, LPMAPIPROP lpCOnfigData, ULONG ulTopPage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CopyMessages(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcFolder, LPENTRYLIST lpMsgList, LPCIID lpDestInterface, LPVOID lpDestFolder, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CopyFolder(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcFolder, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpDestInterface, LPVOID lpDestFolder, LPTSTR lszNewFolderName, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoCopyTo(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcObj, ULONG ciidExclude, LPCIID rgiidExclude, LPSPropTagArray lpExcludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpDestInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoCopyProps(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcObj, LPSPropTagArray lpIncludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpDestInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoProgressDialog(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, LPMAPIPROGRESS *lppProgress)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ReadReceipt(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpReadMessage, LPMESSAGE *lppEmptyMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_PrepareSubmit(IMAPISupport *This, LPMESSAGE lpMessage, ULONG *lpulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ExpandRecips(IMAPISupport *This, LPMESSAGE lpMessage, ULONG *lpulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_UpdatePAB(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoSentMail(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenAddressBook(IMAPISupport *This, LPCIID lpInterface, ULONG ulFlags, LPADRBOOK *lppAdrBook)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Preprocess(IMAPISupport *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CompleteMsg(IMAPISupport *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_StatusRecips(IMAPISupport *This, LPMESSAGE lpMessage, LPADRLIST lpRecipList)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_WrapStoreEntryID(IMAPISupport *This, ULONG cbOrigEntry, LPENTRYID lpOrigEntry, ULONG *lpcbWrappedEntry, LPENTRYID *lppWrappedEntry)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ModifyProfile(IMAPISupport *This, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_IStorageFromStream(IMAPISupport *This, LPUNKNOWN lpUnkIn, LPCIID lpInterface, ULONG ulFlags, LPSTORAGE *lppStorageOut)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_GetSvcConfigSupportObj(IMAPISupport *This, ULONG ulFlags, LPMAPISUP *lppSvcSupport)
{ return no_support(This); }

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* All 44 slots, in mapispi.h's order (designated: the compiler checks each
 * name and type; the _Static_asserts above check the count). Not const:
 * MinGW's C interfaces declare a non-const lpVtbl. */
static IMAPISupportVtbl support_vtbl = {
    /*  0 */ .QueryInterface = support_QueryInterface,
    /*  1 */ .AddRef = support_AddRef,
    /*  2 */ .Release = support_Release,
    /*  3 */ .GetLastError = nosup_GetLastError,
    /*  4 */ .GetMemAllocRoutines = support_GetMemAllocRoutines,
    /*  5 */ .Subscribe = support_Subscribe,
    /*  6 */ .Unsubscribe = (HRESULT(STDMETHODCALLTYPE *)(IMAPISupport *, ULONG))(void (*)(void))
        support_Unsubscribe,
    /*  7 */ .Notify = support_Notify,
    /*  8 */ .ModifyStatusRow = nosup_ModifyStatusRow,
    /*  9 */ .OpenProfileSection = support_OpenProfileSection,
    /* 10 */ .RegisterPreprocessor = nosup_RegisterPreprocessor,
    /* 11 */ .NewUID = nosup_NewUID,
    /* 12 */ .MakeInvalid = nosup_MakeInvalid,
    /* 13 */ .SpoolerYield = nosup_SpoolerYield,
    /* 14 */ .SpoolerNotify = nosup_SpoolerNotify,
    /* 15 */ .CreateOneOff = nosup_CreateOneOff,
    /* 16 */ .SetProviderUID = nosup_SetProviderUID,
    /* 17 */ .CompareEntryIDs = nosup_CompareEntryIDs,
    /* 18 */ .OpenTemplateID = nosup_OpenTemplateID,
    /* 19 */ .OpenEntry = nosup_OpenEntry,
    /* 20 */ .GetOneOffTable = nosup_GetOneOffTable,
    /* 21 */ .Address = nosup_Address,
    /* 22 */ .Details = nosup_Details,
    /* 23 */ .NewEntry = nosup_NewEntry,
    /* 24 */ .DoConfigPropsheet = nosup_DoConfigPropsheet,
    /* 25 */ .CopyMessages = nosup_CopyMessages,
    /* 26 */ .CopyFolder = nosup_CopyFolder,
    /* 27 */ .DoCopyTo = nosup_DoCopyTo,
    /* 28 */ .DoCopyProps = nosup_DoCopyProps,
    /* 29 */ .DoProgressDialog = nosup_DoProgressDialog,
    /* 30 */ .ReadReceipt = nosup_ReadReceipt,
    /* 31 */ .PrepareSubmit = nosup_PrepareSubmit,
    /* 32 */ .ExpandRecips = nosup_ExpandRecips,
    /* 33 */ .UpdatePAB = nosup_UpdatePAB,
    /* 34 */ .DoSentMail = nosup_DoSentMail,
    /* 35 */ .OpenAddressBook = nosup_OpenAddressBook,
    /* 36 */ .Preprocess = nosup_Preprocess,
    /* 37 */ .CompleteMsg = nosup_CompleteMsg,
    /* 38 */ .StoreLogoffTransports = support_StoreLogoffTransports,
    /* 39 */ .StatusRecips = nosup_StatusRecips,
    /* 40 */ .WrapStoreEntryID = nosup_WrapStoreEntryID,
    /* 41 */ .ModifyProfile = nosup_ModifyProfile,
    /* 42 */ .IStorageFromStream = nosup_IStorageFromStream,
    /* 43 */ .GetSvcConfigSupportObj = nosup_GetSvcConfigSupportObj,
};

void host_support_init(HostSupport *s) {
  memset(s, 0, sizeof *s);
  s->iface.lpVtbl = &support_vtbl;
  s->refs = 1;
}

IMAPISupport *host_support_iface(HostSupport *s) { return &s->iface; }

/* ---- IMAPIAdviseSink --------------------------------------------------- */

static HostSink *sink_of(IMAPIAdviseSink *This) {
  return (HostSink *)((char *)This - offsetof(HostSink, iface));
}

static ULONG STDMETHODCALLTYPE sink_AddRef(IMAPIAdviseSink *This) {
  HostSink *k = sink_of(This);
  InterlockedIncrement(&k->add_refs);
  return (ULONG)InterlockedIncrement(&k->refs);
}

static ULONG STDMETHODCALLTYPE sink_Release(IMAPIAdviseSink *This) {
  HostSink *k = sink_of(This);
  LONG left = InterlockedDecrement(&k->refs);
  InterlockedIncrement(&k->releases);
  k->last_release_tick = host_tick();
  CHECK(left >= 0);
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE sink_QueryInterface(IMAPIAdviseSink *This, REFIID riid,
                                                     LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &IID_IMAPIAdviseSink))
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  sink_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

static ULONG STDMETHODCALLTYPE sink_OnNotify(IMAPIAdviseSink *This, ULONG cNotif,
                                             LPNOTIFICATION lpNotifications) {
  (void)lpNotifications;
  InterlockedExchangeAdd(&sink_of(This)->notifications, (LONG)cNotif);
  return 0;
}

static IMAPIAdviseSinkVtbl sink_vtbl = {
    .QueryInterface = sink_QueryInterface,
    .AddRef = sink_AddRef,
    .Release = sink_Release,
    .OnNotify = sink_OnNotify,
};

void host_sink_init(HostSink *k) {
  memset(k, 0, sizeof *k);
  k->iface.lpVtbl = &sink_vtbl;
  k->refs = 1;
}

IMAPIAdviseSink *host_sink_iface(HostSink *k) { return &k->iface; }

/* ---- IMalloc ------------------------------------------------------------ */

static HostMalloc *malloc_of(IMalloc *This) {
  return (HostMalloc *)((char *)This - offsetof(HostMalloc, iface));
}

static ULONG STDMETHODCALLTYPE malloc_AddRef(IMalloc *This) {
  HostMalloc *m = malloc_of(This);
  InterlockedIncrement(&m->add_refs);
  return (ULONG)InterlockedIncrement(&m->refs);
}

static ULONG STDMETHODCALLTYPE malloc_Release(IMalloc *This) {
  HostMalloc *m = malloc_of(This);
  LONG left = InterlockedDecrement(&m->refs);
  InterlockedIncrement(&m->releases);
  CHECK(left >= 0);
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE malloc_QueryInterface(IMalloc *This, REFIID riid,
                                                       void **ppvObject) {
  if (!ppvObject) return E_POINTER;
  *ppvObject = NULL;
  if (!riid || !iid_eq(riid, &host_IID_IUnknown)) return E_NOINTERFACE;
  malloc_AddRef(This);
  *ppvObject = This;
  return S_OK;
}

static void *STDMETHODCALLTYPE malloc_Alloc(IMalloc *This, SIZE_T cb) {
  (void)This;
  return malloc(cb ? cb : 1);
}

static void *STDMETHODCALLTYPE malloc_Realloc(IMalloc *This, void *pv, SIZE_T cb) {
  (void)This;
  return realloc(pv, cb ? cb : 1);
}

static void STDMETHODCALLTYPE malloc_Free(IMalloc *This, void *pv) {
  (void)This;
  free(pv);
}

static SIZE_T STDMETHODCALLTYPE malloc_GetSize(IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return (SIZE_T)-1; /* unknown, as IMalloc allows */
}

static int STDMETHODCALLTYPE malloc_DidAlloc(IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return -1; /* cannot tell */
}

static void STDMETHODCALLTYPE malloc_HeapMinimize(IMalloc *This) { (void)This; }

static IMallocVtbl malloc_vtbl = {
    .QueryInterface = malloc_QueryInterface,
    .AddRef = malloc_AddRef,
    .Release = malloc_Release,
    .Alloc = malloc_Alloc,
    .Realloc = malloc_Realloc,
    .Free = malloc_Free,
    .GetSize = malloc_GetSize,
    .DidAlloc = malloc_DidAlloc,
    .HeapMinimize = malloc_HeapMinimize,
};

void host_malloc_init(HostMalloc *m) {
  memset(m, 0, sizeof *m);
  m->iface.lpVtbl = &malloc_vtbl;
  m->refs = 1;
}

IMalloc *host_malloc_iface(HostMalloc *m) { return &m->iface; }

/* ---- MAPI data ---------------------------------------------------------- */

void host_store_entry_id(BYTE eid[24], ULONG number) {
  static const char uid[16] = {'m', 's', 'l', 'o', 'g', 'o', 'n', '\0',
                               'r', 'e', 'f', 's', 't', 'o', 'r', 'e'};
  int i;
  memset(eid, 0, 4);
  memcpy(eid + 4, uid, sizeof uid);
  for (i = 0; i < 4; i++) eid[20 + i] = (BYTE)(number >> (8 * i));
}

/* Narrows a NUL-terminated string (8-bit, or WCHAR holding ASCII). */
static void narrow(const void *s, int wide, char *out, size_t cap) {
  size_t i = 0;
  if (!s) {
    snprintf(out, cap, "(null)");
    return;
  }
  for (; i + 1 < cap; i++) {
    unsigned c = wide ? ((const WCHAR *)s)[i] : ((const unsigned char *)s)[i];
    if (c == 0) break;
    out[i] = c < 128 ? (char)c : '?';
  }
  out[i] = '\0';
}

int host_check_mapierror(const MAPIERROR *err, const char *needle, int wide) {
  char text[512];
  char component[64];
  if (!err) {
    fprintf(stderr, "no MAPIERROR (expected one containing '%s')\n", needle);
    return 0;
  }
  if (!host_is_root_buffer(err) || host_is_root_buffer(err->lpszError) ||
      host_is_root_buffer(err->lpszComponent)) {
    fprintf(stderr, "the MAPIERROR is no live root buffer, or its strings are roots\n");
    return 0;
  }
  narrow(err->lpszError, wide, text, sizeof text);
  narrow(err->lpszComponent, wide, component, sizeof component);
  if (err->ulVersion != MAPI_ERROR_VERSION || strcmp(component, "mslogon") != 0 ||
      !strstr(text, needle)) {
    fprintf(stderr, "unexpected MAPIERROR (%s): version %lu, component '%s', text '%s'\n",
            wide ? "wide" : "8-bit", (unsigned long)err->ulVersion, component, text);
    return 0;
  }
  if (wide) {
    /* Really WCHAR: the component compares as a wide string, and read as
     * 8-bit it stops after one character. */
    if (wcscmp((const WCHAR *)err->lpszComponent, L"mslogon") != 0) return 0;
    if (strlen((const char *)err->lpszComponent) != 1) return 0;
  } else if (strcmp((const char *)err->lpszComponent, "mslogon") != 0) {
    return 0;
  }
  return 1;
}
