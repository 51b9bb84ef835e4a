//! The reference store's objects: folders, messages, attachments and the
//! status object, implementing the [`crate::provider`] traits over an
//! [`Engine`]. Messages and attachments are transacted: each open message
//! works on its own copy, stored whole by `SaveChanges`.
//!
//! Large values (binary and string properties of at least
//! [`LARGE_VALUE_THRESHOLD`] bytes: bodies, attachment data) are kept apart
//! from the other properties ([`Large`]): opening a message does not read
//! them; `OpenProperty(IID_IStream)` streams them in chunks from the store;
//! `GetProps`, `GetPropList`-driven copies and table columns or
//! restrictions that name one load it whole when asked (the API hands out
//! the whole value); a save that does not change one carries its stored
//! reference over.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::backend::{
    load_large, split_large, stream_bytes, stream_value, AttachmentRecord, Large, LargeSource,
    LargeValue, MessageRecord, ObjectId, Props, LARGE_VALUE_THRESHOLD,
};
use super::engine::{folders, is_computed, now_filetime, pid, Engine, EntryTarget, PROVIDER_UID};
use crate::mapi::*;
use crate::provider::{
    Attachment, Folder, MapiProp, Message, NamedProps, Opened, PropName, PropProblem, PropValue,
    Status,
};

fn answer(props: &Props, tags: &[ULONG]) -> Vec<Option<PropValue>> {
    tags.iter().map(|t| props.get(&pid(*t)).cloned()).collect()
}

fn tags_of(props: &Props) -> Vec<ULONG> {
    props
        .iter()
        .map(|(id, v)| PROP_TAG(v.prop_type(), ULONG::from(*id)))
        .collect()
}

/// The tag type a large value reports (strings as `PT_UNICODE`, as a
/// stored string does).
fn large_type(v: &LargeValue) -> ULONG {
    if v.prop_type == PT_BINARY {
        PT_BINARY
    } else {
        PT_UNICODE
    }
}

/// [`tags_of`] `props` and `large`, in property-ID order.
fn tags_with_large(props: &Props, large: &Large) -> Vec<ULONG> {
    let mut all: Vec<(u16, ULONG)> = props
        .iter()
        .map(|(id, v)| (*id, v.prop_type()))
        .chain(large.iter().map(|(id, v)| (*id, large_type(v))))
        .collect();
    all.sort_unstable_by_key(|(id, _)| *id);
    all.into_iter()
        .map(|(id, t)| PROP_TAG(t, ULONG::from(id)))
        .collect()
}

/// A message's or an attachment's properties: the small ones and the
/// large values.
#[derive(Clone, Default)]
struct Bag {
    props: Props,
    large: Large,
}

impl Bag {
    /// Property `id`: a large value loaded whole (from the store when it
    /// is there).
    fn get(&self, engine: &Engine, id: u16) -> MapiResult<Option<PropValue>> {
        match self.props.get(&id) {
            Some(v) => Ok(Some(v.clone())),
            None => self
                .large
                .get(&id)
                .map(|l| load_large(engine.backend(), l))
                .transpose(),
        }
    }

    fn has_data(&self) -> bool {
        self.large
            .values()
            .any(|l| matches!(l.source, LargeSource::Data(_)))
    }

    /// Stores committed stream bytes of property `tag`: a small value
    /// among the properties, a large one (checked, not converted) among
    /// the large values.
    fn put_stream(&mut self, tag: ULONG, bytes: Arc<Vec<u8>>) -> MapiResult<()> {
        let id = pid(tag);
        let t = PROP_TYPE(tag);
        if (bytes.len() as u64) < LARGE_VALUE_THRESHOLD {
            let v = stream_value(t, &bytes)?;
            self.large.remove(&id);
            self.props.insert(id, v);
        } else {
            check_stream_bytes(t, &bytes)?;
            self.props.remove(&id);
            self.large.insert(id, LargeValue::data(t, bytes));
        }
        Ok(())
    }
}

/// `MAPI_E_BAD_VALUE` unless `bytes` are a string of type `t` (UTF-16LE
/// or UTF-8), checked without making the string.
fn check_stream_bytes(t: ULONG, bytes: &[u8]) -> MapiResult<()> {
    let ok = match t {
        PT_UNICODE => {
            bytes.len().is_multiple_of(2)
                && char::decode_utf16(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                )
                .all(|c| c.is_ok())
        }
        PT_STRING8 => std::str::from_utf8(bytes).is_ok(),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(MapiError::Other(MAPI_E_BAD_VALUE))
    }
}

fn problem(index: usize, tag: ULONG, scode: SCODE) -> PropProblem {
    PropProblem { index, tag, scode }
}

/// Applies `SetProps` to `props`: computed properties (and `read_only`
/// ones) are problems, the rest replace what was there.
fn set_into(
    props: &mut Props,
    large: &mut Large,
    list: Vec<(usize, ULONG, PropValue)>,
    read_only: &[ULONG],
) -> Vec<PropProblem> {
    let mut problems = Vec::new();
    for (i, tag, value) in list {
        if is_computed(tag) || read_only.iter().any(|&t| PROP_ID(t) == PROP_ID(tag)) {
            problems.push(problem(i, tag, MAPI_E_COMPUTED));
        } else if PROP_ID(tag) == 0 || PROP_ID(tag) == PROP_ID_INVALID {
            problems.push(problem(i, tag, MapiError::InvalidParameter.hresult()));
        } else {
            large.remove(&pid(tag));
            props.insert(pid(tag), value);
        }
    }
    problems
}

fn delete_from(props: &mut Props, large: &mut Large, tags: &[ULONG]) -> Vec<PropProblem> {
    let mut problems = Vec::new();
    for (i, &tag) in tags.iter().enumerate() {
        if is_computed(tag) {
            problems.push(problem(i, tag, MAPI_E_COMPUTED));
        } else {
            props.remove(&pid(tag));
            large.remove(&pid(tag));
        }
    }
    problems
}

fn no_access() -> MapiError {
    MapiError::Other(MAPI_E_NO_ACCESS)
}

/// `MAPI_E_NO_ACCESS` unless the object was opened for writing.
fn require_write(write: bool) -> MapiResult<()> {
    if write {
        Ok(())
    } else {
        Err(no_access())
    }
}

