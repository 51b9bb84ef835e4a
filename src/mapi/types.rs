//! Scalar and structure types of the MAPI ABI, laid out exactly as in the
//! MinGW-w64 `mapidefs.h` / `mapispi.h`.

#![allow(non_snake_case)]

use std::ffi::{c_char, c_void};

/// MAPI's `ULONG`: 32 bits on every platform (`unsigned long` on Windows).
///
/// Never `libc::c_ulong`, which is 64 bits on 64-bit Linux.
pub type ULONG = u32;

/// COM's `HRESULT`: a signed 32-bit status code.
pub type HRESULT = i32;

/// MAPI's `SCODE`, the same representation as [`HRESULT`].
pub type SCODE = i32;

/// MAPI's `BYTE`.
pub type BYTE = u8;

/// A COM `GUID` (and `IID`), 16 bytes, `{data1-data2-data3-data4}`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GUID {
    /// First 32 bits.
    pub data1: u32,
    /// Next 16 bits.
    pub data2: u16,
    /// Next 16 bits.
    pub data3: u16,
    /// Last 64 bits, in byte order.
    pub data4: [u8; 8],
}

impl GUID {
    /// Builds a GUID from its four fields.
    pub const fn new(data1: u32, data2: u16, data3: u16, data4: [u8; 8]) -> Self {
        GUID {
            data1,
            data2,
            data3,
            data4,
        }
    }

    /// MAPI's interface IDs all read `{xxxxxxxx-0000-0000-C000-000000000046}`.
    pub const fn mapi(data1: u32) -> Self {
        GUID::new(data1, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46])
    }
}

impl std::fmt::Display for GUID {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.data4;
        write!(
            f,
            "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-{:02X}{:02X}{:02X}{:02X}{:02X}{:02X}}}",
            self.data1, self.data2, self.data3, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]
        )
    }
}

/// COM's `IID`.
pub type IID = GUID;

/// MAPI's `ENTRYID`: four flag bytes followed by a provider-defined byte
/// string; `ab` is a flexible array member (`BYTE ab[MAPI_DIM]`), so an entry
/// ID is always passed together with its size in bytes (`cbEntryID`).
#[repr(C)]
#[allow(non_snake_case)]
pub struct ENTRYID {
    /// Flags describing the entry ID (`MAPI_SHORTTERM`, ...).
    pub abFlags: [BYTE; 4],
    /// The provider-defined bytes (variable length).
    pub ab: [BYTE; 1],
}

/// MAPI's `MAPIERROR`, returned by `GetLastError`.
///
/// The provider allocates it with the host's `MAPIAllocateBuffer` (strings
/// chained with `MAPIAllocateMore`), the caller frees it with
/// `MAPIFreeBuffer`. The strings are `WCHAR` (UTF-16) when the caller passed
/// `MAPI_UNICODE`, 8-bit `char` otherwise (MAPI's `LPTSTR`).
#[repr(C)]
#[allow(non_snake_case)]
pub struct MAPIERROR {
    /// `MAPI_ERROR_VERSION`.
    pub ulVersion: ULONG,
    /// Description of the error (`LPTSTR`).
    pub lpszError: *mut c_void,
    /// Component that raised the error (`LPTSTR`).
    pub lpszComponent: *mut c_void,
    /// Low-level error code, if any.
    pub ulLowLevelError: ULONG,
    /// Location of the error in the component.
    pub ulContext: ULONG,
}

/// `MAPIAllocateBuffer` (`LPALLOCATEBUFFER`), implemented by the host.
/// `None` stands for a NULL function pointer.
pub type AllocateBufferFn =
    Option<unsafe extern "system" fn(cbSize: ULONG, lppBuffer: *mut *mut c_void) -> SCODE>;

/// `MAPIAllocateMore` (`LPALLOCATEMORE`): allocates a buffer chained to
/// `lpObject` and freed with it.
pub type AllocateMoreFn = Option<
    unsafe extern "system" fn(
        cbSize: ULONG,
        lpObject: *mut c_void,
        lppBuffer: *mut *mut c_void,
    ) -> SCODE,
>;

/// `MAPIFreeBuffer` (`LPFREEBUFFER`).
pub type FreeBufferFn = Option<unsafe extern "system" fn(lpBuffer: *mut c_void) -> ULONG>;

/// MAPI's `LONG`: a signed 32-bit integer (`long` on Windows).
pub type LONG = i32;

/// Windows' `DWORD`: an unsigned 32-bit integer.
pub type DWORD = u32;

/// Windows' `WCHAR`: one UTF-16 code unit (`wchar_t` is 16 bits on Windows).
pub type WCHAR = u16;

/// Windows' `FILETIME`: 100-nanosecond intervals since 1601-01-01 UTC, split
/// into two 32-bit halves (so it is only 4-byte aligned).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct FILETIME {
    /// Low 32 bits.
    pub dwLowDateTime: DWORD,
    /// High 32 bits.
    pub dwHighDateTime: DWORD,
}

