/*
 * win_test_tables.c: IMAPITable as a Windows MAPI host (MFCMAPI) drives it,
 * in C11, against the genuine MinGW-w64 <windows.h> / <mapidefs.h> /
 * <mapispi.h> (never include/mslogon.h): mslogon.dll is loaded with
 * LoadLibraryA, MSProviderInit found with GetProcAddress, every call goes
 * through MinGW's vtables and every structure (SRowSet, SRow, SPropValue,
 * SSortOrderSet, SRestriction, ADRLIST, ENTRYLIST) is MinGW's. The Windows
 * port of c-tests/test_tables.c, and more:
 *
 *   1. hierarchy tables: the root's GetHierarchyTable(CONVENIENT_DEPTH |
 *      MAPI_UNICODE) with MFCMAPI's columns (PR_DISPLAY_NAME_W, PR_ENTRYID,
 *      PR_INSTANCE_KEY, PR_SUBFOLDERS, PR_CONTAINER_FLAGS), SeekRow,
 *      QueryRows: the seven standard folders in depth-first order with their
 *      PR_DEPTH, PR_SUBFOLDERS and the entry IDs the store names; without
 *      CONVENIENT_DEPTH; the IPM subtree with a three-level folder chain;
 *      OpenProperty(PR_CONTAINER_HIERARCHY, IID_IMAPITable); 8-bit columns
 *      without MAPI_UNICODE;
 *   2. a contents table of a folder with 30 messages made here (subjects
 *      with ties, case-only differences and missing values; PR_IMPORTANCE,
 *      a signed PT_LONG and the read flag, some missing): GetStatus,
 *      QueryColumns, SetColumns(TBL_BATCH) with an unknown tag (a PT_ERROR
 *      cell, MAPI_E_NOT_FOUND), SortTable on one, two and three keys
 *      ascending/descending (the order checked against a model of the
 *      library's collation, missing values first), QuerySortOrder, Restrict
 *      (RES_AND, RES_OR, RES_NOT, RES_PROPERTY, RES_CONTENT with FL_SUBSTRING
 *      | FL_IGNORECASE and FL_PREFIX, RES_EXIST, RES_BITMASK), FindRow
 *      forward and backward (and by PR_INSTANCE_KEY), QueryRows in pages,
 *      with negative counts and TBL_NOADVANCE, SeekRow / SeekRowApprox /
 *      QueryPosition, CreateBookmark / FreeBookmark,
 *      MAPI_E_INVALID_BOOKMARK and MAPI_W_POSITION_CHANGED, GetRowCount, a
 *      host-side HrQueryAllRows (rows gathered from several QueryRows calls
 *      into one set), each row against the message's GetProps;
 *      the associated contents (MAPI_ASSOCIATED, PR_FOLDER_ASSOCIATED_
 *      CONTENTS) and OpenProperty(PR_CONTAINER_CONTENTS); bad input;
 *   3. a message's recipient and attachment tables (GetRecipientTable,
 *      GetAttachmentTable, OpenProperty(PR_MESSAGE_RECIPIENTS /
 *      PR_MESSAGE_ATTACHMENTS, IID_IMAPITable));
 *   4. IMsgStore::GetReceiveFolderTable;
 *   5. a forcible IMSLogon::Logoff(&0) with five tables open: every slot
 *      (but Advise/Unadvise, which table notifications are about to change)
 *      answers MAPI_E_INVALID_OBJECT, QueryInterface NULLs *ppv, argument
 *      errors still come first, AddRef/Release work.
 *
 * Widths (SPEC-objects.md, "Widths"): BOOKMARK is ULONG_PTR in the DLL's
 * contract, ULONG in MinGW's mapidefs.h. Passing a MinGW BOOKMARK would
 * leave the upper half of an x64 argument undefined, and CreateBookmark /
 * SetCollapseState would write 8 bytes into a 4-byte variable. So the four
 * slots that take a BOOKMARK (SeekRow, FindRow, CreateBookmark,
 * FreeBookmark) and SetCollapseState are called through wrappers that cast
 * MinGW's slot to the pointer-sized signature (tbl_seek_row & co. below);
 * out-bookmarks are ULONG_PTRs pre-filled with a canary, checked to be
 * written in full, and on x64 a bookmark with bits above 32 set is refused
 * (so the DLL reads all 8 bytes). ulUIParam (SetReadFlags) is passed as 0,
 * as in win_test_tree.c. Advise/Unadvise (a ULONG_PTR connection too) are
 * called the same way, the connection canary-checked (table_advise_widths).
 *
 * Memory: MSProviderInit gets win_host.c's allocators, Wine's own
 * MAPIAllocateBuffer / MAPIAllocateMore / MAPIFreeBuffer (mapi32.dll: 8 mod
 * 16 on x64, 4 mod 8 on i686) behind a wrapper that keeps the set of live
 * root buffers: each MAPIFreeBuffer must name a live root buffer (so
 * nothing is freed twice or freed when it was chained with
 * MAPIAllocateMore), every MAPIAllocateMore must name a live parent, every
 * row set passes Wine's FBadRowSet and each row's lpProps is a root buffer
 * of its own (Wine's FreeProws frees each lpProps then the set), tag arrays
 * pass FBadColumnSet, and at the end nothing is left.
 *
 * Prints "win_test_tables_c: N passed, M failed"; exits 0 only if M is 0.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "win_host.h"

static LPMSPROVIDERINIT provider_init;
static HMODULE provider_module;

/* mslogon_live_objects (include/mslogon.h; __cdecl, no arguments). */
typedef ULONG (*LiveObjectsFn)(void);
static LiveObjectsFn live_objects_fn;

static long live_objects(void) { return live_objects_fn ? (long)live_objects_fn() : -1; }

/* GetStatus's table type: contents and hierarchy tables follow the store's
 * changes (TBLTYPE_DYNAMIC); recipient, attachment and receive-folder
 * tables are snapshots taken at open (README, "Tables and notifications"). */
#define FOLDER_TABLE_TYPE TBLTYPE_DYNAMIC
#define SNAPSHOT_TABLE_TYPE TBLTYPE_SNAPSHOT

/* ---- memory: Wine's, through win_host.c ---------------------------------- */

/* MSProviderInit gets win_host.c's allocators: Wine's MAPIAllocateBuffer /
 * MAPIAllocateMore / MAPIFreeBuffer, the live root buffers tracked (each
 * MAPIFreeBuffer names a live root, each MAPIAllocateMore a live parent). */
#define tb_alloc host_allocate_buffer
#define tb_free host_free_buffer
#define is_root_buffer host_is_root_buffer

/* ---- IMAPITable slots at Microsoft's widths ---------------------------- */

/* MinGW: typedef ULONG BOOKMARK. Ours: pointer-sized. */
_Static_assert(sizeof(BOOKMARK) == sizeof(ULONG), "MinGW's BOOKMARK is a ULONG");
_Static_assert(sizeof(ULONG_PTR) == sizeof(void *), "ULONG_PTR is pointer-sized");

typedef HRESULT(STDMETHODCALLTYPE *SeekRowWide)(IMAPITable *, ULONG_PTR, LONG, LONG *);
typedef HRESULT(STDMETHODCALLTYPE *FindRowWide)(IMAPITable *, LPSRestriction, ULONG_PTR, ULONG);
typedef HRESULT(STDMETHODCALLTYPE *CreateBookmarkWide)(IMAPITable *, ULONG_PTR *);
typedef HRESULT(STDMETHODCALLTYPE *FreeBookmarkWide)(IMAPITable *, ULONG_PTR);
typedef HRESULT(STDMETHODCALLTYPE *SetCollapseStateWide)(IMAPITable *, ULONG, ULONG, LPBYTE,
                                                         ULONG_PTR *);
/* Advise's connection is pointer-sized too (MinGW: ULONG *, ULONG). */
typedef HRESULT(STDMETHODCALLTYPE *AdviseWide)(IMAPITable *, ULONG, LPMAPIADVISESINK,
                                               ULONG_PTR *);
typedef HRESULT(STDMETHODCALLTYPE *UnadviseWide)(IMAPITable *, ULONG_PTR);

/* The casts go through void (*)(void), the one function-pointer type a
 * cast does not warn about (-Wcast-function-type). */
#define WIDE_SLOT(T, t, slot) ((T)(void (*)(void))(t)->lpVtbl->slot)

static HRESULT tbl_seek_row(LPMAPITABLE t, ULONG_PTR origin, LONG count, LONG *sought) {
  return WIDE_SLOT(SeekRowWide, t, SeekRow)(t, origin, count, sought);
}
static HRESULT tbl_find_row(LPMAPITABLE t, LPSRestriction r, ULONG_PTR origin, ULONG flags) {
  return WIDE_SLOT(FindRowWide, t, FindRow)(t, r, origin, flags);
}
static HRESULT tbl_create_bookmark(LPMAPITABLE t, ULONG_PTR *mark) {
  return WIDE_SLOT(CreateBookmarkWide, t, CreateBookmark)(t, mark);
}
static HRESULT tbl_free_bookmark(LPMAPITABLE t, ULONG_PTR mark) {
  return WIDE_SLOT(FreeBookmarkWide, t, FreeBookmark)(t, mark);
}
static HRESULT tbl_set_collapse_state(LPMAPITABLE t, ULONG flags, ULONG cb, LPBYTE state,
                                      ULONG_PTR *location) {
  return WIDE_SLOT(SetCollapseStateWide, t, SetCollapseState)(t, flags, cb, state, location);
}

static HRESULT tbl_advise(LPMAPITABLE t, ULONG mask, LPMAPIADVISESINK sink,
                          ULONG_PTR *connection) {
  return WIDE_SLOT(AdviseWide, t, Advise)(t, mask, sink, connection);
}
static HRESULT tbl_unadvise(LPMAPITABLE t, ULONG_PTR connection) {
  return WIDE_SLOT(UnadviseWide, t, Unadvise)(t, connection);
}

#define BK_BEGINNING ((ULONG_PTR)BOOKMARK_BEGINNING)
#define BK_CURRENT ((ULONG_PTR)BOOKMARK_CURRENT)
#define BK_END ((ULONG_PTR)BOOKMARK_END)
#define BOOKMARK_CANARY ((ULONG_PTR)0xDEADBEEFDEADBEEFull)

/* ---- helpers ------------------------------------------------------------- */

#define PROP(obj) ((LPMAPIPROP)(void *)(obj))
#define ERROR_TAG(tag) PROP_TAG(PT_ERROR, PROP_ID(tag))

/* Provider-defined properties of the test messages. */
#define T_SEQ PROP_TAG(PT_LONG, 0x6710)     /* creation index: always there */
#define T_RANK PROP_TAG(PT_LONG, 0x6711)    /* signed, missing on a third */
#define T_UNKNOWN PROP_TAG(PT_LONG, 0x6799) /* never set anywhere */

typedef struct Tags {
  ULONG cValues;
  ULONG aulPropTag[16];
} Tags;

#define TAGS(t) ((LPSPropTagArray)(void *)&(t))

typedef struct EntryId {
  ULONG cb;
  BYTE ab[64];
} EntryId;

#define EID(e) ((LPENTRYID)(void *)(e).ab)

static int bin_eq(const SBinary *b, const EntryId *e) {
  return b->cb == e->cb && e->cb > 0 && b->lpb && memcmp(b->lpb, e->ab, e->cb) == 0;
}

static void to_wide(WCHAR *dst, const char *src) {
  while ((*dst++ = (WCHAR)(unsigned char)*src++) != 0) {
  }
}

static int wide_eq(const WCHAR *w, const char *a) {
  if (!w || !a) return 0;
  for (; *a; a++, w++)
    if (*w != (WCHAR)(unsigned char)*a) return 0;
  return *w == 0;
}

/* The UTF-16 string `w` as ASCII ('?' for anything else), for messages. */
static const char *ascii(const WCHAR *w) {
  static char buf[4][80];
  static int slot;
  size_t i = 0;
  slot = (slot + 1) & 3;
  if (!w) return "(null)";
  for (; w[i] && i + 1 < sizeof buf[0]; i++) buf[slot][i] = w[i] < 0x80 ? (char)w[i] : '?';
  buf[slot][i] = 0;
  return buf[slot];
}

/* One property through Wine's HrGetOneProp (GetProps with an uninitialised
 * count), checked with FBadProp. */
static LPSPropValue get_one_f(void *obj, ULONG tag, int line) {
  LPSPropValue v = NULL;
  HRESULT hr = host_hr_get_one_prop(obj, tag, &v);
  host_check_hr(hr, S_OK, "HrGetOneProp", __FILE__, line);
  if (hr != S_OK || !v || v->ulPropTag != tag) {
    host_check(0, "property present with the expected tag", __FILE__, line);
    tb_free(v);
    return NULL;
  }
  return v;
}
#define get_one(obj, tag) get_one_f((obj), (tag), __LINE__)

static EntryId get_bin_f(void *obj, ULONG tag, int line) {
  EntryId e;
  LPSPropValue v = get_one_f(obj, tag, line);
  memset(&e, 0, sizeof e);
  if (v && v->Value.bin.cb > 0 && v->Value.bin.cb <= sizeof e.ab) {
    e.cb = v->Value.bin.cb;
    memcpy(e.ab, v->Value.bin.lpb, e.cb);
  } else {
    host_check(0, "binary property of 1..64 bytes", __FILE__, line);
  }
  tb_free(v);
  return e;
}
#define get_bin(obj, tag) get_bin_f((obj), (tag), __LINE__)

/* ---- rows ---------------------------------------------------------------- */

/* Wine's FreeProws: every row's lpProps (its own root buffer), then the
 * set (win_host.c checks they are live roots first). */
#define free_prows host_free_prows

/* MAPI's row-set layout, checked with Wine's FBadRowSet / FBadRow: the set
 * and each row's properties are root buffers of their own; each row has
 * values. */
static void check_layout_f(LPSRowSet rows, int line) {
  ULONG i;
  SRow *row;
  if (!rows) return;
  host_check_rows_f(rows, __FILE__, line);
  row = rows->aRow;
  for (i = 0; i < rows->cRows; i++)
    host_check(row[i].cValues > 0, "a row has values", __FILE__, line);
}
#define check_layout(rows) check_layout_f((rows), __LINE__)

/* QueryRows, the result's layout checked. */
static HRESULT query_rows(LPMAPITABLE t, LONG count, ULONG flags, LPSRowSet *rows) {
  HRESULT hr;
  *rows = NULL;
  hr = t->lpVtbl->QueryRows(t, count, flags, rows);
  if (hr == S_OK) check_layout(*rows);
  return hr;
}

/* HrQueryAllRows (mapiutil.h), host side: optional columns, restriction
 * and sort order (TBL_BATCH), then from the beginning the rows of several
 * QueryRows calls gathered into one set (the rows' property arrays move,
 * the sets of the pieces are freed): only correct when each row's lpProps
 * is its own root buffer. MAPI_E_TABLE_TOO_BIG past `max` rows (0: no
 * limit). */
#define QUERY_CHUNK 8
static HRESULT hr_query_all_rows(LPMAPITABLE t, LPSPropTagArray cols, LPSRestriction res,
                                 LPSSortOrderSet sort, LONG max, LPSRowSet *out) {
  HRESULT hr;
  ULONG count = 0;
  ULONG n = 0;
  LPSRowSet all = NULL;
  *out = NULL;
  if (cols && (hr = t->lpVtbl->SetColumns(t, cols, TBL_BATCH)) != S_OK) return hr;
  if (res && (hr = t->lpVtbl->Restrict(t, res, TBL_BATCH)) != S_OK) return hr;
  if (sort && (hr = t->lpVtbl->SortTable(t, sort, TBL_BATCH)) != S_OK) return hr;
  if ((hr = tbl_seek_row(t, BK_BEGINNING, 0, NULL)) != S_OK) return hr;
  if ((hr = t->lpVtbl->GetRowCount(t, 0, &count)) != S_OK) return hr;
  if (max > 0 && count > (ULONG)max) return MAPI_E_TABLE_TOO_BIG;
  if ((hr = tb_alloc((ULONG)CbNewSRowSet(count ? count : 1), (LPVOID *)&all)) != S_OK) return hr;
  all->cRows = 0;
  for (;;) {
    LPSRowSet piece = NULL;
    ULONG i;
    SRow *dst = all->aRow;
    SRow *src;
    hr = query_rows(t, QUERY_CHUNK, 0, &piece);
    if (hr != S_OK) break;
    if (!piece || piece->cRows == 0) {
      tb_free(piece);
      break;
    }
    src = piece->aRow;
    CHECK(n + piece->cRows <= count);
    for (i = 0; i < piece->cRows && n < count; i++) dst[n++] = src[i];
    for (; i < piece->cRows; i++) tb_free(src[i].lpProps);
    all->cRows = n;
    tb_free(piece); /* the set only: its rows moved */
  }
  if (hr != S_OK) {
    free_prows(all);
    return hr;
  }
  *out = all;
  return S_OK;
}

