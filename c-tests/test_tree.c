/*
 * test_tree.c: the store's object tree as a C host drives it, through
 * MSProviderInit -> IMSProvider::Logon -> IMsgStore / IMSLogon and the
 * IMAPIFolder, IMessage, IAttach and IMAPIStatus vtables.
 *
 *   - forcible logoff (session Logoff and StoreLogoff) with open folders,
 *     messages (unsaved changes), attachments and the status object: every
 *     slot answers MAPI_E_INVALID_OBJECT, AddRef/Release keep working, the
 *     support object is released once, nothing leaks, the saved data stays;
 *   - folders and messages: CreateFolder, CreateMessage, SetProps of every
 *     common type, recipients, attachments, SaveChanges, reopen;
 *   - the walk: store properties, root, IPM subtree, receive folders;
 *   - bad input: NULL out-pointers, unknown flags, wrong IIDs, bad entry IDs;
 *   - Copy/Move/Delete of messages and folders, read flags, message status;
 *   - the status object; named properties.
 * Every AddRef is matched by a Release, every host buffer is freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

/* The entry point MAPI looks up (mapispi.h: MSPROVIDERINIT, __cdecl). */
MSLogon_HRESULT MSProviderInit(void *hInstance, MSLogon_IMalloc *lpMalloc,
                               MSLogon_AllocateBufferFn lpAllocateBuffer,
                               MSLogon_AllocateMoreFn lpAllocateMore,
                               MSLogon_FreeBufferFn lpFreeBuffer, MSLogon_ULONG ulFlags,
                               MSLogon_ULONG ulMAPIVer, MSLogon_ULONG *lpulProviderVer,
                               MSLogon_IMSProvider **lppMSProvider);

/* ---- helpers ----------------------------------------------------------- */

#define PROP(obj) ((MSLogon_IMAPIProp *)(void *)(obj))
#define TAG(type, id) ((((MSLogon_ULONG)(id)) << 16) | (MSLogon_ULONG)(type))
#define TAG_TYPE(tag) ((tag)&0xFFFFu)
#define TAG_ID(tag) ((tag) >> 16)

/* Provider-defined tags of each type the message stores. */
#define T_I8 TAG(MSLogon_PT_I8, 0x6700)
#define T_SYSTIME TAG(MSLogon_PT_SYSTIME, 0x6701)
#define T_BINARY TAG(MSLogon_PT_BINARY, 0x6702)
#define T_CLSID TAG(MSLogon_PT_CLSID, 0x6703)
#define T_MV_LONG TAG(MSLogon_PT_MV_LONG, 0x6704)
#define T_MV_UNICODE TAG(MSLogon_PT_MV_UNICODE, 0x6705)
#define T_DOUBLE TAG(MSLogon_PT_DOUBLE, 0x6706)
#define T_BOOLEAN TAG(MSLogon_PT_BOOLEAN, 0x6707)
#define T_OBJECT TAG(MSLogon_PT_OBJECT, 0x6708)
#define T_MISSING TAG(MSLogon_PT_LONG, 0x6709)

typedef struct Tags {
  MSLogon_ULONG cValues;
  MSLogon_ULONG aulPropTag[32];
} Tags;

typedef struct EntryId {
  MSLogon_ULONG cb;
  MSLogon_BYTE ab[64];
} EntryId;

#define EID(e) ((MSLogon_ENTRYID *)(void *)(e).ab)

static void widen(MSLogon_WCHAR *dst, const char *src) {
  while ((*dst++ = (MSLogon_WCHAR)(unsigned char)*src++) != 0) {
  }
}

/* A wide string equal to an ASCII one. */
static int weq(const MSLogon_WCHAR *w, const char *s) {
  if (!w || !s) return 0;
  for (; *s; s++, w++) {
    if (*w != (MSLogon_WCHAR)(unsigned char)*s) return 0;
  }
  return *w == 0;
}

static int weqw(const MSLogon_WCHAR *a, const MSLogon_WCHAR *b) {
  if (!a || !b) return 0;
  for (; *b; a++, b++) {
    if (*a != *b) return 0;
  }
  return *a == 0;
}

static MSLogon_HRESULT get_props(void *obj, const MSLogon_ULONG *tags, MSLogon_ULONG n,
                                 MSLogon_ULONG flags, MSLogon_ULONG *count,
                                 MSLogon_SPropValue **out) {
  Tags t;
  MSLogon_ULONG i;
  t.cValues = n;
  for (i = 0; i < n && i < 32; i++) t.aulPropTag[i] = tags[i];
  *out = NULL;
  *count = 0;
  return MSLogon_IMAPIProp_GetProps(PROP(obj), (MSLogon_SPropTagArray *)(void *)&t, flags, count,
                                    out);
}

/* One property, checked to be present with the expected tag; the caller
 * frees it with host_free_buffer. */
static MSLogon_SPropValue *get_one_f(void *obj, MSLogon_ULONG tag, MSLogon_ULONG flags,
                                     MSLogon_ULONG want_tag, int line) {
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_HRESULT hr = get_props(obj, &tag, 1, flags, &n, &v);
  host_check_hr(hr, MSLogon_S_OK, "get_one GetProps", __FILE__, line);
  if (hr != MSLogon_S_OK || n != 1 || !v || v->ulPropTag != want_tag) {
    host_check(0, "get_one: property present with the expected tag", __FILE__, line);
    if (v) fprintf(stderr, "  asked 0x%08X, got 0x%08X\n", (unsigned)tag, (unsigned)v->ulPropTag);
    host_free_buffer(v);
    return NULL;
  }
  return v;
}
#define get_one(obj, tag) get_one_f((obj), (tag), 0, (tag), __LINE__)

static MSLogon_ULONG get_ul_f(void *obj, MSLogon_ULONG tag, int line) {
  MSLogon_SPropValue *v = get_one_f(obj, tag, 0, tag, line);
  MSLogon_ULONG r = 0xDEADBEEFu;
  if (v) {
    r = TAG_TYPE(tag) == MSLogon_PT_BOOLEAN ? (MSLogon_ULONG)v->Value.b : v->Value.ul;
  }
  host_free_buffer(v);
  return r;
}
#define get_ul(obj, tag) get_ul_f((obj), (tag), __LINE__)

static EntryId get_eid_f(void *obj, MSLogon_ULONG tag, int line) {
  EntryId e;
  MSLogon_SPropValue *v = get_one_f(obj, tag, 0, tag, line);
  memset(&e, 0, sizeof e);
  if (v) {
    host_check(v->Value.bin.cb > 0 && v->Value.bin.cb <= sizeof e.ab, "entry ID size",
               __FILE__, line);
    if (v->Value.bin.cb <= sizeof e.ab) {
      e.cb = v->Value.bin.cb;
      memcpy(e.ab, v->Value.bin.lpb, e.cb);
    }
  }
  host_free_buffer(v);
  return e;
}
#define get_eid(obj) get_eid_f((obj), MSLogon_PR_ENTRYID, __LINE__)
#define get_eid_tag(obj, tag) get_eid_f((obj), (tag), __LINE__)

static int eid_eq(const EntryId *a, const EntryId *b) {
  return a->cb == b->cb && a->cb > 0 && memcmp(a->ab, b->ab, a->cb) == 0;
}

