//! The object tree's COM objects: folders (`IMAPIFolder`), messages
//! (`IMessage`), attachments (`IAttach`) and the status object
//! (`IMAPIStatus`), each a [`Sub`] around the provider's safe logic.
//!
//! Every `Sub` is registered with its logon's [`Session`] when created. A
//! forcible Logoff disconnects it: its logic (with any uncommitted change)
//! and its session are dropped, every later call answers
//! `MAPI_E_INVALID_OBJECT`, and its memory lives until the host's last
//! `Release`. A call in progress holds the object's read lock, so teardown
//! waits for it: a call completes before the teardown or fails.

use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use super::args::{iid, optional_out, out_pair, required_entry_id, Out};
use super::object::{release, ComClass, ComObject, Pinned};
use super::prop::{call, prop_vtbl, PropClass, PropCtx};
use super::props::{read_entry_list, read_prop_values, read_string, Incoming, MAX_COUNT};
use crate::host::HostAllocators;
use crate::mapi::*;
use crate::provider::{
    Attachment, ErrorRecord, Folder, MapiProp, Message, OpenObject, Opened, PropStream, Session,
    Status,
};

/// Which interface a [`Sub`] is.
pub(crate) trait Kind: Send + Sync + 'static + Sized {
    /// The safe logic behind it.
    type Logic: ?Sized + Send + Sync;
}

/// A [`Kind`] whose interface extends `IMAPIProp`.
pub(crate) trait PropKind: Kind {
    /// Its `IMAPIProp` view.
    fn prop(logic: &Self::Logic) -> &dyn MapiProp;
}

/// `IMAPIFolder`.
pub(crate) struct FolderKind;
/// `IMessage`.
pub(crate) struct MessageKind;
/// `IAttach`.
pub(crate) struct AttachKind;
/// `IMAPIStatus`.
pub(crate) struct StatusKind;
/// `IStream`.
pub(crate) struct StreamKind;

impl Kind for StreamKind {
    type Logic = dyn PropStream;
}

/// A kind whose logic is an `IMAPIProp` (seen through trait upcasting).
macro_rules! prop_kind {
    ($($kind:ty => $logic:ident),* $(,)?) => {$(
        impl Kind for $kind {
            type Logic = dyn $logic;
        }
        impl PropKind for $kind {
            fn prop(logic: &dyn $logic) -> &dyn MapiProp {
                logic
            }
        }
    )*};
}

prop_kind! {
    FolderKind => Folder,
    MessageKind => Message,
    AttachKind => Attachment,
    StatusKind => Status,
}

struct Live<K: Kind> {
    logic: Box<K::Logic>,
    session: Arc<Session>,
}

/// A subobject of a logon: the logic while connected, nothing after.
pub(crate) struct Sub<K: Kind> {
    live: RwLock<Option<Live<K>>>,
    /// The registration's key in the session (0: not registered yet).
    key: AtomicU64,
    pub(crate) errors: ErrorRecord,
}

impl<K: Kind> Sub<K> {
    /// Runs `f` with the logic and session, holding the read lock (a
    /// teardown waits for it); `MAPI_E_INVALID_OBJECT` once disconnected.
    pub(crate) fn with<R>(
        &self,
        f: impl FnOnce(&K::Logic, &Arc<Session>) -> MapiResult<R>,
    ) -> MapiResult<R> {
        let guard = self.live.read().unwrap_or_else(PoisonError::into_inner);
        let live = guard.as_ref().ok_or(MapiError::InvalidObject)?;
        f(&live.logic, &live.session)
    }

