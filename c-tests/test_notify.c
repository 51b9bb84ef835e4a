/*
 * test_notify.c: notifications as a C host sees them, through the vtables
 * (SPEC-objects.md "Tables", "Notifications").
 *
 *   1. store advise (IMsgStore::Advise, IMSLogon::Advise) delivered straight
 *      to the sinks (the host's support object answers MAPI_E_NO_SUPPORT to
 *      Subscribe): fnevObjectCreated / Modified / Moved / Copied / Deleted
 *      for messages and folders, with their entry IDs checked against
 *      PR_ENTRYID; keys (NULL = the store, a folder, a message); masks; one
 *      OnNotify per sink and call, seen by the time the call returns, on the
 *      calling thread; a change made through another logon on the same
 *      store; bad arguments and foreign entry IDs; Unadvise;
 *   2. IMsgStore::NotifyNewMail: fnevNewMail with 8-bit and wide classes;
 *      bad notifications (NULL, wrong event, unknown flags, the wrong
 *      folder, foreign entry IDs) deliver nothing;
 *   3. table advise (fnevTableModified) on contents tables: TBLTYPE_DYNAMIC
 *      (recipient, attachment and receive-folder tables TBLTYPE_SNAPSHOT);
 *      TABLE_ROW_ADDED / MODIFIED / DELETED with PR_INSTANCE_KEY and
 *      propPrior, checked against QueryRows after each; a restricted table
 *      only hears of its rows; the current columns; 64 rows changed in one
 *      call are 64 events, more are one TABLE_RELOAD (DeleteMessages,
 *      EmptyFolder); hierarchy tables (ROW_MODIFIED for counts, ROW_ADDED
 *      for a new subfolder);
 *   4. re-entry from OnNotify: a sink reads the table (QueryRows), opens the
 *      object it was told of, Unadvises its own connection and Releases
 *      itself; a sink logs the logon off;
 *   5. a forcible IMSLogon::Logoff with store, logon and table sinks live:
 *      each released exactly once, table slots MAPI_E_INVALID_OBJECT,
 *      Advise afterwards MAPI_E_END_OF_SESSION, nothing leaked;
 *   6. a support object with MAPI's notification engine (Subscribe,
 *      Unsubscribe, Notify; a tiny one here): Advise subscribes with the
 *      right NOTIFKEY and returns the host's connection, changes are
 *      Notified once per key, Unadvise unsubscribes, a failing Subscribe
 *      fails the Advise, teardown unsubscribes what is left before the
 *      support object's last release;
 *   7. 8 threads creating messages in one folder with a store sink and a
 *      contents-table sink: one ROW_ADDED and one fnevObjectCreated per
 *      message, the table's row count equals the folder's PR_CONTENT_COUNT.
 * Every host buffer is freed and no library object is left at the end.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "mslogon.h"

/* The library's MSProviderInit (mapispi.h declares it with MAPI's types);
 * the header offers mslogon_provider_init, the same function. */
#define MSProviderInit mslogon_provider_init

#define PROP(obj) ((MSLogon_IMAPIProp *)(void *)(obj))
#define ALL_OBJECT_EVENTS                                                           \
  (MSLogon_fnevObjectCreated | MSLogon_fnevObjectModified | MSLogon_fnevObjectDeleted | \
   MSLogon_fnevObjectMoved | MSLogon_fnevObjectCopied)

/* Fixed-size counted arrays (MAPI's SizedSPropTagArray & co). */
typedef struct Tags {
  MSLogon_ULONG cValues;
  MSLogon_ULONG aulPropTag[8];
} Tags;

typedef struct Sort1 {
  MSLogon_ULONG cSorts;
  MSLogon_ULONG cCategories;
  MSLogon_ULONG cExpanded;
  MSLogon_SSortOrder aSort[1];
} Sort1;

/* A binary value copied out of library or host memory (entry IDs,
 * instance keys); `null` when the pointer was NULL. */
typedef struct Blob {
  MSLogon_ULONG cb;
  MSLogon_BYTE ab[64];
  int null;
} Blob;

typedef Blob EntryId;
#define EID(e) ((MSLogon_ENTRYID *)(void *)(e).ab)

static Blob blob_of(const void *p, MSLogon_ULONG cb) {
  Blob b;
  memset(&b, 0, sizeof b);
  b.null = p == NULL;
  b.cb = cb;
  if (p && cb <= sizeof b.ab) memcpy(b.ab, p, cb);
  if (cb > sizeof b.ab) b.cb = 0xFFFFFFFFu; /* never equal to anything */
  return b;
}

/* Same non-NULL bytes. */
static int blob_eq(const Blob *a, const Blob *b) {
  return !a->null && !b->null && a->cb == b->cb && a->cb > 0 && a->cb <= sizeof a->ab &&
         memcmp(a->ab, b->ab, a->cb) == 0;
}

#define CHECK_BLOB(got, want) CHECK(blob_eq(&(got), &(want)))
#define CHECK_NULL_BLOB(got) CHECK((got).null && (got).cb == 0)

/* ---- a recording advise sink ------------------------------------------- */

/* One notification, copied in OnNotify (the library frees its memory when
 * OnNotify returns). */
typedef struct Event {
  long batch;              /* which OnNotify call of this sink (1-based) */
  MSLogon_ULONG batch_len; /* that call's cNotif */
  int same_thread;         /* delivered on the thread that made the change */
  MSLogon_ULONG type;      /* ulEventType */
  /* fnevObject* */
  MSLogon_ULONG obj_type;
  Blob id, parent, old_id, old_parent;
  int has_tags;
  /* fnevNewMail */
  MSLogon_ULONG mail_flags, message_flags;
  char message_class[64];
  /* fnevTableModified */
  MSLogon_ULONG table_event;
  MSLogon_HRESULT table_hr;
  MSLogon_ULONG index_tag, prior_tag;
  Blob index, prior;
  MSLogon_ULONG row_count; /* row.cValues */
  int row_props_null;
  MSLogon_ULONG row_tags[8];
  Blob row_entry_id;         /* the PR_ENTRYID cell, if any */
  char row_subject[64];      /* the PR_SUBJECT_A / PR_DISPLAY_NAME_A cell */
  long row_count_value;      /* the PR_CONTENT_COUNT cell, -1 if none */
} Event;

#define EVENTS 200

typedef struct Rec Rec;
/* Called from OnNotify after the notifications are recorded. */
typedef void (*Hook)(Rec *self, MSLogon_ULONG count, const MSLogon_NOTIFICATION *n);

struct Rec {
  MSLogon_IMAPIAdviseSink iface; /* first: &r->iface is the interface pointer */
  long refs;                     /* starts at 1: the host's own reference */
  long releases;
  long calls; /* OnNotify calls */
  long total; /* notifications received */
  long by_table_event[16];
  long by_bit[32]; /* fnev* bit -> notifications */
  int n;           /* events recorded (at most EVENTS) */
  Event ev[EVENTS];
  pthread_t thread; /* the thread expected to deliver (single-threaded parts) */
  Hook hook;
  void *ctx;
  pthread_mutex_t lock;
};

