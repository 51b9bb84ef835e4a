//! The backend seam: what a store keeps (folders, messages with their
//! recipients and attachments, the named-property map, receive folders),
//! behind [`Backend`], so the behaviour in [`super::Engine`] runs on any
//! storage. [`MemoryBackend`] keeps it in memory.
//!
//! A backend stores records; it does not interpret properties (computed
//! properties, collisions, cycles, transactions of a message are the
//! engine's). [`Backend::apply`] must be all or nothing: the engine
//! expresses every MAPI operation that changes the store (a message's
//! `SaveChanges`, a move, a folder deletion with its contents) as one batch
//! of [`Change`]s, so a durable backend makes each one transaction.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::mapi::{MapiError, MapiResult, PT_BINARY, PT_STRING8, PT_UNICODE, ULONG};
use crate::provider::{PropName, PropValue};

/// An object's number in its store: never reused.
pub type ObjectId = u64;

/// Properties by property ID (the type is the value's own).
pub type Props = BTreeMap<u16, PropValue>;

/// The size (in bytes, as a stream shows the value: binary as is,
/// `PT_UNICODE` as UTF-16LE, `PT_STRING8` as UTF-8) from which a binary or
/// string property of a message, or of an attachment, is a *large value*:
/// kept apart from the other properties ([`LargeValue`]), not read when
/// the message is opened or a table row is read, streamed in chunks by
/// `OpenProperty(IID_IStream)`, carried over by saves that do not change
/// it and copied inside the backend. 32 KiB.
pub(crate) const LARGE_VALUE_THRESHOLD: u64 = 32 * 1024;

/// Where a large value's bytes are.
#[derive(Clone, PartialEq)]
pub enum LargeSource {
    /// In the backend, under this number (the SQLite backend's
    /// `large_values` row): read through [`Backend::read_large`].
    /// Numbers are never reused, so a value another save replaced is
    /// reported as gone, never read as other bytes.
    Stored(i64),
    /// In memory, shared (opening, copying or saving the message does not
    /// copy the bytes).
    Data(Arc<Vec<u8>>),
}

impl std::fmt::Debug for LargeSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LargeSource::Stored(id) => write!(f, "Stored({id})"),
            LargeSource::Data(d) => write!(f, "Data({} bytes)", d.len()),
        }
    }
}

/// A large property value (see [`LARGE_VALUE_THRESHOLD`]): its type, its
/// length in bytes as a stream shows it, and where its bytes are.
#[derive(Clone, Debug, PartialEq)]
pub struct LargeValue {
    /// `PT_BINARY`, `PT_UNICODE` or `PT_STRING8`.
    pub prop_type: ULONG,
    /// Its length in bytes (stream form).
    pub len: u64,
    /// Its bytes.
    pub source: LargeSource,
}

impl LargeValue {
    /// A value held in memory.
    pub fn data(prop_type: ULONG, bytes: Arc<Vec<u8>>) -> Self {
        LargeValue {
            prop_type,
            len: bytes.len() as u64,
            source: LargeSource::Data(bytes),
        }
    }
}

/// Large values by property ID, beside [`Props`]: a property is in one
/// of the two, never both.
pub type Large = BTreeMap<u16, LargeValue>;

/// The bytes a stream shows of `value` as type `prop_type`: binary as is,
/// strings as UTF-16LE (`PT_UNICODE`) or UTF-8 (`PT_STRING8`), no
/// terminator; `None` for other types or a value of another type.
pub fn stream_bytes(prop_type: ULONG, value: &PropValue) -> Option<Vec<u8>> {
    match (prop_type, value) {
        (PT_BINARY, PropValue::Binary(b)) => Some(b.clone()),
        (PT_UNICODE, PropValue::String(s)) => {
            Some(s.encode_utf16().flat_map(u16::to_le_bytes).collect())
        }
        (PT_STRING8, PropValue::String(s)) => Some(s.as_bytes().to_vec()),
        _ => None,
    }
}

