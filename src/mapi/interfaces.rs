//! COM interface layouts: `{ lpVtbl }` objects and their vtables, slot for
//! slot in MinGW-w64 `mapispi.h` / `mapidefs.h` order. Every slot is
//! `STDMETHODCALLTYPE` (`extern "system"`).
//!
//! Vtables this crate implements (`IMSLogonVtbl`, `IMSProviderVtbl`,
//! `IMsgStoreVtbl`) have plain function pointers; vtables the host
//! implements (`IMAPISupportVtbl`, `IMAPIAdviseSinkVtbl`, `IMallocVtbl`,
//! `IUnknownVtbl`) have `Option`al ones (same ABI) so
//! that a host that left a slot NULL gets `MAPI_E_NO_SUPPORT`, not a crash;
//! their `Default` is all-NULL, handy for hosts written in Rust.
//!
//! Widths follow Microsoft's headers where they differ from MinGW-w64's
//! (`SPEC-objects.md`, "Widths"): advise connection numbers
//! (`IMSLogon`/`IMsgStore` `Advise`/`Unadvise`, `IMAPISupport`
//! `Subscribe`/`Unsubscribe`) and `IMAPISupport`'s `ulUIParam` /
//! `lpulUIParam` are [`ULONG_PTR`] (pointer-sized), not `ULONG`: on x64 MAPI
//! passes the address of an 8-byte connection, all of which is written.
#![allow(non_snake_case)]
// The vtable slot types spell out MAPI's signatures on purpose.
#![allow(clippy::type_complexity)]

use std::ffi::{c_char, c_int, c_void};

use super::objects::IMAPITable;
use super::types::{
    AllocateBufferFn, AllocateMoreFn, FreeBufferFn, SPropProblemArray, SPropTagArray, SPropValue,
    BYTE, ENTRYID, GUID, HRESULT, IID, MAPIERROR, MAPINAMEID, MAPIUID, ULONG, ULONG_PTR,
};

/// `IUnknown`: any COM object, seen through its first three slots.
#[repr(C)]
pub struct IUnknown {
    /// The object's vtable.
    pub lpVtbl: *const IUnknownVtbl,
}

/// The three slots every COM vtable begins with.
#[repr(C)]
#[derive(Default)]
pub struct IUnknownVtbl {
    /// `IUnknown::QueryInterface`.
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IUnknown,
            riid: *const IID,
            ppvObj: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IUnknown) -> ULONG>,
    /// `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IUnknown) -> ULONG>,
}

/// `IMSLogon`: the logon object a message-store provider returns from
/// `IMSProvider::Logon`.
#[repr(C)]
pub struct IMSLogon {
    /// The object's vtable.
    pub lpVtbl: *const IMSLogonVtbl,
}

/// `IMSLogon`'s ten slots (`IUnknown` + `MAPI_IMSLOGON_METHODS`).
#[repr(C)]
pub struct IMSLogonVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMSLogon).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMSLogon,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMSLogon) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMSLogon) -> ULONG,
    /// Slot 3: `IMSLogon::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMSLogon,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMSLogon::Logoff` (the seed).
    pub Logoff: unsafe extern "system" fn(This: *mut IMSLogon, lpulFlags: *mut ULONG) -> HRESULT,
    /// Slot 5: `IMSLogon::OpenEntry`.
    pub OpenEntry: unsafe extern "system" fn(
        This: *mut IMSLogon,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulObjType: *mut ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 6: `IMSLogon::CompareEntryIDs`.
    pub CompareEntryIDs: unsafe extern "system" fn(
        This: *mut IMSLogon,
        cbEntryID1: ULONG,
        lpEntryID1: *mut ENTRYID,
        cbEntryID2: ULONG,
        lpEntryID2: *mut ENTRYID,
        ulFlags: ULONG,
        lpulResult: *mut ULONG,
    ) -> HRESULT,
    /// Slot 7: `IMSLogon::Advise`: the connection number is `ULONG_PTR`
    /// (Microsoft's width), all of it written.
    pub Advise: unsafe extern "system" fn(
        This: *mut IMSLogon,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulEventMask: ULONG,
        lpAdviseSink: *mut IMAPIAdviseSink,
        lpulConnection: *mut ULONG_PTR,
    ) -> HRESULT,
    /// Slot 8: `IMSLogon::Unadvise`: a connection from `Advise` (`ULONG_PTR`).
    pub Unadvise:
        unsafe extern "system" fn(This: *mut IMSLogon, ulConnection: ULONG_PTR) -> HRESULT,
    /// Slot 9: `IMSLogon::OpenStatusEntry`.
    pub OpenStatusEntry: unsafe extern "system" fn(
        This: *mut IMSLogon,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulObjType: *mut ULONG,
        lppEntry: *mut *mut c_void,
    ) -> HRESULT,
}

