/*
 * driver.c: cost per call of the Rust library (libmslogon) against the
 * hand-written C reference (c_logon.c), through the same vtable types and
 * the same call sequences.
 *
 *   driver check             each sequence once per implementation, with
 *                            the results and the host's counts checked;
 *                            the object-tree calls' answers (HRESULTs,
 *                            property values) compared between the two
 *   driver time [N]          wall time: ns/call, N iterations (default
 *                            1000000; the cycles that create objects N/10),
 *                            median of 11 interleaved runs
 *   driver callgrind [K]     K iterations (default 10000; cycles K/10) per
 *                            (operation, implementation), each bracketed by
 *                            callgrind client requests and dumped under its
 *                            own name: run it under
 *                            valgrind --tool=callgrind --collect-atstart=no
 *   driver allocs [N]        heap allocations per cycle (malloc & co. are
 *                            interposed below and counted), N cycles
 *   driver rss [N] [SECS]    N full Rust cycles (default 1000000, stopped
 *                            after SECS seconds, default 20): RSS before
 *                            and after
 *
 * Records are printed one per line, tab-separated, first field the mode
 * (bench/run turns them into a table); other lines start with '#'.
 *
 * Benchmarks are not tests: nothing here judges speed. `check` exits
 * non-zero if an implementation answers differently from the contract, the
 * other modes only report.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
#define CALLGRIND_DUMP_STATS_AT(s) ((void)(s))
#define RUNNING_ON_VALGRIND 0
#endif

#include "c_logon.h"
#include "host.h"
#include "mslogon.h"

#define NOINLINE __attribute__((noinline))

/* ---- counting allocator ---------------------------------------------------
 * Defined in the executable, these take precedence over glibc's for every
 * caller in the process, including the Rust library's System allocator
 * (which calls malloc/free/realloc/posix_memalign). They forward to glibc's
 * own entry points and count while `counting` is set. */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static int counting;
static long n_allocs, n_frees, n_reallocs;
#define MAX_SIZES 256
static size_t alloc_sizes[MAX_SIZES];
static int n_sizes, record_sizes;

static void count_alloc(size_t n) {
  if (!counting) return;
  n_allocs++;
  if (record_sizes && n_sizes < MAX_SIZES) alloc_sizes[n_sizes++] = n;
}

