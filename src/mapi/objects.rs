//! The object tree behind a logon, as COM interface layouts: `{ lpVtbl }`
//! objects and their vtables for folders (`IMAPIFolder`, and its bases
//! `IMAPIProp` and `IMAPIContainer`), messages (`IMessage`), attachments
//! (`IAttach`), status objects (`IMAPIStatus`), tables (`IMAPITable`) and
//! property streams (`IStream`), slot for slot in MinGW-w64 `mapidefs.h` /
//! `objidl.h` order, with MinGW's method and parameter names. Every slot is
//! `STDMETHODCALLTYPE` (`extern "system"`). This crate implements these
//! vtables, so their slots are plain function pointers (see
//! [`interfaces`](super::interfaces)).
//!
//! # Widths: Microsoft's headers win over MinGW's
//!
//! Outlook's MAPI is compiled against Microsoft's headers, which declare
//! [`ULONG_PTR`] (pointer-sized: 8 bytes on x64, 4 on x86) where MinGW-w64's
//! say `ULONG`, and this module follows Microsoft:
//! - every `ulUIParam` (a window handle: `CopyTo`, `CopyProps`,
//!   `CopyMessages`, `DeleteMessages`, `CopyFolder`, `DeleteFolder`,
//!   `SetReadFlags`, `EmptyFolder`, `DeleteAttach`, `ValidateState`,
//!   `SettingsDialog`, `FlushQueues`);
//! - `IMAPITable`'s advise connection (`Advise` writes a `ULONG_PTR`,
//!   `Unadvise` takes one);
//! - every [`BOOKMARK`] (`SeekRow`, `FindRow`, `CreateBookmark`,
//!   `FreeBookmark`, `SetCollapseState`).
//!
//! On x64 a caller passes the address of an 8-byte connection or bookmark:
//! writing only 4 bytes would leave garbage in the other 4. By-value
//! arguments take a whole register or stack slot on both ABIs either way,
//! so the slot offsets and the stack sizes on i686 are the same as MinGW's.
//! The layout tests (`c-tests/windows/gen.py`) list these parameters as
//! explicit exceptions: pointer-sized there, instead of MinGW's `ULONG`.
//!
//! Structures this crate does not model yet are `void *`: `LPMAPIPROGRESS`.
//! `LPSRestriction` is an [`SRestriction`] in `IMAPITable`'s `FindRow` and
//! `Restrict`, but still `void *` in `IMAPIContainer` / `IMAPIFolder`'s
//! `SetSearchCriteria` / `GetSearchCriteria` (the same pointer either way).
//! `LPTSTR` strings are `void *` too (`char *`, or `WCHAR *` when `ulFlags`
//! has `MAPI_UNICODE`). `IStream` passes
//! `LARGE_INTEGER` / `ULARGE_INTEGER` by value: 8 bytes of stack each on
//! i686 (counted in the `__stdcall` callee's `ret`), one register on x64.
#![allow(non_snake_case)]
// The vtable slot types spell out MAPI's signatures on purpose.
#![allow(clippy::type_complexity)]

use std::ffi::c_void;

use super::interfaces::{IMAPIAdviseSink, IUnknown};
use super::restriction::SRestriction;
use super::types::{
    SPropProblemArray, SPropTagArray, SPropValue, SRowSet, SSortOrderSet, ADRLIST, BOOKMARK, BYTE,
    DWORD, ENTRYID, ENTRYLIST, GUID, HRESULT, IID, LARGE_INTEGER, LONG, MAPIERROR, MAPINAMEID,
    STATSTG, ULARGE_INTEGER, ULONG, ULONG_PTR,
};

/// `IMAPIProp`: an object with properties; the base of folders, messages, attachments, status
/// objects and the store.
#[repr(C)]
pub struct IMAPIProp {
    /// The object's vtable.
    pub lpVtbl: *const IMAPIPropVtbl,
}

