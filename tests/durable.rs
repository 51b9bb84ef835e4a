//! The durable store (SQLite) through the provider traits: what is saved
//! survives the provider, a killed process loses no committed message and
//! leaves no half-written one, two processes share a store, and bad files
//! are clear MAPI errors that leave the file untouched.
//!
//! The child processes are this test binary run again with
//! `MSLOGON_DURABLE_CHILD` set (see `child_process_entry`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mslogon::mapi::*;
use mslogon::provider::{
    Folder, LogonProvider, LogonRequest, Message, MessageStoreProvider, Opened, PropValue,
};
use mslogon::store::{
    parse_store_entry_id, store_entry_file, store_entry_id, store_entry_id_in, ReferenceLogon,
    ReferenceStore, SqliteBackend, Storage, SCHEMA_VERSION, STORE_FILE_MARK,
};

/// A fresh directory under the temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("mslogon-durable-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn logon(dir: &Path) -> (ReferenceStore, ReferenceLogon) {
    let provider = ReferenceStore::default().in_storage(Storage::Directory(dir.to_path_buf()));
    let logon = provider
        .logon(&LogonRequest {
            entry_id: None,
            flags: MDB_WRITE,
            spooler: false,
            store_path: None,
        })
        .expect("logon");
    (provider, logon)
}

fn inbox(logon: &ReferenceLogon) -> Box<dyn Folder> {
    let (eid, _) = logon.receive_folder("IPM.Note").unwrap();
    match logon.open_entry(Some(&eid), None, MAPI_MODIFY).unwrap() {
        Opened::Folder(f) => f,
        _ => panic!("the Inbox is a folder"),
    }
}

fn open_message(logon: &ReferenceLogon, eid: &[u8]) -> Option<Box<dyn Message>> {
    match logon.open_entry(Some(eid), None, 0) {
        Ok(Opened::Message(m)) => Some(m),
        _ => None,
    }
}

/// The 20 properties of message `n`: every one derived from `n`.
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

/// [`save_message`], its failure returned: the message is released
/// unsaved.
fn try_save_message(folder: &dyn Folder, n: u32) -> MapiResult<Vec<u8>> {
    let m = folder.create_message(false)?;
    let props = props_of(n)
        .into_iter()
        .enumerate()
        .map(|(i, (t, v))| (i, t, v))
        .collect();
    assert!(m.set_props(props)?.is_empty());
    m.save_changes(KEEP_OPEN_READWRITE)?;
    match m.get_props(&[PR_ENTRYID])?.pop().flatten() {
        Some(PropValue::Binary(eid)) => Ok(eid),
        other => panic!("no entry ID: {other:?}"),
    }
}

fn save_message(folder: &dyn Folder, n: u32) -> Vec<u8> {
    let m = folder.create_message(false).unwrap();
    let props = props_of(n)
        .into_iter()
        .enumerate()
        .map(|(i, (t, v))| (i, t, v))
        .collect();
    assert!(m.set_props(props).unwrap().is_empty());
    m.save_changes(KEEP_OPEN_READWRITE).unwrap();
    match m.get_props(&[PR_ENTRYID]).unwrap().pop().flatten() {
        Some(PropValue::Binary(eid)) => eid,
        other => panic!("no entry ID: {other:?}"),
    }
}