void *malloc(size_t n) {
  count_alloc(n);
  return __libc_malloc(n);
}
void *calloc(size_t a, size_t b) {
  count_alloc(a * b);
  return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n) {
  if (counting) {
    if (!p) count_alloc(n);
    else n_reallocs++;
  }
  return __libc_realloc(p, n);
}
void free(void *p) {
  if (counting && p) n_frees++;
  __libc_free(p);
}
void *memalign(size_t align, size_t n) {
  count_alloc(n);
  return __libc_memalign(align, n);
}
void *aligned_alloc(size_t align, size_t n) {
  count_alloc(n);
  return __libc_memalign(align, n);
}
int posix_memalign(void **out, size_t align, size_t n) {
  void *p;
  count_alloc(n);
  p = __libc_memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

/* ---- the two implementations -------------------------------------------- */

typedef struct Impl {
  const char *name;
  MSLogon_HRESULT (*create_logon)(MSLogon_IMAPISupport *, MSLogon_IMSLogon **);
  MSLogon_MSPROVIDERINIT provider_init;
} Impl;

static const Impl impl_rust = {"rust", mslogon_create_logon, mslogon_provider_init};
static const Impl impl_c = {"c", c_create_logon, c_provider_init};
static const Impl *const impls[2] = {&impl_rust, &impl_c};

/* The host's own IID (the driver passes the same one to both). */
static const MSLogon_IID bench_IID_IMSLogon = HOST_MAPI_IID(0x00020313);

/* Per implementation: a host support object and IMalloc, a live logon, a
 * logged-off one, and a provider kept across cycles. */
typedef struct Fixture {
  const Impl *impl;
  HostSupport support;
  HostMalloc malloc;
  MSLogon_IMSLogon *live;    /* never fails a call: nothing recorded for GetLastError */
  MSLogon_IMSLogon *errored; /* its calls fail (E_NOINTERFACE): a failure is recorded */
  MSLogon_IMSLogon *off;
  MSLogon_IMSProvider *provider;
  /* The object tree, on a provider and logon of its own. */
  MSLogon_IMSProvider *tree_provider;
  MSLogon_IMSLogon *tree_logon;
  MSLogon_IMsgStore *tree_store;
  MSLogon_IMessage *msg_read;  /* saved, then reopened by entry ID (read-only) */
  MSLogon_IMessage *msg_write; /* created once, kept open read/write */
  MSLogon_ULONG cb_inbox;      /* the Inbox's entry ID (GetReceiveFolder("IPM.Note")) */
  MSLogon_BYTE inbox_eid[64];
  long bad; /* calls that did not answer what the contract says */
} Fixture;

/* ---- the properties the object-tree operations use ------------------------ */

/* Tags the header does not name (mapitags.h), and content properties of
 * the message-class range (0x6800-0x7BFF). */
#define B_PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED 0x0023000Bu
#define B_PR_READ_RECEIPT_REQUESTED 0x0029000Bu
#define B_PR_CONVERSATION_TOPIC_W 0x0070001Fu
#define B_PR_CONVERSATION_INDEX 0x00710102u
#define B_PR_INTERNET_MESSAGE_ID_W 0x1035001Fu
#define B_PR_X_I8_A 0x68010014u
#define B_PR_X_I8_B 0x68020014u
#define B_PR_X_LONG_A 0x68030003u
#define B_PR_X_BINARY 0x68040102u
#define B_PR_X_LONG_B 0x68050003u

static MSLogon_WCHAR w_subject[] = u"Quarterly figures: draft for review";
static MSLogon_WCHAR w_subject2[] = u"RE: Quarterly figures: draft for review";
static MSLogon_WCHAR w_class[] = u"IPM.Note";
static MSLogon_WCHAR w_body[] =
    u"Hello,\r\n\r\nplease find the draft figures for the quarter below. The totals are "
    u"provisional until the last invoices are booked.\r\n\r\nRegards";
static MSLogon_WCHAR w_prefix[] = u"RE: ";
static MSLogon_WCHAR w_message_id[] = u"<20261126.0001@example.org>";
static MSLogon_BYTE conversation_index[22] = {1, 0xDA, 0x3F, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0,
                                              0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB};
static MSLogon_BYTE x_binary[16] = {0xC0, 0xFF, 0xEE, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

#define B_STR(tag, w) {.ulPropTag = (tag), .Value.lpszW = (w)}
#define B_BIN(tag, b) {.ulPropTag = (tag), .Value.bin = {sizeof(b), (b)}}
#define B_LONG(tag, v) {.ulPropTag = (tag), .Value.ul = (v)}
#define B_I8(tag, v) {.ulPropTag = (tag), .Value.li = {(v)}}
#define B_TIME(tag, hi, lo) {.ulPropTag = (tag), .Value.ft = {(lo), (hi)}}
#define B_BOOL(tag, v) {.ulPropTag = (tag), .Value.b = (v)}

/* The saved message msg_getprops10 reads. */
static MSLogon_SPropValue props8[] = {
    B_STR(MSLogon_PR_SUBJECT_W, w_subject),
    B_STR(MSLogon_PR_MESSAGE_CLASS_W, w_class),
    B_STR(MSLogon_PR_BODY_W, w_body),
    B_LONG(MSLogon_PR_IMPORTANCE, 2),
    B_I8(B_PR_X_I8_A, 0x0123456789ABCDEFll),
    B_TIME(MSLogon_PR_CLIENT_SUBMIT_TIME, 0x01DB3F00u, 0x12345678u),
    B_BIN(B_PR_CONVERSATION_INDEX, conversation_index),
    B_BOOL(B_PR_READ_RECEIPT_REQUESTED, 1),
};

/* A counted tag array of N tags (SizedSPropTagArray). */
#define TAGS(N)                 \
  struct {                      \
    MSLogon_ULONG cValues;      \
    MSLogon_ULONG aulPropTag[N]; \
  }

static const TAGS(10) tags10 = {
    10,
    {MSLogon_PR_SUBJECT_W, MSLogon_PR_MESSAGE_CLASS_W, MSLogon_PR_BODY_W, MSLogon_PR_IMPORTANCE,
     B_PR_X_I8_A, MSLogon_PR_CLIENT_SUBMIT_TIME, B_PR_CONVERSATION_INDEX,
     B_PR_READ_RECEIPT_REQUESTED, MSLogon_PR_ENTRYID, MSLogon_PR_MESSAGE_SIZE}};

/* What msg_setprops20_save sets: 7 strings, 2 binaries, 5 LONGs, 2 I8s,
 * 2 SYSTIMEs, 2 BOOLEANs. */
static MSLogon_SPropValue props20[] = {
    B_STR(MSLogon_PR_SUBJECT_W, w_subject2),
    B_STR(MSLogon_PR_BODY_W, w_body),
    B_STR(MSLogon_PR_MESSAGE_CLASS_W, w_class),
    B_STR(MSLogon_PR_SUBJECT_PREFIX_W, w_prefix),
    B_STR(MSLogon_PR_NORMALIZED_SUBJECT_W, w_subject),
    B_STR(B_PR_CONVERSATION_TOPIC_W, w_subject),
    B_STR(B_PR_INTERNET_MESSAGE_ID_W, w_message_id),
    B_BIN(B_PR_CONVERSATION_INDEX, conversation_index),
    B_BIN(B_PR_X_BINARY, x_binary),
    B_LONG(MSLogon_PR_IMPORTANCE, 1),
    B_LONG(MSLogon_PR_PRIORITY, 0),
    B_LONG(MSLogon_PR_SENSITIVITY, 0),
    B_LONG(B_PR_X_LONG_A, 42),
    B_LONG(B_PR_X_LONG_B, 0xDEADBEEFu),
    B_I8(B_PR_X_I8_A, -1),
    B_I8(B_PR_X_I8_B, 0x7FFFFFFFFFFFFFFFll),
    B_TIME(MSLogon_PR_CLIENT_SUBMIT_TIME, 0x01DB3F00u, 0x12345678u),
    B_TIME(MSLogon_PR_MESSAGE_DELIVERY_TIME, 0x01DB3F01u, 0x9ABCDEF0u),
    B_BOOL(B_PR_READ_RECEIPT_REQUESTED, 0),
    B_BOOL(B_PR_ORIGINATOR_DELIVERY_REPORT_REQUESTED, 1),
};
#define N_PROPS(a) ((MSLogon_ULONG)(sizeof(a) / sizeof((a)[0])))

static const TAGS(1) tag_entryid = {1, {MSLogon_PR_ENTRYID}};

/* The object tree of a fixture: a provider and logon of its own, the Inbox
 * entry ID, a saved message reopened read-only and a new one kept open
 * read/write. Returns the call that failed, or NULL. */
static const char *tree_open(Fixture *f) {
  MSLogon_ULONG ver = 0, cb = 0, type = 0, n = 0;
  MSLogon_BYTE *spool = NULL, eid_msg[64];
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_ENTRYID *eid = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_IMAPIFolder *inbox;
  MSLogon_IMessage *m = NULL;
  MSLogon_SPropProblemArray *problems = NULL;
  MSLogon_SPropValue *v = NULL;
  if (f->impl->provider_init(NULL, &f->malloc.iface, host_allocate_buffer, host_allocate_more,
                             host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &ver,
                             &f->tree_provider) != MSLogon_S_OK)
    return "MSProviderInit";
  if (MSLogon_IMSProvider_Logon(f->tree_provider, &f->support.iface, 0, NULL, 0, NULL,
                                MSLogon_MDB_WRITE, NULL, &cb, &spool, &err, &f->tree_logon,
                                &f->tree_store) != MSLogon_S_OK)
    return "IMSProvider::Logon";
  if (MSLogon_IMsgStore_GetReceiveFolder(f->tree_store, (void *)"IPM.Note", 0, &cb, &eid, NULL) !=
          MSLogon_S_OK ||
      cb > sizeof f->inbox_eid)
    return "GetReceiveFolder";
  memcpy(f->inbox_eid, eid, cb);
  f->cb_inbox = cb;
  host_free_buffer(eid);
  if (MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid, NULL,
                                  MSLogon_MAPI_MODIFY, &type, &unk) != MSLogon_S_OK ||
      type != MSLogon_MAPI_FOLDER)
    return "OpenEntry(Inbox)";
  inbox = (MSLogon_IMAPIFolder *)unk;
  if (MSLogon_IMAPIFolder_CreateMessage(inbox, NULL, 0, &m) != MSLogon_S_OK) return "CreateMessage";
  if (MSLogon_IMessage_SetProps(m, N_PROPS(props8), props8, &problems) != MSLogon_S_OK || problems)
    return "SetProps";
  if (MSLogon_IMessage_SaveChanges(m, MSLogon_KEEP_OPEN_READWRITE) != MSLogon_S_OK)
    return "SaveChanges";
  if (MSLogon_IMessage_GetProps(m, (MSLogon_SPropTagArray *)&tag_entryid, 0, &n, &v) !=
          MSLogon_S_OK ||
      n != 1 || v[0].Value.bin.cb > sizeof eid_msg)
    return "GetProps(PR_ENTRYID)";
  cb = v[0].Value.bin.cb;
  memcpy(eid_msg, v[0].Value.bin.lpb, cb);
  host_free_buffer(v);
  MSLogon_IMessage_Release(m);
  if (MSLogon_IMsgStore_OpenEntry(f->tree_store, cb, (MSLogon_ENTRYID *)eid_msg, NULL, 0, &type,
                                  &unk) != MSLogon_S_OK ||
      type != MSLogon_MAPI_MESSAGE)
    return "OpenEntry(message)";
  f->msg_read = (MSLogon_IMessage *)unk;
  if (MSLogon_IMAPIFolder_CreateMessage(inbox, NULL, 0, &f->msg_write) != MSLogon_S_OK)
    return "CreateMessage";
  MSLogon_IMAPIFolder_Release(inbox);
  return NULL;
}

static void tree_close(Fixture *f) {
  MSLogon_ULONG flags = 0;
  MSLogon_IMessage_Release(f->msg_read);
  MSLogon_IMessage_Release(f->msg_write);
  MSLogon_IMSLogon_Logoff(f->tree_logon, &flags);
  MSLogon_IMSLogon_Release(f->tree_logon);
  MSLogon_IMsgStore_Release(f->tree_store);
  MSLogon_IMSProvider_Shutdown(f->tree_provider, &flags);
  MSLogon_IMSProvider_Release(f->tree_provider);
}

static void fixture_open(Fixture *f, const Impl *impl) {
  MSLogon_ULONG flags = 0, ver = 0;
  const char *failed;
  memset(f, 0, sizeof *f);
  f->impl = impl;
  host_support_init(&f->support);
  host_malloc_init(&f->malloc);
  if (impl->create_logon(&f->support.iface, &f->live) != MSLogon_S_OK ||
      impl->create_logon(&f->support.iface, &f->errored) != MSLogon_S_OK ||
      impl->create_logon(&f->support.iface, &f->off) != MSLogon_S_OK ||
      MSLogon_IMSLogon_Logoff(f->off, &flags) != MSLogon_S_OK ||
      impl->provider_init(NULL, &f->malloc.iface, host_allocate_buffer, host_allocate_more,
                          host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &ver,
                          &f->provider) != MSLogon_S_OK) {
    fprintf(stderr, "driver: cannot set up the %s implementation\n", impl->name);
    exit(2);
  }
  if ((failed = tree_open(f)) != NULL) {
    fprintf(stderr, "driver: cannot set up the %s object tree: %s failed\n", impl->name, failed);
    exit(2);
  }
}

static void fixture_close(Fixture *f) {
  MSLogon_ULONG flags = 0;
  MSLogon_IMSLogon_Release(f->live);
  MSLogon_IMSLogon_Release(f->errored);
  MSLogon_IMSLogon_Release(f->off);
  MSLogon_IMSProvider_Shutdown(f->provider, &flags);
  MSLogon_IMSProvider_Release(f->provider);
  tree_close(f);
}

/* ---- the operations --------------------------------------------------------
 * One noinline function per operation, the same code for both
 * implementations (the vtable decides): callgrind attributes the
 * instructions of each to the library functions it calls. */

typedef void (*OpFn)(Fixture *, long);

#define COUNT_BAD(cond) (f->bad += !!(cond))

/* The loop alone, to subtract its instructions. */
static NOINLINE void op_empty(Fixture *f, long n) {
  long i;
  (void)f;
  for (i = 0; i < n; i++) __asm__ volatile("" ::: "memory");
}

static NOINLINE void op_qi_release(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    void *p = NULL;
    COUNT_BAD(MSLogon_IMSLogon_QueryInterface(f->live, &bench_IID_IMSLogon, &p) != MSLogon_S_OK);
    MSLogon_IMSLogon_Release((MSLogon_IMSLogon *)p);
  }
}

