/*
 * test_service.c: where the store lives, configured the MAPI way. The host
 * keeps an in-memory MAPI profile (a service section and a provider
 * section, as MAPI lays one out: the provider's has PR_SERVICE_UID naming
 * the service's) behind a small IProfSect (GetProps, SetProps, DeleteProps,
 * SaveChanges; changes are kept by SaveChanges only), an IProviderAdmin and
 * the support object's OpenProfileSection.
 *
 *   - ServiceEntry(MSG_SERVICE_CREATE) with PR_MSLOGON_STORE_PATH writes the
 *     path into the service's section; MSProviderInit -> Logon reads it and
 *     the store lives in that file: a message saved there is found by a new
 *     provider (a new MSProviderInit) logging on through the same profile;
 *   - MSG_SERVICE_CONFIGURE changes the path (or keeps it, given none);
 *     MSG_SERVICE_DELETE removes it and leaves the file;
 *   - CREATE without a path: the default file, in MSLOGON_STORE_DIR or the
 *     per-user data directory ($XDG_DATA_HOME/mslogon, ~/.local/share/
 *     mslogon), named by the service's UID; none to be had: UNCONFIGURED;
 *   - bad arguments (NULL lpProviderAdmin or lpMAPISup, unsupported
 *     contexts, a wrong property type, a relative path, a count with no
 *     array) give their exact HRESULTs and change nothing;
 *   - a file that is no store fails Logon with MAPI_E_CORRUPT_STORE and a
 *     MAPIERROR naming it, and stays untouched; a relative path in the
 *     profile is MAPI_E_UNCONFIGURED; an unreadable profile fails Logon with
 *     the host's code; a host without profiles keeps the old behaviour.
 * Every AddRef is matched by a Release, every host buffer is freed, every
 * profile section object is released.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"

/* The entry points MAPI looks up (mapispi.h: MSPROVIDERINIT, __cdecl;
 * MSGSERVICEENTRY, WINAPI). */
MSLogon_HRESULT MSProviderInit(void *hInstance, MSLogon_IMalloc *lpMalloc,
                               MSLogon_AllocateBufferFn lpAllocateBuffer,
                               MSLogon_AllocateMoreFn lpAllocateMore,
                               MSLogon_FreeBufferFn lpFreeBuffer, MSLogon_ULONG ulFlags,
                               MSLogon_ULONG ulMAPIVer, MSLogon_ULONG *lpulProviderVer,
                               MSLogon_IMSProvider **lppMSProvider);
MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE ServiceEntry(
    void *hInstance, MSLogon_IMalloc *lpMalloc, MSLogon_IMAPISupport *lpMAPISup,
    MSLogon_ULONG_PTR ulUIParam, MSLogon_ULONG ulFlags, MSLogon_ULONG ulContext,
    MSLogon_ULONG cValues, MSLogon_SPropValue *lpProps, MSLogon_IProviderAdmin *lpProviderAdmin,
    MSLogon_MAPIERROR **lppMapiError);

/* What MAPI does with the name it finds: a MSGSERVICEENTRY. */
static const MSLogon_MSGSERVICEENTRY service_entry = ServiceEntry;

#define TAG(type, id) ((((MSLogon_ULONG)(id)) << 16) | (MSLogon_ULONG)(type))
#define TAG_TYPE(tag) ((tag)&0xFFFFu)
#define TAG_ID(tag) ((tag) >> 16)
#define PROP(obj) ((MSLogon_IMAPIProp *)(void *)(obj))

static int iid_eq(const MSLogon_IID *a, const MSLogon_IID *b) {
  return memcmp(a, b, sizeof *a) == 0;
}

/* ---- the in-memory profile -------------------------------------------- */

#define MAX_PROPS 8
#define MAX_DATA 2048

typedef struct Prop {
  MSLogon_ULONG tag; /* 0: a free slot */
  MSLogon_ULONG ul;  /* PT_LONG */
  MSLogon_ULONG cb;  /* bytes of data: strings with their NUL */
  unsigned char data[MAX_DATA];
} Prop;

typedef struct Section {
  MSLogon_MAPIUID uid;
  Prop props[MAX_PROPS];
} Section;

enum { SERVICE = 0, PROVIDER = 1, SECTIONS = 2 };

typedef struct Profile {
  Section sections[SECTIONS];
  long live;  /* IProfSect objects alive */
  long saves; /* SaveChanges that kept something */
  MSLogon_HRESULT fail_open; /* when set, OpenProfileSection answers it */
} Profile;

typedef struct ProfSect {
  MSLogon_IProfSect iface;
  long refs;
  Profile *profile;
  int section;
  int writable;
  Prop props[MAX_PROPS]; /* the working copy */
} ProfSect;

static ProfSect *sect_of(MSLogon_IProfSect *This) { return (ProfSect *)(void *)This; }

static Prop *find_prop(Prop *props, MSLogon_ULONG id) {
  int i;
  for (i = 0; i < MAX_PROPS; i++)
    if (props[i].tag && TAG_ID(props[i].tag) == id) return &props[i];
  return NULL;
}

