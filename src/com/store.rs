//! The `IMsgStore` object: created with its logon by `IMSProvider::Logon`,
//! it pins the logon and shares its state machine ([`LogonCore`]), so the
//! two are torn down together.

use std::ffi::c_void;
use std::ptr;

use super::args::{entry_id, iid, out_pair, Out};
use super::boundary::boundary;
use super::logon::{advise_on, compare_entry_ids_on, last_error};
use super::object::{add_ref, query_interface, release, ComClass, ComObject, Pinned};
use crate::mapi::{
    IID_IMAPIProp, IID_IMsgStore, IMAPIAdviseSink, IMsgStore, IMsgStoreVtbl, IUnknown, MapiError,
    MapiResult, SPropProblemArray, SPropTagArray, SPropValue, ENTRYID, GUID, HRESULT, IID,
    MAPIERROR, MAPI_STORE, MAPI_UNICODE, MAPI_W_ERRORS_RETURNED, S_OK, ULONG,
};
use crate::mapi::{CHANGE_PROP_TYPE, PROP_TYPE, PT_STRING8, PT_UNICODE};
use crate::provider::{LogonCore, LogonProvider, Opened};

/// The message-store object of one logon.
pub struct StoreObject<P: LogonProvider> {
    logon: Pinned<LogonCore<P>>,
}

impl<P: LogonProvider> StoreObject<P> {
    /// A store sharing `logon`'s state.
    pub fn new(logon: Pinned<LogonCore<P>>) -> Self {
        StoreObject { logon }
    }

    /// The logon's state machine.
    pub fn core(&self) -> &LogonCore<P> {
        self.logon.value()
    }
}

// SAFETY: `IMsgStore` is `#[repr(C)] { lpVtbl }`, and every slot of `VTBL`
// is a thunk below, generic over the same `P`, that expects
// `ComObject<StoreObject<P>>`.
unsafe impl<P: LogonProvider> ComClass for StoreObject<P> {
    type Interface = IMsgStore;
    type Vtbl = IMsgStoreVtbl;
    const VTBL: &'static IMsgStoreVtbl = &IMsgStoreVtbl {
        QueryInterface: query_interface::<Self>,
        AddRef: add_ref::<Self>,
        Release: release::<Self>,
        GetLastError: get_last_error::<P>,
        SaveChanges: save_changes::<P>,
        GetProps: get_props::<P>,
        GetPropList: get_prop_list::<P>,
        OpenProperty: open_property::<P>,
        SetProps: set_props::<P>,
        DeleteProps: delete_props::<P>,
        CopyTo: copy_to::<P>,
        CopyProps: copy_props::<P>,
        GetNamesFromIDs: get_names_from_ids::<P>,
        GetIDsFromNames: get_ids_from_names::<P>,
        Advise: advise::<P>,
        Unadvise: unadvise::<P>,
        CompareEntryIDs: compare_entry_ids::<P>,
        OpenEntry: open_entry::<P>,
        SetReceiveFolder: set_receive_folder::<P>,
        GetReceiveFolder: get_receive_folder::<P>,
        GetReceiveFolderTable: get_receive_folder_table::<P>,
        StoreLogoff: store_logoff::<P>,
        AbortSubmit: abort_submit::<P>,
        GetOutgoingQueue: get_outgoing_queue::<P>,
        SetLockState: set_lock_state::<P>,
        FinishedMsg: finished_msg::<P>,
        NotifyNewMail: notify_new_mail::<P>,
    };
    const IIDS: &'static [IID] = &[IID_IMAPIProp, IID_IMsgStore];

    fn final_release(&self) {
        // Released without StoreLogoff: LOGOFF_ABORT, then teardown.
        self.core().abort_on_store_release();
    }

    fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        self.core().record_error(error, panic_message);
    }
}

type Store<P> = StoreObject<P>;

/// Runs a store method body through the boundary; `Ok(code)` is returned
/// as is (`S_OK` or a warning such as `MAPI_W_ERRORS_RETURNED`).
///
/// # Safety
///
/// `this` is NULL or a live store object.
unsafe fn call<P: LogonProvider>(
    this: *mut IMsgStore,
    body: impl FnOnce(&ComObject<Store<P>>) -> MapiResult<HRESULT>,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    match unsafe { boundary::<Store<P>, _>(this, body) } {
        Ok(code) => code,
        Err(e) => e.hresult(),
    }
}

