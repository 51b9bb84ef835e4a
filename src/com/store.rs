//! The `IMsgStore` object: created with its logon by `IMSProvider::Logon`,
//! it pins the logon and shares its state machine ([`LogonCore`]), so the
//! two are torn down together.

use std::ffi::c_void;
use std::ptr;

use super::args::{entry_id, iid, optional_out, out_pair, Out};
use super::logon::{advise_on, compare_entry_ids_on};
use super::object::{ComClass, ComObject, Pinned};
use super::prop::{call, check_unicode_flag, prop_vtbl, PropClass, PropCtx};
use super::props::read_string;
use super::tree::wrap_opened;
use crate::host::HostAllocators;
use crate::mapi::*;
use crate::provider::{LogonCore, LogonProvider, MapiProp, Opened, PropValue};

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
    const VTBL: &'static IMsgStoreVtbl = prop_vtbl!(
        IMsgStoreVtbl,
        Self {
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
        }
    );
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

/// The store's properties as `IMAPIProp` sees them: read from
/// [`LogonProvider::store_prop`]; not settable.
struct StoreProps<'a, P: LogonProvider>(&'a P);

impl<P: LogonProvider> MapiProp for StoreProps<'_, P> {
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        Ok(tags.iter().map(|&t| self.0.store_prop(t)).collect())
    }

    fn prop_list(&self) -> MapiResult<Vec<ULONG>> {
        Ok(self.0.store_prop_tags())
    }
}

impl<P: LogonProvider> PropClass for StoreObject<P> {
    fn with_prop<R>(
        &self,
        f: impl FnOnce(&dyn MapiProp, &PropCtx<'_>) -> MapiResult<R>,
    ) -> MapiResult<R> {
        let core = self.core();
        let provider = core.provider()?;
        let ctx = PropCtx {
            session: core.session(),
            named: provider.named_props(),
            is_store: true,
        };
        f(&StoreProps(provider), &ctx)
    }

    fn error_text(&self, hresult: HRESULT) -> MapiResult<Option<(String, HostAllocators)>> {
        // Answers after Logoff too (SPEC.md: GetLastError still works).
        let core = self.core();
        Ok(core
            .last_error(hresult)
            .map(|e| e.message)
            .zip(core.allocators().copied()))
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
                call::<Store<P>>(this, |obj| {
                    obj.value().core().provider()?;
                    Err(MapiError::NoSupport)
                })
            }
        }
    )*};
}

unsupported! {
    abort_submit(cb: ULONG, eid: *mut ENTRYID, flags: ULONG);
    get_outgoing_queue(flags: ULONG, table: *mut *mut c_void);
    set_lock_state(message: *mut c_void, state: ULONG);
    finished_msg(flags: ULONG, cb: ULONG, eid: *mut ENTRYID);
}