/// Whether message `m` holds exactly the 20 properties of some `n`
/// (its subject says which): `Some(n)`, or `None` for a partial or
/// mixed message.
fn whole_message(m: &dyn Message) -> Option<u32> {
    let subject = match m.get_props(&[PR_SUBJECT_W]).ok()?.pop().flatten() {
        Some(PropValue::String(s)) => s,
        _ => return None,
    };
    let n: u32 = subject
        .strip_prefix("message ")?
        .strip_suffix(" ✓")?
        .parse()
        .ok()?;
    let want = props_of(n);
    let tags: Vec<ULONG> = want.iter().map(|(t, _)| *t).collect();
    let got = m.get_props(&tags).ok()?;
    (got.into_iter()
        .zip(&want)
        .all(|(g, (_, w))| g.as_ref() == Some(w)))
    .then_some(n)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// Not a test on its own: the child process of the crash and
/// two-process tests (runs only with `MSLOGON_DURABLE_CHILD` set). It
/// saves messages into the Inbox of the store in `MSLOGON_DURABLE_CHILD`
/// (a directory), numbered from `MSLOGON_DURABLE_FROM`, and prints
/// `saved <n> <entry ID>` after each `SaveChanges` returned.
#[test]
fn child_process_entry() {
    let Some(dir) = std::env::var_os("MSLOGON_DURABLE_CHILD") else {
        return;
    };
    let from: u32 = std::env::var("MSLOGON_DURABLE_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let count: u32 = std::env::var("MSLOGON_DURABLE_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(u32::MAX);
    let (_provider, logon) = logon(Path::new(&dir));
    let folder = inbox(&logon);
    let out = std::io::stdout();
    let report_failure = std::env::var_os("MSLOGON_DURABLE_REPORT_FAILURE").is_some();
    for n in from..from.saturating_add(count) {
        let eid = if report_failure {
            match try_save_message(&*folder, n) {
                Ok(eid) => eid,
                Err(e) => {
                    let mut out = out.lock();
                    writeln!(out, "failed {n} {:08x}", e.hresult() as u32).unwrap();
                    out.flush().unwrap();
                    return;
                }
            }
        } else {
            save_message(&*folder, n)
        };
        let mut out = out.lock();
        writeln!(out, "saved {n} {}", hex(&eid)).unwrap();
        out.flush().unwrap();
    }
}

fn child(dir: &Path, from: u32, count: Option<u32>) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "child_process_entry",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("MSLOGON_DURABLE_CHILD", dir)
    .env("MSLOGON_DURABLE_FROM", from.to_string())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(c) = count {
        cmd.env("MSLOGON_DURABLE_COUNT", c.to_string());
    }
    cmd.spawn().expect("the child process starts")
}

/// The `saved` lines of a child's output, read on a thread (until EOF).
fn read_saved(stdout: std::process::ChildStdout) -> std::thread::JoinHandle<Vec<(u32, Vec<u8>)>> {
    std::thread::spawn(move || {
        let mut saved = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // libtest may print "test child_process_entry ... " before
            // the first line, without a newline.
            let Some(at) = line.find("saved ") else {
                continue;
            };
            let mut parts = line[at..].split(' ');
            parts.next();
            // A line cut by the kill has no complete entry ID: skipped
            // (its message may or may not be there; it was not reported).
            let (Some(n), Some(eid)) = (parts.next(), parts.next()) else {
                continue;
            };
            if eid.len() == 96 {
                saved.push((n.parse().unwrap(), unhex(eid)));
            }
        }
        saved
    })
}

/// xorshift: a deterministic pause for each trial.
fn pause(seed: &mut u64) -> Duration {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    Duration::from_millis(30 + *seed % 250)
}

