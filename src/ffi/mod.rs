//! `extern "C"` entry points and exported data: the C API of
//! `include/mslogon.h`. Every name is prefixed (`mslogon_`, `MSLogon_`) so
//! nothing clashes with MAPI's own symbols.
#![allow(non_upper_case_globals, non_snake_case)]

mod diag;

pub use diag::{
    mslogon_hresult_name, mslogon_version, VERSION_MAJOR, VERSION_MINOR, VERSION_PATCH,
};

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use std::ffi::c_void;

use crate::com::{
    hresult, live_objects, new_logon, new_provider, service_entry, ComPtr, HostAllocators,
};
use crate::mapi::{
    self, AllocateBufferFn, AllocateMoreFn, FreeBufferFn, IMAPISupport, IMSLogon, IMSProvider,
    IMalloc, IProviderAdmin, MapiError, SPropValue, CURRENT_SPI_VERSION, HRESULT, IID, MAPIERROR,
    MAPI_E_UNCONFIGURED, MAPI_NT_SERVICE, ULONG, ULONG_PTR,
};
use crate::provider::{LogonCore, MessageStoreProvider, ProfileError, ProviderCore};
use crate::store::{default_store_file, ReferenceLogon, ReferenceStore};
use crate::trace::trace;

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
/// `IID_IMAPITable`.
#[no_mangle]
pub static MSLogon_IID_IMAPITable: IID = mapi::IID_IMAPITable;
/// `IID_IMessage`.
#[no_mangle]
pub static MSLogon_IID_IMessage: IID = mapi::IID_IMessage;
/// `IID_IAttachment`.
#[no_mangle]
pub static MSLogon_IID_IAttachment: IID = mapi::IID_IAttachment;
/// `IID_IMAPIContainer`.
#[no_mangle]
pub static MSLogon_IID_IMAPIContainer: IID = mapi::IID_IMAPIContainer;
/// `IID_IMAPIFolder`.
#[no_mangle]
pub static MSLogon_IID_IMAPIFolder: IID = mapi::IID_IMAPIFolder;
/// `IID_IStream`.
#[no_mangle]
pub static MSLogon_IID_IStream: IID = mapi::IID_IStream;
/// `IID_IStorage`.
#[no_mangle]
pub static MSLogon_IID_IStorage: IID = mapi::IID_IStorage;
/// `IID_IProfSect`.
#[no_mangle]
pub static MSLogon_IID_IProfSect: IID = mapi::IID_IProfSect;
/// `IID_IProviderAdmin`.
#[no_mangle]
pub static MSLogon_IID_IProviderAdmin: IID = mapi::IID_IProviderAdmin;

/// Creates a logon object of the reference provider, for hosts that do not
/// go through `MSProviderInit` (no store object, no provider list).
///
/// The logon asks the support object for the host's allocators
/// (`GetMemAllocRoutines`, optional: without them `GetLastError` reports
/// nothing). It takes its own reference on `lpSupport` (`AddRef`) and releases
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
        let allocators = HostAllocators::from_support(&support);
        let core = LogonCore::new(ReferenceLogon::default(), support).with_allocators(allocators);
        Ok::<_, MapiError>(new_logon(core))
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

/// The function type of [`MSProviderInit`] (`MSPROVIDERINIT`), for hosts
/// that look it up with `dlsym`/`GetProcAddress`. `__cdecl`
/// (`STDMAPIINITCALLTYPE`).
pub type MSPROVIDERINIT = Option<
    unsafe extern "C" fn(
        hInstance: *mut c_void,
        lpMalloc: *mut IMalloc,
        lpAllocateBuffer: AllocateBufferFn,
        lpAllocateMore: AllocateMoreFn,
        lpFreeBuffer: FreeBufferFn,
        ulFlags: ULONG,
        ulMAPIVer: ULONG,
        lpulProviderVer: *mut ULONG,
        lppMSProvider: *mut *mut IMSProvider,
    ) -> HRESULT,
>;

