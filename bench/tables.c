/*
 * tables.c: the cost of a contents table of the Rust library (libmslogon)
 * as a function of the folder's size: paging (QueryRows), sorting
 * (SortTable) and restricting (Restrict), through the vtables, as a MAPI
 * client drives them. There is no C reference table engine: only the Rust
 * library is measured.
 *
 *   tables time QUERIES REPS SIZE...
 *   tables callgrind QUERIES REPS SIZE...
 *
 * (REPS 0: only the QueryRows operations.)
 *
 * For each SIZE (folder size N): a provider and a logon of their own (so
 * the store holds only this folder's messages), a folder created under
 * the IPM subtree, N messages saved in it (CreateMessage + SetProps +
 * SaveChanges + Release), its contents table opened (MAPI_UNICODE) with 6
 * columns, then:
 *
 *   open        GetContentsTable + SetColumns + Release (REPS calls)
 *   sort        SortTable(PR_MESSAGE_DELIVERY_TIME descending,
 *               PR_SUBJECT_W ascending) (REPS calls)
 *   query50     QueryRows(50) + FreeProws (each row's lpProps, then the
 *               row set, with the host's MAPIFreeBuffer) on the sorted
 *               table, QUERIES calls, each at another position (SeekRow
 *               from BOOKMARK_BEGINNING, not measured) spread over the table
 *   query50_natural  the same on a second table of the folder, not sorted:
 *               the rows in the order the messages were saved (neighbours
 *               in the table are neighbours in memory; in the sorted table
 *               they are not)
 *   query50_hot the same as query50, always at the same position (the
 *               middle of the table): its rows stay in the CPU's caches
 *   restrict_content   Restrict(RES_CONTENT, PR_SUBJECT_W,
 *               FL_SUBSTRING | FL_IGNORECASE, "budget") on the sorted table
 *   restrict_property  Restrict(RES_PROPERTY, PR_IMPORTANCE, RELOP_EQ,
 *               IMPORTANCE_HIGH) on the sorted table
 *
 * `time` prints, per (operation, N), the median and the fastest wall time
 * of one call (each call timed on its own). `callgrind` brackets the
 * measured calls with client requests and dumps each (operation, N) under
 * the label "bench <op> <N> <calls>": run it under
 *   valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no
 * so that filling the folders runs uninstrumented.
 *
 * Each message has PR_SUBJECT_W (3840 distinct subjects: ties),
 * PR_IMPORTANCE, PR_MESSAGE_DELIVERY_TIME (about two messages a minute:
 * ties), PR_MESSAGE_CLASS_W and PR_BODY_W, one sentence long or
 * MSLOGON_BENCH_TABLE_BODY characters (at most 1000000; not set by
 * bench/run).
 *
 * Records are printed one per line, tab-separated, first field the kind
 * (bench/run turns them into a table); other lines start with '#'.
 * Benchmarks are not tests: nothing here judges speed. The driver exits 1
 * if a call answers something other than what MAPI's contract says (a
 * wrong row count, the wrong order, a buffer or object left over), 2 on a
 * usage or set-up error.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define HAVE_CALLGRIND 0
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(s) ((void)(s))
#define RUNNING_ON_VALGRIND 0
#endif

#include "host.h"
#include "mslogon.h"

#define PAGE 50
#define MAX_SIZES 8
#define SUBJECT_MAX 96

static long bad; /* answers that differ from the contract */

static void unexpected(const char *what, long n, long got, long want) {
  if (bad < 20)
    fprintf(stderr, "tables: N=%ld: %s: got %ld (0x%08lX), want %ld\n", n, what, got,
            (unsigned long)got, want);
  bad++;
}
#define EXPECT(what, n, got, want)                                           \
  do {                                                                       \
    long got_ = (long)(got), want_ = (long)(want);                           \
    if (got_ != want_) unexpected((what), (n), got_, want_);                 \
  } while (0)

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* ---- the messages ------------------------------------------------------------ */