/* COM hosts probe interfaces: the failing QueryInterface is common too. */
static NOINLINE void op_qi_unsupported(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    void *p = NULL;
    COUNT_BAD(MSLogon_IMSLogon_QueryInterface(f->errored, &host_IID_IMAPIAdviseSink, &p) !=
                  MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED ||
              p != NULL);
  }
}

static NOINLINE void op_addref_release(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSLogon_AddRef(f->live);
    COUNT_BAD(MSLogon_IMSLogon_Release(f->live) != 1);
  }
}

static NOINLINE void op_logoff_noop(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG flags = 0;
    COUNT_BAD(MSLogon_IMSLogon_Logoff(f->off, &flags) != MSLogon_S_OK);
  }
}

static NOINLINE void op_get_last_error(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_MAPIERROR *err = NULL;
    COUNT_BAD(MSLogon_IMSLogon_GetLastError(f->live, MSLogon_S_OK, 0, &err) != MSLogon_S_OK ||
              err != NULL);
  }
}

/* The same on a logon whose last failure (E_NOINTERFACE) is recorded:
 * S_OK asks for nothing, so S_OK and NULL again. */
static NOINLINE void op_get_last_error_other(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_MAPIERROR *err = NULL;
    COUNT_BAD(MSLogon_IMSLogon_GetLastError(f->errored, MSLogon_S_OK, 0, &err) != MSLogon_S_OK ||
              err != NULL);
  }
}

/* The failure paths: each answers an error (recorded for GetLastError) and
 * changes nothing. Run on `errored`, whose calls fail anyway. */

/* Logoff(NULL): MAPI_E_INVALID_PARAMETER, the logon stays live. */
static NOINLINE void op_logoff_null(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++)
    COUNT_BAD(MSLogon_IMSLogon_Logoff(f->errored, NULL) != MSLogon_MAPI_E_INVALID_PARAMETER);
}

/* Logoff(&1): MAPI_E_UNKNOWN_FLAGS, the logon stays live. */
static NOINLINE void op_logoff_flags(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG flags = 1;
    COUNT_BAD(MSLogon_IMSLogon_Logoff(f->errored, &flags) != MSLogon_MAPI_E_UNKNOWN_FLAGS);
  }
}

/* A call after Logoff: IMSLogon::OpenEntry on a logged-off logon,
 * MAPI_E_END_OF_SESSION. */
static NOINLINE void op_after_logoff(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG type = 0;
    MSLogon_IUnknown *unk = NULL;
    COUNT_BAD(MSLogon_IMSLogon_OpenEntry(f->off, 0, NULL, NULL, 0, &type, &unk) !=
                  MSLogon_MAPI_E_END_OF_SESSION ||
              unk != NULL);
  }
}

/* GetProps of a set and a missing property: MAPI_W_ERRORS_RETURNED, the
 * second value PT_ERROR (MAPI_E_NOT_FOUND), + MAPIFreeBuffer. */
