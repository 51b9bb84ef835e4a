//! The reference message-store provider: a complete provider written in
//! safe Rust ([`ReferenceStore`] for `IMSProvider`, [`ReferenceLogon`] for
//! one logon's `IMSLogon` and `IMsgStore`), meant to be read and copied.
//!
//! Its behaviour (the folder tree, entry IDs, computed properties,
//! transacted messages, receive folders, named properties) is the
//! [`Engine`]'s, over any [`Backend`]; this crate ships the in-memory
//! [`MemoryBackend`] and the SQLite [`SqliteBackend`]. Where each store is
//! kept is its [`Storage`]: in memory, its data belongs to the provider
//! object (it outlives its logons, not the provider); in a file (a
//! directory of store files, or the file the MAPI profile names,
//! [`LogonRequest::store_path`]) it outlives the process.
//!
//! Store entry IDs (what `IMSProvider::Logon` takes):
//!
//! | bytes | content |
//! |---|---|
//! | 0..4 | `abFlags`, zero (long-term) |
//! | 4..20 | [`PROVIDER_UID`], this provider's MAPIUID |
//! | 20..24 | the store number, little-endian |
//! | 24..32 | a store kept in a file a profile or an entry ID named: [`STORE_FILE_MARK`] |
//! | 32.. | then that file's path (UTF-8 on Windows, its bytes elsewhere) |
//!
//! A logon given an entry ID that names a file, and no path in its
//! profile, opens that file (as a PST's entry ID names its file): two
//! stores of one profile, each in its own file, have distinct entry IDs,
//! and each new store file gets a fresh GUID (its objects' entry IDs and
//! record keys are distinct too).
//!
//! Folder and message entry IDs: `abFlags` (0) | `PROVIDER_UID` | the
//! store's GUID (16 bytes) | kind (1 folder, 2 message; LE u32) | object
//! number (LE u64), 48 bytes.

mod backend;
mod codec;
mod engine;
mod location;
mod objects;
mod sqlite;
mod tables;

pub use backend::{
    AttachmentRecord, Backend, Change, FolderCounts, FolderRecord, MemoryBackend, MessageRecord,
    ObjectId, Props, FIRST_DYNAMIC_ID,
};
pub use engine::{
    folders, parse_store_entry_id, store_entry_file, store_entry_id, store_entry_id_in, Engine,
    EntryTarget, EventKind, StoreEvent, StoreListener, PROVIDER_UID, STORE_FILE_MARK,
};
pub use location::{default_store_dir, default_store_file};
pub use objects::{AttachObject, FolderObject, MessageObject, StatusObject};
pub use sqlite::{remove_store_files, SqliteBackend, SCHEMA_VERSION};

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::mapi::*;
use crate::provider::{
    LogonProvider, LogonRequest, MessageStoreProvider, NamedProps, NewMailNotification,
    Notification, Notifier, ObjectNotification, Opened, PropValue, Status,
};

/// What the reference store supports (`PR_STORE_SUPPORT_MASK`): unique
/// long-term entry IDs, modification, creation, attachments,
/// multi-valued properties, Unicode, notifications, restrictions and
/// sorting of tables. Not (yet): submission, searches.
pub const SUPPORT_MASK: ULONG = STORE_ENTRYID_UNIQUE
    | STORE_MODIFY_OK
    | STORE_CREATE_OK
    | STORE_ATTACH_OK
    | STORE_MV_PROPS_OK
    | STORE_UNICODE_OK
    | STORE_NOTIFY_OK
    | STORE_RESTRICTION_OK
    | STORE_SORT_OK;

/// The number of the store a `Logon` without an entry ID opens.
pub const DEFAULT_STORE: u32 = 1;

/// The GUID of store `number` of this provider's in-memory stores.
/// (Also the store's `PR_STORE_RECORD_KEY`.)
fn memory_store_guid(number: u32) -> [u8; 16] {
    let mut g = PROVIDER_UID;
    g[12..].copy_from_slice(&number.to_le_bytes());
    g
}

/// The reference provider: a fixed set of named in-memory stores, each
/// created (with its standard folders) at its first logon and kept until
/// the provider goes.
#[derive(Debug)]
pub struct ReferenceStore {
    stores: BTreeMap<u32, StoreSlot>,
    storage: Storage,
    /// The stores MAPI profiles name by file
    /// ([`LogonRequest::store_path`]): one engine per file, shared by the
    /// logons on it.
    files: FileStores,
}