/// `IMAPIProp`'s 14 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS`).
#[repr(C)]
pub struct IMAPIPropVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMAPIProp) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMAPIProp) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges: unsafe extern "system" fn(This: *mut IMAPIProp, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMAPIProp,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMAPIProp,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IMAPIPropVtbl>() == 14 * std::mem::size_of::<usize>());

/// `IMAPIContainer`: an `IMAPIProp` with contents and hierarchy tables.
#[repr(C)]
pub struct IMAPIContainer {
    /// The object's vtable.
    pub lpVtbl: *const IMAPIContainerVtbl,
}

/// `IMAPIContainer`'s 19 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS` +
/// `MAPI_IMAPICONTAINER_METHODS`).
#[repr(C)]
pub struct IMAPIContainerVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IMAPIContainer).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMAPIContainer) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMAPIContainer) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges:
        unsafe extern "system" fn(This: *mut IMAPIContainer, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 14: `IMAPIContainer::GetContentsTable` (`MAPI_ASSOCIATED`, `SHOW_SOFT_DELETES`,
    /// `MAPI_UNICODE`...).
    pub GetContentsTable: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 15: `IMAPIContainer::GetHierarchyTable` (`CONVENIENT_DEPTH`...).
    pub GetHierarchyTable: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 16: `IMAPIContainer::OpenEntry`.
    pub OpenEntry: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulObjType: *mut ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 17: `IMAPIContainer::SetSearchCriteria`. Opaque here: `lpRestriction`:
    /// `LPSRestriction`.
    pub SetSearchCriteria: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        lpRestriction: *mut c_void,
        lpContainerList: *mut ENTRYLIST,
        ulSearchFlags: ULONG,
    ) -> HRESULT,
    /// Slot 18: `IMAPIContainer::GetSearchCriteria`. Opaque here: `lppRestriction`:
    /// `LPSRestriction *`.
    pub GetSearchCriteria: unsafe extern "system" fn(
        This: *mut IMAPIContainer,
        ulFlags: ULONG,
        lppRestriction: *mut *mut c_void,
        lppContainerList: *mut *mut ENTRYLIST,
        lpulSearchState: *mut ULONG,
    ) -> HRESULT,
}

const _: () =
    assert!(std::mem::size_of::<IMAPIContainerVtbl>() == 19 * std::mem::size_of::<usize>());

/// `IMAPIFolder`: a folder of the store, opened with `OpenEntry` or created with
/// `CreateFolder`.
#[repr(C)]
pub struct IMAPIFolder {
    /// The object's vtable.
    pub lpVtbl: *const IMAPIFolderVtbl,
}