fn trials() -> u32 {
    std::env::var("MSLOGON_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

/// SIGKILL at random moments while a child saves messages in a loop; after
/// each, the store opens, `integrity_check` is ok, every message the child
/// reported is there with all 20 properties, and no message is partial.
#[test]
fn a_killed_writer_loses_no_committed_message_and_leaves_no_partial_one() {
    let dir = TempDir::new("crash");
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut reported = Vec::new();
    let trials = trials();
    for trial in 0..trials {
        let mut c = child(&dir.0, trial * 1_000_000, None);
        let reader = read_saved(c.stdout.take().unwrap());
        std::thread::sleep(pause(&mut seed));
        c.kill().unwrap();
        c.wait().unwrap();
        let saved = reader.join().unwrap();
        reported.extend(saved);

        let file = Storage::Directory(dir.0.clone()).store_file(1).unwrap();
        let db = SqliteBackend::open(&file, [0; 16]).expect("the store opens after a kill");
        db.integrity_check().expect("integrity_check is ok");
        drop(db);
        let (_p, logon) = logon(&dir.0);
        for (n, eid) in &reported {
            let m = open_message(&logon, eid)
                .unwrap_or_else(|| panic!("trial {trial}: message {n} reported saved is gone"));
            assert_eq!(whole_message(&*m), Some(*n), "trial {trial}: message {n}");
        }
        // Nothing partial: every message in the Inbox is whole.
        let table = inbox(&logon).contents_table(false, true).unwrap();
        table.set_columns(vec![PR_ENTRYID]).unwrap();
        let rows = table.query_rows(i32::MAX, false).unwrap();
        for row in rows {
            let Some(PropValue::Binary(eid)) = &row[0].1 else {
                panic!("a row without an entry ID")
            };
            let m = open_message(&logon, eid).expect("every row opens");
            assert!(
                whole_message(&*m).is_some(),
                "trial {trial}: a partial message"
            );
        }
    }
    assert!(
        reported.len() >= trials as usize,
        "the children committed too few messages to mean anything: {}",
        reported.len()
    );
    eprintln!(
        "{trials} kills, {} committed messages all found",
        reported.len()
    );
}

/// Two processes write the same store at once while this one reads it:
/// nothing is lost, and no MAPI_E_BUSY reaches anyone (the busy timeout
/// waits for the other writer).
#[test]
fn two_processes_share_a_store() {
    let dir = TempDir::new("shared");
    // Create the store first (both children then open an existing one).
    drop(logon(&dir.0));
    let per_child = 40;
    let mut a = child(&dir.0, 0, Some(per_child));
    let mut b = child(&dir.0, 1_000, Some(per_child));
    let ra = read_saved(a.stdout.take().unwrap());
    let rb = read_saved(b.stdout.take().unwrap());
    // Meanwhile, this process reads the Inbox again and again.
    let (_p, logon) = logon(&dir.0);
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let table = inbox(&logon).contents_table(false, true).unwrap();
        if table.row_count() >= 2 * per_child as usize {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(a.wait().unwrap().success(), "child a failed");
    assert!(b.wait().unwrap().success(), "child b failed");
    let saved: Vec<_> = ra
        .join()
        .unwrap()
        .into_iter()
        .chain(rb.join().unwrap())
        .collect();
    assert_eq!(saved.len(), 2 * per_child as usize);
    for (n, eid) in &saved {
        let m = open_message(&logon, eid).expect("each saved message is there");
        assert_eq!(whole_message(&*m), Some(*n));
    }
    // A new table of this process sees all of them.
    let table = inbox(&logon).contents_table(false, true).unwrap();
    assert_eq!(table.row_count(), 2 * per_child as usize);
}

/// What a provider keeps in a store file is there for the next provider.
#[test]
fn saved_messages_outlive_the_provider() {
    let dir = TempDir::new("persist");
    let eid = {
        let (_p, logon) = logon(&dir.0);
        let folder = inbox(&logon);
        let eid = save_message(&*folder, 7);
        // Unsaved changes are not kept.
        let m = folder.create_message(false).unwrap();
        m.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("draft".into()))])
            .unwrap();
        eid
    };
    let (_p, logon) = logon(&dir.0);
    let m = open_message(&logon, &eid).expect("saved message kept");
    assert_eq!(whole_message(&*m), Some(7));
    let table = inbox(&logon).contents_table(false, true).unwrap();
    assert_eq!(table.row_count(), 1);
}

fn logon_error(dir: &Path) -> MapiError {
    let provider = ReferenceStore::default().in_storage(Storage::Directory(dir.to_path_buf()));
    provider
        .logon(&LogonRequest {
            entry_id: None,
            flags: MDB_WRITE,
            spooler: false,
            store_path: None,
        })
        .expect_err("the logon fails")
}

