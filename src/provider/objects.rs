//! The object tree behind a logon, as safe traits: [`MapiProp`] (what
//! every `IMAPIProp` answers), [`Folder`], [`Message`], [`Attachment`] and
//! [`Status`]. The boundary ([`crate::com`]) implements `IMAPIProp`'s slots
//! once over [`MapiProp`] and each interface's own slots over its trait;
//! the reference store ([`crate::store`]) implements the traits over any
//! [`crate::store::Backend`].
//!
//! Also here: [`OpenObjects`], the list of a logon's open subobjects that a
//! forcible Logoff disconnects, and [`ErrorRecord`], the `GetLastError`
//! memory of one object.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use super::{PropName, PropValue};
use crate::host::ComPtr;
use crate::mapi::{IUnknown, MapiError, MapiResult, HRESULT, IID, SCODE, ULONG};

/// One failed property of a `SetProps`/`DeleteProps` call
/// (`SPropProblem`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PropProblem {
    /// Index of the property in the caller's array.
    pub index: usize,
    /// Its tag.
    pub tag: ULONG,
    /// What went wrong (`MAPI_E_COMPUTED`, `MAPI_E_INVALID_TYPE`, ...).
    pub scode: SCODE,
}

/// `IMAPIProp`'s logic, shared by the store, folders, messages,
/// attachments and the status object. Every method may be called from any
/// thread; nothing may call back into the host while holding a lock that
/// another method of the same object takes.
pub trait MapiProp: Send + Sync {
    /// The values of `tags` (type bits as the caller asked: `PT_UNSPECIFIED`
    /// and both string types are possible); `None` where the object has no
    /// such property (the caller gets `PT_ERROR`/`MAPI_E_NOT_FOUND`).
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>>;

    /// `get_props` without copies: calls `f(i, value)` for each tag's
    /// value (`i`: its index in `tags`), borrowing it from wherever the
    /// object keeps it. The default goes through `get_props`.
    fn visit_props(
        &self,
        tags: &[ULONG],
        f: &mut dyn FnMut(usize, Option<&PropValue>) -> MapiResult<()>,
    ) -> MapiResult<()> {
        for (i, v) in self.get_props(tags)?.iter().enumerate().take(tags.len()) {
            f(i, v.as_ref())?;
        }
        Ok(())
    }

    /// Every property the object has (strings tagged `PT_UNICODE`): what
    /// `GetPropList` and `GetProps(NULL)` report.
    fn prop_list(&self) -> MapiResult<Vec<ULONG>>;

    /// `SetProps`: `(index in the caller's array, tag, value)` for each
    /// property to set (`PR_NULL` and `PT_ERROR` entries are already left
    /// out). Per-property failures are problems, not errors.
    fn set_props(&self, props: Vec<(usize, ULONG, PropValue)>) -> MapiResult<Vec<PropProblem>> {
        let _ = props;
        Err(MapiError::NoSupport)
    }

    /// `DeleteProps`.
    fn delete_props(&self, tags: &[ULONG]) -> MapiResult<Vec<PropProblem>> {
        let _ = tags;
        Err(MapiError::NoSupport)
    }

    /// `SaveChanges` with `KEEP_OPEN_*`/`FORCE_SAVE` flags (already checked
    /// for unknown bits).
    fn save_changes(&self, flags: ULONG) -> MapiResult<()> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }

    /// `OpenProperty`: opens property `tag` as an object of interface
    /// `iid`.
    fn open_property(
        &self,
        tag: ULONG,
        iid: &IID,
        interface_options: ULONG,
        flags: ULONG,
    ) -> MapiResult<Opened> {
        let _ = (tag, iid, interface_options, flags);
        Err(MapiError::NoSupport)
    }

    /// The store's named-property map (`GetIDsFromNames`,
    /// `GetNamesFromIDs`); `None`: not supported.
    fn named_props(&self) -> Option<&dyn NamedProps> {
        None
    }
}

/// A store's named-property map: names ↔ property IDs ≥ 0x8000, stable
/// for the store.
pub trait NamedProps: Send + Sync {
    /// The ID of each name; `None` for a name without one (when `create`
    /// is false), or `Err` when the store cannot map names.
    fn ids_from_names(&self, names: &[PropName], create: bool) -> MapiResult<Vec<Option<u16>>>;
    /// The name of each ID; `None` for an ID without one.
    fn names_from_ids(&self, ids: &[u16]) -> MapiResult<Vec<Option<PropName>>>;
    /// Every mapped name.
    fn all_names(&self) -> MapiResult<Vec<(u16, PropName)>>;
}

