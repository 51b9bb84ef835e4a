/*
 * win_test_tree.c: the store's object tree as a Windows MAPI host drives it,
 * in C11, against the genuine MinGW-w64 <windows.h> / <mapidefs.h> /
 * <mapispi.h> (never include/mslogon.h): mslogon.dll is loaded with
 * LoadLibraryA, MSProviderInit found with GetProcAddress, and every call
 * goes through MinGW's vtables (IMsgStore, IMAPIFolder, IMessage, IAttach,
 * IMAPIStatus: p->lpVtbl->M(p, ...)). A Windows port of the representative
 * parts of c-tests/test_tree.c:
 *
 *   1. the walk: IMsgStore::OpenEntry(0, NULL) is the root (MAPI_FOLDER,
 *      FOLDER_ROOT); PR_IPM_SUBTREE_ENTRYID opened through the store, the
 *      logon, the root folder and its IMAPIContainer slot; GetReceiveFolder
 *      ("IPM.Note", 8-bit and MAPI_UNICODE) is the Inbox;
 *   2. CreateFolder (8-bit, collision, OPEN_IF_EXISTS, MAPI_UNICODE);
 *      CreateMessage + SetProps (PR_SUBJECT_W, PR_BODY_A, PT_I8, PT_SYSTIME,
 *      PT_MV_LONG) + ModifyRecipients (an ADRLIST in host buffers from
 *      MAPIAllocateBuffer) + CreateAttach/SaveChanges + SaveChanges
 *      (KEEP_OPEN_READWRITE); reopened by PR_ENTRYID, every value compared;
 *   3. GetIDsFromNames(MAPI_CREATE): IDs >= 0x8000; GetNamesFromIDs back;
 *   4. OpenStatusEntry: MAPI_STATUS, its properties, ValidateState S_OK;
 *      IMsgStore::Advise through MAPI's notification engine (the support
 *      object's Subscribe/Unsubscribe/Notify) with connection numbers that
 *      fill a ULONG_PTR: handed to the client and back in full;
 *   5. forcible logoff (IMSLogon::Logoff(&0), and IMsgStore::StoreLogoff
 *      with MAPI re-entering Logoff) with a folder, a message with unsaved
 *      changes, an attachment and the status object open: GetProps, SetProps,
 *      QueryInterface (and one slot of each interface) answer
 *      MAPI_E_INVALID_OBJECT, QueryInterface NULLs *ppv, the releases free
 *      everything; a new logon sees what was saved only;
 *   6. the ulUIParam slots (CopyMessages, DeleteMessages, SetReadFlags,
 *      CopyFolder, DeleteFolder, EmptyFolder, DeleteAttach, ValidateState);
 *   7. bad input: NULL out-pointers (E_INVALIDARG == MAPI_E_INVALID_PARAMETER),
 *      truncated entry IDs (MAPI_E_INVALID_ENTRYID), unknown flags.
 * Every structure the DLL returns is freed with the host's MAPIFreeBuffer;
 * at the end no host buffer and no mslogon object (mslogon_live_objects,
 * found with GetProcAddress) is left, and every AddRef was released.
 *
 * ulUIParam: Microsoft's headers declare it ULONG_PTR (a window handle), the
 * DLL takes a pointer-sized value, MinGW's mapidefs.h says ULONG. This host
 * always passes 0 there: on x64 a 32-bit argument fills only the low half of
 * its 8-byte register/stack slot, which is harmless because the DLL treats
 * ulUIParam as opaque and never reads it; on i686 both are 4 bytes.
 *
 * Prints "win_test_tree_c: N passed, M failed"; exits 0 only if M is 0.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "win_host.h"

static LPMSPROVIDERINIT provider_init;
static HMODULE provider_module;

/* mslogon_live_objects (include/mslogon.h; __cdecl, no arguments). */
typedef ULONG (*LiveObjectsFn)(void);
static LiveObjectsFn live_objects_fn;

static long live_objects(void) { return live_objects_fn ? (long)live_objects_fn() : -1; }

/* ---- helpers ------------------------------------------------------------- */

#define PROP(obj) ((LPMAPIPROP)(void *)(obj))
#define UNK(obj) ((LPUNKNOWN)(void *)(obj))

/* Provider-defined tags of the types the message stores. */
#define T_I8 PROP_TAG(PT_I8, 0x6700)
#define T_SYSTIME PROP_TAG(PT_SYSTIME, 0x6701)
#define T_MV_LONG PROP_TAG(PT_MV_LONG, 0x6704)
#define T_MISSING PROP_TAG(PT_LONG, 0x6709)