/// Bad files: each a clear MAPI error at Logon, the file untouched.
#[test]
fn bad_store_files_are_mapi_errors_and_stay_untouched() {
    let good = TempDir::new("good");
    drop(logon(&good.0));
    let good_file = Storage::Directory(good.0.clone()).store_file(1).unwrap();
    // Checkpointed into the main file: copy it alone.
    {
        let db = SqliteBackend::open(&good_file, [0; 16]).unwrap();
        db.checkpoint().unwrap();
    }
    let image = std::fs::read(&good_file).unwrap();
    assert!(image.len() > 4096);

    type MakeFile<'a> = Box<dyn Fn(&Path) + 'a>;
    let cases: Vec<(&str, MakeFile, HRESULT)> = vec![
        (
            "garbage",
            Box::new(|f: &Path| std::fs::write(f, vec![0x5A; 8192]).unwrap()),
            MAPI_E_CORRUPT_STORE,
        ),
        (
            "truncated",
            Box::new(|f: &Path| std::fs::write(f, &image[..image.len() / 2]).unwrap()),
            MAPI_E_CORRUPT_STORE,
        ),
        (
            "read-only",
            Box::new(|f: &Path| {
                std::fs::write(f, &image).unwrap();
                let mut perm = std::fs::metadata(f).unwrap().permissions();
                perm.set_readonly(true);
                std::fs::set_permissions(f, perm).unwrap();
            }),
            MAPI_E_NO_ACCESS,
        ),
        (
            "a directory",
            Box::new(|f: &Path| std::fs::create_dir(f).unwrap()),
            MAPI_E_NO_ACCESS,
        ),
        (
            "a newer schema",
            Box::new(|f: &Path| {
                let mut newer = image.clone();
                // user_version: bytes 60..64 of the header, big-endian.
                newer[60..64].copy_from_slice(&(SCHEMA_VERSION as u32 + 1).to_be_bytes());
                std::fs::write(f, newer).unwrap();
            }),
            MAPI_E_VERSION,
        ),
    ];
    for (name, make, want) in cases {
        let dir = TempDir::new(name);
        let file = Storage::Directory(dir.0.clone()).store_file(1).unwrap();
        make(&file);
        let before = std::fs::read(&file).ok();
        let got = logon_error(&dir.0);
        assert_eq!(got.hresult(), want, "{name}: {got:?}");
        assert_eq!(
            std::fs::read(&file).ok(),
            before,
            "{name}: the file changed"
        );
        // Nothing left beside it either.
        let entries: Vec<_> = std::fs::read_dir(&dir.0).unwrap().collect();
        assert_eq!(entries.len(), 1, "{name}: files were added");
        if name == "read-only" {
            let mut perm = std::fs::metadata(&file).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perm.set_readonly(false);
            std::fs::set_permissions(&file, perm).unwrap();
        }
    }
}

/// A logon whose profile names the store's file
/// (`LogonRequest::store_path`): wherever the provider keeps its other
/// stores (here: in memory).
fn logon_at(provider: &ReferenceStore, file: &Path) -> MapiResult<ReferenceLogon> {
    provider.logon(&LogonRequest {
        entry_id: None,
        flags: MDB_WRITE,
        spooler: false,
        store_path: Some(file),
    })
}

#[test]
fn a_store_named_by_the_profile_lives_in_that_file() {
    let dir = TempDir::new("profile");
    let file = dir.0.join("made/by/the/logon/store.mslogon.db");
    let eid = {
        let provider = ReferenceStore::default().in_storage(Storage::Memory);
        let logon = logon_at(&provider, &file).expect("logon");
        assert!(file.is_file(), "created at the logon, with its directory");
        let eid = save_message(&*inbox(&logon), 3);
        // A second logon of the provider on the same file shares its store.
        let second = logon_at(&provider, &file).expect("second logon");
        assert!(open_message(&second, &eid).is_some());
        // A logon without a path is the provider's own (memory) store.
        let plain = provider
            .logon(&LogonRequest {
                entry_id: None,
                flags: MDB_WRITE,
                spooler: false,
                store_path: None,
            })
            .unwrap();
        assert!(open_message(&plain, &eid).is_none());
        eid
    };
    // A new provider finds it there.
    let provider = ReferenceStore::default().in_storage(Storage::Memory);
    let logon = logon_at(&provider, &file).expect("logon again");
    let m = open_message(&logon, &eid).expect("kept in the file");
    assert_eq!(whole_message(&*m), Some(3));
    // The same file as a directory store's default store.
    assert_eq!(
        Storage::File(file.clone()).store_file(1),
        Some(file.clone())
    );

    // A file that is no store: MAPI_E_CORRUPT_STORE, untouched.
    let garbage = dir.0.join("garbage.db");
    std::fs::write(&garbage, b"not a database at all, not even close".repeat(8)).unwrap();
    let before = std::fs::read(&garbage).unwrap();
    let err = logon_at(&provider, &garbage).expect_err("a bad file fails the logon");
    assert_eq!(err.hresult(), MAPI_E_CORRUPT_STORE);
    assert_eq!(std::fs::read(&garbage).unwrap(), before);
}

