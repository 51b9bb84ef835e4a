//! [`Engine`]: the reference store's behaviour over any [`Backend`]: the
//! standard folder tree, long-term entry IDs, computed properties, folder
//! operations (create, delete, copy, move, empty), message commits,
//! receive folders and named properties. Backend-independent: every
//! backend passes the same tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use super::backend::{Backend, Change, FolderCounts, FolderRecord, MessageRecord, ObjectId, Props};
use crate::mapi::*;
use crate::provider::{PropName, PropValue};

/// This provider's MAPIUID (`PR_MDB_PROVIDER`, bytes 4..20 of its entry
/// IDs).
pub const PROVIDER_UID: [u8; 16] = *b"mslogon\0refstore";

/// Well-known folders: their numbers in every store.
pub mod folders {
    use super::ObjectId;
    /// The root folder (`FOLDER_ROOT`).
    pub const ROOT: ObjectId = 1;
    /// "Top of Information Store" (`PR_IPM_SUBTREE_ENTRYID`).
    pub const IPM_SUBTREE: ObjectId = 2;
    /// Inbox (the receive folder of `IPM`).
    pub const INBOX: ObjectId = 3;
    /// Outbox (`PR_IPM_OUTBOX_ENTRYID`).
    pub const OUTBOX: ObjectId = 4;
    /// Sent Items (`PR_IPM_SENTMAIL_ENTRYID`).
    pub const SENT_ITEMS: ObjectId = 5;
    /// Deleted Items (`PR_IPM_WASTEBASKET_ENTRYID`).
    pub const DELETED_ITEMS: ObjectId = 6;
    /// Views (`PR_VIEWS_ENTRYID`).
    pub const VIEWS: ObjectId = 7;
    /// Common Views (`PR_COMMON_VIEWS_ENTRYID`).
    pub const COMMON_VIEWS: ObjectId = 8;
}

/// What an entry ID of this provider names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryTarget {
    /// A message store, by number (the 24-byte store entry ID).
    Store(u32),
    /// A folder of this store.
    Folder(ObjectId),
    /// A message of this store.
    Message(ObjectId),
}

const KIND_FOLDER: u32 = 1;
const KIND_MESSAGE: u32 = 2;
const OBJECT_EID_LEN: usize = 4 + 16 + 16 + 4 + 8;

/// The first ID of named properties.
pub const FIRST_NAMED_ID: u16 = 0x8000;

/// The id half of a tag, as the property maps key it.
pub fn pid(tag: ULONG) -> u16 {
    PROP_ID(tag) as u16
}

/// Properties a client may not set: the store computes them.
const COMPUTED: &[ULONG] = &[
    PR_ENTRYID,
    PR_RECORD_KEY,
    PR_STORE_ENTRYID,
    PR_STORE_RECORD_KEY,
    PR_PARENT_ENTRYID,
    PR_OBJECT_TYPE,
    PR_MESSAGE_SIZE,
    PR_HASATTACH,
    PR_DISPLAY_TO_W,
    PR_DISPLAY_CC_W,
    PR_DISPLAY_BCC_W,
    PR_CONTENT_COUNT,
    PR_CONTENT_UNREAD,
    PR_ASSOC_CONTENT_COUNT,
    PR_SUBFOLDERS,
    PR_FOLDER_TYPE,
    PR_ACCESS,
    PR_ACCESS_LEVEL,
    PR_MDB_PROVIDER,
    PR_ATTACH_NUM,
    PR_ATTACH_SIZE,
    PR_ROWID,
    PR_INSTANCE_KEY,
];

/// Whether property `tag` is computed (read-only).
pub fn is_computed(tag: ULONG) -> bool {
    COMPUTED.iter().any(|&t| PROP_ID(t) == PROP_ID(tag))
}

/// One message store: its backend and the rules MAPI gives it.
pub struct Engine {
    backend: Box<dyn Backend>,
    number: u32,
    /// The file its entry ID names ([`store_entry_id_in`]), if any.
    file: Option<PathBuf>,
    guid: [u8; 16],
    /// Serialises compound changes (check, then apply) within the process.
    write: Mutex<()>,
    names: Mutex<Names>,
    /// Who hears of committed changes (open tables, logons with advise
    /// sinks); dead ones are dropped at the next publication.
    listeners: Mutex<Vec<Weak<dyn StoreListener>>>,
    /// How many listeners were added and not yet found dead: a write with
    /// none derives no events (and takes no lock to find out).
    listening: std::sync::atomic::AtomicUsize,
}

/// What happened to an object in a committed batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// It is new.
    Created,
    /// Its properties changed.
    Modified,
    /// It is gone.
    Deleted,
    /// It moved to another folder (same number).
    Moved,
    /// It is a new copy of another object.
    Copied,
}

/// One object's change in a committed batch ([`StoreListener`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreEvent {
    /// What happened.
    pub kind: EventKind,
    /// A folder (`false`: a message).
    pub folder: bool,
    /// Its number.
    pub id: ObjectId,
    /// Its parent folder (after a move or copy: the new one; after a
    /// deletion: the one it was in).
    pub parent: ObjectId,
    /// For a move: the folder it was in; for a copy: the original's.
    pub old_parent: Option<ObjectId>,
    /// For a copy: the original.
    pub source: Option<ObjectId>,
    /// A folder-associated message.
    pub associated: bool,
}