/* PS_PUBLIC_STRINGS {00020329-0000-0000-C000-000000000046}. */
static GUID ps_public_strings = {0x00020329, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

typedef struct Tags {
  ULONG cValues;
  ULONG aulPropTag[16];
} Tags;

typedef struct EntryId {
  ULONG cb;
  BYTE ab[64];
} EntryId;

#define EID(e) ((LPENTRYID)(void *)(e).ab)

static HRESULT get_props(void *obj, const ULONG *tags, ULONG n, ULONG flags, ULONG *count,
                         LPSPropValue *out) {
  Tags t;
  ULONG i;
  LPMAPIPROP p = PROP(obj);
  HRESULT hr;
  t.cValues = n;
  for (i = 0; tags && i < n && i < 16; i++) t.aulPropTag[i] = tags[i];
  *out = NULL;
  *count = 0;
  /* tags NULL: every property. */
  hr = p->lpVtbl->GetProps(p, tags ? (LPSPropTagArray)(void *)&t : NULL, flags, count, out);
  /* What came back passes Wine's FBadProp, in one live root buffer. */
  if (hr == S_OK || hr == MAPI_W_ERRORS_RETURNED) host_check_props(*count, *out);
  return hr;
}

/* One property, present with its own tag; freed by the caller. Through
 * Wine's HrGetOneProp (GetProps with an uninitialised count; FBadProp). */
static LPSPropValue get_one_f(void *obj, ULONG tag, int line) {
  LPSPropValue v = NULL;
  HRESULT hr = host_hr_get_one_prop(obj, tag, &v);
  host_check_hr(hr, S_OK, "get_one HrGetOneProp", __FILE__, line);
  if (hr != S_OK || !v || v->ulPropTag != tag) {
    host_check(0, "get_one: property present with the expected tag", __FILE__, line);
    if (v) fprintf(stderr, "  asked 0x%08lX, got 0x%08lX\n", (unsigned long)tag,
                   (unsigned long)v->ulPropTag);
    host_free_buffer(v);
    return NULL;
  }
  return v;
}
#define get_one(obj, tag) get_one_f((obj), (tag), __LINE__)

static ULONG get_ul_f(void *obj, ULONG tag, int line) {
  LPSPropValue v = get_one_f(obj, tag, line);
  ULONG r = 0xDEADBEEFu;
  if (v) r = PROP_TYPE(tag) == PT_BOOLEAN ? (ULONG)v->Value.b : v->Value.ul;
  host_free_buffer(v);
  return r;
}
#define get_ul(obj, tag) get_ul_f((obj), (tag), __LINE__)

static EntryId get_eid_f(void *obj, ULONG tag, int line) {
  EntryId e;
  LPSPropValue v = get_one_f(obj, tag, line);
  memset(&e, 0, sizeof e);
  if (v) {
    host_check(v->Value.bin.cb > 0 && v->Value.bin.cb <= sizeof e.ab, "entry ID size", __FILE__,
               line);
    if (v->Value.bin.cb <= sizeof e.ab) {
      e.cb = v->Value.bin.cb;
      memcpy(e.ab, v->Value.bin.lpb, e.cb);
    }
  }
  host_free_buffer(v);
  return e;
}
#define get_eid(obj) get_eid_f((obj), PR_ENTRYID, __LINE__)
#define get_eid_tag(obj, tag) get_eid_f((obj), (tag), __LINE__)

static int eid_eq(const EntryId *a, const EntryId *b) {
  return a->cb == b->cb && a->cb > 0 && memcmp(a->ab, b->ab, a->cb) == 0;
}

static int name_is(void *obj, const char *name) {
  LPSPropValue v = get_one(obj, PR_DISPLAY_NAME_A);
  int ok = v && strcmp(v->Value.lpszA, name) == 0;
  if (v && !ok) fprintf(stderr, "  display name \"%s\", want \"%s\"\n", v->Value.lpszA, name);
  host_free_buffer(v);
  return ok;
}

static int wide_is(void *obj, ULONG tag, const WCHAR *want) {
  LPSPropValue v = get_one(obj, tag);
  int ok = v && v->Value.lpszW && wcscmp(v->Value.lpszW, want) == 0;
  host_free_buffer(v);
  return ok;
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

typedef struct Session {
  IMSLogon *logon;
  IMsgStore *store;
} Session;

static Session logon_on(IMSProvider *provider, HostSupport *support) {
  Session l;
  LPMAPIERROR error = NULL;
  ULONG cb_spool = 0;
  LPBYTE spool = NULL;
  l.logon = NULL;
  l.store = NULL;
  CHECK_HR(provider->lpVtbl->Logon(provider, host_support_iface(support), 0, NULL, 0, NULL,
                                   MDB_NO_DIALOG | MDB_WRITE, NULL, &cb_spool, &spool, &error,
                                   &l.logon, &l.store),
           S_OK);
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

static void shutdown_and_release(IMSProvider *provider, HostMalloc *m) {
  ULONG flags = 0;
  CHECK_HR(provider->lpVtbl->Shutdown(provider, &flags), S_OK);
  CHECK_EQ(provider->lpVtbl->Release(provider), 0);
  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK_EQ(m->refs, 1);
  CHECK_EQ(m->add_refs, m->releases);
}

static void check_support_balanced(const HostSupport *s) {
  CHECK_EQ(s->refs, 1);
  CHECK_EQ(s->add_refs, s->releases);
  CHECK_EQ(s->releases, 1);
}

static LPUNKNOWN open_entry_f(IMsgStore *store, const EntryId *e, ULONG flags, ULONG want_type,
                              int line) {
  ULONG type = 0;
  LPUNKNOWN unk = NULL;
  HRESULT hr = store->lpVtbl->OpenEntry(store, e ? e->cb : 0, e ? EID(*e) : NULL, NULL, flags,
                                        &type, &unk);
  host_check_hr(hr, S_OK, "IMsgStore::OpenEntry", __FILE__, line);
  host_check_eq(type, want_type, "OpenEntry object type", __FILE__, line);
  host_check(unk != NULL, "OpenEntry object", __FILE__, line);
  return unk;
}
#define open_folder(store, e, flags) \
  ((LPMAPIFOLDER)(void *)open_entry_f((store), (e), (flags), MAPI_FOLDER, __LINE__))
#define open_message(store, e, flags) \
  ((LPMESSAGE)(void *)open_entry_f((store), (e), (flags), MAPI_MESSAGE, __LINE__))

static LPMAPIFOLDER open_subtree(IMsgStore *store) {
  EntryId e = get_eid_tag(store, PR_IPM_SUBTREE_ENTRYID);
  return open_folder(store, &e, MAPI_MODIFY);
}

static LPMAPIFOLDER create_folder_f(LPMAPIFOLDER parent, const char *name, ULONG flags, int line) {
  LPMAPIFOLDER f = NULL;
  HRESULT hr = parent->lpVtbl->CreateFolder(parent, FOLDER_GENERIC, (LPTSTR)(void *)name, NULL,
                                            NULL, flags, &f);
  host_check_hr(hr, S_OK, "CreateFolder", __FILE__, line);
  host_check(f != NULL, "CreateFolder folder", __FILE__, line);
  return f;
}
#define create_folder(parent, name) create_folder_f((parent), (name), 0, __LINE__)

/* A message saved in `folder` with PR_SUBJECT_A `subject`: its entry ID. */
static EntryId saved_message(LPMAPIFOLDER folder, const char *subject) {
  LPMESSAGE m = NULL;
  SPropValue v;
  EntryId e;
  memset(&e, 0, sizeof e);
  CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, 0, &m), S_OK);
  if (!m) return e;
  memset(&v, 0, sizeof v);
  v.ulPropTag = PR_SUBJECT_A;
  v.Value.lpszA = (LPSTR)(void *)subject;
  CHECK_HR(m->lpVtbl->SetProps(m, 1, &v, NULL), S_OK);
  CHECK_HR(m->lpVtbl->SaveChanges(m, KEEP_OPEN_READWRITE), S_OK);
  e = get_eid(m);
  CHECK_EQ(m->lpVtbl->Release(m), 0);
  return e;
}

static ENTRYLIST one_entry(EntryId *e, SBinary *bin) {
  ENTRYLIST list;
  bin->cb = e->cb;
  bin->lpb = e->ab;
  list.cValues = 1;
  list.lpbin = bin;
  return list;
}

/* ---- 1. the walk --------------------------------------------------------- */

static void check_subtree(LPUNKNOWN unk, ULONG type, const EntryId *want) {
  EntryId e;
  CHECK_EQ(type, MAPI_FOLDER);
  CHECK(unk != NULL);
  if (!unk) return;
  e = get_eid(unk);
  CHECK(eid_eq(&e, want));
  CHECK_EQ(get_ul(unk, PR_SUBFOLDERS), 1);
  CHECK_EQ(unk->lpVtbl->Release(unk), 0);
}

/* GetReceiveFolder(cls): the folder's entry ID and the explicit class. */
static EntryId receive_folder(IMsgStore *store, const char *cls, const char *explicit_want) {
  ULONG cb = 0;
  LPENTRYID eid = NULL;
  LPTSTR explicit_class = NULL;
  EntryId e;
  memset(&e, 0, sizeof e);
  CHECK_HR(store->lpVtbl->GetReceiveFolder(store, (LPTSTR)(void *)cls, 0, &cb, &eid,
                                           &explicit_class),
           S_OK);
  host_check_entry_id(cb, eid);
  CHECK(eid != NULL && cb > 0 && cb <= sizeof e.ab);
  if (eid && cb <= sizeof e.ab) {
    e.cb = cb;
    memcpy(e.ab, eid, cb);
  }
  CHECK(explicit_class && host_is_root_buffer(explicit_class));
  CHECK(explicit_class && strcmp((const char *)explicit_class, explicit_want) == 0);
  host_free_buffer(eid);
  host_free_buffer(explicit_class);
  return e;
}

static void walk(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  ULONG tags[3] = {PR_IPM_SUBTREE_ENTRYID, PR_VALID_FOLDER_MASK, PR_STORE_SUPPORT_MASK};
  LPSPropValue v = NULL;
  ULONG n = 0;
  ULONG type = 0;
  LPUNKNOWN unk = NULL;
  LPMAPIFOLDER root;
  EntryId se;
  EntryId re;
  EntryId e;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  CHECK_EQ(live_objects(), 3); /* provider, logon, store */

  CHECK_HR(get_props(l.store, tags, 3, 0, &n, &v), S_OK);
  CHECK_EQ(n, 3);
  if (v && n == 3) {
    CHECK_EQ(v[0].ulPropTag, PR_IPM_SUBTREE_ENTRYID);
    CHECK_EQ(v[0].Value.bin.cb, 48);
    CHECK(v[1].Value.ul & FOLDER_IPM_SUBTREE_VALID);
    CHECK(v[2].Value.ul & STORE_ENTRYID_UNIQUE);
    CHECK(v[2].Value.ul & STORE_MODIFY_OK);
  }
  host_free_buffer(v);
  se = get_eid_tag(l.store, PR_IPM_SUBTREE_ENTRYID);

  /* The root: OpenEntry(0, NULL). */
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, 0, NULL, NULL, MAPI_MODIFY, &type, &unk), S_OK);
  CHECK_EQ(type, MAPI_FOLDER);
  root = (LPMAPIFOLDER)(void *)unk;
  CHECK(root != NULL);
  if (!root) return;
  CHECK_EQ(get_ul(root, PR_FOLDER_TYPE), FOLDER_ROOT);
  CHECK_EQ(get_ul(root, PR_OBJECT_TYPE), MAPI_FOLDER);
  re = get_eid(root);
  e = get_eid_tag(root, PR_PARENT_ENTRYID);
  CHECK(eid_eq(&re, &e)); /* the root is its own parent */
  CHECK_EQ(get_ul(root, PR_SUBFOLDERS), 1);

  /* The IPM subtree: through the store, the logon, the root folder (its
   * IMAPIFolder and its IMAPIContainer view). */
  unk = NULL;
  type = 0;
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, se.cb, EID(se), NULL, 0, &type, &unk), S_OK);
  check_subtree(unk, type, &se);
  unk = NULL;
  type = 0;
  CHECK_HR(l.logon->lpVtbl->OpenEntry(l.logon, se.cb, EID(se), NULL, 0, &type, &unk), S_OK);
  check_subtree(unk, type, &se);
  unk = NULL;
  type = 0;
  CHECK_HR(root->lpVtbl->OpenEntry(root, se.cb, EID(se), &IID_IMAPIFolder, 0, &type, &unk), S_OK);
  check_subtree(unk, type, &se);
  {
    LPMAPICONTAINER c = (LPMAPICONTAINER)(void *)root;
    unk = NULL;
    type = 0;
    CHECK_HR(c->lpVtbl->OpenEntry(c, se.cb, EID(se), NULL, 0, &type, &unk), S_OK);
    check_subtree(unk, type, &se);
  }

  /* GetReceiveFolder("IPM.Note"): the Inbox, explicit class "IPM". */
  e = receive_folder(l.store, "IPM.Note", "IPM");
  {
    LPMAPIFOLDER inbox = open_folder(l.store, &e, 0);
    if (inbox) {
      CHECK(name_is(inbox, "Inbox"));
      CHECK(wide_is(inbox, PR_DISPLAY_NAME_W, L"Inbox"));
      CHECK_EQ(get_ul(inbox, PR_CONTENT_COUNT), 0);
      CHECK_EQ(inbox->lpVtbl->Release(inbox), 0);
    }
  }
  /* The same with MAPI_UNICODE: WCHAR class in, WCHAR explicit class out. */
  {
    WCHAR cls[] = L"IPM.Note";
    ULONG cb = 0;
    LPENTRYID eid = NULL;
    LPTSTR explicit_class = NULL;
    CHECK_HR(l.store->lpVtbl->GetReceiveFolder(l.store, (LPTSTR)(void *)cls, MAPI_UNICODE, &cb,
                                               &eid, &explicit_class),
             S_OK);
    host_check_entry_id(cb, eid);
    CHECK(cb == e.cb && eid && memcmp(eid, e.ab, cb) == 0);
    CHECK(explicit_class && host_is_root_buffer(explicit_class));
    CHECK(explicit_class && wcscmp((const WCHAR *)(void *)explicit_class, L"IPM") == 0);
    host_free_buffer(eid);
    host_free_buffer(explicit_class);
  }

  CHECK_EQ(root->lpVtbl->Release(root), 0);
  CHECK_EQ(live_objects(), 3);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 2. folders and messages ------------------------------------------- */

