/*
 * test_tables.c: IMAPITable as MFCMAPI drives it, through the vtables.
 *
 *   1. hierarchy: the root's GetHierarchyTable(CONVENIENT_DEPTH |
 *      MAPI_UNICODE), SetColumns, SeekRow, QueryRows: the standard folders
 *      with their PR_DEPTH, PR_SUBFOLDERS, unique PR_INSTANCE_KEYs; rows
 *      freed with the host's own FreeProws, every buffer given back;
 *   2. contents: 30 messages in the Inbox (GetReceiveFolder("IPM.Note")),
 *      GetContentsTable, GetStatus, QueryColumns, SetColumns(TBL_BATCH),
 *      SortTable on two keys, QuerySortOrder, GetRowCount, QueryRows in
 *      pages of 7 (the order checked here, in C), a host HrQueryAllRows,
 *      Restrict (RES_AND of RES_PROPERTY and RES_CONTENT), FindRow and
 *      QueryPosition, bookmarks, negative counts, TBL_NOADVANCE;
 *   3. each row's values equal the opened message's GetProps;
 *   4. bad input: categories, RELOP_RE, NULL out-pointers, unknown flags,
 *      Advise/Unadvise arguments, the category slots (MAPI_E_NO_SUPPORT);
 *   5. a forcible IMSLogon::Logoff(&0) with the tables open: every table
 *      slot answers MAPI_E_INVALID_OBJECT; Release; nothing left alive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "mslogon.h"

/* The library's MSProviderInit (mapispi.h declares it with MAPI's types);
 * the header offers mslogon_provider_init, the same function. */
#define MSProviderInit mslogon_provider_init

#define MESSAGES 30
#define PAGE 7
#define SUBJECT_MAX 32

#define PT_OF(tag) ((tag)&0xFFFFu)

/* Fixed-size counted arrays (MAPI's SizedSPropTagArray & co). */
typedef struct Tags {
  MSLogon_ULONG cValues;
  MSLogon_ULONG aulPropTag[8];
} Tags;

typedef struct Sort2 {
  MSLogon_ULONG cSorts;
  MSLogon_ULONG cCategories;
  MSLogon_ULONG cExpanded;
  MSLogon_SSortOrder aSort[2];
} Sort2;

/* One message created by the test, as the host expects to see it. */
typedef struct Msg {
  char subject[SUBJECT_MAX];
  long importance;
} Msg;

/* ---- host-side helpers (what MAPI's utility functions do) -------------- */

/* FreeProws: each row's lpProps, then the set. */
static void free_prows(MSLogon_SRowSet *rows) {
  MSLogon_ULONG i;
  if (!rows) return;
  for (i = 0; i < rows->cRows; i++) host_free_buffer(rows->aRow[i].lpProps);
  host_free_buffer(rows);
}

/* HrQueryAllRows, reduced: from the beginning, every row at once. */
static MSLogon_HRESULT query_all_rows(MSLogon_IMAPITable *t, MSLogon_SRowSet **rows) {
  MSLogon_HRESULT hr;
  *rows = NULL;
  hr = MSLogon_IMAPITable_SeekRow(t, MSLogon_BOOKMARK_BEGINNING, 0, NULL);
  if (hr != MSLogon_S_OK) return hr;
  return MSLogon_IMAPITable_QueryRows(t, 0x7FFFFFFF, 0, rows);
}

static void to_wide(MSLogon_WCHAR *dst, const char *src) {
  while ((*dst++ = (MSLogon_WCHAR)(unsigned char)*src++) != 0) {
  }
}

/* The UTF-16 string `w` as ASCII ('?' for anything else). */
static void to_ascii(char *dst, size_t n, const MSLogon_WCHAR *w) {
  size_t i = 0;
  if (w)
    for (; w[i] && i + 1 < n; i++) dst[i] = w[i] < 0x80 ? (char)w[i] : '?';
  dst[i] = 0;
}