/// The value of stream bytes `bytes` of type `prop_type` (the inverse of
/// [`stream_bytes`]; trailing NULs of a string are dropped):
/// `MAPI_E_BAD_VALUE` for bytes that are not such a string.
pub fn stream_value(prop_type: ULONG, bytes: &[u8]) -> MapiResult<PropValue> {
    use crate::mapi::MAPI_E_BAD_VALUE;
    let bad = || MapiError::Other(MAPI_E_BAD_VALUE);
    match prop_type {
        PT_BINARY => Ok(PropValue::Binary(bytes.to_vec())),
        PT_UNICODE => {
            if !bytes.len().is_multiple_of(2) {
                return Err(bad());
            }
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            let s: String = char::decode_utf16(units)
                .collect::<Result<_, _>>()
                .map_err(|_| bad())?;
            Ok(PropValue::String(s.trim_end_matches('\0').to_owned()))
        }
        _ => {
            let s = std::str::from_utf8(bytes).map_err(|_| bad())?;
            Ok(PropValue::String(s.trim_end_matches('\0').to_owned()))
        }
    }
}

/// `large`'s value, read whole (from `backend` when it is stored there).
pub fn load_large(backend: &dyn Backend, large: &LargeValue) -> MapiResult<PropValue> {
    match &large.source {
        LargeSource::Data(d) => stream_value(large.prop_type, d),
        LargeSource::Stored(id) => {
            stream_value(large.prop_type, &backend.load_large(*id, large.len)?)
        }
    }
}

/// The type and length of [`stream_bytes`] of a stored binary or string
/// value (strings are kept as `PT_UNICODE`) without making them.
fn stream_len(value: &PropValue) -> Option<(ULONG, u64)> {
    match value {
        PropValue::Binary(b) => Some((PT_BINARY, b.len() as u64)),
        PropValue::String(s) if s.is_ascii() => Some((PT_UNICODE, 2 * s.len() as u64)),
        PropValue::String(s) => Some((PT_UNICODE, 2 * s.encode_utf16().count() as u64)),
        _ => None,
    }
}

/// Moves the binary and string values of `props` at or above
/// [`LARGE_VALUE_THRESHOLD`] into `large` (as in-memory values): what a
/// message and its attachments look like when saved.
pub fn split_large(props: &mut Props, large: &mut Large) {
    let big: Vec<u16> = props
        .iter()
        .filter(|(_, v)| stream_len(v).is_some_and(|(_, n)| n >= LARGE_VALUE_THRESHOLD))
        .map(|(id, _)| *id)
        .collect();
    for id in big {
        if let Some(v) = props.remove(&id) {
            if let Some((t, _)) = stream_len(&v) {
                if let Some(bytes) = stream_bytes(t, &v) {
                    large.insert(id, LargeValue::data(t, Arc::new(bytes)));
                }
            }
        }
    }
}

/// A folder as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct FolderRecord {
    /// Its number.
    pub id: ObjectId,
    /// The parent folder (the root's is its own number).
    pub parent: ObjectId,
    /// Its stored properties (display name, comment, container class...).
    pub props: Props,
}

/// An attachment as stored, inside its message.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachmentRecord {
    /// `PR_ATTACH_NUM`.
    pub number: ULONG,
    /// Its properties.
    pub props: Props,
    /// Its large values (`PR_ATTACH_DATA_BIN`...).
    pub large: Large,
}

/// A message as stored: saved by one `SaveChanges`, whole.
#[derive(Clone, Debug, PartialEq)]
pub struct MessageRecord {
    /// Its number.
    pub id: ObjectId,
    /// The folder it is in.
    pub folder: ObjectId,
    /// A folder-associated message (`MAPI_ASSOCIATED`).
    pub associated: bool,
    /// Bumped at every save: an open copy older than the stored one is
    /// stale (`MAPI_E_OBJECT_CHANGED` unless `FORCE_SAVE`).
    pub version: u64,
    /// Its properties.
    pub props: Props,
    /// Its large values (bodies...): not read with the message.
    pub large: Large,
    /// Its recipient rows (each with `PR_ROWID`).
    pub recipients: Vec<Props>,
    /// Its attachments.
    pub attachments: Vec<AttachmentRecord>,
}

