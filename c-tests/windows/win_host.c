/*
 * win_host.c: the Windows host side of the lifecycle tests (see win_host.h).
 * C11, genuine MinGW-w64 <windows.h> / <mapispi.h>; nothing of mslogon.
 */
#include "win_host.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The MAPI IIDs the tests use, defined here once (mapiguid.h, INITGUID). */
#define USES_IID_IMAPIAdviseSink
#define USES_IID_IMAPIProp
#define USES_IID_IMAPIStatus
#define USES_IID_IMsgStore
#define USES_IID_IMAPISup
#define USES_IID_IMSProvider
#define USES_IID_IMSLogon
#define USES_IID_IMAPITable
#define USES_IID_IMessage
#define USES_IID_IAttachment
#define USES_IID_IMAPIContainer
#define USES_IID_IMAPIFolder
#include <initguid.h>
#include <mapiguid.h>

const IID host_IID_IUnknown = {0x00000000, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const IID host_IID_IStorage = {0x0000000B, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const IID host_IID_IStream = {0x0000000C, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

/* The C vtables are mapispi.h's / mapidefs.h's / objidl.h's own structs. */
_Static_assert(sizeof(IMAPISupportVtbl) == 44 * sizeof(void *), "IMAPISupport has 44 slots");
_Static_assert(offsetof(IMAPISupportVtbl, StoreLogoffTransports) == 38 * sizeof(void *),
               "StoreLogoffTransports is slot 38");
_Static_assert(sizeof(IMAPIAdviseSinkVtbl) == 4 * sizeof(void *), "IMAPIAdviseSink: 4 slots");
_Static_assert(sizeof(IMallocVtbl) == 9 * sizeof(void *), "IMalloc: 9 slots");
_Static_assert(offsetof(IMSLogonVtbl, Logoff) == 4 * sizeof(void *), "IMSLogon::Logoff slot 4");
_Static_assert(offsetof(IMsgStoreVtbl, StoreLogoff) == 21 * sizeof(void *),
               "IMsgStore::StoreLogoff slot 21");

static int iid_eq(const IID *a, const IID *b) { return memcmp(a, b, sizeof *a) == 0; }

ULONG host_tick(void) {
  static volatile LONG ticks;
  return (ULONG)InterlockedIncrement(&ticks);
}

/* ---- the provider DLL ------------------------------------------------- */

LPMSPROVIDERINIT host_load_provider(const char *dll, HMODULE *module) {
  HMODULE h = LoadLibraryA(dll);
  FARPROC proc;
  *module = h;
  CHECK(h != NULL);
  if (!h) {
    fprintf(stderr, "LoadLibraryA(\"%s\") failed: error %lu\n", dll,
            (unsigned long)GetLastError());
    return NULL;
  }
  proc = GetProcAddress(h, "MSProviderInit");
  CHECK(proc != NULL);
  /* Through void (*)(void): the one function-pointer type a cast from
   * FARPROC does not warn about. */
  return (LPMSPROVIDERINIT)(void (*)(void))proc;
}

/* ---- MAPI allocators --------------------------------------------------- */

/* Every buffer carries a header; buffers from AllocateMore are chained to
 * their parent and freed with it, as MAPIFreeBuffer does. */
typedef union BufferHeader {
  struct {
    ULONG magic;
    ULONG is_more;
    union BufferHeader *more; /* next buffer chained to the same parent */
  } h;
  char align[16]; /* keeps the payload 16-byte aligned, as malloc's */
} BufferHeader;

#define BUFFER_MAGIC 0x4D41504Ful
static volatile LONG live_buffers;
static volatile LONG allocations;
static volatile LONG more_allocations;

static void *new_buffer(ULONG cb, ULONG is_more) {
  BufferHeader *h = (BufferHeader *)malloc(sizeof(BufferHeader) + (cb ? cb : 1));
  if (!h) return NULL;
  h->h.magic = BUFFER_MAGIC;
  h->h.is_more = is_more;
  h->h.more = NULL;
  InterlockedIncrement(&live_buffers);
  return h + 1;
}

SCODE WINAPI host_allocate_buffer(ULONG cbSize, LPVOID *lppBuffer) {
  if (!lppBuffer) return MAPI_E_INVALID_PARAMETER;
  InterlockedIncrement(&allocations);
  *lppBuffer = new_buffer(cbSize, 0);
  return *lppBuffer ? S_OK : MAPI_E_NOT_ENOUGH_MEMORY;
}

SCODE WINAPI host_allocate_more(ULONG cbSize, LPVOID lpObject, LPVOID *lppBuffer) {
  BufferHeader *p;
  BufferHeader *h;
  if (!lppBuffer || !lpObject) return MAPI_E_INVALID_PARAMETER;
  p = (BufferHeader *)lpObject - 1;
  /* lpObject must be a live buffer from MAPIAllocateBuffer itself. */
  CHECK(p->h.magic == BUFFER_MAGIC && !p->h.is_more);
  if (p->h.magic != BUFFER_MAGIC || p->h.is_more) return MAPI_E_INVALID_PARAMETER;
  InterlockedIncrement(&more_allocations);
  *lppBuffer = new_buffer(cbSize, 1);
  if (!*lppBuffer) return MAPI_E_NOT_ENOUGH_MEMORY;
  h = (BufferHeader *)*lppBuffer - 1;
  h->h.more = p->h.more;
  p->h.more = h;
  return S_OK;
}

ULONG WINAPI host_free_buffer(LPVOID lpBuffer) {
  BufferHeader *h;
  if (!lpBuffer) return 0;
  h = (BufferHeader *)lpBuffer - 1;
  /* Only a MAPIAllocateBuffer buffer may be freed, and only once. */
  CHECK(h->h.magic == BUFFER_MAGIC && !h->h.is_more);
  if (h->h.magic != BUFFER_MAGIC || h->h.is_more) return 0;
  while (h) {
    BufferHeader *next = h->h.more;
    h->h.magic = 0;
    free(h);
    InterlockedDecrement(&live_buffers);
    h = next;
  }
  return 0;
}

LONG host_live_buffers(void) { return InterlockedCompareExchange(&live_buffers, 0, 0); }
LONG host_allocations(void) { return InterlockedCompareExchange(&allocations, 0, 0); }
LONG host_more_allocations(void) { return InterlockedCompareExchange(&more_allocations, 0, 0); }

/* ---- IMAPISupport ------------------------------------------------------ */

static HostSupport *support_of(IMAPISupport *This) {
  return (HostSupport *)((char *)This - offsetof(HostSupport, iface));
}

static ULONG STDMETHODCALLTYPE support_AddRef(IMAPISupport *This) {
  HostSupport *s = support_of(This);
  InterlockedIncrement(&s->add_refs);
  return (ULONG)InterlockedIncrement(&s->refs);
}

static ULONG STDMETHODCALLTYPE support_Release(IMAPISupport *This) {
  HostSupport *s = support_of(This);
  IMSLogon *logon;
  LONG left = InterlockedDecrement(&s->refs);
  InterlockedIncrement(&s->releases);
  s->last_release_tick = host_tick();
  CHECK(left >= 0); /* a provider must never over-release the support object */
  logon = (IMSLogon *)InterlockedExchangePointer((PVOID volatile *)&s->reenter_logon, NULL);
  if (logon) {
    /* What MAPI does while the provider releases its support object. */
    ULONG flags = 0;
    InterlockedIncrement(&s->reentries);
    s->reenter_hr = logon->lpVtbl->Logoff(logon, &flags);
    s->reenter_flags_after = flags;
    if (s->reenter_release) logon->lpVtbl->Release(logon);
  }
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE support_QueryInterface(IMAPISupport *This, REFIID riid,
                                                        LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &IID_IMAPISup))
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  support_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE support_GetMemAllocRoutines(IMAPISupport *This,
                                                             LPALLOCATEBUFFER *lpAllocateBuffer,
                                                             LPALLOCATEMORE *lpAllocateMore,
                                                             LPFREEBUFFER *lpFreeBuffer) {
  (void)This;
  if (!lpAllocateBuffer || !lpAllocateMore || !lpFreeBuffer) return MAPI_E_INVALID_PARAMETER;
  *lpAllocateBuffer = host_allocate_buffer;
  *lpAllocateMore = host_allocate_more;
  *lpFreeBuffer = host_free_buffer;
  return S_OK;
}

static HRESULT STDMETHODCALLTYPE support_StoreLogoffTransports(IMAPISupport *This,
                                                               ULONG *lpulFlags) {
  HostSupport *s = support_of(This);
  if (!lpulFlags) return MAPI_E_INVALID_PARAMETER;
  InterlockedIncrement(&s->store_logoff_transports);
  s->last_store_logoff_flags = *lpulFlags;
  return S_OK;
}

/* The test's profile, when it set one (win_test_service.c); else no
 * support, as a host without profiles. */
static HRESULT STDMETHODCALLTYPE support_OpenProfileSection(IMAPISupport *This, LPMAPIUID lpUid,
                                                            ULONG ulFlags,
                                                            LPPROFSECT *lppProfileObj) {
  HostSupport *s = support_of(This);
  if (!s->open_profile_section) {
    InterlockedIncrement(&s->unsupported_calls);
    return MAPI_E_NO_SUPPORT;
  }
  return s->open_profile_section(s->profile_context, lpUid, ulFlags, lppProfileObj);
}

/* The slots a store provider does not use here: counted, MAPI_E_NO_SUPPORT.
 * Each signature is mapispi.h's (the initializer below type-checks it). */
static HRESULT no_support(IMAPISupport *This) {
  InterlockedIncrement(&support_of(This)->unsupported_calls);
  return MAPI_E_NO_SUPPORT;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

static HRESULT STDMETHODCALLTYPE nosup_GetLastError(IMAPISupport *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Subscribe(IMAPISupport *This, LPNOTIFKEY lpKey, ULONG ulEventMask, ULONG ulFlags, LPMAPIADVISESINK lpAdviseSink, ULONG *lpulConnection)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Unsubscribe(IMAPISupport *This, ULONG ulConnection)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Notify(IMAPISupport *This, LPNOTIFKEY lpKey, ULONG cNotification, LPNOTIFICATION lpNotifications, ULONG *lpulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ModifyStatusRow(IMAPISupport *This, ULONG cValues, LPSPropValue lpColumnVals, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_RegisterPreprocessor(IMAPISupport *This, LPMAPIUID lpMuid, LPTSTR lpszAdrType, LPTSTR lpszDLLName, LPSTR lpszPreprocess, LPSTR lpszRemovePreprocessInfo, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_NewUID(IMAPISupport *This, LPMAPIUID lpMuid)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_MakeInvalid(IMAPISupport *This, ULONG ulFlags, LPVOID lpObject, ULONG ulRefCount, ULONG cMethods)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SpoolerYield(IMAPISupport *This, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SpoolerNotify(IMAPISupport *This, ULONG ulFlags, LPVOID lpvData)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CreateOneOff(IMAPISupport *This, LPTSTR lpszName, LPTSTR lpszAdrType, LPTSTR lpszAddress, ULONG ulFlags, ULONG *lpcbEntryID, LPENTRYID *lppEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_SetProviderUID(IMAPISupport *This, LPMAPIUID lpProviderID, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CompareEntryIDs(IMAPISupport *This, ULONG cbEntry1, LPENTRYID lpEntry1, ULONG cbEntry2, LPENTRYID lpEntry2, ULONG ulCompareFlags, ULONG *lpulResult)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenTemplateID(IMAPISupport *This, ULONG cbTemplateID, LPENTRYID lpTemplateID, ULONG ulTemplateFlags, LPMAPIPROP lpMAPIPropData, LPCIID lpInterface, LPMAPIPROP *lppMAPIPropNew, LPMAPIPROP lpMAPIPropSibling)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenEntry(IMAPISupport *This, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpInterface, ULONG ulOpenFlags, ULONG *lpulObjType, LPUNKNOWN *lppUnk)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_GetOneOffTable(IMAPISupport *This, ULONG ulFlags, LPMAPITABLE *lppTable)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Address(IMAPISupport *This, ULONG *lpulUIParam, LPADRPARM lpAdrParms, LPADRLIST *lppAdrList)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Details(IMAPISupport *This, ULONG *lpulUIParam, LPFNDISMISS lpfnDismiss, LPVOID lpvDismissContext, ULONG cbEntryID, LPENTRYID lpEntryID, LPFNBUTTON lpfButtonCallback, LPVOID lpvButtonContext, LPTSTR lpszButtonText, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_NewEntry(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, ULONG cbEIDContainer, LPENTRYID lpEIDContainer, ULONG cbEIDNewEntryTpl, LPENTRYID lpEIDNewEntryTpl, ULONG *lpcbEIDNewEntry, LPENTRYID *lppEIDNewEntry)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoConfigPropsheet(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, LPTSTR lpszTitle, LPMAPITABLE lpDisplayTable, LPMAPIPROP lpCOnfigData, ULONG ulTopPage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CopyMessages(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcFolder, LPENTRYLIST lpMsgList, LPCIID lpDestInterface, LPVOID lpDestFolder, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CopyFolder(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcFolder, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpDestInterface, LPVOID lpDestFolder, LPTSTR lszNewFolderName, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoCopyTo(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcObj, ULONG ciidExclude, LPCIID rgiidExclude, LPSPropTagArray lpExcludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpDestInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoCopyProps(IMAPISupport *This, LPCIID lpSrcInterface, LPVOID lpSrcObj, LPSPropTagArray lpIncludeProps, ULONG ulUIParam, LPMAPIPROGRESS lpProgress, LPCIID lpDestInterface, LPVOID lpDestObj, ULONG ulFlags, LPSPropProblemArray *lppProblems)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoProgressDialog(IMAPISupport *This, ULONG ulUIParam, ULONG ulFlags, LPMAPIPROGRESS *lppProgress)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ReadReceipt(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpReadMessage, LPMESSAGE *lppEmptyMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_PrepareSubmit(IMAPISupport *This, LPMESSAGE lpMessage, ULONG *lpulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ExpandRecips(IMAPISupport *This, LPMESSAGE lpMessage, ULONG *lpulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_UpdatePAB(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_DoSentMail(IMAPISupport *This, ULONG ulFlags, LPMESSAGE lpMessage)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_OpenAddressBook(IMAPISupport *This, LPCIID lpInterface, ULONG ulFlags, LPADRBOOK *lppAdrBook)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_Preprocess(IMAPISupport *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_CompleteMsg(IMAPISupport *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_StatusRecips(IMAPISupport *This, LPMESSAGE lpMessage, LPADRLIST lpRecipList)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_WrapStoreEntryID(IMAPISupport *This, ULONG cbOrigEntry, LPENTRYID lpOrigEntry, ULONG *lpcbWrappedEntry, LPENTRYID *lppWrappedEntry)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_ModifyProfile(IMAPISupport *This, ULONG ulFlags)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_IStorageFromStream(IMAPISupport *This, LPUNKNOWN lpUnkIn, LPCIID lpInterface, ULONG ulFlags, LPSTORAGE *lppStorageOut)
{ return no_support(This); }
static HRESULT STDMETHODCALLTYPE nosup_GetSvcConfigSupportObj(IMAPISupport *This, ULONG ulFlags, LPMAPISUP *lppSvcSupport)
{ return no_support(This); }

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* All 44 slots, in mapispi.h's order (designated: the compiler checks each
 * name and type; the _Static_asserts above check the count). Not const:
 * MinGW's C interfaces declare a non-const lpVtbl. */
static IMAPISupportVtbl support_vtbl = {
    /*  0 */ .QueryInterface = support_QueryInterface,
    /*  1 */ .AddRef = support_AddRef,
    /*  2 */ .Release = support_Release,
    /*  3 */ .GetLastError = nosup_GetLastError,
    /*  4 */ .GetMemAllocRoutines = support_GetMemAllocRoutines,
    /*  5 */ .Subscribe = nosup_Subscribe,
    /*  6 */ .Unsubscribe = nosup_Unsubscribe,
    /*  7 */ .Notify = nosup_Notify,
    /*  8 */ .ModifyStatusRow = nosup_ModifyStatusRow,
    /*  9 */ .OpenProfileSection = support_OpenProfileSection,
    /* 10 */ .RegisterPreprocessor = nosup_RegisterPreprocessor,
    /* 11 */ .NewUID = nosup_NewUID,
    /* 12 */ .MakeInvalid = nosup_MakeInvalid,
    /* 13 */ .SpoolerYield = nosup_SpoolerYield,
    /* 14 */ .SpoolerNotify = nosup_SpoolerNotify,
    /* 15 */ .CreateOneOff = nosup_CreateOneOff,
    /* 16 */ .SetProviderUID = nosup_SetProviderUID,
    /* 17 */ .CompareEntryIDs = nosup_CompareEntryIDs,
    /* 18 */ .OpenTemplateID = nosup_OpenTemplateID,
    /* 19 */ .OpenEntry = nosup_OpenEntry,
    /* 20 */ .GetOneOffTable = nosup_GetOneOffTable,
    /* 21 */ .Address = nosup_Address,
    /* 22 */ .Details = nosup_Details,
    /* 23 */ .NewEntry = nosup_NewEntry,
    /* 24 */ .DoConfigPropsheet = nosup_DoConfigPropsheet,
    /* 25 */ .CopyMessages = nosup_CopyMessages,
    /* 26 */ .CopyFolder = nosup_CopyFolder,
    /* 27 */ .DoCopyTo = nosup_DoCopyTo,
    /* 28 */ .DoCopyProps = nosup_DoCopyProps,
    /* 29 */ .DoProgressDialog = nosup_DoProgressDialog,
    /* 30 */ .ReadReceipt = nosup_ReadReceipt,
    /* 31 */ .PrepareSubmit = nosup_PrepareSubmit,
    /* 32 */ .ExpandRecips = nosup_ExpandRecips,
    /* 33 */ .UpdatePAB = nosup_UpdatePAB,
    /* 34 */ .DoSentMail = nosup_DoSentMail,
    /* 35 */ .OpenAddressBook = nosup_OpenAddressBook,
    /* 36 */ .Preprocess = nosup_Preprocess,
    /* 37 */ .CompleteMsg = nosup_CompleteMsg,
    /* 38 */ .StoreLogoffTransports = support_StoreLogoffTransports,
    /* 39 */ .StatusRecips = nosup_StatusRecips,
    /* 40 */ .WrapStoreEntryID = nosup_WrapStoreEntryID,
    /* 41 */ .ModifyProfile = nosup_ModifyProfile,
    /* 42 */ .IStorageFromStream = nosup_IStorageFromStream,
    /* 43 */ .GetSvcConfigSupportObj = nosup_GetSvcConfigSupportObj,
};

void host_support_init(HostSupport *s) {
  memset(s, 0, sizeof *s);
  s->iface.lpVtbl = &support_vtbl;
  s->refs = 1;
}

IMAPISupport *host_support_iface(HostSupport *s) { return &s->iface; }

/* ---- IMAPIAdviseSink --------------------------------------------------- */

static HostSink *sink_of(IMAPIAdviseSink *This) {
  return (HostSink *)((char *)This - offsetof(HostSink, iface));
}

static ULONG STDMETHODCALLTYPE sink_AddRef(IMAPIAdviseSink *This) {
  HostSink *k = sink_of(This);
  InterlockedIncrement(&k->add_refs);
  return (ULONG)InterlockedIncrement(&k->refs);
}

static ULONG STDMETHODCALLTYPE sink_Release(IMAPIAdviseSink *This) {
  HostSink *k = sink_of(This);
  LONG left = InterlockedDecrement(&k->refs);
  InterlockedIncrement(&k->releases);
  k->last_release_tick = host_tick();
  CHECK(left >= 0);
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE sink_QueryInterface(IMAPIAdviseSink *This, REFIID riid,
                                                     LPVOID *ppvObj) {
  if (!ppvObj) return MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &IID_IMAPIAdviseSink))
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
  sink_AddRef(This);
  *ppvObj = This;
  return S_OK;
}

static ULONG STDMETHODCALLTYPE sink_OnNotify(IMAPIAdviseSink *This, ULONG cNotif,
                                             LPNOTIFICATION lpNotifications) {
  (void)lpNotifications;
  InterlockedExchangeAdd(&sink_of(This)->notifications, (LONG)cNotif);
  return 0;
}

static IMAPIAdviseSinkVtbl sink_vtbl = {
    .QueryInterface = sink_QueryInterface,
    .AddRef = sink_AddRef,
    .Release = sink_Release,
    .OnNotify = sink_OnNotify,
};

void host_sink_init(HostSink *k) {
  memset(k, 0, sizeof *k);
  k->iface.lpVtbl = &sink_vtbl;
  k->refs = 1;
}

IMAPIAdviseSink *host_sink_iface(HostSink *k) { return &k->iface; }

/* ---- IMalloc ------------------------------------------------------------ */

static HostMalloc *malloc_of(IMalloc *This) {
  return (HostMalloc *)((char *)This - offsetof(HostMalloc, iface));
}

static ULONG STDMETHODCALLTYPE malloc_AddRef(IMalloc *This) {
  HostMalloc *m = malloc_of(This);
  InterlockedIncrement(&m->add_refs);
  return (ULONG)InterlockedIncrement(&m->refs);
}

static ULONG STDMETHODCALLTYPE malloc_Release(IMalloc *This) {
  HostMalloc *m = malloc_of(This);
  LONG left = InterlockedDecrement(&m->refs);
  InterlockedIncrement(&m->releases);
  CHECK(left >= 0);
  return (ULONG)(left < 0 ? 0 : left);
}

static HRESULT STDMETHODCALLTYPE malloc_QueryInterface(IMalloc *This, REFIID riid,
                                                       void **ppvObject) {
  if (!ppvObject) return E_POINTER;
  *ppvObject = NULL;
  if (!riid || !iid_eq(riid, &host_IID_IUnknown)) return E_NOINTERFACE;
  malloc_AddRef(This);
  *ppvObject = This;
  return S_OK;
}

static void *STDMETHODCALLTYPE malloc_Alloc(IMalloc *This, SIZE_T cb) {
  (void)This;
  return malloc(cb ? cb : 1);
}

static void *STDMETHODCALLTYPE malloc_Realloc(IMalloc *This, void *pv, SIZE_T cb) {
  (void)This;
  return realloc(pv, cb ? cb : 1);
}

static void STDMETHODCALLTYPE malloc_Free(IMalloc *This, void *pv) {
  (void)This;
  free(pv);
}

static SIZE_T STDMETHODCALLTYPE malloc_GetSize(IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return (SIZE_T)-1; /* unknown, as IMalloc allows */
}

static int STDMETHODCALLTYPE malloc_DidAlloc(IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return -1; /* cannot tell */
}

static void STDMETHODCALLTYPE malloc_HeapMinimize(IMalloc *This) { (void)This; }

static IMallocVtbl malloc_vtbl = {
    .QueryInterface = malloc_QueryInterface,
    .AddRef = malloc_AddRef,
    .Release = malloc_Release,
    .Alloc = malloc_Alloc,
    .Realloc = malloc_Realloc,
    .Free = malloc_Free,
    .GetSize = malloc_GetSize,
    .DidAlloc = malloc_DidAlloc,
    .HeapMinimize = malloc_HeapMinimize,
};

void host_malloc_init(HostMalloc *m) {
  memset(m, 0, sizeof *m);
  m->iface.lpVtbl = &malloc_vtbl;
  m->refs = 1;
}

IMalloc *host_malloc_iface(HostMalloc *m) { return &m->iface; }

/* ---- MAPI data ---------------------------------------------------------- */

void host_store_entry_id(BYTE eid[24], ULONG number) {
  static const char uid[16] = {'m', 's', 'l', 'o', 'g', 'o', 'n', '\0',
                               'r', 'e', 'f', 's', 't', 'o', 'r', 'e'};
  int i;
  memset(eid, 0, 4);
  memcpy(eid + 4, uid, sizeof uid);
  for (i = 0; i < 4; i++) eid[20 + i] = (BYTE)(number >> (8 * i));
}

/* Narrows a NUL-terminated string (8-bit, or WCHAR holding ASCII). */
static void narrow(const void *s, int wide, char *out, size_t cap) {
  size_t i = 0;
  if (!s) {
    snprintf(out, cap, "(null)");
    return;
  }
  for (; i + 1 < cap; i++) {
    unsigned c = wide ? ((const WCHAR *)s)[i] : ((const unsigned char *)s)[i];
    if (c == 0) break;
    out[i] = c < 128 ? (char)c : '?';
  }
  out[i] = '\0';
}

int host_check_mapierror(const MAPIERROR *err, const char *needle, int wide) {
  char text[512];
  char component[64];
  if (!err) {
    fprintf(stderr, "no MAPIERROR (expected one containing '%s')\n", needle);
    return 0;
  }
  narrow(err->lpszError, wide, text, sizeof text);
  narrow(err->lpszComponent, wide, component, sizeof component);
  if (err->ulVersion != MAPI_ERROR_VERSION || strcmp(component, "mslogon") != 0 ||
      !strstr(text, needle)) {
    fprintf(stderr, "unexpected MAPIERROR (%s): version %lu, component '%s', text '%s'\n",
            wide ? "wide" : "8-bit", (unsigned long)err->ulVersion, component, text);
    return 0;
  }
  if (wide) {
    /* Really WCHAR: the component compares as a wide string, and read as
     * 8-bit it stops after one character. */
    if (wcscmp((const WCHAR *)err->lpszComponent, L"mslogon") != 0) return 0;
    if (strlen((const char *)err->lpszComponent) != 1) return 0;
  } else if (strcmp((const char *)err->lpszComponent, "mslogon") != 0) {
    return 0;
  }
  return 1;
}
