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
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::mapi::{MapiError, MapiResult, ULONG};
use crate::provider::{PropName, PropValue};

/// An object's number in its store: never reused.
pub type ObjectId = u64;

/// Properties by property ID (the type is the value's own).
pub type Props = BTreeMap<u16, PropValue>;

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