/* Subjects: a prefix, a topic and a number, 4 * 24 * 40 = 3840 distinct
 * ones, mixed case, some not ASCII; 3 of the 24 topics contain "budget" in
 * some case. A folder of 100k messages has about 26 of each (ties). */
static const MSLogon_WCHAR *const prefixes[4] = {u"", u"RE: ", u"FW: ", u"Re: "};
static const MSLogon_WCHAR *const topics[24] = {
    u"Budget review",        u"Q3 BUDGET figures",     u"Weekly status",
    u"Team lunch",           u"Release notes",         u"Server maintenance window",
    u"Invoice overdue",      u"Holiday schedule",      u"Project Phoenix kickoff",
    u"Re-org announcement",  u"Travel request",        u"Security training",
    u"Customer escalation",  u"Quarterly figures: draft for review",
    u"Office move",          u"Expense report",        u"Build failures on main",
    u"Interview feedback",   u"Contract renewal",      u"R\u00e9union d'\u00e9quipe",
    u"\u00dcbersicht der Auftr\u00e4ge",                u"the budget, once more",
    u"lunch?",               u"ZZZ: archive"};
#define TOPIC_HAS_BUDGET(t) ((t) == 0 || (t) == 1 || (t) == 21)

static MSLogon_WCHAR w_class[] = u"IPM.Note";

/* A well-mixed 32-bit hash of i (a fixed sequence: the same folders every
 * run). */
static unsigned mix(unsigned x) {
  x ^= x >> 16;
  x *= 0x7FEB352Du;
  x ^= x >> 15;
  x *= 0x846CA68Bu;
  x ^= x >> 16;
  return x;
}

/* Appends `src` to the string of `len` characters at `dst`, which holds
 * `cap` (with the terminating 0). */
static size_t wcat(MSLogon_WCHAR *dst, size_t len, size_t cap, const MSLogon_WCHAR *src) {
  while (*src && len + 1 < cap) dst[len++] = *src++;
  dst[len] = 0;
  return len;
}

static size_t acat(MSLogon_WCHAR *dst, size_t len, size_t cap, const char *src) {
  while (*src && len + 1 < cap) dst[len++] = (MSLogon_WCHAR)(unsigned char)*src++;
  dst[len] = 0;
  return len;
}

/* The body's length in characters: MSLOGON_BENCH_TABLE_BODY, or 0 for one
 * sentence (about 80 characters). */
static size_t body_chars;
#define BODY_MAX 1000000
static const MSLogon_WCHAR body_text[] = u"Please see the figures below; the totals are provisional. ";

/* 2024-01-01 00:00 UTC as a FILETIME (100 ns since 1601). */
#define FT_2024 133485408000000000ull
#define FT_MINUTE 600000000ull

typedef struct Expect {
  long budget; /* subjects containing "budget", any case */
  long high;   /* PR_IMPORTANCE == IMPORTANCE_HIGH (2) */
} Expect;

/* Message i of a folder of n: its subject, importance, delivery time
 * (about two messages per minute slot: ties, so the second key matters)
 * and body. */