/// Hears of every committed batch of a store, after the commit, with no
/// lock of the store held (open tables, logons with advise sinks).
pub trait StoreListener: Send + Sync {
    /// `events` were committed, in this order.
    fn changed(&self, engine: &Engine, events: &[StoreEvent]);
}

/// The store's write lock, held for one compound change: applies batches,
/// and when released publishes what they changed to the listeners.
pub(crate) struct Write<'a> {
    engine: &'a Engine,
    guard: Option<MutexGuard<'a, ()>>,
    /// Whether anyone listens (events are derived only then).
    listening: bool,
    events: Vec<StoreEvent>,
    /// (copy, original) of the objects copied by this change.
    copies: Vec<(ObjectId, ObjectId)>,
}

impl Write<'_> {
    /// Records that `copy` is a new copy of `original`.
    fn copied(&mut self, copy: ObjectId, original: ObjectId) {
        if self.listening {
            self.copies.push((copy, original));
        }
    }

    /// Applies `changes` (all or nothing), noting what they change.
    fn apply(&mut self, changes: Vec<Change>) -> MapiResult<()> {
        let events = if self.listening {
            self.derive(&changes)?
        } else {
            Vec::new()
        };
        self.engine.backend.apply(changes)?;
        self.events.extend(events);
        Ok(())
    }

    /// The events `changes` make, from the state before them.
    fn derive(&self, changes: &[Change]) -> MapiResult<Vec<StoreEvent>> {
        let backend = &*self.engine.backend;
        let source = |id| self.copies.iter().find(|(c, _)| *c == id).map(|(_, o)| *o);
        let mut out = Vec::with_capacity(changes.len());
        for change in changes {
            let event = |kind, folder, id, parent, old_parent, associated| StoreEvent {
                kind,
                folder,
                id,
                parent,
                old_parent,
                source: None,
                associated,
            };
            let e = match change {
                Change::PutFolder(r) => match backend.folder(r.id)? {
                    None => match source(r.id) {
                        Some(original) => StoreEvent {
                            source: Some(original),
                            ..event(
                                EventKind::Copied,
                                true,
                                r.id,
                                r.parent,
                                backend.folder(original)?.map(|f| f.parent),
                                false,
                            )
                        },
                        None => event(EventKind::Created, true, r.id, r.parent, None, false),
                    },
                    Some(p) if p.parent != r.parent => event(
                        EventKind::Moved,
                        true,
                        r.id,
                        r.parent,
                        Some(p.parent),
                        false,
                    ),
                    Some(_) => event(EventKind::Modified, true, r.id, r.parent, None, false),
                },
                Change::DeleteFolder(id) => match backend.folder(*id)? {
                    Some(p) => event(EventKind::Deleted, true, *id, p.parent, None, false),
                    None => continue,
                },
                Change::PutMessage(m) => match backend.message_location(m.id)? {
                    None => match source(m.id) {
                        Some(original) => StoreEvent {
                            source: Some(original),
                            ..event(
                                EventKind::Copied,
                                false,
                                m.id,
                                m.folder,
                                backend.message_location(original)?.map(|(f, _)| f),
                                m.associated,
                            )
                        },
                        None => event(
                            EventKind::Created,
                            false,
                            m.id,
                            m.folder,
                            None,
                            m.associated,
                        ),
                    },
                    Some((f, _)) if f != m.folder => event(
                        EventKind::Moved,
                        false,
                        m.id,
                        m.folder,
                        Some(f),
                        m.associated,
                    ),
                    Some(_) => event(
                        EventKind::Modified,
                        false,
                        m.id,
                        m.folder,
                        None,
                        m.associated,
                    ),
                },
                Change::DeleteMessage(id) => match backend.message_location(*id)? {
                    Some((f, assoc)) => event(EventKind::Deleted, false, *id, f, None, assoc),
                    None => continue,
                },
                Change::SetReceiveFolder(..) | Change::PutName(..) => continue,
            };
            out.push(e);
        }
        Ok(out)
    }
}

impl Drop for Write<'_> {
    fn drop(&mut self) {
        // The lock first: listeners read the store and call the host.
        drop(self.guard.take());
        if !self.events.is_empty() {
            let events = std::mem::take(&mut self.events);
            self.engine.publish(&events);
        }
    }
}

#[derive(Default)]
struct Names {
    by_name: BTreeMap<PropName, u16>,
    by_id: BTreeMap<u16, PropName>,
}

fn text(s: &str) -> PropValue {
    PropValue::String(s.to_owned())
}

fn props_of(list: &[(ULONG, PropValue)]) -> Props {
    list.iter().map(|(t, v)| (pid(*t), v.clone())).collect()
}

fn display_name(props: &Props) -> Option<&str> {
    match props.get(&pid(PR_DISPLAY_NAME_W)) {
        Some(PropValue::String(s)) => Some(s),
        _ => None,
    }
}

fn long(props: &Props, tag: ULONG) -> ULONG {
    match props.get(&pid(tag)) {
        Some(PropValue::Long(v)) => *v,
        _ => 0,
    }
}

/// The current time as a `FILETIME` count.
pub fn now_filetime() -> u64 {
    let since_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    116_444_736_000_000_000 + since_unix.as_nanos() as u64 / 100
}