/* PR_DISPLAY_NAME_A equal to `name`. */
static int name_is(void *obj, const char *name) {
  MSLogon_SPropValue *v = get_one(obj, MSLogon_PR_DISPLAY_NAME_A);
  int ok = v && strcmp(v->Value.lpszA, name) == 0;
  if (v && !ok) fprintf(stderr, "  display name \"%s\", want \"%s\"\n", v->Value.lpszA, name);
  host_free_buffer(v);
  return ok;
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

typedef struct Logon {
  MSLogon_IMSLogon *logon;
  MSLogon_IMsgStore *store;
} Logon;

static Logon logon_on(MSLogon_IMSProvider *provider, HostSupport *support) {
  Logon l;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG cb_spool = 0;
  MSLogon_BYTE *spool = NULL;
  l.logon = NULL;
  l.store = NULL;
  CHECK_HR(MSLogon_IMSProvider_Logon(provider, &support->iface, 0, NULL, 0, NULL,
                                     MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE, NULL, &cb_spool,
                                     &spool, &error, &l.logon, &l.store),
           MSLogon_S_OK);
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

static void shutdown_and_release(MSLogon_IMSProvider *provider) {
  MSLogon_ULONG flags = 0;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
}

static MSLogon_IUnknown *open_entry_f(MSLogon_IMsgStore *store, const EntryId *e,
                                      MSLogon_ULONG flags, MSLogon_ULONG want_type, int line) {
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_OpenEntry(store, e ? e->cb : 0,
                                                   e ? EID(*e) : NULL, NULL, flags, &type, &unk);
  host_check_hr(hr, MSLogon_S_OK, "IMsgStore::OpenEntry", __FILE__, line);
  host_check_eq(type, want_type, "OpenEntry object type", __FILE__, line);
  host_check(unk != NULL, "OpenEntry object", __FILE__, line);
  return unk;
}
#define open_folder(store, e, flags) \
  ((MSLogon_IMAPIFolder *)(void *)open_entry_f((store), (e), (flags), MSLogon_MAPI_FOLDER, __LINE__))
#define open_message(store, e, flags) \
  ((MSLogon_IMessage *)(void *)open_entry_f((store), (e), (flags), MSLogon_MAPI_MESSAGE, __LINE__))

static MSLogon_IMAPIFolder *open_subtree(MSLogon_IMsgStore *store) {
  EntryId e = get_eid_tag(store, MSLogon_PR_IPM_SUBTREE_ENTRYID);
  return open_folder(store, &e, MSLogon_MAPI_MODIFY);
}

static MSLogon_IMAPIFolder *create_folder_f(MSLogon_IMAPIFolder *parent, const char *name,
                                            MSLogon_ULONG flags, int line) {
  MSLogon_IMAPIFolder *f = NULL;
  MSLogon_HRESULT hr = MSLogon_IMAPIFolder_CreateFolder(parent, MSLogon_FOLDER_GENERIC,
                                                        (void *)name, NULL, NULL, flags, &f);
  host_check_hr(hr, MSLogon_S_OK, "CreateFolder", __FILE__, line);
  host_check(f != NULL, "CreateFolder folder", __FILE__, line);
  return f;
}
#define create_folder(parent, name) create_folder_f((parent), (name), 0, __LINE__)

/* A message saved in `folder` with subject `subject`; its entry ID. */
static EntryId saved_message(MSLogon_IMAPIFolder *folder, const char *subject) {
  MSLogon_IMessage *m = NULL;
  MSLogon_SPropValue v;
  EntryId e;
  memset(&e, 0, sizeof e);
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(folder, NULL, 0, &m), MSLogon_S_OK);
  if (!m) return e;
  v.ulPropTag = MSLogon_PR_SUBJECT_A;
  v.dwAlignPad = 0;
  v.Value.lpszA = (char *)subject;
  CHECK_HR(MSLogon_IMessage_SetProps(m, 1, &v, NULL), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMessage_SaveChanges(m, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK);
  e = get_eid(m);
  CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  return e;
}

/* ---- 6. forcible logoff ------------------------------------------------- */

/* The eleven IMAPIProp slots (3..13) of a disconnected object. */
static int sweep_prop(MSLogon_IMAPIProp *p, void *dest, const MSLogon_IID *iid) {
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_ULONG n = 7;
  MSLogon_SPropValue *values = NULL;
  MSLogon_SPropTagArray *list = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_SPropProblemArray *problems = NULL;
  MSLogon_SPropValue v;
  Tags tags = {1, {MSLogon_PR_SUBJECT_W}};
  Tags named = {1, {0x80000003u}};
  MSLogon_SPropTagArray *named_p = (MSLogon_SPropTagArray *)(void *)&named;
  MSLogon_MAPINAMEID **names = NULL;
  MSLogon_GUID guid = {0x00020329u, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
  MSLogon_MAPINAMEID name;
  MSLogon_MAPINAMEID *name_p = &name;
  int calls = 0;

  v.ulPropTag = TAG(MSLogon_PT_LONG, 0x6710);
  v.dwAlignPad = 0;
  v.Value.l = 1;
  name.lpguid = &guid;
  name.ulKind = MSLogon_MNID_ID;
  name.Kind.lID = 0x8501;

  CHECK_HR(MSLogon_IMAPIProp_GetLastError(p, MSLogon_MAPI_E_CALL_FAILED, 0, &err),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(err == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_SaveChanges(p, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_GetProps(p, NULL, 0, &n, &values), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(values == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_GetPropList(p, 0, &list), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(list == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_OpenProperty(p, MSLogon_PR_BODY_W, &MSLogon_IID_IStream, 0, 0, &unk),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(unk == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_SetProps(p, 1, &v, &problems), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(problems == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_DeleteProps(p, (MSLogon_SPropTagArray *)(void *)&tags, &problems),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(problems == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_CopyTo(p, 0, NULL, NULL, 0, NULL, iid, dest, 0, &problems),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIProp_CopyProps(p, (MSLogon_SPropTagArray *)(void *)&tags, 0, NULL, iid,
                                       dest, 0, &problems),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  n = 7;
  CHECK_HR(MSLogon_IMAPIProp_GetNamesFromIDs(p, &named_p, NULL, 0, &n, &names),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(names == NULL);
  calls++;
  list = NULL;
  CHECK_HR(MSLogon_IMAPIProp_GetIDsFromNames(p, 1, &name_p, 0, &list),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(list == NULL);
  calls++;
  return calls;
}

static void sweep_unknown(MSLogon_IUnknown *u, const MSLogon_IID *iid) {
  void *out = (void *)&out;
  CHECK_HR(MSLogon_IUnknown_QueryInterface(u, iid, &out), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(out == NULL);
  out = (void *)&out;
  CHECK_HR(MSLogon_IUnknown_QueryInterface(u, &MSLogon_IID_IUnknown, &out),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(out == NULL);
  CHECK_EQ(MSLogon_IUnknown_AddRef(u), 3);
  CHECK_EQ(MSLogon_IUnknown_Release(u), 2);
}

static void sweep_folder(MSLogon_IMAPIFolder *f, const EntryId *fe, const EntryId *me) {
  int calls = sweep_prop(PROP(f), f, &MSLogon_IID_IMAPIFolder);
  MSLogon_IMAPITable *table = NULL;
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unk = NULL;
  void *restriction = NULL;
  MSLogon_ENTRYLIST *containers = NULL;
  MSLogon_ULONG state = 0;
  MSLogon_IMessage *m = NULL;
  MSLogon_IMAPIFolder *sub = NULL;
  MSLogon_SBinary bin;
  MSLogon_ENTRYLIST list;
  MSLogon_ULONG status = 0;
  MSLogon_SSortOrderSet sort;

  bin.cb = me->cb;
  bin.lpb = (MSLogon_BYTE *)me->ab;
  list.cValues = 1;
  list.lpbin = &bin;
  memset(&sort, 0, sizeof sort);

  sweep_unknown((MSLogon_IUnknown *)(void *)f, &MSLogon_IID_IMAPIFolder);
  CHECK_HR(MSLogon_IMAPIFolder_GetContentsTable(f, 0, &table), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(f, 0, &table), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK(table == NULL);
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(f, fe->cb, EID(*fe), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(unk == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_SetSearchCriteria(f, NULL, NULL, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_GetSearchCriteria(f, 0, &restriction, &containers, &state),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(f, NULL, 0, &m), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(m == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(f, &list, NULL, f, 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, &list, 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(f, MSLogon_FOLDER_GENERIC, (void *)"x", NULL, NULL, 0,
                                            &sub),
           MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(sub == NULL);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(f, fe->cb, EID(*fe), NULL, f, NULL, 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(f, fe->cb, EID(*fe), 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_SetReadFlags(f, NULL, 0, NULL, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_GetMessageStatus(f, me->cb, EID(*me), 0, &status),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_SetMessageStatus(f, me->cb, EID(*me), 0, 0, &status),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_SaveContentsSort(f, &sort, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIFolder_EmptyFolder(f, 0, NULL, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_EQ(calls, 27);
}

static void sweep_message(MSLogon_IMessage *m) {
  int calls = sweep_prop(PROP(m), m, &MSLogon_IID_IMessage);
  MSLogon_IMAPITable *table = NULL;
  MSLogon_IAttach *a = NULL;
  MSLogon_ULONG num = 77;
  MSLogon_SPropValue v;
  MSLogon_ADRLIST list;

  v.ulPropTag = MSLogon_PR_DISPLAY_NAME_A;
  v.dwAlignPad = 0;
  v.Value.lpszA = (char *)"Nobody";
  list.cEntries = 1;
  list.aEntries[0].ulReserved1 = 0;
  list.aEntries[0].cValues = 1;
  list.aEntries[0].rgPropVals = &v;

  sweep_unknown((MSLogon_IUnknown *)(void *)m, &MSLogon_IID_IMessage);
  CHECK_HR(MSLogon_IMessage_GetAttachmentTable(m, 0, &table), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMessage_OpenAttach(m, 0, NULL, 0, &a), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(a == NULL);
  calls++;
  CHECK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0, &num, &a), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(a == NULL);
  calls++;
  CHECK_HR(MSLogon_IMessage_DeleteAttach(m, 0, 0, NULL, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMessage_GetRecipientTable(m, 0, &table), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(table == NULL);
  calls++;
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(m, 0, &list), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMessage_SubmitMessage(m, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMessage_SetReadFlag(m, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_EQ(calls, 19);
}

static void sweep_attach(MSLogon_IAttach *a) {
  int calls = sweep_prop(PROP(a), a, &MSLogon_IID_IAttachment);
  sweep_unknown((MSLogon_IUnknown *)(void *)a, &MSLogon_IID_IAttachment);
  CHECK_EQ(calls, 11);
}

static void sweep_status(MSLogon_IMAPIStatus *s) {
  int calls = sweep_prop(PROP(s), s, &MSLogon_IID_IMAPIStatus);
  sweep_unknown((MSLogon_IUnknown *)(void *)s, &MSLogon_IID_IMAPIStatus);
  CHECK_HR(MSLogon_IMAPIStatus_ValidateState(s, 0, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIStatus_SettingsDialog(s, 0, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIStatus_ChangePassword(s, (void *)"old", (void *)"new", 0),
           MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_HR(MSLogon_IMAPIStatus_FlushQueues(s, 0, 0, NULL, 0), MSLogon_MAPI_E_INVALID_OBJECT);
  calls++;
  CHECK_EQ(calls, 15);
}

/* store_path 0: session logoff (IMSLogon::Logoff); 1: IMsgStore::StoreLogoff,
 * with MAPI re-entering IMSLogon::Logoff from the support object's Release. */
static void forcible_logoff(int store_path) {
  HostSupport support;
  HostSupport support2;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMAPIFolder *folder;
  MSLogon_IMessage *msg = NULL;
  MSLogon_IAttach *att = NULL;
  MSLogon_IMAPIStatus *status = NULL;
  MSLogon_ULONG type = 0;
  MSLogon_ULONG num = 0;
  MSLogon_ULONG flags;
  MSLogon_SPropValue v;
  EntryId fe;
  EntryId me;
  long baseline;
  long buffers;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  baseline = (long)mslogon_live_objects(); /* provider, logon, store */
  buffers = host_live_buffers();
  CHECK_EQ(baseline, 3);

  subtree = open_subtree(l.store);
  folder = create_folder(subtree, store_path ? "Doomed (store)" : "Doomed (session)");
  CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  fe = get_eid(folder);
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(folder, NULL, 0, &msg), MSLogon_S_OK);
  v.ulPropTag = MSLogon_PR_SUBJECT_A;
  v.dwAlignPad = 0;
  v.Value.lpszA = (char *)"saved";
  CHECK_HR(MSLogon_IMessage_SetProps(msg, 1, &v, NULL), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMessage_SaveChanges(msg, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK);
  me = get_eid(msg);
  v.Value.lpszA = (char *)"unsaved";
  CHECK_HR(MSLogon_IMessage_SetProps(msg, 1, &v, NULL), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMessage_CreateAttach(msg, NULL, 0, &num, &att), MSLogon_S_OK);
  CHECK(att != NULL);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(l.logon, NULL, 0, &type, (void **)&status),
           MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_STATUS);
  CHECK(status != NULL);
  if (!msg || !att || !status) return;
  CHECK_EQ(mslogon_live_objects(), baseline + 4);

  /* The host's extra references. */
  CHECK_EQ(MSLogon_IMAPIFolder_AddRef(folder), 2);
  CHECK_EQ(MSLogon_IMessage_AddRef(msg), 2);
  CHECK_EQ(MSLogon_IAttach_AddRef(att), 2);
  CHECK_EQ(MSLogon_IMAPIStatus_AddRef(status), 2);
  CHECK_EQ(support.releases, 0);

  if (!store_path) {
    flags = 0;
    CHECK_HR(MSLogon_IMSLogon_Logoff(l.logon, &flags), MSLogon_S_OK);
  } else {
    support.reenter_logon = l.logon;
    support.reenter_release = 0;
    flags = MSLogon_LOGOFF_ORDERLY;
    CHECK_HR(MSLogon_IMsgStore_StoreLogoff(l.store, &flags), MSLogon_S_OK);
    CHECK_EQ(flags, MSLogon_LOGOFF_COMPLETE);
    CHECK_EQ(support.reentries, 1);
    CHECK_HR(support.reenter_hr, MSLogon_S_OK);
  }
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(host_refs(&support), 1);

  sweep_folder(folder, &fe, &me);
  sweep_message(msg);
  sweep_attach(att);
  sweep_status(status);
  CHECK_EQ(support.releases, 1);

  /* The logon and store go; the subobjects outlive them safely. */
  flags = 0;
  CHECK_HR(MSLogon_IMSLogon_Logoff(l.logon, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSLogon_Release(l.logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(l.store), 0);
  CHECK_HR(MSLogon_IMessage_SaveChanges(msg, 0), MSLogon_MAPI_E_INVALID_OBJECT);

  CHECK_EQ(MSLogon_IMAPIFolder_Release(folder), 1);
  CHECK_EQ(MSLogon_IMessage_Release(msg), 1);
  CHECK_EQ(MSLogon_IAttach_Release(att), 1);
  CHECK_EQ(MSLogon_IMAPIStatus_Release(status), 1);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(folder), 0);
  CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
  CHECK_EQ(MSLogon_IAttach_Release(att), 0);
  CHECK_EQ(MSLogon_IMAPIStatus_Release(status), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(support.add_refs, support.releases);
  CHECK_EQ(mslogon_live_objects(), baseline - 2); /* the provider */
  CHECK_EQ(host_live_buffers(), buffers);

  /* A new logon on the same provider sees what was saved, not the rest. */
  host_support_init(&support2);
  l = logon_on(provider, &support2);
  folder = open_folder(l.store, &fe, 0);
  msg = open_message(l.store, &me, 0);
  if (msg) {
    MSLogon_SPropValue *s = get_one(msg, MSLogon_PR_SUBJECT_A);
    CHECK(s && strcmp(s->Value.lpszA, "saved") == 0);
    host_free_buffer(s);
    CHECK_EQ(get_ul(msg, MSLogon_PR_HASATTACH), 0);
    CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
  }
  if (folder) {
    CHECK_EQ(get_ul(folder, MSLogon_PR_CONTENT_COUNT), 1);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(folder), 0);
  }
  logoff_release(&l);
  CHECK_EQ(support2.releases, 1);
  shutdown_and_release(provider);
}

/* ---- 2. folders and messages ------------------------------------------- */

static const MSLogon_BYTE kBlob[5] = {1, 2, 0, 0xFE, 5};
static const MSLogon_BYTE kAttach[6] = {'P', 'K', 3, 4, 0, 0xFF};
static MSLogon_GUID kClsid = {0x12345678u, 0x9ABC, 0xDEF0, {1, 2, 3, 4, 5, 6, 7, 8}};
static MSLogon_LONG kLongs[3] = {-1, 0, 42};

static void set_adr(MSLogon_SPropValue *v, MSLogon_WCHAR *name, MSLogon_ULONG type) {
  v[0].ulPropTag = MSLogon_PR_DISPLAY_NAME_W;
  v[0].dwAlignPad = 0;
  v[0].Value.lpszW = name;
  v[1].ulPropTag = MSLogon_PR_RECIPIENT_TYPE;
  v[1].dwAlignPad = 0;
  v[1].Value.ul = type;
}

typedef struct AdrList3 {
  MSLogon_ULONG cEntries;
  MSLogon_ADRENTRY aEntries[3];
} AdrList3;

static int display_is(void *obj, MSLogon_ULONG tag, const char *want) {
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_HRESULT hr = get_props(obj, &tag, 1, 0, &n, &v);
  int ok = 0;
  if (hr == MSLogon_S_OK && v && v->ulPropTag == tag) {
    ok = weq(v->Value.lpszW, want);
  } else if (!want[0] && v && TAG_TYPE(v->ulPropTag) == MSLogon_PT_ERROR) {
    ok = 1; /* an empty display list may be absent */
  }
  if (!ok) fprintf(stderr, "  0x%08X: hr 0x%08X, not \"%s\"\n", (unsigned)tag, (unsigned)hr, want);
  host_free_buffer(v);
  return ok;
}

static void recipients(MSLogon_IMessage *msg) {
  MSLogon_WCHAR alice[16];
  MSLogon_WCHAR bob[16];
  MSLogon_WCHAR carol[16];
  MSLogon_SPropValue r[3][2];
  MSLogon_SPropValue rowid;
  AdrList3 list;
  int i;

  widen(alice, "Alice");
  widen(bob, "Bob");
  widen(carol, "Carol");
  set_adr(r[0], alice, MSLogon_MAPI_TO);
  set_adr(r[1], bob, MSLogon_MAPI_CC);
  set_adr(r[2], carol, MSLogon_MAPI_TO);
  memset(&list, 0, sizeof list);
  list.cEntries = 2;
  for (i = 0; i < 2; i++) {
    list.aEntries[i].cValues = 2;
    list.aEntries[i].rgPropVals = r[i];
  }
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, 0, (MSLogon_ADRLIST *)(void *)&list),
           MSLogon_S_OK);
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_TO_W, "Alice"));
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_CC_W, "Bob"));

  list.cEntries = 1;
  list.aEntries[0].cValues = 2;
  list.aEntries[0].rgPropVals = r[2];
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, MSLogon_MODRECIP_ADD,
                                              (MSLogon_ADRLIST *)(void *)&list),
           MSLogon_S_OK);
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_TO_W, "Alice; Carol"));

  /* Rows are numbered 0, 1, 2 in order: Carol is row 2. */
  rowid.ulPropTag = MSLogon_PR_ROWID;
  rowid.dwAlignPad = 0;
  rowid.Value.l = 2;
  list.aEntries[0].cValues = 1;
  list.aEntries[0].rgPropVals = &rowid;
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, MSLogon_MODRECIP_REMOVE,
                                              (MSLogon_ADRLIST *)(void *)&list),
           MSLogon_S_OK);
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_TO_W, "Alice"));
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_CC_W, "Bob"));

  /* MODIFY of a row that does not exist. */
  {
    MSLogon_SPropValue mod[3];
    mod[0] = rowid;
    mod[0].Value.l = 99;
    mod[1] = r[2][0];
    mod[2] = r[2][1];
    list.aEntries[0].cValues = 3;
    list.aEntries[0].rgPropVals = mod;
    CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, MSLogon_MODRECIP_MODIFY,
                                                (MSLogon_ADRLIST *)(void *)&list),
             MSLogon_MAPI_E_NOT_FOUND);
  }
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, 0x1000u, (MSLogon_ADRLIST *)(void *)&list),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMessage_ModifyRecipients(msg, 0, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(display_is(msg, MSLogon_PR_DISPLAY_TO_W, "Alice"));
}

static void fill_values(MSLogon_SPropValue *v, MSLogon_WCHAR *subject, MSLogon_WCHAR *body,
                        MSLogon_WCHAR **mvw) {
  memset(v, 0, 11 * sizeof *v);
  v[0].ulPropTag = MSLogon_PR_SUBJECT_W;
  v[0].Value.lpszW = subject;
  v[1].ulPropTag = MSLogon_PR_MESSAGE_CLASS_A;
  v[1].Value.lpszA = (char *)"IPM.Note";
  v[2].ulPropTag = MSLogon_PR_BODY_W;
  v[2].Value.lpszW = body;
  v[3].ulPropTag = T_I8;
  v[3].Value.li.QuadPart = -1234567890123LL;
  v[4].ulPropTag = T_SYSTIME;
  v[4].Value.ft.dwLowDateTime = 0x89ABCDEFu;
  v[4].Value.ft.dwHighDateTime = 0x01D9C3A0u;
  v[5].ulPropTag = T_BINARY;
  v[5].Value.bin.cb = sizeof kBlob;
  v[5].Value.bin.lpb = (MSLogon_BYTE *)kBlob;
  v[6].ulPropTag = T_CLSID;
  v[6].Value.lpguid = &kClsid;
  v[7].ulPropTag = T_MV_LONG;
  v[7].Value.MVl.cValues = 3;
  v[7].Value.MVl.lpl = kLongs;
  v[8].ulPropTag = T_MV_UNICODE;
  v[8].Value.MVszW.cValues = 2;
  v[8].Value.MVszW.lppszW = mvw;
  v[9].ulPropTag = T_DOUBLE;
  v[9].Value.dbl = 3.25;
  v[10].ulPropTag = T_BOOLEAN;
  v[10].Value.b = 1;
}

/* Every value of fill_values reads back equal. */
static void check_values(MSLogon_IMessage *msg, const MSLogon_WCHAR *subject,
                         const MSLogon_WCHAR *body) {
  MSLogon_ULONG tags[12] = {MSLogon_PR_SUBJECT_W, MSLogon_PR_MESSAGE_CLASS_A, MSLogon_PR_BODY_W,
                            T_I8, T_SYSTIME, T_BINARY, T_CLSID, T_MV_LONG, T_MV_UNICODE,
                            T_DOUBLE, T_BOOLEAN, T_MISSING};
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_ULONG i;

  CHECK_HR(get_props(msg, tags, 12, 0, &n, &v), MSLogon_MAPI_W_ERRORS_RETURNED);
  CHECK_EQ(n, 12);
  if (!v || n != 12) {
    host_free_buffer(v);
    return;
  }
  for (i = 0; i < 11; i++) CHECK_EQ(v[i].ulPropTag, tags[i]);
  CHECK(weqw(v[0].Value.lpszW, subject));
  CHECK(strcmp(v[1].Value.lpszA, "IPM.Note") == 0);
  CHECK(weqw(v[2].Value.lpszW, body));
  CHECK(v[3].Value.li.QuadPart == -1234567890123LL);
  CHECK_EQ(v[4].Value.ft.dwLowDateTime, 0x89ABCDEFu);
  CHECK_EQ(v[4].Value.ft.dwHighDateTime, 0x01D9C3A0u);
  CHECK(v[5].Value.bin.cb == sizeof kBlob && memcmp(v[5].Value.bin.lpb, kBlob, sizeof kBlob) == 0);
  CHECK(v[6].Value.lpguid && memcmp(v[6].Value.lpguid, &kClsid, sizeof kClsid) == 0);
  CHECK(v[7].Value.MVl.cValues == 3 && memcmp(v[7].Value.MVl.lpl, kLongs, sizeof kLongs) == 0);
  CHECK(v[8].Value.MVszW.cValues == 2 && weq(v[8].Value.MVszW.lppszW[0], "one") &&
        weq(v[8].Value.MVszW.lppszW[1], ""));
  CHECK(v[9].Value.dbl == 3.25);
  CHECK_EQ(v[10].Value.b, 1);
  CHECK_EQ(v[11].ulPropTag, TAG(MSLogon_PT_ERROR, TAG_ID(T_MISSING)));
  CHECK_HR(v[11].Value.err, MSLogon_MAPI_E_NOT_FOUND);
  host_free_buffer(v);

  /* PT_UNSPECIFIED: strings by the MAPI_UNICODE flag, the rest as stored. */
  {
    MSLogon_ULONG un[3] = {TAG(MSLogon_PT_UNSPECIFIED, 0x0037), TAG(MSLogon_PT_UNSPECIFIED, 0x001A),
                           TAG(MSLogon_PT_UNSPECIFIED, TAG_ID(T_I8))};
    CHECK_HR(get_props(msg, un, 3, MSLogon_MAPI_UNICODE, &n, &v), MSLogon_S_OK);
    if (v && n == 3) {
      CHECK_EQ(v[0].ulPropTag, MSLogon_PR_SUBJECT_W);
      CHECK(weqw(v[0].Value.lpszW, subject));
      CHECK_EQ(v[1].ulPropTag, MSLogon_PR_MESSAGE_CLASS_W);
      CHECK(weq(v[1].Value.lpszW, "IPM.Note"));
      CHECK_EQ(v[2].ulPropTag, T_I8);
    }
    host_free_buffer(v);
    CHECK_HR(get_props(msg, un, 3, 0, &n, &v), MSLogon_S_OK);
    if (v && n == 3) {
      CHECK_EQ(v[0].ulPropTag, MSLogon_PR_SUBJECT_A);
      CHECK_EQ(v[1].ulPropTag, MSLogon_PR_MESSAGE_CLASS_A);
      CHECK(strcmp(v[1].Value.lpszA, "IPM.Note") == 0);
      CHECK_EQ(v[2].ulPropTag, T_I8);
      CHECK(v[2].Value.li.QuadPart == -1234567890123LL);
    }
    host_free_buffer(v);
  }
}

static void folders_and_messages(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMAPIFolder *projects;
  MSLogon_IMAPIFolder *again = NULL;
  MSLogon_IMessage *msg = NULL;
  MSLogon_IAttach *att = NULL;
  MSLogon_SPropProblemArray *problems = NULL;
  MSLogon_SPropValue v[11];
  MSLogon_WCHAR subject[32];
  MSLogon_WCHAR body[32];
  MSLogon_WCHAR one[8];
  MSLogon_WCHAR empty[1] = {0};
  MSLogon_WCHAR *mvw[2];
  MSLogon_WCHAR wide_name[] = {'P', 'r', 'o', 'j', 'e', 't', 0x00E9, 0x20AC, 0};
  MSLogon_WCHAR wide_comment[] = {'c', 0};
  MSLogon_ULONG num = 77;
  EntryId pe;
  EntryId me;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);

  /* CreateFolder: new, collision, OPEN_IF_EXISTS, wide. */
  projects = NULL;
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)"Projects",
                                            (void *)"comment", NULL, 0, &projects),
           MSLogon_S_OK);
  if (!projects) return;
  pe = get_eid(projects);
  CHECK(name_is(projects, "Projects"));
  {
    MSLogon_SPropValue *c = get_one(projects, MSLogon_PR_COMMENT_A);
    CHECK(c && strcmp(c->Value.lpszA, "comment") == 0);
    host_free_buffer(c);
  }
  CHECK_EQ(get_ul(projects, MSLogon_PR_FOLDER_TYPE), MSLogon_FOLDER_GENERIC);
  again = (MSLogon_IMAPIFolder *)&again;
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)"Projects",
                                            NULL, NULL, 0, &again),
           MSLogon_MAPI_E_COLLISION);
  CHECK(again == NULL);
  again = create_folder_f(subtree, "Projects", MSLogon_OPEN_IF_EXISTS, __LINE__);
  if (again) {
    EntryId e2 = get_eid(again);
    CHECK(eid_eq(&pe, &e2));
    CHECK_EQ(MSLogon_IMAPIFolder_Release(again), 0);
  }
  again = NULL;
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, wide_name,
                                            wide_comment, NULL, MSLogon_MAPI_UNICODE, &again),
           MSLogon_S_OK);
  if (again) {
    MSLogon_SPropValue *n = get_one(again, MSLogon_PR_DISPLAY_NAME_W);
    CHECK(n && weqw(n->Value.lpszW, wide_name));
    host_free_buffer(n);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(again), 0);
  }
  CHECK_EQ(get_ul(subtree, MSLogon_PR_SUBFOLDERS), 1);

  /* CreateMessage, SetProps of each type. */
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(projects, NULL, 0, &msg), MSLogon_S_OK);
  if (!msg) return;
  widen(subject, "Quarterly report");
  widen(body, "Body text\r\nline 2");
  widen(one, "one");
  mvw[0] = one;
  mvw[1] = empty;
  fill_values(v, subject, body, mvw);
  problems = (MSLogon_SPropProblemArray *)&problems;
  CHECK_HR(MSLogon_IMessage_SetProps(msg, 11, v, &problems), MSLogon_S_OK);
  CHECK(problems == NULL);
  host_free_buffer(problems == (MSLogon_SPropProblemArray *)&problems ? NULL : problems);
  check_values(msg, subject, body);

  /* A computed property: S_OK with a problem at its index. */
  {
    MSLogon_SPropValue c[3];
    memset(c, 0, sizeof c);
    c[0].ulPropTag = MSLogon_PR_IMPORTANCE;
    c[0].Value.l = 2;
    c[1].ulPropTag = MSLogon_PR_ENTRYID;
    c[1].Value.bin.cb = sizeof kBlob;
    c[1].Value.bin.lpb = (MSLogon_BYTE *)kBlob;
    c[2].ulPropTag = MSLogon_PR_MESSAGE_SIZE;
    c[2].Value.l = 5;
    problems = NULL;
    CHECK_HR(MSLogon_IMessage_SetProps(msg, 3, c, &problems), MSLogon_S_OK);
    CHECK(problems != NULL);
    if (problems) {
      CHECK_EQ(problems->cProblem, 2);
      CHECK_EQ(problems->aProblem[0].ulIndex, 1);
      CHECK_EQ(problems->aProblem[0].ulPropTag, MSLogon_PR_ENTRYID);
      CHECK_HR(problems->aProblem[0].scode, MSLogon_MAPI_E_COMPUTED);
      if (problems->cProblem == 2) {
        CHECK_EQ(problems->aProblem[1].ulIndex, 2);
        CHECK_HR(problems->aProblem[1].scode, MSLogon_MAPI_E_COMPUTED);
      }
    }
    host_free_buffer(problems);
    CHECK_EQ(get_ul(msg, MSLogon_PR_IMPORTANCE), 2);

    /* A PT_OBJECT value: rejected, nothing set. */
    c[0].ulPropTag = MSLogon_PR_SUBJECT_A;
    c[0].Value.lpszA = (char *)"not set";
    c[1].ulPropTag = T_OBJECT;
    c[1].Value.l = 0;
    problems = NULL;
    CHECK_HR(MSLogon_IMessage_SetProps(msg, 2, c, &problems), MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK(problems == NULL);
    {
      MSLogon_SPropValue *s = get_one(msg, MSLogon_PR_SUBJECT_W);
      CHECK(s && weqw(s->Value.lpszW, subject));
      host_free_buffer(s);
    }
  }

  recipients(msg);

  /* An attachment. */
  CHECK_HR(MSLogon_IMessage_CreateAttach(msg, NULL, 0, &num, &att), MSLogon_S_OK);
  CHECK_EQ(num, 0);
  if (att) {
    MSLogon_SPropValue a[2];
    MSLogon_WCHAR fname[16];
    widen(fname, "report.zip");
    memset(a, 0, sizeof a);
    a[0].ulPropTag = MSLogon_PR_ATTACH_FILENAME_W;
    a[0].Value.lpszW = fname;
    a[1].ulPropTag = MSLogon_PR_ATTACH_DATA_BIN;
    a[1].Value.bin.cb = sizeof kAttach;
    a[1].Value.bin.lpb = (MSLogon_BYTE *)kAttach;
    CHECK_HR(MSLogon_IAttach_SetProps(att, 2, a, NULL), MSLogon_S_OK);
    CHECK_HR(MSLogon_IAttach_SaveChanges(att, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK);
    CHECK_EQ(get_ul(att, MSLogon_PR_ATTACH_NUM), 0);
  }
  CHECK_HR(MSLogon_IMessage_SaveChanges(msg, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK);
  me = get_eid(msg);
  CHECK_EQ(get_ul(projects, MSLogon_PR_CONTENT_COUNT), 1);
  CHECK_EQ(get_ul(projects, MSLogon_PR_CONTENT_UNREAD), 1);

  if (att) CHECK_EQ(MSLogon_IAttach_Release(att), 0);
  CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(projects), 0);

  /* Reopen: everything reads back. */
  msg = open_message(l.store, &me, MSLogon_MAPI_MODIFY);
  if (msg) {
    MSLogon_ULONG flags;
    check_values(msg, subject, body);
    CHECK_EQ(get_ul(msg, MSLogon_PR_IMPORTANCE), 2);
    CHECK_EQ(get_ul(msg, MSLogon_PR_HASATTACH), 1);
    flags = get_ul(msg, MSLogon_PR_MESSAGE_FLAGS);
    CHECK(flags & MSLogon_MSGFLAG_HASATTACH);
    CHECK(display_is(msg, MSLogon_PR_DISPLAY_TO_W, "Alice"));
    CHECK(display_is(msg, MSLogon_PR_DISPLAY_CC_W, "Bob"));
    {
      EntryId parent = get_eid_tag(msg, MSLogon_PR_PARENT_ENTRYID);
      CHECK(eid_eq(&parent, &pe));
    }
    att = NULL;
    CHECK_HR(MSLogon_IMessage_OpenAttach(msg, 0, NULL, 0, &att), MSLogon_S_OK);
    if (att) {
      MSLogon_SPropValue *d = get_one(att, MSLogon_PR_ATTACH_DATA_BIN);
      MSLogon_SPropValue *f = get_one(att, MSLogon_PR_ATTACH_FILENAME_W);
      CHECK(d && d->Value.bin.cb == sizeof kAttach &&
            memcmp(d->Value.bin.lpb, kAttach, sizeof kAttach) == 0);
      CHECK(f && weq(f->Value.lpszW, "report.zip"));
      host_free_buffer(d);
      host_free_buffer(f);
      CHECK_EQ(MSLogon_IAttach_Release(att), 0);
    }
    att = (MSLogon_IAttach *)&att;
    CHECK_HR(MSLogon_IMessage_OpenAttach(msg, 5, NULL, 0, &att), MSLogon_MAPI_E_NOT_FOUND);
    CHECK(att == NULL);

    /* An unsaved change is dropped with the object. */
    v[0].ulPropTag = MSLogon_PR_SUBJECT_A;
    v[0].Value.lpszA = (char *)"never saved";
    CHECK_HR(MSLogon_IMessage_SetProps(msg, 1, v, NULL), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
    msg = open_message(l.store, &me, 0);
    if (msg) {
      MSLogon_SPropValue *s = get_one(msg, MSLogon_PR_SUBJECT_W);
      CHECK(s && weqw(s->Value.lpszW, subject));
      host_free_buffer(s);
      CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
    }
  }

  CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  logoff_release(&l);
  shutdown_and_release(provider);
}

/* ---- 1. the walk --------------------------------------------------------- */

static void check_subtree(MSLogon_IUnknown *unk, MSLogon_ULONG type, const EntryId *want) {
  MSLogon_SPropValue *w;
  MSLogon_SPropValue *a;
  EntryId e;
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  if (!unk) return;
  e = get_eid(unk);
  CHECK(eid_eq(&e, want));
  w = get_one(unk, MSLogon_PR_DISPLAY_NAME_W);
  a = get_one(unk, MSLogon_PR_DISPLAY_NAME_A);
  CHECK(w && a && a->Value.lpszA[0] != 0 && weq(w->Value.lpszW, a->Value.lpszA));
  host_free_buffer(w);
  host_free_buffer(a);
  CHECK_EQ(get_ul(unk, MSLogon_PR_SUBFOLDERS), 1);
  CHECK_EQ(get_ul(unk, MSLogon_PR_CONTENT_COUNT), 0);
  CHECK_EQ(MSLogon_IUnknown_Release(unk), 0);
}

static EntryId receive_folder(MSLogon_IMsgStore *store, const char *cls, const char *explicit_want) {
  MSLogon_ULONG cb = 0;
  MSLogon_ENTRYID *eid = NULL;
  char *explicit_class = NULL;
  EntryId e;
  memset(&e, 0, sizeof e);
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, (void *)cls, 0, &cb, &eid,
                                              (void **)&explicit_class),
           MSLogon_S_OK);
  CHECK(eid != NULL && cb > 0 && cb <= sizeof e.ab);
  if (eid && cb <= sizeof e.ab) {
    e.cb = cb;
    memcpy(e.ab, eid, cb);
  }
  CHECK(explicit_class && strcmp(explicit_class, explicit_want) == 0);
  if (explicit_class && strcmp(explicit_class, explicit_want) != 0)
    fprintf(stderr, "  explicit class of %s: \"%s\"\n", cls, explicit_class);
  host_free_buffer(eid);
  host_free_buffer(explicit_class);
  return e;
}

static void walk(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_ULONG tags[8] = {MSLogon_PR_IPM_SUBTREE_ENTRYID, MSLogon_PR_IPM_OUTBOX_ENTRYID,
                           MSLogon_PR_IPM_SENTMAIL_ENTRYID, MSLogon_PR_IPM_WASTEBASKET_ENTRYID,
                           MSLogon_PR_VIEWS_ENTRYID, MSLogon_PR_COMMON_VIEWS_ENTRYID,
                           MSLogon_PR_VALID_FOLDER_MASK, MSLogon_PR_STORE_SUPPORT_MASK};
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_ULONG i;
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_IMAPIFolder *root;
  MSLogon_IMAPIFolder *subtree;
  EntryId se;
  EntryId re;
  EntryId e;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);

  CHECK_HR(get_props(l.store, tags, 8, 0, &n, &v), MSLogon_S_OK);
  CHECK_EQ(n, 8);
  for (i = 0; v && i < n && i < 8; i++) {
    CHECK_EQ(v[i].ulPropTag, tags[i]);
    if (i < 6) CHECK_EQ(v[i].Value.bin.cb, 48);
  }
  if (v && n == 8) {
    MSLogon_ULONG want = MSLogon_FOLDER_IPM_SUBTREE_VALID | MSLogon_FOLDER_IPM_OUTBOX_VALID |
                         MSLogon_FOLDER_IPM_SENTMAIL_VALID |
                         MSLogon_FOLDER_IPM_WASTEBASKET_VALID | MSLogon_FOLDER_VIEWS_VALID |
                         MSLogon_FOLDER_COMMON_VIEWS_VALID;
    CHECK_EQ(v[6].Value.ul & want, want);
    CHECK(v[7].Value.ul & MSLogon_STORE_ENTRYID_UNIQUE);
    CHECK(v[7].Value.ul & MSLogon_STORE_MODIFY_OK);
  }
  host_free_buffer(v);
  se = get_eid_tag(l.store, MSLogon_PR_IPM_SUBTREE_ENTRYID);

  /* The root. */
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, 0, NULL, NULL, MSLogon_MAPI_MODIFY, &type, &unk),
           MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  root = (MSLogon_IMAPIFolder *)(void *)unk;
  if (!root) return;
  CHECK_EQ(get_ul(root, MSLogon_PR_FOLDER_TYPE), MSLogon_FOLDER_ROOT);
  re = get_eid(root);
  e = get_eid_tag(root, MSLogon_PR_PARENT_ENTRYID);
  CHECK(eid_eq(&re, &e));
  CHECK_EQ(get_ul(root, MSLogon_PR_SUBFOLDERS), 1);

  /* The IPM subtree, three ways. */
  unk = NULL;
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, se.cb, EID(se), NULL, 0, &type, &unk),
           MSLogon_S_OK);
  check_subtree(unk, type, &se);
  unk = NULL;
  type = 0;
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(l.logon, se.cb, EID(se), NULL, 0, &type, &unk),
           MSLogon_S_OK);
  check_subtree(unk, type, &se);
  unk = NULL;
  type = 0;
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(root, se.cb, EID(se), &MSLogon_IID_IMAPIFolder, 0, &type,
                                         &unk),
           MSLogon_S_OK);
  check_subtree(unk, type, &se);
  {
    MSLogon_IMAPIContainer *c = (MSLogon_IMAPIContainer *)(void *)root;
    unk = NULL;
    type = 0;
    CHECK_HR(c->lpVtbl->OpenEntry(c, se.cb, EID(se), NULL, 0, &type, &unk),
             MSLogon_S_OK);
    check_subtree(unk, type, &se);
  }

  /* Receive folders. */
  e = receive_folder(l.store, "IPM.Note", "IPM");
  {
    MSLogon_IMAPIFolder *inbox = open_folder(l.store, &e, 0);
    if (inbox) {
      CHECK(name_is(inbox, "Inbox"));
      CHECK_EQ(MSLogon_IMAPIFolder_Release(inbox), 0);
    }
  }
  e = receive_folder(l.store, "IPC", "IPC");
  CHECK(eid_eq(&e, &re));

  subtree = open_subtree(l.store);
  if (subtree) {
    MSLogon_IMAPIFolder *custom = create_folder(subtree, "Custom");
    if (custom) {
      EntryId ce = get_eid(custom);
      CHECK_HR(MSLogon_IMsgStore_SetReceiveFolder(l.store, (void *)"IPM.Note.Custom", 0, ce.cb,
                                                  EID(ce)),
               MSLogon_S_OK);
      e = receive_folder(l.store, "IPM.Note.Custom.X", "IPM.Note.Custom");
      CHECK(eid_eq(&e, &ce));
      e = receive_folder(l.store, "IPM.Note", "IPM");
      CHECK(!eid_eq(&e, &ce));
      CHECK_EQ(MSLogon_IMAPIFolder_Release(custom), 0);
    }
    CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  }
  CHECK_EQ(MSLogon_IMAPIFolder_Release(root), 0);
  logoff_release(&l);
  shutdown_and_release(provider);
}