static void message_props(long i, long n, MSLogon_WCHAR subject[SUBJECT_MAX],
                          MSLogon_WCHAR body[BODY_MAX + 1], MSLogon_SPropValue v[5], Expect *e) {
  unsigned h = mix((unsigned)i * 2u + 1u), h2 = mix((unsigned)i ^ 0xA5A5A5A5u);
  unsigned topic = (h >> 8) % 24u, importance = h % 3u;
  unsigned long long ft = FT_2024 + (unsigned long long)(h2 % (unsigned)(n / 2 + 1)) * FT_MINUTE;
  char num[64];
  size_t len = 0, blen = 0;
  subject[0] = 0;
  len = wcat(subject, len, SUBJECT_MAX, prefixes[(h >> 4) % 4u]);
  len = wcat(subject, len, SUBJECT_MAX, topics[topic]);
  snprintf(num, sizeof num, " #%u", (h >> 16) % 40u);
  acat(subject, len, SUBJECT_MAX, num);
  body[0] = 0;
  snprintf(num, sizeof num, "Message %ld of %ld. ", i, n);
  blen = acat(body, blen, BODY_MAX + 1, num);
  do
    blen = wcat(body, blen, body_chars ? body_chars + 1 : BODY_MAX + 1, body_text);
  while (blen < body_chars);
  memset(v, 0, 5 * sizeof v[0]);
  v[0].ulPropTag = MSLogon_PR_SUBJECT_W;
  v[0].Value.lpszW = subject;
  v[1].ulPropTag = MSLogon_PR_IMPORTANCE;
  v[1].Value.l = (MSLogon_LONG)importance;
  v[2].ulPropTag = MSLogon_PR_MESSAGE_DELIVERY_TIME;
  v[2].Value.ft.dwLowDateTime = (MSLogon_DWORD)ft;
  v[2].Value.ft.dwHighDateTime = (MSLogon_DWORD)(ft >> 32);
  v[3].ulPropTag = MSLogon_PR_MESSAGE_CLASS_W;
  v[3].Value.lpszW = w_class;
  v[4].ulPropTag = MSLogon_PR_BODY_W;
  v[4].Value.lpszW = body;
  e->budget += TOPIC_HAS_BUDGET(topic);
  e->high += importance == 2;
}

/* ---- one folder ------------------------------------------------------------ */

typedef struct Folder {
  long n;
  HostSupport support;
  MSLogon_IMSProvider *provider;
  MSLogon_IMSLogon *logon;
  MSLogon_IMsgStore *store;
  MSLogon_IMAPIFolder *folder;
  MSLogon_IMAPITable *table;   /* sorted, 6 columns */
  MSLogon_IMAPITable *natural; /* the same columns, not sorted: the folder's order */
  Expect expect;
  double fill_seconds;
  size_t heap_bytes; /* heap in use (glibc's count) for the store and its messages */
} Folder;

/* The columns (a SizedSPropTagArray(6)). */
enum { C_ENTRYID, C_KEY, C_SUBJECT, C_TIME, C_FLAGS, C_IMPORTANCE, C_COLUMNS };
static const struct {
  MSLogon_ULONG cValues;
  MSLogon_ULONG aulPropTag[C_COLUMNS];
} columns = {C_COLUMNS,
             {MSLogon_PR_ENTRYID, MSLogon_PR_INSTANCE_KEY, MSLogon_PR_SUBJECT_W,
              MSLogon_PR_MESSAGE_DELIVERY_TIME, MSLogon_PR_MESSAGE_FLAGS, MSLogon_PR_IMPORTANCE}};

/* The sort (a SizedSSortOrderSet(2)). */
static const struct {
  MSLogon_ULONG cSorts;
  MSLogon_ULONG cCategories;
  MSLogon_ULONG cExpanded;
  MSLogon_SSortOrder aSort[2];
} sort2 = {2, 0, 0,
           {{MSLogon_PR_MESSAGE_DELIVERY_TIME, MSLogon_TABLE_SORT_DESCEND},
            {MSLogon_PR_SUBJECT_W, MSLogon_TABLE_SORT_ASCEND}}};

/* The restrictions. */
static MSLogon_WCHAR w_budget[] = u"budget";
static MSLogon_SPropValue needle = {.ulPropTag = MSLogon_PR_SUBJECT_W, .Value.lpszW = w_budget};
static MSLogon_SPropValue high = {.ulPropTag = MSLogon_PR_IMPORTANCE, .Value.l = 2};
static MSLogon_SRestriction res_content = {
    .rt = MSLogon_RES_CONTENT,
    .res.resContent = {MSLogon_FL_SUBSTRING | MSLogon_FL_IGNORECASE, MSLogon_PR_SUBJECT_W,
                       &needle}};