impl NamedProps for Engine {
    fn ids_from_names(&self, names: &[PropName], create: bool) -> MapiResult<Vec<Option<u16>>> {
        Engine::ids_from_names(self, names, create)
    }
    fn names_from_ids(&self, ids: &[u16]) -> MapiResult<Vec<Option<PropName>>> {
        Ok(Engine::names_from_ids(self, ids))
    }
    fn all_names(&self) -> MapiResult<Vec<(u16, PropName)>> {
        Ok(Engine::all_names(self))
    }
}

/// Opens what `entry_id` names in `engine` (`None`: the root folder),
/// with the access `flags` ask for (`MAPI_MODIFY`, `MAPI_BEST_ACCESS`) as
/// far as the logon allows (`store_writable`: it was opened with
/// `MDB_WRITE`): `MAPI_MODIFY` on a read-only logon is `MAPI_E_NO_ACCESS`,
/// `MAPI_BEST_ACCESS` gives read-only.
pub fn open_entry(
    engine: &Arc<Engine>,
    entry_id: Option<&[u8]>,
    flags: ULONG,
    store_writable: bool,
) -> MapiResult<Opened> {
    if flags & MAPI_MODIFY != 0 && !store_writable {
        return Err(no_access());
    }
    let write = flags & (MAPI_MODIFY | MAPI_BEST_ACCESS) != 0 && store_writable;
    let target = match entry_id {
        None => EntryTarget::Folder(folders::ROOT),
        Some(eid) => engine.parse_entry_id(eid)?,
    };
    match target {
        EntryTarget::Store(n) if n == engine.number() => Ok(Opened::Store),
        EntryTarget::Store(_) => Err(MapiError::InvalidEntryId),
        EntryTarget::Folder(id) => {
            engine.check_folder(id)?;
            Ok(Opened::Folder(Box::new(FolderObject::new(
                engine.clone(),
                id,
                write,
                store_writable,
            ))))
        }
        EntryTarget::Message(id) => {
            let record = engine.message(id)?;
            Ok(Opened::Message(Box::new(MessageObject::open(
                engine.clone(),
                record,
                write,
            ))))
        }
    }
}

/// A folder of the reference store. Folder properties and operations take
/// effect at once (folders are not transacted); `SaveChanges` is a no-op.
pub struct FolderObject {
    engine: Arc<Engine>,
    id: ObjectId,
    write: bool,
    store_writable: bool,
}

impl FolderObject {
    /// Folder `id` of `engine`, writable when `write` (`MAPI_MODIFY`); what
    /// it opens may be writable when `store_writable` (`MDB_WRITE`).
    pub fn new(engine: Arc<Engine>, id: ObjectId, write: bool, store_writable: bool) -> Self {
        FolderObject {
            engine,
            id,
            write: write && store_writable,
            store_writable,
        }
    }

    fn writable(&self) -> MapiResult<()> {
        require_write(self.write)
    }
}

impl MapiProp for FolderObject {
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        Ok(answer(
            &self.engine.folder_props(self.id, self.write)?,
            tags,
        ))
    }

    fn prop_list(&self) -> MapiResult<Vec<ULONG>> {
        Ok(tags_of(&self.engine.folder_props(self.id, self.write)?))
    }

    fn set_props(&self, props: Vec<(usize, ULONG, PropValue)>) -> MapiResult<Vec<PropProblem>> {
        self.writable()?;
        let mut problems = Vec::new();
        let mut ok = Vec::new();
        for (i, tag, value) in props {
            if is_computed(tag) {
                problems.push(problem(i, tag, MAPI_E_COMPUTED));
            } else {
                ok.push((i, tag, value));
            }
        }
        for (i, tag, value) in ok {
            if let Some(sc) = self
                .engine
                .update_folder(self.id, vec![(tag, value)], &[])?
            {
                problems.push(problem(i, tag, sc));
            }
        }
        Ok(problems)
    }

    fn delete_props(&self, tags: &[ULONG]) -> MapiResult<Vec<PropProblem>> {
        self.writable()?;
        let mut scratch = Props::new();
        let problems = delete_from(&mut scratch, &mut Large::new(), tags);
        let deletable: Vec<ULONG> = tags.iter().copied().filter(|t| !is_computed(*t)).collect();
        self.engine.update_folder(self.id, Vec::new(), &deletable)?;
        Ok(problems)
    }

    fn save_changes(&self, _flags: ULONG) -> MapiResult<()> {
        // Folder changes were stored as they were made.
        self.engine.folder(self.id).map(drop)
    }

    fn named_props(&self) -> Option<&dyn NamedProps> {
        Some(&*self.engine)
    }

    fn open_property(
        &self,
        tag: ULONG,
        iid: &IID,
        options: ULONG,
        _flags: ULONG,
    ) -> MapiResult<Opened> {
        if *iid != IID_IMAPITable {
            // Folder properties are not streams.
            return Err(MapiError::NoSupport);
        }
        let wide = options & MAPI_UNICODE != 0;
        let table = match pid(tag) {
            id if id == pid(PR_CONTAINER_CONTENTS) => self.contents_table(false, wide)?,
            id if id == pid(PR_FOLDER_ASSOCIATED_CONTENTS) => self.contents_table(true, wide)?,
            id if id == pid(PR_CONTAINER_HIERARCHY) => self.hierarchy_table(false, wide)?,
            _ => return Err(MapiError::NoSupport),
        };
        Ok(Opened::Table(table))
    }
}

impl Folder for FolderObject {
    fn contents_table(
        &self,
        associated: bool,
        wide: bool,
    ) -> MapiResult<Box<dyn crate::table::Table>> {
        super::tables::contents_table(self.engine.clone(), self.id, associated, wide)
    }

    fn hierarchy_table(&self, deep: bool, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        super::tables::hierarchy_table(self.engine.clone(), self.id, deep, wide)
    }

    fn open_entry(&self, entry_id: Option<&[u8]>, flags: ULONG) -> MapiResult<Opened> {
        open_entry(&self.engine, entry_id, flags, self.store_writable)
    }

    fn create_message(&self, associated: bool) -> MapiResult<Box<dyn Message>> {
        self.writable()?;
        self.engine.check_folder(self.id)?;
        let id = self.engine.next_id()?;
        Ok(Box::new(MessageObject::create(
            self.engine.clone(),
            id,
            self.id,
            associated,
        )))
    }