/* ---- 7. bad input -------------------------------------------------------- */

static void bad_input(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMAPIFolder *f = NULL;
  MSLogon_IMessage *m = NULL;
  MSLogon_IAttach *a = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_ULONG type = 0;
  MSLogon_ULONG n = 0;
  MSLogon_SPropValue *v = NULL;
  EntryId se;
  EntryId me;
  EntryId bad;
  long objects;
  long buffers;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  se = get_eid(subtree);
  f = create_folder(subtree, "Bad input");
  if (!f) return;
  me = saved_message(f, "m");
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  f = NULL;
  objects = (long)mslogon_live_objects();
  buffers = host_live_buffers();

  /* NULL out-pointers. */
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)"n", NULL,
                                            NULL, 0, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, NULL, NULL, NULL, 0,
                                            &f),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(f == NULL);
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(subtree, NULL, 0, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(subtree, se.cb, EID(se), NULL, 0, NULL, &unk),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(subtree, se.cb, EID(se), NULL, 0, &type, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, se.cb, EID(se), NULL, 0, &type, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPIFolder_GetMessageStatus(subtree, me.cb, EID(me), 0, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPIFolder_GetProps(subtree, NULL, 0, &n, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(l.logon, NULL, 0, &type, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(l.store, (void *)"IPM", 0, &n, NULL, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);

  /* Unknown flags. */
  f = (MSLogon_IMAPIFolder *)&f;
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)"n", NULL,
                                            NULL, 0x100u, &f),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK(f == NULL);
  m = (MSLogon_IMessage *)&m;
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(subtree, NULL, 0x100u, &m),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK(m == NULL);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, se.cb, EID(se), 0, NULL, 0x100u),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPIFolder_EmptyFolder(subtree, 0, NULL, 0x100u),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPIFolder_SetReadFlags(subtree, NULL, 0, NULL, 0x100u),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, se.cb, EID(se), NULL, 0x100u, &type, &unk),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(l.store, (void *)"IPM", 0x100u, &n, (MSLogon_ENTRYID **)&v,
                                              NULL),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);

  /* Wrong IIDs. */
  unk = (MSLogon_IUnknown *)&unk;
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, se.cb, EID(se), &MSLogon_IID_IMessage, 0, &type,
                                       &unk),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK(unk == NULL);
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(subtree, me.cb, EID(me), &MSLogon_IID_IMAPIFolder, 0,
                                         &type, &unk),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(subtree, &MSLogon_IID_IMAPIFolder, 0, &m),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK_HR(MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)"n", NULL,
                                            &MSLogon_IID_IMessage, 0, &f),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(l.logon, &MSLogon_IID_IMAPIFolder, 0, &type,
                                            (void **)&unk),
           MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  m = open_message(l.store, &me, MSLogon_MAPI_MODIFY);
  if (m) {
    MSLogon_ULONG num = 0;
    a = (MSLogon_IAttach *)&a;
    CHECK_HR(MSLogon_IMessage_CreateAttach(m, &MSLogon_IID_IMessage, 0, &num, &a),
             MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
    CHECK(a == NULL);
    CHECK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0, NULL, &a),
             MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0x100u, &num, &a),
             MSLogon_MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(MSLogon_IMessage_SetReadFlag(m, 0x100u), MSLogon_MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(MSLogon_IMessage_SaveChanges(m, 0x100u), MSLogon_MAPI_E_UNKNOWN_FLAGS);
    CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  }

  /* Bad entry IDs: truncated, another store's GUID. */
  bad = me;
  bad.cb = me.cb - 1;
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_HR(MSLogon_IMSLogon_OpenEntry(l.logon, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(subtree, bad.cb, EID(bad), NULL, 0, &type, &unk),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, 5, EID(se), 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  {
    int i;
    for (i = 20; i < 36; i += 5) {
      bad = me;
      bad.ab[i] ^= 0x01;
      unk = (MSLogon_IUnknown *)&unk;
      CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, bad.cb, EID(bad), NULL, 0, &type, &unk),
               MSLogon_MAPI_E_INVALID_ENTRYID);
      CHECK(unk == NULL);
      bad = se;
      bad.ab[i] ^= 0x80;
      CHECK_HR(MSLogon_IMAPIFolder_OpenEntry(subtree, bad.cb, EID(bad), NULL, 0, &type, &unk),
               MSLogon_MAPI_E_INVALID_ENTRYID);
      CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, bad.cb, EID(bad), 0, NULL, 0),
               MSLogon_MAPI_E_INVALID_ENTRYID);
      CHECK_HR(MSLogon_IMsgStore_SetReceiveFolder(l.store, (void *)"IPM.Bad", 0, bad.cb, EID(bad)),
               MSLogon_MAPI_E_INVALID_ENTRYID);
    }
  }
  CHECK_EQ(mslogon_live_objects(), objects);
  CHECK_EQ(host_live_buffers(), buffers);
  (void)v;
  CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  logoff_release(&l);
  shutdown_and_release(provider);
}