static Rec *rec_of(MSLogon_IMAPIAdviseSink *This) { return (Rec *)(void *)This; }

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE rec_AddRef(struct MSLogon_IMAPIAdviseSink *This) {
  return (MSLogon_ULONG)__atomic_add_fetch(&rec_of(This)->refs, 1, __ATOMIC_SEQ_CST);
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE rec_Release(struct MSLogon_IMAPIAdviseSink *This) {
  Rec *r = rec_of(This);
  long left = __atomic_sub_fetch(&r->refs, 1, __ATOMIC_SEQ_CST);
  __atomic_add_fetch(&r->releases, 1, __ATOMIC_SEQ_CST);
  CHECK(left >= 0); /* never over-released */
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE rec_QueryInterface(
    struct MSLogon_IMAPIAdviseSink *This, const MSLogon_IID *riid, void **ppv) {
  if (!ppv) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppv = NULL;
  if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (memcmp(riid, &host_IID_IUnknown, sizeof *riid) != 0 &&
      memcmp(riid, &host_IID_IMAPIAdviseSink, sizeof *riid) != 0)
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  rec_AddRef(This);
  *ppv = This;
  return MSLogon_S_OK;
}

static void narrow(char *dst, size_t cap, const void *s, int wide) {
  size_t i = 0;
  if (s) {
    for (; i + 1 < cap; i++) {
      unsigned c = wide ? ((const MSLogon_WCHAR *)s)[i] : ((const unsigned char *)s)[i];
      if (!c) break;
      dst[i] = c < 128 ? (char)c : '?';
    }
  }
  dst[i] = '\0';
}

static void copy_table(Event *e, const MSLogon_TABLE_NOTIFICATION *t) {
  MSLogon_ULONG i;
  e->table_event = t->ulTableEvent;
  e->table_hr = t->hResult;
  e->index_tag = t->propIndex.ulPropTag;
  if (e->index_tag == MSLogon_PR_INSTANCE_KEY)
    e->index = blob_of(t->propIndex.Value.bin.lpb, t->propIndex.Value.bin.cb);
  e->prior_tag = t->propPrior.ulPropTag;
  if (e->prior_tag == MSLogon_PR_INSTANCE_KEY)
    e->prior = blob_of(t->propPrior.Value.bin.lpb, t->propPrior.Value.bin.cb);
  e->row_count = t->row.cValues;
  e->row_props_null = t->row.lpProps == NULL;
  e->row_count_value = -1;
  for (i = 0; t->row.lpProps && i < t->row.cValues; i++) {
    const MSLogon_SPropValue *v = &t->row.lpProps[i];
    if (i < 8) e->row_tags[i] = v->ulPropTag;
    if (v->ulPropTag == MSLogon_PR_ENTRYID)
      e->row_entry_id = blob_of(v->Value.bin.lpb, v->Value.bin.cb);
    if (v->ulPropTag == MSLogon_PR_SUBJECT_A || v->ulPropTag == MSLogon_PR_DISPLAY_NAME_A)
      narrow(e->row_subject, sizeof e->row_subject, v->Value.lpszA, 0);
    if (v->ulPropTag == MSLogon_PR_CONTENT_COUNT) e->row_count_value = v->Value.l;
  }
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE rec_OnNotify(struct MSLogon_IMAPIAdviseSink *This,
                                                            MSLogon_ULONG cNotif,
                                                            void *lpNotifications) {
  Rec *r = rec_of(This);
  const MSLogon_NOTIFICATION *n = (const MSLogon_NOTIFICATION *)lpNotifications;
  MSLogon_ULONG i;
  int same = pthread_equal(pthread_self(), r->thread);
  CHECK(cNotif > 0 && n != NULL);
  pthread_mutex_lock(&r->lock);
  r->calls++;
  for (i = 0; n && i < cNotif; i++) {
    const MSLogon_NOTIFICATION *x = &n[i];
    int b;
    r->total++;
    for (b = 0; b < 32; b++)
      if (x->ulEventType & (1ul << b)) r->by_bit[b]++;
    if (x->ulEventType == MSLogon_fnevTableModified && x->info.tab.ulTableEvent < 16)
      r->by_table_event[x->info.tab.ulTableEvent]++;
    if (r->n < EVENTS) {
      Event *e = &r->ev[r->n++];
      memset(e, 0, sizeof *e);
      e->batch = r->calls;
      e->batch_len = cNotif;
      e->same_thread = same;
      e->type = x->ulEventType;
      if (x->ulEventType == MSLogon_fnevNewMail) {
        const MSLogon_NEWMAIL_NOTIFICATION *m = &x->info.newmail;
        e->id = blob_of(m->lpEntryID, m->cbEntryID);
        e->parent = blob_of(m->lpParentID, m->cbParentID);
        e->mail_flags = m->ulFlags;
        e->message_flags = m->ulMessageFlags;
        narrow(e->message_class, sizeof e->message_class, m->lpszMessageClass,
               (m->ulFlags & MSLogon_MAPI_UNICODE) != 0);
      } else if (x->ulEventType == MSLogon_fnevTableModified) {
        copy_table(e, &x->info.tab);
      } else {
        const MSLogon_OBJECT_NOTIFICATION *o = &x->info.obj;
        e->id = blob_of(o->lpEntryID, o->cbEntryID);
        e->obj_type = o->ulObjType;
        e->parent = blob_of(o->lpParentID, o->cbParentID);
        e->old_id = blob_of(o->lpOldID, o->cbOldID);
        e->old_parent = blob_of(o->lpOldParentID, o->cbOldParentID);
        e->has_tags = o->lpPropTagArray != NULL;
      }
    }
  }
  pthread_mutex_unlock(&r->lock);
  if (r->hook) r->hook(r, cNotif, n);
  return 0;
}

static const MSLogon_IMAPIAdviseSinkVtbl rec_vtbl = {
    rec_QueryInterface,
    rec_AddRef,
    rec_Release,
    rec_OnNotify,
};

static Rec *rec_new(void) {
  Rec *r = (Rec *)calloc(1, sizeof *r);
  if (!r) abort();
  r->iface.lpVtbl = &rec_vtbl;
  r->refs = 1;
  r->thread = pthread_self();
  pthread_mutex_init(&r->lock, NULL);
  return r;
}

/* Forgets what was recorded (not the references). */
static void rec_clear(Rec *r) {
  pthread_mutex_lock(&r->lock);
  r->calls = 0;
  r->total = 0;
  r->n = 0;
  memset(r->by_table_event, 0, sizeof r->by_table_event);
  memset(r->by_bit, 0, sizeof r->by_bit);
  pthread_mutex_unlock(&r->lock);
}

static long rec_refs(Rec *r) { return __atomic_load_n(&r->refs, __ATOMIC_SEQ_CST); }

/* The host's last reference: checked to be the last one. */
static void rec_free(Rec *r) {
  CHECK_EQ(rec_refs(r), 1);
  pthread_mutex_destroy(&r->lock);
  free(r);
}

/* The fnev* bit number of `event`. */
static int bit_of(MSLogon_ULONG event) {
  int b = 0;
  while (b < 31 && !(event & (1ul << b))) b++;
  return b;
}

/* Exactly one OnNotify call with exactly one notification: the one. */
static const Event *only_one_f(Rec *r, int line) {
  int ok = r->calls == 1 && r->n == 1 && r->total == 1;
  host_check(ok, "one OnNotify with one notification", __FILE__, line);
  if (!ok) {
    fprintf(stderr, "  sink saw %ld call(s), %ld notification(s)\n", r->calls, r->total);
    return NULL;
  }
  host_check(r->ev[0].same_thread, "delivered on the calling thread", __FILE__, line);
  return &r->ev[0];
}
#define only_one(r) only_one_f((r), __LINE__)

#define CHECK_NOTHING(r)        \
  do {                          \
    CHECK_EQ((r)->calls, 0);    \
    CHECK_EQ((r)->total, 0);    \
  } while (0)

/* ---- host-side helpers -------------------------------------------------- */

static void free_prows(MSLogon_SRowSet *rows) {
  MSLogon_ULONG i;
  if (!rows) return;
  for (i = 0; i < rows->cRows; i++) host_free_buffer(rows->aRow[i].lpProps);
  host_free_buffer(rows);
}

static MSLogon_SPropValue *get_one_f(void *obj, MSLogon_ULONG tag, int line) {
  Tags t = {1, {0}};
  MSLogon_SPropValue *v = NULL;
  MSLogon_ULONG n = 0;
  MSLogon_HRESULT hr;
  t.aulPropTag[0] = tag;
  hr = MSLogon_IMAPIProp_GetProps(PROP(obj), (MSLogon_SPropTagArray *)(void *)&t, 0, &n, &v);
  host_check_hr(hr, MSLogon_S_OK, "GetProps", __FILE__, line);
  if (hr != MSLogon_S_OK || n != 1 || !v || v->ulPropTag != tag) {
    host_check(0, "GetProps: the property, with its tag", __FILE__, line);
    host_free_buffer(v);
    return NULL;
  }
  return v;
}

static EntryId get_eid_f(void *obj, MSLogon_ULONG tag, int line) {
  MSLogon_SPropValue *v = get_one_f(obj, tag, line);
  EntryId e = blob_of(NULL, 0);
  if (v) e = blob_of(v->Value.bin.lpb, v->Value.bin.cb);
  host_free_buffer(v);
  return e;
}
#define get_eid(obj) get_eid_f((obj), MSLogon_PR_ENTRYID, __LINE__)
#define get_eid_tag(obj, tag) get_eid_f((obj), (tag), __LINE__)

static long get_long_f(void *obj, MSLogon_ULONG tag, int line) {
  MSLogon_SPropValue *v = get_one_f(obj, tag, line);
  long r = v ? (long)v->Value.l : -999;
  host_free_buffer(v);
  return r;
}
#define get_long(obj, tag) get_long_f((obj), (tag), __LINE__)

static void *open_entry_f(MSLogon_IMsgStore *store, const EntryId *e, MSLogon_ULONG want_type,
                          int line) {
  MSLogon_IUnknown *unk = NULL;
  MSLogon_ULONG type = 0;
  MSLogon_HRESULT hr = MSLogon_IMsgStore_OpenEntry(store, e->cb, EID(*e), NULL,
                                                   MSLogon_MAPI_MODIFY, &type, &unk);
  host_check_hr(hr, MSLogon_S_OK, "OpenEntry", __FILE__, line);
  host_check(type == want_type, "OpenEntry: the object type", __FILE__, line);
  return unk;
}
#define open_folder(store, e) \
  ((MSLogon_IMAPIFolder *)open_entry_f((store), (e), MSLogon_MAPI_FOLDER, __LINE__))
#define open_message(store, e) \
  ((MSLogon_IMessage *)open_entry_f((store), (e), MSLogon_MAPI_MESSAGE, __LINE__))

static MSLogon_IMAPIFolder *create_folder_f(MSLogon_IMAPIFolder *parent, const char *name,
                                            int line) {
  MSLogon_IMAPIFolder *f = NULL;
  MSLogon_HRESULT hr = MSLogon_IMAPIFolder_CreateFolder(parent, MSLogon_FOLDER_GENERIC,
                                                        (void *)name, NULL, NULL, 0, &f);
  host_check_hr(hr, MSLogon_S_OK, "CreateFolder", __FILE__, line);
  host_check(f != NULL, "CreateFolder: a folder", __FILE__, line);
  return f;
}
#define create_folder(parent, name) create_folder_f((parent), (name), __LINE__)

/* A new message in `folder` (subject, importance) saved with
 * KEEP_OPEN_READWRITE; returned open (when `keep`) and its entry ID. */
static EntryId new_message_f(MSLogon_IMAPIFolder *folder, const char *subject, long importance,
                             MSLogon_IMessage **keep, int line) {
  MSLogon_IMessage *m = NULL;
  MSLogon_SPropValue v[2];
  EntryId e = blob_of(NULL, 0);
  MSLogon_HRESULT hr;
  if (keep) *keep = NULL;
  hr = MSLogon_IMAPIFolder_CreateMessage(folder, NULL, 0, &m);
  host_check_hr(hr, MSLogon_S_OK, "CreateMessage", __FILE__, line);
  if (!m) return e;
  memset(v, 0, sizeof v);
  v[0].ulPropTag = MSLogon_PR_SUBJECT_A;
  v[0].Value.lpszA = (char *)subject;
  v[1].ulPropTag = MSLogon_PR_IMPORTANCE;
  v[1].Value.l = (MSLogon_LONG)importance;
  host_check_hr(MSLogon_IMessage_SetProps(m, 2, v, NULL), MSLogon_S_OK, "SetProps", __FILE__,
                line);
  host_check_hr(MSLogon_IMessage_SaveChanges(m, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK,
                "SaveChanges", __FILE__, line);
  e = get_eid_f(m, MSLogon_PR_ENTRYID, line);
  if (keep)
    *keep = m;
  else
    host_check(MSLogon_IMessage_Release(m) == 0, "message released", __FILE__, line);
  return e;
}
#define new_message(folder, subject) new_message_f((folder), (subject), 1, NULL, __LINE__)

/* Sets PR_SUBJECT_A (and PR_IMPORTANCE when >= 0) on an open message and
 * saves it, keeping it open. */
static void save_subject_f(MSLogon_IMessage *m, const char *subject, long importance, int line) {
  MSLogon_SPropValue v[2];
  memset(v, 0, sizeof v);
  v[0].ulPropTag = MSLogon_PR_SUBJECT_A;
  v[0].Value.lpszA = (char *)subject;
  v[1].ulPropTag = MSLogon_PR_IMPORTANCE;
  v[1].Value.l = (MSLogon_LONG)importance;
  host_check_hr(MSLogon_IMessage_SetProps(m, importance >= 0 ? 2 : 1, v, NULL), MSLogon_S_OK,
                "SetProps", __FILE__, line);
  host_check_hr(MSLogon_IMessage_SaveChanges(m, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK,
                "SaveChanges", __FILE__, line);
}
#define save_subject(m, subject, importance) save_subject_f((m), (subject), (importance), __LINE__)

/* An ENTRYLIST of up to 128 entry IDs. */
typedef struct List {
  MSLogon_ENTRYLIST list;
  MSLogon_SBinary bin[128];
} List;

static void list_init(List *l) {
  memset(l, 0, sizeof *l);
  l->list.lpbin = l->bin;
}

static void list_add(List *l, EntryId *e) {
  if (l->list.cValues >= 128) return;
  l->bin[l->list.cValues].cb = e->cb;
  l->bin[l->list.cValues].lpb = e->ab;
  l->list.cValues++;
}

/* A provider logon, as MAPI makes one. */
typedef struct Session {
  MSLogon_IMSProvider *provider;
  MSLogon_IMSLogon *logon;
  MSLogon_IMsgStore *store;
  MSLogon_IMAPIFolder *subtree;
  EntryId store_id;
} Session;

static int session_open(Session *s, HostSupport *support) {
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG version = 0, cb_spool = 0;
  MSLogon_BYTE *spool = NULL;
  EntryId subtree;
  memset(s, 0, sizeof *s);
  CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more, host_free_buffer,
                          0, MSLogon_CURRENT_SPI_VERSION, &version, &s->provider),
           MSLogon_S_OK);
  if (!s->provider) return 0;
  CHECK_HR(MSLogon_IMSProvider_Logon(s->provider, &support->iface, 0, NULL, 0, NULL,
                                     MSLogon_MDB_WRITE, NULL, &cb_spool, &spool, &error,
                                     &s->logon, &s->store),
           MSLogon_S_OK);
  host_free_buffer(spool);
  host_free_buffer(error);
  if (!s->logon || !s->store) return 0;
  s->store_id = get_eid(s->store);
  CHECK_EQ(s->store_id.cb, 24);
  subtree = get_eid_tag(s->store, MSLogon_PR_IPM_SUBTREE_ENTRYID);
  s->subtree = open_folder(s->store, &subtree);
  return s->subtree != NULL;
}

/* Logoff (if `logoff`), Release, Shutdown. */
static void session_close(Session *s, int logoff) {
  MSLogon_ULONG flags = 0;
  if (s->subtree) CHECK_EQ(MSLogon_IMAPIFolder_Release(s->subtree), 0);
  if (logoff && s->logon) CHECK_HR(MSLogon_IMSLogon_Logoff(s->logon, &flags), MSLogon_S_OK);
  if (s->logon) CHECK_EQ(MSLogon_IMSLogon_Release(s->logon), 0);
  if (s->store) CHECK_EQ(MSLogon_IMsgStore_Release(s->store), 0);
  flags = 0;
  if (s->provider) {
    CHECK_HR(MSLogon_IMSProvider_Shutdown(s->provider, &flags), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMSProvider_Release(s->provider), 0);
  }
}

/* Set while the support object has MAPI's engine (section 6). */
static int engine_connections;

static MSLogon_ULONG_PTR advise_f(MSLogon_IMsgStore *store, const EntryId *e, MSLogon_ULONG mask,
                                  Rec *r, int line) {
  MSLogon_ULONG_PTR c = HOST_CONNECTION_CANARY;
  long before = rec_refs(r);
  MSLogon_HRESULT hr = MSLogon_IMsgStore_Advise(store, e ? e->cb : 0, e ? EID(*e) : NULL, mask,
                                                &r->iface, &c);
  host_check_hr(hr, MSLogon_S_OK, "IMsgStore::Advise", __FILE__, line);
  host_check(c != HOST_CONNECTION_CANARY && c != 0, "a non-zero connection", __FILE__, line);
  /* The library's own connections fit in 32 bits: all 8 bytes written.
   * (Through MAPI's engine the connection is the host's own.) */
  if (!engine_connections)
    host_check(c <= 0xFFFFFFFFu, "a whole connection", __FILE__, line);
  host_check(rec_refs(r) == before + 1, "Advise holds one reference", __FILE__, line);
  return c;
}
#define advise(store, e, mask, r) advise_f((store), (e), (mask), (r), __LINE__)

static MSLogon_ULONG_PTR table_advise_f(MSLogon_IMAPITable *t, Rec *r, int line) {
  MSLogon_ULONG_PTR c = HOST_CONNECTION_CANARY;
  long before = rec_refs(r);
  host_check_hr(MSLogon_IMAPITable_Advise(t, MSLogon_fnevTableModified, &r->iface, &c),
                MSLogon_S_OK, "IMAPITable::Advise", __FILE__, line);
  host_check(c != HOST_CONNECTION_CANARY && c != 0 && c <= 0xFFFFFFFFu,
             "a whole, non-zero connection", __FILE__, line);
  host_check(rec_refs(r) == before + 1, "Advise holds one reference", __FILE__, line);
  return c;
}
#define table_advise(t, r) table_advise_f((t), (r), __LINE__)

/* An object event as expected. */
static void check_object_f(const Event *e, MSLogon_ULONG type, MSLogon_ULONG obj_type,
                           const EntryId *id, const EntryId *parent, const EntryId *old_id,
                           const EntryId *old_parent, int line) {
  if (!e) return;
  host_check_eq(e->type, type, "ulEventType", __FILE__, line);
  host_check_eq(e->obj_type, obj_type, "ulObjType", __FILE__, line);
  host_check(blob_eq(&e->id, id), "lpEntryID", __FILE__, line);
  host_check(e->id.cb == 48, "a 48-byte long-term entry ID", __FILE__, line);
  host_check(blob_eq(&e->parent, parent), "lpParentID", __FILE__, line);
  if (old_id)
    host_check(blob_eq(&e->old_id, old_id), "lpOldID", __FILE__, line);
  else
    host_check(e->old_id.null && e->old_id.cb == 0, "lpOldID NULL", __FILE__, line);
  if (old_parent)
    host_check(blob_eq(&e->old_parent, old_parent), "lpOldParentID", __FILE__, line);
  else
    host_check(e->old_parent.null && e->old_parent.cb == 0, "lpOldParentID NULL", __FILE__,
               line);
  host_check(!e->has_tags, "lpPropTagArray NULL", __FILE__, line);
}
#define check_object(e, type, obj_type, id, parent, old_id, old_parent) \
  check_object_f((e), (type), (obj_type), (id), (parent), (old_id), (old_parent), __LINE__)

/* ---- 1. store advise, delivered directly -------------------------------- */

static void store_advise(void) {
  HostSupport support;
  Session s;
  MSLogon_IMAPIFolder *a, *b, *sub;
  MSLogon_IMessage *m = NULL;
  EntryId a_id, b_id, m_id, m2_id, copy_id, sub_id, foreign;
  MSLogon_BYTE other_store[24];
  Rec *all = rec_new(), *on_a = rec_new(), *on_b = rec_new(), *on_m = rec_new();
  Rec *created_only = rec_new(), *via_logon = rec_new(), *unused = rec_new();
  MSLogon_ULONG_PTR c_all, c_a, c_b, c_m, c_created, c_logon, c;
  List list;
  const Event *e;
  long objects, buffers;

  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  objects = (long)mslogon_live_objects();
  buffers = host_live_buffers();
  a = create_folder(s.subtree, "Notify A");
  b = create_folder(s.subtree, "Notify B");
  if (!a || !b) return;
  a_id = get_eid(a);
  b_id = get_eid(b);

  /* Bad arguments keep no reference and write a cleared connection. */
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, ALL_OBJECT_EVENTS, &unused->iface, NULL),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, ALL_OBJECT_EVENTS, NULL, &c),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(c == 0);
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, 0, &unused->iface, &c),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK(c == 0);
  /* Another store of this provider, and a folder entry ID of another
   * store (its store GUID changed) or another provider (its MAPIUID). */
  host_store_entry_id(other_store, 2);
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, sizeof other_store,
                                    (MSLogon_ENTRYID *)(void *)other_store, ALL_OBJECT_EVENTS,
                                    &unused->iface, &c),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK(c == 0);
  foreign = a_id;
  foreign.ab[25] ^= 0x5A;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, foreign.cb, EID(foreign), ALL_OBJECT_EVENTS,
                                    &unused->iface, &c),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  foreign = a_id;
  foreign.ab[6] ^= 0x5A;
  CHECK_HR(MSLogon_IMSLogon_Advise(s.logon, foreign.cb, EID(foreign), ALL_OBJECT_EVENTS,
                                   &unused->iface, &c),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_EQ(rec_refs(unused), 1);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, 12345), MSLogon_MAPI_E_NOT_FOUND);

  c_all = advise(s.store, NULL, ALL_OBJECT_EVENTS | MSLogon_fnevNewMail, all);
  c_a = advise(s.store, &a_id, ALL_OBJECT_EVENTS, on_a);
  c_b = advise(s.store, &b_id, ALL_OBJECT_EVENTS, on_b);
  c_created = advise(s.store, NULL, MSLogon_fnevObjectCreated, created_only);
  /* IMSLogon::Advise: the same registry (the store's entry ID = NULL). */
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMSLogon_Advise(s.logon, s.store_id.cb, EID(s.store_id),
                                   MSLogon_fnevObjectDeleted | MSLogon_fnevObjectMoved,
                                   &via_logon->iface, &c),
           MSLogon_S_OK);
  CHECK_CONNECTION(c);
  c_logon = c;
  CHECK_EQ(rec_refs(via_logon), 2);
  CHECK(c_all != c_a && c_a != c_b && c_b != c_created && c_created != c_logon);

  /* CreateMessage alone changes nothing; SaveChanges: one
   * fnevObjectCreated, seen by the time SaveChanges returns. */
  CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(a, NULL, 0, &m), MSLogon_S_OK);
  if (!m) return;
  CHECK_NOTHING(all);
  save_subject(m, "first", 1);
  m_id = get_eid(m);
  e = only_one(all);
  check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  e = only_one(on_a);
  check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  e = only_one(created_only);
  check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  CHECK_NOTHING(on_b);
  CHECK_NOTHING(via_logon); /* its mask: deletions and moves */
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(created_only);

  /* An advise on the message itself. */
  c_m = advise(s.store, &m_id, ALL_OBJECT_EVENTS, on_m);

  /* SaveChanges of an existing message: fnevObjectModified. */
  save_subject(m, "first, changed", 2);
  e = only_one(all);
  check_object(e, MSLogon_fnevObjectModified, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  e = only_one(on_a);
  check_object(e, MSLogon_fnevObjectModified, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  e = only_one(on_m);
  check_object(e, MSLogon_fnevObjectModified, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  CHECK_NOTHING(on_b);
  CHECK_NOTHING(created_only);
  CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(on_m);

  /* A copy: the new message, its original and the original's folder. */
  list_init(&list);
  list_add(&list, &m_id);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(a, &list.list, NULL, b, 0, NULL, 0), MSLogon_S_OK);
  e = only_one(all);
  copy_id = e ? e->id : blob_of(NULL, 0);
  check_object(e, MSLogon_fnevObjectCopied, MSLogon_MAPI_MESSAGE, &copy_id, &b_id, &m_id, &a_id);
  CHECK(!blob_eq(&copy_id, &m_id));
  e = only_one(on_a); /* the original's folder */
  check_object(e, MSLogon_fnevObjectCopied, MSLogon_MAPI_MESSAGE, &copy_id, &b_id, &m_id, &a_id);
  e = only_one(on_b); /* the copy's folder */
  check_object(e, MSLogon_fnevObjectCopied, MSLogon_MAPI_MESSAGE, &copy_id, &b_id, &m_id, &a_id);
  CHECK_NOTHING(on_m); /* the event is the copy's */
  CHECK_NOTHING(created_only);
  CHECK_NOTHING(via_logon);
  {
    /* The copy is what the event says: in B, with the original's subject. */
    MSLogon_IMessage *copy = open_message(s.store, &copy_id);
    if (copy) {
      EntryId parent = get_eid_tag(copy, MSLogon_PR_PARENT_ENTRYID);
      EntryId self = get_eid(copy);
      MSLogon_SPropValue *subject = get_one_f(copy, MSLogon_PR_SUBJECT_A, __LINE__);
      CHECK_BLOB(parent, b_id);
      CHECK_BLOB(self, copy_id);
      CHECK(subject && strcmp(subject->Value.lpszA, "first, changed") == 0);
      host_free_buffer(subject);
      CHECK_EQ(MSLogon_IMessage_Release(copy), 0);
    }
  }
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(on_b);

  /* A move: same entry ID, the old folder in lpOldParentID. */
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(a, &list.list, NULL, b, 0, NULL, MSLogon_MESSAGE_MOVE),
           MSLogon_S_OK);
  e = only_one(all);
  check_object(e, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  e = only_one(on_a);
  check_object(e, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  e = only_one(on_b);
  check_object(e, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  e = only_one(on_m);
  check_object(e, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  e = only_one(via_logon);
  check_object(e, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  CHECK_NOTHING(created_only);
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(on_b);
  rec_clear(on_m);
  rec_clear(via_logon);

  /* Unadvise: an unknown connection, then B's sink (released once, told
   * nothing more), then the same connection again. */
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_logon + 1000u), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_b), MSLogon_S_OK);
  CHECK_EQ(rec_refs(on_b), 1);
  CHECK_EQ(on_b->releases, 1);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_b), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMSLogon_Unadvise(s.logon, c_b), MSLogon_MAPI_E_NOT_FOUND);

  /* Two deletions in one call: one OnNotify with both, in order. */
  m2_id = new_message(b, "second");
  rec_clear(all);
  rec_clear(created_only);
  list_init(&list);
  list_add(&list, &m_id);
  list_add(&list, &m2_id);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(b, &list.list, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(all->calls, 1);
  CHECK_EQ(all->total, 2);
  if (all->n == 2) {
    CHECK_EQ(all->ev[0].batch_len, 2);
    CHECK_EQ(all->ev[0].batch, all->ev[1].batch);
    check_object(&all->ev[0], MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &m_id, &b_id,
                 NULL, NULL);
    check_object(&all->ev[1], MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &m2_id, &b_id,
                 NULL, NULL);
  }
  CHECK_EQ(via_logon->calls, 1); /* the logon's sink: the same batch */
  CHECK_EQ(via_logon->total, 2);
  e = only_one(on_m); /* the message's own deletion only */
  check_object(e, MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &m_id, &b_id, NULL, NULL);
  CHECK_NOTHING(on_a);
  CHECK_NOTHING(on_b); /* unadvised */
  CHECK_NOTHING(created_only);
  rec_clear(all);
  rec_clear(on_m);
  rec_clear(via_logon);

  /* The copy's deletion: B's sink is gone, A is not concerned. */
  list_init(&list);
  list_add(&list, &copy_id);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(b, &list.list, 0, NULL, 0), MSLogon_S_OK);
  e = only_one(all);
  check_object(e, MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &copy_id, &b_id, NULL, NULL);
  CHECK_NOTHING(on_a);
  CHECK_NOTHING(on_b);
  CHECK_NOTHING(on_m);
  rec_clear(all);
  rec_clear(via_logon);

  /* CreateFolder: fnevObjectCreated of a MAPI_FOLDER, in its parent. */
  sub = create_folder(a, "Notify A1");
  if (sub) {
    sub_id = get_eid(sub);
    e = only_one(all);
    check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    e = only_one(on_a);
    check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    e = only_one(created_only);
    check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    CHECK_NOTHING(on_b);
    CHECK_NOTHING(on_m);
    CHECK_NOTHING(via_logon);
    CHECK_EQ(MSLogon_IMAPIFolder_Release(sub), 0);
    rec_clear(all);
    rec_clear(on_a);
    rec_clear(created_only);

    /* DeleteFolder: fnevObjectDeleted of a MAPI_FOLDER. */
    CHECK_HR(MSLogon_IMAPIFolder_DeleteFolder(a, sub_id.cb, EID(sub_id), 0, NULL, 0),
             MSLogon_S_OK);
    e = only_one(all);
    check_object(e, MSLogon_fnevObjectDeleted, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    e = only_one(on_a);
    check_object(e, MSLogon_fnevObjectDeleted, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    e = only_one(via_logon);
    check_object(e, MSLogon_fnevObjectDeleted, MSLogon_MAPI_FOLDER, &sub_id, &a_id, NULL, NULL);
    CHECK_NOTHING(created_only);
    rec_clear(all);
    rec_clear(on_a);
    rec_clear(via_logon);
  }

  /* A change made through another logon on the same store: this logon's
   * sinks hear of it too. */
  {
    HostSupport support2;
    MSLogon_IMSLogon *logon2 = NULL;
    MSLogon_IMsgStore *store2 = NULL;
    MSLogon_MAPIERROR *error = NULL;
    MSLogon_ULONG cb_spool = 0, flags = 0;
    MSLogon_BYTE *spool = NULL;
    MSLogon_IMAPIFolder *a2;
    EntryId other_id;
    host_support_init(&support2);
    CHECK_HR(MSLogon_IMSProvider_Logon(s.provider, &support2.iface, 0, NULL, 0, NULL,
                                       MSLogon_MDB_WRITE, NULL, &cb_spool, &spool, &error,
                                       &logon2, &store2),
             MSLogon_S_OK);
    host_free_buffer(spool);
    host_free_buffer(error);
    if (logon2 && store2) {
      a2 = open_folder(store2, &a_id);
      if (a2) {
        other_id = new_message(a2, "through another logon");
        e = only_one(all);
        check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &other_id, &a_id, NULL,
                     NULL);
        e = only_one(on_a);
        check_object(e, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &other_id, &a_id, NULL,
                     NULL);
        CHECK_EQ(MSLogon_IMAPIFolder_Release(a2), 0);
      }
      CHECK_HR(MSLogon_IMSLogon_Logoff(logon2, &flags), MSLogon_S_OK);
      CHECK_EQ(MSLogon_IMSLogon_Release(logon2), 0);
      CHECK_EQ(MSLogon_IMsgStore_Release(store2), 0);
      CHECK_EQ(support2.releases, 1);
    }
    rec_clear(all);
    rec_clear(on_a);
    rec_clear(created_only);
  }

  /* Unadvise each (through the logon or the store: one registry); every
   * sink released exactly once. */
  CHECK_HR(MSLogon_IMSLogon_Unadvise(s.logon, c_all), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_a), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_m), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_created), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_logon), MSLogon_S_OK);
  CHECK_EQ(all->releases, 1);
  CHECK_EQ(on_a->releases, 1);
  CHECK_EQ(on_m->releases, 1);
  CHECK_EQ(created_only->releases, 1);
  CHECK_EQ(via_logon->releases, 1);
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(created_only);
  new_message(a, "after unadvise");
  CHECK_NOTHING(all);
  CHECK_NOTHING(on_a);
  CHECK_NOTHING(created_only);

  CHECK_EQ(MSLogon_IMAPIFolder_Release(a), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(b), 0);
  CHECK_EQ((long)mslogon_live_objects(), objects);
  CHECK_EQ(host_live_buffers(), buffers);
  session_close(&s, 1);
  CHECK_EQ(support.releases, 1);
  rec_free(all);
  rec_free(on_a);
  rec_free(on_b);
  rec_free(on_m);
  rec_free(created_only);
  rec_free(via_logon);
  rec_free(unused);
}