/// One change of a batch given to [`Backend::apply`].
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Inserts or replaces a folder.
    PutFolder(FolderRecord),
    /// Removes a folder record (its contents are removed by their own
    /// changes in the same batch).
    DeleteFolder(ObjectId),
    /// Inserts or replaces a message.
    PutMessage(MessageRecord),
    /// Removes a message.
    DeleteMessage(ObjectId),
    /// Sets (`Some`) or removes the receive folder of a message class
    /// (stored as given; the engine compares case-insensitively).
    SetReceiveFolder(String, Option<ObjectId>),
    /// Maps a named property to an ID (≥ 0x8000).
    PutName(u16, PropName),
}

/// Counts a folder's properties are computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FolderCounts {
    /// Normal messages (`PR_CONTENT_COUNT`).
    pub messages: ULONG,
    /// Normal messages without `MSGFLAG_READ` (`PR_CONTENT_UNREAD`).
    pub unread: ULONG,
    /// Folder-associated messages (`PR_ASSOC_CONTENT_COUNT`).
    pub associated: ULONG,
    /// Subfolders.
    pub folders: ULONG,
}

/// Storage for one message store. Every method may be called from any
/// thread; reads see every batch applied before them.
pub trait Backend: Send + Sync + 'static {
    /// The store's identity, carried by its entry IDs (so an entry ID of
    /// another store is recognised as foreign).
    fn store_guid(&self) -> [u8; 16];
    /// A fresh object number, never returned before (even after a
    /// restart, for a durable backend).
    fn next_id(&self) -> MapiResult<ObjectId>;
    /// A folder by number.
    fn folder(&self, id: ObjectId) -> MapiResult<Option<FolderRecord>>;
    /// Whether folder `id` exists (without reading it).
    fn folder_exists(&self, id: ObjectId) -> MapiResult<bool> {
        Ok(self.folder(id)?.is_some())
    }
    /// The stored version of message `id`, if it exists (without reading
    /// it).
    fn message_version(&self, id: ObjectId) -> MapiResult<Option<u64>> {
        Ok(self.message(id)?.map(|m| m.version))
    }
    /// Runs `f` on message `id` without copying it out, if it exists
    /// (`Ok(false)`: no such message). `f` must not call back into the
    /// backend (the in-memory backend holds its lock meanwhile).
    fn visit_message(&self, id: ObjectId, f: &mut dyn FnMut(&MessageRecord)) -> MapiResult<bool> {
        Ok(match self.message(id)? {
            Some(m) => {
                f(&m);
                true
            }
            None => false,
        })
    }
    /// Where message `id` is, if it exists: its folder and whether it is
    /// folder-associated (without reading it).
    fn message_location(&self, id: ObjectId) -> MapiResult<Option<(ObjectId, bool)>> {
        Ok(self.message(id)?.map(|m| (m.folder, m.associated)))
    }
    /// The subfolders of `parent`.
    fn subfolders(&self, parent: ObjectId) -> MapiResult<Vec<ObjectId>>;
    /// A message by number.
    fn message(&self, id: ObjectId) -> MapiResult<Option<MessageRecord>>;
    /// The messages of `folder` (normal or associated).
    fn messages(&self, folder: ObjectId, associated: bool) -> MapiResult<Vec<ObjectId>>;
    /// The messages of `folder` in the order of property `tag` (a
    /// missing value first; ties by number), descending when
    /// `descending`, if the backend keeps an index that gives it exactly
    /// as the table engine would compute it; `None`: it does not (the
    /// engine sorts). The default: `None`.
    fn messages_sorted(
        &self,
        folder: ObjectId,
        associated: bool,
        tag: ULONG,
        descending: bool,
    ) -> MapiResult<Option<Vec<ObjectId>>> {
        let _ = (folder, associated, tag, descending);
        Ok(None)
    }
    /// The counts of `folder`.
    fn counts(&self, folder: ObjectId) -> MapiResult<FolderCounts>;
    /// Every receive-folder setting: (message class, folder).
    fn receive_folders(&self) -> MapiResult<Vec<(String, ObjectId)>>;
    /// Every named-property mapping.
    fn names(&self) -> MapiResult<Vec<(u16, PropName)>>;
    /// Applies `changes`, all or nothing.
    fn apply(&self, changes: Vec<Change>) -> MapiResult<()>;
    /// Reads stored large value `id` ([`LargeSource::Stored`]) from byte
    /// `offset` into `buf`; how many bytes were read (0 at its end).
    /// `STG_E_REVERTED` when it is gone (a later save replaced or removed
    /// it). The default: a backend that stores none.
    fn read_large(&self, id: i64, offset: u64, buf: &mut [u8]) -> MapiResult<usize> {
        let _ = (id, offset, buf);
        Err(MapiError::Other(crate::mapi::STG_E_REVERTED))
    }
    /// How many large values the backend stores apart (`None`: it keeps
    /// none apart). Tests count them: none may be left behind.
    fn large_value_count(&self) -> MapiResult<Option<u64>> {
        Ok(None)
    }
    /// Stored large value `id`, whole (`GetProps`, table columns and
    /// restrictions need the value). The default: read in 1 MiB chunks.
    fn load_large(&self, id: i64, len: u64) -> MapiResult<Vec<u8>> {
        let mut out = vec![0u8; usize::try_from(len).map_err(|_| MapiError::NotEnoughMemory)?];
        let mut at = 0;
        while at < out.len() {
            let end = (at + (1 << 20)).min(out.len());
            let n = self.read_large(id, at as u64, &mut out[at..end])?;
            if n == 0 {
                return Err(MapiError::Other(crate::mapi::STG_E_REVERTED));
            }
            at += n;
        }
        Ok(out)
    }
}

