//! The reference store's behaviour through the provider traits, run
//! against every backend (one parameterised suite: add a backend to
//! `backends()`).

use std::sync::Arc;

use super::*;
use crate::provider::{Folder, MapiProp, Opened, PropName, PropValue};

fn backends() -> Vec<(&'static str, Box<dyn Backend>)> {
    #[allow(unused_mut)] // Miri cannot run SQLite's C code
    let mut all: Vec<(&'static str, Box<dyn Backend>)> =
        vec![("memory", Box::new(MemoryBackend::new([7; 16])))];
    #[cfg(not(miri))]
    all.push((
        "sqlite",
        Box::new(SqliteBackend::scratch([8; 16]).expect("a scratch SQLite store")),
    ));
    all
}

fn each_backend(mut test: impl FnMut(Arc<Engine>)) {
    for (name, backend) in backends() {
        eprintln!("backend: {name}");
        test(Arc::new(Engine::open(backend, 1).expect("store opens")));
    }
}

fn folder(engine: &Arc<Engine>, id: ObjectId) -> Box<dyn Folder> {
    match objects::open_entry(engine, Some(&engine.folder_entry_id(id)), MAPI_MODIFY, true).unwrap()
    {
        Opened::Folder(f) => f,
        _ => panic!("not a folder"),
    }
}

fn get(p: &dyn MapiProp, tag: ULONG) -> Option<PropValue> {
    p.get_props(&[tag]).unwrap().pop().unwrap()
}

fn eid_of(p: &dyn MapiProp) -> Vec<u8> {
    match get(p, PR_ENTRYID) {
        Some(PropValue::Binary(b)) => b,
        other => panic!("no entry ID: {other:?}"),
    }
}

#[test]
fn standard_tree_and_receive_folders() {
    each_backend(|e| {
        let root = folder(&e, folders::ROOT);
        assert_eq!(
            get(&*root, PR_FOLDER_TYPE),
            Some(PropValue::Long(FOLDER_ROOT))
        );
        assert_eq!(get(&*root, PR_PARENT_ENTRYID), get(&*root, PR_ENTRYID));
        assert_eq!(get(&*root, PR_SUBFOLDERS), Some(PropValue::Boolean(true)));
        for class in ["", "IPM", "IPM.Note", "ipm.note.x", "REPORT.IPM"] {
            assert_eq!(
                e.receive_folder(class).unwrap().0,
                folders::INBOX,
                "{class}"
            );
        }
        assert_eq!(
            e.receive_folder("IPC").unwrap(),
            (folders::ROOT, "IPC".into())
        );
        assert_eq!(e.receive_folder("IPMX").unwrap().1, "");
        e.set_receive_folder("IPM.Note", Some(folders::OUTBOX))
            .unwrap();
        assert_eq!(
            e.receive_folder("IPM.Note.Y").unwrap(),
            (folders::OUTBOX, "IPM.Note".into())
        );
        e.set_receive_folder("ipm.note", None).unwrap();
        assert_eq!(e.receive_folder("IPM.Note").unwrap().0, folders::INBOX);
        assert_eq!(
            e.set_receive_folder("", None),
            Err(MapiError::Other(MAPI_E_NO_ACCESS))
        );
        assert_eq!(
            e.set_receive_folder("X", Some(999_999)),
            Err(MapiError::NotFound)
        );
    });
}

#[test]
fn entry_ids_are_checked() {
    each_backend(|e| {
        let id = e.folder_entry_id(folders::INBOX);
        assert_eq!(
            e.parse_entry_id(&id),
            Ok(EntryTarget::Folder(folders::INBOX))
        );
        assert_eq!(e.parse_entry_id(&id[..40]), Err(MapiError::InvalidEntryId));
        let mut other_store = id.clone();
        other_store[25] ^= 1;
        assert_eq!(
            e.parse_entry_id(&other_store),
            Err(MapiError::InvalidEntryId)
        );
        let mut short_term = id.clone();
        short_term[0] = 0x80;
        assert_eq!(
            e.parse_entry_id(&short_term),
            Err(MapiError::InvalidEntryId)
        );
        assert_eq!(
            e.parse_entry_id(&e.store_entry_id()),
            Ok(EntryTarget::Store(1))
        );
        let gone = e.message_entry_id(123_456);
        assert!(matches!(
            objects::open_entry(&e, Some(&gone), 0, true),
            Err(MapiError::NotFound)
        ));
    });
}

#[test]
fn folders_collide_delete_copy_and_move() {
    each_backend(|e| {
        let top = folder(&e, folders::IPM_SUBTREE);
        let a = top
            .create_folder(FOLDER_GENERIC, "A", Some("first"), false)
            .unwrap();
        assert!(matches!(
            top.create_folder(FOLDER_GENERIC, "a", None, false),
            Err(MapiError::Other(MAPI_E_COLLISION))
        ));
        let again = top.create_folder(FOLDER_GENERIC, "A", None, true).unwrap();
        assert_eq!(eid_of(&*again), eid_of(&*a));
        let b = a.create_folder(FOLDER_GENERIC, "B", None, false).unwrap();
        let m = a.create_message(false).unwrap();
        m.save_changes(0).unwrap();
        let a_id = eid_of(&*a);
        let b_id = eid_of(&*b);
        assert!(matches!(
            top.delete_folder(&a_id, DEL_MESSAGES),
            Err(MapiError::Other(MAPI_E_HAS_FOLDERS))
        ));
        assert!(matches!(
            top.delete_folder(&a_id, DEL_FOLDERS),
            Err(MapiError::Other(MAPI_E_HAS_MESSAGES))
        ));
        // Cycle: A into its own child B.
        assert!(matches!(
            top.copy_folder(&a_id, &b_id, None, FOLDER_MOVE),
            Err(MapiError::Other(MAPI_E_FOLDER_CYCLE))
        ));
        // Deep copy under Inbox, then the original still has its contents.
        let inbox = e.folder_entry_id(folders::INBOX);
        top.copy_folder(&a_id, &inbox, Some("A copy"), COPY_SUBFOLDERS)
            .unwrap();
        let inbox_f = folder(&e, folders::INBOX);
        assert_eq!(
            get(&*inbox_f, PR_SUBFOLDERS),
            Some(PropValue::Boolean(true))
        );
        assert_eq!(e.counts(folders::INBOX).unwrap().folders, 1);
        top.delete_folder(&a_id, DEL_FOLDERS | DEL_MESSAGES)
            .unwrap();
        assert!(matches!(
            e.folder(e.parse_folder(&b_id).unwrap()),
            Err(MapiError::NotFound)
        ));
        // The standard folders stay.
        assert!(matches!(
            top.delete_folder(&inbox, DEL_FOLDERS | DEL_MESSAGES),
            Err(MapiError::Other(MAPI_E_NO_ACCESS))
        ));
    });
}

#[test]
fn messages_are_transacted_and_computed_props_read_only() {
    each_backend(|e| {
        let inbox = folder(&e, folders::INBOX);
        let m = inbox.create_message(false).unwrap();
        let problems = m
            .set_props(vec![
                (0, PR_SUBJECT_W, PropValue::String("hello".into())),
                (1, PR_ENTRYID, PropValue::Binary(vec![1])),
                (
                    2,
                    PROP_TAG(PT_MV_LONG, 0x6601),
                    PropValue::MvLong(vec![1, 2]),
                ),
            ])
            .unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].index, problems[0].scode), (1, MAPI_E_COMPUTED));
        m.modify_recipients(
            0,
            vec![
                vec![(PR_DISPLAY_NAME_W, PropValue::String("Ann".into()))],
                vec![
                    (PR_DISPLAY_NAME_W, PropValue::String("Bob".into())),
                    (PR_RECIPIENT_TYPE, PropValue::Long(MAPI_CC)),
                ],
            ],
        )
        .unwrap();
        assert_eq!(
            get(&*m, PR_DISPLAY_TO_W),
            Some(PropValue::String("Ann".into()))
        );
        assert_eq!(
            get(&*m, PR_DISPLAY_CC_W),
            Some(PropValue::String("Bob".into()))
        );
        assert_eq!(
            m.modify_recipients(MODRECIP_REMOVE, vec![vec![(PR_ROWID, PropValue::Long(9))]]),
            Err(MapiError::NotFound)
        );
        let (n, att) = m.create_attach().unwrap();
        att.set_props(vec![(
            0,
            PR_ATTACH_DATA_BIN,
            PropValue::Binary(vec![1, 2, 3]),
        )])
        .unwrap();
        att.save_changes(0).unwrap();
        assert_eq!(
            e.counts(folders::INBOX).unwrap().messages,
            0,
            "not saved yet"
        );
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        assert_eq!(e.counts(folders::INBOX).unwrap().messages, 1);
        assert_eq!(e.counts(folders::INBOX).unwrap().unread, 1);
        // An unsaved change is not seen by a second copy.
        m.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("changed".into()))])
            .unwrap();
        let eid = eid_of(&*m);
        let Opened::Message(copy) = objects::open_entry(&e, Some(&eid), MAPI_MODIFY, true).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            get(&*copy, PR_SUBJECT_W),
            Some(PropValue::String("hello".into()))
        );
        assert_eq!(get(&*copy, PR_HASATTACH), Some(PropValue::Boolean(true)));
        assert!(copy.open_attach(n, false).is_ok());
        // The copy saves first: the older one is stale.
        copy.save_changes(0).unwrap();
        assert_eq!(
            m.save_changes(0),
            Err(MapiError::Other(MAPI_E_OBJECT_CHANGED))
        );
        m.save_changes(FORCE_SAVE).unwrap();
        // Without KEEP_OPEN_* the object stays readable only.
        assert_eq!(m.set_props(vec![]), Err(MapiError::Other(MAPI_E_NO_ACCESS)));
        // Read flags, move, delete.
        inbox.set_read_flags(None, 0).unwrap();
        assert_eq!(e.counts(folders::INBOX).unwrap().unread, 0);
        let outbox = e.folder_entry_id(folders::OUTBOX);
        assert!(!inbox.copy_messages(&[&eid], &outbox, MESSAGE_MOVE).unwrap());
        assert_eq!(e.counts(folders::OUTBOX).unwrap().messages, 1);
        assert!(
            inbox.delete_messages(&[&eid], 0).unwrap(),
            "not in Inbox any more: partial"
        );
    });
}

