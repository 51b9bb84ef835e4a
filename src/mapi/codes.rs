//! Status codes and flags, with the values of MinGW-w64 `mapicode.h`,
//! `mapidefs.h`, `mapispi.h`, `mapitags.h`, `objidl.h` and `winerror.h`
//! (where MinGW-w64 lacks one, Microsoft's documented value, and its doc
//! comment says so).

use super::types::{BOOKMARK, DWORD, HRESULT, ULONG};

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

/// `MSGSERVICEENTRY` `ulContext`: the service is being installed on the
/// computer (not used by MAPI).
pub const MSG_SERVICE_INSTALL: ULONG = 0x0000_0001_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: the service is being added to a profile.
pub const MSG_SERVICE_CREATE: ULONG = 0x0000_0002_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: the service's configuration changes.
pub const MSG_SERVICE_CONFIGURE: ULONG = 0x0000_0003_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: the service is being removed from a
/// profile (before MAPI deletes its profile sections).
pub const MSG_SERVICE_DELETE: ULONG = 0x0000_0004_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: the service is being removed from the
/// computer (not used by MAPI).
pub const MSG_SERVICE_UNINSTALL: ULONG = 0x0000_0005_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: a provider is being added to the service.
pub const MSG_SERVICE_PROVIDER_CREATE: ULONG = 0x0000_0006_u32 as ULONG;
/// `MSGSERVICEENTRY` `ulContext`: a provider is being removed from the
/// service.
pub const MSG_SERVICE_PROVIDER_DELETE: ULONG = 0x0000_0007_u32 as ULONG;
/// `MSGSERVICEENTRY` flag: the configuration UI may be shown when `lpProps`
/// does not hold a valid configuration.
pub const SERVICE_UI_ALLOWED: ULONG = 0x0000_0010_u32 as ULONG;
/// `MSGSERVICEENTRY` flag: the configuration UI must be shown.
pub const SERVICE_UI_ALWAYS: ULONG = 0x0000_0002_u32 as ULONG;
/// `MSGSERVICEENTRY` flag: the UI shows the configuration, read-only.
pub const MSG_SERVICE_UI_READ_ONLY: ULONG = 0x0000_0008_u32 as ULONG;
/// `MSGSERVICEENTRY` flag: the active provider's dialog goes on top.
pub const UI_CURRENT_PROVIDER_FIRST: ULONG = 0x0000_0004_u32 as ULONG;
/// `MSGSERVICEENTRY` flag: MAPI calls the entry point after a logon of the
/// service failed (`MSG_SERVICE_CONFIGURE`), so that it can be fixed.
pub const SERVICE_LOGON_FAILED: ULONG = 0x0000_0020_u32 as ULONG;

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