static MSLogon_SRestriction res_property = {
    .rt = MSLogon_RES_PROPERTY,
    .res.resProperty = {MSLogon_RELOP_EQ, MSLogon_PR_IMPORTANCE, &high}};

static void free_prows(MSLogon_SRowSet *rows) {
  MSLogon_ULONG i;
  if (!rows) return;
  for (i = 0; i < rows->cRows; i++) host_free_buffer(rows->aRow[i].lpProps);
  host_free_buffer(rows);
}

static MSLogon_IMAPITable *open_table(Folder *f) {
  MSLogon_IMAPITable *t = NULL;
  EXPECT("GetContentsTable", f->n,
         MSLogon_IMAPIFolder_GetContentsTable(f->folder, MSLogon_MAPI_UNICODE, &t), MSLogon_S_OK);
  if (t)
    EXPECT("SetColumns", f->n,
           MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&columns, 0),
           MSLogon_S_OK);
  return t;
}

static void die(const char *what, long n) {
  fprintf(stderr, "tables: N=%ld: cannot set up: %s failed\n", n, what);
  exit(2);
}

/* A provider, a logon, a folder "Bench N" under the IPM subtree with n
 * messages, and its sorted contents table. */
static void folder_open(Folder *f, long n) {
  MSLogon_ULONG ver = 0, cb = 0, type = 0, count = 0, tag = MSLogon_PR_IPM_SUBTREE_ENTRYID;
  MSLogon_BYTE *spool = NULL;
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_SPropValue *v = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_IMAPIFolder *subtree;
  MSLogon_ULONG tags[2] = {1, 0};
  char name[32];
  long i;
  double t0;
  size_t heap_before = mallinfo2().uordblks;
  memset(f, 0, sizeof *f);
  f->n = n;
  host_support_init(&f->support);
  if (mslogon_provider_init(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                            0, MSLogon_CURRENT_SPI_VERSION, &ver, &f->provider) != MSLogon_S_OK)
    die("MSProviderInit", n);
  if (MSLogon_IMSProvider_Logon(f->provider, &f->support.iface, 0, NULL, 0, NULL,
                                MSLogon_MDB_WRITE | MSLogon_MDB_NO_DIALOG, NULL, &cb, &spool, &err,
                                &f->logon, &f->store) != MSLogon_S_OK)
    die("IMSProvider::Logon", n);
  tags[1] = tag;
  if (MSLogon_IMsgStore_GetProps(f->store, (MSLogon_SPropTagArray *)(void *)tags, 0, &count, &v) !=
          MSLogon_S_OK ||
      count != 1 || v[0].ulPropTag != tag)
    die("GetProps(PR_IPM_SUBTREE_ENTRYID)", n);
  if (MSLogon_IMsgStore_OpenEntry(f->store, v[0].Value.bin.cb,
                                  (MSLogon_ENTRYID *)(void *)v[0].Value.bin.lpb, NULL,
                                  MSLogon_MAPI_MODIFY, &type, &unk) != MSLogon_S_OK ||
      type != MSLogon_MAPI_FOLDER)
    die("OpenEntry(IPM subtree)", n);
  host_free_buffer(v);
  subtree = (MSLogon_IMAPIFolder *)(void *)unk;
  snprintf(name, sizeof name, "Bench %ld", n);
  if (MSLogon_IMAPIFolder_CreateFolder(subtree, MSLogon_FOLDER_GENERIC, (void *)name, NULL, NULL, 0,
                                       &f->folder) != MSLogon_S_OK)
    die("CreateFolder", n);
  MSLogon_IMAPIFolder_Release(subtree);

  t0 = now_ns();
  for (i = 0; i < n; i++) {
    static MSLogon_WCHAR body[BODY_MAX + 1];
    MSLogon_WCHAR subject[SUBJECT_MAX];
    MSLogon_SPropValue props[5];
    MSLogon_IMessage *m = NULL;
    message_props(i, n, subject, body, props, &f->expect);
    if (MSLogon_IMAPIFolder_CreateMessage(f->folder, NULL, 0, &m) != MSLogon_S_OK)
      die("CreateMessage", n);
    EXPECT("SetProps", n, MSLogon_IMessage_SetProps(m, 5, props, NULL), MSLogon_S_OK);
    EXPECT("SaveChanges", n, MSLogon_IMessage_SaveChanges(m, 0), MSLogon_S_OK);
    EXPECT("IMessage::Release", n, MSLogon_IMessage_Release(m), 0);
  }
  f->fill_seconds = (now_ns() - t0) / 1e9;
  f->heap_bytes = mallinfo2().uordblks - heap_before;

  f->table = open_table(f);
  if (!f->table) die("GetContentsTable", n);
  EXPECT("SortTable", n,
         MSLogon_IMAPITable_SortTable(f->table, (MSLogon_SSortOrderSet *)(void *)&sort2, 0),
         MSLogon_S_OK);
  EXPECT("GetRowCount", n, MSLogon_IMAPITable_GetRowCount(f->table, 0, &count), MSLogon_S_OK);
  EXPECT("rows", n, count, n);
  f->natural = open_table(f);
  if (!f->natural) die("GetContentsTable", n);
}