/// COM's `CURRENCY` (`CY`): a 64-bit integer scaled by 10,000.
///
/// MinGW-w64 declares it as a union of `{ Lo, Hi }` and `LONGLONG int64`;
/// only `int64` is modelled here, which has the same size and alignment
/// (8 bytes, 8-byte aligned on x86_64 and i686 Windows).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct CURRENCY {
    /// The scaled value.
    pub int64: i64,
}

/// Windows' `LARGE_INTEGER`: a signed 64-bit integer.
///
/// MinGW-w64 declares it as a union of `{ LowPart, HighPart }` (twice) and
/// `LONGLONG QuadPart`; only `QuadPart` is modelled here, which has the same
/// size and alignment (8 bytes, 8-byte aligned on x86_64 and i686 Windows).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct LARGE_INTEGER {
    /// The value.
    pub QuadPart: i64,
}

/// MAPI's `MAPIUID`: a 16-byte identifier (provider UIDs, entry-ID
/// prefixes, `PR_RECORD_KEY` of a store).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct MAPIUID {
    /// The 16 bytes.
    pub ab: [BYTE; 16],
}

/// MAPI's `SBinary`: a counted byte string (`PT_BINARY` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SBinary {
    /// Number of bytes at `lpb`.
    pub cb: ULONG,
    /// The bytes (`LPBYTE`).
    pub lpb: *mut BYTE,
}

/// MAPI's `SShortArray` (`PT_MV_I2` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SShortArray {
    /// Number of values at `lpi`.
    pub cValues: ULONG,
    /// The values (`short int *`).
    pub lpi: *mut i16,
}

/// MAPI's `SLongArray` (`PT_MV_LONG` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SLongArray {
    /// Number of values at `lpl`.
    pub cValues: ULONG,
    /// The values (`LONG *`).
    pub lpl: *mut LONG,
}

/// MAPI's `SRealArray` (`PT_MV_R4` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SRealArray {
    /// Number of values at `lpflt`.
    pub cValues: ULONG,
    /// The values (`float *`).
    pub lpflt: *mut f32,
}

/// MAPI's `SDoubleArray` (`PT_MV_DOUBLE` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SDoubleArray {
    /// Number of values at `lpdbl`.
    pub cValues: ULONG,
    /// The values (`double *`).
    pub lpdbl: *mut f64,
}

/// MAPI's `SCurrencyArray` (`PT_MV_CURRENCY` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SCurrencyArray {
    /// Number of values at `lpcur`.
    pub cValues: ULONG,
    /// The values (`CURRENCY *`).
    pub lpcur: *mut CURRENCY,
}

/// MAPI's `SAppTimeArray` (`PT_MV_APPTIME` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SAppTimeArray {
    /// Number of values at `lpat`.
    pub cValues: ULONG,
    /// The values (`double *`, OLE automation dates).
    pub lpat: *mut f64,
}

/// MAPI's `SDateTimeArray` (`PT_MV_SYSTIME` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SDateTimeArray {
    /// Number of values at `lpft`.
    pub cValues: ULONG,
    /// The values (`FILETIME *`).
    pub lpft: *mut FILETIME,
}

/// MAPI's `SBinaryArray` (`PT_MV_BINARY` values; also `ENTRYLIST`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SBinaryArray {
    /// Number of values at `lpbin`.
    pub cValues: ULONG,
    /// The values (`SBinary *`).
    pub lpbin: *mut SBinary,
}

/// MAPI's `SLPSTRArray` (`PT_MV_STRING8` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SLPSTRArray {
    /// Number of values at `lppszA`.
    pub cValues: ULONG,
    /// The values (`LPSTR *`).
    pub lppszA: *mut *mut c_char,
}

/// MAPI's `SWStringArray` (`PT_MV_UNICODE` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SWStringArray {
    /// Number of values at `lppszW`.
    pub cValues: ULONG,
    /// The values (`LPWSTR *`).
    pub lppszW: *mut *mut WCHAR,
}

/// MAPI's `SGuidArray` (`PT_MV_CLSID` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SGuidArray {
    /// Number of values at `lpguid`.
    pub cValues: ULONG,
    /// The values (`GUID *`).
    pub lpguid: *mut GUID,
}

/// MAPI's `SLargeIntegerArray` (`PT_MV_I8` values).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SLargeIntegerArray {
    /// Number of values at `lpli`.
    pub cValues: ULONG,
    /// The values (`LARGE_INTEGER *`).
    pub lpli: *mut LARGE_INTEGER,
}