/// `IMAPIFolder`'s 30 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS` +
/// `MAPI_IMAPICONTAINER_METHODS` + `MAPI_IMAPIFOLDER_METHODS`).
#[repr(C)]
pub struct IMAPIFolderVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IMAPIContainer,
    /// IMAPIFolder).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMAPIFolder) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMAPIFolder) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges: unsafe extern "system" fn(This: *mut IMAPIFolder, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 14: `IMAPIContainer::GetContentsTable` (`MAPI_ASSOCIATED`, `SHOW_SOFT_DELETES`,
    /// `MAPI_UNICODE`...).
    pub GetContentsTable: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 15: `IMAPIContainer::GetHierarchyTable` (`CONVENIENT_DEPTH`...).
    pub GetHierarchyTable: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 16: `IMAPIContainer::OpenEntry`.
    pub OpenEntry: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulObjType: *mut ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 17: `IMAPIContainer::SetSearchCriteria`. Opaque here: `lpRestriction`:
    /// `LPSRestriction`.
    pub SetSearchCriteria: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpRestriction: *mut c_void,
        lpContainerList: *mut ENTRYLIST,
        ulSearchFlags: ULONG,
    ) -> HRESULT,
    /// Slot 18: `IMAPIContainer::GetSearchCriteria`. Opaque here: `lppRestriction`:
    /// `LPSRestriction *`.
    pub GetSearchCriteria: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulFlags: ULONG,
        lppRestriction: *mut *mut c_void,
        lppContainerList: *mut *mut ENTRYLIST,
        lpulSearchState: *mut ULONG,
    ) -> HRESULT,
    /// Slot 19: `IMAPIFolder::CreateMessage` (`MAPI_ASSOCIATED`, `MAPI_DEFERRED_ERRORS`).
    pub CreateMessage: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lppMessage: *mut *mut IMessage,
    ) -> HRESULT,
    /// Slot 20: `IMAPIFolder::CopyMessages` (`MESSAGE_MOVE`, `MESSAGE_DIALOG`...).
    /// `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyMessages: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpMsgList: *mut ENTRYLIST,
        lpInterface: *const IID,
        lpDestFolder: *mut c_void,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 21: `IMAPIFolder::DeleteMessages`. `ulUIParam` is `ULONG_PTR` (Microsoft);
    /// opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub DeleteMessages: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpMsgList: *mut ENTRYLIST,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 22: `IMAPIFolder::CreateFolder` (`FOLDER_GENERIC` / `FOLDER_SEARCH`,
    /// `OPEN_IF_EXISTS`). `lpszFolderName` and `lpszFolderComment` are `LPTSTR`: `char *`
    /// or `WCHAR *` per `MAPI_UNICODE`.
    pub CreateFolder: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulFolderType: ULONG,
        lpszFolderName: *mut c_void,
        lpszFolderComment: *mut c_void,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lppFolder: *mut *mut IMAPIFolder,
    ) -> HRESULT,
    /// Slot 23: `IMAPIFolder::CopyFolder` (`FOLDER_MOVE`, `COPY_SUBFOLDERS`...).
    /// `lpszNewFolderName` is `LPTSTR` (`char *` or `WCHAR *` per `MAPI_UNICODE`);
    /// `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyFolder: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        lpInterface: *const IID,
        lpDestFolder: *mut c_void,
        lpszNewFolderName: *mut c_void,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 24: `IMAPIFolder::DeleteFolder` (`DEL_MESSAGES`, `DEL_FOLDERS`...). `ulUIParam`
    /// is `ULONG_PTR` (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub DeleteFolder: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 25: `IMAPIFolder::SetReadFlags` (NULL `lpMsgList`: every message). `ulUIParam`
    /// is `ULONG_PTR` (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub SetReadFlags: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpMsgList: *mut ENTRYLIST,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 26: `IMAPIFolder::GetMessageStatus`: the message's `MSGSTATUS_*` bits.
    pub GetMessageStatus: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulFlags: ULONG,
        lpulMessageStatus: *mut ULONG,
    ) -> HRESULT,
    /// Slot 27: `IMAPIFolder::SetMessageStatus`: the bits of `ulNewStatusMask` become those
    /// of `ulNewStatus`; the old status out.
    pub SetMessageStatus: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        cbEntryID: ULONG,
        lpEntryID: *mut ENTRYID,
        ulNewStatus: ULONG,
        ulNewStatusMask: ULONG,
        lpulOldStatus: *mut ULONG,
    ) -> HRESULT,
    /// Slot 28: `IMAPIFolder::SaveContentsSort`.
    pub SaveContentsSort: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        lpSortCriteria: *mut SSortOrderSet,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 29: `IMAPIFolder::EmptyFolder` (`DEL_ASSOCIATED`, `FOLDER_DIALOG`...).
    /// `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here: `lpProgress`: `LPMAPIPROGRESS`.
    pub EmptyFolder: unsafe extern "system" fn(
        This: *mut IMAPIFolder,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IMAPIFolderVtbl>() == 30 * std::mem::size_of::<usize>());

/// `IMessage`: a message, transacted: its changes are visible to others after `SaveChanges`.
#[repr(C)]
pub struct IMessage {
    /// The object's vtable.
    pub lpVtbl: *const IMessageVtbl,
}