/* ---- 2. NotifyNewMail --------------------------------------------------- */

static MSLogon_HRESULT notify_new_mail(MSLogon_IMsgStore *store, MSLogon_ULONG event,
                                       EntryId *id, EntryId *parent, MSLogon_ULONG flags,
                                       void *message_class, MSLogon_ULONG message_flags) {
  MSLogon_NOTIFICATION n;
  memset(&n, 0, sizeof n);
  n.ulEventType = event;
  n.info.newmail.cbEntryID = id->cb;
  n.info.newmail.lpEntryID = EID(*id);
  n.info.newmail.cbParentID = parent->cb;
  n.info.newmail.lpParentID = EID(*parent);
  n.info.newmail.ulFlags = flags;
  n.info.newmail.lpszMessageClass = message_class;
  n.info.newmail.ulMessageFlags = message_flags;
  return MSLogon_IMsgStore_NotifyNewMail(store, &n);
}

static void new_mail(void) {
  HostSupport support;
  Session s;
  MSLogon_IMAPIFolder *inbox, *other;
  EntryId inbox_id, other_id, m_id, elsewhere, foreign;
  MSLogon_ULONG cb = 0;
  MSLogon_ENTRYID *eid = NULL;
  void *explicit_class = NULL;
  char message_class[] = "IPM.Note";
  MSLogon_WCHAR wide_class[] = {'I', 'P', 'M', '.', 'N', 'o', 't', 'e', '.', 'W', 0};
  Rec *all = rec_new(), *on_inbox = rec_new(), *on_m = rec_new(), *objects_only = rec_new();
  MSLogon_ULONG_PTR conns[4];
  const Event *e;
  int i;

  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolder(s.store, message_class, 0, &cb, &eid,
                                              &explicit_class),
           MSLogon_S_OK);
  inbox_id = blob_of(eid, cb);
  host_free_buffer(eid);
  host_free_buffer(explicit_class);
  inbox = open_folder(s.store, &inbox_id);
  other = create_folder(s.subtree, "Not the Inbox");
  if (!inbox || !other) return;
  other_id = get_eid(other);
  m_id = new_message(inbox, "delivered");
  elsewhere = new_message(other, "elsewhere");

  conns[0] = advise(s.store, NULL, MSLogon_fnevNewMail, all);
  conns[1] = advise(s.store, &inbox_id, MSLogon_fnevNewMail, on_inbox);
  conns[2] = advise(s.store, &m_id, MSLogon_fnevNewMail | ALL_OBJECT_EVENTS, on_m);
  conns[3] = advise(s.store, NULL, ALL_OBJECT_EVENTS, objects_only);

  /* 8-bit class. */
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &inbox_id, 0, message_class,
                           MSLogon_MSGFLAG_UNSENT),
           MSLogon_S_OK);
  {
    Rec *got[3];
    got[0] = all;
    got[1] = on_inbox;
    got[2] = on_m;
    for (i = 0; i < 3; i++) {
      e = only_one(got[i]);
      if (!e) continue;
      CHECK_EQ(e->type, MSLogon_fnevNewMail);
      CHECK_BLOB(e->id, m_id);
      CHECK_BLOB(e->parent, inbox_id);
      CHECK_EQ(e->mail_flags, 0);
      CHECK(strcmp(e->message_class, "IPM.Note") == 0);
      CHECK_EQ(e->message_flags, MSLogon_MSGFLAG_UNSENT);
      rec_clear(got[i]);
    }
  }
  CHECK_NOTHING(objects_only);

  /* A wide class (MAPI_UNICODE): delivered wide. */
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &inbox_id, MSLogon_MAPI_UNICODE,
                           wide_class, MSLogon_MSGFLAG_READ),
           MSLogon_S_OK);
  e = only_one(all);
  if (e) {
    CHECK_EQ(e->mail_flags, MSLogon_MAPI_UNICODE);
    CHECK(strcmp(e->message_class, "IPM.Note.W") == 0);
    CHECK_EQ(e->message_flags, MSLogon_MSGFLAG_READ);
    CHECK_BLOB(e->id, m_id);
  }
  CHECK_EQ(on_inbox->total, 1);
  CHECK_EQ(on_m->total, 1);
  rec_clear(all);
  rec_clear(on_inbox);
  rec_clear(on_m);

  /* Bad notifications: their codes, and nothing delivered. */
  CHECK_HR(MSLogon_IMsgStore_NotifyNewMail(s.store, NULL), MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevObjectCreated, &m_id, &inbox_id, 0,
                           message_class, 0),
           MSLogon_MAPI_E_INVALID_PARAMETER);
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &inbox_id, 0x2, message_class, 0),
           MSLogon_MAPI_E_UNKNOWN_FLAGS);
  /* The message is not in that folder. */
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &elsewhere, &inbox_id, 0, message_class,
                           0),
           MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &other_id, 0, message_class, 0),
           MSLogon_MAPI_E_NOT_FOUND);
  /* Entry IDs of another store or provider. */
  foreign = m_id;
  foreign.ab[25] ^= 0x5A;
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &foreign, &inbox_id, 0, message_class,
                           0),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  foreign = inbox_id;
  foreign.ab[6] ^= 0x5A;
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &foreign, 0, message_class, 0),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_NOTHING(all);
  CHECK_NOTHING(on_inbox);
  CHECK_NOTHING(on_m);
  CHECK_NOTHING(objects_only);

  for (i = 0; i < 4; i++) CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, conns[i]), MSLogon_S_OK);
  CHECK_EQ(rec_refs(all), 1);
  CHECK_EQ(rec_refs(on_inbox), 1);
  CHECK_EQ(rec_refs(on_m), 1);
  CHECK_EQ(rec_refs(objects_only), 1);
  /* Nobody listening: still S_OK. */
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &inbox_id, 0, message_class, 0),
           MSLogon_S_OK);
  CHECK_NOTHING(all);

  CHECK_EQ(MSLogon_IMAPIFolder_Release(inbox), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(other), 0);
  session_close(&s, 1);
  rec_free(all);
  rec_free(on_inbox);
  rec_free(on_m);
  rec_free(objects_only);
}