// More codes (`mapicode.h`, `winerror.h`): named in `HRESULT_NAMES`,
// kept as `MapiError::Other` by `MapiError::from_hresult`.
/// A string is longer than the provider accepts.
pub const MAPI_E_STRING_TOO_LONG: HRESULT = 0x8004_0105_u32 as HRESULT;
/// The object changed since it was opened (a `SaveChanges` conflict).
pub const MAPI_E_OBJECT_CHANGED: HRESULT = 0x8004_0109_u32 as HRESULT;
/// The object was deleted since it was opened.
pub const MAPI_E_OBJECT_DELETED: HRESULT = 0x8004_010A_u32 as HRESULT;
/// Not enough disk space.
pub const MAPI_E_NOT_ENOUGH_DISK: HRESULT = 0x8004_010D_u32 as HRESULT;
/// Not enough system resources.
pub const MAPI_E_NOT_ENOUGH_RESOURCES: HRESULT = 0x8004_010E_u32 as HRESULT;
/// Too many sessions.
pub const MAPI_E_SESSION_LIMIT: HRESULT = 0x8004_0112_u32 as HRESULT;
/// The user cancelled the operation.
pub const MAPI_E_USER_CANCEL: HRESULT = 0x8004_0113_u32 as HRESULT;
/// The operation cannot be aborted.
pub const MAPI_E_UNABLE_TO_ABORT: HRESULT = 0x8004_0114_u32 as HRESULT;
/// A network error.
pub const MAPI_E_NETWORK_ERROR: HRESULT = 0x8004_0115_u32 as HRESULT;
/// A disk error (reading or writing the store failed).
pub const MAPI_E_DISK_ERROR: HRESULT = 0x8004_0116_u32 as HRESULT;
/// The restriction or sort is too complex (e.g. categorized views not supported).
pub const MAPI_E_TOO_COMPLEX: HRESULT = 0x8004_0117_u32 as HRESULT;
/// A column cannot be used (e.g. in a sort).
pub const MAPI_E_BAD_COLUMN: HRESULT = 0x8004_0118_u32 as HRESULT;
/// A provider-specific error: see `GetLastError`.
pub const MAPI_E_EXTENDED_ERROR: HRESULT = 0x8004_0119_u32 as HRESULT;
/// Stored data is corrupt.
pub const MAPI_E_CORRUPT_DATA: HRESULT = 0x8004_011B_u32 as HRESULT;
/// The provider is not configured.
pub const MAPI_E_UNCONFIGURED: HRESULT = 0x8004_011C_u32 as HRESULT;
/// One provider failed (the others may go on).
pub const MAPI_E_FAILONEPROVIDER: HRESULT = 0x8004_011D_u32 as HRESULT;
/// The code page is not supported.
pub const MAPI_E_UNKNOWN_CPID: HRESULT = 0x8004_011E_u32 as HRESULT;
/// The locale is not supported.
pub const MAPI_E_UNKNOWN_LCID: HRESULT = 0x8004_011F_u32 as HRESULT;
/// The password must be changed.
pub const MAPI_E_PASSWORD_CHANGE_REQUIRED: HRESULT = 0x8004_0120_u32 as HRESULT;
/// The password expired.
pub const MAPI_E_PASSWORD_EXPIRED: HRESULT = 0x8004_0121_u32 as HRESULT;
/// The workstation account is not valid.
pub const MAPI_E_INVALID_WORKSTATION_ACCOUNT: HRESULT = 0x8004_0122_u32 as HRESULT;
/// Logon is not allowed at this time.
pub const MAPI_E_INVALID_ACCESS_TIME: HRESULT = 0x8004_0123_u32 as HRESULT;
/// The account is disabled.
pub const MAPI_E_ACCOUNT_DISABLED: HRESULT = 0x8004_0124_u32 as HRESULT;
/// The entry ID is not known to any provider.
pub const MAPI_E_UNKNOWN_ENTRYID: HRESULT = 0x8004_0201_u32 as HRESULT;
/// A required column is missing.
pub const MAPI_E_MISSING_REQUIRED_COLUMN: HRESULT = 0x8004_0202_u32 as HRESULT;
/// The property value is too big to return: open it with `OpenProperty` (a `GetProps` cell).
pub const MAPI_E_TOO_BIG: HRESULT = 0x8004_0305_u32 as HRESULT;
/// The provider declines to copy (`MAPI_DECLINE_OK`): MAPI does it.
pub const MAPI_E_DECLINE_COPY: HRESULT = 0x8004_0306_u32 as HRESULT;
/// A property ID is not expected.
pub const MAPI_E_UNEXPECTED_ID: HRESULT = 0x8004_0307_u32 as HRESULT;
/// The operation cannot complete.
pub const MAPI_E_UNABLE_TO_COMPLETE: HRESULT = 0x8004_0400_u32 as HRESULT;
/// The operation timed out (`WaitForCompletion`).
pub const MAPI_E_TIMEOUT: HRESULT = 0x8004_0401_u32 as HRESULT;
/// The table is empty.
pub const MAPI_E_TABLE_EMPTY: HRESULT = 0x8004_0402_u32 as HRESULT;
/// The table is too big for the operation.
pub const MAPI_E_TABLE_TOO_BIG: HRESULT = 0x8004_0403_u32 as HRESULT;
/// The bookmark is not valid (freed, or never issued).
pub const MAPI_E_INVALID_BOOKMARK: HRESULT = 0x8004_0405_u32 as HRESULT;
/// A wait was needed.
pub const MAPI_E_WAIT: HRESULT = 0x8004_0500_u32 as HRESULT;
/// The operation was cancelled.
pub const MAPI_E_CANCEL: HRESULT = 0x8004_0501_u32 as HRESULT;
/// Not this provider's message (spooler).
pub const MAPI_E_NOT_ME: HRESULT = 0x8004_0502_u32 as HRESULT;
/// The store is corrupt.
pub const MAPI_E_CORRUPT_STORE: HRESULT = 0x8004_0600_u32 as HRESULT;
/// The message is not in the outgoing queue.
pub const MAPI_E_NOT_IN_QUEUE: HRESULT = 0x8004_0601_u32 as HRESULT;
/// Read receipts cannot be suppressed.
pub const MAPI_E_NO_SUPPRESS: HRESULT = 0x8004_0602_u32 as HRESULT;
/// A folder or object of that name already exists.
pub const MAPI_E_COLLISION: HRESULT = 0x8004_0604_u32 as HRESULT;
/// A non-standard operation.
pub const MAPI_E_NON_STANDARD: HRESULT = 0x8004_0606_u32 as HRESULT;
/// The message has no recipients (`SubmitMessage`).
pub const MAPI_E_NO_RECIPIENTS: HRESULT = 0x8004_0607_u32 as HRESULT;
/// The message was submitted and cannot be changed.
pub const MAPI_E_SUBMITTED: HRESULT = 0x8004_0608_u32 as HRESULT;
/// The folder still has subfolders (`DeleteFolder` without `DEL_FOLDERS`).
pub const MAPI_E_HAS_FOLDERS: HRESULT = 0x8004_0609_u32 as HRESULT;
/// The folder still has messages (`DeleteFolder` without `DEL_MESSAGES`).
pub const MAPI_E_HAS_MESSAGES: HRESULT = 0x8004_060A_u32 as HRESULT;
/// The folder would be copied or moved into itself or a subfolder of its own.
pub const MAPI_E_FOLDER_CYCLE: HRESULT = 0x8004_060B_u32 as HRESULT;
/// A recipient name is ambiguous.
pub const MAPI_E_AMBIGUOUS_RECIP: HRESULT = 0x8004_0700_u32 as HRESULT;
/// Warning: a service could not be started.
pub const MAPI_W_NO_SERVICE: HRESULT = 0x0004_0203_u32 as HRESULT;
/// Warning: the bookmarked row is gone; the table is positioned on the next one.
pub const MAPI_W_POSITION_CHANGED: HRESULT = 0x0004_0481_u32 as HRESULT;
/// Warning: the row count is approximate.
pub const MAPI_W_APPROX_COUNT: HRESULT = 0x0004_0482_u32 as HRESULT;
/// Warning: the message was cancelled (spooler).
pub const MAPI_W_CANCEL_MESSAGE: HRESULT = 0x0004_0580_u32 as HRESULT;
/// Warning: the operation completed only in part (e.g. some messages of a `CopyMessages` failed).
pub const MAPI_W_PARTIAL_COMPLETION: HRESULT = 0x0004_0680_u32 as HRESULT;
/// COM: the method is not implemented (`winerror.h`).
pub const E_NOTIMPL: HRESULT = 0x8000_4001_u32 as HRESULT;
/// COM: an invalid pointer (`winerror.h`).
pub const E_POINTER: HRESULT = 0x8000_4003_u32 as HRESULT;
/// COM: an unexpected failure (`winerror.h`).
pub const E_UNEXPECTED: HRESULT = 0x8000_FFFF_u32 as HRESULT;
/// Storage: the function is not valid (`winerror.h`).
pub const STG_E_INVALIDFUNCTION: HRESULT = 0x8003_0001_u32 as HRESULT;
/// Storage: access denied, e.g. a `Write` on a stream opened read-only (`winerror.h`).
pub const STG_E_ACCESSDENIED: HRESULT = 0x8003_0005_u32 as HRESULT;
/// Storage: an invalid pointer (`winerror.h`).
pub const STG_E_INVALIDPOINTER: HRESULT = 0x8003_0009_u32 as HRESULT;
/// Storage: no space left (`winerror.h`).
pub const STG_E_MEDIUMFULL: HRESULT = 0x8003_0070_u32 as HRESULT;
/// Storage: an invalid argument, e.g. a bad `Seek` origin (`winerror.h`).
pub const STG_E_INVALIDPARAMETER: HRESULT = 0x8003_0057_u32 as HRESULT;
/// Storage: the object was reverted and is no longer valid (`winerror.h`).
pub const STG_E_REVERTED: HRESULT = 0x8003_0102_u32 as HRESULT;
/// Storage: an invalid flag (`winerror.h`).
pub const STG_E_INVALIDFLAG: HRESULT = 0x8003_00FF_u32 as HRESULT;
/// COM's name for [`MAPI_E_CALL_FAILED`].
pub const E_FAIL: HRESULT = MAPI_E_CALL_FAILED;
/// COM's name for [`MAPI_E_NOT_ENOUGH_MEMORY`].
pub const E_OUTOFMEMORY: HRESULT = MAPI_E_NOT_ENOUGH_MEMORY;
/// COM's name for [`MAPI_E_INVALID_PARAMETER`].
pub const E_INVALIDARG: HRESULT = MAPI_E_INVALID_PARAMETER;
/// COM's name for [`MAPI_E_NO_ACCESS`].
pub const E_ACCESSDENIED: HRESULT = MAPI_E_NO_ACCESS;