/* The value in column `col` of `row`, checked to carry `tag`. */
static const SPropValue *cell_f(const SRow *row, ULONG col, ULONG tag, int line) {
  if (col >= row->cValues || row->lpProps[col].ulPropTag != tag) {
    char what[96];
    snprintf(what, sizeof what, "column %lu has tag 0x%08lX (got 0x%08lX)", (unsigned long)col,
             (unsigned long)tag,
             col < row->cValues ? (unsigned long)row->lpProps[col].ulPropTag : 0ul);
    host_check(0, what, __FILE__, line);
    return NULL;
  }
  return &row->lpProps[col];
}
#define cell(row, col, tag) cell_f((row), (col), (tag), __LINE__)

/* Column `col` is a PT_ERROR cell of `tag` with MAPI_E_NOT_FOUND. */
static void check_not_found_f(const SRow *row, ULONG col, ULONG tag, int line) {
  const SPropValue *v = cell_f(row, col, ERROR_TAG(tag), line);
  if (v) host_check_hr(v->Value.err, MAPI_E_NOT_FOUND, "PT_ERROR cell", __FILE__, line);
}
#define check_not_found(row, col, tag) check_not_found_f((row), (col), (tag), __LINE__)

static int has_tag(LPSPropTagArray tags, ULONG tag) {
  ULONG i;
  for (i = 0; tags && i < tags->cValues; i++)
    if (tags->aulPropTag[i] == tag) return 1;
  return 0;
}

/* QueryColumns(flags): the tags, checked to include `want` (0-terminated)
 * and to exclude `unwanted` (0-terminated, may be NULL). */
static void check_columns_f(LPMAPITABLE t, ULONG flags, const ULONG *want, const ULONG *unwanted,
                            int line) {
  LPSPropTagArray got = NULL;
  host_check_hr(t->lpVtbl->QueryColumns(t, flags, &got), S_OK, "QueryColumns", __FILE__, line);
  host_check_tags_f(got, __FILE__, line); /* one root buffer, FBadColumnSet */
  for (; want && *want; want++) {
    if (!has_tag(got, *want)) {
      char what[64];
      snprintf(what, sizeof what, "QueryColumns lists 0x%08lX", (unsigned long)*want);
      host_check(0, what, __FILE__, line);
    }
  }
  for (; unwanted && *unwanted; unwanted++) {
    if (has_tag(got, *unwanted)) {
      char what[64];
      snprintf(what, sizeof what, "QueryColumns does not list 0x%08lX", (unsigned long)*unwanted);
      host_check(0, what, __FILE__, line);
    }
  }
  tb_free(got);
}
#define check_columns(t, flags, want, unwanted) \
  check_columns_f((t), (flags), (want), (unwanted), __LINE__)

static void check_position_f(LPMAPITABLE t, ULONG want_row, ULONG want_count, int line) {
  ULONG row = 77, num = 77, den = 77;
  host_check_hr(t->lpVtbl->QueryPosition(t, &row, &num, &den), S_OK, "QueryPosition", __FILE__,
                line);
  host_check_eq(row, want_row, "QueryPosition row", __FILE__, line);
  host_check_eq(num, want_row, "QueryPosition numerator", __FILE__, line);
  /* Never zero (Microsoft's QueryPosition page): an empty table is 0/1. */
  host_check_eq(den, want_count ? want_count : 1, "QueryPosition denominator", __FILE__, line);
}
#define check_position(t, row, count) check_position_f((t), (row), (count), __LINE__)

/* ---- sessions ------------------------------------------------------------ */

typedef struct Session {
  HostMalloc malloc;
  HostSupport support;
  IMSProvider *provider;
  IMSLogon *logon;
  IMsgStore *store;
} Session;

static int session_open(Session *s) {
  ULONG version = 0;
  LPMAPIERROR error = NULL;
  ULONG cb_spool = 0;
  LPBYTE spool = NULL;
  memset(s, 0, sizeof *s);
  host_malloc_init(&s->malloc);
  host_support_init(&s->support);
  CHECK_HR(provider_init(provider_module, host_malloc_iface(&s->malloc), host_allocate_buffer,
                         host_allocate_more, host_free_buffer, 0, CURRENT_SPI_VERSION, &version,
                         &s->provider),
           S_OK);
  if (!s->provider) return 0;
  CHECK_HR(s->provider->lpVtbl->Logon(s->provider, host_support_iface(&s->support), 0, NULL, 0,
                                      NULL, MDB_NO_DIALOG | MDB_WRITE, NULL, &cb_spool, &spool,
                                      &error, &s->logon, &s->store),
           S_OK);
  CHECK(error == NULL && spool == NULL);
  CHECK(s->logon != NULL && s->store != NULL);
  return s->logon && s->store;
}

/* IMSLogon::Logoff(&0) (maybe again: a no-op), the releases, Shutdown:
 * nothing of the library and no host buffer left. */
static void session_close(Session *s) {
  ULONG flags = 0;
  CHECK_HR(s->logon->lpVtbl->Logoff(s->logon, &flags), S_OK);
  CHECK_EQ(s->logon->lpVtbl->Release(s->logon), 0);
  CHECK_EQ(s->store->lpVtbl->Release(s->store), 0);
  flags = 0;
  CHECK_HR(s->provider->lpVtbl->Shutdown(s->provider, &flags), S_OK);
  CHECK_EQ(s->provider->lpVtbl->Release(s->provider), 0);
  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK_EQ(s->support.refs, 1);
  CHECK_EQ(s->support.releases, 1);
  CHECK_EQ(s->support.add_refs, s->support.releases);
  CHECK_EQ(s->malloc.add_refs, s->malloc.releases);
}

static LPUNKNOWN open_entry_f(IMsgStore *store, const EntryId *e, ULONG flags, ULONG want_type,
                              int line) {
  ULONG type = 0;
  LPUNKNOWN unk = NULL;
  HRESULT hr = store->lpVtbl->OpenEntry(store, e ? e->cb : 0, e ? EID(*e) : NULL, NULL, flags,
                                        &type, &unk);
  host_check_hr(hr, S_OK, "IMsgStore::OpenEntry", __FILE__, line);
  host_check_eq(type, want_type, "OpenEntry object type", __FILE__, line);
  return unk;
}
#define open_folder(store, e, flags) \
  ((LPMAPIFOLDER)(void *)open_entry_f((store), (e), (flags), MAPI_FOLDER, __LINE__))
#define open_message(store, e, flags) \
  ((LPMESSAGE)(void *)open_entry_f((store), (e), (flags), MAPI_MESSAGE, __LINE__))

static LPMAPIFOLDER create_folder_f(LPMAPIFOLDER parent, const char *name, int line) {
  LPMAPIFOLDER f = NULL;
  HRESULT hr = parent->lpVtbl->CreateFolder(parent, FOLDER_GENERIC, (LPTSTR)(void *)name, NULL,
                                            NULL, 0, &f);
  host_check_hr(hr, S_OK, "CreateFolder", __FILE__, line);
  return f;
}
#define create_folder(parent, name) create_folder_f((parent), (name), __LINE__)

/* GetReceiveFolder(cls): the folder's entry ID. */
static EntryId receive_folder(IMsgStore *store, const char *cls) {
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
  CHECK(explicit_class == NULL || host_is_root_buffer(explicit_class));
  if (eid && cb <= sizeof e.ab) {
    e.cb = cb;
    memcpy(e.ab, eid, cb);
  }
  tb_free(eid);
  tb_free(explicit_class);
  return e;
}

/* ===== 1. hierarchy tables ================================================= */

typedef struct FolderWant {
  const char *name;
  ULONG depth;
  int subfolders;
  EntryId eid;
} FolderWant;

/* MFCMAPI's hierarchy columns, then PR_DEPTH. */
enum { H_NAME, H_ENTRYID, H_KEY, H_SUBFOLDERS, H_CONTAINER_FLAGS, H_DEPTH, H_COLUMNS };

/* SetColumns(MFCMAPI's + PR_DEPTH), SeekRow(BOOKMARK_BEGINNING), QueryRows:
 * exactly `want`, in that order, unique instance keys; then an empty set. */
static void check_hierarchy(LPMAPITABLE t, const FolderWant *want, ULONG n) {
  Tags cols = {H_COLUMNS,
               {PR_DISPLAY_NAME_W, PR_ENTRYID, PR_INSTANCE_KEY, PR_SUBFOLDERS, PR_CONTAINER_FLAGS,
                PR_DEPTH}};
  LPSRowSet rows = NULL;
  LONG sought = 77;
  ULONG count = 77, status = 77, type = 77, r, q;
  SRow *row;

  CHECK_HR(t->lpVtbl->GetStatus(t, &status, &type), S_OK);
  CHECK_EQ(status, TBLSTAT_COMPLETE);
  CHECK_EQ(type, FOLDER_TABLE_TYPE);
  CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(cols), 0), S_OK);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
  CHECK_EQ(count, n);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 0, &sought), S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(query_rows(t, 50, 0, &rows), S_OK);
  if (!rows) return;
  CHECK_EQ(rows->cRows, n);
  row = rows->aRow;
  for (r = 0; r < rows->cRows && r < n; r++) {
    const SPropValue *name = cell(&row[r], H_NAME, PR_DISPLAY_NAME_W);
    const SPropValue *eid = cell(&row[r], H_ENTRYID, PR_ENTRYID);
    const SPropValue *key = cell(&row[r], H_KEY, PR_INSTANCE_KEY);
    const SPropValue *sub = cell(&row[r], H_SUBFOLDERS, PR_SUBFOLDERS);
    const SPropValue *depth = cell(&row[r], H_DEPTH, PR_DEPTH);
    CHECK_EQ(row[r].cValues, H_COLUMNS);
    if (name && !wide_eq(name->Value.lpszW, want[r].name)) {
      fprintf(stderr, "  row %lu: \"%s\", expected \"%s\"\n", (unsigned long)r,
              ascii(name->Value.lpszW), want[r].name);
      CHECK(0);
    }
    if (eid) CHECK(bin_eq(&eid->Value.bin, &want[r].eid));
    if (sub) CHECK_EQ(!!sub->Value.b, want[r].subfolders);
    if (depth) CHECK_EQ(depth->Value.l, want[r].depth);
    /* Folders carry no PR_CONTAINER_FLAGS (an address-book property). */
    check_not_found(&row[r], H_CONTAINER_FLAGS, PR_CONTAINER_FLAGS);
    if (!key) continue;
    CHECK(key->Value.bin.cb > 0 && key->Value.bin.lpb != NULL);
    for (q = 0; q < r; q++) {
      const SBinary *other = &row[q].lpProps[H_KEY].Value.bin;
      CHECK(!(other->cb == key->Value.bin.cb &&
              memcmp(other->lpb, key->Value.bin.lpb, other->cb) == 0));
    }
  }
  free_prows(rows);
  check_position(t, n, n);
  /* At the end: S_OK and an empty set (still one root buffer). */
  CHECK_HR(query_rows(t, 50, 0, &rows), S_OK);
  CHECK(rows != NULL && rows->cRows == 0);
  free_prows(rows);
}