/// The store methods the provider does not implement: `MAPI_E_NO_SUPPORT`
/// on a live logon, `MAPI_E_END_OF_SESSION` after it.
macro_rules! unsupported {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        unsafe extern "system" fn $name<P: LogonProvider>(this: *mut IMsgStore, $($arg: $ty),*) -> HRESULT {
            $(let _ = $arg;)*
            // SAFETY: C calls through our vtable with a live `this`.
            unsafe {
                call::<P>(this, |obj| {
                    obj.value().core().provider()?;
                    Err(MapiError::NoSupport)
                })
            }
        }
    )*};
}

unsupported! {
    save_changes(flags: ULONG);
    open_property(tag: ULONG, iid: *const IID, options: ULONG, flags: ULONG, unk: *mut *mut IUnknown);
    set_props(count: ULONG, props: *mut SPropValue, problems: *mut *mut SPropProblemArray);
    delete_props(tags: *mut SPropTagArray, problems: *mut *mut SPropProblemArray);
    copy_to(ciid: ULONG, iids: *const IID, exclude: *mut SPropTagArray, ui: ULONG, progress: *mut c_void,
            iface: *const IID, dest: *mut c_void, flags: ULONG, problems: *mut *mut SPropProblemArray);
    copy_props(include: *mut SPropTagArray, ui: ULONG, progress: *mut c_void, iface: *const IID,
               dest: *mut c_void, flags: ULONG, problems: *mut *mut SPropProblemArray);
    get_names_from_ids(tags: *mut *mut SPropTagArray, guid: *mut GUID, flags: ULONG, count: *mut ULONG,
                       names: *mut *mut *mut c_void);
    get_ids_from_names(count: ULONG, names: *mut *mut c_void, flags: ULONG, tags: *mut *mut SPropTagArray);
    set_receive_folder(class: *mut c_void, flags: ULONG, cb: ULONG, eid: *mut ENTRYID);
    get_receive_folder(class: *mut c_void, flags: ULONG, cb: *mut ULONG, eid: *mut *mut ENTRYID,
                       explicit: *mut *mut c_void);
    get_receive_folder_table(flags: ULONG, table: *mut *mut c_void);
    abort_submit(cb: ULONG, eid: *mut ENTRYID, flags: ULONG);
    get_outgoing_queue(flags: ULONG, table: *mut *mut c_void);
    set_lock_state(message: *mut c_void, state: ULONG);
    finished_msg(flags: ULONG, cb: ULONG, eid: *mut ENTRYID);
    notify_new_mail(notification: *mut c_void);
}

unsafe extern "system" fn get_last_error<P: LogonProvider>(
    this: *mut IMsgStore,
    h_result: HRESULT,
    flags: ULONG,
    lpp_error: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: live `this`; `lppMAPIError` NULL or writable (MAPI contract).
    unsafe {
        call::<P>(this, |obj| {
            let out = Out::new(lpp_error, ptr::null_mut())?;
            out.set(last_error(obj.value().core(), h_result, flags)?);
            Ok(S_OK)
        })
    }
}

/// The most tags one `GetProps` call may ask for.
const MAX_PROP_TAGS: usize = 0x1_0000;

/// The provider's tags with their string type set from `MAPI_UNICODE`, as
/// `GetProps(NULL)` and `GetPropList` report them.
fn string_tags_for(tags: Vec<ULONG>, wide: bool) -> Vec<ULONG> {
    let string_type = if wide { PT_UNICODE } else { PT_STRING8 };
    tags.into_iter()
        .map(|t| match PROP_TYPE(t) {
            PT_UNICODE | PT_STRING8 => CHANGE_PROP_TYPE(t, string_type),
            _ => t,
        })
        .collect()
}

fn check_unicode_flag(flags: ULONG) -> MapiResult<bool> {
    if flags & !MAPI_UNICODE != 0 {
        return Err(MapiError::UnknownFlags);
    }
    Ok(flags & MAPI_UNICODE != 0)
}