static int put_prop(Prop *props, const MSLogon_SPropValue *v) {
  Prop *p = find_prop(props, TAG_ID(v->ulPropTag));
  int i;
  size_t cb = 0;
  const void *src = NULL;
  if (!p)
    for (i = 0; i < MAX_PROPS && !p; i++)
      if (!props[i].tag) p = &props[i];
  if (!p) return 0;
  switch (TAG_TYPE(v->ulPropTag)) {
    case MSLogon_PT_LONG: break;
    case MSLogon_PT_STRING8:
      src = v->Value.lpszA;
      cb = strlen(v->Value.lpszA) + 1;
      break;
    case MSLogon_PT_UNICODE: {
      const MSLogon_WCHAR *w = v->Value.lpszW;
      while (w[cb]) cb++;
      src = w;
      cb = 2 * (cb + 1);
      break;
    }
    case MSLogon_PT_BINARY:
      src = v->Value.bin.lpb;
      cb = v->Value.bin.cb;
      break;
    default: return 0;
  }
  if (cb > MAX_DATA) return 0;
  p->tag = v->ulPropTag;
  p->ul = v->Value.ul;
  p->cb = (MSLogon_ULONG)cb;
  if (cb) memcpy(p->data, src, cb);
  return 1;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE sect_AddRef(struct MSLogon_IProfSect *This) {
  return (MSLogon_ULONG)++sect_of(This)->refs;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE sect_Release(struct MSLogon_IProfSect *This) {
  ProfSect *s = sect_of(This);
  long left = --s->refs;
  CHECK(left >= 0);
  if (left == 0) {
    s->profile->live--;
    free(s);
  }
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_QueryInterface(
    struct MSLogon_IProfSect *This, const MSLogon_IID *riid, void **ppvObj) {
  static const MSLogon_IID iid_prof_sect = HOST_MAPI_IID(0x00020304);
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &host_IID_IMAPIProp) &&
      !iid_eq(riid, &iid_prof_sect))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  sect_AddRef(This);
  *ppvObj = This;
  return MSLogon_S_OK;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_GetProps(
    struct MSLogon_IProfSect *This, struct MSLogon_SPropTagArray *lpPropTagArray,
    MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcValues, struct MSLogon_SPropValue **lppPropArray) {
  ProfSect *s = sect_of(This);
  MSLogon_ULONG n, i;
  MSLogon_SPropValue *out = NULL;
  MSLogon_HRESULT hr = MSLogon_S_OK;
  (void)ulFlags;
  if (!lpcValues || !lppPropArray || !lpPropTagArray) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *lpcValues = 0;
  *lppPropArray = NULL;
  n = lpPropTagArray->cValues;
  if (n == 0) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (host_allocate_buffer(n * (MSLogon_ULONG)sizeof *out, (void **)&out) != MSLogon_S_OK)
    return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG tag = lpPropTagArray->aulPropTag[i];
    Prop *p = find_prop(s->props, TAG_ID(tag));
    memset(&out[i], 0, sizeof out[i]);
    if (!p || p->tag != tag) {
      out[i].ulPropTag = TAG(MSLogon_PT_ERROR, TAG_ID(tag));
      out[i].Value.err = MSLogon_MAPI_E_NOT_FOUND;
      hr = MSLogon_MAPI_W_ERRORS_RETURNED;
      continue;
    }
    out[i].ulPropTag = tag;
    if (TAG_TYPE(tag) == MSLogon_PT_LONG) {
      out[i].Value.ul = p->ul;
    } else {
      void *copy = NULL;
      CHECK_HR(host_allocate_more(p->cb ? p->cb : 1, out, &copy), MSLogon_S_OK);
      if (copy && p->cb) memcpy(copy, p->data, p->cb);
      if (TAG_TYPE(tag) == MSLogon_PT_BINARY) {
        out[i].Value.bin.cb = p->cb;
        out[i].Value.bin.lpb = (MSLogon_BYTE *)copy;
      } else if (TAG_TYPE(tag) == MSLogon_PT_UNICODE) {
        out[i].Value.lpszW = (MSLogon_WCHAR *)copy;
      } else {
        out[i].Value.lpszA = (char *)copy;
      }
    }
  }
  *lpcValues = n;
  *lppPropArray = out;
  return hr;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_SetProps(
    struct MSLogon_IProfSect *This, MSLogon_ULONG cValues, struct MSLogon_SPropValue *lpPropArray,
    struct MSLogon_SPropProblemArray **lppProblems) {
  ProfSect *s = sect_of(This);
  MSLogon_ULONG i;
  if (lppProblems) *lppProblems = NULL;
  if (!cValues || !lpPropArray) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!s->writable) return MSLogon_MAPI_E_NO_ACCESS;
  for (i = 0; i < cValues; i++)
    if (!put_prop(s->props, &lpPropArray[i])) return MSLogon_MAPI_E_CALL_FAILED;
  return MSLogon_S_OK;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_DeleteProps(
    struct MSLogon_IProfSect *This, struct MSLogon_SPropTagArray *lpPropTagArray,
    struct MSLogon_SPropProblemArray **lppProblems) {
  ProfSect *s = sect_of(This);
  MSLogon_ULONG i;
  if (lppProblems) *lppProblems = NULL;
  if (!lpPropTagArray) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!s->writable) return MSLogon_MAPI_E_NO_ACCESS;
  for (i = 0; i < lpPropTagArray->cValues; i++) {
    Prop *p = find_prop(s->props, TAG_ID(lpPropTagArray->aulPropTag[i]));
    if (p && p->tag == lpPropTagArray->aulPropTag[i]) p->tag = 0;
  }
  return MSLogon_S_OK;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_SaveChanges(struct MSLogon_IProfSect *This,
                                                                  MSLogon_ULONG ulFlags) {
  ProfSect *s = sect_of(This);
  (void)ulFlags;
  if (!s->writable) return MSLogon_MAPI_E_NO_ACCESS;
  memcpy(s->profile->sections[s->section].props, s->props, sizeof s->props);
  s->profile->saves++;
  return MSLogon_S_OK;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_GetLastError(struct MSLogon_IProfSect *This, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags, struct MSLogon_MAPIERROR **lppMAPIError)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_GetPropList(struct MSLogon_IProfSect *This, MSLogon_ULONG ulFlags, struct MSLogon_SPropTagArray **lppPropTagArray)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_OpenProperty(struct MSLogon_IProfSect *This, MSLogon_ULONG ulPropTag, const MSLogon_IID *lpiid, MSLogon_ULONG ulInterfaceOptions, MSLogon_ULONG ulFlags, struct MSLogon_IUnknown **lppUnk)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_CopyTo(struct MSLogon_IProfSect *This, MSLogon_ULONG ciidExclude, const MSLogon_IID *rgiidExclude, struct MSLogon_SPropTagArray *lpExcludeProps, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj, MSLogon_ULONG ulFlags, struct MSLogon_SPropProblemArray **lppProblems)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_CopyProps(struct MSLogon_IProfSect *This, struct MSLogon_SPropTagArray *lpIncludeProps, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj, MSLogon_ULONG ulFlags, struct MSLogon_SPropProblemArray **lppProblems)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_GetNamesFromIDs(struct MSLogon_IProfSect *This, struct MSLogon_SPropTagArray **lppPropTags, struct MSLogon_GUID *lpPropSetGuid, MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcPropNames, struct MSLogon_MAPINAMEID ***lpppPropNames)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sect_GetIDsFromNames(struct MSLogon_IProfSect *This, MSLogon_ULONG cPropNames, struct MSLogon_MAPINAMEID **lppPropNames, MSLogon_ULONG ulFlags, struct MSLogon_SPropTagArray **lppPropTags)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static const MSLogon_IProfSectVtbl sect_vtbl = {
    sect_QueryInterface, sect_AddRef,        sect_Release,     sect_GetLastError,
    sect_SaveChanges,    sect_GetProps,      sect_GetPropList, sect_OpenProperty,
    sect_SetProps,       sect_DeleteProps,   sect_CopyTo,      sect_CopyProps,
    sect_GetNamesFromIDs, sect_GetIDsFromNames,
};

static MSLogon_HRESULT open_section(Profile *profile, const MSLogon_MAPIUID *uid, int by_default,
                                    MSLogon_ULONG flags, MSLogon_IProfSect **out) {
  ProfSect *s;
  int i, found = by_default;
  if (!out) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *out = NULL;
  if (profile->fail_open) return profile->fail_open;
  if (uid) {
    found = -1;
    for (i = 0; i < SECTIONS; i++)
      if (memcmp(uid, &profile->sections[i].uid, sizeof *uid) == 0) found = i;
    if (found < 0) return MSLogon_MAPI_E_NOT_FOUND;
  }
  s = (ProfSect *)calloc(1, sizeof *s);
  if (!s) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  s->iface.lpVtbl = &sect_vtbl;
  s->refs = 1;
  s->profile = profile;
  s->section = found;
  s->writable = (flags & MSLogon_MAPI_MODIFY) != 0;
  memcpy(s->props, profile->sections[found].props, sizeof s->props);
  profile->live++;
  *out = &s->iface;
  return MSLogon_S_OK;
}

/* IMAPISupport::OpenProfileSection: NULL is the provider's own section. */
static MSLogon_HRESULT support_open(void *context, MSLogon_MAPIUID *uid, MSLogon_ULONG flags,
                                    MSLogon_IProfSect **out) {
  return open_section((Profile *)context, uid, PROVIDER, flags, out);
}

static const MSLogon_MAPIUID kServiceUid = {
    {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F}};
static const MSLogon_MAPIUID kProviderUid = {
    {0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F}};
#define SERVICE_UID_HEX "101112131415161718191a1b1c1d1e1f"

static void set_binary(Prop *props, MSLogon_ULONG tag, const void *bytes, MSLogon_ULONG cb) {
  MSLogon_SPropValue v;
  memset(&v, 0, sizeof v);
  v.ulPropTag = tag;
  v.Value.bin.cb = cb;
  v.Value.bin.lpb = (MSLogon_BYTE *)bytes;
  CHECK(put_prop(props, &v));
}

/* A profile as MAPI makes one for the service: a service section and a
 * provider section, each with PR_SERVICE_UID (MAPI computes it on every
 * section of the service). `with_uid` 0: no PR_SERVICE_UID at all. */
static void profile_init(Profile *p, int with_uid) {
  memset(p, 0, sizeof *p);
  p->sections[SERVICE].uid = kServiceUid;
  p->sections[PROVIDER].uid = kProviderUid;
  if (with_uid) {
    set_binary(p->sections[SERVICE].props, MSLogon_PR_SERVICE_UID, &kServiceUid, 16);
    set_binary(p->sections[PROVIDER].props, MSLogon_PR_SERVICE_UID, &kServiceUid, 16);
  }
}

/* The path in a section (PR_MSLOGON_STORE_PATH_W, ASCII), or "" if none. */
static const char *section_path(Profile *p, int section) {
  static char text[MAX_DATA];
  Prop *prop = find_prop(p->sections[section].props, 0x6700);
  size_t i;
  text[0] = 0;
  if (!prop || prop->tag != MSLogon_PR_MSLOGON_STORE_PATH_W) return text;
  for (i = 0; 2 * i + 1 < prop->cb && i + 1 < sizeof text; i++)
    text[i] = (char)((const MSLogon_WCHAR *)(const void *)prop->data)[i];
  text[i] = 0;
  return text;
}

static void set_section_string(Profile *p, int section, MSLogon_ULONG tag, const char *text) {
  MSLogon_SPropValue v;
  memset(&v, 0, sizeof v);
  v.ulPropTag = tag;
  v.Value.lpszA = (char *)text;
  CHECK(put_prop(p->sections[section].props, &v));
}

/* ---- IProviderAdmin ---------------------------------------------------- */

typedef struct Admin {
  MSLogon_IProviderAdmin iface;
  long refs;
  Profile *profile;
  long opens;
} Admin;

static Admin *admin_of(MSLogon_IProviderAdmin *This) { return (Admin *)(void *)This; }

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE admin_AddRef(struct MSLogon_IProviderAdmin *This) {
  return (MSLogon_ULONG)++admin_of(This)->refs;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE admin_Release(struct MSLogon_IProviderAdmin *This) {
  long left = --admin_of(This)->refs;
  CHECK(left >= 0);
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_QueryInterface(
    struct MSLogon_IProviderAdmin *This, const MSLogon_IID *riid, void **ppvObj) {
  static const MSLogon_IID iid_admin = HOST_MAPI_IID(0x00020325);
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &iid_admin))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  admin_AddRef(This);
  *ppvObj = This;
  return MSLogon_S_OK;
}

/* IProviderAdmin::OpenProfileSection: NULL (from a service's entry point)
 * is the service's own section. */
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_OpenProfileSection(
    struct MSLogon_IProviderAdmin *This, struct MSLogon_MAPIUID *lpUID,
    const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags, struct MSLogon_IProfSect **lppProfSect) {
  static const MSLogon_IID iid_prof_sect = HOST_MAPI_IID(0x00020304);
  Admin *a = admin_of(This);
  a->opens++;
  if (lpInterface && !iid_eq(lpInterface, &iid_prof_sect)) {
    if (lppProfSect) *lppProfSect = NULL;
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  }
  return open_section(a->profile, lpUID, SERVICE, ulFlags, lppProfSect);
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_GetLastError(struct MSLogon_IProviderAdmin *This, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags, struct MSLogon_MAPIERROR **lppMAPIError)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_GetProviderTable(struct MSLogon_IProviderAdmin *This, MSLogon_ULONG ulFlags, struct MSLogon_IMAPITable **lppTable)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_CreateProvider(struct MSLogon_IProviderAdmin *This, void *lpszProvider, MSLogon_ULONG cValues, struct MSLogon_SPropValue *lpProps, MSLogon_ULONG_PTR ulUIParam, MSLogon_ULONG ulFlags, struct MSLogon_MAPIUID *lpUID)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE admin_DeleteProvider(struct MSLogon_IProviderAdmin *This, struct MSLogon_MAPIUID *lpUID)
{ return MSLogon_MAPI_E_NO_SUPPORT; }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static const MSLogon_IProviderAdminVtbl admin_vtbl = {
    admin_QueryInterface,  admin_AddRef,          admin_Release,         admin_GetLastError,
    admin_GetProviderTable, admin_CreateProvider, admin_DeleteProvider, admin_OpenProfileSection,
};

static void admin_init(Admin *a, Profile *p) {
  memset(a, 0, sizeof *a);
  a->iface.lpVtbl = &admin_vtbl;
  a->refs = 1;
  a->profile = p;
}

/* A support object whose OpenProfileSection opens `p`'s sections. */
static void support_with_profile(HostSupport *s, Profile *p) {
  host_support_init(s);
  s->open_profile_section = support_open;
  s->profile_context = p;
}

/* ---- files -------------------------------------------------------------- */

static char temp_root[256];

static void make_temp_root(void) {
  const char *tmp = getenv("TMPDIR");
  snprintf(temp_root, sizeof temp_root, "%s/mslogon-service-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  CHECK(mkdtemp(temp_root) != NULL);
}

static void temp_path(char *out, size_t size, const char *name) {
  snprintf(out, size, "%s/%s", temp_root, name);
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static void remove_store(const char *path) {
  char companion[600];
  remove(path);
  snprintf(companion, sizeof companion, "%s-wal", path);
  remove(companion);
  snprintf(companion, sizeof companion, "%s-shm", path);
  remove(companion);
}

/* ---- calls -------------------------------------------------------------- */

static void widen(MSLogon_WCHAR *dst, const char *src) {
  while ((*dst++ = (MSLogon_WCHAR)(unsigned char)*src++) != 0) {
  }
}

/* ServiceEntry with the store path `path` (NULL: no lpProps), as Unicode. */
static MSLogon_HRESULT configure(MSLogon_ULONG context, MSLogon_ULONG flags, const char *path,
                                 HostSupport *support, Admin *admin, MSLogon_MAPIERROR **error) {
  MSLogon_WCHAR wide[MAX_DATA / 2];
  MSLogon_SPropValue v;
  memset(&v, 0, sizeof v);
  if (path) {
    widen(wide, path);
    v.ulPropTag = MSLogon_PR_MSLOGON_STORE_PATH_W;
    v.Value.lpszW = wide;
  }
  return service_entry(NULL, NULL, support ? &support->iface : NULL, 0, flags, context,
                       path ? 1 : 0, path ? &v : NULL, admin ? &admin->iface : NULL, error);
}

static MSLogon_IMSProvider *init_provider(void) {
  MSLogon_IMSProvider *provider = NULL;
  MSLogon_ULONG version = 0;
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0, MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_S_OK);
  CHECK(provider != NULL);
  return provider;
}

static void shutdown_and_release(MSLogon_IMSProvider *provider) {
  MSLogon_ULONG flags = 0;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
}

typedef struct Logon {
  MSLogon_IMSLogon *logon;
  MSLogon_IMsgStore *store;
} Logon;

static MSLogon_HRESULT logon_with(MSLogon_IMSProvider *provider, HostSupport *support, Logon *l,
                                  MSLogon_MAPIERROR **error) {
  l->logon = NULL;
  l->store = NULL;
  return MSLogon_IMSProvider_Logon(provider, &support->iface, 0, NULL, 0, NULL,
                                   MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE, NULL, NULL, NULL,
                                   error, &l->logon, &l->store);
}

static Logon logon_ok(MSLogon_IMSProvider *provider, HostSupport *support) {
  Logon l;
  MSLogon_MAPIERROR *error = NULL;
  CHECK_HR(logon_with(provider, support, &l, &error), MSLogon_S_OK);
  CHECK(error == NULL);
  CHECK(l.logon != NULL && l.store != NULL);
  return l;
}

static void logoff_release(Logon *l) {
  MSLogon_ULONG flags = 0;
  CHECK_HR(MSLogon_IMSLogon_Logoff(l->logon, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(l->logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(l->store), 0);
}

/* The Inbox, writable. */
static MSLogon_IMAPIFolder *open_inbox(MSLogon_IMsgStore *store) {
  MSLogon_ULONG cb = 0, type = 0;
  MSLogon_ENTRYID *eid = NULL;
  MSLogon_IUnknown *unk = NULL;
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, (void *)"IPM", 0, &cb, &eid, NULL),
           MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, cb, eid, NULL, MSLogon_MAPI_MODIFY, &type, &unk),
           MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  host_free_buffer(eid);
  return (MSLogon_IMAPIFolder *)(void *)unk;
}

static MSLogon_ULONG content_count(MSLogon_IMAPIFolder *folder) {
  MSLogon_ULONG tags[2] = {1, MSLogon_PR_CONTENT_COUNT};
  MSLogon_ULONG n = 0, count = 0xFFFFFFFFu;
  MSLogon_SPropValue *v = NULL;
  CHECK_HR(MSLogon_IMAPIProp_GetProps(PROP(folder), (MSLogon_SPropTagArray *)(void *)tags, 0, &n,
                                      &v),
           MSLogon_S_OK);
  if (v && n == 1) count = v->Value.ul;
  host_free_buffer(v);
  return count;
}

/* Saves a message with `subject` in the Inbox. */
static void save_message(MSLogon_IMsgStore *store, const char *subject) {
  MSLogon_IMAPIFolder *inbox = open_inbox(store);
  MSLogon_IMessage *m = NULL;
  MSLogon_SPropValue v;
  if (!inbox) return;
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(inbox, NULL, 0, &m), MSLogon_S_OK);
  if (m) {
    memset(&v, 0, sizeof v);
    v.ulPropTag = MSLogon_PR_SUBJECT_A;
    v.Value.lpszA = (char *)subject;
    CHECK_HR(MSLogon_IMessage_SetProps(m, 1, &v, NULL), MSLogon_S_OK);
    CHECK_HR(MSLogon_IMessage_SaveChanges(m, 0), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  }
  CHECK_EQ(MSLogon_IMAPIFolder_Release(inbox), 0);
}

/* The subject of the one message in the Inbox ("" if not exactly one). */
static const char *inbox_subject(MSLogon_IMsgStore *store) {
  static char subject[64];
  MSLogon_IMAPIFolder *inbox = open_inbox(store);
  MSLogon_IMAPITable *table = NULL;
  MSLogon_SRowSet *rows = NULL;
  MSLogon_ULONG cols[2] = {1, MSLogon_PR_SUBJECT_A};
  subject[0] = 0;
  if (!inbox) return subject;
  if (content_count(inbox) == 1) {
    CHECK_HR(MSLogon_IMAPIFolder_GetContentsTable(inbox, 0, &table), MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPITable_SetColumns(table, (MSLogon_SPropTagArray *)(void *)cols, 0),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 10, 0, &rows), MSLogon_S_OK);
    if (rows && rows->cRows == 1 && rows->aRow[0].lpProps[0].ulPropTag == MSLogon_PR_SUBJECT_A) {
      snprintf(subject, sizeof subject, "%s", rows->aRow[0].lpProps[0].Value.lpszA);
    }
    if (rows) {
      MSLogon_ULONG i;
      for (i = 0; i < rows->cRows; i++) host_free_buffer(rows->aRow[i].lpProps);
      host_free_buffer(rows);
    }
    CHECK_EQ(MSLogon_IMAPITable_Release(table), 0);
  }
  CHECK_EQ(MSLogon_IMAPIFolder_Release(inbox), 0);
  return subject;
}

/* Everything the host gave out came back. */
static void check_clean_f(Profile *p, HostSupport *s, Admin *a, int line) {
  host_check_eq(p->live, 0, "live profile sections", __FILE__, line);
  if (s) host_check_eq(host_refs(s), 1, "support refs", __FILE__, line);
  if (a) host_check_eq(a->refs, 1, "provider admin refs", __FILE__, line);
  host_check_eq(mslogon_live_objects(), 0, "mslogon_live_objects()", __FILE__, line);
  host_check_eq(host_live_buffers(), 0, "host_live_buffers()", __FILE__, line);
}

#define check_clean(p, s, a) check_clean_f((p), (s), (a), __LINE__)

static MSLogon_SPropValue *store_entry_id(MSLogon_IMsgStore *store);

/* ---- 1. create -> logon -> persist -------------------------------------- */

static void create_logon_persist(void) {
  Profile profile;
  Admin admin;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_MAPIERROR *error = (MSLogon_MAPIERROR *)&profile;
  Logon l;
  char path[512];
  temp_path(path, sizeof path, "new/dir/one.mslogon.db");
  profile_init(&profile, 1);
  admin_init(&admin, &profile);
  support_with_profile(&support, &profile);

  /* The service is added to the profile, with its store's path. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, path, &support, &admin, &error),
           MSLogon_S_OK);
  CHECK(error == NULL);
  CHECK(strcmp(section_path(&profile, SERVICE), path) == 0);
  CHECK_EQ(profile.saves, 1);
  CHECK(!exists(path)); /* nothing made before a logon */
  check_clean(&profile, &support, &admin);

  /* MAPI loads the provider and logs on: the store is created there. */
  provider = init_provider();
  l = logon_ok(provider, &support);
  CHECK(exists(path));
  CHECK(support.open_profile_sections >= 2); /* its own, then the service's */
  /* The logon wrote what MAPI's message store table is made of into its
   * own section, once: PR_ENTRYID (the store's, as the store answers it),
   * PR_DISPLAY_NAME_W, PR_PROVIDER_DISPLAY_W, PR_RECORD_KEY. */
  CHECK_EQ(profile.saves, 2);
  {
    Section *own = &profile.sections[PROVIDER];
    Prop *eid = find_prop(own->props, TAG_ID(MSLogon_PR_ENTRYID));
    MSLogon_SPropValue *store_eid = store_entry_id(l.store);
    CHECK(eid != NULL && eid->tag == MSLogon_PR_ENTRYID);
    if (eid && store_eid) {
      CHECK_EQ(eid->cb, store_eid->Value.bin.cb);
      CHECK(eid->cb == store_eid->Value.bin.cb &&
            memcmp(eid->data, store_eid->Value.bin.lpb, eid->cb) == 0);
    }
    host_free_buffer(store_eid);
    CHECK(find_prop(own->props, TAG_ID(MSLogon_PR_DISPLAY_NAME_W)) != NULL);
    CHECK(find_prop(own->props, TAG_ID(MSLogon_PR_PROVIDER_DISPLAY_W)) != NULL);
    CHECK(find_prop(own->props, TAG_ID(MSLogon_PR_RECORD_KEY)) != NULL);
    /* Nothing in the service's section. */
    CHECK(find_prop(profile.sections[SERVICE].props, TAG_ID(MSLogon_PR_ENTRYID)) == NULL);
  }
  save_message(l.store, "kept in the file");
  logoff_release(&l);
  shutdown_and_release(provider);
  check_clean(&profile, &support, &admin);

  /* A new provider (a new MSProviderInit, as in a new process) reads the
   * same profile and finds the message. */
  provider = init_provider();
  l = logon_ok(provider, &support);
  CHECK_EQ(profile.saves, 2); /* an unchanged profile is not written again */
  CHECK(strcmp(inbox_subject(l.store), "kept in the file") == 0);
  logoff_release(&l);
  shutdown_and_release(provider);
  check_clean(&profile, &support, &admin);

  /* The path in the provider's own section wins over the service's. */
  {
    char other[512];
    temp_path(other, sizeof other, "own.mslogon.db");
    set_section_string(&profile, PROVIDER, MSLogon_PR_MSLOGON_STORE_PATH_A, other);
    provider = init_provider();
    l = logon_ok(provider, &support);
    CHECK(exists(other));
    CHECK(strcmp(inbox_subject(l.store), "") == 0);
    logoff_release(&l);
    shutdown_and_release(provider);
    remove_store(other);
  }
  check_clean(&profile, &support, &admin);
  remove_store(path);
}

/* ---- 1b. two services, one profile: the entry ID names the file --------- */

/* The store's PR_ENTRYID (host buffer). */
static MSLogon_SPropValue *store_entry_id(MSLogon_IMsgStore *store) {
  MSLogon_ULONG tags[2] = {1, MSLogon_PR_ENTRYID};
  MSLogon_ULONG n = 0;
  MSLogon_SPropValue *v = NULL;
  CHECK_HR(MSLogon_IMAPIProp_GetProps(PROP(store), (MSLogon_SPropTagArray *)(void *)tags, 0, &n,
                                      &v),
           MSLogon_S_OK);
  CHECK(v != NULL && n == 1 && v->ulPropTag == MSLogon_PR_ENTRYID);
  return v;
}

static MSLogon_HRESULT logon_by_entry_id(MSLogon_IMSProvider *provider, HostSupport *support,
                                         const MSLogon_SPropValue *eid, Logon *l) {
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_HRESULT hr;
  l->logon = NULL;
  l->store = NULL;
  hr = MSLogon_IMSProvider_Logon(provider, &support->iface, 0, NULL, eid->Value.bin.cb,
                                 (MSLogon_ENTRYID *)(void *)eid->Value.bin.lpb,
                                 MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE, NULL, NULL, NULL,
                                 &error, &l->logon, &l->store);
  if (error) host_free_buffer(error);
  return hr;
}

static void two_services_by_entry_id(void) {
  Profile profile_a, profile_b;
  HostSupport support_a, support_b, plain;
  MSLogon_IMSProvider *provider;
  MSLogon_SPropValue *eid_a, *eid_b;
  Logon la, lb;
  char path_a[512], path_b[512];
  temp_path(path_a, sizeof path_a, "service-a.mslogon.db");
  temp_path(path_b, sizeof path_b, "service-b.mslogon.db");
  profile_init(&profile_a, 1);
  profile_init(&profile_b, 1);
  set_section_string(&profile_a, SERVICE, MSLogon_PR_MSLOGON_STORE_PATH_A, path_a);
  set_section_string(&profile_b, SERVICE, MSLogon_PR_MSLOGON_STORE_PATH_A, path_b);
  support_with_profile(&support_a, &profile_a);
  support_with_profile(&support_b, &profile_b);
  host_support_init(&plain); /* no OpenProfileSection: MAPI_E_NO_SUPPORT */

  /* One provider, two services (two profile sections): two stores, two
   * files, two distinct entry IDs. */
  provider = init_provider();
  la = logon_ok(provider, &support_a);
  lb = logon_ok(provider, &support_b);
  save_message(la.store, "in service a");
  save_message(lb.store, "in service b");
  eid_a = store_entry_id(la.store);
  eid_b = store_entry_id(lb.store);
  CHECK(exists(path_a) && exists(path_b));
  if (eid_a && eid_b) {
    MSLogon_ULONG result = 1;
    CHECK(eid_a->Value.bin.cb != eid_b->Value.bin.cb ||
          memcmp(eid_a->Value.bin.lpb, eid_b->Value.bin.lpb, eid_a->Value.bin.cb) != 0);
    CHECK_HR(MSLogon_IMSProvider_CompareStoreIDs(
                 provider, eid_a->Value.bin.cb, (MSLogon_ENTRYID *)(void *)eid_a->Value.bin.lpb,
                 eid_b->Value.bin.cb, (MSLogon_ENTRYID *)(void *)eid_b->Value.bin.lpb, 0, &result),
             MSLogon_S_OK);
    CHECK_EQ(result, 0);
  }
  logoff_release(&la);
  logoff_release(&lb);
  shutdown_and_release(provider);

  /* A new provider and a host without a profile: each entry ID alone
   * opens its own file. */
  provider = init_provider();
  if (eid_a && eid_b) {
    CHECK_HR(logon_by_entry_id(provider, &plain, eid_a, &la), MSLogon_S_OK);
    CHECK_HR(logon_by_entry_id(provider, &plain, eid_b, &lb), MSLogon_S_OK);
    if (la.store && lb.store) {
      CHECK(strcmp(inbox_subject(la.store), "in service a") == 0);
      CHECK(strcmp(inbox_subject(lb.store), "in service b") == 0);
      logoff_release(&la);
      logoff_release(&lb);
    }
    /* The file is gone: MAPI_E_NOT_FOUND, and no empty store in its place. */
    remove_store(path_a);
    CHECK_HR(logon_by_entry_id(provider, &plain, eid_a, &la), MSLogon_MAPI_E_NOT_FOUND);
    CHECK(la.logon == NULL && la.store == NULL);
    CHECK(!exists(path_a));
  }
  shutdown_and_release(provider);
  host_free_buffer(eid_a);
  host_free_buffer(eid_b);
  check_clean(&profile_a, &support_a, NULL);
  check_clean(&profile_b, &support_b, NULL);
  remove_store(path_b);
}

/* ---- 2. configure, delete ------------------------------------------------ */

static void configure_and_delete(void) {
  Profile profile;
  Admin admin;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_MAPIERROR *error = NULL;
  Logon l;
  char a[512], b[512];
  temp_path(a, sizeof a, "a.mslogon.db");
  temp_path(b, sizeof b, "b.mslogon.db");
  profile_init(&profile, 1);
  admin_init(&admin, &profile);
  support_with_profile(&support, &profile);

  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, a, &support, &admin, &error), MSLogon_S_OK);
  provider = init_provider();
  l = logon_ok(provider, &support);
  save_message(l.store, "in a");
  logoff_release(&l);

  /* CONFIGURE moves the store to b (a new, empty store): the next logon
   * of the same provider opens b. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, b, &support, &admin, &error),
           MSLogon_S_OK);
  CHECK(error == NULL);
  CHECK(strcmp(section_path(&profile, SERVICE), b) == 0);
  l = logon_ok(provider, &support);
  CHECK(exists(b));
  CHECK(strcmp(inbox_subject(l.store), "") == 0);
  logoff_release(&l);

  /* CONFIGURE without a path keeps the configuration (UI flags change
   * nothing: no UI is ever shown). */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE,
                     MSLogon_SERVICE_UI_ALWAYS | MSLogon_SERVICE_UI_ALLOWED, NULL, &support,
                     &admin, &error),
           MSLogon_S_OK);
  CHECK(strcmp(section_path(&profile, SERVICE), b) == 0);
  /* Back to a: the message is there. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, MSLogon_SERVICE_UI_ALWAYS, a, &support,
                     &admin, &error),
           MSLogon_S_OK);
  l = logon_ok(provider, &support);
  CHECK(strcmp(inbox_subject(l.store), "in a") == 0);
  logoff_release(&l);

  /* DELETE removes the property; the file stays. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_DELETE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  CHECK(error == NULL);
  CHECK(strcmp(section_path(&profile, SERVICE), "") == 0);
  CHECK(find_prop(profile.sections[SERVICE].props, 0x6700) == NULL);
  CHECK(exists(a));
  /* A logon now has no path: the store the entry ID names, as before. */
  l = logon_ok(provider, &support);
  CHECK(strcmp(inbox_subject(l.store), "") == 0);
  logoff_release(&l);
  shutdown_and_release(provider);
  check_clean(&profile, &support, &admin);

  /* A PT_STRING8 path works too. */
  {
    MSLogon_SPropValue v[2];
    memset(v, 0, sizeof v);
    v[0].ulPropTag = TAG(MSLogon_PT_ERROR, 0x6700); /* ignored */
    v[0].Value.err = MSLogon_MAPI_E_NOT_FOUND;
    v[1].ulPropTag = MSLogon_PR_MSLOGON_STORE_PATH_A;
    v[1].Value.lpszA = a;
    CHECK_HR(ServiceEntry(NULL, NULL, &support.iface, 0, 0, MSLogon_MSG_SERVICE_CREATE, 2, v,
                          &admin.iface, &error),
             MSLogon_S_OK);
    CHECK(strcmp(section_path(&profile, SERVICE), a) == 0);
    /* And through the library's own name. */
    CHECK_HR(mslogon_service_entry(NULL, NULL, &support.iface, 0, 0, MSLogon_MSG_SERVICE_DELETE, 0,
                                   NULL, &admin.iface, NULL),
             MSLogon_S_OK);
    CHECK(strcmp(section_path(&profile, SERVICE), "") == 0);
  }
  check_clean(&profile, &support, &admin);
  remove_store(a);
  remove_store(b);
}

