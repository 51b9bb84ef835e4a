//! The `IMSLogon` vtable: ten `extern "system"` thunks that unpack C
//! arguments and call [`LogonCore`].

use std::ffi::c_void;
use std::ptr;

use super::args::{entry_id, iid, out_pair, required_entry_id, Out};
use super::boundary::{boundary, hresult};
use super::object::{add_ref, query_interface, release, ComClass, ComObject};
use super::tree::{wrap_opened, wrap_status};
use crate::host::ComPtr;
use crate::mapi::{
    IID_IMSLogon, IMAPIAdviseSink, IMSLogon, IMSLogonVtbl, IUnknown, MapiError, MapiResult,
    ENTRYID, HRESULT, IID, MAPIERROR, MAPI_STATUS, MAPI_UNICODE, ULONG,
};
use crate::provider::{LogonCore, LogonProvider, Opened};

/// The component name in this library's `MAPIERROR`s.
pub const COMPONENT: &str = "mslogon";

// SAFETY: `IMSLogon` is `#[repr(C)] { lpVtbl }`, and every slot of `VTBL`
// is a thunk below, generic over the same `P`, that expects
// `ComObject<LogonCore<P>>`.
unsafe impl<P: LogonProvider> ComClass for LogonCore<P> {
    type Interface = IMSLogon;
    type Vtbl = IMSLogonVtbl;
    const VTBL: &'static IMSLogonVtbl = &IMSLogonVtbl {
        QueryInterface: query_interface::<Self>,
        AddRef: add_ref::<Self>,
        Release: release::<Self>,
        GetLastError: get_last_error::<P>,
        Logoff: logoff::<P>,
        OpenEntry: open_entry::<P>,
        CompareEntryIDs: compare_entry_ids::<P>,
        Advise: advise::<P>,
        Unadvise: unadvise::<P>,
        OpenStatusEntry: open_status_entry::<P>,
    };
    const IIDS: &'static [IID] = &[IID_IMSLogon];

    fn final_release(&self) {
        self.logoff_on_release();
    }

    fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        LogonCore::record_error(self, error, panic_message);
    }
}

/// `GetLastError` on a logon or its store: the recorded failure that
/// produced `hresult`, as a host-allocated `MAPIERROR`; `Ok(NULL)` when
/// there is nothing to report (or no host allocator to report it with).
#[inline]
pub(crate) fn last_error<P: LogonProvider>(
    core: &LogonCore<P>,
    hresult: HRESULT,
    flags: ULONG,
) -> MapiResult<*mut MAPIERROR> {
    if flags & !MAPI_UNICODE != 0 {
        return Err(MapiError::UnknownFlags);
    }
    let (Some(error), Some(alloc)) = (core.last_error(hresult), core.allocators()) else {
        return Ok(ptr::null_mut());
    };
    alloc.mapi_error(&error.message, COMPONENT, 0, flags & MAPI_UNICODE != 0)
}

/// Creates a logon object with one reference, owned by the caller.
pub fn new_logon<P: LogonProvider>(core: LogonCore<P>) -> *mut IMSLogon {
    ComObject::create(core)
}

type Logon<P> = LogonCore<P>;

unsafe extern "system" fn get_last_error<P: LogonProvider>(
    this: *mut IMSLogon,
    h_result: HRESULT,
    flags: ULONG,
    lpp_error: *mut *mut MAPIERROR,
) -> HRESULT {
    // Fast path: nothing recorded for `h_result` (a success, or not the
    // last failure), the common answer: S_OK and NULL, no door, nothing
    // that can panic.
    // SAFETY: live `this` (MAPI contract).
    if let Some(obj) = unsafe { ComObject::<Logon<P>>::from_interface(this) } {
        if !lpp_error.is_null()
            && flags & !MAPI_UNICODE == 0
            && obj.value().recorded(h_result).is_none()
        {
            // SAFETY: non-NULL and writable (MAPI contract).
            unsafe { lpp_error.write(ptr::null_mut()) };
            return crate::mapi::S_OK;
        }
    }
    // SAFETY: forwarded.
    unsafe { get_last_error_slow::<P>(this, h_result, flags, lpp_error) }
}