/// The engines of the store files profiles named, by path.
#[derive(Default)]
struct FileStores(Mutex<BTreeMap<PathBuf, Arc<OnceLock<Arc<Engine>>>>>);

impl FileStores {
    /// The cell of the engine of the store in `path` (made empty on first
    /// use: the logon opens it).
    fn cell(&self, path: &Path) -> Arc<OnceLock<Arc<Engine>>> {
        let mut files = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        files.entry(path.to_path_buf()).or_default().clone()
    }
}

impl std::fmt::Debug for FileStores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_list().entries(files.keys()).finish()
    }
}

struct StoreSlot {
    name: Cow<'static, str>,
    /// Made at the first use by any logon (not at the logon: a logon that
    /// opens nothing costs no folder tree).
    engine: Arc<OnceLock<Arc<Engine>>>,
}

impl std::fmt::Debug for StoreSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} (open: {})", self.name, self.engine.get().is_some())
    }
}

impl StoreSlot {
    fn new(name: Cow<'static, str>) -> Self {
        StoreSlot {
            name,
            engine: Arc::default(),
        }
    }
}

/// Where a logon finds its store.
enum EngineCell {
    /// Its own (a lone logon).
    Own(OnceLock<Arc<Engine>>),
    /// Its provider's.
    Shared(Arc<OnceLock<Arc<Engine>>>),
}

/// Where the reference provider keeps its stores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Storage {
    /// In memory: a store lives as long as its provider object.
    #[default]
    Memory,
    /// One SQLite file per store in this directory
    /// (`store-<number>.mslogon.db`), created with its standard folders on
    /// first use: what clients save survives the process.
    Directory(std::path::PathBuf),
    /// One scratch SQLite file per store, deleted with the provider: the
    /// durable code path with the in-memory lifetime (for tests).
    Scratch,
    /// One store in this SQLite file, created (with its directory and its
    /// standard folders) at the first logon: what a MAPI profile names
    /// ([`PR_MSLOGON_STORE_PATH`](crate::provider::PR_MSLOGON_STORE_PATH)).
    /// Meant for one store: every store number kept here is this one file.
    File(PathBuf),
}

impl Storage {
    /// `MSLOGON_STORE_DIR`: unset or empty, in memory; `:temp:`, scratch
    /// files; else the directory of the store files.
    pub fn from_env() -> Storage {
        match std::env::var_os("MSLOGON_STORE_DIR") {
            Some(v) if v == ":temp:" => Storage::Scratch,
            Some(v) if !v.is_empty() => Storage::Directory(v.into()),
            _ => Storage::Memory,
        }
    }

    /// The file of store `number` (for [`Storage::Directory`] and
    /// [`Storage::File`]).
    pub fn store_file(&self, number: u32) -> Option<std::path::PathBuf> {
        match self {
            Storage::Directory(dir) => Some(dir.join(format!("store-{number}.mslogon.db"))),
            Storage::File(path) => Some(path.clone()),
            _ => None,
        }
    }

    /// The file a store kept here is named by in its entry ID
    /// ([`store_entry_id_in`]): a [`Storage::File`]'s (stores of
    /// [`Storage::Directory`] are named by their number).
    pub fn named_file(&self) -> Option<&Path> {
        match self {
            Storage::File(path) => Some(path),
            _ => None,
        }
    }

    /// Store `number`'s backend. A store file made now gets a fresh GUID
    /// (an existing one keeps its own).
    fn backend(&self, number: u32) -> MapiResult<Box<dyn Backend>> {
        let guid = memory_store_guid(number);
        Ok(match self {
            Storage::Memory => Box::new(MemoryBackend::new(guid)),
            Storage::Scratch => Box::new(SqliteBackend::scratch(guid)?),
            Storage::Directory(dir) => {
                if !dir.is_dir() {
                    std::fs::create_dir_all(dir).map_err(|_| MapiError::Other(MAPI_E_NO_ACCESS))?;
                }
                let file = self.store_file(number).ok_or(MapiError::CallFailed)?;
                Box::new(SqliteBackend::open(&file, fresh_guid())?)
            }
            Storage::File(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    if !dir.is_dir() {
                        std::fs::create_dir_all(dir)
                            .map_err(|_| MapiError::Other(MAPI_E_NO_ACCESS))?;
                    }
                }
                Box::new(SqliteBackend::open(path, fresh_guid())?)
            }
        })
    }
}