static void folder_close(Folder *f) {
  MSLogon_ULONG flags = 0;
  EXPECT("IMAPITable::Release", f->n, MSLogon_IMAPITable_Release(f->table), 0);
  EXPECT("IMAPITable::Release", f->n, MSLogon_IMAPITable_Release(f->natural), 0);
  EXPECT("IMAPIFolder::Release", f->n, MSLogon_IMAPIFolder_Release(f->folder), 0);
  EXPECT("Logoff", f->n, MSLogon_IMSLogon_Logoff(f->logon, &flags), MSLogon_S_OK);
  MSLogon_IMSLogon_Release(f->logon);
  MSLogon_IMsgStore_Release(f->store);
  EXPECT("Shutdown", f->n, MSLogon_IMSProvider_Shutdown(f->provider, &flags), MSLogon_S_OK);
  MSLogon_IMSProvider_Release(f->provider);
  EXPECT("support references", f->n, host_refs(&f->support), 1);
  EXPECT("library objects alive", f->n, mslogon_live_objects(), 0);
  EXPECT("MAPI buffers not freed", f->n, host_live_buffers(), 0);
}

/* ---- the operations -------------------------------------------------------- */

/* Where the k-th QueryRows starts: a spread over [0, n - PAGE] (a stride
 * prime to the range), so pages come from everywhere in the table; k < 0:
 * the middle, always. */
static long position(long k, long n) {
  long range = n - PAGE + 1;
  if (k < 0) return (n - PAGE) / 2;
  return range <= 1 ? 0 : (k * 7919L + 13L) % range;
}

static void seek(Folder *f, MSLogon_IMAPITable *t, long k) {
  MSLogon_LONG sought = -1;
  long pos = position(k, f->n);
  EXPECT("SeekRow", f->n,
         MSLogon_IMAPITable_SeekRow(t, MSLogon_BOOKMARK_BEGINNING, (MSLogon_LONG)pos, &sought),
         MSLogon_S_OK);
  EXPECT("rows sought", f->n, sought, pos);
}

static unsigned long long row_time(const MSLogon_SRow *row) {
  const MSLogon_SPropValue *t = &row->lpProps[C_TIME];
  if (t->ulPropTag != MSLogon_PR_MESSAGE_DELIVERY_TIME) return 0;
  return (unsigned long long)t->Value.ft.dwHighDateTime << 32 | t->Value.ft.dwLowDateTime;
}

/* A page as QueryRows(50) must give it: 50 rows of the 6 columns (newest
 * first when `sorted`). */