static const BYTE kAttach[6] = {'P', 'K', 3, 4, 0, 0xFF};
static LONG kLongs[3] = {-1, 0, 42};
#define K_I8 (-1234567890123LL)
#define K_FT_LOW 0x89ABCDEFu
#define K_FT_HIGH 0x01D9C3A0u

static void fill_values(SPropValue *v, LPWSTR subject, LPSTR body) {
  memset(v, 0, 5 * sizeof *v);
  v[0].ulPropTag = PR_SUBJECT_W;
  v[0].Value.lpszW = subject;
  v[1].ulPropTag = PR_BODY_A;
  v[1].Value.lpszA = body;
  v[2].ulPropTag = T_I8;
  v[2].Value.li.QuadPart = K_I8;
  v[3].ulPropTag = T_SYSTIME;
  v[3].Value.ft.dwLowDateTime = K_FT_LOW;
  v[3].Value.ft.dwHighDateTime = K_FT_HIGH;
  v[4].ulPropTag = T_MV_LONG;
  v[4].Value.MVl.cValues = 3;
  v[4].Value.MVl.lpl = kLongs;
}

static void check_values(LPMESSAGE msg, const WCHAR *subject, const char *body) {
  ULONG tags[6] = {PR_SUBJECT_W, PR_BODY_A, T_I8, T_SYSTIME, T_MV_LONG, T_MISSING};
  LPSPropValue v = NULL;
  ULONG n = 0;
  ULONG i;

  CHECK_HR(get_props(msg, tags, 6, 0, &n, &v), MAPI_W_ERRORS_RETURNED);
  CHECK_EQ(n, 6);
  if (!v || n != 6) {
    host_free_buffer(v);
    return;
  }
  for (i = 0; i < 5; i++) CHECK_EQ(v[i].ulPropTag, tags[i]);
  CHECK(v[0].Value.lpszW && wcscmp(v[0].Value.lpszW, subject) == 0);
  CHECK(v[1].Value.lpszA && strcmp(v[1].Value.lpszA, body) == 0);
  CHECK(v[2].Value.li.QuadPart == K_I8);
  CHECK_EQ(v[3].Value.ft.dwLowDateTime, K_FT_LOW);
  CHECK_EQ(v[3].Value.ft.dwHighDateTime, K_FT_HIGH);
  CHECK(v[4].Value.MVl.cValues == 3 && v[4].Value.MVl.lpl &&
        memcmp(v[4].Value.MVl.lpl, kLongs, sizeof kLongs) == 0);
  CHECK_EQ(v[5].ulPropTag, PROP_TAG(PT_ERROR, PROP_ID(T_MISSING)));
  CHECK_HR(v[5].Value.err, MAPI_E_NOT_FOUND);
  host_free_buffer(v);

  /* Everything the message has, deep-copied by Wine's ScCopyProps and
   * compared (PT_I8, PT_SYSTIME, PT_MV_LONG, strings, binaries...). */
  v = NULL;
  CHECK_HR(get_props(msg, NULL, 0, 0, &n, &v), S_OK);
  CHECK(n >= 5);
  CHECK(host_check_copy_props(n, v));
  host_free_buffer(v);
  v = NULL;
  CHECK_HR(get_props(msg, NULL, 0, MAPI_UNICODE, &n, &v), S_OK);
  CHECK(host_check_copy_props(n, v));
  host_free_buffer(v);

  /* The 8-bit body as WCHAR, the subject through PT_UNSPECIFIED. */
  {
    ULONG un[2] = {PR_BODY_W, PROP_TAG(PT_UNSPECIFIED, PROP_ID(PR_SUBJECT_W))};
    v = NULL;
    CHECK_HR(get_props(msg, un, 2, MAPI_UNICODE, &n, &v), S_OK);
    if (v && n == 2) {
      WCHAR wbody[64];
      size_t k;
      for (k = 0; body[k] && k + 1 < 64; k++) wbody[k] = (WCHAR)(unsigned char)body[k];
      wbody[k] = 0;
      CHECK_EQ(v[0].ulPropTag, PR_BODY_W);
      CHECK(v[0].Value.lpszW && wcscmp(v[0].Value.lpszW, wbody) == 0);
      CHECK_EQ(v[1].ulPropTag, PR_SUBJECT_W);
      CHECK(v[1].Value.lpszW && wcscmp(v[1].Value.lpszW, subject) == 0);
    } else {
      CHECK(0);
    }
    host_free_buffer(v);
  }
}

/* ModifyRecipients(0) with one MAPI_TO row, the ADRLIST and its property
 * array each in a buffer of the host's MAPIAllocateBuffer (as FreePadrlist
 * expects them); the provider copies them, the host frees them with Wine's
 * FreePadrlist. */