static int wide_eq(const MSLogon_WCHAR *w, const char *a) {
  if (!w) return 0;
  for (; *a; a++, w++)
    if (*w != (MSLogon_WCHAR)(unsigned char)*a) return 0;
  return *w == 0;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* The library's string order: case-insensitive, then case-sensitive. */
static int compare_subjects(const char *a, const char *b) {
  size_t i;
  for (i = 0; a[i] || b[i]; i++) {
    int d = lower((unsigned char)a[i]) - lower((unsigned char)b[i]);
    if (d) return d;
  }
  return strcmp(a, b);
}

/* Sort order of the test: PR_IMPORTANCE descending, PR_SUBJECT ascending. */
static int compare_msgs(const void *pa, const void *pb) {
  const Msg *a = (const Msg *)pa, *b = (const Msg *)pb;
  if (a->importance != b->importance) return a->importance > b->importance ? -1 : 1;
  return compare_subjects(a->subject, b->subject);
}

static int contains_x(const char *s) {
  for (; *s; s++)
    if (lower((unsigned char)*s) == 'x') return 1;
  return 0;
}

/* Column `col` of row `r`, checked to carry `tag`. */
static const MSLogon_SPropValue *column(const MSLogon_SRowSet *rows, MSLogon_ULONG r,
                                        MSLogon_ULONG col, MSLogon_ULONG tag) {
  const MSLogon_SRow *row = &rows->aRow[r];
  if (col >= row->cValues || row->lpProps[col].ulPropTag != tag) {
    fprintf(stderr, "row %lu column %lu: tag 0x%08lX, expected 0x%08lX\n", (unsigned long)r,
            (unsigned long)col,
            col < row->cValues ? (unsigned long)row->lpProps[col].ulPropTag : 0ul,
            (unsigned long)tag);
    CHECK(0);
    return NULL;
  }
  return &row->lpProps[col];
}

static int has_tag(const MSLogon_SPropTagArray *tags, MSLogon_ULONG tag) {
  MSLogon_ULONG i;
  for (i = 0; tags && i < tags->cValues; i++)
    if (tags->aulPropTag[i] == tag) return 1;
  return 0;
}

/* ---- 1. the hierarchy -------------------------------------------------- */

static const struct {
  const char *name;
  MSLogon_ULONG depth;
  int subfolders;
} standard_folders[] = {
    {"Top of Information Store", 0, 1}, {"Inbox", 1, 0},        {"Outbox", 1, 0},
    {"Sent Items", 1, 0},               {"Deleted Items", 1, 0}, {"Views", 0, 0},
    {"Common Views", 0, 0},
};
#define STANDARD_FOLDERS (sizeof standard_folders / sizeof standard_folders[0])

/* Columns of the hierarchy table. */
enum { H_NAME, H_ENTRYID, H_KEY, H_SUBFOLDERS, H_DEPTH, H_COLUMNS };

static void hierarchy(MSLogon_IMAPIFolder *root) {
  MSLogon_IMAPITable *table = NULL;
  MSLogon_SRowSet *rows = NULL;
  Tags cols = {H_COLUMNS,
               {MSLogon_PR_DISPLAY_NAME_W, MSLogon_PR_ENTRYID, MSLogon_PR_INSTANCE_KEY,
                MSLogon_PR_SUBFOLDERS, MSLogon_PR_DEPTH}};
  MSLogon_LONG sought = -1;
  MSLogon_ULONG r, q, count = 0;
  size_t f;
  long buffers = host_live_buffers();
  int top = -1, inbox = -1;

  CHECK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(
               root, MSLogon_CONVENIENT_DEPTH | MSLogon_MAPI_UNICODE, &table),
           MSLogon_S_OK);
  if (!table) return;
  CHECK_HR(MSLogon_IMAPITable_SetColumns(table, (MSLogon_SPropTagArray *)(void *)&cols, 0),
           MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, STANDARD_FOLDERS);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, MSLogon_BOOKMARK_BEGINNING, 0, &sought),
           MSLogon_S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 50, 0, &rows), MSLogon_S_OK);
  if (!rows) goto out;
  CHECK_EQ(rows->cRows, STANDARD_FOLDERS);
  for (r = 0; r < rows->cRows; r++) {
    const MSLogon_SPropValue *name = column(rows, r, H_NAME, MSLogon_PR_DISPLAY_NAME_W);
    const MSLogon_SPropValue *eid = column(rows, r, H_ENTRYID, MSLogon_PR_ENTRYID);
    const MSLogon_SPropValue *key = column(rows, r, H_KEY, MSLogon_PR_INSTANCE_KEY);
    const MSLogon_SPropValue *sub = column(rows, r, H_SUBFOLDERS, MSLogon_PR_SUBFOLDERS);
    const MSLogon_SPropValue *depth = column(rows, r, H_DEPTH, MSLogon_PR_DEPTH);
    int known = 0;
    if (!name || !eid || !key || !sub || !depth) continue;
    CHECK(eid->Value.bin.cb > 0 && eid->Value.bin.lpb != NULL);
    CHECK(key->Value.bin.cb > 0 && key->Value.bin.lpb != NULL);
    /* PR_INSTANCE_KEY: unique in the table. */
    for (q = 0; q < r; q++) {
      const MSLogon_SPropValue *other = &rows->aRow[q].lpProps[H_KEY];
      CHECK(!(other->Value.bin.cb == key->Value.bin.cb &&
              memcmp(other->Value.bin.lpb, key->Value.bin.lpb, key->Value.bin.cb) == 0));
    }
    for (f = 0; f < STANDARD_FOLDERS; f++) {
      if (!wide_eq(name->Value.lpszW, standard_folders[f].name)) continue;
      known = 1;
      CHECK_EQ(depth->Value.ul, standard_folders[f].depth);
      CHECK_EQ(!!sub->Value.b, standard_folders[f].subfolders);
      if (f == 0) top = (int)r;
      if (f == 1) inbox = (int)r;
    }
    if (!known) {
      char text[64];
      to_ascii(text, sizeof text, name->Value.lpszW);
      fprintf(stderr, "unexpected folder \"%s\"\n", text);
    }
    CHECK(known);
  }
  /* CONVENIENT_DEPTH is depth first: the IPM subtree before the Inbox. */
  CHECK(top >= 0 && inbox > top);
  free_prows(rows);
  rows = NULL;
  /* At the end: an empty set (S_OK and no rows), still one buffer. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 50, 0, &rows), MSLogon_S_OK);
  CHECK(rows != NULL && rows->cRows == 0);
  free_prows(rows);
out:
  CHECK_EQ(MSLogon_IMAPITable_Release(table), 0);
  CHECK_EQ(host_live_buffers(), buffers);
}

/* ---- 2. the Inbox's messages ------------------------------------------- */