    fn create_folder(
        &self,
        folder_type: ULONG,
        name: &str,
        comment: Option<&str>,
        open_if_exists: bool,
    ) -> MapiResult<Box<dyn Folder>> {
        if folder_type != FOLDER_GENERIC {
            // Search folders are not supported.
            return Err(MapiError::NoSupport);
        }
        self.writable()?;
        let id = self
            .engine
            .create_folder(self.id, name, comment, open_if_exists)?;
        Ok(Box::new(FolderObject::new(
            self.engine.clone(),
            id,
            true,
            self.store_writable,
        )))
    }

    fn delete_folder(&self, entry_id: &[u8], flags: ULONG) -> MapiResult<bool> {
        self.writable()?;
        let child = self.engine.parse_folder(entry_id)?;
        self.engine.delete_folder(self.id, child, flags)?;
        Ok(false)
    }

    fn copy_folder(
        &self,
        entry_id: &[u8],
        dest: &[u8],
        new_name: Option<&str>,
        flags: ULONG,
    ) -> MapiResult<bool> {
        if flags & FOLDER_MOVE != 0 {
            self.writable()?;
        }
        let child = self.engine.parse_folder(entry_id)?;
        let dest = self.engine.parse_folder(dest)?;
        self.engine
            .copy_folder(self.id, child, dest, new_name, flags)?;
        Ok(false)
    }

    fn copy_messages(&self, entry_ids: &[&[u8]], dest: &[u8], flags: ULONG) -> MapiResult<bool> {
        if flags & MESSAGE_MOVE != 0 {
            self.writable()?;
        }
        let dest = self.engine.parse_folder(dest)?;
        self.engine.copy_messages(self.id, entry_ids, dest, flags)
    }

    fn delete_messages(&self, entry_ids: &[&[u8]], _flags: ULONG) -> MapiResult<bool> {
        self.writable()?;
        self.engine.delete_messages(self.id, entry_ids)
    }

    fn set_read_flags(&self, entry_ids: Option<&[&[u8]]>, flags: ULONG) -> MapiResult<bool> {
        self.engine.update_messages(self.id, entry_ids, |m| {
            let old = Engine::flags_of(m);
            let new = read_flag_change(old, flags);
            m.props.insert(pid(PR_MESSAGE_FLAGS), PropValue::Long(new));
            new != old
        })
    }

    fn message_status(&self, entry_id: &[u8]) -> MapiResult<ULONG> {
        let id = self.engine.parse_message(entry_id)?;
        let m = self.engine.message(id)?;
        if m.folder != self.id {
            return Err(MapiError::NotFound);
        }
        Ok(match m.props.get(&pid(PR_MSG_STATUS)) {
            Some(PropValue::Long(s)) => *s,
            _ => 0,
        })
    }

    fn set_message_status(&self, entry_id: &[u8], status: ULONG, mask: ULONG) -> MapiResult<ULONG> {
        let mut old = None;
        let missed = self
            .engine
            .update_messages(self.id, Some(&[entry_id]), |m| {
                let before = match m.props.get(&pid(PR_MSG_STATUS)) {
                    Some(PropValue::Long(s)) => *s,
                    _ => 0,
                };
                old = Some(before);
                let after = (before & !mask) | (status & mask);
                m.props.insert(pid(PR_MSG_STATUS), PropValue::Long(after));
                after != before
            })?;
        match old {
            Some(o) if !missed => Ok(o),
            _ => Err(MapiError::NotFound),
        }
    }

    fn empty_folder(&self, flags: ULONG) -> MapiResult<bool> {
        self.writable()?;
        self.engine.empty_folder(self.id, flags)?;
        Ok(false)
    }
}

/// The read flag as `SetReadFlag(s)` leaves it.
fn read_flag_change(old: ULONG, flags: ULONG) -> ULONG {
    let mut new = old;
    if flags & (CLEAR_READ_FLAG | CLEAR_RN_PENDING | CLEAR_NRN_PENDING) == 0
        || flags & GENERATE_RECEIPT_ONLY != 0
    {
        new |= MSGFLAG_READ;
    }
    if flags & CLEAR_READ_FLAG != 0 {
        new &= !MSGFLAG_READ;
    }
    if flags & CLEAR_RN_PENDING != 0 {
        new &= !MSGFLAG_RN_PENDING;
    }
    if flags & CLEAR_NRN_PENDING != 0 {
        new &= !MSGFLAG_NRN_PENDING;
    }
    new
}

/// One open copy of a message: what `SaveChanges` stores.
struct MessageState {
    record: MessageRecord,
    /// The stored version this copy was made from (`None`: never saved).
    base: Option<u64>,
    write: bool,
    next_row: ULONG,
    next_attach: ULONG,
    attachments: BTreeMap<ULONG, Bag>,
}

/// A message of the reference store: a transacted property bag with
/// recipients and attachments.
pub struct MessageObject {
    engine: Arc<Engine>,
    state: Arc<Mutex<MessageState>>,
}

