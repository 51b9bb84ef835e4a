/*
 * c_logon.c: the hand-written C reference provider of the benchmark (see
 * c_logon.h): IMSLogon, a minimal IMsgStore and IMSProvider in the style
 * of the MAPI SDK sample store.
 *
 * Objects:
 *   CProvider  the IMSProvider; keeps the host's allocators and IMalloc,
 *              and its list of logons (under its mutex).
 *   CLogon     the IMSLogon; holds the host's IMAPISupport from Logon to
 *              Logoff. State, support pointer, sinks and last error are
 *              guarded by its mutex (a CRITICAL_SECTION in a Windows
 *              provider).
 *   CStore     the IMsgStore created with the logon; shares its state.
 *   CMdb       a store's data (stored messages), the provider's (made at
 *              first use), or a lone logon's own; guarded by its mutex.
 *   CFolder,   open folders and messages (CSub): listed on their logon
 *   CMessage   from opening to their last Release, disconnected by
 *              Logoff; a message keeps its working set under its mutex.
 *
 * Each object has its COM reference count (`refs`, AddRef/Release) and a
 * count of internal holds on its memory (`holds`: one for all the COM
 * references together, one per object or call in progress that needs the
 * memory). MAPI may release the logon (and the store) from inside the
 * support object's Release that Logoff makes, so Logoff holds the logon
 * across the teardown; that is what the Rust library's pins do too.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "c_logon.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* InterlockedIncrement / InterlockedDecrement. */
#define INTERLOCKED_INC(p) __atomic_add_fetch((p), 1, __ATOMIC_RELAXED)
#define INTERLOCKED_DEC(p) __atomic_sub_fetch((p), 1, __ATOMIC_ACQ_REL)

#define STDMETHOD_(type) static type MSLOGON_STDMETHODCALLTYPE

/* {d1-0000-0000-C000-000000000046}: MAPI's interface IDs (mapiguid.h). */
#define C_MAPI_IID(d1) {(d1), 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}}
static const MSLogon_IID c_IID_IUnknown = C_MAPI_IID(0x00000000);
static const MSLogon_IID c_IID_IMSLogon = C_MAPI_IID(0x00020313);
static const MSLogon_IID c_IID_IMSProvider = C_MAPI_IID(0x00020310);
static const MSLogon_IID c_IID_IMsgStore = C_MAPI_IID(0x00020306);
static const MSLogon_IID c_IID_IMAPIProp = C_MAPI_IID(0x00020303);
static const MSLogon_IID c_IID_IMessage = C_MAPI_IID(0x00020307);
static const MSLogon_IID c_IID_IMAPIContainer = C_MAPI_IID(0x0002030B);
static const MSLogon_IID c_IID_IMAPIFolder = C_MAPI_IID(0x0002030C);

/* IsEqualIID. */
static int iid_eq(const MSLogon_IID *a, const MSLogon_IID *b) {
  return memcmp(a, b, sizeof *a) == 0;
}

/* This provider's MAPIUID, as in the Rust reference store: entry IDs are
 * abFlags (4 zero bytes), the UID, the store number (little-endian). */
static const MSLogon_BYTE c_provider_uid[16] = {'m', 's', 'l', 'o', 'g', 'o', 'n', 0,
                                                'r', 'e', 'f', 's', 't', 'o', 'r', 'e'};
#define C_DEFAULT_STORE 1u
#define C_STORE_LOGOFF_FLAGS                                                     \
  (MSLogon_LOGOFF_NO_WAIT | MSLogon_LOGOFF_ORDERLY | MSLogon_LOGOFF_PURGE |      \
   MSLogon_LOGOFF_ABORT | MSLogon_LOGOFF_QUIET)

/* ---- MAPIERROR in the host's buffers ------------------------------------- */

typedef struct CAllocators {
  MSLogon_AllocateBufferFn allocate_buffer;
  MSLogon_AllocateMoreFn allocate_more;
  MSLogon_FreeBufferFn free_buffer;
} CAllocators;

static const char *c_error_text(MSLogon_HRESULT hr) {
  switch (hr) {
    case MSLogon_MAPI_E_INVALID_PARAMETER: return "invalid parameter";
    case MSLogon_MAPI_E_UNKNOWN_FLAGS: return "unknown flags";
    case MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED: return "interface not supported";
    case MSLogon_MAPI_E_NO_SUPPORT: return "not supported";
    case MSLogon_MAPI_E_END_OF_SESSION: return "the logon was logged off";
    case MSLogon_MAPI_E_INVALID_ENTRYID: return "not an entry ID of this provider";
    case MSLogon_MAPI_E_LOGON_FAILED: return "no such store";
    case MSLogon_MAPI_E_NOT_ENOUGH_MEMORY: return "out of memory";
    case MSLogon_MAPI_E_NOT_FOUND: return "not found";
    case MSLogon_MAPI_E_NO_ACCESS: return "no access";
    case MSLogon_MAPI_E_INVALID_OBJECT: return "the object was disconnected";
    case MSLogon_MAPI_E_OBJECT_CHANGED: return "the message was changed meanwhile";
    case MSLogon_MAPI_E_OBJECT_DELETED: return "the message was deleted";
    default: return "call failed";
  }
}

/* A string chained to `root`: 8-bit, or UTF-16 when `wide` (ASCII text). */
static MSLogon_SCODE c_string(const CAllocators *a, void *root, const char *text, int wide,
                              void **out) {
  size_t n = strlen(text) + 1, i;
  MSLogon_SCODE sc = a->allocate_more((MSLogon_ULONG)(wide ? 2 * n : n), root, out);
  if (sc < 0 || !*out) return sc < 0 ? sc : MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  if (wide) {
    MSLogon_WCHAR *w = (MSLogon_WCHAR *)*out;
    for (i = 0; i < n; i++) w[i] = (MSLogon_WCHAR)(unsigned char)text[i];
  } else {
    memcpy(*out, text, n);
  }
  return MSLogon_S_OK;
}

static MSLogon_HRESULT c_mapierror(const CAllocators *a, const char *text, int wide,
                                   MSLogon_MAPIERROR **out) {
  MSLogon_MAPIERROR *e = NULL;
  MSLogon_SCODE sc = a->allocate_buffer(sizeof *e, (void **)&e);
  if (sc < 0 || !e) return sc < 0 ? sc : MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  memset(e, 0, sizeof *e);
  e->ulVersion = MSLogon_MAPI_ERROR_VERSION;
  if ((sc = c_string(a, e, text, wide, &e->lpszError)) < 0 ||
      (sc = c_string(a, e, "c_logon", wide, &e->lpszComponent)) < 0) {
    a->free_buffer(e);
    return sc;
  }
  *out = e;
  return MSLogon_S_OK;
}

/* ---- objects --------------------------------------------------------------- */

typedef struct CSink {
  MSLogon_IMAPIAdviseSink *sink;
  struct CSink *next;
} CSink;

typedef struct CProvider CProvider;
typedef struct CSub CSub; /* an open folder or message (below) */
typedef struct CMdb CMdb; /* a store's data (below) */

enum { C_LIVE = 0, C_LOGGED_OFF = 1 };

typedef struct CLogon {
  MSLogon_IMSLogon iface; /* first: &l->iface is the interface pointer */
  MSLogon_ULONG refs;     /* COM references (interlocked) */
  MSLogon_ULONG holds;    /* holds on the memory (interlocked) */
  pthread_mutex_t cs;     /* guards the four fields below */
  int state;
  MSLogon_IMAPISupport *support; /* one reference while live */
  CSink *sinks;                  /* advise sinks (none: Advise is not implemented) */
  CSub *objects;                 /* open folders and messages, disconnected at Logoff */
  MSLogon_HRESULT last_hr;       /* the last failure, for GetLastError (interlocked) */
  CAllocators alloc;             /* read-only after creation; NULL fns: none */
  MSLogon_ULONG store_number;    /* read-only */
  MSLogon_ULONG store_logoff_flags;
  CProvider *provider;           /* NULL for a lone logon; held */
  struct CLogon *next, *prev;    /* the provider's list, under provider->cs */
  int listed;                    /* under provider->cs */
  CMdb *mdb; /* the store's data, made at first use: the provider's, or (lone logon) its own */
  int writable; /* logged on with MDB_WRITE (a lone logon always is); read-only */
} CLogon;

typedef struct CStore {
  MSLogon_IMsgStore iface;
  MSLogon_ULONG refs;
  CLogon *logon; /* held */
} CStore;

struct CProvider {
  MSLogon_IMSProvider iface;
  MSLogon_ULONG refs;
  MSLogon_ULONG holds; /* one for the COM references, one per logon */
  pthread_mutex_t cs;  /* guards shut_down, logons, malloc */
  int shut_down;
  CLogon *logons;
  MSLogon_IMalloc *malloc;
  CAllocators alloc;
  CMdb *mdb; /* store 1's data, made at first use (under cs), kept until the provider goes */
};

static CLogon *logon_of(MSLogon_IMSLogon *This) { return (CLogon *)This; }
static CStore *store_of(MSLogon_IMsgStore *This) { return (CStore *)This; }
static CProvider *provider_of(MSLogon_IMSProvider *This) { return (CProvider *)This; }

static void mdb_free(CMdb *db);
static void subs_disconnect(CSub *list);
static MSLogon_ULONG parse_store_entry_id(MSLogon_ULONG cb, const MSLogon_ENTRYID *eid);

static void provider_unhold(CProvider *p) {
  if (INTERLOCKED_DEC(&p->holds) == 0) {
    if (p->mdb) mdb_free(p->mdb);
    pthread_mutex_destroy(&p->cs);
    free(p);
  }
}

static void logon_hold(CLogon *l) { INTERLOCKED_INC(&l->holds); }

static void logon_unhold(CLogon *l) {
  if (INTERLOCKED_DEC(&l->holds) == 0) {
    CProvider *p = l->provider;
    if (!p && l->mdb) mdb_free(l->mdb); /* a lone logon's own store */
    pthread_mutex_destroy(&l->cs);
    free(l);
    if (p) provider_unhold(p);
  }
}

/* Remembers a failure for GetLastError; returns it. One atomic store, as
 * the folders and messages do (and as the Rust library does): a failure
 * path takes no lock. */
static MSLogon_HRESULT logon_fail(CLogon *l, MSLogon_HRESULT hr) {
  __atomic_store_n(&l->last_hr, hr, __ATOMIC_RELEASE);
  return hr;
}

/* MAPI_E_NO_SUPPORT while live, MAPI_E_END_OF_SESSION after Logoff. */
static MSLogon_HRESULT logon_unsupported(CLogon *l) {
  int live;
  pthread_mutex_lock(&l->cs);
  live = l->state == C_LIVE;
  pthread_mutex_unlock(&l->cs);
  return logon_fail(l, live ? MSLogon_MAPI_E_NO_SUPPORT : MSLogon_MAPI_E_END_OF_SESSION);
}

/* Out of line: most teardowns have no open objects. */
static void subs_take(CSub *list) __attribute__((noinline, cold));

/* What a teardown releases: taken out of the logon under its lock. */
typedef struct CTeardown {
  MSLogon_IMAPISupport *support;
  CSink *sinks;
  CSub *objects; /* each held (subs_take) */
} CTeardown;

/* Claims the one teardown: for exactly one caller, returns 1 with what the
 * logon holds of the host and its open objects, taken out of the object
 * under the lock. */
static int logon_begin_logoff(CLogon *l, CTeardown *t) {
  pthread_mutex_lock(&l->cs);
  if (l->state != C_LIVE) {
    pthread_mutex_unlock(&l->cs);
    return 0;
  }
  l->state = C_LOGGED_OFF;
  t->support = l->support;
  l->support = NULL;
  t->sinks = l->sinks;
  l->sinks = NULL;
  t->objects = l->objects;
  l->objects = NULL;
  if (t->objects) subs_take(t->objects);
  pthread_mutex_unlock(&l->cs);
  return 1;
}

static void provider_remove(CLogon *l) {
  CProvider *p = l->provider;
  if (!p) return;
  pthread_mutex_lock(&p->cs);
  if (l->listed) {
    if (l->prev) l->prev->next = l->next;
    else p->logons = l->next;
    if (l->next) l->next->prev = l->prev;
    l->next = l->prev = NULL;
    l->listed = 0;
  }
  pthread_mutex_unlock(&p->cs);
}

/* Releases what the logon held, disconnects its open objects (their
 * uncommitted changes are dropped, later calls fail), leaves the
 * provider's list, and releases the support object last, with no lock held
 * (MAPI may call back into Logoff and Release from inside it). */
static void logon_teardown(CLogon *l, const CTeardown *t) {
  MSLogon_IMAPISupport *support = t->support;
  CSink *sinks = t->sinks;
  while (sinks) {
    CSink *next = sinks->next;
    sinks->sink->lpVtbl->Release(sinks->sink);
    free(sinks);
    sinks = next;
  }
  if (t->objects) subs_disconnect(t->objects);
  provider_remove(l);
  if (support) support->lpVtbl->Release(support);
}

/* The last Release (or Shutdown) of a logon that is still live. */
static void logon_logoff_on_release(CLogon *l) {
  CTeardown t;
  if (logon_begin_logoff(l, &t)) logon_teardown(l, &t);
}

/* GetLastError of the logon and of its store. */
static MSLogon_HRESULT logon_last_error(CLogon *l, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags,
                                        MSLogon_MAPIERROR **lppMAPIError) {
  MSLogon_HRESULT last;
  if (!lppMAPIError) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  *lppMAPIError = NULL;
  if (ulFlags & ~MSLogon_MAPI_UNICODE) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  last = __atomic_load_n(&l->last_hr, __ATOMIC_ACQUIRE);
  if (last == MSLogon_S_OK || last != hResult || !l->alloc.allocate_buffer) return MSLogon_S_OK;
  return c_mapierror(&l->alloc, c_error_text(last), (ulFlags & MSLogon_MAPI_UNICODE) != 0,
                     lppMAPIError);
}

