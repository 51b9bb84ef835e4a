/*
 * test_tree_bad.c: bad input on every slot of the object tree's
 * interfaces, as a C host passes it: IMAPIFolder (30 slots), IMessage (22),
 * IAttach (14), IMAPIStatus (18), IStream (14, from
 * IMessage::OpenProperty(PR_BODY_W, IID_IStream, MAPI_CREATE|MAPI_MODIFY))
 * and the implemented slots of IMsgStore.
 *
 *   (a) each NULL out-pointer: MAPI_E_INVALID_PARAMETER, every other
 *       out-pointer of the call reset (NULL/0) all the same;
 *   (b) unknown flag bits (BADF): MAPI_E_UNKNOWN_FLAGS, out-pointers reset;
 *       slots that are MAPI_E_NO_SUPPORT as a whole answer that instead;
 *   (c) a wrong IID: MAPI_E_INTERFACE_NOT_SUPPORTED, out-pointers reset;
 *   (d) after a forcible Logoff every slot of the open IStream answers
 *       MAPI_E_INVALID_OBJECT (test_tree.c sweeps the other interfaces);
 *   the IStream's own bad input (STG_E_*), NULL `this` on every slot of
 *   the stream; and at the end nothing is alive, no host buffer is left.
 *
 * Each slot a check exercises is marked in `covered`; the test checks that
 * every slot of every interface was (the IMsgStore: the slots listed
 * above).
 */
#include <stdio.h>
#include <string.h>

#include "host.h"

/* The library's MSProviderInit, as test_tree_race.c declares it. */
#define MSProviderInit mslogon_provider_init

/* Flag bits no slot accepts (not MAPI_UNICODE, no *_DIALOG, no
 * ValidateState bit, above STGC_*). */
#define BADF 0x00800000u

/* What out-pointers hold before a call, to see that it reset them. */
static char junk_byte;
#define JUNK ((void *)&junk_byte)
#define JUNK_UL 0xA5A5A5A5u

#define IP MSLogon_MAPI_E_INVALID_PARAMETER
#define UF MSLogon_MAPI_E_UNKNOWN_FLAGS
#define INS MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED
#define NOSUP MSLogon_MAPI_E_NO_SUPPORT
#define INVOBJ MSLogon_MAPI_E_INVALID_OBJECT

#define PROP(obj) ((MSLogon_IMAPIProp *)(void *)(obj))
#define UNK(obj) ((MSLogon_IUnknown *)(void *)(obj))

/* ---- checks with the interface under test named on failure ------------- */

static const char *g_where = "";

static void ck_hr_f(int32_t got, int32_t want, const char *expr, int line) {
  host_check_hr(got, want, expr, __FILE__, line);
  if (got != want) fprintf(stderr, "  (%s)\n", g_where);
}

static void ck_f(int ok, const char *expr, int line) {
  host_check(ok, expr, __FILE__, line);
  if (!ok) fprintf(stderr, "  (%s)\n", g_where);
}

static void ck_eq_f(long long got, long long want, const char *expr, int line) {
  host_check_eq(got, want, expr, __FILE__, line);
  if (got != want) fprintf(stderr, "  (%s)\n", g_where);
}

#define CK_EQ(expr, want) ck_eq_f((long long)(expr), (long long)(want), #expr, __LINE__)
#define CK_HR(expr, want) ck_hr_f((int32_t)(expr), (int32_t)(want), #expr, __LINE__)
#define CK(cond) ck_f(!!(cond), #cond, __LINE__)

/* ---- slot coverage ------------------------------------------------------ */

enum { IF_FOLDER, IF_MESSAGE, IF_ATTACH, IF_STATUS, IF_STREAM, IF_STORE, IF_COUNT };
static const char *const if_names[IF_COUNT] = {"IMAPIFolder", "IMessage",  "IAttach",
                                               "IMAPIStatus", "IStream", "IMsgStore"};
static unsigned long covered[IF_COUNT];
#define COVER(i, slot) (covered[(i)] |= 1ul << (slot))
#define SLOTS(n) ((n) >= 32 ? 0xFFFFFFFFul : ((1ul << (n)) - 1ul))

/* ---- the tree ----------------------------------------------------------- */

typedef struct Tags {
  MSLogon_ULONG cValues;
  MSLogon_ULONG aulPropTag[4];
} Tags;

typedef struct EntryId {
  MSLogon_ULONG cb;
  MSLogon_BYTE ab[64];
} EntryId;

#define EID(e) ((MSLogon_ENTRYID *)(void *)(e).ab)

/* {0C733A30-2A1C-11CE-ADE5-00AA0044773D}: IStream's base interface. */
static const MSLogon_IID kIID_ISequentialStream = {
    0x0C733A30u, 0x2A1C, 0x11CE, {0xAD, 0xE5, 0x00, 0xAA, 0x00, 0x44, 0x77, 0x3D}};

static EntryId get_eid_f(void *obj, MSLogon_ULONG tag, int line) {
  Tags t;
  MSLogon_ULONG n = 0;
  MSLogon_SPropValue *v = NULL;
  EntryId e;
  memset(&e, 0, sizeof e);
  t.cValues = 1;
  t.aulPropTag[0] = tag;
  host_check_hr(MSLogon_IMAPIProp_GetProps(PROP(obj), (MSLogon_SPropTagArray *)(void *)&t, 0,
                                           &n, &v),
                MSLogon_S_OK, "GetProps(entry ID)", __FILE__, line);
  if (v && n == 1 && v->ulPropTag == tag && v->Value.bin.cb <= sizeof e.ab) {
    e.cb = v->Value.bin.cb;
    memcpy(e.ab, v->Value.bin.lpb, e.cb);
  } else {
    host_check(0, "entry ID present", __FILE__, line);
  }
  host_free_buffer(v);
  return e;
}
#define get_eid(obj) get_eid_f((obj), MSLogon_PR_ENTRYID, __LINE__)

static MSLogon_IUnknown *open_entry_f(MSLogon_IMsgStore *store, const EntryId *e,
                                      MSLogon_ULONG want_type, int line) {
  MSLogon_ULONG type = 0;
  MSLogon_IUnknown *unk = NULL;
  host_check_hr(MSLogon_IMsgStore_OpenEntry(store, e->cb, EID(*e), NULL, MSLogon_MAPI_MODIFY,
                                            &type, &unk),
                MSLogon_S_OK, "IMsgStore::OpenEntry", __FILE__, line);
  host_check_eq(type, want_type, "OpenEntry type", __FILE__, line);
  return unk;
}

static MSLogon_IMAPIFolder *create_folder(MSLogon_IMAPIFolder *parent, const char *name) {
  MSLogon_IMAPIFolder *f = NULL;
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(parent, MSLogon_FOLDER_GENERIC, (void *)name, NULL, NULL,
                                         0, &f),
        MSLogon_S_OK);
  CK(f != NULL);
  return f;
}