static const TAGS(2) tags_missing = {2, {MSLogon_PR_SUBJECT_W, 0x6810001Fu /* not set */}};

static NOINLINE void op_getprops_missing(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG c = 0;
    MSLogon_SPropValue *v = NULL;
    COUNT_BAD(MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags_missing, 0, &c,
                                        &v) != MSLogon_MAPI_W_ERRORS_RETURNED ||
              c != 2 || v == NULL || v[1].ulPropTag != 0x6810000Au ||
              v[1].Value.err != MSLogon_MAPI_E_NOT_FOUND);
    host_free_buffer(v);
  }
}

/* A lone logon's life: create (AddRef support) → Logoff (support
 * released) → Release (freed). */
static NOINLINE void op_logon_cycle(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSLogon *l = NULL;
    MSLogon_ULONG flags = 0;
    COUNT_BAD(f->impl->create_logon(&f->support.iface, &l) != MSLogon_S_OK);
    COUNT_BAD(MSLogon_IMSLogon_Logoff(l, &flags) != MSLogon_S_OK);
    MSLogon_IMSLogon_Release(l);
  }
}

/* One logon through a live provider, as MAPI does it (session logoff):
 * Logon → Logoff → Release logon, store. */
static void provider_logon_once(Fixture *f, MSLogon_IMSProvider *p) {
  MSLogon_IMSLogon *l = NULL;
  MSLogon_IMsgStore *s = NULL;
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_ULONG cb = 0, flags = 0;
  MSLogon_BYTE *pb = NULL;
  COUNT_BAD(MSLogon_IMSProvider_Logon(p, &f->support.iface, 0, NULL, 0, NULL, 0, NULL, &cb, &pb,
                                      &err, &l, &s) != MSLogon_S_OK);
  COUNT_BAD(MSLogon_IMSLogon_Logoff(l, &flags) != MSLogon_S_OK);
  MSLogon_IMSLogon_Release(l);
  MSLogon_IMsgStore_Release(s);
}

static NOINLINE void op_provider_logon(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) provider_logon_once(f, f->provider);
}

/* MSProviderInit → Logon → Logoff → Release logon, store → Shutdown →
 * Release provider. */
static NOINLINE void op_full_cycle(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSProvider *p = NULL;
    MSLogon_ULONG ver = 0, flags = 0;
    COUNT_BAD(f->impl->provider_init(NULL, &f->malloc.iface, host_allocate_buffer,
                                     host_allocate_more, host_free_buffer, 0,
                                     MSLogon_CURRENT_SPI_VERSION, &ver, &p) != MSLogon_S_OK);
    provider_logon_once(f, p);
    COUNT_BAD(MSLogon_IMSProvider_Shutdown(p, &flags) != MSLogon_S_OK);
    MSLogon_IMSProvider_Release(p);
  }
}

/* GetProps of 10 properties of a saved message (opened read-only by its
 * entry ID), the answer freed with MAPIFreeBuffer. */
static NOINLINE void op_msg_getprops10(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG c = 0;
    MSLogon_SPropValue *v = NULL;
    COUNT_BAD(MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags10, 0, &c, &v) !=
                  MSLogon_S_OK ||
              c != 10 || v == NULL);
    host_free_buffer(v);
  }
}

/* SetProps of 20 properties on an open message, then SaveChanges, kept
 * open read/write. */
static NOINLINE void op_msg_setprops20_save(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_SPropProblemArray *problems = NULL;
    COUNT_BAD(MSLogon_IMessage_SetProps(f->msg_write, N_PROPS(props20), props20, &problems) !=
                  MSLogon_S_OK ||
              problems != NULL);
    if (problems) host_free_buffer(problems);
    COUNT_BAD(MSLogon_IMessage_SaveChanges(f->msg_write, MSLogon_KEEP_OPEN_READWRITE) !=
              MSLogon_S_OK);
  }
}

/* IMsgStore::OpenEntry of the Inbox by its entry ID, then Release. */
static NOINLINE void op_folder_openentry(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG type = 0;
    MSLogon_IUnknown *unk = NULL;
    COUNT_BAD(MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox,
                                          (MSLogon_ENTRYID *)f->inbox_eid, NULL,
                                          MSLogon_MAPI_BEST_ACCESS, &type, &unk) != MSLogon_S_OK ||
              type != MSLogon_MAPI_FOLDER);
    if (unk) MSLogon_IMAPIFolder_Release((MSLogon_IMAPIFolder *)unk);
  }
}

typedef struct Op {
  const char *name;
  OpFn fn;
  int divisor; /* iterations: N / divisor */
  const char *what;
} Op;

static const Op ops[] = {
    {"qi_release", op_qi_release, 1, "QueryInterface(IID_IMSLogon) + Release"},
    {"qi_unsupported", op_qi_unsupported, 1,
     "QueryInterface(IID_IMAPIAdviseSink) -> E_NOINTERFACE (failure recorded)"},
    {"addref_release", op_addref_release, 1, "AddRef + Release"},
    {"logoff_noop", op_logoff_noop, 1, "Logoff(&0) on a logged-off logon"},
    {"logoff_null", op_logoff_null, 1, "Logoff(NULL) -> MAPI_E_INVALID_PARAMETER (failure recorded)"},
    {"logoff_flags", op_logoff_flags, 1, "Logoff(&1) -> MAPI_E_UNKNOWN_FLAGS (failure recorded)"},
    {"after_logoff", op_after_logoff, 1,
     "IMSLogon::OpenEntry on a logged-off logon -> MAPI_E_END_OF_SESSION (failure recorded)"},
    {"get_last_error", op_get_last_error, 1, "GetLastError(S_OK, 0) -> S_OK, NULL (nothing recorded)"},
    {"get_last_error_other", op_get_last_error_other, 1,
     "GetLastError(S_OK, 0) -> S_OK, NULL (another failure recorded)"},
    {"logon_cycle", op_logon_cycle, 10, "create logon -> Logoff -> Release"},
    {"provider_logon", op_provider_logon, 10,
     "IMSProvider::Logon -> Logoff -> Release logon, store (provider kept)"},
    {"full_cycle", op_full_cycle, 10,
     "MSProviderInit -> Logon -> Logoff -> Release x2 -> Shutdown -> Release"},
    {"msg_getprops10", op_msg_getprops10, 10,
     "IMessage::GetProps of 10 properties (3 strings, LONG, I8, SYSTIME, BINARY, BOOLEAN, "
     "PR_ENTRYID, PR_MESSAGE_SIZE) of a saved message + MAPIFreeBuffer"},
    {"msg_setprops20_save", op_msg_setprops20_save, 10,
     "IMessage::SetProps of 20 properties + SaveChanges(KEEP_OPEN_READWRITE)"},
    {"folder_openentry", op_folder_openentry, 10,
     "IMsgStore::OpenEntry(Inbox entry ID) + Release"},
    {"getprops_missing", op_getprops_missing, 10,
     "IMessage::GetProps of PR_SUBJECT_W and a missing property -> MAPI_W_ERRORS_RETURNED "
     "(PT_ERROR NOT_FOUND) + MAPIFreeBuffer"},
};
#define N_OPS (sizeof ops / sizeof ops[0])