/* ---- 3. table notifications --------------------------------------------- */

/* Columns of the contents tables here. */
enum { T_KEY, T_ENTRYID, T_SUBJECT, T_IMPORTANCE, T_COLUMNS };

static MSLogon_IMAPITable *contents_table_f(MSLogon_IMAPIFolder *f, int line) {
  MSLogon_IMAPITable *t = NULL;
  Tags cols = {T_COLUMNS,
               {MSLogon_PR_INSTANCE_KEY, MSLogon_PR_ENTRYID, MSLogon_PR_SUBJECT_A,
                MSLogon_PR_IMPORTANCE}};
  Sort1 sort = {1, 0, 0, {{MSLogon_PR_SUBJECT_A, MSLogon_TABLE_SORT_ASCEND}}};
  MSLogon_ULONG status = 99, type = 99;
  host_check_hr(MSLogon_IMAPIFolder_GetContentsTable(f, 0, &t), MSLogon_S_OK,
                "GetContentsTable", __FILE__, line);
  if (!t) return NULL;
  host_check_hr(MSLogon_IMAPITable_GetStatus(t, &status, &type), MSLogon_S_OK, "GetStatus",
                __FILE__, line);
  host_check_eq(type, MSLogon_TBLTYPE_DYNAMIC, "contents table TBLTYPE_DYNAMIC", __FILE__, line);
  host_check_hr(MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&cols, 0),
                MSLogon_S_OK, "SetColumns", __FILE__, line);
  host_check_hr(MSLogon_IMAPITable_SortTable(t, (MSLogon_SSortOrderSet *)(void *)&sort, 0),
                MSLogon_S_OK, "SortTable", __FILE__, line);
  return t;
}
#define contents_table(f) contents_table_f((f), __LINE__)

/* Every row's PR_INSTANCE_KEY (column `key_col`) and column `text_col`
 * (a PT_STRING8 value), from the beginning. */
#define VIEW_ROWS 256
typedef struct View {
  MSLogon_ULONG rows;
  Blob key[VIEW_ROWS];
  Blob eid[VIEW_ROWS];
  char text[VIEW_ROWS][64];
} View;

static void read_view_f(MSLogon_IMAPITable *t, View *v, MSLogon_ULONG key_col,
                        MSLogon_ULONG eid_col, MSLogon_ULONG text_col, int line) {
  MSLogon_SRowSet *rows = NULL;
  MSLogon_ULONG r, count = 0;
  memset(v, 0, sizeof *v);
  host_check_hr(MSLogon_IMAPITable_SeekRow(t, MSLogon_BOOKMARK_BEGINNING, 0, NULL), MSLogon_S_OK,
                "SeekRow", __FILE__, line);
  host_check_hr(MSLogon_IMAPITable_QueryRows(t, 1000, 0, &rows), MSLogon_S_OK, "QueryRows",
                __FILE__, line);
  if (!rows) return;
  host_check_hr(MSLogon_IMAPITable_GetRowCount(t, 0, &count), MSLogon_S_OK, "GetRowCount",
                __FILE__, line);
  host_check_eq(rows->cRows, count, "QueryRows: GetRowCount rows", __FILE__, line);
  for (r = 0; r < rows->cRows && r < VIEW_ROWS; r++) {
    const MSLogon_SRow *row = &rows->aRow[r];
    if (key_col < row->cValues && row->lpProps[key_col].ulPropTag == MSLogon_PR_INSTANCE_KEY)
      v->key[r] = blob_of(row->lpProps[key_col].Value.bin.lpb, row->lpProps[key_col].Value.bin.cb);
    else
      host_check(0, "a PR_INSTANCE_KEY column", __FILE__, line);
    if (eid_col < row->cValues && row->lpProps[eid_col].ulPropTag == MSLogon_PR_ENTRYID)
      v->eid[r] = blob_of(row->lpProps[eid_col].Value.bin.lpb, row->lpProps[eid_col].Value.bin.cb);
    if (text_col < row->cValues && (row->lpProps[text_col].ulPropTag & 0xFFFFu) == 0x001E)
      narrow(v->text[r], sizeof v->text[r], row->lpProps[text_col].Value.lpszA, 0);
  }
  v->rows = rows->cRows;
  free_prows(rows);
}
#define read_view(t, v) read_view_f((t), (v), T_KEY, T_ENTRYID, T_SUBJECT, __LINE__)

/* The position of `key` in the view, -1 if absent. */
static int find_key(const View *v, const Blob *key) {
  MSLogon_ULONG r;
  for (r = 0; r < v->rows && r < VIEW_ROWS; r++)
    if (blob_eq(&v->key[r], key)) return (int)r;
  return -1;
}

/* A row event agrees with the table read after it: the row is where
 * propPrior says (PR_NULL: first), or gone for a deletion. */
static void agrees_f(const Event *e, const View *v, int line) {
  int at;
  if (!e) return;
  host_check_eq(e->type, MSLogon_fnevTableModified, "fnevTableModified", __FILE__, line);
  host_check_eq(e->index_tag, MSLogon_PR_INSTANCE_KEY, "propIndex: PR_INSTANCE_KEY", __FILE__,
                line);
  at = find_key(v, &e->index);
  if (e->table_event == MSLogon_TABLE_ROW_DELETED) {
    host_check(at < 0, "the deleted row is gone", __FILE__, line);
    host_check_eq(e->row_count, 0, "deleted: row.cValues 0", __FILE__, line);
    host_check_eq(e->prior_tag, MSLogon_PR_NULL, "deleted: propPrior PR_NULL", __FILE__, line);
    return;
  }
  host_check(at >= 0, "the row is in the table", __FILE__, line);
  if (at < 0) return;
  if (e->prior_tag == MSLogon_PR_NULL) {
    host_check(at == 0, "propPrior PR_NULL: the first row", __FILE__, line);
  } else {
    host_check_eq(e->prior_tag, MSLogon_PR_INSTANCE_KEY, "propPrior: PR_INSTANCE_KEY", __FILE__,
                  line);
    host_check(at > 0 && blob_eq(&v->key[at - 1], &e->prior), "the row follows propPrior",
               __FILE__, line);
  }
  host_check(blob_eq(&e->row_entry_id, &v->eid[at]), "the row's PR_ENTRYID", __FILE__, line);
  host_check(strcmp(e->row_subject, v->text[at]) == 0, "the row's text column", __FILE__, line);
}
#define agrees(e, v) agrees_f((e), (v), __LINE__)

