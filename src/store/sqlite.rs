//! [`SqliteBackend`]: a store in one SQLite database file (gromox's
//! layout: objects in their own tables, properties as `(owner, tag,
//! value)` rows), durable and crash-safe by SQLite's own guarantees.
//!
//! - One file per store; the schema's version in `PRAGMA user_version`
//!   (a newer one than this library knows is refused, `MAPI_E_VERSION`; an
//!   older one migrated when it is opened: [`SCHEMA_V1`], frozen, then one
//!   step per later version in [`MIGRATIONS`], all in one `IMMEDIATE`
//!   transaction, so a failed migration leaves the file as it was).
//! - WAL journal, `synchronous=FULL` (a committed batch survives a power
//!   loss), foreign keys on, a busy timeout (another process holding the
//!   write lock is waited for, not reported).
//! - Every [`Backend::apply`] batch is one `BEGIN IMMEDIATE` transaction:
//!   all of it or none of it is on disk. Reads are single statements or
//!   short read transactions.
//! - Object numbers are reserved in blocks from a counter in the file: a
//!   number handed out is never handed out again, even after a crash
//!   (the rest of a block is skipped).
//! - Contents tables' most used sort keys are columns of `messages`,
//!   indexed `(folder, associated, key, id)`: a table sorted on one of
//!   them gets its order from the index ([`Backend::messages_sorted`])
//!   without reading a message. Delivery and modification time (v1);
//!   since v3 also `PR_MESSAGE_SIZE` and `PR_MESSAGE_FLAGS` as `GetProps`
//!   computes them (the same functions, stored when the message is saved,
//!   as the signed 32-bit values the engine compares), and `PR_SUBJECT`
//!   and `PR_NORMALIZED_SUBJECT` as a sort key: a BLOB computed in Rust
//!   ([`string_sort_key`]) whose byte order, SQLite's BINARY, is the
//!   engine's case-insensitive Unicode order of the strings (SQLite's
//!   NOCASE folds ASCII only, so the key is not the text). A value a
//!   column cannot order as the engine does (another type under the ID)
//!   is stored as [`UNORDERED`], and a folder holding one is sorted by
//!   the engine.
//!
//! - Large values (bodies, attachment data: binary and string values of
//!   at least [`LARGE_VALUE_THRESHOLD`] bytes, see
//!   [`super::backend::LargeValue`]) are rows of `large_values`, their
//!   bytes in 64 KiB rows of `large_chunks` ([`LARGE_CHUNK`]); the
//!   property row holds a reference (`properties.large`, and in `value`
//!   the type and length). Reading a message reads neither; a stream reads
//!   the chunks its `Read` covers; a save carries an unchanged reference
//!   over (its bytes are not read or written); a copy copies the chunks
//!   inside SQLite (`INSERT ... SELECT`); each value belongs to one
//!   message (`owner`) and goes with it (its chunks by `ON DELETE
//!   CASCADE`). Value numbers are `AUTOINCREMENT`: never reused, so a
//!   stream open on a value that was replaced meanwhile finds it gone
//!   (`STG_E_REVERTED`), never other bytes. Schema step 2
//!   ([`LARGE_VALUES_STEP`]); the values of a store of schema 1 stay
//!   inline until their message is saved again. (Why chunk rows and not
//!   one blob read with `sqlite3_blob_open`: a blob handle reaches byte
//!   *k* by walking the overflow-page chain from the start, and a handle
//!   cannot outlive one call here (it borrows the connection), so reading
//!   100 MB in 64 KiB calls was quadratic: 28.7 s for the first 25 MB.)
//!
//! SQLite's errors become MAPI's: busy or locked → `MAPI_E_BUSY`,
//! corrupt or not a database → `MAPI_E_CORRUPT_STORE`, read-only or no
//! permission → `MAPI_E_NO_ACCESS`, I/O errors or a full disk →
//! `MAPI_E_DISK_ERROR`; nothing panics.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::backend::{
    AttachmentRecord, Backend, Change, FolderCounts, FolderRecord, Large, LargeSource, LargeValue,
    MessageRecord, ObjectId, Props, FIRST_DYNAMIC_ID, LARGE_VALUE_THRESHOLD,
};
use super::codec::{decode_name, decode_value, encode_name, encode_value};
use super::objects::{message_flags, message_size};
use crate::mapi::*;
use crate::provider::{PropName, PropValue};
use crate::table::string_sort_key;

/// The schema version this library writes (`PRAGMA user_version`): 1
/// (`SCHEMA_V1`) plus one per step of `MIGRATIONS`.
pub const SCHEMA_VERSION: i32 = 3;

// A literal above (the C header shows it); a step more or less is caught
// here.
const _: () = assert!(SCHEMA_VERSION == 1 + MIGRATIONS.len() as i32);

/// Schema step 1 → 2 ([`v2_large_values`]): large values apart. A row of
/// `properties` whose `large` is not NULL is a reference to the
/// `large_values` row of that number; its `value` holds the type (u16 LE)
/// and length (u64 LE). The bytes are `large_chunks` rows `n` = 0, 1, ...
/// of [`LARGE_CHUNK`] bytes (the last one shorter). Rows of schema 1
/// (every `large` NULL) stay as they are: read inline, moved apart when
/// their message is saved again.
const LARGE_VALUES_STEP: &str = "
CREATE TABLE large_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner INTEGER NOT NULL,
    len INTEGER NOT NULL
);
CREATE INDEX large_values_by_owner ON large_values (owner);
CREATE TABLE large_chunks (
    value INTEGER NOT NULL REFERENCES large_values (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (value, n)
);
ALTER TABLE properties ADD COLUMN large INTEGER;
";

/// The bytes of one `large_chunks` row: a `Read` of 64 KiB at a multiple
/// of it reads one row.
const LARGE_CHUNK: usize = 64 * 1024;

/// How long a writer waits for another connection's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Object numbers reserved per write of the counter.
const ID_BLOCK: u64 = 64;

/// Which object a `properties` row belongs to.
const OWNER_OBJECT: i64 = 0;
const OWNER_RECIPIENT: i64 = 1;
const OWNER_ATTACHMENT: i64 = 2;

/// The schema as version 1 made it. Frozen: a new file is made by this
/// and then every step of [`MIGRATIONS`], an older file by the steps it
/// lacks, so a change of the schema is a new step, never an edit here.
const SCHEMA_V1: &str = "
CREATE TABLE store (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    guid BLOB NOT NULL,
    next_id INTEGER NOT NULL
);
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    parent INTEGER NOT NULL
);
CREATE INDEX folders_by_parent ON folders (parent, id);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    folder INTEGER NOT NULL REFERENCES folders (id),
    associated INTEGER NOT NULL,
    version INTEGER NOT NULL,
    unread INTEGER NOT NULL,
    delivery_time INTEGER,
    modification_time INTEGER
);
CREATE INDEX messages_in_folder ON messages (folder, associated, id);
CREATE TABLE folder_counts (
    folder INTEGER PRIMARY KEY,
    messages INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0,
    associated INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER messages_counted_in AFTER INSERT ON messages BEGIN
    INSERT INTO folder_counts (folder) VALUES (new.folder) ON CONFLICT (folder) DO NOTHING;
    UPDATE folder_counts SET
        messages = messages + (NOT new.associated),
        unread = unread + (NOT new.associated AND new.unread),
        associated = associated + new.associated
    WHERE folder = new.folder;
END;
CREATE TRIGGER messages_counted_out AFTER DELETE ON messages BEGIN
    UPDATE folder_counts SET
        messages = messages - (NOT old.associated),
        unread = unread - (NOT old.associated AND old.unread),
        associated = associated - old.associated
    WHERE folder = old.folder;
END;
CREATE TRIGGER messages_recounted AFTER UPDATE OF folder, associated, unread ON messages BEGIN
    UPDATE folder_counts SET
        messages = messages - (NOT old.associated),
        unread = unread - (NOT old.associated AND old.unread),
        associated = associated - old.associated
    WHERE folder = old.folder;
    INSERT INTO folder_counts (folder) VALUES (new.folder) ON CONFLICT (folder) DO NOTHING;
    UPDATE folder_counts SET
        messages = messages + (NOT new.associated),
        unread = unread + (NOT new.associated AND new.unread),
        associated = associated + new.associated
    WHERE folder = new.folder;
END;
CREATE INDEX messages_by_delivery ON messages (folder, associated, delivery_time, id);
CREATE INDEX messages_by_modification ON messages (folder, associated, modification_time, id);
CREATE TABLE properties (
    owner INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    sub INTEGER NOT NULL,
    tag INTEGER NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (owner, kind, sub, tag)
) WITHOUT ROWID;
CREATE TABLE receive_folders (
    class TEXT PRIMARY KEY,
    folder INTEGER NOT NULL
);
CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    name BLOB NOT NULL
);
";