#[test]
fn named_properties_are_stable() {
    each_backend(|e| {
        let g = crate::provider::GuidKey(GUID::new(1, 2, 3, [4; 8]));
        let names = [PropName::Id(g, 7), PropName::String(g, "Keywords".into())];
        let ids = e.ids_from_names(&names, true).unwrap();
        assert!(ids.iter().all(|i| i.is_some_and(|i| i >= 0x8000)));
        assert_eq!(e.ids_from_names(&names, false).unwrap(), ids);
        assert_eq!(
            e.ids_from_names(&[PropName::Id(g, 8)], false).unwrap(),
            vec![None]
        );
        let back = e.names_from_ids(&[ids[0].unwrap(), ids[1].unwrap(), 0x7FFF]);
        assert_eq!(
            back,
            vec![Some(names[0].clone()), Some(names[1].clone()), None]
        );
    });
}

/// A table sorted on an indexed key (delivery time: SQLite answers the
/// order from its index) has the same rows in the same order as the
/// engine's own sort (the in-memory backend), ascending and descending,
/// with ties and missing values; and so after a value the index cannot
/// order (a PT_LONG under the delivery time's ID: the engine sorts).
#[test]
fn indexed_sorts_agree_with_the_engine() {
    let mut orders: Vec<Vec<Vec<Option<PropValue>>>> = Vec::new();
    each_backend(|e| {
        let inbox = folder(&e, folders::INBOX);
        let mut seed = 7u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..120u32 {
            let m = inbox.create_message(false).unwrap();
            let mut props = vec![(0, PR_SUBJECT_W, PropValue::String(format!("m{i}")))];
            match next() % 5 {
                0 => {} // no delivery time
                _ => props.push((
                    1,
                    PR_MESSAGE_DELIVERY_TIME,
                    PropValue::SysTime(1_000 + next() % 40), // ties
                )),
            }
            assert!(m.set_props(props).unwrap().is_empty());
            m.save_changes(0).unwrap();
        }
        let run = |e: &Arc<Engine>| {
            let mut seen = Vec::new();
            for descending in [false, true] {
                let t = tables::contents_table(e.clone(), folders::INBOX, false, true).unwrap();
                t.set_columns(vec![PR_SUBJECT_W, PR_MESSAGE_DELIVERY_TIME])
                    .unwrap();
                t.sort(vec![crate::table::SortKey {
                    tag: PR_MESSAGE_DELIVERY_TIME,
                    descending,
                }])
                .unwrap();
                for row in t.query_rows(i32::MAX, false).unwrap() {
                    seen.push(row.into_iter().map(|(_, v)| v).collect());
                }
            }
            seen
        };
        let indexed = run(&e);
        // One value of another type under the delivery time's ID.
        let odd = inbox.create_message(false).unwrap();
        odd.set_props(vec![
            (0, PR_SUBJECT_W, PropValue::String("odd".into())),
            (1, PROP_TAG(PT_LONG, 0x0E06), PropValue::Long(5)),
        ])
        .unwrap();
        odd.save_changes(0).unwrap();
        let mut all = indexed;
        all.extend(run(&e));
        orders.push(all);
    });
    for o in &orders[1..] {
        assert_eq!(o, &orders[0], "a backend's order differs");
    }
}