static void hierarchy_tables(void) {
  Session s;
  LPMAPIFOLDER root = NULL, subtree = NULL, projects = NULL, year = NULL, q1 = NULL;
  LPMAPITABLE t = NULL;
  FolderWant tree[7];
  FolderWant top[3];
  FolderWant sub[7];
  static const ULONG wide_cols[] = {PR_ENTRYID, PR_INSTANCE_KEY, PR_DISPLAY_NAME_W,
                                    PR_SUBFOLDERS, PR_DEPTH, 0};
  static const ULONG narrow_cols[] = {PR_ENTRYID, PR_INSTANCE_KEY, PR_DISPLAY_NAME_A, 0};
  static const ULONG no_wide[] = {PR_DISPLAY_NAME_W, 0};
  static const ULONG no_narrow[] = {PR_DISPLAY_NAME_A, 0};
  EntryId subtree_eid;
  int i;

  if (!session_open(&s)) return;
  memset(tree, 0, sizeof tree);
  tree[0].name = "Top of Information Store";
  tree[0].subfolders = 1;
  tree[0].eid = get_bin(s.store, PR_IPM_SUBTREE_ENTRYID);
  tree[1].name = "Inbox";
  tree[1].eid = receive_folder(s.store, "IPM");
  tree[2].name = "Outbox";
  tree[2].eid = get_bin(s.store, PR_IPM_OUTBOX_ENTRYID);
  tree[3].name = "Sent Items";
  tree[3].eid = get_bin(s.store, PR_IPM_SENTMAIL_ENTRYID);
  tree[4].name = "Deleted Items";
  tree[4].eid = get_bin(s.store, PR_IPM_WASTEBASKET_ENTRYID);
  tree[5].name = "Views";
  tree[5].eid = get_bin(s.store, PR_VIEWS_ENTRYID);
  tree[6].name = "Common Views";
  tree[6].eid = get_bin(s.store, PR_COMMON_VIEWS_ENTRYID);
  for (i = 1; i <= 4; i++) tree[i].depth = 1;

  root = open_folder(s.store, NULL, MAPI_MODIFY);
  if (!root) return;

  /* The root, CONVENIENT_DEPTH: depth first, each folder before its
   * subfolders, PR_DEPTH counted from the root's children. */
  CHECK_HR(root->lpVtbl->GetHierarchyTable(root, CONVENIENT_DEPTH | MAPI_UNICODE, &t), S_OK);
  if (t) {
    check_columns(t, 0, wide_cols, no_narrow);
    check_hierarchy(t, tree, 7);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }
  /* The root's direct subfolders only. */
  top[0] = tree[0];
  top[1] = tree[5];
  top[2] = tree[6];
  CHECK_HR(root->lpVtbl->GetHierarchyTable(root, MAPI_UNICODE, &t), S_OK);
  if (t) {
    check_hierarchy(t, top, 3);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }

  /* The IPM subtree with Projects / 2024 / Q1 below it. */
  subtree = open_folder(s.store, &tree[0].eid, MAPI_MODIFY);
  if (!subtree) return;
  subtree_eid = get_bin(subtree, PR_ENTRYID);
  CHECK(subtree_eid.cb == tree[0].eid.cb);
  projects = create_folder(subtree, "Projects");
  if (projects) year = create_folder(projects, "2024");
  if (year) q1 = create_folder(year, "Q1");
  if (!projects || !year || !q1) return;
  memset(sub, 0, sizeof sub);
  for (i = 0; i < 4; i++) sub[i] = tree[i + 1];
  for (i = 0; i < 4; i++) sub[i].depth = 0;
  sub[4].name = "Projects";
  sub[4].subfolders = 1;
  sub[4].eid = get_bin(projects, PR_ENTRYID);
  sub[5].name = "2024";
  sub[5].subfolders = 1;
  sub[5].depth = 1;
  sub[5].eid = get_bin(year, PR_ENTRYID);
  sub[6].name = "Q1";
  sub[6].depth = 2;
  sub[6].eid = get_bin(q1, PR_ENTRYID);
  CHECK_HR(subtree->lpVtbl->GetHierarchyTable(subtree, CONVENIENT_DEPTH | MAPI_UNICODE, &t),
           S_OK);
  if (t) {
    check_hierarchy(t, sub, 7);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }

  /* OpenProperty(PR_CONTAINER_HIERARCHY, IID_IMAPITable): the direct
   * subfolders; MAPI_UNICODE in ulInterfaceOptions. */
  {
    LPUNKNOWN unk = NULL;
    CHECK_HR(subtree->lpVtbl->OpenProperty(subtree, PR_CONTAINER_HIERARCHY, &IID_IMAPITable,
                                           MAPI_UNICODE, 0, &unk),
             S_OK);
    t = (LPMAPITABLE)(void *)unk;
    if (t) {
      check_columns(t, 0, wide_cols, no_narrow);
      check_hierarchy(t, sub, 5);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
      t = NULL;
    }
    unk = (LPUNKNOWN)(void *)&unk;
    CHECK_HR(subtree->lpVtbl->OpenProperty(subtree, PR_CONTAINER_HIERARCHY, &host_IID_IStream, 0,
                                           0, &unk),
             MAPI_E_NO_SUPPORT);
    CHECK(unk == NULL);
  }

  /* Without MAPI_UNICODE: the default name column is 8-bit. */
  CHECK_HR(year->lpVtbl->GetHierarchyTable(year, 0, &t), S_OK);
  if (t) {
    LPSRowSet rows = NULL;
    check_columns(t, 0, narrow_cols, no_wide);
    CHECK_HR(query_rows(t, 10, 0, &rows), S_OK);
    if (rows && rows->cRows == 1) {
      LPSPropTagArray cols = NULL;
      ULONG c, at = 99;
      CHECK_HR(t->lpVtbl->QueryColumns(t, 0, &cols), S_OK);
      host_check_tags(cols);
      for (c = 0; cols && c < cols->cValues; c++)
        if (cols->aulPropTag[c] == PR_DISPLAY_NAME_A) at = c;
      if (at != 99) {
        const SPropValue *v = cell(&rows->aRow[0], at, PR_DISPLAY_NAME_A);
        CHECK(v && v->Value.lpszA && strcmp(v->Value.lpszA, "Q1") == 0);
      }
      tb_free(cols);
    } else {
      CHECK(0);
    }
    free_prows(rows);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }
  /* Bad flags; a folder without subfolders has an empty table. */
  t = (LPMAPITABLE)(void *)&t;
  CHECK_HR(root->lpVtbl->GetHierarchyTable(root, MAPI_ASSOCIATED, &t), MAPI_E_UNKNOWN_FLAGS);
  CHECK(t == NULL);
  CHECK_HR(root->lpVtbl->GetHierarchyTable(root, 0, NULL), MAPI_E_INVALID_PARAMETER);
  CHECK_HR(q1->lpVtbl->GetHierarchyTable(q1, CONVENIENT_DEPTH, &t), S_OK);
  if (t) {
    ULONG count = 77;
    LPSRowSet rows = NULL;
    CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
    CHECK_EQ(count, 0);
    CHECK_HR(query_rows(t, 1, 0, &rows), S_OK);
    CHECK(rows && rows->cRows == 0);
    free_prows(rows);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
  }

  CHECK_EQ(q1->lpVtbl->Release(q1), 0);
  CHECK_EQ(year->lpVtbl->Release(year), 0);
  CHECK_EQ(projects->lpVtbl->Release(projects), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  CHECK_EQ(root->lpVtbl->Release(root), 0);
  CHECK_EQ(live_objects(), 3);
  session_close(&s);
}

/* ===== 2. a contents table ================================================ */

#define MESSAGES 30
#define PAGE 7

typedef struct Msg {
  LONG seq;            /* T_SEQ: the creation index */
  const char *subject; /* NULL: no PR_SUBJECT */
  int has_importance;
  LONG importance;
  int has_rank;
  LONG rank; /* T_RANK, signed */
  int read;
  EntryId eid;
} Msg;

static Msg msgs[MESSAGES];

static const char *const kWords[7] = {"Tax return", "note",  "Note", "MIXED case",
                                      "syntax check", "zebra", "Alpha"};

/* The model: message i is "number" n = 7i mod 30 (created out of order). */
static void make_model(void) {
  int i;
  for (i = 0; i < MESSAGES; i++) {
    int n = (i * 7) % MESSAGES;
    Msg *m = &msgs[i];
    memset(m, 0, sizeof *m);
    m->seq = i;
    m->subject = n % 10 == 9 ? NULL : kWords[n % 7];
    m->has_importance = n % 4 != 3;
    m->importance = m->has_importance ? n % 3 : 0;
    m->has_rank = n % 3 != 0;
    m->rank = m->has_rank ? (n * 13) % 11 - 5 : 0;
    m->read = n % 5 == 0;
  }
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* The library's string order: case-insensitive, then case-sensitive. */
static int compare_strings(const char *a, const char *b) {
  size_t i;
  int c;
  for (i = 0; a[i] || b[i]; i++) {
    int d = lower((unsigned char)a[i]) - lower((unsigned char)b[i]);
    if (d) return d < 0 ? -1 : 1;
  }
  c = strcmp(a, b);
  return c < 0 ? -1 : c > 0;
}

/* Whether `hay` contains `needle`, ignoring case (ASCII). */
static int contains_ci(const char *hay, const char *needle) {
  size_t i, j;
  for (i = 0;; i++) {
    for (j = 0; needle[j]; j++)
      if (!hay[i + j] || lower((unsigned char)hay[i + j]) != lower((unsigned char)needle[j]))
        break;
    if (!needle[j]) return 1;
    if (!hay[i]) return 0;
  }
}

typedef struct Key {
  ULONG tag;
  int descending;
} Key;

static int cmp3(int has_a, int has_b, int c) {
  /* A missing value sorts first (ascending). */
  if (!has_a || !has_b) return has_a == has_b ? 0 : (has_a ? 1 : -1);
  return c;
}

static int cmp_long(LONG a, LONG b) { return a < b ? -1 : a > b; }

static int compare_key(const Msg *a, const Msg *b, ULONG tag) {
  switch (tag) {
    case PR_SUBJECT_W:
      return cmp3(a->subject != NULL, b->subject != NULL,
                  a->subject && b->subject ? compare_strings(a->subject, b->subject) : 0);
    case PR_IMPORTANCE:
      return cmp3(a->has_importance, b->has_importance, cmp_long(a->importance, b->importance));
    case T_RANK:
      return cmp3(a->has_rank, b->has_rank, cmp_long(a->rank, b->rank));
    case T_SEQ:
      return cmp_long(a->seq, b->seq);
    default:
      CHECK(0);
      return 0;
  }
}

static const Key *sort_keys;
static int sort_key_count;

static int compare_msgs(const Msg *a, const Msg *b) {
  int k;
  for (k = 0; k < sort_key_count; k++) {
    int c = compare_key(a, b, sort_keys[k].tag);
    if (c) return sort_keys[k].descending ? -c : c;
  }
  return 0;
}

static int qsort_msgs(const void *a, const void *b) {
  return compare_msgs(&msgs[*(const LONG *)a], &msgs[*(const LONG *)b]);
}

/* The model's seqs in the order of `keys` (all of them: a total order). */
static void model_order(const Key *keys, int nkeys, LONG out[MESSAGES]) {
  int i;
  for (i = 0; i < MESSAGES; i++) out[i] = i;
  sort_keys = keys;
  sort_key_count = nkeys;
  qsort(out, MESSAGES, sizeof out[0], qsort_msgs);
}

/* Columns of the contents table. */
enum { C_ENTRYID, C_KEY, C_SUBJECT, C_IMPORTANCE, C_SEQ, C_RANK, C_FLAGS, C_UNKNOWN, C_COLUMNS };

static const Tags contents_cols = {
    C_COLUMNS,
    {PR_ENTRYID, PR_INSTANCE_KEY, PR_SUBJECT_W, PR_IMPORTANCE, T_SEQ, T_RANK, PR_MESSAGE_FLAGS,
     T_UNKNOWN}};

/* One row of the contents columns against the model: its seq (-1 if bad). */
static LONG check_row_f(const SRow *row, int line) {
  const SPropValue *seq = cell_f(row, C_SEQ, T_SEQ, line);
  const Msg *m;
  const SPropValue *v;
  if (!seq || seq->Value.l < 0 || seq->Value.l >= MESSAGES) {
    host_check(0, "row with a valid T_SEQ", __FILE__, line);
    return -1;
  }
  m = &msgs[seq->Value.l];
  host_check_eq(row->cValues, C_COLUMNS, "row cValues", __FILE__, line);
  if ((v = cell_f(row, C_ENTRYID, PR_ENTRYID, line)) != NULL)
    host_check(bin_eq(&v->Value.bin, &m->eid), "row PR_ENTRYID", __FILE__, line);
  if ((v = cell_f(row, C_KEY, PR_INSTANCE_KEY, line)) != NULL)
    host_check(v->Value.bin.cb > 0 && v->Value.bin.lpb, "row PR_INSTANCE_KEY", __FILE__, line);
  if (m->subject) {
    if ((v = cell_f(row, C_SUBJECT, PR_SUBJECT_W, line)) != NULL &&
        !wide_eq(v->Value.lpszW, m->subject)) {
      fprintf(stderr, "  seq %ld: subject \"%s\", expected \"%s\"\n", (long)m->seq,
              ascii(v->Value.lpszW), m->subject);
      host_check(0, "row PR_SUBJECT_W", __FILE__, line);
    }
  } else {
    check_not_found_f(row, C_SUBJECT, PR_SUBJECT_W, line);
  }
  if (m->has_importance) {
    if ((v = cell_f(row, C_IMPORTANCE, PR_IMPORTANCE, line)) != NULL)
      host_check_eq(v->Value.l, m->importance, "row PR_IMPORTANCE", __FILE__, line);
  } else {
    check_not_found_f(row, C_IMPORTANCE, PR_IMPORTANCE, line);
  }
  if (m->has_rank) {
    if ((v = cell_f(row, C_RANK, T_RANK, line)) != NULL)
      host_check_eq(v->Value.l, m->rank, "row T_RANK", __FILE__, line);
  } else {
    check_not_found_f(row, C_RANK, T_RANK, line);
  }
  if ((v = cell_f(row, C_FLAGS, PR_MESSAGE_FLAGS, line)) != NULL)
    host_check_eq(!!(v->Value.ul & MSGFLAG_READ), m->read, "row MSGFLAG_READ", __FILE__, line);
  /* The unknown column: a PT_ERROR cell, never a failure. */
  check_not_found_f(row, C_UNKNOWN, T_UNKNOWN, line);
  return seq->Value.l;
}

/* Rows [first, first + n) of `order`, exactly. */
static void expect_rows_f(LPSRowSet rows, const LONG *order, ULONG first, ULONG n, int line) {
  ULONG r;
  if (!rows) {
    host_check(0, "a row set", __FILE__, line);
    return;
  }
  host_check_eq(rows->cRows, n, "cRows", __FILE__, line);
  for (r = 0; r < rows->cRows && r < n; r++) {
    LONG seq = check_row_f(&rows->aRow[r], line);
    if (seq != order[first + r]) {
      fprintf(stderr, "  row %lu: seq %ld, expected %ld\n", (unsigned long)(first + r), (long)seq,
              (long)order[first + r]);
      host_check(0, "row order", __FILE__, line);
    }
  }
}
#define expect_rows(rows, order, first, n) expect_rows_f((rows), (order), (first), (n), __LINE__)

/* The rows are every message once, in an order consistent with `keys`
 * (ties in any order). */
static void expect_sorted_f(LPSRowSet rows, const Key *keys, int nkeys, int line) {
  int seen[MESSAGES];
  ULONG r;
  LONG prev = -1;
  memset(seen, 0, sizeof seen);
  if (!rows) {
    host_check(0, "a row set", __FILE__, line);
    return;
  }
  host_check_eq(rows->cRows, MESSAGES, "cRows", __FILE__, line);
  sort_keys = keys;
  sort_key_count = nkeys;
  for (r = 0; r < rows->cRows; r++) {
    LONG seq = check_row_f(&rows->aRow[r], line);
    if (seq < 0) continue;
    host_check(!seen[seq], "each message once", __FILE__, line);
    seen[seq] = 1;
    if (prev >= 0 && compare_msgs(&msgs[prev], &msgs[seq]) > 0) {
      fprintf(stderr, "  rows %lu/%lu: seq %ld before seq %ld\n", (unsigned long)r - 1,
              (unsigned long)r, (long)prev, (long)seq);
      host_check(0, "sort order", __FILE__, line);
    }
    prev = seq;
  }
}
#define expect_sorted(rows, keys, n) expect_sorted_f((rows), (keys), (n), __LINE__)

typedef SizedSSortOrderSet(3, SortOrder3);

static SortOrder3 sort_order_of(const Key *keys, int n) {
  SortOrder3 s;
  int i;
  memset(&s, 0, sizeof s);
  s.cSorts = (ULONG)n;
  for (i = 0; i < n && i < 3; i++) {
    s.aSort[i].ulPropTag = keys[i].tag;
    s.aSort[i].ulOrder = keys[i].descending ? TABLE_SORT_DESCEND : TABLE_SORT_ASCEND;
  }
  return s;
}

/* SortTable(keys); QuerySortOrder says exactly that; the cursor is at the
 * beginning. */
static void sort_by_f(LPMAPITABLE t, const Key *keys, int n, int line) {
  SortOrder3 s = sort_order_of(keys, n);
  LPSSortOrderSet got = NULL;
  int i;
  host_check_hr(tbl_seek_row(t, BK_END, 0, NULL), S_OK, "SeekRow(END)", __FILE__, line);
  host_check_hr(t->lpVtbl->SortTable(t, (LPSSortOrderSet)(void *)&s, 0), S_OK, "SortTable",
                __FILE__, line);
  host_check_hr(t->lpVtbl->QuerySortOrder(t, &got), S_OK, "QuerySortOrder", __FILE__, line);
  host_check(is_root_buffer(got), "QuerySortOrder: one root buffer", __FILE__, line);
  if (got) {
    host_check_eq(got->cSorts, n, "cSorts", __FILE__, line);
    host_check_eq(got->cCategories, 0, "cCategories", __FILE__, line);
    host_check_eq(got->cExpanded, 0, "cExpanded", __FILE__, line);
    for (i = 0; i < n && (ULONG)i < got->cSorts; i++) {
      host_check_eq(got->aSort[i].ulPropTag, keys[i].tag, "sort key tag", __FILE__, line);
      host_check_eq(got->aSort[i].ulOrder,
                    keys[i].descending ? TABLE_SORT_DESCEND : TABLE_SORT_ASCEND, "sort key order",
                    __FILE__, line);
    }
  }
  tb_free(got);
  check_position_f(t, 0, MESSAGES, line);
}
#define sort_by(t, keys, n) sort_by_f((t), (keys), (n), __LINE__)

/* The 30 messages and two associated ones, saved in `folder`. */
static void make_messages(LPMAPIFOLDER folder) {
  int i;
  SBinary read_bins[MESSAGES];
  ENTRYLIST read_list;
  read_list.cValues = 0;
  read_list.lpbin = read_bins;
  for (i = 0; i < MESSAGES; i++) {
    Msg *m = &msgs[i];
    LPMESSAGE msg = NULL;
    WCHAR subject[32];
    SPropValue v[4];
    ULONG n = 0;
    memset(v, 0, sizeof v);
    v[n].ulPropTag = T_SEQ;
    v[n++].Value.l = m->seq;
    if (m->subject) {
      to_wide(subject, m->subject);
      v[n].ulPropTag = PR_SUBJECT_W;
      v[n++].Value.lpszW = subject;
    }
    if (m->has_importance) {
      v[n].ulPropTag = PR_IMPORTANCE;
      v[n++].Value.l = m->importance;
    }
    if (m->has_rank) {
      v[n].ulPropTag = T_RANK;
      v[n++].Value.l = m->rank;
    }
    CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, 0, &msg), S_OK);
    if (!msg) continue;
    CHECK_HR(msg->lpVtbl->SetProps(msg, n, v, NULL), S_OK);
    CHECK_HR(msg->lpVtbl->SaveChanges(msg, KEEP_OPEN_READWRITE), S_OK);
    m->eid = get_bin(msg, PR_ENTRYID);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
    if (m->read) {
      read_bins[read_list.cValues].cb = m->eid.cb;
      read_bins[read_list.cValues].lpb = m->eid.ab;
      read_list.cValues++;
    }
  }
  CHECK(read_list.cValues > 0);
  /* ulUIParam 0: see the top. */
  CHECK_HR(folder->lpVtbl->SetReadFlags(folder, &read_list, 0, NULL, 0), S_OK);
  for (i = 0; i < 2; i++) {
    LPMESSAGE msg = NULL;
    SPropValue v;
    memset(&v, 0, sizeof v);
    v.ulPropTag = PR_SUBJECT_A;
    v.Value.lpszA = (LPSTR)(void *)(i ? "view 2" : "view 1");
    CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, MAPI_ASSOCIATED, &msg), S_OK);
    if (!msg) continue;
    CHECK_HR(msg->lpVtbl->SetProps(msg, 1, &v, NULL), S_OK);
    CHECK_HR(msg->lpVtbl->SaveChanges(msg, 0), S_OK);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  }
}