// Flags and values of the object tree (`mapidefs.h`, `mapitags.h`,
// `mapispi.h`, `objidl.h`). Where MinGW-w64 lacks one, the doc comment
// says so and gives Microsoft's documented value.
/// `SaveChanges` flag: keep the object open, read-only.
pub const KEEP_OPEN_READONLY: ULONG = 0x0000_0001_u32 as ULONG;
/// `SaveChanges` flag: keep the object open for writing.
pub const KEEP_OPEN_READWRITE: ULONG = 0x0000_0002_u32 as ULONG;
/// `SaveChanges` flag: save even if the object changed since it was opened.
pub const FORCE_SAVE: ULONG = 0x0000_0004_u32 as ULONG;
/// `OpenProperty` / `GetIDsFromNames` / `CreateFolder` flag: create if missing.
pub const MAPI_CREATE: ULONG = 0x0000_0002_u32 as ULONG;
/// `GetNamesFromIDs` flag: only numeric names.
pub const MAPI_NO_STRINGS: ULONG = 0x0000_0001_u32 as ULONG;
/// `GetNamesFromIDs` flag: only string names.
pub const MAPI_NO_IDS: ULONG = 0x0000_0002_u32 as ULONG;
/// `MAPINAMEID::ulKind`: `Kind.lID` is valid.
pub const MNID_ID: ULONG = 0x0000_0000_u32 as ULONG;
/// `MAPINAMEID::ulKind`: `Kind.lpwstrName` is valid.
pub const MNID_STRING: ULONG = 0x0000_0001_u32 as ULONG;
/// `GetContentsTable` / `CreateMessage` flag: the folder's associated (hidden) contents.
pub const MAPI_ASSOCIATED: ULONG = 0x0000_0040_u32 as ULONG;
/// `CreateFolder` flag: open the folder if it exists instead of failing with `MAPI_E_COLLISION`.
pub const OPEN_IF_EXISTS: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_FOLDER_TYPE`: the root folder.
pub const FOLDER_ROOT: ULONG = 0x0000_0000_u32 as ULONG;
/// `PR_FOLDER_TYPE` / `CreateFolder`: an ordinary folder.
pub const FOLDER_GENERIC: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_FOLDER_TYPE` / `CreateFolder`: a search folder.
pub const FOLDER_SEARCH: ULONG = 0x0000_0002_u32 as ULONG;
/// `DeleteFolder` flag: delete the messages too.
pub const DEL_MESSAGES: ULONG = 0x0000_0001_u32 as ULONG;
/// `DeleteFolder` / `EmptyFolder` flag: delete the subfolders too.
pub const DEL_FOLDERS: ULONG = 0x0000_0004_u32 as ULONG;
/// `EmptyFolder` flag: delete the associated contents too.
pub const DEL_ASSOCIATED: ULONG = 0x0000_0008_u32 as ULONG;
/// `CopyFolder` flag: move instead of copy.
pub const FOLDER_MOVE: ULONG = 0x0000_0001_u32 as ULONG;
/// `CopyFolder` / `DeleteFolder` / `EmptyFolder` flag: show progress.
pub const FOLDER_DIALOG: ULONG = 0x0000_0002_u32 as ULONG;
/// `CopyFolder` flag: copy the subfolders too.
pub const COPY_SUBFOLDERS: ULONG = 0x0000_0010_u32 as ULONG;
/// `CopyMessages` flag: move instead of copy.
pub const MESSAGE_MOVE: ULONG = 0x0000_0001_u32 as ULONG;
/// `CopyMessages` / `DeleteMessages` / `SetReadFlags` flag: show progress.
pub const MESSAGE_DIALOG: ULONG = 0x0000_0002_u32 as ULONG;
/// `CopyTo` / `CopyProps` flag: move the properties.
pub const MAPI_MOVE: ULONG = 0x0000_0001_u32 as ULONG;
/// `CopyTo` / `CopyProps` flag: keep the destination's existing values.
pub const MAPI_NOREPLACE: ULONG = 0x0000_0002_u32 as ULONG;
/// `CopyTo` / `CopyProps` flag: the provider may answer `MAPI_E_DECLINE_COPY`.
pub const MAPI_DECLINE_OK: ULONG = 0x0000_0004_u32 as ULONG;
/// `CopyTo` / `CopyProps` / `DeleteAttach` flag: show progress.
pub const MAPI_DIALOG: ULONG = 0x0000_0008_u32 as ULONG;
/// `ModifyRecipients` flag: add the recipients.
pub const MODRECIP_ADD: ULONG = 0x0000_0002_u32 as ULONG;
/// `ModifyRecipients` flag: replace the recipients of the same `PR_ROWID`.
pub const MODRECIP_MODIFY: ULONG = 0x0000_0004_u32 as ULONG;
/// `ModifyRecipients` flag: remove the recipients of the same `PR_ROWID`.
pub const MODRECIP_REMOVE: ULONG = 0x0000_0008_u32 as ULONG;
/// `SetReadFlag(s)` flag: send no read report.
pub const SUPPRESS_RECEIPT: ULONG = 0x0000_0001_u32 as ULONG;
/// `SetReadFlag(s)` flag: mark unread.
pub const CLEAR_READ_FLAG: ULONG = 0x0000_0004_u32 as ULONG;
/// `SetReadFlag(s)` flag: send pending read reports, change nothing.
pub const GENERATE_RECEIPT_ONLY: ULONG = 0x0000_0010_u32 as ULONG;
/// `SetReadFlag(s)` flag: clear `MSGFLAG_RN_PENDING`.
pub const CLEAR_RN_PENDING: ULONG = 0x0000_0020_u32 as ULONG;
/// `SetReadFlag(s)` flag: clear `MSGFLAG_NRN_PENDING`.
pub const CLEAR_NRN_PENDING: ULONG = 0x0000_0040_u32 as ULONG;