fn lock(state: &Mutex<MessageState>) -> MutexGuard<'_, MessageState> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl MessageObject {
    fn with_state(
        engine: Arc<Engine>,
        record: MessageRecord,
        base: Option<u64>,
        write: bool,
    ) -> Self {
        let next_row = record
            .recipients
            .iter()
            .filter_map(|r| match r.get(&pid(PR_ROWID)) {
                Some(PropValue::Long(n)) => Some(*n + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let attachments: BTreeMap<ULONG, Bag> = record
            .attachments
            .iter()
            .map(|a| {
                let bag = Bag {
                    props: a.props.clone(),
                    large: a.large.clone(),
                };
                (a.number, bag)
            })
            .collect();
        let next_attach = attachments.keys().next_back().map_or(0, |n| n + 1);
        MessageObject {
            engine,
            state: Arc::new(Mutex::new(MessageState {
                record,
                base,
                write,
                next_row,
                next_attach,
                attachments,
            })),
        }
    }

    /// A new, unsaved message in `folder`.
    pub fn create(engine: Arc<Engine>, id: ObjectId, folder: ObjectId, associated: bool) -> Self {
        let now = PropValue::SysTime(now_filetime());
        let flags = MSGFLAG_UNSENT | if associated { MSGFLAG_ASSOCIATED } else { 0 };
        let props: Props = [
            (pid(PR_MESSAGE_FLAGS), PropValue::Long(flags)),
            (pid(PR_CREATION_TIME), now.clone()),
            (pid(PR_LAST_MODIFICATION_TIME), now),
            (pid(PR_SEARCH_KEY), PropValue::Binary(engine.record_key(id))),
        ]
        .into_iter()
        .collect();
        let record = MessageRecord {
            id,
            folder,
            associated,
            version: 0,
            props,
            large: Large::new(),
            recipients: Vec::new(),
            attachments: Vec::new(),
        };
        MessageObject::with_state(engine, record, None, true)
    }

    /// A stored message, opened read-only or (`write`) read/write.
    pub fn open(engine: Arc<Engine>, record: MessageRecord, write: bool) -> Self {
        let base = Some(record.version);
        MessageObject::with_state(engine, record, base, write)
    }

    fn state(&self) -> MutexGuard<'_, MessageState> {
        lock(&self.state)
    }
}

fn display_list(recipients: &[Props], kind: ULONG) -> String {
    recipients
        .iter()
        .filter(|r| match r.get(&pid(PR_RECIPIENT_TYPE)) {
            Some(PropValue::Long(t)) => *t & 0xF == kind,
            _ => kind == MAPI_TO,
        })
        .filter_map(|r| match r.get(&pid(PR_DISPLAY_NAME_W)) {
            Some(PropValue::String(s)) => Some(s.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn props_size(props: &Props) -> usize {
    props.values().map(|v| 4 + v.size()).sum()
}

/// The size of `props` and `large` (large values by their length: not
/// read).
fn bag_size(props: &Props, large: &Large) -> usize {
    props_size(props)
        + large
            .values()
            .map(|l| 4 + usize::try_from(l.len).unwrap_or(usize::MAX))
            .fold(0usize, usize::saturating_add)
}

/// `PR_MESSAGE_FLAGS` of message `r` as `GetProps` reports it: the
/// stored flags with `MSGFLAG_HASATTACH` and `MSGFLAG_ASSOCIATED` computed.
pub(crate) fn message_flags(r: &MessageRecord, has_attach: bool) -> ULONG {
    Engine::flags_of(r)
        | if has_attach { MSGFLAG_HASATTACH } else { 0 }
        | if r.associated { MSGFLAG_ASSOCIATED } else { 0 }
}

/// `PR_MESSAGE_SIZE` of message `r` (with `attachments` its attachments'
/// properties and large values) as `GetProps` reports it: large values
/// count by their length, without being read.
pub(crate) fn message_size<'a>(
    r: &MessageRecord,
    attachments: impl Iterator<Item = (&'a Props, &'a Large)>,
) -> ULONG {
    let size = bag_size(&r.props, &r.large)
        + r.recipients.iter().map(props_size).sum::<usize>()
        + attachments
            .map(|(p, l)| bag_size(p, l))
            .fold(0usize, usize::saturating_add);
    ULONG::try_from(size).unwrap_or(ULONG::MAX)
}

/// Computed property `id` of message `r` (with `attachments` its
/// attachments' properties and large values), if it is one: only what is
/// asked for is computed. Shared by open messages and contents-table
/// rows, so both answer the same.
pub(crate) fn message_computed<'a, I: Iterator<Item = (&'a Props, &'a Large)>>(
    engine: &Engine,
    r: &MessageRecord,
    write: bool,
    id: u16,
    attachments: impl Fn() -> I,
) -> Option<PropValue> {
    let has_attach = || attachments().next().is_some();
    let is = |tag: ULONG| id == pid(tag);
    Some(if is(PR_ENTRYID) {
        PropValue::Binary(engine.message_entry_id(r.id))
    } else if is(PR_RECORD_KEY) {
        PropValue::Binary(engine.record_key(r.id))
    } else if is(PR_PARENT_ENTRYID) {
        PropValue::Binary(engine.folder_entry_id(r.folder))
    } else if is(PR_STORE_ENTRYID) {
        PropValue::Binary(engine.store_entry_id())
    } else if is(PR_STORE_RECORD_KEY) {
        PropValue::Binary(engine.store_record_key())
    } else if is(PR_MDB_PROVIDER) {
        PropValue::Binary(PROVIDER_UID.to_vec())
    } else if is(PR_OBJECT_TYPE) {
        PropValue::Long(MAPI_MESSAGE)
    } else if is(PR_MESSAGE_FLAGS) {
        PropValue::Long(message_flags(r, has_attach()))
    } else if is(PR_HASATTACH) {
        PropValue::Boolean(has_attach())
    } else if is(PR_MESSAGE_SIZE) {
        PropValue::Long(message_size(r, attachments()))
    } else if is(PR_DISPLAY_TO_W) {
        PropValue::String(display_list(&r.recipients, MAPI_TO))
    } else if is(PR_DISPLAY_CC_W) {
        PropValue::String(display_list(&r.recipients, MAPI_CC))
    } else if is(PR_DISPLAY_BCC_W) {
        PropValue::String(display_list(&r.recipients, MAPI_BCC))
    } else if is(PR_ACCESS_LEVEL) {
        PropValue::Long(ULONG::from(write))
    } else {
        return None;
    })
}

/// The properties a message computes (read-only), in `GetPropList` order.
const MESSAGE_COMPUTED: [ULONG; 14] = [
    PR_ENTRYID,
    PR_RECORD_KEY,
    PR_PARENT_ENTRYID,
    PR_STORE_ENTRYID,
    PR_STORE_RECORD_KEY,
    PR_MDB_PROVIDER,
    PR_OBJECT_TYPE,
    PR_MESSAGE_FLAGS,
    PR_HASATTACH,
    PR_MESSAGE_SIZE,
    PR_DISPLAY_TO_W,
    PR_DISPLAY_CC_W,
    PR_DISPLAY_BCC_W,
    PR_ACCESS_LEVEL,
];

impl MessageState {
    /// Computed property `id`, if it is one: only what is asked for is
    /// computed.
    fn computed(&self, engine: &Engine, id: u16) -> Option<PropValue> {
        let attachments = || self.attachments.values().map(|b| (&b.props, &b.large));
        message_computed(engine, &self.record, self.write, id, attachments)
    }

    /// Property `tag`: computed, stored, or a large value loaded whole.
    fn prop(&self, engine: &Engine, tag: ULONG) -> MapiResult<Option<PropValue>> {
        let id = pid(tag);
        if let Some(v) = self.computed(engine, id) {
            return Ok(Some(v));
        }
        if let Some(v) = self.record.props.get(&id) {
            return Ok(Some(v.clone()));
        }
        self.record
            .large
            .get(&id)
            .map(|l| load_large(engine.backend(), l))
            .transpose()
    }

    /// Every property tag, large values' included (none is read).
    fn all_tags(&self, engine: &Engine) -> Vec<ULONG> {
        let mut props = Props::new();
        for tag in MESSAGE_COMPUTED {
            if let Some(v) = self.computed(engine, pid(tag)) {
                props.insert(pid(tag), v);
            }
        }
        let mut large = self.record.large.clone();
        for (id, v) in &self.record.props {
            if !props.contains_key(id) {
                props.insert(*id, v.clone());
            }
        }
        large.retain(|id, _| !props.contains_key(id));
        tags_with_large(&props, &large)
    }

    /// Splits the large values off the working copy (as the store keeps
    /// them).
    fn split(&mut self) {
        split_large(&mut self.record.props, &mut self.record.large);
        for bag in self.attachments.values_mut() {
            split_large(&mut bag.props, &mut bag.large);
        }
    }

    fn has_data(&self) -> bool {
        self.record
            .large
            .values()
            .any(|l| matches!(l.source, LargeSource::Data(_)))
            || self.attachments.values().any(Bag::has_data)
    }

    fn writable(&self) -> MapiResult<()> {
        require_write(self.write)
    }
}

impl MapiProp for MessageObject {
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        let s = self.state();
        tags.iter().map(|&t| s.prop(&self.engine, t)).collect()
    }

    fn visit_props(
        &self,
        tags: &[ULONG],
        f: &mut dyn FnMut(usize, Option<&PropValue>) -> MapiResult<()>,
    ) -> MapiResult<()> {
        let s = self.state();
        for (i, &tag) in tags.iter().enumerate() {
            match s.computed(&self.engine, pid(tag)) {
                Some(v) => f(i, Some(&v))?,
                None => match s.record.props.get(&pid(tag)) {
                    Some(v) => f(i, Some(v))?,
                    None => {
                        let v = s.prop(&self.engine, tag)?;
                        f(i, v.as_ref())?
                    }
                },
            }
        }
        Ok(())
    }

    fn prop_list(&self) -> MapiResult<Vec<ULONG>> {
        Ok(self.state().all_tags(&self.engine))
    }

    fn set_props(&self, props: Vec<(usize, ULONG, PropValue)>) -> MapiResult<Vec<PropProblem>> {
        let mut s = self.state();
        s.writable()?;
        // PR_MESSAGE_FLAGS may be set until the first save.
        let read_only: &[ULONG] = if s.base.is_some() {
            &[PR_MESSAGE_FLAGS]
        } else {
            &[]
        };
        let s = &mut *s;
        Ok(set_into(
            &mut s.record.props,
            &mut s.record.large,
            props,
            read_only,
        ))
    }

    fn delete_props(&self, tags: &[ULONG]) -> MapiResult<Vec<PropProblem>> {
        let mut s = self.state();
        s.writable()?;
        let s = &mut *s;
        Ok(delete_from(&mut s.record.props, &mut s.record.large, tags))
    }

    fn save_changes(&self, flags: ULONG) -> MapiResult<()> {
        let mut s = self.state();
        s.writable()?;
        let modified = PropValue::SysTime(now_filetime());
        s.split();
        let mut record = s.record.clone();
        record.attachments = s
            .attachments
            .iter()
            .map(|(n, b)| AttachmentRecord {
                number: *n,
                props: b.props.clone(),
                large: b.large.clone(),
            })
            .collect();
        record
            .props
            .insert(pid(PR_LAST_MODIFICATION_TIME), modified.clone());
        // One copy goes to the store; this object keeps its own (its
        // attachments live in `attachments`).
        let version = self
            .engine
            .save_message(record, s.base, flags & FORCE_SAVE != 0)?;
        s.record
            .props
            .insert(pid(PR_LAST_MODIFICATION_TIME), modified);
        s.record.version = version;
        s.base = Some(version);
        if s.has_data() {
            // Take the stored references of the large values just written:
            // the next save carries them over instead of writing them
            // again, and the bytes held in memory are let go.
            if let Ok(stored) = self.engine.message(s.record.id) {
                if stored.version == version {
                    s.record.large = stored.large;
                    for a in stored.attachments {
                        if let Some(bag) = s.attachments.get_mut(&a.number) {
                            bag.large = a.large;
                        }
                    }
                }
            }
        }
        // Without KEEP_OPEN_READWRITE the object stays readable only.
        s.write = flags & KEEP_OPEN_READWRITE != 0;
        Ok(())
    }

    fn named_props(&self) -> Option<&dyn NamedProps> {
        Some(&*self.engine)
    }

    fn open_property(
        &self,
        tag: ULONG,
        iid: &IID,
        options: ULONG,
        flags: ULONG,
    ) -> MapiResult<Opened> {
        if *iid == IID_IMAPITable {
            let wide = options & MAPI_UNICODE != 0;
            return match pid(tag) {
                id if id == pid(PR_MESSAGE_RECIPIENTS) => {
                    self.recipient_table(wide).map(Opened::Table)
                }
                id if id == pid(PR_MESSAGE_ATTACHMENTS) => {
                    self.attachment_table(wide).map(Opened::Table)
                }
                _ => Err(MapiError::NoSupport),
            };
        }
        let s = self.state();
        let write = stream_request(iid, flags, s.write)?;
        let state = self.state.clone();
        let commit: CommitFn = Box::new(move |bytes| {
            let mut s = lock(&state);
            s.writable()?;
            let s = &mut *s;
            let mut bag = Bag {
                props: std::mem::take(&mut s.record.props),
                large: std::mem::take(&mut s.record.large),
            };
            let out = bag.put_stream(tag, bytes);
            s.record.props = bag.props;
            s.record.large = bag.large;
            out
        });
        BufferStream::open(
            self.engine.clone(),
            &s.record.props,
            &s.record.large,
            tag,
            flags,
            write,
            commit,
        )
        .map(Opened::Stream)
    }
}

impl Message for MessageObject {
    fn recipient_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let s = self.state();
        let rows = s
            .record
            .recipients
            .iter()
            .map(|r| {
                let id = match r.get(&pid(PR_ROWID)) {
                    Some(PropValue::Long(n)) => u64::from(*n),
                    _ => 0,
                };
                (id, r.clone())
            })
            .collect();
        super::tables::recipient_table(rows, wide)
    }

    fn attachment_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let s = self.state();
        let rows = s
            .attachments
            .iter()
            .map(|(n, b)| {
                let mut large = b.large.clone();
                let props = attachment_props(*n, b);
                large.retain(|id, _| !props.contains_key(id));
                (u64::from(*n), props, large)
            })
            .collect();
        super::tables::attachment_table(self.engine.clone(), rows, wide)
    }

    fn modify_recipients(
        &self,
        flags: ULONG,
        rows: Vec<Vec<(ULONG, PropValue)>>,
    ) -> MapiResult<()> {
        let mut s = self.state();
        s.writable()?;
        let row_id = |row: &[(ULONG, PropValue)]| {
            row.iter().find_map(|(t, v)| match v {
                PropValue::Long(n) if PROP_ID(*t) == PROP_ID(PR_ROWID) => Some(*n),
                _ => None,
            })
        };
        let props_of = |row: Vec<(ULONG, PropValue)>, id: ULONG| -> Props {
            let mut p: Props = row
                .into_iter()
                .filter(|(t, _)| PROP_ID(*t) != PROP_ID(PR_ROWID))
                .map(|(t, v)| (pid(t), v))
                .collect();
            p.entry(pid(PR_RECIPIENT_TYPE))
                .or_insert(PropValue::Long(MAPI_TO));
            p.insert(pid(PR_ROWID), PropValue::Long(id));
            p
        };
        let find = |s: &MessageState, id: ULONG| {
            s.record
                .recipients
                .iter()
                .position(|r| r.get(&pid(PR_ROWID)) == Some(&PropValue::Long(id)))
        };
        match flags & (MODRECIP_ADD | MODRECIP_MODIFY | MODRECIP_REMOVE) {
            0 | MODRECIP_ADD => {
                // Check everything before changing anything.
                let mut rows_out = Vec::with_capacity(rows.len());
                let mut next = if flags == 0 { 0 } else { s.next_row };
                for row in rows {
                    rows_out.push(props_of(row, next));
                    next = next.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
                }
                if flags == 0 {
                    s.record.recipients.clear();
                }
                s.record.recipients.extend(rows_out);
                s.next_row = next;
            }
            MODRECIP_MODIFY | MODRECIP_REMOVE => {
                let mut targets = Vec::with_capacity(rows.len());
                for row in rows {
                    let id = row_id(&row).ok_or(MapiError::InvalidParameter)?;
                    find(&s, id).ok_or(MapiError::NotFound)?;
                    targets.push((id, row));
                }
                for (id, row) in targets {
                    let Some(at) = find(&s, id) else { continue };
                    if flags & MODRECIP_REMOVE != 0 {
                        s.record.recipients.remove(at);
                    } else {
                        s.record.recipients[at] = props_of(row, id);
                    }
                }
            }
            _ => return Err(MapiError::InvalidParameter),
        }
        Ok(())
    }

    fn create_attach(&self) -> MapiResult<(ULONG, Box<dyn Attachment>)> {
        let mut s = self.state();
        s.writable()?;
        let number = s.next_attach;
        s.next_attach = number.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
        let mut props = Props::new();
        props.insert(pid(PR_ATTACH_METHOD), PropValue::Long(NO_ATTACHMENT));
        let attach = AttachObject {
            engine: self.engine.clone(),
            message: self.state.clone(),
            number,
            props: SharedBag::new(Bag {
                props,
                large: Large::new(),
            }),
            write: true,
        };
        Ok((number, Box::new(attach)))
    }

    fn open_attach(&self, number: ULONG, write: bool) -> MapiResult<Box<dyn Attachment>> {
        let s = self.state();
        if write {
            s.writable()?;
        }
        let props = s
            .attachments
            .get(&number)
            .cloned()
            .ok_or(MapiError::NotFound)?;
        Ok(Box::new(AttachObject {
            engine: self.engine.clone(),
            message: self.state.clone(),
            number,
            props: SharedBag::new(props),
            write,
        }))
    }

    fn delete_attach(&self, number: ULONG) -> MapiResult<()> {
        let mut s = self.state();
        s.writable()?;
        s.attachments
            .remove(&number)
            .map(drop)
            .ok_or(MapiError::NotFound)
    }

    fn set_read_flag(&self, flags: ULONG) -> MapiResult<()> {
        let mut s = self.state();
        let old = Engine::flags_of(&s.record);
        let new = read_flag_change(old, flags);
        s.record
            .props
            .insert(pid(PR_MESSAGE_FLAGS), PropValue::Long(new));
        // The read state of a saved message is stored at once.
        if s.base.is_some() {
            let eid = self.engine.message_entry_id(s.record.id);
            let folder = s.record.folder;
            self.engine.update_messages(folder, Some(&[&eid]), |m| {
                m.props.insert(
                    pid(PR_MESSAGE_FLAGS),
                    PropValue::Long(read_flag_change(Engine::flags_of(m), flags)),
                );
                true
            })?;
            if let Ok(stored) = self.engine.message(s.record.id) {
                s.base = Some(stored.version);
            }
        }
        Ok(())
    }
}