/* ---- 3. bad arguments ----------------------------------------------------- */

static void bad_arguments(void) {
  Profile profile;
  Admin admin;
  HostSupport support, bare;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_SPropValue v;
  char a[512], b[512];
  long saves;
  MSLogon_ULONG contexts[6] = {0, MSLogon_MSG_SERVICE_INSTALL, MSLogon_MSG_SERVICE_UNINSTALL,
                               MSLogon_MSG_SERVICE_PROVIDER_CREATE,
                               MSLogon_MSG_SERVICE_PROVIDER_DELETE, 99};
  int i;
  temp_path(a, sizeof a, "args-a.mslogon.db");
  temp_path(b, sizeof b, "args-b.mslogon.db");
  profile_init(&profile, 1);
  admin_init(&admin, &profile);
  support_with_profile(&support, &profile);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, a, &support, &admin, NULL), MSLogon_S_OK);
  saves = profile.saves;

  /* Contexts other than CREATE, CONFIGURE, DELETE. */
  for (i = 0; i < 6; i++) {
    error = (MSLogon_MAPIERROR *)&v;
    CHECK_HR(configure(contexts[i], 0, b, &support, &admin, &error), MSLogon_MAPI_E_NO_SUPPORT);
    CHECK(error == NULL);
  }
  /* NULL lpProviderAdmin, NULL lpMAPISup. */
  error = (MSLogon_MAPIERROR *)&v;
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, b, &support, NULL, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(error == NULL);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_DELETE, 0, NULL, &support, NULL, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, b, NULL, &admin, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(error == NULL);
  /* A count with no array. */
  CHECK_HR(ServiceEntry(NULL, NULL, &support.iface, 0, 0, MSLogon_MSG_SERVICE_CONFIGURE, 1, NULL,
                        &admin.iface, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(error == NULL);
  /* PR_MSLOGON_STORE_PATH of another type: explained. */
  memset(&v, 0, sizeof v);
  v.ulPropTag = TAG(MSLogon_PT_LONG, 0x6700);
  v.Value.ul = 7;
  CHECK_HR(ServiceEntry(NULL, NULL, &support.iface, 0, 0, MSLogon_MSG_SERVICE_CONFIGURE, 1, &v,
                        &admin.iface, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(host_check_mapierror(error, "PR_MSLOGON_STORE_PATH must be a string", 0));
  host_free_buffer(error);
  error = NULL;
  /* A relative path, with MAPI_UNICODE: a wide MAPIERROR. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, MSLogon_MAPI_UNICODE, "relative/x.db", &support,
                     &admin, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(host_check_mapierror(error, "not an absolute path", 1));
  host_free_buffer(error);
  error = NULL;
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, "", &support, &admin, &error),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  host_free_buffer(error);
  error = NULL;
  /* Nothing changed. */
  CHECK(strcmp(section_path(&profile, SERVICE), a) == 0);
  CHECK_EQ(profile.saves, saves);
  CHECK_EQ(admin.opens, 1);
  check_clean(&profile, &support, &admin);

  /* A support object without allocators (GetMemAllocRoutines missing). */
  host_support_init(&bare);
  {
    MSLogon_IMAPISupportVtbl no_alloc = *bare.iface.lpVtbl;
    no_alloc.GetMemAllocRoutines = NULL;
    bare.iface.lpVtbl = &no_alloc;
    CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, b, &bare, &admin, &error),
             MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK_EQ(host_refs(&bare), 1);
  }
  /* The host's profile refuses: the code, explained. */
  profile.fail_open = MSLogon_MAPI_E_NO_ACCESS;
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, b, &support, &admin, &error),
           MSLogon_MAPI_E_NO_ACCESS);
  CHECK(host_check_mapierror(error, "cannot open the service's profile section", 0));
  host_free_buffer(error);
  profile.fail_open = 0;
  CHECK(strcmp(section_path(&profile, SERVICE), a) == 0);
  check_clean(&profile, &support, &admin);
  CHECK(!exists(a) && !exists(b));
}