/// The message-store provider entry point MAPI calls after loading the
/// library (`MSProviderInit` in `mapispi.h`), serving the reference
/// provider; exported under that exact name. C hosts that link the library
/// call it as [`mslogon_provider_init`]; the header does not declare
/// `MSProviderInit` itself, so that it coexists with `<mapispi.h>`.
///
/// - `lpAllocateBuffer`, `lpAllocateMore`, `lpFreeBuffer`, `lpulProviderVer`
///   or `lppMSProvider` NULL → `MAPI_E_INVALID_PARAMETER`;
/// - `ulFlags` other than 0 / `MAPI_NT_SERVICE` → `MAPI_E_UNKNOWN_FLAGS`;
/// - `ulMAPIVer` older than `CURRENT_SPI_VERSION` → `MAPI_E_VERSION`;
/// - otherwise `*lpulProviderVer = CURRENT_SPI_VERSION` and
///   `*lppMSProvider` an `IMSProvider` with one reference. The provider
///   keeps the allocators and `lpMalloc` (AddRef'd, optional), released at
///   `Shutdown` (or its last `Release`). `hInstance` is not used.
///
/// # Safety
///
/// Pointers NULL or valid as `mapispi.h` documents; the allocators are the
/// host's, callable from any thread until the provider is shut down.
#[no_mangle]
pub unsafe extern "C" fn MSProviderInit(
    hInstance: *mut c_void,
    lpMalloc: *mut IMalloc,
    lpAllocateBuffer: AllocateBufferFn,
    lpAllocateMore: AllocateMoreFn,
    lpFreeBuffer: FreeBufferFn,
    ulFlags: ULONG,
    ulMAPIVer: ULONG,
    lpulProviderVer: *mut ULONG,
    lppMSProvider: *mut *mut IMSProvider,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    unsafe {
        provider_init(
            ReferenceStore::default,
            hInstance,
            lpMalloc,
            lpAllocateBuffer,
            lpAllocateMore,
            lpFreeBuffer,
            ulFlags,
            ulMAPIVer,
            lpulProviderVer,
            lppMSProvider,
        )
    }
}

/// The body of an `MSProviderInit` for any [`MessageStoreProvider`]: a
/// crate that implements its own provider exports its entry point with
/// this (see the crate documentation), with exactly the checks and results
/// documented on [`MSProviderInit`]. `make` builds the provider once the
/// arguments are known to be good.
///
/// # Safety
///
/// As [`MSProviderInit`].
#[allow(clippy::too_many_arguments)]
pub unsafe fn provider_init<M: MessageStoreProvider>(
    make: impl FnOnce() -> M,
    hInstance: *mut c_void,
    lpMalloc: *mut IMalloc,
    lpAllocateBuffer: AllocateBufferFn,
    lpAllocateMore: AllocateMoreFn,
    lpFreeBuffer: FreeBufferFn,
    ulFlags: ULONG,
    ulMAPIVer: ULONG,
    lpulProviderVer: *mut ULONG,
    lppMSProvider: *mut *mut IMSProvider,
) -> HRESULT {
    let _ = hInstance;
    // SAFETY: each is NULL or writable (caller).
    unsafe {
        if !lppMSProvider.is_null() {
            *lppMSProvider = ptr::null_mut();
        }
        if !lpulProviderVer.is_null() {
            *lpulProviderVer = CURRENT_SPI_VERSION;
        }
    }
    if lppMSProvider.is_null() || lpulProviderVer.is_null() {
        return MapiError::InvalidParameter.hresult();
    }
    let created = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the host's allocators (caller).
        let allocators =
            unsafe { HostAllocators::new(lpAllocateBuffer, lpAllocateMore, lpFreeBuffer) }
                .ok_or(MapiError::InvalidParameter)?;
        if ulFlags & !MAPI_NT_SERVICE != 0 {
            return Err(MapiError::UnknownFlags);
        }
        if ulMAPIVer < CURRENT_SPI_VERSION {
            return Err(MapiError::Version);
        }
        // SAFETY: NULL or the host's live IMalloc (caller).
        let malloc = unsafe { ComPtr::from_borrowed(lpMalloc) };
        let core = ProviderCore::new(make(), allocators, malloc);
        let provider = new_provider(core);
        trace!("MSProviderInit: provider {provider:p}, MAPI SPI {ulMAPIVer:#010x}");
        Ok(provider)
    }));
    match created {
        Ok(Ok(provider)) => {
            // SAFETY: as above.
            unsafe { *lppMSProvider = provider };
            hresult(Ok(()))
        }
        Ok(Err(e)) => e.hresult(),
        Err(_) => MapiError::CallFailed.hresult(),
    }
}

/// [`MSProviderInit`] under this library's prefix, for C hosts that link
/// the library and include `mslogon.h` (same arguments, same results).
///
/// # Safety
///
/// As [`MSProviderInit`].
#[no_mangle]
pub unsafe extern "C" fn mslogon_provider_init(
    hInstance: *mut c_void,
    lpMalloc: *mut IMalloc,
    lpAllocateBuffer: AllocateBufferFn,
    lpAllocateMore: AllocateMoreFn,
    lpFreeBuffer: FreeBufferFn,
    ulFlags: ULONG,
    ulMAPIVer: ULONG,
    lpulProviderVer: *mut ULONG,
    lppMSProvider: *mut *mut IMSProvider,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    unsafe {
        MSProviderInit(
            hInstance,
            lpMalloc,
            lpAllocateBuffer,
            lpAllocateMore,
            lpFreeBuffer,
            ulFlags,
            ulMAPIVer,
            lpulProviderVer,
            lppMSProvider,
        )
    }
}

