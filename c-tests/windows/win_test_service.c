/*
 * win_test_service.c: where the store lives, configured the MAPI way, as a
 * Windows MAPI host does it, in C11 against the genuine MinGW-w64
 * <windows.h> / <mapidefs.h> / <mapispi.h> (never include/mslogon.h):
 * mslogon.dll is loaded with LoadLibraryA, ServiceEntry and MSProviderInit
 * found with GetProcAddress (ServiceEntry as LPMSGSERVICEENTRY, WINAPI).
 * The host keeps an in-memory profile (a service section and a provider
 * section whose PR_SERVICE_UID names the service's) behind a small
 * IProfSect (changes kept by SaveChanges), an IProviderAdmin and the
 * support object's OpenProfileSection:
 *
 *   1. ServiceEntry(MSG_SERVICE_CREATE, PR_MSLOGON_STORE_PATH_W = a file in
 *      a fresh directory of %TEMP%) writes the path into the service's
 *      section; MSProviderInit -> Logon creates the store in that file; a
 *      message is saved; Logoff, Shutdown; a new MSProviderInit -> Logon
 *      through the same profile finds the message;
 *   2. MSG_SERVICE_CONFIGURE to a file that is no store: Logon fails with
 *      MAPI_E_CORRUPT_STORE and a MAPIERROR naming the file, which stays
 *      untouched;
 *   3. MSG_SERVICE_DELETE removes the property and leaves the store file;
 *   4. CREATE without a path: %LOCALAPPDATA%\mslogon\store-<service UID>.
 *      mslogon.db (MSLOGON_STORE_DIR unset), created at the logon;
 *   5. an unsupported context: MAPI_E_NO_SUPPORT; a NULL lpProviderAdmin:
 *      MAPI_E_INVALID_PARAMETER.
 * At the end no host buffer, no profile section and no mslogon object is
 * left, every AddRef was released, and the files are removed.
 *
 * ulUIParam is ULONG_PTR in Microsoft's headers and in the DLL, ULONG in
 * MinGW's MSGSERVICEENTRY: this host passes 0 (see win_test_tree.c).
 *
 * Prints "win_test_service_c: N passed, M failed"; exits 0 only if M is 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "win_host.h"

/* mslogon's provider-defined property (PROP_TAG(PT_UNICODE, 0x6700)). */
#define PR_MSLOGON_STORE_PATH_W PROP_TAG(PT_UNICODE, 0x6700)
#define PR_MSLOGON_STORE_PATH_A PROP_TAG(PT_STRING8, 0x6700)

static LPMSPROVIDERINIT provider_init;
static LPMSGSERVICEENTRY service_entry;
static HMODULE provider_module;

typedef ULONG (*LiveObjectsFn)(void);
static LiveObjectsFn live_objects_fn;
static long live_objects(void) { return live_objects_fn ? (long)live_objects_fn() : -1; }