/// What `OpenEntry` (of a logon, store or folder) or `OpenProperty` found.
pub enum Opened {
    /// The message store itself (the boundary hands out the store object).
    Store,
    /// A folder (`MAPI_FOLDER`).
    Folder(Box<dyn Folder>),
    /// A message (`MAPI_MESSAGE`).
    Message(Box<dyn Message>),
    /// A property opened as a stream (`IStream`).
    Stream(Box<dyn PropStream>),
    /// A table (`IMAPITable`): `PR_CONTAINER_CONTENTS`,
    /// `PR_MESSAGE_RECIPIENTS`... opened with `OpenProperty`.
    Table(Box<dyn crate::table::Table>),
    /// Another object: its `MAPI_*` type and one reference.
    Object(ULONG, ComPtr<IUnknown>),
}

/// `IMAPIFolder`'s logic (with `IMAPIContainer`'s). Entry IDs are the
/// caller's bytes; a method that cannot do something answers
/// `MAPI_E_NO_SUPPORT` (the default). Methods that act on several messages
/// return `true` when some of them could not be processed
/// (`MAPI_W_PARTIAL_COMPLETION`).
pub trait Folder: MapiProp {
    /// `OpenEntry`: any object of the store by entry ID (`None`: this
    /// folder's store root); `flags`: `MAPI_MODIFY`, `MAPI_BEST_ACCESS`,
    /// `MAPI_DEFERRED_ERRORS` (checked for unknown bits).
    fn open_entry(&self, entry_id: Option<&[u8]>, flags: ULONG) -> MapiResult<Opened>;

    /// `GetContentsTable`: the folder's messages (`MAPI_ASSOCIATED`: its
    /// associated ones), string columns wide when `wide` (`MAPI_UNICODE`).
    fn contents_table(
        &self,
        associated: bool,
        wide: bool,
    ) -> MapiResult<Box<dyn crate::table::Table>> {
        let _ = (associated, wide);
        Err(MapiError::NoSupport)
    }

    /// `GetHierarchyTable`: the subfolders (`CONVENIENT_DEPTH`: `deep`,
    /// every folder below, with `PR_DEPTH`).
    fn hierarchy_table(&self, deep: bool, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let _ = (deep, wide);
        Err(MapiError::NoSupport)
    }

    /// `CreateMessage` (`MAPI_ASSOCIATED`: a folder-associated message).
    fn create_message(&self, associated: bool) -> MapiResult<Box<dyn Message>> {
        let _ = associated;
        Err(MapiError::NoSupport)
    }

    /// `CreateFolder`: a subfolder; an existing one of that name is
    /// `MAPI_E_COLLISION`, or opened when `open_if_exists`.
    fn create_folder(
        &self,
        folder_type: ULONG,
        name: &str,
        comment: Option<&str>,
        open_if_exists: bool,
    ) -> MapiResult<Box<dyn Folder>> {
        let _ = (folder_type, name, comment, open_if_exists);
        Err(MapiError::NoSupport)
    }

    /// `DeleteFolder` of a direct subfolder (`DEL_FOLDERS`, `DEL_MESSAGES`).
    fn delete_folder(&self, entry_id: &[u8], flags: ULONG) -> MapiResult<bool> {
        let _ = (entry_id, flags);
        Err(MapiError::NoSupport)
    }

    /// `CopyFolder`: copies (or with `FOLDER_MOVE` moves) subfolder
    /// `entry_id` into the folder `dest` names, renamed to `new_name`.
    fn copy_folder(
        &self,
        entry_id: &[u8],
        dest: &[u8],
        new_name: Option<&str>,
        flags: ULONG,
    ) -> MapiResult<bool> {
        let _ = (entry_id, dest, new_name, flags);
        Err(MapiError::NoSupport)
    }

    /// `CopyMessages` (`MESSAGE_MOVE`) into the folder `dest` names.
    fn copy_messages(&self, entry_ids: &[&[u8]], dest: &[u8], flags: ULONG) -> MapiResult<bool> {
        let _ = (entry_ids, dest, flags);
        Err(MapiError::NoSupport)
    }

    /// `DeleteMessages`.
    fn delete_messages(&self, entry_ids: &[&[u8]], flags: ULONG) -> MapiResult<bool> {
        let _ = (entry_ids, flags);
        Err(MapiError::NoSupport)
    }

    /// `SetReadFlags` (`None`: every message of the folder).
    fn set_read_flags(&self, entry_ids: Option<&[&[u8]]>, flags: ULONG) -> MapiResult<bool> {
        let _ = (entry_ids, flags);
        Err(MapiError::NoSupport)
    }

    /// `GetMessageStatus`.
    fn message_status(&self, entry_id: &[u8]) -> MapiResult<ULONG> {
        let _ = entry_id;
        Err(MapiError::NoSupport)
    }

    /// `SetMessageStatus`: returns the old status.
    fn set_message_status(&self, entry_id: &[u8], status: ULONG, mask: ULONG) -> MapiResult<ULONG> {
        let _ = (entry_id, status, mask);
        Err(MapiError::NoSupport)
    }