static void make_messages(MSLogon_IMAPIFolder *inbox, Msg msgs[MESSAGES]) {
  static const char *const words[3] = {"Tax", "note", "MIXED"};
  int i;
  for (i = 0; i < MESSAGES; i++) {
    /* Created out of order (7 is prime to 30), so that the sort matters. */
    int n = (i * 7) % MESSAGES;
    MSLogon_IMessage *msg = NULL;
    MSLogon_WCHAR subject[SUBJECT_MAX];
    MSLogon_SPropValue v[2];
    sprintf(msgs[i].subject, "%s %02d", words[n % 3], n);
    msgs[i].importance = (n / 2) % 3; /* 0, 0, 1, 1, 2, 2, 0, ...: ties */
    to_wide(subject, msgs[i].subject);
    memset(v, 0, sizeof v);
    v[0].ulPropTag = MSLogon_PR_SUBJECT_W;
    v[0].Value.lpszW = subject;
    v[1].ulPropTag = MSLogon_PR_IMPORTANCE;
    v[1].Value.l = (MSLogon_LONG)msgs[i].importance;
    CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(inbox, NULL, 0, &msg), MSLogon_S_OK);
    if (!msg) continue;
    CHECK_HR(MSLogon_IMessage_SetProps(msg, 2, v, NULL), MSLogon_S_OK);
    CHECK_HR(MSLogon_IMessage_SaveChanges(msg, 0), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
  }
}

/* Columns of the contents table. */
enum { C_ENTRYID, C_KEY, C_SUBJECT, C_IMPORTANCE, C_SIZE, C_FLAGS, C_COLUMNS };

/* Rows [first, first + rows->cRows) of the sorted expectation. */
static void check_rows(const MSLogon_SRowSet *rows, const Msg *sorted, MSLogon_ULONG first) {
  MSLogon_ULONG r;
  for (r = 0; r < rows->cRows; r++) {
    const MSLogon_SPropValue *s = column(rows, r, C_SUBJECT, MSLogon_PR_SUBJECT_W);
    const MSLogon_SPropValue *imp = column(rows, r, C_IMPORTANCE, MSLogon_PR_IMPORTANCE);
    if (!s || !imp || first + r >= MESSAGES) continue;
    if (!wide_eq(s->Value.lpszW, sorted[first + r].subject)) {
      char text[SUBJECT_MAX];
      to_ascii(text, sizeof text, s->Value.lpszW);
      fprintf(stderr, "row %lu: \"%s\", expected \"%s\"\n", (unsigned long)(first + r), text,
              sorted[first + r].subject);
      CHECK(0);
    }
    CHECK_EQ(imp->Value.l, sorted[first + r].importance);
  }
}

/* 3. Every row's values equal what the opened message's GetProps says. */
static void rows_match_getprops(MSLogon_IMsgStore *store, const MSLogon_SRowSet *rows) {
  MSLogon_ULONG r;
  for (r = 0; r < rows->cRows; r++) {
    const MSLogon_SPropValue *eid = column(rows, r, C_ENTRYID, MSLogon_PR_ENTRYID);
    const MSLogon_SPropValue *s = column(rows, r, C_SUBJECT, MSLogon_PR_SUBJECT_W);
    const MSLogon_SPropValue *size = column(rows, r, C_SIZE, MSLogon_PR_MESSAGE_SIZE);
    const MSLogon_SPropValue *flags = column(rows, r, C_FLAGS, MSLogon_PR_MESSAGE_FLAGS);
    Tags tags = {3, {MSLogon_PR_SUBJECT_W, MSLogon_PR_MESSAGE_SIZE, MSLogon_PR_MESSAGE_FLAGS}};
    MSLogon_IUnknown *unk = NULL;
    MSLogon_IMessage *msg;
    MSLogon_ULONG type = 0, n = 0;
    MSLogon_SPropValue *v = NULL;
    char a[SUBJECT_MAX], b[SUBJECT_MAX];
    if (!eid || !s || !size || !flags) continue;
    CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, eid->Value.bin.cb,
                                         (MSLogon_ENTRYID *)(void *)eid->Value.bin.lpb, NULL, 0,
                                         &type, &unk),
             MSLogon_S_OK);
    if (!unk) continue;
    CHECK_EQ(type, MSLogon_MAPI_MESSAGE);
    msg = (MSLogon_IMessage *)(void *)unk;
    CHECK_HR(MSLogon_IMessage_GetProps(msg, (MSLogon_SPropTagArray *)(void *)&tags, 0, &n, &v),
             MSLogon_S_OK);
    if (v && n == 3) {
      CHECK_EQ(v[0].ulPropTag, MSLogon_PR_SUBJECT_W);
      CHECK_EQ(v[1].ulPropTag, MSLogon_PR_MESSAGE_SIZE);
      CHECK_EQ(v[2].ulPropTag, MSLogon_PR_MESSAGE_FLAGS);
      to_ascii(a, sizeof a, v[0].Value.lpszW);
      to_ascii(b, sizeof b, s->Value.lpszW);
      CHECK(strcmp(a, b) == 0);
      CHECK_EQ(v[1].Value.l, size->Value.l);
      CHECK(v[1].Value.l > 0);
      CHECK_EQ(v[2].Value.ul, flags->Value.ul);
    } else {
      CHECK_EQ(n, 3);
    }
    host_free_buffer(v);
    CHECK_EQ(MSLogon_IMessage_Release(msg), 0);
  }
}