/* Every row's values equal what the opened message's GetProps says. */
static void rows_match_getprops(IMsgStore *store, LPSRowSet rows) {
  ULONG r;
  for (r = 0; rows && r < rows->cRows; r++) {
    const SRow *row = &rows->aRow[r];
    SizedSPropTagArray(5, tags) = {
        5, {PR_SUBJECT_W, PR_IMPORTANCE, T_SEQ, T_RANK, PR_MESSAGE_FLAGS}};
    static const ULONG cols[5] = {C_SUBJECT, C_IMPORTANCE, C_SEQ, C_RANK, C_FLAGS};
    const SPropValue *eid = cell(row, C_ENTRYID, PR_ENTRYID);
    EntryId e;
    LPMESSAGE msg;
    LPSPropValue v = NULL;
    ULONG n = 0, i;
    if (!eid || eid->Value.bin.cb > sizeof e.ab) continue;
    e.cb = eid->Value.bin.cb;
    memcpy(e.ab, eid->Value.bin.lpb, e.cb);
    msg = open_message(store, &e, 0);
    if (!msg) continue;
    /* S_OK, or MAPI_W_ERRORS_RETURNED when the row has PT_ERROR cells. */
    {
      HRESULT hr = msg->lpVtbl->GetProps(msg, TAGS(tags), 0, &n, &v);
      int errors = 0;
      for (i = 0; i < 5; i++)
        if (PROP_TYPE(row->lpProps[cols[i]].ulPropTag) == PT_ERROR) errors = 1;
      CHECK_HR(hr, errors ? MAPI_W_ERRORS_RETURNED : S_OK);
      host_check_props(n, v);
    }
    CHECK_EQ(n, 5);
    for (i = 0; v && i < 5 && i < n; i++) {
      const SPropValue *c = &row->lpProps[cols[i]];
      CHECK_EQ(v[i].ulPropTag, c->ulPropTag);
      if (v[i].ulPropTag != c->ulPropTag) continue;
      switch (PROP_TYPE(c->ulPropTag)) {
        case PT_UNICODE:
          CHECK(v[i].Value.lpszW && c->Value.lpszW &&
                wcscmp(v[i].Value.lpszW, c->Value.lpszW) == 0);
          break;
        case PT_ERROR:
          CHECK_HR(v[i].Value.err, c->Value.err);
          break;
        default:
          CHECK_EQ(v[i].Value.l, c->Value.l);
      }
    }
    tb_free(v);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  }
}

/* ---- restrictions ---- */

enum {
  R_IMPORTANCE_EQ_2,   /* RES_PROPERTY PR_IMPORTANCE == 2 */
  R_TAX_IGNORECASE,    /* RES_CONTENT FL_SUBSTRING | FL_IGNORECASE "TAX" */
  R_TAX_CASE,          /* RES_CONTENT FL_SUBSTRING "Tax" */
  R_NOTE_PREFIX,       /* RES_CONTENT FL_PREFIX | FL_IGNORECASE "NOTE" */
  R_HAS_IMPORTANCE,    /* RES_EXIST PR_IMPORTANCE */
  R_NO_SUBJECT,        /* RES_NOT(RES_EXIST PR_SUBJECT_W) */
  R_READ,              /* RES_BITMASK BMR_NEZ PR_MESSAGE_FLAGS MSGFLAG_READ */
  R_UNREAD,            /* RES_BITMASK BMR_EQZ PR_MESSAGE_FLAGS MSGFLAG_READ */
  R_OR,                /* RES_OR(importance == 2, note prefix) */
  R_AND_NOT,           /* RES_AND(T_RANK < 0, RES_NOT(tax, any case)) */
  R_SUBJECT_A_EQ,      /* RES_PROPERTY PR_SUBJECT_A == "zebra" (8-bit value) */
  R_RANK_GE_NOT_READ,  /* RES_AND(T_RANK >= -2, RES_NOT(read), RES_EXIST subject) */
  R_CASES
};

static int model_matches(int which, const Msg *m) {
  switch (which) {
    case R_IMPORTANCE_EQ_2:
      return m->has_importance && m->importance == 2;
    case R_TAX_IGNORECASE:
      return m->subject && contains_ci(m->subject, "tax");
    case R_TAX_CASE:
      return m->subject && strstr(m->subject, "Tax") != NULL;
    case R_NOTE_PREFIX:
      return m->subject && lower((unsigned char)m->subject[0]) == 'n' &&
             lower((unsigned char)m->subject[1]) == 'o' &&
             lower((unsigned char)m->subject[2]) == 't' &&
             lower((unsigned char)m->subject[3]) == 'e';
    case R_HAS_IMPORTANCE:
      return m->has_importance;
    case R_NO_SUBJECT:
      return !m->subject;
    case R_READ:
      return m->read;
    case R_UNREAD:
      return !m->read;
    case R_OR:
      return model_matches(R_IMPORTANCE_EQ_2, m) || model_matches(R_NOTE_PREFIX, m);
    case R_AND_NOT:
      return m->has_rank && m->rank < 0 && !model_matches(R_TAX_IGNORECASE, m);
    case R_SUBJECT_A_EQ:
      return m->subject && strcmp(m->subject, "zebra") == 0;
    case R_RANK_GE_NOT_READ:
      return m->has_rank && m->rank >= -2 && !m->read && m->subject;
    default:
      return 0;
  }
}

/* Storage for one restriction tree. */
typedef struct Res {
  SRestriction top;
  SRestriction parts[3];
  SRestriction inner[2];
  SPropValue values[3];
  WCHAR text[3][16];
} Res;

static void res_content(SRestriction *r, SPropValue *v, WCHAR *buf, const char *text, ULONG fuzzy) {
  to_wide(buf, text);
  memset(v, 0, sizeof *v);
  v->ulPropTag = PR_SUBJECT_W;
  v->Value.lpszW = buf;
  memset(r, 0, sizeof *r);
  r->rt = RES_CONTENT;
  r->res.resContent.ulFuzzyLevel = fuzzy;
  r->res.resContent.ulPropTag = PR_SUBJECT_W;
  r->res.resContent.lpProp = v;
}

static void res_long(SRestriction *r, SPropValue *v, ULONG relop, ULONG tag, LONG value) {
  memset(v, 0, sizeof *v);
  v->ulPropTag = tag;
  v->Value.l = value;
  memset(r, 0, sizeof *r);
  r->rt = RES_PROPERTY;
  r->res.resProperty.relop = relop;
  r->res.resProperty.ulPropTag = tag;
  r->res.resProperty.lpProp = v;
}

static void res_exist(SRestriction *r, ULONG tag) {
  memset(r, 0, sizeof *r);
  r->rt = RES_EXIST;
  r->res.resExist.ulPropTag = tag;
}

static void res_read(SRestriction *r, ULONG relbmr) {
  memset(r, 0, sizeof *r);
  r->rt = RES_BITMASK;
  r->res.resBitMask.relBMR = relbmr;
  r->res.resBitMask.ulPropTag = PR_MESSAGE_FLAGS;
  r->res.resBitMask.ulMask = MSGFLAG_READ;
}

static void res_not(SRestriction *r, SRestriction *inner) {
  memset(r, 0, sizeof *r);
  r->rt = RES_NOT;
  r->res.resNot.lpRes = inner;
}

static void res_list(SRestriction *r, ULONG rt, SRestriction *parts, ULONG n) {
  memset(r, 0, sizeof *r);
  r->rt = rt;
  if (rt == RES_AND) {
    r->res.resAnd.cRes = n;
    r->res.resAnd.lpRes = parts;
  } else {
    r->res.resOr.cRes = n;
    r->res.resOr.lpRes = parts;
  }
}

static LPSRestriction build(Res *x, int which) {
  memset(x, 0, sizeof *x);
  switch (which) {
    case R_IMPORTANCE_EQ_2:
      res_long(&x->top, &x->values[0], RELOP_EQ, PR_IMPORTANCE, 2);
      break;
    case R_TAX_IGNORECASE:
      res_content(&x->top, &x->values[0], x->text[0], "TAX", FL_SUBSTRING | FL_IGNORECASE);
      break;
    case R_TAX_CASE:
      res_content(&x->top, &x->values[0], x->text[0], "Tax", FL_SUBSTRING);
      break;
    case R_NOTE_PREFIX:
      res_content(&x->top, &x->values[0], x->text[0], "NOTE", FL_PREFIX | FL_IGNORECASE);
      break;
    case R_HAS_IMPORTANCE:
      res_exist(&x->top, PR_IMPORTANCE);
      break;
    case R_NO_SUBJECT:
      res_exist(&x->inner[0], PR_SUBJECT_W);
      res_not(&x->top, &x->inner[0]);
      break;
    case R_READ:
      res_read(&x->top, BMR_NEZ);
      break;
    case R_UNREAD:
      res_read(&x->top, BMR_EQZ);
      break;
    case R_OR:
      res_long(&x->parts[0], &x->values[0], RELOP_EQ, PR_IMPORTANCE, 2);
      res_content(&x->parts[1], &x->values[1], x->text[1], "NOTE", FL_PREFIX | FL_IGNORECASE);
      res_list(&x->top, RES_OR, x->parts, 2);
      break;
    case R_AND_NOT:
      res_long(&x->parts[0], &x->values[0], RELOP_LT, T_RANK, 0);
      res_content(&x->inner[0], &x->values[1], x->text[1], "tax", FL_SUBSTRING | FL_IGNORECASE);
      res_not(&x->parts[1], &x->inner[0]);
      res_list(&x->top, RES_AND, x->parts, 2);
      break;
    case R_SUBJECT_A_EQ:
      memset(&x->values[0], 0, sizeof x->values[0]);
      x->values[0].ulPropTag = PR_SUBJECT_A;
      x->values[0].Value.lpszA = (LPSTR)(void *)"zebra";
      x->top.rt = RES_PROPERTY;
      x->top.res.resProperty.relop = RELOP_EQ;
      x->top.res.resProperty.ulPropTag = PR_SUBJECT_A;
      x->top.res.resProperty.lpProp = &x->values[0];
      break;
    case R_RANK_GE_NOT_READ:
      res_long(&x->parts[0], &x->values[0], RELOP_GE, T_RANK, -2);
      res_read(&x->inner[0], BMR_NEZ);
      res_not(&x->parts[1], &x->inner[0]);
      res_exist(&x->parts[2], PR_SUBJECT_W);
      res_list(&x->top, RES_AND, x->parts, 3);
      break;
    default:
      CHECK(0);
  }
  return &x->top;
}

/* Restrict(which): the rows are exactly the model's matches, in `order`. */
static void check_restriction(LPMAPITABLE t, int which, const LONG order[MESSAGES]) {
  Res x;
  LONG want[MESSAGES];
  ULONG n = 0, count = 77;
  int i;
  LPSRowSet rows = NULL;
  for (i = 0; i < MESSAGES; i++)
    if (model_matches(which, &msgs[order[i]])) want[n++] = order[i];
  if (n == 0 || n == MESSAGES) {
    fprintf(stderr, "  restriction %d matches %lu of the messages: a weak case\n", which,
            (unsigned long)n);
    CHECK(0);
  }
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 5, NULL), S_OK);
  CHECK_HR(t->lpVtbl->Restrict(t, build(&x, which), 0), S_OK);
  check_position(t, 0, n); /* Restrict moves to the beginning */
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
  if (count != n) fprintf(stderr, "  restriction %d: %lu rows, expected %lu\n", which,
                          (unsigned long)count, (unsigned long)n);
  CHECK_EQ(count, n);
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
  expect_rows(rows, want, 0, n);
  free_prows(rows);
}