// `PR_MESSAGE_FLAGS` bits.
/// `PR_MESSAGE_FLAGS` bit: read.
pub const MSGFLAG_READ: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: not modified since delivery.
pub const MSGFLAG_UNMODIFIED: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: submitted, not yet sent.
pub const MSGFLAG_SUBMIT: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: being composed, not sent yet.
pub const MSGFLAG_UNSENT: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: has attachments.
pub const MSGFLAG_HASATTACH: ULONG = 0x0000_0010_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: sent by the store's user.
pub const MSGFLAG_FROMME: ULONG = 0x0000_0020_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: an associated (hidden) message.
pub const MSGFLAG_ASSOCIATED: ULONG = 0x0000_0040_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: to be resent.
pub const MSGFLAG_RESEND: ULONG = 0x0000_0080_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: a read report is due.
pub const MSGFLAG_RN_PENDING: ULONG = 0x0000_0100_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: a non-read report is due.
pub const MSGFLAG_NRN_PENDING: ULONG = 0x0000_0200_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: arrived over an X.400 link. Not in MinGW-w64's `mapidefs.h`: Microsoft's documented value.
pub const MSGFLAG_ORIGIN_X400: ULONG = 0x0000_1000_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: arrived over the Internet. Not in MinGW-w64's `mapidefs.h`: Microsoft's documented value.
pub const MSGFLAG_ORIGIN_INTERNET: ULONG = 0x0000_2000_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` bit: arrived over another external link. Not in MinGW-w64's `mapidefs.h`: Microsoft's documented value.
pub const MSGFLAG_ORIGIN_MISC_EXT: ULONG = 0x0000_8000_u32 as ULONG;

// `PR_MSG_STATUS` bits (`GetMessageStatus` / `SetMessageStatus`).
/// `PR_MSG_STATUS` bit: highlighted.
pub const MSGSTATUS_HIGHLIGHTED: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_MSG_STATUS` bit: tagged.
pub const MSGSTATUS_TAGGED: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_MSG_STATUS` bit: hidden.
pub const MSGSTATUS_HIDDEN: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_MSG_STATUS` bit: marked for deletion.
pub const MSGSTATUS_DELMARKED: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_MSG_STATUS` bit: marked for download from a remote store.
pub const MSGSTATUS_REMOTE_DOWNLOAD: ULONG = 0x0000_1000_u32 as ULONG;
/// `PR_MSG_STATUS` bit: marked for deletion in a remote store.
pub const MSGSTATUS_REMOTE_DELETE: ULONG = 0x0000_2000_u32 as ULONG;

// More `PR_OBJECT_TYPE` values.
/// Object type: address book.
pub const MAPI_ADDRBOOK: ULONG = 0x0000_0002_u32 as ULONG;
/// Object type: address-book container.
pub const MAPI_ABCONT: ULONG = 0x0000_0004_u32 as ULONG;
/// Object type: messaging user.
pub const MAPI_MAILUSER: ULONG = 0x0000_0006_u32 as ULONG;
/// Object type: attachment.
pub const MAPI_ATTACH: ULONG = 0x0000_0007_u32 as ULONG;
/// Object type: distribution list.
pub const MAPI_DISTLIST: ULONG = 0x0000_0008_u32 as ULONG;
/// Object type: profile section.
pub const MAPI_PROFSECT: ULONG = 0x0000_0009_u32 as ULONG;
/// Object type: session.
pub const MAPI_SESSION: ULONG = 0x0000_000B_u32 as ULONG;
/// Object type: form information.
pub const MAPI_FORMINFO: ULONG = 0x0000_000C_u32 as ULONG;

// `PR_RECIPIENT_TYPE` values.
/// `PR_RECIPIENT_TYPE`: a To recipient.
pub const MAPI_TO: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_RECIPIENT_TYPE`: a Cc recipient.
pub const MAPI_CC: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_RECIPIENT_TYPE`: a Bcc recipient.
pub const MAPI_BCC: ULONG = 0x0000_0003_u32 as ULONG;
/// `PR_RECIPIENT_TYPE` bit: a resent (P1) recipient.
pub const MAPI_P1: ULONG = 0x1000_0000_u32 as ULONG;
/// `PR_RECIPIENT_TYPE` bit: already submitted.
pub const MAPI_SUBMITTED: ULONG = 0x8000_0000_u32 as ULONG;

// `PR_ATTACH_METHOD` values.
/// `PR_ATTACH_METHOD`: no data yet.
pub const NO_ATTACHMENT: ULONG = 0x0000_0000_u32 as ULONG;
/// `PR_ATTACH_METHOD`: bytes in `PR_ATTACH_DATA_BIN`.
pub const ATTACH_BY_VALUE: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_ATTACH_METHOD`: a path in `PR_ATTACH_PATHNAME`.
pub const ATTACH_BY_REFERENCE: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_ATTACH_METHOD`: a path, resolved when sent.
pub const ATTACH_BY_REF_RESOLVE: ULONG = 0x0000_0003_u32 as ULONG;
/// `PR_ATTACH_METHOD`: a path, never resolved.
pub const ATTACH_BY_REF_ONLY: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_ATTACH_METHOD`: an `IMessage` in `PR_ATTACH_DATA_OBJ`.
pub const ATTACH_EMBEDDED_MSG: ULONG = 0x0000_0005_u32 as ULONG;
/// `PR_ATTACH_METHOD`: an OLE object in `PR_ATTACH_DATA_OBJ`.
pub const ATTACH_OLE: ULONG = 0x0000_0006_u32 as ULONG;