/// A new store's GUID: 128 bits from std's randomly keyed hasher (seeded
/// from the OS's random source once per thread), the clock, the process
/// and a counter; version 4 / variant bits set as a random UUID's.
fn fresh_guid() -> [u8; 16] {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let mut guid = [0u8; 16];
    for (half, chunk) in guid.chunks_exact_mut(8).enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(now);
        h.write_u32(std::process::id());
        h.write_u64(count);
        h.write_usize(half);
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    guid[7] = (guid[7] & 0x0F) | 0x40;
    guid[8] = (guid[8] & 0x3F) | 0x80;
    guid
}

/// The engine in `cell`, created on first use in `storage`.
fn engine_in<'a>(
    cell: &'a OnceLock<Arc<Engine>>,
    number: u32,
    storage: &Storage,
) -> MapiResult<&'a Arc<Engine>> {
    if let Some(e) = cell.get() {
        return Ok(e);
    }
    let engine = Arc::new(
        Engine::open(storage.backend(number)?, number)?
            .named_by(storage.named_file().map(Path::to_path_buf)),
    );
    // Another thread may have won: theirs is the one.
    let _ = cell.set(engine);
    cell.get().ok_or(MapiError::CallFailed)
}

impl Default for ReferenceStore {
    /// The default store, kept where `MSLOGON_STORE_DIR` says
    /// ([`Storage::from_env`]).
    fn default() -> Self {
        ReferenceStore {
            stores: BTreeMap::from([(
                DEFAULT_STORE,
                StoreSlot::new(Cow::Borrowed("mslogon reference store")),
            )]),
            storage: Storage::from_env(),
            files: FileStores::default(),
        }
    }
}

impl ReferenceStore {
    /// A provider serving `stores` (number → display name).
    pub fn with_stores(stores: impl IntoIterator<Item = (u32, String)>) -> Self {
        ReferenceStore {
            stores: stores
                .into_iter()
                .map(|(n, s)| (n, StoreSlot::new(Cow::Owned(s))))
                .collect(),
            storage: Storage::from_env(),
            files: FileStores::default(),
        }
    }

    /// The same stores, kept in `storage`.
    pub fn in_storage(mut self, storage: Storage) -> Self {
        self.storage = storage;
        self
    }

    /// Where the stores are kept.
    pub fn storage(&self) -> &Storage {
        &self.storage
    }
}

impl MessageStoreProvider for ReferenceStore {
    type Logon = ReferenceLogon;

    fn logon(&self, request: &LogonRequest<'_>) -> MapiResult<ReferenceLogon> {
        let (number, named) = match request.entry_id {
            None => (DEFAULT_STORE, None),
            Some(id) => (parse_store_entry_id(id)?, store_entry_file(id)?),
        };
        let slot = self.stores.get(&number).ok_or(MapiError::LogonFailed)?;
        let mut logon = ReferenceLogon::open(number, slot.name.clone());
        logon.writable = request.flags & MDB_WRITE != 0;
        // The profile's path first (created if missing: it says where the
        // store is to be); without one, the file the entry ID names (which
        // must be there: it says where a store was); else where the
        // provider keeps its stores.
        if let (None, Some(file)) = (request.store_path, &named) {
            if !file.exists() {
                return Err(MapiError::NotFound);
            }
        }
        match request.store_path.or(named.as_deref()) {
            // That file, wherever the provider keeps its other stores.
            Some(path) => {
                logon.engine = EngineCell::Shared(self.files.cell(path));
                logon.storage = Storage::File(path.to_path_buf());
            }
            None => {
                logon.engine = EngineCell::Shared(slot.engine.clone());
                logon.storage = self.storage.clone();
            }
        }
        if logon.storage != Storage::Memory {
            // A store file is opened (or created) at the logon: a bad one
            // fails the logon, with the reason in its MAPIERROR.
            logon.engine()?;
        }
        Ok(logon)
    }

    fn compare_store_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        _flags: ULONG,
    ) -> MapiResult<bool> {
        let store =
            |e: &[u8]| -> MapiResult<_> { Ok((parse_store_entry_id(e)?, store_entry_file(e)?)) };
        Ok(store(entry_id1)? == store(entry_id2)?)
    }
}

/// A logon's ear on its store: turns committed changes into
/// `fnevObject*` notifications for the logon's advise sinks.
struct LogonListener {
    notifier: Arc<Notifier>,
    store_key: Vec<u8>,
}