/* ---- check: every sequence once, results and host counts checked -------- */

/* What the object-tree calls answer, one line per fact: compared between
 * the two implementations by mode_check. */
typedef struct Answers {
  char text[65536];
  size_t len;
} Answers;

static void say(Answers *a, const char *fmt, ...) {
  va_list ap;
  int n;
  if (a->len + 2 >= sizeof a->text) return;
  va_start(ap, fmt);
  n = vsnprintf(a->text + a->len, sizeof a->text - a->len - 1, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  a->len += (size_t)n < sizeof a->text - a->len - 1 ? (size_t)n : sizeof a->text - a->len - 2;
  a->text[a->len++] = '\n';
  a->text[a->len] = 0;
}

static const char *hr_name(MSLogon_HRESULT hr) {
  static char buf[4][64];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%s", host_hr_name(hr));
  return buf[k];
}

/* One SPropValue as text. */
static void describe(const MSLogon_SPropValue *v, char *out, size_t cap) {
  size_t len = 0, i;
  MSLogon_ULONG t = v->ulPropTag & 0xFFFFu;
#define PUT(...) (len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, __VA_ARGS__))
  PUT("%08X ", (unsigned)v->ulPropTag);
  switch (t) {
    case MSLogon_PT_ERROR: PUT("error %s", hr_name(v->Value.err)); break;
    case MSLogon_PT_LONG: PUT("long %u", (unsigned)v->Value.ul); break;
    case MSLogon_PT_I2: PUT("i2 %d", v->Value.i); break;
    case MSLogon_PT_BOOLEAN: PUT("bool %u", (unsigned)v->Value.b); break;
    case MSLogon_PT_I8: PUT("i8 %lld", (long long)v->Value.li.QuadPart); break;
    case MSLogon_PT_SYSTIME:
      PUT("time %08X:%08X", (unsigned)v->Value.ft.dwHighDateTime,
          (unsigned)v->Value.ft.dwLowDateTime);
      break;
    case MSLogon_PT_UNICODE:
      PUT("unicode \"");
      for (i = 0; v->Value.lpszW[i] && len < cap; i++) {
        MSLogon_WCHAR c = v->Value.lpszW[i];
        if (c >= 0x20 && c < 0x7F) PUT("%c", (char)c);
        else PUT("\\u%04X", (unsigned)c);
      }
      PUT("\"");
      break;
    case MSLogon_PT_STRING8: PUT("string8 \"%s\"", v->Value.lpszA); break;
    case MSLogon_PT_BINARY:
      PUT("binary %u:", (unsigned)v->Value.bin.cb);
      for (i = 0; i < v->Value.bin.cb && len < cap; i++) PUT("%02X", v->Value.bin.lpb[i]);
      break;
    default: PUT("type %04X", (unsigned)t); break;
  }
#undef PUT
}

static void say_props(Answers *a, const char *what, MSLogon_HRESULT hr, MSLogon_ULONG n,
                      MSLogon_SPropValue *v) {
  MSLogon_ULONG i;
  char buf[1024];
  say(a, "%s: %s, %u values", what, hr_name(hr), (unsigned)n);
  for (i = 0; v && i < n; i++) {
    describe(&v[i], buf, sizeof buf);
    say(a, "  [%u] %s", (unsigned)i, buf);
  }
  host_free_buffer(v);
}

static void say_problems(Answers *a, const char *what, MSLogon_HRESULT hr,
                         MSLogon_SPropProblemArray *p) {
  MSLogon_ULONG i;
  say(a, "%s: %s, %u problems", what, hr_name(hr), p ? (unsigned)p->cProblem : 0u);
  for (i = 0; p && i < p->cProblem; i++)
    say(a, "  [%u] %08X %s", (unsigned)p->aProblem[i].ulIndex, (unsigned)p->aProblem[i].ulPropTag,
        hr_name(p->aProblem[i].scode));
  host_free_buffer(p);
}

/* Every tag of props20, and the size. */
static TAGS(21) tags20;

/* The object tree's answers: the calls the three operations make, and
 * their neighbours (other tags and types, errors, a forcible Logoff).
 * Ends with the tree's logon logged off. */
static void tree_answers(Fixture *f, Answers *a) {
  static const TAGS(17) tags_more = {
      17,
      {0x0037001Eu /* PR_SUBJECT_A */, 0x6810001Fu /* not set */,
       0x00370003u /* PR_SUBJECT as PT_LONG */, 0x001A0000u /* PR_MESSAGE_CLASS, PT_UNSPECIFIED */,
       MSLogon_PR_OBJECT_TYPE, MSLogon_PR_ACCESS_LEVEL, MSLogon_PR_MESSAGE_FLAGS,
       MSLogon_PR_HASATTACH, MSLogon_PR_RECORD_KEY, MSLogon_PR_PARENT_ENTRYID,
       MSLogon_PR_STORE_ENTRYID, MSLogon_PR_STORE_RECORD_KEY, MSLogon_PR_MDB_PROVIDER,
       MSLogon_PR_DISPLAY_TO_W, MSLogon_PR_SEARCH_KEY, 0x0037001Fu, 0x0E080003u}};
  MSLogon_BYTE eid_bad[64];
  MSLogon_ULONG cb = 0, type = 0, n = 0, i, flags = 0;
  MSLogon_ENTRYID *eid = NULL;
  void *cls = NULL, *p = NULL;
  MSLogon_IUnknown *unk = NULL;
  MSLogon_SPropValue *v = NULL;
  MSLogon_SPropProblemArray *problems = NULL;
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_HRESULT hr;
  char buf[256];
  size_t k;
  MSLogon_SPropValue bad_set[] = {
      B_BIN(MSLogon_PR_ENTRYID, x_binary), B_LONG(MSLogon_PR_MESSAGE_SIZE, 1),
      B_LONG(1 /* PR_NULL */, 0),           B_LONG(MSLogon_PR_MESSAGE_FLAGS, 0),
      B_LONG(0x68070001u /* PT_NULL */, 0), B_STR(MSLogon_PR_SUBJECT_W, w_subject)};

  /* GetReceiveFolder, both widths. */
  hr = MSLogon_IMsgStore_GetReceiveFolder(f->tree_store, (void *)"ipm.note.custom", 0, &cb, &eid,
                                          &cls);
  for (k = 0, i = 0; eid && i < cb && k + 3 < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%02X", ((MSLogon_BYTE *)eid)[i]);
  buf[k] = 0;
  say(a, "GetReceiveFolder(ipm.note.custom): %s, %u:%s, class \"%s\"", hr_name(hr), (unsigned)cb,
      eid ? buf : "-", cls ? (char *)cls : "-");
  host_free_buffer(eid);
  host_free_buffer(cls);
  cls = NULL;
  hr = MSLogon_IMsgStore_GetReceiveFolder(f->tree_store, (void *)u"IPC.x", MSLogon_MAPI_UNICODE, &cb,
                                          &eid, &cls);
  say(a, "GetReceiveFolder(IPC.x, MAPI_UNICODE): %s, %u bytes, class[0] %u", hr_name(hr),
      (unsigned)cb, cls ? (unsigned)((MSLogon_WCHAR *)cls)[0] : 0u);
  host_free_buffer(eid);
  host_free_buffer(cls);

  /* OpenEntry: the Inbox (as folder_openentry), the root, the store,
   * errors. */
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid,
                                   NULL, MSLogon_MAPI_BEST_ACCESS, &type, &unk);
  say(a, "OpenEntry(Inbox): %s, type %u", hr_name(hr), (unsigned)type);
  if (unk) {
    hr = MSLogon_IMAPIFolder_QueryInterface((MSLogon_IMAPIFolder *)unk, &host_IID_IMsgStore, &p);
    say(a, "  QueryInterface(IID_IMsgStore): %s", hr_name(hr));
    hr = MSLogon_IMAPIFolder_GetLastError((MSLogon_IMAPIFolder *)unk, hr, 0, &err);
    say(a, "  GetLastError: %s, %s", hr_name(hr), err ? "an error" : "NULL");
    host_free_buffer(err);
    err = NULL;
    say(a, "  Release: %u", (unsigned)MSLogon_IMAPIFolder_Release((MSLogon_IMAPIFolder *)unk));
  }
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, 0, NULL, NULL, MSLogon_MAPI_MODIFY, &type, &unk);
  say(a, "OpenEntry(NULL): %s, type %u", hr_name(hr), (unsigned)type);
  if (unk) MSLogon_IMAPIFolder_Release((MSLogon_IMAPIFolder *)unk);
  host_store_entry_id(eid_bad, 1);
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, 24, (MSLogon_ENTRYID *)eid_bad, NULL, 0, &type,
                                   &unk);
  say(a, "OpenEntry(store entry ID): %s, type %u", hr_name(hr), (unsigned)type);
  if (unk) MSLogon_IMsgStore_Release((MSLogon_IMsgStore *)unk);
  memcpy(eid_bad, f->inbox_eid, f->cb_inbox);
  eid_bad[40] = 99; /* folder 99: none */
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)eid_bad, NULL, 0,
                                   &type, &unk);
  say(a, "OpenEntry(folder 99): %s, %s", hr_name(hr), unk ? "an object" : "NULL");
  eid_bad[25] ^= 1; /* another store's */
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)eid_bad, NULL, 0,
                                   &type, &unk);
  say(a, "OpenEntry(foreign): %s", hr_name(hr));
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid,
                                   &host_IID_IMsgStore, 0, &type, &unk);
  say(a, "OpenEntry(Inbox, IID_IMsgStore): %s", hr_name(hr));
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid,
                                   NULL, 0x100, &type, &unk);
  say(a, "OpenEntry(Inbox, 0x100): %s", hr_name(hr));

  /* GetProps: as msg_getprops10, then other tags and types. */
  hr = MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags10, 0, &n, &v);
  say_props(a, "GetProps(10)", hr, n, v);
  hr = MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags_more, 0, &n, &v);
  say_props(a, "GetProps(more)", hr, n, v);
  hr = MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags_more,
                                 MSLogon_MAPI_UNICODE, &n, &v);
  say_props(a, "GetProps(more, MAPI_UNICODE)", hr, n, v);
  hr = MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags10, 0x100, &n, &v);
  say(a, "GetProps(flags 0x100): %s", hr_name(hr));
  hr = MSLogon_IMessage_SetProps(f->msg_read, N_PROPS(props8), props8, NULL);
  say(a, "SetProps(read-only message): %s", hr_name(hr));
  hr = MSLogon_IMessage_GetLastError(f->msg_read, hr, 0, &err);
  say(a, "  GetLastError: %s, %s", hr_name(hr), err ? "an error" : "NULL");
  host_free_buffer(err);
  hr = MSLogon_IMessage_SaveChanges(f->msg_read, 0);
  say(a, "SaveChanges(read-only message): %s", hr_name(hr));

  /* SetProps + SaveChanges: as msg_setprops20_save, then what was stored. */
  hr = MSLogon_IMessage_SetProps(f->msg_write, N_PROPS(props20), props20, &problems);
  say_problems(a, "SetProps(20)", hr, problems);
  problems = NULL;
  hr = MSLogon_IMessage_SaveChanges(f->msg_write, MSLogon_KEEP_OPEN_READWRITE);
  say(a, "SaveChanges(KEEP_OPEN_READWRITE): %s", hr_name(hr));
  tags20.cValues = N_PROPS(props20) + 1;
  for (i = 0; i < N_PROPS(props20); i++) tags20.aulPropTag[i] = props20[i].ulPropTag;
  tags20.aulPropTag[i] = MSLogon_PR_MESSAGE_SIZE;
  hr = MSLogon_IMessage_GetProps(f->msg_write, (MSLogon_SPropTagArray *)&tags20, 0, &n, &v);
  say_props(a, "GetProps(20 + size)", hr, n, v);
  hr = MSLogon_IMessage_SetProps(f->msg_write, N_PROPS(bad_set), bad_set, &problems);
  say_problems(a, "SetProps(computed, PR_NULL, PT_NULL, subject)", hr, problems);
  hr = MSLogon_IMessage_SaveChanges(f->msg_write, 0x100);
  say(a, "SaveChanges(0x100): %s", hr_name(hr));
  hr = MSLogon_IMessage_SaveChanges(f->msg_write, 0);
  say(a, "SaveChanges(0): %s", hr_name(hr));
  hr = MSLogon_IMessage_SetProps(f->msg_write, N_PROPS(props20), props20, NULL);
  say(a, "SetProps(after SaveChanges(0)): %s", hr_name(hr));

  /* A logon without MDB_WRITE: everything opens read-only. */
  {
    MSLogon_IMSLogon *ro_logon = NULL;
    MSLogon_IMsgStore *ro_store = NULL;
    MSLogon_IMessage *m = NULL;
    MSLogon_BYTE *spool = NULL;
    MSLogon_ULONG cb_spool = 0;
    hr = MSLogon_IMSProvider_Logon(f->tree_provider, &f->support.iface, 0, NULL, 0, NULL, 0, NULL,
                                   &cb_spool, &spool, &err, &ro_logon, &ro_store);
    say(a, "Logon(no MDB_WRITE): %s", hr_name(hr));
    if (hr == MSLogon_S_OK) {
      hr = MSLogon_IMsgStore_OpenEntry(ro_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid, NULL,
                                       MSLogon_MAPI_MODIFY, &type, &unk);
      say(a, "  OpenEntry(Inbox, MAPI_MODIFY): %s", hr_name(hr));
      if (unk) MSLogon_IMAPIFolder_Release((MSLogon_IMAPIFolder *)unk);
      hr = MSLogon_IMsgStore_OpenEntry(ro_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid, NULL,
                                       MSLogon_MAPI_BEST_ACCESS, &type, &unk);
      say(a, "  OpenEntry(Inbox, MAPI_BEST_ACCESS): %s, type %u", hr_name(hr), (unsigned)type);
      if (unk) {
        hr = MSLogon_IMAPIFolder_CreateMessage((MSLogon_IMAPIFolder *)unk, NULL, 0, &m);
        say(a, "  CreateMessage: %s", hr_name(hr));
        if (m) MSLogon_IMessage_Release(m);
        MSLogon_IMAPIFolder_Release((MSLogon_IMAPIFolder *)unk);
      }
      MSLogon_IMSLogon_Logoff(ro_logon, &flags);
      MSLogon_IMSLogon_Release(ro_logon);
      MSLogon_IMsgStore_Release(ro_store);
    }
  }

  /* A forcible Logoff: open objects answer MAPI_E_INVALID_OBJECT, the
   * store MAPI_E_END_OF_SESSION. */
  hr = MSLogon_IMSLogon_Logoff(f->tree_logon, &flags);
  say(a, "Logoff: %s", hr_name(hr));
  hr = MSLogon_IMessage_GetProps(f->msg_read, (MSLogon_SPropTagArray *)&tags10, 0, &n, &v);
  say(a, "GetProps after Logoff: %s, %s", hr_name(hr), v ? "values" : "NULL");
  host_free_buffer(v);
  hr = MSLogon_IMessage_SaveChanges(f->msg_write, MSLogon_KEEP_OPEN_READWRITE);
  say(a, "SaveChanges after Logoff: %s", hr_name(hr));
  hr = MSLogon_IMsgStore_OpenEntry(f->tree_store, f->cb_inbox, (MSLogon_ENTRYID *)f->inbox_eid,
                                   NULL, 0, &type, &unk);
  say(a, "OpenEntry after Logoff: %s", hr_name(hr));
}