static void check_page(Folder *f, const MSLogon_SRowSet *rows, int sorted) {
  MSLogon_ULONG r, c;
  if (!rows) {
    unexpected("QueryRows rows", f->n, 0, 1);
    return;
  }
  EXPECT("QueryRows row count", f->n, rows->cRows, PAGE);
  for (r = 0; r < rows->cRows; r++) {
    EXPECT("columns", f->n, rows->aRow[r].cValues, C_COLUMNS);
    if (rows->aRow[r].cValues != C_COLUMNS) continue;
    for (c = 0; c < C_COLUMNS; c++)
      EXPECT("column tag", f->n, rows->aRow[r].lpProps[c].ulPropTag, columns.aulPropTag[c]);
    if (sorted && r > 0 && row_time(&rows->aRow[r]) > row_time(&rows->aRow[r - 1]))
      unexpected("delivery time descending", f->n, (long)r, 0);
  }
}

static MSLogon_SRowSet *query50(Folder *f, MSLogon_IMAPITable *t) {
  MSLogon_SRowSet *rows = NULL;
  EXPECT("QueryRows", f->n, MSLogon_IMAPITable_QueryRows(t, PAGE, 0, &rows), MSLogon_S_OK);
  return rows;
}

/* QueryRows(50) on one of the two tables. */
typedef struct QueryOp {
  const char *name;
  int sorted;
  int hot; /* always the same page */
  const char *what;
} QueryOp;

static const QueryOp query_ops[] = {
    {"query50", 1, 0, "QueryRows(50) + FreeProws, sorted table, positions spread over it"},
    {"query50_natural", 0, 0,
     "the same on a table of the folder that is not sorted (the order the messages were saved)"},
    {"query50_hot", 1, 1,
     "the same as query50, always the same page (the middle of the table: its rows stay in cache)"},
};
#define N_QUERY_OPS (sizeof query_ops / sizeof query_ops[0])

static MSLogon_IMAPITable *table_of(Folder *f, const QueryOp *q) {
  return q->sorted ? f->table : f->natural;
}

static void do_open(Folder *f) {
  MSLogon_IMAPITable *t = open_table(f);
  if (t) EXPECT("IMAPITable::Release", f->n, MSLogon_IMAPITable_Release(t), 0);
}

static void do_sort(Folder *f) {
  EXPECT("SortTable", f->n,
         MSLogon_IMAPITable_SortTable(f->table, (MSLogon_SSortOrderSet *)(void *)&sort2, 0),
         MSLogon_S_OK);
}

static void do_restrict(Folder *f, MSLogon_SRestriction *res) {
  EXPECT("Restrict", f->n, MSLogon_IMAPITable_Restrict(f->table, res, 0), MSLogon_S_OK);
}
static void do_restrict_content(Folder *f) { do_restrict(f, &res_content); }
static void do_restrict_property(Folder *f) { do_restrict(f, &res_property); }

/* The rows a restriction leaves, then back to every row. */
static void check_restrict(Folder *f, MSLogon_SRestriction *res, long want) {
  MSLogon_ULONG count = 0;
  do_restrict(f, res);
  EXPECT("GetRowCount", f->n, MSLogon_IMAPITable_GetRowCount(f->table, 0, &count), MSLogon_S_OK);
  EXPECT("rows after Restrict", f->n, count, want);
  do_restrict(f, NULL);
}

/* Operations timed a few calls at a time (REPS), on the sorted table; it
 * is left sorted and unrestricted after each. */
typedef void (*RepFn)(Folder *);

typedef struct RepOp {
  const char *name;
  RepFn fn;
  const char *what;
} RepOp;