/* ---- 3. copy, move, delete ---------------------------------------------- */

static MSLogon_ENTRYLIST one_entry(EntryId *e, MSLogon_SBinary *bin) {
  MSLogon_ENTRYLIST list;
  bin->cb = e->cb;
  bin->lpb = e->ab;
  list.cValues = 1;
  list.lpbin = bin;
  return list;
}

static void copy_move_delete(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMAPIFolder *src;
  MSLogon_IMAPIFolder *dst;
  MSLogon_SBinary bin;
  MSLogon_ENTRYLIST list;
  MSLogon_ULONG status = 77;
  EntryId m1;
  EntryId m2;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  src = create_folder(subtree, "Source");
  dst = create_folder(subtree, "Destination");
  if (!src || !dst) return;
  m1 = saved_message(src, "first");
  list = one_entry(&m1, &bin);

  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(src, &list, NULL, dst, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_COUNT), 1);
  CHECK_EQ(get_ul(src, MSLogon_PR_CONTENT_COUNT), 1);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(src, &list, NULL, dst, 0, NULL, MSLogon_MESSAGE_MOVE),
           MSLogon_S_OK);
  CHECK_EQ(get_ul(src, MSLogon_PR_CONTENT_COUNT), 0);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_COUNT), 2);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(src, &list, NULL, dst, 0, NULL, 0x100u),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(src, NULL, NULL, dst, 0, NULL, 0),
           MSLogon_MAPI_E_INVALID_PARAMETER);

  /* Read flags. */
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_UNREAD), 2);
  CHECK_HR(MSLogon_IMAPIFolder_SetReadFlags(dst, NULL, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_UNREAD), 0);
  CHECK_HR(MSLogon_IMAPIFolder_SetReadFlags(dst, NULL, 0, NULL, MSLogon_CLEAR_READ_FLAG),
           MSLogon_S_OK);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_UNREAD), 2);

  /* Message status (the moved message keeps its entry ID). */
  CHECK_HR(MSLogon_IMAPIFolder_GetMessageStatus(dst, m1.cb, EID(m1), 0, &status), MSLogon_S_OK);
  CHECK_EQ(status, 0);
  CHECK_HR(MSLogon_IMAPIFolder_SetMessageStatus(dst, m1.cb, EID(m1), MSLogon_MSGSTATUS_TAGGED,
                                                MSLogon_MSGSTATUS_TAGGED, &status),
           MSLogon_S_OK);
  CHECK_EQ(status, 0);
  CHECK_HR(MSLogon_IMAPIFolder_GetMessageStatus(dst, m1.cb, EID(m1), 0, &status), MSLogon_S_OK);
  CHECK_EQ(status, MSLogon_MSGSTATUS_TAGGED);
  CHECK_HR(MSLogon_IMAPIFolder_SetMessageStatus(dst, m1.cb, EID(m1), MSLogon_MSGSTATUS_HIGHLIGHTED,
                                                MSLogon_MSGSTATUS_HIGHLIGHTED |
                                                    MSLogon_MSGSTATUS_TAGGED,
                                                &status),
           MSLogon_S_OK);
  CHECK_EQ(status, MSLogon_MSGSTATUS_TAGGED);
  CHECK_HR(MSLogon_IMAPIFolder_GetMessageStatus(dst, m1.cb, EID(m1), 0, &status), MSLogon_S_OK);
  CHECK_EQ(status, MSLogon_MSGSTATUS_HIGHLIGHTED);

  /* DeleteMessages. */
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(dst, &list, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_COUNT), 1);

  /* DeleteFolder: messages, subfolders. */
  {
    MSLogon_IMAPIFolder *with_msg = create_folder(subtree, "With message");
    MSLogon_IMAPIFolder *with_sub = create_folder(subtree, "With subfolder");
    MSLogon_IMAPIFolder *both = create_folder(subtree, "With both");
    MSLogon_IMAPIFolder *child;
    EntryId wm;
    EntryId ws;
    EntryId wb;
    MSLogon_ULONG type = 0;
    MSLogon_IUnknown *unk = NULL;
    if (!with_msg || !with_sub || !both) return;
    wm = get_eid(with_msg);
    ws = get_eid(with_sub);
    wb = get_eid(both);
    saved_message(with_msg, "x");
    child = create_folder(with_sub, "Child");
    if (child) CHECK_EQ(MSLogon_IMAPIFolder_Release(child), 0);
    saved_message(both, "y");
    child = create_folder(both, "Child");
    if (child) {
      saved_message(child, "z");
      CHECK_EQ(MSLogon_IMAPIFolder_Release(child), 0);
    }
    CHECK_EQ(MSLogon_IMAPIFolder_Release(with_msg), 0);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(with_sub), 0);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(both), 0);

    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, wm.cb, EID(wm), 0, NULL, 0),
             MSLogon_MAPI_E_HAS_MESSAGES);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, ws.cb, EID(ws), 0, NULL, 0),
             MSLogon_MAPI_E_HAS_FOLDERS);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, ws.cb, EID(ws), 0, NULL,
                                              MSLogon_DEL_MESSAGES),
             MSLogon_MAPI_E_HAS_FOLDERS);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, wb.cb, EID(wb), 0, NULL,
                                              MSLogon_DEL_FOLDERS),
             MSLogon_MAPI_E_HAS_MESSAGES);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, wm.cb, EID(wm), 0, NULL,
                                              MSLogon_DEL_MESSAGES),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, ws.cb, EID(ws), 0, NULL,
                                              MSLogon_DEL_FOLDERS),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(subtree, wb.cb, EID(wb), 0, NULL,
                                              MSLogon_DEL_MESSAGES | MSLogon_DEL_FOLDERS),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMsgStore_OpenEntry(l.store, wb.cb, EID(wb), NULL, 0, &type, &unk),
             MSLogon_MAPI_E_NOT_FOUND);
    CHECK(unk == NULL);
  }

  /* CopyFolder: copy, move, cycle. */
  {
    MSLogon_IMAPIFolder *a = create_folder(subtree, "A");
    MSLogon_IMAPIFolder *b = create_folder(subtree, "B");
    MSLogon_IMAPIFolder *a1;
    MSLogon_IMAPIFolder *moved;
    EntryId a1e;
    EntryId be;
    if (!a || !b) return;
    a1 = create_folder(a, "A1");
    if (!a1) return;
    a1e = get_eid(a1);
    saved_message(a1, "in A1");
    CHECK_EQ(MSLogon_IMAPIFolder_Release(a1), 0);
    be = get_eid(b);

    CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(a, a1e.cb, EID(a1e), NULL, b, NULL, 0, NULL, 0),
             MSLogon_S_OK);
    CHECK_EQ(get_ul(b, MSLogon_PR_SUBFOLDERS), 1);
    CHECK_EQ(get_ul(a, MSLogon_PR_SUBFOLDERS), 1);
    a1 = create_folder_f(b, "A1", MSLogon_OPEN_IF_EXISTS, __LINE__);
    if (a1) {
      EntryId copy = get_eid(a1);
      CHECK(!eid_eq(&copy, &a1e));
      CHECK_EQ(get_ul(a1, MSLogon_PR_CONTENT_COUNT), 1);
      CHECK_EQ(MSLogon_IMAPIFolder_Release(a1), 0);
    }
    /* Moving onto an existing name collides; under a new name it moves. */
    CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(a, a1e.cb, EID(a1e), NULL, b, NULL, 0, NULL,
                                            MSLogon_FOLDER_MOVE),
             MSLogon_MAPI_E_COLLISION);
    CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(a, a1e.cb, EID(a1e), NULL, b, (void *)"Moved", 0,
                                            NULL, MSLogon_FOLDER_MOVE),
             MSLogon_S_OK);
    CHECK_EQ(get_ul(a, MSLogon_PR_SUBFOLDERS), 0);
    moved = open_folder(l.store, &a1e, MSLogon_MAPI_MODIFY);
    if (moved) {
      EntryId parent = get_eid_tag(moved, MSLogon_PR_PARENT_ENTRYID);
      CHECK(eid_eq(&parent, &be));
      CHECK(name_is(moved, "Moved"));
      /* B into its own child. */
      CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(subtree, be.cb, EID(be), NULL, moved, NULL, 0, NULL,
                                              MSLogon_FOLDER_MOVE),
               MSLogon_MAPI_E_FOLDER_CYCLE);
      CHECK_HR(MSLogon_IMAPIFolder_CopyFolder(subtree, be.cb, EID(be), NULL, moved, NULL, 0, NULL,
                                              0),
               MSLogon_MAPI_E_FOLDER_CYCLE);
      CHECK_EQ(MSLogon_IMAPIFolder_Release(moved), 0);
    }

    /* EmptyFolder. */
    CHECK_HR(MSLogon_IMAPIFolder_EmptyFolder(b, 0, NULL, 0), MSLogon_S_OK);
    CHECK_EQ(get_ul(b, MSLogon_PR_SUBFOLDERS), 0);
    CHECK_EQ(get_ul(b, MSLogon_PR_CONTENT_COUNT), 0);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(a), 0);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(b), 0);
  }
  CHECK_HR(MSLogon_IMAPIFolder_EmptyFolder(dst, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_COUNT), 0);
  CHECK_EQ(get_ul(dst, MSLogon_PR_CONTENT_UNREAD), 0);

  CHECK_EQ(MSLogon_IMAPIFolder_Release(src), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(dst), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  (void)m2;
  logoff_release(&l);
  shutdown_and_release(provider);
}