/* ---- IUnknown (slots 0-2) and IMAPIProp (slots 3-13) -------------------- */

static void bad_unknown(void *obj, int iface, const MSLogon_IID *wrong) {
  MSLogon_IUnknown *u = UNK(obj);
  void *out = JUNK;

  CK_HR(MSLogon_IUnknown_QueryInterface(u, &MSLogon_IID_IUnknown, NULL), IP);
  CK_HR(MSLogon_IUnknown_QueryInterface(u, NULL, &out), IP);
  CK(out == NULL);
  out = JUNK;
  CK_HR(MSLogon_IUnknown_QueryInterface(u, wrong, &out), INS);
  CK(out == NULL);
  out = JUNK;
  CK_HR(u->lpVtbl->QueryInterface(NULL, &MSLogon_IID_IUnknown, &out), IP);
  CK(out == NULL);
  COVER(iface, 0);
  CK_EQ(u->lpVtbl->AddRef(NULL), 0);
  COVER(iface, 1);
  CK_EQ(u->lpVtbl->Release(NULL), 0);
  COVER(iface, 2);
}

/* The eleven IMAPIProp slots (3-13) of a live object. */
static void bad_prop(void *obj, int iface) {
  MSLogon_IMAPIProp *p = PROP(obj);
  MSLogon_MAPIERROR *err;
  MSLogon_ULONG n;
  MSLogon_SPropValue *values;
  MSLogon_SPropTagArray *list;
  MSLogon_IUnknown *unk;
  MSLogon_SPropProblemArray *problems;
  MSLogon_MAPINAMEID **names;
  MSLogon_SPropValue v;
  Tags tags = {1, {MSLogon_PR_SUBJECT_W, 0, 0, 0}};
  Tags empty = {0, {0, 0, 0, 0}};
  Tags named = {1, {0x80000003u, 0, 0, 0}};
  MSLogon_SPropTagArray *tags_p = (MSLogon_SPropTagArray *)(void *)&tags;
  MSLogon_SPropTagArray *named_p = (MSLogon_SPropTagArray *)(void *)&named;
  MSLogon_GUID guid = {0x00020329u, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
  MSLogon_MAPINAMEID name;
  MSLogon_MAPINAMEID *name_p = &name;

  v.ulPropTag = MSLogon_PR_SUBJECT_A;
  v.dwAlignPad = 0;
  v.Value.lpszA = (char *)"bad";
  name.lpguid = &guid;
  name.ulKind = MSLogon_MNID_ID;
  name.Kind.lID = 0x8501;

  /* 3 GetLastError */
  CK_HR(MSLogon_IMAPIProp_GetLastError(p, MSLogon_MAPI_E_CALL_FAILED, 0, NULL), IP);
  err = (MSLogon_MAPIERROR *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetLastError(p, MSLogon_MAPI_E_CALL_FAILED, BADF, &err), UF);
  CK(err == NULL);
  COVER(iface, 3);

  /* 4 SaveChanges */
  CK_HR(MSLogon_IMAPIProp_SaveChanges(p, BADF), UF);
  COVER(iface, 4);

  /* 5 GetProps */
  values = (MSLogon_SPropValue *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetProps(p, tags_p, 0, NULL, &values), IP);
  CK(values == NULL);
  n = JUNK_UL;
  CK_HR(MSLogon_IMAPIProp_GetProps(p, tags_p, 0, &n, NULL), IP);
  CK_EQ(n, 0);
  n = JUNK_UL;
  values = (MSLogon_SPropValue *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetProps(p, tags_p, BADF, &n, &values), UF);
  CK(n == 0 && values == NULL);
  n = JUNK_UL;
  values = (MSLogon_SPropValue *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetProps(p, (MSLogon_SPropTagArray *)(void *)&empty, 0, &n, &values),
        IP);
  CK(n == 0 && values == NULL);
  COVER(iface, 5);

  /* 6 GetPropList */
  CK_HR(MSLogon_IMAPIProp_GetPropList(p, 0, NULL), IP);
  list = (MSLogon_SPropTagArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetPropList(p, BADF, &list), UF);
  CK(list == NULL);
  COVER(iface, 6);

  /* 7 OpenProperty */
  CK_HR(MSLogon_IMAPIProp_OpenProperty(p, MSLogon_PR_BODY_W, &MSLogon_IID_IStream, 0, 0, NULL),
        IP);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIProp_OpenProperty(p, MSLogon_PR_BODY_W, NULL, 0, 0, &unk), IP);
  CK(unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIProp_OpenProperty(p, MSLogon_PR_BODY_W, &MSLogon_IID_IStream, 0, BADF, &unk),
        UF);
  CK(unk == NULL);
  /* A string property through IMAPIFolder: MAPI_E_NO_SUPPORT ("cannot
   * provide access to this property through the requested interface"),
   * on every object of this library. */
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIProp_OpenProperty(p, MSLogon_PR_BODY_W, &MSLogon_IID_IMAPIFolder, 0, 0, &unk),
        NOSUP);
  CK(unk == NULL);
  COVER(iface, 7);

  /* 8 SetProps (lppProblems is optional: no required out-pointer) */
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_SetProps(p, 1, NULL, &problems), IP);
  CK(problems == NULL);
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_SetProps(p, 0, &v, &problems), IP);
  CK(problems == NULL);
  COVER(iface, 8);

  /* 9 DeleteProps */
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_DeleteProps(p, NULL, &problems), IP);
  CK(problems == NULL);
  COVER(iface, 9);

  /* 10 CopyTo (the destination is never reached) */
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_CopyTo(p, 0, NULL, NULL, 0, NULL, &MSLogon_IID_IStream, obj, 0,
                                 &problems),
        INS);
  CK(problems == NULL);
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_CopyTo(p, 0, NULL, NULL, 0, NULL, NULL, obj, BADF, &problems), UF);
  CK(problems == NULL);
  CK_HR(MSLogon_IMAPIProp_CopyTo(p, 0, NULL, NULL, 0, NULL, NULL, NULL, 0, &problems), IP);
  CK(problems == NULL);
  CK_HR(MSLogon_IMAPIProp_CopyTo(p, 1, NULL, NULL, 0, NULL, NULL, obj, 0, &problems), IP);
  COVER(iface, 10);

  /* 11 CopyProps */
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_CopyProps(p, tags_p, 0, NULL, &MSLogon_IID_IStream, obj, 0, &problems),
        INS);
  CK(problems == NULL);
  problems = (MSLogon_SPropProblemArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_CopyProps(p, tags_p, 0, NULL, NULL, obj, BADF, &problems), UF);
  CK(problems == NULL);
  CK_HR(MSLogon_IMAPIProp_CopyProps(p, NULL, 0, NULL, NULL, obj, 0, &problems), IP);
  CK_HR(MSLogon_IMAPIProp_CopyProps(p, tags_p, 0, NULL, NULL, NULL, 0, &problems), IP);
  CK(problems == NULL);
  COVER(iface, 11);

  /* 12 GetNamesFromIDs */
  names = (MSLogon_MAPINAMEID **)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetNamesFromIDs(p, &named_p, NULL, 0, NULL, &names), IP);
  CK(names == NULL);
  n = JUNK_UL;
  CK_HR(MSLogon_IMAPIProp_GetNamesFromIDs(p, &named_p, NULL, 0, &n, NULL), IP);
  CK_EQ(n, 0);
  n = JUNK_UL;
  names = (MSLogon_MAPINAMEID **)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetNamesFromIDs(p, &named_p, NULL, BADF, &n, &names), UF);
  CK(n == 0 && names == NULL);
  n = JUNK_UL;
  names = (MSLogon_MAPINAMEID **)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetNamesFromIDs(p, NULL, NULL, 0, &n, &names), IP);
  CK(n == 0 && names == NULL);
  COVER(iface, 12);

  /* 13 GetIDsFromNames */
  CK_HR(MSLogon_IMAPIProp_GetIDsFromNames(p, 1, &name_p, 0, NULL), IP);
  list = (MSLogon_SPropTagArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetIDsFromNames(p, 1, &name_p, BADF, &list), UF);
  CK(list == NULL);
  list = (MSLogon_SPropTagArray *)JUNK;
  CK_HR(MSLogon_IMAPIProp_GetIDsFromNames(p, 1, NULL, 0, &list), IP);
  CK(list == NULL);
  COVER(iface, 13);
}