// Status objects (`IMAPIStatus`, `mapispi.h` / `mapitags.h`).
/// `PR_RESOURCE_TYPE` of a message-store provider's status row.
pub const MAPI_STORE_PROVIDER: ULONG = 0x0000_0021_u32 as ULONG;
/// `PR_STATUS_CODE` bit: the provider is available.
pub const STATUS_AVAILABLE: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_STATUS_CODE` bit: the provider is offline.
pub const STATUS_OFFLINE: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_STATUS_CODE` bit: the provider failed.
pub const STATUS_FAILURE: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_RESOURCE_METHODS` bit: `ValidateState` is supported.
pub const STATUS_VALIDATE_STATE: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_RESOURCE_METHODS` bit: `SettingsDialog` is supported.
pub const STATUS_SETTINGS_DIALOG: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_RESOURCE_METHODS` bit: `ChangePassword` is supported.
pub const STATUS_CHANGE_PASSWORD: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_RESOURCE_METHODS` bit: `FlushQueues` is supported.
pub const STATUS_FLUSH_QUEUES: ULONG = 0x0000_0008_u32 as ULONG;
/// `ValidateState` / `FlushQueues` flag: show no user interface.
pub const SUPPRESS_UI: ULONG = 0x0000_0001_u32 as ULONG;
/// `ValidateState` flag: refresh the transport's header cache.
pub const REFRESH_XP_HEADER_CACHE: ULONG = 0x0001_0000_u32 as ULONG;
/// `ValidateState` flag: process the transport's header cache.
pub const PROCESS_XP_HEADER_CACHE: ULONG = 0x0002_0000_u32 as ULONG;
/// `ValidateState` / `FlushQueues` flag: connect the transport.
pub const FORCE_XP_CONNECT: ULONG = 0x0004_0000_u32 as ULONG;
/// `ValidateState` / `FlushQueues` flag: disconnect the transport.
pub const FORCE_XP_DISCONNECT: ULONG = 0x0008_0000_u32 as ULONG;
/// `ValidateState` flag: the configuration changed.
pub const CONFIG_CHANGED: ULONG = 0x0010_0000_u32 as ULONG;
/// `ValidateState` flag: abort the header-cache operation.
pub const ABORT_XP_HEADER_OPERATION: ULONG = 0x0020_0000_u32 as ULONG;
/// `ValidateState` flag: show the transport's session interface.
pub const SHOW_XP_SESSION_UI: ULONG = 0x0040_0000_u32 as ULONG;

// `PR_VALID_FOLDER_MASK` bits: which standard folders exist.
/// `PR_VALID_FOLDER_MASK` bit: `PR_IPM_SUBTREE_ENTRYID` is valid.
pub const FOLDER_IPM_SUBTREE_VALID: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: the Inbox (the receive folder) is valid.
pub const FOLDER_IPM_INBOX_VALID: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_IPM_OUTBOX_ENTRYID` is valid.
pub const FOLDER_IPM_OUTBOX_VALID: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_IPM_WASTEBASKET_ENTRYID` is valid.
pub const FOLDER_IPM_WASTEBASKET_VALID: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_IPM_SENTMAIL_ENTRYID` is valid.
pub const FOLDER_IPM_SENTMAIL_VALID: ULONG = 0x0000_0010_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_VIEWS_ENTRYID` is valid.
pub const FOLDER_VIEWS_VALID: ULONG = 0x0000_0020_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_COMMON_VIEWS_ENTRYID` is valid.
pub const FOLDER_COMMON_VIEWS_VALID: ULONG = 0x0000_0040_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` bit: `PR_FINDER_ENTRYID` is valid.
pub const FOLDER_FINDER_VALID: ULONG = 0x0000_0080_u32 as ULONG;

// `PR_ACCESS` bits.
/// `PR_ACCESS` bit: the object may be modified.
pub const MAPI_ACCESS_MODIFY: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_ACCESS` bit: the object may be read.
pub const MAPI_ACCESS_READ: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_ACCESS` bit: the object may be deleted.
pub const MAPI_ACCESS_DELETE: ULONG = 0x0000_0004_u32 as ULONG;
/// `PR_ACCESS` bit: the object subfolders may be created.
pub const MAPI_ACCESS_CREATE_HIERARCHY: ULONG = 0x0000_0008_u32 as ULONG;
/// `PR_ACCESS` bit: the object messages may be created.
pub const MAPI_ACCESS_CREATE_CONTENTS: ULONG = 0x0000_0010_u32 as ULONG;
/// `PR_ACCESS` bit: the object associated messages may be created.
pub const MAPI_ACCESS_CREATE_ASSOCIATED: ULONG = 0x0000_0020_u32 as ULONG;

