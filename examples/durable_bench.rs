//! The durable store's benchmark driver (issue 12): what `bench/durable`
//! runs and BENCHMARKS.md ("Durable store (SQLite)") reports. Not a test:
//! nothing here checks the speed. It checks its answers (row counts, the
//! sorted order, 50 rows of 6 columns) and exits non-zero if one is wrong.
//!
//! ```sh
//! cargo run --release --example durable_bench -- MODE ARGS...
//! ```
//!
//! | mode | what it does |
//! |---|---|
//! | `floor DIR N BYTES...` | the fsync floor on DIR's file system: N × (write of BYTES + fsync), in place and appended, and with fdatasync |
//! | `save DIR N` | N messages of 20 properties saved in the Inbox of a store in DIR, each CreateMessage + SetProps + SaveChanges (one commit each); DIR `:memory:`: the in-memory store |
//! | `fill DIR N` | a store in DIR whose Inbox holds N messages, written through `Backend::apply` 10,000 per transaction |
//! | `tables DIR REPS [sort2]` | opening the Inbox's contents table, SortTable(delivery time desc), SetColumns(6) + QueryRows(50) at the start, middle and end, at random places; SortTable(subject) and SortTable(size) + QueryRows(50) at the start, middle and end; with `sort2`, SortTable(delivery time desc, subject), and the subject and size sorts again done by the engine (a restriction that matches every row: the path before schema v2) |
//! | `page DIR` | RSS while paging the whole Inbox with QueryRows(50), sorted by delivery time |
//!
//! Every record is one tab-separated line on stdout.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use mslogon::mapi::*;
use mslogon::provider::{
    Folder, LogonProvider, LogonRequest, MessageStoreProvider, Opened, PropValue,
};
use mslogon::store::{
    folders, Change, Engine, MessageRecord, Props, ReferenceLogon, ReferenceStore, SqliteBackend,
    Storage,
};
use mslogon::table::{compare_values, Origin, Restriction, SortKey, Table};

type Failure = String;
type Outcome<T> = Result<T, Failure>;

fn fail<T>(what: impl Into<String>) -> Outcome<T> {
    Err(what.into())
}

fn mapi<T>(what: &str, r: MapiResult<T>) -> Outcome<T> {
    r.map_err(|e| format!("{what}: {e:?}"))
}

/// xorshift64: deterministic "random" numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn ns(d: Duration) -> u128 {
    d.as_nanos()
}