impl Engine {
    /// Opens the store in `backend` (number `number` for its entry ID),
    /// creating the standard folders and receive folders when the store is
    /// new.
    pub fn open(backend: Box<dyn Backend>, number: u32) -> MapiResult<Self> {
        let guid = backend.store_guid();
        let engine = Engine {
            backend,
            number,
            file: None,
            guid,
            write: Mutex::new(()),
            names: Mutex::new(Names::default()),
            listeners: Mutex::new(Vec::new()),
            listening: std::sync::atomic::AtomicUsize::new(0),
        };
        if engine.backend.folder(folders::ROOT)?.is_none() {
            engine.create_standard_tree()?;
        }
        {
            let mut names = engine.names();
            for (id, name) in engine.backend.names()? {
                names.by_name.insert(name.clone(), id);
                names.by_id.insert(id, name);
            }
        }
        Ok(engine)
    }

    fn names(&self) -> MutexGuard<'_, Names> {
        self.names.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn lock(&self) -> Write<'_> {
        let guard = self.write.lock().unwrap_or_else(PoisonError::into_inner);
        Write {
            engine: self,
            guard: Some(guard),
            listening: self.listening.load(std::sync::atomic::Ordering::Acquire) > 0,
            events: Vec::new(),
            copies: Vec::new(),
        }
    }

    fn listeners(&self) -> MutexGuard<'_, Vec<Weak<dyn StoreListener>>> {
        self.listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a listener, held weakly: it stops hearing when it is dropped.
    pub fn listen(&self, listener: Weak<dyn StoreListener>) {
        let mut l = self.listeners();
        l.retain(|w| w.strong_count() > 0);
        l.push(listener);
        self.listening
            .store(l.len(), std::sync::atomic::Ordering::Release);
    }

    /// Hands `events` to every live listener (no lock held while they run).
    fn publish(&self, events: &[StoreEvent]) {
        let live: Vec<Arc<dyn StoreListener>> = {
            let mut l = self.listeners();
            l.retain(|w| w.strong_count() > 0);
            self.listening
                .store(l.len(), std::sync::atomic::Ordering::Release);
            l.iter().filter_map(Weak::upgrade).collect()
        };
        for listener in live {
            listener.changed(self, events);
        }
    }

    fn create_standard_tree(&self) -> MapiResult<()> {
        use folders::*;
        let now = PropValue::SysTime(now_filetime());
        let folder = |id, parent, name: &str, class: Option<&str>| {
            let mut props = props_of(&[
                (PR_DISPLAY_NAME_W, text(name)),
                (PR_CREATION_TIME, now.clone()),
                (PR_LAST_MODIFICATION_TIME, now.clone()),
            ]);
            if let Some(c) = class {
                props.insert(pid(PR_CONTAINER_CLASS_W), text(c));
            }
            Change::PutFolder(FolderRecord { id, parent, props })
        };
        let changes = vec![
            folder(ROOT, ROOT, "", None),
            folder(IPM_SUBTREE, ROOT, "Top of Information Store", None),
            folder(INBOX, IPM_SUBTREE, "Inbox", Some("IPF.Note")),
            folder(OUTBOX, IPM_SUBTREE, "Outbox", Some("IPF.Note")),
            folder(SENT_ITEMS, IPM_SUBTREE, "Sent Items", Some("IPF.Note")),
            folder(
                DELETED_ITEMS,
                IPM_SUBTREE,
                "Deleted Items",
                Some("IPF.Note"),
            ),
            folder(VIEWS, ROOT, "Views", None),
            folder(COMMON_VIEWS, ROOT, "Common Views", None),
            Change::SetReceiveFolder(String::new(), Some(INBOX)),
            Change::SetReceiveFolder("IPM".into(), Some(INBOX)),
            Change::SetReceiveFolder("REPORT.IPM".into(), Some(INBOX)),
            Change::SetReceiveFolder("IPC".into(), Some(ROOT)),
        ];
        self.backend.apply(changes)
    }

    /// The store's number (its entry ID names it).
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The same store, its entry ID naming `file` (a store kept in a file
    /// a profile or an entry ID named: [`store_entry_id_in`]).
    pub fn named_by(mut self, file: Option<PathBuf>) -> Self {
        self.file = file;
        self
    }

    /// The file the store's entry ID names, if any.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The store's identity.
    pub fn guid(&self) -> [u8; 16] {
        self.guid
    }

    /// The backend.
    pub fn backend(&self) -> &dyn Backend {
        &*self.backend
    }

    // ----- entry IDs -------------------------------------------------------

    /// The store's entry ID: `00000000 | PROVIDER_UID | number LE`, then
    /// the store's file when one names it ([`store_entry_id_in`]).
    pub fn store_entry_id(&self) -> Vec<u8> {
        store_entry_id_in(self.number, self.file.as_deref())
    }

    /// Whether `entry_id` is a store entry ID naming this store: its
    /// number, and its file if it names one (an entry ID without a file
    /// names the store by number alone).
    pub fn is_own_store_entry_id(&self, entry_id: &[u8]) -> MapiResult<bool> {
        let number = parse_store_entry_id(entry_id)?;
        let file = store_entry_file(entry_id)?;
        Ok(number == self.number && file.is_none_or(|f| Some(f.as_path()) == self.file()))
    }

    /// The store's record key (`PR_STORE_RECORD_KEY`).
    pub fn store_record_key(&self) -> Vec<u8> {
        self.guid.to_vec()
    }

    fn object_entry_id(&self, kind: u32, id: ObjectId) -> Vec<u8> {
        let mut e = Vec::with_capacity(OBJECT_EID_LEN);
        e.extend_from_slice(&[0; 4]);
        e.extend_from_slice(&PROVIDER_UID);
        e.extend_from_slice(&self.guid);
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&id.to_le_bytes());
        e
    }

    /// A folder's entry ID.
    pub fn folder_entry_id(&self, id: ObjectId) -> Vec<u8> {
        self.object_entry_id(KIND_FOLDER, id)
    }

    /// A message's entry ID.
    pub fn message_entry_id(&self, id: ObjectId) -> Vec<u8> {
        self.object_entry_id(KIND_MESSAGE, id)
    }

    /// An object's record key (`PR_RECORD_KEY`): store identity + number.
    pub fn record_key(&self, id: ObjectId) -> Vec<u8> {
        let mut k = self.guid.to_vec();
        k.extend_from_slice(&id.to_le_bytes());
        k
    }

    /// What `entry_id` names: `MAPI_E_INVALID_ENTRYID` for anything that is
    /// not an entry ID of this provider and this store (truncated, short
    /// term, another provider's, another store's).
    pub fn parse_entry_id(&self, entry_id: &[u8]) -> MapiResult<EntryTarget> {
        if let Ok(n) = parse_store_entry_id(entry_id) {
            // Another store's file is another store, whatever its number.
            return match store_entry_file(entry_id)? {
                Some(f) if Some(f.as_path()) != self.file() => Err(MapiError::InvalidEntryId),
                _ => Ok(EntryTarget::Store(n)),
            };
        }
        if entry_id.len() != OBJECT_EID_LEN
            || entry_id[..4] != [0; 4]
            || entry_id[4..20] != PROVIDER_UID
            || entry_id[20..36] != self.guid
        {
            return Err(MapiError::InvalidEntryId);
        }
        let mut kind = [0u8; 4];
        let mut id = [0u8; 8];
        kind.copy_from_slice(&entry_id[36..40]);
        id.copy_from_slice(&entry_id[40..48]);
        let (kind, id) = (u32::from_le_bytes(kind), u64::from_le_bytes(id));
        match kind {
            KIND_FOLDER => Ok(EntryTarget::Folder(id)),
            KIND_MESSAGE => Ok(EntryTarget::Message(id)),
            _ => Err(MapiError::InvalidEntryId),
        }
    }

    /// A folder entry ID of this store, or `MAPI_E_INVALID_ENTRYID`.
    pub fn parse_folder(&self, entry_id: &[u8]) -> MapiResult<ObjectId> {
        match self.parse_entry_id(entry_id)? {
            EntryTarget::Folder(id) => Ok(id),
            _ => Err(MapiError::InvalidEntryId),
        }
    }

    /// A message entry ID of this store, or `MAPI_E_INVALID_ENTRYID`.
    pub fn parse_message(&self, entry_id: &[u8]) -> MapiResult<ObjectId> {
        match self.parse_entry_id(entry_id)? {
            EntryTarget::Message(id) => Ok(id),
            _ => Err(MapiError::InvalidEntryId),
        }
    }

    // ----- store ------------------------------------------------------------

    /// The store-level properties that name the standard folders.
    pub fn store_folder_props(&self) -> Vec<(ULONG, PropValue)> {
        use folders::*;
        let eid = |id| PropValue::Binary(self.folder_entry_id(id));
        vec![
            (PR_IPM_SUBTREE_ENTRYID, eid(IPM_SUBTREE)),
            (PR_IPM_OUTBOX_ENTRYID, eid(OUTBOX)),
            (PR_IPM_SENTMAIL_ENTRYID, eid(SENT_ITEMS)),
            (PR_IPM_WASTEBASKET_ENTRYID, eid(DELETED_ITEMS)),
            (PR_VIEWS_ENTRYID, eid(VIEWS)),
            (PR_COMMON_VIEWS_ENTRYID, eid(COMMON_VIEWS)),
            (
                PR_VALID_FOLDER_MASK,
                PropValue::Long(
                    FOLDER_IPM_SUBTREE_VALID
                        | FOLDER_IPM_INBOX_VALID
                        | FOLDER_IPM_OUTBOX_VALID
                        | FOLDER_IPM_WASTEBASKET_VALID
                        | FOLDER_IPM_SENTMAIL_VALID
                        | FOLDER_VIEWS_VALID
                        | FOLDER_COMMON_VIEWS_VALID,
                ),
            ),
        ]
    }

    /// `GetReceiveFolder`: the folder for `class` (the longest
    /// case-insensitive prefix match, on `.` boundaries) and the class it
    /// was set for.
    pub fn receive_folder(&self, class: &str) -> MapiResult<(ObjectId, String)> {
        let lower = class.to_ascii_lowercase();
        let best = self
            .backend
            .receive_folders()?
            .into_iter()
            .filter(|(c, _)| {
                let c = c.to_ascii_lowercase();
                c.is_empty()
                    || lower == c
                    || (lower.starts_with(&c) && lower.as_bytes().get(c.len()) == Some(&b'.'))
            })
            .max_by_key(|(c, _)| c.len());
        let (set_for, folder) = best.ok_or(MapiError::NotFound)?;
        Ok((folder, set_for))
    }

    /// `SetReceiveFolder`: `None` removes `class`'s own setting (the
    /// default class `""` cannot be removed: `MAPI_E_NO_ACCESS`).
    pub fn set_receive_folder(&self, class: &str, folder: Option<ObjectId>) -> MapiResult<()> {
        if class.len() > 255 || class.starts_with('.') || class.ends_with('.') {
            return Err(MapiError::InvalidParameter);
        }
        let mut w = self.lock();
        if let Some(f) = folder {
            self.check_folder(f)?;
        } else if class.is_empty() {
            return Err(MapiError::Other(MAPI_E_NO_ACCESS));
        }
        // One setting per class, case-insensitively: replace the old one.
        let mut changes: Vec<Change> = self
            .backend
            .receive_folders()?
            .into_iter()
            .filter(|(c, _)| c.eq_ignore_ascii_case(class))
            .map(|(c, _)| Change::SetReceiveFolder(c, None))
            .collect();
        if folder.is_some() {
            changes.push(Change::SetReceiveFolder(class.to_owned(), folder));
        }
        w.apply(changes)
    }

    // ----- named properties -------------------------------------------------

    /// `GetIDsFromNames`.
    pub fn ids_from_names(&self, names: &[PropName], create: bool) -> MapiResult<Vec<Option<u16>>> {
        let mut ids = Vec::with_capacity(names.len());
        let mut map = self.names();
        for name in names {
            let id = match map.by_name.get(name) {
                Some(&id) => Some(id),
                None if create => {
                    let next = map
                        .by_id
                        .keys()
                        .next_back()
                        .map_or(Some(FIRST_NAMED_ID), |&last| last.checked_add(1))
                        .filter(|&n| n < 0xFFFF)
                        .ok_or(MapiError::NotEnoughMemory)?;
                    self.backend
                        .apply(vec![Change::PutName(next, name.clone())])?;
                    map.by_name.insert(name.clone(), next);
                    map.by_id.insert(next, name.clone());
                    Some(next)
                }
                None => None,
            };
            ids.push(id);
        }
        Ok(ids)
    }

    /// `GetNamesFromIDs`.
    pub fn names_from_ids(&self, ids: &[u16]) -> Vec<Option<PropName>> {
        let map = self.names();
        ids.iter().map(|id| map.by_id.get(id).cloned()).collect()
    }

    /// Every mapped name.
    pub fn all_names(&self) -> Vec<(u16, PropName)> {
        let map = self.names();
        map.by_id.iter().map(|(i, n)| (*i, n.clone())).collect()
    }

    // ----- folders -----------------------------------------------------------

    /// A folder's record, or `MAPI_E_NOT_FOUND`.
    pub fn folder(&self, id: ObjectId) -> MapiResult<FolderRecord> {
        self.backend.folder(id)?.ok_or(MapiError::NotFound)
    }

    /// `MAPI_E_NOT_FOUND` unless folder `id` exists.
    pub fn check_folder(&self, id: ObjectId) -> MapiResult<()> {
        if self.backend.folder_exists(id)? {
            Ok(())
        } else {
            Err(MapiError::NotFound)
        }
    }

    /// A folder's counts.
    pub fn counts(&self, id: ObjectId) -> MapiResult<FolderCounts> {
        self.backend.counts(id)
    }

    /// A folder's properties, stored and computed.
    pub fn folder_props(&self, id: ObjectId, write: bool) -> MapiResult<Props> {
        let record = self.folder(id)?;
        let counts = self.backend.counts(id)?;
        let mut props = record.props;
        let computed = [
            (PR_ENTRYID, PropValue::Binary(self.folder_entry_id(id))),
            (PR_RECORD_KEY, PropValue::Binary(self.record_key(id))),
            (
                PR_PARENT_ENTRYID,
                PropValue::Binary(self.folder_entry_id(record.parent)),
            ),
            (PR_OBJECT_TYPE, PropValue::Long(MAPI_FOLDER)),
            (
                PR_FOLDER_TYPE,
                PropValue::Long(if id == folders::ROOT {
                    FOLDER_ROOT
                } else {
                    FOLDER_GENERIC
                }),
            ),
            (PR_CONTENT_COUNT, PropValue::Long(counts.messages)),
            (PR_CONTENT_UNREAD, PropValue::Long(counts.unread)),
            (PR_ASSOC_CONTENT_COUNT, PropValue::Long(counts.associated)),
            (PR_SUBFOLDERS, PropValue::Boolean(counts.folders > 0)),
            (PR_STORE_ENTRYID, PropValue::Binary(self.store_entry_id())),
            (
                PR_STORE_RECORD_KEY,
                PropValue::Binary(self.store_record_key()),
            ),
            (PR_MDB_PROVIDER, PropValue::Binary(PROVIDER_UID.to_vec())),
            (PR_ACCESS_LEVEL, PropValue::Long(ULONG::from(write))),
        ];
        props.extend(computed.into_iter().map(|(t, v)| (pid(t), v)));
        if display_name(&props).is_none() {
            props.insert(pid(PR_DISPLAY_NAME_W), text(""));
        }
        Ok(props)
    }

    fn child_named(&self, parent: ObjectId, name: &str) -> MapiResult<Option<ObjectId>> {
        for id in self.backend.subfolders(parent)? {
            if let Some(f) = self.backend.folder(id)? {
                if display_name(&f.props).is_some_and(|n| n.to_lowercase() == name.to_lowercase()) {
                    return Ok(Some(id));
                }
            }
        }
        Ok(None)
    }

    /// Updates a folder's stored properties (a rename is checked for
    /// collisions with its siblings: the problem `MAPI_E_COLLISION`).
    pub fn update_folder(
        &self,
        id: ObjectId,
        set: Vec<(ULONG, PropValue)>,
        delete: &[ULONG],
    ) -> MapiResult<Option<SCODE>> {
        let mut w = self.lock();
        let mut record = self.folder(id)?;
        for (tag, value) in set {
            if PROP_ID(tag) == PROP_ID(PR_DISPLAY_NAME_W) {
                let PropValue::String(name) = &value else {
                    return Ok(Some(MAPI_E_INVALID_TYPE));
                };
                if id != folders::ROOT
                    && self
                        .child_named(record.parent, name)?
                        .is_some_and(|o| o != id)
                {
                    return Ok(Some(MAPI_E_COLLISION));
                }
            }
            record.props.insert(pid(tag), value);
        }
        for tag in delete {
            record.props.remove(&pid(*tag));
        }
        record.props.insert(
            pid(PR_LAST_MODIFICATION_TIME),
            PropValue::SysTime(now_filetime()),
        );
        w.apply(vec![Change::PutFolder(record)])?;
        Ok(None)
    }

    /// `CreateFolder` under `parent`.
    pub fn create_folder(
        &self,
        parent: ObjectId,
        name: &str,
        comment: Option<&str>,
        open_if_exists: bool,
    ) -> MapiResult<ObjectId> {
        if name.is_empty() {
            return Err(MapiError::InvalidParameter);
        }
        let mut w = self.lock();
        self.folder(parent)?;
        if let Some(existing) = self.child_named(parent, name)? {
            return if open_if_exists {
                Ok(existing)
            } else {
                Err(MapiError::Other(MAPI_E_COLLISION))
            };
        }
        let id = self.backend.next_id()?;
        let now = PropValue::SysTime(now_filetime());
        let mut props = props_of(&[
            (PR_DISPLAY_NAME_W, text(name)),
            (PR_CREATION_TIME, now.clone()),
            (PR_LAST_MODIFICATION_TIME, now),
        ]);
        if let Some(c) = comment {
            props.insert(pid(PR_COMMENT_W), text(c));
        }
        w.apply(vec![Change::PutFolder(FolderRecord { id, parent, props })])?;
        Ok(id)
    }

    /// Every folder under `id` (not `id` itself), parents before children.
    pub(crate) fn descendants(&self, id: ObjectId) -> MapiResult<Vec<ObjectId>> {
        let mut out = Vec::new();
        let mut queue = self.backend.subfolders(id)?;
        while let Some(f) = queue.pop() {
            out.push(f);
            queue.extend(self.backend.subfolders(f)?);
        }
        Ok(out)
    }

    fn delete_contents(
        &self,
        folder: ObjectId,
        associated: bool,
        changes: &mut Vec<Change>,
    ) -> MapiResult<()> {
        for m in self.backend.messages(folder, false)? {
            changes.push(Change::DeleteMessage(m));
        }
        if associated {
            for m in self.backend.messages(folder, true)? {
                changes.push(Change::DeleteMessage(m));
            }
        }
        Ok(())
    }

    /// `DeleteFolder` of `child`, a direct subfolder of `parent`.
    pub fn delete_folder(&self, parent: ObjectId, child: ObjectId, flags: ULONG) -> MapiResult<()> {
        let mut w = self.lock();
        let record = self.folder(child)?;
        if record.parent != parent || child == parent {
            return Err(MapiError::NotFound);
        }
        if child <= folders::COMMON_VIEWS {
            return Err(MapiError::Other(MAPI_E_NO_ACCESS));
        }
        let counts = self.backend.counts(child)?;
        if counts.folders > 0 && flags & DEL_FOLDERS == 0 {
            return Err(MapiError::Other(MAPI_E_HAS_FOLDERS));
        }
        if counts.messages + counts.associated > 0 && flags & DEL_MESSAGES == 0 {
            return Err(MapiError::Other(MAPI_E_HAS_MESSAGES));
        }
        let mut all = self.descendants(child)?;
        all.insert(0, child);
        let mut changes = Vec::new();
        for f in all.iter().rev() {
            self.delete_contents(*f, true, &mut changes)?;
            changes.push(Change::DeleteFolder(*f));
        }
        w.apply(changes)
    }

    /// `EmptyFolder`: every message (associated ones with `DEL_ASSOCIATED`)
    /// and every subfolder of `id`.
    pub fn empty_folder(&self, id: ObjectId, flags: ULONG) -> MapiResult<()> {
        let mut w = self.lock();
        self.folder(id)?;
        let mut changes = Vec::new();
        self.delete_contents(id, flags & DEL_ASSOCIATED != 0, &mut changes)?;
        for f in self.descendants(id)?.iter().rev() {
            if *f <= folders::COMMON_VIEWS {
                continue;
            }
            self.delete_contents(*f, true, &mut changes)?;
            changes.push(Change::DeleteFolder(*f));
        }
        w.apply(changes)
    }

    /// `CopyFolder`: copies (deep with `COPY_SUBFOLDERS`) or moves
    /// (`FOLDER_MOVE`) `child` of `parent` into `dest`, named `new_name`.
    pub fn copy_folder(
        &self,
        parent: ObjectId,
        child: ObjectId,
        dest: ObjectId,
        new_name: Option<&str>,
        flags: ULONG,
    ) -> MapiResult<()> {
        let mut w = self.lock();
        let mut record = self.folder(child)?;
        if record.parent != parent {
            return Err(MapiError::NotFound);
        }
        self.folder(dest)?;
        let subtree = self.descendants(child)?;
        if dest == child || subtree.contains(&dest) {
            return Err(MapiError::Other(MAPI_E_FOLDER_CYCLE));
        }
        let name = match new_name {
            Some("") => return Err(MapiError::InvalidParameter),
            Some(n) => n.to_owned(),
            None => display_name(&record.props).unwrap_or_default().to_owned(),
        };
        if self.child_named(dest, &name)?.is_some_and(|o| o != child) {
            return Err(MapiError::Other(MAPI_E_COLLISION));
        }
        record
            .props
            .insert(pid(PR_DISPLAY_NAME_W), PropValue::String(name));
        if flags & FOLDER_MOVE != 0 {
            if child <= folders::COMMON_VIEWS {
                return Err(MapiError::Other(MAPI_E_NO_ACCESS));
            }
            record.parent = dest;
            return w.apply(vec![Change::PutFolder(record)]);
        }
        let mut changes = Vec::new();
        self.copy_tree(
            &mut w,
            record,
            dest,
            flags & COPY_SUBFOLDERS != 0,
            &mut changes,
        )?;
        w.apply(changes)
    }

    fn copy_tree(
        &self,
        w: &mut Write<'_>,
        mut record: FolderRecord,
        dest: ObjectId,
        deep: bool,
        changes: &mut Vec<Change>,
    ) -> MapiResult<()> {
        let old = record.id;
        record.id = self.backend.next_id()?;
        record.parent = dest;
        let new = record.id;
        w.copied(new, old);
        changes.push(Change::PutFolder(record));
        for assoc in [false, true] {
            for m in self.backend.messages(old, assoc)? {
                if let Some(msg) = self.backend.message(m)? {
                    changes.push(Change::PutMessage(self.copy_of(w, msg, new)?));
                }
            }
        }
        if deep {
            for sub in self.backend.subfolders(old)? {
                let r = self.folder(sub)?;
                self.copy_tree(w, r, new, true, changes)?;
            }
        }
        Ok(())
    }

    fn copy_of(
        &self,
        w: &mut Write<'_>,
        mut msg: MessageRecord,
        folder: ObjectId,
    ) -> MapiResult<MessageRecord> {
        let original = msg.id;
        msg.id = self.backend.next_id()?;
        w.copied(msg.id, original);
        msg.folder = folder;
        msg.version = 1;
        Ok(msg)
    }

    // ----- messages ----------------------------------------------------------

    /// A message's record, or `MAPI_E_NOT_FOUND`.
    pub fn message(&self, id: ObjectId) -> MapiResult<MessageRecord> {
        self.backend.message(id)?.ok_or(MapiError::NotFound)
    }

    /// A fresh message number.
    pub fn next_id(&self) -> MapiResult<ObjectId> {
        self.backend.next_id()
    }

    /// Stores `record` (one transaction): a new message, or a new version
    /// of one saved before. `expected`: the version the caller's copy was
    /// made from (`None`: new); a stored version other than that is
    /// `MAPI_E_OBJECT_CHANGED` unless `force`, a deleted message
    /// `MAPI_E_OBJECT_DELETED`. Returns the new version.
    pub fn save_message(
        &self,
        mut record: MessageRecord,
        expected: Option<u64>,
        force: bool,
    ) -> MapiResult<u64> {
        let mut w = self.lock();
        match (self.backend.message_version(record.id)?, expected) {
            (None, Some(_)) => return Err(MapiError::Other(MAPI_E_OBJECT_DELETED)),
            (Some(stored), Some(v)) if stored != v && !force => {
                return Err(MapiError::Other(MAPI_E_OBJECT_CHANGED))
            }
            (Some(stored), _) => record.version = stored + 1,
            (None, None) => record.version = 1,
        }
        self.check_folder(record.folder)?;
        let version = record.version;
        w.apply(vec![Change::PutMessage(record)])?;
        Ok(version)
    }

    /// The messages `entry_ids` names that are in `folder`; the others
    /// (foreign, gone, elsewhere) are counted as missed.
    fn messages_in(
        &self,
        folder: ObjectId,
        entry_ids: &[&[u8]],
    ) -> MapiResult<(Vec<MessageRecord>, bool)> {
        let mut found: Vec<MessageRecord> = Vec::new();
        let mut missed = false;
        for eid in entry_ids {
            match self
                .parse_message(eid)
                .ok()
                .map(|id| self.backend.message(id))
            {
                // A message named twice is acted on once (the fuzzer found
                // a move listing one twice putting it twice in a table).
                Some(Ok(Some(m))) if found.iter().any(|f| f.id == m.id) => {}
                Some(Ok(Some(m))) if m.folder == folder => found.push(m),
                Some(Err(e)) => return Err(e),
                _ => missed = true,
            }
        }
        Ok((found, missed))
    }

    /// `CopyMessages` (`MESSAGE_MOVE`) from `folder` to `dest`; `true` when
    /// some entry IDs named no message of `folder`. A message named twice
    /// is copied (moved) once.
    pub fn copy_messages(
        &self,
        folder: ObjectId,
        entry_ids: &[&[u8]],
        dest: ObjectId,
        flags: ULONG,
    ) -> MapiResult<bool> {
        let mut w = self.lock();
        self.check_folder(dest)?;
        let (found, missed) = self.messages_in(folder, entry_ids)?;
        let mut changes = Vec::new();
        for mut m in found {
            if flags & MESSAGE_MOVE != 0 {
                m.folder = dest;
                m.version += 1;
                changes.push(Change::PutMessage(m));
            } else {
                changes.push(Change::PutMessage(self.copy_of(&mut w, m, dest)?));
            }
        }
        w.apply(changes)?;
        Ok(missed)
    }

    /// `DeleteMessages` from `folder`.
    pub fn delete_messages(&self, folder: ObjectId, entry_ids: &[&[u8]]) -> MapiResult<bool> {
        let mut w = self.lock();
        let (found, missed) = self.messages_in(folder, entry_ids)?;
        w.apply(
            found
                .into_iter()
                .map(|m| Change::DeleteMessage(m.id))
                .collect(),
        )?;
        Ok(missed)
    }

    /// Changes stored messages of `folder` in place (read flags, status):
    /// `f` returns whether it changed the record.
    pub fn update_messages(
        &self,
        folder: ObjectId,
        entry_ids: Option<&[&[u8]]>,
        mut f: impl FnMut(&mut MessageRecord) -> bool,
    ) -> MapiResult<bool> {
        let mut w = self.lock();
        let (found, missed) = match entry_ids {
            Some(ids) => self.messages_in(folder, ids)?,
            None => {
                let mut all = Vec::new();
                for id in self.backend.messages(folder, false)? {
                    all.extend(self.backend.message(id)?);
                }
                (all, false)
            }
        };
        let mut changes = Vec::new();
        for mut m in found {
            if f(&mut m) {
                m.version += 1;
                changes.push(Change::PutMessage(m));
            }
        }
        w.apply(changes)?;
        Ok(missed)
    }

    /// The message flags of a record.
    pub fn flags_of(m: &MessageRecord) -> ULONG {
        long(&m.props, PR_MESSAGE_FLAGS)
    }
}

