//! Status codes and flags, with the values of MinGW-w64 `mapicode.h`,
//! `mapidefs.h` and `mapispi.h`.

use super::types::{HRESULT, ULONG};

/// Success.
pub const S_OK: HRESULT = 0;
/// Unspecified failure (`E_FAIL`); also what a caught Rust panic returns.
pub const MAPI_E_CALL_FAILED: HRESULT = 0x8000_4005_u32 as HRESULT;
/// `QueryInterface` or `lpInterface` named an interface the object lacks.
pub const MAPI_E_INTERFACE_NOT_SUPPORTED: HRESULT = 0x8000_4002_u32 as HRESULT;
/// COM's name for [`MAPI_E_INTERFACE_NOT_SUPPORTED`].
pub const E_NOINTERFACE: HRESULT = MAPI_E_INTERFACE_NOT_SUPPORTED;
/// An allocation failed.
pub const MAPI_E_NOT_ENOUGH_MEMORY: HRESULT = 0x8007_000E_u32 as HRESULT;
/// A NULL or malformed argument.
pub const MAPI_E_INVALID_PARAMETER: HRESULT = 0x8007_0057_u32 as HRESULT;
/// The provider does not implement this method.
pub const MAPI_E_NO_SUPPORT: HRESULT = 0x8004_0102_u32 as HRESULT;
/// The caller asked for a character width the provider cannot serve.
pub const MAPI_E_BAD_CHARWIDTH: HRESULT = 0x8004_0103_u32 as HRESULT;
/// A flag the method does not know was set.
pub const MAPI_E_UNKNOWN_FLAGS: HRESULT = 0x8004_0106_u32 as HRESULT;
/// An entry ID this provider did not issue.
pub const MAPI_E_INVALID_ENTRYID: HRESULT = 0x8004_0107_u32 as HRESULT;
/// The object is not (or no longer) usable.
pub const MAPI_E_INVALID_OBJECT: HRESULT = 0x8004_0108_u32 as HRESULT;
/// The object or connection does not exist.
pub const MAPI_E_NOT_FOUND: HRESULT = 0x8004_010F_u32 as HRESULT;
/// The caller's MAPI/SPI version cannot be served.
pub const MAPI_E_VERSION: HRESULT = 0x8004_0110_u32 as HRESULT;
/// The logon failed.
pub const MAPI_E_LOGON_FAILED: HRESULT = 0x8004_0111_u32 as HRESULT;
/// The logon was logged off: only `GetLastError` and `IUnknown` still work.
pub const MAPI_E_END_OF_SESSION: HRESULT = 0x8004_0200_u32 as HRESULT;

/// `ulFlags`: strings are wide (`WCHAR`).
pub const MAPI_UNICODE: ULONG = 0x8000_0000_u32 as ULONG;
/// `MAPIERROR::ulVersion`.
pub const MAPI_ERROR_VERSION: ULONG = 0;

/// Object type: message store.
pub const MAPI_STORE: ULONG = 0x0000_0001_u32 as ULONG;
/// Object type: folder.
pub const MAPI_FOLDER: ULONG = 0x0000_0003_u32 as ULONG;
/// Object type: message.
pub const MAPI_MESSAGE: ULONG = 0x0000_0005_u32 as ULONG;
/// Object type: status object.
pub const MAPI_STATUS: ULONG = 0x0000_000A_u32 as ULONG;