/// MAPI's `union _PV` (typedef `__UPV`): the value of an [`SPropValue`],
/// read through the member that `PROP_TYPE(ulPropTag)` names.
///
/// Named `PV` rather than `_PV` because the exported C name would be
/// `MSLogon__PV`, and identifiers containing `__` are reserved in C++.
/// Every member of MinGW-w64's union is present, so size and alignment are
/// MAPI's: 8 bytes on i686 Windows, 16 on x86_64 (the `{ cValues, lp }`
/// multi-valued members), 8-byte aligned on both.
#[repr(C)]
#[derive(Clone, Copy)]
pub union PV {
    /// `PT_I2` (`short int`).
    pub i: i16,
    /// `PT_LONG` (`LONG`).
    pub l: LONG,
    /// `PT_LONG`, unsigned view (`ULONG`).
    pub ul: ULONG,
    /// `PT_R4` (`float`).
    pub flt: f32,
    /// `PT_DOUBLE` (`double`).
    pub dbl: f64,
    /// `PT_BOOLEAN` (`unsigned short int`, 0 or 1).
    pub b: u16,
    /// `PT_CURRENCY`.
    pub cur: CURRENCY,
    /// `PT_APPTIME` (`double`).
    pub at: f64,
    /// `PT_SYSTIME`.
    pub ft: FILETIME,
    /// `PT_STRING8` (`LPSTR`).
    pub lpszA: *mut c_char,
    /// `PT_BINARY`.
    pub bin: SBinary,
    /// `PT_UNICODE` (`LPWSTR`).
    pub lpszW: *mut WCHAR,
    /// `PT_CLSID` (`LPGUID`).
    pub lpguid: *mut GUID,
    /// `PT_I8`.
    pub li: LARGE_INTEGER,
    /// `PT_MV_I2`.
    pub MVi: SShortArray,
    /// `PT_MV_LONG`.
    pub MVl: SLongArray,
    /// `PT_MV_R4`.
    pub MVflt: SRealArray,
    /// `PT_MV_DOUBLE`.
    pub MVdbl: SDoubleArray,
    /// `PT_MV_CURRENCY`.
    pub MVcur: SCurrencyArray,
    /// `PT_MV_APPTIME`.
    pub MVat: SAppTimeArray,
    /// `PT_MV_SYSTIME`.
    pub MVft: SDateTimeArray,
    /// `PT_MV_BINARY`.
    pub MVbin: SBinaryArray,
    /// `PT_MV_STRING8`.
    pub MVszA: SLPSTRArray,
    /// `PT_MV_UNICODE`.
    pub MVszW: SWStringArray,
    /// `PT_MV_CLSID`.
    pub MVguid: SGuidArray,
    /// `PT_MV_I8`.
    pub MVli: SLargeIntegerArray,
    /// `PT_ERROR`: why the property has no value (`SCODE`).
    pub err: SCODE,
    /// `PT_NULL` / `PT_OBJECT`: unused (`LONG`).
    pub x: LONG,
}

/// MAPI's `SPropValue`: one property, its tag and its value
/// (`LPSPropValue` arrays are what `GetProps` returns and `SetProps` takes).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SPropValue {
    /// Property tag: `PROP_TAG(type, id)`.
    pub ulPropTag: ULONG,
    /// Padding that keeps `Value` 8-byte aligned; reserved.
    pub dwAlignPad: ULONG,
    /// The value, read through the member the tag's type names.
    pub Value: PV,
}

/// MAPI's `SPropTagArray`: a counted list of property tags.
///
/// `aulPropTag` is a flexible array member (`ULONG aulPropTag[MAPI_DIM]`,
/// `MAPI_DIM` = 1): the array really holds `cValues` tags, so one is
/// allocated with `CbNewSPropTagArray(n)` = 4 + 4·n bytes.
#[repr(C)]
#[derive(Debug)]
pub struct SPropTagArray {
    /// Number of tags in `aulPropTag`.
    pub cValues: ULONG,
    /// The tags (variable length).
    pub aulPropTag: [ULONG; 1],
}

/// MAPI's `SPropProblem`: why one property of a `SetProps`/`DeleteProps`/
/// `CopyTo` call failed.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SPropProblem {
    /// Index of the property in the caller's array.
    pub ulIndex: ULONG,
    /// Its tag.
    pub ulPropTag: ULONG,
    /// The failure.
    pub scode: SCODE,
}

/// MAPI's `SPropProblemArray`: a counted list of [`SPropProblem`]s.
///
/// `aProblem` is a flexible array member (`SPropProblem aProblem[MAPI_DIM]`,
/// `MAPI_DIM` = 1): it really holds `cProblem` entries, so one is allocated
/// with `CbNewSPropProblemArray(n)` = 4 + 12·n bytes.
#[repr(C)]
#[derive(Debug)]
pub struct SPropProblemArray {
    /// Number of entries in `aProblem`.
    pub cProblem: ULONG,
    /// The problems (variable length).
    pub aProblem: [SPropProblem; 1],
}