/// The entry ID of store `number`: `00000000 | PROVIDER_UID | number LE`
/// (24 bytes; what names an in-memory store, or a store in
/// `MSLOGON_STORE_DIR`).
pub fn store_entry_id(number: u32) -> Vec<u8> {
    store_entry_id_in(number, None)
}

/// What follows the 24 bytes of [`store_entry_id`] in a store entry ID
/// that names a file, before the path (an object entry ID has 8 bytes of
/// its store's GUID there).
pub const STORE_FILE_MARK: [u8; 8] = *b"mslogon\x01";

/// The entry ID of store `number` kept in `file`: the 24 bytes of
/// [`store_entry_id`], [`STORE_FILE_MARK`], then the file's path (UTF-8
/// on Windows, the path's bytes elsewhere; no terminator), as a PST's
/// entry ID names its file: a
/// logon given it without a profile value opens that file, and two stores
/// of one profile have distinct entry IDs. A path that cannot be written
/// so (not Unicode on Windows, empty, with a NUL) is left out.
pub fn store_entry_id_in(number: u32, file: Option<&Path>) -> Vec<u8> {
    let path = file.and_then(path_bytes);
    let mut id = Vec::with_capacity(32 + path.map_or(0, <[u8]>::len));
    id.extend_from_slice(&[0; 4]);
    id.extend_from_slice(&PROVIDER_UID);
    id.extend_from_slice(&number.to_le_bytes());
    if let Some(p) = path {
        id.extend_from_slice(&STORE_FILE_MARK);
        id.extend_from_slice(p);
    }
    id
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    use std::os::unix::ffi::OsStrExt;
    Some(path.as_os_str().as_bytes()).filter(|b| !b.is_empty() && !b.contains(&0))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    path.to_str()
        .map(str::as_bytes)
        .filter(|b| !b.is_empty() && !b.contains(&0))
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

/// The store number in a store entry ID of this provider (with or without
/// a file): `MAPI_E_INVALID_ENTRYID` for anything else.
pub fn parse_store_entry_id(entry_id: &[u8]) -> MapiResult<u32> {
    match entry_id {
        [0, 0, 0, 0, rest @ ..] if rest.len() >= 20 && rest[..16] == PROVIDER_UID => {
            match &rest[20..] {
                [] => {}
                tail if tail.len() > 8
                    && tail[..8] == STORE_FILE_MARK
                    && !tail[8..].contains(&0) => {}
                _ => return Err(MapiError::InvalidEntryId),
            }
            Ok(u32::from_le_bytes([rest[16], rest[17], rest[18], rest[19]]))
        }
        _ => Err(MapiError::InvalidEntryId),
    }
}

/// The file a store entry ID of this provider names (`None`: it names
/// the store by number alone); `MAPI_E_INVALID_ENTRYID` for anything that
/// is not a store entry ID of this provider, or names a relative path.
pub fn store_entry_file(entry_id: &[u8]) -> MapiResult<Option<PathBuf>> {
    parse_store_entry_id(entry_id)?;
    match entry_id.get(32..) {
        None => Ok(None),
        Some(path) => path_of(path)
            .filter(|p| p.is_absolute())
            .map(Some)
            .ok_or(MapiError::InvalidEntryId),
    }
}