/// An attachment: its own copy of the properties, committed into the
/// message's copy by its `SaveChanges` (and stored with the message's).
pub struct AttachObject {
    engine: Arc<Engine>,
    message: Arc<Mutex<MessageState>>,
    number: ULONG,
    props: SharedBag,
    write: bool,
}

/// An attachment's working properties, shared with its open streams.
#[derive(Clone, Default)]
struct SharedBag(Arc<Mutex<Bag>>);

impl SharedBag {
    fn new(bag: Bag) -> Self {
        SharedBag(Arc::new(Mutex::new(bag)))
    }
    fn lock(&self) -> MutexGuard<'_, Bag> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An attachment's properties with the computed ones (`PR_ATTACH_NUM`,
/// `PR_OBJECT_TYPE`, `PR_ATTACH_SIZE`): what its `GetProps` and its
/// attachment-table row answer (large values apart: not read here).
fn attachment_props(number: ULONG, stored: &Bag) -> Props {
    let mut props = stored.props.clone();
    let size = bag_size(&stored.props, &stored.large);
    props.insert(pid(PR_ATTACH_NUM), PropValue::Long(number));
    props.insert(pid(PR_OBJECT_TYPE), PropValue::Long(MAPI_ATTACH));
    props.insert(
        pid(PR_ATTACH_SIZE),
        PropValue::Long(ULONG::try_from(size).unwrap_or(ULONG::MAX)),
    );
    props
}

impl AttachObject {
    fn props(&self) -> MutexGuard<'_, Bag> {
        self.props.lock()
    }

    /// The small and computed properties, and the large values.
    fn all_props(&self) -> Bag {
        let bag = self.props();
        let mut props = attachment_props(self.number, &bag);
        props.insert(
            pid(PR_ACCESS_LEVEL),
            PropValue::Long(ULONG::from(self.write)),
        );
        let mut large = bag.large.clone();
        large.retain(|id, _| !props.contains_key(id));
        Bag { props, large }
    }
}

impl MapiProp for AttachObject {
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        let all = self.all_props();
        tags.iter()
            .map(|&t| all.get(&self.engine, pid(t)))
            .collect()
    }

