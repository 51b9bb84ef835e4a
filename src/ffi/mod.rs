//! `extern "C"` entry points and exported data: the C API of
//! `include/mslogon.h`. Every name is prefixed (`mslogon_`, `MSLogon_`) so
//! nothing clashes with MAPI's own symbols.
#![allow(non_upper_case_globals, non_snake_case)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use crate::com::{hresult, live_objects, new_logon, ComPtr};
use crate::mapi::{self, IMAPISupport, IMSLogon, MapiError, HRESULT, IID, ULONG};
use crate::provider::LogonCore;
use crate::store::ReferenceLogon;

/// `IID_IUnknown`.
#[no_mangle]
pub static MSLogon_IID_IUnknown: IID = mapi::IID_IUnknown;
/// `IID_IMSLogon`.
#[no_mangle]
pub static MSLogon_IID_IMSLogon: IID = mapi::IID_IMSLogon;
/// `IID_IMSProvider`.
#[no_mangle]
pub static MSLogon_IID_IMSProvider: IID = mapi::IID_IMSProvider;
/// `IID_IMAPISup`.
#[no_mangle]
pub static MSLogon_IID_IMAPISup: IID = mapi::IID_IMAPISup;
/// `IID_IMsgStore`.
#[no_mangle]
pub static MSLogon_IID_IMsgStore: IID = mapi::IID_IMsgStore;
/// `IID_IMAPIProp`.
#[no_mangle]
pub static MSLogon_IID_IMAPIProp: IID = mapi::IID_IMAPIProp;
/// `IID_IMAPIStatus`.
#[no_mangle]
pub static MSLogon_IID_IMAPIStatus: IID = mapi::IID_IMAPIStatus;
/// `IID_IMAPIAdviseSink`.
#[no_mangle]
pub static MSLogon_IID_IMAPIAdviseSink: IID = mapi::IID_IMAPIAdviseSink;

/// Creates a logon object of the reference provider, for hosts that do not
/// go through `MSProviderInit`.
///
/// The logon takes its own reference on `lpSupport` (`AddRef`) and releases
/// it exactly once, last, when it is logged off (or destroyed without a
/// `Logoff`). On success `*lppLogon` receives an `IMSLogon` with one
/// reference, which the caller releases.
///
/// Returns `S_OK`; `MAPI_E_INVALID_PARAMETER` when `lppLogon` is NULL, or
/// `lpSupport` is NULL or has a NULL vtable, `AddRef` or `Release` (then
/// `*lppLogon` is set to NULL when writable and nothing is created);
/// `MAPI_E_CALL_FAILED` if a Rust panic was caught.
///
/// # Safety
///
/// `lpSupport` is NULL or a live `IMAPISupport`; `lppLogon` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn mslogon_create_logon(
    lpSupport: *mut IMAPISupport,
    lppLogon: *mut *mut IMSLogon,
) -> HRESULT {
    if lppLogon.is_null() {
        return MapiError::InvalidParameter.hresult();
    }
    // SAFETY: `lppLogon` is non-NULL and writable (caller).
    unsafe { *lppLogon = ptr::null_mut() };
    let created = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `lpSupport` is NULL or a live IMAPISupport (caller).
        let support =
            unsafe { ComPtr::from_borrowed(lpSupport) }.ok_or(MapiError::InvalidParameter)?;
        Ok::<_, MapiError>(new_logon(LogonCore::new(ReferenceLogon::new(), support)))
    }));
    match created {
        Ok(Ok(logon)) => {
            // SAFETY: as above.
            unsafe { *lppLogon = logon };
            hresult(Ok(()))
        }
        Ok(Err(e)) => e.hresult(),
        Err(_) => MapiError::CallFailed.hresult(),
    }
}

/// The number of COM objects (logons, and later stores, providers, status
/// objects) this library created that are not destroyed yet, process-wide.
/// A host can assert it is 0 after its last `Release` to find leaks.
#[no_mangle]
pub extern "C" fn mslogon_live_objects() -> ULONG {
    ULONG::try_from(live_objects()).unwrap_or(ULONG::MAX)
}