/// Windows' `ULONG_PTR`: an unsigned integer as wide as a pointer (8 bytes
/// on x64, 4 on x86); `uintptr_t` in the C header.
///
/// Microsoft's MAPI headers use it where MinGW-w64's say `ULONG`: advise
/// connection numbers, `BOOKMARK`s and every `ulUIParam` (see
/// `SPEC-objects.md`, "Widths", and the [`objects`](super::objects) module).
#[allow(non_camel_case_types)]
pub type ULONG_PTR = usize;

/// MAPI's `BOOKMARK`: a table position, [`ULONG_PTR`] in Microsoft's
/// `mapidefs.h` (MinGW-w64 says `ULONG`; Microsoft's width wins, so that a
/// bookmark written through `CreateBookmark`'s out-pointer fills all of the
/// caller's 8 bytes on x64).
pub type BOOKMARK = ULONG_PTR;

/// Windows' `ULARGE_INTEGER`: an unsigned 64-bit integer.
///
/// MinGW-w64 declares it as a union of `{ LowPart, HighPart }` (twice) and
/// `ULONGLONG QuadPart`; only `QuadPart` is modelled here, which has the
/// same size and alignment (8 bytes, 8-byte aligned on x86_64 and i686
/// Windows). `IStream` passes it **by value** (`Seek`'s `dlibMove` is a
/// [`LARGE_INTEGER`]): in a register on x64, as 8 bytes of stack on i686.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct ULARGE_INTEGER {
    /// The value.
    pub QuadPart: u64,
}

/// COM's `CLSID`: a class identifier, a [`GUID`].
pub type CLSID = GUID;

/// MAPI's `SRow`: one table row, a counted array of property values
/// (`QueryRows`, `ExpandRow`, `FindRow`...).
///
/// In an [`SRowSet`] returned to the host, each row's `lpProps` is its own
/// `MAPIAllocateBuffer` root (freed by `FreeProws`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SRow {
    /// Padding so that an `SRow` and an [`ADRENTRY`] have the same layout;
    /// reserved.
    pub ulAdrEntryPad: ULONG,
    /// Number of values at `lpProps`.
    pub cValues: ULONG,
    /// The row's columns (`LPSPropValue`).
    pub lpProps: *mut SPropValue,
}

/// MAPI's `SRowSet`: a counted list of [`SRow`]s.
///
/// `aRow` is a flexible array member (`SRow aRow[MAPI_DIM]`): it really
/// holds `cRows` rows, so one is allocated with `CbNewSRowSet(n)` =
/// `offsetof(SRowSet, aRow)` + n·`sizeof(SRow)` bytes (8 + 16·n on x64,
/// 4 + 12·n on x86).
#[repr(C)]
#[derive(Debug)]
pub struct SRowSet {
    /// Number of rows in `aRow`.
    pub cRows: ULONG,
    /// The rows (variable length).
    pub aRow: [SRow; 1],
}

/// MAPI's `ADRENTRY`: one recipient, a counted array of property values
/// (the same layout as [`SRow`]).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ADRENTRY {
    /// Reserved.
    pub ulReserved1: ULONG,
    /// Number of values at `rgPropVals`.
    pub cValues: ULONG,
    /// The recipient's properties (`LPSPropValue`).
    pub rgPropVals: *mut SPropValue,
}

/// MAPI's `ADRLIST`: a counted list of [`ADRENTRY`]s
/// (`IMessage::ModifyRecipients`).
///
/// `aEntries` is a flexible array member (`ADRENTRY aEntries[MAPI_DIM]`):
/// `CbNewADRLIST(n)` = `offsetof(ADRLIST, aEntries)` + n·`sizeof(ADRENTRY)`.
#[repr(C)]
#[derive(Debug)]
pub struct ADRLIST {
    /// Number of entries in `aEntries`.
    pub cEntries: ULONG,
    /// The entries (variable length).
    pub aEntries: [ADRENTRY; 1],
}

/// The `Kind` union of a [`MAPINAMEID`] (anonymous in `mapidefs.h`): read
/// through the member that `ulKind` names.
#[repr(C)]
#[derive(Clone, Copy)]
pub union MAPINAMEID_Kind {
    /// `MNID_ID`: a numeric name.
    pub lID: LONG,
    /// `MNID_STRING`: a UTF-16 string name (`LPWSTR`).
    pub lpwstrName: *mut WCHAR,
}

/// MAPI's `MAPINAMEID`: the name of a named property
/// (`GetIDsFromNames` / `GetNamesFromIDs`): a property set and a number or
/// a string.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct MAPINAMEID {
    /// The property set (`LPGUID`).
    pub lpguid: *mut GUID,
    /// `MNID_ID` or `MNID_STRING`: which member of `Kind` is valid.
    pub ulKind: ULONG,
    /// The name.
    pub Kind: MAPINAMEID_Kind,
}

/// MAPI's `ENTRYLIST`: a counted list of entry IDs, each an [`SBinary`]
/// (`IMAPIFolder::CopyMessages`, `DeleteMessages`, `SetReadFlags`...).
pub type ENTRYLIST = SBinaryArray;