// Tables (`IMAPITable`).
/// `GetHierarchyTable` flag: every level below, with `PR_DEPTH`.
pub const CONVENIENT_DEPTH: ULONG = 0x0000_0001_u32 as ULONG;
/// `GetContentsTable` / `GetHierarchyTable` flag: show soft-deleted items. Not in MinGW-w64 (Exchange's `edkmdb.h`): Microsoft's documented value.
pub const SHOW_SOFT_DELETES: ULONG = 0x0000_0002_u32 as ULONG;
/// `SSortOrder::ulOrder`: ascending.
pub const TABLE_SORT_ASCEND: ULONG = 0x0000_0000_u32 as ULONG;
/// `SSortOrder::ulOrder`: descending.
pub const TABLE_SORT_DESCEND: ULONG = 0x0000_0001_u32 as ULONG;
/// `SSortOrder::ulOrder`: combined with the previous key (categories).
pub const TABLE_SORT_COMBINE: ULONG = 0x0000_0002_u32 as ULONG;
/// `QueryColumns` flag: every column, not only the current set.
pub const TBL_ALL_COLUMNS: ULONG = 0x0000_0001_u32 as ULONG;
/// `WaitForCompletion` / `Abort` flag: do not wait.
pub const TBL_NOWAIT: ULONG = 0x0000_0001_u32 as ULONG;
/// `SetColumns` / `SortTable` / `Restrict` flag: may complete asynchronously.
pub const TBL_ASYNC: ULONG = 0x0000_0001_u32 as ULONG;
/// `SetColumns` / `SortTable` / `Restrict` flag: may defer the work to the next call that needs it.
pub const TBL_BATCH: ULONG = 0x0000_0002_u32 as ULONG;
/// `QueryRows` flag: do not move the cursor.
pub const TBL_NOADVANCE: ULONG = 0x0000_0001_u32 as ULONG;
/// `FindRow` flag: search backwards.
pub const DIR_BACKWARD: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_ROW_TYPE`: a leaf row.
pub const TBL_LEAF_ROW: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_ROW_TYPE`: an empty category.
pub const TBL_EMPTY_CATEGORY: ULONG = 0x0000_0002_u32 as ULONG;
/// `PR_ROW_TYPE`: an expanded category.
pub const TBL_EXPANDED_CATEGORY: ULONG = 0x0000_0003_u32 as ULONG;
/// `PR_ROW_TYPE`: a collapsed category.
pub const TBL_COLLAPSED_CATEGORY: ULONG = 0x0000_0004_u32 as ULONG;
/// `GetStatus` table status: no operation in progress.
pub const TBLSTAT_COMPLETE: ULONG = 0x0000_0000_u32 as ULONG;
/// `GetStatus` table status: the contents changed.
pub const TBLSTAT_QCHANGED: ULONG = 0x0000_0007_u32 as ULONG;
/// `GetStatus` table status: sorting.
pub const TBLSTAT_SORTING: ULONG = 0x0000_0009_u32 as ULONG;
/// `GetStatus` table status: the sort failed.
pub const TBLSTAT_SORT_ERROR: ULONG = 0x0000_000A_u32 as ULONG;
/// `GetStatus` table status: setting columns.
pub const TBLSTAT_SETTING_COLS: ULONG = 0x0000_000B_u32 as ULONG;
/// `GetStatus` table status: `SetColumns` failed.
pub const TBLSTAT_SETCOL_ERROR: ULONG = 0x0000_000D_u32 as ULONG;
/// `GetStatus` table status: restricting.
pub const TBLSTAT_RESTRICTING: ULONG = 0x0000_000E_u32 as ULONG;
/// `GetStatus` table status: the restriction failed.
pub const TBLSTAT_RESTRICT_ERROR: ULONG = 0x0000_000F_u32 as ULONG;
/// `GetStatus` table type: a snapshot: never changes.
pub const TBLTYPE_SNAPSHOT: ULONG = 0x0000_0000_u32 as ULONG;
/// `GetStatus` table type: a fixed set of rows whose values change.
pub const TBLTYPE_KEYSET: ULONG = 0x0000_0001_u32 as ULONG;
/// `GetStatus` table type: rows and values follow the data.
pub const TBLTYPE_DYNAMIC: ULONG = 0x0000_0002_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): the table changed (re-read it).
pub const TABLE_CHANGED: ULONG = 0x0000_0001_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): an error.
pub const TABLE_ERROR: ULONG = 0x0000_0002_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): a row was added.
pub const TABLE_ROW_ADDED: ULONG = 0x0000_0003_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): a row was deleted.
pub const TABLE_ROW_DELETED: ULONG = 0x0000_0004_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): a row was modified.
pub const TABLE_ROW_MODIFIED: ULONG = 0x0000_0005_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): an asynchronous sort finished.
pub const TABLE_SORT_DONE: ULONG = 0x0000_0006_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): an asynchronous restriction finished.
pub const TABLE_RESTRICT_DONE: ULONG = 0x0000_0007_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): an asynchronous `SetColumns` finished.
pub const TABLE_SETCOL_DONE: ULONG = 0x0000_0008_u32 as ULONG;
/// `fnevTableModified` event (`TABLE_NOTIFICATION::ulTableEvent`): the table must be reloaded.
pub const TABLE_RELOAD: ULONG = 0x0000_0009_u32 as ULONG;
/// `GetSearchCriteria` state bit: the search is running.
pub const SEARCH_RUNNING: ULONG = 0x0000_0001_u32 as ULONG;
/// `GetSearchCriteria` state bit: the search is being rebuilt.
pub const SEARCH_REBUILD: ULONG = 0x0000_0002_u32 as ULONG;
/// `GetSearchCriteria` state bit: the search covers subfolders.
pub const SEARCH_RECURSIVE: ULONG = 0x0000_0004_u32 as ULONG;
/// `GetSearchCriteria` state bit: the search runs in the foreground.
pub const SEARCH_FOREGROUND: ULONG = 0x0000_0008_u32 as ULONG;
/// `SetSearchCriteria` flag: stop the search.
pub const STOP_SEARCH: ULONG = 0x0000_0001_u32 as ULONG;
/// `SetSearchCriteria` flag: restart the search.
pub const RESTART_SEARCH: ULONG = 0x0000_0002_u32 as ULONG;
/// `SetSearchCriteria` flag: search subfolders too.
pub const RECURSIVE_SEARCH: ULONG = 0x0000_0004_u32 as ULONG;
/// `SetSearchCriteria` flag: search only the listed folders.
pub const SHALLOW_SEARCH: ULONG = 0x0000_0008_u32 as ULONG;
/// `SetSearchCriteria` flag: search in the foreground.
pub const FOREGROUND_SEARCH: ULONG = 0x0000_0010_u32 as ULONG;
/// `SetSearchCriteria` flag: search in the background.
pub const BACKGROUND_SEARCH: ULONG = 0x0000_0020_u32 as ULONG;
/// `BOOKMARK_BEGINNING`: the first row. A `BOOKMARK` (`ULONG_PTR`,
/// Microsoft's width; MinGW-w64's `((BOOKMARK) 0)` is a `ULONG`).
pub const BOOKMARK_BEGINNING: BOOKMARK = 0_usize as BOOKMARK;
/// `BOOKMARK_CURRENT`: the current row (a `BOOKMARK`, `ULONG_PTR`).
pub const BOOKMARK_CURRENT: BOOKMARK = 1_usize as BOOKMARK;
/// `BOOKMARK_END`: past the last row (a `BOOKMARK`, `ULONG_PTR`).
pub const BOOKMARK_END: BOOKMARK = 2_usize as BOOKMARK;