/* ---- 5. the status object ------------------------------------------------ */

static void status_object(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIStatus *s = NULL;
  MSLogon_ULONG type = 0;
  MSLogon_ULONG tags[7] = {MSLogon_PR_DISPLAY_NAME_W,  MSLogon_PR_PROVIDER_DLL_NAME_W,
                           MSLogon_PR_PROVIDER_DISPLAY_W, MSLogon_PR_RESOURCE_TYPE,
                           MSLogon_PR_RESOURCE_METHODS, MSLogon_PR_RESOURCE_FLAGS,
                           MSLogon_PR_STATUS_CODE};
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_ULONG i;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(l.logon, NULL, 0, &type, (void **)&s), MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_STATUS);
  if (!s) return;
  CHECK_HR(get_props(s, tags, 7, 0, &n, &v), MSLogon_S_OK);
  CHECK_EQ(n, 7);
  for (i = 0; v && i < n && i < 7; i++) CHECK_EQ(v[i].ulPropTag, tags[i]);
  if (v && n == 7) {
    CHECK(v[0].Value.lpszW && v[0].Value.lpszW[0] != 0);
    CHECK(v[1].Value.lpszW && v[1].Value.lpszW[0] != 0);
    CHECK_EQ(v[3].Value.ul, MSLogon_MAPI_STORE_PROVIDER);
    CHECK(v[4].Value.ul & MSLogon_STATUS_VALIDATE_STATE);
    CHECK(v[6].Value.ul & MSLogon_STATUS_AVAILABLE);
  }
  host_free_buffer(v);
  CHECK_HR(MSLogon_IMAPIStatus_ValidateState(s, 0, 0), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPIStatus_ValidateState(s, 0, 0x8u), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPIStatus_SettingsDialog(s, 0, 0), MSLogon_MAPI_E_NO_SUPPORT);
  CHECK_HR(MSLogon_IMAPIStatus_ChangePassword(s, (void *)"a", (void *)"b", 0),
           MSLogon_MAPI_E_NO_SUPPORT);
  CHECK_HR(MSLogon_IMAPIStatus_FlushQueues(s, 0, 0, NULL, 0), MSLogon_MAPI_E_NO_SUPPORT);
  {
    void *out = NULL;
    CHECK_HR(MSLogon_IMAPIStatus_QueryInterface(s, &MSLogon_IID_IMAPIStatus, &out), MSLogon_S_OK);
    CHECK(out == (void *)s);
    CHECK_EQ(MSLogon_IMAPIStatus_Release(s), 1);
    CHECK_HR(MSLogon_IMAPIStatus_QueryInterface(s, &MSLogon_IID_IMAPIFolder, &out),
             MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
    CHECK(out == NULL);
  }
  CHECK_EQ(MSLogon_IMAPIStatus_Release(s), 0);
  logoff_release(&l);
  shutdown_and_release(provider);
}