    /// `EmptyFolder` (`DEL_ASSOCIATED`).
    fn empty_folder(&self, flags: ULONG) -> MapiResult<bool> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }
}

/// `IMessage`'s logic: a transacted property bag with recipients and
/// attachments; nothing is visible to others before `save_changes`.
pub trait Message: MapiProp {
    /// `ModifyRecipients`: `flags` 0 replaces every row, `MODRECIP_ADD`
    /// adds, `MODRECIP_MODIFY` replaces the rows with the same `PR_ROWID`,
    /// `MODRECIP_REMOVE` removes them.
    fn modify_recipients(
        &self,
        flags: ULONG,
        rows: Vec<Vec<(ULONG, PropValue)>>,
    ) -> MapiResult<()> {
        let _ = (flags, rows);
        Err(MapiError::NoSupport)
    }

    /// `CreateAttach`: a new attachment and its `PR_ATTACH_NUM`.
    fn create_attach(&self) -> MapiResult<(ULONG, Box<dyn Attachment>)> {
        Err(MapiError::NoSupport)
    }

    /// `OpenAttach`.
    fn open_attach(&self, number: ULONG, write: bool) -> MapiResult<Box<dyn Attachment>> {
        let _ = (number, write);
        Err(MapiError::NoSupport)
    }

    /// `DeleteAttach`.
    fn delete_attach(&self, number: ULONG) -> MapiResult<()> {
        let _ = number;
        Err(MapiError::NoSupport)
    }

    /// `GetRecipientTable`: the recipient rows (with `PR_ROWID`).
    fn recipient_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let _ = wide;
        Err(MapiError::NoSupport)
    }

    /// `GetAttachmentTable`: one row per attachment (with `PR_ATTACH_NUM`).
    fn attachment_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let _ = wide;
        Err(MapiError::NoSupport)
    }

    /// `SetReadFlag` (`CLEAR_READ_FLAG`, ...).
    fn set_read_flag(&self, flags: ULONG) -> MapiResult<()> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }
}

/// `IAttach`: only `IMAPIProp`; `save_changes` commits into the message
/// (which its own `SaveChanges` then stores).
pub trait Attachment: MapiProp {}

/// `IMAPIStatus`'s logic.
pub trait Status: MapiProp {
    /// `ValidateState`.
    fn validate_state(&self, flags: ULONG) -> MapiResult<()> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }
}

/// `IStream` over one property, as `OpenProperty(tag, IID_IStream)` opens
/// it: read and written in place, stored into the object's (transacted)
/// properties by `commit`; `revert` goes back to the last commit.
pub trait PropStream: Send + Sync {
    /// Reads at the current position; how many bytes were read.
    fn read(&self, buf: &mut [u8]) -> MapiResult<usize>;
    /// Writes at the current position; how many bytes were written.
    fn write(&self, data: &[u8]) -> MapiResult<usize>;
    /// Moves the position (`STREAM_SEEK_SET/CUR/END`); the new position.
    fn seek(&self, offset: i64, origin: ULONG) -> MapiResult<u64>;
    /// Truncates or extends (with zeros).
    fn set_size(&self, size: u64) -> MapiResult<()>;
    /// Stores the content into the property.
    fn commit(&self) -> MapiResult<()>;
    /// Discards what was written since the last commit.
    fn revert(&self) -> MapiResult<()>;
    /// The current size in bytes.
    fn size(&self) -> MapiResult<u64>;
    /// Whether it was opened for writing.
    fn writable(&self) -> bool;
}

/// An open subobject as its logon sees it: something to disconnect.
pub trait OpenObject: Send + Sync {
    /// Drops what the object holds of the logon, the store and the host,
    /// discarding uncommitted changes; every later call on it answers
    /// `MAPI_E_INVALID_OBJECT`. Called at most once per registration.
    fn disconnect(&self);
}

/// The open subobjects of one logon (folders, messages, attachments,
/// status objects...), so that its teardown can disconnect them all: the
/// "forcibly" of `IMSLogon::Logoff`.
#[derive(Default)]
pub struct OpenObjects {
    inner: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    closed: bool,
    next: u64,
    open: Vec<(u64, Box<dyn OpenObject>)>,
}

impl OpenObjects {
    /// Adds `object`; its key for [`OpenObjects::remove`]. After
    /// [`OpenObjects::close`], `MAPI_E_INVALID_OBJECT` (the object is
    /// handed back in `Err` to be dropped by the caller, outside any lock).
    pub fn add(&self, object: Box<dyn OpenObject>) -> Result<u64, Box<dyn OpenObject>> {
        let mut reg = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if reg.closed {
            return Err(object);
        }
        reg.next += 1;
        let key = reg.next;
        reg.open.push((key, object));
        Ok(key)
    }