/// The store's entry ID names its file: without a profile value, a logon
/// given that entry ID opens the file (a profile with two mslogon
/// services, each its own file, works by entry ID alone); each new file
/// is a store of its own GUID, so one store's entry IDs are invalid in
/// the other.
#[test]
fn a_store_entry_id_names_its_file() {
    let dir = TempDir::new("named");
    let (file_a, file_b) = (dir.0.join("a.mslogon.db"), dir.0.join("b.mslogon.db"));
    let provider = ReferenceStore::default().in_storage(Storage::Memory);
    let a = logon_at(&provider, &file_a).expect("logon a");
    let b = logon_at(&provider, &file_b).expect("logon b");
    let (store_a, store_b) = (a.store_entry_id(), b.store_entry_id());
    assert_ne!(store_a, store_b);
    assert_eq!(
        store_entry_file(&store_a).unwrap().as_deref(),
        Some(&*file_a)
    );
    assert_eq!(parse_store_entry_id(&store_a).unwrap(), 1);
    assert!(!provider.compare_store_ids(&store_a, &store_b, 0).unwrap());
    assert!(provider
        .compare_store_ids(&store_a, &store_a.clone(), 0)
        .unwrap());
    // Distinct GUIDs: distinct record keys and object entry IDs.
    let key = |l: &ReferenceLogon| l.store_prop(PR_STORE_RECORD_KEY);
    assert_ne!(key(&a), key(&b));
    let in_a = save_message(&*inbox(&a), 7);
    let in_b = save_message(&*inbox(&b), 8);
    assert_ne!(in_a[..36], in_b[..36]);
    assert!(
        open_message(&a, &in_b).is_none(),
        "b's message is no entry of a"
    );
    assert_eq!(
        a.open_entry(Some(&in_b), None, 0)
            .err()
            .map(|e| e.hresult()),
        Some(MAPI_E_INVALID_ENTRYID)
    );
    // Each store opens itself by its entry ID, not the other's.
    assert!(matches!(
        a.open_entry(Some(&store_a), None, 0),
        Ok(Opened::Store)
    ));
    assert_eq!(
        a.open_entry(Some(&store_b), None, 0)
            .err()
            .map(|e| e.hresult()),
        Some(MAPI_E_INVALID_ENTRYID)
    );
    drop((a, b));

    // A new provider, no profile value: the entry ID alone finds the file.
    let provider = ReferenceStore::default().in_storage(Storage::Memory);
    let by_entry_id = |eid: &[u8]| {
        provider.logon(&LogonRequest {
            entry_id: Some(eid),
            flags: MDB_WRITE,
            spooler: false,
            store_path: None,
        })
    };
    let a = by_entry_id(&store_a).expect("logon by a's entry ID");
    let b = by_entry_id(&store_b).expect("logon by b's entry ID");
    assert_eq!(
        whole_message(&*open_message(&a, &in_a).expect("a's")),
        Some(7)
    );
    assert_eq!(
        whole_message(&*open_message(&b, &in_b).expect("b's")),
        Some(8)
    );
    assert!(open_message(&b, &in_a).is_none());
    assert_eq!(a.store_entry_id(), store_a, "the same entry ID again");
    // The profile's path wins over the entry ID's.
    let profiled = provider
        .logon(&LogonRequest {
            entry_id: Some(&store_a),
            flags: MDB_WRITE,
            spooler: false,
            store_path: Some(&file_b),
        })
        .unwrap();
    assert!(open_message(&profiled, &in_b).is_some());
    // A relative path, a NUL in the path, a mark without a path, a wrong
    // mark: not entry IDs of this provider.
    let mut bad = store_entry_id(1);
    bad.extend_from_slice(&STORE_FILE_MARK);
    for tail in [&b"relative/x.db"[..], b"/a\0b", b""] {
        let mut e = bad.clone();
        e.extend_from_slice(tail);
        assert_eq!(
            by_entry_id(&e).err().map(|e| e.hresult()),
            Some(MAPI_E_INVALID_ENTRYID),
            "{tail:?}"
        );
    }
    let mut wrong_mark = store_entry_id(1);
    wrong_mark.extend_from_slice(b"XXXXXXXX/tmp/x.db");
    assert_eq!(
        by_entry_id(&wrong_mark).err().map(|e| e.hresult()),
        Some(MAPI_E_INVALID_ENTRYID)
    );
    // A file an entry ID names that is gone: MAPI_E_NOT_FOUND, and no
    // empty store is made in its place (a profile's path is created: it
    // names where a store is to be; an entry ID, where one was).
    let gone = dir.0.join("gone.mslogon.db");
    let eid = store_entry_id_in(1, Some(&gone));
    assert_eq!(
        by_entry_id(&eid).err().map(|e| e.hresult()),
        Some(MAPI_E_NOT_FOUND)
    );
    assert!(!gone.exists());
}