/* One table event of the kind, agreeing with the table. */
static const Event *row_event_f(Rec *r, MSLogon_IMAPITable *t, MSLogon_ULONG event, View *v,
                                int line) {
  const Event *e = only_one_f(r, line);
  if (!e) return NULL;
  host_check_eq(e->table_event, event, "ulTableEvent", __FILE__, line);
  host_check_hr(e->table_hr, MSLogon_S_OK, "hResult", __FILE__, line);
  read_view_f(t, v, T_KEY, T_ENTRYID, T_SUBJECT, line);
  agrees_f(e, v, line);
  if (event != MSLogon_TABLE_ROW_DELETED) {
    host_check_eq(e->row_count, T_COLUMNS, "row: the table's columns", __FILE__, line);
    host_check_eq(e->row_tags[T_KEY], MSLogon_PR_INSTANCE_KEY, "row column 0", __FILE__, line);
    host_check_eq(e->row_tags[T_ENTRYID], MSLogon_PR_ENTRYID, "row column 1", __FILE__, line);
    host_check_eq(e->row_tags[T_SUBJECT], MSLogon_PR_SUBJECT_A, "row column 2", __FILE__, line);
    host_check_eq(e->row_tags[T_IMPORTANCE], MSLogon_PR_IMPORTANCE, "row column 3", __FILE__,
                  line);
  }
  return e;
}
#define row_event(r, t, event, v) row_event_f((r), (t), (event), (v), __LINE__)

static void snapshot_tables(MSLogon_IMsgStore *store, MSLogon_IMessage *m) {
  MSLogon_IMAPITable *t = NULL;
  MSLogon_ULONG status = 99, type = 99;
  CHECK_HR(MSLogon_IMessage_GetRecipientTable(m, 0, &t), MSLogon_S_OK);
  if (t) {
    CHECK_HR(MSLogon_IMAPITable_GetStatus(t, &status, &type), MSLogon_S_OK);
    CHECK_EQ(type, MSLogon_TBLTYPE_SNAPSHOT);
    CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  }
  t = NULL;
  type = 99;
  CHECK_HR(MSLogon_IMessage_GetAttachmentTable(m, 0, &t), MSLogon_S_OK);
  if (t) {
    CHECK_HR(MSLogon_IMAPITable_GetStatus(t, &status, &type), MSLogon_S_OK);
    CHECK_EQ(type, MSLogon_TBLTYPE_SNAPSHOT);
    CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  }
  t = NULL;
  type = 99;
  CHECK_HR(MSLogon_IMsgStore_GetReceiveFolderTable(store, 0, (void **)(void *)&t), MSLogon_S_OK);
  if (t) {
    CHECK_HR(MSLogon_IMAPITable_GetStatus(t, &status, &type), MSLogon_S_OK);
    CHECK_EQ(type, MSLogon_TBLTYPE_SNAPSHOT);
    CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  }
}

/* Contents tables: rows added, modified, deleted, moved out; a
 * restricted view. */
static void contents_rows(Session *s) {
  MSLogon_IMAPIFolder *f = create_folder(s->subtree, "Table folder");
  MSLogon_IMAPIFolder *g = create_folder(s->subtree, "Table folder 2");
  MSLogon_IMAPITable *t, *high, *t2;
  MSLogon_IMessage *m = NULL, *n = NULL;
  EntryId b_id, m_id, n_id;
  Rec *rec = rec_new(), *rhigh = rec_new(), *rec2 = rec_new();
  MSLogon_ULONG_PTR c, chigh, c2;
  MSLogon_SPropValue two;
  MSLogon_SRestriction res;
  View v;
  const Event *e;
  List list;
  int at_d;
  Blob key_m;

  if (!f || !g) return;
  b_id = new_message_f(f, "b", 1, NULL, __LINE__);
  new_message_f(f, "d", 1, NULL, __LINE__);
  new_message_f(f, "p", 1, NULL, __LINE__);
  t = contents_table(f);
  t2 = contents_table(g);
  high = contents_table(f);
  if (!t || !t2 || !high) return;
  /* `high`: only PR_IMPORTANCE == 2 (IMPORTANCE_HIGH). */
  memset(&two, 0, sizeof two);
  two.ulPropTag = MSLogon_PR_IMPORTANCE;
  two.Value.l = 2;
  memset(&res, 0, sizeof res);
  res.rt = MSLogon_RES_PROPERTY;
  res.res.resProperty.relop = MSLogon_RELOP_EQ;
  res.res.resProperty.ulPropTag = MSLogon_PR_IMPORTANCE;
  res.res.resProperty.lpProp = &two;
  CHECK_HR(MSLogon_IMAPITable_Restrict(high, &res, 0), MSLogon_S_OK);
  c = table_advise(t, rec);
  chigh = table_advise(high, rhigh);
  c2 = table_advise(t2, rec2);
  read_view(t, &v);
  CHECK_EQ(v.rows, 3);
  CHECK(strcmp(v.text[0], "b") == 0 && strcmp(v.text[1], "d") == 0 &&
        strcmp(v.text[2], "p") == 0);

  /* Added between "d" and "p": propPrior is "d". */
  m_id = new_message_f(f, "m", 1, &m, __LINE__);
  e = row_event(rec, t, MSLogon_TABLE_ROW_ADDED, &v);
  if (e) {
    CHECK_BLOB(e->row_entry_id, m_id);
    CHECK(strcmp(e->row_subject, "m") == 0);
    at_d = find_key(&v, &e->prior);
    CHECK_EQ(at_d, 1);
    CHECK(strcmp(v.text[at_d], "d") == 0);
    CHECK_EQ(find_key(&v, &e->index), 2);
  }
  key_m = e ? e->index : blob_of(NULL, 0);
  CHECK_NOTHING(rhigh); /* not important enough for the restricted view */
  CHECK_NOTHING(rec2);  /* another folder */
  rec_clear(rec);

  /* Added first: propPrior PR_NULL. */
  new_message_f(f, "a", 1, NULL, __LINE__);
  e = row_event(rec, t, MSLogon_TABLE_ROW_ADDED, &v);
  if (e) {
    CHECK_EQ(e->prior_tag, MSLogon_PR_NULL);
    CHECK(strcmp(e->row_subject, "a") == 0);
    CHECK_EQ(v.rows, 5);
  }
  rec_clear(rec);

  /* Modified and moved to the end: propPrior is "p". */
  if (m) save_subject(m, "z", -1);
  e = row_event(rec, t, MSLogon_TABLE_ROW_MODIFIED, &v);
  if (e) {
    CHECK_BLOB(e->index, key_m); /* the same row */
    CHECK(strcmp(e->row_subject, "z") == 0);
    CHECK_EQ(find_key(&v, &e->index), 4);
    CHECK(strcmp(v.text[3], "p") == 0);
  }
  CHECK_NOTHING(rhigh);
  rec_clear(rec);

  /* Into the restricted view: MODIFIED in one table, ADDED in the other
   * (first there: PR_NULL). */
  if (m) save_subject(m, "z", 2);
  e = row_event(rec, t, MSLogon_TABLE_ROW_MODIFIED, &v);
  e = only_one(rhigh);
  if (e) {
    View hv;
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_ADDED);
    CHECK_EQ(e->prior_tag, MSLogon_PR_NULL);
    CHECK_BLOB(e->index, key_m);
    read_view(high, &hv);
    CHECK_EQ(hv.rows, 1);
    agrees(e, &hv);
  }
  rec_clear(rec);
  rec_clear(rhigh);
  new_message_f(f, "y", 2, &n, __LINE__);
  n_id = n ? get_eid(n) : blob_of(NULL, 0);
  e = only_one(rhigh);
  if (e) {
    View hv;
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_ADDED);
    CHECK_BLOB(e->row_entry_id, n_id);
    read_view(high, &hv);
    CHECK_EQ(hv.rows, 2);
    agrees(e, &hv);
    CHECK_EQ(e->prior_tag, MSLogon_PR_NULL); /* "y" before "z" */
    CHECK(strcmp(hv.text[0], "y") == 0 && strcmp(hv.text[1], "z") == 0);
  }
  CHECK_EQ(rec->total, 1);
  rec_clear(rec);
  rec_clear(rhigh);

  /* Out of the restricted view: DELETED there, MODIFIED here. */
  if (n) save_subject(n, "y", 1);
  e = row_event(rec, t, MSLogon_TABLE_ROW_MODIFIED, &v);
  e = only_one(rhigh);
  if (e) {
    View hv;
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_DELETED);
    CHECK_EQ(e->row_count, 0);
    CHECK(e->row_props_null);
    read_view(high, &hv);
    CHECK_EQ(hv.rows, 1);
    agrees(e, &hv);
  }
  rec_clear(rec);
  rec_clear(rhigh);

  /* The table's current columns: after SetColumns, the new ones. */
  {
    Tags two_cols = {2, {MSLogon_PR_INSTANCE_KEY, MSLogon_PR_SUBJECT_A}};
    Tags cols = {T_COLUMNS,
                 {MSLogon_PR_INSTANCE_KEY, MSLogon_PR_ENTRYID, MSLogon_PR_SUBJECT_A,
                  MSLogon_PR_IMPORTANCE}};
    CHECK_HR(MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&two_cols, 0),
             MSLogon_S_OK);
    if (n) save_subject(n, "yy", -1);
    e = only_one(rec);
    if (e) {
      CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_MODIFIED);
      CHECK_EQ(e->row_count, 2);
      CHECK_EQ(e->row_tags[0], MSLogon_PR_INSTANCE_KEY);
      CHECK_EQ(e->row_tags[1], MSLogon_PR_SUBJECT_A);
      CHECK(strcmp(e->row_subject, "yy") == 0);
    }
    CHECK_HR(MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&cols, 0),
             MSLogon_S_OK);
    rec_clear(rec);
    rec_clear(rhigh);
  }

  /* Deleted: propIndex only. */
  list_init(&list);
  list_add(&list, &b_id);
  read_view(t, &v);
  {
    Blob key_b = v.key[1];
    CHECK(strcmp(v.text[0], "a") == 0 && strcmp(v.text[1], "b") == 0);
    CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, &list.list, 0, NULL, 0), MSLogon_S_OK);
    e = row_event(rec, t, MSLogon_TABLE_ROW_DELETED, &v);
    if (e) {
      CHECK_BLOB(e->index, key_b);
      CHECK(e->row_props_null);
    }
  }
  CHECK_NOTHING(rhigh);
  rec_clear(rec);

  /* Moved to the other folder: DELETED here, ADDED there. */
  list_init(&list);
  list_add(&list, &m_id);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(f, &list.list, NULL, g, 0, NULL, MSLogon_MESSAGE_MOVE),
           MSLogon_S_OK);
  e = row_event(rec, t, MSLogon_TABLE_ROW_DELETED, &v);
  if (e) CHECK_BLOB(e->index, key_m);
  e = only_one(rhigh);
  if (e) CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_DELETED);
  e = row_event(rec2, t2, MSLogon_TABLE_ROW_ADDED, &v);
  if (e) {
    CHECK_BLOB(e->row_entry_id, m_id);
    CHECK_EQ(e->prior_tag, MSLogon_PR_NULL);
    CHECK_EQ(v.rows, 1);
  }
  rec_clear(rec);
  rec_clear(rhigh);
  rec_clear(rec2);

  /* Snapshot tables. */
  if (n) snapshot_tables(s->store, n);

  /* Unadvise: released once, told nothing more. */
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, c + 1000u), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, c), MSLogon_S_OK);
  CHECK_EQ(rec_refs(rec), 1);
  CHECK_EQ(rec->releases, 1);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, c), MSLogon_MAPI_E_NOT_FOUND);
  new_message(f, "unheard");
  CHECK_NOTHING(rec);
  CHECK_EQ(rhigh->total, 0);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(high, chigh), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t2, c2), MSLogon_S_OK);
  CHECK_EQ(rec_refs(rhigh), 1);
  CHECK_EQ(rec_refs(rec2), 1);

  if (m) CHECK_EQ(MSLogon_IMessage_Release(m), 0);
  if (n) CHECK_EQ(MSLogon_IMessage_Release(n), 0);
  CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  CHECK_EQ(MSLogon_IMAPITable_Release(t2), 0);
  CHECK_EQ(MSLogon_IMAPITable_Release(high), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(g), 0);
  rec_free(rec);
  rec_free(rhigh);
  rec_free(rec2);
}

/* 64 rows changed in one call: 64 events in one OnNotify; more: one
 * TABLE_RELOAD. */