unsafe extern "system" fn get_props<P: LogonProvider>(
    this: *mut IMsgStore,
    lp_tags: *mut SPropTagArray,
    flags: ULONG,
    lpc_values: *mut ULONG,
    lpp_props: *mut *mut SPropValue,
) -> HRESULT {
    // SAFETY: live `this`; `lpPropTagArray` NULL or a readable counted
    // array; out-pointers NULL or writable (MAPI contract).
    unsafe {
        call::<P>(this, |obj| {
            let (count, props) = out_pair(lpc_values, 0, lpp_props, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            let provider = obj.value().core().provider()?;
            let requested: Vec<ULONG> = match lp_tags.as_ref() {
                Some(array) => {
                    let n =
                        usize::try_from(array.cValues).map_err(|_| MapiError::InvalidParameter)?;
                    if n == 0 || n > MAX_PROP_TAGS {
                        return Err(MapiError::InvalidParameter);
                    }
                    std::slice::from_raw_parts(array.aulPropTag.as_ptr(), n).to_vec()
                }
                None => string_tags_for(provider.store_prop_tags(), wide),
            };
            let values: Vec<_> = requested
                .iter()
                .map(|&t| (t, provider.store_prop(t)))
                .collect();
            let alloc = obj
                .value()
                .core()
                .allocators()
                .ok_or(MapiError::NoSupport)?;
            let (array, errors) = alloc.prop_values(&values, wide)?;
            count.set(ULONG::try_from(values.len()).map_err(|_| MapiError::InvalidParameter)?);
            props.set(array);
            Ok(if errors { MAPI_W_ERRORS_RETURNED } else { S_OK })
        })
    }
}

unsafe extern "system" fn get_prop_list<P: LogonProvider>(
    this: *mut IMsgStore,
    flags: ULONG,
    lpp_tags: *mut *mut SPropTagArray,
) -> HRESULT {
    // SAFETY: live `this`; `lppPropTagArray` NULL or writable.
    unsafe {
        call::<P>(this, |obj| {
            let out = Out::new(lpp_tags, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            let tags = string_tags_for(obj.value().core().provider()?.store_prop_tags(), wide);
            let alloc = obj
                .value()
                .core()
                .allocators()
                .ok_or(MapiError::NoSupport)?;
            out.set(alloc.prop_tag_array(&tags)?);
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn advise<P: LogonProvider>(
    this: *mut IMsgStore,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    event_mask: ULONG,
    sink: *mut IMAPIAdviseSink,
    lpul_connection: *mut crate::mapi::ULONG_PTR,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    unsafe {
        call::<P>(this, |obj| {
            let core = obj.value().core();
            advise_on(
                core,
                cb_entry_id,
                lp_entry_id,
                event_mask,
                sink,
                lpul_connection,
            )?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn unadvise<P: LogonProvider>(
    this: *mut IMsgStore,
    connection: crate::mapi::ULONG_PTR,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<P>(this, |obj| {
            obj.value().core().provider()?.unadvise(connection)?;
            Ok(S_OK)
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn compare_entry_ids<P: LogonProvider>(
    this: *mut IMsgStore,
    cb1: ULONG,
    eid1: *mut ENTRYID,
    cb2: ULONG,
    eid2: *mut ENTRYID,
    flags: ULONG,
    lpul_result: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    unsafe {
        call::<P>(this, |obj| {
            compare_entry_ids_on(obj.value().core(), cb1, eid1, cb2, eid2, flags, lpul_result)?;
            Ok(S_OK)
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn open_entry<P: LogonProvider>(
    this: *mut IMsgStore,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
    lp_interface: *const IID,
    flags: ULONG,
    lpul_obj_type: *mut ULONG,
    lpp_unk: *mut *mut IUnknown,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    unsafe {
        call::<P>(this, |obj| {
            let (obj_type, unk) = out_pair(lpul_obj_type, 0, lpp_unk, ptr::null_mut())?;
            let entry = entry_id(cb_entry_id, lp_entry_id)?;
            let interface = iid(lp_interface);
            match obj
                .value()
                .core()
                .provider()?
                .open_entry(entry, interface, flags)?
            {
                Opened::Store => {
                    if interface.is_some_and(|i| {
                        !<Store<P> as ComClass>::IIDS.contains(i) && *i != crate::mapi::IID_IUnknown
                    }) {
                        return Err(MapiError::InterfaceNotSupported);
                    }
                    obj_type.set(MAPI_STORE);
                    unk.set(obj.new_reference()?.cast());
                }
                Opened::Object(t, object) => {
                    obj_type.set(t);
                    unk.set(object.into_raw());
                }
            }
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn store_logoff<P: LogonProvider>(
    this: *mut IMsgStore,
    lpul_flags: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `lpulFlags` NULL or readable and writable.
    // Stabilized: the host may release this store from inside the support
    // object's Release, which StoreLogoff calls.
    let result = unsafe {
        ComObject::<Store<P>>::stabilized(this, |obj| {
            let flags = lpul_flags.as_ref().copied();
            obj.value().core().store_logoff(flags)
        })
    };
    match result {
        Ok(flags) => {
            // SAFETY: non-NULL (store_logoff rejects NULL) and writable.
            unsafe { *lpul_flags = flags };
            S_OK
        }
        Err(e) => e.hresult(),
    }
}