/// `IMAPIAdviseSink`, implemented by the host: receives notifications.
#[repr(C)]
pub struct IMAPIAdviseSink {
    /// The object's vtable.
    pub lpVtbl: *const IMAPIAdviseSinkVtbl,
}

/// `IMAPIAdviseSink`'s four slots.
#[repr(C)]
#[derive(Default)]
pub struct IMAPIAdviseSinkVtbl {
    /// `IUnknown::QueryInterface`.
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IMAPIAdviseSink,
            riid: *const IID,
            ppvObj: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IMAPIAdviseSink) -> ULONG>,
    /// `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IMAPIAdviseSink) -> ULONG>,
    /// `IMAPIAdviseSink::OnNotify`; `lpNotifications` is an opaque
    /// `LPNOTIFICATION` here.
    pub OnNotify: Option<
        unsafe extern "system" fn(
            This: *mut IMAPIAdviseSink,
            cNotif: ULONG,
            lpNotifications: *mut c_void,
        ) -> ULONG,
    >,
}

/// `IMAPISupport`, implemented by the host (MAPI): the provider's way back
/// into the subsystem. The provider holds one reference from logon to logoff
/// and releases it last.
#[repr(C)]
pub struct IMAPISupport {
    /// The object's vtable.
    pub lpVtbl: *const IMAPISupportVtbl,
}