/// `IMessage`'s 22 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS` + `MAPI_IMESSAGE_METHODS`).
#[repr(C)]
pub struct IMessageVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IMessage).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMessage,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMessage) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMessage) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMessage,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges: unsafe extern "system" fn(This: *mut IMessage, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMessage,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMessage,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMessage,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMessage,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMessage,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMessage,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMessage,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMessage,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMessage,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 14: `IMessage::GetAttachmentTable`.
    pub GetAttachmentTable: unsafe extern "system" fn(
        This: *mut IMessage,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 15: `IMessage::OpenAttach`: attachment number `PR_ATTACH_NUM`.
    pub OpenAttach: unsafe extern "system" fn(
        This: *mut IMessage,
        ulAttachmentNum: ULONG,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lppAttach: *mut *mut IAttach,
    ) -> HRESULT,
    /// Slot 16: `IMessage::CreateAttach`: the new attachment and its number.
    pub CreateAttach: unsafe extern "system" fn(
        This: *mut IMessage,
        lpInterface: *const IID,
        ulFlags: ULONG,
        lpulAttachmentNum: *mut ULONG,
        lppAttach: *mut *mut IAttach,
    ) -> HRESULT,
    /// Slot 17: `IMessage::DeleteAttach`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub DeleteAttach: unsafe extern "system" fn(
        This: *mut IMessage,
        ulAttachmentNum: ULONG,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 18: `IMessage::GetRecipientTable`.
    pub GetRecipientTable: unsafe extern "system" fn(
        This: *mut IMessage,
        ulFlags: ULONG,
        lppTable: *mut *mut IMAPITable,
    ) -> HRESULT,
    /// Slot 19: `IMessage::ModifyRecipients` (`MODRECIP_ADD`, `MODRECIP_MODIFY`,
    /// `MODRECIP_REMOVE`; 0 replaces them all).
    pub ModifyRecipients: unsafe extern "system" fn(
        This: *mut IMessage,
        ulFlags: ULONG,
        lpMods: *mut ADRLIST,
    ) -> HRESULT,
    /// Slot 20: `IMessage::SubmitMessage`.
    pub SubmitMessage: unsafe extern "system" fn(This: *mut IMessage, ulFlags: ULONG) -> HRESULT,
    /// Slot 21: `IMessage::SetReadFlag` (`CLEAR_READ_FLAG`, `SUPPRESS_RECEIPT`...).
    pub SetReadFlag: unsafe extern "system" fn(This: *mut IMessage, ulFlags: ULONG) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IMessageVtbl>() == 22 * std::mem::size_of::<usize>());

/// `IAttach`: an attachment of a message (its IID is `IID_IAttachment`).
#[repr(C)]
pub struct IAttach {
    /// The object's vtable.
    pub lpVtbl: *const IAttachVtbl,
}

/// `IAttach`'s 14 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS`; `MAPI_IATTACH_METHODS` is
/// empty).
#[repr(C)]
pub struct IAttachVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IAttachment).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IAttach,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IAttach) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IAttach) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IAttach,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges: unsafe extern "system" fn(This: *mut IAttach, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IAttach,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IAttach,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IAttach,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IAttach,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IAttach,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IAttach,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IAttach,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IAttach,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IAttach,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IAttachVtbl>() == 14 * std::mem::size_of::<usize>());

/// `IMAPIStatus`: the provider's status object (`IMSLogon::OpenStatusEntry`).
#[repr(C)]
pub struct IMAPIStatus {
    /// The object's vtable.
    pub lpVtbl: *const IMAPIStatusVtbl,
}

