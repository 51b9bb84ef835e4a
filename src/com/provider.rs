//! The `IMSProvider` object: `Logon` builds a logon and its store around
//! the provider's logic, `Shutdown` logs off whatever is left.

use std::ffi::c_void;
use std::ptr;

use super::args::{entry_id, iid, out_pair, required_entry_id, Out};
use super::boundary::{boundary, hresult};
use super::logon::COMPONENT;
use super::object::{add_ref, query_interface, release, ComClass, ComObject};
use super::profile::HostProfileSection;
use super::store::StoreObject;
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::{
    IID_IMSProvider, IID_IMsgStore, IMAPISupport, IMSLogon, IMSProvider, IMSProviderVtbl,
    IMsgStore, MapiError, MapiResult, BYTE, ENTRYID, HRESULT, HRESULT_NAMES, IID, MAPIERROR,
    MAPI_BEST_ACCESS, MAPI_DEFERRED_ERRORS, MAPI_E_BUSY, MAPI_E_CORRUPT_STORE, MAPI_E_DISK_ERROR,
    MAPI_E_NO_ACCESS, MAPI_E_VERSION, MAPI_MODIFY, MAPI_UNICODE, MDB_NO_DIALOG, MDB_NO_MAIL,
    MDB_TEMPORARY, MDB_WRITE, PR_DISPLAY_NAME_W, PR_ENTRYID, PR_PROVIDER_DISPLAY_W, PR_RECORD_KEY,
    ULONG, ULONG_PTR,
};
use crate::provider::{
    logon_store_path, record_logon, LogonCore, LogonProvider, LogonRequest, MessageStoreProvider,
    ProfileError, PropValue, ProviderCore,
};
use crate::trace::trace;

/// The flags `IMSProvider::Logon` and `SpoolerLogon` accept.
pub const LOGON_FLAGS: ULONG = MDB_NO_DIALOG
    | MDB_WRITE
    | MDB_TEMPORARY
    | MDB_NO_MAIL
    | MAPI_DEFERRED_ERRORS
    | MAPI_BEST_ACCESS
    | MAPI_UNICODE;

// SAFETY: `IMSProvider` is `#[repr(C)] { lpVtbl }`, and every slot of
// `VTBL` is a thunk below, generic over the same `M`, that expects
// `ComObject<ProviderCore<M>>`.
unsafe impl<M: MessageStoreProvider> ComClass for ProviderCore<M> {
    type Interface = IMSProvider;
    type Vtbl = IMSProviderVtbl;
    const VTBL: &'static IMSProviderVtbl = &IMSProviderVtbl {
        QueryInterface: query_interface::<Self>,
        AddRef: add_ref::<Self>,
        Release: release::<Self>,
        Shutdown: shutdown::<M>,
        Logon: logon::<M>,
        SpoolerLogon: spooler_logon::<M>,
        CompareStoreIDs: compare_store_ids::<M>,
    };
    const IIDS: &'static [IID] = &[IID_IMSProvider];

    fn final_release(&self) {
        // Released without Shutdown: nothing the host gave may leak.
        self.shutdown_now();
    }
}

/// Creates a provider object with one reference, owned by the caller.
pub fn new_provider<M: MessageStoreProvider>(core: ProviderCore<M>) -> *mut IMSProvider {
    ComObject::create(core)
}

type Provider<M> = ProviderCore<M>;

unsafe extern "system" fn shutdown<M: MessageStoreProvider>(
    this: *mut IMSProvider,
    flags: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `lpulFlags` NULL or readable.
    hresult(unsafe {
        ComObject::<Provider<M>>::stabilized(this, |obj| {
            obj.value().shutdown(flags.as_ref().copied())
        })
    })
}

/// The outputs of `Logon`/`SpoolerLogon`.
struct LogonOut {
    logon: Out<*mut IMSLogon>,
    store: Out<*mut IMsgStore>,
    error: Option<Out<*mut MAPIERROR>>,
}