static void reload(Session *s) {
  MSLogon_IMAPIFolder *f = create_folder(s->subtree, "Many");
  MSLogon_IMAPITable *t;
  EntryId ids[100];
  Rec *rec = rec_new(), *store_rec = rec_new();
  MSLogon_ULONG_PTR c, cs;
  MSLogon_ULONG count = 99;
  List list;
  View v;
  char subject[16];
  int i;

  if (!f) return;
  t = contents_table(f);
  if (!t) return;
  c = table_advise(t, rec);
  for (i = 0; i < 100; i++) {
    sprintf(subject, "many %03d", i);
    ids[i] = new_message_f(f, subject, 1, NULL, __LINE__);
  }
  /* One call each: 100 OnNotify calls, each one ROW_ADDED. */
  CHECK_EQ(rec->calls, 100);
  CHECK_EQ(rec->by_table_event[MSLogon_TABLE_ROW_ADDED], 100);
  CHECK_EQ(rec->total, 100);
  rec_clear(rec);

  /* 64 deletions in one call: 64 ROW_DELETED in one OnNotify. */
  list_init(&list);
  for (i = 0; i < 64; i++) list_add(&list, &ids[i]);
  cs = advise(s->store, NULL, MSLogon_fnevObjectDeleted, store_rec);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, &list.list, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(rec->calls, 1);
  CHECK_EQ(rec->total, 64);
  CHECK_EQ(rec->by_table_event[MSLogon_TABLE_ROW_DELETED], 64);
  CHECK_EQ(store_rec->calls, 1);
  CHECK_EQ(store_rec->total, 64);
  read_view(t, &v);
  CHECK_EQ(v.rows, 36);
  for (i = 0; i < rec->n; i++) {
    CHECK_EQ(rec->ev[i].batch_len, 64);
    agrees(&rec->ev[i], &v);
  }
  rec_clear(rec);
  rec_clear(store_rec);

  /* 65 in one call (EmptyFolder): one TABLE_RELOAD; the store's sink still
   * gets each deletion, in one OnNotify. */
  for (i = 0; i < 29; i++) {
    sprintf(subject, "more %03d", i);
    new_message_f(f, subject, 1, NULL, __LINE__);
  }
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(t, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, 65);
  rec_clear(rec);
  CHECK_HR(MSLogon_IMAPIFolder_EmptyFolder(f, 0, NULL, 0), MSLogon_S_OK);
  {
    const Event *e = only_one(rec);
    if (e) {
      CHECK_EQ(e->type, MSLogon_fnevTableModified);
      CHECK_EQ(e->table_event, MSLogon_TABLE_RELOAD);
      CHECK_EQ(e->row_count, 0);
    }
  }
  CHECK_EQ(store_rec->calls, 1);
  CHECK_EQ(store_rec->total, 65);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(t, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, 0);
  rec_clear(rec);
  rec_clear(store_rec);

  /* DeleteMessages of 100: one TABLE_RELOAD. */
  list_init(&list);
  for (i = 0; i < 100; i++) {
    sprintf(subject, "again %03d", i);
    ids[i] = new_message_f(f, subject, 1, NULL, __LINE__);
    list_add(&list, &ids[i]);
  }
  rec_clear(rec);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(f, &list.list, 0, NULL, 0), MSLogon_S_OK);
  {
    const Event *e = only_one(rec);
    if (e) CHECK_EQ(e->table_event, MSLogon_TABLE_RELOAD);
  }
  CHECK_EQ(store_rec->calls, 1);
  CHECK_EQ(store_rec->total, 100);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(t, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, 0);
  CHECK_EQ(get_long(f, MSLogon_PR_CONTENT_COUNT), 0);

  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, c), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s->store, cs), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  rec_free(rec);
  rec_free(store_rec);
}

/* Columns of the hierarchy tables here. */
enum { H_KEY, H_ENTRYID, H_NAME, H_COUNT, H_SUBFOLDERS, H_COLUMNS };

static MSLogon_IMAPITable *hierarchy_table(MSLogon_IMAPIFolder *f) {
  MSLogon_IMAPITable *t = NULL;
  Tags cols = {H_COLUMNS,
               {MSLogon_PR_INSTANCE_KEY, MSLogon_PR_ENTRYID, MSLogon_PR_DISPLAY_NAME_A,
                MSLogon_PR_CONTENT_COUNT, MSLogon_PR_SUBFOLDERS}};
  MSLogon_ULONG status = 99, type = 99;
  CHECK_HR(MSLogon_IMAPIFolder_GetHierarchyTable(f, 0, &t), MSLogon_S_OK);
  if (!t) return NULL;
  CHECK_HR(MSLogon_IMAPITable_GetStatus(t, &status, &type), MSLogon_S_OK);
  CHECK_EQ(type, MSLogon_TBLTYPE_DYNAMIC);
  CHECK_HR(MSLogon_IMAPITable_SetColumns(t, (MSLogon_SPropTagArray *)(void *)&cols, 0),
           MSLogon_S_OK);
  return t;
}

static void hierarchy(Session *s) {
  MSLogon_IMAPIFolder *h = create_folder(s->subtree, "Hierarchy");
  MSLogon_IMAPIFolder *h1;
  MSLogon_IMAPITable *th, *ts;
  Rec *rh = rec_new(), *rs = rec_new();
  MSLogon_ULONG_PTR ch, cs;
  EntryId h_id, h1_id;
  View v;
  const Event *e;

  if (!h) return;
  h_id = get_eid(h);
  th = hierarchy_table(h);
  ts = hierarchy_table(s->subtree);
  if (!th || !ts) return;
  ch = table_advise(th, rh);
  cs = table_advise(ts, rs);

  /* A new subfolder of H: ADDED in H's table (first: PR_NULL); H's row in
   * the subtree's table MODIFIED (PR_SUBFOLDERS). */
  h1 = create_folder(h, "H1");
  if (!h1) return;
  h1_id = get_eid(h1);
  e = only_one(rh);
  if (e) {
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_ADDED);
    CHECK_EQ(e->prior_tag, MSLogon_PR_NULL);
    CHECK_BLOB(e->row_entry_id, h1_id);
    CHECK(strcmp(e->row_subject, "H1") == 0);
    CHECK_EQ(e->row_count_value, 0);
    CHECK_EQ(e->row_count, H_COLUMNS);
    read_view_f(th, &v, H_KEY, H_ENTRYID, H_NAME, __LINE__);
    CHECK_EQ(v.rows, 1);
    agrees(e, &v);
  }
  e = only_one(rs);
  if (e) {
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_MODIFIED);
    CHECK_BLOB(e->row_entry_id, h_id);
    read_view_f(ts, &v, H_KEY, H_ENTRYID, H_NAME, __LINE__);
    agrees(e, &v);
  }
  rec_clear(rh);
  rec_clear(rs);

  /* A message in H1: H1's row MODIFIED (PR_CONTENT_COUNT 1); the subtree's
   * table (H1 not in it) hears nothing. */
  new_message(h1, "counted");
  e = only_one(rh);
  if (e) {
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_MODIFIED);
    CHECK_BLOB(e->row_entry_id, h1_id);
    CHECK_EQ(e->row_count_value, 1);
    read_view_f(th, &v, H_KEY, H_ENTRYID, H_NAME, __LINE__);
    agrees(e, &v);
  }
  CHECK_NOTHING(rs);
  rec_clear(rh);

  /* A message in H: H's row in the subtree's table MODIFIED. */
  new_message(h, "counted too");
  e = only_one(rs);
  if (e) {
    CHECK_EQ(e->table_event, MSLogon_TABLE_ROW_MODIFIED);
    CHECK_BLOB(e->row_entry_id, h_id);
    CHECK_EQ(e->row_count_value, 1);
  }
  CHECK_NOTHING(rh);

  CHECK_HR(MSLogon_IMAPITable_Unadvise(th, ch), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(ts, cs), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMAPITable_Release(th), 0);
  CHECK_EQ(MSLogon_IMAPITable_Release(ts), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(h1), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(h), 0);
  rec_free(rh);
  rec_free(rs);
}

static void tables(void) {
  HostSupport support;
  Session s;
  long objects, buffers;
  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  objects = (long)mslogon_live_objects();
  buffers = host_live_buffers();
  contents_rows(&s);
  reload(&s);
  hierarchy(&s);
  CHECK_EQ((long)mslogon_live_objects(), objects);
  CHECK_EQ(host_live_buffers(), buffers);
  session_close(&s, 1);
}

/* ---- 4. re-entry from OnNotify ----------------------------------------- */

typedef struct Reentry {
  MSLogon_IMAPITable *table;
  MSLogon_IMsgStore *store;
  MSLogon_IMSLogon *logon;
  MSLogon_ULONG_PTR connection;
  int unadvise;  /* Unadvise its own connection */
  int release;   /* Release the host's reference */
  int logoff;    /* IMSLogon::Logoff */
  long rows_seen;
  MSLogon_HRESULT unadvise_hr, logoff_hr;
  long refs_inside;
  char subject_seen[64];
} Reentry;

static void reenter(Rec *self, MSLogon_ULONG count, const MSLogon_NOTIFICATION *n) {
  Reentry *x = (Reentry *)self->ctx;
  (void)count;
  if (x->table) {
    /* Read the table that is notifying. */
    MSLogon_ULONG rows = 0;
    MSLogon_SRowSet *set = NULL;
    CHECK_HR(MSLogon_IMAPITable_GetRowCount(x->table, 0, &rows), MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPITable_SeekRow(x->table, MSLogon_BOOKMARK_BEGINNING, 0, NULL),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPITable_QueryRows(x->table, 100, 0, &set), MSLogon_S_OK);
    if (set) {
      CHECK_EQ(set->cRows, rows);
      x->rows_seen = (long)set->cRows;
    }
    free_prows(set);
  }
  if (x->store && n && n[0].ulEventType == MSLogon_fnevObjectCreated) {
    /* Open the object the notification names, read it. */
    EntryId id = blob_of(n[0].info.obj.lpEntryID, n[0].info.obj.cbEntryID);
    MSLogon_IMessage *m = open_message(x->store, &id);
    if (m) {
      MSLogon_SPropValue *v = get_one_f(m, MSLogon_PR_SUBJECT_A, __LINE__);
      if (v) narrow(x->subject_seen, sizeof x->subject_seen, v->Value.lpszA, 0);
      host_free_buffer(v);
      CHECK_EQ(MSLogon_IMessage_Release(m), 0);
    }
  }
  if (x->unadvise) {
    x->unadvise = 0;
    x->unadvise_hr = x->table ? MSLogon_IMAPITable_Unadvise(x->table, x->connection)
                              : MSLogon_IMsgStore_Unadvise(x->store, x->connection);
  }
  x->refs_inside = rec_refs(self);
  if (x->release) {
    x->release = 0;
    rec_Release(&self->iface); /* the host lets go of its own sink */
  }
  if (x->logoff) {
    MSLogon_ULONG flags = 0;
    x->logoff = 0;
    x->logoff_hr = MSLogon_IMSLogon_Logoff(x->logon, &flags);
  }
}