/* ---- 4. the default file --------------------------------------------- */

static char *saved_env(const char *name) {
  const char *v = getenv(name);
  return v ? strdup(v) : NULL;
}

static void restore_env(const char *name, char *value) {
  if (value) {
    setenv(name, value, 1);
    free(value);
  } else {
    unsetenv(name);
  }
}

static void default_path(void) {
  Profile profile;
  Admin admin;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_MAPIERROR *error = NULL;
  Logon l;
  char dir[512], want[600], xdg[512];
  char *store_dir = saved_env("MSLOGON_STORE_DIR");
  char *xdg_home = saved_env("XDG_DATA_HOME");
  char *home = saved_env("HOME");
  temp_path(dir, sizeof dir, "data");
  temp_path(xdg, sizeof xdg, "xdg");

  /* MSLOGON_STORE_DIR: the file there, named by the service's UID. */
  setenv("MSLOGON_STORE_DIR", dir, 1);
  profile_init(&profile, 1);
  admin_init(&admin, &profile);
  support_with_profile(&support, &profile);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, MSLogon_SERVICE_UI_ALLOWED, NULL, &support,
                     &admin, &error),
           MSLogon_S_OK);
  CHECK(error == NULL);
  snprintf(want, sizeof want, "%s/store-" SERVICE_UID_HEX ".mslogon.db", dir);
  CHECK(strcmp(section_path(&profile, SERVICE), want) == 0);
  if (strcmp(section_path(&profile, SERVICE), want) != 0)
    fprintf(stderr, "  default path %s, want %s\n", section_path(&profile, SERVICE), want);
  provider = init_provider();
  l = logon_ok(provider, &support);
  CHECK(exists(want)); /* its directory made by the logon */
  logoff_release(&l);
  shutdown_and_release(provider);
  remove_store(want);
  /* CONFIGURE without a path on a section that has none: the same. */
  CHECK_HR(configure(MSLogon_MSG_SERVICE_DELETE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CONFIGURE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  CHECK(strcmp(section_path(&profile, SERVICE), want) == 0);
  /* A profile without PR_SERVICE_UID: store-1.mslogon.db. */
  profile_init(&profile, 0);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  snprintf(want, sizeof want, "%s/store-1.mslogon.db", dir);
  CHECK(strcmp(section_path(&profile, SERVICE), want) == 0);
  check_clean(&profile, &support, &admin);

  /* Without MSLOGON_STORE_DIR: $XDG_DATA_HOME/mslogon. */
  unsetenv("MSLOGON_STORE_DIR");
  setenv("XDG_DATA_HOME", xdg, 1);
  profile_init(&profile, 1);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  snprintf(want, sizeof want, "%s/mslogon/store-" SERVICE_UID_HEX ".mslogon.db", xdg);
  CHECK(strcmp(section_path(&profile, SERVICE), want) == 0);
  /* ... else ~/.local/share/mslogon. */
  unsetenv("XDG_DATA_HOME");
  setenv("HOME", dir, 1);
  profile_init(&profile, 1);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, NULL, &support, &admin, &error),
           MSLogon_S_OK);
  snprintf(want, sizeof want, "%s/.local/share/mslogon/store-" SERVICE_UID_HEX ".mslogon.db",
           dir);
  CHECK(strcmp(section_path(&profile, SERVICE), want) == 0);
  /* ... and with none of these: MAPI_E_UNCONFIGURED, explained, nothing
   * written. */
  unsetenv("HOME");
  profile_init(&profile, 1);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, NULL, &support, &admin, &error),
           MSLogon_MAPI_E_UNCONFIGURED);
  CHECK(host_check_mapierror(error, "no per-user data directory", 0));
  host_free_buffer(error);
  CHECK(strcmp(section_path(&profile, SERVICE), "") == 0);
  CHECK_EQ(profile.saves, 0);
  check_clean(&profile, &support, &admin);

  restore_env("MSLOGON_STORE_DIR", store_dir);
  restore_env("XDG_DATA_HOME", xdg_home);
  restore_env("HOME", home);
  rmdir(dir);
}