/* Prints the lines of `x` and `y` that differ; returns how many. */
static int diff_answers(const Answers *x, const Answers *y) {
  const char *p = x->text, *q = y->text;
  int line = 0, differ = 0;
  while (*p || *q) {
    const char *pe = strchr(p, '\n'), *qe = strchr(q, '\n');
    size_t pl = pe ? (size_t)(pe - p) : strlen(p), ql = qe ? (size_t)(qe - q) : strlen(q);
    line++;
    if (pl != ql || memcmp(p, q, pl) != 0) {
      fprintf(stderr, "driver check: answer %d differs:\n  rust: %.*s\n  c:    %.*s\n", line, (int)pl,
              p, (int)ql, q);
      differ++;
    }
    p += pl + (pe != NULL);
    q += ql + (qe != NULL);
  }
  return differ;
}

static Answers answers[2];

static int check_impl(const Impl *impl, Answers *a) {
  Fixture f;
  size_t i;
  int failures = 0;
  fixture_open(&f, impl);
  for (i = 0; i < N_OPS; i++) {
    long refs_before = host_refs(&f.support);
    long releases_before = f.support.releases;
    long add_refs_before = f.support.add_refs;
    ops[i].fn(&f, 3);
    if (f.bad || host_refs(&f.support) != refs_before ||
        f.support.add_refs - add_refs_before != f.support.releases - releases_before) {
      fprintf(stderr, "driver check: %s %s: %ld bad answers, support refs %ld (was %ld)\n",
              impl->name, ops[i].name, f.bad, host_refs(&f.support), refs_before);
      failures++;
      f.bad = 0;
    }
  }
  tree_answers(&f, a);
  fixture_close(&f);
  /* Everything the host gave back: the support object down to the
   * host's own reference, the IMalloc released by every Shutdown. */
  if (host_refs(&f.support) != 1 || host_malloc_refs(&f.malloc) != 1) {
    fprintf(stderr, "driver check: %s: support refs %ld, IMalloc refs %ld after the last release\n",
            impl->name, host_refs(&f.support), host_malloc_refs(&f.malloc));
    failures++;
  }
  printf("check\t%s\t%s\n", impl->name, failures ? "FAILED" : "ok");
  return failures;
}

