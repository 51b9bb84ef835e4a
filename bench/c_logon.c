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
 *
 * Each object has its COM reference count (`refs`, AddRef/Release) and a
 * count of internal holds on its memory (`holds`: one for all the COM
 * references together, one per object or call in progress that needs the
 * memory). MAPI may release the logon (and the store) from inside the
 * support object's Release that Logoff makes, so Logoff holds the logon
 * across the teardown; that is what the Rust library's pins do too.
 */
#include "c_logon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

enum { C_LIVE = 0, C_LOGGED_OFF = 1 };

typedef struct CLogon {
  MSLogon_IMSLogon iface; /* first: &l->iface is the interface pointer */
  MSLogon_ULONG refs;     /* COM references (interlocked) */
  MSLogon_ULONG holds;    /* holds on the memory (interlocked) */
  pthread_mutex_t cs;     /* guards the four fields below */
  int state;
  MSLogon_IMAPISupport *support; /* one reference while live */
  CSink *sinks;                  /* advise sinks (none: Advise is not implemented) */
  MSLogon_HRESULT last_hr;       /* the last failure, for GetLastError */
  CAllocators alloc;             /* read-only after creation; NULL fns: none */
  MSLogon_ULONG store_number;    /* read-only */
  MSLogon_ULONG store_logoff_flags;
  CProvider *provider;           /* NULL for a lone logon; held */
  struct CLogon *next, *prev;    /* the provider's list, under provider->cs */
  int listed;                    /* under provider->cs */
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
};

static CLogon *logon_of(MSLogon_IMSLogon *This) { return (CLogon *)This; }
static CStore *store_of(MSLogon_IMsgStore *This) { return (CStore *)This; }
static CProvider *provider_of(MSLogon_IMSProvider *This) { return (CProvider *)This; }

static void provider_unhold(CProvider *p) {
  if (INTERLOCKED_DEC(&p->holds) == 0) {
    pthread_mutex_destroy(&p->cs);
    free(p);
  }
}

static void logon_hold(CLogon *l) { INTERLOCKED_INC(&l->holds); }

static void logon_unhold(CLogon *l) {
  if (INTERLOCKED_DEC(&l->holds) == 0) {
    CProvider *p = l->provider;
    pthread_mutex_destroy(&l->cs);
    free(l);
    if (p) provider_unhold(p);
  }
}