/// `IMAPISupport`'s 44 slots (`IUnknown` + `MAPI_IMAPISUPPORT_METHODS1..3`).
/// Structures and interfaces this crate does not model are passed as `void *`.
#[repr(C)]
#[derive(Default)]
pub struct IMAPISupportVtbl {
    /// `IUnknown::QueryInterface`.
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            riid: *const IID,
            ppvObj: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IMAPISupport) -> ULONG>,
    /// `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IMAPISupport) -> ULONG>,
    /// `IMAPISupport::GetLastError`.
    pub GetLastError: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            hResult: HRESULT,
            ulFlags: ULONG,
            lppMAPIError: *mut *mut MAPIERROR,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::GetMemAllocRoutines`.
    pub GetMemAllocRoutines: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpAllocateBuffer: *mut AllocateBufferFn,
            lpAllocateMore: *mut AllocateMoreFn,
            lpFreeBuffer: *mut FreeBufferFn,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::Subscribe`: the connection number is `ULONG_PTR`
    /// (Microsoft's width). Opaque here: `lpKey`: `LPNOTIFKEY`.
    pub Subscribe: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpKey: *mut c_void,
            ulEventMask: ULONG,
            ulFlags: ULONG,
            lpAdviseSink: *mut IMAPIAdviseSink,
            lpulConnection: *mut ULONG_PTR,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::Unsubscribe`: a connection from `Subscribe` (`ULONG_PTR`).
    pub Unsubscribe: Option<
        unsafe extern "system" fn(This: *mut IMAPISupport, ulConnection: ULONG_PTR) -> HRESULT,
    >,
    /// `IMAPISupport::Notify`. Opaque here: `lpKey`: `LPNOTIFKEY`, `lpNotifications`: `LPNOTIFICATION`.
    pub Notify: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpKey: *mut c_void,
            cNotification: ULONG,
            lpNotifications: *mut c_void,
            lpulFlags: *mut ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::ModifyStatusRow`. Opaque here: `lpColumnVals`: `LPSPropValue`.
    pub ModifyStatusRow: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            cValues: ULONG,
            lpColumnVals: *mut c_void,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::OpenProfileSection`: a NULL `lpUid` opens the
    /// caller's own section (a provider's, at `Logon`); `MAPI_MODIFY` asks
    /// for write access. `*lppProfileObj` gets one reference.
    pub OpenProfileSection: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpUid: *mut MAPIUID,
            ulFlags: ULONG,
            lppProfileObj: *mut *mut IProfSect,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::RegisterPreprocessor`. Opaque here: `lpMuid`: `LPMAPIUID`.
    pub RegisterPreprocessor: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpMuid: *mut c_void,
            lpszAdrType: *mut c_void,
            lpszDLLName: *mut c_void,
            lpszPreprocess: *mut c_char,
            lpszRemovePreprocessInfo: *mut c_char,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::NewUID`. Opaque here: `lpMuid`: `LPMAPIUID`.
    pub NewUID:
        Option<unsafe extern "system" fn(This: *mut IMAPISupport, lpMuid: *mut c_void) -> HRESULT>,
    /// `IMAPISupport::MakeInvalid`.
    pub MakeInvalid: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lpObject: *mut c_void,
            ulRefCount: ULONG,
            cMethods: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::SpoolerYield`.
    pub SpoolerYield:
        Option<unsafe extern "system" fn(This: *mut IMAPISupport, ulFlags: ULONG) -> HRESULT>,
    /// `IMAPISupport::SpoolerNotify`.
    pub SpoolerNotify: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lpvData: *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::CreateOneOff`.
    pub CreateOneOff: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpszName: *mut c_void,
            lpszAdrType: *mut c_void,
            lpszAddress: *mut c_void,
            ulFlags: ULONG,
            lpcbEntryID: *mut ULONG,
            lppEntryID: *mut *mut ENTRYID,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::SetProviderUID`. Opaque here: `lpProviderID`: `LPMAPIUID`.
    pub SetProviderUID: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpProviderID: *mut c_void,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::CompareEntryIDs`.
    pub CompareEntryIDs: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            cbEntry1: ULONG,
            lpEntry1: *mut ENTRYID,
            cbEntry2: ULONG,
            lpEntry2: *mut ENTRYID,
            ulCompareFlags: ULONG,
            lpulResult: *mut ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::OpenTemplateID`. Opaque here: `lpMAPIPropData`: `LPMAPIPROP`, `lppMAPIPropNew`: `LPMAPIPROP`, `lpMAPIPropSibling`: `LPMAPIPROP`.
    pub OpenTemplateID: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            cbTemplateID: ULONG,
            lpTemplateID: *mut ENTRYID,
            ulTemplateFlags: ULONG,
            lpMAPIPropData: *mut c_void,
            lpInterface: *const IID,
            lppMAPIPropNew: *mut *mut c_void,
            lpMAPIPropSibling: *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::OpenEntry`.
    pub OpenEntry: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            cbEntryID: ULONG,
            lpEntryID: *mut ENTRYID,
            lpInterface: *const IID,
            ulOpenFlags: ULONG,
            lpulObjType: *mut ULONG,
            lppUnk: *mut *mut IUnknown,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::GetOneOffTable`. Opaque here: `lppTable`: `LPMAPITABLE`.
    pub GetOneOffTable: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lppTable: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::Address`. Opaque here: `lpAdrParms`: `LPADRPARM`, `lppAdrList`: `LPADRLIST`.
    pub Address: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpulUIParam: *mut ULONG_PTR,
            lpAdrParms: *mut c_void,
            lppAdrList: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::Details`. Opaque here: `lpfnDismiss`: `LPFNDISMISS`, `lpfButtonCallback`: `LPFNBUTTON`.
    pub Details: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpulUIParam: *mut ULONG_PTR,
            lpfnDismiss: *mut c_void,
            lpvDismissContext: *mut c_void,
            cbEntryID: ULONG,
            lpEntryID: *mut ENTRYID,
            lpfButtonCallback: *mut c_void,
            lpvButtonContext: *mut c_void,
            lpszButtonText: *mut c_void,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::NewEntry`.
    pub NewEntry: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulUIParam: ULONG_PTR,
            ulFlags: ULONG,
            cbEIDContainer: ULONG,
            lpEIDContainer: *mut ENTRYID,
            cbEIDNewEntryTpl: ULONG,
            lpEIDNewEntryTpl: *mut ENTRYID,
            lpcbEIDNewEntry: *mut ULONG,
            lppEIDNewEntry: *mut *mut ENTRYID,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::DoConfigPropsheet`. Opaque here: `lpDisplayTable`: `LPMAPITABLE`, `lpCOnfigData`: `LPMAPIPROP`.
    pub DoConfigPropsheet: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulUIParam: ULONG_PTR,
            ulFlags: ULONG,
            lpszTitle: *mut c_void,
            lpDisplayTable: *mut c_void,
            lpCOnfigData: *mut c_void,
            ulTopPage: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::CopyMessages`. Opaque here: `lpMsgList`: `LPENTRYLIST`, `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyMessages: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpSrcInterface: *const IID,
            lpSrcFolder: *mut c_void,
            lpMsgList: *mut c_void,
            lpDestInterface: *const IID,
            lpDestFolder: *mut c_void,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::CopyFolder`. Opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyFolder: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpSrcInterface: *const IID,
            lpSrcFolder: *mut c_void,
            cbEntryID: ULONG,
            lpEntryID: *mut ENTRYID,
            lpDestInterface: *const IID,
            lpDestFolder: *mut c_void,
            lszNewFolderName: *mut c_void,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            ulFlags: ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::DoCopyTo`. Opaque here: `lpExcludeProps`: `LPSPropTagArray`, `lpProgress`: `LPMAPIPROGRESS`, `lppProblems`: `LPSPropProblemArray`.
    pub DoCopyTo: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpSrcInterface: *const IID,
            lpSrcObj: *mut c_void,
            ciidExclude: ULONG,
            rgiidExclude: *const IID,
            lpExcludeProps: *mut c_void,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            lpDestInterface: *const IID,
            lpDestObj: *mut c_void,
            ulFlags: ULONG,
            lppProblems: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::DoCopyProps`. Opaque here: `lpIncludeProps`: `LPSPropTagArray`, `lpProgress`: `LPMAPIPROGRESS`, `lppProblems`: `LPSPropProblemArray`.
    pub DoCopyProps: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpSrcInterface: *const IID,
            lpSrcObj: *mut c_void,
            lpIncludeProps: *mut c_void,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            lpDestInterface: *const IID,
            lpDestObj: *mut c_void,
            ulFlags: ULONG,
            lppProblems: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::DoProgressDialog`. Opaque here: `lppProgress`: `LPMAPIPROGRESS`.
    pub DoProgressDialog: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulUIParam: ULONG_PTR,
            ulFlags: ULONG,
            lppProgress: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::ReadReceipt`. Opaque here: `lpReadMessage`: `LPMESSAGE`, `lppEmptyMessage`: `LPMESSAGE`.
    pub ReadReceipt: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lpReadMessage: *mut c_void,
            lppEmptyMessage: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::PrepareSubmit`. Opaque here: `lpMessage`: `LPMESSAGE`.
    pub PrepareSubmit: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpMessage: *mut c_void,
            lpulFlags: *mut ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::ExpandRecips`. Opaque here: `lpMessage`: `LPMESSAGE`.
    pub ExpandRecips: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpMessage: *mut c_void,
            lpulFlags: *mut ULONG,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::UpdatePAB`. Opaque here: `lpMessage`: `LPMESSAGE`.
    pub UpdatePAB: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lpMessage: *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::DoSentMail`. Opaque here: `lpMessage`: `LPMESSAGE`.
    pub DoSentMail: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lpMessage: *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::OpenAddressBook`. Opaque here: `lppAdrBook`: `LPADRBOOK`.
    pub OpenAddressBook: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpInterface: *const IID,
            ulFlags: ULONG,
            lppAdrBook: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::Preprocess`.
    pub Preprocess: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            cbEntryID: ULONG,
            lpEntryID: *mut ENTRYID,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::CompleteMsg`.
    pub CompleteMsg: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            cbEntryID: ULONG,
            lpEntryID: *mut ENTRYID,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::StoreLogoffTransports`.
    pub StoreLogoffTransports: Option<
        unsafe extern "system" fn(This: *mut IMAPISupport, lpulFlags: *mut ULONG) -> HRESULT,
    >,
    /// `IMAPISupport::StatusRecips`. Opaque here: `lpMessage`: `LPMESSAGE`, `lpRecipList`: `LPADRLIST`.
    pub StatusRecips: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpMessage: *mut c_void,
            lpRecipList: *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::WrapStoreEntryID`.
    pub WrapStoreEntryID: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            cbOrigEntry: ULONG,
            lpOrigEntry: *mut ENTRYID,
            lpcbWrappedEntry: *mut ULONG,
            lppWrappedEntry: *mut *mut ENTRYID,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::ModifyProfile`.
    pub ModifyProfile:
        Option<unsafe extern "system" fn(This: *mut IMAPISupport, ulFlags: ULONG) -> HRESULT>,
    /// `IMAPISupport::IStorageFromStream`. Opaque here: `lppStorageOut`: `LPSTORAGE`.
    pub IStorageFromStream: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            lpUnkIn: *mut IUnknown,
            lpInterface: *const IID,
            ulFlags: ULONG,
            lppStorageOut: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IMAPISupport::GetSvcConfigSupportObj`.
    pub GetSvcConfigSupportObj: Option<
        unsafe extern "system" fn(
            This: *mut IMAPISupport,
            ulFlags: ULONG,
            lppSvcSupport: *mut *mut IMAPISupport,
        ) -> HRESULT,
    >,
}