static void add_recipient(LPMESSAGE msg, LPWSTR name) {
  LPADRLIST list = NULL;
  LPSPropValue props = NULL;
  CHECK_HR(host_allocate_buffer((ULONG)CbNewADRLIST(1), (LPVOID *)&list), S_OK);
  CHECK_HR(host_allocate_buffer(3 * sizeof(SPropValue), (LPVOID *)&props), S_OK);
  if (!list || !props) return;
  memset(props, 0, 3 * sizeof(SPropValue));
  props[0].ulPropTag = PR_DISPLAY_NAME_W;
  props[0].Value.lpszW = name;
  props[1].ulPropTag = PR_RECIPIENT_TYPE;
  props[1].Value.ul = MAPI_TO;
  props[2].ulPropTag = PR_ADDRTYPE_A;
  props[2].Value.lpszA = (LPSTR)(void *)"SMTP";
  list->cEntries = 1;
  list->aEntries[0].ulReserved1 = 0;
  list->aEntries[0].cValues = 3;
  list->aEntries[0].rgPropVals = props;
  CHECK_HR(msg->lpVtbl->ModifyRecipients(msg, 0, list), S_OK);
  CHECK(list->aEntries[0].rgPropVals == props); /* the caller's, untouched */
  host_check_adrlist(list);
  host_free_padrlist(list);
  CHECK(wide_is(msg, PR_DISPLAY_TO_W, name));
  CHECK_HR(msg->lpVtbl->ModifyRecipients(msg, 0, NULL), MAPI_E_INVALID_PARAMETER);
}