static void reentry(void) {
  HostSupport support;
  Session s;
  MSLogon_IMAPIFolder *f;
  MSLogon_IMAPITable *t;
  Rec *tr = rec_new(), *sr = rec_new(), *plain = rec_new();
  Reentry tx, sx;
  MSLogon_ULONG_PTR cp;

  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  f = create_folder(s.subtree, "Re-entry");
  if (!f) return;
  new_message(f, "one");
  t = contents_table(f);
  if (!t) return;

  /* A table sink that reads the table, Unadvises and Releases itself. */
  memset(&tx, 0, sizeof tx);
  tx.table = t;
  tx.unadvise = 1;
  tx.release = 1;
  tr->hook = reenter;
  tr->ctx = &tx;
  tx.connection = table_advise(t, tr);
  /* A store sink that opens the new message, Unadvises and Releases. */
  memset(&sx, 0, sizeof sx);
  sx.store = s.store;
  sx.unadvise = 1;
  sx.release = 1;
  sr->hook = reenter;
  sr->ctx = &sx;
  sx.connection = advise(s.store, NULL, MSLogon_fnevObjectCreated, sr);
  cp = advise(s.store, NULL, MSLogon_fnevObjectCreated, plain);

  new_message(f, "two");
  CHECK_EQ(tr->total, 1);
  CHECK_EQ(tx.rows_seen, 2); /* the view already has the new row */
  CHECK_HR(tx.unadvise_hr, MSLogon_S_OK);
  CHECK_EQ(tx.refs_inside, 2); /* the delivery still holds the sink */
  CHECK_EQ(sr->total, 1);
  CHECK(strcmp(sx.subject_seen, "two") == 0);
  CHECK_HR(sx.unadvise_hr, MSLogon_S_OK);
  CHECK_EQ(sx.refs_inside, 2);
  /* Both released by the library once the delivery was done: 0 left. */
  CHECK_EQ(rec_refs(tr), 0);
  CHECK_EQ(tr->releases, 2);
  CHECK_EQ(rec_refs(sr), 0);
  CHECK_EQ(sr->releases, 2);
  CHECK_EQ(plain->total, 1);

  /* Nothing more reaches them. */
  new_message(f, "three");
  CHECK_EQ(tr->total, 1);
  CHECK_EQ(sr->total, 1);
  CHECK_EQ(plain->total, 2);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, tx.connection), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, sx.connection), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, cp), MSLogon_S_OK);
  free(tr); /* at 0 references: not rec_free */
  free(sr);
  rec_free(plain);

  /* A sink that logs the logon off from inside OnNotify (the table sink
   * of the same call is still told). */
  {
    Rec *killer = rec_new(), *other = rec_new();
    Reentry kx;
    MSLogon_SRowSet *rows = NULL;
    memset(&kx, 0, sizeof kx);
    kx.logon = s.logon;
    kx.logoff = 1;
    killer->hook = reenter;
    killer->ctx = &kx;
    advise(s.store, NULL, MSLogon_fnevObjectCreated, killer);
    MSLogon_IMessage *m = NULL;
    MSLogon_SPropValue v;
    table_advise(t, other);
    memset(&v, 0, sizeof v);
    v.ulPropTag = MSLogon_PR_SUBJECT_A;
    v.Value.lpszA = (char *)"four";
    CHECK_HR(MSLogon_IMAPIFolder_CreateMessage(f, NULL, 0, &m), MSLogon_S_OK);
    if (m) {
      CHECK_HR(MSLogon_IMessage_SetProps(m, 1, &v, NULL), MSLogon_S_OK);
      /* Saved; the logoff happens as SaveChanges returns. */
      CHECK_HR(MSLogon_IMessage_SaveChanges(m, MSLogon_KEEP_OPEN_READWRITE), MSLogon_S_OK);
      CHECK_HR(MSLogon_IMessage_SaveChanges(m, 0), MSLogon_MAPI_E_INVALID_OBJECT);
      CHECK_EQ(MSLogon_IMessage_Release(m), 0);
    }
    CHECK_EQ(killer->total, 1);
    CHECK_EQ(other->total, 1); /* the same call's table event */
    CHECK_HR(kx.logoff_hr, MSLogon_S_OK);
    CHECK_EQ(support.releases, 1);
    CHECK_EQ(rec_refs(killer), 1); /* released by the teardown */
    CHECK_EQ(killer->releases, 1);
    CHECK_EQ(rec_refs(other), 1);
    CHECK_EQ(other->releases, 1);
    CHECK_HR(MSLogon_IMAPITable_QueryRows(t, 1, 0, &rows), MSLogon_MAPI_E_INVALID_OBJECT);
    CHECK(rows == NULL);
    rec_free(killer);
    rec_free(other);
  }
  CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  session_close(&s, 0);
  CHECK_EQ(support.releases, 1);
}

/* ---- 5. forcible logoff with live sinks -------------------------------- */

static void logoff_with_sinks(void) {
  HostSupport support;
  Session s;
  MSLogon_IMAPIFolder *f;
  MSLogon_IMAPITable *ct, *ht;
  Rec *on_store = rec_new(), *on_folder = rec_new(), *via_logon = rec_new();
  Rec *ct1 = rec_new(), *ct2 = rec_new(), *hr = rec_new(), *late = rec_new();
  MSLogon_ULONG_PTR c = HOST_CONNECTION_CANARY, cct;
  MSLogon_ULONG flags = 0, count = 0;
  MSLogon_SRowSet *rows = NULL;
  EntryId f_id;

  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  f = create_folder(s.subtree, "Logoff");
  if (!f) return;
  f_id = get_eid(f);
  new_message(f, "before");
  ct = contents_table(f);
  ht = hierarchy_table(s.subtree);
  if (!ct || !ht) return;
  advise(s.store, NULL, ALL_OBJECT_EVENTS, on_store);
  advise(s.store, &f_id, ALL_OBJECT_EVENTS, on_folder);
  CHECK_HR(MSLogon_IMSLogon_Advise(s.logon, 0, NULL, ALL_OBJECT_EVENTS, &via_logon->iface, &c),
           MSLogon_S_OK);
  cct = table_advise(ct, ct1);
  table_advise(ct, ct2);
  table_advise(ht, hr);
  new_message(f, "heard");
  CHECK_EQ(on_store->total, 1);
  CHECK_EQ(on_folder->total, 1);
  CHECK_EQ(via_logon->total, 1);
  CHECK_EQ(ct1->total, 1);
  CHECK_EQ(ct2->total, 1);
  CHECK_EQ(hr->total, 1); /* the folder's count */

  CHECK_HR(MSLogon_IMSLogon_Logoff(s.logon, &flags), MSLogon_S_OK);
  CHECK_EQ(support.releases, 1);
  /* Every sink released exactly once. */
  CHECK_EQ(rec_refs(on_store), 1);
  CHECK_EQ(on_store->releases, 1);
  CHECK_EQ(rec_refs(on_folder), 1);
  CHECK_EQ(on_folder->releases, 1);
  CHECK_EQ(rec_refs(via_logon), 1);
  CHECK_EQ(via_logon->releases, 1);
  CHECK_EQ(rec_refs(ct1), 1);
  CHECK_EQ(ct1->releases, 1);
  CHECK_EQ(rec_refs(ct2), 1);
  CHECK_EQ(ct2->releases, 1);
  CHECK_EQ(rec_refs(hr), 1);
  CHECK_EQ(hr->releases, 1);
  /* The tables are disconnected. */
  CHECK_HR(MSLogon_IMAPITable_QueryRows(ct, 10, 0, &rows), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK(rows == NULL);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(ht, 0, &count), MSLogon_MAPI_E_INVALID_OBJECT);
  CHECK_HR(MSLogon_IMAPITable_Unadvise(ct, cct), MSLogon_MAPI_E_INVALID_OBJECT);
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMAPITable_Advise(ct, MSLogon_fnevTableModified, &late->iface, &c),
           MSLogon_MAPI_E_INVALID_OBJECT);
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, ALL_OBJECT_EVENTS, &late->iface, &c),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_HR(MSLogon_IMSLogon_Advise(s.logon, 0, NULL, ALL_OBJECT_EVENTS, &late->iface, &c),
           MSLogon_MAPI_E_END_OF_SESSION);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, 1), MSLogon_MAPI_E_END_OF_SESSION);
  /* NotifyNewMail after the logoff: a well-formed notification (the
   * folder's own ID as the message's too: the session is checked first). */
  {
    char message_class[] = "IPM.Note";
    CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &f_id, &f_id, 0, message_class, 0),
             MSLogon_MAPI_E_END_OF_SESSION);
  }
  CHECK_EQ(rec_refs(late), 1);
  CHECK_EQ(MSLogon_IMAPITable_Release(ct), 0);
  CHECK_EQ(MSLogon_IMAPITable_Release(ht), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  session_close(&s, 0);
  CHECK_EQ(support.releases, 1);
  CHECK_EQ(on_store->total, 1);
  rec_free(on_store);
  rec_free(on_folder);
  rec_free(via_logon);
  rec_free(ct1);
  rec_free(ct2);
  rec_free(hr);
  rec_free(late);
}

/* ---- 6. MAPI's notification engine in the support object --------------- */

#define SUBSCRIPTIONS 16
#define NOTIFY_LOG 32

typedef struct Subscription {
  int live;
  Blob key;
  MSLogon_ULONG mask;
  MSLogon_IMAPIAdviseSink *sink;
  MSLogon_ULONG_PTR connection;
} Subscription;

typedef struct EngineSupport {
  HostSupport base; /* first: its iface is the support object */
  MSLogon_IMAPISupportVtbl vtbl;
  Subscription subs[SUBSCRIPTIONS];
  MSLogon_ULONG_PTR next;
  long subscribes, unsubscribes, notifies;
  long unsubscribe_refs_low; /* Unsubscribe after the support object went */
  MSLogon_HRESULT fail_subscribe; /* answer of the next Subscribe, if set */
  int logged;
  struct {
    Blob key;
    MSLogon_ULONG count;
    MSLogon_ULONG first_event;
  } log[NOTIFY_LOG];
} EngineSupport;

static EngineSupport *engine_of(MSLogon_IMAPISupport *This) {
  return (EngineSupport *)(void *)This;
}