static int mode_check(void) {
  int failures = check_impl(&impl_rust, &answers[0]) + check_impl(&impl_c, &answers[1]);
  int differ = diff_answers(&answers[0], &answers[1]);
  if (getenv("MSLOGON_BENCH_SHOW_ANSWERS")) fputs(answers[0].text, stderr);
  const char *c;
  int lines = 0;
  for (c = answers[0].text; *c; c++) lines += *c == '\n';
  printf("check\tanswers\t%s\t%d answers compared, %d differ\n", differ ? "DIFFER" : "same", lines,
         differ);
  failures += differ;
  if (host_live_buffers() != 0) {
    fprintf(stderr, "driver check: %ld MAPI buffers not freed\n", host_live_buffers());
    failures++;
  }
  if (mslogon_live_objects() != 0) {
    fprintf(stderr, "driver check: %u Rust objects still alive\n", mslogon_live_objects());
    failures++;
  }
  return failures ? 1 : 0;
}

/* ---- wall time --------------------------------------------------------------- */

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define REPS 11

static void mode_time(long n) {
  Fixture fx[2];
  size_t o;
  int k, r;
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  printf("# wall time: median of %d runs, Rust and C interleaved; N=%ld\n", REPS, n);
  for (o = 0; o < N_OPS; o++) printf("op\t%s\t%s\n", ops[o].name, ops[o].what);
  for (o = 0; o < N_OPS; o++) {
    long iters = n / ops[o].divisor;
    double samples[2][REPS];
    if (iters < 1) iters = 1;
    for (k = 0; k < 2; k++) ops[o].fn(&fx[k], iters / 10 + 1); /* warm-up */
    for (r = 0; r < REPS; r++) {
      for (k = 0; k < 2; k++) {
        int which = (r & 1) ? 1 - k : k; /* alternate who goes first */
        double t0 = now_ns();
        ops[o].fn(&fx[which], iters);
        samples[which][r] = (now_ns() - t0) / (double)iters;
      }
    }
    for (k = 0; k < 2; k++) {
      qsort(samples[k], REPS, sizeof(double), cmp_double);
      /* median, iterations per run, fastest run */
      printf("time\t%s\t%s\t%.2f\t%ld\t%.2f\n", ops[o].name, impls[k]->name, samples[k][REPS / 2],
             iters, samples[k][0]);
    }
    fflush(stdout);
  }
  for (k = 0; k < 2; k++) {
    if (fx[k].bad) fprintf(stderr, "driver: %s: %ld unexpected answers\n", impls[k]->name, fx[k].bad);
    fixture_close(&fx[k]);
  }
}