/// `IMAPIStatus`'s 18 slots (`IUnknown` + `MAPI_IMAPIPROP_METHODS` +
/// `MAPI_IMAPISTATUS_METHODS`).
#[repr(C)]
pub struct IMAPIStatusVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPIProp, IMAPIStatus).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMAPIStatus) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMAPIStatus) -> ULONG,
    /// Slot 3: `IMAPIProp::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPIProp::SaveChanges` (`KEEP_OPEN_READONLY`, `KEEP_OPEN_READWRITE`,
    /// `FORCE_SAVE`).
    pub SaveChanges: unsafe extern "system" fn(This: *mut IMAPIStatus, ulFlags: ULONG) -> HRESULT,
    /// Slot 5: `IMAPIProp::GetProps`: a NULL `lpPropTagArray` asks for every property;
    /// `*lpcValues` is output only; `*lppPropArray` is allocated with `MAPIAllocateBuffer`.
    pub GetProps: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
        lpcValues: *mut ULONG,
        lppPropArray: *mut *mut SPropValue,
    ) -> HRESULT,
    /// Slot 6: `IMAPIProp::GetPropList`.
    pub GetPropList: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        ulFlags: ULONG,
        lppPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 7: `IMAPIProp::OpenProperty`: a `PT_OBJECT` or stream property as an object
    /// (`lpiid`: `IID_IStream`, `IID_IMAPITable`, `IID_IMessage`...).
    pub OpenProperty: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        ulPropTag: ULONG,
        lpiid: *const IID,
        ulInterfaceOptions: ULONG,
        ulFlags: ULONG,
        lppUnk: *mut *mut IUnknown,
    ) -> HRESULT,
    /// Slot 8: `IMAPIProp::SetProps`.
    pub SetProps: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        cValues: ULONG,
        lpPropArray: *mut SPropValue,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPIProp::DeleteProps`.
    pub DeleteProps: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        lpPropTagArray: *mut SPropTagArray,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 10: `IMAPIProp::CopyTo`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque here:
    /// `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
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
    /// Slot 11: `IMAPIProp::CopyProps`. `ulUIParam` is `ULONG_PTR` (Microsoft); opaque
    /// here: `lpProgress`: `LPMAPIPROGRESS`.
    pub CopyProps: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        lpIncludeProps: *mut SPropTagArray,
        ulUIParam: ULONG_PTR,
        lpProgress: *mut c_void,
        lpInterface: *const IID,
        lpDestObj: *mut c_void,
        ulFlags: ULONG,
        lppProblems: *mut *mut SPropProblemArray,
    ) -> HRESULT,
    /// Slot 12: `IMAPIProp::GetNamesFromIDs`: `*lpppPropNames` is an array of
    /// `*lpcPropNames` pointers (`LPMAPINAMEID *`).
    pub GetNamesFromIDs: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        lppPropTags: *mut *mut SPropTagArray,
        lpPropSetGuid: *mut GUID,
        ulFlags: ULONG,
        lpcPropNames: *mut ULONG,
        lpppPropNames: *mut *mut *mut MAPINAMEID,
    ) -> HRESULT,
    /// Slot 13: `IMAPIProp::GetIDsFromNames` (`MAPI_CREATE` makes missing names).
    pub GetIDsFromNames: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        cPropNames: ULONG,
        lppPropNames: *mut *mut MAPINAMEID,
        ulFlags: ULONG,
        lppPropTags: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 14: `IMAPIStatus::ValidateState`. `ulUIParam` is `ULONG_PTR` (Microsoft).
    pub ValidateState: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        ulUIParam: ULONG_PTR,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 15: `IMAPIStatus::SettingsDialog`. `ulUIParam` is `ULONG_PTR` (Microsoft).
    pub SettingsDialog: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        ulUIParam: ULONG_PTR,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 16: `IMAPIStatus::ChangePassword`. `lpOldPass` and `lpNewPass` are `LPTSTR`:
    /// `char *` or `WCHAR *` per `MAPI_UNICODE`.
    pub ChangePassword: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        lpOldPass: *mut c_void,
        lpNewPass: *mut c_void,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 17: `IMAPIStatus::FlushQueues`. `ulUIParam` is `ULONG_PTR` (Microsoft).
    pub FlushQueues: unsafe extern "system" fn(
        This: *mut IMAPIStatus,
        ulUIParam: ULONG_PTR,
        cbTargetTransport: ULONG,
        lpTargetTransport: *mut ENTRYID,
        ulFlags: ULONG,
    ) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IMAPIStatusVtbl>() == 18 * std::mem::size_of::<usize>());