/* ---- IMAPIFolder (slots 14-29) ----------------------------------------- */

/* The table slots are MAPI_E_NO_SUPPORT as a whole (whatever the flags)
 * until tables are wired (issue 11), then check their flags. `hr` and
 * `table` are a call with valid flags: what BADF must answer. */
static MSLogon_HRESULT table_want(MSLogon_HRESULT hr, MSLogon_IMAPITable *table, int line) {
  if (hr == MSLogon_S_OK) {
    host_check(table != NULL && table != JUNK, "table returned", __FILE__, line);
    if (table && table != JUNK) MSLogon_IUnknown_Release(UNK(table));
    return UF;
  }
  host_check_hr(hr, NOSUP, "table slot with valid flags", __FILE__, line);
  host_check(table == NULL, "no table", __FILE__, line);
  return NOSUP;
}

static void bad_folder(MSLogon_IMAPIFolder *f, MSLogon_IMAPIFolder *dest, const EntryId *fe,
                       const EntryId *me, const EntryId *sube) {
  MSLogon_IMAPITable *table;
  MSLogon_ULONG type;
  MSLogon_IUnknown *unk;
  void *restriction;
  MSLogon_ENTRYLIST *containers;
  MSLogon_ULONG state;
  MSLogon_IMessage *m;
  MSLogon_IMAPIFolder *sub;
  MSLogon_ULONG status;
  MSLogon_SBinary bin;
  MSLogon_ENTRYLIST list;
  MSLogon_SSortOrderSet sort;
  MSLogon_HRESULT hr;
  MSLogon_HRESULT want;

  g_where = "IMAPIFolder";
  bin.cb = me->cb;
  bin.lpb = (MSLogon_BYTE *)me->ab;
  list.cValues = 1;
  list.lpbin = &bin;
  memset(&sort, 0, sizeof sort);

  bad_unknown(f, IF_FOLDER, &MSLogon_IID_IMessage);
  bad_prop(f, IF_FOLDER);

  /* 14 GetContentsTable, 15 GetHierarchyTable (see table_want). */
  CK_HR(MSLogon_IMAPIFolder_GetContentsTable(f, 0, NULL), IP);
  table = (MSLogon_IMAPITable *)JUNK;
  hr = MSLogon_IMAPIFolder_GetContentsTable(f, 0, &table);
  want = table_want(hr, table, __LINE__);
  table = (MSLogon_IMAPITable *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_GetContentsTable(f, BADF, &table), want);
  CK(table == NULL);
  COVER(IF_FOLDER, 14);
  CK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(f, 0, NULL), IP);
  table = (MSLogon_IMAPITable *)JUNK;
  hr = MSLogon_IMAPIFolder_GetHierarchyTable(f, 0, &table);
  want = table_want(hr, table, __LINE__);
  table = (MSLogon_IMAPITable *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(f, BADF, &table), want);
  CK(table == NULL);
  COVER(IF_FOLDER, 15);

  /* 16 OpenEntry */
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, fe->cb, EID(*fe), NULL, 0, NULL, &unk), IP);
  CK(unk == NULL);
  type = JUNK_UL;
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, fe->cb, EID(*fe), NULL, 0, &type, NULL), IP);
  CK_EQ(type, 0);
  type = JUNK_UL;
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, fe->cb, EID(*fe), NULL, BADF, &type, &unk), UF);
  CK(type == 0 && unk == NULL);
  type = JUNK_UL;
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, fe->cb, EID(*fe), &MSLogon_IID_IMessage, 0, &type, &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, me->cb, EID(*me), &MSLogon_IID_IMAPIFolder, 0, &type,
                                      &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, me->cb, EID(*me), &MSLogon_IID_IStream, 0, &type, &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMAPIFolder_OpenEntry(f, 5, NULL, NULL, 0, &type, &unk), IP);
  CK(type == 0 && unk == NULL);
  COVER(IF_FOLDER, 16);

  /* 17 SetSearchCriteria: not a search folder. */
  CK_HR(MSLogon_IMAPIFolder_SetSearchCriteria(f, NULL, NULL, BADF), NOSUP);
  COVER(IF_FOLDER, 17);

  /* 18 GetSearchCriteria: the optional out-pointers are reset; a NULL
   * lpulSearchState (required) should be MAPI_E_INVALID_PARAMETER, as a
   * NULL lppTable of GetContentsTable is. */
  restriction = JUNK;
  containers = (MSLogon_ENTRYLIST *)JUNK;
  state = JUNK_UL;
  CK_HR(MSLogon_IMAPIFolder_GetSearchCriteria(f, BADF, &restriction, &containers, &state), NOSUP);
  CK(restriction == NULL && containers == NULL && state == 0);
  restriction = JUNK;
  containers = (MSLogon_ENTRYLIST *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_GetSearchCriteria(f, 0, &restriction, &containers, NULL), IP);
  CK(restriction == NULL && containers == NULL);
  COVER(IF_FOLDER, 18);

  /* 19 CreateMessage */
  CK_HR(MSLogon_IMAPIFolder_CreateMessage(f, NULL, 0, NULL), IP);
  m = (MSLogon_IMessage *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateMessage(f, NULL, BADF, &m), UF);
  CK(m == NULL);
  m = (MSLogon_IMessage *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateMessage(f, &MSLogon_IID_IMAPIFolder, 0, &m), INS);
  CK(m == NULL);
  m = (MSLogon_IMessage *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateMessage(f, &MSLogon_IID_IAttachment, 0, &m), INS);
  CK(m == NULL);
  COVER(IF_FOLDER, 19);

  /* 20 CopyMessages: lpInterface names the destination's interface; the
   * library ignores it (CopyTo checks its own). With a fix this answers
   * MAPI_E_INTERFACE_NOT_SUPPORTED; today it copies the message. */
  CK_HR(MSLogon_IMAPIFolder_CopyMessages(f, &list, NULL, dest, 0, NULL, BADF), UF);
  CK_HR(MSLogon_IMAPIFolder_CopyMessages(f, NULL, NULL, dest, 0, NULL, 0), IP);
  CK_HR(MSLogon_IMAPIFolder_CopyMessages(f, &list, NULL, NULL, 0, NULL, 0), IP);
  CK_HR(MSLogon_IMAPIFolder_CopyMessages(f, &list, &MSLogon_IID_IStream, dest, 0, NULL, 0), INS);
  COVER(IF_FOLDER, 20);

  /* 21 DeleteMessages */
  CK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, &list, 0, NULL, BADF), UF);
  CK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, NULL, 0, NULL, 0), IP);
  COVER(IF_FOLDER, 21);

  /* 22 CreateFolder */
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(f, MSLogon_FOLDER_GENERIC, (void *)"n", NULL, NULL, 0,
                                         NULL),
        IP);
  sub = (MSLogon_IMAPIFolder *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(f, MSLogon_FOLDER_GENERIC, (void *)"n", NULL, NULL, BADF,
                                         &sub),
        UF);
  CK(sub == NULL);
  sub = (MSLogon_IMAPIFolder *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(f, MSLogon_FOLDER_GENERIC, (void *)"n", NULL,
                                         &MSLogon_IID_IMessage, 0, &sub),
        INS);
  CK(sub == NULL);
  sub = (MSLogon_IMAPIFolder *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(f, MSLogon_FOLDER_GENERIC, NULL, NULL, NULL, 0, &sub), IP);
  CK(sub == NULL);
  sub = (MSLogon_IMAPIFolder *)JUNK;
  CK_HR(MSLogon_IMAPIFolder_CreateFolder(f, 7, (void *)"n", NULL, NULL, 0, &sub), IP);
  CK(sub == NULL);
  COVER(IF_FOLDER, 22);

  /* 23 CopyFolder: lpInterface ignored, as CopyMessages' (today it copies
   * the subfolder into `dest`). */
  CK_HR(MSLogon_IMAPIFolder_CopyFolder(f, sube->cb, EID(*sube), NULL, dest, NULL, 0, NULL, BADF),
        UF);
  CK_HR(MSLogon_IMAPIFolder_CopyFolder(f, 0, NULL, NULL, dest, NULL, 0, NULL, 0), IP);
  CK_HR(MSLogon_IMAPIFolder_CopyFolder(f, sube->cb, EID(*sube), NULL, NULL, NULL, 0, NULL, 0), IP);
  CK_HR(MSLogon_IMAPIFolder_CopyFolder(f, sube->cb, EID(*sube), &MSLogon_IID_IStream, dest, NULL,
                                        0, NULL, 0),
         INS);
  COVER(IF_FOLDER, 23);

  /* 24 DeleteFolder */
  CK_HR(MSLogon_IMAPIFolder_DeleteFolder(f, sube->cb, EID(*sube), 0, NULL, BADF), UF);
  CK_HR(MSLogon_IMAPIFolder_DeleteFolder(f, 0, NULL, 0, NULL, 0), IP);
  COVER(IF_FOLDER, 24);

  /* 25 SetReadFlags */
  CK_HR(MSLogon_IMAPIFolder_SetReadFlags(f, &list, 0, NULL, BADF), UF);
  CK_HR(MSLogon_IMAPIFolder_SetReadFlags(f, &list, 0, NULL,
                                         MSLogon_SUPPRESS_RECEIPT | MSLogon_CLEAR_READ_FLAG),
        IP);
  COVER(IF_FOLDER, 25);

  /* 26 GetMessageStatus */
  CK_HR(MSLogon_IMAPIFolder_GetMessageStatus(f, me->cb, EID(*me), 0, NULL), IP);
  status = JUNK_UL;
  CK_HR(MSLogon_IMAPIFolder_GetMessageStatus(f, me->cb, EID(*me), BADF, &status), UF);
  CK_EQ(status, 0);
  status = JUNK_UL;
  CK_HR(MSLogon_IMAPIFolder_GetMessageStatus(f, 0, NULL, 0, &status), IP);
  CK_EQ(status, 0);
  COVER(IF_FOLDER, 26);

  /* 27 SetMessageStatus: no flags; lpulOldStatus optional. A bad entry ID
   * is checked before the out-pointer is reset. */
  status = JUNK_UL;
  CK_HR(MSLogon_IMAPIFolder_SetMessageStatus(f, 0, NULL, 0, 0, &status), IP);
  CK(status == 0);
  CK_HR(MSLogon_IMAPIFolder_SetMessageStatus(f, 0, NULL, 0, 0, NULL), IP);
  COVER(IF_FOLDER, 27);

  /* 28 SaveContentsSort: no tables yet. */
  CK_HR(MSLogon_IMAPIFolder_SaveContentsSort(f, &sort, BADF), NOSUP);
  CK_HR(MSLogon_IMAPIFolder_SaveContentsSort(f, NULL, 0), NOSUP);
  COVER(IF_FOLDER, 28);

  /* 29 EmptyFolder */
  CK_HR(MSLogon_IMAPIFolder_EmptyFolder(f, 0, NULL, BADF), UF);
  COVER(IF_FOLDER, 29);
}