fn stream_of(opened: Opened) -> Box<dyn crate::provider::PropStream> {
    match opened {
        Opened::Stream(s) => s,
        _ => panic!("not a stream"),
    }
}

fn open_message(e: &Arc<Engine>, eid: &[u8], flags: ULONG) -> Box<dyn crate::provider::Message> {
    match objects::open_entry(e, Some(eid), flags, true).unwrap() {
        Opened::Message(m) => m,
        _ => panic!("not a message"),
    }
}

/// A body of `units` UTF-16 units that differ along it.
fn long_text(units: usize, seed: u32) -> String {
    (0..units)
        .map(|i| char::from(b'a' + ((i as u32 * 7 + seed) % 26) as u8))
        .collect()
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn read_all(s: &dyn crate::provider::PropStream, chunk: usize) -> MapiResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; chunk];
    loop {
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// Where the large values of message `id` are: stored apart (SQLite) or
/// held in memory, never among the small properties.
fn large_ids(e: &Engine, id: ObjectId) -> Vec<(u16, backend::LargeSource)> {
    let r = e.message(id).unwrap();
    let mut out: Vec<_> = r
        .large
        .iter()
        .map(|(t, v)| (*t, v.source.clone()))
        .collect();
    for a in &r.attachments {
        out.extend(a.large.iter().map(|(t, v)| (*t, v.source.clone())));
    }
    out
}

#[test]
fn large_values_are_streamed_carried_over_copied_and_deleted() {
    each_backend(|e| {
        let sqlite = e.backend().large_value_count().unwrap().is_some();
        let count = || e.backend().large_value_count().unwrap().unwrap_or(0);
        let inbox = folder(&e, folders::INBOX);
        // Above the 32 KiB threshold; several 64 KiB chunks in SQLite
        // (smaller under Miri, which is slow).
        let (units, bytes) = if cfg!(miri) {
            (17_000, 40_000)
        } else {
            (70_000, 200_000)
        };
        let body = long_text(units, 3);
        let data: Vec<u8> = (0..bytes as u32).map(|i| (i * 31 / 7) as u8).collect();

        // Written through streams in 4 KiB pieces.
        let m = inbox.create_message(false).unwrap();
        let s = stream_of(
            m.open_property(PR_BODY_W, &IID_IStream, 0, MAPI_CREATE | MAPI_MODIFY)
                .unwrap(),
        );
        for piece in utf16(&body).chunks(4096) {
            assert_eq!(s.write(piece).unwrap(), piece.len());
        }
        s.commit().unwrap();
        drop(s);
        let (n, a) = m.create_attach().unwrap();
        let s = stream_of(
            a.open_property(
                PR_ATTACH_DATA_BIN,
                &IID_IStream,
                0,
                MAPI_CREATE | MAPI_MODIFY,
            )
            .unwrap(),
        );
        for piece in data.chunks(4096) {
            s.write(piece).unwrap();
        }
        s.commit().unwrap();
        drop(s);
        a.save_changes(0).unwrap();
        drop(a);
        m.save_changes(0).unwrap();
        let eid = eid_of(&*m);
        drop(m);
        let id = e.parse_message(&eid).unwrap();
        let stored = e.message(id).unwrap();
        assert!(!stored.props.contains_key(&engine::pid(PR_BODY_W)));
        assert_eq!(large_ids(&e, id).len(), 2);
        assert_eq!(count(), if sqlite { 2 } else { 0 });

        // Read back: Stat, Seek, Read in chunks, GetProps, GetPropList,
        // sizes.
        let m = open_message(&e, &eid, MAPI_MODIFY);
        let s = stream_of(m.open_property(PR_BODY_W, &IID_IStream, 0, 0).unwrap());
        let len = 2 * units as u64;
        assert_eq!(s.size().unwrap(), len);
        assert_eq!(s.seek(-10, STREAM_SEEK_END).unwrap(), len - 10);
        let mut tail = [0u8; 64];
        assert_eq!(s.read(&mut tail).unwrap(), 10);
        assert_eq!(&tail[..10], &utf16(&body)[len as usize - 10..]);
        assert_eq!(s.read(&mut tail).unwrap(), 0);
        s.seek(0, STREAM_SEEK_SET).unwrap();
        assert_eq!(read_all(&*s, 65_536).unwrap(), utf16(&body));
        assert_eq!(
            s.write(b"x"),
            Err(MapiError::Other(STG_E_ACCESSDENIED)),
            "opened for reading"
        );
        drop(s);
        assert_eq!(get(&*m, PR_BODY_W), Some(PropValue::String(body.clone())));
        assert!(m.prop_list().unwrap().contains(&PR_BODY_W));
        match get(&*m, PR_MESSAGE_SIZE) {
            Some(PropValue::Long(n)) => assert!(n as usize >= 2 * units + bytes, "{n}"),
            other => panic!("{other:?}"),
        }
        // PT_STRING8 of a Unicode body: converted.
        let s = stream_of(m.open_property(PR_BODY_A, &IID_IStream, 0, 0).unwrap());
        assert_eq!(read_all(&*s, 10_000).unwrap(), body.as_bytes());
        let a = m.open_attach(n, false).unwrap();
        assert!(a.prop_list().unwrap().contains(&PR_ATTACH_DATA_BIN));
        assert_eq!(
            get(&*a, PR_ATTACH_DATA_BIN),
            Some(PropValue::Binary(data.clone()))
        );
        match get(&*a, PR_ATTACH_SIZE) {
            Some(PropValue::Long(n)) => assert!(n as usize >= bytes, "{n}"),
            other => panic!("{other:?}"),
        }
        let s = stream_of(
            a.open_property(PR_ATTACH_DATA_BIN, &IID_IStream, 0, 0)
                .unwrap(),
        );
        // Across a chunk boundary (65,536) in SQLite.
        let at = bytes / 2 - 500;
        s.seek(at as i64, STREAM_SEEK_SET).unwrap();
        let mut mid = vec![0u8; 1000];
        assert_eq!(s.read(&mut mid).unwrap(), 1000);
        assert_eq!(mid, data[at..at + 1000]);
        s.seek(30_000, STREAM_SEEK_SET).unwrap();
        let mut mid = vec![0u8; 70_000];
        let want = (bytes - 30_000).min(70_000);
        assert_eq!(s.read(&mut mid).unwrap(), want);
        assert_eq!(mid[..want], data[30_000..30_000 + want]);
        drop((s, a));

        // A table column and a RES_CONTENT restriction on the body.
        let t = inbox.contents_table(false, true).unwrap();
        t.set_columns(vec![PR_ENTRYID, PR_BODY_W]).unwrap();
        t.restrict(Some(crate::table::Restriction::Content {
            fuzzy: crate::table::Fuzzy {
                level: FL_SUBSTRING,
                ignore_case: false,
            },
            tag: PR_BODY_W,
            value: PropValue::String(body[units - 100..units - 80].to_owned()),
        }))
        .unwrap();
        let rows = t.query_rows(10, false).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][1].1, Some(PropValue::String(body.clone())));
        let at = m.attachment_table(true).unwrap();
        at.set_columns(vec![PR_ATTACH_NUM, PR_ATTACH_DATA_BIN])
            .unwrap();
        let rows = at.query_rows(10, false).unwrap();
        assert_eq!(rows[0][1].1, Some(PropValue::Binary(data.clone())));

        // A small change: the large values are carried over, not written
        // again (same stored numbers).
        let before = large_ids(&e, id);
        m.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("small".into()))])
            .unwrap();
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        if sqlite {
            assert_eq!(large_ids(&e, id), before);
            assert_eq!(count(), 2);
        }
        // Read flags and moves carry them over too.
        inbox.set_read_flags(Some(&[&eid]), 0).unwrap();
        if sqlite {
            assert_eq!(large_ids(&e, id), before);
        }

        // A copy copies them (a second copy in the store, same bytes).
        let drafts = e.folder_entry_id(folders::SENT_ITEMS);
        inbox.copy_messages(&[&eid], &drafts, 0).unwrap();
        assert_eq!(count(), if sqlite { 4 } else { 0 });
        let copy = *e
            .backend()
            .messages(folders::SENT_ITEMS, false)
            .unwrap()
            .last()
            .unwrap();
        let cm = open_message(&e, &e.message_entry_id(copy), 0);
        assert_eq!(get(&*cm, PR_BODY_W), Some(PropValue::String(body.clone())));
        let ca = cm.open_attach(n, false).unwrap();
        let s = stream_of(
            ca.open_property(PR_ATTACH_DATA_BIN, &IID_IStream, 0, 0)
                .unwrap(),
        );
        assert_eq!(read_all(&*s, 65_536).unwrap(), data);
        drop((s, ca, cm));

        // Replaced by a small value: the large one goes.
        let m = open_message(&e, &eid, MAPI_MODIFY);
        let s = stream_of(
            m.open_property(PR_BODY_W, &IID_IStream, 0, MAPI_MODIFY)
                .unwrap(),
        );
        s.set_size(0).unwrap();
        s.write(&utf16("short")).unwrap();
        s.commit().unwrap();
        drop(s);
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        assert_eq!(get(&*m, PR_BODY_W), Some(PropValue::String("short".into())));
        assert_eq!(count(), if sqlite { 3 } else { 0 });
        // A large value set by SetProps is kept apart at the save too.
        let big = vec![7u8; 40_000];
        m.set_props(vec![(
            0,
            PROP_TAG(PT_BINARY, 0x6700),
            PropValue::Binary(big.clone()),
        )])
        .unwrap();
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        assert_eq!(large_ids(&e, id).len(), 2);
        assert_eq!(
            get(&*m, PROP_TAG(PT_BINARY, 0x6700)),
            Some(PropValue::Binary(big))
        );
        m.delete_props(&[PROP_TAG(PT_BINARY, 0x6700)]).unwrap();
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        assert_eq!(get(&*m, PROP_TAG(PT_BINARY, 0x6700)), None);
        assert_eq!(count(), if sqlite { 3 } else { 0 });
        drop(m);

        // Deleting the messages leaves no large value behind.
        let drafts_folder = folder(&e, folders::SENT_ITEMS);
        drafts_folder
            .delete_messages(&[&e.message_entry_id(copy)], 0)
            .unwrap();
        assert_eq!(count(), if sqlite { 1 } else { 0 });
        inbox.delete_messages(&[&eid], 0).unwrap();
        assert_eq!(count(), 0);
    });
}