/// One step of the schema, from version `n` to `n + 1`, run inside the
/// migration's transaction (a failure rolls back every step).
type Migration = fn(&Connection) -> MapiResult<()>;

/// The steps after [`SCHEMA_V1`]: `MIGRATIONS[i]` brings version `i + 1`
/// to `i + 2`. A later version appends its step.
const MIGRATIONS: &[Migration] = &[v2_large_values, v3_sort_keys];

/// Schema v1 → v2: large values apart ([`LARGE_VALUES_STEP`]).
fn v2_large_values(tx: &Connection) -> MapiResult<()> {
    tx.execute_batch(LARGE_VALUES_STEP).mapi()
}

/// v2 → v3: size, flags and subject sort keys as columns of `messages`.
const V3_SORT_KEY_COLUMNS: &str = "
ALTER TABLE messages ADD COLUMN message_size INTEGER;
ALTER TABLE messages ADD COLUMN message_flags INTEGER;
ALTER TABLE messages ADD COLUMN subject_key BLOB;
ALTER TABLE messages ADD COLUMN normalized_subject_key BLOB;
";

/// v2 → v3: their indexes (made after the columns are filled: one sort
/// each, not one index insertion per message).
const V3_SORT_KEY_INDEXES: &str = "
CREATE INDEX messages_by_size ON messages (folder, associated, message_size, id);
CREATE INDEX messages_by_flags ON messages (folder, associated, message_flags, id);
CREATE INDEX messages_by_subject ON messages (folder, associated, subject_key, id);
CREATE INDEX messages_by_normalized_subject
    ON messages (folder, associated, normalized_subject_key, id);
";

/// Schema v2 → v3: adds the sort-key columns, computes them for every
/// stored message from its stored properties (as [`Change::PutMessage`]
/// does), then indexes them. A message whose properties cannot be read
/// fails the step (`MAPI_E_CORRUPT_STORE`): nothing is migrated.
fn v3_sort_keys(tx: &Connection) -> MapiResult<()> {
    tx.execute_batch(V3_SORT_KEY_COLUMNS).mapi()?;
    let ids = SqliteBackend::ids(tx, "SELECT id FROM messages ORDER BY id", [])?;
    let mut update = tx
        .prepare(
            "UPDATE messages SET message_size = ?2, message_flags = ?3, subject_key = ?4, \
             normalized_subject_key = ?5 WHERE id = ?1",
        )
        .mapi()?;
    for id in ids {
        let m = SqliteBackend::read_message(tx, id)
            .map_err(|e| match e {
                // A value that is no value: the store is damaged.
                MapiError::Other(MAPI_E_CORRUPT_DATA) => MapiError::Other(MAPI_E_CORRUPT_STORE),
                e => e,
            })?
            .ok_or(MapiError::Other(MAPI_E_CORRUPT_STORE))?;
        let k = SortKeys::of(&m);
        update
            .execute(params![
                int(id)?,
                k.size,
                k.flags,
                k.subject,
                k.normalized_subject
            ])
            .mapi()?;
    }
    drop(update);
    tx.execute_batch(V3_SORT_KEY_INDEXES).mapi()
}

/// SQLite's failure as MAPI's.
fn mapi_error(e: rusqlite::Error) -> MapiError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => MapiError::Other(MAPI_E_BUSY),
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                MapiError::Other(MAPI_E_CORRUPT_STORE)
            }
            ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen => {
                MapiError::Other(MAPI_E_NO_ACCESS)
            }
            ErrorCode::SystemIoFailure | ErrorCode::DiskFull => MapiError::Other(MAPI_E_DISK_ERROR),
            ErrorCode::OutOfMemory => MapiError::NotEnoughMemory,
            _ => MapiError::CallFailed,
        },
        rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..) => {
            MapiError::Other(MAPI_E_CORRUPT_STORE)
        }
        _ => MapiError::CallFailed,
    }
}

trait Mapi<T> {
    fn mapi(self) -> MapiResult<T>;
}

impl<T> Mapi<T> for rusqlite::Result<T> {
    fn mapi(self) -> MapiResult<T> {
        self.map_err(mapi_error)
    }
}

/// A store in an SQLite database (see the module documentation).
pub struct SqliteBackend {
    conn: Mutex<Connection>,
    guid: [u8; 16],
    /// Reserved object numbers not handed out yet: `next..end`.
    ids: Mutex<(u64, u64)>,
    /// Deleted with the backend (its `-wal` and `-shm` too): a scratch
    /// store.
    scratch: Option<PathBuf>,
}

impl std::fmt::Debug for SqliteBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SqliteBackend({:02x?})", &self.guid[..4])
    }
}

fn int(v: u64) -> MapiResult<i64> {
    i64::try_from(v).map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))
}

fn id_of(v: i64) -> MapiResult<ObjectId> {
    u64::try_from(v).map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))
}

impl SqliteBackend {
    /// Opens the store in `path`, creating the file (and the schema, with
    /// `guid` as the store's identity) if it does not exist.
    /// `MAPI_E_CORRUPT_STORE` for a file that is not such a store (or a
    /// store of a newer schema: `MAPI_E_VERSION`), `MAPI_E_NO_ACCESS` for
    /// one that cannot be opened or written.
    pub fn open(path: &Path, guid: [u8; 16]) -> MapiResult<Self> {
        check_file(path)?;
        let companions = companions(path);
        let existed: Vec<bool> = companions.iter().map(|p| p.exists()).collect();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Connection::open_with_flags(path, flags)
            .mapi()
            .and_then(|conn| Self::with_connection(conn, guid, None));
        if opened.is_err() {
            // Leave nothing behind that the failed open made (the -wal and
            // -shm files of a WAL database appear at its first read).
            for (p, existed) in companions.iter().zip(existed) {
                if !existed {
                    let _ = std::fs::remove_file(p);
                }
            }
        }
        opened
    }