/* ---- IMessage (slots 14-21) -------------------------------------------- */

static void bad_message(MSLogon_IMessage *m) {
  MSLogon_IMAPITable *table;
  MSLogon_IAttach *a;
  MSLogon_ULONG num;
  MSLogon_SPropValue v;
  MSLogon_ADRLIST list;
  MSLogon_HRESULT hr;
  MSLogon_HRESULT want;

  g_where = "IMessage";
  v.ulPropTag = MSLogon_PR_DISPLAY_NAME_A;
  v.dwAlignPad = 0;
  v.Value.lpszA = (char *)"Nobody";
  list.cEntries = 1;
  list.aEntries[0].ulReserved1 = 0;
  list.aEntries[0].cValues = 1;
  list.aEntries[0].rgPropVals = &v;

  bad_unknown(m, IF_MESSAGE, &MSLogon_IID_IMAPIFolder);
  bad_prop(m, IF_MESSAGE);

  /* 14 GetAttachmentTable, 18 GetRecipientTable (see table_want). */
  CK_HR(MSLogon_IMessage_GetAttachmentTable(m, 0, NULL), IP);
  table = (MSLogon_IMAPITable *)JUNK;
  hr = MSLogon_IMessage_GetAttachmentTable(m, 0, &table);
  want = table_want(hr, table, __LINE__);
  table = (MSLogon_IMAPITable *)JUNK;
  CK_HR(MSLogon_IMessage_GetAttachmentTable(m, BADF, &table), want);
  CK(table == NULL);
  COVER(IF_MESSAGE, 14);
  CK_HR(MSLogon_IMessage_GetRecipientTable(m, 0, NULL), IP);
  table = (MSLogon_IMAPITable *)JUNK;
  hr = MSLogon_IMessage_GetRecipientTable(m, 0, &table);
  want = table_want(hr, table, __LINE__);
  table = (MSLogon_IMAPITable *)JUNK;
  CK_HR(MSLogon_IMessage_GetRecipientTable(m, BADF, &table), want);
  CK(table == NULL);
  COVER(IF_MESSAGE, 18);

  /* 15 OpenAttach */
  CK_HR(MSLogon_IMessage_OpenAttach(m, 0, NULL, 0, NULL), IP);
  a = (MSLogon_IAttach *)JUNK;
  CK_HR(MSLogon_IMessage_OpenAttach(m, 0, NULL, BADF, &a), UF);
  CK(a == NULL);
  a = (MSLogon_IAttach *)JUNK;
  CK_HR(MSLogon_IMessage_OpenAttach(m, 0, &MSLogon_IID_IMessage, 0, &a), INS);
  CK(a == NULL);
  COVER(IF_MESSAGE, 15);

  /* 16 CreateAttach */
  a = (MSLogon_IAttach *)JUNK;
  CK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0, NULL, &a), IP);
  CK(a == NULL);
  num = JUNK_UL;
  CK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0, &num, NULL), IP);
  CK_EQ(num, 0);
  num = JUNK_UL;
  a = (MSLogon_IAttach *)JUNK;
  CK_HR(MSLogon_IMessage_CreateAttach(m, NULL, BADF, &num, &a), UF);
  CK(num == 0 && a == NULL);
  num = JUNK_UL;
  a = (MSLogon_IAttach *)JUNK;
  CK_HR(MSLogon_IMessage_CreateAttach(m, &MSLogon_IID_IMessage, 0, &num, &a), INS);
  CK(num == 0 && a == NULL);
  COVER(IF_MESSAGE, 16);

  /* 17 DeleteAttach */
  CK_HR(MSLogon_IMessage_DeleteAttach(m, 0, 0, NULL, BADF), UF);
  COVER(IF_MESSAGE, 17);

  /* 19 ModifyRecipients */
  CK_HR(MSLogon_IMessage_ModifyRecipients(m, BADF, &list), UF);
  CK_HR(MSLogon_IMessage_ModifyRecipients(m, 0, NULL), IP);
  COVER(IF_MESSAGE, 19);

  /* 20 SubmitMessage: no transport. */
  CK_HR(MSLogon_IMessage_SubmitMessage(m, BADF), NOSUP);
  COVER(IF_MESSAGE, 20);

  /* 21 SetReadFlag */
  CK_HR(MSLogon_IMessage_SetReadFlag(m, BADF), UF);
  CK_HR(MSLogon_IMessage_SetReadFlag(m, MSLogon_SUPPRESS_RECEIPT | MSLogon_CLEAR_READ_FLAG), IP);
  COVER(IF_MESSAGE, 21);
}