#[test]
fn a_stream_on_a_replaced_value_fails_cleanly() {
    each_backend(|e| {
        let sqlite = e.backend().large_value_count().unwrap().is_some();
        let inbox = folder(&e, folders::INBOX);
        let body = long_text(17_000, 1);
        let m = inbox.create_message(false).unwrap();
        m.set_props(vec![(0, PR_BODY_W, PropValue::String(body.clone()))])
            .unwrap();
        m.save_changes(0).unwrap();
        let eid = eid_of(&*m);
        drop(m);

        let reader = open_message(&e, &eid, 0);
        let s = stream_of(reader.open_property(PR_BODY_W, &IID_IStream, 0, 0).unwrap());
        let mut buf = vec![0u8; 1000];
        assert_eq!(s.read(&mut buf).unwrap(), 1000);

        // Another client replaces the body.
        let writer = open_message(&e, &eid, MAPI_MODIFY);
        writer
            .set_props(vec![(
                0,
                PR_BODY_W,
                PropValue::String(long_text(17_000, 2)),
            )])
            .unwrap();
        writer.save_changes(KEEP_OPEN_READWRITE).unwrap();

        let next = s.read(&mut buf);
        if sqlite {
            // Stored apart: the old value is gone, and said so.
            assert_eq!(next, Err(MapiError::Other(STG_E_REVERTED)));
            assert_eq!(
                get_err(&*reader, PR_BODY_W),
                Err(MapiError::Other(STG_E_REVERTED))
            );
        } else {
            // Held in memory: the stream keeps the value it opened.
            assert_eq!(next, Ok(1000));
            assert_eq!(buf, utf16(&body)[1000..2000]);
        }
        // The stale copy cannot be saved over the new version.
        drop(s);
        let stale = open_message(&e, &eid, MAPI_MODIFY);
        writer
            .set_props(vec![(0, PR_SUBJECT_W, PropValue::String("again".into()))])
            .unwrap();
        writer.save_changes(0).unwrap();
        stale
            .set_props(vec![(0, PR_SUBJECT_W, PropValue::String("stale".into()))])
            .unwrap();
        assert_eq!(
            stale.save_changes(0),
            Err(MapiError::Other(MAPI_E_OBJECT_CHANGED))
        );
        // Deleted: the stream says so too.
        let s = stream_of(stale.open_property(PR_BODY_W, &IID_IStream, 0, 0).unwrap());
        inbox.delete_messages(&[&eid], 0).unwrap();
        let next = s.read(&mut buf);
        if sqlite {
            assert_eq!(next, Err(MapiError::Other(STG_E_REVERTED)));
        } else {
            assert_eq!(next, Ok(1000));
        }
    });
}