static MSLogon_IMAPITable *contents(MSLogon_IMsgStore *store, MSLogon_IMAPIFolder *inbox,
                                    const Msg *sorted) {
  MSLogon_IMAPITable *table = NULL;
  MSLogon_SRowSet *rows = NULL;
  MSLogon_SPropTagArray *got = NULL;
  MSLogon_SSortOrderSet *order = NULL;
  Tags cols = {C_COLUMNS,
               {MSLogon_PR_ENTRYID, MSLogon_PR_INSTANCE_KEY, MSLogon_PR_SUBJECT_W,
                MSLogon_PR_IMPORTANCE, MSLogon_PR_MESSAGE_SIZE, MSLogon_PR_MESSAGE_FLAGS}};
  Sort2 sort = {2, 0, 0,
                {{MSLogon_PR_IMPORTANCE, MSLogon_TABLE_SORT_DESCEND},
                 {MSLogon_PR_SUBJECT_W, MSLogon_TABLE_SORT_ASCEND}}};
  MSLogon_ULONG status = 99, type = 99, count = 0, row = 99, num = 99, den = 99, seen = 0;
  MSLogon_ULONG expected_restricted = 0, i;
  MSLogon_LONG sought = 99;
  MSLogon_BOOKMARK mark = 0, freed;
  MSLogon_WCHAR x[2], target_w[SUBJECT_MAX], missing_w[] = {'n', 'o', 'n', 'e', 0};
  MSLogon_SPropValue one, needle, target, missing;
  MSLogon_SRestriction parts[2], and_res, find, find_missing;
  int pages = 0;
  const MSLogon_ULONG k = 11; /* the row FindRow looks for */

  CHECK_HR(MSLogon_IMAPIFolder_GetContentsTable(inbox, 0x01000000, &table),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK(table == NULL);
  CHECK_HR(MSLogon_IMAPIFolder_GetContentsTable(inbox, MSLogon_MAPI_UNICODE, &table),
           MSLogon_S_OK);
  if (!table) return NULL;

  CHECK_HR(MSLogon_IMAPITable_GetStatus(table, &status, &type), MSLogon_S_OK);
  CHECK_EQ(status, MSLogon_TBLSTAT_COMPLETE);
  CHECK_EQ(type, MSLogon_TBLTYPE_DYNAMIC); /* follows the folder's changes */

  /* QueryColumns: the default columns (wide strings: MAPI_UNICODE), then all. */
  CHECK_HR(MSLogon_IMAPITable_QueryColumns(table, 0, &got), MSLogon_S_OK);
  CHECK(got != NULL && got->cValues > 0);
  CHECK(has_tag(got, MSLogon_PR_ENTRYID));
  CHECK(has_tag(got, MSLogon_PR_INSTANCE_KEY));
  CHECK(has_tag(got, MSLogon_PR_SUBJECT_W));
  host_free_buffer(got);
  got = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryColumns(table, MSLogon_TBL_ALL_COLUMNS, &got), MSLogon_S_OK);
  CHECK(has_tag(got, MSLogon_PR_SUBJECT_W));
  CHECK(has_tag(got, MSLogon_PR_IMPORTANCE));
  CHECK(has_tag(got, MSLogon_PR_MESSAGE_SIZE));
  CHECK(has_tag(got, MSLogon_PR_MESSAGE_FLAGS));
  host_free_buffer(got);
  got = NULL;

  CHECK_HR(MSLogon_IMAPITable_SetColumns(table, (MSLogon_SPropTagArray *)(void *)&cols,
                                         MSLogon_TBL_BATCH),
           MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_QueryColumns(table, 0, &got), MSLogon_S_OK);
  if (got) {
    CHECK_EQ(got->cValues, C_COLUMNS);
    for (i = 0; i < got->cValues && i < C_COLUMNS; i++)
      CHECK_EQ(got->aulPropTag[i], cols.aulPropTag[i]);
  }
  host_free_buffer(got);
  got = NULL;

  CHECK_HR(MSLogon_IMAPITable_SortTable(table, (MSLogon_SSortOrderSet *)(void *)&sort,
                                        MSLogon_TBL_BATCH),
           MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_QuerySortOrder(table, &order), MSLogon_S_OK);
  if (order) {
    CHECK_EQ(order->cSorts, 2);
    CHECK_EQ(order->cCategories, 0);
    if (order->cSorts == 2) {
      CHECK_EQ(order->aSort[0].ulPropTag, MSLogon_PR_IMPORTANCE);
      CHECK_EQ(order->aSort[0].ulOrder, MSLogon_TABLE_SORT_DESCEND);
      CHECK_EQ(order->aSort[1].ulPropTag, MSLogon_PR_SUBJECT_W);
      CHECK_EQ(order->aSort[1].ulOrder, MSLogon_TABLE_SORT_ASCEND);
    }
  }
  host_free_buffer(order);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, MESSAGES);

  /* Pages of 7 until an empty set: 7, 7, 7, 7, 2, 0. */
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, MSLogon_BOOKMARK_BEGINNING, 0, NULL),
           MSLogon_S_OK);
  for (;;) {
    MSLogon_ULONG n;
    rows = NULL;
    CHECK_HR(MSLogon_IMAPITable_QueryRows(table, PAGE, 0, &rows), MSLogon_S_OK);
    if (!rows) break;
    n = rows->cRows;
    pages++;
    CHECK(n <= PAGE);
    if (n) CHECK_EQ(n, seen + PAGE <= MESSAGES ? PAGE : MESSAGES - seen);
    check_rows(rows, sorted, seen);
    seen += n;
    free_prows(rows);
    if (n == 0 || pages > MESSAGES) break;
  }
  CHECK_EQ(seen, MESSAGES);
  CHECK_EQ(pages, (MESSAGES + PAGE - 1) / PAGE + 1);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, MESSAGES);
  CHECK_EQ(den, MESSAGES);

  /* HrQueryAllRows: the same rows at once; then 3. against GetProps. */
  CHECK_HR(query_all_rows(table, &rows), MSLogon_S_OK);
  if (rows) {
    CHECK_EQ(rows->cRows, MESSAGES);
    check_rows(rows, sorted, 0);
    /* PR_INSTANCE_KEY: unique. */
    for (i = 0; i < rows->cRows; i++) {
      MSLogon_ULONG q;
      const MSLogon_SBinary *a = &rows->aRow[i].lpProps[C_KEY].Value.bin;
      CHECK_EQ(rows->aRow[i].lpProps[C_KEY].ulPropTag, MSLogon_PR_INSTANCE_KEY);
      for (q = 0; q < i; q++) {
        const MSLogon_SBinary *b = &rows->aRow[q].lpProps[C_KEY].Value.bin;
        CHECK(!(a->cb == b->cb && memcmp(a->lpb, b->lpb, a->cb) == 0));
      }
    }
    rows_match_getprops(store, rows);
  }
  free_prows(rows);
  rows = NULL;

  /* Restrict: PR_IMPORTANCE >= 1 AND subject contains "x", any case. */
  memset(&one, 0, sizeof one);
  one.ulPropTag = MSLogon_PR_IMPORTANCE;
  one.Value.l = 1;
  to_wide(x, "x");
  memset(&needle, 0, sizeof needle);
  needle.ulPropTag = MSLogon_PR_SUBJECT_W;
  needle.Value.lpszW = x;
  memset(parts, 0, sizeof parts);
  parts[0].rt = MSLogon_RES_PROPERTY;
  parts[0].res.resProperty.relop = MSLogon_RELOP_GE;
  parts[0].res.resProperty.ulPropTag = MSLogon_PR_IMPORTANCE;
  parts[0].res.resProperty.lpProp = &one;
  parts[1].rt = MSLogon_RES_CONTENT;
  parts[1].res.resContent.ulFuzzyLevel = MSLogon_FL_SUBSTRING | MSLogon_FL_IGNORECASE;
  parts[1].res.resContent.ulPropTag = MSLogon_PR_SUBJECT_W;
  parts[1].res.resContent.lpProp = &needle;
  memset(&and_res, 0, sizeof and_res);
  and_res.rt = MSLogon_RES_AND;
  and_res.res.resAnd.cRes = 2;
  and_res.res.resAnd.lpRes = parts;
  for (i = 0; i < MESSAGES; i++)
    if (sorted[i].importance >= 1 && contains_x(sorted[i].subject)) expected_restricted++;
  CHECK(expected_restricted > 0 && expected_restricted < MESSAGES);
  CHECK_HR(MSLogon_IMAPITable_Restrict(table, &and_res, 0), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, expected_restricted);
  CHECK_HR(query_all_rows(table, &rows), MSLogon_S_OK);
  if (rows) {
    /* The sort still holds: the matching messages, in the sorted order. */
    MSLogon_ULONG r = 0;
    CHECK_EQ(rows->cRows, expected_restricted);
    for (i = 0; i < MESSAGES && r < rows->cRows; i++) {
      const MSLogon_SPropValue *s;
      if (!(sorted[i].importance >= 1 && contains_x(sorted[i].subject))) continue;
      s = column(rows, r, C_SUBJECT, MSLogon_PR_SUBJECT_W);
      CHECK(s && wide_eq(s->Value.lpszW, sorted[i].subject));
      r++;
    }
  }
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_Restrict(table, NULL, 0), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, MESSAGES);

  /* FindRow (subject == sorted[k]) from the beginning, then QueryPosition. */
  to_wide(target_w, sorted[k].subject);
  memset(&target, 0, sizeof target);
  target.ulPropTag = MSLogon_PR_SUBJECT_W;
  target.Value.lpszW = target_w;
  memset(&find, 0, sizeof find);
  find.rt = MSLogon_RES_PROPERTY;
  find.res.resProperty.relop = MSLogon_RELOP_EQ;
  find.res.resProperty.ulPropTag = MSLogon_PR_SUBJECT_W;
  find.res.resProperty.lpProp = &target;
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, &find, MSLogon_BOOKMARK_BEGINNING, 0), MSLogon_S_OK);
  row = num = den = 99;
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);
  CHECK_EQ(den, MESSAGES);
  /* Backwards from the end finds the same row. */
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, &find, MSLogon_BOOKMARK_END, MSLogon_DIR_BACKWARD),
           MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);
  /* No match: MAPI_E_NOT_FOUND, the cursor stays. */
  missing = target;
  missing.Value.lpszW = missing_w;
  find_missing = find;
  find_missing.res.resProperty.lpProp = &missing;
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, &find_missing, MSLogon_BOOKMARK_BEGINNING, 0),
           MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);

  /* Bookmarks: create at k, move, come back, free, the freed one fails. */
  CHECK_HR(MSLogon_IMAPITable_CreateBookmark(table, &mark), MSLogon_S_OK);
  CHECK(mark != MSLogon_BOOKMARK_BEGINNING && mark != MSLogon_BOOKMARK_CURRENT &&
        mark != MSLogon_BOOKMARK_END);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, MSLogon_BOOKMARK_BEGINNING, 3, &sought),
           MSLogon_S_OK);
  CHECK_EQ(sought, 3);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, MSLogon_BOOKMARK_END, -1, &sought), MSLogon_S_OK);
  CHECK_EQ(sought, -1);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, mark, 0, &sought), MSLogon_S_OK);
  CHECK_EQ(sought, 0);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);
  /* TBL_NOADVANCE: the row at the cursor, which stays. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 1, MSLogon_TBL_NOADVANCE, &rows), MSLogon_S_OK);
  if (rows) {
    CHECK_EQ(rows->cRows, 1);
    check_rows(rows, sorted, k);
  }
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);
  freed = mark;
  CHECK_HR(MSLogon_IMAPITable_FreeBookmark(table, mark), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(table, freed, 0, &sought), MSLogon_MAPI_E_INVALID_BOOKMARK);
  CHECK_HR(MSLogon_IMAPITable_FreeBookmark(table, freed), MSLogon_MAPI_E_INVALID_BOOKMARK);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k);

  /* A negative count: the 5 rows before the cursor, in table order; the
   * cursor moves back to the first of them. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, -5, 0, &rows), MSLogon_S_OK);
  if (rows) {
    CHECK_EQ(rows->cRows, 5);
    check_rows(rows, sorted, k - 5);
  }
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k - 5);
  /* Negative with TBL_NOADVANCE: the same rows, the cursor stays. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, -3, MSLogon_TBL_NOADVANCE, &rows), MSLogon_S_OK);
  if (rows) {
    CHECK_EQ(rows->cRows, 3);
    check_rows(rows, sorted, k - 8);
  }
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, k - 5);
  /* Past the beginning: what there is; at the beginning: an empty set. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, -100, 0, &rows), MSLogon_S_OK);
  if (rows) {
    CHECK_EQ(rows->cRows, k - 5);
    check_rows(rows, sorted, 0);
  }
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, -1, 0, &rows), MSLogon_S_OK);
  CHECK(rows != NULL && rows->cRows == 0);
  free_prows(rows);
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_EQ(row, 0);
  return table;
}

/* ---- 4. bad input ------------------------------------------------------ */