/* ---- instructions (callgrind) ------------------------------------------------ */

static void mode_callgrind(long n) {
  Fixture fx[2];
  size_t o;
  int k;
  char label[128];
  if (!HAVE_CALLGRIND) {
    fprintf(stderr, "driver: built without <valgrind/callgrind.h>\n");
    exit(2);
  }
  if (!RUNNING_ON_VALGRIND)
    fprintf(stderr, "driver: not running under valgrind: nothing will be measured\n");
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  /* The loop alone. */
  op_empty(&fx[0], 100);
  CALLGRIND_ZERO_STATS;
  CALLGRIND_TOGGLE_COLLECT;
  op_empty(&fx[0], n);
  CALLGRIND_TOGGLE_COLLECT;
  snprintf(label, sizeof label, "bench empty - %ld", n);
  CALLGRIND_DUMP_STATS_AT(label);
  for (o = 0; o < N_OPS; o++) {
    long iters = n / ops[o].divisor;
    if (iters < 1) iters = 1;
    for (k = 0; k < 2; k++) {
      ops[o].fn(&fx[k], 100); /* warm-up, not collected (lazy binding, first-use setup) */
      CALLGRIND_ZERO_STATS;
      CALLGRIND_TOGGLE_COLLECT;
      ops[o].fn(&fx[k], iters);
      CALLGRIND_TOGGLE_COLLECT;
      snprintf(label, sizeof label, "bench %s %s %ld", ops[o].name, impls[k]->name, iters);
      CALLGRIND_DUMP_STATS_AT(label);
    }
  }
  for (k = 0; k < 2; k++) fixture_close(&fx[k]);
  printf("# callgrind: one dump per (operation, implementation); bench/run reads them\n");
}

/* ---- allocations ------------------------------------------------------------- */

static void mode_allocs(long n) {
  static const char *const counted[] = {
      "qi_unsupported", "logoff_null",      "logoff_flags",   "after_logoff",
      "get_last_error_other", "logon_cycle", "provider_logon", "full_cycle",
      "msg_getprops10", "msg_setprops20_save", "folder_openentry", "getprops_missing"};
  Fixture fx[2];
  size_t o, c;
  int k, i;
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  for (c = 0; c < sizeof counted / sizeof counted[0]; c++) {
    for (o = 0; o < N_OPS && strcmp(ops[o].name, counted[c]) != 0; o++) {
    }
    for (k = 0; k < 2; k++) {
      char sizes[4096] = "";
      size_t len = 0;
      ops[o].fn(&fx[k], 10); /* warm-up: first-use allocations are not per cycle */
      /* The sizes of one cycle's allocations. */
      n_allocs = n_frees = n_reallocs = 0;
      n_sizes = 0;
      record_sizes = 1;
      counting = 1;
      ops[o].fn(&fx[k], 1);
      counting = 0;
      record_sizes = 0;
      for (i = 0; i < n_sizes && len + 16 < sizeof sizes; i++)
        len += (size_t)snprintf(sizes + len, sizeof sizes - len, "%s%zu", i ? "," : "",
                                alloc_sizes[i]);
      /* The average over n cycles. */
      n_allocs = n_frees = n_reallocs = 0;
      counting = 1;
      ops[o].fn(&fx[k], n);
      counting = 0;
      printf("allocs\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\n", counted[c], impls[k]->name,
             (double)n_allocs / (double)n, (double)n_frees / (double)n,
             (double)n_reallocs / (double)n, sizes[0] ? sizes : "-");
    }
  }
  for (k = 0; k < 2; k++) fixture_close(&fx[k]);
}

/* ---- resident set size ------------------------------------------------------- */

static long rss_kib(void) {
  long pages_total = 0, pages_resident = 0;
  FILE *fp = fopen("/proc/self/statm", "r");
  if (!fp) return -1;
  if (fscanf(fp, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = -1;
  fclose(fp);
  return pages_resident < 0 ? -1 : pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void mode_rss(long n, double seconds) {
  Fixture f;
  long done = 0, start_kib, after_warmup_kib, end_kib;
  double t0, elapsed;
  const long chunk = 10000;
  start_kib = rss_kib();
  fixture_open(&f, &impl_rust);
  op_full_cycle(&f, 1000);
  after_warmup_kib = rss_kib();
  t0 = now_ns();
  while (done < n) {
    long k = n - done < chunk ? n - done : chunk;
    op_full_cycle(&f, k);
    done += k;
    if ((now_ns() - t0) / 1e9 > seconds) break;
  }
  elapsed = (now_ns() - t0) / 1e9;
  end_kib = rss_kib();
  fixture_close(&f);
  /* start, after warm-up, end (KiB); cycles; seconds; library objects
   * alive once everything is released; unexpected answers. */
  printf("rss\trust\t%ld\t%ld\t%ld\t%ld\t%.2f\t%u\t%ld\n", start_kib, after_warmup_kib, end_kib,
         done, elapsed, mslogon_live_objects(), f.bad);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "time";
  long n = argc > 2 ? atol(argv[2]) : 0;
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (strcmp(mode, "check") == 0) return mode_check();
  if (strcmp(mode, "time") == 0) {
    mode_time(n > 0 ? n : 1000000);
    return 0;
  }
  if (strcmp(mode, "callgrind") == 0) {
    mode_callgrind(n > 0 ? n : 10000);
    return 0;
  }
  if (strcmp(mode, "allocs") == 0) {
    mode_allocs(n > 0 ? n : 10000);
    return 0;
  }
  if (strcmp(mode, "rss") == 0) {
    mode_rss(n > 0 ? n : 1000000, argc > 3 ? atof(argv[3]) : 20.0);
    return 0;
  }
  fprintf(stderr, "usage: %s check | time [N] | callgrind [K] | allocs [N] | rss [N] [SECS]\n",
          argv[0]);
  return 2;
}