/// `GetLastError` with something to report, or bad arguments: out of line,
/// so that the fast path above needs no stack frame.
///
/// # Safety
///
/// As `get_last_error`.
#[inline(never)]
unsafe fn get_last_error_slow<P: LogonProvider>(
    this: *mut IMSLogon,
    h_result: HRESULT,
    flags: ULONG,
    lpp_error: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: C calls through our vtable with a live `this` and, per MAPI,
    // a NULL or writable `lppMAPIError`.
    hresult(unsafe {
        boundary::<Logon<P>, _>(this, |obj| {
            let out = Out::new(lpp_error, ptr::null_mut())?;
            out.set(last_error(obj.value(), h_result, flags)?);
            Ok(())
        })
    })
}

unsafe extern "system" fn logoff<P: LogonProvider>(
    this: *mut IMSLogon,
    flags: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this` (MAPI contract).
    let Some(obj) = (unsafe { ComObject::<Logon<P>>::from_interface(this) }) else {
        return MapiError::InvalidParameter.hresult();
    };
    // The argument first: a rejected call changes nothing, so it needs no
    // pin (nor the notification door: it makes no notification).
    // SAFETY: `lpulFlags` NULL or readable (MAPI contract).
    let error = match unsafe { flags.as_ref() } {
        None => MapiError::InvalidParameter,
        // SAFETY: live `this`.
        Some(0) => return unsafe { logoff_valid::<P>(this) },
        Some(_) => MapiError::UnknownFlags,
    };
    obj.value().record_error(error, None);
    error.hresult()
}

/// A valid Logoff, out of line: the rejected calls above need no stack
/// frame.
///
/// # Safety
///
/// `this` is a live logon.
#[inline(never)]
unsafe fn logoff_valid<P: LogonProvider>(this: *mut IMSLogon) -> HRESULT {
    // Fast path: a valid Logoff of a logon already logged off (or being
    // logged off) is a no-op, and needs no pin.
    // SAFETY: live `this` (caller).
    if let Some(obj) = unsafe { ComObject::<Logon<P>>::from_interface(this) } {
        let state = obj.value().state();
        if state != crate::provider::LogonState::Live {
            crate::trace::trace!("logon {:p}: Logoff while {:?}: no-op", obj.value(), state);
            return crate::mapi::S_OK;
        }
    }
    // SAFETY: live `this`. Stabilized: the host may drop its last reference
    // to this logon from inside the support object's Release, which
    // teardown calls.
    hresult(unsafe {
        ComObject::<Logon<P>>::stabilized(this, |obj| obj.value().logoff(Some(0)).map(drop))
    })
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn open_entry<P: LogonProvider>(
    this: *mut IMSLogon,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    lp_interface: *const IID,
    flags: ULONG,
    lpul_obj_type: *mut ULONG,
    lpp_unk: *mut *mut IUnknown,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    hresult(unsafe {
        boundary::<Logon<P>, _>(this, |obj| {
            let (obj_type, unk) = out_pair(lpul_obj_type, 0, lpp_unk, ptr::null_mut())?;
            let entry = entry_id(cb_entry_id, lp_entry_id)?;
            match obj
                .value()
                .provider()?
                .open_entry(entry, iid(lp_interface), flags)?
            {
                // The store is opened through IMSProvider::Logon; its own
                // OpenEntry hands it out again.
                Opened::Store => Err(MapiError::NoSupport),
                opened => {
                    let (t, p) =
                        wrap_opened(obj.value().session(), opened, iid(lp_interface), None)?;
                    obj_type.set(t);
                    unk.set(p);
                    Ok(())
                }
            }
        })
    })
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn compare_entry_ids<P: LogonProvider>(
    this: *mut IMSLogon,
    cb1: ULONG,
    eid1: *mut ENTRYID,
    cb2: ULONG,
    eid2: *mut ENTRYID,
    flags: ULONG,
    lpul_result: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    hresult(unsafe {
        boundary::<Logon<P>, _>(this, |obj| {
            compare_entry_ids_on(obj.value(), cb1, eid1, cb2, eid2, flags, lpul_result)
        })
    })
}

/// `CompareEntryIDs` of a logon or its store.
///
/// # Safety
///
/// Pointers NULL or valid per the MAPI contract.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn compare_entry_ids_on<P: LogonProvider>(
    core: &LogonCore<P>,
    cb1: ULONG,
    eid1: *mut ENTRYID,
    cb2: ULONG,
    eid2: *mut ENTRYID,
    flags: ULONG,
    lpul_result: *mut ULONG,
) -> MapiResult<()> {
    // SAFETY: forwarded from the caller.
    let (result, a, b) = unsafe {
        (
            Out::new(lpul_result, 0)?,
            required_entry_id(cb1, eid1)?,
            required_entry_id(cb2, eid2)?,
        )
    };
    let same = core.provider()?.compare_entry_ids(a, b, flags)?;
    result.set(ULONG::from(same));
    Ok(())
}

unsafe extern "system" fn advise<P: LogonProvider>(
    this: *mut IMSLogon,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    event_mask: ULONG,
    sink: *mut IMAPIAdviseSink,
    lpul_connection: *mut crate::mapi::ULONG_PTR,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    hresult(unsafe {
        boundary::<Logon<P>, _>(this, |obj| {
            advise_on(
                obj.value(),
                cb_entry_id,
                lp_entry_id,
                event_mask,
                sink,
                lpul_connection,
            )
        })
    })
}

/// `Advise` of a logon or its store: one registry per logon. The
/// connection number is pointer-sized (`ULONG_PTR`, Microsoft's width): all
/// of `*lpul_connection` is written.
///
/// # Safety
///
/// Pointers NULL or valid per the MAPI contract; `sink` NULL or a live
/// advise sink.
pub(crate) unsafe fn advise_on<P: LogonProvider>(
    core: &LogonCore<P>,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    event_mask: ULONG,
    sink: *mut IMAPIAdviseSink,
    lpul_connection: *mut crate::mapi::ULONG_PTR,
) -> MapiResult<()> {
    // SAFETY: forwarded from the caller.
    let (connection, entry) = unsafe {
        (
            Out::new(lpul_connection, 0)?,
            entry_id(cb_entry_id, lp_entry_id)?,
        )
    };
    let provider = core.provider()?;
    // Taken only on a live logon: a rejected call keeps no reference.
    // SAFETY: forwarded from the caller.
    let sink = unsafe { ComPtr::from_borrowed(sink) }.ok_or(MapiError::InvalidParameter)?;
    let notifier = core.session().notifier()?;
    // The host's notification engine, if its support object has one (the
    // first Advise looks).
    if !notifier.has_channel() {
        core.with_support(|support| {
            if let Some(support) = support {
                // SAFETY: the support object the logon holds until its
                // teardown, which closes the notifier first.
                unsafe { super::notify::SupportEngine::attach(&notifier, support.as_raw()) };
            }
        });
    }
    let key = provider.advise_key(entry, &notifier)?;
    connection.set(notifier.advise(key, event_mask, sink, super::notify::HostSink::sink)?);
    Ok(())
}

/// `Unadvise` of a logon or its store.
pub(crate) fn unadvise_on<P: LogonProvider>(
    core: &LogonCore<P>,
    connection: crate::mapi::ULONG_PTR,
) -> MapiResult<()> {
    core.provider()?;
    // A Logoff tearing down on another thread may close the notifier
    // after the check above: `MAPI_E_END_OF_SESSION` then, as after it.
    match core.session().notifier_if_made()? {
        Some(notifier) => notifier.unadvise(connection),
        None => Err(MapiError::NotFound),
    }
}

unsafe extern "system" fn unadvise<P: LogonProvider>(
    this: *mut IMSLogon,
    connection: crate::mapi::ULONG_PTR,
) -> HRESULT {
    // SAFETY: live `this`.
    hresult(unsafe { boundary::<Logon<P>, _>(this, |obj| unadvise_on(obj.value(), connection)) })
}

unsafe extern "system" fn open_status_entry<P: LogonProvider>(
    this: *mut IMSLogon,
    lp_interface: *const IID,
    flags: ULONG,
    lpul_obj_type: *mut ULONG,
    lpp_entry: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    hresult(unsafe {
        boundary::<Logon<P>, _>(this, |obj| {
            let (obj_type, entry) = out_pair(lpul_obj_type, 0, lpp_entry, ptr::null_mut())?;
            let wanted = iid(lp_interface);
            let status = obj.value().provider()?.open_status_entry(flags)?;
            entry.set(wrap_status(obj.value().session(), status, wanted)?.cast());
            obj_type.set(MAPI_STATUS);
            Ok(())
        })
    })
}