/* ---- 4. named properties ------------------------------------------------- */

static void named_properties(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMessage *m = NULL;
  MSLogon_GUID ps = {0x00020329u, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
  MSLogon_WCHAR kw[16];
  MSLogon_WCHAR unknown[16];
  MSLogon_MAPINAMEID names[3];
  MSLogon_MAPINAMEID *pnames[3];
  MSLogon_SPropTagArray *ids = NULL;
  MSLogon_SPropTagArray *ids2 = NULL;
  MSLogon_MAPINAMEID **back = NULL;
  MSLogon_ULONG count = 0;
  MSLogon_ULONG i;
  Logon l;

  host_support_init(&support);
  provider = init_provider();
  l = logon_on(provider, &support);
  subtree = open_subtree(l.store);
  if (!subtree) return;
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(subtree, NULL, 0, &m), MSLogon_S_OK);
  if (!m) return;

  widen(kw, "Keywords");
  widen(unknown, "NoSuchName");
  names[0].lpguid = &ps;
  names[0].ulKind = MSLogon_MNID_ID;
  names[0].Kind.lID = 0x8501;
  names[1].lpguid = &ps;
  names[1].ulKind = MSLogon_MNID_STRING;
  names[1].Kind.lpwstrName = kw;
  names[2].lpguid = &ps;
  names[2].ulKind = MSLogon_MNID_STRING;
  names[2].Kind.lpwstrName = unknown;
  for (i = 0; i < 3; i++) pnames[i] = &names[i];

  CHECK_HR(MSLogon_IMessage_GetIDsFromNames(m, 2, pnames, MSLogon_MAPI_CREATE, &ids), MSLogon_S_OK);
  CHECK(ids && ids->cValues == 2);
  if (!ids || ids->cValues != 2) return;
  for (i = 0; i < 2; i++) {
    CHECK(TAG_ID(ids->aulPropTag[i]) >= 0x8000u);
    CHECK_EQ(TAG_TYPE(ids->aulPropTag[i]), MSLogon_PT_UNSPECIFIED);
  }
  CHECK(ids->aulPropTag[0] != ids->aulPropTag[1]);

  CHECK_HR(MSLogon_IMessage_GetIDsFromNames(m, 2, pnames, 0, &ids2), MSLogon_S_OK);
  CHECK(ids2 && ids2->cValues == 2 && ids2->aulPropTag[0] == ids->aulPropTag[0] &&
        ids2->aulPropTag[1] == ids->aulPropTag[1]);
  host_free_buffer(ids2);
  ids2 = NULL;
  CHECK_HR(MSLogon_IMessage_GetIDsFromNames(m, 3, pnames, 0, &ids2),
           MSLogon_MAPI_W_ERRORS_RETURNED);
  if (ids2 && ids2->cValues == 3) {
    CHECK_EQ(ids2->aulPropTag[0], ids->aulPropTag[0]);
    CHECK_EQ(TAG_TYPE(ids2->aulPropTag[2]), MSLogon_PT_ERROR);
  } else {
    CHECK(0);
  }
  host_free_buffer(ids2);
  ids2 = NULL;
  CHECK_HR(MSLogon_IMessage_GetIDsFromNames(m, 2, pnames, 0x100u, &ids2),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMessage_GetIDsFromNames(m, 2, pnames, 0, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);

  /* Names back from the IDs: one buffer. */
  CHECK_HR(MSLogon_IMessage_GetNamesFromIDs(m, &ids, NULL, 0, &count, &back), MSLogon_S_OK);
  CHECK_EQ(count, 2);
  if (back && count == 2) {
    CHECK(back[0] && back[0]->ulKind == MSLogon_MNID_ID && back[0]->Kind.lID == 0x8501 &&
          memcmp(back[0]->lpguid, &ps, sizeof ps) == 0);
    CHECK(back[1] && back[1]->ulKind == MSLogon_MNID_STRING &&
          weqw(back[1]->Kind.lpwstrName, kw) && memcmp(back[1]->lpguid, &ps, sizeof ps) == 0);
  }
  host_free_buffer(back);

  /* The same IDs through the store and a folder. */
  ids2 = NULL;
  CHECK_HR(MSLogon_IMsgStore_GetIDsFromNames(l.store, 2, pnames, 0, &ids2), MSLogon_S_OK);
  CHECK(ids2 && ids2->cValues == 2 && ids2->aulPropTag[0] == ids->aulPropTag[0] &&
        ids2->aulPropTag[1] == ids->aulPropTag[1]);
  host_free_buffer(ids2);
  ids2 = NULL;
  CHECK_HR(MSLogon_IMAPIFolder_GetIDsFromNames(subtree, 2, pnames, 0, &ids2), MSLogon_S_OK);
  CHECK(ids2 && ids2->cValues == 2 && ids2->aulPropTag[0] == ids->aulPropTag[0] &&
        ids2->aulPropTag[1] == ids->aulPropTag[1]);
  host_free_buffer(ids2);

  /* A value under a named ID reads back. */
  {
    MSLogon_SPropValue v;
    MSLogon_SPropValue *r;
    v.ulPropTag = TAG(MSLogon_PT_LONG, TAG_ID(ids->aulPropTag[0]));
    v.dwAlignPad = 0;
    v.Value.l = 31337;
    CHECK_HR(MSLogon_IMessage_SetProps(m, 1, &v, NULL), MSLogon_S_OK);
    r = get_one(m, v.ulPropTag);
    CHECK(r && r->Value.l == 31337);
    host_free_buffer(r);
  }

  host_free_buffer(ids);
  CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  logoff_release(&l);
  shutdown_and_release(provider);
}

int main(void) {
  forcible_logoff(0);
  forcible_logoff(1);
  folders_and_messages();
  walk();
  bad_input();
  copy_move_delete();
  status_object();
  named_properties();
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_tree");
}
