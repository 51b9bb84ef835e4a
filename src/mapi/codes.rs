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
