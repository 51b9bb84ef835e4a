//! Large values in the durable store (issue 12: "bodies and attachment
//! data streamed, not loaded whole"): what BENCHMARKS.md ("Durable store",
//! "Large values") reports. Not a test: nothing here checks the speed; it
//! checks the bytes it reads back and exits non-zero if one is wrong.
//!
//! ```sh
//! cargo run --release --example large_bench -- create DIR MIB
//! cargo run --release --example large_bench -- open DIR
//! ```
//!
//! `create` makes a store in DIR whose Inbox holds an empty message and a
//! message with one attachment of MIB MiB (`PR_ATTACH_DATA_BIN` written
//! through `OpenProperty(IID_IStream)` in 64 KiB writes) and a 64 KiB
//! body. `open` (a new process) opens the empty message, then the large
//! one, its attachment, streams the data out in 64 KiB reads, saves a
//! small change to the message (`SetProps(PR_SUBJECT)` + `SaveChanges`)
//! and copies it (`CopyMessages`) to a subfolder. Each step: wall time,
//! RSS after it and the peak RSS during it (`VmHWM`, reset before each step
//! through `/proc/self/clear_refs`). Records are tab-separated lines.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use mslogon::mapi::*;
use mslogon::provider::{
    Folder, LogonProvider, LogonRequest, MessageStoreProvider, Opened, PropStream, PropValue,
};
use mslogon::store::{ReferenceLogon, ReferenceStore, Storage};

type Outcome<T> = Result<T, String>;

fn mapi<T>(what: &str, r: MapiResult<T>) -> Outcome<T> {
    r.map_err(|e| format!("{what}: {e:?}"))
}

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Resets the peak RSS (`VmHWM`) to the current RSS.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn step<T>(what: &str, f: impl FnOnce() -> Outcome<T>) -> Outcome<T> {
    reset_peak();
    let start = Instant::now();
    let out = f()?;
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "{what}\t{ms:.1} ms\trss {:.1} MiB\tpeak {:.1} MiB",
        status_kib("VmRSS:") as f64 / 1024.0,
        status_kib("VmHWM:") as f64 / 1024.0
    );
    Ok(out)
}

fn logon(dir: &Path) -> Outcome<(ReferenceStore, ReferenceLogon)> {
    let provider = ReferenceStore::default().in_storage(Storage::Directory(dir.to_path_buf()));
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
    match mapi("OpenEntry", logon.open_entry(Some(&eid), None, MAPI_MODIFY))? {
        Opened::Folder(f) => Ok(f),
        _ => Err("the Inbox is not a folder".into()),
    }
}

fn entry_id(p: &dyn mslogon::provider::MapiProp) -> Outcome<Vec<u8>> {
    match mapi("GetProps", p.get_props(&[PR_ENTRYID]))?
        .pop()
        .flatten()
    {
        Some(PropValue::Binary(b)) => Ok(b),
        other => Err(format!("no entry ID: {other:?}")),
    }
}

fn stream(opened: Opened) -> Outcome<Box<dyn PropStream>> {
    match opened {
        Opened::Stream(s) => Ok(s),
        _ => Err("not a stream".into()),
    }
}

/// Byte `i` of the attachment data.
fn byte(i: u64) -> u8 {
    (i.wrapping_mul(2_654_435_761) >> 13) as u8
}

const CHUNK: usize = 64 * 1024;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
        .collect()
}