fn get_err(p: &dyn MapiProp, tag: ULONG) -> MapiResult<Option<PropValue>> {
    p.get_props(&[tag]).map(|mut v| v.pop().unwrap())
}

/// A store of schema 1 (no `large_values`; every value inline) is
/// migrated when opened: its values stay readable inline, and move apart
/// when their message is saved again.
#[cfg(not(miri))]
#[test]
fn a_schema_1_store_is_migrated_and_its_inline_values_stay_readable() {
    let path = std::env::temp_dir().join(format!("mslogon-v1-{}.db", std::process::id()));
    remove_store_files(&path);
    let big = vec![5u8; 50_000];
    let eid = {
        let e = Arc::new(
            Engine::open(Box::new(SqliteBackend::open(&path, [9; 16]).unwrap()), 1).unwrap(),
        );
        let id = e.next_id().unwrap();
        // As schema 1 stored it: the value among the others.
        let record = MessageRecord {
            id,
            folder: folders::INBOX,
            associated: false,
            version: 1,
            props: [(engine::pid(PR_HTML), PropValue::Binary(big.clone()))]
                .into_iter()
                .collect(),
            large: Default::default(),
            recipients: Vec::new(),
            attachments: Vec::new(),
        };
        e.backend().apply(vec![Change::PutMessage(record)]).unwrap();
        e.message_entry_id(id)
    };
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP TABLE large_chunks; DROP TABLE large_values; ALTER TABLE properties DROP COLUMN large; \
             DROP INDEX messages_by_size; DROP INDEX messages_by_flags; \
             DROP INDEX messages_by_subject; DROP INDEX messages_by_normalized_subject; \
             ALTER TABLE messages DROP COLUMN message_size; \
             ALTER TABLE messages DROP COLUMN message_flags; \
             ALTER TABLE messages DROP COLUMN subject_key; \
             ALTER TABLE messages DROP COLUMN normalized_subject_key; \
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let e =
        Arc::new(Engine::open(Box::new(SqliteBackend::open(&path, [9; 16]).unwrap()), 1).unwrap());
    let version: i32 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(e.backend().large_value_count().unwrap(), Some(0));
    let m = open_message(&e, &eid, MAPI_MODIFY);
    assert_eq!(get(&*m, PR_HTML), Some(PropValue::Binary(big.clone())));
    let s = stream_of(m.open_property(PR_HTML, &IID_IStream, 0, 0).unwrap());
    assert_eq!(read_all(&*s, 65_536).unwrap(), big);
    drop(s);
    m.save_changes(0).unwrap();
    assert_eq!(e.backend().large_value_count().unwrap(), Some(1));
    let m = open_message(&e, &eid, 0);
    assert_eq!(get(&*m, PR_HTML), Some(PropValue::Binary(big)));
    drop((m, e));
    remove_store_files(&path);
}