/* ---- IAttach (IUnknown + IMAPIProp) and IMAPIStatus (slots 14-17) ------- */

static void bad_attach(MSLogon_IAttach *a) {
  g_where = "IAttach";
  bad_unknown(a, IF_ATTACH, &MSLogon_IID_IMessage);
  bad_prop(a, IF_ATTACH);
}

static void bad_status(MSLogon_IMAPIStatus *s) {
  g_where = "IMAPIStatus";
  bad_unknown(s, IF_STATUS, &MSLogon_IID_IMAPIFolder);
  bad_prop(s, IF_STATUS);
  CK_HR(MSLogon_IMAPIStatus_ValidateState(s, 0, BADF), UF);
  COVER(IF_STATUS, 14);
  /* No UI, no credentials, no queues: the whole slot is unsupported. */
  CK_HR(MSLogon_IMAPIStatus_SettingsDialog(s, 0, BADF), NOSUP);
  COVER(IF_STATUS, 15);
  CK_HR(MSLogon_IMAPIStatus_ChangePassword(s, (void *)"a", (void *)"b", BADF), NOSUP);
  CK_HR(MSLogon_IMAPIStatus_ChangePassword(s, NULL, NULL, 0), NOSUP);
  COVER(IF_STATUS, 16);
  CK_HR(MSLogon_IMAPIStatus_FlushQueues(s, 0, 0, NULL, BADF), NOSUP);
  COVER(IF_STATUS, 17);
}

/* ---- IMsgStore: the implemented slots ----------------------------------- */