fn create(dir: &Path, mib: u64) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let (_p, logon) = logon(dir)?;
    let inbox = inbox(&logon)?;
    let empty = mapi("CreateMessage", inbox.create_message(false))?;
    mapi(
        "SetProps",
        empty.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("empty".into()))]),
    )?;
    mapi("SaveChanges", empty.save_changes(0))?;
    let total = mib * 1024 * 1024;
    let big = step("write+save (attachment + 64 KiB body)", || {
        let m = mapi("CreateMessage", inbox.create_message(false))?;
        mapi(
            "SetProps",
            m.set_props(vec![
                (0, PR_SUBJECT_W, PropValue::String("large".into())),
                (1, PR_BODY_W, PropValue::String("b".repeat(32 * 1024))),
            ]),
        )?;
        let (_, a) = mapi("CreateAttach", m.create_attach())?;
        mapi(
            "SetProps",
            a.set_props(vec![(
                0,
                PR_ATTACH_METHOD,
                PropValue::Long(ATTACH_BY_VALUE),
            )]),
        )?;
        let s = stream(mapi(
            "OpenProperty",
            a.open_property(
                PR_ATTACH_DATA_BIN,
                &IID_IStream,
                0,
                MAPI_CREATE | MAPI_MODIFY,
            ),
        )?)?;
        let mut buf = vec![0u8; CHUNK];
        let mut at = 0u64;
        while at < total {
            for (k, b) in buf.iter_mut().enumerate() {
                *b = byte(at + k as u64);
            }
            mapi("Write", s.write(&buf))?;
            at += CHUNK as u64;
        }
        mapi("Commit", s.commit())?;
        drop(s);
        mapi("SaveChanges(attach)", a.save_changes(0))?;
        drop(a);
        mapi("SaveChanges", m.save_changes(0))?;
        Ok(m)
    })?;
    let ids = format!(
        "{}\n{}\n{total}\n",
        hex(&entry_id(&*empty)?),
        hex(&entry_id(&*big)?)
    );
    std::fs::write(dir.join("eids"), ids).map_err(|e| e.to_string())
}

fn open(dir: &Path) -> Outcome<()> {
    let text = std::fs::read_to_string(dir.join("eids")).map_err(|e| e.to_string())?;
    let lines: Vec<&str> = text.lines().collect();
    let (empty, big) = (unhex(lines[0]), unhex(lines[1]));
    let total: u64 = lines[2].parse().map_err(|_| "size")?;
    let (_p, logon) = logon(dir)?;
    let inbox = inbox(&logon)?;
    println!(
        "start\t-\trss {:.1} MiB",
        status_kib("VmRSS:") as f64 / 1024.0
    );
    let open_msg = |eid: &[u8]| -> Outcome<Box<dyn mslogon::provider::Message>> {
        match mapi("OpenEntry", logon.open_entry(Some(eid), None, MAPI_MODIFY))? {
            Opened::Message(m) => Ok(m),
            _ => Err("not a message".into()),
        }
    };
    let e = step("open empty message", || open_msg(&empty))?;
    drop(e);
    let m = step("open large message", || open_msg(&big))?;
    let a = step("open attachment", || {
        mapi("OpenAttach", m.open_attach(0, false))
    })?;
    step("stream out (64 KiB reads)", || {
        let s = stream(mapi(
            "OpenProperty",
            a.open_property(PR_ATTACH_DATA_BIN, &IID_IStream, 0, 0),
        )?)?;
        if mapi("Stat", s.size())? != total {
            return Err("wrong size".into());
        }
        let mut buf = vec![0u8; CHUNK];
        let mut at = 0u64;
        loop {
            let n = mapi("Read", s.read(&mut buf))?;
            if n == 0 {
                break;
            }
            if buf[..n]
                .iter()
                .enumerate()
                .any(|(k, b)| *b != byte(at + k as u64))
            {
                return Err(format!("wrong byte near {at}"));
            }
            at += n as u64;
        }
        if at == total {
            Ok(())
        } else {
            Err(format!("read {at} of {total}"))
        }
    })?;
    drop(a);
    step("save a small change", || {
        mapi(
            "SetProps",
            m.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("changed".into()))]),
        )?;
        mapi("SaveChanges", m.save_changes(KEEP_OPEN_READWRITE))
    })?;
    drop(m);
    let dest = mapi(
        "CreateFolder",
        inbox.create_folder(FOLDER_GENERIC, "copies", None, true),
    )?;
    let dest = entry_id(&*dest)?;
    step("CopyMessages", || {
        mapi("CopyMessages", inbox.copy_messages(&[&big], &dest, 0)).map(drop)
    })?;
    println!(
        "store file\t{:.1} MiB",
        std::fs::metadata(
            Storage::Directory(dir.to_path_buf())
                .store_file(1)
                .unwrap_or_default()
        )
        .map_or(0, |m| m.len()) as f64
            / 1048576.0
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.get(1).cloned().unwrap_or_default());
    let out = match args.first().map(String::as_str) {
        Some("create") => create(
            &dir,
            args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100),
        ),
        Some("open") => open(&dir),
        _ => Err("usage: large_bench create DIR MIB | open DIR".into()),
    };
    match out {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("large_bench: {e}");
            ExitCode::FAILURE
        }
    }
}