/// The function type of [`ServiceEntry`] (`MSGSERVICEENTRY` in
/// `mapispi.h`), for hosts that look it up with `dlsym`/`GetProcAddress`:
/// `WINAPI` (`__stdcall` on 32-bit Windows). `ulUIParam` is `ULONG_PTR`
/// (Microsoft's width; MinGW-w64 says `ULONG`).
pub type MSGSERVICEENTRY = Option<
    unsafe extern "system" fn(
        hInstance: *mut c_void,
        lpMalloc: *mut IMalloc,
        lpMAPISup: *mut IMAPISupport,
        ulUIParam: ULONG_PTR,
        ulFlags: ULONG,
        ulContext: ULONG,
        cValues: ULONG,
        lpProps: *mut SPropValue,
        lpProviderAdmin: *mut IProviderAdmin,
        lppMapiError: *mut *mut MAPIERROR,
    ) -> HRESULT,
>;

/// The message service's entry point (`MSGSERVICEENTRY` in `mapispi.h`),
/// exported under this name for `PR_SERVICE_ENTRY_NAME=ServiceEntry` in
/// `MAPISVC.INF`: MAPI calls it when the service is added to a profile
/// (`MSG_SERVICE_CREATE`), configured (`MSG_SERVICE_CONFIGURE`) or removed
/// (`MSG_SERVICE_DELETE`). It keeps where the store lives in the service's
/// profile section (`PR_MSLOGON_STORE_PATH`), which `IMSProvider::Logon`
/// reads:
///
/// - `CREATE`: the path of `lpProps`, or without one the default file
///   ([`default_store_file`]: the per-user data directory, or
///   `MSLOGON_STORE_DIR`); `MAPI_E_UNCONFIGURED` when there is none;
/// - `CONFIGURE`: the path of `lpProps`; without one the configuration is
///   kept (or made as by `CREATE` if there is none);
/// - `DELETE`: the property is removed; the store's file is left where it
///   is (as Outlook leaves a PST file).
///
/// No UI is ever shown: the UI flags are accepted and change nothing.
/// Other contexts are `MAPI_E_NO_SUPPORT`; `lpProviderAdmin` and
/// `lpMAPISup` are required; the path must be a `PT_UNICODE` or
/// `PT_STRING8` absolute path (else `MAPI_E_INVALID_PARAMETER`, nothing
/// changed). Failures past the argument checks return a `MAPIERROR` in
/// `*lppMapiError` (optional), allocated with the support object's
/// `MAPIAllocateBuffer`. C hosts that link the library call it as
/// [`mslogon_service_entry`]; the header does not declare `ServiceEntry`
/// itself (cbindgen cannot write `__stdcall` functions).
///
/// # Safety
///
/// Pointers NULL or valid as `mapispi.h` documents.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "system" fn ServiceEntry(
    hInstance: *mut c_void,
    lpMalloc: *mut IMalloc,
    lpMAPISup: *mut IMAPISupport,
    ulUIParam: ULONG_PTR,
    ulFlags: ULONG,
    ulContext: ULONG,
    cValues: ULONG,
    lpProps: *mut SPropValue,
    lpProviderAdmin: *mut IProviderAdmin,
    lppMapiError: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    unsafe {
        service_entry(
            hInstance,
            lpMalloc,
            lpMAPISup,
            ulUIParam,
            ulFlags,
            ulContext,
            cValues,
            lpProps,
            lpProviderAdmin,
            lppMapiError,
            |uid| {
                default_store_file(uid).ok_or_else(|| {
                    ProfileError::new(
                        MapiError::Other(MAPI_E_UNCONFIGURED),
                        "no store path was given and there is no per-user data directory \
                         to keep the store in (set MSLOGON_STORE_DIR, or pass \
                         PR_MSLOGON_STORE_PATH)",
                    )
                })
            },
        )
    }
}

/// [`ServiceEntry`] under this library's prefix, for C hosts that link the
/// library and include `mslogon.h` (same arguments, same results;
/// `__cdecl`, like every `mslogon_*` function).
///
/// # Safety
///
/// As [`ServiceEntry`].
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn mslogon_service_entry(
    hInstance: *mut c_void,
    lpMalloc: *mut IMalloc,
    lpMAPISup: *mut IMAPISupport,
    ulUIParam: ULONG_PTR,
    ulFlags: ULONG,
    ulContext: ULONG,
    cValues: ULONG,
    lpProps: *mut SPropValue,
    lpProviderAdmin: *mut IProviderAdmin,
    lppMapiError: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    unsafe {
        ServiceEntry(
            hInstance,
            lpMalloc,
            lpMAPISup,
            ulUIParam,
            ulFlags,
            ulContext,
            cValues,
            lpProps,
            lpProviderAdmin,
            lppMapiError,
        )
    }
}