/// `IMsgStore::StoreLogoff` flag: return at once.
pub const LOGOFF_NO_WAIT: ULONG = 0x0000_0001_u32 as ULONG;
/// `StoreLogoff` flag: let pending operations finish.
pub const LOGOFF_ORDERLY: ULONG = 0x0000_0002_u32 as ULONG;
/// `StoreLogoff` flag: flush outbound messages first.
pub const LOGOFF_PURGE: ULONG = 0x0000_0004_u32 as ULONG;
/// `StoreLogoff` flag: abort pending operations.
pub const LOGOFF_ABORT: ULONG = 0x0000_0008_u32 as ULONG;
/// `StoreLogoff` flag: do not tell the user.
pub const LOGOFF_QUIET: ULONG = 0x0000_0010_u32 as ULONG;
/// Set by the provider on return: logoff finished.
pub const LOGOFF_COMPLETE: ULONG = 0x0001_0000_u32 as ULONG;
/// Set on return: inbound work still pending.
pub const LOGOFF_INBOUND: ULONG = 0x0002_0000_u32 as ULONG;
/// Set on return: outbound work still pending.
pub const LOGOFF_OUTBOUND: ULONG = 0x0004_0000_u32 as ULONG;
/// Set on return: messages still queued for sending.
pub const LOGOFF_OUTBOUND_QUEUE: ULONG = 0x0008_0000_u32 as ULONG;

/// `MAPI_E_NO_ACCESS` (`E_ACCESSDENIED`): the caller may not do this, e.g.
/// modify a read-only object.
pub const MAPI_E_NO_ACCESS: HRESULT = 0x8007_0005_u32 as HRESULT;
/// The object is busy (another operation is in progress).
pub const MAPI_E_BUSY: HRESULT = 0x8004_010B_u32 as HRESULT;
/// The property is computed and cannot be set (a `SetProps` problem).
pub const MAPI_E_COMPUTED: HRESULT = 0x8004_011A_u32 as HRESULT;
/// A property value is not acceptable.
pub const MAPI_E_BAD_VALUE: HRESULT = 0x8004_0301_u32 as HRESULT;
/// A property type is not valid.
pub const MAPI_E_INVALID_TYPE: HRESULT = 0x8004_0302_u32 as HRESULT;
/// A property type is valid but not supported.
pub const MAPI_E_TYPE_NO_SUPPORT: HRESULT = 0x8004_0303_u32 as HRESULT;
/// A property's type differs from the one the provider expects.
pub const MAPI_E_UNEXPECTED_TYPE: HRESULT = 0x8004_0304_u32 as HRESULT;
/// The object was not initialized (e.g. a call before logon).
pub const MAPI_E_NOT_INITIALIZED: HRESULT = 0x8004_0605_u32 as HRESULT;
/// Warning (a success code): the call succeeded overall but some
/// properties could not be returned; their `SPropValue`s are `PT_ERROR`.
pub const MAPI_W_ERRORS_RETURNED: HRESULT = 0x0004_0380_u32 as HRESULT;

/// The service-provider interface version this crate implements, returned
/// through `MSProviderInit`'s `lpulProviderVer` (`mapispi.h`).
pub const CURRENT_SPI_VERSION: ULONG = 0x0001_0010_u32 as ULONG;
/// SPI version of the first MAPI PDK.
pub const PDK1_SPI_VERSION: ULONG = 0x0001_0000_u32 as ULONG;
/// SPI version of the second MAPI PDK.
pub const PDK2_SPI_VERSION: ULONG = 0x0001_0008_u32 as ULONG;
/// SPI version of the third MAPI PDK (the same as [`CURRENT_SPI_VERSION`]).
pub const PDK3_SPI_VERSION: ULONG = 0x0001_0010_u32 as ULONG;

/// `MSProviderInit` flag: the provider runs inside a Windows service.
pub const MAPI_NT_SERVICE: ULONG = 0x0001_0000_u32 as ULONG;

/// `ulFlags` of `OpenEntry` and friends: open for writing.
pub const MAPI_MODIFY: ULONG = 0x0000_0001_u32 as ULONG;
/// `ulFlags` of `OpenEntry` and friends: errors may be reported late.
pub const MAPI_DEFERRED_ERRORS: ULONG = 0x0000_0008_u32 as ULONG;
/// `ulFlags` of `OpenEntry` and friends: the highest access allowed.
pub const MAPI_BEST_ACCESS: ULONG = 0x0000_0010_u32 as ULONG;