/// MAPI's `SSortOrder`: one sort key of a table.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SSortOrder {
    /// The column to sort on.
    pub ulPropTag: ULONG,
    /// `TABLE_SORT_ASCEND`, `TABLE_SORT_DESCEND` or `TABLE_SORT_COMBINE`.
    pub ulOrder: ULONG,
}

/// MAPI's `SSortOrderSet`: a table's sort keys, the first `cCategories`
/// of them categories (`cExpanded` of those expanded).
///
/// `aSort` is a flexible array member (`SSortOrder aSort[MAPI_DIM]`):
/// `CbNewSSortOrderSet(n)` = 12 + 8·n bytes.
#[repr(C)]
#[derive(Debug)]
pub struct SSortOrderSet {
    /// Number of keys in `aSort`.
    pub cSorts: ULONG,
    /// Number of leading keys that are categories.
    pub cCategories: ULONG,
    /// Number of categories initially expanded.
    pub cExpanded: ULONG,
    /// The keys (variable length).
    pub aSort: [SSortOrder; 1],
}

/// COM's `STATSTG` (`objidl.h`): what `IStream::Stat` reports.
///
/// On x64 `cbSize` follows 4 bytes of padding (offset 16, size 80); on
/// i686 Windows it is 8-byte aligned too (offset 8, size 72).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct STATSTG {
    /// The element's name (`LPOLESTR`, UTF-16), allocated with
    /// `CoTaskMemAlloc`; NULL when `STATFLAG_NONAME` was asked for.
    pub pwcsName: *mut WCHAR,
    /// `STGTY_*`: `STGTY_STREAM` for a stream.
    pub r#type: DWORD,
    /// Size in bytes.
    pub cbSize: ULARGE_INTEGER,
    /// Last modification time.
    pub mtime: FILETIME,
    /// Creation time.
    pub ctime: FILETIME,
    /// Last access time.
    pub atime: FILETIME,
    /// `STGM_*` access mode it was opened with.
    pub grfMode: DWORD,
    /// `LOCKTYPE` bits the stream supports (0: none).
    pub grfLocksSupported: DWORD,
    /// Class ID (storages only; zero for streams).
    pub clsid: CLSID,
    /// State bits (storages only).
    pub grfStateBits: DWORD,
    /// Reserved.
    pub reserved: DWORD,
}

/// MAPI's `ERROR_NOTIFICATION` (`fnevCriticalError`): an error on an object.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ERROR_NOTIFICATION {
    /// Size of `lpEntryID` in bytes.
    pub cbEntryID: ULONG,
    /// The object the error concerns (`LPENTRYID`).
    pub lpEntryID: *mut ENTRYID,
    /// The error.
    pub scode: SCODE,
    /// `MAPI_UNICODE` when the strings of `lpMAPIError` are wide.
    pub ulFlags: ULONG,
    /// Details (`LPMAPIERROR`), or NULL.
    pub lpMAPIError: *mut MAPIERROR,
}

/// MAPI's `NEWMAIL_NOTIFICATION` (`fnevNewMail`): a message arrived.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct NEWMAIL_NOTIFICATION {
    /// Size of `lpEntryID` in bytes.
    pub cbEntryID: ULONG,
    /// The new message (`LPENTRYID`).
    pub lpEntryID: *mut ENTRYID,
    /// Size of `lpParentID` in bytes.
    pub cbParentID: ULONG,
    /// The folder it arrived in (`LPENTRYID`).
    pub lpParentID: *mut ENTRYID,
    /// `MAPI_UNICODE` when `lpszMessageClass` is wide.
    pub ulFlags: ULONG,
    /// The message's `PR_MESSAGE_CLASS` (`LPTSTR`: `char *`, or `WCHAR *`
    /// with `MAPI_UNICODE`).
    pub lpszMessageClass: *mut c_void,
    /// The message's `PR_MESSAGE_FLAGS`.
    pub ulMessageFlags: ULONG,
}

/// MAPI's `OBJECT_NOTIFICATION` (`fnevObjectCreated`, `fnevObjectDeleted`,
/// `fnevObjectModified`, `fnevObjectMoved`, `fnevObjectCopied`,
/// `fnevSearchComplete`): an object changed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct OBJECT_NOTIFICATION {
    /// Size of `lpEntryID` in bytes.
    pub cbEntryID: ULONG,
    /// The object (`LPENTRYID`).
    pub lpEntryID: *mut ENTRYID,
    /// Its type (`MAPI_FOLDER`, `MAPI_MESSAGE`...).
    pub ulObjType: ULONG,
    /// Size of `lpParentID` in bytes.
    pub cbParentID: ULONG,
    /// Its parent folder (`LPENTRYID`).
    pub lpParentID: *mut ENTRYID,
    /// Size of `lpOldID` in bytes.
    pub cbOldID: ULONG,
    /// Its previous entry ID, for a move or copy (`LPENTRYID`), else NULL.
    pub lpOldID: *mut ENTRYID,
    /// Size of `lpOldParentID` in bytes.
    pub cbOldParentID: ULONG,
    /// Its previous parent, for a move or copy (`LPENTRYID`), else NULL.
    pub lpOldParentID: *mut ENTRYID,
    /// The properties that changed (`LPSPropTagArray`), or NULL.
    pub lpPropTagArray: *mut SPropTagArray,
}