/// The in-memory backend: everything in maps behind one lock; a batch is
/// checked before any of it is applied, so it is all or nothing.
pub struct MemoryBackend {
    guid: [u8; 16],
    data: Mutex<Data>,
}

#[derive(Default)]
struct Data {
    next: ObjectId,
    folders: BTreeMap<ObjectId, FolderRecord>,
    children: BTreeMap<ObjectId, BTreeSet<ObjectId>>,
    messages: BTreeMap<ObjectId, MessageRecord>,
    contents: BTreeMap<(ObjectId, bool), BTreeSet<ObjectId>>,
    receive: BTreeMap<String, ObjectId>,
    names: BTreeMap<u16, PropName>,
}

/// The first number [`MemoryBackend::next_id`] hands out (the engine's
/// well-known folders use smaller ones).
pub const FIRST_DYNAMIC_ID: ObjectId = 0x100;

impl MemoryBackend {
    /// An empty store with identity `guid`.
    pub fn new(guid: [u8; 16]) -> Self {
        MemoryBackend {
            guid,
            data: Mutex::new(Data {
                next: FIRST_DYNAMIC_ID,
                ..Data::default()
            }),
        }
    }

    fn data(&self) -> MutexGuard<'_, Data> {
        self.data.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn is_unread(m: &MessageRecord) -> bool {
    let flags = match m
        .props
        .get(&(crate::mapi::PROP_ID(crate::mapi::PR_MESSAGE_FLAGS) as u16))
    {
        Some(PropValue::Long(f)) => *f,
        _ => 0,
    };
    flags & crate::mapi::MSGFLAG_READ == 0
}

impl Data {
    fn check(&self, change: &Change) -> MapiResult<()> {
        match change {
            Change::PutFolder(f) if f.parent != f.id && !self.folders.contains_key(&f.parent) => {
                Err(MapiError::NotFound)
            }
            Change::PutMessage(m) if !self.folders.contains_key(&m.folder) => {
                Err(MapiError::NotFound)
            }
            _ => Ok(()),
        }
    }

    fn apply(&mut self, change: Change) {
        match change {
            Change::PutFolder(f) => {
                if let Some(old) = self.folders.get(&f.id) {
                    let old_parent = old.parent;
                    if let Some(set) = self.children.get_mut(&old_parent) {
                        set.remove(&f.id);
                    }
                }
                if f.parent != f.id {
                    self.children.entry(f.parent).or_default().insert(f.id);
                }
                self.folders.insert(f.id, f);
            }
            Change::DeleteFolder(id) => {
                if let Some(f) = self.folders.remove(&id) {
                    if let Some(set) = self.children.get_mut(&f.parent) {
                        set.remove(&id);
                    }
                }
                self.children.remove(&id);
            }
            Change::PutMessage(m) => {
                if let Some(old) = self.messages.get(&m.id) {
                    let key = (old.folder, old.associated);
                    if let Some(set) = self.contents.get_mut(&key) {
                        set.remove(&m.id);
                    }
                }
                self.contents
                    .entry((m.folder, m.associated))
                    .or_default()
                    .insert(m.id);
                self.messages.insert(m.id, m);
            }
            Change::DeleteMessage(id) => {
                if let Some(m) = self.messages.remove(&id) {
                    if let Some(set) = self.contents.get_mut(&(m.folder, m.associated)) {
                        set.remove(&id);
                    }
                }
            }
            Change::SetReceiveFolder(class, Some(folder)) => {
                self.receive.insert(class, folder);
            }
            Change::SetReceiveFolder(class, None) => {
                self.receive.remove(&class);
            }
            Change::PutName(id, name) => {
                self.names.insert(id, name);
            }
        }
    }
}

impl Backend for MemoryBackend {
    fn store_guid(&self) -> [u8; 16] {
        self.guid
    }