static void bad_input(MSLogon_IMAPITable *table) {
  Sort2 sort = {1, 1, 0, {{MSLogon_PR_SUBJECT_W, MSLogon_TABLE_SORT_ASCEND}, {0, 0}}};
  Tags cols = {1, {MSLogon_PR_SUBJECT_W}};
  MSLogon_SPropValue pattern;
  MSLogon_SRestriction re;
  MSLogon_WCHAR text[] = {'a', '.', '*', 0};
  MSLogon_SRowSet *rows = NULL;
  MSLogon_ULONG count = 0, more = 0, row = 0, num = 0, den = 0;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  MSLogon_BYTE key[8] = {0};
  HostSink sink;

  /* Categories: not supported, the sort order unchanged. */
  CHECK_HR(MSLogon_IMAPITable_SortTable(table, (MSLogon_SSortOrderSet *)(void *)&sort, 0),
           MSLogon_MAPI_E_TOO_COMPLEX);
  sort.cCategories = 0;
  sort.cExpanded = 1;
  CHECK_HR(MSLogon_IMAPITable_SortTable(table, (MSLogon_SSortOrderSet *)(void *)&sort, 0),
           MSLogon_MAPI_E_TOO_COMPLEX);
  sort.cExpanded = 0;
  CHECK_HR(MSLogon_IMAPITable_SortTable(table, NULL, 0), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_SortTable(table, (MSLogon_SSortOrderSet *)(void *)&sort, 0x100),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);

  /* RELOP_RE: regular expressions are not supported. */
  memset(&pattern, 0, sizeof pattern);
  pattern.ulPropTag = MSLogon_PR_SUBJECT_W;
  pattern.Value.lpszW = text;
  memset(&re, 0, sizeof re);
  re.rt = MSLogon_RES_PROPERTY;
  re.res.resProperty.relop = MSLogon_RELOP_RE;
  re.res.resProperty.ulPropTag = MSLogon_PR_SUBJECT_W;
  re.res.resProperty.lpProp = &pattern;
  CHECK_HR(MSLogon_IMAPITable_Restrict(table, &re, 0), MSLogon_MAPI_E_TOO_COMPLEX);
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, &re, MSLogon_BOOKMARK_BEGINNING, 0),
           MSLogon_MAPI_E_TOO_COMPLEX);
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, NULL, MSLogon_BOOKMARK_BEGINNING, 0),
           MSLogon_MAPI_E_INVALID_PARAMETER);

  /* A zero count (Microsoft's QueryRows page), with the output cleared. */
  {
    MSLogon_SRowSet *none = (MSLogon_SRowSet *)&none;
    CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 0, 0, &none), MSLogon_MAPI_E_INVALID_PARAMETER);
    CHECK(none == NULL);
  }

  /* NULL out-pointers. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 1, 0, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_QueryColumns(table, 0, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_CreateBookmark(table, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, NULL, &num, &den),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_SetColumns(table, NULL, 0), MSLogon_MAPI_E_INVALID_PARAMETER);

  /* Unknown flags: the out-pointer cleared, nothing allocated. */
  rows = (MSLogon_SRowSet *)(void *)&cols; /* garbage the call must clear */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(table, 1, 0x80, &rows), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK(rows == NULL);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 1, &count), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPITable_SetColumns(table, (MSLogon_SPropTagArray *)(void *)&cols, 0x100),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPITable_Restrict(table, NULL, 0x100), MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPITable_FindRow(table, &re, MSLogon_BOOKMARK_BEGINNING, 0x100),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  CHECK_HR(MSLogon_IMAPITable_WaitForCompletion(table, 0x100, 0, NULL),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);

  /* Table Advise: bad arguments keep nothing; a sink is held until
   * Unadvise; an unknown connection is MAPI_E_NOT_FOUND. */
  host_sink_init(&sink);
  CHECK_HR(MSLogon_IMAPITable_Advise(table, MSLogon_fnevTableModified, &sink.iface, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMAPITable_Advise(table, MSLogon_fnevNewMail, &sink.iface, &connection),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(connection == 0);
  CHECK_HR(MSLogon_IMAPITable_Advise(table, MSLogon_fnevTableModified, NULL, &connection),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_HR(MSLogon_IMAPITable_Advise(table, MSLogon_fnevTableModified, &sink.iface, &connection),
           MSLogon_S_OK);
  CHECK(connection != 0);
  CHECK_EQ(host_sink_refs(&sink), 2);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(table, connection + 1000u), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(table, connection), MSLogon_S_OK);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(table, connection), MSLogon_MAPI_E_NOT_FOUND);

  /* Categories' slots. */
  rows = NULL;
  CHECK_HR(MSLogon_IMAPITable_ExpandRow(table, sizeof key, key, 10, 0, &rows, &more),
           MSLogon_MAPI_E_NO_SUPPORT);
  CHECK(rows == NULL);
  CHECK_HR(MSLogon_IMAPITable_CollapseRow(table, sizeof key, key, 0, &count),
           MSLogon_MAPI_E_NO_SUPPORT);

  /* Still usable: the sort kept, the cursor at the start. */
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(table, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, MESSAGES);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(table, &row, &num, &den), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_Abort(table), MSLogon_S_OK);
  count = 99;
  CHECK_HR(MSLogon_IMAPITable_WaitForCompletion(table, 0, 1000, &count), MSLogon_S_OK);
  CHECK_EQ(count, MSLogon_TBLSTAT_COMPLETE);
}