impl StoreListener for LogonListener {
    fn changed(&self, engine: &Engine, events: &[StoreEvent]) {
        if self.notifier.is_empty() {
            return;
        }
        let published: Vec<(Vec<Vec<u8>>, Notification)> = events
            .iter()
            .map(|e| object_notification(engine, &self.store_key, e))
            .collect();
        self.notifier.publish(&published);
    }
}

/// The notification of `e`, with the keys it is published under: the
/// store's, the object's, its parent folder's and (moves and copies) the
/// previous parent's.
fn object_notification(
    engine: &Engine,
    store_key: &[u8],
    e: &StoreEvent,
) -> (Vec<Vec<u8>>, Notification) {
    let id_of = |id| {
        if e.folder {
            engine.folder_entry_id(id)
        } else {
            engine.message_entry_id(id)
        }
    };
    let entry_id = id_of(e.id);
    let parent_id = engine.folder_entry_id(e.parent);
    let old_parent_id = e
        .old_parent
        .map(|p| engine.folder_entry_id(p))
        .unwrap_or_default();
    let old_id = match (e.kind, e.source) {
        (EventKind::Moved, _) => entry_id.clone(),
        (EventKind::Copied, Some(source)) => id_of(source),
        _ => Vec::new(),
    };
    let event = match e.kind {
        EventKind::Created => fnevObjectCreated,
        EventKind::Modified => fnevObjectModified,
        EventKind::Deleted => fnevObjectDeleted,
        EventKind::Moved => fnevObjectMoved,
        EventKind::Copied => fnevObjectCopied,
    };
    let mut keys = vec![store_key.to_vec(), entry_id.clone(), parent_id.clone()];
    if !old_parent_id.is_empty() && old_parent_id != parent_id {
        keys.push(old_parent_id.clone());
    }
    let n = Notification::Object(ObjectNotification {
        event,
        entry_id,
        object_type: if e.folder { MAPI_FOLDER } else { MAPI_MESSAGE },
        parent_id,
        old_id,
        old_parent_id,
        prop_tags: None,
    });
    (keys, n)
}

/// One logon of the reference provider: its store and advise sinks.
pub struct ReferenceLogon {
    number: u32,
    name: Cow<'static, str>,
    /// Where the logon's advise sinks are (given at the first `Advise`).
    notifier: OnceLock<Arc<Notifier>>,
    /// Listening to the store since the first `Advise`.
    listener: OnceLock<Arc<LogonListener>>,
    /// The store: the provider's (shared by its logons), or for a logon
    /// not opened through [`ReferenceStore`] (`mslogon_create_logon`) its
    /// own; made at first use either way.
    engine: EngineCell,
    /// Opened with `MDB_WRITE` (a lone logon always is): without it every
    /// object opens read-only.
    writable: bool,
    /// Where its store is kept.
    storage: Storage,
}

impl std::fmt::Debug for ReferenceLogon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReferenceLogon({}, {:?})", self.number, self.name)
    }
}

impl Default for ReferenceLogon {
    fn default() -> Self {
        ReferenceLogon::open(DEFAULT_STORE, Cow::Borrowed("mslogon reference store"))
    }
}

impl ReferenceLogon {
    /// A logon on store `number`, displayed as `name`.
    pub fn new(number: u32, name: &str) -> Self {
        ReferenceLogon::open(number, Cow::Owned(name.to_string()))
    }

    fn open(number: u32, name: Cow<'static, str>) -> Self {
        ReferenceLogon {
            number,
            name,
            notifier: OnceLock::new(),
            listener: OnceLock::new(),
            engine: EngineCell::Own(OnceLock::new()),
            writable: true,
            storage: Storage::Memory,
        }
    }

    /// The logon's store (created with its standard folders at first use).
    pub fn engine(&self) -> MapiResult<&Arc<Engine>> {
        let cell = match &self.engine {
            EngineCell::Own(cell) => cell,
            EngineCell::Shared(cell) => cell,
        };
        engine_in(cell, self.number, &self.storage)
    }

    /// How many advise sinks are registered.
    pub fn advise_count(&self) -> usize {
        self.notifier.get().map_or(0, |n| n.len())
    }

    /// Starts listening to the store (once), so that its changes reach
    /// the advise sinks.
    fn listen(&self, engine: &Engine) {
        let Some(notifier) = self.notifier.get() else {
            return;
        };
        let mut made = None;
        self.listener.get_or_init(|| {
            let l = Arc::new(LogonListener {
                notifier: notifier.clone(),
                store_key: self.store_entry_id(),
            });
            made = Some(l.clone());
            l
        });
        if let Some(l) = made {
            let weak: std::sync::Weak<LogonListener> = Arc::downgrade(&l);
            engine.listen(weak);
        }
    }