    fn next_id(&self) -> MapiResult<ObjectId> {
        let mut d = self.data();
        let id = d.next;
        d.next = id.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
        Ok(id)
    }

    fn folder(&self, id: ObjectId) -> MapiResult<Option<FolderRecord>> {
        Ok(self.data().folders.get(&id).cloned())
    }

    fn folder_exists(&self, id: ObjectId) -> MapiResult<bool> {
        Ok(self.data().folders.contains_key(&id))
    }

    fn message_version(&self, id: ObjectId) -> MapiResult<Option<u64>> {
        Ok(self.data().messages.get(&id).map(|m| m.version))
    }

    fn visit_message(&self, id: ObjectId, f: &mut dyn FnMut(&MessageRecord)) -> MapiResult<bool> {
        Ok(match self.data().messages.get(&id) {
            Some(m) => {
                f(m);
                true
            }
            None => false,
        })
    }

    fn message_location(&self, id: ObjectId) -> MapiResult<Option<(ObjectId, bool)>> {
        Ok(self
            .data()
            .messages
            .get(&id)
            .map(|m| (m.folder, m.associated)))
    }

    fn subfolders(&self, parent: ObjectId) -> MapiResult<Vec<ObjectId>> {
        Ok(self
            .data()
            .children
            .get(&parent)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default())
    }

    fn message(&self, id: ObjectId) -> MapiResult<Option<MessageRecord>> {
        Ok(self.data().messages.get(&id).cloned())
    }

    fn messages(&self, folder: ObjectId, associated: bool) -> MapiResult<Vec<ObjectId>> {
        Ok(self
            .data()
            .contents
            .get(&(folder, associated))
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default())
    }

    fn counts(&self, folder: ObjectId) -> MapiResult<FolderCounts> {
        let d = self.data();
        let len = |assoc: bool| d.contents.get(&(folder, assoc)).map_or(0, BTreeSet::len);
        let unread = d.contents.get(&(folder, false)).map_or(0, |s| {
            s.iter()
                .filter(|id| d.messages.get(id).is_some_and(is_unread))
                .count()
        });
        let n = |v: usize| ULONG::try_from(v).unwrap_or(ULONG::MAX);
        Ok(FolderCounts {
            messages: n(len(false)),
            unread: n(unread),
            associated: n(len(true)),
            folders: n(d.children.get(&folder).map_or(0, BTreeSet::len)),
        })
    }

    fn receive_folders(&self) -> MapiResult<Vec<(String, ObjectId)>> {
        Ok(self
            .data()
            .receive
            .iter()
            .map(|(c, f)| (c.clone(), *f))
            .collect())
    }

    fn names(&self) -> MapiResult<Vec<(u16, PropName)>> {
        Ok(self
            .data()
            .names
            .iter()
            .map(|(i, n)| (*i, n.clone()))
            .collect())
    }

    fn apply(&self, changes: Vec<Change>) -> MapiResult<()> {
        let mut d = self.data();
        // All or nothing: check against the state as it will be when each
        // change applies (folders created earlier in the batch count).
        let mut new_folders = BTreeSet::new();
        for c in &changes {
            match c {
                Change::PutFolder(f) if new_folders.contains(&f.parent) => {}
                Change::PutMessage(m) if new_folders.contains(&m.folder) => {}
                c => d.check(c)?,
            }
            if let Change::PutFolder(f) = c {
                new_folders.insert(f.id);
            }
        }
        for c in changes {
            d.apply(c);
        }
        Ok(())
    }
}