    /// Removes the object registered as `key` (its host released it); the
    /// entry is dropped outside the lock.
    pub fn remove(&self, key: u64) {
        let removed = {
            let mut reg = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
            let at = reg.open.iter().position(|(k, _)| *k == key);
            at.map(|i| reg.open.swap_remove(i))
        };
        drop(removed);
    }

    /// How many objects are registered.
    pub fn len(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .open
            .len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Closes the list (nothing can be added any more) and disconnects
    /// every object in it, newest first (children before parents), with no
    /// lock held. Returns how many were disconnected.
    pub fn close(&self) -> usize {
        let open = {
            let mut reg = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
            reg.closed = true;
            std::mem::take(&mut reg.open)
        };
        let n = open.len();
        for (_, object) in open.into_iter().rev() {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| object.disconnect()));
            drop(object);
        }
        n
    }
}

/// The last failure of one object, for its `GetLastError`: one atomic
/// word (the code, and whether a panic's message goes with it) written
/// with a plain store on the hot path; a lock only to keep a caught
/// panic's message. The text is made when `GetLastError` asks for it.
#[derive(Default)]
pub struct ErrorRecord {
    /// The failure's `HRESULT` in the low 32 bits (0: none), [`PANICKED`]
    /// when `panic` holds its message.
    word: AtomicU64,
    panic: Mutex<Option<String>>,
}

/// The bit of [`ErrorRecord::word`] that says `panic` holds the message.
const PANICKED: u64 = 1 << 32;

impl ErrorRecord {
    /// Remembers `error` (with the message of a caught panic, if any).
    #[inline]
    pub fn record(&self, error: MapiError, panic_message: Option<&str>) {
        let code = u64::from(error.hresult() as u32);
        match panic_message {
            None => self.word.store(code, Ordering::Release),
            Some(m) => self.record_panic(code, m),
        }
    }

    #[cold]
    #[inline(never)]
    fn record_panic(&self, code: u64, message: &str) {
        let mut slot = self.panic.lock().unwrap_or_else(PoisonError::into_inner);
        let old = slot.replace(message.to_owned());
        self.word.store(code | PANICKED, Ordering::Release);
        drop(slot);
        drop(old); // outside the lock
    }

    /// The `HRESULT` of the last failure recorded (`S_OK`: none).
    #[inline]
    pub fn last_hresult(&self) -> HRESULT {
        self.word.load(Ordering::Acquire) as u32 as HRESULT
    }

    /// The failure recorded last, if it produced `hresult`.
    #[inline]
    pub fn error(&self, hresult: HRESULT) -> Option<MapiError> {
        // Only failures are recorded: nothing to look up for a success or
        // for another code than the last one.
        if hresult >= 0 || self.last_hresult() != hresult {
            return None;
        }
        MapiError::from_hresult(hresult)
    }

    /// The text for `hresult` if it is the last failure recorded.
    pub fn message(&self, hresult: HRESULT) -> Option<String> {
        let error = self.error(hresult)?;
        if self.word.load(Ordering::Acquire) & PANICKED != 0 {
            let panic = self.panic.lock().unwrap_or_else(PoisonError::into_inner);
            // Still the panic's record (read under the lock its writer
            // holds): its message goes with it.
            let word = self.word.load(Ordering::Acquire);
            if word & PANICKED != 0 && word as u32 as HRESULT == hresult {
                if let Some(m) = panic.as_deref() {
                    return Some(format!("{error}: a panic in the provider was caught: {m}"));
                }
            }
        }
        Some(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    struct Probe(Arc<AtomicUsize>);
    impl OpenObject for Probe {
        fn disconnect(&self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn close_disconnects_each_once_and_refuses_late_comers() {
        let count = Arc::new(AtomicUsize::new(0));
        let objects = OpenObjects::default();
        let a = objects.add(Box::new(Probe(count.clone()))).ok().unwrap();
        objects.add(Box::new(Probe(count.clone()))).ok().unwrap();
        objects.remove(a);
        assert_eq!(objects.len(), 1);
        assert_eq!(objects.close(), 1);
        assert_eq!(count.load(Ordering::SeqCst), 1);
        assert!(objects.add(Box::new(Probe(count.clone()))).is_err());
        assert_eq!(objects.close(), 0);
        assert_eq!(count.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn error_record_answers_only_the_last_code() {
        let r = ErrorRecord::default();
        assert_eq!(r.message(MapiError::NotFound.hresult()), None);
        r.record(MapiError::CallFailed, Some("boom"));
        assert!(r
            .message(MapiError::CallFailed.hresult())
            .unwrap()
            .contains("boom"));
        r.record(MapiError::NotFound, None);
        assert_eq!(r.message(MapiError::CallFailed.hresult()), None);
        assert!(r.message(MapiError::NotFound.hresult()).is_some());
    }
}