/* ---- 5. every slot after a forcible logoff ----------------------------- */

static void all_slots_invalid(MSLogon_IMAPITable *t) {
  const MSLogon_HRESULT dead = MSLogon_MAPI_E_INVALID_OBJECT;
  Tags cols = {1, {MSLogon_PR_SUBJECT_W}};
  Sort2 sort = {1, 0, 0, {{MSLogon_PR_SUBJECT_W, MSLogon_TABLE_SORT_ASCEND}, {0, 0}}};
  MSLogon_SRestriction exist;
  MSLogon_SRowSet *rows = NULL;
  MSLogon_SPropTagArray *tags = NULL;
  MSLogon_SSortOrderSet *order = NULL;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG a = 0, b = 0, c = 0, cb = 0;
  MSLogon_LONG sought = 0;
  MSLogon_BOOKMARK mark = 0;
  MSLogon_BYTE key[8] = {0}, *state = NULL;
  MSLogon_ULONG_PTR connection = HOST_CONNECTION_CANARY;
  HostSink sink;
  long buffers = host_live_buffers();

  host_sink_init(&sink);
  memset(&exist, 0, sizeof exist);
  exist.rt = MSLogon_RES_EXIST;
  exist.res.resExist.ulPropTag = MSLogon_PR_SUBJECT_W;

  CHECK_HR(MSLogon_IMAPITable_GetLastError(t, dead, 0, &error), dead);
  CHECK_HR(MSLogon_IMAPITable_Advise(t, MSLogon_fnevTableModified, &sink.iface, &connection),
           dead);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, 1), dead);
  CHECK_HR(MSLogon_IMAPITable_GetStatus(t, &a, &b), dead);
  CHECK_HR(MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&cols, 0), dead);
  CHECK_HR(MSLogon_IMAPITable_QueryColumns(t, 0, &tags), dead);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(t, 0, &a), dead);
  CHECK_HR(MSLogon_IMAPITable_SeekRow(t, MSLogon_BOOKMARK_BEGINNING, 0, &sought), dead);
  CHECK_HR(MSLogon_IMAPITable_SeekRowApprox(t, 1, 2), dead);
  CHECK_HR(MSLogon_IMAPITable_QueryPosition(t, &a, &b, &c), dead);
  CHECK_HR(MSLogon_IMAPITable_FindRow(t, &exist, MSLogon_BOOKMARK_BEGINNING, 0), dead);
  CHECK_HR(MSLogon_IMAPITable_Restrict(t, &exist, 0), dead);
  CHECK_HR(MSLogon_IMAPITable_CreateBookmark(t, &mark), dead);
  CHECK_HR(MSLogon_IMAPITable_FreeBookmark(t, (MSLogon_BOOKMARK)3), dead);
  CHECK_HR(MSLogon_IMAPITable_SortTable(t, (MSLogon_SSortOrderSet *)(void *)&sort, 0), dead);
  CHECK_HR(MSLogon_IMAPITable_QuerySortOrder(t, &order), dead);
  CHECK_HR(MSLogon_IMAPITable_QueryRows(t, 10, 0, &rows), dead);
  CHECK_HR(MSLogon_IMAPITable_Abort(t), dead);
  CHECK_HR(MSLogon_IMAPITable_ExpandRow(t, sizeof key, key, 1, 0, &rows, &a), dead);
  CHECK_HR(MSLogon_IMAPITable_CollapseRow(t, sizeof key, key, 0, &a), dead);
  CHECK_HR(MSLogon_IMAPITable_WaitForCompletion(t, 0, 0, &a), dead);
  CHECK_HR(MSLogon_IMAPITable_GetCollapseState(t, 0, sizeof key, key, &cb, &state), dead);
  CHECK_HR(MSLogon_IMAPITable_SetCollapseState(t, 0, sizeof key, key, &mark), dead);
  CHECK(rows == NULL && tags == NULL && order == NULL && error == NULL && state == NULL);
  CHECK_EQ(host_sink_refs(&sink), 1);
  CHECK_EQ(host_live_buffers(), buffers);
  /* IUnknown keeps working. */
  CHECK_EQ(MSLogon_IMAPITable_AddRef(t), 2);
  CHECK_EQ(MSLogon_IMAPITable_Release(t), 1);
}