// Restrictions (`SRestriction`).
/// `SRestriction::rt`: `res.resAnd`, every sub-restriction holds.
pub const RES_AND: ULONG = 0x0000_0000_u32 as ULONG;
/// `SRestriction::rt`: `res.resOr`, some sub-restriction holds.
pub const RES_OR: ULONG = 0x0000_0001_u32 as ULONG;
/// `SRestriction::rt`: `res.resNot`, the sub-restriction does not hold.
pub const RES_NOT: ULONG = 0x0000_0002_u32 as ULONG;
/// `SRestriction::rt`: `res.resContent`, a string or binary search.
pub const RES_CONTENT: ULONG = 0x0000_0003_u32 as ULONG;
/// `SRestriction::rt`: `res.resProperty`, a property compared with a value.
pub const RES_PROPERTY: ULONG = 0x0000_0004_u32 as ULONG;
/// `SRestriction::rt`: `res.resCompareProps`, two properties compared.
pub const RES_COMPAREPROPS: ULONG = 0x0000_0005_u32 as ULONG;
/// `SRestriction::rt`: `res.resBitMask`, bits of a property tested.
pub const RES_BITMASK: ULONG = 0x0000_0006_u32 as ULONG;
/// `SRestriction::rt`: `res.resSize`, the size of a property compared.
pub const RES_SIZE: ULONG = 0x0000_0007_u32 as ULONG;
/// `SRestriction::rt`: `res.resExist`, a property exists.
pub const RES_EXIST: ULONG = 0x0000_0008_u32 as ULONG;
/// `SRestriction::rt`: `res.resSub`, a restriction on a subobject table.
pub const RES_SUBRESTRICTION: ULONG = 0x0000_0009_u32 as ULONG;
/// `SRestriction::rt`: `res.resComment`, an annotated restriction.
pub const RES_COMMENT: ULONG = 0x0000_000A_u32 as ULONG;
/// `SRestriction::rt`: `res.resCount`, a restriction limited to its first
/// matches. Not in MinGW-w64 (`mapidefs.h`): Microsoft's documented value.
pub const RES_COUNT: ULONG = 0x0000_000B_u32 as ULONG;
/// `SRestriction::rt`: `res.resAnnotation`, an annotated restriction (laid
/// out as `RES_COMMENT`'s). Not in MinGW-w64 (`mapidefs.h`): Microsoft's
/// documented value.
pub const RES_ANNOTATION: ULONG = 0x0000_000C_u32 as ULONG;
/// `relop`: less than.
pub const RELOP_LT: ULONG = 0x0000_0000_u32 as ULONG;
/// `relop`: less than or equal.
pub const RELOP_LE: ULONG = 0x0000_0001_u32 as ULONG;
/// `relop`: greater than.
pub const RELOP_GT: ULONG = 0x0000_0002_u32 as ULONG;
/// `relop`: greater than or equal.
pub const RELOP_GE: ULONG = 0x0000_0003_u32 as ULONG;
/// `relop`: equal.
pub const RELOP_EQ: ULONG = 0x0000_0004_u32 as ULONG;
/// `relop`: not equal.
pub const RELOP_NE: ULONG = 0x0000_0005_u32 as ULONG;
/// `relop`: matches a regular expression.
pub const RELOP_RE: ULONG = 0x0000_0006_u32 as ULONG;
/// `SContentRestriction::ulFuzzyLevel` (low 16 bits): the whole value
/// matches.
pub const FL_FULLSTRING: ULONG = 0x0000_0000_u32 as ULONG;
/// `ulFuzzyLevel` (low 16 bits): the value contains the pattern.
pub const FL_SUBSTRING: ULONG = 0x0000_0001_u32 as ULONG;
/// `ulFuzzyLevel` (low 16 bits): the value starts with the pattern.
pub const FL_PREFIX: ULONG = 0x0000_0002_u32 as ULONG;
/// `ulFuzzyLevel` bit: compare case-insensitively.
pub const FL_IGNORECASE: ULONG = 0x0001_0000_u32 as ULONG;
/// `ulFuzzyLevel` bit: ignore non-spacing characters (diacritics).
pub const FL_IGNORENONSPACE: ULONG = 0x0002_0000_u32 as ULONG;
/// `ulFuzzyLevel` bit: match as loosely as the provider can.
pub const FL_LOOSE: ULONG = 0x0004_0000_u32 as ULONG;
/// `SBitMaskRestriction::relBMR`: `property & ulMask` is zero.
pub const BMR_EQZ: ULONG = 0x0000_0000_u32 as ULONG;
/// `SBitMaskRestriction::relBMR`: `property & ulMask` is not zero.
pub const BMR_NEZ: ULONG = 0x0000_0001_u32 as ULONG;

// Streams (`objidl.h`, `objbase.h`).
/// `STGM` mode: changes take effect at once (the default).
pub const STGM_DIRECT: DWORD = 0x0000_0000_u32 as DWORD;
/// `STGM` mode: changes take effect at `Commit`.
pub const STGM_TRANSACTED: DWORD = 0x0001_0000_u32 as DWORD;
/// `STGM` mode: read-only.
pub const STGM_READ: DWORD = 0x0000_0000_u32 as DWORD;
/// `STGM` mode: write-only.
pub const STGM_WRITE: DWORD = 0x0000_0001_u32 as DWORD;
/// `STGM` mode: read and write.
pub const STGM_READWRITE: DWORD = 0x0000_0002_u32 as DWORD;
/// `STGM` mode: no one else may open it.
pub const STGM_SHARE_EXCLUSIVE: DWORD = 0x0000_0010_u32 as DWORD;
/// `STGM` mode: create (replacing an existing one).
pub const STGM_CREATE: DWORD = 0x0000_1000_u32 as DWORD;
/// `IStream::Seek` origin: the start.
pub const STREAM_SEEK_SET: DWORD = 0x0000_0000_u32 as DWORD;
/// `IStream::Seek` origin: the current position.
pub const STREAM_SEEK_CUR: DWORD = 0x0000_0001_u32 as DWORD;
/// `IStream::Seek` origin: the end.
pub const STREAM_SEEK_END: DWORD = 0x0000_0002_u32 as DWORD;
/// `IStream::Stat` flag: fill `pwcsName` too.
pub const STATFLAG_DEFAULT: DWORD = 0x0000_0000_u32 as DWORD;
/// `IStream::Stat` flag: leave `pwcsName` NULL.
pub const STATFLAG_NONAME: DWORD = 0x0000_0001_u32 as DWORD;
/// `STATSTG::type` of a stream.
pub const STGTY_STREAM: DWORD = 0x0000_0002_u32 as DWORD;
/// `IStream::Commit` flag: the default commit.
pub const STGC_DEFAULT: DWORD = 0x0000_0000_u32 as DWORD;

