//! The reference store's tables: a folder's contents (normal or
//! associated messages) and its hierarchy (subfolders, or with
//! `CONVENIENT_DEPTH` every folder below with `PR_DEPTH`), as
//! [`RowSource`]s of the table engine. Row values are computed by the same
//! code as the open objects' `GetProps`.

use std::sync::Arc;

use super::backend::{load_large, Large, MessageRecord, ObjectId, Props};
use super::engine::{pid, Engine, StoreEvent, StoreListener};
use super::objects::message_computed;
use crate::mapi::*;
use crate::provider::PropValue;
use crate::table::{instance_key, LockedTable, RowId, RowSource, RowValues, Table};

/// A string column of the width the table was opened with.
fn string_tag(tag: ULONG, wide: bool) -> ULONG {
    CHANGE_PROP_TYPE(tag, if wide { PT_UNICODE } else { PT_STRING8 })
}

/// A folder's messages.
pub struct ContentsSource {
    engine: Arc<Engine>,
    folder: ObjectId,
    associated: bool,
}

struct MessageRow<'a> {
    engine: &'a Engine,
    record: &'a MessageRecord,
}

/// A message's row holding its own copy of the record.
struct OwnedMessageRow<'a> {
    engine: &'a Engine,
    record: MessageRecord,
}

impl RowValues for OwnedMessageRow<'_> {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        MessageRow {
            engine: self.engine,
            record: &self.record,
        }
        .value(tag)
    }
}

impl RowValues for MessageRow<'_> {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        let id = pid(tag);
        if id == pid(PR_INSTANCE_KEY) {
            return Some(instance_key(self.record.id));
        }
        let attachments = || self.record.attachments.iter().map(|a| (&a.props, &a.large));
        message_computed(self.engine, self.record, false, id, attachments)
            .or_else(|| self.record.props.get(&id).cloned())
            .or_else(|| {
                // A large value (a body...): read only when a column or a
                // restriction names it; one that cannot be read (gone
                // meanwhile) is no value.
                let large = self.record.large.get(&id)?;
                load_large(self.engine.backend(), large).ok()
            })
    }
}

impl RowSource for ContentsSource {
    fn row_ids(&self) -> MapiResult<Vec<RowId>> {
        self.engine.backend().messages(self.folder, self.associated)
    }

    fn row(&self, id: RowId) -> MapiResult<Option<Box<dyn RowValues + '_>>> {
        Ok(self
            .engine
            .backend()
            .message(id)?
            // Moved elsewhere: not a row of this table any more.
            .filter(|m| m.folder == self.folder && m.associated == self.associated)
            .map(|record| {
                Box::new(OwnedMessageRow {
                    engine: &self.engine,
                    record,
                }) as Box<dyn RowValues>
            }))
    }

    /// Reads the stored message in place (no copy of its properties,
    /// body, recipients and attachments per row).
    fn visit(&self, id: RowId, f: &mut dyn FnMut(&dyn RowValues)) -> MapiResult<bool> {
        let engine = &*self.engine;
        let mut found = false;
        engine.backend().visit_message(id, &mut |record| {
            if record.folder == self.folder && record.associated == self.associated {
                found = true;
                f(&MessageRow { engine, record });
            }
        })?;
        Ok(found)
    }

    fn id_ordered(&self) -> bool {
        true
    }

    /// One key the backend has an index for (delivery or modification
    /// time, in SQLite).
    fn sorted_ids(&self, keys: &[crate::table::SortKey]) -> MapiResult<Option<Vec<RowId>>> {
        match keys {
            [key] => self.engine.backend().messages_sorted(
                self.folder,
                self.associated,
                key.tag,
                key.descending,
            ),
            _ => Ok(None),
        }
    }
}

/// A contents table hears of the messages that enter, change in or leave
/// its folder.
impl StoreListener for LockedTable<ContentsSource> {
    fn changed(&self, _engine: &Engine, events: &[StoreEvent]) {
        let (folder, associated) = self.with_source(|s| (s.folder, s.associated));
        let rows: Vec<RowId> = events
            .iter()
            .filter(|e| {
                !e.folder
                    && e.associated == associated
                    && (e.parent == folder
                        || (e.kind == super::EventKind::Moved && e.old_parent == Some(folder)))
            })
            .map(|e| e.id)
            .collect();
        self.refresh(&rows);
    }
}

/// A hierarchy table hears of folders created, changed, moved or deleted,
/// and of the messages that change a folder's counts.
impl StoreListener for LockedTable<HierarchySource> {
    fn changed(&self, engine: &Engine, events: &[StoreEvent]) {
        let deep = self.with_source(|s| s.deep);
        let mut rows: Vec<RowId> = Vec::new();
        for e in events {
            if e.folder {
                rows.push(e.id);
                // A moved folder's subfolders moved with it: their depth
                // (and place) in a deep table changed too (the fuzzer
                // found them left out).
                if deep && e.kind == super::EventKind::Moved {
                    rows.extend(engine.descendants(e.id).unwrap_or_default());
                }
            }
            // Its folder's counts (or subfolders) changed too.
            rows.push(e.parent);
            rows.extend(e.old_parent);
        }
        rows.sort_unstable();
        rows.dedup();
        self.refresh(&rows);
    }
}