/* ---- IMSLogon ------------------------------------------------------------ */

STDMETHOD_(MSLogon_HRESULT) CLogon_QueryInterface(MSLogon_IMSLogon *This, const MSLogon_IID *riid,
                                                  void **ppvObj) {
  CLogon *l = logon_of(This);
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!l) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!riid) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (!iid_eq(riid, &c_IID_IUnknown) && !iid_eq(riid, &c_IID_IMSLogon))
    return logon_fail(l, MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  INTERLOCKED_INC(&l->refs);
  *ppvObj = This;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_ULONG) CLogon_AddRef(MSLogon_IMSLogon *This) {
  CLogon *l = logon_of(This);
  if (!l) return 0;
  return INTERLOCKED_INC(&l->refs);
}

STDMETHOD_(MSLogon_ULONG) CLogon_Release(MSLogon_IMSLogon *This) {
  CLogon *l = logon_of(This);
  MSLogon_ULONG left;
  if (!l) return 0;
  left = INTERLOCKED_DEC(&l->refs);
  if (left) return left;
  /* The last reference without Logoff: nothing the host gave may leak. */
  logon_logoff_on_release(l);
  logon_unhold(l);
  return 0;
}

STDMETHOD_(MSLogon_HRESULT) CLogon_GetLastError(MSLogon_IMSLogon *This, MSLogon_HRESULT hResult,
                                                MSLogon_ULONG ulFlags,
                                                MSLogon_MAPIERROR **lppMAPIError) {
  CLogon *l = logon_of(This);
  if (!l) {
    if (lppMAPIError) *lppMAPIError = NULL;
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  }
  return logon_last_error(l, hResult, ulFlags, lppMAPIError);
}