fn median(v: &mut [u128]) -> u128 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn percentile(v: &mut [u128], p: f64) -> u128 {
    v.sort_unstable();
    if v.is_empty() {
        return 0;
    }
    let at = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[at.min(v.len() - 1)]
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`); 0 where
/// there is no procfs.
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// `(wchar, syscw)` of `/proc/self/io`: bytes written and write calls.
fn io_written() -> (u64, u64) {
    let s = std::fs::read_to_string("/proc/self/io").unwrap_or_default();
    let field = |name: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    (field("wchar:"), field("syscw:"))
}

// ---- the fsync floor ---------------------------------------------------------

/// `n` × (write `bytes` + sync) on a file in `dir`: in place in a
/// preallocated file (as SQLite's WAL once it has wrapped) or appended
/// (as a new WAL grows). Returns the median and total time.
fn sync_loop(dir: &Path, n: usize, bytes: usize, append: bool, data_only: bool) -> Outcome<()> {
    let path = dir.join("fsync-floor.tmp");
    let _ = std::fs::remove_file(&path);
    let io = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(io)?;
    let block = vec![0x5Au8; bytes];
    // In place: a region of 256 blocks, written and synced beforehand.
    let slots = 256;
    if !append {
        for _ in 0..slots {
            f.write_all(&block).map_err(io)?;
        }
        f.sync_all().map_err(io)?;
    }
    let mut times = Vec::with_capacity(n);
    let start = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        if !append {
            f.seek(SeekFrom::Start(((i % slots) * bytes) as u64))
                .map_err(io)?;
        }
        f.write_all(&block).map_err(io)?;
        if data_only {
            f.sync_data().map_err(io)?;
        } else {
            f.sync_all().map_err(io)?;
        }
        times.push(ns(t.elapsed()));
    }
    let total = start.elapsed().as_secs_f64();
    drop(f);
    let _ = std::fs::remove_file(&path);
    let variant = format!(
        "{}_{}",
        if data_only { "fdatasync" } else { "fsync" },
        if append { "append" } else { "inplace" }
    );
    println!(
        "floor\t{variant}\t{bytes}\t{n}\t{total:.4}\t{:.1}\t{}\t{}",
        n as f64 / total,
        median(&mut times),
        percentile(&mut times, 0.99)
    );
    Ok(())
}

fn floor(dir: &Path, n: usize, sizes: &[usize]) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for &bytes in sizes {
        for (append, data_only) in [(false, false), (false, true), (true, false)] {
            sync_loop(dir, n, bytes, append, data_only)?;
        }
    }
    Ok(())
}

// ---- saving through the provider ---------------------------------------------

fn logon(storage: Storage) -> Outcome<(ReferenceStore, ReferenceLogon)> {
    let provider = ReferenceStore::default().in_storage(storage);
    let logon = mapi(
        "Logon",
        provider.logon(&LogonRequest {
            entry_id: None,
            flags: MDB_WRITE,
            spooler: false,
            store_path: None,
        }),
    )?;
    Ok((provider, logon))
}

fn inbox(logon: &ReferenceLogon) -> Outcome<Box<dyn Folder>> {
    let (eid, _) = mapi("GetReceiveFolder", logon.receive_folder("IPM.Note"))?;
    match mapi(
        "OpenEntry(Inbox)",
        logon.open_entry(Some(&eid), None, MAPI_MODIFY),
    )? {
        Opened::Folder(f) => Ok(f),
        _ => fail("the Inbox is not a folder"),
    }
}

/// The 20 properties of message `n` (tests/durable.rs's `props_of`):
/// 3 strings (a 280-character body), 9 `PT_LONG`s, 7 binaries, a time.
fn props_of(n: u32) -> Vec<(ULONG, PropValue)> {
    let mut props = vec![
        (PR_SUBJECT_W, PropValue::String(format!("message {n} ✓"))),
        (
            PR_BODY_W,
            PropValue::String(format!("body of {n} ").repeat(20)),
        ),
        (PR_MESSAGE_CLASS_W, PropValue::String("IPM.Note".into())),
        (PR_IMPORTANCE, PropValue::Long(n % 3)),
        (
            PR_MESSAGE_DELIVERY_TIME,
            PropValue::SysTime(133_000_000_000_000_000 + u64::from(n)),
        ),
    ];
    for k in 0..15u32 {
        let tag = PROP_TAG(if k % 2 == 0 { PT_LONG } else { PT_BINARY }, 0x6600 + k);
        let value = if k % 2 == 0 {
            PropValue::Long(n.wrapping_mul(31).wrapping_add(k))
        } else {
            PropValue::Binary(n.to_le_bytes().repeat(k as usize))
        };
        props.push((tag, value));
    }
    props
}

/// `n` × (CreateMessage + SetProps(20) + SaveChanges + Release) in the
/// Inbox; `dir` `:memory:` for the in-memory store.
fn save(dir: &str, n: u32) -> Outcome<()> {
    let (storage, backend) = if dir == ":memory:" {
        (Storage::Memory, "memory")
    } else {
        let dir = PathBuf::from(dir);
        let file = Storage::Directory(dir.clone()).store_file(1);
        if let Some(f) = file {
            mslogon::store::remove_store_files(&f);
        }
        (Storage::Directory(dir), "sqlite")
    };
    let (_provider, logon) = logon(storage)?;
    let folder = inbox(&logon)?;
    let props: Vec<_> = (0..n).map(props_of).collect();
    let mut times = Vec::with_capacity(n as usize);
    let (bytes0, writes0) = io_written();
    let start = Instant::now();
    for p in props {
        let t = Instant::now();
        let m = mapi("CreateMessage", folder.create_message(false))?;
        let problems = mapi(
            "SetProps",
            m.set_props(
                p.into_iter()
                    .enumerate()
                    .map(|(i, (t, v))| (i, t, v))
                    .collect(),
            ),
        )?;
        if !problems.is_empty() {
            return fail(format!("SetProps problems: {problems:?}"));
        }
        mapi("SaveChanges", m.save_changes(0))?;
        drop(m);
        times.push(ns(t.elapsed()));
    }
    let total = start.elapsed().as_secs_f64();
    let (bytes1, writes1) = io_written();
    let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
    if table.row_count() != n as usize {
        return fail(format!("{} rows after {n} saves", table.row_count()));
    }
    println!(
        "save\t{backend}\t{n}\t{total:.4}\t{:.1}\t{}\t{}\t{:.0}\t{:.2}",
        f64::from(n) / total,
        median(&mut times),
        percentile(&mut times, 0.99),
        (bytes1 - bytes0) as f64 / f64::from(n.max(1)),
        (writes1 - writes0) as f64 / f64::from(n.max(1)),
    );
    Ok(())
}

// ---- a folder of N messages ----------------------------------------------------

const TOPICS: [&str; 24] = [
    "Budget review",
    "Quarterly report",
    "Team lunch",
    "Server maintenance",
    "Holiday schedule",
    "Project kickoff",
    "Invoice",
    "Meeting notes",
    "Travel plans",
    "Security update",
    "Customer feedback",
    "Release candidate",
    "Hiring",
    "Office move",
    "Training session",
    "Contract renewal",
    "Status update",
    "Design review",
    "Déjà vu",
    "Résumé",
    "Weekly digest",
    "Build failure",
    "Reminder",
    "Welcome aboard",
];

fn pid(tag: ULONG) -> u16 {
    PROP_ID(tag) as u16
}

/// The store file in `dir` and its size (with its write-ahead log).
fn store_bytes(dir: &Path) -> u64 {
    let Some(file) = Storage::Directory(dir.to_path_buf()).store_file(1) else {
        return 0;
    };
    let wal = PathBuf::from(format!("{}-wal", file.display()));
    [file, wal]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// A store in `dir` whose Inbox holds `n` messages of 9 properties each
/// (subject, body, class, importance, flags half of them read, delivery
/// time about 2 a minute so there are ties, creation and modification
/// time, search key), 10,000 per `Backend::apply` (one transaction).
fn fill(dir: &Path, n: u64) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = Storage::Directory(dir.to_path_buf())
        .store_file(1)
        .ok_or("no store file")?;
    mslogon::store::remove_store_files(&file);
    let start = Instant::now();
    let mut guid = *b"mslogon\0refstore";
    guid[12..].copy_from_slice(&1u32.to_le_bytes());
    let backend = mapi("SqliteBackend::open", SqliteBackend::open(&file, guid))?;
    let engine = mapi("Engine::open", Engine::open(Box::new(backend), 1))?;
    let backend = engine.backend();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    const BATCH: u64 = 10_000;
    // 2020-01-01 in FILETIME units; one minute = 600,000,000.
    let base: u64 = 132_223_104_000_000_000;
    let minutes = (n / 2).max(1);
    let mut done = 0;
    while done < n {
        let count = BATCH.min(n - done);
        let mut batch = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let id = mapi("next_id", backend.next_id())?;
            let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
            let subject = format!("{topic} #{}", rng.below(160));
            let delivered = base + rng.below(minutes) * 600_000_000;
            let flags = if rng.below(2) == 0 { MSGFLAG_READ } else { 0 };
            let props: Props = [
                (pid(PR_SUBJECT_W), PropValue::String(subject)),
                (
                    pid(PR_BODY_W),
                    PropValue::String(format!(
                        "Message {id}: please find the notes attached, and reply by Friday."
                    )),
                ),
                (
                    pid(PR_MESSAGE_CLASS_W),
                    PropValue::String("IPM.Note".into()),
                ),
                (pid(PR_IMPORTANCE), PropValue::Long(rng.below(3) as ULONG)),
                (pid(PR_MESSAGE_FLAGS), PropValue::Long(flags)),
                (pid(PR_MESSAGE_DELIVERY_TIME), PropValue::SysTime(delivered)),
                (pid(PR_CREATION_TIME), PropValue::SysTime(delivered)),
                (
                    pid(PR_LAST_MODIFICATION_TIME),
                    PropValue::SysTime(delivered),
                ),
                (pid(PR_SEARCH_KEY), PropValue::Binary(engine.record_key(id))),
            ]
            .into_iter()
            .collect();
            batch.push(Change::PutMessage(MessageRecord {
                id,
                folder: folders::INBOX,
                associated: false,
                version: 1,
                props,
                large: Default::default(),
                recipients: Vec::new(),
                attachments: Vec::new(),
            }));
        }
        mapi("apply", backend.apply(batch))?;
        done += count;
    }
    let counts = mapi("counts", backend.counts(folders::INBOX))?;
    if u64::from(counts.messages) != n {
        return fail(format!(
            "the Inbox holds {} messages, not {n}",
            counts.messages
        ));
    }
    let total = start.elapsed().as_secs_f64();
    drop(engine);
    println!(
        "fill\t{n}\t{total:.2}\t{:.0}\t{}",
        n as f64 / total,
        store_bytes(dir)
    );
    Ok(())
}

// ---- tables ----------------------------------------------------------------------

/// The 6 columns of bench/tables.c.
const COLUMNS: [ULONG; 6] = [
    PR_ENTRYID,
    PR_INSTANCE_KEY,
    PR_SUBJECT_W,
    PR_MESSAGE_DELIVERY_TIME,
    PR_MESSAGE_FLAGS,
    PR_IMPORTANCE,
];

fn by_delivery() -> Vec<SortKey> {
    vec![SortKey {
        tag: PR_MESSAGE_DELIVERY_TIME,
        descending: true,
    }]
}

fn time_of(row: &[(ULONG, Option<PropValue>)]) -> Option<u64> {
    match row.get(3) {
        Some((_, Some(PropValue::SysTime(t)))) => Some(*t),
        _ => None,
    }
}

/// QueryRows(50) from the cursor: the rows, checked (6 columns, newest
/// first, `want` rows).
fn query50(table: &dyn Table, want: usize) -> Outcome<()> {
    let rows = mapi("QueryRows", table.query_rows(50, false))?;
    if rows.len() != want {
        return fail(format!(
            "QueryRows(50) gave {} rows, not {want}",
            rows.len()
        ));
    }
    let mut last = u64::MAX;
    for row in &rows {
        if row.len() != COLUMNS.len() || row.iter().take(3).any(|(_, v)| v.is_none()) {
            return fail(format!("a row without its columns: {row:?}"));
        }
        let t = time_of(row).ok_or("a row without a delivery time")?;
        if t > last {
            return fail("rows out of order (not newest first)");
        }
        last = t;
    }
    Ok(())
}

/// Times `f` `reps` times: (the first call, the median, the fastest).
fn timed(reps: usize, mut f: impl FnMut() -> Outcome<()>) -> Outcome<(u128, u128, u128)> {
    let mut times = Vec::with_capacity(reps);
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        f()?;
        times.push(ns(t.elapsed()));
    }
    let first = times[0];
    let fastest = *times.iter().min().unwrap_or(&0);
    Ok((first, median(&mut times), fastest))
}

fn report(op: &str, n: usize, (first, med, fastest): (u128, u128, u128)) {
    println!("tables\t{op}\t{n}\t{first}\t{med}\t{fastest}");
}

fn tables(dir: &Path, reps: usize, sort2: bool) -> Outcome<()> {
    let t = Instant::now();
    let (_provider, logon) = logon(Storage::Directory(dir.to_path_buf()))?;
    let folder = inbox(&logon)?;
    let logon_ns = ns(t.elapsed());
    let rss0 = status_kib("VmRSS:");

    // (a) opening: GetContentsTable (its natural order is the folder's
    // message numbers, one index scan).
    let mut n = 0;
    let open = timed(reps, || {
        let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
        n = table.row_count();
        Ok(())
    })?;
    if n < 100 {
        return fail(format!("the Inbox holds {n} messages: run `fill` first"));
    }
    println!("logon\t{n}\t{logon_ns}");
    report("open", n, open);

    // (b) SortTable(delivery time desc): from the index.
    let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
    let sort = timed(reps, || mapi("SortTable", table.sort(by_delivery())))?;
    report("sort", n, sort);
    let rss_sorted = status_kib("VmRSS:");

    // (c) SetColumns(6) + QueryRows(50) at the start, the middle and the
    // end; the first call is the first read of those rows by this process.
    let place = |at: &str| -> Outcome<()> {
        match at {
            "start" => mapi("SeekRow", table.seek(Origin::Beginning, 0)).map(drop),
            "middle" => mapi("SeekRowApprox", table.seek_approx(1, 2)),
            _ => mapi("SeekRow", table.seek(Origin::End, -50)).map(drop),
        }
    };
    for at in ["start", "middle", "end"] {
        let mut times = Vec::with_capacity(reps);
        for _ in 0..reps.max(1) {
            place(at)?;
            let t = Instant::now();
            mapi("SetColumns", table.set_columns(COLUMNS.to_vec()))?;
            query50(&*table, 50)?;
            times.push(ns(t.elapsed()));
        }
        let first = times[0];
        let fastest = *times.iter().min().unwrap_or(&0);
        report(
            &format!("query50_{at}"),
            n,
            (first, median(&mut times), fastest),
        );
    }
    // QueryRows(50) at random places (each page read once, or nearly).
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let pages = 200;
    let mut times = Vec::with_capacity(pages);
    for _ in 0..pages {
        let at = rng.below((n - 50) as u64) as i32;
        mapi("SeekRow", table.seek(Origin::Beginning, at))?;
        let t = Instant::now();
        query50(&*table, 50)?;
        times.push(ns(t.elapsed()));
    }
    let first = times[0];
    let fastest = *times.iter().min().unwrap_or(&0);
    report("query50_random", n, (first, median(&mut times), fastest));
    println!(
        "rss\ttables\t{n}\t{rss0}\t{rss_sorted}\t{}",
        status_kib("VmRSS:")
    );
    drop(table);

    // (d) a sort the index does not serve: the engine reads every row.
    if sort2 {
        let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
        let keys = vec![
            SortKey {
                tag: PR_MESSAGE_DELIVERY_TIME,
                descending: true,
            },
            SortKey {
                tag: PR_SUBJECT_W,
                descending: false,
            },
        ];
        let sort2 = timed(reps.min(3), || mapi("SortTable", table.sort(keys.clone())))?;
        report("sort2", n, sort2);
        mapi("SetColumns", table.set_columns(COLUMNS.to_vec()))?;
        query50(&*table, 50)?;
    }

    // (e) the keys schema v2 indexes: subject and size; with `sort2`, the
    // same sorts done by the engine.
    for sort in [("subject", PR_SUBJECT_W, 2), ("size", PR_MESSAGE_SIZE, 6)] {
        keyed_sort(&*folder, n, reps, sort, false)?;
        if sort2 {
            keyed_sort(&*folder, n, reps.min(3), sort, true)?;
        }
    }
    Ok(())
}

/// The columns of the subject and size sorts: [`COLUMNS`] and the size.
const KEYED_COLUMNS: [ULONG; 7] = [
    PR_ENTRYID,
    PR_INSTANCE_KEY,
    PR_SUBJECT_W,
    PR_MESSAGE_DELIVERY_TIME,
    PR_MESSAGE_FLAGS,
    PR_IMPORTANCE,
    PR_MESSAGE_SIZE,
];

/// QueryRows(50) from the cursor of a table sorted ascending by the
/// property in column `key` of [`KEYED_COLUMNS`]: the rows, checked
/// (`want` rows, each with the key, in the engine's order of it).
fn query50_by(table: &dyn Table, want: usize, key: usize) -> Outcome<()> {
    let rows = mapi("QueryRows", table.query_rows(50, false))?;
    if rows.len() != want {
        return fail(format!(
            "QueryRows(50) gave {} rows, not {want}",
            rows.len()
        ));
    }
    let mut last: Option<PropValue> = None;
    for row in &rows {
        let value = match row.get(key) {
            Some((_, Some(v))) if row.len() == KEYED_COLUMNS.len() => v.clone(),
            _ => return fail(format!("a row without its columns: {row:?}")),
        };
        if let Some(last) = &last {
            if compare_values(last, &value) != Some(std::cmp::Ordering::Less)
                && compare_values(last, &value) != Some(std::cmp::Ordering::Equal)
            {
                return fail(format!("rows out of order: {last:?} before {value:?}"));
            }
        }
        last = Some(value);
    }
    Ok(())
}

/// SortTable by `tag` (ascending; `engine`: with a restriction that
/// matches every row, so the engine reads and sorts the rows, as before
/// schema v2), then SetColumns(7) + QueryRows(50) at the start, middle and
/// end (`key`: the column of `tag`).
fn keyed_sort(
    folder: &dyn Folder,
    n: usize,
    reps: usize,
    (name, tag, key): (&str, ULONG, usize),
    engine: bool,
) -> Outcome<()> {
    let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
    let suffix = if engine { "_engine" } else { "" };
    if engine {
        mapi(
            "Restrict",
            table.restrict(Some(Restriction::And(Vec::new()))),
        )?;
    }
    let keys = vec![SortKey {
        tag,
        descending: false,
    }];
    let sort = timed(reps, || mapi("SortTable", table.sort(keys.clone())))?;
    report(&format!("sort_{name}{suffix}"), n, sort);
    for at in ["start", "middle", "end"] {
        let mut times = Vec::with_capacity(reps);
        for _ in 0..reps.max(1) {
            match at {
                "start" => mapi("SeekRow", table.seek(Origin::Beginning, 0)).map(drop)?,
                "middle" => mapi("SeekRowApprox", table.seek_approx(1, 2))?,
                _ => mapi("SeekRow", table.seek(Origin::End, -50)).map(drop)?,
            }
            let t = Instant::now();
            mapi("SetColumns", table.set_columns(KEYED_COLUMNS.to_vec()))?;
            query50_by(&*table, 50, key)?;
            times.push(ns(t.elapsed()));
        }
        let first = times[0];
        let fastest = *times.iter().min().unwrap_or(&0);
        report(
            &format!("query50_{name}{suffix}_{at}"),
            n,
            (first, median(&mut times), fastest),
        );
    }
    Ok(())
}

/// Pages through the whole Inbox (sorted by delivery time, newest first)
/// with QueryRows(50), RSS sampled every 10,000 rows.
fn page(dir: &Path) -> Outcome<()> {
    let (_provider, logon) = logon(Storage::Directory(dir.to_path_buf()))?;
    let folder = inbox(&logon)?;
    let before = status_kib("VmRSS:");
    let table = mapi("GetContentsTable", folder.contents_table(false, true))?;
    mapi("SortTable", table.sort(by_delivery()))?;
    mapi("SetColumns", table.set_columns(COLUMNS.to_vec()))?;
    let n = table.row_count();
    let opened = status_kib("VmRSS:");
    println!("rss\tsample\t0\t{opened}");
    let start = Instant::now();
    let mut read = 0;
    let mut last = u64::MAX;
    let mut samples = Vec::new();
    loop {
        let rows = mapi("QueryRows", table.query_rows(50, false))?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let t = time_of(row).ok_or("a row without a delivery time")?;
            if t > last {
                return fail("rows out of order (not newest first)");
            }
            last = t;
        }
        read += rows.len();
        if read % 10_000 == 0 {
            let kib = status_kib("VmRSS:");
            samples.push(kib);
            println!("rss\tsample\t{read}\t{kib}");
        }
    }
    let total = start.elapsed().as_secs_f64();
    if read != n {
        return fail(format!("paged {read} rows of {n}"));
    }
    let lo = samples.iter().copied().min().unwrap_or(opened);
    let hi = samples.iter().copied().max().unwrap_or(opened);
    println!(
        "page\t{n}\t{total:.2}\t{:.0}\t{before}\t{opened}\t{lo}\t{hi}\t{}\t{}",
        n as f64 / total,
        status_kib("VmRSS:"),
        status_kib("VmHWM:")
    );
    Ok(())
}

fn run(args: &[String]) -> Outcome<()> {
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let num = |i: usize| -> Outcome<u64> {
        arg(i)
            .parse()
            .map_err(|_| format!("argument {i} ({:?}) is not a number", arg(i)))
    };
    match arg(0) {
        "floor" => {
            let sizes = args[3.min(args.len())..]
                .iter()
                .map(|s| s.parse().map_err(|_| format!("{s:?} is not a size")))
                .collect::<Outcome<Vec<usize>>>()?;
            let sizes = if sizes.is_empty() { vec![4096] } else { sizes };
            floor(Path::new(arg(1)), num(2)? as usize, &sizes)
        }
        "save" => save(arg(1), num(2)? as u32),
        "fill" => fill(Path::new(arg(1)), num(2)?),
        "tables" => tables(Path::new(arg(1)), num(2)? as usize, arg(3) == "sort2"),
        "page" => page(Path::new(arg(1))),
        _ => fail(
            "usage: durable_bench floor DIR N [BYTES...] | save DIR|:memory: N | fill DIR N \
             | tables DIR REPS [sort2] | page DIR",
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("durable_bench: {e}");
            ExitCode::FAILURE
        }
    }
}