static void folders_and_messages(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMAPIFOLDER projects = NULL;
  LPMAPIFOLDER again = NULL;
  LPMESSAGE msg = NULL;
  LPATTACH att = NULL;
  LPSPropProblemArray problems = NULL;
  SPropValue v[5];
  WCHAR subject[] = L"Quarterly r\x00E9port \x20AC";
  char body[] = "Body text\r\nline 2";
  WCHAR alice[] = L"Alice";
  WCHAR wide_name[] = L"Projet\x00E9\x20AC";
  WCHAR wide_comment[] = L"c";
  ULONG num = 77;
  EntryId pe;
  EntryId me;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;

  /* CreateFolder: new, collision, OPEN_IF_EXISTS, MAPI_UNICODE. */
  CHECK_HR(subtree->lpVtbl->CreateFolder(subtree, FOLDER_GENERIC, (LPTSTR)(void *)"Projects",
                                         (LPTSTR)(void *)"comment", NULL, 0, &projects),
           S_OK);
  if (!projects) return;
  pe = get_eid(projects);
  CHECK(name_is(projects, "Projects"));
  CHECK_EQ(get_ul(projects, PR_FOLDER_TYPE), FOLDER_GENERIC);
  again = (LPMAPIFOLDER)(void *)&again;
  CHECK_HR(subtree->lpVtbl->CreateFolder(subtree, FOLDER_GENERIC, (LPTSTR)(void *)"Projects",
                                         NULL, NULL, 0, &again),
           MAPI_E_COLLISION);
  CHECK(again == NULL);
  again = create_folder_f(subtree, "Projects", OPEN_IF_EXISTS, __LINE__);
  if (again) {
    EntryId e2 = get_eid(again);
    CHECK(eid_eq(&pe, &e2));
    CHECK_EQ(again->lpVtbl->Release(again), 0);
  }
  again = NULL;
  CHECK_HR(subtree->lpVtbl->CreateFolder(subtree, FOLDER_GENERIC, (LPTSTR)(void *)wide_name,
                                         (LPTSTR)(void *)wide_comment, NULL, MAPI_UNICODE,
                                         &again),
           S_OK);
  if (again) {
    CHECK(wide_is(again, PR_DISPLAY_NAME_W, wide_name));
    CHECK_EQ(again->lpVtbl->Release(again), 0);
  }

  /* CreateMessage, SetProps. */
  CHECK_HR(projects->lpVtbl->CreateMessage(projects, NULL, 0, &msg), S_OK);
  if (!msg) return;
  fill_values(v, subject, body);
  problems = (LPSPropProblemArray)(void *)&problems;
  CHECK_HR(msg->lpVtbl->SetProps(msg, 5, v, &problems), S_OK);
  CHECK(problems == NULL);
  check_values(msg, subject, body);
  add_recipient(msg, alice);

  /* An attachment, saved into the message. */
  CHECK_HR(msg->lpVtbl->CreateAttach(msg, NULL, 0, &num, &att), S_OK);
  CHECK_EQ(num, 0);
  CHECK(att != NULL);
  if (att) {
    SPropValue a[2];
    WCHAR fname[] = L"report.zip";
    memset(a, 0, sizeof a);
    a[0].ulPropTag = PR_ATTACH_FILENAME_W;
    a[0].Value.lpszW = fname;
    a[1].ulPropTag = PR_ATTACH_DATA_BIN;
    a[1].Value.bin.cb = sizeof kAttach;
    a[1].Value.bin.lpb = (LPBYTE)kAttach;
    CHECK_HR(att->lpVtbl->SetProps(att, 2, a, NULL), S_OK);
    CHECK_HR(att->lpVtbl->SaveChanges(att, KEEP_OPEN_READWRITE), S_OK);
    CHECK_EQ(get_ul(att, PR_ATTACH_NUM), 0);
    CHECK_EQ(att->lpVtbl->Release(att), 0);
  }
  CHECK_EQ(get_ul(projects, PR_CONTENT_COUNT), 0); /* nothing visible before SaveChanges */
  CHECK_HR(msg->lpVtbl->SaveChanges(msg, KEEP_OPEN_READWRITE), S_OK);
  me = get_eid(msg);
  CHECK(me.cb > 0);
  CHECK_EQ(get_ul(projects, PR_CONTENT_COUNT), 1);
  CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  CHECK_EQ(projects->lpVtbl->Release(projects), 0);

  /* Reopen by PR_ENTRYID: everything reads back. */
  msg = open_message(l.store, &me, MAPI_MODIFY);
  if (msg) {
    EntryId parent = get_eid_tag(msg, PR_PARENT_ENTRYID);
    check_values(msg, subject, body);
    CHECK(eid_eq(&parent, &pe));
    CHECK_EQ(get_ul(msg, PR_HASATTACH), 1);
    CHECK(get_ul(msg, PR_MESSAGE_FLAGS) & MSGFLAG_HASATTACH);
    CHECK(wide_is(msg, PR_DISPLAY_TO_W, alice));
    att = NULL;
    CHECK_HR(msg->lpVtbl->OpenAttach(msg, 0, NULL, 0, &att), S_OK);
    if (att) {
      LPSPropValue d = get_one(att, PR_ATTACH_DATA_BIN);
      CHECK(d && d->Value.bin.cb == sizeof kAttach &&
            memcmp(d->Value.bin.lpb, kAttach, sizeof kAttach) == 0);
      host_free_buffer(d);
      CHECK(wide_is(att, PR_ATTACH_FILENAME_W, L"report.zip"));
      CHECK_EQ(att->lpVtbl->Release(att), 0);
    }
    att = (LPATTACH)(void *)&att;
    CHECK_HR(msg->lpVtbl->OpenAttach(msg, 5, NULL, 0, &att), MAPI_E_NOT_FOUND);
    CHECK(att == NULL);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  }

  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  CHECK_EQ(live_objects(), 3);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 3. named properties ------------------------------------------------- */

static void named_properties(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMESSAGE msg = NULL;
  WCHAR kw[] = L"Keywords";
  MAPINAMEID names[2];
  LPMAPINAMEID pnames[2];
  LPSPropTagArray ids = NULL;
  LPSPropTagArray ids2 = NULL;
  LPMAPINAMEID *back = NULL;
  ULONG count = 0;
  ULONG i;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  CHECK_HR(subtree->lpVtbl->CreateMessage(subtree, NULL, 0, &msg), S_OK);
  if (!msg) return;

  names[0].lpguid = &ps_public_strings;
  names[0].ulKind = MNID_ID;
  names[0].Kind.lID = 0x8501;
  names[1].lpguid = &ps_public_strings;
  names[1].ulKind = MNID_STRING;
  names[1].Kind.lpwstrName = kw;
  pnames[0] = &names[0];
  pnames[1] = &names[1];

  /* Without MAPI_CREATE, unknown names map to PT_ERROR. */
  CHECK_HR(msg->lpVtbl->GetIDsFromNames(msg, 2, pnames, 0, &ids2), MAPI_W_ERRORS_RETURNED);
  CHECK(ids2 && ids2->cValues == 2 && PROP_TYPE(ids2->aulPropTag[0]) == PT_ERROR);
  CHECK(host_is_root_buffer(ids2));
  host_free_buffer(ids2);
  ids2 = NULL;

  CHECK_HR(msg->lpVtbl->GetIDsFromNames(msg, 2, pnames, MAPI_CREATE, &ids), S_OK);
  host_check_tags(ids);
  CHECK(ids && ids->cValues == 2);
  if (!ids || ids->cValues != 2) return;
  for (i = 0; i < 2; i++) {
    CHECK(PROP_ID(ids->aulPropTag[i]) >= 0x8000u);
    CHECK_EQ(PROP_TYPE(ids->aulPropTag[i]), PT_UNSPECIFIED);
  }
  CHECK(ids->aulPropTag[0] != ids->aulPropTag[1]);

  /* The same IDs again, through the store too. */
  CHECK_HR(msg->lpVtbl->GetIDsFromNames(msg, 2, pnames, 0, &ids2), S_OK);
  CHECK(ids2 && ids2->cValues == 2 && ids2->aulPropTag[0] == ids->aulPropTag[0] &&
        ids2->aulPropTag[1] == ids->aulPropTag[1]);
  host_free_buffer(ids2);
  ids2 = NULL;
  CHECK_HR(l.store->lpVtbl->GetIDsFromNames(l.store, 2, pnames, 0, &ids2), S_OK);
  CHECK(ids2 && ids2->cValues == 2 && ids2->aulPropTag[0] == ids->aulPropTag[0] &&
        ids2->aulPropTag[1] == ids->aulPropTag[1]);
  host_free_buffer(ids2);

  /* GetNamesFromIDs: the names back, in one buffer. */
  CHECK_HR(msg->lpVtbl->GetNamesFromIDs(msg, &ids, NULL, 0, &count, &back), S_OK);
  CHECK_EQ(count, 2);
  CHECK(back != NULL && host_is_root_buffer(back));
  if (back && count == 2) {
    CHECK(back[0] && back[0]->ulKind == MNID_ID && back[0]->Kind.lID == 0x8501 &&
          back[0]->lpguid && memcmp(back[0]->lpguid, &ps_public_strings, sizeof(GUID)) == 0);
    CHECK(back[1] && back[1]->ulKind == MNID_STRING && back[1]->Kind.lpwstrName &&
          wcscmp(back[1]->Kind.lpwstrName, kw) == 0 && back[1]->lpguid &&
          memcmp(back[1]->lpguid, &ps_public_strings, sizeof(GUID)) == 0);
  }
  host_free_buffer(back);

  /* A value under a named ID reads back. */
  {
    SPropValue v;
    LPSPropValue r;
    memset(&v, 0, sizeof v);
    v.ulPropTag = PROP_TAG(PT_LONG, PROP_ID(ids->aulPropTag[0]));
    v.Value.l = 31337;
    /* Wine's HrSetOneProp: SetProps(1, &v, NULL). */
    CHECK_HR(host_mapi.HrSetOneProp(PROP(msg), &v), S_OK);
    r = get_one(msg, v.ulPropTag);
    CHECK(r && r->Value.l == 31337);
    host_free_buffer(r);
  }
  /* Wine's HrGetOneProp of a property the message lacks: the provider
   * answers MAPI_W_ERRORS_RETURNED with a PT_ERROR value, Wine frees that
   * array with its own MAPIFreeBuffer and says MAPI_E_NOT_FOUND. */
  {
    LPSPropValue r = (LPSPropValue)(void *)&r;
    LONG before = host_live_buffers();
    CHECK_HR(host_hr_get_one_prop(msg, T_MISSING, &r), MAPI_E_NOT_FOUND);
    CHECK(r == NULL);
    CHECK_EQ(host_live_buffers(), before);
  }

  CHECK_HR(msg->lpVtbl->GetIDsFromNames(msg, 2, pnames, 0x100u, &ids2), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(msg->lpVtbl->GetIDsFromNames(msg, 2, pnames, 0, NULL), MAPI_E_INVALID_PARAMETER);

  host_free_buffer(ids);
  CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 4. the status object ------------------------------------------------ */

static void status_object(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  LPMAPISTATUS s = NULL;
  ULONG type = 0;
  ULONG tags[5] = {PR_DISPLAY_NAME_W, PR_RESOURCE_TYPE, PR_RESOURCE_METHODS, PR_STATUS_CODE,
                   PR_OBJECT_TYPE};
  LPSPropValue v = NULL;
  ULONG n = 0;
  ULONG i;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  CHECK_HR(l.logon->lpVtbl->OpenStatusEntry(l.logon, NULL, 0, &type, (LPVOID *)&s), S_OK);
  CHECK_EQ(type, MAPI_STATUS);
  CHECK(s != NULL);
  if (!s) return;
  CHECK_EQ(live_objects(), 4);
  CHECK_HR(get_props(s, tags, 5, 0, &n, &v), S_OK);
  CHECK_EQ(n, 5);
  for (i = 0; v && i < n && i < 5; i++) CHECK_EQ(v[i].ulPropTag, tags[i]);
  if (v && n == 5) {
    CHECK(v[0].Value.lpszW && v[0].Value.lpszW[0] != 0);
    CHECK_EQ(v[1].Value.ul, MAPI_STORE_PROVIDER);
    CHECK(v[2].Value.ul & STATUS_VALIDATE_STATE);
    CHECK(v[3].Value.ul & STATUS_AVAILABLE);
    CHECK_EQ(v[4].Value.ul, MAPI_STATUS);
  }
  host_free_buffer(v);
  CHECK_HR(s->lpVtbl->ValidateState(s, 0, 0), S_OK); /* ulUIParam 0: see the top */
  CHECK_HR(s->lpVtbl->ValidateState(s, 0, 0x8u), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(s->lpVtbl->SettingsDialog(s, 0, 0), MAPI_E_NO_SUPPORT);
  CHECK_HR(s->lpVtbl->FlushQueues(s, 0, 0, NULL, 0), MAPI_E_NO_SUPPORT);
  {
    void *out = NULL;
    CHECK_HR(s->lpVtbl->QueryInterface(s, &IID_IMAPIStatus, &out), S_OK);
    CHECK(out == (void *)s);
    CHECK_EQ(s->lpVtbl->Release(s), 1);
    CHECK_HR(s->lpVtbl->QueryInterface(s, &IID_IMAPIProp, &out), S_OK);
    CHECK(out == (void *)s);
    CHECK_EQ(s->lpVtbl->Release(s), 1);
    out = &out;
    CHECK_HR(s->lpVtbl->QueryInterface(s, &IID_IMAPIFolder, &out), MAPI_E_INTERFACE_NOT_SUPPORTED);
    CHECK(out == NULL);
  }
  CHECK_EQ(s->lpVtbl->Release(s), 0);
  CHECK_EQ(live_objects(), 3);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 5. forcible logoff -------------------------------------------------- */

/* GetProps, SetProps, QueryInterface (its own IID and IUnknown) of a
 * disconnected object: MAPI_E_INVALID_OBJECT, out-pointers NULL; AddRef and
 * Release still count (the host holds two references). */
static void sweep_common(void *obj, const IID *iid) {
  LPMAPIPROP p = PROP(obj);
  ULONG n = 7;
  LPSPropValue values = (LPSPropValue)(void *)&values;
  LPSPropProblemArray problems = (LPSPropProblemArray)(void *)&problems;
  LPMAPIERROR err = (LPMAPIERROR)(void *)&err;
  SPropValue v;
  void *out;

  memset(&v, 0, sizeof v);
  v.ulPropTag = PROP_TAG(PT_LONG, 0x6710);
  v.Value.l = 1;
  CHECK_HR(p->lpVtbl->GetProps(p, NULL, 0, &n, &values), MAPI_E_INVALID_OBJECT);
  CHECK(values == NULL);
  CHECK_EQ(n, 0);
  CHECK_HR(p->lpVtbl->SetProps(p, 1, &v, &problems), MAPI_E_INVALID_OBJECT);
  CHECK(problems == NULL);
  CHECK_HR(p->lpVtbl->SaveChanges(p, 0), MAPI_E_INVALID_OBJECT);
  CHECK_HR(p->lpVtbl->GetLastError(p, MAPI_E_CALL_FAILED, 0, &err), MAPI_E_INVALID_OBJECT);
  CHECK(err == NULL);
  out = &out;
  CHECK_HR(p->lpVtbl->QueryInterface(p, iid, &out), MAPI_E_INVALID_OBJECT);
  CHECK(out == NULL);
  out = &out;
  CHECK_HR(p->lpVtbl->QueryInterface(p, &host_IID_IUnknown, &out), MAPI_E_INVALID_OBJECT);
  CHECK(out == NULL);
  out = &out;
  CHECK_HR(p->lpVtbl->QueryInterface(p, &IID_IMAPIProp, &out), MAPI_E_INVALID_OBJECT);
  CHECK(out == NULL);
  CHECK_EQ(p->lpVtbl->AddRef(p), 3);
  CHECK_EQ(p->lpVtbl->Release(p), 2);
}

/* store_path 0: session logoff, IMSLogon::Logoff(&0); 1: StoreLogoff, MAPI
 * re-entering IMSLogon::Logoff from the support object's Release. */
static void forcible_logoff(int store_path) {
  HostMalloc m;
  HostSupport support;
  HostSupport support2;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMAPIFOLDER folder;
  LPMESSAGE msg = NULL;
  LPATTACH att = NULL;
  LPMAPISTATUS status = NULL;
  ULONG type = 0;
  ULONG num = 0;
  ULONG flags;
  SPropValue v;
  EntryId fe;
  EntryId me;
  long buffers;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  CHECK_EQ(live_objects(), 3);
  buffers = host_live_buffers();

  subtree = open_subtree(l.store);
  if (!subtree) return;
  folder = create_folder(subtree, store_path ? "Doomed (store)" : "Doomed (session)");
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  if (!folder) return;
  fe = get_eid(folder);
  CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, 0, &msg), S_OK);
  if (!msg) return;
  memset(&v, 0, sizeof v);
  v.ulPropTag = PR_SUBJECT_A;
  v.Value.lpszA = (LPSTR)(void *)"saved";
  CHECK_HR(msg->lpVtbl->SetProps(msg, 1, &v, NULL), S_OK);
  CHECK_HR(msg->lpVtbl->SaveChanges(msg, KEEP_OPEN_READWRITE), S_OK);
  me = get_eid(msg);
  v.Value.lpszA = (LPSTR)(void *)"unsaved";
  CHECK_HR(msg->lpVtbl->SetProps(msg, 1, &v, NULL), S_OK); /* an unsaved change */
  CHECK_HR(msg->lpVtbl->CreateAttach(msg, NULL, 0, &num, &att), S_OK);
  CHECK_HR(l.logon->lpVtbl->OpenStatusEntry(l.logon, NULL, 0, &type, (LPVOID *)&status), S_OK);
  CHECK_EQ(type, MAPI_STATUS);
  CHECK(att != NULL && status != NULL);
  if (!att || !status) return;
  CHECK_EQ(live_objects(), 3 + 4);

  /* The host's extra references. */
  CHECK_EQ(folder->lpVtbl->AddRef(folder), 2);
  CHECK_EQ(msg->lpVtbl->AddRef(msg), 2);
  CHECK_EQ(att->lpVtbl->AddRef(att), 2);
  CHECK_EQ(status->lpVtbl->AddRef(status), 2);
  CHECK_EQ(support.releases, 0);

  if (!store_path) {
    flags = 0;
    CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, &flags), S_OK);
    CHECK_EQ(flags, 0);
  } else {
    support.reenter_logon = l.logon;
    support.reenter_release = 0;
    flags = LOGOFF_ORDERLY;
    CHECK_HR(l.store->lpVtbl->StoreLogoff(l.store, &flags), S_OK);
    CHECK_EQ(flags, LOGOFF_COMPLETE);
    CHECK_EQ(support.reentries, 1);
    CHECK_HR(support.reenter_hr, S_OK);
    CHECK_EQ(support.store_logoff_transports, 1);
  }
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.refs, 1);

  /* Every open subobject is disconnected. */
  sweep_common(folder, &IID_IMAPIFolder);
  sweep_common(msg, &IID_IMessage);
  sweep_common(att, &IID_IAttachment);
  sweep_common(status, &IID_IMAPIStatus);
  {
    LPMESSAGE m2 = (LPMESSAGE)(void *)&m2;
    LPATTACH a2 = (LPATTACH)(void *)&a2;
    LPMAPITABLE table = (LPMAPITABLE)(void *)&table;
    ULONG n2 = 77;
    CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, 0, &m2), MAPI_E_INVALID_OBJECT);
    CHECK(m2 == NULL);
    CHECK_HR(folder->lpVtbl->GetHierarchyTable(folder, 0, &table), MAPI_E_INVALID_OBJECT);
    CHECK(table == NULL);
    CHECK_HR(folder->lpVtbl->EmptyFolder(folder, 0, NULL, 0), MAPI_E_INVALID_OBJECT);
    CHECK_HR(msg->lpVtbl->CreateAttach(msg, NULL, 0, &n2, &a2), MAPI_E_INVALID_OBJECT);
    CHECK(a2 == NULL);
    CHECK_HR(msg->lpVtbl->DeleteAttach(msg, 0, 0, NULL, 0), MAPI_E_INVALID_OBJECT);
    CHECK_HR(msg->lpVtbl->SetReadFlag(msg, 0), MAPI_E_INVALID_OBJECT);
    CHECK_HR(status->lpVtbl->ValidateState(status, 0, 0), MAPI_E_INVALID_OBJECT);
  }
  CHECK_EQ(support.releases, 1);

  /* The logon and the store go first; the subobjects outlive them safely. */
  flags = 0;
  CHECK_HR(l.logon->lpVtbl->Logoff(l.logon, &flags), S_OK);
  CHECK_EQ(l.logon->lpVtbl->Release(l.logon), 0);
  CHECK_EQ(l.store->lpVtbl->Release(l.store), 0);
  CHECK_HR(msg->lpVtbl->SaveChanges(msg, 0), MAPI_E_INVALID_OBJECT);
  CHECK_EQ(folder->lpVtbl->Release(folder), 1);
  CHECK_EQ(msg->lpVtbl->Release(msg), 1);
  CHECK_EQ(att->lpVtbl->Release(att), 1);
  CHECK_EQ(status->lpVtbl->Release(status), 1);
  CHECK_EQ(folder->lpVtbl->Release(folder), 0);
  CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  CHECK_EQ(att->lpVtbl->Release(att), 0);
  CHECK_EQ(status->lpVtbl->Release(status), 0);
  check_support_balanced(&support);
  CHECK_EQ(live_objects(), 1); /* the provider */
  CHECK_EQ(host_live_buffers(), buffers);

  /* A new logon on the same provider sees what was saved, not the rest. */
  host_support_init(&support2);
  l = logon_on(provider, &support2);
  folder = open_folder(l.store, &fe, 0);
  msg = open_message(l.store, &me, 0);
  if (msg) {
    LPSPropValue s = get_one(msg, PR_SUBJECT_A);
    CHECK(s && strcmp(s->Value.lpszA, "saved") == 0);
    host_free_buffer(s);
    CHECK_EQ(get_ul(msg, PR_HASATTACH), 0);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  }
  if (folder) {
    CHECK_EQ(get_ul(folder, PR_CONTENT_COUNT), 1);
    CHECK_EQ(folder->lpVtbl->Release(folder), 0);
  }
  logoff_release(&l);
  check_support_balanced(&support2);
  shutdown_and_release(provider, &m);
}