/// `table` as a dynamic table of `engine`: it follows the store's changes
/// while the host holds it.
fn follow<S: RowSource + 'static>(engine: &Engine, table: LockedTable<S>) -> Box<dyn Table>
where
    LockedTable<S>: StoreListener,
{
    let table = Arc::new(table.dynamic());
    let weak: std::sync::Weak<LockedTable<S>> = Arc::downgrade(&table);
    engine.listen(weak);
    Box::new(table)
}

/// A folder's subfolders (with `deep`, every folder below it).
pub struct HierarchySource {
    engine: Arc<Engine>,
    folder: ObjectId,
    deep: bool,
}

struct FolderRow {
    id: ObjectId,
    depth: ULONG,
    props: Props,
}

impl RowValues for FolderRow {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        let id = pid(tag);
        if id == pid(PR_INSTANCE_KEY) {
            Some(instance_key(self.id))
        } else if id == pid(PR_DEPTH) {
            Some(PropValue::Long(self.depth))
        } else {
            self.props.get(&id).cloned()
        }
    }
}

impl HierarchySource {
    /// How far below the table's folder `id` is (0: a direct subfolder).
    fn depth(&self, mut id: ObjectId) -> MapiResult<ULONG> {
        let mut depth = 0;
        while let Some(f) = self.engine.backend().folder(id)? {
            if f.parent == self.folder || f.parent == f.id {
                break;
            }
            id = f.parent;
            depth += 1;
        }
        Ok(depth)
    }
}

impl RowSource for HierarchySource {
    fn row_ids(&self) -> MapiResult<Vec<RowId>> {
        let backend = self.engine.backend();
        if !self.deep {
            return backend.subfolders(self.folder);
        }
        // Depth first, each folder before its subfolders.
        let mut out = Vec::new();
        let mut stack: Vec<ObjectId> = backend.subfolders(self.folder)?.into_iter().rev().collect();
        while let Some(f) = stack.pop() {
            out.push(f);
            stack.extend(backend.subfolders(f)?.into_iter().rev());
        }
        Ok(out)
    }

    fn row(&self, id: RowId) -> MapiResult<Option<Box<dyn RowValues + '_>>> {
        if !self.engine.backend().folder_exists(id)? {
            return Ok(None);
        }
        let row = FolderRow {
            id,
            depth: self.depth(id)?,
            props: self.engine.folder_props(id, false)?,
        };
        Ok(Some(Box::new(row)))
    }
}

/// A contents table of `folder` (its normal or associated messages), with
/// string columns wide when `wide` (`MAPI_UNICODE`).
pub fn contents_table(
    engine: Arc<Engine>,
    folder: ObjectId,
    associated: bool,
    wide: bool,
) -> MapiResult<Box<dyn Table>> {
    engine.check_folder(folder)?;
    let columns = vec![
        PR_ENTRYID,
        PR_INSTANCE_KEY,
        string_tag(PR_SUBJECT_W, wide),
        string_tag(PR_MESSAGE_CLASS_W, wide),
        PR_MESSAGE_FLAGS,
        PR_MESSAGE_SIZE,
        PR_MESSAGE_DELIVERY_TIME,
        PR_LAST_MODIFICATION_TIME,
        string_tag(PR_DISPLAY_TO_W, wide),
        PR_HASATTACH,
    ];
    let mut all = columns.clone();
    all.extend([
        PR_RECORD_KEY,
        PR_PARENT_ENTRYID,
        PR_SEARCH_KEY,
        PR_CREATION_TIME,
        string_tag(PR_DISPLAY_CC_W, wide),
        string_tag(PR_DISPLAY_BCC_W, wide),
        PR_MSG_STATUS,
        PR_IMPORTANCE,
        PR_OBJECT_TYPE,
    ]);
    let source = ContentsSource {
        engine: engine.clone(),
        folder,
        associated,
    };
    Ok(follow(&engine, LockedTable::new(source, columns, all)?))
}

/// A hierarchy table of `folder` (`CONVENIENT_DEPTH`: `deep`).
pub fn hierarchy_table(
    engine: Arc<Engine>,
    folder: ObjectId,
    deep: bool,
    wide: bool,
) -> MapiResult<Box<dyn Table>> {
    engine.check_folder(folder)?;
    let columns = vec![
        PR_ENTRYID,
        PR_INSTANCE_KEY,
        string_tag(PR_DISPLAY_NAME_W, wide),
        PR_CONTENT_COUNT,
        PR_CONTENT_UNREAD,
        PR_SUBFOLDERS,
        PR_DEPTH,
        PR_FOLDER_TYPE,
        string_tag(PR_CONTAINER_CLASS_W, wide),
    ];
    let mut all = columns.clone();
    all.extend([
        PR_RECORD_KEY,
        PR_PARENT_ENTRYID,
        PR_ASSOC_CONTENT_COUNT,
        string_tag(PR_COMMENT_W, wide),
        PR_OBJECT_TYPE,
    ]);
    let source = HierarchySource {
        engine: engine.clone(),
        folder,
        deep,
    };
    Ok(follow(&engine, LockedTable::new(source, columns, all)?))
}