/* ---- 5. bad files and bad profiles --------------------------------------- */

static void bad_files(void) {
  Profile profile;
  Admin admin;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_MAPIERROR *error = NULL;
  Logon l;
  char path[512], wal[600], text[4096];
  static const char garbage[] = "this is no SQLite database, and no mslogon store either\n";
  FILE *f;
  size_t n, i;
  long add_refs;
  temp_path(path, sizeof path, "garbage.mslogon.db");
  f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  for (i = 0; i < 64; i++) fputs(garbage, f);
  fclose(f);

  profile_init(&profile, 1);
  admin_init(&admin, &profile);
  support_with_profile(&support, &profile);
  CHECK_HR(configure(MSLogon_MSG_SERVICE_CREATE, 0, path, &support, &admin, &error),
           MSLogon_S_OK);
  provider = init_provider();
  add_refs = support.add_refs;
  CHECK_HR(logon_with(provider, &support, &l, &error), MSLogon_MAPI_E_CORRUPT_STORE);
  CHECK(l.logon == NULL && l.store == NULL);
  CHECK(host_check_mapierror(error, "not an mslogon store", 0));
  CHECK(host_check_mapierror(error, path, 0));
  CHECK(host_check_mapierror(error, "MAPI_E_CORRUPT_STORE", 0));
  host_free_buffer(error);
  error = NULL;
  CHECK_EQ(support.add_refs, add_refs); /* a failed Logon never holds it */
  /* Untouched, nothing made beside it. */
  f = fopen(path, "rb");
  CHECK(f != NULL);
  if (f) {
    n = fread(text, 1, sizeof text, f);
    fclose(f);
    CHECK_EQ(n, 64 * (sizeof garbage - 1));
    CHECK(memcmp(text, garbage, sizeof garbage - 1) == 0);
  }
  snprintf(wal, sizeof wal, "%s-wal", path);
  CHECK(!exists(wal));

  /* A relative path in the profile: MAPI_E_UNCONFIGURED. */
  set_section_string(&profile, PROVIDER, MSLogon_PR_MSLOGON_STORE_PATH_A, "stores/relative.db");
  CHECK_HR(logon_with(provider, &support, &l, &error), MSLogon_MAPI_E_UNCONFIGURED);
  CHECK(host_check_mapierror(error, "not an absolute path", 0));
  host_free_buffer(error);
  error = NULL;

  /* A profile the host cannot open: its code, explained. */
  profile.fail_open = MSLogon_MAPI_E_NO_ACCESS;
  CHECK_HR(logon_with(provider, &support, &l, &error), MSLogon_MAPI_E_NO_ACCESS);
  CHECK(host_check_mapierror(error, "profile section", 0));
  host_free_buffer(error);
  error = NULL;
  /* No such section (MAPI_E_NOT_FOUND) or no profiles at all
   * (MAPI_E_NO_SUPPORT): the store the entry ID names, as before. */
  profile.fail_open = MSLogon_MAPI_E_NOT_FOUND;
  l = logon_ok(provider, &support);
  logoff_release(&l);
  profile.fail_open = MSLogon_MAPI_E_NO_SUPPORT;
  l = logon_ok(provider, &support);
  logoff_release(&l);
  profile.fail_open = 0;
  CHECK_EQ(support.add_refs, add_refs + 2);

  /* After Shutdown the profile is not read. */
  {
    long opens = support.open_profile_sections;
    MSLogon_ULONG flags = 0;
    CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
    CHECK_HR(logon_with(provider, &support, &l, &error), MSLogon_MAPI_E_END_OF_SESSION);
    host_free_buffer(error);
    error = NULL;
    CHECK_EQ(support.open_profile_sections, opens);
    CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  }
  check_clean(&profile, &support, &admin);
  remove_store(path);
}

int main(void) {
  make_temp_root();
  create_logon_persist();
  two_services_by_entry_id();
  configure_and_delete();
  bad_arguments();
  default_path();
  bad_files();
  {
    /* The temporary tree: empty directories left by the tests. */
    char p[600];
    const char *dirs[] = {"new/dir", "new", "data/.local/share/mslogon", "data/.local/share",
                          "data/.local", "data", "xdg/mslogon", "xdg", ""};
    int i;
    for (i = 0; dirs[i][0]; i++) {
      temp_path(p, sizeof p, dirs[i]);
      rmdir(p);
    }
    CHECK(rmdir(temp_root) == 0);
  }
  return host_finish("test_service");
}