/// `IMSProvider`: the provider object `MSProviderInit` returns; MAPI logs
/// on through it and shuts it down after the last logon is gone.
#[repr(C)]
pub struct IMSProvider {
    /// The object's vtable.
    pub lpVtbl: *const IMSProviderVtbl,
}

/// `IMSProvider`'s seven slots (`IUnknown` + `MAPI_IMSPROVIDER_METHODS`).
/// `LPTSTR` strings are `void *`: `char *`, or `WCHAR *` when `ulFlags`
/// has `MAPI_UNICODE`.
#[repr(C)]
pub struct IMSProviderVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMSProvider).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMSProvider,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMSProvider) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMSProvider) -> ULONG,
    /// Slot 3: `IMSProvider::Shutdown`; `*lpulFlags` is reserved (0).
    pub Shutdown:
        unsafe extern "system" fn(This: *mut IMSProvider, lpulFlags: *mut ULONG) -> HRESULT,
    /// Slot 4: `IMSProvider::Logon`. A NULL `lpEntryID` means no store was
    /// chosen yet, a NULL `lpInterface` means `IMsgStore`; `lppMSLogon` and
    /// `lppMDB` receive one reference each. `lpszProfileName` is `LPTSTR`.
    pub Logon: unsafe extern "system" fn(
        This: *mut IMSProvider,
        lpMAPISup: *mut IMAPISupport,
        ulUIParam: ULONG_PTR,
        lpszProfileName: *mut c_void,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulFlags: ULONG,
        lpInterface: *const IID,
        lpcbSpoolSecurity: *mut ULONG,
        lppbSpoolSecurity: *mut *mut BYTE,
        lppMAPIError: *mut *mut MAPIERROR,
        lppMSLogon: *mut *mut IMSLogon,
        lppMDB: *mut *mut IMsgStore,
    ) -> HRESULT,
    /// Slot 5: `IMSProvider::SpoolerLogon`: `Logon` for the MAPI spooler,
    /// with the spooler security bytes as inputs. `lpszProfileName` is
    /// `LPTSTR`.
    pub SpoolerLogon: unsafe extern "system" fn(
        This: *mut IMSProvider,
        lpMAPISup: *mut IMAPISupport,
        ulUIParam: ULONG_PTR,
        lpszProfileName: *mut c_void,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulFlags: ULONG,
        lpInterface: *const IID,
        cbSpoolSecurity: ULONG,
        lpbSpoolSecurity: *mut BYTE,
        lppMAPIError: *mut *mut MAPIERROR,
        lppMSLogon: *mut *mut IMSLogon,
        lppMDB: *mut *mut IMsgStore,
    ) -> HRESULT,
    /// Slot 6: `IMSProvider::CompareStoreIDs`: `*lpulResult` = TRUE when
    /// both entry IDs name the same store.
    pub CompareStoreIDs: unsafe extern "system" fn(
        This: *mut IMSProvider,
        cbEntryID1: ULONG,
        lpEntryID1: *mut ENTRYID,
        cbEntryID2: ULONG,
        lpEntryID2: *mut ENTRYID,
        ulFlags: ULONG,
        lpulResult: *mut ULONG,
    ) -> HRESULT,
}