static const RepOp rep_ops[] = {
    {"open", do_open, "GetContentsTable(MAPI_UNICODE) + SetColumns(6 columns) + Release"},
    {"sort", do_sort, "SortTable(PR_MESSAGE_DELIVERY_TIME desc, PR_SUBJECT_W asc)"},
    {"restrict_content", do_restrict_content,
     "Restrict(RES_CONTENT PR_SUBJECT_W FL_SUBSTRING|FL_IGNORECASE \"budget\"), sorted table"},
    {"restrict_property", do_restrict_property,
     "Restrict(RES_PROPERTY PR_IMPORTANCE RELOP_EQ 2), sorted table"},
};
#define N_REP_OPS (sizeof rep_ops / sizeof rep_ops[0])

/* Before anything is measured: the answers the operations must give. */
static void check_folder(Folder *f) {
  size_t q;
  long k;
  for (q = 0; q < N_QUERY_OPS; q++)
    for (k = 0; k < 20; k++) {
      MSLogon_IMAPITable *t = table_of(f, &query_ops[q]);
      MSLogon_SRowSet *rows;
      seek(f, t, k * 101);
      rows = query50(f, t);
      check_page(f, rows, query_ops[q].sorted);
      free_prows(rows);
    }
  check_restrict(f, &res_content, f->expect.budget);
  check_restrict(f, &res_property, f->expect.high);
  do_sort(f);
}

static void print_ops(long reps) {
  size_t o;
  for (o = 0; o < N_QUERY_OPS; o++) printf("op\t%s\t%s\n", query_ops[o].name, query_ops[o].what);
  for (o = 0; reps > 0 && o < N_REP_OPS; o++)
    printf("op\t%s\t%s\n", rep_ops[o].name, rep_ops[o].what);
}

/* ---- wall time --------------------------------------------------------------- */

static void time_folder(Folder *f, long queries, long reps) {
  double *samples = malloc(sizeof(double) * (size_t)(queries > reps ? queries : reps));
  size_t o;
  long k;
  if (!samples) die("malloc", f->n);
  for (o = 0; o < N_QUERY_OPS; o++) {
    MSLogon_IMAPITable *t = table_of(f, &query_ops[o]);
    long hot = query_ops[o].hot ? -1 : 0; /* k < 0: the middle page */
    for (k = 0; k < 50; k++) { /* warm-up */
      seek(f, t, hot ? hot : k);
      free_prows(query50(f, t));
    }
    for (k = 0; k < queries; k++) {
      MSLogon_SRowSet *rows;
      double t0;
      seek(f, t, hot ? hot : k);
      t0 = now_ns();
      rows = query50(f, t);
      free_prows(rows);
      samples[k] = now_ns() - t0;
    }
    qsort(samples, (size_t)queries, sizeof(double), cmp_double);
    /* median ns, calls, fastest ns */
    printf("time\t%s\t%ld\t%.0f\t%ld\t%.0f\n", query_ops[o].name, f->n, samples[queries / 2],
           queries, samples[0]);
  }
  for (o = 0; reps > 0 && o < N_REP_OPS; o++) {
    rep_ops[o].fn(f); /* warm-up */
    for (k = 0; k < reps; k++) {
      double t0 = now_ns();
      rep_ops[o].fn(f);
      samples[k] = now_ns() - t0;
    }
    do_restrict(f, NULL);
    qsort(samples, (size_t)reps, sizeof(double), cmp_double);
    printf("time\t%s\t%ld\t%.0f\t%ld\t%.0f\n", rep_ops[o].name, f->n, samples[reps / 2], reps,
           samples[0]);
  }
  free(samples);
}

/* ---- instructions (callgrind) ------------------------------------------------ */