    /// `PR_STORE_RECORD_KEY`: the store's GUID (an in-memory store's is
    /// known without making it; a file's is in the file, opened at the
    /// logon).
    fn record_key(&self) -> Vec<u8> {
        match (&self.storage, self.engine()) {
            (Storage::Memory, _) | (_, Err(_)) => memory_store_guid(self.number).to_vec(),
            (_, Ok(engine)) => engine.store_record_key(),
        }
    }

    /// Whether `entry_id` is a store entry ID that names this logon's
    /// store (`MAPI_E_INVALID_ENTRYID` when it is no store entry ID).
    fn is_own_store_entry_id(&self, entry_id: &[u8]) -> MapiResult<bool> {
        let file = store_entry_file(entry_id)?;
        Ok(parse_store_entry_id(entry_id)? == self.number
            && file.is_none_or(|f| Some(f.as_path()) == self.storage.named_file()))
    }
}

impl LogonProvider for ReferenceLogon {
    fn logoff(&self) {
        // Nothing to release: the advise sinks are the logon's notifier's
        // (released by the teardown before this call), and the store's
        // listener is dropped with this logon.
    }

    fn store_entry_id(&self) -> Vec<u8> {
        store_entry_id_in(self.number, self.storage.named_file())
    }

    fn store_prop(&self, tag: ULONG) -> Option<PropValue> {
        let string_ok = matches!(PROP_TYPE(tag), PT_UNICODE | PT_STRING8 | PT_UNSPECIFIED);
        Some(match PROP_ID(tag) {
            id if id == PROP_ID(PR_DISPLAY_NAME_W) && string_ok => {
                PropValue::String(self.name.to_string())
            }
            id if id == PROP_ID(PR_ENTRYID) || id == PROP_ID(PR_STORE_ENTRYID) => {
                PropValue::Binary(self.store_entry_id())
            }
            id if id == PROP_ID(PR_RECORD_KEY) || id == PROP_ID(PR_STORE_RECORD_KEY) => {
                PropValue::Binary(self.record_key())
            }
            id if id == PROP_ID(PR_MDB_PROVIDER) => PropValue::Binary(PROVIDER_UID.to_vec()),
            id if id == PROP_ID(PR_STORE_SUPPORT_MASK) => PropValue::Long(SUPPORT_MASK),
            id if id == PROP_ID(PR_OBJECT_TYPE) => PropValue::Long(MAPI_STORE),
            id => {
                // The standard folders: the store has to exist for these.
                let engine = self.engine().ok()?;
                return engine
                    .store_folder_props()
                    .into_iter()
                    .find(|(t, _)| PROP_ID(*t) == id)
                    .map(|(_, v)| v);
            }
        })
    }

    fn store_prop_tags(&self) -> Vec<ULONG> {
        vec![
            PR_DISPLAY_NAME_W,
            PR_ENTRYID,
            PR_RECORD_KEY,
            PR_STORE_SUPPORT_MASK,
            PR_MDB_PROVIDER,
            PR_OBJECT_TYPE,
            PR_STORE_ENTRYID,
            PR_STORE_RECORD_KEY,
            PR_IPM_SUBTREE_ENTRYID,
            PR_IPM_OUTBOX_ENTRYID,
            PR_IPM_SENTMAIL_ENTRYID,
            PR_IPM_WASTEBASKET_ENTRYID,
            PR_VIEWS_ENTRYID,
            PR_COMMON_VIEWS_ENTRYID,
            PR_VALID_FOLDER_MASK,
        ]
    }

    fn open_entry(
        &self,
        entry_id: Option<&[u8]>,
        _interface: Option<&IID>,
        flags: ULONG,
    ) -> MapiResult<Opened> {
        if flags & !crate::provider::OPEN_ENTRY_FLAGS != 0 {
            return Err(MapiError::UnknownFlags);
        }
        if let Some(Ok(own)) = entry_id.map(|e| self.is_own_store_entry_id(e)) {
            return if own {
                Ok(Opened::Store)
            } else {
                Err(MapiError::InvalidEntryId)
            };
        }
        objects::open_entry(self.engine()?, entry_id, flags, self.writable)
    }