static void contents_table(void) {
  Session s;
  LPMAPIFOLDER subtree, folder;
  LPMAPITABLE t = NULL;
  LPSRowSet rows = NULL;
  ULONG count = 77, status = 77, type = 77, seen = 0;
  LONG sought = 77;
  LONG order[MESSAGES];
  int pages = 0, i, which;
  static const ULONG default_cols[] = {PR_ENTRYID, PR_INSTANCE_KEY, PR_SUBJECT_W,
                                       PR_MESSAGE_FLAGS, PR_MESSAGE_SIZE, 0};
  static const ULONG all_cols[] = {PR_ENTRYID,      PR_INSTANCE_KEY, PR_SUBJECT_W,
                                   PR_IMPORTANCE,   PR_MESSAGE_SIZE, PR_MESSAGE_FLAGS,
                                   PR_MESSAGE_CLASS_W, 0};
  static const ULONG narrow[] = {PR_SUBJECT_A, PR_MESSAGE_CLASS_A, 0};
  /* The sorts: two keys with ties; three keys, a total order; one key
   * with missing values and negative numbers, both ways. */
  static const Key two[2] = {{PR_IMPORTANCE, 1}, {PR_SUBJECT_W, 0}};
  static const Key three[3] = {{PR_SUBJECT_W, 0}, {T_RANK, 1}, {T_SEQ, 0}};
  static const Key rank_up[2] = {{T_RANK, 0}, {T_SEQ, 1}};
  static const Key rank_down[1] = {{T_RANK, 1}};

  if (!session_open(&s)) return;
  make_model();
  {
    EntryId se = get_bin(s.store, PR_IPM_SUBTREE_ENTRYID);
    subtree = open_folder(s.store, &se, MAPI_MODIFY);
  }
  if (!subtree) return;
  folder = create_folder(subtree, "Tables");
  if (!folder) return;
  make_messages(folder);

  /* MFCMAPI's contents sequence: GetContentsTable, GetStatus,
   * QueryColumns, SetColumns(TBL_BATCH), Restrict, SeekRow, GetRowCount,
   * QueryRows + FreeProws until an empty set. */
  t = (LPMAPITABLE)(void *)&t;
  CHECK_HR(folder->lpVtbl->GetContentsTable(folder, 0x01000000, &t), MAPI_E_UNKNOWN_FLAGS);
  CHECK(t == NULL);
  CHECK_HR(folder->lpVtbl->GetContentsTable(folder, MAPI_UNICODE, &t), S_OK);
  if (!t) return;
  CHECK_HR(t->lpVtbl->GetStatus(t, &status, &type), S_OK);
  CHECK_EQ(status, TBLSTAT_COMPLETE);
  CHECK_EQ(type, FOLDER_TABLE_TYPE);
  check_columns(t, 0, default_cols, narrow);
  check_columns(t, TBL_ALL_COLUMNS, all_cols, narrow);
  CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(contents_cols), TBL_BATCH), S_OK);
  {
    LPSPropTagArray got = NULL;
    CHECK_HR(t->lpVtbl->QueryColumns(t, 0, &got), S_OK);
    host_check_tags(got);
    CHECK(got && got->cValues == C_COLUMNS);
    for (i = 0; got && i < C_COLUMNS && (ULONG)i < got->cValues; i++)
      CHECK_EQ(got->aulPropTag[i], contents_cols.aulPropTag[i]);
    tb_free(got);
  }
  CHECK_HR(t->lpVtbl->Restrict(t, NULL, TBL_BATCH), S_OK);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 0, &sought), S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
  CHECK_EQ(count, MESSAGES);

  /* Unsorted: every message once (in the table's own order). */
  for (;;) {
    ULONG n;
    CHECK_HR(query_rows(t, PAGE, 0, &rows), S_OK);
    if (!rows) break;
    n = rows->cRows;
    pages++;
    if (n) CHECK_EQ(n, seen + PAGE <= MESSAGES ? PAGE : MESSAGES - seen);
    for (i = 0; (ULONG)i < n; i++) check_row_f(&rows->aRow[i], __LINE__);
    seen += n;
    free_prows(rows);
    rows = NULL;
    if (n == 0 || pages > MESSAGES) break;
  }
  CHECK_EQ(seen, MESSAGES);
  CHECK_EQ(pages, (MESSAGES + PAGE - 1) / PAGE + 1); /* 7, 7, 7, 7, 2, 0 */
  check_position(t, MESSAGES, MESSAGES);
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
  if (rows) {
    ULONG r, q;
    CHECK_EQ(rows->cRows, MESSAGES);
    /* PR_INSTANCE_KEY: unique. */
    for (r = 0; r < rows->cRows; r++) {
      const SBinary *a = &rows->aRow[r].lpProps[C_KEY].Value.bin;
      for (q = 0; q < r; q++) {
        const SBinary *b = &rows->aRow[q].lpProps[C_KEY].Value.bin;
        CHECK(!(a->cb == b->cb && memcmp(a->lpb, b->lpb, a->cb) == 0));
      }
    }
    rows_match_getprops(s.store, rows);
  }
  free_prows(rows);
  rows = NULL;
  {
    LPSRowSet small = (LPSRowSet)(void *)&small;
    CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 10, &small), MAPI_E_TABLE_TOO_BIG);
    CHECK(small == NULL);
  }

  /* SortTable, two keys with ties: PR_IMPORTANCE descending (missing
   * last), PR_SUBJECT ascending (missing first; "Note" < "note"). */
  sort_by(t, two, 2);
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
  expect_sorted(rows, two, 2);
  free_prows(rows);
  /* One key, both ways (signed values, missing first / last). */
  sort_by(t, rank_down, 1);
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
  expect_sorted(rows, rank_down, 1);
  free_prows(rows);
  sort_by(t, rank_up, 2);
  model_order(rank_up, 2, order);
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
  expect_rows(rows, order, 0, MESSAGES);
  CHECK(!msgs[order[0]].has_rank);            /* missing first */
  CHECK(msgs[order[MESSAGES - 1]].has_rank);  /* the largest last */
  free_prows(rows);
  /* HrQueryAllRows with a sort order of its own (TBL_BATCH). */
  {
    SortOrder3 so = sort_order_of(three, 3);
    model_order(three, 3, order);
    CHECK_HR(hr_query_all_rows(t, NULL, NULL, (LPSSortOrderSet)(void *)&so, 0, &rows), S_OK);
    expect_rows(rows, order, 0, MESSAGES);
    free_prows(rows);
  }
  /* Three keys: the exact order, page by page. */
  sort_by(t, three, 3);
  seen = 0;
  for (;;) {
    ULONG n;
    CHECK_HR(query_rows(t, PAGE, 0, &rows), S_OK);
    if (!rows) break;
    n = rows->cRows;
    if (n) expect_rows(rows, order, seen, n);
    seen += n;
    free_prows(rows);
    rows = NULL;
    if (n == 0 || seen > MESSAGES) break;
  }
  CHECK_EQ(seen, MESSAGES);

  /* Restrict: each case's rows, in the sort order. */
  for (which = 0; which < R_CASES; which++) check_restriction(t, which, order);
  CHECK_HR(t->lpVtbl->Restrict(t, NULL, 0), S_OK);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
  CHECK_EQ(count, MESSAGES);

  /* SeekRow / QueryPosition. */
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 5, &sought), S_OK);
  CHECK_EQ(sought, 5);
  CHECK_HR(tbl_seek_row(t, BK_CURRENT, 3, &sought), S_OK);
  CHECK_EQ(sought, 3);
  check_position(t, 8, MESSAGES);
  CHECK_HR(tbl_seek_row(t, BK_CURRENT, -10, &sought), S_OK);
  CHECK_EQ(sought, -8); /* clipped at the beginning */
  check_position(t, 0, MESSAGES);
  CHECK_HR(tbl_seek_row(t, BK_END, -4, &sought), S_OK);
  CHECK_EQ(sought, -4);
  check_position(t, MESSAGES - 4, MESSAGES);
  CHECK_HR(query_rows(t, 10, 0, &rows), S_OK);
  expect_rows(rows, order, MESSAGES - 4, 4);
  free_prows(rows);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 26, &sought), S_OK);
  CHECK_HR(tbl_seek_row(t, BK_CURRENT, 100, &sought), S_OK);
  CHECK_EQ(sought, 4); /* clipped at the end */
  check_position(t, MESSAGES, MESSAGES);
  CHECK_HR(tbl_seek_row(t, BK_END, 1, &sought), S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, -1, &sought), S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 2, NULL), S_OK); /* lplRowsSought optional */
  check_position(t, 2, MESSAGES);

  /* SeekRowApprox. */
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 1, 2), S_OK);
  check_position(t, MESSAGES / 2, MESSAGES);
  CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
  expect_rows(rows, order, MESSAGES / 2, 1);
  free_prows(rows);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 2, 3), S_OK);
  check_position(t, 20, MESSAGES);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 1, 1), S_OK);
  check_position(t, MESSAGES, MESSAGES);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 0, 7), S_OK);
  check_position(t, 0, MESSAGES);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 3, 2), MAPI_E_INVALID_PARAMETER);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 1, 0), MAPI_E_INVALID_PARAMETER);
  check_position(t, 0, MESSAGES);

  /* FindRow: the rows whose subject contains "tax" in any case. */
  {
    Res x;
    LONG matches[MESSAGES];
    ULONG nm = 0, pos[MESSAGES];
    LPSRestriction tax = build(&x, R_TAX_IGNORECASE);
    LPSRestriction none;
    Res y;
    for (i = 0; i < MESSAGES; i++)
      if (model_matches(R_TAX_IGNORECASE, &msgs[order[i]])) {
        matches[nm] = order[i];
        pos[nm++] = (ULONG)i;
      }
    CHECK(nm >= 3);
    /* Forward from the beginning: the first. */
    CHECK_HR(tbl_find_row(t, tax, BK_BEGINNING, 0), S_OK);
    check_position(t, pos[0], MESSAGES);
    /* Forward from the current row: that row itself... */
    CHECK_HR(tbl_find_row(t, tax, BK_CURRENT, 0), S_OK);
    check_position(t, pos[0], MESSAGES);
    /* ...so "find next" steps over it first. */
    CHECK_HR(tbl_seek_row(t, BK_CURRENT, 1, NULL), S_OK);
    CHECK_HR(tbl_find_row(t, tax, BK_CURRENT, 0), S_OK);
    check_position(t, pos[1], MESSAGES);
    CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
    expect_rows(rows, matches, 1, 1);
    free_prows(rows);
    /* Backward from the end: the last; backward from the current row:
     * the one before it (the search starts at the row before). */
    CHECK_HR(tbl_find_row(t, tax, BK_END, DIR_BACKWARD), S_OK);
    check_position(t, pos[nm - 1], MESSAGES);
    CHECK_HR(tbl_find_row(t, tax, BK_CURRENT, DIR_BACKWARD), S_OK);
    check_position(t, pos[nm - 2], MESSAGES);
    /* Backward from the beginning: nothing; the cursor stays. */
    CHECK_HR(tbl_find_row(t, tax, BK_BEGINNING, DIR_BACKWARD), MAPI_E_NOT_FOUND);
    check_position(t, pos[nm - 2], MESSAGES);
    /* Forward from the end: nothing. */
    CHECK_HR(tbl_find_row(t, tax, BK_END, 0), MAPI_E_NOT_FOUND);
    check_position(t, pos[nm - 2], MESSAGES);
    /* A restriction no row meets. */
    none = build(&y, R_SUBJECT_A_EQ);
    y.values[0].Value.lpszA = (LPSTR)(void *)"no such subject";
    CHECK_HR(tbl_find_row(t, none, BK_BEGINNING, 0), MAPI_E_NOT_FOUND);
    check_position(t, pos[nm - 2], MESSAGES);
    /* An 8-bit value against the wide subjects. */
    y.values[0].Value.lpszA = (LPSTR)(void *)"zebra";
    CHECK_HR(tbl_find_row(t, none, BK_BEGINNING, 0), S_OK);
    CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
    if (rows && rows->cRows == 1) {
      LONG seq = check_row_f(&rows->aRow[0], __LINE__);
      CHECK(seq >= 0 && msgs[seq].subject && strcmp(msgs[seq].subject, "zebra") == 0);
    }
    free_prows(rows);
  }

  /* FindRow by PR_INSTANCE_KEY (every table must support it). */
  {
    LONG target = order[17];
    BYTE key[64];
    ULONG cb = 0;
    SPropValue v;
    SRestriction r;
    CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 17, NULL), S_OK);
    CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
    if (rows && rows->cRows == 1 && rows->aRow[0].lpProps[C_KEY].Value.bin.cb <= sizeof key) {
      cb = rows->aRow[0].lpProps[C_KEY].Value.bin.cb;
      memcpy(key, rows->aRow[0].lpProps[C_KEY].Value.bin.lpb, cb);
    }
    free_prows(rows);
    CHECK(cb > 0);
    memset(&v, 0, sizeof v);
    v.ulPropTag = PR_INSTANCE_KEY;
    v.Value.bin.cb = cb;
    v.Value.bin.lpb = key;
    memset(&r, 0, sizeof r);
    r.rt = RES_PROPERTY;
    r.res.resProperty.relop = RELOP_EQ;
    r.res.resProperty.ulPropTag = PR_INSTANCE_KEY;
    r.res.resProperty.lpProp = &v;
    CHECK_HR(tbl_find_row(t, &r, BK_BEGINNING, 0), S_OK);
    check_position(t, 17, MESSAGES);
    CHECK_HR(tbl_find_row(t, &r, BK_END, DIR_BACKWARD), S_OK);
    check_position(t, 17, MESSAGES);
    CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
    expect_rows(rows, &target, 0, 1);
    free_prows(rows);
  }

  /* Bookmarks: written in full (pointer-sized), distinct from the fixed
   * origins; create at row 11, move, come back. */
  {
    ULONG_PTR mark = BOOKMARK_CANARY, mark2 = BOOKMARK_CANARY, freed;
    const ULONG k = 11;
    Res x;
    CHECK_HR(tbl_seek_row(t, BK_BEGINNING, (LONG)k, NULL), S_OK);
    CHECK_HR(tbl_create_bookmark(t, &mark), S_OK);
    CHECK(mark != BOOKMARK_CANARY);
    CHECK(mark <= (ULONG_PTR)0xFFFFFFFFu); /* all of it written */
    CHECK(mark != BK_BEGINNING && mark != BK_CURRENT && mark != BK_END);
    CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 3, NULL), S_OK);
    CHECK_HR(tbl_create_bookmark(t, &mark2), S_OK);
    CHECK(mark2 != mark && mark2 <= (ULONG_PTR)0xFFFFFFFFu);
    CHECK_HR(tbl_seek_row(t, BK_END, -1, &sought), S_OK);
    CHECK_EQ(sought, -1);
    CHECK_HR(tbl_seek_row(t, mark, 0, &sought), S_OK);
    CHECK_EQ(sought, 0);
    check_position(t, k, MESSAGES);
    CHECK_HR(tbl_seek_row(t, mark, 2, &sought), S_OK);
    CHECK_EQ(sought, 2);
    check_position(t, k + 2, MESSAGES);
    CHECK_HR(tbl_seek_row(t, mark2, 0, &sought), S_OK);
    check_position(t, 3, MESSAGES);
    /* FindRow from a bookmark: forward from row k (inclusive). */
    CHECK_HR(tbl_find_row(t, build(&x, R_HAS_IMPORTANCE), mark, 0), S_OK);
    for (i = (int)k; i < MESSAGES && !msgs[order[i]].has_importance; i++) {
    }
    check_position(t, (ULONG)i, MESSAGES);
    /* TBL_NOADVANCE: the row at the cursor, which stays. */
    CHECK_HR(tbl_seek_row(t, mark, 0, NULL), S_OK);
    CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
    expect_rows(rows, order, k, 1);
    free_prows(rows);
    check_position(t, k, MESSAGES);
    CHECK_HR(query_rows(t, 3, TBL_NOADVANCE, &rows), S_OK);
    expect_rows(rows, order, k, 3);
    free_prows(rows);
    check_position(t, k, MESSAGES);
#ifdef _WIN64
    /* The DLL reads all 8 bytes of a BOOKMARK: bit 32 makes another one. */
    CHECK_HR(tbl_seek_row(t, mark | ((ULONG_PTR)1 << 32), 0, NULL), MAPI_E_INVALID_BOOKMARK);
    CHECK_HR(tbl_seek_row(t, BK_END | ((ULONG_PTR)1 << 32), 0, NULL), MAPI_E_INVALID_BOOKMARK);
    CHECK_HR(tbl_free_bookmark(t, mark | ((ULONG_PTR)1 << 32)), MAPI_E_INVALID_BOOKMARK);
    check_position(t, k, MESSAGES);