/// `IMAPITable`: a table view (hierarchy, contents, recipients, attachments, receive folders,
/// status rows).
#[repr(C)]
pub struct IMAPITable {
    /// The object's vtable.
    pub lpVtbl: *const IMAPITableVtbl,
}

/// `IMAPITable`'s 26 slots (`IUnknown` + `MAPI_IMAPITABLE_METHODS`).
#[repr(C)]
pub struct IMAPITableVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, IMAPITable).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IMAPITable,
        riid: *const IID,
        ppvObj: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IMAPITable) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IMAPITable) -> ULONG,
    /// Slot 3: `IMAPITable::GetLastError`.
    pub GetLastError: unsafe extern "system" fn(
        This: *mut IMAPITable,
        hResult: HRESULT,
        ulFlags: ULONG,
        lppMAPIError: *mut *mut MAPIERROR,
    ) -> HRESULT,
    /// Slot 4: `IMAPITable::Advise` (`fnevTableModified`): the connection number is
    /// `ULONG_PTR` (Microsoft), all of it written.
    pub Advise: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulEventMask: ULONG,
        lpAdviseSink: *mut IMAPIAdviseSink,
        lpulConnection: *mut ULONG_PTR,
    ) -> HRESULT,
    /// Slot 5: `IMAPITable::Unadvise`: a connection from `Advise` (`ULONG_PTR`).
    pub Unadvise:
        unsafe extern "system" fn(This: *mut IMAPITable, ulConnection: ULONG_PTR) -> HRESULT,
    /// Slot 6: `IMAPITable::GetStatus`: `TBLSTAT_*` and `TBLTYPE_*`.
    pub GetStatus: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpulTableStatus: *mut ULONG,
        lpulTableType: *mut ULONG,
    ) -> HRESULT,
    /// Slot 7: `IMAPITable::SetColumns` (`TBL_ASYNC`, `TBL_BATCH`).
    pub SetColumns: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpPropTagArray: *mut SPropTagArray,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 8: `IMAPITable::QueryColumns` (`TBL_ALL_COLUMNS`).
    pub QueryColumns: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulFlags: ULONG,
        lpPropTagArray: *mut *mut SPropTagArray,
    ) -> HRESULT,
    /// Slot 9: `IMAPITable::GetRowCount`.
    pub GetRowCount: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulFlags: ULONG,
        lpulCount: *mut ULONG,
    ) -> HRESULT,
    /// Slot 10: `IMAPITable::SeekRow`: from `bkOrigin` (`BOOKMARK`: `ULONG_PTR`,
    /// Microsoft), `lRowCount` rows (negative: backwards); the rows moved out.
    pub SeekRow: unsafe extern "system" fn(
        This: *mut IMAPITable,
        bkOrigin: BOOKMARK,
        lRowCount: LONG,
        lplRowsSought: *mut LONG,
    ) -> HRESULT,
    /// Slot 11: `IMAPITable::SeekRowApprox`: to the fraction `ulNumerator / ulDenominator`.
    pub SeekRowApprox: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulNumerator: ULONG,
        ulDenominator: ULONG,
    ) -> HRESULT,
    /// Slot 12: `IMAPITable::QueryPosition`.
    pub QueryPosition: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpulRow: *mut ULONG,
        lpulNumerator: *mut ULONG,
        lpulDenominator: *mut ULONG,
    ) -> HRESULT,
    /// Slot 13: `IMAPITable::FindRow` (`DIR_BACKWARD`). `bkOrigin` is `BOOKMARK`
    /// (`ULONG_PTR`, Microsoft).
    pub FindRow: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpRestriction: *mut SRestriction,
        bkOrigin: BOOKMARK,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 14: `IMAPITable::Restrict` (NULL removes the restriction).
    pub Restrict: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpRestriction: *mut SRestriction,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 15: `IMAPITable::CreateBookmark`: writes a whole `BOOKMARK` (`ULONG_PTR`,
    /// Microsoft).
    pub CreateBookmark:
        unsafe extern "system" fn(This: *mut IMAPITable, lpbkPosition: *mut BOOKMARK) -> HRESULT,
    /// Slot 16: `IMAPITable::FreeBookmark` (`BOOKMARK`: `ULONG_PTR`, Microsoft).
    pub FreeBookmark:
        unsafe extern "system" fn(This: *mut IMAPITable, bkPosition: BOOKMARK) -> HRESULT,
    /// Slot 17: `IMAPITable::SortTable`.
    pub SortTable: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lpSortCriteria: *mut SSortOrderSet,
        ulFlags: ULONG,
    ) -> HRESULT,
    /// Slot 18: `IMAPITable::QuerySortOrder`.
    pub QuerySortOrder: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lppSortCriteria: *mut *mut SSortOrderSet,
    ) -> HRESULT,
    /// Slot 19: `IMAPITable::QueryRows` (`TBL_NOADVANCE`): the row set is one
    /// `MAPIAllocateBuffer` root, each row's `lpProps` another (`FreeProws`).
    pub QueryRows: unsafe extern "system" fn(
        This: *mut IMAPITable,
        lRowCount: LONG,
        ulFlags: ULONG,
        lppRows: *mut *mut SRowSet,
    ) -> HRESULT,
    /// Slot 20: `IMAPITable::Abort`.
    pub Abort: unsafe extern "system" fn(This: *mut IMAPITable) -> HRESULT,
    /// Slot 21: `IMAPITable::ExpandRow`.
    pub ExpandRow: unsafe extern "system" fn(
        This: *mut IMAPITable,
        cbInstanceKey: ULONG,
        pbInstanceKey: *mut BYTE,
        ulRowCount: ULONG,
        ulFlags: ULONG,
        lppRows: *mut *mut SRowSet,
        lpulMoreRows: *mut ULONG,
    ) -> HRESULT,
    /// Slot 22: `IMAPITable::CollapseRow`.
    pub CollapseRow: unsafe extern "system" fn(
        This: *mut IMAPITable,
        cbInstanceKey: ULONG,
        pbInstanceKey: *mut BYTE,
        ulFlags: ULONG,
        lpulRowCount: *mut ULONG,
    ) -> HRESULT,
    /// Slot 23: `IMAPITable::WaitForCompletion`.
    pub WaitForCompletion: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulFlags: ULONG,
        ulTimeout: ULONG,
        lpulTableStatus: *mut ULONG,
    ) -> HRESULT,
    /// Slot 24: `IMAPITable::GetCollapseState`.
    pub GetCollapseState: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulFlags: ULONG,
        cbInstanceKey: ULONG,
        lpbInstanceKey: *mut BYTE,
        lpcbCollapseState: *mut ULONG,
        lppbCollapseState: *mut *mut BYTE,
    ) -> HRESULT,
    /// Slot 25: `IMAPITable::SetCollapseState`: the restored position as a whole `BOOKMARK`
    /// (`ULONG_PTR`, Microsoft).
    pub SetCollapseState: unsafe extern "system" fn(
        This: *mut IMAPITable,
        ulFlags: ULONG,
        cbCollapseState: ULONG,
        pbCollapseState: *mut BYTE,
        lpbkLocation: *mut BOOKMARK,
    ) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IMAPITableVtbl>() == 26 * std::mem::size_of::<usize>());