/// Rows held in the table itself: a snapshot of a message's recipients or
/// attachments when the table was opened.
pub struct SnapshotSource {
    rows: Vec<(RowId, Props)>,
    /// The large values of rows (attachment data), by row, read from
    /// `engine` only when a column or a restriction names one.
    large: Vec<(RowId, Large)>,
    engine: Option<Arc<Engine>>,
}

impl SnapshotSource {
    fn new(rows: Vec<(RowId, Props)>) -> Self {
        SnapshotSource {
            rows,
            large: Vec::new(),
            engine: None,
        }
    }
}

struct PropsRow<'a> {
    id: RowId,
    props: &'a Props,
    large: Option<(&'a Large, &'a Engine)>,
}

impl RowValues for PropsRow<'_> {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        if pid(tag) == pid(PR_INSTANCE_KEY) {
            return Some(instance_key(self.id));
        }
        self.props.get(&pid(tag)).cloned().or_else(|| {
            let (large, engine) = self.large?;
            load_large(engine.backend(), large.get(&pid(tag))?).ok()
        })
    }
}

impl RowSource for SnapshotSource {
    fn row_ids(&self) -> MapiResult<Vec<RowId>> {
        Ok(self.rows.iter().map(|(id, _)| *id).collect())
    }

    fn row(&self, id: RowId) -> MapiResult<Option<Box<dyn RowValues + '_>>> {
        Ok(self.rows.iter().find(|(r, _)| *r == id).map(|(id, props)| {
            let large = self
                .large
                .iter()
                .find(|(r, _)| r == id)
                .zip(self.engine.as_deref())
                .map(|((_, l), e)| (l, e));
            Box::new(PropsRow {
                id: *id,
                props,
                large,
            }) as Box<dyn RowValues>
        }))
    }
}

/// A message's recipient table: one row per recipient (`PR_ROWID`).
pub fn recipient_table(rows: Vec<(RowId, Props)>, wide: bool) -> MapiResult<Box<dyn Table>> {
    let columns = vec![
        PR_ROWID,
        PR_INSTANCE_KEY,
        string_tag(PR_DISPLAY_NAME_W, wide),
        PR_RECIPIENT_TYPE,
        string_tag(PR_EMAIL_ADDRESS_W, wide),
        string_tag(PR_ADDRTYPE_W, wide),
    ];
    let all = columns.clone();
    Ok(Box::new(LockedTable::new(
        SnapshotSource::new(rows),
        columns,
        all,
    )?))
}

/// A message's attachment table: one row per attachment (`PR_ATTACH_NUM`).
pub fn attachment_table(
    engine: Arc<Engine>,
    rows: Vec<(RowId, Props, Large)>,
    wide: bool,
) -> MapiResult<Box<dyn Table>> {
    let columns = vec![
        PR_ATTACH_NUM,
        PR_INSTANCE_KEY,
        PR_ATTACH_METHOD,
        string_tag(PR_ATTACH_FILENAME_W, wide),
        string_tag(PR_ATTACH_LONG_FILENAME_W, wide),
        PR_ATTACH_SIZE,
        PR_RENDERING_POSITION,
    ];
    let all = columns.clone();
    Ok(Box::new(LockedTable::new(
        SnapshotSource {
            large: rows.iter().map(|(id, _, l)| (*id, l.clone())).collect(),
            rows: rows.into_iter().map(|(id, p, _)| (id, p)).collect(),
            engine: Some(engine),
        },
        columns,
        all,
    )?))
}

/// The store's receive-folder table: one row per message class set.
pub fn receive_folder_table(engine: &Engine, wide: bool) -> MapiResult<Box<dyn Table>> {
    let rows = engine
        .backend()
        .receive_folders()?
        .into_iter()
        .enumerate()
        .map(|(i, (class, folder))| {
            let props: Props = [
                (pid(PR_MESSAGE_CLASS_W), PropValue::String(class)),
                (
                    pid(PR_ENTRYID),
                    PropValue::Binary(engine.folder_entry_id(folder)),
                ),
                (
                    pid(PR_RECORD_KEY),
                    PropValue::Binary(engine.record_key(folder)),
                ),
            ]
            .into_iter()
            .collect();
            (i as RowId, props)
        })
        .collect();
    let columns = vec![
        PR_INSTANCE_KEY,
        PR_ENTRYID,
        PR_RECORD_KEY,
        string_tag(PR_MESSAGE_CLASS_W, wide),
    ];
    let all = columns.clone();
    Ok(Box::new(LockedTable::new(
        SnapshotSource::new(rows),
        columns,
        all,
    )?))
}
