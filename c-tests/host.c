/*
 * host.c: the shared host side of the C/C++ tests (see host.h).
 */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GCC/Clang atomics: the C++ tests call into the host from several threads. */
#define ATOMIC_INC(p) __atomic_add_fetch((p), 1, __ATOMIC_SEQ_CST)
#define ATOMIC_DEC(p) __atomic_sub_fetch((p), 1, __ATOMIC_SEQ_CST)
#define ATOMIC_LOAD(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)

/* ---- MAPI interface IDs ------------------------------------------------ */

const MSLogon_IID host_IID_IUnknown = HOST_MAPI_IID(0x00000000);
const MSLogon_IID host_IID_IMAPISup = HOST_MAPI_IID(0x0002030F);
const MSLogon_IID host_IID_IMAPIProp = HOST_MAPI_IID(0x00020303);
const MSLogon_IID host_IID_IMAPIAdviseSink = HOST_MAPI_IID(0x00020302);
const MSLogon_IID host_IID_IMsgStore = HOST_MAPI_IID(0x00020306);

unsigned long host_tick(void) {
  static unsigned long ticks;
  return __atomic_add_fetch(&ticks, 1, __ATOMIC_SEQ_CST);
}

/* ---- MAPI allocators --------------------------------------------------- */

/* Every buffer carries a header; buffers from AllocateMore are chained to
 * their parent and freed with it, as MAPIFreeBuffer does. */
typedef struct BufferHeader {
  unsigned long magic;
  struct BufferHeader *more; /* next buffer chained to the same parent */
  double align;              /* keeps the payload suitably aligned */
} BufferHeader;

#define BUFFER_MAGIC 0x4D41504Ful
static long live_buffers;

static void *new_buffer(MSLogon_ULONG cb) {
  BufferHeader *h = (BufferHeader *)malloc(sizeof(BufferHeader) + (cb ? cb : 1));
  if (!h) return NULL;
  h->magic = BUFFER_MAGIC;
  h->more = NULL;
  ATOMIC_INC(&live_buffers);
  return h + 1;
}

MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE host_allocate_buffer(MSLogon_ULONG cb, void **out) {
  if (!out) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *out = new_buffer(cb);
  return *out ? MSLogon_S_OK : MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
}

MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE host_allocate_more(MSLogon_ULONG cb, void *parent,
                                                           void **out) {
  BufferHeader *p;
  BufferHeader *h;
  if (!out || !parent) return MSLogon_MAPI_E_INVALID_PARAMETER;
  p = (BufferHeader *)parent - 1;
  if (p->magic != BUFFER_MAGIC) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *out = new_buffer(cb);
  if (!*out) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  h = (BufferHeader *)*out - 1;
  h->more = p->more;
  p->more = h;
  return MSLogon_S_OK;
}

MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE host_free_buffer(void *buffer) {
  BufferHeader *h;
  if (!buffer) return 0;
  h = (BufferHeader *)buffer - 1;
  CHECK(h->magic == BUFFER_MAGIC);
  while (h) {
    BufferHeader *next = h->more;
    h->magic = 0;
    free(h);
    ATOMIC_DEC(&live_buffers);
    h = next;
  }
  return 0;
}

long host_live_buffers(void) { return ATOMIC_LOAD(&live_buffers); }

/* ---- IMAPISupport ------------------------------------------------------ */

static HostSupport *support_of(MSLogon_IMAPISupport *This) { return (HostSupport *)This; }