    /// Moves everything in the write-ahead log into the database file
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`).
    pub fn checkpoint(&self) -> MapiResult<()> {
        self.conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .mapi()
    }

    /// A scratch store in a fresh file of the temporary directory, deleted
    /// when the backend goes (what `MSLOGON_STORE_DIR=:temp:` gives every
    /// store: the durable code path with the in-memory store's lifetime).
    pub fn scratch(guid: [u8; 16]) -> MapiResult<Self> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "mslogon-scratch-{}-{n}-{:08x}.db",
            std::process::id(),
            u32::from_le_bytes([guid[12], guid[13], guid[14], guid[15]])
        ));
        remove_store_files(&path);
        let mut backend = Self::open(&path, guid)?;
        backend.scratch = Some(path);
        Ok(backend)
    }

    fn with_connection(
        conn: Connection,
        guid: [u8; 16],
        scratch: Option<PathBuf>,
    ) -> MapiResult<Self> {
        conn.busy_timeout(BUSY_TIMEOUT).mapi()?;
        // Keep each cached statement's plan: without the query planner
        // stability guarantee SQLite marks statements with `ORDER BY`
        // after `= ?` "re-prepare when a binding changes", and rusqlite's
        // cache clears the bindings of each statement it takes back, so
        // every message read re-parsed its query (62% of its instructions,
        // measured by the durable benchmark).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .mapi()?;
        let version: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .mapi()?;
        if version > SCHEMA_VERSION {
            return Err(MapiError::Other(MAPI_E_VERSION));
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .mapi()?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            return Err(MapiError::Other(MAPI_E_NO_ACCESS));
        }
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
            .mapi()?;
        let mut backend = SqliteBackend {
            conn: Mutex::new(conn),
            guid,
            ids: Mutex::new((0, 0)),
            scratch,
        };
        backend.migrate(version)?;
        backend.guid = backend.stored_guid()?;
        Ok(backend)
    }

    /// Brings the schema from `version` to [`SCHEMA_VERSION`] (0: a new
    /// file: [`SCHEMA_V1`] first), step by step ([`MIGRATIONS`]), in one
    /// `IMMEDIATE` transaction: all of it or, on any failure, nothing
    /// (the file stays as it was).
    fn migrate(&self, version: i32) -> MapiResult<()> {
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .mapi()?;
        // Another connection may have created or migrated it meanwhile.
        let mut now: i32 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .mapi()?;
        if now == 0 {
            tx.execute_batch(SCHEMA_V1).mapi()?;
            tx.execute(
                "INSERT INTO store (id, guid, next_id) VALUES (1, ?1, ?2)",
                params![&self.guid[..], int(FIRST_DYNAMIC_ID)?],
            )
            .mapi()?;
            now = 1;
        }
        if now > SCHEMA_VERSION {
            return Err(MapiError::Other(MAPI_E_VERSION));
        }
        let done = usize::try_from(now - 1).map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))?;
        for step in &MIGRATIONS[done..] {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .mapi()?;
        tx.commit().mapi()
    }

    fn stored_guid(&self) -> MapiResult<[u8; 16]> {
        let bytes: Vec<u8> = self
            .conn()
            .query_row("SELECT guid FROM store WHERE id = 1", [], |r| r.get(0))
            .mapi()?;
        bytes
            .try_into()
            .map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `PRAGMA integrity_check`: `Ok` when SQLite finds nothing wrong.
    pub fn integrity_check(&self) -> MapiResult<()> {
        let answer: String = self
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .mapi()?;
        if answer == "ok" {
            Ok(())
        } else {
            Err(MapiError::Other(MAPI_E_CORRUPT_STORE))
        }
    }

    /// Every property row of `owner`, grouped by (kind, sub), in one
    /// query: the values, and the references of large values (not read).
    fn all_props_of(
        conn: &Connection,
        owner: ObjectId,
    ) -> MapiResult<Vec<(i64, i64, Props, Large)>> {
        let corrupt = || MapiError::Other(MAPI_E_CORRUPT_STORE);
        let mut stmt = conn
            .prepare_cached(
                "SELECT kind, sub, tag, value, large FROM properties WHERE owner = ?1 \
                 ORDER BY kind, sub, tag",
            )
            .mapi()?;
        let mut rows = stmt.query(params![int(owner)?]).mapi()?;
        let mut out: Vec<(i64, i64, Props, Large)> = Vec::new();
        while let Some(row) = rows.next().mapi()? {
            let kind: i64 = row.get(0).mapi()?;
            let sub: i64 = row.get(1).mapi()?;
            let tag: i64 = row.get(2).mapi()?;
            let bytes = row.get_ref(3).mapi()?.as_blob().map_err(|_| corrupt())?;
            let large: Option<i64> = row.get(4).mapi()?;
            let tag = u16::try_from(tag).map_err(|_| corrupt())?;
            if !matches!(out.last(), Some((k, s, ..)) if *k == kind && *s == sub) {
                out.push((kind, sub, Props::new(), Large::new()));
            }
            let Some((.., props, larges)) = out.last_mut() else {
                return Err(corrupt());
            };
            match large {
                None => {
                    props.insert(tag, decode_value(bytes)?);
                }
                Some(id) => {
                    let (prop_type, len) = decode_large_header(bytes)?;
                    larges.insert(
                        tag,
                        LargeValue {
                            prop_type,
                            len,
                            source: LargeSource::Stored(id),
                        },
                    );
                }
            }
        }
        Ok(out)
    }

    /// Stores large value `v` of message `owner`: a new value for bytes
    /// in memory (written chunk by chunk), the same for a stored value of
    /// this message, a copy made inside SQLite for another message's.
    /// Returns the value's number.
    fn put_large(tx: &Connection, owner: ObjectId, v: &LargeValue) -> MapiResult<i64> {
        match &v.source {
            LargeSource::Data(bytes) => {
                tx.prepare_cached("INSERT INTO large_values (owner, len) VALUES (?1, ?2)")
                    .mapi()?
                    .execute(params![int(owner)?, int(bytes.len() as u64)?])
                    .mapi()?;
                let id = tx.last_insert_rowid();
                let mut stmt = tx
                    .prepare_cached("INSERT INTO large_chunks (value, n, data) VALUES (?1, ?2, ?3)")
                    .mapi()?;
                for (n, chunk) in bytes.chunks(LARGE_CHUNK).enumerate() {
                    stmt.execute(params![id, n as i64, chunk]).mapi()?;
                }
                Ok(id)
            }
            LargeSource::Stored(id) => {
                let stored: Option<i64> = tx
                    .prepare_cached("SELECT owner FROM large_values WHERE id = ?1")
                    .mapi()?
                    .query_row(params![id], |r| r.get(0))
                    .optional()
                    .mapi()?;
                match stored {
                    // Replaced or removed since it was read: the copy
                    // being saved is out of date.
                    None => Err(MapiError::Other(MAPI_E_OBJECT_CHANGED)),
                    Some(o) if o == int(owner)? => Ok(*id),
                    Some(_) => {
                        tx.prepare_cached(
                            "INSERT INTO large_values (owner, len) \
                             SELECT ?1, len FROM large_values WHERE id = ?2",
                        )
                        .mapi()?
                        .execute(params![int(owner)?, id])
                        .mapi()?;
                        let copy = tx.last_insert_rowid();
                        tx.prepare_cached(
                            "INSERT INTO large_chunks (value, n, data) \
                             SELECT ?1, n, data FROM large_chunks WHERE value = ?2",
                        )
                        .mapi()?
                        .execute(params![copy, id])
                        .mapi()?;
                        Ok(copy)
                    }
                }
            }
        }
    }

    /// The length of stored value `id`, if it still exists.
    fn large_len(conn: &Connection, id: i64) -> MapiResult<Option<u64>> {
        let len: Option<i64> = conn
            .prepare_cached("SELECT len FROM large_values WHERE id = ?1")
            .mapi()?
            .query_row(params![id], |r| r.get(0))
            .optional()
            .mapi()?;
        len.map(id_of).transpose()
    }

    /// Whether folder `id` exists.
    fn has_folder(conn: &Connection, id: ObjectId) -> MapiResult<bool> {
        let found: Option<i64> = conn
            .prepare_cached("SELECT id FROM folders WHERE id = ?1")
            .mapi()?
            .query_row(params![int(id)?], |r| r.get(0))
            .optional()
            .mapi()?;
        Ok(found.is_some())
    }

    fn put_props(
        tx: &Connection,
        owner: ObjectId,
        kind: i64,
        sub: i64,
        props: &Props,
        large: &Large,
    ) -> MapiResult<()> {
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO properties (owner, kind, sub, tag, value) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .mapi()?;
            for (tag, value) in props {
                stmt.execute(params![int(owner)?, kind, sub, tag, encode_value(value)])
                    .mapi()?;
            }
        }
        for (tag, v) in large {
            let id = Self::put_large(tx, owner, v)?;
            tx.prepare_cached(
                "INSERT INTO properties (owner, kind, sub, tag, value, large) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .mapi()?
            .execute(params![
                int(owner)?,
                kind,
                sub,
                tag,
                encode_large_header(v.prop_type, v.len),
                id
            ])
            .mapi()?;
        }
        Ok(())
    }

    fn delete_props(tx: &Connection, owner: ObjectId) -> MapiResult<()> {
        tx.prepare_cached("DELETE FROM properties WHERE owner = ?1")
            .mapi()?
            .execute(params![int(owner)?])
            .mapi()?;
        Ok(())
    }

    /// Removes the large values of `owner` that no property row refers to
    /// any more (replaced or deleted by the save just written).
    fn drop_unreferenced(tx: &Connection, owner: ObjectId) -> MapiResult<()> {
        tx.prepare_cached(
            "DELETE FROM large_values WHERE owner = ?1 AND id NOT IN \
             (SELECT large FROM properties WHERE owner = ?1 AND large IS NOT NULL)",
        )
        .mapi()?
        .execute(params![int(owner)?])
        .mapi()?;
        Ok(())
    }

    fn apply_one(tx: &Connection, change: Change) -> MapiResult<()> {
        match change {
            Change::PutFolder(f) => {
                if f.parent != f.id && !Self::has_folder(tx, f.parent)? {
                    return Err(MapiError::NotFound);
                }
                tx.prepare_cached(
                    "INSERT INTO folders (id, parent) VALUES (?1, ?2) \
                     ON CONFLICT (id) DO UPDATE SET parent = excluded.parent",
                )
                .mapi()?
                .execute(params![int(f.id)?, int(f.parent)?])
                .mapi()?;
                Self::delete_props(tx, f.id)?;
                Self::put_props(tx, f.id, OWNER_OBJECT, 0, &f.props, &Large::new())?;
            }
            Change::DeleteFolder(id) => {
                Self::delete_props(tx, id)?;
                tx.prepare_cached("DELETE FROM folder_counts WHERE folder = ?1")
                    .mapi()?
                    .execute(params![int(id)?])
                    .mapi()?;
                tx.prepare_cached("DELETE FROM folders WHERE id = ?1")
                    .mapi()?
                    .execute(params![int(id)?])
                    .mapi()?;
            }
            Change::PutMessage(m) => {
                if !Self::has_folder(tx, m.folder)? {
                    return Err(MapiError::NotFound);
                }
                let unread = match m.props.get(&(PROP_ID(PR_MESSAGE_FLAGS) as u16)) {
                    Some(PropValue::Long(f)) => f & MSGFLAG_READ == 0,
                    _ => true,
                };
                let k = SortKeys::of(&m);
                tx.prepare_cached(
                    "INSERT INTO messages (id, folder, associated, version, unread, \
                     delivery_time, modification_time, message_size, message_flags, \
                     subject_key, normalized_subject_key) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
                     ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, \
                     associated = excluded.associated, version = excluded.version, \
                     unread = excluded.unread, delivery_time = excluded.delivery_time, \
                     modification_time = excluded.modification_time, \
                     message_size = excluded.message_size, \
                     message_flags = excluded.message_flags, \
                     subject_key = excluded.subject_key, \
                     normalized_subject_key = excluded.normalized_subject_key",
                )
                .mapi()?
                .execute(params![
                    int(m.id)?,
                    int(m.folder)?,
                    m.associated,
                    int(m.version)?,
                    unread,
                    sort_time(&m.props, PR_MESSAGE_DELIVERY_TIME),
                    sort_time(&m.props, PR_LAST_MODIFICATION_TIME),
                    k.size,
                    k.flags,
                    k.subject,
                    k.normalized_subject,
                ])
                .mapi()?;
                Self::delete_props(tx, m.id)?;
                Self::put_props(tx, m.id, OWNER_OBJECT, 0, &m.props, &m.large)?;
                for (i, r) in m.recipients.iter().enumerate() {
                    Self::put_props(tx, m.id, OWNER_RECIPIENT, i as i64, r, &Large::new())?;
                }
                for a in &m.attachments {
                    let sub = i64::from(a.number);
                    Self::put_props(tx, m.id, OWNER_ATTACHMENT, sub, &a.props, &a.large)?;
                }
                Self::drop_unreferenced(tx, m.id)?;
            }
            Change::DeleteMessage(id) => {
                Self::delete_props(tx, id)?;
                tx.prepare_cached("DELETE FROM large_values WHERE owner = ?1")
                    .mapi()?
                    .execute(params![int(id)?])
                    .mapi()?;
                tx.prepare_cached("DELETE FROM messages WHERE id = ?1")
                    .mapi()?
                    .execute(params![int(id)?])
                    .mapi()?;
            }
            Change::SetReceiveFolder(class, Some(folder)) => {
                tx.prepare_cached(
                    "INSERT INTO receive_folders (class, folder) VALUES (?1, ?2) \
                     ON CONFLICT (class) DO UPDATE SET folder = excluded.folder",
                )
                .mapi()?
                .execute(params![class, int(folder)?])
                .mapi()?;
            }
            Change::SetReceiveFolder(class, None) => {
                tx.prepare_cached("DELETE FROM receive_folders WHERE class = ?1")
                    .mapi()?
                    .execute(params![class])
                    .mapi()?;
            }
            Change::PutName(id, name) => {
                tx.prepare_cached(
                    "INSERT INTO names (id, name) VALUES (?1, ?2) \
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                )
                .mapi()?
                .execute(params![id, encode_name(&name)])
                .mapi()?;
            }
        }
        Ok(())
    }

    /// Message `id` as stored (`None`: there is none).
    fn read_message(conn: &Connection, id: ObjectId) -> MapiResult<Option<MessageRecord>> {
        let head: Option<(i64, bool, i64)> = conn
            .prepare_cached("SELECT folder, associated, version FROM messages WHERE id = ?1")
            .mapi()?
            .query_row(params![int(id)?], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .mapi()?;
        let Some((folder, associated, version)) = head else {
            return Ok(None);
        };
        let mut props = Props::new();
        let mut large = Large::new();
        let mut recipients = Vec::new();
        let mut attachments = Vec::new();
        for (kind, sub, p, l) in Self::all_props_of(conn, id)? {
            match kind {
                OWNER_OBJECT => (props, large) = (p, l),
                OWNER_RECIPIENT => recipients.push(p),
                OWNER_ATTACHMENT => attachments.push(AttachmentRecord {
                    number: ULONG::try_from(sub)
                        .map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))?,
                    props: p,
                    large: l,
                }),
                _ => return Err(MapiError::Other(MAPI_E_CORRUPT_STORE)),
            }
        }
        Ok(Some(MessageRecord {
            id,
            folder: id_of(folder)?,
            associated,
            version: id_of(version)?,
            props,
            large,
            recipients,
            attachments,
        }))
    }

    fn ids(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> MapiResult<Vec<ObjectId>> {
        let mut stmt = conn.prepare_cached(sql).mapi()?;
        let mut rows = stmt.query(args).mapi()?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().mapi()? {
            out.push(id_of(row.get(0).mapi()?)?);
        }
        Ok(out)
    }
}

/// The indexed column of a time property: its value, NULL when the
/// message has none, or [`UNORDERED`] for a value the index cannot order
/// as the table engine does (another type under the same ID, a time
/// beyond `i64`): a folder holding one is sorted by the engine.
fn sort_time(props: &Props, tag: ULONG) -> Option<i64> {
    match props.get(&(PROP_ID(tag) as u16)) {
        None => None,
        Some(PropValue::SysTime(v)) => Some(i64::try_from(*v).unwrap_or(UNORDERED)),
        Some(_) => Some(UNORDERED),
    }
}

/// See [`sort_time`] and [`string_key`].
const UNORDERED: i64 = -1;

/// The indexed column of a string property: NULL when the message has
/// none, its [`string_sort_key`] (a BLOB: SQLite's byte order is the table
/// engine's order of the strings), or the integer [`UNORDERED`] for a
/// value of another type under the same ID (a folder holding one is
/// sorted by the engine).
fn string_key(m: &MessageRecord, tag: ULONG) -> SqlValue {
    let id = PROP_ID(tag) as u16;
    if m.large.contains_key(&id) {
        // A subject of 32 KiB or more is kept apart, not read here: the
        // engine sorts such a folder.
        return SqlValue::Integer(UNORDERED);
    }
    match m.props.get(&id) {
        None => SqlValue::Null,
        Some(PropValue::String(s)) => SqlValue::Blob(string_sort_key(s)),
        Some(_) => SqlValue::Integer(UNORDERED),
    }
}

/// The sort-key columns of schema v3 for a message, as
/// [`Change::PutMessage`] and the v2 → v3 migration write them.
struct SortKeys {
    size: i64,
    flags: i64,
    subject: SqlValue,
    normalized_subject: SqlValue,
}

impl SortKeys {
    /// The values a contents-table row of `m` answers (computed by the
    /// same functions), as the table engine orders them: PT_LONG values
    /// compare as signed 32-bit numbers.
    fn of(m: &MessageRecord) -> SortKeys {
        let attachments = || m.attachments.iter().map(|a| (&a.props, &a.large));
        SortKeys {
            size: i64::from(message_size(m, attachments()) as i32),
            flags: i64::from(message_flags(m, attachments().next().is_some()) as i32),
            subject: string_key(m, PR_SUBJECT_W),
            normalized_subject: string_key(m, PR_NORMALIZED_SUBJECT_W),
        }
    }
}

/// A column of `messages` that orders a contents table: the sort tags it
/// answers, and whether a message may hold [`UNORDERED`] in it (size and
/// flags never do: they are always computed, and -1 is a value of theirs).
struct SortColumn {
    tags: &'static [ULONG],
    column: &'static str,
    may_be_unordered: bool,
}

const SORT_COLUMNS: &[SortColumn] = &[
    SortColumn {
        tags: &[PR_MESSAGE_DELIVERY_TIME],
        column: "delivery_time",
        may_be_unordered: true,
    },
    SortColumn {
        tags: &[PR_LAST_MODIFICATION_TIME],
        column: "modification_time",
        may_be_unordered: true,
    },
    SortColumn {
        tags: &[PR_MESSAGE_SIZE],
        column: "message_size",
        may_be_unordered: false,
    },
    SortColumn {
        tags: &[PR_MESSAGE_FLAGS],
        column: "message_flags",
        may_be_unordered: false,
    },
    SortColumn {
        tags: &[PR_SUBJECT_W, PR_SUBJECT_A],
        column: "subject_key",
        may_be_unordered: true,
    },
    SortColumn {
        tags: &[PR_NORMALIZED_SUBJECT_W, PR_NORMALIZED_SUBJECT_A],
        column: "normalized_subject_key",
        may_be_unordered: true,
    },
];

/// A store file's companions: its write-ahead log, shared memory index
/// and rollback journal.
fn companions(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p)
        })
        .collect()
}

/// Removes a store's file and its companions (missing ones are fine).
pub fn remove_store_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    for p in companions(path) {
        let _ = std::fs::remove_file(p);
    }
}

/// What can be told about an existing store file before SQLite touches
/// it (opening a WAL database creates its -wal and -shm files; changing
/// the journal mode writes the header): a directory, a read-only file
/// (even for root, who could write it), a file that is no SQLite
/// database, one shorter than its header says (with no log that could
/// hold the rest), or one of a newer schema.
fn check_file(path: &Path) -> MapiResult<()> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(_) => return Err(MapiError::Other(MAPI_E_NO_ACCESS)),
    };
    if meta.is_dir() || meta.permissions().readonly() {
        return Err(MapiError::Other(MAPI_E_NO_ACCESS));
    }
    if meta.len() == 0 {
        return Ok(()); // a new, empty file: SQLite makes it a database
    }
    let mut header = [0u8; 100];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|_| MapiError::Other(MAPI_E_NO_ACCESS))?;
        f.read_exact(&mut header)
            .map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))?;
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(MapiError::Other(MAPI_E_CORRUPT_STORE));
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    // The in-header size is valid when "version-valid-for" matches the
    // change counter.
    let pages = if be32(92) == be32(24) {
        u64::from(be32(28))
    } else {
        0
    };
    let wal = companions(path)[0].clone();
    let has_log = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    if !has_log && page_size.saturating_mul(pages) > meta.len() {
        return Err(MapiError::Other(MAPI_E_CORRUPT_STORE));
    }
    if i64::from(be32(60)) > i64::from(SCHEMA_VERSION) {
        return Err(MapiError::Other(MAPI_E_VERSION));
    }
    Ok(())
}

impl Drop for SqliteBackend {
    fn drop(&mut self) {
        if let Some(path) = self.scratch.take() {
            // Close the connection first (Windows cannot delete open files).
            let conn = std::mem::replace(
                self.conn.get_mut().unwrap_or_else(PoisonError::into_inner),
                match Connection::open_in_memory() {
                    Ok(c) => c,
                    Err(_) => return,
                },
            );
            drop(conn);
            remove_store_files(&path);
        }
    }
}

impl Backend for SqliteBackend {
    fn store_guid(&self) -> [u8; 16] {
        self.guid
    }

    fn next_id(&self) -> MapiResult<ObjectId> {
        let mut ids = self.ids.lock().unwrap_or_else(PoisonError::into_inner);
        if ids.0 >= ids.1 {
            // Reserve a block, durably: after a crash the rest of it is
            // skipped, never handed out twice.
            let mut conn = self.conn();
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .mapi()?;
            let next: i64 = tx
                .query_row("SELECT next_id FROM store WHERE id = 1", [], |r| r.get(0))
                .mapi()?;
            let start = id_of(next)?;
            let end = start
                .checked_add(ID_BLOCK)
                .ok_or(MapiError::NotEnoughMemory)?;
            tx.execute(
                "UPDATE store SET next_id = ?1 WHERE id = 1",
                params![int(end)?],
            )
            .mapi()?;
            tx.commit().mapi()?;
            *ids = (start, end);
        }
        let id = ids.0;
        ids.0 += 1;
        Ok(id)
    }

    fn folder(&self, id: ObjectId) -> MapiResult<Option<FolderRecord>> {
        let conn = self.conn();
        let parent: Option<i64> = conn
            .prepare_cached("SELECT parent FROM folders WHERE id = ?1")
            .mapi()?
            .query_row(params![int(id)?], |r| r.get(0))
            .optional()
            .mapi()?;
        let Some(parent) = parent else {
            return Ok(None);
        };
        // A folder has only its own properties (kind OWNER_OBJECT).
        let props = match Self::all_props_of(&conn, id)?.pop() {
            Some((OWNER_OBJECT, _, p, _)) => p,
            Some(_) => return Err(MapiError::Other(MAPI_E_CORRUPT_STORE)),
            None => Props::new(),
        };
        Ok(Some(FolderRecord {
            id,
            parent: id_of(parent)?,
            props,
        }))
    }

    fn folder_exists(&self, id: ObjectId) -> MapiResult<bool> {
        Self::has_folder(&self.conn(), id)
    }

    fn message_version(&self, id: ObjectId) -> MapiResult<Option<u64>> {
        let v: Option<i64> = self
            .conn()
            .prepare_cached("SELECT version FROM messages WHERE id = ?1")
            .mapi()?
            .query_row(params![int(id)?], |r| r.get(0))
            .optional()
            .mapi()?;
        v.map(id_of).transpose()
    }

    fn message_location(&self, id: ObjectId) -> MapiResult<Option<(ObjectId, bool)>> {
        let v: Option<(i64, bool)> = self
            .conn()
            .prepare_cached("SELECT folder, associated FROM messages WHERE id = ?1")
            .mapi()?
            .query_row(params![int(id)?], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .mapi()?;
        v.map(|(f, a)| Ok((id_of(f)?, a))).transpose()
    }

    fn subfolders(&self, parent: ObjectId) -> MapiResult<Vec<ObjectId>> {
        Self::ids(
            &self.conn(),
            "SELECT id FROM folders WHERE parent = ?1 AND id <> parent ORDER BY id",
            params![int(parent)?],
        )
    }

    fn message(&self, id: ObjectId) -> MapiResult<Option<MessageRecord>> {
        Self::read_message(&self.conn(), id)
    }

    fn messages(&self, folder: ObjectId, associated: bool) -> MapiResult<Vec<ObjectId>> {
        Self::ids(
            &self.conn(),
            "SELECT id FROM messages WHERE folder = ?1 AND associated = ?2 ORDER BY id",
            params![int(folder)?, associated],
        )
    }

    fn messages_sorted(
        &self,
        folder: ObjectId,
        associated: bool,
        tag: ULONG,
        descending: bool,
    ) -> MapiResult<Option<Vec<ObjectId>>> {
        let Some(sort) = SORT_COLUMNS.iter().find(|c| c.tags.contains(&tag)) else {
            return Ok(None);
        };
        let column = sort.column;
        let conn = self.conn();
        // Read both under one snapshot.
        let tx = conn.unchecked_transaction().mapi()?;
        if sort.may_be_unordered {
            let unordered: bool = tx
                .prepare_cached(&format!(
                    "SELECT EXISTS (SELECT 1 FROM messages WHERE folder = ?1 \
                     AND associated = ?2 AND {column} = ?3)"
                ))
                .mapi()?
                .query_row(params![int(folder)?, associated, UNORDERED], |r| r.get(0))
                .mapi()?;
            if unordered {
                return Ok(None);
            }
        }
        // NULLs (no value) first ascending, last descending; ties by
        // number: the table engine's order.
        let order = if descending { "DESC" } else { "ASC" };
        let ids = Self::ids(
            &tx,
            &format!(
                "SELECT id FROM messages WHERE folder = ?1 AND associated = ?2 \
                 ORDER BY {column} {order}, id"
            ),
            params![int(folder)?, associated],
        )?;
        tx.commit().mapi()?;
        Ok(Some(ids))
    }

    fn counts(&self, folder: ObjectId) -> MapiResult<FolderCounts> {
        let conn = self.conn();
        // Kept by triggers on `messages`: no scan of a large folder.
        let (messages, unread, associated): (i64, i64, i64) = conn
            .prepare_cached(
                "SELECT messages, unread, associated FROM folder_counts WHERE folder = ?1",
            )
            .mapi()?
            .query_row(params![int(folder)?], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
            .mapi()?
            .unwrap_or((0, 0, 0));
        let folders: i64 = conn
            .prepare_cached("SELECT count(*) FROM folders WHERE parent = ?1 AND id <> parent")
            .mapi()?
            .query_row(params![int(folder)?], |r| r.get(0))
            .mapi()?;
        let n = |v: i64| ULONG::try_from(v).unwrap_or(ULONG::MAX);
        Ok(FolderCounts {
            messages: n(messages),
            unread: n(unread),
            associated: n(associated),
            folders: n(folders),
        })
    }

    fn receive_folders(&self) -> MapiResult<Vec<(String, ObjectId)>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached("SELECT class, folder FROM receive_folders ORDER BY class")
            .mapi()?;
        let mut rows = stmt.query([]).mapi()?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().mapi()? {
            out.push((row.get(0).mapi()?, id_of(row.get(1).mapi()?)?));
        }
        Ok(out)
    }

    fn names(&self) -> MapiResult<Vec<(u16, PropName)>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached("SELECT id, name FROM names ORDER BY id")
            .mapi()?;
        let mut rows = stmt.query([]).mapi()?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().mapi()? {
            let id: i64 = row.get(0).mapi()?;
            let name: Vec<u8> = row.get(1).mapi()?;
            let id = u16::try_from(id).map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))?;
            out.push((id, decode_name(&name)?));
        }
        Ok(out)
    }

    fn apply(&self, changes: Vec<Change>) -> MapiResult<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .mapi()?;
        for change in changes {
            // A failure drops `tx`: rolled back, nothing applied.
            Self::apply_one(&tx, change)?;
        }
        tx.commit().mapi()
    }

    fn large_value_count(&self) -> MapiResult<Option<u64>> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM large_values", [], |r| r.get(0))
            .mapi()?;
        Ok(Some(id_of(n)?))
    }

    /// Reads the chunks that `offset..offset + buf.len()` covers, under
    /// one read transaction: a value replaced or removed since is gone
    /// (`STG_E_REVERTED`), as no number is reused.
    fn read_large(&self, id: i64, offset: u64, buf: &mut [u8]) -> MapiResult<usize> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction().mapi()?;
        let len = Self::large_len(&tx, id)?.ok_or(MapiError::Other(STG_E_REVERTED))?;
        let want = usize::try_from(len.saturating_sub(offset))
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let mut done = 0;
        let mut stmt = tx
            .prepare_cached("SELECT data FROM large_chunks WHERE value = ?1 AND n = ?2")
            .mapi()?;
        while done < want {
            let at = offset + done as u64;
            let n = at / LARGE_CHUNK as u64;
            let within = (at % LARGE_CHUNK as u64) as usize;
            let got = stmt
                .query_row(params![id, int(n)?], |r| {
                    let chunk = r.get_ref(0)?.as_blob()?;
                    let k = chunk.len().saturating_sub(within).min(want - done);
                    buf[done..done + k].copy_from_slice(&chunk[within..within + k]);
                    Ok(k)
                })
                .optional()
                .mapi()?;
            match got {
                Some(k) if k > 0 => done += k,
                _ => return Err(MapiError::Other(MAPI_E_CORRUPT_STORE)),
            }
        }
        drop(stmt);
        tx.commit().mapi()?;
        Ok(done)
    }

    /// The whole value, its chunks in one query.
    fn load_large(&self, id: i64, len: u64) -> MapiResult<Vec<u8>> {
        let conn = self.conn();
        let tx = conn.unchecked_transaction().mapi()?;
        if Self::large_len(&tx, id)? != Some(len) {
            return Err(MapiError::Other(STG_E_REVERTED));
        }
        let mut out =
            Vec::with_capacity(usize::try_from(len).map_err(|_| MapiError::NotEnoughMemory)?);
        {
            let mut stmt = tx
                .prepare_cached("SELECT data FROM large_chunks WHERE value = ?1 ORDER BY n")
                .mapi()?;
            let mut rows = stmt.query(params![id]).mapi()?;
            while let Some(row) = rows.next().mapi()? {
                let chunk = row
                    .get_ref(0)
                    .mapi()?
                    .as_blob()
                    .map_err(|_| MapiError::Other(MAPI_E_CORRUPT_STORE))?;
                out.extend_from_slice(chunk);
            }
        }
        tx.commit().mapi()?;
        if out.len() as u64 == len {
            Ok(out)
        } else {
            Err(MapiError::Other(MAPI_E_CORRUPT_STORE))
        }
    }
}

/// The `value` of a property row that refers to a large value: its type
/// (u16 LE) and length (u64 LE).
fn encode_large_header(prop_type: ULONG, len: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(10);
    out.extend_from_slice(&(prop_type as u16).to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out
}

fn decode_large_header(bytes: &[u8]) -> MapiResult<(ULONG, u64)> {
    let corrupt = || MapiError::Other(MAPI_E_CORRUPT_STORE);
    let t: [u8; 2] = bytes
        .get(..2)
        .ok_or_else(corrupt)?
        .try_into()
        .map_err(|_| corrupt())?;
    let n: [u8; 8] = bytes
        .get(2..10)
        .ok_or_else(corrupt)?
        .try_into()
        .map_err(|_| corrupt())?;
    let t = ULONG::from(u16::from_le_bytes(t));
    if !matches!(t, PT_BINARY | PT_UNICODE | PT_STRING8) || bytes.len() != 10 {
        return Err(corrupt());
    }
    Ok((t, u64::from_le_bytes(n)))
}

/// Values below this stay inline.
const _: () = assert!(LARGE_VALUE_THRESHOLD > 0);
// SQLite is C: Miri cannot call it (the Miri run covers the memory
// backend; these run natively and under ThreadSanitizer).
#[cfg(all(test, not(miri)))]
mod tests {
    use super::*;

    /// A fresh path in the temporary directory (its files removed when
    /// dropped).
    struct TempFile(PathBuf);

    impl TempFile {
        fn new(name: &str) -> TempFile {
            let path = std::env::temp_dir()
                .join(format!("mslogon-sqlite-{}-{name}.db", std::process::id()));
            remove_store_files(&path);
            TempFile(path)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            remove_store_files(&self.0);
        }
    }

    const FOLDER: ObjectId = 0x40;

    /// A few dozen messages whose subjects, normalized subjects, sizes
    /// and flags tie, differ by case, are missing, or have the high bit
    /// set.
    fn records() -> Vec<MessageRecord> {
        let subjects = ["b", "B", "a", "", "ä", "Ä", "ab", "a", "ß", "ς", "Σ", "σ"];
        (0..36u64)
            .map(|i| {
                let mut props = Props::new();
                if i % 7 != 3 {
                    let s = subjects[(i * 5 % 12) as usize];
                    props.insert(pid_of(PR_SUBJECT_W), PropValue::String(s.into()));
                }
                if i.is_multiple_of(2) {
                    let s = subjects[(i * 7 % 12) as usize].to_uppercase();
                    props.insert(pid_of(PR_NORMALIZED_SUBJECT_W), PropValue::String(s));
                }
                let flags = match i % 4 {
                    0 => MSGFLAG_READ,
                    1 => 0x8000_0000,
                    2 => 0,
                    _ => MSGFLAG_UNSENT | MSGFLAG_READ,
                };
                props.insert(pid_of(PR_MESSAGE_FLAGS), PropValue::Long(flags));
                props.insert(
                    pid_of(PR_BODY_W),
                    PropValue::String("x".repeat((i * 11 % 5) as usize)),
                );
                let attachments = (0..i % 3 / 2)
                    .map(|n| AttachmentRecord {
                        number: n as ULONG,
                        props: Props::from([(
                            pid_of(PR_ATTACH_DATA_BIN),
                            PropValue::Binary(vec![1; i as usize % 4]),
                        )]),
                        large: Large::new(),
                    })
                    .collect();
                MessageRecord {
                    id: 0x100 + i,
                    folder: FOLDER,
                    associated: false,
                    version: 1,
                    props,
                    large: Large::new(),
                    recipients: vec![],
                    attachments,
                }
            })
            .collect()
    }

    fn pid_of(tag: ULONG) -> u16 {
        PROP_ID(tag) as u16
    }

    /// A store file as schema v1 made it (its frozen SQL and statements)
    /// holding `FOLDER` and `messages`.
    fn write_v1(path: &Path, messages: &[MessageRecord]) {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(SCHEMA_V1).unwrap();
        conn.execute(
            "INSERT INTO store (id, guid, next_id) VALUES (1, ?1, ?2)",
            params![&[5u8; 16][..], FIRST_DYNAMIC_ID as i64],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO folders (id, parent) VALUES (?1, ?1)",
            params![FOLDER as i64],
        )
        .unwrap();
        for m in messages {
            conn.execute(
                "INSERT INTO messages (id, folder, associated, version, unread, \
                 delivery_time, modification_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    m.id as i64,
                    m.folder as i64,
                    m.associated,
                    1,
                    true,
                    None::<i64>,
                    None::<i64>
                ],
            )
            .unwrap();
            SqliteBackend::put_props(&conn, m.id, OWNER_OBJECT, 0, &m.props, &Large::new())
                .unwrap();
            for a in &m.attachments {
                SqliteBackend::put_props(
                    &conn,
                    m.id,
                    OWNER_ATTACHMENT,
                    i64::from(a.number),
                    &a.props,
                    &Large::new(),
                )
                .unwrap();
            }
        }
        conn.pragma_update(None, "user_version", 1).unwrap();
    }

    /// Everything a v1 reader sees of a store file: its schema version,
    /// schema and rows.
    fn dump(path: &Path) -> (i32, Vec<String>, Vec<Vec<u8>>) {
        let conn = Connection::open(path).unwrap();
        let version = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let mut schema = Vec::new();
        let mut stmt = conn
            .prepare("SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            .unwrap();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            schema.push(r.get(0).unwrap());
        }
        let mut data = Vec::new();
        for sql in [
            "SELECT id, folder, associated, version, unread FROM messages ORDER BY id",
            "SELECT owner, kind, sub, tag, value FROM properties ORDER BY owner, kind, sub, tag",
        ] {
            let mut stmt = conn.prepare(sql).unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            while let Some(r) = rows.next().unwrap() {
                let mut row = Vec::new();
                for i in 0..n {
                    row.extend(format!("{:?}|", r.get_ref(i).unwrap()).into_bytes());
                }
                data.push(row);
            }
        }
        (version, schema, data)
    }

    /// The order the table engine gives `messages` sorted by `tag`: its
    /// generic sort over the values a row answers.
    fn generic_order(messages: &[MessageRecord], tag: ULONG, descending: bool) -> Vec<ObjectId> {
        let value = |m: &MessageRecord| -> Option<PropValue> {
            let attachments = || m.attachments.iter().map(|a| (&a.props, &a.large));
            if tag == PR_MESSAGE_SIZE {
                Some(PropValue::Long(message_size(m, attachments())))
            } else if tag == PR_MESSAGE_FLAGS {
                Some(PropValue::Long(message_flags(
                    m,
                    attachments().next().is_some(),
                )))
            } else {
                m.props.get(&pid_of(tag)).cloned()
            }
        };
        let mut keyed: Vec<(Option<PropValue>, ObjectId)> =
            messages.iter().map(|m| (value(m), m.id)).collect();
        keyed.sort_by(|(a, x), (b, y)| {
            let o = crate::table::sort_order(a.as_ref(), b.as_ref());
            if descending { o.reverse() } else { o }.then(x.cmp(y))
        });
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    const V2_TAGS: [ULONG; 5] = [
        PR_SUBJECT_W,
        PR_SUBJECT_A,
        PR_NORMALIZED_SUBJECT_W,
        PR_MESSAGE_SIZE,
        PR_MESSAGE_FLAGS,
    ];

    /// A v1 file with messages opens migrated to v3: its new columns hold
    /// what a v3 store writes for the same messages, and the tables sorted
    /// by each new key come from the index in the engine's order.
    #[test]
    fn a_v1_store_is_migrated_and_sorts_by_the_new_keys() {
        let file = TempFile::new("v1-migrated");
        let messages = records();
        write_v1(&file.0, &messages);
        let backend = SqliteBackend::open(&file.0, [9; 16]).unwrap();
        assert_eq!(backend.store_guid(), [5; 16], "the store it was");
        for tag in V2_TAGS {
            for descending in [false, true] {
                assert_eq!(
                    backend
                        .messages_sorted(FOLDER, false, tag, descending)
                        .unwrap(),
                    Some(generic_order(&messages, tag, descending)),
                    "{tag:#010X} descending: {descending}"
                );
            }
        }
        // The same columns as a store that wrote the messages itself.
        let fresh = SqliteBackend::scratch([6; 16]).unwrap();
        let mut changes = vec![Change::PutFolder(FolderRecord {
            id: FOLDER,
            parent: FOLDER,
            props: Props::new(),
        })];
        changes.extend(messages.iter().cloned().map(Change::PutMessage));
        fresh.apply(changes).unwrap();
        let columns = |b: &SqliteBackend| -> Vec<(i64, i64, SqlValue, SqlValue)> {
            let conn = b.conn();
            let mut stmt = conn
                .prepare(
                    "SELECT message_size, message_flags, subject_key, normalized_subject_key \
                     FROM messages ORDER BY id",
                )
                .unwrap();
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .unwrap();
            rows.map(Result::unwrap).collect()
        };
        assert_eq!(columns(&backend).len(), messages.len());
        assert_eq!(columns(&backend), columns(&fresh));
        drop(backend);
        let (version, schema, _) = dump(&file.0);
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(version, 3);
        assert!(
            schema
                .iter()
                .any(|s| s.starts_with("index messages_by_subject ")),
            "{schema:?}"
        );
        // Opened again: nothing left to migrate.
        let again = SqliteBackend::open(&file.0, [9; 16]).unwrap();
        assert_eq!(
            again
                .messages_sorted(FOLDER, false, PR_SUBJECT_W, true)
                .unwrap(),
            Some(generic_order(&messages, PR_SUBJECT_W, true))
        );
    }

    /// A migration that fails half way (a message whose stored property
    /// cannot be read, met after the columns were added) answers a MAPI
    /// error and leaves the v1 file as it was; so does a read-only file.
    #[test]
    fn a_failed_migration_leaves_the_v1_store_as_it_was() {
        let file = TempFile::new("v1-corrupt");
        let messages = records();
        write_v1(&file.0, &messages);
        {
            let conn = Connection::open(&file.0).unwrap();
            conn.execute(
                "UPDATE properties SET value = x'FF' WHERE owner = ?1 AND kind = ?2",
                params![messages[20].id as i64, OWNER_OBJECT],
            )
            .unwrap();
        }
        let before = dump(&file.0);
        assert_eq!(before.0, 1);
        assert_eq!(
            SqliteBackend::open(&file.0, [9; 16]).err(),
            Some(MapiError::Other(MAPI_E_CORRUPT_STORE))
        );
        assert_eq!(dump(&file.0), before);
        for companion in &companions(&file.0)[..2] {
            assert!(!companion.exists(), "{companion:?} left behind");
        }

        let file = TempFile::new("v1-read-only");
        write_v1(&file.0, &messages);
        let before = dump(&file.0);
        let mut perms = std::fs::metadata(&file.0).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&file.0, perms.clone()).unwrap();
        assert_eq!(
            SqliteBackend::open(&file.0, [9; 16]).err(),
            Some(MapiError::Other(MAPI_E_NO_ACCESS))
        );
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&file.0, perms).unwrap();
        assert_eq!(dump(&file.0), before);
        // Writable again: migrated.
        let backend = SqliteBackend::open(&file.0, [9; 16]).unwrap();
        assert_eq!(
            backend
                .messages_sorted(FOLDER, false, PR_MESSAGE_SIZE, false)
                .unwrap(),
            Some(generic_order(&messages, PR_MESSAGE_SIZE, false))
        );
    }
}