    fn prop_list(&self) -> MapiResult<Vec<ULONG>> {
        let all = self.all_props();
        Ok(tags_with_large(&all.props, &all.large))
    }

    fn set_props(&self, props: Vec<(usize, ULONG, PropValue)>) -> MapiResult<Vec<PropProblem>> {
        require_write(self.write)?;
        let mut bag = self.props();
        let bag = &mut *bag;
        Ok(set_into(&mut bag.props, &mut bag.large, props, &[]))
    }

    fn delete_props(&self, tags: &[ULONG]) -> MapiResult<Vec<PropProblem>> {
        require_write(self.write)?;
        let mut bag = self.props();
        let bag = &mut *bag;
        Ok(delete_from(&mut bag.props, &mut bag.large, tags))
    }

    fn save_changes(&self, _flags: ULONG) -> MapiResult<()> {
        require_write(self.write)?;
        let props = self.props().clone();
        let mut m = lock(&self.message);
        m.writable()?;
        m.attachments.insert(self.number, props);
        Ok(())
    }

    fn open_property(
        &self,
        tag: ULONG,
        iid: &IID,
        _options: ULONG,
        flags: ULONG,
    ) -> MapiResult<Opened> {
        let write = stream_request(iid, flags, self.write)?;
        let props = self.props.clone();
        let commit: CommitFn = Box::new(move |bytes| props.lock().put_stream(tag, bytes));
        let bag = self.props();
        BufferStream::open(
            self.engine.clone(),
            &bag.props,
            &bag.large,
            tag,
            flags,
            write,
            commit,
        )
        .map(Opened::Stream)
    }
}

