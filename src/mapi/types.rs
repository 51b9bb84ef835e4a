//! Scalar and structure types of the MAPI ABI, laid out exactly as in the
//! MinGW-w64 `mapidefs.h` / `mapispi.h`.

#![allow(non_snake_case)]

use std::ffi::c_void;

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