    fn compare_entry_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        _flags: ULONG,
    ) -> MapiResult<bool> {
        let engine = self.engine()?;
        Ok(engine.parse_entry_id(entry_id1)? == engine.parse_entry_id(entry_id2)?)
    }

    fn open_status_entry(&self, flags: ULONG) -> MapiResult<Box<dyn Status>> {
        if flags & !(MAPI_MODIFY | MAPI_BEST_ACCESS) != 0 {
            return Err(MapiError::UnknownFlags);
        }
        Ok(Box::new(StatusObject::new(
            self.engine()?.clone(),
            self.name.to_string(),
        )))
    }

    fn named_props(&self) -> Option<&dyn NamedProps> {
        self.engine().ok().map(|e| &**e as &dyn NamedProps)
    }

    fn receive_folder(&self, class: &str) -> MapiResult<(Vec<u8>, String)> {
        let engine = self.engine()?;
        let (folder, set_for) = engine.receive_folder(class)?;
        Ok((engine.folder_entry_id(folder), set_for))
    }

    fn receive_folder_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        tables::receive_folder_table(self.engine()?, wide)
    }

    fn set_receive_folder(&self, class: &str, entry_id: Option<&[u8]>) -> MapiResult<()> {
        let engine = self.engine()?;
        let folder = entry_id.map(|e| engine.parse_folder(e)).transpose()?;
        engine.set_receive_folder(class, folder)
    }

    fn advise_key(&self, entry_id: Option<&[u8]>, notifier: &Arc<Notifier>) -> MapiResult<Vec<u8>> {
        let engine = self.engine()?;
        let _ = self.notifier.set(notifier.clone());
        let key = match entry_id {
            None => self.store_entry_id(),
            Some(e) => match self.is_own_store_entry_id(e) {
                Ok(true) => self.store_entry_id(),
                Ok(false) => return Err(MapiError::InvalidEntryId),
                Err(_) => {
                    engine.parse_entry_id(e)?;
                    e.to_vec()
                }
            },
        };
        self.listen(engine);
        Ok(key)
    }

    fn notify_new_mail(
        &self,
        mail: &NewMailNotification,
        notifier: &Arc<Notifier>,
    ) -> MapiResult<()> {
        let engine = self.engine()?;
        let message = engine.parse_message(&mail.entry_id)?;
        let folder = engine.parse_folder(&mail.parent_id)?;
        if engine.message(message)?.folder != folder {
            return Err(MapiError::NotFound);
        }
        let keys = vec![
            self.store_entry_id(),
            mail.parent_id.clone(),
            mail.entry_id.clone(),
        ];
        notifier.publish(&[(keys, Notification::NewMail(mail.clone()))]);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_round_trip_and_reject_foreign_ones() {
        let id = store_entry_id(7);
        assert_eq!(id.len(), 24);
        assert_eq!(parse_store_entry_id(&id), Ok(7));
        let mut foreign = id.clone();
        foreign[5] ^= 1;
        assert_eq!(
            parse_store_entry_id(&foreign),
            Err(MapiError::InvalidEntryId)
        );
        assert_eq!(
            parse_store_entry_id(&id[..23]),
            Err(MapiError::InvalidEntryId)
        );
        let mut short_term = id.clone();
        short_term[0] = 0x80;
        assert_eq!(
            parse_store_entry_id(&short_term),
            Err(MapiError::InvalidEntryId)
        );
    }

    #[test]
    fn logon_opens_known_stores_only() {
        let provider = ReferenceStore::default();
        let request = |entry_id| LogonRequest {
            entry_id,
            flags: 0,
            spooler: false,
            store_path: None,
        };
        let logon = provider.logon(&request(None)).unwrap();
        assert_eq!(logon.store_entry_id(), store_entry_id(DEFAULT_STORE));
        let other = store_entry_id(2);
        assert_eq!(
            provider.logon(&request(Some(&other))).err(),
            Some(MapiError::LogonFailed)
        );
        assert_eq!(
            provider.logon(&request(Some(b"nope"))).err(),
            Some(MapiError::InvalidEntryId)
        );
    }

    #[test]
    fn store_props_answer_the_required_tags() {
        let logon = ReferenceLogon::default();
        for tag in logon.store_prop_tags() {
            assert!(logon.store_prop(tag).is_some(), "{tag:#010X}");
        }
        assert_eq!(
            logon.store_prop(crate::mapi::PR_DISPLAY_NAME_A),
            Some(PropValue::String("mslogon reference store".into()))
        );
        assert_eq!(logon.store_prop(0x6666_0003), None);
    }
}

#[cfg(test)]
mod tree_tests;