static Blob notifkey(const void *key) {
  MSLogon_ULONG cb;
  memcpy(&cb, key, sizeof cb);
  return blob_of((const MSLogon_BYTE *)key + sizeof cb, cb);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE engine_Subscribe(
    struct MSLogon_IMAPISupport *This, void *lpKey, MSLogon_ULONG ulEventMask,
    MSLogon_ULONG ulFlags, struct MSLogon_IMAPIAdviseSink *lpAdviseSink,
    MSLogon_ULONG_PTR *lpulConnection) {
  EngineSupport *e = engine_of(This);
  int i;
  e->subscribes++;
  if (!lpKey || !lpAdviseSink || !lpulConnection) return MSLogon_MAPI_E_INVALID_PARAMETER;
  CHECK_EQ(ulFlags, 0);
  if (e->fail_subscribe) {
    MSLogon_HRESULT hr = e->fail_subscribe;
    e->fail_subscribe = 0;
    return hr;
  }
  for (i = 0; i < SUBSCRIPTIONS; i++) {
    Subscription *s = &e->subs[i];
    if (s->live) continue;
    s->live = 1;
    s->key = notifkey(lpKey);
    s->mask = ulEventMask;
    s->sink = lpAdviseSink;
    lpAdviseSink->lpVtbl->AddRef(lpAdviseSink);
    /* Beyond 32 bits on 64-bit hosts: the whole width must come back. */
    s->connection = ++e->next + (sizeof(MSLogon_ULONG_PTR) > 4 ? 0x100000000ull : 0);
    *lpulConnection = s->connection;
    return MSLogon_S_OK;
  }
  return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE
engine_Unsubscribe(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR ulConnection) {
  EngineSupport *e = engine_of(This);
  int i;
  e->unsubscribes++;
  /* The provider still holds the support object (released last). */
  if (host_refs(&e->base) < 2) e->unsubscribe_refs_low++;
  for (i = 0; i < SUBSCRIPTIONS; i++) {
    Subscription *s = &e->subs[i];
    if (s->live && s->connection == ulConnection) {
      MSLogon_IMAPIAdviseSink *sink = s->sink;
      s->live = 0;
      s->sink = NULL;
      sink->lpVtbl->Release(sink);
      return MSLogon_S_OK;
    }
  }
  return MSLogon_MAPI_E_NOT_FOUND;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE engine_Notify(struct MSLogon_IMAPISupport *This,
                                                              void *lpKey,
                                                              MSLogon_ULONG cNotification,
                                                              void *lpNotifications,
                                                              MSLogon_ULONG *lpulFlags) {
  EngineSupport *e = engine_of(This);
  const MSLogon_NOTIFICATION *n = (const MSLogon_NOTIFICATION *)lpNotifications;
  MSLogon_NOTIFICATION mine[16];
  Blob key;
  int i;
  e->notifies++;
  if (!lpKey || !n || !lpulFlags || cNotification == 0) return MSLogon_MAPI_E_INVALID_PARAMETER;
  key = notifkey(lpKey);
  if (e->logged < NOTIFY_LOG) {
    e->log[e->logged].key = key;
    e->log[e->logged].count = cNotification;
    e->log[e->logged].first_event = n[0].ulEventType;
    e->logged++;
  }
  for (i = 0; i < SUBSCRIPTIONS; i++) {
    Subscription *s = &e->subs[i];
    MSLogon_ULONG j, k = 0;
    if (!s->live || !blob_eq(&s->key, &key)) continue;
    for (j = 0; j < cNotification && k < 16; j++)
      if (n[j].ulEventType & s->mask) mine[k++] = n[j];
    if (k) s->sink->lpVtbl->OnNotify(s->sink, k, mine);
  }
  *lpulFlags = 0;
  return MSLogon_S_OK;
}

static void engine_init(EngineSupport *e) {
  memset(e, 0, sizeof *e);
  host_support_init(&e->base);
  e->vtbl = *e->base.iface.lpVtbl; /* the host's, with MAPI's engine */
  e->vtbl.Subscribe = engine_Subscribe;
  e->vtbl.Unsubscribe = engine_Unsubscribe;
  e->vtbl.Notify = engine_Notify;
  e->base.iface.lpVtbl = &e->vtbl;
}

static int engine_live(const EngineSupport *e) {
  int i, n = 0;
  for (i = 0; i < SUBSCRIPTIONS; i++) n += e->subs[i].live;
  return n;
}

/* Whether Notify was called exactly once for `key` since the log was
 * cleared, with `count` notifications. */
static int notified_once(const EngineSupport *e, const Blob *key, MSLogon_ULONG count) {
  int i, n = 0;
  for (i = 0; i < e->logged; i++)
    if (blob_eq(&e->log[i].key, key)) n += e->log[i].count == count ? 1 : 100;
  return n == 1;
}

static void engine(void) {
  EngineSupport support;
  Session s;
  MSLogon_IMAPIFolder *a, *b;
  MSLogon_IMAPITable *t;
  EntryId a_id, b_id, m_id, n_id, foreign;
  Rec *all = rec_new(), *on_a = rec_new(), *on_b = rec_new(), *kept = rec_new();
  Rec *failed = rec_new(), *tr = rec_new();
  MSLogon_ULONG_PTR c_all, c_a, c = HOST_CONNECTION_CANARY;
  List list;
  const Event *ev;
  char message_class[] = "IPM.Note";

  engine_init(&support);
  engine_connections = 1;
  if (!session_open(&s, &support.base)) return;
  a = create_folder(s.subtree, "Engine A");
  b = create_folder(s.subtree, "Engine B");
  if (!a || !b) return;
  a_id = get_eid(a);
  b_id = get_eid(b);

  /* Advise(NULL): Subscribe on the store's entry ID; the host's
   * connection, all of it; the engine holds the sink. */
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, ALL_OBJECT_EVENTS, &all->iface, &c),
           MSLogon_S_OK);
  c_all = c;
  CHECK_EQ(support.subscribes, 1);
  CHECK_EQ(engine_live(&support), 1);
  CHECK(c_all == support.subs[0].connection);
  CHECK_BLOB(support.subs[0].key, s.store_id);
  CHECK_EQ(support.subs[0].mask, ALL_OBJECT_EVENTS);
  CHECK(support.subs[0].sink == &all->iface);
  CHECK_EQ(rec_refs(all), 2); /* the engine's reference, no other */
  c_a = advise(s.store, &a_id, ALL_OBJECT_EVENTS, on_a);
  CHECK_BLOB(support.subs[1].key, a_id);
  CHECK(c_a == support.subs[1].connection);
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMSLogon_Advise(s.logon, b_id.cb, EID(b_id), MSLogon_fnevObjectMoved,
                                   &on_b->iface, &c),
           MSLogon_S_OK);
  CHECK(c == support.subs[2].connection);
  CHECK_BLOB(support.subs[2].key, b_id);
  CHECK_EQ(support.subs[2].mask, MSLogon_fnevObjectMoved);
  CHECK_EQ(support.subscribes, 3);
  /* Bad entry IDs never reach the engine. */
  foreign = a_id;
  foreign.ab[25] ^= 0x5A;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, foreign.cb, EID(foreign), ALL_OBJECT_EVENTS,
                                    &failed->iface, &c),
           MSLogon_MAPI_E_INVALID_ENTRYID);
  CHECK_EQ(support.subscribes, 3);
  /* A failing Subscribe fails the Advise: nothing kept. */
  support.fail_subscribe = MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  c = HOST_CONNECTION_CANARY;
  CHECK_HR(MSLogon_IMsgStore_Advise(s.store, 0, NULL, ALL_OBJECT_EVENTS, &failed->iface, &c),
           MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  CHECK(c == 0);
  CHECK_EQ(rec_refs(failed), 1);
  CHECK_EQ(engine_live(&support), 3);

  /* A new message in A: one Notify per key (the store, the message, A),
   * each with the one event; the engine delivers it to its sinks. */
  support.logged = 0;
  m_id = new_message(a, "engine");
  CHECK_EQ(support.logged, 3);
  CHECK(notified_once(&support, &s.store_id, 1));
  CHECK(notified_once(&support, &m_id, 1));
  CHECK(notified_once(&support, &a_id, 1));
  CHECK_EQ(support.log[0].first_event, MSLogon_fnevObjectCreated);
  ev = only_one(all);
  check_object(ev, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  ev = only_one(on_a);
  check_object(ev, MSLogon_fnevObjectCreated, MSLogon_MAPI_MESSAGE, &m_id, &a_id, NULL, NULL);
  CHECK_NOTHING(on_b);
  rec_clear(all);
  rec_clear(on_a);

  /* A move from A to B: the store, the message, B and A. */
  support.logged = 0;
  list_init(&list);
  list_add(&list, &m_id);
  CHECK_HR(MSLogon_IMAPIFolder_CopyMessages(a, &list.list, NULL, b, 0, NULL, MSLogon_MESSAGE_MOVE),
           MSLogon_S_OK);
  CHECK_EQ(support.logged, 4);
  CHECK(notified_once(&support, &s.store_id, 1));
  CHECK(notified_once(&support, &m_id, 1));
  CHECK(notified_once(&support, &a_id, 1));
  CHECK(notified_once(&support, &b_id, 1));
  ev = only_one(all);
  check_object(ev, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  ev = only_one(on_a);
  check_object(ev, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  ev = only_one(on_b);
  check_object(ev, MSLogon_fnevObjectMoved, MSLogon_MAPI_MESSAGE, &m_id, &b_id, &m_id, &a_id);
  rec_clear(all);
  rec_clear(on_a);
  rec_clear(on_b);

  /* NotifyNewMail through the engine: the store, the folder, the message. */
  support.logged = 0;
  CHECK_HR(notify_new_mail(s.store, MSLogon_fnevNewMail, &m_id, &b_id, 0, message_class, 0),
           MSLogon_S_OK);
  CHECK_EQ(support.logged, 3);
  CHECK(notified_once(&support, &s.store_id, 1));
  CHECK(notified_once(&support, &b_id, 1));
  CHECK(notified_once(&support, &m_id, 1));
  CHECK_EQ(support.log[0].first_event, MSLogon_fnevNewMail);
  CHECK_NOTHING(all); /* their masks have no fnevNewMail */
  CHECK_NOTHING(on_b);

  /* Table sinks are the table's own: still told. */
  t = contents_table(b);
  if (t) {
    MSLogon_ULONG_PTR ct = table_advise(t, tr);
    long before = support.subscribes;
    new_message(b, "table");
    CHECK_EQ(tr->by_table_event[MSLogon_TABLE_ROW_ADDED], 1);
    CHECK_EQ(support.subscribes, before);
    CHECK_HR(MSLogon_IMAPITable_Unadvise(t, ct), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  }
  rec_clear(all);

  /* Unadvise: Unsubscribe with the host's connection; the engine lets the
   * sink go; an unknown connection is not the engine's business. */
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_a), MSLogon_S_OK);
  CHECK_EQ(support.unsubscribes, 1);
  CHECK_EQ(rec_refs(on_a), 1);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, c_a), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, 777), MSLogon_MAPI_E_NOT_FOUND);
  CHECK_EQ(support.unsubscribes, 1);
  rec_clear(on_a);
  new_message(a, "after");
  CHECK_NOTHING(on_a);
  CHECK_EQ(all->total, 1);

  /* One more, kept until the logoff. */
  advise(s.store, &m_id, ALL_OBJECT_EVENTS, kept);
  CHECK_EQ(engine_live(&support), 3);

  /* Two deletions in one call: one Notify per key with the events of that
   * key (the store and B: both; each message: its own), so the engine's
   * sinks get them in one OnNotify. */
  n_id = new_message(b, "second");
  rec_clear(all);
  rec_clear(kept);
  support.logged = 0;
  list_init(&list);
  list_add(&list, &m_id);
  list_add(&list, &n_id);
  CHECK_HR(MSLogon_IMAPIFolder_DeleteMessages(b, &list.list, 0, NULL, 0), MSLogon_S_OK);
  CHECK_EQ(support.logged, 4);
  CHECK(notified_once(&support, &s.store_id, 2));
  CHECK(notified_once(&support, &b_id, 2));
  CHECK(notified_once(&support, &m_id, 1));
  CHECK(notified_once(&support, &n_id, 1));
  CHECK_EQ(all->calls, 1);
  CHECK_EQ(all->total, 2);
  if (all->n == 2) {
    check_object(&all->ev[0], MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &m_id, &b_id,
                 NULL, NULL);
    check_object(&all->ev[1], MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &n_id, &b_id,
                 NULL, NULL);
  }
  ev = only_one(kept);
  check_object(ev, MSLogon_fnevObjectDeleted, MSLogon_MAPI_MESSAGE, &m_id, &b_id, NULL, NULL);
  CHECK_NOTHING(on_b); /* its mask: moves */

  /* Logoff: what is left is Unsubscribed (the support object still held),
   * each sink released once; the support object released last. */
  CHECK_EQ(MSLogon_IMAPIFolder_Release(a), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(b), 0);
  {
    MSLogon_ULONG flags = 0;
    CHECK_HR(MSLogon_IMSLogon_Logoff(s.logon, &flags), MSLogon_S_OK);
  }
  CHECK_EQ(support.unsubscribes, 4);
  CHECK_EQ(support.unsubscribe_refs_low, 0);
  CHECK_EQ(engine_live(&support), 0);
  CHECK_EQ(support.base.releases, 1);
  CHECK_EQ(rec_refs(all), 1);
  CHECK_EQ(rec_refs(on_b), 1);
  CHECK_EQ(rec_refs(kept), 1);
  session_close(&s, 0);
  engine_connections = 0;
  CHECK_EQ(support.base.releases, 1);
  CHECK_EQ(host_refs(&support.base), 1);
  rec_free(all);
  rec_free(on_a);
  rec_free(on_b);
  rec_free(kept);
  rec_free(failed);
  rec_free(tr);
}

/* ---- 7. 8 threads creating messages ------------------------------------ */

#define THREADS 8
#define PER_THREAD 25

typedef struct Creator {
  MSLogon_IMAPIFolder *folder;
  int index;
  int failures;
} Creator;

static void *create_many(void *arg) {
  Creator *c = (Creator *)arg;
  int i;
  for (i = 0; i < PER_THREAD; i++) {
    MSLogon_IMessage *m = NULL;
    MSLogon_SPropValue v;
    char subject[32];
    sprintf(subject, "t%d m%02d", c->index, i);
    memset(&v, 0, sizeof v);
    v.ulPropTag = MSLogon_PR_SUBJECT_A;
    v.Value.lpszA = subject;
    if (MSLogon_IMAPIFolder_CreateMessage(c->folder, NULL, 0, &m) != MSLogon_S_OK || !m) {
      c->failures++;
      continue;
    }
    if (MSLogon_IMessage_SetProps(m, 1, &v, NULL) != MSLogon_S_OK) c->failures++;
    if (MSLogon_IMessage_SaveChanges(m, 0) != MSLogon_S_OK) c->failures++;
    if (MSLogon_IMessage_Release(m) != 0) c->failures++;
  }
  return NULL;
}

static void race(void) {
  HostSupport support;
  Session s;
  MSLogon_IMAPIFolder *f;
  MSLogon_IMAPITable *t;
  Rec *tr = rec_new(), *sr = rec_new();
  MSLogon_ULONG_PTR ct, cs;
  pthread_t threads[THREADS];
  Creator creators[THREADS];
  MSLogon_ULONG count = 0;
  int i, j;
  View v;

  host_support_init(&support);
  if (!session_open(&s, &support)) return;
  f = create_folder(s.subtree, "Race");
  if (!f) return;
  t = contents_table(f);
  if (!t) return;
  ct = table_advise(t, tr);
  cs = advise(s.store, NULL, MSLogon_fnevObjectCreated, sr);
  for (i = 0; i < THREADS; i++) {
    creators[i].folder = f;
    creators[i].index = i;
    creators[i].failures = 0;
    CHECK_EQ(pthread_create(&threads[i], NULL, create_many, &creators[i]), 0);
  }
  for (i = 0; i < THREADS; i++) {
    CHECK_EQ(pthread_join(threads[i], NULL), 0);
    CHECK_EQ(creators[i].failures, 0);
  }
  CHECK_EQ(tr->by_table_event[MSLogon_TABLE_ROW_ADDED], THREADS * PER_THREAD);
  CHECK_EQ(tr->total, THREADS * PER_THREAD);
  CHECK_EQ(sr->by_bit[bit_of(MSLogon_fnevObjectCreated)], THREADS * PER_THREAD);
  CHECK_EQ(sr->total, THREADS * PER_THREAD);
  CHECK_HR(MSLogon_IMAPITable_GetRowCount(t, 0, &count), MSLogon_S_OK);
  CHECK_EQ(count, THREADS * PER_THREAD);
  CHECK_EQ(get_long(f, MSLogon_PR_CONTENT_COUNT), (long)count);
  /* Each recorded ADDED names a distinct row of the table. */
  read_view(t, &v);
  CHECK_EQ(v.rows, THREADS * PER_THREAD);
  for (i = 0; i < tr->n; i++) {
    CHECK(find_key(&v, &tr->ev[i].index) >= 0);
    for (j = 0; j < i; j++) CHECK(!blob_eq(&tr->ev[i].index, &tr->ev[j].index));
  }
  CHECK_HR(MSLogon_IMAPITable_Unadvise(t, ct), MSLogon_S_OK);
  CHECK_HR(MSLogon_IMsgStore_Unadvise(s.store, cs), MSLogon_S_OK);
  CHECK_EQ(MSLogon_IMAPITable_Release(t), 0);
  CHECK_EQ(MSLogon_IMAPIFolder_Release(f), 0);
  session_close(&s, 1);
  CHECK_EQ(support.releases, 1);
  rec_free(tr);
  rec_free(sr);
}

/* ---- main -------------------------------------------------------------- */

int main(void) {
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  store_advise();
  new_mail();
  tables();
  reentry();
  logoff_with_sinks();
  engine();
  race();
  CHECK_EQ(mslogon_live_objects(), 0);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_notify");
}