/// Characters that make string orders differ: cases (with one-to-many
/// and context-free lowercasings), non-ASCII, combining marks, astral
/// planes, the ends of the ranges.
const SUBJECT_CHARS: &[char] = &[
    'a',
    'A',
    'b',
    'B',
    'z',
    'Z',
    ' ',
    '0',
    '~',
    'é',
    'É',
    'e',
    '\u{301}',
    'ß',
    'ẞ',
    'İ',
    'ı',
    'i',
    'I',
    'Σ',
    'σ',
    'ς',
    'ǅ',
    'ǆ',
    'Ǆ',
    'K',
    'k',
    '\u{212A}',
    'Å',
    '\u{10400}',
    '\u{10428}',
    '😀',
    '\u{7F}',
    '\u{80}',
    '\u{FFFD}',
    '\u{FFFF}',
    '\u{10FFFF}',
    'Ω',
    'ω',
    '\u{2126}',
];

/// A random subject: empty, a mix of [`SUBJECT_CHARS`] and any scalar
/// value but U+0000 (a host's strings end at it), or a prefix, extension
/// or recasing of an earlier one (`seen`).
fn random_subject(next: &mut impl FnMut() -> u64, seen: &[String]) -> String {
    let pick = next() % 8;
    if pick < 3 && !seen.is_empty() {
        let base = &seen[(next() % seen.len() as u64) as usize];
        let chars: Vec<char> = base.chars().collect();
        return match pick {
            0 => chars[..(next() % (chars.len() as u64 + 1)) as usize]
                .iter()
                .collect(),
            1 => format!("{base}{}", random_subject(next, &[])),
            _ => chars
                .iter()
                .map(|c| {
                    if next().is_multiple_of(2) {
                        c.to_uppercase().next().unwrap_or(*c)
                    } else {
                        *c
                    }
                })
                .collect(),
        };
    }
    let len = next() % 7;
    (0..len)
        .map(|_| {
            if next().is_multiple_of(4) {
                char::from_u32((next() % 0x11_0000) as u32)
                    .filter(|&c| c != '\0')
                    .unwrap_or('x')
            } else {
                SUBJECT_CHARS[(next() % SUBJECT_CHARS.len() as u64) as usize]
            }
        })
        .collect()
}