static void bad_store(MSLogon_IMsgStore *store, const EntryId *fe, const EntryId *me) {
  EntryId se = get_eid(store);
  MSLogon_ULONG type;
  MSLogon_IUnknown *unk;
  MSLogon_ULONG cb;
  MSLogon_ENTRYID *eid;
  void *explicit_class;

  g_where = "IMsgStore";
  bad_unknown(store, IF_STORE, &MSLogon_IID_IMAPIFolder);
  bad_prop(store, IF_STORE);

  /* 17 OpenEntry */
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, fe->cb, EID(*fe), NULL, 0, NULL, &unk), IP);
  CK(unk == NULL);
  type = JUNK_UL;
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, fe->cb, EID(*fe), NULL, 0, &type, NULL), IP);
  CK_EQ(type, 0);
  type = JUNK_UL;
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, fe->cb, EID(*fe), NULL, BADF, &type, &unk), UF);
  CK(type == 0 && unk == NULL);
  type = JUNK_UL;
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, fe->cb, EID(*fe), &MSLogon_IID_IMessage, 0, &type,
                                    &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, me->cb, EID(*me), &MSLogon_IID_IMAPIFolder, 0, &type,
                                    &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, se.cb, EID(se), &MSLogon_IID_IMessage, 0, &type, &unk),
        INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, 0, NULL, &MSLogon_IID_IMessage, 0, &type, &unk), INS);
  CK(type == 0 && unk == NULL);
  unk = UNK(JUNK);
  CK_HR(MSLogon_IMsgStore_OpenEntry(store, 5, NULL, NULL, 0, &type, &unk), IP);
  CK(type == 0 && unk == NULL);
  COVER(IF_STORE, 17);

  /* 18 SetReceiveFolder */
  CK_HR(MSLogon_IMsgStore_SetReceiveFolder(store, (void *)"IPM.Bad", BADF, fe->cb, EID(*fe)), UF);
  CK_HR(MSLogon_IMsgStore_SetReceiveFolder(store, (void *)"IPM.Bad", 0, 5, NULL), IP);
  COVER(IF_STORE, 18);

  /* 19 GetReceiveFolder: lppszExplicitClass is optional, but when given it
   * should be reset whatever fails (the library checks the other two
   * first and returns without touching it). */
  cb = JUNK_UL;
  eid = (MSLogon_ENTRYID *)JUNK;
  explicit_class = JUNK;
  CK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, (void *)"IPM", BADF, &cb, &eid, &explicit_class),
        UF);
  CK(cb == 0 && eid == NULL && explicit_class == NULL);
  eid = (MSLogon_ENTRYID *)JUNK;
  explicit_class = JUNK;
  CK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, (void *)"IPM", 0, NULL, &eid, &explicit_class),
        IP);
  CK(eid == NULL);
  CK(explicit_class == NULL);
  cb = JUNK_UL;
  explicit_class = JUNK;
  CK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, (void *)"IPM", 0, &cb, NULL, &explicit_class),
        IP);
  CK_EQ(cb, 0);
  CK(explicit_class == NULL);
  COVER(IF_STORE, 19);
}

/* ---- IStream ------------------------------------------------------------ */

static MSLogon_LARGE_INTEGER li(long long v) {
  MSLogon_LARGE_INTEGER r;
  r.QuadPart = v;
  return r;
}

static MSLogon_ULARGE_INTEGER uli(unsigned long long v) {
  MSLogon_ULARGE_INTEGER r;
  r.QuadPart = v;
  return r;
}

/* `stm` writable holding "hello" (10 bytes, UTF-16), `ro` read-only. */
static void bad_stream(MSLogon_IStream *stm, MSLogon_IStream *ro) {
  const MSLogon_IStreamVtbl *vt = stm->lpVtbl;
  MSLogon_BYTE buf[16];
  MSLogon_ULONG n;
  MSLogon_ULARGE_INTEGER pos;
  MSLogon_ULARGE_INTEGER r;
  MSLogon_ULARGE_INTEGER w;
  MSLogon_STATSTG st;
  MSLogon_IStream *clone;
  void *out;

  g_where = "IStream";
  bad_unknown(stm, IF_STREAM, &MSLogon_IID_IMessage);
  /* IStream derives from ISequentialStream: QueryInterface must give it
   * (the header says so too). */
  out = JUNK;
  CK_HR(MSLogon_IStream_QueryInterface(stm, &kIID_ISequentialStream, &out), MSLogon_S_OK);
  if (out && out != JUNK) {
    CK(out == (void *)stm);
    MSLogon_IStream_Release(stm);
  }

  /* 3 Read */
  n = JUNK_UL;
  CK_HR(MSLogon_IStream_Read(stm, NULL, 4, &n), MSLogon_STG_E_INVALIDPOINTER);
  CK_EQ(n, 0);
  COVER(IF_STREAM, 3);

  /* 4 Write */
  n = JUNK_UL;
  CK_HR(MSLogon_IStream_Write(stm, NULL, 4, &n), MSLogon_STG_E_INVALIDPOINTER);
  CK_EQ(n, 0);
  n = JUNK_UL;
  CK_HR(MSLogon_IStream_Write(ro, "x", 1, &n), MSLogon_STG_E_ACCESSDENIED);
  CK_EQ(n, 0);
  COVER(IF_STREAM, 4);

  /* 5 Seek: before 0, a bad origin; the position stays. */
  CK_HR(MSLogon_IStream_Seek(stm, li(4), MSLogon_STREAM_SEEK_SET, NULL), MSLogon_S_OK);
  CK_HR(MSLogon_IStream_Seek(stm, li(-1), MSLogon_STREAM_SEEK_SET, &pos),
        MSLogon_STG_E_INVALIDFUNCTION);
  CK_HR(MSLogon_IStream_Seek(stm, li(-5), MSLogon_STREAM_SEEK_CUR, &pos),
        MSLogon_STG_E_INVALIDFUNCTION);
  CK_HR(MSLogon_IStream_Seek(stm, li(-11), MSLogon_STREAM_SEEK_END, &pos),
        MSLogon_STG_E_INVALIDFUNCTION);
  CK_HR(MSLogon_IStream_Seek(stm, li(0), 3, &pos), MSLogon_STG_E_INVALIDFUNCTION);
  pos.QuadPart = 99;
  CK_HR(MSLogon_IStream_Seek(stm, li(0), MSLogon_STREAM_SEEK_CUR, &pos), MSLogon_S_OK);
  CK_EQ(pos.QuadPart, 4);
  COVER(IF_STREAM, 5);

  /* 6 SetSize: read-only; beyond MAPI's 32-bit sizes. */
  CK_HR(MSLogon_IStream_SetSize(ro, uli(0)), MSLogon_STG_E_ACCESSDENIED);
  CK_HR(MSLogon_IStream_SetSize(stm, uli(1ull << 33)), MSLogon_STG_E_MEDIUMFULL);
  COVER(IF_STREAM, 6);

  /* 7 CopyTo: a NULL destination; a read-only one (its Write's answer). */
  r.QuadPart = JUNK_UL;
  w.QuadPart = JUNK_UL;
  CK_HR(MSLogon_IStream_CopyTo(stm, NULL, uli(4), &r, &w), MSLogon_STG_E_INVALIDPOINTER);
  CK(r.QuadPart == 0 && w.QuadPart == 0);
  CK_HR(MSLogon_IStream_Seek(stm, li(0), MSLogon_STREAM_SEEK_SET, NULL), MSLogon_S_OK);
  r.QuadPart = JUNK_UL;
  w.QuadPart = JUNK_UL;
  CK_HR(MSLogon_IStream_CopyTo(stm, ro, uli(4), &r, &w), MSLogon_STG_E_ACCESSDENIED);
  CK(r.QuadPart == 4 && w.QuadPart == 0);
  COVER(IF_STREAM, 7);

  /* 8 Commit: unknown STGC bits; a read-only stream. */
  CK_HR(MSLogon_IStream_Commit(stm, BADF), MSLogon_STG_E_INVALIDFLAG);
  CK_HR(MSLogon_IStream_Commit(stm, 0x10u), MSLogon_STG_E_INVALIDFLAG);
  CK_HR(MSLogon_IStream_Commit(ro, 0), MSLogon_STG_E_ACCESSDENIED);
  COVER(IF_STREAM, 8);

  /* 10 LockRegion, 11 UnlockRegion: not supported. */
  CK_HR(MSLogon_IStream_LockRegion(stm, uli(0), uli(1), 1), MSLogon_STG_E_INVALIDFUNCTION);
  COVER(IF_STREAM, 10);
  CK_HR(MSLogon_IStream_UnlockRegion(stm, uli(0), uli(1), 1), MSLogon_STG_E_INVALIDFUNCTION);
  COVER(IF_STREAM, 11);

  /* 12 Stat */
  CK_HR(MSLogon_IStream_Stat(stm, NULL, 0), MSLogon_STG_E_INVALIDPOINTER);
  memset(&st, 0xA5, sizeof st);
  CK_HR(MSLogon_IStream_Stat(ro, &st, 0), MSLogon_S_OK);
  CK(st.pwcsName == NULL && st.grfMode == 0 && st.cbSize.QuadPart == 10);
  COVER(IF_STREAM, 12);

  /* 13 Clone: not offered. */
  clone = (MSLogon_IStream *)JUNK;
  CK_HR(MSLogon_IStream_Clone(stm, &clone), MSLogon_E_NOTIMPL);
  CK(clone == NULL);
  COVER(IF_STREAM, 13);

  /* 9 Revert has no input; with every other slot, a NULL `this`:
   * E_INVALIDARG (MAPI_E_INVALID_PARAMETER is the same code), out-pointers
   * reset where the slot resets them first. */
  n = JUNK_UL;
  CK_HR(vt->Read(NULL, buf, sizeof buf, &n), IP);
  CK_EQ(n, 0);
  n = JUNK_UL;
  CK_HR(vt->Write(NULL, buf, 1, &n), IP);
  CK_EQ(n, 0);
  CK_HR(vt->Seek(NULL, li(0), MSLogon_STREAM_SEEK_SET, &pos), IP);
  CK_HR(vt->SetSize(NULL, uli(0)), IP);
  CK_HR(vt->CopyTo(NULL, ro, uli(1), &r, &w), IP);
  CK(r.QuadPart == 0 && w.QuadPart == 0);
  CK_HR(vt->Commit(NULL, 0), IP);
  CK_HR(vt->Revert(NULL), IP);
  COVER(IF_STREAM, 9);
  CK_HR(vt->LockRegion(NULL, uli(0), uli(1), 1), IP);
  CK_HR(vt->UnlockRegion(NULL, uli(0), uli(1), 1), IP);
  CK_HR(vt->Stat(NULL, &st, 0), IP);
  clone = (MSLogon_IStream *)JUNK;
  CK_HR(vt->Clone(NULL, &clone), IP);
  CK(clone == NULL);
}