/* ---- 6. the ulUIParam slots ------------------------------------------------ */

/* Every slot whose ulUIParam MinGW declares ULONG (Microsoft: ULONG_PTR),
 * called with 0 there; the arguments after it must still arrive. */
static void ui_param_slots(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMAPIFOLDER src;
  LPMAPIFOLDER dst;
  LPMAPIFOLDER a;
  SBinary bin;
  ENTRYLIST list;
  EntryId m1;
  EntryId ae;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  src = create_folder(subtree, "Source");
  dst = create_folder(subtree, "Destination");
  if (!src || !dst) return;
  m1 = saved_message(src, "first");
  list = one_entry(&m1, &bin);

  /* CopyMessages: copy, then MESSAGE_MOVE (ulFlags after ulUIParam). */
  CHECK_HR(src->lpVtbl->CopyMessages(src, &list, NULL, dst, 0, NULL, 0), S_OK);
  CHECK_EQ(get_ul(src, PR_CONTENT_COUNT), 1);
  CHECK_EQ(get_ul(dst, PR_CONTENT_COUNT), 1);
  CHECK_HR(src->lpVtbl->CopyMessages(src, &list, NULL, dst, 0, NULL, MESSAGE_MOVE), S_OK);
  CHECK_EQ(get_ul(src, PR_CONTENT_COUNT), 0);
  CHECK_EQ(get_ul(dst, PR_CONTENT_COUNT), 2);
  CHECK_HR(src->lpVtbl->CopyMessages(src, &list, NULL, dst, 0, NULL, 0x100u),
           MAPI_E_UNKNOWN_FLAGS);

  /* SetReadFlags: all read, then CLEAR_READ_FLAG. */
  CHECK_EQ(get_ul(dst, PR_CONTENT_UNREAD), 2);
  CHECK_HR(dst->lpVtbl->SetReadFlags(dst, NULL, 0, NULL, 0), S_OK);
  CHECK_EQ(get_ul(dst, PR_CONTENT_UNREAD), 0);
  CHECK_HR(dst->lpVtbl->SetReadFlags(dst, NULL, 0, NULL, CLEAR_READ_FLAG), S_OK);
  CHECK_EQ(get_ul(dst, PR_CONTENT_UNREAD), 2);

  /* DeleteMessages (the moved message kept its entry ID). */
  CHECK_HR(dst->lpVtbl->DeleteMessages(dst, &list, 0, NULL, 0), S_OK);
  CHECK_EQ(get_ul(dst, PR_CONTENT_COUNT), 1);
  CHECK_HR(dst->lpVtbl->DeleteMessages(dst, &list, 0, NULL, 0x100u), MAPI_E_UNKNOWN_FLAGS);

  /* DeleteAttach on a message of dst. */
  {
    EntryId m2 = saved_message(dst, "with attachment");
    LPMESSAGE msg = open_message(l.store, &m2, MAPI_MODIFY);
    LPATTACH att = NULL;
    ULONG num = 77;
    if (msg) {
      CHECK_HR(msg->lpVtbl->CreateAttach(msg, NULL, 0, &num, &att), S_OK);
      if (att) {
        CHECK_HR(att->lpVtbl->SaveChanges(att, 0), S_OK);
        CHECK_EQ(att->lpVtbl->Release(att), 0);
      }
      CHECK_HR(msg->lpVtbl->DeleteAttach(msg, num, 0, NULL, 0x100u), MAPI_E_UNKNOWN_FLAGS);
      CHECK_HR(msg->lpVtbl->DeleteAttach(msg, num, 0, NULL, 0), S_OK);
      att = (LPATTACH)(void *)&att;
      CHECK_HR(msg->lpVtbl->OpenAttach(msg, num, NULL, 0, &att), MAPI_E_NOT_FOUND);
      CHECK(att == NULL);
      CHECK_EQ(msg->lpVtbl->Release(msg), 0);
    }
  }

  /* CopyFolder (ulUIParam between the new name and lpProgress), then
   * FOLDER_MOVE under a new name; DeleteFolder; EmptyFolder. */
  a = create_folder(src, "A");
  if (a) {
    saved_message(a, "in A");
    ae = get_eid(a);
    CHECK_EQ(a->lpVtbl->Release(a), 0);
    CHECK_HR(src->lpVtbl->CopyFolder(src, ae.cb, EID(ae), NULL, dst, NULL, 0, NULL, 0), S_OK);
    CHECK_EQ(get_ul(dst, PR_SUBFOLDERS), 1);
    CHECK_EQ(get_ul(src, PR_SUBFOLDERS), 1);
    CHECK_HR(src->lpVtbl->CopyFolder(src, ae.cb, EID(ae), NULL, dst, NULL, 0, NULL, FOLDER_MOVE),
             MAPI_E_COLLISION);
    CHECK_HR(src->lpVtbl->CopyFolder(src, ae.cb, EID(ae), NULL, dst, (LPTSTR)(void *)"Moved", 0,
                                     NULL, FOLDER_MOVE),
             S_OK);
    CHECK_EQ(get_ul(src, PR_SUBFOLDERS), 0);
    a = open_folder(l.store, &ae, 0);
    if (a) {
      CHECK(name_is(a, "Moved"));
      CHECK_EQ(a->lpVtbl->Release(a), 0);
    }
    CHECK_HR(dst->lpVtbl->DeleteFolder(dst, ae.cb, EID(ae), 0, NULL, 0), MAPI_E_HAS_MESSAGES);
    CHECK_HR(dst->lpVtbl->DeleteFolder(dst, ae.cb, EID(ae), 0, NULL, DEL_MESSAGES), S_OK);
    {
      ULONG type = 0;
      LPUNKNOWN unk = (LPUNKNOWN)(void *)&unk;
      CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, ae.cb, EID(ae), NULL, 0, &type, &unk),
               MAPI_E_NOT_FOUND);
      CHECK(unk == NULL);
    }
  }
  CHECK_HR(dst->lpVtbl->EmptyFolder(dst, 0, NULL, 0x100u), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(dst->lpVtbl->EmptyFolder(dst, 0, NULL, 0), S_OK);
  CHECK_EQ(get_ul(dst, PR_SUBFOLDERS), 0);
  CHECK_EQ(get_ul(dst, PR_CONTENT_COUNT), 0);

  /* CopyProps / CopyTo between two messages (ulUIParam 0). */
  {
    LPMESSAGE from = NULL;
    LPMESSAGE to = NULL;
    SPropValue v;
    SizedSPropTagArray(1, incl) = {1, {PR_SUBJECT_A}};
    LPSPropProblemArray problems = NULL;
    CHECK_HR(src->lpVtbl->CreateMessage(src, NULL, 0, &from), S_OK);
    CHECK_HR(src->lpVtbl->CreateMessage(src, NULL, 0, &to), S_OK);
    if (from && to) {
      memset(&v, 0, sizeof v);
      v.ulPropTag = PR_SUBJECT_A;
      v.Value.lpszA = (LPSTR)(void *)"copied";
      CHECK_HR(from->lpVtbl->SetProps(from, 1, &v, NULL), S_OK);
      CHECK_HR(from->lpVtbl->CopyProps(from, (LPSPropTagArray)(void *)&incl, 0, NULL,
                                       &IID_IMessage, to, 0, &problems),
               S_OK);
      host_free_buffer(problems);
      {
        LPSPropValue s = get_one(to, PR_SUBJECT_A);
        CHECK(s && strcmp(s->Value.lpszA, "copied") == 0);
        host_free_buffer(s);
      }
    }
    if (from) CHECK_EQ(from->lpVtbl->Release(from), 0);
    if (to) CHECK_EQ(to->lpVtbl->Release(to), 0);
  }

  CHECK_EQ(src->lpVtbl->Release(src), 0);
  CHECK_EQ(dst->lpVtbl->Release(dst), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  CHECK_EQ(live_objects(), 3);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 7. bad input -------------------------------------------------------- */

static void bad_input(void) {
  HostMalloc m;
  HostSupport support;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMAPIFOLDER f = NULL;
  LPMESSAGE msg = NULL;
  LPUNKNOWN unk = NULL;
  ULONG type = 0;
  ULONG n = 0;
  EntryId se;
  EntryId me;
  EntryId bad;
  long objects;
  long buffers;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  se = get_eid(subtree);
  f = create_folder(subtree, "Bad input");
  if (!f) return;
  me = saved_message(f, "m");
  CHECK_EQ(f->lpVtbl->Release(f), 0);
  f = NULL;
  objects = live_objects();
  buffers = host_live_buffers();

  /* NULL out-pointers: E_INVALIDARG, which mapicode.h spells
   * MAPI_E_INVALID_PARAMETER. */
  CHECK(E_INVALIDARG == MAPI_E_INVALID_PARAMETER);
  CHECK_HR(subtree->lpVtbl->CreateMessage(subtree, NULL, 0, NULL), E_INVALIDARG);
  CHECK_HR(subtree->lpVtbl->CreateFolder(subtree, FOLDER_GENERIC, (LPTSTR)(void *)"n", NULL, NULL,
                                         0, NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(subtree->lpVtbl->CreateFolder(subtree, FOLDER_GENERIC, NULL, NULL, NULL, 0, &f),
           MAPI_E_INVALID_PARAMETER);
  CHECK(f == NULL);
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, se.cb, EID(se), NULL, 0, &type, NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(subtree->lpVtbl->OpenEntry(subtree, se.cb, EID(se), NULL, 0, NULL, &unk),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(subtree->lpVtbl->GetProps(subtree, NULL, 0, &n, NULL), MAPI_E_INVALID_PARAMETER);
  CHECK_HR(subtree->lpVtbl->GetMessageStatus(subtree, me.cb, EID(me), 0, NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(l.logon->lpVtbl->OpenStatusEntry(l.logon, NULL, 0, &type, NULL),
           MAPI_E_INVALID_PARAMETER);
  CHECK_HR(l.store->lpVtbl->GetReceiveFolder(l.store, (LPTSTR)(void *)"IPM", 0, &n, NULL, NULL),
           MAPI_E_INVALID_PARAMETER);

  /* Unknown flags. */
  msg = (LPMESSAGE)(void *)&msg;
  CHECK_HR(subtree->lpVtbl->CreateMessage(subtree, NULL, 0x100u, &msg), MAPI_E_UNKNOWN_FLAGS);
  CHECK(msg == NULL);
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, se.cb, EID(se), NULL, 0x100u, &type, &unk),
           MAPI_E_UNKNOWN_FLAGS);

  /* Wrong IIDs. */
  unk = (LPUNKNOWN)(void *)&unk;
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, se.cb, EID(se), &IID_IMessage, 0, &type, &unk),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(unk == NULL);
  msg = (LPMESSAGE)(void *)&msg;
  CHECK_HR(subtree->lpVtbl->CreateMessage(subtree, &IID_IMAPIFolder, 0, &msg),
           MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(msg == NULL);

  /* Truncated entry IDs: the store, the logon, a folder, DeleteFolder. */
  bad = me;
  bad.cb = me.cb - 1;
  unk = (LPUNKNOWN)(void *)&unk;
  type = 77;
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MAPI_E_INVALID_ENTRYID);
  CHECK(unk == NULL);
  CHECK_HR(l.logon->lpVtbl->OpenEntry(l.logon, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MAPI_E_INVALID_ENTRYID);
  CHECK_HR(subtree->lpVtbl->OpenEntry(subtree, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MAPI_E_INVALID_ENTRYID);
  CHECK_HR(subtree->lpVtbl->DeleteFolder(subtree, 5, EID(se), 0, NULL, 0),
           MAPI_E_INVALID_ENTRYID);
  {
    ULONG status = 77;
    CHECK_HR(subtree->lpVtbl->GetMessageStatus(subtree, bad.cb, EID(bad), 0, &status),
             MAPI_E_INVALID_ENTRYID);
  }
  /* Another store's GUID (bytes 20..36 of the 48): not this store's ID. */
  bad = me;
  bad.ab[20] ^= 0x01;
  unk = (LPUNKNOWN)(void *)&unk;
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MAPI_E_INVALID_ENTRYID);
  CHECK(unk == NULL);
  /* Another object number (the last 8 bytes): well-formed, no such object. */
  bad = me;
  bad.ab[me.cb - 1] ^= 0x01;
  unk = (LPUNKNOWN)(void *)&unk;
  CHECK_HR(l.store->lpVtbl->OpenEntry(l.store, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MAPI_E_NOT_FOUND);
  CHECK(unk == NULL);

  CHECK_EQ(live_objects(), objects);
  CHECK_EQ(host_live_buffers(), buffers);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
}

/* ---- 4b. MAPI's notification engine: connections at full width ---------- */

/* IMsgStore::Unadvise at Microsoft's width (MinGW's takes a ULONG). */
typedef HRESULT(STDMETHODCALLTYPE *StoreUnadviseWide)(IMsgStore *, ULONG_PTR);

static HRESULT store_unadvise(IMsgStore *store, ULONG_PTR connection) {
  return ((StoreUnadviseWide)(void (*)(void))store->lpVtbl->Unadvise)(store, connection);
}

/* With a support object that implements Subscribe / Unsubscribe / Notify
 * (MAPI's engine; its connection numbers fill every byte of a ULONG_PTR),
 * IMsgStore::Advise subscribes through it: the client's connection is the
 * engine's, all 8 bytes on x64 (the provider kept the number it got in a
 * ULONG_PTR and wrote all of it), a saved message reaches the sink through
 * Notify, and Unadvise hands the engine exactly its number back. */
static void engine_connections(void) {
  HostMalloc m;
  HostSupport support;
  HostSink sink;
  IMSProvider *provider;
  LPMAPIFOLDER subtree;
  LPMESSAGE msg = NULL;
  ULONG_PTR connection = HOST_CONNECTION_CANARY;
  Session l;

  host_malloc_init(&m);
  host_support_init(&support);
  support.engine = 1;
  host_sink_init(&sink);
  provider = init_provider(&m);
  l = logon_on(provider, &support);
  CHECK_HR(l.store->lpVtbl->Advise(l.store, 0, NULL, fnevObjectCreated | fnevObjectModified,
                                   host_sink_iface(&sink), HOST_CONNECTION_OUT(&connection)),
           S_OK);
  CHECK_EQ(support.subscribes, 1);
  CHECK(support.last_connection != 0);
  CHECK(connection == support.last_connection); /* every byte of it */
#ifdef _WIN64
  CHECK(connection > (ULONG_PTR)0xFFFFFFFFu);
#endif
  CHECK(sink.refs > 1); /* the engine holds it */

  subtree = open_subtree(l.store);
  if (subtree) {
    SPropValue v;
    memset(&v, 0, sizeof v);
    v.ulPropTag = PR_SUBJECT_A;
    v.Value.lpszA = (LPSTR)(void *)"through MAPI's engine";
    CHECK_HR(subtree->lpVtbl->CreateMessage(subtree, NULL, 0, &msg), S_OK);
    if (msg) {
      CHECK_HR(msg->lpVtbl->SetProps(msg, 1, &v, NULL), S_OK);
      CHECK_HR(msg->lpVtbl->SaveChanges(msg, 0), S_OK);
      CHECK_EQ(msg->lpVtbl->Release(msg), 0);
    }
    CHECK(support.notifies > 0);
    CHECK(support.delivered > 0);
    CHECK_EQ(sink.notifications, support.delivered);
    CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  }

#ifdef _WIN64
  /* The low half alone is no connection of this store. */
  CHECK(store_unadvise(l.store, connection & 0xFFFFFFFFu) != S_OK);
  CHECK_EQ(support.unsubscribes, 0);
#endif
  CHECK_HR(store_unadvise(l.store, connection), S_OK);
  CHECK_EQ(support.unsubscribes, 1);
  CHECK_EQ(support.unknown_unsubscribes, 0);
  CHECK_EQ(support.n_subscriptions, 0);
  CHECK_EQ(sink.refs, 1);
  CHECK(store_unadvise(l.store, connection) != S_OK);
  logoff_release(&l);
  shutdown_and_release(provider, &m);
  check_support_balanced(&support);
  CHECK_EQ(support.unknown_unsubscribes, 0);
  CHECK_EQ(sink.add_refs, sink.releases);
}

int main(void) {
  provider_init = host_load_provider("mslogon.dll", &provider_module);
  if (!provider_init) return host_finish("win_test_tree_c");
  live_objects_fn =
      (LiveObjectsFn)(void (*)(void))GetProcAddress(provider_module, "mslogon_live_objects");
  CHECK(live_objects_fn != NULL);
  CHECK_EQ(live_objects(), 0);

  walk();
  folders_and_messages();
  named_properties();
  status_object();
  engine_connections();
  forcible_logoff(0);
  forcible_logoff(1);
  ui_param_slots();
  bad_input();

  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK(host_allocations() > 0);
  CHECK(FreeLibrary(provider_module));
  return host_finish("win_test_tree_c");
}