/// `IMsgStore`: the message-store object returned with the logon object by
/// `IMSProvider::Logon`; created and torn down together with it.
#[repr(C)]
pub struct IMsgStore {
    /// The object's vtable.
    pub lpVtbl: *const IMsgStoreVtbl,
}

/// `IMsgStore`'s 27 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS` +
/// `MAPI_IMSGSTORE_METHODS`). Structures and interfaces this crate does not
/// model are passed as `void *`; `LPTSTR` strings are `void *` (`char *`,
/// or `WCHAR *` when `ulFlags` has `MAPI_UNICODE`).
#[repr(C)]
pub struct IMsgStoreVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IMsgStore).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMsgStore,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMsgStore) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMsgStore) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMsgStore,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges`.
    pub SaveChanges: unsafe extern "system" fn(This: *mut IMsgStore, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every
    /// property; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`.
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. Opaque here: `lpProgress`:
    /// `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ciidExclude: ULONG,
        rgiidExclude: *const IID,
        lpExcludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 11: `IMAPIProp::CopyProps`. Opaque here: `lpProgress`:
    /// `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`.
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames`.
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 14: `IMsgStore::Advise`: the connection number is `ULONG_PTR`
    /// (Microsoft's width), all of it written.
    pub Advise: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulEventMask: ULONG,
        lpAdviseSink: *mut IMAPIAdviseSink,
        lpulConnection: *mut ULONG_PTR,
    ) -> HRESULT,
    /// Slot 15: `IMsgStore::Unadvise`: a connection from `Advise` (`ULONG_PTR`).
    pub Unadvise:
        unsafe extern "system" fn(This: *mut IMsgStore, ulConnection: ULONG_PTR) -> HRESULT,
    /// Slot 16: `IMsgStore::CompareEntryIDs`.
    pub CompareEntryIDs: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cbEntryID1: ULONG,
        lpEntryID1: *mut ENTRYID,
        cbEntryID2: ULONG,
        lpEntryID2: *mut ENTRYID,
        ulFlags: ULONG,
        lpulResult: *mut ULONG,
    ) -> HRESULT,
    /// Slot 17: `IMsgStore::OpenEntry`.
    pub OpenEntry: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulObjType: *mut ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 18: `IMsgStore::SetReceiveFolder`. `lpszMessageClass` is
    /// `LPTSTR`.
    pub SetReceiveFolder: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpszMessageClass: *mut c_void,
        ulFlags: ULONG,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
    ) -> HRESULT,
    /// Slot 19: `IMsgStore::GetReceiveFolder`. `lpszMessageClass` is
    /// `LPTSTR`, `lppszExplicitClass` is `LPTSTR *`.
    pub GetReceiveFolder: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpszMessageClass: *mut c_void,
        ulFlags: ULONG,
        lpcbEntryID: *mut ULONG,
        lppEntryID: *mut *mut ENTRYID,
        lppszExplicitClass: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 20: `IMsgStore::GetReceiveFolderTable`. Opaque here:
    /// `lppTable`: `LPMAPITABLE *`.
    pub GetReceiveFolderTable: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ulFlags: ULONG,
        lppTable: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 21: `IMsgStore::StoreLogoff`: `LOGOFF_*` flags in, the outcome
    /// (`LOGOFF_COMPLETE`, ...) out.
    pub StoreLogoff:
        unsafe extern "system" fn(This: *mut IMsgStore, lpulFlags: *mut ULONG) -> HRESULT,
    /// Slot 22: `IMsgStore::AbortSubmit`.
    pub AbortSubmit: unsafe extern "system" fn(
        This: *mut IMsgStore,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 23: `IMsgStore::GetOutgoingQueue`. Opaque here: `lppTable`:
    /// `LPMAPITABLE *`.
    pub GetOutgoingQueue: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ulFlags: ULONG,
        lppTable: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 24: `IMsgStore::SetLockState`. Opaque here: `lpMessage`:
    /// `LPMESSAGE`.
    pub SetLockState: unsafe extern "system" fn(
        This: *mut IMsgStore,
        lpMessage: *mut c_void,
        ulLockState: ULONG,
    ) -> HRESULT,
    /// Slot 25: `IMsgStore::FinishedMsg`.
    pub FinishedMsg: unsafe extern "system" fn(
        This: *mut IMsgStore,
        ulFlags: ULONG,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
    ) -> HRESULT,
    /// Slot 26: `IMsgStore::NotifyNewMail`. Opaque here: `lpNotification`:
    /// `LPNOTIFICATION`.
    pub NotifyNewMail:
        unsafe extern "system" fn(This: *mut IMsgStore, lpNotification: *mut c_void) -> HRESULT,
}

/// `IMalloc`, implemented by the host (OLE's task allocator): handed to
/// `MSProviderInit` as `lpMalloc`.
#[repr(C)]
pub struct IMalloc {
    /// The object's vtable.
    pub lpVtbl: *const IMallocVtbl,
}

/// `IMalloc`'s nine slots (`objidl.h`). `SIZE_T` is `usize` (`size_t`).
#[repr(C)]
#[derive(Default)]
pub struct IMallocVtbl {
    /// `IUnknown::QueryInterface`.
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IMalloc,
            riid: *const IID,
            ppvObject: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IMalloc) -> ULONG>,
    /// `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IMalloc) -> ULONG>,
    /// `IMalloc::Alloc`: `cb` bytes, or NULL.
    pub Alloc: Option<unsafe extern "system" fn(This: *mut IMalloc, cb: usize) -> *mut c_void>,
    /// `IMalloc::Realloc`.
    pub Realloc: Option<
        unsafe extern "system" fn(This: *mut IMalloc, pv: *mut c_void, cb: usize) -> *mut c_void,
    >,
    /// `IMalloc::Free`.
    pub Free: Option<unsafe extern "system" fn(This: *mut IMalloc, pv: *mut c_void)>,
    /// `IMalloc::GetSize`.
    pub GetSize: Option<unsafe extern "system" fn(This: *mut IMalloc, pv: *mut c_void) -> usize>,
    /// `IMalloc::DidAlloc`: 1 if this allocator allocated `pv`, 0 if not,
    /// -1 if it cannot tell.
    pub DidAlloc: Option<unsafe extern "system" fn(This: *mut IMalloc, pv: *mut c_void) -> c_int>,
    /// `IMalloc::HeapMinimize`.
    pub HeapMinimize: Option<unsafe extern "system" fn(This: *mut IMalloc)>,
}