    /// Takes the logic and session out (dropped by the caller, with no
    /// lock held).
    fn take(&self) -> Option<Live<K>> {
        self.live
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    pub(crate) fn finalize(&self) {
        if let Some(live) = self.take() {
            let key = self.key.load(Ordering::Acquire);
            if key != 0 {
                live.session.objects().remove(key);
            }
            drop(live);
        }
    }

    pub(crate) fn alive_check(&self) -> MapiResult<()> {
        self.with(|_, _| Ok(()))
    }
}

impl<K: PropKind> PropClass for Sub<K>
where
    Sub<K>: ComClass,
{
    fn with_prop<R>(
        &self,
        f: impl FnOnce(&dyn MapiProp, &PropCtx<'_>) -> MapiResult<R>,
    ) -> MapiResult<R> {
        self.with(|logic, session| {
            let prop = K::prop(logic);
            let ctx = PropCtx {
                session,
                named: prop.named_props(),
                is_store: false,
            };
            f(prop, &ctx)
        })
    }

    fn error_text(&self, hresult: HRESULT) -> MapiResult<Option<(String, HostAllocators)>> {
        self.with(|_, session| {
            Ok(self
                .errors
                .message(hresult)
                .zip(session.allocators().copied()))
        })
    }
}

/// The registration of a `Sub` with its session: a pin, so the memory
/// outlives the host's references until teardown or the last `Release`.
struct Registration<K: Kind>(Pinned<Sub<K>>)
where
    Sub<K>: ComClass;

impl<K: Kind> OpenObject for Registration<K>
where
    Sub<K>: ComClass,
{
    fn disconnect(&self) {
        drop(self.0.value().take());
    }
}

/// A new registered subobject with one reference for the caller, or
/// `MAPI_E_INVALID_OBJECT` when the logon is being torn down.
pub(crate) fn new_sub<K: Kind>(
    session: &Arc<Session>,
    logic: Box<K::Logic>,
) -> MapiResult<*mut <Sub<K> as ComClass>::Interface>
where
    Sub<K>: ComClass,
{
    let sub = Sub::<K> {
        live: RwLock::new(Some(Live {
            logic,
            session: session.clone(),
        })),
        key: AtomicU64::new(0),
        errors: ErrorRecord::default(),
    };
    let (iface, pin) = ComObject::create_pinned(sub);
    match session.objects().add(Box::new(Registration(pin.clone()))) {
        Ok(key) => {
            pin.value().key.store(key, Ordering::Release);
            Ok(iface)
        }
        Err(registration) => {
            drop(registration);
            drop(pin);
            // SAFETY: we own the one reference of the object just created.
            unsafe { release::<Sub<K>>(iface) };
            Err(MapiError::InvalidObject)
        }
    }
}

/// `MAPI_E_INTERFACE_NOT_SUPPORTED` unless `wanted` is NULL, `IUnknown`
/// or one of `iids`.
pub(crate) fn check_iid(wanted: Option<&IID>, iids: &[IID]) -> MapiResult<()> {
    match wanted {
        Some(i) if *i != IID_IUnknown && !iids.contains(i) => Err(MapiError::InterfaceNotSupported),
        _ => Ok(()),
    }
}

/// Hands an opened object to the host: a new COM object registered with
/// `session`, checked against `wanted`. Returns its `MAPI_*` type and one
/// reference. The store itself cannot be opened from here
/// (`MAPI_E_NO_SUPPORT`): its own `OpenEntry` hands it out.
pub(crate) fn wrap_opened(
    session: &Arc<Session>,
    opened: Opened,
    wanted: Option<&IID>,
    _reserved: Option<()>,
) -> MapiResult<(ULONG, *mut IUnknown)> {
    match opened {
        Opened::Store => Err(MapiError::NoSupport),
        Opened::Folder(logic) => {
            check_iid(wanted, <Sub<FolderKind> as ComClass>::IIDS)?;
            Ok((MAPI_FOLDER, new_sub::<FolderKind>(session, logic)?.cast()))
        }
        Opened::Message(logic) => {
            check_iid(wanted, <Sub<MessageKind> as ComClass>::IIDS)?;
            Ok((MAPI_MESSAGE, new_sub::<MessageKind>(session, logic)?.cast()))
        }
        Opened::Stream(logic) => {
            check_iid(wanted, <Sub<StreamKind> as ComClass>::IIDS)?;
            // Not an object of the MAPI_* kinds: the caller's type is 0.
            Ok((0, new_sub::<StreamKind>(session, logic)?.cast()))
        }
        Opened::Table(logic) => {
            check_iid(wanted, &[IID_IMAPITable])?;
            Ok((0, super::table::wrap_table(session, logic)?.cast()))
        }
        Opened::Object(t, object) => Ok((t, object.into_raw())),
    }
}

/// Opens the status object for the host.
pub(crate) fn wrap_status(
    session: &Arc<Session>,
    logic: Box<dyn Status>,
    wanted: Option<&IID>,
) -> MapiResult<*mut IMAPIStatus> {
    check_iid(wanted, <Sub<StatusKind> as ComClass>::IIDS)?;
    new_sub::<StatusKind>(session, logic)
}

macro_rules! sub_class {
    ($kind:ty, $iface:ty, $vtbl:ident, [$($iid:expr),*], { $($slot:ident: $thunk:expr),* $(,)? }) => {
        // SAFETY: `$iface` is `#[repr(C)] { lpVtbl }`, and every slot of
        // `VTBL` is a thunk generic over (or written for) `Sub<$kind>`.
        unsafe impl ComClass for Sub<$kind> {
            type Interface = $iface;
            type Vtbl = $vtbl;
            const VTBL: &'static $vtbl = prop_vtbl!($vtbl, Sub<$kind> { $($slot: $thunk),* });
            const IIDS: &'static [IID] = &[$($iid),*];

            fn final_release(&self) {
                self.finalize();
            }

            fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
                self.errors.record(error, panic_message);
            }

            fn alive(&self) -> MapiResult<()> {
                self.alive_check()
            }
        }
    };
}

type FolderSub = Sub<FolderKind>;
type MessageSub = Sub<MessageKind>;
type AttachSub = Sub<AttachKind>;
type StatusSub = Sub<StatusKind>;

sub_class!(FolderKind, IMAPIFolder, IMAPIFolderVtbl, [IID_IMAPIProp, IID_IMAPIContainer, IID_IMAPIFolder], {
    GetContentsTable: folder_get_contents_table,
    GetHierarchyTable: folder_get_hierarchy_table,
    OpenEntry: folder_open_entry,
    SetSearchCriteria: folder_set_search_criteria,
    GetSearchCriteria: folder_get_search_criteria,
    CreateMessage: folder_create_message,
    CopyMessages: folder_copy_messages,
    DeleteMessages: folder_delete_messages,
    CreateFolder: folder_create_folder,
    CopyFolder: folder_copy_folder,
    DeleteFolder: folder_delete_folder,
    SetReadFlags: folder_set_read_flags,
    GetMessageStatus: folder_get_message_status,
    SetMessageStatus: folder_set_message_status,
    SaveContentsSort: folder_save_contents_sort,
    EmptyFolder: folder_empty_folder,
});

sub_class!(MessageKind, IMessage, IMessageVtbl, [IID_IMAPIProp, IID_IMessage], {
    GetAttachmentTable: message_get_attachment_table,
    OpenAttach: message_open_attach,
    CreateAttach: message_create_attach,
    DeleteAttach: message_delete_attach,
    GetRecipientTable: message_get_recipient_table,
    ModifyRecipients: message_modify_recipients,
    SubmitMessage: message_submit,
    SetReadFlag: message_set_read_flag,
});

sub_class!(
    AttachKind,
    IAttach,
    IAttachVtbl,
    [IID_IMAPIProp, IID_IAttachment],
    {}
);

sub_class!(StatusKind, IMAPIStatus, IMAPIStatusVtbl, [IID_IMAPIProp, IID_IMAPIStatus], {
    ValidateState: status_validate_state,
    SettingsDialog: status_settings_dialog,
    ChangePassword: status_change_password,
    FlushQueues: status_flush_queues,
});

type StreamSub = Sub<StreamKind>;

// SAFETY: `IStream` is `#[repr(C)] { lpVtbl }`, and every slot of `VTBL`
// is a thunk written for `Sub<StreamKind>`.
unsafe impl ComClass for StreamSub {
    type Interface = IStream;
    type Vtbl = IStreamVtbl;
    const VTBL: &'static IStreamVtbl = &IStreamVtbl {
        QueryInterface: super::object::query_interface::<Self>,
        AddRef: super::object::add_ref::<Self>,
        Release: super::object::release::<Self>,
        Read: stream_read,
        Write: stream_write,
        Seek: stream_seek,
        SetSize: stream_set_size,
        CopyTo: stream_copy_to,
        Commit: stream_commit,
        Revert: stream_revert,
        LockRegion: stream_lock_region,
        UnlockRegion: stream_lock_region,
        Stat: stream_stat,
        Clone: stream_clone,
    };
    const IIDS: &'static [IID] = &[IID_ISequentialStream, IID_IStream];