impl LogonOut {
    /// `lppMSLogon` and `lppMDB` are required, `lppMAPIError` optional.
    ///
    /// # Safety
    ///
    /// Each pointer NULL or writable.
    unsafe fn new(
        error: *mut *mut MAPIERROR,
        logon: *mut *mut IMSLogon,
        store: *mut *mut IMsgStore,
    ) -> MapiResult<Self> {
        // Every out-pointer is cleared before any is checked.
        // SAFETY: forwarded from the caller.
        let (error, objects) = unsafe {
            (
                Out::new(error, ptr::null_mut()).ok(),
                out_pair(logon, ptr::null_mut(), store, ptr::null_mut()),
            )
        };
        let (logon, store) = objects?;
        Ok(LogonOut {
            logon,
            store,
            error,
        })
    }
}

/// The common body of `Logon` and `SpoolerLogon` (MAPI's argument list).
///
/// # Safety
///
/// `support` is NULL or a live `IMAPISupport`; `interface` NULL or a
/// readable IID; `cb_entry_id`/`lp_entry_id` a readable entry ID or 0/NULL.
#[allow(clippy::too_many_arguments)]
unsafe fn open_logon<M: MessageStoreProvider>(
    core: &ProviderCore<M>,
    support: *mut IMAPISupport,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    flags: ULONG,
    interface: *const IID,
    spooler: bool,
    out: LogonOut,
) -> MapiResult<()> {
    // SAFETY: forwarded from the caller.
    let (interface, entry) = unsafe { (iid(interface), entry_id(cb_entry_id, lp_entry_id)?) };
    if interface.is_some_and(|i| *i != IID_IMsgStore) {
        return Err(MapiError::InterfaceNotSupported);
    }
    if flags & !LOGON_FLAGS != 0 {
        return Err(MapiError::UnknownFlags);
    }
    if support.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // Where the store lives, as the profile says (read only while the
    // provider is live: after Shutdown the host's objects are not touched).
    let store_path = core
        .provider()
        .map_err(|e| ProfileError::new(e, format!("cannot open the message store: {e}")))
        .and_then(|_| {
            logon_store_path(|uid| {
                // SAFETY: a non-NULL live IMAPISupport (caller), borrowed for
                // the call.
                unsafe { HostProfileSection::from_support(support, uid, 0, core.allocators()) }
            })
        });
    let store_path = match store_path {
        Ok(path) => path,
        Err(e) => return Err(logon_failed(core, flags, out.error, e.error, &e.text)),
    };
    let request = LogonRequest {
        entry_id: entry,
        flags,
        spooler,
        store_path: store_path.as_deref(),
    };
    let opened = core.open(&request).and_then(|logic| {
        // The support object is AddRef'd only for a logon that will exist:
        // a failed Logon never touches its reference count.
        // SAFETY: a non-NULL live IMAPISupport (caller).
        let support =
            unsafe { ComPtr::from_borrowed(support) }.ok_or(MapiError::InvalidParameter)?;
        let wrapped = wrap_store_entry_id(&support, || logic.store_entry_id(), core.allocators());
        record_in_profile(&support, &logic, wrapped.as_deref(), core.allocators());
        let logon = LogonCore::new(logic, support)
            .with_allocators(Some(*core.allocators()))
            .with_registry(core.registry().clone());
        if let Some(wrapped) = wrapped {
            logon.session().set_wrapped_store_entry_id(wrapped);
        }

        let (logon_iface, logon) = ComObject::create_pinned(logon);
        if core.registry().add(logon.clone()).is_err() {
            // Shut down meanwhile: undo (the last Release tears down).
            drop(logon);
            // SAFETY: we own the one reference of the object just created.
            unsafe { release::<LogonCore<M::Logon>>(logon_iface) };
            return Err(MapiError::EndOfSession);
        }
        trace!("logon {:p}: opened (spooler: {spooler})", logon.value());
        let store_iface = ComObject::create(StoreObject::new(logon));
        Ok((logon_iface, store_iface))
    });
    let (logon_iface, store_iface) = match opened {
        Ok(objects) => objects,
        Err(e) => {
            // The failed Logon explains itself, in the host's buffers.
            let text = match &store_path {
                Some(path) => format!(
                    "cannot open the message store in {}: {}",
                    path.display(),
                    store_failure(e)
                ),
                None => format!("cannot open the message store: {e}"),
            };
            return Err(logon_failed(core, flags, out.error, e, &text));
        }
    };
    out.logon.set(logon_iface);
    out.store.set(store_iface);
    Ok(())
}