/// MAPI's `TABLE_NOTIFICATION` (`fnevTableModified`): a table changed.
///
/// 8-byte aligned on both Windows targets (it holds [`SPropValue`]s):
/// 80 bytes on x86_64, 56 on i686.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct TABLE_NOTIFICATION {
    /// `TABLE_CHANGED`, `TABLE_ROW_ADDED`... what happened.
    pub ulTableEvent: ULONG,
    /// For `TABLE_ERROR`: the error.
    pub hResult: HRESULT,
    /// The row's `PR_INSTANCE_KEY` (`TABLE_ROW_ADDED`, `_DELETED`,
    /// `_MODIFIED`).
    pub propIndex: SPropValue,
    /// The `PR_INSTANCE_KEY` of the row before it (`PR_NULL`: it is
    /// first).
    pub propPrior: SPropValue,
    /// The row's columns (`TABLE_ROW_ADDED`, `_MODIFIED`).
    pub row: SRow,
    /// Padding; reserved.
    pub ulPad: ULONG,
}

/// MAPI's `EXTENDED_NOTIFICATION` (`fnevExtended`): a provider-defined
/// event.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EXTENDED_NOTIFICATION {
    /// The provider's event code.
    pub ulEvent: ULONG,
    /// Size of `pbEventParameters` in bytes.
    pub cb: ULONG,
    /// The event's parameters (`LPBYTE`).
    pub pbEventParameters: *mut BYTE,
}

/// MAPI's `STATUS_OBJECT_NOTIFICATION` (`fnevStatusObjectModified`): a
/// status object's properties changed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct STATUS_OBJECT_NOTIFICATION {
    /// Size of `lpEntryID` in bytes.
    pub cbEntryID: ULONG,
    /// The status object (`LPENTRYID`).
    pub lpEntryID: *mut ENTRYID,
    /// Number of values at `lpPropVals`.
    pub cValues: ULONG,
    /// Its changed properties (`LPSPropValue`).
    pub lpPropVals: *mut SPropValue,
}

/// The `info` union of a [`NOTIFICATION`] (anonymous in `mapidefs.h`):
/// read through the member that `ulEventType` names.
///
/// 8-byte aligned on both Windows targets (through `tab`): 80 bytes on
/// x86_64, 56 on i686.
#[repr(C)]
#[derive(Clone, Copy)]
pub union NOTIFICATION_info {
    /// `fnevCriticalError`.
    pub err: ERROR_NOTIFICATION,
    /// `fnevNewMail`.
    pub newmail: NEWMAIL_NOTIFICATION,
    /// `fnevObjectCreated`, `fnevObjectDeleted`, `fnevObjectModified`,
    /// `fnevObjectMoved`, `fnevObjectCopied`, `fnevSearchComplete`.
    pub obj: OBJECT_NOTIFICATION,
    /// `fnevTableModified`.
    pub tab: TABLE_NOTIFICATION,
    /// `fnevExtended`.
    pub ext: EXTENDED_NOTIFICATION,
    /// `fnevStatusObjectModified`.
    pub statobj: STATUS_OBJECT_NOTIFICATION,
}

/// MAPI's `NOTIFICATION` (`LPNOTIFICATION`): one event, as
/// `IMAPIAdviseSink::OnNotify` receives an array of them.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct NOTIFICATION {
    /// `fnev*`: one event type, which names the member of `info` to read.
    pub ulEventType: ULONG,
    /// Padding that keeps `info` 8-byte aligned; reserved.
    pub ulAlignPad: ULONG,
    /// The event.
    pub info: NOTIFICATION_info,
}