#endif
    /* Free it: the freed bookmark and a never-made one are invalid for
     * SeekRow, FindRow and FreeBookmark; the cursor stays. */
    freed = mark;
    CHECK_HR(tbl_free_bookmark(t, mark), S_OK);
    CHECK_HR(tbl_seek_row(t, freed, 0, &sought), MAPI_E_INVALID_BOOKMARK);
    CHECK_HR(tbl_find_row(t, build(&x, R_HAS_IMPORTANCE), freed, 0), MAPI_E_INVALID_BOOKMARK);
    CHECK_HR(tbl_free_bookmark(t, freed), MAPI_E_INVALID_BOOKMARK);
    CHECK_HR(tbl_seek_row(t, (ULONG_PTR)0x7FFF1234u, 0, NULL), MAPI_E_INVALID_BOOKMARK);
    check_position(t, k, MESSAGES);
    /* The fixed origins are no bookmarks to free: nothing happens. */
    CHECK_HR(tbl_free_bookmark(t, BK_BEGINNING), S_OK);
    CHECK_HR(tbl_free_bookmark(t, BK_CURRENT), S_OK);
    CHECK_HR(tbl_free_bookmark(t, BK_END), S_OK);
    CHECK_HR(tbl_create_bookmark(t, NULL), MAPI_E_INVALID_PARAMETER);
    /* A bookmark whose row a restriction took away: the nearest position,
     * MAPI_W_POSITION_CHANGED (mark2 is at row 3 of the full view). */
    {
      Res only;
      LONG seq2 = order[3];
      SRestriction r;
      SPropValue v;
      res_long(&r, &v, RELOP_NE, T_SEQ, seq2);
      CHECK_HR(t->lpVtbl->Restrict(t, &r, 0), S_OK);
      CHECK_HR(tbl_seek_row(t, mark2, 0, &sought), MAPI_W_POSITION_CHANGED);
      check_position(t, 3, MESSAGES - 1);
      CHECK_HR(tbl_find_row(t, build(&only, R_HAS_IMPORTANCE), mark2, 0),
               MAPI_W_POSITION_CHANGED);
      CHECK_HR(t->lpVtbl->Restrict(t, NULL, 0), S_OK);
      CHECK_HR(tbl_seek_row(t, mark2, 0, &sought), S_OK); /* its row is back */
      check_position(t, 3, MESSAGES);
      CHECK_HR(tbl_free_bookmark(t, mark2), S_OK);
    }
  }

  /* Negative counts: the rows before the cursor, in table order; the
   * cursor moves back to the first of them (TBL_NOADVANCE: it stays). */
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 11, NULL), S_OK);
  CHECK_HR(query_rows(t, -5, 0, &rows), S_OK);
  expect_rows(rows, order, 6, 5);
  free_prows(rows);
  check_position(t, 6, MESSAGES);
  CHECK_HR(query_rows(t, -3, TBL_NOADVANCE, &rows), S_OK);
  expect_rows(rows, order, 3, 3);
  free_prows(rows);
  check_position(t, 6, MESSAGES);
  CHECK_HR(query_rows(t, -100, 0, &rows), S_OK);
  expect_rows(rows, order, 0, 6);
  free_prows(rows);
  check_position(t, 0, MESSAGES);
  CHECK_HR(query_rows(t, -1, 0, &rows), S_OK);
  CHECK(rows != NULL && rows->cRows == 0);
  free_prows(rows);
  CHECK_HR(tbl_seek_row(t, BK_END, 0, NULL), S_OK);
  CHECK_HR(query_rows(t, -PAGE, 0, &rows), S_OK);
  expect_rows(rows, order, MESSAGES - PAGE, PAGE);
  free_prows(rows);
  check_position(t, MESSAGES - PAGE, MESSAGES);
  CHECK_HR(tbl_seek_row(t, BK_END, 0, NULL), S_OK);
  CHECK_HR(query_rows(t, 1, TBL_NOADVANCE, &rows), S_OK);
  CHECK(rows != NULL && rows->cRows == 0);
  free_prows(rows);

  /* 8-bit columns of a MAPI_UNICODE table, and back. */
  {
    SizedSPropTagArray(2, narrow_cols) = {2, {T_SEQ, PR_SUBJECT_A}};
    CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(narrow_cols), 0), S_OK);
    CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
    for (i = 0; rows && (ULONG)i < rows->cRows; i++) {
      const SRow *row = &rows->aRow[i];
      const SPropValue *seq = cell(row, 0, T_SEQ);
      if (!seq || seq->Value.l != order[i]) {
        CHECK(0);
        continue;
      }
      if (msgs[seq->Value.l].subject) {
        const SPropValue *v = cell(row, 1, PR_SUBJECT_A);
        CHECK(v && v->Value.lpszA && strcmp(v->Value.lpszA, msgs[seq->Value.l].subject) == 0);
      } else {
        check_not_found(row, 1, PR_SUBJECT_A);
      }
    }
    CHECK(rows && rows->cRows == MESSAGES);
    free_prows(rows);
    CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(contents_cols), 0), S_OK);
  }

  /* Bad input: the table is unchanged by each. */
  {
    SortOrder3 cat = sort_order_of(three, 1);
    Res x;
    LPSRowSet none = (LPSRowSet)(void *)&none;
    LPSPropTagArray cols = (LPSPropTagArray)(void *)&cols;
    ULONG_PTR where = BOOKMARK_CANARY;
    BYTE key[8] = {0};
    ULONG more = 77;
    cat.cCategories = 1;
    CHECK_HR(t->lpVtbl->SortTable(t, (LPSSortOrderSet)(void *)&cat, 0), MAPI_E_TOO_COMPLEX);
    cat.cCategories = 0;
    CHECK_HR(t->lpVtbl->SortTable(t, (LPSSortOrderSet)(void *)&cat, 0x100),
             MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(t->lpVtbl->SortTable(t, NULL, 0), MAPI_E_INVALID_PARAMETER);
    build(&x, R_SUBJECT_A_EQ);
    x.top.res.resProperty.relop = RELOP_RE;
    CHECK_HR(t->lpVtbl->Restrict(t, &x.top, 0), MAPI_E_TOO_COMPLEX);
    CHECK_HR(tbl_find_row(t, &x.top, BK_BEGINNING, 0), MAPI_E_TOO_COMPLEX);
    CHECK_HR(tbl_find_row(t, NULL, BK_BEGINNING, 0), MAPI_E_INVALID_PARAMETER);
    CHECK_HR(tbl_find_row(t, build(&x, R_READ), BK_BEGINNING, 0x100), MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(t->lpVtbl->Restrict(t, NULL, 0x100), MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(t->lpVtbl->QueryRows(t, 0, 0, &none), MAPI_E_INVALID_PARAMETER);
    CHECK(none == NULL);
    none = (LPSRowSet)(void *)&none;
    CHECK_HR(t->lpVtbl->QueryRows(t, 1, 0x80, &none), MAPI_E_UNKNOWN_FLAGS);
    CHECK(none == NULL);
    CHECK_HR(t->lpVtbl->QueryRows(t, 1, 0, NULL), MAPI_E_INVALID_PARAMETER);
    CHECK_HR(t->lpVtbl->GetRowCount(t, 1, &count), MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(t->lpVtbl->GetRowCount(t, 0, NULL), MAPI_E_INVALID_PARAMETER);
    CHECK_HR(t->lpVtbl->QueryColumns(t, 0x100, &cols), MAPI_E_UNKNOWN_FLAGS);
    CHECK(cols == NULL);
    CHECK_HR(t->lpVtbl->SetColumns(t, NULL, 0), MAPI_E_INVALID_PARAMETER);
    CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(contents_cols), 0x100), MAPI_E_UNKNOWN_FLAGS);
    CHECK_HR(t->lpVtbl->QueryPosition(t, NULL, &count, &count), MAPI_E_INVALID_PARAMETER);
    CHECK_HR(t->lpVtbl->WaitForCompletion(t, 0x100, 0, NULL), MAPI_E_UNKNOWN_FLAGS);
    /* Categories: not supported; the out-values cleared. */
    none = (LPSRowSet)(void *)&none;
    CHECK_HR(t->lpVtbl->ExpandRow(t, sizeof key, key, 10, 0, &none, &more), MAPI_E_NO_SUPPORT);
    CHECK(none == NULL);
    CHECK_HR(t->lpVtbl->CollapseRow(t, sizeof key, key, 0, &more), MAPI_E_NO_SUPPORT);
    CHECK_HR(tbl_set_collapse_state(t, 0, sizeof key, key, &where), MAPI_E_NO_SUPPORT);
    CHECK(where == 0); /* all of the ULONG_PTR cleared */
    /* Still usable: the sort kept, the columns kept, everything there. */
    CHECK_HR(t->lpVtbl->Abort(t), S_OK);
    status = 77;
    CHECK_HR(t->lpVtbl->WaitForCompletion(t, 0, 1000, &status), S_OK);
    CHECK_EQ(status, TBLSTAT_COMPLETE);
    CHECK_HR(hr_query_all_rows(t, NULL, NULL, NULL, 0, &rows), S_OK);
    expect_rows(rows, order, 0, MESSAGES);
    free_prows(rows);
    /* GetLastError after a failure: S_OK, a MAPIERROR or none. */
    {
      LPMAPIERROR err = NULL;
      CHECK_HR(t->lpVtbl->GetLastError(t, MAPI_E_TOO_COMPLEX, 0, &err), S_OK);
      CHECK(err == NULL || host_is_root_buffer(err));
      tb_free(err);
      CHECK_HR(t->lpVtbl->GetLastError(t, MAPI_E_TOO_COMPLEX, 0x1, &err),
               MAPI_E_UNKNOWN_FLAGS);
    }
  }
  /* QueryInterface: IMAPITable and IUnknown only. */
  {
    void *out = NULL;
    CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IMAPITable, &out), S_OK);
    CHECK(out == (void *)t);
    CHECK_EQ(t->lpVtbl->Release(t), 1);
    CHECK_HR(t->lpVtbl->QueryInterface(t, &host_IID_IUnknown, &out), S_OK);
    CHECK(out == (void *)t);
    CHECK_EQ(t->lpVtbl->Release(t), 1);
    out = &out;
    CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IMAPIProp, &out), MAPI_E_INTERFACE_NOT_SUPPORTED);
    CHECK(out == NULL);
  }
  CHECK_EQ(t->lpVtbl->Release(t), 0);

  /* The associated contents: GetContentsTable(MAPI_ASSOCIATED) and
   * OpenProperty(PR_FOLDER_ASSOCIATED_CONTENTS); OpenProperty
   * (PR_CONTAINER_CONTENTS) is the normal one. */
  {
    LPUNKNOWN unk = NULL;
    CHECK_HR(folder->lpVtbl->GetContentsTable(folder, MAPI_ASSOCIATED, &t), S_OK);
    if (t) {
      static const Key by_subject[1] = {{PR_SUBJECT_W, 1}};
      SortOrder3 so = sort_order_of(by_subject, 1);
      SizedSPropTagArray(1, subj) = {1, {PR_SUBJECT_A}};
      CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
      CHECK_EQ(count, 2);
      CHECK_HR(hr_query_all_rows(t, TAGS(subj), NULL, (LPSSortOrderSet)(void *)&so, 0, &rows),
               S_OK);
      if (rows && rows->cRows == 2) {
        const SPropValue *a = cell(&rows->aRow[0], 0, PR_SUBJECT_A);
        const SPropValue *b = cell(&rows->aRow[1], 0, PR_SUBJECT_A);
        CHECK(a && strcmp(a->Value.lpszA, "view 2") == 0);
        CHECK(b && strcmp(b->Value.lpszA, "view 1") == 0);
      } else {
        CHECK(0);
      }
      free_prows(rows);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    CHECK_HR(folder->lpVtbl->OpenProperty(folder, PR_FOLDER_ASSOCIATED_CONTENTS,
                                          &IID_IMAPITable, 0, 0, &unk),
             S_OK);
    t = (LPMAPITABLE)(void *)unk;
    if (t) {
      CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
      CHECK_EQ(count, 2);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    unk = NULL;
    CHECK_HR(folder->lpVtbl->OpenProperty(folder, PR_CONTAINER_CONTENTS, &IID_IMAPITable,
                                          MAPI_UNICODE, 0, &unk),
             S_OK);
    t = (LPMAPITABLE)(void *)unk;
    if (t) {
      check_columns(t, 0, default_cols, narrow);
      CHECK_HR(hr_query_all_rows(t, TAGS(contents_cols), NULL, NULL, 0, &rows), S_OK);
      expect_sorted(rows, three, 0); /* every message once */
      free_prows(rows);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    unk = (LPUNKNOWN)(void *)&unk;
    CHECK_HR(folder->lpVtbl->OpenProperty(folder, PR_CONTAINER_CONTENTS, &IID_IMessage, 0, 0,
                                          &unk),
             MAPI_E_NO_SUPPORT);
    CHECK(unk == NULL);
  }

  CHECK_EQ(folder->lpVtbl->Release(folder), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  CHECK_EQ(live_objects(), 3);
  session_close(&s);
}

/* ===== 2b. table notifications: the connection's width =================== */

/* IMAPITable::Advise(fnevTableModified) on a contents table, called at
 * Microsoft's width (SPEC-objects.md, "Widths"): the connection is a
 * ULONG_PTR pre-filled with a canary (every byte set on x64) and must come
 * back written in full; Unadvise reads all of it (on x64 bit 32 makes
 * another, unknown connection). A saved message reaches the advised sink
 * (synchronously), and no longer once it is unadvised. */
static void table_advise_widths(void) {
  Session s;
  HostSink sink;
  HostSink other;
  LPMAPIFOLDER subtree, folder;
  LPMAPITABLE t = NULL;
  ULONG_PTR c1 = HOST_CONNECTION_CANARY;
  ULONG_PTR c2 = HOST_CONNECTION_CANARY;
  LONG seen;
  int i;

  if (!session_open(&s)) return;
  host_sink_init(&sink);
  host_sink_init(&other);
  {
    EntryId se = get_bin(s.store, PR_IPM_SUBTREE_ENTRYID);
    subtree = open_folder(s.store, &se, MAPI_MODIFY);
  }
  if (!subtree) return;
  folder = create_folder(subtree, "Advised");
  if (!folder) return;
  CHECK_HR(folder->lpVtbl->GetContentsTable(folder, 0, &t), S_OK);
  if (!t) return;
  CHECK_HR(tbl_advise(t, fnevTableModified, host_sink_iface(&sink), &c1), S_OK);
  CHECK_CONNECTION(c1);
  CHECK_HR(tbl_advise(t, fnevTableModified, host_sink_iface(&other), &c2), S_OK);
  CHECK_CONNECTION(c2);
  CHECK(c1 != c2);
  CHECK(sink.refs > 1 && other.refs > 1); /* the table holds both sinks */

  for (i = 0; i < 2; i++) {
    LPMESSAGE msg = NULL;
    SPropValue v;
    memset(&v, 0, sizeof v);
    v.ulPropTag = PR_SUBJECT_A;
    v.Value.lpszA = (LPSTR)(void *)(i ? "second" : "first");
    seen = sink.notifications;
    CHECK_HR(folder->lpVtbl->CreateMessage(folder, NULL, 0, &msg), S_OK);
    if (!msg) continue;
    CHECK_HR(msg->lpVtbl->SetProps(msg, 1, &v, NULL), S_OK);
    CHECK_HR(msg->lpVtbl->SaveChanges(msg, 0), S_OK);
    CHECK_EQ(msg->lpVtbl->Release(msg), 0);
    if (i == 0) {
      CHECK(sink.notifications > seen); /* TABLE_ROW_ADDED, synchronously */
#ifdef _WIN64
      /* All 8 bytes are the connection: bit 32 names none. */
      CHECK_HR(tbl_unadvise(t, c1 | ((ULONG_PTR)1 << 32)), MAPI_E_NOT_FOUND);
#endif
      CHECK_HR(tbl_unadvise(t, c1), S_OK);
      CHECK_HR(tbl_unadvise(t, c1), MAPI_E_NOT_FOUND);
      CHECK_EQ(sink.refs, 1); /* released at Unadvise */
    } else {
      CHECK_EQ(sink.notifications, seen); /* unadvised: nothing more */
      CHECK(other.notifications >= 2);
    }
  }
  CHECK_HR(tbl_unadvise(t, c2), S_OK);
  CHECK_EQ(other.refs, 1);
  CHECK_EQ(t->lpVtbl->Release(t), 0);
  CHECK_EQ(folder->lpVtbl->Release(folder), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  session_close(&s);
  CHECK_EQ(sink.add_refs, sink.releases);
  CHECK_EQ(other.add_refs, other.releases);
}

/* ===== 3. recipient and attachment tables ================================ */

static const struct {
  const char *name;
  const char *email;
  ULONG type;
} kRecipients[3] = {
    {"Carol", "carol@example.com", MAPI_TO},
    {"alice", "alice@example.com", MAPI_CC},
    {"Bob", "bob@example.com", MAPI_BCC},
};

static const BYTE kData0[5] = {'h', 'e', 'l', 'l', 'o'};
static const BYTE kData1[3] = {0, 0xFF, 7};

/* ModifyRecipients(0) with the three recipients, the ADRLIST and each
 * row's properties in buffers of the host's MAPIAllocateBuffer (Wine's),
 * freed with Wine's FreePadrlist. */
static void add_recipients(LPMESSAGE msg) {
  LPADRLIST list = NULL;
  ULONG i;
  WCHAR names[3][16], emails[3][32], smtp[8];
  to_wide(smtp, "SMTP");
  CHECK_HR(tb_alloc((ULONG)CbNewADRLIST(3), (LPVOID *)&list), S_OK);
  if (!list) return;
  list->cEntries = 3;
  for (i = 0; i < 3; i++) {
    ADRENTRY *e = &list->aEntries[0] + i;
    LPSPropValue p = NULL;
    CHECK_HR(tb_alloc(4 * sizeof(SPropValue), (LPVOID *)&p), S_OK);
    e->ulReserved1 = 0;
    e->cValues = p ? 4 : 0;
    e->rgPropVals = p;
    if (!p) continue;
    memset(p, 0, 4 * sizeof *p);
    to_wide(names[i], kRecipients[i].name);
    to_wide(emails[i], kRecipients[i].email);
    p[0].ulPropTag = PR_DISPLAY_NAME_W;
    p[0].Value.lpszW = names[i];
    p[1].ulPropTag = PR_RECIPIENT_TYPE;
    p[1].Value.ul = kRecipients[i].type;
    p[2].ulPropTag = PR_EMAIL_ADDRESS_W;
    p[2].Value.lpszW = emails[i];
    p[3].ulPropTag = PR_ADDRTYPE_W;
    p[3].Value.lpszW = smtp;
  }
  host_check_adrlist(list);
  CHECK_HR(msg->lpVtbl->ModifyRecipients(msg, 0, list), S_OK);
  /* The provider copied what it needed: the list is still the host's, each
   * entry's properties their own root (Wine's FreePadrlist frees them). */
  host_check_adrlist(list);
  host_free_padrlist(list);
}

static void add_attachment(LPMESSAGE msg, const char *file, const BYTE *data, ULONG cb,
                           int with_position, ULONG want_num) {
  LPATTACH att = NULL;
  ULONG num = 77;
  SPropValue v[4];
  WCHAR name[32];
  ULONG n = 0;
  CHECK_HR(msg->lpVtbl->CreateAttach(msg, NULL, 0, &num, &att), S_OK);
  CHECK_EQ(num, want_num);
  if (!att) return;
  to_wide(name, file);
  memset(v, 0, sizeof v);
  v[n].ulPropTag = PR_ATTACH_METHOD;
  v[n++].Value.l = ATTACH_BY_VALUE;
  v[n].ulPropTag = PR_ATTACH_FILENAME_W;
  v[n++].Value.lpszW = name;
  v[n].ulPropTag = PR_ATTACH_DATA_BIN;
  v[n].Value.bin.cb = cb;
  v[n++].Value.bin.lpb = (LPBYTE)data;
  if (with_position) {
    v[n].ulPropTag = PR_RENDERING_POSITION;
    v[n++].Value.l = 12;
  }
  CHECK_HR(att->lpVtbl->SetProps(att, n, v, NULL), S_OK);
  CHECK_HR(att->lpVtbl->SaveChanges(att, 0), S_OK);
  CHECK_EQ(att->lpVtbl->Release(att), 0);
}

enum { RC_ROWID, RC_KEY, RC_NAME, RC_TYPE, RC_EMAIL, RC_ADDRTYPE, RC_COLUMNS };

/* A recipient table's rows (SetColumns: the default ones, strings wide or
 * 8-bit): the recipients in `want` order (indexes into kRecipients). */
static void check_recipient_rows(LPMAPITABLE t, int wide, const int *want, ULONG n) {
  LPSRowSet rows = NULL;
  ULONG r;
  ULONG name_tag = wide ? PR_DISPLAY_NAME_W : PR_DISPLAY_NAME_A;
  ULONG email_tag = wide ? PR_EMAIL_ADDRESS_W : PR_EMAIL_ADDRESS_A;
  ULONG addr_tag = wide ? PR_ADDRTYPE_W : PR_ADDRTYPE_A;
  Tags cols = {RC_COLUMNS,
               {PR_ROWID, PR_INSTANCE_KEY, name_tag, PR_RECIPIENT_TYPE, email_tag, addr_tag}};
  CHECK_HR(hr_query_all_rows(t, TAGS(cols), NULL, NULL, 0, &rows), S_OK);
  if (!rows) return;
  CHECK_EQ(rows->cRows, n);
  for (r = 0; r < rows->cRows && r < n; r++) {
    const SRow *row = &rows->aRow[r];
    int i = want[r];
    const SPropValue *v;
    CHECK_EQ(row->cValues, RC_COLUMNS);
    if ((v = cell(row, RC_ROWID, PR_ROWID)) != NULL) CHECK_EQ(v->Value.l, i);
    if ((v = cell(row, RC_KEY, PR_INSTANCE_KEY)) != NULL) CHECK(v->Value.bin.cb > 0);
    if ((v = cell(row, RC_TYPE, PR_RECIPIENT_TYPE)) != NULL)
      CHECK_EQ(v->Value.ul, kRecipients[i].type);
    if (wide) {
      if ((v = cell(row, RC_NAME, name_tag)) != NULL)
        CHECK(wide_eq(v->Value.lpszW, kRecipients[i].name));
      if ((v = cell(row, RC_EMAIL, email_tag)) != NULL)
        CHECK(wide_eq(v->Value.lpszW, kRecipients[i].email));
      if ((v = cell(row, RC_ADDRTYPE, addr_tag)) != NULL) CHECK(wide_eq(v->Value.lpszW, "SMTP"));
    } else {
      if ((v = cell(row, RC_NAME, name_tag)) != NULL)
        CHECK(v->Value.lpszA && strcmp(v->Value.lpszA, kRecipients[i].name) == 0);
      if ((v = cell(row, RC_EMAIL, email_tag)) != NULL)
        CHECK(v->Value.lpszA && strcmp(v->Value.lpszA, kRecipients[i].email) == 0);
      if ((v = cell(row, RC_ADDRTYPE, addr_tag)) != NULL)
        CHECK(v->Value.lpszA && strcmp(v->Value.lpszA, "SMTP") == 0);
    }
  }
  free_prows(rows);
}

enum { AC_NUM, AC_KEY, AC_METHOD, AC_FILENAME, AC_LONG_FILENAME, AC_SIZE, AC_POSITION, AC_COLUMNS };

static void check_attachment_table(LPMAPITABLE t, int wide) {
  static const char *const files[2] = {"b.txt", "a.bin"};
  static const Key by_name[1] = {{PR_ATTACH_FILENAME_W, 0}};
  SortOrder3 so = sort_order_of(by_name, 1);
  LPSRowSet rows = NULL;
  ULONG r, count = 77;
  ULONG file_tag = wide ? PR_ATTACH_FILENAME_W : PR_ATTACH_FILENAME_A;
  ULONG long_tag = wide ? PR_ATTACH_LONG_FILENAME_W : PR_ATTACH_LONG_FILENAME_A;
  Tags cols = {AC_COLUMNS,
               {PR_ATTACH_NUM, PR_INSTANCE_KEY, PR_ATTACH_METHOD, file_tag, long_tag,
                PR_ATTACH_SIZE, PR_RENDERING_POSITION}};
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
  CHECK_EQ(count, 2);
  CHECK_HR(hr_query_all_rows(t, TAGS(cols), NULL, NULL, 0, &rows), S_OK);
  if (rows && rows->cRows == 2) {
    for (r = 0; r < 2; r++) {
      const SRow *row = &rows->aRow[r];
      const SPropValue *v;
      CHECK_EQ(row->cValues, AC_COLUMNS);
      if ((v = cell(row, AC_NUM, PR_ATTACH_NUM)) != NULL) CHECK_EQ(v->Value.l, r);
      if ((v = cell(row, AC_KEY, PR_INSTANCE_KEY)) != NULL) CHECK(v->Value.bin.cb > 0);
      if ((v = cell(row, AC_METHOD, PR_ATTACH_METHOD)) != NULL)
        CHECK_EQ(v->Value.l, ATTACH_BY_VALUE);
      if ((v = cell(row, AC_FILENAME, file_tag)) != NULL)
        CHECK(wide ? wide_eq(v->Value.lpszW, files[r])
                   : (v->Value.lpszA && strcmp(v->Value.lpszA, files[r]) == 0));
      check_not_found(row, AC_LONG_FILENAME, long_tag);
      if ((v = cell(row, AC_SIZE, PR_ATTACH_SIZE)) != NULL)
        CHECK(v->Value.l >= (LONG)(r ? sizeof kData1 : sizeof kData0));
      if (r == 0) {
        if ((v = cell(row, AC_POSITION, PR_RENDERING_POSITION)) != NULL) CHECK_EQ(v->Value.l, 12);
      } else {
        check_not_found(row, AC_POSITION, PR_RENDERING_POSITION);
      }
    }
  } else {
    CHECK(0);
  }
  free_prows(rows);
  /* Sorted by file name: a.bin (1) before b.txt (0). */
  CHECK_HR(hr_query_all_rows(t, NULL, NULL, (LPSSortOrderSet)(void *)&so, 0, &rows), S_OK);
  if (rows && rows->cRows == 2) {
    const SPropValue *a = cell(&rows->aRow[0], AC_NUM, PR_ATTACH_NUM);
    const SPropValue *b = cell(&rows->aRow[1], AC_NUM, PR_ATTACH_NUM);
    CHECK(a && a->Value.l == 1);
    CHECK(b && b->Value.l == 0);
  } else {
    CHECK(0);
  }
  free_prows(rows);
}

static void message_tables(void) {
  Session s;
  LPMAPIFOLDER inbox;
  LPMESSAGE msg = NULL;
  LPMAPITABLE t = NULL;
  EntryId ie, me;
  static const int natural[3] = {0, 1, 2};
  static const int by_name[3] = {1, 2, 0}; /* alice, Bob, Carol */
  static const int bcc_only[1] = {2};
  static const ULONG recip_cols[] = {PR_ROWID,         PR_INSTANCE_KEY, PR_DISPLAY_NAME_W,
                                     PR_RECIPIENT_TYPE, PR_EMAIL_ADDRESS_W, PR_ADDRTYPE_W, 0};
  static const ULONG attach_cols[] = {PR_ATTACH_NUM, PR_INSTANCE_KEY, PR_ATTACH_METHOD,
                                      PR_ATTACH_FILENAME_W, PR_ATTACH_SIZE, 0};
  static const ULONG recip_narrow[] = {PR_ROWID, PR_DISPLAY_NAME_A, PR_EMAIL_ADDRESS_A, 0};
  static const ULONG recip_wide_only[] = {PR_DISPLAY_NAME_W, PR_EMAIL_ADDRESS_W, 0};
  static const ULONG attach_narrow[] = {PR_ATTACH_NUM, PR_ATTACH_FILENAME_A, 0};
  static const ULONG attach_wide_only[] = {PR_ATTACH_FILENAME_W, 0};
  static const ULONG recip_narrow_only[] = {PR_DISPLAY_NAME_A, 0};
  static const ULONG attach_narrow_only[] = {PR_ATTACH_FILENAME_A, 0};
  ULONG pass;

  memset(&me, 0, sizeof me);
  if (!session_open(&s)) return;
  ie = receive_folder(s.store, "IPM.Note");
  inbox = open_folder(s.store, &ie, MAPI_MODIFY);
  if (!inbox) return;
  CHECK_HR(inbox->lpVtbl->CreateMessage(inbox, NULL, 0, &msg), S_OK);
  if (!msg) return;

  /* Empty tables first. */
  CHECK_HR(msg->lpVtbl->GetRecipientTable(msg, MAPI_UNICODE, &t), S_OK);
  if (t) {
    ULONG count = 77;
    CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
    CHECK_EQ(count, 0);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
  }
  add_recipients(msg);
  add_attachment(msg, "b.txt", kData0, sizeof kData0, 1, 0);
  add_attachment(msg, "a.bin", kData1, sizeof kData1, 0, 1);

  /* Pass 0: the open message before SaveChanges; pass 1: reopened. */
  for (pass = 0; pass < 2; pass++) {
    LPUNKNOWN unk = NULL;
    t = NULL;
    CHECK_HR(msg->lpVtbl->GetRecipientTable(msg, MAPI_UNICODE, &t), S_OK);
    if (t) {
      ULONG status = 77, type = 77;
      Res x;
      SPropValue v;
      static const Key name_key[1] = {{PR_DISPLAY_NAME_W, 0}};
      SortOrder3 so = sort_order_of(name_key, 1);
      CHECK_HR(t->lpVtbl->GetStatus(t, &status, &type), S_OK);
      CHECK_EQ(status, TBLSTAT_COMPLETE);
      CHECK_EQ(type, SNAPSHOT_TABLE_TYPE);
      check_columns(t, 0, recip_cols, recip_narrow_only);
      check_recipient_rows(t, 1, natural, 3);
      /* Sorted by name (case-insensitive): alice, Bob, Carol. */
      CHECK_HR(t->lpVtbl->SortTable(t, (LPSSortOrderSet)(void *)&so, 0), S_OK);
      check_recipient_rows(t, 1, by_name, 3);
      /* Restrict to the BCC recipient. */
      res_long(&x.top, &v, RELOP_EQ, PR_RECIPIENT_TYPE, MAPI_BCC);
      CHECK_HR(t->lpVtbl->Restrict(t, &x.top, 0), S_OK);
      check_recipient_rows(t, 1, bcc_only, 1);
      CHECK_HR(t->lpVtbl->Restrict(t, NULL, 0), S_OK);
      /* FindRow by PR_ROWID. */
      res_long(&x.top, &v, RELOP_EQ, PR_ROWID, 0);
      CHECK_HR(tbl_find_row(t, &x.top, BK_BEGINNING, 0), S_OK);
      check_position(t, 2, 3); /* Carol, last by name */
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    /* OpenProperty(PR_MESSAGE_RECIPIENTS): the same table, 8-bit. */
    CHECK_HR(msg->lpVtbl->OpenProperty(msg, PR_MESSAGE_RECIPIENTS, &IID_IMAPITable, 0, 0, &unk),
             S_OK);
    t = (LPMAPITABLE)(void *)unk;
    if (t) {
      check_columns(t, 0, recip_narrow, recip_wide_only);
      check_recipient_rows(t, 0, natural, 3);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    /* The attachment table, wide and (OpenProperty) 8-bit. */
    t = NULL;
    CHECK_HR(msg->lpVtbl->GetAttachmentTable(msg, MAPI_UNICODE, &t), S_OK);
    if (t) {
      check_columns(t, 0, attach_cols, attach_narrow_only);
      check_attachment_table(t, 1);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    unk = NULL;
    CHECK_HR(msg->lpVtbl->OpenProperty(msg, PR_MESSAGE_ATTACHMENTS, &IID_IMAPITable, 0, 0, &unk),
             S_OK);
    t = (LPMAPITABLE)(void *)unk;
    if (t) {
      check_columns(t, 0, attach_narrow, attach_wide_only);
      check_attachment_table(t, 0);
      CHECK_EQ(t->lpVtbl->Release(t), 0);
    }
    t = (LPMAPITABLE)(void *)&t;
    CHECK_HR(msg->lpVtbl->GetAttachmentTable(msg, MAPI_ASSOCIATED, &t), MAPI_E_UNKNOWN_FLAGS);
    CHECK(t == NULL);
    CHECK_HR(msg->lpVtbl->GetRecipientTable(msg, 0, NULL), MAPI_E_INVALID_PARAMETER);
    if (pass == 0) {
      CHECK_HR(msg->lpVtbl->SaveChanges(msg, 0), S_OK);
      me = get_bin(msg, PR_ENTRYID);
      CHECK_EQ(msg->lpVtbl->Release(msg), 0);
      msg = open_message(s.store, &me, 0);
      if (!msg) break;
    }
  }
  if (msg) CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  CHECK_EQ(inbox->lpVtbl->Release(inbox), 0);
  CHECK_EQ(live_objects(), 3);
  session_close(&s);
}

/* ===== 4. the receive folder table ======================================= */

static void receive_folder_table(void) {
  Session s;
  LPMAPITABLE t = NULL;
  LPMAPIFOLDER root, subtree, custom;
  LPSRowSet rows = NULL;
  EntryId inbox, root_eid, custom_eid, inbox_key, root_key, custom_key, se;
  static const Key by_class[1] = {{PR_MESSAGE_CLASS_W, 0}};
  SortOrder3 so = sort_order_of(by_class, 1);
  SizedSPropTagArray(4, cols) = {
      4, {PR_MESSAGE_CLASS_W, PR_ENTRYID, PR_RECORD_KEY, PR_INSTANCE_KEY}};
  static const ULONG wide_cols[] = {PR_INSTANCE_KEY, PR_ENTRYID, PR_RECORD_KEY,
                                    PR_MESSAGE_CLASS_W, 0};
  static const ULONG narrow_cols[] = {PR_MESSAGE_CLASS_A, 0};
  static const ULONG no_wide[] = {PR_MESSAGE_CLASS_W, 0};
  const char *classes[5] = {"", "IPC", "IPM", "IPM.Note.Tables", "REPORT.IPM"};
  const EntryId *folders[5];
  const EntryId *keys[5];
  ULONG r, i;

  if (!session_open(&s)) return;
  inbox = receive_folder(s.store, "IPM");
  root = open_folder(s.store, NULL, 0);
  if (!root) return;
  root_eid = get_bin(root, PR_ENTRYID);
  root_key = get_bin(root, PR_RECORD_KEY);
  {
    LPMAPIFOLDER in = open_folder(s.store, &inbox, 0);
    if (!in) return;
    inbox_key = get_bin(in, PR_RECORD_KEY);
    CHECK_EQ(in->lpVtbl->Release(in), 0);
  }
  se = get_bin(s.store, PR_IPM_SUBTREE_ENTRYID);
  subtree = open_folder(s.store, &se, MAPI_MODIFY);
  if (!subtree) return;
  custom = create_folder(subtree, "Custom");
  if (!custom) return;
  custom_eid = get_bin(custom, PR_ENTRYID);
  custom_key = get_bin(custom, PR_RECORD_KEY);

  /* The standard settings: "", IPM, REPORT.IPM -> Inbox, IPC -> root. */
  CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, MAPI_UNICODE, &t), S_OK);
  if (t) {
    ULONG status = 77, type = 77;
    static const char *const std_classes[4] = {"", "IPC", "IPM", "REPORT.IPM"};
    CHECK_HR(t->lpVtbl->GetStatus(t, &status, &type), S_OK);
    CHECK_EQ(status, TBLSTAT_COMPLETE);
    check_columns(t, 0, wide_cols, NULL);
    CHECK_HR(hr_query_all_rows(t, TAGS(cols), NULL, (LPSSortOrderSet)(void *)&so, 0, &rows),
             S_OK);
    CHECK(rows && rows->cRows == 4);
    for (r = 0; rows && r < rows->cRows && r < 4; r++) {
      const SRow *row = &rows->aRow[r];
      const SPropValue *c = cell(row, 0, PR_MESSAGE_CLASS_W);
      const SPropValue *e = cell(row, 1, PR_ENTRYID);
      const SPropValue *k = cell(row, 2, PR_RECORD_KEY);
      int is_ipc = r == 1;
      CHECK(c && wide_eq(c->Value.lpszW, std_classes[r]));
      CHECK(e && bin_eq(&e->Value.bin, is_ipc ? &root_eid : &inbox));
      CHECK(k && bin_eq(&k->Value.bin, is_ipc ? &root_key : &inbox_key));
      CHECK(cell(row, 3, PR_INSTANCE_KEY) != NULL);
    }
    free_prows(rows);
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }

  /* A new setting appears in a new table. */
  CHECK_HR(s.store->lpVtbl->SetReceiveFolder(s.store, (LPTSTR)(void *)"IPM.Note.Tables", 0,
                                             custom_eid.cb, EID(custom_eid)),
           S_OK);
  folders[0] = &inbox;
  folders[1] = &root_eid;
  folders[2] = &inbox;
  folders[3] = &custom_eid;
  folders[4] = &inbox;
  keys[0] = keys[2] = keys[4] = &inbox_key;
  keys[1] = &root_key;
  keys[3] = &custom_key;
  CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, 0, &t), S_OK);
  if (t) {
    static const Key by_class_a[1] = {{PR_MESSAGE_CLASS_A, 1}};
    SortOrder3 down = sort_order_of(by_class_a, 1);
    SizedSPropTagArray(3, cols_a) = {3, {PR_MESSAGE_CLASS_A, PR_ENTRYID, PR_RECORD_KEY}};
    ULONG count = 77;
    check_columns(t, 0, narrow_cols, no_wide);
    CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &count), S_OK);
    CHECK_EQ(count, 5);
    /* 8-bit classes, descending. */
    CHECK_HR(hr_query_all_rows(t, TAGS(cols_a), NULL, (LPSSortOrderSet)(void *)&down, 0, &rows),
             S_OK);
    CHECK(rows && rows->cRows == 5);
    for (r = 0; rows && r < rows->cRows && r < 5; r++) {
      const SRow *row = &rows->aRow[r];
      const SPropValue *c = cell(row, 0, PR_MESSAGE_CLASS_A);
      const SPropValue *e = cell(row, 1, PR_ENTRYID);
      const SPropValue *k = cell(row, 2, PR_RECORD_KEY);
      i = 4 - r;
      CHECK(c && c->Value.lpszA && strcmp(c->Value.lpszA, classes[i]) == 0);
      CHECK(e && bin_eq(&e->Value.bin, folders[i]));
      CHECK(k && bin_eq(&k->Value.bin, keys[i]));
    }
    free_prows(rows);
    /* FindRow by class. */
    {
      SPropValue v;
      SRestriction res;
      memset(&v, 0, sizeof v);
      v.ulPropTag = PR_MESSAGE_CLASS_A;
      v.Value.lpszA = (LPSTR)(void *)"ipc"; /* case-insensitive */
      memset(&res, 0, sizeof res);
      res.rt = RES_CONTENT;
      res.res.resContent.ulFuzzyLevel = FL_FULLSTRING | FL_IGNORECASE;
      res.res.resContent.ulPropTag = PR_MESSAGE_CLASS_A;
      res.res.resContent.lpProp = &v;
      CHECK_HR(tbl_find_row(t, &res, BK_BEGINNING, 0), S_OK);
      check_position(t, 3, 5); /* REPORT.IPM, IPM.Note.Tables, IPM, IPC, "" */
    }
    CHECK_EQ(t->lpVtbl->Release(t), 0);
    t = NULL;
  }
  t = (LPMAPITABLE)(void *)&t;
  CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, CONVENIENT_DEPTH, &t),
           MAPI_E_UNKNOWN_FLAGS);
  CHECK(t == NULL);
  CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, 0, NULL), MAPI_E_INVALID_PARAMETER);

  CHECK_EQ(custom->lpVtbl->Release(custom), 0);
  CHECK_EQ(subtree->lpVtbl->Release(subtree), 0);
  CHECK_EQ(root->lpVtbl->Release(root), 0);
  CHECK_EQ(live_objects(), 3);
  session_close(&s);
}