/// A full disk (here: the file-size limit, `ulimit -f`, with SIGXFSZ
/// ignored, so a write past it fails with EFBIG as on a full disk): the
/// SaveChanges that cannot be written answers MAPI_E_DISK_ERROR and
/// nothing panics; every message saved before it is intact, the failed
/// one is not there at all, and the file passes `integrity_check`.
#[cfg(unix)]
#[test]
fn a_full_disk_is_mapi_e_disk_error_and_loses_nothing() {
    let dir = TempDir::new("full");
    drop(logon(&dir.0)); // the store exists: the limit bites its WAL
    let file = Storage::Directory(dir.0.clone()).store_file(1).unwrap();
    let size = std::fs::metadata(&file).unwrap().len();
    // 512 blocks: 256 KiB (dash) or 512 KiB (bash); the WAL outgrows
    // either after a few dozen saves of ~33 KB of pages.
    let script = "trap '' XFSZ; ulimit -f 512 && exec \"$0\" \"$@\"";
    let out = Command::new("sh")
        .args(["-c", script])
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process_entry",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("MSLOGON_DURABLE_CHILD", &dir.0)
        .env("MSLOGON_DURABLE_REPORT_FAILURE", "1")
        .env("MSLOGON_DURABLE_COUNT", "100000")
        .stderr(Stdio::null())
        .output()
        .expect("the child runs");
    assert!(out.status.success(), "the child failed: {out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut saved = Vec::new();
    let mut failed = None;
    for line in stdout.lines() {
        if let Some(at) = line.find("saved ") {
            let mut parts = line[at + 6..].split(' ');
            let n: u32 = parts.next().unwrap().parse().unwrap();
            saved.push((n, unhex(parts.next().unwrap())));
        } else if let Some(at) = line.find("failed ") {
            let mut parts = line[at + 7..].split(' ');
            let n: u32 = parts.next().unwrap().parse().unwrap();
            let hr = u32::from_str_radix(parts.next().unwrap(), 16).unwrap();
            failed = Some((n, hr as HRESULT));
        }
    }
    let (failed_n, hr) = failed.expect("a save failed at the limit");
    assert_eq!(hr, MAPI_E_DISK_ERROR, "{stdout}");
    assert!(!saved.is_empty(), "some saves fit under the limit");
    assert_eq!(
        failed_n as usize,
        saved.len(),
        "the failure is the next save"
    );
    assert!(
        size < 256 * 1024,
        "the limit is above the new store: {size}"
    );
    eprintln!(
        "{} saves fit under the file-size limit; save {failed_n}: MAPI_E_DISK_ERROR",
        saved.len()
    );

    // Without the limit: the store is whole.
    let db = SqliteBackend::open(&file, [0; 16]).expect("the store opens");
    db.integrity_check().expect("integrity_check is ok");
    drop(db);
    let (_p, logon) = logon(&dir.0);
    for (n, eid) in &saved {
        let m = open_message(&logon, eid).unwrap_or_else(|| panic!("message {n} is gone"));
        assert_eq!(whole_message(&*m), Some(*n));
    }
    let table = inbox(&logon).contents_table(false, true).unwrap();
    assert_eq!(
        table.row_count(),
        saved.len(),
        "the failed save left nothing behind"
    );
    // And the store takes the next message again.
    let eid = save_message(&*inbox(&logon), failed_n);
    assert_eq!(
        whole_message(&*open_message(&logon, &eid).unwrap()),
        Some(failed_n)
    );
}