/// `IMSProvider::Logon` flag: show no user interface.
pub const MDB_NO_DIALOG: ULONG = 0x0000_0001_u32 as ULONG;
/// `Logon` flag: open the store for writing.
pub const MDB_WRITE: ULONG = 0x0000_0004_u32 as ULONG;
/// `Logon` flag: a temporary store, not added to the message-store table.
pub const MDB_TEMPORARY: ULONG = 0x0000_0020_u32 as ULONG;
/// `Logon` flag: the spooler will not use the store for mail.
pub const MDB_NO_MAIL: ULONG = 0x0000_0080_u32 as ULONG;

/// `PR_STORE_SUPPORT_MASK` bit: entry IDs are unique (never reused).
pub const STORE_ENTRYID_UNIQUE: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: the store is read-only.
pub const STORE_READONLY: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: search folders are supported.
pub const STORE_SEARCH_OK: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: existing messages can be modified.
pub const STORE_MODIFY_OK: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: messages can be created.
pub const STORE_CREATE_OK: ULONG = 0x0000_0010_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: attachments are supported.
pub const STORE_ATTACH_OK: ULONG = 0x0000_0020_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: OLE attachments are supported.
pub const STORE_OLE_OK: ULONG = 0x0000_0040_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: messages can be submitted.
pub const STORE_SUBMIT_OK: ULONG = 0x0000_0080_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: notifications are supported.
pub const STORE_NOTIFY_OK: ULONG = 0x0000_0100_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: multi-valued properties are supported.
pub const STORE_MV_PROPS_OK: ULONG = 0x0000_0200_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: categorized views are supported.
pub const STORE_CATEGORIZE_OK: ULONG = 0x0000_0400_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: compressed RTF is supported.
pub const STORE_RTF_OK: ULONG = 0x0000_0800_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: table restrictions are supported.
pub const STORE_RESTRICTION_OK: ULONG = 0x0000_1000_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: table sorting is supported.
pub const STORE_SORT_OK: ULONG = 0x0000_2000_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: the store holds public folders.
pub const STORE_PUBLIC_FOLDERS: ULONG = 0x0000_4000_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: uncompressed RTF is supported.
pub const STORE_UNCOMPRESSED_RTF: ULONG = 0x0000_8000_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` bit: the store has search folders.
pub const STORE_HAS_SEARCHES: ULONG = 0x0100_0000_u32 as ULONG;

/// Advise event mask (`ulEventMask`): a critical error.
#[allow(non_upper_case_globals)]
pub const fnevCriticalError: ULONG = 0x0000_0001_u32 as ULONG;
/// Event mask bit: new mail arrived.
#[allow(non_upper_case_globals)]
pub const fnevNewMail: ULONG = 0x0000_0002_u32 as ULONG;
/// Event mask bit: an object was created.
#[allow(non_upper_case_globals)]
pub const fnevObjectCreated: ULONG = 0x0000_0004_u32 as ULONG;
/// Event mask bit: an object was deleted.
#[allow(non_upper_case_globals)]
pub const fnevObjectDeleted: ULONG = 0x0000_0008_u32 as ULONG;
/// Event mask bit: an object was modified.
#[allow(non_upper_case_globals)]
pub const fnevObjectModified: ULONG = 0x0000_0010_u32 as ULONG;
/// Event mask bit: an object was moved.
#[allow(non_upper_case_globals)]
pub const fnevObjectMoved: ULONG = 0x0000_0020_u32 as ULONG;
/// Event mask bit: an object was copied.
#[allow(non_upper_case_globals)]
pub const fnevObjectCopied: ULONG = 0x0000_0040_u32 as ULONG;
/// Event mask bit: a search finished.
#[allow(non_upper_case_globals)]
pub const fnevSearchComplete: ULONG = 0x0000_0080_u32 as ULONG;
/// Event mask bit: a table changed.
#[allow(non_upper_case_globals)]
pub const fnevTableModified: ULONG = 0x0000_0100_u32 as ULONG;
/// Event mask bit: a status object changed.
#[allow(non_upper_case_globals)]
pub const fnevStatusObjectModified: ULONG = 0x0000_0200_u32 as ULONG;
/// Event mask bit: reserved for MAPI.
#[allow(non_upper_case_globals)]
pub const fnevReservedForMapi: ULONG = 0x4000_0000_u32 as ULONG;
/// Event mask bit: a provider-defined (extended) event.
#[allow(non_upper_case_globals)]
pub const fnevExtended: ULONG = 0x8000_0000_u32 as ULONG;

/// `PR_RESOURCE_FLAGS` bit: the default outbound transport.
pub const STATUS_DEFAULT_OUTBOUND: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: the default message store.
pub const STATUS_DEFAULT_STORE: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: supplies the primary identity.
pub const STATUS_PRIMARY_IDENTITY: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: a simple store (no folder hierarchy needed).
pub const STATUS_SIMPLE_STORE: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: transport wants to be tried last.
pub const STATUS_XP_PREFER_LAST: ULONG = 0x0000_0010_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: cannot supply the primary identity.
pub const STATUS_NO_PRIMARY_IDENTITY: ULONG = 0x0000_0020_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: must not become the default store.
pub const STATUS_NO_DEFAULT_STORE: ULONG = 0x0000_0040_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: a temporary profile section.
pub const STATUS_TEMP_SECTION: ULONG = 0x0000_0080_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: a transport tightly coupled to its own store.
pub const STATUS_OWN_STORE: ULONG = 0x0000_0100_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: the store needs the IPM folder tree.
pub const STATUS_NEED_IPM_TREE: ULONG = 0x0000_0800_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` bit: the primary store.
pub const STATUS_PRIMARY_STORE: ULONG = 0x0000_1000_u32 as ULONG;