    fn final_release(&self) {
        self.finalize();
    }

    fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        self.errors.record(error, panic_message);
    }

    fn alive(&self) -> MapiResult<()> {
        self.alive_check()
    }
}

/// Writes `value` through an optional out-pointer (maybe unaligned).
///
/// # Safety
/// `p` NULL or writable.
unsafe fn put<T>(p: *mut T, value: T) {
    if !p.is_null() {
        // SAFETY: writable (caller).
        unsafe { p.write_unaligned(value) };
    }
}

unsafe extern "system" fn stream_read(
    this: *mut IStream,
    pv: *mut c_void,
    cb: ULONG,
    pcb_read: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `pv` writable for `cb` bytes; `pcbRead` NULL or
    // writable (COM contract).
    unsafe {
        put(pcb_read, 0);
        call::<StreamSub>(this, |obj| {
            if pv.is_null() {
                return Err(MapiError::Other(STG_E_INVALIDPOINTER));
            }
            // Bytes: any address is aligned for them.
            let buf = std::slice::from_raw_parts_mut(pv.cast::<u8>(), cb as usize);
            let n = obj.value().with(|s, _| s.read(buf))?;
            put(pcb_read, n as ULONG);
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_write(
    this: *mut IStream,
    pv: *const c_void,
    cb: ULONG,
    pcb_written: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `pv` readable for `cb` bytes; `pcbWritten` NULL
    // or writable (COM contract).
    unsafe {
        put(pcb_written, 0);
        call::<StreamSub>(this, |obj| {
            if pv.is_null() {
                return Err(MapiError::Other(STG_E_INVALIDPOINTER));
            }
            let data: &[u8] = if cb == 0 {
                &[]
            } else {
                std::slice::from_raw_parts(pv.cast::<u8>(), cb as usize)
            };
            let n = obj.value().with(|s, _| s.write(data))?;
            put(pcb_written, n as ULONG);
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_seek(
    this: *mut IStream,
    offset: LARGE_INTEGER,
    origin: DWORD,
    new_pos: *mut ULARGE_INTEGER,
) -> HRESULT {
    // SAFETY: live `this`; `plibNewPosition` NULL or writable.
    unsafe {
        call::<StreamSub>(this, |obj| {
            let pos = obj.value().with(|s, _| s.seek(offset.QuadPart, origin))?;
            put(new_pos, ULARGE_INTEGER { QuadPart: pos });
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_set_size(this: *mut IStream, size: ULARGE_INTEGER) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<StreamSub>(this, |obj| {
            obj.value().with(|s, _| s.set_size(size.QuadPart))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_copy_to(
    this: *mut IStream,
    dest: *mut IStream,
    cb: ULARGE_INTEGER,
    pcb_read: *mut ULARGE_INTEGER,
    pcb_written: *mut ULARGE_INTEGER,
) -> HRESULT {
    // SAFETY: live `this`; `pstm` a live stream (ours or the host's);
    // out-pointers NULL or writable.
    unsafe {
        put(pcb_read, ULARGE_INTEGER { QuadPart: 0 });
        put(pcb_written, ULARGE_INTEGER { QuadPart: 0 });
        call::<StreamSub>(this, |obj| {
            if dest.is_null() || (*dest).lpVtbl.is_null() {
                return Err(MapiError::Other(STG_E_INVALIDPOINTER));
            }
            let want = usize::try_from(cb.QuadPart.min(u64::from(u32::MAX))).unwrap_or(usize::MAX);
            let mut buf = vec![0u8; want.min(1 << 24)];
            let n = obj.value().with(|s, _| s.read(&mut buf))?;
            put(pcb_read, ULARGE_INTEGER { QuadPart: n as u64 });
            // The destination's Write, read as an Option: a host's NULL
            // slot is an error, not a call.
            type WriteFn = unsafe extern "system" fn(
                *mut IStream,
                *const c_void,
                ULONG,
                *mut ULONG,
            ) -> HRESULT;
            let write = ptr::addr_of!((*(*dest).lpVtbl).Write)
                .cast::<Option<WriteFn>>()
                .read()
                .ok_or(MapiError::Other(STG_E_INVALIDPOINTER))?;
            let mut written: ULONG = 0;
            let hr = write(dest, buf.as_ptr().cast(), n as ULONG, &mut written);
            put(
                pcb_written,
                ULARGE_INTEGER {
                    QuadPart: u64::from(written),
                },
            );
            MapiError::check(hr)
        })
    }
}

unsafe extern "system" fn stream_commit(this: *mut IStream, flags: DWORD) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<StreamSub>(this, |obj| {
            // STGC_DEFAULT, OVERWRITE, ONLYIFCURRENT, DANGEROUSLYCOMMIT...
            if flags & !0xF != 0 {
                return Err(MapiError::Other(STG_E_INVALIDFLAG));
            }
            obj.value().with(|s, _| s.commit())?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_revert(this: *mut IStream) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<StreamSub>(this, |obj| {
            obj.value().with(|s, _| s.revert())?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_lock_region(
    this: *mut IStream,
    _offset: ULARGE_INTEGER,
    _cb: ULARGE_INTEGER,
    _kind: DWORD,
) -> HRESULT {
    // SAFETY: live `this`.
    // Region locking is not supported (COM's answer for that).
    unsafe {
        call::<StreamSub>(this, |obj| {
            obj.value()
                .with(|_, _| Err(MapiError::Other(STG_E_INVALIDFUNCTION)))
        })
    }
}

unsafe extern "system" fn stream_stat(
    this: *mut IStream,
    stat: *mut STATSTG,
    _flags: DWORD,
) -> HRESULT {
    // SAFETY: live `this`; `pstatstg` writable (COM contract).
    unsafe {
        call::<StreamSub>(this, |obj| {
            if stat.is_null() {
                return Err(MapiError::Other(STG_E_INVALIDPOINTER));
            }
            let (size, write) = obj.value().with(|s, _| Ok((s.size()?, s.writable())))?;
            let zero = FILETIME::default();
            // No name is allocated (pwcsName NULL), whatever grfStatFlag.
            stat.write_unaligned(STATSTG {
                pwcsName: ptr::null_mut(),
                r#type: STGTY_STREAM,
                cbSize: ULARGE_INTEGER { QuadPart: size },
                mtime: zero,
                ctime: zero,
                atime: zero,
                grfMode: if write { STGM_READWRITE } else { STGM_READ },
                grfLocksSupported: 0,
                clsid: GUID::new(0, 0, 0, [0; 8]),
                grfStateBits: 0,
                reserved: 0,
            });
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn stream_clone(this: *mut IStream, ppstm: *mut *mut IStream) -> HRESULT {
    // SAFETY: live `this`; `ppstm` NULL or writable.
    unsafe {
        put(ppstm, ptr::null_mut());
        // A second cursor on the same content is not offered.
        call::<StreamSub>(this, |obj| {
            obj.value().with(|_, _| Err(MapiError::Other(E_NOTIMPL)))
        })
    }
}

/// Slots that answer `MAPI_E_NO_SUPPORT` on a connected object (and
/// `MAPI_E_INVALID_OBJECT` after a forcible Logoff); why, per slot.
macro_rules! no_support {
    ($cls:ty, $iface:ty; $($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        $(#[$doc])*
        unsafe extern "system" fn $name(this: *mut $iface, $($arg: $ty),*) -> HRESULT {
            $(let _ = $arg;)*
            // SAFETY: C calls through our vtable with a live `this`.
            unsafe { call::<$cls>(this, |obj| obj.value().with(|_, _| Err(MapiError::NoSupport))) }
        }
    )*};
}

no_support! { FolderSub, IMAPIFolder;
    /// Not a search folder.
    folder_set_search_criteria(restriction: *mut c_void, list: *mut ENTRYLIST, flags: ULONG);
    /// Contents tables are the next issue's.
    folder_save_contents_sort(sort: *mut SSortOrderSet, flags: ULONG);
}

no_support! { MessageSub, IMessage;
    /// No transport yet: submission is a later issue.
    message_submit(flags: ULONG);
}

no_support! { StatusSub, IMAPIStatus;
    /// No UI: a store without settings.
    status_settings_dialog(ui: ULONG_PTR, flags: ULONG);
    /// No password: the store has no credentials.
    status_change_password(old: *mut c_void, new: *mut c_void, flags: ULONG);
    /// No queues: a store provider without transport.
    status_flush_queues(ui: ULONG_PTR, cb: ULONG, eid: *mut ENTRYID, flags: ULONG);
}

pub(crate) fn check_flags(flags: ULONG, allowed: ULONG) -> MapiResult<()> {
    if flags & !allowed != 0 {
        Err(MapiError::UnknownFlags)
    } else {
        Ok(())
    }
}

fn partial(partial: bool) -> HRESULT {
    if partial {
        MAPI_W_PARTIAL_COMPLETION
    } else {
        S_OK
    }
}

/// The entry ID of a destination folder the host passed (any `IMAPIProp`,
/// ours or MAPI's wrapper), read through its own `GetProps(PR_ENTRYID)`.
///
/// # Safety
///
/// `dest` is NULL or a live object whose vtable begins with `IMAPIProp`'s
/// slots, and whose `GetProps` allocates with `alloc`'s allocators.
unsafe fn entry_id_of(dest: *mut c_void, alloc: &HostAllocators) -> MapiResult<Vec<u8>> {
    type GetProps = unsafe extern "system" fn(
        *mut c_void,
        *mut SPropTagArray,
        ULONG,
        *mut ULONG,
        *mut *mut SPropValue,
    ) -> HRESULT;
    if dest.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: a live COM object (caller): its first field is its vtable.
    let vtbl = unsafe { *dest.cast::<*const IMAPIPropVtbl>() };
    if vtbl.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: the slot of a live vtable, read as an `Option` so that a
    // host's NULL slot is caught.
    let get = unsafe {
        ptr::addr_of!((*vtbl).GetProps)
            .cast::<Option<GetProps>>()
            .read()
    }
    .ok_or(MapiError::InvalidParameter)?;
    let mut tags = SPropTagArray {
        cValues: 1,
        aulPropTag: [PR_ENTRYID],
    };
    let (mut n, mut values): (ULONG, *mut SPropValue) = (0, ptr::null_mut());
    // SAFETY: the object's own slot; valid locals for the out-pointers.
    let hr = unsafe { get(dest, &mut tags, 0, &mut n, &mut values) };
    if values.is_null() {
        return Err(MapiError::from_hresult(hr).unwrap_or(MapiError::InvalidParameter));
    }
    // SAFETY: on return the host gave one value (maybe unaligned), freed
    // once below after copying its bytes.
    let result = unsafe {
        let v = values.read_unaligned();
        if hr < 0 || n != 1 || v.ulPropTag != PR_ENTRYID {
            Err(MapiError::InvalidParameter)
        } else {
            let len = usize::try_from(v.Value.bin.cb).map_err(|_| MapiError::InvalidParameter)?;
            if v.Value.bin.lpb.is_null() || len == 0 || len > MAX_COUNT {
                Err(MapiError::InvalidParameter)
            } else {
                Ok(std::slice::from_raw_parts(v.Value.bin.lpb, len).to_vec())
            }
        }
    };
    // SAFETY: the root buffer GetProps returned.
    unsafe { alloc.free(values.cast()) };
    result
}

fn alloc_of(session: &Session) -> MapiResult<&HostAllocators> {
    session.allocators().ok_or(MapiError::NoSupport)
}

/// # Safety
/// `list` NULL or a readable `ENTRYLIST`.
unsafe fn entry_list(list: *mut ENTRYLIST) -> MapiResult<Vec<Vec<u8>>> {
    // SAFETY: forwarded.
    unsafe { read_entry_list(list) }?.ok_or(MapiError::InvalidParameter)
}

fn slices(ids: &[Vec<u8>]) -> Vec<&[u8]> {
    ids.iter().map(Vec::as_slice).collect()
}

/// The body every table-opening slot shares (`GetContentsTable`,
/// `GetHierarchyTable`, `GetRecipientTable`, `GetAttachmentTable`): the
/// output cleared, the flags checked, the table `open` makes handed out as
/// a registered `IMAPITable`.
///
/// # Safety
///
/// `this` NULL or a live object of class `Sub<K>`; `lpp_table` NULL or
/// writable.
unsafe fn open_table<K: Kind>(
    this: *mut <Sub<K> as ComClass>::Interface,
    flags: ULONG,
    allowed: ULONG,
    lpp_table: *mut *mut IMAPITable,
    open: impl FnOnce(&K::Logic) -> MapiResult<Box<dyn crate::table::Table>>,
) -> HRESULT
where
    Sub<K>: ComClass,
{
    // SAFETY: forwarded from the caller.
    unsafe {
        call::<Sub<K>>(this, |obj| {
            let out = Out::new(lpp_table, ptr::null_mut())?;
            check_flags(flags, allowed)?;
            obj.value().with(|logic, session| {
                out.set(super::table::wrap_table(session, open(logic)?)?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn folder_get_contents_table(
    this: *mut IMAPIFolder,
    flags: ULONG,
    lpp_table: *mut *mut IMAPITable,
) -> HRESULT {
    // SAFETY: live `this`; `lppTable` NULL or writable (MAPI contract).
    unsafe {
        open_table::<FolderKind>(
            this,
            flags,
            MAPI_ASSOCIATED | MAPI_DEFERRED_ERRORS | MAPI_UNICODE | SHOW_SOFT_DELETES,
            lpp_table,
            |logic| logic.contents_table(flags & MAPI_ASSOCIATED != 0, flags & MAPI_UNICODE != 0),
        )
    }
}

unsafe extern "system" fn folder_get_hierarchy_table(
    this: *mut IMAPIFolder,
    flags: ULONG,
    lpp_table: *mut *mut IMAPITable,
) -> HRESULT {
    // SAFETY: live `this`; `lppTable` NULL or writable (MAPI contract).
    unsafe {
        open_table::<FolderKind>(
            this,
            flags,
            CONVENIENT_DEPTH | MAPI_DEFERRED_ERRORS | MAPI_UNICODE | SHOW_SOFT_DELETES,
            lpp_table,
            |logic| logic.hierarchy_table(flags & CONVENIENT_DEPTH != 0, flags & MAPI_UNICODE != 0),
        )
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn folder_open_entry(
    this: *mut IMAPIFolder,
    cb: ULONG,
    eid: *mut ENTRYID,
    lp_interface: *const IID,
    flags: ULONG,
    lpul_obj_type: *mut ULONG,
    lpp_unk: *mut *mut IUnknown,
) -> HRESULT {
    // SAFETY: live `this`; pointers NULL or valid per the MAPI contract.
    unsafe {
        call::<FolderSub>(this, |obj| {
            let (obj_type, unk) = out_pair(lpul_obj_type, 0, lpp_unk, ptr::null_mut())?;
            let entry = super::args::entry_id(cb, eid)?;
            check_flags(flags, crate::provider::OPEN_ENTRY_FLAGS)?;
            let wanted = iid(lp_interface);
            obj.value().with(|folder, session| {
                let opened = folder.open_entry(entry, flags)?;
                let (t, p) = wrap_opened(session, opened, wanted, None)?;
                obj_type.set(t);
                unk.set(p);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn folder_get_search_criteria(
    this: *mut IMAPIFolder,
    _flags: ULONG,
    lpp_restriction: *mut *mut c_void,
    lpp_list: *mut *mut ENTRYLIST,
    lpul_state: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; out-pointers NULL or writable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            // All three outputs are required; each is cleared before any
            // is checked.
            let pair = out_pair(lpp_restriction, ptr::null_mut(), lpp_list, ptr::null_mut());
            let state = Out::new(lpul_state, 0);
            pair?;
            state?;
            // Not a search folder.
            obj.value().with(|_, _| Err(MapiError::NoSupport))
        })
    }
}

unsafe extern "system" fn folder_create_message(
    this: *mut IMAPIFolder,
    lp_interface: *const IID,
    flags: ULONG,
    lpp_message: *mut *mut IMessage,
) -> HRESULT {
    // SAFETY: live `this`; `lpInterface` NULL or readable; `lppMessage`
    // NULL or writable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            let out = Out::new(lpp_message, ptr::null_mut())?;
            check_flags(flags, MAPI_DEFERRED_ERRORS | MAPI_ASSOCIATED)?;
            let wanted = iid(lp_interface);
            check_iid(wanted, MessageSub::IIDS)?;
            obj.value().with(|folder, session| {
                let message = folder.create_message(flags & MAPI_ASSOCIATED != 0)?;
                out.set(new_sub::<MessageKind>(session, message)?);
                Ok(S_OK)
            })
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn folder_copy_messages(
    this: *mut IMAPIFolder,
    list: *mut ENTRYLIST,
    lp_interface: *const IID,
    dest: *mut c_void,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `lpMsgList` readable; `lpDestFolder` a live
    // folder (MAPI contract).
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(flags, MESSAGE_MOVE | MESSAGE_DIALOG | MAPI_DECLINE_OK)?;
            check_iid(iid(lp_interface), FolderSub::IIDS)?;
            let ids = entry_list(list)?;
            obj.value().with(|folder, session| {
                let dest = entry_id_of(dest, alloc_of(session)?)?;
                folder
                    .copy_messages(&slices(&ids), &dest, flags)
                    .map(partial)
            })
        })
    }
}

unsafe extern "system" fn folder_delete_messages(
    this: *mut IMAPIFolder,
    list: *mut ENTRYLIST,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `lpMsgList` readable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(flags, MESSAGE_DIALOG)?;
            let ids = entry_list(list)?;
            obj.value()
                .with(|folder, _| folder.delete_messages(&slices(&ids), flags).map(partial))
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn folder_create_folder(
    this: *mut IMAPIFolder,
    folder_type: ULONG,
    lpsz_name: *mut c_void,
    lpsz_comment: *mut c_void,
    lp_interface: *const IID,
    flags: ULONG,
    lpp_folder: *mut *mut IMAPIFolder,
) -> HRESULT {
    // SAFETY: live `this`; strings NULL or NUL-terminated of the width
    // MAPI_UNICODE says; `lppFolder` NULL or writable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            let out = Out::new(lpp_folder, ptr::null_mut())?;
            check_flags(flags, MAPI_UNICODE | OPEN_IF_EXISTS | MAPI_DEFERRED_ERRORS)?;
            if folder_type != FOLDER_GENERIC && folder_type != FOLDER_SEARCH {
                return Err(MapiError::InvalidParameter);
            }
            let wide = flags & MAPI_UNICODE != 0;
            let name = read_string(lpsz_name, wide).map_err(|_| MapiError::InvalidParameter)?;
            let comment = match lpsz_comment.is_null() {
                true => None,
                false => {
                    Some(read_string(lpsz_comment, wide).map_err(|_| MapiError::InvalidParameter)?)
                }
            };
            check_iid(iid(lp_interface), FolderSub::IIDS)?;
            obj.value().with(|folder, session| {
                let created = folder.create_folder(
                    folder_type,
                    &name,
                    comment.as_deref(),
                    flags & OPEN_IF_EXISTS != 0,
                )?;
                out.set(new_sub::<FolderKind>(session, created)?);
                Ok(S_OK)
            })
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn folder_copy_folder(
    this: *mut IMAPIFolder,
    cb: ULONG,
    eid: *mut ENTRYID,
    lp_interface: *const IID,
    dest: *mut c_void,
    lpsz_new_name: *mut c_void,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers valid per the MAPI contract.
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(
                flags,
                FOLDER_MOVE | FOLDER_DIALOG | COPY_SUBFOLDERS | MAPI_UNICODE | MAPI_DECLINE_OK,
            )?;
            check_iid(iid(lp_interface), FolderSub::IIDS)?;
            let entry = required_entry_id(cb, eid)?.to_vec();
            let new_name = match lpsz_new_name.is_null() {
                true => None,
                false => Some(
                    read_string(lpsz_new_name, flags & MAPI_UNICODE != 0)
                        .map_err(|_| MapiError::InvalidParameter)?,
                ),
            };
            obj.value().with(|folder, session| {
                let dest = entry_id_of(dest, alloc_of(session)?)?;
                folder
                    .copy_folder(&entry, &dest, new_name.as_deref(), flags)
                    .map(partial)
            })
        })
    }
}

unsafe extern "system" fn folder_delete_folder(
    this: *mut IMAPIFolder,
    cb: ULONG,
    eid: *mut ENTRYID,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the entry ID readable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(flags, DEL_FOLDERS | DEL_MESSAGES | FOLDER_DIALOG)?;
            let entry = required_entry_id(cb, eid)?;
            obj.value()
                .with(|folder, _| folder.delete_folder(entry, flags).map(partial))
        })
    }
}

unsafe extern "system" fn folder_set_read_flags(
    this: *mut IMAPIFolder,
    list: *mut ENTRYLIST,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; `lpMsgList` NULL or readable.
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(
                flags,
                SUPPRESS_RECEIPT
                    | CLEAR_READ_FLAG
                    | MAPI_DEFERRED_ERRORS
                    | GENERATE_RECEIPT_ONLY
                    | CLEAR_RN_PENDING
                    | CLEAR_NRN_PENDING
                    | MESSAGE_DIALOG,
            )?;
            if flags & SUPPRESS_RECEIPT != 0 && flags & CLEAR_READ_FLAG != 0 {
                return Err(MapiError::InvalidParameter);
            }
            let ids = read_entry_list(list)?;
            obj.value().with(|folder, _| {
                let ids = ids.as_deref().map(slices);
                folder.set_read_flags(ids.as_deref(), flags).map(partial)
            })
        })
    }
}

unsafe extern "system" fn folder_get_message_status(
    this: *mut IMAPIFolder,
    cb: ULONG,
    eid: *mut ENTRYID,
    flags: ULONG,
    lpul_status: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers valid per the MAPI contract.
    unsafe {
        call::<FolderSub>(this, |obj| {
            let out = Out::new(lpul_status, 0)?;
            check_flags(flags, 0)?;
            let entry = required_entry_id(cb, eid)?;
            obj.value().with(|folder, _| {
                out.set(folder.message_status(entry)?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn folder_set_message_status(
    this: *mut IMAPIFolder,
    cb: ULONG,
    eid: *mut ENTRYID,
    status: ULONG,
    mask: ULONG,
    lpul_old: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; pointers valid per the MAPI contract.
    unsafe {
        call::<FolderSub>(this, |obj| {
            let old_out = optional_out(lpul_old, 0)?;
            let entry = required_entry_id(cb, eid)?;
            obj.value().with(|folder, _| {
                let old = folder.set_message_status(entry, status, mask)?;
                if let Some(o) = old_out {
                    o.set(old);
                }
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn folder_empty_folder(
    this: *mut IMAPIFolder,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<FolderSub>(this, |obj| {
            check_flags(flags, DEL_ASSOCIATED | FOLDER_DIALOG)?;
            obj.value()
                .with(|folder, _| folder.empty_folder(flags).map(partial))
        })
    }
}

unsafe extern "system" fn message_get_recipient_table(
    this: *mut IMessage,
    flags: ULONG,
    lpp_table: *mut *mut IMAPITable,
) -> HRESULT {
    // SAFETY: live `this`; `lppTable` NULL or writable (MAPI contract).
    unsafe {
        open_table::<MessageKind>(
            this,
            flags,
            MAPI_UNICODE | MAPI_DEFERRED_ERRORS,
            lpp_table,
            |logic| logic.recipient_table(flags & MAPI_UNICODE != 0),
        )
    }
}

unsafe extern "system" fn message_get_attachment_table(
    this: *mut IMessage,
    flags: ULONG,
    lpp_table: *mut *mut IMAPITable,
) -> HRESULT {
    // SAFETY: live `this`; `lppTable` NULL or writable (MAPI contract).
    unsafe {
        open_table::<MessageKind>(
            this,
            flags,
            MAPI_UNICODE | MAPI_DEFERRED_ERRORS,
            lpp_table,
            |logic| logic.attachment_table(flags & MAPI_UNICODE != 0),
        )
    }
}

unsafe extern "system" fn message_open_attach(
    this: *mut IMessage,
    number: ULONG,
    lp_interface: *const IID,
    flags: ULONG,
    lpp_attach: *mut *mut IAttach,
) -> HRESULT {
    // SAFETY: live `this`; pointers valid per the MAPI contract.
    unsafe {
        call::<MessageSub>(this, |obj| {
            let out = Out::new(lpp_attach, ptr::null_mut())?;
            check_flags(flags, MAPI_MODIFY | MAPI_BEST_ACCESS | MAPI_DEFERRED_ERRORS)?;
            check_iid(iid(lp_interface), AttachSub::IIDS)?;
            obj.value().with(|message, session| {
                let attach =
                    message.open_attach(number, flags & (MAPI_MODIFY | MAPI_BEST_ACCESS) != 0)?;
                out.set(new_sub::<AttachKind>(session, attach)?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn message_create_attach(
    this: *mut IMessage,
    lp_interface: *const IID,
    flags: ULONG,
    lpul_number: *mut ULONG,
    lpp_attach: *mut *mut IAttach,
) -> HRESULT {
    // SAFETY: live `this`; pointers valid per the MAPI contract.
    unsafe {
        call::<MessageSub>(this, |obj| {
            let (number_out, out) = out_pair(lpul_number, 0, lpp_attach, ptr::null_mut())?;
            check_flags(flags, MAPI_DEFERRED_ERRORS)?;
            check_iid(iid(lp_interface), AttachSub::IIDS)?;
            obj.value().with(|message, session| {
                let (number, attach) = message.create_attach()?;
                out.set(new_sub::<AttachKind>(session, attach)?);
                number_out.set(number);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn message_delete_attach(
    this: *mut IMessage,
    number: ULONG,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<MessageSub>(this, |obj| {
            check_flags(flags, ATTACH_DIALOG)?;
            obj.value()
                .with(|message, _| message.delete_attach(number))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn message_modify_recipients(
    this: *mut IMessage,
    flags: ULONG,
    mods: *mut ADRLIST,
) -> HRESULT {
    // SAFETY: live `this`; `lpMods` NULL or a readable ADRLIST.
    unsafe {
        call::<MessageSub>(this, |obj| {
            check_flags(flags, MODRECIP_ADD | MODRECIP_MODIFY | MODRECIP_REMOVE)?;
            if mods.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            let n = ptr::addr_of!((*mods).cEntries).read_unaligned();
            let n = usize::try_from(n).map_err(|_| MapiError::InvalidParameter)?;
            if n > MAX_COUNT {
                return Err(MapiError::InvalidParameter);
            }
            let entries = ptr::addr_of!((*mods).aEntries).cast::<ADRENTRY>();
            let mut rows = Vec::with_capacity(n);
            for i in 0..n {
                let entry = entries.add(i).read_unaligned();
                let mut row = Vec::new();
                for v in read_prop_values(entry.rgPropVals, entry.cValues)? {
                    match v {
                        Incoming::Set(tag, value) => row.push((tag, value)),
                        Incoming::Skip => {}
                        Incoming::Problem(..) => return Err(MapiError::InvalidParameter),
                    }
                }
                rows.push(row);
            }
            obj.value()
                .with(|message, _| message.modify_recipients(flags, rows))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn message_set_read_flag(this: *mut IMessage, flags: ULONG) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<MessageSub>(this, |obj| {
            check_flags(
                flags,
                SUPPRESS_RECEIPT
                    | CLEAR_READ_FLAG
                    | MAPI_DEFERRED_ERRORS
                    | GENERATE_RECEIPT_ONLY
                    | CLEAR_RN_PENDING
                    | CLEAR_NRN_PENDING,
            )?;
            if flags & SUPPRESS_RECEIPT != 0 && flags & CLEAR_READ_FLAG != 0 {
                return Err(MapiError::InvalidParameter);
            }
            obj.value()
                .with(|message, _| message.set_read_flag(flags))?;
            Ok(S_OK)
        })
    }
}

/// The flags `ValidateState` accepts.
const VALIDATE_FLAGS: ULONG = SUPPRESS_UI
    | REFRESH_XP_HEADER_CACHE
    | PROCESS_XP_HEADER_CACHE
    | FORCE_XP_CONNECT
    | FORCE_XP_DISCONNECT
    | CONFIG_CHANGED
    | ABORT_XP_HEADER_OPERATION
    | SHOW_XP_SESSION_UI;

unsafe extern "system" fn status_validate_state(
    this: *mut IMAPIStatus,
    _ui: ULONG_PTR,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<StatusSub>(this, |obj| {
            check_flags(flags, VALIDATE_FLAGS)?;
            obj.value().with(|status, _| status.validate_state(flags))?;
            Ok(S_OK)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iid_checks() {
        assert!(check_iid(None, FolderSub::IIDS).is_ok());
        assert!(check_iid(Some(&IID_IUnknown), FolderSub::IIDS).is_ok());
        assert!(check_iid(Some(&IID_IMAPIFolder), FolderSub::IIDS).is_ok());
        assert_eq!(
            check_iid(Some(&IID_IMessage), FolderSub::IIDS),
            Err(MapiError::InterfaceNotSupported)
        );
    }
}