/// `IMsgStore::NotifyNewMail`: the spooler's `fnevNewMail` notification,
/// published to the store's sinks by the provider.
unsafe extern "system" fn notify_new_mail<P: LogonProvider>(
    this: *mut IMsgStore,
    notification: *mut c_void,
) -> HRESULT {
    // SAFETY: live `this`; `notification` NULL or a readable NOTIFICATION
    // (maybe only 4-aligned: read unaligned) whose pointers are valid.
    unsafe {
        call::<Store<P>>(this, |obj| {
            let provider = obj.value().core().provider()?;
            let p = notification.cast::<NOTIFICATION>();
            if p.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            let n = p.read_unaligned();
            if n.ulEventType != fnevNewMail {
                return Err(MapiError::InvalidParameter);
            }
            let m = n.info.newmail;
            if m.ulFlags & !MAPI_UNICODE != 0 {
                return Err(MapiError::UnknownFlags);
            }
            let unicode = m.ulFlags & MAPI_UNICODE != 0;
            let entry = entry_id(m.cbEntryID, m.lpEntryID)?.ok_or(MapiError::InvalidParameter)?;
            let parent =
                entry_id(m.cbParentID, m.lpParentID)?.ok_or(MapiError::InvalidParameter)?;
            let class = if m.lpszMessageClass.is_null() {
                String::new()
            } else {
                read_string(m.lpszMessageClass, unicode).map_err(|_| MapiError::InvalidParameter)?
            };
            let notifier = obj.value().core().session().notifier()?;
            provider.notify_new_mail(
                &crate::provider::NewMailNotification {
                    entry_id: entry.to_vec(),
                    parent_id: parent.to_vec(),
                    message_class: class,
                    message_flags: m.ulMessageFlags,
                    unicode,
                },
                &notifier,
            )?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn get_receive_folder_table<P: LogonProvider>(
    this: *mut IMsgStore,
    flags: ULONG,
    lpp_table: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: live `this`; `lppTable` NULL or writable.
    unsafe {
        call::<Store<P>>(this, |obj| {
            let out = Out::new(lpp_table, ptr::null_mut())?;
            if flags & !(MAPI_UNICODE | MAPI_DEFERRED_ERRORS) != 0 {
                return Err(MapiError::UnknownFlags);
            }
            let core = obj.value().core();
            let table = core
                .provider()?
                .receive_folder_table(flags & MAPI_UNICODE != 0)?;
            out.set(super::table::wrap_table(core.session(), table)?.cast());
            Ok(S_OK)
        })
    }
}

/// The message class argument of `Get/SetReceiveFolder` (NULL: `""`).
///
/// # Safety
///
/// `p` NULL or a NUL-terminated string of the width `wide` says.
unsafe fn message_class(p: *mut c_void, wide: bool) -> MapiResult<String> {
    if p.is_null() {
        return Ok(String::new());
    }
    // SAFETY: forwarded.
    unsafe { read_string(p, wide) }.map_err(|_| MapiError::InvalidParameter)
}

unsafe extern "system" fn set_receive_folder<P: LogonProvider>(
    this: *mut IMsgStore,
    lpsz_class: *mut c_void,
    flags: ULONG,
    cb_entry_id: ULONG,
    lp_entry_id: *mut ENTRYID,
) -> HRESULT {
    // SAFETY: live `this`; the class NULL or a string of the width
    // MAPI_UNICODE says; the entry ID NULL or readable.
    unsafe {
        call::<Store<P>>(this, |obj| {
            let wide = check_unicode_flag(flags)?;
            let class = message_class(lpsz_class, wide)?;
            let entry = entry_id(cb_entry_id, lp_entry_id)?;
            obj.value()
                .core()
                .provider()?
                .set_receive_folder(&class, entry)?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn get_receive_folder<P: LogonProvider>(
    this: *mut IMsgStore,
    lpsz_class: *mut c_void,
    flags: ULONG,
    lpcb_entry_id: *mut ULONG,
    lpp_entry_id: *mut *mut ENTRYID,
    lpp_explicit: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: live `this`; the class NULL or a string of the width
    // MAPI_UNICODE says; out-pointers NULL or writable.
    unsafe {
        call::<Store<P>>(this, |obj| {
            // Every output cleared before any is checked.
            let explicit = optional_out(lpp_explicit, ptr::null_mut())?;
            let (cb, eid) = out_pair(lpcb_entry_id, 0, lpp_entry_id, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            let class = message_class(lpsz_class, wide)?;
            let core = obj.value().core();
            let (folder, set_for) = core.provider()?.receive_folder(&class)?;
            let alloc = core.allocators().ok_or(MapiError::NoSupport)?;
            let class_out = match &explicit {
                Some(_) => Some(alloc.text(&set_for, wide)?),
                None => None,
            };
            let eid_out = match alloc.entry_id(&folder) {
                Ok(p) => p,
                Err(e) => {
                    if let Some(p) = class_out {
                        alloc.free(p);
                    }
                    return Err(e);
                }
            };
            cb.set(ULONG::try_from(folder.len()).map_err(|_| MapiError::InvalidParameter)?);
            eid.set(eid_out);
            if let (Some(out), Some(p)) = (explicit, class_out) {
                out.set(p);
            }
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
        call::<Store<P>>(this, |obj| {
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
        call::<Store<P>>(this, |obj| {
            super::logon::unadvise_on(obj.value().core(), connection)?;
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
        call::<Store<P>>(this, |obj| {
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
        call::<Store<P>>(this, |obj| {
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
                        !<Store<P> as ComClass>::IIDS.contains(i) && *i != IID_IUnknown
                    }) {
                        return Err(MapiError::InterfaceNotSupported);
                    }
                    obj_type.set(MAPI_STORE);
                    unk.set(obj.new_reference()?.cast());
                }
                opened => {
                    let (t, p) =
                        wrap_opened(obj.value().core().session(), opened, interface, None)?;
                    obj_type.set(t);
                    unk.set(p);
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
    // The argument first: a rejected call changes nothing, so it needs no
    // pin (nor the notification door).
    // SAFETY: live `this`; `lpulFlags` NULL or readable (MAPI contract).
    if let Some(obj) = unsafe { ComObject::<Store<P>>::from_interface(this) } {
        // SAFETY: as above.
        let error = match unsafe { lpul_flags.as_ref() } {
            None => Some(MapiError::InvalidParameter),
            Some(&f) if f & !crate::provider::STORE_LOGOFF_FLAGS != 0 => {
                Some(MapiError::UnknownFlags)
            }
            Some(_) => None,
        };
        if let Some(error) = error {
            obj.value().core().record_error(error, None);
            return error.hresult();
        }
    }
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