/* ===== 5. a forcible logoff with tables open ============================== */

/* Every slot of a disconnected table (Advise/Unadvise aside: table
 * notifications are about to change them) answers MAPI_E_INVALID_OBJECT,
 * out-pointers cleared, nothing allocated; argument errors come first;
 * IUnknown's AddRef/Release keep working (the host holds one reference). */
static void all_slots_invalid(LPMAPITABLE t) {
  const HRESULT dead = MAPI_E_INVALID_OBJECT;
  Tags cols = {1, {PR_SUBJECT_W}};
  SortOrder3 sort;
  static const Key by_subject[1] = {{PR_SUBJECT_W, 0}};
  SRestriction exist;
  LPSRowSet rows = (LPSRowSet)(void *)&rows;
  LPSPropTagArray tags = (LPSPropTagArray)(void *)&tags;
  LPSSortOrderSet order = (LPSSortOrderSet)(void *)&order;
  LPMAPIERROR error = (LPMAPIERROR)(void *)&error;
  ULONG a = 77, b = 77, c = 77, cb = 77;
  LONG sought = 77;
  ULONG_PTR mark = BOOKMARK_CANARY, where = BOOKMARK_CANARY;
  BYTE key[8] = {0};
  LPBYTE state = (LPBYTE)key;
  void *out = &out;
  long buffers = host_live_buffers();
  int tracked_before = host_live_buffers();

  sort = sort_order_of(by_subject, 1);
  res_exist(&exist, PR_SUBJECT_W);

  CHECK_HR(t->lpVtbl->GetLastError(t, dead, 0, &error), dead);
  CHECK(error == NULL);
  CHECK_HR(t->lpVtbl->GetStatus(t, &a, &b), dead);
  CHECK_HR(t->lpVtbl->SetColumns(t, TAGS(cols), 0), dead);
  CHECK_HR(t->lpVtbl->QueryColumns(t, 0, &tags), dead);
  CHECK(tags == NULL);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, &a), dead);
  CHECK_HR(tbl_seek_row(t, BK_BEGINNING, 0, &sought), dead);
  CHECK_HR(t->lpVtbl->SeekRowApprox(t, 1, 2), dead);
  CHECK_HR(t->lpVtbl->QueryPosition(t, &a, &b, &c), dead);
  CHECK_HR(tbl_find_row(t, &exist, BK_BEGINNING, 0), dead);
  CHECK_HR(t->lpVtbl->Restrict(t, &exist, 0), dead);
  CHECK_HR(t->lpVtbl->Restrict(t, NULL, 0), dead);
  CHECK_HR(tbl_create_bookmark(t, &mark), dead);
  CHECK(mark == 0); /* all 8 bytes cleared */
  CHECK_HR(tbl_free_bookmark(t, (ULONG_PTR)3), dead);
  CHECK_HR(t->lpVtbl->SortTable(t, (LPSSortOrderSet)(void *)&sort, 0), dead);
  CHECK_HR(t->lpVtbl->QuerySortOrder(t, &order), dead);
  CHECK(order == NULL);
  CHECK_HR(t->lpVtbl->QueryRows(t, 10, 0, &rows), dead);
  CHECK(rows == NULL);
  CHECK_HR(t->lpVtbl->QueryRows(t, -10, TBL_NOADVANCE, &rows), dead);
  CHECK_HR(t->lpVtbl->Abort(t), dead);
  rows = (LPSRowSet)(void *)&rows;
  CHECK_HR(t->lpVtbl->ExpandRow(t, sizeof key, key, 1, 0, &rows, &a), dead);
  CHECK(rows == NULL);
  CHECK_HR(t->lpVtbl->CollapseRow(t, sizeof key, key, 0, &a), dead);
  CHECK_HR(t->lpVtbl->WaitForCompletion(t, 0, 0, &a), dead);
  CHECK_HR(t->lpVtbl->GetCollapseState(t, 0, sizeof key, key, &cb, &state), dead);
  CHECK(state == NULL);
  CHECK_HR(tbl_set_collapse_state(t, 0, sizeof key, key, &where), dead);
  CHECK(where == 0);
  CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IMAPITable, &out), dead);
  CHECK(out == NULL);
  out = &out;
  CHECK_HR(t->lpVtbl->QueryInterface(t, &host_IID_IUnknown, &out), dead);
  CHECK(out == NULL);
  /* Argument errors first (README: as for the logon). */
  CHECK_HR(t->lpVtbl->QueryRows(t, 1, 0, NULL), MAPI_E_INVALID_PARAMETER);
  CHECK_HR(t->lpVtbl->QueryRows(t, 1, 0x80, &rows), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0, NULL), MAPI_E_INVALID_PARAMETER);
  CHECK_HR(t->lpVtbl->GetRowCount(t, 0x100, &a), MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(tbl_create_bookmark(t, NULL), MAPI_E_INVALID_PARAMETER);
  /* Nothing allocated by any of them. */
  CHECK_EQ(host_live_buffers(), buffers);
  CHECK_EQ(host_live_buffers(), tracked_before);
  /* IUnknown keeps working. */
  CHECK_EQ(t->lpVtbl->AddRef(t), 2);
  CHECK_EQ(t->lpVtbl->Release(t), 1);
}