/// `IStream` (`objidl.h`): a property's bytes as a stream (`OpenProperty` with `IID_IStream`).
#[repr(C)]
pub struct IStream {
    /// The object's vtable.
    pub lpVtbl: *const IStreamVtbl,
}

/// `IStream`'s 14 slots (`IUnknown` + `ISequentialStream` + `IStream`, `objidl.h`).
#[repr(C)]
pub struct IStreamVtbl {
    /// Slot 0: `IUnknown::QueryInterface` (IUnknown, ISequentialStream, IStream; `REFIID
    /// riid`).
    pub QueryInterface: unsafe extern "system" fn(
        This: *mut IStream,
        riid: *const IID,
        ppvObject: *mut *mut c_void,
    ) -> HRESULT,
    /// Slot 1: `IUnknown::AddRef`.
    pub AddRef: unsafe extern "system" fn(This: *mut IStream) -> ULONG,
    /// Slot 2: `IUnknown::Release`.
    pub Release: unsafe extern "system" fn(This: *mut IStream) -> ULONG,
    /// Slot 3: `ISequentialStream::Read`: up to `cb` bytes into `pv`; the count read out
    /// (`pcbRead` may be NULL).
    pub Read: unsafe extern "system" fn(
        This: *mut IStream,
        pv: *mut c_void,
        cb: ULONG,
        pcbRead: *mut ULONG,
    ) -> HRESULT,
    /// Slot 4: `ISequentialStream::Write`: `cb` bytes from `pv`; the count written out
    /// (`pcbWritten` may be NULL).
    pub Write: unsafe extern "system" fn(
        This: *mut IStream,
        pv: *const c_void,
        cb: ULONG,
        pcbWritten: *mut ULONG,
    ) -> HRESULT,
    /// Slot 5: `IStream::Seek`: `dlibMove` (by value) from `STREAM_SEEK_SET`/`CUR`/`END`;
    /// the new position out (may be NULL).
    pub Seek: unsafe extern "system" fn(
        This: *mut IStream,
        dlibMove: LARGE_INTEGER,
        dwOrigin: DWORD,
        plibNewPosition: *mut ULARGE_INTEGER,
    ) -> HRESULT,
    /// Slot 6: `IStream::SetSize` (`libNewSize` by value).
    pub SetSize:
        unsafe extern "system" fn(This: *mut IStream, libNewSize: ULARGE_INTEGER) -> HRESULT,
    /// Slot 7: `IStream::CopyTo`: up to `cb` (by value) bytes to `pstm`; the counts out
    /// (each may be NULL).
    pub CopyTo: unsafe extern "system" fn(
        This: *mut IStream,
        pstm: *mut IStream,
        cb: ULARGE_INTEGER,
        pcbRead: *mut ULARGE_INTEGER,
        pcbWritten: *mut ULARGE_INTEGER,
    ) -> HRESULT,
    /// Slot 8: `IStream::Commit` (`STGC_DEFAULT`...).
    pub Commit: unsafe extern "system" fn(This: *mut IStream, grfCommitFlags: DWORD) -> HRESULT,
    /// Slot 9: `IStream::Revert`.
    pub Revert: unsafe extern "system" fn(This: *mut IStream) -> HRESULT,
    /// Slot 10: `IStream::LockRegion` (`libOffset` and `cb` by value).
    pub LockRegion: unsafe extern "system" fn(
        This: *mut IStream,
        libOffset: ULARGE_INTEGER,
        cb: ULARGE_INTEGER,
        dwLockType: DWORD,
    ) -> HRESULT,
    /// Slot 11: `IStream::UnlockRegion` (`libOffset` and `cb` by value).
    pub UnlockRegion: unsafe extern "system" fn(
        This: *mut IStream,
        libOffset: ULARGE_INTEGER,
        cb: ULARGE_INTEGER,
        dwLockType: DWORD,
    ) -> HRESULT,
    /// Slot 12: `IStream::Stat` (`STATFLAG_DEFAULT`, `STATFLAG_NONAME`).
    pub Stat: unsafe extern "system" fn(
        This: *mut IStream,
        pstatstg: *mut STATSTG,
        grfStatFlag: DWORD,
    ) -> HRESULT,
    /// Slot 13: `IStream::Clone`: a new stream object on the same bytes, with its own seek
    /// pointer.
    pub Clone: unsafe extern "system" fn(This: *mut IStream, ppstm: *mut *mut IStream) -> HRESULT,
}

const _: () = assert!(std::mem::size_of::<IStreamVtbl>() == 14 * std::mem::size_of::<usize>());