/* (d) Every slot of a stream whose logon was forcibly logged off. */
static void sweep_stream(MSLogon_IStream *stm, MSLogon_IStream *other) {
  MSLogon_BYTE buf[4] = {1, 2, 3, 4};
  MSLogon_ULONG n;
  MSLogon_ULARGE_INTEGER pos;
  MSLogon_ULARGE_INTEGER r;
  MSLogon_ULARGE_INTEGER w;
  MSLogon_STATSTG st;
  MSLogon_IStream *clone;
  void *out;
  int calls = 0;

  g_where = "IStream after Logoff";
  out = JUNK;
  CK_HR(MSLogon_IStream_QueryInterface(stm, &MSLogon_IID_IStream, &out), INVOBJ);
  CK(out == NULL);
  out = JUNK;
  CK_HR(MSLogon_IStream_QueryInterface(stm, &MSLogon_IID_IUnknown, &out), INVOBJ);
  CK(out == NULL);
  calls++;
  CK_EQ(MSLogon_IStream_AddRef(stm), 2);
  calls++;
  CK_EQ(MSLogon_IStream_Release(stm), 1);
  calls++;
  n = JUNK_UL;
  CK_HR(MSLogon_IStream_Read(stm, buf, sizeof buf, &n), INVOBJ);
  CK_EQ(n, 0);
  calls++;
  n = JUNK_UL;
  CK_HR(MSLogon_IStream_Write(stm, buf, sizeof buf, &n), INVOBJ);
  CK_EQ(n, 0);
  calls++;
  CK_HR(MSLogon_IStream_Seek(stm, li(0), MSLogon_STREAM_SEEK_SET, &pos), INVOBJ);
  calls++;
  CK_HR(MSLogon_IStream_SetSize(stm, uli(0)), INVOBJ);
  calls++;
  r.QuadPart = JUNK_UL;
  w.QuadPart = JUNK_UL;
  CK_HR(MSLogon_IStream_CopyTo(stm, other, uli(4), &r, &w), INVOBJ);
  CK(r.QuadPart == 0 && w.QuadPart == 0);
  calls++;
  CK_HR(MSLogon_IStream_Commit(stm, 0), INVOBJ);
  calls++;
  CK_HR(MSLogon_IStream_Revert(stm), INVOBJ);
  calls++;
  CK_HR(MSLogon_IStream_LockRegion(stm, uli(0), uli(1), 1), INVOBJ);
  calls++;
  CK_HR(MSLogon_IStream_UnlockRegion(stm, uli(0), uli(1), 1), INVOBJ);
  calls++;
  CK_HR(MSLogon_IStream_Stat(stm, &st, 0), INVOBJ);
  calls++;
  clone = (MSLogon_IStream *)JUNK;
  CK_HR(MSLogon_IStream_Clone(stm, &clone), INVOBJ);
  CK(clone == NULL);
  calls++;
  CK_EQ(calls, 14);
}

/* ---- the run ------------------------------------------------------------ */