impl Attachment for AttachObject {}

/// The status object of a logon (`MAPI_STATUS`, `IMSLogon::
/// OpenStatusEntry`).
pub struct StatusObject {
    engine: Arc<Engine>,
    display_name: String,
}

impl StatusObject {
    /// The status of the store `engine`, displayed as `display_name`.
    pub fn new(engine: Arc<Engine>, display_name: String) -> Self {
        StatusObject {
            engine,
            display_name,
        }
    }

    fn props(&self) -> Props {
        let entries = [
            (
                PR_DISPLAY_NAME_W,
                PropValue::String(self.display_name.clone()),
            ),
            (
                PR_PROVIDER_DISPLAY_W,
                PropValue::String("mslogon reference store".into()),
            ),
            (PR_PROVIDER_DLL_NAME_W, PropValue::String("mslogon".into())),
            (PR_RESOURCE_TYPE, PropValue::Long(MAPI_STORE_PROVIDER)),
            (PR_RESOURCE_METHODS, PropValue::Long(STATUS_VALIDATE_STATE)),
            (PR_RESOURCE_FLAGS, PropValue::Long(0)),
            (PR_STATUS_CODE, PropValue::Long(STATUS_AVAILABLE)),
            (PR_STATUS_STRING_W, PropValue::String("available".into())),
            (PR_OBJECT_TYPE, PropValue::Long(MAPI_STATUS)),
            (
                PR_STORE_ENTRYID,
                PropValue::Binary(self.engine.store_entry_id()),
            ),
        ];
        entries.into_iter().map(|(t, v)| (pid(t), v)).collect()
    }
}

impl MapiProp for StatusObject {
    fn get_props(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        Ok(answer(&self.props(), tags))
    }

    fn prop_list(&self) -> MapiResult<Vec<ULONG>> {
        Ok(tags_of(&self.props()))
    }
}

impl Status for StatusObject {
    fn validate_state(&self, _flags: ULONG) -> MapiResult<()> {
        // The store is usable when its root folder can be read.
        self.engine.folder(folders::ROOT).map(drop)
    }
}

/// Where a committed stream goes: its bytes (see [`Bag::put_stream`]).
type CommitFn = Box<dyn Fn(Arc<Vec<u8>>) -> MapiResult<()> + Send + Sync>;

/// What a stream shows while nothing is written to it.
enum Base {
    /// Bytes in memory: a small value's, or a large value held in memory
    /// (shared with the object, not copied).
    Bytes(Arc<Vec<u8>>),
    /// A large value in the store, read in chunks at each `Read`.
    Stored { id: i64, len: u64 },
}

struct StreamState {
    /// The value as opened or last committed.
    base: Base,
    /// The working copy, made at the first `Write` or `SetSize` (the only
    /// copy of what is written: `Commit` hands it to the object).
    data: Option<Vec<u8>>,
    position: u64,
}

impl StreamState {
    fn len(&self) -> u64 {
        match (&self.data, &self.base) {
            (Some(d), _) => d.len() as u64,
            (None, Base::Bytes(b)) => b.len() as u64,
            (None, Base::Stored { len, .. }) => *len,
        }
    }

    /// The working copy, made from the base if there is none yet.
    fn working(&mut self, engine: &Engine) -> MapiResult<&mut Vec<u8>> {
        if self.data.is_none() {
            self.data = Some(match &self.base {
                Base::Bytes(b) => b.to_vec(),
                Base::Stored { id, len } => engine.backend().load_large(*id, *len)?,
            });
        }
        Ok(self.data.get_or_insert_with(Vec::new))
    }
}

/// An `IStream` over one property value. A stored large value is read in
/// chunks from the store at each `Read` (`STG_E_REVERTED` once a save
/// by anyone replaced or removed it); what is written goes to one working
/// buffer, which `Commit` hands to the owning object's working copy (whose
/// own `SaveChanges` then stores it).
pub struct BufferStream {
    engine: Arc<Engine>,
    state: Mutex<StreamState>,
    write: bool,
    commit: CommitFn,
}

/// The most bytes a property stream holds (MAPI's sizes are 32-bit).
const MAX_STREAM: u64 = u32::MAX as u64;

fn stg(code: HRESULT) -> MapiError {
    MapiError::Other(code)
}