/// Every code above with its symbolic name (`E_NOINTERFACE`, `E_FAIL`,
/// `E_OUTOFMEMORY`, `E_INVALIDARG` and `E_ACCESSDENIED` are listed under
/// their MAPI names), for logs and diagnostics. Each value appears once.
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
    (MAPI_E_STRING_TOO_LONG, "MAPI_E_STRING_TOO_LONG"),
    (MAPI_E_OBJECT_CHANGED, "MAPI_E_OBJECT_CHANGED"),
    (MAPI_E_OBJECT_DELETED, "MAPI_E_OBJECT_DELETED"),
    (MAPI_E_NOT_ENOUGH_DISK, "MAPI_E_NOT_ENOUGH_DISK"),
    (MAPI_E_NOT_ENOUGH_RESOURCES, "MAPI_E_NOT_ENOUGH_RESOURCES"),
    (MAPI_E_SESSION_LIMIT, "MAPI_E_SESSION_LIMIT"),
    (MAPI_E_USER_CANCEL, "MAPI_E_USER_CANCEL"),
    (MAPI_E_UNABLE_TO_ABORT, "MAPI_E_UNABLE_TO_ABORT"),
    (MAPI_E_NETWORK_ERROR, "MAPI_E_NETWORK_ERROR"),
    (MAPI_E_DISK_ERROR, "MAPI_E_DISK_ERROR"),
    (MAPI_E_TOO_COMPLEX, "MAPI_E_TOO_COMPLEX"),
    (MAPI_E_BAD_COLUMN, "MAPI_E_BAD_COLUMN"),
    (MAPI_E_EXTENDED_ERROR, "MAPI_E_EXTENDED_ERROR"),
    (MAPI_E_CORRUPT_DATA, "MAPI_E_CORRUPT_DATA"),
    (MAPI_E_UNCONFIGURED, "MAPI_E_UNCONFIGURED"),
    (MAPI_E_FAILONEPROVIDER, "MAPI_E_FAILONEPROVIDER"),
    (MAPI_E_UNKNOWN_CPID, "MAPI_E_UNKNOWN_CPID"),
    (MAPI_E_UNKNOWN_LCID, "MAPI_E_UNKNOWN_LCID"),
    (
        MAPI_E_PASSWORD_CHANGE_REQUIRED,
        "MAPI_E_PASSWORD_CHANGE_REQUIRED",
    ),
    (MAPI_E_PASSWORD_EXPIRED, "MAPI_E_PASSWORD_EXPIRED"),
    (
        MAPI_E_INVALID_WORKSTATION_ACCOUNT,
        "MAPI_E_INVALID_WORKSTATION_ACCOUNT",
    ),
    (MAPI_E_INVALID_ACCESS_TIME, "MAPI_E_INVALID_ACCESS_TIME"),
    (MAPI_E_ACCOUNT_DISABLED, "MAPI_E_ACCOUNT_DISABLED"),
    (MAPI_E_UNKNOWN_ENTRYID, "MAPI_E_UNKNOWN_ENTRYID"),
    (
        MAPI_E_MISSING_REQUIRED_COLUMN,
        "MAPI_E_MISSING_REQUIRED_COLUMN",
    ),
    (MAPI_E_TOO_BIG, "MAPI_E_TOO_BIG"),
    (MAPI_E_DECLINE_COPY, "MAPI_E_DECLINE_COPY"),
    (MAPI_E_UNEXPECTED_ID, "MAPI_E_UNEXPECTED_ID"),
    (MAPI_E_UNABLE_TO_COMPLETE, "MAPI_E_UNABLE_TO_COMPLETE"),
    (MAPI_E_TIMEOUT, "MAPI_E_TIMEOUT"),
    (MAPI_E_TABLE_EMPTY, "MAPI_E_TABLE_EMPTY"),
    (MAPI_E_TABLE_TOO_BIG, "MAPI_E_TABLE_TOO_BIG"),
    (MAPI_E_INVALID_BOOKMARK, "MAPI_E_INVALID_BOOKMARK"),
    (MAPI_E_WAIT, "MAPI_E_WAIT"),
    (MAPI_E_CANCEL, "MAPI_E_CANCEL"),
    (MAPI_E_NOT_ME, "MAPI_E_NOT_ME"),
    (MAPI_E_CORRUPT_STORE, "MAPI_E_CORRUPT_STORE"),
    (MAPI_E_NOT_IN_QUEUE, "MAPI_E_NOT_IN_QUEUE"),
    (MAPI_E_NO_SUPPRESS, "MAPI_E_NO_SUPPRESS"),
    (MAPI_E_COLLISION, "MAPI_E_COLLISION"),
    (MAPI_E_NON_STANDARD, "MAPI_E_NON_STANDARD"),
    (MAPI_E_NO_RECIPIENTS, "MAPI_E_NO_RECIPIENTS"),
    (MAPI_E_SUBMITTED, "MAPI_E_SUBMITTED"),
    (MAPI_E_HAS_FOLDERS, "MAPI_E_HAS_FOLDERS"),
    (MAPI_E_HAS_MESSAGES, "MAPI_E_HAS_MESSAGES"),
    (MAPI_E_FOLDER_CYCLE, "MAPI_E_FOLDER_CYCLE"),
    (MAPI_E_AMBIGUOUS_RECIP, "MAPI_E_AMBIGUOUS_RECIP"),
    (MAPI_W_NO_SERVICE, "MAPI_W_NO_SERVICE"),
    (MAPI_W_POSITION_CHANGED, "MAPI_W_POSITION_CHANGED"),
    (MAPI_W_APPROX_COUNT, "MAPI_W_APPROX_COUNT"),
    (MAPI_W_CANCEL_MESSAGE, "MAPI_W_CANCEL_MESSAGE"),
    (MAPI_W_PARTIAL_COMPLETION, "MAPI_W_PARTIAL_COMPLETION"),
    (E_NOTIMPL, "E_NOTIMPL"),
    (E_POINTER, "E_POINTER"),
    (E_UNEXPECTED, "E_UNEXPECTED"),
    (STG_E_INVALIDFUNCTION, "STG_E_INVALIDFUNCTION"),
    (STG_E_ACCESSDENIED, "STG_E_ACCESSDENIED"),
    (STG_E_INVALIDPOINTER, "STG_E_INVALIDPOINTER"),
    (STG_E_MEDIUMFULL, "STG_E_MEDIUMFULL"),
    (STG_E_INVALIDPARAMETER, "STG_E_INVALIDPARAMETER"),
    (STG_E_REVERTED, "STG_E_REVERTED"),
    (STG_E_INVALIDFLAG, "STG_E_INVALIDFLAG"),
];

/// `STORE_UNICODE_OK` (`PR_STORE_SUPPORT_MASK`): the store accepts and
/// returns Unicode strings (`mapidefs.h` of newer SDKs; Microsoft's value).
pub const STORE_UNICODE_OK: ULONG = 0x0004_0000_u32 as ULONG;
/// `ATTACH_DIALOG` (`IMessage::DeleteAttach`): show a progress indicator.
pub const ATTACH_DIALOG: ULONG = 0x0000_0001_u32 as ULONG;
/// `MAPI_NO_CACHE` (`OpenEntry`): bypass the client's cache (Microsoft's
/// value; MinGW's mapidefs.h lacks it). Accepted and ignored: this store
/// has no cache.
pub const MAPI_NO_CACHE: ULONG = 0x0000_0200_u32 as ULONG;
/// `MAPI_CACHE_ONLY` (`OpenEntry`): use only the client's cache (Microsoft's
/// value; MinGW's mapidefs.h lacks it). Accepted and ignored.
pub const MAPI_CACHE_ONLY: ULONG = 0x0000_4000_u32 as ULONG;