STDMETHOD_(MSLogon_HRESULT) CLogon_Logoff(MSLogon_IMSLogon *This, MSLogon_ULONG *lpulFlags) {
  CLogon *l = logon_of(This);
  CTeardown t;
  if (!l) return MSLogon_MAPI_E_INVALID_PARAMETER;
  /* Argument errors first; neither changes anything. */
  if (!lpulFlags) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (*lpulFlags) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  /* Logged off already, or being logged off (another thread, or MAPI
   * re-entering from the support object's Release): S_OK, nothing done. */
  if (!logon_begin_logoff(l, &t)) return MSLogon_S_OK;
  /* MAPI may drop its last reference to this logon inside the support
   * object's Release: keep the memory until we return. */
  logon_hold(l);
  logon_teardown(l, &t);
  logon_unhold(l);
  return MSLogon_S_OK;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

STDMETHOD_(MSLogon_HRESULT) CLogon_OpenEntry(MSLogon_IMSLogon *This, MSLogon_ULONG cbEntryID,
                                             MSLogon_ENTRYID *lpEntryID,
                                             const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                                             MSLogon_ULONG *lpulObjType, MSLogon_IUnknown **lppUnk) {
  if (lpulObjType) *lpulObjType = 0;
  if (lppUnk) *lppUnk = NULL;
  if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return logon_unsupported(logon_of(This));
}

STDMETHOD_(MSLogon_HRESULT) CLogon_CompareEntryIDs(MSLogon_IMSLogon *This, MSLogon_ULONG cb1,
                                                   MSLogon_ENTRYID *eid1, MSLogon_ULONG cb2,
                                                   MSLogon_ENTRYID *eid2, MSLogon_ULONG ulFlags,
                                                   MSLogon_ULONG *lpulResult) {
  if (lpulResult) *lpulResult = 0;
  if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return logon_unsupported(logon_of(This));
}

STDMETHOD_(MSLogon_HRESULT) CLogon_Advise(MSLogon_IMSLogon *This, MSLogon_ULONG cbEntryID,
                                          MSLogon_ENTRYID *lpEntryID, MSLogon_ULONG ulEventMask,
                                          MSLogon_IMAPIAdviseSink *lpAdviseSink,
                                          MSLogon_ULONG_PTR *lpulConnection) {
  if (lpulConnection) *lpulConnection = 0;
  if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return logon_unsupported(logon_of(This));
}

STDMETHOD_(MSLogon_HRESULT) CLogon_Unadvise(MSLogon_IMSLogon *This,
                                            MSLogon_ULONG_PTR ulConnection) {
  if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return logon_unsupported(logon_of(This));
}

STDMETHOD_(MSLogon_HRESULT) CLogon_OpenStatusEntry(MSLogon_IMSLogon *This,
                                                   const MSLogon_IID *lpInterface,
                                                   MSLogon_ULONG ulFlags,
                                                   MSLogon_ULONG *lpulObjType, void **lppEntry) {
  if (lpulObjType) *lpulObjType = 0;
  if (lppEntry) *lppEntry = NULL;
  if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return logon_unsupported(logon_of(This));
}

static const MSLogon_IMSLogonVtbl c_logon_vtbl = {
    CLogon_QueryInterface, CLogon_AddRef,   CLogon_Release,
    CLogon_GetLastError,   CLogon_Logoff,   CLogon_OpenEntry,
    CLogon_CompareEntryIDs, CLogon_Advise,  CLogon_Unadvise,
    CLogon_OpenStatusEntry,
};

/* A live logon with one COM reference (one hold for it), holding
 * `support` (AddRef'd here). */
static CLogon *logon_new(MSLogon_IMAPISupport *support, const CAllocators *alloc,
                         MSLogon_ULONG store_number) {
  CLogon *l = (CLogon *)malloc(sizeof *l);
  if (!l) return NULL;
  memset(l, 0, sizeof *l);
  l->iface.lpVtbl = &c_logon_vtbl;
  l->refs = 1;
  l->holds = 1;
  pthread_mutex_init(&l->cs, NULL);
  l->state = C_LIVE;
  l->last_hr = MSLogon_S_OK;
  if (alloc) l->alloc = *alloc;
  l->store_number = store_number;
  l->store_logoff_flags = ~(MSLogon_ULONG)0;
  l->writable = 1;
  support->lpVtbl->AddRef(support);
  l->support = support;
  return l;
}

/* A support object we can hold: non-NULL, with AddRef and Release. */
static int usable_support(MSLogon_IMAPISupport *s) {
  return s && s->lpVtbl && s->lpVtbl->AddRef && s->lpVtbl->Release;
}

MSLogon_HRESULT c_create_logon(MSLogon_IMAPISupport *lpSupport, MSLogon_IMSLogon **lppLogon) {
  CAllocators alloc = {NULL, NULL, NULL};
  CLogon *l;
  if (!lppLogon) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *lppLogon = NULL;
  if (!usable_support(lpSupport)) return MSLogon_MAPI_E_INVALID_PARAMETER;
  /* The host's allocators, for GetLastError (optional). */
  if (!lpSupport->lpVtbl->GetMemAllocRoutines ||
      lpSupport->lpVtbl->GetMemAllocRoutines(lpSupport, &alloc.allocate_buffer,
                                             &alloc.allocate_more, &alloc.free_buffer) < 0 ||
      !alloc.allocate_buffer || !alloc.allocate_more || !alloc.free_buffer)
    memset(&alloc, 0, sizeof alloc);
  l = logon_new(lpSupport, &alloc, C_DEFAULT_STORE);
  if (!l) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  *lppLogon = &l->iface;
  return MSLogon_S_OK;
}

/* ---- IMsgStore (minimal: lifecycle, GetLastError, StoreLogoff) ----------- */

STDMETHOD_(MSLogon_HRESULT) CStore_QueryInterface(MSLogon_IMsgStore *This, const MSLogon_IID *riid,
                                                  void **ppvObj) {
  CStore *s = store_of(This);
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!riid) return logon_fail(s->logon, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (!iid_eq(riid, &c_IID_IUnknown) && !iid_eq(riid, &c_IID_IMAPIProp) &&
      !iid_eq(riid, &c_IID_IMsgStore))
    return logon_fail(s->logon, MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  INTERLOCKED_INC(&s->refs);
  *ppvObj = This;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_ULONG) CStore_AddRef(MSLogon_IMsgStore *This) {
  CStore *s = store_of(This);
  if (!s) return 0;
  return INTERLOCKED_INC(&s->refs);
}

/* Tells the host's transports the store is going (failures ignored). */
static void store_logoff_transports(CLogon *l, MSLogon_IMAPISupport *support, MSLogon_ULONG flags) {
  MSLogon_ULONG f = flags;
  l->store_logoff_flags = flags;
  if (support && support->lpVtbl->StoreLogoffTransports)
    (void)support->lpVtbl->StoreLogoffTransports(support, &f);
}

STDMETHOD_(MSLogon_ULONG) CStore_Release(MSLogon_IMsgStore *This) {
  CStore *s = store_of(This);
  MSLogon_ULONG left;
  CTeardown t;
  CLogon *l;
  if (!s) return 0;
  left = INTERLOCKED_DEC(&s->refs);
  if (left) return left;
  l = s->logon;
  /* Released without StoreLogoff: LOGOFF_ABORT, then the teardown. */
  if (logon_begin_logoff(l, &t)) {
    store_logoff_transports(l, t.support, MSLogon_LOGOFF_ABORT);
    logon_teardown(l, &t);
  }
  free(s);
  logon_unhold(l);
  return 0;
}

STDMETHOD_(MSLogon_HRESULT) CStore_GetLastError(MSLogon_IMsgStore *This, MSLogon_HRESULT hResult,
                                                MSLogon_ULONG ulFlags,
                                                MSLogon_MAPIERROR **lppMAPIError) {
  CStore *s = store_of(This);
  if (!s) {
    if (lppMAPIError) *lppMAPIError = NULL;
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  }
  return logon_last_error(s->logon, hResult, ulFlags, lppMAPIError);
}

STDMETHOD_(MSLogon_HRESULT) CStore_StoreLogoff(MSLogon_IMsgStore *This, MSLogon_ULONG *lpulFlags) {
  CStore *s = store_of(This);
  CTeardown t;
  CLogon *l;
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  l = s->logon;
  if (!lpulFlags) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (*lpulFlags & ~C_STORE_LOGOFF_FLAGS) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (!logon_begin_logoff(l, &t)) return logon_fail(l, MSLogon_MAPI_E_END_OF_SESSION);
  /* MAPI may release this store (and the logon) from inside the support
   * object's Release: keep both until we return. */
  CStore_AddRef(This);
  store_logoff_transports(l, t.support, *lpulFlags);
  logon_teardown(l, &t);
  *lpulFlags = MSLogon_LOGOFF_COMPLETE;
  CStore_Release(This);
  return MSLogon_S_OK;
}

/* ---- the object tree: store data, folders, messages ------------------------
 *
 * As the Rust reference store (src/store), so that both answer alike:
 *   - entry IDs: a store's is abFlags (0) | MAPIUID | number (24 bytes); a
 *     folder's or message's is abFlags (0) | MAPIUID | the store's GUID |
 *     kind (1 folder, 2 message; LE) | object number (LE 64), 48 bytes. The
 *     store GUID is the MAPIUID with the store number in its last 4 bytes,
 *     object numbers start at 0x100 (the standard folders are 1-8);
 *   - the standard folders and receive folders of a new store;
 *   - messages are transacted: an open message works on its own copy (the
 *     working set), which SaveChanges stores whole, checking the version it
 *     was made from (MAPI_E_OBJECT_CHANGED unless FORCE_SAVE);
 *   - computed properties (PR_ENTRYID, PR_MESSAGE_SIZE, PR_MESSAGE_FLAGS,
 *     ...) are answered by GetProps and refused by SetProps (MAPI_E_COMPUTED).
 *
 * A property set is a malloc'd array sorted by property ID, each value's
 * out-of-line data (strings, binaries, GUIDs) in its own malloc'd block in
 * a working set; a stored copy is packed into one block. GetProps lays its
 * answer out with MAPIAllocateBuffer (the array) and MAPIAllocateMore (each
 * string or binary), as a provider must.
 *
 * Not in this reference (the benchmark does not call them): GetProps(NULL),
 * multi-valued properties (a problem MAPI_E_INVALID_TYPE), recipients and
 * attachments, folder properties and tables, CreateFolder, Set-
 * ReceiveFolder; those slots answer MAPI_E_NO_SUPPORT. Strings are stored
 * as given (no UTF-8/UTF-16 validation) and converted between the two
 * widths as Latin-1.
 */

#define C_PROP_TYPE(tag) ((MSLogon_ULONG)(tag) & 0xFFFFu)
#define C_PROP_ID(tag) ((MSLogon_ULONG)(tag) >> 16)
#define C_CHANGE_TYPE(tag, type) (((MSLogon_ULONG)(tag) & 0xFFFF0000u) | (type))
#define C_KIND_FOLDER 1u
#define C_KIND_MESSAGE 2u
#define C_STORE_EID_LEN 24u
#define C_OBJECT_EID_LEN 48u
#define C_FIRST_DYNAMIC_ID 0x100u
#define C_ROOT 1u
#define C_INBOX 3u
#define C_OPEN_FLAGS (MSLogon_MAPI_MODIFY | MSLogon_MAPI_BEST_ACCESS | MSLogon_MAPI_DEFERRED_ERRORS)
#define C_SAVE_FLAGS                                                   \
  (MSLogon_KEEP_OPEN_READONLY | MSLogon_KEEP_OPEN_READWRITE | MSLogon_FORCE_SAVE | \
   MSLogon_MAPI_DEFERRED_ERRORS)

/* The standard folders of every store: number, parent. */
static const struct {
  uint64_t id, parent;
} c_std_folders[] = {{1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 2}, {6, 2}, {7, 1}, {8, 1}};

/* The receive folders of a new store. */
static const struct {
  const char *cls;
  uint64_t folder;
} c_receive_folders[] = {{"", C_INBOX}, {"IPM", C_INBOX}, {"REPORT.IPM", C_INBOX}, {"IPC", C_ROOT}};

static int c_folder_exists(uint64_t id) {
  size_t i;
  for (i = 0; i < sizeof c_std_folders / sizeof c_std_folders[0]; i++)
    if (c_std_folders[i].id == id) return 1;
  return 0;
}

/* FILETIME now: 100 ns units since 1601. */
static MSLogon_FILETIME c_now(void) {
  struct timespec ts;
  uint64_t t;
  MSLogon_FILETIME ft;
  clock_gettime(CLOCK_REALTIME, &ts);
  t = 116444736000000000ull + (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100u;
  ft.dwLowDateTime = (MSLogon_DWORD)t;
  ft.dwHighDateTime = (MSLogon_DWORD)(t >> 32);
  return ft;
}

static void put_le32(MSLogon_BYTE *b, MSLogon_ULONG v) {
  b[0] = (MSLogon_BYTE)v, b[1] = (MSLogon_BYTE)(v >> 8), b[2] = (MSLogon_BYTE)(v >> 16),
  b[3] = (MSLogon_BYTE)(v >> 24);
}
static void put_le64(MSLogon_BYTE *b, uint64_t v) {
  put_le32(b, (MSLogon_ULONG)v);
  put_le32(b + 4, (MSLogon_ULONG)(v >> 32));
}
static uint64_t get_le64(const MSLogon_BYTE *b) {
  uint64_t v = 0;
  int i;
  for (i = 7; i >= 0; i--) v = v << 8 | b[i];
  return v;
}

/* ---- property sets ---------------------------------------------------------- */

/* A value and the size of its out-of-line data (0 for a scalar). */
typedef struct CProp {
  MSLogon_SPropValue v;
  size_t cb;
} CProp;

typedef struct CPropSet {
  MSLogon_ULONG n, cap;
  CProp *p; /* sorted by property ID */
} CPropSet;

static size_t wcs16len(const MSLogon_WCHAR *w) {
  size_t n = 0;
  while (w[n]) n++;
  return n;
}

/* Whether this reference keeps values of type `t`. */
static int c_storable_type(MSLogon_ULONG t) {
  switch (t) {
    case MSLogon_PT_I2: case MSLogon_PT_LONG: case MSLogon_PT_R4: case MSLogon_PT_DOUBLE:
    case MSLogon_PT_CURRENCY: case MSLogon_PT_APPTIME: case MSLogon_PT_BOOLEAN: case MSLogon_PT_I8:
    case MSLogon_PT_SYSTIME: case MSLogon_PT_CLSID: case MSLogon_PT_STRING8: case MSLogon_PT_UNICODE:
    case MSLogon_PT_BINARY:
      return 1;
    default:
      return 0;
  }
}

/* The out-of-line data of a (storable) value from the caller, and its size. */
static const void *value_data(const MSLogon_SPropValue *v, size_t *cb) {
  switch (C_PROP_TYPE(v->ulPropTag)) {
    case MSLogon_PT_STRING8: *cb = strlen(v->Value.lpszA) + 1; return v->Value.lpszA;
    case MSLogon_PT_UNICODE: *cb = 2 * (wcs16len(v->Value.lpszW) + 1); return v->Value.lpszW;
    case MSLogon_PT_BINARY: *cb = v->Value.bin.cb; return v->Value.bin.lpb;
    case MSLogon_PT_CLSID: *cb = sizeof(MSLogon_GUID); return v->Value.lpguid;
    default: *cb = 0; return NULL;
  }
}

/* The out-of-line data of a stored value (its size is the CProp's cb). */
static void *value_ptr(const MSLogon_SPropValue *v) {
  switch (C_PROP_TYPE(v->ulPropTag)) {
    case MSLogon_PT_STRING8: return v->Value.lpszA;
    case MSLogon_PT_UNICODE: return v->Value.lpszW;
    case MSLogon_PT_BINARY: return v->Value.bin.lpb;
    case MSLogon_PT_CLSID: return v->Value.lpguid;
    default: return NULL;
  }
}

/* Points `v` at `mem`, which holds its out-of-line data. */
static void value_point(MSLogon_SPropValue *v, void *mem) {
  switch (C_PROP_TYPE(v->ulPropTag)) {
    case MSLogon_PT_STRING8: v->Value.lpszA = (char *)mem; break;
    case MSLogon_PT_UNICODE: v->Value.lpszW = (MSLogon_WCHAR *)mem; break;
    case MSLogon_PT_BINARY: v->Value.bin.lpb = (MSLogon_BYTE *)mem; break;
    case MSLogon_PT_CLSID: v->Value.lpguid = (MSLogon_GUID *)mem; break;
    default: break;
  }
}

/* The index of property `id`, or where it would go. */
static MSLogon_ULONG propset_find(const CPropSet *s, MSLogon_ULONG id, int *found) {
  MSLogon_ULONG lo = 0, hi = s->n;
  while (lo < hi) {
    MSLogon_ULONG mid = lo + (hi - lo) / 2, at = C_PROP_ID(s->p[mid].v.ulPropTag);
    if (at < id) lo = mid + 1;
    else if (at > id) hi = mid;
    else {
      *found = 1;
      return mid;
    }
  }
  *found = 0;
  return lo;
}

static const CProp *propset_get(const CPropSet *s, MSLogon_ULONG id) {
  int found;
  MSLogon_ULONG at = propset_find(s, id, &found);
  return found ? &s->p[at] : NULL;
}

/* Sets a copy of `v` (a storable value) in a working set, replacing the
 * value of the same property ID. */
static MSLogon_HRESULT propset_set(CPropSet *s, const MSLogon_SPropValue *v) {
  size_t cb;
  const void *data = value_data(v, &cb);
  void *mem = NULL;
  int found;
  MSLogon_ULONG at;
  CProp *slot;
  if (cb) {
    if (!(mem = malloc(cb))) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
    memcpy(mem, data, cb);
  }
  at = propset_find(s, C_PROP_ID(v->ulPropTag), &found);
  if (found) {
    slot = &s->p[at];
    if (slot->cb) free(value_ptr(&slot->v));
  } else {
    if (s->n == s->cap) {
      MSLogon_ULONG cap = s->cap ? 2 * s->cap : 16;
      CProp *p = (CProp *)realloc(s->p, cap * sizeof *p);
      if (!p) {
        free(mem);
        return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
      }
      s->p = p;
      s->cap = cap;
    }
    slot = &s->p[at];
    memmove(slot + 1, slot, (s->n - at) * sizeof *slot);
    s->n++;
  }
  slot->v = *v;
  slot->v.dwAlignPad = 0;
  slot->cb = cb;
  if (C_PROP_TYPE(v->ulPropTag) == MSLogon_PT_BOOLEAN) slot->v.Value.b = v->Value.b != 0;
  if (C_PROP_TYPE(v->ulPropTag) == MSLogon_PT_BINARY && !cb) slot->v.Value.bin.lpb = NULL;
  value_point(&slot->v, mem);
  return MSLogon_S_OK;
}

/* Frees a working set's values and array. */
static void propset_clear(CPropSet *s) {
  MSLogon_ULONG i;
  for (i = 0; i < s->n; i++)
    if (s->p[i].cb) free(value_ptr(&s->p[i].v));
  free(s->p);
  s->p = NULL;
  s->n = s->cap = 0;
}

#define C_ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* A packed copy of `s` (the array and every value's data in one block),
 * with the scalar `over` set in it: what SaveChanges stores. */
static int propset_pack(const CPropSet *s, const MSLogon_SPropValue *over, CPropSet *out) {
  int found;
  MSLogon_ULONG at = propset_find(s, C_PROP_ID(over->ulPropTag), &found), i, n = 0;
  MSLogon_ULONG count = s->n + !found;
  size_t data = 0;
  CProp *block;
  char *cursor;
  for (i = 0; i < s->n; i++) data += C_ALIGN8(s->p[i].cb);
  block = (CProp *)malloc(count * sizeof *block + data);
  if (!block) return 0;
  cursor = (char *)(block + count);
  for (i = 0; i <= s->n; i++) {
    if (i == at) {
      block[n].v = *over;
      block[n++].cb = 0;
      if (found) continue;
    }
    if (i == s->n) break;
    block[n] = s->p[i];
    if (s->p[i].cb) {
      memcpy(cursor, value_ptr(&s->p[i].v), s->p[i].cb);
      value_point(&block[n].v, cursor);
      cursor += C_ALIGN8(s->p[i].cb);
    }
    n++;
  }
  out->p = block;
  out->n = out->cap = count;
  return 1;
}

/* A working set copied from a stored (packed) one. */
static int propset_unpack(const CPropSet *stored, CPropSet *out) {
  MSLogon_ULONG i;
  out->n = 0;
  out->cap = stored->n > 16 ? stored->n : 16;
  out->p = (CProp *)malloc(out->cap * sizeof *out->p);
  if (!out->p) return 0;
  for (i = 0; i < stored->n; i++) {
    CProp *d = &out->p[i];
    *d = stored->p[i];
    if (d->cb) {
      void *mem = malloc(d->cb);
      if (!mem) {
        propset_clear(out);
        return 0;
      }
      memcpy(mem, value_ptr(&stored->p[i].v), d->cb);
      value_point(&d->v, mem);
    }
    out->n++;
  }
  return 1;
}

/* PR_MESSAGE_SIZE: 4 per property plus its size (strings as UTF-16,
 * binaries their length, GUIDs 16, any other value 8), as the Rust store
 * counts it. */
static MSLogon_ULONG propset_size(const CPropSet *s) {
  size_t total = 0;
  MSLogon_ULONG i;
  for (i = 0; i < s->n; i++) {
    const CProp *p = &s->p[i];
    switch (C_PROP_TYPE(p->v.ulPropTag)) {
      case MSLogon_PT_UNICODE: case MSLogon_PT_BINARY: case MSLogon_PT_CLSID: total += 4 + p->cb; break;
      case MSLogon_PT_STRING8: total += 4 + 2 * p->cb; break;
      default: total += 4 + 8; break;
    }
  }
  return total > 0xFFFFFFFFu ? 0xFFFFFFFFu : (MSLogon_ULONG)total;
}

/* ---- the store's data ---------------------------------------------------------- */

typedef struct CStoredMsg {
  struct CStoredMsg *next;
  uint64_t id, folder, version;
  int associated;
  CPropSet props; /* packed */
} CStoredMsg;

struct CMdb {
  pthread_mutex_t cs; /* guards next_id and messages */
  MSLogon_ULONG number;
  MSLogon_BYTE guid[16];
  uint64_t next_id;
  CStoredMsg *messages;
};

static CMdb *mdb_new(MSLogon_ULONG number) {
  CMdb *db = (CMdb *)malloc(sizeof *db);
  if (!db) return NULL;
  pthread_mutex_init(&db->cs, NULL);
  db->number = number;
  memcpy(db->guid, c_provider_uid, 16);
  put_le32(db->guid + 12, number);
  db->next_id = C_FIRST_DYNAMIC_ID;
  db->messages = NULL;
  return db;
}

static void mdb_free(CMdb *db) {
  while (db->messages) {
    CStoredMsg *next = db->messages->next;
    free(db->messages->props.p);
    free(db->messages);
    db->messages = next;
  }
  pthread_mutex_destroy(&db->cs);
  free(db);
}

/* Under db->cs. */
static CStoredMsg *mdb_message(CMdb *db, uint64_t id) {
  CStoredMsg *m;
  for (m = db->messages; m && m->id != id; m = m->next) {
  }
  return m;
}

/* The logon's store data, made at first use. */
static CMdb *logon_mdb(CLogon *l) {
  CMdb *db = __atomic_load_n(&l->mdb, __ATOMIC_ACQUIRE);
  CProvider *p = l->provider;
  if (db) return db;
  if (p) {
    pthread_mutex_lock(&p->cs);
    if (!p->mdb) p->mdb = mdb_new(l->store_number);
    db = p->mdb;
    pthread_mutex_unlock(&p->cs);
    if (db) __atomic_store_n(&l->mdb, db, __ATOMIC_RELEASE);
  } else {
    pthread_mutex_lock(&l->cs);
    if (!l->mdb) __atomic_store_n(&l->mdb, mdb_new(l->store_number), __ATOMIC_RELEASE);
    db = l->mdb;
    pthread_mutex_unlock(&l->cs);
  }
  return db;
}

static void store_entry_id(MSLogon_BYTE eid[C_STORE_EID_LEN], MSLogon_ULONG number) {
  memset(eid, 0, 4);
  memcpy(eid + 4, c_provider_uid, 16);
  put_le32(eid + 20, number);
}

static void object_entry_id(const CMdb *db, MSLogon_ULONG kind, uint64_t id,
                            MSLogon_BYTE eid[C_OBJECT_EID_LEN]) {
  memset(eid, 0, 4);
  memcpy(eid + 4, c_provider_uid, 16);
  memcpy(eid + 20, db->guid, 16);
  put_le32(eid + 36, kind);
  put_le64(eid + 40, id);
}

/* A folder or message entry ID of this store: its kind and number, or 0. */
static MSLogon_ULONG parse_object_entry_id(const CMdb *db, MSLogon_ULONG cb,
                                           const MSLogon_ENTRYID *eid, uint64_t *id) {
  const MSLogon_BYTE *b = (const MSLogon_BYTE *)eid;
  MSLogon_ULONG kind;
  if (cb != C_OBJECT_EID_LEN || b[0] || b[1] || b[2] || b[3] ||
      memcmp(b + 4, c_provider_uid, 16) != 0 || memcmp(b + 20, db->guid, 16) != 0)
    return 0;
  kind = (MSLogon_ULONG)b[36] | (MSLogon_ULONG)b[37] << 8 | (MSLogon_ULONG)b[38] << 16 |
         (MSLogon_ULONG)b[39] << 24;
  *id = get_le64(b + 40);
  return kind == C_KIND_FOLDER || kind == C_KIND_MESSAGE ? kind : 0;
}

/* ---- open objects (folders, messages) ------------------------------------------
 * Each has its COM references and holds on its memory (one for the COM
 * references, one per teardown in progress), holds its logon, and is on
 * the logon's list (under the logon's lock) from opening to its last
 * Release: Logoff disconnects what is still open. */

typedef struct CSubClass {
  void (*disconnect)(CSub *); /* drops the uncommitted state; calls fail after */
  void (*destroy)(CSub *);    /* frees the object */
} CSubClass;

struct CSub {
  const void *lpVtbl; /* first: the object is its interface pointer */
  MSLogon_ULONG refs, holds;
  CLogon *logon; /* held */
  const CSubClass *cls;
  CSub *next, *prev; /* the logon's list, under logon->cs */
  int listed;
  int disconnected;        /* interlocked */
  MSLogon_HRESULT last_hr; /* the last failure, for GetLastError (interlocked) */
};

static void sub_init(CSub *s, const void *vtbl, const CSubClass *cls, CLogon *l) {
  s->lpVtbl = vtbl;
  s->refs = 1;
  s->holds = 1;
  s->logon = l;
  logon_hold(l);
  s->cls = cls;
  s->next = s->prev = NULL;
  s->listed = 0;
  s->disconnected = 0;
  s->last_hr = MSLogon_S_OK;
}

static void sub_unhold(CSub *s) {
  if (INTERLOCKED_DEC(&s->holds) == 0) {
    CLogon *l = s->logon;
    s->cls->destroy(s);
    logon_unhold(l);
  }
}

/* Lists a new object on its logon; MAPI_E_END_OF_SESSION (the object is
 * freed) once the logon is logged off. */
static MSLogon_HRESULT sub_register(CSub *s) {
  CLogon *l = s->logon;
  pthread_mutex_lock(&l->cs);
  if (l->state != C_LIVE) {
    pthread_mutex_unlock(&l->cs);
    sub_unhold(s);
    return MSLogon_MAPI_E_END_OF_SESSION;
  }
  s->next = l->objects;
  if (l->objects) l->objects->prev = s;
  l->objects = s;
  s->listed = 1;
  pthread_mutex_unlock(&l->cs);
  return MSLogon_S_OK;
}

static MSLogon_ULONG sub_release(CSub *s) {
  MSLogon_ULONG left;
  CLogon *l;
  if (!s) return 0;
  left = INTERLOCKED_DEC(&s->refs);
  if (left) return left;
  l = s->logon;
  pthread_mutex_lock(&l->cs);
  if (s->listed) {
    if (s->prev) s->prev->next = s->next;
    else l->objects = s->next;
    if (s->next) s->next->prev = s->prev;
    s->listed = 0;
  }
  pthread_mutex_unlock(&l->cs);
  sub_unhold(s);
  return 0;
}

/* Under logon->cs, the list just taken out of the logon: each object is
 * held and unlisted (its Release no longer touches the chain). */
static void subs_take(CSub *list) {
  CSub *s;
  for (s = list; s; s = s->next) {
    s->listed = 0;
    INTERLOCKED_INC(&s->holds);
  }
}

/* With no lock held: disconnects and unholds what subs_take took. */
static void subs_disconnect(CSub *list) {
  while (list) {
    CSub *next = list->next;
    list->cls->disconnect(list);
    sub_unhold(list);
    list = next;
  }
}

static int sub_gone(CSub *s) { return __atomic_load_n(&s->disconnected, __ATOMIC_ACQUIRE); }

static MSLogon_HRESULT sub_fail(CSub *s, MSLogon_HRESULT hr) {
  __atomic_store_n(&s->last_hr, hr, __ATOMIC_RELAXED);
  return hr;
}

static int iid_in(const MSLogon_IID *riid, const MSLogon_IID *const *iids) {
  for (; *iids; iids++)
    if (iid_eq(riid, *iids)) return 1;
  return 0;
}

static const MSLogon_IID *const c_folder_iids[] = {&c_IID_IUnknown, &c_IID_IMAPIProp,
                                                   &c_IID_IMAPIContainer, &c_IID_IMAPIFolder, NULL};
static const MSLogon_IID *const c_message_iids[] = {&c_IID_IUnknown, &c_IID_IMAPIProp,
                                                    &c_IID_IMessage, NULL};
static const MSLogon_IID *const c_store_iids[] = {&c_IID_IUnknown, &c_IID_IMAPIProp,
                                                  &c_IID_IMsgStore, NULL};

static MSLogon_HRESULT sub_query_interface(CSub *s, const MSLogon_IID *riid, void **ppvObj,
                                           const MSLogon_IID *const *iids) {
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!riid) return sub_fail(s, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (sub_gone(s)) return MSLogon_MAPI_E_INVALID_OBJECT;
  if (!iid_in(riid, iids)) return sub_fail(s, MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  INTERLOCKED_INC(&s->refs);
  *ppvObj = s;
  return MSLogon_S_OK;
}

static MSLogon_HRESULT sub_last_error(CSub *s, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags,
                                      MSLogon_MAPIERROR **lppMAPIError) {
  MSLogon_HRESULT last;
  if (!s) {
    if (lppMAPIError) *lppMAPIError = NULL;
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  }
  if (!lppMAPIError) return sub_fail(s, MSLogon_MAPI_E_INVALID_PARAMETER);
  *lppMAPIError = NULL;
  if (ulFlags & ~MSLogon_MAPI_UNICODE) return sub_fail(s, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (sub_gone(s)) return MSLogon_MAPI_E_INVALID_OBJECT;
  last = __atomic_load_n(&s->last_hr, __ATOMIC_RELAXED);
  if (hResult >= 0 || last != hResult || !s->logon->alloc.allocate_buffer) return MSLogon_S_OK;
  return c_mapierror(&s->logon->alloc, c_error_text(last), (ulFlags & MSLogon_MAPI_UNICODE) != 0,
                     lppMAPIError);
}

/* The slots an object does not implement. */
static MSLogon_HRESULT sub_unsupported(CSub *s) {
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (sub_gone(s)) return MSLogon_MAPI_E_INVALID_OBJECT;
  return sub_fail(s, MSLogon_MAPI_E_NO_SUPPORT);
}

/* ---- messages ------------------------------------------------------------------- */

typedef struct CMessage {
  CSub sub;
  pthread_mutex_t cs; /* guards everything below */
  const CMdb *db;
  uint64_t id, folder;
  uint64_t base; /* the stored version this copy is of (when saved) */
  int saved, write, associated;
  CPropSet work; /* the open copy */
} CMessage;

static CMessage *message_of(MSLogon_IMessage *This) { return (CMessage *)This; }

static void message_disconnect(CSub *s) {
  CMessage *m = (CMessage *)s;
  pthread_mutex_lock(&m->cs);
  __atomic_store_n(&s->disconnected, 1, __ATOMIC_RELEASE);
  propset_clear(&m->work);
  pthread_mutex_unlock(&m->cs);
}

static void message_destroy(CSub *s) {
  CMessage *m = (CMessage *)s;
  propset_clear(&m->work);
  pthread_mutex_destroy(&m->cs);
  free(m);
}

static const CSubClass c_message_class = {message_disconnect, message_destroy};
static const MSLogon_IMessageVtbl c_message_vtbl;

static CMessage *message_new(CLogon *l, const CMdb *db, uint64_t id, uint64_t folder,
                             int associated, int write) {
  CMessage *m = (CMessage *)malloc(sizeof *m);
  if (!m) return NULL;
  sub_init(&m->sub, &c_message_vtbl, &c_message_class, l);
  pthread_mutex_init(&m->cs, NULL);
  m->db = db;
  m->id = id;
  m->folder = folder;
  m->base = 0;
  m->saved = 0;
  m->write = write;
  m->associated = associated;
  m->work.n = m->work.cap = 0;
  m->work.p = NULL;
  return m;
}

/* A new, unsaved message's own properties: flags, times, search key. */
static MSLogon_HRESULT message_init_props(CMessage *m) {
  MSLogon_SPropValue v[4];
  MSLogon_BYTE key[24];
  MSLogon_FILETIME now = c_now();
  int i;
  memcpy(key, m->db->guid, 16);
  put_le64(key + 16, m->id);
  memset(v, 0, sizeof v);
  v[0].ulPropTag = MSLogon_PR_MESSAGE_FLAGS;
  v[0].Value.ul = MSLogon_MSGFLAG_UNSENT | (m->associated ? MSLogon_MSGFLAG_ASSOCIATED : 0);
  v[1].ulPropTag = MSLogon_PR_CREATION_TIME;
  v[1].Value.ft = now;
  v[2].ulPropTag = MSLogon_PR_LAST_MODIFICATION_TIME;
  v[2].Value.ft = now;
  v[3].ulPropTag = MSLogon_PR_SEARCH_KEY;
  v[3].Value.bin.cb = sizeof key;
  v[3].Value.bin.lpb = key;
  for (i = 0; i < 4; i++)
    if (propset_set(&m->work, &v[i]) < 0) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  return MSLogon_S_OK;
}

/* Properties a client may not set: the store computes them (the Rust
 * store's list). */
static int c_is_computed(MSLogon_ULONG id) {
  switch (id) {
    case C_PROP_ID(MSLogon_PR_ENTRYID): case C_PROP_ID(MSLogon_PR_RECORD_KEY):
    case C_PROP_ID(MSLogon_PR_STORE_ENTRYID): case C_PROP_ID(MSLogon_PR_STORE_RECORD_KEY):
    case C_PROP_ID(MSLogon_PR_PARENT_ENTRYID): case C_PROP_ID(MSLogon_PR_OBJECT_TYPE):
    case C_PROP_ID(MSLogon_PR_MESSAGE_SIZE): case C_PROP_ID(MSLogon_PR_HASATTACH):
    case C_PROP_ID(MSLogon_PR_DISPLAY_TO_W): case C_PROP_ID(MSLogon_PR_DISPLAY_CC_W):
    case C_PROP_ID(MSLogon_PR_DISPLAY_BCC_W): case C_PROP_ID(MSLogon_PR_CONTENT_COUNT):
    case C_PROP_ID(MSLogon_PR_CONTENT_UNREAD): case C_PROP_ID(MSLogon_PR_ASSOC_CONTENT_COUNT):
    case C_PROP_ID(MSLogon_PR_SUBFOLDERS): case C_PROP_ID(MSLogon_PR_FOLDER_TYPE):
    case C_PROP_ID(MSLogon_PR_ACCESS): case C_PROP_ID(MSLogon_PR_ACCESS_LEVEL):
    case C_PROP_ID(MSLogon_PR_MDB_PROVIDER): case C_PROP_ID(MSLogon_PR_ATTACH_NUM):
    case C_PROP_ID(MSLogon_PR_ATTACH_SIZE): case C_PROP_ID(MSLogon_PR_ROWID):
    case C_PROP_ID(MSLogon_PR_INSTANCE_KEY):
      return 1;
    default:
      return 0;
  }
}

static const MSLogon_WCHAR c_empty_w[1] = {0};

static const CProp *scalar(CProp *tmp, MSLogon_ULONG tag, MSLogon_ULONG value) {
  tmp->v.ulPropTag = tag;
  tmp->v.Value.ul = value;
  tmp->cb = 0;
  return tmp;
}
static const CProp *binary(CProp *tmp, MSLogon_ULONG tag, const MSLogon_BYTE *b, size_t cb) {
  tmp->v.ulPropTag = tag;
  tmp->v.Value.bin.cb = (MSLogon_ULONG)cb;
  tmp->v.Value.bin.lpb = (MSLogon_BYTE *)b;
  tmp->cb = cb;
  return tmp;
}

/* Property `id` of an open message (under m->cs): computed, or from the
 * working set; NULL if it has none. `tmp` and `buf` hold a computed one. */
static const CProp *message_prop(const CMessage *m, MSLogon_ULONG id, CProp *tmp,
                                 MSLogon_BYTE buf[C_OBJECT_EID_LEN]) {
  const CProp *flags;
  switch (id) {
    case C_PROP_ID(MSLogon_PR_ENTRYID):
      object_entry_id(m->db, C_KIND_MESSAGE, m->id, buf);
      return binary(tmp, MSLogon_PR_ENTRYID, buf, C_OBJECT_EID_LEN);
    case C_PROP_ID(MSLogon_PR_RECORD_KEY):
      memcpy(buf, m->db->guid, 16);
      put_le64(buf + 16, m->id);
      return binary(tmp, MSLogon_PR_RECORD_KEY, buf, 24);
    case C_PROP_ID(MSLogon_PR_PARENT_ENTRYID):
      object_entry_id(m->db, C_KIND_FOLDER, m->folder, buf);
      return binary(tmp, MSLogon_PR_PARENT_ENTRYID, buf, C_OBJECT_EID_LEN);
    case C_PROP_ID(MSLogon_PR_STORE_ENTRYID):
      store_entry_id(buf, m->db->number);
      return binary(tmp, MSLogon_PR_STORE_ENTRYID, buf, C_STORE_EID_LEN);
    case C_PROP_ID(MSLogon_PR_STORE_RECORD_KEY):
      return binary(tmp, MSLogon_PR_STORE_RECORD_KEY, m->db->guid, 16);
    case C_PROP_ID(MSLogon_PR_MDB_PROVIDER):
      return binary(tmp, MSLogon_PR_MDB_PROVIDER, c_provider_uid, 16);
    case C_PROP_ID(MSLogon_PR_OBJECT_TYPE):
      return scalar(tmp, MSLogon_PR_OBJECT_TYPE, MSLogon_MAPI_MESSAGE);
    case C_PROP_ID(MSLogon_PR_MESSAGE_FLAGS):
      flags = propset_get(&m->work, id);
      return scalar(tmp, MSLogon_PR_MESSAGE_FLAGS,
                    (flags && C_PROP_TYPE(flags->v.ulPropTag) == MSLogon_PT_LONG ? flags->v.Value.ul
                                                                                 : 0) |
                        (m->associated ? MSLogon_MSGFLAG_ASSOCIATED : 0));
    case C_PROP_ID(MSLogon_PR_HASATTACH):
      scalar(tmp, MSLogon_PR_HASATTACH, 0);
      tmp->v.Value.b = 0;
      return tmp;
    case C_PROP_ID(MSLogon_PR_MESSAGE_SIZE):
      return scalar(tmp, MSLogon_PR_MESSAGE_SIZE, propset_size(&m->work));
    case C_PROP_ID(MSLogon_PR_DISPLAY_TO_W):
    case C_PROP_ID(MSLogon_PR_DISPLAY_CC_W):
    case C_PROP_ID(MSLogon_PR_DISPLAY_BCC_W):
      /* No recipients in this reference. */
      tmp->v.ulPropTag = C_CHANGE_TYPE(id << 16, MSLogon_PT_UNICODE);
      tmp->v.Value.lpszW = (MSLogon_WCHAR *)c_empty_w;
      tmp->cb = sizeof c_empty_w;
      return tmp;
    case C_PROP_ID(MSLogon_PR_ACCESS_LEVEL):
      return scalar(tmp, MSLogon_PR_ACCESS_LEVEL, (MSLogon_ULONG)m->write);
    default:
      return propset_get(&m->work, id);
  }
}

/* One entry of a GetProps answer: `src`'s value (NULL: MAPI_E_NOT_FOUND)
 * as `tag` asks, its data chained to `root`. */
static MSLogon_SCODE out_value(const CAllocators *a, void *root, MSLogon_ULONG tag, const CProp *src,
                               int wide, MSLogon_SPropValue *dst) {
  MSLogon_ULONG req = C_PROP_TYPE(tag), own, out_type;
  int is_string;
  void *mem;
  MSLogon_SCODE sc;
  size_t i, n;
  dst->dwAlignPad = 0;
  if (!src) {
    dst->ulPropTag = C_CHANGE_TYPE(tag, MSLogon_PT_ERROR);
    dst->Value.err = MSLogon_MAPI_E_NOT_FOUND;
    return MSLogon_S_OK;
  }
  own = C_PROP_TYPE(src->v.ulPropTag);
  is_string = own == MSLogon_PT_UNICODE || own == MSLogon_PT_STRING8;
  if (req != MSLogon_PT_UNSPECIFIED && req != own &&
      !(is_string && (req == MSLogon_PT_UNICODE || req == MSLogon_PT_STRING8))) {
    dst->ulPropTag = C_CHANGE_TYPE(tag, MSLogon_PT_ERROR);
    dst->Value.err = MSLogon_MAPI_E_INVALID_TYPE;
    return MSLogon_S_OK;
  }
  out_type = own;
  if (is_string)
    out_type = req != MSLogon_PT_UNSPECIFIED ? req : wide ? MSLogon_PT_UNICODE : MSLogon_PT_STRING8;
  dst->ulPropTag = C_CHANGE_TYPE(tag, out_type);
  dst->Value = src->v.Value;
  if (!src->cb && own != MSLogon_PT_BINARY) return MSLogon_S_OK;
  /* Out-of-line data: a copy chained to the answer (a binary of 0 bytes
   * still gets a buffer, as in the Rust library). */
  n = out_type == own                 ? src->cb
      : out_type == MSLogon_PT_UNICODE ? 2 * src->cb
                                       : src->cb / 2;
  if ((sc = a->allocate_more((MSLogon_ULONG)(n ? n : 1), root, &mem)) < 0) return sc;
  if (out_type == own) memcpy(mem, value_ptr(&src->v), n);
  else if (out_type == MSLogon_PT_UNICODE)
    for (i = 0; i < src->cb; i++)
      ((MSLogon_WCHAR *)mem)[i] = (unsigned char)src->v.Value.lpszA[i];
  else
    for (i = 0; i < n; i++) {
      MSLogon_WCHAR w = src->v.Value.lpszW[i];
      ((char *)mem)[i] = (char)(w < 0x100 ? w : '?');
    }
  value_point(dst, mem);
  return MSLogon_S_OK;
}

/* Locks an open message: NULL (unlocked) if it was disconnected. */
static CMessage *message_enter(CMessage *m) {
  pthread_mutex_lock(&m->cs);
  if (!m->sub.disconnected) return m;
  pthread_mutex_unlock(&m->cs);
  return NULL;
}

STDMETHOD_(MSLogon_HRESULT) CMessage_QueryInterface(MSLogon_IMessage *This, const MSLogon_IID *riid,
                                                    void **ppvObj) {
  return sub_query_interface(This ? &message_of(This)->sub : NULL, riid, ppvObj, c_message_iids);
}

STDMETHOD_(MSLogon_ULONG) CMessage_AddRef(MSLogon_IMessage *This) {
  return This ? INTERLOCKED_INC(&message_of(This)->sub.refs) : 0;
}

STDMETHOD_(MSLogon_ULONG) CMessage_Release(MSLogon_IMessage *This) {
  return sub_release(This ? &message_of(This)->sub : NULL);
}

STDMETHOD_(MSLogon_HRESULT) CMessage_GetLastError(MSLogon_IMessage *This, MSLogon_HRESULT hResult,
                                                  MSLogon_ULONG ulFlags,
                                                  MSLogon_MAPIERROR **lppMAPIError) {
  return sub_last_error(This ? &message_of(This)->sub : NULL, hResult, ulFlags, lppMAPIError);
}

STDMETHOD_(MSLogon_HRESULT) CMessage_GetProps(MSLogon_IMessage *This,
                                              MSLogon_SPropTagArray *lpPropTagArray,
                                              MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcValues,
                                              MSLogon_SPropValue **lppPropArray) {
  CMessage *m = message_of(This);
  const CAllocators *a;
  MSLogon_SPropValue *out = NULL;
  MSLogon_ULONG i, n;
  MSLogon_SCODE sc;
  int errors = 0, wide = (ulFlags & MSLogon_MAPI_UNICODE) != 0;
  if (lpcValues) *lpcValues = 0;
  if (lppPropArray) *lppPropArray = NULL;
  if (!m) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!lpcValues || !lppPropArray) return sub_fail(&m->sub, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (ulFlags & ~MSLogon_MAPI_UNICODE) return sub_fail(&m->sub, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (!lpPropTagArray) return sub_fail(&m->sub, MSLogon_MAPI_E_NO_SUPPORT); /* see above */
  n = lpPropTagArray->cValues;
  if (n == 0) return sub_fail(&m->sub, MSLogon_MAPI_E_INVALID_PARAMETER);
  a = &m->sub.logon->alloc;
  if (!a->allocate_buffer) return sub_fail(&m->sub, MSLogon_MAPI_E_NO_SUPPORT);
  if (!message_enter(m)) return MSLogon_MAPI_E_INVALID_OBJECT;
  sc = a->allocate_buffer((MSLogon_ULONG)(n * sizeof *out), (void **)&out);
  if (sc < 0 || !out) {
    pthread_mutex_unlock(&m->cs);
    return sub_fail(&m->sub, sc < 0 ? sc : MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  }
  for (i = 0; i < n; i++) {
    MSLogon_ULONG tag = lpPropTagArray->aulPropTag[i];
    CProp tmp;
    MSLogon_BYTE buf[C_OBJECT_EID_LEN];
    const CProp *p = message_prop(m, C_PROP_ID(tag), &tmp, buf);
    if ((sc = out_value(a, out, tag, p, wide, &out[i])) < 0) break;
    errors |= C_PROP_TYPE(out[i].ulPropTag) == MSLogon_PT_ERROR;
  }
  pthread_mutex_unlock(&m->cs);
  if (sc < 0) {
    a->free_buffer(out);
    return sub_fail(&m->sub, sc);
  }
  *lpcValues = n;
  *lppPropArray = out;
  return errors ? MSLogon_MAPI_W_ERRORS_RETURNED : MSLogon_S_OK;
}

STDMETHOD_(MSLogon_HRESULT) CMessage_SetProps(MSLogon_IMessage *This, MSLogon_ULONG cValues,
                                              MSLogon_SPropValue *lpPropArray,
                                              MSLogon_SPropProblemArray **lppProblems) {
  CMessage *m = message_of(This);
  const CAllocators *a;
  MSLogon_SPropProblemArray *problems = NULL;
  MSLogon_HRESULT hr = MSLogon_S_OK;
  MSLogon_ULONG i;
  if (!m) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (lppProblems) *lppProblems = NULL;
  if (!cValues || !lpPropArray) return sub_fail(&m->sub, MSLogon_MAPI_E_INVALID_PARAMETER);
  /* Errors of the whole call first: then nothing is changed. */
  for (i = 0; i < cValues; i++) {
    const MSLogon_SPropValue *v = &lpPropArray[i];
    MSLogon_ULONG t = C_PROP_TYPE(v->ulPropTag);
    if (t == MSLogon_PT_OBJECT || (t == MSLogon_PT_CLSID && !v->Value.lpguid) ||
        (t == MSLogon_PT_BINARY && v->Value.bin.cb && !v->Value.bin.lpb))
      return sub_fail(&m->sub, MSLogon_MAPI_E_INVALID_PARAMETER);
  }
  a = &m->sub.logon->alloc;
  if (!message_enter(m)) return MSLogon_MAPI_E_INVALID_OBJECT;
  if (!m->write) {
    pthread_mutex_unlock(&m->cs);
    return sub_fail(&m->sub, MSLogon_MAPI_E_NO_ACCESS);
  }
  for (i = 0; i < cValues; i++) {
    const MSLogon_SPropValue *v = &lpPropArray[i];
    MSLogon_ULONG tag = v->ulPropTag, t = C_PROP_TYPE(tag), id = C_PROP_ID(tag);
    MSLogon_SCODE sc;
    if (tag == MSLogon_PR_NULL || t == MSLogon_PT_ERROR) continue;
    if (!c_storable_type(t)) sc = MSLogon_MAPI_E_INVALID_TYPE;
    else if ((t == MSLogon_PT_STRING8 || t == MSLogon_PT_UNICODE) && !v->Value.lpszA)
      sc = MSLogon_MAPI_E_INVALID_PARAMETER;
    else if (c_is_computed(id) || (id == C_PROP_ID(MSLogon_PR_MESSAGE_FLAGS) && m->saved))
      sc = MSLogon_MAPI_E_COMPUTED;
    else if (id == 0 || id == MSLogon_PROP_ID_INVALID) sc = MSLogon_MAPI_E_INVALID_PARAMETER;
    else if ((hr = propset_set(&m->work, v)) < 0) break;
    else continue;
    if (!lppProblems) continue;
    if (!problems) {
      /* CbNewSPropProblemArray(cValues): room for a problem per value. */
      size_t cb = offsetof(MSLogon_SPropProblemArray, aProblem) +
                  cValues * sizeof(MSLogon_SPropProblem);
      MSLogon_SCODE asc = a->allocate_buffer ? a->allocate_buffer((MSLogon_ULONG)cb, (void **)&problems)
                                             : MSLogon_MAPI_E_NO_SUPPORT;
      if (asc < 0 || !problems) {
        hr = asc < 0 ? asc : MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
        problems = NULL;
        break;
      }
      problems->cProblem = 0;
    }
    problems->aProblem[problems->cProblem].ulIndex = i;
    problems->aProblem[problems->cProblem].ulPropTag = tag;
    problems->aProblem[problems->cProblem++].scode = sc;
  }
  pthread_mutex_unlock(&m->cs);
  if (hr < 0) {
    if (problems) a->free_buffer(problems);
    return sub_fail(&m->sub, hr);
  }
  if (lppProblems) *lppProblems = problems;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_HRESULT) CMessage_SaveChanges(MSLogon_IMessage *This, MSLogon_ULONG ulFlags) {
  CMessage *m = message_of(This);
  CMdb *db;
  CPropSet packed;
  CStoredMsg *sm, *fresh = NULL;
  CProp *old = NULL;
  MSLogon_SPropValue lm;
  MSLogon_HRESULT hr = MSLogon_S_OK;
  uint64_t version = 0;
  if (!m) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (ulFlags & ~C_SAVE_FLAGS) return sub_fail(&m->sub, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (!message_enter(m)) return MSLogon_MAPI_E_INVALID_OBJECT;
  if (!m->write) {
    pthread_mutex_unlock(&m->cs);
    return sub_fail(&m->sub, MSLogon_MAPI_E_NO_ACCESS);
  }
  db = (CMdb *)m->db;
  /* What is stored: the open copy with the new modification time, in one
   * block, made before the store's lock is taken. */
  memset(&lm, 0, sizeof lm);
  lm.ulPropTag = MSLogon_PR_LAST_MODIFICATION_TIME;
  lm.Value.ft = c_now();
  if (!propset_pack(&m->work, &lm, &packed) ||
      (!m->saved && !(fresh = (CStoredMsg *)malloc(sizeof *fresh)))) {
    pthread_mutex_unlock(&m->cs);
    free(packed.p);
    return sub_fail(&m->sub, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  }
  pthread_mutex_lock(&db->cs);
  sm = mdb_message(db, m->id);
  if (m->saved && !sm) hr = MSLogon_MAPI_E_OBJECT_DELETED;
  else if (m->saved && sm->version != m->base && !(ulFlags & MSLogon_FORCE_SAVE))
    hr = MSLogon_MAPI_E_OBJECT_CHANGED;
  else if (!c_folder_exists(m->folder)) hr = MSLogon_MAPI_E_NOT_FOUND;
  else {
    if (sm) {
      old = sm->props.p;
      version = sm->version + 1;
    } else {
      sm = fresh;
      fresh = NULL;
      sm->id = m->id;
      sm->folder = m->folder;
      sm->associated = m->associated;
      sm->next = db->messages;
      db->messages = sm;
      version = 1;
    }
    sm->version = version;
    sm->props = packed;
    packed.p = NULL;
  }
  pthread_mutex_unlock(&db->cs);
  free(old);
  free(packed.p);
  free(fresh);
  if (hr == MSLogon_S_OK) {
    (void)propset_set(&m->work, &lm); /* present since creation: no allocation */
    m->saved = 1;
    m->base = version;
    /* Without KEEP_OPEN_READWRITE the object stays readable only. */
    m->write = (ulFlags & MSLogon_KEEP_OPEN_READWRITE) != 0;
  }
  pthread_mutex_unlock(&m->cs);
  return hr == MSLogon_S_OK ? hr : sub_fail(&m->sub, hr);
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

#define MESSAGE_UNSUPPORTED(name, ...)                                                   \
  STDMETHOD_(MSLogon_HRESULT) CMessage_##name(MSLogon_IMessage *This, __VA_ARGS__) {     \
    return sub_unsupported(This ? &message_of(This)->sub : NULL);                        \
  }
#define FOLDER_UNSUPPORTED(name, ...)                                                    \
  STDMETHOD_(MSLogon_HRESULT) CFolder_##name(MSLogon_IMAPIFolder *This, __VA_ARGS__) {   \
    return sub_unsupported(This ? &folder_of(This)->sub : NULL);                         \
  }
/* IMAPIProp's slots 6, 7, 9-13, for MESSAGE_ or FOLDER_UNSUPPORTED. */
#define PROP_UNSUPPORTED(M)                                                                   \
  M(GetPropList, MSLogon_ULONG ulFlags, struct MSLogon_SPropTagArray **lppPropTagArray)     \
  M(OpenProperty, MSLogon_ULONG ulPropTag, const MSLogon_IID *lpiid,                         \
    MSLogon_ULONG ulInterfaceOptions, MSLogon_ULONG ulFlags, struct MSLogon_IUnknown **lppUnk) \
  M(DeleteProps, struct MSLogon_SPropTagArray *lpPropTagArray,                               \
    struct MSLogon_SPropProblemArray **lppProblems)                                          \
  M(CopyTo, MSLogon_ULONG ciidExclude, const MSLogon_IID *rgiidExclude,                      \
    struct MSLogon_SPropTagArray *lpExcludeProps, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, \
    const MSLogon_IID *lpInterface, void *lpDestObj, MSLogon_ULONG ulFlags,                  \
    struct MSLogon_SPropProblemArray **lppProblems)                                          \
  M(CopyProps, struct MSLogon_SPropTagArray *lpIncludeProps, MSLogon_ULONG_PTR ulUIParam,    \
    void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj, MSLogon_ULONG ulFlags, \
    struct MSLogon_SPropProblemArray **lppProblems)                                          \
  M(GetNamesFromIDs, struct MSLogon_SPropTagArray **lppPropTags, struct MSLogon_GUID *lpPropSetGuid, \
    MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcPropNames, struct MSLogon_MAPINAMEID ***lpppPropNames) \
  M(GetIDsFromNames, MSLogon_ULONG cPropNames, struct MSLogon_MAPINAMEID **lppPropNames,     \
    MSLogon_ULONG ulFlags, struct MSLogon_SPropTagArray **lppPropTags)

PROP_UNSUPPORTED(MESSAGE_UNSUPPORTED)
MESSAGE_UNSUPPORTED(GetAttachmentTable, MSLogon_ULONG ulFlags, struct MSLogon_IMAPITable **lppTable)
MESSAGE_UNSUPPORTED(OpenAttach, MSLogon_ULONG ulAttachmentNum, const MSLogon_IID *lpInterface,
                    MSLogon_ULONG ulFlags, struct MSLogon_IAttach **lppAttach)
MESSAGE_UNSUPPORTED(CreateAttach, const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                    MSLogon_ULONG *lpulAttachmentNum, struct MSLogon_IAttach **lppAttach)
MESSAGE_UNSUPPORTED(DeleteAttach, MSLogon_ULONG ulAttachmentNum, MSLogon_ULONG_PTR ulUIParam,
                    void *lpProgress, MSLogon_ULONG ulFlags)
MESSAGE_UNSUPPORTED(GetRecipientTable, MSLogon_ULONG ulFlags, struct MSLogon_IMAPITable **lppTable)
MESSAGE_UNSUPPORTED(ModifyRecipients, MSLogon_ULONG ulFlags, struct MSLogon_ADRLIST *lpMods)
MESSAGE_UNSUPPORTED(SubmitMessage, MSLogon_ULONG ulFlags)
MESSAGE_UNSUPPORTED(SetReadFlag, MSLogon_ULONG ulFlags)

static const MSLogon_IMessageVtbl c_message_vtbl = {
    CMessage_QueryInterface,  CMessage_AddRef,          CMessage_Release,
    CMessage_GetLastError,    CMessage_SaveChanges,     CMessage_GetProps,
    CMessage_GetPropList,     CMessage_OpenProperty,    CMessage_SetProps,
    CMessage_DeleteProps,     CMessage_CopyTo,          CMessage_CopyProps,
    CMessage_GetNamesFromIDs, CMessage_GetIDsFromNames, CMessage_GetAttachmentTable,
    CMessage_OpenAttach,      CMessage_CreateAttach,    CMessage_DeleteAttach,
    CMessage_GetRecipientTable, CMessage_ModifyRecipients, CMessage_SubmitMessage,
    CMessage_SetReadFlag,
};

/* ---- folders ---------------------------------------------------------------------- */

typedef struct CFolder {
  CSub sub;
  uint64_t id;
  int write;
} CFolder;

static CFolder *folder_of(MSLogon_IMAPIFolder *This) { return (CFolder *)This; }

static void folder_disconnect(CSub *s) { __atomic_store_n(&s->disconnected, 1, __ATOMIC_RELEASE); }
static void folder_destroy(CSub *s) { free(s); }
static const CSubClass c_folder_class = {folder_disconnect, folder_destroy};
static const MSLogon_IMAPIFolderVtbl c_folder_vtbl;

/* IMsgStore::OpenEntry and IMAPIFolder::OpenEntry (`store` NULL: the store
 * itself cannot be opened from a folder). Failures are the caller's to
 * record. */
static MSLogon_HRESULT open_entry(CLogon *l, CStore *store, MSLogon_ULONG cbEntryID,
                                  MSLogon_ENTRYID *lpEntryID, const MSLogon_IID *lpInterface,
                                  MSLogon_ULONG ulFlags, MSLogon_ULONG *lpulObjType,
                                  MSLogon_IUnknown **lppUnk) {
  CMdb *db;
  uint64_t id = C_ROOT;
  MSLogon_ULONG kind = C_KIND_FOLDER;
  /* Read/write as asked, as far as the logon allows (MDB_WRITE):
   * MAPI_MODIFY on a read-only logon fails, MAPI_BEST_ACCESS reads. */
  int write = (ulFlags & (MSLogon_MAPI_MODIFY | MSLogon_MAPI_BEST_ACCESS)) != 0 && l->writable;
  MSLogon_HRESULT hr;
  if (lpulObjType) *lpulObjType = 0;
  if (lppUnk) *lppUnk = NULL;
  if (!lpulObjType || !lppUnk) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if ((lpEntryID == NULL) != (cbEntryID == 0)) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (ulFlags & ~C_OPEN_FLAGS) return MSLogon_MAPI_E_UNKNOWN_FLAGS;
  if (lpEntryID && cbEntryID == C_STORE_EID_LEN) {
    MSLogon_ULONG number = parse_store_entry_id(cbEntryID, lpEntryID);
    if (!number || number != l->store_number) return MSLogon_MAPI_E_INVALID_ENTRYID;
    if (!store) return MSLogon_MAPI_E_NO_SUPPORT;
    if (lpInterface && !iid_in(lpInterface, c_store_iids))
      return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
    CStore_AddRef(&store->iface);
    *lpulObjType = MSLogon_MAPI_STORE;
    *lppUnk = (MSLogon_IUnknown *)store;
    return MSLogon_S_OK;
  }
  if ((ulFlags & MSLogon_MAPI_MODIFY) && !l->writable) return MSLogon_MAPI_E_NO_ACCESS;
  if (!(db = logon_mdb(l))) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  if (lpEntryID && !(kind = parse_object_entry_id(db, cbEntryID, lpEntryID, &id)))
    return MSLogon_MAPI_E_INVALID_ENTRYID;
  if (kind == C_KIND_FOLDER) {
    CFolder *f;
    if (!c_folder_exists(id)) return MSLogon_MAPI_E_NOT_FOUND;
    if (lpInterface && !iid_in(lpInterface, c_folder_iids))
      return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
    if (!(f = (CFolder *)malloc(sizeof *f))) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
    sub_init(&f->sub, &c_folder_vtbl, &c_folder_class, l);
    f->id = id;
    f->write = write;
    if ((hr = sub_register(&f->sub)) < 0) return hr;
    *lpulObjType = MSLogon_MAPI_FOLDER;
    *lppUnk = (MSLogon_IUnknown *)f;
  } else {
    CMessage *m;
    CStoredMsg *sm;
    int ok;
    if (!(m = message_new(l, db, id, 0, 0, write))) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
    pthread_mutex_lock(&db->cs);
    sm = mdb_message(db, id);
    ok = sm && propset_unpack(&sm->props, &m->work);
    if (ok) {
      m->folder = sm->folder;
      m->associated = sm->associated;
      m->base = sm->version;
      m->saved = 1;
    }
    pthread_mutex_unlock(&db->cs);
    if (!ok || (lpInterface && !iid_in(lpInterface, c_message_iids))) {
      sub_unhold(&m->sub);
      return !sm ? MSLogon_MAPI_E_NOT_FOUND
             : !ok ? MSLogon_MAPI_E_NOT_ENOUGH_MEMORY
                   : MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
    }
    if ((hr = sub_register(&m->sub)) < 0) return hr;
    *lpulObjType = MSLogon_MAPI_MESSAGE;
    *lppUnk = (MSLogon_IUnknown *)m;
  }
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_HRESULT) CFolder_QueryInterface(MSLogon_IMAPIFolder *This,
                                                   const MSLogon_IID *riid, void **ppvObj) {
  return sub_query_interface(This ? &folder_of(This)->sub : NULL, riid, ppvObj, c_folder_iids);
}

STDMETHOD_(MSLogon_ULONG) CFolder_AddRef(MSLogon_IMAPIFolder *This) {
  return This ? INTERLOCKED_INC(&folder_of(This)->sub.refs) : 0;
}

STDMETHOD_(MSLogon_ULONG) CFolder_Release(MSLogon_IMAPIFolder *This) {
  return sub_release(This ? &folder_of(This)->sub : NULL);
}

STDMETHOD_(MSLogon_HRESULT) CFolder_GetLastError(MSLogon_IMAPIFolder *This,
                                                 MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags,
                                                 MSLogon_MAPIERROR **lppMAPIError) {
  return sub_last_error(This ? &folder_of(This)->sub : NULL, hResult, ulFlags, lppMAPIError);
}

/* Folders are not transacted: nothing to save. */
STDMETHOD_(MSLogon_HRESULT) CFolder_SaveChanges(MSLogon_IMAPIFolder *This, MSLogon_ULONG ulFlags) {
  CFolder *f = folder_of(This);
  if (!f) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (ulFlags & ~C_SAVE_FLAGS) return sub_fail(&f->sub, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (sub_gone(&f->sub)) return MSLogon_MAPI_E_INVALID_OBJECT;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_HRESULT) CFolder_OpenEntry(MSLogon_IMAPIFolder *This, MSLogon_ULONG cbEntryID,
                                              MSLogon_ENTRYID *lpEntryID,
                                              const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                                              MSLogon_ULONG *lpulObjType,
                                              MSLogon_IUnknown **lppUnk) {
  CFolder *f = folder_of(This);
  MSLogon_HRESULT hr;
  if (!f) {
    if (lpulObjType) *lpulObjType = 0;
    if (lppUnk) *lppUnk = NULL;
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  }
  if (sub_gone(&f->sub)) return MSLogon_MAPI_E_INVALID_OBJECT;
  hr = open_entry(f->sub.logon, NULL, cbEntryID, lpEntryID, lpInterface, ulFlags, lpulObjType,
                  lppUnk);
  return hr < 0 ? sub_fail(&f->sub, hr) : hr;
}

STDMETHOD_(MSLogon_HRESULT) CFolder_CreateMessage(MSLogon_IMAPIFolder *This,
                                                  const MSLogon_IID *lpInterface,
                                                  MSLogon_ULONG ulFlags,
                                                  MSLogon_IMessage **lppMessage) {
  CFolder *f = folder_of(This);
  CMdb *db;
  CMessage *m;
  uint64_t id;
  MSLogon_HRESULT hr;
  if (lppMessage) *lppMessage = NULL;
  if (!f) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!lppMessage) return sub_fail(&f->sub, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (ulFlags & ~(MSLogon_MAPI_DEFERRED_ERRORS | MSLogon_MAPI_ASSOCIATED))
    return sub_fail(&f->sub, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (lpInterface && !iid_in(lpInterface, c_message_iids))
    return sub_fail(&f->sub, MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED);
  if (sub_gone(&f->sub)) return MSLogon_MAPI_E_INVALID_OBJECT;
  if (!f->write) return sub_fail(&f->sub, MSLogon_MAPI_E_NO_ACCESS);
  if (!(db = logon_mdb(f->sub.logon))) return sub_fail(&f->sub, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  if (!c_folder_exists(f->id)) return sub_fail(&f->sub, MSLogon_MAPI_E_NOT_FOUND);
  pthread_mutex_lock(&db->cs);
  id = db->next_id++;
  pthread_mutex_unlock(&db->cs);
  m = message_new(f->sub.logon, db, id, f->id, (ulFlags & MSLogon_MAPI_ASSOCIATED) != 0, 1);
  if (!m) return sub_fail(&f->sub, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  if ((hr = message_init_props(m)) < 0) {
    sub_unhold(&m->sub);
    return sub_fail(&f->sub, hr);
  }
  if ((hr = sub_register(&m->sub)) < 0) return sub_fail(&f->sub, hr);
  *lppMessage = (MSLogon_IMessage *)m;
  return MSLogon_S_OK;
}

PROP_UNSUPPORTED(FOLDER_UNSUPPORTED)
FOLDER_UNSUPPORTED(GetProps, struct MSLogon_SPropTagArray *lpPropTagArray, MSLogon_ULONG ulFlags,
                   MSLogon_ULONG *lpcValues, struct MSLogon_SPropValue **lppPropArray)
FOLDER_UNSUPPORTED(SetProps, MSLogon_ULONG cValues, struct MSLogon_SPropValue *lpPropArray,
                   struct MSLogon_SPropProblemArray **lppProblems)
FOLDER_UNSUPPORTED(GetContentsTable, MSLogon_ULONG ulFlags, struct MSLogon_IMAPITable **lppTable)
FOLDER_UNSUPPORTED(GetHierarchyTable, MSLogon_ULONG ulFlags, struct MSLogon_IMAPITable **lppTable)
FOLDER_UNSUPPORTED(SetSearchCriteria, void *lpRestriction, MSLogon_ENTRYLIST *lpContainerList,
                   MSLogon_ULONG ulSearchFlags)
FOLDER_UNSUPPORTED(GetSearchCriteria, MSLogon_ULONG ulFlags, void **lppRestriction,
                   MSLogon_ENTRYLIST **lppContainerList, MSLogon_ULONG *lpulSearchState)
FOLDER_UNSUPPORTED(CopyMessages, MSLogon_ENTRYLIST *lpMsgList, const MSLogon_IID *lpInterface,
                   void *lpDestFolder, MSLogon_ULONG_PTR ulUIParam, void *lpProgress,
                   MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(DeleteMessages, MSLogon_ENTRYLIST *lpMsgList, MSLogon_ULONG_PTR ulUIParam,
                   void *lpProgress, MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(CreateFolder, MSLogon_ULONG ulFolderType, void *lpszFolderName,
                   void *lpszFolderComment, const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                   struct MSLogon_IMAPIFolder **lppFolder)
FOLDER_UNSUPPORTED(CopyFolder, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID,
                   const MSLogon_IID *lpInterface, void *lpDestFolder, void *lpszNewFolderName,
                   MSLogon_ULONG_PTR ulUIParam, void *lpProgress, MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(DeleteFolder, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID,
                   MSLogon_ULONG_PTR ulUIParam, void *lpProgress, MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(SetReadFlags, MSLogon_ENTRYLIST *lpMsgList, MSLogon_ULONG_PTR ulUIParam,
                   void *lpProgress, MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(GetMessageStatus, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID,
                   MSLogon_ULONG ulFlags, MSLogon_ULONG *lpulMessageStatus)
FOLDER_UNSUPPORTED(SetMessageStatus, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID,
                   MSLogon_ULONG ulNewStatus, MSLogon_ULONG ulNewStatusMask,
                   MSLogon_ULONG *lpulOldStatus)
FOLDER_UNSUPPORTED(SaveContentsSort, struct MSLogon_SSortOrderSet *lpSortCriteria,
                   MSLogon_ULONG ulFlags)
FOLDER_UNSUPPORTED(EmptyFolder, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, MSLogon_ULONG ulFlags)

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static const MSLogon_IMAPIFolderVtbl c_folder_vtbl = {
    CFolder_QueryInterface,   CFolder_AddRef,           CFolder_Release,
    CFolder_GetLastError,     CFolder_SaveChanges,      CFolder_GetProps,
    CFolder_GetPropList,      CFolder_OpenProperty,     CFolder_SetProps,
    CFolder_DeleteProps,      CFolder_CopyTo,           CFolder_CopyProps,
    CFolder_GetNamesFromIDs,  CFolder_GetIDsFromNames,  CFolder_GetContentsTable,
    CFolder_GetHierarchyTable, CFolder_OpenEntry,       CFolder_SetSearchCriteria,
    CFolder_GetSearchCriteria, CFolder_CreateMessage,   CFolder_CopyMessages,
    CFolder_DeleteMessages,   CFolder_CreateFolder,     CFolder_CopyFolder,
    CFolder_DeleteFolder,     CFolder_SetReadFlags,     CFolder_GetMessageStatus,
    CFolder_SetMessageStatus, CFolder_SaveContentsSort, CFolder_EmptyFolder,
};

/* ---- IMsgStore: OpenEntry, GetReceiveFolder --------------------------------------- */

STDMETHOD_(MSLogon_HRESULT) CStore_OpenEntry(MSLogon_IMsgStore *This, MSLogon_ULONG cbEntryID,
                                             MSLogon_ENTRYID *lpEntryID,
                                             const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                                             MSLogon_ULONG *lpulObjType, MSLogon_IUnknown **lppUnk) {
  CStore *s = store_of(This);
  MSLogon_HRESULT hr;
  if (!s) {
    if (lpulObjType) *lpulObjType = 0;
    if (lppUnk) *lppUnk = NULL;
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  }
  hr = open_entry(s->logon, s, cbEntryID, lpEntryID, lpInterface, ulFlags, lpulObjType, lppUnk);
  return hr < 0 ? logon_fail(s->logon, hr) : hr;
}

/* GetReceiveFolder: the folder set for the longest prefix of the class (on
 * '.' boundaries, ignoring case) and the class it was set for. */
STDMETHOD_(MSLogon_HRESULT) CStore_GetReceiveFolder(MSLogon_IMsgStore *This,
                                                    void *lpszMessageClass, MSLogon_ULONG ulFlags,
                                                    MSLogon_ULONG *lpcbEntryID,
                                                    MSLogon_ENTRYID **lppEntryID,
                                                    void **lppszExplicitClass) {
  CStore *s = store_of(This);
  CLogon *l;
  CMdb *db;
  char cls[256];
  size_t len = 0, i, best = (size_t)-1, best_len = 0;
  int wide = (ulFlags & MSLogon_MAPI_UNICODE) != 0, live;
  void *eid = NULL, *explicit_cls = NULL;
  MSLogon_SCODE sc;
  if (lpcbEntryID) *lpcbEntryID = 0;
  if (lppEntryID) *lppEntryID = NULL;
  if (lppszExplicitClass) *lppszExplicitClass = NULL;
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  l = s->logon;
  if (!lpcbEntryID || !lppEntryID) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (ulFlags & ~MSLogon_MAPI_UNICODE) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  /* The class, lower-cased (at most 255 characters: longer ones match no
   * more than their first 255). */
  if (lpszMessageClass) {
    for (; len < sizeof cls - 1; len++) {
      unsigned c = wide ? ((const MSLogon_WCHAR *)lpszMessageClass)[len]
                        : ((const unsigned char *)lpszMessageClass)[len];
      if (!c) break;
      cls[len] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c < 0x80 ? c : '?');
    }
  }
  cls[len] = 0;
  pthread_mutex_lock(&l->cs);
  live = l->state == C_LIVE;
  pthread_mutex_unlock(&l->cs);
  if (!live) return logon_fail(l, MSLogon_MAPI_E_END_OF_SESSION);
  if (!(db = logon_mdb(l))) return logon_fail(l, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY);
  for (i = 0; i < sizeof c_receive_folders / sizeof c_receive_folders[0]; i++) {
    const char *c = c_receive_folders[i].cls;
    size_t n = strlen(c), k;
    for (k = 0; k < n && k < len && cls[k] == (c[k] >= 'A' && c[k] <= 'Z' ? c[k] + 32 : c[k]); k++) {
    }
    if (k == n && (n == 0 || len == n || cls[n] == '.') && (best == (size_t)-1 || n > best_len)) {
      best = i;
      best_len = n;
    }
  }
  if (best == (size_t)-1) return logon_fail(l, MSLogon_MAPI_E_NOT_FOUND);
  if (!l->alloc.allocate_buffer) return logon_fail(l, MSLogon_MAPI_E_NO_SUPPORT);
  if (lppszExplicitClass) {
    const char *c = c_receive_folders[best].cls;
    size_t n = strlen(c) + 1;
    if ((sc = l->alloc.allocate_buffer((MSLogon_ULONG)(wide ? 2 * n : n), &explicit_cls)) < 0)
      return logon_fail(l, sc);
    for (i = 0; i < n; i++) {
      if (wide) ((MSLogon_WCHAR *)explicit_cls)[i] = (unsigned char)c[i];
      else ((char *)explicit_cls)[i] = c[i];
    }
  }
  if ((sc = l->alloc.allocate_buffer(C_OBJECT_EID_LEN, &eid)) < 0) {
    if (explicit_cls) l->alloc.free_buffer(explicit_cls);
    return logon_fail(l, sc);
  }
  object_entry_id(db, C_KIND_FOLDER, c_receive_folders[best].folder, (MSLogon_BYTE *)eid);
  *lpcbEntryID = C_OBJECT_EID_LEN;
  *lppEntryID = (MSLogon_ENTRYID *)eid;
  if (lppszExplicitClass) *lppszExplicitClass = explicit_cls;
  return MSLogon_S_OK;
}

/* The store methods this reference does not implement: MAPI_E_NO_SUPPORT
 * while live, MAPI_E_END_OF_SESSION after Logoff. */
#define STORE_UNSUPPORTED(name, ...)                                                   \
  STDMETHOD_(MSLogon_HRESULT) CStore_##name(MSLogon_IMsgStore *This, __VA_ARGS__) {    \
    if (!This) return MSLogon_MAPI_E_INVALID_PARAMETER;                                \
    return logon_unsupported(store_of(This)->logon);                                   \
  }

STORE_UNSUPPORTED(SaveChanges, MSLogon_ULONG ulFlags)
STORE_UNSUPPORTED(GetProps, MSLogon_SPropTagArray *lpPropTagArray, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG *lpcValues, MSLogon_SPropValue **lppPropArray)
STORE_UNSUPPORTED(GetPropList, MSLogon_ULONG ulFlags, MSLogon_SPropTagArray **lppPropTagArray)
STORE_UNSUPPORTED(OpenProperty, MSLogon_ULONG ulPropTag, const MSLogon_IID *lpiid,
                  MSLogon_ULONG ulInterfaceOptions, MSLogon_ULONG ulFlags,
                  MSLogon_IUnknown **lppUnk)
STORE_UNSUPPORTED(SetProps, MSLogon_ULONG cValues, MSLogon_SPropValue *lpPropArray,
                  MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(DeleteProps, MSLogon_SPropTagArray *lpPropTagArray,
                  MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(CopyTo, MSLogon_ULONG ciidExclude, const MSLogon_IID *rgiidExclude,
                  MSLogon_SPropTagArray *lpExcludeProps, MSLogon_ULONG_PTR ulUIParam,
                  void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj,
                  MSLogon_ULONG ulFlags, MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(CopyProps, MSLogon_SPropTagArray *lpIncludeProps, MSLogon_ULONG_PTR ulUIParam,
                  void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj,
                  MSLogon_ULONG ulFlags, MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(GetNamesFromIDs, MSLogon_SPropTagArray **lppPropTags, MSLogon_GUID *lpPropSetGuid,
                  MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcPropNames,
                  struct MSLogon_MAPINAMEID ***lpppPropNames)
STORE_UNSUPPORTED(GetIDsFromNames, MSLogon_ULONG cPropNames, struct MSLogon_MAPINAMEID **lppPropNames,
                  MSLogon_ULONG ulFlags, MSLogon_SPropTagArray **lppPropTags)
STORE_UNSUPPORTED(Advise, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
                  MSLogon_ULONG ulEventMask, MSLogon_IMAPIAdviseSink *lpAdviseSink,
                  MSLogon_ULONG_PTR *lpulConnection)
STORE_UNSUPPORTED(Unadvise, MSLogon_ULONG_PTR ulConnection)
STORE_UNSUPPORTED(CompareEntryIDs, MSLogon_ULONG cbEntryID1, MSLogon_ENTRYID *lpEntryID1,
                  MSLogon_ULONG cbEntryID2, MSLogon_ENTRYID *lpEntryID2, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG *lpulResult)
STORE_UNSUPPORTED(SetReceiveFolder, void *lpszMessageClass, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID)
STORE_UNSUPPORTED(GetReceiveFolderTable, MSLogon_ULONG ulFlags, void **lppTable)
STORE_UNSUPPORTED(AbortSubmit, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
                  MSLogon_ULONG ulFlags)
STORE_UNSUPPORTED(GetOutgoingQueue, MSLogon_ULONG ulFlags, void **lppTable)
STORE_UNSUPPORTED(SetLockState, void *lpMessage, MSLogon_ULONG ulLockState)
STORE_UNSUPPORTED(FinishedMsg, MSLogon_ULONG ulFlags, MSLogon_ULONG cbEntryID,
                  MSLogon_ENTRYID *lpEntryID)
STORE_UNSUPPORTED(NotifyNewMail, void *lpNotification)

static const MSLogon_IMsgStoreVtbl c_store_vtbl = {
    CStore_QueryInterface,   CStore_AddRef,          CStore_Release,
    CStore_GetLastError,     CStore_SaveChanges,     CStore_GetProps,
    CStore_GetPropList,      CStore_OpenProperty,    CStore_SetProps,
    CStore_DeleteProps,      CStore_CopyTo,          CStore_CopyProps,
    CStore_GetNamesFromIDs,  CStore_GetIDsFromNames, CStore_Advise,
    CStore_Unadvise,         CStore_CompareEntryIDs, CStore_OpenEntry,
    CStore_SetReceiveFolder, CStore_GetReceiveFolder, CStore_GetReceiveFolderTable,
    CStore_StoreLogoff,      CStore_AbortSubmit,     CStore_GetOutgoingQueue,
    CStore_SetLockState,     CStore_FinishedMsg,     CStore_NotifyNewMail,
};

/* ---- IMSProvider --------------------------------------------------------- */

/* Logs off every listed logon, closes the list, releases the IMalloc; once. */
static void provider_shutdown_now(CProvider *p) {
  CLogon *list, *l, *next;
  MSLogon_IMalloc *malloc_iface;
  pthread_mutex_lock(&p->cs);
  if (p->shut_down) {
    pthread_mutex_unlock(&p->cs);
    return;
  }
  p->shut_down = 1;
  list = p->logons;
  p->logons = NULL;
  for (l = list; l; l = l->next) {
    l->listed = 0; /* a concurrent teardown no longer touches the chain */
    logon_hold(l);
  }
  malloc_iface = p->malloc;
  p->malloc = NULL;
  pthread_mutex_unlock(&p->cs);
  for (l = list; l; l = next) {
    next = l->next;
    logon_logoff_on_release(l);
    logon_unhold(l);
  }
  if (malloc_iface) malloc_iface->lpVtbl->Release(malloc_iface);
}

STDMETHOD_(MSLogon_HRESULT) CProvider_QueryInterface(MSLogon_IMSProvider *This,
                                                     const MSLogon_IID *riid, void **ppvObj) {
  CProvider *p = provider_of(This);
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!p || !riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &c_IID_IUnknown) && !iid_eq(riid, &c_IID_IMSProvider))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  INTERLOCKED_INC(&p->refs);
  *ppvObj = This;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_ULONG) CProvider_AddRef(MSLogon_IMSProvider *This) {
  CProvider *p = provider_of(This);
  if (!p) return 0;
  return INTERLOCKED_INC(&p->refs);
}

STDMETHOD_(MSLogon_ULONG) CProvider_Release(MSLogon_IMSProvider *This) {
  CProvider *p = provider_of(This);
  MSLogon_ULONG left;
  if (!p) return 0;
  left = INTERLOCKED_DEC(&p->refs);
  if (left) return left;
  provider_shutdown_now(p); /* released without Shutdown */
  provider_unhold(p);
  return 0;
}

STDMETHOD_(MSLogon_HRESULT) CProvider_Shutdown(MSLogon_IMSProvider *This, MSLogon_ULONG *lpulFlags) {
  CProvider *p = provider_of(This);
  if (!p || !lpulFlags) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (*lpulFlags) return MSLogon_MAPI_E_UNKNOWN_FLAGS;
  provider_shutdown_now(p);
  return MSLogon_S_OK;
}

/* The store number in one of this provider's entry IDs, or 0. */
static MSLogon_ULONG parse_store_entry_id(MSLogon_ULONG cb, const MSLogon_ENTRYID *eid) {
  const MSLogon_BYTE *b = (const MSLogon_BYTE *)eid;
  if (cb != 24 || b[0] || b[1] || b[2] || b[3] || memcmp(b + 4, c_provider_uid, 16) != 0) return 0;
  return (MSLogon_ULONG)b[20] | (MSLogon_ULONG)b[21] << 8 | (MSLogon_ULONG)b[22] << 16 |
         (MSLogon_ULONG)b[23] << 24;
}

static MSLogon_HRESULT provider_logon_failed(CProvider *p, MSLogon_HRESULT hr, MSLogon_ULONG ulFlags,
                                             MSLogon_MAPIERROR **lppMAPIError) {
  if (lppMAPIError)
    (void)c_mapierror(&p->alloc, c_error_text(hr), (ulFlags & MSLogon_MAPI_UNICODE) != 0,
                      lppMAPIError);
  return hr;
}

/* Logon and SpoolerLogon. */
static MSLogon_HRESULT provider_open_logon(CProvider *p, MSLogon_IMAPISupport *lpMAPISup,
                                           MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
                                           MSLogon_ULONG ulFlags, const MSLogon_IID *lpInterface,
                                           MSLogon_MAPIERROR **lppMAPIError,
                                           MSLogon_IMSLogon **lppMSLogon,
                                           MSLogon_IMsgStore **lppMDB) {
  MSLogon_ULONG number = C_DEFAULT_STORE;
  CLogon *l;
  CStore *s;
  int closed;
  /* Every out-pointer is cleared before any is checked. */
  if (lppMAPIError) *lppMAPIError = NULL;
  if (lppMSLogon) *lppMSLogon = NULL;
  if (lppMDB) *lppMDB = NULL;
  if (!lppMSLogon || !lppMDB) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if ((lpEntryID == NULL) != (cbEntryID == 0)) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (lpInterface && !iid_eq(lpInterface, &c_IID_IMsgStore))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  if (ulFlags & ~MSLogon_LOGON_FLAGS) return MSLogon_MAPI_E_UNKNOWN_FLAGS;
  if (!lpMAPISup) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (lpEntryID) {
    number = parse_store_entry_id(cbEntryID, lpEntryID);
    if (!number)
      return provider_logon_failed(p, MSLogon_MAPI_E_INVALID_ENTRYID, ulFlags, lppMAPIError);
  }
  if (number != C_DEFAULT_STORE)
    return provider_logon_failed(p, MSLogon_MAPI_E_LOGON_FAILED, ulFlags, lppMAPIError);
  if (!usable_support(lpMAPISup)) return MSLogon_MAPI_E_INVALID_PARAMETER;

  s = (CStore *)malloc(sizeof *s);
  if (!s) return provider_logon_failed(p, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY, ulFlags, lppMAPIError);
  l = logon_new(lpMAPISup, &p->alloc, number);
  if (!l) {
    free(s);
    return provider_logon_failed(p, MSLogon_MAPI_E_NOT_ENOUGH_MEMORY, ulFlags, lppMAPIError);
  }
  l->writable = (ulFlags & MSLogon_MDB_WRITE) != 0;
  s->iface.lpVtbl = &c_store_vtbl;
  s->refs = 1;
  s->logon = l;
  logon_hold(l); /* the store's */
  INTERLOCKED_INC(&p->holds);
  l->provider = p;

  pthread_mutex_lock(&p->cs);
  closed = p->shut_down;
  if (!closed) {
    l->next = p->logons;
    if (p->logons) p->logons->prev = l;
    p->logons = l;
    l->listed = 1;
  }
  pthread_mutex_unlock(&p->cs);
  if (closed) {
    /* Shut down meanwhile: undo (the releases tear the logon down). */
    CStore_Release(&s->iface);
    CLogon_Release(&l->iface);
    return provider_logon_failed(p, MSLogon_MAPI_E_END_OF_SESSION, ulFlags, lppMAPIError);
  }
  *lppMSLogon = &l->iface;
  *lppMDB = &s->iface;
  return MSLogon_S_OK;
}

STDMETHOD_(MSLogon_HRESULT) CProvider_Logon(
    MSLogon_IMSProvider *This, MSLogon_IMAPISupport *lpMAPISup, MSLogon_ULONG ulUIParam,
    void *lpszProfileName, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
    MSLogon_ULONG ulFlags, const MSLogon_IID *lpInterface, MSLogon_ULONG *lpcbSpoolSecurity,
    MSLogon_BYTE **lppbSpoolSecurity, MSLogon_MAPIERROR **lppMAPIError,
    MSLogon_IMSLogon **lppMSLogon, MSLogon_IMsgStore **lppMDB) {
  CProvider *p = provider_of(This);
  /* No spooler security data. */
  if (lpcbSpoolSecurity) *lpcbSpoolSecurity = 0;
  if (lppbSpoolSecurity) *lppbSpoolSecurity = NULL;
  if (!p) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return provider_open_logon(p, lpMAPISup, cbEntryID, lpEntryID, ulFlags, lpInterface,
                             lppMAPIError, lppMSLogon, lppMDB);
}

STDMETHOD_(MSLogon_HRESULT) CProvider_SpoolerLogon(
    MSLogon_IMSProvider *This, MSLogon_IMAPISupport *lpMAPISup, MSLogon_ULONG ulUIParam,
    void *lpszProfileName, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
    MSLogon_ULONG ulFlags, const MSLogon_IID *lpInterface, MSLogon_ULONG cbSpoolSecurity,
    MSLogon_BYTE *lpbSpoolSecurity, MSLogon_MAPIERROR **lppMAPIError,
    MSLogon_IMSLogon **lppMSLogon, MSLogon_IMsgStore **lppMDB) {
  CProvider *p = provider_of(This);
  if (!p) return MSLogon_MAPI_E_INVALID_PARAMETER;
  return provider_open_logon(p, lpMAPISup, cbEntryID, lpEntryID, ulFlags, lpInterface,
                             lppMAPIError, lppMSLogon, lppMDB);
}

STDMETHOD_(MSLogon_HRESULT) CProvider_CompareStoreIDs(MSLogon_IMSProvider *This,
                                                      MSLogon_ULONG cb1, MSLogon_ENTRYID *eid1,
                                                      MSLogon_ULONG cb2, MSLogon_ENTRYID *eid2,
                                                      MSLogon_ULONG ulFlags,
                                                      MSLogon_ULONG *lpulResult) {
  CProvider *p = provider_of(This);
  MSLogon_ULONG a, b;
  int shut_down;
  if (lpulResult) *lpulResult = 0;
  if (!p || !lpulResult || !eid1 || !cb1 || !eid2 || !cb2) return MSLogon_MAPI_E_INVALID_PARAMETER;
  pthread_mutex_lock(&p->cs);
  shut_down = p->shut_down;
  pthread_mutex_unlock(&p->cs);
  if (shut_down) return MSLogon_MAPI_E_END_OF_SESSION;
  a = parse_store_entry_id(cb1, eid1);
  b = parse_store_entry_id(cb2, eid2);
  if (!a || !b) return MSLogon_MAPI_E_INVALID_ENTRYID;
  *lpulResult = a == b;
  return MSLogon_S_OK;
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static const MSLogon_IMSProviderVtbl c_provider_vtbl = {
    CProvider_QueryInterface, CProvider_AddRef, CProvider_Release,       CProvider_Shutdown,
    CProvider_Logon,          CProvider_SpoolerLogon, CProvider_CompareStoreIDs,
};

MSLogon_HRESULT c_provider_init(void *hInstance, MSLogon_IMalloc *lpMalloc,
                                MSLogon_AllocateBufferFn lpAllocateBuffer,
                                MSLogon_AllocateMoreFn lpAllocateMore,
                                MSLogon_FreeBufferFn lpFreeBuffer, MSLogon_ULONG ulFlags,
                                MSLogon_ULONG ulMAPIVer, MSLogon_ULONG *lpulProviderVer,
                                MSLogon_IMSProvider **lppMSProvider) {
  CProvider *p;
  (void)hInstance;
  if (lppMSProvider) *lppMSProvider = NULL;
  if (lpulProviderVer) *lpulProviderVer = MSLogon_CURRENT_SPI_VERSION;
  if (!lppMSProvider || !lpulProviderVer) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!lpAllocateBuffer || !lpAllocateMore || !lpFreeBuffer) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (ulFlags & ~MSLogon_MAPI_NT_SERVICE) return MSLogon_MAPI_E_UNKNOWN_FLAGS;
  if (ulMAPIVer < MSLogon_CURRENT_SPI_VERSION) return MSLogon_MAPI_E_VERSION;
  p = (CProvider *)malloc(sizeof *p);
  if (!p) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  memset(p, 0, sizeof *p);
  p->iface.lpVtbl = &c_provider_vtbl;
  p->refs = 1;
  p->holds = 1;
  pthread_mutex_init(&p->cs, NULL);
  p->alloc.allocate_buffer = lpAllocateBuffer;
  p->alloc.allocate_more = lpAllocateMore;
  p->alloc.free_buffer = lpFreeBuffer;
  /* The IMalloc is optional; kept (AddRef'd) until Shutdown. */
  if (lpMalloc && lpMalloc->lpVtbl && lpMalloc->lpVtbl->AddRef && lpMalloc->lpVtbl->Release) {
    lpMalloc->lpVtbl->AddRef(lpMalloc);
    p->malloc = lpMalloc;
  }
  *lppMSProvider = &p->iface;
  return MSLogon_S_OK;
}