impl BufferStream {
    fn lock(&self) -> MutexGuard<'_, StreamState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Opens property `tag` of `props`/`large` as a stream (`MAPI_CREATE`:
    /// empty, made if missing); `commit` stores it back.
    fn open(
        engine: Arc<Engine>,
        props: &Props,
        large: &Large,
        tag: ULONG,
        flags: ULONG,
        write: bool,
        commit: CommitFn,
    ) -> MapiResult<Box<dyn crate::provider::PropStream>> {
        let t = PROP_TYPE(tag);
        if !matches!(t, PT_BINARY | PT_UNICODE | PT_STRING8) || is_computed(tag) {
            // Objects, tables and other types are not streams.
            return Err(MapiError::NoSupport);
        }
        let invalid = || MapiError::Other(MAPI_E_INVALID_TYPE);
        let id = pid(tag);
        let base = if flags & MAPI_CREATE != 0 {
            Base::Bytes(Arc::default())
        } else if let Some(v) = props.get(&id) {
            Base::Bytes(Arc::new(stream_bytes(t, v).ok_or_else(invalid)?))
        } else if let Some(l) = large.get(&id) {
            match (&l.source, l.prop_type == t) {
                (LargeSource::Data(d), true) => Base::Bytes(d.clone()),
                (LargeSource::Stored(sid), true) => Base::Stored {
                    id: *sid,
                    len: l.len,
                },
                // The other string type: converted, whole.
                _ if t != PT_BINARY && l.prop_type != PT_BINARY => {
                    let v = load_large(engine.backend(), l)?;
                    Base::Bytes(Arc::new(stream_bytes(t, &v).ok_or_else(invalid)?))
                }
                _ => return Err(invalid()),
            }
        } else {
            return Err(MapiError::NotFound);
        };
        Ok(Box::new(BufferStream {
            engine,
            state: Mutex::new(StreamState {
                base,
                data: None,
                position: 0,
            }),
            write,
            commit,
        }))
    }
}

impl crate::provider::PropStream for BufferStream {
    fn read(&self, buf: &mut [u8]) -> MapiResult<usize> {
        let mut s = self.lock();
        let len = s.len();
        let start = s.position.min(len);
        let n = usize::try_from(len - start)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let at = start as usize;
        let n = match (&s.data, &s.base) {
            (Some(d), _) => {
                buf[..n].copy_from_slice(&d[at..at + n]);
                n
            }
            (None, Base::Bytes(b)) => {
                buf[..n].copy_from_slice(&b[at..at + n]);
                n
            }
            (None, Base::Stored { id, .. }) if n > 0 => {
                let got = self
                    .engine
                    .backend()
                    .read_large(*id, start, &mut buf[..n])?;
                if got != n {
                    // Shorter than when it was opened: not this value.
                    return Err(stg(STG_E_REVERTED));
                }
                got
            }
            (None, Base::Stored { .. }) => 0,
        };
        if n > 0 {
            s.position = start + n as u64;
        }
        Ok(n)
    }

    fn write(&self, data: &[u8]) -> MapiResult<usize> {
        if !self.write {
            return Err(stg(STG_E_ACCESSDENIED));
        }
        let mut s = self.lock();
        let end = s
            .position
            .checked_add(data.len() as u64)
            .filter(|&e| e <= MAX_STREAM)
            .ok_or(stg(STG_E_MEDIUMFULL))?;
        let start = s.position as usize;
        let w = s.working(&self.engine)?;
        let end_at = end as usize;
        if w.len() < end_at {
            w.resize(end_at, 0);
        }
        w[start..end_at].copy_from_slice(data);
        s.position = end;
        Ok(data.len())
    }

    fn seek(&self, offset: i64, origin: ULONG) -> MapiResult<u64> {
        let mut s = self.lock();
        let base = match origin {
            STREAM_SEEK_SET => 0,
            STREAM_SEEK_CUR => s.position as i128,
            STREAM_SEEK_END => s.len() as i128,
            _ => return Err(stg(STG_E_INVALIDFUNCTION)),
        };
        let target = base + i128::from(offset);
        if !(0..=i128::from(MAX_STREAM)).contains(&target) {
            return Err(stg(STG_E_INVALIDFUNCTION));
        }
        s.position = target as u64;
        Ok(s.position)
    }

    fn set_size(&self, size: u64) -> MapiResult<()> {
        if !self.write {
            return Err(stg(STG_E_ACCESSDENIED));
        }
        if size > MAX_STREAM {
            return Err(stg(STG_E_MEDIUMFULL));
        }
        let mut s = self.lock();
        if size == 0 {
            // Nothing of the old value is needed.
            s.data = Some(Vec::new());
        } else {
            s.working(&self.engine)?.resize(size as usize, 0);
        }
        Ok(())
    }

    fn commit(&self) -> MapiResult<()> {
        if !self.write {
            return Err(stg(STG_E_ACCESSDENIED));
        }
        let mut s = self.lock();
        let bytes = match s.data.take() {
            Some(d) => Arc::new(d),
            None => match &s.base {
                Base::Bytes(b) => b.clone(),
                // Nothing written: the stored value stays as it is.
                Base::Stored { .. } => return Ok(()),
            },
        };
        match (self.commit)(bytes.clone()) {
            Ok(()) => {
                s.base = Base::Bytes(bytes);
                Ok(())
            }
            Err(e) => {
                // Keep what was written (no second copy was made).
                s.data = Some(Arc::try_unwrap(bytes).unwrap_or_else(|b| b.to_vec()));
                Err(e)
            }
        }
    }

    fn revert(&self) -> MapiResult<()> {
        let mut s = self.lock();
        s.data = None;
        s.position = s.position.min(s.len());
        Ok(())
    }

    fn size(&self) -> MapiResult<u64> {
        Ok(self.lock().len())
    }

    fn writable(&self) -> bool {
        self.write
    }
}

/// `OpenProperty`'s checks shared by messages and attachments: only
/// `IStream`; writing needs `MAPI_MODIFY` (or `MAPI_CREATE`) on a writable
/// object.
fn stream_request(iid: &IID, flags: ULONG, object_writable: bool) -> MapiResult<bool> {
    if *iid != IID_IStream {
        // Embedded messages (PR_ATTACH_DATA_OBJ) and other interfaces are not
        // opened this way yet.
        return Err(MapiError::NoSupport);
    }
    let write = flags & (MAPI_MODIFY | MAPI_CREATE) != 0;
    if write && !object_writable {
        return Err(no_access());
    }
    Ok(write)
}