/// Every code above with its symbolic name (`E_NOINTERFACE` is listed under
/// its MAPI name), for logs and diagnostics.
pub const HRESULT_NAMES: &[(HRESULT, &str)] = &[
    (S_OK, "S_OK"),
    (MAPI_W_ERRORS_RETURNED, "MAPI_W_ERRORS_RETURNED"),
    (MAPI_E_CALL_FAILED, "MAPI_E_CALL_FAILED"),
    (
        MAPI_E_INTERFACE_NOT_SUPPORTED,
        "MAPI_E_INTERFACE_NOT_SUPPORTED",
    ),
    (MAPI_E_NOT_ENOUGH_MEMORY, "MAPI_E_NOT_ENOUGH_MEMORY"),
    (MAPI_E_INVALID_PARAMETER, "MAPI_E_INVALID_PARAMETER"),
    (MAPI_E_NO_SUPPORT, "MAPI_E_NO_SUPPORT"),
    (MAPI_E_BAD_CHARWIDTH, "MAPI_E_BAD_CHARWIDTH"),
    (MAPI_E_UNKNOWN_FLAGS, "MAPI_E_UNKNOWN_FLAGS"),
    (MAPI_E_INVALID_ENTRYID, "MAPI_E_INVALID_ENTRYID"),
    (MAPI_E_INVALID_OBJECT, "MAPI_E_INVALID_OBJECT"),
    (MAPI_E_NOT_FOUND, "MAPI_E_NOT_FOUND"),
    (MAPI_E_VERSION, "MAPI_E_VERSION"),
    (MAPI_E_LOGON_FAILED, "MAPI_E_LOGON_FAILED"),
    (MAPI_E_END_OF_SESSION, "MAPI_E_END_OF_SESSION"),
    (MAPI_E_NO_ACCESS, "MAPI_E_NO_ACCESS"),
    (MAPI_E_BUSY, "MAPI_E_BUSY"),
    (MAPI_E_COMPUTED, "MAPI_E_COMPUTED"),
    (MAPI_E_BAD_VALUE, "MAPI_E_BAD_VALUE"),
    (MAPI_E_INVALID_TYPE, "MAPI_E_INVALID_TYPE"),
    (MAPI_E_TYPE_NO_SUPPORT, "MAPI_E_TYPE_NO_SUPPORT"),
    (MAPI_E_UNEXPECTED_TYPE, "MAPI_E_UNEXPECTED_TYPE"),
    (MAPI_E_NOT_INITIALIZED, "MAPI_E_NOT_INITIALIZED"),
];