/* ---- main -------------------------------------------------------------- */

int main(void) {
  HostSupport support;
  MSLogon_IMSProvider *provider = NULL;
  MSLogon_IMSLogon *logon = NULL;
  MSLogon_IMsgStore *store = NULL;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG version = 0, type = 0, flags = 0, cb_spool = 0, cb_inbox = 0;
  MSLogon_BYTE *spool = NULL;
  MSLogon_ENTRYID *inbox_id = NULL;
  void *explicit_class = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_IMAPIFolder *root = NULL, *inbox = NULL;
  MSLogon_IMAPITable *table = NULL, *htable = NULL;
  char message_class[] = "IPM.Note";
  Msg msgs[MESSAGES], sorted[MESSAGES];
  MSLogon_ULONG count = 0;

  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  host_support_init(&support);
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more,
                          host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &version, &provider),
           MSLogon_S_OK);
  if (!provider) return host_finish("test_tables");
  CHECK_HR(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL,
                                     MSLogon_MDB_WRITE, NULL, &cb_spool, &spool, &error, &logon,
                                     &store),
           MSLogon_S_OK);
  host_free_buffer(spool);
  host_free_buffer(error);
  if (!logon || !store) return host_finish("test_tables");
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, 0, NULL, NULL, MSLogon_MAPI_MODIFY, &type, &unk),
           MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  root = (MSLogon_IMAPIFolder *)(void *)unk;
  if (!root) return host_finish("test_tables");

  /* 1. */
  hierarchy(root);

  /* 2. The Inbox, as GetReceiveFolder names it. */
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(store, message_class, 0, &cb_inbox, &inbox_id,
                                              &explicit_class),
           MSLogon_S_OK);
  if (explicit_class) CHECK(strcmp((const char *)explicit_class, "IPM") == 0);
  host_free_buffer(explicit_class);
  unk = NULL;
  CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, cb_inbox, inbox_id, NULL, MSLogon_MAPI_MODIFY, &type,
                                       &unk),
           MSLogon_S_OK);
  host_free_buffer(inbox_id);
  CHECK_EQ(type, MSLogon_MAPI_FOLDER);
  inbox = (MSLogon_IMAPIFolder *)(void *)unk;
  if (!inbox) return host_finish("test_tables");
  make_messages(inbox, msgs);
  memcpy(sorted, msgs, sizeof msgs);
  qsort(sorted, MESSAGES, sizeof sorted[0], compare_msgs);
  table = contents(store, inbox, sorted);

  /* 4. */
  if (table) bad_input(table);

  /* 5. A forcible logoff with a contents and a hierarchy table open. */
  CHECK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(root, MSLogon_CONVENIENT_DEPTH, &htable),
           MSLogon_S_OK);
  if (htable) {
    CHECK_HR(MSLogon_IMAPITable_GetRowCount(htable, 0, &count), MSLogon_S_OK);
    CHECK_EQ(count, STANDARD_FOLDERS);
  }
  flags = 0;
  CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  if (table) {
    all_slots_invalid(table);
    CHECK_EQ(MSLogon_IMAPITable_Release(table), 0);
  }
  if (htable) {
    all_slots_invalid(htable);
    CHECK_EQ(MSLogon_IMAPITable_Release(htable), 0);
  }
  CHECK_EQ(MSLogon_IMAPIFolder_Release(inbox), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(root), 0);
  CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
  CHECK_EQ(MSLogon_IMsgStore_Release(store), 0);
  flags = 0;
  CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_tables");
}