/* Remembers a failure for GetLastError; returns it. */
static MSLogon_HRESULT logon_fail(CLogon *l, MSLogon_HRESULT hr) {
  pthread_mutex_lock(&l->cs);
  l->last_hr = hr;
  pthread_mutex_unlock(&l->cs);
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

/* Claims the one teardown: for exactly one caller, returns 1 with what the
 * logon holds of the host, taken out of the object under the lock. */
static int logon_begin_logoff(CLogon *l, MSLogon_IMAPISupport **support, CSink **sinks) {
  pthread_mutex_lock(&l->cs);
  if (l->state != C_LIVE) {
    pthread_mutex_unlock(&l->cs);
    return 0;
  }
  l->state = C_LOGGED_OFF;
  *support = l->support;
  l->support = NULL;
  *sinks = l->sinks;
  l->sinks = NULL;
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

/* Releases what the logon held, leaves the provider's list, and releases
 * the support object last, with no lock held (MAPI may call back into
 * Logoff and Release from inside it). */
static void logon_teardown(CLogon *l, MSLogon_IMAPISupport *support, CSink *sinks) {
  while (sinks) {
    CSink *next = sinks->next;
    sinks->sink->lpVtbl->Release(sinks->sink);
    free(sinks);
    sinks = next;
  }
  provider_remove(l);
  if (support) support->lpVtbl->Release(support);
}

/* The last Release (or Shutdown) of a logon that is still live. */
static void logon_logoff_on_release(CLogon *l) {
  MSLogon_IMAPISupport *support;
  CSink *sinks;
  if (logon_begin_logoff(l, &support, &sinks)) logon_teardown(l, support, sinks);
}

/* GetLastError of the logon and of its store. */
static MSLogon_HRESULT logon_last_error(CLogon *l, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags,
                                        MSLogon_MAPIERROR **lppMAPIError) {
  MSLogon_HRESULT last;
  if (!lppMAPIError) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  *lppMAPIError = NULL;
  if (ulFlags & ~MSLogon_MAPI_UNICODE) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  pthread_mutex_lock(&l->cs);
  last = l->last_hr;
  pthread_mutex_unlock(&l->cs);
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
  MSLogon_IMAPISupport *support;
  CSink *sinks;
  if (!l) return MSLogon_MAPI_E_INVALID_PARAMETER;
  /* Argument errors first; neither changes anything. */
  if (!lpulFlags) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (*lpulFlags) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  /* Logged off already, or being logged off (another thread, or MAPI
   * re-entering from the support object's Release): S_OK, nothing done. */
  if (!logon_begin_logoff(l, &support, &sinks)) return MSLogon_S_OK;
  /* MAPI may drop its last reference to this logon inside the support
   * object's Release: keep the memory until we return. */
  logon_hold(l);
  logon_teardown(l, support, sinks);
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
  MSLogon_IMAPISupport *support;
  CSink *sinks;
  CLogon *l;
  if (!s) return 0;
  left = INTERLOCKED_DEC(&s->refs);
  if (left) return left;
  l = s->logon;
  /* Released without StoreLogoff: LOGOFF_ABORT, then the teardown. */
  if (logon_begin_logoff(l, &support, &sinks)) {
    store_logoff_transports(l, support, MSLogon_LOGOFF_ABORT);
    logon_teardown(l, support, sinks);
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
  MSLogon_IMAPISupport *support;
  CSink *sinks;
  CLogon *l;
  if (!s) return MSLogon_MAPI_E_INVALID_PARAMETER;
  l = s->logon;
  if (!lpulFlags) return logon_fail(l, MSLogon_MAPI_E_INVALID_PARAMETER);
  if (*lpulFlags & ~C_STORE_LOGOFF_FLAGS) return logon_fail(l, MSLogon_MAPI_E_UNKNOWN_FLAGS);
  if (!logon_begin_logoff(l, &support, &sinks))
    return logon_fail(l, MSLogon_MAPI_E_END_OF_SESSION);
  /* MAPI may release this store (and the logon) from inside the support
   * object's Release: keep both until we return. */
  CStore_AddRef(This);
  store_logoff_transports(l, support, *lpulFlags);
  logon_teardown(l, support, sinks);
  *lpulFlags = MSLogon_LOGOFF_COMPLETE;
  CStore_Release(This);
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
                  MSLogon_SPropTagArray *lpExcludeProps, MSLogon_ULONG ulUIParam,
                  void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj,
                  MSLogon_ULONG ulFlags, MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(CopyProps, MSLogon_SPropTagArray *lpIncludeProps, MSLogon_ULONG ulUIParam,
                  void *lpProgress, const MSLogon_IID *lpInterface, void *lpDestObj,
                  MSLogon_ULONG ulFlags, MSLogon_SPropProblemArray **lppProblems)
STORE_UNSUPPORTED(GetNamesFromIDs, MSLogon_SPropTagArray **lppPropTags, MSLogon_GUID *lpPropSetGuid,
                  MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcPropNames, void ***lpppPropNames)
STORE_UNSUPPORTED(GetIDsFromNames, MSLogon_ULONG cPropNames, void **lppPropNames,
                  MSLogon_ULONG ulFlags, MSLogon_SPropTagArray **lppPropTags)
STORE_UNSUPPORTED(Advise, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
                  MSLogon_ULONG ulEventMask, MSLogon_IMAPIAdviseSink *lpAdviseSink,
                  MSLogon_ULONG_PTR *lpulConnection)
STORE_UNSUPPORTED(Unadvise, MSLogon_ULONG_PTR ulConnection)
STORE_UNSUPPORTED(CompareEntryIDs, MSLogon_ULONG cbEntryID1, MSLogon_ENTRYID *lpEntryID1,
                  MSLogon_ULONG cbEntryID2, MSLogon_ENTRYID *lpEntryID2, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG *lpulResult)
STORE_UNSUPPORTED(OpenEntry, MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID,
                  const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG *lpulObjType, MSLogon_IUnknown **lppUnk)
STORE_UNSUPPORTED(SetReceiveFolder, void *lpszMessageClass, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG cbEntryID, MSLogon_ENTRYID *lpEntryID)
STORE_UNSUPPORTED(GetReceiveFolder, void *lpszMessageClass, MSLogon_ULONG ulFlags,
                  MSLogon_ULONG *lpcbEntryID, MSLogon_ENTRYID **lppEntryID,
                  void **lppszExplicitClass)
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