int main(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider = NULL;
  MSLogon_IMSLogon *logon = NULL;
  MSLogon_IMsgStore *store = NULL;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG cb_spool = 0;
  MSLogon_BYTE *spool = NULL;
  MSLogon_ULONG version = 0;
  MSLogon_ULONG flags;
  MSLogon_ULONG type = 0;
  MSLogon_ULONG num = 0;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_IMAPIFolder *f;
  MSLogon_IMAPIFolder *dest;
  MSLogon_IMAPIFolder *sub;
  MSLogon_IMessage *m = NULL;
  MSLogon_IAttach *att = NULL;
  MSLogon_IMAPIStatus *status = NULL;
  MSLogon_IStream *stm = NULL;
  MSLogon_IStream *ro = NULL;
  MSLogon_SPropValue v[2];
  MSLogon_WCHAR hello[6] = {'h', 'e', 'l', 'l', 'o', 0};
  MSLogon_ULONG n = 0;
  EntryId subtree_e;
  EntryId fe;
  EntryId me;
  EntryId sube;
  int i;

  host_support_init(&support);
  CK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer, 0,
                       MSLogon_CURRENT_SPI_VERSION, &version, &provider),
        MSLogon_S_OK);
  if (!provider) return host_finish("test_tree_bad");
  CK_HR(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL,
                                  MSLogon_MDB_NO_DIALOG | MSLogon_MDB_WRITE, NULL, &cb_spool,
                                  &spool, &error, &logon, &store),
        MSLogon_S_OK);
  if (!logon || !store) return host_finish("test_tree_bad");

  /* The tree: Bad (with a saved message and a subfolder), Dest. */
  subtree_e = get_eid_f(store, MSLogon_PR_IPM_SUBTREE_ENTRYID, __LINE__);
  subtree = (MSLogon_IMAPIFolder *)(void *)open_entry_f(store, &subtree_e, MSLogon_MAPI_FOLDER,
                                                        __LINE__);
  if (!subtree) return host_finish("test_tree_bad");
  f = create_folder(subtree, "Bad");
  dest = create_folder(subtree, "Dest");
  if (!f || !dest) return host_finish("test_tree_bad");
  sub = create_folder(f, "Sub");
  if (!sub) return host_finish("test_tree_bad");
  fe = get_eid(f);
  sube = get_eid(sub);
  CK_EQ(MSLogon_IMAPIFolder_Release(sub), 0);
  CK_HR(MSLogon_IMAPIFolder_CreateMessage(f, NULL, 0, &m), MSLogon_S_OK);
  if (!m) return host_finish("test_tree_bad");
  memset(v, 0, sizeof v);
  v[0].ulPropTag = MSLogon_PR_SUBJECT_A;
  v[0].Value.lpszA = (char *)"bad input";
  v[1].ulPropTag = MSLogon_PR_BODY_W;
  v[1].Value.lpszW = hello;
  CK_HR(MSLogon_IMessage_SetProps(m, 2, v, NULL), MSLogon_S_OK);
  CK_HR(MSLogon_IMessage_SaveChanges(m, 0), MSLogon_S_OK);
  me = get_eid(m);
  CK_EQ(MSLogon_IMessage_Release(m), 0);

  /* The objects under test. */
  m = (MSLogon_IMessage *)(void *)open_entry_f(store, &me, MSLogon_MAPI_MESSAGE, __LINE__);
  if (!m) return host_finish("test_tree_bad");
  CK_HR(MSLogon_IMessage_CreateAttach(m, NULL, 0, &num, &att), MSLogon_S_OK);
  CK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, NULL, 0, &type, (void **)&status), MSLogon_S_OK);
  CK_HR(MSLogon_IMessage_OpenProperty(m, MSLogon_PR_BODY_W, &MSLogon_IID_IStream, 0, 0,
                                      (MSLogon_IUnknown **)(void *)&ro),
        MSLogon_S_OK);
  CK_HR(MSLogon_IMessage_OpenProperty(m, MSLogon_PR_BODY_W, &MSLogon_IID_IStream, 0,
                                      MSLogon_MAPI_CREATE | MSLogon_MAPI_MODIFY,
                                      (MSLogon_IUnknown **)(void *)&stm),
        MSLogon_S_OK);
  if (!att || !status || !ro || !stm) return host_finish("test_tree_bad");
  CK_HR(MSLogon_IStream_Write(stm, hello, 10, &n), MSLogon_S_OK);
  CK_EQ(n, 10);

  bad_folder(f, dest, &fe, &me, &sube);
  bad_message(m);
  bad_attach(att);
  bad_status(status);
  bad_store(store, &fe, &me);
  bad_stream(stm, ro);

  /* Nothing of that touched what the stream holds. */
  g_where = "IStream";
  {
    MSLogon_BYTE back[16];
    MSLogon_STATSTG st;
    CK_HR(MSLogon_IStream_Stat(stm, &st, 0), MSLogon_S_OK);
    CK_EQ(st.cbSize.QuadPart, 10);
    CK_HR(MSLogon_IStream_Seek(stm, li(0), MSLogon_STREAM_SEEK_SET, NULL), MSLogon_S_OK);
    CK_HR(MSLogon_IStream_Read(stm, back, sizeof back, &n), MSLogon_S_OK);
    CK(n == 10 && memcmp(back, hello, 10) == 0);
  }

  /* (d) The forcible Logoff: the open streams answer MAPI_E_INVALID_OBJECT. */
  CK_EQ(support.releases, 0);
  flags = 0;
  CK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CK_EQ(support.releases, 1);
  sweep_stream(stm, ro);
  sweep_stream(ro, stm);

  /* Release everything; the logon and store last. */
  CK_EQ(MSLogon_IStream_Release(stm), 0);
  CK_EQ(MSLogon_IStream_Release(ro), 0);
  CK_EQ(MSLogon_IAttach_Release(att), 0);
  CK_EQ(MSLogon_IMessage_Release(m), 0);
  CK_EQ(MSLogon_IMAPIStatus_Release(status), 0);
  CK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  CK_EQ(MSLogon_IMAPIFolder_Release(dest), 0);
  CK_EQ(MSLogon_IMAPIFolder_Release(subtree), 0);
  flags = 0;
  CK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CK_EQ(MSLogon_IMsgStore_Release(store), 0);
  CK_EQ(support.releases, 1);
  CK_EQ(support.add_refs, support.releases);
  flags = 0;
  CK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CK_EQ(MSLogon_IMSProvider_Release(provider), 0);

  /* Every slot of every interface had its bad input. */
  g_where = "coverage";
  for (i = 0; i < IF_COUNT; i++) {
    unsigned long want;
    switch (i) {
    case IF_FOLDER: want = SLOTS(30); break;
    case IF_MESSAGE: want = SLOTS(22); break;
    case IF_ATTACH: want = SLOTS(14); break;
    case IF_STATUS: want = SLOTS(18); break;
    case IF_STREAM: want = SLOTS(14); break;
    default: /* IUnknown, IMAPIProp, OpenEntry, Set/GetReceiveFolder */
      want = SLOTS(14) | (1ul << 17) | (1ul << 18) | (1ul << 19);
      break;
    }
    if (covered[i] != want) fprintf(stderr, "  %s: slots 0x%08lX of 0x%08lX\n", if_names[i],
                                    covered[i], want);
    CK_EQ(covered[i], want);
  }

  CK_EQ(mslogon_live_objects(), 0);
  CK_EQ(host_live_buffers(), 0);
  return host_finish("test_tree_bad");
}