// MinGW-w64's layouts, checked at compile time (the C side is checked
// against the real headers by a layout test).
const _: () = {
    use std::mem::{align_of, offset_of, size_of};
    assert!(size_of::<FILETIME>() == 8 && align_of::<FILETIME>() == 4);
    assert!(size_of::<CURRENCY>() == 8 && size_of::<LARGE_INTEGER>() == 8);
    assert!(size_of::<MAPIUID>() == 16);
    assert!(size_of::<SPropProblem>() == 12);
    assert!(offset_of!(SPropTagArray, aulPropTag) == 4);
    assert!(offset_of!(SPropProblemArray, aProblem) == 4);
    assert!(offset_of!(SPropValue, Value) == 8);
    #[cfg(target_pointer_width = "64")]
    assert!(size_of::<PV>() == 16 && align_of::<PV>() == 8 && size_of::<SPropValue>() == 24);
    #[cfg(all(target_pointer_width = "32", windows))]
    assert!(size_of::<PV>() == 8 && align_of::<PV>() == 8 && size_of::<SPropValue>() == 16);

    // ULONG_PTR / BOOKMARK: pointer-sized (Microsoft's headers).
    assert!(size_of::<ULONG_PTR>() == size_of::<*const u8>());
    assert!(size_of::<BOOKMARK>() == size_of::<ULONG_PTR>());
    assert!(size_of::<SSortOrder>() == 8 && align_of::<SSortOrder>() == 4);
    assert!(offset_of!(SSortOrderSet, cCategories) == 4);
    assert!(offset_of!(SSortOrderSet, cExpanded) == 8);
    assert!(offset_of!(SSortOrderSet, aSort) == 12 && size_of::<SSortOrderSet>() == 20);
    assert!(offset_of!(SRow, cValues) == 4 && offset_of!(SRow, lpProps) == 8);
    assert!(offset_of!(ADRENTRY, cValues) == 4 && offset_of!(ADRENTRY, rgPropVals) == 8);
    #[cfg(target_pointer_width = "64")]
    {
        assert!(size_of::<SRow>() == 16 && align_of::<SRow>() == 8);
        assert!(offset_of!(SRowSet, aRow) == 8 && size_of::<SRowSet>() == 24);
        assert!(size_of::<ADRENTRY>() == 16);
        assert!(offset_of!(ADRLIST, aEntries) == 8 && size_of::<ADRLIST>() == 24);
        assert!(size_of::<MAPINAMEID_Kind>() == 8 && align_of::<MAPINAMEID_Kind>() == 8);
        assert!(offset_of!(MAPINAMEID, ulKind) == 8 && offset_of!(MAPINAMEID, Kind) == 16);
        assert!(size_of::<MAPINAMEID>() == 24);
    }
    #[cfg(all(target_pointer_width = "32", windows))]
    {
        assert!(size_of::<SRow>() == 12 && align_of::<SRow>() == 4);
        assert!(offset_of!(SRowSet, aRow) == 4 && size_of::<SRowSet>() == 16);
        assert!(size_of::<ADRENTRY>() == 12);
        assert!(offset_of!(ADRLIST, aEntries) == 4 && size_of::<ADRLIST>() == 16);
        assert!(size_of::<MAPINAMEID_Kind>() == 4 && align_of::<MAPINAMEID_Kind>() == 4);
        assert!(offset_of!(MAPINAMEID, ulKind) == 4 && offset_of!(MAPINAMEID, Kind) == 8);
        assert!(size_of::<MAPINAMEID>() == 12);
    }
    // ULARGE_INTEGER and STATSTG: 8-byte aligned on both Windows targets.
    #[cfg(any(target_pointer_width = "64", windows))]
    {
        assert!(size_of::<ULARGE_INTEGER>() == 8 && align_of::<ULARGE_INTEGER>() == 8);
        assert!(align_of::<LARGE_INTEGER>() == 8 && align_of::<STATSTG>() == 8);
    }
    #[cfg(target_pointer_width = "64")]
    {
        assert!(offset_of!(STATSTG, r#type) == 8 && offset_of!(STATSTG, cbSize) == 16);
        assert!(offset_of!(STATSTG, mtime) == 24 && offset_of!(STATSTG, ctime) == 32);
        assert!(offset_of!(STATSTG, atime) == 40 && offset_of!(STATSTG, grfMode) == 48);
        assert!(offset_of!(STATSTG, grfLocksSupported) == 52);
        assert!(offset_of!(STATSTG, clsid) == 56 && offset_of!(STATSTG, grfStateBits) == 72);
        assert!(offset_of!(STATSTG, reserved) == 76 && size_of::<STATSTG>() == 80);
    }
    #[cfg(all(target_pointer_width = "32", windows))]
    {
        assert!(offset_of!(STATSTG, r#type) == 4 && offset_of!(STATSTG, cbSize) == 8);
        assert!(offset_of!(STATSTG, mtime) == 16 && offset_of!(STATSTG, ctime) == 24);
        assert!(offset_of!(STATSTG, atime) == 32 && offset_of!(STATSTG, grfMode) == 40);
        assert!(offset_of!(STATSTG, grfLocksSupported) == 44);
        assert!(offset_of!(STATSTG, clsid) == 48 && offset_of!(STATSTG, grfStateBits) == 64);
        assert!(offset_of!(STATSTG, reserved) == 68 && size_of::<STATSTG>() == 72);
    }
    // Notifications: TABLE_NOTIFICATION holds SPropValues, so it (and the
    // info union) is 8-byte aligned on both Windows targets.
    assert!(offset_of!(EXTENDED_NOTIFICATION, cb) == 4);
    assert!(offset_of!(NOTIFICATION, ulAlignPad) == 4 && offset_of!(NOTIFICATION, info) == 8);
    assert!(offset_of!(TABLE_NOTIFICATION, hResult) == 4);
    assert!(offset_of!(TABLE_NOTIFICATION, propIndex) == 8);
    #[cfg(any(target_pointer_width = "64", windows))]
    {
        assert!(align_of::<TABLE_NOTIFICATION>() == 8);
        assert!(align_of::<NOTIFICATION_info>() == 8 && align_of::<NOTIFICATION>() == 8);
    }
    #[cfg(target_pointer_width = "64")]
    {
        assert!(offset_of!(ERROR_NOTIFICATION, lpEntryID) == 8);
        assert!(offset_of!(ERROR_NOTIFICATION, scode) == 16);
        assert!(offset_of!(ERROR_NOTIFICATION, ulFlags) == 20);
        assert!(offset_of!(ERROR_NOTIFICATION, lpMAPIError) == 24);
        assert!(size_of::<ERROR_NOTIFICATION>() == 32);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpEntryID) == 8);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, cbParentID) == 16);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpParentID) == 24);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, ulFlags) == 32);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpszMessageClass) == 40);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, ulMessageFlags) == 48);
        assert!(size_of::<NEWMAIL_NOTIFICATION>() == 56);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpEntryID) == 8);
        assert!(offset_of!(OBJECT_NOTIFICATION, ulObjType) == 16);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbParentID) == 20);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpParentID) == 24);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbOldID) == 32);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpOldID) == 40);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbOldParentID) == 48);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpOldParentID) == 56);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpPropTagArray) == 64);
        assert!(size_of::<OBJECT_NOTIFICATION>() == 72);
        assert!(offset_of!(TABLE_NOTIFICATION, propPrior) == 32);
        assert!(offset_of!(TABLE_NOTIFICATION, row) == 56);
        assert!(offset_of!(TABLE_NOTIFICATION, ulPad) == 72);
        assert!(size_of::<TABLE_NOTIFICATION>() == 80);
        assert!(offset_of!(EXTENDED_NOTIFICATION, pbEventParameters) == 8);
        assert!(size_of::<EXTENDED_NOTIFICATION>() == 16);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, lpEntryID) == 8);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, cValues) == 16);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, lpPropVals) == 24);
        assert!(size_of::<STATUS_OBJECT_NOTIFICATION>() == 32);
        assert!(size_of::<NOTIFICATION_info>() == 80 && size_of::<NOTIFICATION>() == 88);
    }
    #[cfg(all(target_pointer_width = "32", windows))]
    {
        assert!(offset_of!(ERROR_NOTIFICATION, lpEntryID) == 4);
        assert!(offset_of!(ERROR_NOTIFICATION, scode) == 8);
        assert!(offset_of!(ERROR_NOTIFICATION, ulFlags) == 12);
        assert!(offset_of!(ERROR_NOTIFICATION, lpMAPIError) == 16);
        assert!(size_of::<ERROR_NOTIFICATION>() == 20);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpEntryID) == 4);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, cbParentID) == 8);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpParentID) == 12);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, ulFlags) == 16);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, lpszMessageClass) == 20);
        assert!(offset_of!(NEWMAIL_NOTIFICATION, ulMessageFlags) == 24);
        assert!(size_of::<NEWMAIL_NOTIFICATION>() == 28);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpEntryID) == 4);
        assert!(offset_of!(OBJECT_NOTIFICATION, ulObjType) == 8);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbParentID) == 12);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpParentID) == 16);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbOldID) == 20);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpOldID) == 24);
        assert!(offset_of!(OBJECT_NOTIFICATION, cbOldParentID) == 28);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpOldParentID) == 32);
        assert!(offset_of!(OBJECT_NOTIFICATION, lpPropTagArray) == 36);
        assert!(size_of::<OBJECT_NOTIFICATION>() == 40);
        assert!(offset_of!(TABLE_NOTIFICATION, propPrior) == 24);
        assert!(offset_of!(TABLE_NOTIFICATION, row) == 40);
        assert!(offset_of!(TABLE_NOTIFICATION, ulPad) == 52);
        assert!(size_of::<TABLE_NOTIFICATION>() == 56);
        assert!(offset_of!(EXTENDED_NOTIFICATION, pbEventParameters) == 8);
        assert!(size_of::<EXTENDED_NOTIFICATION>() == 12);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, lpEntryID) == 4);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, cValues) == 8);
        assert!(offset_of!(STATUS_OBJECT_NOTIFICATION, lpPropVals) == 12);
        assert!(size_of::<STATUS_OBJECT_NOTIFICATION>() == 16);
        assert!(size_of::<NOTIFICATION_info>() == 56 && size_of::<NOTIFICATION>() == 64);
    }
};