static void forcible_logoff(void) {
  Session s;
  LPMAPIFOLDER root, inbox;
  LPMESSAGE msg = NULL;
  LPMAPITABLE tables[5];
  EntryId ie;
  ULONG flags = 0, i, count;
  long buffers;

  memset(tables, 0, sizeof tables);
  if (!session_open(&s)) return;
  ie = receive_folder(s.store, "IPM");
  root = open_folder(s.store, NULL, 0);
  inbox = open_folder(s.store, &ie, MAPI_MODIFY);
  if (!root || !inbox) return;
  CHECK_HR(inbox->lpVtbl->CreateMessage(inbox, NULL, 0, &msg), S_OK);
  if (!msg) return;
  add_recipients(msg);
  CHECK_HR(msg->lpVtbl->SaveChanges(msg, KEEP_OPEN_READWRITE), S_OK);

  CHECK_HR(inbox->lpVtbl->GetContentsTable(inbox, MAPI_UNICODE, &tables[0]), S_OK);
  CHECK_HR(root->lpVtbl->GetHierarchyTable(root, CONVENIENT_DEPTH, &tables[1]), S_OK);
  CHECK_HR(msg->lpVtbl->GetRecipientTable(msg, 0, &tables[2]), S_OK);
  CHECK_HR(msg->lpVtbl->GetAttachmentTable(msg, 0, &tables[3]), S_OK);
  CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, 0, &tables[4]), S_OK);
  for (i = 0; i < 5; i++) {
    CHECK(tables[i] != NULL);
    if (!tables[i]) return;
  }
  /* Live and usable before. */
  CHECK_HR(tables[0]->lpVtbl->GetRowCount(tables[0], 0, &count), S_OK);
  CHECK_EQ(count, 1);
  CHECK_HR(tables[1]->lpVtbl->GetRowCount(tables[1], 0, &count), S_OK);
  CHECK_EQ(count, 7);
  CHECK_HR(tables[2]->lpVtbl->GetRowCount(tables[2], 0, &count), S_OK);
  CHECK_EQ(count, 3);
  CHECK_HR(tables[3]->lpVtbl->GetRowCount(tables[3], 0, &count), S_OK);
  CHECK_EQ(count, 0);
  CHECK_HR(tables[4]->lpVtbl->GetRowCount(tables[4], 0, &count), S_OK);
  CHECK_EQ(count, 4);
  {
    ULONG_PTR mark = BOOKMARK_CANARY;
    CHECK_HR(tbl_seek_row(tables[0], BK_BEGINNING, 1, NULL), S_OK);
    CHECK_HR(tbl_create_bookmark(tables[0], &mark), S_OK); /* never freed: Logoff does */
    CHECK(mark != BOOKMARK_CANARY && mark <= (ULONG_PTR)0xFFFFFFFFu);
  }
  CHECK_EQ(live_objects(), 3 + 3 + 5);
  buffers = host_live_buffers();

  /* MAPI's session logoff while the client still holds everything. */
  CHECK_EQ(s.support.releases, 0);
  CHECK_HR(s.logon->lpVtbl->Logoff(s.logon, &flags), S_OK);
  CHECK_EQ(flags, 0);
  CHECK_EQ(s.support.releases, 1);
  CHECK_EQ(host_live_buffers(), buffers);
  for (i = 0; i < 5; i++) all_slots_invalid(tables[i]);
  /* The objects that opened them are disconnected too. */
  {
    LPMAPITABLE t = (LPMAPITABLE)(void *)&t;
    CHECK_HR(inbox->lpVtbl->GetContentsTable(inbox, 0, &t), MAPI_E_INVALID_OBJECT);
    CHECK(t == NULL);
    t = (LPMAPITABLE)(void *)&t;
    CHECK_HR(msg->lpVtbl->GetRecipientTable(msg, 0, &t), MAPI_E_INVALID_OBJECT);
    CHECK(t == NULL);
    t = (LPMAPITABLE)(void *)&t;
    CHECK_HR(s.store->lpVtbl->GetReceiveFolderTable(s.store, 0, &t), MAPI_E_END_OF_SESSION);
    CHECK(t == NULL);
  }
  /* The tables outlive the logon, the store and the objects that made
   * them; their last Release frees them. */
  CHECK_EQ(s.logon->lpVtbl->Release(s.logon), 0);
  CHECK_EQ(s.store->lpVtbl->Release(s.store), 0);
  CHECK_EQ(msg->lpVtbl->Release(msg), 0);
  CHECK_EQ(inbox->lpVtbl->Release(inbox), 0);
  CHECK_EQ(root->lpVtbl->Release(root), 0);
  CHECK_EQ(live_objects(), 1 + 5);
  for (i = 0; i < 5; i++) CHECK_EQ(tables[i]->lpVtbl->Release(tables[i]), 0);
  CHECK_EQ(live_objects(), 1);
  flags = 0;
  CHECK_HR(s.provider->lpVtbl->Shutdown(s.provider, &flags), S_OK);
  CHECK_EQ(s.provider->lpVtbl->Release(s.provider), 0);
  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK_EQ(s.support.refs, 1);
  CHECK_EQ(s.support.add_refs, s.support.releases);
  CHECK_EQ(s.support.releases, 1);
}

int main(void) {
  provider_init = host_load_provider("mslogon.dll", &provider_module);
  if (!provider_init) return host_finish("win_test_tables_c");
  live_objects_fn =
      (LiveObjectsFn)(void (*)(void))GetProcAddress(provider_module, "mslogon_live_objects");
  CHECK(live_objects_fn != NULL);
  CHECK_EQ(live_objects(), 0);

  hierarchy_tables();
  contents_table();
  table_advise_widths();
  message_tables();
  receive_folder_table();
  forcible_logoff();

  CHECK_EQ(live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  CHECK(host_allocations() > 0);
  CHECK(FreeLibrary(provider_module));
  return host_finish("win_test_tables_c");
}