static void callgrind_folder(Folder *f, long queries, long reps) {
  char label[128];
  size_t o;
  long k;
  CALLGRIND_START_INSTRUMENTATION;
  for (o = 0; o < N_QUERY_OPS; o++) {
    MSLogon_IMAPITable *t = table_of(f, &query_ops[o]);
    long hot = query_ops[o].hot ? -1 : 0; /* k < 0: the middle page */
    for (k = 0; k < 5; k++) { /* warm-up, not collected */
      seek(f, t, hot ? hot : k);
      free_prows(query50(f, t));
    }
    CALLGRIND_ZERO_STATS;
    for (k = 0; k < queries; k++) {
      MSLogon_SRowSet *rows;
      seek(f, t, hot ? hot : k);
      CALLGRIND_TOGGLE_COLLECT;
      rows = query50(f, t);
      free_prows(rows);
      CALLGRIND_TOGGLE_COLLECT;
    }
    snprintf(label, sizeof label, "bench %s %ld %ld", query_ops[o].name, f->n, queries);
    CALLGRIND_DUMP_STATS_AT(label);
  }
  for (o = 0; reps > 0 && o < N_REP_OPS; o++) {
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    for (k = 0; k < reps; k++) rep_ops[o].fn(f);
    CALLGRIND_TOGGLE_COLLECT;
    snprintf(label, sizeof label, "bench %s %ld %ld", rep_ops[o].name, f->n, reps);
    CALLGRIND_DUMP_STATS_AT(label);
    do_restrict(f, NULL);
  }
  CALLGRIND_STOP_INSTRUMENTATION;
}

/* ---- main ---------------------------------------------------------------------- */

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  long queries = argc > 2 ? atol(argv[2]) : 0, reps = argc > 3 ? atol(argv[3]) : -1;
  long sizes[MAX_SIZES];
  int n_sizes = 0, i, cg;
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (getenv("MSLOGON_BENCH_TABLE_BODY")) {
    long chars = atol(getenv("MSLOGON_BENCH_TABLE_BODY"));
    body_chars = chars < 0 ? 0 : chars > BODY_MAX ? BODY_MAX : (size_t)chars;
  }
  for (i = 4; i < argc && n_sizes < MAX_SIZES; i++) sizes[n_sizes++] = atol(argv[i]);
  cg = strcmp(mode, "callgrind") == 0;
  if ((!cg && strcmp(mode, "time") != 0) || queries < 1 || reps < 0 || n_sizes == 0) {
    fprintf(stderr, "usage: %s time|callgrind QUERIES REPS SIZE...  (REPS 0: QueryRows only)\n",
            argv[0]);
    return 2;
  }
  for (i = 0; i < n_sizes; i++)
    if (sizes[i] < PAGE || sizes[i] > 0x7FFFFFFFL) {
      fprintf(stderr, "tables: a folder of %ld messages: not between a page (%d) and 2^31\n",
              sizes[i], PAGE);
      return 2;
    }
  if (cg && !HAVE_CALLGRIND) {
    fprintf(stderr, "tables: built without <valgrind/callgrind.h>\n");
    return 2;
  }
  if (cg && !RUNNING_ON_VALGRIND)
    fprintf(stderr, "tables: not running under valgrind: nothing will be measured\n");
  printf("# tables %s: %ld QueryRows(50) per (table, size), %ld calls of the others; bodies of "
         "%zu characters (0: one sentence)\n",
         mode, queries, reps, body_chars);
  print_ops(reps);
  for (i = 0; i < n_sizes; i++) {
    Folder f;
    folder_open(&f, sizes[i]);
    /* N, seconds to save the N messages, rows of each restriction, heap
     * bytes in use for the store */
    printf("fill\t%ld\t%.3f\t%ld\t%ld\t%zu\n", f.n, f.fill_seconds, f.expect.budget,
           f.expect.high, f.heap_bytes);
    check_folder(&f);
    if (cg)
      callgrind_folder(&f, queries, reps);
    else
      time_folder(&f, queries, reps);
    folder_close(&f);
  }
  if (bad) {
    fprintf(stderr, "tables: %ld unexpected answers\n", bad);
    printf("check\ttables\tFAILED\t%ld\n", bad);
    return 1;
  }
  printf("check\ttables\tok\t0\n");
  return 0;
}