static const IID iid_prof_sect = {0x00020304, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID iid_mapi_prop = {0x00020303, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID iid_provider_admin = {0x00020325, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

/* ---- the in-memory profile -------------------------------------------- */

#define MAX_PROPS 8
#define MAX_DATA 2048

typedef struct Prop {
  ULONG tag; /* 0: a free slot */
  ULONG cb;  /* bytes of data: strings with their NUL */
  BYTE data[MAX_DATA];
} Prop;

typedef struct Section {
  MAPIUID uid;
  Prop props[MAX_PROPS];
} Section;

enum { SERVICE = 0, PROVIDER = 1, SECTIONS = 2 };

typedef struct Profile {
  Section sections[SECTIONS];
  LONG live; /* IProfSect objects alive */
  LONG saves;
} Profile;

typedef struct ProfSect {
  IProfSect iface;
  LONG refs;
  Profile *profile;
  int section;
  int writable;
  Prop props[MAX_PROPS]; /* the working copy */
} ProfSect;

static ProfSect *sect_of(IProfSect *This) { return (ProfSect *)(void *)This; }

static Prop *find_prop(Prop *props, ULONG id) {
  int i;
  for (i = 0; i < MAX_PROPS; i++)
    if (props[i].tag && PROP_ID(props[i].tag) == id) return &props[i];
  return NULL;
}

static int put_prop(Prop *props, const SPropValue *v) {
  Prop *p = find_prop(props, PROP_ID(v->ulPropTag));
  int i;
  size_t cb = 0;
  const void *src = NULL;
  for (i = 0; i < MAX_PROPS && !p; i++)
    if (!props[i].tag) p = &props[i];
  if (!p) return 0;
  switch (PROP_TYPE(v->ulPropTag)) {
    case PT_STRING8:
      src = v->Value.lpszA;
      cb = strlen(v->Value.lpszA) + 1;
      break;
    case PT_UNICODE:
      src = v->Value.lpszW;
      cb = 2 * (wcslen(v->Value.lpszW) + 1);
      break;
    case PT_BINARY:
      src = v->Value.bin.lpb;
      cb = v->Value.bin.cb;
      break;
    default: return 0;
  }
  if (cb > MAX_DATA) return 0;
  p->tag = v->ulPropTag;
  p->cb = (ULONG)cb;
  memcpy(p->data, src, cb);
  return 1;
}

static ULONG STDMETHODCALLTYPE sect_AddRef(IProfSect *This) {
  return (ULONG)InterlockedIncrement(&sect_of(This)->refs);
}

static ULONG STDMETHODCALLTYPE sect_Release(IProfSect *This) {
  ProfSect *s = sect_of(This);
  LONG left = InterlockedDecrement(&s->refs);
  CHECK(left >= 0);
  if (left == 0) {
    InterlockedDecrement(&s->profile->live);
    free(s);
  }
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE sect_QueryInterface(IProfSect *This, REFIID riid,
                                                     LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (memcmp(riid, &host_IID_IUnknown, sizeof(IID)) != 0 &&
      memcmp(riid, &iid_mapi_prop, sizeof(IID)) != 0 &&
      memcmp(riid, &iid_prof_sect, sizeof(IID)) != 0)
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  sect_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE sect_GetProps(IProfSect *This, LPSPropTagArray lpPropTagArray,
                                               ULONG ulFlags, ULONG *lpcValues,
                                               LPSPropValue *lppPropArray) {
  ProfSect *s = sect_of(This);
  ULONG n, i;
  LPSPropValue out = NULL;
  HRESULT hr = S_OK;
  (void)ulFlags;
  if (!lpcValues || !lppPropArray || !lpPropTagArray) return MAPI_E_INVALID_PARAMETER;
  *lpcValues = 0;
  *lppPropArray = NULL;
  n = lpPropTagArray->cValues;
  if (n == 0) return MAPI_E_INVALID_PARAMETER;
  if (host_allocate_buffer(n * (ULONG)sizeof *out, (LPVOID *)&out) != S_OK)
    return MAPI_E_NOT_ENOUGH_MEMORY;
  for (i = 0; i < n; i++) {
    ULONG tag = lpPropTagArray->aulPropTag[i];
    Prop *p = find_prop(s->props, PROP_ID(tag));
    LPVOID copy = NULL;
    memset(&out[i], 0, sizeof out[i]);
    if (!p || p->tag != tag) {
      out[i].ulPropTag = PROP_TAG(PT_ERROR, PROP_ID(tag));
      out[i].Value.err = MAPI_E_NOT_FOUND;
      hr = MAPI_W_ERRORS_RETURNED;
      continue;
    }
    out[i].ulPropTag = tag;
    CHECK_HR(host_allocate_more(p->cb ? p->cb : 1, out, &copy), S_OK);
    if (copy) memcpy(copy, p->data, p->cb);
    if (PROP_TYPE(tag) == PT_BINARY) {
      out[i].Value.bin.cb = p->cb;
      out[i].Value.bin.lpb = (LPBYTE)copy;
    } else if (PROP_TYPE(tag) == PT_UNICODE) {
      out[i].Value.lpszW = (LPWSTR)copy;
    } else {
      out[i].Value.lpszA = (LPSTR)copy;
    }
  }
  *lpcValues = n;
  *lppPropArray = out;
  return hr;
}

static HRESULT STDMETHODCALLTYPE sect_SetProps(IProfSect *This, ULONG cValues,
                                               LPSPropValue lpPropArray,
                                               LPSPropProblemArray *lppProblems) {
  ProfSect *s = sect_of(This);
  ULONG i;
  if (lppProblems) *lppProblems = NULL;
  if (!cValues || !lpPropArray) return MAPI_E_INVALID_PARAMETER;
  if (!s->writable) return MAPI_E_NO_ACCESS;
  for (i = 0; i < cValues; i++)
    if (!put_prop(s->props, &lpPropArray[i])) return MAPI_E_CALL_FAILED;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE sect_DeleteProps(IProfSect *This, LPSPropTagArray lpPropTagArray,
                                                  LPSPropProblemArray *lppProblems) {
  ProfSect *s = sect_of(This);
  ULONG i;
  if (lppProblems) *lppProblems = NULL;
  if (!lpPropTagArray) return MAPI_E_INVALID_PARAMETER;
  if (!s->writable) return MAPI_E_NO_ACCESS;
  for (i = 0; i < lpPropTagArray->cValues; i++) {
    Prop *p = find_prop(s->props, PROP_ID(lpPropTagArray->aulPropTag[i]));
    if (p && p->tag == lpPropTagArray->aulPropTag[i]) p->tag = 0;
  }
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE sect_SaveChanges(IProfSect *This, ULONG ulFlags) {
  ProfSect *s = sect_of(This);
  (void)ulFlags;
  if (!s->writable) return MAPI_E_NO_ACCESS;
  memcpy(s->profile->sections[s->section].props, s->props, sizeof s->props);
  s->profile->saves++;
  return S_OK;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
static HRESULT STDMETHODCALLTYPE sect_GetLastError(IProfSect *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_GetPropList(IProfSect *This, ULONG ulFlags, LPSPropTagArray *lppPropTagArray)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_OpenProperty(IProfSect *This, ULONG ulPropTag, LPCIID lpiid, ULONG ulInterfaceOptions, ULONG ulFlags, LPUNKNOWN *lppUnk)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_CopyTo(IProfSect *This, ULONG ciidExclude, LPCIID rgiidExclude, LPSPropTagArray lpExcludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_CopyProps(IProfSect *This, LPSPropTagArray lpIncludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_GetNamesFromIDs(IProfSect *This, LPSPropTagArray *lppPropTags, LPGUID lpPropSetGuid, ULONG ulFlags, ULONG *lpcPropNames, LPMAPINAMEID **lpppPropNames)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE sect_GetIDsFromNames(IProfSect *This, ULONG cPropNames, LPMAPINAMEID *lppPropNames, ULONG ulFlags, LPSPropTagArray *lppPropTags)
{ return MAPI_E_NO_SUPPORT; }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static IProfSectVtbl sect_vtbl = {
    .QueryInterface = sect_QueryInterface,
    .AddRef = sect_AddRef,
    .Release = sect_Release,
    .GetLastError = sect_GetLastError,
    .SaveChanges = sect_SaveChanges,
    .GetProps = sect_GetProps,
    .GetPropList = sect_GetPropList,
    .OpenProperty = sect_OpenProperty,
    .SetProps = sect_SetProps,
    .DeleteProps = sect_DeleteProps,
    .CopyTo = sect_CopyTo,
    .CopyProps = sect_CopyProps,
    .GetNamesFromIDs = sect_GetNamesFromIDs,
    .GetIDsFromNames = sect_GetIDsFromNames,
};

static HRESULT open_section(Profile *profile, const MAPIUID *uid, int by_default, ULONG flags,
                            LPPROFSECT *out) {
  ProfSect *s;
  int i, found = by_default;
  if (!out) return MAPI_E_INVALID_PARAMETER;
  *out = NULL;
  if (uid) {
    found = -1;
    for (i = 0; i < SECTIONS; i++)
      if (memcmp(uid, &profile->sections[i].uid, sizeof *uid) == 0) found = i;
    if (found < 0) return MAPI_E_NOT_FOUND;
  }
  s = (ProfSect *)calloc(1, sizeof *s);
  if (!s) return MAPI_E_NOT_ENOUGH_MEMORY;
  s->iface.lpVtbl = &sect_vtbl;
  s->refs = 1;
  s->profile = profile;
  s->section = found;
  s->writable = (flags & MAPI_MODIFY) != 0;
  memcpy(s->props, profile->sections[found].props, sizeof s->props);
  InterlockedIncrement(&profile->live);
  *out = &s->iface;
  return S_OK;
}

/* IMAPISupport::OpenProfileSection: NULL is the provider's own section. */
static HRESULT support_open(void *context, LPMAPIUID uid, ULONG flags, LPPROFSECT *out) {
  return open_section((Profile *)context, uid, PROVIDER, flags, out);
}

static const MAPIUID kServiceUid = {
    {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F}};
static const MAPIUID kProviderUid = {
    {0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F}};

static void profile_init(Profile *p) {
  SPropValue v;
  memset(p, 0, sizeof *p);
  p->sections[SERVICE].uid = kServiceUid;
  p->sections[PROVIDER].uid = kProviderUid;
  memset(&v, 0, sizeof v);
  v.ulPropTag = PR_SERVICE_UID;
  v.Value.bin.cb = 16;
  v.Value.bin.lpb = (LPBYTE)(void *)&kServiceUid;
  CHECK(put_prop(p->sections[SERVICE].props, &v));
  CHECK(put_prop(p->sections[PROVIDER].props, &v));
}

/* The path in the service's section, as the ANSI code page has it ("" if
 * none). */
static const char *service_path(Profile *p) {
  static char text[MAX_PATH * 2];
  Prop *prop = find_prop(p->sections[SERVICE].props, 0x6700);
  text[0] = 0;
  if (prop && prop->tag == PR_MSLOGON_STORE_PATH_W)
    WideCharToMultiByte(CP_ACP, 0, (LPCWSTR)(void *)prop->data, -1, text, sizeof text, NULL,
                        NULL);
  return text;
}

/* ---- IProviderAdmin ---------------------------------------------------- */

typedef struct Admin {
  IProviderAdmin iface;
  LONG refs;
  Profile *profile;
} Admin;

static Admin *admin_of(IProviderAdmin *This) { return (Admin *)(void *)This; }

static ULONG STDMETHODCALLTYPE admin_AddRef(IProviderAdmin *This) {
  return (ULONG)InterlockedIncrement(&admin_of(This)->refs);
}

static ULONG STDMETHODCALLTYPE admin_Release(IProviderAdmin *This) {
  LONG left = InterlockedDecrement(&admin_of(This)->refs);
  CHECK(left >= 0);
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE admin_QueryInterface(IProviderAdmin *This, REFIID riid,
                                                      LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (memcmp(riid, &host_IID_IUnknown, sizeof(IID)) != 0 &&
      memcmp(riid, &iid_provider_admin, sizeof(IID)) != 0)
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  admin_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

/* NULL (from a service's entry point) is the service's own section. */
static HRESULT STDMETHODCALLTYPE admin_OpenProfileSection(IProviderAdmin *This, LPMAPIUID lpUID,
                                                          LPCIID lpInterface, ULONG ulFlags,
                                                          LPPROFSECT *lppProfSect) {
  if (lpInterface && memcmp(lpInterface, &iid_prof_sect, sizeof(IID)) != 0) {
    if (lppProfSect) *lppProfSect = NULL;
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  }
  return open_section(admin_of(This)->profile, lpUID, SERVICE, ulFlags, lppProfSect);
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
static HRESULT STDMETHODCALLTYPE admin_GetLastError(IProviderAdmin *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE admin_GetProviderTable(IProviderAdmin *This, ULONG ulFlags, LPMAPITABLE *lppTable)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE admin_CreateProvider(IProviderAdmin *This, LPTSTR lpszProvider, ULONG cValues, LPSPropValue lpProps, ULONG ulUIParam, ULONG ulFlags, MAPIUID *lpUID)
{ return MAPI_E_NO_SUPPORT; }
static HRESULT STDMETHODCALLTYPE admin_DeleteProvider(IProviderAdmin *This, LPMAPIUID lpUID)
{ return MAPI_E_NO_SUPPORT; }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static IProviderAdminVtbl admin_vtbl = {
    .QueryInterface = admin_QueryInterface,
    .AddRef = admin_AddRef,
    .Release = admin_Release,
    .GetLastError = admin_GetLastError,
    .GetProviderTable = admin_GetProviderTable,
    .CreateProvider = admin_CreateProvider,
    .DeleteProvider = admin_DeleteProvider,
    .OpenProfileSection = admin_OpenProfileSection,
};

static void admin_init(Admin *a, Profile *p) {
  memset(a, 0, sizeof *a);
  a->iface.lpVtbl = &admin_vtbl;
  a->refs = 1;
  a->profile = p;
}

/* ---- files -------------------------------------------------------------- */

static char temp_root[MAX_PATH];

static void make_temp_root(void) {
  char tmp[MAX_PATH];
  DWORD n = GetTempPathA(sizeof tmp, tmp);
  CHECK(n > 0 && n < sizeof tmp);
  snprintf(temp_root, sizeof temp_root, "%smslogon-service-%lu-%lu", tmp,
           (unsigned long)GetCurrentProcessId(), (unsigned long)GetTickCount());
  CHECK(CreateDirectoryA(temp_root, NULL));
}

static int exists(const char *path) { return GetFileAttributesA(path) != INVALID_FILE_ATTRIBUTES; }

static void remove_store(const char *path) {
  char companion[MAX_PATH + 8];
  DeleteFileA(path);
  snprintf(companion, sizeof companion, "%s-wal", path);
  DeleteFileA(companion);
  snprintf(companion, sizeof companion, "%s-shm", path);
  DeleteFileA(companion);
}

/* ---- calls -------------------------------------------------------------- */

/* ServiceEntry with the store path `path` (NULL: no lpProps), as Unicode. */
static HRESULT configure(ULONG context, const char *path, HostSupport *support, Admin *admin,
                         LPMAPIERROR *error) {
  WCHAR wide[MAX_PATH * 2];
  SPropValue v;
  memset(&v, 0, sizeof v);
  if (path) {
    CHECK(MultiByteToWideChar(CP_ACP, 0, path, -1, wide, MAX_PATH * 2) > 0);
    v.ulPropTag = PR_MSLOGON_STORE_PATH_W;
    v.Value.lpszW = wide;
  }
  return service_entry(provider_module, NULL, host_support_iface(support), 0, 0, context,
                       path ? 1 : 0, path ? &v : NULL, admin ? &admin->iface : NULL, error);
}

static IMSProvider *init_provider(HostMalloc *m) {
  IMSProvider *provider = NULL;
  ULONG version = 0;
  CHECK_HR(provider_init(provider_module, host_malloc_iface(m), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, &version,
                         &provider),
           S_OK);
  CHECK(provider != NULL);
  return provider;
}

static void shutdown_and_release(IMSProvider *provider) {
  ULONG flags = 0;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  CHECK_EQ(live_objects(), 0);
}

typedef struct Session {
  IMSLogon *logon;
  IMsgStore *store;
} Session;

static HRESULT logon_with(IMSProvider *provider, HostSupport *support, Session *l,
                          LPMAPIERROR *error) {
  l->logon = NULL;
  l->store = NULL;
  return provider->lpVtbl->Logon(provider, host_support_iface(support), 0, NULL, 0, NULL,
                                 MDB_NO_DIALOG | MDB_WRITE, NULL, NULL, NULL, error, &l->logon,
                                 &l->store);
}

static Session logon_ok(IMSProvider *provider, HostSupport *support) {
  Session l;
  LPMAPIERROR error = NULL;
  CHECK_HR(logon_with(provider, support, &l, &error), S_OK);
  CHECK(error == NULL);
  CHECK(l.logon != NULL && l.store != NULL);
  return l;
}

static void logoff_release(Session *l) {
  ULONG flags = 0;
  CHECK_HR(l->logon->lpVtbl->Logoff(l->logon, &flags), S_OK);
  CHECK_EQ(l->logon->lpVtbl->Release(l->logon), 0);
  CHECK_EQ(l->store->lpVtbl->Release(l->store), 0);
}

typedef struct EntryId {
  ULONG cb;
  BYTE ab[64];
} EntryId;

/* Saves a message with `subject` in the Inbox: its entry ID. */
static EntryId save_message(IMsgStore *store, const char *subject) {
  ULONG cb = 0, type = 0, n = 0;
  LPENTRYID eid = NULL;
  LPUNKNOWN unk = NULL;
  LPMAPIFOLDER inbox;
  LPMESSAGE m = NULL;
  SPropValue v;
  LPSPropValue got = NULL;
  SizedSPropTagArray(1, tags) = {1, {PR_ENTRYID}};
  EntryId e;
  memset(&e, 0, sizeof e);
  CHECK_HR(store->lpVtbl->GetReceiveFolder(store, (LPTSTR)(void *)"IPM", 0, &cb, &eid, NULL), S_OK);
  host_check_entry_id(cb, eid);
  CHECK_HR(store->lpVtbl->OpenEntry(store, cb, eid, NULL, MAPI_MODIFY, &type, &unk), S_OK);
  host_free_buffer(eid);
  CHECK_EQ(type, MAPI_FOLDER);
  if (!unk) return e;
  inbox = (LPMAPIFOLDER)(void *)unk;
  CHECK_HR(inbox->lpVtbl->CreateMessage(inbox, NULL, 0, &m), S_OK);
  if (m) {
    memset(&v, 0, sizeof v);
    v.ulPropTag = PR_SUBJECT_A;
    v.Value.lpszA = (LPSTR)(void *)subject;
    CHECK_HR(m->lpVtbl->SetProps(m, 1, &v, NULL), S_OK);
    CHECK_HR(m->lpVtbl->SaveChanges(m, KEEP_OPEN_READWRITE), S_OK);
    CHECK_HR(m->lpVtbl->GetProps(m, (LPSPropTagArray)(void *)&tags, 0, &n, &got), S_OK);
    host_check_props(n, got); /* Wine's FBadProp, one root buffer */
    if (got && n == 1 && got->ulPropTag == PR_ENTRYID && got->Value.bin.cb <= sizeof e.ab) {
      e.cb = got->Value.bin.cb;
      memcpy(e.ab, got->Value.bin.lpb, e.cb);
    }
    host_free_buffer(got);
    CHECK_EQ(m->lpVtbl->Release(m), 0);
  }
  CHECK_EQ(inbox->lpVtbl->Release(inbox), 0);
  return e;
}

/* Whether the message `e` is there, with `subject`. */
static int message_is(IMsgStore *store, const EntryId *e, const char *subject) {
  ULONG type = 0;
  LPUNKNOWN unk = NULL;
  LPSPropValue got = NULL;
  int ok = 0;
  if (store->lpVtbl->OpenEntry(store, e->cb, (LPENTRYID)(void *)e->ab, NULL, 0, &type, &unk) !=
          S_OK ||
      !unk)
    return 0;
  /* Wine's HrGetOneProp (GetProps with an uninitialised count). */
  if (host_hr_get_one_prop(unk, PR_SUBJECT_A, &got) == S_OK && got)
    ok = strcmp(got->Value.lpszA, subject) == 0;
  host_free_buffer(got);
  CHECK_EQ(unk->lpVtbl->Release(unk), 0);
  return ok;
}

/* ---- the test --------------------------------------------------------- */

static void create_logon_persist(void) {
  Profile profile;
  Admin admin;
  HostSupport support;
  HostMalloc m;
  IMSProvider *provider;
  LPMAPIERROR error = NULL;
  Session l;
  EntryId e;
  char path[MAX_PATH + 64], garbage[MAX_PATH + 64], local[MAX_PATH + 64], want[MAX_PATH + 128];
  FILE *f;
  snprintf(path, sizeof path, "%s\\store.mslogon.db", temp_root);
  snprintf(garbage, sizeof garbage, "%s\\garbage.mslogon.db", temp_root);
  snprintf(local, sizeof local, "%s\\local", temp_root);
  profile_init(&profile);
  admin_init(&admin, &profile);
  host_support_init(&support);
  support.open_profile_section = support_open;
  support.profile_context = &profile;
  host_malloc_init(&m);

  /* 1. CREATE -> Logon -> save; a new provider finds it. */
  CHECK_HR(configure(MSG_SERVICE_CREATE, path, &support, &admin, &error), S_OK);
  CHECK(error == NULL);
  CHECK(strcmp(service_path(&profile), path) == 0);
  CHECK(!exists(path));
  provider = init_provider(&m);
  l = logon_ok(provider, &support);
  CHECK(exists(path));
  e = save_message(l.store, "kept in the file");
  logoff_release(&l);
  shutdown_and_release(provider);

  provider = init_provider(&m);
  l = logon_ok(provider, &support);
  CHECK(message_is(l.store, &e, "kept in the file"));
  logoff_release(&l);
  shutdown_and_release(provider);

  /* 2. A file that is no store. */
  f = fopen(garbage, "wb");
  CHECK(f != NULL);
  if (f) {
    fputs("this is no SQLite database, and no mslogon store either\n", f);
    fclose(f);
  }
  CHECK_HR(configure(MSG_SERVICE_CONFIGURE, garbage, &support, &admin, &error), S_OK);
  provider = init_provider(&m);
  CHECK_HR(logon_with(provider, &support, &l, &error), MAPI_E_CORRUPT_STORE);
  CHECK(l.logon == NULL && l.store == NULL);
  CHECK(host_check_mapierror(error, "not an mslogon store", 0));
  CHECK(host_check_mapierror(error, "garbage.mslogon.db", 0));
  host_free_buffer(error);
  error = NULL;
  shutdown_and_release(provider);

  /* 3. DELETE: the property goes, the file stays. */
  CHECK_HR(configure(MSG_SERVICE_DELETE, NULL, &support, &admin, &error), S_OK);
  CHECK(strcmp(service_path(&profile), "") == 0);
  CHECK(exists(path));

  /* 4. CREATE without a path: %LOCALAPPDATA%\mslogon. */
  {
    char saved_local[MAX_PATH * 2], saved_dir[MAX_PATH * 2];
    DWORD had_local = GetEnvironmentVariableA("LOCALAPPDATA", saved_local, sizeof saved_local);
    DWORD had_dir = GetEnvironmentVariableA("MSLOGON_STORE_DIR", saved_dir, sizeof saved_dir);
    CHECK(SetEnvironmentVariableA("LOCALAPPDATA", local));
    CHECK(SetEnvironmentVariableA("MSLOGON_STORE_DIR", NULL));
    CHECK_HR(configure(MSG_SERVICE_CREATE, NULL, &support, &admin, &error), S_OK);
    snprintf(want, sizeof want, "%s\\mslogon\\store-101112131415161718191a1b1c1d1e1f.mslogon.db",
             local);
    CHECK(strcmp(service_path(&profile), want) == 0);
    if (strcmp(service_path(&profile), want) != 0)
      fprintf(stderr, "  default path %s, want %s\n", service_path(&profile), want);
    provider = init_provider(&m);
    l = logon_ok(provider, &support);
    CHECK(exists(want));
    logoff_release(&l);
    shutdown_and_release(provider);
    remove_store(want);
    snprintf(want, sizeof want, "%s\\mslogon", local);
    CHECK(RemoveDirectoryA(want));
    CHECK(RemoveDirectoryA(local));
    SetEnvironmentVariableA("LOCALAPPDATA", had_local ? saved_local : NULL);
    SetEnvironmentVariableA("MSLOGON_STORE_DIR", had_dir ? saved_dir : NULL);
  }

  /* 5. Bad arguments. */
  CHECK_HR(configure(MSG_SERVICE_INSTALL, path, &support, &admin, &error), MAPI_E_NO_SUPPORT);
  CHECK(error == NULL);
  CHECK_HR(configure(MSG_SERVICE_CONFIGURE, path, &support, NULL, &error),
           MAPI_E_INVALID_PARAMETER);
  CHECK(error == NULL);

  CHECK_EQ(profile.live, 0);
  CHECK_EQ(admin.refs, 1);
  CHECK_EQ(support.refs, 1);
  CHECK_EQ(support.add_refs, support.releases);
  CHECK_EQ(m.refs, 1);
  CHECK_EQ(host_live_buffers(), 0);
  remove_store(path);
  remove_store(garbage);
}

int main(void) {
  provider_init = host_load_provider("mslogon.dll", &provider_module);
  if (!provider_init) return host_finish("win_test_service_c");
  service_entry =
      (LPMSGSERVICEENTRY)(void (*)(void))GetProcAddress(provider_module, "ServiceEntry");
  CHECK(service_entry != NULL);
  live_objects_fn =
      (LiveObjectsFn)(void (*)(void))GetProcAddress(provider_module, "mslogon_live_objects");
  CHECK(live_objects_fn != NULL);
  if (!service_entry || !live_objects_fn) return host_finish("win_test_service_c");

  make_temp_root();
  create_logon_persist();
  CHECK(RemoveDirectoryA(temp_root));

  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK(FreeLibrary(provider_module));
  return host_finish("win_test_service_c");
}