/// The tags sorted by a backend index since schema v2.
const V2_SORT_TAGS: [ULONG; 6] = [
    PR_SUBJECT_W,
    PR_SUBJECT_A,
    PR_NORMALIZED_SUBJECT_W,
    PR_MESSAGE_SIZE,
    PR_MESSAGE_FLAGS,
    PR_NORMALIZED_SUBJECT_A,
];

/// Subject, normalized subject, size and flags sorts: SQLite answers them
/// from its index ([`Backend::messages_sorted`] is `Some`), and the rows
/// come in the order of the engine's own sort, on the same backend (a
/// restriction that matches every row makes the engine sort) and on the
/// in-memory one, ascending and descending, over random Unicode subjects
/// (missing ones, empty ones, prefixes, case variants), flags with the
/// high bit set (PT_LONG compares signed), attachments and recipients
/// (computed size and flags). Then one subject of another type: SQLite
/// leaves that sort to the engine, and the orders still agree.
#[test]
#[cfg_attr(
    miri,
    ignore = "compares SQLite's index with the engine; under Miri only the memory backend runs, the engine against itself"
)]
fn subject_size_and_flags_sorts_agree_with_the_engine() {
    let mut orders: Vec<Vec<Vec<Option<PropValue>>>> = Vec::new();
    each_backend(|e| {
        let sqlite = e
            .backend()
            .messages_sorted(folders::INBOX, false, PR_SUBJECT_W, false);
        let indexed = sqlite.unwrap().is_some();
        let inbox = folder(&e, folders::INBOX);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut seen: Vec<String> = Vec::new();
        for _ in 0..300u32 {
            let m = inbox.create_message(false).unwrap();
            let mut props = Vec::new();
            if next() % 6 != 0 {
                let s = random_subject(&mut next, &seen);
                seen.push(s.clone());
                let tag = if next().is_multiple_of(2) {
                    PR_SUBJECT_W
                } else {
                    PR_SUBJECT_A
                };
                props.push((0, tag, PropValue::String(s)));
            }
            if next() % 3 != 0 {
                let s = random_subject(&mut next, &seen);
                props.push((1, PR_NORMALIZED_SUBJECT_W, PropValue::String(s)));
            }
            let flags = match next() % 4 {
                0 => 0,
                1 => MSGFLAG_READ,
                2 => 0x8000_0000 | MSGFLAG_UNSENT,
                _ => next() as u32 & !(MSGFLAG_HASATTACH | MSGFLAG_ASSOCIATED),
            };
            props.push((2, PR_MESSAGE_FLAGS, PropValue::Long(flags)));
            if next().is_multiple_of(2) {
                let body = "x".repeat((next() % 50) as usize);
                props.push((3, PR_BODY_W, PropValue::String(body)));
            }
            assert!(m.set_props(props).unwrap().is_empty());
            if next().is_multiple_of(4) {
                m.modify_recipients(
                    0,
                    vec![vec![(PR_DISPLAY_NAME_W, PropValue::String("Ann".into()))]],
                )
                .unwrap();
            }
            if next().is_multiple_of(4) {
                let (_, att) = m.create_attach().unwrap();
                let data = vec![7; (next() % 40) as usize];
                att.set_props(vec![(0, PR_ATTACH_DATA_BIN, PropValue::Binary(data))])
                    .unwrap();
                att.save_changes(0).unwrap();
            }
            m.save_changes(0).unwrap();
        }
        let run = |e: &Arc<Engine>, expect_index: bool| {
            let mut seen = Vec::new();
            for tag in V2_SORT_TAGS {
                for descending in [false, true] {
                    let answer = e
                        .backend()
                        .messages_sorted(folders::INBOX, false, tag, descending)
                        .unwrap();
                    assert_eq!(answer.is_some(), expect_index, "{tag:#010X}");
                    let columns = vec![tag, PR_SUBJECT_W, PR_MESSAGE_SIZE, PR_MESSAGE_FLAGS];
                    let mut rows = Vec::new();
                    for restricted in [false, true] {
                        let t =
                            tables::contents_table(e.clone(), folders::INBOX, false, true).unwrap();
                        t.set_columns(columns.clone()).unwrap();
                        if restricted {
                            // Matches every row: the engine sorts.
                            t.restrict(Some(crate::table::Restriction::And(Vec::new())))
                                .unwrap();
                        }
                        t.sort(vec![crate::table::SortKey { tag, descending }])
                            .unwrap();
                        let got: Vec<Vec<Option<PropValue>>> = t
                            .query_rows(i32::MAX, false)
                            .unwrap()
                            .into_iter()
                            .map(|row| row.into_iter().map(|(_, v)| v).collect())
                            .collect();
                        rows.push(got);
                    }
                    assert_eq!(rows[0].len(), 300);
                    let first_difference = rows[0].iter().zip(&rows[1]).position(|(a, b)| a != b);
                    assert_eq!(
                        first_difference.map(|i| (&rows[0][i], &rows[1][i])),
                        None,
                        "{tag:#010X} descending: {descending}"
                    );
                    seen.extend(rows.swap_remove(0));
                }
            }
            seen
        };
        let mut all = run(&e, indexed);
        // One subject of another type under the subject's ID: SQLite
        // cannot order it, the engine sorts (types after missing values).
        let odd = inbox.create_message(false).unwrap();
        odd.set_props(vec![(0, PROP_TAG(PT_LONG, 0x0037), PropValue::Long(5))])
            .unwrap();
        odd.save_changes(0).unwrap();
        for tag in [PR_SUBJECT_W, PR_SUBJECT_A] {
            assert_eq!(
                e.backend()
                    .messages_sorted(folders::INBOX, false, tag, false)
                    .unwrap(),
                None
            );
        }
        let t = tables::contents_table(e.clone(), folders::INBOX, false, true).unwrap();
        t.set_columns(vec![PR_SUBJECT_W, PR_MESSAGE_SIZE]).unwrap();
        for descending in [false, true] {
            t.sort(vec![crate::table::SortKey {
                tag: PR_SUBJECT_W,
                descending,
            }])
            .unwrap();
            all.extend(
                t.query_rows(i32::MAX, false)
                    .unwrap()
                    .into_iter()
                    .map(|row| row.into_iter().map(|(_, v)| v).collect()),
            );
        }
        orders.push(all);
    });
    assert_eq!(orders.len(), backends().len());
    for o in &orders[1..] {
        assert_eq!(o, &orders[0], "a backend's order differs");
    }
}