/// `IProfSect`, implemented by the host (MAPI): a section of a MAPI profile,
/// where a message service keeps its configuration. It is an `IMAPIProp`
/// with nothing of its own (`MAPI_IPROFSECT_METHODS` is empty); changes
/// are kept by `SaveChanges`.
#[repr(C)]
pub struct IProfSect {
    /// The object's vtable.
    pub lpVtbl: *const IProfSectVtbl,
}

/// `IProfSect`'s 14 slots: `IUnknown` + `MAPI_IMAPIPROP_METHODS`, laid out
/// as [`IMAPIPropVtbl`](super::objects::IMAPIPropVtbl) but `Option`al
/// (the host implements them). `ulUIParam` is `ULONG_PTR` (Microsoft's
/// width), as in `IMAPIProp`.
#[repr(C)]
#[derive(Default)]
pub struct IProfSectVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IProfSect).
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            riid: *const IID,
            ppvObj: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IProfSect) -> ULONG>,
    /// Slot 2: `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IProfSect) -> ULONG>,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            hResult: HRESULT,
            ulFlags: ULONG,
            lppMAPIError: *mut *mut MAPIERROR,
        ) -> HRESULT,
    >,
    /// Slot 4: `IMAPIProp::SaveChanges`: makes the changes permanent.
    pub SaveChanges:
        Option<unsafe extern "system" fn(This: *mut IProfSect, ulFlags: ULONG) -> HRESULT>,
    /// Slot 5: `IMAPIProp::GetProps`: `*lppPropArray` is allocated with
    /// `MAPIAllocateBuffer`; missing properties come back as `PT_ERROR`
    /// entries (`MAPI_W_ERRORS_RETURNED`).
    pub GetProps: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            lpPropTagArray: *mut SPropTagArray,
            ulFlags: ULONG,
            lpcValues: *mut ULONG,
            lppPropArray: *mut *mut SPropValue,
        ) -> HRESULT,
    >,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            ulFlags: ULONG,
            lppPropTagArray: *mut *mut SPropTagArray,
        ) -> HRESULT,
    >,
    /// Slot 7: `IMAPIProp::OpenProperty`. Opaque here: `lppUnk`: `LPUNKNOWN *`.
    pub OpenProperty: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            ulPropTag: ULONG,
            lpiid: *const IID,
            ulInterfaceOptions: ULONG,
            ulFlags: ULONG,
            lppUnk: *mut *mut IUnknown,
        ) -> HRESULT,
    >,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            cValues: ULONG,
            lpPropArray: *mut SPropValue,
            lppProblems: *mut *mut SPropProblemArray,
        ) -> HRESULT,
    >,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            lpPropTagArray: *mut SPropTagArray,
            lppProblems: *mut *mut SPropProblemArray,
        ) -> HRESULT,
    >,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR`
    /// (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            ciidExclude: ULONG,
            rgiidExclude: *const IID,
            lpExcludeProps: *mut SPropTagArray,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            lpInterface: *const IID,
            lpDestObj: *mut c_void,
            ulFlags: ULONG,
            lppProblems: *mut *mut SPropProblemArray,
        ) -> HRESULT,
    >,
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR`
    /// (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            lpIncludeProps: *mut SPropTagArray,
            ulUIParam: ULONG_PTR,
            lpProgress: *mut c_void,
            lpInterface: *const IID,
            lpDestObj: *mut c_void,
            ulFlags: ULONG,
            lppProblems: *mut *mut SPropProblemArray,
        ) -> HRESULT,
    >,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`.
    pub GetNamesFromIDs: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            lppPropTags: *mut *mut SPropTagArray,
            lpPropSetGuid: *mut GUID,
            ulFlags: ULONG,
            lpcPropNames: *mut ULONG,
            lpppPropNames: *mut *mut *mut MAPINAMEID,
        ) -> HRESULT,
    >,
    /// Slot 13: `IMAPIProp::GetIDsFromNames`.
    pub GetIDsFromNames: Option<
        unsafe extern "system" fn(
            This: *mut IProfSect,
            cPropNames: ULONG,
            lppPropNames: *mut *mut MAPINAMEID,
            ulFlags: ULONG,
            lppPropTags: *mut *mut SPropTagArray,
        ) -> HRESULT,
    >,
}

const _: () = assert!(std::mem::size_of::<IProfSectVtbl>() == 14 * std::mem::size_of::<usize>());

/// `IProviderAdmin`, implemented by the host (MAPI): what a message
/// service's entry point (`ServiceEntry`) is given to reach the profile
/// sections of its service and its providers.
#[repr(C)]
pub struct IProviderAdmin {
    /// The object's vtable.
    pub lpVtbl: *const IProviderAdminVtbl,
}

/// `IProviderAdmin`'s eight slots (`IUnknown` +
/// `MAPI_IPROVIDERADMIN_METHODS`). `LPTSTR` strings are `void *`.
#[repr(C)]
#[derive(Default)]
pub struct IProviderAdminVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IProviderAdmin).
    pub QueryInterface: Option<
        unsafe extern "system" fn(
            This: *mut IProviderAdmin,
            riid: *const IID,
            ppvObj: *mut *mut c_void,
        ) -> HRESULT,
    >,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: Option<unsafe extern "system" fn(This: *mut IProviderAdmin) -> ULONG>,
    /// Slot 2: `IUnknown::Release`.
    pub Release: Option<unsafe extern "system" fn(This: *mut IProviderAdmin) -> ULONG>,
    /// Slot 3: `IProviderAdmin::GetLastError`.
    pub GetLastError: Option<
        unsafe extern "system" fn(
            This: *mut IProviderAdmin,
            hResult: HRESULT,
            ulFlags: ULONG,
            lppMAPIError: *mut *mut MAPIERROR,
        ) -> HRESULT,
    >,
    /// Slot 4: `IProviderAdmin::GetProviderTable`: the service's providers.
    pub GetProviderTable: Option<
        unsafe extern "system" fn(
            This: *mut IProviderAdmin,
            ulFlags: ULONG,
            lppTable: *mut *mut IMAPITable,
        ) -> HRESULT,
    >,
    /// Slot 5: `IProviderAdmin::CreateProvider`. `ulUIParam` is
    /// `ULONG_PTR` (Microsoft's width; MinGW-w64 says `ULONG`).
    pub CreateProvider: Option<
        unsafe extern "system" fn(
            This: *mut IProviderAdmin,
            lpszProvider: *mut c_void,
            cValues: ULONG,
            lpProps: *mut SPropValue,
            ulUIParam: ULONG_PTR,
            ulFlags: ULONG,
            lpUID: *mut MAPIUID,
        ) -> HRESULT,
    >,
    /// Slot 6: `IProviderAdmin::DeleteProvider`.
    pub DeleteProvider: Option<
        unsafe extern "system" fn(This: *mut IProviderAdmin, lpUID: *mut MAPIUID) -> HRESULT,
    >,
    /// Slot 7: `IProviderAdmin::OpenProfileSection`: a NULL `lpUID` (from
    /// a service's entry point) opens the message service's own section; a
    /// NULL `lpInterface` means `IProfSect`; `MAPI_MODIFY` asks for write
    /// access. `*lppProfSect` gets one reference.
    pub OpenProfileSection: Option<
        unsafe extern "system" fn(
            This: *mut IProviderAdmin,
            lpUID: *mut MAPIUID,
            lpInterface: *const IID,
            ulFlags: ULONG,
            lppProfSect: *mut *mut IProfSect,
        ) -> HRESULT,
    >,
}

const _: () =
    assert!(std::mem::size_of::<IProviderAdminVtbl>() == 8 * std::mem::size_of::<usize>());