static int iid_eq(const MSLogon_IID *a, const MSLogon_IID *b) {
  return memcmp(a, b, sizeof *a) == 0;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE support_AddRef(struct MSLogon_IMAPISupport *This) {
  HostSupport *s = support_of(This);
  ATOMIC_INC(&s->add_refs);
  return (MSLogon_ULONG)ATOMIC_INC(&s->refs);
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE support_Release(struct MSLogon_IMAPISupport *This) {
  HostSupport *s = support_of(This);
  MSLogon_IMSLogon *logon;
  long left = ATOMIC_DEC(&s->refs);
  ATOMIC_INC(&s->releases);
  s->last_release_tick = host_tick();
  CHECK(left >= 0); /* a provider must never over-release the support object */
  logon = __atomic_exchange_n(&s->reenter_logon, (MSLogon_IMSLogon *)NULL, __ATOMIC_SEQ_CST);
  if (logon) {
    /* What MAPI does while the provider releases its support object. */
    MSLogon_ULONG flags = 0;
    ATOMIC_INC(&s->reentries);
    s->reenter_hr = MSLogon_IMSLogon_Logoff(logon, &flags);
    if (s->reenter_release) MSLogon_IMSLogon_Release(logon);
  }
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE support_QueryInterface(
    struct MSLogon_IMAPISupport *This, const MSLogon_IID *riid, void **ppvObj) {
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &host_IID_IMAPISup))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  support_AddRef(This);
  *ppvObj = This;
  return MSLogon_S_OK;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE support_GetMemAllocRoutines(
    struct MSLogon_IMAPISupport *This, MSLogon_AllocateBufferFn *lpAllocateBuffer,
    MSLogon_AllocateMoreFn *lpAllocateMore, MSLogon_FreeBufferFn *lpFreeBuffer) {
  (void)This;
  if (!lpAllocateBuffer || !lpAllocateMore || !lpFreeBuffer)
    return MSLogon_MAPI_E_INVALID_PARAMETER;
  *lpAllocateBuffer = host_allocate_buffer;
  *lpAllocateMore = host_allocate_more;
  *lpFreeBuffer = host_free_buffer;
  return MSLogon_S_OK;
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE support_StoreLogoffTransports(
    struct MSLogon_IMAPISupport *This, MSLogon_ULONG *lpulFlags) {
  HostSupport *s = support_of(This);
  if (!lpulFlags) return MSLogon_MAPI_E_INVALID_PARAMETER;
  ATOMIC_INC(&s->store_logoff_transports);
  s->last_store_logoff_flags = *lpulFlags;
  return MSLogon_S_OK;
}

/* The test's profile, when it set one (test_service.c); else no support. */
static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE support_OpenProfileSection(
    struct MSLogon_IMAPISupport *This, struct MSLogon_MAPIUID *lpUid, MSLogon_ULONG ulFlags,
    struct MSLogon_IProfSect **lppProfileObj) {
  HostSupport *s = support_of(This);
  ATOMIC_INC(&s->open_profile_sections);
  if (!s->open_profile_section) return MSLogon_MAPI_E_NO_SUPPORT;
  return s->open_profile_section(s->profile_context, lpUid, ulFlags, lppProfileObj);
}

/* The slots a store provider does not use here. Their parameters are unused
 * by design; each signature is the one in mslogon.h (= mapispi.h). */
static MSLogon_HRESULT no_support(struct MSLogon_IMAPISupport *This) {
  (void)This;
  return MSLogon_MAPI_E_NO_SUPPORT;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_GetLastError(struct MSLogon_IMAPISupport *This, MSLogon_HRESULT hResult, MSLogon_ULONG ulFlags, struct MSLogon_MAPIERROR **lppMAPIError)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Subscribe(struct MSLogon_IMAPISupport *This, void *lpKey, MSLogon_ULONG ulEventMask, MSLogon_ULONG ulFlags, struct MSLogon_IMAPIAdviseSink *lpAdviseSink, MSLogon_ULONG_PTR *lpulConnection)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Unsubscribe(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR ulConnection)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Notify(struct MSLogon_IMAPISupport *This, void *lpKey, MSLogon_ULONG cNotification, void *lpNotifications, MSLogon_ULONG *lpulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_ModifyStatusRow(struct MSLogon_IMAPISupport *This, MSLogon_ULONG cValues, void *lpColumnVals, MSLogon_ULONG ulFlags)
{ return no_support(This); }


static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_RegisterPreprocessor(struct MSLogon_IMAPISupport *This, void *lpMuid, void *lpszAdrType, void *lpszDLLName, char *lpszPreprocess, char *lpszRemovePreprocessInfo, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_NewUID(struct MSLogon_IMAPISupport *This, void *lpMuid)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_MakeInvalid(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void *lpObject, MSLogon_ULONG ulRefCount, MSLogon_ULONG cMethods)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_SpoolerYield(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_SpoolerNotify(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void *lpvData)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_CreateOneOff(struct MSLogon_IMAPISupport *This, void *lpszName, void *lpszAdrType, void *lpszAddress, MSLogon_ULONG ulFlags, MSLogon_ULONG *lpcbEntryID, struct MSLogon_ENTRYID **lppEntryID)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_SetProviderUID(struct MSLogon_IMAPISupport *This, void *lpProviderID, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_CompareEntryIDs(struct MSLogon_IMAPISupport *This, MSLogon_ULONG cbEntry1, struct MSLogon_ENTRYID *lpEntry1, MSLogon_ULONG cbEntry2, struct MSLogon_ENTRYID *lpEntry2, MSLogon_ULONG ulCompareFlags, MSLogon_ULONG *lpulResult)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_OpenTemplateID(struct MSLogon_IMAPISupport *This, MSLogon_ULONG cbTemplateID, struct MSLogon_ENTRYID *lpTemplateID, MSLogon_ULONG ulTemplateFlags, void *lpMAPIPropData, const MSLogon_IID *lpInterface, void **lppMAPIPropNew, void *lpMAPIPropSibling)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_OpenEntry(struct MSLogon_IMAPISupport *This, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID, const MSLogon_IID *lpInterface, MSLogon_ULONG ulOpenFlags, MSLogon_ULONG *lpulObjType, struct MSLogon_IUnknown **lppUnk)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_GetOneOffTable(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void **lppTable)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Address(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR *lpulUIParam, void *lpAdrParms, void **lppAdrList)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Details(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR *lpulUIParam, void *lpfnDismiss, void *lpvDismissContext, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID, void *lpfButtonCallback, void *lpvButtonContext, void *lpszButtonText, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_NewEntry(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR ulUIParam, MSLogon_ULONG ulFlags, MSLogon_ULONG cbEIDContainer, struct MSLogon_ENTRYID *lpEIDContainer, MSLogon_ULONG cbEIDNewEntryTpl, struct MSLogon_ENTRYID *lpEIDNewEntryTpl, MSLogon_ULONG *lpcbEIDNewEntry, struct MSLogon_ENTRYID **lppEIDNewEntry)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_DoConfigPropsheet(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR ulUIParam, MSLogon_ULONG ulFlags, void *lpszTitle, void *lpDisplayTable, void *lpCOnfigData, MSLogon_ULONG ulTopPage)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_CopyMessages(struct MSLogon_IMAPISupport *This, const MSLogon_IID *lpSrcInterface, void *lpSrcFolder, void *lpMsgList, const MSLogon_IID *lpDestInterface, void *lpDestFolder, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_CopyFolder(struct MSLogon_IMAPISupport *This, const MSLogon_IID *lpSrcInterface, void *lpSrcFolder, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID, const MSLogon_IID *lpDestInterface, void *lpDestFolder, void *lszNewFolderName, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_DoCopyTo(struct MSLogon_IMAPISupport *This, const MSLogon_IID *lpSrcInterface, void *lpSrcObj, MSLogon_ULONG ciidExclude, const MSLogon_IID *rgiidExclude, void *lpExcludeProps, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, const MSLogon_IID *lpDestInterface, void *lpDestObj, MSLogon_ULONG ulFlags, void **lppProblems)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_DoCopyProps(struct MSLogon_IMAPISupport *This, const MSLogon_IID *lpSrcInterface, void *lpSrcObj, void *lpIncludeProps, MSLogon_ULONG_PTR ulUIParam, void *lpProgress, const MSLogon_IID *lpDestInterface, void *lpDestObj, MSLogon_ULONG ulFlags, void **lppProblems)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_DoProgressDialog(struct MSLogon_IMAPISupport *This, MSLogon_ULONG_PTR ulUIParam, MSLogon_ULONG ulFlags, void **lppProgress)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_ReadReceipt(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void *lpReadMessage, void **lppEmptyMessage)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_PrepareSubmit(struct MSLogon_IMAPISupport *This, void *lpMessage, MSLogon_ULONG *lpulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_ExpandRecips(struct MSLogon_IMAPISupport *This, void *lpMessage, MSLogon_ULONG *lpulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_UpdatePAB(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void *lpMessage)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_DoSentMail(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, void *lpMessage)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_OpenAddressBook(struct MSLogon_IMAPISupport *This, const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags, void **lppAdrBook)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_Preprocess(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_CompleteMsg(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, MSLogon_ULONG cbEntryID, struct MSLogon_ENTRYID *lpEntryID)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_StatusRecips(struct MSLogon_IMAPISupport *This, void *lpMessage, void *lpRecipList)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_WrapStoreEntryID(struct MSLogon_IMAPISupport *This, MSLogon_ULONG cbOrigEntry, struct MSLogon_ENTRYID *lpOrigEntry, MSLogon_ULONG *lpcbWrappedEntry, struct MSLogon_ENTRYID **lppWrappedEntry)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_ModifyProfile(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_IStorageFromStream(struct MSLogon_IMAPISupport *This, struct MSLogon_IUnknown *lpUnkIn, const MSLogon_IID *lpInterface, MSLogon_ULONG ulFlags, void **lppStorageOut)
{ return no_support(This); }

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE nosup_GetSvcConfigSupportObj(struct MSLogon_IMAPISupport *This, MSLogon_ULONG ulFlags, struct MSLogon_IMAPISupport **lppSvcSupport)
{ return no_support(This); }

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static const MSLogon_IMAPISupportVtbl support_vtbl = {
    support_QueryInterface,
    support_AddRef,
    support_Release,
    nosup_GetLastError,
    support_GetMemAllocRoutines,
    nosup_Subscribe,
    nosup_Unsubscribe,
    nosup_Notify,
    nosup_ModifyStatusRow,
    support_OpenProfileSection,
    nosup_RegisterPreprocessor,
    nosup_NewUID,
    nosup_MakeInvalid,
    nosup_SpoolerYield,
    nosup_SpoolerNotify,
    nosup_CreateOneOff,
    nosup_SetProviderUID,
    nosup_CompareEntryIDs,
    nosup_OpenTemplateID,
    nosup_OpenEntry,
    nosup_GetOneOffTable,
    nosup_Address,
    nosup_Details,
    nosup_NewEntry,
    nosup_DoConfigPropsheet,
    nosup_CopyMessages,
    nosup_CopyFolder,
    nosup_DoCopyTo,
    nosup_DoCopyProps,
    nosup_DoProgressDialog,
    nosup_ReadReceipt,
    nosup_PrepareSubmit,
    nosup_ExpandRecips,
    nosup_UpdatePAB,
    nosup_DoSentMail,
    nosup_OpenAddressBook,
    nosup_Preprocess,
    nosup_CompleteMsg,
    support_StoreLogoffTransports,
    nosup_StatusRecips,
    nosup_WrapStoreEntryID,
    nosup_ModifyProfile,
    nosup_IStorageFromStream,
    nosup_GetSvcConfigSupportObj,
};

void host_support_init(HostSupport *s) {
  memset(s, 0, sizeof *s);
  s->iface.lpVtbl = &support_vtbl;
  s->refs = 1;
}

long host_refs(const HostSupport *s) { return ATOMIC_LOAD(&s->refs); }

/* ---- IMAPIAdviseSink --------------------------------------------------- */

static HostSink *sink_of(MSLogon_IMAPIAdviseSink *This) { return (HostSink *)This; }

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE sink_AddRef(struct MSLogon_IMAPIAdviseSink *This) {
  return (MSLogon_ULONG)ATOMIC_INC(&sink_of(This)->refs);
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE sink_Release(struct MSLogon_IMAPIAdviseSink *This) {
  HostSink *k = sink_of(This);
  long left = ATOMIC_DEC(&k->refs);
  ATOMIC_INC(&k->releases);
  k->last_release_tick = host_tick();
  CHECK(left >= 0);
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE sink_QueryInterface(
    struct MSLogon_IMAPIAdviseSink *This, const MSLogon_IID *riid, void **ppvObj) {
  if (!ppvObj) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObj = NULL;
  if (!riid) return MSLogon_MAPI_E_INVALID_PARAMETER;
  if (!iid_eq(riid, &host_IID_IUnknown) && !iid_eq(riid, &host_IID_IMAPIAdviseSink))
    return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  sink_AddRef(This);
  *ppvObj = This;
  return MSLogon_S_OK;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE sink_OnNotify(struct MSLogon_IMAPIAdviseSink *This,
                                                             MSLogon_ULONG cNotif,
                                                             void *lpNotifications) {
  (void)lpNotifications;
  __atomic_add_fetch(&sink_of(This)->notifications, (long)cNotif, __ATOMIC_SEQ_CST);
  return 0;
}

static const MSLogon_IMAPIAdviseSinkVtbl sink_vtbl = {
    sink_QueryInterface,
    sink_AddRef,
    sink_Release,
    sink_OnNotify,
};

void host_sink_init(HostSink *k) {
  memset(k, 0, sizeof *k);
  k->iface.lpVtbl = &sink_vtbl;
  k->refs = 1;
}

long host_sink_refs(const HostSink *k) { return ATOMIC_LOAD(&k->refs); }

/* ---- IMalloc ------------------------------------------------------------ */

static HostMalloc *malloc_of(MSLogon_IMalloc *This) { return (HostMalloc *)This; }

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE malloc_AddRef(struct MSLogon_IMalloc *This) {
  return (MSLogon_ULONG)ATOMIC_INC(&malloc_of(This)->refs);
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE malloc_Release(struct MSLogon_IMalloc *This) {
  HostMalloc *m = malloc_of(This);
  long left = ATOMIC_DEC(&m->refs);
  ATOMIC_INC(&m->releases);
  CHECK(left >= 0);
  return (MSLogon_ULONG)(left < 0 ? 0 : left);
}

static MSLogon_HRESULT MSLOGON_STDMETHODCALLTYPE malloc_QueryInterface(struct MSLogon_IMalloc *This,
                                                                      const MSLogon_IID *riid,
                                                                      void **ppvObject) {
  if (!ppvObject) return MSLogon_MAPI_E_INVALID_PARAMETER;
  *ppvObject = NULL;
  if (!riid || !iid_eq(riid, &host_IID_IUnknown)) return MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED;
  malloc_AddRef(This);
  *ppvObject = This;
  return MSLogon_S_OK;
}

static void *MSLOGON_STDMETHODCALLTYPE malloc_Alloc(struct MSLogon_IMalloc *This, size_t cb) {
  (void)This;
  return malloc(cb ? cb : 1);
}

static void *MSLOGON_STDMETHODCALLTYPE malloc_Realloc(struct MSLogon_IMalloc *This, void *pv,
                                                      size_t cb) {
  (void)This;
  return realloc(pv, cb ? cb : 1);
}

static void MSLOGON_STDMETHODCALLTYPE malloc_Free(struct MSLogon_IMalloc *This, void *pv) {
  (void)This;
  free(pv);
}

static size_t MSLOGON_STDMETHODCALLTYPE malloc_GetSize(struct MSLogon_IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return (size_t)-1; /* unknown, as IMalloc allows */
}

static int MSLOGON_STDMETHODCALLTYPE malloc_DidAlloc(struct MSLogon_IMalloc *This, void *pv) {
  (void)This;
  (void)pv;
  return -1; /* cannot tell */
}

static void MSLOGON_STDMETHODCALLTYPE malloc_HeapMinimize(struct MSLogon_IMalloc *This) {
  (void)This;
}

static const MSLogon_IMallocVtbl malloc_vtbl = {
    malloc_QueryInterface, malloc_AddRef,  malloc_Release,  malloc_Alloc,        malloc_Realloc,
    malloc_Free,           malloc_GetSize, malloc_DidAlloc, malloc_HeapMinimize,
};

void host_malloc_init(HostMalloc *m) {
  memset(m, 0, sizeof *m);
  m->iface.lpVtbl = &malloc_vtbl;
  m->refs = 1;
}

long host_malloc_refs(const HostMalloc *m) { return ATOMIC_LOAD(&m->refs); }


void host_store_entry_id(MSLogon_BYTE eid[24], MSLogon_ULONG number) {
  static const char uid[16] = {'m', 's', 'l', 'o', 'g', 'o', 'n', '\0',
                               'r', 'e', 'f', 's', 't', 'o', 'r', 'e'};
  int i;
  memset(eid, 0, 4);
  memcpy(eid + 4, uid, sizeof uid);
  for (i = 0; i < 4; i++) eid[20 + i] = (MSLogon_BYTE)(number >> (8 * i));
}

/* Narrows a NUL-terminated string (8-bit, or UTF-16 holding ASCII). */
static void narrow(const void *s, int wide, char *out, size_t cap) {
  size_t i = 0;
  if (!s) {
    out[0] = '\0';
    return;
  }
  for (; i + 1 < cap; i++) {
    unsigned c = wide ? ((const unsigned short *)s)[i] : ((const unsigned char *)s)[i];
    if (c == 0) break;
    out[i] = c < 128 ? (char)c : '?';
  }
  out[i] = '\0';
}

int host_check_mapierror(const MSLogon_MAPIERROR *err, const char *needle, int wide) {
  char text[512];
  char component[64];
  if (!err) return 0;
  narrow(err->lpszError, wide, text, sizeof text);
  narrow(err->lpszComponent, wide, component, sizeof component);
  if (err->ulVersion != MSLogon_MAPI_ERROR_VERSION || strcmp(component, "mslogon") != 0 ||
      !strstr(text, needle)) {
    fprintf(stderr, "unexpected MAPIERROR: version %lu, component '%s', text '%s'\n",
            (unsigned long)err->ulVersion, component, text);
    return 0;
  }
  /* A wide string read as 8-bit stops after one character. */
  if (wide && strlen((const char *)err->lpszComponent) != 1) return 0;
  return 1;
}