/// A failed `Logon`: `e`, with a `MAPIERROR` saying `text` in the host's
/// buffers when it asked for one.
fn logon_failed<M: MessageStoreProvider>(
    core: &ProviderCore<M>,
    flags: ULONG,
    error_out: Option<Out<*mut MAPIERROR>>,
    e: MapiError,
    text: &str,
) -> MapiError {
    if let Some(error_out) = error_out {
        let wide = flags & MAPI_UNICODE != 0;
        if let Ok(error) = core.allocators().mapi_error(text, COMPONENT, 0, wide) {
            error_out.set(error);
        }
    }
    e
}

/// Why a store file could not be opened, for a `MAPIERROR`.
fn store_failure(e: MapiError) -> String {
    let why = match e.hresult() {
        MAPI_E_CORRUPT_STORE => "the file is not an mslogon store, or it is damaged",
        MAPI_E_NO_ACCESS => "the file cannot be opened for reading and writing",
        MAPI_E_VERSION => "the store was written by a newer version of mslogon",
        MAPI_E_DISK_ERROR => "the file cannot be read or written",
        MAPI_E_BUSY => "the file is locked by another process",
        _ => return e.to_string(),
    };
    let name = HRESULT_NAMES
        .iter()
        .find(|(code, _)| *code == e.hresult())
        .map_or("", |(_, name)| name);
    format!("{why} ({name})")
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn logon<M: MessageStoreProvider>(
    this: *mut IMSProvider,
    lp_support: *mut IMAPISupport,
    _ul_ui_param: ULONG_PTR,
    _lpsz_profile_name: *mut c_void,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    flags: ULONG,
    lp_interface: *const IID,
    lpcb_spool_security: *mut ULONG,
    lppb_spool_security: *mut *mut BYTE,
    lpp_error: *mut *mut MAPIERROR,
    lpp_logon: *mut *mut IMSLogon,
    lpp_mdb: *mut *mut IMsgStore,
) -> HRESULT {
    // SAFETY: live `this`; every pointer NULL or valid per the MAPI
    // contract.
    hresult(unsafe {
        boundary::<Provider<M>, _>(this, |obj| {
            // This provider keeps no spooler security data: 0 bytes, NULL
            // (written where the host passed somewhere to write them).
            let _ = Out::new(lpcb_spool_security, 0);
            let _ = Out::new(lppb_spool_security, ptr::null_mut());
            let out = LogonOut::new(lpp_error, lpp_logon, lpp_mdb)?;
            open_logon(
                obj.value(),
                lp_support,
                cb_entry_id,
                lp_entry_id,
                flags,
                lp_interface,
                false,
                out,
            )
        })
    })
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn spooler_logon<M: MessageStoreProvider>(
    this: *mut IMSProvider,
    lp_support: *mut IMAPISupport,
    _ul_ui_param: ULONG_PTR,
    _lpsz_profile_name: *mut c_void,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    flags: ULONG,
    lp_interface: *const IID,
    _cb_spool_security: ULONG,
    _lpb_spool_security: *mut BYTE,
    lpp_error: *mut *mut MAPIERROR,
    lpp_logon: *mut *mut IMSLogon,
    lpp_mdb: *mut *mut IMsgStore,
) -> HRESULT {
    // SAFETY: live `this`; every pointer NULL or valid per the MAPI
    // contract.
    hresult(unsafe {
        boundary::<Provider<M>, _>(this, |obj| {
            let out = LogonOut::new(lpp_error, lpp_logon, lpp_mdb)?;
            open_logon(
                obj.value(),
                lp_support,
                cb_entry_id,
                lp_entry_id,
                flags,
                lp_interface,
                true,
                out,
            )
        })
    })
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn compare_store_ids<M: MessageStoreProvider>(
    this: *mut IMSProvider,
    cb1: ULONG,
    eid1: *mut ENTRYID,
    cb2: ULONG,
    eid2: *mut ENTRYID,
    flags: ULONG,
    lpul_result: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    hresult(unsafe {
        boundary::<Provider<M>, _>(this, |obj| {
            let result = Out::new(lpul_result, 0)?;
            let (a, b) = (required_entry_id(cb1, eid1)?, required_entry_id(cb2, eid2)?);
            let same = obj.value().provider()?.compare_store_ids(a, b, flags)?;
            result.set(ULONG::from(same));
            Ok(())
        })
    })
}

/// Writes what MAPI asks a provider to put in its profile section at
/// logon ([`record_logon`]: display name, the store's entry ID, wrapped
/// when the host wraps, provider display, record key) when the host keeps
/// a profile. A host without one, or whose section refuses the write
/// (read-only, no support), leaves the logon as it is: the values are
/// MAPI's convenience (its message store table), not the logon's.
fn record_in_profile<L: LogonProvider>(
    support: &ComPtr<IMAPISupport>,
    logic: &L,
    wrapped: Option<&[u8]>,
    allocators: &HostAllocators,
) {
    let entry_id = wrapped.map_or_else(|| logic.store_entry_id(), <[u8]>::to_vec);
    let mut values = vec![(PR_ENTRYID, PropValue::Binary(entry_id))];
    for tag in [PR_DISPLAY_NAME_W, PR_RECORD_KEY] {
        if let Some(v) = logic.store_prop(tag) {
            values.push((tag, v));
        }
    }
    let provider = logic
        .store_prop(PR_PROVIDER_DISPLAY_W)
        .unwrap_or_else(|| PropValue::String(COMPONENT.into()));
    values.push((PR_PROVIDER_DISPLAY_W, provider));
    // SAFETY: a live support object (we hold a reference), borrowed for
    // the call.
    let section = unsafe {
        HostProfileSection::from_support(support.as_raw(), None, MAPI_MODIFY, allocators)
    };
    let written = match section {
        Ok(None) => return, // no profile
        Ok(Some(section)) => record_logon(&section, &values),
        Err(e) => Err(e),
    };
    match written {
        Ok(true) => trace!("logon: profile section updated"),
        Ok(false) => {}
        Err(e) => trace!("logon: profile section not updated: {e}"),
    }
}

/// `IMAPISupport::WrapStoreEntryID` of the store's entry ID, when the host
/// implements it (MAPI does): what `PR_STORE_ENTRYID` answers. `None`
/// (raw entry IDs) when it is missing or fails.
fn wrap_store_entry_id(
    support: &ComPtr<IMAPISupport>,
    entry_id: impl FnOnce() -> Vec<u8>,
    allocators: &HostAllocators,
) -> Option<Vec<u8>> {
    let wrap = support.vtbl().WrapStoreEntryID?;
    let entry_id = entry_id();
    let cb = ULONG::try_from(entry_id.len()).ok().filter(|&n| n > 0)?;
    let mut input = entry_id.to_vec();
    let (mut cb_out, mut out): (ULONG, *mut ENTRYID) = (0, ptr::null_mut());
    // SAFETY: a live support object and its own slot; the input is a
    // valid buffer of `cb` bytes the host only reads; the out-pointers are
    // valid locals.
    let hr = unsafe {
        wrap(
            support.as_raw(),
            cb,
            input.as_mut_ptr().cast(),
            &mut cb_out,
            &mut out,
        )
    };
    if hr < 0 || out.is_null() {
        return None;
    }
    let len = usize::try_from(cb_out).ok()?;
    // SAFETY: on success the host returned `cb_out` readable bytes in a
    // buffer from its MAPIAllocateBuffer, which we free once, after copying.
    let wrapped = unsafe { std::slice::from_raw_parts(out.cast::<u8>(), len) }.to_vec();
    // SAFETY: see above.
    unsafe { allocators.free(out.cast()) };
    (!wrapped.is_empty()).then_some(wrapped)
}

impl crate::provider::Support for ComPtr<IMAPISupport> {
    fn store_logoff_transports(&self, flags: ULONG) -> MapiResult<ULONG> {
        let call = self
            .vtbl()
            .StoreLogoffTransports
            .ok_or(MapiError::NoSupport)?;
        let mut flags = flags;
        // SAFETY: a live support object, its own slot, a valid pointer.
        let hr = unsafe { call(self.as_raw(), &mut flags) };
        MapiError::check(hr).map(|_| flags)
    }
}
